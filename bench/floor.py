"""The floor: read every file under a directory and run one compiled regular expression over it.

    python bench/floor.py DIR

Nothing can check a document faster than it can read it and scan it once; `bench/run.py` states
every other time as a multiple of this one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# A pattern of the kind the rules use: an article or item number, or a date.
PATTERN = re.compile(r"第[一二三四五六七八九十百零〇]+条|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")


def scan(directory: Path) -> tuple[int, int]:
    files = hits = 0
    for path in sorted(directory.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", "replace")
        hits += sum(1 for _ in PATTERN.finditer(text))
        files += 1
    return files, hits


if __name__ == "__main__":
    files, hits = scan(Path(sys.argv[1]))
    print(f"{files} files, {hits} matches")
