"""Station-level aggregates computed in SQL once and kept in memory and on disk.

Every indicator is a pandas frame rolled up from these per-org-unit aggregates, so a
chart for the whole company and a chart for one area cost the same, and switching
charts or drilling down reuses what the first chart computed.

An aggregate is recomputed when rows were added to its tables (their largest rowid
moved: imports, new level changes, callback attempts, complaint steps), or when
``invalidate`` is called (the tab's Refresh button). It is also saved in the per-user
cache folder, so the next session on the same database starts from it (computing the
aggregates of a million customers takes minutes); a saved one is used for at most
``DISK_MAX_AGE_S`` (12 hours), so an edit made in place (no new row, e.g. a volume
tier changed) shows after 12 hours at the latest, or at once after Refresh.
"""

from __future__ import annotations

import pickle
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.paths import APP_AUTHOR, APP_NAME

if TYPE_CHECKING:
    import pandas as pd

CACHE_VERSION = 2  # bumped when an aggregate's columns or meaning change
MAX_AGE_S = 600.0
DISK_MAX_AGE_S = 12 * 3600.0
DAY_MS = 86_400_000

_lock = threading.Lock()
_cache: dict[tuple[Any, ...], tuple[tuple[Any, ...], float, Any]] = {}
_computing: dict[tuple[Any, ...], threading.Lock] = {}


def invalidate() -> None:
    """Forget every cached aggregate (after a change made through the app), in memory
    and on disk."""
    with _lock:
        _cache.clear()
        folder = _disk_path(("",)).parent
        for path in folder.glob("*.pickle") if folder.exists() else []:
            path.unlink(missing_ok=True)


def offset_ms() -> int:
    """The local zone's offset from UTC now (fixed for Asia/Shanghai)."""
    offset = datetime.now(local_zone()).utcoffset()
    return int(offset.total_seconds() * 1000) if offset else 0


def _stamp(session: Session, tables: Sequence[str]) -> tuple[Any, ...]:
    """The largest rowid of each table: moves whenever a row is added."""
    return tuple(session.scalar(text(f"SELECT max(rowid) FROM {t}")) for t in tables)  # noqa: S608


def cached(
    session: Session,
    name: str,
    params: tuple[Any, ...],
    tables: Sequence[str],
    compute: Callable[[], pd.DataFrame],
) -> pd.DataFrame:
    """The frame ``name`` for ``params``, computed by ``compute`` unless a fresh copy is kept."""
    db_key = str(session.get_bind().url)
    key = (CACHE_VERSION, db_key, name, params)
    stamp = _stamp(session, tables)
    with _lock:
        key_lock = _computing.setdefault(key, threading.Lock())
    # One computation per aggregate at a time: a second chart asking for the same one
    # while it is computed waits for that result instead of scanning the table again.
    with key_lock:
        with _lock:
            hit = _cache.get(key)
        if hit is not None and hit[0] == stamp and time.monotonic() - hit[1] < MAX_AGE_S:
            return hit[2]
        frame = _from_disk(key, stamp)
        if frame is None:
            frame = compute()
            _to_disk(key, stamp, frame)
        with _lock:
            _cache[key] = (stamp, time.monotonic(), frame)
        return frame


def prefetch(open_session: Callable[[], Session]) -> threading.Thread:
    """Compute the slowest aggregate, the loss spells (a window over every visit), on a
    thread of its own while the first chart computes its own aggregates: the charts tab
    calls it when it opens. A chart that needs the spells meanwhile waits for this
    computation (``cached`` computes an aggregate once at a time)."""

    def run() -> None:
        from desktop_crm.reports.indicators import lost_days

        try:
            with open_session() as session:
                spells(session, lost_days(session))
        except Exception:  # noqa: BLE001, S110 - ahead of time only: the chart computes it
            pass

    thread = threading.Thread(target=run, name="chart-prefetch", daemon=True)
    thread.start()
    return thread


# -- kept on disk between sessions -------------------------------------------------------
def _disk_path(key: tuple[Any, ...]) -> Path:
    import hashlib

    import platformdirs

    folder = Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)) / "chart-aggregates"
    return folder / (hashlib.sha1(repr(key).encode()).hexdigest() + ".pickle")


def _from_disk(key: tuple[Any, ...], stamp: tuple[Any, ...]) -> Any:
    """The aggregate saved by an earlier session, if its tables got no rows since and it
    is younger than DISK_MAX_AGE_S; None otherwise (or when the file is unreadable)."""
    path = _disk_path(key)
    try:
        with path.open("rb") as handle:
            saved_key, saved_stamp, saved_at, frame = pickle.load(handle)  # noqa: S301 - own file
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    if saved_key != key or saved_stamp != stamp or time.time() - saved_at > DISK_MAX_AGE_S:
        return None
    return frame


def _to_disk(key: tuple[Any, ...], stamp: tuple[Any, ...], frame: Any) -> None:
    path = _disk_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{threading.get_ident()}.part")
        with partial.open("wb") as handle:
            pickle.dump((key, stamp, time.time(), frame), handle, pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass  # a cache only: the next session computes it again


def big_customer_condition(tiers: Sequence[str]) -> tuple[str, dict[str, str]]:
    """The SQL test of a big customer (大客户) on customers ``c``: a volume tier the
    settings name, or the tag; and its parameters."""
    params = {f"t{i}": tier for i, tier in enumerate(tiers)}
    marks = ",".join(f":{name}" for name in params) or "NULL"
    return f"(c.volume_tier IN ({marks}) OR instr(c.tags, '大客户') > 0)", params


def fetch_rows(session: Session, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` as plain tuples, straight from the driver: an aggregate has
    hundreds of thousands of rows, and SQLAlchemy's result rows cost several times the
    query itself. In the session's transaction (named parameters, :name)."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


def query_frame(session: Session, sql: str, columns: Sequence[str], **params: Any) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(fetch_rows(session, sql, params), columns=list(columns))


def month_of_day(days: pd.Series) -> pd.Series:
    """YYYY-MM of day numbers (days since 1970-01-01, local)."""
    import pandas as pd

    # a year of visits has a few hundred days: format each once
    unique = pd.unique(days)
    labels = pd.to_datetime(unique, unit="D").strftime("%Y-%m")
    return days.map(dict(zip(unique, labels, strict=True))).astype(object)


# -- the aggregates --------------------------------------------------------------------
def customers(session: Session) -> pd.DataFrame:
    """Live customers per org unit, kind, level and month created."""

    def compute() -> pd.DataFrame:
        sql = """
            SELECT org_unit_id, kind, coalesce(level, ''),
                   strftime('%Y-%m', (created_at + :off) / 1000, 'unixepoch'), count(*)
            FROM customers WHERE deleted = 0
            GROUP BY 1, 2, 3, 4
        """
        return query_frame(session, sql, ["org", "kind", "level", "month", "n"], off=offset_ms())

    return cached(session, "customers", (), ["customers", "level_changes"], compute)


def customer_totals(session: Session) -> pd.DataFrame:
    """``customers`` summed over the months (org, kind, level, n): a few thousand rows a
    chart rolls up instead of 250,000; ``attrs["last_month"]``: the newest month filed."""

    def compute() -> pd.DataFrame:
        frame = customers(session)
        totals = frame.groupby(["org", "kind", "level"], as_index=False)["n"].sum()
        totals.attrs["last_month"] = str(frame["month"].max()) if not frame.empty else ""
        return totals

    return cached(session, "customer_totals", (), ["customers", "level_changes"], compute)


def customer_months(session: Session) -> pd.DataFrame:
    """``customers`` summed over the levels (org, kind, month, n)."""

    def compute() -> pd.DataFrame:
        return customers(session).groupby(["org", "kind", "month"], as_index=False)["n"].sum()

    return cached(session, "customer_months", (), ["customers", "level_changes"], compute)


def visits(session: Session, big_tiers: Sequence[str]) -> pd.DataFrame:
    """Visits per station, local month (YYYY-MM) and big customer or not: count, litres,
    money, and what was paid by card.

    All visits come from the covering index ``ix_visits_org_time_sums``, one unit at a
    time (each unit's days sort in memory, where one GROUP BY over five million visits
    would sort on disk); the big customers' visits from the customers with a big tier
    or tag, through the customer index (CROSS JOIN keeps SQLite from looking up the
    customer of each of the millions of visits)."""
    import pandas as pd

    tiers = tuple(big_tiers)

    def compute() -> pd.DataFrame:
        sums = ["visits", "litres", "card_litres", "amount", "card_amount"]
        select_sums = f"""
            SELECT v.org_unit_id, (v.visited_at + :off) / {DAY_MS} AS day,
                   count(*), sum(v.litres),
                   sum(CASE WHEN v.paid_by_card THEN v.litres ELSE 0 END),
                   sum(v.amount_fen),
                   sum(CASE WHEN v.paid_by_card THEN v.amount_fen ELSE 0 END)
        """
        unit_ids = session.scalars(text("SELECT id FROM org_units ORDER BY id")).all()
        per_unit = (
            select_sums + " FROM visits v WHERE v.org_unit_id = :org AND v.deleted = 0 GROUP BY 2"
        )
        rows: list[tuple[Any, ...]] = []
        off = offset_ms()
        for unit_id in unit_ids:
            rows.extend(fetch_rows(session, per_unit, {"org": unit_id, "off": off}))
        every = pd.DataFrame(rows, columns=["org", "day", *sums])
        is_big, tier_params = big_customer_condition(tiers)
        big = query_frame(
            session,
            select_sums
            + f"""
            FROM customers c CROSS JOIN visits v ON v.customer_id = c.id
            WHERE v.deleted = 0 AND {is_big}
            GROUP BY 1, 2
            """,  # noqa: S608
            ["org", "day", *sums],
            off=off,
            **tier_params,
        )
        if every.empty:
            every = every.astype({"day": "int64"})
        both = every.merge(big, on=["org", "day"], how="left", suffixes=("", "_big"))
        both = both.fillna({f"{c}_big": 0 for c in sums})
        rest = both[["org", "day"]].assign(
            big=False, **{c: both[c] - both[f"{c}_big"] for c in sums}
        )
        bigs = both[["org", "day"]].assign(big=True, **{c: both[f"{c}_big"] for c in sums})
        frame = pd.concat([rest, bigs], ignore_index=True)
        # Months once here, so that a chart sums a few thousand rows, not one per day.
        frame["month"] = month_of_day(frame["day"])
        frame = frame.groupby(["org", "month", "big"], as_index=False)[sums].sum()
        # Counts and fen stay whole numbers (the merge above made them floats).
        return frame.astype({"visits": "int64", "amount": "int64", "card_amount": "int64"})

    return cached(session, "visits", tiers, ["visits", "customers"], compute)


def spells(session: Session, lost_days: int) -> pd.DataFrame:
    """Per station and local day: first visits, customers won back after being lost, and
    visits after which the customer was not seen for more than ``lost_days`` days (the
    loss itself falls ``lost_days`` days after that visit).

    A customer's first and last visits come from two passes over the covering index
    ``ix_visits_customer_time_sums`` grouped by customer (no sort); only the gaps need a
    window over each customer's visits, and only the few gaps longer than ``lost_days``
    are kept: the visit after one is a win-back, the visit before it a loss."""

    def compute() -> pd.DataFrame:
        def day(column: str = "visited_at") -> str:  # a time in ms as a local day number
            return f"({column} + :off) / {DAY_MS}"

        sql = f"""
            WITH gaps AS MATERIALIZED (
                SELECT org_unit_id, d, p, po FROM (
                    SELECT org_unit_id, {day()} AS d,
                           lag({day()}) OVER w AS p, lag(org_unit_id) OVER w AS po
                    FROM visits WHERE deleted = 0
                    WINDOW w AS (PARTITION BY customer_id ORDER BY visited_at)
                )
                WHERE d - p > :n
            )
            SELECT org, d, sum(first), sum(back), sum(last) FROM (
                SELECT org_unit_id AS org, {day("min(visited_at)")} AS d,
                       1 AS first, 0 AS back, 0 AS last
                FROM visits WHERE deleted = 0 GROUP BY customer_id
                UNION ALL
                SELECT org_unit_id, {day("max(visited_at)")}, 0, 0, 1
                FROM visits WHERE deleted = 0 GROUP BY customer_id
                UNION ALL
                SELECT org_unit_id, d, 0, 1, 0 FROM gaps
                UNION ALL
                SELECT po, p, 0, 0, 1 FROM gaps
            )
            GROUP BY 1, 2
        """  # noqa: S608 - only constants are formatted in
        return query_frame(
            session,
            sql,
            ["org", "day", "first", "back", "last"],
            n=lost_days,
            off=offset_ms(),
        )

    return cached(session, "spells", (lost_days,), ["visits"], compute)


def level_changes(session: Session) -> pd.DataFrame:
    def compute() -> pd.DataFrame:
        sql = """
            SELECT org_unit_id, strftime('%Y-%m', (changed_at + :off) / 1000, 'unixepoch'),
                   coalesce(old_level, ''), coalesce(new_level, ''), count(*)
            FROM level_changes WHERE deleted = 0 GROUP BY 1, 2, 3, 4
        """
        return query_frame(session, sql, ["org", "month", "old", "new", "n"], off=offset_ms())

    return cached(session, "level_changes", (), ["level_changes"], compute)


def callbacks(session: Session) -> pd.DataFrame:
    """Callback tasks per station, due month and status: how many, done on time, and
    the satisfaction given (by the month the call was recorded)."""

    def compute() -> pd.DataFrame:
        sql = """
            SELECT org_unit_id, substr(due_date, 1, 7), status,
                   strftime('%Y-%m', (recorded_at + :off) / 1000, 'unixepoch'),
                   count(*),
                   sum(status = 'done' AND
                       date((recorded_at + :off) / 1000, 'unixepoch') <= due_date),
                   sum(satisfaction), count(satisfaction)
            FROM callback_tasks WHERE deleted = 0
            GROUP BY 1, 2, 3, 4
        """
        return query_frame(
            session,
            sql,
            ["org", "month", "status", "recorded_month", "n", "on_time", "sat_sum", "sat_n"],
            off=offset_ms(),
        )

    return cached(session, "callbacks", (), ["callback_tasks", "callback_attempts"], compute)


def complaints(session: Session, now_ms: int) -> pd.DataFrame:
    """Complaints (not suggestions) per station, month received, category: closed, closed
    within the closing deadline (plus the time paused), and still open past it at
    ``now_ms``."""
    day = now_ms // DAY_MS

    def compute() -> pd.DataFrame:
        sql = """
            SELECT org_unit_id,
                   strftime('%Y-%m', (received_at + :off) / 1000, 'unixepoch'), category,
                   count(*),
                   sum(closed_at IS NOT NULL),
                   sum(closed_at IS NOT NULL AND (close_deadline IS NULL OR
                       closed_at <= close_deadline + coalesce(paused_ms, 0))),
                   sum(closed_at IS NULL AND close_deadline IS NOT NULL AND
                       close_deadline + coalesce(paused_ms, 0)
                       + CASE WHEN paused_at IS NOT NULL THEN :now - paused_at ELSE 0 END
                       < :now)
            FROM complaints WHERE deleted = 0 AND type = 'complaint'
            GROUP BY 1, 2, 3
        """
        return query_frame(
            session,
            sql,
            ["org", "month", "category", "n", "closed", "on_time", "overdue_open"],
            off=offset_ms(),
            now=now_ms,
        )

    return cached(session, "complaints", (day,), ["complaints", "complaint_steps"], compute)


def staff(session: Session) -> pd.DataFrame:
    """Active users with their unit and how many live customers each maintains."""

    def compute() -> pd.DataFrame:
        sql = """
            SELECT u.id, u.name, u.org_unit_id, coalesce(m.n, 0)
            FROM users u LEFT JOIN (
                SELECT maintainer_id, count(*) AS n FROM customers
                WHERE deleted = 0 AND maintainer_id IS NOT NULL GROUP BY maintainer_id
            ) m ON m.maintainer_id = u.id
            WHERE u.deleted = 0 AND u.active = 1 AND u.role != 'auditor'
        """
        return query_frame(session, sql, ["user", "name", "org", "maintained"])

    return cached(session, "staff", (), ["users", "customers"], compute)


def staff_work(session: Session) -> pd.DataFrame:
    """Per user and month: callbacks recorded as done, complaints closed as owner."""

    def compute() -> pd.DataFrame:
        sql = """
            SELECT recorded_by_id, strftime('%Y-%m', (recorded_at + :off) / 1000, 'unixepoch'),
                   'callbacks', count(*)
            FROM callback_tasks
            WHERE deleted = 0 AND status = 'done' AND recorded_by_id IS NOT NULL
            GROUP BY 1, 2
            UNION ALL
            SELECT owner_id, strftime('%Y-%m', (closed_at + :off) / 1000, 'unixepoch'),
                   'complaints', count(*)
            FROM complaints
            WHERE deleted = 0 AND closed_at IS NOT NULL AND owner_id IS NOT NULL
            GROUP BY 1, 2
        """
        return query_frame(session, sql, ["user", "month", "what", "n"], off=offset_ms())

    return cached(session, "staff_work", (), ["callback_tasks", "complaints"], compute)


def units(session: Session) -> pd.DataFrame:
    """Every org unit with its path (to roll stations up into a scope's children)."""

    def compute() -> pd.DataFrame:
        return query_frame(
            session,
            "SELECT id, code, name, kind, path FROM org_units WHERE deleted = 0",
            ["org", "code", "name", "kind", "path"],
        )

    return cached(session, "units", (), ["org_units"], compute)
