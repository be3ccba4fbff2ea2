"""Plain-text views of the rule catalogue for `rules list` and `rules show`."""

from __future__ import annotations

import re
from typing import Any

from wcwidth import wcswidth

from .loader import Catalogue, Rule, Ruleset


def _width(text: str) -> int:
    w = wcswidth(text)
    return w if w >= 0 else len(text)


# Labels of `rules list` and `rules show`: (Chinese, English).
WORDS = {
    "applies": ("适用范围", "Applies to"), "notes": ("说明", "Notes"), "also": ("本规则另限", "this rule only"), "basis": ("依据", "Basis"),
    "ruleset": ("规则集", "Ruleset"), "summary": ("摘要", "Summary"), "message": ("消息", "Message"),
    "suggestion": ("建议", "Suggestion"), "kind": ("检查类型", "Check kind"),
    "fix": ("自动修正（check --fix）", "Automatic fix (check --fix)"), "fix_when": ("仅在修正唯一确定时", "only where unambiguous"),
    "pass": ("示例（通过）", "Examples (pass)"), "fail": ("示例（不通过）", "Examples (fail)"),
    "filled": ("（{…} 处由检查结果填入，例如在“示例（不通过）”上的实际输出：）",
               "({…} is filled in from what the check found; for example, on the failing examples:)"),
    "variant": ("消息（{variant}）", "Message ({variant})"), "reads": ("读取", "Reads"),
    "vocab": ("词表", "vocabulary"), "param": ("参数", "parameter"), "predicate": ("谓词", "predicate"),
    "scope": ("范围", "scope"), "facts": ("事实", "facts"), "effective": ("施行", "in force"),
    "bundled": ("内置", "bundled"), "package": ("包", "package"), "file": ("文件", "file"),
}


def word(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return en if lang == "en" else zh


def _source(ruleset: Ruleset, lang: str) -> str:
    """Where the ruleset came from, in brackets of the language."""
    if ruleset.origin == "package":
        where = f"{word('package', lang)} {ruleset.package}"
    else:
        where = word("bundled", lang) if ruleset.origin == "bundled" else f"{word('file', lang)} {ruleset.path}"
    return f" ({where})" if lang == "en" else f"（{where}）"


def _applicability(ruleset: Ruleset, rule: Rule, lang: str = "zh") -> str:
    text = ruleset.applies_to.describe(lang)
    if rule.has_own_applicability:
        text += ("; " if lang == "en" else "；") + f"{word('also', lang)} {rule.applies_to.describe(lang)}"
    return text


def reads(ruleset: Ruleset, rule: Rule, lang: str = "zh") -> list[str]:
    """What the rule's check reads: its predicate, scope and fact families, and each vocabulary
    (with its words) and parameter (with its value) it names."""
    from .loader import refs

    check = rule.check
    lines = []
    if check.get("name"):
        lines.append(f"{word('predicate', lang)} {check['name']}")
    if check.get("scope"):
        scope = check["scope"]
        lines.append(f"{word('scope', lang)} {', '.join(scope) if isinstance(scope, list) else scope}")
    for key in ("fact", "family", "facts"):
        if isinstance(check.get(key), str):
            lines.append(f"{word('facts', lang)} {check[key]}")
    for name in dict.fromkeys(refs(check, "vocab")):
        vocabulary = ruleset.vocabularies.get(name)
        shown = "、".join([*vocabulary.phrases, *(f"/{p}/" for p in vocabulary.patterns)]) if vocabulary else "?"
        lines.append(f"{word('vocab', lang)} {name}: {shown}")
    for name in dict.fromkeys(refs(check, "param")):
        lines.append(f"{word('param', lang)} {name} = {ruleset.parameters.get(name)!r}")
    return lines


def rule_rows(catalogue: Catalogue, lang: str = "zh") -> list[dict[str, Any]]:
    return [{"code": rule.code, "severity": rule.severity, "status": rule.status, "name": rule.name,
             "summary": rule.summary.get(lang, rule.summary["zh"]),
             "basis": "；".join(b.cite() for b in rule.basis),
             "applies_to": _applicability(ruleset, rule, lang), "reads": reads(ruleset, rule, lang),
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
        lines += wrap(f"{ruleset.id} {pick(ruleset.name)} {ruleset.version}{_source(ruleset, lang)}", columns)
        lines += wrap(f"{word('applies', lang)}: {ruleset.applies_to.describe(lang)}", columns, "  ")
        for rule in ruleset.rules:
            status = "" if rule.status == "active" else f" [{rule.status}]"
            head = f"  {rule.code}  {rule.severity:<7}  {rule.name}{status}"
            lines += [head] if _width(head) <= columns else wrap(head, columns, "  ")
            lines += wrap(pick(rule.summary), columns, "        ")
            lines += wrap(f"{word('basis', lang)}: " + "；".join(b.cite() for b in rule.basis), columns, "        ")
            if rule.has_own_applicability:
                lines += wrap(f"{word('also', lang)}: {rule.applies_to.describe(lang)}", columns, "        ")
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
    lines = [f"{word('message', lang)}: {pick(rule.message)}"]
    lines += [f"{word('variant', lang).format(variant=v)}: {pick(words)}" for v, words in rule.messages.items()]
    lines.append(f"{word('suggestion', lang)}: {pick(rule.suggestion)}")
    templates = pick(rule.message) + pick(rule.suggestion) + "".join(pick(w) for w in rule.messages.values())
    if catalogue is None or not _PLACEHOLDER.search(templates):
        return lines
    lines.append("  " + word("filled", lang))
    for message, suggestion in _example_messages(catalogue, rule, lang):
        lines += [f"  - {word('message', lang)}: {message}", f"    {word('suggestion', lang)}: {suggestion}"]
    return lines


def describe_rule(ruleset: Ruleset, rule: Rule, *, lang: str = "zh", catalogue: Catalogue | None = None) -> str:
    """One rule in full; with the `catalogue`, message templates are followed by the messages the
    rule gives on its failing examples."""
    pick = lambda d: d.get(lang, d["zh"])  # noqa: E731
    lines = [f"{rule.code}  {rule.name}  [{rule.severity}, {rule.status}]",
             f"{word('ruleset', lang)}: {ruleset.id} {pick(ruleset.name)} {ruleset.version}{_source(ruleset, lang)}",
             "", f"{word('summary', lang)}: {pick(rule.summary)}",
             *([f"{word('notes', lang)}: {pick(rule.notes)}"] if rule.notes else []),
             *_templates(catalogue, rule, lang),
             "", f"{word('basis', lang)}:"]
    for b in rule.basis:
        extra = ", ".join(x for x in (f"{word('effective', lang)} {b.effective}" if b.effective else "",
                                      b.certainty or "") if x)
        lines.append(f"  - {b.cite()}" + (f" ({extra})" if extra else ""))
    lines += ["", f"{word('applies', lang)}: {_applicability(ruleset, rule, lang)}",
              f"{word('kind', lang)}: {rule.check['kind']}"]
    lines += [f"  {word('reads', lang)}: {line}" for line in reads(ruleset, rule, lang)]
    if rule.fix:
        lines.append(f"{word('fix', lang)}: {rule.fix} ({word('fix_when', lang)})")
    lines += ["", f"{word('pass', lang)}:"]
    lines += [f"  - {_example_text(e)}" for e in rule.examples["pass"]]
    lines += [f"{word('fail', lang)}:"]
    lines += [f"  - {_example_text(e)}" for e in rule.examples["fail"]]
    return "\n".join(lines)
