"""The complaint pages of 基础设置 through real widgets: deadline policies, the working
calendar (public holidays, 调休 days) and the lists; and what they change for intake."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QThreadPool
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_crm.i18n import translate_message
from desktop_crm.localtime import local_zone
from desktop_crm.models import AuditEvent, Complaint, Holiday, SlaPolicy, User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints import options
from desktop_crm.services.complaints.calendar import WorkingCalendar
from desktop_crm.services.complaints.intake import ComplaintDraft, create_complaint
from desktop_crm.services.settings import get_setting
from desktop_crm.views.settings.dialog import SettingsDialog
from desktop_crm.views.settings.holidays_page import HolidayDialog, HolidaysPage
from desktop_crm.views.settings.sla_page import PolicyDialog, SlaPage
from tests.conftest import Org
from tests.gui_helpers import (
    button,
    chinese_ui,
    choose,
    click,
    click_list_item,
    click_row,
    type_into,
    wait_window,
)

DAY = 86_400_000


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def local_ms(*args: int) -> int:
    return int(datetime(*args, tzinfo=local_zone()).timestamp() * 1000)  # type: ignore[misc]


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


def settled() -> None:
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


_open: list[SettingsDialog] = []  # the dialog shown by the running test (kept alive)


@pytest.fixture(autouse=True)
def forget_dialogs() -> Iterator[None]:
    yield
    _open.clear()


def open_page(qtbot: QtBot, db: Database, org: Org, title: str) -> QWidget:
    dialog = SettingsDialog(db, org.users["admin"])
    _open.append(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_list_item(qtbot, dialog.page_list, title)
    page = dialog.stack.currentWidget()
    assert page.windowTitle() == title
    return page


def child(parent: QWidget, cls: type, name: str) -> QWidget:
    found = parent.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def cells(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def set_spin(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    """Type a number into a spin box (its whole text selected first, suffix kept)."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    spin.interpretText()
    assert spin.value() == value


def test_pages_for_the_company_administrator_only(qtbot: QtBot, db: Database, org: Org) -> None:
    titles = [
        tr("SlaPage", "Complaint deadlines"),
        tr("HolidaysPage", "Working calendar"),
        tr("ComplaintListsPage", "Complaint lists"),
    ]
    assert titles == ["投诉时限", "工作日历", "投诉分类与原因"]
    admin = SettingsDialog(db, org.users["admin"])
    qtbot.addWidget(admin)
    shown = [admin.page_list.item(i).text() for i in range(admin.page_list.count())]
    assert all(t in shown for t in titles)
    master = SettingsDialog(db, org.users["master"])
    qtbot.addWidget(master)
    shown = [master.page_list.item(i).text() for i in range(master.page_list.count())]
    assert not any(t in shown for t in titles)


def test_deadline_policies_and_the_warning_share(qtbot: QtBot, db: Database, org: Org) -> None:
    page = open_page(qtbot, db, org, "投诉时限")
    assert isinstance(page, SlaPage)
    table = child(page, QTableView, "policyTable")
    any_category = tr("PolicyDialog", "Any category")
    defaults = [
        [any_category, tr("complaints", label), "60", "24", days]
        for label, days in (("Minor", "5"), ("Serious", "3"), ("Major", "1"), ("Critical", "1"))
    ]
    assert cells(table) == defaults  # the set-up seeds the defaults of the domain
    click(qtbot, button(page, tr("SlaPage", "New policy")))
    dialog = wait_window(qtbot, PolicyDialog)
    choose(child(dialog, QComboBox, "category"), tr("complaints", "Price"))
    choose(child(dialog, QComboBox, "severity"), tr("complaints", "Serious"))
    set_spin(qtbot, child(dialog, QSpinBox, "acceptMinutes"), 30)
    set_spin(qtbot, child(dialog, QSpinBox, "replyHours"), 12)
    set_spin(qtbot, child(dialog, QSpinBox, "closeDays"), 2)
    click(qtbot, button(dialog, tr("PolicyDialog", "Save")))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert cells(table) == [
        *defaults,
        [tr("complaints", "Price"), tr("complaints", "Serious"), "30", "12", "2"],
    ]

    # the same category and severity again is refused, with the reason
    click(qtbot, button(page, tr("SlaPage", "New policy")))
    dialog = wait_window(qtbot, PolicyDialog)
    choose(child(dialog, QComboBox, "category"), tr("complaints", "Price"))
    choose(child(dialog, QComboBox, "severity"), tr("complaints", "Serious"))
    message = child(dialog, QLabel, "message")
    click(qtbot, button(dialog, tr("PolicyDialog", "Save")))
    expected = translate_message(
        "errors", "There is already a policy for this category and severity: change that one.", {}
    )
    qtbot.waitUntil(lambda: message.text() == expected, timeout=10_000)
    # a reply due before acceptance is refused too
    choose(child(dialog, QComboBox, "category"), tr("PolicyDialog", "Any category"))
    set_spin(qtbot, child(dialog, QSpinBox, "acceptMinutes"), 600)
    set_spin(qtbot, child(dialog, QSpinBox, "replyHours"), 2)
    click(qtbot, button(dialog, tr("PolicyDialog", "Save")))
    expected = translate_message(
        "errors", "The first reply cannot be due before the complaint must be accepted.", {}
    )
    qtbot.waitUntil(lambda: message.text() == expected, timeout=10_000)
    dialog.reject()

    # a complaint of that category and severity gets those deadlines (Friday 16:00:
    # two working days = Tuesday 16:00)
    friday = local_ms(2026, 6, 12, 16, 0)
    with db.writer.begin() as s:
        admin = s.get_one(User, org.users["admin"].id)
        draft = ComplaintDraft(station_id=org.station.id, source="电话", category="价格",
                               severity="较大", description="加价")  # fmt: skip
        c = create_complaint(s, admin, draft, now=friday)
        assert c.accept_deadline == friday + 30 * 60_000
        assert c.reply_deadline == friday + 12 * 3_600_000
        assert c.close_deadline == local_ms(2026, 6, 16, 16, 0)

    # edit it, then delete it
    click_row(qtbot, table, 4)
    click(qtbot, button(page, tr("SlaPage", "Edit")))
    dialog = wait_window(qtbot, PolicyDialog)
    assert child(dialog, QSpinBox, "closeDays").value() == 2
    set_spin(qtbot, child(dialog, QSpinBox, "closeDays"), 4)
    click(qtbot, button(dialog, tr("PolicyDialog", "Save")))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert cells(table)[4][4] == "4"
    click_row(qtbot, table, 4)
    click(qtbot, button(page, tr("SlaPage", "Delete")))
    qtbot.waitUntil(lambda: cells(table) == defaults, timeout=10_000)
    with db.session() as s:
        rows = s.scalars(select(SlaPolicy)).all()
        assert [(p.category, p.close_working_days, p.deleted) for p in rows if p.category] == [
            ("价格", 4, True)
        ]

    # the warning share
    warn = child(page, QSpinBox, "warnShare")
    assert warn.value() == 75
    set_spin(qtbot, warn, 80)
    click(qtbot, button(page, tr("SlaPage", "Apply")))
    note = child(page, QLabel, "pageMessage")
    qtbot.waitUntil(lambda: "80" in note.text(), timeout=10_000)
    with db.session() as s:
        assert get_setting(s, "complaints.warn_share") == pytest.approx(0.8)
        actions = s.scalars(select(AuditEvent.entity)).all()
        assert "sla_policy" in actions and "setting" in actions
    settled()


def test_working_calendar_per_year(qtbot: QtBot, db: Database, org: Org) -> None:
    page = open_page(qtbot, db, org, "工作日历")
    assert isinstance(page, HolidaysPage)
    year = child(page, QSpinBox, "year")
    set_spin(qtbot, year, 2026)
    table = child(page, QTableView, "holidayTable")
    assert cells(table) == []
    click(qtbot, button(page, tr("HolidaysPage", "Enter the State Council schedule")))
    qtbot.waitUntil(lambda: len(cells(table)) > 20, timeout=10_000)
    rows = {r[0]: r for r in cells(table)}
    assert rows["2026-10-01"][2:] == ["国庆节", tr("HolidayModel", "Public holiday")]
    assert rows["2026-09-20"][1:] == [
        tr("HolidayModel", "Sun"),
        "国庆节调休上班",
        tr("HolidayModel", "Make-up working day"),
    ]
    summary = child(page, QLabel, "summary").text()
    assert summary.startswith("2026")

    # a make-up working day must be a weekend day
    click(qtbot, button(page, tr("HolidaysPage", "Add a day…")))
    dialog = wait_window(qtbot, HolidayDialog)
    child(dialog, QDateEdit, "date").setDate(QDate(2026, 12, 23))  # a Wednesday
    type_into(qtbot, child(dialog, QLineEdit, "name"), "公司庆典")
    choose(
        child(dialog, QComboBox, "kind"), tr("HolidayDialog", "Make-up working day (调休, worked)")
    )
    message = child(dialog, QLabel, "message")
    click(qtbot, button(dialog, tr("HolidayDialog", "Save")))
    expected = translate_message(
        "errors",
        "{date} is a weekday and a working day anyway: a make-up working day "
        "(调休) is a Saturday or Sunday worked instead of a holiday.",
        {"date": "2026-12-23"},
    )
    qtbot.waitUntil(lambda: message.text() == expected, timeout=10_000)
    # as a day off it is fine
    choose(child(dialog, QComboBox, "kind"), tr("HolidayDialog", "Public holiday (day off)"))
    click(qtbot, button(dialog, tr("HolidayDialog", "Save")))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert "2026-12-23" in {r[0] for r in cells(table)}
    with db.session() as s:
        calendar = WorkingCalendar.load(s)
    assert not calendar.is_working_day(date(2026, 12, 23))
    assert not calendar.is_working_day(date(2026, 10, 1))
    assert calendar.is_working_day(date(2026, 9, 20))  # a Sunday worked
    # Tuesday 22nd + 1 working day skips the 23rd
    assert calendar.add_working_days(date(2026, 12, 22), 1) == date(2026, 12, 24)

    # remove it again: the day is worked again
    index = [r[0] for r in cells(table)].index("2026-12-23")
    click_row(qtbot, table, index)
    click(qtbot, button(page, tr("HolidaysPage", "Remove")))
    qtbot.waitUntil(lambda: "2026-12-23" not in {r[0] for r in cells(table)}, timeout=10_000)
    with db.session() as s:
        assert WorkingCalendar.load(s).is_working_day(date(2026, 12, 23))
        assert s.scalar(select(Holiday.deleted).where(Holiday.date == "2026-12-23")) is True
    # a year without a shipped schedule
    set_spin(qtbot, year, 2031)
    assert cells(table) == []
    assert not button(page, tr("HolidaysPage", "Enter the State Council schedule")).isEnabled()
    settled()


def test_categories_and_root_causes(qtbot: QtBot, db: Database, org: Org) -> None:
    page = open_page(qtbot, db, org, "投诉分类与原因")
    entry = child(page, QLineEdit, "categoriesEntry")
    type_into(qtbot, entry, "油卡充值")
    click(qtbot, child(page, QWidget, "categoriesAdd"))
    items = child(page, QWidget, "categoriesItems")
    assert items.item(items.count() - 1).text() == "油卡充值"
    click(qtbot, child(page, QWidget, "categoriesSave"))
    message = child(page, QLabel, "categoriesMessage")
    qtbot.waitUntil(lambda: message.text() == tr("ComplaintListsPage", "Saved."), timeout=10_000)
    with db.session() as s:
        assert [code for code, _label in options.categories(s)][-1] == "油卡充值"
        # intake takes the new category
        admin = s.get_one(User, org.users["admin"].id)
    with db.writer.begin() as s:
        draft = ComplaintDraft(station_id=org.station.id, source="电话", category="油卡充值",
                               description="充值未到账")  # fmt: skip
        complaint_id = create_complaint(s, s.get_one(User, admin.id), draft).id
    with db.session() as s:
        assert s.get_one(Complaint, complaint_id).category == "油卡充值"

    # remove every root cause: refused, the list needs one
    causes = child(page, QWidget, "rootCausesItems")
    while causes.count():
        causes.setCurrentRow(0)
        click(qtbot, child(page, QWidget, "rootCausesRemove"))
    click(qtbot, child(page, QWidget, "rootCausesSave"))
    message = child(page, QLabel, "rootCausesMessage")
    expected = translate_message("errors", "The list needs at least one entry.", {})
    qtbot.waitUntil(lambda: message.text() == expected, timeout=10_000)
    settled()
