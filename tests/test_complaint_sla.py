"""Deadlines over the working-day calendar (weekends, holidays, 调休), states and pauses."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.models import Holiday
from desktop_crm.models.db import Database
from desktop_crm.services.complaints import sla
from desktop_crm.services.complaints.calendar import WorkingCalendar
from desktop_crm.services.complaints.workflow import advance, pause, resume
from tests.complaint_helpers import HOUR, MINUTE, at, load, local, new_complaint, step_log, user
from tests.conftest import Org


def national_day_2026(db: Database, org: Org) -> None:
    """国庆节 2026: 1-7 October off; Sunday 20 September and Saturday 10 October worked."""
    with db.sessions.begin() as s:
        for day in range(1, 8):
            s.add(Holiday(date=f"2026-10-{day:02d}", name="国庆节", working=False,
                          org_unit_id=org.company.id))  # fmt: skip
        for day in ("2026-09-20", "2026-10-10"):
            s.add(
                Holiday(date=day, name="国庆节调休上班", working=True, org_unit_id=org.company.id)
            )


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        ("2026-11-20 16:00", 1, "2026-11-23 16:00"),  # Friday → Monday
        ("2026-11-20 16:00", 5, "2026-11-27 16:00"),
        ("2026-11-23 09:30", 1, "2026-11-24 09:30"),  # Monday → Tuesday
        ("2026-11-21 10:00", 1, "2026-11-23 10:00"),  # received on a Saturday
        ("2026-11-22 22:00", 3, "2026-11-25 22:00"),  # on a Sunday evening
    ],
)
def test_working_days_skip_the_weekend(received: str, days: int, due: str) -> None:
    assert local(WorkingCalendar().deadline_ms(at(received), days)) == due


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        ("2026-09-30 10:00", 1, "2026-10-08 10:00"),  # the holiday week skipped
        ("2026-09-30 10:00", 3, "2026-10-10 10:00"),  # 8th, 9th, Saturday the 10th (调休)
        ("2026-09-30 10:00", 4, "2026-10-12 10:00"),  # Sunday the 11th is off again
        ("2026-09-18 15:00", 1, "2026-09-20 15:00"),  # Friday → the make-up Sunday
        ("2026-10-03 11:00", 1, "2026-10-08 11:00"),  # received during the holiday
    ],
)
def test_holidays_are_skipped_and_make_up_days_count(
    db: Database, org: Org, received: str, days: int, due: str
) -> None:
    national_day_2026(db, org)
    with db.sessions() as s:
        calendar = WorkingCalendar.load(s)
    assert calendar.is_working_day(date(2026, 10, 10))
    assert not calendar.is_working_day(date(2026, 10, 5))
    assert not calendar.is_working_day(date(2026, 10, 11))
    assert local(calendar.deadline_ms(at(received), days)) == due


def test_a_deleted_holiday_no_longer_counts(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        s.add(Holiday(date="2026-11-23", name="test", working=False, deleted=True,
                      org_unit_id=org.company.id))  # fmt: skip
    with db.sessions() as s:
        assert WorkingCalendar.load(s).is_working_day(date(2026, 11, 23))


def test_intake_uses_the_calendar_for_the_closure_deadline(db: Database, org: Org) -> None:
    national_day_2026(db, org)
    c = load(db, new_complaint(db, org, at("2026-09-30 10:00"), severity="较大"))
    assert local(c.close_deadline) == "2026-10-10 10:00"
    assert local(c.reply_deadline) == "2026-10-01 10:00"  # hours run on holidays too


def test_states_in_time_warning_overdue_and_met(db: Database, org: Org) -> None:
    received = at("2026-11-23 10:00")
    c = load(db, new_complaint(db, org, received))
    states = {s.kind: s for s in sla.deadline_states(c, received + 30 * MINUTE, 0.75)}
    assert [k for k in states] == ["accept", "reply", "close"]
    assert states["accept"].state == "in_time"
    assert states["accept"].remaining_ms == 30 * MINUTE
    assert local(states["close"].due_ms) == "2026-11-30 10:00"
    accept = {s.kind: s for s in sla.deadline_states(c, received + 45 * MINUTE, 0.75)}["accept"]
    assert accept.state == "warning"
    late = {s.kind: s for s in sla.deadline_states(c, received + 61 * MINUTE, 0.75)}
    assert late["accept"].state == "overdue"
    assert late["accept"].remaining_ms == -MINUTE
    assert late["reply"].state == "in_time"
    nxt = sla.next_deadline(c, received + 61 * MINUTE, 0.75)
    assert nxt is not None and (nxt.kind, nxt.state) == ("accept", "overdue")
    # accepting meets the acceptance deadline; the next one is the first reply
    with db.sessions.begin() as s:
        advance(s, user(s, "staff"), c.id, "verifying", None, now=received + 20 * MINUTE)
    c = load(db, c.id)
    states = {s.kind: s for s in sla.deadline_states(c, received + 2 * HOUR, 0.75)}
    assert (states["accept"].met, states["accept"].state) == (True, "in_time")
    assert states["accept"].met_ms == received + 20 * MINUTE
    nxt = sla.next_deadline(c, received + 2 * HOUR, 0.75)
    assert nxt is not None and nxt.kind == "reply"


def test_a_pause_stops_the_clock_and_moves_the_pending_deadlines(db: Database, org: Org) -> None:
    received = at("2026-11-23 10:00")
    cid = new_complaint(db, org, received)
    with db.sessions.begin() as s:
        advance(s, user(s, "staff"), cid, "verifying", None, now=received + 10 * MINUTE)
        pause(s, user(s, "staff"), cid, "等客户提供加油小票", now=received + HOUR)
    c = load(db, cid)
    # while paused, the remaining time stands still
    for later in (received + 2 * HOUR, received + 30 * HOUR):
        reply = {s.kind: s for s in sla.deadline_states(c, later, 0.75)}["reply"]
        assert reply.remaining_ms == 23 * HOUR
        assert reply.state == "in_time"
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        advance(s, user(s, "staff"), cid, "reviewing", None, now=received + 3 * HOUR)
    with db.sessions.begin() as s:
        resume(s, user(s, "staff"), cid, "客户已送来小票", now=received + 4 * HOUR)
    c = load(db, cid)
    assert c.paused_at is None and c.paused_ms == 3 * HOUR
    states = {s.kind: s for s in sla.deadline_states(c, received + 5 * HOUR, 0.75)}
    assert states["reply"].due_ms == received + 27 * HOUR  # 24 h + 3 h paused
    assert local(states["close"].due_ms) == "2026-11-30 13:00"
    assert states["accept"].due_ms == received + HOUR  # met before the pause: unchanged
    kinds = [(s.kind, s.note) for s in step_log(db, cid)]
    assert ("pause", "等客户提供加油小票") in kinds
    assert ("resume", "客户已送来小票 (180 min)") in kinds


def test_pause_and_resume_are_refused_when_they_make_no_sense(db: Database, org: Org) -> None:
    received = at("2026-11-23 10:00")
    cid = new_complaint(db, org, received)
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        resume(s, user(s, "staff"), cid, None, now=received)
    with db.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        pause(s, user(s, "staff"), cid, "   ", now=received)
    assert refused.value.field == "note"
    with db.sessions.begin() as s:
        pause(s, user(s, "staff"), cid, "等客户回电", now=received)
    with db.sessions.begin() as s, pytest.raises(ValidationError):
        pause(s, user(s, "staff"), cid, "again", now=received + MINUTE)


def test_the_warning_share_is_a_setting(db: Database, org: Org) -> None:
    from desktop_crm.services.settings import put_setting

    with db.sessions.begin() as s:
        assert sla.warn_share(s) == 0.75
        put_setting(s, user(s, "admin"), "complaints.warn_share", 0.5)
    with db.sessions() as s:
        assert sla.warn_share(s) == 0.5
    received = at("2026-11-23 10:00")
    c = load(db, new_complaint(db, org, received))
    accept = sla.deadline_states(c, received + 31 * MINUTE, 0.5)[0]
    assert accept.state == "warning"
