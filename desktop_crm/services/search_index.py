"""The customer search index: short terms that point at customers.

Each customer has one row in ``customer_search`` (an integer key, its id and its terms
as one space-separated text) and one document in the FTS5 index
``customer_search_fts`` over that text (models/search.py), so that every kind of
query is a term or prefix lookup that stops at the first page. SQLite's FTS5 trigram
tokenizer cannot match the two-character names most Chinese customers have; these
terms can, because they are made here and the tokenizer only splits them at spaces.
Each term starts with a one-letter tag:

    n  each two-character piece of the name, and its      张伟, 伟
       last character (a one-character query is a prefix: 张 finds 张伟)
    p  full pinyin of the whole name                       zhangwei
    q  full pinyin from each later syllable on             wei
    i  pinyin initials of the whole name                   zw
    j  pinyin initials from each later syllable on         w
    m  a phone number's digits (prefix search)             13812345678
    r  the same digits reversed (suffix search: 5678)      87654321831
    v  a normalised plate                                  京A12345
       (a query without the province asks for 'v' once per province)
    c  a fuel card number (prefix)  k  reversed (suffix)
    o  the customer's org unit (its id without dashes): the user's scope

The index is derived data, local to each desktop: it is rebuilt, not synced.
Terms hold letters and digits only (anything else would split them).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from desktop_crm.models import Contact, Customer, FuelCard, Vehicle
from desktop_crm.models.search import FTS_TABLE, CustomerSearch
from desktop_crm.services.validation import normalize_phone, normalize_plate

MAX_SYLLABLE_STARTS = 4  # pinyin terms from the first four syllables on
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")  # no compatibility forms: NFKC leaves them
_DIGITS = re.compile(r"\d+")
_LATIN = re.compile(r"[a-z0-9]{2,}")


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


@lru_cache(maxsize=65536)
def _char_info(char: str) -> tuple[bool, str]:
    """(is a Han character, its pinyin) of one character of a folded name."""
    return is_han(char), char_pinyin(char)


def name_pinyin(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, lower case, without spaces: the customers'
    pinyin columns."""
    full, initials, _document = name_facts(name)
    return full, initials


@lru_cache(maxsize=100_000)
def name_facts(name: str) -> tuple[str, str, str]:
    """(full pinyin, initials, index terms as one text) of a name: what a customer's row
    and its search document need, worked out once per name."""
    if _HAN_RUN.fullmatch(name):  # most names: Han characters only, which fold to themselves
        last = len(name) - 1
        terms = {"n" + name[k : k + 2] for k in range(last)}
        terms.add("n" + name[last])
        return _with_pinyin(terms, [py for py in map(char_pinyin, name) if py])
    return _general_facts(fold(name))


def _general_facts(text: str) -> tuple[str, str, str]:
    """``name_facts`` of a folded name of any characters."""
    info = list(map(_char_info, text))
    last = len(text) - 1
    # Every Han character starts a two-character piece or is the last of a run, so a
    # prefix query for one character finds every name that holds it.
    terms = {
        "n" + text[k : k + 2] if k < last and info[k + 1][0] else "n" + text[k]
        for k, (han, _py) in enumerate(info)
        if han
    }
    if _LATIN.search(text):  # Latin names and brand words
        terms.update("p" + word[:40] for word in _LATIN.findall(text))
    return _with_pinyin(terms, [py for _han, py in info if py])


def _with_pinyin(terms: set[str], syllables: list[str]) -> tuple[str, str, str]:
    """The facts of a name from its n terms and syllables: its p, q, i and j terms added."""
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables)
    if syllables:
        terms.add("p" + full[:40])
        terms.add("i" + initials[:20])
        offset = 0
        for start in range(1, min(len(syllables), MAX_SYLLABLE_STARTS)):
            offset += len(syllables[start - 1])
            terms.add("q" + full[offset : offset + 40])
            terms.add("j" + initials[start : start + 20])
    return full[:400], initials[:100], " ".join(terms)


def name_terms(name: str | None) -> set[str]:
    return set(name_facts(name)[2].split()) if name else set()


def digits_of(phone: str | None) -> str:
    if not phone:
        return ""
    if phone.isascii() and phone.isdigit():  # already clean (a stored mobile number)
        return phone
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
    if plate.isalnum() and plate == plate.upper() and unicodedata.is_normalized("NFKC", plate):
        return {"v" + plate}  # already normalised (as stored)
    norm = normalize_plate(unicodedata.normalize("NFKC", plate))
    if not norm:
        return set()
    return {"v" + norm}


def card_terms(card_no: str | None) -> set[str]:
    if card_no and card_no.isascii() and card_no.isalnum():
        digits = card_no
    else:
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


@lru_cache(maxsize=4096)
def org_term(org_unit_id: str | None) -> str:
    """The term that puts a customer into its org unit (the scope of a search)."""
    return "o" + "".join(ch for ch in org_unit_id or "" if ch.isalnum())


def document(terms: Iterable[str], org_unit_id: str | None) -> str:
    """A customer's terms as the index stores them: one text, split at spaces."""
    text = " ".join(terms)
    if not text.replace(" ", "").isalnum():  # made here, so nearly always clean already
        text = " ".join(t for t in text.split() if t.isalnum())
    return f"{text} {org_term(org_unit_id)}" if text else org_term(org_unit_id)


def clean_document(
    name: str | None,
    phones: Iterable[str | None],
    plates: Iterable[str],
    cards: Iterable[str],
    org_unit_id: str | None,
) -> str:
    """The document of a customer whose phones, plates and cards are already clean (as an
    import stores them): the same terms as ``document(customer_terms(...))``, made
    faster; a term may repeat, which the index ignores."""
    parts = [name_facts(name)[2]] if name else []
    for phone in phones:
        if phone:
            if phone.isdigit() and len(phone) == 11:
                parts.append(f"m{phone} r{phone[::-1]}")
            else:
                parts.extend(phone_terms(phone))
    parts.extend("v" + plate for plate in plates)
    parts.extend(f"c{card} k{card[::-1]}" for card in cards)
    parts.append(org_term(org_unit_id))
    return " ".join(parts)


INSERT_DOC = "INSERT INTO customer_search (key, customer_id, terms) VALUES (?, ?, ?)"
INSERT_FTS = f"INSERT INTO {FTS_TABLE} (rowid, terms) VALUES (?, ?)"
DELETE_FTS = f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, terms) VALUES ('delete', ?, ?)"


def next_key(conn: sqlite3.Connection | Connection) -> int:
    """The first free key of the index."""
    sql = "SELECT coalesce(max(key), 0) + 1 FROM customer_search"
    if isinstance(conn, Connection):
        return int(conn.exec_driver_sql(sql).scalar_one())
    return int(conn.execute(sql).fetchone()[0])


def _index_from(conn: sqlite3.Connection, first: int) -> None:
    """Put the documents stored from key ``first`` on into the FTS index."""
    conn.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, terms) SELECT key, terms FROM customer_search "
        "WHERE key >= ? ORDER BY key",
        (first,),
    )


def add_documents(
    conn: sqlite3.Connection, docs: Iterable[tuple[str, str]], first: int | None = None
) -> int:
    """Index new customers on a raw connection: (customer id, document) each, for
    customers not indexed yet, keyed from ``first`` on (by default the first free key).
    Returns how many were added."""
    first = next_key(conn) if first is None else first
    conn.executemany(INSERT_DOC, ((k, cid, doc) for k, (cid, doc) in enumerate(docs, first)))
    _index_from(conn, first)
    return next_key(conn) - first


def add_documents_json(conn: sqlite3.Connection, payload: str, first: int) -> None:
    """``add_documents`` for documents given as one JSON array of [key, customer id,
    document] (keys from ``first`` on, in order): one statement that SQLite runs without
    Python's global lock (see importing/bulk.insert_json)."""
    conn.execute(
        "INSERT INTO customer_search (key, customer_id, terms) SELECT json_extract(value, "
        "'$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?)",
        (payload,),
    )
    _index_from(conn, first)


def reindex_customers(session: Session, customer_ids: Iterable[str]) -> None:
    """Recompute the terms of these customers (after a create, edit, merge or import)."""
    ids = list(dict.fromkeys(customer_ids))
    session.flush()
    conn = session.connection()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        old = {
            cid: (key, terms)
            for key, cid, terms in session.execute(
                select(CustomerSearch.key, CustomerSearch.customer_id, CustomerSearch.terms).where(
                    CustomerSearch.customer_id.in_(chunk)
                )
            )
        }
        if old:
            conn.exec_driver_sql(DELETE_FTS, list(old.values()))
        customers = {
            c.id: c
            for c in session.scalars(
                select(Customer).where(Customer.id.in_(chunk), Customer.deleted.is_(False))
            )
        }
        gone = [(key,) for cid, (key, _terms) in old.items() if cid not in customers]
        if gone:
            conn.exec_driver_sql("DELETE FROM customer_search WHERE key = ?", gone)
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
        key = next_key(conn)
        updated, added = [], []
        for cid, c in customers.items():
            e = extra[cid]
            terms = customer_terms(
                c.name, [c.phone, c.phone2, *e["phones"]], e["plates"], e["cards"], e["contacts"]
            )
            doc = document(terms, c.org_unit_id)
            if cid in old:
                updated.append((doc, old[cid][0]))
            else:
                added.append((key, cid, doc))
                key += 1
        if updated:
            conn.exec_driver_sql("UPDATE customer_search SET terms = ? WHERE key = ?", updated)
        if added:
            conn.exec_driver_sql(INSERT_DOC, added)
        conn.exec_driver_sql(
            INSERT_FTS, [(k, doc) for doc, k in updated] + [(k, doc) for k, _c, doc in added]
        )


def _all_customer_terms(conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """(customer id, document) for every customer, streamed in id order."""

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
        yield cid, document(terms, org)


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Rebuild the whole index on a raw sqlite3 connection inside the caller's
    transaction; returns the number of customers indexed."""
    conn.execute("DELETE FROM customer_search")
    count = add_documents(conn, _all_customer_terms(conn))
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
    return count
