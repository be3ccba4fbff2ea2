"""Plain-text files holding a page's HTML fragments: markup out, lines in, locations kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_check.ingest import load
from lawgov_check.ingest.markup import is_markup
from lawgov_check.model import InputError
from lawgov_check.pipeline import document_from_text

PAGE = ("发文机关:某省人民政府\n文号:某政发〔2019〕7号\n"
        "<p>各市、县人民政府,省人民政府各部门:</p><p>&nbsp;现将《某省农村道路养护实施方案》印发给你们,请认真组织实施。</p>"
        "<p style=\"text-align: right;\">某省人民政府</p><p style=\"text-align: right;\">2019年4月2日</p>"
        "<p><br/></p><p style=\"text-align: center;\"><strong>某省农村道路养护实施方案</strong></p>"
        "<!-- 正文 --><p>为做好农村道路养护，制定本方案。</p>\n")


def test_markup_is_taken_out_and_blocks_become_lines():
    source = load("page.txt", data=PAGE.encode("utf-8"))
    assert source.media_type == "text/html"
    assert "<" not in source.text and "&nbsp;" not in source.text
    lines = [line.strip() for line in source.text.split("\n") if line.strip()]
    assert "某省人民政府" in lines and "2019年4月2日" in lines and "某省农村道路养护实施方案" in lines
    assert "正文" not in source.text  # a comment is no text
    assert any("text/html" not in w and "HTML" in w for w in source.warnings)


def test_locations_point_into_the_file():
    source = load("page.txt", data=PAGE.encode("utf-8"))
    where = source.text.index("2019年4月2日")
    location = source.locate(where)
    file_line = PAGE.split("\n")[location.line - 1]
    assert file_line[location.column - 1:].startswith("2019年4月2日")


def test_the_signature_and_cue_are_seen():
    source = load("page.txt", data=PAGE.encode("utf-8"))
    d = document_from_text(source.text, "page.txt")
    assert d.doc_type == "notice"
    assert d.date.isoformat() == "2019-04-02"
    assert d.issuer == "某省人民政府"


def test_a_document_quoting_a_tag_is_not_markup():
    text = "关于网页排版的说明\n换行可写作<br>，段落写作<p>。\n"
    assert not is_markup(text)
    assert load("note.txt", data=text.encode("utf-8")).media_type == "text/plain"


def test_script_and_style_content_is_dropped():
    page = "<html><head><style>p{color:red}</style><script>var a = 1 < 2;</script></head><body><p>某县通知</p><div>正文</div></body></html>"
    source = load("page.txt", data=page.encode("utf-8"))
    assert "color" not in source.text and "var a" not in source.text
    assert [line for line in source.text.split("\n") if line] == ["某县通知", "正文"]


def test_an_unclosed_comment_or_script_ends_the_text_without_error():
    for page in ("<p>甲</p><p>乙</p><!-- 未闭合", "<p>甲</p><p>乙</p><script>var x"):
        source = load("page.txt", data=page.encode("utf-8"))
        assert source.text.split("\n")[:2] == ["甲", "乙"]


def test_markup_with_no_text_is_an_input_error():
    try:
        load("page.txt", data="<p></p><p>&nbsp;</p><br/>".encode("utf-8"))
    except InputError as exc:
        assert "HTML" in exc.cause and "\n" not in str(exc)
    else:
        raise AssertionError("no error")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<br/>", "&nbsp;", "&amp;", "<!--", "-->", "<script>", "</script>",
                                 "甲", "乙\n", " ", "<", ">", "&"]), max_size=30).map("".join))
def test_any_fragments_keep_a_sound_map(text):
    if not text.strip():
        return
    try:
        source = load("page.txt", data=text.encode("utf-8"))
    except InputError as exc:
        assert "HTML" in exc.cause
        return
    starts = [s.start for s in source.segments]
    assert starts == sorted(starts) and all(0 <= s <= len(source.text) for s in starts)
    for offset in range(len(source.text)):
        location = source.locate(offset)
        assert location.line >= 1 and location.column >= 1
