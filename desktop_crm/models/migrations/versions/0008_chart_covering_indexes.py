"""covering indexes for the charts and the monthly pack

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

The charts' aggregates and the monthly pack read a million customers and five million
visits: these four indexes hold every column those passes read, so SQLite scans the
index (a fraction of the table's pages) and never looks a row up. Each one replaces an
index that was its prefix, so the queries that used the old one still use the new one.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# (table, old name, old columns, new name, new columns)
CHANGES = [
    ("visits", "ix_visits_org_time", ["org_unit_id", "visited_at"],
     "ix_visits_org_time_sums",
     ["org_unit_id", "visited_at", "deleted", "paid_by_card", "litres", "amount_fen"]),
    ("visits", "ix_visits_customer_time", ["customer_id", "visited_at"],
     "ix_visits_customer_time_sums",
     ["customer_id", "visited_at", "org_unit_id", "deleted", "paid_by_card", "litres",
      "amount_fen"]),
    ("customers", "ix_customers_org_level", ["org_unit_id", "level"],
     "ix_customers_org_level_kind", ["org_unit_id", "level", "deleted", "kind", "created_at"]),
    ("customers", "ix_customers_maintainer", ["maintainer_id"],
     "ix_customers_maintainer_org", ["maintainer_id", "deleted", "org_unit_id"]),
]  # fmt: skip


def upgrade() -> None:
    for table, old, _old_columns, new, columns in CHANGES:
        op.create_index(new, table, columns, unique=False)
        op.drop_index(old, table_name=table)


def downgrade() -> None:
    for table, old, old_columns, new, _columns in reversed(CHANGES):
        op.create_index(old, table, old_columns, unique=False)
        op.drop_index(new, table_name=table)
