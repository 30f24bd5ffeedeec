"""The shipped CJK font, registered with Qt and used as the application font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_crm.paths import resources_dir

FALLBACKS = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "sans-serif"]


def install_fonts(app: QApplication) -> list[str]:
    """Register every font under resources/fonts and make the first one the UI font."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        font = QFont(app.font())
        font.setFamilies([families[0], *FALLBACKS])
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)
        app.setFont(font)
    return families
