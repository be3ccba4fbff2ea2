"""docs/service.md's Java client (java.net.http.HttpClient), compiled and run against a real server.
Skips where no JDK is installed."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

pytest.importorskip("fastapi")

from serverproc import REPO  # noqa: E402

MAIN = """
import java.nio.file.Path;

public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println(LawgovCheck.check(args[0], "unused", Path.of(args[1]), "error"));
        System.out.println(LawgovCheck.check(args[0], "unused", Path.of(args[2]), "error"));
        var response = LawgovCheck.checkText(args[0], "unused", "通知.txt", "关于\\"开展\\"检查的通知\\n各乡镇：\\t请按时报送。");
        System.out.println(response.statusCode() + " " + response.headers().firstValue("X-Lawgov-Outcome").orElse("?"));
        System.out.println(response.body().contains("\\"path\\": \\"通知.txt\\""));
    }
}
"""


def test_the_documented_java_client_works(server, tmp_path):
    javac, java = shutil.which("javac"), shutil.which("java")
    if not (javac and java):
        pytest.skip("no JDK (javac) installed")
    text = (REPO / "docs" / "service.md").read_text(encoding="utf-8")
    (tmp_path / "LawgovCheck.java").write_text(re.search(r"```java\n(.*?)```", text, re.S).group(1), encoding="utf-8")
    (tmp_path / "Main.java").write_text(MAIN, encoding="utf-8")
    compiled = subprocess.run([javac, "-encoding", "UTF-8", "LawgovCheck.java", "Main.java"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)
    assert compiled.returncode == 0, compiled.stderr
    draft = tmp_path / "送审稿.docx"  # a file name as the drafting office writes it
    draft.write_bytes((REPO / "fixtures" / "sample_annual_report.docx").read_bytes())
    ran = subprocess.run([java, "-Dfile.encoding=UTF-8", "-cp", ".", "Main", server.url, draft.name,
                          str(REPO / "fixtures" / "ar_missing_part.txt")],
                         cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.split() == ["pass", "block", "200", "pass", "true"]
