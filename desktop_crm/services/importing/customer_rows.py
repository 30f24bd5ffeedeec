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
    tags: tuple[str, ...]
    notes: str | None
    org_unit_id: str
    maintainer_id: str | None


def _unique(items: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _values_of(
    parse: Callable[[str], str | None], clean: Callable[[str], bool], cols: list[int]
) -> Callable[[list[Any]], list[str]]:
    """The distinct values of a field that may fill several columns and cells (冀A1/冀A2);
    ``clean`` tells a cell typed the way the store keeps it (the usual case, made cheap)."""

    def many(cells: list[Any]) -> list[str]:
        return _unique(parse(p) for i in cols for p in values.split_list(cells[i]))

    if len(cols) != 1:
        return many
    (col,) = cols

    def one(cells: list[Any]) -> list[str]:
        value = cells[col]
        if value.__class__ is str and clean(value):
            return [value]
        if _empty(value):
            return []
        parts = values.split_list(value)
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


def _joined_text(cols: list[int]) -> Callable[[list[Any]], str | None]:
    """The cells of these columns as one text (notes spread over several columns)."""

    def joined(cells: list[Any]) -> str | None:
        return "; ".join(t for i in cols if (t := values.text(cells[i]))) or None

    if len(cols) != 1:
        return joined
    (col,) = cols

    def one(cells: list[Any]) -> str | None:  # the usual case, mostly empty
        value = cells[col]
        return None if _empty(value) else values.text(value) or None

    return one


def row_parser(plan: Plan, scope: Scope, session: Session) -> Callable[[int, list[Any]], Incoming]:
    """A function from (row number, cells) to Incoming for the columns of ``plan``;
    it raises RowProblem for a row that cannot be imported."""
    cols: dict[str, list[int]] = {}
    for i, f in plan.header.mapping.items():
        cols.setdefault(f, []).append(i)
    # Cells are read by position from a row of exactly ``width + 1`` cells: one shorter
    # (Excel and the CSV reader drop trailing empty cells) is padded, one longer is cut,
    # and a field without a column reads the last cell, which is always empty.
    width = max(plan.header.mapping, default=-1) + 1
    padding = [None] * (width + 1)
    first = {f: found[0] for f, found in cols.items()}
    texts = [(f, first[f], values.name if f == "name" else values.optional_text, LIMITS[f])
             for f in LIMITS if f in first]  # fmt: skip
    others = [(f, first[f], parse) for f, parse in (
        ("level", _cached(values.level)), ("birthday", values.day), ("email", values.email),
    ) if f in first]  # fmt: skip
    phones_of = _values_of(values.phone, values.clean_phone,
                           cols.get("phone", []) + cols.get("phone2", []))  # fmt: skip
    plates_of = _values_of(values.plate, values.clean_plate, cols.get("plate", []))
    cards_of = _values_of(values.card, values.clean_card, cols.get("card", []))
    tag_cols = cols.get("tags", [])
    tags_of = _cached(lambda v: tuple(values.tags(v)))
    notes_of = _joined_text(cols.get("notes", []))
    kind_col, id_col, uscc_col, model_col, station_col, maintainer_col = (
        first.get(f, width) for f in ("kind", "id_number", "uscc", "model", "station", "maintainer")
    )
    kind_of, station_of = _cached(values.kind), _cached(scope.station)
    model_of = _cached(lambda v: values.optional_text(v, 64))
    maintainer_of = _cached(lambda v: scope.maintainer(session, v))
    default_station = scope.default_station.id if scope.default_station else None

    def parse(row: int, cells: list[Any]) -> Incoming:
        n = len(cells)
        if n <= width:
            cells = cells + padding[n:]
        elif n > width + 1 or cells[width] is not None:
            cells = [*cells[:width], None]
        got: dict[str, Any] = {}
        for f, i, clean_text, limit in texts:
            value = cells[i]
            if value is not None and value != "" and (v := clean_text(value, limit)) is not None:
                got[f] = v
        for f, i, parse_value in others:
            v = parse_value(cells[i])
            if v is not None:
                got[f] = v
        phones, plates, cards = phones_of(cells), plates_of(cells), cards_of(cells)
        kind = kind_of(cells[kind_col])
        ident = None if _empty(value := cells[id_col]) else values.id_number(value)
        if not _empty(value := cells[uscc_col]):
            credit = values.uscc(value)
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
        station = station_of(cells[station_col]) or default_station
        if station is None:
            raise RowProblem(
                QT_TRANSLATE_NOOP("import", "The row names no station the customer belongs to.")
            )
        if len(tag_cols) == 1:
            tags = tags_of(cells[tag_cols[0]])
        else:
            tags = tuple(t for i in tag_cols for t in tags_of(cells[i]))
        return Incoming(
            row, got, kind, phones[0] if phones else None,
            phones[1] if len(phones) > 1 else None, ident, plates, model_of(cells[model_col]),
            cards, tags, notes_of(cells), station, maintainer_of(cells[maintainer_col]),
        )  # fmt: skip

    return parse
