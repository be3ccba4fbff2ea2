"""Help pages that read in an 80-column terminal, Chinese included.

typer's rich help lays options out in a four-column table and cuts any description without spaces
("输出格式：text、j…"). Here each option gets its names on one line and its description below,
wrapped by display width (a CJK character takes two cells) and breakable between CJK characters.
"""

from __future__ import annotations

import re
import shutil
from typing import Any

from wcwidth import wcswidth

MIN_WIDTH, MAX_WIDTH = 40, 100
INDENT = "  "
HELP_INDENT = "      "
# Marks that never start a line (GB/T 15834 line-breaking): they stay with what precedes them.
_CLOSING = "，。、；：？！）》」』】〕”’,.;:?!)]}"
_TOKEN = re.compile(rf"\s+|[\u2e80-\uffef][{re.escape(_CLOSING)}]*|[^\s\u2e80-\uffef]+[{re.escape(_CLOSING)}]*")
_METAVAR = re.compile(r"[ \t]{0,8}<([^<>\n]{0,40})>")


def width() -> int:
    """The terminal's width (`COLUMNS` wins), kept within MIN_WIDTH..MAX_WIDTH."""
    return max(MIN_WIDTH, min(MAX_WIDTH, shutil.get_terminal_size((80, 24)).columns))


def cells(text: str) -> int:
    n = wcswidth(text)
    return n if n >= 0 else len(text)


def wrap(text: str, columns: int, indent: str = "") -> list[str]:
    """Greedy fill by display width; a break may fall at a space or beside a CJK character."""
    lines: list[str] = []
    line = indent
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            if line.strip():
                line += " "
            continue
        if cells(line + token) > columns and line.strip():
            lines.append(line.rstrip())
            line = indent
        while cells(indent + token) > columns:  # a word longer than the line: cut it
            cut = len(token)
            while cut > 1 and cells(indent + token[:cut]) > columns:
                cut -= 1
            lines.append(indent + token[:cut])
            token = token[cut:]
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _names(record: str, param: Any) -> str:
    """`--format <str>` → `--format FORMAT`; `paths... <list[str]>` → `PATHS...`."""
    name = (getattr(param, "name", "") or "").upper()
    if getattr(param, "param_type_name", "") == "argument":
        return name + ("..." if getattr(param, "nargs", 1) != 1 else "")
    long = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
    name = long[0][2:].replace("-", "_").upper() if long else name
    return _METAVAR.sub(lambda m: " N" if m.group(1).startswith(("int", "float")) else f" {name}", record)


def _usage(command: Any, ctx: Any) -> str:
    pieces = []
    for param in command.get_params(ctx):
        if getattr(param, "param_type_name", "") == "argument":
            pieces.append(_names("", param))
    has_options = any(getattr(p, "param_type_name", "") == "option" for p in command.get_params(ctx))
    subcommands = hasattr(command, "list_commands")
    return " ".join([ctx.command_path] + (["[OPTIONS]"] if has_options else [])
                    + (["COMMAND [ARGS]..."] if subcommands else []) + pieces)


def render(command: Any, ctx: Any) -> str:
    columns = width()
    out = wrap(f"Usage: {_usage(command, ctx)}", columns) + [""]
    if command.help:
        out += wrap(command.help, columns, INDENT) + [""]
    params = [(p, p.get_help_record(ctx)) for p in command.get_params(ctx)]
    for title, kind in (("Arguments", "argument"), ("Options", "option")):
        rows = [(p, r) for p, r in params if r and getattr(p, "param_type_name", "") == kind]
        if not rows:
            continue
        out.append(f"{title}:")
        for param, (names, text) in rows:
            out += wrap(_names(names, param), columns, INDENT)
            if text:
                out += wrap(text, columns, HELP_INDENT)
        out.append("")
    if hasattr(command, "list_commands"):
        out.append("Commands:")
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or getattr(sub, "hidden", False):
                continue
            out += wrap(name, columns, INDENT)
            out += wrap(sub.get_short_help_str(limit=10_000), columns, HELP_INDENT)
        out.append("")
    return "\n".join(out)


def format_help(command: Any, ctx: Any, formatter: Any) -> None:
    formatter.write(render(command, ctx))


def format_usage(command: Any, ctx: Any, formatter: Any) -> None:
    """The usage line of an error message, as the help page writes it (`PATHS...`, not `{paths}...`)."""
    formatter.write("\n".join(wrap(f"Usage: {_usage(command, ctx)}", width())) + "\n")
