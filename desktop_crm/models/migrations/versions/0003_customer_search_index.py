"""customer search index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_search",
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("org_unit_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("term", "customer_id", name=op.f("pk_customer_search")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_customer_search_customer", "customer_search", ["customer_id"])
    # The index is filled by revision 0006, which replaced this table.


def downgrade() -> None:
    op.drop_index("ix_customer_search_customer", table_name="customer_search")
    op.drop_table("customer_search")
