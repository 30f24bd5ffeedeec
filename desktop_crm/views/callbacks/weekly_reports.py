"""The weekly callback reports (回访报告) of the callback tab: a list by week and status,
and one report with its figures, the verbatim records and the editors and buttons the
user's role and the report's status allow (author: summary, submit; station master:
guidance, return, pass on; area: acknowledge)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_date
from desktop_crm.models import OrgUnit, ReportStatus, Role, User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks import weekly_report as wr
from desktop_crm.services.callbacks.weeks import local_today, previous_week, week_of
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.callbacks.weekly_report_html import report_html, status_label

Index = QModelIndex | QPersistentModelIndex
WEEKS_SHOWN = 12
MISSING_SHOWN = 30  # names listed under "not handed in"; the rest are counted

STATUS_COLOURS = {
    ReportStatus.DRAFT: "#666666",
    ReportStatus.SUBMITTED: "#a15c00",
    ReportStatus.REVIEWED: "#0d47a1",
    ReportStatus.FORWARDED: "#0d47a1",
    ReportStatus.ACKNOWLEDGED: "#1b5e20",
    ReportStatus.RETURNED: "#b00020",
}


class ReportListModel(QAbstractTableModel):
    """The reports the user sees (a few per person and week: loaded in one go)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[wr.ReportRow] = []
        self.headers = [
            self.tr("Week"),
            self.tr("Author"),
            self.tr("Station"),
            self.tr("Status"),
            self.tr("Submitted"),
            self.tr("Reviewed by"),
            self.tr("Passed on"),
            self.tr("Acknowledged"),
        ]

    def set_rows(self, rows: list[wr.ReportRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                row.week,
                row.author_name,
                row.station_name,
                status_label(row.status),
                local_date(row.submitted_at) or "",
                row.reviewer_name or "",
                local_date(row.forwarded_at) or "",
                local_date(row.area_read_at) or "",
            ][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            return QColor(STATUS_COLOURS.get(row.status, "#000000"))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def report_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, report_id: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.id == report_id), -1)


@dataclass
class _ListResult:
    rows: list[wr.ReportRow]
    missing: list[wr.MissingReport]
    missing_week: str


@dataclass
class _Opened:
    data: wr.WeeklyReportData
    actions: list[str]


class WeeklyReportPanel(QWidget):
    """Reports of the user's scope; the selected one below with what the user may do."""

    listed = Signal()  # the list is on screen
    opened = Signal(str)  # a report is shown (its id)
    changed = Signal(str)  # a report moved on (its id)
    refused = Signal(str)  # an action was refused: the message shown

    def __init__(
        self,
        db: Database,
        user: User,
        org_unit: OrgUnit,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.org_unit = db, user, org_unit
        self.today = today
        self.report_id: str | None = None
        self.current: _Opened | None = None
        self._generation = 0  # of the list: a late answer to an older reload is dropped

        self.week = QComboBox()
        self.week.setObjectName("reportWeek")
        self.week.addItem(self.tr("All weeks"), None)
        this_week = week_of(self._today())
        monday = self._today() - timedelta(days=self._today().weekday())
        for n in range(WEEKS_SHOWN):
            week = week_of(monday - timedelta(days=7 * n))
            label = self.tr("{week} (this week)").format(week=week) if week == this_week else week
            self.week.addItem(label, week)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("reportStatus")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in ReportStatus:
            self.status_filter.addItem(status_label(status), status.value)
        self.week.currentIndexChanged.connect(lambda _index: self.reload())
        self.status_filter.currentIndexChanged.connect(lambda _index: self.reload())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshReports")
        self.refresh_button.clicked.connect(lambda: self.reload(reopen=True))
        self.write_button = QPushButton()
        self.write_button.setObjectName("writeReport")
        self.write_button.clicked.connect(self.write_own_report)
        self.write_button.setVisible(user.role == Role.STATION_STAFF)
        self._update_write_button()
        self.week.currentIndexChanged.connect(self._update_write_button)

        self.model = ReportListModel(self)
        self.table = QTableView()
        self.table.setObjectName("reportTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((80, 70, 170, 80, 85, 70, 85, 85)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.missing = QLabel()
        self.missing.setObjectName("missingReports")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #a15c00;")

        self.browser = QTextBrowser()
        self.browser.setObjectName("reportText")
        self.browser.setOpenLinks(False)
        self.summary_label = QLabel(self.tr("Summary of the week (the author's own words)"))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(
            self.tr("What customers said this week, what went well, what you will follow up")
        )
        self.summary.setMaximumHeight(90)
        self.guidance_label = QLabel(self.tr("Guidance (指导意见), or why the report goes back"))
        self.guidance = QPlainTextEdit()
        self.guidance.setObjectName("guidance")
        self.guidance.setMaximumHeight(80)
        self.comment_label = QLabel(self.tr("Area comment (optional)"))
        self.comment = QLineEdit()
        self.comment.setObjectName("areaComment")

        self.buttons: dict[str, QPushButton] = {}
        button_row = QHBoxLayout()
        for action, text in (
            (wr.EDIT, self.tr("Save summary")),
            (wr.SUBMIT, self.tr("Submit to the station master")),
            (wr.REVIEW, self.tr("Save guidance")),
            (wr.RETURN, self.tr("Return to the author")),
            (wr.FORWARD, self.tr("Pass to the area")),
            (wr.ACKNOWLEDGE, self.tr("Mark as read")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"report_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.act(a))
            button.setVisible(False)
            self.buttons[action] = button
            button_row.addWidget(button)
        button_row.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Week")))
        filters.addWidget(self.week)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)
        filters.addWidget(self.write_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.missing)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.browser, 1)
        for widget in (
            self.summary_label,
            self.summary,
            self.guidance_label,
            self.guidance,
            self.comment_label,
            self.comment,
        ):
            right_layout.addWidget(widget)
        right_layout.addLayout(button_row)
        right_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self._show_nothing()
        self._shown_once = False  # the list loads when the page is first shown

    # -- helpers ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def _today(self) -> date:
        return self.today or local_today(now_ms())

    def selected_week(self) -> str | None:
        week: str | None = self.week.currentData()
        return week

    def _write_week(self) -> str:
        return self.selected_week() or week_of(self._today())

    def _update_write_button(self) -> None:
        self.write_button.setText(self.tr("My report for {week}").format(week=self._write_week()))

    def _now(self) -> int:
        """The time actions are stamped with: now, or noon of the fixed day in tests."""
        if self.today is None:
            return now_ms()
        from desktop_crm.services.callbacks.weeks import local_midnight_ms

        return local_midnight_ms(self.today) + 12 * 3600 * 1000

    # -- the list -------------------------------------------------------------------------
    def reload(self, reopen: bool = False) -> None:
        """Load the list again; ``reopen`` reads the shown report again too."""
        user_id, week, status = self.user.id, self.selected_week(), self.status_filter.currentData()
        missing_week = week or previous_week(week_of(self._today()))
        self._generation += 1
        generation = self._generation

        def work(ctx: OpContext) -> _ListResult:
            viewer = ctx.session.get_one(User, user_id)
            rows = wr.list_reports(ctx.session, viewer, week=week, status=status)
            missing = wr.missing_reports(ctx.session, viewer, missing_week)
            return _ListResult(rows, missing, missing_week)

        def done(result: _ListResult) -> None:
            if not isValid(self) or generation != self._generation:
                return  # a later reload is on its way
            self.model.set_rows(result.rows)
            if result.missing:
                shown = result.missing[:MISSING_SHOWN]
                names = "、".join(
                    m.name if m.status is None else f"{m.name} ({status_label(m.status)})"
                    for m in shown
                )
                if len(result.missing) > len(shown):
                    names = self.tr("{names} and {n} more").format(
                        names=names, n=len(result.missing) - len(shown)
                    )
                self.missing.setText(
                    self.tr("Not handed in for {week}: {names}").format(
                        week=result.missing_week, names=names
                    )
                )
            else:
                self.missing.clear()
            self.missing.setVisible(bool(result.missing))
            row = self.model.row_of(self.report_id) if self.report_id else -1
            if row >= 0:
                self.table.selectRow(row)
                if reopen and self.report_id:
                    self.open_report(self.report_id)
            self.listed.emit()

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def _selection_changed(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        report_id = self.model.report_id(rows[0].row()) if rows else None
        if report_id is not None and report_id != self.report_id:
            self.message.clear()
            self.open_report(report_id)

    def select_report(self, report_id: str) -> bool:
        """Select a listed report (as a click on its row would)."""
        row = self.model.row_of(report_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    # -- one report -----------------------------------------------------------------------
    def open_report(self, report_id: str) -> None:
        self.report_id = report_id
        user_id = self.user.id

        def work(ctx: OpContext) -> _Opened:
            viewer = ctx.session.get_one(User, user_id)
            report = wr.get_report(ctx.session, viewer, report_id)
            actions = wr.available_actions(ctx.session, viewer, report)
            return _Opened(wr.weekly_report_data(ctx.session, report_id), actions)

        def done(opened: _Opened) -> None:
            if not isValid(self) or self.report_id != opened.data.report_id:
                return
            self._show(opened)
            self.opened.emit(report_id)

        run_in_background(
            None, self.db, work, done, on_failure=self._failed, progress_delay_ms=10_000
        )

    def _show_nothing(self) -> None:
        self.current = None
        self.browser.setHtml(
            "<p style='color:#555'>" + self.tr("Select a report to read it.") + "</p>"
        )
        for widget in (
            self.summary_label,
            self.summary,
            self.guidance_label,
            self.guidance,
            self.comment_label,
            self.comment,
        ):
            widget.setVisible(False)
        for button in self.buttons.values():
            button.setVisible(False)

    def _show(self, opened: _Opened) -> None:
        self.current = opened
        d, actions = opened.data, opened.actions
        self.browser.setHtml(report_html(d))
        author_edits = wr.EDIT in actions
        self.summary.setPlainText(d.summary or "")
        self.summary.setReadOnly(not author_edits)
        self.summary_label.setVisible(True)
        self.summary.setVisible(True)
        reviews = wr.REVIEW in actions
        self.guidance.setPlainText(d.guidance or "")
        self.guidance.setReadOnly(not reviews)
        show_guidance = reviews or bool(d.guidance)
        self.guidance_label.setVisible(show_guidance)
        self.guidance.setVisible(show_guidance)
        reads = wr.ACKNOWLEDGE in actions
        self.comment.setText(d.area_comment or "")
        self.comment.setReadOnly(not reads)
        self.comment_label.setVisible(reads or bool(d.area_comment))
        self.comment.setVisible(reads or bool(d.area_comment))
        for action, button in self.buttons.items():
            button.setVisible(action in actions)
            button.setEnabled(True)

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        for button in self.buttons.values():
            button.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(exc))
        self.refused.emit(self.message.text())

    # -- actions -------------------------------------------------------------------------
    def act(self, action: str) -> None:
        """Run one step of the workflow on the shown report."""
        if self.current is None:
            return
        report_id, user_id, at = self.current.data.report_id, self.user.id, self._now()
        summary, guidance = self.summary.toPlainText(), self.guidance.toPlainText()
        comment = self.comment.text()
        steps: dict[str, Callable[[Session, User], object]] = {
            wr.EDIT: lambda s, u: wr.save_summary(s, u, report_id, summary, at),
            wr.SUBMIT: lambda s, u: wr.submit(s, u, report_id, summary, at),
            wr.REVIEW: lambda s, u: wr.review(s, u, report_id, guidance, at),
            wr.RETURN: lambda s, u: wr.return_report(s, u, report_id, guidance, at),
            wr.FORWARD: lambda s, u: wr.forward(s, u, report_id, at),
            wr.ACKNOWLEDGE: lambda s, u: wr.acknowledge(s, u, report_id, comment, at),
        }
        step = steps[action]
        for button in self.buttons.values():
            button.setEnabled(False)

        def work(ctx: OpContext) -> None:
            step(ctx.session, ctx.session.get_one(User, user_id))

        def done(_result: None) -> None:
            if not isValid(self):
                return
            self.message.setStyleSheet("color: #1b5e20;")
            self._after(report_id)
            self.message.setText(self._done_text(action))
            self.changed.emit(report_id)

        run_in_background(self, self.db, work, done, on_failure=self._failed)

    def _done_text(self, action: str) -> str:
        return {
            wr.EDIT: self.tr("Summary saved."),
            wr.SUBMIT: self.tr("Submitted to the station master."),
            wr.REVIEW: self.tr("Guidance saved."),
            wr.RETURN: self.tr("Returned to the author."),
            wr.FORWARD: self.tr("Passed to the area."),
            wr.ACKNOWLEDGE: self.tr("Marked as read."),
        }[action]

    def _after(self, report_id: str) -> None:
        self.open_report(report_id)  # the same report, moved on
        self.reload()

    def write_own_report(self) -> None:
        """Open (or start) the staff member's own report for the chosen week."""
        user_id, week, at = self.user.id, self._write_week(), self._now()

        def work(ctx: OpContext) -> str:
            author = ctx.session.get_one(User, user_id)
            return wr.open_report(ctx.session, author, week, now=at).id

        def done(report_id: str) -> None:
            if not isValid(self):
                return
            self.message.clear()
            self.open_report(report_id)
            self.reload()

        run_in_background(self, self.db, work, done, on_failure=self._failed)
