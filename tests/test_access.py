"""Who sees which customers, masking of phone and ID numbers, and the audit trail."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from desktop_crm.ids import now_ms
from desktop_crm.models import AuditEvent, Customer, OrgUnit, User
from desktop_crm.services.customers import contact_numbers, visible_customers
from desktop_crm.services.masking import mask_id_number, mask_phone
from desktop_crm.services.orgs import visible_org_ids


def add_customer(
    s, station: OrgUnit, name: str, phone: str, id_number: str | None = None
) -> Customer:  # type: ignore[no-untyped-def]
    customer = Customer(
        kind="person",
        name=name,
        phone=phone,
        id_number=id_number,
        profile_stage="complete",
        status="active",
        org_unit_id=station.id,
        created_at=now_ms(),
    )
    s.add(customer)
    s.flush()
    return customer


def test_masking_shapes() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("010-88886666") == "010*****6666"
    assert mask_id_number("11010519491231002X") == "110***********002X"
    assert mask_phone(None) is None and mask_phone("") == ""


def test_each_user_sees_its_own_subtree(db, org) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        add_customer(s, org.station, "张伟", "13812345678")
        add_customer(s, org.station, "王芳", "13912345678")
        add_customer(s, org.station2, "李强", "13712345678")
    expected = {
        "staff": {"张伟", "王芳"},
        "master": {"张伟", "王芳"},
        "manager": {"张伟", "王芳"},  # area GS01 only
        "admin": {"张伟", "王芳", "李强"},
        "auditor": {"张伟", "王芳", "李强"},
        "staff2": {"李强"},
    }
    with db.session() as s:
        for login, names in expected.items():
            user = s.scalar(select(User).where(User.login == login))
            unit = s.get_one(OrgUnit, user.org_unit_id)
            seen = {c.name for c in s.scalars(visible_customers(unit))}
            assert seen == names, login
        manager = s.scalar(select(User).where(User.login == "manager"))
        assert set(visible_org_ids(s, manager)) == {org.area.id, org.station.id}


def test_roles_see_masked_or_full_numbers_and_full_views_are_audited(db, org) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        customer_id = add_customer(s, org.station, "张伟", "13812345678", "11010519491231002X").id
    shown = {}
    with db.sessions.begin() as s:
        customer = s.get_one(Customer, customer_id)
        for login in ("staff", "master", "manager", "admin", "auditor"):
            user = s.scalar(select(User).where(User.login == login))
            shown[login] = contact_numbers(s, user, customer)
    for login in ("staff", "auditor"):
        assert shown[login].phone == "138****5678" and shown[login].masked
        assert shown[login].id_number == "110***********002X"
    for login in ("master", "manager", "admin"):
        assert shown[login].phone == "13812345678" and not shown[login].masked
        assert shown[login].id_number == "11010519491231002X"
    with db.session() as s:
        events = s.execute(
            select(User.login, AuditEvent.detail)
            .join(User, User.id == AuditEvent.user_id)
            .where(AuditEvent.action == "view_unmasked", AuditEvent.entity_id == customer_id)
        ).all()
    assert sorted(login for login, _ in events) == ["admin", "manager", "master"]
    assert json.loads(events[0][1]) == {"fields": ["phone", "id_number"]}


def test_unmasked_roles_are_a_setting(db, org) -> None:  # type: ignore[no-untyped-def]
    from desktop_crm.services.settings import put_setting

    with db.sessions.begin() as s:
        admin = s.scalar(select(User).where(User.login == "admin"))
        put_setting(s, admin, "privacy.unmasked_roles", ["company_admin"])
        customer = add_customer(s, org.station, "张伟", "13812345678")
        master = s.scalar(select(User).where(User.login == "master"))
        assert contact_numbers(s, master, customer).phone == "138****5678"
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "view_unmasked")
            )
            == 0
        )


def test_only_a_company_administrator_changes_settings_and_it_is_audited(db, org) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from desktop_crm.errors import PermissionDenied
    from desktop_crm.services.settings import get_setting, put_setting

    with db.sessions.begin() as s:
        master = s.scalar(select(User).where(User.login == "master"))
        with pytest.raises(PermissionDenied):
            put_setting(s, master, "privacy.unmasked_roles", ["station_staff"])
        admin = s.scalar(select(User).where(User.login == "admin"))
        put_setting(s, admin, "auth.lock_minutes", 10)
    with db.session() as s:
        assert get_setting(s, "auth.lock_minutes") == 10
        event = s.scalar(select(AuditEvent).where(AuditEvent.entity == "setting"))
        assert json.loads(event.detail) == {"key": "auth.lock_minutes", "before": 5, "after": 10}
