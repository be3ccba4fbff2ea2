"""--annotate: Word copies with findings as comments; the originals are never touched."""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
from pathlib import Path

from lawgov_check.cli import app

from .conftest import NOTICE, REPORT, run_json, write


def comments(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as z:
        if "word/comments.xml" not in z.namelist():
            return []
        xml = z.read("word/comments.xml").decode("utf-8")
    return re.findall(r"<w:comment\b.*?</w:comment>", xml, flags=re.S)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_copies_for_txt_docx_and_pdf(runner, tmp_path, fixtures_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("sample_annual_report.txt", "sample_annual_report.docx", "sample_annual_report.pdf"):
        shutil.copy(fixtures_dir / name, docs / name)
    write(docs / "sub" / "report.txt", REPORT)
    before = {p: digest(p) for p in docs.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    status, data, stderr = run_json(runner, str(docs), "--annotate", str(out), "--fail-on", "never")
    assert status == 0, stderr
    assert {p: digest(p) for p in docs.rglob("*") if p.is_file()} == before
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["sample_annual_report.lawgov-check.docx", "sample_annual_report.pdf.lawgov-check.docx",
                       "sample_annual_report.txt.lawgov-check.docx", "sub/report.txt.lawgov-check.docx"]
    by_name = {Path(d["path"]).name: d for d in data["documents"]}
    for path in out.rglob("*.docx"):
        source = path.name.replace(".lawgov-check.docx", "")
        source = source if source.endswith((".txt", ".pdf")) else source + ".docx"
        assert len(comments(path)) == len(by_name[source]["findings"])
    assert any("NC01" in c for c in comments(out / "sub" / "report.txt.lawgov-check.docx"))


def test_a_copy_that_cannot_be_written_is_reported_and_the_rest_written(runner, tmp_path):
    write(tmp_path / "docs" / "a.txt", REPORT)
    write(tmp_path / "docs" / "b.txt", NOTICE)
    out = tmp_path / "out"
    (out / "a.txt.lawgov-check.docx").mkdir(parents=True)  # a folder where the copy should go
    result = runner.invoke(app, ["check", str(tmp_path / "docs"), "--annotate", str(out), "--fail-on", "never"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith(f"{tmp_path / 'docs' / 'a.txt'}: ")
    assert (out / "b.txt.lawgov-check.docx").is_file()
    assert "a.txt" in result.stdout and "b.txt" in result.stdout  # the report is still written


def test_unreadable_inputs_get_no_copy(runner, tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    write(tmp_path / "ok.txt", NOTICE)
    out = tmp_path / "out"
    status, data, stderr = run_json(runner, str(tmp_path / "bad.pdf"), str(tmp_path / "ok.txt"),
                                    "--annotate", str(out))
    assert status == 2 and "bad.pdf" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["ok.txt.lawgov-check.docx"]
