"""Hand over all customers of one maintainer (or developer) to another, with a reason.

谁开发,谁维护: when staff leave, their customers go to a colleague; each change is kept
in the customer's owner history (who, when, why).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services.customer_actions import customer_ids_owned_by, reassign
from desktop_crm.services.customer_list import maintainers_in_scope
from desktop_crm.services.customer_options import OWNER_ROLES
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.labels import option_label


class HandOverDialog(QDialog):
    handed_over = Signal(int)

    def __init__(
        self,
        db: Database,
        user: User,
        scope: OrgUnit,
        from_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Hand over customers"))
        with db.session() as session:
            people = maintainers_in_scope(session, scope)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in OWNER_ROLES:
            self.role.addItem(option_label(OWNER_ROLES, role), role)
        self.source = QComboBox()
        self.source.setObjectName("fromUser")
        self.target = QComboBox()
        self.target.setObjectName("toUser")
        for person in people:
            self.source.addItem(person.name + f" ({person.login})", person.id)
            if person.active:
                self.target.addItem(person.name + f" ({person.login})", person.id)
        if from_id:
            self.source.setCurrentIndex(max(self.source.findData(from_id), 0))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. transferred to another station"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("Hand over as"), self.role)
        form.addRow(self.tr("From"), self.source)
        form.addRow(self.tr("To"), self.target)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Hand over"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.hand_over)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)

    def hand_over(self) -> None:
        role, source, target = (
            self.role.currentData(),
            self.source.currentData(),
            self.target.currentData(),
        )
        reason, user_id = self.reason.text().strip(), self.user.id
        if source == target:
            self.message.setText(self.tr("Choose two different people."))
            return
        self.buttons.setEnabled(False)

        def work(ctx: OpContext) -> int:
            actor = ctx.session.get_one(User, user_id)
            ids = customer_ids_owned_by(ctx.session, actor, source, role)
            return reassign(ctx.session, actor, ids, role, target, reason) if ids else 0

        def failed(exc: Exception) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(error_text(exc))

        def done(count: int) -> None:
            self.handed_over.emit(count)
            self.accept()

        run_in_background(
            self, self.db, work, done, on_failure=failed, label=self.tr("Handing over…")
        )
