"""The callback tab (回访) through real widgets, in the Chinese UI: the queue in order of
urgency, the briefing, recording (reached, not reached), booking, rescheduling,
turning a callback into a complaint, the team view, and 日清日结 at the end of the day
and on closing the main window.

The tab runs with a fixed clock (2026-06-15 10:00 local) and without the rules runner,
so the queue holds exactly the tasks each test makes. Texts are compared with the
catalogue's translation of their English source.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QThreadPool, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_crm.app import show_main_window
from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_datetime
from desktop_crm.models import CallbackAttempt, CallbackTask, Complaint, OrgUnit, User
from desktop_crm.models.callbacks import TaskReason
from desktop_crm.models.db import Database
from desktop_crm.views.callbacks.day_close import DayCloseDialog, DayCloseGuard
from desktop_crm.views.callbacks.record_dialog import RecordDialog
from desktop_crm.views.callbacks.schedule_dialogs import BookDialog, RescheduleDialog
from desktop_crm.views.callbacks.tab import CallbackTab
from desktop_crm.views.callbacks.table_model import COLUMNS, OVERDUE_COLOUR
from desktop_crm.views.customers.detail_view import CustomerDetailView
from tests.callback_data import NOW, TODAY, add_customer, add_task, add_visit, local_ms
from tests.conftest import Org
from tests.gui_helpers import chinese_ui, choose, click, click_row, wait_window, windows

DAY = timedelta(days=1)
COLUMN = {key: n for n, (key, _label) in enumerate(COLUMNS)}


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


@pytest.fixture(autouse=True)
def settle(qapp: QApplication) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(10_000)  # nothing still running on the store
    QCoreApplication.processEvents()


@dataclass
class Queue:
    """The tasks of the staff member 李娜 (station GS0101)."""

    overdue: str  # task ids
    vip_today: str
    absence_today: str
    upcoming: str
    staff2: str  # another station's


@pytest.fixture
def tasks(db: Database, org: Org) -> Queue:
    with db.sessions.begin() as s:
        staff = s.get_one(User, org.users["staff"].id)
        st = org.station
        overdue = add_task(s, add_customer(s, st, "逾期客户", "C"), "tier", TODAY - 2 * DAY, staff)
        vip = add_customer(
            s, st, "王贵宾", "VIP", staff, needs="想要月结发票", preferred_channel="wechat"
        )
        earlier = add_task(s, vip, TaskReason.CAMPAIGN, TODAY - 40 * DAY, staff, status="done")
        earlier.suggestions, earlier.recorded_at = "油价调整请提前短信通知", NOW - 40 * 86_400_000
        add_visit(s, vip, NOW - 3 * 86_400_000, litres=52.5)
        s.add(
            Complaint(
                number="GS0101-20260520-001",
                customer_id=vip.id,
                source="电话",
                category="服务态度",
                business_line="零售",
                severity="一般",
                level="station",
                status="archived",
                received_at=NOW - 26 * 86_400_000,
                description="夜班加油员态度冷淡",
                org_unit_id=st.id,
            )
        )
        vip_today = add_task(s, vip, TaskReason.TIER, TODAY, staff, purpose="季度例行回访")
        absence = add_task(
            s, add_customer(s, st, "缺席客户", "C"), TaskReason.ABSENCE, TODAY, staff
        )
        upcoming = add_task(s, add_customer(s, st, "下周客户", "B"), "tier", TODAY + 7 * DAY, staff)
        other = add_task(
            s,
            add_customer(s, org.station2, "西湖客户", "B"),
            "tier",
            TODAY,
            s.get_one(User, org.users["staff2"].id),
        )
        return Queue(overdue.id, vip_today.id, absence.id, upcoming.id, other.id)


def open_tab(qtbot: QtBot, db: Database, org: Org, login: str = "staff") -> CallbackTab:
    tab = CallbackTab(db, org.users[login], unit(org, login), clock=lambda: NOW, run_rules=False)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    qtbot.waitExposed(tab)
    loaded(qtbot, tab)
    return tab


def unit(org: Org, login: str) -> OrgUnit:
    by_unit = {u.id: u for u in (org.company, org.area, org.station, org.area2, org.station2)}
    return by_unit[org.users[login].org_unit_id]


def loaded(qtbot: QtBot, tab: CallbackTab) -> None:
    panel = tab.queue
    qtbot.waitUntil(lambda: panel.model.complete and bool(panel.counts), timeout=5000)
    qtbot.waitUntil(lambda: not panel.status.text().startswith(tr("QueuePanel", "Loading…")))


def customers(tab: CallbackTab) -> list[str]:
    return [r.customer for r in tab.queue.model.rows]


def cell(tab: CallbackTab, row: int, key: str) -> str:
    model = tab.queue.model
    return model.data(model.index(row, COLUMN[key]))


def select_task(qtbot: QtBot, tab: CallbackTab, task_id: str) -> None:
    panel = tab.queue
    row = panel.model.row_of(task_id)
    assert row >= 0, task_id
    click_row(qtbot, panel.table, row)
    qtbot.waitUntil(
        lambda: panel.briefing.briefing is not None and panel.briefing.briefing.task.id == task_id
    )


def button(tab: CallbackTab, name: str) -> QPushButton:
    found = tab.findChild(QPushButton, name)
    assert found is not None, name
    return found


def write(qtbot: QtBot, box: QPlainTextEdit, text: str) -> None:
    """Type into a multi-line box the way a pinyin input method commits Chinese."""
    box.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(box, event)
    assert box.toPlainText() == text


def task_row(db: Database, task_id: str) -> CallbackTask:
    with db.session() as s:
        return s.get_one(CallbackTask, task_id)


def attempts(db: Database, task_id: str) -> list[str]:
    with db.session() as s:
        return list(
            s.scalars(
                select(CallbackAttempt.outcome)
                .where(CallbackAttempt.task_id == task_id)
                .order_by(CallbackAttempt.at)
            )
        )


# -- the queue --------------------------------------------------------------------------------
def test_my_tasks_by_urgency_with_overdue_in_colour(
    qtbot: QtBot, db: Database, org: Org, tasks: Queue
) -> None:
    tab = open_tab(qtbot, db, org)
    assert tab.sections.objectName() == "callbackSections"
    assert tab.sections.tabText(0) == tr("CallbackTab", "Queue")
    assert customers(tab) == ["逾期客户", "王贵宾", "缺席客户", "下周客户"]
    assert cell(tab, 0, "reason") == tr("callbacks", "Routine (level)")
    assert cell(tab, 2, "reason") == tr("callbacks", "Anomaly: absent")
    model = tab.queue.model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert cell(tab, 0, "due") == "2026-06-13" and cell(tab, 3, "due") == "2026-06-22"
    group = tab.queue.group
    texts = [group.itemText(i) for i in range(group.count())]
    assert texts == [
        tr("QueuePanel", "{group} ({n})").format(group=tr("callbacks", name), n=n)
        for name, n in (("All", 4), ("Overdue", 1), ("Today", 2), ("Upcoming", 1))
    ]
    assert not tab.queue.scope.isVisible()  # staff see their own tasks only
    assert not button(tab, "newCampaign").isVisible()
    # The group filter.
    choose(group, texts[2])
    loaded(qtbot, tab)
    assert customers(tab) == ["王贵宾", "缺席客户"]


def test_queue_and_briefing_load_while_another_program_writes(
    qtbot: QtBot, db: Database, org: Org, tasks: Queue
) -> None:
    """The rules hold the write lock for seconds on a large store: reading the queue and
    a masked briefing must not wait for it."""
    import sqlite3

    writer = sqlite3.connect(db.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        tab = CallbackTab(db, org.users["staff"], org.station, clock=lambda: NOW, run_rules=False)
        qtbot.addWidget(tab)
        tab.show()
        started = time.perf_counter()
        qtbot.waitUntil(lambda: tab.queue.model.complete and bool(tab.queue.counts), timeout=3000)
        select_task(qtbot, tab, tasks.vip_today)
        assert time.perf_counter() - started < 3  # the busy timeout is 5 s
        assert customers(tab) == ["逾期客户", "王贵宾", "缺席客户", "下周客户"]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_selecting_a_task_shows_what_to_read_before_calling(
    qtbot: QtBot, db: Database, org: Org, tasks: Queue
) -> None:
    tab = open_tab(qtbot, db, org)
    select_task(qtbot, tab, tasks.vip_today)
    text = tab.queue.briefing.text()
    for expected in (
        "王贵宾",
        "季度例行回访",  # the purpose
        "138****5678",  # staff see a masked number
        "想要月结发票",  # the customer's needs
        "油价调整请提前短信通知",  # what they said at the last callback
        "夜班加油员态度冷淡",  # their complaint
        "52.5 L",  # the last visit
        tr("customers", "WeChat"),  # the preferred channel
    ):
        assert expected in text, expected
    for name in ("recordCallback", "bookCallback", "rescheduleCallback", "convertToComplaint"):
        assert button(tab, name).isEnabled(), name


# -- recording --------------------------------------------------------------------------------
def open_record(qtbot: QtBot, tab: CallbackTab, task_id: str) -> RecordDialog:
    select_task(qtbot, tab, task_id)
    click(qtbot, button(tab, "recordCallback"))
    return wait_window(qtbot, RecordDialog)


def save(qtbot: QtBot, dialog: QDialog) -> None:
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))  # type: ignore[attr-defined]


def test_record_a_reached_callback(qtbot: QtBot, db: Database, org: Org, tasks: Queue) -> None:
    tab = open_tab(qtbot, db, org)
    dialog = open_record(qtbot, tab, tasks.vip_today)
    assert dialog.channel.currentText() == tr("customers", "WeChat")  # the customer's choice
    assert not dialog.cause.isVisible()  # only for anomalies
    choose(dialog.channel, tr("customers", "Phone"))
    choose(dialog.satisfaction, tr("RecordDialog", "4 – satisfied"))
    write(qtbot, dialog.needs, "下月起改为月结")
    write(qtbot, dialog.problems, "周末排队太久！")
    write(qtbot, dialog.suggestions, "  多开一个收银台")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    loaded(qtbot, tab)
    assert "王贵宾" not in customers(tab)  # done: off the queue
    task = task_row(db, tasks.vip_today)
    assert (task.status, task.channel, task.satisfaction) == ("done", "phone", 4)
    assert task.problems == "周末排队太久！" and task.suggestions == "  多开一个收银台"
    assert attempts(db, tasks.vip_today) == ["record"]


def test_not_reached_goes_to_another_day(
    qtbot: QtBot, db: Database, org: Org, tasks: Queue
) -> None:
    tab = open_tab(qtbot, db, org)
    dialog = open_record(qtbot, tab, tasks.overdue)
    click(qtbot, dialog.findChild(QRadioButton, "notReached"))
    assert not dialog.satisfaction.isVisible() and dialog.next_try.isVisible()
    assert dialog.next_try.date() == QDate(2026, 6, 16)  # tomorrow by default
    assert dialog.tries_note.text() == tr(
        "RecordDialog", "{n} more tries before the callback is marked unreachable."
    ).format(n=2)
    dialog.next_try.setDate(QDate(2026, 6, 18))
    write(qtbot, dialog.note, "无人接听")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    loaded(qtbot, tab)
    row = tab.queue.model.row_of(tasks.overdue)
    assert cell(tab, row, "due") == "2026-06-18" and cell(tab, row, "attempts") == "1"
    assert tab.queue.selected_task() is not None
    assert tab.queue.selected_task().id == tasks.overdue  # type: ignore[union-attr]
    assert attempts(db, tasks.overdue) == ["not_reached"]
    # The customer's file shows the try in its timeline.
    detail = CustomerDetailView(db, org.users["staff"])
    qtbot.addWidget(detail)
    detail.show_customer(task_row(db, tasks.overdue).customer_id)
    qtbot.waitUntil(lambda: detail.detail is not None)
    expected = tr("callbacks", "Customer not reached ({channel}) by {by}, next try {day}").format(
        channel=tr("customers", "Phone"), by="李娜", day="2026-06-18"
    )
    assert f"{expected}: 无人接听" in detail.browser.toPlainText()


def test_anomaly_asks_for_the_cause(qtbot: QtBot, db: Database, org: Org, tasks: Queue) -> None:
    tab = open_tab(qtbot, db, org)
    dialog = open_record(qtbot, tab, tasks.absence_today)
    assert dialog.cause.isVisible() and dialog.measure.isVisible()
    save(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.isVisible()
    assert dialog.error.text() == tr(
        "errors",
        "This is an anomaly callback: write down the cause the customer gave "
        "(or that they gave none).",
    )
    write(qtbot, dialog.cause, "换了工作单位，路线变了")
    write(qtbot, dialog.measure, "推荐新路线上的本公司站点")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    task = task_row(db, tasks.absence_today)
    assert task.status == "done" and task.cause == "换了工作单位，路线变了"


# -- booking and rescheduling -----------------------------------------------------------------
def test_book_a_time(qtbot: QtBot, db: Database, org: Org, tasks: Queue) -> None:
    tab = open_tab(qtbot, db, org)
    row = tab.queue.model.row_of(tasks.upcoming)  # due in a week: time to agree a time
    assert cell(tab, row, "status") == tr("TaskTableModel", "{status}, to book").format(
        status=tr("callbacks", "Open")
    )
    select_task(qtbot, tab, tasks.upcoming)
    click(qtbot, button(tab, "bookCallback"))
    dialog = wait_window(qtbot, BookDialog)
    assert dialog.when.dateTime() == QDateTime(QDate(2026, 6, 22), QTime(10, 0))
    dialog.when.setDateTime(QDateTime(QDate(2026, 6, 19), QTime(14, 30)))
    dialog.note.setText("客户周五下午方便")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    loaded(qtbot, tab)
    row = tab.queue.model.row_of(tasks.upcoming)
    assert cell(tab, row, "due") == "2026-06-19 14:30"
    assert cell(tab, row, "status") == tr("callbacks", "Booked")
    task = task_row(db, tasks.upcoming)
    assert task.status == "booked" and task.due_date == "2026-06-19"
    assert task.appointment_at == local_ms(date(2026, 6, 19), 14, 30)
    assert attempts(db, tasks.upcoming) == ["booked"]


def test_reschedule(qtbot: QtBot, db: Database, org: Org, tasks: Queue) -> None:
    tab = open_tab(qtbot, db, org)
    select_task(qtbot, tab, tasks.overdue)
    click(qtbot, button(tab, "rescheduleCallback"))
    dialog = wait_window(qtbot, RescheduleDialog)
    assert dialog.day.minimumDate() == QDate(2026, 6, 15)  # not into the past
    dialog.day.setDate(QDate(2026, 6, 25))
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    loaded(qtbot, tab)
    assert customers(tab)[-1] == "逾期客户"  # now the last of the upcoming ones
    assert cell(tab, len(customers(tab)) - 1, "due") == "2026-06-25"
    assert task_row(db, tasks.overdue).due_date == "2026-06-25"


# -- 转为投诉 ---------------------------------------------------------------------------------
def test_record_then_turn_into_a_complaint(
    qtbot: QtBot, db: Database, org: Org, tasks: Queue
) -> None:
    from desktop_crm.views.complaints.intake_dialog import ComplaintIntakeDialog

    tab = open_tab(qtbot, db, org)
    dialog = open_record(qtbot, tab, tasks.vip_today)
    choose(dialog.satisfaction, tr("RecordDialog", "1 – very dissatisfied"))
    write(qtbot, dialog.problems, "上周加油少了五升，要求退款")
    click(qtbot, dialog.to_complaint)
    save(qtbot, dialog)
    intake = wait_window(qtbot, ComplaintIntakeDialog)
    assert intake.description.toPlainText() == "上周加油少了五升，要求退款"
    assert intake.source_task_id == tasks.vip_today
    qtbot.waitUntil(lambda: intake.customer_id is not None)
    choose(intake.category, tr("complaints", "Metering/quantity"))
    click(qtbot, intake.buttons.button(intake.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not intake.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: task_row(db, tasks.vip_today).complaint_id is not None)
    with db.session() as s:
        complaint = s.get_one(Complaint, task_row(db, tasks.vip_today).complaint_id)
        assert complaint.description == "上周加油少了五升，要求退款"
        assert complaint.customer_id == task_row(db, tasks.vip_today).customer_id


def test_convert_button_on_a_selected_task(
    qtbot: QtBot, db: Database, org: Org, tasks: Queue
) -> None:
    from desktop_crm.views.complaints.intake_dialog import ComplaintIntakeDialog

    tab = open_tab(qtbot, db, org)
    select_task(qtbot, tab, tasks.absence_today)
    click(qtbot, button(tab, "convertToComplaint"))
    intake = wait_window(qtbot, ComplaintIntakeDialog)
    assert intake.source_task_id == tasks.absence_today
    click(qtbot, intake.buttons.button(intake.buttons.StandardButton.Cancel))
    qtbot.waitUntil(lambda: not intake.isVisible())
    assert task_row(db, tasks.absence_today).complaint_id is None


# -- the team ---------------------------------------------------------------------------------
def test_station_master_sees_the_team(qtbot: QtBot, db: Database, org: Org, tasks: Queue) -> None:
    tab = open_tab(qtbot, db, org, "master")
    panel = tab.queue
    assert panel.scope.isVisible() and customers(tab) == []  # nothing assigned to the master
    choose(panel.scope, tr("QueuePanel", "My team"))
    loaded(qtbot, tab)
    assert customers(tab) == ["逾期客户", "王贵宾", "缺席客户", "下周客户"]  # not 西湖客户
    assert cell(tab, 0, "assignee") == "李娜"
    qtbot.waitUntil(lambda: panel.assignee.count() > 1)
    choose(panel.assignee, "张伟")
    loaded(qtbot, tab)
    assert customers(tab) == []
    choose(panel.assignee, "李娜")
    loaded(qtbot, tab)
    select_task(qtbot, tab, tasks.overdue)
    assert button(tab, "recordCallback").isEnabled()  # a master records for the station
    assert "13812345678" in panel.briefing.text()  # masters see full numbers
    # Managers start campaigns (油价调整, 天气变化, ...) from the queue.
    from desktop_crm.views.callbacks.campaign_dialog import CampaignDialog

    click(qtbot, button(tab, "newCampaign"))
    campaign = wait_window(qtbot, CampaignDialog)
    campaign.reject()


def test_the_tab_runs_the_rules_and_shows_what_they_made(
    qtbot: QtBot, db: Database, org: Org
) -> None:
    with db.sessions.begin() as s:
        staff = s.get_one(User, org.users["staff"].id)
        add_customer(s, org.station, "新B类", "B", staff)  # due a routine callback
    tab = CallbackTab(db, org.users["staff"], org.station)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: "新B类" in customers(tab), timeout=10_000)
    assert tab.queue.rules_status.text() == tr(
        "QueuePanel", "Callback rules: {n} new callbacks"
    ).format(n=1)
    assert cell(tab, 0, "reason") == tr("callbacks", "Routine (level)")


# -- 日清日结 ---------------------------------------------------------------------------------
def test_closing_the_main_window_lists_todays_unrecorded_callbacks(
    qtbot: QtBot, db: Database, org: Org
) -> None:
    today = local_datetime(now_ms()).date()
    with db.sessions.begin() as s:
        staff = s.get_one(User, org.users["staff"].id)
        for name in ("今天甲", "今天乙"):
            add_task(s, add_customer(s, org.station, name), "tier", today, staff)
        add_task(s, add_customer(s, org.station, "明天丙"), "tier", today + DAY, staff)
    window = show_main_window(db, org.users["staff"])
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert tr("DayCloseGuard", "Unrecorded callbacks today…") in [
        a.text() for a in file_menu.actions()
    ]
    window.close()
    dialog = wait_window(qtbot, DayCloseDialog)
    assert window.isVisible()
    items = sorted(dialog.list.item(i).text().split(" · ")[0] for i in range(dialog.list.count()))
    assert items == ["今天乙", "今天甲"]
    click(qtbot, dialog.back_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    tab = window.callbacks
    assert window.tabs.currentWidget() is tab and window.isVisible()
    assert tab.queue.group.currentData() == "today"
    loaded(qtbot, tab)
    assert sorted(customers(tab)) == ["今天乙", "今天甲"]
    window.close()
    dialog = wait_window(qtbot, DayCloseDialog)
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_closing_with_everything_recorded_just_closes(qtbot: QtBot, db: Database, org: Org) -> None:
    window = show_main_window(db, org.users["staff"])
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert windows(DayCloseDialog) == []


def test_reminder_when_the_working_day_ends(
    qtbot: QtBot, db: Database, org: Org, tasks: Queue
) -> None:
    clock = [local_ms(TODAY, 17, 0)]
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    guard = DayCloseGuard(host, db, org.users["staff"], clock=lambda: clock[0], interval_ms=20)
    for _check in range(3):  # before 17:30: nothing to say yet
        with qtbot.waitSignal(guard.checked) as blocker:
            pass
        assert blocker.args == [False]
    assert windows(DayCloseDialog) == []
    clock[0] = local_ms(TODAY, 17, 31)
    dialog = wait_window(qtbot, DayCloseDialog)
    assert sorted(dialog.list.item(i).text().split(" · ")[0] for i in range(2)) == [
        "王贵宾",
        "缺席客户",
    ]
    assert dialog.close_button.text() == tr("DayCloseDialog", "Later")
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    for _check in range(3):
        with qtbot.waitSignal(guard.checked) as blocker:
            pass
        assert blocker.args == [True]
    assert windows(DayCloseDialog) == []  # once a day
    # The menu's check answers whenever asked.
    guard.action.trigger()
    dialog = wait_window(qtbot, DayCloseDialog)
    assert dialog.list.count() == 2
    guard.timer.stop()
    dialog.close()


def test_administrator_sets_the_end_of_the_working_day(
    qtbot: QtBot, db: Database, org: Org
) -> None:
    from desktop_crm.services.callbacks.day_close import day_close_time
    from desktop_crm.views.callbacks.day_close_page import DayClosePage
    from desktop_crm.views.settings.dialog import SettingsDialog

    master = SettingsDialog(db, org.users["master"])
    qtbot.addWidget(master)
    assert not any(isinstance(page, DayClosePage) for page in master.pages)
    dialog = SettingsDialog(db, org.users["admin"])
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.show_page(DayClosePage)
    assert isinstance(page, DayClosePage)
    assert page.windowTitle() == tr("DayClosePage", "End of day (日清日结)")
    assert page.time.time() == QTime(17, 30)
    page.time.setTime(QTime(18, 0))
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.message.text() == tr("DayClosePage", "Saved."))
    with db.session() as s:
        assert day_close_time(s).strftime("%H:%M") == "18:00"
