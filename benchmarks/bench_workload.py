"""Workload (1:15) and weekly callback report figures on the demo database.

- the workload view of a station master, an area manager and the company administrator
  (counts per employee over the customers of their unit);
- a bulk hand-over of 3,000 customers with their owner history (in a transaction that
  is rolled back: the shared database is not changed);
- opening one weekly report (figures and records) and the administrator's report list.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from benchmarks.run import Context, Figure
from desktop_crm.models.db import Database

TODAY = date(2026, 11, 23)
HAND_OVER = 3000
LOCK_WAIT_S = 300.0


def _median_ms(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _writer_session(db: Database) -> Session:
    """A write transaction on the shared database, waiting while another benchmark holds it."""
    from sqlalchemy.exc import OperationalError

    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        session = db.writer()
        try:
            session.connection()  # BEGIN IMMEDIATE
            return session
        except OperationalError as exc:
            session.close()
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(1.0)


def workload_view(ctx: Context) -> list[Figure]:
    from desktop_crm.models import Role, User
    from desktop_crm.models.db import open_database
    from desktop_crm.services.callbacks.workload import workload

    db = open_database(ctx.db)
    figures = []
    try:
        with db.session() as session:
            for role, name, target in (
                (Role.STATION_MASTER, "workload_station_master", 200.0),
                (Role.AREA_MANAGER, "workload_area_manager", 3000.0),
                (Role.COMPANY_ADMIN, "workload_company", 5000.0),
            ):
                user = session.scalars(select(User).where(User.role == role.value)).first()
                if user is None:
                    continue
                figures.append(
                    Figure(
                        name, _median_ms(lambda u=user: workload(session, u, TODAY)), "ms", target
                    )
                )
    finally:
        db.close()
    return figures


def bulk_hand_over(ctx: Context) -> list[Figure]:
    """3,000 customers of one station given to two colleagues, history and audit kept."""
    from desktop_crm.models import Customer, OwnerChange, Role, User
    from desktop_crm.models.db import open_database
    from desktop_crm.services.callbacks.workload import all_ids, bulk_reassign

    db = open_database(ctx.db)
    try:
        session = _writer_session(db)
        try:
            biggest = session.execute(
                select(Customer.org_unit_id, func.count())
                .group_by(Customer.org_unit_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()[0]
            master = session.scalars(
                select(User).where(
                    User.role == Role.STATION_MASTER.value,
                    User.active.is_(True),
                    User.org_unit_id == biggest,
                )
            ).first()
            assert master is not None
            staff = list(
                session.scalars(
                    select(User).where(
                        User.org_unit_id == master.org_unit_id,
                        User.role == Role.STATION_STAFF.value,
                        User.active.is_(True),
                    )
                )
            )
            giver, receivers = staff[0], staff[1:3]
            # give the giver 3,000 customers first (rolled back with the rest)
            ids = list(
                session.scalars(
                    select(Customer.id)
                    .where(Customer.org_unit_id == master.org_unit_id, Customer.deleted.is_(False))
                    .limit(HAND_OVER)
                )
            )
            session.execute(
                update(Customer)
                .where(Customer.id.in_(ids))
                .values(maintainer_id=giver.id)
                .execution_options(synchronize_session=False)
            )
            start = time.perf_counter()
            moving = all_ids(session, master, giver.id)
            result = bulk_reassign(
                session, master, giver.id, moving, [r.id for r in receivers], "benchmark"
            )
            session.flush()
            seconds = time.perf_counter() - start
            kept = session.scalar(
                select(func.count())
                .select_from(OwnerChange)
                .where(OwnerChange.reason == "benchmark")
            )
            assert result.moved == len(moving) == kept, (result, len(moving), kept)
        finally:
            session.rollback()
            session.close()
    finally:
        db.close()
    return [Figure(f"bulk_hand_over_{len(moving)}", seconds, "s", 5.0)]


def weekly_report(ctx: Context) -> list[Figure]:
    """One staff member's report of the last week opened, and the company's report list."""
    from desktop_crm.models import Role, User
    from desktop_crm.models.db import open_database
    from desktop_crm.services.callbacks import weekly_report as wr

    db = open_database(ctx.db)
    try:
        session = _writer_session(db)
        try:
            staff = session.scalars(
                select(User).where(User.role == Role.STATION_STAFF.value, User.active.is_(True))
            ).first()
            admin = session.scalars(
                select(User).where(User.role == Role.COMPANY_ADMIN.value)
            ).first()
            assert staff is not None and admin is not None
            report = wr.open_report(session, staff, "2026-W47")
            opened = _median_ms(lambda: wr.weekly_report_data(session, report.id))
            listed = _median_ms(lambda: wr.list_reports(session, admin))
        finally:
            session.rollback()
            session.close()
    finally:
        db.close()
    return [
        Figure("weekly_report_open", opened, "ms", 200.0),
        Figure("weekly_report_list_company", listed, "ms", 200.0),
    ]


def figures(ctx: Context) -> list[Figure]:
    return [*workload_view(ctx), *bulk_hand_over(ctx), *weekly_report(ctx)]
