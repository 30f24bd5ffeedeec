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

from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop_crm.models import CustomerStatus, TaskReason
from desktop_crm.services.callbacks.config import RulesConfig
from desktop_crm.services.callbacks.customer_pass import CustomerRule
from desktop_crm.services.callbacks.periods import period_of, spread_day
from desktop_crm.services.callbacks.task_rows import Candidate, NewTask, Owners, purpose_for


def episode_key(customer_id: str, period_key: str) -> str:
    return f"tier:{customer_id}:{period_key}"


def tier_rule(config: RulesConfig, owners: Owners, today: date) -> CustomerRule | None:
    """The routine calls as one rule of the customer pass; its value is the index of
    the tier rule a customer falls under (None without tier rules)."""
    rules = config.tier_rules
    if not rules:
        return None
    periods = [period_of(today, rule.period) for rule in rules]
    params: dict[str, Any] = {}

    def param(value: Any) -> str:
        name = f"tier{len(params)}"
        params[name] = value
        return f":{name}"

    def listed(values: Sequence[str]) -> str:
        return ", ".join(param(v) for v in values)

    conds = []
    for rule in rules:
        cond = f"c.level IN ({listed(rule.levels)})"
        if rule.kinds:
            cond += f" AND c.kind IN ({listed(rule.kinds)})"
        conds.append(cond)
    levels = sorted({level for rule in rules for level in rule.levels})
    # The level list up front lets SQLite skip most customers before the rules' CASE.
    value = (
        f"CASE WHEN c.status != '{CustomerStatus.LOST.value}' AND c.level IN ({listed(levels)})"
        f" THEN CASE {' '.join(f'WHEN {cond} THEN {i}' for i, cond in enumerate(conds))} END END"
    )

    def by_rule(values: list[str]) -> str:
        return (
            f"CASE {{v}} {' '.join(f'WHEN {i} THEN {param(v)}' for i, v in enumerate(values))} END"
        )

    period_key = by_rule([key for key, _first, _last in periods])
    first = by_rule([first.isoformat() for _key, first, _last in periods])
    last = by_rule([last.isoformat() for _key, _first, last in periods])
    fresh = f"""NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                            WHERE t.episode_key = 'tier:' || x.id || ':' || {period_key})
            AND NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                            WHERE t.customer_id = x.id AND t.reason = 'tier' AND t.deleted = 0
                              AND t.due_date BETWEEN {first} AND {last})"""
    texts = [config.text("tier", rule=rule.name) for rule in rules]

    reason = TaskReason.TIER.value

    def build(c: Candidate, _row: Sequence[Any], index: int) -> NewTask:
        period_key, first, last = periods[index]
        return NewTask(
            candidate=c,
            reason=reason,
            episode_key=episode_key(c.customer_id, period_key),
            purpose=purpose_for(config, c, texts[index]),
            due_date=spread_day(c.customer_id, max(first, today), last).isoformat(),
            assignee_id=owners.for_rule(rules[index], c),
        )

    return CustomerRule(TaskReason.TIER.value, value, fresh, build, params)
