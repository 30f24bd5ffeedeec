"""The head office's database: SQLite (a file, for a try-out) or PostgreSQL (for real).

Both get the same tables from the same migrations: first the desktop's
(desktop_crm/models/migrations), then the head office's own (server/migrations).
Writes that hand out USNs are serialised: on PostgreSQL by locking the counter row
(SELECT ... FOR UPDATE), on SQLite by taking the write lock at BEGIN (BEGIN IMMEDIATE).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from desktop_crm.models.db import BEGIN_IMMEDIATE, MIGRATIONS_DIR, make_engine, run_migrations
from desktop_crm.sync.server.models import UsnCounter

SERVER_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 60_000  # many stations may push at once; each waits its turn
MIGRATION_LOCK = 727_272  # PostgreSQL advisory lock: one server instance migrates at a time


def default_database_url() -> str:
    from desktop_crm.paths import user_data_dir

    return f"sqlite:///{user_data_dir() / 'head-office.db'}"


def normalise_url(url: str) -> str:
    """postgresql://... means psycopg 3 (the driver we ship), not psycopg2."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _server_busy_timeout(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


@dataclass
class ServerStore:
    """An open head-office database."""

    url: str
    engine: Engine
    reads: sessionmaker[Session]
    writes: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def writer(self) -> Iterator[tuple[Session, UsnCounter]]:
        """A transaction that holds the USN counter: commit on success, roll back on error."""
        with self.writes() as session, session.begin():
            query = select(UsnCounter).where(UsnCounter.id == 1)
            if self.dialect == "postgresql":
                query = query.with_for_update()
            counter = session.scalars(query).one()
            yield session, counter

    def current_usn(self, session: Session) -> int:
        return int(session.scalar(select(UsnCounter.usn).where(UsnCounter.id == 1)) or 0)

    def close(self) -> None:
        self.engine.dispose()


def _alembic_upgrade(connection: object, script_location: Path) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def open_store(url: str, migrate: bool = True) -> ServerStore:
    """Open (and create or upgrade) the head office's database at ``url``."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if not path or path == ":memory:":
            raise ValueError("the SQLite head office needs a file: sqlite:///PATH")
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(Path(path).expanduser())
        event.listen(engine, "connect", _server_busy_timeout)
        if migrate:
            run_migrations(engine)  # the shared tables, with the desktop's SQLite care
            with engine.begin() as connection:
                _alembic_upgrade(connection, SERVER_MIGRATIONS_DIR)
        writes = sessionmaker(
            engine.execution_options(**{BEGIN_IMMEDIATE: True}), expire_on_commit=False
        )
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_size=10, max_overflow=30, pool_pre_ping=True)
        if migrate:
            with engine.begin() as connection:
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
                _alembic_upgrade(connection, MIGRATIONS_DIR)
                _alembic_upgrade(connection, SERVER_MIGRATIONS_DIR)
        writes = sessionmaker(engine, expire_on_commit=False)
    else:
        raise ValueError(
            f"unsupported database {parsed.get_backend_name()}: use sqlite or postgresql"
        )
    return ServerStore(url, engine, sessionmaker(engine, expire_on_commit=False), writes)
