"""Escalation 加油站 → 片区 → 公司: by hand with a reason, and by the clock.

The clock (``run_escalation``, run by the app every few minutes and by
``desktop-crm complaints escalate``) looks at the open, unpaused complaints whose
next threshold has passed, and for each pending deadline (acceptance, first reply,
closure):

- at the warning share of its time (setting ``complaints.warn_share``, 75%) it warns
  the owner once: a ``warning`` step noting the deadline, ``notified`` = the owner;
- once it has passed, the complaint moves up one level (station → area → company):
  new handling unit and owner (the area manager, the company administrator), an
  ``escalation`` step with who was notified (that level's responsible people and the
  former owner). At the company, with no level above, an ``overdue`` step tells the
  company's administrators instead. A deadline already passed is not warned about.

Each deadline is warned about and escalated at most once (a reopening sets a new
closure deadline: a new round), so running the clock again changes nothing. The steps
of the clock have no actor; their note names the deadline; their ids are derived from
the complaint, the deadline and the mark (``mark_id``), so the clock finds what it
logged already by primary key, and two desktops running it offline log the same rows.

Speed (200,000 complaints: see benchmarks/bench_complaints.py): one query over the
open statuses (index ix_complaints_status) with the thresholds computed in SQL; the
clock's marks probed by primary key; the new steps inserted and the complaints updated
in bulk.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.ids import now_ms, uuid7_from
from desktop_crm.models import Complaint, ComplaintLevel, ComplaintStep, User
from desktop_crm.models.base import USN_DIRTY
from desktop_crm.services.complaints import permissions, sla, steps
from desktop_crm.services.complaints.common import (
    OPEN_STATUSES,
    clock,
    get_complaint,
    require_note,
    require_open,
)
from desktop_crm.services.complaints.handling import Handlers, next_level

COMPANY = ComplaintLevel.COMPANY.value


def move_up(
    session: Session,
    handlers: Handlers,
    complaint: Complaint,
    now: int,
    note: str,
    actor_id: str | None,
    to_level: str | None = None,
) -> bool:
    """Escalate one level (or straight to ``to_level``): new handling unit and owner, and
    a step with who was notified. False when there is no level above."""
    change = _level_change(handlers, complaint.org_unit_id, complaint.level, complaint.owner_id,
                           to_level)  # fmt: skip
    if change is None:
        return False
    level, unit_id, owner, notified = change
    origin = complaint.level
    complaint.level, complaint.handling_org_id, complaint.owner_id = level, unit_id, owner
    steps.add_step(
        session, complaint, steps.ESCALATION, now, actor_id=actor_id, from_status=origin,
        to_status=level, responsible_id=owner, note=note, notified=notified,
    )  # fmt: skip
    return True


def _level_change(
    handlers: Handlers,
    station_id: str,
    level: str,
    owner_id: str | None,
    to_level: str | None = None,
) -> tuple[str, str, str | None, list[str]] | None:
    """(new level, handling unit, owner, notified) one level up, or None at the top.

    A level whose unit has nobody responsible (an area without a manager) is passed
    over: the complaint goes on up rather than into a queue nobody reads.
    """
    target = to_level or next_level(level)
    if target is None or target == level:
        return None
    target = handlers.level_of(station_id, target)
    unit = handlers.unit_for(station_id, target)
    while unit is not None and not handlers.responsible(unit.id):
        above = next_level(target)
        if above is None:
            break
        target = handlers.level_of(station_id, above)
        unit = handlers.unit_for(station_id, target)
    if target == level or unit is None:
        return None
    people = handlers.responsible(unit.id)
    owner = people[0] if people else owner_id
    notified = list(dict.fromkeys([*people, *([owner_id] if owner_id else [])]))
    return target, unit.id, owner, notified


def escalate(
    session: Session, actor: User, complaint_id: str, reason: str, now: int | None = None
) -> Complaint:
    """Move the complaint up one level by hand, with a reason; who was told is logged."""
    now = clock(now)
    complaint = get_complaint(session, complaint_id)
    permissions.require_act(session, actor, complaint)
    require_open(complaint)
    note = require_note(reason, QT_TRANSLATE_NOOP("errors", "Give the reason for the escalation."))
    if not move_up(session, Handlers.load(session), complaint, now, note, actor.id):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The company handles this complaint already; there is no level above."
            )
        )
    session.flush()
    return complaint


# --- The clock -----------------------------------------------------------------------------------

PASSED = "passed"  # clock_events: a deadline passed (an escalation, or overdue at the top)


def clock_events(
    received_at: int,
    deadlines: dict[str, int | None],
    met: dict[str, int | None],
    until: int,
    share: float,
) -> list[tuple[int, str, str]]:
    """What a clock running without a break would have logged up to ``until``:
    (time, WARNING or PASSED, deadline kind), in time order. For data made outside the
    workflow (the demo), so that ``run_escalation`` finds nothing left to do."""
    events = []
    for kind in sla.KINDS:
        stored = deadlines.get(kind)
        if stored is None:
            continue
        done = met.get(kind)
        warn = sla.warn_at(stored, received_at, 0, share)
        if warn <= until and (done is None or done > warn) and warn < stored:
            events.append((warn, steps.WARNING, kind))
        if stored <= until and (done is None or done > stored):
            events.append((stored, PASSED, kind))
    events.sort()
    return events


@dataclass
class EscalationResult:
    checked: int = 0  # complaints with a threshold passed that were looked at
    warned: int = 0  # warning steps written
    escalated: int = 0  # levels moved up
    overdue: int = 0  # deadlines passed at the company (nothing above)
    complaint_ids: set[str] = field(default_factory=set)  # the complaints changed

    @property
    def changed(self) -> bool:
        return bool(self.warned or self.escalated or self.overdue)


_STATUSES = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
PROBE_CHUNK = 5000  # ids per IN (...) probe


def mark_id(complaint_id: str, deadline: str, stored: int, mark: str, received_at: int) -> str:
    """The id of the clock's step for one deadline: WARNING or PASSED (an escalation, or
    overdue at the company).

    Deterministic: the same complaint, deadline (kind and stored time: a reopening sets a
    new closure deadline, so a new round) and mark always give the same id. The clock
    learns what it logged already by probing the primary key (no scan of the step log),
    and two desktops that run the clock on the same complaint while offline log the same
    step, which sync then holds once. A UUIDv7 whose time is the receipt of the complaint.
    """
    digest = hashlib.blake2b(
        f"{complaint_id}|{deadline}|{stored}|{mark}".encode(), digest_size=10
    ).digest()
    return uuid7_from(received_at, int.from_bytes(digest, "big"))


def _threshold(deadline: str) -> str:
    # the warning moment with receipt as start (a reopened complaint's closure warns later:
    # it is a candidate a little early and checked exactly in Python)
    return (
        f"({deadline} IS NOT NULL AND "
        f"{deadline} * :share + c.received_at * :rest + c.paused_ms <= :now)"
    )


# Open, unpaused complaints with a threshold passed (index ix_complaints_status).
CANDIDATES = f"""
SELECT c.id, c.org_unit_id, c.level, c.owner_id, c.handling_org_id, c.received_at,
       c.paused_ms, c.accept_deadline, c.accepted_at, c.reply_deadline, c.first_reply_at,
       c.close_deadline
  FROM complaints c
 WHERE c.status IN ({_STATUSES}) AND c.deleted = 0 AND c.paused_at IS NULL
   AND ((c.accepted_at IS NULL AND {_threshold("c.accept_deadline")})
        OR (c.first_reply_at IS NULL AND {_threshold("c.reply_deadline")})
        OR {_threshold("c.close_deadline")})
"""

INSERT_STEP = text(
    "INSERT INTO complaint_steps (id, updated_at, usn, deleted, org_unit_id, complaint_id, "
    "kind, from_status, to_status, actor_id, responsible_id, at, note, notified) VALUES "
    "(:id, :updated_at, :usn, 0, :org_unit_id, :complaint_id, :kind, :from_status, "
    ":to_status, NULL, :responsible_id, :at, :note, :notified)"
)
UPDATE_COMPLAINT = text(
    "UPDATE complaints SET level = :level, handling_org_id = :handling_org_id, "
    "owner_id = :owner_id, updated_at = :updated_at, usn = :usn WHERE id = :id"
)


@dataclass
class _Due:
    """A pending deadline of a candidate whose warning share has run."""

    row: Sequence[Any]
    kind: str  # accept / reply / close
    stored: int
    passed_id: str
    start: int  # when its clock started (receipt; for the closure, a reopening)
    warn_id: str = ""  # only wanted while the deadline has not passed yet

    def due(self) -> int:
        return self.stored + (self.row[6] or 0)

    def warn(self, share: float) -> int:
        return sla.warn_at(self.stored, self.start, self.row[6] or 0, share)


def _candidate_dues(rows: Sequence[Sequence[Any]], share: float, now: int) -> list[_Due]:
    dues = []
    for row in rows:
        cid, received, paused = row[0], row[5], row[6] or 0
        for kind, stored, met in (
            (sla.ACCEPT, row[7], row[8]),
            (sla.REPLY, row[9], row[10]),
            (sla.CLOSE, row[11], None),
        ):
            if stored is None or met is not None:
                continue
            if now < sla.warn_at(stored, received, paused, share):
                continue
            due = _Due(row, kind, stored, mark_id(cid, kind, stored, PASSED, received), received)
            if now < stored + paused:
                due.warn_id = mark_id(cid, kind, stored, steps.WARNING, received)
            dues.append(due)
    return dues


def _existing(session: Session, ids: list[str]) -> set[str]:
    """Which of the step ids are stored (primary key probes, no table reads)."""
    connection = session.connection()
    found: set[str] = set()
    for i in range(0, len(ids), PROBE_CHUNK):
        chunk = ids[i : i + PROBE_CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update(
            r[0]
            for r in connection.exec_driver_sql(
                f"SELECT id FROM complaint_steps WHERE id IN ({marks})", tuple(chunk)
            )
        )
    return found


def _reopenings(session: Session, complaint_ids: set[str]) -> dict[str, int]:
    """When each complaint was last reopened (those never reopened are absent)."""
    found: dict[str, int] = {}
    ids = sorted(complaint_ids)
    for i in range(0, len(ids), PROBE_CHUNK):
        found.update(
            session.execute(
                select(ComplaintStep.complaint_id, func.max(ComplaintStep.at))
                .where(
                    ComplaintStep.complaint_id.in_(ids[i : i + PROBE_CHUNK]),
                    ComplaintStep.kind == steps.REOPEN,
                )
                .group_by(ComplaintStep.complaint_id)
            )
            .tuples()
            .all()
        )
    return found


def _actions(
    session: Session, rows: Sequence[Sequence[Any]], share: float, now: int
) -> dict[str, list[tuple[_Due, str]]]:
    """complaint id -> [(deadline, WARNING or PASSED)] the clock must log now, by due time."""
    dues = _candidate_dues(rows, share, now)
    stored = _existing(session, [i for d in dues for i in (d.passed_id, d.warn_id) if i])
    todo = [d for d in dues if d.passed_id not in stored]
    # a closure deadline of a reopened complaint runs from the reopening: check those
    reopened = _reopenings(session, {d.row[0] for d in todo if d.kind == sla.CLOSE})
    actions: dict[str, list[tuple[_Due, str]]] = {}
    for d in todo:
        if d.kind == sla.CLOSE and d.row[0] in reopened:
            d.start = reopened[d.row[0]]
            if now < d.warn(share):
                continue
        if now >= d.due():
            actions.setdefault(d.row[0], []).append((d, PASSED))
        elif d.warn_id not in stored:
            actions.setdefault(d.row[0], []).append((d, steps.WARNING))
    for found in actions.values():
        found.sort(key=lambda action: action[0].due())
    return actions


def run_escalation(session: Session, now: int) -> EscalationResult:
    """Warn and escalate what the clock says is due at ``now`` (idempotent)."""
    share = sla.warn_share(session)
    session.flush()
    rows = (
        session.execute(text(CANDIDATES), {"share": share, "rest": 1.0 - share, "now": now})
        .tuples()
        .all()
    )
    result = EscalationResult(checked=len(rows))
    actions = _actions(session, rows, share, now)
    handlers = Handlers.load(session) if actions else None
    new_steps: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    stamp = now_ms()
    for complaint_id, todo in actions.items():
        assert handlers is not None
        row = todo[0][0].row
        station_id, level, owner = row[1], row[2], row[3]
        unit_id = row[4] or station_id
        result.complaint_ids.add(complaint_id)
        moved = False
        for due, what in todo:
            base = {
                "updated_at": stamp, "usn": USN_DIRTY, "org_unit_id": station_id,
                "complaint_id": complaint_id, "at": now, "note": due.kind, "from_status": None,
                "to_status": None, "responsible_id": None,
            }  # fmt: skip
            if what == steps.WARNING:
                told = [owner] if owner else handlers.responsible(unit_id)
                new_steps.append({**base, "id": due.warn_id, "kind": steps.WARNING,
                                  "notified": json.dumps(told)})  # fmt: skip
                result.warned += 1
                continue
            change = _level_change(handlers, station_id, level, owner)
            if change is None:
                told = [*handlers.responsible(unit_id), *([owner] if owner else [])]
                new_steps.append({
                    **base, "id": due.passed_id, "kind": steps.OVERDUE, "from_status": level,
                    "to_status": level, "responsible_id": owner,
                    "notified": json.dumps(list(dict.fromkeys(told))),
                })  # fmt: skip
                result.overdue += 1
                continue
            new_level, unit_id, owner, notified = change
            new_steps.append({
                **base, "id": due.passed_id, "kind": steps.ESCALATION, "from_status": level,
                "to_status": new_level, "responsible_id": owner, "notified": json.dumps(notified),
            })  # fmt: skip
            level = new_level
            moved = True
            result.escalated += 1
        if moved:
            updates.append({
                "id": complaint_id, "level": level, "handling_org_id": unit_id,
                "owner_id": owner, "updated_at": stamp, "usn": USN_DIRTY,
            })  # fmt: skip
    _write(session, new_steps, updates)
    return result


def _write(
    session: Session, new_steps: Sequence[dict[str, Any]], updates: Sequence[dict[str, Any]]
) -> None:
    if new_steps:
        session.execute(INSERT_STEP, list(new_steps))
    if updates:
        session.execute(UPDATE_COMPLAINT, list(updates))
    if new_steps or updates:
        session.expire_all()  # complaints loaded before see the new level and owner
