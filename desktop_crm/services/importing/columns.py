"""Which column of a file holds which field: the header row and the column mapping.

Common Chinese and English column names map by themselves; anything else through an
explicit mapping (the dialog's mapping step, or the CLI's ``--map "源列=字段,..."``).
The header row is the first of the first ten rows with at least two recognised
columns, so a title line (``2025年客户名单``) above it does no harm.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.services.importing.values import text

HEADER_SEARCH_ROWS = 10
IGNORE = ""  # the field of a column that is not imported


class ImportKind(StrEnum):
    CUSTOMERS = "customers"
    VISITS = "visits"


@dataclass(frozen=True)
class Field:
    """An importable field: key, English label (translated in context "import_fields"),
    column names that map to it (best first), and how it behaves."""

    key: str
    label: str
    names: tuple[str, ...]
    multi: bool = False  # several columns may feed it (plates 1 and 2)
    fallback: str | None = None  # the field a second column goes to (phone → phone2)


def _f(key: str, label: str, names: str, **kw: Any) -> Field:
    return Field(key, label, tuple(names.split("|")), **kw)


PHONE_NAMES = (
    "手机|手机号|手机号码|移动电话|联系电话|电话|电话号码|联系方式|手机/电话|联系人电话"
    "|phone|mobile|mobile phone|tel|telephone"
)
PLATE_NAMES = "车牌号|车牌|车牌号码|号牌|号牌号码|车号|plate|plate no|licence plate|license plate"
CARD_NAMES = (
    "加油卡号|卡号|加油卡|ic卡号|ic卡|油卡卡号|油卡号|卡号码|card|card no|card number|fuel card"
)
STATION_NAMES = (
    "站点代码|站点|站点名称|加油站|网点|所属站点|所属加油站|站点编码|加油站名称|station"
    "|station code"
)

CUSTOMER_FIELDS: tuple[Field, ...] = (
    _f("name", QT_TRANSLATE_NOOP("import_fields", "Name"),
       "客户名称|客户姓名|姓名|名称|客户|客户名|单位名称|户名|name|customer|customer name"),
    _f("kind", QT_TRANSLATE_NOOP("import_fields", "Customer type (单位/个人)"),
       "客户类型|类型|客户类别|类别|kind|type|customer type"),
    _f("phone", QT_TRANSLATE_NOOP("import_fields", "Phone"), PHONE_NAMES, fallback="phone2"),
    _f("phone2", QT_TRANSLATE_NOOP("import_fields", "Second phone"),
       "备用电话|其他电话|固定电话|座机|电话2|phone2|second phone"),
    _f("plate", QT_TRANSLATE_NOOP("import_fields", "Plate"), PLATE_NAMES, multi=True),
    _f("model", QT_TRANSLATE_NOOP("import_fields", "Vehicle model"),
       "车型|车辆型号|品牌型号|车辆品牌|model|vehicle model"),
    _f("card", QT_TRANSLATE_NOOP("import_fields", "Fuel card number"), CARD_NAMES, multi=True),
    _f("id_number", QT_TRANSLATE_NOOP("import_fields", "ID number"),
       "证件号码|身份证|身份证号|身份证号码|证件号|id_number|id no|id number"),
    _f("uscc", QT_TRANSLATE_NOOP("import_fields", "Unified social credit code"),
       "统一社会信用代码|信用代码|社会信用代码|uscc|credit code"),
    _f("employer", QT_TRANSLATE_NOOP("import_fields", "Employer"),
       "单位|工作单位|所在单位|employer|company"),
    _f("address", QT_TRANSLATE_NOOP("import_fields", "Address"),
       "地址|联系地址|住址|通讯地址|家庭住址|单位地址|address"),
    _f("level", QT_TRANSLATE_NOOP("import_fields", "Level"), "等级|客户等级|级别|level|grade"),
    _f("station", QT_TRANSLATE_NOOP("import_fields", "Station (code or name)"), STATION_NAMES),
    _f("maintainer", QT_TRANSLATE_NOOP("import_fields", "Maintainer (login, badge or name)"),
       "维护人|客户经理|负责人|maintainer"),
    _f("tags", QT_TRANSLATE_NOOP("import_fields", "Tags"), "标签|tags|tag", multi=True),
    _f("birthday", QT_TRANSLATE_NOOP("import_fields", "Birthday"),
       "生日|出生日期|birthday|date of birth"),
    _f("email", QT_TRANSLATE_NOOP("import_fields", "E-mail"), "邮箱|电子邮箱|email|e-mail"),
    _f("member_no", QT_TRANSLATE_NOOP("import_fields", "Member number"),
       "会员号|会员编号|会员卡号|member no|member number"),
    _f("needs", QT_TRANSLATE_NOOP("import_fields", "Needs"), "需求|客户需求|needs"),
    _f("notes", QT_TRANSLATE_NOOP("import_fields", "Notes"),
       "备注|说明|notes|note|remark|remarks", multi=True),
)  # fmt: skip

VISIT_FIELDS: tuple[Field, ...] = (
    _f("card", QT_TRANSLATE_NOOP("import_fields", "Fuel card number"), CARD_NAMES),
    _f("plate", QT_TRANSLATE_NOOP("import_fields", "Plate"), PLATE_NAMES),
    _f("phone", QT_TRANSLATE_NOOP("import_fields", "Phone"), PHONE_NAMES),
    _f("date", QT_TRANSLATE_NOOP("import_fields", "Date (and time)"),
       "交易日期|加油日期|消费日期|日期|交易时间|加油时间|消费时间|日期时间|时间|date|datetime"
       "|time", fallback="time"),
    _f("time", QT_TRANSLATE_NOOP("import_fields", "Time of day"), "时刻|交易时刻"),
    _f("product", QT_TRANSLATE_NOOP("import_fields", "Product"),
       "油品|品号|油品名称|油号|商品|商品名称|product|fuel|grade"),
    _f("litres", QT_TRANSLATE_NOOP("import_fields", "Litres"),
       "升数|加油量|油量|数量|litres|liters|volume|quantity|qty"),
    _f("amount", QT_TRANSLATE_NOOP("import_fields", "Amount (yuan)"),
       "实付金额|实收金额|金额|消费金额|交易金额|应付金额|amount|total"),
    _f("payment", QT_TRANSLATE_NOOP("import_fields", "Payment method"),
       "付款方式|支付方式|结算方式|付款类型|支付类型|payment|paid by"),
    _f("station", QT_TRANSLATE_NOOP("import_fields", "Station (code or name)"), STATION_NAMES),
)  # fmt: skip


def fields_for(kind: ImportKind) -> tuple[Field, ...]:
    return CUSTOMER_FIELDS if kind == ImportKind.CUSTOMERS else VISIT_FIELDS


_PARENS = re.compile(r"[(\[【<].*?[)\]】>]")
_TRAILING_NUMBER = re.compile(r"\d+$")


def header_key(value: Any) -> str:
    """A header cell as compared: NFKC, lower case, no spaces, no * or : marks."""
    s = unicodedata.normalize("NFKC", text(value)).lower()
    return re.sub(r"[\s*:_]+", " ", s).strip().replace(" ", "")


def _lookup_table(fields: Sequence[Field]) -> dict[str, tuple[str, int]]:
    table: dict[str, tuple[str, int]] = {}
    for f in fields:
        table.setdefault(f.key.replace("_", ""), (f.key, 0))
        for rank, name in enumerate(f.names):
            table.setdefault(header_key(name), (f.key, rank))
    return table


_TABLES = {kind: _lookup_table(fields_for(kind)) for kind in ImportKind}


def match_header(kind: ImportKind, header: Any) -> tuple[str, int] | None:
    """(field, rank) a column name maps to by itself: 手机号码 → phone; 金额(元) → amount."""
    table = _TABLES[kind]
    key = header_key(header)
    if not key:
        return None
    for candidate in (key, _PARENS.sub("", key), _TRAILING_NUMBER.sub("", _PARENS.sub("", key))):
        if candidate and candidate in table:
            return table[candidate]
    return None


def resolve_field(kind: ImportKind, name: str) -> str:
    """The field an explicit mapping names: its key, or any column name of the field;
    an empty name or - means "do not import this column"."""
    key = header_key(name)
    if key in ("", "-", "忽略", "不导入", "ignore", "none"):
        return IGNORE
    keys = {f.key for f in fields_for(kind)}
    if name.strip() in keys:
        return name.strip()
    found = match_header(kind, name)
    if found is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Unknown field {field} in the column mapping. Known fields: {known}.",
            ),
            field=name,
            known=", ".join(sorted(keys)),
        )
    return found[0]


def parse_mapping_spec(spec: str) -> dict[str, str]:
    """``"联系人手机=phone, 车号=车牌"`` → {"联系人手机": "phone", "车号": "车牌"}."""
    mapping: dict[str, str] = {}
    for part in re.split(r"[,，;；]", unicodedata.normalize("NFKC", spec)):
        if not part.strip():
            continue
        if "=" not in part:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The column mapping {part} has no =: write it as 源列=字段, e.g. 联系人手机=phone.",
                ),
                part=part.strip(),
            )
        column, field_name = part.split("=", 1)
        mapping[column.strip()] = field_name.strip()
    return mapping


Explicit = Mapping[str | int, str]  # source column name (or 0-based position) → field


def map_columns(kind: ImportKind, headers: Sequence[Any], explicit: Explicit) -> dict[int, str]:
    """Column position → field for one header row; unmapped columns are left out."""
    fields = {f.key: f for f in fields_for(kind)}
    resolved = {k: resolve_field(kind, v) for k, v in explicit.items()}
    keys = [text(h) for h in headers]
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    fixed: set[int] = set()
    for i, header in enumerate(keys):
        field = resolved.get(i, resolved.get(header))
        if field is None:
            continue
        fixed.add(i)
        if field != IGNORE:
            mapping[i] = field
            if not fields[field].multi:
                taken.add(field)
    candidates = []
    for i, header in enumerate(keys):
        if i in fixed:
            continue
        found = match_header(kind, header)
        if found is not None:
            candidates.append((found[1], i, found[0]))
    for _rank, i, field in sorted(candidates):
        f = fields[field]
        if f.multi:
            mapping[i] = field
        elif field not in taken:
            mapping[i] = field
            taken.add(field)
        elif f.fallback and f.fallback not in taken:
            mapping[i] = f.fallback
            taken.add(f.fallback)
    return dict(sorted(mapping.items()))


@dataclass(frozen=True)
class HeaderFound:
    index: int  # 0-based position of the header row among the rows read
    headers: list[str]
    mapping: dict[int, str]


def find_header(
    kind: ImportKind,
    rows: Sequence[Sequence[Any]],
    explicit: Explicit,
    header_row: int | None = None,
) -> HeaderFound:
    """The header row: ``header_row`` (as Excel counts) when given, else the first of the
    first ten rows with two or more mapped columns (or, failing that, one the explicit
    mapping names)."""
    if header_row is not None:
        if not 1 <= header_row <= len(rows):
            raise UserError(
                QT_TRANSLATE_NOOP("errors", "The file has no row {row}."), row=header_row
            )
        headers = [text(cell) for cell in rows[header_row - 1]]
        return HeaderFound(header_row - 1, headers, map_columns(kind, headers, explicit))
    names = {k for k in explicit if isinstance(k, str)}
    fallback: HeaderFound | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headers = [text(cell) for cell in row]
        mapping = map_columns(kind, headers, explicit)
        if len(mapping) >= 2:
            return HeaderFound(index, headers, mapping)
        if fallback is None and mapping and names & set(headers):
            fallback = HeaderFound(index, headers, mapping)
    if fallback is not None:
        return fallback
    seen = {text(cell) for row in rows[:HEADER_SEARCH_ROWS] for cell in row}
    check_explicit_columns(list(seen), explicit)  # a mapped column that is nowhere
    raise UserError(
        QT_TRANSLATE_NOOP(
            "errors",
            "No header row found in the first {rows} rows: name the columns (e.g. 姓名, 手机, "
            "车牌) or map them yourself.",
        ),
        rows=HEADER_SEARCH_ROWS,
    )


def check_explicit_columns(headers: Sequence[str], explicit: Explicit) -> None:
    """Every column an explicit mapping names must be in the header row."""
    for key in explicit:
        if isinstance(key, str) and key not in headers:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "errors", "The column {column} of the mapping is not in the file's header row."
                ),
                column=key,
            )
