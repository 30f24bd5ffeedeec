"""The org tree: company → area → station at any depth, with materialised paths."""

from __future__ import annotations

import re

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.ids import new_id
from desktop_crm.models import OrgKind, OrgUnit, User
from desktop_crm.services import audit
from desktop_crm.services.permissions import require_settings_admin

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,32}$")

KIND_NAMES: dict[str, str] = {
    OrgKind.COMPANY: QT_TRANSLATE_NOOP("orgs", "Company"),
    OrgKind.AREA: QT_TRANSLATE_NOOP("orgs", "Area"),
    OrgKind.STATION: QT_TRANSLATE_NOOP("orgs", "Station"),
}


def _validate(session: Session, code: str, name: str, own_id: str | None = None) -> None:
    if not CODE_PATTERN.match(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The code may hold only letters, digits, - and _ (at most 32)."
            ),
            field="code",
        )
    if not name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter a name."), field="name")
    clash = session.scalar(select(OrgUnit.id).where(OrgUnit.code == code))
    if clash is not None and clash != own_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The code {code} is already used by another unit."),
            field="code",
            code=code,
        )


def create_org_unit(
    session: Session,
    actor: User | None,
    code: str,
    name: str,
    kind: str,
    parent: OrgUnit | None,
) -> OrgUnit:
    """A new unit under ``parent`` (None: the company at the root)."""
    require_settings_admin(actor, session)
    code = code.strip()
    _validate(session, code, name)
    if parent is not None and parent.kind == OrgKind.STATION:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A station has no units below it; choose an area or the company."
            )
        )
    if (kind == OrgKind.COMPANY) != (parent is None):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Only the top of the tree is a company; add areas or stations below it."
            ),
            field="kind",
        )
    unit_id = new_id()
    path = f"{parent.path if parent else '/'}{unit_id}/"
    unit = OrgUnit(
        id=unit_id,
        code=code,
        name=name.strip(),
        kind=kind,
        parent_id=parent.id if parent else None,
        path=path,
    )
    session.add(unit)
    session.flush()
    if actor is not None:
        audit.record(session, actor, audit.Action.CREATE, "org_unit", unit.id, {"code": code})
    return unit


def edit_org_unit(session: Session, actor: User, unit: OrgUnit, code: str, name: str) -> None:
    require_settings_admin(actor)
    code = code.strip()
    _validate(session, code, name, own_id=unit.id)
    before = {"code": unit.code, "name": unit.name}
    unit.code, unit.name = code, name.strip()
    audit.record(
        session,
        actor,
        audit.Action.EDIT,
        "org_unit",
        unit.id,
        {"before": before, "after": {"code": unit.code, "name": unit.name}},
    )


def set_active(session: Session, actor: User, unit: OrgUnit, active: bool) -> None:
    require_settings_admin(actor)
    if not active and unit.parent_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The company itself cannot be deactivated.")
        )
    if not active and actor.org_unit_id in subtree_ids(session, unit):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "You cannot deactivate the unit you belong to.")
        )
    unit.active = active
    audit.record(session, actor, audit.Action.EDIT, "org_unit", unit.id, {"active": active})


def move_org_unit(session: Session, actor: User, unit: OrgUnit, new_parent: OrgUnit) -> None:
    """Re-parent a unit; the paths of its whole subtree follow."""
    require_settings_admin(actor)
    if new_parent.path.startswith(unit.path):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A unit cannot be moved below itself."))
    old_prefix = unit.path
    new_prefix = f"{new_parent.path}{unit.id}/"
    session.execute(
        update(OrgUnit)
        .where(OrgUnit.path.startswith(old_prefix))
        .values(path=new_prefix + func.substr(OrgUnit.path, len(old_prefix) + 1))
        .execution_options(synchronize_session=False)
    )
    unit.parent_id = new_parent.id
    session.expire_all()
    audit.record(
        session, actor, audit.Action.EDIT, "org_unit", unit.id, {"parent": new_parent.code}
    )


def subtree_ids(session: Session, unit: OrgUnit | str) -> list[str]:
    if isinstance(unit, str):
        unit = session.get_one(OrgUnit, unit)
    return list(session.scalars(select(OrgUnit.id).where(OrgUnit.path.startswith(unit.path))))


def visible_org_ids(session: Session, user: User) -> list[str]:
    """The org units whose data a user sees: its own unit and everything below."""
    return subtree_ids(session, user.org_unit_id)


def tree(session: Session) -> list[OrgUnit]:
    """All units, parents before children (ordered by path depth, then code)."""
    units = list(session.scalars(select(OrgUnit).where(OrgUnit.deleted.is_(False))))
    return sorted(units, key=lambda u: (u.path.count("/"), u.code))
