"""The main window: four tabs, menus, shortcuts and a status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import __version__
from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services.permissions import can_edit, can_manage_settings
from desktop_crm.views.labels import role_name

if TYPE_CHECKING:
    from desktop_crm.views.callbacks.tab import CallbackTab
    from desktop_crm.views.charts.tab import ChartTab
    from desktop_crm.views.complaints.tab import ComplaintTab


# The tabs after the customer file are built this long after the window opens (or when
# first shown, whichever comes first), so that the customer list's first page is not
# kept waiting by three tabs the user has not looked at yet.
LATER_TABS_DELAY_MS = 800


class PlaceholderTab(QWidget):
    """A tab not built yet: it shows its title and nothing else."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("tabTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setStyleSheet("font-size: 18pt; color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)


class MainWindow(QMainWindow):
    """One window for every role; the role decides what is enabled."""

    def __init__(self, db: Database, user: User, org_unit: OrgUnit) -> None:
        super().__init__()
        self.db, self.user, self.org_unit = db, user, org_unit
        self.setWindowTitle(self.tr("Customer service"))
        self.resize(1200, 760)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.setCentralWidget(self.tabs)
        self.tab_titles = [
            self.tr("Customer file"),
            self.tr("Callback queue"),
            self.tr("Complaints"),
            self.tr("Charts"),
        ]
        from desktop_crm.views.customers.tab import CustomerTab

        self.customers = CustomerTab(db, user, org_unit)
        self.tabs.addTab(self.customers, self.tab_titles[0])
        self._later_tabs: dict[int, Callable[[], QWidget]] = {
            1: self._make_callback_tab,
            2: self._make_complaint_tab,
            3: self._make_chart_tab,
        }
        for index in self._later_tabs:
            self.tabs.addTab(PlaceholderTab(self.tab_titles[index]), self.tab_titles[index])
        self.tabs.currentChanged.connect(self._build_tab)
        self._later_timer = QTimer(self)  # goes with the window if it closes first
        self._later_timer.setSingleShot(True)
        self._later_timer.timeout.connect(self._build_later_tabs)
        self._later_timer.start(LATER_TABS_DELAY_MS)
        from desktop_crm.views.sync.controller import SyncController

        self.sync = SyncController(db, self)
        self.sync.data_arrived.connect(self._refresh_after_sync)
        self._build_menus()
        self._build_status_bar()
        self.sync.start()

    # -- the tabs after the customer file: one factory each, built on first use ------
    def _make_callback_tab(self) -> QWidget:
        from desktop_crm.views.callbacks.tab import CallbackTab

        return CallbackTab(self.db, self.user, self.org_unit)

    def _make_complaint_tab(self) -> QWidget:
        from desktop_crm.views.complaints.tab import ComplaintTab

        return ComplaintTab(self.db, self.user, self.org_unit)

    def _make_chart_tab(self) -> QWidget:
        from desktop_crm.views.charts.tab import ChartTab

        return ChartTab(self.db, self.user, self.org_unit)

    def _build_tab(self, index: int) -> QWidget:
        """The tab at ``index``, built now in place of its placeholder if need be."""
        factory = self._later_tabs.pop(index, None)
        if factory is None:
            return self.tabs.widget(index)
        tab = factory()
        placeholder = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, self.tab_titles[index])
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return tab

    def _build_later_tabs(self) -> None:
        """One tab per turn of the event loop, so the window stays responsive (not for a
        window that is not shown, or no longer)."""
        if self._later_tabs and self.isVisible():
            self._build_tab(min(self._later_tabs))
            self._later_timer.start(0)

    @property
    def callbacks(self) -> CallbackTab:
        return self._build_tab(1)  # type: ignore[return-value]

    @property
    def complaints(self) -> ComplaintTab:
        return self._build_tab(2)  # type: ignore[return-value]

    @property
    def charts(self) -> ChartTab:
        return self._build_tab(3)  # type: ignore[return-value]

    # -- menus and shortcuts -------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        from desktop_crm.views.callbacks.day_close import DayCloseGuard

        self.day_close = DayCloseGuard(self, self.db, self.user)  # 日清日结
        file_menu.addAction(self.day_close.action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        customer_menu = bar.addMenu(self.tr("&Customers"))
        self.search_action = self._action(
            self.tr("&Find customer"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.new_customer_action = self._action(
            self.tr("&New customer"), self.new_customer, QKeySequence.StandardKey.New
        )
        customer_menu.addAction(self.search_action)
        customer_menu.addAction(self.new_customer_action)
        self._update_customer_actions()

        report_menu = bar.addMenu(self.tr("&Reports"))
        report_menu.setObjectName("reportMenu")
        for kind, text in (("daily", self.tr("&Daily report…")),
                           ("weekly", self.tr("&Weekly callback report…")),
                           ("monthly", self.tr("&Monthly analysis…")),
                           ("complaints", self.tr("&Complaint register…"))):  # fmt: skip
            report_menu.addAction(self._action(text, lambda _on=False, k=kind: self.open_report(k)))

        office_menu = bar.addMenu(self.tr("Head &office"))
        office_menu.setObjectName("headOfficeMenu")
        office_menu.addAction(self.sync.sync_action)
        self.enrol_action = self._action(self.tr("&Enrol with the head office…"), self.open_enrol)
        self.enrol_action.setEnabled(can_manage_settings(self.user))
        office_menu.addAction(self.enrol_action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.settings_action = self._action(self.tr("&Basic settings…"), self.open_settings)
        settings_menu.addAction(self.settings_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), self.about))

    def open_report(self, kind: str) -> None:
        from desktop_crm.views.reports.report_dialog import ReportDialog

        self.report_dialog = ReportDialog(self.db, self.user, self, kind=kind)
        self.report_dialog.open()

    def customer_tab(self) -> QWidget:
        return self.tabs.widget(0)

    def _update_customer_actions(self) -> None:
        tab = self.customer_tab()
        self.search_action.setEnabled(hasattr(tab, "focus_search"))
        self.new_customer_action.setEnabled(hasattr(tab, "new_customer") and can_edit(self.user))

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        tab = self.customer_tab()
        if hasattr(tab, "focus_search"):
            tab.focus_search()

    def new_customer(self) -> None:
        self.tabs.setCurrentIndex(0)
        tab = self.customer_tab()
        if hasattr(tab, "new_customer"):
            tab.new_customer()

    def open_settings(self) -> None:
        from desktop_crm.views.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self.user, self)
        dialog.open()
        self.settings_dialog = dialog

    def open_enrol(self) -> None:
        from desktop_crm.views.sync.enrol_dialog import EnrolDialog

        status = self.sync.status
        dialog = EnrolDialog(self.db, self, server_url=(status.server_url or "") if status else "")
        dialog.accepted.connect(lambda: self._enrolled(dialog))
        dialog.open()
        self.enrol_dialog = dialog

    def _enrolled(self, dialog: QWidget) -> None:
        enrolment = getattr(dialog, "enrolment", None)
        if enrolment is not None and enrolment.joined:
            # Units and users took the head office's ids: start again with a fresh login.
            self.sync.stop()
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Joined the head office"),
                self.tr(
                    "This desktop has joined the head office as {code} {name} and sent its "
                    "data. People and units are the head office's from now on: the program "
                    "closes now; start it again and log in."
                ).format(code=enrolment.unit.code, name=enrolment.unit.name),
                QMessageBox.StandardButton.Ok,
                self,
            )
            if enrolment.renamed:
                from desktop_crm.i18n import translate_message
                from desktop_crm.sync.joining import RENAMED, renamed_pairs

                pairs = renamed_pairs(enrolment.renamed)
                box.setInformativeText(translate_message("errors", RENAMED, {"renamed": pairs}))
            box.setObjectName("joinedBox")
            box.finished.connect(lambda _result: self.close())
            box.open()
            self.joined_box = box
            return
        self.sync.enrolled()
        self._refresh_after_sync()

    def _refresh_after_sync(self) -> None:
        """Rows came from the head office: the lists show them (charts recompute on demand)."""
        self.customers.reload()
        if 2 not in self._later_tabs:  # a tab not built yet reads fresh data when it is
            self.complaints.refresh()
        if 1 not in self._later_tabs:
            self.callbacks.queue.reload()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About desktop_crm"),
            self.tr(
                "desktop_crm {version}: the customer-service desktop for branch offices."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.day_close.allow_close():  # today's callbacks not all recorded yet
            event.ignore()
            return
        self.sync.stop()
        self._later_timer.stop()
        super().closeEvent(event)

    # -- status bar ----------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(
            self.tr("User: {name} ({role})").format(
                name=self.user.name, role=role_name(self.user.role)
            )
        )
        self.user_label.setObjectName("statusUser")
        self.org_label = QLabel(
            self.tr("Unit: {name} [{code}]").format(
                name=self.org_unit.name, code=self.org_unit.code
            )
        )
        self.org_label.setObjectName("statusOrg")
        self.db_label = QLabel(self.tr("Database: {path}").format(path=str(self.db.path)))
        self.db_label.setObjectName("statusDb")
        self.db_label.setToolTip(str(self.db.path))
        bar.addWidget(self.sync.error_label, 1)
        for label in (self.sync.label, self.user_label, self.org_label, self.db_label):
            bar.addPermanentWidget(label)
        if not can_manage_settings(self.user):
            self.settings_action.setToolTip(self.tr("Only the general page can be changed by you."))
