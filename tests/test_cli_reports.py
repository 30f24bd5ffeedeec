"""`desktop-crm report ...`: the same files as the dialog, one-line errors with exit 2."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_crm.cli import main
from desktop_crm.models import AuditEvent
from desktop_crm.models.db import Database
from tests.conftest import Org
from tests.report_data import add_data

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (scripts/setup-env test)"
)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


@pytest.fixture
def data(db: Database, org: Org) -> dict[str, str]:
    return add_data(db, org)


def run(db: Database, *args: str) -> int:
    return main(["report", *args, "--db", str(db.path)])


def test_daily_pdf_for_a_station(db: Database, data: dict[str, str], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = tmp_path / "daily.pdf"
    assert run(db, "daily", "--org", "GS0101", "--period", "2026-11-23", "--out", str(out)) == 0
    assert str(out) in capsys.readouterr().out
    text = pdf_text(out)
    assert "日报表" in text and "东湖加油站" in text


def test_without_org_the_top_of_the_tree(db: Database, data: dict[str, str],
                                         tmp_path: Path) -> None:  # fmt: skip
    out = tmp_path / "monthly.pdf"
    assert run(db, "monthly", "--period", "2026-11", "--out", str(out)) == 0
    text = pdf_text(out)
    assert "月度分析" in text and "测试石油分公司" in text
    with db.session() as s:  # the export is audited
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.entity == "report")))
    assert len(events) == 1 and "monthly.pdf" in (events[0].detail or "")


def test_weekly_and_complaints_to_excel(db: Database, data: dict[str, str],
                                        tmp_path: Path) -> None:  # fmt: skip
    weekly = tmp_path / "weekly.xlsx"
    assert run(db, "weekly", "--org", "GS0101", "--period", "2026-W48", "--out", str(weekly)) == 0
    book = load_workbook(weekly, read_only=True)
    assert book.sheetnames[0] == "概要" and "本周回访报告" in book.sheetnames
    register = tmp_path / "register.xlsx"
    assert run(db, "complaints", "--period", "2026-11", "--out", str(register)) == 0
    assert "台账" in load_workbook(register, read_only=True).sheetnames


def test_customer_file_by_phone(db: Database, data: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "file.pdf"
    assert run(db, "customer", "--customer", "13800001111", "--out", str(out)) == 0
    assert "赵大海" in pdf_text(out)


def test_an_empty_period_writes_a_report_that_says_so(
    db: Database, data: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "empty.pdf"
    assert run(db, "complaints", "--period", "2026-10", "--out", str(out)) == 0
    assert "没有受理投诉或建议" in capsys.readouterr().out
    assert "没有受理投诉或建议" in pdf_text(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["daily", "--period", "2026-11-31", "--out", "x.pdf"], "不是有效的期间"),
        (["daily", "--org", "NOPE", "--period", "2026-11-23", "--out", "x.pdf"], "NOPE"),
        (["daily", "--period", "2026-11-23", "--out", "x.docx"], ".pdf 或 .xlsx"),
        (["monthly", "--out", "x.pdf"], "--period"),
        (["customer", "--customer", "nobody", "--out", "x.pdf"], "nobody"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    db: Database, data: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    args: list[str], message: str,
) -> None:  # fmt: skip
    args = [a if a not in ("x.pdf", "x.docx") else str(tmp_path / a) for a in args]
    assert run(db, *args) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err
    assert not (tmp_path / "x.pdf").exists()
