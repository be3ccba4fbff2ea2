"""Generate a benchmark corpus of realistic documents from the bundled fixtures.

Each generated document is a fixture with variations: another place name and year, paragraphs
shuffled within their section, repeated or dropped paragraphs — so sizes range over 5–30 KB and
no two documents are identical.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
PLACES = ["青山县", "临江市", "东湖区", "白云县", "金沙市", "南屏区", "云岭县", "长河市", "北川区", "松阳县"]


def seed_documents() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.glob("*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue  # encoding variants of the same documents
    if not texts:
        raise SystemExit(f"no UTF-8 .txt fixtures found in {FIXTURES}")
    return texts


def vary(text: str, rng: random.Random, target_kb: int) -> str:
    lines = text.split("\n")
    head, body = lines[:8], lines[8:]
    paragraphs = [line for line in body if len(line) > 60]
    out = list(head)
    for line in body:
        out.append(line)
        if len(line) > 60 and rng.random() < 0.3:
            out.append(rng.choice(paragraphs))
    doc = "\n".join(out)
    while len(doc.encode("utf-8")) < target_kb * 1024 and paragraphs:
        doc += "\n" + rng.choice(paragraphs)
    year = rng.randint(2016, 2024)
    return doc.replace("2021", str(year)).replace("2022", str(year + 1)).replace("某县", rng.choice(PLACES))


def generate(out_dir: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    seeds = seed_documents()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        text = vary(rng.choice(seeds), rng, rng.randint(5, 30))
        path = out_dir / f"doc{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    paths = generate(args.out_dir, args.count)
    total = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} documents, {total / 1e6:.1f} MB, to {args.out_dir}")


if __name__ == "__main__":
    main()
