"""Intake (受理/登记) of complaints and suggestions.

From the complaints tab, a customer's file or a callback record: the customer (or
anonymous, with a contact number if one was given), the station, source, category,
business line, severity, what happened and what the customer wants.

The number is the station code, the local date and a sequence of that station and
day: ZS0101-20261123-003. Each station numbers its own complaints, so stations that
work offline never hand out the same number without asking anyone.

At intake the deadlines are set from the SLA policy and the working-day calendar;
the station handles the complaint (its master owns it), except a 重大 or 特别重大
one, which goes to the company at once (logged as an escalation with who was told).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from desktop_crm.localtime import local_zone
from desktop_crm.models import (
    CallbackTask,
    Complaint,
    ComplaintLevel,
    ComplaintStatus,
    OrgKind,
    OrgUnit,
    Role,
    User,
)
from desktop_crm.services import audit
from desktop_crm.services.complaints import options, permissions, sla, steps
from desktop_crm.services.complaints.common import clock, get_complaint
from desktop_crm.services.complaints.escalation import move_up
from desktop_crm.services.complaints.handling import Handlers
from desktop_crm.services.customer_access import get_customer, in_subtree
from desktop_crm.services.settings import root_org_id
from desktop_crm.services.validation import is_valid_phone, normalize_phone


@dataclass
class ComplaintDraft:
    type: str = options.COMPLAINT  # complaint / suggestion
    customer_id: str | None = None  # None: anonymous
    contact_phone: str | None = None
    station_id: str = ""
    source: str = ""
    category: str = ""
    business_line: str = "零售"
    severity: str = options.MINOR
    description: str = ""
    customer_wants: str | None = None
    source_task_id: str | None = None  # the callback during which it was raised


def _invalid(text: str, field: str) -> ValidationError:
    return ValidationError(text, field=field)


def _check_choice(value: str, allowed: list[tuple[str, str]], text: str, field: str) -> None:
    if value not in {code for code, _label in allowed}:
        raise _invalid(text, field)


def _station(session: Session, actor: User, station_id: str) -> OrgUnit:
    unit = session.get(OrgUnit, station_id) if station_id else None
    if unit is None or unit.deleted or unit.kind != OrgKind.STATION.value or not unit.active:
        raise _invalid(QT_TRANSLATE_NOOP("errors", "Choose the station concerned."), "station")
    if not in_subtree(session, actor, unit.id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "{station} is outside your unit; its own people take its complaints."
            ),
            station=unit.name,
        )
    return unit


def validate_draft(session: Session, actor: User, draft: ComplaintDraft) -> OrgUnit:
    """The station of a valid draft; ValidationError naming the field otherwise."""
    if actor.role == Role.AUDITOR:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "Auditors may look at complaints but not change them.")
        )
    station = _station(session, actor, draft.station_id)
    _check_choice(draft.type, options.types(), QT_TRANSLATE_NOOP(
        "errors", "Choose complaint or suggestion."), "type")  # fmt: skip
    _check_choice(draft.source, options.sources(), QT_TRANSLATE_NOOP(
        "errors", "Choose where the complaint came from."), "source")  # fmt: skip
    _check_choice(draft.category, options.categories(session), QT_TRANSLATE_NOOP(
        "errors", "Choose a category of the list."), "category")  # fmt: skip
    _check_choice(draft.business_line, options.business_lines(), QT_TRANSLATE_NOOP(
        "errors", "Choose the business line."), "business_line")  # fmt: skip
    _check_choice(draft.severity, options.severities(), QT_TRANSLATE_NOOP(
        "errors", "Choose the severity."), "severity")  # fmt: skip
    if not draft.description.strip():
        raise _invalid(
            QT_TRANSLATE_NOOP("errors", "Describe what happened, in the customer's words."),
            "description",
        )
    if draft.customer_id:
        get_customer(session, draft.customer_id)
    phone = (draft.contact_phone or "").strip()
    if phone and not is_valid_phone(phone):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{phone} is not a phone number: enter a mobile (11 digits) or a landline with "
                "its area code, or leave it empty.",
            ),
            field="contact_phone",
            phone=phone,
        )
    return station


def next_number(session: Session, station: OrgUnit, received_at: int) -> str:
    """station code - local date - the next sequence of that station and day (3 digits)."""
    day = datetime.fromtimestamp(received_at / 1000, tz=local_zone()).strftime("%Y%m%d")
    prefix = f"{station.code}-{day}-"
    taken = session.scalars(
        select(Complaint.number).where(
            Complaint.number >= prefix, Complaint.number < prefix + "\U0010ffff"
        )
    ).all()
    last = max((int(n[len(prefix) :]) for n in taken if n[len(prefix) :].isdigit()), default=0)
    return f"{prefix}{last + 1:03d}"


def create_complaint(
    session: Session, actor: User, draft: ComplaintDraft, now: int | None = None
) -> Complaint:
    """Register a complaint or suggestion: number, deadlines, level, owner, first step."""
    now = clock(now)
    station = validate_draft(session, actor, draft)
    root = root_org_id(session)
    if root is not None:
        sla.ensure_default_policies(session, root)
    policy = sla.policy_for(session, draft.category, draft.severity)
    accept, reply, close = sla.deadlines_for(policy, now, sla.WorkingCalendar.load(session))
    handlers = Handlers.load(session)
    owner = handlers.owner_for(station.id)
    if owner is None and actor.org_unit_id == station.id:
        owner = actor.id
    phone = (draft.contact_phone or "").strip()
    complaint = Complaint(
        number=next_number(session, station, now),
        type=draft.type,
        customer_id=draft.customer_id or None,
        contact_phone=normalize_phone(phone) if phone else None,
        source=draft.source,
        category=draft.category,
        business_line=draft.business_line,
        severity=draft.severity,
        level=ComplaintLevel.STATION.value,
        status=ComplaintStatus.RECEIVED.value,
        owner_id=owner,
        received_at=now,
        accept_deadline=accept,
        reply_deadline=reply,
        close_deadline=close,
        description=draft.description.strip(),
        customer_wants=(draft.customer_wants or "").strip() or None,
        root_causes="[]",
        handling_org_id=station.id,
        paused_ms=0,
        org_unit_id=station.id,
    )
    session.add(complaint)
    session.flush()
    steps.add_step(
        session, complaint, steps.TRANSITION, now, actor_id=actor.id,
        to_status=ComplaintStatus.RECEIVED.value, responsible_id=owner,
    )  # fmt: skip
    if draft.severity in options.COMPANY_SEVERITIES:
        move_up(session, handlers, complaint, now, steps.SEVERITY_NOTE, actor.id,
                to_level=ComplaintLevel.COMPANY.value)  # fmt: skip
    if draft.source_task_id:
        _link_task(session, draft.source_task_id, complaint)
    audit.record(session, actor, audit.Action.CREATE, "complaint", complaint.id,
                 {"number": complaint.number, "type": complaint.type})  # fmt: skip
    session.flush()
    return complaint


def _link_task(session: Session, task_id: str, complaint: Complaint) -> None:
    task = session.get(CallbackTask, task_id)
    if task is None or task.deleted:
        raise _invalid(
            QT_TRANSLATE_NOOP("errors", "The callback this complaint came from no longer exists."),
            "source_task",
        )
    task.complaint_id = complaint.id


def set_suggestion_flags(
    session: Session,
    actor: User,
    complaint_id: str,
    adopted: bool,
    rewarded: bool,
    now: int | None = None,
) -> Complaint:
    """Mark a suggestion adopted (采纳) and rewarded (奖励): a manager's decision."""
    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    if complaint.type != options.SUGGESTION:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only a suggestion can be adopted or rewarded.")
        )
    permissions.require_decide(session, actor, complaint)
    if rewarded and not adopted:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only an adopted suggestion can be rewarded."),
            field="rewarded",
        )
    if (complaint.adopted, complaint.rewarded) == (adopted, rewarded):
        return complaint
    complaint.adopted, complaint.rewarded = adopted, rewarded
    note = ", ".join(n for n, on in (("adopted", adopted), ("rewarded", rewarded)) if on) or "-"
    steps.add_step(session, complaint, steps.FLAGS, now, actor_id=actor.id, note=note)
    session.flush()
    return complaint
