"""The customer list as a Qt model that fetches pages lazily, off the GUI thread."""

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
from PySide6.QtGui import QColor
from shiboken6 import isValid

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models.db import Database
from desktop_crm.services.customer_list import Cursor, CustomerRow
from desktop_crm.services.customer_options import KINDS, STAGES, STATUSES
from desktop_crm.views.background import OpContext, run_in_background

Index = QModelIndex | QPersistentModelIndex
# fetch(ctx, cursor) -> (rows, next cursor); runs on a worker thread
Fetcher = Callable[[OpContext, Cursor | None], tuple[list[CustomerRow], Cursor]]

COLUMNS: list[tuple[str, str]] = [
    ("name", QT_TRANSLATE_NOOP("CustomerTableModel", "Name")),
    ("kind", QT_TRANSLATE_NOOP("CustomerTableModel", "Kind")),
    ("level", QT_TRANSLATE_NOOP("CustomerTableModel", "Level")),
    ("phone", QT_TRANSLATE_NOOP("CustomerTableModel", "Phone")),
    ("plate", QT_TRANSLATE_NOOP("CustomerTableModel", "Plate")),
    ("station", QT_TRANSLATE_NOOP("CustomerTableModel", "Station")),
    ("maintainer", QT_TRANSLATE_NOOP("CustomerTableModel", "Maintainer")),
    ("profile_stage", QT_TRANSLATE_NOOP("CustomerTableModel", "File stage")),
    ("completeness", QT_TRANSLATE_NOOP("CustomerTableModel", "Complete")),
    ("last_visit", QT_TRANSLATE_NOOP("CustomerTableModel", "Last visit")),
    ("status", QT_TRANSLATE_NOOP("CustomerTableModel", "Status")),
    ("tags", QT_TRANSLATE_NOOP("CustomerTableModel", "Tags")),
]
SORTABLE = {
    "name": "name",
    "level": "level",
    "completeness": "completeness",
    "last_visit": "last_visit",
}


def _label(table: dict[str, str], value: str | None) -> str:
    if not value:
        return ""
    return QCoreApplication.translate("customers", table.get(value, value))


class CustomerTableModel(QAbstractTableModel):
    """Rows arrive a page at a time; a new query replaces them and drops late pages."""

    loading_changed = Signal(bool)
    first_page_loaded = Signal()

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[CustomerRow] = []
        self._fetch: Fetcher | None = None
        self._cursor: Cursor | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.headers = [QCoreApplication.translate("CustomerTableModel", t) for _k, t in COLUMNS]

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
        """Every row of the current query is loaded."""
        return not self._more and not self._loading

    def _load_next(self) -> None:
        fetch, cursor, generation = self._fetch, self._cursor, self._generation
        if fetch is None:
            return
        self._loading = True
        self.loading_changed.emit(True)

        def work(ctx: OpContext) -> tuple[list[CustomerRow], Cursor]:
            return fetch(ctx, cursor)

        def done(result: tuple[list[CustomerRow], Cursor]) -> None:
            if not isValid(self) or generation != self._generation:
                return  # an older query answered late
            rows, next_cursor = result
            first = not self.rows
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
                return  # the view went away meanwhile
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
        if role == Qt.ItemDataRole.ForegroundRole and key == "completeness":
            if row.completeness < 40:
                return QColor("#b00020")
            if row.completeness < 70:
                return QColor("#a15c00")
            return QColor("#1b5e20")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def display(self, row: CustomerRow, key: str) -> str:
        if key == "name":
            return row.name or self.tr("(plate only)")
        if key == "kind":
            return _label(KINDS, row.kind)
        if key == "profile_stage":
            return _label(STAGES, row.profile_stage)
        if key == "status":
            return _label(STATUSES, row.status)
        if key == "completeness":
            return f"{row.completeness}%"
        value = getattr(row, key)
        return "" if value is None else str(value)

    def customer_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
