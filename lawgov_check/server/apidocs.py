"""A self-contained page documenting the API, rendered from the OpenAPI document (no scripts,
no external assets, so it works on an intranet)."""

from __future__ import annotations

import json
from html import escape
from typing import Any

STYLE = """body{font:15px/1.5 sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1d2430}
.op{border:1px solid #c8ced8;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
.m{font-weight:bold;text-transform:uppercase;padding:.1rem .4rem;border-radius:3px;background:#1d3557;color:#fff}
table{border-collapse:collapse}td,th{border:1px solid #dde;padding:.2rem .5rem;text-align:left;vertical-align:top}
pre{background:#f4f5f7;padding:.5rem;overflow:auto;max-height:20rem}"""


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _parameters(op: dict[str, Any]) -> str:
    params = op.get("parameters") or []
    if not params:
        return ""
    rows = "".join(f"<tr><td><code>{e(p['name'])}</code></td><td>{e(p['in'])}</td>"
                   f"<td><code>{e(json.dumps(p.get('schema', {}), ensure_ascii=False))}</code></td>"
                   f"<td>{e(p.get('description', ''))}</td></tr>" for p in params)
    return f"<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>schema</th><th></th></tr>{rows}</table>"


def _body(op: dict[str, Any]) -> str:
    body = op.get("requestBody")
    if not body:
        return ""
    parts = "".join(f"<h5>{e(media)}</h5><pre>{e(json.dumps(c.get('schema', {}), ensure_ascii=False, indent=2))}</pre>"
                    for media, c in body.get("content", {}).items())
    return f"<h4>Request body</h4><p>{e(body.get('description', ''))}</p>{parts}"


def _responses(op: dict[str, Any]) -> str:
    rows = "".join(f"<tr><td>{e(code)}</td><td>{e(r.get('description', ''))}</td>"
                   f"<td>{e(', '.join(r.get('content', {})))}</td></tr>"
                   for code, r in op.get("responses", {}).items())
    return f"<h4>Responses</h4><table><tr><th>status</th><th></th><th>media types</th></tr>{rows}</table>"


def render_docs(openapi: dict[str, Any]) -> str:
    info = openapi.get("info", {})
    ops = []
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            ops.append(f'<section class="op" id="{e(op.get("operationId", path))}"><h3><span class="m">{e(method)}</span> '
                       f"<code>{e(path)}</code> {e(op.get('summary', ''))}</h3>"
                       f"<p>{e(op.get('description', ''))}</p>{_parameters(op)}{_body(op)}{_responses(op)}</section>")
    schemas = json.dumps(openapi.get("components", {}), ensure_ascii=False, indent=2)
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{e(info.get('title'))} API</title><style>{STYLE}</style></head><body>"
            f"<h1>{e(info.get('title'))} {e(info.get('version'))} API</h1><p>{e(info.get('description'))}</p>"
            "<p>Machine-readable contract: <a href=\"openapi.json\">openapi.json</a>. "
            "Reviewer page: <a href=\"./\">/</a>.</p>"
            + "".join(ops) + f"<h2>Components</h2><pre>{e(schemas)}</pre></body></html>")
