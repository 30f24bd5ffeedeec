"""Company settings (基础设置): JSON values kept on the root org unit, with defaults."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.models import OrgUnit, Setting, User

DEFAULTS: dict[str, Any] = {
    "auth.max_failed_logins": 5,
    "auth.lock_minutes": 5,
    "auth.min_password_length": 6,
    # Roles that see full phone and ID numbers; the others see 138****5678.
    "privacy.unmasked_roles": ["station_master", "area_manager", "company_admin"],
}


def root_org_id(session: Session) -> str | None:
    return session.scalar(select(OrgUnit.id).where(OrgUnit.parent_id.is_(None)).limit(1))


def get_setting(session: Session, key: str) -> Any:
    row = session.scalar(select(Setting).where(Setting.key == key, Setting.deleted.is_(False)))
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def put_setting(session: Session, actor: User, key: str, value: Any) -> None:
    """Change a company setting: company administrators only, audited."""
    from desktop_crm.services import audit
    from desktop_crm.services.permissions import require_settings_admin

    require_settings_admin(actor, session)
    before = get_setting(session, key)
    row = session.scalar(select(Setting).where(Setting.key == key))
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        org = root_org_id(session)
        if org is None:
            raise RuntimeError("settings need an org tree (run the first-run set-up first)")
        session.add(Setting(key=key, value=encoded, org_unit_id=org))
    else:
        row.value = encoded
        row.deleted = False
    audit.record(
        session,
        actor,
        audit.Action.EDIT,
        "setting",
        None,
        {"key": key, "before": before, "after": value},
    )
