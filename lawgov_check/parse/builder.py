"""Build the Document tree from the grammar's lines.

The grammar says what each line is on its own; here the lines' positions decide the rest: the
metadata block, the title (possibly split over two lines), the addressee, headings nested by level,
the signature block (organs then a date), attachments and the 版记.
"""

from __future__ import annotations

import re

from ..model import Heading, Node, NormalizedText
from .lines import Line
from .markers import LEVELS, heading_title, split_marker

_TITLE_WORDS = re.compile(
    r"(报告|通知|通告|公告|通报|意见|办法|规定|细则|规则|方案|要点|计划|规划|决定|决议|请示|批复|函|纪要|"
    r"说明|条例|命令|令|议案|公报|指引|标准|清单|目录|制度|章程|纲要|意见书|审查|审核|情况)"
)
_SENTENCE_END = re.compile(r"[。!?;]\s*$")
# "生成日期: 2020-03-10", "责任编辑: 王某": a page's label and value, never a title.
_LABEL_VALUE = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*:\s*\S")
_ORGAN_WORDS = re.compile(
    r"(人民政府|政府|委员会|党委|市委|县委|区委|省委|州委|局|厅|办公室|办公厅|办|部|委|院|中心|所|会|队|站|署|处)\s*$"
)
_ORG_MARK = re.compile(r"^\s*+(?!.*关于)[^\s《》,:]{2,30}文件\s*$")
_ENUMERATION = re.compile(r"(?:^|(?<=[。;:]))\s*(?P<marker>[一二三四五六七八九十]{1,3}是)")
# Keys of the web metadata block (the grammar's METADATA terminal starts a line with one of them)
# and of the page furniture that shares its lines.
METADATA_KEYS = (
    "信息索引号", "索引号", "发布时间", "主题分类", "体裁分类", "组配分类", "服务对象", "发布机构", "发文机关",
    "成文日期", "发文日期", "发布日期", "公开日期", "印发日期", "生效日期", "施行日期", "废止日期", "失效日期",
    "有效期", "有效性", "公开方式", "公开范围", "公开形式", "公开时限", "发文字号", "文号", "统一编号", "登记编号",
    "登记号", "公文种类", "文种", "所属机构", "信息来源", "来源", "生成日期", "发布单位", "信息分类", "内容分类",
    "公开属性", "文件编号", "效力状态", "时效性", "关键词", "访问次数", "浏览次数", "点击数", "阅读次数",
    "背景色", "字体", "字号", "分享到", "责任编辑",
)
_METADATA_KEY = re.compile("(?:^|(?<=[\\s|]))(?P<key>" + "|".join(METADATA_KEYS) + ")\\s*:")

_RANKS = {"chapter": 0, "section": 1, "article": 2, "heading1": 3, "heading2": 4, "heading3": 5, "heading4": 6}
_BODY_START_KINDS = set(_RANKS)
HEADER_TITLE_MAX = 90


def _has_content(text: str) -> bool:
    """False for leftovers of page furniture such as a lone " : "."""
    return any(ch.isalnum() for ch in text)


def _is_titleish(line: Line) -> bool:
    text = line.text.strip()
    return (
        line.kind == "paragraph"
        and 2 <= len(text) <= HEADER_TITLE_MAX
        and not _SENTENCE_END.search(text)
        and "," not in text
        and not _LABEL_VALUE.match(text)
    )


def _is_organ(line: Line) -> bool:
    text = line.text.strip()
    return line.kind == "paragraph" and 2 <= len(text) <= 60 and not _SENTENCE_END.search(text) \
        and "," not in text and bool(_ORGAN_WORDS.search(text.split()[-1] if text.split() else text))


def metadata_fields(text: str) -> dict[str, str]:
    """Fields of one metadata line in `key: value` or `| key: | value |` form."""
    fields: dict[str, str] = {}
    if "|" in text:
        cells = [c.strip() for c in text.split("|")]
        cells = [c for c in cells if c != ""]
        i = 0
        while i < len(cells):
            cell = cells[i]
            if cell.endswith(":"):
                value = cells[i + 1] if i + 1 < len(cells) and not cells[i + 1].endswith(":") else ""
                fields[cell[:-1].strip()] = value
                i += 2 if value else 1
            elif ":" in cell:
                key, _, value = cell.partition(":")
                fields[key.strip()] = value.strip()
                i += 1
            else:
                i += 1
        return fields
    matches = list(_METADATA_KEY.finditer(text))
    for match, following in zip(matches, matches[1:] + [None]):
        value = text[match.end(): following.start() if following else len(text)]
        fields[match["key"]] = value.strip()
    return fields


class TreeBuilder:
    def __init__(self, norm: NormalizedText, lines: list[Line]) -> None:
        self.norm = norm
        self.lines = lines
        self.root = Node("document", 0, len(norm.text), "")
        self.headings: list[Heading] = []
        self.metadata: dict[str, str] = {}

    def build(self) -> Node:
        body_from = self._header()
        self._body(body_from)
        return self.root

    # ── header: metadata, org mark, doc number, title, addressee ────────────────────────────
    def _header(self) -> int:
        lines = self.lines
        i = 0
        metadata_node: Node | None = None
        title_done = False
        while i < len(lines):
            line = lines[i]
            if line.kind in ("metadata_line", "table_rule"):
                if metadata_node is None:
                    metadata_node = Node("metadata", line.start, line.end, "")
                    self.root.children.append(metadata_node)
                metadata_node.end = line.end
                for key, value in metadata_fields(line.text).items():
                    self.metadata.setdefault(key, value)
                    metadata_node.children.append(
                        Node("metadata_field", line.start, line.end, line.text.strip(), {"key": key, "value": value}))
            elif line.kind == "chrome" or not _has_content(line.text):
                self._add("chrome", line)
            elif line.kind in ("doc_number_line", "registration_line", "order_number_line"):
                kind = {"doc_number_line": "doc_number", "registration_line": "doc_number",
                        "order_number_line": "doc_number"}[line.kind]
                self._add(kind, line, {"form": line.kind.removesuffix("_line")})
            elif line.kind == "paragraph" and _ORG_MARK.match(line.text) and not title_done:
                self._add("org_mark", line)
            elif not title_done and _is_titleish(line) and self._title_plausible(i):
                i = self._title(i)
                title_done = True
                continue
            elif line.kind == "colon_line" and len(line.text.strip()) <= 150 and "。" not in line.text:
                self._add("addressee", line)
                return i + 1
            else:
                return i
            i += 1
        return i

    def _title_plausible(self, i: int) -> bool:
        """A short line is the title if it names a document type or what follows is header or body."""
        text = self.lines[i].text
        if _TITLE_WORDS.search(text):
            return True
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return nxt is not None and (nxt.kind in ("doc_number_line", "colon_line") or _is_titleish(nxt))

    def _title(self, i: int) -> int:
        first = self.lines[i]
        end_line = first
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        # A title split over two lines: "关于印发《…》" + "的通知", or a first line with no type word.
        if nxt is not None and _is_titleish(nxt) and len(nxt.text.strip()) <= 40 \
                and not _TITLE_WORDS.search(first.text.strip()[-4:]) and _TITLE_WORDS.search(nxt.text) \
                and not _is_organ(nxt):
            end_line = nxt
            i += 1
        text = "".join(line.text.strip() for line in self.lines[self.lines.index(first): i + 1])
        self.root.children.append(Node("title", first.start, end_line.end, text,
                                       {"lines": 2 if end_line is not first else 1}))
        return i + 1

    # ── body: headings nested by level, paragraphs, signature, attachments, 版记 ──────────────
    def _body(self, i: int) -> None:
        stack: list[tuple[int, Node]] = []
        path: list[str] = []
        in_attachment_list = False
        lines = self.lines
        while i < len(lines):
            line = lines[i]
            kind = line.kind
            parent = stack[-1][1] if stack else self.root
            if in_attachment_list and kind == "heading3":
                self._add("attachment_note", line, {"item": True}, parent=self.root)
                i += 1
                continue
            in_attachment_list = False
            if kind in _RANKS:
                node = self._structural(line, kind)
                if node is None:
                    parent.children.append(self._paragraph(line))
                    i += 1
                    continue
                rank = _RANKS[kind]
                while stack and stack[-1][0] >= rank:
                    stack.pop()
                    path.pop()
                (stack[-1][1] if stack else self.root).children.append(node)
                stack.append((rank, node))
                path.append(node.attrs["marker"])
                if kind in LEVELS:
                    node.attrs["path"] = "".join(path)
                    self._record_heading(node)
            elif kind == "date_line" or (kind == "paragraph" and _is_organ(line) and self._date_follows(i)):
                i = self._signature(i)
                stack.clear()
                path.clear()
                i = self._embedded_title(i)
                continue
            elif kind == "attachment_note":
                self._add("attachment_note", line, parent=self.root)
                in_attachment_list = bool(re.search(r"附件\s*:\s*1[.、]", line.text))
            elif kind == "note":
                self._add("note", line, parent=self.root)
            elif kind in ("copy_to", "printed_by"):
                self._imprint(line, kind)
            elif kind in ("metadata_line", "table_rule"):
                self._add("metadata_field", line, metadata_fields(line.text) and {"fields": metadata_fields(line.text)},
                          parent=self.root)
            elif kind == "chrome":
                self._add("chrome", line, parent=self.root)
            elif kind in ("doc_number_line", "registration_line", "order_number_line"):
                self._add("doc_number", line, {"form": kind.removesuffix("_line")}, parent=parent)
            else:
                parent.children.append(self._paragraph(line))
            i += 1

    def _structural(self, line: Line, kind: str) -> Node | None:
        marker = split_marker(kind, line.text)
        if marker is None:
            return None
        rest = line.text[marker.length:]
        title, run_in = heading_title(rest)
        original_marker = self.norm.original(line.start, line.start + marker.length).strip()
        node_kind = "heading" if kind in LEVELS else kind
        attrs = {"marker": original_marker, "number": marker.number, "style": marker.style, "title": title,
                 "run_in": run_in, "marker_end": line.start + marker.length}
        if kind in LEVELS:
            attrs["level"] = LEVELS[kind]
        return Node(node_kind, line.start, line.end, line.text.strip(), attrs)

    def _record_heading(self, node: Node) -> None:
        attrs = node.attrs
        self.headings.append(Heading(
            level=attrs["level"], marker=attrs["marker"], number=attrs["number"], text=attrs["title"],
            line=self.norm.locate(node.start).line, start=node.start, end=node.end, style=attrs["style"],
            path=attrs["path"]))

    def _paragraph(self, line: Line) -> Node:
        attrs = {}
        markers = [m["marker"] for m in _ENUMERATION.finditer(line.text)]
        if len(markers) >= 2 or (markers and line.text.lstrip().startswith(markers[0])):
            attrs["enumeration"] = markers
        if line.kind == "colon_line":
            attrs["lead_in"] = True
        return Node("paragraph", line.start, line.end, line.text.strip(), attrs)

    def _date_follows(self, i: int) -> bool:
        for j in range(i + 1, min(i + 4, len(self.lines))):
            if self.lines[j].kind == "date_line":
                return True
            if not _is_organ(self.lines[j]):
                return False
        return False

    def _signature(self, i: int) -> int:
        first = self.lines[i]
        signature = Node("signature", first.start, first.end, "")
        while i < len(self.lines) and self.lines[i].kind == "paragraph" and _is_organ(self.lines[i]):
            line = self.lines[i]
            for organ in line.text.split():
                signature.children.append(Node("signature_organ", line.start, line.end, organ))
            i += 1
        if i < len(self.lines) and self.lines[i].kind == "date_line":
            line = self.lines[i]
            signature.children.append(Node("signature_date", line.start, line.end, line.text.strip()))
            signature.end = line.end
            i += 1
        signature.text = " ".join(c.text for c in signature.children)
        self.root.children.append(signature)
        return i

    def _embedded_title(self, i: int) -> int:
        """After a signature, an issued document often follows with its own title (印发 notices)."""
        if i < len(self.lines) and _is_titleish(self.lines[i]) and _TITLE_WORDS.search(self.lines[i].text):
            line = self.lines[i]
            self.root.children.append(Node("title", line.start, line.end, line.text.strip(), {"embedded": True}))
            return i + 1
        return i

    def _imprint(self, line: Line, kind: str) -> None:
        last = self.root.children[-1] if self.root.children else None
        if last is None or last.kind != "imprint":
            last = Node("imprint", line.start, line.end, "")
            self.root.children.append(last)
        last.end = line.end
        last.children.append(Node(kind, line.start, line.end, line.text.strip()))

    def _add(self, kind: str, line: Line, attrs: dict | None = None, parent: Node | None = None) -> Node:
        node = Node(kind, line.start, line.end, line.text.strip(), dict(attrs or {}))
        (parent or self.root).children.append(node)
        return node
