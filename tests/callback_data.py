"""Customers and callback tasks for the callback tests, on the ``org`` fixture's tree."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.models import CallbackTask, Customer, OrgUnit, User, Vehicle, Visit
from desktop_crm.models.callbacks import TaskStatus

TODAY = date(2026, 6, 15)


def local_ms(day: date, hour: int = 10, minute: int = 0) -> int:
    return int(datetime.combine(day, time(hour, minute), tzinfo=local_zone()).timestamp() * 1000)


NOW = local_ms(TODAY, 10, 0)


def add_customer(
    s: Session,
    station: OrgUnit,
    name: str | None,
    level: str | None = "C",
    maintainer: User | None = None,
    *,
    kind: str = "person",
    phone: str | None = "13812345678",
    plate: str | None = None,
    **extra: object,
) -> Customer:
    customer = Customer(
        kind=kind,
        name=name,
        level=level,
        phone=phone,
        profile_stage="complete" if name else "plate_only",
        status="active",
        consent=True,
        org_unit_id=station.id,
        maintainer_id=maintainer.id if maintainer else None,
        created_at=NOW - 400 * 86_400_000,
        **extra,
    )
    s.add(customer)
    s.flush()
    if plate:
        s.add(
            Vehicle(
                customer_id=customer.id,
                plate=plate,
                plate_normalized=plate.replace("·", ""),
                org_unit_id=station.id,
            )
        )
    return customer


def add_task(
    s: Session,
    customer: Customer,
    reason: str,
    due: date,
    assignee: User | None,
    *,
    status: str = TaskStatus.OPEN,
    appointment_at: int | None = None,
    purpose: str | None = None,
) -> CallbackTask:
    task = CallbackTask(
        customer_id=customer.id,
        reason=reason,
        due_date=due.isoformat(),
        assignee_id=assignee.id if assignee else None,
        status=str(status),
        appointment_at=appointment_at,
        purpose=purpose,
        attempts=0,
        created_at=NOW - 86_400_000,
        org_unit_id=customer.org_unit_id,
    )
    s.add(task)
    s.flush()
    return task


def add_visit(s: Session, customer: Customer, at: int, litres: float = 40.0) -> Visit:
    visit = Visit(
        customer_id=customer.id,
        visited_at=at,
        product="92#",
        litres=litres,
        amount_fen=int(litres * 780),
        paid_by_card=True,
        org_unit_id=customer.org_unit_id,
    )
    s.add(visit)
    return visit
