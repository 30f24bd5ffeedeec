"""What each role may do."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied
from desktop_crm.models import Role, User
from desktop_crm.services.settings import get_setting

ROLE_NAMES: dict[str, str] = {
    Role.STATION_STAFF: QT_TRANSLATE_NOOP("roles", "Station staff"),
    Role.STATION_MASTER: QT_TRANSLATE_NOOP("roles", "Station master"),
    Role.AREA_MANAGER: QT_TRANSLATE_NOOP("roles", "Area manager"),
    Role.COMPANY_ADMIN: QT_TRANSLATE_NOOP("roles", "Company administrator"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("roles", "Auditor"),
}


def can_see_unmasked(session: Session, user: User) -> bool:
    return user.role in set(get_setting(session, "privacy.unmasked_roles") or [])


def can_manage_settings(user: User) -> bool:
    return user.role == Role.COMPANY_ADMIN


def can_edit(user: User) -> bool:
    """Auditors read; every other role edits the customers it can see."""
    return user.role != Role.AUDITOR


def require_settings_admin(user: User | None, session: Session | None = None) -> None:
    """A company administrator; ``None`` (the set-up itself) only while there are no users."""
    if user is None:
        from sqlalchemy import select

        if session is None or session.scalar(select(User.id).limit(1)) is not None:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "This change needs a company administrator.")
            )
        return
    if not can_manage_settings(user):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "Only a company administrator can change the org tree and the users."
            )
        )
