"""Company settings (基础设置): JSON values kept on the root org unit, with defaults."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.models import OrgUnit, Setting, User

DEFAULTS: dict[str, Any] = {
    "auth.max_failed_logins": 5,
    "auth.lock_minutes": 5,
    "auth.min_password_length": 6,
    # Roles that see full phone and ID numbers; the others see 138****5678.
    "privacy.unmasked_roles": ["station_master", "area_manager", "company_admin"],
    # 日清日结: after this local time, remind each user of today's unrecorded callbacks.
    "callbacks.day_close_time": "17:30",
    # Charts (reports/indicators.py): "lost" = not seen for this many days after a visit;
    # big customers by volume tier (or the tag 大客户). The 1:15 target: workload.min_customers.
    "charts.lost_days": 90,
    "charts.big_customer_tiers": ["集团", "大"],
    # Grading (reports/grading.py): S = sum of weight x factor score (0-100); a grade's
    # cut-off is its lowest score (S >= 91 is A, so 90.5 is B); ABC by cumulative volume.
    "grading.method": "score",
    "grading.weights": {"revenue": 40, "volume": 30, "credit": 20, "growth": 10},
    "grading.cutoffs": {"A": 91, "B": 81, "C": 65},
    "grading.full_marks": {"revenue_yuan": 15000, "volume_litres": 2000},
    "grading.abc_shares": [80, 90],
    "grading.levels": {"A": "A", "B": "B", "C": "C", "D": "D"},
    "grading.kept_levels": ["VIP"],
    # Callback rules (回访规则), see services/callbacks/config.py for what each key means.
    "callbacks.max_attempts": 3,
    "callbacks.book_ahead_days": 7,
    "callbacks.tier_rules": [
        {
            "name": "VIP客户(公司零售部)",
            "levels": ["VIP"],
            "kinds": [],
            "owner_level": "company",
            "owner_role": "company_admin",
            "owner_login": "",
            "period": "quarter",
        },
        {
            "name": "A类及以上单位客户(片区)",
            "levels": ["VIP", "A"],
            "kinds": ["organisation"],
            "owner_level": "area",
            "owner_role": "area_manager",
            "owner_login": "",
            "period": "quarter",
        },
        {
            "name": "B类及以上个人客户(站点)",
            "levels": ["VIP", "A", "B"],
            "kinds": ["person"],
            "owner_level": "station",
            "owner_role": "station_master",
            "owner_login": "",
            "period": "quarter",
        },
    ],
    "callbacks.absence.grace_days": 3,
    "callbacks.absence.min_visits": 3,
    "callbacks.absence.max_late_days": 30,
    "callbacks.absence.due_days": 0,
    "callbacks.volume.drop_share": 0.4,
    "callbacks.volume.baseline_months": 3,
    "callbacks.volume.due_days": 3,
    "callbacks.exit.window_days": 365,
    "callbacks.exit.due_days": 7,
    "callbacks.exit_reasons": [
        ["competitor", "Switched to another fuel company"],
        ["moved", "Moved away or changed route"],
        ["price", "Price"],
        ["service", "Unhappy with the service"],
        ["vehicle_sold", "Vehicle sold"],
        ["other", "Other reason"],
    ],
    "callbacks.campaign_events": ["油价调整", "天气变化", "重要节日"],
    "callbacks.texts": {
        "tier": "例行回访({rule}):了解客户意见和需求",
        "absence": (
            "超过消费周期未到站(通常每{interval}天一次,上次到站{last}),了解原因,记录原因和措施"
        ),
        "volume_drop": "消费量明显下降({month}加油{recent}升,此前月均{average}升),了解原因",
        "exit_survey": "退出调查:了解客户流失原因",
        "campaign": "特定回访({event}):{name}",
        "preferred_time": "客户方便的时间:{time}",
        "absence_closed": "客户已于{date}到站,异常解除",
        "not_contactable": "客户要求勿扰或未同意联系,任务取消",
    },
    # Workload (1:15): customers one employee maintains, at least / at most.
    "workload.min_customers": 15,
    "workload.max_customers": 200,
    # Complaints: warn the owner at this share of a deadline's time; the choice lists.
    "complaints.warn_share": 0.75,
    "complaints.categories": [
        "服务态度",
        "油品质量",
        "计量/数量",
        "价格",
        "加油卡",
        "发票",
        "设施/环境",
        "安全",
        "其他",
    ],
    "complaints.root_causes": [
        "员工培训不足",
        "操作不规范",
        "设备老化未及时维护",
        "管理制度未落实",
        "沟通不及时",
        "高峰期人手不足",
        "系统故障",
        "其他原因",
    ],
}


def root_org_id(session: Session) -> str | None:
    return session.scalar(select(OrgUnit.id).where(OrgUnit.parent_id.is_(None)).limit(1))


def get_setting(session: Session, key: str) -> Any:
    row = session.scalar(select(Setting).where(Setting.key == key, Setting.deleted.is_(False)))
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def put_setting(session: Session, actor: User, key: str, value: Any) -> None:
    """Change a company setting: company administrators only, audited."""
    from desktop_crm.services import audit
    from desktop_crm.services.permissions import require_settings_admin

    require_settings_admin(actor, session)
    before = get_setting(session, key)
    row = session.scalar(select(Setting).where(Setting.key == key))
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        org = root_org_id(session)
        if org is None:
            raise RuntimeError("settings need an org tree (run the first-run set-up first)")
        session.add(Setting(key=key, value=encoded, org_unit_id=org))
    else:
        row.value = encoded
        row.deleted = False
    audit.record(
        session,
        actor,
        audit.Action.EDIT,
        "setting",
        None,
        {"key": key, "before": before, "after": value},
    )
