"""Check digits and patterns of Chinese identifiers: ID cards, credit codes, phones, plates.

- Resident identity card numbers (居民身份证号码, GB 11643-1999): 17 digits and an
  ISO 7064 MOD 11-2 check character (0-9 or X).
- Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a
  31-character set with a MOD 31 check character; positions 9-17 embed the
  organisation code (组织机构代码, GB 11714-1997) with its own MOD 11 check character.
- Mobile numbers (1[3-9] and nine digits) and landlines with area code (0xx-xxxxxxxx).
- Licence plates (机动车号牌, GA 36): province abbreviation, issuing-office letter and five
  characters; new-energy plates (新能源) have six.

No Qt and no database: the customer file, the importers and the demo generator share it.
"""

from __future__ import annotations

import re
from datetime import date
from operator import mul

# --- Identity card (GB 11643) -------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_PATTERN = re.compile(r"^\d{17}[\dX]$")


def id_card_check_digit(first17: str) -> str:
    """The 18th character of an identity card number from its first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("an identity card number starts with 17 digits")
    return _ID_CHECK[sum(map(mul, map(int, first17), _ID_WEIGHTS)) % 11]


def id_card_birth_date(number: str) -> date | None:
    """The birth date encoded in an 18-digit identity card number (None if not a date)."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def is_valid_id_card(number: str | None, today: date | None = None) -> bool:
    """True for an 18-character identity card number with a real birth date and check digit.

    A lower-case x is accepted (people type it); the birth date must not be in the future.
    """
    if not number:
        return False
    number = number.strip().upper()
    if not _ID_PATTERN.match(number):
        return False
    if id_card_check_digit(number[:17]) != number[17]:  # the cheaper test first
        return False
    born = id_card_birth_date(number)
    return born is not None and born.year >= 1900 and born <= (today or date.today())


# --- Organisation code (GB 11714) and unified social credit code (GB 32100) -------------

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_PATTERN = re.compile(r"^[0-9A-Z]{8}[0-9X]$")


def _org_value(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - ord("A") + 10


def org_code_check_char(first8: str) -> str:
    """The 9th character of an organisation code (组织机构代码) from its first eight."""
    if len(first8) != 8 or not re.match(r"^[0-9A-Z]{8}$", first8):
        raise ValueError("an organisation code starts with 8 digits or capital letters")
    remainder = 11 - sum(_org_value(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True)) % 11
    return "X" if remainder == 10 else "0" if remainder == 11 else str(remainder)


def is_valid_org_code(code: str | None) -> bool:
    if not code:
        return False
    code = code.strip().upper().replace("-", "")
    return bool(_ORG_PATTERN.match(code)) and org_code_check_char(code[:8]) == code[8]


USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_USCC_VALUES = {c: i for i, c in enumerate(USCC_CHARSET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_PATTERN = re.compile(rf"^[{USCC_CHARSET}]{{18}}$")


def uscc_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code from its first 17."""
    if len(first17) != 17 or any(c not in _USCC_VALUES for c in first17):
        raise ValueError("a unified social credit code starts with 17 characters of its set")
    total = sum(map(mul, map(_USCC_VALUES.__getitem__, first17), _USCC_WEIGHTS))
    return USCC_CHARSET[(31 - total % 31) % 31]


def is_valid_uscc(code: str | None) -> bool:
    """True for an 18-character unified social credit code whose check character is right.

    Only the GB 32100 check character is verified: the embedded organisation code of
    some older registrations does not follow GB 11714, so it is not required here
    (``is_valid_org_code(code[8:17])`` tests it where wanted).
    """
    if not code:
        return False
    code = code.strip().upper()
    return bool(_USCC_PATTERN.match(code)) and uscc_check_char(code[:17]) == code[17]


# --- Phones ------------------------------------------------------------------------------

MOBILE_PATTERN = re.compile(r"^1[3-9]\d{9}$")
LANDLINE_PATTERN = re.compile(r"^0\d{2,3}-?[1-9]\d{6,7}$")
_PHONE_JUNK = re.compile(r"[\s()（）]")


def normalize_phone(phone: str) -> str:
    """Digits (and the dash after an area code) only; a +86 / 0086 prefix is dropped."""
    value = _PHONE_JUNK.sub("", phone.strip())
    for prefix in ("+86", "0086"):
        if value.startswith(prefix):
            value = value[len(prefix) :].lstrip("-")
    return value


def is_valid_mobile(phone: str | None) -> bool:
    """A mainland mobile number: 11 digits, 1 then 3-9 (spaces and +86 allowed)."""
    return bool(phone) and bool(MOBILE_PATTERN.match(normalize_phone(phone).replace("-", "")))


def is_valid_landline(phone: str | None) -> bool:
    """A fixed-line number with its area code, e.g. 0311-86901234 or 01088889999."""
    return bool(phone) and bool(LANDLINE_PATTERN.match(normalize_phone(phone)))


def is_valid_phone(phone: str | None) -> bool:
    return is_valid_mobile(phone) or is_valid_landline(phone)


# --- Licence plates ----------------------------------------------------------------------

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # I and O are never used
_P = f"[{PROVINCES}]"
_L = f"[{PLATE_LETTERS}]"
_LD = f"[{PLATE_LETTERS}0-9]"
PLATE_PATTERN = re.compile(
    rf"^{_P}{_L}(?:{_LD}{{4}}[{PLATE_LETTERS}0-9挂学警港澳]"  # ordinary (blue / yellow)
    rf"|[DF]{_LD}\d{{4}}"  # small new-energy car: D (electric) / F (hybrid) first
    rf"|\d{{5}}[DF])$"  # large new-energy vehicle: D / F last
)
_PLATE_JUNK = re.compile(r"[\s·•・.\-_]")


def normalize_plate(plate: str) -> str:
    """The plate as stored for search: no spaces or separators, Latin letters upper case."""
    return _PLATE_JUNK.sub("", plate).upper()


def is_valid_plate(plate: str | None) -> bool:
    """A mainland plate in any common spelling (京A·12345, 京a 12345, 京AD12345)."""
    return bool(plate) and bool(PLATE_PATTERN.match(normalize_plate(plate)))


def is_new_energy_plate(plate: str) -> bool:
    return len(normalize_plate(plate)) == 8 and is_valid_plate(plate)
