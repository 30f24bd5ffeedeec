"""Passwords, lockout after five failures, deactivated accounts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_crm.errors import AuthError
from desktop_crm.i18n import translate_message
from desktop_crm.models import AuditEvent, LoginState, OrgUnit, User
from desktop_crm.services.auth import authenticate
from tests.conftest import PASSWORD

T0 = 1_795_000_000_000  # a fixed clock, UTC ms


def attempt(db, login: str, password: str, now: int) -> User | AuthError:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        try:
            return authenticate(s, login, password, now=now)
        except AuthError as error:
            return error


def zh(error: AuthError) -> str:
    return translate_message(error.context, error.text, error.params)


def test_password_is_stored_as_argon2_hash(db, org) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "staff"))
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


def test_right_password_logs_in_and_is_audited(db, org) -> None:  # type: ignore[no-untyped-def]
    user = attempt(db, "staff", PASSWORD, T0)
    assert isinstance(user, User) and user.login == "staff"
    with db.session() as s:
        assert s.get_one(LoginState, "staff").last_login_at == T0
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.user_id == user.id)))
    assert "login" in actions


def test_five_failures_lock_for_five_minutes(db, org) -> None:  # type: ignore[no-untyped-def]
    for number in range(1, 5):
        error = attempt(db, "staff", "wrong", T0 + number)
        assert isinstance(error, AuthError)
        assert f"再失败 {5 - number} 次" in zh(error)
    fifth = attempt(db, "staff", "wrong", T0 + 5)
    assert isinstance(fifth, AuthError)
    assert "已被锁定 5 分钟" in zh(fifth)
    # Locked: even the right password is refused, with the time left.
    locked = attempt(db, "staff", PASSWORD, T0 + 65_005)
    assert isinstance(locked, AuthError)
    assert "已被锁定" in zh(locked) and "4 分钟后" in zh(locked)
    # Five minutes later the account opens again and the counter starts afresh.
    user = attempt(db, "staff", PASSWORD, T0 + 5 + 5 * 60_000)
    assert isinstance(user, User)
    with db.session() as s:
        assert s.get_one(LoginState, "staff").failed_logins == 0


def test_success_resets_the_failure_count(db, org) -> None:  # type: ignore[no-untyped-def]
    for number in range(4):
        assert isinstance(attempt(db, "master", "wrong", T0 + number), AuthError)
    assert isinstance(attempt(db, "master", PASSWORD, T0 + 10), User)
    error = attempt(db, "master", "wrong", T0 + 20)
    assert isinstance(error, AuthError) and "再失败 4 次" in zh(error)


def test_unknown_user_and_deactivated_user(db, org) -> None:  # type: ignore[no-untyped-def]
    unknown = attempt(db, "nobody", PASSWORD, T0)
    wrong = attempt(db, "staff", "wrong", T0)
    # An unknown name gets the same answer as a wrong password: no account discovery.
    assert isinstance(unknown, AuthError) and isinstance(wrong, AuthError)
    assert zh(unknown) == zh(wrong) == "用户名或密码错误。再失败 4 次，账号将被锁定 5 分钟。"
    with db.sessions.begin() as s:
        s.scalar(select(User).where(User.login == "staff2")).active = False
    refused = attempt(db, "staff2", PASSWORD, T0)
    assert isinstance(refused, AuthError) and "已被停用" in zh(refused)


@pytest.mark.parametrize("limit", [3])
def test_lockout_threshold_is_a_setting(db, org, limit: int) -> None:  # type: ignore[no-untyped-def]
    from desktop_crm.services.settings import put_setting

    with db.sessions.begin() as s:
        admin = s.scalar(select(User).where(User.login == "admin"))
        put_setting(s, admin, "auth.max_failed_logins", limit)
    for number in range(limit):
        error = attempt(db, "staff", "wrong", T0 + number)
    assert isinstance(error, AuthError) and "已被锁定" in zh(error)


def test_users_row_is_not_touched_by_logins(db, org) -> None:  # type: ignore[no-untyped-def]
    """Logins change only local state, so they never conflict with head-office edits."""
    with db.session() as s:
        before = s.scalar(select(User).where(User.login == "staff"))
        stamp = (before.updated_at, before.usn)
    attempt(db, "staff", "wrong", T0)
    attempt(db, "staff", PASSWORD, T0 + 1)
    with db.session() as s:
        after = s.scalar(select(User).where(User.login == "staff"))
        assert (after.updated_at, after.usn) == stamp


def test_users_of_a_deactivated_unit_cannot_log_in(db, org) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        s.get_one(OrgUnit, org.area.id).active = False  # the area above the station
    refused = attempt(db, "staff", PASSWORD, T0)
    assert isinstance(refused, AuthError) and "已被停用" in zh(refused)
    assert isinstance(attempt(db, "staff2", PASSWORD, T0), User)  # the other area still works
