"""Exit surveys (退出调查): a customer whose status became lost is asked why, once.

"Became lost" is read as: status lost, and a visit within ``window_days`` (365):
customers lost long ago, or who never came, are not surveyed when the rules first
run. Once per customer (``exit:<customer>``), and never when the customer already
has an exit-survey task of any kind. The reason given is stored as a code of
``callbacks.exit_reasons`` when the callback is recorded.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from desktop_crm.models import CustomerStatus, TaskReason
from desktop_crm.services.callbacks.config import RulesConfig
from desktop_crm.services.callbacks.periods import local_midnight_ms
from desktop_crm.services.callbacks.task_rows import (
    CONTACTABLE,
    CUSTOMER_SQL,
    NewTask,
    Owners,
    candidate,
    insert_tasks,
    purpose_for,
)


def episode_key(customer_id: str) -> str:
    return f"exit:{customer_id}"


def exit_tasks(
    conn: sqlite3.Connection, config: RulesConfig, owners: Owners, today: date, now: int
) -> int:
    since = local_midnight_ms(today - timedelta(days=config.exit_window_days))
    sql = f"""
        SELECT {CUSTOMER_SQL} FROM customers AS c
        WHERE {CONTACTABLE} AND c.status = '{CustomerStatus.LOST.value}'
          AND c.last_visit_at >= :since
          AND NOT EXISTS (SELECT 1 FROM callback_tasks AS t WHERE t.episode_key = 'exit:' || c.id)
          AND NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                          WHERE t.customer_id = c.id AND t.reason = 'exit_survey'
                            AND t.deleted = 0)
    """
    due = (today + timedelta(days=config.exit_due_days)).isoformat()
    text = config.text("exit_survey")

    def tasks() -> Any:
        for row in conn.execute(sql, {"since": since}):
            c = candidate(row)
            yield NewTask(
                candidate=c,
                reason=TaskReason.EXIT_SURVEY.value,
                episode_key=episode_key(c.customer_id),
                purpose=purpose_for(config, c, text),
                due_date=due,
                assignee_id=owners.for_maintainer(c),
            )

    return insert_tasks(conn, list(tasks()), now)
