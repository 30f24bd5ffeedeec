"""Customers a user may see, and their contact numbers, masked by role and audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop_crm.models import Customer, OrgUnit, User
from desktop_crm.services import audit
from desktop_crm.services.masking import mask_id_number, mask_phone
from desktop_crm.services.permissions import can_see_unmasked


def visible_customers(user_org: OrgUnit) -> Select[tuple[Customer]]:
    """Customers of the user's org subtree (the subquery keeps it one SQL statement)."""
    subtree = select(OrgUnit.id).where(OrgUnit.path.startswith(user_org.path))
    return select(Customer).where(Customer.org_unit_id.in_(subtree), Customer.deleted.is_(False))


@dataclass
class ContactNumbers:
    phone: str | None
    phone2: str | None
    id_number: str | None
    masked: bool


def contact_numbers(session: Session, user: User, customer: Customer) -> ContactNumbers:
    """Phones and ID number as the user may see them; an unmasked view is audited."""
    if can_see_unmasked(session, user):
        if customer.phone or customer.phone2 or customer.id_number:
            audit.record(
                session,
                user,
                audit.Action.VIEW_UNMASKED,
                "customer",
                customer.id,
                {"fields": [f for f in ("phone", "phone2", "id_number") if getattr(customer, f)]},
            )
        return ContactNumbers(customer.phone, customer.phone2, customer.id_number, False)
    return ContactNumbers(
        mask_phone(customer.phone),
        mask_phone(customer.phone2),
        mask_id_number(customer.id_number),
        True,
    )
