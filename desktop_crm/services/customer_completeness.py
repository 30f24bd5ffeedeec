"""How complete a customer file is, in percent, by a weighted list of what it holds.

The sources complain that files become "fragmentary"; the list shows this number and
the detail view shows what is missing. Weights (they add up to 100):

    name 15 · a phone 20 (the customer's, or for organisations a contact's) · ID number 10
    · employer or address 10 · a vehicle 10 · a fuel card 10 · level 5 · maintainer 5
    · preferred channel 5 · birthday (individuals) or a contact (organisations) 5 · needs 5

``completeness`` computes it from loaded rows; ``completeness_expression`` is the
same number as a SQL expression for list queries over ``Customer``: the related rows
enter as correlated EXISTS probes on the indexed ``customer_id`` columns, so a page
of results costs a few index look-ups per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, or_, select
from sqlalchemy.sql.expression import literal

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import Contact, Customer, CustomerKind, FuelCard, Vehicle


@dataclass(frozen=True)
class Item:
    key: str
    weight: int
    label: str  # English source text, context "customers"


ITEMS: tuple[Item, ...] = (
    Item("name", 15, QT_TRANSLATE_NOOP("customers", "Name")),
    Item("phone", 20, QT_TRANSLATE_NOOP("customers", "Phone")),
    Item("id_number", 10, QT_TRANSLATE_NOOP("customers", "ID number")),
    Item("employer_or_address", 10, QT_TRANSLATE_NOOP("customers", "Employer or address")),
    Item("vehicle", 10, QT_TRANSLATE_NOOP("customers", "Vehicle")),
    Item("card", 10, QT_TRANSLATE_NOOP("customers", "Fuel card")),
    Item("level", 5, QT_TRANSLATE_NOOP("customers", "Level")),
    Item("maintainer", 5, QT_TRANSLATE_NOOP("customers", "Maintainer")),
    Item("channel", 5, QT_TRANSLATE_NOOP("customers", "Preferred channel")),
    Item("birthday_or_contact", 5, QT_TRANSLATE_NOOP("customers", "Birthday or contact person")),
    Item("needs", 5, QT_TRANSLATE_NOOP("customers", "Needs")),
)
assert sum(item.weight for item in ITEMS) == 100


def _live(rows: Iterable[Any]) -> list[Any]:
    return [r for r in rows if not getattr(r, "deleted", False)]


def present_items(
    customer: Any,
    vehicles: Iterable[Any] = (),
    cards: Iterable[Any] = (),
    contacts: Iterable[Any] = (),
) -> dict[str, bool]:
    """Which of ``ITEMS`` the file holds (tombstoned rows do not count)."""
    vehicles, cards, contacts = _live(vehicles), _live(cards), _live(contacts)
    organisation = customer.kind == CustomerKind.ORGANISATION
    contact_phone = organisation and any(c.phone for c in contacts)
    return {
        "name": bool(customer.name),
        "phone": bool(customer.phone or customer.phone2 or contact_phone),
        "id_number": bool(customer.id_number),
        "employer_or_address": bool(customer.employer or customer.address),
        "vehicle": bool(vehicles),
        "card": bool(cards),
        "level": bool(customer.level),
        "maintainer": bool(customer.maintainer_id),
        "channel": bool(customer.preferred_channel),
        "birthday_or_contact": bool(contacts) if organisation else bool(customer.birthday),
        "needs": bool(customer.needs),
    }


def completeness(
    customer: Any,
    vehicles: Iterable[Any] = (),
    cards: Iterable[Any] = (),
    contacts: Iterable[Any] = (),
) -> int:
    """0-100: the weights of what the file holds (see the module docstring)."""
    present = present_items(customer, vehicles, cards, contacts)
    return sum(item.weight for item in ITEMS if present[item.key])


def missing_items(
    customer: Any,
    vehicles: Iterable[Any] = (),
    cards: Iterable[Any] = (),
    contacts: Iterable[Any] = (),
) -> list[Item]:
    """What is missing, heaviest first (for the detail view's "to complete" hint)."""
    present = present_items(customer, vehicles, cards, contacts)
    return sorted((item for item in ITEMS if not present[item.key]), key=lambda i: -i.weight)


def _filled(column: Any) -> ColumnElement[bool]:
    return and_(column.is_not(None), column != "")


def _has(model: Any, *extra: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists(
        select(literal(1)).where(model.customer_id == Customer.id, model.deleted.is_(False), *extra)
    )


def completeness_expression() -> ColumnElement[int]:
    """``completeness`` as a SQL expression over ``Customer`` (label it in your select)."""
    organisation = Customer.kind == CustomerKind.ORGANISATION.value
    conditions: dict[str, ColumnElement[bool]] = {
        "name": _filled(Customer.name),
        "phone": or_(
            _filled(Customer.phone),
            _filled(Customer.phone2),
            and_(organisation, _has(Contact, _filled(Contact.phone))),
        ),
        "id_number": _filled(Customer.id_number),
        "employer_or_address": or_(_filled(Customer.employer), _filled(Customer.address)),
        "vehicle": _has(Vehicle),
        "card": _has(FuelCard),
        "level": _filled(Customer.level),
        "maintainer": _filled(Customer.maintainer_id),
        "channel": _filled(Customer.preferred_channel),
        "birthday_or_contact": or_(
            and_(organisation, _has(Contact)),
            and_(~organisation, _filled(Customer.birthday)),
        ),
        "needs": _filled(Customer.needs),
    }
    total: ColumnElement[int] = literal(0)
    for item in ITEMS:
        total = total + case((conditions[item.key], item.weight), else_=0)
    return total
