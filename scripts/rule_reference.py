"""Write docs/rules.md, the rule reference, and the README's rule tables from the bundled rulesets.

    python scripts/rule_reference.py          # rewrite docs/rules.md and the README's tables
    python scripts/rule_reference.py --check  # exit 1 when either is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

from lawgov_check.rules.loader import load_catalogue
from lawgov_check.rules.reference import readme_with_tables, reference_markdown

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "rules.md"
README = ROOT / "README.md"


def main(argv: list[str]) -> int:
    catalogue = load_catalogue(packages=False)  # installed packages document themselves
    readme = README.read_text(encoding="utf-8")
    wanted = {REFERENCE: reference_markdown(catalogue), README: readme_with_tables(readme, catalogue)}
    stale = [path for path, text in wanted.items()
             if (path.read_text(encoding="utf-8") if path.is_file() else "") != text]
    if "--check" in argv:
        for path in stale:
            print(f"{path}: stale; run python scripts/rule_reference.py", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
