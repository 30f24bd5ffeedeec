"""Sync failures with a message for the person at the desktop (see desktop_crm/errors.py)."""

from __future__ import annotations

from desktop_crm.errors import QT_TRANSLATE_NOOP, UserError

NOT_ENROLLED = QT_TRANSLATE_NOOP(
    "errors",
    "This desktop is not enrolled with a head office. Enrol it first with an enrolment "
    "code from the company administrator.",
)
NO_TOKEN = QT_TRANSLATE_NOOP(
    "errors",
    "This desktop's token is missing from {store}. Enrol the desktop again with a new code.",
)
UNREACHABLE = QT_TRANSLATE_NOOP(
    "errors",
    "The head office at {server} cannot be reached (no network, or the server is not "
    "running). Your work is kept on this desktop and sent with the next sync.",
)
NO_ANSWER = QT_TRANSLATE_NOOP(
    "errors",
    "The head office at {server} did not answer in time. Your work is kept on this desktop "
    "and sent with the next sync.",
)
SERVER_FAILED = QT_TRANSLATE_NOOP(
    "errors",
    "The head office at {server} failed to answer (HTTP {status}). Your work is kept on this "
    "desktop; try again later.",
)
TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "errors",
    "The head office no longer accepts this desktop ({reason}). Enrol it again with a new "
    "code from the company administrator.",
)
BAD_CODE = QT_TRANSLATE_NOOP(
    "errors",
    "The enrolment code was refused: it is unknown, already used or expired. Ask the "
    "company administrator for a new one.",
)
OUT_OF_SCOPE = QT_TRANSLATE_NOOP(
    "errors",
    "The head office refused changes outside this desktop's part of the organisation: {reason}",
)
SERVER_BEHIND = QT_TRANSLATE_NOOP(
    "errors",
    "The head office holds older data than this desktop: {reason}",
)
REFUSED = QT_TRANSLATE_NOOP("errors", "The head office refused the sync: {reason}")
COLLISION = QT_TRANSLATE_NOOP(
    "errors",
    "A change from the head office could not be applied on this desktop ({reason}). "
    "Tell the company administrator.",
)
LOCAL_BUSY = QT_TRANSLATE_NOOP(
    "errors",
    "This desktop's database stayed busy with other work, so the sync stopped; nothing is "
    "lost. It tries again with the next sync.",
)
BAD_CA_BUNDLE = QT_TRANSLATE_NOOP(
    "errors",
    "The certificate file {path} named by DESKTOP_CRM_CA_BUNDLE cannot be read. Correct "
    "the setting or ask the IT staff.",
)
BAD_CERTIFICATE = QT_TRANSLATE_NOOP(
    "errors",
    "The certificate of the head office at {server} is not trusted, so nothing was sent. "
    "Check the address; if the company uses its own certificate authority, ask the IT "
    "staff to set DESKTOP_CRM_CA_BUNDLE.",
)
BAD_SERVER_URL = QT_TRANSLATE_NOOP(
    "errors", "{server} is not a head-office address: give one like https://crm.example.com."
)


class SyncError(UserError):
    """A sync that did not complete; what was applied before it stays applied."""

    def __init__(self, text: str, code: str = "", **params: object) -> None:
        self.code = code
        super().__init__(text, **params)


class SyncRefused(SyncError):
    """The server answered with a 4xx: sending the same again will not help."""

    def __init__(self, text: str, code: str, status: int, **params: object) -> None:
        self.status = status
        super().__init__(text, code, **params)
