"""The org tree page: add units at any depth, rename them, deactivate them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import OrgKind, OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services import orgs
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.labels import kind_name


class OrgUnitDialog(QDialog):
    """Code, name and (for a new unit) kind."""

    def __init__(
        self,
        parent: QWidget,
        unit: OrgUnit | None,
        parent_name: str | None,
        kinds: tuple[str, ...] = (OrgKind.AREA, OrgKind.STATION),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit unit") if unit else self.tr("New unit"))
        self.code = QLineEdit(unit.code if unit else "")
        self.code.setObjectName("code")
        self.name = QLineEdit(unit.name if unit else "")
        self.name.setObjectName("name")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in kinds if unit is None else (unit.kind,):
            self.kind.addItem(kind_name(kind), str(kind))
        if unit:
            self.kind.setCurrentIndex(self.kind.findData(unit.kind))
            self.kind.setEnabled(False)
        form = QFormLayout(self)
        if parent_name:
            form.addRow(self.tr("Parent"), QLabel(parent_name))
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)


class OrgPage(QWidget):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Org tree"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("orgTree")
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("Code"), self.tr("Kind"), self.tr("Status")]
        )
        self.tree.setColumnWidth(0, 260)
        self.add_button = QPushButton(self.tr("Add unit below"))
        self.add_button.setObjectName("addUnit")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("editUnit")
        self.toggle_button = QPushButton(self.tr("Deactivate / activate"))
        self.toggle_button.setObjectName("toggleUnit")
        self.add_button.clicked.connect(self.add_unit)
        self.edit_button.clicked.connect(self.edit_unit)
        self.toggle_button.clicked.connect(self.toggle_unit)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self.dialog: OrgUnitDialog | None = None
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.reload()

    def _selection_changed(self) -> None:
        """Stations are leaves: nothing can be added below them."""
        item = self.tree.currentItem()
        kind = item.data(1, Qt.ItemDataRole.UserRole) if item else None
        self.add_button.setEnabled(kind is not None and kind != OrgKind.STATION)

    def reload(self, select_id: str | None = None) -> None:
        with self.db.session() as session:
            units = orgs.tree(session)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for unit in units:
            status = self.tr("Active") if unit.active else self.tr("Deactivated")
            item = QTreeWidgetItem([unit.name, unit.code, kind_name(unit.kind), status])
            item.setData(0, Qt.ItemDataRole.UserRole, unit.id)
            item.setData(1, Qt.ItemDataRole.UserRole, unit.kind)
            parent = items.get(unit.parent_id or "")
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[unit.id] = item
        self.tree.expandAll()
        if select_id in items:
            self.tree.setCurrentItem(items[select_id])
        elif self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def add_unit(self) -> None:
        parent_id = self.selected_id()
        if parent_id is None:
            return
        item = self.tree.currentItem()
        dialog = OrgUnitDialog(self, None, item.text(0))
        dialog.buttons.accepted.connect(lambda: self._save_new(dialog, parent_id))
        self.dialog = dialog
        dialog.open()

    def _save_new(self, dialog: OrgUnitDialog, parent_id: str) -> None:
        code, name, kind = dialog.code.text(), dialog.name.text(), dialog.kind.currentData()

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, self.user.id)
            parent = ctx.session.get_one(OrgUnit, parent_id)
            return orgs.create_org_unit(ctx.session, actor, code, name, kind, parent).id

        self._run(dialog, work)

    def edit_unit(self) -> None:
        unit_id = self.selected_id()
        if unit_id is None:
            return
        with self.db.session() as session:
            unit = session.get_one(OrgUnit, unit_id)
        dialog = OrgUnitDialog(self, unit, None)
        dialog.buttons.accepted.connect(lambda: self._save_edit(dialog, unit_id))
        self.dialog = dialog
        dialog.open()

    def _save_edit(self, dialog: OrgUnitDialog, unit_id: str) -> None:
        code, name = dialog.code.text(), dialog.name.text()

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, self.user.id)
            orgs.edit_org_unit(
                ctx.session, actor, ctx.session.get_one(OrgUnit, unit_id), code, name
            )
            return unit_id

        self._run(dialog, work)

    def _run(self, dialog: OrgUnitDialog, work) -> None:  # type: ignore[no-untyped-def]
        dialog.buttons.setEnabled(False)

        def failed(exc: Exception) -> None:
            dialog.buttons.setEnabled(True)
            dialog.message.setText(error_text(exc))

        def done(unit_id: str) -> None:
            dialog.accept()
            self.reload(unit_id)

        run_in_background(self, self.db, work, done, on_failure=failed)

    def toggle_unit(self) -> None:
        unit_id = self.selected_id()
        if unit_id is None:
            return

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, self.user.id)
            unit = ctx.session.get_one(OrgUnit, unit_id)
            orgs.set_active(ctx.session, actor, unit, not unit.active)
            return unit_id

        run_in_background(self, self.db, work, self.reload)
