"""Bulk creation of callback tasks: who gets them, on which channel, and the insert.

Rows go in through the session's sqlite3 connection with one prepared INSERT per
batch (no ORM), carrying the sync columns: a UUIDv7 id, updated_at, usn -1 (to be
pushed), deleted 0, and org_unit_id = the customer's station. ``INSERT OR IGNORE`` on
the unique episode key makes every run idempotent even when two runs overlap.

Contact policy (DOMAIN.md: respect do-not-disturb): a customer flagged 勿扰
(do_not_disturb) or without consent to be contacted gets no task from the rules or a
campaign at all, whatever the channel; the queries select ``CONTACTABLE`` customers
only, and tasks still open for a customer who withdrew get cancelled. Everyone else
is contacted on their preferred channel (phone when none), and their preferred time
is written into the task's purpose so the caller sees it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from desktop_crm.ids import new_id
from desktop_crm.models import OrgKind, Role, TaskStatus
from desktop_crm.services.callbacks.config import RulesConfig, TierRule
from desktop_crm.services.callbacks.options import CHANNELS, PHONE
from desktop_crm.services.importing import bulk

# SQL condition on customers AS c: who may get a task at all.
CONTACTABLE = "c.deleted = 0 AND c.consent = 1 AND c.do_not_disturb = 0"
PENDING = (TaskStatus.OPEN.value, TaskStatus.BOOKED.value)
PENDING_SQL = "('open', 'booked')"
CHANNEL_CODES = frozenset(code for code, _label in CHANNELS)

TASK_COLS = (
    "id", "updated_at", "org_unit_id", "customer_id", "reason", "campaign_id", "episode_key",
    "purpose", "due_date", "assignee_id", "status", "attempts", "channel", "created_at",
)  # fmt: skip
# The customer columns every candidate query selects first, in this order.
CUSTOMER_SQL = "c.id, c.org_unit_id, c.maintainer_id, c.preferred_channel, c.preferred_time"


class Candidate(NamedTuple):  # a tuple: made for every selected customer, so cheap
    customer_id: str
    station_id: str
    maintainer_id: str | None
    preferred_channel: str | None
    preferred_time: str | None


def candidate(row: Sequence[Any]) -> Candidate:
    return Candidate(*row[:5])


def channel_for(c: Candidate) -> str:
    return c.preferred_channel if c.preferred_channel in CHANNEL_CODES else PHONE


def purpose_for(config: RulesConfig, c: Candidate, text: str) -> str:
    if c.preferred_time and c.preferred_time.strip():
        note = _time_note(config, c.preferred_time.strip())
        return f"{text};{note}" if note else text
    return text


def _time_note(config: RulesConfig, preferred: str) -> str:
    """The preferred-time note; there are few distinct times, so each is formatted once
    per run (the cache holds the notes of the last settings used)."""
    if _time_notes[0] is not config:
        _time_notes[:] = [config, {}]
    notes: dict[str, str] = _time_notes[1]
    note = notes.get(preferred)
    if note is None:
        note = notes[preferred] = config.text("preferred_time", time=preferred)
    return note


_time_notes: list[Any] = [None, {}]


class Owners:
    """Who a task goes to: the org tree and the active users, read once per run."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.units: dict[str, tuple[str, str]] = {
            uid: (kind, path)
            for uid, kind, path in conn.execute(
                "SELECT id, kind, path FROM org_units WHERE deleted = 0"
            )
        }
        self.active: dict[str, tuple[str, str]] = {}  # user id -> (org unit, role)
        self.by_login: dict[str, str] = {}
        for uid, login, org, role in conn.execute(
            "SELECT id, login, org_unit_id, role FROM users "
            "WHERE active = 1 AND deleted = 0 AND role != ? ORDER BY login",
            (Role.AUDITOR.value,),
        ):
            self.active[uid] = (org, role)
            self.by_login[login] = uid
        self._by_role: dict[tuple[str, str], str] = {}
        for uid, (org, role) in self.active.items():
            self._by_role.setdefault((org, role), uid)  # first by login
        self._level_unit: dict[tuple[str, str], str] = {}

    def unit_at(self, station_id: str, level: str) -> str:
        """The unit of ``level`` above (or at) a station: its company, area or itself."""
        key = (station_id, level)
        found = self._level_unit.get(key)
        if found is None:
            path = self.units.get(station_id, ("", f"/{station_id}/"))[1]
            chain = [part for part in path.split("/") if part] or [station_id]
            found = station_id if level == OrgKind.STATION else chain[0]
            if level == OrgKind.AREA:
                areas = [u for u in chain if self.units.get(u, ("",))[0] == OrgKind.AREA]
                found = areas[-1] if areas else chain[0]
            self._level_unit[key] = found
        return found

    def master(self, station_id: str) -> str | None:
        return self._by_role.get((station_id, Role.STATION_MASTER.value))

    def for_maintainer(self, c: Candidate) -> str | None:
        """The customer's maintainer; the station master when the maintainer left."""
        if c.maintainer_id in self.active:
            return c.maintainer_id
        return self.master(c.station_id)

    def for_rule(self, rule: TierRule, c: Candidate) -> str | None:
        """The maintainer where the rule's level matches theirs, else the rule's owner at
        that level, else as ``for_maintainer``."""
        unit = self.unit_at(c.station_id, rule.owner_level)
        mine = self.active.get(c.maintainer_id or "")
        if mine is not None and mine[0] == unit:
            return c.maintainer_id
        if rule.owner_login and rule.owner_login in self.by_login:
            return self.by_login[rule.owner_login]
        if rule.owner_role:
            owner = self._by_role.get((unit, rule.owner_role))
            if owner is not None:
                return owner
        return self.for_maintainer(c)


@dataclass
class NewTask:
    candidate: Candidate
    reason: str
    episode_key: str
    purpose: str
    due_date: str
    assignee_id: str | None
    campaign_id: str | None = None


def insert_tasks(conn: sqlite3.Connection, tasks: Iterable[NewTask], now: int) -> int:
    """Insert the tasks (skipping episode keys already taken); how many went in."""
    sql = (
        f"INSERT OR IGNORE INTO callback_tasks ({', '.join(TASK_COLS)}, usn, deleted) "
        f"VALUES ({', '.join('?' * len(TASK_COLS))}, -1, 0)"
    )
    created = 0
    batch: list[tuple[Any, ...]] = []

    def flush() -> None:
        nonlocal created
        if batch:
            created += conn.executemany(sql, batch).rowcount
            batch.clear()

    status = TaskStatus.OPEN.value
    with bulk.gc_paused():
        for t in tasks:
            c = t.candidate
            batch.append((
                new_id(), now, c.station_id, c.customer_id, t.reason, t.campaign_id,
                t.episode_key, t.purpose, t.due_date, t.assignee_id, status, 0,
                channel_for(c), now,
            ))  # fmt: skip
            if len(batch) >= bulk.BATCH:
                flush()
        flush()
    return created
