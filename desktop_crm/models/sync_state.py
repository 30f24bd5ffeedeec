"""What this desktop knows about its head-office sync: local, never synced.

One key/value row per fact (see desktop_crm/sync/state.py for the keys): the server's
address, this desktop's device id and scope, the last pulled USN, a pull or push that
was interrupted, the last success and the last error.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base


class SyncState(Base):
    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)
