"""Baselines: only new findings are reported; fingerprints survive text inserted above."""

from __future__ import annotations

import json

from lawgov_check.api import check_text
from lawgov_check.cli import app

from .conftest import REPORT, codes, run_json, write

INSERTED = REPORT.replace("（一）行政复议工作\n\n", "（一）行政复议工作\n\n全面推行行政复议听证制度。\n\n"
                          "复议机构配备专职人员3名。\n\n")


def test_fingerprint_survives_lines_inserted_above():
    before = {f.code: f for f in check_text(REPORT).findings}
    after = {f.code: f for f in check_text(INSERTED).findings}
    assert after["NC01"].location.line == before["NC01"].location.line + 4
    assert after["NC01"].fingerprint == before["NC01"].fingerprint
    assert {c: f.fingerprint for c, f in after.items()} == {c: f.fingerprint for c, f in before.items()}


def test_write_then_use_a_baseline(runner, tmp_path):
    doc = write(tmp_path / "report.txt", REPORT)
    baseline = tmp_path / "baseline.json"
    status, data, _ = run_json(runner, str(doc), "--write-baseline", str(baseline))
    assert status == 0 and data["documents"][0]["findings"]  # recording a baseline is a success
    assert json.loads(baseline.read_text(encoding="utf-8"))["documents"][0]["findings"]
    doc.write_text(INSERTED, encoding="utf-8")
    status, data, stderr = run_json(runner, str(doc), "--baseline", str(baseline))
    assert status == 0 and codes(data) == []
    assert "4 条问题未列出" in stderr
    # a new problem is reported, the known ones are not
    doc.write_text(INSERTED.replace("开展行政执法案卷评查，评查案卷120卷，发现问题15个，均已督促整改。",
                                    "全年共办理行政应诉案件12件，其中胜诉8件，败诉6件。"), encoding="utf-8")
    status, data, _ = run_json(runner, str(doc), "--baseline", str(baseline), "--fail-on", "warning")
    assert codes(data) == [("report.txt", "NC01")] and status == 1
    assert "行政应诉案件12件" in data["documents"][0]["findings"][0]["evidence"]


def test_rewriting_a_baseline_keeps_the_known_findings(runner, tmp_path):
    doc = write(tmp_path / "report.txt", REPORT)
    baseline = tmp_path / "baseline.json"
    run_json(runner, str(doc), "--write-baseline", str(baseline))
    first = json.loads(baseline.read_text(encoding="utf-8"))
    status, _, _ = run_json(runner, str(doc), "--baseline", str(baseline), "--write-baseline", str(baseline))
    assert status == 0
    second = json.loads(baseline.read_text(encoding="utf-8"))
    prints = [[f["fingerprint"] for f in d["findings"]] for d in (first, second) for d in d["documents"]]
    assert prints[0] == prints[1] and len(prints[0]) == 4


def test_a_baseline_from_another_directory_matches_relative_paths(runner, tmp_path, monkeypatch):
    doc = write(tmp_path / "docs" / "report.txt", REPORT)
    baseline = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path)
    run_json(runner, "docs/report.txt", "--write-baseline", str(baseline))
    status, data, _ = run_json(runner, str(doc), "--baseline", str(baseline))  # absolute this time
    assert status == 0 and codes(data) == []


def test_bad_baseline_files_are_exit_2(runner, tmp_path):
    doc = write(tmp_path / "report.txt", REPORT)
    for name, text in {"broken.json": "{", "shape.json": '{"documents": [{"path": 3}]}',
                       "list.json": "[]"}.items():
        bad = write(tmp_path / name, text)
        result = runner.invoke(app, ["check", str(doc), "--baseline", str(bad)])
        assert result.exit_code == 2 and result.stderr.startswith(f"{bad}: "), result.stderr


def test_writing_a_baseline_still_fails_on_input_errors(runner, tmp_path):
    doc = write(tmp_path / "report.txt", REPORT)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    status, _, _ = run_json(runner, str(doc), str(broken), "--write-baseline", str(tmp_path / "b.json"))
    assert status == 2
