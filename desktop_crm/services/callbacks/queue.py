"""The callback queue (回访队列): whom to call, in order of urgency, a page at a time.

"My tasks" are the open and booked tasks assigned to the user; the team view shows
those of every customer in the user's org subtree (station masters, area managers
and company administrators). Tasks fall into three groups by their due date (a
booked task is due on its appointment's date): overdue, today and upcoming.

Order (most urgent first):
1. overdue, then today, then upcoming (upcoming tasks by their due date first);
2. the customer's level: the top two configured levels (VIP and A) first;
3. the reason: a complaint's callback, then anomalies (absence, volume drop), exit
   surveys, campaigns and manual tasks, and routine tier callbacks last;
4. the level again, in the configured order (B before C), then due date, booked
   time, id.

An open task due within ``callbacks.book_ahead_days`` (7) is marked "to book": the
procedure contacts the customer about a week before the call to agree a time (预约).

Pages are fetched by keyset (the last row's sort key), so the tab never loads all
tasks and page 50 costs what page 1 costs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, bindparam, case, func, literal, select, tuple_
from sqlalchemy.orm import Session, aliased

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied
from desktop_crm.models import CallbackTask, Customer, OrgUnit, Role, User, Vehicle
from desktop_crm.models.callbacks import TaskReason, TaskStatus
from desktop_crm.services.callbacks.config import book_ahead_days
from desktop_crm.services.customer_options import levels

PAGE = 100
OPEN_STATUSES: tuple[str, ...] = (TaskStatus.OPEN.value, TaskStatus.BOOKED.value)
TEAM_ROLES = frozenset({Role.STATION_MASTER, Role.AREA_MANAGER, Role.COMPANY_ADMIN})


class Group(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"
    ALL = "all"


GROUP_NAMES: dict[str, str] = {
    Group.OVERDUE: QT_TRANSLATE_NOOP("callbacks", "Overdue"),
    Group.TODAY: QT_TRANSLATE_NOOP("callbacks", "Today"),
    Group.UPCOMING: QT_TRANSLATE_NOOP("callbacks", "Upcoming"),
    Group.ALL: QT_TRANSLATE_NOOP("callbacks", "All"),
}

REASON_NAMES: dict[str, str] = {
    TaskReason.TIER: QT_TRANSLATE_NOOP("callbacks", "Routine (level)"),
    TaskReason.ABSENCE: QT_TRANSLATE_NOOP("callbacks", "Anomaly: absent"),
    TaskReason.VOLUME_DROP: QT_TRANSLATE_NOOP("callbacks", "Anomaly: volume drop"),
    TaskReason.CAMPAIGN: QT_TRANSLATE_NOOP("callbacks", "Campaign"),
    TaskReason.EXIT_SURVEY: QT_TRANSLATE_NOOP("callbacks", "Exit survey"),
    TaskReason.COMPLAINT: QT_TRANSLATE_NOOP("callbacks", "Complaint callback"),
    TaskReason.MANUAL: QT_TRANSLATE_NOOP("callbacks", "Manual"),
}

STATUS_NAMES: dict[str, str] = {
    TaskStatus.OPEN: QT_TRANSLATE_NOOP("callbacks", "Open"),
    TaskStatus.BOOKED: QT_TRANSLATE_NOOP("callbacks", "Booked"),
    TaskStatus.DONE: QT_TRANSLATE_NOOP("callbacks", "Done"),
    TaskStatus.UNREACHABLE: QT_TRANSLATE_NOOP("callbacks", "Unreachable"),
    TaskStatus.CANCELLED: QT_TRANSLATE_NOOP("callbacks", "Cancelled"),
}

# Lower ranks come first within a group and level.
REASON_RANK: dict[str, int] = {
    TaskReason.COMPLAINT: 0,
    TaskReason.ABSENCE: 1,
    TaskReason.VOLUME_DROP: 1,
    TaskReason.EXIT_SURVEY: 2,
    TaskReason.CAMPAIGN: 3,
    TaskReason.MANUAL: 3,
    TaskReason.TIER: 4,
}
ANOMALY_REASONS = frozenset({TaskReason.ABSENCE, TaskReason.VOLUME_DROP})
TOP_LEVELS = 2  # "VIP and A": the first two configured levels
UPCOMING_WINDOWS = (7, 14, 28, 56, 112)  # days read at a time, then the rest


@dataclass
class QueueFilter:
    """What the queue shows; empty fields do not filter."""

    group: str = Group.ALL
    reason: str | None = None
    assignee_id: str | None = None  # team view: one member's tasks
    station_id: str | None = None  # team view: a unit of the subtree


@dataclass
class TaskRow:
    id: str
    customer_id: str
    customer: str  # name, or the plate of a plate-only file
    kind: str
    level: str | None
    reason: str
    purpose: str | None
    due_date: str  # YYYY-MM-DD; a booked task: its appointment's date
    appointment_at: int | None  # UTC ms, while booked
    status: str
    attempts: int
    assignee_id: str | None
    assignee: str | None
    station: str
    group: str  # overdue / today / upcoming
    complaint_id: str | None
    to_book: bool = False  # open, due within the booking lead: contact the customer now
    key: tuple[Any, ...] = field(default=(), repr=False)  # the keyset position


@dataclass
class QueueCursor:
    """Where the next page starts."""

    key: tuple[Any, ...] | None = None
    done: bool = False


def can_see_team(user: User) -> bool:
    return user.role in TEAM_ROLES


def _subtree_ids(unit: OrgUnit) -> Any:
    return select(OrgUnit.id).where(func.substr(OrgUnit.path, 1, len(unit.path)) == unit.path)


def _sort_keys(session: Session, today: str) -> list[ColumnElement[Any]]:
    order = levels(session)
    top = order[:TOP_LEVELS]
    group = case((CallbackTask.due_date < today, 0), (CallbackTask.due_date == today, 1), else_=2)
    upcoming_day = case((CallbackTask.due_date > today, CallbackTask.due_date), else_="")
    level = case((Customer.level.in_(top), 0), else_=1) if top else literal(1)
    reason = case(
        {str(key): rank for key, rank in REASON_RANK.items()},
        value=CallbackTask.reason,
        else_=3,
    )
    rank = case({name: n for n, name in enumerate(order)}, value=Customer.level, else_=len(order))
    return [
        group,
        upcoming_day,
        level,
        reason,
        rank,
        CallbackTask.due_date,
        func.ifnull(CallbackTask.appointment_at, 0),
        CallbackTask.id,
    ]


def _scope_conditions(
    session: Session, user: User, team: bool, flt: QueueFilter
) -> list[ColumnElement[bool]]:
    """Open tasks of the user (or of the user's subtree), before the group filter."""
    conditions: list[ColumnElement[bool]] = [
        CallbackTask.deleted.is_(False),
        CallbackTask.status.in_(OPEN_STATUSES),
    ]
    if team:
        if not can_see_team(user):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "errors", "Only station masters and managers can see their team's callbacks."
                )
            )
        own = session.get_one(OrgUnit, user.org_unit_id)
        if own.parent_id is not None:
            conditions.append(CallbackTask.org_unit_id.in_(_subtree_ids(own)))
        if flt.station_id:
            unit = session.get_one(OrgUnit, flt.station_id)
            conditions.append(CallbackTask.org_unit_id.in_(_subtree_ids(unit)))
        if flt.assignee_id:
            conditions.append(CallbackTask.assignee_id == flt.assignee_id)
    else:
        conditions.append(CallbackTask.assignee_id == user.id)
    if flt.reason:
        conditions.append(CallbackTask.reason == flt.reason)
    return conditions


def _windows(group: int, today: date, key: tuple[Any, ...] | None) -> list[tuple[str, str]]:
    """The due-date ranges [low, high) to read a group in, in key order.

    Overdue tasks are ordered by level and reason across all their days, so that group
    is one range. Upcoming ones are ordered by day first: they are read a window of
    days at a time (7, 14, 28, ... days, then the rest), so a large team's first page
    sorts one week of tasks rather than the whole quarter. Every range has the same
    form, so the query is compiled once and its plan reused.
    """
    day = today.isoformat()
    tomorrow = today + timedelta(days=1)
    if group == 0:
        return [("", day)]
    if group == 1:
        return [(day, tomorrow.isoformat())]
    start = tomorrow
    if key is not None and key[0] == 2 and key[1]:
        start = max(start, date.fromisoformat(key[1]))
    ranges: list[tuple[str, str]] = []
    for size in UPCOMING_WINDOWS:
        end = start + timedelta(days=size)
        ranges.append((start.isoformat(), end.isoformat()))
        start = end
    ranges.append((start.isoformat(), "9999-12-31~"))  # after any YYYY-MM-DD
    return ranges


def _page(
    session: Session,
    user: User,
    today: date,
    team: bool,
    flt: QueueFilter,
    cursor: QueueCursor | None,
    limit: int,
) -> tuple[list[TaskRow], QueueCursor]:
    cursor = cursor or QueueCursor()
    if cursor.done:
        return [], cursor
    day = today.isoformat()
    keys = _sort_keys(session, day)
    conditions = _scope_conditions(session, user, team, flt)
    if cursor.key is not None:
        conditions.append(tuple_(*keys) > tuple_(*cursor.key))
    low, high = bindparam("low"), bindparam("high")
    station, assignee = aliased(OrgUnit), aliased(User)  # apart from the scope's subqueries
    statement = (
        select(
            CallbackTask.id,
            CallbackTask.customer_id,
            CallbackTask.reason,
            CallbackTask.purpose,
            CallbackTask.due_date,
            CallbackTask.appointment_at,
            CallbackTask.status,
            CallbackTask.attempts,
            CallbackTask.assignee_id,
            CallbackTask.org_unit_id,
            CallbackTask.complaint_id,
            Customer.name,
            Customer.kind,
            Customer.level,
            assignee.name.label("assignee"),
            station.name.label("station"),
            *[key.label(f"k{n}") for n, key in enumerate(keys)],
        )
        .join(Customer, Customer.id == CallbackTask.customer_id)
        .join(station, station.id == CallbackTask.org_unit_id)
        .outerjoin(assignee, assignee.id == CallbackTask.assignee_id)
        .where(*conditions, CallbackTask.due_date >= low, CallbackTask.due_date < high)
        .order_by(*keys)
        .limit(bindparam("limit"))
    )
    wanted = {Group.OVERDUE: 0, Group.TODAY: 1, Group.UPCOMING: 2}.get(Group(flt.group))
    first = cursor.key[0] if cursor.key is not None else 0
    records: list[Any] = []
    for group in range(first, 3):
        if wanted is not None and group != wanted:
            continue
        for window_low, window_high in _windows(group, today, cursor.key):
            params = {"low": window_low, "high": window_high, "limit": limit - len(records)}
            records += session.execute(statement, params).all()
            if len(records) >= limit:
                rows = _rows(session, records, today, len(keys))
                return rows, QueueCursor(key=rows[-1].key)
    return _rows(session, records, today, len(keys)), QueueCursor(done=True)


def book_by(session: Session, today: date) -> str:
    """The last due date of open tasks to book now (预约, about a week before the call)."""
    return (today + timedelta(days=book_ahead_days(session))).isoformat()


def _rows(session: Session, records: list[Any], day: date, n_keys: int) -> list[TaskRow]:
    if not records:
        return []
    today = day.isoformat()
    last_to_book = book_by(session, day)
    plates = _plates(session, {r.customer_id for r in records if not r.name})
    rows = []
    for r in records:
        group = (
            Group.OVERDUE
            if r.due_date < today
            else Group.TODAY
            if r.due_date == today
            else Group.UPCOMING
        )
        rows.append(
            TaskRow(
                id=r.id,
                customer_id=r.customer_id,
                customer=r.name or plates.get(r.customer_id, ""),
                kind=r.kind,
                level=r.level,
                reason=r.reason,
                purpose=r.purpose,
                due_date=r.due_date,
                appointment_at=r.appointment_at if r.status == TaskStatus.BOOKED else None,
                status=r.status,
                attempts=r.attempts or 0,
                assignee_id=r.assignee_id,
                assignee=r.assignee,
                station=r.station or "",
                group=group.value,
                complaint_id=r.complaint_id,
                to_book=(r.status == TaskStatus.OPEN and today < r.due_date <= last_to_book),
                key=tuple(getattr(r, f"k{n}") for n in range(n_keys)),
            )
        )
    return rows


def _plates(session: Session, customer_ids: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    if not customer_ids:
        return found
    for customer_id, plate in session.execute(
        select(Vehicle.customer_id, Vehicle.plate)
        .where(Vehicle.customer_id.in_(customer_ids), Vehicle.deleted.is_(False))
        .order_by(Vehicle.customer_id, Vehicle.id)
    ):
        found.setdefault(customer_id, plate)
    return found


def my_tasks(
    session: Session,
    user: User,
    today: date,
    flt: QueueFilter | None = None,
    cursor: QueueCursor | None = None,
    limit: int = PAGE,
) -> tuple[list[TaskRow], QueueCursor]:
    """A page of the user's own open and booked tasks, most urgent first."""
    return _page(session, user, today, False, flt or QueueFilter(), cursor, limit)


def team_tasks(
    session: Session,
    user: User,
    today: date,
    flt: QueueFilter | None = None,
    cursor: QueueCursor | None = None,
    limit: int = PAGE,
) -> tuple[list[TaskRow], QueueCursor]:
    """A page of the open and booked tasks of the user's org subtree (managers only)."""
    return _page(session, user, today, True, flt or QueueFilter(), cursor, limit)


def group_counts(
    session: Session, user: User, today: date, team: bool = False, flt: QueueFilter | None = None
) -> dict[str, int]:
    """How many tasks each group holds (the group filter itself is ignored)."""
    day = today.isoformat()
    conditions = _scope_conditions(session, user, team, flt or QueueFilter())
    overdue, due_today, upcoming = (
        func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
        for condition in (
            CallbackTask.due_date < day,
            CallbackTask.due_date == day,
            CallbackTask.due_date > day,
        )
    )
    statement = select(overdue, due_today, upcoming).where(*conditions)
    row = session.execute(statement).one()
    counts = {
        Group.OVERDUE.value: int(row[0]),
        Group.TODAY.value: int(row[1]),
        Group.UPCOMING.value: int(row[2]),
    }
    counts[Group.ALL.value] = sum(counts.values())
    return counts


def due_today_unrecorded(session: Session, user: User, today: date) -> list[CallbackTask]:
    """The user's tasks due today with no record yet (日清日结): still open or booked."""
    return list(
        session.scalars(
            select(CallbackTask)
            .where(
                CallbackTask.assignee_id == user.id,
                CallbackTask.status.in_(OPEN_STATUSES),
                CallbackTask.due_date == today.isoformat(),
                CallbackTask.deleted.is_(False),
            )
            .order_by(CallbackTask.appointment_at, CallbackTask.id)
        )
    )


def team_members(session: Session, user: User) -> list[User]:
    """People of the user's subtree who can hold callback tasks (the team view's filter)."""
    own = session.get_one(OrgUnit, user.org_unit_id)
    return list(
        session.scalars(
            select(User)
            .where(
                User.org_unit_id.in_(_subtree_ids(own)),
                User.deleted.is_(False),
                User.active.is_(True),
                User.role != Role.AUDITOR.value,
            )
            .order_by(User.name)
        )
    )
