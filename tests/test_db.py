"""The local store: migrations, pragmas, and the messages for files it cannot open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from desktop_crm.cli import main as cli_main
from desktop_crm.errors import DatabaseOpenError
from desktop_crm.i18n import translate_message
from desktop_crm.models.db import head_revision, open_database, run_migrations
from desktop_crm.paths import default_database_path

SYNC_COLUMNS = {"id", "updated_at", "usn", "deleted"}


def test_empty_database_is_migrated_to_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    tables = set(inspect(db.engine).get_table_names())
    expected = {
        "org_units",
        "users",
        "customers",
        "vehicles",
        "fuel_cards",
        "contacts",
        "visits",
        "level_changes",
        "owner_changes",
        "callback_rules",
        "campaigns",
        "callback_tasks",
        "complaints",
        "complaint_steps",
        "sla_policies",
        "holidays",
        "audit_events",
        "settings",
    }
    assert expected <= tables
    for table in expected:
        columns = {c["name"] for c in inspect(db.engine).get_columns(table)}
        assert columns >= SYNC_COLUMNS, table
        if table != "org_units":
            assert "org_unit_id" in columns, table
    with db.engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
    assert db.backup is None  # nothing to back up in a new file
    db.close()


def test_pragmas_wal_foreign_keys_busy_timeout(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        assert conn.scalar(text("PRAGMA journal_mode")) == "wal"
        assert conn.scalar(text("PRAGMA foreign_keys")) == 1
        assert conn.scalar(text("PRAGMA busy_timeout")) == 5000
        with pytest.raises(Exception, match="FOREIGN KEY"):
            conn.execute(
                text(
                    "INSERT INTO users (id, updated_at, usn, deleted, org_unit_id, login, name,"
                    " password_hash, role, active)"
                    " VALUES ('u1', 0, -1, 0, 'no-such-unit', 'x', 'x', 'x', 'x', 1)"
                )
            )


def test_previous_schema_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    from desktop_crm.models.db import make_engine

    engine = make_engine(path)
    run_migrations(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO org_units (id, updated_at, usn, deleted, code, name, kind, path, active)"
                " VALUES ('o1', 1, -1, 0, 'GS', '测试公司', 'company', '/o1/', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO users (id, updated_at, usn, deleted, org_unit_id, login, name,"
                " password_hash, role, active) VALUES ('u1', 1, -1, 0, 'o1', 'old', '老用户', 'h',"
                " 'company_admin', 1)"
            )
        )
        assert "login_states" not in inspect(conn).get_table_names()
    engine.dispose()

    db = open_database(path)
    assert db.backup is not None and db.backup.exists()
    with db.engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        row = conn.execute(text("SELECT login, name FROM users")).one()
        assert tuple(row) == ("old", "老用户")
        assert conn.execute(text("SELECT COUNT(*) FROM login_states")).scalar() == 0
    db.close()
    backup = sqlite3.connect(db.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT login FROM users").fetchall() == [("old",)]
    backup.close()


def _zh(error: DatabaseOpenError) -> str:
    return translate_message(error.context, error.text, error.params)


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path)
    assert "newer version" in str(caught.value)
    assert "更新版本" in _zh(caught.value) and "9999_from_the_future" in _zh(caught.value)
    assert path.read_bytes() == before


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("客户名单\n张伟 13812345678\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path)
    assert "不是 desktop_crm 数据库" in _zh(caught.value)
    assert path.read_bytes() == before


def test_sqlite_file_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path)
    assert "其他程序" in _zh(caught.value)


def test_cli_reports_bad_database_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"\x00garbage" * 100)
    code = cli_main(["demo", "--db", str(path), "--customers", "10"])
    err = capsys.readouterr().err
    assert code == 2
    assert "不是 desktop_crm 数据库" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_default_database_lives_in_per_user_data_folder(user_dirs: Path) -> None:
    path = default_database_path()
    assert str(path).startswith(str(user_dirs / "data"))
    assert path.name == "desktop_crm.db"


def test_changed_synced_rows_are_marked_for_the_next_push(db, org) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select, update

    from desktop_crm.models import User
    from desktop_crm.services.users import update_user

    with db.sessions.begin() as s:
        s.execute(update(User).values(usn=7))  # as if pushed and stamped by the server
    with db.sessions.begin() as s:
        admin = s.scalar(select(User).where(User.login == "admin"))
        staff = s.scalar(select(User).where(User.login == "staff"))
        before = staff.updated_at
        update_user(s, admin, staff, name="李娜娜")
    with db.session() as s:
        usns = dict(s.execute(select(User.login, User.usn)).tuples().all())
        staff = s.scalar(select(User).where(User.login == "staff"))
    assert usns["staff"] == -1 and staff.updated_at >= before
    assert {login: usn for login, usn in usns.items() if login != "staff"} == {
        login: 7 for login in usns if login != "staff"
    }


def test_a_new_store_has_8_kib_pages_and_an_older_one_keeps_its_own(tmp_path: Path) -> None:
    import sqlite3

    db = open_database(tmp_path / "new.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA page_size").scalar() == 8192
    db.close()
    older = tmp_path / "older.db"
    with sqlite3.connect(older) as raw:  # a store made with SQLite's default pages
        raw.execute("PRAGMA page_size=4096")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("CREATE TABLE scratch (x)")
        raw.execute("DROP TABLE scratch")
    raw.close()
    db = open_database(older)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA page_size").scalar() == 4096
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
    db.close()
