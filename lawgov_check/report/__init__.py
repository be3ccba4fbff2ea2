"""Reporters: every output format, each fed the same `RunResult`."""

from __future__ import annotations

from typing import Callable

from ..model import RunResult
from .docx_annotate import annotate_docx
from .github import render_github
from .html import render_html
from .json_report import render_json
from .junit import render_junit
from .sarif import render_sarif
from .text import render_text

Renderer = Callable[..., str]

_RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
    "html": render_html,
}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)


def render(fmt: str, run: RunResult, *, color: bool = False, lang: str | None = None) -> str:
    """Render a run in one of `FORMATS`; `color` matters for text only, `lang` for labels."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"未知的输出格式：{fmt}（可选：{'、'.join(FORMATS)}）") from None
    return renderer(run, color=color, lang=lang)


__all__ = ["FORMATS", "render", "annotate_docx"]
