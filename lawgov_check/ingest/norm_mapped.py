"""Text with an offset map back to the source, edited without losing the map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

Edit = tuple[int, int, str]  # replace text[start:end] with the string


@dataclass(slots=True)
class MappedText:
    """`origin[i]` is the source offset of `text[i]`; `origin[-1]` is the source's length."""

    text: str
    origin: list[int]

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        return cls(text, list(range(len(text) + 1)))

    def apply(self, edits: Iterable[Edit]) -> "MappedText":
        """Replace spans (sorted, non-overlapping) and carry the map along.

        A replacement of the same length maps one to one; otherwise its characters are spread over
        the replaced source characters (first to first, last to last), so the map stays
        non-decreasing and `original()` of the replacement still shows everything it replaced.
        """
        text, origin = self.text, self.origin
        pieces: list[str] = []
        new_origin: list[int] = []
        pos = 0
        for start, end, replacement in edits:
            if start < pos or end < start:
                raise ValueError(f"edits must be sorted and non-overlapping: {start}-{end} after {pos}")
            pieces.append(text[pos:start])
            new_origin.extend(origin[pos:start])
            pieces.append(replacement)
            new_origin.extend(_spread(origin, start, end, len(replacement)))
            pos = end
        if not pieces:
            return self
        pieces.append(text[pos:])
        new_origin.extend(origin[pos:])
        return MappedText("".join(pieces), new_origin)

    def delete(self, spans: Iterable[tuple[int, int]]) -> "MappedText":
        return self.apply((start, end, "") for start, end in spans)

    def map_runs(self, runs: Iterable[tuple[int, int]], same_length: Callable[[str], str]) -> "MappedText":
        """Rewrite runs of characters with a function that keeps their length (a 1:1 map)."""
        text = self.text
        pieces: list[str] = []
        pos = 0
        for start, end in runs:
            replacement = same_length(text[start:end])
            if len(replacement) != end - start:
                raise ValueError("map_runs needs a length-preserving function")
            pieces.append(text[pos:start])
            pieces.append(replacement)
            pos = end
        if not pieces:
            return self
        pieces.append(text[pos:])
        return MappedText("".join(pieces), self.origin)


def _spread(origin: list[int], start: int, end: int, count: int) -> list[int]:
    width = end - start
    if count == 0:
        return []
    if count == width:
        return origin[start:end]
    if width == 0 or count == 1:
        return [origin[start]] * count
    return [origin[start + (k * (width - 1)) // (count - 1)] for k in range(count)]
