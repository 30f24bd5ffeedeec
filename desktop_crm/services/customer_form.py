"""The editable customer file as plain data: normalisation, validation, profile stage.

No Qt and no database: the edit dialog validates as the user types, the services
validate again before writing. Messages are English source text (context "errors");
each ValidationError names the field it concerns: a CustomerForm attribute, or
``vehicles.<i>.plate``, ``cards.<i>.card_no``, ``contacts.<i>.<attribute>`` for the
rows of the lists.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.models import CustomerKind, CustomerStatus, ProfileStage
from desktop_crm.services import customer_options as options
from desktop_crm.services.search_index import is_han, name_pinyin
from desktop_crm.services.validation import (
    LANDLINE_PATTERN,
    MOBILE_PATTERN,
    USCC_CHARSET,
    id_card_birth_date,
    id_card_check_digit,
    is_valid_plate,
    normalize_phone,
    normalize_plate,
    uscc_check_char,
)


@dataclass
class VehicleForm:
    plate: str = ""
    model: str = ""
    id: str | None = None  # the stored row; None for a new vehicle


@dataclass
class CardForm:
    card_no: str = ""
    status: str = "active"
    id: str | None = None


@dataclass
class ContactForm:
    name: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    id: str | None = None
    phone_masked: bool = False  # shown masked: the stored phone is kept on save


@dataclass
class CustomerForm:
    """Everything a user edits in a customer file.

    Numbers typed into the dialog may be passed as text (``"30"``, ``"5,000.50"``):
    normalisation turns them into numbers and validation reports what it cannot read.
    ``masked`` names the fields (``phone``, ``phone2``, ``id_number``) shown masked to
    a user who may not see them: they are neither validated nor written.
    """

    kind: str = CustomerKind.PERSON
    name: str = ""
    id_type: str | None = None
    id_number: str = ""
    phone: str = ""
    phone2: str = ""
    email: str = ""
    employer: str = ""
    address: str = ""
    org_unit_id: str | None = None  # the station
    maintainer_id: str | None = None
    developer_id: str | None = None
    level: str | None = None
    volume_tier: str | None = None
    focus_type: str | None = None
    regular: bool = False
    status: str = CustomerStatus.NEW
    tags: list[str] = field(default_factory=list)
    consent: bool = False
    do_not_disturb: bool = False
    preferred_channel: str | None = None
    preferred_time: str = ""
    payment_habit: str | None = None
    purchase_cycle_days: int | str | None = None
    credit_limit: Decimal | int | str | None = None  # yuan
    payment_term_days: int | str | None = None
    blacklisted: bool = False
    member_no: str = ""
    birthday: str = ""  # YYYY-MM-DD
    needs: str = ""
    notes: str = ""
    referred_by_id: str | None = None
    vehicles: list[VehicleForm] = field(default_factory=list)
    cards: list[CardForm] = field(default_factory=list)
    contacts: list[ContactForm] = field(default_factory=list)
    masked: frozenset[str] = frozenset()


# Longest text each column takes (models/customers.py).
MAX_LENGTHS: dict[str, int] = {
    "name": 200,
    "id_number": 32,
    "email": 200,
    "employer": 200,
    "address": 400,
    "preferred_time": 64,
    "member_no": 32,
    "vehicles.model": 64,
    "contacts.name": 64,
    "contacts.title": 64,
    "contacts.email": 200,
}
TAGS_MAX_LENGTH = 200
CYCLE_DAYS = (1, 365)
TERM_DAYS = (0, 365)
MAX_CREDIT_YUAN = Decimal("1000000000")

# --- normalisation ------------------------------------------------------------------------

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_SPACES = re.compile(r"\s+")
_TAG_SPLIT = re.compile(r"[,，、;；\s]+")
_CARD_JUNK = re.compile(r"[\s\-_]")
_AMOUNT_JUNK = re.compile(r"[,\s元¥￥]")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_ID_TEXT = re.compile(r"[\s\-]")


def nfkc(text: str | None) -> str:
    """Full-width letters, digits and signs to ASCII; outer spaces removed."""
    return unicodedata.normalize("NFKC", text or "").translate(_DASHES).strip()


def normalize_name(text: str | None) -> str:
    """NFKC, single spaces, and no space between two Chinese characters (张 三 → 张三)."""
    parts = _SPACES.split(nfkc(text))
    out = ""
    for part in parts:
        if out and not (is_han(out[-1]) and is_han(part[0])):
            out += " "
        out += part
    return out


def normalize_phone_number(text: str | None) -> str:
    """13812345678 for a mobile however written; 0311-86901234 for a landline."""
    value = normalize_phone(nfkc(text))
    digits = value.replace("-", "")
    if digits.startswith("86") and len(digits) == 13 and MOBILE_PATTERN.match(digits[2:]):
        digits = digits[2:]
    if MOBILE_PATTERN.match(digits):
        return digits
    if digits.isdigit() and digits.startswith("0") and 10 <= len(digits) <= 12:
        # Area codes 010 and 02x have three digits, all others four.
        cut = 3 if digits[1] in "12" else 4
        return f"{digits[:cut]}-{digits[cut:]}"
    return value


def normalize_plate_text(text: str | None) -> str:
    return normalize_plate(nfkc(text))


def normalize_card_no(text: str | None) -> str:
    return _CARD_JUNK.sub("", nfkc(text)).upper()


def normalize_date(text: str | None) -> str:
    """YYYY-MM-DD from 1985-6-30, 1985/06/30, 1985年6月30日 or 19850630; else as typed."""
    value = nfkc(text)
    match = _DATE.match(value)
    if match:
        y, m, d = match.groups()
    elif re.fullmatch(r"\d{8}", value):
        y, m, d = value[:4], value[4:6], value[6:]
    else:
        return value
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _int_or_text(value: int | str | None) -> int | str | None:
    if value is None or isinstance(value, int):
        return value
    text = nfkc(str(value)).replace(",", "")
    if not text:
        return None
    return int(text) if re.fullmatch(r"[+-]?\d+", text) else text


def _amount_or_text(value: Decimal | int | str | None) -> Decimal | str | None:
    if value is None:
        return None
    if isinstance(value, Decimal | int):
        return Decimal(value)
    text = _AMOUNT_JUNK.sub("", nfkc(value))
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return value
    return amount if amount.is_finite() else value


def _split_tags(tags: list[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        for piece in _TAG_SPLIT.split(nfkc(tag)):
            if piece and piece not in out:
                out.append(piece)
    return out


def normalize(form: CustomerForm) -> CustomerForm:
    """A copy with every field in its stored shape (see the module's functions above)."""
    id_number = _ID_TEXT.sub("", nfkc(form.id_number)).upper()
    id_type = form.id_type or None
    if id_number and not id_type:
        id_type = options.USCC if form.kind == CustomerKind.ORGANISATION else options.ID_CARD
    birthday = normalize_date(form.birthday)
    if not birthday and id_type == options.ID_CARD and len(id_number) == 18:
        born = id_card_birth_date(id_number)
        if born is not None and _check_id_card(id_number) is None:
            birthday = born.isoformat()
    email = nfkc(form.email)
    return replace(
        form,
        name=normalize_name(form.name),
        id_type=id_type if id_number else None,
        id_number=id_number,
        phone=normalize_phone_number(form.phone) if "phone" not in form.masked else form.phone,
        phone2=normalize_phone_number(form.phone2) if "phone2" not in form.masked else form.phone2,
        email=email.lower(),
        employer=normalize_name(form.employer),
        address=(form.address or "").strip(),
        tags=_split_tags(form.tags),
        preferred_channel=form.preferred_channel or None,
        preferred_time=(form.preferred_time or "").strip(),
        payment_habit=form.payment_habit or None,
        level=form.level or None,
        volume_tier=form.volume_tier or None,
        focus_type=form.focus_type or None,
        purchase_cycle_days=_int_or_text(form.purchase_cycle_days),
        credit_limit=_amount_or_text(form.credit_limit),
        payment_term_days=_int_or_text(form.payment_term_days),
        member_no=nfkc(form.member_no).upper(),
        birthday=birthday,
        needs=(form.needs or "").strip(),
        notes=(form.notes or "").strip(),
        vehicles=[
            VehicleForm(normalize_plate_text(v.plate), (v.model or "").strip(), v.id)
            for v in form.vehicles
            if (v.plate or "").strip() or (v.model or "").strip()
        ],
        cards=[
            CardForm(normalize_card_no(c.card_no), c.status or "active", c.id)
            for c in form.cards
            if (c.card_no or "").strip()
        ],
        contacts=[
            ContactForm(
                normalize_name(c.name),
                (c.title or "").strip(),
                c.phone if c.phone_masked else normalize_phone_number(c.phone),
                nfkc(c.email).lower(),
                c.id,
                c.phone_masked,
            )
            for c in form.contacts
            if any((x or "").strip() for x in (c.name, c.title, c.phone, c.email))
        ],
    )


# --- validation ---------------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_ID_CARD_SHAPE = re.compile(r"^\d{17}[\dX]$")
_CARD_SHAPE = re.compile(r"^[0-9A-Z]{6,32}$")
USCC_SET = frozenset(USCC_CHARSET)

MSG_PHONE = QT_TRANSLATE_NOOP(
    "errors",
    "Enter a mobile number (11 digits starting 13 to 19) or a landline with its area code, "
    "e.g. 0311-86901234.",
)
MSG_EMAIL = QT_TRANSLATE_NOOP("errors", "Enter an e-mail address like name@example.com.")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("errors", "Too long: at most {max} characters.")
MSG_CHOOSE = QT_TRANSLATE_NOOP("errors", "Choose a value from the list.")


def _check_id_card(number: str, today: date | None = None) -> str | None:
    """The message for a wrong identity card number, None when it is right."""
    if not _ID_CARD_SHAPE.match(number):
        return QT_TRANSLATE_NOOP(
            "errors",
            "An identity card number has 18 characters: 17 digits, then a digit or X.",
        )
    born = id_card_birth_date(number)
    if born is None or born.year < 1900 or born > (today or date.today()):
        return QT_TRANSLATE_NOOP(
            "errors",
            "The birth date in this identity card number (characters 7 to 14) is not a "
            "possible date of birth.",
        )
    if id_card_check_digit(number[:17]) != number[17]:
        return QT_TRANSLATE_NOOP(
            "errors",
            "The last character of this identity card number does not match the others: "
            "check the number.",
        )
    return None


def _check_uscc(code: str) -> str | None:
    if len(code) != 18 or any(c not in USCC_SET for c in code):
        return QT_TRANSLATE_NOOP(
            "errors",
            "A unified social credit code has 18 digits and capital letters "
            "(never I, O, S, V or Z).",
        )
    if uscc_check_char(code[:17]) != code[17]:
        return QT_TRANSLATE_NOOP(
            "errors",
            "The last character of this unified social credit code does not match the "
            "others: check the code.",
        )
    return None


def _valid_phone(value: str) -> bool:
    return bool(MOBILE_PATTERN.match(value) or LANDLINE_PATTERN.match(value))


def _length_errors(form: CustomerForm) -> list[ValidationError]:
    errors = []
    for name in (
        "name",
        "id_number",
        "email",
        "employer",
        "address",
        "preferred_time",
        "member_no",
    ):
        limit = MAX_LENGTHS[name]
        if len(getattr(form, name) or "") > limit:
            errors.append(ValidationError(MSG_TOO_LONG, field=name, max=limit))
    for i, vehicle in enumerate(form.vehicles):
        if len(vehicle.model) > MAX_LENGTHS["vehicles.model"]:
            errors.append(
                ValidationError(
                    MSG_TOO_LONG, field=f"vehicles.{i}.model", max=MAX_LENGTHS["vehicles.model"]
                )
            )
    for i, contact in enumerate(form.contacts):
        for attr in ("name", "title", "email"):
            limit = MAX_LENGTHS[f"contacts.{attr}"]
            if len(getattr(contact, attr)) > limit:
                errors.append(
                    ValidationError(MSG_TOO_LONG, field=f"contacts.{i}.{attr}", max=limit)
                )
    if len(",".join(form.tags)) > TAGS_MAX_LENGTH:
        errors.append(ValidationError(MSG_TOO_LONG, field="tags", max=TAGS_MAX_LENGTH))
    return errors


def _identity_errors(form: CustomerForm, today: date) -> list[ValidationError]:
    if "id_number" in form.masked or not form.id_number:
        return []
    message = None
    if form.id_type == options.ID_CARD:
        message = _check_id_card(form.id_number, today)
    elif form.id_type == options.USCC:
        message = _check_uscc(form.id_number)
    elif form.id_type not in options.ID_TYPES:
        return [ValidationError(MSG_CHOOSE, field="id_type")]
    return [ValidationError(message, field="id_number")] if message else []


def _birthday_errors(form: CustomerForm, today: date) -> list[ValidationError]:
    if not form.birthday:
        return []
    try:
        born = date.fromisoformat(form.birthday)
    except ValueError:
        born = None
    if born is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", form.birthday):
        return [
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "Enter the birthday as a date, e.g. 1985-06-30."),
                field="birthday",
            )
        ]
    if born.year < 1900 or born > today:
        return [
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "The birthday must lie between 1900 and today."),
                field="birthday",
            )
        ]
    if (
        form.id_type == options.ID_CARD
        and "id_number" not in form.masked
        and len(form.id_number) == 18
        and _check_id_card(form.id_number, today) is None
    ):
        in_id = id_card_birth_date(form.id_number)
        if in_id is not None and in_id != born:
            return [
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The birthday differs from the date in the identity card number ({date}).",
                    ),
                    field="birthday",
                    date=in_id.isoformat(),
                )
            ]
    return []


def _contact_errors(form: CustomerForm) -> list[ValidationError]:
    errors = []
    for name in ("phone", "phone2"):
        value = getattr(form, name)
        if value and name not in form.masked and not _valid_phone(value):
            errors.append(ValidationError(MSG_PHONE, field=name))
    if form.phone2 and form.phone2 == form.phone and not {"phone", "phone2"} & set(form.masked):
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "The second phone is the same as the first."),
                field="phone2",
            )
        )
    if form.email and not _EMAIL.match(form.email):
        errors.append(ValidationError(MSG_EMAIL, field="email"))
    for i, contact in enumerate(form.contacts):
        if not contact.name:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Enter the contact's name."),
                    field=f"contacts.{i}.name",
                )
            )
        if contact.phone and not contact.phone_masked and not _valid_phone(contact.phone):
            errors.append(ValidationError(MSG_PHONE, field=f"contacts.{i}.phone"))
        if contact.email and not _EMAIL.match(contact.email):
            errors.append(ValidationError(MSG_EMAIL, field=f"contacts.{i}.email"))
    if form.preferred_channel == "email" and not form.email:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "E-mail is the preferred channel: enter the e-mail address too."
                ),
                field="email",
            )
        )
    return errors


def _vehicle_and_card_errors(form: CustomerForm) -> list[ValidationError]:
    errors = []
    seen: set[str] = set()
    for i, vehicle in enumerate(form.vehicles):
        if not vehicle.plate:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Enter the plate of this vehicle."),
                    field=f"vehicles.{i}.plate",
                )
            )
        elif not is_valid_plate(vehicle.plate):
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{plate} is not a licence plate: a province, a letter and 5 characters "
                        "(6 for a new-energy vehicle), e.g. 京A12345.",
                    ),
                    field=f"vehicles.{i}.plate",
                    plate=vehicle.plate,
                )
            )
        elif vehicle.plate in seen:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The plate {plate} is entered twice."),
                    field=f"vehicles.{i}.plate",
                    plate=vehicle.plate,
                )
            )
        seen.add(vehicle.plate)
    seen.clear()
    for i, card in enumerate(form.cards):
        if not _CARD_SHAPE.match(card.card_no):
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "A fuel card number has 6 to 32 digits or capital letters."
                    ),
                    field=f"cards.{i}.card_no",
                )
            )
        elif card.card_no in seen:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The card {card} is entered twice."),
                    field=f"cards.{i}.card_no",
                    card=card.card_no,
                )
            )
        seen.add(card.card_no)
        if card.status not in options.CARD_STATUSES:
            errors.append(ValidationError(MSG_CHOOSE, field=f"cards.{i}.status"))
    return errors


def _number_errors(form: CustomerForm) -> list[ValidationError]:
    errors = []
    for name, (low, high) in (
        ("purchase_cycle_days", CYCLE_DAYS),
        ("payment_term_days", TERM_DAYS),
    ):
        value = getattr(form, name)
        if value is not None and (not isinstance(value, int) or not low <= value <= high):
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Enter a whole number of days from {low} to {high}."
                    ),
                    field=name,
                    low=low,
                    high=high,
                )
            )
    credit = form.credit_limit
    if credit is not None and (
        not isinstance(credit, Decimal)
        or credit < 0
        or credit > MAX_CREDIT_YUAN
        or credit != credit.quantize(Decimal("0.01"))
    ):
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Enter the credit limit in yuan: 0 or more, at most two decimals."
                ),
                field="credit_limit",
            )
        )
    return errors


def _choice_errors(form: CustomerForm) -> list[ValidationError]:
    errors = []
    if form.kind not in options.KINDS:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "Choose individual or organisation."), field="kind"
            )
        )
    for name, allowed in (
        ("status", options.STATUSES),
        ("focus_type", options.FOCUS_TYPES),
        ("preferred_channel", options.CHANNELS),
        ("payment_habit", options.PAYMENT_HABITS),
    ):
        value = getattr(form, name)
        if value is not None and value not in allowed:
            errors.append(ValidationError(MSG_CHOOSE, field=name))
    return errors


def validate(form: CustomerForm, today: date | None = None) -> list[ValidationError]:
    """Every problem of a (normalised) form, one ValidationError per field at most.

    Call ``normalize`` first; the services do both. An empty list means the form can
    be saved as far as the form alone can tell (duplicates, station and maintainer are
    checked against the database by services/customer_edit.py).
    """
    today = today or date.today()
    errors: list[ValidationError] = []
    if not form.name and not form.vehicles:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Enter a name, or at least a plate: a first-visit record needs only the plate.",
                ),
                field="name",
            )
        )
    elif not form.name and form.kind == CustomerKind.ORGANISATION:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "Enter the organisation's name."), field="name"
            )
        )
    errors += _choice_errors(form)
    errors += _identity_errors(form, today)
    errors += _birthday_errors(form, today)
    errors += _contact_errors(form)
    errors += _vehicle_and_card_errors(form)
    errors += _number_errors(form)
    errors += _length_errors(form)
    first: dict[str | None, ValidationError] = {}
    for error in errors:
        first.setdefault(error.field, error)
    return list(first.values())


# --- derived values -----------------------------------------------------------------------


def has_phone(form: CustomerForm) -> bool:
    return bool(form.phone or form.phone2 or any(c.phone for c in form.contacts))


def profile_stage(form: CustomerForm) -> ProfileStage:
    """三步法: a name and a phone → complete; a name (or a phone) → preliminary; else plate only.

    A phone counts from the customer or, for organisations, from a contact.
    """
    if form.name and has_phone(form):
        return ProfileStage.COMPLETE
    if form.name or has_phone(form):
        return ProfileStage.PRELIMINARY
    return ProfileStage.PLATE_ONLY


def pinyin_of(name: str | None) -> tuple[str | None, str | None]:
    """(full pinyin, initials) of a name, lower case and without spaces, as the demo data."""
    if not name:
        return None, None
    full, initials = name_pinyin(name)
    return full or None, initials or None


def yuan_to_fen(amount: Decimal | int | str | None) -> int | None:
    if amount is None or isinstance(amount, str):
        return None
    return int((Decimal(amount) * 100).to_integral_value())


def fen_to_yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else (Decimal(fen) / 100).quantize(Decimal("0.01"))


def form_field_names() -> list[str]:
    """The scalar CustomerForm attributes (not the lists, not ``masked``)."""
    return [
        f.name
        for f in fields(CustomerForm)
        if f.name not in ("vehicles", "cards", "contacts", "masked")
    ]
