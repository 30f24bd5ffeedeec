"""BackgroundOp: work on a worker thread in one transaction, results and errors on the GUI."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import OrgKind, OrgUnit
from desktop_crm.models.db import Database
from desktop_crm.services.orgs import create_org_unit
from desktop_crm.views.background import BackgroundOp, OpContext, run_in_background
from tests.gui_helpers import chinese_ui, click, message_boxes, windows


@pytest.fixture(autouse=True)
def ui(qapp: QApplication) -> Iterator[QApplication]:
    yield from chinese_ui(qapp)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.resize(400, 300)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def units(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(OrgUnit.code)))


def add_company(ctx: OpContext, code: str = "GS") -> str:
    return create_org_unit(ctx.session, None, code, "测试石油分公司", OrgKind.COMPANY, None).id


def wait_done(qtbot: QtBot, op: BackgroundOp[Any], timeout: int = 3000) -> None:
    qtbot.waitUntil(lambda: not op.running, timeout=timeout)


def test_work_on_a_worker_thread_result_on_the_gui_thread(
    qtbot: QtBot, db: Database, window: QWidget
) -> None:
    seen: dict[str, Any] = {}

    def work(ctx: OpContext) -> int:
        seen["work"] = threading.current_thread()
        return 42

    def on_success(result: int) -> None:
        seen["success"] = threading.current_thread()
        seen["result"] = result

    op = run_in_background(window, db, work, on_success)
    assert op.running
    assert window.cursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.waitUntil(lambda: "result" in seen, timeout=3000)
    assert seen["result"] == 42
    assert seen["work"] is not threading.main_thread()
    assert seen["success"] is threading.main_thread()
    assert not op.running
    assert window.cursor().shape() == Qt.CursorShape.ArrowCursor  # busy cursor gone


def test_success_commits(qtbot: QtBot, db: Database) -> None:
    done: list[str] = []
    op = run_in_background(None, db, add_company, done.append)
    wait_done(qtbot, op)
    assert len(done) == 1
    assert units(db) == ["GS"]
    with db.session() as s:
        assert s.get_one(OrgUnit, done[0]).code == "GS"


def test_exception_rolls_back(qtbot: QtBot, db: Database) -> None:
    failures: list[Exception] = []
    inside: list[list[str]] = []

    def work(ctx: OpContext) -> None:
        add_company(ctx)
        inside.append(list(ctx.session.scalars(select(OrgUnit.code))))  # written, not committed
        raise RuntimeError("disk on fire")

    successes: list[object] = []
    op = run_in_background(None, db, work, successes.append, on_failure=failures.append)
    wait_done(qtbot, op)
    assert inside == [["GS"]]
    assert [str(e) for e in failures] == ["disk on fire"] and successes == []
    assert units(db) == []
    assert message_boxes() == []  # on_failure took it: no dialog


def test_unexpected_error_says_nothing_was_changed(
    qtbot: QtBot, db: Database, window: QWidget
) -> None:
    def work(ctx: OpContext) -> None:
        add_company(ctx)
        raise RuntimeError("disk on fire")

    op = run_in_background(window, db, work)
    qtbot.waitUntil(lambda: len(message_boxes()) == 1, timeout=3000)
    assert not op.running
    box = message_boxes()[0]
    assert box.windowTitle() == "错误"
    assert box.text() == "操作失败，未做任何更改。"
    assert box.informativeText() == "disk on fire"
    assert "RuntimeError: disk on fire" in box.detailedText()
    assert units(db) == []
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    assert message_boxes() == []


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (ValidationError(QT_TRANSLATE_NOOP("errors", "Enter a name.")), "请输入名称。"),
        (
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "The code {code} is already used by another unit."),
                field="code",
                code="GS01",
            ),
            "代码 GS01 已被其他单位使用。",
        ),
    ],
)
def test_user_error_shows_translated_message(
    qtbot: QtBot, db: Database, window: QWidget, error: ValidationError, text: str
) -> None:
    def work(ctx: OpContext) -> None:
        add_company(ctx)
        raise error

    successes: list[object] = []
    run_in_background(window, db, work, successes.append)
    qtbot.waitUntil(lambda: len(message_boxes()) == 1, timeout=3000)
    box = message_boxes()[0]
    assert (box.windowTitle(), box.text(), box.icon()) == ("错误", text, QMessageBox.Icon.Warning)
    assert box.informativeText() == "" and box.detailedText() == ""
    assert successes == [] and units(db) == []
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))


def slow_work(steps: int = 8, pause: float = 0.1) -> Any:
    def work(ctx: OpContext) -> str:
        unit_id = add_company(ctx)
        for step in range(steps):
            ctx.progress(step, steps, f"第 {step + 1} 步")
            time.sleep(pause)
        ctx.progress(steps, steps, "完成")
        return unit_id

    return work


def test_slow_work_shows_progress_and_the_gui_stays_responsive(
    qtbot: QtBot, db: Database, window: QWidget
) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    done: list[str] = []
    started = time.monotonic()
    op = run_in_background(window, db, slow_work(), done.append)

    # After the delay (400 ms) a progress dialog appears, with the work's own labels.
    qtbot.waitUntil(lambda: len(windows(QProgressDialog)) == 1, timeout=2000)
    progress = windows(QProgressDialog)[0]
    assert time.monotonic() - started >= 0.35
    assert progress.parent() is window
    assert progress.windowTitle() == "正在处理…"
    assert progress.maximum() == 8
    assert progress.labelText().startswith("第 ")
    assert progress.findChildren(QPushButton) == [] or not any(
        b.isVisible() for b in progress.findChildren(QPushButton)
    )  # not cancellable: no Cancel button
    qtbot.waitUntil(lambda: progress.value() >= 5, timeout=2000)

    wait_done(qtbot, op)
    timer.stop()
    assert len(done) == 1 and units(db) == ["GS"]
    assert windows(QProgressDialog) == []
    # The event loop kept running while the worker slept: ~40 ticks of 20 ms in 0.8 s.
    during = [t for t in ticks if started <= t]
    assert len(during) >= 10, len(during)
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert max(gaps) < 0.4, max(gaps)


def test_progress_and_finish_arriving_together(qtbot: QtBot, db: Database, window: QWidget) -> None:
    """The last progress report and the result reach the GUI in the same turn of its loop.

    QProgressDialog.setValue on a shown modal dialog processes events, so the result is
    handled inside it and the dialog is gone before the progress slot finishes.
    """
    go = threading.Event()

    def work(ctx: OpContext) -> str:
        unit_id = add_company(ctx)
        ctx.progress(1, 3, "第 1 步")
        assert go.wait(3)
        ctx.progress(3, 3, "完成")  # then straight to the result
        return unit_id

    done: list[str] = []
    op = run_in_background(window, db, work, done.append, progress_delay_ms=50)
    qtbot.waitUntil(lambda: len(windows(QProgressDialog)) == 1, timeout=2000)
    go.set()
    time.sleep(0.2)  # the GUI is busy: both signals are queued before it looks again
    wait_done(qtbot, op)
    assert len(done) == 1 and units(db) == ["GS"]
    assert windows(QProgressDialog) == []


def test_quick_work_shows_no_progress(qtbot: QtBot, db: Database, window: QWidget) -> None:
    appeared: list[QProgressDialog] = []
    watch = QTimer()
    watch.setInterval(10)
    watch.timeout.connect(lambda: appeared.extend(windows(QProgressDialog)))
    watch.start()
    op = run_in_background(window, db, add_company, label="保存")
    wait_done(qtbot, op)
    qtbot.wait(500)  # past the progress delay
    watch.stop()
    assert appeared == [] and units(db) == ["GS"]


def test_cancel_stops_the_work_and_rolls_back(qtbot: QtBot, db: Database, window: QWidget) -> None:
    successes: list[object] = []
    op = run_in_background(
        window, db, slow_work(steps=30), successes.append, label="导入客户", cancellable=True
    )
    qtbot.waitUntil(lambda: len(windows(QProgressDialog)) == 1, timeout=2000)
    progress = windows(QProgressDialog)[0]
    assert progress.windowTitle() == "导入客户"
    cancel = [b for b in progress.findChildren(QPushButton) if b.isVisible()]
    assert len(cancel) == 1
    click(qtbot, cancel[0])
    wait_done(qtbot, op)
    assert successes == []
    assert units(db) == []  # rolled back
    assert message_boxes() == []  # cancelling is not an error
    assert windows(QProgressDialog) == []


def test_results_in_order_of_completion(qtbot: QtBot, db: Database) -> None:
    """Several operations at once each report exactly once."""
    results: list[int] = []
    ops = [run_in_background(None, db, lambda ctx, n=n: n, results.append) for n in range(5)]
    for op in ops:
        wait_done(qtbot, op)
    assert sorted(results) == [0, 1, 2, 3, 4]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(OrgUnit)) == 0
