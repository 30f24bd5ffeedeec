"""The complaint deadlines page: SLA policies by category and severity, the warning share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints import options
from desktop_crm.services.complaints.policy_admin import (
    MAX_ACCEPT_MINUTES,
    MAX_CLOSE_DAYS,
    MAX_REPLY_HOURS,
    PolicyValues,
    delete_policy,
    list_policies,
    save_policy,
)
from desktop_crm.services.settings import get_setting, put_setting
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.complaints.labels import choice_label
from desktop_crm.views.settings.dialog import PageSpec

Index = QModelIndex | QPersistentModelIndex
WARN_KEY = "complaints.warn_share"


@dataclass
class PolicyRow:
    id: str
    values: PolicyValues


class PolicyModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PolicyRow] = []
        self.headers = [
            self.tr("Category"),
            self.tr("Severity"),
            self.tr("Accept within (minutes)"),
            self.tr("First reply within (hours)"),
            self.tr("Close within (working days)"),
        ]

    def set_rows(self, rows: list[PolicyRow]) -> None:
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
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        v = self.rows[index.row()].values
        return (
            choice_label(v.category) if v.category else self.tr("Any category"),
            choice_label(v.severity),
            str(v.accept_minutes),
            str(v.reply_hours),
            str(v.close_working_days),
        )[index.column()]


class PolicyDialog(QDialog):
    """One policy: which complaints it covers and its three time limits."""

    def __init__(
        self, parent: QWidget, categories: list[tuple[str, str]], row: PolicyRow | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit deadline policy") if row else self.tr("New policy"))
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.addItem(self.tr("Any category"), None)
        for value, _label in categories:
            self.category.addItem(choice_label(value), value)
        self.severity = QComboBox()
        self.severity.setObjectName("severity")
        for value, _label in options.severities():
            self.severity.addItem(choice_label(value), value)
        self.accept_minutes = self._spin("acceptMinutes", MAX_ACCEPT_MINUTES, 60)
        self.reply = self._spin("replyHours", MAX_REPLY_HOURS, 24)
        self.close_days = self._spin("closeDays", MAX_CLOSE_DAYS, 5)
        if row is not None:
            v = row.values
            if v.category and self.category.findData(v.category) < 0:
                self.category.addItem(choice_label(v.category), v.category)
            self.category.setCurrentIndex(max(self.category.findData(v.category), 0))
            self.severity.setCurrentIndex(max(self.severity.findData(v.severity), 0))
            self.accept_minutes.setValue(v.accept_minutes)
            self.reply.setValue(v.reply_hours)
            self.close_days.setValue(v.close_working_days)
        form = QFormLayout(self)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Accept within (minutes)"), self.accept_minutes)
        form.addRow(self.tr("First reply within (hours)"), self.reply)
        form.addRow(self.tr("Close within (working days)"), self.close_days)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)

    @staticmethod
    def _spin(name: str, maximum: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(1, maximum)
        spin.setValue(value)
        return spin

    def values(self) -> PolicyValues:
        return PolicyValues(
            category=self.category.currentData(),
            severity=self.severity.currentData(),
            accept_minutes=self.accept_minutes.value(),
            reply_hours=self.reply.value(),
            close_working_days=self.close_days.value(),
        )


class SlaPage(QWidget):
    """投诉时限: the time limits a complaint is held to, and when its owner is warned."""

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Complaint deadlines"))
        intro = QLabel(
            self.tr(
                "The most specific policy applies: one for the complaint's category and "
                "severity, else the one for its severity in any category. Closure counts "
                "working days of the working calendar. A change applies to complaints "
                "received from now on."
            )
        )
        intro.setWordWrap(True)
        self.model = PolicyModel()
        self.table = QTableView()
        self.table.setObjectName("policyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.edit_policy())
        self.new_button = QPushButton(self.tr("New policy"))
        self.new_button.setObjectName("newPolicy")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("editPolicy")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deletePolicy")
        self.new_button.clicked.connect(self.new_policy)
        self.edit_button.clicked.connect(self.edit_policy)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.warn = QSpinBox()
        self.warn.setObjectName("warnShare")
        self.warn.setRange(10, 99)
        self.warn.setSuffix(" %")
        self.warn_button = QPushButton(self.tr("Apply"))
        self.warn_button.setObjectName("applyWarnShare")
        self.warn_button.clicked.connect(self.save_warn_share)
        warn_row = QHBoxLayout()
        warn_row.addWidget(QLabel(self.tr("Warn the owner when this share of the time is used:")))
        warn_row.addWidget(self.warn)
        warn_row.addWidget(self.warn_button)
        warn_row.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(warn_row)
        layout.addWidget(self.message)
        self.dialog: QDialog | None = None
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        with self.db.session() as session:
            rows = [
                PolicyRow(
                    p.id,
                    PolicyValues(
                        p.category,
                        p.severity,
                        p.accept_minutes,
                        p.reply_hours,
                        p.close_working_days,
                    ),
                )
                for p in list_policies(session)
            ]
            share = get_setting(session, WARN_KEY)
            self.categories = options.categories(session)
        rank = {value: n for n, (value, _label) in enumerate(options.severities())}
        rows.sort(key=lambda r: (r.values.category is not None, r.values.category or "",
                                 rank.get(r.values.severity, 99)))  # fmt: skip
        self.model.set_rows(rows)
        self.warn.setValue(round(float(share if share is not None else 0.75) * 100))
        for number, row in enumerate(rows):
            if row.id == select_id:
                self.table.selectRow(number)

    def selected(self) -> PolicyRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.rows[indexes[0].row()] if indexes else None

    def new_policy(self) -> None:
        self._open(None)

    def edit_policy(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(row)

    def _open(self, row: PolicyRow | None) -> None:
        dialog = PolicyDialog(self, self.categories, row)
        dialog.buttons.accepted.connect(lambda: self._save(dialog, row.id if row else None))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: PolicyDialog, policy_id: str | None) -> None:
        values, actor_id = dialog.values(), self.user.id

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, actor_id)
            return save_policy(ctx.session, actor, policy_id, values).id

        self._run(dialog, work)

    def _run(self, dialog: PolicyDialog, work: Callable[[OpContext], str]) -> None:
        dialog.buttons.setEnabled(False)

        def failed(exc: Exception) -> None:
            dialog.buttons.setEnabled(True)
            dialog.message.setText(error_text(exc))

        def done(policy_id: str) -> None:
            dialog.accept()
            self.reload(policy_id)
            self.message.setText(self.tr("Saved."))

        run_in_background(dialog, self.db, work, done, on_failure=failed)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        actor_id = self.user.id

        def work(ctx: OpContext) -> None:
            delete_policy(ctx.session, ctx.session.get_one(User, actor_id), row.id)

        def done(_result: None) -> None:
            self.reload()
            self.message.setText(self.tr("Policy deleted."))

        run_in_background(self, self.db, work, done)

    def save_warn_share(self) -> None:
        share, actor_id = self.warn.value() / 100, self.user.id

        def work(ctx: OpContext) -> None:
            put_setting(ctx.session, ctx.session.get_one(User, actor_id), WARN_KEY, share)

        def done(_result: None) -> None:
            self.message.setText(
                self.tr("Owners are warned at {share} % of the time.").format(
                    share=self.warn.value()
                )
            )

        def failed(exc: Exception) -> None:
            self.message.setText(error_text(exc))

        run_in_background(self, self.db, work, done, on_failure=failed)


def complaint_pages() -> list[PageSpec]:
    """The complaint pages of 基础设置, all for company administrators."""
    from desktop_crm.views.settings.complaint_lists_page import ComplaintListsPage
    from desktop_crm.views.settings.holidays_page import HolidaysPage

    return [PageSpec(SlaPage), PageSpec(HolidaysPage), PageSpec(ComplaintListsPage)]
