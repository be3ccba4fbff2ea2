"""Web-page furniture scraped along with a document (counters, print buttons, breadcrumbs…).

The patterns run on the normalized text (ASCII ":" and "(", single spaces). They report spans and
never change the text: the parser decides what to do with lines they cover. Publication metadata
(发布日期, 发布时间, 成文日期, 索引号…) is not chrome: the parser keeps it.

Most patterns require a boundary on both sides (start of line, a space, a bracket, "|" or ":"),
so a sentence that merely mentions 打印 or 分享 in running text is not chrome.

Each rule names the words that start it; the text is scanned once for all of them, and a rule's
pattern is tried only where one of its words occurs (or at the start of that line, for rules
anchored there). That keeps the cost proportional to the text plus the hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import product

# Preceded by the start of the text, whitespace, a bracket, "|" or ":".
_BEFORE = r"(?<![^\s【\[(|:】\])])"
# Followed by the end of the text, whitespace, a bracket, "|" or ":".
_AFTER = r"(?=[\s【\[|】\]):]|$)"
_OPEN = r"[【\[]?"
_CLOSE = r"[】\]]?"
# Labels that end the value of a preceding label on the same line.
_LABELS = (r"(?:发布日期|发布时间|成文日期|访问次数|浏览次数|点击数|阅读次数|字体|字号|背景色|分享|打印"
           r"|关闭|信息来源|来源|责任编辑|作者)")
_VALUE = rf"(?:(?!{_LABELS})[^\s。,;:|])+"

_COUNTER_WORDS = tuple(a + b for a, b in product(("访问", "浏览", "点击", "阅读"), ("次数", "人次", "量", "数")))
_BUTTON_WORDS = ("打印本页", "打印此页", "打印文章", "打印页面", "打印", "关闭窗口", "关闭本页", "关闭页面", "关闭",
                 "保存本页", "收藏本页", "加入收藏", "返回顶部", "返回首页", "返回")
_LINK_LIST_WORDS = ("相关链接", "相关阅读", "相关文章", "相关新闻", "相关稿件", "友情链接")
_NEIGHBOUR_WORDS = ("上一篇", "下一篇", "上一条", "下一条")
_SOURCE_WORDS = ("信息来源", "文章来源", "稿件来源", "内容来源", "新闻来源", "来源")
_FOOTER_WORDS = ("ICP备", "公网安备", "网站标识码", "版权所有", "技术支持:", "主 办:", "承 办:",
                 "网站地图", "联系我们")
_LOCATION_WORDS = ("当前位置", "您的位置", "您现在的位置", "你现在的位置", "你的位置", "所在位置", "现在位置", "您所在的位置",
                   "您当前所在位置", "您当前的位置", "当前所在位置", "所在的位置")


def _any(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class ChromeRule:
    words: tuple[str, ...]  # words that start the pattern (or occur on a line-anchored one)
    source: str
    at_line_start: bool = False  # the pattern begins with "^ *" and is tried at the line's start

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when one of its words first occurs: most texts trigger few or no rules."""
        return re.compile(self.source, re.MULTILINE)


def _rule(words: tuple[str, ...], source: str, at_line_start: bool = False) -> ChromeRule:
    return ChromeRule(words, source, at_line_start)


CHROME_RULES: list[ChromeRule] = [
    # 访问次数: 123 / 浏览次数: / 点击数:12次 / 阅读量 456 — page counters, with or without a number.
    _rule(_COUNTER_WORDS,
          rf"{_BEFORE}{_OPEN}{_any(_COUNTER_WORDS)}(?::(?: *\d+(?: *次)?)?|(?: *\d+ *次?)?{_AFTER}){_CLOSE}"),
    # 字体:【大 中 小】 / 字号: 大 中 小 / 【字体：大 中 小】 — font-size switcher.
    _rule(("字体", "字号"), rf"{_BEFORE}{_OPEN}(?:字体|字号)(?:大小)? *:? *[【\[(]? *大 *中 *小 *[】\])]?{_CLOSE}"),
    # 分享到: 微信 微博 QQ空间 — share buttons.
    _rule(("分享",), rf"{_BEFORE}{_OPEN}分享(?:到|至)? *:?"
                     r"(?: *(?:微信朋友圈|朋友圈|微信|新浪微博|腾讯微博|微博|QQ空间|QQ好友|QQ|人人网|豆瓣网?|更多)[ ,、|]*)*"
                     rf"{_CLOSE}{_AFTER}"),
    # 背景色: / 视力保护色 / 护眼模式 — colour switchers.
    _rule(("背景色", "背景颜色", "视力保护色", "护眼模式", "护眼色"),
          rf"{_BEFORE}{_OPEN}(?:背景色|背景颜色|视力保护色|护眼模式|护眼色){_CLOSE} *:?{_AFTER}"),
    # 无障碍 / 无障碍阅读 — accessibility switch (not 无障碍环境, which is body text).
    _rule(("无障碍",), rf"{_BEFORE}{_OPEN}无障碍(?:阅读|浏览|模式)?{_CLOSE}{_AFTER}"),
    # 打印本页 / 【打印】 / 关闭窗口 / 【关闭】 / 收藏本页 / 返回顶部 — page buttons.
    _rule(_BUTTON_WORDS, rf"{_BEFORE}{_OPEN}{_any(_BUTTON_WORDS)}{_CLOSE}{_AFTER}"),
    # 扫一扫在手机打开当前页 — QR-code prompt.
    _rule(("手机扫一扫", "用手机扫一扫", "扫一扫"),
          rf"{_BEFORE}{_OPEN}(?:用?手机)?扫一扫(?:在手机上?打开(?:当前页|本页|此页)?)?{_CLOSE}"),
    # 相关链接 / 相关阅读 / 友情链接 — a heading of link lists, alone on its line.
    _rule(_LINK_LIST_WORDS, rf"^ *[【\[]?{_any(_LINK_LIST_WORDS)}[】\]]? *:? *$", at_line_start=True),
    # 上一篇: … / 下一篇: … — neighbouring articles, to the end of the line.
    _rule(_NEIGHBOUR_WORDS, rf"{_BEFORE}{_any(_NEIGHBOUR_WORDS)}(?: *:[^\n]*|{_AFTER})"),
    # 来源: 某市人民政府办公室 / 信息来源: 某区人民政府 — the site's credit line.
    _rule(_SOURCE_WORDS, rf"{_BEFORE}{_any(_SOURCE_WORDS)} *:(?: *{_VALUE})?"),
    # 责任编辑: 张三 — the site's editor.
    _rule(("责任编辑", "责编"), rf"{_BEFORE}(?:责任编辑|责编) *:(?: *{_VALUE})?"),
    # 当前位置: 首页 > 政务公开 > … — breadcrumb, to the end of the line.
    _rule(_LOCATION_WORDS, rf"^ *{_any(_LOCATION_WORDS)} *:[^\n]*", at_line_start=True),
    # 主 办:某县人民政府办公室 ICP备案:… / 粤公网安备 … / 网站标识码 / 版权所有 — the site's footer, its whole line.
    _rule(_FOOTER_WORDS, rf"^[^\n]{{0,80}}?{_any(_FOOTER_WORDS)}[^\n]{{0,80}}$", at_line_start=True),
    # 首页 > 政务公开 > 法治政府 — breadcrumb without a label.
    _rule(("首页",), r"^ *首页 *(?:>>?|»|›|→|/)[^\n]*", at_line_start=True),
]

# " : " — a line holding only a colon left behind by removed chrome (no word to trigger on).
COLON_ONLY_LINE = re.compile(r"^ *:[ :]*$", re.MULTILINE)



def _rules_by_word(rules: list[ChromeRule]) -> dict[str, list[ChromeRule]]:
    index: dict[str, list[ChromeRule]] = {}
    for rule in rules:
        for word in rule.words:
            index.setdefault(word, []).append(rule)
    return index


_RULES_BY_WORD = _rules_by_word(CHROME_RULES)
_TRIGGER = re.compile(_any(tuple(_RULES_BY_WORD)))


def find_chrome_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged spans (normalized offsets) of web-page furniture, trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    line_start, scanned_to = 0, 0  # line start found so far, and how far it is known to hold
    for hit in _TRIGGER.finditer(text):
        word_start = hit.start()
        for rule in _RULES_BY_WORD[hit.group()]:
            if rule.at_line_start:
                line_start = max(line_start, text.rfind("\n", scanned_to, word_start) + 1)
                scanned_to = word_start
                starts: tuple[int, ...] = (line_start,)
            elif word_start and text[word_start - 1] in "【[":
                starts = (word_start - 1, word_start)
            else:
                starts = (word_start,)
            for start in starts:
                match = rule.pattern.match(text, start)
                if match:
                    spans.append(_trim(text, *match.span()))
                    break
    spans.extend(_trim(text, *m.span()) for m in COLON_ONLY_LINE.finditer(text))
    return _merge([span for span in spans if span[1] > span[0]])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
