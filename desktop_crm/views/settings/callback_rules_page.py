"""Callback rules (回访规则): the routine calls by level, the anomaly thresholds, the exit
reasons, the campaign events, the attempts before "unreachable" and the texts written
into tasks. Company administrators only; one Save for the page (one transaction)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from desktop_crm.models import OrgKind, OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services import customer_options
from desktop_crm.services.callbacks import config
from desktop_crm.services.callbacks.options import (
    EVENTS_KEY,
    EXIT_REASONS_KEY,
    campaign_event_options,
    exit_reason_options,
)
from desktop_crm.services.settings import get_setting
from desktop_crm.views.background import OpContext, error_text, run_in_background
from desktop_crm.views.labels import option_label, role_name

UserRole = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("callbacks", text)


class _Buttons(QHBoxLayout):
    def __init__(self, name: str, *labels: str) -> None:
        super().__init__()
        self.buttons: list[QPushButton] = []
        for label in labels:
            button = QPushButton(label)
            button.setObjectName(f"{name}{len(self.buttons)}")
            self.addWidget(button)
            self.buttons.append(button)
        self.addStretch(1)


class TierRulesEditor(QGroupBox):
    """The rules as a list (tried in order) and a form for the selected one."""

    def __init__(self, levels: list[str], owners: list[tuple[str, str]]) -> None:
        super().__init__()
        self.setTitle(self.tr("Routine callbacks by level (三级维护)"))
        self.setObjectName("tierRules")
        self.rules: list[dict[str, Any]] = []
        self.list = QListWidget()
        self.list.setObjectName("ruleList")
        self.list.setMaximumWidth(260)
        self.list.currentRowChanged.connect(self._show)
        bar = _Buttons(
            "ruleButton", self.tr("Add"), self.tr("Remove"), self.tr("Up"), self.tr("Down")
        )
        self.add_button, self.remove_button, self.up_button, self.down_button = bar.buttons
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.name = QLineEdit()
        self.name.setObjectName("ruleName")
        self.levels: dict[str, QCheckBox] = {}
        level_row = QHBoxLayout()
        for level in levels:
            box = QCheckBox(level)
            box.setObjectName(f"ruleLevel:{level}")
            level_row.addWidget(box)
            self.levels[level] = box
        level_row.addStretch(1)
        self.kinds: dict[str, QCheckBox] = {}
        kind_row = QHBoxLayout()
        for kind in customer_options.KINDS:
            box = QCheckBox(option_label(customer_options.KINDS, kind))
            box.setObjectName(f"ruleKind:{kind}")
            kind_row.addWidget(box)
            self.kinds[kind] = box
        kind_row.addWidget(QLabel(self.tr("(none ticked: both)")))
        kind_row.addStretch(1)
        self.owner_level = QComboBox()
        self.owner_level.setObjectName("ruleOwnerLevel")
        for value, label in config.OWNER_LEVELS.items():
            self.owner_level.addItem(_tr(label), value)
        self.owner_role = QComboBox()
        self.owner_role.setObjectName("ruleOwnerRole")
        for role in config.OWNER_ROLES:
            self.owner_role.addItem(role_name(role), role.value)
        self.owner_login = QComboBox()
        self.owner_login.setObjectName("ruleOwnerLogin")
        self.owner_login.addItem(self.tr("(the first active user with that role)"), "")
        for login, label in owners:
            self.owner_login.addItem(label, login)
        self.period = QComboBox()
        self.period.setObjectName("rulePeriod")
        for value, label in config.PERIODS.items():
            self.period.addItem(_tr(label), value)
        for box in [*self.levels.values(), *self.kinds.values()]:
            box.toggled.connect(self._store)
        for combo in (self.owner_level, self.owner_role, self.owner_login, self.period):
            combo.currentIndexChanged.connect(self._store)
        self.name.textEdited.connect(self._store)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Levels"), level_row)
        form.addRow(self.tr("Kinds"), kind_row)
        form.addRow(self.tr("Kept up by"), self.owner_level)
        form.addRow(self.tr("Owner's role"), self.owner_role)
        form.addRow(self.tr("Named owner"), self.owner_login)
        form.addRow(self.tr("Call"), self.period)
        note = QLabel(
            self.tr(
                "A customer is called under the first rule it matches, once per period, by "
                "its maintainer when the maintainer works at the rule's level (a station "
                "rule, a station employee), otherwise by the rule's owner at that level."
            )
        )
        note.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addLayout(bar)
        grid = QGridLayout(self)
        grid.addLayout(left, 0, 0)
        grid.addLayout(form, 0, 1)
        grid.addWidget(note, 1, 0, 1, 2)
        self._loading = False

    def set_rules(self, rules: list[dict[str, Any]]) -> None:
        self.rules = [dict(rule) for rule in rules]
        self.list.clear()
        for rule in self.rules:
            self.list.addItem(rule.get("name") or "")
        self.list.setCurrentRow(0 if self.rules else -1)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        self._loading = True
        try:
            valid = 0 <= row < len(self.rules)
            rule = self.rules[row] if valid else {}
            self.name.setText(rule.get("name", ""))
            for level, box in self.levels.items():
                box.setChecked(level in rule.get("levels", []))
            for kind, box in self.kinds.items():
                box.setChecked(kind in rule.get("kinds", []))
            for combo, key in (
                (self.owner_level, "owner_level"),
                (self.owner_role, "owner_role"),
                (self.owner_login, "owner_login"),
                (self.period, "period"),
            ):
                combo.setCurrentIndex(max(combo.findData(rule.get(key, "")), 0))
            for widget in (
                self.name,
                self.owner_level,
                self.owner_role,
                self.owner_login,
                self.period,
                *self.levels.values(),
                *self.kinds.values(),
            ):
                widget.setEnabled(valid)  # fmt: skip
        finally:
            self._loading = False

    def _store(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self.rules):
            return
        self.rules[row] = {
            "name": self.name.text().strip(),
            "levels": [level for level, box in self.levels.items() if box.isChecked()],
            "kinds": [kind for kind, box in self.kinds.items() if box.isChecked()],
            "owner_level": self.owner_level.currentData(),
            "owner_role": self.owner_role.currentData(),
            "owner_login": self.owner_login.currentData(),
            "period": self.period.currentData(),
        }
        self.list.item(row).setText(self.rules[row]["name"])

    def add(self) -> None:
        self.rules.append(
            {"name": self.tr("New rule"), "levels": [], "kinds": [], "owner_level": "station",
             "owner_role": "station_master", "owner_login": "", "period": "quarter"}
        )  # fmt: skip
        self.list.addItem(self.rules[-1]["name"])
        self.list.setCurrentRow(len(self.rules) - 1)

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.rules):
            del self.rules[row]
            self.list.takeItem(row)
            self._show(self.list.currentRow())

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if not (0 <= row < len(self.rules) and 0 <= target < len(self.rules)):
            return
        self.rules.insert(target, self.rules.pop(row))
        self.list.insertItem(target, self.list.takeItem(row))
        self.list.setCurrentRow(target)


class CallbackRulesPage(QWidget):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Callback rules"))
        with db.session() as session:
            levels = customer_options.levels(session)
            owners = [
                (u.login, f"{u.name} ({u.login})")
                for u in session.scalars(
                    select(User)
                    .join(OrgUnit, OrgUnit.id == User.org_unit_id)
                    .where(
                        User.active.is_(True),
                        User.deleted.is_(False),
                        OrgUnit.kind.in_([OrgKind.COMPANY.value, OrgKind.AREA.value]),
                        User.role != "auditor",
                    )
                    .order_by(User.login)
                )
            ]
        self.tiers = TierRulesEditor(levels, owners)
        self.numbers: dict[str, QSpinBox | QDoubleSpinBox] = {}
        absence = self._numbers_box(
            self.tr("Absence anomaly (异常)"),
            [
                ("callbacks.absence.grace_days", self.tr("Days past the usual interval")),
                (config.MIN_VISITS_KEY, self.tr("Visits needed for a usual interval")),
                ("callbacks.absence.max_late_days", self.tr("Still call up to (days late)")),
                ("callbacks.absence.due_days", self.tr("Due after (days)")),
            ],
        )
        volume = self._numbers_box(
            self.tr("Volume drop"),
            [
                ("callbacks.volume.drop_share", self.tr("Drop against the months before")),
                ("callbacks.volume.baseline_months", self.tr("Months compared with")),
                ("callbacks.volume.due_days", self.tr("Due after (days)")),
            ],
        )
        exits = self._numbers_box(
            self.tr("Exit survey (lost customers)"),
            [
                ("callbacks.exit.window_days", self.tr("Last visit within (days)")),
                ("callbacks.exit.due_days", self.tr("Due after (days)")),
            ],
        )
        recording = self._numbers_box(
            self.tr("Recording"),
            [
                ("callbacks.max_attempts", self.tr("Tries before “unreachable”")),
                ("callbacks.book_ahead_days", self.tr("Book the call ahead (days)")),
            ],
        )
        self.reasons = QTableWidget(0, 2)
        self.reasons.setObjectName("exitReasons")
        self.reasons.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Reason")])
        self.reasons.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.reasons.verticalHeader().setVisible(False)
        self.reasons.setMinimumHeight(150)
        reason_bar = _Buttons("reasonButton", self.tr("Add"), self.tr("Remove"))
        reason_bar.buttons[0].clicked.connect(self._add_reason)
        reason_bar.buttons[1].clicked.connect(
            lambda: self.reasons.removeRow(self.reasons.currentRow())
        )
        reasons_box = QGroupBox(self.tr("Exit reasons"))
        reasons_layout = QVBoxLayout(reasons_box)
        reasons_layout.addWidget(self.reasons)
        reasons_layout.addLayout(reason_bar)
        self.events = QListWidget()
        self.events.setObjectName("campaignEvents")
        self.events.setMaximumHeight(120)
        self.events.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.event_entry = QLineEdit()
        self.event_entry.setObjectName("eventEntry")
        self.event_entry.setMaxLength(32)
        self.event_entry.setPlaceholderText(self.tr("New event"))
        self.event_entry.returnPressed.connect(self._add_event)
        event_bar = _Buttons("eventButton", self.tr("Add"), self.tr("Remove"))
        event_bar.insertWidget(0, self.event_entry, 1)
        event_bar.setStretch(event_bar.count() - 1, 0)  # the entry takes the room
        event_bar.buttons[0].clicked.connect(self._add_event)
        event_bar.buttons[1].clicked.connect(lambda: self.events.takeItem(self.events.currentRow()))
        events_box = QGroupBox(self.tr("Campaign events"))
        events_layout = QVBoxLayout(events_box)
        events_layout.addWidget(self.events)
        events_layout.addLayout(event_bar)
        self.texts = QTableWidget(len(config.TEXT_FIELDS), 2)
        self.texts.setObjectName("taskTexts")
        self.texts.setHorizontalHeaderLabels([self.tr("Written for"), self.tr("Text")])
        self.texts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.texts.verticalHeader().setVisible(False)
        self.texts.setMinimumHeight(260)
        texts_box = QGroupBox(
            self.tr("Texts written into tasks (the names in braces are filled in)")
        )
        QVBoxLayout(texts_box).addWidget(self.texts)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveCallbackRules")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("callbackRulesMessage")
        self.message.setWordWrap(True)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.tiers)
        row = QHBoxLayout()
        row.addWidget(absence)
        row.addWidget(volume)
        column.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(exits)
        row.addWidget(recording)
        column.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(reasons_box, 3)
        row.addWidget(events_box, 2)
        column.addLayout(row)
        column.addWidget(texts_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.reload()

    def _numbers_box(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for key, label in rows:
            low, high = config.RANGES[key]
            spin: QSpinBox | QDoubleSpinBox
            if key == "callbacks.volume.drop_share":
                spin = QDoubleSpinBox()
                spin.setDecimals(0)
                spin.setSuffix(" %")
                spin.setRange(low * 100, high * 100)
            else:
                spin = QSpinBox()
                spin.setRange(int(low), int(high))
            spin.setObjectName(key)
            form.addRow(label, spin)
            self.numbers[key] = spin
        return box

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        with self.db.session() as session:
            rules = [rule.as_setting() for rule in config.tier_rules(session)]
            values = {key: get_setting(session, key) for key in config.SCALAR_KEYS}
            reasons = exit_reason_options(session)
            events = [value for value, _label in campaign_event_options(session)]
            texts = config.texts(session)
        self.tiers.set_rules(rules)
        for key, spin in self.numbers.items():
            value = values[key]
            spin.setValue(value * 100 if key == "callbacks.volume.drop_share" else value)
        self.reasons.setRowCount(0)
        for code, label in reasons:
            self._add_reason(code, label)
        self.events.clear()
        for event in events:
            self._append_event(event)
        for row, key in enumerate(config.TEXT_FIELDS):
            name = QTableWidgetItem(self._text_name(key))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(UserRole, key)
            self.texts.setItem(row, 0, name)
            self.texts.setItem(row, 1, QTableWidgetItem(texts.get(key, "")))
        self.texts.resizeColumnToContents(0)

    def _text_name(self, key: str) -> str:
        names = {
            "tier": self.tr("Routine callback ({rule})"),
            "absence": self.tr("Absence ({interval}, {last})"),
            "volume_drop": self.tr("Volume drop ({month}, {recent}, {average})"),
            "exit_survey": self.tr("Exit survey"),
            "campaign": self.tr("Campaign ({event}, {name})"),
            "preferred_time": self.tr("Preferred time ({time})"),
            "absence_closed": self.tr("Note: customer came back ({date})"),
            "not_contactable": self.tr("Note: do not disturb / no consent"),
        }
        return names[key]

    def _add_reason(self, code: str = "", label: str = "") -> None:
        row = self.reasons.rowCount()
        self.reasons.insertRow(row)
        code_item = QTableWidgetItem(code)
        shown = QTableWidgetItem(_tr(label) if label else "")
        shown.setData(UserRole, label)  # the stored text (English source of a built-in one)
        self.reasons.setItem(row, 0, code_item)
        self.reasons.setItem(row, 1, shown)
        if not code:
            self.reasons.setCurrentCell(row, 0)
            self.reasons.editItem(code_item)

    def _append_event(self, event: str) -> None:
        item = QListWidgetItem(event)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.events.addItem(item)

    def _add_event(self) -> None:
        text = self.event_entry.text().strip()
        if text:
            self._append_event(text)
            self.event_entry.clear()

    # -- saving ----------------------------------------------------------------------
    def changes(self) -> dict[str, Any]:
        values: dict[str, Any] = {config.TIER_RULES_KEY: self.tiers.rules}
        for key, spin in self.numbers.items():
            value = spin.value()
            values[key] = round(value / 100, 2) if key == "callbacks.volume.drop_share" else value
        reasons = []
        for row in range(self.reasons.rowCount()):
            code_item, label_item = self.reasons.item(row, 0), self.reasons.item(row, 1)
            code = code_item.text().strip() if code_item else ""
            label = label_item.text().strip() if label_item else ""
            stored = label_item.data(UserRole) if label_item else None
            if stored and label == _tr(stored):
                label = stored  # unchanged: keep the built-in text, translated on display
            if code or label:
                reasons.append([code, label])
        values[EXIT_REASONS_KEY] = reasons
        values[EVENTS_KEY] = [self.events.item(i).text() for i in range(self.events.count())]
        values[config.TEXTS_KEY] = {
            self.texts.item(row, 0).data(UserRole): self.texts.item(row, 1).text()
            for row in range(self.texts.rowCount())
        }
        return values

    def save(self) -> None:
        changes, user_id = self.changes(), self.user.id
        self.save_button.setEnabled(False)

        def work(ctx: OpContext) -> int:
            actor = ctx.session.get_one(User, user_id)
            return config.save_settings(ctx.session, actor, changes, ctx.progress)

        def done(refreshed: int) -> None:
            self.save_button.setEnabled(True)
            self.message.setStyleSheet("color: #1b5e20;")
            text = self.tr("Saved. The rules apply from their next run.")
            if refreshed:
                text += " " + self.tr("Usual intervals recomputed for {n} customers.").format(
                    n=f"{refreshed:,}"
                )
            self.message.setText(text)
            self.reload()

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(error_text(exc))

        run_in_background(
            self, self.db, work, done, on_failure=failed, label=self.tr("Saving the rules…")
        )
