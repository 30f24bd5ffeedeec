"""From a table of cells to an import plan: the header row, the column mapping and the
data rows with the row numbers Excel shows; and the preview the mapping step shows."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.services.importing.columns import (
    HEADER_SEARCH_ROWS,
    Explicit,
    HeaderFound,
    ImportKind,
    check_explicit_columns,
    fields_for,
    find_header,
    map_columns,
)
from desktop_crm.services.importing.reading import Table, read_table
from desktop_crm.services.importing.values import text

TOTAL_WORDS = ("合计", "总计", "小计", "total")
PREVIEW_ROWS = 200

# Fields without which a file cannot be imported (any one of each group).
REQUIRED: dict[ImportKind, list[tuple[str, ...]]] = {
    ImportKind.CUSTOMERS: [("name", "phone", "plate", "card", "id_number", "uscc")],
    ImportKind.VISITS: [("card", "plate", "phone"), ("date",), ("amount", "litres")],
}


@dataclass
class Plan:
    kind: ImportKind
    header: HeaderFound
    rows: list[list[Any]]  # every row of the file, title and header included

    @property
    def header_row(self) -> int:
        """The header's row number as Excel shows it."""
        return self.header.index + 1

    def columns(self, field: str) -> list[int]:
        return [i for i, f in self.header.mapping.items() if f == field]

    def data_rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(Excel row number, cells) of each data row; blank and total rows left out."""
        for k in range(self.header.index + 1, len(self.rows)):
            cells = self.rows[k]
            first = cells[0] if cells else None
            if first is None or first == "":
                first = next((c for c in cells if c is not None and c != ""), None)
                if first is None:
                    continue
            if isinstance(first, str) and text(first).replace(" ", "").lower() in TOTAL_WORDS:
                continue
            yield k + 1, cells

    def data_row_count(self) -> int:
        return sum(1 for _ in self.data_rows())


def make_plan(
    kind: ImportKind,
    table: Table,
    explicit: Explicit | None = None,
    header_row: int | None = None,
) -> Plan:
    explicit = explicit or {}
    header = find_header(kind, table.rows, explicit, header_row)
    check_explicit_columns(header.headers, explicit)
    mapped = set(header.mapping.values())
    labels = {f.key: f.names[0] for f in fields_for(kind)}  # the column name to use
    for group in REQUIRED[kind]:
        if not mapped & set(group):
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "No column of the file holds {fields}: name such a column or map one.",
                ),
                fields=" / ".join(labels[f] for f in group),
            )
    plan = Plan(kind, header, table.rows)
    if table.complete and next(plan.data_rows(), None) is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors", "The file has no data rows below its header row (row {row})."
            ),
            row=plan.header_row,
        )
    return plan


def _loose_header(
    kind: ImportKind, rows: list[list[Any]], explicit: Mapping[str | int, str]
) -> HeaderFound:
    candidates = [k for k, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if any(map(text, row))]
    if not candidates:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The first rows of the file are empty."))
    for k in candidates:
        mapping = map_columns(kind, rows[k], explicit)
        if mapping:
            return HeaderFound(k, [text(c) for c in rows[k]], mapping)
    k = candidates[0]
    return HeaderFound(k, [text(c) for c in rows[k]], {})


@dataclass
class Preview:
    """What the mapping step shows: the header found, the mapping, a few data rows."""

    kind: ImportKind
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    samples: list[list[str]]
    data_rows: int | None  # None when the file is longer than the preview read


def preview_file(
    path: Path | str, kind: ImportKind, explicit: Mapping[str | int, str] | None = None
) -> Preview:
    """The first rows of ``path`` for the mapping step: the header row (a loose guess when
    no row has two known columns, so that the user maps them), its mapping, samples.
    Raises UserError for a file that cannot be read."""
    table = read_table(path, limit=PREVIEW_ROWS)
    try:
        header = find_header(kind, table.rows, explicit or {})
    except UserError:
        # Let the user map the columns by hand: the first row naming a known column, else
        # the first row with anything in it.
        header = _loose_header(kind, table.rows, explicit or {})
    plan = Plan(kind, header, table.rows)
    samples = []
    for _row, cells in plan.data_rows():
        samples.append([text(c) for c in cells])
        if len(samples) >= 5:
            break
    return Preview(
        kind,
        plan.header_row,
        header.headers,
        header.mapping,
        samples,
        plan.data_row_count() if table.complete else None,
    )
