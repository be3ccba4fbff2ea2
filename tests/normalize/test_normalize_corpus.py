"""The normalizer on real scraped documents."""

from __future__ import annotations

from pathlib import Path

from lawgov_check.ingest.normalize import normalize
from lawgov_check.model import Source


def _normalize_file(path: Path):
    text = path.read_text(encoding="utf-8")
    return text, normalize(Source.from_plain_text(str(path), text))


def test_corpus_lines_stay_one_to_one_and_map_back(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("*.txt"))
    assert files
    for path in files:
        text, result = _normalize_file(path)
        source_lines = text.split("\n")
        lines = result.text.split("\n")
        assert len(lines) == len(source_lines)
        start = 0
        for line, source_line in zip(lines, source_lines):
            if line:
                assert result.original(start, start + len(line)).strip() == source_line.strip()
            start += len(line) + 1
        assert result.warnings == []


def test_corpus_chrome_is_found_and_body_is_not(corpus_dir: Path) -> None:
    expected = {
        "jiaojiang-district-2019-annual-report.txt": ["访问次数:", "信息来源: 椒江区人民政府"],
        "zhangye-city-2017-implementation-plan-notice.txt": ["来源:张掖市人民政府办公室", "背景色:", ":"],
        "tiantai-county-2020-annual-report.txt": [],
    }
    for name, chrome in expected.items():
        _, result = _normalize_file(corpus_dir / name)
        assert [result.text[s:e] for s, e in result.chrome_spans] == chrome
        assert all(result.locate(s).line <= 7 for s, _ in result.chrome_spans)
