"""The desktop's side of sync: enrol once, then pull and push in batches.

A sync is: send again a push batch left unanswered by the last run (the server
answers it once more from its idempotency record), pull what is new in this
desktop's scope, push what changed here, and pull once more if others wrote in
between. Each pull page is applied in one transaction together with the cursor, and
the mark (the last USN applied) moves only when the last page is in; each push batch
is written down before it is sent. So a sync that stops anywhere (network gone,
server killed, program closed) resumes where it stopped: nothing lost, nothing twice.

Rows pulled keep their USN (they are clean here); a row changed here and not yet
pushed is not overwritten by a pull: the push that follows lets the head office
decide (last writer wins) and the answer brings the winner back.
"""

from __future__ import annotations

import platform
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel
from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from desktop_crm.ids import new_id, now_ms
from desktop_crm.models import OrgUnit
from desktop_crm.models.db import (
    APPLYING_PULL,
    Database,
    transaction_without_foreign_keys,
)
from desktop_crm.sync import credentials, errors, state
from desktop_crm.sync.errors import SyncError, SyncRefused
from desktop_crm.sync.protocol import (
    DEFAULT_PULL_ROWS,
    DEFAULT_PUSH_ROWS,
    MAX_PULL_ROWS,
    CodeCheck,
    CodeCheckAnswer,
    EnrollAnswer,
    EnrollRequest,
    OrgUnitInfo,
    PullAnswer,
    PullCursor,
    PullRequest,
    PushAnswer,
    PushRequest,
    RowRefusal,
    TableRows,
)
from desktop_crm.sync.tables import (
    SEARCH_SOURCES,
    UPWARD_HISTORY,
    SyncedTable,
    by_name,
    ensure_dirty_indexes,
    synced_tables,
)
from desktop_crm.sync.transport import HttpTransport, normalise_server_url

Answer = TypeVar("Answer", bound=BaseModel)
FIRST_PULL_ROWS = MAX_PULL_ROWS  # rows per page of a first pull
BULK_CACHE_KIB = -262_144  # SQLite page cache during a first pull: 256 MiB
TEMP_STORE_MEMORY = 2  # PRAGMA temp_store: temporary tables in memory during a first pull
Progress = Callable[[str, int], None]  # (stage, rows so far)


class Transport(Protocol):
    def post(self, path: str, body: BaseModel, answer: type[Answer]) -> Answer: ...

    def close(self) -> None: ...


@dataclass
class SyncReport:
    pulled: int = 0  # rows applied from the head office
    pushed: int = 0  # rows the head office accepted as sent
    superseded: int = 0  # rows replaced here by the head office's newer version
    refused: list[RowRefusal] = field(default_factory=list)  # stay waiting here
    kept_local: int = 0  # rows outside this desktop's scope: never sent
    mark: int = 0  # the last USN applied here
    server_usn: int = 0


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    device_id: str
    unit: OrgUnitInfo
    token_place: credentials.TokenPlace
    joined: bool = False  # a stand-alone desktop joined: its units and users took new ids
    renamed: dict[str, str] = field(default_factory=dict)  # logins changed on joining


# --- enrolment -------------------------------------------------------------------------------


def enroll(
    db: Database,
    server_url: str,
    code: str,
    device_name: str | None = None,
    transport: Transport | None = None,
) -> Enrolment:
    """Trade a one-time code for a token; the desktop then syncs the unit's subtree.

    A stand-alone desktop (one with an org tree of its own, made by the first-run
    dialog) joins with its data: see desktop_crm.sync.joining. It must hold the unit
    the code is for, which is checked before the code is spent. A desktop enrolled
    before may enrol again (a revoked token, a new server address): for another unit
    it starts its pull afresh.
    """
    from desktop_crm.sync import joining

    server_url = normalise_server_url(server_url)
    with db.sessions() as session:
        previous = state.all_facts(session)
        stand_alone = joining.is_stand_alone(session)
    own = transport is None
    transport = transport or HttpTransport(server_url)
    name = device_name or _device_name()
    try:
        taken: list[str] = []
        if stand_alone:
            check = CodeCheck(code=code.strip(), logins=joining.local_logins(db))
            checked = transport.post("/enroll/check", check, CodeCheckAnswer)
            joining.check_joinable(db, checked)
            taken = checked.logins_taken
        answer = transport.post(
            "/enroll", EnrollRequest(code=code.strip(), device_name=name), EnrollAnswer
        )
    finally:
        if own:
            transport.close()
    place = credentials.save_token(answer.device_id, answer.token)
    renamed: dict[str, str] = {}
    try:
        same_unit = previous.get(state.UNIT_ID) == answer.org_unit.id
        if stand_alone:
            tree = joining.fetch_tree(server_url, answer.token)
            with joining.joining_transaction(db) as session:
                renamed = joining.adopt_head_office_ids(session, answer.org_unit, tree, taken)
                _record_enrolment(session, server_url, answer, name, place, same_unit)
        else:
            with db.writer() as session:
                _record_enrolment(session, server_url, answer, name, place, same_unit)
                session.commit()
    except BaseException:
        credentials.delete_token(answer.device_id, place.kind)
        raise
    old_device = previous.get(state.DEVICE_ID)
    if old_device and old_device != answer.device_id:
        credentials.delete_token(old_device, previous.get(state.TOKEN_STORE))
    return Enrolment(server_url, answer.device_id, answer.org_unit, place, stand_alone, renamed)


def _record_enrolment(
    session: Session,
    server_url: str,
    answer: EnrollAnswer,
    device_name: str,
    place: credentials.TokenPlace,
    same_unit: bool,
) -> None:
    state.put(session, state.SERVER_URL, server_url)
    state.put(session, state.DEVICE_ID, answer.device_id)
    state.put(session, state.DEVICE_NAME, device_name)
    state.put(session, state.UNIT_ID, answer.org_unit.id)
    state.put(session, state.UNIT_CODE, answer.org_unit.code)
    state.put(session, state.UNIT_PATH, answer.org_unit.path)
    state.put(session, state.TOKEN_STORE, place.kind)
    state.put(session, state.PENDING, None)  # keys belong to the old device
    if not same_unit:
        state.put(session, state.LAST_USN, 0)
        state.put(session, state.PULL, None)
    state.put(session, state.LAST_ERROR, None)
    ensure_dirty_indexes(session.connection())


def _device_name() -> str:
    return (platform.node() or "desktop")[:100]


# --- applying rows ---------------------------------------------------------------------------


def _booleans(synced: SyncedTable) -> set[str]:
    return {c.name for c in synced.table.columns if c.type.python_type is bool}


def _upsert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    return f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET {sets}"


def _ids_where(conn: Connection, table: str, ids: list[str], condition: str) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            r[0]
            for r in conn.exec_driver_sql(
                f"SELECT id FROM {table} WHERE {condition} AND id IN ({marks})", tuple(chunk)
            )
        )
    return found


def _waiting_here(
    conn: Connection, synced: SyncedTable, ids: list[str], sendable: Callable[[str], bool]
) -> set[str]:
    """Of these rows, those changed here that the next push will send (so a pull keeps
    them): a change outside this desktop's scope is never sent, and the head office's
    version replaces it."""
    owner = synced.owner_column or "path"
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row_id, unit in conn.exec_driver_sql(
            f"SELECT id, {owner} FROM {synced.name} WHERE usn = -1 AND id IN ({marks})",
            tuple(chunk),
        ):
            if sendable(unit):
                found.add(row_id)
    return found


def apply_rows(
    conn: Connection,
    block: TableRows,
    sendable: Callable[[str], bool] = lambda _unit: True,
) -> tuple[int, set[str]]:
    """Store the head office's rows of one table, except those changed here and waiting
    to be pushed (``sendable(org unit id, or path for org units)`` says which will be).

    Returns the count applied and the customers whose search terms may have changed.
    """
    synced = by_name().get(block.table)
    if synced is None:  # a table of a newer head office that this desktop does not know
        return 0, set()
    known = set(synced.columns)
    columns = [c for c in block.columns if c in known]
    where = [block.columns.index(c) for c in columns]
    id_at = block.columns.index("id")
    ids = [row[id_at] for row in block.rows]
    dirty = conn.exec_driver_sql(f"SELECT 1 FROM {synced.name} WHERE usn = -1 LIMIT 1").first()
    waiting = _waiting_here(conn, synced, ids, sendable) if dirty else set()
    if columns == block.columns:  # the usual case: every column known, in order
        rows = [tuple(row) for row in block.rows if row[id_at] not in waiting]
    else:
        rows = [tuple(row[k] for k in where) for row in block.rows if row[id_at] not in waiting]
    if rows:
        try:
            conn.exec_driver_sql(_upsert_sql(synced.name, columns), rows)
        except IntegrityError as exc:
            reason = str(exc.orig).strip().splitlines()[0]
            raise SyncError(
                errors.COLLISION, "collision", reason=f"{synced.name}: {reason}"
            ) from exc
    customers: set[str] = set()
    source = SEARCH_SOURCES.get(synced.name)
    if source and rows:
        at = columns.index(source)
        customers = {row[at] for row in rows if row[at]}
    return len(rows), customers


# --- the client ------------------------------------------------------------------------------


class SyncClient:
    """Sync one local store with the head office it is enrolled with."""

    def __init__(
        self,
        db: Database,
        transport: Transport | None = None,
        *,
        push_rows: int = DEFAULT_PUSH_ROWS,
        pull_rows: int = DEFAULT_PULL_ROWS,
        progress: Progress | None = None,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        self.db = db
        self.clock = clock  # this desktop's clock (UTC ms), sent so the server can correct it
        self._units: set[str] | None = None  # this desktop's subtree, read when a pull starts
        with db.sessions() as session:
            facts = state.all_facts(session)
        if not facts.get(state.DEVICE_ID) or not facts.get(state.SERVER_URL):
            raise SyncError(errors.NOT_ENROLLED, "not_enrolled")
        self.server_url = str(facts[state.SERVER_URL])
        self.device_id = str(facts[state.DEVICE_ID])
        self.unit_path = str(facts.get(state.UNIT_PATH) or "")
        self._own_transport = transport is None
        if transport is None:
            token = credentials.load_token(self.device_id, facts.get(state.TOKEN_STORE))
            if not token:
                raise SyncError(
                    errors.NO_TOKEN,
                    "no_token",
                    store=credentials.describe(facts.get(state.TOKEN_STORE)),
                )
            transport = HttpTransport(self.server_url, token)
        self.transport = transport
        self.push_rows = push_rows
        self.pull_rows = pull_rows
        # A first pull takes the largest pages, unless a page size was asked for.
        self.first_pull_rows = FIRST_PULL_ROWS if pull_rows == DEFAULT_PULL_ROWS else pull_rows
        self.progress = progress or (lambda stage, done: None)

    def close(self) -> None:
        if self._own_transport:
            self.transport.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- one transaction that applies the head office's rows --------------------------------

    @contextmanager
    def _applying(self, bulk: bool = False) -> Iterator[tuple[Connection, Session]]:
        """BEGIN IMMEDIATE with foreign keys off: this desktop holds only part of the data,
        so a pulled row may refer to one outside its scope (or one the next page brings).

        ``bulk`` (the first pull): a larger page cache and temporary tables in memory while
        the pages go in and the search index is built, back to the defaults after."""
        pragmas = {"cache_size": BULK_CACHE_KIB, "temp_store": TEMP_STORE_MEMORY} if bulk else {}
        with transaction_without_foreign_keys(self.db, pragmas) as (conn, session):
            session.info[APPLYING_PULL] = True
            yield conn, session

    def _reindex(self, conn: Connection, session: Session, customers: set[str]) -> None:
        if not customers:
            return
        from desktop_crm.services.search_index import reindex_customers

        reindex_customers(session, customers)

    # --- sync ---------------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        """Pull, push, pull again if needed; the outcome is recorded for the status bar."""
        report = SyncReport()
        started = now_ms()
        try:
            with self.db.writer() as session:
                ensure_dirty_indexes(session.connection())
                state.put(session, state.LAST_ATTEMPT, started)
                session.commit()
            self._resend_pending(report)
            self.pull(report)
            self.push(report)
            if report.pushed and report.mark < report.server_usn:
                self.pull(report)
        except SyncError as error:
            self._record_failure(error)
            raise
        except OperationalError as exc:  # the local store stayed locked by other work
            error = SyncError(errors.LOCAL_BUSY, "local_busy")
            self._record_failure(error)
            raise error from exc
        with self.db.writer() as session:
            state.put(session, state.LAST_SUCCESS, now_ms())
            state.put(session, state.LAST_ERROR, None)
            session.commit()
        return report

    def _record_failure(self, error: SyncError) -> None:
        from desktop_crm.i18n import translate_message

        with self.db.writer() as session:
            state.put(session, state.LAST_ERROR, translate_message(error.context, error.text,
                                                                   error.params))  # fmt: skip
            session.commit()

    # --- pull ---------------------------------------------------------------------------------

    def pull(self, report: SyncReport | None = None) -> SyncReport:
        """Apply every page of what is new in scope; resumes an interrupted pull.

        The next page is fetched while this one is applied (the head office works on it
        meanwhile); a first pull asks for the largest pages the head office gives.
        """
        report = report or SyncReport()
        self._units = self._scope_units()
        with self.db.sessions() as session:
            mark = int(state.get(session, state.LAST_USN) or 0)
            going = state.get_json(session, state.PULL)
        since = going["since"] if going else mark
        request = PullRequest(
            since=since,
            upto=going["upto"] if going else None,
            cursor=PullCursor(**going["cursor"]) if going and going.get("cursor") else None,
            limit=self.first_pull_rows if since == 0 else self.pull_rows,
        )
        with ThreadPoolExecutor(1, thread_name_prefix="crm-pull") as fetcher:
            coming = fetcher.submit(self.transport.post, "/pull", request, PullAnswer)
            while True:
                answer = coming.result()
                following = None
                if answer.cursor is not None:
                    following = request.model_copy(
                        update={"upto": answer.upto, "cursor": answer.cursor}
                    )
                    coming = fetcher.submit(self.transport.post, "/pull", following, PullAnswer)
                try:
                    self._apply_page(request, answer, report)
                except BaseException:
                    coming.cancel()
                    raise
                report.server_usn = max(report.server_usn, answer.upto)
                if following is None:
                    report.mark = answer.upto
                    return report
                request = following

    def _apply_page(self, request: PullRequest, answer: PullAnswer, report: SyncReport) -> None:
        whole_index = request.since == 0
        with self._applying(bulk=whole_index) as (conn, session):
            customers: set[str] = set()
            for block in answer.tables:
                applied, touched = apply_rows(conn, block, self._sendable(block.table))
                report.pulled += applied
                customers |= touched
            if whole_index:
                if customers:
                    state.put(session, state.INDEX_STALE, 1)
            else:
                self._reindex(conn, session, customers)
            if answer.cursor is None:
                state.put(session, state.LAST_USN, answer.upto)
                state.put(session, state.PULL, None)
                self._follow_own_unit(session)
                if state.get(session, state.INDEX_STALE):
                    from desktop_crm.services.search_index import rebuild_index

                    raw = conn.connection.dbapi_connection
                    rebuild_index(raw)  # type: ignore[arg-type]
                    state.put(session, state.INDEX_STALE, None)
            else:
                state.put_json(
                    session,
                    state.PULL,
                    {"since": request.since, "upto": answer.upto,
                     "cursor": answer.cursor.model_dump()},
                )  # fmt: skip
        self.progress("pull", report.pulled)

    def _follow_own_unit(self, session: Session) -> None:
        """The desktop's unit may have been moved in the tree: its path follows."""
        unit_id = state.get(session, state.UNIT_ID)
        unit = session.get(OrgUnit, unit_id) if unit_id else None
        if unit is not None and unit.path != self.unit_path:
            state.put(session, state.UNIT_PATH, unit.path)
            self.unit_path = unit.path

    # --- push ---------------------------------------------------------------------------------

    def _scope_units(self) -> set[str]:
        with self.db.sessions() as session:
            return set(
                session.scalars(select(OrgUnit.id).where(OrgUnit.path.startswith(self.unit_path)))
            )

    def _sendable(self, table: str) -> Callable[[str], bool]:
        """Whether a row of ``table`` owned by a unit (a path for org units) is pushed."""
        synced = by_name().get(table)
        if synced is None or synced.owner_column is None:
            return lambda path: str(path or "").startswith(self.unit_path)
        units = set(self._units if self._units is not None else self._scope_units())
        if synced.name in UPWARD_HISTORY:
            units |= self._ancestors()
        return lambda unit: unit in units

    def _ancestors(self) -> set[str]:
        return set(self.unit_path.strip("/").split("/")[:-1])

    def _waiting(
        self, synced: SyncedTable, after: int, limit: int
    ) -> list[tuple[int, dict[str, Any]]]:
        columns = [c for c in synced.columns if c != "usn"]
        booleans = _booleans(synced)
        with self.db.sessions() as session:
            result = session.connection().exec_driver_sql(
                f"SELECT rowid, {', '.join(columns)} FROM {synced.name} "
                "WHERE usn = -1 AND rowid > ? ORDER BY rowid LIMIT ?",
                (after, limit),
            )
            rows = []
            for values in result:
                row = dict(zip(columns, values[1:], strict=True))
                for name in booleans:
                    if row[name] is not None:
                        row[name] = bool(row[name])
                rows.append((int(values[0]), row))
        return rows

    def _next_batch(
        self, units: set[str], after: dict[str, int], report: SyncReport
    ) -> list[TableRows]:
        room = self.push_rows
        blocks: list[TableRows] = []
        for synced in synced_tables():
            while room > 0:
                found = self._waiting(synced, after.get(synced.name, 0), room)
                if not found:
                    break
                after[synced.name] = found[-1][0]
                mine = []
                for _rowid, row in found:
                    if synced.owner_column is None:
                        inside = str(row.get("path", "")).startswith(self.unit_path)
                    else:
                        owner = row[synced.owner_column]
                        inside = owner in units or (
                            synced.name in UPWARD_HISTORY and owner in self._ancestors()
                        )
                    if inside:
                        mine.append(row)
                    else:
                        report.kept_local += 1
                if synced.name == "org_units":
                    mine.sort(key=lambda r: str(r["path"]).count("/"))
                if mine:
                    columns = list(mine[0])
                    blocks.append(
                        TableRows(
                            table=synced.name,
                            columns=columns,
                            rows=[[r[c] for c in columns] for r in mine],
                        )
                    )
                    room -= len(mine)
            if room <= 0:
                break
        return blocks

    def push(self, report: SyncReport | None = None) -> SyncReport:
        """Send every row waiting here, batch by batch."""
        report = report or SyncReport()
        units = self._scope_units()
        after: dict[str, int] = {}
        while True:
            blocks = self._next_batch(units, after, report)
            if not blocks:
                return report
            request = PushRequest(key=new_id(), client_now=self.clock(), tables=blocks)
            with self.db.writer() as session:
                state.put(session, state.PENDING, request.model_dump_json())
                session.commit()
            self._send(request, report)

    def _resend_pending(self, report: SyncReport) -> None:
        with self.db.sessions() as session:
            pending = state.get(session, state.PENDING)
        if pending:
            request = PushRequest.model_validate_json(pending)
            # Same key, same rows; the clock is read now, or the server would take the
            # time the batch waited for a clock that is off.
            self._send(request.model_copy(update={"client_now": self.clock()}), report)

    def _send(self, request: PushRequest, report: SyncReport) -> None:
        try:
            answer = self.transport.post("/push", request, PushAnswer)
        except SyncRefused as refusal:
            if refusal.status in (403, 413, 422):  # the same batch would be refused again
                with self.db.writer() as session:
                    state.put(session, state.PENDING, None)
                    session.commit()
            raise
        self._absorb(request, answer, report)
        self.progress("push", report.pushed)

    def _absorb(self, request: PushRequest, answer: PushAnswer, report: SyncReport) -> None:
        """Mark clean what the head office holds as sent (if unchanged here meanwhile), take
        its version where ours lost, and clear the pending batch: one transaction."""
        sent: dict[tuple[str, str], int] = {}
        for block in request.tables:
            id_at, ua_at = block.columns.index("id"), block.columns.index("updated_at")
            for row in block.rows:
                sent[(block.table, row[id_at])] = row[ua_at]
        with self._applying() as (conn, session):
            for ack in answer.accepted:
                original = sent.get((ack.table, ack.id))
                if original is None or ack.table not in by_name():
                    continue
                result = conn.exec_driver_sql(
                    f"UPDATE {ack.table} SET usn = ?, updated_at = ? "
                    "WHERE id = ? AND usn = -1 AND updated_at = ?",
                    (ack.usn, ack.updated_at, ack.id, original),
                )
                report.pushed += 1 if result.rowcount else 0
            customers: set[str] = set()
            for block in answer.superseded:
                id_at = block.columns.index("id")
                unchanged = _ids_where(
                    conn, block.table, [r[id_at] for r in block.rows], "usn >= 0"
                ) | {
                    row_id
                    for (table, row_id), ua in sent.items()
                    if table == block.table and self._unchanged(conn, table, row_id, ua)
                }
                applied, touched = apply_rows_over_dirty(conn, block, unchanged)
                report.superseded += applied
                customers |= touched
            self._reindex(conn, session, customers)
            report.refused.extend(answer.refused)
            with_pull = state.get(session, state.PULL)
            mark = int(state.get(session, state.LAST_USN) or 0)
            took = answer.first_usn is not None and answer.last_usn is not None
            if took and not with_pull and answer.first_usn == mark + 1:
                assert answer.last_usn is not None
                state.put(session, state.LAST_USN, answer.last_usn)
                mark = answer.last_usn
            report.mark = mark
            report.server_usn = max(report.server_usn, answer.server_usn)
            state.put(session, state.PENDING, None)

    @staticmethod
    def _unchanged(conn: Connection, table: str, row_id: str, updated_at: int) -> bool:
        found = conn.exec_driver_sql(
            f"SELECT 1 FROM {table} WHERE id = ? AND usn = -1 AND updated_at = ?",
            (row_id, updated_at),
        ).first()
        return found is not None


def apply_rows_over_dirty(
    conn: Connection, block: TableRows, allowed: set[str]
) -> tuple[int, set[str]]:
    """The head office's version of rows we pushed and lost: applied where ours is unchanged."""
    synced = by_name().get(block.table)
    if synced is None:
        return 0, set()
    id_at = block.columns.index("id")
    rows = [row for row in block.rows if row[id_at] in allowed]
    if not rows:
        return 0, set()
    ids = [row[id_at] for row in rows]
    # Mark them clean first, so that apply_rows does not keep them as local changes.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        conn.exec_driver_sql(
            f"UPDATE {synced.name} SET usn = 0 WHERE usn = -1 AND id IN ({marks})", tuple(chunk)
        )
    return apply_rows(conn, TableRows(table=block.table, columns=block.columns, rows=rows))
