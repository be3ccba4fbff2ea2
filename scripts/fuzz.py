"""A mutation-fuzzing campaign over the whole checker (outside CI: thousands of cases).

    python scripts/fuzz.py --cases 3000 --out /tmp/fuzz [--seed 1] [--targets txt,docx,docx-xml,pdf,text]

Targets:
  txt       byte mutations of fixtures/sample_annual_report.txt (and its GB18030/UTF-16 variants)
  docx      byte mutations of fixtures/sample_annual_report.docx (mostly corrupt archives)
  docx-xml  inside a well-formed package: byte mutations of word/document.xml (the XML reader), or
            run texts replaced by document fragments (well-formed: reaches parser and rules)
  pdf       byte mutations of fixtures/sample_annual_report.pdf
  text      random structure-heavy text built from document fragments (parser, facts and rules)
  real-txt  fragments of the real pages in ../shared/corpus/real (read at run time, never copied),
            shuffled, joined, split and sprinkled with markers, table rules and odd characters,
            then byte-mutated now and then, in UTF-8, GB18030 or UTF-16
  real-docx the same fragments as Word paragraphs, many with automatic numbering from a random
            numbering part (start values, formats, level texts, restarts — sane and absurd)
  real-pdf  the same fragments drawn through a font whose ToUnicode map is random (surrogates,
            multi-character and out-of-range targets, bfranges), sometimes byte-mutated

Every case runs ingest → normalize → parse → facts → rules → every reporter through
`lawgov_check.api.check_bytes`, by default in a worker process with a time limit
(`check_bytes(timeout=…)`), so a hang inside C code is caught too and the peak memory of every
case is measured (the largest resident size of any worker, from getrusage). The campaign is
replayable: the same --seed and --cases give the same inputs (`--only N` re-runs case N). A case fails when an exception escapes, when the API reports an
internal error ("无法处理", its catch-all for unexpected exceptions), when it exceeds the per-case
time limit, when a finding lies outside the document, or when a reporter raises. Failing inputs
are saved under --out with a traceback; a summary is printed (and written to --out/summary.json).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import resource
import signal
import sys
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lawgov_check import __version__  # noqa: E402
from lawgov_check.api import CheckOptions, check_bytes, load_rules  # noqa: E402
from lawgov_check.model import RunResult  # noqa: E402
from lawgov_check.report import FORMATS, render  # noqa: E402

FIXTURES = REPO / "fixtures"
FRAGMENTS = [
    "一、", "（一）", "(二)", "1.", "（1）", "①", "第一条", "第一章", "第一节", "附件：", "附件1", "某某县人民政府",
    "关于2021年度法治政府建设情况的报告", "市人民政府：", "2022年3月15日", "2021-13-45", "二〇二二年三月",
    "共审结案件40件，其中维持25件，驳回8件，纠错10件。", "纠错率为17.6%", "征求意见期限为7天", "不少于30日",
    "30个工作日", "《重大行政决策程序暂行条例》", "（国务院令第713号）", "X政发〔2021〕5号", "〔2021〕",
    "合法性审查", "集体讨论决定", "公开征求意见", "索引号: 1133/2022-00031", "成文日期: 2022-03-15",
    "抄送：", "印发", "\u3000\u3000", "\n", "\n\n", "\r\n", "\t", " ", "\ufeff", "\u200b", "\ufffd", "關於",
    "（", "）", "、", "。", "%", "0", "9", "十", "百", "千万", "亿元", "a", "？", "\x00", "\u202e",
]
MUTATIONS = ("flip", "cut", "insert", "zero", "duplicate", "splice_magic")
MAGIC = [b"%PDF-1.7", b"PK\x03\x04", b"<!DOCTYPE", b"<w:p>", b"</w:p>", b"stream\n", b"endobj", b"obj <<",
         b"/Parent 2 0 R", b"/Kids [", b"\xff\xfe", b"\xef\xbb\xbf", "一、".encode(), "（一）".encode()]


CORPUS = REPO.parent / "shared" / "corpus" / "real"


class CaseTimeout(Exception):
    pass


def corpus_lines() -> list[str]:
    """Non-empty lines of the real pages (read at run time; absent corpus: no real-* targets)."""
    lines: list[str] = []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt")):
            lines += [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return lines


STRUCTURE = ["---|---|---", "|  |  |", "| --- | --- |", "－－－｜　　｜", "一、", "（一）", "1.", "（1）", "第一条",
             "附件：", "抄送：", "\t", "\u3000" * 40, " " * 300, "|" * 50, "-" * 200, "%PDF-1.7", "\x1b[2J",
             "\ud800", "\udcff", "\ufffd", "9" * 40, "二〇二二年三月十五日", "〔2021〕", "：", "《", "》"]


def real_text(rng: random.Random, lines: list[str]) -> str:
    """Real-page fragments with structural mutations: a document-like text nobody wrote."""
    out: list[str] = []
    for _ in range(rng.randint(1, 120)):
        line = rng.choice(lines)
        if rng.random() < 0.3:
            a = rng.randrange(len(line))
            line = line[a:a + rng.randint(1, 200)]
        roll = rng.random()
        if roll < 0.15:
            line = rng.choice(STRUCTURE) + line
        elif roll < 0.25:
            line = line + rng.choice(STRUCTURE) * rng.randint(1, 30)
        elif roll < 0.3 and out:
            out[-1] += line  # joined lines, as a PDF row of a table
            continue
        elif roll < 0.35:
            line = line * rng.randint(2, 50)
        out.append(line)
    if rng.random() < 0.2:
        rng.shuffle(out)
    return rng.choice(["\n", "\n", "\r\n", "\n\n"]).join(out)


def _encode_text(text: str, rng: random.Random) -> bytes:
    return text.encode(rng.choice(["utf-8", "utf-8", "gb18030", "utf-16"]), errors="replace")


def real_txt(rng: random.Random, lines: list[str]) -> bytes:
    data = _encode_text(real_text(rng, lines), rng)
    return mutate(data, rng, rng.randint(1, 8)) if rng.random() < 0.3 else data


_NUM_FORMATS = ["decimal", "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                "ideographDigital", "ideographTraditional", "ideographZodiac", "decimalEnclosedCircle",
                "decimalFullWidth", "decimalZero", "upperLetter", "lowerLetter", "upperRoman", "lowerRoman",
                "bullet", "none", "taiwaneseCounting", "bogusFormat"]
_STARTS = ["1", "0", "-1", "-5", "2", "32767", "32768", "99999", "10000000000000", "99999999999999999999",
           "1e3", "", "x", "1" * 5000]


def random_numbering(rng: random.Random) -> bytes:
    levels = []
    for ilvl in rng.sample(range(0, 12), rng.randint(1, 9)):
        text = rng.choice(["%1、", "（%1）", "%1.", "%1.%2.", "(%2)", "%1" * rng.randint(1, 5000), "第%1条", "%9%8%7",
                           "", "%0", "%%1", "%1" * 40 + "x" * 400])
        restart = f'<w:lvlRestart w:val="{rng.choice(["0", "1", "2", "-1", "99"])}"/>' if rng.random() < 0.2 else ""
        legal = '<w:isLgl/>' if rng.random() < 0.1 else ""
        levels.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{rng.choice(_STARTS)}"/>'
                      f'<w:numFmt w:val="{rng.choice(_NUM_FORMATS)}"/>{restart}{legal}'
                      f'<w:lvlText w:val="{text}"/></w:lvl>')
    overrides = "".join(f'<w:lvlOverride w:ilvl="{rng.randint(0, 9)}"><w:startOverride w:val="{rng.choice(_STARTS)}"/>'
                        f'</w:lvlOverride>' for _ in range(rng.randint(0, 3)))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering '
           'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:abstractNum w:abstractNumId="0">{"".join(levels)}</w:abstractNum>'
           f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{overrides}</w:num>'
           '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    return xml.encode("utf-8")


def _xml_text(text: str) -> str:
    text = "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                                                             and ch not in "\ufffe\uffff"))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def real_docx(rng: random.Random, lines: list[str], package: bytes) -> bytes:
    paragraphs = []
    for line in real_text(rng, lines).splitlines():
        numbered = rng.random() < 0.4
        num_pr = (f'<w:pPr><w:numPr><w:ilvl w:val="{rng.randint(0, 9)}"/><w:numId w:val="{rng.choice(["1", "1", "2", "7"])}"/>'
                  f'</w:numPr></w:pPr>') if numbered else ""
        paragraphs.append(f'<w:p>{num_pr}<w:r><w:t xml:space="preserve">{_xml_text(line)}</w:t></w:r></w:p>')
    if rng.random() < 0.2:  # numbered paragraphs by the thousand
        paragraphs += ['<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>'] \
            * rng.randint(100, 5000)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document '
                'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(paragraphs) + "</w:body></w:document>").encode("utf-8")
    numbering = random_numbering(rng)
    if rng.random() < 0.15:
        numbering = mutate(numbering, rng, rng.randint(1, 4))
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = {"word/document.xml": document, "word/numbering.xml": numbering}.get(item.filename)
            target.writestr(item.filename, content if content is not None else source.read(item))
    return out.getvalue()


def _cmap_target(ch: str, rng: random.Random, odd: float) -> str:
    roll = rng.random()
    if roll < odd:
        return rng.choice(["D800", "DFFF", "DC80", "D83DDE00", "FFFE", "0000", "001B", "FFFF" * 40, "4E2D" * 300])
    if roll < odd * 1.5:
        return "".join(rng.choice("0123456789ABCDEF") for _ in range(rng.choice([1, 3, 5, 7, 8])))
    return ch.encode("utf-16-be", errors="surrogatepass").hex().upper()


def real_pdf(rng: random.Random, lines: list[str]) -> bytes:
    text_lines = real_text(rng, lines).splitlines()[:60]
    chars = sorted({ch for line in text_lines for ch in line})[:254] or ["x"]
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    odd = rng.choice([0, 0, 0.005, 0.02, 0.1])  # how often a map entry is absurd in this document
    entries = [f"<{code[ch]:02X}> <{_cmap_target(ch, rng, odd)}>" for ch in chars]
    ranges = ""
    if rng.random() < 0.2:
        ranges = f"1 beginbfrange <00> <FF> <{rng.choice(['4E00', 'D7F0', 'FFF0', 'DBFF'])}> endbfrange "
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            + f"{len(entries)} beginbfchar {' '.join(entries)} endbfchar {ranges}endcmap end end".encode("ascii"))
    ops = [b"BT /F1 10 Tf 72 760 Td 12 TL"]
    for line in text_lines:
        ops.append(b"<" + "".join(f"{code.get(ch, 1):02X}" for ch in line[:300]).encode("ascii") + b"> Tj T*")
    ops.append(b"ET")
    content = b"\n".join(ops)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        6: b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    }
    data = _build_pdf(objects)
    return mutate(data, rng, rng.randint(1, 6)) if rng.random() < 0.25 else data


def _build_pdf(objects: dict[int, bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[number])
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


@dataclass
class Campaign:
    out: Path
    limit_seconds: float
    counts: Counter = field(default_factory=Counter)
    by_target: Counter = field(default_factory=Counter)
    failures: dict[str, dict] = field(default_factory=dict)
    endings: Counter = field(default_factory=Counter)
    slowest: list[tuple[float, str]] = field(default_factory=list)


def mutate(data: bytes, rng: random.Random, rounds: int) -> bytes:
    buffer = bytearray(data)
    for _ in range(rounds):
        if not buffer:
            buffer = bytearray(b"x")
        position = rng.randrange(len(buffer))
        action = rng.choice(MUTATIONS)
        if action == "flip":
            buffer[position] ^= 1 << rng.randrange(8)
        elif action == "cut":
            del buffer[position:position + rng.randint(1, 256)]
        elif action == "insert":
            buffer[position:position] = rng.randbytes(rng.randint(1, 32))
        elif action == "zero":
            buffer[position:position + 16] = b"\0" * 16
        elif action == "duplicate":
            start = rng.randrange(len(buffer))
            buffer[position:position] = buffer[start:start + rng.randint(1, 512)]
        else:
            buffer[position:position] = rng.choice(MAGIC)
    return bytes(buffer)


_RUN_TEXT = re.compile(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


def _replace_run_texts(xml: bytes, rng: random.Random) -> bytes:
    """Well-formed XML whose run texts are replaced by random document fragments."""
    def replace(match: re.Match) -> bytes:
        if rng.random() > 0.3:
            return match.group(0)
        text = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 6)))
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace("\x00", "")
        return match.group(1) + escaped.encode("utf-8") + match.group(3)
    return _RUN_TEXT.sub(replace, xml)


def docx_with_mutated_xml(package: bytes, rng: random.Random) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    well_formed = rng.random() < 0.5
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename in ("word/document.xml", "word/numbering.xml", "word/styles.xml") and \
                    (item.filename == "word/document.xml" or rng.random() < 0.2):
                if well_formed and item.filename == "word/document.xml":
                    content = _replace_run_texts(content, rng)
                elif not well_formed:
                    content = mutate(content, rng, rng.randint(1, 6))
            target.writestr(item.filename, content)
    return out.getvalue()


def random_text(rng: random.Random) -> bytes:
    pieces = []
    for _ in range(rng.randint(1, 200)):
        if rng.random() < 0.8:
            pieces.append(rng.choice(FRAGMENTS))
        else:
            pieces.append("".join(chr(rng.randint(0x20, 0x9FFF)) for _ in range(rng.randint(1, 6))))
    return "".join(pieces).encode(rng.choice(["utf-8", "utf-8", "gb18030", "utf-16"]), errors="replace")


def make_case(target: str, rng: random.Random, seeds: dict[str, list[bytes]],
              lines: list[str] | None = None) -> tuple[bytes, str]:
    if target == "real-txt":
        return real_txt(rng, lines or ["空"]), "real.txt"
    if target == "real-docx":
        return real_docx(rng, lines or ["空"], seeds["docx"][0]), "real.docx"
    if target == "real-pdf":
        return real_pdf(rng, lines or ["空"]), "real.pdf"
    if target == "text":
        return random_text(rng), "generated.txt"
    if target == "docx-xml":
        return docx_with_mutated_xml(seeds["docx"][0], rng), "mutated.docx"
    seed = rng.choice(seeds[target])
    return mutate(seed, rng, rng.choice([1, 1, 2, 4, 8, 32])), f"mutated.{target}"


def check_invariants(result, name: str) -> list[str]:
    problems = []
    for error in result.errors:
        if "无法处理" in error:
            problems.append(f"internal error: {error}")
        elif not error.startswith(f"{name}: ") and not error.startswith("规则"):
            problems.append(f"error does not name the file: {error}")
        if "\n" in error:
            problems.append("multi-line error")
    for finding in result.findings:
        start, end = finding.span
        if not 0 <= start <= end:
            problems.append(f"bad span {finding.span} for {finding.code}")
        if finding.location.line < 1 or finding.location.column < 1:
            problems.append(f"bad location {finding.location} for {finding.code}")
    return problems


def run_case(data: bytes, name: str, rules, timeout: float | None = None) -> tuple[list[str], str]:
    """Broken invariants, and how the input ended: "read" or "refused"."""
    result = check_bytes(data, name, options=CheckOptions(keep_text=True), timeout=timeout)
    problems = check_invariants(result, name)
    problems += [f"hang: {e}" for e in result.errors if "处理超时" in e]
    problems += [f"worker died: {e}" for e in result.errors if "处理进程意外退出" in e]
    run = RunResult(documents=[result], rules=rules, tool_version=__version__)
    outputs = {fmt: render(fmt, run) for fmt in FORMATS}
    json.loads(outputs["json"])
    json.loads(outputs["sarif"])
    refused = any(e.startswith(f"{name}: ") for e in result.errors)
    return problems, "refused" if refused else "read"


def _alarm(_signum, _frame):
    raise CaseTimeout


def record(campaign: Campaign, kind: str, detail: str, data: bytes, name: str, index: int) -> None:
    key = f"{kind}: {detail.splitlines()[-1][:160] if detail else ''}"
    campaign.counts[kind] += 1
    if key in campaign.failures:
        campaign.failures[key]["count"] += 1
        return
    sample = campaign.out / f"failure-{len(campaign.failures):03d}-{name}"
    sample.write_bytes(data)
    campaign.failures[key] = {"kind": kind, "detail": detail, "sample": str(sample), "case": index, "count": 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-out"))
    parser.add_argument("--targets", default="txt,docx,docx-xml,pdf,text,real-txt,real-docx,real-pdf")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per case before it counts as a hang")
    parser.add_argument("--in-process", action="store_true",
                        help="run cases in this process (faster; no memory figure, hangs in C not caught)")
    parser.add_argument("--only", type=int, help="run only case N of the campaign (to replay a failure)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    seeds = {
        "txt": [(FIXTURES / f"sample_annual_report.{s}").read_bytes() for s in ("txt", "gb18030.txt", "utf16.txt")],
        "docx": [(FIXTURES / "sample_annual_report.docx").read_bytes()],
        "pdf": [(FIXTURES / "sample_annual_report.pdf").read_bytes()],
    }
    targets = args.targets.split(",")
    lines = corpus_lines()
    if not lines:
        targets = [t for t in targets if not t.startswith("real-")]
        print(f"{CORPUS} not found: real-* targets left out", file=sys.stderr)
    rules = load_rules().rule_infos()
    peak_kb, peak_case = 0, ""
    # Load in this process what the per-case workers need (parsers, cn2an, the grammar), so that
    # forked workers start with it instead of importing it again for every case.
    import cn2an  # noqa: F401
    for seed in (seeds["txt"][0], seeds["docx"][0], seeds["pdf"][0]):
        run_case(seed, "warm-up" + {b"%P": ".pdf", b"PK": ".docx"}.get(seed[:2], ".txt"), rules)
    campaign = Campaign(args.out, args.limit)
    signal.signal(signal.SIGALRM, _alarm)
    started = time.monotonic()
    for index in range(args.cases):
        target = targets[index % len(targets)]
        data, name = make_case(target, rng, seeds, lines)
        if args.only is not None and index != args.only:
            continue
        campaign.by_target[target] += 1
        case_started = time.monotonic()
        isolate = not args.in_process
        signal.setitimer(signal.ITIMER_REAL, args.limit * (2 if isolate else 1))
        try:
            problems, ending = run_case(data, name, rules, args.limit if isolate else None)
        except CaseTimeout:
            record(campaign, "timeout", f"over {args.limit:g} s", data, name, index)
            continue
        except Exception:  # an exception escaping the API is exactly what we look for
            record(campaign, "exception", traceback.format_exc(), data, name, index)
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.monotonic() - case_started
        children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if children_kb > peak_kb:
            peak_kb, peak_case = children_kb, f"{target} case {index}"
        campaign.slowest = sorted(campaign.slowest + [(elapsed, f"{target} case {index}")], reverse=True)[:5]
        for problem in problems:
            record(campaign, "invariant", problem, data, name, index)
        campaign.counts["ok" if not problems else "failed"] += 1
        campaign.endings[f"{target}:{ending}"] += 1
        if (index + 1) % 500 == 0:
            print(f"{index + 1} cases, {time.monotonic() - started:.0f} s, {dict(campaign.counts)}", file=sys.stderr)
    summary = {
        "cases": args.cases, "seed": args.seed, "seconds": round(time.monotonic() - started, 1),
        "by_target": dict(campaign.by_target), "outcomes": dict(campaign.counts),
        "endings": dict(sorted(campaign.endings.items())),
        "slowest": [(round(s, 2), what) for s, what in campaign.slowest],
        "peak_worker_rss_mb": round(peak_kb / 1024, 1), "peak_case": peak_case,
        "campaign_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "failures": list(campaign.failures.values()),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "failures"}, ensure_ascii=False))
    for failure in campaign.failures.values():
        print(f"\n[{failure['kind']} ×{failure['count']}] {failure['sample']}\n{failure['detail'][-1500:]}")
    return 1 if campaign.failures else 0


if __name__ == "__main__":
    sys.exit(main())
