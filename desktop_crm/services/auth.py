"""Passwords (argon2) and login with lockout after repeated failures."""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, AuthError, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.models import User
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
    return datetime.fromtimestamp(ms / 1000).strftime("%H:%M")


def authenticate(session: Session, login: str, password: str, now: int | None = None) -> User:
    """The user for ``login`` if the password is right; AuthError with the reason otherwise.

    Counts failed attempts: the configured number (default 5) locks the account for
    the configured minutes (default 5). The caller commits the session either way,
    so that failures are counted.
    """
    now = now_ms() if now is None else now
    max_failures = int(get_setting(session, "auth.max_failed_logins"))
    lock_minutes = int(get_setting(session, "auth.lock_minutes"))
    user = session.scalar(select(User).where(User.login == login.strip(), User.deleted.is_(False)))
    if user is None:
        verify_password(_dummy_hash(), password)  # same time as a real check
        raise AuthError(QT_TRANSLATE_NOOP("errors", "Wrong user name or password."))
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, -(-(user.locked_until - now) // 60_000))
        raise AuthError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The account {login} is locked after {max} failed attempts. "
                "Try again in {minutes} min (at {until}).",
            ),
            login=user.login,
            max=max_failures,
            minutes=minutes,
            until=_clock(user.locked_until),
        )
    if user.locked_until is not None:  # the lock has run out: start counting afresh
        user.locked_until = None
        user.failed_logins = 0
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1
        audit.record(session, user, audit.Action.LOGIN_FAILED, "user", user.id)
        if user.failed_logins >= max_failures:
            user.locked_until = now + lock_minutes * 60_000
            raise AuthError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Wrong password for the {max}th time: the account {login} is locked "
                    "for {minutes} minutes (until {until}).",
                ),
                login=user.login,
                max=max_failures,
                minutes=lock_minutes,
                until=_clock(user.locked_until),
            )
        raise AuthError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Wrong user name or password. {left} more failed attempts lock the account "
                "for {minutes} minutes.",
            ),
            left=max_failures - user.failed_logins,
            minutes=lock_minutes,
        )
    if not user.active:
        raise AuthError(
            QT_TRANSLATE_NOOP(
                "errors", "The account {login} has been deactivated. Ask your administrator."
            ),
            login=user.login,
        )
    user.failed_logins = 0
    user.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    audit.record(session, user, audit.Action.LOGIN, "user", user.id)
    return user


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password("not a password"))
    return _DUMMY[0]
