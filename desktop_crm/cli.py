"""The admin command line. Without a sub-command it starts the GUI.

Exit status: 0 on success, 2 for bad input (with a one-line reason on stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _db_path(value: str | None) -> Path:
    if value:
        return Path(value).expanduser()
    from desktop_crm.paths import default_database_path

    return default_database_path()


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop_crm.services.demo import generate

    if args.customers < 0:
        raise UserError(QT_TRANSLATE_NOOP("errors", "--customers must be 0 or more."))
    today = None
    if args.today:
        try:
            today = date.fromisoformat(args.today)
        except ValueError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP("errors", "--today takes a date as YYYY-MM-DD, not {value}."),
                value=args.today,
            ) from exc
    summary = generate(
        _db_path(args.db), customers=args.customers, seed=args.seed, progress=_progress, today=today
    )
    print(summary.describe())
    return EXIT_OK


def _progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{label}: {done}/{total}", end="", file=sys.stderr, flush=True)
        if done >= total:
            print(file=sys.stderr)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop_crm.app import run_gui

    return run_gui(_db_path(args.db), language=args.lang)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-crm", description="Customer-service desktop for branch offices."
    )
    parser.add_argument("--db", help="database file (default: in the per-user data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language for this run")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="create a realistic demo database")
    demo.add_argument("--db", required=True, help="database file to create or fill")
    demo.add_argument("--customers", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--today", help="the day the data leads up to (YYYY-MM-DD; default: today)")
    demo.set_defaults(func=cmd_demo)
    return parser


def translate_error(error: UserError) -> str:
    """The error in the user's language (Chinese unless DESKTOP_CRM_LANG=en)."""
    from desktop_crm.i18n import translate_message

    return translate_message(error.context, error.text, error.params)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UserError as error:
        print(translate_error(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
