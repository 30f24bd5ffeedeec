"""HTTP to the head office (httpx): JSON in, JSON out, failures as SyncError.

TLS certificates are checked against the system's authorities; a head office with its
own certificate authority names its bundle in DESKTOP_CRM_CA_BUNDLE.
"""

from __future__ import annotations

import os
import ssl
import time
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from desktop_crm.sync import errors
from desktop_crm.sync.errors import SyncError, SyncRefused
from desktop_crm.sync.protocol import API_PREFIX, ErrorAnswer

Answer = TypeVar("Answer", bound=BaseModel)
CA_BUNDLE_ENV = "DESKTOP_CRM_CA_BUNDLE"
TIMEOUT = httpx.Timeout(120.0, connect=10.0)
RETRIES = 2
REPEATABLE = frozenset({"/pull", "/push"})

_REFUSALS = {
    "unauthorized": errors.TOKEN_REFUSED,
    "token_revoked": errors.TOKEN_REFUSED,
    "bad_code": errors.BAD_CODE,
    "out_of_scope": errors.OUT_OF_SCOPE,
    "server_behind": errors.SERVER_BEHIND,
}


def normalise_server_url(url: str) -> str:
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(errors.BAD_SERVER_URL, "bad_url", server=url)
    return url


def _certificate_refused(exc: BaseException) -> bool:
    """Whether the connection failed because the server's certificate was not trusted."""
    seen: BaseException | None = exc
    for _depth in range(8):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        if "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class HttpTransport:
    """One head office, one token (none for enrolling)."""

    def __init__(self, server_url: str, token: str | None = None) -> None:
        self.server_url = normalise_server_url(server_url)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        bundle = os.environ.get(CA_BUNDLE_ENV)
        verify: ssl.SSLContext | bool = True
        if bundle:
            try:
                verify = ssl.create_default_context(cafile=bundle)
            except (OSError, ssl.SSLError) as exc:
                raise SyncError(errors.BAD_CA_BUNDLE, "bad_ca_bundle", path=bundle) from exc
        self.client = httpx.Client(
            base_url=self.server_url + API_PREFIX, headers=headers, timeout=TIMEOUT, verify=verify
        )

    def _send(self, path: str, content: str) -> httpx.Response:
        """POST once; again (twice at most) when the connection failed before an answer
        and sending again is harmless: the connection was never made, or the request is a
        pull or a push (a push batch carries its idempotency key). A kept-alive connection
        that the server closed as it was being reused is the common case."""
        headers = {"Content-Type": "application/json"}
        for attempt in range(RETRIES + 1):
            try:
                return self.client.post(path, content=content, headers=headers)
            except httpx.TimeoutException:
                raise
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError,
                    httpx.WriteError) as exc:  # fmt: skip
                repeatable = isinstance(exc, httpx.ConnectError) or path in REPEATABLE
                if attempt == RETRIES or not repeatable or _certificate_refused(exc):
                    raise
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")

    def post(self, path: str, body: BaseModel, answer: type[Answer]) -> Answer:
        try:
            response = self._send(path, body.model_dump_json())
        except httpx.TimeoutException as exc:
            raise SyncError(errors.NO_ANSWER, "timeout", server=self.server_url) from exc
        except httpx.HTTPError as exc:
            if _certificate_refused(exc):
                raise SyncError(
                    errors.BAD_CERTIFICATE, "bad_certificate", server=self.server_url
                ) from exc
            raise SyncError(errors.UNREACHABLE, "unreachable", server=self.server_url) from exc
        if response.status_code >= 500:
            raise SyncError(
                errors.SERVER_FAILED, "server_error", server=self.server_url,
                status=response.status_code,
            )  # fmt: skip
        if response.status_code >= 400:
            try:
                refusal = ErrorAnswer.model_validate_json(response.content)
            except ValidationError:
                refusal = ErrorAnswer(error="refused", reason=response.text[:300])
            text = _REFUSALS.get(refusal.error, errors.REFUSED)
            raise SyncRefused(text, refusal.error, response.status_code, reason=refusal.reason)
        try:
            return answer.model_validate_json(response.content)
        except ValidationError as exc:
            raise SyncError(
                errors.SERVER_FAILED, "bad_answer", server=self.server_url,
                status=response.status_code,
            ) from exc  # fmt: skip

    def close(self) -> None:
        self.client.close()
