"""Callback figures: the rules over the demo database (first run and an idempotent rerun),
and a campaign for every contactable customer of one area.

Everything runs in one transaction that is rolled back: the shared demo database stays
as generated. "Today" is the day after the last visit in the data (the demo's today).
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta

from benchmarks.run import Context, Figure

RULES_TARGET_S = 10.0
CAMPAIGN_TARGET_S = 10.0


def _today(db_path: str) -> date:
    from desktop_crm.localtime import local_datetime

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        (last,) = conn.execute("SELECT max(visited_at) FROM visits").fetchone()
    finally:
        conn.close()
    return local_datetime(last).date() + timedelta(days=1) if last else date.today()


def rules(ctx: Context) -> list[Figure]:
    from desktop_crm.models.db import open_database
    from desktop_crm.services.callbacks.rules import run_rules

    today = _today(str(ctx.db))
    db = open_database(ctx.db)
    try:
        with db.writer() as session:
            start, cpu = time.perf_counter(), time.process_time()
            first = run_rules(session, today)
            first_s, first_cpu = time.perf_counter() - start, time.process_time() - cpu
            start, cpu = time.perf_counter(), time.process_time()
            second = run_rules(session, today)
            second_s, second_cpu = time.perf_counter() - start, time.process_time() - cpu
            session.rollback()  # the shared database stays as generated
    finally:
        db.close()
    print(
        f"# rules for {today}: created {first.created} closed {first.closed} "
        f"refreshed {first.refreshed}; rerun created {second.total_created}; CPU seconds "
        f"(all threads) {first_cpu:.1f} and {second_cpu:.1f}",
        flush=True,
    )
    assert second.total_created == 0, "the rules are not idempotent"
    return [
        Figure("callback_rules_1m", first_s, "s", RULES_TARGET_S),
        Figure("callback_rules_rerun", second_s, "s", RULES_TARGET_S),
    ]


def campaign(ctx: Context) -> list[Figure]:
    from sqlalchemy import select

    from desktop_crm.models import Role, User
    from desktop_crm.models.db import open_database
    from desktop_crm.services.callbacks.campaigns import CampaignSegment, create_campaign

    today = _today(str(ctx.db))
    db = open_database(ctx.db)
    try:
        with db.writer() as session:
            manager = session.scalars(
                select(User).where(User.role == Role.AREA_MANAGER.value).order_by(User.login)
            ).first()
            if manager is None:
                return []
            login = manager.login
            start = time.perf_counter()
            _campaign, created = create_campaign(
                session, manager, "基准测试", "油价调整", CampaignSegment(), today
            )
            seconds = time.perf_counter() - start
            session.rollback()
    finally:
        db.close()
    print(f"# campaign of {login}: {created} tasks", flush=True)
    return [Figure("callback_campaign_area", seconds, "s", CAMPAIGN_TARGET_S)]


def figures(ctx: Context) -> list[Figure]:
    return rules(ctx) + campaign(ctx)
