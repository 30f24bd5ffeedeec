"""The demo data generator: deterministic, realistic, consistent, and quick to load."""

from __future__ import annotations

import re
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_crm.cli import main
from desktop_crm.models import (
    ComplaintStatus,
    CustomerKind,
    CustomerStatus,
    ProfileStage,
    Role,
    TaskStatus,
)
from desktop_crm.models.db import open_database
from desktop_crm.services.auth import authenticate
from desktop_crm.services.demo import DEMO_PASSWORD, DemoSummary, generate
from desktop_crm.services.validation import (
    is_valid_id_card,
    is_valid_landline,
    is_valid_mobile,
    is_valid_plate,
    is_valid_uscc,
    normalize_plate,
)

TODAY = date(2026, 6, 15)
N = 1500
DAY_MS = 86_400_000
TZ_MS = 8 * 3_600_000


def local_date(ms: int) -> date:
    return date(1970, 1, 1) + timedelta(days=(ms + TZ_MS) // DAY_MS)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary, list[tuple]]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    calls: list[tuple] = []
    summary = generate(path, N, seed=7, today=TODAY, progress=lambda *a: calls.append(a))
    return path, summary, calls


@pytest.fixture
def conn(demo: tuple[Path, DemoSummary, list[tuple]]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{demo[0]}?mode=ro", uri=True)
    yield connection
    connection.close()


def scalar(conn: sqlite3.Connection, sql: str, *params: object) -> object:
    return conn.execute(sql, params).fetchone()[0]


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in primary-key order."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        connection.close()


# --- determinism, schema, integrity ---------------------------------------------------------


def test_same_seed_and_day_give_identical_rows(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    generate(a, 300, seed=5, today=TODAY)
    generate(b, 300, seed=5, today=TODAY)
    generate(c, 300, seed=6, today=TODAY)
    first, second, other = dump(a), dump(b), dump(c)
    assert first.keys() == second.keys()
    for table in first:
        assert first[table] == second[table], table
    assert sum(len(rows) for rows in first.values()) > 2000
    assert first["customers"] != other["customers"]
    assert first["visits"] != other["visits"]


def test_schema_is_exactly_the_migrated_one(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()

    def schema(path: Path) -> set[tuple]:
        connection = sqlite3.connect(path)
        try:
            return set(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        finally:
            connection.close()

    assert schema(demo[0]) == schema(fresh)
    connection = sqlite3.connect(demo[0])
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_foreign_keys_and_integrity(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_ids_carry_the_rows_own_time(conn: sqlite3.Connection) -> None:
    for table, column in (("visits", "visited_at"), ("customers", "created_at")):
        rows = conn.execute(f"SELECT id, {column} FROM {table} LIMIT 200").fetchall()
        for row_id, at in rows:
            assert int(row_id.replace("-", "")[:12], 16) == at
            assert row_id[14] == "7"  # UUID version 7


def test_summary_counts_match_the_tables(demo, conn: sqlite3.Connection) -> None:  # type: ignore[no-untyped-def]
    summary: DemoSummary = demo[1]
    for attr, table in (
        ("customers", "customers"),
        ("vehicles", "vehicles"),
        ("fuel_cards", "fuel_cards"),
        ("visits", "visits"),
        ("callbacks", "callback_tasks"),
        ("complaints", "complaints"),
        ("users", "users"),
        ("org_units", "org_units"),
    ):
        assert getattr(summary, attr) == scalar(conn, f"SELECT count(*) FROM {table}"), attr
    assert summary.customers == N
    assert summary.elapsed_seconds > 0


def test_progress_reports_each_phase_to_its_end(demo) -> None:  # type: ignore[no-untyped-def]
    calls = demo[2]
    labels = {label for _done, _total, label in calls}
    assert len(labels) >= 3
    for label in labels:
        done, total, _ = [c for c in calls if c[2] == label][-1]
        assert done == total


# --- org tree and users ---------------------------------------------------------------------


def test_org_tree_paths_and_codes(conn: sqlite3.Connection) -> None:
    units = {r[0]: r for r in conn.execute("SELECT id, code, kind, parent_id, path FROM org_units")}
    kinds = defaultdict(int)
    for unit_id, code, kind, parent_id, path in units.values():
        kinds[kind] += 1
        if parent_id is None:
            assert (code, kind, path) == ("GS", "company", f"/{unit_id}/")
        else:
            parent = units[parent_id]
            assert path == f"{parent[4]}{unit_id}/"
            assert code.startswith(parent[1])
    assert kinds["company"] == 1
    assert 3 <= kinds["area"] <= 4
    assert kinds["station"] >= 6


def test_every_role_is_present_and_the_printed_password_logs_in(demo) -> None:  # type: ignore[no-untyped-def]
    path, summary, _ = demo
    text = summary.describe()
    assert "演示数据已生成" in text
    assert DEMO_PASSWORD in text
    assert {login.role for login in summary.logins} == {r.value for r in Role}
    printed = [x for x in summary.logins if re.search(rf"^\s+{re.escape(x.login)}\s", text, re.M)]
    assert any(x.login == "admin" and x.role == Role.COMPANY_ADMIN for x in printed)
    by_role = {x.role: x for x in printed}
    assert set(by_role) == {r.value for r in Role}
    db = open_database(path)
    try:
        with db.sessions.begin() as session:
            for login in by_role.values():
                user = authenticate(session, login.login, DEMO_PASSWORD, now=1_800_000_000_000)
                assert user.role == login.role
            session.rollback()
    finally:
        db.close()


def test_password_is_hashed_once_for_everyone(conn: sqlite3.Connection) -> None:
    hashes = {r[0] for r in conn.execute("SELECT password_hash FROM users")}
    assert len(hashes) == 1
    assert next(iter(hashes)).startswith("$argon2id$")


# --- customers ----------------------------------------------------------------------------


def test_kinds_stages_and_statuses(conn: sqlite3.Connection) -> None:
    stages = dict(conn.execute("SELECT profile_stage, count(*) FROM customers GROUP BY 1"))
    assert set(stages) == {s.value for s in ProfileStage}
    kinds = dict(conn.execute("SELECT kind, count(*) FROM customers GROUP BY 1"))
    assert set(kinds) == {k.value for k in CustomerKind}
    assert 0.08 < kinds["organisation"] / N < 0.25
    statuses = {r[0] for r in conn.execute("SELECT DISTINCT status FROM customers")}
    assert statuses == {s.value for s in CustomerStatus}
    levels = {r[0] for r in conn.execute("SELECT DISTINCT level FROM customers")}
    assert {"VIP", "A", "B", "C", "D"} <= levels
    # plate only: no name, but a vehicle; preliminary: a name; complete: contact details
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM customers WHERE profile_stage='plate_only' AND name IS NOT NULL",
        )
        == 0
    )
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM customers c WHERE profile_stage='plate_only' "
            "AND NOT EXISTS (SELECT 1 FROM vehicles v WHERE v.customer_id = c.id)",
        )
        == 0
    )
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM customers WHERE profile_stage!='plate_only' AND name IS NULL",
        )
        == 0
    )
    assert (
        scalar(
            conn, "SELECT count(*) FROM customers WHERE profile_stage='complete' AND phone IS NULL"
        )
        == 0
    )
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM customers WHERE profile_stage!='complete' AND phone IS NOT NULL",
        )
        == 0
    )
    assert scalar(conn, "SELECT count(*) FROM contacts") > 0
    assert scalar(conn, "SELECT count(*) FROM level_changes") > 0
    assert scalar(conn, "SELECT count(*) FROM owner_changes") > 0


def test_names_and_pinyin(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        "SELECT kind, name, pinyin, pinyin_initials FROM customers WHERE name IS NOT NULL"
    ).fetchall()
    lengths = defaultdict(int)
    for kind, name, pinyin, initials in rows:
        assert re.fullmatch(r"[a-z]+", pinyin), pinyin
        assert re.fullmatch(r"[a-z]+", initials), initials
        assert pinyin.startswith(initials[0])
        if kind == "person":
            assert len(initials) == len(name)
            lengths[len(name)] += 1
        else:
            assert name.endswith(("公司", "车队"))
    assert lengths[2] > 0 and lengths[3] > 0


def test_identifiers_are_valid(conn: sqlite3.Connection) -> None:
    ids = conn.execute(
        "SELECT kind, id_type, id_number, birthday FROM customers WHERE id_number IS NOT NULL"
    )
    seen = defaultdict(int)
    for kind, id_type, number, birthday in ids:
        seen[id_type] += 1
        if id_type == "id_card":
            assert kind == "person"
            assert is_valid_id_card(number, today=TODAY), number
            assert birthday == f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
        else:
            assert (kind, id_type) == ("organisation", "uscc")
            assert is_valid_uscc(number), number
    assert seen["id_card"] > 0 and seen["uscc"] > 0
    phones = [r[0] for r in conn.execute("SELECT phone FROM customers WHERE phone IS NOT NULL")]
    phones += [r[0] for r in conn.execute("SELECT phone2 FROM customers WHERE phone2 IS NOT NULL")]
    phones += [r[0] for r in conn.execute("SELECT phone FROM contacts WHERE phone IS NOT NULL")]
    assert all(is_valid_mobile(p) or is_valid_landline(p) for p in phones)
    assert any(is_valid_landline(p) for p in phones)
    plates = conn.execute("SELECT plate, plate_normalized, new_energy FROM vehicles").fetchall()
    for plate, normalized, new_energy in plates:
        assert is_valid_plate(plate), plate
        assert normalize_plate(plate) == normalized
        assert (len(normalized) == 8) == bool(new_energy)
    assert len({p[1] for p in plates}) == len(plates)
    assert 0.04 < sum(p[2] for p in plates) / len(plates) < 0.2
    assert any("·" in p[0] for p in plates)
    cards = [r[0] for r in conn.execute("SELECT card_no FROM fuel_cards")]
    assert all(re.fullmatch(r"\d{19}", c) for c in cards)
    assert len(set(cards)) == len(cards)
    holders = scalar(conn, "SELECT count(DISTINCT customer_id) FROM fuel_cards")
    assert 0.5 < holders / N < 0.7
    statuses = dict(conn.execute("SELECT status, count(*) FROM fuel_cards GROUP BY 1"))
    assert set(statuses) == {"active", "lost", "cancelled"}
    assert statuses["active"] > 0.8 * len(cards)


def test_customers_belong_to_stations_and_their_staff(conn: sqlite3.Connection) -> None:
    bad = scalar(
        conn,
        "SELECT count(*) FROM customers c JOIN org_units o ON o.id = c.org_unit_id "
        "JOIN users m ON m.id = c.maintainer_id JOIN users d ON d.id = c.developer_id "
        "WHERE o.kind != 'station' OR m.org_unit_id != c.org_unit_id "
        "OR d.org_unit_id != c.org_unit_id OR m.role NOT IN ('station_staff', 'station_master') "
        "OR m.active = 0",
    )
    assert bad == 0
    assert scalar(conn, "SELECT count(*) FROM customers WHERE developer_id != maintainer_id") > 0


# --- visits -------------------------------------------------------------------------------


def test_visits_cover_twelve_months_ending_yesterday(conn: sqlite3.Connection) -> None:
    first, last, count = conn.execute(
        "SELECT min(visited_at), max(visited_at), count(*) FROM visits"
    ).fetchone()
    assert local_date(last) == TODAY - timedelta(days=1)
    assert local_date(first) >= TODAY - timedelta(days=366)
    assert (local_date(last) - local_date(first)).days > 330
    assert 3.5 <= count / N <= 6.5
    hours = {
        ((ms + TZ_MS) // 3_600_000) % 24 for (ms,) in conn.execute("SELECT visited_at FROM visits")
    }
    assert min(hours) >= 6 and max(hours) <= 21
    products = dict(conn.execute("SELECT product, count(*) FROM visits GROUP BY 1"))
    assert set(products) == {"92#", "95#", "98#", "0#"}
    price = scalar(
        conn, "SELECT sum(amount_fen) / sum(litres) / 100 FROM visits WHERE product='92#'"
    )
    assert 6.5 < price < 8.5  # yuan per litre
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM visits v JOIN customers c ON c.id = v.customer_id "
            "WHERE v.visited_at < c.created_at",
        )
        == 0
    )
    own = scalar(
        conn,
        "SELECT avg(v.org_unit_id = c.org_unit_id) FROM visits v "
        "JOIN customers c ON c.id = v.customer_id",
    )
    assert own > 0.8
    # paid by card only by card holders
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM visits v WHERE paid_by_card = 1 AND NOT EXISTS "
            "(SELECT 1 FROM fuel_cards f WHERE f.customer_id = v.customer_id)",
        )
        == 0
    )


def test_last_visit_and_usual_interval_agree_with_the_visits(conn: sqlite3.Connection) -> None:
    times: dict[str, list[int]] = defaultdict(list)
    for customer_id, at in conn.execute("SELECT customer_id, visited_at FROM visits ORDER BY 2"):
        times[customer_id].append(at)
    regular_medians = []
    rows = conn.execute("SELECT id, last_visit_at, usual_interval_days, regular FROM customers")
    for customer_id, last, interval, regular in rows:
        visits = times.get(customer_id, [])
        assert last == (visits[-1] if visits else None)
        if len(visits) >= 3:
            gaps = [(b - a) / DAY_MS for a, b in zip(visits, visits[1:], strict=False)]
            assert interval == pytest.approx(round(statistics.median(gaps), 1), abs=0.051)
            if regular:
                regular_medians.append(interval)
        else:
            assert interval is None
    assert len(regular_medians) > 50
    assert all(5 <= m <= 30 for m in regular_medians)


def test_some_regular_customers_are_absent(conn: sqlite3.Connection) -> None:
    today_ms = (TODAY - date(1970, 1, 1)).days * DAY_MS - TZ_MS
    absent = scalar(
        conn,
        "SELECT count(*) FROM customers WHERE regular = 1 AND usual_interval_days IS NOT NULL "
        "AND (? - last_visit_at) / 86400000.0 > usual_interval_days + 3",
        today_ms,
    )
    assert absent >= 5


# --- callbacks, complaints, calendar -------------------------------------------------------


def test_every_task_status_and_sensible_records(conn: sqlite3.Connection) -> None:
    statuses = {r[0] for r in conn.execute("SELECT DISTINCT status FROM callback_tasks")}
    assert statuses == {s.value for s in TaskStatus}
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM callback_tasks WHERE status = 'done' "
            "AND (recorded_at IS NULL OR reached != 1 OR channel IS NULL OR satisfaction IS NULL)",
        )
        == 0
    )
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM callback_tasks WHERE status IN ('open', 'booked') "
            "AND (recorded_at IS NOT NULL OR satisfaction IS NOT NULL)",
        )
        == 0
    )
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM callback_tasks WHERE status = 'booked' AND appointment_at IS NULL",
        )
        == 0
    )
    assert scalar(conn, "SELECT count(*) FROM callback_tasks WHERE reason = 'absence'") > 0
    assert scalar(conn, "SELECT count(*) FROM callback_tasks WHERE campaign_id IS NOT NULL") > 0


def test_every_complaint_status_with_its_step_log(conn: sqlite3.Connection) -> None:
    order = [s.value for s in ComplaintStatus]
    rows = conn.execute(
        "SELECT id, number, status, type, received_at, closed_at, org_unit_id, callback_task_id "
        "FROM complaints"
    ).fetchall()
    assert {r[2] for r in rows} == set(order)
    assert {r[3] for r in rows} == {"complaint", "suggestion"}
    codes = dict(conn.execute("SELECT id, code FROM org_units"))
    numbers = set()
    steps: dict[str, list[tuple]] = defaultdict(list)
    for complaint_id, frm, to, at in conn.execute(
        "SELECT complaint_id, from_status, to_status, at FROM complaint_steps "
        "WHERE kind = 'transition' ORDER BY at, rowid"
    ):
        steps[complaint_id].append((frm, to, at))
    for complaint_id, number, status, _type, received, closed, org_id, task_id in rows:
        assert re.fullmatch(rf"{codes[org_id]}-\d{{8}}-\d{{3}}", number)
        assert number[len(codes[org_id]) + 1 :][:8] == local_date(received).strftime("%Y%m%d")
        numbers.add(number)
        log = steps[complaint_id]
        expected = order[: order.index(status) + 1]
        assert [to for _frm, to, _at in log] == expected
        assert [frm for frm, _to, _at in log] == [None, *expected[:-1]]
        assert log[0][2] == received
        assert (closed is not None) == (status == "archived")
        if task_id is not None:
            assert (
                scalar(conn, "SELECT complaint_id FROM callback_tasks WHERE id = ?", task_id)
                == complaint_id
            )
    assert len(numbers) == len(rows)
    categories = {r[0] for r in conn.execute("SELECT DISTINCT category FROM complaints")}
    assert categories <= {
        "服务态度",
        "油品质量",
        "计量/数量",
        "价格",
        "加油卡",
        "发票",
        "设施/环境",
        "安全",
        "其他",
    }


def test_sla_policies_and_holidays(conn: sqlite3.Connection) -> None:
    policies = dict(conn.execute("SELECT severity, close_working_days FROM sla_policies"))
    assert policies == {"一般": 5, "较大": 3, "重大": 1, "特别重大": 1}
    assert (
        scalar(
            conn,
            "SELECT count(*) FROM sla_policies WHERE accept_minutes != 60 OR reply_hours != 24",
        )
        == 0
    )
    holidays = {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT date, name, working FROM holidays")
    }
    assert holidays["2026-02-16"] == ("春节", 0)
    assert holidays["2026-02-14"][1] == 1  # 调休: a Saturday worked
    assert holidays["2025-10-08"][1] == 0


# --- the command line -------------------------------------------------------------------------


def test_cli_refuses_a_database_that_holds_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path), "--customers", "100"]) == 0
    out = capsys.readouterr().out
    assert "admin" in out and DEMO_PASSWORD in out
    before = dump(path)
    assert main(["demo", "--db", str(path), "--customers", "100"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert dump(path) == before


def test_zero_customers_makes_the_org_and_users_only(tmp_path: Path) -> None:
    summary = generate(tmp_path / "empty.db", 0, today=TODAY)
    assert summary.customers == summary.visits == summary.complaints == 0
    assert summary.stations == 6 and summary.users > 10
