"""Open the callback tab for one user on a database and wait for its first page.

    python benchmarks/callback_tab_probe.py DB LOGIN YYYY-MM-DD mine|team

Prints `first_page_ms=... team_page_ms=... rss_mb=...`: the time from creating the
tab to the first page of the user's own queue on screen, then (with "team") the time
from choosing the team view to its first page, and the resident memory afterwards.
The tab runs with its clock on the given day at 10:00 and without the callback rules
(they write; the probe only reads).
"""

from __future__ import annotations

import sys
import time
from datetime import date, datetime
from datetime import time as clock_time


def main(db_path: str, login: str, day: str, view: str) -> None:
    from pathlib import Path

    from sqlalchemy import select
    from startup_probe import rss_mb  # the probe beside this one (same folder)

    from desktop_crm.app import make_application, open_or_explain
    from desktop_crm.localtime import local_zone
    from desktop_crm.models import OrgUnit, User
    from desktop_crm.views.callbacks.tab import CallbackTab

    app = make_application()
    db = open_or_explain(Path(db_path))
    if db is None:
        raise SystemExit(2)
    with db.session() as session:
        user = session.scalars(select(User).where(User.login == login)).one()
        unit = session.get_one(OrgUnit, user.org_unit_id)
    at = datetime.combine(date.fromisoformat(day), clock_time(10, 0), tzinfo=local_zone())
    now = int(at.timestamp() * 1000)

    def shown(tab: CallbackTab) -> bool:
        handle = tab.windowHandle()
        return bool(tab.queue.model.rows) and handle is not None and handle.isExposed()

    start = time.perf_counter()
    tab = CallbackTab(db, user, unit, clock=lambda: now, run_rules=False)
    tab.resize(1280, 760)
    tab.show()
    while not shown(tab):
        app.processEvents()
    app.processEvents()
    first_page = (time.perf_counter() - start) * 1000
    team_page = 0.0
    if view == "team":
        panel = tab.queue
        began = time.perf_counter()
        panel.scope.setCurrentIndex(panel.scope.findData("team"))
        while panel.model.loading or not panel.model.rows:
            app.processEvents()
        app.processEvents()
        team_page = (time.perf_counter() - began) * 1000
    for _ in range(30):  # let the counts and the briefing settle
        app.processEvents()
        time.sleep(0.01)
    print(f"first_page_ms={first_page:.1f} team_page_ms={team_page:.1f} rss_mb={rss_mb():.1f}")
    db.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
