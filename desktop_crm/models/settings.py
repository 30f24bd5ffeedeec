"""Key/value settings (基础设置) owned by an org unit; values are JSON."""

from __future__ import annotations

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base, Synced


class Setting(Synced, Base):
    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("org_unit_id", "key", name="uq_settings_org_key"),)

    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text)  # JSON
