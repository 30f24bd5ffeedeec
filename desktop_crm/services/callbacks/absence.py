"""Absence anomalies (异常): a customer past their usual cycle plus the grace days.

A customer with a usual interval I (the median gap between visits, see intervals.py)
whose last visit was on day L is absent on day T when T - L > I + grace (3 days by
default): with I = 7, day L + 10 is the third day past the cycle (no task), L + 11
the fourth (a task). The task is for the maintainer (the station master when the
maintainer left), due at once; once per absence: the episode key holds the last
visit, ``absence:<customer>:<last visit ms>``, so running again adds nothing, and
when the customer comes back the episode is closed (closing.py) and the next absence
is a new episode. Absences older than ``max_late_days`` past the threshold are left
to the dormant / lost follow-up (exit survey); lost customers and prospects get none.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from desktop_crm.localtime import local_zone
from desktop_crm.models import CustomerStatus, TaskReason
from desktop_crm.services.callbacks.config import RulesConfig
from desktop_crm.services.callbacks.customer_pass import INTERVAL, LAST_VISIT, CustomerRule
from desktop_crm.services.callbacks.intervals import DAY_MS
from desktop_crm.services.callbacks.periods import local_midnight_ms
from desktop_crm.services.callbacks.task_rows import Candidate, NewTask, Owners, purpose_for


def episode_key(customer_id: str, last_visit_at: int) -> str:
    return f"absence:{customer_id}:{last_visit_at}"


def last_visit_of(key: str) -> int | None:
    """The last visit (UTC ms) an absence episode key was made for."""
    try:
        return int(key.rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return None


def day_numbers(today: date) -> tuple[int, int]:
    """(today's local day number, the local zone's offset in ms) for SQL day arithmetic."""
    midnight = local_midnight_ms(today)
    offset = (today.toordinal() - date(1970, 1, 1).toordinal()) * DAY_MS - midnight
    return (midnight + offset) // DAY_MS, offset


def interval_text(days: float) -> str:
    return f"{days:.0f}" if float(days).is_integer() else f"{days:.1f}"


def absence_rule(config: RulesConfig, owners: Owners, today: date) -> CustomerRule:
    """The absence anomalies as one rule of the customer pass."""
    day, offset = day_numbers(today)
    since = f"(:absence_day - (c.last_visit_at + :absence_offset) / {DAY_MS})"
    value = f"""CASE WHEN c.status NOT IN ('{CustomerStatus.LOST.value}',
                                          '{CustomerStatus.PROSPECT.value}')
                  AND c.usual_interval_days IS NOT NULL AND c.last_visit_at IS NOT NULL
                  AND {since} > c.usual_interval_days + :absence_grace
                  AND {since} <= c.usual_interval_days + :absence_grace + :absence_late
                THEN 1 END"""
    fresh = """NOT EXISTS (SELECT 1 FROM callback_tasks AS t
                           WHERE t.episode_key = 'absence:' || x.id || ':' || x.last_visit_at)"""
    params = {"absence_day": day, "absence_offset": offset, "absence_grace": config.grace_days,
              "absence_late": config.max_late_days}  # fmt: skip
    due = (today + timedelta(days=config.absence_due_days)).isoformat()

    reason = TaskReason.ABSENCE.value
    zone = local_zone()
    texts: dict[tuple[float, str], str] = {}  # by (interval, last visit's day): few of them

    def build(c: Candidate, row: Sequence[Any], _value: Any) -> NewTask:
        last, interval = row[LAST_VISIT], row[INTERVAL]
        key = (interval, datetime.fromtimestamp(last / 1000, tz=zone).strftime("%Y-%m-%d"))
        text = texts.get(key)
        if text is None:
            text = texts[key] = config.text(
                "absence", interval=interval_text(interval), last=key[1]
            )
        return NewTask(
            candidate=c,
            reason=reason,
            episode_key=episode_key(c.customer_id, last),
            purpose=purpose_for(config, c, text),
            due_date=due,
            assignee_id=owners.for_maintainer(c),
        )

    return CustomerRule(TaskReason.ABSENCE.value, value, fresh, build, params)
