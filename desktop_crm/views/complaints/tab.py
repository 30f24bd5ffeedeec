"""The complaints tab (投诉处理): the register by status, with the next deadline in colour,
filters, the selected complaint's handling, and the actions the user's role allows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_datetime
from desktop_crm.models import ComplaintStatus, OrgUnit, Role, User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints import listing, options
from desktop_crm.services.complaints.listing import ComplaintFilter, Cursor
from desktop_crm.services.complaints.sla import warn_share
from desktop_crm.services.customer_access import stations_for
from desktop_crm.services.permissions import can_edit
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.complaints.detail_view import ComplaintDetailView
from desktop_crm.views.complaints.escalation_runner import EscalationRunner
from desktop_crm.views.complaints.labels import choice_label
from desktop_crm.views.complaints.table_model import COLUMNS, ComplaintTableModel

SEARCH_DELAY_MS = 200
REFRESH_MS = 60_000  # the remaining times shown are recomputed this often
MAX_COLUMN_WIDTH = 220

# The status tabs: the open work first, each step, the archive, everything.
STATUS_GROUPS: list[str] = [listing.OPEN, *(s.value for s in ComplaintStatus), listing.ALL]
GROUP_LABELS = {
    listing.OPEN: QT_TRANSLATE_NOOP("ComplaintTab", "Open"),
    listing.ALL: QT_TRANSLATE_NOOP("ComplaintTab", "All"),
}
PERIOD_LABELS = {
    "today": QT_TRANSLATE_NOOP("ComplaintTab", "Today"),
    "7d": QT_TRANSLATE_NOOP("ComplaintTab", "Last 7 days"),
    "30d": QT_TRANSLATE_NOOP("ComplaintTab", "Last 30 days"),
    "month": QT_TRANSLATE_NOOP("ComplaintTab", "This month"),
    "year": QT_TRANSLATE_NOOP("ComplaintTab", "This year"),
}


class ComplaintTab(QWidget):
    """Every complaint of the user's org subtree; the work still open comes first."""

    complaint_selected = Signal(str)

    def __init__(
        self,
        db: Database,
        user: User,
        org_unit: OrgUnit,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] = now_ms,
        run_clock: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.scope, self.clock = db, user, org_unit, clock
        self.dialog: QDialog | None = None
        self._selected_id: str | None = None
        self._count_key: object = None
        self._fitted = False  # columns sized to the first page shown

        self.search = QLineEdit()
        self.search.setObjectName("complaintSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Find: number, words of the description, the customer's name, phone or plate")
        )
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.new_button = QPushButton(self.tr("New complaint"))
        self.new_button.setObjectName("newComplaint")
        self.new_button.setEnabled(can_edit(user))
        self.new_button.clicked.connect(lambda: self.new_complaint())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshComplaints")
        self.refresh_button.clicked.connect(self.refresh)

        self.status_tabs = QTabBar()
        self.status_tabs.setObjectName("statusTabs")
        self.status_tabs.setExpanding(False)
        self.status_tabs.setDrawBase(False)
        for group in STATUS_GROUPS:
            self.status_tabs.addTab(self._group_label(group))
        self.status_tabs.currentChanged.connect(lambda _index: self.reload())

        # Whose complaints: the queue of the user's unit (what its level handles now) or
        # every complaint of the units below it.
        self.queue = QComboBox()
        self.queue.setObjectName("filter_queue")
        self.queue.addItem(self.tr("Queue of {unit}").format(unit=org_unit.name), org_unit.id)
        self.queue.addItem(self.tr("All of {unit}").format(unit=org_unit.name), None)
        self.queue.setToolTip(
            self.tr(
                "The queue holds what your unit handles now; complaints escalated above it "
                "or handled below it are under “All”."
            )
        )
        self.queue.setCurrentIndex(1 if user.role == Role.AUDITOR else 0)
        self.queue.currentIndexChanged.connect(lambda _index: self.reload())
        self.filters: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.queue)
        for key, label in (
            ("station_id", self.tr("Station")),
            ("level", self.tr("Level")),
            ("category", self.tr("Category")),
            ("severity", self.tr("Severity")),
            ("owner_id", self.tr("Owner")),
            ("type", self.tr("Type")),
            ("period", self.tr("Received")),
        ):
            combo = QComboBox()
            combo.setObjectName(f"filter_{key}")
            combo.addItem(self.tr("All: {label}").format(label=label), None)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _index: self.reload())
            self.filters[key] = combo
            filter_row.addWidget(combo)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.setObjectName("clearComplaintFilters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        filter_row.addWidget(self.clear_filters_button)
        filter_row.addStretch(1)

        self.model = ComplaintTableModel(db, self)
        self.table = QTableView()
        self.table.setObjectName("complaintTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = ComplaintDetailView(db, user, clock)
        self.detail.changed.connect(self._changed)

        self.status = QLabel()
        self.status.setObjectName("complaintStatus")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_tabs)
        layout.addLayout(filter_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.model.first_page_loaded.connect(self._first_page)
        self.repaint_timer = QTimer(self)
        self.repaint_timer.setInterval(REFRESH_MS)
        self.repaint_timer.timeout.connect(self._refresh_quietly)
        self.escalation = EscalationRunner(db, clock, self, wanted=self._window_open)
        self.escalation.finished.connect(self._clock_ran)
        self._filled = False  # the filters' choices come after the first page
        self.reload()
        if run_clock:
            self.repaint_timer.start()
            self.escalation.start()

    # -- filters -------------------------------------------------------------------
    def _group_label(self, group: str, count: int | None = None) -> str:
        text = self.tr(GROUP_LABELS[group]) if group in GROUP_LABELS else choice_label(group)
        return text if count is None else f"{text} ({count:,})"

    def _fill_filters(self) -> None:
        """Choices for the filters (small lists: units, people, configured values)."""
        with self.db.session() as session:
            stations = stations_for(session, self.user)
            people = listing.owners_in_scope(session, self.scope)
            categories = options.categories(session)
        me = [(self.tr("Me ({name})").format(name=self.user.name), self.user.id)]
        values: dict[str, list[tuple[str, object]]] = {
            "station_id": [(f"{u.name} [{u.code}]", u.id) for u in stations],
            "level": [(choice_label(v), v) for v, _label in options.levels()],
            "category": [(choice_label(v), v) for v, _label in categories],
            "severity": [(choice_label(v), v) for v, _label in options.severities()],
            "owner_id": me + [(u.name, u.id) for u in people if u.id != self.user.id],
            "type": [(choice_label(v), v) for v, _label in options.types()],
            "period": [(self.tr(PERIOD_LABELS[p]), p) for p in listing.PERIODS],
        }
        for key, items in values.items():
            combo = self.filters[key]
            combo.blockSignals(True)
            for text, data in items:
                combo.addItem(text, data)
            combo.blockSignals(False)

    def current_status(self) -> str:
        return STATUS_GROUPS[max(self.status_tabs.currentIndex(), 0)]

    def show_status(self, group: str) -> None:
        """Show one status tab (OPEN, ALL or a status)."""
        self.status_tabs.setCurrentIndex(STATUS_GROUPS.index(group))

    def today(self) -> date:
        return local_datetime(self.clock()).date()

    def current_filter(self) -> ComplaintFilter:
        values = {key: combo.currentData() for key, combo in self.filters.items()}
        start, end = listing.period_bounds(values.pop("period"), self.today())
        return ComplaintFilter(
            status=self.current_status(),
            queue_unit_id=self.queue.currentData(),
            received_from=start,
            received_to=end,
            text=self.search.text().strip(),
            **values,
        )

    def clear_filters(self) -> None:
        for combo in self.filters.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.reload()

    # -- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Show the list for the current status tab, filters and search text."""
        self.search_timer.stop()
        flt = self.current_filter()
        user, scope, now = self.user, self.scope, self.clock()

        def fetch(ctx: OpContext, cursor: Cursor | None) -> tuple[list, Cursor]:  # type: ignore[type-arg]
            return listing.list_page(ctx.session, user, scope, flt, cursor=cursor, now=now)

        self.status.setText(self.tr("Loading…"))
        self._pending_filter = flt
        self.model.set_query(fetch)

    def refresh(self) -> None:
        """The list and the complaint shown, read again."""
        self.reload()
        if self.detail.complaint_id:
            self.detail.reload()

    def _first_page(self) -> None:
        if not self._filled:
            self._filled = True
            self._fill_filters()
        # Counting the statuses takes a while on a large register: after the first page.
        self._count(self._pending_filter)
        if self.model.rows and not self._fitted:
            self._fitted = True
            self._fit_columns()
        if not self.model.rows:
            self.status.setText(self.tr("No complaint matches."))
        for row, item in enumerate(self.model.rows):
            if item.id == self._selected_id:
                self.table.selectRow(row)
                break
        else:
            if self._selected_id is not None and self.detail.complaint_id != self._selected_id:
                self.detail.show_complaint(self._selected_id)  # still shown, if off the list

    def _fit_columns(self, sample: int = 40) -> None:
        """Column widths from the header and the first rows' text (not resizeColumnsToContents,
        which asks the model for every role of every cell and takes a noticeable while)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        rows = self.model.rows[:sample]
        for column, (key, _label) in enumerate(COLUMNS):
            texts = [self.model.display(row, key) for row in rows]
            width = max(
                [header.horizontalAdvance(self.model.headers[column]) + 24]
                + [metrics.horizontalAdvance(text) + 16 for text in texts]
            )
            self.table.setColumnWidth(column, min(max(width, 50), MAX_COLUMN_WIDTH))

    def _count(self, flt: ComplaintFilter) -> None:
        key = object()
        self._count_key = key
        scope = self.scope

        def work(ctx: OpContext) -> dict[str, int]:
            return listing.count_by_status(ctx.session, scope, flt)

        def done(counts: dict[str, int]) -> None:
            if not isValid(self) or self._count_key is not key:
                return
            for index, group in enumerate(STATUS_GROUPS):
                self.status_tabs.setTabText(index, self._group_label(group, counts.get(group, 0)))
            shown = counts.get(flt.status, 0)
            self.status.setText(self.tr("{n} complaints").format(n=f"{shown:,}"))

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def _window_open(self) -> bool:
        return isValid(self) and self.window().isVisible()

    def _refresh_quietly(self) -> None:
        """Recompute the remaining times shown: the list's in place (its scroll position
        kept), the detail's by reading it again unless an action is being entered."""
        if not self._window_open():
            return
        with self.db.session() as session:
            share = warn_share(session)
        self.model.refresh_deadlines(self.clock(), share)
        shown = self.detail.dialog
        if self.detail.complaint_id and not (shown is not None and isValid(shown)
                                             and shown.isVisible()):  # fmt: skip
            self.detail.reload()

    def _clock_ran(self, result: object) -> None:
        if getattr(result, "changed", False):
            self.refresh()

    # -- selection and actions -----------------------------------------------------
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        complaint_id = self.model.complaint_id(rows[0].row()) if rows else None
        if complaint_id is None:
            return  # the list reloads: keep showing what was selected
        if complaint_id != self.detail.complaint_id:
            self.detail.show_complaint(complaint_id)
        self._selected_id = complaint_id
        self.complaint_selected.emit(complaint_id)

    def open_complaint(self, complaint_id: str) -> None:
        """Show one complaint (e.g. the one just taken)."""
        self._selected_id = complaint_id
        for row, item in enumerate(self.model.rows):
            if item.id == complaint_id:
                self.table.selectRow(row)
                return
        self.detail.show_complaint(complaint_id)

    def _changed(self, complaint_id: str) -> None:
        self._selected_id = complaint_id
        self.reload()

    def new_complaint(self, customer_id: str | None = None) -> None:
        from desktop_crm.views.complaints.intake_dialog import ComplaintIntakeDialog

        dialog = ComplaintIntakeDialog(
            self.db, self.user, self, customer_id=customer_id, clock=self.clock
        )
        dialog.saved.connect(self._taken)
        self.dialog = dialog
        dialog.open()

    def _taken(self, complaint_id: str) -> None:
        self._selected_id = complaint_id
        if self.current_status() not in (listing.OPEN, ComplaintStatus.RECEIVED.value,
                                         listing.ALL):  # fmt: skip
            self.status_tabs.setCurrentIndex(0)  # reloads
        else:
            self.reload()
        self.detail.show_complaint(complaint_id)
