"""Org units (company → area → station, any depth) and users."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base, SyncColumns, Synced


class OrgKind(StrEnum):
    COMPANY = "company"
    AREA = "area"
    STATION = "station"


class Role(StrEnum):
    STATION_STAFF = "station_staff"  # 加油员 / 客服
    STATION_MASTER = "station_master"  # 站长
    AREA_MANAGER = "area_manager"  # 片区经理 / 专职客户经理
    COMPANY_ADMIN = "company_admin"  # 公司客户管理员
    AUDITOR = "auditor"  # 审计 (read-only)


class OrgUnit(SyncColumns, Base):
    __tablename__ = "org_units"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("org_units.id"), index=True
    )
    # Materialised path of ids, "/<root id>/.../<own id>/": a subtree is a prefix match.
    path: Mapped[str] = mapped_column(String(1000), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class User(Synced, Base):
    __tablename__ = "users"

    login: Mapped[str] = mapped_column(String(64), unique=True)
    badge_no: Mapped[str | None] = mapped_column(String(32))  # 工牌号
    name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class LoginState(Base):
    """Failed attempts and lock of one login on this desktop.

    Local, never synced: a login here must not overwrite a password reset or a
    deactivation made at the head office (the users row stays untouched by logins).
    """

    __tablename__ = "login_states"

    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[int | None] = mapped_column(BigInteger)  # UTC ms
    last_login_at: Mapped[int | None] = mapped_column(BigInteger)
