"""The complaint list as a lazy Qt table model: pages arrive as the view scrolls."""

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
from PySide6.QtGui import QBrush, QColor
from shiboken6 import isValid

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.localtime import local_minute
from desktop_crm.models.db import Database
from desktop_crm.services.complaints.listing import ComplaintRow, Cursor, refresh_deadlines
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.complaints.labels import choice_label, remaining_text

Index = QModelIndex | QPersistentModelIndex
# fetch(ctx, cursor) -> (rows, next cursor); runs on a worker thread
Fetcher = Callable[[OpContext, Cursor | None], tuple[list[ComplaintRow], Cursor]]

COLUMNS: list[tuple[str, str]] = [
    ("number", QT_TRANSLATE_NOOP("ComplaintTableModel", "Number")),
    ("deadline", QT_TRANSLATE_NOOP("ComplaintTableModel", "Next deadline")),
    ("status", QT_TRANSLATE_NOOP("ComplaintTableModel", "Status")),
    ("type", QT_TRANSLATE_NOOP("ComplaintTableModel", "Type")),
    ("level", QT_TRANSLATE_NOOP("ComplaintTableModel", "Level")),
    ("category", QT_TRANSLATE_NOOP("ComplaintTableModel", "Category")),
    ("severity", QT_TRANSLATE_NOOP("ComplaintTableModel", "Severity")),
    ("station", QT_TRANSLATE_NOOP("ComplaintTableModel", "Station")),
    ("customer", QT_TRANSLATE_NOOP("ComplaintTableModel", "Customer")),
    ("owner", QT_TRANSLATE_NOOP("ComplaintTableModel", "Owner")),
    ("received", QT_TRANSLATE_NOOP("ComplaintTableModel", "Received")),
]
COLUMN = {key: n for n, (key, _label) in enumerate(COLUMNS)}

# Deadline states: text colour and a light background.
STATE_COLOURS: dict[str, tuple[str, str]] = {
    "in_time": ("#1b5e20", "#e8f5e9"),
    "warning": ("#8a4b00", "#fff3e0"),
    "overdue": ("#b00020", "#fdecea"),
}
PAUSED_COLOUR = "#666666"


class ComplaintTableModel(QAbstractTableModel):
    """Rows arrive a page at a time; a new query replaces them and drops late pages."""

    loading_changed = Signal(bool)
    first_page_loaded = Signal()

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[ComplaintRow] = []
        self._fetch: Fetcher | None = None
        self._cursor: Cursor | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.headers = [QCoreApplication.translate("ComplaintTableModel", t) for _k, t in COLUMNS]

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

        def work(ctx: OpContext) -> tuple[list[ComplaintRow], Cursor]:
            return fetch(ctx, cursor)

        def done(result: tuple[list[ComplaintRow], Cursor]) -> None:
            if not isValid(self) or generation != self._generation:
                return  # an older query answered late
            rows, next_cursor = result
            first = cursor is None
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
            from desktop_crm.views.background import show_error

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
        if key == "deadline" and row.deadline is not None:
            colours = STATE_COLOURS.get(row.deadline.state)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(PAUSED_COLOUR if row.paused or colours is None else colours[0])
            if role == Qt.ItemDataRole.BackgroundRole and colours and not row.paused:
                return QBrush(QColor(colours[1]))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.deadline_tooltip(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def display(self, row: ComplaintRow, key: str) -> str:
        if key == "deadline":
            if row.deadline is None:
                return ""
            text = f"{choice_label(row.deadline.kind)}: {remaining_text(row.deadline.remaining_ms)}"
            if row.paused:
                text = self.tr("Paused · {text}").format(text=text)
            return text
        if key in ("status", "type", "level", "category", "severity"):
            return choice_label(getattr(row, key))
        if key == "customer":
            if row.anonymous:
                return self.tr("Anonymous {phone}").format(phone=row.customer or "").strip()
            return row.customer or ""
        if key == "received":
            return local_minute(row.received_at)
        value = getattr(row, key)
        return "" if value is None else str(value)

    def deadline_tooltip(self, row: ComplaintRow) -> str:
        d = row.deadline
        assert d is not None
        return self.tr("{kind} due {due} ({state})").format(
            kind=choice_label(d.kind), due=local_minute(d.due_ms), state=choice_label(d.state)
        )

    def refresh_deadlines(self, now: int, share: float) -> None:
        """Recompute the remaining times shown (no query; the rows stay in place)."""
        if not self.rows:
            return
        refresh_deadlines(self.rows, now, share)
        column = COLUMN["deadline"]
        self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def complaint_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
