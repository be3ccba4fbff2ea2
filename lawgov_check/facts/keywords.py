"""Procedure keywords shared by durations (subject detection) and procedure mentions."""

from __future__ import annotations

import re

# Longest alternatives first: the regex takes the first that matches at a position.
PROCEDURE_PATTERNS: list[tuple[str, str]] = [
    (r"公平竞争审查", "fair_competition_review"),
    (r"公开征求(?:社会公众|公众|社会|各方|群众)?意见", "public_comment"),
    (r"征求(?:社会公众|公众|社会|各方|群众)?意见", "public_comment"),
    (r"合法性审[查核]", "legality_review"),
    (r"集体(?:讨论|审议)", "collective_deliberation"),
    (r"常务会议审议", "collective_deliberation"),
    (r"专家论证", "expert_argumentation"),
    (r"社会稳定风险评估", "risk_assessment"),
    (r"风险评估", "risk_assessment"),
    (r"公众参与", "public_participation"),
    (r"听证", "public_participation"),
    (r"统一(?:登记|编号|印发)", "registration"),
    (r"备案", "filing"),
]

# Subjects a duration can qualify (a narrower, different vocabulary: 公示 and 有效期 count here).
SUBJECT_PATTERNS: list[tuple[str, str]] = [
    (r"公开征求(?:社会公众|公众|社会|各方|群众)?意见", "public_comment"),
    (r"征求(?:社会公众|公众|社会|各方|群众)?意见", "public_comment"),
    (r"公示", "public_notice"),  # a notice period (公示), not a comment period on a draft
    (r"合法性审[查核]", "legality_review"),
    (r"备案", "filing"),
    (r"有效期", "validity"),
    (r"听证", "hearing"),
]


def compile_alternatives(patterns: list[tuple[str, str]]) -> tuple[re.Pattern[str], list[str]]:
    """One regex with a numbered group per alternative, and the canonical name per group."""
    if any(not "\u4e00" <= p[0] <= "\u9fff" for p, _ in patterns):
        raise ValueError("every keyword pattern must start with a literal CJK character")
    first_chars = "".join(sorted({p[0] for p, _ in patterns}))
    # A leading lookahead on the possible first characters lets the engine skip most positions.
    regex = re.compile(f"(?=[{first_chars}])(?:" + "|".join(f"({p})" for p, _ in patterns) + ")")
    return regex, [name for _, name in patterns]


PROCEDURE_RE, PROCEDURE_NAMES = compile_alternatives(PROCEDURE_PATTERNS)
SUBJECT_RE, SUBJECT_NAMES = compile_alternatives(SUBJECT_PATTERNS)


def canonical(match: re.Match[str], names: list[str]) -> str:
    return names[(match.lastindex or 1) - 1]
