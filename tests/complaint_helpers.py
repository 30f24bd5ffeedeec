"""Helpers of the complaint service tests: local times, customers, complaints at a fixed clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.models import Complaint, ComplaintStep, Customer, OrgUnit, User
from desktop_crm.models.db import Database
from desktop_crm.services.complaints.intake import ComplaintDraft, create_complaint
from tests.conftest import Org

MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR


def at(text: str) -> int:
    """UTC ms of a local (Asia/Shanghai) time "YYYY-MM-DD HH:MM"."""
    moment = datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=local_zone())
    return int(moment.timestamp() * 1000)


def local(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=local_zone()).strftime("%Y-%m-%d %H:%M")


def add_customer(db: Database, station: OrgUnit, name: str = "孙悦") -> str:
    with db.sessions.begin() as s:
        customer = Customer(
            kind="person",
            name=name,
            phone="13812345678",
            profile_stage="complete",
            status="active",
            created_at=at("2026-01-05 10:00"),
            org_unit_id=station.id,
        )
        s.add(customer)
        s.flush()
        return customer.id


def user(s: Session, login: str) -> User:
    return s.scalars(select(User).where(User.login == login)).one()


def draft(org: Org, **values: Any) -> ComplaintDraft:
    base: dict[str, Any] = {
        "station_id": org.station.id,
        "source": "现场",
        "category": "服务态度",
        "business_line": "零售",
        "severity": "一般",
        "description": "加油员说话不耐烦",
        "customer_wants": "要求道歉",
    }
    base.update(values)
    return ComplaintDraft(**base)


def new_complaint(db: Database, org: Org, now: int, login: str = "staff", **values: Any) -> str:
    with db.sessions.begin() as s:
        return create_complaint(s, user(s, login), draft(org, **values), now=now).id


def load(db: Database, complaint_id: str) -> Complaint:
    with db.sessions() as s:
        complaint = s.get_one(Complaint, complaint_id)
        s.expunge(complaint)
        return complaint


def step_log(db: Database, complaint_id: str) -> list[ComplaintStep]:
    with db.sessions() as s:
        rows = list(
            s.scalars(
                select(ComplaintStep)
                .where(ComplaintStep.complaint_id == complaint_id)
                .order_by(ComplaintStep.at, ComplaintStep.id)
            )
        )
        s.expunge_all()
        return rows
