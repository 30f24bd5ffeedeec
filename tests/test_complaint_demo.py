"""The demo's complaints agree with the workflow: numbers, levels and owners, deadlines from
the policies and the calendar, step logs, the closing checklist, and a clock with nothing
left to do."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_crm.models import CallbackTask, Complaint, ComplaintStep, OrgUnit, User
from desktop_crm.models.db import Database, open_database
from desktop_crm.services.complaints import sla
from desktop_crm.services.complaints.closure import checklist, missing
from desktop_crm.services.complaints.escalation import run_escalation
from desktop_crm.services.complaints.handling import LEVEL_ROLE, Handlers
from desktop_crm.services.demo import generate
from tests.complaint_helpers import at

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("complaint-demo") / "demo.db"
    generate(path, 4000, seed=3, today=TODAY)
    database = open_database(path)
    yield database
    database.close()


def test_the_clock_has_nothing_to_add_at_the_demo_date(demo_db: Database) -> None:
    with demo_db.sessions() as s:
        result = run_escalation(s, at("2026-11-23 00:00"))
        assert (result.warned, result.escalated, result.overdue) == (0, 0, 0)
        assert result.checked > 0  # open complaints past a threshold, already handled
        s.rollback()
        later = run_escalation(s, at("2026-11-25 12:00"))  # two days on, there is work
        assert later.warned + later.escalated + later.overdue > 0
        s.rollback()


def test_levels_units_and_owners_follow_the_escalations(demo_db: Database) -> None:
    with demo_db.sessions() as s:
        handlers = Handlers.load(s)
        complaints = list(s.scalars(select(Complaint)))
        users = {u.id: u for u in s.scalars(select(User))}
        escalations: dict[str, list[ComplaintStep]] = {}
        for step in s.scalars(
            select(ComplaintStep)
            .where(ComplaintStep.kind == "escalation")
            .order_by(ComplaintStep.at)
        ):
            escalations.setdefault(step.complaint_id, []).append(step)
        for c in complaints:
            unit = s.get_one(OrgUnit, c.handling_org_id)
            assert unit.id == handlers.unit_for(c.org_unit_id, c.level).id  # type: ignore[union-attr]
            assert users[c.owner_id].role == LEVEL_ROLE[c.level]
            assert users[c.owner_id].org_unit_id == unit.id
            moves = escalations.get(c.id, [])
            chain = ["station", *[m.to_status for m in moves]]
            assert chain[-1] == c.level
            assert [m.from_status for m in moves] == chain[:-1]
            if c.severity in ("重大", "特别重大"):
                assert moves[0].note == "severity" and moves[0].at <= c.received_at + 1
            for move in moves:
                told = json.loads(move.notified or "[]")
                assert move.responsible_id in told
    assert {c.level for c in complaints} == {"station", "area", "company"}


def test_deadlines_come_from_the_policies_and_the_calendar(demo_db: Database) -> None:
    with demo_db.sessions() as s:
        calendar = sla.WorkingCalendar.load(s)
        assert calendar.special  # the holidays of the years concerned
        for c in s.scalars(select(Complaint)):
            policy = sla.policy_for(s, c.category, c.severity)
            assert (c.accept_deadline, c.reply_deadline, c.close_deadline) == sla.deadlines_for(
                policy, c.received_at, calendar
            )
            assert c.paused_ms == 0 and c.paused_at is None


def test_archived_complaints_pass_the_checklist_and_their_callbacks_are_recorded(
    demo_db: Database,
) -> None:
    with demo_db.sessions() as s:
        archived = list(
            s.scalars(
                select(Complaint).where(
                    Complaint.status == "archived", Complaint.type == "complaint"
                )
            )
        )
        assert archived
        for c in archived:
            assert missing(checklist(s, c)) == []
            if c.customer_id is not None:
                task = s.get_one(CallbackTask, c.callback_task_id)
                assert (task.reason, task.status, task.complaint_id) == ("complaint", "done", c.id)
                assert task.satisfaction == c.satisfaction
        waiting = list(
            s.scalars(
                select(Complaint).where(
                    Complaint.status == "callback", Complaint.customer_id.is_not(None)
                )
            )
        )
        for c in waiting:
            task = s.get_one(CallbackTask, c.callback_task_id)
            assert task.status in ("open", "booked")
