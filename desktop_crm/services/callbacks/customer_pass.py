"""One pass over the customers for the rules that pick customers by their own columns:
routine calls by level (tiers.py), exit surveys (exits.py) and absences (absence.py).

Each rule gives a ``CustomerRule``: ``value``, an SQL expression on ``customers AS c``
that is not NULL when the customer qualifies (e.g. the index of the tier rule that
applies), and ``fresh``, the check that no task was made for it yet (NOT EXISTS probes
into callback_tasks, written against the selected row ``x`` and its value ``{v}``).
The customers table is read once for all of them (it is wide: each read of a million
rows costs about as much as the rest of a rule), the probes run only for the customers
that qualify, and each probe once: the middle query's ``LIMIT -1`` keeps SQLite from
folding it into the outer one, which would evaluate the probes twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_crm.services.callbacks.task_rows import (
    CONTACTABLE,
    CUSTOMER_SQL,
    Candidate,
    NewTask,
    candidate,
)
from desktop_crm.services.importing import bulk

# The columns every selected row starts with: CUSTOMER_SQL, then these two.
ROW_SQL = f"{CUSTOMER_SQL}, c.last_visit_at, c.usual_interval_days"
LAST_VISIT, INTERVAL = 5, 6
_VALUES = 7  # where the rules' values start


@dataclass
class CustomerRule:
    reason: str
    value: str  # SQL on customers AS c (its own columns): not NULL when the customer qualifies
    fresh: str  # SQL on x (the selected row) and {v} (its value): no task made yet
    build: Callable[[Candidate, Sequence[Any], Any], NewTask]  # (customer, row, value)
    params: dict[str, Any] = field(default_factory=dict)  # named parameters of both


def select_tasks(
    conn: sqlite3.Connection,
    rules: Sequence[CustomerRule],
    only: Collection[str] | None = None,
) -> dict[str, list[NewTask]]:
    """The new tasks of each rule (by reason), in customer order; ``only``: just these
    customers (ids)."""
    found: dict[str, list[NewTask]] = {rule.reason: [] for rule in rules}
    if not rules:
        return found
    values = ", ".join(f"{rule.value} AS v{i}" for i, rule in enumerate(rules))
    checks = ", ".join(
        f"CASE WHEN x.v{i} IS NOT NULL AND {rule.fresh.format(v=f'x.v{i}')} THEN x.v{i} END AS n{i}"
        for i, rule in enumerate(rules)
    )
    restrict = " AND c.id IN (SELECT k FROM temp.keys)" if only is not None else ""
    sql = f"""
        SELECT * FROM (
            SELECT x.*, {checks}
            FROM (SELECT {ROW_SQL}, {values} FROM customers AS c
                  WHERE {CONTACTABLE}{restrict}) AS x
            WHERE {" OR ".join(f"x.v{i} IS NOT NULL" for i in range(len(rules)))}
            LIMIT -1
        ) WHERE {" OR ".join(f"n{i} IS NOT NULL" for i in range(len(rules)))}
    """
    params: dict[str, Any] = {}
    for rule in rules:
        params.update(rule.params)
    first = _VALUES + len(rules)
    rows = bulk.lookup(conn, sql, only, params) if only is not None else conn.execute(sql, params)
    for row in rows:
        c = candidate(row)
        for i, rule in enumerate(rules):
            value = row[first + i]
            if value is not None:
                found[rule.reason].append(rule.build(c, row, value))
    return found
