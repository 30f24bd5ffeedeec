"""The Reports dialog through real widgets, in the Chinese UI: choose a report, a unit and a
day, export to Excel and PDF, preview; the Reports menu and the customer file's print
button open it. The file chooser (a native dialog) answers with a path given here."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDateEdit, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop_crm.models.db import Database
from desktop_crm.views.reports.report_dialog import ReportDialog
from tests.conftest import Org
from tests.gui_helpers import button, chinese_ui, choose, click, windows
from tests.report_data import DAY, add_data


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


@pytest.fixture
def data(db: Database, org: Org) -> dict[str, str]:
    return add_data(db, org)


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(path), "")))  # fmt: skip


def open_dialog(qtbot: QtBot, db: Database, org: Org, login: str, **kwargs: object) -> ReportDialog:
    dialog = ReportDialog(db, org.users[login], today=DAY, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def status(dialog: ReportDialog) -> str:
    label = dialog.findChild(QLabel, "reportStatus")
    assert label is not None
    return label.text()


def test_export_the_daily_report_to_excel(qtbot: QtBot, db: Database, org: Org,
                                          data: dict[str, str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    dialog = open_dialog(qtbot, db, org, "admin")
    kind = dialog.findChild(QComboBox, "reportKind")
    unit = dialog.findChild(QComboBox, "reportUnit")
    choose(kind, "日报表")
    choose(unit, "东湖加油站 (GS0101)")
    assert dialog.findChild(QLabel, "reportPeriod").text() == "2026-11-23"
    target = tmp_path / "daily.xlsx"
    answer_save_dialog(monkeypatch, target)
    click(qtbot, button(dialog, "导出到 Excel…"))
    qtbot.waitUntil(lambda: target.exists() and "已保存" in status(dialog), timeout=20_000)
    book = load_workbook(target, read_only=True)
    summary = {r[0]: r[1] if len(r) > 1 else None
               for r in book["概要"].iter_rows(values_only=True) if r and r[0]}  # fmt: skip
    assert "日报表" in summary
    assert summary["到站次数"] == 2 and summary["持卡消费比率"] == "71.4%"
    assert "按油品统计" in book.sheetnames


def test_a_day_without_data_says_so_and_still_saves(qtbot: QtBot, db: Database, org: Org,
                                                    data: dict[str, str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    dialog = open_dialog(qtbot, db, org, "admin")
    choose(dialog.findChild(QComboBox, "reportUnit"), "西湖加油站 (GS0201)")
    dialog.findChild(QDateEdit, "reportDate").setDate(QDate(2026, 11, 25))
    target = tmp_path / "empty.pdf"
    answer_save_dialog(monkeypatch, target)
    click(qtbot, button(dialog, "另存为 PDF…"))
    qtbot.waitUntil(lambda: "已保存" in status(dialog), timeout=20_000)
    assert "西湖加油站 在 2026-11-25 没有任何记录。" in status(dialog)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                              check=True).stdout  # fmt: skip
        assert "没有任何记录" in text


def test_a_station_master_sees_only_the_own_station(qtbot: QtBot, db: Database, org: Org,
                                                    data: dict[str, str]) -> None:  # fmt: skip
    dialog = open_dialog(qtbot, db, org, "master")
    unit = dialog.findChild(QComboBox, "reportUnit")
    assert [unit.itemText(i).strip() for i in range(unit.count())] == ["东湖加油站 (GS0101)"]
    kind = dialog.findChild(QComboBox, "reportKind")
    choose(kind, "回访报告")
    assert dialog.findChild(QLabel, "reportPeriod").text() == "2026-11-23 – 2026-11-29"
    tab_charts = dialog.findChild(QCheckBox, "reportTabCharts")
    assert not tab_charts.isVisible()  # only the monthly pack can carry the charts tab
    choose(kind, "月度分析")
    assert tab_charts.isVisible()
    assert dialog.findChild(QLabel, "reportPeriod").text() == "2026-11-01 – 2026-11-30"
    choose(kind, "投诉台账")
    span = dialog.findChild(QComboBox, "reportSpan")
    assert span.isEnabled()  # a register can cover a day, a week or a month
    choose(span, "周")
    assert dialog.findChild(QLabel, "reportPeriod").text() == "2026-11-23 – 2026-11-29"


def test_preview_shows_the_rendered_pages(qtbot: QtBot, db: Database, org: Org,
                                          data: dict[str, str]) -> None:  # fmt: skip
    dialog = open_dialog(qtbot, db, org, "master")
    choose(dialog.findChild(QComboBox, "reportKind"), "月度分析")
    click(qtbot, button(dialog, "打印预览…"))
    qtbot.waitUntil(lambda: len(windows(QPrintPreviewDialog)) == 1, timeout=20_000)
    preview = windows(QPrintPreviewDialog)[0]
    assert preview.windowTitle() == "月度分析"
    assert dialog.last_pages and dialog.last_pages[0].width() > 1000  # A4 at 150 dpi
    page = dialog.last_pages[0]
    assert page.pixelColor(10, 10).name() == "#ffffff"  # white paper with ink on it
    assert any(page.pixelColor(x, 120).lightness() < 128 for x in range(90, 400))
    preview.close()


def test_print_the_customer_file_from_the_detail_view(qtbot: QtBot, db: Database, org: Org,
                                                      data: dict[str, str], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from desktop_crm.views.customers.detail_view import CustomerDetailView

    view = CustomerDetailView(db, org.users["staff"])
    qtbot.addWidget(view)
    view.show()
    view.show_customer(data["zhao"])
    print_button = button(view, "打印档案…")
    qtbot.waitUntil(print_button.isEnabled, timeout=10_000)
    click(qtbot, print_button)
    qtbot.waitUntil(lambda: len(windows(ReportDialog)) == 1, timeout=5_000)
    dialog = windows(ReportDialog)[0]
    assert dialog.findChild(QComboBox, "reportKind").currentText() == "客户档案"
    target = tmp_path / "file.pdf"
    answer_save_dialog(monkeypatch, target)
    click(qtbot, button(dialog, "另存为 PDF…"))
    qtbot.waitUntil(lambda: target.exists(), timeout=20_000)
    dialog.close()


def test_the_reports_menu_opens_the_dialog(qtbot: QtBot, db: Database, org: Org,
                                           data: dict[str, str]) -> None:  # fmt: skip
    from desktop_crm.models import OrgUnit
    from desktop_crm.views.main_window import MainWindow

    with db.session() as s:
        unit = s.get_one(OrgUnit, org.users["admin"].org_unit_id)
    window = MainWindow(db, org.users["admin"], unit)
    qtbot.addWidget(window)
    window.show()
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "报表(&R)")
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["日报表(&D)…", "回访报告(&W)…", "月度分析(&M)…", "投诉台账(&C)…"]
    actions["回访报告(&W)…"].trigger()
    qtbot.waitUntil(lambda: len(windows(ReportDialog)) == 1, timeout=5_000)
    dialog = windows(ReportDialog)[0]
    assert dialog.findChild(QComboBox, "reportKind").currentText() == "回访报告"
    dialog.close()
