"""The figures of the monthly analysis pack, read with as few passes over the big tables
as possible (one over the unit's customers, one over the month's visits, one index-only
pass over a year of visits), so the company's pack on a million customers stays fast."""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnClause, and_, case, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.models import (
    CallbackTask,
    Complaint,
    Customer,
    LevelChange,
    OrgUnit,
    User,
    Visit,
)
from desktop_crm.reports.base import big_customer_condition
from desktop_crm.reports.common import Scope, child_of
from desktop_crm.reports.periods import Period, month_period
from desktop_crm.services.settings import get_setting

LEVEL_ORDER = ("VIP", "A", "B", "C", "D")


def month_key(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


@dataclass
class UnitFigures:
    """What one row of the "by unit" table shows (a child unit, or the unit itself)."""

    customers: int = 0
    new: int = 0
    visits: int = 0
    litres: float = 0.0
    card_litres: float = 0.0
    amount_fen: int = 0
    big_litres: float = 0.0
    callbacks_due: int = 0
    callbacks_done: int = 0
    callbacks_on_time: int = 0
    complaints: int = 0
    complaints_closed: int = 0
    complaints_on_time: int = 0
    staff: int = 0
    staff_at_target: int = 0


@dataclass
class MonthlyData:
    period: Period
    total: UnitFigures
    by_unit: dict[str, UnitFigures]  # child unit id -> figures (empty for a leaf unit)
    levels: dict[tuple[str, str], int]  # (level, kind) -> live customers at the month's end
    new_by_month: dict[str, dict[str, int]]  # YYYY-MM -> kind -> new customers (24 months)
    visits_by_month: dict[str, int]  # YYYY-MM -> visits (12 months)
    level_up: int = 0
    level_down: int = 0
    satisfaction: float | None = None
    complaint_categories: list[tuple[str, int]] = field(default_factory=list)
    staff_rows: list[tuple[str, str, int, int, int]] = field(default_factory=list)
    per_employee: int = 15


def _level_rank(level: str | None) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def monthly_data(session: Session, unit: OrgUnit, period: Period, now_ms: int) -> MonthlyData:
    """The pack's figures."""
    scope = Scope(unit)
    ids = scope.ids()
    mapping = child_of(session, unit)  # org id -> child id (or the unit itself)
    has_children = any(v != unit.id for v in mapping.values())
    start, end = period.start_ms, period.end_ms
    offset = datetime.combine(period.start, datetime.min.time(), local_zone()).utcoffset()
    off_ms = int(offset.total_seconds() * 1000) if offset else 0
    big_tiers = list(get_setting(session, "charts.big_customer_tiers") or ["集团", "大"])
    per_employee = int(get_setting(session, "charts.per_employee") or 15)
    total = UnitFigures()
    by_unit: dict[str, UnitFigures] = defaultdict(UnitFigures)

    def row(org_id: str) -> UnitFigures | None:
        if not has_children:
            return None
        key = mapping.get(org_id)
        return by_unit[key] if key is not None else None

    # 3. (started first) visits per month over the year up to the month: one count per
    #    month over the covering index (unit, time), on a connection of its own, so that
    #    SQLite runs it beside the customer passes
    months = period.months_back(12)
    trend_stmts = [
        (month_key(m.start), select(func.count()).where(
            Visit.org_unit_id.in_(ids), Visit.deleted.is_(False),
            Visit.visited_at >= m.start_ms, Visit.visited_at < m.end_ms))
        for m in months
    ]  # fmt: skip
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="monthly-trend")
    trend = pool.submit(_fetch_counts, session.get_bind(), trend_stmts)
    pool.shutdown(wait=False)  # the thread ends with its queries

    # 1. customers: one pass over the covering index (unit, level, deleted, kind, created),
    #    grouped by unit, kind, level, month filed and filed before the month's end
    first_trend = month_period(period.start.year - 1, period.start.month).start_ms
    month_filed = func.strftime("%Y-%m", (Customer.created_at + off_ms) / 1000, "unixepoch")
    levels: dict[tuple[str, str], int] = defaultdict(int)
    new_by_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    filed = case((Customer.created_at >= first_trend, month_filed), else_="")
    this_month = month_key(period.start)
    for org_id, kind, level, month, before_end, n in session.execute(
        select(Customer.org_unit_id, Customer.kind, func.coalesce(Customer.level, ""), filed,
               Customer.created_at < end, func.count())
        .where(Customer.org_unit_id.in_(ids), Customer.deleted.is_(False))
        .group_by(*_positions(5))
    ):  # fmt: skip
        if month:
            new_by_month[month][kind] += n
        if not before_end:
            continue
        levels[(level, kind)] += n
        total.customers += n
        new = n if month == this_month else 0
        total.new += new
        if (r := row(org_id)) is not None:
            r.customers += n
            r.new += new

    # 2. the month's visits, from the covering index (unit, time, sums)
    card = func.sum(case((Visit.paid_by_card.is_(True), Visit.litres), else_=0.0))
    for org_id, n, litres, card_litres, fen in session.execute(
        select(Visit.org_unit_id, func.count(), func.sum(Visit.litres), card,
               func.sum(Visit.amount_fen))
        .where(Visit.org_unit_id.in_(ids), Visit.deleted.is_(False), Visit.visited_at >= start,
               Visit.visited_at < end)
        .group_by(Visit.org_unit_id)
    ):  # fmt: skip
        for target in (total, row(org_id)):
            if target is None:
                continue
            target.visits += n
            target.litres += float(litres or 0)
            target.card_litres += float(card_litres or 0)
            target.amount_fen += int(fen or 0)
    #    and the big customers' litres: the scope's big customers (one pass over the
    #    customers table), each one's visits of the month from the covering index
    #    (customer, time, sums). The unary + keeps SQLite from reading a million
    #    customers one by one through the unit index.
    is_big, tiers = big_customer_condition(big_tiers)
    big_sql = text(f"""
        SELECT v.org_unit_id, sum(v.litres)
        FROM customers c CROSS JOIN visits v ON v.customer_id = c.id
        WHERE +c.org_unit_id IN (SELECT id FROM org_units WHERE path LIKE :path || '%')
          AND c.deleted = 0 AND {is_big}
          AND v.visited_at >= :start AND v.visited_at < :end AND v.deleted = 0
          AND v.org_unit_id IN (SELECT id FROM org_units WHERE path LIKE :path || '%')
        GROUP BY 1
    """)  # noqa: S608 - only placeholders are formatted in
    params = {"path": unit.path, "start": start, "end": end, **tiers}
    for org_id, litres in session.execute(big_sql, params):
        for target in (total, row(org_id)):
            if target is not None:
                target.big_litres += float(litres or 0)

    # 3. the visits per month started above
    visits_by_month: dict[str, int] = dict(trend.result())

    # 4. callbacks due in the month, done, on time; satisfaction of the month's records
    first, last = period.start.isoformat(), period.last.isoformat()
    recorded_day = func.date((CallbackTask.recorded_at + off_ms) / 1000, "unixepoch")
    for org_id, n, done, on_time in session.execute(
        select(CallbackTask.org_unit_id, func.count(),
               func.sum(case((CallbackTask.status == "done", 1), else_=0)),
               func.sum(case((and_(CallbackTask.status == "done",
                                   recorded_day <= CallbackTask.due_date), 1), else_=0)))
        .where(CallbackTask.org_unit_id.in_(ids), CallbackTask.deleted.is_(False),
               CallbackTask.due_date >= first, CallbackTask.due_date <= last,
               CallbackTask.status != "cancelled")
        .group_by(CallbackTask.org_unit_id)
    ):  # fmt: skip
        for target in (total, row(org_id)):
            if target is not None:
                target.callbacks_due += n
                target.callbacks_done += done or 0
                target.callbacks_on_time += on_time or 0
    rated, sat_sum = session.execute(
        select(func.count(CallbackTask.satisfaction), func.sum(CallbackTask.satisfaction)).where(
            CallbackTask.org_unit_id.in_(ids), CallbackTask.deleted.is_(False),
            CallbackTask.recorded_at >= start, CallbackTask.recorded_at < end)
    ).one()  # fmt: skip

    # 5. complaints received in the month
    categories: dict[str, int] = defaultdict(int)
    for org_id, category, n, closed, on_time in session.execute(
        select(Complaint.org_unit_id, Complaint.category, func.count(),
               func.sum(case((Complaint.closed_at.is_not(None), 1), else_=0)),
               func.sum(case((and_(Complaint.closed_at.is_not(None),
                                   or_(Complaint.close_deadline.is_(None),
                                       Complaint.closed_at <= Complaint.close_deadline
                                       + func.coalesce(Complaint.paused_ms, 0))), 1), else_=0)))
        .where(Complaint.org_unit_id.in_(ids), Complaint.deleted.is_(False),
               Complaint.type != "suggestion", Complaint.received_at >= start,
               Complaint.received_at < end)
        .group_by(Complaint.org_unit_id, Complaint.category)
    ):  # fmt: skip
        categories[category] += n
        for target in (total, row(org_id)):
            if target is not None:
                target.complaints += n
                target.complaints_closed += closed or 0
                target.complaints_on_time += on_time or 0

    # 6. level changes of the month
    up = down = 0
    for old, new, n in session.execute(
        select(LevelChange.old_level, LevelChange.new_level, func.count())
        .where(LevelChange.org_unit_id.in_(ids), LevelChange.deleted.is_(False),
               LevelChange.changed_at >= start, LevelChange.changed_at < end)
        .group_by(*_positions(2))
    ):  # fmt: skip
        if _level_rank(new) < _level_rank(old):
            up += n
        elif _level_rank(new) > _level_rank(old):
            down += n

    # 7. staff: customers maintained (1:15), callbacks done and complaints closed this month
    staff = list(session.execute(
        select(User.id, User.name, User.org_unit_id)
        .where(User.org_unit_id.in_(ids), User.deleted.is_(False), User.active.is_(True),
               User.role != "auditor")
        .order_by(User.org_unit_id, User.name)
    ))  # fmt: skip
    staff_ids = [s[0] for s in staff]
    # customers maintained: one pass over the covering index (maintainer, deleted, unit),
    # in its order (the unary + keeps SQLite off the unit index)
    maintained: dict[str, int] = dict(session.execute(text("""
        SELECT maintainer_id, count(*) FROM customers
        WHERE maintainer_id IS NOT NULL AND deleted = 0
          AND +org_unit_id IN (SELECT id FROM org_units WHERE path LIKE :path || '%')
        GROUP BY maintainer_id
    """), {"path": unit.path}).tuples().all())  # fmt: skip
    called = _counts(session, select(CallbackTask.recorded_by_id, func.count())
                     .where(CallbackTask.deleted.is_(False), CallbackTask.status == "done",
                            CallbackTask.recorded_at >= start, CallbackTask.recorded_at < end)
                     .group_by(CallbackTask.recorded_by_id), staff_ids,
                     CallbackTask.recorded_by_id)  # fmt: skip
    handled = _counts(session, select(Complaint.owner_id, func.count())
                      .where(Complaint.deleted.is_(False), Complaint.closed_at >= start,
                             Complaint.closed_at < end)
                      .group_by(Complaint.owner_id), staff_ids, Complaint.owner_id)  # fmt: skip
    unit_names = dict(session.execute(select(OrgUnit.id, OrgUnit.name)
                                      .where(OrgUnit.id.in_(ids))).tuples().all())  # fmt: skip
    staff_rows = []
    for uid, name, org_id in staff:
        m = maintained.get(uid, 0)
        total.staff += 1
        total.staff_at_target += m >= per_employee
        if (r := row(org_id)) is not None:
            r.staff += 1
            r.staff_at_target += m >= per_employee
        staff_rows.append((unit_names.get(org_id, ""), name, m, called.get(uid, 0),
                           handled.get(uid, 0)))  # fmt: skip

    return MonthlyData(
        period=period,
        total=total,
        by_unit=dict(by_unit),
        levels=dict(levels),
        new_by_month={k: dict(v) for k, v in new_by_month.items()},
        visits_by_month=dict(visits_by_month),
        level_up=up,
        level_down=down,
        satisfaction=round(sat_sum / rated, 2) if rated else None,
        complaint_categories=sorted(categories.items(), key=lambda kv: (-kv[1], kv[0])),
        staff_rows=staff_rows,
        per_employee=per_employee,
    )


def _counts(session: Session, stmt: object, ids: list[str], column: object) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            (k, int(n))
            for k, n in session.execute(stmt.where(column.in_(chunk)))  # type: ignore[attr-defined]
        )
    return found


def _positions(count: int) -> list[ColumnClause[object]]:
    """GROUP BY 1, 2, ...: the select's own columns by position."""
    return [literal_column(str(i)) for i in range(1, count + 1)]


def _fetch_counts(bind: Any, stmts: list[tuple[str, Any]]) -> list[tuple[str, int]]:
    """(key, the count of ``stmt``) of each one, on a connection of its own (one read
    transaction of this thread)."""
    with bind.connect() as connection:
        return [(key, int(connection.execute(stmt).scalar() or 0)) for key, stmt in stmts]
