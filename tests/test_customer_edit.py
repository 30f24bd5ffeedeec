"""Creating, editing, merging and deleting customer files (services, no Qt widgets)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_crm import i18n
from desktop_crm.errors import PermissionDenied, ValidationError
from desktop_crm.ids import now_ms
from desktop_crm.models import (
    AuditEvent,
    CallbackTask,
    Complaint,
    Contact,
    Customer,
    CustomerSearch,
    FuelCard,
    LevelChange,
    OwnerChange,
    User,
    Vehicle,
    Visit,
)
from desktop_crm.models.db import Database
from desktop_crm.services.customer_completeness import (
    completeness,
    completeness_expression,
    missing_items,
)
from desktop_crm.services.customer_edit import (
    CardForm,
    ContactForm,
    CustomerForm,
    DuplicateRefused,
    FormInvalid,
    VehicleForm,
    change_level,
    create_customer,
    customer_ids_owned_by,
    delete_customer,
    edit_choices,
    find_duplicates,
    load_form,
    merge_customers,
    merge_preview,
    new_form,
    normalize,
    reassign,
    set_contact_preferences,
    update_customer,
    validate,
)
from desktop_crm.services.customer_form import profile_stage
from desktop_crm.services.customer_history import level_history, owner_history
from desktop_crm.services.search import search_ids
from desktop_crm.services.validation import uscc_check_char
from tests.conftest import Org

ID_CARD = "11010519491231002X"  # GB 11643's worked example
ID_CARD_2 = "130102199003070011"
USCC = "91110000100000000" + uscc_check_char("91110000100000000")


# -- helpers ---------------------------------------------------------------------------------
def user(s: Session, org: Org, login: str) -> User:
    return s.get_one(User, org.users[login].id)


def create(db: Database, org: Org, login: str = "staff", **fields: object) -> str:
    fields.setdefault("org_unit_id", org.station.id)
    form = CustomerForm(**fields)  # type: ignore[arg-type]
    with db.sessions.begin() as s:
        return create_customer(s, user(s, org, login), form).id


def edit(
    db: Database, org: Org, customer_id: str, login: str = "master", **kwargs: object
) -> Customer:
    """Load the form as ``login`` sees it, change ``form_changes``, save with the reasons."""
    changes = dict(kwargs.pop("form_changes", {}))  # type: ignore[call-overload]
    with db.sessions.begin() as s:
        actor = user(s, org, login)
        form = replace(load_form(s, actor, customer_id), **changes)
        return update_customer(s, actor, customer_id, form, **kwargs)  # type: ignore[arg-type]


def get(db: Database, customer_id: str) -> Customer:
    with db.session() as s:
        return s.get_one(Customer, customer_id)


def rows(db: Database, model: type, customer_id: str, deleted: bool | None = False) -> list:
    with db.session() as s:
        query = select(model).where(model.customer_id == customer_id)  # type: ignore[attr-defined]
        if deleted is not None:
            query = query.where(model.deleted.is_(deleted))  # type: ignore[attr-defined]
        return list(s.scalars(query))


def audits(db: Database, customer_id: str, action: str | None = None) -> list[AuditEvent]:
    with db.session() as s:
        query = select(AuditEvent).where(AuditEvent.entity_id == customer_id)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(s.scalars(query.order_by(AuditEvent.at)))


def errors_of(form: CustomerForm) -> dict[str | None, ValidationError]:
    return {e.field: e for e in validate(normalize(form))}


def chinese(error: ValidationError) -> str:
    i18n.install("zh_CN")
    return i18n.translate_message(error.context, error.text, error.params)


def found(db: Database, query: str) -> list[str]:
    with db.session() as s:
        return search_ids(s, query, None)


# -- normalisation ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("１３８ １２３４ ５６７８", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("（0311）86901234", "0311-86901234"),
        ("031186901234", "0311-86901234"),
        ("010 8888 9999", "010-88889999"),
        ("０２１—６２３４５６７８", "021-62345678"),
    ],
)
def test_phones_are_normalised(typed: str, stored: str) -> None:
    assert normalize(CustomerForm(phone=typed)).phone == stored


def test_identifiers_and_text_are_normalised() -> None:
    form = normalize(
        CustomerForm(
            name=" 张  三 ",
            id_number="11010519491231002x",
            email=" Zhang.San@Example.COM ",
            tags=["重点，潜力", "重点", " "],
            birthday="",
            credit_limit="50,000.50元",
            purchase_cycle_days="１５",
            member_no="hy123",
            vehicles=[
                VehicleForm("京a·12345", " 大众朗逸 "),
                VehicleForm("冀Ａ Ｄ１２３４５"),
                VehicleForm(" ", " "),
            ],
            cards=[CardForm("1000 1132 0000 0012 345"), CardForm("")],
            contacts=[ContactForm(" 李  四 ", phone="139-8765-0001"), ContactForm()],
        )
    )
    assert form.name == "张三"
    assert form.id_number == ID_CARD and form.id_type == "id_card"
    assert form.birthday == "1949-12-31"  # taken from the ID card number
    assert form.email == "zhang.san@example.com"
    assert form.tags == ["重点", "潜力"]
    assert form.credit_limit == Decimal("50000.50")
    assert form.purchase_cycle_days == 15
    assert form.member_no == "HY123"
    assert [(v.plate, v.model) for v in form.vehicles] == [
        ("京A12345", "大众朗逸"),
        ("冀AD12345", ""),
    ]
    assert [c.card_no for c in form.cards] == ["1000113200000012345"]
    assert [(c.name, c.phone) for c in form.contacts] == [("李四", "13987650001")]
    assert normalize(CustomerForm(birthday="1985年6月30日")).birthday == "1985-06-30"
    assert normalize(CustomerForm(birthday="1985/6/3")).birthday == "1985-06-03"
    assert normalize(CustomerForm(name="John  Smith")).name == "John Smith"
    org = normalize(CustomerForm(kind="organisation", name="顺达物流", id_number=USCC.lower()))
    assert org.id_type == "uscc" and org.id_number == USCC


# -- validation ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "field", "english", "chinese_part"),
    [
        ({"name": ""}, "name", "Enter a name, or at least a plate", "车牌"),
        (
            {"id_number": "11010519491231002"},
            "id_number",
            "An identity card number has 18 characters",
            "18",
        ),
        ({"id_number": "110105194912310021"}, "id_number", "does not match the others", "校验"),
        ({"id_number": "110105194913310028"}, "id_number", "is not a possible date", "出生日期"),
        ({"phone": "12345678901"}, "phone", "Enter a mobile number", "手机"),
        ({"phone2": "0311-123"}, "phone2", "Enter a mobile number", "手机"),
        ({"email": "zhang@"}, "email", "Enter an e-mail address", "邮箱"),
        ({"birthday": "1985-02-30"}, "birthday", "Enter the birthday as a date", "生日"),
        ({"birthday": "2999-01-01"}, "birthday", "between 1900 and today", "1900"),
        ({"purchase_cycle_days": "often"}, "purchase_cycle_days", "whole number of days", "天数"),
        ({"credit_limit": "-5"}, "credit_limit", "credit limit in yuan", "信用额度"),
        ({"preferred_channel": "email"}, "email", "E-mail is the preferred channel", "邮箱"),
    ],
)
def test_each_field_has_its_message(
    changes: dict[str, object], field: str, english: str, chinese_part: str
) -> None:
    base = CustomerForm(
        name="张三", vehicles=[VehicleForm("京A12345")] if "name" not in changes else []
    )
    errors = errors_of(replace(base, **changes))  # type: ignore[arg-type]
    assert field in errors, errors
    assert english in errors[field].text
    assert chinese_part in chinese(errors[field])


def test_plates_cards_and_contacts_are_checked_row_by_row() -> None:
    errors = errors_of(
        CustomerForm(
            name="张三",
            vehicles=[VehicleForm("京A1234"), VehicleForm("京A12345"), VehicleForm("京a 12345")],
            cards=[CardForm("12"), CardForm("100011320000001", status="stolen")],
            contacts=[ContactForm(title="经理", phone="123")],
        )
    )
    assert str(errors["vehicles.0.plate"]).startswith("京A1234 is not a licence plate")
    assert chinese(errors["vehicles.0.plate"]).startswith("京A1234 不是有效的车牌")
    assert "entered twice" in errors["vehicles.2.plate"].text
    assert "vehicles.1.plate" not in errors
    assert "6 to 32" in errors["cards.0.card_no"].text
    assert "cards.1.status" in errors
    assert "contact's name" in errors["contacts.0.name"].text
    assert "contacts.0.phone" in errors


def test_plate_only_record_is_valid_and_new_energy_plates_have_six_characters() -> None:
    assert errors_of(CustomerForm(vehicles=[VehicleForm("京AD12345")])) == {}
    assert errors_of(CustomerForm(vehicles=[VehicleForm("京A123456")])).keys() == {
        "vehicles.0.plate"
    }
    # an organisation needs its name even with a plate
    errors = errors_of(CustomerForm(kind="organisation", vehicles=[VehicleForm("京A12345")]))
    assert "organisation's name" in errors["name"].text


def test_credit_codes_of_organisations_have_a_check_character() -> None:
    good = CustomerForm(kind="organisation", name="顺达物流", id_number=USCC)
    assert errors_of(good) == {}
    wrong = USCC[:17] + ("0" if USCC[17] != "0" else "1")
    errors = errors_of(replace(good, id_number=wrong))
    assert "unified social credit code does not match" in errors["id_number"].text
    assert "统一社会信用代码" in chinese(errors["id_number"])
    errors = errors_of(replace(good, id_number="91110000I0000000OO"))
    assert "never I, O, S, V or Z" in errors["id_number"].text


def test_birthday_must_agree_with_the_id_card() -> None:
    errors = errors_of(CustomerForm(name="张三", id_number=ID_CARD, birthday="1950-01-01"))
    assert errors["birthday"].params == {"date": "1949-12-31"}
    assert (
        validate(normalize(CustomerForm(name="张三", id_number=ID_CARD_2)), date(2020, 1, 1)) == []
    )


def test_profile_stage_follows_the_three_steps() -> None:
    plate = [VehicleForm("京A12345")]
    assert profile_stage(CustomerForm(vehicles=plate)) == "plate_only"
    assert (
        profile_stage(CustomerForm(name="张三", employer="顺达", vehicles=plate)) == "preliminary"
    )
    assert profile_stage(CustomerForm(name="张三", phone="13812345678")) == "complete"
    fleet = CustomerForm(
        kind="organisation", name="顺达", contacts=[ContactForm("李四", phone="1")]
    )
    assert profile_stage(fleet) == "complete"


# -- create ----------------------------------------------------------------------------------
def test_create_fills_derived_columns_sync_marks_audit_and_index(db: Database, org: Org) -> None:
    before = now_ms()
    cid = create(
        db,
        org,
        name="张 伟",
        phone="138 1234 5678",
        level="B",
        vehicles=[VehicleForm("京a·12345", "大众朗逸")],
        cards=[CardForm("1000113200000012345")],
    )
    c = get(db, cid)
    assert (c.name, c.pinyin, c.pinyin_initials) == ("张伟", "zhangwei", "zw")
    assert c.phone == "13812345678" and c.profile_stage == "complete"
    assert c.usn == -1 and c.updated_at >= before and c.created_at >= before
    assert c.org_unit_id == org.station.id
    staff_id = org.users["staff"].id
    assert c.maintainer_id == staff_id and c.developer_id == staff_id  # 谁开发,谁维护
    [vehicle] = rows(db, Vehicle, cid)
    assert (vehicle.plate, vehicle.plate_normalized, vehicle.usn) == ("京A12345", "京A12345", -1)
    assert vehicle.org_unit_id == org.station.id
    [level] = rows(db, LevelChange, cid)
    assert (level.old_level, level.new_level, level.changed_by_id) == (None, "B", staff_id)
    [event] = audits(db, cid, "create")
    assert event.user_id == staff_id and "13812345678" not in (event.detail or "")
    for query in ("张伟", "zw", "5678", "京A12345", "a12345", "1000113200000012345"):
        assert found(db, query) == [cid], query


def test_plate_only_customer_and_new_form_defaults(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        form = new_form(s, staff, vehicles=[VehicleForm("冀AD12345")])
        assert form.org_unit_id == org.station.id and form.maintainer_id == staff.id
        c = create_customer(s, staff, form)
        assert c.profile_stage == "plate_only" and c.name is None
        [v] = rows_in(s, Vehicle, c.id)
        assert v.new_energy
        choices = edit_choices(s, staff, form)
        assert choices.stations == [(org.station.id, "东湖加油站")]
        names = {n for _, n in choices.users[org.station.id]}
        assert {"李娜", "张伟", "刘洋", "王建国"} <= names and "陈静" not in names  # no auditor
        assert choices.levels[:2] == ["VIP", "A"]


def rows_in(s: Session, model: type, customer_id: str) -> list:
    return list(s.scalars(select(model).where(model.customer_id == customer_id)))  # type: ignore[attr-defined]


def test_create_refuses_invalid_forms_with_every_error(db: Database, org: Org) -> None:
    with db.sessions.begin() as s, pytest.raises(FormInvalid) as caught:
        create_customer(
            s,
            user(s, org, "staff"),
            CustomerForm(name="张三", phone="123", vehicles=[VehicleForm("京A1")]),
        )
    assert {e.field for e in caught.value.errors} == {"phone", "vehicles.0.plate"}


def test_station_and_maintainer_must_fit(db: Database, org: Org) -> None:
    with db.sessions.begin() as s:
        manager = user(s, org, "manager")  # area GS01
        area_form = CustomerForm(name="张三", org_unit_id=org.area.id)
        with pytest.raises(ValidationError) as caught:
            create_customer(s, manager, area_form)
        assert caught.value.field == "org_unit_id"
        with pytest.raises(PermissionDenied):
            create_customer(s, manager, replace(area_form, org_unit_id=org.station2.id))
        staff2 = org.users["staff2"].id  # works at the other area's station
        with pytest.raises(ValidationError) as caught:
            create_customer(
                s, manager, replace(area_form, org_unit_id=org.station.id, maintainer_id=staff2)
            )
        assert caught.value.field == "maintainer_id" and caught.value.params["name"] == "赵磊"
        # the area manager may maintain the station's customers himself
        c = create_customer(s, manager, replace(area_form, org_unit_id=org.station.id))
        assert c.maintainer_id == manager.id


# -- duplicates ------------------------------------------------------------------------------
def test_duplicate_plate_or_card_is_refused_a_shared_phone_is_a_warning(
    db: Database, org: Org
) -> None:
    first = create(
        db,
        org,
        name="张伟",
        phone="13812345678",
        vehicles=[VehicleForm("京A12345")],
        cards=[CardForm("1000113200000012345")],
    )
    form = CustomerForm(
        name="张伟的妻子",
        org_unit_id=org.station.id,
        phone="+86 138 1234 5678",
        vehicles=[VehicleForm("京A·12345")],
        cards=[CardForm("1000 1132 0000 0012 345")],
    )
    with db.sessions.begin() as s:
        dups = find_duplicates(s, form)
        assert [(d.field, d.value, d.customer_id, d.customer_name, d.blocking) for d in dups] == [
            ("plate", "京A12345", first, "张伟", True),
            ("card", "1000113200000012345", first, "张伟", True),
            ("phone", "13812345678", first, "张伟", False),
        ]
        assert [d.form_field for d in dups] == ["vehicles.0.plate", "cards.0.card_no", "phone"]
        with pytest.raises(DuplicateRefused) as caught:
            create_customer(s, user(s, org, "staff"), form)
        assert caught.value.field == "vehicles.0.plate" and len(caught.value.duplicates) == 2
        assert "京A12345" in chinese(caught.value)
        assert find_duplicates(s, form, exclude_id=first) == []  # editing the same customer
    second = create(db, org, name="张伟的妻子", phone="13812345678")  # families share phones
    assert get(db, second).phone == "13812345678"
    with db.sessions.begin() as s:
        contact_phone = CustomerForm(contacts=[ContactForm("李四", phone="13812345678")])
        assert {d.customer_id for d in find_duplicates(s, contact_phone)} == {first, second}


def test_tombstoned_customers_do_not_count_as_duplicates(db: Database, org: Org) -> None:
    first = create(db, org, name="张伟", vehicles=[VehicleForm("京A12345")])
    with db.sessions.begin() as s:
        delete_customer(s, user(s, org, "master"), first, "重复建档")
    again = create(db, org, name="张伟", vehicles=[VehicleForm("京A12345")])
    assert found(db, "京A12345") == [again]


# -- update ----------------------------------------------------------------------------------
def pushed(db: Database, *customer_ids: str) -> None:
    """As if the head office had stamped every row: usn 7, an old updated_at."""
    with db.sessions.begin() as s:
        for model in (Customer, Vehicle, FuelCard, Contact):
            s.execute(update(model).values(usn=7, updated_at=1000))


def test_edit_bumps_only_changed_rows_and_audits_changes(db: Database, org: Org) -> None:
    cid = create(
        db,
        org,
        name="张伟",
        phone="13812345678",
        vehicles=[VehicleForm("京A12345", "朗逸"), VehicleForm("京B22222")],
        cards=[CardForm("1000113200000012345")],
    )
    pushed(db)
    # saving without changes changes nothing
    edit(db, org, cid)
    assert get(db, cid).usn == 7 and len(audits(db, cid, "edit")) == 0
    with db.session() as s:
        form = load_form(s, user(s, org, "master"), cid)
    keep, gone = form.vehicles
    form = replace(
        form,
        phone="13987650001",
        employer="顺达物流",
        notes="喜欢加95号",
        vehicles=[replace(keep, model="速腾"), VehicleForm("冀AD12345")],
        cards=[replace(form.cards[0], status="lost")],
    )
    with db.sessions.begin() as s:
        update_customer(s, user(s, org, "master"), cid, form)
    c = get(db, cid)
    assert (c.usn, c.phone, c.employer) == (-1, "13987650001", "顺达物流")
    assert c.updated_at > 1000
    by_plate = {v.plate: v for v in rows(db, Vehicle, cid, deleted=None)}
    assert by_plate["京A12345"].model == "速腾" and by_plate["京A12345"].usn == -1
    assert by_plate["京B22222"].deleted and by_plate["京B22222"].usn == -1  # tombstone
    assert not by_plate["冀AD12345"].deleted and by_plate["冀AD12345"].new_energy
    [card] = rows(db, FuelCard, cid)
    assert card.status == "lost" and card.usn == -1
    [event] = audits(db, cid, "edit")
    detail = json.loads(event.detail or "{}")
    assert detail["changed"]["phone"] == ["138****5678", "139****0001"]
    assert detail["changed"]["employer"] == [None, "顺达物流"]
    assert (
        detail["text"] == ["notes"] and "95" not in event.detail
    )  # free text: only that it changed
    assert detail["vehicles"] == {
        "changed": ["京A12345"],
        "added": ["冀AD12345"],
        "removed": ["京B22222"],
    }
    assert detail["cards"] == {"changed": ["1000113200000012345"]}
    assert found(db, "京B22222") == [] and found(db, "冀AD12345") == [cid]
    assert found(db, "0001") == [cid] and found(db, "5678") == []


def test_level_change_needs_a_reason_and_is_kept_with_who_when_why(db: Database, org: Org) -> None:
    cid = create(db, org, name="张伟", level="C")
    with pytest.raises(ValidationError) as caught:
        edit(db, org, cid, form_changes={"level": "A"})
    assert caught.value.field == "level" and "reason" in caught.value.text
    before = now_ms()
    edit(db, org, cid, form_changes={"level": "A"}, level_reason="消费量上升")
    with db.session() as s:
        history = level_history(s, cid)
    assert [(h.old_level, h.new_level, h.changed_by, h.reason) for h in history] == [
        ("C", "A", "张伟", "消费量上升"),
        (None, "C", "李娜", None),
    ]
    assert history[0].at >= before
    with db.sessions.begin() as s:
        change_level(s, user(s, org, "staff"), cid, "VIP", "年度评级调整")
        with pytest.raises(ValidationError):
            change_level(s, user(s, org, "staff"), cid, "Z", "?")
    assert get(db, cid).level == "VIP"
    [event] = [a for a in audits(db, cid, "edit") if "VIP" in (a.detail or "")]
    assert json.loads(event.detail or "")["level_reason"] == "年度评级调整"


def test_owner_changes_need_a_manager_and_a_reason(db: Database, org: Org) -> None:
    cid = create(db, org, name="张伟")
    master = org.users["master"].id
    with pytest.raises(PermissionDenied):
        edit(db, org, cid, login="staff", form_changes={"maintainer_id": master}, owner_reason="x")
    with pytest.raises(ValidationError) as caught:
        edit(db, org, cid, form_changes={"maintainer_id": master})
    assert caught.value.field == "maintainer_id"
    edit(db, org, cid, form_changes={"maintainer_id": master}, owner_reason="员工调岗")
    with db.session() as s:
        [entry] = owner_history(s, cid)
    assert (entry.role, entry.old_owner, entry.new_owner, entry.changed_by, entry.reason) == (
        "maintainer",
        "李娜",
        "张伟",
        "张伟",
        "员工调岗",
    )
    [row] = rows(db, OwnerChange, cid)
    assert row.usn == -1 and row.org_unit_id == org.station.id


def test_bulk_reassignment_when_someone_leaves(db: Database, org: Org) -> None:
    ids = [create(db, org, name=f"客户{i}") for i in range(3)]
    staff, master = org.users["staff"].id, org.users["master"].id
    with db.sessions.begin() as s:
        with pytest.raises(PermissionDenied):
            reassign(s, user(s, org, "staff"), ids, "maintainer", master, "离职")
        mine = customer_ids_owned_by(s, user(s, org, "master"), staff, "maintainer")
        assert sorted(mine) == sorted(ids)
        assert reassign(s, user(s, org, "master"), mine, "maintainer", master, "员工离职") == 3
        assert reassign(s, user(s, org, "master"), mine, "maintainer", master, "again") == 0
        with pytest.raises(ValidationError):  # someone of the other area cannot take them
            reassign(s, user(s, org, "admin"), mine, "developer", org.users["staff2"].id, "x")
    for cid in ids:
        c = get(db, cid)
        assert (c.maintainer_id, c.developer_id, c.usn) == (master, staff, -1)
        [row] = rows(db, OwnerChange, cid)
        assert (row.old_user_id, row.new_user_id, row.changed_by_id, row.reason) == (
            staff,
            master,
            master,
            "员工离职",
        )


def test_contact_preferences(db: Database, org: Org) -> None:
    cid = create(db, org, name="张伟", phone="13812345678")
    with db.sessions.begin() as s:
        staff = user(s, org, "staff")
        set_contact_preferences(s, staff, cid, True, True, "wechat", "晚上7点后")
        with pytest.raises(ValidationError):
            set_contact_preferences(s, staff, cid, True, False, "email", None)  # no address
    c = get(db, cid)
    assert (c.consent, c.do_not_disturb, c.preferred_channel, c.preferred_time) == (
        True,
        True,
        "wechat",
        "晚上7点后",
    )


def test_station_move_takes_the_rows_along(db: Database, org: Org) -> None:
    cid = create(db, org, "admin", name="张伟", vehicles=[VehicleForm("京A12345")])
    edit(db, org, cid, login="admin", form_changes={"org_unit_id": org.station2.id})
    [vehicle] = rows(db, Vehicle, cid)
    assert get(db, cid).org_unit_id == org.station2.id == vehicle.org_unit_id


# -- permissions and masking -----------------------------------------------------------------
def test_auditor_reads_but_never_writes(db: Database, org: Org) -> None:
    cid = create(db, org, name="张伟")
    with db.sessions.begin() as s:
        auditor = user(s, org, "auditor")
        form = load_form(s, auditor, cid)  # reading is fine
        for action in (
            lambda: create_customer(s, auditor, replace(form, name="新客户")),
            lambda: update_customer(s, auditor, cid, form),
            lambda: change_level(s, auditor, cid, "A", "x"),
            lambda: delete_customer(s, auditor, cid, "x"),
        ):
            with pytest.raises(PermissionDenied) as caught:
                action()
            assert "Auditors" in caught.value.text


def test_other_station_cannot_touch_the_customer(db: Database, org: Org) -> None:
    cid = create(db, org, name="张伟")
    other = create(db, org, "staff2", name="李娜", org_unit_id=org.station2.id)
    with pytest.raises(PermissionDenied) as caught:
        edit(db, org, cid, login="staff2", form_changes={"name": "张伟伟"})
    assert "outside yours" in caught.value.text
    with pytest.raises(PermissionDenied):
        edit(db, org, other, login="manager")  # area GS01's manager, station in GS02
    edit(db, org, cid, login="manager", form_changes={"employer": "顺达物流"})
    assert get(db, cid).employer == "顺达物流"


def test_masked_numbers_are_read_only_and_kept(db: Database, org: Org) -> None:
    cid = create(
        db,
        org,
        name="顺达物流",
        kind="organisation",
        phone="13812345678",
        id_number=USCC,
        contacts=[ContactForm("李四", phone="13987650001")],
    )
    with db.sessions.begin() as s:
        form = load_form(s, user(s, org, "staff"), cid)  # staff may not see numbers
    assert form.phone == "138****5678" and form.masked == {"phone", "id_number"}
    assert form.contacts[0].phone == "139****0001" and form.contacts[0].phone_masked
    edit(db, org, cid, login="staff", form_changes={"employer": "", "phone2": "0311-86901234"})
    c = get(db, cid)
    assert (c.phone, c.id_number, c.phone2) == ("13812345678", USCC, "0311-86901234")
    [contact] = rows(db, Contact, cid)
    assert contact.phone == "13987650001"
    # a master sees them, and the unmasked view is audited
    with db.sessions.begin() as s:
        form = load_form(s, user(s, org, "master"), cid)
    assert form.phone == "13812345678" and not form.masked
    assert audits(db, cid, "view_unmasked")


# -- merge -----------------------------------------------------------------------------------
def add_history(db: Database, org: Org, cid: str) -> None:
    with db.sessions.begin() as s:
        at = now_ms()
        s.add(
            Visit(
                customer_id=cid,
                org_unit_id=org.station.id,
                visited_at=at,
                product="92#",
                litres=40.0,
                amount_fen=29000,
            )
        )
        s.add(
            CallbackTask(
                customer_id=cid,
                org_unit_id=org.station.id,
                reason="manual",
                due_date="2026-01-01",
                status="open",
                created_at=at,
            )
        )
        s.add(
            Complaint(
                number=f"GS0101-{cid[-6:]}",
                customer_id=cid,
                org_unit_id=org.station.id,
                source="现场",
                category="服务",
                business_line="零售",
                severity="一般",
                level="station",
                status="received",
                received_at=at,
            )
        )


def test_merge_keeps_everything_of_both_and_tombstones_the_other(db: Database, org: Org) -> None:
    keep = create(
        db,
        org,
        name="张伟",
        phone="13812345678",
        level="B",
        vehicles=[VehicleForm("京A12345")],
        tags=["重点"],
    )
    other = create(
        db,
        org,
        name="张伟(老档案)",
        phone="13987650001",
        id_number=ID_CARD_2,
        employer="顺达物流",
        level="A",
        vehicles=[VehicleForm("京B22222", "速腾")],
        cards=[CardForm("1000113200000012345")],
        tags=["潜力"],
        notes="喜欢加95号",
    )
    edit(db, org, other, form_changes={"level": "VIP"}, level_reason="消费量上升")
    add_history(db, org, keep)
    add_history(db, org, other)
    pushed(db)
    with db.sessions.begin() as s:
        left, right = merge_preview(s, user(s, org, "master"), keep, other)
        assert (left.counts["vehicles"], right.counts["cards"], right.counts["visits"]) == (1, 1, 1)
        result = merge_customers(s, user(s, org, "master"), keep, other, "同一客户重复建档")
    assert result.moved["vehicles"] == 1 and result.moved["visits"] == 1
    assert result.moved["level_changes"] == 2
    c = get(db, keep)
    assert (c.name, c.phone, c.phone2, c.id_number, c.employer) == (
        "张伟",
        "13812345678",
        "13987650001",
        ID_CARD_2,
        "顺达物流",
    )
    assert c.level == "B" and c.tags == "重点,潜力" and c.notes == "喜欢加95号" and c.usn == -1
    assert sorted(v.plate for v in rows(db, Vehicle, keep)) == ["京A12345", "京B22222"]
    assert [card.card_no for card in rows(db, FuelCard, keep)] == ["1000113200000012345"]
    for model in (Visit, CallbackTask, Complaint):
        moved = rows(db, model, keep)
        assert len(moved) == 2 and all(r.usn == -1 for r in moved), model
    assert len(rows(db, LevelChange, keep)) == 3  # B; A and A→VIP of the other
    assert rows(db, Vehicle, other) == [] and rows(db, Visit, other) == []
    gone = get(db, other)
    assert gone.deleted and gone.usn == -1 and keep in (gone.notes or "")
    assert "同一客户重复建档" in (gone.notes or "")
    [event] = audits(db, keep, "merge")
    assert json.loads(event.detail or "")["merged"] == other
    assert found(db, "京B22222") == [keep] and found(db, "0001") == [keep]
    with db.session() as s:
        assert s.scalar(select(func.count()).where(CustomerSearch.customer_id == other)) == 0


def test_merge_refusals(db: Database, org: Org) -> None:
    a = create(db, org, name="张伟")
    b = create(db, org, "staff2", name="李娜", org_unit_id=org.station2.id)
    with db.sessions.begin() as s:
        master = user(s, org, "master")
        with pytest.raises(ValidationError) as caught:
            merge_customers(s, master, a, a, "x")
        assert "itself" in caught.value.text
        with pytest.raises(PermissionDenied):
            merge_customers(s, master, a, b, "x")
        with pytest.raises(ValidationError):
            merge_customers(
                s, master, a, create_customer(s, master, CustomerForm(name="张")).id, " "
            )
        with pytest.raises(PermissionDenied):
            merge_customers(s, user(s, org, "auditor"), a, b, "x")


# -- delete ----------------------------------------------------------------------------------
def test_delete_tombstones_the_file_and_its_rows(db: Database, org: Org) -> None:
    cid = create(db, org, name="张伟", vehicles=[VehicleForm("京A12345")])
    add_history(db, org, cid)
    with db.sessions.begin() as s:
        with pytest.raises(PermissionDenied):
            delete_customer(s, user(s, org, "staff"), cid, "x")
        with pytest.raises(ValidationError):
            delete_customer(s, user(s, org, "master"), cid, "")
        delete_customer(s, user(s, org, "master"), cid, "客户要求注销")
    c = get(db, cid)
    assert c.deleted and c.usn == -1
    [vehicle] = rows(db, Vehicle, cid, deleted=True)
    assert vehicle.usn == -1
    assert len(rows(db, Visit, cid)) == 1  # history stays
    [event] = audits(db, cid, "delete")
    assert json.loads(event.detail or "")["reason"] == "客户要求注销"
    assert found(db, "张伟") == []
    with db.session() as s, pytest.raises(ValidationError) as caught:
        load_form(s, user(s, org, "master"), cid)
    assert "no longer exists" in caught.value.text


# -- completeness ----------------------------------------------------------------------------
def test_completeness_function_and_sql_expression_agree(db: Database, org: Org) -> None:
    plate_only = create(db, org, vehicles=[VehicleForm("京A12345")])
    full = create(
        db,
        org,
        name="张伟",
        phone="13812345678",
        id_number=ID_CARD,
        employer="顺达物流",
        level="A",
        preferred_channel="phone",
        needs="需要发票",
        vehicles=[VehicleForm("京B22222")],
        cards=[CardForm("1000113200000012345")],
    )
    fleet = create(
        db,
        org,
        name="顺达物流",
        kind="organisation",
        contacts=[ContactForm("李四", phone="13987650001")],
    )
    with db.session() as s:
        sql = dict(s.execute(select(Customer.id, completeness_expression())).tuples().all())
        for cid in (plate_only, full, fleet):
            c = s.get_one(Customer, cid)
            value = completeness(
                c, rows_in(s, Vehicle, cid), rows_in(s, FuelCard, cid), rows_in(s, Contact, cid)
            )
            assert sql[cid] == value
        assert sql[full] == 100
        assert sql[plate_only] == 10 + 5  # a vehicle, and the maintainer
        assert sql[fleet] == 15 + 20 + 5 + 5  # name, contact's phone, contact, maintainer
        missing = missing_items(s.get_one(Customer, plate_only), rows_in(s, Vehicle, plate_only))
        assert [m.key for m in missing][:2] == ["phone", "name"]
