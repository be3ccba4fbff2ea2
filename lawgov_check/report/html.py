"""One self-contained HTML page: batch summary, then each document's findings beside its text."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html import escape
from typing import TextIO

from ..model import SEVERITIES, DocumentResult, Finding, RulesetDecision, RunResult
from .common import (
    colon,
    TOOL_NAME, Counts, CountsTally, by_severity, cite_all, clamp_span, doc_type_label, jurisdiction_text,
    label, location_suffix, resolve_lang, severity_counts, severity_label, summary_line,
)
from .html_assets import SCRIPT, STYLE
from .spool import Spool


def e(value: object) -> str:
    """Escape anything that came from a document, a rule or a path."""
    return escape("" if value is None else str(value), quote=True)


@dataclass(frozen=True)
class _Anchor:
    """A finding's place in the text, with the ids that link list item and mark."""

    item_id: str
    mark_id: str
    start: int
    end: int
    severity: str
    title: str


def _anchors(doc_index: int, doc: DocumentResult, findings: list[Finding]) -> list[_Anchor]:
    text = doc.text or ""
    anchors = []
    for k, f in enumerate(findings, start=1):
        start, end = clamp_span(text, f.span)
        if not text[start:end].replace("\n", "").replace("\r", ""):
            end = start  # nothing visible to highlight: show an insertion point
        anchors.append(_Anchor(f"f-{doc_index}-{k}", f"m-{doc_index}-{k}", start, end, f.severity,
                               f"{f.code} {f.message}"))
    return anchors


def _mark_open(a: _Anchor, with_id: bool, point: bool = False) -> str:
    classes = f"sev-{e(a.severity)}" + (" point" if point else "")
    ident = f' id="{a.mark_id}" tabindex="0"' if with_id else ""
    return f'<mark{ident} class="{classes}" data-f="{a.item_id}" title="{e(a.title)}">'


def _source_lines(text: str, anchors: list[_Anchor]) -> str:
    """The text as numbered lines, each finding's span wrapped in (possibly nested) <mark>s.

    Only the anchors that touch a line are looked at for it (a moving window over the anchors
    sorted by start), so thousands of findings in a long text stay linear."""
    ordered = sorted(anchors, key=lambda a: (a.start, -a.end, a.item_id))
    ranged = [a for a in ordered if a.end > a.start]
    points = [a for a in ordered if a.end == a.start]
    given_id: set[str] = set()
    out = []
    line_start = 0
    live: list[_Anchor] = []  # ranged anchors that started before this line's end, in order
    next_ranged = next_point = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_end = line_start + len(line)
        while next_ranged < len(ranged) and ranged[next_ranged].start < line_end:
            live.append(ranged[next_ranged])
            next_ranged += 1
        live = [a for a in live if a.end > line_start]
        here = [a for a in live if a.start < line_end]
        while next_point < len(points) and points[next_point].start < line_start:
            next_point += 1
        line_points = []
        i = next_point
        while i < len(points) and points[i].start <= line_end:
            line_points.append(points[i])
            i += 1
        cuts = {line_start, line_end}
        for a in here:
            cuts.update(c for c in (a.start, a.end) if line_start < c < line_end)
        cuts.update(a.start for a in line_points)
        cuts_sorted = sorted(cuts)
        parts = []
        for i, cut in enumerate(cuts_sorted):
            for a in line_points:
                if a.start == cut and a.item_id not in given_id:
                    given_id.add(a.item_id)
                    parts.append(_mark_open(a, True, point=True) + "</mark>")
            if i + 1 == len(cuts_sorted):
                break
            nxt = cuts_sorted[i + 1]
            piece = e(text[cut:nxt].replace("\r", ""))
            active = [a for a in here if a.start <= cut and a.end >= nxt]
            for a in reversed(active):
                piece = _mark_open(a, a.item_id not in given_id) + piece + "</mark>"
                given_id.add(a.item_id)
            parts.append(piece)
        out.append(f'<div class="ln" data-n="{number}">{"".join(parts)}</div>')
        line_start = line_end + 1
    return "\n".join(out)


def _decisions(decisions: list[RulesetDecision], lang: str) -> str:
    if not decisions:
        return e(label(lang, "none"))
    items = "".join(f"<li><code>{e(d.id)}</code> {e(d.version)}"
                    + (f"{colon(lang)}{e(d.reason)}" if d.reason else "") + "</li>" for d in decisions)
    return f"<ul>{items}</ul>"


def _facts(doc: DocumentResult, lang: str) -> str:
    rows: list[tuple[str, str]] = []
    if doc.title:
        rows.append((label(lang, "title"), e(doc.title)))
    if doc.doc_type:
        rows.append((label(lang, "doc_type"), e(doc_type_label(lang, doc.doc_type))))
    if doc.year:
        rows.append((label(lang, "year"), e(doc.year)))
    if doc.date:
        rows.append((label(lang, "date"), e(doc.date.isoformat())))
    if jurisdiction_text(doc):
        rows.append((label(lang, "jurisdiction"), e(jurisdiction_text(doc))))
    rows.append((label(lang, "rulesets_applied"), _decisions(doc.rulesets_applied, lang)))
    if doc.rulesets_skipped:
        rows.append((label(lang, "rulesets_skipped"), _decisions(doc.rulesets_skipped, lang)))
    for error in doc.errors:
        rows.append((label(lang, "input_errors"), f'<span class="input-error" role="alert">{e(error)}</span>'))
    for warning in doc.warnings:
        rows.append((label(lang, "doc_warning"), e(warning)))
    body = "".join(f"<dt>{e(name)}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<dl class="facts">{body}</dl>'


def _badge(severity: str, lang: str, suffix: str = "") -> str:
    return f'<span class="badge sev-{e(severity)}">{e(severity_label(lang, severity))}{e(suffix)}</span>'


def _finding_item(f: Finding, a: _Anchor, lang: str, linked: bool) -> str:
    where = f"{f.location.line}:{f.location.column}"
    suffix = location_suffix(f, lang)
    loc = where + (f" {suffix}" if suffix else "") + (f" · {f.heading_path}" if f.heading_path else "")
    message = (f'<a class="jump" href="#{a.mark_id}" title="{e(label(lang, "jump"))}">{e(f.message)}</a>'
               if linked else e(f.message))
    parts = [
        f'<li class="finding" id="{a.item_id}" tabindex="-1" data-severity="{e(f.severity)}" data-code="{e(f.code)}">',
        f'<div class="head">{_badge(f.severity, lang)} <code>{e(f.code)}</code> <span class="name">{e(f.name)}</span></div>',
        f'<p class="msg">{message}</p>',
        f'<p class="loc">{e(label(lang, "location"))}{colon(lang)}{e(loc)}</p>',
    ]
    if f.suggestion:
        parts.append(f'<p class="sugg"><b>{e(label(lang, "suggestion"))}{colon(lang)}</b>{e(f.suggestion)}</p>')
    if f.basis:
        parts.append(f'<p class="basis"><b>{e(label(lang, "basis"))}{colon(lang)}</b>{e(cite_all(f.basis))}</p>')
    parts.append("</li>")
    return "".join(parts)


def _document_section(index: int, doc: DocumentResult, lang: str) -> str:
    findings = by_severity(doc.findings)
    anchors = _anchors(index, doc, findings)
    linked = doc.text is not None
    if findings:
        items = "\n".join(_finding_item(f, a, lang, linked) for f, a in zip(findings, anchors))
        finding_list = f"<ol>\n{items}\n</ol>"
    else:
        finding_list = f'<p class="empty">{e(label(lang, "no_findings"))}</p>'
    if doc.text is not None:
        source = f'<div class="lines">\n{_source_lines(doc.text, anchors)}\n</div>'
    else:
        source = f'<p class="empty">{e(label(lang, "no_text"))}</p>'
    heading_id = f"doc-{index}-title"
    panes = (
        f'<div class="panes">\n'
        f'<div class="findings"><h3>{e(label(lang, "findings"))}（{len(findings)}）</h3>\n{finding_list}\n</div>\n'
        f'<div class="source" lang="zh-CN" role="region" tabindex="0" aria-label="{e(label(lang, "source_text"))} {e(doc.path)}">'
        f'<h3>{e(label(lang, "source_text"))}</h3>\n{source}\n</div>\n</div>\n'
    )
    if doc.errors and not findings and doc.text is None:
        panes = ""  # unreadable input: the error above says it all
    return (
        f'<section class="document" id="doc-{index}" aria-labelledby="{heading_id}">\n'
        f'<h2 id="{heading_id}">{e(doc.path)}</h2>\n{_facts(doc, lang)}\n{panes}</section>'
    )


def _count_cell(n: int, severity: str) -> str:
    return f'<td class="num{" has-" + severity if n else ""}">{n}</td>'


def _batch_head(lang: str) -> str:
    head = "".join(f"<th>{e(label(lang, k))}</th>" for k in ("document", "doc_type", "year", "rulesets_applied"))
    head += "".join(f'<th class="num">{e(severity_label(lang, s))}</th>' for s in SEVERITIES)
    head += f'<th class="num">{e(label(lang, "input_errors"))}</th>'
    return (f'<section class="batch" aria-label="{e(label(lang, "counts"))}"><div class="table-scroll">'
            f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>\n')


BATCH_TAIL = "\n</tbody></table></div></section>"


def _batch_row(i: int, doc: DocumentResult, lang: str) -> str:
    counts = severity_counts(doc.findings)
    rulesets = "、".join(f"<span>{e(d.id)} {e(d.version)}</span>" for d in doc.rulesets_applied)
    return (
        f'<tr><td class="path"><a href="#doc-{i}">{e(doc.path)}</a></td>'
        f'<td class="type">{e(doc_type_label(lang, doc.doc_type))}</td><td class="year">{e(doc.year or "")}</td>'
        f'<td class="rulesets">{rulesets}</td>'
        + "".join(_count_cell(counts[s], s) for s in SEVERITIES)
        + _count_cell(len(doc.errors), "error") + "</tr>"
    )


def _filters(counts: Counts, names: dict[str, str], lang: str) -> str:
    """Severity boxes and a rule menu; `names` maps each code found to its first finding's name."""
    by_severity_count = {"error": counts.errors, "warning": counts.warnings, "info": counts.infos}
    boxes = "".join(
        f'<label><input type="checkbox" data-filter-severity="{s}" checked> '
        f"{e(severity_label(lang, s))}（{by_severity_count[s]}）</label>" for s in SEVERITIES)
    options = "".join(f'<option value="{e(code)}">{e(code)} {e(names[code])}</option>' for code in sorted(names))
    total = counts.errors + counts.warnings + counts.infos
    template = label(lang, "shown", shown="{shown}", total="{total}")
    return (
        f'<nav class="filters" aria-label="{e(label(lang, "filter_severity"))} / {e(label(lang, "filter_code"))}">'
        f'<fieldset><legend>{e(label(lang, "filter_severity"))}</legend>{boxes}</fieldset>'
        f'<label>{e(label(lang, "filter_code"))} <select id="code-filter">'
        f'<option value="">{e(label(lang, "all_codes"))}</option>{options}</select></label>'
        f'<output id="shown" aria-live="polite" data-template="{e(template)}">'
        f"{e(label(lang, 'shown', shown=total, total=total))}</output></nav>"
    )


def _header(run: RunResult, counts: Counts, lang: str) -> str:
    badges = [f'<li><span class="badge neutral">{e(label(lang, "documents"))} {counts.documents}</span></li>']
    badges += [f"<li>{_badge(s, lang, f' {n}')}</li>" for s, n in
               (("error", counts.errors), ("warning", counts.warnings), ("info", counts.infos))]
    badges.append(f'<li><span class="badge neutral">{e(label(lang, "input_errors"))} {counts.input_errors}</span></li>')
    if run.waivers_applied or run.waivers_unused:
        badges.append(f'<li><span class="badge neutral">{e(label(lang, "waivers_applied"))} '
                      f"{len(run.waivers_applied)} · {e(label(lang, 'waivers_unused'))} {len(run.waivers_unused)}</span></li>")
    return (f'<header class="run"><h1>{e(label(lang, "report_title"))}</h1>'
            f'<p class="meta">{e(TOOL_NAME)} {e(run.tool_version)} · {e(summary_line(run, lang, counts))}</p>'
            f'<ul class="totals">{"".join(badges)}</ul></header>')


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


class HtmlStream:
    """The page. Each document's section (with its text) is rendered as it comes and parked, and
    the text dropped; the header, filters and summary table, which come first, are written at
    the end from counts and one table row per document."""

    def __init__(self, out: TextIO, *, color: bool = False, lang: str | None = None,
                 **_options: object) -> None:
        self.out = out
        self.lang_wanted = lang
        self.tally = CountsTally()
        self.names: dict[str, str] = {}
        self.rows = Spool()
        self.sections = Spool()

    def begin(self, run: RunResult) -> None:
        self.lang = resolve_lang(run, self.lang_wanted)

    def add(self, doc: DocumentResult) -> None:
        self.tally.add(doc)
        index = self.tally.documents
        separator = "\n" if index > 1 else ""
        for f in doc.findings:
            self.names.setdefault(f.code, f.name)
        self.rows.write(separator + _batch_row(index, doc, self.lang))
        self.sections.write(separator + _document_section(index, doc, self.lang))

    def finish(self, run: RunResult) -> None:
        lang = self.lang
        counts = self.tally.counts()
        csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_script_hash(SCRIPT)}'; "
               "img-src data:; base-uri 'none'; form-action 'none'")
        out = self.out
        out.write(
            "<!DOCTYPE html>\n"
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{e(label(lang, 'report_title'))} · {e(TOOL_NAME)}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
            f"{_header(run, counts, lang)}\n{_filters(counts, self.names, lang)}\n<main>\n{_batch_head(lang)}"
        )
        self.rows.copy_to(out)
        out.write(BATCH_TAIL + "\n")
        self.sections.copy_to(out)
        out.write(
            "\n</main>\n"
            f"<footer>{e(summary_line(run, lang, counts))}</footer>\n"
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )


def render_html(run: RunResult, *, color: bool = False, lang: str | None = None) -> str:
    from . import render

    return render("html", run, color=color, lang=lang)
