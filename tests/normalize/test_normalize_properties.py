"""Properties that hold for any input: the normalizer never raises and its map stays sound."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_check.ingest.norm_cjk import is_cjk
from lawgov_check.ingest.normalize import fold_for_matching, normalize
from lawgov_check.model import NormalizedText, Source

# Pieces the normalizer reacts to, so generated text exercises every step.
_FRAGMENTS = [
    "關", "(guān)", "（fā）", "(shi4)", "(PPP)", "于", "印發", "臺灣地區", "規範", "\n", "\n\n", " ", "  ",
    "\u3000", "\u00a0", "\t", "\u200b", "\ufeff", "\r", "\u2028", "（", "）", "：", "，", "２０", "〔",
    "〕", "2020", "年", " 年", "- ", ": ", "?", "??", "?,F", "\ufffd", "访问次数:", "信息来源: ", "打印",
    "【关闭】", "分享到", "当前位置: 首页 > ", " : ", "法 治", "是否", "|", "\ud800", "𠀀", "é",
]

any_text = st.text()
# text() never yields lone surrogates, so they are put in by hand.
with_surrogates = st.lists(st.characters() | st.characters(categories=["Cs"])).map("".join)
reactive_text = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=3), max_size=40).map("".join)


def check_invariants(source_text: str) -> NormalizedText:
    result = normalize(Source.from_plain_text("any.txt", source_text))
    text, origin = result.text, result.origin
    assert len(origin) == len(text) + 1
    assert origin[-1] == len(source_text)
    assert all(a <= b for a, b in zip(origin, origin[1:]))
    assert all(0 <= o < len(source_text) for o in origin[:-1])
    assert text.count("\n") == source_text.count("\n")
    for i, char in enumerate(text):
        if char == "\n":
            assert source_text[origin[i]] == "\n"
    # Lines correspond one to one: normalized line k comes from source line k.
    source_line_starts = [0] + [i + 1 for i, ch in enumerate(source_text) if ch == "\n"]
    normalized_line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for n_start, s_start in zip(normalized_line_starts, source_line_starts):
        assert origin[n_start] >= s_start
    previous_end = 0
    for start, end in result.chrome_spans:
        assert previous_end <= start < end <= len(text)
        assert "\n" not in text[start:end]
        previous_end = end
    assert all(isinstance(w, str) and "\n" not in w for w in result.warnings)
    return result


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_any_text(source_text: str) -> None:
    check_invariants(source_text)


@settings(max_examples=300, deadline=None)
@given(reactive_text)
def test_text_built_from_reactive_pieces(source_text: str) -> None:
    check_invariants(source_text)


@settings(max_examples=100, deadline=None)
@given(with_surrogates)
def test_text_with_lone_surrogates(source_text: str) -> None:
    check_invariants(source_text)


@settings(max_examples=200, deadline=None)
@given(reactive_text)
def test_each_character_maps_back_to_the_character_it_was_folded_from(source_text: str) -> None:
    result = normalize(Source.from_plain_text("any.txt", source_text))
    for i, char in enumerate(result.text):
        original = result.original(i, i + 1)
        assert len(original) == 1
        if is_cjk(original):
            assert is_cjk(char)  # t2s may depend on the neighbouring characters (phrases)
        else:
            assert fold_for_matching(original) == char


@settings(max_examples=200, deadline=None)
@given(reactive_text)
def test_fold_for_matching_never_adds_or_drops_lines(text: str) -> None:
    assert fold_for_matching(text).count("\n") == text.count("\n")
