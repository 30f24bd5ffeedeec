"""Rows for the weekly report and workload tests: customers, recorded callback tasks and
attempts, written straight into the store (what the queue's recording leaves behind)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Generic, TypeVar

import pytest
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.models import CallbackAttempt, CallbackTask, Customer, TaskStatus, User
from desktop_crm.models.db import Database, backup_copy, open_database
from tests.conftest import Org, make_org

T = TypeVar("T")

# ISO week 2026-W24: Monday 8 June to Sunday 14 June 2026.
WEEK = "2026-W24"
MONDAY = date(2026, 6, 8)
TODAY = date(2026, 6, 15)  # the Monday after


def local_ms(day: date, hour: float = 10.0) -> int:
    """UTC ms of ``hour`` o'clock local time (Asia/Shanghai) on ``day``."""
    whole = int(hour)
    minutes = int(round((hour - whole) * 60))
    moment = datetime.combine(day, time(whole, minutes), tzinfo=local_zone())
    return int(moment.timestamp() * 1000)


def add_customers(
    session: Session,
    station_id: str,
    maintainer: User | None,
    count: int,
    status: str = "active",
    prefix: str = "客户",
    developer: User | None = None,
) -> list[Customer]:
    created = local_ms(date(2026, 1, 5))
    rows = [
        Customer(
            kind="person",
            name=f"{prefix}{n}",
            profile_stage="preliminary",
            status=status,
            created_at=created,
            org_unit_id=station_id,
            maintainer_id=maintainer.id if maintainer else None,
            developer_id=developer.id if developer else None,
        )
        for n in range(count)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def add_task(
    session: Session,
    customer: Customer,
    assignee: User,
    *,
    reason: str = "tier",
    status: str = TaskStatus.OPEN.value,
    due: date = MONDAY,
    recorded_by: User | None = None,
    recorded_at: int | None = None,
    reached: bool | None = None,
    satisfaction: int | None = None,
    channel: str | None = None,
    needs: str | None = None,
    problems: str | None = None,
    suggestions: str | None = None,
    cause: str | None = None,
    measure: str | None = None,
    note: str | None = None,
    complaint_id: str | None = None,
) -> CallbackTask:
    task = CallbackTask(
        customer_id=customer.id,
        reason=reason,
        purpose="例行回访",
        due_date=due.isoformat(),
        assignee_id=assignee.id,
        status=status,
        attempts=0,
        channel=channel,
        reached=reached,
        satisfaction=satisfaction,
        needs=needs,
        problems=problems,
        suggestions=suggestions,
        cause=cause,
        measure=measure,
        note=note,
        recorded_at=recorded_at,
        recorded_by_id=recorded_by.id if recorded_by else None,
        complaint_id=complaint_id,
        created_at=local_ms(date(2026, 6, 1)),
        org_unit_id=customer.org_unit_id,
    )
    session.add(task)
    session.flush()
    return task


def add_attempt(
    session: Session,
    task: CallbackTask,
    by: User,
    at: int,
    outcome: str,
    reached: bool = False,
    note: str | None = None,
    channel: str = "phone",
) -> CallbackAttempt:
    attempt = CallbackAttempt(
        task_id=task.id,
        customer_id=task.customer_id,
        at=at,
        by_id=by.id,
        channel=channel,
        reached=reached,
        outcome=outcome,
        note=note,
        org_unit_id=task.org_unit_id,
    )
    task.attempts += 1
    session.add(attempt)
    session.flush()
    return attempt


def reload_user(db: Database, user: User) -> User:
    with db.session() as session:
        return session.get_one(User, user.id)


# -- one org per test module, copied for each test (password hashing is slow) ----------
@dataclass
class Template(Generic[T]):
    path: Path
    org: Org
    extra: T


def build_template(
    tmp_path_factory: pytest.TempPathFactory, build: Callable[[Database, Org], T]
) -> Template[T]:
    """The conftest org (and whatever ``build`` adds) in a database file made once."""
    path = tmp_path_factory.mktemp("template") / "crm.db"
    database = open_database(path)
    try:
        org = make_org(database)
        extra = build(database, org)
    finally:
        database.close()
    return Template(path, org, extra)


def copy_of(template: Template[T], target: Path) -> Database:
    """A fresh copy of the template's database for one test."""
    backup_copy(template.path, target)
    return open_database(target)
