"""The login dialog: user name and password, checked off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import AuthError
from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.auth import authenticate
from desktop_crm.views.background import OpContext, error_text, run_in_background


class LoginDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user: User | None = None
        self.setWindowTitle(self.tr("Log in"))
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        title = QLabel(self.tr("Customer service desktop"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 16pt; font-weight: bold; margin: 8px;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.login_edit.setFocus()

    def try_login(self) -> None:
        login, password = self.login_edit.text(), self.password_edit.text()
        if not login.strip():
            self.show_message(self.tr("Enter your user name."))
            return
        self.buttons.setEnabled(False)

        def work(ctx: OpContext) -> User | AuthError:
            # Failed attempts are counted, so the transaction commits either way.
            try:
                return authenticate(ctx.session, login, password)
            except AuthError as error:
                return error

        run_in_background(self, self.db, work, self._done, on_failure=self._failed)

    def _done(self, result: User | AuthError) -> None:
        self.buttons.setEnabled(True)
        if isinstance(result, AuthError):
            self.show_message(error_text(result))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.user = result
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.show_message(error_text(exc))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
