"""Complaint status changes pushed to the head office, checked against the workflow.

A desktop may take a complaint through several steps offline, so the check is not
"one allowed step" but "reachable by allowed steps" from the status the head office
holds (services/complaints/workflow.py TRANSITIONS; a reopen starts again at
verifying). A stale version that would move a complaint backwards past what the
workflow allows loses, and is kept in the conflict log.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from desktop_crm.models import ComplaintStatus

SUGGESTION = "suggestion"


@cache
def _graphs() -> tuple[Mapping[str, Sequence[str]], Mapping[str, Sequence[str]]]:
    from desktop_crm.services.complaints.workflow import SUGGESTION_TRANSITIONS, TRANSITIONS

    return TRANSITIONS, SUGGESTION_TRANSITIONS


def _reachable(graph: Mapping[str, Sequence[str]], start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def status_change_allowed(kind: str | None, old: str, new: str) -> bool:
    """May a complaint (or suggestion) go from ``old`` to ``new`` by allowed steps?"""
    if old == new:
        return True
    if new not in {s.value for s in ComplaintStatus}:
        return False
    complaints, suggestions = _graphs()
    graph = suggestions if kind == SUGGESTION else complaints
    if new in _reachable(graph, old):
        return True
    # An archived complaint is reopened at verifying and may go on from there.
    return old == ComplaintStatus.ARCHIVED and new in _reachable(graph, ComplaintStatus.VERIFYING)
