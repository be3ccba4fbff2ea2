"""Batches: globs, excludes, ordering, worker processes, per-file time limits."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lawgov_check import api
from lawgov_check.batch import Failure, WorkerPool, ordered_map
from lawgov_check.globs import matches
from lawgov_check.inputs import expand_inputs

from .conftest import NOTICE, REPORT, run_json, write


@pytest.mark.parametrize("pattern, path, expected", [
    ("*.pdf", "a/b/c.pdf", True),
    ("*.pdf", "a/b/c.docx", False),
    ("drafts", "reports/drafts/x.txt", True),
    ("reports/*.txt", "reports/a.txt", True),
    ("reports/*.txt", "reports/2020/a.txt", False),
    ("reports/**/*.txt", "reports/2020/q1/a.txt", True),
    ("reports/**/*.txt", "reports/a.txt", True),
    ("reports/**/*.txt", "other/reports/a.txt", False),
    ("202[0-2]-*.txt", "x/2021-年报.txt", True),
    ("202[!0-2]-*.txt", "x/2021-年报.txt", False),
])
def test_glob_rules(pattern, path, expected):
    assert matches(pattern, path) is expected


def _tree(root: Path) -> None:
    write(root / "b.txt", NOTICE)
    write(root / "a.txt", NOTICE)
    write(root / "sub" / "c.txt", NOTICE)
    write(root / "sub" / "notes.md", "不检查")
    write(root / "drafts" / "d.txt", NOTICE)
    write(root / ".git" / "e.txt", NOTICE)
    (root / "sub" / "~$c.docx").write_bytes(b"lock")


def test_directory_walk_is_sorted_and_skips_hidden_and_lock_files(tmp_path):
    _tree(tmp_path)
    names = [Path(f).relative_to(tmp_path).as_posix() for f in expand_inputs([tmp_path]).files]
    assert names == ["a.txt", "b.txt", "drafts/d.txt", "sub/c.txt"]


def test_globs_are_expanded_and_excludes_applied(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert expand_inputs(["**/*.txt"]).files == ["a.txt", "b.txt", "drafts/d.txt", "sub/c.txt"]
    assert expand_inputs(["**/*.txt"], exclude=["drafts", "b.txt"]).files == ["a.txt", "sub/c.txt"]
    # argument order is kept; a file named twice is checked once
    assert expand_inputs(["sub/c.txt", "*.txt", "a.txt"]).files == ["sub/c.txt", "a.txt", "b.txt"]


def test_cli_exclude_and_quoted_glob(runner, tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    status, data, _ = run_json(runner, "**/*.txt", "--exclude", "drafts/**", "--exclude", "sub")
    assert status == 0
    assert [d["path"] for d in data["documents"]] == ["a.txt", "b.txt"]


def _slow_square(n: int) -> int:
    time.sleep(0.01 * (5 - n % 5))  # later items tend to finish first
    return n * n


def _hang_on_three(n: int) -> int:
    if n == 3:
        time.sleep(3600)
    return n


def _die_on_two(n: int) -> int:
    if n == 2:
        os._exit(7)
    return n


def _raise_on_one(n: int) -> int:
    if n == 1:
        raise ValueError("坏数据")
    return n


def test_results_keep_input_order_with_workers():
    assert list(ordered_map(_slow_square, range(12), jobs=3)) == [n * n for n in range(12)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_hanging_item_is_killed_and_the_rest_go_on(jobs):
    out = list(ordered_map(_hang_on_three, range(6), jobs=jobs, timeout=1))
    assert out[:3] == [0, 1, 2] and out[4:] == [4, 5]
    assert out[3] == Failure("timeout", "1")


def test_a_crashed_worker_is_replaced():
    out = list(ordered_map(_die_on_two, range(5), jobs=2, timeout=30))
    assert out[:2] == [0, 1] and out[3:] == [3, 4]
    assert isinstance(out[2], Failure) and out[2].kind == "crashed" and "7" in out[2].detail


@pytest.mark.parametrize("jobs, timeout", [(1, None), (2, 30)])
def test_an_exception_is_reported_for_its_item(jobs, timeout):
    out = list(ordered_map(_raise_on_one, range(3), jobs=jobs, timeout=timeout))
    assert out[0] == 0 and out[2] == 2
    assert out[1].kind == "error" and "坏数据" in out[1].detail


def test_worker_pool_serves_threads_and_survives_hangs_crashes_and_errors():
    from concurrent.futures import ThreadPoolExecutor

    pool = WorkerPool(_slow_square, 2)
    try:
        with ThreadPoolExecutor(6) as threads:
            assert list(threads.map(pool.run, range(12))) == [n * n for n in range(12)]
    finally:
        pool.close()
    assert pool.run(3) == Failure("crashed", "工作进程已停止")


def test_worker_pool_replaces_a_worker_that_hangs_or_dies():
    hang, die, fail = WorkerPool(_hang_on_three, 1), WorkerPool(_die_on_two, 1), WorkerPool(_raise_on_one, 1)
    try:
        assert hang.run(3, timeout=1) == Failure("timeout", "1")
        assert hang.run(4, timeout=1) == 4  # a fresh worker took the hung one's place
        crashed = die.run(2, timeout=30)
        assert crashed.kind == "crashed" and "7" in crashed.detail
        assert die.run(5) == 5
        assert fail.run(1).kind == "error" and fail.run(0) == 0
    finally:
        for pool in (hang, die, fail):
            pool.close()


def test_cli_timeout_is_an_input_error_for_that_file(runner, tmp_path, monkeypatch):
    write(tmp_path / "a.txt", REPORT)
    write(tmp_path / "b_hangs.txt", NOTICE)
    write(tmp_path / "c.txt", NOTICE)
    real = api.check_path

    def hang_on_b(path, **kwargs):
        if "b_hangs" in str(path):
            time.sleep(3600)
        return real(path, **kwargs)

    monkeypatch.setattr(api, "check_path", hang_on_b)  # forked workers inherit the patch
    for jobs in ("1", "2"):
        status, data, stderr = run_json(runner, str(tmp_path), "--timeout", "1", "--jobs", jobs)
        assert status == 2
        docs = data["documents"]
        assert docs[1]["errors"] == [f"{tmp_path / 'b_hangs.txt'}: 处理超时（1 秒）"]
        assert docs[0]["findings"] and docs[2]["findings"]
        assert f"{tmp_path / 'b_hangs.txt'}: 处理超时（1 秒）" in stderr


def test_api_batch_matches_in_process_run(tmp_path):
    for i in range(6):
        write(tmp_path / f"doc{i}.txt", REPORT if i % 2 else NOTICE)
    seen = []
    pooled = api.check_paths([tmp_path], jobs=2, timeout=60,
                             progress=lambda done, total, outcome: seen.append((done, total)))
    single = api.check_paths([tmp_path])
    assert seen == [(i, 6) for i in range(1, 7)]

    def summary(run):
        return [(Path(d.path).name, [(f.code, f.fingerprint) for f in d.findings]) for d in run.documents]

    assert summary(pooled) == summary(single)


def test_texts_are_not_kept_unless_a_reporter_needs_them(tmp_path):
    write(tmp_path / "a.txt", REPORT)
    lean = api.check_paths([tmp_path], jobs=2, timeout=60, annotate_dir=tmp_path / "out")
    assert all(d.text is None for d in lean.documents)
    kept = api.check_paths([tmp_path], options=api.CheckOptions(keep_text=True))
    assert kept.documents[0].text == REPORT


def test_limits_reach_the_reader(runner, tmp_path):
    big = write(tmp_path / "big.txt", REPORT)
    assert big.stat().st_size > 500
    status, data, stderr = run_json(runner, str(big), "--max-bytes", "500")
    assert status == 2 and data["documents"][0]["errors"]
    assert str(big) in stderr
    assert run_json(runner, str(big), "--max-bytes", "1M", "--fail-on", "never")[0] == 0
