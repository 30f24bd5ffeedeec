"""Importing customers (客户档案) from a CSV or Excel list.

Matching: a row is the customer already in the store (or met earlier in the same file)
that holds one of its fuel cards, else one of its plates, else its phone number with
the same name (or no name on either side: a phone is shared in families and fleets),
else its ID number. Cards, plates and ID numbers are unique: one that belongs to
another customer than the one matched is a row error (merge the customers first), so
an import never duplicates a customer, vehicle or card. A card, plate or ID number
whose customer has another name than the row's is a row error too (a typo, or a car
sold on: renaming the customer silently would be worse). A customer of a station
outside the importing user's subtree is never changed (row error).

Update policy ("the file is the newer word, but never erases"): a missing name is
filled in; a non-empty cell overwrites the stored value (employer, address, level, birthday, e-mail, member
number, needs; the customer type only when the file has a type column); an empty cell
changes nothing. A new phone becomes the first phone and the previous one moves to the
second phone if that is free. Tags are added to the stored ones, notes appended unless
already there, plates and cards added, a plate's vehicle model updated. Not changed by
an import: a stored ID number (a different one is a row error), the customer's station
and its maintainer / developer (only filled when empty): moving customers between
stations and reassigning them are deliberate acts with their own history. A level
change is recorded in the level history. The profile stage never goes down. Re-importing
a file changes nothing: its rows count as skipped.

Speed: rows are parsed into plain objects; existing cards, plates, phones and ID numbers
are looked up with one statement each; rows are then matched a batch at a time, and each
batch's customers, vehicles, cards and search documents are written, one statement per
table, by a second thread on the session's connection, inside the caller's
transaction, while the next batch is matched (customer_writer.py), indexes kept up to
date as it goes. Into an empty store, each batch is matched as soon as it is
read.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.ids import new_id, now_ms
from desktop_crm.models import CustomerKind, OrgUnit, ProfileStage, User
from desktop_crm.services import audit
from desktop_crm.services.importing import bulk, values
from desktop_crm.services.importing.columns import ImportKind
from desktop_crm.services.importing.customer_rows import Incoming, row_parser
from desktop_crm.services.importing.customer_writer import (
    CUSTOMER_COLS,
    CustomerWriter,
    OwnedVehicle,
    Target,
    blank_customer,
)
from desktop_crm.services.importing.plan import Plan, make_plan
from desktop_crm.services.importing.reading import read_table
from desktop_crm.services.importing.result import ImportResult, Progress, RowError, cells_of
from desktop_crm.services.importing.scope import Scope
from desktop_crm.services.importing.values import RowProblem
from desktop_crm.services.search_index import name_pinyin
from desktop_crm.services.search_index import reindex_customers as reindex

IMPORT_ACTION = "import"
PROGRESS_EVERY = 2_000
WRITE_BATCH = 10_000  # rows matched before their customers are handed to the SQL thread

STAGE_RANK = {ProfileStage.PLATE_ONLY: 0, ProfileStage.PRELIMINARY: 1, ProfileStage.COMPLETE: 2}

# Progress labels (English source, context "import"; the edges translate them).
READING = QT_TRANSLATE_NOOP("import", "Reading the file")
CHECKING = QT_TRANSLATE_NOOP("import", "Checking rows")
MATCHING = QT_TRANSLATE_NOOP("import", "Finding existing customers")
SAVING = QT_TRANSLATE_NOOP("import", "Saving customers")
INDEXING = QT_TRANSLATE_NOOP("import", "Updating the search index")


def profile_stage(rec: Mapping[str, Any]) -> str:
    """Plate only → plate_only; a name (and employer) → preliminary; a phone or ID → complete."""
    if rec.get("phone") or rec.get("phone2") or rec.get("id_number"):
        return ProfileStage.COMPLETE
    if rec.get("name"):
        return ProfileStage.PRELIMINARY
    return ProfileStage.PLATE_ONLY


class CustomerImport:
    """One run of the customer import (see the module's docstring for the rules)."""

    def __init__(
        self, session: Session, scope: Scope, plan: Plan, file: str, progress: Progress
    ) -> None:
        self.session, self.scope, self.plan, self.progress = session, scope, plan, progress
        self.now = now_ms()
        self.result = ImportResult(ImportKind.CUSTOMERS, file, plan.header_row, plan.header.headers,
                                   dict(plan.header.mapping))  # fmt: skip
        self.reason = f"导入 {file}"
        self.cards: dict[str, Target] = {}
        self.plates: dict[str, OwnedVehicle] = {}
        self.phones: dict[str, list[Target]] = {}
        self.idents: dict[str, Target] = {}
        self.targets: list[Target] = []
        self.changed_ids: list[str] = []  # customers that were in the store (see finish)
        self.out: CustomerWriter  # set when the rows are applied
        self.edits = 0  # vehicles and cards added or changed so far
        self.blank = blank_customer(self.now)  # a new customer's row, copied for each

    # -- parsing --------------------------------------------------------------------------
    def parse_rows(self) -> list[tuple[Incoming, list[Any]]]:
        return [parsed for batch in self.parse_batches(WRITE_BATCH) for parsed in batch]

    def parse_batches(self, size: int) -> Iterator[list[tuple[Incoming, list[Any]]]]:
        """The valid rows, ``size`` lines of the file at a time (the invalid ones are
        recorded as errors on the way)."""
        plan, parsed = self.plan, []
        total = len(plan.rows) - plan.header.index - 1
        parse = row_parser(self.plan, self.scope, self.session)
        for n, (row, cells) in enumerate(plan.data_rows()):
            if n % PROGRESS_EVERY == 0:
                self.progress(n, total, CHECKING)
            if n and n % size == 0:
                yield parsed
                parsed = []
            self.result.rows += 1
            try:
                parsed.append((parse(row, cells), cells))
            except RowProblem as problem:
                self.error(row, problem, cells)
        yield parsed

    def error(self, row: int, problem: RowProblem, cells: list[Any]) -> None:
        self.result.errors.append(RowError(row, problem.text, problem.params, cells_of(cells)))

    # -- existing customers -------------------------------------------------------------------
    def load_existing(self, rows: list[tuple[Incoming, list[Any]]]) -> None:
        """Cards, plates, phones and ID numbers of the file that the store already knows
        (``_run`` skips this for an empty store)."""
        conn = bulk.raw_connection(self.session)
        incoming = [inc for inc, _cells in rows]
        card_owner = dict(
            bulk.lookup(
                conn,
                (
                    "SELECT f.card_no, f.customer_id FROM fuel_cards AS f JOIN customers AS c "
                    "ON c.id = f.customer_id WHERE f.deleted = 0 AND c.deleted = 0 "
                    "AND f.card_no IN (SELECT k FROM temp.keys)"
                ),
                (c for i in incoming for c in i.cards),
            )
        )
        plate_rows = list(
            bulk.lookup(
                conn,
                (
                    "SELECT v.plate_normalized, v.customer_id, v.id, v.model FROM vehicles AS v "
                    "JOIN customers AS c ON c.id = v.customer_id WHERE v.deleted = 0 AND c.deleted = 0 "
                    "AND v.plate_normalized IN (SELECT k FROM temp.keys)"
                ),
                (p for i in incoming for p in i.plates),
            )
        )
        phone_rows = list(
            bulk.lookup(
                conn,
                (
                    "SELECT phone, id FROM customers WHERE deleted = 0 "
                    "AND phone IN (SELECT k FROM temp.keys)"
                ),
                (i.phone for i in incoming if i.phone),
            )
        )
        ident_owner = dict(bulk.lookup(conn, (
            "SELECT id_number, id FROM customers WHERE deleted = 0 "
            "AND id_number IN (SELECT k FROM temp.keys)"),
            (i.ident[1] for i in incoming if i.ident)))  # fmt: skip
        ids = set(card_owner.values()) | {r[1] for r in plate_rows} | {r[1] for r in phone_rows}
        ids |= set(ident_owner.values())
        if not ids:
            return
        names = ", ".join(CUSTOMER_COLS)
        by_id = {}
        for row in bulk.lookup(
            conn, f"SELECT {names} FROM customers WHERE id IN (SELECT k FROM temp.keys)", ids
        ):
            target = Target(dict(zip(CUSTOMER_COLS, row, strict=True)), new=False)
            target.level_before = target.rec.get("level")
            by_id[target.rec.get("id")] = target
        self.cards = {card: by_id[cid] for card, cid in card_owner.items() if cid in by_id}
        self.plates = {p: OwnedVehicle(by_id[cid], vid, model)
                       for p, cid, vid, model in plate_rows if cid in by_id}  # fmt: skip
        for phone, cid in phone_rows:
            if cid in by_id:
                self.phones.setdefault(phone, []).append(by_id[cid])
        self.idents = {n: by_id[cid] for n, cid in ident_owner.items() if cid in by_id}

    # -- matching and merging -------------------------------------------------------------------
    def match(self, inc: Incoming) -> Target | None:
        """The customer the row is about, or None for a new one; RowProblem on a conflict."""
        if (
            self.plates.keys().isdisjoint(inc.plates)
            and (not inc.cards or self.cards.keys().isdisjoint(inc.cards))
            and (inc.phone is None or inc.phone not in self.phones)
            and (inc.ident is None or inc.ident[1] not in self.idents)
        ):
            return None  # nothing of the row is known: a new customer (most rows of a first import)
        strong: list[tuple[str, str, Target]] = []
        strong += [("card", c, self.cards[c]) for c in inc.cards if c in self.cards]
        strong += [("plate", p, self.plates[p].owner) for p in inc.plates if p in self.plates]
        by_ident = self.idents.get(inc.ident[1]) if inc.ident else None
        target = strong[0][2] if strong else None
        if target is None and inc.phone:
            name = inc.values.get("name")
            for candidate in self.phones.get(inc.phone, ()):
                other = candidate.rec.get("name")
                if (not name or not other or other == name) and (
                    candidate.new or self.scope.contains(candidate.rec.get("org_unit_id"))
                ):
                    target = candidate
                    break
        if target is None:
            target = by_ident
        if by_ident is not None:
            strong.append(("ident", inc.ident[1], by_ident))  # type: ignore[index]
        for key_kind, key, owner in strong:
            if owner is not target:
                raise self.conflict(key_kind, key, owner)
        if target is None:
            return None
        if not target.new and not self.scope.contains(target.rec.get("org_unit_id")):
            raise RowProblem(
                QT_TRANSLATE_NOOP(
                    "import",
                    "This customer is in the file of {station}, outside your organisation; "
                    "it was not changed.",
                ),
                station=self.scope.unit_label(target.rec.get("org_unit_id")),
            )
        name, known = inc.values.get("name"), target.rec.get("name")
        if strong and name and known and name != known:
            # A plate, card or ID number of a customer with another name: a typo, or a
            # vehicle that changed hands. Renaming the customer silently would be worse.
            raise RowProblem(
                QT_TRANSLATE_NOOP(
                    "import",
                    "{key} belongs to the customer {customer}, but the row names {name}. "
                    "Correct the file or the customer's file.",
                ),
                key=strong[0][1],
                customer=known,
                name=name,
            )
        if (
            inc.ident
            and target.rec.get("id_number")
            and target.rec.get("id_number") != inc.ident[1]
        ):
            raise RowProblem(
                QT_TRANSLATE_NOOP(
                    "import",
                    "The customer this row matches ({customer}) already has another ID number. "
                    "Correct the file or the customer's file.",
                ),
                customer=target.rec.get("name") or target.rec.get("phone") or "?",
            )
        return target

    def conflict(self, key_kind: str, key: str, owner: Target) -> RowProblem:
        who = owner.rec.get("name") or owner.rec.get("phone") or "?"
        if not owner.new and not self.scope.contains(owner.rec.get("org_unit_id")):
            who = self.scope.unit_label(owner.rec.get("org_unit_id"))
        texts = {
            "card": QT_TRANSLATE_NOOP(
                "import",
                "The fuel card {key} belongs to another customer ({customer}). Correct the "
                "file, or merge the two customers first.",
            ),
            "plate": QT_TRANSLATE_NOOP(
                "import",
                "The plate {key} belongs to another customer ({customer}). Correct the file, "
                "or merge the two customers first.",
            ),
            "ident": QT_TRANSLATE_NOOP(
                "import",
                "The ID number {key} belongs to another customer ({customer}). Correct the "
                "file, or merge the two customers first.",
            ),
        }
        return RowProblem(texts[key_kind], key=key, customer=who)

    def new_target(self, inc: Incoming) -> Target:
        rec = self.blank.copy()
        rec["id"], rec["org_unit_id"] = new_id(), inc.org_unit_id
        rec["kind"] = inc.kind or (
            CustomerKind.ORGANISATION
            if (inc.ident and inc.ident[0] == "uscc")
            or values.looks_like_organisation(inc.values.get("name"))
            else CustomerKind.PERSON
        )
        target = Target(rec, new=True, touched=True)
        self.targets.append(target)
        self.out.changed(target)
        return target

    def merge(self, target: Target, inc: Incoming) -> bool:
        """Apply the row to a customer met before; True if anything changed."""
        before, edits = dict(target.rec), self.edits
        self.fill(target, inc)
        changed = target.rec != before or self.edits != edits
        if changed:
            if not target.touched:
                target.touched = True
                self.targets.append(target)
            self.out.changed(target)
        return changed

    def fill(self, target: Target, inc: Incoming) -> None:
        """Apply the row to the customer by the update policy (module docstring)."""
        rec = target.rec
        old_name = rec.get("name")
        rec.update(inc.values)
        if inc.kind and not target.new:
            rec["kind"] = inc.kind
        if inc.ident and not rec.get("id_number"):
            rec["id_type"], rec["id_number"] = inc.ident
            self.idents[inc.ident[1]] = target
        if inc.phone and inc.phone != rec.get("phone"):
            old = rec.get("phone")
            rec["phone"] = inc.phone
            if old and rec.get("phone2") in (None, inc.phone):
                rec["phone2"] = old  # the previous number is kept as the second phone
            elif rec.get("phone2") == inc.phone:
                rec["phone2"] = None
        if inc.phone2 and inc.phone2 not in (rec.get("phone"), rec.get("phone2")):
            rec["phone2"] = inc.phone2
        for phone in (rec.get("phone"), rec.get("phone2")):
            if phone:
                owners = self.phones.setdefault(phone, [])
                if target not in owners:
                    owners.append(target)
        if inc.tags:
            tags = [t for t in (rec.get("tags") or "").split(",") if t]
            rec["tags"] = ",".join(dict.fromkeys([*tags, *inc.tags]))[:200]
        if inc.notes and inc.notes not in (rec.get("notes") or ""):
            rec["notes"] = f"{rec.get('notes')}\n{inc.notes}" if rec.get("notes") else inc.notes
        if inc.maintainer_id and not rec.get("maintainer_id"):
            rec["maintainer_id"] = inc.maintainer_id
            rec["developer_id"] = rec.get("developer_id") or inc.maintainer_id
        if rec.get("name") and (rec.get("name") != old_name or not rec.get("pinyin")):
            rec["pinyin"], rec["pinyin_initials"] = name_pinyin(rec["name"])
        stage = profile_stage(rec)
        if STAGE_RANK.get(stage, 0) > STAGE_RANK.get(rec.get("profile_stage"), 0):
            rec["profile_stage"] = stage
        for plate in inc.plates:
            self.add_plate(target, plate, inc.model)
        for card in inc.cards:
            if card not in self.cards:
                self.cards[card] = target
                target.cards.append(card)
                self.out.new_cards.append(
                    (new_id(), self.now, rec.get("org_unit_id"), rec.get("id"), card, "active")
                )
                self.edits += 1

    def add_plate(self, target: Target, plate: str, model: str | None) -> None:
        owned = self.plates.get(plate)
        if owned is None:
            vid = new_id()
            row = [vid, self.now, target.rec.get("org_unit_id"), target.rec.get("id"), plate, plate, model,
                   int(len(plate) == 8)]  # fmt: skip
            self.out.new_vehicles.append(row)
            self.plates[plate] = OwnedVehicle(target, vid, model, row, self.out.batch)
            target.plates.append(plate)
            self.edits += 1
        elif model and owned.model != model:
            owned.model = model
            if owned.row is not None and self.out.unwritten(owned):
                owned.row[6] = model
            else:
                self.out.model_updates[owned.vehicle_id] = model
            self.edits += 1

    def apply(self, rows: list[tuple[Incoming, list[Any]]], out: CustomerWriter) -> None:
        """Match and merge every row; ``out`` writes each batch while the next is matched."""
        self.out = out
        total = len(rows)
        for start in range(0, total, WRITE_BATCH):
            self.progress(start, total, MATCHING)
            self.apply_batch(rows[start : start + WRITE_BATCH])
        self.finish()

    def apply_batch(self, rows: list[tuple[Incoming, list[Any]]]) -> None:
        """Match and merge these rows, then hand their customers to the writer."""
        for inc, cells in rows:
            try:
                target = self.match(inc)
            except RowProblem as problem:
                self.error(inc.row, problem, cells)
                continue
            if target is None:
                self.fill(self.new_target(inc), inc)
                self.result.imported += 1
            elif self.merge(target, inc):
                self.result.updated += 1
            else:
                self.result.skipped += 1
        self.out.flush()

    def finish(self) -> None:
        """The customers that were in the store before, written once at the end; then
        what the matching kept is freed, while the SQL thread writes the last batch."""
        changed = [t for t in self.targets if not t.new]
        self.out.finish(changed, self.scope.user.id, self.reason)
        self.result.customer_ids = [t.rec["id"] for t in self.targets]
        self.changed_ids = [t.rec["id"] for t in changed]
        del changed
        self.targets, self.cards, self.plates, self.phones, self.idents = [], {}, {}, {}, {}
        self.out.release()
        self.plan.rows.clear()  # the file's cells (the errors keep copies of theirs)

    def reindex_changed(self) -> None:
        """Existing customers the import changed: through the index service."""
        changed = self.changed_ids
        if changed:
            self.progress(0, 1, INDEXING)
            self.session.expire_all()  # the ORM must read what was written past it
            reindex(self.session, changed)
        self.progress(1, 1, INDEXING)


def _run(run: CustomerImport) -> ImportResult:
    conn = bulk.raw_connection(run.session)
    empty = conn.execute("SELECT 1 FROM customers LIMIT 1").fetchone() is None
    # The indexes stay: the SQL thread keeps them up to date while this one reads and
    # matches (measured: faster than dropping them and building them again at the end,
    # which nothing else can overlap).
    with bulk.larger_cache(conn), bulk.sql_thread() as sql:
        if empty:
            # Nothing to look up in the store: each batch is matched as soon as it is
            # read, and written while the next one is read (the users a maintainer cell
            # may name are read first: the writer has the connection from now on).
            run.scope.load_users(run.session)
            run.out = CustomerWriter(conn, sql, run.now)
            for batch in run.parse_batches(WRITE_BATCH):
                run.apply_batch(batch)
            run.finish()
        else:
            rows = run.parse_rows()
            run.progress(0, 1, MATCHING)
            run.load_existing(rows)  # before the writer starts on the connection
            run.apply(rows, CustomerWriter(conn, sql, run.now))
            del rows
        run.progress(0, 1, SAVING)
    run.reindex_changed()
    return run.result


def import_customers(
    session: Session,
    path: Path | str,
    user: User,
    *,
    mapping: Mapping[str | int, str] | None = None,
    station: OrgUnit | str | None = None,
    header_row: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the customers listed in ``path`` inside the caller's transaction.

    ``mapping``: source column (name, or 0-based position) → field, for columns that do
    not map by themselves. ``header_row``: the header's row number (as Excel counts)
    when the user confirmed it; by default it is found. ``station``: the station (unit, id or code) of rows without a
    station cell; by default the user's own unit when it is a station. ``progress`` is
    called with (done, total, label); an exception raised from it stops the import (the
    caller rolls back). Raises UserError for a file that cannot be imported at all.
    """
    started = time.perf_counter()
    report: Progress = progress or (lambda done, total, label: None)
    report(0, 1, READING)
    path = Path(path)
    plan = make_plan(ImportKind.CUSTOMERS, read_table(path), mapping, header_row)
    scope = Scope.load(session, user, station)
    if "station" not in plan.header.mapping.values() and scope.default_station is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The file has no station column: choose the station the customers belong to.",
            )
        )
    with bulk.gc_paused():
        result = _run(CustomerImport(session, scope, plan, path.name, report))
        # The rows and what was made of them are freed now, before the collector is back:
        # otherwise its first pass would walk every one of them.
        del plan
    result.errors.sort(key=lambda e: e.row)
    audit.record(session, user, IMPORT_ACTION, "customer", None,
                 {"file": path.name, **result.counts()})  # fmt: skip
    result.seconds = time.perf_counter() - started
    return result
