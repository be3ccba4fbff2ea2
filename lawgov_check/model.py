"""Core data types that flow through the pipeline.

Source ──normalize──▶ NormalizedText ──parse──▶ Document ──extract──▶ Facts ──evaluate──▶ Finding

Offsets are Python string indices. Every stage keeps a way back to the original file:
`Source.locate(offset)` turns an offset in `Source.text` into a `Location`, and
`NormalizedText.origin` maps every offset of the normalized text to an offset of `Source.text`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, Sequence

if TYPE_CHECKING:
    from .identify import Identity


class InputError(Exception):
    """An input that cannot be read: the CLI prints `path: cause` on one line and exits 2."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path
        self.cause = cause


@dataclass(frozen=True, slots=True)
class Location:
    """A position in the original file, 1-based.

    txt: `line`/`column` in the file. docx: `paragraph` (body paragraphs and table rows in reading
    order) and `line` equal to it. pdf: `page` and `line` (the line on that page).
    """

    line: int
    column: int
    page: int | None = None
    paragraph: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"line": self.line, "column": self.column}
        if self.page is not None:
            d["page"] = self.page
        if self.paragraph is not None:
            d["paragraph"] = self.paragraph
        return d


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of `Source.text`, starting at `start`, that came from one place in the file.

    Characters inside a segment advance the column one by one; the segment lasts until the next
    segment's start.
    """

    start: int
    line: int
    column: int = 1
    page: int | None = None
    paragraph: int | None = None


@dataclass
class Source:
    """Text extracted from one input, with a map back to where each character came from."""

    path: str
    media_type: str  # "text/plain", "application/pdf", DOCX_MEDIA_TYPE
    text: str
    segments: list[Segment]
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def locate(self, offset: int) -> Location:
        if not self.segments:
            return Location(1, offset + 1)
        if len(self._starts) != len(self.segments):
            self._starts = [s.start for s in self.segments]
        offset = max(0, min(offset, len(self.text)))
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        seg = self.segments[i]
        return Location(seg.line, seg.column + offset - seg.start, seg.page, seg.paragraph)

    @staticmethod
    def from_plain_text(path: str, text: str, *, media_type: str = "text/plain",
                        encoding: str | None = None) -> "Source":
        """A source whose text is the file itself: one segment per line."""
        segments = []
        start = 0
        for number, line in enumerate(text.split("\n"), start=1):
            segments.append(Segment(start=start, line=number))
            start += len(line) + 1
        return Source(path, media_type, text, segments, encoding)


DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class NormalizedText:
    """The text used for matching, and the map back to the source.

    `origin[i]` is the offset in `source.text` of normalized character i; `origin` has one extra
    final entry, `len(source.text)`, so that end offsets map too. The normalized text keeps every
    newline of the source, so its lines correspond to the source's lines.
    """

    source: Source
    text: str
    origin: Sequence[int]
    chrome_spans: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_source(self, offset: int) -> int:
        offset = max(0, min(offset, len(self.text)))
        return self.origin[offset]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    def original(self, start: int, end: int) -> str:
        """The original characters behind a normalized span (e.g. full-width 〔 vs half-width [)."""
        s, e = self.source_span(start, end)
        return self.source.text[s:e]

    def locate(self, offset: int) -> Location:
        return self.source.locate(self.to_source(offset))


@dataclass
class Node:
    """One element of the document tree. `start`/`end` index the normalized text."""

    kind: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)

    def walk(self) -> Iterator["Node"]:
        """This node and every node under it, in document order (parent before children)."""
        # A stack rather than nested generators: each node is then one step, not one per level.
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def find_all(self, kind: str) -> list["Node"]:
        return [n for n in self.walk() if n.kind == kind]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}
        if self.attrs:
            d["attrs"] = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in self.attrs.items()}
        if self.children:
            d["children"] = [c.to_dict() for c in self.children]
        return d


# Node kinds produced by the parser.
NODE_KINDS = (
    "document", "metadata", "metadata_field", "chrome", "org_mark", "doc_number", "title",
    "addressee", "heading", "chapter", "section", "article", "paragraph", "attachment_note",
    "signature", "signature_organ", "signature_date", "note", "imprint", "copy_to", "printed_by",
    "table_row", "issuer",
)

DOC_TYPES = (
    "annual_report", "normative_document", "government_rule", "notice", "comment_notice",
    "drafting_explanation", "review_record", "major_decision", "other",
)
# The finer kinds within a family (Document.subtype); a family without subtypes has None.
DOC_SUBTYPES = {
    "major_decision": ("decision", "catalogue", "call_for_items", "hearing"),
    "comment_notice": ("draft_for_comment", "call_for_proposals", "feedback"),
    "other": ("information_disclosure_report", "administrative_regulation"),
}


@dataclass
class Jurisdiction:
    province: str | None = None
    city: str | None = None
    county: str | None = None

    @property
    def level(self) -> str | None:
        if self.county:
            return "county"
        if self.city:
            return "city"
        if self.province:
            return "province"
        return None

    def names(self) -> list[str]:
        return [n for n in (self.province, self.city, self.county) if n]

    def to_dict(self) -> dict[str, Any]:
        return {"province": self.province, "city": self.city, "county": self.county, "level": self.level}


@dataclass
class Heading:
    """A body heading in document order (also reachable as a `heading` Node)."""

    level: int  # 1: 一、 2: (一) 3: 1. 4: (1)
    marker: str  # the marker as written in the original file, e.g. "（一）" or "1、"
    number: int  # the numeric value of the marker
    text: str  # heading text without the marker (normalized)
    line: int  # 1-based line in the original file (paragraph for docx)
    start: int
    end: int
    style: str  # marker style, e.g. "cn_dun" 一、, "cn_paren" (一), "arabic_dot" 1., "arabic_paren" (1), "arabic_dun" 1、
    path: str = ""  # heading path such as "二、(三)"


@dataclass
class Document:
    """A parsed document: the tree, what it is (decided once, in `identity`) and views of it."""

    norm: NormalizedText
    root: Node
    identity: "Identity"
    metadata: dict[str, str] = field(default_factory=dict)
    headings: list[Heading] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _facts: tuple[Any, Any] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def facts(self) -> Any:
        """The facts stage: every fact of the document (lawgov_check.facts), derived once and read
        by every rule. Year-less dates are dated with the identity's year and date, so the facts
        are derived again only if a caller restates those (tests and examples do)."""
        key = (self.identity.year.value, self.identity.date.value)
        if self._facts is None or self._facts[0] != key:
            from .facts import extract_facts

            self._facts = (key, extract_facts(self))
        return self._facts[1]

    # What the document is, as decided by lawgov_check.identify; read-only views of its decisions.
    @property
    def doc_type(self) -> str:
        return self.identity.doc_type.value or "other"

    @property
    def subtype(self) -> str | None:
        return self.identity.subtype.value

    @property
    def year(self) -> int | None:
        return self.identity.year.value

    @property
    def date(self) -> dt.date | None:
        return self.identity.date.value

    @property
    def title(self) -> str | None:
        return self.identity.title.value

    @property
    def doc_number(self) -> str | None:
        return self.identity.doc_number.value

    @property
    def issuer(self) -> str | None:
        return self.identity.issuer.value

    @property
    def jurisdiction(self) -> Jurisdiction:
        return self.identity.jurisdiction

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def source(self) -> Source:
        return self.norm.source

    def locate(self, offset: int) -> Location:
        return self.norm.locate(offset)

    def heading_path(self, offset: int) -> str:
        """The heading path (e.g. "二、(三)") of the section containing a normalized offset."""
        path = ""
        for h in self.headings:
            if h.start > offset:
                break
            path = h.path
        return path

    def body_nodes(self) -> list[Node]:
        return [n for n in self.root.walk() if n.kind in ("paragraph", "heading", "article")]


SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Basis:
    """The legal basis a rule rests on."""

    title: str
    number: str | None = None
    article: str | None = None
    effective: str | None = None  # ISO date
    certainty: str | None = None  # verified / secondary / unverified

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in {"title": self.title, "number": self.number, "article": self.article,
                                  "effective": self.effective, "certainty": self.certainty}.items() if v}

    def cite(self) -> str:
        parts = [f"《{self.title}》"]
        if self.number:
            parts.append(f"（{self.number}）")
        if self.article:
            parts.append(self.article)
        return "".join(parts)


@dataclass(frozen=True)
class Edit:
    """Replace `start`..`end` of the original text (Source.text) with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    """The mechanical correction of a finding: a fix kind (bracket, date-form…) and its edits."""

    kind: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class FixedCopy:
    """The corrected copy `check --fix` wrote: where, how many fixes went in, and the diff."""

    path: str
    applied: int
    skipped: int
    diff: str


@dataclass
class Finding:
    code: str
    name: str
    severity: str
    message: str
    suggestion: str
    basis: list[Basis]
    location: Location
    heading_path: str
    evidence: str  # the offending text, from the original file
    ruleset: str
    ruleset_version: str
    span: tuple[int, int]  # offsets in Source.text (the original)
    fingerprint: str = ""
    fix: Fix | None = None  # set when the rule knows the unambiguous replacement

    def sort_key(self) -> tuple:
        return (self.span[0], self.span[1], self.code, self.message)


@dataclass
class RulesetDecision:
    id: str
    version: str
    reason: str
    # the parameters jurisdiction files set for this document: name, value, set_by, file, source
    parameters: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DocumentResult:
    path: str
    media_type: str | None = None
    encoding: str | None = None
    doc_type: str | None = None
    year: int | None = None
    title: str | None = None
    date: dt.date | None = None
    jurisdiction: Jurisdiction = field(default_factory=Jurisdiction)
    rulesets_applied: list[RulesetDecision] = field(default_factory=list)
    rulesets_skipped: list[RulesetDecision] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one-line input / rule errors
    warnings: list[str] = field(default_factory=list)
    text: str | None = None  # the original text, for reporters that show it (html, annotated docx)
    fixed: FixedCopy | None = None  # the corrected copy written by `check --fix`


@dataclass
class RuleInfo:
    """What reporters need to know about a rule (SARIF driver rules, HTML legend, `rules show`)."""

    code: str
    name: str  # kebab-case
    severity: str
    summary: dict[str, str]  # {"zh": ..., "en": ...}
    basis: list[Basis]
    ruleset: str
    ruleset_version: str
    suggestion: dict[str, str] = field(default_factory=dict)
    doc_types: list[str] = field(default_factory=list)
    status: str = "active"
    documented: bool = True  # described in docs/rules.md (bundled rules; not a user's file or package)
    help_url: str | None = None  # a file's or package's own rule reference (its ruleset's docs_url)


@dataclass
class RunResult:
    """Everything one `check` run produced, in input order."""

    documents: list[DocumentResult]
    rules: list[RuleInfo]
    tool_version: str
    lang: str = "zh"
    waivers_applied: list[dict[str, Any]] = field(default_factory=list)
    waivers_unused: list[dict[str, Any]] = field(default_factory=list)
