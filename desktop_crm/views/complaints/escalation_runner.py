"""Runs the deadline clock (warnings and escalations) every few minutes off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from desktop_crm.models.db import Database
from desktop_crm.views.background import OpContext, run_in_background

INTERVAL_MS = 5 * 60_000
log = logging.getLogger(__name__)


class EscalationRunner(QObject):
    """Calls ``run_escalation`` at start and then every ``interval_ms``; emits ``finished``
    with the EscalationResult. A run still going is not started twice."""

    finished = Signal(object)

    def __init__(
        self,
        db: Database,
        clock: Callable[[], int],
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
        wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.db, self.clock, self.wanted = db, clock, wanted
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self, first_delay_ms: int = 3_000) -> None:
        self.timer.start()
        QTimer.singleShot(first_delay_ms, self, self._tick)

    def _tick(self) -> None:
        if self.wanted():  # e.g. not once the window was closed
            self.run_now()

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        if self.running:
            return
        self.running = True
        now = self.clock()

        def work(ctx: OpContext) -> object:
            from desktop_crm.services.complaints.escalation import run_escalation

            return run_escalation(ctx.session, now)

        def done(result: object) -> None:
            if isValid(self):
                self.running = False
                self.finished.emit(result)

        def failed(exc: Exception) -> None:
            # The next tick tries again; a clock that fails must not pester the user
            # with a dialog every few minutes (the CLI run shows the error).
            log.warning("the complaint deadline clock failed: %s", exc)
            if isValid(self):
                self.running = False

        run_in_background(None, self.db, work, done, on_failure=failed, progress_delay_ms=60_000)
