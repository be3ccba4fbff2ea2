"""Speed and memory of lawgov-check against the floor, in one run on one machine.

    python bench/run.py [--corpus DIR] [--markdown FILE] [--skip-scaling]

Generates the corpus first if DIR has none (1,000 .txt, 200 .docx, 100 .pdf; see bench/corpus.py),
then measures, each as a ratio to the floor (bench/floor.py: read every file, one regex over it):

1. `lawgov-check check DIR/txt` with `--jobs 1`, `--jobs 2` and `--jobs N` (all rulesets);
2. the time per stage in one process: ingest, normalize, parse, facts, rules, report;
3. single-document latency from a cold process (`check one.txt`) and `--version`;
4. scaling: one document of 10 KB, 100 KB, 1 MB and 10 MB (time per KB must stay flat);
5. .docx and .pdf ingest, against unzip + regex and against `pdftotext` (poppler-utils);
6. peak memory of the batch for 250 and 1,000 documents (it must not grow with the count).

Child processes run with bytecode caching on (PYTHONPYCACHEPREFIX in a temporary directory), as
an installed tool does; each timing is the best of a few runs. Run by hand; never in the tests.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from corpus import generate  # noqa: E402
from floor import PATTERN, scan  # noqa: E402

PYTHON = sys.executable
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(REPO) + os.pathsep + ENV.get("PYTHONPATH", "")
ENV["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "lawgov-bench-pycache")


GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").is_file() else None


def run_child(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS in KB (the largest of the process and its waited-for children).

    The peak comes from GNU time when present: a child forked straight from this (large) process
    would report this process's size as its own peak.
    """
    command = [GNU_TIME, "-f", "%M", *args] if GNU_TIME else args
    start = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, cwd=REPO)
    seconds = time.perf_counter() - start
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    peak = int(lines[-1]) if GNU_TIME and lines and lines[-1].isdigit() else 0
    return seconds, peak


def best(args: list[str], repeat: int) -> tuple[float, int]:
    runs = [run_child(args) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def median(args: list[str], repeat: int) -> float:
    return statistics.median(run_child(args)[0] for _ in range(repeat))


def cli(*args: str) -> list[str]:
    return [PYTHON, "-m", "lawgov_check.cli", *args]


def has_jobs_option() -> bool:
    out = subprocess.run(cli("check", "--help"), capture_output=True, text=True, env=ENV, cwd=REPO).stdout
    return "--jobs" in out


# ── in-process stages ─────────────────────────────────────────────────────────────────────────
def stage_times(paths: list[Path]) -> dict[str, float]:
    from lawgov_check.model import RunResult
    from lawgov_check.report import render
    from profile_check import stages

    results: list = []
    totals = stages(paths, clock=time.perf_counter, results=results)
    t0 = time.perf_counter()
    run = RunResult(documents=results, rules=[], tool_version="bench")
    render("text", run)
    render("json", run)
    totals["report (text + json)"] = time.perf_counter() - t0
    return totals


# ── scaling ───────────────────────────────────────────────────────────────────────────────────
SCALING_SCRIPT = """
import sys, time
from lawgov_check.api import check_text, load_rules
load_rules()
check_text("一、总则\\n")
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
check_text(text)
print(time.perf_counter() - t)
"""


def scaling(seed_texts: list[str], work: Path, sizes: list[int]) -> list[tuple[int, float, int]]:
    rows = []
    for size in sizes:
        parts, total, i = [], 0, 0
        while total < size:
            part = seed_texts[i % len(seed_texts)]
            parts.append(part)
            total += len(part.encode("utf-8")) + 1
            i += 1
        text = "\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")
        path = work / f"scale_{size}.txt"
        path.write_text(text, encoding="utf-8")
        times = []
        peak = 0
        for _ in range(3 if size <= 1_000_000 else 1):
            out = subprocess.run([PYTHON, "-c", SCALING_SCRIPT, str(path)], capture_output=True, text=True,
                                 env=ENV, cwd=REPO)
            times.append(float(out.stdout.strip().splitlines()[-1]))
        _, peak = run_child([PYTHON, "-c", SCALING_SCRIPT, str(path)])
        rows.append((size, min(times), peak))
    return rows


# ── docx and pdf ──────────────────────────────────────────────────────────────────────────────
_TAG = re.compile(rb"<[^>]+>")


def docx_floor(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml")
        text = _TAG.sub(b"", xml).decode("utf-8")
        sum(1 for _ in PATTERN.finditer(text))
    return time.perf_counter() - start


def pdftotext(paths: list[Path]) -> float | None:
    if not shutil.which("pdftotext"):
        return None
    start = time.perf_counter()
    for path in paths:
        subprocess.run(["pdftotext", "-q", str(path), "-"], stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def ingest_time(paths: list[Path]) -> float:
    from lawgov_check.ingest import load

    load(str(paths[0]))
    start = time.perf_counter()
    for path in paths:
        load(str(path))
    return time.perf_counter() - start


# ── report ────────────────────────────────────────────────────────────────────────────────────
class Table:
    def __init__(self, floor: float) -> None:
        self.floor = floor
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, seconds: float | None, note: str = "", ratio_to: float | None = None) -> None:
        base = ratio_to if ratio_to is not None else self.floor
        if seconds is None:
            self.rows.append((what, "—", "—", note))
            return
        self.rows.append((what, f"{seconds:.3f} s", f"{seconds / base:.1f}×", note))

    def markdown(self) -> str:
        lines = ["| measurement | time | ratio | notes |", "|---|---:|---:|---|"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self.rows]
        return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "lawgov-bench-corpus")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus: Path = args.corpus
    if not (corpus / "txt").is_dir():
        print(f"generating the corpus in {corpus} …", file=sys.stderr)
        generate(corpus, txt=1000, docx=200, pdf=100)
    txt = sorted((corpus / "txt").glob("*.txt"))
    docx = sorted((corpus / "docx").glob("*.docx"))
    pdf = sorted((corpus / "pdf").glob("*.pdf"))
    megabytes = sum(p.stat().st_size for p in txt) / 1e6
    print(f"corpus: {len(txt)} txt ({megabytes:.1f} MB), {len(docx)} docx, {len(pdf)} pdf; "
          f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}", file=sys.stderr)

    # Warm the bytecode cache and the user cache (grammar tables, validated rulesets) once.
    run_child(cli("check", str(txt[0])))

    floor_wall, _ = best([PYTHON, str(BENCH / "floor.py"), str(corpus / "txt")], args.repeat)
    start = time.perf_counter()
    scan(corpus / "txt")
    floor_inner = time.perf_counter() - start
    table = Table(floor_wall)
    table.add("floor: read + one regex, 1,000 txt (process)", floor_wall, f"{megabytes:.1f} MB; in-process {floor_inner:.3f} s")

    jobs_options = [1, 2, os.cpu_count() or 1] if has_jobs_option() else [None]
    peaks = {}
    for jobs in dict.fromkeys(jobs_options):
        extra = ["--jobs", str(jobs)] if jobs else []
        seconds, peak = best(cli("check", *extra, str(corpus / "txt")), max(1, args.repeat - 1))
        peaks[jobs] = peak
        label = f"check 1,000 txt, all rulesets, --jobs {jobs}" if jobs else "check 1,000 txt (no --jobs option)"
        table.add(label, seconds, f"{len(txt) / seconds:.0f} docs/s, {megabytes / seconds:.2f} MB/s, peak {peak / 1024:.0f} MB")

    stages = stage_times(txt)
    in_process = sum(stages.values())
    for stage, seconds in stages.items():
        table.add(f"stage: {stage}", seconds, f"{seconds / in_process:.0%} of in-process total {in_process:.2f} s")

    one = next((p for p in txt if 9_000 < p.stat().st_size < 12_000), txt[0])
    table.add(f"cold `check` of one {one.stat().st_size // 1024} KB txt", median(cli("check", str(one)), 5),
              "median of 5; ratio to the floor process", )
    table.add("cold `--version`", median(cli("--version"), 5), "median of 5")
    first = tempfile.mkdtemp(prefix="lawgov-empty-cache-")
    ENV["LAWGOV_CHECK_CACHE_DIR"] = first
    table.add("cold `check` of one txt, empty user cache", run_child(cli("check", str(one)))[0],
              "first run ever: grammar analysed, rulesets validated")
    del ENV["LAWGOV_CHECK_CACHE_DIR"]
    shutil.rmtree(first, ignore_errors=True)

    if not args.skip_scaling:
        with tempfile.TemporaryDirectory() as work:
            seeds = [p.read_text(encoding="utf-8") for p in txt[:30]]
            rows = scaling(seeds, Path(work), [10_000, 100_000, 1_000_000, 10_000_000])
        base = rows[0][1] / rows[0][0]
        for size, seconds, peak in rows:
            label = f"{size // 1000:,} KB" if size < 1_000_000 else f"{size // 1_000_000} MB"
            table.add(f"scaling: one {label} document (in process)", seconds,
                      f"{seconds / size / base:.2f}× time per byte of the 10 KB one; peak {peak / 1024:.0f} MB")

    if docx:
        floor_docx = docx_floor(docx)
        table.add(f"docx floor: unzip + strip tags + regex, {len(docx)} files", floor_docx, "", ratio_to=floor_docx)
        table.add(f"docx ingest (lawgov-check), {len(docx)} files", ingest_time(docx), "ratio to docx floor",
                  ratio_to=floor_docx)
    if pdf:
        poppler = pdftotext(pdf)
        if poppler:
            table.add(f"pdftotext, {len(pdf)} files (one process each)", poppler, "", ratio_to=poppler)
        table.add(f"pdf ingest (lawgov-check), {len(pdf)} files", ingest_time(pdf),
                  "ratio to pdftotext" if poppler else "pdftotext not installed", ratio_to=poppler or 1.0)

    with tempfile.TemporaryDirectory() as work:
        quarter = Path(work) / "quarter"
        quarter.mkdir()
        for path in txt[:250]:
            (quarter / path.name).symlink_to(path)
        jobs_arg = ["--jobs", "1"] if jobs_options != [None] else []
        _, peak_quarter = best(cli("check", *jobs_arg, str(quarter)), 1)
        peak_full = peaks.get(1) or peaks.get(None) or 0
    table.add("peak memory, 250 vs 1,000 txt (--jobs 1)", None,
              f"{peak_quarter / 1024:.0f} MB vs {peak_full / 1024:.0f} MB")

    text = table.markdown()
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
