"""Printable reports: the company's monthly analysis pack as a PDF (target: under 10 s)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.run import Context, Figure


def _latest_month(db: Path) -> str:
    """The last whole month before the newest visit of the demo data."""
    import sqlite3
    from datetime import datetime

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        newest = conn.execute("SELECT max(visited_at) FROM visits").fetchone()[0]
    finally:
        conn.close()
    day = datetime.fromtimestamp(newest / 1000).date()
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return f"{year}-{month:02d}"


def monthly_pack_company(ctx: Context) -> list[Figure]:
    """What `desktop-crm report monthly --out X.pdf` does for the top of the org tree:
    build the pack and write the PDF. The session is rolled back, so the shared demo
    database keeps no trace (not even the audit line the command would write)."""
    from desktop_crm.ids import now_ms
    from desktop_crm.models.db import open_database
    from desktop_crm.reports.catalog import build_report, write_report
    from desktop_crm.reports.common import top_unit
    from desktop_crm.reports.periods import parse_period
    from desktop_crm.services.users import acting_user

    period = parse_period(_latest_month(ctx.db))
    db = open_database(ctx.db, migrate=False)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-reports-") as folder:
            out = Path(folder) / "monthly.pdf"
            start, cpu = time.perf_counter(), time.process_time()
            with db.session() as session:
                user = acting_user(session, None)
                report = build_report(session, user, "monthly", top_unit(session), period, now_ms())
                write_report(report, out)
                session.rollback()
            seconds = time.perf_counter() - start
            cpu_seconds = time.process_time() - cpu
            if report.empty or out.stat().st_size == 0:
                raise RuntimeError("the monthly pack is empty")
    finally:
        db.close()
    # The CPU time tells the program's own cost apart from a machine busy with other work
    # (the wall time is the target; on a loaded machine the two differ a lot).
    return [
        Figure("monthly_pack_company", seconds, "s", 10.0),
        Figure("monthly_pack_company_cpu", cpu_seconds, "s", 10.0),
    ]


def figures(ctx: Context) -> list[Figure]:
    return monthly_pack_company(ctx)
