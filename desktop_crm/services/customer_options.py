"""The choice lists of the customer file: levels, tiers, focus types, channels, tags, ...

Values are what the database stores; labels are English source text for Qt's
translation system (context "customers"). Lists a company adapts (levels, volume
tiers, tags) are read from 基础设置 under ``customers.<name>`` when an administrator
has set them, otherwise the defaults below apply (DOMAIN.md, segmentation).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import CustomerKind, CustomerStatus
from desktop_crm.services.settings import get_setting

CONTEXT = "customers"

KINDS: dict[str, str] = {
    CustomerKind.PERSON: QT_TRANSLATE_NOOP("customers", "Individual"),
    CustomerKind.ORGANISATION: QT_TRANSLATE_NOOP("customers", "Organisation"),
}

ID_CARD = "id_card"
USCC = "uscc"
ID_TYPES: dict[str, str] = {
    ID_CARD: QT_TRANSLATE_NOOP("customers", "Identity card"),
    USCC: QT_TRANSLATE_NOOP("customers", "Unified social credit code"),
    "passport": QT_TRANSLATE_NOOP("customers", "Passport"),
    "other": QT_TRANSLATE_NOOP("customers", "Other document"),
}

STATUSES: dict[str, str] = {
    CustomerStatus.PROSPECT: QT_TRANSLATE_NOOP("customers", "Prospect"),
    CustomerStatus.NEW: QT_TRANSLATE_NOOP("customers", "New"),
    CustomerStatus.ACTIVE: QT_TRANSLATE_NOOP("customers", "Active"),
    CustomerStatus.DORMANT: QT_TRANSLATE_NOOP("customers", "Dormant"),
    CustomerStatus.LOST: QT_TRANSLATE_NOOP("customers", "Lost"),
}

STAGES: dict[str, str] = {
    "plate_only": QT_TRANSLATE_NOOP("customers", "Plate only"),
    "preliminary": QT_TRANSLATE_NOOP("customers", "Preliminary file"),
    "complete": QT_TRANSLATE_NOOP("customers", "Complete file"),
}

FOCUS_TYPES: dict[str, str] = {
    "price": QT_TRANSLATE_NOOP("customers", "Price-focused"),
    "brand": QT_TRANSLATE_NOOP("customers", "Brand-loyal"),
    "supply": QT_TRANSLATE_NOOP("customers", "Secure supply"),
    "relation": QT_TRANSLATE_NOOP("customers", "Relationship"),
}

CHANNELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("customers", "Phone"),
    "wechat": QT_TRANSLATE_NOOP("customers", "WeChat"),
    "qq": QT_TRANSLATE_NOOP("customers", "QQ"),
    "sms": QT_TRANSLATE_NOOP("customers", "SMS"),
    "email": QT_TRANSLATE_NOOP("customers", "E-mail"),
    "visit": QT_TRANSLATE_NOOP("customers", "On-site visit"),
}

PAYMENT_HABITS: dict[str, str] = {
    "cash": QT_TRANSLATE_NOOP("customers", "Cash"),
    "card": QT_TRANSLATE_NOOP("customers", "Fuel card"),
}

CARD_STATUSES: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("customers", "In use"),
    "lost": QT_TRANSLATE_NOOP("customers", "Reported lost"),
    "cancelled": QT_TRANSLATE_NOOP("customers", "Cancelled"),
}

OWNER_ROLES: dict[str, str] = {
    "maintainer": QT_TRANSLATE_NOOP("customers", "Maintainer"),
    "developer": QT_TRANSLATE_NOOP("customers", "Developer"),
}

# Data values (the sources' own words), configurable in 基础设置.
DEFAULT_LEVELS: tuple[str, ...] = ("VIP", "A", "B", "C", "D")
DEFAULT_VOLUME_TIERS: tuple[str, ...] = ("集团", "大", "普通", "小")
DEFAULT_TAGS: tuple[str, ...] = ("重点", "问题", "潜力", "大客户")


def _configured(session: Session, key: str, default: tuple[str, ...]) -> list[str]:
    value: Any = get_setting(session, key)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value)
    return list(default)


def levels(session: Session) -> list[str]:
    return _configured(session, "customers.levels", DEFAULT_LEVELS)


def volume_tiers(session: Session) -> list[str]:
    return _configured(session, "customers.volume_tiers", DEFAULT_VOLUME_TIERS)


def tags(session: Session) -> list[str]:
    return _configured(session, "customers.tags", DEFAULT_TAGS)
