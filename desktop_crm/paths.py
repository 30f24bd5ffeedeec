"""Where the program finds its resources and where it keeps per-user data."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "desktop_crm"
APP_AUTHOR = "desktop_crm"


def resources_dir() -> Path:
    """The shipped resources (fonts, translations), also inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "desktop_crm.db"
