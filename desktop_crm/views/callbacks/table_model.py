"""The callback queue as a Qt model that fetches pages lazily, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from shiboken6 import isValid

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.queue import Group, QueueCursor, TaskRow
from desktop_crm.views.background import OpContext, run_in_background, show_error
from desktop_crm.views.callbacks.labels import booked_time, reason_name, status_name

Index = QModelIndex | QPersistentModelIndex
# fetch(ctx, cursor) -> (rows, next cursor); runs on a worker thread
Fetcher = Callable[[OpContext, QueueCursor | None], tuple[list[TaskRow], QueueCursor]]

COLUMNS: list[tuple[str, str]] = [
    ("reason", QT_TRANSLATE_NOOP("TaskTableModel", "Reason")),
    ("customer", QT_TRANSLATE_NOOP("TaskTableModel", "Customer")),
    ("level", QT_TRANSLATE_NOOP("TaskTableModel", "Level")),
    ("due", QT_TRANSLATE_NOOP("TaskTableModel", "Due / booked")),
    ("status", QT_TRANSLATE_NOOP("TaskTableModel", "Status")),
    ("attempts", QT_TRANSLATE_NOOP("TaskTableModel", "Tries")),
    ("assignee", QT_TRANSLATE_NOOP("TaskTableModel", "Assignee")),
    ("station", QT_TRANSLATE_NOOP("TaskTableModel", "Station")),
]
OVERDUE_COLOUR = QColor("#b00020")
BOOKED_COLOUR = QColor("#0d47a1")


class TaskTableModel(QAbstractTableModel):
    """Rows arrive a page at a time; a new query replaces them and drops late pages."""

    loading_changed = Signal(bool)
    first_page_loaded = Signal()

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[TaskRow] = []
        self._fetch: Fetcher | None = None
        self._cursor: QueueCursor | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.headers = [QCoreApplication.translate("TaskTableModel", t) for _k, t in COLUMNS]

    # -- queries -------------------------------------------------------------------
    def set_query(self, fetch: Fetcher) -> None:
        """Show what ``fetch`` returns, from its first page on."""
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self.endResetModel()
        self._fetch, self._cursor, self._more = fetch, None, True
        self._loading = False
        self._load_next()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._load_next()

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def complete(self) -> bool:
        return not self._more and not self._loading

    def _load_next(self) -> None:
        fetch, cursor, generation = self._fetch, self._cursor, self._generation
        if fetch is None:
            return
        self._loading = True
        self.loading_changed.emit(True)

        def work(ctx: OpContext) -> tuple[list[TaskRow], QueueCursor]:
            return fetch(ctx, cursor)

        def done(result: tuple[list[TaskRow], QueueCursor]) -> None:
            if not isValid(self) or generation != self._generation:
                return  # an older query answered late
            rows, next_cursor = result
            first = self._cursor is None
            self._loading = False
            self._cursor, self._more = next_cursor, not next_cursor.done
            if rows:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
                self.rows.extend(rows)
                self.endInsertRows()
            self.loading_changed.emit(False)
            if first:
                self.first_page_loaded.emit()

        def failed(exc: Exception) -> None:
            if not isValid(self):
                return
            if generation == self._generation:
                self._loading, self._more = False, False
                self.loading_changed.emit(False)
            show_error(None, exc)

        run_in_background(None, self.db, work, done, on_failure=failed, progress_delay_ms=10_000)

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.group == Group.OVERDUE:
                return OVERDUE_COLOUR
            if key == "due" and row.appointment_at is not None:
                return BOOKED_COLOUR
        if role == Qt.ItemDataRole.FontRole and key == "due" and row.group == Group.TODAY:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.purpose:
            return row.purpose
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def display(self, row: TaskRow, key: str) -> str:
        if key == "reason":
            return reason_name(row.reason)
        if key == "customer":
            return row.customer or self.tr("(no name)")
        if key == "due":
            if row.appointment_at is not None:
                return booked_time(row.appointment_at)
            return row.due_date
        if key == "status":
            if row.group == Group.OVERDUE:
                return self.tr("{status}, overdue").format(status=status_name(row.status))
            return status_name(row.status)
        if key == "attempts":
            return str(row.attempts) if row.attempts else ""
        value = getattr(row, key)
        return "" if value is None else str(value)

    def task(self, row: int) -> TaskRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, task_id: str) -> int:
        for n, item in enumerate(self.rows):
            if item.id == task_id:
                return n
        return -1
