"""Import customers or refuel visits from a CSV / Excel file, in three steps:

1. choose the file, what it holds and the station of rows that name none;
2. check the columns: each column of the header row with the field it goes to (found
   by its name, or chosen here), and a sample value;
3. the import runs on a worker thread with a progress bar (Cancel rolls it back);
   then the counts, and the refused rows with their Excel row numbers and reasons,
   which can be saved as a CSV error report.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from desktop_crm.i18n import translate_message
from desktop_crm.models import OrgKind, OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services.importing import (
    IGNORE,
    ImportCancelled,
    ImportKind,
    ImportResult,
    Preview,
    RowError,
    fields_for,
    import_file,
    preview_file,
    write_error_report,
)
from desktop_crm.views.background import BackgroundOp, OpContext, error_text, run_in_background

ERROR_STYLE = "color: #b00020;"
NO_PROGRESS_DIALOG_MS = 24 * 3600 * 1000  # the dialog shows its own progress bar


class ErrorTableModel(QAbstractTableModel):
    """The refused rows: Excel row number, reason (translated), the row's cells."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.errors: list[RowError] = []

    def set_errors(self, errors: list[RowError]) -> None:
        self.beginResetModel()
        self.errors = errors
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.errors)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        error = self.errors[index.row()]
        if index.column() == 0:
            return error.row
        if index.column() == 1:
            return error.message(translate_message)
        return " | ".join(error.cells)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("ImportDialog", "Row"),
            QCoreApplication.translate("ImportDialog", "Reason"),
            QCoreApplication.translate("ImportDialog", "Cells of the row"),
        )[section]


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (queued)."""

    changed = Signal(int, int, str)


class ImportDialog(QDialog):
    """Choose a file, check its columns, import it, see what was refused."""

    imported = Signal(object)  # the ImportResult, after a successful import

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.preview: Preview | None = None
        self.result: ImportResult | None = None
        self.op: BackgroundOp[Any] | None = None
        self._cancel = threading.Event()
        self._closing = False
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self.setWindowTitle(self.tr("Import customers or visits"))
        self.resize(760, 520)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._kind_changed()

    # -- step 1: the file ---------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        page = QWidget()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Customers (客户档案)"), ImportKind.CUSTOMERS.value)
        self.kind.addItem(self.tr("Refuel visits (card system export)"), ImportKind.VISITS.value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(self.tr("a .xlsx or .csv file"))
        self.path.textChanged.connect(self._path_changed)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.station = QComboBox()
        self.station.setObjectName("station")
        self._fill_stations()
        self.create_missing = QCheckBox(
            self.tr("Create a plate-only customer for an unknown plate")
        )
        self.create_missing.setObjectName("createMissing")
        form = QFormLayout()
        form.addRow(self.tr("The file holds"), self.kind)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Station of rows without one"), self.station)
        form.addRow("", self.create_missing)
        hint = QLabel(
            self.tr(
                "The header row may be below a title line. Columns with usual names (姓名, "
                "手机, 车牌, 卡号, 身份证, 交易时间, 升数, 金额, …) are recognised; you can "
                "assign the others in the next step. Customers already on file are updated, "
                "never duplicated."
            )
        )
        hint.setWordWrap(True)
        self.choose_error = QLabel()
        self.choose_error.setObjectName("chooseError")
        self.choose_error.setStyleSheet(ERROR_STYLE)
        self.choose_error.setWordWrap(True)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("next")
        self.next_button.setDefault(True)
        self.next_button.setEnabled(False)
        self.next_button.clicked.connect(self.load_preview)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.choose_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _fill_stations(self) -> None:
        """The stations of the user's subtree (a handful of rows: read on the GUI thread)."""
        with self.db.session() as session:
            own = session.get_one(OrgUnit, self.user.org_unit_id)
            stations = list(
                session.scalars(
                    select(OrgUnit)
                    .where(
                        OrgUnit.path.startswith(own.path),
                        OrgUnit.kind == OrgKind.STATION,
                        OrgUnit.deleted.is_(False),
                        OrgUnit.active.is_(True),
                    )
                    .order_by(OrgUnit.code)
                )
            )
        if own.kind != OrgKind.STATION:
            self.station.addItem(self.tr("(each row names its station)"), None)
        for unit in stations:
            self.station.addItem(f"{unit.code} {unit.name}", unit.id)
        self.station.setEnabled(self.station.count() > 1)

    def _kind_changed(self) -> None:
        self.create_missing.setVisible(self.kind_value() == ImportKind.VISITS)

    def _path_changed(self) -> None:
        self.next_button.setEnabled(bool(self.path.text().strip()))
        self.choose_error.clear()

    def kind_value(self) -> ImportKind:
        return ImportKind(self.kind.currentData())

    def browse(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            str(Path(self.path.text()).parent) if self.path.text() else "",
            self.tr("Excel or CSV (*.xlsx *.csv *.txt);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def load_preview(self) -> None:
        path, kind = Path(self.path.text().strip()), self.kind_value()
        self.next_button.setEnabled(False)

        def work(_ctx: OpContext) -> Preview:
            return preview_file(path, kind)

        def failed(exc: Exception) -> None:
            self.next_button.setEnabled(True)
            self.choose_error.setText(error_text(exc))

        self.op = run_in_background(self, self.db, work, self._show_mapping, on_failure=failed)

    # -- step 2: the columns ------------------------------------------------------------
    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.mapping_intro = QLabel()
        self.mapping_intro.setObjectName("mappingIntro")
        self.mapping_intro.setWordWrap(True)
        self.mapping_error = QLabel()
        self.mapping_error.setObjectName("mappingError")
        self.mapping_error.setStyleSheet(ERROR_STYLE)
        self.mapping_error.setWordWrap(True)
        self.mapping_grid = QGridLayout()
        holder = QWidget()
        holder.setLayout(self.mapping_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        back = QPushButton(self.tr("Back"))
        back.setObjectName("back")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.mapping_error)
        layout.addLayout(buttons)
        return page

    def _show_mapping(self, preview: Preview) -> None:
        self.preview = preview
        self.next_button.setEnabled(True)
        self.mapping_error.clear()
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        rows = (
            self.tr("{n} data rows").format(n=f"{preview.data_rows:,}")
            if preview.data_rows is not None
            else self.tr("many data rows")
        )
        self.mapping_intro.setText(
            self.tr(
                "Header row: row {row}, {rows}. Check the field each column goes to; columns "
                "set to “not imported” are left out."
            ).format(row=preview.header_row, rows=rows)
        )
        for col, text in enumerate((self.tr("Column"), self.tr("Example"), self.tr("Field"))):
            label = QLabel(f"<b>{text}</b>")
            self.mapping_grid.addWidget(label, 0, col)
        fields = fields_for(preview.kind)
        self.combos: list[QComboBox] = []
        for i, header in enumerate(preview.headers):
            sample = next((r[i] for r in preview.samples if i < len(r) and r[i]), "")
            combo = QComboBox()
            combo.setObjectName(f"map_{i}")
            combo.addItem(self.tr("(not imported)"), IGNORE)
            for f in fields:
                combo.addItem(QCoreApplication.translate("import_fields", f.label), f.key)
            found = combo.findData(preview.mapping.get(i, IGNORE))
            combo.setCurrentIndex(max(found, 0))
            self.combos.append(combo)
            name = QLabel(header or self.tr("(column {n})").format(n=i + 1))
            name.setObjectName(f"column_{i}")
            self.mapping_grid.addWidget(name, i + 1, 0)
            self.mapping_grid.addWidget(QLabel(sample[:40]), i + 1, 1)
            self.mapping_grid.addWidget(combo, i + 1, 2)
        self.mapping_grid.setRowStretch(len(preview.headers) + 1, 1)
        self.pages.setCurrentIndex(1)

    def chosen_mapping(self) -> dict[str | int, str]:
        """Column position → field, as the combo boxes show it."""
        return {i: combo.currentData() for i, combo in enumerate(self.combos)}

    # -- step 3: the import and its result ------------------------------------------------
    def _result_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progress")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.error_model = ErrorTableModel(self)
        self.error_view = QTableView()
        self.error_view.setObjectName("errors")
        self.error_view.setModel(self.error_model)
        self.error_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.error_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )
        self.error_view.horizontalHeader().setStretchLastSection(True)
        self.error_view.verticalHeader().hide()
        self.save_button = QPushButton(self.tr("Save error report…"))
        self.save_button.setObjectName("saveErrors")
        self.save_button.clicked.connect(self.save_errors)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.done_button = QPushButton(self.tr("Close"))
        self.done_button.setObjectName("close")
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.error_view, 1)
        layout.addLayout(buttons)
        return page

    def start_import(self) -> None:
        assert self.preview is not None
        path, kind = Path(self.path.text().strip()), self.preview.kind
        mapping, header_row = self.chosen_mapping(), self.preview.header_row
        station, create = self.station.currentData(), self.create_missing.isChecked()
        user_id, cancel, signals = self.user.id, self._cancel, self._progress
        cancel.clear()

        def progress(done: int, total: int, label: str) -> None:
            if cancel.is_set():
                raise ImportCancelled()
            signals.changed.emit(done, total, label)

        def work(ctx: OpContext) -> ImportResult:
            user = ctx.session.get_one(User, user_id)
            return import_file(
                ctx.session, kind, path, user, mapping=mapping, station=station,
                header_row=header_row, create_missing=create and kind == ImportKind.VISITS,
                progress=progress,
            )  # fmt: skip

        self._running(True)
        self.mapping_error.clear()
        self.summary.clear()
        self.summary.setStyleSheet("")
        self.error_model.set_errors([])
        self.pages.setCurrentIndex(2)
        self.op = run_in_background(
            self,
            self.db,
            work,
            self._finished,
            on_failure=self._failed,
            progress_delay_ms=NO_PROGRESS_DIALOG_MS,
        )

    def _running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.progress_label.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.done_button.setVisible(not running)
        self.save_button.setVisible(not running)
        self.error_view.setVisible(not running)
        if running:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(self.tr("Reading the file…"))

    def _show_progress(self, done: int, total: int, label: str) -> None:
        if label:
            self.progress_label.setText(translate_message("import", label) + "…")
        self.progress_bar.setRange(0, max(total, 0))
        self.progress_bar.setValue(min(done, total) if total else 0)

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))

    def _finished(self, result: ImportResult) -> None:
        self.result = result
        self._running(False)
        self.summary.setText(
            self.tr(
                "{file}: imported {imported}, updated {updated}, unchanged {skipped}, "
                "refused {errors}."
            ).format(
                file=result.file,
                imported=f"{result.imported:,}",
                updated=f"{result.updated:,}",
                skipped=f"{result.skipped:,}",
                errors=f"{len(result.errors):,}",
            )
            + (
                " "
                + self.tr("Plate-only customers created: {n}.").format(
                    n=f"{result.created_customers:,}"
                )
                if result.created_customers
                else ""
            )
        )
        self.error_model.set_errors(result.errors)
        self.error_view.resizeColumnToContents(0)
        self.error_view.setColumnWidth(1, 360)
        self.save_button.setEnabled(bool(result.errors))
        self.imported.emit(result)
        if self._closing:
            self.accept()

    def _failed(self, exc: Exception) -> None:
        self._running(False)
        self.save_button.setEnabled(False)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(error_text(exc))
        if self._closing:
            super().reject()
        elif not isinstance(exc, ImportCancelled):  # back to the columns, with the reason
            self.mapping_error.setText(error_text(exc))
            self.pages.setCurrentIndex(1)

    def save_errors(self) -> None:
        if self.result is None or not self.result.errors:
            return
        path, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the error report"),
            str(Path(self.path.text()).with_name(Path(self.path.text()).stem + "-错误行.csv")),
            self.tr("CSV (*.csv)"),
        )
        if not path:
            return
        try:
            write_error_report(self.result.errors, Path(path), self.result.headers,
                               translate=translate_message)  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.summary.setText(error_text(exc))
            return
        self.summary.setText(
            self.summary.text() + " " + self.tr("Error report saved: {path}").format(path=path)
        )

    def reject(self) -> None:
        """Closing while an import runs cancels it first (nothing is kept)."""
        if self.op is not None and self.op.running and self.pages.currentIndex() == 2:
            self._closing = True
            self.cancel()
            return
        super().reject()
