"""Workload (1:15): how many customers each employee maintains, and bulk reassignment.

客户人人管: every employee maintains at least ``workload.min_customers`` (15) customers;
more than ``workload.max_customers`` (200 by default: at four contacts a year that is
some 800 calls, three or four a working day beside the pumps) is more than one person
can look after. Which customers count as maintained:

- new, active and dormant customers count (a dormant one needs winning back);
- prospects are shown apart (being developed, not yet customers);
- lost customers are shown apart and do not count: they are looked after by the exit
  survey, not by regular care.

A station master (or a manager above) moves customers from one employee to colleagues
of the same unit (all of them, the surplus above the ceiling, or a selection), with a
reason; each customer keeps its owner history (customer_actions.reassign).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from desktop_crm.models import (
    CallbackTask,
    Customer,
    CustomerStatus,
    OrgUnit,
    Role,
    TaskStatus,
    User,
)
from desktop_crm.services.callbacks.weeks import local_midnight_ms
from desktop_crm.services.customer_access import HAND_OVER_REFUSED, in_subtree, is_manager
from desktop_crm.services.customer_actions import reassign
from desktop_crm.services.orgs import subtree_ids
from desktop_crm.services.permissions import require_settings_admin
from desktop_crm.services.settings import get_setting, put_setting

MIN_KEY = "workload.min_customers"
MAX_KEY = "workload.max_customers"
MAINTAINED = (CustomerStatus.NEW.value, CustomerStatus.ACTIVE.value, CustomerStatus.DORMANT.value)
# Roles the 1:15 rule applies to (the three levels of maintenance); others are listed only.
RULE_ROLES = frozenset({Role.STATION_STAFF, Role.STATION_MASTER, Role.AREA_MANAGER})

UNDER = "under"
OVER = "over"
LEFT = "left"  # no longer active but still maintains customers

ALL = "all"
SURPLUS = "surplus"
CHOSEN = "chosen"
CHUNK = 500
SCAN_SHARE = 0.1  # a subtree with more of the units than this is counted by a table scan


LIMIT_RANGE = (1, 100_000)


def limits(session: Session) -> tuple[int, int]:
    """(minimum, ceiling) of customers per employee, from the settings."""
    minimum = int(get_setting(session, MIN_KEY) or 15)
    maximum = int(get_setting(session, MAX_KEY) or 200)
    return minimum, max(maximum, minimum)


def set_limits(session: Session, actor: User, minimum: int, maximum: int) -> None:
    """Change the minimum and the ceiling (company administrators; audited)."""
    require_settings_admin(actor, session)
    low, high = LIMIT_RANGE
    if not (low <= minimum <= high and low <= maximum <= high):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give numbers of customers from {low} to {high}."),
            field="minimum",
            low=low,
            high=f"{high:,}",
        )
    if maximum < minimum:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The ceiling ({max}) cannot be below the minimum ({min})."),
            field="maximum",
            max=maximum,
            min=minimum,
        )
    if (minimum, maximum) == limits(session):
        return
    put_setting(session, actor, MIN_KEY, minimum)
    put_setting(session, actor, MAX_KEY, maximum)


@dataclass(frozen=True)
class WorkloadRow:
    user_id: str
    name: str
    login: str
    role: str
    unit_id: str
    unit_name: str
    active: bool
    in_scope: bool  # works in the viewer's unit; else maintains some of its customers
    maintained: int  # new + active + dormant
    dormant: int
    prospects: int
    lost: int
    callbacks_month: int  # callbacks done (reached) this month
    warning: str | None  # under / over / left / None

    @property
    def total(self) -> int:
        return self.maintained + self.prospects + self.lost


@dataclass(frozen=True)
class Workload:
    rows: list[WorkloadRow]
    minimum: int
    maximum: int
    month: str  # YYYY-MM
    unassigned: int  # maintained customers of the scope without a maintainer
    warnings: dict[str, int] = field(default_factory=dict)


def _month_bounds(today: date) -> tuple[int, int]:
    first = today.replace(day=1)
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return local_midnight_ms(first), local_midnight_ms(following)


def _warning(
    user: User, in_scope: bool, maintained: int, total: int, minimum: int, maximum: int
) -> str | None:
    if not user.active or user.deleted:
        return LEFT if total else None
    if not in_scope or user.role not in RULE_ROLES:
        return None
    if maintained < minimum:
        return UNDER
    if maintained > maximum:
        return OVER
    return None


def _scope_filter(
    session: Session, scope: OrgUnit, column: Any, scan_large: bool = False
) -> list[Any]:
    """Rows of the scope's subtree (no filter at the root: everything is in scope).

    ``scan_large``: when the subtree holds a large share of the units (an area of a few
    areas), reading the whole table once beats looking its rows up one by one through
    the org index, so the index is kept out of it (``column || ''``).
    """
    if scope.parent_id is None:
        return []
    ids = subtree_ids(session, scope)
    if scan_large:
        units = session.scalar(select(func.count()).select_from(OrgUnit)) or 1
        if len(ids) / units > SCAN_SHARE:
            return [(column + "").in_(ids)]
    return [column.in_(ids)]


def workload(session: Session, viewer: User, today: date) -> Workload:
    """Employees of the viewer's unit (and anyone else maintaining its customers)."""
    scope = session.get_one(OrgUnit, viewer.org_unit_id)
    minimum, maximum = limits(session)
    counts: dict[str | None, dict[str, int]] = {}
    # Grouped by status first: over the whole company SQLite then reads the table once
    # instead of visiting it row by row in maintainer order (twice as fast at 1M).
    for status, maintainer_id, n in session.execute(
        select(Customer.status, Customer.maintainer_id, func.count())
        .where(
            Customer.deleted.is_(False),
            *_scope_filter(session, scope, Customer.org_unit_id, scan_large=True),
        )
        .group_by(Customer.status, Customer.maintainer_id)
    ):
        counts.setdefault(maintainer_id, {})[status] = n
    start, end = _month_bounds(today)
    done: dict[str, int] = dict(
        session.execute(  # type: ignore[arg-type]
            select(CallbackTask.recorded_by_id, func.count())
            .where(
                CallbackTask.recorded_at >= start,
                CallbackTask.recorded_at < end,
                CallbackTask.status == TaskStatus.DONE.value,
                CallbackTask.deleted.is_(False),
                CallbackTask.recorded_by_id.is_not(None),
                *_scope_filter(session, scope, CallbackTask.org_unit_id),
            )
            .group_by(CallbackTask.recorded_by_id)
        ).all()
    )
    units = {u.id: u for u in session.scalars(select(OrgUnit))}
    people = {
        u.id: u
        for u in session.scalars(
            select(User).where(
                User.org_unit_id.in_(subtree_ids(session, scope)),
                User.deleted.is_(False),
                User.role != Role.AUDITOR.value,
            )
        )
    }
    scoped = set(people)
    extra = [i for i in counts if i is not None and i not in people]
    for start_at in range(0, len(extra), CHUNK):
        for person in session.scalars(
            select(User).where(User.id.in_(extra[start_at : start_at + CHUNK]))
        ):
            people[person.id] = person
    rows = []
    for person in people.values():
        by_status = counts.get(person.id, {})
        maintained = sum(by_status.get(s, 0) for s in MAINTAINED)
        prospects = by_status.get(CustomerStatus.PROSPECT.value, 0)
        lost = by_status.get(CustomerStatus.LOST.value, 0)
        total = maintained + prospects + lost
        if not person.active and not total:
            continue  # left with nothing: nothing to look after
        in_scope = person.id in scoped
        unit = units.get(person.org_unit_id)
        rows.append(
            WorkloadRow(
                user_id=person.id,
                name=person.name,
                login=person.login,
                role=person.role,
                unit_id=person.org_unit_id,
                unit_name=unit.name if unit else "",
                active=person.active,
                in_scope=in_scope,
                maintained=maintained,
                dormant=by_status.get(CustomerStatus.DORMANT.value, 0),
                prospects=prospects,
                lost=lost,
                callbacks_month=done.get(person.id, 0),
                warning=_warning(person, in_scope, maintained, total, minimum, maximum),
            )
        )
    order = {u.id: (u.path.count("/"), u.code) for u in units.values()}
    rows.sort(key=lambda r: (not r.in_scope, order.get(r.unit_id, (0, "")), r.name, r.login))
    warnings: dict[str, int] = {}
    for row in rows:
        if row.warning:
            warnings[row.warning] = warnings.get(row.warning, 0) + 1
    unassigned = sum(counts.get(None, {}).get(s, 0) for s in MAINTAINED)
    return Workload(rows, minimum, maximum, today.strftime("%Y-%m"), unassigned, warnings)


# -- bulk reassignment -------------------------------------------------------------------
@dataclass(frozen=True)
class CustomerPick:
    """One of an employee's customers, for choosing which ones to hand over."""

    id: str
    name: str | None
    level: str | None
    status: str
    last_visit_at: int | None
    developed_here: bool  # the employee developed this customer (谁开发,谁维护)


def _giver(session: Session, actor: User, giver_id: str) -> User:
    if not is_manager(actor):
        raise PermissionDenied(HAND_OVER_REFUSED)
    giver = session.get(User, giver_id)
    if giver is None or giver.deleted or not in_subtree(session, actor, giver.org_unit_id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "You can hand over only the customers of employees of your own unit.",
            )
        )
    return giver


def _own_customers(session: Session, actor: User, giver_id: str) -> object:
    scope = session.get_one(OrgUnit, actor.org_unit_id)
    return select(Customer).where(
        Customer.maintainer_id == giver_id,
        Customer.deleted.is_(False),
        *_scope_filter(session, scope, Customer.org_unit_id),
    )


def customers_of(session: Session, actor: User, giver_id: str) -> list[CustomerPick]:
    """The giver's customers in the actor's unit: the maintained ones first (newest first),
    then prospects and lost customers."""
    _giver(session, actor, giver_id)
    statement = _own_customers(session, actor, giver_id)
    rank = {s: 0 for s in MAINTAINED}
    picks = [
        CustomerPick(c.id, c.name, c.level, c.status, c.last_visit_at, c.developer_id == giver_id)
        for c in session.scalars(statement)  # type: ignore[call-overload]
    ]
    picks.sort(key=lambda p: p.id, reverse=True)
    picks.sort(key=lambda p: rank.get(p.status, 1))
    return picks


def surplus_ids(session: Session, actor: User, giver_id: str) -> list[str]:
    """The maintained customers above the ceiling: those the employee did not develop
    go first (谁开发,谁维护), the most recently filed first among them."""
    _minimum, maximum = limits(session)
    picks = [p for p in customers_of(session, actor, giver_id) if p.status in MAINTAINED]
    extra = len(picks) - maximum
    if extra <= 0:
        return []
    picks.sort(key=lambda p: p.developed_here)  # stable: keeps newest first within each
    return [p.id for p in picks[:extra]]


def all_ids(session: Session, actor: User, giver_id: str) -> list[str]:
    """Every live customer of the giver in the actor's unit (lost ones too)."""
    return [p.id for p in customers_of(session, actor, giver_id)]


@dataclass(frozen=True)
class BulkResult:
    moved: int
    by_receiver: dict[str, int]  # user id -> customers received
    skipped: int  # no longer the giver's (changed meanwhile) or not in the actor's unit


def _receivers(session: Session, giver: User, receiver_ids: Sequence[str]) -> list[User]:
    ids = list(dict.fromkeys(receiver_ids))
    if not ids:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose at least one colleague to receive the customers."),
            field="receivers",
        )
    people = []
    for user_id in ids:
        person = session.get(User, user_id)
        if person is None or person.id == giver.id:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Choose colleagues other than the employee who hands over."
                ),
                field="receivers",
            )
        if (
            not person.active
            or person.deleted
            or person.role == Role.AUDITOR
            or person.org_unit_id != giver.org_unit_id
        ):
            unit = session.get(OrgUnit, giver.org_unit_id)
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{name} cannot receive these customers: choose active colleagues of {unit}.",
                ),
                field="receivers",
                name=person.name,
                unit=unit.name if unit else "?",
            )
        people.append(person)
    return people


def _current_load(session: Session, user_ids: list[str]) -> dict[str, int]:
    rows = session.execute(
        select(Customer.maintainer_id, func.count())
        .where(
            Customer.maintainer_id.in_(user_ids),
            Customer.deleted.is_(False),
            Customer.status.in_(MAINTAINED),
        )
        .group_by(Customer.maintainer_id)
    )
    load = dict.fromkeys(user_ids, 0)
    load.update({user_id: n for user_id, n in rows})
    return load


def bulk_reassign(
    session: Session,
    actor: User,
    giver_id: str,
    customer_ids: Sequence[str],
    receiver_ids: Sequence[str],
    reason: str,
    progress: Callable[[int, int, str], None] | None = None,
) -> BulkResult:
    """Move the given customers of ``giver_id`` to the receivers, evening out their loads:
    each customer goes to the receiver who maintains the fewest at that point."""
    giver = _giver(session, actor, giver_id)
    receivers = _receivers(session, giver, receiver_ids)
    if not (reason or "").strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a reason for the change of maintainer or developer."),
            field="reason",
        )
    wanted = list(dict.fromkeys(customer_ids))
    mine: list[str] = []
    scope = session.get_one(OrgUnit, actor.org_unit_id)
    scope_filter = _scope_filter(session, scope, Customer.org_unit_id)
    for start in range(0, len(wanted), CHUNK):
        chunk = set(wanted[start : start + CHUNK])
        found = set(
            session.scalars(
                select(Customer.id).where(
                    Customer.id.in_(chunk),
                    Customer.maintainer_id == giver.id,
                    Customer.deleted.is_(False),
                    *scope_filter,
                )
            )
        )
        mine += [i for i in wanted[start : start + CHUNK] if i in found]
    load = _current_load(session, [r.id for r in receivers])
    heap = [(load[r.id], n, r.id) for n, r in enumerate(receivers)]
    heapq.heapify(heap)
    plan: dict[str, list[str]] = {r.id: [] for r in receivers}
    for customer_id in mine:
        count, n, user_id = heapq.heappop(heap)
        plan[user_id].append(customer_id)
        heapq.heappush(heap, (count + 1, n, user_id))
    moved: dict[str, int] = {}
    done = 0
    for user_id, ids in plan.items():
        moved[user_id] = 0
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            moved[user_id] += reassign(session, actor, chunk, "maintainer", user_id, reason)
            done += len(chunk)
            if progress is not None:
                progress(done, len(mine), "")
    total = sum(moved.values())
    return BulkResult(total, moved, len(wanted) - total)
