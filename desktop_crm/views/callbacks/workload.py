"""Workload (1:15) of the callback tab: customers per employee with warnings in colour,
and the bulk hand-over for station masters and managers."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.ids import now_ms
from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks import workload as wl
from desktop_crm.services.callbacks.weeks import local_today
from desktop_crm.services.customer_actions import can_hand_over
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.labels import role_name

Index = QModelIndex | QPersistentModelIndex
WARNING_COLOURS = {wl.UNDER: "#a15c00", wl.OVER: "#b00020", wl.LEFT: "#6a1b9a"}
WARNING_BACKGROUNDS = {wl.UNDER: "#fff4e0", wl.OVER: "#fde7ea", wl.LEFT: "#f3e5f5"}
NUMBER_COLUMNS = range(3, 8)


class WorkloadModel(QAbstractTableModel):
    """One row per employee (a few dozen per area: loaded in one go)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[wl.WorkloadRow] = []
        self.minimum, self.maximum = 15, 200
        self.headers = [
            self.tr("Employee"),
            self.tr("Unit"),
            self.tr("Role"),
            self.tr("Maintains"),
            self.tr("of which dormant"),
            self.tr("Prospects"),
            self.tr("Lost"),
            self.tr("Callbacks this month"),
            self.tr("Warning"),
        ]

    def set_workload(self, work: wl.Workload) -> None:
        self.beginResetModel()
        self.rows, self.minimum, self.maximum = work.rows, work.minimum, work.maximum
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

    def warning_text(self, row: wl.WorkloadRow) -> str:
        if row.warning == wl.UNDER:
            return self.tr("Below {n}").format(n=self.minimum)
        if row.warning == wl.OVER:
            return self.tr("Above {n}").format(n=self.maximum)
        if row.warning == wl.LEFT:
            return self.tr("Left: hand the customers over")
        return "" if row.in_scope else self.tr("Works in another unit")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            name = row.name if row.active else self.tr("{name} (left)").format(name=row.name)
            return [
                name,
                row.unit_name,
                role_name(row.role),
                row.maintained,
                row.dormant,
                row.prospects,
                row.lost,
                row.callbacks_month,
                self.warning_text(row),
            ][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.warning and column in (0, 3, 8):
            return QColor(WARNING_COLOURS[row.warning])
        if role == Qt.ItemDataRole.BackgroundRole and row.warning:
            return QColor(WARNING_BACKGROUNDS[row.warning])
        if role == Qt.ItemDataRole.FontRole and row.warning and column == 3:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.user_id
        return None

    def row_of(self, user_id: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.user_id == user_id), -1)


class WorkloadPanel(QWidget):
    """How many customers each employee of the user's unit maintains (客户人人管, 1:15)."""

    loaded = Signal()
    handed_over = Signal(object)  # the BulkResult

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
        self.db, self.user, self.org_unit, self.today = db, user, org_unit, today
        self.work: wl.Workload | None = None
        self.dialog: QWidget | None = None
        self._generation = 0  # a late answer to an older reload is dropped
        self.heading = QLabel()
        self.heading.setObjectName("workloadHeading")
        self.heading.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshWorkload")
        self.refresh_button.clicked.connect(self.reload)
        self.hand_over_button = QPushButton(self.tr("Hand over customers…"))
        self.hand_over_button.setObjectName("bulkHandOver")
        self.hand_over_button.setToolTip(
            self.tr("Give customers of the selected employee to colleagues of the same unit")
        )
        self.hand_over_button.setVisible(can_hand_over(user))
        self.hand_over_button.setEnabled(False)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.model = WorkloadModel(self)
        self.table = QTableView()
        self.table.setObjectName("workloadTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((120, 190, 110, 80, 80, 80, 80, 90)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.hand_over())
        self.summary = QLabel()
        self.summary.setObjectName("workloadSummary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.hand_over_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._shown_once = False  # the counts load when the page is first shown

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def _today(self) -> date:
        return self.today or local_today(now_ms())

    def reload(self) -> None:
        user_id, today = self.user.id, self._today()
        selected = self.selected_row()
        keep = selected.user_id if selected else None
        self._generation += 1
        generation = self._generation

        def work(ctx: OpContext) -> wl.Workload:
            return wl.workload(ctx.session, ctx.session.get_one(User, user_id), today)

        self.summary.setText(self.tr("Counting customers…"))

        def done(result: wl.Workload) -> None:
            if not isValid(self) or generation != self._generation:
                return  # a later reload is on its way
            self.work = result
            self.model.set_workload(result)
            self.heading.setText(
                self.tr(
                    "Customers each employee maintains (new, active, dormant): at least {min}, "
                    "at most {max}. Callbacks done in {month}."
                ).format(min=result.minimum, max=result.maximum, month=result.month)
            )
            self.summary.setText(self._summary_text(result))
            if keep and (row := self.model.row_of(keep)) >= 0:
                self.table.selectRow(row)
            self._selection_changed()
            self.loaded.emit()

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def _summary_text(self, work: wl.Workload) -> str:
        parts = [
            self.tr("{n} below the minimum").format(n=work.warnings.get(wl.UNDER, 0)),
            self.tr("{n} above the ceiling").format(n=work.warnings.get(wl.OVER, 0)),
            self.tr("{n} who left still have customers").format(n=work.warnings.get(wl.LEFT, 0)),
            self.tr("{n} customers without a maintainer").format(n=f"{work.unassigned:,}"),
        ]
        return " · ".join(parts)

    def selected_row(self) -> wl.WorkloadRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()]

    def _selection_changed(self, *_args: object) -> None:
        row = self.selected_row()
        self.hand_over_button.setEnabled(
            row is not None and row.in_scope and row.total > 0 and can_hand_over(self.user)
        )

    def select_employee(self, user_id: str) -> bool:
        row = self.model.row_of(user_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def hand_over(self) -> None:
        row = self.selected_row()
        if row is None or self.work is None or not self.hand_over_button.isEnabled():
            return
        from desktop_crm.views.callbacks.reassign_dialog import BulkReassignDialog

        colleagues = [
            r
            for r in self.work.rows
            if r.in_scope and r.active and r.unit_id == row.unit_id and r.user_id != row.user_id
        ]
        dialog = BulkReassignDialog(self.db, self.user, row, colleagues, self.work.maximum, self)
        dialog.handed_over.connect(self._handed_over)
        self.dialog = dialog
        dialog.open()

    def _handed_over(self, result: wl.BulkResult) -> None:
        self.reload()
        self.handed_over.emit(result)
