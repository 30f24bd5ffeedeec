"""Enrol this desktop with the head office: its address and a one-time code.

The dialog trades the code for the desktop's token, then fetches the desktop's part of
the organisation (its org path, users and data) in a first sync, both off the GUI
thread. A stand-alone desktop joins with its data (see desktop_crm.sync.joining).
A wrong code, a head office that does not answer or an untrusted certificate is said
in the dialog in plain words; nothing is half-done (enrolling again is always possible).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models.db import Database
from desktop_crm.sync.client import Enrolment, SyncClient, SyncReport, enroll
from desktop_crm.views.background import error_text, run_detached


class EnrolDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, server_url: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.enrolment: Enrolment | None = None
        self.setWindowTitle(self.tr("Enrol with the head office"))
        intro = QLabel(
            self.tr(
                "Enter the head office's address and the one-time enrolment code you got "
                "from the company administrator. This desktop then receives its part of the "
                "organisation and sends its changes; it keeps working offline."
            )
        )
        intro.setWordWrap(True)
        self.server_edit = QLineEdit(server_url)
        self.server_edit.setObjectName("server")
        self.server_edit.setPlaceholderText("https://crm.example.com:8765")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        form = QFormLayout()
        form.addRow(self.tr("Head office address"), self.server_edit)
        form.addRow(self.tr("Enrolment code"), self.code_edit)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Enrol"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        if self.enrolment is not None:  # enrolled; the first sync failed: try it again
            self._first_sync()
            return
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not server or not code:
            self.show_message(self.tr("Enter the head office's address and the code."))
            (self.server_edit if not server else self.code_edit).setFocus()
            return
        self._busy(self.tr("Contacting the head office…"))
        db = self.db
        run_detached(lambda: enroll(db, server, code), self._enrolled, self._failed)

    def _enrolled(self, enrolment: Enrolment) -> None:
        self.enrolment = enrolment
        self.server_edit.setEnabled(False)
        self.code_edit.setEnabled(False)
        self._first_sync()

    def _first_sync(self) -> None:
        assert self.enrolment is not None
        unit = self.enrolment.unit
        self._busy(
            self.tr("Enrolled for {code} {name}. Fetching its data…").format(
                code=unit.code, name=unit.name
            )
        )
        db = self.db

        def work() -> SyncReport:
            with SyncClient(db) as client:
                return client.sync()

        run_detached(work, self._synced, self._sync_failed)

    def _synced(self, _report: SyncReport) -> None:
        self.accept()

    def _sync_failed(self, exc: Exception) -> None:
        self._idle()
        self.ok_button.setText(self.tr("Try again"))
        self.show_message(
            self.tr(
                "This desktop is enrolled, but its data could not be fetched yet: {reason}"
            ).format(reason=error_text(exc))
        )

    def _failed(self, exc: Exception) -> None:
        self._idle()
        self.show_message(error_text(exc))
        self.code_edit.setFocus()

    def _busy(self, text: str) -> None:
        self.message.hide()
        self.progress.setText(text)
        self.progress.show()
        self.ok_button.setEnabled(False)

    def _idle(self) -> None:
        self.progress.hide()
        self.ok_button.setEnabled(True)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
