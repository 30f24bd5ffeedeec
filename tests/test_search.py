"""Search by name piece, pinyin, phone or its last digits, plate in any spelling, card."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_crm.ids import now_ms
from desktop_crm.models import Customer, FuelCard, OrgUnit, Vehicle
from desktop_crm.models.db import open_database
from desktop_crm.services.search import search_ids
from desktop_crm.services.search_index import reindex_customers

PEOPLE = [
    # name, phone, plates, cards, station key
    ("张伟", "13812345678", ["京A·12345"], ["1000113200000012345"], "station"),
    ("王小明", "13987650001", ["冀AD12345"], [], "station"),
    ("张卫东", "0311-86901234", [], [], "station"),
    ("李娜", "15600005678", ["冀B88888"], ["1000113200000099999"], "station2"),
    ("顺达物流有限公司", "13700000000", ["冀A12121", "冀A34343"], [], "station2"),
]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One store with the org tree and the people, shared by the read-only tests."""
    from tests.conftest import make_org

    db = open_database(tmp_path_factory.mktemp("search") / "crm.db")
    org = make_org(db)
    yield db, org, add_people(db, org)
    db.close()


@pytest.fixture
def people(db, org) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return add_people(db, org)


def add_people(db, org) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ids = {}
    with db.sessions.begin() as s:
        for name, phone, plates, cards, key in PEOPLE:
            unit = getattr(org, key)
            c = Customer(
                kind="organisation" if "公司" in name else "person",
                name=name,
                phone=phone,
                profile_stage="complete",
                status="active",
                org_unit_id=unit.id,
                created_at=now_ms(),
            )
            s.add(c)
            s.flush()
            for plate in plates:
                s.add(
                    Vehicle(
                        customer_id=c.id,
                        plate=plate,
                        plate_normalized=plate.replace("·", ""),
                        org_unit_id=unit.id,
                    )
                )
            for card in cards:
                s.add(
                    FuelCard(customer_id=c.id, card_no=card, status="active", org_unit_id=unit.id)
                )
            ids[name] = c.id
        s.flush()
        reindex_customers(s, ids.values())
    return ids


def names(db, query: str, scope: OrgUnit | None = None) -> set[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        found = search_ids(s, query, scope)
        return set(s.scalars(select(Customer.name).where(Customer.id.in_(found))))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("张伟", {"张伟"}),
        ("张", {"张伟", "张卫东"}),
        ("小明", {"王小明"}),  # two characters in the middle of a name
        ("王小明", {"王小明"}),
        ("物流有限", {"顺达物流有限公司"}),
        ("zw", {"张伟", "张卫东"}),  # pinyin initials
        ("zwd", {"张卫东"}),
        ("zhangwei", {"张伟", "张卫东"}),  # full pinyin (张卫 reads zhangwei too)
        ("ZhangWeiD", {"张卫东"}),
        ("xiaoming", {"王小明"}),  # pinyin of the given name
        ("wxm", {"王小明"}),
        ("13812345678", {"张伟"}),
        ("138 1234 5678", {"张伟"}),
        ("138-1234-5678", {"张伟"}),
        ("+86 13812345678", {"张伟"}),
        ("１３８１２３４５６７８", {"张伟"}),  # full-width digits
        ("5678", {"张伟", "李娜"}),  # last four digits
        ("86901234", {"张卫东"}),  # landline without its area code
        ("京A12345", {"张伟"}),
        ("京a·12345", {"张伟"}),
        ("京A 12345", {"张伟"}),
        ("A12345", {"张伟"}),
        ("a12345", {"张伟"}),
        ("冀AD12345", {"王小明"}),  # new-energy plate
        ("冀A", {"王小明", "顺达物流有限公司"}),
        ("1000113200000012345", {"张伟"}),
        ("99999", {"李娜"}),  # card suffix
        ("赵", set()),
        ("", set()),
        ("   ", set()),
    ],
)
def test_search_finds_by_every_key(shared, query: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert names(shared[0], query) == expected


def test_search_stays_inside_the_users_subtree(shared) -> None:  # type: ignore[no-untyped-def]
    db, org, _ = shared
    assert names(db, "5678", org.station) == {"张伟"}
    assert names(db, "5678", org.area2) == {"李娜"}
    assert names(db, "5678", org.company) == {"张伟", "李娜"}


def test_large_scopes_are_checked_on_the_customers(shared, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Beyond a number of units the scope is no longer a list of org terms."""
    from desktop_crm.services import search

    db, org, _ = shared
    monkeypatch.setattr(search, "MAX_SCOPE_TERMS", 0)
    assert names(db, "5678", org.station) == {"张伟"}
    assert names(db, "5678", org.area2) == {"李娜"}
    assert names(db, "张", org.station) == {"张伟", "张卫东"}
    assert names(db, "物流", org.station) == set()


def test_limit_and_no_repeats(shared) -> None:  # type: ignore[no-untyped-def]
    db = shared[0]
    with db.session() as s:
        assert len(search_ids(s, "z", None, limit=1)) == 1
        found = search_ids(s, "1", None, limit=50)
        assert len(found) == len(set(found))


def test_edits_and_deletes_are_reindexed(db, people) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        c = s.get_one(Customer, people["张伟"])
        c.name, c.phone = "张薇", "13611112222"
        s.get_one(Customer, people["李娜"]).deleted = True
        s.flush()
        reindex_customers(s, [people["张伟"], people["李娜"]])
    assert names(db, "张伟") == set()
    assert names(db, "张薇") == {"张薇"}
    assert names(db, "2222") == {"张薇"}
    assert names(db, "李娜") == set()


def test_bulk_rebuild_matches_incremental_index(db, people) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import rebuild_search_index, search_documents

    before = search_documents(db)
    queries = ["张伟", "zw", "5678", "京a12345", "1000113200000012345", "xiaoming", "物流"]
    found_before = {q: names(db, q) for q in queries}
    rebuild_search_index(db)
    after = search_documents(db)
    assert len(after) == len(people)
    assert after == before
    assert {q: names(db, q) for q in queries} == found_before
    assert found_before["zw"] == {"张伟", "张卫东"}


def test_han_characters_fold_to_themselves() -> None:
    """Names of Han characters only skip the folding (NFKC, lower case, no spaces) on
    their way to pinyin and terms: for every character they may hold it changes nothing."""
    import unicodedata

    from desktop_crm.services.search_index import _HAN_RUN, fold

    chars = "".join(map(chr, range(0x3400, 0xA000)))
    assert _HAN_RUN.fullmatch(chars)
    assert unicodedata.normalize("NFKC", chars) == chars == fold(chars)


@pytest.mark.parametrize(
    ("name", "pinyin", "terms"),
    [
        ("张伟", ("zhangwei", "zw"), {"n张伟", "n伟", "pzhangwei", "izw", "qwei", "jw"}),
        ("张 伟", ("zhangwei", "zw"), {"n张伟", "n伟", "pzhangwei", "izw", "qwei", "jw"}),
        ("王", ("wang", "w"), {"n王", "pwang", "iw"}),
        (
            "欧阳娜娜",
            ("ouyangnana", "oynn"),
            {
                "n欧阳",
                "n阳娜",
                "n娜娜",
                "n娜",
                "pouyangnana",
                "ioynn",
                "qyangnana",
                "jynn",
                "qnana",
                "jnn",
                "qna",
                "jn",
            },
        ),  # fmt: skip
    ],
)
def test_name_terms(name: str, pinyin: tuple[str, str], terms: set[str]) -> None:
    from desktop_crm.services.search_index import name_facts, name_pinyin, name_terms

    assert name_terms(name) == terms
    assert set(name_facts(name)[2].split()) == terms
    assert name_pinyin(name) == pinyin
