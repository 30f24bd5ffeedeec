"""Keep the Qt translation catalogues in step with the code.

    python scripts/translations.py update    # lupdate: new source texts into the .ts files
    python scripts/translations.py release   # lrelease: compile .ts to the shipped .qm files
    python scripts/translations.py check     # fail if a text is untranslated or a .qm is stale
    python scripts/translations.py fill F.json  # translate unfinished texts from {source: text}

Source texts are English; resources/translations/desktop_crm_zh_CN.ts holds the
Simplified Chinese (the default UI language). Edit it with Qt Linguist
(pyside6-linguist) or by hand, then run `release`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ["zh_CN"]


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install the package (pip install -e .)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_crm").rglob("*.py"))


def ts_path(language: str) -> Path:
    return TS_DIR / f"desktop_crm_{language}.ts"


def qm_path(language: str) -> Path:
    return TS_DIR / f"desktop_crm_{language}.qm"


def update() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [
                _tool("lupdate"),
                *sources(),
                "-ts",
                str(ts_path(language)),
                "-target-language",
                language,
                "-no-obsolete",
                "-locations",
                "none",
            ],
            cwd=ROOT,
            check=True,
        )


def release(target_dir: Path | None = None) -> list[Path]:
    made = []
    for language in LANGUAGES:
        out = (target_dir or TS_DIR) / f"desktop_crm_{language}.qm"
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts_path(language)), "-qm", str(out)],
            cwd=ROOT,
            check=True,
        )
        made.append(out)
    return made


def untranslated(language: str) -> list[str]:
    """Source texts of the catalogue that have no finished translation."""
    missing = []
    for message in ET.parse(ts_path(language)).getroot().iter("message"):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not (translation.text or "").strip()
        ):
            missing.append(message.findtext("source") or "")
    return missing


def fill(glossary_path: Path, language: str = "zh_CN") -> list[str]:
    """Translate the unfinished messages whose source text is in the glossary.

    A key "Context::source" applies to that context only and also replaces an existing
    translation there.

    Returns the source texts still untranslated afterwards.
    """
    glossary: dict[str, str] = json.loads(glossary_path.read_text(encoding="utf-8"))
    path = ts_path(language)
    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            # "Context::source" entries win over plain ones (same English, other meaning).
            text = glossary.get(f"{name}::{source}", glossary.get(source))
            if translation is None or text is None:
                continue
            forced = f"{name}::{source}" in glossary
            if (
                forced
                or translation.get("type") == "unfinished"
                or not (translation.text or "").strip()
            ):
                translation.text = text
                translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    update()  # back to lupdate's own layout
    return untranslated(language)


def check() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "ts"
        shutil.copytree(TS_DIR, copy)
        for language in LANGUAGES:
            ts = copy / ts_path(language).name
            subprocess.run(
                [
                    _tool("lupdate"),
                    *sources(),
                    "-ts",
                    str(ts),
                    "-target-language",
                    language,
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-silent",
                ],
                cwd=ROOT,
                check=True,
            )
            if ts.read_bytes() != ts_path(language).read_bytes():
                problems.append(f"{ts_path(language).name} lacks texts from the code: run update")
            for source in untranslated(language):
                problems.append(f"{language}: untranslated: {source!r}")
            fresh = release(Path(tmp))[LANGUAGES.index(language)]
            if (
                not qm_path(language).exists()
                or fresh.read_bytes() != qm_path(language).read_bytes()
            ):
                problems.append(f"{qm_path(language).name} is stale: run release")
    return problems


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "fill":
        for source in fill(Path(argv[2])):
            print(f"untranslated: {source!r}")
    elif command == "check":
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
