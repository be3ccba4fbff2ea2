"""Turn an HTTP request into documents and check options, or an ApiError (400/413/415/422).

Options come from the query string and, for a form, its text fields or, for JSON, the body's keys
(the body wins). Names and meanings are the CLI's: doc_type, jurisdiction, ruleset, select,
ignore, lang, fail_on, plus format (json, sarif, html) and a workflow manifest (`meta`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from ..api import FAIL_ON, CheckOptions, load_rules
from ..inputs import INPUT_SUFFIXES
from ..model import DOC_TYPES, DOCX_MEDIA_TYPE, InputError
from .errors import ApiError
from .settings import ServerSettings
from .work import Upload

FORMATS = ("json", "sarif", "html")
LANGS = ("zh", "en")
MEDIA_TYPES = {"text/plain": ".txt", "application/pdf": ".pdf", DOCX_MEDIA_TYPE: ".docx"}
LIST_OPTIONS = ("ruleset", "select", "ignore")
TEXT_OPTIONS = ("doc_type", "jurisdiction", "lang", "fail_on", "format")
ACCEPT_FORMATS = (("application/sarif+json", "sarif"), ("text/html", "html"), ("application/json", "json"))


@dataclass
class CheckRequest:
    uploads: list[Upload]
    options: CheckOptions
    fmt: str = "json"
    fail_on: str = "error"
    raw: dict[str, Any] = field(default_factory=dict)


def _values(raw: dict[str, list[str]], key: str) -> list[str]:
    return [p.strip() for v in raw.get(key, []) for p in str(v).split(",") if p.strip()]


def _one(raw: dict[str, list[str]], key: str) -> str | None:
    values = [v for v in raw.get(key, []) if str(v).strip()]
    return str(values[-1]).strip() if values else None


def _fmt(raw: dict[str, list[str]], accept: str) -> str:
    """`format` when given; else the format the Accept header prefers (by q, then by its order)
    among those named exactly; else JSON."""
    wanted = _one(raw, "format")
    if wanted is not None:
        return wanted
    formats = dict(ACCEPT_FORMATS)
    best: tuple[float, int, str] | None = None
    for index, item in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in item.split(";")]
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        fmt = formats.get(media.lower())
        if fmt and q > 0 and (best is None or q > best[0]):
            best = (q, index, fmt)
    return best[2] if best else "json"


def build_options(raw: dict[str, list[str]], settings: ServerSettings, meta: Any) -> tuple[CheckOptions, str]:
    """Check options from request values laid over the config file's settings; 422 when invalid."""
    from ..config import Settings
    from ..rules.names import unknown_names

    problems: list[str] = []
    choices = {"doc_type": DOC_TYPES, "lang": LANGS, "fail_on": FAIL_ON, "format": FORMATS}
    for key, allowed in choices.items():
        value = _one(raw, key)
        if value is not None and value not in allowed:
            problems.append(f"{key}: 无效的取值 {value!r}（可选：{'、'.join(allowed)}）")
    rulesets = [r.upper() for r in _values(raw, "ruleset")]
    problems += [f"{key}: {problem}" for key, problem in unknown_names(
        load_rules(), rulesets=rulesets, select=_values(raw, "select"), ignore=_values(raw, "ignore"),
        jurisdiction=_one(raw, "jurisdiction"))]
    manifest = None
    if meta is not None:
        from ..manifest import validate_manifest

        try:
            manifest = validate_manifest(meta, "meta")
        except InputError as exc:
            problems.append(str(exc))
    if problems:
        raise ApiError(422, "invalid_options", "选项无效", problems)
    config = settings.config
    request = Settings(jurisdiction=_one(raw, "jurisdiction"), doc_type=_one(raw, "doc_type"),
                       rulesets=tuple(rulesets) or None,
                       select=tuple(c.upper() for c in _values(raw, "select")) or None,
                       ignore=tuple(c.upper() for c in _values(raw, "ignore")), fail_on=_one(raw, "fail_on"))
    lang = _one(raw, "lang") or config.lang or "zh"
    base = CheckOptions(lang=lang, meta=manifest, ruleset_files=list(config.ruleset_files),
                        jurisdiction_files=list(config.jurisdiction_files),
                        **settings.limits)
    options = config.settings.then(request).apply(base)
    return options, options.fail_on


def _query(request: Request) -> dict[str, list[str]]:
    raw: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        raw.setdefault(key, []).append(value)
    return raw


def _parse_meta(text: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(text)  # JSON is YAML
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ApiError(422, "invalid_options", "元数据清单无法解析", [f"meta: {first}"]) from None


def _supported(upload: UploadFile) -> bool:
    suffix = PurePath(upload.filename or "").suffix.lower()
    media = (upload.content_type or "").split(";")[0].strip().lower()
    return suffix in INPUT_SUFFIXES or media in MEDIA_TYPES


def _name(upload: UploadFile, index: int) -> str:
    name = PurePath((upload.filename or "").replace("\\", "/")).name
    if not name:
        media = (upload.content_type or "").split(";")[0].strip().lower()
        name = f"document-{index}{MEDIA_TYPES.get(media, '.txt')}"
    return name


async def _form(request: Request, settings: ServerSettings) -> tuple[dict[str, list[str]], list[Upload], Any]:
    try:
        form = await request.form(max_files=settings.max_files + 1, max_fields=1000)
    except HTTPException as exc:
        raise ApiError(400, "malformed_request", f"无法解析 multipart 请求: {exc.detail}") from None
    raw: dict[str, list[str]] = {}
    files: list[UploadFile] = []
    meta: Any = None
    for key, value in form.multi_items():
        if key == "meta":
            text = (await value.read()).decode("utf-8-sig", "replace") if isinstance(value, UploadFile) else value
            meta = _parse_meta(text)
        elif isinstance(value, UploadFile):
            files.append(value)
        else:
            raw.setdefault(key, []).append(value)
    if len(files) > settings.max_files:
        raise ApiError(413, "too_many_files", f"一次最多 {settings.max_files} 个文件")
    unsupported = [f"{f.filename}: 不支持的文件类型 {f.content_type or ''}（支持 .txt、.docx、.pdf）".rstrip()
                   for f in files if not _supported(f)]
    if unsupported:
        raise ApiError(415, "unsupported_media_type", "不支持的文件类型", unsupported)
    options_placeholder = CheckOptions()
    uploads = [Upload(_name(f, i), await f.read(), options_placeholder) for i, f in enumerate(files, start=1)]
    return raw, uploads, meta


def _json_documents(body: Any) -> list[tuple[str, str]]:
    if not isinstance(body, dict):
        raise ApiError(400, "malformed_request", "JSON 请求体应为对象")
    docs = body.get("documents", [body] if "text" in body else [])
    if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
        raise ApiError(400, "malformed_request", "documents 应为对象的数组")
    out = []
    for i, d in enumerate(docs, start=1):
        if not isinstance(d.get("text"), str):
            raise ApiError(400, "malformed_request", f"第 {i} 个文档缺少字符串 text")
        name = d.get("name") if isinstance(d.get("name"), str) and d.get("name").strip() else f"document-{i}.txt"
        out.append((PurePath(name.replace("\\", "/")).name or f"document-{i}.txt", d["text"]))
    return out


async def _json(request: Request, settings: ServerSettings) -> tuple[dict[str, list[str]], list[Upload], Any]:
    data = await request.body()
    try:
        body = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "malformed_request", f"JSON 无法解析: {exc}") from None
    docs = _json_documents(body)
    if len(docs) > settings.max_files:
        raise ApiError(413, "too_many_files", f"一次最多 {settings.max_files} 个文件")
    raw: dict[str, list[str]] = {}
    for key in TEXT_OPTIONS + LIST_OPTIONS + ("rulesets",):
        value = body.get(key)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in values):
            raise ApiError(422, "invalid_options", "选项无效", [f"{key}: 应为字符串或字符串数组"])
        raw["ruleset" if key == "rulesets" else key] = values
    uploads = [Upload(name, b"", CheckOptions(), text=text) for name, text in docs]
    return raw, uploads, body.get("meta")


async def parse_check_request(request: Request, settings: ServerSettings) -> CheckRequest:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        body_raw, uploads, meta = await _form(request, settings)
    elif media == "application/json" or media.endswith("+json"):
        body_raw, uploads, meta = await _json(request, settings)
    else:
        raise ApiError(415, "unsupported_media_type",
                       f"不支持的请求类型 {media or '（未指定）'}（可用 multipart/form-data 或 application/json）")
    if not uploads:
        raise ApiError(400, "no_documents", "请求中没有文档（multipart 文件部分，或 JSON 的 text / documents）")
    raw = {**_query(request), **body_raw}
    options, fail_on = build_options(raw, settings, meta)
    uploads = [Upload(u.name, u.data, options, text=u.text) for u in uploads]
    return CheckRequest(uploads, options, _fmt(raw, request.headers.get("accept", "")), fail_on, raw)
