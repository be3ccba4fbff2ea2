"""Reporters: every output format, each fed the same `RunResult`.

Every format is written by a stream (`open_stream`): `begin(run)` before the first document,
`add(doc)` for each document in input order, `finish(run)` once the waivers are known. A stream
writes each document's part as it comes, or holds only compact data (counts, rule indexes) and
parks finished parts in a temporary file, so a batch does not keep its documents in memory.
`render` runs a whole `RunResult` through the same stream into a string.
"""

from __future__ import annotations

import io
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model import DocumentResult, RunResult

    FailOn = str | Callable[[DocumentResult], str]

# Each renderer is imported only when its format is asked for, so that a plain text check does
# not pay for python-docx, the HTML assets or the SARIF tables.
_STREAMS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextStream"),
    "json": ("json_report", "JsonStream"),
    "sarif": ("sarif", "SarifStream"),
    "junit": ("junit", "JunitStream"),
    "github": ("github", "GithubStream"),
    "html": ("html", "HtmlStream"),
}

FORMATS: tuple[str, ...] = tuple(_STREAMS)


class ReportStream(Protocol):
    def begin(self, run: "RunResult") -> None: ...

    def add(self, doc: "DocumentResult") -> None: ...

    def finish(self, run: "RunResult") -> None: ...


def open_stream(fmt: str, out: TextIO, *, color: bool = False, lang: str | None = None,
                fail_on: "FailOn" = "error", docs_url: str | None = None) -> ReportStream:
    """A stream writing format `fmt` to `out`.

    `color` matters for text only, `lang` for labels, `fail_on` (a severity or `never`, or a function
    giving it per document) for JUnit failures, `docs_url` (the rule reference) for SARIF links.
    """
    try:
        module, name = _STREAMS[fmt]
    except KeyError:
        raise ValueError(f"未知的输出格式：{fmt}（可选：{'、'.join(FORMATS)}）") from None
    return getattr(import_module(f"{__name__}.{module}"), name)(
        _Writable(out), color=color, lang=lang, fail_on=fail_on, docs_url=docs_url)


class _Writable:
    """`out` receiving only text it can encode: a surrogate that slipped past ingest (from a
    ruleset's or manifest's `\\ud800` escape, say) becomes U+FFFD instead of failing the report."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> Any:
        from ..textsafe import clean

        return self._out.write(clean(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._out, name)


def render(fmt: str, run: "RunResult", *, color: bool = False, lang: str | None = None,
           fail_on: "FailOn" = "error", docs_url: str | None = None) -> str:
    """Render a run in one of `FORMATS` (options as for `open_stream`)."""
    buffer = io.StringIO()
    stream = open_stream(fmt, buffer, color=color, lang=lang, fail_on=fail_on, docs_url=docs_url)
    stream.begin(run)
    for doc in run.documents:
        stream.add(doc)
    stream.finish(run)
    return buffer.getvalue()


def annotate_docx(doc_result: "DocumentResult", source_path: str, out_dir: str, *, lang: str = "zh",
                  **kwargs: Any) -> str:
    """Write an annotated Word copy of a checked document (see `docx_annotate`)."""
    from .docx_annotate import annotate_docx as write_annotated

    return write_annotated(doc_result, source_path, out_dir, lang=lang, **kwargs)


__all__ = ["FORMATS", "ReportStream", "open_stream", "render", "annotate_docx"]
