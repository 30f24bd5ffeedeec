"""Small pieces every complaint action shares: loading, the clock, notes, refusals."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.models import Complaint, ComplaintStatus, ComplaintStep
from desktop_crm.services.complaints import steps

RECEIVED = ComplaintStatus.RECEIVED.value
VERIFYING = ComplaintStatus.VERIFYING.value
REVIEWING = ComplaintStatus.REVIEWING.value
RECTIFYING = ComplaintStatus.RECTIFYING.value
CALLBACK = ComplaintStatus.CALLBACK.value
ARCHIVED = ComplaintStatus.ARCHIVED.value
OPEN_STATUSES = (RECEIVED, VERIFYING, REVIEWING, RECTIFYING, CALLBACK)


def get_complaint(session: Session, complaint_id: str) -> Complaint:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None or complaint.deleted:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The complaint no longer exists. Refresh the list.")
        )
    return complaint


def clock(now: int | None) -> int:
    return now if now is not None else now_ms()


def clean_note(text: str | None) -> str | None:
    return (text or "").strip() or None


def require_note(text: str | None, message: str) -> str:
    note = clean_note(text)
    if not note:
        raise ValidationError(message, field="note")
    return note


def require_open(complaint: Complaint) -> None:
    if complaint.status == ARCHIVED:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The complaint is archived; reopen it to work on it.")
        )


def require_not_paused(complaint: Complaint) -> None:
    if complaint.paused_at is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The complaint is paused while waiting for the customer; resume it first.",
            )
        )


def cycle_start(session: Session, complaint: Complaint) -> int:
    """When the current handling round began: the last reopening, else receipt."""
    reopened = session.scalar(
        select(ComplaintStep.at)
        .where(ComplaintStep.complaint_id == complaint.id, ComplaintStep.kind == steps.REOPEN)
        .order_by(ComplaintStep.at.desc())
        .limit(1)
    )
    return reopened or complaint.received_at
