"""The users page: create users, change role and org unit, reset passwords, deactivate."""

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
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from desktop_crm.models import OrgUnit, Role, User
from desktop_crm.models.db import Database
from desktop_crm.services import orgs, users
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.labels import role_name

Index = QModelIndex | QPersistentModelIndex


@dataclass
class UserRow:
    id: str
    login: str
    name: str
    badge_no: str
    role: str
    org_unit_id: str
    org_name: str
    active: bool


class UsersModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[UserRow] = []
        self.headers = [
            self.tr("User name"),
            self.tr("Name"),
            self.tr("Badge no."),
            self.tr("Role"),
            self.tr("Unit"),
            self.tr("Status"),
        ]

    def set_rows(self, rows: list[UserRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        status = self.tr("Active") if row.active else self.tr("Deactivated")
        return (row.login, row.name, row.badge_no, role_name(row.role), row.org_name, status)[
            index.column()
        ]


class UserDialog(QDialog):
    """New user (with password) or an existing user's name, badge, role and unit."""

    def __init__(self, parent: QWidget, units: list[OrgUnit], row: UserRow | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit user") if row else self.tr("New user"))
        self.login = QLineEdit(row.login if row else "")
        self.login.setObjectName("login")
        self.login.setReadOnly(row is not None)
        self.name = QLineEdit(row.name if row else "")
        self.name.setObjectName("name")
        self.badge = QLineEdit(row.badge_no if row else "")
        self.badge.setObjectName("badge")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_name(role), str(role))
        self.org = QComboBox()
        self.org.setObjectName("org")
        for unit in units:
            indent = "    " * (unit.path.count("/") - 2)
            self.org.addItem(f"{indent}{unit.name} [{unit.code}]", unit.id)
        if row:
            self.role.setCurrentIndex(self.role.findData(row.role))
            self.org.setCurrentIndex(self.org.findData(row.org_unit_id))
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Badge no."), self.badge)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Unit"), self.org)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        if row is None:
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Repeat password"), self.repeat)
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
        self.setMinimumWidth(400)


class PasswordDialog(QDialog):
    def __init__(self, parent: QWidget, login: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset password of {login}").format(login=login))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reset"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)


class UsersPage(QWidget):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Users"))
        self.model = UsersModel()
        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.new_button = QPushButton(self.tr("New user"))
        self.new_button.setObjectName("newUser")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("editUser")
        self.password_button = QPushButton(self.tr("Reset password"))
        self.password_button.setObjectName("resetPassword")
        self.toggle_button = QPushButton(self.tr("Deactivate / activate"))
        self.toggle_button.setObjectName("toggleUser")
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.reset_password)
        self.toggle_button.clicked.connect(self.toggle_user)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.password_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.dialog: QDialog | None = None
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        with self.db.session() as session:
            names = dict(session.execute(select(OrgUnit.id, OrgUnit.name)).tuples().all())
            rows = [
                UserRow(
                    u.id,
                    u.login,
                    u.name,
                    u.badge_no or "",
                    u.role,
                    u.org_unit_id,
                    names.get(u.org_unit_id, ""),
                    u.active,
                )
                for u in users.list_users(session)
            ]
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.id == select_id:
                self.table.selectRow(number)

    def selected(self) -> UserRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.rows[indexes[0].row()] if indexes else None

    def _units(self, keep_id: str | None = None) -> list[OrgUnit]:
        """Active units to choose from, plus the user's current one even if deactivated."""
        with self.db.session() as session:
            return [u for u in orgs.tree(session) if u.active or u.id == keep_id]

    def new_user(self) -> None:
        dialog = UserDialog(self, self._units(), None)
        dialog.buttons.accepted.connect(lambda: self._save_new(dialog))
        self.dialog = dialog
        dialog.open()

    def _save_new(self, dialog: UserDialog) -> None:
        if dialog.password.text() != dialog.repeat.text():
            dialog.message.setText(self.tr("The two passwords differ."))
            return
        login, name, badge = dialog.login.text(), dialog.name.text(), dialog.badge.text()
        role, org_id, password = (
            dialog.role.currentData(),
            dialog.org.currentData(),
            dialog.password.text(),
        )

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, self.user.id)
            org = ctx.session.get_one(OrgUnit, org_id)
            return users.create_user(ctx.session, actor, login, name, role, org, password, badge).id

        self._run(dialog, work)

    def edit_user(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = UserDialog(self, self._units(row.org_unit_id), row)
        dialog.buttons.accepted.connect(lambda: self._save_edit(dialog, row.id))
        self.dialog = dialog
        dialog.open()

    def _save_edit(self, dialog: UserDialog, user_id: str) -> None:
        name, badge = dialog.name.text(), dialog.badge.text()
        role, org_id = dialog.role.currentData(), dialog.org.currentData()

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, self.user.id)
            target = ctx.session.get_one(User, user_id)
            users.update_user(
                ctx.session,
                actor,
                target,
                name=name,
                role=role,
                org_unit=ctx.session.get_one(OrgUnit, org_id),
                badge_no=badge,
            )
            return user_id

        self._run(dialog, work)

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = PasswordDialog(self, row.login)
        dialog.buttons.accepted.connect(lambda: self._save_password(dialog, row.id))
        self.dialog = dialog
        dialog.open()

    def _save_password(self, dialog: PasswordDialog, user_id: str) -> None:
        if dialog.password.text() != dialog.repeat.text():
            dialog.message.setText(self.tr("The two passwords differ."))
            return
        password = dialog.password.text()

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, self.user.id)
            users.reset_password(ctx.session, actor, ctx.session.get_one(User, user_id), password)
            return user_id

        self._run(dialog, work)

    def toggle_user(self) -> None:
        row = self.selected()
        if row is None:
            return

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, self.user.id)
            target = ctx.session.get_one(User, row.id)
            users.set_active(ctx.session, actor, target, not target.active)
            return row.id

        run_in_background(self, self.db, work, self.reload)

    def _run(self, dialog: UserDialog | PasswordDialog, work: Callable[[OpContext], str]) -> None:
        dialog.buttons.setEnabled(False)

        def failed(exc: Exception) -> None:
            dialog.buttons.setEnabled(True)
            dialog.message.setText(error_text(exc))

        def done(user_id: str) -> None:
            dialog.accept()
            self.reload(user_id)

        run_in_background(self, self.db, work, done, on_failure=failed)
