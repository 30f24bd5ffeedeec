"""A head office (a real server process) and desktops enrolled with it, for the sync tests.

The company GS is created at the head office with its administrator; the
administrator's desktop (``hq``) adds areas GS01 and GS02, stations GS0101 and
GS0102 (area GS01) and GS0201 (area GS02), and a user at each, and syncs. Then an
area desktop for GS01 and station desktops enrol and pull their part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_crm.ids import now_ms
from desktop_crm.models import Customer, OrgKind, OrgUnit, Role, User
from desktop_crm.models.db import Database, open_database
from desktop_crm.sync import credentials, state
from desktop_crm.sync.client import SyncClient, SyncReport, Transport, enroll
from desktop_crm.sync.server.admin import init_company
from desktop_crm.sync.server.auth import issue_code
from desktop_crm.sync.server.storage import ServerStore, open_store
from desktop_crm.sync.tables import ScopeKind, synced_tables
from desktop_crm.sync.transport import HttpTransport
from tests.conftest import PASSWORD
from tests.sync_helpers import ServerProcess, require_backend, server_database_url

Rows = dict[str, dict[str, tuple[Any, ...]]]  # table -> id -> values (usn left out)


@dataclass
class Desktop:
    name: str
    db: Database
    unit_code: str
    server_url: str
    secret: str  # its device token, as enrolment stored it

    def transport(self) -> HttpTransport:
        return HttpTransport(self.server_url, self.secret)

    def sync(self, transport: Transport | None = None, **options: Any) -> SyncReport:
        own = transport is None
        transport = transport or self.transport()
        try:
            with SyncClient(self.db, transport, **options) as client:
                return client.sync()
        finally:
            if own:
                transport.close()

    def user(self, login: str) -> User:
        with self.db.sessions() as session:
            return session.scalars(select(User).where(User.login == login)).one()

    def unit(self, code: str) -> OrgUnit:
        with self.db.sessions() as session:
            return session.scalars(select(OrgUnit).where(OrgUnit.code == code)).one()

    def rows(self) -> Rows:
        return dump_rows(self.db)

    def waiting(self) -> int:
        with self.db.sessions() as session:
            return state.waiting_changes(session)

    def customer(self, customer_id: str) -> Customer | None:
        with self.db.sessions() as session:
            return session.get(Customer, customer_id)


def dump_rows(db: Database) -> Rows:
    found: Rows = {}
    with db.sessions() as session:
        for synced in synced_tables():
            columns = [c for c in synced.table.columns if c.name != "usn"]
            found[synced.name] = {row.id: tuple(row) for row in session.execute(select(*columns))}
    return found


@dataclass
class World:
    folder: Path
    url: str
    server: ServerProcess
    desktops: list[Desktop] = field(default_factory=list)

    @classmethod
    def start(cls, folder: Path, url: str) -> World:
        store = open_store(url)
        try:
            init_company(store, "GS", "测试石油分公司", admin_login="admin", admin_name="王建国",
                         admin_password=PASSWORD)  # fmt: skip
        finally:
            store.close()
        server = ServerProcess(url, folder / "server.log").start()
        return cls(folder, url, server)

    def store(self) -> ServerStore:
        return open_store(self.url, migrate=False)

    def code(self, org: str) -> str:
        store = self.store()
        try:
            with store.writes() as session, session.begin():
                code, _unit = issue_code(session, org)
        finally:
            store.close()
        return code

    def desktop(self, name: str, org: str, sync: bool = True) -> Desktop:
        db = open_database(self.folder / f"{name}.db")
        done = enroll(db, self.server.url, self.code(org), device_name=name)
        token = credentials.load_token(done.device_id, done.token_place.kind)
        assert token
        desktop = Desktop(name, db, org, done.server_url, token)
        self.desktops.append(desktop)
        if sync:
            desktop.sync()
        return desktop

    def restart_server(self) -> None:
        """Start the server again on the same port (the desktops keep its address)."""
        port = self.server.port
        self.server.stop()
        self.server = ServerProcess(self.url, self.folder / "server.log")
        self.server.port = port
        self.server.start()

    def server_rows(self) -> Rows:
        store = self.store()
        try:
            found: Rows = {}
            with store.reads() as session:
                for synced in synced_tables():
                    columns = [c for c in synced.table.columns if c.name != "usn"]
                    found[synced.name] = {
                        row.id: tuple(row) for row in session.execute(select(*columns))
                    }
            return found
        finally:
            store.close()

    def server_usn(self) -> int:
        store = self.store()
        try:
            with store.reads() as session:
                return store.current_usn(session)
        finally:
            store.close()

    def scoped(self, rows: Rows, unit_code: str) -> Rows:
        """The part of the head office's rows a desktop of ``unit_code`` receives."""
        units = rows["org_units"]
        columns = [c.name for c in OrgUnit.__table__.columns if c.name != "usn"]
        path_at, code_at = columns.index("path"), columns.index("code")
        path = next(v[path_at] for v in units.values() if v[code_at] == unit_code)
        subtree = {uid for uid, v in units.items() if v[path_at].startswith(path)}
        lineage = subtree | {p for p in path.strip("/").split("/") if p}
        scoped: Rows = {}
        for synced in synced_tables():
            table_rows = rows[synced.name]
            if synced.scope is ScopeKind.ALL:
                scoped[synced.name] = dict(table_rows)
                continue
            allowed = lineage if synced.scope is ScopeKind.LINEAGE else subtree
            at = [c.name for c in synced.table.columns if c.name != "usn"].index("org_unit_id")
            scoped[synced.name] = {k: v for k, v in table_rows.items() if v[at] in allowed}
        return scoped

    def close(self) -> None:
        self.server.stop()
        for desktop in self.desktops:
            desktop.db.close()


def build_company(world: World) -> dict[str, Desktop]:
    """hq (GS), then areas, stations and users made on it, then the other desktops."""
    from desktop_crm.services.orgs import create_org_unit
    from desktop_crm.services.users import create_user

    hq = world.desktop("hq", "GS")
    with hq.db.writer() as session:
        admin = session.scalars(select(User).where(User.login == "admin")).one()
        company = session.scalars(select(OrgUnit).where(OrgUnit.code == "GS")).one()
        area1 = create_org_unit(session, admin, "GS01", "东城片区", OrgKind.AREA, company)
        area2 = create_org_unit(session, admin, "GS02", "西城片区", OrgKind.AREA, company)
        st1 = create_org_unit(session, admin, "GS0101", "东湖加油站", OrgKind.STATION, area1)
        st2 = create_org_unit(session, admin, "GS0102", "南湖加油站", OrgKind.STATION, area1)
        st3 = create_org_unit(session, admin, "GS0201", "西湖加油站", OrgKind.STATION, area2)
        for login, name, role, unit in (
            ("manager", "刘洋", Role.AREA_MANAGER, area1),
            ("staff1", "李娜", Role.STATION_STAFF, st1),
            ("master1", "张伟", Role.STATION_MASTER, st1),
            ("staff2", "赵磊", Role.STATION_STAFF, st2),
            ("staff3", "孙丽", Role.STATION_STAFF, st3),
        ):
            create_user(session, admin, login, name, role, unit, PASSWORD)
        session.commit()
    hq.sync()
    return {
        "hq": hq,
        "area": world.desktop("area", "GS01"),
        "st1": world.desktop("st1", "GS0101"),
        "st2": world.desktop("st2", "GS0102"),
        "st3": world.desktop("st3", "GS0201"),
    }


def add_customer(desktop: Desktop, login: str, name: str, phone: str = "") -> str:
    """A customer file made by ``login`` through the customer service, as the tab does."""
    from desktop_crm.services.customer_edit import create_customer, new_form

    with desktop.db.writer() as session:
        user = session.scalars(select(User).where(User.login == login)).one()
        customer = create_customer(session, user, new_form(session, user, name=name, phone=phone))
        session.commit()
        return customer.id


def edit_customer(desktop: Desktop, customer_id: str, at: int | None = None, **values: Any) -> None:
    """Change columns of a customer file here (``at``: this desktop's clock, if not now)."""
    with desktop.db.writer() as session:
        customer = session.get_one(Customer, customer_id)
        for name, value in values.items():
            setattr(customer, name, value)
        if at is not None:
            customer.updated_at = at
        session.commit()


def clock_offset(hours: float) -> Callable[[], int]:
    return lambda: now_ms() + int(hours * 3_600_000)


@contextmanager
def company_world(backend: str, folder: Path) -> Iterator[tuple[World, dict[str, Desktop]]]:
    """A head office on ``backend`` with the company's desktops; its own per-user folders."""
    require_backend(backend)
    with pytest.MonkeyPatch.context() as patch:
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            patch.setenv(var, str(folder / var.lower()))
        world = World.start(folder, server_database_url(backend, folder))
        try:
            desktops = build_company(world)
        except BaseException:
            world.close()
            raise
    try:
        yield world, desktops
    finally:
        world.close()


def assert_converged(world: World, *desktops: Desktop) -> None:
    """Every desktop holds exactly the head office's rows of its scope."""
    server = world.server_rows()
    for desktop in desktops:
        mine, expected = desktop.rows(), world.scoped(server, desktop.unit_code)
        for table in expected:
            assert mine[table] == expected[table], f"{desktop.name}: {table} differs"
