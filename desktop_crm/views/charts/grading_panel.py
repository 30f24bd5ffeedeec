"""The grading page of the charts tab: compute S and ABC for a scope, list the
customers whose computed grade differs from their level, apply one, the selected or
all of them (each through change_level, so into the level history)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services.customer_access import is_manager
from desktop_crm.views.background import OpContext, run_in_background
from desktop_crm.views.charts.frame_model import FrameModel

if TYPE_CHECKING:
    import pandas as pd

SHOWN = ["name", "station", "level", "proposed", "score", "grade", "abc"]


class GradingPanel(QWidget):
    computed = Signal(int)  # how many customers differ
    applied = Signal(int)  # how many levels changed

    def __init__(
        self, db: Database, user: User, org_unit: OrgUnit, today: date | None = None
    ) -> None:
        super().__init__()
        self.db, self.user, self.org_unit, self.today = db, user, org_unit, today
        self.frame: pd.DataFrame | None = None
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Scope:")))
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("gradingScope")
        self.scope_combo.setMinimumWidth(220)
        bar.addWidget(self.scope_combo)
        self.compute_button = QPushButton(self.tr("Compute grades"))
        self.compute_button.clicked.connect(self.compute)
        bar.addWidget(self.compute_button)
        self.apply_selected_button = QPushButton(self.tr("Apply to selected"))
        self.apply_selected_button.clicked.connect(self.apply_selected)
        bar.addWidget(self.apply_selected_button)
        self.apply_all_button = QPushButton(self.tr("Apply to all listed"))
        self.apply_all_button.clicked.connect(self.apply_all)
        bar.addWidget(self.apply_all_button)
        bar.addStretch(1)
        self.status = QLabel(
            self.tr(
                "S = 40% revenue + 30% volume + 20% credit + 10% growth (weights and cut-offs "
                "in the settings); A from 91, B from 81, C from 65, no rounding: 90.5 is B."
            )
        )
        self.status.setWordWrap(True)
        self.model = FrameModel()
        self.table = QTableView()
        self.table.setObjectName("gradingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self._editable = is_manager(user)
        self._update_buttons()
        self._fill_scopes()

    def _fill_scopes(self) -> None:
        from sqlalchemy import select

        with self.db.session() as session:  # a handful of org units: quick
            own = session.get_one(OrgUnit, self.user.org_unit_id)
            rows = session.execute(
                select(OrgUnit.id, OrgUnit.name, OrgUnit.path)
                .where(OrgUnit.path.startswith(own.path), OrgUnit.deleted.is_(False))
                .order_by(OrgUnit.path)
            ).all()
        top = own.path.count("/")
        for unit_id, name, path in sorted(rows, key=lambda r: r[2]):
            self.scope_combo.addItem("    " * (path.count("/") - top) + name, unit_id)

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.apply_selected_button.setEnabled(self._editable and has_rows)
        self.apply_all_button.setEnabled(self._editable and has_rows)

    def compute(self) -> None:
        unit_id = self.scope_combo.currentData() or self.user.org_unit_id
        today = self.today

        label = self.tr("Grading…")

        def work(ctx: OpContext) -> pd.DataFrame:
            from desktop_crm.reports.grading import differing, grade_customers
            from desktop_crm.reports.scope import today_local

            with self.db.session() as session:
                unit = session.get_one(OrgUnit, unit_id)
                graded = grade_customers(
                    session,
                    unit.path,
                    today or today_local(),
                    progress=lambda done, total: ctx.progress(done, total, label),
                )
                return differing(graded)

        run_in_background(self, self.db, work, self._computed, label=label, cancellable=True)

    def _computed(self, frame: pd.DataFrame) -> None:
        from desktop_crm.reports.figures import display_frame, table_columns

        self.frame = frame
        table = display_frame(frame[SHOWN])
        self.model.set_frame(table, table_columns(table))
        self.table.resizeColumnsToContents()
        self.status.setText(
            self.tr("Customers whose computed grade differs from their level: %1").replace(
                "%1", str(len(frame))
            )
        )
        self._update_buttons()
        self.computed.emit(len(frame))

    def apply_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self._apply(rows)

    def apply_all(self) -> None:
        self._apply(list(range(self.model.rowCount())))

    def _apply(self, rows: list[int]) -> None:
        if self.frame is None or not rows:
            return
        from desktop_crm.reports.grading import reason_for

        picked = self.frame.iloc[rows]
        changes = [
            (cid, level, reason_for(score, grade))
            for cid, level, score, grade in zip(
                picked["id"], picked["proposed"], picked["score"], picked["grade"], strict=True
            )
        ]
        user_id = self.user.id

        def work(ctx: OpContext) -> int:
            from desktop_crm.reports.grading import apply_levels

            user = ctx.session.get_one(User, user_id)
            return apply_levels(ctx.session, user, changes)

        def done(count: int) -> None:
            assert self.frame is not None
            self.frame = self.frame.drop(self.frame.index[rows]).reset_index(drop=True)
            self._computed(self.frame)
            self.status.setText(self.tr("Levels changed: %1").replace("%1", str(count)))
            self.applied.emit(count)

        run_in_background(self, self.db, work, done, label=self.tr("Changing levels…"))

    def selected_count(self) -> int:
        return len(self.table.selectionModel().selectedRows())

    def row_names(self) -> list[Any]:
        return [] if self.frame is None else list(self.frame["name"])
