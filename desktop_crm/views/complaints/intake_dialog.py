"""Taking a complaint or a suggestion (受理登记).

Opened from the complaints tab, from a customer's file (the customer filled in) and
from a callback record (the customer, the callback task and the problems said on the
phone filled in). The complainant is a customer found as in the customer tab (name,
pinyin, phone, plate, card) or anonymous, with a contact number if one was given.
After a successful save ``complaint_id`` holds the new complaint's id and ``saved``
is emitted with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.errors import ValidationError
from desktop_crm.models import Customer, OrgKind, OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services import customer_list
from desktop_crm.services.complaints import options
from desktop_crm.services.complaints.intake import ComplaintDraft, create_complaint
from desktop_crm.services.customer_access import stations_for
from desktop_crm.services.customer_list import CustomerRow
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.complaints.labels import choice_label

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 20
CALLBACK_SOURCE = "电话"  # a complaint raised during a callback came by phone


class ComplaintIntakeDialog(QDialog):
    """All intake fields; saving creates the complaint (number, deadlines, first step)."""

    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        user: User,
        parent: QWidget | None = None,
        *,
        customer_id: str | None = None,
        source_task_id: str | None = None,
        description: str = "",
        clock: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.clock = clock  # None: the time of saving
        self.source_task_id = source_task_id
        self.complaint_id: str | None = None
        self.customer_id: str | None = None
        self.setWindowTitle(self.tr("New complaint or suggestion"))
        self.setMinimumWidth(620)

        self.type = QComboBox()
        self.type.setObjectName("type")
        for value, _label in options.types():
            self.type.addItem(choice_label(value), value)

        # -- who complains ------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Find the customer: name, pinyin, phone or last 4 digits, plate, card")
        )
        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.setMaximumHeight(110)
        self.results.itemSelectionChanged.connect(self._result_chosen)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenCustomer")
        self.chosen.setWordWrap(True)
        self.anonymous = QCheckBox(self.tr("Anonymous (no customer file)"))
        self.anonymous.setObjectName("anonymous")
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.contact_phone = QLineEdit()
        self.contact_phone.setObjectName("contactPhone")
        self.contact_phone.setPlaceholderText(self.tr("Contact number, if given"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self._search_generation = 0

        # -- what about ---------------------------------------------------------------
        self.station = QComboBox()
        self.station.setObjectName("station")
        self.source = QComboBox()
        self.source.setObjectName("source")
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.business_line = QComboBox()
        self.business_line.setObjectName("businessLine")
        self.severity = QComboBox()
        self.severity.setObjectName("severity")
        self.description = QPlainTextEdit(description)
        self.description.setObjectName("description")
        self.description.setPlaceholderText(self.tr("What happened, in the customer's words"))
        self.description.setMinimumHeight(80)
        self.customer_wants = QPlainTextEdit()
        self.customer_wants.setObjectName("customerWants")
        self.customer_wants.setPlaceholderText(
            self.tr("What the customer asks for (apology, refund, explanation…)")
        )
        self.customer_wants.setMaximumHeight(70)
        self._fill_choices()

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        who = QVBoxLayout()
        who.addWidget(self.search)
        who.addWidget(self.results)
        who.addWidget(self.chosen)
        anonymous_row = QHBoxLayout()
        anonymous_row.addWidget(self.anonymous)
        anonymous_row.addWidget(self.contact_phone, 1)
        who.addLayout(anonymous_row)
        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Customer"), who)
        form.addRow(self.tr("Station"), self.station)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Business line"), self.business_line)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Customer wants"), self.customer_wants)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._anonymous_toggled(False)
        if customer_id is not None:
            self.set_customer(customer_id)
        if source_task_id is not None:
            index = self.source.findData(CALLBACK_SOURCE)
            if index >= 0:
                self.source.setCurrentIndex(index)

    # -- choices -------------------------------------------------------------------
    def _fill_choices(self) -> None:
        with self.db.session() as session:
            stations = stations_for(session, self.user)
            own = session.get(OrgUnit, self.user.org_unit_id)
            categories = options.categories(session)
        for unit in stations:
            self.station.addItem(f"{unit.name} [{unit.code}]", unit.id)
        # A station's people take complaints at their station; others choose.
        self._own_station = own.id if own is not None and own.kind == OrgKind.STATION else None
        if self._own_station is not None:
            self.station.setCurrentIndex(max(self.station.findData(self._own_station), 0))
        elif self.station.count() > 1:
            self.station.insertItem(0, self.tr("Choose the station…"), None)
            self.station.setCurrentIndex(0)
        for combo, items in (
            (self.source, options.sources()),
            (self.category, categories),
            (self.business_line, options.business_lines()),
            (self.severity, options.severities()),
        ):
            for value, _label in items:
                combo.addItem(choice_label(value), value)

    # -- the customer --------------------------------------------------------------
    def _anonymous_toggled(self, anonymous: bool) -> None:
        self.contact_phone.setEnabled(anonymous)
        self.search.setEnabled(not anonymous)
        self.results.setEnabled(not anonymous)
        if anonymous:
            self.customer_id = None
            self.results.clearSelection()
            self.chosen.setText("")
        else:
            self.contact_phone.clear()

    def _search(self) -> None:
        query = self.search.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not query:
            self.results.clear()
            return
        user = self.user

        def work(ctx: OpContext) -> list[CustomerRow]:
            scope = ctx.session.get_one(OrgUnit, user.org_unit_id)
            rows, _cursor = customer_list.search_page(
                ctx.session, user, scope, query, limit=SEARCH_LIMIT
            )
            return rows

        def done(rows: list[CustomerRow]) -> None:
            if not isValid(self) or generation != self._search_generation:
                return
            self.results.clear()
            for row in rows:
                text = " · ".join(
                    part
                    for part in (row.name or self.tr("(plate only)"), row.phone, row.plate,
                                 row.station)
                    if part
                )  # fmt: skip
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.results.addItem(item)
            if not rows:
                self.chosen.setText(self.tr("No customer found for “{q}”.").format(q=query))

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def _result_chosen(self) -> None:
        items = self.results.selectedItems()
        if items:
            self.set_customer(items[0].data(Qt.ItemDataRole.UserRole), items[0].text())

    def set_customer(self, customer_id: str, text: str | None = None) -> None:
        """The complainant is this customer; the station follows the customer's own
        unless the user works at a station (the complaint is then taken there)."""
        with self.db.session() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                return
            station_id = customer.org_unit_id
            unit = session.get(OrgUnit, station_id)
            shown = text or " · ".join(
                p
                for p in (customer.name or self.tr("(plate only)"), unit.name if unit else "")
                if p
            )
        self.anonymous.setChecked(False)
        self.customer_id = customer_id
        self.chosen.setText(self.tr("Customer: {who}").format(who=shown))
        if self._own_station is None:
            index = self.station.findData(station_id)
            if index >= 0:
                self.station.setCurrentIndex(index)

    # -- saving --------------------------------------------------------------------
    def draft(self) -> ComplaintDraft:
        anonymous = self.anonymous.isChecked()
        return ComplaintDraft(
            type=self.type.currentData(),
            customer_id=None if anonymous else self.customer_id,
            contact_phone=(self.contact_phone.text().strip() or None) if anonymous else None,
            station_id=self.station.currentData(),
            source=self.source.currentData(),
            category=self.category.currentData(),
            business_line=self.business_line.currentData(),
            severity=self.severity.currentData(),
            description=self.description.toPlainText().strip(),
            customer_wants=self.customer_wants.toPlainText().strip() or None,
            source_task_id=self.source_task_id,
        )

    def _check(self) -> str | None:
        if not self.anonymous.isChecked() and self.customer_id is None:
            return self.tr("Choose the customer from the search results, or tick “Anonymous”.")
        if self.station.currentData() is None:
            return self.tr("Choose the station the complaint concerns.")
        if not self.description.toPlainText().strip():
            return self.tr("Describe the complaint or suggestion.")
        return None

    def save(self) -> None:
        problem = self._check()
        if problem:
            self.message.setText(problem)
            return
        draft, actor_id = self.draft(), self.user.id
        now = self.clock() if self.clock is not None else None
        self.buttons.setEnabled(False)
        self.message.setText("")

        def work(ctx: OpContext) -> str:
            actor = ctx.session.get_one(User, actor_id)
            return create_complaint(ctx.session, actor, draft, now=now).id

        def done(complaint_id: str) -> None:
            if not isValid(self):
                return
            self.complaint_id = complaint_id
            self.saved.emit(complaint_id)
            self.accept()

        def failed(exc: Exception) -> None:
            if not isValid(self):
                return
            self.buttons.setEnabled(True)
            self.message.setText(error_text(exc))
            if isinstance(exc, ValidationError) and exc.field:
                focus = {
                    "contact_phone": self.contact_phone,
                    "description": self.description,
                    "customer_id": self.search,
                    "station": self.station,
                }.get(exc.field)
                if focus is not None:
                    focus.setFocus()

        run_in_background(self, self.db, work, done, on_failure=failed)
