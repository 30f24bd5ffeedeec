"""customer search index on FTS5: one row of terms per customer

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from desktop_crm.models.search import CREATE_FTS

    op.drop_index("ix_customer_search_customer", table_name="customer_search")
    op.drop_table("customer_search")
    op.create_table(
        "customer_search",
        sa.Column("key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_customer_search")),
        sa.UniqueConstraint("customer_id", name=op.f("uq_customer_search_customer_id")),
    )
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # the head office's copy of the schema: the index is a desktop's own
    op.execute(CREATE_FTS)
    # Databases that already hold customers get their index built now.
    if bind.scalar(sa.text("SELECT EXISTS (SELECT 1 FROM customers)")):
        from desktop_crm.services.search_index import rebuild_index

        rebuild_index(bind.connection.dbapi_connection)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS customer_search_fts")
    op.drop_table("customer_search")
    op.create_table(
        "customer_search",
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("org_unit_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("term", "customer_id", name=op.f("pk_customer_search")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_customer_search_customer", "customer_search", ["customer_id"])
