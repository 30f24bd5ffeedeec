"""Small helpers for the rows of a customer file: live rows, dirty marks, assignments."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.models import USN_DIRTY


def live_rows(session: Session, model: Any, customer_id: str) -> list[Any]:
    """The customer's rows of ``model`` that are not tombstoned, oldest first."""
    return list(
        session.scalars(
            select(model)
            .where(model.customer_id == customer_id, model.deleted.is_(False))
            .order_by(model.id)
        )
    )


def mark_dirty(row: Any, at: int) -> None:
    """A changed synced row: to be pushed (usn -1), with a new updated_at."""
    row.usn = USN_DIRTY
    row.updated_at = at


def assign(row: Any, values: dict[str, Any], at: int) -> dict[str, tuple[Any, Any]]:
    """Set the values that differ; mark the row dirty if any did. Returns {name: (old, new)}."""
    changed = {}
    for name, value in values.items():
        old = getattr(row, name)
        if old != value:
            setattr(row, name, value)
            changed[name] = (old, value)
    if changed:
        mark_dirty(row, at)
    return changed
