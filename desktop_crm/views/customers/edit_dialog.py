"""The customer file editor: one dialog for a new file and for changing one.

Tabs 基本信息 / 车辆 / 加油卡 / 联系人 / 维护 / 偏好, each field with a red message under
it from services/customer_form.validate; phones, plates and cards already on file for
another customer appear in a banner with a button to open that customer. A plate or
card of another customer blocks saving; a shared phone is saved after a second click
on Save (families share phones). A changed level or owner asks for the reason. The
save runs in the background; ``saved`` carries the customer's id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import UserError, ValidationError
from desktop_crm.models import Customer, User
from desktop_crm.models.db import Database
from desktop_crm.services import customer_options as options
from desktop_crm.services.customer_access import is_manager
from desktop_crm.services.customer_duplicates import Duplicate, DuplicateRefused
from desktop_crm.services.customer_edit import (
    CardForm,
    ContactForm,
    CustomerForm,
    EditChoices,
    FormInvalid,
    VehicleForm,
    create_customer,
    edit_choices,
    find_duplicates,
    load_form,
    new_form,
    normalize,
    update_customer,
    validate,
)
from desktop_crm.services.permissions import can_edit
from desktop_crm.views.background import OpContext, error_text, run_in_background

ERROR_STYLE = "color: #b00020;"
NONE = ""  # combo data of "not set"


def _label(mapping: dict[str, str], value: str) -> str:
    return QCoreApplication.translate("customers", mapping.get(value, value))


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _set_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, text in items:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: str | None) -> None:
    index = combo.findData(value or NONE)
    if index < 0 and value:
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def _value(combo: QComboBox) -> str | None:
    return combo.currentData() or None


@dataclass
class SaveOutcome:
    customer_id: str | None  # None: not saved, the phones below need a second click
    shared_phones: list[Duplicate]


# --- rows of vehicles, cards and contacts ---------------------------------------------------


class RowsEditor(QWidget):
    """Editable rows (vehicles, cards or contacts); each editor's object name is its form
    path, e.g. ``vehicles.0.plate``; each row has one error label ``vehicles.0.error``."""

    edited = Signal()

    def __init__(
        self,
        prefix: str,
        columns: list[tuple[str, str, list[tuple[str, str]] | None]],
        add_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefix, self.columns = prefix, columns
        self.rows: list[dict[str, Any]] = []
        self.grid = QVBoxLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        for _attr, title, _choices in columns:
            header.addWidget(QLabel(title), 1)
        header.addSpacing(80)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"{prefix}.add")
        self.add_button.clicked.connect(lambda: self.add_row())
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(header)
        inner_layout.addLayout(self.grid)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(
        self, values: dict[str, str] | None = None, row_id: str | None = None, masked: bool = False
    ) -> dict[str, Any]:
        values = values or {}
        box = QWidget()
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        row: dict[str, Any] = {"box": box, "id": row_id, "masked": masked, "editors": {}}
        for attr, _title, choices in self.columns:
            if choices is None:
                editor: QLineEdit | QComboBox = QLineEdit(values.get(attr, ""))
                editor.textEdited.connect(self.edited)
                editor.editingFinished.connect(self.edited)
                if masked and attr == "phone":
                    editor.setReadOnly(True)
                    editor.setToolTip(
                        QCoreApplication.translate(
                            "CustomerEditDialog", "Hidden for your role; it stays as it is."
                        )
                    )
            else:
                editor = _combo("", choices)
                _select(editor, values.get(attr) or choices[0][0])
            row["editors"][attr] = editor
            line.addWidget(editor, 1)
        remove = QPushButton(QCoreApplication.translate("CustomerEditDialog", "Remove"))
        remove.clicked.connect(lambda: self.remove_row(row))
        line.addWidget(remove)
        row["remove"] = remove
        row["error"] = _error_label("")
        outer.addLayout(line)
        outer.addWidget(row["error"])
        self.grid.addWidget(box)
        self.rows.append(row)
        self._rename()
        return row

    def remove_row(self, row: dict[str, Any]) -> None:
        self.rows.remove(row)
        row["box"].setParent(None)
        row["box"].deleteLater()
        self._rename()
        self.edited.emit()

    def _rename(self) -> None:
        for i, row in enumerate(self.rows):
            for attr, editor in row["editors"].items():
                editor.setObjectName(f"{self.prefix}.{i}.{attr}")
            row["remove"].setObjectName(f"{self.prefix}.{i}.remove")
            row["error"].setObjectName(f"{self.prefix}.{i}.error")

    def values(self) -> list[tuple[str | None, bool, dict[str, str]]]:
        out = []
        for row in self.rows:
            values = {
                attr: (editor.text() if isinstance(editor, QLineEdit) else editor.currentData())
                for attr, editor in row["editors"].items()
            }
            out.append((row["id"], row["masked"], values))
        return out

    def clear_errors(self) -> None:
        for row in self.rows:
            _set_error(row["error"], "")

    def show_error(self, index: int, attr: str, text: str) -> QWidget | None:
        if not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        label: QLabel = row["error"]
        _set_error(label, f"{label.text()}\n{text}" if label.text() else text)
        return row["editors"].get(attr)


# --- the reason prompt ----------------------------------------------------------------------


class ReasonDialog(QDialog):
    """Asks why (a level change, a new maintainer); OK only with some text."""

    def __init__(self, parent: QWidget, title: str, prompt: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)

    def _ok(self) -> None:
        if self.reason.text().strip():
            self.accept()
        else:
            self.reason.setFocus()


# --- the dialog -----------------------------------------------------------------------------


class CustomerEditDialog(QDialog):
    """New customer (``customer_id`` None) or an existing one."""

    saved = Signal(str)
    open_customer = Signal(str)

    SCALARS = (
        "name",
        "id_number",
        "phone",
        "phone2",
        "email",
        "employer",
        "address",
        "birthday",
        "member_no",
        "preferred_time",
        "purchase_cycle_days",
        "credit_limit",
        "payment_term_days",
    )
    COMBOS = (
        "kind",
        "id_type",
        "org_unit_id",
        "maintainer_id",
        "developer_id",
        "level",
        "volume_tier",
        "focus_type",
        "status",
        "preferred_channel",
        "payment_habit",
    )
    CHECKS = ("regular", "consent", "do_not_disturb", "blacklisted")
    TEXTS = ("needs", "notes")

    def __init__(
        self,
        db: Database,
        user: User,
        customer_id: str | None = None,
        parent: QWidget | None = None,
        *,
        prefill: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.customer_id = db, user, customer_id
        self.load_error: UserError | None = None  # the file could not be opened
        self.referrer_name = ""
        with db.sessions.begin() as session:
            try:
                if customer_id is None:
                    form = new_form(session, user, **(prefill or {}))
                else:
                    form = load_form(session, user, customer_id)
            except UserError as exc:  # merged or deleted meanwhile, or out of scope
                self.load_error = exc
                form = CustomerForm()
            self.choices: EditChoices = edit_choices(session, user, form)
            if form.referred_by_id:
                referrer = session.get(Customer, form.referred_by_id)
                self.referrer_name = (referrer.name or "") if referrer is not None else ""
        self.original = form
        self.acknowledged: set[tuple[str, str]] = set()  # (phone, other customer) accepted
        self.dialog: QDialog | None = None
        self._check_serial = 0
        self.setWindowTitle(
            self.tr("New customer") if customer_id is None else self.tr("Edit customer")
        )
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.field_tab: dict[str, int] = {}
        self._build()
        self.set_form(form)
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(400)  # after typing pauses
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        for name in ("phone", "phone2"):
            self.edits[name].textEdited.connect(self._duplicate_timer.start)
            self.edits[name].editingFinished.connect(self._duplicate_timer.start)
        for rows in (self.vehicles, self.cards, self.contacts):
            rows.edited.connect(self._duplicate_timer.start)
        if not can_edit(user):
            self.save_button.setEnabled(False)
            self.message.setText(
                self.tr("Auditors can look at customer files but not change them.")
            )
        if self.load_error is not None:
            self.save_button.setEnabled(False)
            self.message.setText(error_text(self.load_error))
        self.resize(720, 620)

    # -- building ---------------------------------------------------------------------------
    def _line(self, name: str, placeholder: str = "") -> QWidget:
        edit = QLineEdit()
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.edits[name] = edit
        return self._with_error(name, edit)

    def _with_error(self, name: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        self.errors[name] = _error_label(f"{name}_error")
        layout.addWidget(self.errors[name])
        return box

    def _combo_field(self, name: str, items: list[tuple[str, str]]) -> QWidget:
        self.combos[name] = _combo(name, items)
        return self._with_error(name, self.combos[name])

    def _check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        self.checks[name] = box
        return box

    def _text(self, name: str) -> QWidget:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setMaximumHeight(90)
        self.texts[name] = edit
        return self._with_error(name, edit)

    def _page(self, title: str, rows: list[tuple[str, QWidget]]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for label, widget in rows:
            if label:
                form.addRow(label, widget)
            else:
                form.addRow(widget)
        self.tabs.addTab(page, title)
        index = self.tabs.count() - 1
        for name in list(self.errors):
            self.field_tab.setdefault(name, index)
        return page

    def _none(self) -> tuple[str, str]:
        return (NONE, self.tr("(not set)"))

    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        kinds = [(k, _label(options.KINDS, k)) for k in options.KINDS]
        id_types = [self._none(), *((k, _label(options.ID_TYPES, k)) for k in options.ID_TYPES)]
        self.referred = QLabel()
        self.referred.setObjectName("referred_by")
        self._page(
            self.tr("Basic"),
            [
                (self.tr("Kind"), self._combo_field("kind", kinds)),
                (self.tr("Name"), self._line("name", self.tr("May stay empty on a first visit"))),
                (self.tr("ID type"), self._combo_field("id_type", id_types)),
                (self.tr("ID number"), self._line("id_number")),
                (self.tr("Phone"), self._line("phone")),
                (self.tr("Second phone"), self._line("phone2")),
                (self.tr("E-mail"), self._line("email")),
                (self.tr("Employer"), self._line("employer")),
                (self.tr("Address"), self._line("address")),
                (self.tr("Birthday"), self._line("birthday", "YYYY-MM-DD")),
                (self.tr("Member no."), self._line("member_no")),
                (self.tr("Referred by"), self.referred),
            ],
        )
        self.vehicles = RowsEditor(
            "vehicles",
            [("plate", self.tr("Plate"), None), ("model", self.tr("Model"), None)],
            self.tr("Add vehicle"),
        )
        self.tabs.addTab(self.vehicles, self.tr("Vehicles"))
        card_states = [(k, _label(options.CARD_STATUSES, k)) for k in options.CARD_STATUSES]
        self.cards = RowsEditor(
            "cards",
            [("card_no", self.tr("Card number"), None), ("status", self.tr("Status"), card_states)],
            self.tr("Add card"),
        )
        self.tabs.addTab(self.cards, self.tr("Fuel cards"))
        self.contacts = RowsEditor(
            "contacts",
            [
                ("name", self.tr("Full name"), None),
                ("title", self.tr("Title"), None),
                ("phone", self.tr("Phone"), None),
                ("email", self.tr("E-mail"), None),
            ],
            self.tr("Add contact"),
        )
        self.tabs.addTab(self.contacts, self.tr("Contacts"))
        self.tag_boxes: dict[str, QCheckBox] = {}
        tag_row = QWidget()
        tag_layout = QHBoxLayout(tag_row)
        tag_layout.setContentsMargins(0, 0, 0, 0)
        for tag in self.choices.tags:
            box = QCheckBox(tag)
            box.setObjectName(f"tag_{tag}")
            self.tag_boxes[tag] = box
            tag_layout.addWidget(box)
        tag_layout.addStretch(1)
        self.errors["tags"] = _error_label("tags_error")
        levels = [self._none(), *((lv, lv) for lv in self.choices.levels)]
        tiers = [self._none(), *((t, t) for t in self.choices.volume_tiers)]
        focus = [self._none(), *((k, _label(options.FOCUS_TYPES, k)) for k in options.FOCUS_TYPES)]
        statuses = [(k, _label(options.STATUSES, k)) for k in options.STATUSES]
        habits = [
            self._none(),
            *((k, _label(options.PAYMENT_HABITS, k)) for k in options.PAYMENT_HABITS),
        ]
        self._page(
            self.tr("Maintenance"),
            [
                (self.tr("Station"), self._combo_field("org_unit_id", self.choices.stations)),
                (self.tr("Maintainer"), self._combo_field("maintainer_id", [self._none()])),
                (self.tr("Developer"), self._combo_field("developer_id", [self._none()])),
                (self.tr("Level"), self._combo_field("level", levels)),
                (self.tr("Volume tier"), self._combo_field("volume_tier", tiers)),
                (self.tr("Cares about"), self._combo_field("focus_type", focus)),
                (self.tr("Status"), self._combo_field("status", statuses)),
                ("", self._check("regular", self.tr("Regular customer"))),
                (self.tr("Tags"), tag_row),
                ("", self.errors["tags"]),
                (self.tr("Payment habit"), self._combo_field("payment_habit", habits)),
                (self.tr("Purchase cycle (days)"), self._line("purchase_cycle_days")),
                (self.tr("Credit limit (yuan)"), self._line("credit_limit")),
                (self.tr("Payment term (days)"), self._line("payment_term_days")),
                ("", self._check("blacklisted", self.tr("Blacklisted"))),
            ],
        )
        channels = [self._none(), *((k, _label(options.CHANNELS, k)) for k in options.CHANNELS)]
        self._page(
            self.tr("Preferences"),
            [
                ("", self._check("consent", self.tr("Agrees to be contacted"))),
                ("", self._check("do_not_disturb", self.tr("Do not disturb"))),
                (self.tr("Preferred channel"), self._combo_field("preferred_channel", channels)),
                (self.tr("Preferred time"), self._line("preferred_time")),
                (self.tr("Needs"), self._text("needs")),
                (self.tr("Notes"), self._text("notes")),
            ],
        )
        for name in ("name", "id_number", "phone", "phone2", "email", "employer", "address"):
            self.field_tab[name] = 0
        self.combos["org_unit_id"].currentIndexChanged.connect(self._station_changed)
        self.combos["kind"].currentIndexChanged.connect(self._kind_changed)

        self.banner = QFrame()
        self.banner.setObjectName("duplicates")
        self.banner.setStyleSheet("#duplicates { background: #fff4e5; border: 1px solid #f0b429; }")
        self.banner_layout = QVBoxLayout(self.banner)
        self.banner.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # -- filling and reading ----------------------------------------------------------------
    def set_form(self, form: CustomerForm) -> None:
        for name in self.SCALARS:
            value = getattr(form, name)
            self.edits[name].setText("" if value is None else str(value))
        for name in ("kind", "id_type", "org_unit_id", "level", "volume_tier", "focus_type"):
            _select(self.combos[name], getattr(form, name))
        for name in ("status", "preferred_channel", "payment_habit"):
            _select(self.combos[name], getattr(form, name))
        self._station_changed()
        _select(self.combos["maintainer_id"], form.maintainer_id)
        _select(self.combos["developer_id"], form.developer_id)
        for name in self.CHECKS:
            self.checks[name].setChecked(bool(getattr(form, name)))
        for name in self.TEXTS:
            self.texts[name].setPlainText(getattr(form, name) or "")
        for tag, box in self.tag_boxes.items():
            box.setChecked(tag in form.tags)
        for vehicle in form.vehicles:
            self.vehicles.add_row({"plate": vehicle.plate, "model": vehicle.model}, vehicle.id)
        for card in form.cards:
            self.cards.add_row({"card_no": card.card_no, "status": card.status}, card.id)
        for c in form.contacts:
            values = {"name": c.name, "title": c.title, "phone": c.phone, "email": c.email}
            self.contacts.add_row(values, c.id, c.phone_masked)
        self.referred.setText(self.referrer_name)
        hidden = self.tr("Hidden for your role; it stays as it is.")
        for name in form.masked:
            self.edits[name].setReadOnly(True)
            self.edits[name].setToolTip(hidden)
        if "id_number" in form.masked:
            self.combos["id_type"].setEnabled(False)
        if self.customer_id is not None and not is_manager(self.user):
            # Staff fill in an empty owner but do not hand customers over.
            for name in ("maintainer_id", "developer_id"):
                self.combos[name].setEnabled(getattr(form, name) is None)

    def _station_changed(self) -> None:
        station = _value(self.combos["org_unit_id"])
        people = self.choices.users.get(station or "", [])
        for name in ("maintainer_id", "developer_id"):
            combo = self.combos[name]
            current = _value(combo) or getattr(self.original, name)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not set)"), NONE)
            for user_id, user_name in people:
                combo.addItem(user_name, user_id)
            _select(combo, current)
            combo.blockSignals(False)

    def _kind_changed(self) -> None:
        if self.edits["id_number"].isReadOnly() or self.edits["id_number"].text().strip():
            return
        kind = _value(self.combos["kind"])
        _select(
            self.combos["id_type"],
            options.USCC if kind == "organisation" else options.ID_CARD,
        )

    def form(self) -> CustomerForm:
        """The form as the user filled it in (not yet normalised)."""
        values: dict[str, Any] = {name: self.edits[name].text() for name in self.SCALARS}
        values.update({name: _value(self.combos[name]) for name in self.COMBOS})
        values.update({name: self.checks[name].isChecked() for name in self.CHECKS})
        values.update({name: self.texts[name].toPlainText() for name in self.TEXTS})
        values["kind"] = values["kind"] or "person"
        values["status"] = values["status"] or "new"
        known = [t for t, box in self.tag_boxes.items() if box.isChecked()]
        values["tags"] = known + [t for t in self.original.tags if t not in self.tag_boxes]
        values["vehicles"] = [
            VehicleForm(v["plate"], v["model"], row_id) for row_id, _m, v in self.vehicles.values()
        ]
        values["cards"] = [
            CardForm(v["card_no"], v["status"], row_id) for row_id, _m, v in self.cards.values()
        ]
        values["contacts"] = [
            ContactForm(v["name"], v["title"], v["phone"], v["email"], row_id, masked)
            for row_id, masked, v in self.contacts.values()
        ]
        return replace(self.original, **values)

    # -- errors -----------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for label in self.errors.values():
            _set_error(label, "")
        for rows in (self.vehicles, self.cards, self.contacts):
            rows.clear_errors()
        self.message.setText("")

    def show_errors(self, errors: list[ValidationError]) -> None:
        self.clear_errors()
        first: QWidget | None = None
        first_tab = -1
        for error in errors:
            text = error_text(error)
            widget, tab = self._show_error(error.field, text)
            if first_tab < 0 and tab >= 0:
                first, first_tab = widget, tab
        if first_tab >= 0:
            self.tabs.setCurrentIndex(first_tab)
            if first is not None:
                first.setFocus()
            self.message.setText(self.tr("Please correct the fields marked in red."))
        elif errors:
            self.message.setText(error_text(errors[0]))

    def _show_error(self, field: str | None, text: str) -> tuple[QWidget | None, int]:
        if field is None:
            return None, -1
        parts = field.split(".")
        if len(parts) == 3 and parts[1].isdigit():
            rows = {"vehicles": self.vehicles, "cards": self.cards, "contacts": self.contacts}
            editor = rows[parts[0]].show_error(int(parts[1]), parts[2], text)
            return editor, self.tabs.indexOf(rows[parts[0]])
        label = self.errors.get(field)
        if label is None:
            return None, -1
        _set_error(label, text)
        widget = self.edits.get(field) or self.combos.get(field) or self.texts.get(field)
        return widget, self.field_tab.get(field, 0)

    def done(self, result: int) -> None:
        """Closing: pending duplicate checks are dropped (their results would find no dialog)."""
        self._duplicate_timer.stop()
        self._check_serial += 1
        super().done(result)

    # -- duplicates -------------------------------------------------------------------------
    def check_duplicates(self) -> None:
        """Look for the form's phones, plates and cards on other customers (in the background)."""
        form = self.form()
        self._check_serial += 1
        serial = self._check_serial
        customer_id = self.customer_id

        def work(ctx: OpContext) -> list[Duplicate]:
            return find_duplicates(ctx.session, form, customer_id)

        def done(duplicates: list[Duplicate]) -> None:
            if serial == self._check_serial:
                self.show_duplicates(duplicates)

        run_in_background(
            None, self.db, work, done, on_failure=lambda _exc: None, progress_delay_ms=60_000
        )

    def show_duplicates(self, duplicates: list[Duplicate], note: str = "") -> None:
        while self.banner_layout.count():
            item = self.banner_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        if not duplicates:
            self.banner.hide()
            return
        texts = {
            "phone": self.tr("The phone {value} is also on file for {name}."),
            "plate": self.tr("The plate {value} belongs to {name}."),
            "card": self.tr("The fuel card {value} belongs to {name}."),
        }
        for number, dup in enumerate(duplicates):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            name = dup.customer_name or self.tr("a customer without a name")
            label = QLabel(texts[dup.field].format(value=dup.value, name=name))
            label.setObjectName(f"duplicate_{number}")
            label.setWordWrap(True)
            line.addWidget(label, 1)
            button = QPushButton(self.tr("Open this customer"))
            button.setObjectName(f"open_duplicate_{number}")
            button.clicked.connect(
                lambda _c=False, cid=dup.customer_id: self.open_customer.emit(cid)
            )
            line.addWidget(button)
            self.banner_layout.addWidget(row)
        if note:
            label = QLabel(note)
            label.setObjectName("duplicates_note")
            label.setWordWrap(True)
            self.banner_layout.addWidget(label)
        self.banner.show()

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        self.clear_errors()
        form = self.form()
        errors = validate(normalize(form))
        if errors:
            self.show_errors(errors)
            return
        plain = normalize(form)
        steps: list[Callable[[dict[str, str], Callable[[], None]], None]] = []
        if self.customer_id is not None and plain.level != self.original.level:
            steps.append(
                lambda reasons, go: self._ask(
                    reasons,
                    "level_reason",
                    self.tr("Level change"),
                    self.tr("Why does the level change from {old} to {new}?").format(
                        old=self.original.level or self.tr("(not set)"),
                        new=plain.level or self.tr("(not set)"),
                    ),
                    go,
                )
            )
        if self.customer_id is not None and (
            plain.maintainer_id != self.original.maintainer_id
            or plain.developer_id != self.original.developer_id
        ):
            steps.append(
                lambda reasons, go: self._ask(
                    reasons,
                    "owner_reason",
                    self.tr("New maintainer or developer"),
                    self.tr("Why is the customer handed over to someone else?"),
                    go,
                )
            )
        reasons: dict[str, str] = {}

        def run(index: int) -> None:
            if index == len(steps):
                self._submit(form, reasons)
            else:
                steps[index](reasons, lambda: run(index + 1))

        run(0)

    def _ask(
        self, reasons: dict[str, str], key: str, title: str, prompt: str, go: Callable[[], None]
    ) -> None:
        dialog = ReasonDialog(self, title, prompt)

        def accepted() -> None:
            reasons[key] = dialog.reason.text().strip()
            go()

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()

    def _submit(self, form: CustomerForm, reasons: dict[str, str]) -> None:
        self.buttons.setEnabled(False)
        user_id, customer_id = self.user.id, self.customer_id
        acknowledged = set(self.acknowledged)

        def work(ctx: OpContext) -> SaveOutcome:
            session = ctx.session
            actor = session.get_one(User, user_id)
            duplicates = find_duplicates(session, form, customer_id)
            blocking = [d for d in duplicates if d.blocking]
            if blocking:
                raise DuplicateRefused(blocking)
            new_phones = [d for d in duplicates if (d.value, d.customer_id) not in acknowledged]
            if new_phones:
                return SaveOutcome(None, duplicates)
            if customer_id is None:
                customer = create_customer(session, actor, form)
            else:
                customer = update_customer(
                    session,
                    actor,
                    customer_id,
                    form,
                    level_reason=reasons.get("level_reason"),
                    owner_reason=reasons.get("owner_reason"),
                )
            return SaveOutcome(customer.id, [])

        run_in_background(self, self.db, work, self._saved, on_failure=self._failed)

    def _saved(self, outcome: SaveOutcome) -> None:
        self.buttons.setEnabled(True)
        if outcome.customer_id is None:
            self.acknowledged |= {(d.value, d.customer_id) for d in outcome.shared_phones}
            self.show_duplicates(
                outcome.shared_phones,
                self.tr(
                    "This phone is already on file for another customer. If they share it "
                    "(family, colleagues), click Save again; otherwise open that customer."
                ),
            )
            self.message.setText(self.tr("Not saved yet: check the phone shown above."))
            return
        self.saved.emit(outcome.customer_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, DuplicateRefused):
            self.show_duplicates(exc.duplicates)
            self.show_errors([exc])
        elif isinstance(exc, FormInvalid):
            self.show_errors(exc.errors)
        elif isinstance(exc, ValidationError):
            self.show_errors([exc])
            if exc.field is None or not self.message.text():
                self.message.setText(error_text(exc))
        else:
            self.message.setText(error_text(exc))


__all__ = ["CustomerEditDialog", "ReasonDialog", "RowsEditor", "SaveOutcome"]
