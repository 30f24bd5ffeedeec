"""Head-office sync against a real server process, on SQLite and on PostgreSQL.

Enrolment, the round trip from a station to its area and back, scope on reads and
writes, revoked tokens, refused requests, idempotent batches, last-writer-wins with
its conflict log, history that never changes, and the complaint workflow.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from desktop_crm.i18n import translate_message
from desktop_crm.ids import new_id, now_ms
from desktop_crm.models import AuditEvent, Complaint, ComplaintStatus, Customer, OrgUnit, User
from desktop_crm.models.db import open_database
from desktop_crm.sync import credentials, state
from desktop_crm.sync.client import Enrolment, enroll
from desktop_crm.sync.errors import SyncError, SyncRefused
from desktop_crm.sync.protocol import PushRequest, TableRows
from desktop_crm.sync.tables import by_name
from tests.sync_helpers import run_server_cli
from tests.sync_world import (
    Desktop,
    World,
    add_customer,
    assert_converged,
    company_world,
    edit_customer,
)

API = "/api/v1"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def company(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[World, dict[str, Desktop]]]:
    folder = tmp_path_factory.mktemp(f"sync-{request.param}")
    with company_world(request.param, folder) as made:
        yield made


def _post(desktop: Desktop, path: str, body: object, **kw: object) -> httpx.Response:
    headers = {"Authorization": f"Bearer {desktop.secret}"}
    if isinstance(body, bytes | str):
        return httpx.post(f"{desktop.server_url}{API}{path}", content=body,
                          headers={**headers, "Content-Type": "application/json"}, **kw)  # type: ignore[arg-type]  # fmt: skip
    return httpx.post(f"{desktop.server_url}{API}{path}", json=body, headers=headers, **kw)  # type: ignore[arg-type]


def _customer_row(desktop: Desktop, customer_id: str) -> tuple[list[str], list[object]]:
    """The customer as a desktop would push it: columns and values."""
    synced = by_name()["customers"]
    columns = [c for c in synced.columns if c != "usn"]
    with desktop.db.sessions() as session:
        row = session.execute(
            select(*[synced.table.c[c] for c in columns]).where(synced.table.c.id == customer_id)
        ).one()
    return columns, list(row)


def _new_customer_values(desktop: Desktop, org_unit_id: str, name: str) -> tuple[list[str], list]:
    """A new customer row as a desktop would push it (every column but usn)."""
    synced = by_name()["customers"]
    row: dict[str, object] = {}
    for column in synced.table.columns:
        if column.name == "usn":
            continue
        row[column.name] = None if column.nullable else False
    now = now_ms()
    row.update(id=new_id(), updated_at=now, deleted=False, kind="person", name=name,
               profile_stage="preliminary", status="new", tags="", created_at=now,
               org_unit_id=org_unit_id)  # fmt: skip
    columns = list(row)
    return columns, [row[c] for c in columns]


def _token_of(done: Enrolment) -> str:
    token = credentials.load_token(done.device_id, done.token_place.kind)
    assert token
    return token


# --- enrolment and the round trip ----------------------------------------------------------


def test_a_station_change_reaches_its_area_and_back_and_nowhere_else(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    cid = add_customer(d["st1"], "staff1", "欧阳娜娜", "13811112222")
    assert d["st1"].waiting() > 0
    report = d["st1"].sync()
    assert report.pushed >= 2 and not report.refused  # the file and its audit line
    assert d["st1"].waiting() == 0

    d["area"].sync()
    seen = d["area"].customer(cid)
    assert seen is not None and seen.name == "欧阳娜娜" and seen.phone == "13811112222"
    assert seen.usn > 0  # clean: applied from the head office, nothing to send back
    assert d["area"].waiting() == 0

    edit_customer(d["area"], cid, name="欧阳娜", notes="片区回访: 价格敏感")
    d["area"].sync()
    d["st1"].sync()
    back = d["st1"].customer(cid)
    assert back is not None and back.notes == "片区回访: 价格敏感"

    # The station's search finds the file by its new name (the index follows the pull).
    from desktop_crm.services.customer_list import search_page

    with d["st1"].db.sessions() as session:
        user = d["st1"].user("staff1")
        scope = session.get_one(OrgUnit, user.org_unit_id)
        rows, _ = search_page(session, user, scope, "欧阳娜")
    assert [r.id for r in rows if r.id == cid] == [cid]

    for name in ("st2", "st3"):
        d[name].sync()
        assert d[name].customer(cid) is None
    d["hq"].sync()
    assert d["hq"].customer(cid) is not None
    assert_converged(world, *d.values())


def test_stations_receive_the_org_tree_and_their_users_only(company) -> None:  # type: ignore[no-untyped-def]
    _world, d = company
    with d["st1"].db.sessions() as session:
        codes = set(session.scalars(select(OrgUnit.code)))
        logins = set(session.scalars(select(User.login)))
    assert codes == {"GS", "GS01", "GS02", "GS0101", "GS0102", "GS0201"}
    # Its own people and those above it (who may handle its complaints), not the others'.
    assert logins == {"admin", "manager", "staff1", "master1"}
    with d["st1"].db.sessions() as session:
        assert state.get(session, state.UNIT_CODE) == "GS0101"


def test_enrolment_codes_are_used_once_and_a_standalone_store_without_the_unit_is_refused(
    company, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    world, _d = company
    code = world.code("GS0102")
    first = open_database(tmp_path / "first.db")
    done = enroll(first, world.server.url, code, device_name="first")
    assert done.unit.code == "GS0102"
    # No secret service here: the token is a file only this user may read.
    assert done.token_place.kind == "file"
    mode = stat.S_IMODE(os.stat(done.token_place.description).st_mode)
    assert mode == 0o600
    second = open_database(tmp_path / "second.db")
    with pytest.raises(SyncRefused) as refused:
        enroll(second, world.server.url, code)
    assert refused.value.code == "bad_code"
    text = translate_message(refused.value.context, refused.value.text, refused.value.params)
    assert "注册码" in text

    from tests.conftest import make_org

    standalone = open_database(tmp_path / "standalone.db")
    make_org(standalone)
    fresh_code = world.code("GS0102")
    with pytest.raises(SyncError) as caught:
        enroll(standalone, world.server.url, fresh_code)
    assert caught.value.code == "no_such_unit"  # it holds no GS0102 to join with
    enroll(second, world.server.url, fresh_code)  # the code was not spent by the refusal
    for db in (first, second, standalone):
        db.close()


def test_the_token_goes_to_the_system_credential_store_when_there_is_one(
    company, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    world, _d = company
    previous = keyring.get_keyring()
    vault = MemoryKeyring()
    keyring.set_keyring(vault)
    try:
        db = open_database(tmp_path / "vault.db")
        done = enroll(db, world.server.url, world.code("GS0102"))
        assert done.token_place.kind == "keyring"
        assert list(vault.items.values())
        assert not list((tmp_path / "home" / "config").rglob("*.token"))
        from desktop_crm.sync.client import SyncClient

        with SyncClient(db) as client:  # finds its token in the store
            assert client.sync().mark > 0
        db.close()
    finally:
        keyring.set_keyring(previous)


# --- scope ---------------------------------------------------------------------------------


def test_a_station_token_neither_reads_nor_writes_another_stations_rows(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    theirs = add_customer(d["st3"], "staff3", "西门吹雪", "13833334444")
    d["st3"].sync()
    before = world.server_usn()

    answer = _post(d["st1"], "/pull", {"since": 0, "limit": 20000}).json()
    assert answer["cursor"] is None
    pulled = {t["table"]: t for t in answer["tables"]}
    customer_ids = {row[pulled["customers"]["columns"].index("id")]
                    for row in pulled.get("customers", {"rows": []})["rows"]}  # fmt: skip
    assert theirs not in customer_ids
    users = pulled["users"]
    assert "staff3" not in {row[users["columns"].index("login")] for row in users["rows"]}

    station3 = d["st1"].unit("GS0201").id
    columns, values = _new_customer_values(d["st1"], station3, "冒名顶替")
    forged = {"key": new_id(), "client_now": now_ms(),
              "tables": [{"table": "customers", "columns": columns, "rows": [values]}]}  # fmt: skip
    response = _post(d["st1"], "/push", forged)
    assert response.status_code == 403
    body = response.json()
    assert body["error"] == "out_of_scope" and "scope" in body["reason"]
    assert body["rows"] == [{"table": "customers", "id": values[columns.index("id")]}]

    # Taking another station's customer over by re-labelling it is refused as well.
    columns, values = _customer_row(d["st3"], theirs)
    values[columns.index("org_unit_id")] = d["st1"].unit("GS0101").id
    values[columns.index("updated_at")] = now_ms() + 1000
    steal = {"key": new_id(), "client_now": now_ms(),
             "tables": [{"table": "customers", "columns": columns, "rows": [values]}]}  # fmt: skip
    assert _post(d["st1"], "/push", steal).status_code == 403

    assert world.server_usn() == before
    server = world.server_rows()["customers"]
    assert forged["tables"][0]["rows"][0][columns.index("id")] not in server  # type: ignore[index]
    assert server[theirs][columns.index("org_unit_id")] == station3


def test_changes_outside_the_scope_stay_on_the_desktop(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    station3 = d["st1"].unit("GS0201").id
    with d["st1"].db.writer() as session:
        master = d["st1"].user("master1")
        stray = Customer(kind="person", name="外站客户", profile_stage="preliminary",
                         status="new", created_at=now_ms(), org_unit_id=station3,
                         developer_id=master.id)  # fmt: skip
        session.add(stray)
        session.commit()
        stray_id = stray.id
    report = d["st1"].sync()
    assert report.kept_local == 1 and not report.refused
    assert stray_id not in world.server_rows()["customers"]
    assert d["st1"].customer(stray_id) is not None  # kept, still waiting
    with d["st1"].db.writer() as session:  # tidy up for the other tests of this module
        session.delete(session.get_one(Customer, stray_id))
        session.commit()


def test_a_revoked_token_is_refused(company, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    world, _d = company
    extra = world.desktop("st2-spare", "GS0102")
    listed = run_server_cli(world.url, "tokens", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    devices = [json.loads(line) for line in listed.stdout.splitlines()]
    with extra.db.sessions() as session:
        device_id = state.get(session, state.DEVICE_ID)
    mine = next(x for x in devices if x["device_id"] == device_id)
    assert mine["org"] == "GS0102" and mine["name"] == "st2-spare" and mine["revoked_at"] is None

    revoked = run_server_cli(world.url, "tokens", "revoke", str(device_id))
    assert revoked.returncode == 0, revoked.stderr
    add_customer(extra, "staff2", "吊销后新建")
    with pytest.raises(SyncRefused) as refused:
        extra.sync()
    assert refused.value.status == 401 and refused.value.code == "token_revoked"
    assert _post(extra, "/pull", {"since": 0}).status_code == 401
    with extra.db.sessions() as session:
        status = state.status(session)
    assert status.waiting > 0  # the work done here is kept
    assert status.last_error and "重新注册" in status.last_error

    # Enrolled again with a new code, the desktop sends what waited and goes on.
    again = enroll(extra.db, world.server.url, world.code("GS0102"), device_name="st2-spare")
    assert again.device_id != device_id
    extra.secret = _token_of(again)
    assert extra.sync().pushed >= 2
    assert extra.waiting() == 0


# --- refused requests ----------------------------------------------------------------------


def test_malformed_and_oversized_requests_get_a_4xx_with_a_reason_and_change_nothing(
    company,
) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    st1 = d["st1"]
    before_usn, before_rows = world.server_usn(), world.server_rows()
    columns, values = _new_customer_values(st1, st1.unit("GS0101").id, "格式错误")

    def batch(table: str = "customers", cols: list[str] = columns, row: list = values) -> dict:  # type: ignore[type-arg]
        return {"key": new_id(), "client_now": now_ms(),
                "tables": [{"table": table, "columns": cols, "rows": [row]}]}  # fmt: skip

    wrong_type = list(values)
    wrong_type[columns.index("name")] = 12345
    too_long = list(values)
    too_long[columns.index("phone")] = "1" * 40
    bad_id = list(values)
    bad_id[columns.index("id")] = "not-a-uuid"
    short = values[:-1]
    without_kind = [c for c in columns if c != "kind"]
    cases = [
        (b"{not json", 422, "protocol"),
        (json.dumps({"key": "k", "tables": []}), 422, "protocol"),
        (batch(table="login_states"), 422, "no synced table"),
        (batch(cols=[*columns[:-1], "no_such_column"]), 422, "unknown column"),
        (batch(row=wrong_type), 422, "name must be text"),
        (batch(row=too_long), 422, "longer than 32"),
        (batch(row=bad_id), 422, "not a UUID"),
        (batch(row=short), 422, "values for"),
        (
            batch(
                cols=without_kind,
                row=[v for c, v in zip(columns, values, strict=True) if c != "kind"],
            ),
            422,
            "missing",
        ),  # fmt: skip
    ]
    for body, status, reason in cases:
        response = _post(st1, "/push", body)
        assert response.status_code == status, (body, response.text)
        assert reason in response.json()["reason"], response.text

    many = batch()
    many["tables"][0]["rows"] = [values] * 2001
    response = _post(st1, "/push", many)
    assert response.status_code == 413 and "2000" in response.json()["reason"]
    huge = b'{"key": "' + b"x" * (9 * 1024 * 1024) + b'"}'
    response = _post(st1, "/push", huge)
    assert response.status_code == 413 and "larger than" in response.json()["reason"]

    response = httpx.post(f"{st1.server_url}{API}/pull", json={"since": 0})
    assert response.status_code == 401 and "token" in response.json()["reason"]
    assert _post(st1, "/pull", {"since": -1}).status_code == 422
    assert world.server_usn() == before_usn
    assert world.server_rows() == before_rows


def test_a_batch_delivered_twice_is_applied_once(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    st1 = d["st1"]
    columns, values = _new_customer_values(st1, st1.unit("GS0101").id, "重复投递")
    body = PushRequest(key=new_id(), client_now=now_ms(),
                       tables=[TableRows(table="customers", columns=columns, rows=[values])])  # fmt: skip
    first = _post(st1, "/push", body.model_dump_json())
    usn_after_first = world.server_usn()
    second = _post(st1, "/push", body.model_dump_json())
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert world.server_usn() == usn_after_first
    assert [a["id"] for a in first.json()["accepted"]] == [values[columns.index("id")]]
    store = world.store()
    try:
        with store.reads() as session:
            count = session.scalar(
                select(func.count()).select_from(Customer).where(Customer.name == "重复投递")
            )
    finally:
        store.close()
    assert count == 1


# --- conflicts -----------------------------------------------------------------------------


def test_the_later_change_wins_everywhere_and_the_other_is_logged(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    cid = add_customer(d["st1"], "staff1", "慕容复", "13855556666")
    d["st1"].sync()
    d["area"].sync()
    now = now_ms()
    edit_customer(d["area"], cid, at=now, notes="片区的说法")
    edit_customer(d["st1"], cid, at=now + 5000, notes="站点的说法")  # five seconds later
    d["st1"].sync()
    report = d["area"].sync()  # the older version arrives second: it loses
    assert report.superseded == 1
    for desktop in (d["st1"], d["area"]):
        desktop.sync()
        customer = desktop.customer(cid)
        assert customer is not None and customer.notes == "站点的说法"
    listed = run_server_cli(world.url, "conflicts", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    logged = [json.loads(line) for line in listed.stdout.splitlines()]
    mine = [c for c in logged if c["row_id"] == cid]
    assert len(mine) == 1 and mine[0]["reason"] == "older"
    assert mine[0]["loser_row"]["notes"] == "片区的说法"
    assert_converged(world, d["st1"], d["area"])


def test_history_rows_never_change_at_the_head_office(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    add_customer(d["st1"], "staff1", "段誉")
    d["st1"].sync()
    with d["st1"].db.writer() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "customer").order_by(AuditEvent.at.desc())
        ).first()
        assert event is not None
        original, event.detail = event.detail, '{"tampered": true}'
        event_id = event.id
        session.commit()
    report = d["st1"].sync()
    assert report.superseded == 1
    with d["st1"].db.sessions() as session:
        assert session.get_one(AuditEvent, event_id).detail == original
    detail_at = [c.name for c in AuditEvent.__table__.columns if c.name != "usn"].index("detail")
    assert world.server_rows()["audit_events"][event_id][detail_at] == original


def _complaint(desktop: Desktop, status: str) -> str:
    with desktop.db.writer() as session:
        station = desktop.unit(desktop.unit_code)
        complaint = Complaint(
            number=f"{station.code}-{new_id()[-8:]}", source="phone", category="service",
            business_line="fuel", severity="normal", level="station", status=status,
            received_at=now_ms(), org_unit_id=station.id, handling_org_id=station.id,
        )  # fmt: skip
        session.add(complaint)
        session.commit()
        return complaint.id


def _complaint_status(desktop: Desktop, complaint_id: str) -> str:
    with desktop.db.sessions() as session:
        return session.get_one(Complaint, complaint_id).status


def _set_status(desktop: Desktop, complaint_id: str, status: str, at: int) -> None:
    with desktop.db.writer() as session:
        complaint = session.get_one(Complaint, complaint_id)
        complaint.status = status
        complaint.updated_at = at
        session.commit()


def test_complaint_status_changes_are_checked_against_the_workflow(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    cid = _complaint(d["st1"], ComplaintStatus.RECTIFYING)
    d["st1"].sync()
    d["area"].sync()
    now = now_ms()
    _set_status(d["area"], cid, ComplaintStatus.CALLBACK, now)
    d["area"].sync()
    # The station, offline with an old copy, moves it back to verification, later in time.
    _set_status(d["st1"], cid, ComplaintStatus.VERIFYING, now + 10_000)
    report = d["st1"].sync()
    assert report.superseded == 1
    assert _complaint_status(d["st1"], cid) == ComplaintStatus.CALLBACK
    listed = run_server_cli(world.url, "conflicts", "list", "--json")
    reasons = [json.loads(x)["reason"] for x in listed.stdout.splitlines()
               if json.loads(x)["row_id"] == cid]  # fmt: skip
    assert reasons == ["workflow"]
    # A move the workflow allows goes through.
    _set_status(d["st1"], cid, ComplaintStatus.ARCHIVED, now_ms() + 20_000)
    d["st1"].sync()
    d["area"].sync()
    assert _complaint_status(d["area"], cid) == ComplaintStatus.ARCHIVED


def test_what_an_area_manager_does_at_a_station_desk_reaches_the_area(company) -> None:  # type: ignore[no-untyped-def]
    from desktop_crm.services import audit

    world, d = company
    cid = add_customer(d["st1"], "staff1", "上官燕")
    with d["st1"].db.writer() as session:
        manager = d["st1"].user("manager")  # of area GS01, working at the station's desk
        event = audit.record(session, manager, audit.Action.VIEW_UNMASKED, "customer", cid)
        session.commit()
        event_id = event.id
    report = d["st1"].sync()
    assert report.kept_local == 0 and not report.refused
    d["area"].sync()
    with d["area"].db.sessions() as session:
        assert session.get_one(AuditEvent, event_id).user_id == manager.id
    assert event_id in world.server_rows()["audit_events"]


def test_a_change_that_is_never_sent_gives_way_to_the_head_offices_version(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    # The company administrator renames themself at a station's desk: a company row,
    # which the station may not send; then the head office changes the same row.
    with d["st1"].db.writer() as session:
        session.get_one(User, d["st1"].user("admin").id).badge_no = "站点改的"
        session.commit()
    assert d["st1"].sync().kept_local == 1
    with d["hq"].db.writer() as session:
        session.get_one(User, d["hq"].user("admin").id).badge_no = "HQ-001"
        session.commit()
    d["hq"].sync()
    d["st1"].sync()
    assert d["st1"].user("admin").badge_no == "HQ-001"
    assert d["st1"].waiting() == 0


def test_the_api_describes_itself_and_answers_health_without_a_token(company) -> None:  # type: ignore[no-untyped-def]
    world, _d = company
    health = httpx.get(f"{world.server.url}{API}/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    spec = httpx.get(f"{world.server.url}/openapi.json").json()
    assert {f"{API}/{p}" for p in ("health", "enroll", "push", "pull")} <= set(spec["paths"])
    push = spec["paths"][f"{API}/push"]["post"]
    assert {"200", "401", "403", "413", "422"} <= set(push["responses"])
    assert httpx.get(f"{world.server.url}/docs").status_code == 200
