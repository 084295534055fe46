"""Where a plan is from, and its lead units named in full: what ``zl db build`` adds to a plan.

A plan says where it is from in its issuers (``杭州市人民政府办公厅``), else in its title
(``罗湖区支持人工智能OPC发展若干措施``).  The place is read from the start of those names by
one general rule — a province-level name (``福建省``, ``广西壮族自治区``, ``上海市``), then a name
ending in 市/州/地区/盟, then one ending in 县/区/旗/市 — never from a table of documents.  The
national government (国务院, 国家…, a ministry) is ``全国``.

A unit that names its government only by level (``市科技局`` in a Hangzhou plan, ``省市场监管局``
in a Fujian one) is qualified by that place: ``杭州市科技局``, ``福建省市场监管局``.  A unit whose
level is not known from the plan (``市科技局`` in a provincial plan), or that names no level
(``国家发展改革委``, ``各区人民政府``), stays as printed.

>>> place = plan_place(["杭州市人民政府办公厅"], "杭州市人民政府办公厅关于印发…的通知", None)
>>> place
Place(province=None, city='杭州市', county=None, national=False)
>>> place.level, place.region
('市', '杭州市')
>>> qualified("市科技局", place), qualified("省科技厅", place), qualified("市场监管局", place)
('杭州市科技局', '省科技厅', '市场监管局')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: The provincial-level divisions, as their governments name them: general knowledge, not a
#: table of documents.  A name here is a province-level place even when it ends in 市.
PROVINCES = tuple(
    [
        "北京市",
        "天津市",
        "上海市",
        "重庆市",
        "河北省",
        "山西省",
        "辽宁省",
        "吉林省",
        "黑龙江省",
        "江苏省",
        "浙江省",
        "安徽省",
        "福建省",
        "江西省",
        "山东省",
        "河南省",
        "湖北省",
        "湖南省",
        "广东省",
        "海南省",
        "四川省",
        "贵州省",
        "云南省",
        "陕西省",
        "甘肃省",
        "青海省",
        "台湾省",
        "内蒙古自治区",
        "广西壮族自治区",
        "西藏自治区",
        "宁夏回族自治区",
        "新疆维吾尔自治区",
        "香港特别行政区",
        "澳门特别行政区",
    ]
)

_HAN = r"[\u4e00-\u9fff]"
RE_PLACE = re.compile(
    rf"""
    ^(?:中共)?                                               # 中共杭州市委 is 杭州市's
    (?P<province>{"|".join(PROVINCES)})?                      # 福建省, 上海市
    (?P<city>(?!人民|政府){_HAN}{{1,6}}?(?:自治州|地区|市|盟))?  # 杭州市, 恩施土家族苗族自治州
    (?P<county>(?!人民|政府){_HAN}{{1,6}}?(?:县|区|旗|市))?       # 苍南县, 罗湖区, 太仓市
    """,
    re.VERBOSE,
)
#: Names of the national government and its departments: their plans are 全国's.
RE_NATIONAL = re.compile(r"^(?:国务院|国家|中共中央|中央|全国|中华人民共和国|[\u4e00-\u9fff]{1,8}部$)")
#: Words that begin a unit's name with a level character that is not its level (市场监管局).
_NOT_A_LEVEL = ("市场", "区域", "省级", "市级", "县级", "区级")


@dataclass(frozen=True)
class Place:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    national: bool = False

    @property
    def region(self) -> str | None:
        """The most specific name: 杭州市, 苍南县, 全国."""
        if self.national:
            return "全国"
        return self.county or self.city or self.province

    @property
    def level(self) -> str | None:
        """国家, 省, 市 or 县 (a district or county-level city is 县 level)."""
        if self.national:
            return "国家"
        if self.county:
            return "县"
        if self.city:
            return "市"
        return "省" if self.province else None


def place_of(name: str) -> Place | None:
    """The place a name starts with, if any.

    >>> place_of("福建省质量强省工作领导小组办公室")
    Place(province='福建省', city=None, county=None, national=False)
    >>> place_of("上海市浦东新区人民政府")
    Place(province='上海市', city=None, county='浦东新区', national=False)
    >>> place_of("苏州市人民政府办公室").city, place_of("苍南县关于加快…").county
    ('苏州市', '苍南县')
    >>> place_of("国务院办公厅").region, place_of("工业和信息化部").level
    ('全国', '国家')
    >>> place_of("市政府办公室关于印发宿迁市加快推进OPC创新发展十条政策措施的通知") is None
    True
    """
    name = re.sub(r"\s+", "", name)
    match = RE_PLACE.match(name)
    if match and any(match.group(level) for level in ("province", "city", "county")):
        return Place(match["province"], match["city"], match["county"])
    if RE_NATIONAL.match(name):
        return Place(national=True)
    return None


def plan_place(issuers: Sequence[str], title: str | None, plan_title: str | None) -> Place:
    """Where a plan is from: its first issuer that names a place, else its title's, else none."""
    for name in (*issuers, title or "", plan_title or ""):
        found = place_of(name)
        if found is not None:
            return found
    return Place()


def qualified(unit: str, place: Place) -> str:
    """``unit`` named in full: a leading 省/自治区/市/州/县/区 replaced by the plan's place of that level.

    >>> fujian = Place(province="福建省")
    >>> qualified("省市场监管局", fujian), qualified("市市场监管局", fujian), qualified("各设区市政府", fujian)
    ('福建省市场监管局', '市市场监管局', '各设区市政府')
    >>> qualified("区科技局", Place(city="深圳市", county="罗湖区"))
    '罗湖区科技局'
    >>> qualified("自治区发展改革委", Place(province="广西壮族自治区"))
    '广西壮族自治区发展改革委'
    >>> qualified("市委宣传部", Place(province="北京市"))
    '北京市委宣传部'
    """
    if unit.startswith(_NOT_A_LEVEL):
        return unit
    city = place.city or (place.province if place.province and place.province.endswith("市") else None)
    for prefix, name in (
        ("自治区", place.province if place.province and place.province.endswith("自治区") else None),
        ("省", place.province if place.province and place.province.endswith("省") else None),
        ("市", city),
        ("州", place.city if place.city and place.city.endswith("州") else None),
        ("县", place.county if place.county and place.county.endswith("县") else None),
        ("区", place.county if place.county and place.county.endswith("区") else None),
    ):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return name + unit[len(prefix) :] if name else unit
    return unit


RE_YEAR = re.compile(r"((?:19|20)\d\d)(?=年|\s*[—\-－～~至]\s*(?:19|20)\d\d)")


def plan_year(title: str | None, plan_title: str | None, date: str | None) -> int | None:
    """The year a plan is for: the first year its titles name, else the year of its date.

    >>> plan_year("关于印发2023年福建省质量强省工作要点的通知", None, "2023-03-01")
    2023
    >>> plan_year(None, "行动计划（2026—2028年）", None), plan_year("实施意见", None, "2019-01-24")
    (2026, 2019)
    """
    for text in (plan_title or "", title or ""):
        match = RE_YEAR.search(text)
        if match:
            return int(match.group(1))
    return int(date[:4]) if date and date[:4].isdigit() else None
