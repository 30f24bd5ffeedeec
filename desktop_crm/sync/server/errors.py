"""A refused request: its HTTP status, a stable code and a reason in plain words."""

from __future__ import annotations

from desktop_crm.sync.protocol import ErrorAnswer, RowRef


class ApiError(Exception):
    def __init__(
        self, status: int, error: str, reason: str, rows: list[RowRef] | None = None
    ) -> None:
        super().__init__(reason)
        self.status = status
        self.error = error
        self.reason = reason
        self.rows = rows or []

    def answer(self) -> ErrorAnswer:
        return ErrorAnswer(error=self.error, reason=self.reason, rows=self.rows[:50])


def bad_request(reason: str, rows: list[RowRef] | None = None) -> ApiError:
    return ApiError(422, "bad_request", reason, rows)
