"""The settings window (基础设置): a list of pages; later issues register their own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.permissions import can_manage_settings


@dataclass
class PageSpec:
    """A settings page: its factory and whether only a company administrator sees it."""

    factory: Callable[[Database, User, QWidget], QWidget]
    admin_only: bool = True


_PAGES: list[PageSpec] = []


def register_page(
    factory: Callable[[Database, User, QWidget], QWidget], admin_only: bool = True
) -> None:
    _PAGES.append(PageSpec(factory, admin_only))


def _default_pages() -> list[PageSpec]:
    from desktop_crm.views.callbacks.day_close_page import DayClosePage
    from desktop_crm.views.settings.callback_rules_page import CallbackRulesPage
    from desktop_crm.views.settings.general_page import GeneralPage
    from desktop_crm.views.settings.grading_page import GradingPage
    from desktop_crm.views.settings.org_page import OrgPage
    from desktop_crm.views.settings.sla_page import complaint_pages
    from desktop_crm.views.settings.users_page import UsersPage
    from desktop_crm.views.settings.workload_page import WorkloadPage

    return [
        PageSpec(GeneralPage, admin_only=False),
        PageSpec(OrgPage),
        PageSpec(UsersPage),
        PageSpec(CallbackRulesPage),
        PageSpec(DayClosePage),
        *complaint_pages(),
        PageSpec(WorkloadPage),
        PageSpec(GradingPage),
    ]


class SettingsDialog(QDialog):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Basic settings"))
        self.resize(900, 600)
        self.page_list = QListWidget()
        self.page_list.setObjectName("pageList")
        self.page_list.setFixedWidth(160)
        self.stack = QStackedWidget()
        self.pages: list[QWidget] = []
        admin = can_manage_settings(user)
        for spec in [*_default_pages(), *_PAGES]:
            if spec.admin_only and not admin:
                continue
            page = spec.factory(db, user, self)
            self.pages.append(page)
            self.page_list.addItem(page.windowTitle())
            self.stack.addWidget(page)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)

    def page(self, cls: type[QWidget]) -> QWidget:
        for page in self.pages:
            if isinstance(page, cls):
                return page
        raise KeyError(cls.__name__)

    def show_page(self, cls: type[QWidget]) -> QWidget:
        page = self.page(cls)
        self.page_list.setCurrentRow(self.pages.index(page))
        return page
