"""Which tables sync, in which order, and how each one is scoped and merged.

Every table of the local store that carries the sync columns (id, updated_at, usn,
deleted) syncs; the others are local to one desktop and never leave it. Tables are
listed parents first (foreign keys point backwards), so a batch applied in this order
never refers to a row that comes later.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from sqlalchemy import Column, Connection, Table

import desktop_crm.models  # noqa: F401 - registers every table on Base.metadata
from desktop_crm.models.base import Base

SYNC_COLUMNS = ("id", "updated_at", "usn", "deleted")

# Local to one desktop: derived data, login throttling, migration and sync bookkeeping.
LOCAL_ONLY = frozenset({"login_states", "customer_search", "sync_state", "alembic_version"})


class ScopeKind(StrEnum):
    ALL = "all"  # every device receives every row (the org tree: names and codes)
    LINEAGE = "lineage"  # the device's subtree and the units above it (reference data)
    SUBTREE = "subtree"  # only the device's own subtree (customers and their history)


# Reference data that a station needs from the units above it: the users who may be
# responsible for its complaints, company settings, SLA policies, holidays, rules.
LINEAGE_TABLES = frozenset(
    {"users", "settings", "sla_policies", "holidays", "callback_rules", "campaigns"}
)

# History that is written once and never edited, so it cannot conflict. A merge of two
# customer files may re-point a row to the kept customer: those columns may change,
# nothing else. The values are the columns a later version may change.
APPEND_ONLY: dict[str, frozenset[str]] = {
    "audit_events": frozenset(),
    "complaint_steps": frozenset(),
    "callback_attempts": frozenset({"customer_id", "org_unit_id"}),
    "level_changes": frozenset({"customer_id", "org_unit_id"}),
    "owner_changes": frozenset({"customer_id", "org_unit_id"}),
    "visits": frozenset({"customer_id", "org_unit_id", "deleted"}),
}

# Append-only history that a desktop may also send for the units above it: the audit
# trail of what people of an area or the company did at this desktop is owned by their
# unit. Append-only, so it can only ever add to the record, never change it.
UPWARD_HISTORY = frozenset({"audit_events"})

# Rows whose change alters a customer's search terms: table -> column with the customer id.
SEARCH_SOURCES = {
    "customers": "id",
    "vehicles": "customer_id",
    "fuel_cards": "customer_id",
    "contacts": "customer_id",
}


@dataclass(frozen=True)
class SyncedTable:
    name: str
    table: Table
    scope: ScopeKind
    append_only: bool
    movable: frozenset[str]  # append-only: the columns a later version may change

    @property
    def columns(self) -> list[str]:
        return [c.name for c in self.table.columns]

    @property
    def owner_column(self) -> str | None:
        """The column naming the org unit that owns a row (None: org_units, owned by itself)."""
        return "org_unit_id" if "org_unit_id" in self.table.c else None

    def column(self, name: str) -> Column:  # type: ignore[type-arg]
        return self.table.c[name]


def _is_synced(table: Table) -> bool:
    return table.name not in LOCAL_ONLY and all(c in table.c for c in SYNC_COLUMNS)


@cache
def synced_tables() -> tuple[SyncedTable, ...]:
    """Every synced table, parents before children."""
    found = []
    for table in Base.metadata.sorted_tables:
        if not _is_synced(table):
            continue
        if table.name == "org_units":
            scope = ScopeKind.ALL
        elif table.name in LINEAGE_TABLES:
            scope = ScopeKind.LINEAGE
        else:
            scope = ScopeKind.SUBTREE
        movable = APPEND_ONLY.get(table.name)
        found.append(
            SyncedTable(table.name, table, scope, movable is not None, movable or frozenset())
        )
    return tuple(found)


@cache
def by_name() -> dict[str, SyncedTable]:
    return {t.name: t for t in synced_tables()}


def table_order() -> dict[str, int]:
    return {t.name: k for k, t in enumerate(synced_tables())}


def dirty_index_name(table: str) -> str:
    return f"ix_{table}_sync_dirty"


def ensure_dirty_indexes(connection: Connection) -> None:
    """Partial indexes over the rows waiting to be pushed (usn = -1), on this desktop.

    Created when a desktop enrols, not by a migration: a stand-alone desktop never
    looks for changed rows. Each holds only (usn, rowid) of the waiting rows, so it is
    small once the desktop has synced, and finding what to push costs nothing.
    """
    for synced in synced_tables():
        connection.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {dirty_index_name(synced.name)} "
            f"ON {synced.name} (usn) WHERE usn = -1"
        )
