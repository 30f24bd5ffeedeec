"""Who imports where: the importing user's org subtree, the station rows go to by
default, and station and maintainer cells resolved to ids."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied, UserError
from desktop_crm.models import OrgKind, OrgUnit, User
from desktop_crm.services.importing.values import RowProblem, text
from desktop_crm.services.permissions import can_edit


@dataclass
class Unit:
    id: str
    code: str
    name: str
    kind: str
    path: str


def _key(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().lower()


@dataclass
class Scope:
    """The importing user, the org units it may write to, and the default station."""

    user: User
    root: Unit  # the user's own org unit: rows may go to its subtree
    default_station: Unit | None
    units: dict[str, Unit] = field(default_factory=dict)  # by id
    _by_label: dict[str, Unit | None] = field(default_factory=dict)  # code or name → unit
    _users: dict[str, str | None] | None = None

    @classmethod
    def load(cls, session: Session, user: User, station: OrgUnit | str | None = None) -> Scope:
        if not can_edit(user):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "Your role may read the customer file but not import.")
            )
        units = {
            u.id: Unit(u.id, u.code, u.name, u.kind, u.path)
            for u in session.scalars(select(OrgUnit).where(OrgUnit.deleted.is_(False)))
        }
        root = units[user.org_unit_id]
        by_label: dict[str, Unit | None] = {}
        by_name: dict[str, list[Unit]] = {}
        for unit in units.values():
            by_name.setdefault(_key(unit.name), []).append(unit)
        for key, named in by_name.items():
            by_label[key] = named[0] if len(named) == 1 else None  # None: ambiguous name
        for unit in units.values():
            by_label[_key(unit.code)] = unit  # a code wins over a name
        scope = cls(user, root, None, units, by_label)
        if station is not None:
            label = station.id if isinstance(station, OrgUnit) else station
            unit = units.get(label) or by_label.get(_key(label))
            if unit is None or unit.kind != OrgKind.STATION:
                raise UserError(
                    QT_TRANSLATE_NOOP("errors", "There is no station {station}."), station=label
                )
            if not scope.contains(unit.id):
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP(
                        "errors", "The station {station} is outside your organisation."
                    ),
                    station=unit.code,
                )
            scope.default_station = unit
        elif root.kind == OrgKind.STATION:
            scope.default_station = root
        return scope

    def contains(self, unit_id: str | None) -> bool:
        unit = self.units.get(unit_id or "")
        return unit is not None and unit.path.startswith(self.root.path)

    def station(self, value: Any) -> str | None:
        """The id of the station a cell names (code or name), inside the user's subtree."""
        label = text(value)
        if not label:
            return None
        unit = self._by_label.get(_key(label))
        if unit is None or unit.kind != OrgKind.STATION:
            raise RowProblem(
                QT_TRANSLATE_NOOP(
                    "import", "There is no station {station}: write its code or name."
                ),
                station=label,
            )
        if not self.contains(unit.id):
            raise RowProblem(
                QT_TRANSLATE_NOOP("import", "The station {station} is outside your organisation."),
                station=label,
            )
        return unit.id

    def unit_label(self, unit_id: str | None) -> str:
        unit = self.units.get(unit_id or "")
        return f"{unit.code} {unit.name}" if unit else "?"

    def maintainer(self, session: Session, value: Any) -> str | None:
        """The id of the active user a cell names by login, badge number or name."""
        label = text(value)
        if not label:
            return None
        self.load_users(session)
        assert self._users is not None
        found = self._users.get(_key(label))
        if found is None:
            raise RowProblem(
                QT_TRANSLATE_NOOP(
                    "import",
                    "{user} is not one user of your organisation: write the maintainer's login "
                    "or badge number.",
                ),
                user=label,
            )
        return found

    def load_users(self, session: Session) -> None:
        """Read the users a maintainer cell may name (once; the import then reads no more)."""
        if self._users is None:
            self._users = {}
            for uid, login, badge, name, org in session.execute(
                select(User.id, User.login, User.badge_no, User.name, User.org_unit_id).where(
                    User.active.is_(True), User.deleted.is_(False)
                )
            ):
                if not self.contains(org):
                    continue
                for key in {_key(login), _key(badge or ""), _key(name)} - {""}:
                    self._users[key] = uid if self._users.get(key, uid) == uid else None
