"""The complaint workflow: every allowed and refused move, reopening, the append-only log,
who may do what, the callback step and the closing checklist."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop_crm.errors import PermissionDenied, ValidationError
from desktop_crm.models import CallbackTask, ComplaintStatus, ComplaintStep, TaskStatus
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.recording import CallbackRecord, record_callback
from desktop_crm.services.complaints import workflow
from desktop_crm.services.complaints.closure import ClosureInfo, checklist
from desktop_crm.services.complaints.steps import StepLogChanged
from desktop_crm.services.complaints.workflow import (
    TRANSITIONS,
    advance,
    archive,
    available_actions,
    callback_done,
    escalate,
    reopen,
    save_closure,
)
from tests.complaint_helpers import (
    DAY,
    HOUR,
    MINUTE,
    add_customer,
    at,
    load,
    local,
    new_complaint,
    step_log,
    user,
)
from tests.conftest import Org

T0 = at("2026-11-23 09:00")  # a Monday
STATUSES = [s.value for s in ComplaintStatus]
# who carries out each move in the walk below (decisions are the station master's)
MOVER = {"verifying": "staff", "reviewing": "staff", "rectifying": "master", "callback": "staff",
         "archived": "master"}  # fmt: skip
CLOSED = ClosureInfo(
    cause="当班员工未按规范服务",
    responsibility="当班加油员",
    corrective_action="对当班员工进行服务规范培训",
    staff_informed=True,
    root_causes=["员工培训不足", "操作不规范"],
    satisfaction=None,
)


def record_task(db: Database, complaint_id: str, now: int, satisfaction: int = 5) -> None:
    """The assignee records the 回访 task in the callback queue."""
    with db.sessions.begin() as s:
        task = s.get_one(CallbackTask, load(db, complaint_id).callback_task_id)
        assignee = s.get_one(type(user(s, "staff")), task.assignee_id)
        record = CallbackRecord(channel="phone", reached=True, satisfaction=satisfaction,
                                note="客户对处理结果满意")  # fmt: skip
        record_callback(s, assignee, task.id, record, now=now)


def walk(db: Database, org: Org, to: str, customer: str | None = None) -> tuple[str, int]:
    """A complaint taken through the workflow to status ``to``; (id, the time reached)."""
    cid = new_complaint(db, org, T0, customer_id=customer)
    now = T0
    for target in STATUSES[1 : STATUSES.index(to) + 1]:
        now += HOUR
        if target == "archived":
            with db.sessions.begin() as s:
                save_closure(s, user(s, "staff"), cid, CLOSED, now=now)
            if customer:
                record_task(db, cid, now)
            else:
                with db.sessions.begin() as s:
                    callback_done(s, user(s, "staff"), cid, 4, "匿名客户回电表示满意", now=now)
        with db.sessions.begin() as s:
            advance(s, user(s, MOVER[target]), cid, target, f"to {target}", now=now)
    return cid, now


def step_count(db: Database, complaint_id: str) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).where(ComplaintStep.complaint_id == complaint_id)) or 0


ALLOWED = [(origin, target) for origin, targets in TRANSITIONS.items() for target in targets]
REFUSED = [
    (origin, target)
    for origin in STATUSES
    for target in STATUSES
    if target not in TRANSITIONS[origin]
]


@pytest.mark.parametrize(("origin", "target"), ALLOWED)
def test_every_allowed_move(db: Database, org: Org, origin: str, target: str) -> None:
    customer = add_customer(db, org.station)
    cid, now = walk(db, org, origin, customer)
    if target == "archived":
        with db.sessions.begin() as s:
            save_closure(s, user(s, "staff"), cid, CLOSED, now=now)
        record_task(db, cid, now + MINUTE)
    before = step_count(db, cid)
    mover = "master"  # may make every move, decisions included
    with db.sessions.begin() as s:
        advance(s, user(s, mover), cid, target, "因为需要", now=now + HOUR)
    c = load(db, cid)
    assert c.status == target
    last = step_log(db, cid)[-1]
    assert (last.kind, last.from_status, last.to_status) == ("transition", origin, target)
    assert (last.actor_id, last.responsible_id) == (org.users[mover].id,) * 2
    assert (last.at, last.note) == (now + HOUR, "因为需要")
    assert step_count(db, cid) > before


@pytest.mark.parametrize(("origin", "target"), REFUSED)
def test_every_refused_move(db: Database, org: Org, origin: str, target: str) -> None:
    cid, now = walk(db, org, origin)
    before = step_count(db, cid)
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        advance(s, user(s, "admin"), cid, target, "试一试", now=now + HOUR)
    assert str(refused.value)  # a reason for the user
    assert load(db, cid).status == origin
    assert step_count(db, cid) == before


def test_a_complaint_through_every_step_to_the_archive(db: Database, org: Org) -> None:
    customer = add_customer(db, org.station)
    cid, now = walk(db, org, "archived", customer)
    c = load(db, cid)
    assert c.status == "archived" and c.closed_at == now
    assert c.accepted_at == T0 + HOUR
    assert c.satisfaction == 5
    log = [(s.kind, s.from_status, s.to_status) for s in step_log(db, cid)]
    assert log == [
        ("transition", None, "received"),
        ("transition", "received", "verifying"),
        ("transition", "verifying", "reviewing"),
        ("transition", "reviewing", "rectifying"),
        ("transition", "rectifying", "callback"),
        ("closure", None, None),
        ("callback", "callback", "callback"),
        ("transition", "callback", "archived"),
    ]


def test_the_callback_step_puts_a_task_in_the_queue(db: Database, org: Org) -> None:
    customer = add_customer(db, org.station)
    cid, now = walk(db, org, "rectifying", customer)
    with db.sessions.begin() as s:
        advance(s, user(s, "master"), cid, "callback", "请回访", responsible_id=org.users["staff"].id,
                now=at("2026-11-24 23:30"))  # fmt: skip
    c = load(db, cid)
    with db.sessions() as s:
        task = s.get_one(CallbackTask, c.callback_task_id)
        assert task.reason == "complaint" and task.complaint_id == cid
        assert task.customer_id == customer
        assert task.assignee_id == org.users["staff"].id  # the person made responsible
        assert task.due_date == "2026-11-24"  # today, local
        assert task.status == TaskStatus.OPEN
        assert c.number in (task.purpose or "")
    # archiving waits for the call
    with db.sessions.begin() as s:
        save_closure(s, user(s, "staff"), cid, CLOSED, now=now)
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        archive(s, user(s, "master"), cid, now=now + HOUR)
    assert refused.value.params["missing"] == ["called_back", "satisfaction"]
    record_task(db, cid, at("2026-11-25 10:00"), satisfaction=4)
    c = load(db, cid)
    assert (c.status, c.satisfaction) == ("callback", 4)
    assert c.first_reply_at is not None
    last = step_log(db, cid)[-1]
    assert (last.kind, last.actor_id, last.at) == ("callback", org.users["staff"].id,
                                                   at("2026-11-25 10:00"))  # fmt: skip
    assert last.note == "客户对处理结果满意"
    with db.sessions() as s:
        assert all(item.ok for item in checklist(s, s.get_one(type(c), cid)))
    with db.sessions.begin() as s:
        archive(s, user(s, "master"), cid, "回访满意,归档", now=at("2026-11-25 11:00"))
    assert load(db, cid).status == "archived"


def test_an_unhappy_customer_sends_the_complaint_back_to_rectification(
    db: Database, org: Org
) -> None:
    customer = add_customer(db, org.station)
    cid, now = walk(db, org, "callback", customer)
    first_task = load(db, cid).callback_task_id
    record_task(db, cid, now + HOUR, satisfaction=2)
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        advance(s, user(s, "staff"), cid, "rectifying", "", now=now + 2 * HOUR)
    assert refused.value.field == "note"
    with db.sessions.begin() as s:
        advance(s, user(s, "staff"), cid, "rectifying", "客户不满意,重新整改", now=now + 2 * HOUR)
        advance(s, user(s, "staff"), cid, "callback", None, now=now + 3 * HOUR)
    second_task = load(db, cid).callback_task_id
    assert second_task != first_task  # the first call was made: a new task for the new call


def test_archiving_needs_the_whole_checklist(db: Database, org: Org) -> None:
    customer = add_customer(db, org.station)
    cid, now = walk(db, org, "callback", customer)
    record_task(db, cid, now + MINUTE)
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        archive(s, user(s, "master"), cid, now=now + HOUR)
    assert refused.value.params["missing"] == ["cause", "responsibility", "corrective_action"]
    assert "checklist" in str(refused.value)
    partial = ClosureInfo(
        cause="油枪计量偏差", responsibility="设备维护员", root_causes=["系统故障"]
    )
    with db.sessions.begin() as s:
        save_closure(s, user(s, "staff"), cid, partial, now=now + HOUR)
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        archive(s, user(s, "master"), cid, now=now + HOUR)
    assert refused.value.params["missing"] == ["corrective_action"]
    assert load(db, cid).status == "callback"


def test_root_causes_are_at_most_five_from_the_list(db: Database, org: Org) -> None:
    cid, now = walk(db, org, "rectifying")
    six = ["员工培训不足", "操作不规范", "设备老化未及时维护", "管理制度未落实", "沟通不及时",
           "高峰期人手不足"]  # fmt: skip
    for causes in (six, ["天气原因"], ["操作不规范", "操作不规范"]):
        with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
            save_closure(s, user(s, "staff"), cid, ClosureInfo(root_causes=causes), now=now)
        assert refused.value.field == "root_causes"
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        save_closure(s, user(s, "staff"), cid, ClosureInfo(satisfaction=6), now=now)
    with db.sessions.begin() as s:
        save_closure(s, user(s, "staff"), cid, ClosureInfo(root_causes=six[:5]), now=now)
    assert load(db, cid).root_causes.count('"') == 10


def test_an_anonymous_complaint_is_called_back_without_a_task(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, T0, contact_phone="13900001111")
    now = T0
    for target in STATUSES[1:5]:
        now += HOUR
        with db.sessions.begin() as s:
            advance(s, user(s, MOVER[target]), cid, target, None, now=now)
    assert load(db, cid).callback_task_id is None
    with db.sessions() as s:
        assert "callback_done" in available_actions(s, user(s, "staff"), load(db, cid))
    with db.sessions.begin() as s:
        save_closure(s, user(s, "staff"), cid, CLOSED, now=now)
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        archive(s, user(s, "master"), cid, now=now)
    with db.sessions.begin() as s:
        callback_done(s, user(s, "staff"), cid, 3, "客户表示基本满意", now=now + HOUR)
        archive(s, user(s, "master"), cid, now=now + 2 * HOUR)
    assert (load(db, cid).status, load(db, cid).satisfaction) == ("archived", 3)


def test_an_anonymous_complaint_without_a_number_skips_the_call(db: Database, org: Org) -> None:
    cid, now = walk(db, org, "callback")  # anonymous, no contact number
    with db.sessions.begin() as s:
        save_closure(s, user(s, "staff"), cid, CLOSED, now=now)
    with db.sessions() as s:
        items = {i.code: i for i in checklist(s, s.get_one(type(load(db, cid)), cid))}
    assert items["called_back"].waived == "anonymous" and items["satisfaction"].ok
    with db.sessions.begin() as s:
        archive(s, user(s, "master"), cid, now=now + HOUR)


def test_reopening_needs_a_reason_and_starts_again_at_verification(db: Database, org: Org) -> None:
    customer = add_customer(db, org.station)
    cid, now = walk(db, org, "archived", customer)
    old_task = load(db, cid).callback_task_id
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        reopen(s, user(s, "master"), cid, "  ", now=now)
    assert refused.value.field == "note"
    with db.sessions.begin() as s, pytest.raises(PermissionDenied):
        reopen(s, user(s, "staff"), cid, "客户再次投诉", now=now)
    reopened_at = at("2026-11-27 15:00")  # a Friday
    with db.sessions.begin() as s:
        reopen(s, user(s, "master"), cid, "客户再次来电,问题未解决", now=reopened_at)
    c = load(db, cid)
    assert (c.status, c.closed_at, c.satisfaction, c.callback_task_id) == (
        "verifying", None, None, None
    )  # fmt: skip
    assert local(c.close_deadline) == "2026-12-04 15:00"  # five working days from the reopening
    last = step_log(db, cid)[-1]
    assert (last.kind, last.from_status, last.to_status, last.note) == (
        "reopen", "archived", "verifying", "客户再次来电,问题未解决"
    )  # fmt: skip
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        reopen(s, user(s, "master"), cid, "again", now=reopened_at)  # not archived
    # the second round needs its own callback before archiving again
    now = reopened_at
    for target in ("reviewing", "rectifying", "callback"):
        now += HOUR
        with db.sessions.begin() as s:
            advance(s, user(s, MOVER[target]), cid, target, None, now=now)
    assert load(db, cid).callback_task_id not in (None, old_task)
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        archive(s, user(s, "master"), cid, now=now)
    assert "called_back" in refused.value.params["missing"]


def test_the_step_log_is_append_only(db: Database, org: Org) -> None:
    cid, _now = walk(db, org, "reviewing")
    with db.sessions() as s:
        step = s.scalars(select(ComplaintStep).where(ComplaintStep.complaint_id == cid)).first()
        assert step is not None
        step.note = "改写历史"
        with pytest.raises(StepLogChanged):
            s.flush()
        s.rollback()
        step = s.scalars(select(ComplaintStep).where(ComplaintStep.complaint_id == cid)).first()
        s.delete(step)
        with pytest.raises(StepLogChanged):
            s.flush()
        s.rollback()
    with db.sessions.begin() as s:  # the sync mark may change (a push marks rows clean)
        step = s.scalars(select(ComplaintStep).where(ComplaintStep.complaint_id == cid)).first()
        step.usn = 42
    assert [s.note for s in step_log(db, cid)][:2] == [None, "to verifying"]


def test_who_may_do_what(db: Database, org: Org) -> None:
    cid, now = walk(db, org, "reviewing")
    with db.sessions() as s:
        c = load(db, cid)
        staff = available_actions(s, user(s, "staff"), c)
        master = available_actions(s, user(s, "master"), c)
        manager = available_actions(s, user(s, "manager"), c)
        assert available_actions(s, user(s, "auditor"), c) == []
        assert available_actions(s, user(s, "staff2"), c) == []  # another station's
    assert "rectifying" not in staff and "verifying" not in staff  # the review is decided...
    assert {"rectifying", "verifying"} <= set(master)  # ... by the station master
    assert {"rectifying", "verifying"} <= set(manager)  # or a unit above
    assert {"pause", "escalate", "closure", "reply"} <= set(staff)
    with db.sessions.begin() as s, pytest.raises(PermissionDenied):
        advance(s, user(s, "staff"), cid, "rectifying", None, now=now)
    for login in ("auditor", "staff2"):
        with db.sessions.begin() as s, pytest.raises(PermissionDenied):
            advance(s, user(s, login), cid, "rectifying", None, now=now)
    assert load(db, cid).status == "reviewing"


def test_escalated_complaints_are_handled_by_the_level_above(db: Database, org: Org) -> None:
    cid, now = walk(db, org, "verifying")
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        escalate(s, user(s, "staff"), cid, " ", now=now)  # a reason is needed
    with db.sessions.begin() as s:
        escalate(s, user(s, "staff"), cid, "涉及油品质量,需片区协调检测", now=now)
    c = load(db, cid)
    assert (c.level, c.handling_org_id, c.owner_id) == (
        "area", org.area.id, org.users["manager"].id
    )  # fmt: skip
    with db.sessions() as s:
        assert available_actions(s, user(s, "staff"), c) == []
        assert available_actions(s, user(s, "master"), c) == []
        assert "reviewing" in available_actions(s, user(s, "manager"), c)
    with db.sessions.begin() as s, pytest.raises(PermissionDenied):
        advance(s, user(s, "staff"), cid, "reviewing", None, now=now + MINUTE)
    # the area names the station master responsible for the next step: he may carry it out
    with db.sessions.begin() as s:
        advance(s, user(s, "manager"), cid, "reviewing", "请站长配合",
                responsible_id=org.users["master"].id, now=now + HOUR)  # fmt: skip
    with db.sessions() as s:
        assert "pause" in available_actions(s, user(s, "master"), load(db, cid))
        # ... but the review's outcome stays the area's decision
        assert "rectifying" not in available_actions(s, user(s, "master"), load(db, cid))
    with db.sessions.begin() as s:
        escalate(s, user(s, "manager"), cid, "需公司法务介入", now=now + 2 * HOUR)
    c = load(db, cid)
    assert (c.level, c.owner_id) == ("company", org.users["admin"].id)
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        escalate(s, user(s, "admin"), cid, "再升级", now=now + 3 * HOUR)
    with db.sessions() as s:
        assert "escalate" not in available_actions(s, user(s, "admin"), load(db, cid))


def test_a_responsible_person_must_belong_to_the_station_or_above(db: Database, org: Org) -> None:
    cid, now = walk(db, org, "received")
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        advance(s, user(s, "staff"), cid, "verifying", None,
                responsible_id=org.users["staff2"].id, now=now)  # fmt: skip
    assert refused.value.field == "responsible"


def test_the_archive_offers_reopening_to_managers_only(db: Database, org: Org) -> None:
    customer = add_customer(db, org.station)
    cid, _now = walk(db, org, "archived", customer)
    with db.sessions() as s:
        c = load(db, cid)
        assert available_actions(s, user(s, "staff"), c) == []
        assert available_actions(s, user(s, "master"), c) == ["reopen"]
        assert available_actions(s, user(s, "auditor"), c) == []


def test_suggestions_may_be_archived_after_the_review(db: Database, org: Org) -> None:
    sid = new_complaint(db, org, T0, type="suggestion", category="其他",
                        description="建议开通微信预约加油")  # fmt: skip
    now = T0
    for target in ("verifying", "reviewing"):
        now += HOUR
        with db.sessions.begin() as s:
            advance(s, user(s, "staff"), sid, target, None, now=now)
    with db.sessions() as s:
        actions = available_actions(s, user(s, "master"), load(db, sid))
    assert {"archived", "rectifying", "flags"} <= set(actions) and "closure" not in actions
    with db.sessions.begin() as s:
        workflow.archive(s, user(s, "master"), sid, "暂不采纳", now=now + HOUR)
    assert load(db, sid).status == "archived"


def test_a_customer_who_cannot_be_reached_does_not_block_the_archive(
    db: Database, org: Org
) -> None:
    customer = add_customer(db, org.station)
    cid, now = walk(db, org, "callback", customer)
    task_id = load(db, cid).callback_task_id
    with db.sessions.begin() as s:
        save_closure(s, user(s, "staff"), cid, CLOSED, now=now)
    for attempt in range(3):  # the configured tries (3 by default), none reached
        with db.sessions.begin() as s:
            record_callback(s, user(s, "staff"), task_id,
                            CallbackRecord(channel="phone", reached=False),
                            now=now + (attempt + 1) * DAY)  # fmt: skip
    with db.sessions() as s:
        assert s.get_one(CallbackTask, task_id).status == TaskStatus.UNREACHABLE
        items = {i.code: i for i in checklist(s, s.get_one(type(load(db, cid)), cid))}
    assert items["called_back"].ok and items["called_back"].waived == "unreachable"
    assert items["satisfaction"].ok
    assert load(db, cid).satisfaction is None
    with db.sessions.begin() as s:
        archive(s, user(s, "master"), cid, "三次联系不上客户,归档", now=now + 4 * DAY)
    assert load(db, cid).status == "archived"
