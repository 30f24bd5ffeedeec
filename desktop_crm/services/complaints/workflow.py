"""The complaint workflow: 受理 → 核实 → 审查 → 整改 → 回访 → 归档.

received → verifying (accepting it: the acceptance deadline is met) → reviewing →
rectifying → callback → archived. The review may send a complaint back to be verified
again, and a customer unhappy at the callback sends it back to rectification. An
archived complaint is reopened with a reason and starts again at verifying, with a
new closure deadline. Suggestions may be archived straight after the review (not
adopted) or after rectification (adopted, nothing to call back about).

Every change appends a step (see steps.py). Refusals raise ValidationError (a move
the workflow does not allow, a missing reason, an unmet checklist) or
PermissionDenied (see permissions.py), with a message for the user.

Entering the callback step creates a task in the callback queue (reason COMPLAINT,
due today, for the person responsible); recording that task (callbacks' recording
service calls ``callback_recorded``) completes the step: the satisfaction the
customer gave is kept and the complaint may be archived once its checklist holds.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_zone
from desktop_crm.models import (
    CallbackTask,
    Complaint,
    ComplaintLevel,
    TaskReason,
    TaskStatus,
    User,
)
from desktop_crm.services.complaints import closure, options, permissions, sla, steps
from desktop_crm.services.complaints.clock import pause, reply, resume
from desktop_crm.services.complaints.closure import ClosureInfo, save_closure
from desktop_crm.services.complaints.common import (
    ARCHIVED,
    CALLBACK,
    RECEIVED,
    RECTIFYING,
    REVIEWING,
    VERIFYING,
    clean_note,
    clock,
    cycle_start,
    get_complaint,
    require_not_paused,
)
from desktop_crm.services.complaints.escalation import escalate
from desktop_crm.services.customer_access import can_own

__all__ = [
    "ACTIONS",
    "TRANSITIONS",
    "ClosureInfo",
    "action_label",
    "advance",
    "archive",
    "available_actions",
    "callback_done",
    "callback_recorded",
    "escalate",
    "pause",
    "reopen",
    "reply",
    "resume",
    "save_closure",
]

TRANSITIONS: dict[str, tuple[str, ...]] = {
    RECEIVED: (VERIFYING,),
    VERIFYING: (REVIEWING,),
    REVIEWING: (RECTIFYING, VERIFYING),
    RECTIFYING: (CALLBACK,),
    CALLBACK: (ARCHIVED, RECTIFYING),
    ARCHIVED: (),  # reopen(): back to VERIFYING with a reason
}
# Suggestions may also be archived after the review or the rectification.
SUGGESTION_TRANSITIONS: dict[str, tuple[str, ...]] = {
    **TRANSITIONS,
    REVIEWING: (RECTIFYING, VERIFYING, ARCHIVED),
    RECTIFYING: (CALLBACK, ARCHIVED),
}
# Moves that are a manager's decision (the review's outcome, archiving).
DECISIONS = frozenset({(REVIEWING, RECTIFYING), (REVIEWING, VERIFYING), (REVIEWING, ARCHIVED),
                       (CALLBACK, ARCHIVED), (RECTIFYING, ARCHIVED)})  # fmt: skip
# Moves back need a note saying why.
NOTE_NEEDED = frozenset({(REVIEWING, VERIFYING), (CALLBACK, RECTIFYING)})

# Why a move is refused, by the step the complaint is at.
REFUSALS: dict[str, str] = {
    RECEIVED: QT_TRANSLATE_NOOP(
        "errors", "A new complaint is first accepted and verified; it cannot skip that step."
    ),
    VERIFYING: QT_TRANSLATE_NOOP(
        "errors", "A complaint being verified goes to review next; it cannot skip the review."
    ),
    REVIEWING: QT_TRANSLATE_NOOP(
        "errors",
        "After the review a complaint goes to rectification, or back to verification.",
    ),
    RECTIFYING: QT_TRANSLATE_NOOP(
        "errors", "After rectification the customer is called back before archiving."
    ),
    CALLBACK: QT_TRANSLATE_NOOP(
        "errors", "After the callback a complaint is archived, or rectified again."
    ),
    ARCHIVED: QT_TRANSLATE_NOOP(
        "errors", "The complaint is archived; reopen it with a reason to work on it."
    ),
}
SUGGESTION_REFUSALS: dict[str, str] = {
    REVIEWING: QT_TRANSLATE_NOOP(
        "errors",
        "After the review a suggestion is put into practice, archived, or verified again.",
    ),
    RECTIFYING: QT_TRANSLATE_NOOP(
        "errors", "Once put into practice a suggestion is archived or its author called back."
    ),
}

# Actions of available_actions besides the target statuses of TRANSITIONS.
REOPEN = "reopen"
PAUSE = "pause"
RESUME = "resume"
ESCALATE = "escalate"
REPLY = "reply"
CLOSURE = "closure"
CALLBACK_DONE = "callback_done"  # record the call of a complaint without a callback task
FLAGS = "flags"  # suggestions: adopted / rewarded

ACTIONS: dict[str, str] = {
    VERIFYING: QT_TRANSLATE_NOOP("complaints", "Accept and verify"),
    REVIEWING: QT_TRANSLATE_NOOP("complaints", "Submit for review"),
    RECTIFYING: QT_TRANSLATE_NOOP("complaints", "Approve rectification"),
    CALLBACK: QT_TRANSLATE_NOOP("complaints", "Call the customer back"),
    ARCHIVED: QT_TRANSLATE_NOOP("complaints", "Archive"),
    REOPEN: QT_TRANSLATE_NOOP("complaints", "Reopen"),
    PAUSE: QT_TRANSLATE_NOOP("complaints", "Pause (waiting for the customer)"),
    RESUME: QT_TRANSLATE_NOOP("complaints", "Resume"),
    ESCALATE: QT_TRANSLATE_NOOP("complaints", "Escalate"),
    REPLY: QT_TRANSLATE_NOOP("complaints", "Record first reply"),
    CLOSURE: QT_TRANSLATE_NOOP("complaints", "Closing checklist"),
    CALLBACK_DONE: QT_TRANSLATE_NOOP("complaints", "Record the callback"),
    FLAGS: QT_TRANSLATE_NOOP("complaints", "Adopted / rewarded"),
}
# Labels of the moves back, which share a target status with a move forward.
BACK_ACTIONS: dict[tuple[str, str], str] = {
    (REVIEWING, VERIFYING): QT_TRANSLATE_NOOP("complaints", "Send back to verification"),
    (CALLBACK, RECTIFYING): QT_TRANSLATE_NOOP("complaints", "Rectify again"),
}


def action_label(complaint: Complaint, action: str) -> str:
    """The English label of an action for this complaint (context "complaints")."""
    return BACK_ACTIONS.get((complaint.status, action), ACTIONS.get(action, action))


def transitions_for(complaint: Complaint) -> tuple[str, ...]:
    table = SUGGESTION_TRANSITIONS if complaint.type == options.SUGGESTION else TRANSITIONS
    return table.get(complaint.status, ())


# --- What a user may do ------------------------------------------------------------------------


def available_actions(session: Session, user: User, complaint: Complaint) -> list[str]:
    """The actions the user's role and unit allow on the complaint now, in the order to
    show them: target statuses of TRANSITIONS and the action codes of ACTIONS. Archiving
    is offered to whoever may decide; archive() then checks the closing checklist."""
    status = complaint.status
    if status == ARCHIVED:
        actions = [REOPEN] if permissions.can_reopen(session, user, complaint) else []
        if complaint.type == options.SUGGESTION and permissions.can_decide(
            session, user, complaint
        ):
            actions.append(FLAGS)
        return actions
    if not permissions.can_act(session, user, complaint):
        return []
    decide = permissions.can_decide(session, user, complaint)
    paused = complaint.paused_at is not None
    actions: list[str] = []
    if not paused:
        for target in transitions_for(complaint):
            if (status, target) in DECISIONS and not decide:
                continue
            actions.append(target)
    if status == CALLBACK and complaint.customer_id is None:
        actions.append(CALLBACK_DONE)
    if complaint.first_reply_at is None:
        actions.append(REPLY)
    actions.append(RESUME if paused else PAUSE)
    if complaint.level != ComplaintLevel.COMPANY.value:
        actions.append(ESCALATE)
    if complaint.type != options.SUGGESTION:
        actions.append(CLOSURE)
    elif decide:
        actions.append(FLAGS)
    return actions


# --- Moves ---------------------------------------------------------------------------------------


def _responsible(
    session: Session, complaint: Complaint, actor: User, responsible_id: str | None
) -> str:
    if not responsible_id or responsible_id == actor.id:
        return actor.id
    person = session.get(User, responsible_id)
    if person is None or not can_own(session, person, complaint.org_unit_id):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} cannot be made responsible: choose someone of the station, its area "
                "or the company.",
            ),
            field="responsible",
            name=person.name if person else "?",
        )
    return person.id


def advance(
    session: Session,
    actor: User,
    complaint_id: str,
    to_status: str,
    note: str | None,
    responsible_id: str | None = None,
    now: int | None = None,
) -> Complaint:
    """Move the complaint to ``to_status`` if the workflow and the actor's role allow it."""
    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    permissions.require_act(session, actor, complaint)
    origin = complaint.status
    if to_status not in transitions_for(complaint):
        suggestion = complaint.type == options.SUGGESTION
        text = (SUGGESTION_REFUSALS if suggestion else {}).get(origin) or REFUSALS[origin]
        raise ValidationError(text, field="status", current=origin, target=to_status)
    if (origin, to_status) in DECISIONS:
        permissions.require_decide(session, actor, complaint)
    require_not_paused(complaint)
    note = clean_note(note)
    if (origin, to_status) in NOTE_NEEDED and not note:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Say why the complaint goes back a step."), field="note"
        )
    responsible = _responsible(session, complaint, actor, responsible_id)
    if to_status == ARCHIVED:
        _check_archivable(session, complaint)
        complaint.closed_at = now
    if to_status == VERIFYING and complaint.accepted_at is None:
        complaint.accepted_at = now
    complaint.status = to_status
    steps.add_step(
        session, complaint, steps.TRANSITION, now, actor_id=actor.id, from_status=origin,
        to_status=to_status, responsible_id=responsible, note=note,
    )  # fmt: skip
    if to_status == CALLBACK:
        _open_callback_task(session, complaint, responsible, now)
    session.flush()
    return complaint


def archive(
    session: Session,
    actor: User,
    complaint_id: str,
    note: str | None = None,
    now: int | None = None,
) -> Complaint:
    """Archive (归档) once the closing checklist holds."""
    return advance(session, actor, complaint_id, ARCHIVED, note, now=now)


def _check_archivable(session: Session, complaint: Complaint) -> None:
    if complaint.type == options.SUGGESTION:
        return
    missing = closure.missing(
        closure.checklist(session, complaint, cycle_start(session, complaint))
    )
    if missing:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The complaint cannot be archived yet: {count} items of the closing checklist "
                "are not done (cause, responsibility, corrective action, callback, "
                "satisfaction).",
            ),
            field="checklist",
            count=len(missing),
            missing=[item.code for item in missing],
        )


def _open_callback_task(session: Session, complaint: Complaint, assignee: str, now: int) -> None:
    """The task of the 回访 step in the callback queue (none for an anonymous complaint)."""
    if complaint.customer_id is None:
        return
    if complaint.callback_task_id:
        current = session.get(CallbackTask, complaint.callback_task_id)
        if current is not None and current.status in (TaskStatus.OPEN, TaskStatus.BOOKED):
            return  # still waiting to be called: keep that task
    today = datetime.fromtimestamp(now / 1000, tz=local_zone()).date()
    task = CallbackTask(
        customer_id=complaint.customer_id,
        reason=TaskReason.COMPLAINT.value,
        purpose=f"{complaint.number}: {complaint.description[:80]}",
        due_date=today.isoformat(),
        assignee_id=assignee or complaint.owner_id,
        status=TaskStatus.OPEN.value,
        attempts=0,
        complaint_id=complaint.id,
        created_at=now,
        org_unit_id=complaint.org_unit_id,
    )
    session.add(task)
    session.flush()
    complaint.callback_task_id = task.id


def reopen(
    session: Session, actor: User, complaint_id: str, reason: str, now: int | None = None
) -> Complaint:
    """Reopen an archived complaint: back to verifying, with a new closure deadline."""
    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    permissions.require_reopen(session, actor, complaint)
    if complaint.status != ARCHIVED:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only an archived complaint can be reopened.")
        )
    reason = clean_note(reason)
    if not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give the reason for reopening the complaint."),
            field="note",
        )
    policy = sla.policy_for(session, complaint.category, complaint.severity)
    calendar = sla.WorkingCalendar.load(session)
    complaint.close_deadline = calendar.deadline_ms(now, policy.close_working_days)
    complaint.status = VERIFYING
    complaint.closed_at = None
    complaint.paused_at = None
    complaint.paused_ms = 0
    complaint.callback_task_id = None
    complaint.satisfaction = None
    steps.add_step(
        session, complaint, steps.REOPEN, now, actor_id=actor.id, from_status=ARCHIVED,
        to_status=VERIFYING, responsible_id=actor.id, note=reason,
    )  # fmt: skip
    session.flush()
    return complaint


def callback_done(
    session: Session,
    actor: User,
    complaint_id: str,
    satisfaction: int | None,
    note: str,
    now: int | None = None,
) -> Complaint:
    """The callback of a complaint without a callback task (an anonymous complainant)."""
    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    permissions.require_act(session, actor, complaint)
    if complaint.status != CALLBACK:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The callback is recorded at the callback step.")
        )
    if complaint.customer_id is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Record this callback in the callback queue, where its task is."
            )
        )
    if satisfaction is not None and not 1 <= satisfaction <= 5:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Satisfaction is a score from 1 to 5."),
            field="satisfaction",
        )
    note = clean_note(note)
    if not note:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Write what the customer said."), field="note"
        )
    _callback_step(complaint, session, actor.id, satisfaction, note, now)
    session.flush()
    return complaint


def _callback_step(
    complaint: Complaint,
    session: Session,
    actor_id: str | None,
    satisfaction: int | None,
    note: str | None,
    at: int,
) -> None:
    if satisfaction is not None:
        complaint.satisfaction = satisfaction
    if complaint.first_reply_at is None:
        complaint.first_reply_at = at
    steps.add_step(
        session, complaint, steps.CALLBACK, at, actor_id=actor_id, from_status=complaint.status,
        to_status=complaint.status, note=note,
    )  # fmt: skip


def callback_recorded(session: Session, actor: User, task: CallbackTask) -> Complaint | None:
    """Called by the callback queue after a reached record of a complaint's task: the
    callback step is done, the customer's satisfaction kept, archiving may follow."""
    if not task.complaint_id or task.reason != TaskReason.COMPLAINT:
        return None
    complaint = session.get(Complaint, task.complaint_id)
    if complaint is None or complaint.deleted:
        return None
    at = task.recorded_at or now_ms()
    parts = [p for p in (task.note, task.problems, task.suggestions) if p]
    _callback_step(complaint, session, actor.id, task.satisfaction, "; ".join(parts) or None, at)
    session.flush()
    return complaint
