"""An item's text -> the quantified targets it sets.

A target is a number the plan sets as a goal, attached to a counted or
measured unit::

    支持制修订农业标准10项以上        value 10, unit 项, comparator >=
    化肥农药使用量比上年减少2%        value 2, unit %, change decrease
    快检主要农产品样品50万批次        value 500000, unit 批次, comparator =
    组织赴省外举办1-2场……推介会       low 1, high 2, unit 场, comparator range
    力争再培育一到两个……试点          low 1, high 2, unit 个, aspirational

Left out, by named rules below: ordinals (第五届), dates and periods (2023年,
三年行动, 十四五), codes (GB9706, 5G, PM2.5, 12315, 4A级), numbers in quotation
marks or titles (“6.18”, “一品一码”, 《…》), fixed phrases (四个最严), rate
denominators (每万人口), baselines (在已批复设立的4个……的基础上), rankings
(100强) and counts of issuers (18部委).  Numbers in Chinese numerals count
only after a goal verb, with a comparator, as a range, or summing up the titles
just named (《…》《…》两项标准), because in plans they are mostly fixed phrases.
A rate or an index may stand without a unit when a comparator follows it
(死亡率控制在0.2以下).  Emits one record per target with the clause it stands
in, as printed, its span, and the span of the number itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import regex

from . import lexicon as lx
from .lines import LineIndex
from .numerals import chinese_to_int, normalise, parse_number
from .patterns import (
    RE_ASPIRATION_CUE,
    RE_BASELINE_CUE,
    RE_BASELINE_FRAME,
    RE_CLAUSE_END,
    RE_CODE_AFTER,
    RE_CODE_BEFORE,
    RE_HAS_DIGIT,
    RE_LAST_CLAUSE_END,
    RE_LAST_QUOTE_OPEN,
    RE_LAST_SENTENCE_END,
    RE_NON_TARGET_FOLLOWER,
    RE_NUMERAL_IDIOM,
    RE_QUANTITY,
    RE_QUOTED,
    RE_RATE_WORD,
    RE_SUFFIX_COMPARATOR,
    RE_UNIT,
)
from .records import TargetRecord

_LOOK_BACK = 12  # characters before a number searched for comparators, verbs and leaders
_PERCENT_UNITS = ("%", "％", "‰")


class _Unit(NamedTuple):
    """The unit after a number, and where it ends."""

    text: str
    approx: str | None  # 余 or 多 between number and unit
    end: int


class Region(NamedTuple):
    """The text targets are looked for in, and what it belongs to."""

    start: int
    end: int
    section: int
    item: int | None
    skip: tuple[int, int] | None = None  # the lead-unit note


class _Context:
    """Where clauses and sentences start and end around a number, and whether it stands in
    quotation marks or a baseline frame: looked up on demand, only for numbers with a unit."""

    __slots__ = ("end", "has_aspiration", "has_frame", "note_start", "skip", "start", "text")

    def __init__(self, text: str, region: Region) -> None:
        self.text = text
        self.start, self.end = region.start, region.end
        self.note_start = region.skip[0] if region.skip else None
        self.skip = region.skip
        # what most items lack, looked for once per item
        self.has_frame = text.find(lx.BASELINE_FRAME[1], self.start, self.end) >= 0  # 基础上
        self.has_aspiration = RE_ASPIRATION_CUE.search(text, self.start, self.end) is not None

    def is_aspirational(self, pos: int) -> bool:
        """Whether a cue such as 力争 stands earlier in the sentence."""
        return self.has_aspiration and RE_ASPIRATION_CUE.search(self.text, self.sentence_start(pos), pos) is not None

    def _after_last(self, marks: regex.Pattern[str], pos: int) -> int:
        """The offset just after the last mark before ``pos`` (the region's start if none)."""
        match = marks.search(self.text, self.start, pos)
        return match.end() if match else self.start

    def is_blocked(self, pos: int, clause_start: int) -> bool:
        """In the note, in quotation marks or a title, or in 在……的基础上."""
        if self.skip and self.skip[0] <= pos < self.skip[1]:
            return True
        opening = RE_LAST_QUOTE_OPEN.search(self.text, max(self.start, pos - 120), pos)
        if opening is not None:
            quoted = RE_QUOTED.match(self.text, opening.start(), self.end)
            if quoted is not None and pos < quoted.end():
                return True
        if not self.has_frame:
            return False
        frame = RE_BASELINE_FRAME.search(self.text, clause_start, self.clause_end(pos))
        return frame is not None and frame.start() <= pos < frame.end()

    def clause_start(self, pos: int) -> int:
        return self._after_last(RE_LAST_CLAUSE_END, pos)

    def clause_end(self, pos: int) -> int:
        match = RE_CLAUSE_END.search(self.text, pos, self.end)
        return match.start() if match else self.end

    def sentence_start(self, pos: int) -> int:
        return self._after_last(RE_LAST_SENTENCE_END, pos)


def extract_targets(text: str, region: Region, index: LineIndex) -> list[TargetRecord]:
    """Every target stated in ``text[region.start:region.end]``, in order."""
    return extract_all(text, [region], index)[0]


def extract_all(text: str, regions: list[Region], index: LineIndex) -> list[list[TargetRecord]]:
    """The targets of each of ``regions`` (in order, not overlapping), found in one scan."""
    found: list[list[TargetRecord]] = [[] for _ in regions]
    if not regions:
        return found
    i, context = 0, None
    for quantity in RE_QUANTITY.finditer(text, regions[0].start, regions[-1].end):
        pos = quantity.start()
        while i < len(regions) and regions[i].end <= pos:
            i, context = i + 1, None
        if i == len(regions):
            break
        region = regions[i]
        if pos < region.start or quantity.end() > region.end:
            continue  # between regions, or running out of one
        context = context or _Context(text, region)
        target = _target(text, quantity, context, region, index)
        if target is not None:
            _add(text, found[i], target)
    return found


def _add(text: str, targets: list[TargetRecord], target: TargetRecord) -> None:
    if targets and targets[-1]["span"][1] < target["span"][1] and target["span"][0] <= targets[-1]["span"][1]:
        # two targets in one clause joined by 、: the second starts after it
        start = _skip_space(text, targets[-1]["span"][1] + 1)
        target["span"][0], target["text"] = start, text[start : target["span"][1]]
    targets.append(target)


def _target(text: str, quantity: re.Match[str], ctx: _Context, region: Region, index: LineIndex) -> TargetRecord | None:
    start = quantity.start()
    unit = _Unit(lx.DOUBLING_UNIT, None, quantity.end()) if quantity.group("double") else _unit(text, quantity, ctx)
    if unit is None or (not quantity.group("double") and _is_not_a_quantity(text, quantity, unit, ctx)):
        return None
    clause_start = ctx.clause_start(start)
    if ctx.is_blocked(start, clause_start):
        return None
    before = text[max(clause_start, start - _LOOK_BACK) : start].rstrip(lx.SPACE_CHARS + "\r\n")
    suffix = RE_SUFFIX_COMPARATOR.match(text, unit.end, ctx.end)
    if suffix is not None and suffix.group("cmp") == "内" and unit.text not in lx.TIME_UNITS:
        suffix = None
    prefix = _prefix_comparator(before)
    is_range = quantity.group("high") is not None
    if (
        quantity.group("low")
        and not RE_HAS_DIGIT.search(quantity.group("low"))
        and not (
            is_range
            or suffix
            or prefix
            or quantity.group("pct")
            or _GOAL_VERBS.ending(before)
            or before[-1:] in lx.TITLE_CLOSES
        )
    ):
        return None  # a Chinese numeral with nothing that makes it a goal: a fixed phrase
    if RE_BASELINE_CUE.search(text, clause_start, start):
        return None  # a number that counts what already exists: 已建成12个, 现有……
    return _record(text, quantity, unit, suffix, prefix, before, clause_start, ctx, region, index)


def _unit(text: str, quantity: re.Match[str], ctx: _Context) -> _Unit | None:
    """The unit after a number; 百分之三 carries its own (%); a rate or an index has none
    (死亡率控制在0.2以下: the unit is empty)."""
    match = RE_UNIT.match(text, quantity.end(), ctx.end)
    if match is not None:
        return _Unit("".join(match.group("unit").split()), match.group("approx"), match.end())
    if quantity.group("pct"):
        return _Unit(lx.PERCENT_UNIT, None, quantity.end())
    start = quantity.start()
    if RE_HAS_DIGIT.search(quantity.group("low")) and RE_RATE_WORD.search(text, ctx.clause_start(start), start):
        return _Unit("", None, quantity.end())
    return None


def _prefix_comparator(before: str) -> str | None:
    """A comparator right before the number, or before the goal verb that precedes it (至少举办3场)."""
    found = _PREFIXES.ending(before)
    verb = _GOAL_VERBS.ending(before)
    if found is None and verb is not None:
        found = _PREFIXES.ending(before[: -len(verb)])
    return found


def _is_not_a_quantity(text: str, quantity: re.Match[str], unit: _Unit, ctx: _Context) -> bool:
    """Ordinals, codes, rate denominators, idioms and words that only start like a unit."""
    start, end = quantity.span()
    before = text[max(ctx.start, start - 4) : start]
    if before.endswith(lx.NON_TARGET_LEADERS) or RE_CODE_BEFORE.search(before):
        return True
    if RE_CODE_AFTER.match(text, end) or RE_NUMERAL_IDIOM.match(text, start):
        return True
    follower = RE_NON_TARGET_FOLLOWER.match(text, end)
    if follower is not None and len(follower.group()) > unit.end - end:
        return True
    # 一X一Y: 一户一档, 一企一策
    return quantity.group() == "一" and text.startswith("一", unit.end)


class _Words:
    """A word list that answers "which of these does this text end with?" in a few set look-ups.

    >>> _Words(["超", "超过", "不超过"]).ending("数量不超过")
    '不超过'
    >>> _Words(["超"]).ending("达到") is None
    True
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = tuple(words)
        self.last_chars = frozenset(w[-1] for w in words)
        self.by_length: list[tuple[int, frozenset[str]]] = []
        for length in sorted({len(w) for w in words}, reverse=True):
            self.by_length.append((length, frozenset(w for w in words if len(w) == length)))

    def ending(self, text: str) -> str | None:
        """The longest word that ``text`` ends with."""
        if text[-1:] not in self.last_chars:
            return None
        for length, words in self.by_length:
            tail = text[-length:]
            if len(tail) == length and tail in words:
                return tail
        return None


_PREFIXES = _Words(lx.PREFIX_COMPARATORS)
_GOAL_VERBS = _Words(lx.GOAL_VERBS)
_DECREASE = _Words(lx.DECREASE_VERBS)
_INCREASE = _Words(lx.INCREASE_VERBS)


def _record(
    text: str,
    quantity: re.Match[str],
    unit: _Unit,
    suffix: re.Match[str] | None,
    prefix: str | None,
    before: str,
    clause_start: int,
    ctx: _Context,
    region: Region,
    index: LineIndex,
) -> TargetRecord:
    start = quantity.start()
    unit_text = unit.text
    number_end = unit.end if unit_text in _PERCENT_UNITS else quantity.end()
    expression_end = suffix.end() if suffix else unit.end
    clause_start = _skip_space(text, clause_start)
    clause_end = _clause_end(text, expression_end, ctx)
    low, high = quantity.group("low"), quantity.group("high")
    if quantity.group("double"):  # 翻一番: the value multiplies by 2 for each 番
        low_value, high_value = 2 ** chinese_value(quantity.group("times")), None
    else:
        low_value, high_value = _bounds(low, high)
    return {
        "item": region.item,
        "section": region.section,
        "text": text[clause_start:clause_end],
        "span": [clause_start, clause_end],
        "line": index.line_of(start),
        "number_text": text[start:number_end],
        "number_span": [start, number_end],
        "value": None if high else low_value,
        "low": low_value if high else None,
        "high": high_value if high else None,
        "unit": lx.UNIT_CANONICAL.get(unit_text, unit_text),
        "comparator": _comparator(high is not None, suffix, unit.approx, prefix),
        "change": "increase"
        if quantity.group("double")
        else _change(before[: before.rfind(prefix)] if prefix else before),
        "aspirational": ctx.is_aspirational(start),
        "by": None,
    }


def chinese_value(numeral: str) -> int:
    """The value of a one-character Chinese numeral (两 -> 2)."""
    return chinese_to_int(numeral) or 0


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in lx.SPACE_CHARS + "\r\n":
        pos += 1
    return pos


def _clause_end(text: str, expression_end: int, ctx: _Context) -> int:
    """A clause ends at a clause mark, or at a 、 right after the target's expression."""
    if text.startswith("、", expression_end):
        return expression_end
    end = ctx.clause_end(expression_end)
    if ctx.note_start is not None and expression_end <= ctx.note_start < end:
        end = ctx.note_start
    return end


def _bounds(low: str, high: str | None) -> tuple[int | float | None, int | float | None]:
    """The values of a number or of a range's ends; a magnitude on the high end applies to both.

    >>> _bounds("1", "2万")
    (10000, 20000)
    >>> _bounds("50万", None)
    (500000, None)
    """
    high_value = parse_number(high) if high else None
    low_value = parse_number(low)
    if high and low_value is not None and low[-1:] not in lx.MAGNITUDES and high[-1:] in lx.MAGNITUDES:
        low_value = parse_number(low + high[-1])
    return (
        None if low_value is None else normalise(low_value),
        None if high_value is None else normalise(high_value),
    )


def _comparator(is_range: bool, suffix: re.Match[str] | None, approx: str | None, prefix: str | None) -> str:
    if is_range:
        return "range"
    if suffix is not None:
        return lx.SUFFIX_COMPARATORS[suffix.group("cmp")]
    if approx:
        return lx.SUFFIX_COMPARATORS[approx]
    return lx.PREFIX_COMPARATORS[prefix] if prefix else "="


def _change(before: str) -> str | None:
    if _DECREASE.ending(before):
        return "decrease"
    if _INCREASE.ending(before):
        return "increase"
    return None
