"""RE_NUMBER_START finds where RE_QUANTITY may match, so that targets.py tries RE_QUANTITY only
there: the numbers read must be exactly those RE_QUANTITY.finditer reads, on any text."""

from __future__ import annotations

import random

import pytest

from zhiliang_cli.parse import lexicon as lx
from zhiliang_cli.parse.patterns import RE_QUANTITY
from zhiliang_cli.parse.targets import _quantities

_WORDS = [*lx.COUNT_UNITS, *lx.SUFFIX_COMPARATORS, *lx.RANGE_JOINERS, *lx.MAGNITUDES]
_CHARS = list(
    "0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿翻番分之半成"  # what numbers are made of
    ",.．/ \n，。；;%％余多标ABcmkWh的是在进步统批"  # what follows them, or not
)


def _spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return [m.span() for m in _quantities(text, start, end)], [m.span() for m in RE_QUANTITY.finditer(text, start, end)]


def test_random_texts_read_alike() -> None:
    rng = random.Random(17)
    for _ in range(20000):
        pieces = (rng.choice(_WORDS) if rng.random() < 0.35 else rng.choice(_CHARS) for _ in range(rng.randint(1, 14)))
        text = "".join(pieces)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        new, old = _spans(text, start, end)
        assert new == old, (text, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "建成" + "1" * 40 + "个",
        "投入" + "1,000" * 9 + "万元",
        "达到" + "1." + "5" * 35 + "%",
        "培育" + "一二三四五六七八九十" * 4 + "家",
        "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1个",
        "翻一番，翻两番，百分之三，三分之一，一半以上，三成以上，百分之百",
    ],
)
def test_long_numbers_read_alike(text: str) -> None:
    for start in range(len(text)):
        new, old = _spans(text, start, len(text))
        assert new == old, (text, start)
