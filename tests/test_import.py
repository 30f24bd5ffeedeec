"""Importing customers and visits from real CSV (UTF-8, UTF-8 with BOM, GBK) and .xlsx
files: header detection, column mapping, the way clerks type, row errors with Excel's
row numbers, re-imports that update instead of duplicating, visits, the CLI."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, text

from desktop_crm.cli import main
from desktop_crm.errors import PermissionDenied, UserError
from desktop_crm.models import (
    AuditEvent,
    Customer,
    CustomerSearch,
    FuelCard,
    LevelChange,
    User,
    Vehicle,
    Visit,
)
from desktop_crm.models.db import Database
from desktop_crm.services.importing import (
    ImportCancelled,
    ImportKind,
    ImportResult,
    import_customers,
    import_visits,
    parse_mapping_spec,
    preview_file,
    values,
    write_error_report,
)
from desktop_crm.services.importing.reading import read_table
from desktop_crm.services.importing.values import RowProblem
from desktop_crm.services.search import search_ids
from tests.conftest import Org, rebuild_search_index, search_documents

HEADER = ["姓名", "手机", "车牌号", "加油卡号", "身份证号", "工作单位", "客户等级", "备注"]
ROWS = [
    ["张伟", "13812345678", "京A12345", "1000113200000012345", "11010519491231002X", "顺达物流", "A", "老客户"],
    ["李娜", "13987650001", "冀B88888", "", "", "", "B", ""],
    ["王小明", "", "冀A66666", "", "", "", "", ""],
]  # fmt: skip


# -- helpers --------------------------------------------------------------------------------
def write_csv(
    path: Path, rows: Sequence[Sequence[Any]], encoding: str = "utf-8-sig", title: str = ""
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        if title:
            writer.writerow([title])
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], title: str = "") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def run_import(db: Database, org: Org, path: Path, login: str = "staff", **kw: Any) -> ImportResult:
    with db.sessions.begin() as s:
        user = s.get_one(User, org.users[login].id)
        return import_customers(s, path, user, **kw)


def run_visits(db: Database, org: Org, path: Path, login: str = "staff", **kw: Any) -> ImportResult:
    with db.sessions.begin() as s:
        user = s.get_one(User, org.users[login].id)
        return import_visits(s, path, user, **kw)


def customers(db: Database) -> dict[str, Customer]:
    with db.session() as s:
        return {c.name or c.id: c for c in s.scalars(select(Customer))}


def count(db: Database, model: Any) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def errors_of(result: ImportResult) -> list[tuple[int, str]]:
    return [(e.row, e.message()) for e in result.errors]


# -- encodings, formats, header row -----------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_utf8_with_or_without_bom_and_gbk(
    db: Database, org: Org, tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "客户.csv", [HEADER, *ROWS], encoding)
    if encoding == "gbk":  # really GBK bytes, not UTF-8 that happens to decode
        assert "张伟".encode("gbk") in path.read_bytes()
    result = run_import(db, org, path)
    assert (result.imported, result.errors) == (3, [])
    found = customers(db)
    assert set(found) == {"张伟", "李娜", "王小明"}
    zhang = found["张伟"]
    assert (zhang.phone, zhang.employer, zhang.level, zhang.notes) == (
        "13812345678", "顺达物流", "A", "老客户"
    )  # fmt: skip
    assert zhang.org_unit_id == org.station.id  # the importing user's station


def test_title_line_above_the_header(db: Database, org: Org, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [[], HEADER, *ROWS], title="2025年客户名单")
    preview = preview_file(path, ImportKind.CUSTOMERS)
    assert preview.header_row == 3
    assert preview.mapping[0] == "name" and preview.mapping[2] == "plate"
    result = run_import(db, org, path)
    assert result.header_row == 3
    assert result.imported == 3


def test_xlsx_with_merged_title_numbers_dates_and_long_cards(
    db: Database, org: Org, tmp_path: Path
) -> None:
    rows = [
        ["客户名称", "联系电话", "车牌", "IC卡号", "生日", "客户类型"],
        ["张伟", 13812345678, "京A12345", "1000113200000012345", datetime(1980, 5, 6), "个人"],
        ["李娜", 13987650001.0, "冀B88888", 100011320000001, date(1990, 1, 2), "个人"],
        ["顺达物流有限公司", "0311-86901234", "冀A12121", 1.0001132000000123e18, None, "单位"],
    ]
    path = write_xlsx(tmp_path / "客户.xlsx", rows, title="2025年客户名单")
    result = run_import(db, org, path)
    assert result.header_row == 2
    assert result.imported == 2
    # A 19-digit card Excel stored as a number has lost its last digits: refused, not mangled.
    assert len(result.errors) == 1 and result.errors[0].row == 5
    assert "lost its last digits" in result.errors[0].message()
    found = customers(db)
    assert found["张伟"].phone == "13812345678"
    assert found["张伟"].birthday == "1980-05-06"
    assert found["李娜"].phone == "13987650001"  # 13987650001.0 → text
    with db.session() as s:
        cards = set(s.scalars(select(FuelCard.card_no)))
    assert cards == {"1000113200000012345", "100011320000001"}


# -- normalisation ----------------------------------------------------------------------------
def test_values_as_clerks_type_them(db: Database, org: Org, tmp_path: Path) -> None:
    rows = [
        ["姓名", "手机", "车牌", "卡号", "身份证"],
        ["  张  伟 ", "１３８１２３４５６７８", "京a·12345", "1000 1132 0000 0012 345", "11010519491231002x"],
        ["李娜", "+86 139-8765-0001", "冀Ｂ 88888", "", ""],
        ["王芳", "138 0000 1111", "冀AD12345", "", ""],
        ["赵磊", "0311 8690 1234", "", "", ""],
        ["刘洋", "(010)88889999", "", "", ""],
    ]  # fmt: skip
    result = run_import(db, org, write_csv(tmp_path / "c.csv", rows))
    assert result.errors == []
    found = customers(db)
    assert found["张伟"].phone == "13812345678"
    assert found["张伟"].id_number == "11010519491231002X"
    assert found["张伟"].id_type == "id_card"
    assert found["张伟"].birthday == "1949-12-31"  # from the ID number
    assert found["李娜"].phone == "13987650001"
    assert found["王芳"].phone == "13800001111"
    assert found["赵磊"].phone == "0311-86901234"
    assert found["刘洋"].phone == "010-88889999"
    with db.session() as s:
        plates = dict(s.execute(select(Vehicle.plate, Vehicle.new_energy)).tuples().all())
        cards = list(s.scalars(select(FuelCard.card_no)))
    assert plates == {"京A12345": False, "冀B88888": False, "冀AD12345": True}
    assert cards == ["1000113200000012345"]


def test_profile_stage_pinyin_and_kind(db: Database, org: Org, tmp_path: Path) -> None:
    rows = [
        ["姓名", "手机", "车牌", "单位", "统一社会信用代码"],
        ["", "", "冀A11111", "", ""],
        ["张伟", "", "冀A22222", "顺达物流", ""],
        ["李娜", "13987650001", "", "", ""],
        ["顺达物流有限公司", "", "", "", "91130100MA0CUH0B2B"],
    ]
    result = run_import(db, org, write_csv(tmp_path / "c.csv", rows))
    assert errors_of(result) == []
    with db.session() as s:
        plate_only = s.scalars(
            select(Customer).join(Vehicle, Vehicle.customer_id == Customer.id)
            .where(Vehicle.plate == "冀A11111")
        ).one()  # fmt: skip
    assert plate_only.profile_stage == "plate_only" and plate_only.name is None
    found = customers(db)
    assert found["张伟"].profile_stage == "preliminary"
    assert (found["张伟"].pinyin, found["张伟"].pinyin_initials) == ("zhangwei", "zw")
    assert found["李娜"].profile_stage == "complete"
    company = found["顺达物流有限公司"]
    assert (company.kind, company.id_type, company.profile_stage) == (
        "organisation", "uscc", "complete"
    )  # fmt: skip
    assert found["张伟"].kind == "person"
    assert all(c.created_at and c.status == "active" for c in found.values())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-01-02", "2025-01-02"),
        ("2025/1/2", "2025-01-02"),
        ("2025年1月2日", "2025-01-02"),
        ("2025.1.2", "2025-01-02"),
        ("20250102", "2025-01-02"),
        (45659, "2025-01-02"),  # an Excel serial date
        (datetime(2025, 1, 2, 8, 30), "2025-01-02"),
    ],
)
def test_dates(typed: Any, expected: str) -> None:
    assert values.day(typed) == expected


def test_moments_times_money_products() -> None:
    assert values.moment("2025/1/2 8:15") == (datetime(2025, 1, 2, 8, 15), True)
    assert values.moment("2025-01-02 08:15:30") == (datetime(2025, 1, 2, 8, 15, 30), True)
    assert values.moment("2025年1月2日") == (datetime(2025, 1, 2), False)
    assert values.money_fen("¥1,350.50") == 135050
    assert values.money_fen("350元") == 35000
    assert values.money_fen(300.1) == 30010
    assert values.product("92号汽油") == "92#"
    assert values.product("0#柴油") == "0#"
    assert values.paid_by_card("加油卡") and values.paid_by_card("IC卡")
    assert not values.paid_by_card("现金") and not values.paid_by_card("银行卡")
    for bad in ("2025-13-01", "昨天"):
        with pytest.raises(RowProblem):
            values.day(bad)
    with pytest.raises(RowProblem):
        values.card("1.00011E+18")  # digits lost in Excel


# -- row errors -------------------------------------------------------------------------------
def test_invalid_rows_reported_with_excel_row_numbers(
    db: Database, org: Org, tmp_path: Path
) -> None:
    rows = [
        HEADER,
        ["张伟", "13812345678", "京A12345", "", "", "", "", ""],  # row 3: fine
        ["李娜", "1381234", "", "", "", "", "", ""],  # row 4: short phone
        ["王五", "", "京I12345", "", "", "", "", ""],  # row 5: I is never on a plate
        ["赵六", "", "", "", "110105194912310021", "", "", ""],  # row 6: check digit
        ["", "", "", "", "", "", "", "备注而已"],  # row 7: nobody
        [],  # blank: ignored
        ["钱七", "13900000000", "", "", "", "", "", ""],  # row 9: fine
        ["合计", "", "", "", "", "", "", ""],  # a total line: ignored
    ]
    path = write_csv(tmp_path / "c.csv", rows, title="2025年客户名单")
    result = run_import(db, org, path)
    assert result.imported == 2
    assert [e.row for e in result.errors] == [4, 5, 6, 7]
    reasons = dict(errors_of(result))
    assert "1381234" in reasons[4] and "mobile" in reasons[4]
    assert "licence plate" in reasons[5]
    assert "ID number" in reasons[6]
    assert "no name, phone" in reasons[7]
    assert result.errors[0].cells[:2] == ("李娜", "1381234")
    assert set(customers(db)) == {"张伟", "钱七"}


def test_error_report_is_excel_readable_csv(db: Database, org: Org, tmp_path: Path) -> None:
    rows = [HEADER, ["李娜", "1381234", "", "", "", "", "", ""]]
    result = run_import(db, org, write_csv(tmp_path / "c.csv", rows, title="名单"))
    out = write_error_report(result.errors, tmp_path / "errors.csv", result.headers)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens it as UTF-8
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert lines[0][:4] == ["行号", "原因", "姓名", "手机"]
    assert lines[1][0] == "3" and lines[1][2:4] == ["李娜", "1381234"]
    assert "1381234" in lines[1][1]


def test_error_reasons_are_translated_to_chinese() -> None:
    from desktop_crm import i18n

    i18n.install("zh_CN")
    problem = RowProblem("{value} is not a licence plate (e.g. 京A12345).", value="京I1")
    message = i18n.translate_message("import", problem.text, problem.params)
    assert "车牌" in message and "京I1" in message


# -- matching and re-imports ------------------------------------------------------------------
def test_reimport_creates_no_duplicates(db: Database, org: Org, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [HEADER, *ROWS])
    first = run_import(db, org, path)
    second = run_import(db, org, path)
    assert (first.imported, first.updated, first.skipped) == (3, 0, 0)
    assert (second.imported, second.updated, second.skipped) == (0, 0, 3)
    assert (count(db, Customer), count(db, Vehicle), count(db, FuelCard)) == (3, 3, 1)


def test_reimport_updates_by_card_plate_phone_and_id(
    db: Database, org: Org, tmp_path: Path
) -> None:
    run_import(db, org, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    changed = [
        HEADER,
        # by card: new phone (the old one is kept as second phone), new level, a new plate
        ["张伟", "13600000000", "京A12345/京B55555", "1000113200000012345", "", "", "VIP", ""],
        # by plate: employer filled; empty cells erase nothing
        ["李娜", "", "冀B88888", "", "", "国家电网", "", ""],
        # by phone and the same name: a note appended
        ["李娜", "13987650001", "", "", "", "", "", "喜欢加95号"],
        # by plate, without a name: a first level (recorded in the level history)
        ["", "", "冀A66666", "", "", "", "C", ""],
        # by ID number
        ["张伟", "", "", "", "11010519491231002X", "", "", "周一加油"],
        # the same phone but another name: another customer
        ["李强", "13987650001", "", "", "", "", "", ""],
    ]
    result = run_import(db, org, write_csv(tmp_path / "b.csv", changed))
    assert errors_of(result) == []
    assert (result.imported, result.updated, result.skipped) == (1, 5, 0)
    found = customers(db)
    zhang, li = found["张伟"], found["李娜"]
    assert (zhang.phone, zhang.phone2, zhang.level) == ("13600000000", "13812345678", "VIP")
    assert zhang.notes == "老客户\n周一加油"
    assert (li.employer, li.phone, li.level, li.notes) == ("国家电网", "13987650001", "B",
                                                          "喜欢加95号")  # fmt: skip
    assert found["王小明"].level == "C"
    assert found["李强"].phone == "13987650001"
    assert count(db, Customer) == 4
    with db.session() as s:
        plates = {p: c for p, c in s.execute(select(Vehicle.plate, Vehicle.customer_id))}
        history = s.execute(select(LevelChange.old_level, LevelChange.new_level)).all()
    assert plates["京B55555"] == zhang.id and len(plates) == 4
    assert sorted(history, key=str) == [("A", "VIP"), (None, "C")]


def test_cells_typed_with_a_line_break_are_stored_clean(
    db: Database, org: Org, tmp_path: Path
) -> None:
    """A phone, plate or card cell that ends with a line break (Alt+Enter in Excel, a
    quoted CSV cell) is the same number: stored without it, found again by a re-import."""
    header = ["姓名", "手机", "车牌号", "加油卡号"]
    typed = ["张伟", "13812345678\n", "京A12345\n", "1000113200000012345\n"]
    first = run_import(db, org, write_csv(tmp_path / "a.csv", [header, typed]))
    again = run_import(db, org, write_csv(tmp_path / "b.csv", [header, [v.strip() for v in typed]]))
    assert (first.imported, first.errors) == (1, [])
    assert (again.imported, again.skipped, again.errors) == (0, 1, [])
    with db.session() as s:
        vehicle = s.scalars(select(Vehicle)).one()
        card = s.scalars(select(FuelCard)).one()
        assert search_ids(s, "京A12345", None) == [customers(db)["张伟"].id]
    assert customers(db)["张伟"].phone == "13812345678"
    assert (vehicle.plate_normalized, vehicle.new_energy, card.card_no) == (
        "京A12345", False, "1000113200000012345"
    )  # fmt: skip


def test_rows_of_the_same_customer_in_one_file(db: Database, org: Org, tmp_path: Path) -> None:
    rows = [
        ["客户名称", "联系电话", "车牌号", "车型"],
        ["顺达物流有限公司", "13700000000", "冀A12121", "解放J6"],
        ["顺达物流有限公司", "13700000000", "冀A34343", "东风天龙"],
        ["顺达物流有限公司", "13700000000", "冀A34343", "东风天龙KL"],
    ]
    result = run_import(db, org, write_csv(tmp_path / "c.csv", rows))
    assert (result.imported, result.updated, result.skipped, result.errors) == (1, 2, 0, [])
    with db.session() as s:
        vehicles = dict(s.execute(select(Vehicle.plate, Vehicle.model)).tuples().all())
    assert vehicles == {"冀A12121": "解放J6", "冀A34343": "东风天龙KL"}
    assert count(db, Customer) == 1


def test_a_plate_of_another_customer_is_a_row_error(db: Database, org: Org, tmp_path: Path) -> None:
    run_import(db, org, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    rows = [HEADER, ["张伟", "13812345678", "冀B88888", "", "", "", "", ""]]
    result = run_import(db, org, write_csv(tmp_path / "b.csv", rows))
    assert [e.row for e in result.errors] == [2]
    message = result.errors[0].message()
    assert "冀B88888" in message and "李娜" in message and "张伟" in message
    with db.session() as s:
        owner = s.scalar(select(Vehicle.customer_id).where(Vehicle.plate == "冀B88888"))
    assert owner == customers(db)["李娜"].id


def test_customers_of_other_stations_are_not_changed(
    db: Database, org: Org, tmp_path: Path
) -> None:
    run_import(db, org, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    rows = [HEADER, ["张伟", "13800000000", "京A12345", "", "", "", "VIP", ""]]
    result = run_import(db, org, write_csv(tmp_path / "b.csv", rows), login="staff2")
    assert len(result.errors) == 1 and "GS0101" in result.errors[0].message()
    assert customers(db)["张伟"].level == "A"


# -- mapping and stations ---------------------------------------------------------------------
def test_explicit_mapping_for_unknown_columns(db: Database, org: Org, tmp_path: Path) -> None:
    rows = [["客户", "联系人手机", "牌照", "随便"], ["张伟", "13812345678", "京A12345", "x"]]
    path = write_csv(tmp_path / "c.csv", rows)
    preview = preview_file(path, ImportKind.CUSTOMERS)  # for the dialog's mapping step
    assert (preview.header_row, preview.mapping) == (1, {0: "name"})  # 客户 only
    with pytest.raises(UserError, match="No header row"):
        run_import(db, org, path)  # one known column is not enough to be sure
    mapping = parse_mapping_spec("联系人手机=phone，牌照=车牌, 随便=-")
    assert mapping == {"联系人手机": "phone", "牌照": "车牌", "随便": "-"}
    result = run_import(db, org, path, mapping=mapping)
    assert result.imported == 1 and result.mapping == {0: "name", 1: "phone", 2: "plate"}
    zhang = customers(db)["张伟"]
    assert zhang.phone == "13812345678"
    with pytest.raises(UserError, match="Unknown field"):
        run_import(db, org, path, mapping={"牌照": "no_such_field"})
    with pytest.raises(UserError, match="not in the file"):
        run_import(db, org, path, mapping={"不存在": "phone"})


def test_station_column_by_code_or_name(db: Database, org: Org, tmp_path: Path) -> None:
    rows = [
        ["姓名", "手机", "站点"],
        ["张伟", "13812345678", "GS0101"],
        ["李娜", "13987650001", "西湖加油站"],
        ["王五", "13900000001", "GS9999"],
        ["赵六", "13900000002", ""],
    ]
    result = run_import(db, org, write_csv(tmp_path / "c.csv", rows), login="admin")
    assert [e.row for e in result.errors] == [4, 5]  # unknown station; no station at all
    found = customers(db)
    assert found["张伟"].org_unit_id == org.station.id
    assert found["李娜"].org_unit_id == org.station2.id
    # a station user cannot file customers in another station
    rows = [["姓名", "手机", "站点"], ["钱七", "13900000003", "GS0201"]]
    result = run_import(db, org, write_csv(tmp_path / "d.csv", rows))
    assert "outside your organisation" in result.errors[0].message()


def test_without_station_column_an_area_user_must_choose(
    db: Database, org: Org, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "c.csv", [HEADER, *ROWS])
    with pytest.raises(UserError, match="station"):
        run_import(db, org, path, login="manager")
    assert count(db, Customer) == 0
    result = run_import(db, org, path, login="manager", station="GS0101")
    assert result.imported == 3
    with pytest.raises(PermissionDenied):
        run_import(db, org, path, login="manager", station="GS0201")  # another area's station


def test_auditors_cannot_import(db: Database, org: Org, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        run_import(db, org, write_csv(tmp_path / "c.csv", [HEADER, *ROWS]), login="auditor")


# -- broken files -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("random.xlsx", os.urandom(2048), "not an Excel .xlsx workbook"),
        ("empty.csv", b"", "empty"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        ("noheader.csv", "甲,乙,丙\n1,2,3\n".encode("gbk"), "No header row"),
        ("headeronly.csv", "姓名,手机\n".encode(), "no data rows"),
        ("binary.csv", b"\x00\x01\x02" * 100, "not a CSV text file"),
    ],
)
def test_broken_files_are_refused_and_nothing_is_written(
    db: Database, org: Org, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        run_import(db, org, path)
    assert count(db, Customer) == 0
    with db.session() as s:
        assert s.scalar(select(func.count()).where(AuditEvent.action == "import")) == 0


def test_missing_file_is_a_user_error(db: Database, org: Org, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Cannot read"):
        run_import(db, org, tmp_path / "nope.csv")


def index_ddl(db: Database) -> list[str]:
    with db.session() as s:
        return sorted(
            s.scalars(
                text("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            )
        )


def many_rows(n: int) -> list[list[str]]:
    return [["姓名", "手机", "车牌"]] + [
        [f"客户{k}", f"139{k:08d}", f"冀A{k:05d}"] for k in range(n)
    ]


def test_cancelled_import_leaves_nothing(db: Database, org: Org, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", many_rows(1500))
    indexes = index_ddl(db)

    def progress(done: int, total: int, label: str) -> None:
        if label == "Updating the search index":
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        run_import(db, org, path, progress=progress)
    assert count(db, Customer) == count(db, Vehicle) == count(db, CustomerSearch) == 0
    assert index_ddl(db) == indexes


# -- search index and audit -------------------------------------------------------------------
def test_imported_customers_are_searchable_and_audited(
    db: Database, org: Org, tmp_path: Path
) -> None:
    run_import(db, org, write_csv(tmp_path / "c.csv", [HEADER, *ROWS]))
    run_import(
        db, org, write_csv(tmp_path / "d.csv", [HEADER, ["李娜", "13600001234", "冀B88888"]])
    )
    found = customers(db)
    with db.session() as s:
        assert search_ids(s, "张伟", None) == [found["张伟"].id]
        assert search_ids(s, "zw", None) == [found["张伟"].id]
        assert search_ids(s, "5678", None) == [found["张伟"].id]
        assert search_ids(s, "京a12345", None) == [found["张伟"].id]
        assert search_ids(s, "1234", None) == [found["李娜"].id]  # the updated phone
        events = s.execute(
            select(AuditEvent.user_id, AuditEvent.entity, AuditEvent.detail).where(
                AuditEvent.action == "import"
            )
        ).all()
    assert len(events) == 2
    assert events[0][0] == org.users["staff"].id and events[0][1] == "customer"
    assert '"imported": 3' in events[0][2] and '"file": "c.csv"' in events[0][2]


def test_a_first_big_import_keeps_every_index(db: Database, org: Org, tmp_path: Path) -> None:
    indexes = index_ddl(db)
    result = run_import(db, org, write_csv(tmp_path / "c.csv", many_rows(1500)))
    assert result.imported == 1500
    assert index_ddl(db) == indexes
    with db.session() as s:
        assert search_ids(s, "13900001499", None) == [customers(db)["客户1499"].id]
        assert search_ids(s, "冀A01499", None) == [customers(db)["客户1499"].id]


def test_customers_met_again_in_a_later_batch_are_rewritten(
    db: Database, org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are written a batch at a time; a customer created in an earlier batch and
    completed by a later row ends up whole, in the store and in the search index."""
    from desktop_crm.services.importing import customers as importer

    monkeypatch.setattr(importer, "WRITE_BATCH", 2)
    rows = [
        ["姓名", "手机", "车牌号", "车型", "加油卡号", "客户等级"],
        ["张三", "", "冀A11111", "", "", ""],
        ["李四", "13900000001", "冀A22222", "", "", ""],
        ["王五", "13900000002", "冀A33333", "", "", ""],
        ["张三", "13800000003", "冀A11111", "大众朗逸", "1000113200000000001", "A"],
        ["李四", "13900000001", "冀A44444", "", "", ""],
    ]
    result = run_import(db, org, write_csv(tmp_path / "c.csv", rows))
    assert (result.imported, result.updated, result.errors) == (3, 2, [])
    found = customers(db)
    zhang = found["张三"]
    assert (zhang.phone, zhang.level, zhang.profile_stage) == ("13800000003", "A", "complete")
    with db.session() as s:
        vehicles = dict(s.execute(select(Vehicle.plate, Vehicle.model)).tuples().all())
        assert search_ids(s, "0003", None) == [zhang.id]
        assert search_ids(s, "1000113200000000001", None) == [zhang.id]
        assert search_ids(s, "冀A44444", None) == [found["李四"].id]
        assert search_ids(s, "张三", None) == [zhang.id]
    assert vehicles["冀A11111"] == "大众朗逸" and "冀A44444" in vehicles
    assert count(db, Customer) == 3 and count(db, Vehicle) == 4
    imported = search_documents(db)
    rebuild_search_index(db)
    assert search_documents(db) == imported  # the import indexes as a rebuild does


def test_an_import_cancelled_while_batches_are_written_leaves_nothing(
    db: Database, org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.services.importing import customers as importer

    monkeypatch.setattr(importer, "WRITE_BATCH", 100)
    monkeypatch.setattr(importer, "PROGRESS_EVERY", 100)
    path = write_csv(tmp_path / "c.csv", many_rows(1500))
    indexes = index_ddl(db)

    def progress(done: int, total: int, label: str) -> None:
        if label == "Checking rows" and done >= 1000:  # batches are being written by now
            raise ImportCancelled()

    interval = sys.getswitchinterval()  # the import shortens it while it writes
    with pytest.raises(ImportCancelled):
        run_import(db, org, path, progress=progress)
    assert count(db, Customer) == count(db, Vehicle) == count(db, CustomerSearch) == 0
    assert index_ddl(db) == indexes
    assert sys.getswitchinterval() == interval
    assert run_import(db, org, path).imported == 1500  # and the store is still usable
    assert sys.getswitchinterval() == interval


# -- visits -----------------------------------------------------------------------------------
VISIT_HEADER = ["卡号", "车牌", "手机", "交易时间", "油品", "升数", "实付金额", "付款方式"]


def test_visits_matched_by_card_plate_or_phone(db: Database, org: Org, tmp_path: Path) -> None:
    run_import(db, org, write_csv(tmp_path / "c.csv", [HEADER, *ROWS]))
    rows = [
        VISIT_HEADER,
        ["1000113200000012345", "", "", "2025/1/2 8:15", "92号汽油", "40.5", "￥300.00", "加油卡"],
        ["", "冀b·88888", "", "2025-01-05 10:00", "95#", "30", "250", "现金"],
        ["", "冀B88888", "", "2025-01-15 10:00", "95#", "30", "250", "现金"],
        ["", "", "139 8765 0001", "2025-01-29 10:00", "95#", "30", "250", "现金"],
        ["", "冀Z99999", "", "2025-01-29 10:00", "95#", "30", "250", "现金"],
        ["", "冀B88888", "", "", "95#", "30", "250", "现金"],
    ]
    path = write_csv(tmp_path / "v.csv", rows, encoding="gbk", title="加油卡消费明细")
    result = run_visits(db, org, path)
    assert (result.imported, result.skipped) == (4, 0)
    assert [e.row for e in result.errors] == [7, 8]
    assert "冀Z99999" in result.errors[0].message()
    found = customers(db)
    with db.session() as s:
        visits = s.execute(
            select(Visit.customer_id, Visit.visited_at, Visit.product, Visit.litres,
                   Visit.amount_fen, Visit.paid_by_card, Visit.org_unit_id)
            .order_by(Visit.visited_at)
        ).all()  # fmt: skip
    first = visits[0]
    assert first.customer_id == found["张伟"].id
    assert first.visited_at == 1735776900000  # 2025-01-02 08:15 in Shanghai, 00:15 UTC
    assert (first.product, first.litres, first.amount_fen, first.paid_by_card) == (
        "92#", 40.5, 30000, True
    )  # fmt: skip
    assert all(v.org_unit_id == org.station.id for v in visits)
    li = found["李娜"]
    assert li.last_visit_at == visits[-1].visited_at
    assert li.usual_interval_days == 12.0  # the median of gaps of 10 and 14 days
    assert found["张伟"].last_visit_at == first.visited_at
    assert found["张伟"].usual_interval_days is None  # fewer than three visits

    again = run_visits(db, org, path)
    assert (again.imported, again.skipped) == (0, 4)
    assert count(db, Visit) == 4


def test_visits_may_create_plate_only_customers(db: Database, org: Org, tmp_path: Path) -> None:
    rows = [
        ["车牌号", "日期", "时间", "数量", "金额"],
        ["冀Z99999", "2025-01-29", "10:00", "30", "250"],
        ["冀Z99999", "2025-02-09", "07:30:00", "31", "260"],
    ]
    result = run_visits(db, org, write_csv(tmp_path / "v.csv", rows), create_missing=True)
    assert (result.imported, result.created_customers, result.errors) == (2, 1, [])
    with db.session() as s:
        customer = s.scalars(select(Customer)).one()
        times = list(s.scalars(select(Visit.visited_at).order_by(Visit.visited_at)))
        assert search_ids(s, "冀Z99999", None) == [customer.id]
    assert customer.profile_stage == "plate_only" and customer.org_unit_id == org.station.id
    assert times[1] - times[0] == (11 * 24 * 3600 - 2.5 * 3600) * 1000
    assert customer.last_visit_at == times[1]


def test_xlsx_visits_with_excel_dates(db: Database, org: Org, tmp_path: Path) -> None:
    run_import(db, org, write_csv(tmp_path / "c.csv", [HEADER, *ROWS]))
    rows = [
        ["加油卡号", "交易时间", "品号", "升数", "金额(元)"],
        ["1000113200000012345", datetime(2025, 3, 1, 9, 0), "0#", 120.5, 850.25],
        ["1000113200000012345", 45718.5, "0#", 100, 700],  # 2025-03-02 12:00 as a serial
    ]
    result = run_visits(db, org, write_xlsx(tmp_path / "v.xlsx", rows))
    assert (result.imported, result.errors) == (2, [])
    with db.session() as s:
        visits = s.execute(select(Visit.visited_at, Visit.amount_fen).order_by(Visit.visited_at))
        (t1, fen1), (t2, _fen2) = visits.all()
    assert fen1 == 85025 and t2 - t1 == 27 * 3600 * 1000


# -- reading details --------------------------------------------------------------------------
def test_tab_and_semicolon_separated_text(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("姓名\t手机\n张伟\t13812345678\n", encoding="utf-16")
    assert read_table(path).rows == [["姓名", "手机"], ["张伟", "13812345678"]]
    path.write_text("姓名;手机;地址\n张伟;13812345678;石家庄,中华大街\n", encoding="utf-8")
    assert read_table(path).rows[1] == ["张伟", "13812345678", "石家庄,中华大街"]


# -- command line -----------------------------------------------------------------------------
def test_cli_import_exit_codes(
    db: Database, org: Org, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = str(db.path)
    rows = [HEADER, *ROWS, ["坏行", "1381234", "", "", "", "", "", ""]]
    good = write_csv(tmp_path / "c.csv", rows, title="2025年客户名单")
    errors = tmp_path / "errors.csv"
    args = ["import", "customers", str(good), "--db", db_path, "--errors", str(errors)]
    assert main([*args, "--user", "staff"]) == 0
    out = capsys.readouterr()
    assert "3" in out.out and "6" in out.err  # counts; row 6 refused
    assert errors.exists() and "1381234" in errors.read_text(encoding="utf-8-sig")
    # as the company administrator (no --user): the file has no station column
    assert main(args) == 2
    assert main([*args, "--station", "GS0101"]) == 0
    # bad input: no valid row, unreadable file, unknown kind of mapping
    only_bad = write_csv(tmp_path / "bad.csv", [HEADER, ["坏行", "1381234"]])
    assert main(["import", "customers", str(only_bad), "--db", db_path, "--user", "staff"]) == 2
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(os.urandom(500))
    assert main(["import", "customers", str(junk), "--db", db_path, "--user", "staff"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1]  # a one-line reason
    mapped = write_csv(tmp_path / "m.csv", [["客户", "联系人手机"], ["赵六", "13900000009"]])
    code = main(["import", "customers", str(mapped), "--db", db_path, "--user", "staff",
                 "--map", "联系人手机=phone"])  # fmt: skip
    assert code == 0 and customers(db)["赵六"].phone == "13900000009"
    visits = write_csv(
        tmp_path / "v.csv", [["车牌", "交易时间", "金额"], ["冀A99999", "2025-01-02", "100"]]
    )
    code = main(["import", "visits", str(visits), "--db", db_path, "--user", "staff"])
    assert code == 2  # the only row's customer is unknown
    code = main(["import", "visits", str(visits), "--db", db_path, "--user", "staff",
                 "--create-missing"])  # fmt: skip
    assert code == 0 and count(db, Visit) == 1


def test_a_bad_phone_does_not_matter_when_the_card_finds_the_customer(
    db: Database, org: Org, tmp_path: Path
) -> None:
    run_import(db, org, write_csv(tmp_path / "c.csv", [HEADER, *ROWS]))
    rows = [
        ["卡号", "手机", "交易时间", "金额"],
        ["1000113200000012345", "123", "2025-03-01 09:00", "300"],
        ["", "123", "2025-03-01 10:00", "300"],
    ]
    result = run_visits(db, org, write_csv(tmp_path / "v.csv", rows))
    assert result.imported == 1
    assert [e.row for e in result.errors] == [3] and "123" in result.errors[0].message()
