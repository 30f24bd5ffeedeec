"""Customer file figures: tab opening, search latency by kind of query, memory."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.run import Context, Figure

HERE = Path(__file__).resolve().parent
SAMPLES = 60


def _queries(db_path: Path) -> dict[str, list[str]]:
    """Real values from the database, turned into what a clerk would type."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rng = random.Random(7)

    def sample(sql: str) -> list[str]:
        values = [r[0] for r in conn.execute(sql) if r[0]]
        return rng.sample(values, min(SAMPLES, len(values)))

    names = sample(
        "SELECT name FROM customers WHERE kind = 'person' AND name IS NOT NULL LIMIT 20000"
    )
    initials = sample(
        "SELECT pinyin_initials FROM customers WHERE pinyin_initials IS NOT NULL LIMIT 20000"
    )
    phones = sample("SELECT phone FROM customers WHERE phone LIKE '1%' LIMIT 20000")
    plates = sample("SELECT plate FROM vehicles LIMIT 20000")
    cards = sample("SELECT card_no FROM fuel_cards LIMIT 20000")
    conn.close()
    return {
        "name2": [n[:2] for n in names],
        "pinyin_initials": initials,
        "phone_suffix": [p[-4:] for p in phones],
        "plate": [p.replace("·", "").lower() for p in plates],  # 京a12345: as typed
        "card": cards,
    }


def search_latency(ctx: Context) -> list[Figure]:
    from desktop_crm.models import OrgUnit
    from desktop_crm.models.db import open_database
    from desktop_crm.services.customer_list import search_page
    from desktop_crm.services.users import acting_user

    figures = []
    db = open_database(ctx.db)
    try:
        for kind, queries in _queries(ctx.db).items():
            times = []
            with db.session() as session:
                user = acting_user(session, None)
                scope = session.get_one(OrgUnit, user.org_unit_id)
                for query in queries:
                    start = time.perf_counter()
                    search_page(session, user, scope, query)
                    times.append((time.perf_counter() - start) * 1000)
                session.rollback()  # the audit rows of the benchmark are not kept
            p95 = statistics.quantiles(times, n=20)[-1]
            figures.append(Figure(f"search_p95_{kind}", p95, "ms", 50.0))
    finally:
        db.close()
    return figures


def tab_opening(ctx: Context) -> list[Figure]:
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, str(HERE / "customer_tab_probe.py"), str(ctx.db)],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        runs.append(dict(part.split("=") for part in out.stdout.split()))
    runs.sort(key=lambda r: float(r["first_page_ms"]))
    median = runs[len(runs) // 2]
    return [
        Figure("customer_tab_first_page", float(median["first_page_ms"]), "ms", 300.0),
        Figure("customer_tab_memory", max(float(r["rss_mb"]) for r in runs), "MB", 300.0),
    ]


def figures(ctx: Context) -> list[Figure]:
    return [*tab_opening(ctx), *search_latency(ctx)]
