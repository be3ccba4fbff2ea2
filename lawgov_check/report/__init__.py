"""Reporters: every output format, each fed the same `RunResult`."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import DocumentResult, RunResult

# Each renderer is imported only when its format is asked for, so that a plain text check does
# not pay for python-docx, the HTML assets or the SARIF tables.
_RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("text", "render_text"),
    "json": ("json_report", "render_json"),
    "sarif": ("sarif", "render_sarif"),
    "junit": ("junit", "render_junit"),
    "github": ("github", "render_github"),
    "html": ("html", "render_html"),
}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)


def render(fmt: str, run: "RunResult", *, color: bool = False, lang: str | None = None) -> str:
    """Render a run in one of `FORMATS`; `color` matters for text only, `lang` for labels."""
    try:
        module, function = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"未知的输出格式：{fmt}（可选：{'、'.join(FORMATS)}）") from None
    renderer = getattr(import_module(f"{__name__}.{module}"), function)
    return renderer(run, color=color, lang=lang)


def annotate_docx(doc_result: "DocumentResult", source_path: str, out_dir: str, *, lang: str = "zh",
                  **kwargs: Any) -> str:
    """Write an annotated Word copy of a checked document (see `docx_annotate`)."""
    from .docx_annotate import annotate_docx as write_annotated

    return write_annotated(doc_result, source_path, out_dir, lang=lang, **kwargs)


__all__ = ["FORMATS", "render", "annotate_docx"]
