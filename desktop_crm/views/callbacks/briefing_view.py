"""What to read before calling: the selected task, the customer, past callbacks,
complaints and recent visits. Loads off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_date, local_minute
from desktop_crm.models import User
from desktop_crm.models.callbacks import TaskStatus
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.briefing import Briefing, briefing
from desktop_crm.services.customer_options import KINDS, STATUSES
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.callbacks.labels import (
    attempt_text,
    booked_time,
    channel_name,
    reason_name,
    status_name,
)
from desktop_crm.views.labels import option_label


def _complaint_label(value: str) -> str:
    """A complaint code (category, severity, status) in the UI language."""
    from desktop_crm.services.complaints import options

    return QCoreApplication.translate(options.CONTEXT, options.label(value))


class BriefingView(QWidget):
    """The briefing of one task; ``loaded`` tells which task is on screen."""

    loaded = Signal(str)

    def __init__(
        self,
        db: Database,
        user: User,
        parent: QWidget | None = None,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.clock = db, user, clock
        self.task_id: str | None = None
        self.briefing: Briefing | None = None
        self.title = QLabel(self.tr("Select a callback to see what to read before calling."))
        self.title.setObjectName("briefingTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("briefingText")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.browser, 1)

    def show_task(self, task_id: str | None) -> None:
        self.task_id = task_id
        self.briefing = None
        if task_id is None:
            self.title.setText(self.tr("Select a callback to see what to read before calling."))
            self.browser.clear()
            return
        user, now = self.user, self.clock()

        def work(_ctx: OpContext) -> Briefing:
            # A read transaction: the briefing of a masked view only reads and never waits
            # for a writer (the callback rules hold the write lock for a while on a large
            # store). An unmasked view writes its audit event at the end; should a writer
            # have got in first, SQLite refuses it as "locked" and the operation runs again.
            with self.db.sessions.begin() as session:
                return briefing(session, user, task_id, now)

        def done(result: Briefing) -> None:
            if not isValid(self) or result.task.id != self.task_id:
                return  # the selection moved on meanwhile
            self.briefing = result
            self.render(result)
            self.loaded.emit(result.task.id)

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    # -- rendering -----------------------------------------------------------------
    def render(self, b: Briefing) -> None:
        c, t = b.customer, b.task
        name = c.name or (b.plates[0] if b.plates else self.tr("(no name)"))
        self.title.setText(
            " · ".join(
                part
                for part in (
                    name,
                    option_label(KINDS, c.kind),
                    c.level or "",
                    reason_name(t.reason),
                )
                if part
            )
        )
        if t.status == TaskStatus.BOOKED and t.appointment_at:
            due = self.tr("booked for {time}").format(time=booked_time(t.appointment_at))
        else:
            due = t.due_date
        task_rows = [
            (self.tr("Purpose"), t.purpose or ""),
            (self.tr("Campaign"), b.campaign or ""),
            (self.tr("Due"), due),
            (self.tr("Status"), status_name(t.status)),
            (
                self.tr("Tries"),
                self.tr("{n} of {max}").format(n=t.attempts or 0, max=b.max_attempts),
            ),
            (self.tr("Assignee"), b.assignee or ""),
        ]
        phones = " / ".join(p for p in (b.numbers.phone, b.numbers.phone2) if p)
        customer_rows = [
            (self.tr("Phone"), phones),
            (self.tr("Contact"), self._contact(b)),
            (self.tr("Plates"), "、".join(b.plates)),
            (self.tr("Employer"), c.employer or ""),
            (self.tr("Station"), b.station),
            (self.tr("Maintainer"), b.maintainer or ""),
            (self.tr("Customer status"), option_label(STATUSES, c.status)),
            (self.tr("Last visit"), local_date(c.last_visit_at) or ""),
            (
                self.tr("Usual interval"),
                self.tr("{days} days").format(days=f"{c.usual_interval_days:.0f}")
                if c.usual_interval_days
                else "",
            ),
            (
                self.tr("Last 90 days"),
                self.tr("{n} visits, {litres} L").format(
                    n=b.visits_90d, litres=f"{b.litres_90d:,.0f}"
                ),
            ),
            (self.tr("Needs"), c.needs or ""),
            (self.tr("Notes"), c.notes or ""),
        ]
        html = [self._table(task_rows), self._head(self.tr("Customer"))]
        html.append(self._table(customer_rows))
        html.append(self._head(self.tr("Other callbacks of this customer")))
        if b.past:
            html.append("<ul>")
            for p in b.past:
                head = self.tr("{day} {reason}, {status}").format(
                    day=local_date(p.recorded_at) if p.recorded_at else p.due_date,
                    reason=reason_name(p.reason),
                    status=status_name(p.status),
                )
                parts = [escape(head)]
                if p.channel:
                    parts.append(escape(channel_name(p.channel)))
                if p.by:
                    parts.append(escape(p.by))
                if p.satisfaction:
                    parts.append(escape(self.tr("satisfaction {n}/5").format(n=p.satisfaction)))
                lines = [
                    (self.tr("Needs"), p.needs),
                    (self.tr("Problems"), p.problems),
                    (self.tr("Suggestions"), p.suggestions),
                    (self.tr("Cause"), p.cause),
                    (self.tr("Measure"), p.measure),
                    (self.tr("Note"), p.note),
                ]
                said = "".join(
                    f"<br/><span style='color:#666'>{escape(k)}:</span> {escape(v)}"
                    for k, v in lines
                    if v
                )
                html.append(f"<li>{' · '.join(parts)}{said}</li>")
            html.append("</ul>")
        else:
            html.append(self._grey(self.tr("None yet.")))
        if b.attempts:
            html.append(self._head(self.tr("Tries")) + "<table cellspacing='2'>")
            for a in b.attempts:
                text = attempt_text(
                    {
                        "outcome": a.outcome,
                        "channel": a.channel,
                        "by": a.by,
                        "next_due": a.next_due_date,
                        "appointment": local_minute(a.appointment_at) if a.appointment_at else "",
                        "note": a.note,
                    }
                )
                html.append(
                    f"<tr><td style='color:#666;white-space:nowrap'>{local_minute(a.at)}</td>"
                    f"<td>{escape(text)}</td></tr>"
                )
            html.append("</table>")
        html.append(self._head(self.tr("Complaints")))
        if b.complaints:
            html.append("<ul>")
            for cp in b.complaints:
                facts = ", ".join(
                    escape(_complaint_label(v)) for v in (cp.category, cp.severity, cp.status)
                )
                html.append(
                    f"<li>{escape(local_date(cp.received_at) or '')} {escape(cp.number)} "
                    f"({facts}): {escape(cp.description)}</li>"
                )
            html.append("</ul>")
        else:
            html.append(self._grey(self.tr("None.")))
        html.append(self._head(self.tr("Recent visits")))
        if b.visits:
            html.append("<table cellspacing='2'>")
            for v in b.visits:
                html.append(
                    f"<tr><td style='color:#666;white-space:nowrap'>{local_minute(v.at)}</td>"
                    f"<td>{escape(v.station)} {escape(v.product)} {v.litres:.1f} L "
                    f"¥{v.amount:,.2f}</td></tr>"
                )
            html.append("</table>")
        else:
            html.append(self._grey(self.tr("None.")))
        self.browser.setHtml("".join(html))

    @staticmethod
    def _head(text: str) -> str:
        return f"<h4>{escape(text)}</h4>"

    @staticmethod
    def _grey(text: str) -> str:
        return f"<p style='color:#666'>{escape(text)}</p>"

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> str:
        cells = "".join(
            f"<tr><td style='color:#666'>{escape(k)}</td><td>{escape(v)}</td></tr>"
            for k, v in rows
            if v
        )
        return f"<table cellspacing='2'>{cells}</table>"

    def _contact(self, b: Briefing) -> str:
        c = b.customer
        parts = [channel_name(c.preferred_channel), c.preferred_time or ""]
        if c.do_not_disturb:
            parts.append(self.tr("do not disturb"))
        if not c.consent:
            parts.append(self.tr("no consent to contact"))
        return " · ".join(p for p in parts if p)

    def text(self) -> str:
        """What the panel shows, as plain text (title and body)."""
        return f"{self.title.text()}\n{self.browser.toPlainText()}"
