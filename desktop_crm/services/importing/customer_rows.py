"""One row of a customer list, cleaned and checked: what the row says, or why not."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import CustomerKind
from desktop_crm.services.importing import values
from desktop_crm.services.importing.plan import Plan
from desktop_crm.services.importing.scope import Scope
from desktop_crm.services.importing.values import RowProblem

LIMITS = {"name": 200, "employer": 200, "address": 400, "member_no": 32, "needs": 4000}


@dataclass(slots=True)
class Incoming:
    """One valid row, its cells cleaned."""

    row: int
    values: dict[str, Any]  # name, employer, address, level, ... when not empty
    kind: str | None  # from a type column
    phone: str | None
    phone2: str | None
    ident: tuple[str, str] | None  # (id type, number)
    plates: list[str]
    model: str | None
    cards: list[str]
    tags: list[str]
    notes: str | None
    org_unit_id: str
    maintainer_id: str | None


def _unique(items: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _values_of(
    parse: Callable[[str], str | None], cols: list[int]
) -> Callable[[Callable[[int], Any]], list[str]]:
    """The distinct values of a field that may fill several columns and cells (冀A1/冀A2)."""

    def many(cell: Callable[[int], Any]) -> list[str]:
        return _unique(parse(p) for i in cols for p in values.split_list(cell(i)))

    if len(cols) != 1:
        return many
    (col,) = cols

    def one(cell: Callable[[int], Any]) -> list[str]:  # the usual case, made cheaper
        parts = values.split_list(cell(col))
        if len(parts) == 1:
            found = parse(parts[0])
            return [found] if found else []
        return _unique(parse(p) for p in parts)

    return one


def _cached(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``parse`` remembering its answers for cells that repeat (levels, types, stations)."""
    cache: dict[Any, Any] = {None: parse(None)}

    def cached(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            found = cache[value] = parse(value)  # a RowProblem is raised, not cached
            return found

    return cached


def row_parser(plan: Plan, scope: Scope, session: Session) -> Callable[[int, list[Any]], Incoming]:
    """A function from (row number, cells) to Incoming for the columns of ``plan``;
    it raises RowProblem for a row that cannot be imported."""
    cols: dict[str, list[int]] = {}
    for i, f in plan.header.mapping.items():
        cols.setdefault(f, []).append(i)
    first = {f: found[0] for f, found in cols.items()}
    texts = [(f, first[f], LIMITS[f]) for f in LIMITS if f in first]
    others = [(f, first[f], parse) for f, parse in (
        ("level", _cached(values.level)), ("birthday", values.day), ("email", values.email),
    ) if f in first]  # fmt: skip
    phones_of = _values_of(values.phone, cols.get("phone", []) + cols.get("phone2", []))
    plates_of = _values_of(values.plate, cols.get("plate", []))
    cards_of = _values_of(values.card, cols.get("card", []))
    tag_cols, note_cols = cols.get("tags", []), cols.get("notes", [])
    kind_col, id_col, uscc_col = first.get("kind"), first.get("id_number"), first.get("uscc")
    model_col, station_col = first.get("model"), first.get("station")
    maintainer_col = first.get("maintainer")
    kind_of, station_of = _cached(values.kind), _cached(scope.station)
    model_of = _cached(lambda v: values.optional_text(v, 64))
    maintainer_of = _cached(lambda v: scope.maintainer(session, v))
    default_station = scope.default_station.id if scope.default_station else None

    def parse(row: int, cells: list[Any]) -> Incoming:
        width = len(cells)

        def cell(i: int | None) -> Any:
            return cells[i] if i is not None and i < width else None

        got: dict[str, Any] = {}
        for f, i, limit in texts:
            v = (values.name if f == "name" else values.optional_text)(cell(i), limit)
            if v is not None:
                got[f] = v
        for f, i, parse_value in others:
            v = parse_value(cell(i))
            if v is not None:
                got[f] = v
        phones, plates, cards = phones_of(cell), plates_of(cell), cards_of(cell)
        kind = kind_of(cell(kind_col))
        ident = values.id_number(cell(id_col))
        credit = values.uscc(cell(uscc_col))
        if credit and (ident is None or kind != CustomerKind.PERSON):
            ident = ("uscc", credit)
        if not (got.get("name") or phones or plates or cards or ident):
            raise RowProblem(
                QT_TRANSLATE_NOOP(
                    "import", "The row has no name, phone, plate, fuel card or ID number."
                )
            )
        if ident and ident[0] == "id_card" and "birthday" not in got:
            number = ident[1]
            got["birthday"] = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
        station = station_of(cell(station_col)) or default_station
        if station is None:
            raise RowProblem(
                QT_TRANSLATE_NOOP("import", "The row names no station the customer belongs to.")
            )
        notes = "; ".join(t for i in note_cols if (t := values.text(cell(i)))) or None
        return Incoming(
            row, got, kind, phones[0] if phones else None,
            phones[1] if len(phones) > 1 else None, ident, plates, model_of(cell(model_col)),
            cards, [t for i in tag_cols for t in values.tags(cell(i))], notes, station,
            maintainer_of(cell(maintainer_col)),
        )  # fmt: skip

    return parse
