"""Find customers by any of: part of the name, pinyin, phone (or its last digits),
plate written any way, fuel card. Every query becomes a few range scans over the
search index (services/search_index.py) that stop after the page asked for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.models import OrgUnit
from desktop_crm.services.search_index import fold, is_han
from desktop_crm.services.validation import PROVINCES, normalize_plate

_PHONEISH = re.compile(r"^\+?[\d\-]+$")


@dataclass(frozen=True)
class TermRange:
    """Terms ``lo <= term < hi``; ``name_like`` additionally filters the customer's name."""

    lo: str
    hi: str
    name_like: str | None = None


def _prefix(term: str) -> TermRange:
    return TermRange(term, term[:-1] + chr(ord(term[-1]) + 1))


def _exact(term: str) -> TermRange:
    return TermRange(term, term + "\x00")


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
            if len(digits) >= 4:
                ranges.append(_prefix("c" + digits))
                ranges.append(_prefix("k" + digits[::-1]))
        return ranges
    han = [ch for ch in q if is_han(ch)]
    if han and q[0] in PROVINCES and len(q) > 1 and q[1:].isalnum() and not is_han(q[1]):
        ranges.append(_prefix("v" + normalize_plate(q)))  # 京a12345 / 京A·12345
        return ranges
    if han:
        name = "".join(ch for ch in q if is_han(ch) or ch.isalnum())
        if len(name) == 1 or len(name) == 2 and len(han) == 2:
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
            ranges.append(TermRange("n" + first_pair, "n" + first_pair + "\x00", like))
        return ranges
    if q.isalnum():
        if q.isalpha():  # names that start so first, then given names
            ranges.extend(_prefix(tag + q) for tag in ("i", "p", "j", "q"))
        if any(ch.isdigit() for ch in q) or len(q) >= 2:
            # a12345: a plate typed without its province character
            ranges.extend(_prefix("v" + province + q.upper()) for province in PROVINCES)
        if any(ch.isdigit() for ch in q):
            ranges.append(_prefix("c" + q))
    return ranges


_SCAN = """
SELECT s.customer_id FROM customer_search AS s {join}
WHERE s.term >= :lo AND s.term < :hi {org} {like}
LIMIT :limit
"""


def search_ids(session: Session, query: str, scope: OrgUnit | None, limit: int = 100) -> list[str]:
    """Ids of up to ``limit`` customers matching ``query`` inside ``scope``'s subtree
    (None or the company at the root: everything), in index order, without repeats."""
    found: dict[str, None] = {}
    org_clause = ""
    params: dict[str, object] = {}
    if scope is not None and scope.parent_id is not None:
        org_clause = (
            "AND s.org_unit_id IN (SELECT id FROM org_units WHERE substr(path, 1, :plen) = :path)"
        )
        params.update(path=scope.path, plen=len(scope.path))
    for term_range in plan(query):
        if len(found) >= limit:
            break
        join = like = ""
        if term_range.name_like:
            join = "JOIN customers AS c ON c.id = s.customer_id"
            like = "AND c.name LIKE :like"
            params["like"] = term_range.name_like
        sql = _SCAN.format(join=join, org=org_clause, like=like)
        rows = session.execute(
            text(sql),
            {**params, "lo": term_range.lo, "hi": term_range.hi, "limit": limit + len(found)},
        )
        for (customer_id,) in rows:
            found.setdefault(customer_id, None)
            if len(found) >= limit:
                break
    return list(found)
