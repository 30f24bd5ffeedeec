"""The complaint lists page: the categories of intake and the root causes of closing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints.policy_admin import get_list, set_list
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.complaints.labels import choice_label


class ListEditor(QGroupBox):
    """One configurable list: add, remove, reorder, save."""

    def __init__(self, title: str, key: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.key = key
        self.setObjectName(name)
        self.items = QListWidget()
        self.items.setObjectName(f"{name}Items")
        self.entry = QLineEdit()
        self.entry.setObjectName(f"{name}Entry")
        self.entry.setPlaceholderText(self.tr("New entry"))
        self.entry.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName(f"{name}Add")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"{name}Remove")
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.setObjectName(f"{name}Up")
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.setObjectName(f"{name}Down")
        self.save_button = QPushButton(self.tr("Save list"))
        self.save_button.setObjectName(f"{name}Save")
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.message = QLabel()
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)
        side = QVBoxLayout()
        for button in (self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.save_button)
        grid = QGridLayout(self)
        grid.addLayout(entry_row, 0, 0)
        grid.addWidget(self.items, 1, 0)
        grid.addLayout(side, 1, 1)
        grid.addWidget(self.message, 2, 0, 1, 2)

    def set_values(self, values: list[str]) -> None:
        self.items.clear()
        for value in values:
            self._append(value)

    def _append(self, value: str) -> None:
        shown = choice_label(value)
        item = QListWidgetItem(shown if shown == value else f"{value} ({shown})")
        item.setData(Qt.ItemDataRole.UserRole, value)
        self.items.addItem(item)

    def values(self) -> list[str]:
        return [
            self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.items.count())
        ]

    def add(self) -> None:
        value = self.entry.text().strip()
        if not value:
            return
        if value in self.values():
            self.message.setText(self.tr("“{value}” is already in the list.").format(value=value))
            return
        self._append(value)
        self.items.setCurrentRow(self.items.count() - 1)
        self.entry.clear()
        self.message.setText(self.tr("Not saved yet."))

    def remove(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)
            self.message.setText(self.tr("Not saved yet."))

    def move(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.items.count():
            return
        item = self.items.takeItem(row)
        self.items.insertItem(target, item)
        self.items.setCurrentRow(target)
        self.message.setText(self.tr("Not saved yet."))


class ComplaintListsPage(QWidget):
    """投诉分类与原因: what intake offers as categories and closing as root causes."""

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Complaint lists"))
        intro = QLabel(
            self.tr(
                "Complaints already filed keep the category and causes they were given; "
                "a removed entry is no longer offered."
            )
        )
        intro.setWordWrap(True)
        self.categories = ListEditor(
            self.tr("Categories"), "complaints.categories", "categories", self
        )
        self.root_causes = ListEditor(
            self.tr("Root causes"), "complaints.root_causes", "rootCauses", self
        )
        for editor in (self.categories, self.root_causes):
            editor.save_button.clicked.connect(lambda _checked=False, e=editor: self.save(e))
        lists = QHBoxLayout()
        lists.addWidget(self.categories)
        lists.addWidget(self.root_causes)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(lists, 1)
        self.reload()

    def reload(self) -> None:
        with self.db.session() as session:
            for editor in (self.categories, self.root_causes):
                editor.set_values(get_list(session, editor.key))

    def save(self, editor: ListEditor) -> None:
        values, key, actor_id = editor.values(), editor.key, self.user.id

        def work(ctx: OpContext) -> list[str]:
            return set_list(ctx.session, ctx.session.get_one(User, actor_id), key, values)

        def done(saved: list[str]) -> None:
            editor.set_values(saved)
            editor.message.setText(self.tr("Saved."))

        def failed(exc: Exception) -> None:
            editor.message.setText(error_text(exc))

        run_in_background(self, self.db, work, done, on_failure=failed)
