"""One customer's file: profile, vehicles, cards, contacts and a single timeline."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop_crm.ids import now_ms
from desktop_crm.models import User
from desktop_crm.models.db import Database
from desktop_crm.services.customer_detail import CustomerDetail, TimelineEntry, customer_detail
from desktop_crm.services.customer_options import CARD_STATUSES, CHANNELS, KINDS, STAGES, STATUSES
from desktop_crm.views.background import OpContext, run_in_background


def _t(table: dict[str, str], value: str | None) -> str:
    return (
        QCoreApplication.translate("customers", table.get(value or "", value or ""))
        if value
        else ""
    )


class CustomerDetailView(QWidget):
    """Shows the selected customer; loads off the GUI thread."""

    edit_requested = Signal(str)
    merge_requested = Signal(str)
    loaded = Signal(str)

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.customer_id: str | None = None
        self.detail: CustomerDetail | None = None
        self.title = QLabel(self.tr("Select a customer to see the file."))
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("editCustomer")
        self.merge_button = QPushButton(self.tr("Merge with…"))
        self.merge_button.setObjectName("mergeCustomer")
        self.complaint_button = QPushButton(self.tr("New complaint…"))
        self.complaint_button.setObjectName("newComplaintForCustomer")
        self.complaint_button.setEnabled(False)
        self.complaint_button.clicked.connect(self.new_complaint)
        self.print_button = QPushButton(self.tr("Print file…"))
        self.print_button.setObjectName("printCustomerFile")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_file)
        for button in (self.edit_button, self.merge_button):
            button.setEnabled(False)
        self.edit_button.clicked.connect(
            lambda: self.customer_id and self.edit_requested.emit(self.customer_id)
        )
        self.merge_button.clicked.connect(
            lambda: self.customer_id and self.merge_requested.emit(self.customer_id)
        )
        self.browser = QTextBrowser()
        self.browser.setObjectName("detailText")
        self.browser.setOpenLinks(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.complaint_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)

    def show_customer(self, customer_id: str | None) -> None:
        self.customer_id = customer_id
        if customer_id is None:
            self.detail = None
            self.title.setText(self.tr("Select a customer to see the file."))
            self.browser.clear()
            self.edit_button.setEnabled(False)
            self.merge_button.setEnabled(False)
            self.complaint_button.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        user = self.user

        def work(ctx: OpContext) -> CustomerDetail:
            return customer_detail(ctx.session, user, customer_id, now_ms())

        def done(detail: CustomerDetail) -> None:
            if not isValid(self) or detail.customer.id != self.customer_id:
                return  # the selection moved on meanwhile
            self.detail = detail
            self.render(detail)
            editable = user.role != "auditor"
            self.edit_button.setEnabled(editable)
            self.merge_button.setEnabled(editable)
            self.complaint_button.setEnabled(editable)
            self.print_button.setEnabled(True)
            self.loaded.emit(detail.customer.id)

        run_in_background(None, self.db, work, done, progress_delay_ms=10_000)

    def print_file(self) -> None:
        """The customer's file as a printable report (preview, print, PDF, Excel)."""
        from desktop_crm.views.reports.report_dialog import ReportDialog

        if self.customer_id is None:
            return
        self.report_dialog = ReportDialog(self.db, self.user, self, kind="customer",
                                          customer_id=self.customer_id,
                                          customer_name=self.title.text())  # fmt: skip
        self.report_dialog.open()

    def new_complaint(self) -> None:
        """Take a complaint of this customer (the intake dialog, customer filled in)."""
        from desktop_crm.views.complaints.intake_dialog import ComplaintIntakeDialog

        if self.customer_id is None:
            return
        dialog = ComplaintIntakeDialog(self.db, self.user, self, customer_id=self.customer_id)
        dialog.saved.connect(lambda _id: self.show_customer(self.customer_id))
        self.complaint_dialog = dialog
        dialog.open()

    # -- rendering -----------------------------------------------------------------
    def render(self, d: CustomerDetail) -> None:
        c = d.customer
        name = c.name or self.tr("(plate only)")
        self.title.setText(f"{escape(name)}  ·  {_t(KINDS, c.kind)}  ·  {c.level or '-'}")
        complete = self.tr("{percent}% complete").format(percent=d.completeness)
        rows = [
            (self.tr("Station"), d.station),
            (self.tr("File stage"), f"{_t(STAGES, c.profile_stage)} · {complete}"),
            (self.tr("Phone"), " / ".join(p for p in (d.numbers.phone, d.numbers.phone2) if p)),
            (self.tr("ID number"), d.numbers.id_number or ""),
            (self.tr("Employer"), c.employer or ""),
            (self.tr("Address"), c.address or ""),
            (self.tr("Status"), _t(STATUSES, c.status)),
            (self.tr("Maintainer / developer"), f"{d.maintainer or '-'} / {d.developer or '-'}"),
            (self.tr("Tags"), c.tags or ""),
            (self.tr("Contact"), self._contact_pref(d)),
            (
                self.tr("Visits in 12 months"),
                self.tr("{n} visits, {litres} L").format(
                    n=d.visit_count, litres=f"{d.litres_12m:,.0f}"
                ),
            ),
            (self.tr("Needs"), c.needs or ""),
            (self.tr("Notes"), c.notes or ""),
        ]
        if d.missing:
            missing = "、".join(QCoreApplication.translate("customers", m) for m in d.missing)
            rows.append((self.tr("To complete"), missing))
        html = ["<table cellspacing='2'>"]
        html += [
            f"<tr><td style='color:#666'>{escape(k)}</td><td>{escape(v)}</td></tr>"
            for k, v in rows
            if v
        ]
        html.append("</table>")
        vehicles, cards, contacts = self.tr("Vehicles"), self.tr("Fuel cards"), self.tr("Contacts")
        timeline = self.tr("Timeline")
        if d.vehicles:
            html.append(f"<h4>{escape(vehicles)}</h4><ul>")
            html += [f"<li>{escape(v.plate)} {escape(v.model or '')}</li>" for v in d.vehicles]
            html.append("</ul>")
        if d.cards:
            html.append(f"<h4>{escape(cards)}</h4><ul>")
            html += [
                f"<li>{escape(card.card_no)} ({escape(_t(CARD_STATUSES, card.status))})</li>"
                for card in d.cards
            ]
            html.append("</ul>")
        if d.contacts:
            html.append(f"<h4>{escape(contacts)}</h4><ul>")
            html += [
                f"<li>{escape(ct.name)} {escape(ct.title or '')} {escape(phone or '')}</li>"
                for ct, phone in d.contacts
            ]
            html.append("</ul>")
        html.append(f"<h4>{escape(timeline)}</h4><table cellspacing='3'>")
        for entry in d.timeline:
            html.append(
                f"<tr><td style='color:#666;white-space:nowrap'>{entry.when}</td>"
                f"<td>{escape(self.describe(entry))}</td></tr>"
            )
        html.append("</table>")
        self.browser.setHtml("".join(html))

    def _contact_pref(self, d: CustomerDetail) -> str:
        c = d.customer
        parts = [_t(CHANNELS, c.preferred_channel), c.preferred_time or ""]
        if c.do_not_disturb:
            parts.append(self.tr("do not disturb"))
        if not c.consent:
            parts.append(self.tr("no consent to contact"))
        return " · ".join(p for p in parts if p)

    def describe(self, e: TimelineEntry) -> str:
        d = e.detail
        if e.kind == "visit":
            card = self.tr("card") if d["card"] else self.tr("cash")
            return self.tr("Refuel at {station}: {product} {litres} L, ¥{amount} ({paid})").format(
                station=d["station"],
                product=d["product"],
                litres=f"{d['litres']:.1f}",
                amount=f"{d['amount']:,.2f}",
                paid=card,
            )
        if e.kind == "level":
            return self.tr("Level {old} → {new} by {by}: {reason}").format(**d)
        if e.kind == "owner":
            role = self.tr("Maintainer") if d["role"] == "maintainer" else self.tr("Developer")
            return self.tr("{role} {old} → {new} by {by}: {reason}").format(
                role=role, **{k: v for k, v in d.items() if k != "role"}
            )
        if e.kind == "callback":
            from desktop_crm.views.callbacks.labels import reason_name, status_name

            return self.tr("Callback ({reason}, {status}), due {due}, by {by}: {note}").format(
                **{
                    **d,
                    "reason": reason_name(str(d["reason"])),
                    "status": status_name(str(d["status"])),
                }
            )
        if e.kind == "callback_attempt":
            from desktop_crm.views.callbacks.labels import attempt_text

            return attempt_text(d)
        if e.kind == "complaint":
            from desktop_crm.views.complaints.labels import choice_label

            shown = {
                **d,
                **{k: choice_label(str(d[k])) for k in ("category", "severity", "status")},
            }
            if d.get("type") == "suggestion":
                return self.tr("Suggestion {number} ({status}): {description}").format(**shown)
            return self.tr(
                "Complaint {number} ({category}, {severity}, {status}): {description}"
            ).format(**shown)
        return self.tr("File created")
