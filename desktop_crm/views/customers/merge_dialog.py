"""Merge two files of the same customer: both side by side, a reason, then merge.

The left file is kept and gets everything of the right one (vehicles, cards,
contacts, visits, history, callbacks, complaints); the right one is removed. A button
swaps the two. Numbers are masked for roles that may not see them.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services import customer_options as options
from desktop_crm.services.customer_merge import (
    MergeResult,
    MergeSide,
    merge_customers,
    merge_preview,
)
from desktop_crm.views.background import OpContext, error_text, run_in_background

ERROR_STYLE = "color: #b00020;"


def _date(ms: int | None) -> str:
    return datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d") if ms else ""


def _label(mapping: dict[str, str], value: str | None) -> str:
    if not value:
        return ""
    return QCoreApplication.translate("customers", mapping.get(value, value))


class MergeDialog(QDialog):
    merged = Signal(str)  # the kept customer's id

    def __init__(
        self,
        db: Database,
        user: User,
        keep_id: str,
        other_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.keep_id, self.other_id = keep_id, other_id
        self.setWindowTitle(self.tr("Merge customer files"))
        self.grid = QGridLayout()
        self.grid.setObjectName("comparison")
        intro = QLabel(
            self.tr(
                "Both files describe the same customer. The file on the left is kept and gets "
                "all vehicles, cards, contacts, visits, history, callbacks and complaints of "
                "the file on the right; empty fields are filled from it. The right file is "
                "then removed."
            )
        )
        intro.setWordWrap(True)
        self.swap_button = QPushButton(self.tr("Keep the right file instead"))
        self.swap_button.setObjectName("swap")
        self.swap_button.clicked.connect(self.swap)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. the same customer was filed twice"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        swap_row = QHBoxLayout()
        swap_row.addWidget(self.swap_button)
        swap_row.addStretch(1)
        layout.addLayout(swap_row)
        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(self.tr("Reason")))
        reason_row.addWidget(self.reason, 1)
        layout.addLayout(reason_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.sides: tuple[MergeSide, MergeSide] | None = None
        self.load()
        self.setMinimumWidth(640)

    def load(self) -> None:
        with self.db.sessions.begin() as session:
            self.sides = merge_preview(session, self.user, self.keep_id, self.other_id)
        self._fill(*self.sides)

    def rows(self, side: MergeSide) -> list[tuple[str, str]]:
        """(label, value) of one file, in display order."""
        counts = side.counts
        return [
            (self.tr("Name"), side.name or self.tr("(no name)")),
            (self.tr("Kind"), _label(options.KINDS, side.kind)),
            (self.tr("Phone"), " / ".join(p for p in (side.phone, side.phone2) if p)),
            (self.tr("ID number"), side.id_number or ""),
            (self.tr("Employer"), side.employer or ""),
            (self.tr("Address"), side.address or ""),
            (self.tr("Station"), side.station),
            (self.tr("Level"), side.level or ""),
            (self.tr("Maintainer"), side.maintainer or ""),
            (self.tr("File stage"), _label(options.STAGES, side.profile_stage)),
            (self.tr("Complete"), f"{side.completeness}%"),
            (self.tr("Filed on"), _date(side.created_at)),
            (self.tr("Last visit"), _date(side.last_visit_at)),
            (self.tr("Plates"), "、".join(side.plates)),
            (self.tr("Fuel cards"), "、".join(side.cards)),
            (self.tr("Vehicles"), str(counts["vehicles"])),
            (self.tr("Cards"), str(counts["cards"])),
            (self.tr("Contacts"), str(counts["contacts"])),
            (self.tr("Visits"), str(counts["visits"])),
            (self.tr("Callbacks"), str(counts["callbacks"])),
            (self.tr("Complaints"), str(counts["complaints"])),
        ]

    def _fill(self, keep: MergeSide, other: MergeSide) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        headers = ("", self.tr("Kept"), self.tr("Merged into it, then removed"))
        for column, text in enumerate(headers):
            header = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(header, 0, column)
        for row, ((label, left), (_same, right)) in enumerate(
            zip(self.rows(keep), self.rows(other), strict=True), start=1
        ):
            self.grid.addWidget(QLabel(label), row, 0)
            for column, (value, name) in enumerate(((left, "keep"), (right, "other")), start=1):
                cell = QLabel(value)
                cell.setObjectName(f"{name}_{row}")
                cell.setWordWrap(True)
                if left != right:
                    cell.setStyleSheet("color: #8a4b00;")
                self.grid.addWidget(cell, row, column)

    def value(self, side: str, label: str) -> str:
        """What the comparison shows for ``label`` on side ``keep`` or ``other``."""
        assert self.sides is not None
        index = 0 if side == "keep" else 1
        return dict(self.rows(self.sides[index]))[label]

    def swap(self) -> None:
        self.keep_id, self.other_id = self.other_id, self.keep_id
        assert self.sides is not None
        self.sides = (self.sides[1], self.sides[0])
        self._fill(*self.sides)

    def merge(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.message.setText(self.tr("Give a reason for the merge."))
            self.reason.setFocus()
            return
        self.buttons.setEnabled(False)
        self.swap_button.setEnabled(False)
        user_id, keep_id, other_id = self.user.id, self.keep_id, self.other_id

        def work(ctx: OpContext) -> MergeResult:
            actor = ctx.session.get_one(User, user_id)
            return merge_customers(ctx.session, actor, keep_id, other_id, reason)

        def failed(exc: Exception) -> None:
            self.buttons.setEnabled(True)
            self.swap_button.setEnabled(True)
            self.message.setText(error_text(exc))

        def done(result: MergeResult) -> None:
            self.merged.emit(result.keep_id)
            self.accept()

        run_in_background(self, self.db, work, done, on_failure=failed)
