"""Workload (1:15): customers per employee, warnings, and bulk reassignment with history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.errors import PermissionDenied, ValidationError
from desktop_crm.models import AuditEvent, Customer, OwnerChange, Role, TaskStatus, User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks import workload as wl
from desktop_crm.services.settings import put_setting
from desktop_crm.services.users import create_user, set_active
from tests.callback_report_data import (
    Template,
    add_customers,
    add_task,
    build_template,
    copy_of,
    local_ms,
)
from tests.conftest import PASSWORD, Org

TODAY = date(2026, 6, 15)


def actor(session: Session, user: User) -> User:
    return session.get_one(User, user.id)


def _team(db: Database, org: Org) -> dict[str, User]:
    """Station GS0101: 李娜 (staff) 20 maintained + 3 prospects + 4 lost + 1 deleted;
    王芳 (staff) 5; 张伟 (master) 16; 周杰 (left, 7 customers); 3 without a maintainer.
    Station GS0201: 赵磊 (staff2) 30."""
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        fang = create_user(s, admin, "staffb", "王芳", Role.STATION_STAFF, org.station, PASSWORD)
        jie = create_user(s, admin, "staffc", "周杰", Role.STATION_STAFF, org.station, PASSWORD)
        staff, master = actor(s, org.users["staff"]), actor(s, org.users["master"])
        station = org.station.id
        add_customers(s, station, staff, 12, "active", "李活跃", developer=staff)
        add_customers(s, station, staff, 5, "dormant", "李沉睡")
        add_customers(s, station, staff, 3, "new", "李新")
        add_customers(s, station, staff, 3, "prospect", "李潜在")
        add_customers(s, station, staff, 4, "lost", "李流失")
        gone = add_customers(s, station, staff, 1, "active", "李删除")[0]
        gone.deleted = True
        add_customers(s, station, fang, 5, "active", "王")
        add_customers(s, station, master, 16, "active", "张")
        add_customers(s, station, jie, 7, "active", "周")
        add_customers(s, station, None, 3, "active", "无")
        add_customers(s, org.station2.id, actor(s, org.users["staff2"]), 30, "active", "赵")
        set_active(s, admin, jie, False)
        # callbacks done this month (June) and before
        mine = s.scalars(select(Customer).where(Customer.maintainer_id == staff.id)).all()
        for n, day in enumerate((date(2026, 6, 1), date(2026, 6, 10), date(2026, 5, 31))):
            add_task(
                s, mine[n], staff, status=TaskStatus.DONE, recorded_by=staff, reached=True,
                recorded_at=local_ms(day, 10),
            )  # fmt: skip
        add_task(  # not reached: not a callback done
            s, mine[3], staff, status=TaskStatus.UNREACHABLE, recorded_by=staff, reached=False,
            recorded_at=local_ms(date(2026, 6, 11), 10),
        )  # fmt: skip
    return {
        "staff": org.users["staff"],
        "fang": fang,
        "jie": jie,
        "master": org.users["master"],
        "staff2": org.users["staff2"],
        "manager": org.users["manager"],
        "admin": org.users["admin"],
    }


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template[dict[str, User]]:
    return build_template(tmp_path_factory, _team)


@pytest.fixture
def db(template: Template[dict[str, User]], tmp_path: Path) -> Iterator[Database]:
    database = copy_of(template, tmp_path / "crm.db")
    yield database
    database.close()


@pytest.fixture
def org(template: Template[dict[str, User]]) -> Org:
    return template.org


@pytest.fixture
def team(template: Template[dict[str, User]]) -> dict[str, User]:
    return template.extra


def load(db: Database, user: User) -> wl.Workload:
    with db.session() as s:
        return wl.workload(s, actor(s, user), TODAY)


def rows_by_name(work: wl.Workload) -> dict[str, wl.WorkloadRow]:
    return {r.name: r for r in work.rows}


def test_counts_per_employee_of_the_station(db: Database, org: Org, team: dict[str, User]) -> None:
    work = load(db, team["master"])
    rows = rows_by_name(work)
    assert set(rows) == {"李娜", "王芳", "张伟", "周杰"}  # not 赵磊 of the other station
    li = rows["李娜"]
    assert (li.maintained, li.dormant, li.prospects, li.lost) == (20, 5, 3, 4)
    assert li.callbacks_month == 2  # June's reached callbacks, not May's nor the unreached one
    assert rows["王芳"].maintained == 5 and rows["张伟"].maintained == 16
    assert work.unassigned == 3
    assert (work.minimum, work.maximum, work.month) == (15, 200, "2026-06")


def test_warnings_under_the_minimum_over_the_ceiling_and_for_leavers(
    db: Database, team: dict[str, User]
) -> None:
    rows = rows_by_name(load(db, team["master"]))
    assert rows["王芳"].warning == wl.UNDER  # 5 < 15
    assert rows["李娜"].warning is None and rows["张伟"].warning is None
    assert rows["周杰"].warning == wl.LEFT and not rows["周杰"].active
    with db.sessions.begin() as s:
        admin = s.scalar(select(User).where(User.login == "admin"))
        assert admin is not None
        put_setting(s, admin, wl.MAX_KEY, 18)
        put_setting(s, admin, wl.MIN_KEY, 6)
    work = load(db, team["master"])
    rows = rows_by_name(work)
    assert (work.minimum, work.maximum) == (6, 18)
    assert rows["李娜"].warning == wl.OVER  # 20 > 18
    assert rows["张伟"].warning is None  # 16
    assert rows["王芳"].warning == wl.UNDER  # 5 < 6
    assert work.warnings == {wl.OVER: 1, wl.UNDER: 1, wl.LEFT: 1}


def test_scope_of_the_area_and_the_company(db: Database, team: dict[str, User]) -> None:
    area = rows_by_name(load(db, team["manager"]))
    assert {"李娜", "王芳", "张伟", "周杰", "刘洋"} <= set(area) and "赵磊" not in area
    assert area["刘洋"].warning == wl.UNDER  # the area manager maintains nobody yet
    company = rows_by_name(load(db, team["admin"]))
    assert company["赵磊"].maintained == 30
    assert company["王建国"].warning is None  # the 1:15 rule is not for administrators
    assert "陈静" not in company  # auditors maintain nobody
    staff_view = rows_by_name(load(db, team["staff"]))
    assert set(staff_view) == {"李娜", "王芳", "张伟", "周杰"}


def owner_changes(db: Database, old: User) -> list[OwnerChange]:
    with db.session() as s:
        return list(s.scalars(select(OwnerChange).where(OwnerChange.old_user_id == old.id)))


def maintained_by(db: Database, user: User) -> int:
    with db.session() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(Customer)
                .where(Customer.maintainer_id == user.id, Customer.deleted.is_(False))
            )
            or 0
        )


def test_hand_over_all_customers_of_a_leaver_keeps_the_history(
    db: Database, team: dict[str, User]
) -> None:
    with db.writer.begin() as s:
        master = actor(s, team["master"])
        ids = wl.all_ids(s, master, team["jie"].id)
        assert len(ids) == 7
        result = wl.bulk_reassign(
            s, master, team["jie"].id, ids, [team["fang"].id, team["staff"].id], "离职交接"
        )
    # balanced: 王芳 had 5, 李娜 20 -> all seven go to 王芳
    assert result.moved == 7 and result.by_receiver == {team["fang"].id: 7, team["staff"].id: 0}
    assert maintained_by(db, team["jie"]) == 0 and maintained_by(db, team["fang"]) == 12
    history = owner_changes(db, team["jie"])
    assert len(history) == 7
    assert {(h.role, h.new_user_id, h.reason, h.changed_by_id) for h in history} == {
        ("maintainer", team["fang"].id, "离职交接", team["master"].id)
    }
    with db.session() as s:
        audited = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.detail.contains("离职交接"))
        )
    assert audited == 7
    rows = rows_by_name(load(db, team["master"]))
    assert "周杰" not in rows  # left with nothing to look after


def test_hand_over_the_surplus_above_the_ceiling(db: Database, team: dict[str, User]) -> None:
    with db.sessions.begin() as s:
        put_setting(s, actor(s, team["admin"]), wl.MAX_KEY, 15)
    with db.writer.begin() as s:
        master = actor(s, team["master"])
        surplus = wl.surplus_ids(s, master, team["staff"].id)
        assert len(surplus) == 5  # 20 maintained, ceiling 15
        developed = set(
            s.scalars(select(Customer.id).where(Customer.developer_id == team["staff"].id))
        )
        assert not developed & set(surplus)  # whoever developed a customer keeps it
        result = wl.bulk_reassign(s, master, team["staff"].id, surplus, [team["fang"].id], "分流")
    assert result.moved == 5
    rows = rows_by_name(load(db, team["master"]))
    assert rows["李娜"].maintained == 15 and rows["李娜"].warning is None
    assert rows["王芳"].maintained == 10
    with db.session() as s:
        assert wl.surplus_ids(s, actor(s, team["master"]), team["staff"].id) == []


def test_hand_over_a_selection_to_several_colleagues(db: Database, team: dict[str, User]) -> None:
    with db.writer.begin() as s:
        master = actor(s, team["master"])
        picks = wl.customers_of(s, master, team["staff"].id)
        assert len(picks) == 27  # 20 maintained, then prospects and lost ones; not the deleted
        assert {p.status for p in picks[:20]} <= {"new", "active", "dormant"}
        chosen = [p.id for p in picks[:10]]
        other_station = s.scalar(
            select(Customer.id).where(Customer.maintainer_id == team["staff2"].id)
        )
        result = wl.bulk_reassign(
            s,
            master,
            team["staff"].id,
            [*chosen, chosen[0], other_station],  # a duplicate and one not 李娜's
            [team["fang"].id, team["master"].id],
            "均衡工作量",
        )
    # 王芳 5, 张伟 16: 王芳 gets customers until she has as many as 张伟, then turns
    assert result.moved == 10 and result.skipped == 1
    assert result.by_receiver == {team["fang"].id: 10, team["master"].id: 0}
    assert len(owner_changes(db, team["staff"])) == 10


@pytest.mark.parametrize(
    ("who", "giver", "receivers", "reason", "error"),
    [
        ("staff", "fang", ["staff"], "x", PermissionDenied),  # staff may not hand over
        ("master", "staff2", ["staff"], "x", PermissionDenied),  # giver of another station
        ("master", "staff", ["staff2"], "x", ValidationError),  # receiver of another station
        ("master", "staff", ["jie"], "x", ValidationError),  # receiver has left
        ("master", "staff", ["staff"], "x", ValidationError),  # to oneself
        ("master", "staff", [], "x", ValidationError),  # nobody
        ("master", "staff", ["fang"], "  ", ValidationError),  # no reason
        ("manager", "staff", ["manager"], "x", ValidationError),  # the area is not the station
    ],
)
def test_refused_hand_overs_change_nothing(
    db: Database,
    team: dict[str, User],
    who: str,
    giver: str,
    receivers: list[str],
    reason: str,
    error: type[Exception],
) -> None:
    before = maintained_by(db, team[giver])
    with pytest.raises(error), db.writer.begin() as s:
        ids = list(s.scalars(select(Customer.id).where(Customer.maintainer_id == team[giver].id)))
        wl.bulk_reassign(
            s, actor(s, team[who]), team[giver].id, ids, [team[r].id for r in receivers], reason
        )
    assert maintained_by(db, team[giver]) == before
    assert owner_changes(db, team[giver]) == []


def test_an_area_manager_balances_a_station(db: Database, team: dict[str, User]) -> None:
    with db.writer.begin() as s:
        manager = actor(s, team["manager"])
        ids = wl.all_ids(s, manager, team["master"].id)
        result = wl.bulk_reassign(s, manager, team["master"].id, ids[:6], [team["fang"].id], "调整")
    assert result.moved == 6


def test_progress_is_reported_per_chunk(db: Database, team: dict[str, User]) -> None:
    seen: list[tuple[int, int]] = []
    with db.writer.begin() as s:
        master = actor(s, team["master"])
        ids = wl.all_ids(s, master, team["staff"].id)
        wl.bulk_reassign(
            s, master, team["staff"].id, ids, [team["fang"].id], "调整",
            progress=lambda done, total, _label: seen.append((done, total)),
        )  # fmt: skip
    assert seen and seen[-1] == (27, 27)
