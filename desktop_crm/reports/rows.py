"""Small queries the report builders share: customer labels and per-unit counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop_crm.models import Customer, Vehicle

DETAIL_ROWS = 200  # list rows printed per table; the rest are counted in a note


def customer_labels(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    """customer id -> name, or the plate for a plate-only file."""
    wanted = sorted({i for i in ids if i})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        plate = (
            select(func.min(Vehicle.plate))
            .where(Vehicle.customer_id == Customer.id, Vehicle.deleted.is_(False))
            .correlate(Customer)
            .scalar_subquery()
        )
        for cid, name, first_plate in session.execute(
            select(Customer.id, Customer.name, plate).where(Customer.id.in_(chunk))
        ):
            found[cid] = name or first_plate or "—"
    return found


def grouped(session: Session, stmt: Select[Any], mapping: dict[str, str]) -> dict[str, list[Any]]:
    """Rows of ``stmt`` (org unit id first, then sums) added up per mapped unit."""
    totals: dict[str, list[Any]] = defaultdict(list)
    for org_id, *values in session.execute(stmt):
        key = mapping.get(org_id)
        if key is None:
            continue
        current = totals[key]
        if not current:
            current.extend(v or 0 for v in values)
        else:
            for i, v in enumerate(values):
                current[i] += v or 0
    return totals
