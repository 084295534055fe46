"""What a clerk types as 完成值, read as a number in the target's unit, saying how it was read.

A target of the plan is written with its magnitude (100亿元: the record holds 10000000000 元, the
ledger shows 100 | 亿元); a bare number typed in its row is in that written unit.  Read::

    120              in a row of 100亿元   -> 12000000000 元
    120亿元, 1.2万   their own magnitude   -> 12000000000 元, 12000   (said, where it differs)
    100以上, ≥100, 100+, 超过100           -> 100, at least / more than (said)
    100余家, 100多家                       -> 100, more than (said)
    约20个, 20个左右                       -> 20, about (said)
    ≤5, 5以下, 不超过5                     -> 5, at most (said)
    一百五十所, 两千                       -> 150, 2000 (said: Chinese numerals)
    2项（已完成）                           -> 2, the remark said
    93%, 93％ in a row counted in %        -> 93; a cell formatted as a percentage, 0.93 -> 93
    —, ——, -, /, 无, 空, 暂无               -> not reported, nothing said

Anything else — other words, another unit, a date, TRUE — is :class:`Invalid`, with the reason in
Chinese.  A number beyond 10^15 of the target's unit (1e300, a 5,000-digit number) is invalid
too: never judged, never printed whole.  A number 10^4 or more away from the target (typed in 元
where the plan counts 亿元) is read as typed and marked ``doubtful``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .zh import MESSAGES

MAX_VALUE = Decimal(10) ** 15  # the largest number read, in the target's unit either way
MAX_TEXT = 200  # characters of a 完成值 looked at: a longer one is no number
MAX_DIGITS = 30  # digits of a number read
DOUBTFUL_POWER = 3.5  # a value this many powers of ten from the target is doubtful (10^4, 10^8)
MINUS_SIGN = "\u2212"  # − as Word and web pages print a negative number; NFKC keeps it

#: What says "nothing to report": not an error, no warning.
NOT_REPORTED = frozenset({"—", "——", "-", "--", "–", "/", "无", "空", "暂无", "无数据", "不适用"})
#: Magnitude words a clerk writes after a number, longest first.
MAGNITUDES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3}
#: Words before or after a number that bound it, and how.
BEFORE = {
    "≥": "at_least", ">=": "at_least", "不少于": "at_least", "不低于": "at_least",
    ">": "more_than", "超过": "more_than", "逾": "more_than", "多于": "more_than", "大于": "more_than",
    "≤": "at_most", "<=": "at_most", "不超过": "at_most", "不高于": "at_most",
    "<": "less_than", "少于": "less_than", "低于": "less_than", "小于": "less_than",
    "约": "about", "大约": "about", "近": "about", "接近": "about",
}  # fmt: skip
AFTER = {
    "以上": "at_least", "及以上": "at_least", "+": "more_than", "余": "more_than", "多": "more_than",
    "以下": "at_most", "以内": "at_most", "左右": "about", "上下": "about",
}  # fmt: skip
#: A percentage typed where a change in points is counted.
POINTS = ("个百分点", "百分点")

_CHINESE_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿"
_ALT = "|".join(re.escape(w) for w in sorted(BEFORE, key=len, reverse=True))
_AFTER = "|".join(re.escape(w) for w in sorted(AFTER, key=len, reverse=True))
_MAG = "|".join(sorted(MAGNITUDES, key=len, reverse=True))

RE_ENTRY = re.compile(
    rf"""
    (?P<before> {_ALT} )? \s*                              # ≥, 约, 超过 …
    (?: (?P<arabic> [+-]? (?: \d+ (?: \.\d* )? | \.\d+ ) (?: [eE] [+-]? \d{{1,9}} )? )  # 12, -3, 2.5, 1E+15
      | (?P<chinese> [{_CHINESE_DIGITS}]+ ) )             # 一百五十, 两千
    \s* (?P<more> [余多] )?                                # 100余, 一百多
    \s* (?P<magnitude> {_MAG} )?                           # 万, 亿
    \s* (?P<more2> [余多] )?                               # 100万余
    \s* (?P<unit> .*? )                                    # 家, 亿元, %
    \s* (?P<after> {_AFTER} )?                             # 以上, 左右, +
    """,
    re.X,
)
RE_REMARK = re.compile(r"^(?P<body>.*?)\s*[(\[【](?P<remark>[^()\[\]【】]*)[)\]】]\s*$")
RE_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # 1,200 and 12,345,678


class Invalid(ValueError):
    """A 完成值 that is no number: the message says why, in Chinese."""


@dataclass(frozen=True)
class Unit:
    """The unit of a target as the ledger shows it: its magnitude word and the record's unit."""

    base: str  # the record's unit: 元, 个, %, or "" for a plain number
    word: str = ""  # 亿 in 100亿元
    factor: int = 1

    @property
    def written(self) -> str:
        return self.word + self.base


@dataclass(frozen=True)
class Reading:
    """A 完成值 read: the number in the record's unit (None: not reported), how it is bounded
    (``exact``, ``at_least``, ``more_than``, ``at_most``, ``less_than``, ``about``) and why, in
    words, where the reading is not plain."""

    value: Decimal | None
    bound: str = "exact"
    why: tuple[str, ...] = ()
    doubtful: bool = False


def read_entry(value: Any, percent: bool, unit: Unit, goal: float | None = None) -> Reading:
    """A 完成值 as typed in a cell (``percent``: the cell shows a percentage), read in ``unit``.

    >>> read_entry(120, False, Unit("元", "亿", 10**8)).value
    Decimal('12000000000')
    >>> r = read_entry("100余家", False, Unit("家"))
    >>> r.value, r.bound, r.why
    (Decimal('100'), 'more_than', ('“余”表示多于此数',))
    >>> read_entry("—", False, Unit("家")).value is None
    True
    >>> read_entry("12个", False, Unit("家"))
    Traceback (most recent call last):
    ...
    zhiliang_cli.entries.Invalid: 单位“个”与指标的单位“家”不同
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return Reading(None)
    if isinstance(value, bool):
        raise Invalid(MESSAGES["a_truth_value"])
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        raise Invalid(MESSAGES["a_date"])
    if isinstance(value, int | float | Decimal):
        return _checked(_from_number(value, percent, unit), unit, goal)
    if not isinstance(value, str):
        raise Invalid(MESSAGES["not_a_number"])
    return _checked(_from_text(value, unit), unit, goal)


def _from_number(value: float | Decimal, percent: bool, unit: Unit) -> Reading:
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid(MESSAGES["too_big"].format(unit=unit.written or MESSAGES["plain_numbers"]))
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if abs(number) > MAX_VALUE * unit.factor:  # before any arithmetic on it
        raise Invalid(MESSAGES["too_big"].format(unit=unit.written or MESSAGES["plain_numbers"]))
    if percent:
        if unit.base != "%":
            shown = f"{number * 100:f}".rstrip("0").rstrip(".") + "%"
            raise Invalid(MESSAGES["percent_cell"].format(shown=shown, expected=unit.written or "无单位的数"))
        return Reading(number * 100)
    return Reading(number * unit.factor)


def _from_text(typed: str, unit: Unit) -> Reading:
    text = unicodedata.normalize("NFKC", typed).strip().replace(MINUS_SIGN, "-")
    if text in NOT_REPORTED:
        return Reading(None)
    if len(text) > MAX_TEXT:
        raise Invalid(MESSAGES["too_long"])
    why: list[str] = []
    remark = RE_REMARK.fullmatch(text)
    if remark and remark["body"]:
        text = remark["body"]
        why.append(MESSAGES["why_remark"].format(remark=remark["remark"]))
    text = RE_THOUSANDS.sub("", text)
    match = RE_ENTRY.fullmatch(text)
    if not match:
        raise Invalid(MESSAGES["not_a_number"])
    chinese, magnitude = match["chinese"], match["magnitude"] or ""
    if chinese and not magnitude and len(chinese) > 1 and chinese[-1] in "万亿":
        chinese, magnitude = chinese[:-1], chinese[-1]  # 六万: six, in 万
    number = _number(match["arabic"], chinese)
    if chinese:
        why.insert(0, MESSAGES["why_numeral"])
    bound = "exact"
    for word in (match["before"], match["more"] or match["more2"], match["after"]):
        if word:
            kind = BEFORE.get(word) or AFTER[word]
            bound = kind
            why.append(MESSAGES[f"why_{kind}"].format(word=word))
    factor = _factor(magnitude, match["unit"].strip(), unit, why)
    return Reading(number * factor, bound, tuple(why))


def _number(arabic: str | None, words: str | None) -> Decimal:
    if arabic:
        digits = arabic
        if sum(ch.isdigit() for ch in digits.split("e")[0].split("E")[0]) > MAX_DIGITS:
            raise Invalid(MESSAGES["too_long"])
        try:
            return Decimal(digits)
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            raise Invalid(MESSAGES["not_a_number"]) from None
    from .parse.numerals import chinese_to_int

    words = words or ""
    if len(words) > MAX_DIGITS:
        raise Invalid(MESSAGES["too_long"])
    value = chinese_to_int(words)
    if value is None:
        raise Invalid(MESSAGES["not_a_number"])
    return Decimal(value)


def _factor(magnitude: str, typed_unit: str, unit: Unit, why: list[str]) -> int:
    """What the number is multiplied by to be in the record's unit: its own magnitude and unit,
    or, for a bare number, the unit the ledger shows."""
    if typed_unit and typed_unit != unit.base:
        head = typed_unit.removesuffix(unit.base) if unit.base else typed_unit
        if unit.base == "%" and typed_unit in POINTS:
            head = ""
        elif not unit.base or not typed_unit.endswith(unit.base) or head not in MAGNITUDES or magnitude:
            raise Invalid(MESSAGES["other_unit"].format(unit=typed_unit, expected=unit.written or "无单位"))
        magnitude = head
    if not magnitude and not typed_unit:
        return unit.factor  # a bare number: in the unit the ledger shows
    if magnitude != unit.word:
        typed_scale = (magnitude or "") + unit.base or MESSAGES["plain_numbers"]
        why.append(MESSAGES["why_scale"].format(typed_scale=typed_scale, unit=unit.written))
    return MAGNITUDES.get(magnitude, 1)


def _checked(reading: Reading, unit: Unit, goal: float | None) -> Reading:
    """Refuse a number no target counts to; mark one far from the goal as doubtful."""
    value = reading.value
    if value is None:
        return reading
    if abs(value) > MAX_VALUE * unit.factor:
        raise Invalid(MESSAGES["too_big"].format(unit=unit.written or MESSAGES["plain_numbers"]))
    if not goal or not value:
        return reading
    power = abs(math.log10(abs(float(value)) / abs(goal)))
    if power < DOUBTFUL_POWER:
        return reading
    shown = in_unit(Decimal(repr(goal)), unit)
    doubt = MESSAGES["why_doubtful"].format(goal=shown, power=round(power))
    return Reading(value, reading.bound, (*reading.why, doubt), True)


def in_unit(value: Decimal, unit: Unit) -> str:
    """``value`` (in the record's unit) as the ledger shows it, with its unit.

    >>> in_unit(Decimal(12_000_000_000), Unit("元", "亿", 10**8)), in_unit(Decimal("2.50"), Unit("%"))
    ('120亿元', '2.5%')
    """
    scaled = value / unit.factor
    text = f"{scaled:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + unit.written
