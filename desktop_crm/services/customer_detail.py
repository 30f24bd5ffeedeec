"""One customer's file as the detail view shows it: profile and a single timeline."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_minute
from desktop_crm.models import (
    CallbackAttempt,
    CallbackTask,
    Complaint,
    Contact,
    Customer,
    FuelCard,
    LevelChange,
    OrgUnit,
    OwnerChange,
    User,
    Vehicle,
    Visit,
)
from desktop_crm.services.customer_access import visible_customer
from desktop_crm.services.customer_completeness import completeness, missing_items
from desktop_crm.services.customers import ContactNumbers, contact_numbers
from desktop_crm.services.masking import mask_phone
from desktop_crm.services.permissions import can_see_unmasked

RECENT_VISITS = 30


@dataclass
class TimelineEntry:
    at: int  # UTC ms
    kind: str  # visit / level / owner / callback / callback_attempt / complaint / created
    text: str  # a short English-free summary built from data (numbers, names, codes)
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def when(self) -> str:
        return local_minute(self.at)


@dataclass
class CustomerDetail:
    customer: Customer
    numbers: ContactNumbers
    station: str
    maintainer: str | None
    developer: str | None
    vehicles: list[Vehicle]
    cards: list[FuelCard]
    contacts: list[tuple[Contact, str | None]]  # contact and the phone as the user may see it
    visit_count: int
    litres_12m: float
    completeness: int
    missing: list[str]
    timeline: list[TimelineEntry]


def _names(session: Session, model: type, ids: set[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(
        session.execute(select(model.id, model.name).where(model.id.in_(wanted))).tuples().all()
    )  # type: ignore[attr-defined]


def customer_detail(session: Session, user: User, customer_id: str, now_ms: int) -> CustomerDetail:
    """Everything about one customer the user may see (an unmasked view is audited)."""
    customer = visible_customer(session, user, customer_id)
    vehicles = list(
        session.scalars(
            select(Vehicle).where(Vehicle.customer_id == customer_id, Vehicle.deleted.is_(False))
        )
    )
    cards = list(
        session.scalars(
            select(FuelCard).where(FuelCard.customer_id == customer_id, FuelCard.deleted.is_(False))
        )
    )
    contacts = list(
        session.scalars(
            select(Contact).where(Contact.customer_id == customer_id, Contact.deleted.is_(False))
        )
    )
    unmasked = can_see_unmasked(session, user)
    numbers = contact_numbers(session, user, customer)
    visits = list(
        session.scalars(
            select(Visit)
            .where(Visit.customer_id == customer_id, Visit.deleted.is_(False))
            .order_by(Visit.visited_at.desc())
            .limit(RECENT_VISITS)
        )
    )
    visit_count, litres = session.execute(
        select(func.count(), func.coalesce(func.sum(Visit.litres), 0.0)).where(
            Visit.customer_id == customer_id,
            Visit.deleted.is_(False),
            Visit.visited_at >= now_ms - 365 * 86_400_000,
        )
    ).one()
    levels = list(
        session.scalars(select(LevelChange).where(LevelChange.customer_id == customer_id))
    )
    owners = list(
        session.scalars(select(OwnerChange).where(OwnerChange.customer_id == customer_id))
    )
    callbacks = list(
        session.scalars(
            select(CallbackTask).where(
                CallbackTask.customer_id == customer_id, CallbackTask.deleted.is_(False)
            )
        )
    )
    # The trail of tries (not reached, booked, rescheduled); a reached record shows as its task.
    attempts = list(
        session.scalars(
            select(CallbackAttempt).where(
                CallbackAttempt.customer_id == customer_id,
                CallbackAttempt.deleted.is_(False),
                CallbackAttempt.outcome != "record",
            )
        )
    )
    complaints = list(
        session.scalars(
            select(Complaint).where(
                Complaint.customer_id == customer_id, Complaint.deleted.is_(False)
            )
        )
    )
    people = _names(
        session,
        User,
        {customer.maintainer_id, customer.developer_id}
        | {c.changed_by_id for c in levels}
        | {o.old_user_id for o in owners}
        | {o.new_user_id for o in owners}
        | {o.changed_by_id for o in owners}
        | {t.assignee_id for t in callbacks}
        | {t.recorded_by_id for t in callbacks}
        | {a.by_id for a in attempts},
    )
    units = _names(session, OrgUnit, {customer.org_unit_id} | {v.org_unit_id for v in visits})
    timeline: list[TimelineEntry] = [TimelineEntry(customer.created_at, "created", "", {})]
    for v in visits:
        timeline.append(
            TimelineEntry(
                v.visited_at,
                "visit",
                "",
                {
                    "station": units.get(v.org_unit_id, ""),
                    "product": v.product,
                    "litres": v.litres,
                    "amount": v.amount_fen / 100,
                    "card": v.paid_by_card,
                },
            )
        )
    for c in levels:
        timeline.append(
            TimelineEntry(
                c.changed_at,
                "level",
                "",
                {
                    "old": c.old_level or "-",
                    "new": c.new_level or "-",
                    "by": people.get(c.changed_by_id or "", ""),
                    "reason": c.reason or "",
                },
            )
        )
    for o in owners:
        timeline.append(
            TimelineEntry(
                o.changed_at,
                "owner",
                "",
                {
                    "role": o.role,
                    "old": people.get(o.old_user_id or "", "-"),
                    "new": people.get(o.new_user_id or "", "-"),
                    "by": people.get(o.changed_by_id or "", ""),
                    "reason": o.reason or "",
                },
            )
        )
    for t in callbacks:
        timeline.append(
            TimelineEntry(
                t.recorded_at or t.created_at,
                "callback",
                "",
                {
                    "reason": t.reason,
                    "status": t.status,
                    "due": t.due_date,
                    "by": people.get(t.recorded_by_id or t.assignee_id or "", ""),
                    "satisfaction": t.satisfaction,
                    "note": t.needs or t.problems or t.note or "",
                    "channel": t.channel or "",
                    "problems": t.problems or "",
                    "suggestions": t.suggestions or "",
                },
            )
        )
    for a in attempts:
        timeline.append(
            TimelineEntry(
                a.at,
                "callback_attempt",
                "",
                {
                    "outcome": a.outcome,
                    "channel": a.channel or "",
                    "by": people.get(a.by_id or "", ""),
                    "next_due": a.next_due_date or "",
                    "appointment": local_minute(a.appointment_at) if a.appointment_at else "",
                    "note": a.note or "",
                },
            )
        )
    for c in complaints:
        timeline.append(
            TimelineEntry(
                c.received_at,
                "complaint",
                "",
                {
                    "number": c.number,
                    "category": c.category,
                    "severity": c.severity,
                    "status": c.status,
                    "description": c.description,
                    "type": c.type,
                    "level": c.level,
                    "satisfaction": c.satisfaction,
                    "id": c.id,
                },
            )
        )
    timeline.sort(key=lambda e: e.at, reverse=True)
    shown_contacts = [(c, c.phone if unmasked else mask_phone(c.phone)) for c in contacts]
    return CustomerDetail(
        customer=customer,
        numbers=numbers,
        station=units.get(customer.org_unit_id, ""),
        maintainer=people.get(customer.maintainer_id or ""),
        developer=people.get(customer.developer_id or ""),
        vehicles=vehicles,
        cards=cards,
        contacts=shown_contacts,
        visit_count=int(visit_count),
        litres_12m=float(litres),
        completeness=completeness(customer, vehicles, cards, contacts),
        missing=[item.label for item in missing_items(customer, vehicles, cards, contacts)],
        timeline=timeline,
    )
