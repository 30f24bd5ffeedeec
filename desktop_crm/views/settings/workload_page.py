"""Workload settings (1:15): how many customers one employee should maintain at least and
at most; the workload view of the callback tab warns outside these."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.callbacks.workload import LIMIT_RANGE, limits, set_limits
from desktop_crm.views.background import OpContext, error_text, run_in_background


class WorkloadPage(QWidget):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Workload (1:15)"))
        intro = QLabel(
            self.tr(
                "Every employee maintains customers (客户人人管). The workload view warns "
                "about employees with fewer than the minimum or more than the ceiling of "
                "maintained customers (new, active and dormant; prospects and lost "
                "customers are not counted)."
            )
        )
        intro.setWordWrap(True)
        self.minimum = QSpinBox()
        self.minimum.setObjectName("minCustomers")
        self.maximum = QSpinBox()
        self.maximum.setObjectName("maxCustomers")
        for box in (self.minimum, self.maximum):
            box.setRange(*LIMIT_RANGE)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveWorkload")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("workloadMessage")
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("At least (customers per employee)"), self.minimum)
        form.addRow(self.tr("At most (ceiling)"), self.maximum)
        form.addRow(self.save_button)
        form.addRow(self.message)
        with db.session() as session:
            low, high = limits(session)
        self.minimum.setValue(low)
        self.maximum.setValue(high)

    def save(self) -> None:
        low, high, user_id = self.minimum.value(), self.maximum.value(), self.user.id

        def work(ctx: OpContext) -> None:
            set_limits(ctx.session, ctx.session.get_one(User, user_id), low, high)

        def done(_result: None) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(self.tr("Saved."))

        def failed(exc: Exception) -> None:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(error_text(exc))

        run_in_background(self, self.db, work, done, on_failure=failed)
