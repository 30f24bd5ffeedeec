"""`desktop-crm complaints ...`: run the SLA clock, list the complaint register.

    desktop-crm complaints escalate --db PATH [--now "YYYY-MM-DD HH:MM"]
    desktop-crm complaints list --db PATH [--json] [--now ...] [--status S | --open]

``escalate`` warns and escalates what is due (idempotent: a second run at the same
time changes nothing) and prints the counts. ``list`` prints one complaint per line
(with --json one JSON object per line): number, type, status, level, owner, station,
when received, each deadline with whether it is overdue, and the state of the next
one. Times are local (Asia/Shanghai unless DESKTOP_CRM_TZ says otherwise).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError

if TYPE_CHECKING:
    from desktop_crm.models.db import Database

EXIT_OK = 0


def _now(value: str | None) -> int:
    from desktop_crm.ids import now_ms
    from desktop_crm.localtime import local_zone

    if not value:
        return now_ms()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        return int(moment.replace(tzinfo=local_zone()).timestamp() * 1000)
    raise UserError(
        QT_TRANSLATE_NOOP("errors", '--now takes a local time as "YYYY-MM-DD HH:MM", not {value}.'),
        value=value,
    )


def cmd_escalate(args: argparse.Namespace) -> int:
    from desktop_crm.cli import _db_path
    from desktop_crm.i18n import translate_message
    from desktop_crm.models.db import open_database
    from desktop_crm.services.complaints.escalation import run_escalation

    now = _now(args.now)
    db = open_database(_db_path(args.db))
    try:
        with db.writer.begin() as session:  # BEGIN IMMEDIATE: one transaction, all or nothing
            result = run_escalation(session, now)
    finally:
        db.close()
    print(
        translate_message(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli",
                "Complaints checked {checked}: warned {warned}, escalated {escalated}, "
                "overdue at the company {overdue}.",
            ),
            {
                "checked": result.checked,
                "warned": result.warned,
                "escalated": result.escalated,
                "overdue": result.overdue,
            },
        )
    )
    return EXIT_OK


def complaint_record(
    complaint: Any, now: int, share: float, station: str, owner: str | None, close_start: int | None
) -> dict[str, Any]:
    """The JSON object of one complaint in ``complaints list``."""
    from desktop_crm.localtime import local_minute
    from desktop_crm.services.complaints.sla import deadline_states, next_deadline

    def when(ms: int | None) -> str | None:
        return local_minute(ms) if ms is not None else None

    deadlines = {}
    for state in deadline_states(complaint, now, share, close_start):
        deadlines[state.kind] = {
            "due": when(state.due_ms),
            "met": when(state.met_ms),
            "overdue": state.state == "overdue",
            "state": state.state,
        }
    upcoming = next_deadline(complaint, now, share, close_start)
    return {
        "number": complaint.number,
        "type": complaint.type,
        "status": complaint.status,
        "level": complaint.level,
        "owner": owner,
        "station": station,
        "severity": complaint.severity,
        "category": complaint.category,
        "received": when(complaint.received_at),
        "paused": complaint.paused_at is not None,
        "deadlines": deadlines,
        "overdue": any(d["overdue"] for d in deadlines.values()),
        "next_deadline": (
            {
                "kind": upcoming.kind,
                "due": when(upcoming.due_ms),
                "remaining_minutes": upcoming.remaining_ms // 60_000,
                "state": upcoming.state,
            }
            if upcoming is not None
            else None
        ),
    }


def cmd_list(args: argparse.Namespace) -> int:
    from desktop_crm.cli import _db_path
    from desktop_crm.models.db import open_database

    now = _now(args.now)
    db = open_database(_db_path(args.db))
    try:
        _print_list(db, args, now)
    except BrokenPipeError:  # `... | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        db.close()
    return EXIT_OK


def _print_list(db: Database, args: argparse.Namespace, now: int) -> None:
    from sqlalchemy import select

    from desktop_crm.models import Complaint, ComplaintStep, OrgUnit, User
    from desktop_crm.services.complaints import steps
    from desktop_crm.services.complaints.common import OPEN_STATUSES
    from desktop_crm.services.complaints.sla import warn_share

    with db.sessions.begin() as session:
        share = warn_share(session)
        stations = dict(session.execute(select(OrgUnit.id, OrgUnit.code)).tuples().all())
        people = dict(session.execute(select(User.id, User.login)).tuples().all())
        query = select(Complaint).where(Complaint.deleted.is_(False))
        if args.status:
            query = query.where(Complaint.status == args.status)
        elif args.open:
            query = query.where(Complaint.status.in_(OPEN_STATUSES))
        reopened = dict(
            session.execute(
                select(ComplaintStep.complaint_id, ComplaintStep.at)
                .where(ComplaintStep.kind == steps.REOPEN)
                .order_by(ComplaintStep.at)
            )
            .tuples()
            .all()
        )
        for complaint in session.scalars(query.order_by(Complaint.received_at)):
            record = complaint_record(
                complaint, now, share, stations.get(complaint.org_unit_id, ""),
                people.get(complaint.owner_id or ""), reopened.get(complaint.id),
            )  # fmt: skip
            if args.json:
                print(json.dumps(record, ensure_ascii=False))
                continue
            upcoming = record["next_deadline"] or {}
            print("\t".join(str(v or "") for v in (
                record["number"], record["status"], record["level"], record["owner"],
                record["received"], upcoming.get("kind"), upcoming.get("due"),
                upcoming.get("state"),
            )))  # fmt: skip


def register(sub: Any) -> None:
    """Add `complaints escalate|list` to the CLI's sub-commands."""
    complaints = sub.add_parser("complaints", help="complaint handling: SLA clock and register")
    actions = complaints.add_subparsers(dest="complaints_command", required=True)

    escalate = actions.add_parser(
        "escalate", help="warn and escalate the complaints whose deadlines are near or past"
    )
    escalate.add_argument("--db", required=True)
    escalate.add_argument("--now", help='the local time to run the clock at, "YYYY-MM-DD HH:MM"')
    escalate.set_defaults(func=cmd_escalate)

    listing = actions.add_parser("list", help="list complaints with their deadlines")
    listing.add_argument("--db", required=True)
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.add_argument("--now", help='judge the deadlines at this local time, "YYYY-MM-DD HH:MM"')
    listing.add_argument("--status", help="only this status (received, verifying, ..., archived)")
    listing.add_argument("--open", action="store_true", help="only complaints not archived")
    listing.set_defaults(func=cmd_list)
