"""The page set-up and fonts of GB/T 9704-2012 《党政机关公文格式》 for Word files made from text.

A4 paper; top margin (天头) 37 mm, left (订口) 28 mm and a 156 × 225 mm type area, hence bottom
35 mm and right 26 mm; 22 lines of 28 characters; body 3号 (16 pt) 仿宋, title 2号 (22 pt) 小标宋
centred, first-level headings 黑体, second-level 楷体. Fonts are named, not embedded: where a font
is missing Word substitutes by the alternative name, character set and family the font table
gives, and LibreOffice by its own font replacement.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as WordDocument
from lxml import etree
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
# 225 mm / 22 lines = 28.95 pt per line, as exact line spacing (a document grid would do the
# same in Word but LibreOffice draws a character grid at twice the width). 156 mm / 28 characters
# leaves 16 pt characters 0.2 pt too wide: they are set 0.25 pt closer (in twentieths of a point).
LINE_PITCH_TWIPS = 579
CHARACTER_SPACING = -5
BODY_SIZE, TITLE_SIZE, PAGE_NUMBER_SIZE = Pt(16), Pt(22), Pt(14)


@dataclass(frozen=True)
class Face:
    name: str  # the name documents written to GB/T 9704 use
    alt: str  # the font Windows has when the first is not installed
    family: str  # font-table family: roman (serif), modern (fixed pitch), swiss (sans)


BODY = Face("仿宋_GB2312", "仿宋", "modern")
TITLE = Face("方正小标宋简体", "宋体", "roman")
HEADING_1 = Face("黑体", "SimHei", "modern")
HEADING_2 = Face("楷体_GB2312", "楷体", "modern")
PAGE_NUMBER = Face("宋体", "SimSun", "roman")
GB2312_CHARSET = "86"


def set_fonts(r_pr, face: Face) -> None:
    """Name the font for every script, the East Asian one included; theme fonts would win."""
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), face.name)
    fonts.set(qn("w:hint"), "eastAsia")


def _plain(style: ParagraphStyle, face: Face, size: Pt) -> None:
    """A style in one black face and size, without the template's colour, bold or spacing."""
    r_pr = style.element.get_or_add_rPr()
    for tag in ("w:b", "w:bCs", "w:i", "w:color", "w:spacing", "w:kern"):
        for child in r_pr.findall(qn(tag)):
            r_pr.remove(child)
    set_fonts(r_pr, face)
    style.font.size = size
    p_pr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:spacing", "w:contextualSpacing"):
        for child in p_pr.findall(qn(tag)):
            p_pr.remove(child)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(LINE_PITCH_TWIPS / 20)


def _document_defaults(document: WordDocument) -> None:
    styles = document.styles.element
    r_pr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(r_pr, BODY)
    for tag in ("w:sz", "w:szCs"):
        r_pr.find(qn(tag)).set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _font_table(document: WordDocument) -> None:
    """Declare each font with its alternative name and character set, for Word's substitution."""
    part = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    table = parse_xml(part.blob)
    for face in (BODY, TITLE, HEADING_1, HEADING_2, PAGE_NUMBER):
        for old in table.findall(qn("w:font")):
            if old.get(qn("w:name")) == face.name:
                table.remove(old)
        table.append(parse_xml(
            f'<w:font {nsdecls("w")} w:name="{face.name}"><w:altName w:val="{face.alt}"/>'
            f'<w:charset w:val="{GB2312_CHARSET}"/><w:family w:val="{face.family}"/>'
            f'<w:pitch w:val="variable"/></w:font>'))
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page(document: WordDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.footer_distance = Mm(22)  # the page number's dash sits about 7 mm below the type area
    sect_pr = section._sectPr
    for grid in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(grid)
    _page_number(section)


def _page_number(section) -> None:
    """`— 1 —` centred in the footer, in 4号 宋体."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    for text in ("— ", None, " —"):
        run = paragraph.add_run(text or "")
        set_fonts(run._r.get_or_add_rPr(), PAGE_NUMBER)
        run.font.size = PAGE_NUMBER_SIZE
        if text is None:
            field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
            run._r.addnext(field)


def apply_gb9704(document: WordDocument) -> None:
    """Page set-up and the styles `Normal` (body), `Title`, `Heading 1` and `Heading 2`."""
    _document_defaults(document)
    _font_table(document)
    normal = document.styles["Normal"]
    _plain(normal, BODY, BODY_SIZE)
    normal.paragraph_format.first_line_indent = Pt(32)  # two characters
    normal.element.get_or_add_rPr().append(OxmlElement("w:spacing", attrs={qn("w:val"): str(CHARACTER_SPACING)}))
    title = document.styles["Title"]
    _plain(title, TITLE, TITLE_SIZE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    # a blank line above and below the title, none between the lines of a title in several paragraphs
    title.paragraph_format.space_before = title.paragraph_format.space_after = Pt(LINE_PITCH_TWIPS / 20)
    title.element.get_or_add_pPr().append(OxmlElement("w:contextualSpacing"))
    for name, face in (("Heading 1", HEADING_1), ("Heading 2", HEADING_2)):
        _plain(document.styles[name], face, BODY_SIZE)
    _page(document)

