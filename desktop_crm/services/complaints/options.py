"""The choice lists of complaint intake and closing, and the labels of the codes.

Values are what the database stores: the Chinese terms the sources use (意见箱, 一般,
服务态度, ...), so that the register reads the same in every report. Labels are English
source text for Qt's translation system (context "complaints"); the GUI shows
``QCoreApplication.translate("complaints", label)``. The categories and root causes are
company settings (``complaints.categories``, ``complaints.root_causes``): an entry an
administrator added has no translation and is shown as it was typed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import ComplaintLevel, ComplaintStatus
from desktop_crm.services.settings import get_setting

CONTEXT = "complaints"

Choice = tuple[str, str]  # (stored value, English label)

COMPLAINT = "complaint"
SUGGESTION = "suggestion"
TYPES: dict[str, str] = {
    COMPLAINT: QT_TRANSLATE_NOOP("complaints", "Complaint"),
    SUGGESTION: QT_TRANSLATE_NOOP("complaints", "Suggestion"),
}

SOURCES: dict[str, str] = {
    "意见箱": QT_TRANSLATE_NOOP("complaints", "Suggestion box"),
    "400热线": QT_TRANSLATE_NOOP("complaints", "400 hotline"),
    "现场": QT_TRANSLATE_NOOP("complaints", "On site"),
    "电话": QT_TRANSLATE_NOOP("complaints", "Phone"),
    "微信/QQ": QT_TRANSLATE_NOOP("complaints", "WeChat/QQ"),
    "社会监督员": QT_TRANSLATE_NOOP("complaints", "Public monitor"),
    "神秘顾客": QT_TRANSLATE_NOOP("complaints", "Mystery shopper"),
}

# Defaults of the setting "complaints.categories", with their labels.
CATEGORIES: dict[str, str] = {
    "服务态度": QT_TRANSLATE_NOOP("complaints", "Service attitude"),
    "油品质量": QT_TRANSLATE_NOOP("complaints", "Fuel quality"),
    "计量/数量": QT_TRANSLATE_NOOP("complaints", "Metering/quantity"),
    "价格": QT_TRANSLATE_NOOP("complaints", "Price"),
    "加油卡": QT_TRANSLATE_NOOP("complaints", "Fuel card"),
    "发票": QT_TRANSLATE_NOOP("complaints", "Invoice"),
    "设施/环境": QT_TRANSLATE_NOOP("complaints", "Facilities/environment"),
    "安全": QT_TRANSLATE_NOOP("complaints", "Safety"),
    "其他": QT_TRANSLATE_NOOP("complaints", "Other"),
}

BUSINESS_LINES: dict[str, str] = {
    "零售": QT_TRANSLATE_NOOP("complaints", "Retail"),
    "直分销": QT_TRANSLATE_NOOP("complaints", "Direct/wholesale"),
    "非油": QT_TRANSLATE_NOOP("complaints", "Non-fuel"),
}

MINOR, SERIOUS, MAJOR, CRITICAL = "一般", "较大", "重大", "特别重大"
SEVERITIES: dict[str, str] = {
    MINOR: QT_TRANSLATE_NOOP("complaints", "Minor"),
    SERIOUS: QT_TRANSLATE_NOOP("complaints", "Serious"),
    MAJOR: QT_TRANSLATE_NOOP("complaints", "Major"),
    CRITICAL: QT_TRANSLATE_NOOP("complaints", "Critical"),
}
# Severities that go to the company at intake.
COMPANY_SEVERITIES = frozenset({MAJOR, CRITICAL})

# Defaults of the setting "complaints.root_causes", with their labels.
ROOT_CAUSES: dict[str, str] = {
    "员工培训不足": QT_TRANSLATE_NOOP("complaints", "Insufficient staff training"),
    "操作不规范": QT_TRANSLATE_NOOP("complaints", "Procedure not followed"),
    "设备老化未及时维护": QT_TRANSLATE_NOOP("complaints", "Ageing equipment not maintained"),
    "管理制度未落实": QT_TRANSLATE_NOOP("complaints", "Management rules not applied"),
    "沟通不及时": QT_TRANSLATE_NOOP("complaints", "Late communication"),
    "高峰期人手不足": QT_TRANSLATE_NOOP("complaints", "Too few staff at peak hours"),
    "系统故障": QT_TRANSLATE_NOOP("complaints", "System failure"),
    "其他原因": QT_TRANSLATE_NOOP("complaints", "Other cause"),
}
MAX_ROOT_CAUSES = 5

STATUSES: dict[str, str] = {
    ComplaintStatus.RECEIVED: QT_TRANSLATE_NOOP("complaints", "Received"),
    ComplaintStatus.VERIFYING: QT_TRANSLATE_NOOP("complaints", "Verifying"),
    ComplaintStatus.REVIEWING: QT_TRANSLATE_NOOP("complaints", "Reviewing"),
    ComplaintStatus.RECTIFYING: QT_TRANSLATE_NOOP("complaints", "Rectifying"),
    ComplaintStatus.CALLBACK: QT_TRANSLATE_NOOP("complaints", "Calling back"),
    ComplaintStatus.ARCHIVED: QT_TRANSLATE_NOOP("complaints", "Archived"),
}

LEVELS: dict[str, str] = {
    ComplaintLevel.STATION: QT_TRANSLATE_NOOP("complaints", "Station"),
    ComplaintLevel.AREA: QT_TRANSLATE_NOOP("complaints", "Area"),
    ComplaintLevel.COMPANY: QT_TRANSLATE_NOOP("complaints", "Company"),
}

DEADLINES: dict[str, str] = {
    "accept": QT_TRANSLATE_NOOP("complaints", "Acceptance"),
    "reply": QT_TRANSLATE_NOOP("complaints", "First reply"),
    "close": QT_TRANSLATE_NOOP("complaints", "Closure"),
}

DEADLINE_STATES: dict[str, str] = {
    "in_time": QT_TRANSLATE_NOOP("complaints", "In time"),
    "warning": QT_TRANSLATE_NOOP("complaints", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("complaints", "Overdue"),
}


def _choices(table: dict[str, str]) -> list[Choice]:
    return list(table.items())


def _configured(session: Session, key: str, known: dict[str, str]) -> list[Choice]:
    values = get_setting(session, key) or list(known)
    return [(str(v), known.get(str(v), str(v))) for v in values if str(v).strip()]


def types() -> list[Choice]:
    return _choices(TYPES)


def sources() -> list[Choice]:
    return _choices(SOURCES)


def categories(session: Session) -> list[Choice]:
    """The categories of the setting "complaints.categories" (default: the nine above)."""
    return _configured(session, "complaints.categories", CATEGORIES)


def business_lines() -> list[Choice]:
    return _choices(BUSINESS_LINES)


def severities() -> list[Choice]:
    return _choices(SEVERITIES)


def root_causes(session: Session) -> list[Choice]:
    """The root causes of the setting "complaints.root_causes"."""
    return _configured(session, "complaints.root_causes", ROOT_CAUSES)


def statuses() -> list[Choice]:
    return _choices(STATUSES)


def levels() -> list[Choice]:
    return _choices(LEVELS)


def label(value: str | None) -> str:
    """The English label of any stored code of the lists above (the value if unknown)."""
    if not value:
        return ""
    for table in (
        STATUSES, LEVELS, TYPES, SOURCES, CATEGORIES, BUSINESS_LINES, SEVERITIES, ROOT_CAUSES,
        DEADLINES, DEADLINE_STATES,
    ):  # fmt: skip
        if value in table:
            return table[value]
    return value
