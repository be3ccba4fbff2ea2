"""Decisions about what a document is, each with the evidence it rests on and a confidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One signal behind a decision: where it was seen and which cue it matched."""

    source: str  # "title", "metadata", "header", "opening", "headings", "signature", "body", "option"
    cue: str  # the rule of thumb that fired, e.g. "title ends with 报告", "metadata 标题"
    text: str = ""  # the text the cue matched, shortened
    line: int | None = None  # 1-based line in the original file, when known

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"source": self.source, "cue": self.cue}
        if self.text:
            d["text"] = self.text
        if self.line is not None:
            d["line"] = self.line
        return d


@dataclass(frozen=True)
class Decision(Generic[T]):
    """A decided value (None when the document does not show it) with its evidence."""

    value: T | None
    confidence: float = 0.0  # 0…1: how sure the recogniser is
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    # The value in the page's own characters (traditional, full-width, pinyin artefacts and all),
    # where it differs from the normalized value that rules match on.
    written: str | None = None

    @property
    def shown(self) -> Any:
        """What a reader is shown: the value as the page writes it."""
        return self.written if self.written is not None else self.value

    def to_dict(self) -> dict[str, Any]:
        value: Any = self.value
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        return {"value": value, **({"written": self.written} if self.written is not None else {}),
                "confidence": round(self.confidence, 2),
                "evidence": [e.to_dict() for e in self.evidence]}


def none() -> Decision[Any]:
    return Decision(None, 0.0, ())


def shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
