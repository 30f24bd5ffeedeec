"""Single-purpose changes of customer files: the level, hand-overs to another maintainer
or developer (one by one or in bulk when someone leaves), contact preferences, and
deleting a file. Each checks permissions, marks the rows for sync, keeps the history
with who, when and why, and writes an audit event."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.models import Contact, Customer, FuelCard, OrgUnit, User, Vehicle
from desktop_crm.services import audit
from desktop_crm.services import customer_options as options
from desktop_crm.services.customer_access import (
    HAND_OVER_REFUSED,
    check_owner,
    editable_customer,
    is_manager,
    require_can_edit,
    require_in_scope,
    require_manager,
)
from desktop_crm.services.customer_history import (
    audit_changes,
    record_level_change,
    record_owner_change,
)
from desktop_crm.services.customer_rows import assign, live_rows, mark_dirty
from desktop_crm.services.permissions import can_edit
from desktop_crm.services.search_index import reindex_customers

OWNER_ROLES = ("maintainer", "developer")


def reason_text(text: str | None) -> str:
    return (text or "").strip()


def customer_ids_owned_by(session: Session, user: User, owner_id: str, role: str) -> list[str]:
    """Live customers of the user's subtree that ``owner_id`` maintains or developed
    (to hand them all over when someone leaves)."""
    column = Customer.maintainer_id if role == "maintainer" else Customer.developer_id
    own = session.get_one(OrgUnit, user.org_unit_id)
    subtree = select(OrgUnit.id).where(OrgUnit.path.startswith(own.path))
    return list(
        session.scalars(
            select(Customer.id).where(
                column == owner_id, Customer.deleted.is_(False), Customer.org_unit_id.in_(subtree)
            )
        )
    )


def change_level(
    session: Session, user: User, customer_id: str, new_level: str | None, reason: str
) -> Customer:
    """Set the level and record who, when and why (nothing happens if it is unchanged)."""
    customer = editable_customer(session, user, customer_id)
    new_level = new_level or None
    if new_level == customer.level:
        return customer
    if new_level is not None and new_level not in options.levels(session):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a level from the list."), field="level"
        )
    if not reason_text(reason):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a reason for the change of level."), field="level"
        )
    at = now_ms()
    old = customer.level
    customer.level = new_level
    mark_dirty(customer, at)
    record_level_change(session, user, customer, old, new_level, reason_text(reason), at)
    audit.record(
        session,
        user,
        audit.Action.EDIT,
        "customer",
        customer.id,
        {"changed": {"level": [old, new_level]}, "level_reason": reason_text(reason)},
    )
    return customer


def reassign(
    session: Session,
    user: User,
    customer_ids: Sequence[str],
    role: str,
    new_user_id: str | None,
    reason: str,
) -> int:
    """Hand customers to another maintainer or developer (e.g. when someone leaves); each
    change is recorded with who, when and why. Returns how many customers changed."""
    require_can_edit(user)
    require_manager(user, HAND_OVER_REFUSED)
    if role not in OWNER_ROLES:
        raise ValueError(f"role must be one of {OWNER_ROLES}")
    field = f"{role}_id"
    if not reason_text(reason):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a reason for the change of maintainer or developer."),
            field=field,
        )
    at = now_ms()
    changed: list[str] = []
    ids = list(dict.fromkeys(customer_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(chunk)))}
        for customer_id in chunk:
            customer = found.get(customer_id)
            if customer is None or customer.deleted:
                continue
            require_in_scope(session, user, customer.org_unit_id)
            old = getattr(customer, field)
            if old == new_user_id:
                continue
            check_owner(
                session, session.get_one(OrgUnit, customer.org_unit_id), field, new_user_id, old
            )
            setattr(customer, field, new_user_id)
            mark_dirty(customer, at)
            record_owner_change(
                session, user, customer, role, old, new_user_id, reason_text(reason), at
            )
            audit.record(
                session,
                user,
                audit.Action.EDIT,
                "customer",
                customer.id,
                {"changed": {field: [old, new_user_id]}, "owner_reason": reason_text(reason)},
            )
            changed.append(customer.id)
    return len(changed)


def set_contact_preferences(
    session: Session,
    user: User,
    customer_id: str,
    consent: bool,
    do_not_disturb: bool,
    channel: str | None,
    time: str | None,
) -> Customer:
    """Consent to be contacted, do-not-disturb, preferred channel and time."""
    customer = editable_customer(session, user, customer_id)
    channel = channel or None
    if channel is not None and channel not in options.CHANNELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a value from the list."), field="preferred_channel"
        )
    if channel == "email" and not customer.email:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "E-mail is the preferred channel: enter the e-mail address too."
            ),
            field="email",
        )
    time_text = (time or "").strip() or None
    if time_text and len(time_text) > 64:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Too long: at most {max} characters."),
            field="preferred_time",
            max=64,
        )
    at = now_ms()
    changes = assign(
        customer,
        {
            "consent": consent,
            "do_not_disturb": do_not_disturb,
            "preferred_channel": channel,
            "preferred_time": time_text,
        },
        at,
    )
    if changes:
        audit.record(
            session, user, audit.Action.EDIT, "customer", customer.id, audit_changes(changes)
        )
    return customer


def delete_customer(session: Session, user: User, customer_id: str, reason: str) -> None:
    """Tombstone the file with its vehicles, cards and contacts (visits, callbacks,
    complaints and history stay). Needs a station master or a manager and a reason."""
    customer = editable_customer(session, user, customer_id)
    require_manager(
        user,
        QT_TRANSLATE_NOOP(
            "errors", "Only a station master or a manager can delete a customer file."
        ),
    )
    if not reason_text(reason):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a reason for deleting the customer file."),
            field="reason",
        )
    at = now_ms()
    customer.deleted = True
    mark_dirty(customer, at)
    for model in (Vehicle, FuelCard, Contact):
        for row in live_rows(session, model, customer.id):
            row.deleted = True
            mark_dirty(row, at)
    audit.record(
        session,
        user,
        audit.Action.DELETE,
        "customer",
        customer.id,
        {"name": customer.name, "reason": reason_text(reason)},
    )
    session.flush()
    reindex_customers(session, [customer.id])


def is_editor(user: User) -> bool:
    """True for roles that may change customer files (everyone but auditors)."""
    return can_edit(user)


def can_hand_over(user: User) -> bool:
    """True for roles that may reassign customers and delete files."""
    return is_manager(user)
