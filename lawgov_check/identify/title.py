"""The title: chosen from every candidate the page offers, by what each looks like and where it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazyre import lazy
from . import vocabulary as v
from ..facts.doc_numbers import find_doc_numbers
from .evidence import Decision, Evidence, shorten
from .header import HeaderPlan, TitleCandidate, ends_with_kind, without_column_tag

ACCEPT_SCORE = 4
# A page titled with its kind alone (通告 over the text of a 通告): the title, when nothing else is
BARE_KINDS = ("通告", "公告", "通知", "通报", "决定", "命令")


@dataclass
class TitleChoice:
    decision: Decision[str]
    candidate: TitleCandidate | None  # the header lines the title stands on (None: metadata or body)


def _norm(text: str) -> str:
    return "".join(text.split()).strip("《》")


def _score(candidate: TitleCandidate, plan: HeaderPlan, others: list[str], meta_title: str) -> None:
    text = candidate.text
    key = _norm(text)
    if ends_with_kind(text):
        candidate.score += 4
        candidate.cues.append("以文种结尾 (ends with a document kind)")
    repeats = [o for o in others if o != key and len(o) >= 6 and (o in key or key in o)]
    if others.count(key) > 1 or repeats or (meta_title and _norm(meta_title) == key):
        candidate.score += 3
        candidate.cues.append("重复出现 (repeated on the page)")
    following = plan.roles.get(candidate.last + 1)
    if following in ("doc_number", "addressee") or candidate.last + 1 == plan.addressee:
        candidate.score += 2
        candidate.cues.append("其后为文号或主送机关 (followed by the number or the addressee)")
    if "关于" in text:
        candidate.score += 1
        candidate.cues.append("含“关于” (names its subject with 关于)")
    if len(key) < 5:
        candidate.score -= 4


_LEAD = re.compile(r"^[^:：]{1,12}[:：]\s*(?P<rest>.{8,})$")


def _without_lead(value: str) -> str:
    """A title field whose value starts with words and a colon that are no part of the title
    (spam or a site's tag put before it): the title after the colon, when that is a whole title."""
    value = without_column_tag(value.strip())
    match = _LEAD.match(value)
    return match["rest"] if match and ends_with_kind(match["rest"]) and "关于" not in value[: match.start("rest")] else value


def _overlaps(a: TitleCandidate, b: TitleCandidate) -> bool:
    x, y = _norm(a.text), _norm(b.text)
    return x == y or (min(len(x), len(y)) >= 6 and (x in y or y in x))


def decide_title(plan: HeaderPlan, line_numbers: list[int], embedded: tuple[str, int] | None,
                 first_line: tuple[str, int] | None = None,
                 named_first: tuple[str, int, str] | None = None) -> TitleChoice:
    """`line_numbers[i]` is the original line of header line i; `embedded` is the title of a document
    issued under a covering notice (its text and line), used when the page shows no title of its own;
    `first_line` is the page's first line with content, where a page run into one line has its title;
    `named_first` is the name the first paragraph gives the document (an order's 《…》已经…通过，现予公布,
    an encyclopedia's 《…》是…), with its line and the cue."""
    metadata = plan.metadata()
    meta_title = _without_lead(next((metadata[k] for k in v.TITLE_KEYS if metadata.get(k)), ""))
    others = [_norm(c.text) for c in plan.candidates]
    for candidate in plan.candidates:
        _score(candidate, plan, others, meta_title)
    best = max(plan.candidates, key=lambda c: (c.score, -c.first), default=None)
    if best is not None:
        # The same title shown twice (the page's heading, then the document's own with its organ):
        # the first showing is the title, as a reader sees it.
        best = min((c for c in plan.candidates if _overlaps(c, best) and ends_with_kind(c.text) == ends_with_kind(best.text)),
                   key=lambda c: c.first)
    if meta_title and len(meta_title) <= 150 and (best is None or _norm(best.text) != _norm(meta_title)):
        line = next((f.line for f in plan.fields if f.key in v.TITLE_KEYS and f.value), None)
        evidence = (Evidence("metadata", "页面元数据的标题字段 (the page's title field)", shorten(meta_title),
                             line_numbers[line] if line is not None else None),)
        return TitleChoice(Decision(meta_title, 0.9, evidence), None)
    if best is not None:
        first_content = min((i for i, r in plan.roles.items() if r in ("title_line", "issuer")), default=None)
        plausible_first_line = best.first == first_content and (
            len(_norm(best.text)) >= 6 or (_norm(best.text) in BARE_KINDS and len(plan.candidates) == 1))
        if best.score >= ACCEPT_SCORE or plausible_first_line:
            confidence = 0.95 if best.score >= 7 else 0.8 if best.score >= ACCEPT_SCORE else 0.5
            cues = best.cues or ["页首的标题行 (the first title-like line of the page)"]
            evidence = (Evidence("header", "；".join(cues), shorten(best.text), line_numbers[best.first]),)
            return TitleChoice(Decision(best.text, confidence, evidence), best)
    if embedded is not None:
        text, line = embedded
        return TitleChoice(Decision(text, 0.6, (Evidence(
            "body", "转发或印发的文件标题 (the title of the document the notice issues)", shorten(text), line),)), None)
    if named_first is not None:
        text, line, cue = named_first
        return TitleChoice(Decision(text, 0.6, (Evidence("body", cue, shorten(text), line),)), None)
    run_in = run_in_title(first_line[0]) if first_line is not None else None
    if run_in is not None:
        return TitleChoice(Decision(run_in, 0.6, (Evidence(
            "header", "与正文连成一行的标题 (a title run into the text)", run_in, first_line[1]),)), None)
    return TitleChoice(Decision(None, 0.0, ()), None)


RUN_IN_MIN = 200  # a first line this long is a whole page run into one line
# 某省人民政府关于2023年度某某情况的报告 — an organ's name (Chinese characters only), 关于, the subject, a kind
_RUN_IN_TITLE = lazy(
    r"[\u4e00-\u9fff]{0,30}关于[^。，,；;:\s]{2,100}?的?(?:报告|通知|通告|公告|意见|决定|办法|规定|方案|要点|批复)")


def run_in_title(line: str) -> str | None:
    """The title at the start of a page run into one line (a mirror that lost its line breaks)."""
    if len(line) < RUN_IN_MIN:
        return None
    head = line[:RUN_IN_MIN]
    numbers = find_doc_numbers(head)
    before = head[: numbers[0].start].strip() if numbers else ""
    if before.startswith("关于") and 6 <= len(before) <= 150 and "。" not in before:
        return before  # 关于…的 某府通〔2019〕2号 为…: a title (maybe cut short), the 发文字号, the text
    match = _RUN_IN_TITLE.search(head)
    return match.group() if match and match.start() <= 60 else None
