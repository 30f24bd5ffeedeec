"""A Report laid out on A4 pages as a PDF, with the shipped CJK font embedded.

reportlab does the layout: its tables repeat their header row on every page and wrap
Chinese text, and it embeds the subset of the TrueType font the report uses, so the
PDF prints the same on a machine without any Chinese font. Charts are matplotlib
figures placed as images. The file is written next to the target and renamed over it,
so a failed report leaves no half-written PDF.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.doctemplate import LayoutError

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.i18n import translate_message
from desktop_crm.paths import resources_dir
from desktop_crm.reports.document import (
    Cell,
    Chart,
    Facts,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Table,
)

FONT = "NotoSansSCCRM"
FONT_FILE = "NotoSansSC-Regular.ttf"
MARGIN = 1.6 * cm
CHART_DPI = 130  # a 9-inch figure on 7 inches of paper: about 170 dpi printed
HEADER_BG = colors.HexColor("#E8EEF6")
GRID = colors.HexColor("#9AA5B1")
MUTED = colors.HexColor("#5B6570")
Progress = Callable[[int, int, str], None]


@lru_cache(maxsize=1)
def register_font() -> str:
    """Register the shipped font with reportlab once; returns its name for styles."""
    pdfmetrics.registerFont(TTFont(FONT, str(resources_dir() / "fonts" / FONT_FILE)))
    return FONT


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=20, leading=26, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, textColor=MUTED),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontSize=13,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "table_title": ParagraphStyle(
            "table_title",
            parent=base,
            fontSize=10.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "table_title_loose": ParagraphStyle(
            "table_title_loose",
            parent=base,
            fontSize=10.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, fontSize=8.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "cell_right": ParagraphStyle(
            "cell_right", parent=base, fontSize=8.5, leading=11, alignment=TA_RIGHT
        ),
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=11),
    }


def format_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1e15 else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


def _para(text: str, style: str) -> PdfParagraph:
    return PdfParagraph(_escape(text), _styles()[style])


def _facts(block: Facts, width: float) -> list[Flowable]:
    cells = [
        (
            _para(label, "cell"),
            _para(format_cell(value), "cell_right" if _is_number(value) else "cell"),
        )
        for label, value in block.items
    ]
    rows: list[list[Any]] = []
    for i in range(0, len(cells), 2):
        left = cells[i]
        right = cells[i + 1] if i + 1 < len(cells) else ("", "")
        rows.append([*left, *right])
    if not rows:
        return []
    quarter = min(width, A4[0] - 2 * MARGIN) / 4
    table = PdfTable(rows, colWidths=[quarter * 0.9, quarter * 1.1] * 2, hAlign="LEFT")
    table.setStyle(
        TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (0, -1), HEADER_BG),
            ("BACKGROUND", (2, 0), (2, -1), HEADER_BG),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ])
    )  # fmt: skip
    flow: list[Flowable] = []
    if block.title:
        flow.append(_para(block.title, "table_title"))
    flow.append(table)
    return flow


def _is_number(value: Cell) -> bool:
    """Numbers and percentages are right-aligned."""
    if isinstance(value, str):
        return value == "—" or (value.endswith("%") and value[:-1].replace(".", "").isdigit())
    return isinstance(value, int | float) and not isinstance(value, bool)


def text_width(text: str) -> int:
    """Width in half-width characters: CJK characters count twice."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _column_weights(block: Table) -> list[float]:
    """Column weights: as wide as the longest cell (a header may take two lines), so
    that numbers do not break across lines."""
    rows = [*block.rows, *([block.total] if block.total else [])]
    weights = []
    for i, header in enumerate(block.headers):
        longest = max((text_width(format_cell(row[i])) for row in rows), default=0)
        # long texts wrap: a column is at most 30 characters wide
        # (+2: the cell's padding)
        weights.append(float(max(min(longest, 30), (text_width(header) + 1) // 2, 4) + 2))
    return weights


def _table(block: Table, width: float) -> list[Flowable]:
    title = [_para(block.title, "table_title")] if block.title else []
    if not block.rows:
        return [KeepTogether([*title, _para(block.empty_text or "—", "muted")])]
    count = len(block.headers)
    weights = block.widths or _column_weights(block)
    total_weight = sum(weights)
    widths = [width * w / total_weight for w in weights]
    numeric = [
        all(_is_number(row[i]) or row[i] is None for row in block.rows) for i in range(count)
    ]
    data: list[list[Any]] = [[_para(h, "head") for h in block.headers]]
    rows = [*block.rows, *([block.total] if block.total else [])]
    for row in rows:
        data.append([
            _para(format_cell(value), "cell_right" if numeric[i] else "cell")
            for i, value in enumerate(row)
        ])  # fmt: skip
    table = PdfTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if block.total:
        style.append(("BACKGROUND", (0, -1), (-1, -1), HEADER_BG))
    table.setStyle(TableStyle(style))
    if len(rows) > 12:  # a long table starts right under its title and runs on
        flow: list[Flowable] = [_para(block.title, "table_title_loose"), table]
    else:
        flow = [KeepTogether([*title, table])]
    if block.note:
        flow.append(_para(block.note, "muted"))
    return flow


def _chart(block: Chart, width: float, page_height: float) -> list[Flowable]:
    figure = block.draw()
    if figure is None:
        return []
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI)
    width_in, height_in = figure.get_size_inches()
    _close_figure(figure)
    buffer.seek(0)
    height = min(width * height_in / width_in, page_height - 2 * MARGIN - 3 * cm)
    width = height * width_in / height_in
    flow: list[Flowable] = [Spacer(1, 0.25 * cm), Image(buffer, width=width, height=height)]
    return [KeepTogether([_para(block.title, "table_title"), *flow])] if block.title else flow


def _close_figure(figure: Any) -> None:
    try:
        from matplotlib import pyplot

        pyplot.close(figure)
    except ImportError:  # a Figure made without pyplot needs no closing
        pass


def _cover(report: Report) -> list[Flowable]:
    subtitle = f"{report.unit}    {report.period}"
    made = translate_message("reports", QT_TRANSLATE_NOOP("reports", "Printed {time}"),
                             {"time": report.generated})  # fmt: skip
    return [
        _para(report.title, "title"),
        _para(subtitle, "subtitle"),
        _para(made, "muted"),
        Spacer(1, 0.3 * cm),
    ]


def page_size(report: Report) -> tuple[float, float]:
    return landscape(A4) if report.landscape else A4


def flowables(report: Report, progress: Progress | None = None) -> list[Flowable]:
    page_width, page_height = page_size(report)
    width = page_width - 2 * MARGIN
    flow = _cover(report)
    if report.empty and report.empty_text:
        flow.append(_para(report.empty_text, "heading"))
    total = len(report.blocks)
    for done, block in enumerate(report.blocks):
        if progress is not None:
            progress(done, total, "")
        if isinstance(block, Heading):
            flow.append(_para(block.text, "heading"))
        elif isinstance(block, Paragraph):
            flow.append(_para(block.text, "muted" if block.muted else "body"))
        elif isinstance(block, Facts):
            flow.extend(_facts(block, width))
        elif isinstance(block, Table):
            flow.extend(_table(block, width))
        elif isinstance(block, Chart):
            flow.extend(_chart(block, width, page_height))
        elif isinstance(block, PageBreak):
            flow.append(PdfPageBreak())
    return flow


class _NumberedCanvas(Canvas):
    """Prints "title · unit    page n / N" at the foot of every page (N known at the end)."""

    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = FONT  # no unembedded Helvetica in the file
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        count = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(count)
            super().showPage()
        super().save()

    def _footer(self, count: int) -> None:
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, MARGIN / 2, self.footer_left)
        page = translate_message("reports", QT_TRANSLATE_NOOP("reports", "Page {page} of {pages}"),
                                 {"page": self._pageNumber, "pages": count})  # fmt: skip
        self.drawRightString(self._pagesize[0] - MARGIN, MARGIN / 2, page)


def render_pdf(report: Report, path: Path | str, progress: Progress | None = None) -> Path:
    """Write ``report`` as an A4 PDF at ``path`` (replacing it only when complete)."""
    path = Path(path)
    register_font()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    tmp = Path(tmp_name)
    canvas_class = type("ReportCanvas", (_NumberedCanvas,),
                        {"footer_left": f"{report.title} · {report.unit} · {report.period}"})  # fmt: skip
    try:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=page_size(report), leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN, title=f"{report.title} {report.unit} {report.period}",
            author="desktop_crm", creator="desktop_crm",
        )  # fmt: skip
        doc.build(flowables(report, progress), canvasmaker=canvas_class)
        os.replace(tmp, path)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    except LayoutError as exc:  # a cell too tall for a page: a bug in a builder's widths
        raise RuntimeError(f"report layout failed: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


def pdf_bytes(report: Report) -> bytes:
    """The PDF in memory (the print preview renders it without a file)."""
    with tempfile.TemporaryDirectory(prefix="desktop-crm-report-") as folder:
        target = Path(folder) / "report.pdf"
        render_pdf(report, target)
        return target.read_bytes()


def cannot_write(path: Path, exc: OSError) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP(
            "errors",
            "Cannot write {path}: {reason}. Close the file if another program has it open, "
            "or choose another one.",
        ),
        path=str(path),
        reason=exc.strerror or str(exc),
    )
