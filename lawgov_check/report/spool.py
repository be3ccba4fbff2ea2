"""Finished parts of a report parked until the report's head can be written.

SARIF, JUnit and HTML put totals (rules, counts, a summary table) before the per-document parts.
The parts are rendered as each document comes and parked here: in memory up to a small size,
then in a temporary file, so a batch's memory does not grow with its number of documents.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import TextIO

IN_MEMORY_CHARS = 1 << 20


class Spool:
    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_CHARS, mode="w+", encoding="utf-8",
                                                   newline="")
        self.empty = True
        self._skip = 0

    def write(self, text: str) -> None:
        if text:
            from ..textsafe import clean

            self.empty = False
            self._file.write(clean(text))

    def flush(self) -> None:
        pass

    def skip_first(self, chars: int) -> None:
        """Leave out the first `chars` characters when copying (a leading separator)."""
        self._skip = chars

    def copy_to(self, out: TextIO) -> None:
        """Write everything parked to `out`, then discard it."""
        self._file.seek(0)
        if self._skip:
            self._file.read(self._skip)
        shutil.copyfileobj(self._file, out)
        self._file.close()
