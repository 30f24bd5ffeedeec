"""The charts tab through real widgets, in the Chinese UI, on a small demo store:
switching charts, drilling down by clicking a bar on the canvas, going back up, the
customers of a level, exporting the table, the empty state and grading."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_crm.models import Customer, LevelChange, OrgKind, OrgUnit, User
from desktop_crm.models.db import Database, open_database
from desktop_crm.reports import base
from desktop_crm.services.demo import generate
from desktop_crm.services.orgs import create_org_unit
from desktop_crm.views.charts.tab import ChartTab
from desktop_crm.views.main_window import MainWindow
from tests.gui_helpers import button, chinese_ui, choose, click, click_list_item, windows

TODAY = date(2026, 6, 15)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    base.invalidate()
    yield from chinese_ui(qapp)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("charts") / "demo.db"
    generate(path, 400, seed=3, today=TODAY)
    return path


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "demo.db"
    shutil.copy(demo, copy)
    database = open_database(copy)
    yield database
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()
    boxes = windows(QMessageBox)
    texts = [b.text() for b in boxes]
    for box in boxes:
        box.close()
    database.close()
    assert texts == [], texts


def user_named(db: Database, login: str) -> User:
    with db.session() as s:
        return s.scalars(select(User).where(User.login == login)).one()


def open_tab(qtbot: QtBot, db: Database, login: str = "admin") -> ChartTab:
    user = user_named(db, login)
    with db.session() as s:
        unit = s.get_one(OrgUnit, user.org_unit_id)
    tab = ChartTab(db, user, unit, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    with qtbot.waitSignal(tab.chart_shown, timeout=30_000):
        tab.show()
    return tab


def title_of(tab: ChartTab) -> str:
    assert tab.shown is not None
    return tab.shown.figure.get_suptitle()


def click_bar(qtbot: QtBot, tab: ChartTab, gid: str) -> None:
    """A real mouse click on the middle of the bar drawn for ``gid``."""
    canvas = tab.canvas
    figure = tab.shown.figure
    bars = [p for ax in figure.axes for p in ax.patches if p.get_gid() == gid]
    assert bars, f"no bar for {gid}"
    bar = max(bars, key=lambda p: p.get_height())
    box = bar.get_window_extent()
    ratio = canvas.devicePixelRatioF()
    x = (box.x0 + box.x1) / 2 / ratio
    y = canvas.height() - (box.y0 + box.y1) / 2 / ratio
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))


def unit_id(db: Database, code: str) -> str:
    with db.session() as s:
        return s.scalars(select(OrgUnit.id).where(OrgUnit.code == code)).one()


def test_the_main_window_has_the_charts_tab(qtbot: QtBot, db: Database) -> None:
    user = user_named(db, "admin")
    with db.session() as s:
        unit = s.get_one(OrgUnit, user.org_unit_id)
    window = MainWindow(db, user, unit)
    qtbot.addWidget(window)
    assert isinstance(window.charts, ChartTab)
    assert window.tabs.indexOf(window.charts) == 3


def test_switching_charts_draws_each_with_its_table(qtbot: QtBot, db: Database) -> None:
    tab = open_tab(qtbot, db)
    assert tr("charts", "Customers by level and kind") in title_of(tab)
    assert tab.table_model.rowCount() > 0
    for name, title in (
        ("card_ratio", "Card payment ratio per month"),
        ("loss_rate", "Customer loss rate per month"),
        ("complaints_pareto", "Complaints by category (Pareto)"),
    ):
        with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
            click_list_item(qtbot, tab.chart_list, tr("charts", title))
        assert tab.shown is not None and tab.shown.chart == name
        assert tr("charts", title) in title_of(tab)
        assert tab.table_model.rowCount() > 0
    # The loss rate chart says how "lost" is defined.
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        click_list_item(qtbot, tab.chart_list, tr("charts", "Customer loss rate per month"))
    texts = [t.get_text() for ax in tab.shown.figure.axes for t in ax.texts]
    assert tr("charts", "Lost: no visit for more than {days} days").format(days=90) in texts


def test_drill_down_by_clicking_bars_and_back_up(qtbot: QtBot, db: Database) -> None:
    tab = open_tab(qtbot, db)
    area = tab.shown.scope.children[0]
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        click_bar(qtbot, tab, area.id)
    assert tab.shown.scope.unit.id == area.id
    assert tab.scope_combo.currentText().strip() == area.name
    station = tab.shown.scope.children[0]
    assert station.kind == OrgKind.STATION
    assert {g for g in tab.shown.frame["group"]} <= {c.name for c in tab.shown.scope.children}
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        click_bar(qtbot, tab, station.id)
    assert tab.shown.scope.unit.id == station.id and tab.shown.scope.breakdown == "customers"
    # Below a station, a level's bar lists that level's customers.
    level = next(lv for lv in tab.shown.frame["level"] if lv)
    click_bar(qtbot, tab, "level:" + level)
    qtbot.waitUntil(lambda: "last_visit" in tab.shown.frame.columns, timeout=10_000)
    with db.session() as s:
        expected = s.scalar(
            select(Customer.id)
            .where(Customer.org_unit_id == station.id, Customer.level == level)
            .where(Customer.deleted.is_(False))
            .with_only_columns(__import__("sqlalchemy").func.count())
        )
    assert tab.table_model.rowCount() == expected
    # Up, twice: the area, then the company.
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        click(qtbot, button(tab, tr("ChartTab", "Up one level")))
    assert tab.shown.scope.unit.id == area.id
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        click(qtbot, button(tab, tr("ChartTab", "Up one level")))
    assert tab.shown.scope.unit.id == user_named(db, "admin").org_unit_id
    assert not tab.up_button.isEnabled()


def test_big_customer_share_drills_down_too(qtbot: QtBot, db: Database) -> None:
    tab = open_tab(qtbot, db)
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        tab.show_chart("big_share")
    area = tab.shown.scope.children[1]
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        click_bar(qtbot, tab, area.id)
    assert tab.shown.chart == "big_share" and tab.shown.scope.unit.id == area.id


def test_export_writes_the_table_to_excel(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(qtbot, db)
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        tab.show_chart("card_ratio")
    target = tmp_path / "card"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "Excel"))
    )
    click(qtbot, button(tab, tr("ChartTab", "Export to Excel…")))
    book = load_workbook(tmp_path / "card.xlsx")
    sheet = book.active
    assert sheet["A1"].value == tr("charts", "Card payment ratio per month")
    headers = [c.value for c in sheet[3]]
    assert headers[:3] == [tr("charts", "Month"), tr("charts", "Visits"), tr("charts", "Litres")]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 12 and rows[-1][0] == "2026-06"
    frame = tab.shown.frame
    assert rows[-1][1] == int(frame["visits"].iloc[-1])


def test_staff_chart_only_their_station(qtbot: QtBot, db: Database) -> None:
    tab = open_tab(qtbot, db, "gs0101-staff1")
    assert tab.scope_combo.count() == 1
    assert tab.shown.scope.breakdown == "customers"


def test_a_scope_without_data_says_so(qtbot: QtBot, db: Database) -> None:
    with db.sessions.begin() as s:
        admin = s.scalars(select(User).where(User.login == "admin")).one()
        area = s.get_one(OrgUnit, unit_id(db, "GS01"))
        create_org_unit(s, admin, "GS0199", "新建加油站", OrgKind.STATION, area)
    tab = open_tab(qtbot, db)
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        choose(tab.scope_combo, "新建加油站")
        tab.scope_combo.activated.emit(tab.scope_combo.currentIndex())
    assert tab.hint.text() == tr("ChartTab", "No data in this scope for this period.")
    texts = [t.get_text() for ax in tab.shown.figure.axes for t in ax.texts]
    assert texts == [tr("charts", "No data in this scope")]


def test_grading_lists_differences_and_applies_the_selected(qtbot: QtBot, db: Database) -> None:
    tab = open_tab(qtbot, db, "gs0101-master")
    tab.pages.setCurrentIndex(1)
    panel = tab.grading
    with qtbot.waitSignal(panel.computed, timeout=20_000) as computed:
        click(qtbot, button(panel, tr("GradingPanel", "Compute grades")))
    assert computed.args[0] == panel.model.rowCount() > 0
    first = panel.frame.iloc[0]
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.applied, timeout=20_000) as applied:
        click(qtbot, button(panel, tr("GradingPanel", "Apply to selected")))
    assert applied.args == [1]
    with db.session() as s:
        assert s.get_one(Customer, first["id"]).level == first["proposed"]
        change = s.scalars(
            select(LevelChange).where(LevelChange.customer_id == first["id"])
            .order_by(LevelChange.changed_at.desc())
        ).first()  # fmt: skip
        assert change is not None and change.new_level == first["proposed"]
    assert first["id"] not in set(panel.frame["id"])


def test_an_auditor_sees_grades_but_cannot_apply(qtbot: QtBot, db: Database) -> None:
    tab = open_tab(qtbot, db, "auditor")
    panel = tab.grading
    tab.pages.setCurrentIndex(1)
    with qtbot.waitSignal(panel.computed, timeout=30_000):
        click(qtbot, button(panel, tr("GradingPanel", "Compute grades")))
    assert not panel.apply_selected_button.isEnabled()
    assert not panel.apply_all_button.isEnabled()


def test_the_settings_page_changes_the_definition_of_lost(qtbot: QtBot, db: Database) -> None:
    from desktop_crm.services.settings import get_setting
    from desktop_crm.views.settings.grading_page import GradingPage

    page = GradingPage(db, user_named(db, "admin"))
    qtbot.addWidget(page)
    page.show()
    assert page.lost_days.value() == 90
    page.cutoffs["B"].setValue(95)  # above A: refused with a message, nothing saved
    click(qtbot, button(page, tr("GradingPage", "Save")))
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10_000)
    assert page.message.text() == tr(
        "errors", "The cut-offs must fall from A to C, e.g. 91, 81 and 65."
    )
    page.cutoffs["B"].setValue(81)
    page.lost_days.setValue(30)
    click(qtbot, button(page, tr("GradingPage", "Save")))
    qtbot.waitUntil(lambda: page.message.text() == tr("GradingPage", "Saved."), timeout=10_000)
    with db.session() as s:
        assert get_setting(s, "charts.lost_days") == 30
        assert get_setting(s, "grading.cutoffs") == {"A": 91, "B": 81, "C": 65}
    tab = open_tab(qtbot, db)
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        tab.show_chart("loss_rate")
    texts = [t.get_text() for ax in tab.shown.figure.axes for t in ax.texts]
    assert tr("charts", "Lost: no visit for more than {days} days").format(days=30) in texts


def test_a_stations_own_bar_lists_its_customers(qtbot: QtBot, db: Database) -> None:
    tab = open_tab(qtbot, db, "gs0101-master")
    with qtbot.waitSignal(tab.chart_shown, timeout=20_000):
        tab.show_chart("big_share")
    station = tab.shown.scope.unit
    click_bar(qtbot, tab, station.id)
    qtbot.waitUntil(lambda: "last_visit" in tab.shown.frame.columns, timeout=10_000)
    with db.session() as s:
        names = s.scalars(
            select(Customer.id).where(
                Customer.org_unit_id == station.id, Customer.deleted.is_(False)
            )
        ).all()
    assert set(tab.shown.frame["key"]) == set(names)
    assert tab.hint.text().startswith(tr("ChartTab", "Customers of %1: %2").split("%1")[0])


def test_a_choice_made_while_computing_is_drawn_next(qtbot: QtBot, db: Database) -> None:
    from PySide6.QtWidgets import QProgressDialog

    tab = open_tab(qtbot, db)
    drawn: list[str] = []
    tab.chart_shown.connect(drawn.append)
    base.invalidate()  # so that the first computation takes a moment
    tab.show_chart("card_ratio")
    assert tab.computing and tab.busy.isVisible()
    tab.show_chart("loss_rate")  # chosen before card_ratio came back
    assert windows(QProgressDialog) == []  # the tab shows a busy bar, the window stays usable
    qtbot.waitUntil(lambda: drawn == ["loss_rate"] and not tab.computing, timeout=30_000)
    assert tab.shown.chart == "loss_rate" and not tab.busy.isVisible()
