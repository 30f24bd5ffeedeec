"""Runs the callback rules off the GUI thread: at start, and again when the day changes.

``RulesRunner(db, parent)``; ``start()`` runs the rules at once and then checks the
local date every few minutes (a desktop left on overnight makes the next day's tasks
in the morning). Signals: ``progressed(done, total, label)`` with a translated label
(for a status line: a run on a million customers takes a few seconds and never blocks
the window), ``finished(RulesResult)`` and ``failed(message)``.

The visit scan, which only reads, runs first in a read transaction; only then does
the run take the write lock (BEGIN IMMEDIATE), so other work waits as little as
possible. A run refused because another writer got in first is started again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from sqlalchemy.exc import OperationalError

from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_datetime
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.rules import RulesResult, prepare_scan, run_rules
from desktop_crm.views.background import WorkSignals, emit_safely, error_text, run_and_report

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 5 * 60_000
LOCK_RETRIES = 8


def local_today() -> date:
    return local_datetime(now_ms()).date()


class _Run(QRunnable):
    def __init__(self, db: Database, today: date, signals: WorkSignals) -> None:
        super().__init__()
        self.db, self.today, self.signals = db, today, signals
        self.setAutoDelete(True)

    def _progress(self, done: int, total: int, label: str) -> None:
        emit_safely(
            self.signals.progressed, done, total, QCoreApplication.translate("callbacks", label)
        )

    def run(self) -> None:
        run_and_report(self._rules, self.signals)

    def _rules(self) -> Any:
        with self.db.sessions() as session:  # reads only: no write lock yet
            scan = prepare_scan(session, self.today)
        for attempt in range(LOCK_RETRIES):
            try:
                with self.db.writer.begin() as session:
                    return run_rules(session, self.today, self._progress, scan=scan)
            except OperationalError as exc:
                if "locked" not in str(exc) or attempt == LOCK_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")


class RulesRunner(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)  # RulesResult
    failed = Signal(str)

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        today: Callable[[], date] = local_today,
        check_every_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.db, self._today = db, today
        self.last_day: date | None = None  # the day of the last run started
        self.last_result: RulesResult | None = None
        self._running = False
        self._signals = WorkSignals()
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progressed.connect(self.progressed, queued)
        self._signals.finished.connect(self._finished, queued)
        self._signals.failed.connect(self._failed, queued)
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.check_day)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Run now, then whenever the local date has changed."""
        self.run_now()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check_day(self) -> None:
        if self._today() != self.last_day:
            self.run_now()

    def run_now(self) -> bool:
        """Start a run for today, unless one is under way."""
        if self._running:
            return False
        self._running = True
        self.last_day = self._today()
        QThreadPool.globalInstance().start(_Run(self.db, self.last_day, self._signals))
        return True

    def _finished(self, result: RulesResult) -> None:
        self._running = False
        self.last_result = result
        log.info(
            "callback rules for %s: created %s, closed %d in %.1f s",
            result.today,
            result.created,
            result.closed,
            result.seconds,
        )
        self.finished.emit(result)

    def _failed(self, exc: Exception, details: str) -> None:
        self._running = False
        self.last_day = None  # try again at the next check
        log.error("callback rules failed: %s\n%s", exc, details)
        self.failed.emit(error_text(exc))
