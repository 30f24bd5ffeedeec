"""The head office's HTTP API (FastAPI). OpenAPI description at /docs and /openapi.json.

The app holds no state between requests beyond its database, so several instances
can serve one database behind a load balancer.
"""

from __future__ import annotations

import contextlib
from typing import Any

from fastapi import FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text

from desktop_crm.ids import now_ms
from desktop_crm.sync import protocol
from desktop_crm.sync.protocol import (
    API_PREFIX,
    MAX_BODY_BYTES,
    CodeCheck,
    CodeCheckAnswer,
    EnrollAnswer,
    EnrollRequest,
    ErrorAnswer,
    Health,
    PullAnswer,
    PullRequest,
    PushAnswer,
    PushRequest,
)
from desktop_crm.sync.server import auth
from desktop_crm.sync.server.errors import ApiError
from desktop_crm.sync.server.pull import pull
from desktop_crm.sync.server.push import push
from desktop_crm.sync.server.scope import load_scope
from desktop_crm.sync.server.storage import ServerStore, open_store

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorAnswer, "description": text_}
    for status, text_ in (
        (401, "no token, an unknown or revoked token, or a bad enrolment code"),
        (403, "a row outside the device's org subtree (nothing was applied)"),
        (409, "the head office's database is behind the desktop"),
        (413, "the request is too large"),
        (422, "the request does not fit the protocol (nothing was applied)"),
    )
}


class BodyLimit:
    """Refuses a request body over ``limit`` bytes with a 413, before it is parsed."""

    def __init__(self, app: Any, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0
        refused = False

        async def counting_receive() -> dict[str, Any]:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit and not refused:
                    refused = True
                    await self._refuse(send)
                    raise _TooLarge
            return message

        async def guarded_send(message: dict[str, Any]) -> None:
            if not refused:  # the 413 went out already: whatever the app says is dropped
                await send(message)

        with contextlib.suppress(_TooLarge):
            await self.app(scope, counting_receive, guarded_send)

    async def _refuse(self, send: Any) -> None:
        body = ErrorAnswer(
            error="too_large",
            reason=f"The request body is larger than {self.limit} bytes. Send smaller batches.",
        ).model_dump_json()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body.encode()})


class _TooLarge(Exception):
    pass


def _validation_reason(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        parts.append(f"{where or 'body'}: {error.get('msg', 'invalid')}")
    return "The request does not fit the protocol: " + "; ".join(parts)


def create_app(database_url: str | None = None, store: ServerStore | None = None) -> FastAPI:
    """The app over the database at ``database_url`` (created or upgraded on the way)."""
    if store is None:
        if database_url is None:
            raise ValueError("give a database URL or an open store")
        store = open_store(database_url)
    app = FastAPI(
        title="desktop_crm head office",
        version=str(protocol.PROTOCOL_VERSION),
        description=(
            "Sync for the customer-service desktops of the branch offices. A desktop enrols "
            "once with a one-time code and then pushes the rows changed on it and pulls what "
            "its org subtree holds, both in batches keyed by update sequence numbers (USN)."
        ),
    )
    app.state.store = store
    app.add_middleware(BodyLimit)

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.answer().model_dump(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        answer = ErrorAnswer(error="bad_request", reason=_validation_reason(exc))
        return JSONResponse(answer.model_dump(), status_code=422)

    @app.get(f"{API_PREFIX}/health", response_model=Health, tags=["sync"])
    def health() -> Health | JSONResponse:
        """Is the server up and its database reachable? (No token needed.)"""
        try:
            with store.reads() as session:
                session.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any database failure means "not healthy"
            answer = ErrorAnswer(error="database", reason="The database does not answer.")
            return JSONResponse(answer.model_dump(), status_code=503)
        return Health(status="ok", protocol=protocol.PROTOCOL_VERSION, database=store.dialect)

    @app.post(f"{API_PREFIX}/enroll", response_model=EnrollAnswer, responses=ERRORS, tags=["sync"])
    def enroll(body: EnrollRequest) -> EnrollAnswer:
        """Trade a one-time enrolment code for this desktop's token (shown once)."""
        return auth.enroll(store, body.code, body.device_name)

    @app.post(
        f"{API_PREFIX}/enroll/check",
        response_model=CodeCheckAnswer,
        responses=ERRORS,
        tags=["sync"],
    )
    def check_code(body: CodeCheck) -> CodeCheckAnswer:
        """The org unit a one-time code is for, without using the code up, and which of the
        given logins people outside that unit's lineage use."""
        return auth.check_code(store, body.code, body.logins)

    @app.post(f"{API_PREFIX}/push", response_model=PushAnswer, responses=ERRORS, tags=["sync"])
    def push_batch(body: PushRequest, authorization: str | None = Header(None)) -> Response:
        """Apply one batch of changed rows (idempotent by its key) and answer their USNs."""
        with store.reads() as session:
            device = auth.authenticate(session, authorization)
        answer = push(store, device, body)
        return Response(answer.model_dump_json(), media_type="application/json")

    @app.post(f"{API_PREFIX}/pull", response_model=PullAnswer, responses=ERRORS, tags=["sync"])
    def pull_page(body: PullRequest, authorization: str | None = Header(None)) -> Response:
        """One page of the rows in this desktop's scope with since < usn <= upto."""
        now = now_ms()
        with store.reads() as session:
            device = auth.authenticate(session, authorization)
            answer = pull(store, session, load_scope(session, device.org_unit_id), body)
        auth.touch(store, device, now)
        return Response(answer.model_dump_json(), media_type="application/json")

    return app
