"""The callback record form (回访记录表): channel, reached or not, what the customer said."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.ids import now_ms
from desktop_crm.models import User
from desktop_crm.models.callbacks import TaskReason
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.briefing import Briefing
from desktop_crm.services.callbacks.recording import (
    ANOMALIES,
    CallbackRecord,
    local_today,
    record_callback,
)
from desktop_crm.services.customer_options import CHANNELS
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.callbacks.labels import channel_name, reason_name

SATISFACTION = [
    (5, QT_TRANSLATE_NOOP("RecordDialog", "5 – very satisfied")),
    (4, QT_TRANSLATE_NOOP("RecordDialog", "4 – satisfied")),
    (3, QT_TRANSLATE_NOOP("RecordDialog", "3 – neutral")),
    (2, QT_TRANSLATE_NOOP("RecordDialog", "2 – dissatisfied")),
    (1, QT_TRANSLATE_NOOP("RecordDialog", "1 – very dissatisfied")),
]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class RecordDialog(QDialog):
    """Fill in the record of one call; saving runs off the GUI thread.

    ``recorded(task_id, wants_complaint)`` is emitted once the record is stored.
    """

    recorded = Signal(str, bool)

    def __init__(
        self,
        db: Database,
        user: User,
        brief: Briefing,
        parent: QWidget | None = None,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.brief, self.clock = db, user, brief, clock
        task, customer = brief.task, brief.customer
        self.setWindowTitle(self.tr("Callback record"))
        self.setMinimumWidth(560)
        who = customer.name or (brief.plates[0] if brief.plates else "")
        heading = QLabel(
            self.tr("{customer}: {reason}").format(customer=who, reason=reason_name(task.reason))
        )
        heading.setObjectName("recordHeading")
        heading.setStyleSheet("font-weight: bold;")

        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for code in CHANNELS:
            self.channel.addItem(channel_name(code), code)
        self.channel.setCurrentIndex(max(self.channel.findData(brief.default_channel), 0))

        self.reached = QRadioButton(self.tr("Reached"))
        self.reached.setObjectName("reached")
        self.not_reached = QRadioButton(self.tr("Not reached"))
        self.not_reached.setObjectName("notReached")
        group = QButtonGroup(self)
        group.addButton(self.reached)
        group.addButton(self.not_reached)
        self.reached.setChecked(True)
        reached_row = QHBoxLayout()
        reached_row.addWidget(self.reached)
        reached_row.addWidget(self.not_reached)
        reached_row.addStretch(1)

        self.satisfaction = QComboBox()
        self.satisfaction.setObjectName("satisfaction")
        self.satisfaction.addItem(self.tr("Not asked"), None)
        for score, text in SATISFACTION:
            self.satisfaction.addItem(self.tr(text), score)

        def text_box(name: str, placeholder: str = "") -> QPlainTextEdit:
            box = QPlainTextEdit()
            box.setObjectName(name)
            box.setTabChangesFocus(True)
            box.setFixedHeight(56)
            box.setPlaceholderText(placeholder)
            return box

        verbatim = self.tr("The customer's own words")
        self.needs = text_box("needs")
        self.problems = text_box("problems", verbatim)
        self.suggestions = text_box("suggestions", verbatim)
        self.cause = text_box("cause")
        self.measure = text_box("measure")
        self.note = text_box("note")
        self.exit_reason = QComboBox()
        self.exit_reason.setObjectName("exitReason")
        self.exit_reason.addItem(self.tr("Choose…"), None)
        for code, label in brief.exit_reasons:
            self.exit_reason.addItem(QCoreApplication.translate("callbacks", label), code)
        self.next_try = QDateEdit()
        self.next_try.setObjectName("nextTry")
        self.next_try.setCalendarPopup(True)
        self.next_try.setDisplayFormat("yyyy-MM-dd")
        today = local_today(clock())
        self.next_try.setMinimumDate(qdate(today))
        self.next_try.setDate(qdate(today + timedelta(days=1)))
        tries_left = brief.max_attempts - (task.attempts or 0) - 1
        self.tries_note = QLabel(
            self.tr("This is the last try: the callback will be marked unreachable.")
            if tries_left <= 0
            else self.tr("{n} more tries before the callback is marked unreachable.").format(
                n=tries_left
            )
        )
        self.tries_note.setObjectName("triesNote")
        self.tries_note.setWordWrap(True)
        self.to_complaint = QCheckBox(
            self.tr("The customer raised a complaint: open the complaint form after saving")
        )
        self.to_complaint.setObjectName("toComplaint")
        self.to_complaint.setVisible(
            task.reason != TaskReason.COMPLAINT and task.complaint_id is None
        )

        self.form = QFormLayout()
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Result"), reached_row)
        self.form.addRow(self.tr("Satisfaction"), self.satisfaction)
        self.form.addRow(self.tr("Needs"), self.needs)
        self.form.addRow(self.tr("Problems"), self.problems)
        self.form.addRow(self.tr("Suggestions"), self.suggestions)
        self.form.addRow(self.tr("Cause"), self.cause)
        self.form.addRow(self.tr("Measure"), self.measure)
        self.form.addRow(self.tr("Exit reason"), self.exit_reason)
        self.form.addRow(self.tr("Next try"), self.next_try)
        self.form.addRow("", self.tries_note)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow("", self.to_complaint)

        self.error = QLabel()
        self.error.setObjectName("recordError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if task.purpose:
            purpose = QLabel(task.purpose)
            purpose.setWordWrap(True)
            layout.addWidget(purpose)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reached.toggled.connect(self._update_fields)
        self._update_fields()

    def _update_fields(self) -> None:
        reached = self.reached.isChecked()
        reason = self.brief.task.reason
        visible = {
            self.satisfaction: reached,
            self.needs: reached,
            self.problems: reached,
            self.suggestions: reached,
            self.cause: reached and reason in ANOMALIES,
            self.measure: reached and reason in ANOMALIES,
            self.exit_reason: reached and reason == TaskReason.EXIT_SURVEY,
            self.next_try: not reached and self._tries_left() > 0,
            self.tries_note: not reached,
            self.to_complaint: reached
            and reason != TaskReason.COMPLAINT
            and self.brief.task.complaint_id is None,
        }
        for widget, shown in visible.items():
            self.form.setRowVisible(widget, shown)
        self.adjustSize()

    def _tries_left(self) -> int:
        return self.brief.max_attempts - (self.brief.task.attempts or 0) - 1

    def record(self) -> CallbackRecord:
        """What the form holds now."""
        reached = self.reached.isChecked()

        def text(box: QPlainTextEdit) -> str | None:
            return box.toPlainText() if reached and box.isVisibleTo(self) else None

        return CallbackRecord(
            channel=self.channel.currentData(),
            reached=reached,
            satisfaction=self.satisfaction.currentData() if reached else None,
            needs=text(self.needs),
            problems=text(self.problems),
            suggestions=text(self.suggestions),
            cause=text(self.cause),
            measure=text(self.measure),
            note=self.note.toPlainText(),
            exit_reason=self.exit_reason.currentData() if reached else None,
            next_due_date=None if reached else pydate(self.next_try.date()),
        )

    def save(self) -> None:
        record = self.record()
        wants_complaint = record.reached and self.to_complaint.isChecked()
        task_id, user, now = self.brief.task.id, self.user, self.clock()
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setEnabled(False)
        self.error.hide()

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, user.id)
            return record_callback(ctx.session, actor, task_id, record, now=now).status

        def done(_status: str) -> None:
            if not isValid(self):
                return
            self.recorded.emit(task_id, wants_complaint)
            self.accept()

        def failed(exc: Exception) -> None:
            if not isValid(self):
                return
            from desktop_crm.views.background import error_text

            save_button.setEnabled(True)
            self.error.setText(error_text(exc))
            self.error.show()

        run_in_background(self, self.db, work, done, on_failure=failed)
