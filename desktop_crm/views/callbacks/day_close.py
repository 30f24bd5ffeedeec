"""日清日结 in the window: at the end of the day (when the local time passes the
setting "callbacks.day_close_time", default 17:30), from the menu, and when the main
window closes, the user sees the tasks due today that have no record yet and can go
back to record them, or close anyway."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_datetime
from desktop_crm.models import Role, User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.day_close import day_close_time, unrecorded_today
from desktop_crm.services.callbacks.queue import TaskRow
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.callbacks.labels import booked_time, reason_name

CHECK_EVERY_MS = 60_000


class DayCloseDialog(QDialog):
    """The tasks due today without a record; back to the queue, or close anyway."""

    go_back = Signal()
    close_anyway = Signal()

    def __init__(self, rows: list[TaskRow], closing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Callbacks not recorded today"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "{n} callbacks due today have no record yet. Each day's callbacks are "
                "recorded the same day (日清日结)."
            ).format(n=len(rows))
        )
        intro.setObjectName("dayCloseIntro")
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("unrecordedList")
        for row in rows:
            when = (
                self.tr("booked {time}").format(time=booked_time(row.appointment_at))
                if row.appointment_at
                else ""
            )
            parts = [row.customer or self.tr("(no name)"), reason_name(row.reason), when]
            self.list.addItem(" · ".join(p for p in parts if p))
        buttons = QDialogButtonBox()
        self.back_button = QPushButton(self.tr("Go back and record"))
        self.back_button.setObjectName("goBackAndRecord")
        self.back_button.setDefault(True)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button.clicked.connect(self._back)
        if closing:
            self.close_button = QPushButton(self.tr("Close anyway"))
            self.close_button.setObjectName("closeAnyway")
            self.close_button.clicked.connect(self._close_anyway)
        else:
            self.close_button = QPushButton(self.tr("Later"))
            self.close_button.setObjectName("later")
            self.close_button.clicked.connect(self.reject)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.nothing_left = not rows
        if self.nothing_left:
            intro.setText(self.tr("Every callback due today is recorded."))
            self.list.hide()
            self.back_button.setText(self.tr("OK"))
            self.close_button.hide()

    def _back(self) -> None:
        self.accept()
        if not self.nothing_left:
            self.go_back.emit()

    def _close_anyway(self) -> None:
        self.reject()
        self.close_anyway.emit()


class DayCloseGuard(QObject):
    """Watches the end of the day for one window; its ``action`` belongs in a menu and
    ``allow_close()`` in the window's closeEvent. ``checked(after)`` follows each check
    of the clock (after: the day's end has passed)."""

    checked = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        db: Database,
        user: User,
        *,
        clock: Callable[[], int] = now_ms,
        interval_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(window)
        self.window, self.db, self.user, self.clock = window, db, user, clock
        self.dialog: DayCloseDialog | None = None
        self._closing_anyway = False
        self._after_close_time: bool | None = None  # at the last check (None: not checked)
        self._reminded: date | None = None
        self.action = QAction(self.tr("Unrecorded callbacks today…"), window)
        self.action.setObjectName("unrecordedToday")
        self.action.triggered.connect(self.show_unrecorded)
        self.action.setEnabled(user.role != Role.AUDITOR)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        if user.role != Role.AUDITOR:
            self.timer.start()
            QTimer.singleShot(0, self._tick)

    def today(self) -> date:
        return local_datetime(self.clock()).date()

    # -- the end of the working day --------------------------------------------------
    def _tick(self) -> None:
        """Remind once a day, when the local time passes the configured hour."""
        now = local_datetime(self.clock())
        user = self.user

        def work(_ctx: OpContext) -> tuple[bool, list[TaskRow]]:
            with self.db.sessions() as session:  # reads only: never waits for a writer
                after = now.time() >= day_close_time(session)
                return after, (unrecorded_today(session, user, now.date()) if after else [])

        def done(result: tuple[bool, list[TaskRow]]) -> None:
            if not isValid(self):
                return
            after, rows = result
            crossed = self._after_close_time is False and after
            self._after_close_time = after
            if crossed and self._reminded != now.date() and rows and self.dialog is None:
                self._reminded = now.date()
                self._show(rows, closing=False)
            self.checked.emit(after)

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def show_unrecorded(self) -> None:
        """The menu's check: always answers, even when all is recorded."""
        user, today = self.user, self.today()

        def work(_ctx: OpContext) -> list[TaskRow]:
            with self.db.sessions() as session:  # reads only
                return unrecorded_today(session, user, today)

        def done(rows: list[TaskRow]) -> None:
            if isValid(self):
                self._show(rows, closing=False)

        run_in_background(self.window, self.db, work, done)

    # -- closing the window ----------------------------------------------------------
    def allow_close(self) -> bool:
        """False (and the list shown) while the user has tasks due today without a record.

        Runs on the GUI thread: closing needs the answer now, and the query is one
        lookup on the (assignee, status, due date) index, well under a millisecond.
        """
        if self._closing_anyway or self.user.role == Role.AUDITOR:
            return True
        if self.dialog is not None and self.dialog.isVisible():
            return False
        with self.db.session() as session:
            rows = unrecorded_today(session, self.user, self.today())
        if not rows:
            return True
        self._show(rows, closing=True)
        return False

    def _show(self, rows: list[TaskRow], closing: bool) -> None:
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.close()
        dialog = DayCloseDialog(rows, closing, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.go_back.connect(self._go_back)
        dialog.close_anyway.connect(self._close_anyway)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: DayCloseDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _go_back(self) -> None:
        from desktop_crm.views.callbacks.tab import CallbackTab

        # The main window builds its callback tab on first use.
        tab = getattr(self.window, "callbacks", None)
        if not isinstance(tab, CallbackTab):
            tabs = self.window.findChildren(CallbackTab)
            if not tabs:
                return
            tab = tabs[0]
        for holder in self.window.findChildren(QTabWidget):
            if holder.indexOf(tab) >= 0:
                holder.setCurrentWidget(tab)
        tab.show_today()

    def _close_anyway(self) -> None:
        self._closing_anyway = True
        self.window.close()
        if isValid(self) and self.window.isVisible():
            self._closing_anyway = False  # something else kept the window open
