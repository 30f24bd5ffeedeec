"""Times are stored in UTC and shown in the office's local time (Asia/Shanghai by default;
DESKTOP_CRM_TZ names another IANA zone). The zone database comes from the tzdata
package where the system has none (Windows)."""

from __future__ import annotations

import os
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Shanghai"


@lru_cache(maxsize=4)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_zone() -> ZoneInfo:
    return _zone(os.environ.get("DESKTOP_CRM_TZ") or DEFAULT_ZONE)


def local_datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=local_zone())


def local_date(ms: int | None) -> str | None:
    """YYYY-MM-DD, as reports and lists show dates."""
    return local_datetime(ms).strftime("%Y-%m-%d") if ms else None


def local_minute(ms: int) -> str:
    return local_datetime(ms).strftime("%Y-%m-%d %H:%M")


def local_clock(ms: int) -> str:
    return local_datetime(ms).strftime("%H:%M")
