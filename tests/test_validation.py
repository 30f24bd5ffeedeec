"""Check digits and patterns: ID cards, credit codes, phones, plates."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.services.validation import (
    id_card_birth_date,
    id_card_check_digit,
    is_new_energy_plate,
    is_valid_id_card,
    is_valid_landline,
    is_valid_mobile,
    is_valid_org_code,
    is_valid_phone,
    is_valid_plate,
    is_valid_uscc,
    normalize_phone,
    normalize_plate,
    org_code_check_char,
    uscc_check_char,
)


def test_id_card_check_digit_follows_gb_11643() -> None:
    # The standard's worked example ends in X (remainder 2).
    assert id_card_check_digit("11010519491231002") == "X"
    assert id_card_check_digit("13010219900307001") == "1"  # weighted sum 176, 176 % 11 == 0


@pytest.mark.parametrize(
    "number", ["11010519491231002X", "11010519491231002x", "130102199003070011"]
)
def test_valid_id_cards(number: str) -> None:
    assert is_valid_id_card(number)


@pytest.mark.parametrize(
    "number",
    [
        None,
        "",
        "110105194912310021",  # wrong check digit
        "11010519491331002X",  # month 13
        "1101051949123100X2",  # X not at the end
        "11010519491231002",  # 17 characters
        "110105300012310028",  # born in the year 3000
    ],
)
def test_invalid_id_cards(number: str | None) -> None:
    assert not is_valid_id_card(number, today=date(2026, 11, 23))


def test_id_card_birth_date() -> None:
    assert id_card_birth_date("11010519491231002X") == date(1949, 12, 31)
    assert id_card_birth_date("11010519491331002X") is None


def test_org_code_check_char_follows_gb_11714() -> None:
    assert org_code_check_char("M000100Y") == "4"
    assert is_valid_org_code("M000100Y4")
    assert is_valid_org_code("M000100Y-4")
    assert not is_valid_org_code("M000100Y5")
    with pytest.raises(ValueError):
        org_code_check_char("m000100")


def test_uscc_check_char_follows_gb_32100() -> None:
    # A published example: 91350100M000100Y43 (organisation code M000100Y4, check 3).
    assert uscc_check_char("91350100M000100Y4") == "3"
    assert is_valid_uscc("91350100M000100Y43")
    assert is_valid_uscc(" 91350100m000100y43 ")  # case and spaces are forgiven
    assert not is_valid_uscc("91350100M000100Y44")
    assert not is_valid_uscc("91350100M000100I43")  # I is not in the character set
    assert not is_valid_uscc("91350100M000100Y4")
    assert not is_valid_uscc(None)


def test_uscc_check_char_zero_when_sum_divides() -> None:
    # Whatever the body, the computed character always validates and is in the set.
    for body in ("91130102MA0ABCDE1", "92130602000000000", "12100000400000000"):
        code = body + uscc_check_char(body)
        assert is_valid_uscc(code)


@pytest.mark.parametrize(
    "phone", ["13812345678", "+86 138 1234 5678", "0086-19912345678", "16612345678"]
)
def test_valid_mobiles(phone: str) -> None:
    assert is_valid_mobile(phone)
    assert is_valid_phone(phone)


@pytest.mark.parametrize(
    "phone", ["12812345678", "1381234567", "138123456789", "", None, "0311-86901234"]
)
def test_invalid_mobiles(phone: str | None) -> None:
    assert not is_valid_mobile(phone)


@pytest.mark.parametrize(
    "phone", ["0311-86901234", "031186901234", "010-88889999", "(0317) 5123456"]
)
def test_valid_landlines(phone: str) -> None:
    assert is_valid_landline(phone)
    assert is_valid_phone(phone)


@pytest.mark.parametrize("phone", ["86901234", "0311-06901234", "311-86901234", "13812345678"])
def test_invalid_landlines(phone: str) -> None:
    assert not is_valid_landline(phone)


def test_normalize_phone() -> None:
    assert normalize_phone(" +86 138 1234 5678 ") == "13812345678"
    assert normalize_phone("(0311)86901234") == "031186901234"


@pytest.mark.parametrize(
    "plate",
    [
        "京A12345",
        "京A·12345",
        "京a 12345",
        "冀FA1234",
        "冀B1234学",
        "京AD12345",
        "京ADA1234",
        "冀J12345D",
    ],
)
def test_valid_plates(plate: str) -> None:
    assert is_valid_plate(plate)


@pytest.mark.parametrize(
    "plate",
    [
        "",
        None,
        "京AI2345",
        "京O12345",
        "XA12345",
        "京A1234",
        "京A1234567",
        "京AX12345",
        "京A1234A5D",
    ],
)
def test_invalid_plates(plate: str | None) -> None:
    assert not is_valid_plate(plate)


def test_normalize_plate() -> None:
    assert normalize_plate("京a·1234 5") == "京A12345"
    assert normalize_plate("冀F-A1234") == "冀FA1234"
    assert normalize_plate("京AD12345") == "京AD12345"


def test_new_energy_plates_have_six_characters_after_the_letter() -> None:
    assert is_new_energy_plate("京AD12345")
    assert is_new_energy_plate("冀J12345F")
    assert not is_new_energy_plate("京A12345")
