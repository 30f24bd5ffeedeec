"""Tasks the rules close (status cancelled, with a note saying why).

- An absence episode ends when the customer comes back: its open or booked task is
  cancelled once the customer's last visit is later than the one in its key.
- A customer who asked not to be disturbed, or withdrew consent, keeps no open task
  from the rules or a campaign (complaint callbacks and manual tasks stay).
"""

from __future__ import annotations

import sqlite3

from desktop_crm.localtime import local_date
from desktop_crm.models import TaskReason, TaskStatus
from desktop_crm.services.callbacks.absence import last_visit_of
from desktop_crm.services.callbacks.config import RulesConfig
from desktop_crm.services.callbacks.task_rows import PENDING_SQL

RULE_REASONS = (
    TaskReason.TIER.value, TaskReason.ABSENCE.value, TaskReason.VOLUME_DROP.value,
    TaskReason.EXIT_SURVEY.value, TaskReason.CAMPAIGN.value,
)  # fmt: skip


def _cancel(conn: sqlite3.Connection, rows: list[tuple[str, str]], now: int) -> int:
    """Cancel the tasks ``(note, id)``; the note goes after any note already there."""
    conn.executemany(
        "UPDATE callback_tasks SET status = :status, "
        "note = CASE WHEN note IS NULL OR note = '' THEN :note ELSE note || char(10) || :note END, "
        "recorded_at = :now, updated_at = :now, usn = -1 WHERE id = :id",
        [
            {"status": TaskStatus.CANCELLED.value, "note": note, "now": now, "id": tid}
            for note, tid in rows
        ],
    )
    return len(rows)


def close_returned(conn: sqlite3.Connection, config: RulesConfig, now: int) -> int:
    """Cancel the absence tasks of customers who have come in since."""
    rows = []
    for tid, key, last in conn.execute(
        f"""SELECT t.id, t.episode_key, c.last_visit_at FROM callback_tasks AS t
            JOIN customers AS c ON c.id = t.customer_id
            WHERE t.reason = '{TaskReason.ABSENCE.value}' AND t.status IN {PENDING_SQL}
              AND t.deleted = 0 AND t.episode_key IS NOT NULL AND c.last_visit_at IS NOT NULL"""
    ):
        episode_visit = last_visit_of(key)
        if episode_visit is not None and last > episode_visit:
            rows.append((config.text("absence_closed", date=local_date(last) or ""), tid))
    return _cancel(conn, rows, now)


def close_not_contactable(conn: sqlite3.Connection, config: RulesConfig, now: int) -> int:
    """Cancel the rule and campaign tasks of customers who may not be contacted now."""
    note = config.text("not_contactable")
    marks = ", ".join("?" * len(RULE_REASONS))
    ids = conn.execute(
        f"""SELECT t.id FROM callback_tasks AS t JOIN customers AS c ON c.id = t.customer_id
            WHERE t.reason IN ({marks}) AND t.status IN {PENDING_SQL} AND t.deleted = 0
              AND (c.do_not_disturb = 1 OR c.consent = 0)""",
        RULE_REASONS,
    ).fetchall()
    return _cancel(conn, [(note, tid) for (tid,) in ids], now)
