"""Creating, editing and deleting customer files; level changes and reassignments.

Every function takes the caller's session (one operation, one transaction: the
caller commits) and the acting user, checks permissions (services/customer_access.py),
normalises and validates (services/customer_form.py), refuses duplicate plates and
cards (services/customer_duplicates.py), keeps the sync columns right (usn = -1 and
a new updated_at on every changed row; removed rows become tombstones), writes the
level and owner history with who, when and why, an audit event with the changed
fields (phone and ID numbers masked), and refreshes the search index.

Single-purpose changes (level, hand-over, preferences, delete) are in
services/customer_actions.py, merging in services/customer_merge.py, completeness in
services/customer_completeness.py; all are re-exported here, so callers import the
customer file's editing API from this one module.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop_crm.ids import new_id, now_ms
from desktop_crm.models import (
    USN_DIRTY,
    Contact,
    Customer,
    FuelCard,
    OrgKind,
    OrgUnit,
    User,
    Vehicle,
)
from desktop_crm.services import audit
from desktop_crm.services import customer_options as options
from desktop_crm.services.customer_access import (
    HAND_OVER_REFUSED,
    can_own,
    check_owner,
    editable_customer,
    owners_by_station,
    require_can_edit,
    require_in_scope,
    require_manager,
    stations_for,
    visible_customer,
)
from desktop_crm.services.customer_actions import (
    OWNER_ROLES,
    can_hand_over,
    change_level,
    customer_ids_owned_by,
    delete_customer,
    is_editor,
    reason_text,
    reassign,
    set_contact_preferences,
)
from desktop_crm.services.customer_children import move_children, stored_stage, sync_children
from desktop_crm.services.customer_completeness import (
    completeness,
    completeness_expression,
    missing_items,
)
from desktop_crm.services.customer_duplicates import (
    Duplicate,
    DuplicateRefused,
    find_duplicates,
    refuse_blocking,
)
from desktop_crm.services.customer_form import (
    CardForm,
    ContactForm,
    CustomerForm,
    VehicleForm,
    fen_to_yuan,
    normalize,
    pinyin_of,
    profile_stage,
    validate,
    yuan_to_fen,
)
from desktop_crm.services.customer_history import (
    audit_changes,
    record_level_change,
    record_owner_change,
)
from desktop_crm.services.customer_merge import (
    MergeResult,
    MergeSide,
    merge_customers,
    merge_preview,
)
from desktop_crm.services.customer_rows import assign, live_rows, mark_dirty
from desktop_crm.services.customers import contact_numbers
from desktop_crm.services.masking import mask_phone
from desktop_crm.services.permissions import can_see_unmasked
from desktop_crm.services.search_index import reindex_customers

__all__ = [
    "CardForm",
    "ContactForm",
    "CustomerForm",
    "Duplicate",
    "DuplicateRefused",
    "EditChoices",
    "FormInvalid",
    "MergeResult",
    "MergeSide",
    "OWNER_ROLES",
    "VehicleForm",
    "can_hand_over",
    "change_level",
    "completeness",
    "completeness_expression",
    "create_customer",
    "customer_ids_owned_by",
    "delete_customer",
    "edit_choices",
    "find_duplicates",
    "is_editor",
    "load_form",
    "merge_customers",
    "merge_preview",
    "missing_items",
    "new_form",
    "normalize",
    "reassign",
    "set_contact_preferences",
    "update_customer",
    "validate",
]

NUMBER_FIELDS = ("phone", "phone2", "id_number")
# Columns filled from the form as they are; empty text is stored as NULL.
_TEXT_COLUMNS = (
    "name",
    "id_number",
    "phone",
    "phone2",
    "email",
    "employer",
    "address",
    "preferred_time",
    "member_no",
    "birthday",
    "needs",
    "notes",
)
_PLAIN_COLUMNS = (
    "kind",
    "id_type",
    "org_unit_id",
    "maintainer_id",
    "developer_id",
    "level",
    "volume_tier",
    "focus_type",
    "regular",
    "status",
    "consent",
    "do_not_disturb",
    "preferred_channel",
    "payment_habit",
    "purchase_cycle_days",
    "payment_term_days",
    "blacklisted",
    "referred_by_id",
)


class FormInvalid(ValidationError):
    """The form has errors; ``errors`` holds one per field, the message is the first's."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.text, field=first.field, **first.params)


# --- reading --------------------------------------------------------------------------------


@dataclass
class EditChoices:
    """What the edit dialog offers: stations, people, and the configured lists."""

    stations: list[tuple[str, str]]  # (id, name)
    users: dict[str, list[tuple[str, str]]]  # station id → [(user id, name)]
    levels: list[str]
    volume_tiers: list[str]
    tags: list[str]


def edit_choices(session: Session, user: User, current: CustomerForm | None = None) -> EditChoices:
    units = stations_for(session, user)
    if current is not None and current.org_unit_id not in {u.id for u in units}:
        unit = session.get(OrgUnit, current.org_unit_id) if current.org_unit_id else None
        if unit is not None:
            units.insert(0, unit)
    stations = [(u.id, u.name) for u in units]
    keep = (current.maintainer_id, current.developer_id) if current else ()
    users = {
        station_id: [(u.id, u.name) for u in people]
        for station_id, people in owners_by_station(session, units, keep).items()
    }
    levels = options.levels(session)
    tiers = options.volume_tiers(session)
    tags = options.tags(session)
    if current is not None:
        if current.level and current.level not in levels:
            levels.append(current.level)
        if current.volume_tier and current.volume_tier not in tiers:
            tiers.append(current.volume_tier)
        tags += [t for t in current.tags if t not in tags]
    return EditChoices(stations, users, levels, tiers, tags)


def new_form(session: Session, user: User, **prefill: Any) -> CustomerForm:
    """An empty file for ``user``: their station (if they have one), them as developer and
    maintainer (谁开发,谁维护), status new; ``prefill`` sets any CustomerForm field."""
    stations = stations_for(session, user)
    own = session.get_one(OrgUnit, user.org_unit_id)
    station_id = own.id if own.kind == OrgKind.STATION else None
    if station_id is None and len(stations) == 1:
        station_id = stations[0].id
    owner = user.id if station_id and can_own(session, user, station_id) else None
    form = CustomerForm(org_unit_id=station_id, maintainer_id=owner, developer_id=owner)
    return replace(form, **prefill)


def load_form(session: Session, user: User, customer_id: str) -> CustomerForm:
    """The stored file as a form. Phone and ID numbers come masked (and are marked so in
    ``masked``) for roles that may not see them; an unmasked view is audited."""
    customer = visible_customer(session, user, customer_id)
    numbers = contact_numbers(session, user, customer)
    masked = (
        frozenset(f for f in NUMBER_FIELDS if getattr(customer, f))
        if numbers.masked
        else frozenset()
    )
    vehicles = live_rows(session, Vehicle, customer.id)
    cards = live_rows(session, FuelCard, customer.id)
    contacts = live_rows(session, Contact, customer.id)
    return CustomerForm(
        kind=customer.kind,
        name=customer.name or "",
        id_type=customer.id_type,
        id_number=numbers.id_number or "",
        phone=numbers.phone or "",
        phone2=numbers.phone2 or "",
        email=customer.email or "",
        employer=customer.employer or "",
        address=customer.address or "",
        org_unit_id=customer.org_unit_id,
        maintainer_id=customer.maintainer_id,
        developer_id=customer.developer_id,
        level=customer.level,
        volume_tier=customer.volume_tier,
        focus_type=customer.focus_type,
        regular=customer.regular,
        status=customer.status,
        tags=[t for t in (customer.tags or "").split(",") if t],
        consent=customer.consent,
        do_not_disturb=customer.do_not_disturb,
        preferred_channel=customer.preferred_channel,
        preferred_time=customer.preferred_time or "",
        payment_habit=customer.payment_habit,
        purchase_cycle_days=customer.purchase_cycle_days,
        credit_limit=fen_to_yuan(customer.credit_limit_fen),
        payment_term_days=customer.payment_term_days,
        blacklisted=customer.blacklisted,
        member_no=customer.member_no or "",
        birthday=customer.birthday or "",
        needs=customer.needs or "",
        notes=customer.notes or "",
        referred_by_id=customer.referred_by_id,
        vehicles=[VehicleForm(v.plate, v.model or "", v.id) for v in vehicles],
        cards=[CardForm(c.card_no, c.status, c.id) for c in cards],
        contacts=[
            ContactForm(
                c.name,
                c.title or "",
                (mask_phone(c.phone) if numbers.masked else c.phone) or "",
                c.email or "",
                c.id,
                bool(numbers.masked and c.phone),
            )
            for c in contacts
        ],
        masked=masked,
    )


# --- helpers --------------------------------------------------------------------------------


def _column_values(form: CustomerForm) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(form, name) or None for name in _TEXT_COLUMNS}
    values.update({name: getattr(form, name) for name in _PLAIN_COLUMNS})
    values["tags"] = ",".join(form.tags)
    values["credit_limit_fen"] = yuan_to_fen(form.credit_limit)
    values["pinyin"], values["pinyin_initials"] = pinyin_of(form.name)
    return values


def _station(session: Session, user: User, station_id: str | None) -> OrgUnit:
    unit = session.get(OrgUnit, station_id) if station_id else None
    if unit is None or unit.kind != OrgKind.STATION or unit.deleted:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose the station the customer belongs to."),
            field="org_unit_id",
        )
    require_in_scope(session, user, unit.id)
    return unit


def _check_choices(session: Session, form: CustomerForm, customer: Customer | None) -> None:
    levels = options.levels(session)
    if form.level and form.level not in levels and form.level != (customer and customer.level):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a level from the list."), field="level"
        )
    tiers = options.volume_tiers(session)
    if (
        form.volume_tier
        and form.volume_tier not in tiers
        and form.volume_tier != (customer and customer.volume_tier)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a volume tier from the list."), field="volume_tier"
        )
    if form.referred_by_id:
        referrer = session.get(Customer, form.referred_by_id)
        if referrer is None or referrer.deleted or (customer and referrer.id == customer.id):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The referring customer is not on file (any more): choose another."
                ),
                field="referred_by_id",
            )


def _validated(form: CustomerForm) -> CustomerForm:
    errors = validate(form)
    if errors:
        raise FormInvalid(errors)
    return form


# --- create and update ----------------------------------------------------------------------


def create_customer(
    session: Session, user: User, form: CustomerForm, *, level_reason: str | None = None
) -> Customer:
    """A new file. Without a maintainer or developer the creating user is both (谁开发,
    谁维护); a first level is recorded in the level history (from none)."""
    require_can_edit(user)
    form = normalize(replace(form, masked=frozenset()))
    if form.org_unit_id is None:
        own = session.get_one(OrgUnit, user.org_unit_id)
        if own.kind == OrgKind.STATION:
            form = replace(form, org_unit_id=own.id)
    _validated(form)
    station = _station(session, user, form.org_unit_id)
    if form.developer_id is None and can_own(session, user, station.id):
        form = replace(form, developer_id=user.id)
    if form.maintainer_id is None:
        form = replace(form, maintainer_id=form.developer_id)
    check_owner(session, station, "maintainer_id", form.maintainer_id, None)
    check_owner(session, station, "developer_id", form.developer_id, None)
    _check_choices(session, form, None)
    refuse_blocking(find_duplicates(session, form))
    at = now_ms()
    customer = Customer(
        id=new_id(),
        created_at=at,
        updated_at=at,
        usn=USN_DIRTY,
        profile_stage=profile_stage(form).value,
        **_column_values(form),
    )
    session.add(customer)
    children = sync_children(session, customer, form, False, at)
    session.flush()
    if customer.level:
        record_level_change(session, user, customer, None, customer.level, level_reason, at)
    detail: dict[str, Any] = {
        "fields": sorted(k for k, v in _column_values(form).items() if v not in (None, "", False)),
        "stage": customer.profile_stage,
    }
    if children:
        detail.update(children)
    audit.record(session, user, audit.Action.CREATE, "customer", customer.id, detail)
    reindex_customers(session, [customer.id])
    return customer


def update_customer(
    session: Session,
    user: User,
    customer_id: str,
    form: CustomerForm,
    *,
    level_reason: str | None = None,
    owner_reason: str | None = None,
) -> Customer:
    """Save an edited file. A changed level needs ``level_reason``, a changed maintainer or
    developer ``owner_reason`` (and a station master or manager, unless the field was
    empty). Phone and ID numbers the user may not see are kept as stored."""
    customer = editable_customer(session, user, customer_id)
    see_all = can_see_unmasked(session, user)
    kept = frozenset(
        f for f in NUMBER_FIELDS if getattr(customer, f) and (f in form.masked or not see_all)
    )
    form = normalize(replace(form, masked=kept))
    _validated(form)
    station = _station(session, user, form.org_unit_id)
    for field in ("maintainer_id", "developer_id"):
        check_owner(session, station, field, getattr(form, field), getattr(customer, field))
    _check_choices(session, form, customer)
    refuse_blocking(find_duplicates(session, form, customer.id))
    if form.level != customer.level and not reason_text(level_reason):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a reason for the change of level."), field="level"
        )
    owner_changes = [
        (role, getattr(customer, f"{role}_id"), getattr(form, f"{role}_id"))
        for role in OWNER_ROLES
        if getattr(customer, f"{role}_id") != getattr(form, f"{role}_id")
    ]
    if owner_changes:
        if any(old is not None for _, old, _ in owner_changes):
            require_manager(user, HAND_OVER_REFUSED)
        if not reason_text(owner_reason):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Give a reason for the change of maintainer or developer."
                ),
                field=f"{owner_changes[0][0]}_id",
            )
    at = now_ms()
    values = _column_values(form)
    for name in kept:
        values.pop(name)
    if "id_number" in kept:
        values.pop("id_type")
    old_level = customer.level
    changes = assign(customer, values, at)
    children = sync_children(session, customer, form, not see_all, at)
    session.flush()
    if "org_unit_id" in changes:
        move_children(session, customer.id, customer.org_unit_id, at)
    stage = stored_stage(session, customer)
    if stage != customer.profile_stage:
        changes["profile_stage"] = (customer.profile_stage, stage)
        customer.profile_stage = stage
    if children and not changes:
        mark_dirty(customer, at)  # the file as a whole changed: its rows did
    if "level" in changes:
        record_level_change(session, user, customer, old_level, customer.level, level_reason, at)
    for role, old, new in owner_changes:
        record_owner_change(session, user, customer, role, old, new, owner_reason, at)
    if changes or children:
        detail = audit_changes(changes) | children
        if "level" in changes:
            detail["level_reason"] = reason_text(level_reason)
        if owner_changes:
            detail["owner_reason"] = reason_text(owner_reason)
        audit.record(session, user, audit.Action.EDIT, "customer", customer.id, detail)
        reindex_customers(session, [customer.id])
    return customer
