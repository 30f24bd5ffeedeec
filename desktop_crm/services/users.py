"""User administration: create, role, org unit, reset password, deactivate."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import OrgUnit, Role, User
from desktop_crm.services import audit
from desktop_crm.services.auth import check_password_policy, clear_lock, hash_password
from desktop_crm.services.permissions import require_settings_admin

LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")


def create_user(
    session: Session,
    actor: User | None,
    login: str,
    name: str,
    role: str,
    org_unit: OrgUnit,
    password: str,
    badge_no: str | None = None,
) -> User:
    """A new user; ``actor`` None only for the first-run set-up."""
    require_settings_admin(actor, session)
    login = login.strip()
    if not LOGIN_PATTERN.match(login):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The user name takes 2 to 64 letters, digits or . _ @ - characters."
            ),
            field="login",
        )
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The user name {login} is already taken."),
            field="login",
            login=login,
        )
    if not name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the person's name."), field="name")
    if role not in set(Role):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a role."), field="role")
    check_password_policy(session, password)
    user = User(
        login=login,
        name=name.strip(),
        badge_no=(badge_no or "").strip() or None,
        role=role,
        org_unit_id=org_unit.id,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor or user,
        audit.Action.CREATE,
        "user",
        user.id,
        {"login": login, "role": role, "org": org_unit.code},
    )
    return user


def update_user(
    session: Session,
    actor: User,
    user: User,
    *,
    name: str | None = None,
    role: str | None = None,
    org_unit: OrgUnit | None = None,
    badge_no: str | None = None,
) -> None:
    require_settings_admin(actor)
    changes: dict[str, object] = {}
    if name is not None and name.strip() != user.name:
        if not name.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Enter the person's name."), field="name"
            )
        changes["name"] = user.name = name.strip()
    if role is not None and role != user.role:
        if role not in set(Role):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a role."), field="role")
        if user.id == actor.id and role != Role.COMPANY_ADMIN:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "You cannot take the administrator role from yourself."
                ),
                field="role",
            )
        changes["role"] = user.role = role
    if org_unit is not None and org_unit.id != user.org_unit_id:
        user.org_unit_id = org_unit.id
        changes["org"] = org_unit.code
    if badge_no is not None and (badge_no.strip() or None) != user.badge_no:
        changes["badge_no"] = user.badge_no = badge_no.strip() or None
    if changes:
        audit.record(session, actor, audit.Action.EDIT, "user", user.id, changes)


def reset_password(session: Session, actor: User, user: User, new_password: str) -> None:
    require_settings_admin(actor)
    check_password_policy(session, new_password)
    user.password_hash = hash_password(new_password)
    clear_lock(session, user.login)
    audit.record(session, actor, audit.Action.EDIT, "user", user.id, {"password": "reset"})


def set_active(session: Session, actor: User, user: User, active: bool) -> None:
    require_settings_admin(actor)
    if user.id == actor.id and not active:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "You cannot deactivate yourself."))
    user.active = active
    audit.record(session, actor, audit.Action.EDIT, "user", user.id, {"active": active})


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.deleted.is_(False)).order_by(User.login)))


def acting_user(session: Session, login: str | None) -> User:
    """Whom a command-line job acts as: the given login, or the first active company
    administrator (scheduled jobs run for the company)."""
    query = select(User).where(User.deleted.is_(False), User.active.is_(True))
    if login:
        user = session.scalar(query.where(User.login == login))
        if user is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "There is no active user {login}."),
                field="user",
                login=login,
            )
        return user
    user = session.scalar(
        query.where(User.role == Role.COMPANY_ADMIN).order_by(User.login).limit(1)
    )
    if user is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The database has no company administrator yet: run the first-run set-up."
            )
        )
    return user
