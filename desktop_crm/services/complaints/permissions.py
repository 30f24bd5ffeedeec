"""Who may act on a complaint.

- Auditors read only.
- The handling level decides: a station's people act on the complaints their station
  handles (level station), an area's on those escalated to the area, the company's on
  everything. A unit above the handling unit may step in (an area manager on a
  station-level complaint of the area); a unit below may not (once escalated, the
  station no longer moves the complaint itself).
- The person named responsible for the current step may carry it out even outside
  the handling unit (e.g. the station master charged by the area with rectification).
- Decisions are a manager's (station master, area manager, company administrator):
  the outcome of the review (审查), archiving, reopening, marking a suggestion adopted
  or rewarded.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied
from desktop_crm.models import Complaint, ComplaintStep, Role, User
from desktop_crm.services.complaints import steps
from desktop_crm.services.customer_access import in_subtree, is_manager

NOT_YOURS = QT_TRANSLATE_NOOP(
    "errors",
    "This complaint is handled by another unit ({unit}); only its people or a unit above "
    "can act on it.",
)
AUDITOR = QT_TRANSLATE_NOOP("errors", "Auditors may look at complaints but not change them.")
MANAGERS_ONLY = QT_TRANSLATE_NOOP(
    "errors", "This decision needs a station master, an area manager or a company administrator."
)


def current_responsible(session: Session, complaint: Complaint) -> str | None:
    """The person named responsible by the latest transition (or escalation)."""
    return session.scalar(
        select(ComplaintStep.responsible_id)
        .where(
            ComplaintStep.complaint_id == complaint.id,
            ComplaintStep.kind.in_((steps.TRANSITION, steps.REOPEN, steps.ESCALATION)),
        )
        .order_by(ComplaintStep.at.desc(), ComplaintStep.id.desc())
        .limit(1)
    )


def handles(session: Session, user: User, complaint: Complaint) -> bool:
    """The user's unit is the handling unit or above it."""
    return in_subtree(session, user, complaint.handling_org_id or complaint.org_unit_id)


def can_act(session: Session, user: User, complaint: Complaint) -> bool:
    if user.role == Role.AUDITOR or not user.active:
        return False
    if handles(session, user, complaint):
        return True
    return current_responsible(session, complaint) == user.id


def can_decide(session: Session, user: User, complaint: Complaint) -> bool:
    return is_manager(user) and user.active and handles(session, user, complaint)


def can_reopen(session: Session, user: User, complaint: Complaint) -> bool:
    """A manager over the complaint's station (a customer comes back to the station)."""
    return (
        is_manager(user)
        and user.active
        and (handles(session, user, complaint) or in_subtree(session, user, complaint.org_unit_id))
    )


def _refuse(session: Session, user: User, complaint: Complaint) -> PermissionDenied:
    if user.role == Role.AUDITOR:
        return PermissionDenied(AUDITOR)
    from desktop_crm.models import OrgUnit

    unit = session.get(OrgUnit, complaint.handling_org_id or complaint.org_unit_id)
    return PermissionDenied(NOT_YOURS, unit=unit.name if unit else "?")


def require_act(session: Session, user: User, complaint: Complaint) -> None:
    if not can_act(session, user, complaint):
        raise _refuse(session, user, complaint)


def require_decide(session: Session, user: User, complaint: Complaint) -> None:
    if user.role == Role.AUDITOR:
        raise PermissionDenied(AUDITOR)
    if not is_manager(user):
        raise PermissionDenied(MANAGERS_ONLY)
    if not can_decide(session, user, complaint):
        raise _refuse(session, user, complaint)


def require_reopen(session: Session, user: User, complaint: Complaint) -> None:
    if user.role == Role.AUDITOR:
        raise PermissionDenied(AUDITOR)
    if not is_manager(user):
        raise PermissionDenied(MANAGERS_ONLY)
    if not can_reopen(session, user, complaint):
        raise _refuse(session, user, complaint)
