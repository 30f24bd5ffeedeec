"""Tables only the head office has: devices, enrolment codes, the USN counter, pushed
batches (idempotency) and the conflict log. Their own metadata and migrations
(sync/server/migrations), so a desktop's store never holds them."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_crm.models.base import NAMING


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UsnCounter(ServerBase):
    """One row: the last update sequence number handed out. Every push locks it."""

    __tablename__ = "sync_usn_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    usn: Mapped[int] = mapped_column(BigInteger)


class Device(ServerBase):
    """An enrolled desktop: the org unit whose subtree it syncs, and its token's hash."""

    __tablename__ = "sync_devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    org_unit_id: Mapped[str] = mapped_column(String(36), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    last_seen_at: Mapped[int | None] = mapped_column(BigInteger)
    revoked_at: Mapped[int | None] = mapped_column(BigInteger)


class EnrolCode(ServerBase):
    """A one-time code that enrols one desktop for one org unit (stored hashed)."""

    __tablename__ = "sync_enrol_codes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    org_unit_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    used_at: Mapped[int | None] = mapped_column(BigInteger)
    device_id: Mapped[str | None] = mapped_column(String(36))


class PushedBatch(ServerBase):
    """A push batch applied: its answer (sent again for the same key) and its USN range,
    which also tells which device wrote a row (ties of updated_at go by device id)."""

    __tablename__ = "sync_batches"
    __table_args__ = (Index("ix_sync_batches_first_usn", "first_usn"),)

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    first_usn: Mapped[int | None] = mapped_column(BigInteger)
    last_usn: Mapped[int | None] = mapped_column(BigInteger)
    answer: Mapped[str] = mapped_column(Text)


class Conflict(ServerBase):
    """A pushed version that lost, kept whole so an administrator can see and restore it."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_row", "table_name", "row_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[int] = mapped_column(BigInteger)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(16))  # older / workflow / append_only
    loser_device_id: Mapped[str] = mapped_column(String(36))
    loser_updated_at: Mapped[int] = mapped_column(BigInteger)
    winner_device_id: Mapped[str | None] = mapped_column(String(36))
    winner_updated_at: Mapped[int] = mapped_column(BigInteger)
    loser_row: Mapped[str] = mapped_column(Text)  # JSON object of the losing version
