"""The campaign dialog, the rules runner and the callback rules page through real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_crm.models import CallbackTask, Campaign, User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.rules import RulesResult
from desktop_crm.services.settings import get_setting
from desktop_crm.views.callbacks.campaign_dialog import CampaignDialog
from desktop_crm.views.callbacks.rules_runner import RulesRunner
from desktop_crm.views.settings.callback_rules_page import CallbackRulesPage
from desktop_crm.views.settings.dialog import SettingsDialog
from tests.conftest import Org
from tests.gui_helpers import button, chinese_ui, choose, click, click_list_item, edit, type_into
from tests.test_callback_rules import customer, visits, weekly


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


@pytest.fixture
def customers(db: Database, org: Org) -> None:
    staff = org.users["staff"]
    with db.sessions.begin() as s:
        customer(s, org.station, staff, name="大客户甲", level="VIP")
        customer(s, org.station, staff, name="勿扰客户", level="VIP", dnd=True)
        customer(s, org.station, staff, name="普通客户", level="B")
        customer(s, org.station2, org.users["staff2"], name="别站客户", level="VIP")


def open_dialog(qtbot: QtBot, db: Database, user: User) -> CampaignDialog:
    dialog = CampaignDialog(db, user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "新建特定回访活动"
    return dialog


def preview_text(dialog: CampaignDialog) -> str:
    label = dialog.findChild(QLabel, "previewCount")
    assert label is not None
    return label.text()


def tick(qtbot: QtBot, parent: QWidget, name: str) -> None:
    """Click a check box on its box (a wide one does not react beside its text)."""
    box = parent.findChild(QCheckBox, name)
    assert box is not None and box.isEnabled(), name
    before = box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() != before


def test_campaign_preview_then_create(
    qtbot: QtBot, db: Database, org: Org, customers: None
) -> None:
    dialog = open_dialog(qtbot, db, org.users["master"])
    create = button(dialog, "生成回访任务")
    # the whole station: two customers may be called, the 勿扰 one is left out
    qtbot.waitUntil(lambda: "将为 2 位客户生成回访任务" in preview_text(dialog), timeout=5000)
    assert "另有 1 位客户符合条件但不希望被联系" in preview_text(dialog)
    assert not create.isEnabled()  # no event chosen yet
    tick(qtbot, dialog, "levels:VIP")
    qtbot.waitUntil(lambda: "将为 1 位客户生成回访任务" in preview_text(dialog), timeout=5000)
    choose(dialog.event, "天气变化")
    assert edit(dialog, "name").text() == "天气变化"  # named after the event until typed
    type_into(qtbot, edit(dialog, "name"), "寒潮关怀回访")
    assert create.isEnabled()
    click(qtbot, create)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result_count == 1
    with db.session() as s:
        campaign = s.scalars(select(Campaign)).one()
        assert (campaign.name, campaign.event) == ("寒潮关怀回访", "天气变化")
        task = s.scalars(select(CallbackTask)).one()
        assert task.campaign_id == campaign.id
        assert task.assignee_id == org.users["staff"].id


def test_own_event_and_station_list(qtbot: QtBot, db: Database, org: Org, customers: None) -> None:
    dialog = open_dialog(qtbot, db, org.users["admin"])
    qtbot.waitUntil(lambda: "将为 3 位客户生成回访任务" in preview_text(dialog), timeout=5000)
    units = dialog.findChild(QListWidget, "units")
    assert units is not None
    assert [units.item(i).text() for i in range(units.count())] == [
        "GS0101 东湖加油站",
        "GS0201 西湖加油站",
    ]
    units.item(1).setCheckState(Qt.CheckState.Checked)  # what a click on its box does
    qtbot.waitUntil(lambda: "将为 1 位客户生成回访任务" in preview_text(dialog), timeout=5000)
    type_into(qtbot, dialog.event.lineEdit(), "门店装修")
    click(qtbot, button(dialog, "生成回访任务"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with db.session() as s:
        assert s.scalars(select(Campaign.event)).one() == "门店装修"


def test_nothing_matches_keeps_the_dialog_open(
    qtbot: QtBot, db: Database, org: Org, customers: None
) -> None:
    dialog = open_dialog(qtbot, db, org.users["master"])
    tick(qtbot, dialog, "levels:D")
    qtbot.waitUntil(lambda: "将为 0 位客户生成回访任务" in preview_text(dialog), timeout=5000)
    choose(dialog.event, "油价调整")
    assert not button(dialog, "生成回访任务").isEnabled()


def test_staff_cannot_start_a_campaign(qtbot: QtBot, db: Database, org: Org) -> None:
    dialog = open_dialog(qtbot, db, org.users["staff"])
    message = dialog.findChild(QLabel, "message")
    assert message is not None
    assert message.text() == "只有站长和管理人员才能发起特定回访活动。"
    choose(dialog.event, "油价调整")
    assert not button(dialog, "生成回访任务").isEnabled()


# -- the rules runner -----------------------------------------------------------------
def test_runner_runs_at_start_and_when_the_day_changes(
    qtbot: QtBot, db: Database, org: Org
) -> None:
    with db.sessions.begin() as s:
        c = customer(s, org.station, org.users["staff"], name="常来的客户")
        visits(s, c, weekly(date(2026, 6, 1)))
    day = [date(2026, 6, 11)]
    runner = RulesRunner(db, None, today=lambda: day[0], check_every_ms=60_000)
    progress: list[str] = []
    runner.progressed.connect(lambda _d, _t, label: progress.append(label))
    with qtbot.waitSignal(runner.finished, timeout=10_000) as first:
        runner.start()
    result = first.args[0]
    assert isinstance(result, RulesResult)
    assert result.today == date(2026, 6, 11) and result.created["absence"] == 0
    assert "未到站异常" in progress  # translated progress labels for a status line
    runner.check_day()  # same day: nothing to do
    assert not runner.running
    day[0] = date(2026, 6, 12)
    with qtbot.waitSignal(runner.finished, timeout=10_000) as second:
        runner.check_day()
    assert second.args[0].created["absence"] == 1
    runner.stop()


# -- the settings page ----------------------------------------------------------------
def set_spin(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    spin.interpretText()
    assert spin.value() == value


def test_rules_page_saves_the_settings(qtbot: QtBot, db: Database, org: Org) -> None:
    dialog = SettingsDialog(db, org.users["admin"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_list_item(qtbot, dialog.page_list, "回访规则")
    page = dialog.stack.currentWidget()
    assert isinstance(page, CallbackRulesPage)
    grace = page.findChild(QSpinBox, "callbacks.absence.grace_days")
    assert grace is not None and grace.value() == 3
    set_spin(qtbot, grace, 5)
    rules = page.findChild(QListWidget, "ruleList")
    assert rules is not None
    assert rules.item(2).text() == "B类及以上个人客户(站点)"
    click_list_item(qtbot, rules, "B类及以上个人客户(站点)")
    tick(qtbot, page, "ruleLevel:C")
    click(qtbot, button(page, "保存"))
    message = page.findChild(QLabel, "callbackRulesMessage")
    assert message is not None
    qtbot.waitUntil(lambda: message.text().startswith("已保存"), timeout=5000)
    with db.session() as s:
        assert get_setting(s, "callbacks.absence.grace_days") == 5
        assert get_setting(s, "callbacks.tier_rules")[2]["levels"] == ["VIP", "A", "B", "C"]


def test_rules_page_refuses_a_rule_without_levels(qtbot: QtBot, db: Database, org: Org) -> None:
    page = CallbackRulesPage(db, org.users["admin"])
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    add_rule = page.findChild(QPushButton, "ruleButton0")
    assert add_rule is not None and add_rule.text() == "添加"
    click(qtbot, add_rule)  # a new rule, no level ticked yet
    click(qtbot, button(page, "保存"))
    message = page.findChild(QLabel, "callbackRulesMessage")
    assert message is not None
    qtbot.waitUntil(lambda: message.text() == "规则 4：请至少勾选一个等级。", timeout=5000)
    with db.session() as s:
        assert len(get_setting(s, "callbacks.tier_rules")) == 3


@pytest.mark.parametrize("login", ["master", "manager"])
def test_only_administrators_see_the_rules_page(
    qtbot: QtBot, db: Database, org: Org, login: str
) -> None:
    dialog = SettingsDialog(db, org.users[login])
    qtbot.addWidget(dialog)
    titles = [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())]
    assert "回访规则" not in titles
