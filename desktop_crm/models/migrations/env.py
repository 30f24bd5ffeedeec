"""Alembic environment: migrations run on the connection the program hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desktop_crm.models import Base
from desktop_crm.models.search import FTS_TABLE

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Command-line use (alembic revision --autogenerate): -x db=PATH
        db = context.get_x_argument(as_dictionary=True).get("db", "autogen.db")
        engine = create_engine(f"sqlite:///{db}")
        with engine.begin() as conn:
            _configure_and_run(conn)
        return
    _configure_and_run(connection)


def _include(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """Autogenerate leaves the FTS5 index and its shadow tables alone (made by hand)."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=_include,
        render_as_batch=True,  # SQLite alters tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()


run()
