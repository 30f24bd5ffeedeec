"""A Report's figures and tables in an Excel workbook (.xlsx).

The first sheet holds the title, the period and the key figures; each table of the
report gets its own sheet with a frozen header row. A cell that starts like a formula
is written as text, so a crafted customer name cannot run in the user's spreadsheet.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.i18n import translate_message
from desktop_crm.reports.document import Cell, Facts, Report, Table
from desktop_crm.reports.pdf import cannot_write, text_width

_FORBIDDEN = set("[]:*?/\\")
_MAX_SHEET_NAME = 31


def sheet_name(title: str, used: set[str]) -> str:
    """An Excel sheet name from a table title: legal characters, at most 31, unique."""
    clean = "".join("_" if ch in _FORBIDDEN else ch for ch in title).strip("'") or "Sheet"
    name = clean[:_MAX_SHEET_NAME]
    number = 2
    while name in used:
        suffix = f" ({number})"
        name = clean[: _MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    used.add(name)
    return name


def _text_safe(sheet: Any, value: Cell) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and len(value) > 1:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, never a formula
        return cell
    return value


def _width(values: list[Cell]) -> float:
    longest = 0
    for value in values:
        text = "" if value is None else str(value)
        longest = max(longest, text_width(text))  # a Chinese character counts twice
    return min(max(8, longest + 2), 60)


def render_xlsx(report: Report, path: Path | str) -> Path:
    """Write the report's figures and tables to ``path`` (replaced only when complete)."""
    from openpyxl import Workbook

    path = Path(path)
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    summary = workbook.create_sheet(sheet_name(
        translate_message("reports", QT_TRANSLATE_NOOP("reports", "Summary")), used))  # fmt: skip
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 40
    summary.append([report.title])
    summary.append([report.unit, report.period])
    summary.append([translate_message("reports", QT_TRANSLATE_NOOP("reports", "Printed {time}"),
                                      {"time": report.generated})])  # fmt: skip
    if report.empty and report.empty_text:
        summary.append([report.empty_text])
    for block in report.blocks:
        if isinstance(block, Facts):
            summary.append([])
            summary.append([block.title])
            for label, value in block.items:
                summary.append([label, _text_safe(summary, value)])
    for table in report.tables:
        _table_sheet(workbook, table, used)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".report-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _table_sheet(workbook: Any, table: Table, used: set[str]) -> None:
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(sheet_name(table.title, used))
    sheet.freeze_panes = "A2"
    rows = [*table.rows, *([table.total] if table.total else [])]
    for k, header in enumerate(table.headers):
        column = [header, *(row[k] for row in rows[:500])]
        sheet.column_dimensions[get_column_letter(k + 1)].width = _width(column)
    sheet.append(table.headers)
    for row in rows:
        sheet.append([_text_safe(sheet, value) for value in row])
    if not table.rows and table.empty_text:
        sheet.append([table.empty_text])
    if table.note:
        sheet.append([])
        sheet.append([table.note])
