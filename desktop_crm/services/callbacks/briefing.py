"""What to read before calling (回访前查阅): the task, the customer's profile, past
callbacks and their attempts, complaints and recent visits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.models import (
    CallbackAttempt,
    CallbackTask,
    Campaign,
    Complaint,
    Customer,
    OrgUnit,
    User,
    Vehicle,
    Visit,
)
from desktop_crm.services.callbacks.options import exit_reason_options
from desktop_crm.services.callbacks.recording import (
    can_act,
    default_channel,
    get_task,
    max_attempts,
)
from desktop_crm.services.customer_access import require_in_scope
from desktop_crm.services.customers import ContactNumbers, contact_numbers

PAST_CALLBACKS = 10
ATTEMPTS = 20
COMPLAINTS = 10
RECENT_VISITS = 10
DAY_MS = 86_400_000


@dataclass
class PastCallback:
    id: str
    reason: str
    status: str
    due_date: str
    recorded_at: int | None
    by: str | None
    channel: str | None
    reached: bool | None
    satisfaction: int | None
    needs: str | None
    problems: str | None
    suggestions: str | None
    cause: str | None
    measure: str | None
    note: str | None
    exit_reason: str | None


@dataclass
class AttemptLine:
    task_id: str
    at: int
    by: str | None
    channel: str | None
    reached: bool
    outcome: str
    next_due_date: str | None
    appointment_at: int | None
    note: str | None


@dataclass
class ComplaintLine:
    id: str
    number: str
    received_at: int
    type: str
    category: str
    severity: str
    status: str
    description: str


@dataclass
class VisitLine:
    at: int
    station: str
    product: str
    litres: float
    amount: float  # yuan


@dataclass
class Briefing:
    task: CallbackTask
    campaign: str | None
    assignee: str | None
    customer: Customer
    numbers: ContactNumbers
    plates: list[str]
    station: str
    maintainer: str | None
    default_channel: str
    can_act: bool
    max_attempts: int
    exit_reasons: list[tuple[str, str]]  # (code, English label of context "callbacks")
    litres_90d: float
    visits_90d: int
    past: list[PastCallback]  # other tasks of the customer, newest first
    attempts: list[AttemptLine]  # the customer's attempts (this task's included), newest first
    complaints: list[ComplaintLine]
    visits: list[VisitLine]


def _names(session: Session, model: type, ids: set[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(
        session.execute(select(model.id, model.name).where(model.id.in_(wanted))).tuples().all()  # type: ignore[attr-defined]
    )


def briefing(session: Session, user: User, task_id: str, now: int) -> Briefing:
    """Everything to read before calling about ``task_id`` (an unmasked view is audited)."""
    task = get_task(session, task_id)
    if task.assignee_id != user.id:
        require_in_scope(session, user, task.org_unit_id)
    customer = session.get_one(Customer, task.customer_id)
    past_tasks = list(
        session.scalars(
            select(CallbackTask)
            .where(
                CallbackTask.customer_id == customer.id,
                CallbackTask.id != task.id,
                CallbackTask.deleted.is_(False),
            )
            .order_by(func.ifnull(CallbackTask.recorded_at, CallbackTask.created_at).desc())
            .limit(PAST_CALLBACKS)
        )
    )
    attempts = list(
        session.scalars(
            select(CallbackAttempt)
            .where(CallbackAttempt.customer_id == customer.id, CallbackAttempt.deleted.is_(False))
            .order_by(CallbackAttempt.at.desc())
            .limit(ATTEMPTS)
        )
    )
    complaints = list(
        session.scalars(
            select(Complaint)
            .where(Complaint.customer_id == customer.id, Complaint.deleted.is_(False))
            .order_by(Complaint.received_at.desc())
            .limit(COMPLAINTS)
        )
    )
    visits = list(
        session.scalars(
            select(Visit)
            .where(Visit.customer_id == customer.id, Visit.deleted.is_(False))
            .order_by(Visit.visited_at.desc())
            .limit(RECENT_VISITS)
        )
    )
    visits_90d, litres_90d = session.execute(
        select(func.count(), func.coalesce(func.sum(Visit.litres), 0.0)).where(
            Visit.customer_id == customer.id,
            Visit.deleted.is_(False),
            Visit.visited_at >= now - 90 * DAY_MS,
        )
    ).one()
    plates = list(
        session.scalars(
            select(Vehicle.plate).where(
                Vehicle.customer_id == customer.id, Vehicle.deleted.is_(False)
            )
        )
    )
    people = _names(
        session,
        User,
        {task.assignee_id, customer.maintainer_id}
        | {t.recorded_by_id or t.assignee_id for t in past_tasks}
        | {a.by_id for a in attempts},
    )
    units = _names(session, OrgUnit, {customer.org_unit_id} | {v.org_unit_id for v in visits})
    campaign = (
        session.scalar(select(Campaign.name).where(Campaign.id == task.campaign_id))
        if task.campaign_id
        else None
    )
    return Briefing(
        task=task,
        campaign=campaign,
        assignee=people.get(task.assignee_id or ""),
        customer=customer,
        numbers=contact_numbers(session, user, customer),
        plates=plates,
        station=units.get(customer.org_unit_id, ""),
        maintainer=people.get(customer.maintainer_id or ""),
        default_channel=default_channel(task, customer),
        can_act=can_act(session, user, task),
        max_attempts=max_attempts(session),
        exit_reasons=exit_reason_options(session),
        litres_90d=float(litres_90d),
        visits_90d=int(visits_90d),
        past=[
            PastCallback(
                id=t.id,
                reason=t.reason,
                status=t.status,
                due_date=t.due_date,
                recorded_at=t.recorded_at,
                by=people.get(t.recorded_by_id or t.assignee_id or ""),
                channel=t.channel,
                reached=t.reached,
                satisfaction=t.satisfaction,
                needs=t.needs,
                problems=t.problems,
                suggestions=t.suggestions,
                cause=t.cause,
                measure=t.measure,
                note=t.note,
                exit_reason=t.exit_reason,
            )
            for t in past_tasks
        ],
        attempts=[
            AttemptLine(
                task_id=a.task_id,
                at=a.at,
                by=people.get(a.by_id or ""),
                channel=a.channel,
                reached=a.reached,
                outcome=a.outcome,
                next_due_date=a.next_due_date,
                appointment_at=a.appointment_at,
                note=a.note,
            )
            for a in attempts
        ],
        complaints=[
            ComplaintLine(
                id=c.id,
                number=c.number,
                received_at=c.received_at,
                type=c.type,
                category=c.category,
                severity=c.severity,
                status=c.status,
                description=c.description,
            )
            for c in complaints
        ],
        visits=[
            VisitLine(
                at=v.visited_at,
                station=units.get(v.org_unit_id, ""),
                product=v.product,
                litres=v.litres,
                amount=v.amount_fen / 100,
            )
            for v in visits
        ],
    )
