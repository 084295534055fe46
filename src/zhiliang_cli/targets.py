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
only after a goal verb, with a comparator, or as a range, because in plans
they are mostly fixed phrases.  Emits one record per target with the clause
it stands in, as printed, and its span.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

import regex

from . import lexicon as lx
from .lines import LineIndex
from .numerals import normalise, parse_number
from .patterns import (
    RE_BASELINE_FRAME,
    RE_CLAUSE_END,
    RE_CODE_AFTER,
    RE_CODE_BEFORE,
    RE_HAS_DIGIT,
    RE_NON_TARGET_FOLLOWER,
    RE_NUMERAL_IDIOM,
    RE_QUANTITY,
    RE_QUOTED,
    RE_SENTENCE_END,
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


@dataclass(frozen=True)
class Region:
    """The text targets are looked for in, and what it belongs to."""

    start: int
    end: int
    section: int
    item: int | None
    skip: tuple[int, int] | None = None  # the lead-unit note


class _Context:
    """What is known about a region once: quotes, baselines, clause and sentence ends."""

    def __init__(self, text: str, region: Region) -> None:
        start, end = region.start, region.end
        self.blocked: list[tuple[int, int]] = [m.span() for m in RE_QUOTED.finditer(text, start, end)]
        self.blocked += [m.span() for m in RE_BASELINE_FRAME.finditer(text, start, end)]
        self.note_start = region.skip[0] if region.skip else None
        if region.skip:
            self.blocked.append(region.skip)
        self.clause_ends = [m.start() for m in RE_CLAUSE_END.finditer(text, start, end)]
        self.sentence_ends = [m.start() for m in RE_SENTENCE_END.finditer(text, start, end)]
        self.start, self.end = start, end

    def is_blocked(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.blocked)

    def clause_start(self, pos: int) -> int:
        i = bisect_left(self.clause_ends, pos)
        return self.clause_ends[i - 1] + 1 if i else self.start

    def clause_end(self, pos: int) -> int:
        i = bisect_left(self.clause_ends, pos)
        return self.clause_ends[i] if i < len(self.clause_ends) else self.end

    def sentence_start(self, pos: int) -> int:
        i = bisect_right(self.sentence_ends, pos - 1)
        return self.sentence_ends[i - 1] + 1 if i else self.start


def extract_targets(text: str, region: Region, index: LineIndex) -> list[TargetRecord]:
    """Every target stated in ``text[region.start:region.end]``, in order."""
    context = _Context(text, region)
    targets: list[TargetRecord] = []
    for quantity in RE_QUANTITY.finditer(text, region.start, region.end):
        target = _target(text, quantity, context, region, index)
        if target is None:
            continue
        if targets and targets[-1]["span"][1] < target["span"][1] and target["span"][0] <= targets[-1]["span"][1]:
            # two targets in one clause joined by 、: the second starts after it
            start = _skip_space(text, targets[-1]["span"][1] + 1)
            target["span"][0], target["text"] = start, text[start : target["span"][1]]
        targets.append(target)
    return targets


def _target(
    text: str, quantity: regex.Match[str], ctx: _Context, region: Region, index: LineIndex
) -> TargetRecord | None:
    start = quantity.start()
    if ctx.is_blocked(start):
        return None
    unit = _unit(text, quantity, ctx)
    if unit is None or _is_not_a_quantity(text, quantity, unit, ctx):
        return None
    before = text[max(ctx.clause_start(start), start - _LOOK_BACK) : start]
    suffix = RE_SUFFIX_COMPARATOR.match(text, unit.end, ctx.end)
    prefix = _prefix_comparator(before)
    is_range = quantity.group("high") is not None
    if not RE_HAS_DIGIT.search(quantity.group("low")) and not (
        is_range or suffix or prefix or quantity.group().startswith("百分之") or _ends_with(before, lx.GOAL_VERBS)
    ):
        return None  # a Chinese numeral with nothing that makes it a goal: a fixed phrase
    if _is_baseline(text, ctx.clause_start(start), start):
        return None
    return _record(text, quantity, unit, suffix, prefix, before, ctx, region, index)


def _unit(text: str, quantity: regex.Match[str], ctx: _Context) -> _Unit | None:
    """The unit after a number; 百分之三 carries its own (%)."""
    match = RE_UNIT.match(text, quantity.end(), ctx.end)
    if match is not None:
        return _Unit(match.group("unit"), match.group("approx"), match.end())
    if quantity.group().startswith("百分之"):
        return _Unit(lx.PERCENT_UNIT, None, quantity.end())
    return None


def _prefix_comparator(before: str) -> str | None:
    """A comparator right before the number, or before the goal verb that precedes it (至少举办3场)."""
    found = _ends_with(before, lx.PREFIX_COMPARATORS)
    verb = _ends_with(before, lx.GOAL_VERBS)
    if found is None and verb is not None:
        found = _ends_with(before[: -len(verb)], lx.PREFIX_COMPARATORS)
    return found


def _is_not_a_quantity(text: str, quantity: regex.Match[str], unit: _Unit, ctx: _Context) -> bool:
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


def _is_baseline(text: str, clause_start: int, start: int) -> bool:
    """A number that counts what already exists: 已建成12个, 现有……."""
    return any(cue in text[clause_start:start] for cue in lx.BASELINE_CUES)


def _ends_with(before: str, words: dict[str, str] | tuple[str, ...]) -> str | None:
    for word in sorted(words, key=len, reverse=True):
        if before.endswith(word):
            return word
    return None


def _record(
    text: str,
    quantity: regex.Match[str],
    unit: _Unit,
    suffix: regex.Match[str] | None,
    prefix: str | None,
    before: str,
    ctx: _Context,
    region: Region,
    index: LineIndex,
) -> TargetRecord:
    start = quantity.start()
    unit_text = unit.text
    number_end = unit.end if unit_text in _PERCENT_UNITS else quantity.end()
    expression_end = suffix.end() if suffix else unit.end
    clause_start = _skip_space(text, ctx.clause_start(start))
    clause_end = _clause_end(text, expression_end, ctx)
    low, high = quantity.group("low"), quantity.group("high")
    low_value, high_value = _bounds(low, high)
    sentence = text[ctx.sentence_start(start) : start]
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
        "change": _change(before[: before.rfind(prefix)] if prefix else before),
        "aspirational": any(cue in sentence for cue in lx.ASPIRATION_CUES),
    }


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


def _comparator(is_range: bool, suffix: regex.Match[str] | None, approx: str | None, prefix: str | None) -> str:
    if is_range:
        return "range"
    if suffix is not None:
        return lx.SUFFIX_COMPARATORS[suffix.group("cmp")]
    if approx:
        return lx.SUFFIX_COMPARATORS[approx]
    return lx.PREFIX_COMPARATORS[prefix] if prefix else "="


def _change(before: str) -> str | None:
    if _ends_with(before, lx.DECREASE_VERBS):
        return "decrease"
    if _ends_with(before, lx.INCREASE_VERBS):
        return "increase"
    return None
