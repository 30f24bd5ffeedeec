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
