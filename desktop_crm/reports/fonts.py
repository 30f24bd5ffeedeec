"""The shipped CJK font for matplotlib: registered once, used for every chart label.

PDF output embeds it as TrueType (``pdf.fonttype`` 42), so a printed chart shows the
same glyphs on a machine without any Chinese font.
"""

from __future__ import annotations

import threading
from pathlib import Path

from desktop_crm.paths import resources_dir

_lock = threading.Lock()
_family: list[str] = []


def font_files() -> list[Path]:
    return sorted((resources_dir() / "fonts").glob("*.[ot]tf"))


def setup_matplotlib() -> str:
    """Register the shipped font with matplotlib's font manager and make it the default.

    Returns the family name. Safe to call from any thread, any number of times.
    """
    with _lock:
        if _family:
            return _family[0]
        from matplotlib import font_manager, rcParams

        family = "sans-serif"
        for path in font_files():
            font_manager.fontManager.addfont(str(path))
            family = font_manager.FontProperties(fname=str(path)).get_name()
        rcParams["font.family"] = "sans-serif"
        rcParams["font.sans-serif"] = [family, *rcParams["font.sans-serif"]]
        rcParams["axes.unicode_minus"] = False  # the CJK font has no U+2212 glyph in all sizes
        rcParams["pdf.fonttype"] = 42  # embed TrueType, not Type 3 outlines
        rcParams["ps.fonttype"] = 42
        _family.append(family)
        return family
