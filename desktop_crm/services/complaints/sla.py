"""Deadlines (SLA) of a complaint: acceptance, first reply to the customer, closure.

Policies are ``SlaPolicy`` rows per category (None: any category) and severity; the
row for the exact category wins over the one for any category, and the defaults
below apply where the store has neither (acceptance within 60 minutes, first reply
within 24 hours, closure in 5 / 3 / 1 / 1 working days by severity).

Stored deadlines are computed at intake (and again at a reopening, for the closure)
and never moved. Waiting for the customer stops the clock: ``paused_ms`` holds the
time paused so far and ``paused_at`` a pause still running; a deadline still pending
is due at its stored time plus that pause time.

A deadline is met when its event happened (``accepted_at``, ``first_reply_at``,
``closed_at``). A pending one is "in_time", then "warning" from the configured share
of its time on (setting ``complaints.warn_share``, 75% by default), then "overdue".
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.models import Complaint, ComplaintStatus, SlaPolicy
from desktop_crm.services.complaints.calendar import WorkingCalendar
from desktop_crm.services.complaints.options import SEVERITIES
from desktop_crm.services.settings import get_setting

__all__ = [
    "DEFAULT_ACCEPT_MINUTES",
    "DEFAULT_CLOSE_DAYS",
    "DEFAULT_REPLY_HOURS",
    "DEFAULT_WARN_SHARE",
    "DeadlineState",
    "Policy",
    "WorkingCalendar",
    "deadline_states",
    "deadlines_for",
    "effective_due",
    "ensure_default_policies",
    "next_deadline",
    "policy_for",
    "warn_share",
]

DEFAULT_ACCEPT_MINUTES = 60
DEFAULT_REPLY_HOURS = 24
DEFAULT_CLOSE_DAYS: dict[str, int] = {"一般": 5, "较大": 3, "重大": 1, "特别重大": 1}
DEFAULT_WARN_SHARE = 0.75

MINUTE = 60_000
HOUR = 60 * MINUTE

ACCEPT, REPLY, CLOSE = "accept", "reply", "close"
KINDS = (ACCEPT, REPLY, CLOSE)


@dataclass(frozen=True)
class Policy:
    accept_minutes: int
    reply_hours: int
    close_working_days: int


def default_policy(severity: str) -> Policy:
    return Policy(DEFAULT_ACCEPT_MINUTES, DEFAULT_REPLY_HOURS, DEFAULT_CLOSE_DAYS.get(severity, 5))


def ensure_default_policies(session: Session, org_unit_id: str) -> int:
    """The default policy per severity (any category) where the store has no policy at all.

    Returns how many rows were added (0 when some policy exists already).
    """
    exists = session.scalar(select(SlaPolicy.id).where(SlaPolicy.deleted.is_(False)).limit(1))
    if exists is not None:
        return 0
    for severity in SEVERITIES:
        policy = default_policy(severity)
        session.add(
            SlaPolicy(
                category=None,
                severity=severity,
                accept_minutes=policy.accept_minutes,
                reply_hours=policy.reply_hours,
                close_working_days=policy.close_working_days,
                org_unit_id=org_unit_id,
            )
        )
    session.flush()
    return len(SEVERITIES)


def policy_for(session: Session, category: str | None, severity: str) -> Policy:
    """The policy of a category and severity: the exact row, the any-category row, or
    the default."""
    rows = session.scalars(
        select(SlaPolicy).where(
            SlaPolicy.severity == severity,
            SlaPolicy.deleted.is_(False),
            (SlaPolicy.category == category) | SlaPolicy.category.is_(None),
        )
    ).all()
    best = next((r for r in rows if r.category == category and category is not None), None)
    best = best or next((r for r in rows if r.category is None), None)
    if best is None:
        return default_policy(severity)
    return Policy(best.accept_minutes, best.reply_hours, best.close_working_days)


def deadlines_for(
    policy: Policy, received_at: int, calendar: WorkingCalendar
) -> tuple[int, int, int]:
    """(accept, reply, close) deadlines of something received at ``received_at``."""
    return (
        received_at + policy.accept_minutes * MINUTE,
        received_at + policy.reply_hours * HOUR,
        calendar.deadline_ms(received_at, policy.close_working_days),
    )


def warn_share(session: Session) -> float:
    """The setting "complaints.warn_share", kept between 0 and 1."""
    try:
        value = float(get_setting(session, "complaints.warn_share"))
    except (TypeError, ValueError):
        return DEFAULT_WARN_SHARE
    return min(max(value, 0.0), 1.0)


@dataclass(frozen=True)
class DeadlineState:
    kind: str  # accept / reply / close
    due_ms: int  # the stored deadline plus the time paused
    remaining_ms: int  # negative once overdue; for a met deadline: due minus when met
    state: str  # in_time / warning / overdue
    met_ms: int | None = None  # when it was met (None: still pending)
    warn_ms: int | None = None  # from when a pending deadline is in its warning share

    @property
    def met(self) -> bool:
        return self.met_ms is not None


def paused_total(complaint: Complaint, now: int) -> int:
    """Time paused so far, a running pause counted up to ``now``."""
    total = complaint.paused_ms or 0
    if complaint.paused_at is not None:
        total += max(0, now - complaint.paused_at)
    return total


def effective_due(complaint: Complaint, kind: str, now: int) -> int | None:
    stored = _stored(complaint, kind)
    return None if stored is None else stored + paused_total(complaint, now)


def _stored(complaint: Complaint, kind: str) -> int | None:
    if kind == ACCEPT:
        return complaint.accept_deadline
    if kind == REPLY:
        return complaint.reply_deadline
    return complaint.close_deadline


def _met(complaint: Complaint, kind: str) -> int | None:
    if kind == ACCEPT:
        return complaint.accepted_at
    if kind == REPLY:
        return complaint.first_reply_at
    if complaint.status == ComplaintStatus.ARCHIVED:
        return complaint.closed_at or complaint.updated_at
    return None


def warn_at(stored_due: int, start: int, paused: int, share: float) -> int:
    """When ``share`` of the clock time from ``start`` to the deadline has run."""
    return start + paused + int(share * max(0, stored_due - start))


def deadline_states(
    complaint: Complaint,
    now: int,
    warn_share: float = DEFAULT_WARN_SHARE,
    close_start: int | None = None,
) -> list[DeadlineState]:
    """The state of each deadline the complaint has, in the order accept, reply, close.

    ``close_start``: when the closure clock started if not at receipt (a reopening).
    """
    # A running pause counts up to now: the due time moves on while the clock stands still,
    # so the remaining time stays what it was when the pause began.
    paused = paused_total(complaint, now)
    clock = now
    states = []
    for kind in KINDS:
        stored = _stored(complaint, kind)
        if stored is None:
            continue
        met = _met(complaint, kind)
        if met is not None:
            # met in time on the stored deadline: no pause can change that; met later, the
            # pauses may have moved it (the total paused is an upper bound of those before)
            due = stored if met <= stored else stored + (complaint.paused_ms or 0)
            states.append(
                DeadlineState(kind, due, due - met, "in_time" if met <= due else "overdue", met)
            )
            continue
        due = stored + paused
        start = close_start if kind == CLOSE and close_start else complaint.received_at
        warn = warn_at(stored, start, paused, warn_share)
        if clock >= due:
            state = "overdue"
        elif clock >= warn:
            state = "warning"
        else:
            state = "in_time"
        states.append(DeadlineState(kind, due, due - clock, state, None, warn))
    return states


def next_deadline(
    complaint: Complaint,
    now: int,
    warn_share: float = DEFAULT_WARN_SHARE,
    close_start: int | None = None,
) -> DeadlineState | None:
    """The pending deadline that falls first (None once all are met or archived)."""
    pending = [
        s for s in deadline_states(complaint, now, warn_share, close_start) if s.met_ms is None
    ]
    if not pending:
        return None
    return min(pending, key=lambda s: s.due_ms)
