"""What a check sees while it runs: the document, its facts, the manifest, parameters, scopes.

Regular expressions from rulesets are compiled with the `regex` module and every search runs with
a timeout, so that a third-party ruleset cannot hang a run.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Iterator

import regex

from ..model import Document, Node
from .hits import RuleTimeout
from .literals import may_match, required_literals

DEFAULT_REGEX_TIMEOUT = 2.0

# Node kinds that belong to the web page around a document, not to the author's text.
_NON_BODY_KINDS = ("metadata", "metadata_field", "chrome")


@lru_cache(maxsize=2048)
def compile_regex(pattern: str, ignore_case: bool = False) -> regex.Pattern:
    flags = regex.MULTILINE
    if ignore_case:
        flags |= regex.IGNORECASE
    return regex.compile(pattern, flags)


@lru_cache(maxsize=512)
def _phrase_pattern(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> str:
    folded = sorted({fold_keyword(p) for p in phrases if p}, key=len, reverse=True)
    alternatives = [regex.escape(p) for p in folded if p] + [f"(?:{p})" for p in patterns]
    return "|".join(alternatives) or r"(?!)"


def fold_keyword(text: str) -> str:
    """Fold a keyword the way the normalizer folds the document text (identity until it exists)."""
    try:
        from ..ingest.normalize import fold_for_matching
    except ImportError:
        return text
    return fold_for_matching(text)


@dataclass(frozen=True)
class BoundedPattern:
    """A compiled pattern whose `search` and `finditer` give up after `timeout` seconds with a
    RuleTimeout (the rule's error), never a hang."""

    compiled: regex.Pattern
    timeout: float

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def _literals(self) -> tuple[str, ...] | None:
        return required_literals(self.compiled.pattern, bool(self.compiled.flags & regex.IGNORECASE))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        if not may_match(self._literals, text, pos, endpos):
            return None
        try:
            return self.compiled.search(text, pos, endpos, timeout=self.timeout)
        except TimeoutError:
            raise RuleTimeout(f"正则表达式超过 {self.timeout:g} 秒未完成: {self.pattern}") from None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[regex.Match]:
        if not may_match(self._literals, text, pos, endpos):
            return []
        try:
            return list(self.compiled.finditer(text, pos, endpos, timeout=self.timeout))
        except TimeoutError:
            raise RuleTimeout(f"正则表达式超过 {self.timeout:g} 秒未完成: {self.pattern}") from None


@dataclass(frozen=True)
class Segment:
    """A part of the normalized text a check looks at."""

    start: int
    end: int
    node: Node | None = None


class DocumentView:
    """What every ruleset asks of one document, computed once: its nodes in order and its facts."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def nodes(self) -> list[Node]:
        # Scopes ask for the nodes again and again; walking the tree through nested generators
        # each time costs more than listing them once.
        return list(self.doc.root.walk())

    @property
    def facts(self) -> Any:
        return self.doc.facts


@dataclass
class CheckContext:
    doc: Document
    manifest: dict[str, Any] | None = None
    params: dict[str, Any] = field(default_factory=dict)
    regex_timeout: float = DEFAULT_REGEX_TIMEOUT
    view: DocumentView | None = field(default=None, repr=False)
    vocabularies: dict[str, Any] = field(default_factory=dict)  # name -> loader.Vocabulary

    def __post_init__(self) -> None:
        if self.view is None:
            self.view = DocumentView(self.doc)

    def nodes(self) -> list[Node]:
        """Every node of the tree in document order (`doc.root.walk()`)."""
        return self.view.nodes

    # ---- facts -------------------------------------------------------------------------------
    @property
    def facts(self) -> Any:
        return self.view.facts

    def fact_family(self, family: str) -> list[Any]:
        return list(getattr(self.facts, family, None) or [])

    # ---- parameters and references ----------------------------------------------------------
    def value(self, spec: Any) -> Any:
        """A literal, `{param: name}` looked up in the ruleset parameters, or `{vocab: name}`, the
        ruleset's vocabulary of that name."""
        if isinstance(spec, dict) and set(spec) == {"param"}:
            name = spec["param"]
            if name not in self.params:
                raise KeyError(f"未定义的参数 {name}")
            return self.params[name]
        if isinstance(spec, dict) and set(spec) == {"vocab"}:
            name = spec["vocab"]
            if name not in self.vocabularies:
                raise KeyError(f"未定义的词表 {name}")
            return self.vocabularies[name]
        return spec

    def phrase_pattern(self, words: Any) -> "BoundedPattern":
        """One pattern matching any word of a vocabulary (or a list of phrases), its phrases
        folded like the document text, longest first, and its patterns as written; its searches
        are bounded in time (a user's vocabulary may hold any regex)."""
        phrases = tuple(words.phrases) if hasattr(words, "phrases") else tuple(words)
        patterns = tuple(getattr(words, "patterns", ()))
        return BoundedPattern(compile_regex(_phrase_pattern(phrases, patterns)), self.regex_timeout)

    def resolve(self, ref: str) -> Any:
        """Resolve `document.date`, `document.year`, `metadata.KEY` or `manifest.a.b`."""
        head, _, rest = ref.partition(".")
        if head == "document":
            return getattr(self.doc, rest, None)
        if head == "metadata":
            return self.doc.metadata.get(rest)
        if head == "manifest":
            return manifest_lookup(self.manifest, rest)
        raise KeyError(f"无法识别的引用 {ref}")

    # ---- scopes -------------------------------------------------------------------------------
    def scope(self, spec: str | list[str]) -> list[Segment]:
        """Segments of a scope; a list of scopes means the first one this document has."""
        if isinstance(spec, list):
            for one in spec:
                segments = self.scope(one)
                if segments:
                    return segments
            return []
        doc = self.doc
        if spec == "document":
            return [Segment(0, len(doc.text))]
        if spec == "body":
            return self._body()
        if spec == "title":  # the document's own title (a notice may carry the plan it issues)
            return self._nodes(("title",))[:1]
        if spec == "metadata":
            return self._nodes(("metadata",))
        if spec.startswith("headings"):
            level = int(spec.split(":")[1]) if ":" in spec else None
            return [Segment(n.start, n.end, n) for n in self.nodes()
                    if n.kind == "heading" and (level is None or n.attrs.get("level") == level)]
        if spec.startswith("node:"):
            return self._nodes(tuple(spec[5:].split("|")))
        raise KeyError(f"无法识别的范围 {spec}")

    def _nodes(self, kinds: tuple[str, ...]) -> list[Segment]:
        return [Segment(n.start, n.end, n) for n in self.nodes() if n.kind in kinds]

    def _body(self) -> list[Segment]:
        excluded = sorted([(n.start, n.end) for n in self.nodes() if n.kind in _NON_BODY_KINDS]
                          + list(self.doc.norm.chrome_spans))
        segments, pos = [], 0
        for start, end in excluded:
            if start > pos:
                segments.append(Segment(pos, start))
            pos = max(pos, end)
        if pos < len(self.doc.text):
            segments.append(Segment(pos, len(self.doc.text)))
        return segments

    def segment_text(self, seg: Segment, *, original: bool = False) -> str:
        if original:
            return self.doc.norm.original(seg.start, seg.end)
        return self.doc.text[seg.start:seg.end]

    # ---- regular expressions ------------------------------------------------------------------
    def finditer(self, pattern: str, seg: Segment, *, original: bool = False,
                 ignore_case: bool = False) -> Iterator[tuple[int, int, dict[str, Any]]]:
        """Matches of a pattern in a segment, as normalized-text spans with named groups."""
        compiled = compile_regex(pattern, ignore_case)
        text = self.segment_text(seg, original=original)
        if not may_match(required_literals(pattern, ignore_case), text):
            return
        base = self.doc.norm.source_span(seg.start, seg.end)[0] if original else seg.start
        try:
            matches = list(compiled.finditer(text, timeout=self.regex_timeout))
        except TimeoutError:
            raise RuleTimeout(f"正则表达式超过 {self.regex_timeout:g} 秒未完成: {pattern}") from None
        named, narrowed = bool(compiled.groupindex), "hit" in compiled.groupindex
        for m in matches:
            # A named group `hit` narrows the reported span to part of the match.
            span = m.span("hit") if narrowed and m.start("hit") >= 0 else m.span()
            start, end = base + span[0], base + span[1]
            if original:
                start, end = self.norm_offset(start), self.norm_offset(end)
            groups = {k: v for k, v in m.groupdict().items() if v is not None} if named else {}
            yield start, end, groups

    def search(self, pattern: str, text: str, *, ignore_case: bool = False) -> regex.Match | None:
        if not may_match(required_literals(pattern, ignore_case), text):
            return None
        try:
            return compile_regex(pattern, ignore_case).search(text, timeout=self.regex_timeout)
        except TimeoutError:
            raise RuleTimeout(f"正则表达式超过 {self.regex_timeout:g} 秒未完成: {pattern}") from None

    def norm_offset(self, source_offset: int) -> int:
        """The normalized offset of an offset in the original text."""
        return bisect.bisect_left(self.doc.norm.origin, source_offset, 0, len(self.doc.text))


def manifest_lookup(manifest: dict[str, Any] | None, path: str) -> Any:
    value: Any = manifest or {}
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value
