"""The callback rules with a fixed clock: tiers, absences, volume drops, exit surveys."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.models import CallbackTask, Customer, OrgUnit, User, Visit
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks import config
from desktop_crm.services.callbacks.intervals import usual_interval_days
from desktop_crm.services.callbacks.rules import RulesResult, run_rules
from desktop_crm.services.settings import put_setting
from tests.conftest import Org

DAY_MS = 86_400_000


def at(day: date, hour: int = 10) -> int:
    return int(datetime.combine(day, time(hour), tzinfo=local_zone()).timestamp() * 1000)


def customer(
    s: Session,
    station: OrgUnit,
    maintainer: User | None,
    *,
    name: str = "王小明",
    level: str | None = "C",
    kind: str = "person",
    status: str = "active",
    consent: bool = True,
    dnd: bool = False,
    phone: str = "13812345678",
    **extra: object,
) -> Customer:
    c = Customer(
        kind=kind, name=name, level=level, phone=phone, profile_stage="complete",
        status=status, consent=consent, do_not_disturb=dnd, org_unit_id=station.id,
        maintainer_id=maintainer.id if maintainer else None, created_at=at(date(2024, 1, 1)),
        **extra,
    )  # fmt: skip
    s.add(c)
    s.flush()
    return c


def visits(
    s: Session, c: Customer, days: list[date], litres: float = 40.0, *, stats: bool = True
) -> None:
    """Visits on those days; with ``stats`` the customer's last visit and interval as the
    import stores them."""
    times = sorted(at(d) for d in days)
    for ms in times:
        s.add(Visit(customer_id=c.id, visited_at=ms, product="92#", litres=litres,
                    amount_fen=int(litres * 750), paid_by_card=False, org_unit_id=c.org_unit_id))  # fmt: skip
    if stats:
        c.last_visit_at = times[-1]
        c.usual_interval_days = usual_interval_days(times, 3)


def run(db: Database, today: date) -> RulesResult:
    with db.writer.begin() as s:
        return run_rules(s, today)


def tasks(db: Database, customer_id: str, reason: str | None = None) -> list[CallbackTask]:
    with db.session() as s:
        query = select(CallbackTask).where(CallbackTask.customer_id == customer_id)
        if reason:
            query = query.where(CallbackTask.reason == reason)
        return list(s.scalars(query.order_by(CallbackTask.created_at, CallbackTask.id)))


def weekly(last: date, count: int = 6) -> list[date]:
    return [last - timedelta(days=7 * k) for k in range(count)]


# -- usual interval -------------------------------------------------------------------
def test_usual_interval_is_the_median_gap_and_needs_enough_visits() -> None:
    d = [at(date(2026, 1, 1) + timedelta(days=n)) for n in (0, 7, 14, 44)]  # gaps 7, 7, 30
    assert usual_interval_days(d, 3) == 7.0  # one long trip does not stretch the cycle
    assert usual_interval_days(d[:2], 3) is None  # two visits: no usual interval yet
    assert usual_interval_days(d[:3], 3) == 7.0
    assert usual_interval_days(d, 5) is None  # the minimum is a setting
    assert usual_interval_days([at(date(2026, 1, 1)), at(date(2026, 1, 11))], 2) == 10.0


def test_the_run_fills_in_stale_last_visits_and_intervals(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        c = customer(s, org.station, org.users["staff"])
        visits(s, c, [date(2026, 5, 1), date(2026, 5, 11), date(2026, 5, 20)], stats=False)
        cid = c.id
    result = run(db, date(2026, 5, 22))
    assert result.refreshed == 1
    with db.session() as s:
        c = s.get_one(Customer, cid)
        assert c.last_visit_at == at(date(2026, 5, 20))
        assert c.usual_interval_days == 9.5
        assert c.usual_interval_days is not None
    assert run(db, date(2026, 5, 22)).refreshed == 0


# -- absence anomalies ----------------------------------------------------------------
@pytest.fixture
def regular(db: Database, org: Org) -> str:
    """A customer who came every 7 days, last on 2026-06-01."""
    with db.sessions.begin() as s:
        c = customer(s, org.station, org.users["staff"], name="周末加油")
        visits(s, c, weekly(date(2026, 6, 1)))
        return c.id


def test_absence_task_on_the_fourth_day_past_the_usual_interval(
    db: Database, org: Org, regular: str
) -> None:
    # last visit June 1, every 7 days: due back June 8; June 11 is the 3rd day past it
    assert run(db, date(2026, 6, 11)).created["absence"] == 0
    assert tasks(db, regular) == []
    result = run(db, date(2026, 6, 12))
    assert result.created["absence"] == 1
    (task,) = tasks(db, regular)
    assert task.reason == "absence"
    assert task.status == "open"
    assert task.due_date == "2026-06-12"
    assert task.assignee_id == org.users["staff"].id  # the maintainer
    assert task.org_unit_id == org.station.id
    assert task.usn == -1 and not task.deleted  # to be pushed to the head office
    assert task.episode_key == f"absence:{regular}:{at(date(2026, 6, 1))}"
    assert "7" in (task.purpose or "") and "2026-06-01" in (task.purpose or "")


def test_absences_follow_visits_that_came_without_their_figures(db: Database, org: Org) -> None:
    """Visits stored without the import's bookkeeping (e.g. by sync) count in the same run:
    a customer with no figures yet can be absent, one who came back since is not."""
    with db.sessions.begin() as s:
        new = customer(s, org.station, org.users["staff"], name="新来的", phone="13900000001")
        visits(s, new, weekly(date(2026, 6, 1)), stats=False)
        back = customer(s, org.station, org.users["staff"], name="回来了", phone="13900000002")
        visits(s, back, weekly(date(2026, 6, 1)))
        visits(s, back, [date(2026, 6, 10)], stats=False)  # stored last visit: June 1
        new_id, back_id = new.id, back.id
    result = run(db, date(2026, 6, 12))
    assert result.refreshed == 2
    (task,) = tasks(db, new_id, "absence")
    assert task.episode_key == f"absence:{new_id}:{at(date(2026, 6, 1))}"
    assert tasks(db, back_id, "absence") == []
    assert run(db, date(2026, 6, 12)).total_created == 0


def test_one_task_per_absence_and_a_visit_closes_it(db: Database, org: Org, regular: str) -> None:
    run(db, date(2026, 6, 12))
    # running again, the same day or later in the same absence, adds nothing
    assert run(db, date(2026, 6, 12)).total_created == 0
    assert run(db, date(2026, 6, 20)).created["absence"] == 0
    assert len(tasks(db, regular)) == 1
    # the customer comes back (the import updates the last visit)
    with db.sessions.begin() as s:
        c = s.get_one(Customer, regular)
        visits(s, c, weekly(date(2026, 6, 1)) + [date(2026, 6, 21)])
    result = run(db, date(2026, 6, 22))
    assert result.closed_returned == 1
    (task,) = tasks(db, regular)
    assert task.status == "cancelled"
    assert "2026-06-21" in (task.note or "")
    assert result.created["absence"] == 0
    # no new task until the next absence ...
    assert run(db, date(2026, 6, 25)).created["absence"] == 0
    # ... which is a new episode (the usual interval is now 7 days again from June 21)
    later = run(db, date(2026, 7, 20))
    assert later.created["absence"] == 1
    assert [t.status for t in tasks(db, regular)] == ["cancelled", "open"]


def test_long_gone_and_lost_customers_get_no_absence_task(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        gone = customer(s, org.station, org.users["staff"])
        visits(s, gone, weekly(date(2026, 3, 1)))  # 3 months ago: past the 30 late days
        lost = customer(s, org.station, org.users["staff"], status="lost")
        visits(s, lost, weekly(date(2026, 6, 1)))
        ids = gone.id, lost.id
    assert run(db, date(2026, 6, 12)).created["absence"] == 0
    assert all(tasks(db, cid, "absence") == [] for cid in ids)


def test_customer_without_enough_visits_is_never_absent(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        c = customer(s, org.station, org.users["staff"])
        visits(s, c, [date(2026, 5, 1), date(2026, 5, 8)])
        assert c.usual_interval_days is None
        cid = c.id
    assert run(db, date(2026, 6, 1)).created["absence"] == 0
    assert tasks(db, cid) == []


def test_maintainer_who_left_hands_the_task_to_the_station_master(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        leaver = s.get_one(User, org.users["staff"].id)
        c = customer(s, org.station, leaver)
        visits(s, c, weekly(date(2026, 6, 1)))
        leaver.active = False
        cid = c.id
    run(db, date(2026, 6, 12))
    (task,) = tasks(db, cid)
    assert task.assignee_id == org.users["master"].id


# -- do not disturb, consent, channel ---------------------------------------------------
def test_do_not_disturb_and_no_consent_get_no_task(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        quiet = customer(s, org.station, org.users["staff"], level="VIP", dnd=True)
        unasked = customer(s, org.station, org.users["staff"], level="VIP", consent=False)
        for c in (quiet, unasked):
            visits(s, c, weekly(date(2026, 6, 1)))
        ids = quiet.id, unasked.id
    result = run(db, date(2026, 6, 12))
    assert result.total_created == 0
    assert all(tasks(db, cid) == [] for cid in ids)


def test_withdrawn_consent_cancels_open_rule_tasks(db: Database, org: Org, regular: str) -> None:
    run(db, date(2026, 6, 12))
    with db.sessions.begin() as s:
        s.get_one(Customer, regular).do_not_disturb = True
    result = run(db, date(2026, 6, 13))
    assert result.closed_not_contactable == 1
    (task,) = tasks(db, regular)
    assert task.status == "cancelled"
    assert "勿扰" in (task.note or "")


def test_preferred_channel_and_time_go_into_the_task(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        c = customer(s, org.station, org.users["staff"], preferred_channel="wechat",
                     preferred_time="晚上7点后")  # fmt: skip
        visits(s, c, weekly(date(2026, 6, 1)))
        cid = c.id
    run(db, date(2026, 6, 12))
    (task,) = tasks(db, cid)
    assert task.channel == "wechat"
    assert "晚上7点后" in (task.purpose or "")


def test_phone_is_the_channel_without_a_preference(db: Database, org: Org, regular: str) -> None:
    run(db, date(2026, 6, 12))
    assert tasks(db, regular)[0].channel == "phone"


# -- routine calls by level (三级维护) --------------------------------------------------
def test_tier_rules_pick_the_owner_by_level(db: Database, org: Org) -> None:
    staff = org.users["staff"]
    with db.sessions.begin() as s:
        made = {
            "vip": customer(s, org.station, staff, level="VIP"),
            "a_org": customer(s, org.station, staff, level="A", kind="organisation"),
            "b_person": customer(s, org.station, staff, level="B"),
            "b_org": customer(s, org.station, staff, level="B", kind="organisation"),
            "c_person": customer(s, org.station, staff, level="C"),
            "lost_vip": customer(s, org.station, staff, level="VIP", status="lost"),
        }
        ids = {k: c.id for k, c in made.items()}
    result = run(db, date(2026, 11, 10))
    assert result.created["tier"] == 3
    owner = {k: [t.assignee_id for t in tasks(db, cid, "tier")] for k, cid in ids.items()}
    assert owner["vip"] == [org.users["admin"].id]  # the company calls VIP customers
    assert owner["a_org"] == [org.users["manager"].id]  # the area: A-class units
    assert owner["b_person"] == [staff.id]  # the station: its own maintainer
    assert owner["b_org"] == owner["c_person"] == owner["lost_vip"] == []
    (task,) = tasks(db, ids["vip"])
    assert task.episode_key == f"tier:{ids['vip']}:2026Q4"
    assert "2026-11-10" <= task.due_date <= "2026-12-31"  # in the period, not before today
    assert "VIP" in (task.purpose or "")


def test_one_tier_task_per_customer_and_period(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        cid = customer(s, org.station, org.users["staff"], level="B").id
    run(db, date(2026, 10, 5))
    assert run(db, date(2026, 12, 30)).created["tier"] == 0  # same quarter
    assert run(db, date(2027, 1, 2)).created["tier"] == 1  # a new quarter
    keys = [t.episode_key for t in tasks(db, cid)]
    assert keys == [f"tier:{cid}:2026Q4", f"tier:{cid}:2027Q1"]


def test_tier_rules_are_configurable(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        cid = customer(s, org.station, org.users["staff"], level="C").id
        admin = s.get_one(User, org.users["admin"].id)
        put_setting(
            s, admin, config.TIER_RULES_KEY,
            [{"name": "C类个人客户", "levels": ["C"], "kinds": ["person"], "owner_level": "area",
              "owner_role": "area_manager", "owner_login": "", "period": "month"}],
        )  # fmt: skip
    run(db, date(2026, 11, 10))
    (task,) = tasks(db, cid)
    assert task.episode_key == f"tier:{cid}:2026-11"
    assert task.assignee_id == org.users["manager"].id
    assert task.due_date <= "2026-11-30"


def test_a_named_owner_takes_the_rule(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        cid = customer(s, org.station, org.users["staff"], level="VIP").id
        admin = s.get_one(User, org.users["admin"].id)
        rules = config.tier_rules(s)
        put_setting(s, admin, config.TIER_RULES_KEY,
                    [{**rules[0].as_setting(), "owner_login": "manager"}])  # fmt: skip
    run(db, date(2026, 11, 10))
    assert [t.assignee_id for t in tasks(db, cid)] == [org.users["manager"].id]


# -- volume drops ---------------------------------------------------------------------
def monthly(c: Customer, s: Session, litres_by_month: dict[tuple[int, int], float]) -> None:
    for (year, month), litres in litres_by_month.items():
        days = [date(year, month, d) for d in (3, 13, 23)]
        visits(s, c, days, litres / 3)


def test_volume_drop_against_the_three_months_before(db: Database, org: Org) -> None:
    staff = org.users["staff"]
    with db.sessions.begin() as s:
        dropped = customer(s, org.station, staff, name="降量客户")
        steady = customer(s, org.station, staff, name="稳定客户")
        monthly(dropped, s, {(2026, 7): 300, (2026, 8): 300, (2026, 9): 300, (2026, 10): 150})
        monthly(steady, s, {(2026, 7): 300, (2026, 8): 300, (2026, 9): 300, (2026, 10): 200})
        ids = dropped.id, steady.id
    result = run(db, date(2026, 11, 5))
    assert result.created["volume_drop"] == 1
    (task,) = tasks(db, ids[0], "volume_drop")
    assert task.episode_key == f"volume:{ids[0]}:2026-10"
    assert "150" in (task.purpose or "") and "300" in (task.purpose or "")
    assert tasks(db, ids[1], "volume_drop") == []  # down 33%: under the 40% share
    assert run(db, date(2026, 11, 20)).created["volume_drop"] == 0  # once per month


def test_volume_drop_share_is_a_setting(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        c = customer(s, org.station, org.users["staff"])
        monthly(c, s, {(2026, 7): 300, (2026, 8): 300, (2026, 9): 300, (2026, 10): 200})
        cid = c.id
        put_setting(s, s.get_one(User, org.users["admin"].id), "callbacks.volume.drop_share", 0.3)
    assert run(db, date(2026, 11, 5)).created["volume_drop"] == 1
    assert len(tasks(db, cid, "volume_drop")) == 1


# -- exit surveys ---------------------------------------------------------------------
def test_exit_survey_once_for_a_customer_who_became_lost(db: Database, org: Org) -> None:
    staff = org.users["staff"]
    with db.sessions.begin() as s:
        recent = customer(s, org.station, staff, status="lost")
        visits(s, recent, [date(2026, 3, 1), date(2026, 3, 20), date(2026, 4, 2)])
        long_ago = customer(s, org.station, staff, status="lost")
        visits(s, long_ago, [date(2024, 3, 1)])
        ids = recent.id, long_ago.id
    result = run(db, date(2026, 11, 10))
    assert result.created["exit_survey"] == 1
    (task,) = tasks(db, ids[0], "exit_survey")
    assert task.episode_key == f"exit:{ids[0]}"
    assert task.due_date == "2026-11-17"  # a week to reach them
    assert task.assignee_id == staff.id
    assert tasks(db, ids[1]) == []
    assert run(db, date(2026, 12, 10)).created["exit_survey"] == 0


def test_exit_reasons_are_offered_from_the_settings(db: Database, org: Org) -> None:
    from desktop_crm.services.callbacks.options import exit_reason_options

    with db.sessions.begin() as s:
        codes = [code for code, _label in exit_reason_options(s)]
        assert codes[:4] == ["competitor", "moved", "price", "service"]
        admin = s.get_one(User, org.users["admin"].id)
        config.save_settings(
            s, admin, {"callbacks.exit_reasons": [["competitor", "Switched to another fuel company"],
                                                   ["ev", "换了电动车"]]},
        )  # fmt: skip
        assert exit_reason_options(s)[-1] == ("ev", "换了电动车")


# -- idempotence and settings -----------------------------------------------------------
def test_running_twice_creates_nothing_new(db: Database, org: Org, regular: str) -> None:
    with db.sessions.begin() as s:
        customer(s, org.station, org.users["staff"], level="VIP")
        customer(s, org.station2, org.users["staff2"], level="B")
        lost = customer(s, org.station2, org.users["staff2"], status="lost")
        visits(s, lost, [date(2026, 5, 1)])
    first = run(db, date(2026, 6, 12))
    assert first.total_created == 4
    second = run(db, date(2026, 6, 12))
    assert second.total_created == 0 and second.closed == 0
    with db.session() as s:
        assert len(s.scalars(select(CallbackTask)).all()) == 4


def test_grace_days_are_a_setting(db: Database, org: Org, regular: str) -> None:
    with db.sessions.begin() as s:
        put_setting(s, s.get_one(User, org.users["admin"].id), "callbacks.absence.grace_days", 5)
    assert run(db, date(2026, 6, 13)).created["absence"] == 0  # 5th day past: not yet
    assert run(db, date(2026, 6, 14)).created["absence"] == 1


def test_a_new_minimum_of_visits_recomputes_the_intervals(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        c = customer(s, org.station, org.users["staff"])
        visits(s, c, [date(2026, 5, 1), date(2026, 5, 8), date(2026, 5, 15)])
        cid = c.id
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        assert config.save_settings(s, admin, {config.MIN_VISITS_KEY: 4}) == 1
        assert s.get_one(Customer, cid).usual_interval_days is None
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        assert config.save_settings(s, admin, {config.MIN_VISITS_KEY: 3}) == 1
        assert s.get_one(Customer, cid).usual_interval_days == 7.0


def test_settings_are_checked_before_they_are_saved(db: Database, org: Org) -> None:
    from desktop_crm.errors import PermissionDenied, ValidationError

    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        with pytest.raises(ValidationError):
            config.save_settings(s, admin, {"callbacks.volume.drop_share": 1.5})
        with pytest.raises(ValidationError):
            config.save_settings(s, admin, {config.TIER_RULES_KEY: [{"name": "x", "levels": []}]})
        with pytest.raises(ValidationError):
            config.save_settings(s, admin, {config.TEXTS_KEY: {"tier": "回访 {unknown}"}})
        with pytest.raises(PermissionDenied):
            config.save_settings(
                s, s.get_one(User, org.users["master"].id), {"callbacks.max_attempts": 5}
            )


def test_visits_added_after_a_run_are_seen_by_the_next(db: Database, org: Org) -> None:
    """The visit scan is kept between runs of one process only while no visit was added."""
    with db.sessions.begin() as s:
        cid = customer(s, org.station, org.users["staff"]).id
    assert run(db, date(2026, 5, 22)).refreshed == 0
    with db.sessions.begin() as s:
        c = s.get_one(Customer, cid)
        visits(s, c, [date(2026, 5, 1), date(2026, 5, 11), date(2026, 5, 20)], stats=False)
    assert run(db, date(2026, 5, 23)).refreshed == 1
    with db.session() as s:
        assert s.get_one(Customer, cid).last_visit_at == at(date(2026, 5, 20))


def test_imported_visits_close_the_absence(db: Database, org: Org, tmp_path: Path) -> None:
    """The card system's export comes in; the customer who came back is no longer absent."""
    from desktop_crm.services.importing.visits import import_visits

    with db.sessions.begin() as s:
        c = customer(s, org.station, org.users["staff"], phone="13912345678")
        visits(s, c, weekly(date(2026, 6, 1)))
        cid = c.id
    run(db, date(2026, 6, 12))
    assert [t.status for t in tasks(db, cid)] == ["open"]
    export = tmp_path / "visits.csv"
    export.write_text("手机,交易时间,油品,升数,实付金额\n13912345678,2026-06-12 18:30,92#,40,300\n",
                      encoding="utf-8")  # fmt: skip
    with db.sessions.begin() as s:
        result = import_visits(s, export, s.get_one(User, org.users["staff"].id))
        assert result.imported == 1
    assert run(db, date(2026, 6, 13)).closed_returned == 1
    (task,) = tasks(db, cid)
    assert task.status == "cancelled" and "2026-06-12" in (task.note or "")


def test_the_demo_tasks_agree_with_the_rules(tmp_path: Path) -> None:
    """A first run on the demo data calls nobody the demo already has an open task for."""
    from sqlalchemy import func

    from desktop_crm.models.db import open_database
    from desktop_crm.services.demo import generate

    today = date(2026, 11, 23)
    generate(tmp_path / "demo.db", customers=4000, seed=3, today=today)
    db = open_database(tmp_path / "demo.db")
    try:
        with db.session() as s:
            keyed = s.scalar(
                select(func.count()).where(CallbackTask.reason.in_(["tier", "exit_survey"]),
                                           CallbackTask.episode_key.is_not(None))
            )  # fmt: skip
            assert keyed  # the demo's routine calls and surveys carry the rules' keys
        first = run(db, today)
        assert first.total_created > 0
        with db.session() as s:
            doubled = s.execute(
                select(CallbackTask.customer_id, CallbackTask.reason)
                .where(CallbackTask.status.in_(["open", "booked"]),
                       CallbackTask.reason != "campaign")
                .group_by(CallbackTask.customer_id, CallbackTask.reason)
                .having(func.count() > 1)
            ).all()  # fmt: skip
        assert doubled == []
        assert run(db, today).total_created == 0
    finally:
        db.close()
