"""Campaigns (特定回访): segment, preview count, one task per customer, scope."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from desktop_crm.errors import PermissionDenied, ValidationError
from desktop_crm.models import AuditEvent, CallbackTask, Campaign, Customer, User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.campaigns import (
    CampaignSegment,
    create_campaign,
    preview,
    preview_count,
)
from tests.conftest import Org
from tests.test_callback_rules import at, customer

NOW = at(date(2026, 11, 20))
DUE = date(2026, 11, 27)


@pytest.fixture
def people(db: Database, org: Org) -> dict[str, str]:
    """Customers of both stations, of several levels, kinds, tags and habits."""
    staff, staff2 = org.users["staff"], org.users["staff2"]
    with db.sessions.begin() as s:
        made = {
            "vip": customer(s, org.station, staff, level="VIP", tags="重点,大客户",
                            last_visit_at=at(date(2026, 11, 1))),
            "a_org": customer(s, org.station, staff, level="A", kind="organisation",
                              last_visit_at=at(date(2026, 9, 1))),
            "b": customer(s, org.station, staff, level="B", tags="潜力",
                          preferred_channel="sms", preferred_time="上午"),
            "c_lost": customer(s, org.station, None, level="C", status="lost"),
            "dnd": customer(s, org.station, staff, level="VIP", dnd=True),
            "no_consent": customer(s, org.station, staff, level="A", consent=False),
            "other_station": customer(s, org.station2, staff2, level="VIP"),
        }  # fmt: skip
        return {k: c.id for k, c in made.items()}


def user(db: Database, org: Org, login: str) -> User:
    with db.session() as s:
        return s.get_one(User, org.users[login].id)


def test_preview_counts_what_create_makes(db: Database, org: Org, people: dict[str, str]) -> None:
    segment = CampaignSegment(levels=["VIP", "A"])
    with db.sessions.begin() as s:
        manager = s.get_one(User, org.users["admin"].id)
        found = preview(s, manager, segment)
        assert (found.count, found.not_contactable) == (3, 2)  # 勿扰 and no consent: none
        campaign, created = create_campaign(
            s, manager, "寒潮关怀", "天气变化", segment, DUE, now=NOW
        )
        assert created == found.count
        campaign_id = campaign.id
    with db.session() as s:
        made = s.scalars(select(CallbackTask).where(CallbackTask.campaign_id == campaign_id)).all()
        assert {t.customer_id for t in made} == {
            people["vip"],
            people["a_org"],
            people["other_station"],
        }
        for task in made:
            assert task.reason == "campaign" and task.status == "open"
            assert task.due_date == DUE.isoformat()
            assert task.episode_key == f"campaign:{campaign_id}:{task.customer_id}"
            assert task.org_unit_id == s.get_one(Customer, task.customer_id).org_unit_id
            assert "天气变化" in (task.purpose or "") and "寒潮关怀" in (task.purpose or "")
            assert task.usn == -1 and task.id
        by_customer = {t.customer_id: t for t in made}
        assert by_customer[people["vip"]].assignee_id == org.users["staff"].id  # maintainer
        assert by_customer[people["other_station"]].assignee_id == org.users["staff2"].id
        stored = s.get_one(Campaign, campaign_id)
        assert (stored.event, stored.due_date) == ("天气变化", "2026-11-27")
        assert json.loads(stored.segment) == {"levels": ["VIP", "A"]}
        assert CampaignSegment.from_json(stored.segment) == segment
        assert s.scalar(select(AuditEvent).where(AuditEvent.entity_id == campaign_id))


def test_a_station_master_calls_only_the_own_station(
    db: Database, org: Org, people: dict[str, str]
) -> None:
    with db.sessions.begin() as s:
        master = s.get_one(User, org.users["master"].id)
        assert preview_count(s, master, CampaignSegment(levels=["VIP"])) == 1
        campaign, created = create_campaign(s, master, "节前问候", "重要节日",
                                            CampaignSegment(levels=["VIP"]), DUE, now=NOW)  # fmt: skip
        assert created == 1
        ids = s.scalars(select(CallbackTask.customer_id).where(
            CallbackTask.campaign_id == campaign.id)).all()  # fmt: skip
        assert ids == [people["vip"]]
        with pytest.raises(PermissionDenied):  # a station of another area
            preview(s, master, CampaignSegment(unit_ids=[org.station2.id]))


def test_an_area_manager_may_narrow_to_a_station(
    db: Database, org: Org, people: dict[str, str]
) -> None:
    with db.sessions.begin() as s:
        manager = s.get_one(User, org.users["manager"].id)
        assert preview_count(s, manager, CampaignSegment()) == 4  # area GS01: one station
        assert preview_count(s, manager, CampaignSegment(unit_ids=[org.station.id])) == 4
        admin = s.get_one(User, org.users["admin"].id)
        assert preview_count(s, admin, CampaignSegment()) == 5
        assert preview_count(s, admin, CampaignSegment(unit_ids=[org.area2.id])) == 1


def test_segment_filters(db: Database, org: Org, people: dict[str, str]) -> None:
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)

        def count(**kwargs: object) -> int:
            return preview_count(s, admin, CampaignSegment(**kwargs))  # type: ignore[arg-type]

        assert count(kinds=["organisation"]) == 1
        assert count(tags=["潜力"]) == 1
        assert count(tags=["重点", "潜力"]) == 2  # any of them
        assert count(statuses=["lost"]) == 1
        assert count(last_visit_after=date(2026, 10, 1)) == 1
        assert count(last_visit_before=date(2026, 10, 1)) == 1  # never came: not before
        assert count(last_visit_after=date(2026, 8, 1), last_visit_before=date(2026, 10, 1)) == 1
        with pytest.raises(ValidationError):
            count(last_visit_after=date(2026, 10, 1), last_visit_before=date(2026, 9, 1))


def test_channel_and_preferred_time_reach_the_task(
    db: Database, org: Org, people: dict[str, str]
) -> None:
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        campaign, _n = create_campaign(s, admin, "油价下调通知", "油价调整",
                                       CampaignSegment(tags=["潜力"]), DUE, now=NOW)  # fmt: skip
        task = s.scalars(select(CallbackTask).where(CallbackTask.campaign_id == campaign.id)).one()
        assert task.channel == "sms"
        assert "上午" in (task.purpose or "")


def test_no_maintainer_means_the_station_master(
    db: Database, org: Org, people: dict[str, str]
) -> None:
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        campaign, _n = create_campaign(s, admin, "挽回", "客户回访",
                                       CampaignSegment(statuses=["lost"]), DUE, now=NOW)  # fmt: skip
        task = s.scalars(select(CallbackTask).where(CallbackTask.campaign_id == campaign.id)).one()
        assert task.customer_id == people["c_lost"]
        assert task.assignee_id == org.users["master"].id


def test_refusals(db: Database, org: Org, people: dict[str, str]) -> None:
    with db.sessions.begin() as s:
        staff = s.get_one(User, org.users["staff"].id)
        admin = s.get_one(User, org.users["admin"].id)
        with pytest.raises(PermissionDenied):
            preview(s, staff, CampaignSegment())
        with pytest.raises(PermissionDenied):
            create_campaign(s, staff, "x", "油价调整", CampaignSegment(), DUE, now=NOW)
        with pytest.raises(ValidationError, match="name"):
            create_campaign(s, admin, " ", "油价调整", CampaignSegment(), DUE, now=NOW)
        with pytest.raises(ValidationError):
            create_campaign(s, admin, "x", "", CampaignSegment(), DUE, now=NOW)
        with pytest.raises(ValidationError, match="passed"):
            create_campaign(
                s, admin, "x", "油价调整", CampaignSegment(), date(2026, 11, 1), now=NOW
            )
        with pytest.raises(ValidationError, match="nothing was created"):
            create_campaign(s, admin, "x", "油价调整", CampaignSegment(levels=["D"]), DUE, now=NOW)


def test_a_large_campaign_is_one_statement(db: Database, org: Org) -> None:
    """3,000 customers: every one gets a task, and the count matches the preview."""
    with db.sessions.begin() as s:
        conn = s.connection().connection.driver_connection
        conn.executemany(
            "INSERT INTO customers (id, updated_at, usn, deleted, org_unit_id, kind, name, "
            "profile_stage, status, tags, consent, do_not_disturb, regular, blacklisted, "
            "level, maintainer_id, created_at) VALUES (?, 0, -1, 0, ?, 'person', ?, 'complete', "
            "'active', '', 1, 0, 0, 0, 'B', ?, 0)",
            [(f"00000000-0000-7000-8000-{n:012d}", org.station.id, f"客户{n}",
              org.users["staff"].id) for n in range(3000)],
        )  # fmt: skip
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        segment = CampaignSegment(levels=["B"])
        expected = preview_count(s, admin, segment)
        _campaign, created = create_campaign(s, admin, "大活动", "油价调整", segment, DUE, now=NOW)
    assert created == expected == 3000
