"""Step 6: web-page furniture is located as chrome spans; the text is not changed."""

from __future__ import annotations

import pytest

from lawgov_check.ingest.normalize import normalize
from lawgov_check.model import Source


def chrome_of(text: str) -> list[str]:
    result = normalize(Source.from_plain_text("page.txt", text))
    return [result.text[start:end] for start, end in result.chrome_spans]


def uncovered(text: str) -> str:
    """The non-space characters of the normalized text outside every chrome span."""
    result = normalize(Source.from_plain_text("page.txt", text))
    covered = set()
    for start, end in result.chrome_spans:
        covered.update(range(start, end))
    return "".join(ch for i, ch in enumerate(result.text) if i not in covered and not ch.isspace())


def test_inline_chrome_next_to_publication_metadata() -> None:
    line = "发布日期: 2020-02-28 08:46 访问次数: 信息来源: 某区人民政府"
    assert chrome_of(line) == ["访问次数:", "信息来源: 某区人民政府"]


def test_source_line_with_publication_time_keeps_the_time_out_of_chrome() -> None:
    line = "发布时间: 2024-12-17 15:16 来源:某市人民政府办公室 背景色:"
    assert chrome_of(line) == ["来源:某市人民政府办公室", "背景色:"]


@pytest.mark.parametrize("line", [
    "浏览次数: 1024",
    "点击数:37次",
    "阅读次数:",
    "字体:【大 中 小】",
    "【字号：大 中 小】",
    "分享到:",
    "分享到: 微信 微博 QQ空间",
    "视力保护色",
    "护眼模式",
    "无障碍",
    "无障碍阅读",
    "打印本页",
    "【打印】【关闭】",
    "关闭窗口",
    "扫一扫在手机打开当前页",
    "相关链接",
    "上一篇: 关于开展法治宣传月活动的通知",
    "当前位置: 首页 > 政务公开 > 法治政府建设",
    "首页 > 信息公开 > 规范性文件",
    "责任编辑: 王某",
    " : ",
])
def test_whole_chrome_lines(line: str) -> None:
    assert len(chrome_of(line)) == 1
    assert uncovered(line) == ""


def test_a_line_of_several_buttons() -> None:
    assert chrome_of("字体:【大 中 小】 打印本页 关闭窗口") == ["字体:【大中小】", "打印本页", "关闭窗口"]
    assert chrome_of("[打印] [关闭]") == ["[打印]", "[关闭]"]


@pytest.mark.parametrize("sentence", [
    "各单位应将审核意见打印后加盖公章,于3月31日前报送市司法局。",
    "及时总结推广典型经验,将好的做法分享到全市各部门。",
    "加快推进无障碍环境建设,保障残疾人合法权益。",
    "全年政府网站访问量达到120万人次,同比增长15%。",
    "资金来源:市级财政专项资金。",
    "对不符合条件的加油站依法予以关闭,并向社会公开。",
    "下一步,我们将继续深化“放管服”改革。",
    "相关部门要加强协作配合。",
    "一、总体要求",
])
def test_body_sentences_are_not_chrome(sentence: str) -> None:
    assert chrome_of(sentence) == []


def test_chrome_in_a_page_leaves_the_text_unchanged() -> None:
    page = (
        "当前位置: 首页 > 政务公开\n"
        "某县2021年度法治政府建设情况报告\n"
        "发布时间: 2022-01-20 来源:某县司法局 浏览次数: 88\n"
        "2021年,我县深入推进依法行政。\n"
        "【打印本页】 【关闭窗口】\n"
    )
    result = normalize(Source.from_plain_text("page.txt", page))
    assert result.text == page
    chrome = [result.text[s:e] for s, e in result.chrome_spans]
    assert chrome == ["当前位置: 首页 > 政务公开", "来源:某县司法局", "浏览次数: 88", "【打印本页】",
                      "【关闭窗口】"]
    body_line = page.index("2021年,我县")
    assert not any(s <= body_line < e for s, e in result.chrome_spans)
