"""The head-office sync in the app, against a real server process: the enrol dialog,
F5, the status bar, and plain words when the head office is down or not trusted."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_crm.app import show_main_window
from desktop_crm.models import OrgKind, OrgUnit, User
from desktop_crm.models.db import Database, open_database
from desktop_crm.services.orgs import create_org_unit
from desktop_crm.views.main_window import MainWindow
from desktop_crm.views.sync.enrol_dialog import EnrolDialog
from tests.gui_helpers import chinese_ui, click, message_boxes, type_into
from tests.sync_helpers import ServerProcess, free_port, server_database_url
from tests.sync_world import World


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    made = World.start(tmp_path, server_database_url("sqlite", tmp_path))
    yield made
    made.close()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "desk.db")
    yield database
    database.close()


def enrol_through_dialog(qtbot: QtBot, db: Database, server: str, code: str) -> EnrolDialog:
    dialog = EnrolDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.server_edit, server)
    type_into(qtbot, dialog.code_edit, code)
    click(qtbot, dialog.ok_button)
    return dialog


def wait_refusal(qtbot: QtBot, dialog: EnrolDialog) -> str:
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=20_000)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ok_button.isEnabled()
    return dialog.message.text()


def add_unit(db: Database, code: str, name: str, kind: OrgKind, parent_code: str) -> str:
    """An org unit made by the administrator at this desktop, as the settings page does."""
    with db.writer() as session:
        admin = session.scalars(select(User).where(User.login == "admin")).one()
        parent = session.scalars(select(OrgUnit).where(OrgUnit.code == parent_code)).one()
        unit = create_org_unit(session, admin, code, name, kind, parent)
        session.commit()
        return unit.id


def status_text(window: MainWindow, name: str) -> str:
    label = window.statusBar().findChild(QLabel, name)
    assert label is not None
    return label.text() if label.isVisible() else ""


def test_enrol_through_the_dialog_then_f5_and_the_status_bar(
    qtbot: QtBot, world: World, desk: Database
) -> None:
    dialog = enrol_through_dialog(qtbot, desk, world.server.url, world.code("GS"))
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=30_000)
    assert dialog.enrolment is not None and dialog.enrolment.unit.code == "GS"
    with desk.sessions() as session:  # the administrator came with the first sync
        admin = session.scalars(select(User).where(User.login == "admin")).one()

    window = show_main_window(desk, admin)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "上次同步：" in status_text(window, "statusSync"), timeout=10_000)
    assert "0 条更改待发送" in status_text(window, "statusSync")
    assert status_text(window, "statusSyncError") == ""

    # Work done here waits for the next sync, and the status bar counts it.
    area_id = add_unit(desk, "GS01", "东城片区", OrgKind.AREA, "GS")
    window.sync.refresh_status()
    qtbot.waitUntil(
        lambda: (
            "条更改待发送" in status_text(window, "statusSync")
            and "0 条更改待发送" not in status_text(window, "statusSync")
        ),
        timeout=10_000,
    )

    # F5 sends it; the head office has it and nothing waits here.
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.sync.syncing, timeout=30_000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "0 条更改待发送" in status_text(window, "statusSync"), timeout=30_000)
    assert area_id in world.server_rows()["org_units"]
    assert status_text(window, "statusSyncError") == ""

    # The head office goes away: F5 says so in the status bar, no dialog, work goes on.
    world.server.stop()
    add_unit(desk, "GS0101", "东湖加油站", OrgKind.STATION, "GS01")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "无法连接总部" in status_text(window, "statusSyncError"),
                    timeout=30_000)  # fmt: skip
    assert status_text(window, "statusSyncError").startswith("同步失败：")
    assert "0 条更改待发送" not in status_text(window, "statusSync")
    assert message_boxes() == []

    # Back again: the next F5 sends the waiting change and clears the error.
    world.restart_server()
    qtbot.waitUntil(lambda: not window.sync.syncing, timeout=30_000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "0 条更改待发送" in status_text(window, "statusSync"), timeout=30_000)
    qtbot.waitUntil(lambda: status_text(window, "statusSyncError") == "", timeout=5_000)
    window.sync.stop()


def test_a_wrong_code_and_a_head_office_that_is_down_are_said_plainly(
    qtbot: QtBot, world: World, desk: Database
) -> None:
    dialog = enrol_through_dialog(qtbot, desk, world.server.url, "ABCD-EFGH-JKLM-NPQR")
    said = wait_refusal(qtbot, dialog)
    assert said.startswith("注册码被拒绝") and "管理员" in said

    nobody = f"http://127.0.0.1:{free_port()}"
    type_into(qtbot, dialog.server_edit, nobody)
    type_into(qtbot, dialog.code_edit, world.code("GS"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "无法连接总部" in dialog.message.text(), timeout=20_000)
    assert nobody in dialog.message.text() and message_boxes() == []
    with desk.sessions() as session:  # nothing was half-done
        assert session.scalar(select(User.id).limit(1)) is None


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_an_untrusted_certificate_is_said_plainly(
    qtbot: QtBot, world: World, desk: Database, tmp_path: Path
) -> None:
    cert, key = tmp_path / "hq.pem", tmp_path / "hq.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    with ServerProcess(world.url, tmp_path / "tls.log", tls=(cert, key)) as tls:
        https = tls.url.replace("http://", "https://")
        dialog = enrol_through_dialog(qtbot, desk, https, world.code("GS"))
        said = wait_refusal(qtbot, dialog)
    assert "证书" in said and "DESKTOP_CRM_CA_BUNDLE" in said


def head_office_with_station(world: World) -> None:
    """The administrator's desktop adds area GS01 and station GS0101, and syncs."""
    hq = world.desktop("hq", "GS")
    add_unit(hq.db, "GS01", "东城片区", OrgKind.AREA, "GS")
    add_unit(hq.db, "GS0101", "东湖加油站", OrgKind.STATION, "GS01")
    hq.sync()


def test_a_new_desktop_joins_a_head_office_at_first_run(
    qtbot: QtBot, world: World, desk: Database
) -> None:
    from desktop_crm.views.first_run_dialog import FirstRunDialog
    from tests.gui_helpers import wait_window

    head_office_with_station(world)
    first = FirstRunDialog(desk)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    assert first.join_button.text() == "加入总部…"
    click(qtbot, first.join_button)
    dialog = wait_window(qtbot, EnrolDialog)
    assert dialog.windowTitle() == "注册到总部"
    type_into(qtbot, dialog.server_edit, world.server.url)
    type_into(qtbot, dialog.code_edit, world.code("GS0101"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: first.result() == QDialog.DialogCode.Accepted, timeout=30_000)
    assert first.joined and first.admin is None
    with desk.sessions() as session:  # its org path and the people above it came along
        codes = set(session.scalars(select(OrgUnit.code)))
        assert {"GS", "GS01", "GS0101"} <= codes
        assert session.scalars(select(User.login)).all() == ["admin"]


def test_a_stand_alone_station_joins_from_the_main_window(
    qtbot: QtBot, world: World, desk: Database
) -> None:
    from desktop_crm.services.setup import first_run
    from tests.conftest import FIRST_RUN
    from tests.sync_world import Desktop, add_customer

    head_office_with_station(world)
    with desk.sessions.begin() as session:
        admin = first_run(session, FIRST_RUN)
    customer_id = add_customer(Desktop("desk", desk, "", "", ""), "admin", "周杰", "13912345678")
    window = show_main_window(desk, admin)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: status_text(window, "statusSync") == "总部：未注册", timeout=10_000)
    assert window.enrol_action.isEnabled()
    window.enrol_action.trigger()
    from tests.gui_helpers import wait_window, windows

    dialog = wait_window(qtbot, EnrolDialog)
    type_into(qtbot, dialog.server_edit, world.server.url)
    type_into(qtbot, dialog.code_edit, world.code("GS0101"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "joinedBox") is not None, timeout=30_000)
    box = window.findChild(QWidget, "joinedBox")
    assert "GS0101" in box.text() and "重新" in box.text()  # type: ignore[attr-defined]
    box.accept()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert windows(MainWindow) == []
    server = world.server_rows()
    assert customer_id in server["customers"]
    with desk.sessions() as session:
        admin_now = session.scalars(select(User).where(User.login == "admin")).one()
        assert admin_now.id in server["users"] and admin_now.id != admin.id
