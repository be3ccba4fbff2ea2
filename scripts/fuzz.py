"""A mutation-fuzzing campaign over the whole checker (outside CI: thousands of cases).

    python scripts/fuzz.py --cases 3000 --out /tmp/fuzz [--seed 1] [--targets txt,docx,docx-xml,pdf,text]

Targets:
  txt       byte mutations of fixtures/sample_annual_report.txt (and its GB18030/UTF-16 variants)
  docx      byte mutations of fixtures/sample_annual_report.docx (mostly corrupt archives)
  docx-xml  inside a well-formed package: byte mutations of word/document.xml (the XML reader), or
            run texts replaced by document fragments (well-formed: reaches parser and rules)
  pdf       byte mutations of fixtures/sample_annual_report.pdf
  text      random structure-heavy text built from document fragments (parser, facts and rules)

Every case runs ingest → normalize → parse → facts → rules → every reporter through
`lawgov_check.api.check_bytes`. A case fails when an exception escapes, when the API reports an
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


class CaseTimeout(Exception):
    pass


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


def make_case(target: str, rng: random.Random, seeds: dict[str, list[bytes]]) -> tuple[bytes, str]:
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


def run_case(data: bytes, name: str, rules) -> tuple[list[str], str]:
    """Broken invariants, and how the input ended: "read" or "refused"."""
    result = check_bytes(data, name, options=CheckOptions(keep_text=True))
    problems = check_invariants(result, name)
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
    parser.add_argument("--targets", default="txt,docx,docx-xml,pdf,text")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per case before it counts as a hang")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    seeds = {
        "txt": [(FIXTURES / f"sample_annual_report.{s}").read_bytes() for s in ("txt", "gb18030.txt", "utf16.txt")],
        "docx": [(FIXTURES / "sample_annual_report.docx").read_bytes()],
        "pdf": [(FIXTURES / "sample_annual_report.pdf").read_bytes()],
    }
    targets = args.targets.split(",")
    rules = load_rules().rule_infos()
    campaign = Campaign(args.out, args.limit)
    signal.signal(signal.SIGALRM, _alarm)
    started = time.monotonic()
    for index in range(args.cases):
        target = targets[index % len(targets)]
        data, name = make_case(target, rng, seeds)
        campaign.by_target[target] += 1
        case_started = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, args.limit)
        try:
            problems, ending = run_case(data, name, rules)
        except CaseTimeout:
            record(campaign, "timeout", f"over {args.limit:g} s", data, name, index)
            continue
        except Exception:  # an exception escaping the API is exactly what we look for
            record(campaign, "exception", traceback.format_exc(), data, name, index)
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.monotonic() - case_started
        campaign.slowest = sorted(campaign.slowest + [(elapsed, f"{target} case {index}")], reverse=True)[:5]
        for problem in problems:
            record(campaign, "invariant", problem, data, name, index)
        campaign.counts["ok" if not problems else "failed"] += 1
        campaign.endings[f"{target}:{ending}"] += 1
        if (index + 1) % 250 == 0:
            print(f"{index + 1} cases, {time.monotonic() - started:.0f} s, {dict(campaign.counts)}", file=sys.stderr)
    summary = {
        "cases": args.cases, "seed": args.seed, "seconds": round(time.monotonic() - started, 1),
        "by_target": dict(campaign.by_target), "outcomes": dict(campaign.counts),
        "endings": dict(sorted(campaign.endings.items())),
        "slowest": [(round(s, 2), what) for s, what in campaign.slowest],
        "failures": list(campaign.failures.values()),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "failures"}, ensure_ascii=False))
    for failure in campaign.failures.values():
        print(f"\n[{failure['kind']} ×{failure['count']}] {failure['sample']}\n{failure['detail'][-1500:]}")
    return 1 if campaign.failures else 0


if __name__ == "__main__":
    sys.exit(main())
