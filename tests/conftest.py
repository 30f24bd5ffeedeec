"""Shared fixtures: an isolated per-user folder, a real SQLite store, an org tree with users."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# GUI tests drive real widgets on Qt's offscreen platform; set before Qt is imported.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("DESKTOP_CRM_LANG", None)

import pytest  # noqa: E402

from desktop_crm.models import OrgKind, OrgUnit, Role, User  # noqa: E402
from desktop_crm.models.db import Database, open_database  # noqa: E402
from desktop_crm.services.orgs import create_org_unit  # noqa: E402
from desktop_crm.services.setup import FirstRun, first_run  # noqa: E402
from desktop_crm.services.users import create_user  # noqa: E402

PASSWORD = "secret123"


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Per-user data and config folders inside the test's own tmp folder."""
    home = tmp_path / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "crm.db")
    yield database
    database.close()


@dataclass
class Org:
    company: OrgUnit
    area: OrgUnit
    station: OrgUnit
    area2: OrgUnit
    station2: OrgUnit
    users: dict[str, User]  # by login


FIRST_RUN = FirstRun(
    company_code="GS",
    company_name="测试石油分公司",
    area_code="GS01",
    area_name="东城片区",
    station_code="GS0101",
    station_name="东湖加油站",
    admin_login="admin",
    admin_name="王建国",
    admin_password=PASSWORD,
)


@pytest.fixture
def org(db: Database) -> Org:
    """Company GS with areas GS01 (station GS0101) and GS02 (station GS0201), a user per role."""
    return make_org(db)


def make_org(db: Database) -> Org:
    with db.sessions.begin() as s:
        admin = first_run(s, FIRST_RUN)
        company = s.get_one(OrgUnit, admin.org_unit_id)
        area = next(u for u in s.query(OrgUnit) if u.code == "GS01")
        station = next(u for u in s.query(OrgUnit) if u.code == "GS0101")
        area2 = create_org_unit(s, admin, "GS02", "西城片区", OrgKind.AREA, company)
        station2 = create_org_unit(s, admin, "GS0201", "西湖加油站", OrgKind.STATION, area2)
        people = {"admin": admin}
        for login, name, role, unit in (
            ("staff", "李娜", Role.STATION_STAFF, station),
            ("master", "张伟", Role.STATION_MASTER, station),
            ("manager", "刘洋", Role.AREA_MANAGER, area),
            ("auditor", "陈静", Role.AUDITOR, company),
            ("staff2", "赵磊", Role.STATION_STAFF, station2),
        ):
            people[login] = create_user(s, admin, login, name, role, unit, PASSWORD)
    return Org(company, area, station, area2, station2, people)


def search_documents(db: Database) -> dict[str, frozenset[str]]:
    """Each customer's search terms as the index holds them."""
    from sqlalchemy import select

    from desktop_crm.models import CustomerSearch

    with db.session() as s:
        rows = s.execute(select(CustomerSearch.customer_id, CustomerSearch.terms)).all()
    return {cid: frozenset(terms.split()) for cid, terms in rows}


def rebuild_search_index(db: Database) -> None:
    """The whole search index built again, as the demo generator and a big pull do."""
    from desktop_crm.services.search_index import rebuild_index

    raw = db.engine.raw_connection()
    try:
        raw.execute("BEGIN")
        rebuild_index(raw.driver_connection)  # type: ignore[arg-type]
        raw.execute("COMMIT")
    finally:
        raw.close()
