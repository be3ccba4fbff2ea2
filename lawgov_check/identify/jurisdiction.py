"""Where a document comes from: province, city and county, from the 索引号's division code, the
issuer, the title, the opening, and the provinces the text names most."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..lazyre import lazy
from ..model import Jurisdiction
from .places import province_code_of_city

# Administrative division codes (GB/T 2260), first two digits → province-level unit. The unified
# social credit code of a government body (and the 索引号 built from it) carries the division code
# in characters 3–8.
PROVINCES = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省", "31": "上海市", "32": "江苏省", "33": "浙江省",
    "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省", "41": "河南省", "42": "湖北省",
    "43": "湖南省", "44": "广东省", "45": "广西壮族自治区", "46": "海南省", "50": "重庆市", "51": "四川省",
    "52": "贵州省", "53": "云南省", "54": "西藏自治区", "61": "陕西省", "62": "甘肃省", "63": "青海省",
    "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
}
_PROVINCE_SHORT = {name[:2] if not name.startswith(("内蒙古", "黑龙江")) else name[:3]: name
                   for name in PROVINCES.values()}

_REGION = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,8}?(?P<suffix>自治区|省|自治州|市|州|盟|自治县|县|区|旗))(?![州县区盟旗省域场级]|市(?!场))")  # 某市市场监督管理局: 某市; 县级: a level
_REGION_STOP = re.compile(r"^(全|本|各|我|该|市区|城区|县区|辖区|地区|社区|园区|景区|新区|开发区|片区|小区|街区|管区|学区|军区)")
_NOT_A_PLACE = re.compile(r"[的各和与及或在对为关于印发通知办法规定报告年度是了等个省]")
# 共同富裕示范区, 自由贸易试验区, 生态保护区: zones a policy names, not divisions with a government;
# 着力促进全区, 进一步加强县(城): running text that happens to end in a division's suffix
_NOT_A_DIVISION = re.compile(r"(?:示范|试验|实验|先行|先导|功能|保护|风景|经济|核心|集聚|全|本|各|我|该|辖|市|县|园|景|街|管|学|军|社)区$"
                             r"|(?:全|本|各|我|该|市)县$|(?:全|本|各|我|该)市$|区域")
# 结合官渡区实际: words of running text before a name; the name is what follows the last of them
_RUNNING_TEXT = re.compile(r"加强|推进|促进|进一步|落实|开展|建设|深化|提升|全面|着力|坚持|推动|加快|贯彻|结合|已经|业经|围绕")


def jurisdiction_of(metadata: dict[str, str], issuer: str | None, title: str, opening: str, text: str) -> Jurisdiction:
    jurisdiction = Jurisdiction()
    index = metadata.get("索引号") or metadata.get("信息索引号") or ""
    code = re.match(r"\s*[0-9A-Z]{2}([0-9]{6})", index)
    if code and code[1][:2] in PROVINCES:
        jurisdiction.province = PROVINCES[code[1][:2]]
    for candidate in (issuer or "", title, opening[:120]):
        for match in _REGION.finditer(candidate):
            name, suffix = match["name"], match["suffix"]
            name = _RUNNING_TEXT.split(name)[-1]
            if _REGION_STOP.match(name) or len(name) < 3 or _NOT_A_PLACE.search(name[:-1]) or _NOT_A_DIVISION.search(name):
                continue
            name = re.sub(r"^(中共|中国共产党)", "", name)
            if suffix in ("省", "自治区"):
                known = _PROVINCE_SHORT.get(name[:2]) or _PROVINCE_SHORT.get(name[:3])
                if known and not jurisdiction.province:
                    jurisdiction.province = known
            elif suffix in ("市", "州", "盟", "自治州") and not jurisdiction.city and not jurisdiction.county:
                if name in PROVINCES.values():
                    jurisdiction.province = jurisdiction.province or name
                else:
                    jurisdiction.city = name
            elif suffix in ("县", "区", "旗", "自治县") and not jurisdiction.county:
                jurisdiction.county = name
        if jurisdiction.county:
            break
    if not jurisdiction.province and jurisdiction.city:
        code = province_code_of_city(jurisdiction.city)
        jurisdiction.province = PROVINCES.get(code or "")
    if not jurisdiction.province:
        mentions = Counter(m for m in re.findall(r"《?([\u4e00-\u9fff]{2,3}(?:省|自治区))", text[:50000])
                           if m[:2] in _PROVINCE_SHORT or m[:3] in _PROVINCE_SHORT)
        if mentions:
            name = mentions.most_common(1)[0][0]
            jurisdiction.province = _PROVINCE_SHORT.get(name[:2]) or _PROVINCE_SHORT.get(name[:3]) or name
    return jurisdiction


_LOWER_LEVEL = lazy(r"^[\u4e00-\u9fff]{1,12}(?:自治州|自治县|市|州|盟|县|区|旗)$")


def unknown_jurisdiction(name: str, known: "Iterable[str]" = ()) -> str | None:
    """Why `name` (given by a user) names no jurisdiction, with the nearest valid name; None when
    it is a province-level division (full or short name), a name with a jurisdiction file
    (`known`), or has the form of a city or county name (which cannot all be listed here)."""
    import difflib

    name = name.strip()
    choices = set(PROVINCES.values()) | set(_PROVINCE_SHORT) | set(known)
    if name in choices or (_LOWER_LEVEL.match(name) and not name.endswith(("省", "自治区"))):
        return None
    close = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.3)
    hint = f"（是否为 {close[0]}？ did you mean {close[0]}?）" if close else ""
    return f"未知的辖区 {name}：应为省级行政区、有辖区文件的地方或市、县名称{hint}"
