"""The SLA clock: warnings at 75%, escalation station → area → company, severe complaints at
once, idempotence, who is notified, pauses and reopenings."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from desktop_crm.models import ComplaintStep
from desktop_crm.models.db import Database, backup_copy, open_database
from desktop_crm.services.complaints import steps
from desktop_crm.services.complaints.escalation import EscalationResult, run_escalation
from desktop_crm.services.complaints.workflow import advance, pause, reopen, reply, resume
from desktop_crm.services.settings import put_setting
from tests.complaint_helpers import HOUR, MINUTE, at, load, new_complaint, step_log, user
from tests.conftest import Org

RECEIVED = at("2026-11-23 10:00")  # Monday; accept by 11:00, reply by Tue 10:00, close Mon 30th


def clock(db: Database, when: int | str) -> EscalationResult:
    now = at(when) if isinstance(when, str) else when
    with db.sessions.begin() as s:
        return run_escalation(s, now)


def counts(result: EscalationResult) -> tuple[int, int, int]:
    return result.warned, result.escalated, result.overdue


def clock_steps(
    db: Database, complaint_id: str
) -> list[tuple[str, str | None, str | None, str | None]]:
    return [
        (s.kind, s.note, s.from_status, s.to_status)
        for s in step_log(db, complaint_id)
        if s.kind in steps.CLOCK_KINDS and s.actor_id is None
    ]


def test_a_warning_at_three_quarters_of_the_time(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, RECEIVED)
    assert counts(clock(db, "2026-11-23 10:44")) == (0, 0, 0)
    assert step_log(db, cid)[-1].kind == "transition"
    result = clock(db, "2026-11-23 10:45")
    assert counts(result) == (1, 0, 0) and result.complaint_ids == {cid}
    warning = step_log(db, cid)[-1]
    assert (warning.kind, warning.note, warning.actor_id) == ("warning", "accept", None)
    assert warning.at == at("2026-11-23 10:45")
    assert json.loads(warning.notified or "") == [org.users["master"].id]  # the owner
    # once per deadline: later runs before the deadline say nothing more
    assert counts(clock(db, "2026-11-23 10:45")) == (0, 0, 0)
    assert counts(clock(db, "2026-11-23 10:59")) == (0, 0, 0)
    assert load(db, cid).level == "station"


def test_each_passed_deadline_moves_the_complaint_up_one_level(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, RECEIVED)
    clock(db, "2026-11-23 10:45")
    assert counts(clock(db, "2026-11-23 11:00")) == (0, 1, 0)  # not accepted within the hour
    c = load(db, cid)
    assert (c.level, c.handling_org_id, c.owner_id) == (
        "area", org.area.id, org.users["manager"].id
    )  # fmt: skip
    escalation = step_log(db, cid)[-1]
    assert (escalation.kind, escalation.note) == ("escalation", "accept")
    assert (escalation.from_status, escalation.to_status) == ("station", "area")
    assert escalation.responsible_id == org.users["manager"].id
    assert json.loads(escalation.notified or "") == [
        org.users["manager"].id, org.users["master"].id,  # the new owner and the former one
    ]  # fmt: skip
    assert counts(clock(db, "2026-11-23 11:00")) == (0, 0, 0)  # idempotent
    # the reply deadline warns the new owner, then sends the complaint to the company
    assert counts(clock(db, "2026-11-24 04:00")) == (1, 0, 0)
    assert json.loads(step_log(db, cid)[-1].notified or "") == [org.users["manager"].id]
    assert counts(clock(db, "2026-11-24 10:00")) == (0, 1, 0)
    c = load(db, cid)
    assert (c.level, c.handling_org_id, c.owner_id) == (
        "company", org.company.id, org.users["admin"].id
    )  # fmt: skip
    assert json.loads(step_log(db, cid)[-1].notified or "") == [
        org.users["admin"].id, org.users["manager"].id,
    ]  # fmt: skip
    # the closure deadline (five working days, Monday 30th 10:00): warned on Saturday 16:00,
    # then overdue at the company, where there is no level above
    assert counts(clock(db, "2026-11-28 15:59")) == (0, 0, 0)
    assert counts(clock(db, "2026-11-28 16:00")) == (1, 0, 0)
    assert counts(clock(db, "2026-11-30 10:00")) == (0, 0, 1)
    assert load(db, cid).level == "company"
    assert clock_steps(db, cid) == [
        ("warning", "accept", None, None),
        ("escalation", "accept", "station", "area"),
        ("warning", "reply", None, None),
        ("escalation", "reply", "area", "company"),
        ("warning", "close", None, None),
        ("overdue", "close", "company", "company"),
    ]
    for _ in range(3):
        assert counts(clock(db, "2026-12-05 10:00")) == (0, 0, 0)
    assert len(clock_steps(db, cid)) == 6


def test_a_late_run_catches_up_with_every_passed_deadline(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, RECEIVED)
    result = clock(db, "2026-11-25 09:00")  # nobody ran the clock for two days
    assert counts(result) == (0, 2, 0)  # accept and reply passed: no warnings any more
    assert load(db, cid).level == "company"
    assert [k for k, *_ in clock_steps(db, cid)] == ["escalation", "escalation"]
    assert counts(clock(db, "2026-11-25 09:00")) == (0, 0, 0)


def test_deadlines_met_in_time_are_not_escalated(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, RECEIVED)
    with db.sessions.begin() as s:
        advance(s, user(s, "staff"), cid, "verifying", None, now=RECEIVED + 20 * MINUTE)
        reply(s, user(s, "staff"), cid, "已电话告知客户正在核实", now=RECEIVED + 2 * HOUR)
    assert counts(clock(db, "2026-11-24 12:00")) == (0, 0, 0)
    assert counts(clock(db, "2026-11-28 16:00")) == (1, 0, 0)  # the closure, at 75%
    assert counts(clock(db, "2026-11-30 10:00")) == (0, 1, 0)
    assert load(db, cid).level == "area"


def test_a_severe_complaint_is_at_the_company_from_the_start(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, RECEIVED, severity="重大")
    first = step_log(db, cid)[-1]
    assert (first.kind, first.note, first.actor_id) == (
        "escalation", "severity", org.users["staff"].id
    )  # fmt: skip
    assert counts(clock(db, "2026-11-23 10:45")) == (1, 0, 0)
    assert json.loads(step_log(db, cid)[-1].notified or "") == [org.users["admin"].id]
    assert counts(clock(db, "2026-11-23 11:00")) == (0, 0, 1)
    last = step_log(db, cid)[-1]
    assert (last.kind, last.note) == ("overdue", "accept")
    assert json.loads(last.notified or "") == [org.users["admin"].id]


def test_a_paused_complaint_waits_and_its_deadlines_move(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, RECEIVED)
    with db.sessions.begin() as s:
        pause(s, user(s, "staff"), cid, "等客户到站确认", now=RECEIVED + 10 * MINUTE)
    assert counts(clock(db, "2026-11-23 12:00")) == (0, 0, 0)
    with db.sessions.begin() as s:
        resume(s, user(s, "staff"), cid, None, now=at("2026-11-23 12:10"))
    # 2 hours paused: acceptance due at 13:00, warned from 12:45
    assert counts(clock(db, "2026-11-23 12:44")) == (0, 0, 0)
    assert counts(clock(db, "2026-11-23 12:45")) == (1, 0, 0)
    assert counts(clock(db, "2026-11-23 12:59")) == (0, 0, 0)
    assert counts(clock(db, "2026-11-23 13:00")) == (0, 1, 0)


def test_the_warning_share_setting_is_used(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        put_setting(s, user(s, "admin"), "complaints.warn_share", 0.5)
    new_complaint(db, org, RECEIVED)
    assert counts(clock(db, "2026-11-23 10:29")) == (0, 0, 0)
    assert counts(clock(db, "2026-11-23 10:30")) == (1, 0, 0)


def test_a_reopened_complaint_gets_a_new_round_of_closure_warnings(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, RECEIVED, severity="一般", contact_phone=None)
    now = RECEIVED
    for target in ("verifying", "reviewing", "rectifying", "callback"):
        now += 10 * MINUTE
        with db.sessions.begin() as s:
            advance(s, user(s, "master"), cid, target, None, now=now)
    with db.sessions.begin() as s:
        reply(s, user(s, "master"), cid, "已答复客户", now=now)
    assert counts(clock(db, "2026-11-28 16:00")) == (1, 0, 0)  # the closure, first round
    from desktop_crm.services.complaints.closure import ClosureInfo
    from desktop_crm.services.complaints.workflow import archive, save_closure

    with db.sessions.begin() as s:
        save_closure(s, user(s, "master"), cid, ClosureInfo("原因", "责任人", "措施"))
        archive(s, user(s, "master"), cid, now=at("2026-11-29 10:00"))
        reopen(s, user(s, "master"), cid, "客户再次投诉", now=at("2026-12-01 10:00"))
    # a new closure deadline: Tuesday 8 December 10:00; 75% of 7 days = Sunday 6th 16:00
    assert counts(clock(db, "2026-12-06 15:59")) == (0, 0, 0)
    assert counts(clock(db, "2026-12-06 16:00")) == (1, 0, 0)
    assert counts(clock(db, "2026-12-08 10:00")) == (0, 1, 0)
    assert [k for k, note, *_ in clock_steps(db, cid) if note == "close"] == [
        "warning", "warning", "escalation",
    ]  # fmt: skip


def test_an_area_without_a_manager_is_passed_over(db: Database, org: Org) -> None:
    cid = new_complaint(db, org, RECEIVED, login="staff2", station_id=org.station2.id)
    assert load(db, cid).owner_id == org.users["staff2"].id  # no station master there
    clock(db, "2026-11-23 11:00")
    c = load(db, cid)
    assert (c.level, c.handling_org_id, c.owner_id) == (
        "company", org.company.id, org.users["admin"].id
    )  # fmt: skip
    assert clock_steps(db, cid)[-1][2:] == ("station", "company")


def test_archived_complaints_are_left_alone(db: Database, org: Org) -> None:
    sid = new_complaint(db, org, RECEIVED, type="suggestion", category="其他")
    now = RECEIVED
    for target in ("verifying", "reviewing", "archived"):
        now += 10 * MINUTE
        with db.sessions.begin() as s:
            advance(s, user(s, "master"), sid, target, None, now=now)
    result = clock(db, "2026-12-30 10:00")
    assert (result.checked, *counts(result)) == (0, 0, 0, 0)


def test_two_desktops_running_the_clock_log_the_same_steps(
    db: Database, org: Org, tmp_path: Path
) -> None:
    """A station and its area both run the clock offline: the steps they log share their
    ids, so sync holds each warning and escalation once."""
    cid = new_complaint(db, org, RECEIVED)
    other = open_database(backup_copy(db.path, tmp_path / "area-desktop.db"))
    try:
        for database in (db, other):
            with database.sessions.begin() as s:
                run_escalation(s, at("2026-11-23 10:50"))
                run_escalation(s, at("2026-11-23 11:05"))
        with other.sessions() as s:
            theirs = {
                (st.id, st.kind, st.note)
                for st in s.scalars(select(ComplaintStep).where(ComplaintStep.complaint_id == cid))
                if st.actor_id is None
            }
    finally:
        other.close()
    ours = {(st.id, st.kind, st.note) for st in step_log(db, cid) if st.actor_id is None}
    assert ours == theirs
    assert {(kind, note) for _id, kind, note in ours} == {
        ("warning", "accept"), ("escalation", "accept")
    }  # fmt: skip
