"""A table model whose rows arrive a page at a time from a keyset query, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from shiboken6 import isValid

from desktop_crm.models.db import Database
from desktop_crm.views.background import OpContext, run_in_background, show_error

Index = QModelIndex | QPersistentModelIndex


class PageCursor(Protocol):
    @property
    def done(self) -> bool: ...


R = TypeVar("R")
C = TypeVar("C", bound=PageCursor)


class PagedTableModel(QAbstractTableModel, Generic[R, C]):
    """Rows arrive a page at a time; a new query replaces them and drops late pages.

    Subclasses set ``COLUMNS`` ((key, untranslated header) pairs) and ``CONTEXT`` (the
    translation context of the headers), and implement ``data``. ``set_query`` takes a
    fetch(ctx, cursor) -> (rows, next cursor) that runs on a worker thread.
    """

    COLUMNS: list[tuple[str, str]] = []
    CONTEXT = ""

    loading_changed = Signal(bool)
    first_page_loaded = Signal()

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[R] = []
        self._fetch: Callable[[OpContext, C | None], tuple[list[R], C]] | None = None
        self._cursor: C | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.headers = [QCoreApplication.translate(self.CONTEXT, t) for _k, t in self.COLUMNS]

    # -- queries -------------------------------------------------------------------
    def set_query(self, fetch: Callable[[OpContext, C | None], tuple[list[R], C]]) -> None:
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

        def work(ctx: OpContext) -> tuple[list[R], C]:
            return fetch(ctx, cursor)

        def done(result: tuple[list[R], C]) -> None:
            if not isValid(self) or generation != self._generation:
                return  # an older query answered late
            rows, next_cursor = result
            self._loading = False
            self._cursor, self._more = next_cursor, not next_cursor.done
            if rows:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
                self.rows.extend(rows)
                self.endInsertRows()
            self.loading_changed.emit(False)
            if cursor is None:
                self.first_page_loaded.emit()

        def failed(exc: Exception) -> None:
            if not isValid(self):
                return  # the view went away meanwhile
            if generation == self._generation:
                self._loading, self._more = False, False
                self.loading_changed.emit(False)
            show_error(None, exc)

        run_in_background(None, self.db, work, done, on_failure=failed, progress_delay_ms=10_000)

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
