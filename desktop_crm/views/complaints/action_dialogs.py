"""The dialogs of the actions on a complaint: a step with its note and responsible
person, a reason (pause, escalate, reopen), the callback of an anonymous complainant,
a suggestion's flags, and the closing checklist.

Each dialog runs its action in the background, timed by ``clock()`` when saved; a
refusal (a move the workflow does not allow, a missing reason, a role that may not)
stays in the dialog as a message, and ``done`` is emitted with the complaint's id once
the action went through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.models import Complaint, ComplaintStatus, User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints import options
from desktop_crm.services.complaints.closure import ClosureInfo
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.complaints.labels import choice_label

# work(ctx, actor) -> None: the action, inside the background transaction
Work = Callable[[OpContext, User], object]


class _ActionDialog(QDialog):
    """Runs ``work`` on Save; shows a refusal in the dialog, closes on success."""

    done = Signal(str)

    def __init__(
        self, db: Database, user: User, complaint_id: str, title: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.complaint_id = db, user, complaint_id
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def work(self) -> Work:
        raise NotImplementedError

    def save(self) -> None:
        work, actor_id, complaint_id = self.work(), self.user.id, self.complaint_id
        self.buttons.setEnabled(False)
        self.message.setText("")

        def run(ctx: OpContext) -> str:
            work(ctx, ctx.session.get_one(User, actor_id))
            return complaint_id

        def finished(result: str) -> None:
            if isValid(self):
                self.done.emit(result)
                self.accept()

        def failed(exc: Exception) -> None:
            if isValid(self):
                self.buttons.setEnabled(True)
                self.message.setText(error_text(exc))

        run_in_background(self, self.db, run, finished, on_failure=failed)


def _note_edit(placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName("note")
    edit.setPlaceholderText(placeholder)
    edit.setMaximumHeight(90)
    return edit


@dataclass
class Person:
    id: str
    name: str


class StepDialog(_ActionDialog):
    """A move of the workflow: the note of the step and who is responsible for the next."""

    def __init__(
        self,
        db: Database,
        user: User,
        complaint: Complaint,
        to_status: str,
        title: str,
        people: list[Person],
        clock: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, user, complaint.id, title, parent)
        self.to_status, self.clock = to_status, clock
        self.form.addRow(
            QLabel(
                self.tr("{old} → {new}").format(
                    old=choice_label(complaint.status), new=choice_label(to_status)
                )
            )
        )
        self.responsible = QComboBox()
        self.responsible.setObjectName("responsible")
        for person in people:
            self.responsible.addItem(person.name, person.id)
        self.responsible.setCurrentIndex(max(self.responsible.findData(user.id), 0))
        if to_status != ComplaintStatus.ARCHIVED:
            self.form.addRow(self.tr("Responsible"), self.responsible)
        self.note = _note_edit(self.tr("What was done, what comes next"))
        self.form.addRow(self.tr("Note"), self.note)

    def work(self) -> Work:
        from desktop_crm.services.complaints import workflow

        complaint_id, to_status, now = self.complaint_id, self.to_status, self.clock()
        note, responsible = self.note.toPlainText(), self.responsible.currentData()
        return lambda ctx, actor: workflow.advance(
            ctx.session, actor, complaint_id, to_status, note, responsible, now=now
        )


class ReasonDialog(_ActionDialog):
    """An action that needs a reason or a note: reopen, pause, resume, escalate, reply."""

    def __init__(
        self,
        db: Database,
        user: User,
        complaint_id: str,
        action: str,
        title: str,
        clock: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, user, complaint_id, title, parent)
        self.action, self.clock = action, clock
        prompts = {
            "reopen": self.tr("Why is the complaint reopened?"),
            "pause": self.tr("What are you waiting for from the customer?"),
            "resume": self.tr("What the customer answered (optional)"),
            "escalate": self.tr("Why should the level above handle it?"),
            "reply": self.tr("What was the customer told?"),
        }
        labels = {
            "reopen": self.tr("Reason"),
            "pause": self.tr("Waiting for"),
            "resume": self.tr("Note"),
            "escalate": self.tr("Reason"),
            "reply": self.tr("Reply"),
        }
        self.note = _note_edit(prompts.get(action, ""))
        self.form.addRow(labels.get(action, self.tr("Note")), self.note)

    def work(self) -> Work:
        from desktop_crm.services.complaints import workflow

        complaint_id, now, text = self.complaint_id, self.clock(), self.note.toPlainText()
        function = {
            "reopen": workflow.reopen,
            "pause": workflow.pause,
            "resume": workflow.resume,
            "escalate": workflow.escalate,
            "reply": workflow.reply,
        }[self.action]
        return lambda ctx, actor: function(ctx.session, actor, complaint_id, text, now=now)


def _satisfaction_combo(value: int | None, none_text: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("satisfaction")
    combo.addItem(none_text, None)
    for score in range(5, 0, -1):
        combo.addItem("★" * score + "☆" * (5 - score) + f"  {score}", score)
    combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
    return combo


class CallbackDoneDialog(_ActionDialog):
    """The call back of a complainant without a customer file (no task in the queue)."""

    def __init__(
        self,
        db: Database,
        user: User,
        complaint_id: str,
        title: str,
        clock: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, user, complaint_id, title, parent)
        self.clock = clock
        self.satisfaction = _satisfaction_combo(None, self.tr("Not given"))
        self.note = _note_edit(self.tr("What the customer said about the handling"))
        self.form.addRow(self.tr("Satisfaction"), self.satisfaction)
        self.form.addRow(self.tr("Note"), self.note)

    def work(self) -> Work:
        from desktop_crm.services.complaints import workflow

        complaint_id, now = self.complaint_id, self.clock()
        score, note = self.satisfaction.currentData(), self.note.toPlainText()
        return lambda ctx, actor: workflow.callback_done(
            ctx.session, actor, complaint_id, score, note, now=now
        )


class FlagsDialog(_ActionDialog):
    """A suggestion's outcome: adopted, and rewarded for it."""

    def __init__(
        self,
        db: Database,
        user: User,
        complaint: Complaint,
        title: str,
        clock: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, user, complaint.id, title, parent)
        self.clock = clock
        self.adopted = QCheckBox(self.tr("Adopted"))
        self.adopted.setObjectName("adopted")
        self.adopted.setChecked(complaint.adopted)
        self.rewarded = QCheckBox(self.tr("Rewarded"))
        self.rewarded.setObjectName("rewarded")
        self.rewarded.setChecked(complaint.rewarded)
        self.form.addRow(self.adopted)
        self.form.addRow(self.rewarded)

    def work(self) -> Work:
        from desktop_crm.services.complaints import intake

        complaint_id, now = self.complaint_id, self.clock()
        adopted, rewarded = self.adopted.isChecked(), self.rewarded.isChecked()
        return lambda ctx, actor: intake.set_suggestion_flags(
            ctx.session, actor, complaint_id, adopted, rewarded, now=now
        )


class ClosureDialog(_ActionDialog):
    """The closing checklist (四不放过): cause, responsibility, corrective action, staff
    informed, up to five root causes, the customer's satisfaction."""

    def __init__(
        self,
        db: Database,
        user: User,
        complaint: Complaint,
        chosen_causes: list[str],
        cause_list: list[tuple[str, str]],
        title: str,
        clock: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, user, complaint.id, title, parent)
        self.clock = clock
        self.setMinimumWidth(560)
        self.cause = QLineEdit(complaint.cause or "")
        self.cause.setObjectName("cause")
        self.cause.setPlaceholderText(self.tr("What caused it, as found when verifying"))
        self.responsibility = QLineEdit(complaint.responsibility or "")
        self.responsibility.setObjectName("responsibility")
        self.responsibility.setPlaceholderText(self.tr("Who is responsible (person or post)"))
        self.corrective_action = QPlainTextEdit(complaint.corrective_action or "")
        self.corrective_action.setObjectName("correctiveAction")
        self.corrective_action.setPlaceholderText(self.tr("What was changed so it does not recur"))
        self.corrective_action.setMaximumHeight(80)
        self.staff_informed = QCheckBox(self.tr("The staff concerned were informed"))
        self.staff_informed.setObjectName("staffInformed")
        self.staff_informed.setChecked(complaint.staff_informed)
        self.causes_box = QGroupBox(
            self.tr("Root causes (at most {n})").format(n=options.MAX_ROOT_CAUSES)
        )
        self.causes_box.setObjectName("rootCauses")
        grid = QGridLayout(self.causes_box)
        self.cause_boxes: list[QCheckBox] = []
        values = [value for value, _label in cause_list]
        values += [c for c in chosen_causes if c not in values]  # kept though since removed
        for n, value in enumerate(values):
            box = QCheckBox(choice_label(value))
            box.setObjectName(f"rootCause{n}")
            box.setProperty("value", value)
            box.setChecked(value in chosen_causes)
            box.toggled.connect(self._limit_causes)
            self.cause_boxes.append(box)
            grid.addWidget(box, n // 2, n % 2)
        self._limit_causes()
        self.satisfaction = _satisfaction_combo(complaint.satisfaction, self.tr("Not asked yet"))
        self.form.addRow(self.tr("Cause"), self.cause)
        self.form.addRow(self.tr("Responsibility"), self.responsibility)
        self.form.addRow(self.tr("Corrective action"), self.corrective_action)
        self.form.addRow(self.staff_informed)
        self.form.addRow(self.causes_box)
        self.form.addRow(self.tr("Customer satisfaction"), self.satisfaction)

    def _limit_causes(self) -> None:
        full = len(self.chosen_causes()) >= options.MAX_ROOT_CAUSES
        for box in self.cause_boxes:
            box.setEnabled(box.isChecked() or not full)

    def chosen_causes(self) -> list[str]:
        return [str(box.property("value")) for box in self.cause_boxes if box.isChecked()]

    def info(self) -> ClosureInfo:
        return ClosureInfo(
            cause=self.cause.text(),
            responsibility=self.responsibility.text(),
            corrective_action=self.corrective_action.toPlainText(),
            staff_informed=self.staff_informed.isChecked(),
            root_causes=self.chosen_causes(),
            satisfaction=self.satisfaction.currentData(),
        )

    def work(self) -> Work:
        from desktop_crm.services.complaints import workflow

        complaint_id, info, now = self.complaint_id, self.info(), self.clock()
        return lambda ctx, actor: workflow.save_closure(
            ctx.session, actor, complaint_id, info, now=now
        )
