"""The command lines of head-office sync: ``desktop-crm-server`` (a real process each time)
and ``desktop-crm enroll`` / ``desktop-crm sync``, as branch IT staff would script them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_crm.cli import main as desktop_cli
from desktop_crm.models import Customer, OrgUnit, Visit
from desktop_crm.models.db import open_database
from desktop_crm.services.auth import authenticate
from desktop_crm.sync.server.storage import open_store
from tests.sync_helpers import ServerProcess, require_backend, run_server_cli, server_database_url

CODE = re.compile(r"[A-Z2-9]{4}(?:-[A-Z2-9]{4}){3}")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_demo_head_office_serves_a_station_through_the_command_lines(
    backend: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_backend(backend)
    url = server_database_url(backend, tmp_path)
    made = run_server_cli(url, "init", "--demo", "40", "--today", "2026-06-15")
    assert made.returncode == 0, made.stderr
    assert "Copied" in made.stdout and CODE.search(made.stdout)

    again = run_server_cli(url, "init", "--company-code", "XX", "--company-name", "另一家")
    assert again.returncode == 2
    assert again.stderr.strip().count("\n") == 0 and "already holds an org tree" in again.stderr

    listed = run_server_cli(url, "org", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    units = [json.loads(line) for line in listed.stdout.splitlines()]
    by_code = {u["code"]: u for u in units}
    assert by_code["GS"]["kind"] == "company" and by_code["GS"]["parent"] is None
    assert by_code["GS01"]["parent"] == "GS" and by_code["GS0101"]["parent"] == "GS01"
    assert units[0]["code"] == "GS"  # parents before children

    missing = run_server_cli(url, "enroll-code", "--org", "NOPE")
    assert missing.returncode == 2 and "NOPE" in missing.stderr
    issued = run_server_cli(url, "enroll-code", "--org", "GS0101", "--json")
    assert issued.returncode == 0, issued.stderr
    code = json.loads(issued.stdout)["code"]
    assert CODE.fullmatch(code)

    station_db = tmp_path / "station.db"
    with ServerProcess(url, tmp_path / "server.log") as server:
        capsys.readouterr()
        assert desktop_cli(["enroll", "--db", str(station_db), "--server", server.url,
                            "--code", code, "--name", "中华大街收银台"]) == 0  # fmt: skip
        said = capsys.readouterr().out
        assert "GS0101" in said and "令牌保存在文件" in said
        assert desktop_cli(["sync", "--db", str(station_db)]) == 0
        said = capsys.readouterr().out
        assert said.startswith("已与 ") and "收到" in said
        assert desktop_cli(["search", "gs0101", "--db", str(station_db)]) == 0  # runs at all

    store = open_store(url, migrate=False)
    try:
        with store.reads() as session:
            station = session.scalars(select(OrgUnit).where(OrgUnit.code == "GS0101")).one()
            expected_customers = session.scalar(
                select(func.count()).select_from(Customer).where(Customer.org_unit_id == station.id)
            )
            expected_visits = session.scalar(
                select(func.count()).select_from(Visit).where(Visit.org_unit_id == station.id)
            )
            name = session.scalars(
                select(Customer.name).where(Customer.org_unit_id == station.id).limit(1)
            ).one()
    finally:
        store.close()
    db = open_database(station_db)
    try:
        with db.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == expected_customers
            assert session.scalar(select(func.count()).select_from(Visit)) == expected_visits
            # The demo's station master logs in here with the demo password.
            user = authenticate(session, "gs0101-master", "demo1234")
            assert user.login == "gs0101-master"
    finally:
        db.close()
    capsys.readouterr()
    assert desktop_cli(["search", name, "--db", str(station_db), "--json",
                        "--user", "gs0101-master"]) == 0  # fmt: skip
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert name in {row["name"] for row in found}  # the search index was built by the pull

    # The server is gone: a scheduled sync says so in one line and exits 2.
    assert desktop_cli(["sync", "--db", str(station_db)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "无法连接总部" in error


def test_a_new_company_gets_its_administrator_and_an_enrolment_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server_database_url("sqlite", tmp_path)
    made = run_server_cli(url, "init", "--company-code", "HB", "--company-name", "河北分公司",
                          "--admin-login", "boss", "--admin-name", "赵总")  # fmt: skip
    assert made.returncode == 0, made.stderr
    password = re.search(r"password: (\S+)", made.stdout)
    code = CODE.search(made.stdout)
    assert password and code
    desk = tmp_path / "hq.db"
    with ServerProcess(url, tmp_path / "server.log") as server:
        assert desktop_cli(["enroll", "--db", str(desk), "--server", server.url + "/",
                            "--code", code.group(0)]) == 0  # fmt: skip
        assert desktop_cli(["sync", "--db", str(desk)]) == 0
        capsys.readouterr()
        # A code works once.
        assert desktop_cli(["enroll", "--db", str(tmp_path / "other.db"), "--server",
                            server.url, "--code", code.group(0)]) == 2  # fmt: skip
        assert "注册码被拒绝" in capsys.readouterr().err
    db = open_database(desk)
    try:
        with db.sessions() as session:
            admin = authenticate(session, "boss", password.group(1))
            assert admin.name == "赵总" and admin.role == "company_admin"
    finally:
        db.close()


def test_the_server_listens_on_this_computer_only_unless_told(tmp_path: Path) -> None:
    from desktop_crm.sync.server.cli import build_parser

    args = build_parser().parse_args(["--database-url", "sqlite:///x.db"])
    assert args.host == "127.0.0.1" and args.func.__name__ == "cmd_run"
    args = build_parser().parse_args(["run", "--host", "0.0.0.0", "--ssl-certfile", "c.pem",
                                      "--ssl-keyfile", "k.pem"])  # fmt: skip
    assert (args.host, args.ssl_certfile, args.ssl_keyfile) == ("0.0.0.0", "c.pem", "k.pem")
    missing_key = run_server_cli(f"sqlite:///{tmp_path / 'x.db'}", "run", "--ssl-certfile", "c.pem")
    assert missing_key.returncode == 2 and "--ssl-keyfile" in missing_key.stderr


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_the_server_speaks_tls_with_the_certificate_it_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = tmp_path / "hq.pem", tmp_path / "hq.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    url = server_database_url("sqlite", tmp_path)
    made = run_server_cli(url, "init", "--company-code", "HB", "--company-name", "河北分公司")
    code = CODE.search(made.stdout)
    assert made.returncode == 0 and code
    server = ServerProcess(url, tmp_path / "server.log", tls=(cert, key))
    with server:
        desk = str(tmp_path / "hq.db")
        https = server.url.replace("http://", "https://")
        # Without being told to trust the company's own certificate, the desktop refuses it.
        assert desktop_cli(["enroll", "--db", desk, "--server", https, "--code",
                            code.group(0)]) == 2  # fmt: skip
        monkeypatch.setenv("DESKTOP_CRM_CA_BUNDLE", str(cert))
        assert desktop_cli(["enroll", "--db", desk, "--server", https, "--code",
                            code.group(0)]) == 0  # fmt: skip
        assert desktop_cli(["sync", "--db", desk]) == 0
    assert "已与 https://127.0.0.1" in capsys.readouterr().out
