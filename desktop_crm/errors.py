"""Errors a user can act on. Their text is English source text that the edges
(the GUI through Qt's translation system, the CLI) show in the user's language."""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name read by lupdate
    """Marks ``text`` for translation in ``context`` without importing Qt."""
    return text


class UserError(Exception):
    """An error with a message for the user: what happened and what to do."""

    context = "errors"

    def __init__(self, text: str, **params: Any) -> None:
        self.text = text
        self.params = params
        super().__init__(text.format(**params))


class DatabaseOpenError(UserError):
    """The database cannot be opened (not a database, from a newer version, ...)."""


class AuthError(UserError):
    """Login refused: unknown user, wrong password, account locked or deactivated."""


class PermissionDenied(UserError):
    """The user's role does not allow the action."""


class ValidationError(UserError):
    """Input that cannot be accepted, with the field it concerns."""

    def __init__(self, text: str, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(text, **params)
