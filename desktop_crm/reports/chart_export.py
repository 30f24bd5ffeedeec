"""A chart's table as an Excel workbook (openpyxl): a title row, then the headers the
table shows and the numbers as numbers."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_crm.reports.figures import table_columns

if TYPE_CHECKING:
    import pandas as pd


def frame_to_xlsx(frame: pd.DataFrame, path: Path | str, title: str, subtitle: str = "") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31].replace("/", "-").replace(":", " ") or "Sheet1"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    if subtitle:
        sheet.append([subtitle])
    columns = table_columns(frame)
    sheet.append([header for _, header in columns])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in frame[[c for c, _ in columns]].itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    for i, (_, header) in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = max(10, len(header) * 2)
    path = Path(path)
    book.save(path)
    return path


def _cell(value: object) -> object:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 2)
    if hasattr(value, "item"):  # numpy scalars
        return _cell(value.item())  # type: ignore[union-attr]
    return value
