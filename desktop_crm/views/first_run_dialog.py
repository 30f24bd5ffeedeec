"""First run: with no users yet, create the company, an area, a station and the administrator."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import ValidationError
from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.setup import FirstRun, first_run
from desktop_crm.views.background import OpContext, error_text, run_in_background


class FirstRunDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.admin: User | None = None
        self.joined = False  # enrolled with a head office instead of creating a company
        self.setWindowTitle(self.tr("First run: set up the customer service system"))
        self.fields: dict[str, QLineEdit] = {}
        intro = QLabel(
            self.tr(
                "This database has no users yet. Create your company, its first area and "
                "station, and the administrator's account."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        org = QGroupBox(self.tr("Organisation"))
        org_form = QFormLayout(org)
        for key, label, default in (
            ("company_code", self.tr("Company code"), "GS"),
            ("company_name", self.tr("Company name"), ""),
            ("area_code", self.tr("Area code"), "GS01"),
            ("area_name", self.tr("Area name"), ""),
            ("station_code", self.tr("Station code"), "GS0101"),
            ("station_name", self.tr("Station name"), ""),
        ):
            org_form.addRow(label, self._field(key, default))
        admin = QGroupBox(self.tr("Administrator"))
        admin_form = QFormLayout(admin)
        admin_form.addRow(self.tr("User name"), self._field("admin_login", "admin"))
        admin_form.addRow(self.tr("Name"), self._field("admin_name", ""))
        admin_form.addRow(self.tr("Password"), self._field("admin_password", "", secret=True))
        admin_form.addRow(self.tr("Repeat password"), self._field("repeat", "", secret=True))
        layout.addWidget(org)
        layout.addWidget(admin)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.join_button = self.buttons.addButton(
            self.tr("Join a head office…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.join_button.setObjectName("joinHeadOffice")
        self.join_button.setToolTip(
            self.tr(
                "Your company already runs a head office: enrol this desktop with the code "
                "from the company administrator and receive your unit, its people and data."
            )
        )
        self.join_button.clicked.connect(self.join)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _field(self, key: str, default: str, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(default)
        edit.setObjectName(key)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields[key] = edit
        return edit

    def join(self) -> None:
        from desktop_crm.views.sync.enrol_dialog import EnrolDialog

        dialog = EnrolDialog(self.db, self)
        dialog.accepted.connect(self._joined)
        dialog.open()
        self.enrol_dialog = dialog

    def _joined(self) -> None:
        self.joined = True
        self.accept()

    def create(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        values["admin_password"] = self.fields["admin_password"].text()
        values["repeat"] = self.fields["repeat"].text()
        if values["admin_password"] != values.pop("repeat"):
            self.show_message(self.tr("The two passwords differ."))
            return
        for key in ("company_name", "area_name", "station_name", "admin_name"):
            if not values[key]:
                self.show_message(self.tr("Fill in every field."))
                self.fields[key].setFocus()
                return
        data = FirstRun(**values)
        self.buttons.setEnabled(False)

        def work(ctx: OpContext) -> User:
            return first_run(ctx.session, data)

        run_in_background(self, self.db, work, self._done, on_failure=self._failed)

    def _done(self, admin: User) -> None:
        self.admin = admin
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field:
            target = {"code": None, "login": "admin_login", "password": "admin_password"}.get(
                exc.field
            )
            if target in self.fields:
                self.fields[target].setFocus()
        self.show_message(error_text(exc))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
