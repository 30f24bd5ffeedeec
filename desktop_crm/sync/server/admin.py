"""The head office's own set-up: a new company, the demo company, the org tree, conflicts.

A company (or the demo company) is first made in a scratch desktop store by the same
services the desktop uses (codes checked, default SLA policies, the administrator's
password hashed, the set-up audited), then copied row by row into the head office's
database, each row with its own USN, so every desktop pulls it like any other change.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from desktop_crm.models import OrgKind, OrgUnit, Role
from desktop_crm.models.db import open_database
from desktop_crm.sync.server.models import Conflict, UsnCounter
from desktop_crm.sync.server.storage import ServerStore
from desktop_crm.sync.tables import SyncedTable, synced_tables

COPY_CHUNK = 5000
Progress = Callable[[str, int], None]


class SetupRefused(Exception):
    """The head office cannot be set up as asked (the reason is the message)."""


@dataclass
class CompanyCreated:
    company: OrgUnit
    admin_login: str
    admin_password: str
    rows: int


def _has_org(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(OrgUnit)))


def _self_references(synced: SyncedTable) -> list[str]:
    return [
        fk.parent.name
        for fk in synced.table.foreign_keys
        if fk.column.table is synced.table and fk.parent.name != "id"
    ]


def copy_store(
    store: ServerStore,
    source: Path,
    session: Session,
    counter: UsnCounter,
    progress: Progress | None = None,
) -> int:
    """Every synced row of the desktop store at ``source`` into the head office, new USNs.

    Self-references (a unit's parent, a customer's referrer) are set in a second pass,
    so the rows may come in any order.
    """
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    copied = 0
    try:
        for synced in synced_tables():
            columns = [c for c in synced.columns if c != "usn"]
            later = _self_references(synced)
            booleans = {c.name for c in synced.table.columns if c.type.python_type is bool}
            order = "length(path), rowid" if synced.name == "org_units" else "rowid"
            cursor = conn.execute(
                f"SELECT {', '.join(columns)} FROM {synced.name} ORDER BY {order}"
            )
            fixes: list[dict[str, Any]] = []
            while chunk := cursor.fetchmany(COPY_CHUNK):
                rows = []
                for values in chunk:
                    row = dict(zip(columns, values, strict=True))
                    for name in booleans:
                        if row[name] is not None:
                            row[name] = bool(row[name])
                    for name in later:
                        if row[name] is not None:
                            fixes.append({"b_id": row["id"], "b_value": row[name], "col": name})
                            row[name] = None
                    counter.usn += 1
                    row["usn"] = counter.usn
                    rows.append(row)
                session.execute(synced.table.insert(), rows)
                copied += len(rows)
                if progress:
                    progress(synced.name, copied)
            for name in later:
                updates = [f for f in fixes if f["col"] == name]
                if updates:
                    session.execute(
                        synced.table.update()
                        .where(synced.table.c.id == bindparam("b_id"))
                        .values({name: bindparam("b_value")}),
                        [{"b_id": f["b_id"], "b_value": f["b_value"]} for f in updates],
                    )
    finally:
        conn.close()
    return copied


def init_company(
    store: ServerStore,
    code: str,
    name: str,
    admin_login: str = "admin",
    admin_name: str = "Administrator",
    admin_password: str | None = None,
) -> CompanyCreated:
    """A new company with its administrator; refused if the head office has an org tree."""
    from desktop_crm.services.complaints.sla import ensure_default_policies
    from desktop_crm.services.orgs import create_org_unit
    from desktop_crm.services.users import create_user

    password = admin_password or secrets.token_urlsafe(9)
    with tempfile.TemporaryDirectory(prefix="crm-init-") as folder:
        scratch = open_database(Path(folder) / "company.db")
        try:
            with scratch.sessions.begin() as local:
                company = create_org_unit(local, None, code, name, OrgKind.COMPANY, None)
                ensure_default_policies(local, company.id)
                create_user(local, None, admin_login, admin_name, Role.COMPANY_ADMIN, company,
                            password)  # fmt: skip
                company_id = company.id
        finally:
            scratch.close()
        with store.writer() as (session, counter):
            if _has_org(session):
                raise SetupRefused("The head office already holds an org tree.")
            rows = copy_store(store, Path(folder) / "company.db", session, counter)
        with store.reads() as session:
            unit = session.get_one(OrgUnit, company_id)
    return CompanyCreated(unit, admin_login, password, rows)


def init_demo(
    store: ServerStore,
    customers: int,
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
) -> tuple[Any, int]:
    """The demo company of ``desktop-crm demo`` (same data for the same seed and day)."""
    from desktop_crm.services.demo import generate

    with store.reads() as session:
        if _has_org(session):
            raise SetupRefused("The head office already holds an org tree.")
    with tempfile.TemporaryDirectory(prefix="crm-demo-") as folder:
        path = Path(folder) / "demo.db"
        summary = generate(path, customers=customers, seed=seed, today=today)
        with store.writer() as (session, counter):
            if _has_org(session):
                raise SetupRefused("The head office already holds an org tree.")
            rows = copy_store(store, path, session, counter, progress)
    return summary, rows


def org_tree(session: Session) -> list[dict[str, Any]]:
    """Every unit, parents first: code, name, kind, parent code, depth, active, id."""
    units = list(session.scalars(select(OrgUnit).where(OrgUnit.deleted.is_(False))))
    codes = {u.id: u.code for u in units}
    ordered = sorted(units, key=lambda u: [codes.get(p, p) for p in u.path.strip("/").split("/")])
    return [
        {
            "code": u.code,
            "name": u.name,
            "kind": u.kind,
            "parent": codes.get(u.parent_id) if u.parent_id else None,
            "depth": u.path.count("/") - 2,
            "active": bool(u.active),
            "id": u.id,
        }
        for u in ordered
    ]


def conflicts(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    rows = session.scalars(select(Conflict).order_by(Conflict.id.desc()).limit(limit)).all()
    return [
        {
            "at": c.at,
            "table": c.table_name,
            "row_id": c.row_id,
            "reason": c.reason,
            "loser_device": c.loser_device_id,
            "loser_updated_at": c.loser_updated_at,
            "winner_device": c.winner_device_id,
            "winner_updated_at": c.winner_updated_at,
            "loser_row": json.loads(c.loser_row),
        }
        for c in rows
    ]
