"""The printable reports, one entry point for the command line and the dialog: build a
report for a unit and period (or one customer) and write it as PDF or Excel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError
from desktop_crm.models import Customer, FuelCard, OrgUnit, User, Vehicle
from desktop_crm.reports.common import check_in_scope
from desktop_crm.reports.document import Report
from desktop_crm.reports.periods import DAY, MONTH, WEEK, Period
from desktop_crm.services import audit

DAILY, WEEKLY, MONTHLY, COMPLAINTS, CUSTOMER = (
    "daily",
    "weekly",
    "monthly",
    "complaints",
    "customer",
)
FORMATS = (".pdf", ".xlsx")
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ReportKind:
    key: str
    name: str  # English source text, context "reports"
    period_kind: str | None  # day / week / month; None: no period (a customer's file)


KINDS: dict[str, ReportKind] = {
    DAILY: ReportKind(DAILY, QT_TRANSLATE_NOOP("reports", "Daily report"), DAY),
    WEEKLY: ReportKind(WEEKLY, QT_TRANSLATE_NOOP("reports", "Weekly callback report"), WEEK),
    MONTHLY: ReportKind(MONTHLY, QT_TRANSLATE_NOOP("reports", "Monthly analysis"), MONTH),
    COMPLAINTS: ReportKind(COMPLAINTS, QT_TRANSLATE_NOOP("reports", "Complaint register"), MONTH),
    CUSTOMER: ReportKind(CUSTOMER, QT_TRANSLATE_NOOP("reports", "Customer file"), None),
}


def build_report(
    session: Session,
    user: User | None,
    kind: str,
    unit: OrgUnit | None,
    period: Period | None,
    now_ms: int,
    customer_id: str | None = None,
    tab_charts: bool = False,
) -> Report:
    """The report ``kind`` for ``unit`` and ``period`` (or the customer's file), inside the
    user's subtree."""
    if kind == CUSTOMER:
        from desktop_crm.reports.customer_file import build_customer

        if not customer_id or user is None:
            raise UserError(QT_TRANSLATE_NOOP("errors", "Choose the customer whose file to print."))
        return build_customer(session, user, customer_id, now_ms)
    if kind not in KINDS:
        raise UserError(QT_TRANSLATE_NOOP("errors", "There is no report {kind}."), kind=kind)
    if unit is None or period is None:
        raise UserError(QT_TRANSLATE_NOOP("errors", "Choose the unit and the period."))
    check_in_scope(session, user, unit)
    if kind == DAILY:
        from desktop_crm.reports.daily import build_daily as build
    elif kind == WEEKLY:
        from desktop_crm.reports.weekly import build_weekly as build
    elif kind == MONTHLY:
        from desktop_crm.reports.monthly import build_monthly

        return build_monthly(session, unit, period, now_ms, tab_charts=tab_charts)
    else:
        from desktop_crm.reports.complaint_register import build_complaints as build
    return build(session, unit, period, now_ms)


def check_format(path: Path | str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Save the report as a .pdf or .xlsx file, not {name}."),
            name=Path(path).name,
        )
    return suffix


def write_report(report: Report, path: Path | str, progress: Progress | None = None) -> Path:
    """The report as PDF or Excel, by the file's suffix."""
    if check_format(path) == ".pdf":
        from desktop_crm.reports.pdf import render_pdf

        return render_pdf(report, path, progress)
    from desktop_crm.reports.excel import render_xlsx

    return render_xlsx(report, path)


def audit_report(session: Session, user: User, report: Report, path: Path | str | None) -> None:
    """Who printed or exported which report (customer data leaves the program)."""
    audit.record(session, user, audit.Action.EXPORT, "report", None,
                 {"report": report.kind, "unit": report.unit, "period": report.period,
                  "file": Path(path).name if path else None})  # fmt: skip


def find_customer(session: Session, user: User | None, text: str) -> str:
    """A customer's id from its id, phone, member number, fuel card or plate."""
    value = text.strip()
    plate = value.upper().replace("·", "").replace(" ", "").replace("-", "")
    query = select(Customer.id, Customer.org_unit_id).where(
        Customer.deleted.is_(False),
        or_(
            Customer.id == value, Customer.phone == value, Customer.member_no == value,
            Customer.id.in_(select(Vehicle.customer_id).where(Vehicle.plate_normalized == plate,
                                                              Vehicle.deleted.is_(False))),
            Customer.id.in_(select(FuelCard.customer_id).where(FuelCard.card_no == value,
                                                               FuelCard.deleted.is_(False))),
        ),
    ).limit(3)  # fmt: skip
    found = list(session.execute(query))
    if user is not None and found:
        own = session.get_one(OrgUnit, user.org_unit_id)
        inside = set(session.scalars(select(OrgUnit.id).where(OrgUnit.path.startswith(own.path))))
        found = [f for f in found if f[1] in inside]
    if not found:
        raise UserError(QT_TRANSLATE_NOOP("errors", "No customer matches {value}."), value=text)
    if len(found) > 1:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors", "Several customers match {value}: give the ID, phone or fuel card."
            ),
            value=text,
        )
    return str(found[0][0])
