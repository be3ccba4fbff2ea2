"""Write docs/rules.md, the rule reference, from the bundled rulesets.

    python scripts/rule_reference.py          # rewrite docs/rules.md
    python scripts/rule_reference.py --check  # exit 1 when docs/rules.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

from lawgov_check.rules.loader import load_catalogue
from lawgov_check.rules.reference import reference_markdown

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = reference_markdown(load_catalogue(packages=False))  # installed packages document themselves
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
        if current != text:
            print(f"{TARGET}: stale; run python scripts/rule_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
