"""A batch checked with a report stream keeps no document results in memory."""

from __future__ import annotations

import io
import json

from lawgov_check.api import CheckOptions, check_paths, exit_code
from lawgov_check.report import open_stream, render

NOTICE = """关于公开征求《清川市停车场管理办法（征求意见稿）》意见的通知

为提高立法质量，现将《清川市停车场管理办法（征求意见稿）》全文公布，征求社会各界意见。
意见反馈截止时间为2024年3月10日。
"""


def test_stream_gets_every_document_in_order_and_the_run_keeps_none(tmp_path):
    files = []
    for i in range(4):
        path = tmp_path / f"notice_{i}.txt"
        path.write_text(NOTICE, encoding="utf-8")
        files.append(str(path))
    files.append(str(tmp_path / "missing.txt"))
    kept = check_paths(files, options=CheckOptions(), jobs=1)
    out = io.StringIO()
    stream = open_stream("json", out)
    streamed = check_paths(files, options=CheckOptions(), jobs=1, stream=stream)
    stream.finish(streamed)
    assert streamed.documents == []
    assert out.getvalue() == render("json", kept)
    assert [d["path"] for d in json.loads(out.getvalue())["documents"]] == files
    assert exit_code(kept) == 2
