"""One customer's file (客户档案) for printing: the profile, vehicles, cards, contacts and
the timeline, as the detail view shows them to this user (phones masked unless the
user's role may see them; an unmasked view is audited by customer_detail)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.localtime import local_date, local_minute
from desktop_crm.models import User
from desktop_crm.reports.common import (
    CALLBACK_REASONS,
    CALLBACK_STATUSES,
    COMPLAINT_STATUSES,
    label,
    printed_at,
    t,
)
from desktop_crm.reports.document import Facts, Paragraph, Report, Table
from desktop_crm.services import customer_options as options
from desktop_crm.services.customer_detail import TimelineEntry, customer_detail

TITLE = QT_TRANSLATE_NOOP("reports", "Customer file")
TIMELINE_ROWS = 300


def _c(table: dict[str, str], value: str | None) -> str:
    return label(table, value, context="customers")


def build_customer(session: Session, user: User, customer_id: str, now_ms: int) -> Report:
    d = customer_detail(session, user, customer_id, now_ms)
    c = d.customer
    yes, no = t(QT_TRANSLATE_NOOP("reports", "Yes")), t(QT_TRANSLATE_NOOP("reports", "No"))
    name = c.name or (d.vehicles[0].plate if d.vehicles else "—")
    report = Report("customer", t(TITLE), name, local_date(now_ms) or "", printed_at(now_ms))
    report.blocks.append(Facts(t(QT_TRANSLATE_NOOP("reports", "Profile")), [
        (t(QT_TRANSLATE_NOOP("reports", "Name")), c.name or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Kind")), _c(options.KINDS, c.kind)),
        (t(QT_TRANSLATE_NOOP("reports", "Level")), c.level or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Status")), _c(options.STATUSES, c.status)),
        (t(QT_TRANSLATE_NOOP("reports", "File stage")), _c(options.STAGES, c.profile_stage)),
        (t(QT_TRANSLATE_NOOP("reports", "Completeness")), f"{d.completeness}%"),
        (t(QT_TRANSLATE_NOOP("reports", "Station")), d.station),
        (t(QT_TRANSLATE_NOOP("reports", "Maintainer")), d.maintainer or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Developer")), d.developer or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Phone")), d.numbers.phone or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Second phone")), d.numbers.phone2 or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "ID number")), d.numbers.id_number or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Employer")), c.employer or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Address")), c.address or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Volume tier")), c.volume_tier or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Focus")), _c(options.FOCUS_TYPES, c.focus_type) or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Regular customer")), yes if c.regular else no),
        (t(QT_TRANSLATE_NOOP("reports", "Tags")), c.tags or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Consent to contact")), yes if c.consent else no),
        (t(QT_TRANSLATE_NOOP("reports", "Do not disturb")), yes if c.do_not_disturb else no),
        (t(QT_TRANSLATE_NOOP("reports", "Preferred channel")),
         _c(options.CHANNELS, c.preferred_channel) or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Payment habit")),
         _c(options.PAYMENT_HABITS, c.payment_habit) or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Usual interval (days)")),
         round(c.usual_interval_days, 1) if c.usual_interval_days else "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Last visit")), local_date(c.last_visit_at) or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Visits in 12 months")), d.visit_count),
        (t(QT_TRANSLATE_NOOP("reports", "Litres in 12 months")), round(d.litres_12m, 2)),
        (t(QT_TRANSLATE_NOOP("reports", "Filed")), local_date(c.created_at) or "—"),
        (t(QT_TRANSLATE_NOOP("reports", "Birthday")), c.birthday or "—"),
    ]))  # fmt: skip
    if d.missing:
        missing = "、".join(_c({m: m}, m) for m in d.missing)
        report.blocks.append(Paragraph(
            t(QT_TRANSLATE_NOOP("reports", "Missing from the file: {items}"), items=missing),
            muted=True))  # fmt: skip
    if c.needs:
        report.blocks.append(Paragraph(t(QT_TRANSLATE_NOOP("reports", "Needs: {text}"),
                                         text=c.needs)))  # fmt: skip
    if c.notes:
        report.blocks.append(Paragraph(t(QT_TRANSLATE_NOOP("reports", "Notes: {text}"),
                                         text=c.notes)))  # fmt: skip
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Vehicles")),
        [t(QT_TRANSLATE_NOOP("reports", "Plate")), t(QT_TRANSLATE_NOOP("reports", "Model")),
         t(QT_TRANSLATE_NOOP("reports", "New energy"))],
        [[v.plate, v.model or "", yes if v.new_energy else ""] for v in d.vehicles],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No vehicle on file.")),
    ))  # fmt: skip
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "Fuel cards")),
        [t(QT_TRANSLATE_NOOP("reports", "Card number")), t(QT_TRANSLATE_NOOP("reports", "Status"))],
        [[card.card_no, _c(options.CARD_STATUSES, card.status)] for card in d.cards],
        empty_text=t(QT_TRANSLATE_NOOP("reports", "No fuel card on file.")),
    ))  # fmt: skip
    if d.contacts or c.kind == "organisation":
        report.blocks.append(Table(
            t(QT_TRANSLATE_NOOP("reports", "Contacts")),
            [t(QT_TRANSLATE_NOOP("reports", "Name")), t(QT_TRANSLATE_NOOP("reports", "Title")),
             t(QT_TRANSLATE_NOOP("reports", "Phone")), t(QT_TRANSLATE_NOOP("reports", "E-mail"))],
            [[p.name, p.title or "", phone or "", p.email or ""] for p, phone in d.contacts],
            empty_text=t(QT_TRANSLATE_NOOP("reports", "No contact on file.")),
        ))  # fmt: skip
    entries = d.timeline[:TIMELINE_ROWS]
    report.blocks.append(Table(
        t(QT_TRANSLATE_NOOP("reports", "History")),
        [t(QT_TRANSLATE_NOOP("reports", "Time")), t(QT_TRANSLATE_NOOP("reports", "Event")),
         t(QT_TRANSLATE_NOOP("reports", "Details"))],
        [[local_minute(e.at), _event(e.kind), _details(e)] for e in entries],
        widths=[2.2, 1.6, 8],
    ))  # fmt: skip
    return report


EVENTS = {
    "created": QT_TRANSLATE_NOOP("reports", "Filed"),
    "visit": QT_TRANSLATE_NOOP("reports", "Visit"),
    "level": QT_TRANSLATE_NOOP("reports", "Level change"),
    "owner": QT_TRANSLATE_NOOP("reports", "Reassigned"),
    "callback": QT_TRANSLATE_NOOP("reports", "Callback"),
    "callback_attempt": QT_TRANSLATE_NOOP("reports", "Callback attempt"),
    "complaint": QT_TRANSLATE_NOOP("reports", "Complaint"),
}


def _event(kind: str) -> str:
    return label(EVENTS, kind)


def _details(e: TimelineEntry) -> str:
    x = e.detail
    if e.kind == "visit":
        card = t(QT_TRANSLATE_NOOP("reports", "by card")) if x.get("card") else ""
        return f"{x.get('station', '')} {x.get('product', '')} {x.get('litres', 0):.2f} L " \
               f"¥{x.get('amount', 0):,.2f} {card}".strip()  # fmt: skip
    if e.kind == "level":
        return f"{x.get('old')} → {x.get('new')}  {x.get('by', '')}  {x.get('reason', '')}".strip()
    if e.kind == "owner":
        role = _c(options.OWNER_ROLES, str(x.get("role", "")))
        return f"{role}: {x.get('old')} → {x.get('new')}  {x.get('reason', '')}".strip()
    if e.kind == "callback":
        parts = [label(CALLBACK_REASONS, str(x.get("reason", ""))),
                 label(CALLBACK_STATUSES, str(x.get("status", ""))), str(x.get("by", ""))]  # fmt: skip
        if x.get("satisfaction"):
            word = t(QT_TRANSLATE_NOOP("reports", "Satisfaction"))
            parts.append(f"{word} {x['satisfaction']}")
        parts.append(str(x.get("note", "")))
        return "  ".join(p for p in parts if p)
    if e.kind == "callback_attempt":
        return "  ".join(str(x.get(k) or "") for k in ("by", "channel", "next_due", "note")
                         if x.get(k))  # fmt: skip
    if e.kind == "complaint":
        return "  ".join(str(p) for p in (x.get("number"), x.get("category"), x.get("severity"),
                                          label(COMPLAINT_STATUSES, str(x.get("status", ""))),
                                          x.get("description")) if p)  # fmt: skip
    return ""
