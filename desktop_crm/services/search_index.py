"""The customer search index: short terms that point at customers.

One table, ``customer_search(term, customer_id, org_unit_id)``, a B-tree keyed by term,
so that every kind of query is an exact or prefix range scan that stops at the first
page. SQLite's FTS5 trigram tokenizer cannot match the two-character names most
Chinese customers have; these terms can. Each term starts with a one-letter tag:

    n  a character or two-character piece of the name    张, 伟, 张伟
    p  full pinyin of the whole name                       zhangwei
    q  full pinyin from each later syllable on             wei
    i  pinyin initials of the whole name                   zw
    j  pinyin initials from each later syllable on         w
    m  a phone number's digits (prefix search)             13812345678
    r  the same digits reversed (suffix search: 5678)      87654321831
    v  a normalised plate                                  京A12345
       (a query without the province scans 'v' once per province: 31 tiny ranges)
    c  a fuel card number (prefix)  k  reversed (suffix)

The index is derived data, local to each desktop: it is rebuilt, not synced.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop_crm.models import Contact, Customer, FuelCard, Vehicle
from desktop_crm.models.search import CustomerSearch
from desktop_crm.services.validation import normalize_phone, normalize_plate

MAX_SYLLABLE_STARTS = 4  # pinyin terms from the first four syllables on
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DIGITS = re.compile(r"\d+")


def is_han(char: str) -> bool:
    return bool(_HAN.match(char))


@lru_cache(maxsize=65536)
def char_pinyin(char: str) -> str:
    """The most common reading of one character, lower case, without tones."""
    if not is_han(char):
        return char.lower() if char.isalnum() else ""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.NORMAL)[0].lower()


def fold(text: str) -> str:
    """Full-width forms to ASCII, lower case, no spaces: how queries and names compare."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def name_terms(name: str | None) -> set[str]:
    if not name:
        return set()
    text = fold(name)
    han = [ch for ch in text if is_han(ch)]
    terms = {"n" + ch for ch in han}
    terms.update(
        "n" + text[k : k + 2]
        for k in range(len(text) - 1)
        if is_han(text[k]) and is_han(text[k + 1])
    )
    syllables = [s for s in (char_pinyin(ch) for ch in text) if s]
    for start in range(min(len(syllables), MAX_SYLLABLE_STARTS)):
        rest = syllables[start:]
        full, initials = ("p", "i") if start == 0 else ("q", "j")
        terms.add(full + "".join(rest)[:40])
        terms.add(initials + "".join(s[0] for s in rest)[:20])
    for word in re.findall(r"[a-z0-9]{2,}", text):  # Latin names and brand words
        terms.add("p" + word[:40])
    return terms


def digits_of(phone: str | None) -> str:
    if not phone:
        return ""
    return "".join(_DIGITS.findall(normalize_phone(unicodedata.normalize("NFKC", phone))))


def phone_terms(phone: str | None) -> set[str]:
    digits = digits_of(phone)
    if len(digits) < 4:
        return set()
    terms = {"m" + digits, "r" + digits[::-1]}
    if len(digits) > 8 and digits.startswith("0"):  # landline: also without its area code
        for cut in (3, 4):
            local = digits[cut:]
            if 7 <= len(local) <= 8:
                terms.add("m" + local)
    return terms


def plate_terms(plate: str | None) -> set[str]:
    if not plate:
        return set()
    norm = normalize_plate(unicodedata.normalize("NFKC", plate))
    if not norm:
        return set()
    return {"v" + norm}


def card_terms(card_no: str | None) -> set[str]:
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", card_no or "") if ch.isalnum())
    return {"c" + digits, "k" + digits[::-1]} if digits else set()


def customer_terms(
    name: str | None,
    phones: Iterable[str | None] = (),
    plates: Iterable[str | None] = (),
    cards: Iterable[str | None] = (),
    contact_names: Iterable[str | None] = (),
) -> set[str]:
    terms = name_terms(name)
    for phone in phones:
        terms |= phone_terms(phone)
    for plate in plates:
        terms |= plate_terms(plate)
    for card in cards:
        terms |= card_terms(card)
    for contact in contact_names:
        terms |= {t for t in name_terms(contact) if t[0] == "n"}
    return terms


def reindex_customers(session: Session, customer_ids: Iterable[str]) -> None:
    """Recompute the terms of these customers (after a create, edit, merge or import)."""
    ids = list(dict.fromkeys(customer_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(CustomerSearch).where(CustomerSearch.customer_id.in_(chunk)))
        customers = {
            c.id: c
            for c in session.scalars(
                select(Customer).where(Customer.id.in_(chunk), Customer.deleted.is_(False))
            )
        }
        if not customers:
            continue
        extra: dict[str, dict[str, list[str]]] = {
            cid: {"phones": [], "plates": [], "cards": [], "contacts": []} for cid in customers
        }
        for cid, plate in session.execute(
            select(Vehicle.customer_id, Vehicle.plate).where(
                Vehicle.customer_id.in_(customers), Vehicle.deleted.is_(False)
            )
        ):
            extra[cid]["plates"].append(plate)
        for cid, card in session.execute(
            select(FuelCard.customer_id, FuelCard.card_no).where(
                FuelCard.customer_id.in_(customers), FuelCard.deleted.is_(False)
            )
        ):
            extra[cid]["cards"].append(card)
        for cid, cname, cphone in session.execute(
            select(Contact.customer_id, Contact.name, Contact.phone).where(
                Contact.customer_id.in_(customers), Contact.deleted.is_(False)
            )
        ):
            extra[cid]["contacts"].append(cname)
            extra[cid]["phones"].append(cphone)
        rows = []
        for cid, c in customers.items():
            e = extra[cid]
            terms = customer_terms(
                c.name, [c.phone, c.phone2, *e["phones"]], e["plates"], e["cards"], e["contacts"]
            )
            rows.extend(
                {"term": t, "customer_id": cid, "org_unit_id": c.org_unit_id} for t in terms
            )
        if rows:
            session.execute(CustomerSearch.__table__.insert(), rows)


def _all_customer_terms(conn: sqlite3.Connection) -> Iterator[tuple[str, str, str]]:
    """(term, customer id, org unit) for every customer, streamed in id order."""

    def grouped(sql: str) -> Iterator[tuple[str, list[tuple[str, ...]]]]:
        current, values = None, []
        for row in conn.execute(sql):
            if row[0] != current:
                if current is not None:
                    yield current, values
                current, values = row[0], []
            values.append(row[1:])
        if current is not None:
            yield current, values

    def lookup(
        gen: Iterator[tuple[str, list[tuple[str, ...]]]],
    ) -> Callable[[str], list[tuple[str, ...]]]:
        pending = next(gen, None)

        def get(cid: str) -> list[tuple[str, ...]]:
            nonlocal pending
            while pending is not None and pending[0] < cid:
                pending = next(gen, None)
            if pending is not None and pending[0] == cid:
                return pending[1]
            return []

        return get

    plates = lookup(
        grouped("SELECT customer_id, plate FROM vehicles WHERE deleted = 0 ORDER BY customer_id")
    )
    cards = lookup(
        grouped(
            "SELECT customer_id, card_no FROM fuel_cards WHERE deleted = 0 ORDER BY customer_id"
        )
    )
    contacts = lookup(
        grouped(
            "SELECT customer_id, name, phone FROM contacts WHERE deleted = 0 ORDER BY customer_id"
        )
    )
    for cid, org, name, phone, phone2 in conn.execute(
        "SELECT id, org_unit_id, name, phone, phone2 FROM customers WHERE deleted = 0 ORDER BY id"
    ):
        contact_rows = contacts(cid)
        terms = customer_terms(
            name,
            [phone, phone2, *(r[1] for r in contact_rows)],
            [r[0] for r in plates(cid)],
            [r[0] for r in cards(cid)],
            [r[0] for r in contact_rows],
        )
        for term in terms:
            yield term, cid, org


def rebuild_index(conn: sqlite3.Connection, batch: int = 50_000) -> int:
    """Rebuild the whole index on a raw sqlite3 connection inside the caller's transaction.

    Terms go to an unindexed scratch table first and are copied over sorted, which is
    far faster than inserting millions of rows into the B-tree in random order.
    """
    conn.execute("DELETE FROM customer_search")
    conn.execute("CREATE TEMP TABLE search_scratch (term TEXT, customer_id TEXT, org_unit_id TEXT)")
    count = 0
    rows: list[tuple[str, str, str]] = []
    for row in _all_customer_terms(conn):
        rows.append(row)
        if len(rows) >= batch:
            conn.executemany("INSERT INTO search_scratch VALUES (?, ?, ?)", rows)
            count += len(rows)
            rows.clear()
    if rows:
        conn.executemany("INSERT INTO search_scratch VALUES (?, ?, ?)", rows)
        count += len(rows)
    conn.execute(
        "INSERT INTO customer_search (term, customer_id, org_unit_id) "
        "SELECT term, customer_id, org_unit_id FROM search_scratch ORDER BY term, customer_id"
    )
    conn.execute("DROP TABLE search_scratch")
    return count
