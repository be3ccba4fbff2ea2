"""Run one function over many items in worker processes, with a time limit per item.

`ordered_map` yields results in input order. A worker that exceeds the time limit is killed and
replaced, and its item yields a `Failure`; a worker that dies (crash, out of memory) is replaced
the same way. Workers take one item at a time, so killing one never loses another item's work.

Why processes and not `signal.alarm`: a hang inside C code (a regular expression, a PDF or XML
parser) never returns to the interpreter, so an alarm cannot interrupt it; killing the process
always works, on every platform. With `jobs=1` and a time limit a single worker process is used;
without a time limit, items run in this process.

On Linux workers are forked, so they inherit the modules and rule catalogue the parent already
loaded (no thread runs in the parent while it forks: the progress display refreshes without one).
Elsewhere they are spawned and load them once each.

`WorkerPool` keeps the same workers alive between items for a long-running caller (the HTTP
service): `run(item, timeout)` may be called from many threads at once, each item goes to an idle
worker, and a worker that overruns or dies is replaced exactly as in `ordered_map`.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator, Sequence


@dataclass(frozen=True)
class Failure:
    """An item that produced no result: `kind` is timeout, crashed or error."""

    kind: str
    detail: str


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context() -> Any:
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def _call(func: Callable[[Any], Any], item: Any) -> Any:
    try:
        return func(item)
    except Exception as exc:  # reported for this item; the run goes on
        return Failure("error", f"{type(exc).__name__}: {exc}")


def _worker_loop(conn: Connection, func: Callable[[Any], Any]) -> None:
    # Ctrl-C reaches the whole process group: the parent handles it (and kills the workers), so a
    # worker ignores it instead of printing a traceback of wherever it was.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            message = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if message is None:
            return
        index, item = message
        conn.send((index, _call(func, item)))


class _Worker:
    def __init__(self, ctx: Any, func: Callable[[Any], Any]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_loop, args=(child, func), daemon=True)
        # A forked worker shares this process's memory until it writes to it; its garbage
        # collector would write to every object it inherited (copying all those pages) unless
        # they are frozen, i.e. left out of collection, while forking.
        gc.freeze()
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        child.close()
        self.index: int | None = None
        self.started = 0.0

    def give(self, index: int, item: Any) -> None:
        self.index, self.started = index, time.monotonic()
        self.conn.send((index, item))

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def ordered_map(func: Callable[[Any], Any], items: Iterable[Any], *, jobs: int = 1,
                timeout: float | None = None, window: int | None = None) -> Iterator[Any]:
    """`func(item)` for every item, in input order; a `Failure` where an item produced nothing.

    `func` must be a module-level function (it is sent to worker processes). `window` bounds how
    far ahead of the next result to yield workers may run, which bounds the results held back.
    """
    items = list(items)
    if not items:
        return
    if jobs <= 1 and not timeout:
        for item in items:
            yield _call(func, item)
        return
    yield from _pool(func, items, max(1, min(jobs, len(items))), timeout,
                     window or max(16, 4 * jobs))


def _pool(func: Callable[[Any], Any], items: Sequence[Any], jobs: int, timeout: float | None,
          window: int) -> Iterator[Any]:
    ctx = _context()
    waiting: deque[int] = deque(range(len(items)))
    done: dict[int, Any] = {}
    next_out = 0
    workers = [_Worker(ctx, func) for _ in range(jobs)]

    def replace(worker: _Worker) -> None:
        worker.kill()
        workers[workers.index(worker)] = _Worker(ctx, func)

    try:
        while next_out < len(items):
            for worker in workers:
                if worker.index is None and waiting and waiting[0] < next_out + window:
                    i = waiting.popleft()
                    worker.give(i, items[i])
            busy = [w for w in workers if w.index is not None]
            limit = None
            if timeout:
                limit = max(0.0, min(w.started + timeout for w in busy) - time.monotonic())
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], limit))
            now = time.monotonic()
            for worker in busy:
                index = worker.index
                assert index is not None
                if worker.conn in ready:
                    try:
                        got, value = worker.conn.recv()
                    except (EOFError, OSError):
                        got, value = index, Failure("crashed", _exit_detail(worker))
                        replace(worker)
                    else:
                        worker.index = None
                    done[got] = value
                elif worker.process.sentinel in ready:
                    done[index] = Failure("crashed", _exit_detail(worker))
                    replace(worker)
                elif timeout and now - worker.started >= timeout:
                    done[index] = Failure("timeout", f"{timeout:g}")
                    replace(worker)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for worker in workers:
            if worker.index is None:
                worker.stop()
            else:
                worker.kill()


class WorkerPool:
    """`jobs` long-lived workers running `func`; `run` blocks the calling thread until its item is
    done, timed out (the worker is killed and replaced) or crashed. `context` is a multiprocessing
    context (default: fork on Linux); a threaded caller should pass a forkserver or spawn one."""

    def __init__(self, func: Callable[[Any], Any], jobs: int, *, context: Any = None) -> None:
        self._ctx = context or _context()
        self._func = func
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, jobs)):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self._ctx, self._func)
        with self._lock:
            self._all.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        with self._lock:
            self._all.remove(worker)
            if self._closed:
                return worker
        return self._start()

    def run(self, item: Any, timeout: float | None = None) -> Any:
        """`func(item)` in a worker, or a `Failure` (timeout, crashed, error)."""
        if self._closed:
            return Failure("crashed", "工作进程已停止")
        worker = self._idle.get()
        try:
            worker.give(0, item)
            ready = wait([worker.conn, worker.process.sentinel], timeout or None)
            if worker.conn in ready:
                try:
                    return worker.conn.recv()[1]
                except (EOFError, OSError):
                    failure = Failure("crashed", _exit_detail(worker))
            elif ready:
                failure = Failure("crashed", _exit_detail(worker))
            else:
                failure = Failure("timeout", f"{timeout:g}")
            worker = self._replace(worker)
            return failure
        finally:
            worker.index = None
            self._idle.put(worker)

    def close(self) -> None:
        """Stop idle workers and kill busy ones; callers still waiting get a `crashed` failure."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
        for worker in workers:
            if worker.index is None:
                worker.stop()
            else:
                worker.kill()


def _exit_detail(worker: _Worker) -> str:
    worker.process.join(timeout=1)
    return f"退出码 {worker.process.exitcode}"
