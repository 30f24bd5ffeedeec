"""Writing audit events: every view of unmasked data, export, edit and delete."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.ids import now_ms
from desktop_crm.models import AuditEvent, User


class Action:
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    VIEW_UNMASKED = "view_unmasked"
    EXPORT = "export"
    CREATE = "create"
    EDIT = "edit"
    DELETE = "delete"


def record(
    session: Session,
    user: User | None,
    action: str,
    entity: str,
    entity_id: str | None = None,
    detail: dict[str, Any] | str | None = None,
    org_unit_id: str | None = None,
) -> AuditEvent:
    if isinstance(detail, dict):
        detail = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    org = org_unit_id or (user.org_unit_id if user is not None else None)
    if org is None:
        raise ValueError("an audit event needs an org unit")
    event = AuditEvent(
        at=now_ms(),
        user_id=user.id if user is not None else None,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=detail,
        org_unit_id=org,
    )
    session.add(event)
    return event
