"""The wire format between a desktop and the head office (JSON over HTTPS).

Rows travel per table as a list of column names and a list of value lists, which is
several times smaller than one object per row. Values are JSON scalars: text, whole
numbers (times are UTC milliseconds, money is in fen), decimals, booleans or null.

    POST /api/v1/enroll   EnrollRequest  -> EnrollAnswer   (no token: the one-time code)
    POST /api/v1/enroll/check CodeCheck  -> CodeCheckAnswer (the code's unit; not spent)
    POST /api/v1/push     PushRequest    -> PushAnswer     (Authorization: Bearer TOKEN)
    POST /api/v1/pull     PullRequest    -> PullAnswer
    GET  /api/v1/health   -> Health
Every refusal is an ErrorAnswer with a 4xx status and a reason in plain words.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

MAX_PUSH_ROWS = 2000  # rows in one push batch
MAX_BODY_BYTES = 8 * 1024 * 1024  # one request body
MAX_PULL_ROWS = 20000  # rows in one pull page
DEFAULT_PULL_ROWS = 5000
DEFAULT_PUSH_ROWS = 500


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorAnswer(BaseModel):
    """A refused request: a stable code for programs and a reason for people."""

    error: str = Field(description="e.g. bad_request, unauthorized, out_of_scope, too_large")
    reason: str
    rows: list[RowRef] = Field(default_factory=list, description="the rows concerned, if any")


class RowRef(BaseModel):
    table: str
    id: str


class EnrollRequest(Request):
    code: str = Field(min_length=4, max_length=64, description="the one-time enrolment code")
    device_name: str = Field(min_length=1, max_length=100, description="e.g. the computer's name")


class CodeCheck(Request):
    """Which unit a code is for, without spending it (a stand-alone desktop checks that it
    holds that unit before it joins)."""

    code: str = Field(min_length=4, max_length=64, description="the one-time enrolment code")
    logins: list[str] = Field(
        default_factory=list,
        max_length=5000,
        description="the desktop's user logins: which of them people elsewhere already use",
    )


class OrgUnitInfo(BaseModel):
    id: str
    code: str
    name: str
    kind: str
    path: str


class CodeCheckAnswer(BaseModel):
    org_unit: OrgUnitInfo
    logins_taken: list[str] = Field(
        default_factory=list,
        description="of the logins asked about, those of users outside the unit's lineage",
    )


class EnrollAnswer(BaseModel):
    device_id: str
    token: str = Field(description="send as 'Authorization: Bearer <token>'; shown only once")
    org_unit: OrgUnitInfo
    server_usn: int


class TableRows(BaseModel):
    """Rows of one table: ``rows[k][j]`` is the value of ``columns[j]`` in row k."""

    model_config = ConfigDict(extra="forbid")

    table: str = Field(max_length=64)
    columns: list[str] = Field(max_length=200)
    rows: list[list[Any]]


class PushRequest(Request):
    key: str = Field(
        min_length=8,
        max_length=64,
        pattern=r"^[A-Za-z0-9_.:-]+$",
        description="idempotency key: a batch sent again with the same key is applied once",
    )
    client_now: int = Field(description="the desktop's clock (UTC ms) when it sent the batch")
    tables: list[TableRows] = Field(max_length=100)


class RowAck(BaseModel):
    """A row the server holds as sent: its USN and updated_at there (clock-corrected)."""

    table: str
    id: str
    usn: int
    updated_at: int


class RowRefusal(BaseModel):
    table: str
    id: str
    reason: str


class PushAnswer(BaseModel):
    key: str
    accepted: list[RowAck] = Field(default_factory=list)
    superseded: list[TableRows] = Field(
        default_factory=list,
        description="the server's version of rows whose pushed version lost (newer change "
        "elsewhere, a status change the workflow forbids, or history that never changes)",
    )
    refused: list[RowRefusal] = Field(default_factory=list)
    first_usn: int | None = Field(None, description="the USNs this batch took, if any")
    last_usn: int | None = None
    server_usn: int


class PullCursor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    table: str = Field(max_length=64)
    unit: str = Field("", max_length=36, description="org unit id, '' for the unscoped tables")
    after: int = Field(ge=0)


class PullRequest(Request):
    since: int = Field(ge=0, description="the last USN this desktop has applied")
    upto: int | None = Field(None, ge=0, description="fixed by the first page's answer")
    cursor: PullCursor | None = None
    limit: int = Field(DEFAULT_PULL_ROWS, ge=1, le=MAX_PULL_ROWS)


class PullAnswer(BaseModel):
    since: int
    upto: int = Field(description="once every page is applied, the desktop's new mark")
    tables: list[TableRows]
    cursor: PullCursor | None = Field(description="ask again with it; null: this was the last")
    more: bool = Field(description="another page follows (the cursor says where)")


class Health(BaseModel):
    status: str
    protocol: int
    database: str


ErrorAnswer.model_rebuild()
