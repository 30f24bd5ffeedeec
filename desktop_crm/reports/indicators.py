"""The indicators of the charts tab and the monthly pack, each a pandas frame.

Each function takes a session, a ChartScope and a ChartPeriod and returns a frame
rolled up from the cached per-station aggregates of ``reports.base``: the work is
SQL ``GROUP BY``; pandas only adds up a few thousand rows. Frames that break down by
unit carry ``key`` (the child unit's id, or the unit itself below a leaf) and
``group`` (its name): clicking a bar drills into ``key``.

Definitions (settings under ``charts.*``):
- new customers: files created in the month (``customers.created_at``), unit
  (organisation) and individual, against the same month a year earlier;
- 持卡消费比率: litres paid by card / all litres of the month;
- big customers: volume tier in ``charts.big_customer_tiers`` or tagged 大客户;
- lost: a customer not seen for more than ``charts.lost_days`` days after a visit is
  lost on that day; a visit later wins them back. Loss rate of a month = customers
  lost in it / customers active (not lost, seen before) on its first day. A customer
  counts at the station of the visit concerned;
- callbacks: due = tasks due in the month (not cancelled); done; on time = recorded
  no later than the due date; satisfaction = mean 1..5 of the calls recorded in the
  month;
- complaints: complaints (not suggestions) received in the period, by category; closed
  on time = closed by the closing deadline plus the time paused; share = on time /
  (closed + still open past the deadline);
- per employee: active users (not auditors) with the customers they maintain, their
  callbacks done and complaints closed in the period; target
  ``workload.min_customers`` (1:15).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop_crm.models import CustomerKind
from desktop_crm.reports import base
from desktop_crm.reports.scope import ChartPeriod, ChartScope, add_months
from desktop_crm.services import customer_options
from desktop_crm.services.settings import get_setting

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_LOST_DAYS = 90
UNIT, PERSON = CustomerKind.ORGANISATION.value, CustomerKind.PERSON.value


# -- settings --------------------------------------------------------------------------
def lost_days(session: Session) -> int:
    return int(get_setting(session, "charts.lost_days") or DEFAULT_LOST_DAYS)


def big_tiers(session: Session) -> list[str]:
    return list(get_setting(session, "charts.big_customer_tiers") or [])


def per_employee_target(session: Session) -> int:
    """The 1:15 rule: the workload setting's minimum of customers per employee."""
    return int(get_setting(session, "workload.min_customers") or 15)


# -- rolling stations up into a scope ------------------------------------------------------
def _groups(session: Session, scope: ChartScope) -> pd.DataFrame:
    """org id -> (key, group) for every unit of the scope's subtree."""
    import pandas as pd

    units = base.units(session)
    inside = units[units["path"].str.startswith(scope.unit.path)]
    mapping = []
    for org, path in zip(inside["org"], inside["path"], strict=True):
        target = next((c for c in scope.children if path.startswith(c.path)), scope.unit)
        mapping.append((org, target.id, target.name, target.code))
    return pd.DataFrame(mapping, columns=["org", "key", "group", "code"])


def _in_scope(session: Session, scope: ChartScope, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``frame`` inside the scope, with ``key`` / ``group`` / ``code`` added."""
    return frame.merge(_groups(session, scope), on="org", how="inner")


def _inside(session: Session, scope: ChartScope, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``frame`` inside the scope, as they are (for sums over the whole scope)."""
    units = base.units(session)
    inside = units.loc[units["path"].str.startswith(scope.unit.path), "org"]
    return frame[frame["org"].isin(inside)]


def _months(period: ChartPeriod) -> list[str]:
    return [f"{m:%Y-%m}" for m in period.months]


def _day_number(day: date) -> int:
    return (day - date(1970, 1, 1)).days


def _as_of_ms(period: ChartPeriod) -> int:
    """The end of the period's "as of" day, in UTC ms."""
    from desktop_crm.reports.periods import local_midnight_ms

    return local_midnight_ms(period.today + timedelta(days=1))


def _by_month(frame: pd.DataFrame, period: ChartPeriod, columns: list[str]) -> pd.DataFrame:
    """Sum ``columns`` per month, every month of the period present (zeros where none)."""
    import pandas as pd

    months = _months(period)
    summed = frame[frame["month"].isin(months)].groupby("month")[columns].sum()
    out = summed.reindex(months, fill_value=0).reset_index()
    out.columns = ["month", *columns]
    return out if not out.empty else pd.DataFrame(columns=["month", *columns])


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    """part / whole as a percentage, NaN where whole is 0 (drawn as a gap, not as 0%)."""
    return (part / whole.where(whole != 0)) * 100.0


# -- 1. customers by level and kind ------------------------------------------------------------
def customers_by_level(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Live customers today per child unit, level and kind (columns key, group, level,
    kind, n). Files created after the period are left out."""
    end = f"{period.end:%Y-%m}"
    frame = base.customer_totals(session)
    last = frame.attrs.get("last_month")
    if last is None or end <= last:  # files created after the period: leave them out
        frame = base.customers(session)
        frame = frame[frame["month"] < end]
        # Sum the months away before rolling up: a few thousand rows instead of 250,000.
        frame = frame.groupby(["org", "kind", "level"], as_index=False)["n"].sum()
    frame = _in_scope(session, scope, frame)
    out = frame.groupby(["key", "code", "group", "level", "kind"], as_index=False)["n"].sum()
    order = {lv: i for i, lv in enumerate(customer_options.levels(session))}
    out["rank"] = out["level"].map(order).fillna(len(order))
    out = out.sort_values(["code", "rank", "kind"]).drop(columns=["rank", "code"])
    return out.reset_index(drop=True)


# -- 2. new customers per month with year-on-year growth ----------------------------------------
def new_customers(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Per month: new unit and individual customers, the same month a year earlier and
    the growth in percent (NaN when the year before had none)."""
    before = ChartPeriod(add_months(period.first, -12), add_months(period.last, -12))
    frame = base.customer_months(session)
    frame = frame[frame["month"].isin(_months(period) + _months(before))]
    frame = _inside(session, scope, frame)
    frame = frame.assign(
        unit=frame["n"].where(frame["kind"] == UNIT, 0),
        person=frame["n"].where(frame["kind"] == PERSON, 0),
    )
    now = _by_month(frame, period, ["unit", "person"])
    prior = _by_month(frame, before, ["unit", "person"])
    out = now.assign(
        unit_last_year=prior["unit"].to_numpy(), person_last_year=prior["person"].to_numpy()
    )
    out["unit_growth"] = _share(out["unit"] - out["unit_last_year"], out["unit_last_year"])
    out["person_growth"] = _share(out["person"] - out["person_last_year"], out["person_last_year"])
    return out


# -- 3. 持卡消费比率 ------------------------------------------------------------------------------
def _visits(session: Session, scope: ChartScope) -> pd.DataFrame:
    return _in_scope(session, scope, base.visits(session, big_tiers(session)))


def card_ratio(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Per month: litres, litres paid by card, and their ratio in percent (by money too)."""
    frame = _visits(session, scope)
    out = _by_month(frame, period, ["visits", "litres", "card_litres", "amount", "card_amount"])
    out["ratio"] = _share(out["card_litres"], out["litres"])
    out["amount_ratio"] = _share(out["card_amount"], out["amount"])
    return out


# -- 4. big customers' share of station volume -------------------------------------------------
def big_share(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Per child unit over the period: all litres, litres of big customers, share (%)."""
    frame = _visits(session, scope)
    frame = frame[frame["month"].isin(_months(period))]
    frame = frame.assign(big_litres=frame["litres"].where(frame["big"], 0.0))
    out = frame.groupby(["key", "code", "group"], as_index=False)[["litres", "big_litres"]].sum()
    out = out.sort_values("code").drop(columns=["code"]).reset_index(drop=True)
    out["share"] = _share(out["big_litres"], out["litres"])
    return out


# -- 5. level changes up and down --------------------------------------------------------------
def level_changes(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Per month: level changes up (towards VIP), down, and first levels given."""
    order = {lv: i for i, lv in enumerate(customer_options.levels(session))}
    frame = base.level_changes(session)
    frame = _in_scope(session, scope, frame[frame["month"].isin(_months(period))])
    old = frame["old"].map(order)
    new = frame["new"].map(order)
    known = old.notna() & new.notna()
    frame = frame.assign(
        up=frame["n"].where(known & (new < old), 0),
        down=frame["n"].where(known & (new > old), 0),
        other=frame["n"].where(~known, 0),
    )
    return _by_month(frame, period, ["up", "down", "other"])


# -- 6. customer loss rate ----------------------------------------------------------------------
def loss_rate(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Per month: customers active on its first day, lost, won back, new; rate in %.

    ``attrs["lost_days"]`` holds the definition shown on the chart."""
    days = lost_days(session)
    frame = _inside(session, scope, base.spells(session, days))
    # Every sum below depends on the day only: add the units up per day first.
    frame = frame.groupby("day", as_index=False)[["first", "back", "last"]].sum()
    today = _day_number(period.today)
    loss_day = frame["day"] + days
    rows = []
    for month in period.months:
        start, end = _day_number(month), _day_number(add_months(month, 1))
        seen = frame["day"] < start
        lost_before = (loss_day < start) & (loss_day <= today)
        active = int(frame.loc[seen, "first"].sum() + frame.loc[seen, "back"].sum())
        active -= int(frame.loc[lost_before, "last"].sum())
        in_month = (loss_day >= start) & (loss_day < end) & (loss_day <= today)
        during = (frame["day"] >= start) & (frame["day"] < end)
        rows.append(
            (
                f"{month:%Y-%m}",
                active,
                int(frame.loc[in_month, "last"].sum()),
                int(frame.loc[during, "back"].sum()),
                int(frame.loc[during, "first"].sum()),
            )
        )
    import pandas as pd

    out = pd.DataFrame(rows, columns=["month", "active", "lost", "won_back", "new"])
    out["rate"] = _share(out["lost"], out["active"])
    out.attrs["lost_days"] = days
    return out


# -- 7. callbacks ------------------------------------------------------------------------------
def callbacks(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Per month: callbacks due (not cancelled), done, done on time, mean satisfaction."""
    frame = _in_scope(session, scope, base.callbacks(session))
    live = frame[frame["status"] != "cancelled"]
    live = live.assign(due=live["n"], done=live["n"].where(live["status"] == "done", 0))
    out = _by_month(live, period, ["due", "done", "on_time"])
    rated = frame.assign(month=frame["recorded_month"])
    sat = _by_month(rated, period, ["sat_sum", "sat_n"])
    out["satisfaction"] = sat["sat_sum"] / sat["sat_n"].where(sat["sat_n"] != 0)
    out["rated"] = sat["sat_n"]
    out["on_time_share"] = _share(out["on_time"], out["due"])
    return out


# -- 8. complaints --------------------------------------------------------------------------
def complaints_pareto(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Complaints received in the period by category, most first, with the cumulative
    share in percent (a Pareto chart)."""
    frame = _in_scope(session, scope, base.complaints(session, _as_of_ms(period)))
    frame = frame[frame["month"].isin(_months(period))]
    out = frame.groupby("category", as_index=False)["n"].sum()
    out = out[out["n"] > 0].sort_values(["n", "category"], ascending=[False, True])
    out = out.reset_index(drop=True)
    total = out["n"].sum()
    out["cumulative"] = out["n"].cumsum() / total * 100.0 if total else out["n"] * 0.0
    return out


def complaints_on_time(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Per month received: complaints, closed, closed on time, open past the deadline,
    and the share closed within the deadline in percent."""
    frame = _in_scope(session, scope, base.complaints(session, _as_of_ms(period)))
    out = _by_month(frame, period, ["n", "closed", "on_time", "overdue_open"])
    out["share"] = _share(out["on_time"], out["closed"] + out["overdue_open"])
    return out


# -- 9. per employee ---------------------------------------------------------------------------
def per_employee(session: Session, scope: ChartScope, period: ChartPeriod) -> pd.DataFrame:
    """Below a leaf unit: one row per employee (customers maintained, callbacks done,
    complaints closed in the period); above: per child unit, employees, the mean
    customers per employee and how many employees reach the target (1:15)."""
    target = per_employee_target(session)
    people = _in_scope(session, scope, base.staff(session))
    work = base.staff_work(session)
    work = work[work["month"].isin(_months(period))]
    done = work.pivot_table(index="user", columns="what", values="n", aggfunc="sum")
    done = done.reindex(columns=["callbacks", "complaints"], fill_value=0).fillna(0)
    people = people.merge(done, left_on="user", right_index=True, how="left").fillna(
        {"callbacks": 0, "complaints": 0}
    )
    people["reached"] = people["maintained"] >= target
    if scope.breakdown == "customers":
        out = people.sort_values(["maintained", "name"], ascending=[False, True])
        out = out[["user", "name", "maintained", "callbacks", "complaints", "reached"]]
        out = out.rename(columns={"user": "key", "name": "group"}).reset_index(drop=True)
    else:
        out = (
            people.groupby(["key", "code", "group"], as_index=False)
            .agg(
                employees=("user", "count"),
                maintained=("maintained", "sum"),
                callbacks=("callbacks", "sum"),
                complaints=("complaints", "sum"),
                reached=("reached", "sum"),
            )
            .sort_values("code")
            .drop(columns=["code"])
            .reset_index(drop=True)
        )
        out["per_employee"] = out["maintained"] / out["employees"].where(out["employees"] != 0)
    for column in ("maintained", "callbacks", "complaints"):
        out[column] = out[column].astype(int)
    out.attrs["target"] = target
    return out


# -- below a leaf: the customers themselves ---------------------------------------------------
def customers_of(
    session: Session, unit_id: str, level: str | None = None, limit: int = 1000
) -> pd.DataFrame:
    """The live customers of one unit (optionally of one level), most recent visitor
    first: what a click on a station's bar opens."""
    from sqlalchemy import text

    sql = """
        SELECT id,
               coalesce(name, (SELECT w.plate FROM vehicles w
                               WHERE w.customer_id = customers.id AND w.deleted = 0 LIMIT 1), ''),
               kind, coalesce(level, ''), coalesce(volume_tier, ''),
               last_visit_at
        FROM customers
        WHERE org_unit_id = :org AND deleted = 0 {level}
        ORDER BY last_visit_at IS NULL, last_visit_at DESC LIMIT :limit
    """.format(level="AND coalesce(level, '') = :level" if level is not None else "")
    params: dict[str, object] = {"org": unit_id, "limit": limit}
    if level is not None:
        params["level"] = level
    import pandas as pd

    rows = session.execute(text(sql), params).all()
    frame = pd.DataFrame(
        [tuple(r) for r in rows], columns=["key", "name", "kind", "level", "tier", "last_visit"]
    )
    from desktop_crm.localtime import local_date

    frame["last_visit"] = [local_date(v) if v == v and v else "" for v in frame["last_visit"]]
    return frame
