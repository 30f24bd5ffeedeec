"""Importing customers and visits from CSV and Excel files (no Qt).

    result = import_file(session, ImportKind.CUSTOMERS, path, user, mapping={"车号": "plate"})
    write_error_report(result.errors, "errors.csv", result.headers)

The work happens in the caller's transaction: commit it to keep the import, roll it
back (e.g. after ImportCancelled raised from the progress callback) to leave nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from desktop_crm.models import OrgUnit, User
from desktop_crm.services.importing.columns import (
    CUSTOMER_FIELDS,
    IGNORE,
    VISIT_FIELDS,
    Field,
    ImportKind,
    fields_for,
    parse_mapping_spec,
)
from desktop_crm.services.importing.customers import import_customers
from desktop_crm.services.importing.plan import Preview, preview_file
from desktop_crm.services.importing.result import (
    ImportCancelled,
    ImportResult,
    Progress,
    RowError,
    write_error_report,
)
from desktop_crm.services.importing.visits import import_visits

__all__ = [
    "CUSTOMER_FIELDS",
    "IGNORE",
    "VISIT_FIELDS",
    "Field",
    "ImportCancelled",
    "ImportKind",
    "ImportResult",
    "Preview",
    "Progress",
    "RowError",
    "fields_for",
    "import_customers",
    "import_file",
    "import_visits",
    "parse_mapping_spec",
    "preview_file",
    "write_error_report",
]


def import_file(
    session: Session,
    kind: ImportKind | str,
    path: Path | str,
    user: User,
    *,
    mapping: Mapping[str | int, str] | None = None,
    station: OrgUnit | str | None = None,
    header_row: int | None = None,
    create_missing: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Customers or visits, by ``kind``; see ``import_customers`` and ``import_visits``."""
    if ImportKind(kind) == ImportKind.CUSTOMERS:
        return import_customers(
            session,
            path,
            user,
            mapping=mapping,
            station=station,
            header_row=header_row,
            progress=progress,
        )
    return import_visits(
        session,
        path,
        user,
        mapping=mapping,
        station=station,
        header_row=header_row,
        create_missing=create_missing,
        progress=progress,
    )
