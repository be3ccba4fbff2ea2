"""Build the Document tree from the grammar's lines.

The grammar says what each line is on its own; here the lines' positions decide the rest: the
metadata block, the title (possibly split over two lines), the addressee, headings nested by level,
the signature block (organs then a date), attachments and the 版记.
"""

from __future__ import annotations

import re

from ..identify.header import HeaderPlan, ends_with_kind, fields_of, is_addressee, is_titleish
from ..identify.vocabulary import ORGAN_AT_END
from ..model import Heading, Node, NormalizedText
from .lines import Line
from .markers import LEVELS, heading_title, split_marker

_SENTENCE_END = re.compile(r"[。!?;]\s*$")
_ENUMERATION = re.compile(r"(?:^|(?<=[。;:]))\s*(?P<marker>[一二三四五六七八九十]{1,3}是)")

LEAD_LINES = 12
_RANKS = {"chapter": 0, "section": 1, "article": 2, "heading1": 3, "heading2": 4, "heading3": 5, "heading4": 6}


def _is_titleish(line: Line) -> bool:
    return line.kind == "paragraph" and is_titleish(line.text)


def _is_organ(line: Line) -> bool:
    text = line.text.strip()
    return line.kind == "paragraph" and 2 <= len(text) <= 60 and not _SENTENCE_END.search(text) \
        and "," not in text and bool(ORGAN_AT_END.search(text.split()[-1] if text.split() else text))


def _fields(text: str) -> dict[str, str]:
    return dict(fields_of(text))


class TreeBuilder:
    def __init__(self, norm: NormalizedText, lines: list[Line], plan: HeaderPlan) -> None:
        self.norm = norm
        self.lines = lines
        self.plan = plan
        self.root = Node("document", 0, len(norm.text), "")
        self.headings: list[Heading] = []
        self.metadata: dict[str, str] = {}

    def build(self) -> Node:
        body_from = self._header()
        self._body(body_from)
        if not self.plan.candidates:
            self._lead_title()
        return self.root

    def _lead_title(self) -> None:
        """A page that opens with a few lines of its own (a news lead: 日前，某政府印发…。文件详情如下：)
        before the document: its title is the line ending with a kind word that stands over the
        addressee or the 发文字号, among the first lines."""
        children = self.root.children[:LEAD_LINES]
        for node, nxt in zip(children, children[1:]):
            if node.kind == "paragraph" and is_titleish(node.text) and ends_with_kind(node.text) \
                    and (nxt.kind == "doc_number" or (nxt.kind == "paragraph" and nxt.attrs.get("lead_in")
                                                      and is_addressee(nxt.text))):
                node.kind = "title"
                node.attrs = {"lead": True}
                return

    # ── header: laid out by the header scan (lawgov_check/identify/header.py) ──────────────────
    def _header(self) -> int:
        plan = self.plan
        lines = self.lines
        metadata_node: Node | None = None
        starts = {c.first: n for n, c in enumerate(plan.candidates)}
        fields_by_line: dict[int, list] = {}
        for f in plan.fields:
            fields_by_line.setdefault(f.line, []).append(f)
        for key, value in plan.metadata().items():
            self.metadata.setdefault(key, value)
        i = 0
        while i < plan.body_start:
            line = lines[i]
            role = plan.roles.get(i, "chrome")
            if i in starts:
                candidate = plan.candidates[starts[i]]
                last = lines[candidate.last]
                start, end = line.start, last.end
                within = line.text.find(candidate.text) if candidate.first == candidate.last else -1
                if within >= 0:  # the title without the number or the 《》 glued to it on its line
                    start, end = line.start + within, line.start + within + len(candidate.text)
                self.root.children.append(Node("title", start, end, candidate.text,
                                               {"lines": candidate.last - candidate.first + 1,
                                                "candidate": starts[i]}))
                i = candidate.last + 1
                continue
            if role == "metadata":
                if metadata_node is None:
                    metadata_node = Node("metadata", line.start, line.end, "")
                    self.root.children.append(metadata_node)
                metadata_node.end = line.end
                for f in fields_by_line.get(i, []):
                    metadata_node.children.append(
                        Node("metadata_field", line.start, line.end, line.text.strip(), {"key": f.key, "value": f.value}))
            elif role in ("doc_number", "registration"):
                self._add("doc_number", line, {"form": line.kind.removesuffix("_line")})
            elif role == "org_mark":
                self._add("org_mark", line)
            elif role == "issuer":
                self._add("issuer", line)
            elif role == "addressee":
                self._add("addressee", line)
            elif role in ("note", "subtitle", "date", "title_line"):
                self._add("paragraph", line, {"header": role})
            else:
                self._add("chrome", line)
            i += 1
        return plan.body_start

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
                self._add("metadata_field", line, _fields(line.text) and {"fields": _fields(line.text)},
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
        # Every enumeration marker ends in 是: a line without it needs no scan.
        markers = [m["marker"] for m in _ENUMERATION.finditer(line.text)] if "是" in line.text else []
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
        """After a signature (and its note, 此件公开发布), an issued document often follows with its own
        title (印发 notices)."""
        if i < len(self.lines) and self.lines[i].kind == "note":
            self._add("note", self.lines[i], parent=self.root)
            i += 1
        if i < len(self.lines) and _is_titleish(self.lines[i]) and ends_with_kind(self.lines[i].text):
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
