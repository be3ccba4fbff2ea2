"""Plain text: detect the encoding (UTF-8/16/32, GB18030, Big5), decode, unify line endings."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ..model import InputError, Source
from .markup import is_markup, strip_markup

# Codecs a Chinese text file is realistically written in, besides the Unicode ones we detect by hand.
LEGACY_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")
# GB2312 and GBK are subsets of GB18030, so decoding with GB18030 is always at least as good.
GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn", "hz"}
# How much of a large file the encoding detector looks at.
DETECTION_SAMPLE = 256 * 1024
# Bytes below 0x20 that do occur in text files.
TEXT_CONTROLS = frozenset(b"\t\n\r\f\x0b\x1a\x1b")
MAX_CONTROL_RATIO = 0.01
MAX_REPLACEMENT_RATIO = 0.05
# Bomless UTF-16: share of decoded characters that must be ASCII, CJK or CJK punctuation.
MIN_UTF16_COMMON_SHARE = 0.9
# A file is read line by line as "mostly UTF-8" when this share of its non-ASCII lines is UTF-8.
MIN_UTF8_LINE_SHARE = 0.5

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def load_text(path: str, data: bytes) -> Source:
    """A Source for a plain-text file: one segment per line of the file."""
    decoded = decode_text(path, data)
    text = unify_line_endings(decoded.text)
    if not text.replace("\ufeff", "").strip():
        raise InputError(path, "文件为空 (file is empty)")
    source = Source.from_plain_text(path, text, encoding=decoded.encoding)
    source.warnings.extend(decoded.warnings)
    if "<" in text and is_markup(text):
        source = strip_markup(source)  # a page's HTML fragments saved as text
        if not source.text.strip():
            raise InputError(path, "去除 HTML 标记后没有文字 (no text once the HTML markup is taken out)")
    return source


def unify_line_endings(text: str) -> str:
    """CRLF and lone CR become LF; each original line break stays exactly one line break."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(path: str, data: bytes) -> DecodedText:
    """Decode `data`, preferring a BOM, then strict UTF-8, then UTF-16 without BOM, then detection."""
    if not data.strip():
        raise InputError(path, "文件为空 (file is empty)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _bom_mismatch(data, bom, codec) or _decode_with(path, data, codec)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = guess_bomless_utf16(data)
    if utf16:
        return _decode_with(path, data, utf16)
    if looks_binary(data):
        raise InputError(path, "不是文本文件（含大量控制字符，可能是二进制数据） (binary data, not text)")
    mixed = _decode_mostly_utf8(data)
    if mixed is not None:
        return mixed
    return _decode_legacy(path, data)


def looks_binary(data: bytes) -> bool:
    """Many NULs or other control bytes: no Chinese text encoding produces those."""
    sample = data[:DETECTION_SAMPLE]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in TEXT_CONTROLS)
    return controls > MAX_CONTROL_RATIO * len(sample)


def guess_bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NULs sit in alternate positions (ASCII-heavy UTF-16 text)."""
    sample = data[: min(len(data), DETECTION_SAMPLE) // 2 * 2]
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    nul_even = sample[0::2].count(0)
    nul_odd = sample[1::2].count(0)
    for codec, nul_here, nul_there in (("utf-16-le", nul_odd, nul_even), ("utf-16-be", nul_even, nul_odd)):
        if nul_here >= 0.2 * pairs and nul_there <= 0.02 * pairs:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return _guess_cjk_utf16(data, sample)


def _guess_cjk_utf16(data: bytes, sample: bytes) -> str | None:
    """UTF-16 Chinese text has few NULs; recognise it by decoding to almost only common characters.

    GB18030 and Big5 bytes read as UTF-16 land in Hangul, Yi, private-use or surrogate ranges,
    and random bytes spread over the whole plane, so neither passes the threshold.
    """
    if len(data) % 2 or len(sample) < 16:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if _common_share(text) >= MIN_UTF16_COMMON_SHARE:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def _common_share(text: str) -> float:
    common = sum(1 for ch in text if _is_common(ord(ch)))
    return common / max(1, len(text))


def _is_common(code: int) -> bool:
    return (0x20 <= code < 0x7F or code in (0x09, 0x0A, 0x0D) or 0x4E00 <= code <= 0x9FFF
            or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2010 <= code <= 0x2030)


def _decode_mostly_utf8(data: bytes) -> DecodedText | None:
    """A UTF-8 file with some corrupt bytes or some lines in GB18030 (pasted from elsewhere).

    Each line is decoded on its own: UTF-8 when it is valid or nearly so, else GB18030 when that
    is valid, else UTF-8 with replacement characters. Only when most non-ASCII lines are UTF-8.
    """
    lines = data.split(b"\n")
    non_ascii = [line for line in lines if not line.isascii()]
    valid = sum(1 for line in non_ascii if _is_utf8(line))
    if not non_ascii or valid < MIN_UTF8_LINE_SHARE * len(non_ascii):
        return None
    parts, gb_lines, replaced = [], 0, 0
    for line in lines:
        text = line.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad > MAX_REPLACEMENT_RATIO * 2 * len(text):
            try:
                text, bad = line.decode("gb18030"), 0
                gb_lines += 1
            except UnicodeDecodeError:
                pass
        replaced += bad
        parts.append(text)
    decoded = "\n".join(parts)
    if replaced > MAX_REPLACEMENT_RATIO * max(1, len(decoded)):
        return None
    warnings = []
    if gb_lines:
        warnings.append(f"文件中混有多种编码：{gb_lines} 行按 GB18030 解码 "
                        f"(mixed encodings: {gb_lines} lines decoded as GB18030)")
    if replaced:
        warnings.append(f"按 utf-8 解码时有 {replaced} 处无法识别的字节，已替换为 “\ufffd” "
                        f"({replaced} undecodable byte sequences replaced)")
    return DecodedText(decoded, "utf-8", warnings)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_legacy(path: str, data: bytes) -> DecodedText:
    codec = _detect_legacy_codec(data)
    if codec is None:
        # No Chinese encoding gives readable text: these bytes are not a Chinese document.
        raise InputError(path, "无法识别文本编码，可能是二进制数据 (not text in any Chinese encoding)")
    decoded = _decode_with(path, data, codec)
    decoded.warnings.insert(0, f"文本编码推断为 {codec.upper()} (encoding detected: {codec})")
    return decoded


def _detect_legacy_codec(data: bytes) -> str | None:
    sample = data
    if len(data) > DETECTION_SAMPLE:
        # Cut at a line break so that no multi-byte character is split (0x0A is never a trail byte).
        cut = data.rfind(b"\n", 0, DETECTION_SAMPLE)
        sample = data[: cut if cut > 0 else DETECTION_SAMPLE]
    import charset_normalizer  # only for legacy codecs: a UTF-8 file never needs it (≈6 ms to import)

    best = charset_normalizer.from_bytes(sample, cp_isolation=list(LEGACY_CANDIDATES)).best()
    if best is None:
        return _codec_despite_bad_bytes(sample)
    name = codecs.lookup(best.encoding).name
    if name in GB_FAMILY:
        return "gb18030"
    if name in ("big5", "cp950", "big5hkscs"):
        return _first_strict(data, ("big5", "cp950", "big5hkscs")) or "big5"
    return name


def _codec_despite_bad_bytes(sample: bytes) -> str | None:
    """A Chinese codec under which the text reads well once a few undecodable bytes are dropped.

    The detector rejects a whole file for one corrupt byte; judge the rest of the text instead.
    """
    import charset_normalizer

    verdicts = []
    for codec in ("gb18030", "big5"):
        decoded = sample.decode(codec, errors="replace")
        if decoded.count("\ufffd") > MAX_REPLACEMENT_RATIO * max(1, len(decoded)):
            continue
        cleaned = decoded.replace("\ufffd", "").encode(codec)
        match = charset_normalizer.from_bytes(cleaned, cp_isolation=[codec]).best()
        if match is not None:
            verdicts.append((match.chaos, codec))
    return min(verdicts)[1] if verdicts else None


def _first_strict(data: bytes, codecs_to_try: tuple[str, ...]) -> str | None:
    for codec in codecs_to_try:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return None


def _bom_mismatch(data: bytes, bom: bytes, codec: str) -> DecodedText | None:
    """A UTF-16/32 byte-order mark followed by UTF-8 text (an editor's mistake): read as UTF-8.

    Only when the body is valid UTF-8 with non-ASCII characters and reads as nonsense in the
    BOM's encoding; a real UTF-16 text passes neither test.
    """
    body = data[len(bom):]
    if codec.startswith("utf-8") or body.isascii():
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        as_bom = data[:DETECTION_SAMPLE].decode(codec, errors="replace")
    except (UnicodeDecodeError, LookupError):
        as_bom = ""
    if _common_share(as_bom[:DETECTION_SAMPLE]) >= MIN_UTF16_COMMON_SHARE:
        return None
    return DecodedText(text, "utf-8", ["字节顺序标记（BOM）与内容不符：按 UTF-8 读取 "
                                       "(byte-order mark does not match the text; read as UTF-8)"])


def _decode_with(path: str, data: bytes, codec: str) -> DecodedText:
    try:
        return DecodedText(data.decode(codec), codec)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    if replaced > MAX_REPLACEMENT_RATIO * max(1, len(text)):
        raise InputError(path, f"无法按 {codec} 解码，可能不是文本文件 (undecodable as {codec}; binary data?)")
    return DecodedText(
        text,
        codec,
        [f"按 {codec} 解码时有 {replaced} 处无法识别的字节，已替换为 “\ufffd” "
         f"({replaced} undecodable byte sequences replaced)"],
    )
