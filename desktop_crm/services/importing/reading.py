"""Reading a CSV or .xlsx file into rows of cells, whatever the clerk's software wrote.

CSV: UTF-8 with or without BOM, else GBK / GB18030 (what Excel and WPS save on Chinese
Windows), or UTF-16 with its BOM ("Unicode text"); comma, tab, semicolon or bar as the
delimiter. Excel: .xlsx through openpyxl in read-only mode, values only (dates arrive
as datetimes, numbers as int/float). Row ``k`` of the result is row ``k + 1`` as the
user sees it in Excel, title and empty rows included.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError

PREVIEW_BYTES = 256 * 1024
DELIMITERS = (",", "\t", ";", "|")
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, old WPS .et


@dataclass
class Table:
    """The cells of a file, row by row (row ``k`` is Excel row ``k + 1``)."""

    rows: list[list[Any]]
    complete: bool = True  # False when only the first rows were read (a preview)
    encoding: str | None = None  # of a CSV file


def read_table(path: Path | str, limit: int | None = None) -> Table:
    """All rows of ``path`` (or its first ``limit`` rows, for a preview)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            size = path.stat().st_size
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}."),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    if size == 0:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "{path} is empty: there is nothing to import."),
            path=path.name,
        )
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC) or suffix in (".xls", ".et"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is an old Excel 97-2003 workbook (.xls). Open it in Excel or WPS, save "
                "it as .xlsx or CSV and import that file.",
            ),
            path=path.name,
        )
    if suffix in (".xlsx", ".xlsm") or head.startswith(XLSX_MAGIC):
        return _read_xlsx(path, limit)
    return _read_csv(path, limit)


def _not_xlsx(path: Path) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} is not an Excel .xlsx workbook, or it is damaged. Open it in Excel or WPS "
            "and save it again as .xlsx or CSV.",
        ),
        path=path.name,
    )


def _read_xlsx(path: Path, limit: int | None) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise _not_xlsx(path) from exc
    try:
        sheet = workbook.active or workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong <dimension>: read what is there
        rows = sheet.iter_rows(values_only=True)
        if limit is not None:
            rows = islice(rows, limit)
        table = [_trim(list(row)) for row in rows]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _not_xlsx(path) from exc
    finally:
        workbook.close()
    _drop_trailing_empty(table)
    return Table(table, complete=limit is None or len(table) < limit)


def _trim(row: list[Any]) -> list[Any]:
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


def _drop_trailing_empty(rows: list[list[Any]]) -> None:
    while rows and not any(cell not in (None, "") for cell in rows[-1]):
        rows.pop()


def decode(data: bytes, final: bool = True) -> tuple[str, str]:
    """(text, encoding): UTF-16 by its BOM, UTF-8 (BOM optional) if it decodes strictly,
    else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return codecs.getincrementaldecoder("utf-16")("replace").decode(data, final), "utf-16"
    try:
        return codecs.getincrementaldecoder("utf-8-sig")("strict").decode(data, final), "utf-8"
    except UnicodeDecodeError:
        pass
    return codecs.getincrementaldecoder("gb18030")("replace").decode(data, final), "gb18030"


def sniff_delimiter(sample: str) -> str:
    """The delimiter found most often over the first lines (a comma when in doubt)."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        used = sum(1 for c in counts if c)
        score = sum(counts) if used * 2 >= len(lines) else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path, limit: int | None) -> Table:
    with path.open("rb") as handle:
        data = handle.read(PREVIEW_BYTES if limit is not None else -1)
        whole = limit is None or len(data) < PREVIEW_BYTES
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is not a CSV text file. Choose a .csv or .xlsx file exported from Excel, "
                "WPS or the card system.",
            ),
            path=path.name,
        )
    text, encoding = decode(data, final=whole)
    del data
    if not whole:  # a preview: drop the last, probably cut, line
        text = text[: text.rfind("\n") + 1] or text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text[:8192]))
    try:
        rows = [_trim(row) for row in (islice(reader, limit) if limit is not None else reader)]
    except csv.Error as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a readable CSV file ({reason})."),
            path=path.name,
            reason=str(exc),
        ) from exc
    _drop_trailing_empty(rows)
    complete = whole and (limit is None or len(rows) < limit)
    return Table(rows, complete=complete, encoding=encoding)
