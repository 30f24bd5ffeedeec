"""Applying a push batch: scope, last-writer-wins, append-only history, the workflow.

One batch, one transaction, holding the USN counter:
1. the key was seen before: the stored answer again, nothing applied twice;
2. every row must belong to the device's subtree, as sent and as the head office holds
   it: one row outside refuses the whole batch (403) and nothing changes;
3. each row is decided: new → stored; mutable → the newer ``updated_at`` wins (the
   device id breaks a tie; a device's own newer version always replaces its older one),
   the losing version goes to the conflict log; append-only → its content never
   changes, only the columns a merge re-points; complaints → a status change must be
   reachable by the workflow's steps;
4. the rows that are stored get the next USNs, one each; a row the database refuses
   (a duplicate of a unique value, a reference to a row the head office does not hold)
   is reported and stays waiting on the desktop, the rest of the batch is applied.

The desktop's clock may be wrong: ``client_now`` against the server's clock gives the
offset, and ``updated_at`` values are corrected by it (beyond a minute's tolerance), so
a desktop whose clock runs hours ahead does not win every conflict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_crm.ids import now_ms
from desktop_crm.models import OrgUnit
from desktop_crm.sync.protocol import (
    PushAnswer,
    PushRequest,
    RowAck,
    RowRef,
    RowRefusal,
    TableRows,
)
from desktop_crm.sync.server.auth import DeviceIdentity
from desktop_crm.sync.server.errors import ApiError
from desktop_crm.sync.server.models import Conflict, Device, PushedBatch, UsnCounter
from desktop_crm.sync.server.rows import IncomingTable, parse_push
from desktop_crm.sync.server.scope import Scope, load_scope
from desktop_crm.sync.server.storage import ServerStore
from desktop_crm.sync.server.workflow_check import status_change_allowed
from desktop_crm.sync.tables import UPWARD_HISTORY, SyncedTable, by_name

SKEW_TOLERANCE_MS = 60_000
ACK, SUPERSEDED = "ack", "superseded"


@dataclass
class _Write:
    synced: SyncedTable
    row: dict[str, Any]  # the values to store (usn added when written)
    answer: str  # ACK: the desktop's version is stored; SUPERSEDED: send the stored one back
    usn: int = 0


@dataclass
class _Outcome:
    writes: list[_Write] = field(default_factory=list)
    acks: list[RowAck] = field(default_factory=list)
    superseded: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    refused: list[RowRefusal] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def upsert_statement(session: Session, synced: SyncedTable, columns: list[str]) -> Any:
    """INSERT ... ON CONFLICT (id) DO UPDATE for SQLite and PostgreSQL alike."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(synced.table)
    return statement.on_conflict_do_update(
        index_elements=[synced.table.c.id],
        set_={c: statement.excluded[c] for c in [*columns, "usn"] if c != "id"},
    )


def writer_of(session: Session, usn: int | None) -> str:
    """The device whose batch stored the row version with this USN ('' = the server)."""
    if usn is None or usn <= 0:
        return ""
    batch = session.execute(
        select(PushedBatch.device_id, PushedBatch.last_usn)
        .where(PushedBatch.first_usn <= usn)
        .order_by(PushedBatch.first_usn.desc())
        .limit(1)
    ).first()
    if batch is None or batch.last_usn is None or batch.last_usn < usn:
        return ""
    return str(batch.device_id)


class _PushRun:
    def __init__(
        self,
        session: Session,
        counter: UsnCounter,
        device: DeviceIdentity,
        scope: Scope,
        adjust: int,
        now: int,
    ) -> None:
        self.session = session
        self.counter = counter
        self.device = device
        self.scope = scope
        self.adjust = adjust
        self.now = now
        self.usn = counter.usn
        self.out = _Outcome()
        self.new_paths: dict[str, str] = {}  # org units of this batch: id -> path as stored
        self.moved: list[tuple[str, str, str]] = []  # (unit id, old path, new path)

    # --- reading --------------------------------------------------------------------------

    def _existing(self, synced: SyncedTable, ids: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        table = synced.table
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.session.execute(select(table).where(table.c.id.in_(chunk))):
                found[row.id] = dict(row._mapping)
        return found

    def _unit_path(self, unit_id: str | None) -> str | None:
        if unit_id is None:
            return None
        if unit_id in self.new_paths:
            return self.new_paths[unit_id]
        return self.session.scalar(select(OrgUnit.path).where(OrgUnit.id == unit_id))

    def _owned_in_scope(self, unit_id: Any) -> bool:
        if unit_id in self.scope.subtree:
            return True
        path = self.new_paths.get(unit_id) if isinstance(unit_id, str) else None
        return path is not None and self.scope.contains_path(path)

    # --- deciding -------------------------------------------------------------------------

    def plan(self, incoming: list[IncomingTable]) -> None:
        outside: list[RowRef] = []
        for block in incoming:
            synced = block.synced
            existing = self._existing(synced, [r["id"] for r in block.rows])
            for row in block.rows:
                row["updated_at"] = min(row["updated_at"] - self.adjust, self.now)
                old = existing.get(row["id"])
                if synced.name == "org_units":
                    ok = self._plan_unit(synced, row, old)
                else:
                    owner = synced.owner_column
                    assert owner is not None
                    upward = synced.name in UPWARD_HISTORY

                    def allowed(unit: Any, upward: bool = upward) -> bool:
                        return self._owned_in_scope(unit) or (
                            upward and unit in self.scope.ancestors
                        )

                    ok = allowed(row[owner]) and (old is None or allowed(old[owner]))
                    if ok:
                        self._decide(synced, row, old)
                if not ok:
                    outside.append(RowRef(table=synced.name, id=row["id"]))
        if outside:
            raise ApiError(
                403,
                "out_of_scope",
                f"{len(outside)} row(s) belong to org units outside this desktop's scope; "
                "nothing was applied.",
                outside,
            )

    def _plan_unit(
        self, synced: SyncedTable, row: dict[str, Any], old: dict[str, Any] | None
    ) -> bool:
        """An org unit: its path follows from its parent's; both ends inside the subtree."""
        if old is not None and not self.scope.contains_path(old["path"]):
            return False
        parent_id = row.get("parent_id", old["parent_id"] if old else None)
        if parent_id is None:
            path = f"/{row['id']}/"
        else:
            parent_path = self._unit_path(parent_id)
            if parent_path is None:
                self.out.refused.append(
                    RowRefusal(
                        table=synced.name,
                        id=row["id"],
                        reason="its parent unit is unknown at the head office",
                    )
                )
                return True
            path = f"{parent_path}{row['id']}/"
        if not self.scope.contains_path(path):
            return False
        sent_path = row.get("path")
        row["path"] = path
        self.new_paths[row["id"]] = path
        if old is not None and old["path"] != path:
            self.moved.append((row["id"], old["path"], path))
        self._decide(synced, row, old, force_superseded=sent_path != path)
        return True

    def _same(self, row: dict[str, Any], old: dict[str, Any]) -> bool:
        return all(old.get(k) == v for k, v in row.items() if k != "updated_at")

    def _decide(
        self,
        synced: SyncedTable,
        row: dict[str, Any],
        old: dict[str, Any] | None,
        force_superseded: bool = False,
    ) -> None:
        answer = SUPERSEDED if force_superseded else ACK
        if old is None:
            self.out.writes.append(_Write(synced, row, answer))
            return
        if self._same(row, old):
            if force_superseded:
                self._lose(synced, row, old, None)
            else:
                self.out.acks.append(
                    RowAck(
                        table=synced.name,
                        id=row["id"],
                        usn=old["usn"],
                        updated_at=old["updated_at"],
                    )
                )
            return
        if synced.append_only:
            self._decide_history(synced, row, old)
            return
        winner = writer_of(self.session, old["usn"])
        newer = row["updated_at"] > old["updated_at"] or (
            row["updated_at"] == old["updated_at"] and self.device.id > winner
        )
        if not (newer or winner == self.device.id):
            self._lose(synced, row, old, "older", winner)
            return
        if synced.name == "complaints" and "status" in row:
            kind = row.get("type", old.get("type"))
            if not status_change_allowed(kind, old["status"], row["status"]):
                self._lose(synced, row, old, "workflow", winner)
                return
        self.out.writes.append(_Write(synced, row, answer))

    def _decide_history(
        self, synced: SyncedTable, row: dict[str, Any], old: dict[str, Any]
    ) -> None:
        """Append-only: the content stays as first stored; a merge may re-point a row."""
        merged = dict(old)
        merged.pop("usn", None)
        newer = row["updated_at"] >= old["updated_at"]
        if newer:
            for name in synced.movable:
                if name in row:
                    merged[name] = row[name]
        content_differs = any(
            old.get(k) != v for k, v in row.items() if k not in synced.movable and k != "updated_at"
        )
        if merged != {k: v for k, v in old.items() if k != "usn"}:
            merged["updated_at"] = row["updated_at"]
            self.out.writes.append(_Write(synced, merged, SUPERSEDED if content_differs else ACK))
        else:
            self.out.superseded.setdefault(synced.name, []).append(old)
        if content_differs:
            self._log(synced, row, old, "append_only", writer_of(self.session, old["usn"]))

    def _lose(
        self,
        synced: SyncedTable,
        row: dict[str, Any],
        old: dict[str, Any],
        reason: str | None,
        winner: str = "",
    ) -> None:
        self.out.superseded.setdefault(synced.name, []).append(old)
        if reason:
            self._log(synced, row, old, reason, winner)

    def _log(
        self,
        synced: SyncedTable,
        row: dict[str, Any],
        old: dict[str, Any],
        reason: str,
        winner: str,
    ) -> None:
        self.out.conflicts.append(
            Conflict(
                at=self.now,
                table_name=synced.name,
                row_id=row["id"],
                reason=reason,
                loser_device_id=self.device.id,
                loser_updated_at=row["updated_at"],
                winner_device_id=winner or None,
                winner_updated_at=old["updated_at"],
                loser_row=json.dumps(row, ensure_ascii=False, sort_keys=True),
            )
        )

    # --- writing --------------------------------------------------------------------------

    def _next_usn(self) -> int:
        self.usn += 1
        return self.usn

    def write(self) -> None:
        for item in self.out.writes:
            item.usn = self._next_usn()
        try:
            with self.session.begin_nested():
                for synced, group in self._groups(self.out.writes):
                    columns = list(group[0].row)
                    self.session.execute(
                        upsert_statement(self.session, synced, columns),
                        [{**w.row, "usn": w.usn} for w in group],
                    )
            stored = self.out.writes
        except IntegrityError:
            stored = self._write_one_by_one()
        self._follow_moves()
        for item in stored:
            if item.answer == ACK:
                self.out.acks.append(
                    RowAck(
                        table=item.synced.name,
                        id=item.row["id"],
                        usn=item.usn,
                        updated_at=item.row["updated_at"],
                    )
                )
            else:  # sent back as stored, every column
                fresh = self._existing(item.synced, [item.row["id"]])[item.row["id"]]
                self.out.superseded.setdefault(item.synced.name, []).append(fresh)
        for conflict in self.out.conflicts:
            self.session.add(conflict)

    @staticmethod
    def _groups(writes: list[_Write]) -> list[tuple[SyncedTable, list[_Write]]]:
        """Consecutive writes of one table with the same columns: one executemany each."""
        groups: list[tuple[SyncedTable, list[_Write]]] = []
        for item in writes:
            if (
                groups
                and groups[-1][0] is item.synced
                and list(groups[-1][1][0].row) == list(item.row)
            ):
                groups[-1][1].append(item)
            else:
                groups.append((item.synced, [item]))
        return groups

    def _write_one_by_one(self) -> list[_Write]:
        stored = []
        for item in self.out.writes:
            try:
                with self.session.begin_nested():
                    self.session.execute(
                        upsert_statement(self.session, item.synced, list(item.row)),
                        [{**item.row, "usn": item.usn}],
                    )
                stored.append(item)
            except IntegrityError as exc:
                reason = str(exc.orig).strip().splitlines()[0][:300]
                self.out.refused.append(
                    RowRefusal(table=item.synced.name, id=item.row["id"], reason=reason)
                )
        return stored

    def _follow_moves(self) -> None:
        """A unit moved: the paths of everything below it follow, with new USNs."""
        units = OrgUnit.__table__
        for unit_id, old_path, new_path in self.moved:
            below = self.session.execute(
                select(units.c.id, units.c.path).where(
                    units.c.path.startswith(old_path), units.c.id != unit_id
                )
            ).all()
            for row in below:
                self.session.execute(
                    units.update()
                    .where(units.c.id == row.id)
                    .values(
                        path=new_path + row.path[len(old_path) :],
                        usn=self._next_usn(),
                        updated_at=self.now,
                    )
                )

    def answer(self, key: str, first_usn: int) -> PushAnswer:
        tables = by_name()
        superseded = [
            TableRows(
                table=name,
                columns=tables[name].columns,
                rows=[[row.get(c) for c in tables[name].columns] for row in rows],
            )
            for name, rows in self.out.superseded.items()
        ]
        took = self.usn > first_usn - 1
        return PushAnswer(
            key=key,
            accepted=self.out.acks,
            superseded=superseded,
            refused=self.out.refused,
            first_usn=first_usn if took else None,
            last_usn=self.usn if took else None,
            server_usn=self.usn,
        )


def push(
    store: ServerStore, device: DeviceIdentity, request: PushRequest, now: int | None = None
) -> PushAnswer:
    """Apply one push batch (see the module docstring) and answer it."""
    now = now or now_ms()
    incoming = parse_push(request)  # 413/422 before any lock is taken
    offset = request.client_now - now
    adjust = offset if abs(offset) > SKEW_TOLERANCE_MS else 0
    with store.writer() as (session, counter):
        done = session.get(PushedBatch, (device.id, request.key))
        if done is not None:
            return PushAnswer.model_validate_json(done.answer)
        run = _PushRun(
            session, counter, device, load_scope(session, device.org_unit_id), adjust, now
        )
        first_usn = counter.usn + 1
        run.plan(incoming)
        run.write()
        answer = run.answer(request.key, first_usn)
        session.add(
            PushedBatch(
                device_id=device.id,
                key=request.key,
                created_at=now,
                first_usn=answer.first_usn,
                last_usn=answer.last_usn,
                answer=answer.model_dump_json(),
            )
        )
        counter.usn = run.usn
        session.execute(
            Device.__table__.update().where(Device.id == device.id).values(last_seen_at=now)
        )
    return answer
