"""Alembic environment of the head office's own tables (version table server_alembic_version).

The shared tables come first from desktop_crm/models/migrations, on the same database.
"""

from __future__ import annotations

from alembic import context

from desktop_crm.sync.server.models import ServerBase

config = context.config
VERSION_TABLE = "server_alembic_version"


def run() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=ServerBase.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
