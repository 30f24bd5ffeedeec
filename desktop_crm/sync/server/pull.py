"""Answering a pull: the rows in a device's scope with since < usn <= upto, in pages.

The first page fixes ``upto`` (the counter then): every row up to it is committed,
because USNs are handed out under the counter's lock in commit order. Pages walk the
tables parents first and, inside a table, one org unit after the other in USN order,
so each query is one range of the (org_unit_id, usn) index whatever the size of the
store. The cursor says where the next page starts; the desktop applies each page in
one transaction and moves its mark to ``upto`` after the last one. A row changed while
the pages are read gets a USN above ``upto`` and comes with the next pull.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.sync.protocol import PullAnswer, PullCursor, PullRequest, TableRows
from desktop_crm.sync.server.errors import ApiError, bad_request
from desktop_crm.sync.server.scope import Scope
from desktop_crm.sync.server.storage import ServerStore
from desktop_crm.sync.tables import ScopeKind, SyncedTable, synced_tables


def _steps(scope: Scope) -> list[tuple[SyncedTable, str]]:
    """(table, org unit) in the order pages walk them; '' for a table read whole."""
    steps: list[tuple[SyncedTable, str]] = []
    for synced in synced_tables():
        if synced.scope is ScopeKind.ALL:
            steps.append((synced, ""))
        else:
            steps.extend((synced, unit) for unit in scope.units(synced.scope))
    return steps


def _read(
    session: Session, synced: SyncedTable, unit: str, after: int, upto: int, limit: int
) -> list[list[Any]]:
    table = synced.table
    query = select(*table.columns).where(table.c.usn > after, table.c.usn <= upto)
    if unit:
        query = query.where(table.c.org_unit_id == unit)
    query = query.order_by(table.c.usn).limit(limit)
    return [list(row) for row in session.execute(query)]


def pull(store: ServerStore, session: Session, scope: Scope, request: PullRequest) -> PullAnswer:
    current = store.current_usn(session)
    upto = current if request.upto is None else request.upto
    if request.since > current or upto > current:
        raise ApiError(
            409,
            "server_behind",
            f"This desktop has applied changes up to {request.since}, but the head office "
            f"only knows {current}: its database was restored from an older backup. "
            "Ask the administrator; the desktop must be enrolled again.",
        )
    if request.since > upto:
        raise bad_request("since is past upto.")
    steps = _steps(scope)
    start = 0
    after = request.since
    if request.cursor is not None:
        position = _find(steps, request.cursor)
        if position is None:
            raise bad_request("The pull cursor does not fit this desktop's scope.")
        start = position
        if position < len(steps) and (steps[position][0].name, steps[position][1]) == (
            request.cursor.table,
            request.cursor.unit,
        ):
            after = max(request.cursor.after, request.since)
    room = request.limit
    blocks: dict[str, TableRows] = {}
    cursor: PullCursor | None = None
    for index in range(start, len(steps)):
        synced, unit = steps[index]
        rows = _read(session, synced, unit, after, upto, room)
        if rows:
            block = blocks.setdefault(
                synced.name, TableRows(table=synced.name, columns=synced.columns, rows=[])
            )
            block.rows.extend(rows)
            room -= len(rows)
        if room == 0:
            usn_at = synced.columns.index("usn")
            cursor = PullCursor(table=synced.name, unit=unit, after=rows[-1][usn_at])
            break
        after = request.since
    return PullAnswer(
        since=request.since,
        upto=upto,
        tables=list(blocks.values()),
        cursor=cursor,
        more=cursor is not None,
    )


def _find(steps: list[tuple[SyncedTable, str]], cursor: PullCursor) -> int | None:
    """Where a cursor points; a unit that left the scope meanwhile skips to the next one."""
    names = [s.name for s in synced_tables()]
    if cursor.table not in names:
        return None
    for index, (synced, unit) in enumerate(steps):
        if synced.name == cursor.table and unit == cursor.unit:
            return index
    rank = names.index(cursor.table)
    for index, (synced, unit) in enumerate(steps):
        if names.index(synced.name) > rank or (synced.name == cursor.table and unit > cursor.unit):
            return index
    return len(steps)
