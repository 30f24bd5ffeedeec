"""The import dialog through real widgets, in the Chinese UI: choose a real CSV file,
map a column that is not recognised, import on a worker thread, see the counts and the
refused rows, save the error report; and a file that cannot be imported."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_crm.models import Customer, User, Visit
from desktop_crm.models.db import Database
from desktop_crm.views.customers.import_dialog import ImportDialog
from tests.conftest import Org
from tests.gui_helpers import button, chinese_ui, choose, click, edit, type_into


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)
    QThreadPool.globalInstance().waitForDone(10_000)


def write_csv(path: Path, rows: list[list[str]], encoding: str = "gbk") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def open_dialog(qtbot: QtBot, db: Database, org: Org, login: str = "staff") -> ImportDialog:
    with db.session() as s:
        user = s.get_one(User, org.users[login].id)
    dialog = ImportDialog(db, user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def combo(dialog: ImportDialog, name: str) -> QComboBox:
    found = dialog.findChild(QComboBox, name)
    assert found is not None, name
    return found


def label(dialog: ImportDialog, name: str) -> QLabel:
    found = dialog.findChild(QLabel, name)
    assert found is not None, name
    return found


def test_import_with_a_mapped_column_and_row_errors(
    qtbot: QtBot, db: Database, org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(
        tmp_path / "客户名单.csv",
        [
            ["2025年东湖站客户名单"],
            ["姓名", "联系人手机", "车牌号", "等级"],
            ["张伟", "13812345678", "京a·12345", "A"],
            ["李娜", "1381234", "冀B88888", "B"],  # row 4: the phone is too short
            ["王芳", "139 8765 0001", "冀C66666", ""],
            ["赵磊", "", "京I12345", ""],  # row 6: I is never on a plate
        ],
    )
    dialog = open_dialog(qtbot, db, org)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    click(qtbot, button(dialog, tr("ImportDialog", "Browse…")))
    assert edit(dialog, "path").text() == str(path)
    click(qtbot, button(dialog, tr("ImportDialog", "Next")))

    # the mapping step: the header is found below the title; 联系人手机 is not known
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=5000)
    assert "2" in label(dialog, "mappingIntro").text()
    assert label(dialog, "column_1").text() == "联系人手机"
    phone_combo = combo(dialog, "map_1")
    assert phone_combo.currentData() == ""  # not imported unless chosen
    assert combo(dialog, "map_0").currentData() == "name"
    assert combo(dialog, "map_2").currentData() == "plate"
    choose(phone_combo, tr("import_fields", "Phone"))
    click(qtbot, button(dialog, tr("ImportDialog", "Import")))

    # the import runs in the background; then the counts and the refused rows
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    summary = label(dialog, "summary").text()
    assert "客户名单.csv" in summary
    view = dialog.findChild(QTableView, "errors")
    assert view is not None and view.isVisible()
    model = view.model()
    assert model.rowCount() == 2
    assert [model.index(r, 0).data() for r in range(2)] == [4, 6]
    assert "1381234" in model.index(0, 1).data()
    assert "李娜" in model.index(0, 2).data()
    with db.session() as s:
        found = {c.name: c for c in s.scalars(select(Customer))}
    assert set(found) == {"张伟", "王芳"}
    assert found["张伟"].phone == "13812345678" and found["王芳"].phone == "13987650001"

    # the error report, saved where the user chooses
    report = tmp_path / "错误行.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    click(qtbot, button(dialog, tr("ImportDialog", "Save error report…")))
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("行号,原因,姓名,联系人手机")
    assert lines[1].startswith("4,") and lines[2].startswith("6,")
    click(qtbot, button(dialog, tr("ImportDialog", "Close")))
    assert not dialog.isVisible()


def test_visits_import_creating_plate_only_customers(
    qtbot: QtBot, db: Database, org: Org, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "加油明细.csv",
        [
            ["车牌", "交易时间", "油品", "升数", "金额"],
            ["冀Z99999", "2025-01-02 08:15", "92#", "40", "300"],
        ],
        encoding="utf-8-sig",
    )
    dialog = open_dialog(qtbot, db, org)
    choose(combo(dialog, "kind"), tr("ImportDialog", "Refuel visits (card system export)"))
    type_into(qtbot, edit(dialog, "path"), str(path))
    click(qtbot, button(dialog, tr("ImportDialog", "Next")))
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=5000)
    click(qtbot, button(dialog, tr("ImportDialog", "Back")))
    checkbox = dialog.create_missing
    assert checkbox.isVisible()
    checkbox.setChecked(True)
    click(qtbot, button(dialog, tr("ImportDialog", "Next")))
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=5000)
    click(qtbot, button(dialog, tr("ImportDialog", "Import")))
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert dialog.result.imported == 1 and dialog.result.created_customers == 1
    assert dialog.error_model.rowCount() == 0
    assert not button(dialog, tr("ImportDialog", "Save error report…")).isEnabled()
    with db.session() as s:
        assert len(s.scalars(select(Visit)).all()) == 1


def test_a_file_that_cannot_be_imported_says_why(
    qtbot: QtBot, db: Database, org: Org, tmp_path: Path
) -> None:
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(b"not a workbook at all" * 50)
    dialog = open_dialog(qtbot, db, org)
    type_into(qtbot, edit(dialog, "path"), str(path))
    click(qtbot, button(dialog, tr("ImportDialog", "Next")))
    error = label(dialog, "chooseError")
    qtbot.waitUntil(lambda: error.text() != "", timeout=5000)
    assert "坏文件.xlsx" in error.text()
    assert dialog.pages.currentIndex() == 0
    with db.session() as s:
        assert s.scalars(select(Customer)).first() is None
