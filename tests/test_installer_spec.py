"""The PyInstaller spec, read as PyInstaller reads it (its build objects stood in for):
the desktop build leaves the head-office server out."""

from __future__ import annotations

import pkgutil
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import desktop_crm

SPEC = Path(__file__).resolve().parent.parent / "installer" / "desktop_crm.spec"


def _collect_submodules(package: str, filter: Any = None) -> list[str]:  # noqa: A002
    """PyInstaller's collect_submodules for an importable package (without importing it)."""
    if package != "desktop_crm":
        return []
    names = ["desktop_crm"] + [
        m.name for m in pkgutil.walk_packages(desktop_crm.__path__, "desktop_crm.")
    ]
    return [n for n in names if filter is None or filter(n)]


def test_the_desktop_build_leaves_the_head_office_server_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = _collect_submodules  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    seen: dict[str, Any] = {}

    def analysis(scripts: list[str], **kw: Any) -> Any:
        seen.update(kw)
        return types.SimpleNamespace(pure=[], scripts=scripts, binaries=[], datas=[])

    namespace = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": analysis,
        "PYZ": lambda *a, **k: None,
        "EXE": lambda *a, **k: None,
        "COLLECT": lambda *a, **k: None,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    hidden, excludes = seen["hiddenimports"], seen["excludes"]
    assert "desktop_crm.sync.client" in hidden and "desktop_crm.views.main_window" in hidden
    assert not [n for n in hidden if n.startswith("desktop_crm.sync.server")]
    assert {"desktop_crm.sync.server", "fastapi", "uvicorn"} <= set(excludes)
