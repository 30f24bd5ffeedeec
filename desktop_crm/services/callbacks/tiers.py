"""Routine callbacks by level (例行回访, 三级维护): one task per customer per period.

The rules of ``callbacks.tier_rules`` are tried in order and a customer is called
under the first one its level and kind match (a VIP organisation is the company's,
not also the area's). The task goes to the maintainer when the maintainer works at
the rule's level (a station rule and a station employee), otherwise to the rule's
owner at that level (the company's retail staff, the area's manager). Its due date
lies in the period, spread over the days left by the customer id, so a quarter's
calls do not all fall on its first day. Episode key: ``tier:<customer>:<period>``,
e.g. ``tier:0190…:2026Q4``; a tier task of the customer already due in the period
(made by hand, or before the keys existed) counts as well.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from desktop_crm.models import CustomerStatus, TaskReason
from desktop_crm.services.callbacks.config import RulesConfig
from desktop_crm.services.callbacks.periods import period_of, spread_day
from desktop_crm.services.callbacks.task_rows import (
    CONTACTABLE,
    CUSTOMER_SQL,
    NewTask,
    Owners,
    candidate,
    insert_tasks,
    purpose_for,
)


def episode_key(customer_id: str, period_key: str) -> str:
    return f"tier:{customer_id}:{period_key}"


def _conditions(config: RulesConfig) -> tuple[list[str], list[Any]]:
    """The SQL condition of each rule on customers AS c, and its parameters."""
    conds, params = [], []
    for rule in config.tier_rules:
        cond = f"c.level IN ({', '.join('?' * len(rule.levels))})"
        params += rule.levels
        if rule.kinds:
            cond += f" AND c.kind IN ({', '.join('?' * len(rule.kinds))})"
            params += rule.kinds
        conds.append(cond)
    return conds, params


def tier_tasks(
    conn: sqlite3.Connection, config: RulesConfig, owners: Owners, today: date, now: int
) -> int:
    rules = config.tier_rules
    if not rules:
        return 0
    periods = [period_of(today, rule.period) for rule in rules]
    conds, params = _conditions(config)
    levels = sorted({level for rule in rules for level in rule.levels})
    params += levels

    def by_rule(values: list[str]) -> str:
        params.extend(values)
        return f"CASE x.r {' '.join(f'WHEN {i} THEN ?' for i in range(len(rules)))} END"

    period_key = by_rule([key for key, _first, _last in periods])
    first = by_rule([first.isoformat() for _key, first, _last in periods])
    last = by_rule([last.isoformat() for _key, _first, last in periods])
    # The rule a customer falls under is decided once (the CASE in the inner query); the
    # level list up front lets SQLite skip most customers before evaluating it.
    sql = f"""
        SELECT * FROM (
            SELECT {CUSTOMER_SQL},
                   CASE {" ".join(f"WHEN {cond} THEN {i}" for i, cond in enumerate(conds))} END AS r
            FROM customers AS c
            WHERE {CONTACTABLE} AND c.status != '{CustomerStatus.LOST.value}'
              AND c.level IN ({", ".join("?" * len(levels))})
        ) AS x
        WHERE x.r IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                          WHERE t.episode_key = 'tier:' || x.id || ':' || {period_key})
          AND NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                          WHERE t.customer_id = x.id AND t.reason = 'tier' AND t.deleted = 0
                            AND t.due_date BETWEEN {first} AND {last})
    """
    texts = [config.text("tier", rule=rule.name) for rule in rules]

    def tasks() -> Any:
        for row in conn.execute(sql, params):
            c = candidate(row)
            index = row[5]
            period_key, first, last = periods[index]
            yield NewTask(
                candidate=c,
                reason=TaskReason.TIER.value,
                episode_key=episode_key(c.customer_id, period_key),
                purpose=purpose_for(config, c, texts[index]),
                due_date=spread_day(c.customer_id, max(first, today), last).isoformat(),
                assignee_id=owners.for_rule(rules[index], c),
            )

    return insert_tasks(conn, list(tasks()), now)
