"""What an import did: counts, the rows it refused and why, and the error report."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.services.importing.values import CONTEXT, text

Progress = Callable[[int, int, str], None]


class ImportCancelled(UserError):
    """Raised by a progress callback to stop an import; the caller rolls back."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "The import was cancelled; nothing was imported.")
        )


@dataclass(frozen=True)
class RowError:
    """A refused row: its number as Excel shows it (1-based, title and header rows
    counted), the reason (English source text in context "import" and its fields),
    and the row's cells as read."""

    row: int
    text: str
    params: dict[str, Any]
    cells: tuple[str, ...]

    def message(self, translate: Callable[[str, str, dict[str, Any]], str] | None = None) -> str:
        if translate is None:
            return self.text.format(**self.params)
        return translate(CONTEXT, self.text, self.params)


@dataclass
class ImportResult:
    kind: str
    file: str
    header_row: int = 0  # as Excel shows it
    headers: list[str] = field(default_factory=list)
    mapping: dict[int, str] = field(default_factory=dict)  # column position → field
    rows: int = 0  # data rows read (blank and total rows not counted)
    imported: int = 0  # new customers / visits
    updated: int = 0  # existing customers changed
    skipped: int = 0  # valid rows that changed nothing (already imported)
    created_customers: int = 0  # visits import: plate-only customers made for unknown plates
    errors: list[RowError] = field(default_factory=list)
    customer_ids: list[str] = field(default_factory=list)  # customers created or changed
    seconds: float = 0.0

    @property
    def valid_rows(self) -> int:
        return self.imported + self.updated + self.skipped

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": len(self.errors),
            "created_customers": self.created_customers,
        }


def default_translate(context: str, source: str, params: dict[str, Any]) -> str:
    from desktop_crm.i18n import translate_message

    return translate_message(context, source, params)


def write_error_report(
    errors: list[RowError],
    path: Path | str,
    headers: list[str] | None = None,
    translate: Callable[[str, str, dict[str, Any]], str] | None = default_translate,
) -> Path:
    """The refused rows as CSV (UTF-8 with BOM, so Excel opens it): 行号, 原因, then the
    row's original cells under the file's own headers. Written whole or not at all."""
    path = Path(path)
    width = max([len(e.cells) for e in errors] + [len(headers or [])])
    head = ["行号", "原因", *(headers or [])]
    head += [""] * (2 + width - len(head))
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".errors-", suffix=".csv", dir=path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(head)
            for error in errors:
                writer.writerow([error.row, error.message(translate), *error.cells])
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Cannot write the error report {path}: {reason}."),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    return path


def cells_of(row: list[Any]) -> tuple[str, ...]:
    return tuple(text(cell) for cell in row)
