"""Printable reports: choose a report, an org unit of the user's subtree and a period;
preview it through Qt's print preview, print it, save it as PDF or export its tables to
Excel. Every report is built (and its pages rendered) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from desktop_crm.i18n import translate_message
from desktop_crm.ids import now_ms
from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.views.background import OpContext, run_in_background

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop_crm.reports.document import Report
    from desktop_crm.reports.periods import Period

PREVIEW_DPI = 150


@dataclass
class Rendered:
    """What the worker hands back: the report's outline, and the file or the page images."""

    title: str
    empty: bool
    empty_text: str
    path: str | None  # the file written (save / export)
    pages: list[QImage]  # preview / print


def render_pages(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """The PDF's pages as images (pdfium; QtPdf is not part of PySide6-Essentials)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes()
            image = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: ``data`` goes away
            page.close()
        return images
    finally:
        document.close()


class ReportDialog(QDialog):
    """The Reports dialog; ``customer_id`` preselects one customer's file."""

    finished_output = Signal(str)  # the path written, or "" after a preview / print

    def __init__(
        self,
        db: Database,
        user: User,
        parent: QWidget | None = None,
        kind: str = "daily",
        customer_id: str | None = None,
        customer_name: str = "",
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop_crm.reports.catalog import CUSTOMER, KINDS

        self.db, self.user, self.customer_id = db, user, customer_id
        self.setWindowTitle(self.tr("Reports"))
        self.setObjectName("reportDialog")
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("reportKind")
        for key, info in KINDS.items():
            if key == CUSTOMER and customer_id is None:
                continue
            self.kind_box.addItem(translate_message("reports", info.name), key)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("reportUnit")
        self._fill_units()
        self.customer_label = QLabel(customer_name)
        self.span_box = QComboBox()
        self.span_box.setObjectName("reportSpan")
        for key, text in (("day", self.tr("Day")), ("week", self.tr("Week")),
                          ("month", self.tr("Month"))):  # fmt: skip
            self.span_box.addItem(text, key)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("reportDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        day = today or date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.period_label = QLabel()
        self.period_label.setObjectName("reportPeriod")
        self.tab_charts = QCheckBox(
            self.tr("Add the charts of the charts tab (slow the first time on a big database)")
        )
        self.tab_charts.setObjectName("reportTabCharts")
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind_box)
        form.addRow(self.tr("Unit"), self.unit_box)
        form.addRow(self.tr("Customer"), self.customer_label)
        period_row = QHBoxLayout()
        period_row.addWidget(self.span_box)
        period_row.addWidget(self.date_edit, 1)
        period_row.addWidget(self.period_label)
        form.addRow(self.tr("Period"), period_row)
        form.addRow("", self.tab_charts)
        self.form = form

        self.preview_button = QPushButton(self.tr("Preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save_as(".pdf"))
        self.excel_button.clicked.connect(lambda: self.save_as(".xlsx"))
        actions = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.pdf_button, self.excel_button):
            actions.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.span_box.currentIndexChanged.connect(self._update_period)
        self.date_edit.dateChanged.connect(self._update_period)
        self._kind_changed()
        self.resize(560, self.sizeHint().height())
        self._preview: QPrintPreviewDialog | None = None
        self._printer: QPrinter | None = None
        self.last_pages: list[QImage] = []

    # -- choices -------------------------------------------------------------------
    def _fill_units(self) -> None:
        with self.db.session() as session:
            own = session.get_one(OrgUnit, self.user.org_unit_id)
            units = list(session.scalars(
                select(OrgUnit).where(OrgUnit.path.startswith(own.path),
                                      OrgUnit.deleted.is_(False)).order_by(OrgUnit.path)
            ))  # fmt: skip
        depth0 = own.path.count("/")
        # parents before children, siblings by code
        by_parent: dict[str | None, list[OrgUnit]] = {}
        for u in units:
            by_parent.setdefault(u.parent_id, []).append(u)

        def add(unit: OrgUnit) -> None:
            indent = "    " * (unit.path.count("/") - depth0)
            self.unit_box.addItem(f"{indent}{unit.name} ({unit.code})", unit.id)
            for child in sorted(by_parent.get(unit.id, []), key=lambda c: c.code):
                add(child)

        add(own)

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def _kind_changed(self) -> None:
        from desktop_crm.reports.catalog import COMPLAINTS, CUSTOMER, KINDS, MONTHLY

        info = KINDS[self.kind()]
        is_customer = self.kind() == CUSTOMER
        self.form.setRowVisible(1, not is_customer)
        self.form.setRowVisible(2, is_customer)
        self.form.setRowVisible(3, not is_customer)
        if info.period_kind:
            self.span_box.setCurrentIndex(self.span_box.findData(info.period_kind))
        self.span_box.setEnabled(self.kind() == COMPLAINTS)
        self.form.setRowVisible(4, self.kind() == MONTHLY)
        self._update_period()

    def period(self) -> Period | None:
        from desktop_crm.reports.catalog import CUSTOMER
        from desktop_crm.reports.periods import period_of_kind

        if self.kind() == CUSTOMER:
            return None
        return period_of_kind(str(self.span_box.currentData()), self.date_edit.date().toPython())

    def _update_period(self) -> None:
        period = self.period()
        self.period_label.setText(period.span if period is not None else "")
        self.status.clear()

    # -- generating ----------------------------------------------------------------
    def _generate(self, target: str | None, pages: bool, then: Callable[[Rendered], None]) -> None:
        """Build the report in the background; write ``target`` or render pages."""
        from desktop_crm.reports.catalog import (
            CUSTOMER,
            audit_report,
            build_report,
            write_report,
        )

        kind, unit_id, period, user_id = self.kind(), self.unit_box.currentData(), self.period(), \
            self.user.id  # fmt: skip
        customer_id, stamp = self.customer_id, now_ms()
        tab_charts = self.tab_charts.isChecked()
        building = self.tr("Building the report…")
        writing = self.tr("Writing the file…")

        db = self.db

        def build(session: Session) -> Report:
            user = session.get_one(User, user_id)
            unit = session.get_one(OrgUnit, unit_id) if unit_id else None
            return build_report(session, user, kind, unit, period, stamp, customer_id,
                                tab_charts=tab_charts)  # fmt: skip

        def work(ctx: OpContext) -> Rendered:
            ctx.progress(0, 3, building)
            if kind == CUSTOMER:  # small, and it may audit an unmasked view: the op's session
                report = build(ctx.session)
            else:
                # A long read in a read transaction of its own: the op's session takes
                # the write lock only for the audit line at the end.
                with db.sessions() as reading:
                    report = build(reading)
                    reading.rollback()
            ctx.progress(1, 3, writing)
            images: list[QImage] = []
            if target is not None:
                write_report(report, target)
            if pages:
                from desktop_crm.reports.pdf import pdf_bytes

                images = render_pages(pdf_bytes(report))
            ctx.progress(2, 3, writing)
            audit_report(ctx.session, ctx.session.get_one(User, user_id), report, target)
            return Rendered(report.title, report.empty, report.empty_text, target, images)

        def done(result: Rendered) -> None:
            self._set_busy(False)
            self.status.setText(result.empty_text if result.empty else "")
            then(result)

        def failed(exc: Exception) -> None:
            from desktop_crm.views.background import show_error

            self._set_busy(False)
            show_error(self, exc)

        self._set_busy(True)
        run_in_background(self, self.db, work, done, label=building, on_failure=failed)

    def _set_busy(self, busy: bool) -> None:
        for b in (self.preview_button, self.print_button, self.pdf_button, self.excel_button):
            b.setEnabled(not busy)

    def preview(self) -> None:
        self._generate(None, True, self._show_preview)

    def _show_preview(self, result: Rendered) -> None:
        self.last_pages = result.pages
        printer = _printer_for(result.pages)
        self._printer = printer  # the preview only borrows it: keep it alive
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(result.title)
        dialog.paintRequested.connect(lambda p: paint_pages(p, result.pages))
        self._preview = dialog
        dialog.open()
        self.finished_output.emit("")

    def print_report(self) -> None:
        self._generate(None, True, self._print)

    def _print(self, result: Rendered) -> None:
        self.last_pages = result.pages
        printer = _printer_for(result.pages)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            paint_pages(printer, result.pages)
        self.finished_output.emit("")

    def save_as(self, suffix: str) -> None:
        from desktop_crm.reports.catalog import KINDS

        name = translate_message("reports", KINDS[self.kind()].name)
        period = self.period()
        default = f"{name}-{period.text if period else date.today().isoformat()}{suffix}"
        if suffix == ".pdf":
            filter_text = self.tr("PDF files (*.pdf)")
        else:
            filter_text = self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"),
                                              str(Path.home() / default), filter_text)  # fmt: skip
        if path:
            self.save_to(path if path.lower().endswith(suffix) else path + suffix)

    def save_to(self, path: str) -> None:
        """Write the chosen report to ``path`` (.pdf or .xlsx) in the background."""

        def saved(result: Rendered) -> None:
            written = self.tr("Saved {path}.").format(path=result.path)
            self.status.setText(f"{result.empty_text}\n{written}" if result.empty else written)
            self.finished_output.emit(result.path or "")

        self._generate(path, False, saved)


def _printer_for(pages: list[QImage]) -> QPrinter:
    """An A4 printer, landscape for a wide report (the complaint register)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if pages and pages[0].width() > pages[0].height():
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def paint_pages(printer: QPrinter, pages: list[QImage]) -> None:
    """Draw the rendered pages on the printer (or the preview), one image per sheet."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for index, image in enumerate(pages):
            if index:
                printer.newPage()
            area = painter.viewport()
            size = image.size()
            size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()
