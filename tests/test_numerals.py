"""Numbers as printed -> values: a table of cases, grouped by where they came from."""

from __future__ import annotations

import pytest

from zhiliang_cli.parse.numerals import chinese_to_int, parse_number

SEEN_IN_PLAN = [
    ("10", 10),
    ("50万", 500_000),
    ("6万", 60_000),
    ("500万", 5_000_000),
    ("100亿", 10_000_000_000),
    ("1500", 1500),
    ("93", 93),
    ("两", 2),
    ("一", 1),
]
MADE_UP = [
    ("十二", 12),
    ("一百二十", 120),
    ("两千", 2000),
    ("一百零三", 103),
    ("1.5万", 15_000),
    ("１０", 10),
    ("1,500", 1500),
    ("百分之三", 3),
    ("三千万", 30_000_000),
    ("6.5", 6.5),
    ("十", 10),
    ("二十万", 200_000),
    ("1.2亿", 120_000_000),
    ("四十五", 45),
    ("一千零五十", 1050),
]


CASES = SEEN_IN_PLAN + MADE_UP


@pytest.mark.parametrize(("text", "value"), CASES, ids=[c[0] for c in CASES])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


HEADING_NUMERALS = [
    ("一", 1),
    ("十", 10),
    ("十七", 17),
    ("七十二", 72),
    ("七十三", 73),
    ("一百零三", 103),
    ("二十", 20),
]


@pytest.mark.parametrize(("numeral", "value"), HEADING_NUMERALS, ids=[c[0] for c in HEADING_NUMERALS])
def test_heading_numerals(numeral: str, value: int) -> None:
    assert chinese_to_int(numeral) == value


@pytest.mark.parametrize("text", ["十四五", "万", "abc", "", "十百"])
def test_not_numbers(text: str) -> None:
    assert chinese_to_int(text) is None
