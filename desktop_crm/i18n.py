"""Translations through Qt's system (.ts sources, compiled .qm catalogues).

Only QtCore is used here, so the command line shows the same messages as the GUI.
Chinese (zh_CN) is the default language; English is the source text.
"""

from __future__ import annotations

import os
from typing import Any

from desktop_crm.paths import resources_dir

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_translators: list[Any] = []
_installed: list[str] = []  # the language installed last, if any


def qm_path(language: str) -> str:
    return str(resources_dir() / "translations" / f"desktop_crm_{language}.qm")


def install(language: str | None = None) -> str:
    """Load the catalogue for ``language`` into the running Qt core application."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    language = language or os.environ.get("DESKTOP_CRM_LANG") or DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            app.removeTranslator(old)
    _translators.clear()
    _installed[:] = [language]
    if language != "en":
        from PySide6.QtCore import QLibraryInfo

        # Qt's own texts (OK, Cancel, context menus) and then ours.
        for path in (
            _qt_catalogue(language, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            qm_path(language),
        ):
            translator = QTranslator()
            if path and translator.load(path):
                _translators.append(translator)
                if app is not None:
                    app.installTranslator(translator)
    return language


def _qt_catalogue(language: str, qt_dir: str) -> str | None:
    """qtbase_<lang>.qm: shipped in resources/translations by the installer, else Qt's own."""
    from pathlib import Path

    for folder in (resources_dir() / "translations", Path(qt_dir)):
        candidate = folder / f"qtbase_{language}.qm"
        if candidate.exists():
            return str(candidate)
    return None


def translate_message(context: str, text: str, params: dict[str, Any] | None = None) -> str:
    """``text`` of ``context`` in the current language, with ``{name}`` fields filled in."""
    from PySide6.QtCore import QCoreApplication

    if not _installed:
        install()
    translated = text
    for translator in _translators:
        candidate = translator.translate(context, text)
        if candidate:
            translated = candidate
            break
    else:
        if QCoreApplication.instance() is not None:
            translated = QCoreApplication.translate(context, text)
    return translated.format(**(params or {}))
