"""What a chart covers: an org unit of the user's subtree at one drill-down level, and a
range of months.

Levels follow the org tree: a chart at a unit shows one bar per child unit (company →
areas → stations); at a unit without children (a station) it shows its customers.
The tree may be deeper than three levels; a level is simply "the children of here".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied
from desktop_crm.localtime import local_zone
from desktop_crm.models import OrgUnit, User

COMPANY, AREA, STATION, CUSTOMERS = "company", "area", "station", "customers"


@dataclass(frozen=True)
class Unit:
    id: str
    code: str
    name: str
    kind: str
    path: str


@dataclass(frozen=True)
class ChartScope:
    """An org unit and its direct children (empty for a station: its customers come next)."""

    unit: Unit
    children: tuple[Unit, ...]

    @property
    def level(self) -> str:
        """company / area / station: what the unit is (any depth maps to its kind)."""
        return self.unit.kind

    @property
    def breakdown(self) -> str:
        """What one bar stands for: a child unit, or a customer below a leaf unit."""
        return "units" if self.children else CUSTOMERS

    @property
    def key(self) -> tuple[str, str]:
        return (self.unit.id, self.unit.path)


def _unit(row: OrgUnit) -> Unit:
    return Unit(row.id, row.code, row.name, row.kind, row.path)


def scope_for(session: Session, unit_id: str, user: User | None = None) -> ChartScope:
    """The scope of ``unit_id``; PermissionDenied when it lies outside the user's subtree."""
    row = session.get_one(OrgUnit, unit_id)
    if user is not None:
        own = session.get_one(OrgUnit, user.org_unit_id)
        if not row.path.startswith(own.path):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "{unit} is outside your organisation."),
                unit=row.name,
            )
    kids = session.scalars(
        select(OrgUnit)
        .where(OrgUnit.parent_id == row.id, OrgUnit.deleted.is_(False))
        .order_by(OrgUnit.code)
    )
    return ChartScope(_unit(row), tuple(_unit(k) for k in kids))


def allowed_units(session: Session, user: User) -> list[Unit]:
    """The units a user may chart: the own unit first, then its subtree, each unit
    followed by the units below it."""
    own = session.get_one(OrgUnit, user.org_unit_id)
    rows = session.scalars(
        select(OrgUnit)
        .where(OrgUnit.path.startswith(own.path), OrgUnit.deleted.is_(False))
        .order_by(OrgUnit.path)
    )
    return [_unit(r) for r in rows]  # by path: each unit right after its parent


def parent_of(session: Session, scope: ChartScope, user: User | None = None) -> ChartScope | None:
    """One level up, or None at the top of what the user may see."""
    row = session.get_one(OrgUnit, scope.unit.id)
    if row.parent_id is None:
        return None
    if user is not None and row.id == user.org_unit_id:
        return None
    return scope_for(session, row.parent_id, user)


# -- periods ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ChartPeriod:
    """Whole local months from ``first`` to ``last`` (both the 1st of their month), seen
    on ``as_of`` (today when None): what is overdue or lost is decided on that day."""

    first: date
    last: date
    as_of: date | None = None

    @property
    def today(self) -> date:
        return self.as_of or today_local()

    @property
    def months(self) -> list[date]:
        found, day = [], self.first
        while day <= self.last:
            found.append(day)
            day = add_months(day, 1)
        return found

    @property
    def end(self) -> date:
        """The day after the period (exclusive bound)."""
        return add_months(self.last, 1)

    @property
    def text(self) -> str:
        return f"{self.first:%Y-%m} – {self.last:%Y-%m}"

    @property
    def key(self) -> tuple[str, str]:
        return (self.first.isoformat(), self.last.isoformat())


def add_months(day: date, count: int) -> date:
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_ending(last: date, count: int = 12, as_of: date | None = None) -> ChartPeriod:
    """``count`` months up to and including the month of ``last``."""
    end = date(last.year, last.month, 1)
    return ChartPeriod(add_months(end, -(count - 1)), end, as_of)


def year_period(year: int, as_of: date | None = None) -> ChartPeriod:
    return ChartPeriod(date(year, 1, 1), date(year, 12, 1), as_of)


def today_local() -> date:
    from datetime import datetime

    return datetime.now(local_zone()).date()
