"""The callback queue as a Qt model that fetches pages lazily, off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.callbacks.queue import Group, QueueCursor, TaskRow
from desktop_crm.views.callbacks.labels import booked_time, reason_name, status_name
from desktop_crm.views.paged_model import PagedTableModel

Index = QModelIndex | QPersistentModelIndex

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


class TaskTableModel(PagedTableModel[TaskRow, QueueCursor]):
    """Rows arrive a page at a time; a new query replaces them and drops late pages."""

    COLUMNS = COLUMNS
    CONTEXT = "TaskTableModel"

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
            if key == "status" and row.to_book:
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
            if row.to_book:  # 预约: call the customer now to agree a time
                return self.tr("{status}, to book").format(status=status_name(row.status))
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
