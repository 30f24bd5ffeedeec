"""The desktop's sync bookkeeping in its local, unsynced ``sync_state`` table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from desktop_crm.models import SyncState
from desktop_crm.sync.tables import synced_tables

SERVER_URL = "server_url"
DEVICE_ID = "device_id"
DEVICE_NAME = "device_name"
UNIT_ID = "unit_id"
UNIT_CODE = "unit_code"
UNIT_PATH = "unit_path"
TOKEN_STORE = "token_store"  # keyring / file
LAST_USN = "last_pulled_usn"  # every row up to this USN in scope is applied here
PULL = "pull_in_progress"  # JSON {since, upto, cursor}: the pages not applied yet
PENDING = "pending_push"  # JSON PushRequest sent (or about to be) and not yet answered
INDEX_STALE = "search_index_stale"  # the search index is rebuilt when the pull ends
LAST_SUCCESS = "last_success_at"  # UTC ms
LAST_ATTEMPT = "last_attempt_at"
LAST_ERROR = "last_error"  # the message shown, in the user's language


def get(session: Session, key: str) -> str | None:
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


def get_json(session: Session, key: str) -> Any:
    value = get(session, key)
    return None if value is None else json.loads(value)


def put(session: Session, key: str, value: str | int | None) -> None:
    """Set (or with None remove) one fact; in the caller's transaction."""
    if value is None:
        session.execute(delete(SyncState).where(SyncState.key == key))
        return
    session.execute(
        text(
            "INSERT INTO sync_state (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": key, "value": str(value)},
    )


def put_json(session: Session, key: str, value: Any) -> None:
    put(session, key, None if value is None else json.dumps(value, ensure_ascii=False))


def all_facts(session: Session) -> dict[str, str | None]:
    return {row.key: row.value for row in session.scalars(select(SyncState))}


@dataclass(frozen=True)
class SyncStatus:
    """What a status bar shows: enrolled where, last success, changes waiting, last error."""

    enrolled: bool
    server_url: str | None
    unit_code: str | None
    last_success_at: int | None
    last_error: str | None
    waiting: int


def waiting_changes(session: Session) -> int:
    """Rows changed here and not yet accepted by the head office."""
    total = 0
    for synced in synced_tables():
        table = synced.table
        total += (
            session.scalar(select(func.count()).select_from(table).where(table.c.usn == -1)) or 0
        )
    return total


def status(session: Session) -> SyncStatus:
    """The sync status; a desktop never enrolled has nothing waiting for a head office (and
    its store has no index of changed rows, so they are not counted)."""
    facts = all_facts(session)
    success = facts.get(LAST_SUCCESS)
    enrolled = bool(facts.get(DEVICE_ID))
    return SyncStatus(
        enrolled=enrolled,
        server_url=facts.get(SERVER_URL),
        unit_code=facts.get(UNIT_CODE),
        last_success_at=int(success) if success else None,
        last_error=facts.get(LAST_ERROR),
        waiting=waiting_changes(session) if enrolled else 0,
    )
