"""The rows that belong to a customer file (vehicles, fuel cards, contacts) kept in step
with a form: matched rows updated, new ones added, the others tombstoned, each changed
row marked for sync; and the rows that follow a customer to another station."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from desktop_crm.ids import new_id
from desktop_crm.models import (
    USN_DIRTY,
    Contact,
    Customer,
    FuelCard,
    LevelChange,
    OwnerChange,
    Vehicle,
)
from desktop_crm.services.customer_form import (
    CardForm,
    ContactForm,
    CustomerForm,
    VehicleForm,
    profile_stage,
)
from desktop_crm.services.customer_rows import assign, live_rows, mark_dirty
from desktop_crm.services.validation import is_new_energy_plate


def _sync_rows(
    session: Session,
    customer: Customer,
    model: Any,
    wanted: list[Any],
    key: tuple[str, Any],
    values_of: Any,
    at: int,
    label: Any,
) -> dict[str, list[str]]:
    """Make the customer's live rows of ``model`` match ``wanted``: matched by id, else by
    the key column (so a form built from scratch works too); others are added and the
    rest tombstoned. ``values_of(item, row or None)`` gives the columns to store."""
    column, key_of = key
    existing = {row.id: row for row in live_rows(session, model, customer.id)}
    by_key = {getattr(row, column): row for row in existing.values()}
    claimed: set[str] = set()
    report: dict[str, list[str]] = {}
    for item in wanted:
        row = existing.get(item.id) if item.id else None
        if row is None or row.id in claimed:
            row = by_key.get(key_of(item))
            row = row if row is not None and row.id not in claimed else None
        if row is None:
            row = model(
                id=new_id(),
                customer_id=customer.id,
                org_unit_id=customer.org_unit_id,
                **values_of(item, None),
            )
            session.add(row)
            report.setdefault("added", []).append(label(row))
        elif assign(row, values_of(item, row), at):
            report.setdefault("changed", []).append(label(row))
        claimed.add(row.id)
    for row in existing.values():
        if row.id not in claimed:
            row.deleted = True
            mark_dirty(row, at)
            report.setdefault("removed", []).append(label(row))
    return report


def _vehicle_values(vehicle: VehicleForm, row: Vehicle | None) -> dict[str, Any]:
    # The plate stays as it was written (京A·12345) while its normalised form is unchanged.
    same = row is not None and row.plate_normalized == vehicle.plate
    return {
        "plate": row.plate if same and row is not None else vehicle.plate,
        "plate_normalized": vehicle.plate,
        "model": vehicle.model or None,
        "new_energy": is_new_energy_plate(vehicle.plate),
    }


def _card_values(card: CardForm, _row: FuelCard | None) -> dict[str, Any]:
    return {"card_no": card.card_no, "status": card.status}


def sync_children(
    session: Session, customer: Customer, form: CustomerForm, keep_phones: bool, at: int
) -> dict[str, Any]:
    """Vehicles, cards and contacts as in the form; a contact's stored phone is kept when
    the user saw it masked (``keep_phones``: the user may not see any)."""

    def contact_values(contact: ContactForm, row: Contact | None) -> dict[str, Any]:
        phone = contact.phone or None
        if row is not None and row.phone and (keep_phones or contact.phone_masked):
            phone = row.phone
        return {
            "name": contact.name,
            "title": contact.title or None,
            "phone": phone,
            "email": contact.email or None,
        }

    parts = (
        ("vehicles", Vehicle, form.vehicles, ("plate_normalized", lambda v: v.plate),
         _vehicle_values, lambda r: r.plate),
        ("cards", FuelCard, form.cards, ("card_no", lambda c: c.card_no), _card_values,
         lambda r: r.card_no),
        ("contacts", Contact, form.contacts, ("name", lambda c: c.name), contact_values,
         lambda r: r.name),
    )  # fmt: skip
    detail: dict[str, Any] = {}
    for name, model, wanted, key, values_of, label in parts:
        report = _sync_rows(session, customer, model, wanted, key, values_of, at, label)
        if report:
            detail[name] = report
    return detail


def move_children(session: Session, customer_id: str, org_unit_id: str, at: int) -> None:
    """Rows that travel with the customer follow it to its new station (sync scope)."""
    for model in (Vehicle, FuelCard, Contact, LevelChange, OwnerChange):
        session.execute(
            update(model)
            .where(model.customer_id == customer_id)
            .values(org_unit_id=org_unit_id, usn=USN_DIRTY, updated_at=at)
            .execution_options(synchronize_session="fetch")
        )


def stored_stage(session: Session, customer: Customer) -> str:
    """The profile stage (三步法) of a stored file: its name, phones and contacts' phones."""
    contacts = live_rows(session, Contact, customer.id)
    probe = CustomerForm(
        name=customer.name or "",
        phone=customer.phone or "",
        phone2=customer.phone2 or "",
        contacts=[ContactForm(c.name, phone=c.phone or "") for c in contacts],
    )
    return profile_stage(probe).value
