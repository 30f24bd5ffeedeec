"""Level and owner history of a customer (append-only rows with who, when and why), and
the audit detail of a change (personal numbers masked, free text only named)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop_crm.models import Customer, LevelChange, OwnerChange, User
from desktop_crm.services.masking import mask_id_number, mask_phone

# Free text: the audit notes that it changed, never what it says.
FREE_TEXT = frozenset({"address", "needs", "notes", "preferred_time"})


def record_level_change(
    session: Session,
    user: User,
    customer: Customer,
    old_level: str | None,
    new_level: str | None,
    reason: str | None,
    at: int,
) -> LevelChange:
    row = LevelChange(
        customer_id=customer.id,
        old_level=old_level,
        new_level=new_level,
        changed_by_id=user.id,
        changed_at=at,
        reason=reason or None,
        org_unit_id=customer.org_unit_id,
    )
    session.add(row)
    return row


def record_owner_change(
    session: Session,
    user: User,
    customer: Customer,
    role: str,
    old_user_id: str | None,
    new_user_id: str | None,
    reason: str | None,
    at: int,
) -> OwnerChange:
    row = OwnerChange(
        customer_id=customer.id,
        role=role,
        old_user_id=old_user_id,
        new_user_id=new_user_id,
        changed_by_id=user.id,
        changed_at=at,
        reason=reason or None,
        org_unit_id=customer.org_unit_id,
    )
    session.add(row)
    return row


@dataclass(frozen=True)
class LevelEntry:
    at: int  # UTC ms
    old_level: str | None
    new_level: str | None
    changed_by: str | None  # the user's name
    reason: str | None


@dataclass(frozen=True)
class OwnerEntry:
    at: int
    role: str  # maintainer / developer
    old_owner: str | None
    new_owner: str | None
    changed_by: str | None
    reason: str | None


def level_history(session: Session, customer_id: str) -> list[LevelEntry]:
    """The customer's level changes, newest first, with the names of who changed them."""
    rows = session.execute(
        select(LevelChange, User.name)
        .outerjoin(User, User.id == LevelChange.changed_by_id)
        .where(LevelChange.customer_id == customer_id, LevelChange.deleted.is_(False))
        .order_by(LevelChange.changed_at.desc())
    )
    return [
        LevelEntry(row.changed_at, row.old_level, row.new_level, name, row.reason)
        for row, name in rows
    ]


def owner_history(session: Session, customer_id: str) -> list[OwnerEntry]:
    """Maintainer and developer changes, newest first, with names."""
    old, new, by = aliased(User), aliased(User), aliased(User)
    rows = session.execute(
        select(OwnerChange, old.name, new.name, by.name)
        .outerjoin(old, old.id == OwnerChange.old_user_id)
        .outerjoin(new, new.id == OwnerChange.new_user_id)
        .outerjoin(by, by.id == OwnerChange.changed_by_id)
        .where(OwnerChange.customer_id == customer_id, OwnerChange.deleted.is_(False))
        .order_by(OwnerChange.changed_at.desc())
    )
    return [
        OwnerEntry(row.changed_at, row.role, old_name, new_name, by_name, row.reason)
        for row, old_name, new_name, by_name in rows
    ]


def audit_value(name: str, value: Any) -> Any:
    if name in ("phone", "phone2"):
        return mask_phone(value)
    if name == "id_number":
        return mask_id_number(value)
    if name == "email" and value:
        local, _, domain = str(value).partition("@")
        return f"{local[:1]}***@{domain}"
    return value


def audit_changes(changes: dict[str, tuple[Any, Any]]) -> dict[str, Any]:
    detail: dict[str, Any] = {}
    for name, (old, new) in changes.items():
        if name in ("pinyin", "pinyin_initials", "profile_stage"):
            continue
        if name in FREE_TEXT:
            detail.setdefault("text", []).append(name)
        else:
            detail.setdefault("changed", {})[name] = [
                audit_value(name, old),
                audit_value(name, new),
            ]
    return detail
