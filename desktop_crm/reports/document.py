"""A printable report as plain data: headings, key figures, tables and charts.

The builders (daily, weekly, monthly, complaint register, customer file) make one of
these; pdf.py lays it out on A4 pages and excel.py writes its tables to a workbook, so
the PDF and the Excel file always show the same figures. Texts are already in the
user's language when they get here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Cell = str | int | float | None


@dataclass
class Heading:
    text: str


@dataclass
class Paragraph:
    text: str
    muted: bool = False  # notes, definitions, "first 200 of 1,234 rows"


@dataclass
class Facts:
    """Key figures as label / value pairs, laid out in two columns."""

    title: str
    items: list[tuple[str, Cell]]


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    widths: list[float] | None = None  # relative column widths; equal when None
    empty_text: str = ""  # what to print instead of an empty table
    total: list[Cell] | None = None  # a closing total row
    note: str = ""  # printed under the table (e.g. rows left out)


@dataclass
class Chart:
    """A chart drawn by matplotlib: ``draw`` returns a Figure (imported only when needed)."""

    title: str
    draw: Callable[[], Any]
    height_cm: float = 8.0


@dataclass
class PageBreak:
    pass


Block = Heading | Paragraph | Facts | Table | Chart | PageBreak


@dataclass
class Report:
    kind: str  # daily / weekly / monthly / complaints / customer
    title: str  # e.g. 日报表
    unit: str  # the org unit's (or the customer's) name
    period: str  # as printed, e.g. "2026-11-23" or "2026-W48 (2026-11-23 – 2026-11-29)"
    generated: str  # local time the report was made, YYYY-MM-DD HH:MM
    blocks: list[Block] = field(default_factory=list)
    empty: bool = False  # nothing happened in the period: the dialog says so
    empty_text: str = ""
    landscape: bool = False  # wide registers

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def facts(self) -> list[Facts]:
        return [b for b in self.blocks if isinstance(b, Facts)]

    def file_stem(self) -> str:
        """A file name without suffix: 日报表-加油站一-2026-11-23."""
        raw = f"{self.title}-{self.unit}-{self.period.split(' ')[0]}"
        return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in raw)
