"""The customer search index (derived, local to each desktop, never synced)."""

from __future__ import annotations

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base


class CustomerSearch(Base):
    """One search term of one customer; see services/search_index.py for the terms."""

    __tablename__ = "customer_search"
    __table_args__ = (
        Index("ix_customer_search_customer", "customer_id"),
        {"sqlite_with_rowid": False},
    )

    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_unit_id: Mapped[str] = mapped_column(String(36))
