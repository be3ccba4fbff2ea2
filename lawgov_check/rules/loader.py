"""Load rulesets (YAML) and per-jurisdiction parameters into a Catalogue.

A bad ruleset is rejected as a whole: `RulesetError.problems` holds one line per problem,
`FILE: CODE: FIELD: problem`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .. import __version__
from ..model import Basis, RuleInfo
from ..user_cache import user_cache_dir
from ..resources import data_dir
from .kinds import kind_module
from .schema import jsonable, schema_problems

if TYPE_CHECKING:
    import yaml


def _yaml() -> Any:
    """PyYAML, imported when YAML is read: a catalogue from the user cache needs none (≈12 ms)."""
    import yaml

    return yaml


def _yaml_loader() -> Any:
    """libyaml's loader when PyYAML was built with it (about 8× faster), else the pure-Python one."""
    yaml = _yaml()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RulesetError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Applicability:
    doc_types: tuple[str, ...] = ("*",)
    subtypes: tuple[str, ...] = ("*",)
    jurisdictions: tuple[str, ...] = ("*",)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    year_from: int | None = None
    year_to: int | None = None
    in_force_title: str | None = None
    in_force_date: dt.date | None = None

    @staticmethod
    def from_dict(d: dict[str, Any] | None) -> "Applicability":
        d = d or {}
        in_force = d.get("in_force") or {}
        as_date = lambda v: dt.date.fromisoformat(v) if v else None  # noqa: E731
        return Applicability(
            doc_types=tuple(d.get("doc_types", ["*"])), subtypes=tuple(d.get("subtypes", ["*"])),
            jurisdictions=tuple(d.get("jurisdictions", ["*"])),
            date_from=as_date(d.get("date_from")), date_to=as_date(d.get("date_to")),
            year_from=d.get("year_from"), year_to=d.get("year_to"),
            in_force_title=in_force.get("title"), in_force_date=as_date(in_force.get("effective")))

    def describe(self, lang: str = "zh") -> str:
        en = lang == "en"
        join = ", ".join if en else "、".join
        parts = [("document types " if en else "文档类型 ") + join(self.doc_types),
                 ("jurisdictions " if en else "辖区 ") + join(self.jurisdictions)]
        if "*" not in self.subtypes:
            parts.insert(1, ("subtypes " if en else "子类型 ") + join(self.subtypes))
        if self.date_from or self.date_to:
            parts.append(f"{'dated' if en else '成文日期'} {self.date_from or '…'} {'to' if en else '至'} {self.date_to or '…'}")
        if self.year_from or self.year_to:
            parts.append(f"{'report years' if en else '报告年度'} {self.year_from or '…'} {'to' if en else '至'} {self.year_to or '…'}")
        return ("; " if en else "；").join(parts)


@dataclass(frozen=True)
class Vocabulary:
    """A named list of words a ruleset's checks look for: literal phrases, and patterns where a
    phrase list cannot say it. Reviewers change these in the YAML, not in Python."""

    name: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    @staticmethod
    def from_yaml(name: str, raw: Any) -> "Vocabulary":
        if isinstance(raw, dict):
            return Vocabulary(name, tuple(raw.get("phrases") or ()), tuple(raw.get("regex") or ()))
        return Vocabulary(name, tuple(raw))

    def __iter__(self) -> Iterator[str]:
        return iter(self.phrases)


@dataclass
class Rule:
    code: str
    name: str
    status: str
    severity: str
    summary: dict[str, str]
    message: dict[str, str]
    suggestion: dict[str, str]
    basis: list[Basis]
    applies_to: Applicability
    check: dict[str, Any]
    examples: dict[str, list[Any]]
    ruleset_id: str
    ruleset_version: str
    has_own_applicability: bool = False
    fix: str | None = None  # the name of a fixer in rules/fixers.py
    messages: dict[str, dict[str, str]] = field(default_factory=dict)  # problem variant -> words
    notes: dict[str, str] = field(default_factory=dict)  # what the rule accepts and why, {zh, en}

    def template(self, variant: str | None, lang: str) -> str:
        """The message words for a hit's variant (the default message when it has none)."""
        words = self.messages.get(variant, self.message) if variant else self.message
        return words.get(lang) or words["zh"]

    def info(self, ruleset: "Ruleset") -> RuleInfo:
        doc_types = list(self.applies_to.doc_types if self.has_own_applicability else ruleset.applies_to.doc_types)
        return RuleInfo(code=self.code, name=self.name, severity=self.severity, summary=dict(self.summary),
                        basis=list(self.basis), ruleset=self.ruleset_id, ruleset_version=self.ruleset_version,
                        suggestion=dict(self.suggestion), doc_types=doc_types, status=self.status,
                        documented=ruleset.origin == "bundled" or self.code in ruleset.documented_codes,
                        help_url=ruleset.docs_url)


@dataclass
class Ruleset:
    id: str
    name: dict[str, str]
    version: str
    description: str
    applies_to: Applicability
    parameters: dict[str, Any]
    rules: list[Rule]
    path: str
    vocabularies: dict[str, "Vocabulary"] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> {zh, en}
    raw: dict[str, Any] = field(default_factory=dict, repr=False)  # the validated YAML, for `extends`
    origin: str = "bundled"  # bundled, file (--ruleset-file / config) or package
    package: str | None = None  # "name version" of the installed package it came from
    docs_url: str | None = None  # the ruleset's own rule reference (a file's or a package's), for SARIF helpUri
    documented_codes: frozenset[str] = frozenset()  # codes an `extends` file kept from a bundled ruleset


def _no_jurisdictions() -> Any:
    from ..jurisdictions import Jurisdictions

    return Jurisdictions()


@dataclass
class Catalogue:
    rulesets: list[Ruleset]
    jurisdictions: Any = field(default_factory=_no_jurisdictions)  # lawgov_check.jurisdictions.Jurisdictions

    def rules(self) -> Iterator[tuple[Ruleset, Rule]]:
        for ruleset in self.rulesets:
            for rule in ruleset.rules:
                yield ruleset, rule

    def rule(self, code: str) -> tuple[Ruleset, Rule] | None:
        return next(((rs, r) for rs, r in self.rules() if r.code == code.upper()), None)

    def ruleset(self, ruleset_id: str) -> Ruleset | None:
        return next((rs for rs in self.rulesets if rs.id == ruleset_id.upper()), None)

    def rule_infos(self) -> list[RuleInfo]:
        return [rule.info(rs) for rs, rule in self.rules()]


def _read_yaml(path: Path) -> Any:
    return _parse_yaml(_read_text(path), path)


def _read_text(path: Path) -> str:
    from ..auxfiles import AuxFileError, read_text

    try:
        return read_text(path)
    except AuxFileError as exc:
        raise RulesetError([f"{path}: {exc}"]) from None


# Aliases let a few lines of YAML stand for billions of nodes ("billion laughs"), or for a cycle.
MAX_YAML_NODES = 200_000


def _alias_problem(text: str) -> str | None:
    """Why the YAML's aliases are refused (a cycle, or too many nodes once expanded), or None."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise RecursionError
        active.add(key)
        children = node.value if isinstance(node.value, list) else []
        total = 1
        for child in children:
            for item in (child if isinstance(child, tuple) else (child,)):
                total += size(item)
                if total > MAX_YAML_NODES:
                    break
        active.discard(key)
        sizes[key] = total
        return total

    root = _yaml().compose(text, Loader=_yaml_loader())
    try:
        if root is not None and size(root) > MAX_YAML_NODES:
            return f"YAML 别名展开后超过 {MAX_YAML_NODES} 个节点，拒绝处理 (alias expansion too large)"
    except RecursionError:
        return "YAML 别名构成循环引用或嵌套过深，拒绝处理 (recursive or too deeply nested aliases)"
    return None


# Deeper nesting overflows the C stack of libyaml's constructor and Python's recursion limit.
MAX_YAML_DEPTH = 100
_BRACKETS = re.compile(r"[\[\]{}]")
_LINE_INDENT = re.compile(r"^[ \t-]*", re.MULTILINE)
# A YAML anchor (`&name`) where a node may start; `&` inside a regex or a quoted text may match
# too, which only costs the full alias check.
_ANCHOR = re.compile(r"(?:^|[\s\[{,:?-])&[^\s\[\]{},]")


def _bracket_depth(text: str) -> int:
    depth = 0
    for bracket in _BRACKETS.findall(text):
        depth += 1 if bracket in "[{" else -1
    return depth


def _too_deep(text: str) -> bool:
    """True when the YAML nests deeper than MAX_YAML_DEPTH (checked exactly only when it may)."""
    yaml = _yaml()
    flow = depth = 0
    for bracket in _BRACKETS.findall(text):
        depth += 1 if bracket in "[{" else -1
        flow = max(flow, depth)
    block = max((len(m) for m in _LINE_INDENT.findall(text)), default=0)
    if flow + block <= MAX_YAML_DEPTH:
        return False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_yaml_loader()):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return True
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        # libyaml's scanner has a nesting limit of its own, reached before any event is emitted and
        # worded differently from release to release: an error where the brackets already nest
        # deeper than ours is ours to word.
        mark = getattr(exc, "problem_mark", None)
        if mark is not None and _bracket_depth(text[: mark.index]) > MAX_YAML_DEPTH:
            return True
        raise
    return False


class UnsafeYaml(Exception):
    """YAML refused before loading (nesting, aliases) or not YAML at all: a one-line reason."""


def load_yaml_limited(text: str, *, known_good: bool = False) -> Any:
    """The YAML's data (safe loader); unless `known_good` (this exact text loaded and validated
    before), first refuse nesting and aliases that would exhaust the stack or the memory.
    Used for every YAML the checker reads: rulesets, jurisdiction files, manifests."""
    yaml = _yaml()
    try:
        if known_good:
            return yaml.load(text, Loader=_yaml_loader())
        if _too_deep(text):
            raise UnsafeYaml(f"YAML 嵌套超过 {MAX_YAML_DEPTH} 层，拒绝处理 (nested too deeply)")
        if _ANCHOR.search(text):  # an alias needs an anchor: without one there is nothing to expand
            problem = _alias_problem(text)
            if problem:
                raise UnsafeYaml(problem)
        return yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行: " if mark else ""
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise UnsafeYaml(f"{where}YAML 语法错误: {problem}") from None
    except (RecursionError, ValueError, OverflowError) as exc:  # e.g. a timestamp out of range
        raise UnsafeYaml(f"YAML 无法读取: {type(exc).__name__}: {' '.join(str(exc).split())}") from None


def _parse_yaml(text: str, path: Path, *, known_good: bool = False) -> Any:
    try:
        return load_yaml_limited(text, known_good=known_good)
    except UnsafeYaml as exc:
        raise RulesetError([f"{path}: {exc}"]) from None


def refs(obj: Any, key: str) -> Iterator[str]:
    """Names a check refers to as `{param: NAME}` (key "param") or `{vocab: NAME}` ("vocab")."""
    if isinstance(obj, dict):
        if set(obj) == {key}:
            yield obj[key]
        for v in obj.values():
            yield from refs(v, key)
    elif isinstance(obj, list):
        for v in obj:
            yield from refs(v, key)


def nearest(name: str, choices: Iterable[str]) -> str:
    """`（是否为 X？）` naming the closest valid choice, or ""."""
    import difflib

    close = difflib.get_close_matches(str(name), sorted(choices), n=1, cutoff=0.5)
    return f"（是否为 {close[0]}？ did you mean {close[0]}?）" if close else ""


def _semantic_problems(data: dict[str, Any], *, thorough: bool = True) -> list[tuple[str, str, str]]:
    """Codes, parameter references and, when `thorough`, each check's own validation (its
    regular expressions compiled, its predicate looked up)."""
    problems = []
    parameters = data.get("parameters") or {}
    vocabularies = data.get("vocabularies") or {}
    seen: set[str] = set()
    for i, rule in enumerate(data["rules"]):
        code = rule["code"]
        if not code.startswith(data["id"]):
            problems.append((code, "code", f"规则代码应以规则集标识 {data['id']} 开头"))
        if code in seen:
            problems.append((code, "code", "规则代码重复"))
        seen.add(code)
        for name in refs(rule["check"], "param"):
            if name not in parameters:
                problems.append((code, "check", f"引用了未定义的参数 {name}{nearest(name, parameters)}"))
        for name in refs(rule["check"], "vocab"):
            if name not in vocabularies:
                problems.append((code, "check", f"引用了未定义的词表 {name}{nearest(name, vocabularies)}"))
        for variant in rule.get("messages") or {}:
            if variant == "default":
                problems.append((code, "messages", "default 是保留名：默认措辞写在 message 中"))
        if rule.get("fix") is not None:
            from .fixers import FIXERS

            if rule["fix"] not in FIXERS:
                problems.append((code, "fix", f"未知的修正方式 {rule['fix']}（可选：{'、'.join(sorted(FIXERS))}）"))
        if not thorough:
            continue
        validate = getattr(kind_module(rule["check"]["kind"]), "validate", None)
        if validate:
            problems += [(code, f, p) for f, p in validate(rule["check"])]
    if thorough:
        from .kinds._common import regex_problems

        for name, vocabulary in vocabularies.items():
            for pattern in vocabulary.get("regex", []) if isinstance(vocabulary, dict) else []:
                problems += [("-", f"vocabularies.{name}", p) for _, p in regex_problems(name, pattern)]
    return problems


def _build(data: dict[str, Any], path: Path) -> Ruleset:
    rules = []
    for raw in data["rules"]:
        rules.append(Rule(
            code=raw["code"], name=raw["name"], status=raw["status"], severity=raw["severity"],
            summary=raw["summary"], message=raw["message"], suggestion=raw["suggestion"],
            basis=[Basis(**b) for b in raw["basis"]],
            applies_to=Applicability.from_dict(raw.get("applies_to")), check=raw["check"],
            examples=raw["examples"], ruleset_id=data["id"], ruleset_version=str(data["version"]),
            has_own_applicability="applies_to" in raw, fix=raw.get("fix"),
            messages=dict(raw.get("messages") or {}), notes=dict(raw.get("notes") or {})))
    return Ruleset(id=data["id"], name=data["name"], version=str(data["version"]),
                   description=data.get("description", ""),
                   applies_to=Applicability.from_dict(data.get("applies_to")),
                   parameters=dict(data.get("parameters") or {}), rules=rules, path=str(path),
                   vocabularies={name: Vocabulary.from_yaml(name, raw)
                                 for name, raw in (data.get("vocabularies") or {}).items()},
                   labels=dict(data.get("labels") or {}), raw=data, docs_url=data.get("docs_url"))


_MERGED_BY_KEY = ("parameters", "vocabularies", "labels")


def extended(base: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """A bundled ruleset's YAML changed by a user's `extends` file: parameters, vocabularies and
    labels merged key by key, rules replaced by code or added, other fields replaced."""
    merged = {**base, **{k: v for k, v in change.items() if k not in (*_MERGED_BY_KEY, "rules", "extends")}}
    for key in _MERGED_BY_KEY:
        merged[key] = {**(base.get(key) or {}), **(change.get(key) or {})}
    rules = {rule["code"]: rule for rule in base["rules"]}
    rules.update({rule["code"]: rule for rule in change.get("rules") or []})
    merged["rules"] = list(rules.values())
    return merged


def load_ruleset(path: str | Path, *, thorough: bool = True, bases: dict[str, Ruleset] | None = None) -> Ruleset:
    """Read, validate and build one ruleset file. Raises RulesetError.

    `thorough=False` (the bundled rulesets, which the test suite validates in full) leaves out
    compiling every regular expression up front: a check compiles its patterns when it first
    runs, so a document pays only for the rules that apply to it.
    """
    path = Path(path)
    text = _read_text(path)
    marker = _validation_marker(text)
    known_good = marker is not None and marker.exists()
    data = jsonable(_parse_yaml(text, path, known_good=known_good))
    problems = [] if known_good else _remembered_schema_problems(data, marker)
    base = None
    if not problems and data.get("extends"):
        base = (bases or {}).get(data["extends"])
        if data["id"] != data["extends"]:
            problems = [("-", "extends", f"extends 应与 id 相同（{data['id']}）")]
        elif base is None:
            problems = [("-", "extends", f"没有可扩展的规则集 {data['extends']}{nearest(data['extends'], bases or {})}")]
        else:
            data = extended(base.raw, data)
    if not problems:
        problems = _semantic_problems(data, thorough=thorough)
    if problems:
        raise RulesetError([f"{path}: {code}: {field}: {problem}" for code, field, problem in problems])
    ruleset = _build(data, path)
    if base is not None and base.origin == "bundled":  # the bundled codes keep their rule reference
        ruleset.documented_codes = frozenset(rule.code for rule in base.rules)
    return ruleset


def _validation_marker(text: str, schema_name: str = "ruleset.schema.json") -> Path | None:
    """The user-cache file whose existence says this exact ruleset text passed validation.

    Validation needs jsonschema, which takes ~70 ms to import and run in a cold process; the
    bundled rulesets pass every time, so a marker named by the hash of (schema, file, version)
    lets later runs skip it, and the YAML safety checks that preceded it. Only a pass is
    remembered: a failing file is validated every time. None when there is no cache directory.
    """
    directory = user_cache_dir()
    if directory is None:
        return None
    schema = (data_dir("rulesets") / schema_name).read_bytes()
    key = hashlib.sha256(b"\0".join((__version__.encode(), schema, text.encode("utf-8"))))
    return directory / "valid-rulesets" / key.hexdigest()


def _remembered_schema_problems(data: Any, marker: Path | None, check: Any = None) -> list[Any]:
    """`schema_problems` (or `check`), touching `marker` when there are none."""
    problems = (check or schema_problems)(data)
    if not problems and marker is not None:
        try:
            marker.parent.mkdir(mode=0o700, exist_ok=True)
            marker.touch()
        except OSError:
            pass
    return problems


def bundled_ruleset_paths() -> list[Path]:
    directory = data_dir("rulesets")
    return sorted(p for p in directory.glob("*.y*ml") if p.suffix in (".yml", ".yaml"))


def _packaged(problems: list[str]) -> list[Ruleset]:
    """Rulesets of installed packages (entry points), validated in full like a user's file."""
    from .packages import packaged_rulesets

    found, failed = packaged_rulesets()
    problems += failed
    rulesets = []
    for item in found:
        try:
            ruleset = load_ruleset(item.path, thorough=True)
        except RulesetError as exc:
            problems += [f"规则集包 {item.label}: {line}" for line in exc.problems]
            continue
        ruleset.origin, ruleset.package = "package", item.label
        rulesets.append(ruleset)
    return rulesets


def load_catalogue(extra_files: list[str] | tuple[str, ...] = (), *, bundled: bool = True,
                   packages: bool | None = None, jurisdiction_files: list[str] | tuple[str, ...] = ()) -> Catalogue:
    """All bundled rulesets, those of installed packages (`packages`, by default when `bundled`)
    and extra files, with the bundled and the user's jurisdiction files; every problem of every
    file in one RulesetError."""
    rulesets, problems = [], []
    for path in bundled_ruleset_paths() if bundled else []:
        try:
            rulesets.append(load_ruleset(path, thorough=False))
        except RulesetError as exc:
            problems += exc.problems
    taken = {rs.id for rs in rulesets}
    for ruleset in _packaged(problems) if (bundled if packages is None else packages) else []:
        if ruleset.id in taken:
            problems.append(f"规则集包 {ruleset.package}: {ruleset.path}: -: id: 规则集标识 {ruleset.id} 已被占用")
            continue
        taken.add(ruleset.id)
        rulesets.append(ruleset)
    for name in extra_files:  # a user's file is checked in full up front
        try:
            ruleset = load_ruleset(Path(name), thorough=True, bases={rs.id: rs for rs in rulesets})
        except RulesetError as exc:
            problems += exc.problems
            continue
        ruleset.origin = "file"
        rulesets.append(ruleset)
    by_id = {rs.id: rs for rs in rulesets}  # an extra file replaces a ruleset of the same id
    rulesets = list(by_id.values())
    seen: dict[str, str] = {}
    for ruleset in rulesets:
        for rule in ruleset.rules:
            if rule.code in seen and seen[rule.code] != ruleset.path:
                problems.append(f"{ruleset.path}: {rule.code}: code: 与 {seen[rule.code]} 中的规则代码重复")
            seen[rule.code] = ruleset.path
    from ..jurisdictions import Jurisdictions, load_jurisdiction_files

    try:
        files = load_jurisdiction_files({rs.id: rs.parameters for rs in rulesets}, jurisdiction_files,
                                        bundled=bundled)
    except RulesetError as exc:
        problems += exc.problems
        files = {}
    if problems:
        raise RulesetError(problems)
    rulesets.sort(key=lambda rs: rs.id)
    return Catalogue(rulesets, Jurisdictions(files))
