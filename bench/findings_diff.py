"""Diff the checker's results against a saved run: speed work must not change a single finding.

    python bench/findings_diff.py --save /tmp/findings-before.json     # before the change
    python bench/findings_diff.py --against /tmp/findings-before.json  # after: prints the diff
    python bench/findings_diff.py --ref main                            # baseline from a git ref

The documents are every .txt under ../shared/corpus (the three top-level ones, real/ and full/)
plus any folders given. Each is checked with `check --format json --fail-on never --jobs 1`, and
also `--lang en`; the whole document record is compared (findings with their messages, lines and
evidence, and the document's type, year, title, date and jurisdiction), only the tool version is
dropped. `--ref REF` exports REF with `git archive` into a temporary folder and runs it from there
with the same interpreter, so no worktree is created. Exit status: 0 identical, 1 a difference.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
RUN_CLI = "import sys; from lawgov_check.cli import main; sys.argv[0] = 'lawgov-check'; main()"


def documents(folders: list[Path]) -> list[Path]:
    paths: list[Path] = []
    for folder in folders:
        paths.extend(sorted(folder.rglob("*.txt")) if folder.is_dir() else [folder])
    return paths


def run_checker(source_root: Path, paths: list[Path], lang: str) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(source_root), LAWGOV_CHECK_CACHE_DIR="")
    results: list[dict] = []
    chunk = 200  # keep the command line short
    for start in range(0, len(paths), chunk):
        args = [sys.executable, "-c", RUN_CLI, "check", "--format", "json", "--fail-on", "never",
                "--jobs", "1", "--lang", lang, *map(str, paths[start:start + chunk])]
        done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=source_root)
        if done.returncode not in (0, 1):
            sys.exit(f"checker failed ({done.returncode}): {done.stderr.strip()[:2000]}")
        results.extend(json.loads(done.stdout)["documents"])
    return results


def snapshot(source_root: Path, paths: list[Path]) -> dict[str, list[dict]]:
    return {lang: run_checker(source_root, paths, lang) for lang in ("zh", "en")}


def from_ref(ref: str, paths: list[Path]) -> dict[str, list[dict]]:
    with tempfile.TemporaryDirectory(prefix="lawgov-ref-") as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        return snapshot(Path(tmp), paths)


def lines(data: dict[str, list[dict]]) -> list[str]:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="more folders or files (default: ../shared/corpus only)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write the current results to this file")
    what.add_argument("--against", type=Path, help="compare the current results with this saved file")
    what.add_argument("--ref", help="compare the current results with those of this git ref")
    options = parser.parse_args()
    folders = ([CORPUS] if CORPUS.is_dir() else []) + options.folders
    paths = documents(folders)
    if not paths:
        sys.exit("no documents: ../shared/corpus is absent and no folder was given")
    current = snapshot(REPO, paths)
    if options.save:
        options.save.write_text(json.dumps(current, ensure_ascii=False), encoding="utf-8")
        count = sum(len(doc["findings"]) for doc in current["zh"])
        print(f"saved {len(paths)} documents, {count} findings to {options.save}")
        return
    before = (json.loads(options.against.read_text(encoding="utf-8")) if options.against
              else from_ref(options.ref, paths))
    diff = list(difflib.unified_diff(lines(before), lines(current), "before", "after", lineterm="", n=2))
    count = sum(len(doc["findings"]) for doc in current["zh"])
    print(f"{len(paths)} documents, {count} findings (zh; en compared too): "
          + ("identical" if not diff else f"{len(diff)} diff lines"))
    print("\n".join(diff))
    sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
