"""Open the main window with the customer tab on a database and wait for its first page.

Prints `first_page_ms=... searches_ms=... rss_mb=...`: the time from creating the
window to the first page of customers on screen, the time for a few searches typed
into the tab, and the resident memory with the tab open afterwards.
"""

from __future__ import annotations

import sys
import time


def main(db_path: str, login: str = "admin", password: str = "demo1234") -> None:
    from pathlib import Path

    from startup_probe import rss_mb  # the probe beside this one (same folder)

    from desktop_crm.app import make_application, open_or_explain, show_main_window
    from desktop_crm.services.auth import authenticate

    app = make_application()
    db = open_or_explain(Path(db_path))
    if db is None:
        raise SystemExit(2)
    with db.sessions.begin() as session:
        user = authenticate(session, login, password)
    start = time.perf_counter()
    window = show_main_window(db, user)
    tab = window.customers
    while not tab.model.rows or not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
    app.processEvents()
    first_page = (time.perf_counter() - start) * 1000
    searches = []
    for query in ("张伟", "zw", "5678", "冀A", "1000113"):
        began = time.perf_counter()
        tab.search.setText(query)
        tab.reload()
        while tab.model.loading:
            app.processEvents()
        searches.append((time.perf_counter() - began) * 1000)
    for _ in range(20):  # let the detail view and counts settle
        app.processEvents()
        time.sleep(0.01)
    print(f"first_page_ms={first_page:.1f} searches_ms={max(searches):.1f} rss_mb={rss_mb():.1f}")
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], *(sys.argv[2:4]))
