"""The local store's tables (SQLAlchemy 2.0 typed ORM)."""

from desktop_crm.models.audit import AuditEvent
from desktop_crm.models.base import USN_DIRTY, Base
from desktop_crm.models.callbacks import (
    CallbackAttempt,
    CallbackReport,
    CallbackRule,
    CallbackTask,
    Campaign,
    ReportStatus,
    TaskReason,
    TaskStatus,
)
from desktop_crm.models.complaints import (
    Complaint,
    ComplaintLevel,
    ComplaintStatus,
    ComplaintStep,
    Holiday,
    SlaPolicy,
)
from desktop_crm.models.customers import (
    Contact,
    Customer,
    CustomerKind,
    CustomerStatus,
    FuelCard,
    LevelChange,
    OwnerChange,
    ProfileStage,
    Vehicle,
)
from desktop_crm.models.org import LoginState, OrgKind, OrgUnit, Role, User
from desktop_crm.models.search import CustomerSearch
from desktop_crm.models.settings import Setting
from desktop_crm.models.sync_state import SyncState
from desktop_crm.models.visits import Visit

__all__ = [
    "USN_DIRTY",
    "AuditEvent",
    "Base",
    "CallbackAttempt",
    "CallbackReport",
    "CallbackRule",
    "CallbackTask",
    "Campaign",
    "Complaint",
    "ComplaintLevel",
    "ComplaintStatus",
    "ComplaintStep",
    "Contact",
    "Customer",
    "CustomerKind",
    "CustomerSearch",
    "CustomerStatus",
    "FuelCard",
    "Holiday",
    "LevelChange",
    "LoginState",
    "OrgKind",
    "OrgUnit",
    "OwnerChange",
    "ProfileStage",
    "ReportStatus",
    "Role",
    "Setting",
    "SlaPolicy",
    "SyncState",
    "TaskReason",
    "TaskStatus",
    "User",
    "Vehicle",
    "Visit",
]
