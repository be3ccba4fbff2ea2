"""The annotated Word copy as LibreOffice prints it, comments in the margin (skipped without
LibreOffice and poppler): every comment is visible, and a copy made from text is A4."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lawgov_check.model import DocumentResult, Finding, Location
from lawgov_check.report import annotate_docx

TEXT = "某县人民政府关于印发某县行政执法公示办法的通知\n某政发[2021]5号\n各乡镇人民政府：\n现将办法印发给你们。\n某县人民政府\n2021-03-05\n"
# Writer's print option "comments: in the margins" (SwPostItMode 4), for a private profile.
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Writer/Print/Content"><prop oor:name="Note" oor:op="fuse"><value>4</value></prop></item>
</oor:items>
"""


def _finding(code: str, evidence: str) -> Finding:
    start = TEXT.index(evidence)
    line = TEXT.count("\n", 0, start) + 1
    return Finding(code, "format", "warning", f"{code} 的说明", "", [], Location(line, 1), "", evidence,
                   "GF", "1.0.0", (start, start + len(evidence)))


def test_libreoffice_prints_every_comment_on_an_a4_page(tmp_path):
    soffice, pdftotext, pdfinfo = (shutil.which(n) for n in ("soffice", "pdftotext", "pdfinfo"))
    if not (soffice and pdftotext and pdfinfo):
        pytest.skip("LibreOffice or poppler-utils is not installed")
    source = tmp_path / "通知.txt"
    source.write_text(TEXT, encoding="utf-8")
    findings = [_finding("GF01", "[2021]"), _finding("GF05", "2021-03-05"), _finding("GF09", "各乡镇人民政府：")]
    result = DocumentResult(str(source), media_type="text/plain", text=TEXT, findings=findings,
                            title="某县人民政府关于印发某县行政执法公示办法的通知")
    copy = Path(annotate_docx(result, str(source), str(tmp_path / "out")))
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--print-to-file",
                    "--outdir", str(tmp_path), str(copy)], capture_output=True, timeout=300, check=True)
    pdf = tmp_path / (copy.stem + ".pdf")
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    compact = "".join(text.split())
    for f in findings:
        assert f"[{f.code}警告]{f.code}的说明" in compact, f.code
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
