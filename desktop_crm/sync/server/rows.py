"""Pushed rows checked column by column against the tables they are meant for.

A row that does not fit its table (an unknown column, text where a number belongs,
text longer than the column, a missing value a column needs) refuses the whole
request with a 422 naming the table, the row and the column: PostgreSQL would refuse
it anyway, and SQLite would store it without a word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Boolean, Float, Integer, String, Text

from desktop_crm.sync.protocol import MAX_PUSH_ROWS, PushRequest, RowRef
from desktop_crm.sync.server.errors import ApiError, bad_request
from desktop_crm.sync.tables import SyncedTable, by_name, table_order

UUID_TEXT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
REQUIRED = ("id", "updated_at", "deleted")
IGNORED = frozenset({"usn"})  # the server hands out USNs; a pushed value means nothing

Check = Callable[[Any], str | None]  # None when fine, else what is wrong


def _checker(column: Any) -> Check:
    kind = column.type
    nullable = bool(column.nullable) and not column.primary_key

    def wrap(check: Check) -> Check:
        def checked(value: Any) -> str | None:
            if value is None:
                return None if nullable else "may not be empty"
            return check(value)

        return checked

    if isinstance(kind, Boolean):
        return wrap(lambda v: None if isinstance(v, bool) else "must be true or false")
    if isinstance(kind, Integer | BigInteger):
        low, high = INT64 if isinstance(kind, BigInteger) else INT32
        return wrap(
            lambda v: (
                None
                if isinstance(v, int) and not isinstance(v, bool) and low <= v <= high
                else "must be a whole number in range"
            )
        )
    if isinstance(kind, Float):
        return wrap(
            lambda v: (
                None
                if isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                else "must be a number"
            )
        )
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None)

        def text(v: Any) -> str | None:
            if not isinstance(v, str):
                return "must be text"
            if length is not None and len(v) > length:
                return f"is longer than {length} characters"
            if "\x00" in v:
                return "holds a NUL character"
            return None

        return wrap(text)
    return wrap(lambda v: None)


@dataclass
class IncomingTable:
    synced: SyncedTable
    columns: list[str]  # as stored (usn left out)
    rows: list[dict[str, Any]]


def parse_push(request: PushRequest) -> list[IncomingTable]:
    """The request's rows as dicts, table by table in FK order; 413/422 if they do not fit."""
    total = sum(len(t.rows) for t in request.tables)
    if total > MAX_PUSH_ROWS:
        raise ApiError(
            413,
            "too_large",
            f"A push batch holds at most {MAX_PUSH_ROWS} rows; this one holds {total}. "
            "Send smaller batches.",
        )
    tables = by_name()
    seen: set[tuple[str, str]] = set()
    parsed: dict[str, IncomingTable] = {}
    for block in request.tables:
        synced = tables.get(block.table)
        if synced is None:
            raise bad_request(f"There is no synced table {block.table!r}.")
        known = set(synced.columns)
        if len(set(block.columns)) != len(block.columns):
            raise bad_request(f"{block.table}: a column is named twice.")
        unknown = [c for c in block.columns if c not in known]
        if unknown:
            raise bad_request(f"{block.table}: unknown column(s) {', '.join(unknown)}.")
        needed = [*REQUIRED, *([synced.owner_column] if synced.owner_column else [])]
        needed += [
            c.name
            for c in synced.table.columns
            if not c.nullable and c.default is None and c.server_default is None
        ]
        missing = sorted({c for c in needed if c not in block.columns})
        if missing:
            raise bad_request(f"{block.table}: the column(s) {', '.join(missing)} are missing.")
        checks = [(name, _checker(synced.column(name))) for name in block.columns]
        stored = [c for c in synced.columns if c in block.columns and c not in IGNORED]
        target = parsed.setdefault(synced.name, IncomingTable(synced, stored, []))
        if target.columns != stored:
            raise bad_request(f"{block.table}: two blocks with different columns.")
        for number, values in enumerate(block.rows, start=1):
            if len(values) != len(block.columns):
                raise bad_request(
                    f"{block.table}, row {number}: {len(values)} values for "
                    f"{len(block.columns)} columns."
                )
            row = dict(zip(block.columns, values, strict=True))
            row_id = row.get("id")
            if not isinstance(row_id, str) or not UUID_TEXT.match(row_id):
                raise bad_request(f"{block.table}, row {number}: the id is not a UUID.")
            for name, check in checks:
                if name in IGNORED:
                    continue
                problem = check(row[name])
                if problem:
                    raise bad_request(
                        f"{block.table}, row {row_id}: {name} {problem}.",
                        [RowRef(table=block.table, id=row_id)],
                    )
            if (synced.name, row_id) in seen:
                raise bad_request(f"{block.table}: the row {row_id} is in the batch twice.")
            seen.add((synced.name, row_id))
            for name in IGNORED:
                row.pop(name, None)
            target.rows.append(row)
    order = table_order()
    return sorted(parsed.values(), key=lambda t: order[t.synced.name])
