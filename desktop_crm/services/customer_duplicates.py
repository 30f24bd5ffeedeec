"""Phones, plates and fuel cards of a form that are already on file for another customer.

Policy:
- a plate or a fuel card belongs to exactly one customer: saving a file with a plate or
  card of another live customer is refused (DuplicateRefused); the user opens the other
  file, or merges the two;
- a phone may be shared (families, a fleet's dispatcher, a company switchboard): a
  duplicate phone is a warning. The services save it; the edit dialog shows the other
  customers and asks for a second click on Save before it does.
Tombstoned customers and rows never count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import Contact, Customer, FuelCard, Vehicle
from desktop_crm.models.search import FTS_TABLE
from desktop_crm.services.customer_form import CustomerForm, normalize
from desktop_crm.services.search_index import digits_of

PHONE, PLATE, CARD = "phone", "plate", "card"


@dataclass(frozen=True)
class Duplicate:
    field: str  # phone / plate / card
    value: str  # as normalised
    customer_id: str  # the other customer
    customer_name: str | None
    org_unit_id: str
    form_field: str  # where in the form: phone, phone2, contacts.0.phone, vehicles.1.plate, ...

    @property
    def blocking(self) -> bool:
        """Plates and cards block saving; a shared phone is a warning."""
        return self.field != PHONE


class DuplicateRefused(ValidationError):
    """A plate or card of the form belongs to another customer."""

    def __init__(self, duplicates: list[Duplicate]) -> None:
        self.duplicates = duplicates
        first = duplicates[0]
        if first.field == PLATE:
            text = QT_TRANSLATE_NOOP(
                "errors",
                "The plate {value} is already on file for another customer, and a plate "
                "belongs to one customer. Open that customer, or merge the two files.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "errors",
                "The fuel card {value} is already on file for another customer, and a card "
                "belongs to one customer. Open that customer, or merge the two files.",
            )
        super().__init__(text, field=first.form_field, value=first.value)


def _phones(form: CustomerForm) -> list[tuple[str, str]]:
    found = []
    for name in ("phone", "phone2"):
        value = getattr(form, name)
        if value and name not in form.masked:
            found.append((name, value))
    for i, contact in enumerate(form.contacts):
        if contact.phone and not contact.phone_masked:
            found.append((f"contacts.{i}.phone", contact.phone))
    return found


def _phone_duplicates(
    session: Session, phones: list[tuple[str, str]], exclude_id: str | None
) -> list[Duplicate]:
    wanted = {digits_of(value): (field, value) for field, value in phones if digits_of(value)}
    if not wanted:
        return []
    # The search index finds numbers however they were written; the phone column is
    # indexed too, in case the index lags behind an import.
    match = " OR ".join(f'"m{d}"' for d in wanted)
    candidates = set(
        session.scalars(
            text(
                f"SELECT d.customer_id FROM {FTS_TABLE} AS f JOIN customer_search AS d "
                f"ON d.key = f.rowid WHERE {FTS_TABLE} MATCH :match"
            ),
            {"match": match},
        )
    )
    candidates.update(
        session.scalars(
            select(Customer.id).where(Customer.phone.in_([v for _, v in wanted.values()]))
        )
    )
    if exclude_id is not None:
        candidates.discard(exclude_id)
    if not candidates:
        return []
    found: dict[tuple[str, str], Duplicate] = {}

    def add(customer: Customer, number: str | None) -> None:
        digits = digits_of(number)
        if digits in wanted:
            field, value = wanted[digits]
            found.setdefault(
                (field, customer.id),
                Duplicate(PHONE, value, customer.id, customer.name, customer.org_unit_id, field),
            )

    ids = list(candidates)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        customers = {
            c.id: c
            for c in session.scalars(
                select(Customer).where(Customer.id.in_(chunk), Customer.deleted.is_(False))
            )
        }
        for customer in customers.values():
            add(customer, customer.phone)
            add(customer, customer.phone2)
        for contact in session.scalars(
            select(Contact).where(Contact.customer_id.in_(customers), Contact.deleted.is_(False))
        ):
            add(customers[contact.customer_id], contact.phone)
    return list(found.values())


def _row_duplicates(
    session: Session,
    kind: str,
    column: Any,
    model: type[Vehicle] | type[FuelCard],
    values: dict[str, str],
    exclude_id: str | None,
) -> list[Duplicate]:
    if not values:
        return []
    query = (
        select(column, Customer)
        .join(Customer, Customer.id == model.customer_id)
        .where(column.in_(list(values)), model.deleted.is_(False), Customer.deleted.is_(False))
    )
    if exclude_id is not None:
        query = query.where(Customer.id != exclude_id)
    return [
        Duplicate(kind, value, c.id, c.name, c.org_unit_id, values[value])
        for value, c in session.execute(query)
    ]


def find_duplicates(
    session: Session, form: CustomerForm, exclude_id: str | None = None
) -> list[Duplicate]:
    """Phones, plates and cards of ``form`` on file for a customer other than ``exclude_id``
    (the customer being edited). Blocking ones (plates, cards) come first."""
    form = normalize(form)
    plates = {v.plate: f"vehicles.{i}.plate" for i, v in enumerate(form.vehicles) if v.plate}
    cards = {c.card_no: f"cards.{i}.card_no" for i, c in enumerate(form.cards) if c.card_no}
    duplicates = _row_duplicates(
        session, PLATE, Vehicle.plate_normalized, Vehicle, plates, exclude_id
    )
    duplicates += _row_duplicates(session, CARD, FuelCard.card_no, FuelCard, cards, exclude_id)
    duplicates += _phone_duplicates(session, _phones(form), exclude_id)
    return duplicates


def refuse_blocking(duplicates: Iterable[Duplicate]) -> None:
    blocking = [d for d in duplicates if d.blocking]
    if blocking:
        raise DuplicateRefused(blocking)
