"""Request-level errors with a machine-readable body.

Body: {"error": {"status": 413, "code": "too_large", "message": "…", "details": […]},
"request_id": "…"}. Messages are Chinese; `code` is stable and meant for programs.
"""

from __future__ import annotations

import contextvars
from typing import Any

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details: list[str] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"error": {"status": self.status, "code": self.code, "message": self.message,
                          "details": self.details},
                "request_id": request_id.get()}


def too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"请求体超过上限 {limit} 字节")
