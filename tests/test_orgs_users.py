"""The org tree and user administration, with their audit events and permissions."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desktop_crm.errors import PermissionDenied, ValidationError
from desktop_crm.models import AuditEvent, LoginState, OrgKind, OrgUnit, Role, User
from desktop_crm.services import orgs, users
from desktop_crm.services.auth import authenticate, verify_password
from desktop_crm.services.setup import needs_first_run
from tests.conftest import PASSWORD


def get_user(s, login: str) -> User:  # type: ignore[no-untyped-def]
    return s.scalar(select(User).where(User.login == login))


def test_first_run_creates_company_area_station_and_admin(db) -> None:  # type: ignore[no-untyped-def]
    from desktop_crm.services.setup import first_run
    from tests.conftest import FIRST_RUN

    with db.session() as s:
        assert needs_first_run(s)
    with db.sessions.begin() as s:
        admin = first_run(s, FIRST_RUN)
    with db.session() as s:
        assert not needs_first_run(s)
        units = {u.code: u for u in s.scalars(select(OrgUnit))}
        assert [units[c].kind for c in ("GS", "GS01", "GS0101")] == ["company", "area", "station"]
        assert units["GS0101"].path == f"/{units['GS'].id}/{units['GS01'].id}/{units['GS0101'].id}/"
        stored = s.get_one(User, admin.id)
        assert stored.role == Role.COMPANY_ADMIN and stored.org_unit_id == units["GS"].id
        assert verify_password(stored.password_hash, PASSWORD)


def test_tree_of_any_depth_and_moving_a_branch(db, org) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        admin = get_user(s, "admin")
        area = s.get_one(OrgUnit, org.area.id)
        county = orgs.create_org_unit(s, admin, "GS01X", "县级片区", OrgKind.AREA, area)
        deep = orgs.create_org_unit(s, admin, "GS01X1", "乡镇加油站", OrgKind.STATION, county)
        assert deep.path.count("/") == 5
        orgs.move_org_unit(
            s, admin, s.get_one(OrgUnit, county.id), s.get_one(OrgUnit, org.area2.id)
        )
    with db.session() as s:
        moved = s.scalar(select(OrgUnit).where(OrgUnit.code == "GS01X1"))
        assert moved.path.startswith(s.get_one(OrgUnit, org.area2.id).path)
        assert set(orgs.subtree_ids(s, org.area2.id)) >= {moved.id}
        assert moved.id not in orgs.subtree_ids(s, org.area.id)


def test_org_validation_and_permissions(db, org) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        admin, master = get_user(s, "admin"), get_user(s, "master")
        company = s.get_one(OrgUnit, org.company.id)
        with pytest.raises(ValidationError) as dup:
            orgs.create_org_unit(s, admin, "GS0101", "重复", OrgKind.STATION, company)
        assert dup.value.field == "code"
        with pytest.raises(ValidationError):
            orgs.create_org_unit(s, admin, "bad code!", "坏代码", OrgKind.STATION, company)
        with pytest.raises(PermissionDenied):
            orgs.create_org_unit(s, master, "GS09", "站长不能建", OrgKind.AREA, company)
        with pytest.raises(ValidationError):
            orgs.set_active(s, admin, company, False)
        station = s.get_one(OrgUnit, org.station2.id)
        orgs.set_active(s, admin, station, False)
        assert not station.active


def test_user_lifecycle_is_audited(db, org) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        admin = get_user(s, "admin")
        new = users.create_user(
            s,
            admin,
            "zhouj",
            "周杰",
            Role.STATION_STAFF,
            s.get_one(OrgUnit, org.station.id),
            "start123",
            badge_no="A0107",
        )
        users.update_user(
            s, admin, new, role=Role.STATION_MASTER, org_unit=s.get_one(OrgUnit, org.station2.id)
        )
        users.reset_password(s, admin, new, "changed99")
        users.set_active(s, admin, new, False)
        new_id = new.id
    with db.session() as s:
        stored = s.get_one(User, new_id)
        assert (stored.role, stored.org_unit_id, stored.active) == (
            Role.STATION_MASTER,
            org.station2.id,
            False,
        )
        assert verify_password(stored.password_hash, "changed99")
        events = list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.entity_id == new_id).order_by(AuditEvent.at)
            )
        )
    assert [e.action for e in events] == ["create", "edit", "edit", "edit"]
    assert json.loads(events[1].detail) == {"role": "station_master", "org": "GS0201"}
    assert json.loads(events[2].detail) == {"password": "reset"}


def test_reset_password_unlocks_and_user_rules(db, org) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        admin, staff = get_user(s, "admin"), get_user(s, "staff")
        s.add(LoginState(login="staff", failed_logins=5, locked_until=2**62))
        users.reset_password(s, admin, staff, "fresh-pass")
        with pytest.raises(ValidationError):
            users.create_user(
                s,
                admin,
                "staff",
                "重名",
                Role.STATION_STAFF,
                s.get_one(OrgUnit, org.station.id),
                PASSWORD,
            )
        with pytest.raises(ValidationError):
            users.reset_password(s, admin, staff, "123")
        with pytest.raises(ValidationError):
            users.set_active(s, admin, admin, False)
        with pytest.raises(ValidationError):
            users.update_user(s, admin, admin, role=Role.STATION_STAFF)
        with pytest.raises(PermissionDenied):
            users.reset_password(s, get_user(s, "manager"), staff, "whatever1")
    with db.sessions.begin() as s:
        assert authenticate(s, "staff", "fresh-pass").login == "staff"


def test_set_up_steps_need_an_administrator_once_users_exist(db, org) -> None:  # type: ignore[no-untyped-def]
    from desktop_crm.services.setup import first_run
    from tests.conftest import FIRST_RUN

    with db.sessions.begin() as s:
        company = s.get_one(OrgUnit, org.company.id)
        with pytest.raises(PermissionDenied):
            orgs.create_org_unit(s, None, "GS09", "无人授权", OrgKind.AREA, company)
        with pytest.raises(PermissionDenied):
            users.create_user(s, None, "ghost", "幽灵", Role.COMPANY_ADMIN, company, PASSWORD)
        with pytest.raises(PermissionDenied):
            first_run(s, FIRST_RUN)
