"""Choose the record to merge into the selected customer, then confirm in MergeDialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services.customer_list import CustomerRow, search_page
from desktop_crm.views.background import OpContext, run_in_background


class MergePicker(QDialog):
    """Search for the duplicate record; the selected customer is the one kept."""

    merged = Signal(str)

    def __init__(
        self, db: Database, user: User, scope: OrgUnit, keep_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.scope, self.keep_id = db, user, scope, keep_id
        self.setWindowTitle(self.tr("Merge two records of the same customer"))
        intro = QLabel(
            self.tr(
                "Find the other record of this customer (name, phone, plate or card). "
                "Its vehicles, cards, visits and history move to the selected customer."
            )
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("mergeSearch")
        self.search.textChanged.connect(self._find)
        self.results = QListWidget()
        self.results.setObjectName("mergeResults")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Next"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._next)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 420)
        self._generation = 0
        self.dialog: QDialog | None = None

    def _find(self, text: str) -> None:
        self._generation += 1
        generation, user, scope = self._generation, self.user, self.scope

        def work(ctx: OpContext) -> list[CustomerRow]:
            return search_page(ctx.session, user, scope, text, limit=50)[0]

        def done(rows: list[CustomerRow]) -> None:
            if not isValid(self) or generation != self._generation:
                return
            self.results.clear()
            for row in rows:
                if row.id == self.keep_id:
                    continue
                item = QListWidgetItem(
                    " · ".join(v for v in (row.name or "-", row.phone, row.plate, row.station) if v)
                )
                item.setData(256, row.id)
                self.results.addItem(item)
            if self.results.count():
                self.results.setCurrentRow(0)

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def _next(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        from desktop_crm.views.customers.merge_dialog import MergeDialog

        dialog = MergeDialog(self.db, self.user, self.keep_id, item.data(256), self)
        dialog.merged.connect(self._done)
        self.dialog = dialog
        dialog.open()

    def _done(self, customer_id: str) -> None:
        self.merged.emit(customer_id)
        self.accept()
