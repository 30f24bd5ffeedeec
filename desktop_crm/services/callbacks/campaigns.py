"""Campaigns (特定回访): a must-call event for a segment of customers.

A manager (station master and up) picks an event (油价调整, 天气变化, 重要节日 or their
own words) and a segment of the customers of their own org subtree (levels, kinds,
units, tags, lifecycle statuses, last visit before / after a day). Every matching
customer who may be contacted gets one task with its maintainer (the station master
when the maintainer left), due on the campaign's day, episode key
``campaign:<campaign id>:<customer>``. ``preview`` counts exactly the customers that
``create_campaign`` then gives a task, and says how many more match but may not be
contacted (勿扰 or no consent; see task_rows.py).

The tasks are made by one ``INSERT ... SELECT`` (ids from a SQL function), so a
campaign for a hundred thousand customers takes about a second.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from desktop_crm.ids import new_id, now_ms
from desktop_crm.localtime import local_datetime
from desktop_crm.models import Campaign, OrgKind, OrgUnit, Role, TaskReason, TaskStatus, User
from desktop_crm.services import audit
from desktop_crm.services.callbacks import config
from desktop_crm.services.callbacks.options import CHANNELS, EVENT_MAX, PHONE
from desktop_crm.services.callbacks.periods import local_midnight_ms
from desktop_crm.services.callbacks.task_rows import CONTACTABLE
from desktop_crm.services.importing import bulk

LAUNCH_ROLES = frozenset({Role.STATION_MASTER, Role.AREA_MANAGER, Role.COMPANY_ADMIN})
NAME_MAX = 100
Progress = Callable[[int, int, str], None]
CREATING = QT_TRANSLATE_NOOP("callbacks", "Creating the campaign's callbacks")


@dataclass
class CampaignSegment:
    """Which customers a campaign calls; an empty list or None does not filter."""

    levels: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    unit_ids: list[str] = field(default_factory=list)  # stations or areas: their subtrees
    tags: list[str] = field(default_factory=list)  # customers with any of them
    statuses: list[str] = field(default_factory=list)
    last_visit_after: date | None = None  # last visit on or after this day
    last_visit_before: date | None = None  # last visit before this day

    def to_json(self) -> str:
        data: dict[str, Any] = {k: v for k, v in asdict(self).items() if v}
        for key in ("last_visit_after", "last_visit_before"):
            if key in data:
                data[key] = data[key].isoformat()
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> CampaignSegment:
        data = json.loads(text or "{}")
        segment = cls(**{k: list(data.get(k) or []) for k in
                         ("levels", "kinds", "unit_ids", "tags", "statuses")})  # fmt: skip
        for key in ("last_visit_after", "last_visit_before"):
            if data.get(key):
                setattr(segment, key, date.fromisoformat(data[key]))
        return segment


@dataclass(frozen=True)
class Preview:
    count: int  # customers who get a task
    not_contactable: int  # match too, but 勿扰 or without consent: no task


def can_launch(user: User) -> bool:
    return user.role in LAUNCH_ROLES


def _require_launcher(user: User) -> None:
    if not can_launch(user):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "Only station masters and managers can start a callback campaign."
            )
        )


def _unit_paths(session: Session, actor: User, segment: CampaignSegment) -> tuple[list[str], bool]:
    """Materialised paths of the units whose customers the segment covers, and whether
    they are all stations."""
    own = session.get_one(OrgUnit, actor.org_unit_id)
    if not segment.unit_ids:
        return [own.path], own.kind == OrgKind.STATION
    paths, stations_only = [], True
    for unit_id in segment.unit_ids:
        unit = session.get(OrgUnit, unit_id)
        if unit is None or not unit.path.startswith(own.path):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "A campaign can only call customers of your own organisation; "
                    "choose stations inside it.",
                )
            )
        paths.append(unit.path)
        stations_only = stations_only and unit.kind == OrgKind.STATION
    return paths, stations_only


def _where(session: Session, actor: User, segment: CampaignSegment) -> tuple[str, list[Any]]:
    """The segment as a SQL condition on customers AS c (without the contact policy)."""
    if (
        segment.last_visit_after
        and segment.last_visit_before
        and segment.last_visit_after >= segment.last_visit_before
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The last visit cannot be both on or after {after} and before {before}."
            ),
            field="last_visit",
            after=segment.last_visit_after.isoformat(),
            before=segment.last_visit_before.isoformat(),
        )
    paths, stations_only = _unit_paths(session, actor, segment)
    conds = ["c.deleted = 0"]
    params: list[Any] = []
    if not any(path.count("/") == 2 for path in paths):  # the whole company: no unit filter
        units = " OR ".join("substr(u.path, 1, ?) = ?" for _ in paths)
        # Stations: through the (station, level) index; larger units: one pass over the
        # table beats a random lookup per customer ("+" keeps SQLite off the index).
        column = "c.org_unit_id" if stations_only else "+c.org_unit_id"
        conds.append(f"{column} IN (SELECT u.id FROM org_units AS u WHERE {units})")
        params += [x for path in paths for x in (len(path), path)]
    for column, values in (
        ("c.level", segment.levels),
        ("c.kind", segment.kinds),
        ("c.status", segment.statuses),
    ):
        if values:
            conds.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += values
    if segment.tags:
        conds.append(
            "(" + " OR ".join("instr(',' || c.tags || ',', ?) > 0" for _ in segment.tags) + ")"
        )
        params += [f",{tag}," for tag in segment.tags]
    if segment.last_visit_after:
        conds.append("c.last_visit_at >= ?")
        params.append(local_midnight_ms(segment.last_visit_after))
    if segment.last_visit_before:
        conds.append("c.last_visit_at < ?")
        params.append(local_midnight_ms(segment.last_visit_before))
    return " AND ".join(conds), params


def preview(session: Session, actor: User, segment: CampaignSegment) -> Preview:
    """How many customers the campaign would call, and how many match but may not be called."""
    _require_launcher(actor)
    where, params = _where(session, actor, segment)
    conn = bulk.raw_connection(session)
    count, matching = conn.execute(
        f"SELECT total({CONTACTABLE}), count(*) FROM customers AS c WHERE {where}", params
    ).fetchone()
    return Preview(int(count), matching - int(count))


def preview_count(session: Session, actor: User, segment: CampaignSegment) -> int:
    return preview(session, actor, segment).count


def _check(name: str, event: str, due_date: date, today: date) -> tuple[str, str]:
    name, event = name.strip(), event.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give the campaign a name."), "name")
    if len(name) > NAME_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The name is too long (at most {max} characters)."),
            "name",
            max=NAME_MAX,
        )
    if not event:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose the event or describe your own."), "event"
        )
    if len(event) > EVENT_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The event is too long (at most {max} characters)."),
            "event",
            max=EVENT_MAX,
        )
    if due_date < today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The due date {date} has passed; choose today or later."),
            "due_date",
            date=due_date.isoformat(),
        )
    return name, event


def create_campaign(
    session: Session,
    actor: User,
    name: str,
    event: str,
    segment: CampaignSegment,
    due_date: date,
    *,
    now: int | None = None,
    progress: Progress | None = None,
) -> tuple[Campaign, int]:
    """The campaign and the number of tasks it made (as ``preview`` counted)."""
    _require_launcher(actor)
    now = now if now is not None else now_ms()
    report = progress or (lambda done, total, label: None)
    name, event = _check(name, event, due_date, local_datetime(now).date())
    where, params = _where(session, actor, segment)
    campaign = Campaign(
        name=name,
        event=event,
        segment=segment.to_json(),
        created_by_id=actor.id,
        created_at=now,
        due_date=due_date.isoformat(),
        org_unit_id=actor.org_unit_id,
        updated_at=now,
    )
    session.add(campaign)
    conn = bulk.raw_connection(session)  # flushes the campaign first
    cfg = config.load(session)
    conn.create_function("crm_new_id", 0, new_id)
    report(0, 1, CREATING)
    channels = [code for code, _label in CHANNELS]
    purpose = cfg.text("campaign", event=event, name=name)
    time_note = cfg.text("preferred_time", time="{time}")
    # Positional parameters, in the order they appear in the statement.
    values: list[Any] = [
        now, TaskReason.CAMPAIGN.value, campaign.id, campaign.id, purpose, time_note,
        due_date.isoformat(), Role.STATION_MASTER.value, TaskStatus.OPEN.value, PHONE, now,
        Role.AUDITOR.value, *params,
    ]  # fmt: skip
    with bulk.larger_cache(conn):
        cursor = conn.execute(
            f"""
        INSERT INTO callback_tasks (id, updated_at, usn, deleted, org_unit_id, customer_id,
            reason, campaign_id, episode_key, purpose, due_date, assignee_id, status, attempts,
            channel, created_at)
        SELECT crm_new_id(), ?, -1, 0, c.org_unit_id, c.id, ?, ?, 'campaign:' || ? || ':' || c.id,
            ? || CASE WHEN trim(coalesce(c.preferred_time, '')) = '' THEN ''
                      ELSE ';' || replace(?, '{{time}}', trim(c.preferred_time)) END,
            ?,
            CASE WHEN mu.id IS NOT NULL THEN c.maintainer_id
                 ELSE (SELECT m.id FROM users AS m WHERE m.org_unit_id = c.org_unit_id
                         AND m.role = ? AND m.active = 1 AND m.deleted = 0
                       ORDER BY m.login LIMIT 1) END,
            ?, 0,
            CASE WHEN c.preferred_channel IN ({", ".join(f"'{code}'" for code in channels)})
                 THEN c.preferred_channel ELSE ? END,
            ?
        FROM customers AS c
        LEFT JOIN users AS mu ON mu.id = c.maintainer_id AND mu.active = 1 AND mu.deleted = 0
             AND mu.role != ?
        WHERE {CONTACTABLE} AND {where}
        """,
            values,
        )
    created = cursor.rowcount
    report(1, 1, CREATING)
    if created == 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "No customer who may be contacted matches the segment; nothing was created. "
                "Widen the segment.",
            )
        )
    audit.record(
        session,
        actor,
        audit.Action.CREATE,
        "campaign",
        campaign.id,
        {"name": name, "event": event, "tasks": created, "segment": json.loads(campaign.segment)},
    )
    return campaign, created


def campaigns_of(session: Session, actor: User, limit: int = 50) -> list[Campaign]:
    """The latest campaigns started in the user's subtree."""
    own = session.get_one(OrgUnit, actor.org_unit_id)
    units = select(OrgUnit.id).where(OrgUnit.path.startswith(own.path))
    return list(
        session.scalars(
            select(Campaign)
            .where(Campaign.org_unit_id.in_(units), Campaign.deleted.is_(False))
            .order_by(Campaign.created_at.desc())
            .limit(limit)
        )
    )
