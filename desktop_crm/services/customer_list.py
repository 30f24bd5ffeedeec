"""The customer list: filters, sorting, pages fetched by key, and search results.

Pages are fetched by keyset (the last row's sort value and rowid), so page 5,000 costs
what page 1 costs; nothing ever loads the whole list. Phone numbers come back masked
for roles that may not see them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, select, tuple_
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_date
from desktop_crm.models import Customer, CustomerSearch, OrgUnit, User, Vehicle
from desktop_crm.services import audit
from desktop_crm.services.customer_completeness import completeness_expression
from desktop_crm.services.customer_options import levels
from desktop_crm.services.masking import mask_phone
from desktop_crm.services.permissions import can_see_unmasked
from desktop_crm.services.search import customer_ids, search_ids, search_keys

PAGE = 100
SEARCH_CAP = 2000  # a search shows at most this many customers; type more to narrow it


@dataclass
class CustomerFilter:
    """What the list shows; empty fields do not filter."""

    station_id: str | None = None  # a unit: the customers of its subtree
    kind: str | None = None
    level: str | None = None
    maintainer_id: str | None = None
    status: str | None = None
    profile_stage: str | None = None
    tag: str | None = None


@dataclass
class CustomerRow:
    id: str
    name: str | None
    kind: str
    level: str | None
    phone: str | None  # masked where the role requires
    plate: str | None
    station: str
    maintainer: str | None
    profile_stage: str
    completeness: int
    last_visit: str | None  # YYYY-MM-DD, local time
    status: str
    tags: str
    rowid: int = 0
    sort_value: Any = None


# sort key -> SQL expression (NULLs folded so the keyset compares them)
SORTS: dict[str, ColumnElement[Any]] = {
    "created": literal_column("customers.rowid"),
    "name": func.ifnull(Customer.pinyin, ""),
    "last_visit": func.ifnull(Customer.last_visit_at, 0),
    "level": func.ifnull(Customer.level, ""),
    "completeness": completeness_expression(),
}
_COMPLETENESS = SORTS["completeness"]  # built once: the expression is large


@dataclass
class Cursor:
    """Where the next page starts."""

    sort_value: Any = None
    rowid: int | None = None
    done: bool = False
    # search results: the index keys found (search.search_keys) and how many were shown
    keys: list[int] | None = None
    shown: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _subtree(unit: OrgUnit) -> Select[tuple[str]]:
    return select(OrgUnit.id).where(func.substr(OrgUnit.path, 1, len(unit.path)) == unit.path)


def base_query(session: Session, scope: OrgUnit, flt: CustomerFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Customer.deleted.is_(False)]
    if scope.parent_id is not None:
        conditions.append(Customer.org_unit_id.in_(_subtree(scope)))
    if flt.station_id:
        unit = session.get_one(OrgUnit, flt.station_id)
        conditions.append(Customer.org_unit_id.in_(_subtree(unit)))
    for column, value in (
        (Customer.kind, flt.kind),
        (Customer.level, flt.level),
        (Customer.maintainer_id, flt.maintainer_id),
        (Customer.status, flt.status),
        (Customer.profile_stage, flt.profile_stage),
    ):
        if value:
            conditions.append(column == value)
    if flt.tag:
        conditions.append(("," + Customer.tags + ",").contains("," + flt.tag + ","))
    return conditions


def _audit_page(session: Session, user: User, rows: Sequence[CustomerRow], query: str) -> None:
    """One event per page shown with full numbers (the detail view audits its own)."""
    if any(r.phone for r in rows) and can_see_unmasked(session, user):
        audit.record(
            session,
            user,
            audit.Action.VIEW_UNMASKED,
            "customer_list",
            None,
            {"rows": len(rows), "query": query},
        )


def _rows(
    session: Session, user: User, statement: Select[Any], query: str | None = None
) -> list[CustomerRow]:
    """The rows of ``statement``; audited as one page unless ``query`` is None (the
    caller then audits the page it assembles)."""
    masked = not can_see_unmasked(session, user)
    records = session.execute(statement).all()
    if not records:
        return []
    ids = [r.id for r in records]
    plates: dict[str, str] = {}
    for customer_id, plate in session.execute(
        select(Vehicle.customer_id, Vehicle.plate)
        .where(Vehicle.customer_id.in_(ids), Vehicle.deleted.is_(False))
        .order_by(Vehicle.customer_id, Vehicle.id)
    ):
        plates.setdefault(customer_id, plate)
    units = _names(session, OrgUnit, {r.org_unit_id for r in records})
    people = _names(session, User, {r.maintainer_id for r in records if r.maintainer_id})
    rows = []
    for r in records:
        rows.append(
            CustomerRow(
                id=r.id,
                name=r.name,
                kind=r.kind,
                level=r.level,
                phone=mask_phone(r.phone) if masked else r.phone,
                plate=plates.get(r.id),
                station=units.get(r.org_unit_id, ""),
                maintainer=people.get(r.maintainer_id) if r.maintainer_id else None,
                profile_stage=r.profile_stage,
                completeness=int(r.completeness or 0),
                last_visit=local_date(r.last_visit_at),
                status=r.status,
                tags=r.tags or "",
                rowid=r.rowid,
                sort_value=r.sort_value,
            )
        )
    if query is not None:
        _audit_page(session, user, rows, query)
    return rows


def _names(session: Session, model: Any, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(
        session.execute(select(model.id, model.name).where(model.id.in_(ids))).tuples().all()
    )


def sort_key(session: Session, sort: str) -> ColumnElement[Any]:
    """The SQL the list sorts by; levels rank as configured (VIP, A, B, ...), not by name."""
    if sort == "level":
        order = levels(session)
        return case(
            {level: len(order) - rank for rank, level in enumerate(order)},
            value=Customer.level,
            else_=0,
        )
    return SORTS[sort]


def _columns(session: Session, sort: str) -> list[Any]:
    return [
        Customer.id,
        Customer.name,
        Customer.kind,
        Customer.level,
        Customer.phone,
        Customer.org_unit_id,
        Customer.maintainer_id,
        Customer.profile_stage,
        Customer.last_visit_at,
        Customer.status,
        Customer.tags,
        _COMPLETENESS.label("completeness"),
        literal_column("customers.rowid").label("rowid"),
        sort_key(session, sort).label("sort_value"),
    ]


def list_page(
    session: Session,
    user: User,
    scope: OrgUnit,
    flt: CustomerFilter,
    sort: str = "created",
    descending: bool = True,
    cursor: Cursor | None = None,
    limit: int = PAGE,
) -> tuple[list[CustomerRow], Cursor]:
    """One page of the filtered list after ``cursor``, and the cursor for the next."""
    cursor = cursor or Cursor()
    if cursor.done:
        return [], cursor
    key = sort_key(session, sort)
    rowid = literal_column("customers.rowid")
    conditions = base_query(session, scope, flt)
    if cursor.rowid is not None:
        after = tuple_(key, rowid)
        start = tuple_(cursor.sort_value, cursor.rowid)
        conditions.append(after < start if descending else after > start)
    order = [key.desc(), rowid.desc()] if descending else [key.asc(), rowid.asc()]
    statement = (
        select(*_columns(session, sort)).where(and_(*conditions)).order_by(*order).limit(limit)
    )
    rows = _rows(session, user, statement, "")
    if len(rows) < limit:
        return rows, Cursor(done=True)
    return rows, Cursor(sort_value=rows[-1].sort_value, rowid=rows[-1].rowid)


def search_page(
    session: Session,
    user: User,
    scope: OrgUnit,
    query: str,
    flt: CustomerFilter | None = None,
    cursor: Cursor | None = None,
    limit: int = PAGE,
) -> tuple[list[CustomerRow], Cursor]:
    """A page of the customers matching ``query`` (and the filters), in search order."""
    cursor = cursor or Cursor()
    if cursor.done:
        return [], cursor
    if cursor.keys is None:
        # Index keys, not customer ids: turning 2,000 keys into ids costs as many
        # look-ups, so each page turns only its own.
        keys = search_keys(session, query, scope, SEARCH_CAP)
        truncated = len(keys) >= SEARCH_CAP
        if flt is not None and flt != CustomerFilter() and keys:
            # Keep only the hits the filters let through, so counts and pages agree.
            kept = set(
                session.scalars(
                    select(CustomerSearch.key)
                    .join(Customer, Customer.id == CustomerSearch.customer_id)
                    .where(CustomerSearch.key.in_(keys), *base_query(session, scope, flt))
                )
            )
            keys = [k for k in keys if k in kept]
        cursor = Cursor(keys=keys, extra={"truncated": truncated})
    assert cursor.keys is not None
    rows: list[CustomerRow] = []
    shown = cursor.shown
    while len(rows) < limit and shown < len(cursor.keys):
        keys = cursor.keys[shown : shown + limit]
        shown += len(keys)
        chunk = customer_ids(session, keys)
        conditions = [Customer.id.in_(chunk), *base_query(session, scope, flt or CustomerFilter())]
        found = {
            r.id: r
            for r in _rows(session, user, select(*_columns(session, "created")).where(*conditions))
        }
        rows.extend(found[i] for i in chunk if i in found)
    _audit_page(session, user, rows, query)  # the page as shown, once
    done = shown >= len(cursor.keys)
    return rows, Cursor(keys=cursor.keys, shown=shown, done=done, extra=cursor.extra)


def count(session: Session, scope: OrgUnit, flt: CustomerFilter) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Customer).where(*base_query(session, scope, flt))
        )
        or 0
    )


def search_found(cursor: Cursor | None) -> int | None:
    """How many customers a search found (its filters applied); None for a plain list."""
    return None if cursor is None or cursor.keys is None else len(cursor.keys)


def search_truncated(cursor: Cursor) -> bool:
    """Whether the search hit its cap (more customers match than it shows)."""
    return bool(cursor.extra.get("truncated"))


def ids_of(rows: Sequence[CustomerRow]) -> list[str]:
    return [r.id for r in rows]


def export_statement(
    session: Session, scope: OrgUnit, flt: CustomerFilter, query: str = ""
) -> Select[tuple[Customer]]:
    """The customers the list shows now (filters and search), for an export."""
    conditions = base_query(session, scope, flt)
    if query.strip():
        conditions.append(Customer.id.in_(search_ids(session, query, scope, SEARCH_CAP)))
    return select(Customer).where(*conditions).order_by(literal_column("customers.rowid"))


def maintainers_in_scope(session: Session, scope: OrgUnit) -> list[User]:
    """Users of the scope's subtree who can maintain customers (for the list's filter)."""
    return list(
        session.scalars(
            select(User)
            .where(
                User.org_unit_id.in_(_subtree(scope)),
                User.deleted.is_(False),
                User.role != "auditor",
            )
            .order_by(User.name)
        )
    )
