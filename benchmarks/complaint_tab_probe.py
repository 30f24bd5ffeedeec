"""Open the complaints tab on a database and wait for its first page.

    python benchmarks/complaint_tab_probe.py DB [LOGIN] [PASSWORD]

Prints `first_page_ms=... archive_ms=... all_ms=... rss_mb=...`: the time from creating
the tab (filters filled, the open work of the user's queue by urgency) to its first page
on screen, the time to switch to the archive (the largest status), then to every
complaint below the user's unit, and the resident memory afterwards.
"""

from __future__ import annotations

import sys
import time

TIMEOUT_MS = 60_000


def main(db_path: str, login: str = "admin", password: str = "demo1234") -> None:
    from pathlib import Path

    from PySide6.QtCore import QThreadPool
    from startup_probe import rss_mb  # the probe beside this one (same folder)

    from desktop_crm.app import make_application, open_or_explain
    from desktop_crm.models import ComplaintStatus, OrgUnit
    from desktop_crm.services.auth import authenticate
    from desktop_crm.views.complaints.tab import ComplaintTab

    if not Path(db_path).is_file():  # never make an empty store in its place
        raise SystemExit(f"no database at {db_path}")
    app = make_application()
    db = open_or_explain(Path(db_path))
    if db is None:
        raise SystemExit(2)
    with db.sessions.begin() as session:
        user = authenticate(session, login, password)
        unit = session.get_one(OrgUnit, user.org_unit_id)
    start = time.perf_counter()
    tab = ComplaintTab(db, user, unit, run_clock=False)
    tab.resize(1400, 800)
    tab.show()
    wait_for(app, tab.model.first_page_loaded)
    while not (tab.windowHandle() and tab.windowHandle().isExposed()):
        app.processEvents()
    app.processEvents()
    first_page = (time.perf_counter() - start) * 1000
    assert tab.model.rows, "the first page is empty"
    began = time.perf_counter()
    tab.show_status(ComplaintStatus.ARCHIVED.value)
    wait_for(app, tab.model.first_page_loaded)
    archive = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    tab.queue.setCurrentIndex(1)  # everything below the user's unit, not only its queue
    wait_for(app, tab.model.first_page_loaded)
    everything = (time.perf_counter() - began) * 1000
    QThreadPool.globalInstance().waitForDone()  # the counts
    app.processEvents()
    print(
        f"first_page_ms={first_page:.1f} archive_ms={archive:.1f} all_ms={everything:.1f} "
        f"rss_mb={rss_mb():.1f}"
    )
    db.close()


def wait_for(app: object, signal: object) -> None:
    """Run the event loop until ``signal`` (the loop waits, as the app's does)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: loop.exit(1))
    timer.start(TIMEOUT_MS)
    failed = loop.exec()
    timer.stop()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]
    if failed:
        raise SystemExit("the complaints tab did not load (an error dialog?)")


if __name__ == "__main__":
    main(sys.argv[1], *(sys.argv[2:4]))
