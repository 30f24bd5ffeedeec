"""One matplotlib Figure per chart, labelled in the user's language with the shipped
CJK font; and ``CHARTS``, the list the charts tab and the monthly pack draw from.

A frame with nothing to show gives a figure that says so (``NO_DATA``), never empty
axes. Bars that stand for a unit (or a level below a leaf unit) are pickable and carry
the id to drill into as their ``gid``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.i18n import translate_message
from desktop_crm.reports import indicators as ind
from desktop_crm.reports.fonts import setup_matplotlib
from desktop_crm.reports.scope import ChartPeriod, ChartScope
from desktop_crm.services.customer_options import KINDS

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CONTEXT = "charts"
NO_DATA = QT_TRANSLATE_NOOP("charts", "No data in this scope")
COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#7f7f7f"]
LEVEL_PREFIX = "level:"  # gid of a level's bar below a leaf unit


def t(text: str, **params: Any) -> str:
    return translate_message(CONTEXT, text, params)


Indicator = Callable[[Session, ChartScope, ChartPeriod], "pd.DataFrame"]
Drawer = Callable[["pd.DataFrame", ChartScope, ChartPeriod], "Figure"]


@dataclass(frozen=True)
class ChartSpec:
    name: str
    title: str  # English source text, context "charts": show it with t(spec.title)
    indicator: Indicator
    figure: Drawer
    drills: bool  # bars stand for child units: a click goes one level down

    def render(self, session: Session, scope: ChartScope, period: ChartPeriod) -> Figure:
        return self.figure(self.indicator(session, scope, period), scope, period)


# -- helpers ---------------------------------------------------------------------------------
def new_figure(title: str, subtitle: str = "") -> Figure:
    setup_matplotlib()
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 5), dpi=100, layout="constrained")
    figure.suptitle(title + (f"\n{subtitle}" if subtitle else ""), fontsize=13)
    return figure


def empty_figure(title: str, subtitle: str = "") -> Figure:
    figure = new_figure(title, subtitle)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.text(0.5, 0.5, t(NO_DATA), ha="center", va="center", fontsize=16, color="#666")
    figure.no_data = True  # type: ignore[attr-defined]
    return figure


def is_empty(figure: Figure) -> bool:
    return bool(getattr(figure, "no_data", False))


def _nothing(frame: pd.DataFrame, columns: list[str]) -> bool:
    if frame.empty:
        return True
    return not any(frame[c].fillna(0).abs().sum() > 0 for c in columns if c in frame)


def _scope_line(scope: ChartScope, period: ChartPeriod) -> str:
    return f"{scope.unit.name} · {period.text}"


def _pickable(bars: Any, keys: list[str]) -> None:
    for bar, key in zip(bars, keys, strict=True):
        bar.set_gid(key)
        bar.set_picker(True)


def _integer_axis(axes: Axes) -> None:
    """Counts: whole-number ticks only (no 0.5 customers)."""
    from matplotlib.ticker import MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(integer=True))


def _thousands_axis(axes: Axes) -> None:
    """Large amounts written out (3,500,000), not as 3.5 with "1e6" above the axis."""
    from matplotlib.ticker import StrMethodFormatter

    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


def _percent_axis(axes: Axes) -> None:
    from matplotlib.ticker import PercentFormatter

    axes.yaxis.set_major_formatter(PercentFormatter(decimals=0))


def _month_ticks(axes: Axes, months: list[str]) -> None:
    axes.set_xticks(range(len(months)))
    axes.set_xticklabels(months, rotation=45, ha="right", fontsize=8)


def kind_label(kind: str) -> str:
    source = KINDS.get(kind)
    return translate_message("customers", source) if source else kind


# -- the charts -------------------------------------------------------------------------------
def draw_customers_by_level(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "Customers by level and kind"))
    if _nothing(frame, ["n"]):
        return empty_figure(title, _scope_line(scope, period))
    figure = new_figure(title, _scope_line(scope, period))
    left, right = figure.subplots(1, 2, width_ratios=[3, 2])
    leaf = scope.breakdown == "customers"
    no_level = t(QT_TRANSLATE_NOOP("charts", "No level"))
    if leaf:
        # Below a leaf unit: one bar per level; a click lists that level's customers.
        by_level = frame.groupby("level", sort=False)["n"].sum()
        labels = [lv or no_level for lv in by_level.index]
        bars = left.bar(labels, by_level.to_numpy(), color=COLORS[0])
        _pickable(bars, [LEVEL_PREFIX + lv for lv in by_level.index])
        left.bar_label(bars, fontsize=8)
        left.set_xlabel(t(QT_TRANSLATE_NOOP("charts", "Level")))
    else:
        table = frame.pivot_table(
            index=["key", "group"], columns="level", values="n", aggfunc="sum", sort=False
        ).fillna(0)
        bottom = None
        for i, level in enumerate(table.columns):
            values = table[level].to_numpy()
            bars = left.bar(
                [g for _, g in table.index],
                values,
                bottom=bottom,
                label=level or no_level,
                color=COLORS[i % len(COLORS)],
            )
            _pickable(bars, [k for k, _ in table.index])
            bottom = values if bottom is None else bottom + values
        left.legend(fontsize=8, title=t(QT_TRANSLATE_NOOP("charts", "Level")))
        left.tick_params(axis="x", labelrotation=30, labelsize=8)
    left.set_ylabel(t(QT_TRANSLATE_NOOP("charts", "Customers")))
    left.set_title(t(QT_TRANSLATE_NOOP("charts", "By level")), fontsize=10)
    kinds = frame.groupby("kind")["n"].sum()
    right.pie(
        kinds.to_numpy(),
        labels=[kind_label(k) for k in kinds.index],
        autopct="%1.0f%%",
        colors=COLORS[2:],
    )
    right.set_title(t(QT_TRANSLATE_NOOP("charts", "By kind")), fontsize=10)
    return figure


# -- shared by the month charts -----------------------------------------------------------------
# A bar series: (column, label, colour; None: the next colour of the axes).
Series = tuple[str, str, "str | None"]
# A line on the second y axis: (column, marker style, colour, label).
Line = tuple[str, str, str, str]


def _start(
    title: str, frame: pd.DataFrame, columns: list[str], scope: ChartScope, period: ChartPeriod
) -> tuple[Figure, Axes | None]:
    """The figure with one axes; or the empty figure (and None) when ``columns`` of
    ``frame`` hold nothing."""
    if _nothing(frame, columns):
        return empty_figure(title, _scope_line(scope, period)), None
    figure = new_figure(title, _scope_line(scope, period))
    return figure, figure.add_subplot()


def _grouped_bars(axes: Axes, frame: pd.DataFrame, series: list[Series], width: float) -> None:
    """One bar per row and series, the series side by side around each row's tick."""
    x = range(len(frame))
    middle = (len(series) - 1) / 2
    for k, (column, label, color) in enumerate(series):
        offset = (k - middle) * width
        axes.bar([i + offset for i in x], frame[column], width, label=label, color=color)


def _month_axis(axes: Axes, frame: pd.DataFrame, ylabel: str) -> None:
    """Counts per month: the label, whole-number ticks and the months below."""
    axes.set_ylabel(ylabel)
    _integer_axis(axes)
    _month_ticks(axes, list(frame["month"]))


def _twin_lines(axes: Axes, frame: pd.DataFrame, lines: list[Line]) -> Axes:
    """A second y axis on the right with ``lines`` drawn on it."""
    twin = axes.twinx()
    x = list(range(len(frame)))
    for column, style, color, label in lines:
        twin.plot(x, frame[column], style, color=color, label=label)
    return twin


def _joint_legend(axes: Axes, twin: Axes, loc: str) -> None:
    """One legend for the bars of ``axes`` and the lines of ``twin``."""
    handles, labels = axes.get_legend_handles_labels()
    more_handles, more_labels = twin.get_legend_handles_labels()
    axes.legend(handles + more_handles, labels + more_labels, fontsize=8, loc=loc)


def draw_new_customers(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "New customers per month and year-on-year growth"))
    figure, axes = _start(title, frame, ["unit", "person"], scope, period)
    if axes is None:
        return figure
    _grouped_bars(axes, frame, [("unit", kind_label("organisation"), None),
                                ("person", kind_label("person"), None)], 0.4)  # fmt: skip
    _month_axis(axes, frame, t(QT_TRANSLATE_NOOP("charts", "New customers")))
    growth = _twin_lines(axes, frame, [
        ("unit_growth", "o-", COLORS[3], t(QT_TRANSLATE_NOOP("charts", "Unit growth (YoY)"))),
        ("person_growth", "s--", COLORS[4],
         t(QT_TRANSLATE_NOOP("charts", "Individual growth (YoY)"))),
    ])  # fmt: skip
    growth.axhline(0, color="#999", linewidth=0.8)
    _percent_axis(growth)
    growth.set_ylabel(t(QT_TRANSLATE_NOOP("charts", "Year-on-year growth")))
    _joint_legend(axes, growth, "upper left")
    return figure


def draw_card_ratio(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "Card payment ratio per month"))
    figure, axes = _start(title, frame, ["litres"], scope, period)
    if axes is None:
        return figure
    x = list(range(len(frame)))
    litres = t(QT_TRANSLATE_NOOP("charts", "Litres"))
    axes.bar(x, frame["litres"], color="#c6dbef", label=litres)
    axes.bar(x, frame["card_litres"], color=COLORS[0],
             label=t(QT_TRANSLATE_NOOP("charts", "Litres paid by card")))  # fmt: skip
    axes.set_ylabel(litres)
    _thousands_axis(axes)
    _month_ticks(axes, list(frame["month"]))
    ratio = _twin_lines(axes, frame, [
        ("ratio", "o-", COLORS[1], t(QT_TRANSLATE_NOOP("charts", "Card payment ratio"))),
    ])  # fmt: skip
    ratio.set_ylim(0, 100)
    _percent_axis(ratio)
    _joint_legend(axes, ratio, "lower left")
    return figure


def draw_big_share(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "Big customers' share of station volume"))
    figure, axes = _start(title, frame, ["litres"], scope, period)
    if axes is None:
        return figure
    bars = axes.bar(list(frame["group"]), frame["share"].fillna(0), color=COLORS[0])
    _pickable(bars, list(frame["key"]))
    axes.bar_label(bars, labels=[f"{v:.0f}%" for v in frame["share"].fillna(0)], fontsize=8)
    axes.set_ylim(0, 100)
    _percent_axis(axes)
    axes.set_ylabel(t(QT_TRANSLATE_NOOP("charts", "Share of litres")))
    axes.tick_params(axis="x", labelrotation=30, labelsize=8)
    return figure


def draw_level_changes(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "Level changes per month"))
    figure, axes = _start(title, frame, ["up", "down"], scope, period)
    if axes is None:
        return figure
    x = list(range(len(frame)))
    axes.bar(x, frame["up"], color=COLORS[2], label=t(QT_TRANSLATE_NOOP("charts", "Up")))
    axes.bar(x, -frame["down"], color=COLORS[3], label=t(QT_TRANSLATE_NOOP("charts", "Down")))
    axes.axhline(0, color="#333", linewidth=0.8)
    from matplotlib.ticker import FuncFormatter

    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))  # down is below
    _month_axis(axes, frame, t(QT_TRANSLATE_NOOP("charts", "Customers")))
    axes.legend(fontsize=8)
    return figure


def draw_loss_rate(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "Customer loss rate per month"))
    figure, axes = _start(title, frame, ["active", "lost", "new"], scope, period)
    if axes is None:
        return figure
    _grouped_bars(axes, frame, [
        ("lost", t(QT_TRANSLATE_NOOP("charts", "Lost")), COLORS[3]),
        ("won_back", t(QT_TRANSLATE_NOOP("charts", "Won back")), COLORS[2]),
    ], 0.4)  # fmt: skip
    _month_axis(axes, frame, t(QT_TRANSLATE_NOOP("charts", "Customers")))
    highest = max(frame["lost"].max(), frame["won_back"].max())
    if highest > 0:  # room above the bars for the definition of "lost" (top right)
        axes.set_ylim(top=highest * 1.2)
    rate = _twin_lines(axes, frame, [
        ("rate", "o-", COLORS[0], t(QT_TRANSLATE_NOOP("charts", "Loss rate"))),
    ])  # fmt: skip
    _percent_axis(rate)
    rate.set_ylim(bottom=0)
    _joint_legend(axes, rate, "upper left")
    days = frame.attrs.get("lost_days", ind.DEFAULT_LOST_DAYS)
    definition = t(
        QT_TRANSLATE_NOOP("charts", "Lost: no visit for more than {days} days"), days=days
    )
    axes.text(
        0.99,
        0.98,
        definition,
        transform=axes.transAxes,
        ha="right",
        va="top",
        fontsize=9,
        bbox={"boxstyle": "round", "facecolor": "#fff8dc", "edgecolor": "#ccc"},
    )
    return figure


def draw_callbacks(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "Callbacks due, done and on time; satisfaction"))
    figure, axes = _start(title, frame, ["due", "done"], scope, period)
    if axes is None:
        return figure
    _grouped_bars(axes, frame, [
        ("due", t(QT_TRANSLATE_NOOP("charts", "Due")), "#9ecae1"),
        ("done", t(QT_TRANSLATE_NOOP("charts", "Done")), COLORS[0]),
        ("on_time", t(QT_TRANSLATE_NOOP("charts", "On time")), COLORS[2]),
    ], 0.27)  # fmt: skip
    _month_axis(axes, frame, t(QT_TRANSLATE_NOOP("charts", "Callbacks")))
    satisfaction = t(QT_TRANSLATE_NOOP("charts", "Satisfaction (1-5)"))
    sat = _twin_lines(axes, frame, [("satisfaction", "o-", COLORS[1], satisfaction)])
    sat.set_ylim(0, 5.2)
    sat.set_ylabel(satisfaction)
    _joint_legend(axes, sat, "upper left")
    return figure


def draw_complaints_pareto(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "Complaints by category (Pareto)"))
    figure, axes = _start(title, frame, ["n"], scope, period)
    if axes is None:
        return figure
    x = list(range(len(frame)))
    complaints = t(QT_TRANSLATE_NOOP("charts", "Complaints"))
    bars = axes.bar(x, frame["n"], color=COLORS[0], label=complaints)
    axes.bar_label(bars, fontsize=8)
    axes.set_xticks(x)
    axes.set_xticklabels(list(frame["category"]), rotation=30, ha="right", fontsize=9)
    axes.set_ylabel(complaints)
    _integer_axis(axes)
    cumulative = _twin_lines(axes, frame, [
        ("cumulative", "o-", COLORS[3], t(QT_TRANSLATE_NOOP("charts", "Cumulative share"))),
    ])  # fmt: skip
    cumulative.axhline(80, color="#999", linestyle="--", linewidth=0.8)
    cumulative.set_ylim(0, 105)
    _percent_axis(cumulative)
    _joint_legend(axes, cumulative, "center right")
    return figure


def draw_complaints_on_time(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(QT_TRANSLATE_NOOP("charts", "Complaints closed within the deadline"))
    figure, axes = _start(title, frame, ["n"], scope, period)
    if axes is None:
        return figure
    _grouped_bars(axes, frame, [
        ("n", t(QT_TRANSLATE_NOOP("charts", "Received")), "#9ecae1"),
        ("on_time", t(QT_TRANSLATE_NOOP("charts", "Closed on time")), COLORS[2]),
        ("overdue_open", t(QT_TRANSLATE_NOOP("charts", "Open past the deadline")), COLORS[3]),
    ], 0.27)  # fmt: skip
    _month_axis(axes, frame, t(QT_TRANSLATE_NOOP("charts", "Complaints")))
    share = _twin_lines(axes, frame, [
        ("share", "o-", COLORS[1], t(QT_TRANSLATE_NOOP("charts", "Share closed on time"))),
    ])  # fmt: skip
    share.set_ylim(0, 105)
    _percent_axis(share)
    _joint_legend(axes, share, "upper left")
    return figure


def draw_per_employee(frame: pd.DataFrame, scope: ChartScope, period: ChartPeriod) -> Figure:
    title = t(
        QT_TRANSLATE_NOOP("charts", "Per employee: customers maintained, callbacks, complaints")
    )
    target = frame.attrs.get("target", 15)
    if frame.empty:
        return empty_figure(title, _scope_line(scope, period))
    figure = new_figure(title, _scope_line(scope, period))
    left, right = figure.subplots(1, 2, width_ratios=[3, 2])
    leaf = scope.breakdown == "customers"
    shown = frame.head(40)
    values = shown["maintained"] if leaf else shown["per_employee"].fillna(0)
    colors = [COLORS[2] if v >= target else COLORS[3] for v in values]
    bars = left.bar(list(shown["group"]), values, color=colors)
    if not leaf:
        _pickable(bars, list(shown["key"]))
    left.axhline(target, color="#333", linestyle="--", linewidth=1)
    left.text(
        0,
        target,
        " " + t(QT_TRANSLATE_NOOP("charts", "Target 1:{n}"), n=target),
        va="bottom",
        fontsize=8,
    )
    left.set_ylabel(
        t(QT_TRANSLATE_NOOP("charts", "Customers maintained"))
        if leaf
        else t(QT_TRANSLATE_NOOP("charts", "Customers per employee"))
    )
    left.tick_params(axis="x", labelrotation=45, labelsize=8)
    x = list(range(len(shown)))
    width = 0.4
    right.bar(
        [i - width / 2 for i in x],
        shown["callbacks"],
        width,
        label=t(QT_TRANSLATE_NOOP("charts", "Callbacks done")),
    )
    right.bar(
        [i + width / 2 for i in x],
        shown["complaints"],
        width,
        label=t(QT_TRANSLATE_NOOP("charts", "Complaints handled")),
    )
    right.set_xticks(x)
    right.set_xticklabels(list(shown["group"]), rotation=45, ha="right", fontsize=8)
    right.legend(fontsize=8)
    _integer_axis(right)
    return figure


# -- the list -------------------------------------------------------------------------------
def _spec(name: str, title: str, indicator: Indicator, figure: Drawer, drills: bool) -> ChartSpec:
    return ChartSpec(name, title, indicator, figure, drills)


CHARTS: dict[str, ChartSpec] = {
    spec.name: spec
    for spec in (
        _spec(
            "customers_by_level",
            QT_TRANSLATE_NOOP("charts", "Customers by level and kind"),
            ind.customers_by_level,
            draw_customers_by_level,
            True,
        ),
        _spec(
            "new_customers",
            QT_TRANSLATE_NOOP("charts", "New customers per month and year-on-year growth"),
            ind.new_customers,
            draw_new_customers,
            False,
        ),
        _spec(
            "card_ratio",
            QT_TRANSLATE_NOOP("charts", "Card payment ratio per month"),
            ind.card_ratio,
            draw_card_ratio,
            False,
        ),
        _spec(
            "big_share",
            QT_TRANSLATE_NOOP("charts", "Big customers' share of station volume"),
            ind.big_share,
            draw_big_share,
            True,
        ),
        _spec(
            "level_changes",
            QT_TRANSLATE_NOOP("charts", "Level changes per month"),
            ind.level_changes,
            draw_level_changes,
            False,
        ),
        _spec(
            "loss_rate",
            QT_TRANSLATE_NOOP("charts", "Customer loss rate per month"),
            ind.loss_rate,
            draw_loss_rate,
            False,
        ),
        _spec(
            "callbacks",
            QT_TRANSLATE_NOOP("charts", "Callbacks due, done and on time; satisfaction"),
            ind.callbacks,
            draw_callbacks,
            False,
        ),
        _spec(
            "complaints_pareto",
            QT_TRANSLATE_NOOP("charts", "Complaints by category (Pareto)"),
            ind.complaints_pareto,
            draw_complaints_pareto,
            False,
        ),
        _spec(
            "complaints_on_time",
            QT_TRANSLATE_NOOP("charts", "Complaints closed within the deadline"),
            ind.complaints_on_time,
            draw_complaints_on_time,
            False,
        ),
        _spec(
            "per_employee",
            QT_TRANSLATE_NOOP(
                "charts", "Per employee: customers maintained, callbacks, complaints"
            ),
            ind.per_employee,
            draw_per_employee,
            True,
        ),
    )
}


# -- table headers (charts tab table, Excel export, the monthly pack) ----------------------------
COLUMNS: dict[str, str] = {
    "group": QT_TRANSLATE_NOOP("charts", "Unit"),
    "name": QT_TRANSLATE_NOOP("charts", "Name"),
    "month": QT_TRANSLATE_NOOP("charts", "Month"),
    "level": QT_TRANSLATE_NOOP("charts", "Level"),
    "kind": QT_TRANSLATE_NOOP("charts", "Kind"),
    "tier": QT_TRANSLATE_NOOP("charts", "Volume tier"),
    "last_visit": QT_TRANSLATE_NOOP("charts", "Last visit"),
    "n": QT_TRANSLATE_NOOP("charts", "Count"),
    "unit": QT_TRANSLATE_NOOP("charts", "Unit customers"),
    "person": QT_TRANSLATE_NOOP("charts", "Individual customers"),
    "unit_last_year": QT_TRANSLATE_NOOP("charts", "Unit, a year earlier"),
    "person_last_year": QT_TRANSLATE_NOOP("charts", "Individual, a year earlier"),
    "unit_growth": QT_TRANSLATE_NOOP("charts", "Unit growth (YoY) %"),
    "person_growth": QT_TRANSLATE_NOOP("charts", "Individual growth (YoY) %"),
    "visits": QT_TRANSLATE_NOOP("charts", "Visits"),
    "litres": QT_TRANSLATE_NOOP("charts", "Litres"),
    "card_litres": QT_TRANSLATE_NOOP("charts", "Litres paid by card"),
    "amount": QT_TRANSLATE_NOOP("charts", "Amount (fen)"),
    "card_amount": QT_TRANSLATE_NOOP("charts", "Amount by card (fen)"),
    "ratio": QT_TRANSLATE_NOOP("charts", "Card payment ratio %"),
    "amount_ratio": QT_TRANSLATE_NOOP("charts", "Card ratio by amount %"),
    "big_litres": QT_TRANSLATE_NOOP("charts", "Litres of big customers"),
    "share": QT_TRANSLATE_NOOP("charts", "Share %"),
    "up": QT_TRANSLATE_NOOP("charts", "Up"),
    "down": QT_TRANSLATE_NOOP("charts", "Down"),
    "other": QT_TRANSLATE_NOOP("charts", "First level or removed"),
    "active": QT_TRANSLATE_NOOP("charts", "Active at the start"),
    "lost": QT_TRANSLATE_NOOP("charts", "Lost"),
    "won_back": QT_TRANSLATE_NOOP("charts", "Won back"),
    "new": QT_TRANSLATE_NOOP("charts", "New"),
    "rate": QT_TRANSLATE_NOOP("charts", "Loss rate %"),
    "due": QT_TRANSLATE_NOOP("charts", "Due"),
    "done": QT_TRANSLATE_NOOP("charts", "Done"),
    "on_time": QT_TRANSLATE_NOOP("charts", "On time"),
    "satisfaction": QT_TRANSLATE_NOOP("charts", "Satisfaction (1-5)"),
    "rated": QT_TRANSLATE_NOOP("charts", "Rated calls"),
    "on_time_share": QT_TRANSLATE_NOOP("charts", "On time %"),
    "category": QT_TRANSLATE_NOOP("charts", "Category"),
    "cumulative": QT_TRANSLATE_NOOP("charts", "Cumulative %"),
    "closed": QT_TRANSLATE_NOOP("charts", "Closed"),
    "overdue_open": QT_TRANSLATE_NOOP("charts", "Open past the deadline"),
    "employees": QT_TRANSLATE_NOOP("charts", "Employees"),
    "maintained": QT_TRANSLATE_NOOP("charts", "Customers maintained"),
    "callbacks": QT_TRANSLATE_NOOP("charts", "Callbacks done"),
    "complaints": QT_TRANSLATE_NOOP("charts", "Complaints handled"),
    "reached": QT_TRANSLATE_NOOP("charts", "Reaching the target"),
    "per_employee": QT_TRANSLATE_NOOP("charts", "Customers per employee"),
    "station": QT_TRANSLATE_NOOP("charts", "Station"),
    "score": QT_TRANSLATE_NOOP("charts", "Score S"),
    "grade": QT_TRANSLATE_NOOP("charts", "Grade"),
    "abc": QT_TRANSLATE_NOOP("charts", "ABC class"),
    "proposed": QT_TRANSLATE_NOOP("charts", "Proposed level"),
    "revenue": QT_TRANSLATE_NOOP("charts", "Revenue score"),
    "volume": QT_TRANSLATE_NOOP("charts", "Volume score"),
    "credit": QT_TRANSLATE_NOOP("charts", "Credit score"),
    "growth": QT_TRANSLATE_NOOP("charts", "Growth score"),
}
HIDDEN_COLUMNS = frozenset({"key", "id", "recent", "differs"})


def table_columns(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(column, header in the user's language) of the columns a person reads."""
    return [(c, t(COLUMNS.get(c, c))) for c in frame.columns if c not in HIDDEN_COLUMNS]


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as a table shows it: kinds by their name, an empty level as "No level"."""
    shown = frame.copy()
    if "kind" in shown:
        shown["kind"] = [kind_label(k) for k in shown["kind"]]
    for column in ("level", "proposed"):
        if column in shown:
            none = t(QT_TRANSLATE_NOOP("charts", "No level"))
            shown[column] = [v or none for v in shown[column]]
    shown.attrs = dict(frame.attrs)
    return shown
