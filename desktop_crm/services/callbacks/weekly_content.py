"""What one employee's callback work in a period was: figures and the verbatim records.

A task counts for the week when its author recorded it in the period
(CallbackTask.recorded_by_id / recorded_at) or logged an attempt on it in the period
(CallbackAttempt.by_id / at). Its outcome in the period is:

- ``reached``: a reached record (the task's record, or a reached attempt);
- ``not_reached``: tried without reaching the customer (incl. marked unreachable);
- ``booked``: only an appointment booked or the task rescheduled;
- ``cancelled``: closed without a call (e.g. the customer came in meanwhile).

The problems, suggestions and needs are the customer's words as recorded (原始记录).
Only the tasks of the report's station are read (an index on the station serves the
query); staff record callbacks of their own station's customers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.models import CallbackAttempt, CallbackTask, Customer, TaskReason, TaskStatus

REACHED = "reached"
NOT_REACHED = "not_reached"
BOOKED = "booked"
CANCELLED = "cancelled"
OUTCOMES = (REACHED, NOT_REACHED, BOOKED, CANCELLED)
NOT_REACHED_ATTEMPTS = frozenset({"not_reached", "unreachable"})
# Attempts that only agree or move the time: the callback itself is still to come.
SCHEDULING_ATTEMPTS = frozenset({"booked", "rescheduled"})


@dataclass(frozen=True)
class RecordEntry:
    """One task the author worked on in the period, as recorded."""

    task_id: str
    customer_id: str
    customer_name: str | None
    reason: str
    purpose: str | None
    outcome: str  # reached / not_reached / booked / cancelled
    at: int  # UTC ms of the record, or of the last attempt in the period
    channel: str | None
    attempts: int  # attempts logged in the period
    unreachable: bool  # marked unreachable in the period
    satisfaction: int | None
    needs: str | None
    problems: str | None
    suggestions: str | None
    cause: str | None
    measure: str | None
    note: str | None
    exit_reason: str | None
    complaint_id: str | None  # a complaint raised during this callback


@dataclass(frozen=True)
class ReportFigures:
    tasks: int = 0  # tasks worked on
    attempts: int = 0  # contact attempts logged
    reached: int = 0
    not_reached: int = 0
    unreachable: int = 0  # of the not reached: marked unreachable
    booked: int = 0  # only booked or rescheduled
    cancelled: int = 0  # closed without a call
    by_reason: dict[str, int] = field(default_factory=dict)
    satisfaction_counts: dict[int, int] = field(default_factory=dict)  # 1..5 -> tasks
    average_satisfaction: float | None = None
    complaints: int = 0  # complaints raised during these callbacks
    with_problems: int = 0
    with_suggestions: int = 0


@dataclass
class _Work:
    task: CallbackTask
    customer_name: str | None
    recorded: bool = False  # the task's record lies in the period and is the author's
    attempts: list[CallbackAttempt] = field(default_factory=list)


def _tasks_recorded(
    session: Session, author_id: str, station_id: str, start: int, end: int
) -> list[tuple[CallbackTask, str | None]]:
    rows = session.execute(
        select(CallbackTask, Customer.name)
        .join(Customer, Customer.id == CallbackTask.customer_id)
        .where(
            CallbackTask.org_unit_id == station_id,
            CallbackTask.recorded_by_id == author_id,
            CallbackTask.recorded_at >= start,
            CallbackTask.recorded_at < end,
            CallbackTask.deleted.is_(False),
        )
    )
    return [(task, name) for task, name in rows]


def _attempts(
    session: Session, author_id: str, station_id: str, start: int, end: int
) -> list[tuple[CallbackAttempt, CallbackTask, str | None]]:
    rows = session.execute(
        select(CallbackAttempt, CallbackTask, Customer.name)
        .join(CallbackTask, CallbackTask.id == CallbackAttempt.task_id)
        .join(Customer, Customer.id == CallbackTask.customer_id)
        .where(
            CallbackTask.org_unit_id == station_id,
            CallbackTask.deleted.is_(False),
            CallbackAttempt.by_id == author_id,
            CallbackAttempt.at >= start,
            CallbackAttempt.at < end,
            CallbackAttempt.deleted.is_(False),
        )
        .order_by(CallbackAttempt.at)
    )
    return [(attempt, task, name) for attempt, task, name in rows]


def _entry(work: _Work) -> RecordEntry:
    task = work.task
    tries = work.attempts
    tried_in_vain = any(a.outcome in NOT_REACHED_ATTEMPTS for a in tries)
    reached_try = any(a.reached and a.outcome not in SCHEDULING_ATTEMPTS for a in tries)
    if (work.recorded and task.reached) or reached_try:
        outcome = REACHED
    elif tried_in_vain:
        outcome = NOT_REACHED
    elif work.recorded:
        outcome = CANCELLED if task.status == TaskStatus.CANCELLED else NOT_REACHED
    else:
        outcome = BOOKED
    unreachable = any(a.outcome == "unreachable" for a in tries) or (
        work.recorded and task.status == TaskStatus.UNREACHABLE
    )
    last_try = tries[-1] if tries else None
    if work.recorded and task.recorded_at is not None:
        at = task.recorded_at
    else:
        at = last_try.at if last_try is not None else task.created_at
    shows_record = outcome == REACHED and (work.recorded or task.status == TaskStatus.DONE)
    note = task.note if work.recorded else (last_try.note if last_try is not None else None)
    channel = task.channel if work.recorded else (last_try.channel if last_try else None)
    raised = (
        task.complaint_id if task.reason != TaskReason.COMPLAINT and task.complaint_id else None
    )
    return RecordEntry(
        task_id=task.id,
        customer_id=task.customer_id,
        customer_name=work.customer_name,
        reason=task.reason,
        purpose=task.purpose,
        outcome=outcome,
        at=at,
        channel=channel,
        attempts=len(tries),
        unreachable=unreachable,
        satisfaction=task.satisfaction if shows_record else None,
        needs=task.needs if shows_record else None,
        problems=task.problems if shows_record else None,
        suggestions=task.suggestions if shows_record else None,
        cause=task.cause if shows_record else None,
        measure=task.measure if shows_record else None,
        note=note,
        exit_reason=task.exit_reason if shows_record else None,
        complaint_id=raised,
    )


def week_records(
    session: Session, author_id: str, station_id: str, start: int, end: int
) -> list[RecordEntry]:
    """The tasks ``author_id`` worked on in [start, end), oldest first."""
    works: dict[str, _Work] = {}
    for task, name in _tasks_recorded(session, author_id, station_id, start, end):
        works[task.id] = _Work(task, name, recorded=True)
    for attempt, task, name in _attempts(session, author_id, station_id, start, end):
        work = works.get(task.id)
        if work is None:
            work = works[task.id] = _Work(task, name)
        work.attempts.append(attempt)
    entries = [_entry(work) for work in works.values()]
    entries.sort(key=lambda e: (e.at, e.task_id))
    return entries


def figures_of(records: list[RecordEntry]) -> ReportFigures:
    by_reason: dict[str, int] = {}
    satisfaction: dict[int, int] = {}
    for entry in records:
        by_reason[entry.reason] = by_reason.get(entry.reason, 0) + 1
        if entry.satisfaction is not None:
            satisfaction[entry.satisfaction] = satisfaction.get(entry.satisfaction, 0) + 1
    rated = sum(satisfaction.values())
    average = (
        round(sum(score * n for score, n in satisfaction.items()) / rated, 2) if rated else None
    )
    return ReportFigures(
        tasks=len(records),
        attempts=sum(e.attempts for e in records),
        reached=sum(e.outcome == REACHED for e in records),
        not_reached=sum(e.outcome == NOT_REACHED for e in records),
        unreachable=sum(e.unreachable and e.outcome == NOT_REACHED for e in records),
        booked=sum(e.outcome == BOOKED for e in records),
        cancelled=sum(e.outcome == CANCELLED for e in records),
        by_reason=dict(sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0]))),
        satisfaction_counts=dict(sorted(satisfaction.items())),
        average_satisfaction=average,
        complaints=sum(e.complaint_id is not None for e in records),
        with_problems=sum(bool(e.problems) for e in records),
        with_suggestions=sum(bool(e.suggestions) for e in records),
    )
