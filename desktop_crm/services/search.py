"""Find customers by any of: part of the name, pinyin, phone (or its last digits),
plate written any way, fuel card. Every query becomes a few term or prefix lookups in
the search index (services/search_index.py) that stop after the page asked for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_crm.models import OrgUnit
from desktop_crm.models.search import FTS_TABLE, CustomerSearch
from desktop_crm.services.search_index import fold, is_han, org_term
from desktop_crm.services.validation import PROVINCES, normalize_plate

_PHONEISH = re.compile(r"^\+?[\d\-]+$")
# A card number's prefix is searched from this many digits on: cards of one issuer share
# their first seven digits, so a shorter prefix would match nearly every card.
CARD_PREFIX_DIGITS = 8


@dataclass(frozen=True)
class TermRange:
    """Terms equal to ``term``, or starting with it when ``prefix``; ``name_like``
    additionally filters the customer's name."""

    term: str
    prefix: bool = True
    name_like: str | None = None

    def match(self) -> str | None:
        """The FTS5 query for this range (None when nothing of the term is left)."""
        term = "".join(ch for ch in self.term if ch.isalnum())
        if len(term) < 2:
            return None
        return f'"{term}"*' if self.prefix else f'"{term}"'


def _prefix(term: str) -> TermRange:
    return TermRange(term)


def _exact(term: str) -> TermRange:
    return TermRange(term, prefix=False)


def plan(query: str) -> list[TermRange]:
    """The index ranges that answer ``query``, most specific first."""
    q = fold(query)
    q = q.replace("·", "").replace("•", "")
    if not q:
        return []
    ranges: list[TermRange] = []
    if _PHONEISH.match(q):
        digits = q.lstrip("+").replace("-", "")
        if digits.startswith("86") and len(digits) == 13:
            digits = digits[2:]
        if digits:
            ranges.append(_prefix("m" + digits))
            ranges.append(_prefix("r" + digits[::-1]))
            if len(digits) >= CARD_PREFIX_DIGITS:
                ranges.append(_prefix("c" + digits))
            if len(digits) >= 4:
                ranges.append(_prefix("k" + digits[::-1]))
        return ranges
    han = [ch for ch in q if is_han(ch)]
    if han and q[0] in PROVINCES and len(q) > 1 and q[1:].isalnum() and not is_han(q[1]):
        ranges.append(_prefix("v" + normalize_plate(q)))  # 京a12345 / 京A·12345
        return ranges
    if han:
        name = "".join(ch for ch in q if is_han(ch) or ch.isalnum())
        if len(name) == 1:
            ranges.append(_prefix("n" + name))  # 张: 张伟, and 伟 of 李伟 as the last piece
        elif len(name) == 2 and len(han) == 2:
            ranges.append(_exact("n" + name))
        else:
            first_pair = next(
                (
                    name[k : k + 2]
                    for k in range(len(name) - 1)
                    if is_han(name[k]) and is_han(name[k + 1])
                ),
                han[0],
            )
            like = "%" + name.replace("%", "").replace("_", "") + "%"
            ranges.append(TermRange("n" + first_pair, len(first_pair) == 1, like))
        return ranges
    if q.isalnum():
        if q.isalpha():  # names that start so first, then given names
            ranges.extend(_prefix(tag + q) for tag in ("i", "p", "j", "q"))
        if any(ch.isdigit() for ch in q) or len(q) >= 2:
            # a12345: a plate typed without its province character
            ranges.extend(_prefix("v" + province + q.upper()) for province in PROVINCES)
        if sum(ch.isdigit() for ch in q) >= CARD_PREFIX_DIGITS:
            ranges.append(_prefix("c" + q))
    return ranges


_SCAN = "SELECT f.rowid FROM {fts} AS f {join} WHERE {fts} MATCH :match {where} LIMIT :limit"
_JOIN = "JOIN customer_search AS d ON d.key = f.rowid JOIN customers AS c ON c.id = d.customer_id"

# Beyond this many units a scope is checked on the customers' rows instead of by terms.
MAX_SCOPE_TERMS = 400


def _scope_units(session: Session, scope: OrgUnit | None) -> list[str] | None:
    """The org units of ``scope``'s subtree; None for everything."""
    if scope is None or scope.parent_id is None:
        return None
    return list(
        session.scalars(
            text("SELECT id FROM org_units WHERE substr(path, 1, :plen) = :path"),
            {"path": scope.path, "plen": len(scope.path)},
        )
    )


def search_keys(session: Session, query: str, scope: OrgUnit | None, limit: int = 100) -> list[int]:
    """Index keys of up to ``limit`` customers matching ``query`` inside ``scope``'s
    subtree (None or the company at the root: everything), in index order, without
    repeats. ``customer_ids`` turns them into customer ids (a page at a time is cheap)."""
    found: dict[int, None] = {}
    ranges = plan(query)
    if not ranges:
        return []
    units = _scope_units(session, scope)
    scope_match = org_clause = ""
    params: dict[str, object] = {}
    if units is not None and len(units) <= MAX_SCOPE_TERMS:
        scope_match = " AND (" + " OR ".join(f'"{org_term(u)}"' for u in units) + ")"
    elif units is not None:
        org_clause = (
            "AND c.org_unit_id IN (SELECT id FROM org_units WHERE substr(path, 1, :plen) = :path)"
        )
        params.update(path=scope.path, plen=len(scope.path))  # type: ignore[union-attr]
    for term_range in ranges:
        if len(found) >= limit:
            break
        match = term_range.match()
        if match is None:
            continue
        where = org_clause
        if term_range.name_like:
            where += " AND c.name LIKE :like"
            params["like"] = term_range.name_like
        sql = _SCAN.format(fts=FTS_TABLE, join=_JOIN if where else "", where=where)
        rows = session.execute(
            text(sql),
            {**params, "match": match + scope_match, "limit": limit + len(found)},
        )
        for (key,) in rows:
            found.setdefault(key, None)
            if len(found) >= limit:
                break
    return list(found)


def customer_ids(session: Session, keys: Sequence[int]) -> list[str]:
    """The customer ids of these index keys, in the same order."""
    by_key: dict[int, str] = {}
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        rows = session.execute(
            select(CustomerSearch.key, CustomerSearch.customer_id).where(
                CustomerSearch.key.in_(chunk)
            )
        )
        by_key.update((key, cid) for key, cid in rows)
    return [by_key[k] for k in keys if k in by_key]


def search_ids(session: Session, query: str, scope: OrgUnit | None, limit: int = 100) -> list[str]:
    """Ids of up to ``limit`` customers matching ``query`` inside ``scope``'s subtree
    (None or the company at the root: everything), in index order, without repeats."""
    return customer_ids(session, search_keys(session, query, scope, limit))
