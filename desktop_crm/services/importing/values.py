"""Cells as clerks type them, turned into the values the store keeps.

Each parser takes a raw cell (text from a CSV file; str, int, float, datetime or time
from an .xlsx sheet) and returns the clean value, ``None`` for an empty cell, or
raises ``RowProblem`` with a translatable reason. What is tolerated:

- full-width digits and letters (NFKC), stray and doubled spaces;
- phones with spaces, dashes, brackets and a +86 / 0086 prefix; landlines written
  with or without the dash after the area code (stored as 0311-86901234);
- plates in lower case or with a dot or space (京a·12345 → 京A12345);
- numbers that Excel turned into floats (13812345678.0 → 13812345678); a long number
  that Excel already rounded (1.00011E+18) is refused, since its digits are gone;
- dates as Excel dates or serial numbers, 2025-01-02, 2025/1/2, 2025.1.2, 20250102 and
  2025年1月2日, optionally followed by a time.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import CustomerKind
from desktop_crm.services.validation import (
    LANDLINE_PATTERN,
    MOBILE_PATTERN,
    PLATE_PATTERN,
    is_valid_id_card,
    is_valid_uscc,
    normalize_plate,
)

CONTEXT = "import"  # translation context of the reasons


class RowProblem(Exception):
    """Why one row cannot be imported (English source text, translated at the edges)."""

    def __init__(self, text: str, **params: Any) -> None:
        self.text = text
        self.params = params
        super().__init__(text.format(**params))


# --- text --------------------------------------------------------------------------------

LIST_SEPARATORS = re.compile(r"[/,;、|]+")  # after NFKC: ，→ , and ；→ ;
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?E\+?\d+$", re.IGNORECASE)
EXACT_FLOAT_LIMIT = 1e15  # doubles hold 15 significant digits for sure
_HAS_SEPARATOR = re.compile(r"[/,;、|]")


def text(value: Any) -> str:
    """The cell as clean text: NFKC, stripped, whitespace runs collapsed to one space."""
    if value.__class__ is str:
        s = (value if value.isascii() else unicodedata.normalize("NFKC", value)).strip()
        # Two spaces, or a tab, newline or other unprintable character: collapse them.
        return " ".join(s.split()) if "  " in s or not s.isprintable() else s
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < EXACT_FLOAT_LIMIT:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.time() else "%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def optional_text(value: Any, limit: int) -> str | None:
    if value is None or value == "":  # most cells of an old list are empty
        return None
    s = text(value)
    if not s:
        return None
    if len(s) > limit:
        raise RowProblem(
            QT_TRANSLATE_NOOP("import", "The text {value} is longer than {limit} characters."),
            value=s[:20] + "…",
            limit=limit,
        )
    return s


_SPACE_IN_HAN = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def name(value: Any, limit: int = 200) -> str | None:
    """A name as typed, without the spaces people put between Chinese characters (张 伟)."""
    s = optional_text(value, limit)
    return _SPACE_IN_HAN.sub("", s) if s and " " in s else s


def split_list(value: Any) -> list[str]:
    """A cell that may hold several values: 冀A12345/冀A67890, 重点，潜力."""
    if value is None or value == "":
        return []
    s = text(value)
    if not s:
        return []
    if _HAS_SEPARATOR.search(s) is None:
        return [s]
    return [part.strip() for part in LIST_SEPARATORS.split(s) if part.strip()]


def _digits_cell(value: Any) -> str:
    """A cell meant to hold a long number, refused if Excel already rounded it."""
    if isinstance(value, float) and abs(value) >= EXACT_FLOAT_LIMIT:
        raise RowProblem(
            QT_TRANSLATE_NOOP(
                "import",
                "The number {value} was stored by Excel as a number and has lost its last "
                "digits. Format the column as text, type the number again and import again.",
            ),
            value=text(value),
        )
    s = text(value).lstrip("'")
    if _SCIENTIFIC.match(s):
        raise RowProblem(
            QT_TRANSLATE_NOOP(
                "import",
                "The number {value} was stored by Excel as a number and has lost its last "
                "digits. Format the column as text, type the number again and import again.",
            ),
            value=s,
        )
    return s


# --- numbers people look up by ------------------------------------------------------------

_PHONE_JUNK = re.compile(r"[\s()\-.]")


def clean_phone(value: str) -> bool:
    """Whether a text cell is a mobile number as stored (most are typed so). fullmatch:
    ``$`` would also match before a last newline (a cell typed with Alt+Enter)."""
    return value.isascii() and MOBILE_PATTERN.fullmatch(value) is not None


def phone(value: Any) -> str | None:
    """A mobile (13812345678) or a landline with its area code (0311-86901234)."""
    if value.__class__ is str and clean_phone(value):
        return value
    raw = _digits_cell(value)
    if not raw:
        return None
    digits = _PHONE_JUNK.sub("", raw)
    if digits.startswith("+"):
        digits = digits[1:]
        if digits.startswith("86"):
            digits = digits[2:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if digits.isdigit():
        if MOBILE_PATTERN.match(digits):
            return digits
        if digits.startswith("0") and len(digits) >= 10:
            cut = 3 if digits[1] in "12" else 4  # 010, 02x: three-digit area codes
            landline = f"{digits[:cut]}-{digits[cut:]}"
            if LANDLINE_PATTERN.match(landline):
                return landline
    raise RowProblem(
        QT_TRANSLATE_NOOP(
            "import",
            "{value} is not a mobile number (11 digits) or a landline with its area code.",
        ),
        value=raw,
    )


def clean_plate(value: str) -> bool:
    """Whether a text cell is a plate as stored (京A12345; most are typed so)."""
    return value[1:].isascii() and PLATE_PATTERN.fullmatch(value) is not None


def plate(value: str) -> str:
    """One plate, normalised (京A12345)."""
    if value.__class__ is str and clean_plate(value):
        return value
    norm = normalize_plate(text(value))
    if not PLATE_PATTERN.match(norm):
        raise RowProblem(
            QT_TRANSLATE_NOOP("import", "{value} is not a licence plate (e.g. 京A12345)."),
            value=text(value),
        )
    return norm


_CARD = re.compile(r"^[0-9A-Z]{6,32}$")


def clean_card(value: str) -> bool:
    """Whether a text cell is a card number as stored (most are typed so)."""
    return _CARD.fullmatch(value) is not None and _SCIENTIFIC.match(value) is None


def card(value: Any) -> str:
    """One fuel card number: digits (and letters), spaces and dashes removed."""
    if value.__class__ is str and clean_card(value):
        return value
    raw = _digits_cell(value)
    norm = raw.replace(" ", "").replace("-", "").upper()
    if not _CARD.match(norm):
        raise RowProblem(
            QT_TRANSLATE_NOOP(
                "import", "{value} is not a card number (6 to 32 digits or letters)."
            ),
            value=raw,
        )
    return norm


def id_number(value: Any) -> tuple[str, str] | None:
    """(id type, number) of an identity card (GB 11643) or a credit code (GB 32100)."""
    if value is None or value == "":
        return None
    raw = _digits_cell(value)
    if not raw:
        return None
    norm = raw.replace(" ", "").upper()
    if is_valid_id_card(norm):
        return "id_card", norm
    if is_valid_uscc(norm):
        return "uscc", norm
    raise RowProblem(
        QT_TRANSLATE_NOOP(
            "import",
            "The ID number {value} is not valid: check its length, birth date and last character.",
        ),
        value=raw,
    )


def uscc(value: Any) -> str | None:
    if value is None or value == "":
        return None
    raw = text(value)
    if not raw:
        return None
    norm = raw.replace(" ", "").upper()
    if not is_valid_uscc(norm):
        raise RowProblem(
            QT_TRANSLATE_NOOP(
                "import",
                "The unified social credit code {value} is not valid: check its 18 "
                "characters and the last one.",
            ),
            value=raw,
        )
    return norm


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email(value: Any) -> str | None:
    s = text(value)
    if not s:
        return None
    if not _EMAIL.match(s) or len(s) > 200:
        raise RowProblem(QT_TRANSLATE_NOOP("import", "{value} is not an e-mail address."), value=s)
    return s


# --- categories ----------------------------------------------------------------------------

_ORG_WORDS = ("单位", "企业", "公司", "集团", "机关", "车队", "organisation", "organization", "org")
_PERSON_WORDS = ("个人", "私人", "散户", "person", "individual", "private")


def kind(value: Any) -> str | None:
    s = text(value).lower()
    if not s:
        return None
    if any(word in s for word in _ORG_WORDS) or s == "company":
        return CustomerKind.ORGANISATION
    if any(word in s for word in _PERSON_WORDS):
        return CustomerKind.PERSON
    raise RowProblem(
        QT_TRANSLATE_NOOP("import", "Unknown customer type {value}: write 单位 or 个人."), value=s
    )


_ORG_NAME_ENDINGS = (
    "公司", "集团", "厂", "局", "院", "所", "站", "中心", "车队", "学校", "大学", "医院",
    "银行", "合作社", "委员会", "政府", "部队", "商行", "经营部", "门市部",
)  # fmt: skip


def looks_like_organisation(name: str | None) -> bool:
    return bool(name) and name.endswith(_ORG_NAME_ENDINGS)  # type: ignore[union-attr]


def level(value: Any) -> str | None:
    """VIP / A / B / C / D as typed (vip → VIP, A级 → A); other schemes (一类) as written."""
    s = text(value)
    if not s:
        return None
    for suffix in ("级客户", "类客户", "级", "类"):
        if s.endswith(suffix) and s[: -len(suffix)].isascii() and len(s) > len(suffix):
            s = s[: -len(suffix)]
            break
    if s.isascii():
        s = s.upper()
    if len(s) > 16:
        raise RowProblem(QT_TRANSLATE_NOOP("import", "Unknown customer level {value}."), value=s)
    return s


def tags(value: Any) -> list[str]:
    return [t for part in split_list(value) for t in part.split() if t]


# --- numbers and money --------------------------------------------------------------------

_NUMBER_JUNK = re.compile(r"[,\s¥元升lL]|RMB|CNY", re.IGNORECASE)


def number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    s = _NUMBER_JUNK.sub("", text(value))
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        raise RowProblem(
            QT_TRANSLATE_NOOP("import", "{value} is not a number."), value=text(value)
        ) from None


def money_fen(value: Any) -> int | None:
    """Yuan as typed (350, 350.5, ¥1,350.00, 350元) in fen, rounded half up."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        s = repr(value)
    else:
        s = _NUMBER_JUNK.sub("", text(value))
        if not s:
            return None
    try:
        return int((Decimal(s) * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    except InvalidOperation:
        raise RowProblem(
            QT_TRANSLATE_NOOP("import", "{value} is not an amount of money."), value=text(value)
        ) from None


# --- dates and times ----------------------------------------------------------------------

_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[T ]?\s*(\d{1,2})\s*[:时]\s*(\d{1,2})\s*(?:[:分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\s*T?\s*(\d{2}):?(\d{2}):?(\d{2})?)?$")
_TIME = re.compile(r"^(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.\d+)?)?\s*[秒分]?$")
EXCEL_EPOCH = datetime(1899, 12, 30)


def _bad_date(value: Any) -> RowProblem:
    return RowProblem(
        QT_TRANSLATE_NOOP("import", "{value} is not a date (write it as 2025-01-02)."),
        value=text(value),
    )


def moment(value: Any) -> tuple[datetime, bool] | None:
    """(local date and time, whether a time of day was given) of a cell."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), value.time() != time(0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 19000101 <= value <= 29991231 and float(value).is_integer():  # 20250102
            return moment(str(int(value)))
        if 1 <= value < 2958466:  # an Excel serial date (days since 1899-12-30)
            when = EXCEL_EPOCH + timedelta(days=float(value))
            when = when.replace(microsecond=0)
            return when, not float(value).is_integer()
        raise _bad_date(value)
    s = text(value)
    if not s:
        return None
    match = _DATE.match(s) or _COMPACT.match(s)
    if match is None:
        raise _bad_date(value)
    y, mo, d, h, mi, se = match.groups()
    try:
        when = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(se or 0))
    except ValueError:
        raise _bad_date(value) from None
    return when, h is not None


def day(value: Any) -> str | None:
    """A date as YYYY-MM-DD."""
    found = moment(value)
    if found is None:
        return None
    when = found[0]
    if not 1900 <= when.year <= 2100:
        raise _bad_date(value)
    return when.strftime("%Y-%m-%d")


def time_of_day(value: Any) -> time | None:
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        seconds = round(value * 86400)
        return time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
    s = text(value)
    if not s:
        return None
    match = _TIME.match(s)
    if match is None:
        try:
            found = moment(s)  # a full date and time in the time column
        except RowProblem:
            found = None
        if found is not None:
            return found[0].time()
        raise RowProblem(
            QT_TRANSLATE_NOOP("import", "{value} is not a time of day (write it as 08:30)."),
            value=s,
        )
    h, mi, se = match.groups()
    try:
        return time(int(h), int(mi), int(se or 0))
    except ValueError:
        raise RowProblem(
            QT_TRANSLATE_NOOP("import", "{value} is not a time of day (write it as 08:30)."),
            value=s,
        ) from None


# --- visits --------------------------------------------------------------------------------

_PRODUCT = re.compile(r"^(-?\d{1,2})\s*(?:#|号)")


def product(value: Any) -> str:
    """92#, 95#, 98#, 0# for the usual ways of writing them (92号汽油, 0#柴油); else as typed."""
    s = text(value)
    match = _PRODUCT.match(s)
    if match:
        return match.group(1) + "#"
    if s.isdigit() and len(s) <= 2:
        return s + "#"
    return s[:16]


_CARD_WORDS = ("加油卡", "ic卡", "油卡", "储值卡", "fuel card", "fuelcard", "card")
_NOT_FUEL_CARD = ("银行卡", "信用卡", "借记卡", "银联", "bank", "credit")
_YES = {"卡", "是", "y", "yes", "true", "1", "刷卡"}


def paid_by_card(value: Any) -> bool:
    s = text(value).lower()
    if not s:
        return False
    if any(word in s for word in _NOT_FUEL_CARD):
        return False
    return s in _YES or any(word in s for word in _CARD_WORDS)
