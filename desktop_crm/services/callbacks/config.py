"""The settings of the callback rules (回访规则), read into one typed object.

Keys (company settings, 基础设置; defaults in services/settings.py DEFAULTS):

- ``callbacks.tier_rules``: the routine callbacks by level (三级维护), a list of rules
  tried in order; a customer is called under the first rule it matches, once per period.
  Each rule: ``name`` (shown in the task's purpose), ``levels`` (customer levels),
  ``kinds`` (customer kinds; empty = any), ``owner_level`` (company / area / station:
  who keeps up the relation), ``owner_role`` and ``owner_login`` (the rule's owner at
  that level: the given user, else the first active user with that role in the unit),
  ``period`` (month / quarter / half_year / year).
- ``callbacks.absence.*``: ``grace_days`` past the usual interval before a customer
  counts as absent (异常), ``min_visits`` needed to compute the usual interval,
  ``max_late_days`` how long after the threshold a still-absent customer gets a task
  (older absences are left to the dormant / lost follow-up), ``due_days`` after today.
- ``callbacks.volume.*``: ``drop_share`` (0.4: last month's litres 40% under the average
  of the ``baseline_months`` before it), ``due_days``.
- ``callbacks.exit.*``: ``window_days`` (a lost customer gets an exit survey when their
  last visit lies within that many days: customers lost long ago are not surveyed),
  ``due_days``.
- ``callbacks.texts``: the purpose written into each task (the company's own words,
  with ``{fields}``), and the notes of tasks the rules close.
- ``callbacks.max_attempts``: tries before a task is marked unreachable (recording).
- ``callbacks.book_ahead_days``: how many days ahead an open task is shown as "to book"
  (预约: the customer is contacted about a week before the call; queue.py).

Values that cannot be used (a wrong type, an unknown period) fall back to the default:
a broken setting never stops the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import CustomerKind, OrgKind, Role, User
from desktop_crm.services.settings import DEFAULTS, get_setting, put_setting

PERIODS: dict[str, str] = {
    "month": QT_TRANSLATE_NOOP("callbacks", "Every month"),
    "quarter": QT_TRANSLATE_NOOP("callbacks", "Every quarter"),
    "half_year": QT_TRANSLATE_NOOP("callbacks", "Every half year"),
    "year": QT_TRANSLATE_NOOP("callbacks", "Every year"),
}
OWNER_LEVELS: dict[str, str] = {
    OrgKind.COMPANY: QT_TRANSLATE_NOOP("callbacks", "Company"),
    OrgKind.AREA: QT_TRANSLATE_NOOP("callbacks", "Area"),
    OrgKind.STATION: QT_TRANSLATE_NOOP("callbacks", "Station"),
}
OWNER_ROLES = (Role.COMPANY_ADMIN, Role.AREA_MANAGER, Role.STATION_MASTER, Role.STATION_STAFF)
KINDS = (CustomerKind.ORGANISATION, CustomerKind.PERSON)

TIER_RULES_KEY = "callbacks.tier_rules"
MIN_VISITS_KEY = "callbacks.absence.min_visits"
BOOK_AHEAD_KEY = "callbacks.book_ahead_days"
TEXTS_KEY = "callbacks.texts"
# The keys the settings page edits, in the order it shows them.
SCALAR_KEYS = (
    "callbacks.absence.grace_days",
    MIN_VISITS_KEY,
    "callbacks.absence.max_late_days",
    "callbacks.absence.due_days",
    "callbacks.volume.drop_share",
    "callbacks.volume.baseline_months",
    "callbacks.volume.due_days",
    "callbacks.exit.window_days",
    "callbacks.exit.due_days",
    "callbacks.max_attempts",
    "callbacks.book_ahead_days",
)
# Allowed ranges of the numbers (inclusive).
RANGES: dict[str, tuple[float, float]] = {
    "callbacks.absence.grace_days": (0, 60),
    MIN_VISITS_KEY: (2, 50),
    "callbacks.absence.max_late_days": (1, 365),
    "callbacks.absence.due_days": (0, 30),
    "callbacks.volume.drop_share": (0.05, 0.95),
    "callbacks.volume.baseline_months": (1, 12),
    "callbacks.volume.due_days": (0, 30),
    "callbacks.exit.window_days": (30, 3650),
    "callbacks.exit.due_days": (0, 60),
    "callbacks.max_attempts": (1, 20),
    "callbacks.book_ahead_days": (0, 60),
}


@dataclass(frozen=True)
class TierRule:
    name: str
    levels: tuple[str, ...]
    kinds: tuple[str, ...]  # empty: any kind
    owner_level: str  # OrgKind value
    owner_role: str
    owner_login: str
    period: str

    def as_setting(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "levels": list(self.levels),
            "kinds": list(self.kinds),
            "owner_level": self.owner_level,
            "owner_role": self.owner_role,
            "owner_login": self.owner_login,
            "period": self.period,
        }


@dataclass(frozen=True)
class RulesConfig:
    tier_rules: tuple[TierRule, ...]
    grace_days: int
    min_visits: int
    max_late_days: int
    absence_due_days: int
    drop_share: float
    baseline_months: int
    volume_due_days: int
    exit_window_days: int
    exit_due_days: int
    texts: dict[str, str] = field(default_factory=dict)

    def text(self, key: str, **values: Any) -> str:
        """The text ``key`` with its fields filled in (the default if the set one is broken)."""
        for template in (self.texts.get(key), DEFAULTS[TEXTS_KEY].get(key, "")):
            if not isinstance(template, str):
                continue
            try:
                return template.format(**values)
            except (KeyError, IndexError, ValueError):
                continue
        return ""


def _number(session: Session, key: str, cast: type[int] | type[float]) -> Any:
    value = get_setting(session, key)
    low, high = RANGES[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        value = DEFAULTS[key]
    return cast(value)


def parse_tier_rule(value: Any) -> TierRule | None:
    """A rule from its setting form, or None when it cannot be used."""
    if not isinstance(value, dict):
        return None
    levels = value.get("levels")
    kinds = value.get("kinds") or []
    if not (isinstance(levels, list) and levels and all(isinstance(v, str) for v in levels)):
        return None
    if not (isinstance(kinds, list) and all(k in KINDS for k in kinds)):
        return None
    owner_level = value.get("owner_level")
    period = value.get("period")
    role = value.get("owner_role") or ""
    login = value.get("owner_login") or ""
    if owner_level not in OWNER_LEVELS or period not in PERIODS:
        return None
    if role and role not in OWNER_ROLES or not isinstance(login, str):
        return None
    return TierRule(
        name=str(value.get("name") or ""),
        levels=tuple(levels),
        kinds=tuple(kinds),
        owner_level=owner_level,
        owner_role=role,
        owner_login=login.strip(),
        period=period,
    )


def tier_rules(session: Session) -> tuple[TierRule, ...]:
    value = get_setting(session, TIER_RULES_KEY)
    if not isinstance(value, list):
        value = DEFAULTS[TIER_RULES_KEY]
    return tuple(rule for rule in map(parse_tier_rule, value) if rule is not None)


def texts(session: Session) -> dict[str, str]:
    value = get_setting(session, TEXTS_KEY)
    merged = dict(DEFAULTS[TEXTS_KEY])
    if isinstance(value, dict):
        merged.update({k: v for k, v in value.items() if isinstance(v, str) and v.strip()})
    return merged


def load(session: Session) -> RulesConfig:
    return RulesConfig(
        tier_rules=tier_rules(session),
        grace_days=_number(session, "callbacks.absence.grace_days", int),
        min_visits=_number(session, MIN_VISITS_KEY, int),
        max_late_days=_number(session, "callbacks.absence.max_late_days", int),
        absence_due_days=_number(session, "callbacks.absence.due_days", int),
        drop_share=_number(session, "callbacks.volume.drop_share", float),
        baseline_months=_number(session, "callbacks.volume.baseline_months", int),
        volume_due_days=_number(session, "callbacks.volume.due_days", int),
        exit_window_days=_number(session, "callbacks.exit.window_days", int),
        exit_due_days=_number(session, "callbacks.exit.due_days", int),
        texts=texts(session),
    )


def min_visits(session: Session) -> int:
    return _number(session, MIN_VISITS_KEY, int)


def book_ahead_days(session: Session) -> int:
    """How many days before its due date a task is shown to book (预约)."""
    return _number(session, BOOK_AHEAD_KEY, int)


# -- saving (the settings page) --------------------------------------------------------

# Fields each text may use (a sample value each, to check a template before saving).
TEXT_FIELDS: dict[str, dict[str, str]] = {
    "tier": {"rule": "VIP"},
    "absence": {"interval": "7", "last": "2026-01-01"},
    "volume_drop": {"month": "2026-01", "recent": "100", "average": "300"},
    "exit_survey": {},
    "campaign": {"event": "油价调整", "name": "…"},
    "preferred_time": {"time": "…"},
    "absence_closed": {"date": "2026-01-01"},
    "not_contactable": {},
}


def _invalid(text: str, **params: Any) -> ValidationError:
    return ValidationError(text, **params)


def check_changes(session: Session, changes: dict[str, Any]) -> dict[str, Any]:
    """The changes, cleaned; ValidationError (with the reason) for one that cannot be kept."""
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        if key in RANGES:
            low, high = RANGES[key]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise _invalid(QT_TRANSLATE_NOOP("errors", "Enter a number."), field=key)
            if not low <= value <= high:
                raise _invalid(
                    QT_TRANSLATE_NOOP("errors", "{value} is out of range: {low} to {high}."),
                    field=key,
                    value=value,
                    low=low,
                    high=high,
                )
            clean[key] = value if isinstance(DEFAULTS[key], float) else int(value)
        elif key == TIER_RULES_KEY:
            clean[key] = _check_rules(value)
        elif key == "callbacks.exit_reasons":
            clean[key] = _check_reasons(value)
        elif key == "callbacks.campaign_events":
            clean[key] = _check_events(value)
        elif key == TEXTS_KEY:
            clean[key] = _check_texts(value)
        else:
            raise ValueError(f"not a callback setting: {key}")
    return clean


def _check_rules(value: Any) -> list[dict[str, Any]]:
    rules = []
    for number, item in enumerate(value or [], 1):
        if not (item.get("name") or "").strip():
            raise _invalid(
                QT_TRANSLATE_NOOP("errors", "Rule {n}: give the rule a name."),
                field=TIER_RULES_KEY,
                n=number,
            )
        if not item.get("levels"):
            raise _invalid(
                QT_TRANSLATE_NOOP("errors", "Rule {n}: tick at least one level."),
                field=TIER_RULES_KEY,
                n=number,
            )
        rule = parse_tier_rule({**item, "name": item["name"].strip()})
        if rule is None:
            raise _invalid(
                QT_TRANSLATE_NOOP("errors", "Rule {n} is incomplete: check its owner and period."),
                field=TIER_RULES_KEY,
                n=number,
            )
        rules.append(rule.as_setting())
    return rules


def _check_reasons(value: Any) -> list[list[str]]:
    pairs: list[list[str]] = []
    for code, label in value or []:
        code, label = str(code).strip(), str(label).strip()
        if not code or not label:
            raise _invalid(
                QT_TRANSLATE_NOOP("errors", "Each exit reason needs a code and a label."),
                field="callbacks.exit_reasons",
            )
        if len(code) > 32 or code in [c for c, _l in pairs]:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "errors", "The code {code} is used twice or too long (at most 32)."
                ),
                field="callbacks.exit_reasons",
                code=code,
            )
        pairs.append([code, label])
    if not pairs:
        raise _invalid(
            QT_TRANSLATE_NOOP("errors", "Keep at least one exit reason."),
            field="callbacks.exit_reasons",
        )
    return pairs


def _check_events(value: Any) -> list[str]:
    events: list[str] = []
    for item in value or []:
        event = str(item).strip()
        if event and event not in events:
            if len(event) > 32:
                raise _invalid(
                    QT_TRANSLATE_NOOP("errors", "The event {event} is too long (at most 32)."),
                    field="callbacks.campaign_events",
                    event=event,
                )
            events.append(event)
    return events


def _check_texts(value: Any) -> dict[str, str]:
    texts: dict[str, str] = {}
    for key, text in (value or {}).items():
        if key not in TEXT_FIELDS or not isinstance(text, str):
            continue
        text = text.strip()
        if not text:
            continue
        try:
            text.format(**TEXT_FIELDS[key])
        except (KeyError, IndexError, ValueError) as exc:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The text “{entry}” uses a field it cannot have ({problem}); "
                    "it may use: {fields}.",
                ),
                field=TEXTS_KEY,
                entry=text,
                problem=str(exc),
                fields=", ".join("{" + f + "}" for f in TEXT_FIELDS[key]) or "-",
            ) from exc
        texts[key] = text
    return texts


def save_settings(
    session: Session, actor: User, changes: dict[str, Any], progress: Any = None
) -> int:
    """Store changed callback settings (company administrators only, audited). A new
    minimum of visits recomputes every customer's usual interval in the same transaction;
    returns how many customers changed then."""
    from desktop_crm.ids import now_ms
    from desktop_crm.services.callbacks.intervals import refresh_all
    from desktop_crm.services.importing import bulk
    from desktop_crm.services.permissions import require_settings_admin

    require_settings_admin(actor, session)
    clean = check_changes(session, changes)
    old_min = min_visits(session)
    for key, value in clean.items():
        if get_setting(session, key) != value:
            put_setting(session, actor, key, value)
    new_min = min_visits(session)
    if new_min == old_min:
        return 0
    return refresh_all(bulk.raw_connection(session), new_min, now_ms(), progress)
