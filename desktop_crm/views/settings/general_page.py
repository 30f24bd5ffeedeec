"""General settings: the UI language of this desktop."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop_crm.config import Preferences
from desktop_crm.i18n import LANGUAGES
from desktop_crm.models import User
from desktop_crm.models.db import Database


class GeneralPage(QWidget):
    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("General"))
        self.preferences = Preferences.load()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(self.preferences.language)
        self.language.setCurrentIndex(max(index, 0))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.note)

    def _language_chosen(self) -> None:
        self.preferences.language = self.language.currentData()
        self.preferences.save()
        self.note.setText(self.tr("The new language applies the next time desktop_crm starts."))
