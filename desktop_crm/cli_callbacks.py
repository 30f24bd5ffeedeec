"""``desktop-crm callbacks generate|list``: run the callback rules, list the tasks.

    desktop-crm callbacks generate --db PATH [--today YYYY-MM-DD]
    desktop-crm callbacks list --db PATH [--json] [--status S]

``generate`` runs the rules once (idempotent: a second run the same day creates
nothing) and prints what it created and closed; branch IT schedules it nightly, the
app also runs it itself. ``list`` prints one task per line, as JSON with ``--json``.
Exit status 0, or 2 with a one-line reason for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.models import TaskReason, TaskStatus

EXIT_OK = 0

REASON_LABELS: dict[str, str] = {
    TaskReason.TIER: QT_TRANSLATE_NOOP("cli", "routine by level"),
    TaskReason.ABSENCE: QT_TRANSLATE_NOOP("cli", "absence anomaly"),
    TaskReason.VOLUME_DROP: QT_TRANSLATE_NOOP("cli", "volume drop"),
    TaskReason.EXIT_SURVEY: QT_TRANSLATE_NOOP("cli", "exit survey"),
}


def _today(value: str | None) -> date:
    if not value:
        from desktop_crm.ids import now_ms
        from desktop_crm.localtime import local_datetime

        return local_datetime(now_ms()).date()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "--today takes a date as YYYY-MM-DD, not {value}."),
            value=value,
        ) from exc


def cmd_generate(args: argparse.Namespace) -> int:
    from desktop_crm.cli import _db_path, _progress
    from desktop_crm.i18n import translate_message
    from desktop_crm.models.db import open_database
    from desktop_crm.services.callbacks.rules import run_rules

    today = _today(args.today)
    db = open_database(_db_path(args.db))
    try:
        with db.writer() as session:  # BEGIN IMMEDIATE: the write lock from the start
            result = run_rules(
                session,
                today,
                lambda d, t, label: _progress(d, t, translate_message("callbacks", label)),
            )
            session.commit()
    finally:
        db.close()

    def say(text: str, **params: Any) -> None:
        print(translate_message("cli", text, params))

    say(
        QT_TRANSLATE_NOOP(
            "cli", "Callback rules for {today}: {created} tasks created, {closed} closed."
        ),
        today=today.isoformat(),
        created=result.total_created,
        closed=result.closed,
    )
    for reason, count in result.created.items():
        label = translate_message("cli", REASON_LABELS.get(reason, reason))
        say(QT_TRANSLATE_NOOP("cli", "  created, {reason}: {count}"), reason=label, count=count)
    say(
        QT_TRANSLATE_NOOP("cli", "  closed, customer came back: {count}"),
        count=result.closed_returned,
    )
    say(
        QT_TRANSLATE_NOOP("cli", "  closed, do not disturb or no consent: {count}"),
        count=result.closed_not_contactable,
    )
    if result.refreshed:
        say(
            QT_TRANSLATE_NOOP("cli", "  last visit and usual interval updated: {count} customers"),
            count=result.refreshed,
        )
    return EXIT_OK


def task_records(session: Any, status: str | None) -> Any:
    """One dict per task, as ``list --json`` prints it, by due date."""
    from sqlalchemy import select
    from sqlalchemy.orm import aliased

    from desktop_crm.localtime import local_minute
    from desktop_crm.models import CallbackTask, Customer, User

    assignee = aliased(User)
    query = (
        select(
            CallbackTask.id,
            CallbackTask.customer_id,
            Customer.name,
            CallbackTask.reason,
            CallbackTask.status,
            CallbackTask.due_date,
            CallbackTask.appointment_at,
            assignee.login,
            assignee.name,
            CallbackTask.channel,
            CallbackTask.purpose,
        )
        .join(Customer, Customer.id == CallbackTask.customer_id)
        .outerjoin(assignee, assignee.id == CallbackTask.assignee_id)
        .where(CallbackTask.deleted.is_(False))
        .order_by(CallbackTask.due_date, CallbackTask.id)
    )
    if status:
        query = query.where(CallbackTask.status == status)
    for row in session.execute(query.execution_options(yield_per=2000)):
        yield {
            "id": row[0],
            "customer_id": row[1],
            "customer_name": row[2],
            "reason": row[3],
            "status": row[4],
            "due_date": row[5],
            "appointment": local_minute(row[6]) if row[6] else None,
            "assignee_login": row[7],
            "assignee_name": row[8],
            "channel": row[9],
            "purpose": row[10],
        }


def cmd_list(args: argparse.Namespace) -> int:
    from desktop_crm.cli import _db_path
    from desktop_crm.models.db import open_database

    db = open_database(_db_path(args.db))
    try:
        with db.sessions.begin() as session:
            for record in task_records(session, args.status):
                if args.json:
                    print(json.dumps(record, ensure_ascii=False))
                else:
                    print(
                        "\t".join(
                            str(record[k] or "")
                            for k in ("due_date", "status", "reason", "customer_name",
                                      "assignee_name", "purpose")
                        )
                    )  # fmt: skip
    except BrokenPipeError:  # piped into head: stop quietly
        sys.stderr.close()
    finally:
        db.close()
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``callbacks generate`` and ``callbacks list`` to the CLI's sub-commands."""
    callbacks = sub.add_parser("callbacks", help="run the callback rules, list callback tasks")
    inner = callbacks.add_subparsers(dest="callbacks_command", required=True)

    generate = inner.add_parser(
        "generate", help="run the callback rules once (idempotent: safe to run again)"
    )
    generate.add_argument("--db", required=True)
    generate.add_argument("--today", help="the day to run the rules for (YYYY-MM-DD)")
    generate.set_defaults(func=cmd_generate)

    listing = inner.add_parser("list", help="list callback tasks")
    listing.add_argument("--db", required=True)
    listing.add_argument("--json", action="store_true", help="one JSON object per task per line")
    listing.add_argument("--status", choices=[s.value for s in TaskStatus])
    listing.set_defaults(func=cmd_list)
