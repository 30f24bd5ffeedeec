"""The charts of the charts tab (reports/figures.py CHARTS) for the monthly pack: each one
for the pack's unit over the twelve months up to the pack's month, followed by the table
behind it. The indicator frames are computed while the session is open; the figures are
drawn when the PDF is laid out (Excel gets the tables only)."""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import OrgUnit
from desktop_crm.reports.common import t
from desktop_crm.reports.document import Block, Chart, PageBreak, Table
from desktop_crm.reports.periods import Period

MAX_TABLE_ROWS = 40  # a chart's table in the pack; below a leaf unit, one row per customer


def chart_blocks(session: Session, unit: OrgUnit, period: Period) -> list[Block]:
    from desktop_crm.reports import figures
    from desktop_crm.reports.scope import months_ending, scope_for

    scope = scope_for(session, unit.id)
    months = months_ending(period.start, 12)
    blocks: list[Block] = []
    for spec in figures.CHARTS.values():
        frame = spec.indicator(session, scope, months)
        title = figures.t(spec.title)

        def draw(spec: Any = spec, frame: Any = frame) -> Any:
            return spec.figure(frame, scope, months)

        blocks.append(PageBreak())
        blocks.append(Chart("", draw))  # the figure carries its own title
        blocks.append(_table(title, frame, figures))
    return blocks


def _table(title: str, frame: Any, figures: Any) -> Table:
    shown = figures.display_frame(frame)
    columns = figures.table_columns(shown)
    rows = [[_cell(v) for v in row]
            for row in shown[[c for c, _ in columns]].itertuples(index=False)]  # fmt: skip
    note = ""
    if len(rows) > MAX_TABLE_ROWS:
        note = t(QT_TRANSLATE_NOOP("reports", "First {shown} of {total} rows."),
                 shown=MAX_TABLE_ROWS, total=len(rows))  # fmt: skip
        rows = rows[:MAX_TABLE_ROWS]
    return Table(title, [header for _, header in columns], rows, note=note,
                 empty_text=figures.t(figures.NO_DATA))  # fmt: skip


def _cell(value: object) -> str | int | float | None:
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()  # type: ignore[union-attr]
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 2)
    if value is None or isinstance(value, int | str):
        return value
    return str(value)
