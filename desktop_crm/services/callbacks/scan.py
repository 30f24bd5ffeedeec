"""One pass over the recent visits: monthly volumes and stale visit statistics.

The volume-drop rule compares last month's litres with the average of the months
before it; those months' visits are read grouped by customer in one pass over the
covering index ix_visits_customer_time_sums (it holds litres and the tombstone too, so the
pass needs no table lookup and no sort). The same
pass finds customers whose stored last visit differs from their visits (rows that
arrived without the import's bookkeeping): the rules refresh those first.

The scan only reads, and its result is kept for the next run in the same process while
no visit has been added since and the month is the same (``cached_scan``): a visit
stored later has a higher rowid. ``start_scan`` runs it on a second connection in a worker thread
(sqlite3 lets go of the GIL while SQLite works), so that it overlaps with the rules
that do not need it; the GUI may also run it before taking the write lock.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from desktop_crm.services.callbacks.periods import add_months, local_midnight_ms, month_key


@dataclass(frozen=True)
class VolumeDrop:
    customer_id: str
    recent: float  # litres in the evaluated month
    average: float  # monthly average of the baseline months


@dataclass
class VisitScan:
    today: date
    month: str  # the evaluated month, YYYY-MM (the one before today's)
    baseline_months: int
    drop_share: float
    drops: list[VolumeDrop] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # customers to refresh
    mark: int = 0  # the highest visit rowid the scan saw: new visits make it stale

    def matches(self, today: date, baseline_months: int, drop_share: float) -> bool:
        """Whether this scan answers for ``today`` with these settings (same month)."""
        return (self.month, self.baseline_months, self.drop_share) == (
            evaluated_month(today), baseline_months, drop_share,
        )  # fmt: skip


def evaluated_month(today: date) -> str:
    return month_key(add_months(today, -1))


def visits_mark(conn: sqlite3.Connection) -> int:
    """The highest visit rowid: every visit stored later (import, sync) has a higher one."""
    (mark,) = conn.execute("SELECT coalesce(max(rowid), 0) FROM visits").fetchone()
    return int(mark)


def month_bounds(today: date, baseline_months: int) -> list[int]:
    """UTC ms of the month starts: baseline months oldest first, the evaluated month,
    then the first day of today's month."""
    first = date(today.year, today.month, 1)
    return [local_midnight_ms(add_months(first, -k)) for k in range(baseline_months + 1, -1, -1)]


def scan_visits(
    conn: sqlite3.Connection, today: date, baseline_months: int, drop_share: float
) -> VisitScan:
    bounds = month_bounds(today, baseline_months)
    n = baseline_months
    start, evaluated, end = bounds[0], bounds[n], bounds[n + 1]
    present = " + ".join(
        f"max(v.visited_at >= {bounds[k]} AND v.visited_at < {bounds[k + 1]})" for k in range(n)
    )
    # ix_visits_customer_time_sums starts with (customer_id, visited_at) and holds litres
    # and deleted too (with what the charts read, migration 0008): one pass
    # over it reads the visits already grouped by customer, with no table lookup per
    # visit and no sort (a table scan had to sort the window's millions of rows).
    sql = f"""
        SELECT v.customer_id,
               total(CASE WHEN v.visited_at >= :evaluated AND v.visited_at < :end
                          THEN v.litres END) AS recent,
               total(CASE WHEN v.visited_at < :evaluated THEN v.litres END) / :n AS average,
               {present} AS months,
               max(v.visited_at) AS last_at,
               (SELECT c.last_visit_at FROM customers AS c WHERE c.id = v.customer_id) AS stored
        FROM visits AS v INDEXED BY ix_visits_customer_time_sums
        WHERE v.deleted = 0 AND v.visited_at >= :start
        GROUP BY v.customer_id
        HAVING (months = :n AND recent < :keep * average) OR last_at IS NOT stored
    """
    params = {"evaluated": evaluated, "end": end, "start": start, "n": n, "keep": 1 - drop_share}
    scan = VisitScan(today, evaluated_month(today), n, drop_share, mark=visits_mark(conn))
    for cid, recent, average, months, last_at, stored in conn.execute(sql, params):
        if months == n and recent < (1 - drop_share) * average:
            scan.drops.append(VolumeDrop(cid, round(recent, 1), round(average, 1)))
        if last_at != stored:
            scan.stale.append(cid)
    return scan


def database_file(conn: sqlite3.Connection) -> str | None:
    """The file of the connection's main database (None for an in-memory one)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


def _scan_file(path: str, today: date, baseline_months: int, drop_share: float) -> VisitScan:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        conn.execute("BEGIN")  # one snapshot for the mark and the scan
        return scan_visits(conn, today, baseline_months, drop_share)
    finally:
        conn.close()


# The last scan of each database file in this process (the app runs the rules at start and
# again each day): reused while no visit has been added and the month is the same.
_last_scan: dict[str, VisitScan] = {}


def cached_scan(
    conn: sqlite3.Connection, today: date, baseline_months: int, drop_share: float
) -> VisitScan | None:
    path = database_file(conn)
    scan = _last_scan.get(path) if path else None
    if scan is None or not scan.matches(today, baseline_months, drop_share):
        return None
    return scan if scan.mark == visits_mark(conn) else None


def remember(conn: sqlite3.Connection, scan: VisitScan) -> None:
    path = database_file(conn)
    if path:
        _last_scan[path] = scan


def start_scan(
    conn: sqlite3.Connection, today: date, baseline_months: int, drop_share: float
) -> Future[VisitScan]:
    """The scan of the committed visits, running in a worker thread on its own connection
    (on ``conn`` itself, at once, for an in-memory database)."""
    path = database_file(conn)
    future: Future[VisitScan]
    if path is None:
        future = Future()
        future.set_result(scan_visits(conn, today, baseline_months, drop_share))
        return future
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="visit-scan")
    future = executor.submit(_scan_file, path, today, baseline_months, drop_share)
    executor.shutdown(wait=False)
    return future
