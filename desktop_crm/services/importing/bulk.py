"""Set-at-a-time SQL for the importers: key lookups through a temporary table and
prepared ``executemany`` inserts and updates on the session's own connection, so that
everything stays in the caller's transaction and no row goes through the ORM."""

from __future__ import annotations

import gc
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy.orm import Session

BATCH = 20_000
SWITCH_INTERVAL_S = 0.000_2  # while a SqlThread runs (see sql_thread)


def raw_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session's transaction (pending ORM rows flushed)."""
    session.flush()
    return session.connection().connection.driver_connection  # type: ignore[return-value]


def lookup(
    conn: sqlite3.Connection,
    sql: str,
    keys: Iterable[Any],
    params: Sequence[Any] | Mapping[str, Any] = (),
) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` for a set of keys; ``sql`` reads them as ``(SELECT k FROM temp.keys)``.

    One statement per lookup whatever the number of keys: with an index on the column
    SQLite probes it per key, without one it scans the table once.
    """
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS keys (k PRIMARY KEY) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.keys")
    try:
        conn.executemany("INSERT OR IGNORE INTO temp.keys VALUES (?)", ((k,) for k in keys))
        return conn.execute(sql, params).fetchall()
    finally:
        conn.execute("DELETE FROM temp.keys")


def insert(
    conn: sqlite3.Connection, table: str, cols: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """INSERT of ``cols``; usn (-1, not yet pushed) and deleted (0) are written as literals."""
    names = ", ".join(cols)
    marks = ", ".join("?" * len(cols))
    conn.executemany(f"INSERT INTO {table} ({names}, usn, deleted) VALUES ({marks}, -1, 0)", rows)


@dataclass(frozen=True)
class JsonRows:
    """Rows for ``insert_json``: the columns that differ from row to row as one JSON array
    of arrays, the others once each."""

    varying: tuple[int, ...]  # positions of the columns in ``payload``'s rows
    constants: dict[int, Any]  # position -> the value every row has
    payload: str


def json_rows(rows: Sequence[Any], keys: Sequence[Any]) -> JsonRows:
    """The rows (sequences, or dicts) of the columns ``keys`` names (positions, or dict
    keys), in that order. Made in the calling thread by C code (itemgetter, list.count,
    zip, orjson): a Python loop over the rows would cost more than the statement."""
    columns = [list(map(itemgetter(k), rows)) for k in keys]
    varying = tuple(i for i, column in enumerate(columns)
                    if column and column.count(column[0]) != len(column))  # fmt: skip
    constants = {i: (column[0] if column else None) for i, column in enumerate(columns)
                 if i not in varying}  # fmt: skip
    # With no column that differs (one row, say) each row is an empty array.
    picked = list(zip(*(columns[i] for i in varying), strict=True)) if varying else [()] * len(rows)
    return JsonRows(varying, constants, to_json(picked))


def to_json(rows: Sequence[Sequence[Any]]) -> str:
    """Rows as a compact JSON array of arrays, for SQLite's ``json_each`` (text: SQLite
    would read bytes as its binary JSON)."""
    return orjson.dumps(rows).decode()


def insert_json(conn: sqlite3.Connection, table: str, cols: Sequence[str], rows: JsonRows) -> None:
    """The INSERT of ``insert`` for rows made by ``json_rows``.

    One statement for the whole batch: SQLite reads the rows itself, without Python's
    global lock, which ``executemany`` must take back for every row. In a second thread
    (``SqlThread``) that keeps the rows going in while this thread works on."""
    if rows.payload == "[]":
        return
    names = ", ".join(cols)
    picks, params = [], []
    for i in range(len(cols)):
        if i in rows.constants:
            picks.append("?")
            params.append(rows.constants[i])
        else:
            picks.append(f"json_extract(value, '$[{rows.varying.index(i)}]')")
    conn.execute(
        f"INSERT INTO {table} ({names}, usn, deleted) SELECT {', '.join(picks)}, -1, 0 "
        "FROM json_each(?)",
        (*params, rows.payload),
    )


def update(
    conn: sqlite3.Connection, table: str, cols: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """UPDATE ``cols`` by id (each row: the values of ``cols``, then the id); marks the
    rows as changed here (usn -1) for the next sync."""
    sets = ", ".join(f"{c} = ?" for c in cols)
    conn.executemany(f"UPDATE {table} SET {sets}, usn = -1 WHERE id = ?", rows)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while many tuples are made (they hold no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def larger_cache(conn: sqlite3.Connection, kib: int = 131_072) -> Iterator[None]:
    """A bigger page cache (and a helper thread for sorts) while a bulk write runs."""
    (cache,) = conn.execute("PRAGMA cache_size").fetchone()
    (threads,) = conn.execute("PRAGMA threads").fetchone()
    conn.execute(f"PRAGMA cache_size=-{kib}")
    conn.execute("PRAGMA threads=2")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size={cache}")
        conn.execute(f"PRAGMA threads={threads}")


def table_is_smaller_than(conn: sqlite3.Connection, table: str, rows: int) -> bool:
    """Whether ``table`` holds fewer than ``rows`` rows (reads at most that many)."""
    (found,) = conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT ?)", (rows,)
    ).fetchone()
    return found < rows


@contextmanager
def indexes_rebuilt(
    conn: sqlite3.Connection, tables: Sequence[str], enabled: bool
) -> Iterator[None]:
    """Drop the secondary (non-unique) indexes of ``tables`` and build them again after the
    block: one sorted build instead of many random B-tree inserts. Worth it only when the
    block at least doubles the tables; transactional, so a rollback brings the indexes
    back as they were."""
    if not enabled:
        yield
        return
    marks = ", ".join("?" * len(tables))
    saved = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) AND sql NOT LIKE 'CREATE UNIQUE%'",
        tuple(tables),
    ).fetchall()
    for name, _sql in saved:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in saved:
        conn.execute(sql)


class SqlThread:
    """Runs statements on the connection in a second thread, in the order given, while
    the calling thread prepares the next rows: SQLite works without Python's global
    lock, so the two overlap. The caller must not use the connection until ``wait``."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-sql")
        self._pending: list[Future[Any]] = []

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        self._pending.append(self._pool.submit(fn, *args))

    def wait(self) -> None:
        """Wait for every statement; re-raises the first error."""
        try:
            for future in self._pending:
                future.result()
        finally:
            self._pending.clear()

    def close(self) -> None:
        for future in self._pending:
            future.cancel()
        self._pool.shutdown(wait=True)


@contextmanager
def sql_thread() -> Iterator[SqlThread]:
    """A SqlThread that is drained (and its error raised) when the block ends.

    Meanwhile Python hands its global lock from thread to thread every 0.2 ms instead of
    every 5: after each statement the SQL thread needs the lock for a moment, and would
    otherwise wait for the busy calling thread's turn to end (measured: 0.4 s of its 3 s
    on 100,000 rows, down to 0.1 s). The GUI thread, if any, answers sooner too."""
    worker = SqlThread()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        yield worker
        worker.wait()
    finally:
        worker.close()
        sys.setswitchinterval(interval)
