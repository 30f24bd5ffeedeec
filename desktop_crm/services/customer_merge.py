"""Merging two files of the same customer into one.

The kept file gets everything of the other: vehicles, fuel cards, contacts, visits,
level and owner history, callback tasks and complaints are re-pointed to it (each
moved row marked for sync); its empty fields are filled from the other (phones go to
a free phone slot, tags are joined, notes and needs appended, yes/no flags that
protect the customer, do-not-disturb and blacklist, are kept if either file has them).
The other file becomes a tombstone whose note says where it went; an audit event
"merge" records both ids, what moved, what was filled and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.models import (
    USN_DIRTY,
    CallbackTask,
    Complaint,
    Contact,
    Customer,
    FuelCard,
    LevelChange,
    OrgUnit,
    OwnerChange,
    User,
    Vehicle,
    Visit,
)
from desktop_crm.services import audit
from desktop_crm.services.customer_access import (
    get_customer,
    require_can_edit,
    require_in_scope,
    visible_customer,
)
from desktop_crm.services.customer_children import stored_stage
from desktop_crm.services.customer_completeness import completeness
from desktop_crm.services.customer_form import pinyin_of
from desktop_crm.services.customer_history import record_level_change, record_owner_change
from desktop_crm.services.customer_rows import live_rows, mark_dirty
from desktop_crm.services.customers import contact_numbers
from desktop_crm.services.search_index import digits_of, reindex_customers

MERGE = "merge"  # audit action

# Filled from the other file when empty on the kept one.
_FILL = (
    "name",
    "employer",
    "address",
    "email",
    "volume_tier",
    "focus_type",
    "preferred_channel",
    "preferred_time",
    "payment_habit",
    "purchase_cycle_days",
    "credit_limit_fen",
    "payment_term_days",
    "member_no",
    "birthday",
    "usual_interval_days",
)
_EITHER = ("regular", "consent", "do_not_disturb", "blacklisted")  # true if either is
_APPEND = ("needs", "notes")
# Rows re-pointed in bulk; the first group travels with the customer to its station.
_FOLLOW_STATION = (LevelChange, OwnerChange)
_STAY_AT_STATION = (Visit, CallbackTask, Complaint)


@dataclass
class MergeSide:
    """One of the two files as the merge dialog shows it (numbers masked by role)."""

    id: str
    kind: str
    name: str | None
    phone: str | None
    phone2: str | None
    id_number: str | None
    employer: str | None
    address: str | None
    station: str
    level: str | None
    maintainer: str | None
    profile_stage: str
    status: str
    created_at: int
    last_visit_at: int | None
    plates: list[str]
    cards: list[str]
    counts: dict[str, int]  # vehicles, cards, contacts, visits, callbacks, complaints
    completeness: int


@dataclass
class MergeResult:
    keep_id: str
    other_id: str
    moved: dict[str, int] = field(default_factory=dict)
    filled: list[str] = field(default_factory=list)


def _count(session: Session, model: Any, customer_id: str) -> int:
    query = (
        select(func.count())
        .select_from(model)
        .where(model.customer_id == customer_id, model.deleted.is_(False))
    )
    return session.scalar(query) or 0


def _side(session: Session, user: User, customer: Customer) -> MergeSide:
    numbers = contact_numbers(session, user, customer)
    vehicles = live_rows(session, Vehicle, customer.id)
    cards = live_rows(session, FuelCard, customer.id)
    contacts = live_rows(session, Contact, customer.id)
    station = session.get(OrgUnit, customer.org_unit_id)
    maintainer = session.get(User, customer.maintainer_id) if customer.maintainer_id else None
    return MergeSide(
        id=customer.id,
        kind=customer.kind,
        name=customer.name,
        phone=numbers.phone,
        phone2=numbers.phone2,
        id_number=numbers.id_number,
        employer=customer.employer,
        address=customer.address,
        station=station.name if station else "",
        level=customer.level,
        maintainer=maintainer.name if maintainer else None,
        profile_stage=customer.profile_stage,
        status=customer.status,
        created_at=customer.created_at,
        last_visit_at=customer.last_visit_at,
        plates=[v.plate for v in vehicles],
        cards=[c.card_no for c in cards],
        counts={
            "vehicles": len(vehicles),
            "cards": len(cards),
            "contacts": len(contacts),
            "visits": _count(session, Visit, customer.id),
            "callbacks": _count(session, CallbackTask, customer.id),
            "complaints": _count(session, Complaint, customer.id),
        },
        completeness=completeness(customer, vehicles, cards, contacts),
    )


def merge_preview(
    session: Session, user: User, keep_id: str, other_id: str
) -> tuple[MergeSide, MergeSide]:
    """Both files side by side, for the user to check that they are the same customer."""
    keep = visible_customer(session, user, keep_id)
    other = visible_customer(session, user, other_id)
    return _side(session, user, keep), _side(session, user, other)


def _fill(keep: Customer, other: Customer) -> list[str]:
    filled = []
    for name in _FILL:
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))
            filled.append(name)
    if not keep.id_number and other.id_number:
        keep.id_type, keep.id_number = other.id_type, other.id_number
        filled.append("id_number")
    # Phones: the other's numbers go to a free slot of the kept file.
    have = {digits_of(keep.phone), digits_of(keep.phone2)} - {""}
    for number in (other.phone, other.phone2):
        if not number or digits_of(number) in have:
            continue
        for slot in ("phone", "phone2"):
            if not getattr(keep, slot):
                setattr(keep, slot, number)
                have.add(digits_of(number))
                filled.append(slot)
                break
    for name in _EITHER:
        if getattr(other, name) and not getattr(keep, name):
            setattr(keep, name, True)
            filled.append(name)
    for name in _APPEND:
        mine, theirs = getattr(keep, name), getattr(other, name)
        if theirs and theirs != mine and (not mine or theirs not in mine):
            setattr(keep, name, f"{mine}\n{theirs}" if mine else theirs)
            filled.append(name)
    tags = [t for t in (keep.tags or "").split(",") if t]
    extra = [t for t in (other.tags or "").split(",") if t and t not in tags]
    if extra and len(",".join(tags + extra)) <= 200:
        keep.tags = ",".join(tags + extra)
        filled.append("tags")
    if other.referred_by_id and not keep.referred_by_id and other.referred_by_id != keep.id:
        keep.referred_by_id = other.referred_by_id
        filled.append("referred_by_id")
    if other.created_at and other.created_at < keep.created_at:
        keep.created_at = other.created_at
    if other.last_visit_at and (keep.last_visit_at or 0) < other.last_visit_at:
        keep.last_visit_at = other.last_visit_at
    if "name" in filled:
        keep.pinyin, keep.pinyin_initials = pinyin_of(keep.name)
    return filled


def _move_owned_rows(
    session: Session, model: Any, key: str, keep: Customer, other: Customer, at: int
) -> int:
    """Vehicles, cards or contacts of ``other`` to ``keep``; one that ``keep`` already has
    (same plate, card or contact name) is tombstoned after filling the kept row's gaps."""
    mine = {getattr(r, key): r for r in live_rows(session, model, keep.id)}
    moved = 0
    for row in live_rows(session, model, other.id):
        twin = mine.get(getattr(row, key))
        if twin is not None:
            for column in ("model", "title", "phone", "email"):
                if hasattr(twin, column) and not getattr(twin, column) and getattr(row, column):
                    setattr(twin, column, getattr(row, column))
                    mark_dirty(twin, at)
            row.deleted = True
        else:
            row.customer_id = keep.id
            row.org_unit_id = keep.org_unit_id
            moved += 1
        mark_dirty(row, at)
    return moved


def _repoint(session: Session, model: Any, keep: Customer, other: Customer, at: int) -> int:
    values: dict[str, Any] = {"customer_id": keep.id, "usn": USN_DIRTY, "updated_at": at}
    if model in _FOLLOW_STATION:
        values["org_unit_id"] = keep.org_unit_id
    result = session.execute(
        update(model)
        .where(model.customer_id == other.id)
        .values(**values)
        .execution_options(synchronize_session="fetch")
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _tombstone_note(keep: Customer, reason: str) -> str:
    from desktop_crm.i18n import translate_message

    return translate_message(
        "customers",
        QT_TRANSLATE_NOOP("customers", "Merged into {name} (file {id}): {reason}"),
        {"name": keep.name or "-", "id": keep.id, "reason": reason},
    )


def merge_customers(
    session: Session, user: User, keep_id: str, other_id: str, reason: str
) -> MergeResult:
    """Merge ``other_id`` into ``keep_id`` (see the module docstring)."""
    require_can_edit(user)
    if keep_id == other_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A customer file cannot be merged with itself.")
        )
    keep = get_customer(session, keep_id)
    other = get_customer(session, other_id)
    require_in_scope(session, user, keep.org_unit_id)
    require_in_scope(session, user, other.org_unit_id)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a reason for the merge."), field="reason"
        )
    at = now_ms()
    result = MergeResult(keep.id, other.id)
    old_level = keep.level
    old_owners = {"maintainer": keep.maintainer_id, "developer": keep.developer_id}
    result.filled = _fill(keep, other)
    if not keep.level and other.level:
        keep.level = other.level
        result.filled.append("level")
    for role in ("maintainer", "developer"):
        if not getattr(keep, f"{role}_id") and getattr(other, f"{role}_id"):
            setattr(keep, f"{role}_id", getattr(other, f"{role}_id"))
            result.filled.append(f"{role}_id")
    for name, model, key in (
        ("vehicles", Vehicle, "plate_normalized"),
        ("cards", FuelCard, "card_no"),
        ("contacts", Contact, "name"),
    ):
        result.moved[name] = _move_owned_rows(session, model, key, keep, other, at)
    session.flush()
    for name, model in (
        ("level_changes", LevelChange),
        ("owner_changes", OwnerChange),
        ("visits", Visit),
        ("callbacks", CallbackTask),
        ("complaints", Complaint),
    ):
        result.moved[name] = _repoint(session, model, keep, other, at)
    session.execute(
        update(Customer)
        .where(Customer.referred_by_id == other.id, Customer.id != keep.id)
        .values(referred_by_id=keep.id, usn=USN_DIRTY, updated_at=at)
        .execution_options(synchronize_session="fetch")
    )
    if keep.referred_by_id == other.id:
        keep.referred_by_id = None
    if keep.level != old_level:
        record_level_change(session, user, keep, old_level, keep.level, reason, at)
    for role, old in old_owners.items():
        new = getattr(keep, f"{role}_id")
        if new != old:
            record_owner_change(session, user, keep, role, old, new, reason, at)
    keep.profile_stage = stored_stage(session, keep)
    mark_dirty(keep, at)
    other.deleted = True
    note = _tombstone_note(keep, reason)
    other.notes = f"{other.notes}\n{note}" if other.notes else note
    mark_dirty(other, at)
    audit.record(
        session,
        user,
        MERGE,
        "customer",
        keep.id,
        {"merged": other.id, "moved": result.moved, "filled": result.filled, "reason": reason},
    )
    session.flush()
    reindex_customers(session, [keep.id, other.id])
    return result
