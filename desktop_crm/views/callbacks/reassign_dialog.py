"""Hand customers of one employee to colleagues of the same unit: all of them, the
surplus above the ceiling, or a selection; loads are evened out among the receivers
and each customer keeps its owner history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.localtime import local_date
from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks import workload as wl
from desktop_crm.services.customer_options import STATUSES
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.labels import option_label

Index = QModelIndex | QPersistentModelIndex


class PickModel(QAbstractTableModel):
    """The giver's customers with a check box each (a few hundred to a few thousand)."""

    checked_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[wl.CustomerPick] = []
        self.checked: set[str] = set()
        self.headers = [
            self.tr("Customer"),
            self.tr("Level"),
            self.tr("Status"),
            self.tr("Last visit"),
        ]

    def set_rows(self, rows: list[wl.CustomerPick]) -> None:
        self.beginResetModel()
        self.rows, self.checked = rows, set()
        self.endResetModel()
        self.checked_changed.emit(0)

    def set_all(self, on: bool) -> None:
        self.checked = {r.id for r in self.rows} if on else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))
        self.checked_changed.emit(len(self.checked))

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

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                row.name or self.tr("(plate only)"),
                row.level or "",
                option_label(STATUSES, row.status),
                local_date(row.last_visit_at) or "",
            ][index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if row.id in self.checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        customer_id = self.rows[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(customer_id)
        else:
            self.checked.discard(customer_id)
        self.dataChanged.emit(index, index)
        self.checked_changed.emit(len(self.checked))
        return True

    def chosen_ids(self) -> list[str]:
        return [r.id for r in self.rows if r.id in self.checked]


class BulkReassignDialog(QDialog):
    handed_over = Signal(object)  # the BulkResult

    def __init__(
        self,
        db: Database,
        user: User,
        giver: wl.WorkloadRow,
        colleagues: list[wl.WorkloadRow],
        maximum: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.giver = db, user, giver
        self.setWindowTitle(self.tr("Hand over customers of {name}").format(name=giver.name))
        self.surplus = max(giver.maintained - maximum, 0)
        intro = QLabel(
            self.tr(
                "{name} maintains {n} customers (plus {p} prospects and {l} lost ones). "
                "Each customer goes to the receiver who has the fewest at that moment."
            ).format(name=giver.name, n=giver.maintained, p=giver.prospects, l=giver.lost)
        )
        intro.setWordWrap(True)
        self.mode_all = QRadioButton(self.tr("All {n} customers").format(n=giver.total))
        self.mode_all.setObjectName("modeAll")
        self.mode_surplus = QRadioButton(
            self.tr("The {n} above the ceiling of {max}").format(n=self.surplus, max=maximum)
        )
        self.mode_surplus.setObjectName("modeSurplus")
        self.mode_surplus.setEnabled(self.surplus > 0)
        self.mode_chosen = QRadioButton(self.tr("The customers ticked below"))
        self.mode_chosen.setObjectName("modeChosen")
        self.modes = QButtonGroup(self)
        for button in (self.mode_all, self.mode_surplus, self.mode_chosen):
            self.modes.addButton(button)
        (self.mode_surplus if self.surplus else self.mode_all).setChecked(True)
        self.modes.buttonToggled.connect(lambda *_: self._update())

        self.picks = PickModel(self)
        self.pick_table = QTableView()
        self.pick_table.setObjectName("customerPicks")
        self.pick_table.setModel(self.picks)
        self.pick_table.verticalHeader().hide()
        self.pick_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.pick_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.pick_table.horizontalHeader().setStretchLastSection(True)
        self.pick_table.setMinimumHeight(180)
        self.picks.checked_changed.connect(lambda _n: self._update())
        self.tick_all = QPushButton(self.tr("Tick all"))
        self.tick_all.clicked.connect(lambda: self.picks.set_all(True))
        self.tick_none = QPushButton(self.tr("Tick none"))
        self.tick_none.clicked.connect(lambda: self.picks.set_all(False))
        ticks = QHBoxLayout()
        ticks.addWidget(self.tick_all)
        ticks.addWidget(self.tick_none)
        ticks.addStretch(1)

        self.receivers = QListWidget()
        self.receivers.setObjectName("receivers")
        self.receivers.setMaximumHeight(120)
        for person in colleagues:
            item = QListWidgetItem(
                self.tr("{name} (maintains {n})").format(name=person.name, n=person.maintained)
            )
            item.setData(Qt.ItemDataRole.UserRole, person.user_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.receivers.addItem(item)
        self.receivers.itemChanged.connect(lambda _item: self._update())
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. evening out the workload"))
        self.reason.textChanged.connect(lambda _text: self._update())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Hand over"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.hand_over)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("To"), self.receivers)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.mode_all, self.mode_surplus, self.mode_chosen):
            layout.addWidget(button)
        layout.addWidget(self.pick_table, 1)
        layout.addLayout(ticks)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 620)
        self._load_picks()
        self._update()

    # -- state --------------------------------------------------------------------------
    def receiver_ids(self) -> list[str]:
        items = [self.receivers.item(n) for n in range(self.receivers.count())]
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _count(self) -> int:
        if self.mode_all.isChecked():
            return self.giver.total
        if self.mode_surplus.isChecked():
            return self.surplus
        return len(self.picks.checked)

    def _update(self) -> None:
        chosen = self.mode_chosen.isChecked()
        for widget in (self.pick_table, self.tick_all, self.tick_none):
            widget.setEnabled(chosen)
        count = self._count()
        self.ok_button.setText(self.tr("Hand over {n}").format(n=count))
        self.ok_button.setEnabled(
            count > 0 and bool(self.receiver_ids()) and bool(self.reason.text().strip())
        )

    def _load_picks(self) -> None:
        user_id, giver_id = self.user.id, self.giver.user_id

        def work(ctx: OpContext) -> list[wl.CustomerPick]:
            return wl.customers_of(ctx.session, ctx.session.get_one(User, user_id), giver_id)

        def done(rows: list[wl.CustomerPick]) -> None:
            if isValid(self):
                self.picks.set_rows(rows)

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    # -- the hand-over -------------------------------------------------------------------
    def hand_over(self) -> None:
        user_id, giver_id = self.user.id, self.giver.user_id
        receivers, reason = self.receiver_ids(), self.reason.text().strip()
        mode = (
            wl.ALL
            if self.mode_all.isChecked()
            else wl.SURPLUS
            if self.mode_surplus.isChecked()
            else wl.CHOSEN
        )
        chosen = self.picks.chosen_ids()
        self.ok_button.setEnabled(False)
        self.message.clear()

        def work(ctx: OpContext) -> wl.BulkResult:
            actor = ctx.session.get_one(User, user_id)
            if mode == wl.ALL:
                ids = wl.all_ids(ctx.session, actor, giver_id)
            elif mode == wl.SURPLUS:
                ids = wl.surplus_ids(ctx.session, actor, giver_id)
            else:
                ids = chosen
            return wl.bulk_reassign(
                ctx.session, actor, giver_id, ids, receivers, reason, progress=ctx.progress
            )

        def failed(exc: Exception) -> None:
            if isValid(self):
                self.message.setText(error_text(exc))
                self._update()

        def done(result: wl.BulkResult) -> None:
            if not isValid(self):
                return
            self.handed_over.emit(result)
            self.accept()

        run_in_background(
            self,
            self.db,
            work,
            done,
            on_failure=failed,
            label=self.tr("Handing over customers…"),
        )
