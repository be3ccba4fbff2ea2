"""Character classes shared by the normalizer's steps (for use inside regex brackets)."""

from __future__ import annotations

# CJK ideographs: Extension A, the basic block, compatibility ideographs, Extensions B–H, and 〇.
CJK_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3007"


def is_cjk(char: str) -> bool:
    if not char:
        return False
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3134F or code == 0x3007)
