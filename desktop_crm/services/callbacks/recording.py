"""Recording a callback (回访记录), booking a time (预约) and rescheduling.

Every action appends a CallbackAttempt (the trail the timeline shows); the task keeps
the outcome. A call that did not reach the customer moves the task to another day,
and after "callbacks.max_attempts" tries (default 3) marks it unreachable.

Who may act on a task: its assignee; a station master or manager over the task's
station; anyone (but an auditor) of that subtree while the task has no assignee.
Problems and suggestions are kept verbatim (原始记录): nothing is trimmed or rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_datetime
from desktop_crm.models import CallbackAttempt, CallbackTask, Customer, Role, User
from desktop_crm.models.callbacks import TaskReason, TaskStatus
from desktop_crm.services.callbacks.options import exit_reason_options
from desktop_crm.services.customer_access import MANAGER_ROLES, in_subtree
from desktop_crm.services.customer_options import CHANNELS
from desktop_crm.services.settings import get_setting

MAX_ATTEMPTS_KEY = "callbacks.max_attempts"
DEFAULT_MAX_ATTEMPTS = 3
OPEN_STATUSES = frozenset({TaskStatus.OPEN.value, TaskStatus.BOOKED.value})
ANOMALIES = frozenset({TaskReason.ABSENCE.value, TaskReason.VOLUME_DROP.value})
BOOKING_SLACK_MS = 5 * 60_000  # a time booked "now" is still fine a few minutes later


class Outcome:
    """What one attempt did (CallbackAttempt.outcome)."""

    RECORD = "record"  # reached: the callback is recorded
    NOT_REACHED = "not_reached"  # not reached: tried again another day
    UNREACHABLE = "unreachable"  # not reached, and out of tries
    BOOKED = "booked"
    RESCHEDULED = "rescheduled"


@dataclass
class CallbackRecord:
    """What the user filled in on the record form (回访记录表)."""

    channel: str
    reached: bool
    satisfaction: int | None = None  # 1..5
    needs: str | None = None
    problems: str | None = None  # verbatim
    suggestions: str | None = None  # verbatim
    cause: str | None = None  # anomalies: why the customer stayed away
    measure: str | None = None  # anomalies: what we do about it
    note: str | None = None
    exit_reason: str | None = None  # exit surveys: a reason code
    next_due_date: date | None = None  # not reached: when to try again (default: tomorrow)


def max_attempts(session: Session) -> int:
    value = get_setting(session, MAX_ATTEMPTS_KEY)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return DEFAULT_MAX_ATTEMPTS


def local_today(now: int) -> date:
    return local_datetime(now).date()


# -- permissions -------------------------------------------------------------------------
def can_act(session: Session, user: User, task: CallbackTask) -> bool:
    """Whether ``user`` may record, book or reschedule ``task``."""
    if user.role == Role.AUDITOR or not user.active or user.deleted:
        return False
    if task.assignee_id == user.id:
        return True
    if not in_subtree(session, user, task.org_unit_id):
        return False
    return user.role in MANAGER_ROLES or task.assignee_id is None


def get_task(session: Session, task_id: str) -> CallbackTask:
    task = session.get(CallbackTask, task_id)
    if task is None or task.deleted:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The callback no longer exists: refresh the queue and try again."
            )
        )
    return task


def actionable_task(session: Session, user: User, task_id: str) -> CallbackTask:
    """The task, after checking that ``user`` may act on it."""
    task = get_task(session, task_id)
    if not can_act(session, user, task):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "This callback belongs to a colleague: only its assignee or their station "
                "master or manager can record it.",
            )
        )
    return task


def _require_open(task: CallbackTask) -> None:
    if task.status not in OPEN_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This callback is already closed; refresh the queue to see what is still open.",
            )
        )


# -- the record --------------------------------------------------------------------------
def _text(value: str | None) -> str | None:
    """Kept exactly as typed; only an empty answer becomes NULL."""
    return value if value is not None and value.strip() else None


def _validate(session: Session, record: CallbackRecord, task: CallbackTask, today: date) -> None:
    if record.channel not in CHANNELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose how the customer was contacted."), field="channel"
        )
    if record.satisfaction is not None and not 1 <= record.satisfaction <= 5:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Satisfaction is a score from 1 to 5."),
            field="satisfaction",
        )
    if record.exit_reason and record.exit_reason not in {
        code for code, _label in exit_reason_options(session)
    }:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose an exit reason from the list."),
            field="exit_reason",
        )
    if record.reached:
        if task.reason in ANOMALIES and not _text(record.cause):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This is an anomaly callback: write down the cause the customer gave "
                    "(or that they gave none).",
                ),
                field="cause",
            )
        if task.reason == TaskReason.EXIT_SURVEY and not record.exit_reason:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "This is an exit survey: choose why the customer left."
                ),
                field="exit_reason",
            )
    elif record.next_due_date is not None and record.next_due_date < today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The next try cannot be in the past."),
            field="next_due_date",
        )


def _attempt(
    task: CallbackTask,
    actor: User,
    at: int,
    outcome: str,
    *,
    channel: str | None = None,
    reached: bool = False,
    next_due_date: str | None = None,
    appointment_at: int | None = None,
    note: str | None = None,
) -> CallbackAttempt:
    return CallbackAttempt(
        task_id=task.id,
        customer_id=task.customer_id,
        at=at,
        by_id=actor.id,
        channel=channel,
        reached=reached,
        outcome=outcome,
        next_due_date=next_due_date,
        appointment_at=appointment_at,
        note=_text(note),
        org_unit_id=task.org_unit_id,
    )


def record_callback(
    session: Session,
    actor: User,
    task_id: str,
    record: CallbackRecord,
    now: int | None = None,
) -> CallbackTask:
    """Record one call (or message, or visit) of a task.

    Reached: the task is done and keeps what the customer said. Not reached: the task
    moves to ``record.next_due_date`` (default tomorrow), or becomes unreachable once
    the configured number of tries is used up.
    """
    task = actionable_task(session, actor, task_id)
    _require_open(task)
    now = now_ms() if now is None else now
    today = local_today(now)
    _validate(session, record, task, today)
    task.attempts = (task.attempts or 0) + 1
    task.channel = record.channel
    task.reached = record.reached
    next_due: str | None = None
    if record.reached:
        task.status = TaskStatus.DONE.value
        task.satisfaction = record.satisfaction
        task.needs = _text(record.needs)
        task.problems = _text(record.problems)
        task.suggestions = _text(record.suggestions)
        task.cause = _text(record.cause)
        task.measure = _text(record.measure)
        task.note = _text(record.note)
        task.exit_reason = record.exit_reason or None
        task.recorded_at, task.recorded_by_id = now, actor.id
        outcome = Outcome.RECORD
    elif task.attempts >= max_attempts(session):
        task.status = TaskStatus.UNREACHABLE.value
        task.appointment_at = None
        task.note = _text(record.note) or task.note
        task.recorded_at, task.recorded_by_id = now, actor.id
        outcome = Outcome.UNREACHABLE
    else:
        next_due = (record.next_due_date or today + timedelta(days=1)).isoformat()
        task.status = TaskStatus.OPEN.value
        task.appointment_at = None
        task.due_date = next_due
        outcome = Outcome.NOT_REACHED
    session.add(
        _attempt(
            task,
            actor,
            now,
            outcome,
            channel=record.channel,
            reached=record.reached,
            next_due_date=next_due,
            note=record.note,
        )
    )
    session.flush()
    if record.reached and task.reason == TaskReason.COMPLAINT and task.complaint_id:
        _complaint_callback_recorded(session, actor, task)
    return task


def _complaint_callback_recorded(session: Session, actor: User, task: CallbackTask) -> None:
    """Tell the complaint workflow that its 回访 step's call is recorded."""
    from desktop_crm.services.complaints import workflow  # complaints build on callbacks

    workflow.callback_recorded(session, actor, task)


# -- booking and rescheduling ------------------------------------------------------------
def book(
    session: Session,
    actor: User,
    task_id: str,
    appointment_at: int,
    note: str | None,
    *,
    channel: str | None = None,
    now: int | None = None,
) -> CallbackTask:
    """Store the time agreed with the customer (预约); the task is then due that day."""
    task = actionable_task(session, actor, task_id)
    _require_open(task)
    now = now_ms() if now is None else now
    if appointment_at < now - BOOKING_SLACK_MS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The booked time has passed: choose a later time."),
            field="appointment_at",
        )
    if channel is not None and channel not in CHANNELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose how the customer was contacted."), field="channel"
        )
    task.status = TaskStatus.BOOKED.value
    task.appointment_at = appointment_at
    task.due_date = local_datetime(appointment_at).date().isoformat()
    session.add(
        _attempt(
            task,
            actor,
            now,
            Outcome.BOOKED,
            channel=channel,
            reached=True,
            appointment_at=appointment_at,
            note=note,
        )
    )
    session.flush()
    return task


def reschedule(
    session: Session,
    actor: User,
    task_id: str,
    due_date: date,
    note: str | None,
    *,
    now: int | None = None,
) -> CallbackTask:
    """Move the task to another day (a booked time is given up)."""
    task = actionable_task(session, actor, task_id)
    _require_open(task)
    now = now_ms() if now is None else now
    if due_date < local_today(now):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose today or a later day."), field="due_date"
        )
    task.status = TaskStatus.OPEN.value
    task.appointment_at = None
    task.due_date = due_date.isoformat()
    session.add(
        _attempt(task, actor, now, Outcome.RESCHEDULED, next_due_date=task.due_date, note=note)
    )
    session.flush()
    return task


# -- "转为投诉" -----------------------------------------------------------------------------
def link_complaint(session: Session, actor: User, task_id: str, complaint_id: str) -> CallbackTask:
    """Link the complaint raised during a callback to the task (when intake has not)."""
    task = actionable_task(session, actor, task_id)
    if task.reason != TaskReason.COMPLAINT and task.complaint_id is None:
        task.complaint_id = complaint_id
        session.flush()
    return task


def default_channel(task: CallbackTask, customer: Customer) -> str:
    """The channel the record form starts with: the one the rules chose for the task,
    else the customer's preferred one, else phone (never phone for a customer who must
    not be phoned: then SMS)."""
    for channel in (task.channel, customer.preferred_channel):
        if channel in CHANNELS:
            return channel  # type: ignore[return-value]
    if customer.do_not_disturb or not customer.consent:
        return "sms"
    return "phone"
