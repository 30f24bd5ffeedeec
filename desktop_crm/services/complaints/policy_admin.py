"""What an administrator maintains for complaints in 基础设置: the SLA policies, the
working-day calendar (public holidays and make-up working days, 调休) and the lists
(categories, root causes). Company administrators only; every change is audited.

Rows are never removed: a deleted policy or holiday is a tombstone (``deleted``), so
the change reaches the other desktops through sync, and the date can be used again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import Holiday, SlaPolicy, User
from desktop_crm.services import audit
from desktop_crm.services.permissions import require_settings_admin
from desktop_crm.services.settings import get_setting, put_setting, root_org_id

MAX_ACCEPT_MINUTES = 7 * 24 * 60
MAX_REPLY_HOURS = 30 * 24
MAX_CLOSE_DAYS = 120
MAX_LIST_ITEM = 32  # the category column's width
LIST_KEYS = ("complaints.categories", "complaints.root_causes")


@dataclass
class PolicyValues:
    category: str | None  # None: any category without a policy of its own
    severity: str
    accept_minutes: int
    reply_hours: int
    close_working_days: int


def list_policies(session: Session) -> list[SlaPolicy]:
    return list(
        session.scalars(
            select(SlaPolicy)
            .where(SlaPolicy.deleted.is_(False))
            .order_by(SlaPolicy.category.is_not(None), SlaPolicy.category, SlaPolicy.severity)
        )
    )


def _check_range(value: int, low: int, high: int, field: str, text: str) -> None:
    if not low <= value <= high:
        raise ValidationError(text, field=field, low=low, high=high)


def _validate(session: Session, values: PolicyValues, own_id: str | None) -> None:
    if not values.severity:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose the severity the policy applies to."),
            field="severity",
        )
    _check_range(
        values.accept_minutes,
        1,
        MAX_ACCEPT_MINUTES,
        "accept_minutes",
        QT_TRANSLATE_NOOP("errors", "The time to accept must be between {low} and {high} minutes."),
    )
    _check_range(
        values.reply_hours,
        1,
        MAX_REPLY_HOURS,
        "reply_hours",
        QT_TRANSLATE_NOOP(
            "errors", "The time to the first reply must be between {low} and {high} hours."
        ),
    )
    _check_range(
        values.close_working_days,
        1,
        MAX_CLOSE_DAYS,
        "close_working_days",
        QT_TRANSLATE_NOOP(
            "errors", "The time to close must be between {low} and {high} working days."
        ),
    )
    if values.reply_hours * 60 < values.accept_minutes:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The first reply cannot be due before the complaint must be accepted."
            ),
            field="reply_hours",
        )
    clash = session.scalar(
        select(SlaPolicy.id).where(
            SlaPolicy.deleted.is_(False),
            SlaPolicy.severity == values.severity,
            SlaPolicy.category.is_(None)
            if values.category is None
            else SlaPolicy.category == values.category,
            SlaPolicy.id != (own_id or ""),
        )
    )
    if clash is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "There is already a policy for this category and severity: change that one.",
            ),
            field="category",
        )


def _policy_dict(policy: SlaPolicy) -> dict[str, object]:
    return {
        "category": policy.category,
        "severity": policy.severity,
        "accept_minutes": policy.accept_minutes,
        "reply_hours": policy.reply_hours,
        "close_working_days": policy.close_working_days,
    }


def save_policy(
    session: Session, actor: User, policy_id: str | None, values: PolicyValues
) -> SlaPolicy:
    """Create (``policy_id`` None) or change a policy."""
    require_settings_admin(actor, session)
    values.category = (values.category or "").strip() or None
    _validate(session, values, policy_id)
    if policy_id is None:
        org = root_org_id(session)
        assert org is not None
        policy = SlaPolicy(org_unit_id=org)
        session.add(policy)
        before = None
    else:
        policy = session.get_one(SlaPolicy, policy_id)
        before = _policy_dict(policy)
    policy.category = values.category
    policy.severity = values.severity
    policy.accept_minutes = values.accept_minutes
    policy.reply_hours = values.reply_hours
    policy.close_working_days = values.close_working_days
    session.flush()
    audit.record(
        session,
        actor,
        audit.Action.CREATE if before is None else audit.Action.EDIT,
        "sla_policy",
        policy.id,
        {"before": before, "after": _policy_dict(policy)},
    )
    return policy


def delete_policy(session: Session, actor: User, policy_id: str) -> None:
    require_settings_admin(actor, session)
    policy = session.get_one(SlaPolicy, policy_id)
    policy.deleted = True
    audit.record(session, actor, audit.Action.DELETE, "sla_policy", policy.id, _policy_dict(policy))


# -- the working-day calendar ------------------------------------------------------------
def holidays_of(session: Session, year: int) -> list[Holiday]:
    """The public holidays and make-up working days of ``year``, in date order."""
    return list(
        session.scalars(
            select(Holiday)
            .where(
                Holiday.deleted.is_(False),
                Holiday.date >= f"{year:04d}-01-01",
                Holiday.date <= f"{year:04d}-12-31",
            )
            .order_by(Holiday.date)
        )
    )


def put_holiday(session: Session, actor: User, day: date, name: str, working: bool) -> Holiday:
    """Mark ``day`` as a public holiday, or (``working``) as a make-up working day."""
    require_settings_admin(actor, session)
    name = name.strip()
    if not name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give the day a name, e.g. 春节 or 春节调休上班."),
            field="name",
        )
    if working and day.weekday() < 5:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{date} is a weekday and a working day anyway: a make-up working day "
                "(调休) is a Saturday or Sunday worked instead of a holiday.",
            ),
            field="date",
            date=day.isoformat(),
        )
    row = session.scalar(select(Holiday).where(Holiday.date == day.isoformat()))
    before = None
    if row is None:
        org = root_org_id(session)
        assert org is not None
        row = Holiday(date=day.isoformat(), org_unit_id=org)
        session.add(row)
    elif not row.deleted:
        before = {"name": row.name, "working": row.working}
    row.name, row.working, row.deleted = name[:64], working, False
    session.flush()
    audit.record(
        session,
        actor,
        audit.Action.CREATE if before is None else audit.Action.EDIT,
        "holiday",
        row.id,
        {"date": row.date, "before": before, "after": {"name": row.name, "working": working}},
    )
    return row


def remove_holiday(session: Session, actor: User, holiday_id: str) -> None:
    require_settings_admin(actor, session)
    row = session.get_one(Holiday, holiday_id)
    row.deleted = True
    audit.record(
        session,
        actor,
        audit.Action.DELETE,
        "holiday",
        row.id,
        {"date": row.date, "name": row.name, "working": row.working},
    )


def official_years() -> list[int]:
    """Years whose State Council schedule ships with the program."""
    from desktop_crm.services.demo.holidays import SCHEDULES

    return sorted(SCHEDULES)


def load_official(session: Session, actor: User, year: int) -> int:
    """Enter the State Council's schedule of ``year`` (days already entered are kept as
    they are); returns how many days were added."""
    from desktop_crm.services.demo.holidays import holiday_rows

    require_settings_admin(actor, session)
    have = {h.date for h in holidays_of(session, year)}
    added = 0
    for day, name, working in holiday_rows([year]):
        if day not in have:
            put_holiday(session, actor, date.fromisoformat(day), name, working)
            added += 1
    return added


# -- configurable lists ------------------------------------------------------------------
def get_list(session: Session, key: str) -> list[str]:
    value = get_setting(session, key)
    return [str(v) for v in value] if isinstance(value, list) else []


def set_list(session: Session, actor: User, key: str, items: list[str]) -> list[str]:
    """Replace a configurable list (categories or root causes): trimmed, no repeats."""
    if key not in LIST_KEYS:
        raise ValueError(key)
    require_settings_admin(actor, session)
    cleaned: list[str] = []
    for item in items:
        item = item.strip()
        if not item or item in cleaned:
            continue
        if len(item) > MAX_LIST_ITEM:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "“{item}” is too long: at most {n} characters."),
                field=key,
                item=item,
                n=MAX_LIST_ITEM,
            )
        cleaned.append(item)
    if not cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The list needs at least one entry."), field=key
        )
    put_setting(session, actor, key, cleaned)
    return cleaned
