"""The customer edit and merge dialogs through real widgets, in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_crm.models import Customer, LevelChange, User, Vehicle, Visit
from desktop_crm.models.db import Database
from desktop_crm.services.customer_edit import (
    CardForm,
    CustomerForm,
    VehicleForm,
    create_customer,
    delete_customer,
)
from desktop_crm.views.customers.edit_dialog import CustomerEditDialog, ReasonDialog
from desktop_crm.views.customers.merge_dialog import MergeDialog
from tests.conftest import Org
from tests.gui_helpers import button, chinese_ui, choose, click, edit, type_into, wait_window


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


def add(db: Database, org: Org, login: str = "staff", **fields: object) -> str:
    fields.setdefault("org_unit_id", org.station.id)
    with db.sessions.begin() as s:
        actor = s.get_one(User, org.users[login].id)
        return create_customer(s, actor, CustomerForm(**fields)).id  # type: ignore[arg-type]


def open_editor(
    qtbot: QtBot, db: Database, org: Org, login: str, customer_id: str | None = None
) -> CustomerEditDialog:
    dialog = CustomerEditDialog(db, org.users[login], customer_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def go_to_tab(qtbot: QtBot, dialog: CustomerEditDialog, title: str) -> None:
    tabs = dialog.findChild(QTabWidget, "tabs")
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert title in titles, titles
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(titles.index(title)).center())
    assert tabs.currentIndex() == titles.index(title)


def error(dialog: CustomerEditDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def customers(db: Database) -> list[Customer]:
    with db.session() as s:
        return list(s.scalars(select(Customer).where(Customer.deleted.is_(False))))


def test_create_a_customer_by_typing(qtbot: QtBot, db: Database, org: Org) -> None:
    dialog = open_editor(qtbot, db, org, "staff")
    assert dialog.windowTitle() == "新建客户"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "基本信息", "车辆", "加油卡", "联系人", "维护", "偏好",
    ]  # fmt: skip
    type_into(qtbot, edit(dialog, "name"), "张伟")
    type_into(qtbot, edit(dialog, "phone"), "138 1234 5678")
    type_into(qtbot, edit(dialog, "employer"), "顺达物流")
    go_to_tab(qtbot, dialog, "车辆")
    click(qtbot, button(dialog, "添加车辆"))
    type_into(qtbot, edit(dialog, "vehicles.0.plate"), "京a·12345")
    type_into(qtbot, edit(dialog, "vehicles.0.model"), "大众朗逸")
    go_to_tab(qtbot, dialog, "维护")
    choose(dialog.findChild(QComboBox, "level"), "B")
    assert dialog.findChild(QComboBox, "maintainer_id").currentText() == "李娜"
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, button(dialog, "保存"))
    [c] = customers(db)
    assert saved.args == [c.id]
    assert (c.name, c.phone, c.level, c.profile_stage) == ("张伟", "13812345678", "B", "complete")
    with db.session() as s:
        [vehicle] = s.scalars(select(Vehicle).where(Vehicle.customer_id == c.id))
    assert (vehicle.plate, vehicle.model) == ("京A12345", "大众朗逸")
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_field_errors_in_chinese_under_each_field(qtbot: QtBot, db: Database, org: Org) -> None:
    dialog = open_editor(qtbot, db, org, "staff")
    type_into(qtbot, edit(dialog, "name"), "张伟")
    type_into(qtbot, edit(dialog, "id_number"), "110105194912310021")
    type_into(qtbot, edit(dialog, "phone"), "12345")
    go_to_tab(qtbot, dialog, "车辆")
    click(qtbot, button(dialog, "添加车辆"))
    type_into(qtbot, edit(dialog, "vehicles.0.plate"), "京A1234")
    click(qtbot, button(dialog, "保存"))
    assert "校验码" in error(dialog, "id_number_error")
    assert "手机号码" in error(dialog, "phone_error")
    assert error(dialog, "vehicles.0.error").startswith("京A1234 不是有效的车牌")
    assert dialog.message.text() == "请更正标红的字段。"
    assert dialog.tabs.currentIndex() == 0  # the first error's tab
    assert customers(db) == []
    # corrected, the messages go and the file is saved
    type_into(qtbot, edit(dialog, "id_number"), "11010519491231002X")
    type_into(qtbot, edit(dialog, "phone"), "13812345678")
    go_to_tab(qtbot, dialog, "车辆")
    type_into(qtbot, edit(dialog, "vehicles.0.plate"), "京A12345")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, button(dialog, "保存"))
    [c] = customers(db)
    assert c.birthday == "1949-12-31"


def test_a_plate_only_record_saves(qtbot: QtBot, db: Database, org: Org) -> None:
    dialog = open_editor(qtbot, db, org, "staff")
    click(qtbot, button(dialog, "保存"))
    assert "至少填写车牌" in error(dialog, "name_error")
    go_to_tab(qtbot, dialog, "车辆")
    click(qtbot, button(dialog, "添加车辆"))
    type_into(qtbot, edit(dialog, "vehicles.0.plate"), "冀AD12345")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, button(dialog, "保存"))
    [c] = customers(db)
    assert c.profile_stage == "plate_only"


def test_duplicate_plate_banner_opens_the_other_customer(
    qtbot: QtBot, db: Database, org: Org
) -> None:
    other = add(db, org, name="王小明", vehicles=[VehicleForm("京A12345")])
    dialog = open_editor(qtbot, db, org, "staff")
    type_into(qtbot, edit(dialog, "name"), "张伟")
    go_to_tab(qtbot, dialog, "车辆")
    click(qtbot, button(dialog, "添加车辆"))
    plate = edit(dialog, "vehicles.0.plate")
    type_into(qtbot, plate, "京A 12345")  # checked as soon as typing pauses
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=5000)
    assert error(dialog, "duplicate_0") == "车牌 京A12345 已属于 王小明。"
    with qtbot.waitSignal(dialog.open_customer, timeout=2000) as opened:
        click(qtbot, button(dialog, "打开该客户"))
    assert opened.args == [other]
    # saving is refused: a plate belongs to one customer
    click(qtbot, button(dialog, "保存"))
    qtbot.waitUntil(lambda: bool(error(dialog, "vehicles.0.error")), timeout=5000)
    assert "一个车牌只能属于一位客户" in error(dialog, "vehicles.0.error")
    assert len(customers(db)) == 1


def test_a_shared_phone_is_saved_after_a_second_click(qtbot: QtBot, db: Database, org: Org) -> None:
    add(db, org, name="张伟", phone="13812345678")
    dialog = open_editor(qtbot, db, org, "staff")
    type_into(qtbot, edit(dialog, "name"), "张伟的妻子")
    type_into(qtbot, edit(dialog, "phone"), "13812345678")
    click(qtbot, button(dialog, "保存"))
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert dialog.message.text() == "尚未保存：请核对上方提示的电话。"
    assert error(dialog, "duplicate_0") == "电话 13812345678 也登记在 张伟 名下。"
    assert "请再次点击“保存”" in error(dialog, "duplicates_note")
    assert len(customers(db)) == 1
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, button(dialog, "保存"))
    assert len(customers(db)) == 2


def test_edit_level_asks_for_the_reason(qtbot: QtBot, db: Database, org: Org) -> None:
    cid = add(
        db,
        org,
        name="张伟",
        phone="13812345678",
        level="C",
        cards=[CardForm("1000113200000012345")],
    )
    dialog = open_editor(qtbot, db, org, "master", cid)
    assert dialog.windowTitle() == "编辑客户档案"
    assert edit(dialog, "name").text() == "张伟"
    type_into(qtbot, edit(dialog, "employer"), "顺达物流")
    go_to_tab(qtbot, dialog, "加油卡")
    choose(dialog.findChild(QComboBox, "cards.0.status"), "已挂失")
    go_to_tab(qtbot, dialog, "维护")
    choose(dialog.findChild(QComboBox, "level"), "A")
    click(qtbot, button(dialog, "保存"))
    prompt = wait_window(qtbot, ReasonDialog)
    assert prompt.windowTitle() == "调整等级"
    click(qtbot, button(prompt, "确定"))  # empty: stays open
    assert prompt.isVisible()
    type_into(qtbot, prompt.findChild(QLineEdit, "reason"), "消费量上升")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, button(prompt, "确定"))
    with db.session() as s:
        c = s.get_one(Customer, cid)
        assert (c.employer, c.level, c.usn) == ("顺达物流", "A", -1)
        change = s.scalars(select(LevelChange).where(LevelChange.new_level == "A")).one()
    assert (change.old_level, change.reason) == ("C", "消费量上升")
    assert change.changed_by_id == org.users["master"].id


def test_masked_numbers_are_read_only_for_staff(qtbot: QtBot, db: Database, org: Org) -> None:
    cid = add(db, org, name="张伟", phone="13812345678")
    dialog = open_editor(qtbot, db, org, "staff", cid)
    phone = edit(dialog, "phone")
    assert phone.text() == "138****5678" and phone.isReadOnly()
    assert not edit(dialog, "phone2").isReadOnly()
    type_into(qtbot, edit(dialog, "phone2"), "0311-86901234")
    go_to_tab(qtbot, dialog, "维护")
    assert not dialog.findChild(QComboBox, "maintainer_id").isEnabled()  # no hand-over by staff
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, button(dialog, "保存"))
    [c] = customers(db)
    assert (c.phone, c.phone2) == ("13812345678", "0311-86901234")


def test_auditor_cannot_save(qtbot: QtBot, db: Database, org: Org) -> None:
    cid = add(db, org, name="张伟")
    dialog = open_editor(qtbot, db, org, "auditor", cid)
    assert not dialog.save_button.isEnabled()
    assert "审计员只能查看" in dialog.message.text()


def test_merge_two_files_side_by_side(qtbot: QtBot, db: Database, org: Org) -> None:
    keep = add(db, org, name="张伟", phone="13812345678", vehicles=[VehicleForm("京A12345")])
    other = add(
        db,
        org,
        name="张伟(旧)",
        employer="顺达物流",
        vehicles=[VehicleForm("京B22222")],
        cards=[CardForm("1000113200000012345")],
    )
    with db.sessions.begin() as s:
        s.add(
            Visit(
                customer_id=other,
                org_unit_id=org.station.id,
                visited_at=1,
                product="92#",
                litres=30.0,
                amount_fen=22000,
            )
        )
    dialog = MergeDialog(db, org.users["master"], other, keep)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "合并客户档案"
    assert dialog.value("keep", "客户名称") == "张伟(旧)"
    assert dialog.value("keep", "消费记录") == "1"
    click(qtbot, button(dialog, "改为保留右侧档案"))
    assert dialog.value("keep", "客户名称") == "张伟"
    assert dialog.value("keep", "电话") == "13812345678"
    assert dialog.value("other", "车牌") == "京B22222"
    click(qtbot, button(dialog, "合并"))
    assert dialog.message.text() == "请填写合并原因。"
    type_into(qtbot, dialog.reason, "同一客户重复建档")
    with qtbot.waitSignal(dialog.merged, timeout=5000) as merged:
        click(qtbot, button(dialog, "合并"))
    assert merged.args == [keep]
    [c] = customers(db)
    assert c.id == keep and c.employer == "顺达物流"
    with db.session() as s:
        plates = set(s.scalars(select(Vehicle.plate).where(Vehicle.customer_id == keep)))
        visits = list(s.scalars(select(Visit).where(Visit.customer_id == keep)))
    assert plates == {"京A12345", "京B22222"} and len(visits) == 1


def test_prefilled_plate_and_a_file_that_is_gone(qtbot: QtBot, db: Database, org: Org) -> None:
    dialog = CustomerEditDialog(
        db, org.users["staff"], None, prefill={"vehicles": [VehicleForm("京A12345")]}
    )
    qtbot.addWidget(dialog)
    dialog.show()
    go_to_tab(qtbot, dialog, "车辆")
    assert edit(dialog, "vehicles.0.plate").text() == "京A12345"
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, button(dialog, "保存"))
    with db.sessions.begin() as s:
        delete_customer(s, s.get_one(User, org.users["master"].id), saved.args[0], "重复")
    gone = open_editor(qtbot, db, org, "master", saved.args[0])
    assert not gone.save_button.isEnabled()
    assert gone.message.text().startswith("该客户档案已不存在")
