"""The customer list and one customer's file, at service level (no Qt widgets).

Most tests read one demo database of 2,000 customers (made once per module) through a
session that is rolled back afterwards; the tests that need exact rows build them in
the small ``db``/``org`` store of conftest.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from desktop_crm.errors import PermissionDenied, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.localtime import local_minute
from desktop_crm.models import (
    AuditEvent,
    CallbackTask,
    Complaint,
    Contact,
    Customer,
    FuelCard,
    LevelChange,
    OrgUnit,
    OwnerChange,
    User,
    Vehicle,
    Visit,
)
from desktop_crm.models.db import Database, open_database
from desktop_crm.services import customer_list as cl
from desktop_crm.services.audit import Action
from desktop_crm.services.customer_completeness import completeness
from desktop_crm.services.customer_detail import (
    RECENT_VISITS,
    CustomerDetail,
    customer_detail,
)
from desktop_crm.services.customer_list import CustomerFilter, CustomerRow
from desktop_crm.services.customer_options import DEFAULT_LEVELS, levels
from desktop_crm.services.demo import generate
from desktop_crm.services.masking import mask_phone
from desktop_crm.services.search import search_ids
from desktop_crm.services.search_index import reindex_customers
from tests.conftest import Org

TODAY = date(2026, 6, 15)
N = 2000
DAY_MS = 86_400_000


# -- the shared demo store -------------------------------------------------------------------
@dataclass
class Known:
    """What the list should show, computed in Python from the plain rows."""

    id: str
    rowid: int
    name: str | None
    pinyin: str | None
    kind: str
    level: str | None
    phone: str | None
    maintainer_id: str | None
    status: str
    profile_stage: str
    tags: list[str]
    org_unit_id: str
    last_visit_at: int | None
    completeness: int


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("customer_list") / "demo.db"
    generate(path, N, seed=11, today=TODAY)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture(scope="module")
def known(demo: Database) -> dict[str, Known]:
    """Every live customer with the values the sorts and filters look at."""
    with demo.session() as s:
        children: dict[str, dict[type, list[object]]] = {}
        for model in (Vehicle, FuelCard, Contact):
            for row in s.scalars(select(model).where(model.deleted.is_(False))):
                children.setdefault(row.customer_id, {}).setdefault(model, []).append(row)
        result = {}
        records = s.execute(
            select(Customer, literal_column("customers.rowid")).where(Customer.deleted.is_(False))
        )
        for c, rowid in records:
            mine = children.get(c.id, {})
            result[c.id] = Known(
                id=c.id,
                rowid=rowid,
                name=c.name,
                pinyin=c.pinyin,
                kind=c.kind,
                level=c.level,
                phone=c.phone,
                maintainer_id=c.maintainer_id,
                status=c.status,
                profile_stage=c.profile_stage,
                tags=[t for t in (c.tags or "").split(",") if t],
                org_unit_id=c.org_unit_id,
                last_visit_at=c.last_visit_at,
                completeness=completeness(
                    c, mine.get(Vehicle, []), mine.get(FuelCard, []), mine.get(Contact, [])
                ),
            )
    assert len(result) == N
    return result


@pytest.fixture
def s(demo: Database) -> Iterator[Session]:
    """A session on the demo store whose writes (audit events) are thrown away."""
    session = demo.session()
    yield session
    session.rollback()
    session.close()


def login(s: Session, name: str) -> User:
    return s.scalars(select(User).where(User.login == name)).one()


def unit(s: Session, code: str) -> OrgUnit:
    return s.scalars(select(OrgUnit).where(OrgUnit.code == code)).one()


def scope_of(s: Session, user: User) -> OrgUnit:
    return s.get_one(OrgUnit, user.org_unit_id)


def subtree_ids(s: Session, code: str) -> set[str]:
    top = unit(s, code)
    return {u.id for u in s.scalars(select(OrgUnit)) if u.path.startswith(top.path)}


def every_row(
    s: Session,
    user: User,
    flt: CustomerFilter | None = None,
    sort: str = "created",
    descending: bool = True,
    limit: int = 137,
) -> list[CustomerRow]:
    """The whole list, a page at a time (a page size that does not divide 2,000)."""
    rows: list[CustomerRow] = []
    cursor = None
    for _page in range(N // limit + 3):
        page, cursor = cl.list_page(
            s, user, scope_of(s, user), flt or CustomerFilter(), sort, descending, cursor, limit
        )
        assert len(page) <= limit
        rows += page
        if cursor.done:
            return rows
    raise AssertionError("the list never said it was done")


def every_found(
    s: Session, user: User, query: str, flt: CustomerFilter | None = None, limit: int = 50
) -> list[CustomerRow]:
    rows: list[CustomerRow] = []
    cursor = None
    for _page in range(cl.SEARCH_CAP // limit + 3):
        page, cursor = cl.search_page(s, user, scope_of(s, user), query, flt, cursor, limit)
        rows += page
        if cursor.done:
            return rows
    raise AssertionError("the search never said it was done")


def audit_events(s: Session, entity: str | None = None) -> list[AuditEvent]:
    s.flush()
    statement = select(AuditEvent).where(AuditEvent.action == Action.VIEW_UNMASKED)
    if entity is not None:
        statement = statement.where(AuditEvent.entity == entity)
    return list(s.scalars(statement.order_by(AuditEvent.at)))


# -- keyset paging and sorting ---------------------------------------------------------------
SORT_KEYS = {
    "created": lambda k: k.rowid,
    "name": lambda k: k.pinyin or "",
    "last_visit": lambda k: k.last_visit_at or 0,
    # levels rank as configured: VIP first, then A, B, C, D; no level last
    "level": lambda k: (
        len(DEFAULT_LEVELS) - DEFAULT_LEVELS.index(k.level) if k.level in DEFAULT_LEVELS else 0
    ),
    "completeness": lambda k: k.completeness,
}


@pytest.mark.parametrize("descending", [True, False], ids=["desc", "asc"])
@pytest.mark.parametrize("sort", list(cl.SORTS))
def test_paging_shows_every_customer_once_in_order(
    s: Session, known: dict[str, Known], sort: str, descending: bool
) -> None:
    assert set(SORT_KEYS) == set(cl.SORTS)
    rows = every_row(s, login(s, "admin"), sort=sort, descending=descending)
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids)) == N
    key = SORT_KEYS[sort]
    expected = sorted(known.values(), key=lambda k: (key(k), k.rowid), reverse=descending)
    assert ids == [k.id for k in expected]
    # The completeness column is the same number the detail view computes in Python.
    assert all(r.completeness == known[r.id].completeness for r in rows)


def test_a_page_size_that_divides_the_list_ends_with_an_empty_page(s: Session) -> None:
    admin = login(s, "admin")
    scope = scope_of(s, admin)
    cursor, pages, seen = None, 0, []
    while True:
        page, cursor = cl.list_page(s, admin, scope, CustomerFilter(), "name", False, cursor, 200)
        pages += 1
        seen += [r.id for r in page]
        if cursor.done:
            break
    assert pages == N // 200 + 1 and page == []
    assert len(seen) == len(set(seen)) == N
    # A finished cursor gives nothing more.
    assert cl.list_page(s, admin, scope, CustomerFilter(), cursor=cursor) == ([], cursor)


def test_sorting_by_level_ranks_the_levels(s: Session) -> None:
    """The level header's first click (descending) should put the best customers first:
    VIP, A, B, C, D in the configured order, customers without a level last.

    BUG: customer_list.SORTS["level"] compares the level strings, so descending gives
    VIP, D, C, B, A (VIP next to the weakest level) and ascending A, B, C, D, VIP.
    """
    ranking = levels(s)
    rows = every_row(s, login(s, "admin"), sort="level", descending=True, limit=500)
    shown = [r.level for r in rows]
    order = [level for i, level in enumerate(shown) if i == 0 or shown[i - 1] != level]
    assert order == [*ranking, None]


# -- filters -----------------------------------------------------------------------------
def most_common(values: list[str | None]) -> str:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: counts[v])


def filter_cases(s: Session, known: dict[str, Known]) -> list[tuple[CustomerFilter, set[str]]]:
    everyone = list(known.values())
    area, station = subtree_ids(s, "GS01"), subtree_ids(s, "GS0102")
    maintainer = most_common([k.maintainer_id for k in everyone])
    cases = [
        (CustomerFilter(station_id=unit(s, "GS01").id), {k.id for k in everyone if k.org_unit_id in area}),
        (CustomerFilter(station_id=unit(s, "GS0102").id), {k.id for k in everyone if k.org_unit_id in station}),
        (CustomerFilter(kind="organisation"), {k.id for k in everyone if k.kind == "organisation"}),
        (CustomerFilter(level="B"), {k.id for k in everyone if k.level == "B"}),
        (CustomerFilter(maintainer_id=maintainer), {k.id for k in everyone if k.maintainer_id == maintainer}),
        (CustomerFilter(status="dormant"), {k.id for k in everyone if k.status == "dormant"}),
        (CustomerFilter(profile_stage="plate_only"), {k.id for k in everyone if k.profile_stage == "plate_only"}),
        (CustomerFilter(tag="重点"), {k.id for k in everyone if "重点" in k.tags}),
        (CustomerFilter(tag="潜力"), {k.id for k in everyone if "潜力" in k.tags}),
    ]  # fmt: skip
    combined = CustomerFilter(
        station_id=unit(s, "GS01").id, kind="person", status="active", profile_stage="complete"
    )
    cases.append(
        (
            combined,
            {
                k.id
                for k in everyone
                if k.org_unit_id in area
                and (k.kind, k.status, k.profile_stage) == ("person", "active", "complete")
            },
        )
    )
    cases.append(
        (
            CustomerFilter(level="C", tag="潜力", maintainer_id=maintainer),
            {
                k.id
                for k in everyone
                if k.level == "C" and "潜力" in k.tags and k.maintainer_id == maintainer
            },
        )
    )
    return cases


def test_each_filter_narrows_the_list_and_count_agrees(s: Session, known: dict[str, Known]) -> None:
    admin = login(s, "admin")
    for flt, expected in filter_cases(s, known):
        assert 0 < len(expected) < N, flt
        rows = every_row(s, admin, flt)
        assert [r.id for r in rows if r.id not in expected] == [], flt
        assert {r.id for r in rows} == expected, flt
        assert len(rows) == len(expected), flt
        assert cl.count(s, scope_of(s, admin), flt) == len(expected), flt
    assert cl.count(s, scope_of(s, admin), CustomerFilter()) == N


def test_filters_keep_their_order(s: Session, known: dict[str, Known]) -> None:
    rows = every_row(
        s, login(s, "admin"), CustomerFilter(kind="organisation"), "last_visit", True, 37
    )
    keys = [(known[r.id].last_visit_at or 0, known[r.id].rowid) for r in rows]
    assert keys == sorted(keys, reverse=True)


def test_tag_filter_matches_whole_tags_only(small: Small) -> None:
    with small.db.session() as s:
        for name, tags in (
            ("甲", "重点"),
            ("乙", "潜力,重点"),
            ("丙", "重点客户"),
            ("丁", "非重点,问题"),
            ("戊", ""),
        ):
            s.add(
                Customer(
                    kind="person",
                    name=name,
                    tags=tags,
                    profile_stage="preliminary",
                    status="active",
                    org_unit_id=small.org.station.id,
                    created_at=now_ms(),
                )
            )
        s.flush()
        admin = s.get_one(User, small.org.users["admin"].id)
        scope = s.get_one(OrgUnit, admin.org_unit_id)
        rows, _ = cl.list_page(s, admin, scope, CustomerFilter(tag="重点"))
        assert sorted(r.name or "" for r in rows) == sorted(["甲", "乙"])
        assert cl.count(s, scope, CustomerFilter(tag="问题")) == 1
        s.rollback()


# -- scope ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("who", "code"),
    [("gs0101-staff1", "GS0101"), ("gs0202-master", "GS0202"), ("gs01-manager", "GS01")],
)
def test_a_user_sees_only_the_own_subtree(
    s: Session, known: dict[str, Known], who: str, code: str
) -> None:
    user = login(s, who)
    scope = scope_of(s, user)
    mine = subtree_ids(s, code)
    expected = {k.id for k in known.values() if k.org_unit_id in mine}
    assert 0 < len(expected) < N
    rows = every_row(s, user)
    assert {r.id for r in rows} == expected
    assert cl.count(s, scope, CustomerFilter()) == len(expected)
    # Searches that match customers everywhere stay inside too.
    for query in ("王", "1", "w", "8"):
        everywhere = set(search_ids(s, query, None, cl.SEARCH_CAP))
        assert everywhere - expected, query  # there is something outside to leak
        found = {r.id for r in every_found(s, user, query)}
        assert found and found <= expected, query
    # Asking for another station's customers by filter gives nothing.
    other = unit(s, "GS0301")
    assert cl.list_page(s, user, scope, CustomerFilter(station_id=other.id))[0] == []
    assert cl.search_page(s, user, scope, "1", CustomerFilter(station_id=other.id))[0] == []
    assert cl.count(s, scope, CustomerFilter(station_id=other.id)) == 0


def test_maintainers_in_scope_are_the_units_people_without_auditors(s: Session) -> None:
    station = unit(s, "GS0101")
    people = cl.maintainers_in_scope(s, station)
    assert people and all(p.org_unit_id == station.id for p in people)
    everyone = cl.maintainers_in_scope(s, unit(s, "GS"))
    assert "auditor" not in {p.login for p in everyone}
    assert {p.id for p in people} < {p.id for p in everyone}
    assert [p.name for p in everyone] == sorted(p.name for p in everyone)


# -- search --------------------------------------------------------------------------------
def test_search_pages_follow_the_search_order_without_repeats(s: Session) -> None:
    admin = login(s, "admin")
    expected = search_ids(s, "1", None, cl.SEARCH_CAP)
    assert len(expected) > 200
    rows = every_found(s, admin, "1", limit=97)
    assert [r.id for r in rows] == expected


def test_search_respects_the_filters(s: Session, known: dict[str, Known]) -> None:
    admin = login(s, "admin")
    for query in ("王", "z", "1", "冀A"):
        matches = search_ids(s, query, None, cl.SEARCH_CAP)
        for flt, allowed in filter_cases(s, known):
            expected = [i for i in matches if i in allowed]
            rows = every_found(s, admin, query, flt)
            assert [r.id for r in rows] == expected, (query, flt)


def test_search_results_are_the_customers_asked_for(s: Session, known: dict[str, Known]) -> None:
    admin = login(s, "admin")
    person = next(k for k in known.values() if k.name and len(k.name) == 3 and k.phone)
    rows, cursor = cl.search_page(s, admin, scope_of(s, admin), person.name or "")
    assert person.id in [r.id for r in rows]
    row = next(r for r in rows if r.id == person.id)
    assert (row.name, row.phone, row.level) == (person.name, person.phone, person.level)
    assert cursor.done and not cl.search_truncated(cursor)
    nothing, cursor = cl.search_page(s, admin, scope_of(s, admin), "   ")
    assert nothing == [] and cursor.done


# -- masking and audit -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("who", "masked"),
    [
        ("gs0101-staff1", True),
        ("auditor", True),
        ("gs0101-master", False),
        ("gs01-manager", False),
        ("admin", False),
    ],
)
def test_phones_are_masked_by_role(
    s: Session, known: dict[str, Known], who: str, masked: bool
) -> None:
    user = login(s, who)
    rows, _ = cl.list_page(s, user, scope_of(s, user), CustomerFilter(), limit=300)
    with_phone = [r for r in rows if known[r.id].phone]
    assert len(with_phone) > 20
    for r in with_phone:
        full = known[r.id].phone
        assert r.phone == (mask_phone(full) if masked else full)
    if masked:
        assert any(r.phone and r.phone[3:7] == "****" and len(r.phone) == 11 for r in rows)
    found, _ = cl.search_page(s, user, scope_of(s, user), "1")
    assert found
    for r in found:
        full = known[r.id].phone
        assert r.phone == (mask_phone(full) if masked else full)


def test_an_unmasked_page_is_audited_once_a_masked_one_not(s: Session) -> None:
    master, staff = login(s, "gs0101-master"), login(s, "gs0101-staff1")
    before = len(audit_events(s))
    rows, cursor = cl.list_page(s, master, scope_of(s, master), CustomerFilter(), limit=50)
    events = audit_events(s)
    assert len(events) == before + 1
    event = events[-1]
    assert (event.entity, event.entity_id, event.user_id) == ("customer_list", None, master.id)
    assert event.org_unit_id == master.org_unit_id
    assert json.loads(event.detail or "{}")["rows"] == len(rows) == 50
    cl.list_page(s, master, scope_of(s, master), CustomerFilter(), cursor=cursor, limit=50)
    assert len(audit_events(s)) == before + 2  # one per page shown
    for user in (staff, login(s, "auditor")):
        cl.list_page(s, user, scope_of(s, user), CustomerFilter(), limit=50)
        cl.search_page(s, user, scope_of(s, user), "1")
    assert len(audit_events(s)) == before + 2


def test_an_unmasked_search_page_is_audited_once_with_its_query(s: Session) -> None:
    """A filtered search reads its candidates in chunks; the page shown is one event.

    (Before the fix in customer_list.search_page, every chunk of candidates wrote its own
    event, so one page of 7 rows wrote 3 events, and none recorded the query.)
    """
    admin = login(s, "admin")
    before = len(audit_events(s))
    rows, _ = cl.search_page(s, admin, scope_of(s, admin), "1", CustomerFilter(level="VIP"))
    assert rows
    events = audit_events(s, "customer_list")
    assert len(events) == before + 1
    assert json.loads(events[-1].detail or "{}") == {"rows": len(rows), "query": "1"}
    # A page without phones shows nothing unmasked.
    no_phone = CustomerFilter(profile_stage="plate_only")
    rows, _ = cl.list_page(s, admin, scope_of(s, admin), no_phone, limit=20)
    assert rows and not any(r.phone for r in rows)
    assert len(audit_events(s)) == before + 1


# -- export --------------------------------------------------------------------------------
def test_export_has_the_same_customers_as_the_list(s: Session, known: dict[str, Known]) -> None:
    admin = login(s, "admin")
    scope = scope_of(s, admin)
    for flt, expected in filter_cases(s, known):
        exported = [c.id for c in s.scalars(cl.export_statement(s, scope, flt))]
        assert len(exported) == len(set(exported))
        assert set(exported) == expected == {r.id for r in every_row(s, admin, flt)}
    for query, flt in (("王", CustomerFilter()), ("1", CustomerFilter(level="C")), ("zh", None)):
        flt = flt or CustomerFilter(status="active")
        exported = {c.id for c in s.scalars(cl.export_statement(s, scope, flt, query))}
        assert exported == {r.id for r in every_found(s, admin, query, flt)}
        assert exported
    staff = login(s, "gs0101-staff1")
    statement = cl.export_statement(s, scope_of(s, staff), CustomerFilter(), "1")
    station = subtree_ids(s, "GS0101")
    assert {c.org_unit_id for c in s.scalars(statement)} <= station


# -- one customer's file ---------------------------------------------------------------------
@dataclass
class Small:
    """conftest's org tree with one customer file (``customer_id``) that has everything."""

    db: Database
    org: Org
    customer_id: str
    at: dict[str, int]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Small]:
    from tests.conftest import make_org

    database = open_database(tmp_path_factory.mktemp("customer_file") / "crm.db")
    org = make_org(database)
    yield Small(database, org, *make_file(database, org))
    database.close()


def make_file(db: Database, org: Org) -> tuple[str, dict[str, int]]:
    """A customer with visits, level and owner changes, callbacks and complaints."""
    t0 = now_ms() - 200 * DAY_MS
    staff, master = org.users["staff"], org.users["master"]
    at = {
        "created": t0,
        "visit_old": t0 + 10 * DAY_MS,
        "level": t0 + 20 * DAY_MS,
        "owner": t0 + 30 * DAY_MS,
        "complaint": t0 + 40 * DAY_MS,
        "visit_new": t0 + 150 * DAY_MS,
        "callback": t0 + 160 * DAY_MS,
    }
    with db.sessions.begin() as s:
        c = Customer(
            kind="person",
            name="周梦娟",
            phone="13812345678",
            id_number="11010519491231002X",
            level="A",
            profile_stage="complete",
            status="active",
            maintainer_id=master.id,
            org_unit_id=org.station.id,
            created_at=at["created"],
        )
        s.add(c)
        s.flush()
        station = org.station.id
        s.add(Contact(customer_id=c.id, name="周强", phone="13900001111", org_unit_id=station))
        for key, product in (("visit_old", "92#"), ("visit_new", "95#")):
            s.add(
                Visit(
                    customer_id=c.id,
                    visited_at=at[key],
                    product=product,
                    litres=40.0,
                    amount_fen=30_000,
                    paid_by_card=key == "visit_new",
                    org_unit_id=station,
                )
            )
        s.add(Visit(customer_id=c.id, visited_at=t0 + DAY_MS, product="0#", litres=1.0,
                    amount_fen=1, deleted=True, org_unit_id=station))  # fmt: skip
        s.add(
            LevelChange(
                customer_id=c.id,
                old_level="B",
                new_level="A",
                changed_by_id=master.id,
                changed_at=at["level"],
                reason="月均加油量上升",
                org_unit_id=station,
            )
        )
        s.add(
            OwnerChange(
                customer_id=c.id,
                role="maintainer",
                old_user_id=staff.id,
                new_user_id=master.id,
                changed_by_id=master.id,
                changed_at=at["owner"],
                reason="交接",
                org_unit_id=station,
            )
        )
        s.add(
            CallbackTask(
                customer_id=c.id,
                reason="tier",
                due_date="2026-01-10",
                assignee_id=staff.id,
                status="done",
                needs="想办加油卡",
                created_at=at["callback"] - DAY_MS,
                recorded_at=at["callback"],
                org_unit_id=station,
            )
        )
        s.add(
            CallbackTask(
                customer_id=c.id,
                reason="manual",
                due_date="2026-01-11",
                status="open",
                created_at=at["callback"] + DAY_MS,
                deleted=True,
                org_unit_id=station,
            )
        )
        s.add(
            Complaint(
                number="TS-0001",
                customer_id=c.id,
                source="phone",
                category="service",
                business_line="fuel",
                severity="normal",
                level="station",
                status="archived",
                received_at=at["complaint"],
                description="加油等待时间长",
                org_unit_id=station,
            )
        )
        s.flush()
        reindex_customers(s, [c.id])
        return c.id, at


def test_detail_timeline_has_everything_newest_first(small: Small) -> None:
    at = small.at
    with small.db.session() as s:
        master = s.get_one(User, small.org.users["master"].id)
        d = customer_detail(s, master, small.customer_id, now_ms())
        s.rollback()
        kinds = [e.kind for e in d.timeline]
        times = [e.at for e in d.timeline]
        assert times == sorted(times, reverse=True)
        assert kinds == [
            "callback",
            "visit",
            "complaint",
            "owner",
            "level",
            "visit",
            "created",
        ]
        assert times == [
            at["callback"],
            at["visit_new"],
            at["complaint"],
            at["owner"],
            at["level"],
            at["visit_old"],
            at["created"],
        ]
        by_kind = {e.kind: e.detail for e in d.timeline}
        assert by_kind["level"] == {
            "old": "B",
            "new": "A",
            "by": "张伟",
            "reason": "月均加油量上升",
        }
        assert by_kind["owner"] == {
            "role": "maintainer",
            "old": "李娜",
            "new": "张伟",
            "by": "张伟",
            "reason": "交接",
        }
        assert by_kind["callback"]["by"] == "李娜"
        assert by_kind["callback"]["note"] == "想办加油卡"
        assert by_kind["complaint"]["number"] == "TS-0001"
        visit = d.timeline[1].detail
        assert (visit["station"], visit["product"], visit["amount"], visit["card"]) == (
            "东湖加油站",
            "95#",
            300.0,
            True,
        )
        assert d.visit_count == 2 and d.litres_12m == 80.0
        assert (d.station, d.maintainer) == ("东湖加油站", "张伟")
        assert d.timeline[0].when == local_minute(at["callback"])


def test_detail_shows_the_recent_visits_only(small: Small) -> None:
    newest = now_ms() - DAY_MS
    with small.db.session() as s:
        for k in range(RECENT_VISITS + 5):
            s.add(
                Visit(
                    customer_id=small.customer_id,
                    visited_at=newest - k * DAY_MS,
                    product="92#",
                    litres=10.0,
                    amount_fen=7_500,
                    org_unit_id=small.org.station.id,
                )
            )
        s.flush()
        staff = s.get_one(User, small.org.users["staff"].id)
        d = customer_detail(s, staff, small.customer_id, now_ms())
        s.rollback()
    visits = [e for e in d.timeline if e.kind == "visit"]
    assert len(visits) == RECENT_VISITS
    assert visits[0].at == newest
    assert d.visit_count == RECENT_VISITS + 5 + 2  # all visits of the last 12 months


def test_unmasked_detail_is_audited_masked_is_not(small: Small) -> None:
    customer_id = small.customer_id

    def view(login_name: str) -> tuple[CustomerDetail, list[tuple[str, str, str | None, str]]]:
        """The detail as ``login_name`` sees it and the audit events that wrote."""
        with small.db.session() as s:
            before = s.scalar(select(func.count()).select_from(AuditEvent)) or 0
            user = s.get_one(User, small.org.users[login_name].id)
            d = customer_detail(s, user, customer_id, now_ms())
            s.flush()
            events = [
                (e.action, e.entity, e.entity_id, e.detail or "")
                for e in s.scalars(select(AuditEvent).order_by(AuditEvent.at).offset(before))
            ]
            s.rollback()
            return d, events

    d, events = view("master")
    assert d.numbers.phone == "13812345678" and not d.numbers.masked
    assert d.contacts[0][1] == "13900001111"
    assert [e[:3] for e in events] == [(Action.VIEW_UNMASKED, "customer", customer_id)]
    assert json.loads(events[0][3]) == {"fields": ["phone", "id_number"]}
    for masked_login in ("staff", "auditor"):
        d, events = view(masked_login)
        assert d.numbers.masked and d.numbers.phone == "138****5678"
        assert d.numbers.id_number == "110***********002X"
        assert d.contacts[0][1] == "139****1111"
        assert events == []


def test_unmasked_views_at_the_same_time_are_all_audited(small: Small) -> None:
    """The GUI loads list pages and the detail on worker threads, each in its own
    transaction (views/background.py); for a role that sees full numbers each writes an
    audit event. Several at once must all succeed (they may wait for each other).

    Such work runs through ``Database.writer`` (BEGIN IMMEDIATE): a deferred transaction
    that read and then writes its audit event after another one committed would fail
    at once with "database is locked" (SQLite cannot upgrade a stale read snapshot).
    """
    people = small.org.users
    start = threading.Barrier(8)
    errors: list[str] = []

    def work(k: int) -> None:
        start.wait()
        try:
            for _round in range(5):
                with small.db.writer.begin() as s:
                    master = s.get_one(User, people["master"].id)
                    if k % 2:
                        scope = s.get_one(OrgUnit, master.org_unit_id)
                        assert cl.list_page(s, master, scope, CustomerFilter())[0]
                    else:
                        customer_detail(s, master, small.customer_id, now_ms())
        except Exception as exc:  # reported below
            errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []


def test_a_customer_outside_the_subtree_is_refused(small: Small) -> None:
    """PermissionDenied outside the user's subtree; ValidationError once it is deleted."""
    customer_id, people = small.customer_id, small.org.users
    with small.db.session() as s:
        user = s.get_one(User, people["staff2"].id)
        with pytest.raises(PermissionDenied):
            customer_detail(s, user, customer_id, now_ms())
        for login_name in ("staff", "master", "manager", "auditor", "admin"):
            user = s.get_one(User, people[login_name].id)
            assert customer_detail(s, user, customer_id, now_ms()).customer.id == customer_id
        s.get_one(Customer, customer_id).deleted = True
        s.flush()
        with pytest.raises(ValidationError):
            customer_detail(s, s.get_one(User, people["admin"].id), customer_id, now_ms())
        s.rollback()


def test_an_area_manager_is_refused_another_areas_customer(
    s: Session, known: dict[str, Known]
) -> None:
    manager = login(s, "gs01-manager")
    outside = subtree_ids(s, "GS02")
    customer = next(k for k in known.values() if k.org_unit_id in outside)
    with pytest.raises(PermissionDenied):
        customer_detail(s, manager, customer.id, now_ms())
    inside = subtree_ids(s, "GS01")
    mine = next(k for k in known.values() if k.org_unit_id in inside)
    assert customer_detail(s, manager, mine.id, now_ms()).customer.id == mine.id
