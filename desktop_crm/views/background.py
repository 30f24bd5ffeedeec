"""Database work off the GUI thread, with a progress indicator and errors as dialogs.

After Anki's CollectionOp / QueryOp: a tab hands over a function of a session; it
runs on a worker thread in one transaction (committed on success, rolled back on
failure); its result comes back on the GUI thread. A progress dialog appears only if
the work takes longer than a moment.
"""

from __future__ import annotations

import contextlib
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop_crm.errors import UserError
from desktop_crm.i18n import translate_message
from desktop_crm.models.db import Database

T = TypeVar("T")
LOCK_RETRIES = 8


class Cancelled(Exception):
    """Raised inside the work when the user pressed Cancel."""


@dataclass
class OpContext:
    """What the work function gets: its session and a way to report progress."""

    session: Session
    _report: Callable[[int, int, str], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int, label: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._report(done, total, label)


class WorkSignals(QObject):
    """How work on a worker thread reports to the GUI thread (queued connections)."""

    finished = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int, str)


def run_and_report(call: Callable[[], Any], signals: WorkSignals) -> None:
    """Run ``call`` on this worker thread; its result or error goes to the GUI thread."""
    try:
        result = call()
    except Exception as exc:  # reported on the GUI thread
        emit_safely(signals.failed, exc, traceback.format_exc())
        return
    emit_safely(signals.finished, result)


def emit_safely(signal: Any, *args: Any) -> None:
    with contextlib.suppress(RuntimeError):  # shutting down: nobody is left to tell
        signal.emit(*args)


class _Runner(QRunnable):
    def __init__(
        self,
        db: Database,
        work: Callable[[OpContext], Any],
        signals: WorkSignals,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self.db, self.work, self.signals, self.cancel = db, work, signals, cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        run_and_report(self._run_with_retries, self.signals)

    def _run_with_retries(self) -> Any:
        """Run the work in one transaction; start it again if another writer got in first.

        Two operations that read, then write, can collide: SQLite refuses the second
        writer at once ("database is locked") instead of waiting. Nothing was written by
        the refused one, so it simply runs again.
        """
        for attempt in range(LOCK_RETRIES):
            try:
                with self.db.writer.begin() as session:
                    return self.work(OpContext(session, self.signals.progressed.emit, self.cancel))
            except OperationalError as exc:
                if "locked" not in str(exc) or attempt == LOCK_RETRIES - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")


_running: set[BackgroundOp[Any]] = set()


class BackgroundOp(Generic[T]):
    """Run ``work`` on a worker thread; ``on_success`` gets its result on the GUI thread."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        work: Callable[[OpContext], T],
        on_success: Callable[[T], None] | None = None,
        *,
        label: str = "",
        on_failure: Callable[[Exception], None] | None = None,
        cancellable: bool = False,
        progress_delay_ms: int = 400,
    ) -> None:
        self.parent, self.db, self.work = parent, db, work
        self.on_success, self.on_failure = on_success, on_failure
        self.label, self.cancellable = label, cancellable
        self.progress_delay_ms = progress_delay_ms
        self._cancel = threading.Event()
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self._signals = WorkSignals()
        self._signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._last: tuple[int, int, str] = (0, 0, label)

    def run(self) -> BackgroundOp[T]:
        _running.add(self)
        if self.parent is not None:
            self.parent.setCursor(Qt.CursorShape.BusyCursor)
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)
        self._timer.start(self.progress_delay_ms)
        QThreadPool.globalInstance().start(_Runner(self.db, self.work, self._signals, self._cancel))
        return self

    @property
    def running(self) -> bool:
        return self in _running

    def _show_progress(self) -> None:
        if not self.running:
            return
        dialog = QProgressDialog(self.parent)
        dialog.setWindowTitle(self.label or QCoreApplication.translate("background", "Working…"))
        dialog.setLabelText(self.label or QCoreApplication.translate("background", "Working…"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self.cancellable:
            dialog.canceled.connect(self._cancel.set)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog
        self._progressed(*self._last)
        dialog.show()

    def _progressed(self, done: int, total: int, label: str) -> None:
        self._last = (done, total, label)
        if self._dialog is not None:
            if label:
                self._dialog.setLabelText(label)
            self._dialog.setMaximum(max(total, 0))
            # Last: on a shown modal dialog setValue processes events, which may finish the op.
            self._dialog.setValue(done if total else 0)

    def _cleanup(self) -> None:
        _running.discard(self)
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        if self.parent is not None:
            self.parent.unsetCursor()

    def _finished(self, result: T) -> None:
        self._cleanup()
        if self.on_success is not None:
            self.on_success(result)

    def _failed(self, exc: Exception, details: str) -> None:
        self._cleanup()
        if isinstance(exc, Cancelled):
            return
        if self.on_failure is not None:
            self.on_failure(exc)
            return
        show_error(self.parent, exc, details)


def error_text(exc: Exception) -> str:
    if isinstance(exc, UserError):
        return translate_message(exc.context, exc.text, exc.params)
    return str(exc) or exc.__class__.__name__


_orphan_boxes: set[QMessageBox] = set()  # boxes without a parent, kept until closed


def show_error(parent: QWidget | None, exc: Exception, details: str = "") -> None:
    box = QMessageBox(parent)
    if parent is None:
        _orphan_boxes.add(box)
        box.finished.connect(lambda _result: _orphan_boxes.discard(box))
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("background", "Error"))
    if isinstance(exc, UserError):
        box.setText(error_text(exc))
    else:
        box.setText(
            QCoreApplication.translate(
                "background", "The operation failed and nothing was changed."
            )
        )
        box.setInformativeText(error_text(exc))
        if details:
            box.setDetailedText(details)
    box.open()


def run_in_background(
    parent: QWidget | None,
    db: Database,
    work: Callable[[OpContext], T],
    on_success: Callable[[T], None] | None = None,
    **kwargs: Any,
) -> BackgroundOp[T]:
    return BackgroundOp(parent, db, work, on_success, **kwargs).run()


class _PlainRunner(QRunnable):
    """Runs ``work()`` as it is: for work that opens its own transactions (sync)."""

    def __init__(self, work: Callable[[], Any], signals: WorkSignals) -> None:
        super().__init__()
        self.work, self.signals = work, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        run_and_report(self.work, self.signals)


class DetachedOp(Generic[T]):
    """Work off the GUI thread with no dialog, no busy cursor and no transaction of its own:
    for what runs quietly beside the user's work (the head-office sync). The callbacks run
    on the GUI thread."""

    def __init__(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        self.work, self.on_success, self.on_failure = work, on_success, on_failure
        self._signals = WorkSignals()
        self._signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    def run(self) -> DetachedOp[T]:
        _detached.add(self)
        QThreadPool.globalInstance().start(_PlainRunner(self.work, self._signals))
        return self

    @property
    def running(self) -> bool:
        return self in _detached

    def _finished(self, result: T) -> None:
        _detached.discard(self)
        self.on_success(result)

    def _failed(self, exc: Exception, _details: str) -> None:
        _detached.discard(self)
        self.on_failure(exc)


_detached: set[DetachedOp[Any]] = set()


def run_detached(
    work: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[Exception], None],
) -> DetachedOp[T]:
    return DetachedOp(work, on_success, on_failure).run()


def wait_with_progress(work: Callable[[], T], title: str, label: str) -> T:
    """Run ``work`` off the GUI thread and wait for it behind a busy dialog without a
    cancel button: for start-up work that comes before any window (updating the
    database), so that the program answers and says what it is doing. Returns what
    ``work`` returns, or raises what it raised."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    dialog = QProgressDialog(label, "", 0, 0)  # no maximum: a busy indicator
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)

    def finished(result: T) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: Exception) -> None:
        outcome["error"] = exc
        loop.quit()

    run_detached(work, finished, failed)  # its answer is queued: it reaches the loop below
    dialog.show()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]
