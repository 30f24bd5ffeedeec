"""Booking a time with the customer (预约) and moving a callback to another day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_zone
from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.queue import TaskRow
from desktop_crm.services.callbacks.recording import book, local_today, reschedule
from desktop_crm.services.customer_options import CHANNELS
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.callbacks.labels import channel_name
from desktop_crm.views.callbacks.record_dialog import pydate, qdate

DEFAULT_BOOKED_HOUR = 10


def local_ms(day: date, at: time) -> int:
    """UTC ms of a local wall-clock time in the office's zone."""
    return int(datetime.combine(day, at, tzinfo=local_zone()).timestamp() * 1000)


class _ScheduleDialog(QDialog):
    """A small form saved off the GUI thread; ``saved(task_id)`` once stored."""

    saved = Signal(str)

    def __init__(self, db: Database, user: User, task: TaskRow, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.db, self.user, self.task = db, user, task
        self.form = QFormLayout()
        self.heading = QLabel(task.customer)
        self.heading.setStyleSheet("font-weight: bold;")
        self.note = QLineEdit()
        self.note.setObjectName("scheduleNote")
        self.error = QLabel()
        self.error.setObjectName("scheduleError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            QCoreApplication.translate("ScheduleDialog", "Save")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ScheduleDialog", "Cancel")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _finish_form(self) -> None:
        self.form.addRow(QCoreApplication.translate("ScheduleDialog", "Note"), self.note)

    def work(self) -> Callable[[OpContext], object]:
        raise NotImplementedError

    def save(self) -> None:
        work, task_id = self.work(), self.task.id
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setEnabled(False)
        self.error.hide()

        def done(_result: object) -> None:
            if isValid(self):
                self.saved.emit(task_id)
                self.accept()

        def failed(exc: Exception) -> None:
            if isValid(self):
                save_button.setEnabled(True)
                self.error.setText(error_text(exc))
                self.error.show()

        run_in_background(self, self.db, work, done, on_failure=failed)


class BookDialog(_ScheduleDialog):
    """Record the time agreed with the customer; the task is then due that day."""

    def __init__(
        self,
        db: Database,
        user: User,
        task: TaskRow,
        parent: QWidget | None = None,
        clock: Callable[[], int] = now_ms,
        default_channel: str = "phone",
    ) -> None:
        super().__init__(db, user, task, parent)
        self.clock = clock
        self.setWindowTitle(self.tr("Book a time"))
        today = local_today(clock())
        due = date.fromisoformat(task.due_date)
        day = due if due > today else today + timedelta(days=1)
        self.when = QDateTimeEdit()
        self.when.setObjectName("appointment")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setMinimumDate(qdate(today))
        self.when.setDateTime(QDateTime(qdate(day), QTime(DEFAULT_BOOKED_HOUR, 0)))
        self.channel = QComboBox()
        self.channel.setObjectName("bookingChannel")
        for code in CHANNELS:
            self.channel.addItem(channel_name(code), code)
        self.channel.setCurrentIndex(max(self.channel.findData(default_channel), 0))
        hint = QLabel(self.tr("The time agreed with the customer for the call or visit."))
        hint.setWordWrap(True)
        self.layout().insertWidget(1, hint)
        self.form.addRow(self.tr("Booked time"), self.when)
        self.form.addRow(self.tr("Agreed by"), self.channel)
        self._finish_form()

    def appointment_ms(self) -> int:
        value = self.when.dateTime()
        clock = value.time()
        return local_ms(pydate(value.date()), time(clock.hour(), clock.minute()))

    def work(self) -> Callable[[OpContext], object]:
        task_id, user, now = self.task.id, self.user, self.clock()
        at, note, channel = self.appointment_ms(), self.note.text(), self.channel.currentData()

        def run(ctx: OpContext) -> object:
            actor = ctx.session.get_one(User, user.id)
            return book(ctx.session, actor, task_id, at, note, channel=channel, now=now).id

        return run


class RescheduleDialog(_ScheduleDialog):
    """Move the callback to another day (a booked time is given up)."""

    def __init__(
        self,
        db: Database,
        user: User,
        task: TaskRow,
        parent: QWidget | None = None,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        super().__init__(db, user, task, parent)
        self.clock = clock
        self.setWindowTitle(self.tr("Reschedule callback"))
        today = local_today(clock())
        self.day = QDateEdit()
        self.day.setObjectName("dueDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumDate(qdate(today))
        self.day.setDate(qdate(today + timedelta(days=1)))
        self.form.addRow(self.tr("New due date"), self.day)
        self._finish_form()

    def set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def work(self) -> Callable[[OpContext], object]:
        task_id, user, now = self.task.id, self.user, self.clock()
        day, note = pydate(self.day.date()), self.note.text()

        def run(ctx: OpContext) -> object:
            actor = ctx.session.get_one(User, user.id)
            return reschedule(ctx.session, actor, task_id, day, note, now=now).id

        return run
