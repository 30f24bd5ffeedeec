"""``desktop-crm enroll`` and ``desktop-crm sync``: the desktop's side of head-office sync.

    desktop-crm enroll --db PATH --server URL --code CODE [--name NAME]
    desktop-crm sync --db PATH [--server URL]

``sync`` is meant for scheduled runs (Task Scheduler, cron): exit status 0 when the
sync completed, 2 with a one-line reason when it did not (nothing is lost then: the
next run goes on where this one stopped).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP

EXIT_OK = 0
REFUSALS_SHOWN = 20


def _say(text: str, **params: Any) -> str:
    from desktop_crm.i18n import translate_message

    return translate_message("cli", text, params)


def _say_error(text: str, **params: Any) -> str:
    from desktop_crm.i18n import translate_message

    return translate_message("errors", text, params)


def _open(path: str) -> Any:
    from pathlib import Path

    from desktop_crm.models.db import open_database

    return open_database(Path(path).expanduser())


def cmd_enroll(args: argparse.Namespace) -> int:
    from desktop_crm.sync.client import enroll
    from desktop_crm.sync.credentials import FILE

    db = _open(args.db)
    try:
        done = enroll(db, args.server, args.code, device_name=args.name)
    finally:
        db.close()
    print(_say(QT_TRANSLATE_NOOP("cli", "Enrolled with {server} for {code} {name}."),
               server=done.server_url, code=done.unit.code, name=done.unit.name))  # fmt: skip
    if done.joined:
        print(_say(QT_TRANSLATE_NOOP(
            "cli", "This stand-alone desktop joined with its data: its units and users now "
                   "carry the head office's ids and its data is sent with the next sync.")))  # fmt: skip
    if done.renamed:
        from desktop_crm.sync.joining import RENAMED, renamed_pairs

        print(_say_error(RENAMED, renamed=renamed_pairs(done.renamed)))
    if done.token_place.kind == FILE:
        print(_say(QT_TRANSLATE_NOOP(
            "cli", "No system credential store here: the token is kept in the file {path}, "
                   "readable by this user only."), path=done.token_place.description))  # fmt: skip
    else:
        print(_say(QT_TRANSLATE_NOOP(
            "cli", "The token is kept in the system credential store ({store})."),
            store=done.token_place.description))  # fmt: skip
    print(_say(QT_TRANSLATE_NOOP("cli", "Run desktop-crm sync --db {db} to fetch its data."),
               db=args.db))  # fmt: skip
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop_crm.sync import state
    from desktop_crm.sync.client import SyncClient
    from desktop_crm.sync.transport import normalise_server_url

    db = _open(args.db)
    try:
        if args.server:
            url = normalise_server_url(args.server)
            with db.writer() as session:
                state.put(session, state.SERVER_URL, url)
                session.commit()
        with SyncClient(db) as client:
            report = client.sync()
    finally:
        db.close()
    print(_say(QT_TRANSLATE_NOOP(
        "cli", "Synced with {server}: {pulled} rows received, {pushed} sent."),
        server=client.server_url, pulled=report.pulled, pushed=report.pushed))  # fmt: skip
    if report.superseded:
        print(_say(QT_TRANSLATE_NOOP(
            "cli", "{count} changes made here were replaced by newer ones from the head office "
                   "(kept in its conflict log)."), count=report.superseded))  # fmt: skip
    if report.kept_local:
        print(_say(QT_TRANSLATE_NOOP(
            "cli", "{count} changes concern units outside this desktop's part of the "
                   "organisation: they stay here and are not sent."), count=report.kept_local))  # fmt: skip
    if report.refused:
        print(_say(QT_TRANSLATE_NOOP(
            "cli", "{count} changes were refused by the head office and wait here:"),
            count=len(report.refused)), file=sys.stderr)  # fmt: skip
        for refusal in report.refused[:REFUSALS_SHOWN]:
            print(f"  {refusal.table} {refusal.id}: {refusal.reason}", file=sys.stderr)
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``enroll`` and ``sync`` to desktop-crm's sub-commands."""
    enroll = sub.add_parser("enroll", help="enrol this desktop with the head office")
    enroll.add_argument("--db", required=True, help="the desktop's database file")
    enroll.add_argument("--server", required=True, help="the head office, e.g. https://crm.example")
    enroll.add_argument("--code", required=True, help="the one-time enrolment code")
    enroll.add_argument(
        "--name", help="this desktop's name at the head office (default: host name)"
    )
    enroll.set_defaults(func=cmd_enroll)

    sync = sub.add_parser("sync", help="send changes to the head office and fetch new ones")
    sync.add_argument("--db", required=True)
    sync.add_argument("--server", help="a new address of the head office (kept for next time)")
    sync.set_defaults(func=cmd_sync)
