"""Engine, SQLite pragmas, sessions, and opening a database safely.

Opening a database checks what the file is before anything touches it: a file that
is not a SQLite database, or one written by a newer desktop_crm, is refused with a
message; an older schema is copied to a backup file and then migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseOpenError
from desktop_crm.models.base import USN_DIRTY, SyncColumns

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Pages of 8 KiB rather than SQLite's 4: a bulk import into a new store writes about a
# tenth faster (fewer B-tree pages and WAL frames). SQLite sets the size when it
# creates the file; a store made before keeps its own (WAL mode cannot change it).
PAGE_SIZE = 8192


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see _begin),
    # so that DDL in migrations is transactional too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")  # before WAL: a new file only
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


BEGIN_IMMEDIATE = "begin_immediate"

# Set on a session that applies rows pulled from the head office: those stay clean.
APPLYING_PULL = "applying_pull"


@event.listens_for(Session, "before_flush")
def _mark_changed_rows_dirty(session: Session, _context: object, _instances: object) -> None:
    """A synced row changed here gets usn -1, so the next sync pushes it."""
    if session.info.get(APPLYING_PULL):
        return
    for obj in session.dirty:
        if isinstance(obj, SyncColumns) and session.is_modified(obj, include_collections=False):
            obj.usn = USN_DIRTY


def _begin(connection: Connection) -> None:
    # Work that writes takes the write lock at its start (see Database.writer): a
    # transaction that read first and then wants to write after another one committed
    # is refused by SQLite at once, whatever the busy timeout.
    immediate = connection.get_execution_options().get(BEGIN_IMMEDIATE)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path | str) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _revisions() -> dict[str, str | None]:
    """revision -> down_revision of every migration shipped, read without importing alembic."""
    found: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        values: dict[str, str | None] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            for key in ("revision", "down_revision"):
                if line.startswith(f"{key} ="):
                    value = line.split("=", 1)[1].strip().strip("'\"")
                    values[key] = None if value == "None" else value
        if values.get("revision"):
            found[values["revision"]] = values.get("down_revision")  # type: ignore[index]
    return found


def known_revisions() -> set[str]:
    return set(_revisions())


def head_revision() -> str:
    """The one shipped revision that no other revises."""
    revisions = _revisions()
    parents = {down for down in revisions.values() if down}
    heads = [rev for rev in revisions if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


def check_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database, before SQLite or Alembic see it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors", "Cannot read {path}: {reason}. Check the file's permissions."
            ),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is not a desktop_crm database (it is not a SQLite file). "
                "Choose another file, or restore a backup.",
            ),
            path=str(path),
        )


def current_revision(path: Path) -> tuple[str | None, bool]:
    """The Alembic revision stored in the file, and whether it holds any table at all."""
    if not path.exists() or path.stat().st_size == 0:
        return None, False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in names:
                return None, bool(names)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return (row[0] if row else None), True
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is damaged and cannot be read ({reason}). Restore it from a backup.",
            ),
            path=str(path),
            reason=str(exc),
        ) from exc


def backup_path_for(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-{revision or 'empty'}-{stamp}{path.suffix}.bak")


def backup_copy(path: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API (includes what is still in the WAL)."""
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def run_migrations(engine: Engine, revision: str = "head") -> None:
    """Upgrade in one transaction, with foreign keys off while tables are rebuilt.

    SQLite rebuilds a table to alter it (copy, drop, rename); with foreign keys on,
    dropping a referenced table fails. They are checked once the migration is done.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection  # outside any transaction
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken references: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


@dataclass
class Database:
    """An open local store: its path, engine and session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]  # reads (and the odd quick write on the GUI thread)
    backup: Path | None = None  # the copy taken before a migration, if one ran
    writer: sessionmaker[Session] = field(init=False)  # work that writes: BEGIN IMMEDIATE

    def __post_init__(self) -> None:
        self.writer = sessionmaker(
            self.engine.execution_options(**{BEGIN_IMMEDIATE: True}), expire_on_commit=False
        )

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def transaction_without_foreign_keys(
    db: Database, pragmas: Mapping[str, int] | None = None
) -> Iterator[tuple[Connection, Session]]:
    """BEGIN IMMEDIATE on a connection of its own with SQLite's foreign keys off (they
    cannot be switched inside a transaction) and back on after; ``pragmas`` set for the
    while and put back. Yields the connection and a session on it, flushed at the end."""
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        before = {name: raw.execute(f"PRAGMA {name}").fetchone()[0] for name in pragmas or {}}
        for name, value in (pragmas or {}).items():
            raw.execute(f"PRAGMA {name}={value}")
        try:
            conn.execution_options(**{BEGIN_IMMEDIATE: True})
            with conn.begin():
                session = Session(bind=conn, join_transaction_mode="conditional_savepoint")
                yield conn, session
                session.flush()
                session.close()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
            for name, value in before.items():
                raw.execute(f"PRAGMA {name}={value}")


def needs_migration(path: Path | str) -> bool:
    """Whether opening ``path`` will first update an older store to this version's schema
    (minutes on a store of a million customers, so the program says so meanwhile).
    False for a new, foreign or damaged file: ``open_database`` answers for those."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        check_file(path)
        revision, has_tables = current_revision(path)
    except DatabaseOpenError:
        return False
    return has_tables and revision in known_revisions() and revision != head_revision()


def open_database(path: Path | str, migrate: bool = True) -> Database:
    """Open (and create or migrate) the local store at ``path``.

    Raises DatabaseOpenError with a user-facing message for a file that is not a
    database, a damaged one, or one from a newer version of the program.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is a folder, not a database file."), path=str(path)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    check_file(path)
    revision, has_tables = current_revision(path)
    if revision is None and has_tables:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is a SQLite database of another program, not of desktop_crm. "
                "Choose another file.",
            ),
            path=str(path),
        )
    if revision is not None and revision not in known_revisions():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} was written by a newer version of desktop_crm (schema {revision}). "
                "Install the newer version to open it; this version has not changed the file.",
            ),
            path=str(path),
            revision=revision,
        )
    engine = make_engine(path)
    backup: Path | None = None
    try:
        if migrate and revision != head_revision():
            if has_tables:
                backup = backup_copy(path, backup_path_for(path, revision))
            run_migrations(engine)
    except (sqlite3.Error, SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise _open_failure(path, exc, backup) from exc
    return Database(path, engine, sessionmaker(engine, expire_on_commit=False), backup)


def _open_failure(path: Path, exc: Exception, backup: Path | None) -> DatabaseOpenError:
    reason = str(getattr(exc, "orig", None) or exc)
    if "locked" in reason or "busy" in reason:
        return DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is in use by another program that is changing it. "
                "Close the other program (or wait a moment) and try again.",
            ),
            path=str(path),
        )
    if backup is not None:
        return DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Updating {path} to this version failed ({reason}). The file was not changed; "
                "a copy taken before the update is at {backup}.",
            ),
            path=str(path),
            reason=reason,
            backup=str(backup),
        )
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("errors", "Cannot open {path}: {reason}."), path=str(path), reason=reason
    )
