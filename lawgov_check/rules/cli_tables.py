"""Plain-text views of the rule catalogue for `rules list` and `rules show`."""

from __future__ import annotations

from typing import Any

from wcwidth import wcswidth

from .loader import Catalogue, Rule, Ruleset


def _width(text: str) -> int:
    w = wcswidth(text)
    return w if w >= 0 else len(text)


def _applicability(ruleset: Ruleset, rule: Rule) -> str:
    text = ruleset.applies_to.describe()
    if rule.has_own_applicability:
        text += f"；本规则另限 {rule.applies_to.describe()}"
    return text


def rule_rows(catalogue: Catalogue, lang: str = "zh") -> list[dict[str, Any]]:
    return [{"code": rule.code, "severity": rule.severity, "status": rule.status, "name": rule.name,
             "summary": rule.summary.get(lang, rule.summary["zh"]),
             "basis": "；".join(b.cite() for b in rule.basis),
             "applies_to": _applicability(ruleset, rule),
             "ruleset": ruleset.id, "ruleset_version": ruleset.version}
            for ruleset, rule in catalogue.rules()]


def table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """Columns aligned by display width (CJK characters take two cells)."""
    widths = {c: max([_width(c)] + [_width(str(r[c])) for r in rows]) for c in columns[:-1]}
    lines = []
    for row in [dict(zip(columns, columns))] + rows:
        cells = [str(row[c]) + " " * (widths[c] - _width(str(row[c]))) for c in columns[:-1]]
        lines.append("  ".join(cells + [str(row[columns[-1]])]).rstrip())
    return "\n".join(lines)


def _example_text(example: Any) -> str:
    text = example if isinstance(example, str) else example["text"]
    extra = "" if isinstance(example, str) else " ".join(
        f"[{k}={v}]" for k, v in example.items() if k != "text")
    return (extra + " " if extra else "") + text.replace("\n", "⏎")


def describe_rule(ruleset: Ruleset, rule: Rule, *, lang: str = "zh") -> str:
    pick = lambda d: d.get(lang, d["zh"])  # noqa: E731
    lines = [f"{rule.code}  {rule.name}  [{rule.severity}, {rule.status}]",
             f"规则集: {ruleset.id} {pick(ruleset.name)} {ruleset.version}",
             "", f"摘要: {pick(rule.summary)}", f"消息: {pick(rule.message)}", f"建议: {pick(rule.suggestion)}",
             "", "依据:"]
    for b in rule.basis:
        extra = "，".join(x for x in (f"施行 {b.effective}" if b.effective else "", b.certainty or "") if x)
        lines.append(f"  - {b.cite()}" + (f"（{extra}）" if extra else ""))
    lines += ["", f"适用范围: {_applicability(ruleset, rule)}", f"检查类型: {rule.check['kind']}", "", "示例（通过）:"]
    lines += [f"  - {_example_text(e)}" for e in rule.examples["pass"]]
    lines += ["示例（不通过）:"]
    lines += [f"  - {_example_text(e)}" for e in rule.examples["fail"]]
    return "\n".join(lines)
