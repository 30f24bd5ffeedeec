"""Exit surveys (退出调查): a customer whose status became lost is asked why, once.

"Became lost" is read as: status lost, and a visit within ``window_days`` (365):
customers lost long ago, or who never came, are not surveyed when the rules first
run. Once per customer (``exit:<customer>``), and never when the customer already
has an exit-survey task of any kind. The reason given is stored as a code of
``callbacks.exit_reasons`` when the callback is recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from desktop_crm.models import CustomerStatus, TaskReason
from desktop_crm.services.callbacks.config import RulesConfig
from desktop_crm.services.callbacks.customer_pass import CustomerRule
from desktop_crm.services.callbacks.periods import local_midnight_ms
from desktop_crm.services.callbacks.task_rows import Candidate, NewTask, Owners, purpose_for


def episode_key(customer_id: str) -> str:
    return f"exit:{customer_id}"


def exit_rule(config: RulesConfig, owners: Owners, today: date) -> CustomerRule:
    """The exit surveys as one rule of the customer pass."""
    since = local_midnight_ms(today - timedelta(days=config.exit_window_days))
    value = (
        f"CASE WHEN c.status = '{CustomerStatus.LOST.value}' AND c.last_visit_at >= :exit_since"
        " THEN 1 END"
    )
    fresh = """NOT EXISTS (SELECT 1 FROM callback_tasks AS t WHERE t.episode_key = 'exit:' || x.id)
            AND NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                            WHERE t.customer_id = x.id AND t.reason = 'exit_survey'
                              AND t.deleted = 0)"""
    due = (today + timedelta(days=config.exit_due_days)).isoformat()
    text = config.text("exit_survey")

    reason = TaskReason.EXIT_SURVEY.value

    def build(c: Candidate, _row: Sequence[Any], _value: Any) -> NewTask:
        return NewTask(
            candidate=c,
            reason=reason,
            episode_key=episode_key(c.customer_id),
            purpose=purpose_for(config, c, text),
            due_date=due,
            assignee_id=owners.for_maintainer(c),
        )

    return CustomerRule(TaskReason.EXIT_SURVEY.value, value, fresh, build, {"exit_since": since})
