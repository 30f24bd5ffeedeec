"""Complaint intake: numbers, deadlines, level and owner, anonymous complainants, suggestions."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desktop_crm.errors import PermissionDenied, ValidationError
from desktop_crm.models import CallbackTask, Complaint, SlaPolicy, TaskReason, TaskStatus
from desktop_crm.models.db import Database
from desktop_crm.services.complaints import options, steps
from desktop_crm.services.complaints.intake import create_complaint, set_suggestion_flags
from desktop_crm.services.settings import put_setting
from tests.complaint_helpers import (
    HOUR,
    MINUTE,
    add_customer,
    at,
    draft,
    load,
    local,
    new_complaint,
    step_log,
    user,
)
from tests.conftest import Org


def test_numbers_are_station_date_and_a_daily_sequence(db: Database, org: Org) -> None:
    first = new_complaint(db, org, at("2026-11-23 09:00"))
    second = new_complaint(db, org, at("2026-11-23 18:30"))
    other_station = new_complaint(
        db, org, at("2026-11-23 10:00"), login="staff2", station_id=org.station2.id
    )
    # 23:59 local is still the 23rd; 00:10 local is the 24th (16:10 UTC of the 23rd)
    late = new_complaint(db, org, at("2026-11-23 23:59"))
    next_day = new_complaint(db, org, at("2026-11-24 00:10"))
    numbers = [load(db, c).number for c in (first, second, other_station, late, next_day)]
    assert numbers == [
        "GS0101-20261123-001",
        "GS0101-20261123-002",
        "GS0201-20261123-001",  # the station code keeps offline stations apart
        "GS0101-20261123-003",
        "GS0101-20261124-001",
    ]


def test_the_sequence_continues_after_the_highest_number_of_the_day(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        for n in (1, 2, 7):  # e.g. numbers pulled from another desktop of the station
            s.add(Complaint(number=f"GS0101-20261123-{n:03d}", source="现场", category="价格",
                            business_line="零售", severity="一般", level="station",
                            status="archived", received_at=at("2026-11-23 08:00"),
                            org_unit_id=org.station.id))  # fmt: skip
    complaint = new_complaint(db, org, at("2026-11-23 09:00"))
    assert load(db, complaint).number == "GS0101-20261123-008"


def test_intake_sets_deadlines_level_owner_and_the_first_step(db: Database, org: Org) -> None:
    customer = add_customer(db, org.station)
    received = at("2026-11-23 10:00")  # a Monday
    complaint_id = new_complaint(db, org, received, customer_id=customer, severity="较大")
    c = load(db, complaint_id)
    assert (c.status, c.level, c.type) == ("received", "station", "complaint")
    assert c.handling_org_id == org.station.id
    assert c.owner_id == org.users["master"].id  # the station master owns the station's
    assert c.accept_deadline == received + 60 * MINUTE
    assert c.reply_deadline == received + 24 * HOUR
    assert local(c.close_deadline) == "2026-11-26 10:00"  # 较大: three working days
    assert (c.customer_id, c.description, c.customer_wants) == (
        customer, "加油员说话不耐烦", "要求道歉"
    )  # fmt: skip
    (step,) = step_log(db, complaint_id)
    assert (step.kind, step.from_status, step.to_status) == ("transition", None, "received")
    assert step.actor_id == org.users["staff"].id
    assert step.responsible_id == org.users["master"].id
    assert step.at == received


def test_default_policies_are_seeded_at_first_run(db: Database, org: Org) -> None:
    with db.sessions() as s:
        rows = {(p.category, p.severity): p for p in s.scalars(select(SlaPolicy))}
    assert {k[1] for k in rows} == {"一般", "较大", "重大", "特别重大"}
    assert all(k[0] is None for k in rows)
    assert [rows[(None, sev)].close_working_days for sev in ("一般", "较大", "重大", "特别重大")] == [
        5, 3, 1, 1,
    ]  # fmt: skip
    assert {(p.accept_minutes, p.reply_hours) for p in rows.values()} == {(60, 24)}


def test_a_policy_for_the_category_wins_over_the_general_one(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        s.add(SlaPolicy(category="油品质量", severity="一般", accept_minutes=30, reply_hours=4,
                        close_working_days=2, org_unit_id=org.company.id))  # fmt: skip
    received = at("2026-11-23 10:00")
    quality = load(db, new_complaint(db, org, received, category="油品质量"))
    attitude = load(db, new_complaint(db, org, received, category="服务态度"))
    assert quality.accept_deadline == received + 30 * MINUTE
    assert quality.reply_deadline == received + 4 * HOUR
    assert local(quality.close_deadline) == "2026-11-25 10:00"
    assert local(attitude.close_deadline) == "2026-11-30 10:00"  # five working days


@pytest.mark.parametrize("severity", ["重大", "特别重大"])
def test_a_severe_complaint_goes_to_the_company_at_once(
    db: Database, org: Org, severity: str
) -> None:
    complaint_id = new_complaint(db, org, at("2026-11-23 10:00"), severity=severity)
    c = load(db, complaint_id)
    assert (c.level, c.handling_org_id, c.owner_id) == (
        "company", org.company.id, org.users["admin"].id
    )  # fmt: skip
    assert local(c.close_deadline) == "2026-11-24 10:00"  # one working day
    first, escalation = step_log(db, complaint_id)
    assert escalation.kind == steps.ESCALATION
    assert (escalation.from_status, escalation.to_status) == ("station", "company")
    assert escalation.note == steps.SEVERITY_NOTE
    told = json.loads(escalation.notified or "[]")
    assert org.users["admin"].id in told and org.users["master"].id in told


def test_an_anonymous_complaint_keeps_a_valid_contact_number(db: Database, org: Org) -> None:
    c = load(db, new_complaint(db, org, at("2026-11-23 10:00"), contact_phone=" +86 138 1234 5678"))
    assert c.customer_id is None
    assert c.contact_phone == "13812345678"
    landline = load(
        db, new_complaint(db, org, at("2026-11-23 10:00"), contact_phone="0311-86901234")
    )
    assert landline.contact_phone == "0311-86901234"
    nobody = load(db, new_complaint(db, org, at("2026-11-23 10:00")))
    assert (nobody.customer_id, nobody.contact_phone) == (None, None)


def test_a_wrong_contact_number_is_refused(db: Database, org: Org) -> None:
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        create_complaint(s, user(s, "staff"), draft(org, contact_phone="12345"), now=at("2026-11-23 10:00"))  # fmt: skip
    assert refused.value.field == "contact_phone"
    assert "12345" in str(refused.value)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"source": "广播"}, "source"),
        ({"category": "天气"}, "category"),
        ({"business_line": "物流"}, "business_line"),
        ({"severity": "很严重"}, "severity"),
        ({"type": "praise"}, "type"),
        ({"description": "  "}, "description"),
        ({"station_id": ""}, "station"),
    ],
)
def test_incomplete_or_unknown_values_are_refused(
    db: Database, org: Org, values: dict[str, str], field: str
) -> None:
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        create_complaint(s, user(s, "staff"), draft(org, **values), now=at("2026-11-23 10:00"))
    assert refused.value.field == field
    with db.sessions() as s:
        assert s.scalar(select(Complaint.id)) is None


def test_configured_categories_are_the_choices(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        put_setting(s, user(s, "admin"), "complaints.categories", ["服务态度", "网点排队"])
    with db.sessions() as s:
        assert [code for code, _ in options.categories(s)] == ["服务态度", "网点排队"]
        assert dict(options.categories(s))["服务态度"] == "Service attitude"
        assert dict(options.categories(s))["网点排队"] == "网点排队"  # shown as typed
    c = load(db, new_complaint(db, org, at("2026-11-23 10:00"), category="网点排队"))
    assert c.category == "网点排队"
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        create_complaint(s, user(s, "staff"), draft(org, category="价格"), now=at("2026-11-23 10:00"))  # fmt: skip


def test_staff_take_complaints_only_for_their_own_station(db: Database, org: Org) -> None:
    with db.sessions.begin() as s, pytest.raises(PermissionDenied):
        create_complaint(s, user(s, "staff"), draft(org, station_id=org.station2.id), now=at("2026-11-23 10:00"))  # fmt: skip
    with db.sessions.begin() as s, pytest.raises(PermissionDenied):
        create_complaint(s, user(s, "auditor"), draft(org), now=at("2026-11-23 10:00"))
    # the area manager and the company take them for any station below
    new_complaint(db, org, at("2026-11-23 10:00"), login="manager")
    new_complaint(db, org, at("2026-11-23 10:00"), login="admin", station_id=org.station2.id)


def test_a_complaint_raised_during_a_callback_is_linked_to_it(db: Database, org: Org) -> None:
    customer = add_customer(db, org.station)
    with db.sessions.begin() as s:
        task = CallbackTask(customer_id=customer, reason=TaskReason.TIER.value,
                            due_date="2026-11-23", status=TaskStatus.DONE.value, attempts=1,
                            created_at=at("2026-11-20 09:00"), org_unit_id=org.station.id)  # fmt: skip
        s.add(task)
        s.flush()
        task_id = task.id
    complaint_id = new_complaint(
        db, org, at("2026-11-23 10:00"), customer_id=customer, source="电话",
        source_task_id=task_id,
    )  # fmt: skip
    with db.sessions() as s:
        assert s.get_one(CallbackTask, task_id).complaint_id == complaint_id


def test_suggestions_are_taken_the_same_way_and_flagged_by_a_manager(
    db: Database, org: Org
) -> None:
    suggestion = new_complaint(
        db, org, at("2026-11-23 10:00"), type="suggestion", category="其他",
        description="建议增设新能源充电桩", customer_wants=None,
    )  # fmt: skip
    c = load(db, suggestion)
    assert (c.type, c.number, c.adopted, c.rewarded) == (
        "suggestion", "GS0101-20261123-001", False, False
    )  # fmt: skip
    with db.sessions.begin() as s, pytest.raises(PermissionDenied):
        set_suggestion_flags(s, user(s, "staff"), suggestion, True, False)
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        set_suggestion_flags(s, user(s, "master"), suggestion, False, True)  # reward needs adoption
    with db.sessions.begin() as s:
        set_suggestion_flags(s, user(s, "master"), suggestion, True, True, now=at("2026-11-24 09:00"))  # fmt: skip
    c = load(db, suggestion)
    assert (c.adopted, c.rewarded) == (True, True)
    flags = step_log(db, suggestion)[-1]
    assert (flags.kind, flags.note, flags.actor_id) == (
        "flags", "adopted, rewarded", org.users["master"].id
    )  # fmt: skip
    complaint = new_complaint(db, org, at("2026-11-23 11:00"))
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        set_suggestion_flags(s, user(s, "master"), complaint, True, False)
