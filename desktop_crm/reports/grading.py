"""Grading customers: the weighted score S = Σ wᵢ·mᵢ and ABC by cumulative volume.

Factors, each scored 0-100 over the twelve months before ``today``:
- revenue: money spent, 100 at ``grading.full_marks.revenue_yuan`` or more, linear below;
- volume: litres, 100 at ``grading.full_marks.volume_litres`` or more, linear below;
- credit: 0 for a blacklisted customer; otherwise 100 for cash or a payment term up to
  30 days, falling linearly to 50 at a term of 90 days or more;
- growth: litres of the last six months against the six before: 50 when flat, +50 %
  per doubling (capped at 100), 0 when they stopped; 100 for a customer who only
  started, 0 for one never seen.
S = Σ wᵢ·mᵢ / Σ wᵢ with weights ``grading.weights`` (revenue 40, volume 30, credit 20,
growth 10). Grades from cut-offs ``grading.cutoffs`` (A 91, B 81, C 65): a cut-off is
the lowest score of its grade, compared without rounding, so S = 91 is A and
S = 90.5 is B (as are 90.99 and 81); below the C cut-off is D.

ABC: customers sorted by volume, largest first; a customer is A while the share of the
volume of those before it is under 80 % (so the largest is always A), B under 90 %,
C for the rest and for customers without volume (``grading.abc_shares``).

The proposed level is ``grading.levels[grade]``; levels in ``grading.kept_levels``
(VIP by default) are given by hand and never proposed for a change. Changes are
applied through ``customer_actions.change_level``: permissions, history, audit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.i18n import translate_message
from desktop_crm.models import User
from desktop_crm.reports.periods import local_midnight_ms
from desktop_crm.services.customer_actions import change_level
from desktop_crm.services.settings import DEFAULTS, get_setting

if TYPE_CHECKING:
    import pandas as pd

SCORE, ABC = "score", "abc"
FACTORS = ("revenue", "volume", "credit", "growth")
REASON = QT_TRANSLATE_NOOP("charts", "Grading: score {score}, grade {grade}")


@dataclass(frozen=True)
class GradingRules:
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULTS["grading.weights"]))
    cutoffs: dict[str, float] = field(default_factory=lambda: dict(DEFAULTS["grading.cutoffs"]))
    full_marks: dict[str, float] = field(
        default_factory=lambda: dict(DEFAULTS["grading.full_marks"])
    )
    abc_shares: tuple[float, float] = (80.0, 90.0)
    method: str = SCORE
    levels: dict[str, str] = field(default_factory=lambda: dict(DEFAULTS["grading.levels"]))
    kept_levels: tuple[str, ...] = ("VIP",)


def rules(session: Session) -> GradingRules:
    def value(key: str) -> Any:
        return get_setting(session, key)

    shares = value("grading.abc_shares") or [80, 90]
    return GradingRules(
        weights={k: float(v) for k, v in (value("grading.weights") or {}).items()},
        cutoffs={k: float(v) for k, v in (value("grading.cutoffs") or {}).items()},
        full_marks={k: float(v) for k, v in (value("grading.full_marks") or {}).items()},
        abc_shares=(float(shares[0]), float(shares[1])),
        method=value("grading.method") or SCORE,
        levels=dict(value("grading.levels") or {}),
        kept_levels=tuple(value("grading.kept_levels") or ()),
    )


def grade_of(score: float, cutoffs: dict[str, float]) -> str:
    """A / B / C / D: the first grade whose cut-off the score reaches (no rounding)."""
    for grade in ("A", "B", "C"):
        if score >= cutoffs.get(grade, 0.0):
            return grade
    return "D"


def abc_classes(volumes: Sequence[float], shares: tuple[float, float] = (80.0, 90.0)) -> list[str]:
    """The ABC class of each volume (same order as given)."""
    total = float(sum(v for v in volumes if v > 0))
    order = sorted(range(len(volumes)), key=lambda i: -volumes[i])
    classes = ["C"] * len(volumes)
    before = 0.0
    for i in order:
        if volumes[i] <= 0 or total <= 0:
            break
        share = before / total * 100.0
        classes[i] = "A" if share < shares[0] else "B" if share < shares[1] else "C"
        before += volumes[i]
    return classes


def credit_score(blacklisted: bool, term_days: int | None) -> float:
    if blacklisted:
        return 0.0
    if term_days is None or term_days <= 30:
        return 100.0
    return max(50.0, 100.0 - (term_days - 30) * 50.0 / 60.0)


def growth_score(recent: float, prior: float) -> float:
    if prior <= 0:
        return 100.0 if recent > 0 else 0.0
    return max(0.0, min(100.0, 50.0 + 50.0 * (recent - prior) / prior))


def grade_customers(
    session: Session,
    unit_path: str,
    today: date,
    grading: GradingRules | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Every live customer under ``unit_path`` with factor scores, S, grade, ABC class,
    the proposed level and whether it differs from the current level.

    Read one org unit at a time (through the customer and visit indexes), calling
    ``progress(done, total)`` after each: the caller shows it and may cancel there."""
    import pandas as pd

    grading = grading or rules(session)
    end = local_midnight_ms(today + timedelta(days=1))
    start = local_midnight_ms(today - timedelta(days=364))
    middle = local_midnight_ms(today - timedelta(days=182))
    sql = """
        SELECT c.id,
               coalesce(c.name, (SELECT w.plate FROM vehicles w
                                 WHERE w.customer_id = c.id AND w.deleted = 0 LIMIT 1), ''),
               coalesce(c.level, ''), c.blacklisted, c.payment_term_days,
               coalesce(sum(v.amount_fen), 0), coalesce(sum(v.litres), 0),
               coalesce(sum(CASE WHEN v.visited_at >= :middle THEN v.litres END), 0)
        FROM customers c
        LEFT JOIN visits v ON v.customer_id = c.id AND v.deleted = 0
             AND v.visited_at >= :start AND v.visited_at < :end
        WHERE c.deleted = 0 AND c.org_unit_id = :org
        GROUP BY c.id
    """
    units = session.execute(
        text("SELECT id, code FROM org_units WHERE path LIKE :path ORDER BY path"),
        {"path": unit_path.replace("%", "") + "%"},
    ).all()
    rows: list[tuple[Any, ...]] = []
    for done, (org, code) in enumerate(units, start=1):
        params = {"start": start, "middle": middle, "end": end, "org": org}
        rows.extend((*r[:5], code, *r[5:]) for r in session.execute(text(sql), params))
        if progress is not None:
            progress(done, len(units))
    frame = pd.DataFrame(
        rows,
        columns=[
            "id", "name", "level", "blacklisted", "term", "station", "amount_fen", "litres",
            "recent",
        ],
    )  # fmt: skip
    full_revenue = grading.full_marks.get("revenue_yuan", 15000.0) or 1.0
    full_volume = grading.full_marks.get("volume_litres", 2000.0) or 1.0
    frame["revenue"] = (frame["amount_fen"] / 100.0 / full_revenue * 100.0).clip(upper=100.0)
    frame["volume"] = (frame["litres"] / full_volume * 100.0).clip(upper=100.0)
    frame["credit"] = [
        credit_score(bool(b), None if t != t or t is None else int(t))
        for b, t in zip(frame["blacklisted"], frame["term"], strict=True)
    ]
    frame["growth"] = [
        growth_score(r, total - r)
        for r, total in zip(frame["recent"], frame["litres"], strict=True)
    ]
    weight_sum = sum(grading.weights.get(f, 0.0) for f in FACTORS) or 1.0
    frame["score"] = sum(frame[f] * grading.weights.get(f, 0.0) for f in FACTORS) / weight_sum
    frame["grade"] = [grade_of(s, grading.cutoffs) for s in frame["score"]]
    frame["abc"] = abc_classes(list(frame["litres"]), grading.abc_shares)
    chosen = frame["abc"] if grading.method == ABC else frame["grade"]
    frame["proposed"] = [grading.levels.get(g, g) for g in chosen]
    frame["differs"] = (frame["proposed"] != frame["level"]) & ~frame["level"].isin(
        grading.kept_levels
    )
    return frame.drop(columns=["amount_fen", "blacklisted", "term"])


def differing(frame: pd.DataFrame) -> pd.DataFrame:
    """The customers whose computed grade differs from their level, by station and name."""
    return frame[frame["differs"]].sort_values(["station", "name"]).reset_index(drop=True)


def reason_for(score: float, grade: str) -> str:
    return translate_message("charts", REASON, {"score": f"{score:.1f}", "grade": grade})


def apply_levels(session: Session, user: User, changes: Sequence[tuple[str, str, str]]) -> int:
    """Apply (customer id, new level, reason) one by one through change_level, each into
    the level history and the audit log. Returns how many levels changed."""
    changed = 0
    for customer_id, level, reason in changes:
        before = session.scalar(
            text("SELECT level FROM customers WHERE id = :id"), {"id": customer_id}
        )
        customer = change_level(session, user, customer_id, level, reason)
        if customer.level != before:
            changed += 1
    return changed  # the charts see the new level_changes rows and recompute
