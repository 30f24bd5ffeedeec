"""What every report builder needs: texts in the user's language, the org scope, names,
code labels and number formats."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.i18n import translate_message
from desktop_crm.localtime import local_minute
from desktop_crm.models import OrgUnit, User

CONTEXT = "reports"


def t(text: str, **params: Any) -> str:
    """A report text (marked with QT_TRANSLATE_NOOP("reports", ...)) in the user's language."""
    return translate_message(CONTEXT, text, params)


def label(table: dict[str, str], value: str | None, context: str = CONTEXT) -> str:
    if not value:
        return ""
    source = table.get(value)
    return translate_message(context, source) if source else value


@dataclass
class Scope:
    """The org unit a report is for, and the ids of its subtree (the unit included)."""

    unit: OrgUnit

    def ids(self) -> Select[tuple[str]]:
        return select(OrgUnit.id).where(OrgUnit.path.startswith(self.unit.path))


def top_unit(session: Session) -> OrgUnit:
    """The root of the database's org tree (the company)."""
    unit = session.scalar(
        select(OrgUnit)
        .where(OrgUnit.parent_id.is_(None), OrgUnit.deleted.is_(False))
        .order_by(OrgUnit.code)
        .limit(1)
    )
    if unit is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors", "The database has no organisation yet: run the first-run set-up."
            )
        )
    return unit


def unit_by_code(session: Session, code: str) -> OrgUnit:
    unit = session.scalar(select(OrgUnit).where(OrgUnit.code == code, OrgUnit.deleted.is_(False)))
    if unit is None:
        raise UserError(QT_TRANSLATE_NOOP("errors", "There is no org unit {code}."), code=code)
    return unit


def check_in_scope(session: Session, user: User | None, unit: OrgUnit) -> None:
    """A user reports only on its own subtree."""
    if user is None:
        return
    own = session.get_one(OrgUnit, user.org_unit_id)
    if not unit.path.startswith(own.path):
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "{unit} is outside your organisation."), unit=unit.name
        )


def children(session: Session, unit: OrgUnit) -> list[OrgUnit]:
    return list(
        session.scalars(
            select(OrgUnit)
            .where(OrgUnit.parent_id == unit.id, OrgUnit.deleted.is_(False))
            .order_by(OrgUnit.code)
        )
    )


def child_of(session: Session, unit: OrgUnit) -> dict[str, str]:
    """org unit id -> the id of the child of ``unit`` it lies under (``unit`` maps to itself)."""
    below = {c.path: c.id for c in children(session, unit)}
    mapping: dict[str, str] = {}
    for uid, path in session.execute(
        select(OrgUnit.id, OrgUnit.path).where(OrgUnit.path.startswith(unit.path))
    ):
        mapping[uid] = next(
            (cid for cpath, cid in below.items() if path.startswith(cpath)), unit.id
        )
    return mapping


def user_names(session: Session, ids: set[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    found: dict[str, str] = {}
    items = sorted(wanted)
    for start in range(0, len(items), 500):
        chunk = items[start : start + 500]
        found.update(
            session.execute(select(User.id, User.name).where(User.id.in_(chunk))).tuples().all()
        )
    return found


def printed_at(now_ms: int) -> str:
    return local_minute(now_ms)


def percent(part: float, whole: float) -> str:
    """ "12.5%", or "—" when there is nothing to divide by."""
    return f"{100 * part / whole:.1f}%" if whole else "—"


def yuan(fen: int | float | None) -> float:
    return round((fen or 0) / 100, 2)


CALLBACK_STATUSES = {
    "open": QT_TRANSLATE_NOOP("reports", "Open"),
    "booked": QT_TRANSLATE_NOOP("reports", "Booked"),
    "done": QT_TRANSLATE_NOOP("reports", "Done"),
    "unreachable": QT_TRANSLATE_NOOP("reports", "Unreachable"),
    "cancelled": QT_TRANSLATE_NOOP("reports", "Cancelled"),
}
CALLBACK_REASONS = {
    "tier": QT_TRANSLATE_NOOP("reports", "Routine"),
    "absence": QT_TRANSLATE_NOOP("reports", "Absence"),
    "volume_drop": QT_TRANSLATE_NOOP("reports", "Volume drop"),
    "campaign": QT_TRANSLATE_NOOP("reports", "Campaign"),
    "exit_survey": QT_TRANSLATE_NOOP("reports", "Exit survey"),
    "complaint": QT_TRANSLATE_NOOP("reports", "Complaint follow-up"),
    "manual": QT_TRANSLATE_NOOP("reports", "Manual"),
}
COMPLAINT_STATUSES = {
    "received": QT_TRANSLATE_NOOP("reports", "Received"),
    "verifying": QT_TRANSLATE_NOOP("reports", "Verifying"),
    "reviewing": QT_TRANSLATE_NOOP("reports", "Reviewing"),
    "rectifying": QT_TRANSLATE_NOOP("reports", "Rectifying"),
    "callback": QT_TRANSLATE_NOOP("reports", "Calling back"),
    "archived": QT_TRANSLATE_NOOP("reports", "Archived"),
}
COMPLAINT_LEVELS = {
    "station": QT_TRANSLATE_NOOP("reports", "Station"),
    "area": QT_TRANSLATE_NOOP("reports", "Area"),
    "company": QT_TRANSLATE_NOOP("reports", "Company"),
}
COMPLAINT_TYPES = {
    "complaint": QT_TRANSLATE_NOOP("reports", "Complaint"),
    "suggestion": QT_TRANSLATE_NOOP("reports", "Suggestion"),
}
REPORT_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("reports", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("reports", "Submitted"),
    "reviewed": QT_TRANSLATE_NOOP("reports", "Reviewed"),
    "forwarded": QT_TRANSLATE_NOOP("reports", "Forwarded"),
    "acknowledged": QT_TRANSLATE_NOOP("reports", "Acknowledged"),
    "returned": QT_TRANSLATE_NOOP("reports", "Returned"),
}
CUSTOMER_KINDS = {
    "person": QT_TRANSLATE_NOOP("reports", "Individual"),
    "organisation": QT_TRANSLATE_NOOP("reports", "Organisation"),
}
OPEN_TASK = ("open", "booked")
