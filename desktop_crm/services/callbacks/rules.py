"""The rules that make callback tasks (回访规则), run once a day (and at start-up).

``run_rules(session, today)`` runs, inside the caller's transaction:

1. open rule tasks of customers who may no longer be contacted are cancelled
   (closing.py); then one pass over the customers (customer_pass.py) finds the
   routine calls by level (tiers.py), the exit surveys (exits.py) and the absence
   anomalies (absence.py), and the first two are made;
2. meanwhile one pass over the recent visits runs on a second connection (scan.py):
   volume drops, and customers whose stored last visit is stale; those customers'
   last visit and usual interval are then recomputed (intervals.py);
3. absence episodes of customers who came back are closed, then the absence anomalies
   are made (those of the customers just recomputed are worked out again from their
   new figures), and the volume drops (volume.py).

Every task carries an episode key (unique in the table), and every rule selects only
customers without one: running the rules twice creates nothing new. The work is
set-based SQL on the session's sqlite3 connection (one pass over the visits, one
over the customers), never a query per customer.

The scan reads what is committed: visits written earlier in the caller's own
transaction are seen by the next run (the import updates the customers' last visit
and interval itself, so absences are right at once).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.ids import now_ms
from desktop_crm.models import TaskReason
from desktop_crm.services.callbacks import closing, config, intervals
from desktop_crm.services.callbacks.absence import absence_rule
from desktop_crm.services.callbacks.customer_pass import CustomerRule, select_tasks
from desktop_crm.services.callbacks.exits import exit_rule
from desktop_crm.services.callbacks.scan import (
    VisitScan,
    cached_scan,
    remember,
    scan_visits,
    start_scan,
)
from desktop_crm.services.callbacks.task_rows import Owners, insert_tasks
from desktop_crm.services.callbacks.tiers import tier_rule
from desktop_crm.services.callbacks.volume import volume_tasks
from desktop_crm.services.importing import bulk

Progress = Callable[[int, int, str], None]

# Progress labels (context "callbacks").
READING = QT_TRANSLATE_NOOP("callbacks", "Reading the recent visits")
REFRESHING = QT_TRANSLATE_NOOP("callbacks", "Updating last visits and usual intervals")
CLOSING = QT_TRANSLATE_NOOP("callbacks", "Closing finished anomalies")
TIERS = QT_TRANSLATE_NOOP("callbacks", "Routine callbacks by level")
ABSENCES = QT_TRANSLATE_NOOP("callbacks", "Absence anomalies")
VOLUMES = QT_TRANSLATE_NOOP("callbacks", "Volume drops")
EXITS = QT_TRANSLATE_NOOP("callbacks", "Exit surveys")
STEPS = 7


@dataclass
class RulesResult:
    """What a run did: tasks created by reason, tasks closed, customers refreshed."""

    today: date
    created: dict[str, int] = field(default_factory=dict)
    closed: int = 0
    closed_returned: int = 0  # absence episodes ended by a visit
    closed_not_contactable: int = 0  # do-not-disturb or consent withdrawn
    refreshed: int = 0  # customers whose last visit / usual interval were recomputed
    seconds: float = 0.0

    @property
    def total_created(self) -> int:
        return sum(self.created.values())


def prepare_scan(session: Session, today: date) -> VisitScan:
    """The read-only part of a run (the visit scan), for running before the write lock."""
    cfg = config.load(session)
    conn = bulk.raw_connection(session)
    scan = cached_scan(conn, today, cfg.baseline_months, cfg.drop_share)
    if scan is None:
        scan = scan_visits(conn, today, cfg.baseline_months, cfg.drop_share)
        remember(conn, scan)
    return scan


def run_rules(
    session: Session,
    today: date,
    progress: Progress | None = None,
    *,
    scan: VisitScan | None = None,
    now: int | None = None,
) -> RulesResult:
    """Run every rule for ``today`` (the local date); idempotent. ``scan``: the result of
    ``prepare_scan`` for the same day, when the caller ran it before (it is redone if it
    does not match the settings)."""
    started = time.perf_counter()
    report: Progress = progress or (lambda done, total, label: None)
    now = now if now is not None else now_ms()
    cfg = config.load(session)
    conn = bulk.raw_connection(session)
    result = RulesResult(today)
    for reason in (
        TaskReason.TIER,
        TaskReason.ABSENCE,
        TaskReason.VOLUME_DROP,
        TaskReason.EXIT_SURVEY,
    ):
        result.created[reason.value] = 0  # the order a report lists them in

    if scan is None or not scan.matches(today, cfg.baseline_months, cfg.drop_share):
        scan = cached_scan(conn, today, cfg.baseline_months, cfg.drop_share)
    # The visit scan runs in parallel with the rules that do not need it.
    pending = scan or start_scan(conn, today, cfg.baseline_months, cfg.drop_share)
    with bulk.larger_cache(conn), bulk.gc_paused():
        owners = Owners(conn)
        report(0, STEPS, CLOSING)
        result.closed_not_contactable = closing.close_not_contactable(conn, cfg, now)
        report(1, STEPS, TIERS)
        absence = absence_rule(cfg, owners, today)
        tier = tier_rule(cfg, owners, today)
        by_customer: list[CustomerRule] = [
            *([tier] if tier else []),
            exit_rule(cfg, owners, today),
            absence,
        ]
        made = select_tasks(conn, by_customer)
        # A first run on a large store makes more tasks than the table holds: building
        # the secondary indexes once afterwards is cheaper than inserting into them.
        many = sum(len(tasks) for tasks in made.values())
        rebuild = many > 10_000 and bulk.table_is_smaller_than(conn, "callback_tasks", many)
        with bulk.indexes_rebuilt(conn, ["callback_tasks"], rebuild):
            result.created[TaskReason.TIER.value] = insert_tasks(
                conn, made.get(TaskReason.TIER.value, []), now
            )
            report(2, STEPS, EXITS)
            result.created[TaskReason.EXIT_SURVEY.value] = insert_tasks(
                conn, made[TaskReason.EXIT_SURVEY.value], now
            )

            report(3, STEPS, READING)
            if not isinstance(pending, VisitScan):
                scan = pending.result()
                remember(conn, scan)
            else:
                scan = pending
            report(4, STEPS, REFRESHING)
            refreshed = set(intervals.refresh_customers(conn, scan.stale, cfg.min_visits, now))
            result.refreshed = len(refreshed)
            result.closed_returned = closing.close_returned(conn, cfg, now)
            result.closed = result.closed_returned + result.closed_not_contactable
            report(5, STEPS, ABSENCES)
            absent = [
                task
                for task in made[TaskReason.ABSENCE.value]
                if task.candidate.customer_id not in refreshed
            ]
            if refreshed:  # their last visit or usual interval changed after the pass
                absent += select_tasks(conn, [absence], only=refreshed)[TaskReason.ABSENCE.value]
            result.created[TaskReason.ABSENCE.value] = insert_tasks(conn, absent, now)
        report(6, STEPS, VOLUMES)
        result.created[TaskReason.VOLUME_DROP.value] = volume_tasks(
            conn, cfg, owners, scan, today, now
        )
        report(STEPS, STEPS, VOLUMES)
    result.seconds = time.perf_counter() - started
    return result
