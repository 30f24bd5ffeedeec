"""GUI start-up: QApplication, fonts and language, database, first run, login, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_crm import i18n
from desktop_crm.config import Preferences
from desktop_crm.errors import DatabaseOpenError
from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database, needs_migration, open_database
from desktop_crm.services.setup import needs_first_run
from desktop_crm.views.background import error_text, wait_with_progress
from desktop_crm.views.fonts import install_fonts

if TYPE_CHECKING:
    from desktop_crm.views.main_window import MainWindow


def make_application(language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("desktop_crm")
    app.setOrganizationName("desktop_crm")
    install_fonts(app)
    i18n.install(language or os.environ.get("DESKTOP_CRM_LANG") or Preferences.load().language)
    return app


def open_or_explain(path: Path) -> Database | None:
    """Open the database, or show why it cannot be opened (never a traceback). An older
    store is updated behind a dialog that says so: on a big one that takes minutes."""
    try:
        if needs_migration(path):
            return wait_with_progress(
                lambda: open_database(path),
                QCoreApplication.translate("app", "Updating the database"),
                QCoreApplication.translate(
                    "app",
                    "Updating {name} for this version of the program. A copy of it is kept "
                    "first. On a large database this takes a few minutes.",
                ).format(name=path.name),
            )
        return open_database(path)
    except DatabaseOpenError as error:
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "Cannot open the database"), error_text(error)
        )
        return None


def log_in(db: Database) -> User | None:
    """First run when the database has no user, then the login dialog."""
    from desktop_crm.views.first_run_dialog import FirstRunDialog
    from desktop_crm.views.login_dialog import LoginDialog

    with db.session() as session:
        first = needs_first_run(session)
    prefill: str | None = None
    if first:
        setup = FirstRunDialog(db)
        if setup.exec() != QDialog.DialogCode.Accepted:
            return None
        prefill = setup.admin.login if setup.admin else None
    dialog = LoginDialog(db)
    if prefill:
        dialog.login_edit.setText(prefill)
        dialog.password_edit.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.user


def show_main_window(db: Database, user: User) -> MainWindow:
    from desktop_crm.views.main_window import MainWindow

    with db.session() as session:
        org = session.get_one(OrgUnit, user.org_unit_id)
    window = MainWindow(db, user, org)
    window.show()
    return window


def freeze_startup_objects() -> None:
    """Keep what start-up built (modules, Qt wrappers, the window), which lives as long
    as the program, out of the garbage collector's full passes: otherwise each pass walks
    all of it and stalls whatever is being drawn (a chart leaves many short-lived cycles)."""
    import gc

    gc.collect()
    gc.freeze()


def run_gui(path: Path, language: str | None = None) -> int:
    app = make_application(language)
    db = open_or_explain(path)
    if db is None:
        return 2
    user = log_in(db)
    if user is None:
        db.close()
        return 0
    window = show_main_window(db, user)
    freeze_startup_objects()
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    window.sync.stop()
    QThreadPool.globalInstance().waitForDone(30_000)  # a sync stops after its current page
    del window
    db.close()
    return code
