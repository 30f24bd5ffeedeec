"""Complaints and suggestions with their append-only step log, SLA policies and holidays."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base, Synced


class ComplaintStatus(StrEnum):
    RECEIVED = "received"  # 受理
    VERIFYING = "verifying"  # 核实
    REVIEWING = "reviewing"  # 审查
    RECTIFYING = "rectifying"  # 整改
    CALLBACK = "callback"  # 回访
    ARCHIVED = "archived"  # 归档


class ComplaintLevel(StrEnum):
    STATION = "station"
    AREA = "area"
    COMPANY = "company"


class Complaint(Synced, Base):
    __tablename__ = "complaints"
    __table_args__ = (
        Index("ix_complaints_status", "status", "close_deadline"),
        Index("ix_complaints_org_received", "org_unit_id", "received_at"),
        Index("ix_complaints_customer", "customer_id"),
        Index("ix_complaints_handling", "handling_org_id", "status"),
    )

    # Station code + date + sequence, e.g. ZS0101-20261123-003: unique without coordination.
    number: Mapped[str] = mapped_column(String(40), unique=True)
    type: Mapped[str] = mapped_column(String(16), default="complaint")  # complaint / suggestion
    customer_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("customers.id"))
    contact_phone: Mapped[str | None] = mapped_column(String(32))  # anonymous complainant
    source: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32))
    business_line: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    owner_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    received_at: Mapped[int] = mapped_column(BigInteger)
    accepted_at: Mapped[int | None] = mapped_column(BigInteger)
    first_reply_at: Mapped[int | None] = mapped_column(BigInteger)
    accept_deadline: Mapped[int | None] = mapped_column(BigInteger)
    reply_deadline: Mapped[int | None] = mapped_column(BigInteger)
    close_deadline: Mapped[int | None] = mapped_column(BigInteger)
    closed_at: Mapped[int | None] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(Text, default="")
    customer_wants: Mapped[str | None] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(Text)
    responsibility: Mapped[str | None] = mapped_column(Text)
    corrective_action: Mapped[str | None] = mapped_column(Text)
    staff_informed: Mapped[bool] = mapped_column(Boolean, default=False)
    root_causes: Mapped[str] = mapped_column(Text, default="[]")  # JSON list, at most five
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    adopted: Mapped[bool] = mapped_column(Boolean, default=False)  # suggestions
    rewarded: Mapped[bool] = mapped_column(Boolean, default=False)
    callback_task_id: Mapped[str | None] = mapped_column(String(36))
    # The org unit whose queue holds the complaint now: the station, then its area,
    # then the company as it escalates (level says which of the three).
    handling_org_id: Mapped[str | None] = mapped_column(String(36), sort_order=100)
    # Waiting for the customer stops the clock: since when, and how long so far.
    paused_at: Mapped[int | None] = mapped_column(BigInteger, sort_order=101)
    paused_ms: Mapped[int] = mapped_column(
        BigInteger, default=0, server_default="0", sort_order=102
    )


class ComplaintStep(Synced, Base):
    """Append-only log: transitions, escalations, warnings, pauses."""

    __tablename__ = "complaint_steps"

    complaint_id: Mapped[str] = mapped_column(String(36), ForeignKey("complaints.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # transition / escalation / warning / pause
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    actor_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    responsible_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    at: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(Text)
    # Escalations and warnings: who was told (JSON list of user ids).
    notified: Mapped[str | None] = mapped_column(Text, sort_order=100)


class SlaPolicy(Synced, Base):
    __tablename__ = "sla_policies"

    category: Mapped[str | None] = mapped_column(String(32))  # None = any category
    severity: Mapped[str] = mapped_column(String(16))
    accept_minutes: Mapped[int] = mapped_column(Integer, default=60)
    reply_hours: Mapped[int] = mapped_column(Integer, default=24)
    close_working_days: Mapped[int] = mapped_column(Integer, default=5)


class Holiday(Synced, Base):
    """A public holiday, or a make-up working day (调休) when ``working`` is true."""

    __tablename__ = "holidays"

    date: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    working: Mapped[bool] = mapped_column(Boolean, default=False)
