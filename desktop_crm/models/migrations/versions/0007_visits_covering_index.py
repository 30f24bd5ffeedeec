"""visits: the customer/time index to hold litres and the tombstone (now done by 0008)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

The callback rules read every customer's recent visits grouped by customer (volume
drops, stale last visits) from a covering index. Revision 0008 replaces
``ix_visits_customer_time`` with ``ix_visits_customer_time_sums``, which holds those
columns and the ones the charts read, so this revision no longer builds an index of
its own (building one here only for 0008 to drop it would double the work on five
million visits). It stays as a step of the chain.
"""

from __future__ import annotations

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
