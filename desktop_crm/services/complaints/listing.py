"""The complaint list of the complaints tab: filters, pages fetched by key, counts.

The list holds the complaints of the user's org subtree (a station sees its own, an
area its stations', the company everything). Pages are fetched by keyset (the sort
value and the rowid of the last row), so a later page costs what the first does.
Two orders: by urgency (the next pending deadline, soonest first) and by the time
received (newest first). Anonymous complainants' phones come back masked for roles
that may not see full numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, or_, select, tuple_
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.models import (
    Complaint,
    ComplaintStatus,
    Customer,
    OrgKind,
    OrgUnit,
    Role,
    User,
)
from desktop_crm.services import audit
from desktop_crm.services.complaints.sla import DeadlineState, next_deadline, warn_share
from desktop_crm.services.masking import mask_phone
from desktop_crm.services.permissions import can_see_unmasked
from desktop_crm.services.search import search_ids

PAGE = 100
CUSTOMER_HITS = 500  # customers a text filter matches at most (by name, phone, plate)

# Status groups of the tab besides the single statuses.
OPEN = "open"  # everything not archived
ALL = "all"
OPEN_STATUSES = tuple(s.value for s in ComplaintStatus if s is not ComplaintStatus.ARCHIVED)

# Periods for the "received" filter.
PERIODS = ("today", "7d", "30d", "month", "year")

SORT_DUE = "due"  # the next pending deadline, soonest first
SORT_RECEIVED = "received"  # newest first


@dataclass
class ComplaintFilter:
    """What the list shows; empty fields do not filter."""

    status: str = OPEN  # OPEN, ALL or one ComplaintStatus value
    # The queue of one unit: the complaints it handles now (its level's queue), instead
    # of every complaint of the scope's subtree.
    queue_unit_id: str | None = None
    station_id: str | None = None  # a unit: the complaints of its subtree
    level: str | None = None
    category: str | None = None
    severity: str | None = None
    owner_id: str | None = None
    type: str | None = None  # complaint / suggestion
    received_from: int | None = None  # UTC ms, inclusive
    received_to: int | None = None  # UTC ms, exclusive
    text: str = ""  # number, words of the description, the customer (name, phone, plate)


@dataclass
class ComplaintRow:
    id: str
    number: str
    type: str
    status: str
    level: str
    category: str
    severity: str
    station: str
    customer: str | None  # the customer's name, or the anonymous contact (masked)
    anonymous: bool
    owner: str | None
    received_at: int
    paused: bool
    deadline: DeadlineState | None  # the next pending deadline when the page was fetched
    complaint: Complaint  # the row itself
    rowid: int = 0
    sort_value: Any = None


@dataclass
class Cursor:
    """Where the next page starts; ``now`` keeps the urgency order stable across pages."""

    sort_value: Any = None
    rowid: int | None = None
    done: bool = False
    now: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def default_sort(status: str) -> str:
    """Open work by urgency; the archive and the whole register by date received."""
    return SORT_RECEIVED if status in (ALL, ComplaintStatus.ARCHIVED.value) else SORT_DUE


def due_expression(now: int) -> ColumnElement[Any]:
    """The next pending deadline as SQL: acceptance, then first reply, then closure,
    each moved by the time spent paused (a running pause counts up to ``now``)."""
    pending = case(
        (Complaint.accepted_at.is_(None), Complaint.accept_deadline),
        (Complaint.first_reply_at.is_(None), Complaint.reply_deadline),
        else_=Complaint.close_deadline,
    )
    paused = func.coalesce(Complaint.paused_ms, 0) + case(
        (Complaint.paused_at.is_not(None), now - Complaint.paused_at), else_=0
    )
    return func.coalesce(pending, 1 << 62) + paused


def _subtree(unit: OrgUnit) -> Select[tuple[str]]:
    return select(OrgUnit.id).where(func.substr(OrgUnit.path, 1, len(unit.path)) == unit.path)


def scope_of(session: Session, user: User) -> OrgUnit:
    return session.get_one(OrgUnit, user.org_unit_id)


def conditions(
    session: Session, scope: OrgUnit, flt: ComplaintFilter, *, with_status: bool = True
) -> list[ColumnElement[bool]]:
    """The WHERE terms of the list (``with_status`` False: for the counts per status)."""
    terms: list[ColumnElement[bool]] = [Complaint.deleted.is_(False)]
    queue = session.get_one(OrgUnit, flt.queue_unit_id) if flt.queue_unit_id else None
    if queue is not None:
        if not queue.path.startswith(scope.path):
            raise ValueError("the queue of a unit outside the scope")
        # What a unit handles comes from its own subtree: no need to say so (and the
        # handling index, not the org index, is the way to it).
        terms.append(_handled_by(queue))
    elif scope.parent_id is not None:
        terms.append(Complaint.org_unit_id.in_(_subtree(scope)))
    if flt.station_id:
        unit = session.get_one(OrgUnit, flt.station_id)
        if unit.kind == OrgKind.STATION:
            terms.append(Complaint.org_unit_id == unit.id)
        else:
            terms.append(Complaint.org_unit_id.in_(_subtree(unit)))
    if with_status:
        if flt.status == OPEN:
            terms.append(Complaint.status != ComplaintStatus.ARCHIVED.value)
        elif flt.status != ALL:
            column = Complaint.status if queue is not None else _status_column(scope, flt.status)
            terms.append(column == flt.status)
    for column, value in (
        (Complaint.level, flt.level),
        (Complaint.category, flt.category),
        (Complaint.severity, flt.severity),
        (Complaint.owner_id, flt.owner_id),
        (Complaint.type, flt.type),
    ):
        if value:
            terms.append(column == value)
    if flt.received_from is not None:
        terms.append(Complaint.received_at >= flt.received_from)
    if flt.received_to is not None:
        terms.append(Complaint.received_at < flt.received_to)
    text = flt.text.strip()
    if text:
        terms.append(_text_condition(session, scope, text))
    return terms


def _handled_by(unit: OrgUnit) -> ColumnElement[bool]:
    """Complaints in the unit's queue now (index ix_complaints_handling, with the status)."""
    return Complaint.handling_org_id == unit.id


def _status_column(scope: OrgUnit, status: str) -> ColumnElement[Any]:
    """The status column, or "+status" where its index would be the slow way.

    The status index narrows the company's whole register to one open status well;
    but the archive holds most complaints (a lookup per row through the index costs
    more than a scan), and inside an area or a station the org index narrows more.
    """
    if scope.parent_id is None and status != ComplaintStatus.ARCHIVED.value:
        return Complaint.status
    return literal_column("+complaints.status")


def _text_condition(session: Session, scope: OrgUnit, text: str) -> ColumnElement[bool]:
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    options: list[ColumnElement[bool]] = [
        Complaint.number.startswith(text.upper(), autoescape=True),
        Complaint.description.like(like, escape="\\"),
        Complaint.customer_wants.like(like, escape="\\"),
    ]
    digits = text.replace(" ", "").replace("-", "")
    if digits.isdigit() and len(digits) >= 3:
        options.append(Complaint.contact_phone.contains(digits, autoescape=True))
    customers = search_ids(session, text, scope, CUSTOMER_HITS)
    if customers:
        options.append(Complaint.customer_id.in_(customers))
    return or_(*options)


def _sort_key(sort: str, now: int) -> ColumnElement[Any]:
    if sort == SORT_DUE:
        return due_expression(now)
    return Complaint.received_at


def _descending(sort: str) -> bool:
    return sort == SORT_RECEIVED


def list_page(
    session: Session,
    user: User,
    scope: OrgUnit,
    flt: ComplaintFilter,
    sort: str | None = None,
    cursor: Cursor | None = None,
    now: int | None = None,
    limit: int = PAGE,
) -> tuple[list[ComplaintRow], Cursor]:
    """One page of the filtered list after ``cursor``, and the cursor for the next."""
    from desktop_crm.ids import now_ms

    cursor = cursor or Cursor()
    if cursor.done:
        return [], cursor
    sort = sort or default_sort(flt.status)
    now = cursor.now if cursor.now is not None else (now if now is not None else now_ms())
    key = _sort_key(sort, now)
    rowid = literal_column("complaints.rowid")
    descending = _descending(sort)
    terms = conditions(session, scope, flt)
    if cursor.rowid is not None:
        after, start = tuple_(key, rowid), tuple_(cursor.sort_value, cursor.rowid)
        terms.append(after < start if descending else after > start)
    order = [key.desc(), rowid.desc()] if descending else [key.asc(), rowid.asc()]
    statement = (
        select(Complaint, rowid.label("rowid"), key.label("sort_value"))
        .where(and_(*terms))
        .order_by(*order)
        .limit(limit)
    )
    records = session.execute(statement).all()
    rows = _rows(session, user, records, now)
    if len(rows) < limit:
        return rows, Cursor(done=True, now=now)
    return rows, Cursor(sort_value=rows[-1].sort_value, rowid=rows[-1].rowid, now=now)


def refresh_deadlines(rows: Sequence[ComplaintRow], now: int, share: float) -> None:
    """The rows' next deadline as of ``now`` (the list stays as it is: no query)."""
    for row in rows:
        row.deadline = next_deadline(row.complaint, now, share)


def _names(session: Session, model: Any, ids: set[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(
        session.execute(select(model.id, model.name).where(model.id.in_(wanted))).tuples().all()
    )


def _rows(session: Session, user: User, records: Sequence[Any], now: int) -> list[ComplaintRow]:
    if not records:
        return []
    share = warn_share(session)
    complaints: list[Complaint] = [r[0] for r in records]
    masked = not can_see_unmasked(session, user)
    units = _names(session, OrgUnit, {c.org_unit_id for c in complaints})
    people = _names(session, User, {c.owner_id for c in complaints})
    customers = _names(session, Customer, {c.customer_id for c in complaints})
    rows = []
    for c, rowid, sort_value in records:
        if c.customer_id:
            who: str | None = customers.get(c.customer_id) or ""
        else:
            who = mask_phone(c.contact_phone) if masked else c.contact_phone
        rows.append(
            ComplaintRow(
                id=c.id,
                number=c.number,
                type=c.type,
                status=c.status,
                level=c.level,
                category=c.category,
                severity=c.severity,
                station=units.get(c.org_unit_id, ""),
                customer=who,
                anonymous=c.customer_id is None,
                owner=people.get(c.owner_id or ""),
                received_at=c.received_at,
                paused=c.paused_at is not None,
                deadline=next_deadline(c, now, share),
                complaint=c,
                rowid=rowid,
                sort_value=sort_value,
            )
        )
    if not masked and any(r.anonymous and r.customer for r in rows):
        audit.record(
            session,
            user,
            audit.Action.VIEW_UNMASKED,
            "complaint_list",
            None,
            {"rows": sum(1 for r in rows if r.anonymous and r.customer)},
        )
    return rows


def count_by_status(session: Session, scope: OrgUnit, flt: ComplaintFilter) -> dict[str, int]:
    """How many complaints each status holds under the filters (the status itself aside),
    with the groups OPEN and ALL."""
    # "+status": group by a scan of the rows, not by the status index (which would look
    # up every row for the other filters and is several times slower).
    status = literal_column("+complaints.status")
    counts = {s.value: 0 for s in ComplaintStatus}
    for value, n in session.execute(
        select(status, func.count())
        .select_from(Complaint)
        .where(*conditions(session, scope, flt, with_status=False))
        .group_by(status)
    ):
        counts[value] = int(n)
    counts[OPEN] = sum(counts.get(s, 0) for s in OPEN_STATUSES)
    counts[ALL] = counts[OPEN] + counts.get(ComplaintStatus.ARCHIVED.value, 0)
    return counts


def owners_in_scope(session: Session, scope: OrgUnit) -> list[User]:
    """Who can own complaints in the scope (for the list's owner filter): the users of
    the subtree and of the units above it (escalated complaints go to the area and the
    company), auditors aside."""
    above = [part for part in scope.path.split("/") if part]
    return list(
        session.scalars(
            select(User)
            .where(
                or_(User.org_unit_id.in_(_subtree(scope)), User.org_unit_id.in_(above)),
                User.deleted.is_(False),
                User.role != Role.AUDITOR.value,
            )
            .order_by(User.name)
        )
    )


def period_bounds(period: str | None, today: date) -> tuple[int | None, int | None]:
    """The received-time range (UTC ms, local days) of a period preset ending today."""
    if not period:
        return None, None
    if period == "today":
        start = today
    elif period == "7d":
        start = today - timedelta(days=6)
    elif period == "30d":
        start = today - timedelta(days=29)
    elif period == "month":
        start = today.replace(day=1)
    elif period == "year":
        start = today.replace(month=1, day=1)
    else:
        raise ValueError(period)
    return _local_midnight(start), _local_midnight(today + timedelta(days=1))


def _local_midnight(day: date) -> int:
    return int(datetime.combine(day, time(0), tzinfo=local_zone()).timestamp() * 1000)
