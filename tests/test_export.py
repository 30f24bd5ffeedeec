"""Exporting customers to .xlsx and .csv: headers, rows, masking by role, scope,
audit, formula cells, a round trip through the import, and the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_crm.cli import main
from desktop_crm.errors import UserError
from desktop_crm.ids import now_ms
from desktop_crm.models import AuditEvent, Customer, FuelCard, OrgUnit, User, Vehicle
from desktop_crm.models.db import Database, open_database
from desktop_crm.services.customers import visible_customers
from desktop_crm.services.exporting import HEADERS, export_customers
from desktop_crm.services.importing import import_customers
from tests.conftest import Org, make_org

PEOPLE = [
    # name, phone, id number, plates, cards, level, station key
    ("张伟", "13812345678", "11010519491231002X", ["京A12345"], ["1000113200000012345"], "A", "station"),
    ("顺达物流有限公司", "0311-86901234", None, ["冀A12121", "冀A34343"], [], "VIP", "station"),
    ("=HYPERLINK(\"http://x\")", None, None, [], [], None, "station"),
    ("李娜", "13987650001", None, [], [], "B", "station2"),
]  # fmt: skip


@pytest.fixture
def people(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        for name, phone, ident, plates, cards, level, key in PEOPLE:
            unit = getattr(org, key)
            c = Customer(
                kind="organisation" if "公司" in name else "person", name=name, phone=phone,
                id_type="id_card" if ident else None, id_number=ident, level=level,
                profile_stage="complete", status="active", org_unit_id=unit.id,
                created_at=now_ms(), tags="重点" if level == "VIP" else "",
            )  # fmt: skip
            s.add(c)
            s.flush()
            for plate in plates:
                s.add(Vehicle(customer_id=c.id, plate=plate, plate_normalized=plate,
                              org_unit_id=unit.id))  # fmt: skip
            for card in cards:
                s.add(FuelCard(customer_id=c.id, card_no=card, status="active",
                               org_unit_id=unit.id))  # fmt: skip


def export(db: Database, org: Org, login: str, path: Path) -> int:
    with db.sessions.begin() as s:
        user = s.get_one(User, org.users[login].id)
        company = s.get_one(OrgUnit, org.company.id)
        query = visible_customers(company).order_by(Customer.name)  # the whole company
        return export_customers(s, user, query, path)


def xlsx_rows(path: Path) -> list[tuple[object, ...]]:
    return list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))


@pytest.mark.usefixtures("people")
def test_xlsx_export_headers_and_rows(db: Database, org: Org, tmp_path: Path) -> None:
    path = tmp_path / "客户.xlsx"
    assert export(db, org, "admin", path) == 4
    rows = xlsx_rows(path)
    assert rows[0] == HEADERS
    by_name = {r[0]: dict(zip(HEADERS, r, strict=True)) for r in rows[1:]}
    zhang = by_name["张伟"]
    assert zhang["手机"] == "13812345678"  # the administrator sees full numbers
    assert zhang["证件号码"] == "11010519491231002X"
    assert zhang["加油卡号"] == "1000113200000012345"  # text, all 19 digits
    assert (zhang["客户类型"], zhang["客户等级"], zhang["站点代码"]) == ("个人", "A", "GS0101")
    company = by_name["顺达物流有限公司"]
    assert set(company["车牌号"].split("、")) == {"冀A12121", "冀A34343"}
    assert (company["客户类型"], company["标签"]) == ("单位", "重点")
    assert by_name["李娜"]["站点名称"] == "西湖加油站"
    # a name that looks like a formula stays text
    workbook = load_workbook(path)
    cells = [row[0] for row in workbook.active.iter_rows(min_row=2)]
    formula = next(c for c in cells if str(c.value).startswith("="))
    assert formula.data_type == "s"


@pytest.mark.usefixtures("people")
def test_csv_export_masks_numbers_for_station_staff(db: Database, org: Org, tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    assert export(db, org, "staff", path) == 3  # only the own station's customers
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == HEADERS
    by_name = {r[0]: dict(zip(HEADERS, r, strict=True)) for r in rows[1:]}
    assert "李娜" not in by_name
    assert by_name["张伟"]["手机"] == "138****5678"
    assert by_name["张伟"]["证件号码"] == "110***********002X"
    assert by_name["顺达物流有限公司"]["手机"] == "031******1234"
    assert '\'=HYPERLINK("http://x")' in by_name  # CSV: a leading apostrophe, never a formula
    with db.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
    detail = json.loads(event.detail or "{}")
    assert (event.user_id, event.entity) == (org.users["staff"].id, "customer")
    assert detail == {"file": "customers.csv", "rows": 3, "masked": True}


@pytest.mark.usefixtures("people")
def test_export_then_import_into_another_desktop(db: Database, org: Org, tmp_path: Path) -> None:
    path = tmp_path / "客户.xlsx"
    export(db, org, "admin", path)
    other = open_database(tmp_path / "other.db")
    try:
        other_org = make_org(other)
        with other.sessions.begin() as s:
            user = s.get_one(User, other_org.users["admin"].id)
            result = import_customers(s, path, user)
        assert (result.imported, result.errors) == (4, [])
        with other.session() as s:
            found = {c.name: c for c in s.scalars(select(Customer))}
            plates = set(s.scalars(select(Vehicle.plate)))
        assert found["张伟"].phone == "13812345678" and found["张伟"].level == "A"
        assert found["顺达物流有限公司"].kind == "organisation"
        assert found["李娜"].org_unit_id == other_org.station2.id
        assert plates == {"京A12345", "冀A12121", "冀A34343"}
    finally:
        other.close()


def test_export_of_nothing_and_bad_names(db: Database, org: Org, tmp_path: Path) -> None:
    assert export(db, org, "admin", tmp_path / "empty.xlsx") == 0
    assert xlsx_rows(tmp_path / "empty.xlsx") == [HEADERS]
    with pytest.raises(UserError, match=r"\.xlsx or \.csv"):
        export(db, org, "admin", tmp_path / "customers.pdf")
    folder = tmp_path / "taken.csv"
    folder.mkdir()  # a folder where the file should go
    with pytest.raises(UserError, match="Cannot write"):
        export(db, org, "admin", folder)
    assert not list(tmp_path.glob(".export-*"))  # no temporary file left behind


@pytest.mark.usefixtures("people")
def test_cli_export(
    db: Database, org: Org, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "vip.csv"
    code = main(["export", "customers", str(out), "--db", str(db.path), "--level", "VIP"])
    assert code == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in rows[1:]] == ["顺达物流有限公司"]
    assert rows[1][2] == "0311-86901234"  # as the company administrator: unmasked
    code = main(["export", "customers", str(tmp_path / "x.csv"), "--db", str(db.path),
                 "--user", "staff", "--station", "GS0201"])  # fmt: skip
    assert code == 2  # a station outside the user's subtree
    assert not (tmp_path / "x.csv").exists()
    code = main(["export", "customers", str(tmp_path / "y.xlsx"), "--db", str(db.path),
                 "--station", "GS0201"])  # fmt: skip
    assert code == 0 and [r[0] for r in xlsx_rows(tmp_path / "y.xlsx")[1:]] == ["李娜"]
    assert main(["export", "customers", str(tmp_path / "x.txt"), "--db", str(db.path)]) == 2
    assert main(["export", "customers", str(out), "--db", str(db.path), "--user", "nobody"]) == 2
    assert capsys.readouterr().err.strip()
