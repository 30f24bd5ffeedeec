"""The store with 200,000 complaints the complaint benchmarks run on (built once, cached).

benchmarks/data/complaints-200k.db (git-ignored): the demo generator with 50,000
customers (25 stations in 3 areas) and 200,000 complaints over the last year, made as
the workflow makes them: 62% archived, the open ones received within the last three
weeks, with their step logs, callback tasks and the warnings and escalations of a
clock that ran until the demo's "now" (TODAY at 00:00 local time). A run of the clock
at that moment has nothing to do; later, the complaints received since move on.

    from benchmarks.complaints_data import ensure_complaint_db, TODAY, demo_now_ms
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
COMPLAINTS = 200_000
CUSTOMERS = 50_000
TODAY = date(2026, 11, 23)  # fixed, so that the figures compare from run to run
PATH = DATA / f"complaints-{COMPLAINTS // 1000}k.db"


def demo_now_ms() -> int:
    """The demo's "now" (UTC ms): TODAY at local midnight."""
    from desktop_crm.localtime import local_zone

    return int(datetime.combine(TODAY, time(0), tzinfo=local_zone()).timestamp() * 1000)


def ensure_complaint_db(rebuild: bool = False) -> Path:
    """The path of the 200,000-complaint store, generated first if it is not there."""
    if PATH.exists() and not rebuild:
        return PATH
    from desktop_crm.services.demo import generate

    DATA.mkdir(parents=True, exist_ok=True)
    partial = PATH.with_name(PATH.name + ".partial")
    for path in (partial, PATH):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    generate(partial, CUSTOMERS, seed=1, today=TODAY, complaints=COMPLAINTS)
    os.replace(partial, PATH)  # only a finished store gets the name
    return PATH
