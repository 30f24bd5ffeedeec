"""Actions on a complaint's clock: pause and resume while waiting for the customer, and
the first reply (which meets the reply deadline)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import Complaint, User
from desktop_crm.services.complaints import permissions, steps
from desktop_crm.services.complaints.common import (
    clean_note,
    clock,
    get_complaint,
    require_note,
    require_open,
)


def pause(
    session: Session, actor: User, complaint_id: str, note: str, now: int | None = None
) -> Complaint:
    """Stop the clock while waiting for the customer (what for is logged)."""
    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    permissions.require_act(session, actor, complaint)
    require_open(complaint)
    if complaint.paused_at is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The complaint is already paused."))
    text = require_note(
        note, QT_TRANSLATE_NOOP("errors", "Say what you are waiting for from the customer.")
    )
    complaint.paused_at = now
    steps.add_step(
        session, complaint, steps.PAUSE, now, actor_id=actor.id, from_status=complaint.status,
        to_status=complaint.status, note=text,
    )  # fmt: skip
    session.flush()
    return complaint


def resume(
    session: Session,
    actor: User,
    complaint_id: str,
    note: str | None = None,
    now: int | None = None,
) -> Complaint:
    """Restart the clock; the pending deadlines fall later by the time paused."""
    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    permissions.require_act(session, actor, complaint)
    if complaint.paused_at is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The complaint is not paused."))
    stood = max(0, now - complaint.paused_at)
    complaint.paused_ms = (complaint.paused_ms or 0) + stood
    complaint.paused_at = None
    text = clean_note(note)
    minutes = f"{stood // 60_000} min"
    steps.add_step(
        session, complaint, steps.RESUME, now, actor_id=actor.id, from_status=complaint.status,
        to_status=complaint.status, note=f"{text} ({minutes})" if text else minutes,
    )  # fmt: skip
    session.flush()
    return complaint


def reply(
    session: Session, actor: User, complaint_id: str, note: str, now: int | None = None
) -> Complaint:
    """The first reply to the customer (meets the reply deadline); later ones are logged."""
    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    permissions.require_act(session, actor, complaint)
    require_open(complaint)
    text = require_note(note, QT_TRANSLATE_NOOP("errors", "Write what the customer was told."))
    if complaint.first_reply_at is None:
        complaint.first_reply_at = now
    steps.add_step(session, complaint, steps.REPLY, now, actor_id=actor.id, note=text)
    session.flush()
    return complaint
