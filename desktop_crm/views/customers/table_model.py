"""The customer list as a Qt model that fetches pages lazily, off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.customer_list import Cursor, CustomerRow
from desktop_crm.services.customer_options import KINDS, STAGES, STATUSES
from desktop_crm.views.paged_model import PagedTableModel

Index = QModelIndex | QPersistentModelIndex

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


class CustomerTableModel(PagedTableModel[CustomerRow, Cursor]):
    """Rows arrive a page at a time; a new query replaces them and drops late pages."""

    COLUMNS = COLUMNS
    CONTEXT = "CustomerTableModel"

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
