"""Who handles a complaint at each level: 加油站 (station) → 片区 (area) → 公司 (company).

A complaint belongs to its station for good (``org_unit_id``); the level says whose
queue holds it now and ``handling_org_id`` names that unit: the station, the nearest
area above it, or the company at the root (the tree may be deeper; a station right
under the company goes from the station to the company). The owner at a level is
its responsible person: the station master, the area manager, the company's
customer administrator (the first active one by name where there are several; all
of them are notified of an escalation).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.models import ComplaintLevel, OrgKind, OrgUnit, Role, User

LEVEL_ORDER = (
    ComplaintLevel.STATION.value,
    ComplaintLevel.AREA.value,
    ComplaintLevel.COMPANY.value,
)

# The role responsible for complaints at each level.
LEVEL_ROLE = {
    ComplaintLevel.STATION.value: Role.STATION_MASTER.value,
    ComplaintLevel.AREA.value: Role.AREA_MANAGER.value,
    ComplaintLevel.COMPANY.value: Role.COMPANY_ADMIN.value,
}


def next_level(level: str) -> str | None:
    """The level above (None at the company)."""
    index = LEVEL_ORDER.index(level) if level in LEVEL_ORDER else 0
    return LEVEL_ORDER[index + 1] if index + 1 < len(LEVEL_ORDER) else None


def level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else 0


@dataclass
class Handlers:
    """The org tree and the responsible people, loaded once for many complaints."""

    units: dict[str, OrgUnit]
    managers: dict[str, list[str]] = field(default_factory=dict)  # unit id -> user ids

    @classmethod
    def load(cls, session: Session) -> Handlers:
        units = {
            u.id: u for u in session.scalars(select(OrgUnit).where(OrgUnit.deleted.is_(False)))
        }
        managers: dict[str, list[str]] = {}
        rows = session.execute(
            select(User.id, User.org_unit_id, User.role)
            .where(
                User.active.is_(True),
                User.deleted.is_(False),
                User.role.in_(list(LEVEL_ROLE.values())),
            )
            .order_by(User.name, User.id)
        ).all()
        for user_id, unit_id, role in rows:
            unit = units.get(unit_id)
            if unit is None:
                continue
            level = _level_of_kind(unit.kind)
            if level is not None and LEVEL_ROLE[level] == role:
                managers.setdefault(unit_id, []).append(user_id)
        return cls(units, managers)

    def unit_for(self, station_id: str, level: str) -> OrgUnit | None:
        """The unit whose queue holds a complaint of ``station_id`` at ``level``."""
        station = self.units.get(station_id)
        if station is None:
            return None
        if level == ComplaintLevel.STATION.value:
            return station
        chain = [self.units[i] for i in reversed(_ancestors(station)) if i in self.units]
        if level == ComplaintLevel.AREA.value:
            area = next((u for u in chain if u.kind == OrgKind.AREA.value), None)
            if area is not None:
                return area
        return next((u for u in chain if u.parent_id is None), None)

    def level_of(self, station_id: str, level: str) -> str:
        """The level actually reached: AREA becomes COMPANY where no area lies above."""
        unit = self.unit_for(station_id, level)
        if unit is not None and unit.parent_id is None:
            return ComplaintLevel.COMPANY.value
        return level

    def responsible(self, unit_id: str | None) -> list[str]:
        """The responsible users of a unit (its managers for the level), first = owner."""
        return list(self.managers.get(unit_id or "", []))

    def owner_for(self, unit_id: str | None) -> str | None:
        people = self.responsible(unit_id)
        return people[0] if people else None


def _ancestors(unit: OrgUnit) -> list[str]:
    return [part for part in unit.path.split("/") if part]


def _level_of_kind(kind: str) -> str | None:
    return {
        OrgKind.STATION.value: ComplaintLevel.STATION.value,
        OrgKind.AREA.value: ComplaintLevel.AREA.value,
        OrgKind.COMPANY.value: ComplaintLevel.COMPANY.value,
    }.get(kind)
