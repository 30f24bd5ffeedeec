"""`desktop-crm report daily|weekly|monthly|complaints|customer`: the printable reports as
PDF or Excel files, for scheduled jobs and for people who work from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError

REPORT_HELP = """Write a printable report as an A4 PDF (Chinese font embedded) or an Excel file.

  daily       日报表: a station's (or area's, company's) day        --period YYYY-MM-DD
  weekly      回访报告: the week's callback reports with guidance    --period YYYY-Www
  monthly     月度分析: the monthly analysis pack                     --period YYYY-MM
  complaints  投诉台账: the complaint register of a period           --period any of the three
  customer    客户档案: one customer's file                           --customer ID|PHONE|PLATE|CARD

Without --org the report covers the top of the database's org tree. Without --user it
runs as the first active company administrator (phones masked as that role sees them;
the export is audited). Exit status 0 when the file was written (also for a period
without data: the report says so), 2 for bad input."""

EXIT_OK = 0


def cmd_report(args: argparse.Namespace) -> int:
    from desktop_crm.i18n import translate_message
    from desktop_crm.ids import now_ms
    from desktop_crm.models.db import open_database
    from desktop_crm.reports.catalog import (
        CUSTOMER,
        audit_report,
        build_report,
        check_format,
        find_customer,
        write_report,
    )
    from desktop_crm.reports.common import top_unit, unit_by_code
    from desktop_crm.reports.periods import parse_period
    from desktop_crm.services.users import acting_user

    check_format(args.out)
    period = None
    if args.kind != CUSTOMER:
        if not args.period:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "errors", "Give the period with --period (YYYY-MM-DD, YYYY-Www or YYYY-MM)."
                )
            )
        period = parse_period(args.period)
    elif not args.customer:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Give the customer with --customer (ID, phone or plate).")
        )
    path = Path(args.db).expanduser() if args.db else None
    if path is None or not path.exists():
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "There is no database at {path}."), path=str(args.db)
        )
    db = open_database(path, migrate=False)
    try:
        with db.sessions.begin() as session:
            user = acting_user(session, args.user)
            unit = unit_by_code(session, args.org) if args.org else top_unit(session)
            customer_id = find_customer(session, user, args.customer) if args.customer else None
            report = build_report(session, user, args.kind, unit, period, now_ms(), customer_id,
                                  tab_charts=args.tab_charts)  # fmt: skip
            write_report(report, args.out)
            audit_report(session, user, report, args.out)
    finally:
        db.close()
    if report.empty and report.empty_text:
        print(report.empty_text)
    print(
        translate_message("cli", QT_TRANSLATE_NOOP("cli", "Wrote {path}."), {"path": str(args.out)})
    )
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser(
        "report",
        help="write a printable report (PDF or Excel)",
        description=REPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("kind", choices=["daily", "weekly", "monthly", "complaints", "customer"])
    report.add_argument("--db", required=True)
    report.add_argument("--org", metavar="CODE", help="org unit code (default: the top unit)")
    report.add_argument("--period", help="YYYY-MM-DD, YYYY-Www or YYYY-MM")
    report.add_argument("--customer", help="customer: ID, phone, member no., plate or fuel card")
    report.add_argument("--user", metavar="LOGIN", help="run as this user (scope, masking, audit)")
    report.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx")
    report.add_argument("--tab-charts", action="store_true",
                        help="monthly: add every chart of the charts tab with its table (slow "
                             "the first time on a big database)")  # fmt: skip
    report.set_defaults(func=cmd_report)


if __name__ == "__main__":  # pragma: no cover - python -m desktop_crm.cli_reports
    from desktop_crm.cli import main

    sys.exit(main(["report", *sys.argv[1:]]))
