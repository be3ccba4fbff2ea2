"""Views of the jurisdiction files: `lawgov-check jurisdictions`, the parameters in force under
`rules show --jurisdiction`, and the README's generated table."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .model import JurisdictionFile, Parameter, Resolved
from .resolve import Jurisdictions

_WORDS = {
    "zh": {"province": "省级", "city": "市级", "county": "县级", "none": "（无）", "national": "全国默认",
           "name": "辖区", "level": "级别", "within": "所属", "parameters": "所设参数", "certainty": "确定程度",
           "verified": "已核实", "observed": "已观察", "unverified": "未核实", "examples": "示例"},
    "en": {"province": "province", "city": "city", "county": "county", "none": "(none)", "national": "national default",
           "name": "jurisdiction", "level": "level", "within": "within", "parameters": "parameters set",
           "certainty": "certainty", "verified": "verified", "observed": "observed", "unverified": "unverified",
           "examples": "examples"},
}


def word(key: str, lang: str) -> str:
    return _WORDS.get(lang, _WORDS["zh"]).get(key, key)


def _parameter_names(item: JurisdictionFile) -> list[str]:
    return [f"{s.ruleset}.{s.name}" for s in item.all_settings()]


def rows(jurisdictions: Jurisdictions) -> list[dict[str, Any]]:
    """One dict per file, for `jurisdictions --format json`."""
    return [{"name": f.name, "level": f.level, "within": f.within, "origin": f.origin, "file": f.path,
             "parameters": [{"ruleset": s.ruleset, "name": s.name, "value": s.value, "source": s.source.to_dict(),
                             "examples": list(s.examples)} for s in f.all_settings()],
             "certainty": f.certainty()}
            for f in jurisdictions]


def table(jurisdictions: Jurisdictions, lang: str = "zh") -> str:
    from wcwidth import wcswidth

    head = [word(k, lang) for k in ("name", "level", "within", "parameters", "certainty")]
    body = [[f.name, word(f.level, lang), f.within or "-", ", ".join(_parameter_names(f)) or word("none", lang),
             word(f.certainty(), lang) if f.certainty() else "-"] for f in jurisdictions]
    width = lambda text: max(wcswidth(text), len(text))  # noqa: E731
    columns = [max(width(row[i]) for row in [head, *body]) for i in range(len(head) - 1)]
    lines = []
    for row in [head, *body]:
        cells = [cell + " " * (columns[i] - width(cell)) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def parameter_lines(resolved: Resolved, names: Iterable[str], lang: str = "zh") -> list[str]:
    """One line per parameter in force: value, the file that set it, its source."""
    lines = []
    for name in names:
        parameter: Parameter | None = resolved.parameters.get(name)
        if parameter is None:
            continue
        if parameter.setting is None:
            lines.append(f"  - {name} = {parameter.value!r}（{word('national', lang)}）")
            continue
        source = parameter.setting.source
        cite = "，".join(x for x in (source.cite(), source.date, source.url, word(source.certainty, lang)) if x)
        file = Path(parameter.path or "").name if parameter.setting and _bundled(parameter.path) else parameter.path
        lines.append(f"  - {name} = {parameter.value!r}（{parameter.set_by}: {file}；{cite}）")
        examples = [e["number"] for e in parameter.setting.examples]
        if examples:
            lines.append(f"      {word('examples', lang)}: {'、'.join(examples)}")
    return lines


def _bundled(path: str | None) -> bool:
    from ..resources import data_dir

    return path is not None and Path(path).parent == data_dir("rulesets") / "jurisdictions"


def markdown_table(jurisdictions: Jurisdictions) -> str:
    """The README's table: province-level divisions first, then cities and counties."""
    lines = ["| 辖区 Jurisdiction | 级别 Level | 所设参数 Parameters set | 确定程度 Certainty | 来源 Sources |",
             "|---|---|---|---|---|"]
    for f in jurisdictions:
        name = f.name if not f.within else f"{f.name}（{f.within}）"
        params = ", ".join(f"`{n}`" for n in _parameter_names(f)) or "—"
        sources = "；".join(s.cite() for s in list(f.sources.values())[:2]) + ("…" if len(f.sources) > 2 else "")
        lines.append(f"| {name} | {f.level} | {params} | {f.certainty() or '—'} | {sources or '—'} |")
    return "\n".join(lines)


def _read_by(ruleset: Any, rule: Any) -> list[str]:
    """The parameters a rule reads (`{param: NAME}`), or all its ruleset's when it names none."""
    from ..rules.loader import refs

    return list(dict.fromkeys(refs(rule.check, "param"))) or list(ruleset.parameters)


def setters(catalogue: Any, ruleset: Any, rule: Any, lang: str = "zh") -> list[str]:
    """`rules show CODE`: the jurisdictions whose files set a parameter the rule reads."""
    read = set(_read_by(ruleset, rule))
    places = [f"{f.name}（{'、'.join(s.name for s in f.settings.get(ruleset.id, {}).values() if s.name in read)}）"
              for f in catalogue.jurisdictions if read & set(f.settings.get(ruleset.id, {}))]
    if not places:
        return []
    title = "Jurisdiction files that set its parameters" if lang == "en" else "设定其参数的辖区文件"
    return [f"{title}: {'、'.join(places)}", f"  lawgov-check rules show {rule.code} --jurisdiction NAME"]


def rule_parameters(catalogue: Any, ruleset: Any, rule: Any, name: str) -> list[dict[str, Any]]:
    """`rules list --format json --jurisdiction NAME`: the parameters the rule reads as in force
    in NAME, each with the file that set it (or `national`) and its source."""
    resolved = catalogue.jurisdictions.resolve(ruleset.id, ruleset.parameters, [name])
    return [resolved.parameters[n].to_dict() for n in _read_by(ruleset, rule) if n in resolved.parameters]


def in_force(catalogue: Any, ruleset: Any, rule: Any, name: str, lang: str = "zh") -> list[str] | None:
    """`rules show CODE --jurisdiction NAME`: the parameters the rule reads as in force in NAME;
    None when no file matches NAME."""
    jurisdictions: Jurisdictions = catalogue.jurisdictions
    if not jurisdictions.chain([name]):
        return None
    resolved = jurisdictions.resolve(ruleset.id, ruleset.parameters, [name])
    title = "Parameters in force in" if lang == "en" else "施行参数"
    chain_text = " → ".join([word("national", lang), *resolved.chain])
    return [f"{title} {name}（{chain_text}）:", *parameter_lines(resolved, _read_by(ruleset, rule), lang)]
