"""Display names of the complaint codes (statuses, levels, lists) in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.services.complaints import options


def choice_label(value: str | None) -> str:
    """The translated label of a stored code; an entry an administrator added shows as typed."""
    if not value:
        return ""
    return QCoreApplication.translate(options.CONTEXT, options.label(value))


def remaining_text(ms: int) -> str:
    """A remaining (or, negative, overdue) time as people say it: 2天3小时, 45分钟."""
    minutes = abs(ms) // 60_000
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        text = QCoreApplication.translate("ComplaintLabels", "{d}d {h}h").format(d=days, h=hours)
    elif hours:
        text = QCoreApplication.translate("ComplaintLabels", "{h}h {m}min").format(h=hours, m=mins)
    else:
        text = QCoreApplication.translate("ComplaintLabels", "{m}min").format(m=mins)
    if ms < 0:
        return QCoreApplication.translate("ComplaintLabels", "{time} overdue").format(time=text)
    return QCoreApplication.translate("ComplaintLabels", "{time} left").format(time=text)
