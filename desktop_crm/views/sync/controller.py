"""Sync with the head office in the background, on demand (F5), and say how it went.

Every few minutes (and shortly after the window opens) the desktop syncs off the GUI
thread when it is enrolled; F5 syncs at once. A head office that cannot be reached is
normal for a desktop that works offline: the status bar says so in plain words and
nothing pops up. The status bar shows the last successful sync, the changes waiting to
be sent (rows with usn = -1) and the last error.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop_crm.localtime import local_minute
from desktop_crm.models.db import Database
from desktop_crm.sync import state
from desktop_crm.sync.errors import SyncError
from desktop_crm.views.background import DetachedOp, error_text, run_detached

SYNC_EVERY_MS = 5 * 60 * 1000
FIRST_SYNC_AFTER_MS = 3000
STATUS_EVERY_MS = 20 * 1000


class _Stopped(Exception):
    """The window closed while a sync ran: it stops at the next page (and resumes later)."""


@dataclass(frozen=True)
class SyncOutcome:
    status: state.SyncStatus
    pulled: int = 0
    error: str | None = None  # this run's failure, in the user's language


def read_status(db: Database) -> state.SyncStatus:
    with db.sessions() as session:
        return state.status(session)


class SyncController(QObject):
    """Owns the timers, the F5 action and the two status-bar labels of one main window."""

    data_arrived = Signal()  # a sync applied rows from the head office

    def __init__(
        self,
        db: Database,
        parent: QWidget,
        *,
        sync_every_ms: int = SYNC_EVERY_MS,
        first_sync_after_ms: int = FIRST_SYNC_AFTER_MS,
        status_every_ms: int = STATUS_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.status: state.SyncStatus | None = None
        self._op: DetachedOp[SyncOutcome] | None = None
        self._stop = threading.Event()
        self.label = QLabel()
        self.label.setObjectName("statusSync")
        self.error_label = QLabel()
        self.error_label.setObjectName("statusSyncError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error_label.setMinimumWidth(120)
        self.error_label.hide()
        self.sync_action = QAction(self.tr("&Sync with head office now"), parent)
        self.sync_action.setObjectName("syncNow")
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sync_action.triggered.connect(self.sync_now)
        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(sync_every_ms)
        self.sync_timer.timeout.connect(self.sync_now)
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(status_every_ms)
        self.status_timer.timeout.connect(self.refresh_status)
        self.first_sync_after_ms = first_sync_after_ms
        self._show(None)

    # -- starting and stopping -----------------------------------------------------------
    def start(self) -> None:
        """Read the status; if enrolled, sync soon and then every few minutes."""
        self._stop.clear()
        self.refresh_status(then_start=True)

    def stop(self) -> None:
        """The window closes: no new sync, and one running stops after its current page."""
        self._stop.set()
        self.sync_timer.stop()
        self.status_timer.stop()

    @property
    def syncing(self) -> bool:
        return self._op is not None and self._op.running

    # -- the status -----------------------------------------------------------------------
    def refresh_status(self, then_start: bool = False) -> None:
        db = self.db

        def done(status: state.SyncStatus) -> None:
            if self._stop.is_set():
                return
            self.status = status
            if not self.syncing:
                self._show(SyncOutcome(status))
            if then_start and status.enrolled:
                self._begin_timers()

        run_detached(lambda: read_status(db), done, lambda _exc: None)

    def _begin_timers(self) -> None:
        if not self.sync_timer.isActive():
            self.sync_timer.start()
            self.status_timer.start()
            QTimer.singleShot(self.first_sync_after_ms, self.sync_now)

    def enrolled(self) -> None:
        """The desktop was just enrolled (or joined): sync from now on."""
        self._stop.clear()
        self.refresh_status(then_start=True)

    # -- syncing ---------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.syncing or self._stop.is_set():
            return
        if self.status is not None and not self.status.enrolled:
            self._show(SyncOutcome(self.status))
            return
        self.label.setText(self.tr("Syncing with the head office…"))
        stop = self._stop
        db = self.db

        def work() -> SyncOutcome:
            return run_sync(db, stop)

        self._op = run_detached(work, self._synced, self._failed)

    def _synced(self, outcome: SyncOutcome) -> None:
        self._op = None
        if self._stop.is_set():
            return
        self.status = outcome.status
        if outcome.status.enrolled:
            self._begin_timers()
        self._show(outcome)
        if outcome.pulled:
            self.data_arrived.emit()

    def _failed(self, exc: Exception) -> None:  # a bug, not an offline head office
        self._op = None
        if self._stop.is_set() or self.status is None:
            return
        self._show(SyncOutcome(self.status, error=error_text(exc)))

    # -- showing ---------------------------------------------------------------------------
    def _show(self, outcome: SyncOutcome | None) -> None:
        if outcome is None:
            self.label.setText("")
            self.label.hide()
            return
        status = outcome.status
        self.label.show()
        if not status.enrolled:
            self.label.setText(self.tr("Head office: not enrolled"))
            self.label.setToolTip("")
            self.error_label.hide()
            return
        when = local_minute(status.last_success_at) if status.last_success_at else self.tr("never")
        self.label.setText(
            self.tr("Last sync: {when} · {count} changes waiting").format(
                when=when, count=status.waiting
            )
        )
        self.label.setToolTip(
            self.tr("Head office {server}, enrolled for {unit}").format(
                server=status.server_url or "", unit=status.unit_code or ""
            )
        )
        error = outcome.error or status.last_error
        if error:
            self.error_label.setText(self.tr("Sync failed: {reason}").format(reason=error))
            self.error_label.setToolTip(error)
            self.error_label.show()
        else:
            self.error_label.setText("")
            self.error_label.hide()


def run_sync(db: Database, stop: threading.Event) -> SyncOutcome:
    """One sync (on a worker thread); a failure the user can act on is an outcome, not an
    exception: the client has recorded it as the last error."""
    from desktop_crm.sync.client import SyncClient

    def progress(_stage: str, _done: int) -> None:
        if stop.is_set():
            raise _Stopped()

    pulled = 0
    error: str | None = None
    try:
        with SyncClient(db, progress=progress) as client:
            pulled = client.sync().pulled
    except SyncError as failure:
        error = error_text(failure)
    except _Stopped:
        pass
    return SyncOutcome(read_status(db), pulled, error)
