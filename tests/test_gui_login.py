"""Start-up through real widgets: first run, login with lockout, the main window, a bad file."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from desktop_crm import i18n
from desktop_crm.app import log_in, make_application, open_or_explain, show_main_window
from desktop_crm.config import Preferences
from desktop_crm.ids import now_ms
from desktop_crm.models import AuditEvent, LoginState, OrgKind, OrgUnit, Role, User
from desktop_crm.models.db import Database
from desktop_crm.services.auth import verify_password
from desktop_crm.views.first_run_dialog import FirstRunDialog
from desktop_crm.views.login_dialog import LoginDialog
from desktop_crm.views.main_window import MainWindow
from tests.conftest import PASSWORD, Org
from tests.gui_helpers import button, chinese_ui, click, edit, type_into


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


def count(db: Database, model: type) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


# -- first run ----------------------------------------------------------------------
FIRST_RUN_INPUT = {
    "company_code": "GS",
    "company_name": "测试石油分公司",
    "area_code": "GS01",
    "area_name": "东城片区",
    "station_code": "GS0101",
    "station_name": "东湖加油站",
    "admin_login": "admin",
    "admin_name": "王建国",
}


def open_first_run(qtbot: QtBot, db: Database) -> FirstRunDialog:
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "首次运行：设置客户服务系统"
    return dialog


def fill_first_run(qtbot: QtBot, dialog: FirstRunDialog, password: str, repeat: str) -> None:
    for key, value in FIRST_RUN_INPUT.items():
        type_into(qtbot, edit(dialog, key), value)
    type_into(qtbot, edit(dialog, "admin_password"), password)
    type_into(qtbot, edit(dialog, "repeat"), repeat)


def wait_message(qtbot: QtBot, dialog: QDialog, text: str) -> None:
    label = dialog.findChild(QLabel, "message")
    assert label is not None
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == text, timeout=3000)


def test_first_run_creates_org_path_and_admin(qtbot: QtBot, db: Database) -> None:
    dialog = open_first_run(qtbot, db)
    fill_first_run(qtbot, dialog, PASSWORD, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        click(qtbot, button(dialog, "创建"))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.admin is not None and dialog.admin.login == "admin"

    with db.session() as s:
        units = {u.code: u for u in s.scalars(select(OrgUnit))}
        assert set(units) == {"GS", "GS01", "GS0101"}
        company, area, station = units["GS"], units["GS01"], units["GS0101"]
        assert (company.kind, area.kind, station.kind) == (
            OrgKind.COMPANY,
            OrgKind.AREA,
            OrgKind.STATION,
        )
        assert (company.name, area.name, station.name) == (
            "测试石油分公司",
            "东城片区",
            "东湖加油站",
        )
        assert company.parent_id is None and company.path == f"/{company.id}/"
        assert area.parent_id == company.id and area.path == f"/{company.id}/{area.id}/"
        assert station.parent_id == area.id
        assert station.path == f"/{company.id}/{area.id}/{station.id}/"
        admin = s.scalars(select(User)).one()
        assert (admin.login, admin.name, admin.role) == ("admin", "王建国", Role.COMPANY_ADMIN)
        assert admin.org_unit_id == company.id
        assert verify_password(admin.password_hash, PASSWORD)
        assert not verify_password(admin.password_hash, "wrong-one")


def test_first_run_mismatched_passwords_create_nothing(qtbot: QtBot, db: Database) -> None:
    dialog = open_first_run(qtbot, db)
    fill_first_run(qtbot, dialog, PASSWORD, "secret124")
    click(qtbot, button(dialog, "创建"))
    wait_message(qtbot, dialog, "两次输入的密码不一致。")
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert count(db, User) == 0 and count(db, OrgUnit) == 0


def test_first_run_short_password_rolls_back(qtbot: QtBot, db: Database) -> None:
    dialog = open_first_run(qtbot, db)
    fill_first_run(qtbot, dialog, "abc12", "abc12")
    click(qtbot, button(dialog, "创建"))
    wait_message(qtbot, dialog, "密码至少需要 6 个字符。")
    # The org units were flushed before the user failed: the whole transaction rolled back.
    assert count(db, OrgUnit) == 0 and count(db, User) == 0 and count(db, AuditEvent) == 0
    assert dialog.isVisible() and dialog.admin is None
    assert button(dialog, "创建").isEnabled()  # the user can correct it and try again

    type_into(qtbot, edit(dialog, "admin_password"), PASSWORD)
    type_into(qtbot, edit(dialog, "repeat"), PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        click(qtbot, button(dialog, "创建"))
    assert count(db, OrgUnit) == 3 and count(db, User) == 1


# -- login --------------------------------------------------------------------------
def open_login(qtbot: QtBot, db: Database) -> LoginDialog:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "登录"
    return dialog


def attempt(qtbot: QtBot, dialog: LoginDialog, login: str, password: str) -> str:
    """Type the credentials, press 登录 and wait for the answer; the message shown."""
    label = dialog.findChild(QLabel, "message")
    assert label is not None
    type_into(qtbot, edit(dialog, "login"), login)
    type_into(qtbot, edit(dialog, "password"), password)
    ok = button(dialog, "登录")
    click(qtbot, ok)
    assert not ok.isEnabled()  # checking in the background; no second click meanwhile
    qtbot.waitUntil(
        lambda: ok.isEnabled() or dialog.result() == QDialog.DialogCode.Accepted, timeout=3000
    )
    return label.text()


def user_row(db: Database, login: str) -> User:
    with db.session() as s:
        return s.scalars(select(User).where(User.login == login)).one()


def lock_row(db: Database, login: str) -> LoginState:
    """This desktop's failed-login count and lock for a login name."""
    with db.session() as s:
        return s.get_one(LoginState, login)


def test_wrong_password_counts_down(qtbot: QtBot, org: Org, db: Database) -> None:
    dialog = open_login(qtbot, db)
    message = attempt(qtbot, dialog, "staff", "not-it")
    assert message == "用户名或密码错误。再失败 4 次，账号将被锁定 5 分钟。"
    assert edit(dialog, "password").text() == ""  # cleared for the next try
    assert dialog.isVisible() and dialog.user is None
    assert attempt(qtbot, dialog, "staff", "not-it") == (
        "用户名或密码错误。再失败 3 次，账号将被锁定 5 分钟。"
    )
    assert lock_row(db, "staff").failed_logins == 2


def test_five_failures_lock_until_the_time_runs_out(qtbot: QtBot, org: Org, db: Database) -> None:
    dialog = open_login(qtbot, db)
    for left in (4, 3, 2, 1):
        assert attempt(qtbot, dialog, "staff", "wrong") == (
            f"用户名或密码错误。再失败 {left} 次，账号将被锁定 5 分钟。"
        )
    locked = attempt(qtbot, dialog, "staff", "wrong")
    assert locked.startswith("密码已连续错误 5 次：账号 staff 已被锁定 5 分钟（至 "), locked
    assert "已被锁定 5 分钟" in locked

    stored = lock_row(db, "staff")
    assert stored.failed_logins == 5
    assert stored.locked_until is not None
    assert 4 * 60_000 < stored.locked_until - now_ms() <= 5 * 60_000

    # The right password does not get through a lock.
    refused = attempt(qtbot, dialog, "staff", PASSWORD)
    assert refused.startswith("账号 staff 因连续 5 次登录失败已被锁定。请 5 分钟后（"), refused
    assert dialog.user is None and dialog.result() != QDialog.DialogCode.Accepted

    # Time passes: the lock has run out.
    with db.sessions.begin() as s:
        s.execute(
            update(LoginState)
            .where(LoginState.login == "staff")
            .values(locked_until=now_ms() - 1000)
        )
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        attempt(qtbot, dialog, "staff", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.login == "staff"
    stored = lock_row(db, "staff")
    assert stored.locked_until is None and stored.failed_logins == 0
    assert stored.last_login_at is not None


def test_deactivated_user_is_refused(qtbot: QtBot, org: Org, db: Database) -> None:
    with db.sessions.begin() as s:
        s.execute(update(User).where(User.login == "master").values(active=False))
    dialog = open_login(qtbot, db)
    assert attempt(qtbot, dialog, "master", PASSWORD) == "账号 master 已被停用，请联系管理员。"
    assert dialog.user is None and dialog.isVisible()


def test_unknown_user_and_empty_name(qtbot: QtBot, org: Org, db: Database) -> None:
    dialog = open_login(qtbot, db)
    assert attempt(qtbot, dialog, "nobody", PASSWORD) == (
        "用户名或密码错误。再失败 4 次，账号将被锁定 5 分钟。"
    )
    label = dialog.findChild(QLabel, "message")
    edit(dialog, "login").clear()
    click(qtbot, button(dialog, "登录"))
    assert label.text() == "请输入用户名。"


def test_right_password_logs_in_with_enter(qtbot: QtBot, org: Org, db: Database) -> None:
    dialog = open_login(qtbot, db)
    assert button(dialog, "退出").isEnabled()
    type_into(qtbot, edit(dialog, "login"), "admin")
    type_into(qtbot, edit(dialog, "password"), PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        qtbot.keyClick(edit(dialog, "password"), Qt.Key.Key_Return)
    assert dialog.user is not None and dialog.user.id == org.users["admin"].id
    with db.session() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.user_id == dialog.user.id))
        assert "login" in list(actions)


def test_quit_rejects(qtbot: QtBot, org: Org, db: Database) -> None:
    dialog = open_login(qtbot, db)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        click(qtbot, button(dialog, "退出"))
    assert dialog.user is None


def test_first_run_needs_every_name(qtbot: QtBot, db: Database) -> None:
    dialog = open_first_run(qtbot, db)
    fill_first_run(qtbot, dialog, PASSWORD, PASSWORD)
    edit(dialog, "area_name").clear()
    click(qtbot, button(dialog, "创建"))
    wait_message(qtbot, dialog, "请填写所有字段。")
    assert count(db, OrgUnit) == 0


# -- the whole start-up: first run, then login (both modal, driven by a timer) -------
@contextmanager
def driving(steps: dict[type, Callable[[QDialog], None]]) -> Iterator[list[str]]:
    """While inside, act once on each dialog of a class in ``steps`` that becomes modal.

    ``exec()`` blocks, so a timer running in the dialogs' own event loop plays the user.
    """
    handled: list[QDialog] = []
    names: list[str] = []
    started = time.monotonic()

    def tick() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, QDialog):
            return
        if time.monotonic() - started > 6:  # give up rather than hang the test run
            widget.reject()
            return
        act = next((a for cls, a in steps.items() if isinstance(widget, cls)), None)
        if act is not None and not any(widget is h for h in handled):
            handled.append(widget)
            names.append(type(widget).__name__)
            act(widget)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    try:
        yield names
    finally:
        timer.stop()


def test_log_in_runs_first_run_then_login(qtbot: QtBot, db: Database) -> None:
    seen: dict[str, str] = {}

    def set_up(dialog: QDialog) -> None:
        fill_first_run(qtbot, dialog, PASSWORD, PASSWORD)
        click(qtbot, button(dialog, "创建"))

    def log_in_as_admin(dialog: QDialog) -> None:
        seen["login"] = edit(dialog, "login").text()  # filled in from the first run
        type_into(qtbot, edit(dialog, "password"), PASSWORD)
        click(qtbot, button(dialog, "登录"))

    with driving({FirstRunDialog: set_up, LoginDialog: log_in_as_admin}) as handled:
        user = log_in(db)
    assert handled == ["FirstRunDialog", "LoginDialog"]
    assert seen["login"] == "admin"
    assert user is not None and user.login == "admin" and user.role == Role.COMPANY_ADMIN
    assert count(db, OrgUnit) == 3

    window = open_main(qtbot, db, user)
    assert status(window, "statusOrg") == "单位：测试石油分公司 [GS]"


def test_log_in_without_first_run_when_users_exist(qtbot: QtBot, org: Org, db: Database) -> None:
    def quit_login(dialog: QDialog) -> None:
        assert edit(dialog, "login").text() == ""
        click(qtbot, button(dialog, "退出"))

    with driving({FirstRunDialog: quit_login, LoginDialog: quit_login}) as handled:
        assert log_in(db) is None
    assert handled == ["LoginDialog"]


# -- the main window ----------------------------------------------------------------
def open_main(qtbot: QtBot, db: Database, user: User) -> MainWindow:
    window = show_main_window(db, user)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def status(window: MainWindow, name: str) -> str:
    label = window.statusBar().findChild(QLabel, name)
    assert label is not None and label.isVisible(), name
    return label.text()


def action_for(window: MainWindow, key: QKeySequence.StandardKey) -> QAction:
    found = [a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence(key)]
    assert len(found) == 1
    return found[0]


def test_main_window_in_chinese(qtbot: QtBot, org: Org, db: Database) -> None:
    window = open_main(qtbot, db, org.users["admin"])
    assert window.windowTitle() == "客户服务系统"
    assert tab_titles(window) == ["客户档案", "回访队列", "投诉处理", "图表"]
    assert status(window, "statusUser") == "用户：王建国（公司客户管理员）"
    assert status(window, "statusOrg") == "单位：测试石油分公司 [GS]"
    assert status(window, "statusDb") == f"数据库：{db.path}"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "客户(&C)", "报表(&R)", "总部(&O)", "设置(&S)", "帮助(&H)"]

    find = action_for(window, QKeySequence.StandardKey.Find)
    new = action_for(window, QKeySequence.StandardKey.New)
    assert find.text() == "查找客户(&F)" and new.text() == "新建客户(&N)"
    assert find.shortcut().toString() == "Ctrl+F" and new.shortcut().toString() == "Ctrl+N"
    assert find.isEnabled() and new.isEnabled()
    window.activateWindow()
    find.trigger()
    search = window.findChild(QLineEdit, "customerSearch")
    qtbot.waitUntil(search.hasFocus, timeout=2000)


def test_the_later_tabs_are_built_after_the_customer_list(
    qtbot: QtBot, org: Org, db: Database
) -> None:
    """The customer file opens first; the other tabs follow by themselves, or at once when
    the user clicks one, and keep their place and title."""
    from desktop_crm.views.callbacks.tab import CallbackTab
    from desktop_crm.views.charts.tab import ChartTab
    from desktop_crm.views.complaints.tab import ComplaintTab
    from desktop_crm.views.main_window import PlaceholderTab

    window = open_main(qtbot, db, org.users["admin"])
    later = [window.tabs.widget(i) for i in (1, 2, 3)]
    assert all(isinstance(tab, PlaceholderTab) for tab in later)
    window.tabs.setCurrentIndex(3)  # a click on 图表 builds it at once
    assert isinstance(window.tabs.widget(3), ChartTab) and window.tabs.currentIndex() == 3
    qtbot.waitUntil(lambda: isinstance(window.tabs.widget(1), CallbackTab), timeout=5000)
    qtbot.waitUntil(lambda: isinstance(window.tabs.widget(2), ComplaintTab), timeout=5000)
    assert tab_titles(window) == ["客户档案", "回访队列", "投诉处理", "图表"]
    assert window.tabs.currentIndex() == 3
    assert window.callbacks is window.tabs.widget(1) and window.charts is window.tabs.widget(3)


def test_main_window_for_station_staff(qtbot: QtBot, org: Org, db: Database) -> None:
    window = open_main(qtbot, db, org.users["staff"])
    assert status(window, "statusUser") == "用户：李娜（加油员/客服）"
    assert status(window, "statusOrg") == "单位：东湖加油站 [GS0101]"
    assert window.settings_action.toolTip() == "您只能修改“常规”页。"


def test_english_is_selectable(
    qtbot: QtBot, org: Org, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DESKTOP_CRM_LANG", raising=False)
    assert i18n.install("en") == "en"
    window = open_main(qtbot, db, org.users["admin"])
    assert window.windowTitle() == "Customer service"
    assert tab_titles(window) == ["Customer file", "Callback queue", "Complaints", "Charts"]
    assert status(window, "statusUser") == "User: 王建国 (Company administrator)"
    # The fixture restores zh_CN afterwards; check that doing so works here too.
    i18n.install("zh_CN")
    assert tab_titles(open_main(qtbot, db, org.users["admin"]))[0] == "客户档案"


def test_saved_preference_chooses_language_at_start(
    qtbot: QtBot, org: Org, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DESKTOP_CRM_LANG", raising=False)
    Preferences(language="en").save()
    make_application()
    assert tab_titles(open_main(qtbot, db, org.users["admin"]))[0] == "Customer file"
    # DESKTOP_CRM_LANG wins over the saved preference.
    monkeypatch.setenv("DESKTOP_CRM_LANG", "zh_CN")
    make_application()
    assert tab_titles(open_main(qtbot, db, org.users["admin"]))[0] == "客户档案"


# -- a file that is not a database --------------------------------------------------
def test_not_a_database_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("客户名单\nthis is not a database\n", encoding="utf-8")
    before = path.read_bytes()
    seen: list[tuple[str, str, QMessageBox.Icon]] = []

    def close_box(tries: int = 0) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            assert tries < 100, "no message box appeared"
            QTimer.singleShot(20, lambda: close_box(tries + 1))
            return
        seen.append((box.windowTitle(), box.text(), box.icon()))
        click(qtbot, box.button(QMessageBox.StandardButton.Ok))

    QTimer.singleShot(0, close_box)
    assert open_or_explain(path) is None
    assert seen == [
        (
            "无法打开数据库",
            f"{path} 不是 desktop_crm 数据库（不是 SQLite 文件）。请选择其他文件，或从备份恢复。",
            QMessageBox.Icon.Critical,
        )
    ]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "notes.db"]


def test_an_older_database_is_updated_behind_a_dialog_that_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Opening a store of an older version updates it off the GUI thread: a dialog says
    what is happening (minutes on a big store) and the program keeps answering."""
    from sqlalchemy import text

    from desktop_crm.models.db import head_revision, make_engine, run_migrations

    path = tmp_path / "旧版.db"
    engine = make_engine(path)
    run_migrations(engine, "0001")
    engine.dispose()
    seen: list[str] = []

    def look() -> None:  # runs while the update does, on the GUI thread
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            seen.append(f"{dialog.windowTitle()}|{dialog.findChild(QLabel).text()}")

    ticker = QTimer()
    ticker.timeout.connect(look)
    ticker.start(5)
    try:
        db = open_or_explain(path)
    finally:
        ticker.stop()
    assert db is not None
    try:
        assert db.backup is not None and db.backup.exists()
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
    finally:
        db.close()
    assert seen, "no dialog while the database was updated"
    assert seen[0] == (
        "正在更新数据库|正在将 旧版.db 更新到本版程序的格式，更新前会先保留一份副本。"
        "数据量大时需要几分钟，请稍候。"
    )
    assert QApplication.activeModalWidget() is None  # gone once the update is done


def test_a_current_database_opens_without_the_update_dialog(qtbot: QtBot, db: Database) -> None:
    from desktop_crm.models.db import needs_migration

    assert not needs_migration(db.path)
    assert not needs_migration(db.path.with_name("no-such.db"))
