"""Importing refuel visits from the card / POS systems' exports (加油卡, 管控, 电子账).

- The customer is found by card number, else plate, else phone (a phone shared by
  several customers is a row error). A row whose customer is unknown is a row error,
  or, with ``create_missing``, becomes a new plate-only customer when it has a plate:
  the 三步法's first step, done by the card system (off by default, since a typo in a
  plate would then make a customer).
- The visit's station: the station cell, else the chosen station (the user's own when
  it is a station), else the customer's station; it must be inside the user's subtree.
- Times are local (``localtime.local_zone()``, Asia/Shanghai by default) and stored as UTC
  milliseconds; a date without a time of day is taken as midnight.
- No duplicates: a visit with the same customer, time, litres and amount as one already
  stored (or earlier in the file) is skipped, so importing a file twice adds nothing.
- Afterwards each affected customer's last visit and usual interval (the median gap
  between visits, from three visits on) are recomputed from all its visits.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.ids import new_id, now_ms
from desktop_crm.localtime import local_zone
from desktop_crm.models import CustomerKind, OrgUnit, User
from desktop_crm.services import audit
from desktop_crm.services.importing import bulk, values
from desktop_crm.services.importing.columns import ImportKind
from desktop_crm.services.importing.customer_writer import (
    CUSTOMER_COLS,
    VEHICLE_COLS,
    blank_customer,
)
from desktop_crm.services.importing.customers import (
    CHECKING,
    IMPORT_ACTION,
    PROGRESS_EVERY,
    READING,
)
from desktop_crm.services.importing.plan import Plan, make_plan
from desktop_crm.services.importing.reading import read_table
from desktop_crm.services.importing.result import ImportResult, Progress, RowError, cells_of
from desktop_crm.services.importing.scope import Scope
from desktop_crm.services.importing.values import RowProblem
from desktop_crm.services.search_index import add_documents, customer_terms, document

VISIT_COLS = ("id", "updated_at", "org_unit_id", "customer_id", "visited_at", "product",
              "litres", "amount_fen", "paid_by_card")  # fmt: skip
DAY_MS = 86_400_000
SAVING = QT_TRANSLATE_NOOP("import", "Saving visits")
UPDATING = QT_TRANSLATE_NOOP("import", "Updating last visits and intervals")


@dataclass(slots=True)
class VisitIn:
    row: int
    card: str | None
    plate: str | None
    phone: str | None
    at: int  # UTC ms
    product: str
    litres: float
    amount_fen: int
    paid_by_card: bool
    station: str | None


def _not_negative(value: float | int | None, cell: Any) -> None:
    if value is not None and value < 0:
        raise RowProblem(
            QT_TRANSLATE_NOOP(
                "import", "{value} is negative: refunds and corrections are not imported as visits."
            ),
            value=values.text(cell),
        )


class VisitImport:
    def __init__(
        self,
        session: Session,
        scope: Scope,
        plan: Plan,
        file: str,
        progress: Progress,
        create_missing: bool,
    ) -> None:
        self.session, self.scope, self.plan, self.progress = session, scope, plan, progress
        self.create_missing = create_missing
        self.tz = local_zone()
        self.now = now_ms()
        self.result = ImportResult(ImportKind.VISITS, file, plan.header_row, plan.header.headers,
                                   dict(plan.header.mapping))  # fmt: skip

    def error(self, row: int, problem: RowProblem, cells: list[Any]) -> None:
        self.result.errors.append(RowError(row, problem.text, problem.params, cells_of(cells)))

    def parse_rows(self) -> list[tuple[VisitIn, list[Any]]]:
        cols = {f: i for i, f in sorted(self.plan.header.mapping.items(), reverse=True)}
        total = len(self.plan.rows) - self.plan.header.index - 1
        parsed = []
        for n, (row, cells) in enumerate(self.plan.data_rows()):
            if n % PROGRESS_EVERY == 0:
                self.progress(n, total, CHECKING)
            self.result.rows += 1
            try:
                parsed.append((self.parse(row, cells, cols), cells))
            except RowProblem as problem:
                self.error(row, problem, cells)
        return parsed

    def parse(self, row: int, cells: list[Any], cols: dict[str, int]) -> VisitIn:
        def cell(f: str) -> Any:
            i = cols.get(f)
            return cells[i] if i is not None and i < len(cells) else None

        keys: list[str | None] = []
        problems: list[RowProblem] = []
        for f, parse in (("card", values.card), ("plate", values.plate), ("phone", values.phone)):
            try:
                keys.append(parse(cell(f)) if values.text(cell(f)) else None)
            except RowProblem as problem:  # no matter while another key finds the customer
                keys.append(None)
                problems.append(problem)
        card, plate, phone = keys
        if not (card or plate or phone):
            if problems:
                raise problems[0]
            raise RowProblem(
                QT_TRANSLATE_NOOP(
                    "import", "The row has no card number, plate or phone to find the customer by."
                )
            )
        found = values.moment(cell("date"))
        if found is None:
            raise RowProblem(QT_TRANSLATE_NOOP("import", "The row has no date."))
        when, has_time = found
        if not has_time and "time" in cols:
            clock = values.time_of_day(cell("time"))
            if clock is not None:
                when = datetime.combine(when.date(), clock)
        at = int(when.replace(tzinfo=self.tz).timestamp() * 1000)
        if at > self.now + DAY_MS:
            raise RowProblem(
                QT_TRANSLATE_NOOP("import", "The date {value} is in the future."),
                value=when.strftime("%Y-%m-%d %H:%M"),
            )
        litres = values.number(cell("litres"))
        amount = values.money_fen(cell("amount"))
        _not_negative(litres, cell("litres"))
        _not_negative(amount, cell("amount"))
        if not litres and not amount:
            raise RowProblem(QT_TRANSLATE_NOOP("import", "The row has neither litres nor amount."))
        paid = values.paid_by_card(cell("payment")) if "payment" in cols else card is not None
        station = self.scope.station(cell("station")) if "station" in cols else None
        return VisitIn(row, card, plate, phone, at, values.product(cell("product")),
                       round(litres or 0.0, 3), amount or 0, paid, station)  # fmt: skip

    def resolve(self, rows: list[tuple[VisitIn, list[Any]]]) -> list[tuple[VisitIn, str, str]]:
        """(visit, customer id, station id) of each row whose customer is known."""
        conn = bulk.raw_connection(self.session)
        live = "JOIN customers AS c ON c.id = x.customer_id AND c.deleted = 0"
        by_card = dict(
            bulk.lookup(
                conn,
                (
                    f"SELECT x.card_no, x.customer_id FROM fuel_cards AS x {live} "
                    "WHERE x.deleted = 0 AND x.card_no IN (SELECT k FROM temp.keys)"
                ),
                (v.card for v, _ in rows if v.card),
            )
        )
        by_plate = dict(
            bulk.lookup(
                conn,
                (
                    f"SELECT x.plate_normalized, x.customer_id FROM vehicles AS x {live} "
                    "WHERE x.deleted = 0 AND x.plate_normalized IN (SELECT k FROM temp.keys)"
                ),
                (v.plate for v, _ in rows if v.plate),
            )
        )
        by_phone: dict[str, set[str]] = {}
        for phone, cid in bulk.lookup(conn, (
            "SELECT phone, id FROM customers WHERE deleted = 0 AND phone IN (SELECT k FROM temp.keys) "
            "UNION SELECT phone2, id FROM customers WHERE deleted = 0 "
            "AND phone2 IN (SELECT k FROM temp.keys)"),
            (v.phone for v, _ in rows if v.phone)):  # fmt: skip
            by_phone.setdefault(phone, set()).add(cid)
        ids = (
            set(by_card.values())
            | set(by_plate.values())
            | {c for s in by_phone.values() for c in s}
        )
        station_of = dict(
            bulk.lookup(
                conn,
                "SELECT id, org_unit_id FROM customers WHERE id IN (SELECT k FROM temp.keys)",
                ids,
            )
        )
        resolved = []
        for visit, cells in rows:
            try:
                cid = self.customer(visit, by_card, by_plate, by_phone, station_of)
                station = (visit.station or (self.scope.default_station and
                           self.scope.default_station.id) or station_of[cid])  # fmt: skip
                if not self.scope.contains(station):
                    raise RowProblem(
                        QT_TRANSLATE_NOOP(
                            "import",
                            "The visit would belong to {station}, outside your organisation: "
                            "add a station column or choose your station.",
                        ),
                        station=self.scope.unit_label(station),
                    )
            except RowProblem as problem:
                self.error(visit.row, problem, cells)
                continue
            resolved.append((visit, cid, station))
        return resolved

    def customer(
        self,
        visit: VisitIn,
        by_card: dict[str, str],
        by_plate: dict[str, str],
        by_phone: dict[str, set[str]],
        station_of: dict[str, str],
    ) -> str:
        if visit.card and visit.card in by_card:
            return by_card[visit.card]
        if visit.plate and visit.plate in by_plate:
            return by_plate[visit.plate]
        if visit.phone and visit.phone in by_phone:
            owners = by_phone[visit.phone]
            if len(owners) > 1:
                raise RowProblem(
                    QT_TRANSLATE_NOOP(
                        "import",
                        "The phone {phone} belongs to {count} customers: add the card number or "
                        "plate to the row.",
                    ),
                    phone=visit.phone,
                    count=len(owners),
                )
            return next(iter(owners))
        if self.create_missing and visit.plate:
            station = visit.station or (
                self.scope.default_station and self.scope.default_station.id
            )
            if station is None:
                raise RowProblem(
                    QT_TRANSLATE_NOOP("import", "The row names no station the customer belongs to.")
                )
            cid = self.create_plate_only(visit.plate, station)
            by_plate[visit.plate] = cid
            station_of[cid] = station
            return cid
        raise RowProblem(
            QT_TRANSLATE_NOOP(
                "import",
                "No customer has the card, plate or phone {key}: import or create the customer "
                "first.",
            ),
            key=visit.card or visit.plate or visit.phone,
        )

    def create_plate_only(self, plate: str, station: str) -> str:
        """A new customer known only by its plate (三步法, first visit)."""
        conn = bulk.raw_connection(self.session)
        rec = blank_customer(self.now)
        cid = rec["id"] = new_id()
        rec["org_unit_id"], rec["kind"] = station, CustomerKind.PERSON
        bulk.insert(conn, "customers", CUSTOMER_COLS, [[rec[c] for c in CUSTOMER_COLS]])
        bulk.insert(conn, "vehicles", VEHICLE_COLS,
                    [(new_id(), self.now, station, cid, plate, plate, None, int(len(plate) == 8))])  # fmt: skip
        add_documents(conn, [(cid, document(customer_terms(None, (), [plate]), station))])
        self.result.created_customers += 1
        self.result.customer_ids.append(cid)
        return cid

    def write(self, resolved: list[tuple[VisitIn, str, str]]) -> set[str]:
        """Insert the visits that are not stored yet; the customers that got one."""
        self.progress(0, len(resolved), SAVING)
        conn = bulk.raw_connection(self.session)
        seen: set[tuple[str, int, float, int]] = set()
        if resolved:
            lo = min(v.at for v, _, _ in resolved)
            hi = max(v.at for v, _, _ in resolved)
            for cid, at, litres, amount in bulk.lookup(
                conn,
                "SELECT customer_id, visited_at, litres, amount_fen FROM visits WHERE deleted = 0 "
                "AND customer_id IN (SELECT k FROM temp.keys) AND visited_at BETWEEN ? AND ?",
                {cid for _, cid, _ in resolved},
                (lo, hi),
            ):
                seen.add((cid, at, round(litres, 2), amount))
        rows, affected = [], set()
        for visit, cid, station in resolved:
            key = (cid, visit.at, round(visit.litres, 2), visit.amount_fen)
            if key in seen:
                self.result.skipped += 1
                continue
            seen.add(key)
            rows.append((new_id(), self.now, station, cid, visit.at, visit.product, visit.litres,
                         visit.amount_fen, int(visit.paid_by_card)))  # fmt: skip
            affected.add(cid)
        for start in range(0, len(rows), bulk.BATCH):
            self.progress(start, len(rows), SAVING)
            bulk.insert(conn, "visits", VISIT_COLS, rows[start : start + bulk.BATCH])
        self.result.imported = len(rows)
        return affected

    def update_customers(self, affected: set[str]) -> None:
        """Last visit and usual interval (median gap in days, from ``callbacks.absence.min_visits``
        visits, three by default) from all visits."""
        self.progress(0, 1, UPDATING)
        conn = bulk.raw_connection(self.session)
        times: dict[str, list[int]] = {}
        for cid, at in bulk.lookup(
            conn,
            "SELECT customer_id, visited_at FROM visits WHERE deleted = 0 "
            "AND customer_id IN (SELECT k FROM temp.keys) ORDER BY customer_id, visited_at",
            affected,
        ):
            times.setdefault(cid, []).append(at)
        # the same median gap and minimum of visits as the callback rules use
        from desktop_crm.services.callbacks.config import min_visits
        from desktop_crm.services.callbacks.intervals import usual_interval_days

        fewest = min_visits(self.session)
        updates = [
            (ats[-1], usual_interval_days(ats, fewest), self.now, cid) for cid, ats in times.items()
        ]
        bulk.update(
            conn, "customers", ("last_visit_at", "usual_interval_days", "updated_at"), updates
        )
        self.progress(1, 1, UPDATING)


def import_visits(
    session: Session,
    path: Path | str,
    user: User,
    *,
    mapping: Mapping[str | int, str] | None = None,
    station: OrgUnit | str | None = None,
    header_row: int | None = None,
    create_missing: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the refuel visits listed in ``path`` inside the caller's transaction.

    Arguments as for ``import_customers``; ``create_missing`` makes a plate-only customer
    for a row whose plate no customer has (instead of a row error).
    """
    started = time.perf_counter()
    report: Progress = progress or (lambda done, total, label: None)
    report(0, 1, READING)
    path = Path(path)
    plan = make_plan(ImportKind.VISITS, read_table(path), mapping, header_row)
    scope = Scope.load(session, user, station)
    run = VisitImport(session, scope, plan, path.name, report, create_missing)
    with bulk.gc_paused():
        parsed = run.parse_rows()
        resolved = run.resolve(parsed)
        affected = run.write(resolved)
        run.update_customers(affected)
    result = run.result
    result.errors.sort(key=lambda e: e.row)
    audit.record(session, user, IMPORT_ACTION, "visit", None,
                 {"file": path.name, **result.counts()})  # fmt: skip
    result.seconds = time.perf_counter() - started
    return result
