"""Volume drops: last month's litres down by ``drop_share`` (40%) against the average of
the ``baseline_months`` (3) before it, for customers who came in each of those months.

Evaluated for the month before today's, from the visit scan (scan.py); once per
customer per month (``volume:<customer>:<YYYY-MM>``). A customer with an absence task
still open is left out: the absence call covers the same silence.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from desktop_crm.models import CustomerStatus, TaskReason
from desktop_crm.services.callbacks.config import RulesConfig
from desktop_crm.services.callbacks.scan import VisitScan
from desktop_crm.services.callbacks.task_rows import (
    CONTACTABLE,
    CUSTOMER_SQL,
    PENDING_SQL,
    NewTask,
    Owners,
    candidate,
    insert_tasks,
    purpose_for,
)
from desktop_crm.services.importing import bulk


def episode_key(customer_id: str, month: str) -> str:
    return f"volume:{customer_id}:{month}"


def volume_tasks(
    conn: sqlite3.Connection,
    config: RulesConfig,
    owners: Owners,
    scan: VisitScan,
    today: date,
    now: int,
) -> int:
    if not scan.drops:
        return 0
    drops = {d.customer_id: d for d in scan.drops}
    sql = f"""
        SELECT {CUSTOMER_SQL} FROM customers AS c
        WHERE c.id IN (SELECT k FROM temp.keys) AND {CONTACTABLE}
          AND c.status != '{CustomerStatus.LOST.value}'
          AND NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                          WHERE t.episode_key = 'volume:' || c.id || ':' || ?)
          AND NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                          WHERE t.customer_id = c.id AND t.reason = 'absence'
                            AND t.status IN {PENDING_SQL} AND t.deleted = 0)
    """
    due = (today + timedelta(days=config.volume_due_days)).isoformat()

    def tasks() -> Any:
        for row in bulk.lookup(conn, sql, drops, (scan.month,)):
            c = candidate(row)
            drop = drops[c.customer_id]
            text = config.text(
                "volume_drop",
                month=scan.month,
                recent=f"{drop.recent:.0f}",
                average=f"{drop.average:.0f}",
            )
            yield NewTask(
                candidate=c,
                reason=TaskReason.VOLUME_DROP.value,
                episode_key=episode_key(c.customer_id, scan.month),
                purpose=purpose_for(config, c, text),
                due_date=due,
                assignee_id=owners.for_maintainer(c),
            )

    return insert_tasks(conn, list(tasks()), now)
