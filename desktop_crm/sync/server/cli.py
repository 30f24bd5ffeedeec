"""``desktop-crm-server``: run the head office and set it up.

    desktop-crm-server [--database-url URL] [run] [--host 127.0.0.1] [--port 8765]
                       [--ssl-certfile CERT --ssl-keyfile KEY]
    desktop-crm-server init --company-code CODE --company-name NAME [--admin-login L]
    desktop-crm-server init --demo N [--seed S] [--today YYYY-MM-DD]
    desktop-crm-server org list [--json]
    desktop-crm-server enroll-code --org CODE [--days 7] [--json]
    desktop-crm-server tokens list [--json] | tokens revoke DEVICE_ID
    desktop-crm-server conflicts list [--json]

The database is SQLite in the per-user data folder unless --database-url (or the
environment variable DESKTOP_CRM_DATABASE_URL) names another, e.g.
postgresql://crm:secret@db.example/crm. Exit status 0 on success, 2 for bad input,
with a one-line reason on stderr. The head office's operators read English here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

EXIT_OK = 0
EXIT_BAD_INPUT = 2
DEFAULT_PORT = 8765
URL_ENV = "DESKTOP_CRM_DATABASE_URL"


class BadInput(Exception):
    pass


def _store(args: argparse.Namespace) -> Any:
    from desktop_crm.sync.server.storage import default_database_url, open_store

    url = args.database_url or os.environ.get(URL_ENV) or default_database_url()
    try:
        return open_store(url)
    except Exception as exc:  # noqa: BLE001 - any failure to open is reported in one line
        raise BadInput(f"cannot open the database {url}: {exc}") from exc


def _when(ms: int | None) -> str:
    if ms is None:
        return "-"
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def cmd_run(args: argparse.Namespace) -> int:
    import uvicorn

    from desktop_crm.sync.server.app import create_app

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise BadInput("--ssl-certfile and --ssl-keyfile go together")
    app = create_app(store=_store(args))
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        log_level=args.log_level,
        timeout_graceful_shutdown=5,
        # Desktops send a push right after their pull: keep their connection open for it
        # (uvicorn's 5 s default closes it under load, just as the desktop reuses it).
        timeout_keep_alive=30,
    )
    return EXIT_OK


def _enrol_code(store: Any, org_code: str, days: int) -> tuple[str, Any, int]:
    from desktop_crm.sync.server.auth import DAY_MS, issue_code

    with store.writes() as session, session.begin():
        try:
            code, unit = issue_code(session, org_code, days)
        except LookupError as exc:
            raise BadInput(str(exc)) from exc
        return code, unit, days * DAY_MS


def cmd_init(args: argparse.Namespace) -> int:
    from desktop_crm.errors import UserError
    from desktop_crm.ids import now_ms
    from desktop_crm.sync.server.admin import SetupRefused, init_company, init_demo

    store = _store(args)
    try:
        if args.demo is not None:
            if args.demo < 0:
                raise BadInput("--demo takes a number of customers, 0 or more")
            today = date.fromisoformat(args.today) if args.today else None
            summary, rows = init_demo(store, args.demo, seed=args.seed, today=today)
            print(summary.describe())
            print(f"Copied {rows} rows into the head office.")
            from desktop_crm.services.demo.generator import COMPANY_CODE

            company_code = COMPANY_CODE
        else:
            if not args.company_code or not args.company_name:
                raise BadInput("init needs --company-code and --company-name (or --demo N)")
            made = init_company(
                store,
                args.company_code,
                args.company_name,
                admin_login=args.admin_login,
                admin_name=args.admin_name,
                admin_password=os.environ.get("DESKTOP_CRM_ADMIN_PASSWORD"),
            )
            print(f"Company {made.company.code} {made.company.name} created ({made.rows} rows).")
            print(f"Administrator: {made.admin_login}  password: {made.admin_password}")
            print("  (shown once: change it after the first login)")
            company_code = made.company.code
        code, unit, valid = _enrol_code(store, company_code, args.days)
        print(f"Enrolment code for the administrator's desktop ({unit.code}): {code}")
        print(f"  valid until {_when(now_ms() + valid)}; use it once with:")
        print(f"  desktop-crm enroll --server https://<this server> --code {code}")
    except SetupRefused as exc:
        raise BadInput(str(exc)) from exc
    except UserError as exc:
        raise BadInput(str(exc)) from exc
    except ValueError as exc:
        raise BadInput(str(exc)) from exc
    finally:
        store.close()
    return EXIT_OK


def cmd_org_list(args: argparse.Namespace) -> int:
    from desktop_crm.sync.server.admin import org_tree

    store = _store(args)
    try:
        with store.reads() as session:
            units = org_tree(session)
    finally:
        store.close()
    for unit in units:
        if args.json:
            print(json.dumps(unit, ensure_ascii=False))
        else:
            indent = "  " * unit["depth"]
            state = "" if unit["active"] else "  (inactive)"
            print(f"{indent}{unit['code']}\t{unit['name']}\t{unit['kind']}{state}")
    return EXIT_OK


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from desktop_crm.ids import now_ms

    store = _store(args)
    try:
        code, unit, valid = _enrol_code(store, args.org, args.days)
    finally:
        store.close()
    expires = now_ms() + valid
    if args.json:
        print(json.dumps({"code": code, "org": unit.code, "name": unit.name, "kind": unit.kind,
                          "expires_at": expires}, ensure_ascii=False))  # fmt: skip
    else:
        print(code)
        print(f"  for {unit.code} {unit.name} ({unit.kind}), once, until {_when(expires)}")
    return EXIT_OK


def cmd_tokens_list(args: argparse.Namespace) -> int:
    from desktop_crm.sync.server.auth import list_devices

    store = _store(args)
    try:
        with store.reads() as session:
            devices = list_devices(session)
            rows = [
                {
                    "device_id": d.id,
                    "name": d.name,
                    "org": unit.code if unit else None,
                    "created_at": d.created_at,
                    "last_seen_at": d.last_seen_at,
                    "revoked_at": d.revoked_at,
                }
                for d, unit in devices
            ]
    finally:
        store.close()
    for row in rows:
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            state = f"revoked {_when(row['revoked_at'])}" if row["revoked_at"] else "active"
            print(f"{row['device_id']}\t{row['org']}\t{row['name']}\t"
                  f"last seen {_when(row['last_seen_at'])}\t{state}")  # fmt: skip
    return EXIT_OK


def cmd_tokens_revoke(args: argparse.Namespace) -> int:
    from desktop_crm.sync.server.auth import revoke

    store = _store(args)
    try:
        with store.writes() as session, session.begin():
            if not revoke(session, args.device_id):
                raise BadInput(f"no single device matches {args.device_id}: see 'tokens list'")
    finally:
        store.close()
    print(f"Revoked the token of device {args.device_id}.")
    return EXIT_OK


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    from desktop_crm.sync.server.admin import conflicts

    store = _store(args)
    try:
        with store.reads() as session:
            rows = conflicts(session, args.limit)
    finally:
        store.close()
    for row in rows:
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"{_when(row['at'])}\t{row['table']}\t{row['row_id']}\t{row['reason']}\t"
                  f"lost by {row['loser_device']}")  # fmt: skip
    return EXIT_OK


def _serving_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    def default(value: Any) -> Any:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument("--host", default=default("127.0.0.1"),
                        help="address to listen on (default 127.0.0.1: this computer only)")  # fmt: skip
    parser.add_argument("--port", type=int, default=default(DEFAULT_PORT))
    parser.add_argument("--ssl-certfile", default=default(None),
                        help="TLS certificate (PEM) for HTTPS")  # fmt: skip
    parser.add_argument("--ssl-keyfile", default=default(None), help="its private key (PEM)")
    parser.add_argument("--log-level", default=default("info"),
                        choices=["critical", "error", "warning", "info", "debug"])  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-crm-server",
        description="The head office of desktop_crm: sync server and its set-up.",
    )
    url_help = f"database URL (default: ${URL_ENV}, else SQLite in the per-user data folder)"
    parser.add_argument("--database-url", help=url_help)
    _serving_options(parser, suppress=False)
    parser.set_defaults(func=cmd_run)
    sub = parser.add_subparsers(dest="command")

    def command(name: str, func: Callable[[argparse.Namespace], int], **kw: Any) -> Any:
        p = sub.add_parser(name, **kw)
        p.add_argument("--database-url", default=argparse.SUPPRESS, help=url_help)
        p.set_defaults(func=func)
        return p

    run = command("run", cmd_run, help="serve the sync API (the default)")
    _serving_options(run, suppress=True)

    init = command("init", cmd_init, help="create the company (or the demo company)")
    init.add_argument("--company-code")
    init.add_argument("--company-name")
    init.add_argument("--admin-login", default="admin")
    init.add_argument("--admin-name", default="Administrator")
    init.add_argument("--demo", type=int, metavar="N", help="the demo company with N customers")
    init.add_argument("--seed", type=int, default=1)
    init.add_argument("--today", help="the day the demo data leads up to (YYYY-MM-DD)")
    init.add_argument("--days", type=int, default=7, help="validity of the enrolment code")

    org = command("org", lambda a: 0, help="the org tree")
    org_sub = org.add_subparsers(dest="org_command", required=True)
    org_list = org_sub.add_parser("list", help="list the org units with their codes")
    org_list.add_argument("--json", action="store_true", help="one JSON object a line")
    org_list.add_argument("--database-url", default=argparse.SUPPRESS, help=url_help)
    org_list.set_defaults(func=cmd_org_list)

    code = command("enroll-code", cmd_enroll_code, help="a one-time code to enrol a desktop")
    code.add_argument("--org", required=True, metavar="CODE", help="the station's or area's code")
    code.add_argument("--days", type=int, default=7, help="how long the code is valid")
    code.add_argument("--json", action="store_true")

    tokens = command("tokens", lambda a: 0, help="enrolled desktops and their tokens")
    tokens_sub = tokens.add_subparsers(dest="tokens_command", required=True)
    tokens_list = tokens_sub.add_parser("list")
    tokens_list.add_argument("--json", action="store_true")
    tokens_list.add_argument("--database-url", default=argparse.SUPPRESS, help=url_help)
    tokens_list.set_defaults(func=cmd_tokens_list)
    tokens_revoke = tokens_sub.add_parser("revoke")
    tokens_revoke.add_argument("device_id", help="the device id (or a unique prefix of it)")
    tokens_revoke.add_argument("--database-url", default=argparse.SUPPRESS, help=url_help)
    tokens_revoke.set_defaults(func=cmd_tokens_revoke)

    conflicts = command("conflicts", lambda a: 0, help="versions that lost a conflict")
    conflicts_sub = conflicts.add_subparsers(dest="conflicts_command", required=True)
    conflicts_list = conflicts_sub.add_parser("list")
    conflicts_list.add_argument("--json", action="store_true")
    conflicts_list.add_argument("--limit", type=int, default=200)
    conflicts_list.add_argument("--database-url", default=argparse.SUPPRESS, help=url_help)
    conflicts_list.set_defaults(func=cmd_conflicts_list)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not hasattr(args, "database_url"):
        args.database_url = None
    try:
        return int(args.func(args))
    except BadInput as exc:
        print(f"desktop-crm-server: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
