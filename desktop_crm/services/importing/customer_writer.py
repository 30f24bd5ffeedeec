"""Writing what a customer import decided, a batch at a time, while the next batch of
rows is still being matched.

The statements run in a second thread (``bulk.SqlThread``) on the session's connection,
inside the caller's transaction: SQLite works without Python's global lock, so writing
one batch overlaps with matching the next. New customers are written at the end of
their batch with their search documents; a new customer that a later row of the file
changes again is rewritten (row and document). Customers that were in the store
before are written once, at the end, and reindexed through the index service.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from desktop_crm.ids import new_id
from desktop_crm.models import CustomerStatus, ProfileStage
from desktop_crm.services.importing import bulk
from desktop_crm.services.search_index import (
    DELETE_FTS,
    INSERT_FTS,
    add_documents_json,
    clean_document,
    next_key,
)

CUSTOMER_COLS = (
    "id", "updated_at", "org_unit_id", "kind", "name", "pinyin", "pinyin_initials", "id_type",
    "id_number", "phone", "phone2", "email", "employer", "address", "maintainer_id",
    "developer_id", "level", "regular", "profile_stage", "status", "tags", "consent",
    "do_not_disturb", "blacklisted", "member_no", "birthday", "needs", "notes", "created_at",
)  # fmt: skip
UPDATED_COLS = (
    "updated_at", "kind", "name", "pinyin", "pinyin_initials", "id_type", "id_number", "phone",
    "phone2", "email", "employer", "address", "maintainer_id", "developer_id", "level",
    "profile_stage", "tags", "member_no", "birthday", "needs", "notes",
)  # fmt: skip
VEHICLE_COLS = ("id", "updated_at", "org_unit_id", "customer_id", "plate", "plate_normalized",
                "model", "new_energy")  # fmt: skip
CARD_COLS = ("id", "updated_at", "org_unit_id", "customer_id", "card_no", "status")
LEVEL_COLS = ("id", "updated_at", "org_unit_id", "customer_id", "old_level", "new_level",
              "changed_by_id", "changed_at", "reason")  # fmt: skip


def blank_customer(now: int) -> dict[str, Any]:
    """The row of a customer an import creates, before the file's values: every column
    (the writer inserts them all), plate only, active, no consent yet."""
    rec: dict[str, Any] = dict.fromkeys(CUSTOMER_COLS)
    rec.update(
        updated_at=now, created_at=now, tags="", regular=0, consent=0, do_not_disturb=0,
        blacklisted=0, status=CustomerStatus.ACTIVE, profile_stage=ProfileStage.PLATE_ONLY,
    )  # fmt: skip
    return rec


@dataclass(slots=True)
class Target:
    """A customer the import creates or changes: its row in the customers table."""

    rec: dict[str, Any]
    new: bool
    touched: bool = False  # listed in the import's targets
    dirty: bool = False  # a new customer changed since its batch was written
    level_before: str | None = None
    plates: list[str] = field(default_factory=list)  # added by this import
    cards: list[str] = field(default_factory=list)
    doc_key: int | None = None  # a new customer's search document, once written
    doc: str | None = None


@dataclass(slots=True)
class OwnedVehicle:
    owner: Target
    vehicle_id: str
    model: str | None
    row: list[Any] | None = None  # the insert row of a vehicle this import adds
    batch: int = -1  # the writer's batch that inserts it (-1: in the store before)


def _rewrite_documents(conn: sqlite3.Connection, old: list[tuple[int, str]],
                       new: list[tuple[int, str]]) -> None:  # fmt: skip
    conn.executemany(DELETE_FTS, old)
    conn.executemany("UPDATE customer_search SET terms = ? WHERE key = ?",
                     [(doc, key) for key, doc in new])  # fmt: skip
    conn.executemany(INSERT_FTS, new)


class CustomerWriter:
    """Hands each batch's rows to the SQL thread; see the module's docstring."""

    def __init__(self, conn: sqlite3.Connection, sql: bulk.SqlThread, now: int) -> None:
        self.conn, self.sql, self.now = conn, sql, now
        self.pending: list[Target] = []  # new customers to write or rewrite
        self.new_vehicles: list[list[Any]] = []
        self.new_cards: list[tuple[Any, ...]] = []
        self.model_updates: dict[str, str] = {}
        self.vehicles_written = 0
        self.cards_written = 0
        self.batch = 0  # the batch being collected: flush writes it
        self.next_key = next_key(conn)  # read before the SQL thread starts writing

    def changed(self, target: Target) -> None:
        """A new customer was created or changed: (re)write it with the next batch."""
        if target.new and not target.dirty:
            target.dirty = True
            self.pending.append(target)

    def unwritten(self, vehicle: OwnedVehicle) -> bool:
        """Whether the vehicle's insert row is still waiting for the next flush (a change
        of its model goes into that row, else into an update)."""
        return vehicle.batch == self.batch

    def flush(self) -> None:
        """Write the batch: new customers, their documents, vehicles and cards so far."""
        conn, submit = self.conn, self.sql.submit
        first = [t for t in self.pending if t.doc_key is None]
        again = [t for t in self.pending if t.doc_key is not None]
        for t in self.pending:
            t.dirty = False
        self.pending = []
        if first:
            # A new customer's record holds every column.
            rows = bulk.json_rows([t.rec for t in first], CUSTOMER_COLS)
            submit(bulk.insert_json, conn, "customers", CUSTOMER_COLS, rows)
        if again:
            submit(bulk.update, conn, "customers", UPDATED_COLS,
                   [[*(t.rec.get(c) for c in UPDATED_COLS), t.rec["id"]] for t in again])  # fmt: skip
        vehicles = self.new_vehicles[self.vehicles_written :]
        self.vehicles_written = len(self.new_vehicles)
        self.batch += 1
        if vehicles:
            rows = bulk.json_rows(vehicles, range(len(VEHICLE_COLS)))
            submit(bulk.insert_json, conn, "vehicles", VEHICLE_COLS, rows)
        cards = self.new_cards[self.cards_written :]
        if cards:
            rows = bulk.json_rows(cards, range(len(CARD_COLS)))
            submit(bulk.insert_json, conn, "fuel_cards", CARD_COLS, rows)
        self.cards_written = len(self.new_cards)
        if again:
            old = [(t.doc_key, t.doc) for t in again]
            for t in again:
                t.doc = self.document(t)
            submit(_rewrite_documents, conn, old, [(t.doc_key, t.doc) for t in again])
        if first:
            key, self.next_key = self.next_key, self.next_key + len(first)
            docs = []
            for offset, t in enumerate(first):
                t.doc_key, t.doc = key + offset, self.document(t)
                docs.append((t.doc_key, t.rec["id"], t.doc))
            submit(add_documents_json, conn, bulk.to_json(docs), key)

    @staticmethod
    def document(t: Target) -> str:
        rec = t.rec
        return clean_document(rec.get("name"), (rec.get("phone"), rec.get("phone2")), t.plates,
                              t.cards, rec.get("org_unit_id"))  # fmt: skip

    def release(self) -> None:
        """Forget the rows handed over (once the last batch is submitted)."""
        self.pending, self.new_vehicles, self.new_cards = [], [], []
        self.model_updates = {}

    def finish(self, changed: list[Target], user_id: str, reason: str) -> None:
        """Customers that were in the store before, model changes and level history."""
        conn, submit = self.conn, self.sql.submit
        levels = []
        for t in changed:
            t.rec["updated_at"] = self.now
            if t.rec.get("level") != t.level_before:
                levels.append((new_id(), self.now, t.rec.get("org_unit_id"), t.rec.get("id"),
                               t.level_before, t.rec.get("level"), user_id, self.now, reason))  # fmt: skip
        submit(bulk.update, conn, "customers", UPDATED_COLS,
               [[*(t.rec.get(c) for c in UPDATED_COLS), t.rec["id"]] for t in changed])  # fmt: skip
        submit(bulk.update, conn, "vehicles", ("model", "updated_at"),
               [(m, self.now, vid) for vid, m in self.model_updates.items()])  # fmt: skip
        submit(bulk.insert, conn, "level_changes", LEVEL_COLS, levels)
