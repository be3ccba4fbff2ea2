"""Plain-text views of the rule catalogue for `rules list` and `rules show`."""

from __future__ import annotations

import re
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
             "ruleset": ruleset.id, "ruleset_version": ruleset.version,
             "source": {"origin": ruleset.origin, "package": ruleset.package, "path": ruleset.path}}
            for ruleset, rule in catalogue.rules()]


def listing(catalogue: Catalogue, columns: int, lang: str = "zh") -> str:
    """Rules grouped by ruleset, wrapped to `columns` display cells: per ruleset its name, version,
    source and applicability; per rule a line with code, severity and name, then its summary and
    basis indented below."""
    from ..cli_help import wrap

    pick = lambda d: d.get(lang, d["zh"])  # noqa: E731
    lines: list[str] = []
    for ruleset in catalogue.rulesets:
        lines += wrap(f"{ruleset.id} {pick(ruleset.name)} {ruleset.version}（{ruleset.source()}）", columns)
        lines += wrap(f"适用范围: {ruleset.applies_to.describe()}", columns, "  ")
        for rule in ruleset.rules:
            status = "" if rule.status == "active" else f" [{rule.status}]"
            head = f"  {rule.code}  {rule.severity:<7}  {rule.name}{status}"
            lines += [head] if _width(head) <= columns else wrap(head, columns, "  ")
            lines += wrap(pick(rule.summary), columns, "        ")
            lines += wrap("依据: " + "；".join(b.cite() for b in rule.basis), columns, "        ")
            if rule.has_own_applicability:
                lines += wrap(f"另限: {rule.applies_to.describe()}", columns, "        ")
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _example_text(example: Any) -> str:
    text = example if isinstance(example, str) else example["text"]
    extra = "" if isinstance(example, str) else " ".join(
        f"[{k}={v}]" for k, v in example.items() if k != "text")
    return (extra + " " if extra else "") + text.replace("\n", "⏎")


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _example_messages(catalogue: Catalogue, rule: Rule, lang: str) -> list[tuple[str, str]]:
    """(message, suggestion) of the rule on its own failing examples, as a user would see them."""
    from .examples import run_example

    seen: list[tuple[str, str]] = []
    for example in rule.examples["fail"]:
        try:
            findings, _ = run_example(catalogue, rule, example, lang=lang)
        except Exception:  # an example that cannot run is the meta-tests' business, not the reader's
            continue
        seen += [(f.message, f.suggestion) for f in findings if (f.message, f.suggestion) not in seen]
    return seen


def _templates(catalogue: Catalogue | None, rule: Rule, lang: str) -> list[str]:
    pick = lambda d: d.get(lang, d["zh"])  # noqa: E731
    lines = [f"消息: {pick(rule.message)}", f"建议: {pick(rule.suggestion)}"]
    if catalogue is None or not _PLACEHOLDER.search(pick(rule.message) + pick(rule.suggestion)):
        return lines
    lines.append("  （{…} 处由检查结果填入，例如在“示例（不通过）”上的实际输出：）")
    for message, suggestion in _example_messages(catalogue, rule, lang):
        lines += [f"  - 消息: {message}", f"    建议: {suggestion}"]
    return lines


def _reads(ruleset: Ruleset, rule: Rule) -> list[str]:
    """What the check reads: facts and document fields, the predicate, vocabularies, parameters."""
    from .kinds._common import reads
    from .loader import refs

    check, lines = rule.check, []
    if check.get("name"):
        lines.append(f"谓词: {check['name']}")
    if reads(check):
        lines.append(f"读取: {', '.join(reads(check))}")
    for name in dict.fromkeys(refs(check, "vocab")):
        vocabulary = ruleset.vocabularies.get(name)
        words = [*vocabulary.phrases, *vocabulary.patterns] if vocabulary else []
        lines.append(f"词表 {name}: {'、'.join(words)}")
    for name in dict.fromkeys(refs(check, "param")):
        lines.append(f"参数 {name}: {ruleset.parameters.get(name)}")
    return lines


def describe_rule(ruleset: Ruleset, rule: Rule, *, lang: str = "zh", catalogue: Catalogue | None = None) -> str:
    """One rule in full; with the `catalogue`, message templates are followed by the messages the
    rule gives on its failing examples."""
    pick = lambda d: d.get(lang, d["zh"])  # noqa: E731
    lines = [f"{rule.code}  {rule.name}  [{rule.severity}, {rule.status}]",
             f"规则集: {ruleset.id} {pick(ruleset.name)} {ruleset.version}（{ruleset.source()}）",
             "", f"摘要: {pick(rule.summary)}", *_templates(catalogue, rule, lang),
             "", "依据:"]
    for b in rule.basis:
        extra = "，".join(x for x in (f"施行 {b.effective}" if b.effective else "", b.certainty or "") if x)
        lines.append(f"  - {b.cite()}" + (f"（{extra}）" if extra else ""))
    lines += ["", f"适用范围: {_applicability(ruleset, rule)}", f"检查类型: {rule.check['kind']}", *_reads(ruleset, rule)]
    if rule.fix:
        lines.append(f"自动修正（check --fix）: {rule.fix}（仅在修正唯一确定时）")
    lines += ["", "示例（通过）:"]
    lines += [f"  - {_example_text(e)}" for e in rule.examples["pass"]]
    lines += ["示例（不通过）:"]
    lines += [f"  - {_example_text(e)}" for e in rule.examples["fail"]]
    return "\n".join(lines)
