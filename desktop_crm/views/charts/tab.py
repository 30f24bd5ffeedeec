"""The charts tab: pick a scope, a period and a chart; click a bar to go one level down.

Every indicator is computed off the GUI thread (views/background.py); the figure is
built there too and only drawn on the canvas here. pandas and matplotlib are imported
when the tab first shows a chart, not at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.views.background import OpContext, run_in_background, show_error
from desktop_crm.views.charts.frame_model import FrameModel

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from desktop_crm.reports.scope import ChartPeriod, ChartScope, Unit

NO_DIALOG_MS = 2_000_000_000  # the tab shows its own busy bar instead of a modal dialog
CUSTOMER_LIMIT = 1000  # customers listed below a station at most
CHART_NAMES = (
    "customers_by_level",
    "new_customers",
    "card_ratio",
    "big_share",
    "level_changes",
    "loss_rate",
    "callbacks",
    "complaints_pareto",
    "complaints_on_time",
    "per_employee",
)


@dataclass
class Shown:
    """What the canvas shows now."""

    chart: str
    scope: ChartScope
    period: ChartPeriod
    frame: pd.DataFrame
    figure: Figure
    table: pd.DataFrame  # the frame as the table shows it (and the export writes it)


class ChartTab(QWidget):
    """Charts and grading for the user's org subtree."""

    chart_shown = Signal(str)  # the chart's name, once drawn

    def __init__(
        self, db: Database, user: User, org_unit: OrgUnit, today: date | None = None
    ) -> None:
        super().__init__()
        self.db, self.user, self.org_unit = db, user, org_unit
        self.today = today
        self.shown: Shown | None = None
        self.units: list[Unit] = []
        self.scope_id = org_unit.id
        self._history: list[str] = []  # unit ids to go back up to
        self._titles: dict[str, str] = {}
        self.pages = QTabWidget()
        self.pages.addTab(self._charts_page(), self.tr("Charts"))
        from desktop_crm.views.charts.grading_panel import GradingPanel

        self.grading = GradingPanel(db, user, org_unit, today)
        self.pages.addTab(self.grading, self.tr("Grading"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        self._started = False
        self._computing = False
        self._pending = False

    # -- layout -------------------------------------------------------------------------
    def _charts_page(self) -> QWidget:
        page = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Scope:")))
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("chartScope")
        self.scope_combo.setMinimumWidth(220)
        self.scope_combo.activated.connect(self._scope_chosen)
        bar.addWidget(self.scope_combo)
        bar.addWidget(QLabel(self.tr("Period:")))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("chartPeriod")
        for text, key in (
            (self.tr("Last 12 months"), "12"),
            (self.tr("Last 24 months"), "24"),
            (self.tr("Last 6 months"), "6"),
            (self.tr("This year"), "year"),
            (self.tr("Last year"), "last_year"),
        ):
            self.period_combo.addItem(text, key)
        self.period_combo.activated.connect(lambda _i: self.refresh())
        bar.addWidget(self.period_combo)
        self.up_button = QPushButton(self.tr("Up one level"))
        self.up_button.clicked.connect(self.go_up)
        bar.addWidget(self.up_button)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        bar.addWidget(self.refresh_button)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export_dialog)
        bar.addWidget(self.export_button)
        bar.addStretch(1)

        self.chart_list = QListWidget()
        self.chart_list.setObjectName("chartList")
        self.chart_list.setMaximumWidth(260)
        self.chart_list.currentItemChanged.connect(lambda *_a: self.refresh())
        self.canvas_holder = QVBoxLayout()
        self.hint = QLabel()
        self.hint.setObjectName("chartHint")
        self.hint.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: how long an SQL aggregate takes is not known
        self.busy.setMaximumWidth(200)
        self.busy.hide()
        self.busy_label = QLabel()
        self.busy_label.hide()
        bar.addWidget(self.busy_label)
        bar.addWidget(self.busy)
        self.canvas_box = QWidget()
        self.canvas_box.setLayout(self.canvas_holder)
        self.canvas: Any = None
        self.table_model = FrameModel()
        self.table = QTableView()
        self.table.setObjectName("chartTable")
        self.table.setModel(self.table_model)
        self.table.setAlternatingRowColors(True)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.canvas_box)
        right.addWidget(self.table)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([560, 200])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.chart_list)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(body, 1)
        return page

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._started:
            self.start()

    def start(self) -> None:
        """Fill the scope and chart lists (and so draw the first chart)."""
        if self._started:
            return
        self._started = True
        from desktop_crm.reports import base

        base.prefetch(self.db.session)  # the slowest aggregate, beside the first chart's

        def work(_ctx: OpContext) -> tuple[list[Unit], dict[str, str]]:
            from desktop_crm.reports.figures import CHARTS, t
            from desktop_crm.reports.scope import allowed_units

            with self.db.session() as session:
                user = session.get_one(User, self.user.id)
                units = allowed_units(session, user)
            return units, {name: t(CHARTS[name].title) for name in CHART_NAMES}

        run_in_background(self, self.db, work, self._lists_ready, label=self.tr("Loading charts…"))

    def _lists_ready(self, result: tuple[list[Unit], dict[str, str]]) -> None:
        self.units, self._titles = result
        self._fill_scopes()
        self.chart_list.blockSignals(True)
        for name in CHART_NAMES:
            item = QListWidgetItem(self._titles[name])
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.chart_list.addItem(item)
        self.chart_list.blockSignals(False)
        self.chart_list.setCurrentRow(0)

    def _fill_scopes(self) -> None:
        self.scope_combo.clear()
        top = self.units[0].path.count("/") if self.units else 0
        for unit in self.units:
            depth = unit.path.count("/") - top
            self.scope_combo.addItem("    " * depth + unit.name, unit.id)
        self._sync_scope_combo()

    def _sync_scope_combo(self) -> None:
        index = self.scope_combo.findData(self.scope_id)
        if index >= 0:
            self.scope_combo.setCurrentIndex(index)
        self.up_button.setEnabled(self.scope_id != self.user.org_unit_id)

    # -- choosing --------------------------------------------------------------------------
    def chart_name(self) -> str | None:
        item = self.chart_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_chart(self, name: str) -> None:
        for row in range(self.chart_list.count()):
            if self.chart_list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.chart_list.setCurrentRow(row)
                return
        raise KeyError(name)

    def _scope_chosen(self, index: int) -> None:
        unit_id = self.scope_combo.itemData(index)
        if unit_id and unit_id != self.scope_id:
            self._history.append(self.scope_id)
            self.scope_id = unit_id
            self.refresh()

    def drill_into(self, unit_id: str) -> None:
        """One level down, into a child unit (what a click on its bar does)."""
        if unit_id == self.scope_id:
            return
        self._history.append(self.scope_id)
        self.scope_id = unit_id
        self.refresh()

    def go_up(self) -> None:
        """Back to where the last drill-down started, else to the parent unit."""
        if self._history:
            self.scope_id = self._history.pop()
        elif self.shown is not None:
            parts = self.shown.scope.unit.path.strip("/").split("/")
            parent_path = "/" + "/".join(parts[:-1]) + "/"
            parent = next((u.id for u in self.units if u.path == parent_path), None)
            if parent is None:
                return
            self.scope_id = parent
        self.refresh()

    def period(self) -> ChartPeriod:
        from desktop_crm.reports.scope import months_ending, today_local, year_period

        today = self.today or today_local()
        key = self.period_combo.currentData()
        if key == "year":
            return year_period(today.year, self.today)
        if key == "last_year":
            return year_period(today.year - 1, self.today)
        return months_ending(today, int(key or 12), self.today)

    # -- computing and drawing -------------------------------------------------------------
    def reload(self) -> None:
        from desktop_crm.reports import base

        base.invalidate()
        self.refresh()

    def refresh(self) -> None:
        """Compute and draw the chosen chart for the chosen scope and period.

        One computation at a time: a choice made meanwhile is drawn when it ends. The
        window stays usable (a busy bar in the tab, no modal dialog): the first chart
        on a large database computes its aggregates for minutes.
        """
        name = self.chart_name()
        if name is None:
            return
        self._sync_scope_combo()
        if self._computing:
            self._pending = True
            return
        self._computing, self._pending = True, False
        self.busy.show()
        period, scope_id, user_id = self.period(), self.scope_id, self.user.id
        title = self._titles.get(name, name)
        self.busy_label.setText(self.tr("Computing: %1").replace("%1", title))
        self.busy_label.show()

        def work(ctx: OpContext) -> tuple[ChartScope, pd.DataFrame, Figure]:
            from desktop_crm.reports.figures import CHARTS
            from desktop_crm.reports.scope import scope_for

            spec = CHARTS[name]
            with self.db.session() as session:
                user = session.get_one(User, user_id)
                scope = scope_for(session, scope_id, user)
                frame = spec.indicator(session, scope, period)
            return scope, frame, spec.figure(frame, scope, period)

        def done(result: tuple[ChartScope, pd.DataFrame, Figure]) -> None:
            stale = self._pending  # the user chose something else meanwhile: draw that
            self._computed()
            if not stale:
                self._show(name, period, *result)

        def failed(exc: Exception) -> None:
            self._computed()
            show_error(self, exc)

        run_in_background(
            self, self.db, work, done, on_failure=failed, progress_delay_ms=NO_DIALOG_MS
        )

    def _computed(self) -> None:
        self._computing = False
        self.busy.hide()
        self.busy_label.hide()
        if self._pending:
            self.refresh()

    @property
    def computing(self) -> bool:
        return self._computing

    def _show(
        self, name: str, period: ChartPeriod, scope: ChartScope, frame: Any, fig: Any
    ) -> None:
        if name != self.chart_name() or scope.unit.id != self.scope_id:
            return  # the user moved on meanwhile; the newer request draws
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from desktop_crm.reports.figures import CHARTS, display_frame, is_empty, table_columns

        canvas = FigureCanvasQTAgg(fig)
        canvas.setObjectName("chartCanvas")
        canvas.setMinimumSize(480, 320)
        canvas.mpl_connect("pick_event", self._picked)
        if self.canvas is not None:
            old = self.canvas
            self.canvas_holder.removeWidget(old)
            old.hide()
            old.setParent(None)
            old.deleteLater()
        self.canvas = canvas
        self.canvas_holder.addWidget(canvas)
        canvas.draw()
        table = display_frame(frame)
        self.shown = Shown(name, scope, period, frame, fig, table)
        self.table_model.set_frame(table, table_columns(table))
        self.table.resizeColumnsToContents()
        if is_empty(fig):
            self.hint.setText(self.tr("No data in this scope for this period."))
        elif CHARTS[name].drills and scope.breakdown != "customers":
            self.hint.setText(self.tr("Click a bar to look one level down."))
        elif name == "customers_by_level":
            self.hint.setText(self.tr("Click a level's bar to list its customers."))
        else:
            self.hint.setText("")
        self.chart_shown.emit(name)

    def _picked(self, event: Any) -> None:
        gid = event.artist.get_gid() if event.artist is not None else None
        if gid:
            self.bar_clicked(gid)

    def bar_clicked(self, gid: str) -> None:
        """A bar's target: a child unit to drill into, or a level to list customers of."""
        from desktop_crm.reports.figures import LEVEL_PREFIX

        if gid.startswith(LEVEL_PREFIX):
            self.list_customers(gid[len(LEVEL_PREFIX) :])
        elif self.shown is not None and any(c.id == gid for c in self.shown.scope.children):
            self.drill_into(gid)
        elif self.shown is not None and gid == self.scope_id and not self.shown.scope.children:
            self.list_customers(None)  # a leaf unit's own bar: its customers

    def list_customers(self, level: str | None) -> None:
        """The customers of the leaf unit shown (of one level, or all) in the table below."""
        scope_id = self.scope_id

        def work(_ctx: OpContext) -> pd.DataFrame:
            from desktop_crm.reports.indicators import customers_of

            with self.db.session() as session:
                return customers_of(session, scope_id, level, CUSTOMER_LIMIT)

        def done(frame: pd.DataFrame) -> None:
            from desktop_crm.reports.figures import display_frame, table_columns

            table = display_frame(frame)
            if self.shown is not None:
                self.shown.frame, self.shown.table = frame, table
            self.table_model.set_frame(table, table_columns(table))
            self.table.resizeColumnsToContents()
            if level is None:
                name = self.shown.scope.unit.name if self.shown is not None else ""
                text = self.tr("Customers of %1: %2").replace("%1", name)
            else:
                text = self.tr("Customers of level %1: %2").replace("%1", level or "–")
            text = text.replace("%2", str(len(frame)))
            if len(frame) >= CUSTOMER_LIMIT:
                text += " " + self.tr("(the %1 seen most recently)").replace(
                    "%1", str(CUSTOMER_LIMIT)
                )
            self.hint.setText(text)

        run_in_background(self, self.db, work, done, label=self.tr("Listing customers…"))

    # -- export ----------------------------------------------------------------------------
    def export_dialog(self) -> None:
        if self.shown is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart's table"), f"{self.shown.chart}.xlsx", "Excel (*.xlsx)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Path | None:
        from desktop_crm.reports.chart_export import frame_to_xlsx

        if self.shown is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        title = self._titles.get(self.shown.chart, self.shown.chart)
        subtitle = f"{self.shown.scope.unit.name} · {self.shown.period.text}"
        try:
            return frame_to_xlsx(self.shown.table, path, title, subtitle)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export failed"),
                self.tr("Cannot write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
