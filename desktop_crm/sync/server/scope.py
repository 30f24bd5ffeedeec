"""A device's scope: the org subtree it may read and write, and the units above it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.models import OrgUnit
from desktop_crm.sync.server.errors import ApiError
from desktop_crm.sync.tables import ScopeKind


@dataclass
class Scope:
    unit_id: str
    path: str
    subtree: set[str]  # the unit and everything below it
    ancestors: list[str]  # the units above it, root first

    def contains_path(self, path: str) -> bool:
        return path.startswith(self.path)

    def units(self, kind: ScopeKind) -> list[str]:
        """The units whose rows of a table of this kind the device receives, sorted."""
        if kind is ScopeKind.LINEAGE:
            return sorted(self.subtree | set(self.ancestors))
        return sorted(self.subtree)


def load_scope(session: Session, unit_id: str) -> Scope:
    unit = session.get(OrgUnit, unit_id)
    if unit is None or unit.deleted:
        raise ApiError(
            403, "out_of_scope", "This desktop's org unit no longer exists at the head office."
        )
    subtree = set(session.scalars(select(OrgUnit.id).where(OrgUnit.path.startswith(unit.path))))
    ancestors = [part for part in unit.path.strip("/").split("/") if part][:-1]
    return Scope(unit.id, unit.path, subtree, ancestors)
