"""The translation catalogues are complete, compiled, and Chinese is the default."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop_crm import i18n

ROOT = Path(__file__).resolve().parent.parent


def test_catalogues_are_complete_and_compiled() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_messages_default_to_chinese_and_english_is_the_source() -> None:
    i18n.install("zh_CN")
    assert i18n.translate_message("roles", "Station master") == "站长"
    assert (
        i18n.translate_message(
            "errors", "The user name {login} is already taken.", {"login": "zhangw"}
        )
        == "用户名 zhangw 已被占用。"
    )
    i18n.install("en")
    try:
        assert i18n.translate_message("roles", "Station master") == "Station master"
    finally:
        i18n.install("zh_CN")


def test_shipped_font_covers_the_ui_without_system_fonts() -> None:
    from fontTools.ttLib import TTFont  # noqa: PLC0415 - only here

    font = TTFont(ROOT / "resources" / "fonts" / "NotoSansSC-Regular.ttf")
    cmap = font.getBestCmap()
    ts = (ROOT / "resources" / "translations" / "desktop_crm_zh_CN.ts").read_text(encoding="utf-8")
    missing = {ch for ch in ts if ord(ch) > 0x2E80 and ord(ch) not in cmap}
    assert not missing
    assert "glyf" in font  # TrueType outlines: embeddable in PDFs
