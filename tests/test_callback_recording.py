"""Recording a callback, not reached → another day → unreachable, booking, rescheduling,
who may do it, the attempts trail, the briefing and the customer's timeline."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import PermissionDenied, ValidationError
from desktop_crm.models import CallbackAttempt, CallbackTask, Complaint, Role, User
from desktop_crm.models.callbacks import TaskReason, TaskStatus
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.briefing import briefing
from desktop_crm.services.callbacks.recording import (
    CallbackRecord,
    book,
    can_act,
    record_callback,
    reschedule,
)
from desktop_crm.services.customer_detail import customer_detail
from desktop_crm.services.settings import put_setting
from desktop_crm.services.users import create_user
from tests.callback_data import NOW, TODAY, add_customer, add_task, add_visit, local_ms
from tests.conftest import PASSWORD, Org

DAY = timedelta(days=1)


def user(s: Session, org: Org, login: str) -> User:
    return s.get_one(User, org.users[login].id)


def trail(s: Session, task_id: str) -> list[tuple[str, bool, str | None]]:
    return [
        (a.outcome, a.reached, a.next_due_date)
        for a in s.scalars(
            select(CallbackAttempt)
            .where(CallbackAttempt.task_id == task_id)
            .order_by(CallbackAttempt.at, CallbackAttempt.id)
        )
    ]


def not_reached(**kw: object) -> CallbackRecord:
    return CallbackRecord(channel="phone", reached=False, **kw)  # type: ignore[arg-type]


def test_reached_record_keeps_the_customers_words_verbatim(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        task = add_task(s, add_customer(s, org.station, "王强", "B"), TaskReason.TIER, TODAY, staff)
        problems = "  高峰期排队太久，\n收银员态度一般！ "
        done = record_callback(
            s,
            staff,
            task.id,
            CallbackRecord(
                channel="wechat",
                reached=True,
                satisfaction=4,
                needs="想办一张单位加油卡",
                problems=problems,
                suggestions="周末多开一个收银台",
                note="",
            ),
            now=NOW,
        )
        assert done.status == TaskStatus.DONE and done.reached is True
        assert done.problems == problems  # not trimmed, not rewritten
        assert done.satisfaction == 4 and done.channel == "wechat"
        assert done.needs == "想办一张单位加油卡" and done.note is None
        assert done.recorded_at == NOW and done.recorded_by_id == staff.id
        assert done.attempts == 1
        assert trail(s, task.id) == [("record", True, None)]


def test_not_reached_moves_the_task_and_gives_up_after_the_configured_tries(
    db: Database, org: Org
) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        task = add_task(s, add_customer(s, org.station, "赵六"), TaskReason.TIER, TODAY, staff)
        # 1st try: tomorrow by default.
        record_callback(s, staff, task.id, not_reached(note="无人接听"), now=NOW)
        assert (task.status, task.due_date, task.attempts) == ("open", "2026-06-16", 1)
        # 2nd try, the day after: moved to a chosen day.
        record_callback(
            s, staff, task.id, not_reached(next_due_date=TODAY + 5 * DAY), now=NOW + 86_400_000
        )
        assert (task.status, task.due_date, task.attempts) == ("open", "2026-06-20", 2)
        # 3rd try (default "callbacks.max_attempts" 3): unreachable.
        record_callback(s, staff, task.id, not_reached(), now=NOW + 5 * 86_400_000)
        assert task.status == TaskStatus.UNREACHABLE and task.attempts == 3
        assert trail(s, task.id) == [
            ("not_reached", False, "2026-06-16"),
            ("not_reached", False, "2026-06-20"),
            ("unreachable", False, None),
        ]
        with pytest.raises(ValidationError):  # closed: nothing more to record
            record_callback(s, staff, task.id, not_reached(), now=NOW + 6 * 86_400_000)


def test_the_number_of_tries_is_a_setting(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        put_setting(s, user(s, org, "admin"), "callbacks.max_attempts", 2)
        staff = user(s, org, "staff")
        task = add_task(s, add_customer(s, org.station, "钱七"), TaskReason.TIER, TODAY, staff)
        record_callback(s, staff, task.id, not_reached(), now=NOW)
        assert task.status == TaskStatus.OPEN
        record_callback(s, staff, task.id, not_reached(), now=NOW + 86_400_000)
        assert task.status == TaskStatus.UNREACHABLE


def test_next_try_cannot_be_in_the_past(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        task = add_task(s, add_customer(s, org.station, "孙八"), TaskReason.TIER, TODAY, staff)
        with pytest.raises(ValidationError) as error:
            record_callback(s, staff, task.id, not_reached(next_due_date=TODAY - DAY), now=NOW)
        assert error.value.field == "next_due_date"
        assert task.attempts == 0 and trail(s, task.id) == []


def test_anomaly_needs_a_cause_and_exit_survey_a_reason(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        absent = add_task(s, add_customer(s, org.station, "周九"), TaskReason.ABSENCE, TODAY, staff)
        gone = add_task(
            s, add_customer(s, org.station, "吴十"), TaskReason.EXIT_SURVEY, TODAY, staff
        )
        reached = CallbackRecord(channel="phone", reached=True, satisfaction=3)
        with pytest.raises(ValidationError) as error:
            record_callback(s, staff, absent.id, reached, now=NOW)
        assert error.value.field == "cause"
        with pytest.raises(ValidationError) as error:
            record_callback(s, staff, gone.id, reached, now=NOW)
        assert error.value.field == "exit_reason"
        record_callback(
            s,
            staff,
            absent.id,
            CallbackRecord(
                channel="phone", reached=True, cause="最近出差", measure="回来后发优惠券提醒"
            ),
            now=NOW,
        )
        record_callback(
            s, staff, gone.id, CallbackRecord("phone", True, exit_reason="competitor"), now=NOW
        )
        assert (absent.cause, absent.measure) == ("最近出差", "回来后发优惠券提醒")
        assert gone.exit_reason == "competitor" and gone.status == TaskStatus.DONE
        lost = add_task(
            s, add_customer(s, org.station, "何二"), TaskReason.EXIT_SURVEY, TODAY, staff
        )
        with pytest.raises(ValidationError) as error:  # not a code of the list
            record_callback(s, staff, lost.id, CallbackRecord("phone", True, exit_reason="x"))
        assert error.value.field == "exit_reason"
        with pytest.raises(ValidationError):
            record_callback(s, staff, absent.id, CallbackRecord("fax", True), now=NOW)
        other = add_task(s, add_customer(s, org.station, "郑一"), TaskReason.TIER, TODAY, staff)
        with pytest.raises(ValidationError) as error:
            record_callback(s, staff, other.id, CallbackRecord("phone", True, 6), now=NOW)
        assert error.value.field == "satisfaction"


def test_booking_and_rescheduling(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        task = add_task(s, add_customer(s, org.station, "冯二"), TaskReason.TIER, TODAY, staff)
        at = local_ms(TODAY + 7 * DAY, 14, 0)
        book(s, staff, task.id, at, "约下周一下午", channel="phone", now=NOW)
        assert task.status == TaskStatus.BOOKED and task.appointment_at == at
        assert task.due_date == "2026-06-22"
        with pytest.raises(ValidationError):  # a time already gone
            book(s, staff, task.id, NOW - 3600_000, None, now=NOW)
        reschedule(s, staff, task.id, TODAY + 2 * DAY, "客户临时出差", now=NOW)
        assert task.status == TaskStatus.OPEN and task.appointment_at is None
        assert task.due_date == "2026-06-17" and task.attempts == 0  # not a try at reaching
        with pytest.raises(ValidationError):
            reschedule(s, staff, task.id, TODAY - DAY, None, now=NOW)
        attempts = list(
            s.scalars(select(CallbackAttempt).where(CallbackAttempt.task_id == task.id))
        )
        assert {a.outcome: a.note for a in attempts} == {
            "booked": "约下周一下午",
            "rescheduled": "客户临时出差",
        }
        assert next(a for a in attempts if a.outcome == "booked").appointment_at == at
        # A booked task that is then not reached is open again on another day.
        book(s, staff, task.id, local_ms(TODAY, 16, 0), None, now=NOW)
        record_callback(s, staff, task.id, not_reached(), now=local_ms(TODAY, 16, 5))
        assert task.status == TaskStatus.OPEN and task.appointment_at is None


def test_who_may_record(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        admin, staff = user(s, org, "admin"), user(s, org, "staff")
        colleague = create_user(
            s, admin, "staff3", "王芳", Role.STATION_STAFF, org.station, PASSWORD
        )
        customer = add_customer(s, org.station, "陈三")
        task = add_task(s, customer, TaskReason.TIER, TODAY, staff)
        free = add_task(s, customer, TaskReason.MANUAL, TODAY, None)
        allowed = {
            login: can_act(s, user(s, org, login), task)
            for login in ("staff", "master", "manager", "admin", "auditor", "staff2")
        }
        assert allowed == {
            "staff": True,  # the assignee
            "master": True,  # the station's master
            "manager": True,  # the area's manager
            "admin": True,
            "auditor": False,
            "staff2": False,  # another station
        }
        assert not can_act(s, colleague, task)  # a colleague's task
        assert can_act(s, colleague, free)  # nobody's task of the station
        assert not can_act(s, user(s, org, "staff2"), free)
        for who in (colleague, user(s, org, "auditor"), user(s, org, "staff2")):
            with pytest.raises(PermissionDenied):
                record_callback(s, who, task.id, not_reached(), now=NOW)
            with pytest.raises(PermissionDenied):
                book(s, who, task.id, NOW + 86_400_000, None, now=NOW)
            with pytest.raises(PermissionDenied):
                reschedule(s, who, task.id, TODAY + DAY, None, now=NOW)
        master = user(s, org, "master")
        record_callback(s, master, task.id, CallbackRecord("visit", True, 5), now=NOW)
        assert task.recorded_by_id == master.id and task.status == TaskStatus.DONE


def test_timeline_shows_the_callback_and_its_tries(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        customer = add_customer(s, org.station, "褚四", "B")
        task = add_task(s, customer, TaskReason.TIER, TODAY, staff)
        record_callback(s, staff, task.id, not_reached(note="关机"), now=NOW)
        book(s, staff, task.id, local_ms(TODAY + 3 * DAY, 9), None, now=NOW + 3600_000)
        record_callback(
            s,
            staff,
            task.id,
            CallbackRecord("phone", True, 5, problems="发票开得慢"),
            now=local_ms(TODAY + 3 * DAY, 9, 5),
        )
        timeline = customer_detail(s, staff, customer.id, NOW).timeline
    kinds = [(e.kind, e.detail.get("outcome") or e.detail.get("status")) for e in timeline]
    assert kinds[:3] == [
        ("callback", "done"),
        ("callback_attempt", "booked"),
        ("callback_attempt", "not_reached"),
    ]
    done = timeline[0]
    assert done.at == local_ms(TODAY + 3 * DAY, 9, 5)
    assert done.detail["by"] == "李娜" and done.detail["problems"] == "发票开得慢"
    assert timeline[2].detail["note"] == "关机" and timeline[2].detail["next_due"] == "2026-06-16"


def test_briefing_has_what_to_read_before_calling(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        customer = add_customer(
            s, org.station, "卫五", "A", user(s, org, "staff"), needs="要月结", plate="冀A·55555"
        )
        earlier = add_task(s, customer, TaskReason.CAMPAIGN, TODAY - 30 * DAY, staff)
        record_callback(
            s,
            staff,
            earlier.id,
            CallbackRecord("phone", True, 2, suggestions="油价调整提前通知"),
            now=NOW - 30 * 86_400_000,
        )
        task = add_task(s, customer, TaskReason.ABSENCE, TODAY, staff, purpose="超过常规周期未到站")
        record_callback(s, staff, task.id, not_reached(), now=NOW - 86_400_000)
        for days in (2, 10, 40, 120):
            add_visit(s, customer, NOW - days * 86_400_000)
        s.add(
            Complaint(
                number="GS0101-20260601-001",
                customer_id=customer.id,
                source="电话",
                category="服务态度",
                business_line="零售",
                severity="一般",
                level="station",
                status="archived",
                received_at=NOW - 14 * 86_400_000,
                description="加油员态度冷淡",
                org_unit_id=org.station.id,
            )
        )
        s.flush()
        b = briefing(s, staff, task.id, NOW)
        master_view = briefing(s, user(s, org, "master"), task.id, NOW)
        with pytest.raises(PermissionDenied):
            briefing(s, user(s, org, "staff2"), task.id, NOW)
    assert b.task.purpose == "超过常规周期未到站" and b.can_act and b.max_attempts == 3
    assert b.numbers.phone == "138****5678"  # staff see masked numbers
    assert master_view.numbers.phone == "13812345678"
    assert b.plates == ["冀A·55555"] and b.maintainer == "李娜" and b.station == "东湖加油站"
    assert [(p.reason, p.satisfaction, p.suggestions) for p in b.past] == [
        ("campaign", 2, "油价调整提前通知")
    ]
    assert [a.outcome for a in b.attempts] == ["not_reached", "record"]
    assert [c.description for c in b.complaints] == ["加油员态度冷淡"]
    assert len(b.visits) == 4 and b.visits_90d == 3
    assert b.default_channel == "phone"


def test_default_channel_follows_the_task_and_the_customer(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        wechat = add_customer(s, org.station, "偏好微信", preferred_channel="wechat")
        quiet = add_customer(s, org.station, "勿扰", do_not_disturb=True)
        chosen = add_task(s, quiet, TaskReason.TIER, TODAY, staff)
        chosen.channel = "email"  # the rules chose the channel
        channels = [
            briefing(s, staff, add_task(s, wechat, "tier", TODAY, staff).id, NOW).default_channel,
            briefing(s, staff, add_task(s, quiet, "tier", TODAY, staff).id, NOW).default_channel,
            briefing(s, staff, chosen.id, NOW).default_channel,
        ]
    assert channels == ["wechat", "sms", "email"]


def test_complaint_callback_completes_the_complaints_callback_step(db: Database, org: Org) -> None:
    """A complaint's 回访 task, once reached, is handed to the complaint workflow: the
    customer's satisfaction lands on the complaint, with a callback step."""
    from desktop_crm.models import ComplaintStep
    from desktop_crm.services.complaints.intake import ComplaintDraft, create_complaint
    from desktop_crm.services.complaints.workflow import advance

    with db.sessions.begin() as s:
        admin, master = user(s, org, "admin"), user(s, org, "master")
        customer = add_customer(s, org.station, "蒋六")
        draft = ComplaintDraft(
            customer_id=customer.id,
            station_id=org.station.id,
            source="电话",
            category="服务态度",
            description="加油员态度冷淡",
        )
        complaint = create_complaint(s, master, draft, now=NOW - 5 * 86_400_000)
        for status in ("verifying", "reviewing", "rectifying", "callback"):
            advance(s, admin, complaint.id, status, "处理", master.id, now=NOW - 86_400_000)
        task = s.get_one(CallbackTask, complaint.callback_task_id)
        assert task.reason == TaskReason.COMPLAINT and task.complaint_id == complaint.id
        record_callback(
            s, master, task.id, CallbackRecord("phone", True, 4, note="客户认可整改"), now=NOW
        )
        steps = list(
            s.scalars(select(ComplaintStep).where(ComplaintStep.complaint_id == complaint.id))
        )
    assert task.status == TaskStatus.DONE
    assert complaint.satisfaction == 4
    assert any(step.kind == "callback" and step.note == "客户认可整改" for step in steps)


def test_complaint_raised_during_a_callback_is_linked_to_it(db: Database, org: Org) -> None:
    """转为投诉: the complaint made from a callback points back at it, and back again."""
    from desktop_crm.services.callbacks.recording import link_complaint
    from desktop_crm.services.complaints.intake import ComplaintDraft, create_complaint

    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        customer = add_customer(s, org.station, "沈七")
        task = add_task(s, customer, TaskReason.TIER, TODAY, staff)
        record_callback(
            s, staff, task.id, CallbackRecord("phone", True, 1, problems="油枪计量不准"), now=NOW
        )
        complaint = create_complaint(
            s,
            staff,
            ComplaintDraft(
                customer_id=customer.id,
                station_id=org.station.id,
                source="电话",
                category="计量/数量",
                description=task.problems or "",
                source_task_id=task.id,
            ),
            now=NOW,
        )
        assert task.complaint_id == complaint.id
        # Linking again (the tab does it after the form closes) changes nothing.
        link_complaint(s, staff, task.id, complaint.id)
        assert task.complaint_id == complaint.id
        assert complaint.description == "油枪计量不准"
