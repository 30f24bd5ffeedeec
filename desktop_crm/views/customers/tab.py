"""The customer file tab (客户档案): one search box, filters, a lazy list, the detail."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy import select

from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services import customer_list
from desktop_crm.services.customer_actions import can_hand_over
from desktop_crm.services.customer_list import Cursor, CustomerFilter
from desktop_crm.services.customer_options import KINDS, STAGES, STATUSES, levels, tags
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.customers.detail_view import CustomerDetailView
from desktop_crm.views.customers.table_model import COLUMNS, SORTABLE, CustomerTableModel
from desktop_crm.views.labels import option_label

SEARCH_DELAY_MS = 120  # wait for a pause in typing before searching


class CustomerTab(QWidget):
    """Find any customer in a keystroke; keep files complete and current."""

    customer_selected = Signal(str)
    status_changed = Signal(str)

    def __init__(
        self, db: Database, user: User, scope: OrgUnit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.scope = db, user, scope
        self.sort, self.descending = "created", True
        self._query = ""  # the search text the list shows results for ("" = the whole list)
        self.dialog: QWidget | None = None

        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr(
                "Find: name, pinyin (zw / zhangwei), phone or last 4 digits, plate, card number"
            )
        )
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())

        self.new_button = QPushButton(self.tr("New customer"))
        self.new_button.setObjectName("newCustomer")
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("importCustomers")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportCustomers")
        self.new_button.clicked.connect(self.new_customer)
        self.import_button.clicked.connect(self.import_customers)
        self.export_button.clicked.connect(self.export_customers)
        self.handover_button = QPushButton(self.tr("Hand over…"))
        self.handover_button.setObjectName("handOver")
        self.handover_button.setToolTip(
            self.tr("Give all customers of one maintainer or developer to a colleague")
        )
        self.handover_button.clicked.connect(self.hand_over)
        self.handover_button.setVisible(can_hand_over(user))
        read_only = user.role == "auditor"
        self.new_button.setEnabled(not read_only)
        self.import_button.setEnabled(not read_only)

        self.filters: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        for key, label in (
            ("station_id", self.tr("Station")),
            ("kind", self.tr("Kind")),
            ("level", self.tr("Level")),
            ("maintainer_id", self.tr("Maintainer")),
            ("status", self.tr("Status")),
            ("profile_stage", self.tr("File stage")),
            ("tag", self.tr("Tag")),
        ):
            combo = QComboBox()
            combo.setObjectName(f"filter_{key}")
            combo.addItem(self.tr("All: {label}").format(label=label), None)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.reload)
            self.filters[key] = combo
            filter_row.addWidget(combo)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.setObjectName("clearFilters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        filter_row.addWidget(self.clear_filters_button)
        filter_row.addStretch(1)

        self.model = CustomerTableModel(db, self)
        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self.sort_by_column)
        for column, width in enumerate((110, 70, 50, 110, 100, 170, 80, 80, 60, 90, 60)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(
            lambda index: self.edit_customer(self.model.customer_id(index.row()))
        )

        self.detail = CustomerDetailView(db, user)
        self.detail.edit_requested.connect(self.edit_customer)
        self.detail.merge_requested.connect(self.merge_customer)

        self.status = QLabel()
        self.status.setObjectName("customerStatus")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.handover_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filter_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, activated=self.search.clear)

        self.model.first_page_loaded.connect(self._first_page)
        self._fill_filters()
        self.reload()

    # -- filters -------------------------------------------------------------------
    def _fill_filters(self) -> None:
        """Choices for the filters (small lists: units, staff, configured values)."""
        with self.db.session() as session:
            from desktop_crm.services.customer_access import stations_for

            stations = stations_for(session, self.user)
            people = customer_list.maintainers_in_scope(session, self.scope)
            level_list, tag_list = levels(session), tags(session)
        values = {
            "station_id": [(f"{u.name} [{u.code}]", u.id) for u in stations],
            "kind": [(option_label(KINDS, key), key) for key in KINDS],
            "level": [(level, level) for level in level_list],
            "maintainer_id": [(u.name, u.id) for u in people],
            "status": [(option_label(STATUSES, key), key) for key in STATUSES],
            "profile_stage": [(option_label(STAGES, key), key) for key in STAGES],
            "tag": [(tag, tag) for tag in tag_list],
        }
        for key, items in values.items():
            combo = self.filters[key]
            combo.blockSignals(True)
            for text, data in items:
                combo.addItem(text, data)
            combo.blockSignals(False)

    def current_filter(self) -> CustomerFilter:
        return CustomerFilter(**{key: combo.currentData() for key, combo in self.filters.items()})

    def clear_filters(self) -> None:
        for combo in self.filters.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.reload()

    # -- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Show the list (or the search results) for the current text and filters."""
        self.search_timer.stop()
        query = self.search.text().strip()
        flt = self.current_filter()
        user, scope, sort, descending = self.user, self.scope, self.sort, self.descending
        if query:

            def fetch(ctx: OpContext, cursor: Cursor | None) -> tuple[list, Cursor]:  # type: ignore[type-arg]
                return customer_list.search_page(ctx.session, user, scope, query, flt, cursor)
        else:

            def fetch(ctx: OpContext, cursor: Cursor | None) -> tuple[list, Cursor]:  # type: ignore[type-arg]
                return customer_list.list_page(
                    ctx.session, user, scope, flt, sort, descending, cursor
                )

        self.status.setText(self.tr("Loading…"))
        self._query = query  # what the model's pages are for (the text may change meanwhile)
        self._pending_count = (query, flt)
        self.model.set_query(fetch)

    def _count(self, query: str, flt: CustomerFilter) -> None:
        key = (query, flt)
        self._count_key = key  # a count still running for an earlier list is stale now
        if query:
            return  # the search result size is known from the first page
        scope = self.scope

        def work(ctx: OpContext) -> int:
            return customer_list.count(ctx.session, scope, flt)

        def done(total: int) -> None:
            if isValid(self) and self._count_key == key:
                self.status.setText(self.tr("{n} customers").format(n=f"{total:,}"))

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def _first_page(self) -> None:
        # Counting a long list takes a while: only once the first page is on screen.
        self._count(*self._pending_count)
        if self._query:
            cursor = self.model._cursor
            found = customer_list.search_found(cursor)
            if found is None:
                found = len(self.model.rows)
            if cursor is not None and customer_list.search_truncated(cursor):
                self.status.setText(
                    self.tr(
                        "More than {n} customers found: type more to narrow the search."
                    ).format(n=f"{customer_list.SEARCH_CAP:,}")
                )
            elif found == 0:
                self.status.setText(self.tr("No customer found for “{q}”.").format(q=self._query))
            else:
                self.status.setText(self.tr("{n} customers found").format(n=f"{found:,}"))
            if self.model.rows:
                self.table.selectRow(0)

    def sort_by_column(self, column: int) -> None:
        key = COLUMNS[column][0]
        if key not in SORTABLE:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
            return
        sort = SORTABLE[key]
        self.descending = not self.descending if sort == self.sort else key != "name"
        self.sort = sort
        order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.reload()

    # -- selection and actions -----------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        customer_id = self.model.customer_id(rows[0].row()) if rows else None
        self.detail.show_customer(customer_id)
        if customer_id:
            self.customer_selected.emit(customer_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_customer(self, customer_id: str) -> None:
        """Show one customer (e.g. a duplicate found while editing another)."""
        for row, item in enumerate(self.model.rows):
            if item.id == customer_id:
                self.table.selectRow(row)
                return
        self.detail.show_customer(customer_id)

    def new_customer(self) -> None:
        self.edit_customer(None)

    def edit_customer(self, customer_id: str | None) -> None:
        from desktop_crm.views.customers.edit_dialog import CustomerEditDialog

        dialog = CustomerEditDialog(self.db, self.user, customer_id, self)
        dialog.saved.connect(self._saved)
        dialog.open_customer.connect(self.open_customer)
        self.dialog = dialog
        dialog.open()

    def merge_customer(self, customer_id: str) -> None:
        from desktop_crm.views.customers.merge_picker import MergePicker

        picker = MergePicker(self.db, self.user, self.scope, customer_id, self)
        picker.merged.connect(self._saved)
        self.dialog = picker
        picker.open()

    def _saved(self, customer_id: str) -> None:
        self.reload()
        self.detail.show_customer(customer_id)

    def hand_over(self) -> None:
        from desktop_crm.views.customers.handover_dialog import HandOverDialog

        dialog = HandOverDialog(
            self.db, self.user, self.scope, self.filters["maintainer_id"].currentData(), self
        )
        dialog.handed_over.connect(
            lambda n: (
                self.reload(),
                self.status.setText(self.tr("{n} customers handed over").format(n=n)),
            )
        )
        self.dialog = dialog
        dialog.open()

    def import_customers(self) -> None:
        from desktop_crm.views.customers.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self.user, self)
        dialog.finished.connect(lambda _result: self.reload())
        self.dialog = dialog
        dialog.open()

    def export_customers(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export customers"),
            "customers.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Export the current filtered list (or search result) to ``path``."""
        from pathlib import Path

        from desktop_crm.services.exporting import export_customers

        query, flt, user, scope = (
            self.search.text().strip(),
            self.current_filter(),
            self.user,
            self.scope,
        )

        def work(ctx: OpContext) -> int:
            statement = customer_list.export_statement(ctx.session, scope, flt, query)
            actor = ctx.session.get_one(User, user.id)
            return export_customers(
                ctx.session, actor, statement, Path(path), progress=ctx.progress
            )

        def done(count: int) -> None:
            self.status.setText(
                self.tr("Exported {n} customers to {path}").format(n=f"{count:,}", path=path)
            )

        run_in_background(
            self, self.db, work, done, label=self.tr("Exporting customers…"), cancellable=True
        )


def scope_of(db: Database, user: User) -> OrgUnit:
    with db.session() as session:
        return session.scalars(select(OrgUnit).where(OrgUnit.id == user.org_unit_id)).one()
