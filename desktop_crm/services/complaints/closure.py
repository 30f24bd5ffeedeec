"""Closing a complaint properly (四不放过): the checklist and the root causes.

A complaint is archived only when its cause is found, the responsibility assigned,
the corrective action recorded, the customer called back (the task of the 回访 step
recorded) and their satisfaction (1-5) asked. Where the customer cannot be called
(anonymous without a contact number, or the callback task closed as unreachable
after the configured tries) the call and the satisfaction are waived, and the
checklist says so. Suggestions are closed without the checklist.

Root causes: up to five from the setting "complaints.root_causes".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import CallbackTask, Complaint, ComplaintStep, TaskStatus, User
from desktop_crm.services.complaints import options, steps

CAUSE = "cause"
RESPONSIBILITY = "responsibility"
CORRECTIVE_ACTION = "corrective_action"
CALLED_BACK = "called_back"
SATISFACTION = "satisfaction"

ITEMS: dict[str, str] = {
    CAUSE: QT_TRANSLATE_NOOP("complaints", "Cause found"),
    RESPONSIBILITY: QT_TRANSLATE_NOOP("complaints", "Responsibility assigned"),
    CORRECTIVE_ACTION: QT_TRANSLATE_NOOP("complaints", "Corrective action recorded"),
    CALLED_BACK: QT_TRANSLATE_NOOP("complaints", "Customer called back"),
    SATISFACTION: QT_TRANSLATE_NOOP("complaints", "Satisfaction (1-5) asked"),
}
WAIVED_REASONS: dict[str, str] = {
    "anonymous": QT_TRANSLATE_NOOP(
        "complaints", "Not possible: anonymous complaint without a contact number"
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "complaints", "Not possible: the customer could not be reached"
    ),
}


@dataclass
class ClosureInfo:
    cause: str | None = None
    responsibility: str | None = None
    corrective_action: str | None = None
    staff_informed: bool = False
    root_causes: list[str] = field(default_factory=list)
    satisfaction: int | None = None  # None: keep the score recorded at the callback


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    label: str  # English source text, context "complaints"
    ok: bool
    waived: str | None = None  # the reason code of WAIVED_REASONS when it does not apply


def root_causes_of(complaint: Complaint) -> list[str]:
    try:
        value = json.loads(complaint.root_causes or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def validate_closure(session: Session, complaint: Complaint, info: ClosureInfo) -> None:
    causes = [c.strip() for c in info.root_causes if c and c.strip()]
    if len(causes) > options.MAX_ROOT_CAUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose at most five root causes."), field="root_causes"
        )
    if len(set(causes)) != len(causes):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Each root cause may be chosen once."),
            field="root_causes",
        )
    allowed = {code for code, _label in options.root_causes(session)}
    allowed |= set(root_causes_of(complaint))  # kept even if since removed from the list
    unknown = [c for c in causes if c not in allowed]
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "{cause} is not in the list of root causes; choose one of the list."
            ),
            field="root_causes",
            cause=unknown[0],
        )
    if info.satisfaction is not None and not 1 <= info.satisfaction <= 5:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Satisfaction is a score from 1 to 5."),
            field="satisfaction",
        )


def apply_closure(complaint: Complaint, info: ClosureInfo) -> list[str]:
    """Copy the checklist fields onto the complaint; the names of the fields changed."""
    values = {
        "cause": (info.cause or "").strip() or None,
        "responsibility": (info.responsibility or "").strip() or None,
        "corrective_action": (info.corrective_action or "").strip() or None,
        "staff_informed": bool(info.staff_informed),
        "root_causes": json.dumps(
            [c.strip() for c in info.root_causes if c and c.strip()], ensure_ascii=False
        ),
        # the score the customer gave at the callback stays unless another is entered
        "satisfaction": info.satisfaction
        if info.satisfaction is not None
        else complaint.satisfaction,
    }
    changed = []
    for name, value in values.items():
        if getattr(complaint, name) != value:
            setattr(complaint, name, value)
            changed.append(name)
    return changed


def callback_state(session: Session, complaint: Complaint, since: int) -> tuple[bool, str | None]:
    """(called back, waived reason) for the current handling round (from ``since``)."""
    if complaint.callback_task_id:
        task = session.get(CallbackTask, complaint.callback_task_id)
        if task is not None:
            if task.status == TaskStatus.DONE and task.reached:
                return True, None
            if task.status == TaskStatus.UNREACHABLE:
                return True, "unreachable"
    recorded = session.scalar(
        select(ComplaintStep.id)
        .where(
            ComplaintStep.complaint_id == complaint.id,
            ComplaintStep.kind == steps.CALLBACK,
            ComplaintStep.at >= since,
        )
        .limit(1)
    )
    if recorded is not None:
        return True, None
    if complaint.customer_id is None and not complaint.contact_phone:
        return True, "anonymous"
    return False, None


def checklist(
    session: Session, complaint: Complaint, since: int | None = None
) -> list[ChecklistItem]:
    """The closing checklist of a complaint (empty for a suggestion)."""
    if complaint.type == options.SUGGESTION:
        return []
    called, waived = callback_state(session, complaint, since or complaint.received_at)
    return [
        ChecklistItem(CAUSE, ITEMS[CAUSE], bool(complaint.cause)),
        ChecklistItem(RESPONSIBILITY, ITEMS[RESPONSIBILITY], bool(complaint.responsibility)),
        ChecklistItem(
            CORRECTIVE_ACTION, ITEMS[CORRECTIVE_ACTION], bool(complaint.corrective_action)
        ),
        ChecklistItem(CALLED_BACK, ITEMS[CALLED_BACK], called, waived),
        ChecklistItem(
            SATISFACTION,
            ITEMS[SATISFACTION],
            waived is not None or complaint.satisfaction is not None,
            waived,
        ),
    ]


def missing(items: list[ChecklistItem]) -> list[ChecklistItem]:
    return [item for item in items if not item.ok]


def save_closure(
    session: Session, actor: User, complaint_id: str, info: ClosureInfo, now: int | None = None
) -> Complaint:
    """Fill in the closing checklist (cause, responsibility, action, root causes, ...)."""
    from desktop_crm.services.complaints import permissions
    from desktop_crm.services.complaints.common import clock, get_complaint, require_open

    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    permissions.require_act(session, actor, complaint)
    require_open(complaint)
    validate_closure(session, complaint, info)
    changed = apply_closure(complaint, info)
    if changed:
        steps.add_step(
            session, complaint, steps.CLOSURE, now, actor_id=actor.id, note=", ".join(changed)
        )
    session.flush()
    return complaint
