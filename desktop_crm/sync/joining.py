"""A stand-alone desktop joins a head office and keeps its data.

A desktop set up by the first-run dialog has an org tree of its own (company, area,
station, with ids made here) and the people and data of its station. It joins with an
enrolment code for its station (or area): the code names a unit whose code this
desktop must hold. The head office is the authority for org units and users, so:

- its org tree and users (those a desktop of that unit receives) are read from the
  first pages of a pull first (fetch_tree);
- the local units are matched to the head office's by code and the local users by
  login: every reference to them in every table takes the head office's id, and the
  head office's version replaces the local one with the pull that follows;
- units and users made here that the head office does not know, inside the joining
  unit's subtree, are sent like any other change (a user whose name someone elsewhere in
  the company has gets the unit's code added to it, e.g. ``zhangwei-gs0101``); users made here in units outside it
  (e.g. the stand-alone administrator) are kept, inactive, in the joining unit, so the
  history they wrote keeps its author;
- settings, SLA policies, holidays and rules of the units above are the head office's
  from now on (the local copies go); campaigns and audit events move with the unit.

All of that is one transaction, together with the enrolment record; a desktop that
holds data of units outside the joining unit is refused before the code is spent.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import OrgUnit, Role, User
from desktop_crm.models.base import Base
from desktop_crm.models.db import Database, transaction_without_foreign_keys
from desktop_crm.sync import state
from desktop_crm.sync.errors import SyncError
from desktop_crm.sync.protocol import (
    MAX_PULL_ROWS,
    CodeCheckAnswer,
    OrgUnitInfo,
    PullAnswer,
    PullRequest,
)
from desktop_crm.sync.tables import LINEAGE_TABLES, ScopeKind, synced_tables

NO_SUCH_UNIT = QT_TRANSLATE_NOOP(
    "errors",
    "This enrolment code is for {unit_code} {name}, but this desktop's organisation has no "
    "unit with the code {unit_code}. Ask the company administrator for a code of your own station "
    "(the code was not used).",
)
DATA_OUTSIDE = QT_TRANSLATE_NOOP(
    "errors",
    "This desktop holds data of units outside {unit_code} ({units}), which a desktop of "
    "{unit_code} cannot send. Ask the company administrator for a code of a unit above them (the code "
    "was not used).",
)
RENAMED = QT_TRANSLATE_NOOP(
    "errors",
    "Some user names here were already used elsewhere in the company, so these users log "
    "in with new names from now on: {renamed}.",
)


def renamed_pairs(renamed: dict[str, str]) -> str:
    """The logins renamed while joining, as RENAMED lists them: old → new, ..."""
    return ", ".join(f"{old} → {new}" for old, new in renamed.items())


NOT_CONSISTENT = QT_TRANSLATE_NOOP(
    "errors",
    "Joining the head office was stopped because the data would no longer fit together "
    "({reason}); nothing was changed. Tell the company administrator.",
)

# Reference data of the units above: the head office's copy applies once joined.
REPLACED_FROM_ABOVE = LINEAGE_TABLES - {"users", "campaigns"}
# Owned by a unit and carried along into the joining unit when theirs is not synced.
CARRIED = frozenset({"campaigns", "audit_events"})
# Columns that hold an org unit's or a user's id without a foreign key.
LOOSE_REFERENCES = (
    ("audit_events", "entity_id"),
    ("complaints", "handling_org_id"),
)


def is_stand_alone(session: Session) -> bool:
    """An org tree here and never enrolled: a desktop made by the first-run dialog."""
    has_tree = session.scalar(select(OrgUnit.id).limit(1)) is not None
    return has_tree and not state.get(session, state.DEVICE_ID)


def local_logins(db: Database) -> list[str]:
    with db.sessions() as session:
        return sorted(session.scalars(select(User.login)))


def check_joinable(db: Database, check: CodeCheckAnswer) -> None:
    """Before the code is spent: this desktop holds the unit, and no data outside it."""
    unit = check.org_unit
    with db.sessions() as session:
        local = session.scalars(select(OrgUnit).where(OrgUnit.code == unit.code)).first()
        if local is None:
            raise SyncError(NO_SUCH_UNIT, "no_such_unit", unit_code=unit.code, name=unit.name)
        outside = _units_with_data_outside(session.connection(), local.path)
    if outside:
        raise SyncError(DATA_OUTSIDE, "data_outside", unit_code=unit.code, units=", ".join(outside))


def _units_with_data_outside(conn: Connection, path: str) -> list[str]:
    """Codes of units outside the subtree at ``path`` that own customer data here."""
    inside = {
        r[0]
        for r in conn.exec_driver_sql("SELECT id FROM org_units WHERE path LIKE ?", (path + "%",))
    }
    owners: set[str] = set()
    for synced in synced_tables():
        if synced.scope is not ScopeKind.SUBTREE or synced.name in CARRIED:
            continue
        for (owner,) in conn.exec_driver_sql(f"SELECT DISTINCT org_unit_id FROM {synced.name}"):
            if owner not in inside:
                owners.add(owner)
    if not owners:
        return []
    marks = ", ".join("?" for _ in owners)
    codes = conn.exec_driver_sql(
        f"SELECT code FROM org_units WHERE id IN ({marks}) ORDER BY code", tuple(owners)
    )
    return [r[0] for r in codes]


@dataclass(frozen=True)
class HeadOfficeTree:
    """The head office's units (by code) and users (by login) as a desktop of the unit sees."""

    units: dict[str, tuple[str, str | None, str]]  # code -> (id, parent id, path)
    users: dict[str, str]  # login -> id


def fetch_tree(server_url: str, token: str) -> HeadOfficeTree:
    """The head office's units and users as the joining desktop sees them: the first
    pages of a first pull, read as they arrive. The head office sends tables parents
    first, units and users before any customer; the pull into the store comes later."""
    from desktop_crm.sync.transport import HttpTransport

    names = [t.name for t in synced_tables()]
    leading = set(names[: names.index("users") + 1])  # the tables sent up to the users
    rows: dict[str, dict[str, dict[str, Any]]] = {"org_units": {}, "users": {}}  # by id
    request = PullRequest(since=0, limit=MAX_PULL_ROWS)
    transport = HttpTransport(server_url, token)
    try:
        while True:
            page = transport.post("/pull", request, PullAnswer)
            for block in page.tables:
                for values in block.rows if block.table in rows else ():
                    row = dict(zip(block.columns, values, strict=True))
                    rows[block.table][row["id"]] = row
            if page.cursor is None or page.cursor.table not in leading:
                break
            request = request.model_copy(update={"upto": page.upto, "cursor": page.cursor})
    finally:
        transport.close()
    return HeadOfficeTree(
        {u["code"]: (u["id"], u["parent_id"], u["path"]) for u in rows["org_units"].values()},
        {u["login"]: u["id"] for u in rows["users"].values()},
    )


@contextmanager
def joining_transaction(db: Database) -> Iterator[Session]:
    """BEGIN IMMEDIATE with foreign keys off while ids change; checked before commit."""
    with transaction_without_foreign_keys(db) as (conn, session):
        yield session
        session.flush()
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            table, _rowid, parent, _fk = broken[0]
            raise SyncError(NOT_CONSISTENT, "join_inconsistent", reason=f"{table} -> {parent}")


def _references() -> list[tuple[str, str]]:
    """Every (table, column) that holds an org unit's or a user's id."""
    found: list[tuple[str, str]] = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            targets = {fk.column.table.name for fk in column.foreign_keys}
            if targets & {"org_units", "users"}:
                found.append((table.name, column.name))
        if table.name in ("org_units", "users"):
            found.append((table.name, "id"))
    found.extend(LOOSE_REFERENCES)
    return found


def new_login(login: str, unit_code: str) -> str:
    return f"{login}-{unit_code.lower()}"[:64]


def adopt_head_office_ids(
    session: Session, unit: OrgUnitInfo, tree: HeadOfficeTree, taken: list[str] | None = None
) -> dict[str, str]:
    """Match local units by code and users by login to the head office's, in the caller's
    transaction (foreign keys off): see the module's description. Local users whose name
    someone elsewhere in the company has (``taken``) get the unit's code added to it;
    returns those renames."""
    conn = session.connection()
    renamed: dict[str, str] = {}
    for login in taken or []:
        renamed[login] = new_login(login, unit.code)
        conn.exec_driver_sql("UPDATE users SET login = ? WHERE login = ?", (renamed[login], login))
        conn.exec_driver_sql("DELETE FROM login_states WHERE login = ?", (login,))
    local_units = {
        code: (uid, path)
        for uid, code, path in conn.exec_driver_sql("SELECT id, code, path FROM org_units")
    }
    if unit.code not in local_units:
        raise SyncError(NO_SUCH_UNIT, "no_such_unit", unit_code=unit.code, name=unit.name)
    mapping: dict[str, str] = {}
    matched_units: set[str] = set()
    for code, (local_id, _path) in local_units.items():
        theirs = tree.units.get(code)
        if theirs is not None:
            mapping[local_id] = theirs[0]
            matched_units.add(theirs[0])
    matched_users: set[str] = set()
    for local_id, login in conn.exec_driver_sql("SELECT id, login FROM users"):
        theirs_id = tree.users.get(login)
        if theirs_id is not None:
            mapping[local_id] = theirs_id
            matched_users.add(theirs_id)
    _rename_ids(conn, {old: new for old, new in mapping.items() if old != new})

    # The tree: matched units take the head office's place, the others follow their parent.
    for code, (their_id, parent_id, path) in tree.units.items():
        if code in local_units:
            conn.exec_driver_sql(
                "UPDATE org_units SET parent_id = ?, path = ?, usn = 0 WHERE id = ?",
                (parent_id, path, their_id),
            )
    _repath_unmatched(conn, matched_units)
    for user_id in matched_users:
        conn.exec_driver_sql("UPDATE users SET usn = 0 WHERE id = ?", (user_id,))

    joined_path = tree.units[unit.code][2]
    inside = {
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT id FROM org_units WHERE path LIKE ?", (joined_path + "%",)
        )
    }
    above = {p for p in joined_path.strip("/").split("/") if p} - inside
    outside = _units_with_data_outside(conn, joined_path)
    if outside:
        raise SyncError(DATA_OUTSIDE, "data_outside", unit_code=unit.code, units=", ".join(outside))
    _settle_rows_outside(conn, unit.id, inside, above, matched_units)
    # The search index files customers under their unit's id, which may have changed.
    from desktop_crm.services.search_index import rebuild_index

    rebuild_index(conn.connection.dbapi_connection)  # type: ignore[arg-type]
    return renamed


def _rename_ids(conn: Connection, mapping: dict[str, str]) -> None:
    if not mapping:
        return
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS join_ids (old TEXT PRIMARY KEY, new TEXT)"
    )
    conn.exec_driver_sql("DELETE FROM join_ids")
    conn.exec_driver_sql("INSERT INTO join_ids (old, new) VALUES (?, ?)", list(mapping.items()))
    for table, column in _references():
        conn.exec_driver_sql(
            f"UPDATE {table} SET {column} = (SELECT new FROM join_ids WHERE old = {table}.{column}) "
            f"WHERE {column} IN (SELECT old FROM join_ids)"
        )
    conn.exec_driver_sql("DROP TABLE join_ids")


def _repath_unmatched(conn: Connection, matched: set[str]) -> None:
    """Units made here: their path follows from their parent's, parents first."""
    rows = conn.exec_driver_sql("SELECT id, parent_id, path FROM org_units").fetchall()
    paths = {uid: path for uid, _parent, path in rows}
    parents = {uid: parent for uid, parent, _path in rows}
    pending = [uid for uid in paths if uid not in matched]
    done: set[str] = set(matched)

    def settle(uid: str, seen: int = 0) -> str:
        if uid in done or seen > 64:
            return paths[uid]
        parent = parents[uid]
        base = settle(parent, seen + 1) if parent in paths else "/"
        paths[uid] = f"{base}{uid}/"
        done.add(uid)
        return paths[uid]

    for uid in pending:
        settle(uid)
        conn.exec_driver_sql("UPDATE org_units SET path = ? WHERE id = ?", (paths[uid], uid))


def _settle_rows_outside(
    conn: Connection, joined_id: str, inside: set[str], above: set[str], matched: set[str]
) -> None:
    """What this desktop made for units outside the joining unit's subtree."""
    keep = inside | above

    def outside_of(units: set[str]) -> tuple[str, tuple[str, ...]]:
        marks = ", ".join("?" for _ in units)
        return f"org_unit_id NOT IN ({marks})", tuple(units)

    for table in REPLACED_FROM_ABOVE:
        where, args = outside_of(inside)
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE {where}", args)
    where, args = outside_of(inside)
    conn.exec_driver_sql(f"UPDATE campaigns SET org_unit_id = ? WHERE {where}", (joined_id, *args))
    where, args = outside_of(keep)
    conn.exec_driver_sql(
        f"UPDATE audit_events SET org_unit_id = ? WHERE {where}", (joined_id, *args)
    )
    # Users made here in units the head office does not send: kept for their history, in
    # the joining unit, unable to log in. Matched users are the head office's already.
    where, args = outside_of(inside)
    conn.exec_driver_sql(
        f"UPDATE users SET org_unit_id = ?, active = 0, role = ? WHERE usn = -1 AND {where}",
        (joined_id, Role.STATION_STAFF.value, *args),
    )
    # Units made here outside the subtree own nothing now: they go.
    unmatched_outside = [
        r[0]
        for r in conn.exec_driver_sql("SELECT id FROM org_units")
        if r[0] not in keep and r[0] not in matched
    ]
    for uid in unmatched_outside:
        conn.exec_driver_sql("DELETE FROM org_units WHERE id = ?", (uid,))
