"""The callback queue (回访队列): urgency order, groups and counts, team scope, paging."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from desktop_crm.errors import PermissionDenied
from desktop_crm.models import Role, User
from desktop_crm.models.callbacks import TaskReason, TaskStatus
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.queue import (
    Group,
    QueueFilter,
    TaskRow,
    due_today_unrecorded,
    group_counts,
    my_tasks,
    team_members,
    team_tasks,
)
from desktop_crm.services.callbacks.recording import book
from desktop_crm.services.users import create_user
from tests.callback_data import TODAY, add_customer, add_task, local_ms
from tests.conftest import PASSWORD, Org

DAY = timedelta(days=1)


def user(s: Session, org: Org, login: str) -> User:
    return s.get_one(User, org.users[login].id)


def customers_of(rows: list[TaskRow]) -> list[str]:
    return [r.customer for r in rows]


def test_my_tasks_in_order_of_urgency(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        st = org.station

        def task(name: str, level: str, reason: str, due: object) -> None:
            add_task(s, add_customer(s, st, name, level), reason, due, staff)  # type: ignore[arg-type]

        task("升级C常规", "C", TaskReason.TIER, TODAY + 3 * DAY)
        task("明天C常规", "C", TaskReason.TIER, TODAY + DAY)
        task("今天C常规", "C", TaskReason.TIER, TODAY)
        task("今天B常规", "B", TaskReason.TIER, TODAY)
        task("今天C异常", "C", TaskReason.ABSENCE, TODAY)
        task("今天VIP常规", "VIP", TaskReason.TIER, TODAY)
        task("今天A销量", "A", TaskReason.VOLUME_DROP, TODAY)
        task("逾期C常规", "C", TaskReason.TIER, TODAY - 2 * DAY)
        task("逾期B活动", "B", TaskReason.CAMPAIGN, TODAY - DAY)
        task("逾期VIP常规", "VIP", TaskReason.TIER, TODAY - DAY)
        task("后天VIP常规", "VIP", TaskReason.TIER, TODAY + 2 * DAY)
        # Not in the queue: done, cancelled, unreachable, or someone else's.
        for status in (TaskStatus.DONE, TaskStatus.CANCELLED, TaskStatus.UNREACHABLE):
            add_task(
                s, add_customer(s, st, f"已{status}", "VIP"), "tier", TODAY, staff, status=status
            )
        add_task(s, add_customer(s, st, "别人的", "VIP"), "tier", TODAY, user(s, org, "master"))

        rows, cursor = my_tasks(s, staff, TODAY)
    assert cursor.done
    assert customers_of(rows) == [
        # overdue: VIP and A first, then anomalies before routine, then the oldest
        "逾期VIP常规",
        "逾期B活动",
        "逾期C常规",
        # today: VIP and A first (their anomaly before their routine call)
        "今天A销量",
        "今天VIP常规",
        "今天C异常",
        "今天B常规",  # then by level: B before C
        "今天C常规",
        # upcoming: by day first
        "明天C常规",
        "后天VIP常规",
        "升级C常规",
    ]
    assert [r.group for r in rows] == ["overdue"] * 3 + ["today"] * 5 + ["upcoming"] * 3
    assert rows[0].assignee == "李娜" and rows[0].station == "东湖加油站"


def test_groups_filter_and_counts(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        for n, due in enumerate(
            [TODAY - DAY, TODAY - 5 * DAY, TODAY, TODAY + DAY, TODAY + 9 * DAY]
        ):
            add_task(s, add_customer(s, org.station, f"客户{n}"), "tier", due, staff)
        add_task(s, add_customer(s, org.station, "异常"), TaskReason.ABSENCE, TODAY, staff)
        counts = group_counts(s, staff, TODAY)
        overdue, _ = my_tasks(s, staff, TODAY, QueueFilter(group=Group.OVERDUE))
        today, _ = my_tasks(s, staff, TODAY, QueueFilter(group=Group.TODAY))
        upcoming, _ = my_tasks(s, staff, TODAY, QueueFilter(group=Group.UPCOMING))
        anomalies, _ = my_tasks(s, staff, TODAY, QueueFilter(reason=TaskReason.ABSENCE))
        anomaly_counts = group_counts(s, staff, TODAY, flt=QueueFilter(reason=TaskReason.ABSENCE))
    assert counts == {"overdue": 2, "today": 2, "upcoming": 2, "all": 6}
    assert customers_of(overdue) == ["客户1", "客户0"]  # the oldest first
    assert sorted(customers_of(today)) == ["客户2", "异常"]
    assert customers_of(upcoming) == ["客户3", "客户4"]
    assert customers_of(anomalies) == ["异常"]
    assert anomaly_counts == {"overdue": 0, "today": 1, "upcoming": 0, "all": 1}


def test_team_view_covers_the_subtree(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff, master = user(s, org, "staff"), user(s, org, "master")
        manager, admin = user(s, org, "manager"), user(s, org, "admin")
        add_task(s, add_customer(s, org.station, "李娜的"), "tier", TODAY, staff)
        add_task(s, add_customer(s, org.station, "站长的"), "tier", TODAY, master)
        add_task(s, add_customer(s, org.station, "没人的"), "tier", TODAY, None)
        add_task(s, add_customer(s, org.station, "片区的"), "tier", TODAY, manager)
        add_task(s, add_customer(s, org.station2, "西湖的"), "tier", TODAY, user(s, org, "staff2"))

        def team(who: User, flt: QueueFilter | None = None) -> set[str]:
            return set(customers_of(team_tasks(s, who, TODAY, flt)[0]))

        assert team(master) == {"李娜的", "站长的", "没人的", "片区的"}
        assert team(manager) == {"李娜的", "站长的", "没人的", "片区的"}
        assert team(admin) == {"李娜的", "站长的", "没人的", "片区的", "西湖的"}
        assert team(admin, QueueFilter(station_id=org.station2.id)) == {"西湖的"}
        assert team(master, QueueFilter(assignee_id=staff.id)) == {"李娜的"}
        assert group_counts(s, master, TODAY, team=True)["today"] == 4
        members = {u.login for u in team_members(s, manager)}
        assert members == {"staff", "master", "manager"}
        for login in ("staff", "auditor"):
            with pytest.raises(PermissionDenied):
                team_tasks(s, user(s, org, login), TODAY)
        # My tasks never include the team's.
        assert customers_of(my_tasks(s, master, TODAY)[0]) == ["站长的"]


def test_keyset_pages_cover_the_queue_once(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        levels = ["VIP", "A", "B", "C", None]
        reasons = [TaskReason.TIER, TaskReason.ABSENCE, TaskReason.CAMPAIGN, TaskReason.COMPLAINT]
        for n in range(257):
            customer = add_customer(s, org.station, f"客户{n:03d}", levels[n % 5])
            # from 20 days ago to over a year ahead: every window of days is read
            add_task(s, customer, reasons[n % 4], TODAY + ((n * 37) % 400 - 20) * DAY, staff)
        whole, _ = my_tasks(s, staff, TODAY, limit=1000)
        pages, cursor, sizes = [], None, []
        while True:
            rows, cursor = my_tasks(s, staff, TODAY, cursor=cursor, limit=100)
            sizes.append(len(rows))
            pages += rows
            if cursor.done:
                break
    assert sizes == [100, 100, 57]
    assert [r.id for r in pages] == [r.id for r in whole]
    upcoming = [r.due_date for r in whole if r.group == "upcoming"]
    assert upcoming == sorted(upcoming) and upcoming[-1] > (TODAY + 300 * DAY).isoformat()
    assert [r.group for r in whole] == sorted(
        (r.group for r in whole), key=["overdue", "today", "upcoming"].index
    )
    assert len({r.id for r in pages}) == 257
    assert my_tasks(s, staff, TODAY, cursor=cursor)[0] == []


def test_booked_task_is_due_on_its_appointments_day(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        customer = add_customer(s, org.station, "预约客户", "B")
        task = add_task(s, customer, TaskReason.TIER, TODAY + 7 * DAY, staff)
        booked_at = local_ms(TODAY + 3 * DAY, 15, 30)
        book(s, staff, task.id, booked_at, "客户周四下午方便", now=local_ms(TODAY, 9))
        [row], _ = my_tasks(s, staff, TODAY)
        assert row.status == "booked" and row.appointment_at == booked_at
        assert row.due_date == (TODAY + 3 * DAY).isoformat() and row.group == "upcoming"
        # On the day itself the task is due today, and counts as not recorded yet.
        [row], _ = my_tasks(s, staff, TODAY + 3 * DAY, QueueFilter(group=Group.TODAY))
        assert row.id == task.id
        assert [t.id for t in due_today_unrecorded(s, staff, TODAY + 3 * DAY)] == [task.id]


def test_open_tasks_of_the_coming_week_are_to_book(db: Database, org: Org) -> None:
    """预约: the customer is contacted about a week before the call to agree a time."""
    from desktop_crm.services.callbacks import config

    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        soon = add_task(s, add_customer(s, org.station, "下周"), "tier", TODAY + 7 * DAY, staff)
        later = add_task(s, add_customer(s, org.station, "下下周"), "tier", TODAY + 8 * DAY, staff)
        booked = add_task(s, add_customer(s, org.station, "已约"), "tier", TODAY + 5 * DAY, staff)
        book(s, staff, booked.id, local_ms(TODAY + 5 * DAY, 15), "", now=local_ms(TODAY, 9))
        today = add_task(s, add_customer(s, org.station, "今天"), "tier", TODAY, staff)
        rows = {r.id: r.to_book for r in my_tasks(s, staff, TODAY)[0]}
        assert rows == {soon.id: True, later.id: False, booked.id: False, today.id: False}
        config.save_settings(s, user(s, org, "admin"), {"callbacks.book_ahead_days": 10})
        assert {r.id for r in my_tasks(s, staff, TODAY)[0] if r.to_book} == {soon.id, later.id}


def test_due_today_unrecorded_is_the_users_open_tasks_of_the_day(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        other = create_user(
            s, user(s, org, "admin"), "staff3", "王芳", Role.STATION_STAFF, org.station, PASSWORD
        )
        mine = add_task(s, add_customer(s, org.station, "今天"), "tier", TODAY, staff)
        add_task(s, add_customer(s, org.station, "昨天"), "tier", TODAY - DAY, staff)
        add_task(s, add_customer(s, org.station, "明天"), "tier", TODAY + DAY, staff)
        add_task(s, add_customer(s, org.station, "已做"), "tier", TODAY, staff, status="done")
        add_task(s, add_customer(s, org.station, "同事"), "tier", TODAY, other)
        assert [t.id for t in due_today_unrecorded(s, staff, TODAY)] == [mine.id]


def test_plate_only_customer_shows_its_plate(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        customer = add_customer(s, org.station, None, None, plate="冀A·12345")
        add_task(s, customer, TaskReason.ABSENCE, TODAY, staff)
        [row], _ = my_tasks(s, staff, TODAY)
    assert row.customer == "冀A·12345" and row.level is None


def test_end_of_day_time_is_a_company_setting(db: Database, org: Org) -> None:
    from datetime import time

    from desktop_crm.errors import ValidationError
    from desktop_crm.services.callbacks.day_close import day_close_time, set_day_close_time

    with db.sessions.begin() as s:
        assert day_close_time(s) == time(17, 30)
        set_day_close_time(s, user(s, org, "admin"), time(18, 15))
        assert day_close_time(s) == time(18, 15)
        with pytest.raises(ValidationError):
            set_day_close_time(s, user(s, org, "admin"), time(8, 0))
        with pytest.raises(PermissionDenied):
            set_day_close_time(s, user(s, org, "master"), time(17, 0))
