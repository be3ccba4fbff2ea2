"""Load test of `lawgov-check serve` on loopback, compared with `lawgov-check check --jobs 2`.

    python bench/serve_load.py [--documents 2000] [--clients 16] [--workers 2] [--max-seconds 900]
                               [--markdown FILE]

Generates real-shaped .txt documents (bench/corpus.py: annual reports, normative documents,
comment notices, 5–30 KB) and keeps the `--documents` closest to 20 KB, starts the server on 127.0.0.1 (a port the OS picks) with
`--workers` worker processes, and measures, in one run on one machine:

1. one client sending 200 documents one after another: latency p50/p95/p99;
2. `--clients` concurrent clients sending every document once (one document per request):
   throughput, p50/p95/p99, errors (a non-200 answer or a document with input errors);
3. `lawgov-check check --jobs N --format json` over the same documents (N = `--workers`);
4. the server's RSS (itself and its worker processes) before and after the load;
5. CPU time per document of the server (with its workers) and of the CLI (with its workers): on a
   shared machine this is steadier than wall-clock throughput.

Bounded: every phase stops at `--max-seconds` and the server is stopped at the end whatever
happens. Loopback only. Run by hand; never in the tests (no timed assertions anywhere).
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from corpus import generate  # noqa: E402


def cli() -> list[str]:
    script = shutil.which("lawgov-check", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "lawgov_check.cli"]


class Server:
    def __init__(self, workers: int, scratch: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("LAWGOV_CHECK_API_KEYS", None)
        self.process = subprocess.Popen(
            cli() + ["serve", "--host", "127.0.0.1", "--port", "0", "--workers", str(workers), "--no-config"],
            cwd=scratch, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.port = 0
        ready = threading.Event()

        def read() -> None:
            assert self.process.stderr is not None
            for line in self.process.stderr:
                found = re.search(r"Uvicorn running on http://127\.0\.0\.1:(\d+)", line)
                if found:
                    self.port = int(found.group(1))
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(120) or not self.port:
            self.stop()
            raise SystemExit("server did not start")
        self.url = f"http://127.0.0.1:{self.port}"

    def rss_mb(self) -> float:
        """Resident memory of the server and all its descendants (workers, forkserver), in MB."""
        total = 0
        for pid in [self.process.pid, *_descendants(self.process.pid)]:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server and its living descendants."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in [self.process.pid, *_descendants(self.process.pid)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _send(client: httpx.Client, path: Path) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        response = client.post("/v1/check", files=[("files", (path.name, path.read_bytes(), "text/plain"))])
        ok = response.status_code == 200 and not response.json()["documents"][0]["errors"]
    except httpx.HTTPError:
        ok = False
    return time.perf_counter() - started, ok


def _percentiles(values: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": qs[49] * 1000, "p95": qs[94] * 1000, "p99": qs[98] * 1000}


def run_clients(url: str, files: list[Path], clients: int, deadline: float) -> dict[str, float]:
    work: queue.SimpleQueue[Path] = queue.SimpleQueue()
    for f in files:
        work.put(f)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def client_loop() -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            while time.monotonic() < deadline:
                try:
                    path = work.get_nowait()
                except queue.Empty:
                    return
                seconds, ok = _send(client, path)
                with lock:
                    latencies.append(seconds)
                    errors[0] += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return {"documents": len(latencies), "errors": errors[0], "seconds": elapsed,
            "throughput": len(latencies) / elapsed, **_percentiles(latencies)}


def run_cli(directory: Path, jobs: int, limit: float) -> dict[str, float]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cli() + ["check", str(directory), "--jobs", str(jobs), "--format", "json",
                                   "-o", os.devnull, "--no-config", "--no-progress"],
                          capture_output=True, text=True, timeout=limit)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"check failed ({done.returncode}): {done.stderr[-500:]}")
    count = len(list(directory.glob("*.txt")))
    return {"documents": count, "seconds": elapsed, "throughput": count / elapsed, "cpu_ms": cpu * 1000 / count}


def _about_20kb(files: list[Path], count: int) -> list[Path]:
    """The `count` documents closest to 20 KB; the others are deleted (the CLI checks the folder)."""
    ranked = sorted(files, key=lambda f: abs(f.stat().st_size - 20 * 1024))
    for extra in ranked[count:]:
        extra.unlink()
    return sorted(ranked[:count])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=900)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="lawgov-serve-load-"))
    try:
        files = _about_20kb(generate(scratch / "corpus", txt=3 * args.documents)["txt"], args.documents)
        sizes = [f.stat().st_size for f in files]
        server = Server(args.workers, scratch)
        try:
            with httpx.Client(base_url=server.url, timeout=120) as client:
                for f in files[:10]:  # warm up: catalogue, grammar, connection
                    _send(client, f)
                rss_before = server.rss_mb()
                single = [_send(client, f) for f in files[:200]]
            one = {"errors": sum(not ok for _, ok in single), **_percentiles([s for s, _ in single])}
            cpu_before = server.cpu_seconds()
            loaded = run_clients(server.url, files, args.clients, time.monotonic() + args.max_seconds)
            loaded["cpu_ms"] = (server.cpu_seconds() - cpu_before) * 1000 / max(1, loaded["documents"])
            rss_after = server.rss_mb()
        finally:
            server.stop()
        batch = run_cli(scratch / "corpus" / "txt", args.workers, args.max_seconds)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    cores = len(os.sched_getaffinity(0))
    lines = [
        f"Documents: {len(files)} .txt, mean {statistics.mean(sizes) / 1024:.1f} KB "
        f"(median {statistics.median(sizes) / 1024:.1f} KB); {cores} CPU cores; server --workers {args.workers}.",
        "",
        "| measurement | value |",
        "|---|---|",
        f"| 1 client, one document per request: p50 / p95 / p99 | {one['p50']:.0f} / {one['p95']:.0f} / {one['p99']:.0f} ms |",
        f"| {args.clients} clients: documents answered, errors | {loaded['documents']:.0f}, {loaded['errors']:.0f} |",
        f"| {args.clients} clients: throughput | {loaded['throughput']:.1f} documents/s |",
        f"| {args.clients} clients: p50 / p95 / p99 | {loaded['p50']:.0f} / {loaded['p95']:.0f} / {loaded['p99']:.0f} ms |",
        f"| {args.clients} clients: p95 / p50 | {loaded['p95'] / loaded['p50']:.2f} |",
        f"| `check --jobs {args.workers}` on the same documents: throughput | {batch['throughput']:.1f} documents/s |",
        f"| server throughput / `check --jobs {args.workers}` | {loaded['throughput'] / batch['throughput']:.2f} |",
        f"| CPU time per document: server (with workers) / `check --jobs {args.workers}` | "
        f"{loaded['cpu_ms']:.1f} / {batch['cpu_ms']:.1f} ms |",
        f"| documents per second per core (server) | {loaded['throughput'] / min(cores, args.workers):.1f} |",
        f"| server RSS (with workers) before → after | {rss_before:.0f} → {rss_after:.0f} MB |",
    ]
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
