"""Display texts of the callback codes (reasons, statuses, groups, attempts), in the UI
language. The codes and their English source texts live in the Qt-free services."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop_crm.localtime import local_minute
from desktop_crm.services.callbacks.queue import GROUP_NAMES, REASON_NAMES, STATUS_NAMES
from desktop_crm.services.customer_options import CHANNELS


def _tr(text: str) -> str:
    return QCoreApplication.translate("callbacks", text)


def reason_name(reason: str) -> str:
    return _tr(REASON_NAMES[reason]) if reason in REASON_NAMES else reason


def status_name(status: str) -> str:
    return _tr(STATUS_NAMES[status]) if status in STATUS_NAMES else status


def group_name(group: str) -> str:
    return _tr(GROUP_NAMES[group]) if group in GROUP_NAMES else group


def channel_name(channel: str | None) -> str:
    if not channel:
        return ""
    return QCoreApplication.translate("customers", CHANNELS.get(channel, channel))


def booked_time(appointment_at: int) -> str:
    return local_minute(appointment_at)


def attempt_text(d: Mapping[str, object]) -> str:
    """One attempt of the trail, e.g. "Not reached by phone (李娜), next try 2026-11-24"."""
    outcome = str(d.get("outcome", ""))
    by = str(d.get("by") or "")
    channel = channel_name(str(d.get("channel") or ""))
    note = str(d.get("note") or "")
    if outcome == "booked":
        text = QCoreApplication.translate("callbacks", "Callback booked for {time} by {by}").format(
            time=d.get("appointment", ""), by=by
        )
    elif outcome == "rescheduled":
        text = QCoreApplication.translate("callbacks", "Callback moved to {day} by {by}").format(
            day=d.get("next_due", ""), by=by
        )
    elif outcome == "not_reached":
        text = QCoreApplication.translate(
            "callbacks", "Customer not reached ({channel}) by {by}, next try {day}"
        ).format(channel=channel, by=by, day=d.get("next_due", ""))
    elif outcome == "unreachable":
        text = QCoreApplication.translate(
            "callbacks", "Customer not reached ({channel}) by {by}: marked unreachable"
        ).format(channel=channel, by=by)
    else:
        text = QCoreApplication.translate(
            "callbacks", "Callback recorded ({channel}) by {by}"
        ).format(channel=channel, by=by)
    return f"{text}: {note}" if note else text
