"""The admin command line. Without a sub-command it starts the GUI.

Exit status: 0 on success, 2 for bad input (with a one-line reason on stderr).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError

EXIT_OK = 0
EXIT_BAD_INPUT = 2
ERRORS_SHOWN = 20  # refused rows printed by `import` (all go to --errors)


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


def cmd_search(args: argparse.Namespace) -> int:
    """The tab's search: one JSON object per customer per line (or a readable line)."""
    import json
    from dataclasses import asdict

    from desktop_crm.models import OrgUnit
    from desktop_crm.models.db import open_database
    from desktop_crm.services.customer_list import search_page
    from desktop_crm.services.users import acting_user

    db = open_database(_db_path(args.db))
    try:
        with db.sessions.begin() as session:
            user = acting_user(session, args.user)
            scope = session.get_one(OrgUnit, user.org_unit_id)
            rows, _cursor = search_page(session, user, scope, args.query, limit=args.limit)
    finally:
        db.close()
    for row in rows:
        record = {k: v for k, v in asdict(row).items() if k not in ("rowid", "sort_value")}
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(
                "\t".join(
                    str(record[k] or "") for k in ("name", "phone", "plate", "level", "station")
                )
            )
    return EXIT_OK


IMPORT_HELP = """Import customers or refuel visits from a .csv (UTF-8 or GBK) or .xlsx file.

The header row may sit below a title line; common column names (姓名, 手机, 车牌, 卡号,
身份证, 交易时间, 升数, 金额, ...) map by themselves, others through --map. Customers
already in the store (same card, plate, phone and name, or ID number) are updated, not
duplicated; visits already imported are skipped. Valid rows are imported in one
transaction; each refused row is reported with its row number as Excel shows it.

Exit status: 0 when the file was read and its valid rows imported (even if some rows
were refused: see --errors); 2 when the file cannot be read, has no recognisable
header row or no valid row (nothing is imported then).
Without --user the import runs as the first active company administrator (audited as
such)."""

EXPORT_HELP = """Export customers to .xlsx or .csv (UTF-8 with BOM) with Chinese headers that
the import reads back. Phone and ID numbers are masked unless the user's role may see
them; the export is audited. Without --user it runs as the first active company
administrator."""


def cmd_import(args: argparse.Namespace) -> int:
    from desktop_crm.i18n import translate_message
    from desktop_crm.models.db import open_database
    from desktop_crm.services.importing import import_file, parse_mapping_spec, write_error_report
    from desktop_crm.services.users import acting_user

    mapping = parse_mapping_spec(args.map) if args.map else None
    db = open_database(_db_path(args.db))
    try:
        with db.writer() as session:  # BEGIN IMMEDIATE: the write lock from the start
            user = acting_user(session, args.user)
            result = import_file(
                session, args.kind, Path(args.file), user, mapping=mapping,
                station=args.station, create_missing=args.create_missing,
                progress=lambda d, t, label: _progress(d, t, translate_message("import", label)),
            )  # fmt: skip
            if result.valid_rows:
                session.commit()
            else:
                session.rollback()  # nothing to keep, not even the audit line
    finally:
        db.close()
    if args.errors:  # written on every run, so a nightly job never reads a stale one
        write_error_report(result.errors, Path(args.errors), result.headers)
    counts = translate_message(
        "cli",
        QT_TRANSLATE_NOOP(
            "cli", "Imported {imported}, updated {updated}, skipped {skipped}, errors {errors}."
        ),
        {**result.counts(), "errors": len(result.errors)},
    )
    print(counts)
    if result.created_customers:
        print(translate_message("cli", QT_TRANSLATE_NOOP(
            "cli", "Plate-only customers created: {count}."), {"count": result.created_customers}))  # fmt: skip
    for error in result.errors[:ERRORS_SHOWN]:
        reason = translate_message("import", error.text, error.params)
        print(translate_message("cli", QT_TRANSLATE_NOOP("cli", "Row {row}: {reason}"),
                                {"row": error.row, "reason": reason}), file=sys.stderr)  # fmt: skip
    if len(result.errors) > ERRORS_SHOWN and not args.errors:
        print(translate_message("cli", QT_TRANSLATE_NOOP(
            "cli", "... {count} more refused rows: write them all with --errors FILE.csv"),
            {"count": len(result.errors) - ERRORS_SHOWN}), file=sys.stderr)  # fmt: skip
    if not result.valid_rows:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "No row of {file} could be imported; nothing was changed."),
            file=Path(args.file).name,
        )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from desktop_crm.i18n import translate_message
    from desktop_crm.models import OrgUnit
    from desktop_crm.models.db import open_database
    from desktop_crm.services.customer_list import CustomerFilter, export_statement
    from desktop_crm.services.exporting import export_customers
    from desktop_crm.services.users import acting_user

    db = open_database(_db_path(args.db))
    try:
        with db.sessions.begin() as session:  # reads; the write lock only for the audit line
            user = acting_user(session, args.user)
            scope = session.get_one(OrgUnit, user.org_unit_id)
            station_id = None
            if args.station:
                from sqlalchemy import select

                unit = session.scalar(select(OrgUnit).where(OrgUnit.code == args.station))
                if unit is None:
                    raise UserError(
                        QT_TRANSLATE_NOOP("errors", "There is no station {station}."),
                        station=args.station,
                    )
                if not unit.path.startswith(scope.path):
                    raise UserError(
                        QT_TRANSLATE_NOOP(
                            "errors", "The station {station} is outside your organisation."
                        ),
                        station=args.station,
                    )
                station_id = unit.id
            flt = CustomerFilter(station_id=station_id, kind=args.customer_kind, level=args.level,
                                 status=args.status, profile_stage=args.stage, tag=args.tag)  # fmt: skip
            label = translate_message("cli", QT_TRANSLATE_NOOP("cli", "Exporting customers"))
            rows = export_customers(
                session, user, export_statement(session, scope, flt), Path(args.out),
                progress=lambda d, t, _label: _progress(d, t, label),
            )  # fmt: skip
    finally:
        db.close()
    print(translate_message("cli", QT_TRANSLATE_NOOP("cli", "Exported {rows} customers to {path}."),
                            {"rows": rows, "path": args.out}))  # fmt: skip
    return EXIT_OK


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

    search = sub.add_parser("search", help="find customers as the customer tab does")
    search.add_argument("query", help="name piece, pinyin, phone or its last digits, plate, card")
    search.add_argument("--db", required=True)
    search.add_argument("--json", action="store_true", help="one JSON object per customer per line")
    search.add_argument("--user", help="search as this login (default: the company administrator)")
    search.add_argument("--limit", type=int, default=200)
    search.set_defaults(func=cmd_search)

    imp = sub.add_parser("import", help="import customers or visits from CSV / Excel",
                         description=IMPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    imp.add_argument("kind", choices=["customers", "visits"])
    imp.add_argument("file", help=".csv (UTF-8 or GBK) or .xlsx file")
    imp.add_argument("--db", required=True)
    imp.add_argument("--errors", metavar="OUT.csv", help="write the refused rows and reasons here")
    imp.add_argument("--map", metavar="列=字段,...",
                     help='columns that do not map by themselves, e.g. "联系人手机=phone,车号=plate"')  # fmt: skip
    imp.add_argument("--station", metavar="CODE", help="station of rows without a station column")
    imp.add_argument("--user", metavar="LOGIN", help="import as this user")
    imp.add_argument("--create-missing", action="store_true",
                     help="visits: make a plate-only customer for an unknown plate")  # fmt: skip
    imp.set_defaults(func=cmd_import)

    exp = sub.add_parser("export", help="export customers to .xlsx or .csv",
                         description=EXPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    exp.add_argument("kind", choices=["customers"])
    exp.add_argument("out", help="OUT.xlsx or OUT.csv")
    exp.add_argument("--db", required=True)
    exp.add_argument("--user", metavar="LOGIN", help="export as this user (masking, scope, audit)")
    exp.add_argument("--station", metavar="CODE", help="only the customers of this unit's subtree")
    exp.add_argument("--level", help="only this level (VIP, A, B, ...)")
    exp.add_argument("--kind", dest="customer_kind", choices=["organisation", "person"])
    exp.add_argument("--status", choices=["prospect", "new", "active", "dormant", "lost"])
    exp.add_argument("--stage", choices=["plate_only", "preliminary", "complete"])
    exp.add_argument("--tag", help="only customers with this tag")
    exp.set_defaults(func=cmd_export)
    from desktop_crm.cli_callbacks import register as register_callbacks

    register_callbacks(sub)
    from desktop_crm.cli_complaints import register as register_complaints

    register_complaints(sub)
    from desktop_crm.cli_reports import register as register_reports

    register_reports(sub)
    from desktop_crm.cli_sync import register as register_sync

    register_sync(sub)
    return parser


def translate_error(error: UserError) -> str:
    """The error in the user's language (Chinese unless DESKTOP_CRM_LANG=en)."""
    from desktop_crm.i18n import translate_message

    return translate_message(error.context, error.text, error.params)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    previous = os.environ.get("DESKTOP_CRM_LANG")
    if args.lang:  # --lang before a sub-command applies to its messages too
        os.environ["DESKTOP_CRM_LANG"] = args.lang
    try:
        return func(args)
    except UserError as error:
        print(translate_error(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    finally:
        if args.lang:
            if previous is None:
                os.environ.pop("DESKTOP_CRM_LANG", None)
            else:
                os.environ["DESKTOP_CRM_LANG"] = previous
