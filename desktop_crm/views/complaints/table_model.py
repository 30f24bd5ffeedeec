"""The complaint list as a lazy Qt table model: pages arrive as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.localtime import local_minute
from desktop_crm.services.complaints.listing import ComplaintRow, Cursor, refresh_deadlines
from desktop_crm.views.complaints.labels import choice_label, remaining_text
from desktop_crm.views.paged_model import PagedTableModel

Index = QModelIndex | QPersistentModelIndex

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


class ComplaintTableModel(PagedTableModel[ComplaintRow, Cursor]):
    """Rows arrive a page at a time; a new query replaces them and drops late pages."""

    COLUMNS = COLUMNS
    CONTEXT = "ComplaintTableModel"

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
