"""Every chart indicator against a small data set computed by hand.

Two areas with a station each (conftest's org). Period: 2026-01 .. 2026-06, seen on
2026-06-30. "Lost" = no visit for more than 90 days (the default).

Customers (created):          visits (litres, card?):
  c1 person  A  GS0101 26-01-10   01-15 40 card, 02-10 50 cash, 06-20 30 card
                                  (lost 05-11, won back 06-20)
  c2 org     B  GS0101 26-02-05   03-05 100 card, 03-25 100 card   big (tier 大), lost 06-23
  c3 person  C  GS0201 25-02-10   01-05 20 cash (lost 04-05)
  c4 person  -  GS0201 26-02-20   no visits at all
  c5 org     D  GS0201 25-01-15   04-01 50 card, 05-01 50 cash (not lost by 06-30)
  c6 person  -  GS0101 26-01-02   deleted: counts nowhere
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.localtime import local_zone
from desktop_crm.models import (
    CallbackTask,
    Complaint,
    Customer,
    LevelChange,
    OrgKind,
    OrgUnit,
    Visit,
)
from desktop_crm.models.db import Database
from desktop_crm.reports import base
from desktop_crm.reports import indicators as ind
from desktop_crm.reports.figures import CHARTS, is_empty
from desktop_crm.reports.scope import ChartPeriod, ChartScope, scope_for
from desktop_crm.services.orgs import create_org_unit
from tests.conftest import Org

PERIOD = ChartPeriod(date(2026, 1, 1), date(2026, 6, 1), as_of=date(2026, 6, 30))
MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]


def ms(y: int, m: int, d: int, h: int = 10) -> int:
    return int(datetime(y, m, d, h, tzinfo=local_zone()).timestamp() * 1000)


@dataclass
class Data:
    org: Org
    ids: dict[str, str]


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    base.invalidate()
    yield
    base.invalidate()


def customer(s: Session, unit: OrgUnit, kind: str, level: str | None, created: int, **kw) -> str:
    row = Customer(
        kind=kind,
        name=kw.pop("name", None),
        level=level,
        profile_stage="complete",
        status="active",
        created_at=created,
        org_unit_id=unit.id,
        **kw,
    )
    s.add(row)
    s.flush()
    return row.id


def visit(s: Session, cid: str, unit: OrgUnit, at: int, litres: float, card: bool) -> None:
    s.add(
        Visit(
            customer_id=cid,
            visited_at=at,
            product="92#",
            litres=litres,
            amount_fen=int(litres * 800),
            paid_by_card=card,
            org_unit_id=unit.id,
        )
    )


@pytest.fixture
def data(db: Database, org: Org) -> Data:
    st, st2 = org.station, org.station2
    u = org.users
    with db.sessions.begin() as s:
        c1 = customer(
            s, st, "person", "A", ms(2026, 1, 10), name="甲", maintainer_id=u["staff"].id,
            last_visit_at=ms(2026, 6, 20),  # kept by the visit import
        )  # fmt: skip
        c2 = customer(
            s,
            st,
            "organisation",
            "B",
            ms(2026, 2, 5),
            volume_tier="大",
            maintainer_id=u["staff"].id,
        )
        c3 = customer(s, st2, "person", "C", ms(2025, 2, 10), maintainer_id=u["staff2"].id)
        c4 = customer(s, st2, "person", None, ms(2026, 2, 20), maintainer_id=u["staff2"].id)
        c5 = customer(s, st2, "organisation", "D", ms(2025, 1, 15), maintainer_id=u["staff2"].id)
        c6 = customer(s, st, "person", None, ms(2026, 1, 2), deleted=True)
        for cid, unit, day, litres, card in (
            (c1, st, (2026, 1, 15), 40, True),
            (c1, st, (2026, 2, 10), 50, False),
            (c1, st, (2026, 6, 20), 30, True),
            (c2, st, (2026, 3, 5), 100, True),
            (c2, st, (2026, 3, 25), 100, True),
            (c3, st2, (2026, 1, 5), 20, False),
            (c5, st2, (2026, 4, 1), 50, True),
            (c5, st2, (2026, 5, 1), 50, False),
        ):
            visit(s, cid, unit, ms(*day), litres, card)
        for cid, unit, old, new, at in (
            (c1, st, "B", "A", ms(2026, 3, 3)),
            (c2, st, "A", "B", ms(2026, 3, 4)),
            (c5, st2, "C", "D", ms(2026, 5, 6)),
            (c4, st2, None, "C", ms(2026, 2, 21)),
        ):
            s.add(
                LevelChange(
                    customer_id=cid,
                    old_level=old,
                    new_level=new,
                    changed_at=at,
                    org_unit_id=unit.id,
                )
            )
        for cid, unit, due, status, recorded, sat, by in (
            (c1, st, "2026-03-10", "done", ms(2026, 3, 9), 4, "staff"),
            (c2, st, "2026-03-20", "done", ms(2026, 3, 22), 2, "staff"),
            (c3, st2, "2026-03-15", "open", None, None, None),
            (c5, st2, "2026-04-05", "cancelled", None, None, None),
            (c5, st2, "2026-05-05", "done", ms(2026, 5, 5, 23), None, "staff2"),
        ):
            s.add(
                CallbackTask(
                    customer_id=cid,
                    reason="manual",
                    due_date=due,
                    status=status,
                    recorded_at=recorded,
                    recorded_by_id=u[by].id if by else None,
                    satisfaction=sat,
                    created_at=ms(2026, 1, 1),
                    org_unit_id=unit.id,
                )
            )
        day = 86_400_000
        for n, (unit, category, received, deadline, closed, paused, owner, kind) in enumerate(
            (
                (st, "服务态度", ms(2026, 2, 3), ms(2026, 2, 10), ms(2026, 2, 8), 0, "master", "complaint"),
                (st, "服务态度", ms(2026, 2, 5), ms(2026, 2, 10), ms(2026, 2, 12), 3 * day, "master", "complaint"),
                (st2, "油品质量", ms(2026, 2, 7), ms(2026, 2, 14), ms(2026, 2, 20), 0, "staff2", "complaint"),
                (st2, "价格", ms(2026, 4, 1), ms(2026, 4, 8), None, 0, "staff2", "complaint"),
                (st, "其他", ms(2026, 2, 1), None, None, 0, "master", "suggestion"),
            )
        ):  # fmt: skip
            s.add(
                Complaint(
                    number=f"K{n}",
                    type=kind,
                    source="phone",
                    category=category,
                    business_line="retail",
                    severity="一般",
                    level="station",
                    status="archived" if closed else "received",
                    received_at=received,
                    close_deadline=deadline,
                    closed_at=closed,
                    paused_ms=paused,
                    owner_id=u[owner].id,
                    org_unit_id=unit.id,
                )
            )
    return Data(org, {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "c5": c5, "c6": c6})


def scope(db: Database, unit: OrgUnit) -> ChartScope:
    with db.session() as s:
        return scope_for(s, unit.id)


def run(db: Database, name: str, unit: OrgUnit, period: ChartPeriod = PERIOD):
    with db.session() as s:
        return getattr(ind, name)(s, scope_for(s, unit.id), period)


def column(frame, name: str) -> list:
    return [None if isinstance(v, float) and math.isnan(v) else v for v in frame[name]]


# -- the indicators ------------------------------------------------------------------------------
def test_customers_by_level_and_kind_per_area(db: Database, data: Data) -> None:
    frame = run(db, "customers_by_level", data.org.company)
    rows = {
        (g, lv, k): n
        for g, lv, k, n in frame[["group", "level", "kind", "n"]].itertuples(index=False)
    }
    assert rows == {
        ("东城片区", "A", "person"): 1,
        ("东城片区", "B", "organisation"): 1,
        ("西城片区", "C", "person"): 1,
        ("西城片区", "", "person"): 1,
        ("西城片区", "D", "organisation"): 1,
    }
    assert set(frame["key"]) == {data.org.area.id, data.org.area2.id}
    # Levels in their configured order within each unit (VIP, A, B, C, D, none).
    assert list(frame[frame["group"] == "西城片区"]["level"]) == ["C", "D", ""]


def test_customers_created_after_the_period_are_left_out(db: Database, data: Data) -> None:
    early = ChartPeriod(date(2025, 1, 1), date(2025, 12, 1), as_of=date(2025, 12, 31))
    frame = run(db, "customers_by_level", data.org.company, early)
    assert frame["n"].sum() == 2  # c3 and c5, created in 2025


def test_new_customers_with_year_on_year_growth(db: Database, data: Data) -> None:
    frame = run(db, "new_customers", data.org.company)
    assert column(frame, "month") == MONTHS
    assert column(frame, "unit") == [0, 1, 0, 0, 0, 0]
    assert column(frame, "person") == [1, 1, 0, 0, 0, 0]  # the deleted c6 is not counted
    assert column(frame, "unit_last_year") == [1, 0, 0, 0, 0, 0]
    assert column(frame, "person_last_year") == [0, 1, 0, 0, 0, 0]
    assert column(frame, "unit_growth")[0] == -100.0
    assert column(frame, "unit_growth")[1] is None  # nothing a year earlier: no growth figure
    assert column(frame, "person_growth")[1] == 0.0


def test_card_ratio_per_month(db: Database, data: Data) -> None:
    frame = run(db, "card_ratio", data.org.company)
    assert column(frame, "litres") == [60, 50, 200, 50, 50, 30]
    assert column(frame, "card_litres") == [40, 0, 200, 50, 0, 30]
    assert [round(v, 2) for v in frame["ratio"]] == [66.67, 0.0, 100.0, 100.0, 0.0, 100.0]


def test_big_customers_share_by_area_and_station(db: Database, data: Data) -> None:
    frame = run(db, "big_share", data.org.company)
    rows = {
        g: (lt, big, share)
        for g, lt, big, share in frame[["group", "litres", "big_litres", "share"]].itertuples(
            index=False
        )
    }
    assert rows == {"东城片区": (320, 200, 62.5), "西城片区": (120, 0, 0.0)}
    station = run(db, "big_share", data.org.area)
    assert list(station["group"]) == ["东湖加油站"] and list(station["share"]) == [62.5]


def test_level_changes_up_and_down(db: Database, data: Data) -> None:
    frame = run(db, "level_changes", data.org.company)
    assert column(frame, "up") == [0, 0, 1, 0, 0, 0]
    assert column(frame, "down") == [0, 0, 1, 0, 1, 0]
    assert column(frame, "other") == [0, 1, 0, 0, 0, 0]  # a first level is neither
    only_west = run(db, "level_changes", data.org.area2)
    assert column(only_west, "up") == [0] * 6 and column(only_west, "down") == [0, 0, 0, 0, 1, 0]


def test_loss_rate_with_a_customer_lost_and_won_back(db: Database, data: Data) -> None:
    frame = run(db, "loss_rate", data.org.company)
    assert column(frame, "active") == [0, 2, 2, 3, 3, 2]
    assert column(frame, "lost") == [0, 0, 0, 1, 1, 1]  # c3 04-05, c1 05-11, c2 06-23
    assert column(frame, "won_back") == [0, 0, 0, 0, 0, 1]  # c1 on 06-20
    assert column(frame, "new") == [2, 0, 1, 1, 0, 0]
    rates = column(frame, "rate")
    assert rates[0] is None and rates[1:3] == [0.0, 0.0]
    assert [round(r, 2) for r in rates[3:]] == [33.33, 33.33, 50.0]
    assert frame.attrs["lost_days"] == 90
    # Seen on 06-22, c2 is not lost yet (06-23).
    before = ChartPeriod(PERIOD.first, PERIOD.last, as_of=date(2026, 6, 22))
    assert column(run(db, "loss_rate", data.org.company, before), "lost")[-1] == 0


def test_loss_rate_follows_the_setting(db: Database, data: Data) -> None:
    from desktop_crm.services.settings import put_setting

    with db.sessions.begin() as s:
        put_setting(
            s,
            s.get_one(type(data.org.users["admin"]), data.org.users["admin"].id),
            "charts.lost_days",
            30,
        )
    frame = run(db, "loss_rate", data.org.company)
    assert frame.attrs["lost_days"] == 30
    # 30 days: c3 lost 02-04, c1 03-12 (back 06-20), c2 04-24, c5 05-31.
    assert column(frame, "lost") == [0, 1, 1, 1, 1, 0]


def test_callbacks_due_done_on_time_and_satisfaction(db: Database, data: Data) -> None:
    frame = run(db, "callbacks", data.org.company)
    assert column(frame, "due") == [0, 0, 3, 0, 1, 0]  # the cancelled one is not due
    assert column(frame, "done") == [0, 0, 2, 0, 1, 0]
    assert column(frame, "on_time") == [0, 0, 1, 0, 1, 0]  # recorded 23:00 local on the day
    assert column(frame, "satisfaction") == [None, None, 3.0, None, None, None]


def test_complaints_pareto_and_closed_on_time(db: Database, data: Data) -> None:
    pareto = run(db, "complaints_pareto", data.org.company)
    assert column(pareto, "category") == ["服务态度", "价格", "油品质量"]  # no suggestion
    assert column(pareto, "n") == [2, 1, 1]
    assert column(pareto, "cumulative") == [50.0, 75.0, 100.0]
    on_time = run(db, "complaints_on_time", data.org.company)
    assert column(on_time, "n") == [0, 3, 0, 1, 0, 0]
    assert column(on_time, "on_time") == [0, 2, 0, 0, 0, 0]  # the paused one counts as on time
    assert column(on_time, "overdue_open") == [0, 0, 0, 1, 0, 0]
    shares = column(on_time, "share")
    assert round(shares[1], 2) == 66.67 and shares[3] == 0.0
    assert shares[2] is None  # March: a month without complaints has no share


def test_a_period_without_complaints(db: Database, data: Data) -> None:
    quiet = ChartPeriod(date(2026, 5, 1), date(2026, 6, 1), as_of=date(2026, 6, 30))
    assert run(db, "complaints_pareto", data.org.company, quiet).empty
    with db.session() as s:
        spec = CHARTS["complaints_pareto"]
        assert is_empty(spec.render(s, scope_for(s, data.org.company.id), quiet))


def test_per_employee_at_a_station_and_per_area(db: Database, data: Data) -> None:
    station = run(db, "per_employee", data.org.station)
    rows = {
        g: (m, cb, co)
        for g, m, cb, co in station[["group", "maintained", "callbacks", "complaints"]].itertuples(
            index=False
        )
    }
    assert rows == {"李娜": (2, 2, 0), "张伟": (0, 0, 2)}
    assert list(station["group"])[0] == "李娜"  # most customers first
    assert not station["reached"].any()  # nobody reaches 1:15
    areas = run(db, "per_employee", data.org.company)
    by = {
        g: (e, m, cb, co)
        for g, e, m, cb, co in areas[
            ["group", "employees", "maintained", "callbacks", "complaints"]
        ].itertuples(index=False)
    }
    # The auditor is not an employee who maintains customers.
    assert by["东城片区"] == (3, 2, 2, 2)
    assert by["西城片区"] == (1, 3, 1, 1)
    assert areas.attrs["target"] == 15


def test_a_scope_without_visits_or_customers_shows_the_empty_state(
    db: Database, data: Data
) -> None:
    with db.sessions.begin() as s:
        admin = s.get_one(type(data.org.users["admin"]), data.org.users["admin"].id)
        area = s.get_one(OrgUnit, data.org.area.id)
        empty = create_org_unit(s, admin, "GS0102", "空站", OrgKind.STATION, area)
    frame = run(db, "card_ratio", empty)
    assert column(frame, "litres") == [0] * 6 and all(v is None for v in column(frame, "ratio"))
    with db.session() as s:
        sc = scope_for(s, empty.id)
        for spec in CHARTS.values():
            figure = spec.render(s, sc, PERIOD)
            assert is_empty(figure), spec.name
            texts = [t.get_text() for ax in figure.axes for t in ax.texts]
            assert "该范围内没有数据" in texts or "No data in this scope" in texts


def test_new_rows_are_seen_without_restarting(db: Database, data: Data) -> None:
    assert column(run(db, "card_ratio", data.org.company), "litres")[4] == 50
    with db.sessions.begin() as s:
        visit(s, data.ids["c1"], data.org.station, ms(2026, 5, 20), 10, True)
    assert column(run(db, "card_ratio", data.org.company), "litres")[4] == 60


def test_customers_of_a_station_by_level(db: Database, data: Data) -> None:
    with db.session() as s:
        frame = ind.customers_of(s, data.org.station.id, "A")
    assert list(frame["key"]) == [data.ids["c1"]]
    assert list(frame["last_visit"]) == ["2026-06-20"]


def test_a_new_session_starts_from_the_saved_aggregates(db: Database, data: Data) -> None:
    assert column(run(db, "card_ratio", data.org.company), "litres")[0] == 60
    with db.sessions.begin() as s:  # an edit in place: no new row, so not seen by the stamp
        s.execute(text("UPDATE visits SET litres = litres + 1"))
    base._cache.clear()  # what a new session has in memory: nothing
    assert column(run(db, "card_ratio", data.org.company), "litres")[0] == 60  # from disk
    base.invalidate()  # the Refresh button
    assert column(run(db, "card_ratio", data.org.company), "litres")[0] == 62
