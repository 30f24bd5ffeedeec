"""First run: with no users, create the company, an area, a station and the administrator."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied
from desktop_crm.models import OrgKind, Role, User
from desktop_crm.services.orgs import create_org_unit
from desktop_crm.services.users import create_user


def needs_first_run(session: Session) -> bool:
    return (session.scalar(select(func.count()).select_from(User)) or 0) == 0


@dataclass
class FirstRun:
    company_code: str
    company_name: str
    area_code: str
    area_name: str
    station_code: str
    station_name: str
    admin_login: str
    admin_name: str
    admin_password: str


def first_run(session: Session, data: FirstRun) -> User:
    """Creates the org path and the company administrator in the caller's transaction.

    Refused once the database has a user (checked inside the same transaction).
    """
    if not needs_first_run(session):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "This database has already been set up. Log in instead.")
        )
    company = create_org_unit(
        session, None, data.company_code, data.company_name, OrgKind.COMPANY, None
    )
    area = create_org_unit(session, None, data.area_code, data.area_name, OrgKind.AREA, company)
    create_org_unit(session, None, data.station_code, data.station_name, OrgKind.STATION, area)
    from desktop_crm.services.complaints.sla import ensure_default_policies

    ensure_default_policies(session, company.id)  # complaint deadlines, editable in settings
    return create_user(
        session,
        None,
        data.admin_login,
        data.admin_name,
        Role.COMPANY_ADMIN,
        company,
        data.admin_password,
    )
