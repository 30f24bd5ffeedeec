"""The customer file: customers with their vehicles, fuel cards, contacts and history."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base, Synced


class CustomerKind(StrEnum):
    ORGANISATION = "organisation"  # 单位客户
    PERSON = "person"  # 个人客户


class ProfileStage(StrEnum):
    PLATE_ONLY = "plate_only"  # 1st visit: plate and model
    PRELIMINARY = "preliminary"  # 初级档案: name and employer
    COMPLETE = "complete"  # 完整档案: contact details


class CustomerStatus(StrEnum):
    PROSPECT = "prospect"
    NEW = "new"
    ACTIVE = "active"
    DORMANT = "dormant"
    LOST = "lost"


class Customer(Synced, Base):
    __tablename__ = "customers"
    __table_args__ = (
        # Covering indexes: the charts and the monthly pack read only these columns.
        Index(
            "ix_customers_org_level_kind", "org_unit_id", "level", "deleted", "kind", "created_at"
        ),
        Index("ix_customers_maintainer_org", "maintainer_id", "deleted", "org_unit_id"),
        Index("ix_customers_phone", "phone"),
        Index("ix_customers_name", "name"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(String(200))
    pinyin: Mapped[str | None] = mapped_column(String(400))  # full pinyin, lower case
    pinyin_initials: Mapped[str | None] = mapped_column(String(100))
    id_type: Mapped[str | None] = mapped_column(String(32))  # id_card, uscc, licence, ...
    id_number: Mapped[str | None] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))
    phone2: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    employer: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(400))
    maintainer_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    developer_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    referred_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("customers.id"))
    level: Mapped[str | None] = mapped_column(String(16))  # VIP / A / B / C / D
    volume_tier: Mapped[str | None] = mapped_column(String(16))  # 集团 / 大 / 普通 / 小
    focus_type: Mapped[str | None] = mapped_column(String(16))  # price / brand / supply / relation
    regular: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    profile_stage: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    tags: Mapped[str] = mapped_column(String(200), default="", server_default="")  # "重点,潜力"
    consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    do_not_disturb: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    preferred_channel: Mapped[str | None] = mapped_column(String(16))
    preferred_time: Mapped[str | None] = mapped_column(String(64))
    payment_habit: Mapped[str | None] = mapped_column(String(16))  # cash / card
    purchase_cycle_days: Mapped[int | None] = mapped_column(Integer)
    credit_limit_fen: Mapped[int | None] = mapped_column(BigInteger)
    payment_term_days: Mapped[int | None] = mapped_column(Integer)
    blacklisted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    member_no: Mapped[str | None] = mapped_column(String(32))
    birthday: Mapped[str | None] = mapped_column(String(10))  # YYYY-MM-DD
    usual_interval_days: Mapped[float | None] = mapped_column(Float)
    last_visit_at: Mapped[int | None] = mapped_column(BigInteger)
    needs: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(BigInteger)


class Vehicle(Synced, Base):
    __tablename__ = "vehicles"

    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"), index=True)
    plate: Mapped[str] = mapped_column(String(16))  # as written, e.g. 京A·12345
    plate_normalized: Mapped[str] = mapped_column(String(16), index=True)  # 京A12345
    model: Mapped[str | None] = mapped_column(String(64))
    new_energy: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class FuelCard(Synced, Base):
    __tablename__ = "fuel_cards"

    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"), index=True)
    card_no: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16))  # active / lost / cancelled


class Contact(Synced, Base):
    __tablename__ = "contacts"

    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))


class LevelChange(Synced, Base):
    """Append-only history of a customer's level: who, when, why."""

    __tablename__ = "level_changes"

    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"), index=True)
    old_level: Mapped[str | None] = mapped_column(String(16))
    new_level: Mapped[str | None] = mapped_column(String(16))
    changed_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    changed_at: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(Text)


class OwnerChange(Synced, Base):
    """Append-only history of maintainer / developer reassignments."""

    __tablename__ = "owner_changes"

    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # maintainer / developer
    old_user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    new_user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    changed_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    changed_at: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(Text)
