"""A stand-alone desktop (made by the first-run dialog) joins a head office and keeps its
data: its units and users are matched to the head office's by code and login, its rows
are sent, and it converges with the head office like any enrolled desktop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_crm.models import Complaint, Customer, OrgKind, OrgUnit, Role, User
from desktop_crm.models.db import Database, open_database
from desktop_crm.services.auth import authenticate
from desktop_crm.services.complaints.intake import ComplaintDraft, create_complaint
from desktop_crm.services.orgs import create_org_unit
from desktop_crm.services.setup import first_run
from desktop_crm.services.users import create_user
from desktop_crm.sync import state
from desktop_crm.sync.client import enroll
from desktop_crm.sync.errors import SyncError
from tests.conftest import FIRST_RUN, PASSWORD
from tests.sync_world import Desktop, World, add_customer, assert_converged, company_world


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def company(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[World, dict[str, Desktop]]]:
    folder = tmp_path_factory.mktemp(f"join-{request.param}")
    with company_world(request.param, folder) as made:
        yield made


def stand_alone(path: Path, station_code: str = "GS0101") -> Database:
    """What the first-run dialog makes, plus a colleague, customers and a complaint."""
    db = open_database(path)
    setup = FIRST_RUN.__class__(**{**FIRST_RUN.__dict__, "station_code": station_code,
                                   "station_name": "本地加油站"})  # fmt: skip
    with db.sessions.begin() as session:
        admin = first_run(session, setup)
        station = session.scalars(select(OrgUnit).where(OrgUnit.code == station_code)).one()
        create_user(session, admin, "local7", "钱七", Role.STATION_STAFF, station, PASSWORD)
    return db


def local_desktop(db: Database, name: str) -> Desktop:
    return Desktop(name, db, "", "", "")


def count(db: Database, model: type) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_stand_alone_station_joins_by_its_code_and_keeps_its_data(
    company: tuple[World, dict[str, Desktop]], tmp_path: Path
) -> None:
    world, d = company
    db = stand_alone(tmp_path / "standalone.db", "GS0102")
    here = local_desktop(db, "standalone")
    customers = [add_customer(here, "local7", name, phone) for name, phone in
                 (("周杰", "13912345678"), ("吴芳", "13812345679"), ("郑强", ""))]  # fmt: skip
    with db.sessions.begin() as session:
        staff = session.scalars(select(User).where(User.login == "local7")).one()
        station = session.get_one(OrgUnit, staff.org_unit_id)
        draft = ComplaintDraft(station_id=station.id, source="现场", category="服务态度",
                               business_line="零售", severity="一般",
                               description="加油员说话不耐烦", customer_wants="要求道歉",
                               customer_id=customers[0])  # fmt: skip
        complaint_id = create_complaint(session, staff, draft).id
    local_admin_id = here.user("admin").id

    done = enroll(db, world.server.url, world.code("GS0102"), device_name="standalone")
    assert done.joined and done.unit.code == "GS0102"
    joined = Desktop("standalone", db, "GS0102", done.server_url, "")
    from desktop_crm.sync import credentials

    joined.secret = credentials.load_token(done.device_id, done.token_place.kind) or ""
    report = joined.sync()
    assert report.pushed > 0 and not report.refused

    # The units and the administrator are the head office's now, with its ids.
    server = world.server_rows()
    for code in ("GS", "GS01", "GS0102"):
        assert joined.unit(code).id == d["hq"].unit(code).id
    assert here.user("admin").id == d["hq"].user("admin").id != local_admin_id
    assert joined.unit("GS0102").name == "南湖加油站"  # the head office's name wins
    # Its data and its colleague reached the head office, in the right station.
    st2 = d["hq"].unit("GS0102").id
    for customer_id in customers:
        assert customer_id in server["customers"]
        assert joined.customer(customer_id).org_unit_id == st2  # type: ignore[union-attr]
    assert complaint_id in server["complaints"]
    local7 = here.user("local7")
    assert local7.org_unit_id == st2 and local7.id in server["users"]
    # Nothing waits, and it holds exactly what a desktop of GS0102 receives, plus the
    # audit trail of the set-up done here (owned by the company, so sent upwards).
    assert joined.waiting() == 0
    d["st2"].sync()
    assert_converged(world, d["st2"])
    server = world.server_rows()
    mine, expected = joined.rows(), world.scoped(server, "GS0102")
    for table in expected:
        if table == "audit_events":
            extra = set(mine[table]) - set(expected[table])
            assert set(expected[table]) <= set(mine[table])
            assert extra and extra <= set(server[table])
        else:
            assert mine[table] == expected[table], table
    assert count(db, Customer) == len(expected["customers"]) >= 3
    # The other desktop of the station sees the joined data; people log in as before.
    assert d["st2"].customer(customers[1]) is not None
    with db.sessions() as session:
        assert authenticate(session, "local7", PASSWORD).login == "local7"
        assert state.get(session, state.UNIT_CODE) == "GS0102"
    with d["st2"].db.sessions() as session:
        assert session.get(Complaint, complaint_id) is not None
    db.close()


def test_joining_is_refused_before_the_code_is_spent(
    company: tuple[World, dict[str, Desktop]], tmp_path: Path
) -> None:
    world, _d = company
    # A station the head office's code is not for.
    db = stand_alone(tmp_path / "other.db", "GS0101")
    code = world.code("GS0201")
    with pytest.raises(SyncError) as caught:
        enroll(db, world.server.url, code)
    assert caught.value.code == "no_such_unit"
    # Data of a second station that a desktop of GS0101 could not send.
    with db.sessions.begin() as session:
        admin = session.scalars(select(User).where(User.login == "admin")).one()
        area = session.scalars(select(OrgUnit).where(OrgUnit.code == "GS01")).one()
        create_org_unit(session, admin, "GS0109", "北湖加油站", OrgKind.STATION, area)
    with db.sessions.begin() as session:
        admin = session.scalars(select(User).where(User.login == "admin")).one()
        other = session.scalars(select(OrgUnit).where(OrgUnit.code == "GS0109")).one()
        create_user(session, admin, "far1", "冯一", Role.STATION_STAFF, other, PASSWORD)
    add_customer(local_desktop(db, "other"), "far1", "远方客户")
    gs0101 = world.code("GS0101")
    with pytest.raises(SyncError) as caught:
        enroll(db, world.server.url, gs0101)
    assert caught.value.code == "data_outside" and "GS0109" in str(caught.value)
    with db.sessions() as session:
        assert state.get(session, state.DEVICE_ID) is None  # still stand-alone
    # Neither code was spent: a new desktop enrols with them.
    for used, name in ((code, "fresh1"), (gs0101, "fresh2")):
        fresh = open_database(tmp_path / f"{name}.db")
        enroll(fresh, world.server.url, used)
        fresh.close()
    db.close()


def test_the_command_line_joins_and_renames_user_names_taken_elsewhere(
    company: tuple[World, dict[str, Desktop]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desktop_crm.cli import main as desktop_cli

    world, d = company
    path = tmp_path / "cli.db"
    db = stand_alone(path, "GS0101")
    with db.sessions.begin() as session:  # a name that a colleague at GS0102 already has
        admin = session.scalars(select(User).where(User.login == "admin")).one()
        station = session.scalars(select(OrgUnit).where(OrgUnit.code == "GS0101")).one()
        create_user(session, admin, "staff2", "赵二", Role.STATION_STAFF, station, PASSWORD)
    customer_id = add_customer(local_desktop(db, "cli"), "staff2", "王芳", "13512345678")
    db.close()
    capsys.readouterr()
    assert desktop_cli(["enroll", "--db", str(path), "--server", world.server.url,
                        "--code", world.code("GS0101")]) == 0  # fmt: skip
    said = capsys.readouterr().out
    assert "加入" in said and "staff2 → staff2-gs0101" in said
    assert desktop_cli(["sync", "--db", str(path)]) == 0
    assert "拒绝" not in capsys.readouterr().err
    d["st1"].sync()
    assert d["st1"].customer(customer_id) is not None
    assert d["st1"].user("staff2-gs0101").name == "赵二"
    assert d["st2"].user("staff2").name == "赵磊"  # the colleague at GS0102 keeps the name
    db = open_database(path)
    with db.sessions() as session:
        assert authenticate(session, "staff2-gs0101", PASSWORD).name == "赵二"
    db.close()
