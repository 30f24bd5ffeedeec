"""The working calendar page: public holidays and make-up working days (调休) per year."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints.policy_admin import (
    holidays_of,
    load_official,
    official_years,
    put_holiday,
    remove_holiday,
)
from desktop_crm.views.background import OpContext, error_text, run_in_background

Index = QModelIndex | QPersistentModelIndex


class HolidayModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, str, bool]] = []  # id, date, name, working
        self.headers = [self.tr("Date"), self.tr("Weekday"), self.tr("Name"), self.tr("Kind")]
        self.weekdays = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def set_rows(self, rows: list[tuple[str, str, str, bool]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        _id, day, name, working = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            return QColor("#1b5e20") if working else QColor("#b00020")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        kind = self.tr("Make-up working day") if working else self.tr("Public holiday")
        weekday = self.weekdays[date.fromisoformat(day).weekday()]
        return (day, weekday, name, kind)[index.column()]


class HolidayDialog(QDialog):
    """A day of the calendar: its date, name and whether it is off or worked."""

    def __init__(self, parent: QWidget, year: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a day"))
        self.date = QDateEdit()
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = QDate.currentDate()
        self.date.setDate(today if today.year() == year else QDate(year, 1, 1))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. 春节"))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Public holiday (day off)"), False)
        self.kind.addItem(self.tr("Make-up working day (调休, worked)"), True)
        form = QFormLayout(self)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(380)


class HolidaysPage(QWidget):
    """工作日历: the days that differ from the Monday-to-Friday week, per year."""

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Working calendar"))
        intro = QLabel(
            self.tr(
                "Complaint closure deadlines count working days: Monday to Friday, except "
                "the public holidays below, plus the weekend days worked instead (调休)."
            )
        )
        intro.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.valueChanged.connect(lambda _year: self.reload())
        self.add_button = QPushButton(self.tr("Add a day…"))
        self.add_button.setObjectName("addHoliday")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeHoliday")
        self.official_button = QPushButton(self.tr("Enter the State Council schedule"))
        self.official_button.setObjectName("officialSchedule")
        self.add_button.clicked.connect(self.add_day)
        self.remove_button.clicked.connect(self.remove_selected)
        self.official_button.clicked.connect(self.enter_official)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addWidget(self.official_button)
        top.addStretch(1)
        self.model = HolidayModel()
        self.table = QTableView()
        self.table.setObjectName("holidayTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.message = QLabel()
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        self.dialog: QDialog | None = None
        self.reload()

    def reload(self, select_date: str | None = None) -> None:
        year = self.year.value()
        with self.db.session() as session:
            rows = [(h.id, h.date, h.name, h.working) for h in holidays_of(session, year)]
        self.model.set_rows(rows)
        off = sum(1 for r in rows if not r[3])
        self.summary.setText(
            self.tr("{year}: {off} public holidays, {work} make-up working days").format(
                year=year, off=off, work=len(rows) - off
            )
        )
        self.official_button.setEnabled(year in official_years())
        for number, row in enumerate(rows):
            if row[1] == select_date:
                self.table.selectRow(number)

    def selected(self) -> tuple[str, str, str, bool] | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.rows[indexes[0].row()] if indexes else None

    def add_day(self) -> None:
        dialog = HolidayDialog(self, self.year.value())
        dialog.buttons.accepted.connect(lambda: self._save(dialog))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: HolidayDialog) -> None:
        qdate = dialog.date.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        name, working, actor_id = dialog.name.text(), bool(dialog.kind.currentData()), self.user.id
        dialog.buttons.setEnabled(False)

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, actor_id)
            return put_holiday(ctx.session, actor, day, name, working).date

        def failed(exc: Exception) -> None:
            dialog.buttons.setEnabled(True)
            dialog.message.setText(error_text(exc))

        def done(saved: str) -> None:
            dialog.accept()
            if self.year.value() != day.year:
                self.year.setValue(day.year)  # reloads
            self.reload(saved)
            self.message.setText(self.tr("{date} saved.").format(date=saved))

        run_in_background(dialog, self.db, work, done, on_failure=failed)

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        holiday_id, day, actor_id = row[0], row[1], self.user.id

        def work(ctx: OpContext) -> None:
            remove_holiday(ctx.session, ctx.session.get_one(User, actor_id), holiday_id)

        def done(_result: None) -> None:
            self.reload()
            self.message.setText(self.tr("{date} removed.").format(date=day))

        run_in_background(self, self.db, work, done)

    def enter_official(self) -> None:
        year, actor_id = self.year.value(), self.user.id

        def work(ctx: OpContext) -> int:
            return load_official(ctx.session, ctx.session.get_one(User, actor_id), year)

        def done(added: int) -> None:
            self.reload()
            self.message.setText(
                self.tr("{n} days of the {year} schedule entered.").format(n=added, year=year)
            )

        run_in_background(self, self.db, work, done)
