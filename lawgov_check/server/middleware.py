"""ASGI middleware: request ids, logs and metrics (outermost); the request body limit."""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse

from .errors import ApiError, request_id, too_large
from .logs import log
from .metrics import Metrics

_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class Observe:
    """Gives each request an id (a caller's sane X-Request-ID, or a new one), returns it in the
    X-Request-ID header, and logs and counts the request when it ends."""

    def __init__(self, app: Any, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get("x-request-id", "")
        rid = given if _SAFE_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or "(unmatched)"
            self.metrics.observe_request(route, scope["method"], status, seconds)
            client = scope.get("client")
            log.info("request", extra={"method": scope["method"], "path": scope["path"], "status": status,
                                       "duration_ms": round(seconds * 1000, 1),
                                       "client": client[0] if client else None})
            request_id.reset(token)


class BodyLimit:
    """Refuses a body over `limit` bytes with 413: at once when Content-Length says so (nothing is
    read), otherwise as soon as the bytes received pass the limit."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            error = too_large(self.limit) if length.isdigit() else ApiError(
                400, "malformed_request", "Content-Length 无效")
            response = JSONResponse(error.body(), error.status, headers={"Connection": "close"})
            await response(scope, receive, send)
            return
        received = 0

        async def limited() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise too_large(self.limit)
            return message

        await self.app(scope, limited, send)
