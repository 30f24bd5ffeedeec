"""One complaint as the tab's detail view shows it: the record and its step log.

The steps come back as a timeline, oldest first, with the names of the people
involved (who acted, who is responsible, who was told of a warning or escalation).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from desktop_crm.models import CallbackTask, Complaint, ComplaintStep, Customer, OrgUnit, User
from desktop_crm.services import audit
from desktop_crm.services.complaints import closure, sla, workflow
from desktop_crm.services.complaints.closure import ChecklistItem
from desktop_crm.services.complaints.sla import DeadlineState
from desktop_crm.services.customer_access import in_subtree
from desktop_crm.services.masking import mask_phone
from desktop_crm.services.permissions import can_see_unmasked


@dataclass
class StepEntry:
    at: int  # UTC ms
    kind: str  # transition / escalation / warning / pause / resume / ...
    from_status: str | None
    to_status: str | None
    actor: str | None
    responsible: str | None
    note: str
    notified: list[str] = field(default_factory=list)  # names


@dataclass
class ComplaintDetail:
    complaint: Complaint
    station: str
    station_code: str
    handling_unit: str | None
    customer_name: str | None
    customer_phone: str | None  # the customer's or the anonymous contact's, masked as required
    owner: str | None
    root_causes: list[str]
    callback_task: CallbackTask | None
    steps: list[StepEntry]
    deadlines: list[DeadlineState]
    checklist: list[ChecklistItem]  # empty for a suggestion
    actions: list[str]  # what the user may do now (workflow.available_actions)


def visible_complaint(session: Session, user: User, complaint_id: str) -> Complaint:
    """The complaint, after checking that it lies in the user's subtree."""
    complaint = session.get(Complaint, complaint_id)
    if complaint is None or complaint.deleted:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The complaint no longer exists. Refresh the list.")
        )
    if not in_subtree(session, user, complaint.org_unit_id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "This complaint belongs to a unit outside yours; you cannot open it."
            )
        )
    return complaint


def _names(session: Session, model: type, ids: set[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(
        session.execute(select(model.id, model.name).where(model.id.in_(wanted)))  # type: ignore[attr-defined]
        .tuples()
        .all()
    )


def _notified(value: str | None) -> list[str]:
    if not value:
        return []
    try:
        ids = json.loads(value)
    except ValueError:
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def complaint_detail(session: Session, user: User, complaint_id: str, now: int) -> ComplaintDetail:
    """The complaint with its step log, deadlines, checklist and the user's actions."""
    c = visible_complaint(session, user, complaint_id)
    since = workflow.cycle_start(session, c)
    reopened = since != c.received_at
    steps = list(
        session.scalars(
            select(ComplaintStep)
            .where(ComplaintStep.complaint_id == c.id, ComplaintStep.deleted.is_(False))
            .order_by(ComplaintStep.at, ComplaintStep.id)
        )
    )
    told = {s.id: _notified(s.notified) for s in steps}
    people = _names(
        session,
        User,
        {c.owner_id}
        | {s.actor_id for s in steps}
        | {s.responsible_id for s in steps}
        | {i for ids in told.values() for i in ids},
    )
    units = {u.id: u for u in session.scalars(
        select(OrgUnit).where(OrgUnit.id.in_({c.org_unit_id, c.handling_org_id or c.org_unit_id}))
    )}  # fmt: skip
    station = units.get(c.org_unit_id)
    handling = units.get(c.handling_org_id or "")
    customer = session.get(Customer, c.customer_id) if c.customer_id else None
    phone = customer.phone if customer is not None else c.contact_phone
    if not can_see_unmasked(session, user):
        phone = mask_phone(phone)
    elif phone:
        audit.record(
            session, user, audit.Action.VIEW_UNMASKED, "complaint", c.id, {"fields": ["phone"]}
        )
    try:
        causes = [str(x) for x in json.loads(c.root_causes or "[]")]
    except ValueError:
        causes = []
    task = session.get(CallbackTask, c.callback_task_id) if c.callback_task_id else None
    return ComplaintDetail(
        complaint=c,
        station=station.name if station else "",
        station_code=station.code if station else "",
        handling_unit=handling.name if handling else None,
        customer_name=customer.name if customer is not None else None,
        customer_phone=phone,
        owner=people.get(c.owner_id or ""),
        root_causes=causes,
        callback_task=task,
        steps=[
            StepEntry(
                at=s.at,
                kind=s.kind,
                from_status=s.from_status,
                to_status=s.to_status,
                actor=people.get(s.actor_id or ""),
                responsible=people.get(s.responsible_id or ""),
                note=s.note or "",
                notified=[people.get(i, "?") for i in told[s.id]],
            )
            for s in steps
        ],
        deadlines=sla.deadline_states(
            c, now, sla.warn_share(session), close_start=since if reopened else None
        ),
        checklist=closure.checklist(session, c, since),
        actions=workflow.available_actions(session, user, c),
    )
