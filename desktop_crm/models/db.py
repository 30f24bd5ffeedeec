"""Engine, SQLite pragmas, sessions, and opening a database safely.

Opening a database checks what the file is before anything touches it: a file that
is not a SQLite database, or one written by a newer desktop_crm, is refused with a
message; an older schema is copied to a backup file and then migrated.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseOpenError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path | str) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() or ""


def known_revisions() -> set[str]:
    """Revision ids shipped with this version, read without importing alembic."""
    revisions = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("revision"):
                revisions.add(line.split("=", 1)[1].strip().strip("'\""))
                break
    return revisions


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
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


@dataclass
class Database:
    """An open local store: its path, engine and session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None = None  # the copy taken before a migration, if one ran

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


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
    if migrate and revision != head_revision():
        if has_tables:
            backup = backup_copy(path, backup_path_for(path, revision))
        try:
            run_migrations(engine)
        except Exception:
            engine.dispose()
            if backup is not None:
                shutil.copyfile(backup, path)
                for suffix in ("-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            raise
    return Database(path, engine, sessionmaker(engine, expire_on_commit=False), backup)
