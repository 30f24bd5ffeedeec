"""Enrolment codes and device tokens.

A company administrator issues a one-time code for an org unit
(``desktop-crm-server enroll-code --org CODE``); a desktop trades it for a device
token once. Codes and tokens are stored as SHA-256 hashes only: both are long random
secrets, so a slow password hash would add nothing. A revoked token is refused at once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_crm.ids import new_id, now_ms
from desktop_crm.models import OrgUnit, User
from desktop_crm.sync.protocol import CodeCheckAnswer, EnrollAnswer, OrgUnitInfo
from desktop_crm.sync.server.errors import ApiError
from desktop_crm.sync.server.models import Device, EnrolCode
from desktop_crm.sync.server.storage import ServerStore

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand
CODE_GROUPS, CODE_GROUP_LEN = 4, 4  # 16 characters, 80 bits
DEFAULT_CODE_DAYS = 7
DAY_MS = 86_400_000


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_code() -> str:
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def unit_by_code(session: Session, code: str) -> OrgUnit | None:
    return session.scalar(select(OrgUnit).where(OrgUnit.code == code, OrgUnit.deleted.is_(False)))


def issue_code(
    session: Session, org_code: str, valid_days: int = DEFAULT_CODE_DAYS, now: int | None = None
) -> tuple[str, OrgUnit]:
    """A new one-time code for the unit with ``org_code``; the caller commits."""
    unit = unit_by_code(session, org_code)
    if unit is None:
        raise LookupError(f"there is no org unit with the code {org_code}")
    now = now or now_ms()
    code = new_code()
    session.add(
        EnrolCode(
            id=new_id(),
            code_hash=hash_secret(normalise_code(code)),
            org_unit_id=unit.id,
            created_at=now,
            expires_at=now + valid_days * DAY_MS,
        )
    )
    return code, unit


def unit_info(unit: OrgUnit) -> OrgUnitInfo:
    return OrgUnitInfo(id=unit.id, code=unit.code, name=unit.name, kind=unit.kind, path=unit.path)


def _bad_code() -> ApiError:
    return ApiError(
        401,
        "bad_code",
        "This enrolment code is unknown, already used or expired. "
        "Ask the company administrator for a new one.",
    )


def check_code(
    store: ServerStore, code: str, logins: list[str] | None = None, now: int | None = None
) -> CodeCheckAnswer:
    """The unit a valid code enrols for, and which of ``logins`` people outside its lineage
    use (a joining desktop could not send its users of those names); the code stays unused."""
    now = now or now_ms()
    with store.reads() as session:
        record = session.scalars(
            select(EnrolCode).where(
                EnrolCode.code_hash == hash_secret(normalise_code(code)),
                EnrolCode.used_at.is_(None),
                EnrolCode.expires_at > now,
            )
        ).first()
        unit = session.get(OrgUnit, record.org_unit_id) if record is not None else None
        if unit is None or unit.deleted:
            raise _bad_code()
        lineage = [p for p in unit.path.strip("/").split("/") if p]
        taken: list[str] = []
        wanted = sorted(set(logins or []))
        for start in range(0, len(wanted), 500):
            taken.extend(
                session.scalars(
                    select(User.login)
                    .join(OrgUnit, OrgUnit.id == User.org_unit_id)
                    .where(
                        User.login.in_(wanted[start : start + 500]),
                        ~OrgUnit.path.startswith(unit.path),
                        OrgUnit.id.notin_(lineage),
                    )
                )
            )
        return CodeCheckAnswer(org_unit=unit_info(unit), logins_taken=sorted(taken))


def enroll(store: ServerStore, code: str, device_name: str, now: int | None = None) -> EnrollAnswer:
    """Trade a one-time code for a device token (shown once, stored hashed)."""
    now = now or now_ms()
    code_hash = hash_secret(normalise_code(code))
    device_id, token = new_id(), secrets.token_urlsafe(32)
    with store.writes() as session, session.begin():
        # One statement both checks and spends the code: two desktops racing for the
        # same code cannot both win it.
        spent = session.execute(
            update(EnrolCode)
            .where(
                EnrolCode.code_hash == code_hash,
                EnrolCode.used_at.is_(None),
                EnrolCode.expires_at > now,
            )
            .values(used_at=now, device_id=device_id)
        )
        if spent.rowcount != 1:  # type: ignore[attr-defined]
            raise _bad_code()
        record = session.scalars(select(EnrolCode).where(EnrolCode.code_hash == code_hash)).one()
        unit = session.get(OrgUnit, record.org_unit_id)
        if unit is None or unit.deleted:
            raise ApiError(
                410, "unit_gone", "The org unit of this enrolment code no longer exists."
            )
        session.add(
            Device(
                id=device_id,
                name=device_name.strip()[:100],
                org_unit_id=unit.id,
                token_hash=hash_secret(token),
                created_at=now,
                last_seen_at=now,
            )
        )
        usn = store.current_usn(session)
        info = unit_info(unit)
    return EnrollAnswer(device_id=device_id, token=token, org_unit=info, server_usn=usn)


@dataclass(frozen=True)
class DeviceIdentity:
    id: str
    name: str
    org_unit_id: str
    last_seen_at: int | None


def authenticate(session: Session, authorization: str | None) -> DeviceIdentity:
    """The device of a ``Bearer`` token, or a 401 that says why not."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(
            401, "unauthorized", "No device token: enrol this desktop with an enrolment code."
        )
    token = authorization.split(None, 1)[1].strip()
    device = session.scalar(select(Device).where(Device.token_hash == hash_secret(token)))
    if device is None:
        raise ApiError(401, "unauthorized", "Unknown device token: enrol this desktop again.")
    if device.revoked_at is not None:
        raise ApiError(
            401,
            "token_revoked",
            "This desktop's token was revoked at the head office: enrol it again with a new code.",
        )
    return DeviceIdentity(device.id, device.name, device.org_unit_id, device.last_seen_at)


def touch(store: ServerStore, device: DeviceIdentity, now: int, every_ms: int = 60_000) -> None:
    """Record when a device was last seen (at most once a minute: it takes the write lock)."""
    if device.last_seen_at is not None and now - device.last_seen_at < every_ms:
        return
    with store.writes() as session, session.begin():
        session.execute(update(Device).where(Device.id == device.id).values(last_seen_at=now))


def list_devices(session: Session) -> list[tuple[Device, OrgUnit | None]]:
    devices = session.scalars(select(Device).order_by(Device.created_at)).all()
    return [(d, session.get(OrgUnit, d.org_unit_id)) for d in devices]


def revoke(session: Session, device_id: str, now: int | None = None) -> bool:
    """Revoke a device's token (by its id or a unique prefix of it); the caller commits."""
    matches = session.scalars(select(Device).where(Device.id.startswith(device_id))).all()
    if len(matches) != 1:
        return False
    matches[0].revoked_at = matches[0].revoked_at or now or now_ms()
    return True
