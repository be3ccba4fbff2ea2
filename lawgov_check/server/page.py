"""The reviewer page at `/`, the interactive API docs at `/docs`, and their assets, all served
from the installed packages (works offline, on an intranet).

The page shows the HTML report (report/html.py) in a sandboxed frame; the frame inherits this
page's Content-Security-Policy, so the report's script hash is allowed here as well. `/docs` is
Swagger UI (its files from the fastapi-offline package) reading `/openapi.json`; "Try it out" sends
requests to this server only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import Response

from .errors import ApiError

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {"review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8",
          "docs.js": "text/javascript; charset=utf-8"}
SWAGGER_ASSETS = {"swagger-ui-bundle.js": "text/javascript; charset=utf-8", "swagger-ui.css": "text/css; charset=utf-8"}
DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
SWAGGER_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


@cache
def _read(name: str) -> bytes:
    return (STATIC / name).read_bytes()


@cache
def _swagger(name: str) -> bytes:
    return (Path(fastapi_offline.__file__).resolve().parent / "static" / name).read_bytes()


@cache
def page_csp() -> str:
    from ..report.html import _script_hash  # the report's inline script, allowed by its hash
    from ..report.html_assets import SCRIPT

    return ("default-src 'none'; script-src 'self' '" + _script_hash(SCRIPT) + "'; "
            "style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:; "
            "frame-src 'self' blob: about:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _file(data: bytes, media: str, csp: str | None = None, cache: str = "no-cache") -> Response:
    headers = {"Cache-Control": cache, **({"Content-Security-Policy": csp} if csp else {})}
    return Response(data, media_type=media, headers=headers)


def _not_found(name: str) -> ApiError:
    return ApiError(404, "not_found", f"{name}: 没有这个文件")


def mount(app: FastAPI) -> None:
    html = "text/html; charset=utf-8"

    @app.get("/", include_in_schema=False)
    async def review_page() -> Response:
        return _file(_read("review.html"), html, page_csp())

    @app.get("/docs", include_in_schema=False)
    async def docs_page() -> Response:
        return _file(_read("docs.html"), html, SWAGGER_CSP)

    @app.get("/docs/assets/{name}", include_in_schema=False)
    async def swagger_asset(name: str) -> Response:
        if name not in SWAGGER_ASSETS:
            raise _not_found(name)
        # fixed for an installed fastapi-offline: a browser may keep them for a day
        return _file(_swagger(name), SWAGGER_ASSETS[name], cache="max-age=86400")

    @app.get("/static/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in ASSETS:
            raise _not_found(name)
        return _file(_read(name), ASSETS[name])
