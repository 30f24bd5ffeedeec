"""转为投诉: open the complaint intake form for what a customer raised during a callback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.recording import link_complaint
from desktop_crm.views.background import OpContext, run_in_background


def open_complaint_intake(
    parent: QWidget,
    db: Database,
    user: User,
    *,
    customer_id: str,
    task_id: str,
    description: str,
    on_created: Callable[[str], None],
) -> QDialog:
    """Open the intake form prefilled from the callback; ``on_created(complaint_id)`` once
    the complaint is saved and linked to the task."""
    from desktop_crm.views.complaints.intake_dialog import ComplaintIntakeDialog

    dialog = ComplaintIntakeDialog(
        db, user, parent, customer_id=customer_id, source_task_id=task_id, description=description
    )

    def finished(result: int) -> None:
        complaint_id = getattr(dialog, "complaint_id", None)
        if result != QDialog.DialogCode.Accepted or not complaint_id:
            return

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, user.id)
            link_complaint(ctx.session, actor, task_id, complaint_id)
            return complaint_id

        def done(created: str) -> None:
            if isValid(parent):
                on_created(created)

        run_in_background(None, db, work, done)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
