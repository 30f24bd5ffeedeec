"""Exporting customers to Excel (.xlsx) or CSV (UTF-8 with BOM, so Excel opens it).

- The rows: a ``Select`` of ``Customer`` (e.g. ``customers.visible_customers(org)`` with
  the tab's filters), further limited to the exporting user's org subtree. They are
  streamed (a million customers never sit in memory): the select is narrowed to the
  columns written, plates and cards come from correlated sub-queries.
- The headers are Chinese and are the import's own column names, so an exported file
  can be imported again (e.g. into another desktop).
- Phones and ID numbers are masked (138****5678) unless the user's role may see them
  (``permissions.can_see_unmasked``); every export is audited with its row count and
  file name.
- A cell that starts like a formula (=, +, -, @) is written as text in .xlsx and with a
  leading apostrophe in CSV, so a crafted name cannot run in the user's spreadsheet.
- The file is written next to the target and renamed over it when complete: a
  cancelled or failed export leaves no half-written file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.localtime import local_zone
from desktop_crm.models import Customer, FuelCard, OrgUnit, User, Vehicle
from desktop_crm.services import audit
from desktop_crm.services.masking import mask_id_number, mask_phone
from desktop_crm.services.permissions import can_see_unmasked

Progress = Callable[[int, int, str], None]
FORMATS = (".xlsx", ".csv")
STREAM_BATCH = 2_000
EXPORTING = ""  # progress label: the caller shows its own

KIND_NAMES = {"organisation": "单位", "person": "个人"}
STAGE_NAMES = {"plate_only": "仅车牌", "preliminary": "初级档案", "complete": "完整档案"}
STATUS_NAMES = {"prospect": "潜在", "new": "新客户", "active": "活跃", "dormant": "休眠",
                "lost": "流失"}  # fmt: skip
HEADERS = (
    "客户名称", "客户类型", "手机", "备用电话", "证件号码", "工作单位", "地址", "车牌号",
    "加油卡号", "客户等级", "站点代码", "站点名称", "维护人", "标签", "生日", "邮箱", "会员号",
    "建档阶段", "状态", "最近到站", "进油周期(天)", "备注", "建档时间",
)  # fmt: skip
WIDTHS = (24, 8, 14, 14, 22, 24, 30, 20, 24, 8, 10, 16, 10, 14, 12, 22, 12, 10, 8, 12, 10,
          30, 17)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@")


def export_customers(
    session: Session,
    user: User,
    query: Select[tuple[Customer]],
    path: Path | str,
    progress: Progress | None = None,
) -> int:
    """Write the customers ``query`` selects (inside the user's subtree) to ``path``
    (.xlsx or .csv by its suffix) and audit the export; returns the number of rows.

    ``progress(done, total, "")`` is called every few thousand rows (the label is left
    to the caller); an exception raised from it stops the export and leaves no file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Export to a file ending in .xlsx or .csv, not {name}."),
            name=path.name,
        )
    report: Progress = progress or (lambda done, total, label: None)
    masked = not can_see_unmasked(session, user)
    stmt, counted = _scoped(session, user, query)
    total = session.scalar(counted) or 0
    rows = _rows(session, stmt, masked, total, report)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        count = _write_xlsx(tmp, rows) if suffix == ".xlsx" else _write_csv(tmp, rows)
        os.replace(tmp, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    report(total, total, EXPORTING)
    audit.record(session, user, audit.Action.EXPORT, "customer", None,
                 {"file": path.name, "rows": count, "masked": masked})  # fmt: skip
    return count


def _cannot_write(path: Path, exc: OSError) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP(
            "errors", "Cannot write {path}: {reason}. Close it in Excel or choose another file."
        ),
        path=str(path),
        reason=exc.strerror or str(exc),
    )


def _scoped(
    session: Session, user: User, query: Select[tuple[Customer]]
) -> tuple[Select[Any], Select[Any]]:
    """(the rows to write, their count): the query limited to the user's org subtree and
    narrowed to the columns written."""
    own = session.get_one(OrgUnit, user.org_unit_id)
    subtree = select(OrgUnit.id).where(OrgUnit.path.startswith(own.path))
    query = query.where(Customer.org_unit_id.in_(subtree))
    counted = select(func.count()).select_from(
        query.with_only_columns(Customer.id, maintain_column_froms=True).order_by(None).subquery()
    )
    plates = (
        select(func.group_concat(Vehicle.plate_normalized, "、"))
        .where(Vehicle.customer_id == Customer.id, Vehicle.deleted.is_(False))
        .correlate(Customer)
        .scalar_subquery()
    )
    cards = (
        select(func.group_concat(FuelCard.card_no, "、"))
        .where(FuelCard.customer_id == Customer.id, FuelCard.deleted.is_(False))
        .correlate(Customer)
        .scalar_subquery()
    )
    rows = query.with_only_columns(
        Customer.name, Customer.kind, Customer.phone, Customer.phone2, Customer.id_number,
        Customer.employer, Customer.address, plates, cards, Customer.level,
        Customer.org_unit_id, Customer.maintainer_id, Customer.tags, Customer.birthday,
        Customer.email, Customer.member_no, Customer.profile_stage, Customer.status,
        Customer.last_visit_at, Customer.usual_interval_days, Customer.notes,
        Customer.created_at,
        maintain_column_froms=True,
    )  # fmt: skip
    return rows, counted


def _rows(
    session: Session, stmt: Select[Any], masked: bool, total: int, report: Progress
) -> Iterator[list[Any]]:
    units = {u.id: (u.code, u.name) for u in session.scalars(select(OrgUnit))}
    users = {uid: name for uid, name in session.execute(select(User.id, User.name))}
    tz = local_zone()

    def local(ms: int | None, fmt: str) -> str:
        return datetime.fromtimestamp(ms / 1000, tz).strftime(fmt) if ms else ""

    phone = mask_phone if masked else (lambda v: v)
    ident = mask_id_number if masked else (lambda v: v)
    report(0, total, EXPORTING)
    result = session.execute(stmt.execution_options(yield_per=STREAM_BATCH))
    for done, (name, kind, phone1, phone2, id_number, employer, address, plates, cards, level, org,
         maintainer, tags, birthday, email, member_no, stage, status, last_visit, interval, notes,
         created) in enumerate(result, start=1):  # fmt: skip
        code, unit_name = units.get(org, ("", ""))
        yield [
            name, KIND_NAMES.get(kind, kind), phone(phone1), phone(phone2), ident(id_number),
            employer, address, plates, cards, level, code, unit_name, users.get(maintainer),
            tags, birthday, email, member_no, STAGE_NAMES.get(stage, stage),
            STATUS_NAMES.get(status, status), local(last_visit, "%Y-%m-%d"),
            interval, notes, local(created, "%Y-%m-%d %H:%M"),
        ]  # fmt: skip
        if done % STREAM_BATCH == 0:
            report(done, total, EXPORTING)


def _write_xlsx(path: Path, rows: Iterator[list[Any]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("客户")
    sheet.freeze_panes = "A2"
    for k, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(k)].width = width
    sheet.append(HEADERS)
    count = 0
    for row in rows:
        for k, value in enumerate(row):
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text, never a formula
                row[k] = cell
        sheet.append(row)
        count += 1
    workbook.save(path)
    return count


def _write_csv(path: Path, rows: Iterator[list[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow(
                ["'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v for v in row]
            )
            count += 1
    return count
