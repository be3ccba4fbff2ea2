"""Diff the checker's results against a saved run: speed work must not change a single finding.

    python bench/findings_diff.py --save /tmp/findings-before.json     # before the change
    python bench/findings_diff.py --against /tmp/findings-before.json  # after: prints the diff
    python bench/findings_diff.py --ref main                            # baseline from a git ref
    python bench/findings_diff.py --ref main --mutate /tmp/perf-corpus/txt  # plus defect-seeded copies

The documents are every .txt under ../shared/corpus (the three top-level ones, real/ and full/)
plus any folders given. Each is checked with `check --format json --fail-on never --jobs 1`, and
also `--lang en`; the whole document record is compared (findings with their messages, lines and
evidence, and the document's type, year, title, date and jurisdiction), only the tool version is
dropped. `--mutate FOLDER` also checks a copy of each .txt there with defects seeded (half-width
punctuation, square brackets and padded serials in 发文字号, padded dates, pinyin after characters,
lines dropped), written to a temporary folder from a fixed seed. `--ref REF` exports REF with `git archive` into a temporary folder and runs it from there
with the same interpreter, so no worktree is created. Exit status: 0 identical, 1 a difference.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
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


SEEDED = [
    (re.compile("，"), ","), (re.compile("："), ":"), (re.compile("；"), ";"), (re.compile("（"), "("),
    (re.compile("〔"), "["), (re.compile("〕"), "]"), (re.compile(r"(?<=\D)(\d)号"), r"0\1号"),
    (re.compile(r"年(\d)月"), r"年0\1月"), (re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])"), "(le)"),
]


def mutate(text: str, rng: random.Random) -> str:
    """A copy with some defects seeded at random places (a fixed seed keeps it reproducible)."""
    for pattern, replacement in SEEDED:
        share = rng.choice([0.0, 0.02, 0.3, 1.0]) if replacement != "(le)" else rng.choice([0.0, 0.0, 0.002])
        text = pattern.sub(lambda m: m.expand(replacement) if rng.random() < share else m.group(0), text)
    lines = text.split("\n")
    drop = {rng.randrange(len(lines)) for _ in range(rng.choice([0, 1, 3]))}
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def mutated_copies(folder: Path, out: Path) -> list[Path]:
    rng = random.Random(14)
    paths = []
    for path in sorted(folder.rglob("*.txt")):
        target = out / f"mutated-{len(paths):04d}-{path.name}"
        target.write_text(mutate(path.read_text(encoding="utf-8", errors="replace"), rng), encoding="utf-8")
        paths.append(target)
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
    parser.add_argument("--mutate", type=Path, action="append", default=[],
                        help="also check defect-seeded copies of the .txt in this folder")
    options = parser.parse_args()
    folders = ([CORPUS] if CORPUS.is_dir() else []) + options.folders
    paths = documents(folders)
    workspace = tempfile.TemporaryDirectory(prefix="lawgov-mutated-")
    for folder in options.mutate:
        paths += mutated_copies(folder, Path(workspace.name))
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
