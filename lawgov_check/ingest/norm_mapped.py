"""Text with an offset map back to the source, edited without losing the map."""

from __future__ import annotations

import threading
from array import array
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

Edit = tuple[int, int, str]  # replace text[start:end] with the string


class OffsetMap(array):
    """A compact `array('q')` of offsets (8 bytes each, where a list of ints costs about 36).

    It compares equal to any sequence holding the same numbers, like the list it replaces.
    """

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def __new__(cls, values: Iterable[int] = ()) -> "OffsetMap":
        return super().__new__(cls, "q", values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, array):
            return array.__eq__(self, other)
        if isinstance(other, (list, tuple, range)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal


# 0, 1, 2, … kept once, so that an identity map is one memory copy instead of a loop over ints.
_IDENTITY_LIMIT = 1 << 20  # entries (8 MB); longer texts build their map directly
_identity = array("q")
_identity_lock = threading.Lock()


def identity_offsets(count: int) -> OffsetMap:
    """OffsetMap([0, 1, …, count - 1])."""
    if count > _IDENTITY_LIMIT:
        return OffsetMap(range(count))
    offsets = OffsetMap()
    with _identity_lock:
        if len(_identity) < count:
            _identity.extend(range(len(_identity), min(_IDENTITY_LIMIT, max(count, 2 * len(_identity)))))
        with memoryview(_identity) as view:
            offsets.frombytes(view[:count].cast("B"))
    return offsets


@dataclass(slots=True)
class MappedText:
    """`origin[i]` is the source offset of `text[i]`; `origin[-1]` is the source's length."""

    text: str
    origin: Sequence[int]

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        return cls(text, identity_offsets(len(text) + 1))

    def apply(self, edits: Iterable[Edit]) -> "MappedText":
        """Replace spans (sorted, non-overlapping) and carry the map along.

        A replacement of the same length maps one to one; otherwise its characters are spread over
        the replaced source characters (first to first, last to last), so the map stays
        non-decreasing and `original()` of the replacement still shows everything it replaced.
        """
        text, origin = self.text, self.origin
        pieces: list[str] = []
        new_origin = OffsetMap()
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


def _spread(origin: Sequence[int], start: int, end: int, count: int) -> Sequence[int]:
    width = end - start
    if count == 0:
        return []
    if count == width:
        return origin[start:end]
    if width == 0 or count == 1:
        return [origin[start]] * count
    return [origin[start + (k * (width - 1)) // (count - 1)] for k in range(count)]
