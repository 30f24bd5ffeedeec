"""The printable reports as a reader sees them: the PDF's text (pdftotext) holds the
Chinese titles and the hand-computed figures, the CJK font is embedded (pdffonts), and the
Excel export holds the same tables (openpyxl)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_crm.models import OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.reports.catalog import build_report, write_report
from desktop_crm.reports.document import Report
from desktop_crm.reports.periods import parse_period
from tests.conftest import Org
from tests.report_data import EXPECTED, NOW, add_data

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (scripts/setup-env test)"
)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return out.stdout


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]


def assert_fonts_embedded(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, "the PDF uses no font at all"
    for font in fonts:
        # name type encoding emb sub uni object ID: every font embedded, with a ToUnicode map
        assert font[-5:-2] == ["yes", "yes", "yes"], font
    assert any("NotoSansSC" in font[0] for font in fonts)


def figure(text: str, label: str, value: object) -> None:
    """``label`` followed on its line by ``value`` (a key figure of the report)."""
    pattern = re.escape(label) + r"\s+" + re.escape(str(value)) + r"(\s|$)"
    assert re.search(pattern, text, re.MULTILINE), f"{label} {value} not in:\n{text}"


def make(db: Database, user: User, kind: str, unit: OrgUnit | None, period: str | None,
         customer_id: str | None = None) -> Report:  # fmt: skip
    with db.sessions.begin() as s:
        s.add(user)
        return build_report(s, user, kind, s.merge(unit) if unit else None,
                            parse_period(period) if period else None, NOW, customer_id)  # fmt: skip


@pytest.fixture
def data(db: Database, org: Org) -> dict[str, str]:
    return add_data(db, org)


def test_daily_report_of_a_station(db: Database, org: Org, data: dict[str, str],
                                   tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["master"], "daily", org.station, "2026-11-23")
    path = write_report(report, tmp_path / "daily.pdf")
    text = pdf_text(path)
    assert "日报表" in text and "东湖加油站" in text and "2026-11-23" in text
    figure(text, "到站次数", EXPECTED["daily_visits"])
    figure(text, "升数", EXPECTED["daily_litres"])
    figure(text, "金额（元）", EXPECTED["daily_amount"])
    figure(text, "持卡消费比率", EXPECTED["daily_card_share"])
    figure(text, "新增客户", EXPECTED["daily_new"])
    figure(text, "已回访", EXPECTED["daily_done"])
    figure(text, "待回访", EXPECTED["daily_pending"])
    figure(text, "受理投诉", EXPECTED["daily_received"])
    figure(text, "未结投诉", EXPECTED["daily_open"])
    assert "GS0101-20261123-001" in text  # received that day, still open
    assert "GS0101-20261103-001" not in text  # closed on 2026-11-20
    assert "钱小" in text and "东方物流有限公司" in text  # pending and done callbacks
    assert "第1页/共1页" in text.replace(" ", "")
    assert not report.empty
    assert_fonts_embedded(path)


def test_daily_report_of_the_company_lists_its_areas(db: Database, org: Org,
                                                     data: dict[str, str], tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["admin"], "daily", org.company, "2026-11-23")
    text = pdf_text(write_report(report, tmp_path / "daily.pdf"))
    assert "按机构统计" in text
    figure(text, "到站次数", 3)  # the two at 东湖 and 孙丽's at 西湖
    assert re.search(r"东城片区\s+2\s+140\.00", text)
    assert re.search(r"西城片区\s+1\s+30\.00", text)


def test_a_day_without_data_says_so(db: Database, org: Org, data: dict[str, str],
                                    tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["admin"], "daily", org.station2, "2026-11-25")
    assert report.empty
    text = pdf_text(write_report(report, tmp_path / "empty.pdf"))
    assert "西湖加油站 在 2026-11-25 没有任何记录。" in text
    assert "当日没有到站记录。" in text


def test_monthly_pack_of_the_company(db: Database, org: Org, data: dict[str, str],
                                     tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["admin"], "monthly", org.company, "2026-11")
    path = write_report(report, tmp_path / "monthly.pdf")
    text = pdf_text(path)
    assert "月度分析" in text and "测试石油分公司" in text and "2026-11" in text
    figure(text, "客户数", EXPECTED["month_customers"])
    figure(text, "新增客户", EXPECTED["month_new"])
    figure(text, "到站次数", EXPECTED["month_visits"])
    figure(text, "升数", EXPECTED["month_litres"])
    figure(text, "持卡消费比率", EXPECTED["month_card_share"])
    figure(text, "大客户销量占比", EXPECTED["month_big_share"])
    figure(text, "回访及时率", EXPECTED["month_callbacks_on_time"])
    figure(text, "平均满意度（1-5）", EXPECTED["month_satisfaction"])
    figure(text, "单位客户同比增长", EXPECTED["month_yoy_organisations"])
    figure(text, "升级 / 降级", EXPECTED["month_levels_up_down"])
    assert "客户等级与类型" in text and "近十二个月" in text and "投诉类别（排列图）" in text
    assert re.search(r"服务态度\s+2\s+66\.7%\s+66\.7%", text)  # Pareto: 2 of 3, then 油品质量
    assert re.search(r"油品质量\s+1\s+33\.3%\s+100\.0%", text)
    assert_fonts_embedded(path)


def test_monthly_pack_of_a_station_lists_its_staff(db: Database, org: Org,
                                                   data: dict[str, str], tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["master"], "monthly", org.station, "2026-11")
    text = pdf_text(write_report(report, tmp_path / "m.pdf"))
    assert "按机构统计" not in text  # a station has no units below
    # 李娜 maintains 赵大海 and 东方物流, recorded two callbacks in November
    assert re.search(r"东湖加油站\s+李娜\s+2\s+2\s+0", text)


def test_complaint_register(db: Database, org: Org, data: dict[str, str],
                            tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["admin"], "complaints", org.company, "2026-11")
    assert report.landscape
    path = write_report(report, tmp_path / "register.pdf")
    text = pdf_text(path)
    assert "投诉台账" in text
    figure(text, "受理投诉", EXPECTED["register_complaints"])
    figure(text, "受理建议", EXPECTED["register_suggestions"])
    figure(text, "已办结", EXPECTED["register_closed"])
    figure(text, "按期办结率", EXPECTED["register_on_time_share"])
    for number in ("GS0101-20261123-001", "GS0101-20261102-001", "GS0101-20261103-001",
                   "GS0201-20261110-001"):  # fmt: skip
        assert number in text
    assert_fonts_embedded(path)


def test_a_period_without_complaints(db: Database, org: Org, data: dict[str, str],
                                     tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["admin"], "complaints", org.company, "2026-10")
    assert report.empty
    text = pdf_text(write_report(report, tmp_path / "none.pdf"))
    assert "期间没有受理投诉或建议。" in text


def test_weekly_callback_report_with_guidance(db: Database, org: Org, data: dict[str, str],
                                              tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["master"], "weekly", org.station, "2026-W48")
    path = write_report(report, tmp_path / "weekly.pdf")
    text = pdf_text(path)
    assert "回访报告" in text and "2026-W48" in text
    assert "指导意见" in text and "多关注大客户的用油需求" in text
    assert "本周回访客户两名" in text  # the author's own summary
    assert "希望开发票更快" in text  # the customer's words, verbatim
    assert "李娜" in text and "张伟" in text  # author, reviewer
    figure(text, "已交报告", 1)
    assert_fonts_embedded(path)


def test_customer_file_masks_phones_for_staff(db: Database, org: Org, data: dict[str, str],
                                              tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["staff"], "customer", None, None, data["zhao"])
    text = pdf_text(write_report(report, tmp_path / "file.pdf"))
    assert "客户档案" in text and "赵大海" in text and "京A·12345" in text
    assert "138****1111" in text and "13800001111" not in text
    assert "到站" in text and "投诉" in text  # the history: a visit and the complaint


def test_excel_export_holds_the_same_tables(db: Database, org: Org, data: dict[str, str],
                                            tmp_path: Path) -> None:  # fmt: skip
    report = make(db, org.users["admin"], "complaints", org.company, "2026-11")
    path = write_report(report, tmp_path / "register.xlsx")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["概要", "按类别统计", "台账"]
    summary = [tuple(r) for r in book["概要"].iter_rows(values_only=True)]
    assert summary[0][0] == "投诉台账"
    assert ("受理投诉", 3) in [r[:2] for r in summary]
    register = list(book["台账"].iter_rows(values_only=True))
    assert register[0][0] == "编号"
    assert sorted(r[0] for r in register[1:]) == [
        "GS0101-20261102-001", "GS0101-20261103-001", "GS0101-20261123-001",
        "GS0201-20261110-001",
    ]  # fmt: skip
    categories = {r[0]: r[1] for r in book["按类别统计"].iter_rows(values_only=True)}
    assert categories["服务态度"] == 2 and categories["合计"] == 3


def test_a_name_like_a_formula_stays_text_in_excel(db: Database, org: Org,
                                                   tmp_path: Path) -> None:  # fmt: skip
    from desktop_crm.reports.document import Table
    from desktop_crm.reports.excel import render_xlsx

    report = Report("x", "报表", "单位", "2026-11", "2026-11-24 09:00",
                    [Table("名单", ["姓名"], [["=HYPERLINK(\"http://x\")"]])])  # fmt: skip
    path = render_xlsx(report, tmp_path / "x.xlsx")
    cell = load_workbook(path)["名单"]["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_reports_stay_inside_the_users_subtree(db: Database, org: Org,
                                               data: dict[str, str]) -> None:  # fmt: skip
    from desktop_crm.errors import UserError

    with pytest.raises(UserError, match="outside"):
        make(db, org.users["master"], "daily", org.station2, "2026-11-23")


def test_periods() -> None:
    from desktop_crm.errors import UserError

    week = parse_period("2026-W48")
    assert (week.start.isoformat(), week.last.isoformat()) == ("2026-11-23", "2026-11-29")
    month = parse_period("2026-02")
    assert (month.start.isoformat(), month.last.isoformat()) == ("2026-02-01", "2026-02-28")
    assert parse_period("2026-11-23").span == "2026-11-23"
    assert [p.text for p in month.months_back(3)] == ["2025-12", "2026-01", "2026-02"]
    for bad in ("2026-13", "2026-W54", "23.11.2026", ""):
        with pytest.raises(UserError):
            parse_period(bad)


def test_monthly_pack_can_carry_the_charts_tab(db: Database, org: Org, data: dict[str, str],
                                               tmp_path: Path) -> None:  # fmt: skip
    from desktop_crm.reports import figures

    with db.sessions.begin() as s:
        user = s.merge(org.users["admin"])
        report = build_report(s, user, "monthly", s.merge(org.company), parse_period("2026-11"),
                              NOW, tab_charts=True)  # fmt: skip
    path = write_report(report, tmp_path / "pack.pdf")
    text = pdf_text(path)
    for spec in figures.CHARTS.values():  # each chart's table, under the chart's own title
        assert figures.t(spec.title).replace(" ", "")[:8] in text.replace(" ", "")
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]  # fmt: skip
    assert len(images) >= len(figures.CHARTS) + 3  # the pack's own charts and the tab's
    assert_fonts_embedded(path)


def test_a_week_and_a_month_without_data_say_so(db: Database, org: Org, data: dict[str, str],
                                                tmp_path: Path) -> None:  # fmt: skip
    from desktop_crm.models import OrgKind
    from desktop_crm.services.orgs import create_org_unit

    weekly = make(db, org.users["admin"], "weekly", org.station2, "2026-W47")
    assert weekly.empty
    assert "2026-W47 没有到期的回访，也没有人填写回访报告。" in pdf_text(
        write_report(weekly, tmp_path / "w.pdf")
    )
    with db.sessions.begin() as s:
        admin = s.merge(org.users["admin"])
        new = create_org_unit(s, admin, "GS0202", "新开加油站", OrgKind.STATION, s.merge(org.area2))
    monthly = make(db, org.users["admin"], "monthly", new, "2026-11")
    assert monthly.empty
    text = pdf_text(write_report(monthly, tmp_path / "m.pdf"))
    assert "新开加油站 在 2026-11 没有客户，也没有任何数据。" in text
