"""The weekly callback report and the workload view through the real widgets, in the
Chinese UI: the author submits, the station master writes guidance and passes the
report on, the area acknowledges it; a station master hands customers over in bulk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_crm.models import (
    CallbackReport,
    Customer,
    OrgUnit,
    OwnerChange,
    ReportStatus,
    Role,
    TaskStatus,
    User,
)
from desktop_crm.models.db import Database
from desktop_crm.services.users import create_user, set_active
from desktop_crm.views.callbacks.reassign_dialog import BulkReassignDialog
from desktop_crm.views.callbacks.weekly_reports import WeeklyReportPanel
from desktop_crm.views.callbacks.workload import WorkloadPanel
from desktop_crm.views.lazy_page import LazyPage
from tests.callback_report_data import (
    TODAY,
    WEEK,
    Template,
    add_attempt,
    add_customers,
    add_task,
    build_template,
    copy_of,
    local_ms,
)
from tests.conftest import PASSWORD, Org
from tests.gui_helpers import button, chinese_ui, choose, click, click_row, type_into, wait_window

PROBLEM = "周末排队时间太长"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def panel_tr(text: str) -> str:
    return tr("WeeklyReportPanel", text)


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


def _colleagues(db: Database, org: Org) -> dict[str, User]:
    """王芳 (staff) and 周杰 (staff who left) besides the conftest users."""
    with db.sessions.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        fang = create_user(s, admin, "staffb", "王芳", Role.STATION_STAFF, org.station, PASSWORD)
        jie = create_user(s, admin, "staffc", "周杰", Role.STATION_STAFF, org.station, PASSWORD)
        set_active(s, admin, jie, False)
    return {**org.users, "fang": fang, "jie": jie}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template[dict[str, User]]:
    return build_template(tmp_path_factory, _colleagues)


@pytest.fixture
def db(template: Template[dict[str, User]], tmp_path: Path) -> Iterator[Database]:
    database = copy_of(template, tmp_path / "crm.db")
    yield database
    database.close()


@pytest.fixture
def org(template: Template[dict[str, User]]) -> Org:
    return template.org


@pytest.fixture
def people(db: Database, template: Template[dict[str, User]]) -> dict[str, User]:
    """李娜 (staff) recorded two callbacks in 2026-W24; 王芳 (staff) wrote no report."""
    org = template.org
    with db.sessions.begin() as s:
        staff = s.get_one(User, org.users["staff"].id)
        customers = add_customers(s, org.station.id, staff, 2, prefix="回访客户")
        add_task(
            s, customers[0], staff, status=TaskStatus.DONE, recorded_by=staff, reached=True,
            recorded_at=local_ms(date(2026, 6, 9), 10), satisfaction=4, problems=PROBLEM,
        )  # fmt: skip
        task = add_task(s, customers[1], staff, reason="absence")
        add_attempt(s, task, staff, local_ms(date(2026, 6, 10), 15), "not_reached")
    return template.extra


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)


def open_panel(qtbot: QtBot, db: Database, user: User) -> WeeklyReportPanel:
    with db.session() as s:
        unit = s.get_one(OrgUnit, user.org_unit_id)
    panel = WeeklyReportPanel(db, user, unit, today=TODAY)
    with qtbot.waitSignal(panel.listed, timeout=5000):
        show(qtbot, panel)
    return panel


def choose_week(qtbot: QtBot, panel: WeeklyReportPanel, week: str) -> None:
    with qtbot.waitSignal(panel.listed, timeout=5000):
        choose(panel.week, week)


def type_plain(qtbot: QtBot, widget: QPlainTextEdit, text: str) -> None:
    """Type into a multi-line editor: Chinese through an input method's commit."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    assert widget.toPlainText() == text


def press(qtbot: QtBot, panel: WeeklyReportPanel, text: str) -> None:
    """Click a workflow button and wait until the report is shown again, moved on."""
    with qtbot.waitSignal(panel.opened, timeout=5000):
        click(qtbot, button(panel, panel_tr(text)))


def press_refused(qtbot: QtBot, panel: WeeklyReportPanel, text: str) -> str:
    """Click a workflow button that the service refuses; the reason shown."""
    with qtbot.waitSignal(panel.refused, timeout=5000) as refused:
        click(qtbot, button(panel, panel_tr(text)))
    return str(refused.args[0])


def open_row(qtbot: QtBot, panel: WeeklyReportPanel, author: str) -> None:
    rows = [n for n, r in enumerate(panel.model.rows) if r.author_name == author]
    assert len(rows) == 1, [r.author_name for r in panel.model.rows]
    with qtbot.waitSignal(panel.opened, timeout=5000):
        click_row(qtbot, panel.table, rows[0], 1)


def report_status(db: Database, author: User) -> str:
    with db.session() as s:
        report = s.scalar(select(CallbackReport).where(CallbackReport.author_id == author.id))
        assert report is not None
        return report.status


def visible_buttons(panel: WeeklyReportPanel) -> set[str]:
    return {action for action, b in panel.buttons.items() if b.isVisible()}


def test_author_submits_master_guides_and_forwards_area_acknowledges(
    qtbot: QtBot, db: Database, people: dict[str, User]
) -> None:
    # -- the author writes and submits the week ------------------------------------------
    staff_panel = open_panel(qtbot, db, people["staff"])
    assert staff_panel.write_button.isVisible()
    assert staff_panel.model.rows == []
    choose_week(qtbot, staff_panel, WEEK)
    assert staff_panel.write_button.text() == panel_tr("My report for {week}").format(week=WEEK)
    assert "2026-W24" in staff_panel.write_button.text() and "我" in staff_panel.write_button.text()
    with qtbot.waitSignal(staff_panel.opened, timeout=5000):
        click(qtbot, staff_panel.write_button)
    text = staff_panel.browser.toPlainText()
    assert PROBLEM in text  # the customer's words, as recorded
    assert "回访客户0" in text and "回访客户1" in text
    assert visible_buttons(staff_panel) == {"edit", "submit"}
    assert not staff_panel.summary.isReadOnly()
    type_plain(qtbot, staff_panel.summary, "本周回访2户,一户未接通,周末排队问题需改进。")
    press(qtbot, staff_panel, "Submit to the station master")
    assert report_status(db, people["staff"]) == ReportStatus.SUBMITTED
    assert visible_buttons(staff_panel) == set()
    assert staff_panel.summary.isReadOnly()
    assert staff_panel.message.text() == panel_tr("Submitted to the station master.")
    qtbot.waitUntil(lambda: staff_panel.model.data(staff_panel.model.index(0, 3)) == "已提交")
    assert len(staff_panel.model.rows) == 1

    # -- the station master reviews and passes it on ------------------------------------
    master_panel = open_panel(qtbot, db, people["master"])
    assert "王芳" in master_panel.missing.text()  # who has not handed in last week
    open_row(qtbot, master_panel, "李娜")
    assert master_panel.summary.toPlainText().startswith("本周回访2户")
    assert master_panel.summary.isReadOnly()  # the author's words
    assert visible_buttons(master_panel) == {"review", "return"}
    refusal = press_refused(qtbot, master_panel, "Save guidance")  # nothing written yet
    assert (
        refusal
        == master_panel.message.text()
        == tr("errors", "Write your guidance (指导意见) for the author first.")
    )
    assert master_panel.message.text() != "Write your guidance (指导意见) for the author first."
    assert report_status(db, people["staff"]) == ReportStatus.SUBMITTED
    type_plain(qtbot, master_panel.guidance, "周末高峰增派人手,下周回访排队客户。")
    press(qtbot, master_panel, "Save guidance")
    assert report_status(db, people["staff"]) == ReportStatus.REVIEWED
    assert visible_buttons(master_panel) == {"review", "return", "forward"}
    press(qtbot, master_panel, "Pass to the area")
    assert report_status(db, people["staff"]) == ReportStatus.FORWARDED
    assert visible_buttons(master_panel) == set()
    assert master_panel.guidance.isReadOnly()

    # -- the area manager reads it ------------------------------------------------------
    area_panel = open_panel(qtbot, db, people["manager"])
    open_row(qtbot, area_panel, "李娜")
    assert area_panel.guidance.toPlainText().startswith("周末高峰增派人手")
    assert area_panel.guidance.isReadOnly() and area_panel.summary.isReadOnly()
    assert visible_buttons(area_panel) == {"acknowledge"}
    type_into(qtbot, area_panel.comment, "已阅,各站参照执行")
    press(qtbot, area_panel, "Mark as read")
    with db.session() as s:
        report = s.scalars(select(CallbackReport)).one()
        assert report.status == ReportStatus.ACKNOWLEDGED
        assert report.area_comment == "已阅,各站参照执行"
        assert report.guidance == "周末高峰增派人手,下周回访排队客户。"
    assert "刘洋" in area_panel.browser.toPlainText()

    # -- the author sees where the report went ------------------------------------------
    staff_panel.reload()
    qtbot.waitUntil(lambda: staff_panel.model.data(staff_panel.model.index(0, 3)) == "片区已阅")


def test_master_returns_the_report_and_the_author_resubmits(
    qtbot: QtBot, db: Database, people: dict[str, User]
) -> None:
    staff_panel = open_panel(qtbot, db, people["staff"])
    choose_week(qtbot, staff_panel, WEEK)
    with qtbot.waitSignal(staff_panel.opened, timeout=5000):
        click(qtbot, staff_panel.write_button)
    refusal = press_refused(qtbot, staff_panel, "Submit to the station master")  # no summary
    assert refusal == tr(
        "errors",
        "Write a short summary of your week (what customers said, what you will do) "
        "before submitting.",
    )
    type_plain(qtbot, staff_panel.summary, "本周小结")
    press(qtbot, staff_panel, "Submit to the station master")

    master_panel = open_panel(qtbot, db, people["master"])
    open_row(qtbot, master_panel, "李娜")
    type_plain(qtbot, master_panel.guidance, "请补充未接通客户的后续安排")
    press(qtbot, master_panel, "Return to the author")
    assert report_status(db, people["staff"]) == ReportStatus.RETURNED

    with qtbot.waitSignal(staff_panel.opened, timeout=5000):
        click(qtbot, staff_panel.refresh_button)  # the shown report is read again
    assert staff_panel.model.data(staff_panel.model.index(0, 3)) == "已退回"
    assert "请补充未接通客户的后续安排" in staff_panel.browser.toPlainText()
    assert visible_buttons(staff_panel) == {"edit", "submit"}
    type_plain(qtbot, staff_panel.summary, "本周小结;未接通客户已改约周三回访")
    press(qtbot, staff_panel, "Submit to the station master")
    assert report_status(db, people["staff"]) == ReportStatus.SUBMITTED


# -- workload ---------------------------------------------------------------------------------
@pytest.fixture
def team(db: Database, template: Template[dict[str, User]]) -> dict[str, User]:
    """李娜 18 customers, 王芳 4, 周杰 (left) 9, all at GS0101."""
    people, station = template.extra, template.org.station.id
    with db.sessions.begin() as s:
        add_customers(s, station, s.get_one(User, people["staff"].id), 18, prefix="李")
        add_customers(s, station, s.get_one(User, people["fang"].id), 4, prefix="王")
        add_customers(s, station, s.get_one(User, people["jie"].id), 9, prefix="周")
    return people


def open_workload(qtbot: QtBot, db: Database, user: User) -> WorkloadPanel:
    with db.session() as s:
        unit = s.get_one(OrgUnit, user.org_unit_id)
    panel = WorkloadPanel(db, user, unit, today=TODAY)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        show(qtbot, panel)
    return panel


def row_texts(panel: WorkloadPanel, name: str) -> list[str]:
    model = panel.model
    row = next(n for n, r in enumerate(model.rows) if r.name == name)
    return [str(model.data(model.index(row, c))) for c in range(model.columnCount())]


def count_of(db: Database, user: User) -> int:
    with db.session() as s:
        return (
            s.scalar(
                select(func.count()).select_from(Customer).where(Customer.maintainer_id == user.id)
            )
            or 0
        )


def test_workload_warns_and_a_master_hands_customers_over(
    qtbot: QtBot, db: Database, team: dict[str, User]
) -> None:
    panel = open_workload(qtbot, db, team["master"])
    assert panel.hand_over_button.isVisible() and not panel.hand_over_button.isEnabled()
    fang = row_texts(panel, "王芳")
    assert fang[3] == "4" and fang[8] == tr("WorkloadModel", "Below {n}").format(n=15)
    assert fang[8] != "Below 15"  # in Chinese
    assert row_texts(panel, "李娜")[8] == ""
    jie_row = next(n for n, r in enumerate(panel.model.rows) if r.name == "周杰")
    colour = panel.model.data(panel.model.index(jie_row, 3), Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.name() == "#6a1b9a"
    fang_row = next(n for n, r in enumerate(panel.model.rows) if r.name == "王芳")
    colour = panel.model.data(panel.model.index(fang_row, 3), Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.name() == "#a15c00"

    # 周杰 left: all of his customers go to 王芳 and 李娜, evened out
    click_row(qtbot, panel.table, jie_row, 0)
    click(qtbot, panel.hand_over_button)
    dialog = wait_window(qtbot, BulkReassignDialog)
    assert dialog.mode_all.isChecked() and not dialog.mode_surplus.isEnabled()
    assert dialog.receivers.count() == 3  # 王芳, 李娜, 张伟: not 周杰 himself
    assert not dialog.ok_button.isEnabled()
    for name in ("王芳", "李娜"):
        tick_receiver(qtbot, dialog, name)
    type_into(qtbot, dialog.reason, "周杰离职,客户交接")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert count_of(db, team["jie"]) == 0
    assert (count_of(db, team["fang"]), count_of(db, team["staff"])) == (13, 18)  # 4+9
    with db.session() as s:
        history = s.scalars(
            select(OwnerChange).where(OwnerChange.old_user_id == team["jie"].id)
        ).all()
    assert len(history) == 9 and {h.reason for h in history} == {"周杰离职,客户交接"}
    assert "周杰" not in {r.name for r in panel.model.rows}
    assert row_texts(panel, "王芳")[3] == "13"  # still below 15

    # then two of 李娜's customers, ticked one by one, go to 王芳
    click_row(
        qtbot, panel.table, next(n for n, r in enumerate(panel.model.rows) if r.name == "李娜")
    )
    click(qtbot, panel.hand_over_button)
    dialog = wait_window(qtbot, BulkReassignDialog)
    qtbot.waitUntil(lambda: dialog.picks.rowCount() == 18)
    radio = dialog.mode_chosen  # a click on its round indicator
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()
    for row in (0, 1):
        tick_customer(qtbot, dialog, row)
    chosen = dialog.picks.chosen_ids()
    assert len(chosen) == 2
    assert dialog.ok_button.text() == tr("BulkReassignDialog", "Hand over {n}").format(n=2)
    tick_receiver(qtbot, dialog, "王芳")
    type_into(qtbot, dialog.reason, "均衡工作量")
    with qtbot.waitSignal(panel.handed_over, timeout=10_000) as handed:
        click(qtbot, dialog.ok_button)
    assert handed.args[0].moved == 2
    qtbot.waitUntil(lambda: row_texts(panel, "王芳")[3] == "15")
    assert row_texts(panel, "王芳")[8] == ""  # 15: no longer below the minimum
    with db.session() as s:
        moved = s.scalars(select(Customer.maintainer_id).where(Customer.id.in_(chosen))).all()
    assert set(moved) == {team["fang"].id}


def test_staff_see_the_workload_but_cannot_hand_over(
    qtbot: QtBot, db: Database, team: dict[str, User]
) -> None:
    panel = open_workload(qtbot, db, team["staff"])
    assert not panel.hand_over_button.isVisible()
    assert {"李娜", "王芳", "周杰", "张伟"} == {r.name for r in panel.model.rows}


def tick_receiver(qtbot: QtBot, dialog: BulkReassignDialog, name: str) -> None:
    """Tick a colleague the way a keyboard user does: go to the entry, press Space."""
    items = [dialog.receivers.item(n) for n in range(dialog.receivers.count())]
    item = next(i for i in items if i.text().startswith(name))
    dialog.receivers.setCurrentItem(item)
    qtbot.keyClick(dialog.receivers, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


def tick_customer(qtbot: QtBot, dialog: BulkReassignDialog, row: int) -> None:
    table = dialog.pick_table
    table.setCurrentIndex(dialog.picks.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.picks.rows[row].id in dialog.picks.checked


def test_an_administrator_sets_the_minimum_and_the_ceiling(
    qtbot: QtBot, db: Database, org: Org
) -> None:
    from desktop_crm.services.callbacks.workload import limits
    from desktop_crm.views.settings.dialog import SettingsDialog
    from desktop_crm.views.settings.workload_page import WorkloadPage

    dialog = SettingsDialog(db, org.users["admin"])
    show(qtbot, dialog)
    page = dialog.show_page(WorkloadPage)
    assert page.windowTitle() == "工作量（1:15）"
    assert (page.minimum.value(), page.maximum.value()) == (15, 200)
    type_into(qtbot, page.minimum.lineEdit(), "20")
    type_into(qtbot, page.maximum.lineEdit(), "10")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.message.text() != "")
    assert "上限" in page.message.text()  # the ceiling cannot be below the minimum
    page.message.clear()
    type_into(qtbot, page.maximum.lineEdit(), "120")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.message.text() == tr("WorkloadPage", "Saved."))
    with db.session() as s:
        assert limits(s) == (20, 120)
    staff_dialog = SettingsDialog(db, org.users["master"])
    qtbot.addWidget(staff_dialog)
    with pytest.raises(KeyError):
        staff_dialog.page(WorkloadPage)


def test_both_pages_sit_in_the_callback_tab(qtbot: QtBot, db: Database, org: Org) -> None:
    from desktop_crm.views.callbacks.tab import CallbackTab

    tab = CallbackTab(db, org.users["master"], org.station)
    show(qtbot, tab)
    titles = [tab.sections.tabText(n) for n in range(tab.sections.count())]
    assert titles[-2:] == ["回访周报", "工作量（1:15）"]
    page = tab.sections.widget(titles.index("回访周报"))
    assert isinstance(page, LazyPage) and not page.built  # built when first shown
    reports = page.page()
    assert isinstance(reports, WeeklyReportPanel)
    with qtbot.waitSignal(reports.listed, timeout=5000):  # loads when first shown
        tab.sections.setCurrentWidget(page)
    page = tab.sections.widget(titles.index("工作量（1:15）"))
    tab.sections.setCurrentWidget(page)
    workload = page.page()
    assert isinstance(workload, WorkloadPanel)
    qtbot.waitUntil(lambda: bool(workload.model.rows), timeout=5000)
    assert {r.name for r in workload.model.rows} == {"李娜", "张伟", "王芳"}  # 周杰 left
