"""Build small rulesets for engine, kind and third-party ruleset tests."""

from __future__ import annotations

RULE_TEMPLATE = """\
  - code: {code}
    name: {name}
    status: active
    severity: {severity}
    summary: {{zh: 摘要, en: summary}}
    message: {{zh: "问题“{{evidence}}”", en: "problem “{{evidence}}”"}}
    suggestion: {{zh: 建议, en: suggestion}}
    basis:
      - {{title: 测试依据, certainty: unverified}}
{extra}    check: {check}
    examples:
      pass: ["通过"]
      fail: ["不通过"]
"""


def make_ruleset_text(rules: list[dict], *, rid: str = "XX", applies_to: str = '{doc_types: ["*"]}',
                 parameters: str = "{}") -> str:
    body = "".join(RULE_TEMPLATE.format(code=r["code"], name=r.get("name", "test-rule"),
                                        severity=r.get("severity", "warning"), check=r["check"],
                                        extra=r.get("extra", ""))
                   for r in rules)
    return (f"id: {rid}\nname: {{zh: 测试, en: Test}}\nversion: '0.1'\ndescription: test\n"
            f"applies_to: {applies_to}\nparameters: {parameters}\nrules:\n{body}")
