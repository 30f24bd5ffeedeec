"""The monthly analysis pack (月度分析) of a company, an area or a station: key figures,
the charts of the charts tab where they are available, and the tables behind them."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.models import OrgUnit
from desktop_crm.reports.common import CUSTOMER_KINDS, children, label, percent, printed_at, t, yuan
from desktop_crm.reports.document import Block, Facts, Heading, Paragraph, Report, Table
from desktop_crm.reports.monthly_data import MonthlyData, UnitFigures, month_key, monthly_data
from desktop_crm.reports.periods import MONTH, Period, month_period, period_of_kind

TITLE = QT_TRANSLATE_NOOP("reports", "Monthly analysis")
STAFF_ROWS = 300


def growth(now: int, before: int) -> str:
    """Year-on-year growth as "+12.5%", or "—" without a base."""
    if not before:
        return "—"
    return f"{100 * (now - before) / before:+.1f}%"


def build_monthly(
    session: Session,
    unit: OrgUnit,
    period: Period,
    now_ms: int,
    charts: bool = True,
    tab_charts: bool = False,
) -> Report:
    if period.kind != MONTH:
        period = period_of_kind(MONTH, period.start)
    preparing = None
    if charts:  # matplotlib is imported while SQLite works on the figures
        from desktop_crm.reports.pack_charts import prepare

        preparing = threading.Thread(target=prepare, name="monthly-charts", daemon=True)
        preparing.start()
    data = monthly_data(session, unit, period, now_ms)
    report = Report("monthly", t(TITLE), unit.name, f"{period.text}  ({period.span})",
                    printed_at(now_ms))  # fmt: skip
    f = data.total
    report.empty = not (f.customers or f.visits or f.callbacks_due or f.complaints)
    report.empty_text = t(QT_TRANSLATE_NOOP("reports", "{unit} has no customers and no data "
                                                       "for {period}."),
                          unit=unit.name, period=period.text)  # fmt: skip
    report.blocks.append(_key_figures(data))
    if preparing is not None:
        preparing.join()
    if charts and not report.empty:
        from desktop_crm.reports.pack_charts import pack_charts

        report.blocks.extend(pack_charts(session, unit, data))
    report.blocks.extend(_tables(session, unit, data))
    if tab_charts and not report.empty:
        # every chart of the charts tab with its table: slow the first time on a big
        # database (the tab's aggregates), fast once the tab has computed them
        from desktop_crm.reports.monthly_charts import chart_blocks

        report.blocks.extend(chart_blocks(session, unit, period))
    return report


def _key_figures(data: MonthlyData) -> Facts:
    f = data.total
    this = data.new_by_month.get(month_key(data.period.start), {})
    last_year = data.new_by_month.get(
        month_key(month_period(data.period.start.year - 1, data.period.start.month).start), {}
    )
    return Facts(t(QT_TRANSLATE_NOOP("reports", "Key figures")), [
        (t(QT_TRANSLATE_NOOP("reports", "Customers")), f.customers),
        (t(QT_TRANSLATE_NOOP("reports", "New customers")), f.new),
        (t(QT_TRANSLATE_NOOP("reports", "New organisations")), this.get("organisation", 0)),
        (t(QT_TRANSLATE_NOOP("reports", "Year-on-year, organisations")),
         growth(this.get("organisation", 0), last_year.get("organisation", 0))),
        (t(QT_TRANSLATE_NOOP("reports", "New individuals")), this.get("person", 0)),
        (t(QT_TRANSLATE_NOOP("reports", "Year-on-year, individuals")),
         growth(this.get("person", 0), last_year.get("person", 0))),
        (t(QT_TRANSLATE_NOOP("reports", "Visits")), f.visits),
        (t(QT_TRANSLATE_NOOP("reports", "Litres")), round(f.litres, 2)),
        (t(QT_TRANSLATE_NOOP("reports", "Amount (yuan)")), yuan(f.amount_fen)),
        (t(QT_TRANSLATE_NOOP("reports", "Share of litres paid by card")),
         percent(f.card_litres, f.litres)),
        (t(QT_TRANSLATE_NOOP("reports", "Big customers' share of litres")),
         percent(f.big_litres, f.litres)),
        (t(QT_TRANSLATE_NOOP("reports", "Level ups / downs")),
         f"{data.level_up} / {data.level_down}"),
        (t(QT_TRANSLATE_NOOP("reports", "Callbacks due")), f.callbacks_due),
        (t(QT_TRANSLATE_NOOP("reports", "Callbacks done on time")),
         percent(f.callbacks_on_time, f.callbacks_due)),
        (t(QT_TRANSLATE_NOOP("reports", "Average satisfaction (1-5)")),
         data.satisfaction if data.satisfaction is not None else "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Complaints received")), f.complaints),
        (t(QT_TRANSLATE_NOOP("reports", "Share closed within deadline")),
         percent(f.complaints_on_time, f.complaints_closed)),
        (t(QT_TRANSLATE_NOOP("reports", "Staff with at least {n} customers"), n=data.per_employee),
         f"{f.staff_at_target} / {f.staff}"),
    ])  # fmt: skip


def _unit_row(name: str, u: UnitFigures) -> list[Any]:
    return [name, u.customers, u.new, u.visits, round(u.litres, 2),
            percent(u.card_litres, u.litres), percent(u.big_litres, u.litres),
            f"{u.callbacks_done}/{u.callbacks_due}", u.complaints,
            f"{u.staff_at_target}/{u.staff}"]  # fmt: skip


def _tables(session: Session, unit: OrgUnit, data: MonthlyData) -> list[Block]:
    blocks: list[Block] = [Heading(t(QT_TRANSLATE_NOOP("reports", "Tables")))]
    kinds = ["organisation", "person"]
    level_names = sorted({lv for lv, _k in data.levels}, key=_level_key)
    blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Customers by level and kind")),
        [t(QT_TRANSLATE_NOOP("reports", "Level")), *(label(CUSTOMER_KINDS, k) for k in kinds),
         t(QT_TRANSLATE_NOOP("reports", "Total"))],
        [[lv or t(QT_TRANSLATE_NOOP("reports", "(no level)")),
          *(data.levels.get((lv, k), 0) for k in kinds),
          sum(data.levels.get((lv, k), 0) for k in kinds)] for lv in level_names],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No customers.")),
        total=[t(QT_TRANSLATE_NOOP("reports", "Total")),
               *(sum(n for (_lv, k), n in data.levels.items() if k == kind) for kind in kinds),
               data.total.customers] if data.levels else None,
    ))  # fmt: skip
    subunits = children(session, unit)
    if subunits:
        blocks.append(Table(
            t(QT_TRANSLATE_NOOP("reports", "By unit")),
            [t(QT_TRANSLATE_NOOP("reports", "Unit")), t(QT_TRANSLATE_NOOP("reports", "Customers")),
             t(QT_TRANSLATE_NOOP("reports", "New")), t(QT_TRANSLATE_NOOP("reports", "Visits")),
             t(QT_TRANSLATE_NOOP("reports", "Litres")),
             t(QT_TRANSLATE_NOOP("reports", "Paid by card")),
             t(QT_TRANSLATE_NOOP("reports", "Big customers")),
             t(QT_TRANSLATE_NOOP("reports", "Callbacks done / due")),
             t(QT_TRANSLATE_NOOP("reports", "Complaints")),
             t(QT_TRANSLATE_NOOP("reports", "Staff at 1:{n}"), n=data.per_employee)],
            [_unit_row(c.name, data.by_unit.get(c.id, UnitFigures())) for c in subunits],
            total=_unit_row(t(QT_TRANSLATE_NOOP("reports", "Total")), data.total),
        ))  # fmt: skip
    months = data.period.months_back(12)
    rows = []
    for m in months:
        key = month_key(m.start)
        before = month_key(month_period(m.start.year - 1, m.start.month).start)
        new = data.new_by_month.get(key, {})
        old = data.new_by_month.get(before, {})
        rows.append([key, new.get("organisation", 0), new.get("person", 0),
                     growth(sum(new.values()), sum(old.values())) if before in data.new_by_month
                     or not new else "—",
                     data.visits_by_month.get(key, 0)])  # fmt: skip
    blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "The last twelve months")),
        [t(QT_TRANSLATE_NOOP("reports", "Month")),
         t(QT_TRANSLATE_NOOP("reports", "New organisations")),
         t(QT_TRANSLATE_NOOP("reports", "New individuals")),
         t(QT_TRANSLATE_NOOP("reports", "New customers, year-on-year")),
         t(QT_TRANSLATE_NOOP("reports", "Visits"))],
        rows,
    ))  # fmt: skip
    total_complaints = sum(n for _c, n in data.complaint_categories)
    running = 0
    pareto = []
    for category, n in data.complaint_categories:
        running += n
        pareto.append([category, n, percent(n, total_complaints),
                       percent(running, total_complaints)])  # fmt: skip
    blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Complaints by category")),
        [t(QT_TRANSLATE_NOOP("reports", "Category")), t(QT_TRANSLATE_NOOP("reports", "Complaints")),
         t(QT_TRANSLATE_NOOP("reports", "Share")),
         t(QT_TRANSLATE_NOOP("reports", "Cumulative share"))],
        pareto,
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No complaint in this month.")),
    ))  # fmt: skip
    staff = data.staff_rows[:STAFF_ROWS]
    blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Staff")),
        [t(QT_TRANSLATE_NOOP("reports", "Unit")), t(QT_TRANSLATE_NOOP("reports", "Name")),
         t(QT_TRANSLATE_NOOP("reports", "Customers maintained")),
         t(QT_TRANSLATE_NOOP("reports", "Callbacks done")),
         t(QT_TRANSLATE_NOOP("reports", "Complaints closed"))],
        [list(r) for r in staff],
        widths=[3, 2, 1.6, 1.4, 1.4],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No staff.")),
        note=t(QT_TRANSLATE_NOOP("reports", "First {shown} of {total} rows."), shown=len(staff),
               total=len(data.staff_rows)) if len(data.staff_rows) > len(staff) else "",
    ))  # fmt: skip
    blocks.append(Paragraph(t(QT_TRANSLATE_NOOP(
        "reports", "Levels are the customers' current levels. Big customers: the volume tiers "
                   "set in the basic settings, or the tag 大客户. Done on time: recorded no later "
                   "than the due day.")), muted=True))  # fmt: skip
    return blocks


def _level_key(level: str) -> tuple[int, str]:
    order = ("VIP", "A", "B", "C", "D")
    return (order.index(level) if level in order else len(order) + (not level), level)
