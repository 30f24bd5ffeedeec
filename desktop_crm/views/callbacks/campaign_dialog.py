"""New campaign (新建活动): an event, a segment of customers, a due date; the count of
callbacks it will make is shown live, before anything is created.

The preview and the creation run off the GUI thread (a count over a company's million
customers takes a moment; creating a hundred thousand tasks a few seconds, with a
progress dialog). A preview started for an older segment is ignored when it returns.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_datetime
from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services import customer_options
from desktop_crm.services.callbacks.campaigns import (
    CampaignSegment,
    Preview,
    can_launch,
    create_campaign,
    preview,
)
from desktop_crm.services.callbacks.options import EVENT_MAX, campaign_event_options
from desktop_crm.services.customer_access import stations_for
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.labels import option_label

PREVIEW_DELAY_MS = 300  # wait for the user to stop clicking before counting
DEFAULT_DUE_DAYS = 7


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _Choices(QWidget):
    """A row (or grid) of check boxes; nothing checked means "any"."""

    changed = Signal()

    def __init__(self, name: str, items: list[tuple[str, str]], columns: int = 6) -> None:
        super().__init__()
        self.setObjectName(name)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (value, label) in enumerate(items):
            box = QCheckBox(label)
            box.setObjectName(f"{name}:{value}")
            box.toggled.connect(self.changed)
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[value] = box

    def values(self) -> list[str]:
        return [value for value, box in self.boxes.items() if box.isChecked()]


class CampaignDialog(QDialog):
    """``created`` is emitted with (campaign id, number of tasks) once they are saved."""

    created = Signal(str, int)

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("New callback campaign"))
        self.today = local_datetime(now_ms()).date()
        self.result_count: int | None = None  # tasks made, once created
        self.campaign_id: str | None = None
        self.preview_result: Preview | None = None
        self._preview_key: object = None
        with db.session() as session:
            events = campaign_event_options(session)
            levels = customer_options.levels(session)
            tags = customer_options.tags(session)
            units = [(s.id, f"{s.code} {s.name}") for s in stations_for(session, user)]

        self.event = QComboBox()
        self.event.setObjectName("event")
        self.event.setEditable(True)
        self.event.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.event.lineEdit().setMaxLength(EVENT_MAX)
        self.event.lineEdit().setPlaceholderText(self.tr("Pick an event or type your own"))
        for value, label in events:
            self.event.addItem(label, value)
        self.event.setCurrentIndex(-1)
        self.event.currentTextChanged.connect(self._event_changed)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. Cold wave: care call to key customers"))
        self._name_auto = True
        self.name.textEdited.connect(self._name_edited)
        self.due = QDateEdit(_qdate(self.today + timedelta(days=DEFAULT_DUE_DAYS)))
        self.due.setObjectName("dueDate")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(_qdate(self.today))

        self.levels = _Choices("levels", [(v, v) for v in levels])
        self.kinds = _Choices(
            "kinds", [(k, option_label(customer_options.KINDS, k)) for k in customer_options.KINDS]
        )
        self.statuses = _Choices(
            "statuses",
            [(s, option_label(customer_options.STATUSES, s)) for s in customer_options.STATUSES],
        )
        self.tags = _Choices("tags", [(t, t) for t in tags])
        self.units = QListWidget()
        self.units.setObjectName("units")
        self.units.setMaximumHeight(110)
        for unit_id, label in units:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, unit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.units.addItem(item)
        self.units.itemChanged.connect(lambda _item: self._segment_changed())
        self.after_on = QCheckBox(self.tr("On or after"))
        self.after_on.setObjectName("afterOn")
        self.after = QDateEdit(_qdate(self.today - timedelta(days=90)))
        self.after.setObjectName("lastVisitAfter")
        self.before_on = QCheckBox(self.tr("Before"))
        self.before_on.setObjectName("beforeOn")
        self.before = QDateEdit(_qdate(self.today - timedelta(days=30)))
        self.before.setObjectName("lastVisitBefore")
        for edit in (self.after, self.before):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._segment_changed)
        self.after_on.toggled.connect(self.after.setEnabled)
        self.before_on.toggled.connect(self.before.setEnabled)
        for signal in (
            self.levels.changed,
            self.kinds.changed,
            self.statuses.changed,
            self.tags.changed,
            self.after_on.toggled,
            self.before_on.toggled,
        ):
            signal.connect(self._segment_changed)

        self.count = QLabel()
        self.count.setObjectName("previewCount")
        self.count.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")

        head = QFormLayout()
        head.addRow(self.tr("Event"), self.event)
        head.addRow(self.tr("Name"), self.name)
        head.addRow(self.tr("Call by"), self.due)
        segment = QGroupBox(self.tr("Customers to call (nothing ticked: all)"))
        form = QFormLayout(segment)
        form.addRow(self.tr("Levels"), self.levels)
        form.addRow(self.tr("Kinds"), self.kinds)
        form.addRow(self.tr("Statuses"), self.statuses)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Stations"), self.units)
        visits = QHBoxLayout()
        visits.addWidget(self.after_on)
        visits.addWidget(self.after)
        visits.addSpacing(16)
        visits.addWidget(self.before_on)
        visits.addWidget(self.before)
        visits.addStretch(1)
        form.addRow(self.tr("Last visit"), visits)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create callbacks"))
        self.create_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(segment)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        if not can_launch(user):
            self.message.setText(
                self.tr("Only station masters and managers can start a callback campaign.")
            )
        else:
            self.refresh_preview()

    # -- the form ------------------------------------------------------------------
    def _event_changed(self, text: str) -> None:
        if self._name_auto:
            self.name.setText(text.strip())
        self._update_button()

    def _name_edited(self, text: str) -> None:
        self._name_auto = not text.strip()

    def segment(self) -> CampaignSegment:
        return CampaignSegment(
            levels=self.levels.values(),
            kinds=self.kinds.values(),
            unit_ids=[
                self.units.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.units.count())
                if self.units.item(i).checkState() == Qt.CheckState.Checked
            ],
            tags=self.tags.values(),
            statuses=self.statuses.values(),
            last_visit_after=_pydate(self.after.date()) if self.after_on.isChecked() else None,
            last_visit_before=_pydate(self.before.date()) if self.before_on.isChecked() else None,
        )

    def _segment_changed(self) -> None:
        self.preview_result = None
        self.create_button.setEnabled(False)
        self.count.setText(self.tr("Counting…"))
        self._timer.start()

    def _update_button(self) -> None:
        ready = (
            self.preview_result is not None
            and self.preview_result.count > 0
            and bool(self.event.currentText().strip())
            and can_launch(self.user)
        )
        self.create_button.setEnabled(ready)

    # -- preview -------------------------------------------------------------------
    def refresh_preview(self) -> None:
        segment, user_id = self.segment(), self.user.id
        key = object()
        self._preview_key = key
        self.count.setText(self.tr("Counting…"))

        def work(ctx: OpContext) -> Preview:
            return preview(ctx.session, ctx.session.get_one(User, user_id), segment)

        def done(result: Preview) -> None:
            if not isValid(self) or self._preview_key is not key:
                return  # closed, or the segment changed meanwhile
            self.preview_result = result
            self.message.clear()
            text = self.tr("{n} customers will get a callback task.").format(n=f"{result.count:,}")
            if result.not_contactable:
                text += " " + self.tr(
                    "{n} more match but do not wish to be contacted (do not disturb or "
                    "no consent): they get none."
                ).format(n=f"{result.not_contactable:,}")
            self.count.setText(text)
            self._update_button()

        def failed(exc: Exception) -> None:
            if isValid(self) and self._preview_key is key:
                self.count.clear()
                self.message.setText(error_text(exc))

        run_in_background(None, self.db, work, done, on_failure=failed, progress_delay_ms=60_000)

    # -- creating ------------------------------------------------------------------
    def create(self) -> None:
        if self.preview_result is None:
            return
        name, event = self.name.text(), self.event.currentText()
        segment, due, user_id = self.segment(), _pydate(self.due.date()), self.user.id
        self.buttons.setEnabled(False)
        self.message.clear()

        def work(ctx: OpContext) -> tuple[str, int]:
            actor = ctx.session.get_one(User, user_id)
            campaign, count = create_campaign(
                ctx.session,
                actor,
                name,
                event,
                segment,
                due,
                progress=lambda d, t, label: ctx.progress(
                    d, t, QCoreApplication.translate("callbacks", label)
                ),
            )
            return campaign.id, count

        def failed(exc: Exception) -> None:
            if isValid(self):
                self.buttons.setEnabled(True)
                self.message.setText(error_text(exc))

        def done(result: tuple[str, int]) -> None:
            self.campaign_id, self.result_count = result
            self.created.emit(*result)
            self.accept()

        run_in_background(
            self,
            self.db,
            work,
            done,
            on_failure=failed,
            label=self.tr("Creating the campaign's callbacks…"),
        )
