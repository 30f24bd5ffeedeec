"""Who may change which customer file.

- Auditors read only.
- Everyone else edits the customers of their own org subtree: station staff the
  customers of their station, an area manager those of the area's stations.
- Handing a customer from one maintainer or developer to another, and deleting a
  file, need a station master or a manager (staff may fill in an empty owner).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from desktop_crm.models import Customer, OrgKind, OrgUnit, Role, User
from desktop_crm.services.permissions import can_edit

MANAGER_ROLES = frozenset({Role.STATION_MASTER, Role.AREA_MANAGER, Role.COMPANY_ADMIN})


def is_manager(user: User) -> bool:
    return user.role in MANAGER_ROLES


def in_subtree(session: Session, user: User, org_unit_id: str | None) -> bool:
    """True when ``org_unit_id`` is the user's unit or lies below it."""
    if org_unit_id is None:
        return False
    own = session.get(OrgUnit, user.org_unit_id)
    unit = session.get(OrgUnit, org_unit_id)
    return own is not None and unit is not None and unit.path.startswith(own.path)


def require_can_edit(user: User) -> None:
    if not can_edit(user):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "Auditors may look at customer files but not change them.")
        )


def require_in_scope(session: Session, user: User, org_unit_id: str | None) -> None:
    if not in_subtree(session, user, org_unit_id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "This customer belongs to a unit outside yours; ask that station or its "
                "area to change it.",
            )
        )


def require_manager(user: User, text: str) -> None:
    if not is_manager(user):
        raise PermissionDenied(text)


def get_customer(session: Session, customer_id: str) -> Customer:
    """The live customer, or a message that it was merged or deleted meanwhile."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The customer no longer exists: it may have been merged or deleted. "
                "Search for it again.",
            )
        )
    return customer


def editable_customer(session: Session, user: User, customer_id: str) -> Customer:
    """The customer, after checking that ``user`` may change it."""
    require_can_edit(user)
    customer = get_customer(session, customer_id)
    require_in_scope(session, user, customer.org_unit_id)
    return customer


def visible_customer(session: Session, user: User, customer_id: str) -> Customer:
    """The customer, after checking that it lies in the user's subtree (auditors too)."""
    customer = get_customer(session, customer_id)
    require_in_scope(session, user, customer.org_unit_id)
    return customer


def stations_for(session: Session, user: User) -> list[OrgUnit]:
    """Active stations of the user's subtree, by code: where the user may file customers."""
    own = session.get_one(OrgUnit, user.org_unit_id)
    return list(
        session.scalars(
            select(OrgUnit)
            .where(
                OrgUnit.path.startswith(own.path),
                OrgUnit.kind == OrgKind.STATION.value,
                OrgUnit.active.is_(True),
                OrgUnit.deleted.is_(False),
            )
            .order_by(OrgUnit.code)
        )
    )


def ancestor_ids(unit: OrgUnit) -> list[str]:
    """The unit and every unit above it, root first (from the materialised path)."""
    return [part for part in unit.path.split("/") if part]


def assignable_users(
    session: Session, station_id: str, keep: tuple[str | None, ...] = ()
) -> list[User]:
    """Who may maintain or develop customers of a station: active, non-auditor users of the
    station, its area(s) or the company; plus the users in ``keep`` (the current owners,
    even if they left)."""
    station = session.get_one(OrgUnit, station_id)
    users = list(
        session.scalars(
            select(User)
            .where(
                User.org_unit_id.in_(ancestor_ids(station)),
                User.active.is_(True),
                User.deleted.is_(False),
                User.role != Role.AUDITOR.value,
            )
            .order_by(User.name)
        )
    )
    have = {u.id for u in users}
    for user_id in keep:
        if user_id and user_id not in have:
            extra = session.get(User, user_id)
            if extra is not None:
                users.append(extra)
                have.add(user_id)
    return users


def owners_by_station(
    session: Session, stations: list[OrgUnit], keep: tuple[str | None, ...] = ()
) -> dict[str, list[User]]:
    """``assignable_users`` for many stations at once (one query: the company's whole
    list of stations opens the edit dialog of an administrator)."""
    units = {unit_id for station in stations for unit_id in ancestor_ids(station)}
    by_unit: dict[str, list[User]] = {}
    for user in session.scalars(
        select(User)
        .where(
            User.org_unit_id.in_(units),
            User.active.is_(True),
            User.deleted.is_(False),
            User.role != Role.AUDITOR.value,
        )
        .order_by(User.name)
    ):
        by_unit.setdefault(user.org_unit_id, []).append(user)
    extra = [u for u in (session.get(User, i) for i in keep if i) if u is not None]
    result = {}
    for station in stations:
        people = [u for unit_id in ancestor_ids(station) for u in by_unit.get(unit_id, [])]
        people.sort(key=lambda u: u.name)
        people += [u for u in extra if u not in people]
        result[station.id] = people
    return result


def can_own(session: Session, owner: User, station_id: str) -> bool:
    """True when ``owner`` may maintain or develop customers of the station."""
    station = session.get(OrgUnit, station_id)
    return (
        station is not None
        and owner.active
        and not owner.deleted
        and owner.role != Role.AUDITOR
        and owner.org_unit_id in ancestor_ids(station)
    )


HAND_OVER_REFUSED = QT_TRANSLATE_NOOP(
    "errors", "Only a station master or a manager can hand customers over to another person."
)


def check_owner(
    session: Session, station: OrgUnit, field: str, user_id: str | None, old: str | None
) -> None:
    """Refuse an owner (maintainer or developer) who may not look after the station's
    customers; an unchanged one (``old``) is always fine, even if that person left."""
    if user_id is None or user_id == old:
        return
    owner = session.get(User, user_id)
    if owner is None or not can_own(session, owner, station.id):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} cannot look after customers of {station}: choose someone from that "
                "station, its area or the company.",
            ),
            field=field,
            name=owner.name if owner else "?",
            station=station.name,
        )
