"""Identifiers and timestamps shared by every synced row.

Ids are UUIDv7 strings made on the desktop, so offline stations never collide;
times are UTC milliseconds since the epoch.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import uuid_utils


def new_id() -> str:
    """A fresh, time-ordered UUIDv7 as text."""
    return str(uuid_utils.uuid7())


def uuid7_from(ms: int, rand: int) -> str:
    """A UUIDv7 with a given millisecond timestamp and 74 random bits (for deterministic data)."""
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def now_ms() -> int:
    """Current UTC time in milliseconds."""
    return time.time_ns() // 1_000_000


def ms_to_datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def datetime_to_ms(value: datetime) -> int:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return int(value.timestamp() * 1000)
