"""Charts and grading settings (基础设置): what "lost" means, which volume tiers are big
customers, the grading weights, cut-offs, full marks and method."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.settings import get_setting, put_setting
from desktop_crm.views.background import OpContext, error_text, run_in_background

FACTORS = ("revenue", "volume", "credit", "growth")
GRADES = ("A", "B", "C")


def _spin(low: float, high: float, decimals: int = 0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    return box


class GradingPage(QWidget):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Charts and grading"))
        self.lost_days = QSpinBox()
        self.lost_days.setObjectName("lostDays")
        self.lost_days.setRange(7, 3650)
        self.big_tiers = QLineEdit()
        self.big_tiers.setObjectName("bigTiers")
        self.weights = {f: _spin(0, 100) for f in FACTORS}
        self.cutoffs = {g: _spin(0, 100, 1) for g in GRADES}
        self.full_revenue = _spin(1, 1e9)
        self.full_volume = _spin(1, 1e9)
        self.method = QComboBox()
        self.method.setObjectName("gradingMethod")
        self.method.addItem(self.tr("Weighted score S"), "score")
        self.method.addItem(self.tr("ABC by cumulative volume"), "abc")
        self.abc = (_spin(1, 99), _spin(1, 99))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveGrading")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Lost after this many days without a visit"), self.lost_days)
        form.addRow(self.tr("Big customers: volume tiers (comma-separated)"), self.big_tiers)
        labels = {
            "revenue": self.tr("Weight of revenue (%)"),
            "volume": self.tr("Weight of volume (%)"),
            "credit": self.tr("Weight of credit (%)"),
            "growth": self.tr("Weight of growth (%)"),
        }
        for factor in FACTORS:
            form.addRow(labels[factor], self.weights[factor])
        for grade in GRADES:
            form.addRow(
                self.tr("Lowest score of grade %1").replace("%1", grade), self.cutoffs[grade]
            )
        form.addRow(self.tr("Full marks for revenue (yuan a year)"), self.full_revenue)
        form.addRow(self.tr("Full marks for volume (litres a year)"), self.full_volume)
        form.addRow(self.tr("Grading method"), self.method)
        form.addRow(self.tr("ABC: class A up to (% of volume)"), self.abc[0])
        form.addRow(self.tr("ABC: class B up to (% of volume)"), self.abc[1])
        form.addRow(self.save_button)
        form.addRow(self.message)
        with db.session() as session:
            self._load(lambda key: get_setting(session, key))

    def _load(self, value: Any) -> None:
        self.lost_days.setValue(int(value("charts.lost_days")))
        self.big_tiers.setText(", ".join(value("charts.big_customer_tiers") or []))
        for factor, box in self.weights.items():
            box.setValue(float(value("grading.weights").get(factor, 0)))
        for grade, box in self.cutoffs.items():
            box.setValue(float(value("grading.cutoffs").get(grade, 0)))
        marks = value("grading.full_marks")
        self.full_revenue.setValue(float(marks.get("revenue_yuan", 15000)))
        self.full_volume.setValue(float(marks.get("volume_litres", 2000)))
        self.method.setCurrentIndex(max(0, self.method.findData(value("grading.method"))))
        shares = value("grading.abc_shares")
        self.abc[0].setValue(float(shares[0]))
        self.abc[1].setValue(float(shares[1]))

    def values(self) -> dict[str, Any]:
        tiers = [
            t.strip() for t in self.big_tiers.text().replace("，", ",").split(",") if t.strip()
        ]
        return {
            "charts.lost_days": self.lost_days.value(),
            "charts.big_customer_tiers": tiers,
            "grading.weights": {f: box.value() for f, box in self.weights.items()},
            "grading.cutoffs": {g: box.value() for g, box in self.cutoffs.items()},
            "grading.full_marks": {
                "revenue_yuan": self.full_revenue.value(),
                "volume_litres": self.full_volume.value(),
            },
            "grading.method": self.method.currentData(),
            "grading.abc_shares": [self.abc[0].value(), self.abc[1].value()],
        }

    def save(self) -> None:
        values, user_id = self.values(), self.user.id

        def work(ctx: OpContext) -> None:
            cut = values["grading.cutoffs"]
            if not cut["A"] > cut["B"] > cut["C"]:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "The cut-offs must fall from A to C, e.g. 91, 81 and 65."
                    )
                )
            if sum(values["grading.weights"].values()) <= 0:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Give at least one grading factor a weight.")
                )
            low, high = values["grading.abc_shares"]
            if not low < high:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "ABC class A must end below where class B ends.")
                )
            actor = ctx.session.get_one(User, user_id)
            for key, value in values.items():
                put_setting(ctx.session, actor, key, value)

        def done(_result: None) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(self.tr("Saved."))

        def failed(exc: Exception) -> None:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(error_text(exc))

        run_in_background(self, self.db, work, done, on_failure=failed)
