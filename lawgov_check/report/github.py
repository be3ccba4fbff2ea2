"""GitHub Actions workflow commands: one annotation line per finding and per input error."""

from __future__ import annotations

from typing import TextIO

from ..model import DocumentResult, Finding, RunResult
from ..textsafe import terminal_safe
from .common import cite_all, colon, label, relative_path, resolve_lang, text_region

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (the part after `::`); other control characters shown as \\xNN."""
    return terminal_safe(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    """Escape a command property value (file, title…): also `:` and `,`."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(doc: DocumentResult, f: Finding, lang: str) -> str:
    region = text_region(doc, f)
    message = f.message
    if f.heading_path:
        message += f"\n{label(lang, 'heading_path')}{colon(lang)}{f.heading_path}"
    if f.suggestion:
        message += f"\n{label(lang, 'suggestion')}{colon(lang)}{f.suggestion}"
    if f.basis:
        message += f"\n{label(lang, 'basis')}{colon(lang)}{cite_all(f.basis)}"
    one_line = region.start_line == region.end_line
    return command(
        COMMANDS.get(f.severity, "warning"), message,
        file=relative_path(doc.path),
        line=f.location.line,
        col=f.location.column,
        endColumn=(f.location.column + region.end_column - region.start_column) if one_line else None,
        title=f"{f.code} {f.name}",
    )


class GithubStream:
    """One annotation line per input error and per finding, written as each document comes."""

    def __init__(self, out: TextIO, *, color: bool = False, lang: str | None = None,
                 **_options: object) -> None:
        self.out = out
        self.lang_wanted = lang

    def begin(self, run: RunResult) -> None:
        self.lang = resolve_lang(run, self.lang_wanted)

    def add(self, doc: DocumentResult) -> None:
        lines = [command("error", error, file=relative_path(doc.path), title=label(self.lang, "input_error"))
                 for error in doc.errors]
        lines.extend(_annotation(doc, f, self.lang) for f in doc.findings)
        self.out.write("".join(line + "\n" for line in lines))

    def finish(self, run: RunResult) -> None:
        pass


def render_github(run: RunResult, *, color: bool = False, lang: str | None = None) -> str:
    from . import render

    return render("github", run, color=color, lang=lang)
