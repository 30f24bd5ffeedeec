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
    # Databases that already hold customers get their index built now.
    bind = op.get_bind()
    if bind.scalar(sa.text("SELECT EXISTS (SELECT 1 FROM customers)")):
        from desktop_crm.services.search_index import rebuild_index

        rebuild_index(bind.connection.dbapi_connection)


def downgrade() -> None:
    op.drop_index("ix_customer_search_customer", table_name="customer_search")
    op.drop_table("customer_search")
