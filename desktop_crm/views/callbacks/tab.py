"""The callback tab (回访): the queue first, then the other callback pages.

The tab starts the callback rules (RulesRunner) off the GUI thread, at start and when
the day changes, and refreshes the queue when they finish.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_crm.ids import now_ms
from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.views.callbacks.queue_panel import QueuePanel
from desktop_crm.views.lazy_page import LazyPage

if TYPE_CHECKING:
    from desktop_crm.views.callbacks.weekly_reports import WeeklyReportPanel
    from desktop_crm.views.callbacks.workload import WorkloadPanel


class CallbackTab(QWidget):
    """Inner pages in ``self.sections``: the queue, then those of ``_mount_sections``."""

    def __init__(
        self,
        db: Database,
        user: User,
        org_unit: OrgUnit,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] = now_ms,
        run_rules: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.org_unit = db, user, org_unit
        self.sections = QTabWidget()
        self.sections.setObjectName("callbackSections")
        self.queue = QueuePanel(db, user, org_unit, clock=clock)
        self.sections.addTab(self.queue, self.tr("Queue"))
        self._mount_sections()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)
        self.rules_runner: QObject | None = None
        if run_rules:
            self._start_rules()

    def _mount_sections(self) -> None:
        """The pages after the queue (weekly reports, workload) are added here; each is
        built (and its code imported) when it is first shown, so the tab opens with the
        queue alone."""
        self.weekly_reports: LazyPage[WeeklyReportPanel] = LazyPage(self._weekly_reports)
        self.sections.addTab(self.weekly_reports, self.tr("Weekly reports"))
        self.workload: LazyPage[WorkloadPanel] = LazyPage(self._workload)
        self.sections.addTab(self.workload, self.tr("Workload"))

    def _weekly_reports(self) -> WeeklyReportPanel:
        from desktop_crm.views.callbacks.weekly_reports import WeeklyReportPanel

        return WeeklyReportPanel(self.db, self.user, self.org_unit)

    def _workload(self) -> WorkloadPanel:
        from desktop_crm.views.callbacks.workload import WorkloadPanel

        return WorkloadPanel(self.db, self.user, self.org_unit)

    def _start_rules(self) -> None:
        from desktop_crm.views.callbacks.rules_runner import RulesRunner

        runner = RulesRunner(self.db, self)
        runner.progressed.connect(self.queue.rules_progressed)
        runner.finished.connect(
            lambda result: self.queue.rules_finished(sum(result.created.values()))
        )
        runner.failed.connect(self.queue.rules_failed)
        self.rules_runner = runner
        runner.start()

    def show_today(self) -> None:
        """The queue, with my tasks due today (日清日结)."""
        self.sections.setCurrentWidget(self.queue)
        self.queue.show_today()
