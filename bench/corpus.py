"""Generate a benchmark corpus of realistic documents of all three kinds, as .txt, .docx and .pdf.

    python bench/corpus.py OUT_DIR [--txt 1000] [--docx 200] [--pdf 100]

- annual reports (法治政府建设年度报告): the fixtures' reports with another place and year, paragraphs
  repeated or added from the same report until the target size;
- normative documents (行政规范性文件): a 印发 notice carrying a 管理办法 in chapters and articles,
  built from bench/seeds/articles.txt and bench/seeds/subjects.txt;
- comment notices (征求意见公告) carrying the draft; some as scraped web pages (breadcrumb,
  counters, 【打印】【关闭】), some in traditional characters.

Every document is 5–30 KB of UTF-8 text; the seed makes the corpus reproducible.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SEEDS = Path(__file__).resolve().parent / "seeds"
PLACES = ["青山县", "临江市", "东湖区", "白云县", "金沙市", "南屏区", "云岭县", "长河市", "北川区", "松阳县"]
CHAPTERS = ["总则", "规划与建设", "审批管理", "运营与服务", "监督检查", "法律责任", "附则"]
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 45 → 四十五, 108 → 一百零八 (enough for article numbers)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    middle = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10 else
                                   ("一" if rest < 20 else "") + chinese_number(rest))
    return _DIGITS[n // 100] + "百" + middle


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.articles = _lines(SEEDS / "articles.txt")
        self.subjects = [tuple(line.split("|")) for line in _lines(SEEDS / "subjects.txt")]
        self.reports = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))
                        if p.name.startswith(("sample_annual_report.txt", "ar_"))]
        if not self.reports:
            raise SystemExit(f"no annual-report fixtures in {FIXTURES}")
        self._t2s: Callable[[str], str] | None = None

    # ── annual report ──────────────────────────────────────────────────────────────────────────
    def annual_report(self, target: int) -> str:
        rng = self.rng
        text = rng.choice(self.reports)
        lines = text.split("\n")
        paragraphs = [line for line in lines if len(line) > 60] or lines
        out = []
        for line in lines:
            out.append(line)
            if len(line) > 60 and rng.random() < 0.3:
                out.append(rng.choice(paragraphs))
        doc = "\n".join(out)
        while _size(doc) < target:
            doc += "\n" + rng.choice(paragraphs)
        year = rng.randint(2016, 2023)
        place = rng.choice(PLACES)
        doc = doc.replace("2022", str(year + 1)).replace("2021", str(year))
        return re.sub("清溪县|某县|某某市", place, doc)

    # ── normative document ─────────────────────────────────────────────────────────────────────
    def _measure(self, place: str, subject: str, dept: str, target: int, year: int) -> list[str]:
        level = place[-1]
        fill = lambda s: s.format(place=place, subject=subject, dept=place + dept, level=level,  # noqa: E731
                                  year=year)
        general, middle, closing = self.articles[:5], self.articles[5:-3], self.articles[-3:]
        body = [fill(a) for a in general]
        size = sum(_size(a) + 20 for a in body + closing) + 60
        while size < target:
            article = fill(self.rng.choice(middle))
            body.append(article)
            size += _size(article) + 20
        body += [fill(a) for a in closing]
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        body.append(f"本办法自{year}年{month}月{day}日起施行，有效期5年。")
        out, chapter = [], 0
        per_chapter = max(3, len(body) // len(CHAPTERS) + 1)
        for i, article in enumerate(body, 1):
            if (i - 1) % per_chapter == 0 and chapter < len(CHAPTERS):
                chapter += 1
                name = CHAPTERS[chapter - 1] if chapter < len(CHAPTERS) and i + per_chapter <= len(body) else "附则"
                out.append(f"第{chinese_number(chapter)}章　{name}")
            out.append(f"　　第{chinese_number(i)}条　{article}")
        return out

    def normative(self, target: int) -> str:
        rng = self.rng
        place = rng.choice(PLACES)
        subject, dept = rng.choice(self.subjects)
        year = rng.randint(2016, 2023)
        title = f"{place}{subject}管理办法"
        head = [
            f"{place}人民政府文件", "",
            f"{place[0]}政规〔{year}〕{rng.randint(1, 30)}号", "",
            f"{place}人民政府关于印发{title}的通知", "",
            f"各乡镇人民政府、街道办事处，{place[-1]}政府各部门、各直属单位：",
            f"　　《{title}》已经{place[-1]}政府第{rng.randint(3, 60)}次常务会议审议通过，现印发给你们，请认真贯彻执行。",
            "",
            f"{place}人民政府",
            f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            "",
            title, "",
        ]
        return "\n".join(head + self._measure(place, subject, dept, target - _size("\n".join(head)), year))

    # ── comment notice ─────────────────────────────────────────────────────────────────────────
    def notice(self, target: int) -> str:
        rng = self.rng
        place = rng.choice(PLACES)
        subject, dept = rng.choice(self.subjects)
        year = rng.randint(2016, 2023)
        month, day = rng.randint(1, 11), rng.randint(1, 20)
        organ = place + dept
        title = f"{place}{subject}管理办法（征求意见稿）"
        head = [
            f"关于公开征求《{title}》意见的公告", "",
            f"发布日期：{year}-{month:02d}-{day:02d}  来源：{organ}", "",
            f"　　为进一步规范{subject}管理，提高行政规范性文件制定的透明度和公众参与度，现将《{title}》全文公布，"
            f"公开征求社会各界意见。有关单位和个人可在{year}年{month + 1}月{day + rng.randint(0, 8)}日前，通过以下方式提出意见：",
            f"　　一、登录{place}人民政府门户网站“政民互动—意见征集”栏目提出意见。",
            "　　二、发送电子邮件至fzk@example.gov.cn，邮件主题请注明“征求意见”。",
            f"　　三、信函寄至{organ}政策法规科（{place}人民路{rng.randint(1, 200)}号），并在信封上注明“征求意见”字样。",
            f"　　联系人：王某某，联系电话：0571-8{rng.randint(1000000, 9999999)}。", "",
            f"　　附件：{title}", "",
            organ, f"{year}年{month}月{day}日", "",
            title, "",
        ]
        text = "\n".join(head + self._measure(place, subject, dept, target - _size("\n".join(head)), year + 1))
        roll = rng.random()
        if roll < 0.15:  # scraped from a web page, furniture and all
            text = ("当前位置：首页 > 政务公开 > 意见征集\n" + text.replace("\n\n", "\n", 1)
                    + f"\n访问次数：{rng.randint(10, 9000)}  【打印】 【关闭】\n分享到：微信 微博")
        elif roll < 0.25:
            text = self._to_traditional(text)
        return text

    def _to_traditional(self, text: str) -> str:
        if self._t2s is None:
            import opencc

            self._t2s = opencc.OpenCC("s2t").convert
        return self._t2s(text)

    def document(self, index: int) -> tuple[str, str]:
        kind = ("annual_report", "normative", "notice")[index % 3]
        target = self.rng.randint(5, 30) * 1024
        return kind, getattr(self, kind)(target)


def write_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))


def find_font() -> str | None:
    return next((f for f in FONT_CANDIDATES if Path(f).is_file()), None)


def write_pdf(text: str, path: Path, font: str) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(28, 37, 26)
    pdf.add_font("cjk", fname=font, collection_font_number=0)
    pdf.set_font("cjk", size=14)
    pdf.add_page()
    for line in text.split("\n"):
        pdf.multi_cell(0, 9, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def generate(out_dir: Path, txt: int = 1000, docx: int = 0, pdf: int = 0, seed: int = 7) -> dict[str, list[Path]]:
    """Write txt/, docx/ and pdf/ under `out_dir`; returns the paths by format."""
    gen = Generator(seed)
    written: dict[str, list[Path]] = {"txt": [], "docx": [], "pdf": []}
    font = find_font() if pdf else None
    for fmt, count in (("txt", txt), ("docx", docx), ("pdf", pdf)):
        if not count:
            continue
        if fmt == "pdf" and font is None:
            print("no CJK font found: skipping PDFs (apt-get install fonts-wqy-microhei)")
            continue
        directory = out_dir / fmt
        directory.mkdir(parents=True, exist_ok=True)
        for i in range(count):
            kind, text = gen.document(i)
            path = directory / f"{kind}_{i:04d}.{fmt}"
            if fmt == "txt":
                path.write_text(text, encoding="utf-8")
            elif fmt == "docx":
                write_docx(text, path)
            else:
                write_pdf(text, path, font)  # type: ignore[arg-type]
            written[fmt].append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--txt", type=int, default=1000)
    parser.add_argument("--docx", type=int, default=200)
    parser.add_argument("--pdf", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    written = generate(args.out_dir, args.txt, args.docx, args.pdf, args.seed)
    for fmt, paths in written.items():
        if paths:
            total = sum(p.stat().st_size for p in paths)
            print(f"wrote {len(paths)} .{fmt} files, {total / 1e6:.1f} MB, to {args.out_dir / fmt}")


if __name__ == "__main__":
    main()
