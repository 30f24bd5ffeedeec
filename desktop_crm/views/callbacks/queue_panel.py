"""The queue page of the callback tab: my tasks or the team's, by urgency, with what to
read before calling and the actions on the selected task."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.ids import now_ms
from desktop_crm.models import OrgUnit, User
from desktop_crm.models.callbacks import TaskReason
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks import queue
from desktop_crm.services.callbacks.queue import (
    OPEN_STATUSES,
    REASON_NAMES,
    Group,
    QueueCursor,
    QueueFilter,
    TaskRow,
)
from desktop_crm.services.callbacks.recording import local_today
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.callbacks.briefing_view import BriefingView
from desktop_crm.views.callbacks.labels import group_name, reason_name
from desktop_crm.views.callbacks.table_model import TaskTableModel

MINE, TEAM = "mine", "team"


class QueuePanel(QWidget):
    """The list of tasks, filters, the briefing and the actions."""

    status_changed = Signal(str)
    task_changed = Signal(str)  # a task was recorded, booked or rescheduled

    def __init__(
        self,
        db: Database,
        user: User,
        org_unit: OrgUnit,
        parent: QWidget | None = None,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.org_unit, self.clock = db, user, org_unit, clock
        self.dialog: QWidget | None = None
        self._keep: tuple[str | None, int] = (None, 0)
        self._counts_key: object = None
        self.counts: dict[str, int] = {}

        self.scope = QComboBox()
        self.scope.setObjectName("queueScope")
        self.scope.addItem(self.tr("My tasks"), MINE)
        if queue.can_see_team(user):
            self.scope.addItem(self.tr("My team"), TEAM)
        self.scope.setVisible(self.scope.count() > 1)
        self.assignee = QComboBox()
        self.assignee.setObjectName("queueAssignee")
        self.assignee.addItem(self.tr("Everyone"), None)
        self.assignee.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.assignee.setVisible(False)
        self.reason = QComboBox()
        self.reason.setObjectName("queueReason")
        self.reason.addItem(self.tr("All reasons"), None)
        for code in REASON_NAMES:
            self.reason.addItem(reason_name(code), code)
        self.group = QComboBox()
        self.group.setObjectName("queueGroup")
        for group in (Group.ALL, Group.OVERDUE, Group.TODAY, Group.UPCOMING):
            self.group.addItem(group_name(group), group.value)
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshQueue")
        for combo in (self.scope, self.assignee, self.reason, self.group):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.refresh_button.clicked.connect(lambda: self.reload())

        self.record_button = QPushButton(self.tr("Record…"))
        self.record_button.setObjectName("recordCallback")
        self.record_button.setToolTip(self.tr("Fill in the callback record (回访记录)"))
        self.book_button = QPushButton(self.tr("Book…"))
        self.book_button.setObjectName("bookCallback")
        self.book_button.setToolTip(self.tr("Record the time agreed with the customer (预约)"))
        self.reschedule_button = QPushButton(self.tr("Reschedule…"))
        self.reschedule_button.setObjectName("rescheduleCallback")
        self.complaint_button = QPushButton(self.tr("Convert to complaint…"))
        self.complaint_button.setObjectName("convertToComplaint")
        self.complaint_button.setToolTip(
            self.tr("Register what the customer raised as a complaint linked to this callback")
        )
        self.campaign_button = QPushButton(self.tr("New campaign…"))
        self.campaign_button.setObjectName("newCampaign")
        self.campaign_button.setVisible(queue.can_see_team(user))
        self.record_button.clicked.connect(self.record)
        self.book_button.clicked.connect(self.book)
        self.reschedule_button.clicked.connect(self.reschedule)
        self.complaint_button.clicked.connect(lambda: self.convert_to_complaint())
        self.campaign_button.clicked.connect(self.new_campaign)

        self.model = TaskTableModel(db, self)
        self.table = QTableView()
        self.table.setObjectName("callbackTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 100, 40, 125, 110, 40, 60)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(
            lambda _index: self.record_button.isEnabled() and self.record()
        )
        self.briefing = BriefingView(db, user, clock=clock)
        self.briefing.loaded.connect(lambda _task_id: self._update_buttons())

        self.status = QLabel()
        self.status.setObjectName("queueStatus")
        self.rules_status = QLabel()
        self.rules_status.setObjectName("rulesStatus")
        self.rules_status.setStyleSheet("color: #666;")

        filters = QHBoxLayout()
        for widget in (self.scope, self.assignee, self.group, self.reason, self.refresh_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (
            self.record_button,
            self.book_button,
            self.reschedule_button,
            self.complaint_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.campaign_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.briefing)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.rules_status)
        layout.addLayout(status_row)

        self.model.first_page_loaded.connect(self._first_page)
        self._update_buttons()
        self.reload()

    # -- what the list shows --------------------------------------------------------
    def today(self) -> date:
        return local_today(self.clock())

    def team(self) -> bool:
        return self.scope.currentData() == TEAM

    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            group=self.group.currentData(),
            reason=self.reason.currentData(),
            assignee_id=self.assignee.currentData() if self.team() else None,
        )

    def _scope_changed(self) -> None:
        team = self.team()
        self.assignee.setVisible(team)
        if team and self.assignee.count() == 1:
            self._fill_members()

    def _fill_members(self) -> None:
        user = self.user

        def work(_ctx: OpContext) -> list[tuple[str, str]]:
            with self.db.sessions() as session:  # reads only (see reload)
                return [(u.name, u.id) for u in queue.team_members(session, user)]

        def done(people: list[tuple[str, str]]) -> None:
            if not isValid(self) or self.assignee.count() > 1:
                return
            self.assignee.blockSignals(True)
            for name, user_id in people:
                self.assignee.addItem(name, user_id)
            self.assignee.blockSignals(False)

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def reload(self, keep: str | None = None) -> None:
        """Show the first page for the current choices; keep ``keep`` (or the selected
        task) selected when it is still listed, else the row at the same place."""
        selected = self.selected_task()
        rows = self.table.selectionModel().selectedRows()
        self._keep = (keep or (selected.id if selected else None), rows[0].row() if rows else 0)
        user, today, flt, team = self.user, self.today(), self.current_filter(), self.team()
        page, db = (queue.team_tasks if team else queue.my_tasks), self.db

        def fetch(_ctx: OpContext, cursor: QueueCursor | None) -> tuple[list[TaskRow], QueueCursor]:
            # Reads only, in a read transaction: the page never waits for a writer (the
            # callback rules hold the write lock for a while on a large store).
            with db.sessions() as session:
                return page(session, user, today, flt, cursor)

        self.status.setText(self.tr("Loading…"))
        self._pending = (today, flt, team)
        self.model.set_query(fetch)

    def _first_page(self) -> None:
        keep_id, keep_row = self._keep
        row = self.model.row_of(keep_id) if keep_id else -1
        if row < 0 and self.model.rows:
            row = min(keep_row, len(self.model.rows) - 1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.briefing.show_task(None)
            self._update_buttons()
        self._count(*self._pending)

    def _count(self, today: date, flt: QueueFilter, team: bool) -> None:
        key = (today, flt, team)
        self._counts_key = key
        user = self.user

        def work(_ctx: OpContext) -> dict[str, int]:
            with self.db.sessions() as session:  # reads only (see reload)
                return queue.group_counts(session, user, today, team, flt)

        def done(counts: dict[str, int]) -> None:
            if not isValid(self) or self._counts_key != key:
                return
            self.counts = counts
            for index in range(self.group.count()):
                group = self.group.itemData(index)
                self.group.setItemText(
                    index,
                    self.tr("{group} ({n})").format(group=group_name(group), n=counts[group]),
                )
            text = self.tr("{all} callbacks: {overdue} overdue, {today} today, {upcoming} later")
            self.status.setText(
                text.format(
                    all=counts[Group.ALL],
                    overdue=counts[Group.OVERDUE],
                    today=counts[Group.TODAY],
                    upcoming=counts[Group.UPCOMING],
                )
            )
            self.status_changed.emit(self.status.text())

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def show_today(self) -> None:
        """My tasks due today (日清日结: what is left to record)."""
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(0)
        self.scope.blockSignals(False)
        self._scope_changed()
        index = self.group.findData(Group.TODAY.value)
        if self.group.currentIndex() != index:
            self.group.setCurrentIndex(index)  # reloads
        else:
            self.reload()

    # -- the callback rules (run by the tab) ------------------------------------------
    def rules_progressed(self, done: int, total: int, label: str) -> None:
        self.rules_status.setStyleSheet("color: #666;")
        self.rules_status.setText(
            self.tr("Callback rules: {label} {done}/{total}").format(
                label=label, done=done, total=total
            )
            if total
            else self.tr("Callback rules: {label}").format(label=label)
        )

    def rules_finished(self, created: int) -> None:
        self.rules_status.setStyleSheet("color: #666;")
        self.rules_status.setText(self.tr("Callback rules: {n} new callbacks").format(n=created))
        self.reload()

    def rules_failed(self, message: str) -> None:
        self.rules_status.setStyleSheet("color: #b00020;")
        self.rules_status.setText(
            self.tr("Callback rules failed: {message}").format(message=message)
        )

    # -- selection -------------------------------------------------------------------
    def selected_task(self) -> TaskRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.task(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        task = self.selected_task()
        self.briefing.show_task(task.id if task else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        task = self.selected_task()
        brief = self.briefing.briefing
        ready = task is not None and brief is not None and brief.task.id == task.id
        can_act = bool(ready and brief and brief.can_act)
        is_open = bool(ready and brief and brief.task.status in OPEN_STATUSES)
        for button in (self.record_button, self.book_button, self.reschedule_button):
            button.setEnabled(can_act and is_open)
        self.complaint_button.setEnabled(
            bool(
                can_act
                and brief
                and brief.task.reason != TaskReason.COMPLAINT
                and brief.task.complaint_id is None
            )
        )

    # -- actions ---------------------------------------------------------------------
    def record(self) -> None:
        from desktop_crm.views.callbacks.record_dialog import RecordDialog

        brief = self.briefing.briefing
        if brief is None:
            return
        dialog = RecordDialog(self.db, self.user, brief, self, clock=self.clock)

        def recorded(task_id: str, wants_complaint: bool) -> None:
            problems = dialog.problems.toPlainText()
            self.task_changed.emit(task_id)
            self.reload(keep=task_id)
            if wants_complaint:
                self.convert_to_complaint(task_id, brief.customer.id, problems)

        dialog.recorded.connect(recorded)
        self.dialog = dialog
        dialog.open()

    def book(self) -> None:
        from desktop_crm.views.callbacks.schedule_dialogs import BookDialog

        task, brief = self.selected_task(), self.briefing.briefing
        if task is None or brief is None:
            return
        dialog = BookDialog(
            self.db, self.user, task, self, clock=self.clock, default_channel=brief.default_channel
        )
        dialog.saved.connect(self._changed)
        self.dialog = dialog
        dialog.open()

    def reschedule(self) -> None:
        from desktop_crm.views.callbacks.schedule_dialogs import RescheduleDialog

        task = self.selected_task()
        if task is None:
            return
        dialog = RescheduleDialog(self.db, self.user, task, self, clock=self.clock)
        dialog.saved.connect(self._changed)
        self.dialog = dialog
        dialog.open()

    def _changed(self, task_id: str) -> None:
        self.task_changed.emit(task_id)
        self.reload(keep=task_id)

    def convert_to_complaint(
        self,
        task_id: str | None = None,
        customer_id: str | None = None,
        description: str | None = None,
    ) -> None:
        """Open the complaint form for the selected task (or the one just recorded),
        prefilled with the customer and the problems the customer described."""
        from desktop_crm.views.callbacks.convert import open_complaint_intake

        brief = self.briefing.briefing
        if task_id is None:
            if brief is None:
                return
            task_id, customer_id = brief.task.id, brief.customer.id
            description = brief.task.problems or ""
        assert customer_id is not None
        self.dialog = open_complaint_intake(
            self,
            self.db,
            self.user,
            customer_id=customer_id,
            task_id=task_id,
            description=description or "",
            on_created=lambda _complaint_id: self._changed(task_id),
        )

    def new_campaign(self) -> None:
        from desktop_crm.views.callbacks.campaign_dialog import CampaignDialog

        dialog = CampaignDialog(self.db, self.user, self)
        dialog.finished.connect(lambda _result: self.reload())
        self.dialog = dialog
        dialog.open()
