"""Display names of codes kept in the Qt-free layers, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.services.orgs import KIND_NAMES
from desktop_crm.services.permissions import ROLE_NAMES


def role_name(role: str) -> str:
    return QCoreApplication.translate("roles", ROLE_NAMES.get(role, role))


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("orgs", KIND_NAMES.get(kind, kind))


def option_label(table: dict[str, str], value: str | None) -> str:
    """The label of a choice list's value (customer_options tables, context "customers")."""
    if not value:
        return ""
    return QCoreApplication.translate("customers", table.get(value, value))
