"""Callback rules, campaigns and callback tasks (回访)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base, Synced


class TaskStatus(StrEnum):
    OPEN = "open"
    BOOKED = "booked"  # 预约: a time agreed with the customer
    DONE = "done"
    UNREACHABLE = "unreachable"
    CANCELLED = "cancelled"


class TaskReason(StrEnum):
    TIER = "tier"  # routine 例行 callback by level
    ABSENCE = "absence"  # 异常: past the usual cycle
    VOLUME_DROP = "volume_drop"
    CAMPAIGN = "campaign"  # 特定: price change, weather, holiday
    EXIT_SURVEY = "exit_survey"  # 退出调查
    COMPLAINT = "complaint"  # the 回访 step of a complaint
    MANUAL = "manual"


class CallbackRule(Synced, Base):
    __tablename__ = "callback_rules"

    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Campaign(Synced, Base):
    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(100))
    event: Mapped[str] = mapped_column(String(32))  # 油价调整 / 天气变化 / 重要节日 / own
    segment: Mapped[str] = mapped_column(Text, default="{}")  # JSON filter
    created_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    created_at: Mapped[int] = mapped_column(BigInteger)
    due_date: Mapped[str | None] = mapped_column(String(10))


class CallbackTask(Synced, Base):
    __tablename__ = "callback_tasks"
    __table_args__ = (
        Index("ix_callback_tasks_assignee", "assignee_id", "status", "due_date"),
        Index("ix_callback_tasks_customer", "customer_id"),
        Index("ix_callback_tasks_org_due", "org_unit_id", "due_date"),
    )

    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"))
    reason: Mapped[str] = mapped_column(String(32))
    campaign_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("campaigns.id"))
    rule_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("callback_rules.id"))
    # Key that makes rule runs idempotent, e.g. "absence:<customer>:<last visit>".
    episode_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    purpose: Mapped[str | None] = mapped_column(Text)
    due_date: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD, local date
    appointment_at: Mapped[int | None] = mapped_column(BigInteger)
    assignee_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    channel: Mapped[str | None] = mapped_column(String(16))
    reached: Mapped[bool | None] = mapped_column(Boolean)
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 1..5
    needs: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    suggestions: Mapped[str | None] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(Text)
    measure: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    exit_reason: Mapped[str | None] = mapped_column(String(32))
    recorded_at: Mapped[int | None] = mapped_column(BigInteger)
    recorded_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    reviewer_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    review_comment: Mapped[str | None] = mapped_column(Text)
    complaint_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("complaints.id"))
    created_at: Mapped[int] = mapped_column(BigInteger)


class CallbackAttempt(Synced, Base):
    """One try at reaching the customer for a task: append-only, so it never conflicts.

    A task can take several attempts (not reached, rescheduled, reached at last); the
    task keeps the outcome, the attempts keep the trail shown in the timeline.
    """

    __tablename__ = "callback_attempts"

    task_id: Mapped[str] = mapped_column(String(36), ForeignKey("callback_tasks.id"), index=True)
    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"), index=True)
    at: Mapped[int] = mapped_column(BigInteger)  # UTC ms
    by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    channel: Mapped[str | None] = mapped_column(String(16))
    reached: Mapped[bool] = mapped_column(Boolean, default=False)
    # What this attempt did: record / not_reached / booked / rescheduled / unreachable.
    outcome: Mapped[str] = mapped_column(String(16))
    next_due_date: Mapped[str | None] = mapped_column(String(10))  # rescheduled to
    appointment_at: Mapped[int | None] = mapped_column(BigInteger)  # booked time
    note: Mapped[str | None] = mapped_column(Text)


class ReportStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # staff → station master
    REVIEWED = "reviewed"  # master wrote guidance (指导意见)
    FORWARDED = "forwarded"  # master passed it to the area
    ACKNOWLEDGED = "acknowledged"  # the area has read it
    RETURNED = "returned"  # master sent it back to the author


class CallbackReport(Synced, Base):
    """The weekly callback report (回访报告) of one employee; org_unit_id = their station."""

    __tablename__ = "callback_reports"
    __table_args__ = (
        Index("ix_callback_reports_author_week", "author_id", "week", unique=True),
        Index("ix_callback_reports_org_week", "org_unit_id", "week"),
    )

    author_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"))
    week: Mapped[str] = mapped_column(String(8))  # ISO week, YYYY-Www
    status: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str | None] = mapped_column(Text)  # the author's own words
    submitted_at: Mapped[int | None] = mapped_column(BigInteger)
    reviewer_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    reviewed_at: Mapped[int | None] = mapped_column(BigInteger)
    guidance: Mapped[str | None] = mapped_column(Text)  # 指导意见
    forwarded_at: Mapped[int | None] = mapped_column(BigInteger)
    area_reader_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    area_read_at: Mapped[int | None] = mapped_column(BigInteger)
    area_comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(BigInteger)
