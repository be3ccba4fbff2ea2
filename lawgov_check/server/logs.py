"""Structured logs: one JSON object per line on standard error, each with the request id."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys

from .errors import request_id

LOGGER = "lawgov_check.server"


class JsonFormatter(logging.Formatter):
    FIELDS = ("method", "path", "status", "duration_ms", "documents", "client")

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
                 "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage(),
                 "request_id": getattr(record, "request_id", None) or request_id.get()}
        entry.update({k: getattr(record, k) for k in self.FIELDS if hasattr(record, k)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str = "info") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in (LOGGER, "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level.upper())
        logger.propagate = False


log = logging.getLogger(LOGGER)
