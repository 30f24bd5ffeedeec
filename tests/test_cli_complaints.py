"""`desktop-crm complaints escalate|list`: the clock from the command line, the register as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from desktop_crm import i18n
from desktop_crm.cli import main
from desktop_crm.models.db import Database
from tests.complaint_helpers import at, load, new_complaint
from tests.conftest import Org


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The messages in English (the process may have loaded Chinese for an earlier test)."""
    i18n.install("en")
    yield
    i18n.install(i18n.DEFAULT_LANGUAGE)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_escalate_runs_the_clock_once(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    first = new_complaint(db, org, at("2026-11-23 10:00"))
    second = new_complaint(db, org, at("2026-11-23 10:30"))
    path = str(db.path)
    code, out, _ = run(capsys, "complaints", "escalate", "--db", path, "--now", "2026-11-23 11:20")
    assert code == 0
    # the first is past its hour (escalated), the second at 83% of it (warned)
    assert out.strip() == ("Complaints checked 2: warned 1, escalated 1, overdue at the company 0.")
    assert load(db, first).level == "area" and load(db, second).level == "station"
    code, out, _ = run(capsys, "complaints", "escalate", "--db", path, "--now", "2026-11-23 11:20")
    assert (code, out.strip()) == (
        0, "Complaints checked 2: warned 0, escalated 0, overdue at the company 0."
    )  # fmt: skip


def test_escalate_refuses_a_time_it_cannot_read(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "complaints", "escalate", "--db", str(db.path), "--now", "tomorrow"
    )
    assert code == 2 and out == ""
    assert "YYYY-MM-DD HH:MM" in err and "tomorrow" in err


def test_list_gives_one_json_object_per_complaint(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    new_complaint(db, org, at("2026-11-23 10:00"))
    new_complaint(db, org, at("2026-11-23 10:05"), severity="特别重大", login="admin",
                  station_id=org.station2.id)  # fmt: skip
    path = str(db.path)
    code, out, _ = run(
        capsys, "complaints", "list", "--db", path, "--json", "--now", "2026-11-23 10:50"
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["number"] for r in rows] == ["GS0101-20261123-001", "GS0201-20261123-001"]
    first, severe = rows
    assert first | {"deadlines": None, "next_deadline": None} == {
        "number": "GS0101-20261123-001", "type": "complaint", "status": "received",
        "level": "station", "owner": "master", "station": "GS0101", "severity": "一般",
        "category": "服务态度", "received": "2026-11-23 10:00", "paused": False,
        "overdue": False, "deadlines": None, "next_deadline": None,
    }  # fmt: skip
    assert first["deadlines"] == {
        "accept": {"due": "2026-11-23 11:00", "met": None, "overdue": False, "state": "warning"},
        "reply": {"due": "2026-11-24 10:00", "met": None, "overdue": False, "state": "in_time"},
        "close": {"due": "2026-11-30 10:00", "met": None, "overdue": False, "state": "in_time"},
    }
    assert first["next_deadline"] == {
        "kind": "accept", "due": "2026-11-23 11:00", "remaining_minutes": 10, "state": "warning",
    }  # fmt: skip
    assert (severe["level"], severe["owner"], severe["station"]) == ("company", "admin", "GS0201")
    assert severe["deadlines"]["close"]["due"] == "2026-11-24 10:05"
    # later, both are past their acceptance deadline
    code, out, _ = run(
        capsys, "complaints", "list", "--db", path, "--json", "--now", "2026-11-23 11:30"
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["overdue"], r["deadlines"]["accept"]["overdue"]) for r in rows] == [(True, True)] * 2
    assert rows[0]["next_deadline"]["state"] == "overdue"


def test_list_filters_and_a_readable_line(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    new_complaint(db, org, at("2026-11-23 10:00"))
    path = str(db.path)
    code, out, _ = run(capsys, "complaints", "list", "--db", path, "--status", "archived")
    assert (code, out) == (0, "")
    code, out, _ = run(
        capsys, "complaints", "list", "--db", path, "--open", "--now", "2026-11-23 10:10"
    )
    fields = out.strip().split("\t")
    assert fields[:4] == ["GS0101-20261123-001", "received", "station", "master"]
    assert fields[5:] == ["accept", "2026-11-23 11:00", "in_time"]
