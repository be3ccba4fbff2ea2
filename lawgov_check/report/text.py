"""Human-readable terminal report: per document, per severity, with the offending text underlined."""

from __future__ import annotations

from typing import Any, TextIO

from ..model import SEVERITIES, DocumentResult, Finding, RulesetDecision, RunResult
from ..textsafe import terminal_safe
from ..ingest.markup import MEDIA_TYPE as MARKUP_MEDIA_TYPE
from .common import (
    colon,
    CountsTally, by_severity, cite_all, clamp_span, doc_type_label, jurisdiction_text, label, line_starts,
    location_suffix, position, resolve_lang, severity_label, summary_line,
)

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
CONTEXT_CHARS = 30  # characters of the source line shown before and after the span
MAX_MARKED_CHARS = 60  # longer spans are cut in the excerpt
TAB_WIDTH = 4
ELLIPSIS = "…"


# Code point ranges whose width is known without wcwidth (a test compares every one with it): ASCII
# and Latin-1, spaces, dashes and quotes, CJK punctuation and ideographs, full-width forms. wcwidth
# takes about 10 ms to import, and a Chinese document rarely holds any other character.
KNOWN_WIDTHS = ((0x20, 0x7E, 1), (0xA0, 0xFF, 1), (0x2000, 0x200A, 1), (0x2010, 0x2027, 1),
                (0x3000, 0x3029, 2), (0x3030, 0x303E, 2), (0x3400, 0x4DBF, 2), (0x4E00, 0x9FFF, 2),
                (0xFF01, 0xFF60, 2), (0xFFE0, 0xFFE6, 2))


def _known_width(code: int) -> int | None:
    for low, high, width in KNOWN_WIDTHS:
        if low <= code <= high:
            return width
    return None


def char_width(ch: str) -> int:
    """Terminal columns of one character: 2 for CJK, 0 for combining marks, a control as its \\xNN."""
    if ch == "\t":
        return TAB_WIDTH
    width = _known_width(ord(ch))
    if width is not None:
        return width
    from wcwidth import wcwidth

    width = wcwidth(ch)
    if width < 0:
        return len(terminal_safe(ch))  # a control character, shown as \xNN
    return width


def display_width(s: str) -> int:
    return sum(char_width(ch) for ch in s)


def _shown(s: str) -> str:
    return s.replace("\t", " " * TAB_WIDTH)


def caret_excerpt(line: str, start: int, end: int) -> tuple[str, str]:
    """The source line (cut around the span) and a marker line with ^ under [start, end).

    `start`/`end` are 0-based indices into `line`; an empty span gets a single ^. Widths come from
    wcwidth, so the carets sit under wide (Chinese) characters correctly.
    """
    line = line.rstrip("\r\n")
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    cut_end = min(end, start + MAX_MARKED_CHARS)
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(line), cut_end + CONTEXT_CHARS)
    prefix = (ELLIPSIS if left > 0 else "") + line[left:start]
    marked = line[start:cut_end] + (ELLIPSIS if cut_end < end else "")
    suffix = line[cut_end:right] + (ELLIPSIS if right < len(line) else "")
    shown = _shown(prefix + marked + suffix)
    carets = "^" * max(1, display_width(marked))
    return shown, " " * display_width(prefix) + carets


def _decisions(decisions: list[RulesetDecision], lang: str) -> str:
    left, right, comma = ("（", "）", "、") if lang == "zh" else (" (", ")", ", ")
    return comma.join(f"{d.id} {d.version}{left}{_reason(d, lang)}{right}" if d.reason else f"{d.id} {d.version}"
                      for d in decisions)


def _reason(d: RulesetDecision, lang: str) -> str:
    """The reason, and which jurisdictions' files set parameters (details in the JSON output)."""
    places = "、".join(dict.fromkeys(p["set_by"] for p in d.parameters))
    if not places:
        return d.reason
    return d.reason + (f"；参数取自 {places} 的辖区文件" if lang == "zh" else f"; parameters from the files of {places}")


Part = str | tuple[str, str]  # plain text, or (text, rich style)


class _Writer:
    """Lines as parts; rich builds styled text from them only when the output is coloured."""

    def __init__(self) -> None:
        self.lines: list[tuple[Part, ...]] = []

    def add(self, *parts: Part) -> None:
        self.lines.append(parts)

    def blank(self) -> None:
        self.lines.append(())


def _document_header(w: _Writer, doc: DocumentResult, lang: str) -> None:
    w.add(("== ", "dim"), (doc.path, "bold"), (" ==", "dim"))
    facts = []
    if doc.doc_type:
        facts.append(f"{label(lang, 'doc_type')}{colon(lang)}{doc_type_label(lang, doc.doc_type)}")
    if doc.year:
        facts.append(f"{label(lang, 'year')}{colon(lang)}{doc.year}")
    if jurisdiction_text(doc):
        facts.append(f"{label(lang, 'jurisdiction')}{colon(lang)}{jurisdiction_text(doc)}")
    if facts:
        w.add("  ".join(facts))
    if doc.title:
        w.add(f"{label(lang, 'title')}{colon(lang)}{doc.title}")
    if doc.rulesets_applied:
        w.add(f"{label(lang, 'rulesets_applied')}{colon(lang)}{_decisions(doc.rulesets_applied, lang)}")
    if doc.rulesets_skipped:
        w.add((f"{label(lang, 'rulesets_skipped')}{colon(lang)}{_decisions(doc.rulesets_skipped, lang)}", "dim"))
    for error in doc.errors:
        w.add((f"{label(lang, 'input_error')}{colon(lang)}", "bold red"), error)
    for warning in doc.warnings:
        w.add((f"{label(lang, 'doc_warning')}{colon(lang)}{warning}", "dim"))


def _source_excerpt(w: _Writer, doc: DocumentResult, f: Finding, starts: list[int]) -> None:
    if doc.text is None or f.span[1] <= f.span[0]:
        return  # a finding about the whole document (a missing part, a manifest date) has no span
    start, end = clamp_span(doc.text, f.span)
    line_no, col = position(doc.text, start, starts)
    line_start = starts[line_no - 1]
    line_end = doc.text.find("\n", line_start)
    if f.location.page is not None:
        # A PDF paragraph joins several printed lines: quote from the start of the printed line the
        # finding reports, and number it as the report does (the line on its page).
        line_start = max(line_start, start - (f.location.column - 1))
        col = start - line_start + 1
        line_no = f.location.line
    elif doc.media_type == MARKUP_MEDIA_TYPE:
        line_no = f.location.line  # the text without its markup, numbered by the file's line
    line = doc.text[line_start: len(doc.text) if line_end < 0 else line_end]
    shown, carets = caret_excerpt(line, col - 1, end - line_start)
    gutter = f"{line_no:>6} | "
    w.add((gutter, "dim"), shown)
    w.add((" " * (len(gutter) - 2) + "| ", "dim"), (carets, SEVERITY_STYLE.get(f.severity, "bold")))


def _finding(w: _Writer, doc: DocumentResult, f: Finding, lang: str, starts: list[int]) -> None:
    whole_document = f.span[1] <= f.span[0] and not f.evidence
    where = doc.path if whole_document else f"{doc.path}:{f.location.line}:{f.location.column}"
    suffix = location_suffix(f, lang)
    style = SEVERITY_STYLE.get(f.severity, "bold")
    w.add((where, "bold"), (f" {suffix}" if suffix else "", ""), "  ",
          (f.code, style), " ", (severity_label(lang, f.severity), style), "  ", f.message)
    if f.heading_path:
        w.add(("    " + f"{label(lang, 'heading_path')}{colon(lang)}", "dim"), f.heading_path)
    _source_excerpt(w, doc, f, starts)
    if f.suggestion:
        w.add(("    " + f"{label(lang, 'suggestion')}{colon(lang)}", "green"), f.suggestion)
    if f.basis:
        w.add(("    " + f"{label(lang, 'basis')}{colon(lang)}", "dim"), cite_all(f.basis))


def _document(w: _Writer, doc: DocumentResult, lang: str) -> None:
    _document_header(w, doc, lang)
    starts = line_starts(doc.text) if doc.text is not None else []
    findings = by_severity(doc.findings)
    if not findings and not doc.errors:
        w.add(("  " + label(lang, "no_findings"), "green"))
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        w.blank()
        w.add((f"{severity_label(lang, severity)} ({len(group)})", SEVERITY_STYLE[severity]))
        for f in group:
            _finding(w, doc, f, lang, starts)
    if doc.fixed is not None:
        _fixed(w, doc, lang)
    w.blank()


def _fixed(w: _Writer, doc: DocumentResult, lang: str) -> None:
    fixed = doc.fixed
    assert fixed is not None
    w.blank()
    if fixed.applied:
        head = (f"已写出修正副本 {fixed.path}（{fixed.applied} 处修正）" if lang == "zh"
                else f"Corrected copy written to {fixed.path} ({fixed.applied} fixes)")
    else:
        head = "未写出修正副本：没有可单独完成的修正" if lang == "zh" else "No corrected copy: no fix could be made on its own"
    if fixed.skipped:
        head += (f"；{fixed.skipped} 处与其他修正重叠或无法定位，未修正" if lang == "zh"
                 else f"; {fixed.skipped} overlapping or unplaceable fixes left out")
    w.add((head, "bold green"))
    styles = {"+": "green", "-": "red", "@": "cyan"}
    for line in fixed.diff.splitlines():
        w.add(("  " + line, styles.get(line[:1], "")))


def _plain(parts: tuple[Part, ...]) -> str:
    return "".join(part if isinstance(part, str) else part[0] for part in parts)


class TextStream:
    """The text report, one document at a time, then the summary line."""

    def __init__(self, out: TextIO, *, color: bool = False, lang: str | None = None,
                 **_options: object) -> None:
        self.out = out
        self.color = color
        self.lang_wanted = lang
        self.counts = CountsTally()
        self.console: Any = None

    def begin(self, run: RunResult) -> None:
        self.lang = resolve_lang(run, self.lang_wanted)
        if self.color:
            from rich.console import Console

            self.console = Console(file=self.out, force_terminal=True, color_system="standard", width=100_000,
                                   soft_wrap=True, highlight=False, emoji=False, markup=False, no_color=False)

    def _emit(self, w: _Writer) -> None:
        if self.console is None:
            self.out.write(terminal_safe("".join(_plain(parts) + "\n" for parts in w.lines)))
            return
        from rich.text import Text

        for parts in w.lines:
            safe = [terminal_safe(p) if isinstance(p, str) else (terminal_safe(p[0]), *p[1:]) for p in parts]
            self.console.print(Text.assemble(*safe) if safe else Text(""))

    def add(self, doc: DocumentResult) -> None:
        self.counts.add(doc)
        w = _Writer()
        _document(w, doc, self.lang)
        self._emit(w)

    def finish(self, run: RunResult) -> None:
        w = _Writer()
        w.add((summary_line(run, self.lang, self.counts.counts()), "bold"))
        self._emit(w)


def render_text(run: RunResult, *, color: bool = False, lang: str | None = None) -> str:
    from . import render

    return render("text", run, color=color, lang=lang)
