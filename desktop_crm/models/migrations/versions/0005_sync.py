"""head-office sync: the desktop's local sync state

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

Only a small local table: the indexes that find changed rows quickly are created when
a desktop enrols (desktop_crm/sync/tables.py ensure_dirty_indexes), so stand-alone
desktops do not pay for them; the head office's own tables have their own migrations
(desktop_crm/sync/server/migrations).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    op.drop_table("sync_state")
