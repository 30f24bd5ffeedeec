"""The 日清日结 settings page: when the working day ends, for the end-of-day reminder."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QTimeEdit, QWidget
from shiboken6 import isValid

from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.day_close import day_close_time, set_day_close_time
from desktop_crm.views.background import OpContext, error_text, run_in_background


class DayClosePage(QWidget):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("End of day (日清日结)"))
        intro = QLabel(
            self.tr(
                "Each day's callbacks are recorded the same day. When the working day ends, "
                "and when the program is closed, everyone sees the callbacks due today that "
                "have no record yet."
            )
        )
        intro.setWordWrap(True)
        self.time = QTimeEdit()
        self.time.setObjectName("dayCloseTime")
        self.time.setDisplayFormat("HH:mm")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveDayClose")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("dayCloseMessage")
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("The working day ends at"), self.time)
        form.addRow(self.save_button)
        form.addRow(self.message)
        with db.session() as session:
            current = day_close_time(session)
        self.time.setTime(QTime(current.hour, current.minute))

    def save(self) -> None:
        value, user_id = self.time.time(), self.user.id
        chosen = time(value.hour(), value.minute())

        def work(ctx: OpContext) -> None:
            set_day_close_time(ctx.session, ctx.session.get_one(User, user_id), chosen)

        def done(_result: None) -> None:
            if isValid(self):
                self.message.setStyleSheet("color: #1b5e20;")
                self.message.setText(self.tr("Saved."))

        def failed(exc: Exception) -> None:
            if isValid(self):
                self.message.setStyleSheet("color: #b00020;")
                self.message.setText(error_text(exc))

        run_in_background(self, self.db, work, done, on_failure=failed)
