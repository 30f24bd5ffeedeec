"""Charts of the monthly pack drawn from its own figures (MonthlyData), so they cost no
further query: new customers and visits over twelve months, customers by level, card and
big-customer shares by unit, complaints as a Pareto chart. matplotlib is imported only
when a chart is drawn; labels use the shipped CJK font (reports/fonts.py)."""

from __future__ import annotations

from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.reports.common import CUSTOMER_KINDS, children, label, t
from desktop_crm.reports.document import Block, Chart
from desktop_crm.reports.monthly_data import MonthlyData, UnitFigures, month_key

BLUE, ORANGE, GREEN, GREY = "#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f"


def prepare() -> None:
    """Import matplotlib and set up its font: a second or so, worth starting in a thread
    while the pack's figures are queried."""
    import matplotlib.figure  # noqa: F401

    from desktop_crm.reports.fonts import setup_matplotlib

    setup_matplotlib()


def _figure(title: str, width: float = 9.0, height: float = 4.2) -> Any:
    from matplotlib.figure import Figure

    from desktop_crm.reports.fonts import setup_matplotlib

    setup_matplotlib()
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    figure.suptitle(title, fontsize=12)
    return figure


def _percent_axis(axes: Any) -> None:
    from matplotlib.ticker import PercentFormatter

    axes.yaxis.set_major_formatter(PercentFormatter(100))


def pack_charts(session: Any, unit: Any, data: MonthlyData) -> list[Block]:
    blocks: list[Block] = [Chart("", lambda: _trend(data), 7.5)]
    if data.levels:
        blocks.append(Chart("", lambda: _levels(data), 7.5))
    subunits = [(c.name, data.by_unit.get(c.id, UnitFigures())) for c in children(session, unit)]
    if subunits:
        blocks.append(Chart("", lambda: _shares(subunits), 7.5))
    if data.complaint_categories:
        blocks.append(Chart("", lambda: _pareto(data), 7.5))
    return blocks


def _trend(data: MonthlyData) -> Any:
    months = [month_key(m.start) for m in data.period.months_back(12)]
    figure = _figure(t(QT_TRANSLATE_NOOP("reports", "New customers and visits per month")))
    axes = figure.add_subplot()
    orgs = [data.new_by_month.get(m, {}).get("organisation", 0) for m in months]
    people = [data.new_by_month.get(m, {}).get("person", 0) for m in months]
    x = range(len(months))
    axes.bar(x, orgs, color=BLUE, label=label(CUSTOMER_KINDS, "organisation"))
    axes.bar(x, people, bottom=orgs, color=ORANGE, label=label(CUSTOMER_KINDS, "person"))
    axes.set_ylabel(t(QT_TRANSLATE_NOOP("reports", "New customers")))
    axes.set_xticks(list(x), [m[2:] for m in months], fontsize=8)
    visits = axes.twinx()
    visits.plot(list(x), [data.visits_by_month.get(m, 0) for m in months], color=GREEN,
                marker="o", label=t(QT_TRANSLATE_NOOP("reports", "Visits")))  # fmt: skip
    visits.set_ylabel(t(QT_TRANSLATE_NOOP("reports", "Visits")))
    visits.set_ylim(bottom=0)
    handles = axes.get_legend_handles_labels()
    more = visits.get_legend_handles_labels()
    # below the axes: the bars fill the plot up to its top
    figure.legend(handles[0] + more[0], handles[1] + more[1], loc="outside lower center",
                  ncol=3, fontsize=8)  # fmt: skip
    return figure


def _levels(data: MonthlyData) -> Any:
    from desktop_crm.reports.monthly import _level_key

    figure = _figure(t(QT_TRANSLATE_NOOP("reports", "Customers by level and kind")))
    axes = figure.add_subplot()
    names = sorted({lv for lv, _k in data.levels}, key=_level_key)
    x = range(len(names))
    orgs = [data.levels.get((lv, "organisation"), 0) for lv in names]
    people = [data.levels.get((lv, "person"), 0) for lv in names]
    axes.bar(x, orgs, color=BLUE, label=label(CUSTOMER_KINDS, "organisation"))
    axes.bar(x, people, bottom=orgs, color=ORANGE, label=label(CUSTOMER_KINDS, "person"))
    axes.set_xticks(list(x), [n or t(QT_TRANSLATE_NOOP("reports", "(no level)")) for n in names])
    axes.set_ylabel(t(QT_TRANSLATE_NOOP("reports", "Customers")))
    axes.legend(fontsize=8)
    return figure


def _shares(rows: list[tuple[str, UnitFigures]]) -> Any:
    figure = _figure(t(QT_TRANSLATE_NOOP("reports", "Card and big-customer shares by unit")))
    axes = figure.add_subplot()
    x = list(range(len(rows)))
    card = [100 * u.card_litres / u.litres if u.litres else 0 for _n, u in rows]
    big = [100 * u.big_litres / u.litres if u.litres else 0 for _n, u in rows]
    axes.bar([i - 0.2 for i in x], card, width=0.4, color=BLUE,
             label=t(QT_TRANSLATE_NOOP("reports", "Share of litres paid by card")))  # fmt: skip
    axes.bar([i + 0.2 for i in x], big, width=0.4, color=ORANGE,
             label=t(QT_TRANSLATE_NOOP("reports", "Big customers' share of litres")))  # fmt: skip
    axes.set_xticks(x, [n for n, _u in rows], fontsize=8, rotation=30 if len(rows) > 6 else 0,
                    ha="right" if len(rows) > 6 else "center")  # fmt: skip
    axes.set_ylim(0, 100)
    _percent_axis(axes)
    axes.legend(fontsize=8)
    return figure


def _pareto(data: MonthlyData) -> Any:
    figure = _figure(t(QT_TRANSLATE_NOOP("reports", "Complaints by category")))
    axes = figure.add_subplot()
    names = [c for c, _n in data.complaint_categories]
    counts = [n for _c, n in data.complaint_categories]
    total = sum(counts) or 1
    x = list(range(len(names)))
    from matplotlib.ticker import MaxNLocator

    axes.bar(x, counts, color=BLUE)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xticks(x, names, fontsize=8)
    axes.set_ylabel(t(QT_TRANSLATE_NOOP("reports", "Complaints")))
    running, cumulative = 0, []
    for n in counts:
        running += n
        cumulative.append(100 * running / total)
    share = axes.twinx()
    share.plot(x, cumulative, color=ORANGE, marker="o")
    share.axhline(80, color=GREY, linestyle="--", linewidth=0.8)
    share.set_ylim(0, 105)
    _percent_axis(share)
    return figure
