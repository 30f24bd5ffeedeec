"""The choice lists of callbacks: channels, exit-survey reasons, campaign events.

Every function returns ``(value, label)`` pairs in the order a form lists them.
Labels are English source text of the Qt context ``CONTEXT`` ("callbacks") for the
built-in entries; an entry an administrator added in 基础设置 carries the label as
typed. A view shows a label with ``QCoreApplication.translate(CONTEXT, label)``: that
translates the built-in ones and leaves the others as they are.

- Channels follow the sources' priority: phone, instant messaging, SMS, e-mail, then
  an on-site visit. The values are those of ``Customer.preferred_channel``.
- Exit-survey reasons are codes stored in ``CallbackTask.exit_reason`` (at most 32
  characters), from the setting ``callbacks.exit_reasons`` (a list of [code, label]).
- Campaign events are data values kept as they are in ``Campaign.event`` (the
  company's own words, like the tags of the customer file), from the setting
  ``callbacks.campaign_events``; a manager may also type an event of their own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.settings import get_setting

CONTEXT = "callbacks"
EXIT_REASONS_KEY = "callbacks.exit_reasons"
EVENTS_KEY = "callbacks.campaign_events"
EXIT_REASON_MAX = 32
EVENT_MAX = 32

CHANNELS: tuple[tuple[str, str], ...] = (
    ("phone", QT_TRANSLATE_NOOP("callbacks", "Phone")),
    ("wechat", QT_TRANSLATE_NOOP("callbacks", "WeChat")),
    ("qq", QT_TRANSLATE_NOOP("callbacks", "QQ")),
    ("sms", QT_TRANSLATE_NOOP("callbacks", "SMS")),
    ("email", QT_TRANSLATE_NOOP("callbacks", "E-mail")),
    ("visit", QT_TRANSLATE_NOOP("callbacks", "On-site visit")),
)
PHONE = "phone"

DEFAULT_EXIT_REASONS: tuple[tuple[str, str], ...] = (
    ("competitor", QT_TRANSLATE_NOOP("callbacks", "Switched to another fuel company")),
    ("moved", QT_TRANSLATE_NOOP("callbacks", "Moved away or changed route")),
    ("price", QT_TRANSLATE_NOOP("callbacks", "Price")),
    ("service", QT_TRANSLATE_NOOP("callbacks", "Unhappy with the service")),
    ("vehicle_sold", QT_TRANSLATE_NOOP("callbacks", "Vehicle sold")),
    ("other", QT_TRANSLATE_NOOP("callbacks", "Other reason")),
)

DEFAULT_EVENTS: tuple[str, ...] = ("油价调整", "天气变化", "重要节日")


def channel_options() -> list[tuple[str, str]]:
    return list(CHANNELS)


def _pairs(value: Any) -> list[tuple[str, str]] | None:
    """[[code, label], ...] from a setting, or None when it is not one."""
    if not isinstance(value, list) or not value:
        return None
    pairs: list[tuple[str, str]] = []
    for item in value:
        if not (isinstance(item, list | tuple) and len(item) == 2):
            return None
        code, label = item
        if not (isinstance(code, str) and code.strip() and isinstance(label, str)):
            return None
        pairs.append((code.strip()[:EXIT_REASON_MAX], label.strip() or code.strip()))
    return pairs


def exit_reason_options(session: Session) -> list[tuple[str, str]]:
    """(code, label) of the reasons a lost customer gives in the exit survey."""
    return _pairs(get_setting(session, EXIT_REASONS_KEY)) or list(DEFAULT_EXIT_REASONS)


def campaign_event_options(session: Session) -> list[tuple[str, str]]:
    """(event, label) of the must-call events a manager picks from (label = the event)."""
    value = get_setting(session, EVENTS_KEY)
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        events = [v.strip()[:EVENT_MAX] for v in value]
    else:
        events = list(DEFAULT_EVENTS)
    return [(event, event) for event in events]
