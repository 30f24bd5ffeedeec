"""Refuel visits, as exported by the station's card and POS systems."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base, Synced


class Visit(Synced, Base):
    __tablename__ = "visits"
    __table_args__ = (
        # Covering indexes: the charts and the monthly pack read only these columns.
        Index(
            "ix_visits_customer_time_sums",
            "customer_id",
            "visited_at",
            "org_unit_id",
            "deleted",
            "paid_by_card",
            "litres",
            "amount_fen",
        ),
        Index(
            "ix_visits_org_time_sums",
            "org_unit_id",
            "visited_at",
            "deleted",
            "paid_by_card",
            "litres",
            "amount_fen",
        ),
    )

    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"))
    visited_at: Mapped[int] = mapped_column(BigInteger)  # UTC ms
    product: Mapped[str] = mapped_column(String(16))  # 92# / 95# / 98# / 0#
    litres: Mapped[float] = mapped_column(Float)
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # money in fen (0.01 yuan)
    paid_by_card: Mapped[bool] = mapped_column(Boolean, default=False)
