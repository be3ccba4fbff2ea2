import re
from html.parser import HTMLParser

from lawgov_check.model import DocumentResult, Finding, Location, RunResult
from lawgov_check.report import render


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts += 1


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_self_contained_no_external_references(run):
    html = render("html", run)
    parsed = _parse(html)
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "action", "poster", "data"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
        assert tag not in ("link", "iframe", "img", "object", "embed")
    assert "@import" not in html and "url(" not in html
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_document_markup_is_escaped(run):
    html = render("html", run)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html
    assert "<b>后</b>" not in html
    assert _parse(html).scripts == 1


def test_one_mark_per_finding_and_links_to_it(run):
    html = render("html", run)
    parsed = _parse(html)
    mark_ids = [a["id"] for t, a in parsed.tags if t == "mark" and "id" in a]
    assert len(mark_ids) == sum(len(d.findings) for d in run.documents) == 6
    links = [a["href"][1:] for t, a in parsed.tags if t == "a" and "jump" in (a.get("class") or "")]
    assert sorted(links) == sorted(mark_ids)
    items = [a for t, a in parsed.tags if t == "li" and "finding" in (a.get("class") or "")]
    assert {a["data-severity"] for a in items} == {"error", "warning", "info"}


def test_marked_text_is_the_evidence(run):
    html = render("html", run)
    assert re.search(r'<mark id="m-1-2"[^>]*>1,300件</mark>', html)


def test_overlapping_and_multi_line_spans_nest_marks():
    text = "第一行甲乙丙\n第二行丁戊"
    def finding(code, start, end, severity="warning"):
        return Finding(code, "x", severity, f"消息{code}", "", [], Location(1, 1), "", text[start:end],
                       "r", "1", (start, end))
    doc = DocumentResult("a.txt", text=text, findings=[finding("AA01", 3, 9), finding("AA02", 4, 5, "error")])
    html = render("html", RunResult([doc], [], "0.1.0"))
    parsed = _parse(html)
    assert len([a for t, a in parsed.tags if t == "mark" and "id" in a]) == 2
    # the long span covers part of line 1 and all of line 2's first characters: one fragment per piece
    assert len([a for t, a in parsed.tags if t == "mark" and a.get("data-f") == "f-1-2"]) == 4
    assert '<mark id="m-1-1" tabindex="0" class="sev-error"' in html


def test_summary_table_and_labels(run):
    html = render("html", run)
    assert '<html lang="zh-CN">' in html and "法治政府文件合规检查报告" in html
    assert html.count('<tr><td class="path">') == 4
    english = render("html", run, lang="en")
    assert '<html lang="en">' in english and "Rulesets applied" in english and "适用规则集" not in english


def test_cjk_font_stack_covers_every_platform_and_headers_do_not_wrap(run):
    import re

    out = render("html", run)
    stacks = dict(re.findall(r"--(sans|serif): ([^;]+);", out))
    for font in ("Microsoft YaHei", "DengXian", "SimHei", "PingFang SC", "Hiragino Sans GB", "STHeiti",
                 "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"):
        assert f'"{font}"' in stacks["sans"], font
    for font in ("SimSun", "Songti SC", "Noto Serif CJK SC"):
        assert f'"{font}"' in stacks["serif"], font
    assert stacks["sans"].rstrip().endswith("sans-serif") and stacks["serif"].rstrip().endswith("serif")
    assert "font-family: var(--sans)" in out and "font-family: var(--serif)" in out
    assert re.search(r"table\.summary th \{[^}]*white-space: nowrap", out)
    assert re.search(r"\.table-scroll \{[^}]*overflow-x: auto", out)
    assert '<div class="table-scroll"><table class="summary">' in out
    assert '<div class="source" lang="zh-CN"' in out  # Chinese glyphs for the text in an English report
