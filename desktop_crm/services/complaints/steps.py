"""The append-only step log of a complaint (ComplaintStep rows).

Every change of a complaint appends a step; no step is ever changed or deleted (the
log is what people are accountable by, and append-only rows never conflict in sync).
A guard refuses, at flush, any change to a stored step other than its sync mark
(``usn``) and any deletion.

Kinds, and what the columns hold besides time, actor and note:

- ``transition``: ``from_status`` → ``to_status``; ``responsible_id`` the person named
  for the new step (the first step of a complaint has no ``from_status``).
- ``reopen``: archived → verifying; the note is the reason.
- ``escalation``: the complaint moved up; ``from_status`` / ``to_status`` hold the
  levels (station → area → company), ``responsible_id`` the new owner, ``notified``
  who was told. Made by the clock (``actor_id`` empty, the note names the deadline
  that passed: accept / reply / close; the id is escalation.mark_id's), at intake for
  a severe complaint (note "severity") or by a person (the note is the reason).
- ``warning``: a deadline reached its warning share; the note names the deadline,
  ``notified`` the owner. Made by the clock only.
- ``overdue``: a deadline passed at the company, where nothing is above; like an
  escalation without a change of level.
- ``pause`` / ``resume``: the clock stopped while waiting for the customer, and
  restarted (the resume note holds how long it stood still, in minutes).
- ``reply``: the first reply to the customer.
- ``callback``: the customer was called back (the 回访 step's task recorded, or a
  call recorded for an anonymous complainant); the note holds what they said.
- ``closure``: the closing checklist was filled in or changed.
- ``flags``: a suggestion was marked adopted / rewarded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import Complaint, ComplaintStep
from desktop_crm.models.db import APPLYING_PULL

TRANSITION = "transition"
REOPEN = "reopen"
ESCALATION = "escalation"
WARNING = "warning"
OVERDUE = "overdue"
PAUSE = "pause"
RESUME = "resume"
REPLY = "reply"
CALLBACK = "callback"
CLOSURE = "closure"
FLAGS = "flags"

# Steps the clock makes (actor empty); their note is the deadline concerned.
CLOCK_KINDS = (WARNING, ESCALATION, OVERDUE)
SEVERITY_NOTE = "severity"  # note of the escalation made at intake for a severe complaint

KINDS: dict[str, str] = {
    TRANSITION: QT_TRANSLATE_NOOP("complaints", "Step"),
    REOPEN: QT_TRANSLATE_NOOP("complaints", "Reopened"),
    ESCALATION: QT_TRANSLATE_NOOP("complaints", "Escalated"),
    WARNING: QT_TRANSLATE_NOOP("complaints", "Deadline warning"),
    OVERDUE: QT_TRANSLATE_NOOP("complaints", "Deadline passed"),
    PAUSE: QT_TRANSLATE_NOOP("complaints", "Paused (waiting for the customer)"),
    RESUME: QT_TRANSLATE_NOOP("complaints", "Resumed"),
    REPLY: QT_TRANSLATE_NOOP("complaints", "First reply to the customer"),
    CALLBACK: QT_TRANSLATE_NOOP("complaints", "Customer called back"),
    CLOSURE: QT_TRANSLATE_NOOP("complaints", "Closing checklist"),
    FLAGS: QT_TRANSLATE_NOOP("complaints", "Suggestion adopted / rewarded"),
}

# Notes of the steps the system writes, as codes the views translate.
SYSTEM_NOTES: dict[str, str] = {
    "accept": QT_TRANSLATE_NOOP("complaints", "Not accepted within the deadline"),
    "reply": QT_TRANSLATE_NOOP("complaints", "No first reply within the deadline"),
    "close": QT_TRANSLATE_NOOP("complaints", "Not closed within the deadline"),
    SEVERITY_NOTE: QT_TRANSLATE_NOOP("complaints", "Severe complaint: handled by the company"),
}


def add_step(
    session: Session,
    complaint: Complaint,
    kind: str,
    at: int,
    *,
    actor_id: str | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    responsible_id: str | None = None,
    note: str | None = None,
    notified: Iterable[str] | None = None,
) -> ComplaintStep:
    step = ComplaintStep(
        complaint_id=complaint.id,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        actor_id=actor_id,
        responsible_id=responsible_id,
        at=at,
        note=note,
        notified=json.dumps(list(dict.fromkeys(notified))) if notified is not None else None,
        org_unit_id=complaint.org_unit_id,
    )
    session.add(step)
    return step


class StepLogChanged(RuntimeError):
    """A stored step was about to be changed or deleted: the log is append-only."""


@event.listens_for(Session, "before_flush")
def _refuse_step_changes(session: Session, _context: object, _instances: object) -> None:
    if session.info.get(APPLYING_PULL):
        return
    for obj in session.deleted:
        if isinstance(obj, ComplaintStep):
            raise StepLogChanged("complaint steps are append-only; a step cannot be deleted")
    for obj in session.dirty:
        if not isinstance(obj, ComplaintStep):
            continue
        state = inspect(obj)
        changed = {
            attr.key for attr in state.attrs if attr.history.has_changes() and attr.key != "usn"
        }
        if changed:
            raise StepLogChanged(
                f"complaint steps are append-only; refused change of {sorted(changed)}"
            )
