"""``desktop-crm callbacks generate|list`` as branch IT runs them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest

from desktop_crm import i18n
from desktop_crm.cli import main
from desktop_crm.models.db import Database
from tests.conftest import Org
from tests.test_callback_rules import customer, visits, weekly


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Each test starts in the default language (a --lang en run leaves English loaded)."""
    i18n.install(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.install(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def store(db: Database, org: Org) -> str:
    with db.sessions.begin() as s:
        absent = customer(s, org.station, org.users["staff"], name="常来的客户")
        visits(s, absent, weekly(date(2026, 6, 1)))
        customer(s, org.station, org.users["staff"], name="VIP客户", level="VIP")
    return str(db.path)


def test_generate_runs_the_rules_once(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    i18n.install("en")
    assert (
        main(["--lang", "en", "callbacks", "generate", "--db", store, "--today", "2026-06-12"]) == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Callback rules for 2026-06-12: 2 tasks created, 0 closed."
    assert "  created, routine by level: 1" in out
    assert "  created, absence anomaly: 1" in out
    assert (
        main(["--lang", "en", "callbacks", "generate", "--db", store, "--today", "2026-06-12"]) == 0
    )
    again = capsys.readouterr().out.splitlines()
    assert again[0] == "Callback rules for 2026-06-12: 0 tasks created, 0 closed."


def test_generate_speaks_chinese_by_default(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["callbacks", "generate", "--db", store, "--today", "2026-06-12"]) == 0
    out = capsys.readouterr().out
    assert "2026-06-12" in out and "新建" in out


def test_list_prints_one_json_object_per_task(
    store: str, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["callbacks", "generate", "--db", store, "--today", "2026-06-12"])
    capsys.readouterr()
    assert main(["callbacks", "list", "--db", store, "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 2
    absence = next(r for r in records if r["reason"] == "absence")
    assert absence["customer_name"] == "常来的客户"
    assert absence["status"] == "open"
    assert absence["due_date"] == "2026-06-12"
    assert absence["assignee_login"] == "staff"
    assert absence["assignee_name"] == "李娜"
    assert absence["channel"] == "phone"
    assert absence["appointment"] is None
    assert set(absence) == {
        "id", "customer_id", "customer_name", "reason", "status", "due_date", "appointment",
        "assignee_login", "assignee_name", "channel", "purpose",
    }  # fmt: skip
    assert main(["callbacks", "list", "--db", store, "--json", "--status", "done"]) == 0
    assert capsys.readouterr().out == ""


def test_bad_input_is_one_line_and_exit_2(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    i18n.install("en")
    code = main(["--lang", "en", "callbacks", "generate", "--db", store, "--today", "2026-13-01"])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err == "--today takes a date as YYYY-MM-DD, not 2026-13-01."
    with pytest.raises(SystemExit) as exit_info:
        main(["callbacks", "list", "--db", store, "--status", "lost"])
    assert exit_info.value.code == 2
