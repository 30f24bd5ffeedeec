"""head office: devices, enrolment codes, USN counter, batches, conflict log, pull indexes

Revision ID: s0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

# The synced tables at this revision (desktop migration 0005) that belong to an org unit.
OWNED_TABLES = (
    "users", "settings", "sla_policies", "holidays", "callback_rules", "campaigns",
    "audit_events", "customers", "vehicles", "fuel_cards", "contacts", "level_changes",
    "owner_changes", "visits", "complaints", "complaint_steps", "callback_tasks",
    "callback_attempts", "callback_reports",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "sync_usn_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("usn", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_usn_counter")),
    )
    op.execute(sa.text("INSERT INTO sync_usn_counter (id, usn) VALUES (1, 0)"))
    op.create_table(
        "sync_devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("org_unit_id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_at", sa.BigInteger(), nullable=True),
        sa.Column("revoked_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sync_devices_token_hash")),
    )
    op.create_index(op.f("ix_sync_devices_org_unit_id"), "sync_devices", ["org_unit_id"])
    op.create_table(
        "sync_enrol_codes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("org_unit_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.Column("used_at", sa.BigInteger(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_enrol_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_sync_enrol_codes_code_hash")),
    )
    op.create_table(
        "sync_batches",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("first_usn", sa.BigInteger(), nullable=True),
        sa.Column("last_usn", sa.BigInteger(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "key", name=op.f("pk_sync_batches")),
    )
    op.create_index("ix_sync_batches_first_usn", "sync_batches", ["first_usn"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("loser_device_id", sa.String(length=36), nullable=False),
        sa.Column("loser_updated_at", sa.BigInteger(), nullable=False),
        sa.Column("winner_device_id", sa.String(length=36), nullable=True),
        sa.Column("winner_updated_at", sa.BigInteger(), nullable=False),
        sa.Column("loser_row", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index("ix_sync_conflicts_row", "sync_conflicts", ["table_name", "row_id"])
    # A pull reads one org unit's rows of one table in USN order.
    op.create_index("ix_org_units_sync_usn", "org_units", ["usn"])
    for table in OWNED_TABLES:
        op.create_index(f"ix_{table}_sync_pull", table, ["org_unit_id", "usn"])


def downgrade() -> None:
    for table in OWNED_TABLES:
        op.drop_index(f"ix_{table}_sync_pull", table_name=table)
    op.drop_index("ix_org_units_sync_usn", table_name="org_units")
    for table in ("sync_conflicts", "sync_batches", "sync_enrol_codes", "sync_devices",
                  "sync_usn_counter"):  # fmt: skip
        op.drop_table(table)
