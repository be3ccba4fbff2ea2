"""The ASGI application: /v1 API, health, metrics, OpenAPI and its docs page, the reviewer page.

Documents are checked in a pool of worker processes (`batch.WorkerPool`) with the CLI's per-file
time and size limits: a document that hangs a parser costs one worker, which is killed and
replaced, and never the server. The server keeps no state between requests.
"""

from __future__ import annotations

import dataclasses
import hmac
import multiprocessing
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

import anyio
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..api import exit_code, load_rules
from ..batch import Failure, WorkerPool
from ..model import DOC_TYPES, DOCX_MEDIA_TYPE, SEVERITY_RANK, RunResult
from . import contract, page
from .errors import ApiError
from .logs import log
from .metrics import CONTENT_TYPE as METRICS_TYPE, Metrics
from .middleware import BodyLimit, Observe
from .intake import CheckRequest, parse_check_request
from .settings import ServerSettings
from .work import Checked, Upload, check_upload

MEDIA = {"json": "application/json", "sarif": "application/sarif+json", "html": "text/html; charset=utf-8"}


def worker_context() -> Any:
    """Workers are forked from a clean, pre-warmed forkserver: never from this threaded process."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["lawgov_check.server._preload"])
        return ctx
    return multiprocessing.get_context("spawn")


class Service:
    """The worker pool and the counters; one per application."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.metrics = Metrics()
        self.pool: WorkerPool | None = None
        self.ready = False
        # Documents wait here, first come first served, for one of the workers (the pool's own
        # queue of idle workers wakes waiting threads in no particular order).
        self.slots = anyio.Semaphore(settings.workers)

    def start(self) -> None:
        self.pool = WorkerPool(check_upload, self.settings.workers, context=worker_context())
        self.ready = True

    def stop(self) -> None:
        self.ready = False
        if self.pool is not None:
            self.pool.close()

    async def check(self, upload: Upload) -> Checked:
        assert self.pool is not None
        async with self.slots:
            with self.metrics.in_progress.track_inprogress():
                value = await anyio.to_thread.run_sync(self.pool.run, upload, self.settings.timeout or None)
        if isinstance(value, Failure):
            from ..api import _failed  # the batch's wording for a timed-out or crashed file

            checked = Checked(_failed(upload.name, value).result)
        else:
            checked = value
        self.metrics.observe_document(checked.result, timed_out=isinstance(value, Failure) and value.kind == "timeout")
        return checked

    async def check_all(self, uploads: list[Upload]) -> list[Checked]:
        out: list[Any] = [None] * len(uploads)

        async def one(i: int, upload: Upload) -> None:
            out[i] = await self.check(upload)

        async with anyio.create_task_group() as group:
            for i, upload in enumerate(uploads):
                group.start_soon(one, i, upload)
        return out


def outcome(run: RunResult, fail_on: str) -> tuple[int, str]:
    """Exit code as the CLI's, and the workflow verdict: pass, warn, block or error."""
    code = exit_code(run, fail_on)
    if code == 2:
        return code, "error"
    if code == 1:
        return code, "block"
    warned = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"] for d in run.documents for f in d.findings)
    return code, "warn" if warned else "pass"


def _attachment(name: str) -> str:
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


def _error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body(), error.status, headers=error.headers)


ERROR_SCHEMA = {
    "type": "object", "required": ["error", "request_id"],
    "properties": {
        "error": {"type": "object", "required": ["status", "code", "message", "details"], "properties": {
            "status": {"type": "integer"},
            "code": {"type": "string", "description": "Stable, for programs: malformed_request, no_documents, "
                     "too_large, too_many_files, unsupported_media_type, invalid_options, "
                     "unreadable_document, unauthorized, not_found, method_not_allowed, internal_error."},
            "message": {"type": "string"},
            "details": {"type": "array", "items": {"type": "string"}}}},
        "request_id": {"type": "string"}},
}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    words = {400: "Malformed request", 401: "Missing or invalid API key", 404: "Not found",
             413: "Request too large", 415: "Unsupported media type", 422: "Invalid options or document"}
    return {s: {"description": words[s], "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            for s in statuses}


def create_app(settings: ServerSettings) -> FastAPI:
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        await anyio.to_thread.run_sync(service.start)
        log.info("ready", extra={"documents": settings.workers})
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(service.stop)
            log.info("stopped")

    app = FastAPI(title="lawgov-check", version=__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json", description=contract.DESCRIPTION)
    app.state.service = service
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(Observe, metrics=service.metrics)  # added last: outermost

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return _error_response(ApiError(422, "invalid_options", "选项无效", details))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error_response(ApiError(exc.status_code, code, str(exc.detail)))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return _error_response(ApiError(500, "internal_error", "服务器内部错误"))

    bearer = HTTPBearer(auto_error=False, description="API key, required when the server has keys "
                        "(also accepted in an X-API-Key header).")

    def require_key(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
        if not settings.api_keys:
            return
        given = credentials.credentials if credentials else request.headers.get("x-api-key", "")
        if not any(hmac.compare_digest(given.encode(), key.encode()) for key in settings.api_keys):
            raise ApiError(401, "unauthorized", "缺少或无效的 API 密钥",
                           headers={"WWW-Authenticate": 'Bearer realm="lawgov-check"'})

    v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_key)], responses=_errors(401))

    @v1.post("/check", summary="Check documents", openapi_extra=contract.CHECK_BODY,
             responses={200: contract.CHECK_OK, **_errors(400, 413, 415, 422)})
    async def check(request: Request) -> Response:
        req: CheckRequest = await parse_check_request(request, settings)
        if req.fmt == "html":
            req.uploads = [dataclasses.replace(u, options=dataclasses.replace(u.options, keep_text=True))
                           for u in req.uploads]
        checked = await service.check_all(req.uploads)
        run = _run([c.result for c in checked], req)
        code, verdict = outcome(run, req.fail_on)
        from ..report import render

        body = render(req.fmt, run, lang=req.options.lang)
        return Response(body, media_type=MEDIA[req.fmt],
                        headers={"X-Lawgov-Exit-Code": str(code), "X-Lawgov-Outcome": verdict})

    @v1.post("/annotate", summary="Annotated Word copy of one document", openapi_extra=contract.ANNOTATE_BODY,
             responses={200: contract.ANNOTATE_OK, **_errors(400, 413, 415, 422)})
    async def annotate(request: Request) -> Response:
        req = await parse_check_request(request, settings)
        if len(req.uploads) != 1:
            raise ApiError(400, "malformed_request", "annotate 只接受一个文档")
        checked = await service.check(dataclasses.replace(req.uploads[0], annotate=True))
        result = checked.result
        if checked.annotated is None:
            problems = result.errors or ([checked.annotate_error] if checked.annotate_error else [])
            raise ApiError(422, "unreadable_document", problems[0] if problems else "无法生成批注文件", problems)
        from ..api import annotated_name

        code, verdict = outcome(_run([result], req), req.fail_on)
        return Response(checked.annotated, media_type=DOCX_MEDIA_TYPE, headers={
            "Content-Disposition": _attachment(annotated_name(result.path)), "X-Lawgov-Exit-Code": str(code),
            "X-Lawgov-Outcome": verdict, "X-Lawgov-Findings": str(len(result.findings))})

    def _run(documents: list[Any], req: CheckRequest) -> RunResult:
        from ..api import _rule_infos  # the rules a report lists for these options, as the CLI's

        return RunResult(documents=documents, rules=_rule_infos(req.options, None), tool_version=__version__,
                         lang=req.options.lang)

    Lang = Query("zh", pattern="^(zh|en)$", description="zh or en")

    @v1.get("/rules", summary="The rule catalogue")
    async def rules(lang: str = Lang) -> dict[str, Any]:
        from ..rules.cli_tables import rule_rows

        return {"rules": rule_rows(load_rules(), lang)}

    @v1.get("/rules/{code}", summary="One rule with its basis and examples", responses=_errors(404, 422))
    async def rule(code: str, lang: str = Lang) -> Any:
        found = load_rules().rule(code.upper())
        if found is None:
            raise ApiError(404, "not_found", f"{code}: 未知的规则代码")
        return JSONResponse(jsonable_encoder(contract.rule_detail(*found, lang=lang)))

    @v1.get("/doc-types", summary="Document types")
    async def doc_types(lang: str = Lang) -> dict[str, Any]:
        from ..report.common import doc_type_label

        return {"doc_types": [{"id": t, "label": doc_type_label(lang, t)} for t in DOC_TYPES]}

    app.include_router(v1)

    @app.get("/healthz", summary="Liveness", tags=["operations"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", summary="Readiness: workers started and not shutting down", tags=["operations"],
             responses={503: {"description": "Not ready"}})
    async def readyz() -> JSONResponse:
        if service.ready:
            return JSONResponse({"status": "ready", "workers": settings.workers})
        return JSONResponse({"status": "not ready"}, 503)

    @app.get("/metrics", summary="Prometheus metrics", tags=["operations"], dependencies=[Depends(require_key)],
             responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format"}, **_errors(401)})
    async def metrics() -> Response:
        return Response(service.metrics.render(), media_type=METRICS_TYPE)

    @app.get("/docs/reference", include_in_schema=False)
    async def reference() -> HTMLResponse:
        from .apidocs import render_docs

        return HTMLResponse(render_docs(app.openapi()), headers={"Content-Security-Policy": page.DOCS_CSP})

    page.mount(app)
    _add_error_schema(app)
    return app


def _add_error_schema(app: FastAPI) -> None:
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original()
            schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
