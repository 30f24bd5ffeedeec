"""Each customer's last visit and usual interval (the median gap between visits).

The median, not the mean, so that one long trip does not stretch a customer's cycle;
only from ``min_visits`` visits on (``callbacks.absence.min_visits``, default 3):
with fewer there is no usual interval and no absence anomaly. The visit import keeps
the two columns current; the rules run refreshes customers whose stored last visit
no longer matches their visits (rows that came another way), and a change of
``min_visits`` recomputes every customer (``refresh_all``).
"""

from __future__ import annotations

import sqlite3
import statistics
from collections.abc import Callable, Iterable, Sequence
from itertools import groupby

from desktop_crm.services.importing import bulk

DAY_MS = 86_400_000
Progress = Callable[[int, int, str], None]


def usual_interval_days(times: Sequence[int], min_visits: int) -> float | None:
    """Median gap in days (one decimal) of ascending visit times (UTC ms), or None."""
    if len(times) < max(2, min_visits):
        return None
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    return round(statistics.median(gaps) / DAY_MS, 1)


def _changed(
    current: tuple[int | None, float | None], times: Sequence[int], min_visits: int
) -> tuple[int | None, float | None] | None:
    """The new (last visit, interval) when it differs from ``current``, else None."""
    new = (times[-1] if times else None, usual_interval_days(times, min_visits))
    return new if new != current else None


def refresh_customers(
    conn: sqlite3.Connection, customer_ids: Iterable[str], min_visits: int, now: int
) -> list[str]:
    """Recompute the given customers from their live visits; the ids of those that changed."""
    ids = set(customer_ids)
    if not ids:
        return []
    current = {
        cid: (last, interval)
        for cid, last, interval in bulk.lookup(
            conn,
            "SELECT id, last_visit_at, usual_interval_days FROM customers "
            "WHERE id IN (SELECT k FROM temp.keys)",
            ids,
        )
    }
    times: dict[str, list[int]] = {cid: [] for cid in current}
    for cid, at in bulk.lookup(
        conn,
        "SELECT customer_id, visited_at FROM visits WHERE deleted = 0 "
        "AND customer_id IN (SELECT k FROM temp.keys) ORDER BY customer_id, visited_at",
        current,
    ):
        times[cid].append(at)
    updates = []
    for cid, ats in times.items():
        new = _changed(current[cid], ats, min_visits)
        if new is not None:
            updates.append((*new, now, cid))
    bulk.update(conn, "customers", ("last_visit_at", "usual_interval_days", "updated_at"), updates)
    return [cid for *_values, cid in updates]


def refresh_all(
    conn: sqlite3.Connection, min_visits: int, now: int, progress: Progress | None = None
) -> int:
    """Recompute every live customer in one ordered pass; how many changed.

    Customers and visits are both read in customer id order and merged, so memory
    holds one customer's visits at a time.
    """
    report = progress or (lambda done, total, label: None)
    (total,) = conn.execute("SELECT count(*) FROM customers WHERE deleted = 0").fetchone()
    customers = conn.execute(
        "SELECT id, last_visit_at, usual_interval_days FROM customers WHERE deleted = 0 ORDER BY id"
    )
    visits = groupby(
        conn.cursor().execute(
            "SELECT customer_id, visited_at FROM visits WHERE deleted = 0 "
            "ORDER BY customer_id, visited_at"
        ),
        key=lambda row: row[0],
    )
    pending = next(visits, None)
    updates: list[tuple[int | None, float | None, int, str]] = []
    changed = 0
    with bulk.gc_paused():
        for done, (cid, last, interval) in enumerate(customers, 1):
            while pending is not None and pending[0] < cid:
                pending = next(visits, None)  # visits of a deleted customer
            ats: list[int] = []
            if pending is not None and pending[0] == cid:
                ats = [at for _cid, at in pending[1]]
                pending = next(visits, None)
            new = _changed((last, interval), ats, min_visits)
            if new is not None:
                updates.append((*new, now, cid))
            if done % 50_000 == 0:
                report(done, total, "")
        changed = len(updates)
        for start in range(0, len(updates), bulk.BATCH):
            bulk.update(
                conn,
                "customers",
                ("last_visit_at", "usual_interval_days", "updated_at"),
                updates[start : start + bulk.BATCH],
            )
    report(total, total, "")
    return changed
