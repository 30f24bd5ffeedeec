"""Passwords (argon2) and login with lockout after repeated failures."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, AuthError, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_clock
from desktop_crm.models import LoginState, OrgUnit, User
from desktop_crm.services import audit
from desktop_crm.services.settings import get_setting

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password_policy(session: Session, password: str) -> None:
    minimum = int(get_setting(session, "auth.min_password_length"))
    if len(password) < minimum:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password needs at least {n} characters."),
            field="password",
            n=minimum,
        )


def _clock(ms: int) -> str:
    return local_clock(ms)


def login_state(session: Session, login: str) -> LoginState:
    state = session.get(LoginState, login)
    if state is None:
        state = LoginState(login=login, failed_logins=0)
        session.add(state)
    return state


def clear_lock(session: Session, login: str) -> None:
    """After a password reset: the count starts afresh and a lock is lifted."""
    state = session.get(LoginState, login)
    if state is not None:
        state.failed_logins, state.locked_until = 0, None


def _unit_inactive(session: Session, user: User) -> bool:
    """Whether the user's unit, or any unit above it, has been deactivated."""
    unit = session.get(OrgUnit, user.org_unit_id)
    if unit is None:
        return True
    ids = [part for part in unit.path.split("/") if part]
    return bool(
        session.scalar(
            select(OrgUnit.id).where(OrgUnit.id.in_(ids), OrgUnit.active.is_(False)).limit(1)
        )
    )


def authenticate(session: Session, login: str, password: str, now: int | None = None) -> User:
    """The user for ``login`` if the password is right; AuthError with the reason otherwise.

    Failed attempts are counted per login name, known or not, so the answer does not
    tell whether an account exists. The configured number (default 5) locks the login
    for the configured minutes (default 5). The caller commits the session either way.
    """
    now = now_ms() if now is None else now
    login = login.strip()
    max_failures = int(get_setting(session, "auth.max_failed_logins"))
    lock_minutes = int(get_setting(session, "auth.lock_minutes"))
    state = login_state(session, login)
    if state.locked_until is not None and state.locked_until > now:
        minutes = max(1, -(-(state.locked_until - now) // 60_000))
        raise AuthError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The account {login} is locked after {max} failed attempts. "
                "Try again in {minutes} min (at {until}).",
            ),
            login=login,
            max=max_failures,
            minutes=minutes,
            until=_clock(state.locked_until),
        )
    if state.locked_until is not None:  # the lock has run out: start counting afresh
        state.locked_until = None
        state.failed_logins = 0
    user = session.scalar(select(User).where(User.login == login, User.deleted.is_(False)))
    if user is None:
        verify_password(_dummy_hash(), password)  # as long as a real check
    if user is None or not verify_password(user.password_hash, password):
        state.failed_logins += 1
        if user is not None:
            audit.record(session, user, audit.Action.LOGIN_FAILED, "user", user.id)
        if state.failed_logins >= max_failures:
            state.locked_until = now + lock_minutes * 60_000
            raise AuthError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Wrong password for the {max}th time: the account {login} is locked "
                    "for {minutes} minutes (until {until}).",
                ),
                login=login,
                max=max_failures,
                minutes=lock_minutes,
                until=_clock(state.locked_until),
            )
        raise AuthError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Wrong user name or password. {left} more failed attempts lock the account "
                "for {minutes} minutes.",
            ),
            left=max_failures - state.failed_logins,
            minutes=lock_minutes,
        )
    if not user.active or _unit_inactive(session, user):
        raise AuthError(
            QT_TRANSLATE_NOOP(
                "errors", "The account {login} has been deactivated. Ask your administrator."
            ),
            login=user.login,
        )
    state.failed_logins = 0
    state.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    audit.record(session, user, audit.Action.LOGIN, "user", user.id)
    return user


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password("not a password"))
    return _DUMMY[0]
