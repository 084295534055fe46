"""What clerks type as 完成值: each entry with the number it must be read as, the result it must
give against its target, and whether the reading is said in a warning (issue 21)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from zhiliang_cli.entries import Invalid, Unit, read_entry
from zhiliang_cli.progress import is_met

#: Targets as a plan writes them: comparator, value in the record's unit, unit as the ledger shows it.
TARGETS: dict[str, tuple[str, float, Unit]] = {
    "≥100家": (">=", 100, Unit("家")),
    "≥100所": (">=", 100, Unit("所")),
    "≥100个": (">=", 100, Unit("个")),
    "≥2项": (">=", 2, Unit("项")),
    "≥100亿元": (">=", 10**10, Unit("元", "亿", 10**8)),
    "=10000人": ("=", 10_000, Unit("人")),  # the plan writes 10000人
    "=1万个": ("=", 10_000, Unit("个", "万", 10**4)),  # the plan writes 1万个
    "≥5万个": (">=", 50_000, Unit("个", "万", 10**4)),
    "≥93%": (">=", 93, Unit("%")),
    "≤5%": ("<=", 5, Unit("%")),
    "=2%": ("=", 2, Unit("%")),
    ">1500家": (">", 1500, Unit("家")),
    "≥10家": (">=", 10, Unit("家")),
    "≥100万批次": (">=", 1_000_000, Unit("批次", "万", 10**4)),
}

INVALID = "invalid"
# (what the clerk typed, the target's row, the number read in the record's unit, the result, said in a warning)
CASES: list[tuple[Any, str, Any, str, bool]] = [
    # seen in the issue: entries that were invalid and are not
    ("100以上", "≥100家", 100, "met", True),
    ("100余家", "≥100家", 100, "met", True),
    ("100多家", "≥100家", 100, "met", True),
    ("≥100", "≥100家", 100, "met", True),
    (">=100", "≥100家", 100, "met", True),
    ("100+", "≥100家", 100, "met", True),
    ("一百", "≥100家", 100, "met", True),
    ("一百五十所", "≥100所", 150, "met", True),
    ("约20个", "≥100个", 20, "unmet", True),
    ("2项（已完成）", "≥2项", 2, "met", True),
    ("2项(含在建)", "≥2项", 2, "met", True),
    # nothing to report: no warning
    ("—", "≥100家", None, "unreported", False),
    ("——", "≥100家", None, "unreported", False),
    ("-", "≥100家", None, "unreported", False),
    ("无", "≥100家", None, "unreported", False),
    ("空", "≥100家", None, "unreported", False),
    ("暂无", "≥100家", None, "unreported", False),
    ("/", "≥100家", None, "unreported", False),
    ("", "≥100家", None, "unreported", False),
    (None, "≥100家", None, "unreported", False),
    # a bare number is in the unit the ledger shows (100 | 亿元)
    ("120", "≥100亿元", 12 * 10**9, "met", False),
    (120, "≥100亿元", 12 * 10**9, "met", False),
    ("120亿元", "≥100亿元", 12 * 10**9, "met", False),
    ("120亿", "≥100亿元", 12 * 10**9, "met", False),
    ("80亿元", "≥100亿元", 8 * 10**9, "unmet", False),
    ("12000000000元", "≥100亿元", 12 * 10**9, "met", True),  # another scale: said
    ("1.2万", "=10000人", 12_000, "met", True),
    ("12000", "=10000人", 12_000, "met", False),
    ("1.2", "=1万个", 12_000, "met", False),
    ("约六万", "≥5万个", 60_000, "met", True),
    ("100万余", "≥100万批次", 1_000_000, "met", True),
    # doubtful: 10^4 and 10^8 away, judged as written, warned
    ("12000", "=1万个", 120_000_000, "met", True),
    (12_000_000_000, "≥100亿元", 12 * 10**17, "met", True),
    # percentages and bounds
    ("93%", "≥93%", 93, "met", False),
    ("93％", "≥93%", 93, "met", False),
    ("92.5", "≥93%", Decimal("92.5"), "unmet", False),
    ("≤5", "≤5%", 5, "met", True),
    ("5以下", "≤5%", 5, "met", True),
    ("2个百分点", "=2%", 2, "met", False),
    ("1500+", ">1500家", 1500, "met", True),  # more than 1500: meets 超1500
    ("超过1500家", ">1500家", 1500, "met", True),
    ("1500", ">1500家", 1500, "unmet", False),
    ("1500以上", ">1500家", 1500, "unmet", True),  # 以上 includes 1500: not enough for 超
    ("十二", "≥10家", 12, "met", True),
    ("两千", "≥100家", 2000, "met", True),
    ("12左右", "≥10家", 12, "met", True),
    ("1,200", "≥100家", 1200, "met", False),
    ("１２０", "≥100家", 120, "met", False),
    # still no number
    ("12个", "≥100家", INVALID, INVALID, False),
    ("很多", "≥100家", INVALID, INVALID, False),
    ("1e300", "≥93%", INVALID, INVALID, False),
    (1e300, "≥93%", INVALID, INVALID, False),
    ("9" * 5000, "≥93%", INVALID, INVALID, False),
    (True, "≥100家", INVALID, INVALID, False),
    (dt.datetime(2025, 6, 30), "≥100家", INVALID, INVALID, False),
    ("3-5", "≥100家", INVALID, INVALID, False),
]


def _judge(typed: Any, row: str) -> tuple[Any, str, bool]:
    comparator, value, unit = TARGETS[row]
    target = {"comparator": comparator, "value": value, "low": None, "high": None}
    try:
        reading = read_entry(typed, False, unit, value)
    except Invalid:
        return INVALID, INVALID, False
    if reading.value is None:
        return None, "unreported", bool(reading.why)
    met = is_met(target, reading.value, reading.bound)  # type: ignore[arg-type]
    return reading.value, "met" if met else "unmet", bool(reading.why)


def test_there_are_forty_entries_or_more() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("typed", "row", "value", "status", "warned"), CASES, ids=[f"{c[0]!s:.12}→{c[1]}" for c in CASES]
)
def test_a_clerks_entry(typed: Any, row: str, value: Any, status: str, warned: bool) -> None:
    read, result, said = _judge(typed, row)
    assert (read, result, said) == (value if value in (None, INVALID) else Decimal(value), status, warned)


def test_the_warning_says_which_reading_was_taken() -> None:
    reading = read_entry("12000000000元", False, Unit("元", "亿", 10**8), 10**10)
    assert reading.why == ("所填为 元，指标以 亿元 计",)
    reading = read_entry("12000", False, Unit("个", "万", 10**4), 10**4)
    assert reading.doubtful and reading.why == ("与目标 1万个 相差约 10^4 倍，请核对单位是否填错",)
    reading = read_entry("一百多", False, Unit("家"), 100)
    assert reading.why == ("中文数字", "“多”表示多于此数")


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("12个", "单位“个”与指标的单位“家”不同"),
        ("很多", "不是数字"),
        ("1e300", "超出可读的范围（绝对值不超过 10^15 家）"),
        ("9" * 5000, "数字位数过多"),
        (True, "是 TRUE/FALSE，不是数字"),
    ],
)
def test_why_no_number_could_be_read(typed: Any, why: str) -> None:
    with pytest.raises(Invalid) as caught:
        read_entry(typed, False, Unit("家"), 100)
    assert str(caught.value) == why
