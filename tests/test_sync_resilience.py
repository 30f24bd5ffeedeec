"""Sync that survives: a server killed during a push or a pull, an answer lost on the way,
a desktop clock hours off, stations and an area syncing in every order, and random
interleavings of edits and syncs (hypothesis). Real server processes, SQLite and
PostgreSQL."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from sqlalchemy import select

from desktop_crm.ids import now_ms
from desktop_crm.models import AuditEvent, Customer
from desktop_crm.sync import errors, state
from desktop_crm.sync.errors import SyncError
from tests.sync_world import (
    Desktop,
    World,
    add_customer,
    assert_converged,
    clock_offset,
    company_world,
    edit_customer,
)

HOUR = 3_600_000


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def company(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[World, dict[str, Desktop]]]:
    folder = tmp_path_factory.mktemp(f"resilience-{request.param}")
    with company_world(request.param, folder) as made:
        yield made


class Failing:
    """The real transport, except that the head office dies at the n-th call to ``path``:
    ``before`` it arrives, ``after`` it was handled (the answer is lost on the way), or
    ``during`` (killed while it works on the request)."""

    def __init__(self, desktop: Desktop, world: World, path: str, nth: int, when: str) -> None:
        self.real = desktop.transport()
        self.world = world
        self.path, self.nth, self.when = path, nth, when
        self.calls = 0

    def post(self, path: str, body: BaseModel, answer: type[Any]) -> Any:
        if path == self.path:
            self.calls += 1
        if path != self.path or self.calls != self.nth:
            return self.real.post(path, body, answer)
        if self.when == "before":
            self.world.server.kill()
            return self.real.post(path, body, answer)  # connection refused
        if self.when == "during":
            killer = threading.Timer(0.02, self.world.server.kill)
            killer.start()
            try:
                return self.real.post(path, body, answer)
            finally:
                killer.join()
                self.world.server.kill()
        self.real.post(path, body, answer)
        self.world.server.kill()
        raise SyncError(errors.UNREACHABLE, "unreachable", server=self.real.server_url)

    def close(self) -> None:
        self.real.close()


def _count(world: World, prefix: str) -> dict[str, int]:
    """How many customers of the head office carry each name starting with ``prefix``."""
    names = [c for c in Customer.__table__.columns if c.name != "usn"]
    at = [c.name for c in names].index("name")
    counts: dict[str, int] = {}
    for row in world.server_rows()["customers"].values():
        if row[at] and row[at].startswith(prefix):
            counts[row[at]] = counts.get(row[at], 0) + 1
    return counts


@pytest.mark.parametrize("when", ["before", "after", "during"])
def test_server_killed_during_a_push_loses_nothing_and_applies_nothing_twice(
    company, when: str
) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    st2 = d["st2"]
    prefix = f"推送中断{when}"
    made = [add_customer(st2, "staff2", f"{prefix}{k:02d}") for k in range(24)]
    flaky = Failing(st2, world, "/push", nth=3, when=when)
    try:
        with pytest.raises(SyncError):
            st2.sync(flaky, push_rows=10)
    finally:
        flaky.close()
    if when != "during":  # killed before the answer came: the batch waits to be sent again
        with st2.db.sessions() as session:
            assert state.get(session, state.PENDING) is not None
    world.restart_server()
    st2.sync(push_rows=10)
    assert st2.waiting() == 0
    assert _count(world, prefix) == {f"{prefix}{k:02d}": 1 for k in range(24)}
    events = world.server_rows()["audit_events"]
    entity_at = [c.name for c in AuditEvent.__table__.columns if c.name != "usn"].index("entity_id")
    assert sorted(e[entity_at] for e in events.values() if e[entity_at] in set(made)) == sorted(
        made
    )
    d["area"].sync()
    assert_converged(world, st2, d["area"])


@pytest.mark.parametrize("when", ["before", "after"])
def test_server_killed_during_a_pull_resumes_where_it_stopped(company, when: str) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    for k in range(12):
        add_customer(d["st1"], "staff1", f"拉取中断{when}{k:02d}")
    d["st1"].sync()
    fresh = world.desktop(f"st1-{when}", "GS0101", sync=False)
    flaky = Failing(fresh, world, "/pull", nth=3, when=when)
    try:
        with pytest.raises(SyncError):
            fresh.sync(flaky, pull_rows=7)
    finally:
        flaky.close()
    with fresh.db.sessions() as session:
        going = state.get_json(session, state.PULL)
        mark = int(state.get(session, state.LAST_USN) or 0)
    assert going is not None and going["cursor"] is not None  # two pages in, one to go
    assert mark == 0  # the mark moves only once every page is in
    assert fresh.rows()["org_units"]  # what was applied stays applied
    world.restart_server()
    report = fresh.sync(pull_rows=7)
    assert report.mark == world.server_usn()
    assert_converged(world, fresh, d["st1"])


def test_a_desktop_clock_hours_ahead_does_not_win_every_conflict(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    cid = add_customer(d["st2"], "staff2", "时钟超前")
    d["st2"].sync()
    d["area"].sync()
    ahead = clock_offset(3)
    base = now_ms()
    # The station's clock runs three hours ahead: its edit carries a time in the future.
    edit_customer(d["st2"], cid, at=base + 3 * HOUR, notes="站点(时钟快三小时)")
    # Two seconds later (real time) the area changes the same file.
    edit_customer(d["area"], cid, at=base + 2000, notes="片区(时间正确)")
    d["st2"].sync(clock=ahead)
    d["area"].sync()
    d["st2"].sync(clock=ahead)
    for desktop in (d["st2"], d["area"]):
        customer = desktop.customer(cid)
        assert customer is not None and customer.notes == "片区(时间正确)"
        assert customer.updated_at <= now_ms()  # no time from the future was kept
    assert_converged(world, d["st2"], d["area"])


def test_a_desktop_clock_hours_behind_still_gets_its_later_change_through(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    cid = add_customer(d["st1"], "staff1", "时钟落后")
    d["st1"].sync()
    d["area"].sync()
    behind = clock_offset(-5)
    base = now_ms()
    edit_customer(d["area"], cid, at=base - 1000, notes="片区先改")
    # A second later (real time) the station, whose clock is five hours slow, edits too.
    edit_customer(d["st1"], cid, at=base - 5 * HOUR, notes="站点后改(时钟慢五小时)")
    d["area"].sync()
    d["st1"].sync(clock=behind)
    d["area"].sync()
    for desktop in (d["st1"], d["area"]):
        customer = desktop.customer(cid)
        assert customer is not None and customer.notes == "站点后改(时钟慢五小时)"
    assert_converged(world, d["st1"], d["area"])


def test_two_stations_and_their_area_converge_whatever_the_order_of_syncs(company) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    trio = [d["st1"], d["st2"], d["area"]]
    c1 = add_customer(d["st1"], "staff1", "顺序一")
    c2 = add_customer(d["st2"], "staff2", "顺序二")
    for desktop in (*trio, *trio):
        desktop.sync()
    for n, order in enumerate(itertools.permutations(trio)):
        base = now_ms()
        edit_customer(d["st1"], c1, at=base, notes=f"站一-{n}")
        new1 = add_customer(d["st1"], "staff1", f"站一新建{n}")
        edit_customer(d["st2"], c2, at=base + 1, tags=f"站二-{n}")
        edit_customer(d["area"], c1, at=base + 2, phone2=f"1390000{n:04d}")
        edit_customer(d["area"], c2, at=base + 3, notes=f"片区-{n}")
        for desktop in (*order, *order):
            desktop.sync()
        assert_converged(world, *trio)
        one, two = d["st2"].customer(c2), d["area"].customer(c1)
        assert one is not None and one.notes == f"片区-{n}"  # the later version of the row
        assert two is not None and two.phone2 == f"1390000{n:04d}"
        assert d["area"].customer(new1) is not None
        assert d["st2"].customer(new1) is None  # another station's file stays there


# --- random interleavings --------------------------------------------------------------------

DESKTOPS = ("st1", "st2", "area")
STATIONS = {"st1": "GS0101", "st2": "GS0102"}

operation = st.one_of(
    st.tuples(st.just("create"), st.sampled_from(DESKTOPS), st.sampled_from(tuple(STATIONS))),
    st.tuples(st.just("edit"), st.sampled_from(DESKTOPS), st.integers(0, 30)),
    st.tuples(st.just("delete"), st.sampled_from(DESKTOPS), st.integers(0, 30)),
    st.tuples(st.just("sync"), st.sampled_from(DESKTOPS), st.just(0)),
)


def _apply(d: dict[str, Desktop], step: tuple[str, str, Any], made: list[str], n: int) -> None:
    kind, name, arg = step
    desktop = d[name]
    if kind == "create":
        station = STATIONS[name] if name in STATIONS else STATIONS[arg]
        with desktop.db.writer() as session:
            customer = Customer(kind="person", name=f"随机{n}", profile_stage="preliminary",
                                status="new", created_at=now_ms(),
                                org_unit_id=desktop.unit(station).id)  # fmt: skip
            session.add(customer)
            session.commit()
            made.append(customer.id)
        return
    if kind == "sync":
        desktop.sync()
        return
    with desktop.db.writer() as session:
        ids = list(session.scalars(select(Customer.id).where(Customer.name.startswith("随机"))))
        if not ids:
            return
        customer = session.get_one(Customer, sorted(ids)[arg % len(ids)])
        if kind == "edit":
            customer.notes = f"{name}-{n}"
        else:
            customer.deleted = True
        session.commit()


@settings(
    max_examples=10,
    deadline=None,
    database=None,  # nothing written into the work tree; each run draws afresh
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(operation, min_size=1, max_size=10))
def test_random_edits_and_syncs_converge(company, steps: list[tuple[str, str, Any]]) -> None:  # type: ignore[no-untyped-def]
    world, d = company
    made: list[str] = []
    for n, step in enumerate(steps):
        _apply(d, step, made, n)
    for name in (*DESKTOPS, *DESKTOPS):
        d[name].sync()
    trio = [d[name] for name in DESKTOPS]
    assert_converged(world, *trio)
    assert all(x.waiting() == 0 for x in trio)
    server = world.server_rows()["customers"]
    assert set(made) <= set(server)  # nothing made anywhere was lost
