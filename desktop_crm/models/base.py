"""Declarative base and the columns every synced table carries."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from desktop_crm.ids import new_id, now_ms

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# usn value of a row changed on this desktop and not yet pushed to the head office.
USN_DIRTY = -1


class SyncColumns:
    """id, updated_at, usn and the tombstone flag (see DESIGN.md, Sync)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now_ms, onupdate=now_ms)
    usn: Mapped[int] = mapped_column(Integer, default=USN_DIRTY, server_default="-1")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Synced(SyncColumns):
    """A synced row that belongs to one org unit (usually its station).

    The column is not indexed here: each table indexes it together with what it is
    filtered by (e.g. visits by org unit and time).
    """

    @declared_attr
    def org_unit_id(cls) -> Mapped[str]:  # noqa: N805 - SQLAlchemy declared_attr
        return mapped_column(String(36), ForeignKey("org_units.id"))
