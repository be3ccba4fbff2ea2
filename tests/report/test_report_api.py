import pytest

from lawgov_check.report import FORMATS, render


def test_formats_are_the_documented_ones():
    assert FORMATS == ("text", "json", "sarif", "junit", "github", "html")


@pytest.mark.parametrize("fmt", FORMATS)
def test_rendering_is_deterministic(run, fresh_run, fmt):
    assert render(fmt, run) == render(fmt, fresh_run())


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_mentions_every_document(run, fmt):
    out = render(fmt, run)
    for name in ("梧桐区2023年度报告.txt", "养犬管理通知.pdf", "停车场办法征求意见.docx", "损坏的文件.docx"):
        assert name in out or _quoted(name) in out


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


def test_unknown_format_is_a_clear_error(run):
    with pytest.raises(ValueError, match="未知的输出格式"):
        render("pdf", run)
