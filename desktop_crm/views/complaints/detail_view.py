"""One complaint: its record, deadlines, closing checklist, the step log as a timeline,
and a button for each action the user's role allows now."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.localtime import local_minute
from desktop_crm.models import ComplaintStatus, User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints import closure, options, steps, workflow
from desktop_crm.services.complaints.detail import ComplaintDetail, StepEntry, complaint_detail
from desktop_crm.services.customer_access import assignable_users
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.complaints.action_dialogs import (
    CallbackDoneDialog,
    ClosureDialog,
    FlagsDialog,
    Person,
    ReasonDialog,
    StepDialog,
)
from desktop_crm.views.complaints.labels import choice_label, remaining_text
from desktop_crm.views.complaints.table_model import STATE_COLOURS

STATUS_ORDER = [s.value for s in ComplaintStatus]
ACTIONS_PER_ROW = 4
# The fields a "closure" step names (its note), as this view labels them.
CLOSURE_FIELDS = {
    "cause": QT_TRANSLATE_NOOP("ComplaintDetailView", "Cause"),
    "responsibility": QT_TRANSLATE_NOOP("ComplaintDetailView", "Responsibility"),
    "corrective_action": QT_TRANSLATE_NOOP("ComplaintDetailView", "Corrective action"),
    "staff_informed": QT_TRANSLATE_NOOP("ComplaintDetailView", "Staff informed"),
    "root_causes": QT_TRANSLATE_NOOP("ComplaintDetailView", "Root causes"),
    "satisfaction": QT_TRANSLATE_NOOP("ComplaintDetailView", "Satisfaction"),
}


def _tc(text: str) -> str:
    """A label of the service layer (context "complaints") in the UI language."""
    return QCoreApplication.translate(options.CONTEXT, text)


class ComplaintDetailView(QWidget):
    """Shows the selected complaint; loads off the GUI thread; ``changed`` after an action."""

    changed = Signal(str)
    loaded = Signal(str)

    def __init__(
        self,
        db: Database,
        user: User,
        clock: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.clock = db, user, clock
        self.complaint_id: str | None = None
        self.detail: ComplaintDetail | None = None
        self.people: list[Person] = []
        self.dialog: QDialog | None = None
        self.title = QLabel(self.tr("Select a complaint to see its handling."))
        self.title.setObjectName("complaintTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.actions_row = QGridLayout()
        self.actions_row.setContentsMargins(0, 0, 0, 0)
        self.actions_box = QWidget()
        self.actions_box.setObjectName("complaintActions")
        self.actions_box.setLayout(self.actions_row)
        self.buttons: dict[str, QPushButton] = {}
        self.browser = QTextBrowser()
        self.browser.setObjectName("complaintText")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.actions_box)
        layout.addWidget(self.browser, 1)

    # -- loading -------------------------------------------------------------------
    def show_complaint(self, complaint_id: str | None) -> None:
        self.complaint_id = complaint_id
        if complaint_id is None:
            self.detail = None
            self.title.setText(self.tr("Select a complaint to see its handling."))
            self.browser.clear()
            self._set_actions([])
            return
        user, now = self.user, self.clock()

        def work(ctx: OpContext) -> tuple[ComplaintDetail, list[Person]]:
            detail = complaint_detail(ctx.session, user, complaint_id, now)
            people = [
                Person(u.id, u.name)
                for u in assignable_users(ctx.session, detail.complaint.org_unit_id)
            ]
            return detail, people

        def done(result: tuple[ComplaintDetail, list[Person]]) -> None:
            detail, people = result
            if not isValid(self) or detail.complaint.id != self.complaint_id:
                return  # the selection moved on meanwhile
            self.detail, self.people = detail, people
            self.render(detail)
            self._set_actions(detail.actions)
            self.loaded.emit(detail.complaint.id)

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def reload(self) -> None:
        self.show_complaint(self.complaint_id)

    # -- actions -------------------------------------------------------------------
    def _set_actions(self, actions: list[str]) -> None:
        for button in self.buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        detail = self.detail
        for n, action in enumerate(actions):
            assert detail is not None
            button = QPushButton(_tc(workflow.action_label(detail.complaint, action)))
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            self.actions_row.addWidget(button, n // ACTIONS_PER_ROW, n % ACTIONS_PER_ROW)
            button.show()
            self.buttons[action] = button
        self.actions_box.setVisible(bool(actions))

    def start_action(self, action: str) -> None:
        """Open the dialog of ``action`` for the complaint shown."""
        detail = self.detail
        if detail is None:
            return
        c, clock = detail.complaint, self.clock
        title = f"{_tc(workflow.action_label(c, action))} · {c.number}"
        dialog: QDialog
        if action in STATUS_ORDER:
            dialog = StepDialog(self.db, self.user, c, action, title, self.people, clock, self)
        elif action == workflow.CLOSURE:
            with self.db.session() as session:
                cause_list = options.root_causes(session)
            dialog = ClosureDialog(
                self.db, self.user, c, detail.root_causes, cause_list, title, clock, self
            )
        elif action == workflow.CALLBACK_DONE:
            dialog = CallbackDoneDialog(self.db, self.user, c.id, title, clock, self)
        elif action == workflow.FLAGS:
            dialog = FlagsDialog(self.db, self.user, c, title, clock, self)
        else:
            dialog = ReasonDialog(self.db, self.user, c.id, action, title, clock, self)
        dialog.done.connect(self._action_done)  # type: ignore[attr-defined]
        self.dialog = dialog
        dialog.open()

    def _action_done(self, complaint_id: str) -> None:
        self.changed.emit(complaint_id)
        if complaint_id == self.complaint_id:
            self.reload()

    # -- rendering -----------------------------------------------------------------
    def render(self, d: ComplaintDetail) -> None:
        c = d.complaint
        kind = choice_label(c.type)
        paused = self.tr(" · paused") if c.paused_at is not None else ""
        self.title.setText(
            f"{escape(c.number)}  ·  {kind}  ·  {choice_label(c.status)}"
            f"  ·  {choice_label(c.level)}{paused}"
        )
        who = d.customer_name or (self.tr("Anonymous") if c.customer_id is None else "")
        rows = [
            (self.tr("Customer"), " ".join(p for p in (who, d.customer_phone or "") if p)),
            (self.tr("Station"), f"{d.station} [{d.station_code}]"),
            (self.tr("Handled by"), d.handling_unit or d.station),
            (self.tr("Owner"), d.owner or ""),
            (self.tr("Source"), choice_label(c.source)),
            (self.tr("Category"), choice_label(c.category)),
            (self.tr("Business line"), choice_label(c.business_line)),
            (self.tr("Severity"), choice_label(c.severity)),
            (self.tr("Received"), local_minute(c.received_at)),
            (self.tr("Description"), c.description),
            (self.tr("Customer wants"), c.customer_wants or ""),
        ]
        if c.type == options.SUGGESTION:
            flags = [
                self.tr("adopted") if c.adopted else self.tr("not adopted"),
                self.tr("rewarded") if c.rewarded else "",
            ]
            rows.append((self.tr("Outcome"), ", ".join(f for f in flags if f)))
        html = ["<table cellspacing='2'>"]
        html += [
            f"<tr><td style='color:#666;white-space:nowrap'>{escape(k)}</td>"
            f"<td>{escape(v)}</td></tr>"
            for k, v in rows
            if v
        ]
        html.append("</table>")
        html += self._deadlines_html(d)
        html += self._closing_html(d)
        html += self._timeline_html(d)
        self.browser.setHtml("".join(html))

    def _deadlines_html(self, d: ComplaintDetail) -> list[str]:
        if not d.deadlines:
            return []
        heading = self.tr("Deadlines")
        out = [f"<h4>{escape(heading)}</h4><table cellspacing='3'>"]
        for s in d.deadlines:
            colour = STATE_COLOURS.get(s.state, ("#000", "#fff"))[0]
            if s.met:
                state = self.tr("met {when}").format(when=local_minute(s.met_ms or 0))
                if s.state == "overdue":
                    state = self.tr("met late {when}").format(when=local_minute(s.met_ms or 0))
            else:
                state = f"{choice_label(s.state)} · {remaining_text(s.remaining_ms)}"
            out.append(
                f"<tr><td style='color:#666'>{escape(choice_label(s.kind))}</td>"
                f"<td>{escape(local_minute(s.due_ms))}</td>"
                f"<td style='color:{colour}'>{escape(state)}</td></tr>"
            )
        out.append("</table>")
        return out

    def _closing_html(self, d: ComplaintDetail) -> list[str]:
        c = d.complaint
        out: list[str] = []
        facts = [
            (self.tr("Cause"), c.cause or ""),
            (self.tr("Responsibility"), c.responsibility or ""),
            (self.tr("Corrective action"), c.corrective_action or ""),
            (self.tr("Staff informed"), self.tr("yes") if c.staff_informed else ""),
            (self.tr("Root causes"), "、".join(choice_label(x) for x in d.root_causes)),
            (self.tr("Satisfaction"), f"{c.satisfaction} / 5" if c.satisfaction else ""),
        ]
        if d.checklist or any(v for _k, v in facts):
            heading = self.tr("Closing")
            out.append(f"<h4>{escape(heading)}</h4><table cellspacing='2'>")
            out += [
                f"<tr><td style='color:#666'>{escape(k)}</td><td>{escape(v)}</td></tr>"
                for k, v in facts
                if v
            ]
            out.append("</table>")
        if d.checklist and c.status != ComplaintStatus.ARCHIVED:
            out.append("<p>")
            for item in d.checklist:
                mark, colour = ("✓", "#1b5e20") if item.ok else ("✗", "#b00020")
                text = _tc(item.label)
                if item.waived:
                    text += f" ({_tc(closure.WAIVED_REASONS.get(item.waived, item.waived))})"
                out.append(f"<span style='color:{colour}'>{mark} {escape(text)}</span><br>")
            out.append("</p>")
        return out

    def _timeline_html(self, d: ComplaintDetail) -> list[str]:
        heading = self.tr("Handling log")
        out = [f"<h4>{escape(heading)}</h4><table cellspacing='3'>"]
        for entry in reversed(d.steps):
            out.append(
                f"<tr><td style='color:#666;white-space:nowrap;vertical-align:top'>"
                f"{escape(local_minute(entry.at))}</td>"
                f"<td>{self.describe(entry)}</td></tr>"
            )
        out.append("</table>")
        return out

    def describe(self, e: StepEntry) -> str:
        """One step of the log as HTML: what happened, who, and the note."""
        head = escape(_tc(steps.KINDS.get(e.kind, e.kind)))
        if e.kind in (steps.TRANSITION, steps.REOPEN) and e.to_status:
            move = (
                f"{choice_label(e.from_status)} → {choice_label(e.to_status)}"
                if e.from_status
                else choice_label(e.to_status)
            )
            head = f"<b>{escape(move)}</b>"
            if e.kind == steps.REOPEN:
                head = f"{escape(_tc(steps.KINDS[steps.REOPEN]))}: {head}"
        elif e.kind == steps.ESCALATION:
            head = f"<b>{head}: {escape(choice_label(e.from_status))} → "
            head += f"{escape(choice_label(e.to_status))}</b>"
        else:
            head = f"<b>{head}</b>"
        parts = [head]
        if e.actor:
            parts.append(escape(self.tr("by {name}").format(name=e.actor)))
        elif e.kind in steps.CLOCK_KINDS:
            parts.append(escape(self.tr("by the deadline clock")))
        if e.responsible and e.kind in (steps.TRANSITION, steps.REOPEN, steps.ESCALATION):
            parts.append(escape(self.tr("responsible: {name}").format(name=e.responsible)))
        if e.notified:
            parts.append(escape(self.tr("notified: {names}").format(names="、".join(e.notified))))
        note = self._note(e)
        text = " · ".join(parts)
        if note:
            text += f"<br><span style='color:#333'>{escape(note)}</span>"
        return text

    def _note(self, e: StepEntry) -> str:
        if not e.note:
            return ""
        if e.kind == steps.WARNING and e.note in options.DEADLINES:
            return self.tr("{deadline} deadline: most of its time is used").format(
                deadline=choice_label(e.note)
            )
        if e.kind in steps.CLOCK_KINDS and e.note in steps.SYSTEM_NOTES:
            return _tc(steps.SYSTEM_NOTES[e.note])
        if e.kind == steps.ESCALATION and e.note in steps.SYSTEM_NOTES:
            return _tc(steps.SYSTEM_NOTES[e.note])
        if e.kind == steps.CLOSURE:
            names = [n.strip() for n in e.note.split(",")]
            return "、".join(
                QCoreApplication.translate("ComplaintDetailView", CLOSURE_FIELDS[n])
                if n in CLOSURE_FIELDS
                else n
                for n in names
            )
        return e.note
