"""visits: the customer/time index also holds litres and the tombstone

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

The callback rules read every customer's recent visits grouped by customer (volume
drops, stale last visits). With litres and deleted in ``ix_visits_customer_time`` that
read is one pass over the index in customer order: no table lookups and no sort of
millions of rows. Queries by customer and time use it as before.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain index operations: no batch mode, so the visits table is never copied.
    op.drop_index("ix_visits_customer_time", table_name="visits")
    op.create_index(
        "ix_visits_customer_time", "visits", ["customer_id", "visited_at", "litres", "deleted"]
    )


def downgrade() -> None:
    op.drop_index("ix_visits_customer_time", table_name="visits")
    op.create_index("ix_visits_customer_time", "visits", ["customer_id", "visited_at"])
