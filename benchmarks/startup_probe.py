"""Start the app on a database the way a user does, up to the main window being shown.

Runs the real start-up path (fonts, translations, opening and checking the database,
password check of the demo administrator, main window) and prints
`seconds=... rss_mb=...` measured when the window is exposed on screen.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

START = time.perf_counter()


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(db_path: str, login: str = "admin", password: str = "demo1234") -> None:
    from desktop_crm.app import make_application, open_or_explain, show_main_window
    from desktop_crm.services.auth import authenticate

    app = make_application()
    db = open_or_explain(Path(db_path))
    if db is None:
        raise SystemExit(2)
    with db.sessions.begin() as session:
        user = authenticate(session, login, password)
    window = show_main_window(db, user)
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
    app.processEvents()
    print(f"seconds={time.perf_counter() - START:.3f} rss_mb={rss_mb():.1f}")
    db.close()


if __name__ == "__main__":
    main(sys.argv[1])
