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
(死亡率控制在0.2以下), and so does a round magnitude after a bound (规模过千亿: the unit left
unsaid); so does a share (超过1/3, 达到五分之四, 三成以上: a bare ratio,
0.3 for 三成), while 百分之百 is 100 %, and 增长一倍 is read as 翻一番 (the multiple, 2).
A capability stated with no verb that reaches it is a goal (基本具备抗御6级左右地震的能力: 6, 级, ~).
A table of planned figures printed as text rows in an item (指标名称　2024年　2025年, then 万元GDP能耗降低率（%）
3.2　3.5) gives a target per figure, its row's indicator the subject, its column's year-end the time.
Emits one record per target with the clause it stands in, as printed, its span, and the
span of the number itself.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from zhiliang_cli.records import DeadlineRecord, TargetRecord

from . import lexicon as lx
from .lines import LineIndex, heading_at
from .numerals import arabic_to_float, chinese_to_int, normalise, parse_number
from .patterns import (
    RE_ASPIRATION_CUE,
    RE_BASELINE_CUE,
    RE_BASELINE_FRAME,
    RE_BOUND_OF,
    RE_BRACKETED_ASIDE,
    RE_BUDGET,
    RE_CAPITALS_BEFORE,
    RE_CIRCLE,
    RE_CLAUSE_END,
    RE_CLOSE_BRACKET,
    RE_CODE_AFTER,
    RE_CODE_BEFORE,
    RE_COMPLETION,
    RE_CONDITION_LIST,
    RE_DISTRIBUTIVE,
    RE_FIGURE_CELL,
    RE_FUND_SET_UP,
    RE_FUND_SHARE,
    RE_GOVERNING_VERB,
    RE_GRANT,
    RE_HAS_DIGIT,
    RE_LAST_CLAUSE_END,
    RE_LAST_QUOTE_OPEN,
    RE_LAST_SENTENCE_END,
    RE_LATIN_OR_DIGIT,
    RE_MARGIN_OVER_AVERAGE,
    RE_MONEY_CAP,
    RE_NAME_ONLY,
    RE_NON_TARGET_FOLLOWER,
    RE_NUMBER_START,
    RE_NUMERAL_IDIOM,
    RE_OPEN_PAREN,
    RE_QUANTITY,
    RE_QUOTED,
    RE_RATE_FRAME,
    RE_RATE_WORD,
    RE_ROW_GAP,
    RE_SENTENCE_END,
    RE_SENTENCE_YEAR,
    RE_STRAIGHT_QUOTE,
    RE_SUBSIDY,
    RE_SUFFIX_COMPARATOR,
    RE_TRAILING_BRACKETS,
    RE_UNIT,
    RE_WRAPPED_SUFFIX_COMPARATOR,
    RE_YEAR_CELL,
    RE_YEAR_COLUMN,
)
from .times import TimeMark, Times, find_times

_LOOK_BACK = 12  # characters before a number searched for comparators, verbs and leaders
_BLANKS = lx.SPACE_CHARS + "\r\n"  # spaces and line breaks
_PERCENT_UNITS = lx.PERCENT_UNITS


class _Unit(NamedTuple):
    """The unit after a number, and where it ends."""

    text: str
    approx: str | None  # 余 or 多 between number and unit
    end: int


class Region(NamedTuple):
    """The text targets are looked for in, and what it belongs to."""

    start: int
    end: int
    section: int | None  # None: the plan's preamble, before its first section
    item: int | None
    skip: tuple[int, int] | None = None  # the lead-unit note
    deadline: DeadlineRecord | None = None  # the item's 完成时限, for targets with no time of their own


class _Context:
    """Where clauses and sentences start and end around a number, and whether it stands in
    quotation marks or a baseline frame: looked up on demand, only for numbers with a unit."""

    __slots__ = (
        "_aspiration",
        "_conditions",
        "_frame",
        "_grant",
        "_penalty",
        "_quote",
        "_years",
        "bounds",
        "end",
        "note_start",
        "quotes",
        "skip",
        "start",
        "text",
        "verbs",
        "year",
    )

    def __init__(self, text: str, region: Region, year: int | None = None) -> None:
        self.text = text
        self.year = year  # the plan's: a count of what an earlier year did is a baseline
        self.start, self.end = region.start, region.end
        self.note_start = region.skip[0] if region.skip else None
        self.skip = region.skip
        # what most items lack, looked for once per item, the first time a number needs it
        self._frame: bool | None = None  # 基础上
        self._quote: bool | None = None  # "
        # looked for the first time a number needs them: most items hold no number that does
        self._aspiration: bool | None = None
        self._penalty: bool | None = None
        self._grant: bool | None = None
        self._conditions: int | None = None  # where a list of conditions opens (the end if none)
        self._years: list[tuple[int, bool]] | None = None  # where each year stands, and whether it dates a fact
        self.quotes: list[int] | None = None  # where each " stands, found the first time it is asked
        # the clause and sentence bounds found so far, by kind and position: each number asks for
        # the bounds around it many times
        self.bounds: tuple[dict[int, int], ...] = ({}, {}, {}, {})  # by kind: _CLAUSE_START, …
        self.verbs: dict[tuple[int, int], str | None] = {}  # the governing verb of each span asked for

    @property
    def has_frame(self) -> bool:
        if self._frame is None:
            self._frame = self.text.find(lx.BASELINE_FRAME[1], self.start, self.end) >= 0
        return self._frame

    @property
    def has_quote(self) -> bool:
        if self._quote is None:
            self._quote = self.text.find('"', self.start, self.end) >= 0
        return self._quote

    @property
    def has_aspiration(self) -> bool:
        if self._aspiration is None:
            self._aspiration = RE_ASPIRATION_CUE.search(self.text, self.start, self.end) is not None
        return self._aspiration

    @property
    def has_penalty(self) -> bool:
        if self._penalty is None:
            self._penalty = any(self.text.find(word, self.start, self.end) >= 0 for word in lx.PENALTY_WORDS)
        return self._penalty

    @property
    def has_grant(self) -> bool:
        """A subsidy, a budget or what a condition allows: parameters may stand in this item."""
        if self._grant is None:
            text, start, end = self.text, self.start, self.end
            self._grant = (
                text.find("可", start, end) >= 0  # the commonest, and the cheapest to look for
                or RE_SUBSIDY.search(text, start, end) is not None
                or RE_BUDGET.search(text, start, end) is not None
            )
        return self._grant

    def sets_a_condition(self, pos: int) -> bool:
        """Whether a number at ``pos`` is a threshold in a list of conditions: after the list's
        opening (符合下列要求的社会团体予以保留; 还应具备：), in a sentence whose modal says what a body
        must have (应有10万元以上资金，…基金数额不少于210万元): eligibility, not a goal."""
        if self._conditions is None:
            opening = RE_CONDITION_LIST.search(self.text, self.start, self.end)
            self._conditions = opening.start() if opening else self.end
        if self._conditions >= pos:
            return False
        sentence_start = self.sentence_start(pos)
        return any(self.text.find(modal, sentence_start, pos) >= 0 for modal in lx.POSSESSION_MODALS)

    def tells_of_the_past(self, pos: int) -> bool:
        """Whether the last year named in the sentence before ``pos`` dates what it tells of to a
        year before the plan's (1995年我国共发生5级以上地震48次 in a plan of 1996: a fact).  A year
        that sets a base (比2020年), a deadline (2024年底前), a start or a span names no such time;
        any other year in between (到2000年) tells of another time."""
        if self.year is None:
            return False
        if self._years is None:
            self._years = _sentence_years(self.text, self.start, self.end, self.year)
        if not self._years:
            return False
        k = bisect_left(self._years, (pos, False)) - 1
        return k >= 0 and self._years[k][1] and self._years[k][0] >= self.sentence_start(pos)

    def is_aspirational(self, pos: int) -> bool:
        """Whether a cue such as 力争 stands earlier in the sentence, or a verb such as 争创 earlier in
        the clause (its own object: 争创1—2个平台，建设2个研究院 strives for the first count only)."""
        if not self.has_aspiration:
            return False
        clause_start = None
        for cue in RE_ASPIRATION_CUE.finditer(self.text, self._firm_from(self.sentence_start(pos), pos), pos):
            if cue.group() == lx.EFFORT_NOUN and _names_the_effort(self.text, cue.start(), cue.end()):
                continue  # 经过…的努力，使其成为…: the effort made, the means of the goal
            if cue.group() not in lx.ASPIRATION_VERBS:
                return True
            clause_start = self.clause_start(pos) if clause_start is None else clause_start
            if cue.start() >= clause_start:
                return True
        return False

    def _firm_from(self, sentence_start: int, pos: int) -> int:
        """Where the striving that may govern ``pos`` can start: after the last firm cue before it in the
        sentence (力争达到90%、确保不低于85%: 确保 ends 力争's reach), unless a cue of striving governs that cue
        itself (力争确保)."""
        for word in lx.FIRM_CUES:
            at = self.text.rfind(word, sentence_start, pos)
            if at >= 0 and RE_ASPIRATION_CUE.search(self.text, max(sentence_start, at - 2), at) is None:
                sentence_start = at + len(word)
        return sentence_start

    def is_blocked(self, pos: int, clause_start: int) -> bool:
        """In the note, in quotation marks or a title, or in 在……的基础上."""
        if self.skip and self.skip[0] <= pos < self.skip[1]:
            return True
        if self.has_quote and self._quotes_before(pos) % 2:
            return True  # inside "…": the same mark opens and closes, so count them
        opening = RE_LAST_QUOTE_OPEN.search(self.text, max(self.start, pos - 120), pos)
        if opening is not None and self.text[opening.start()] != '"':
            quoted = RE_QUOTED.match(self.text, opening.start(), self.end)
            if quoted is not None and pos < quoted.end():
                return True
        if not self.has_frame:
            return False
        frame = RE_BASELINE_FRAME.search(self.text, clause_start, self.clause_end(pos))
        return frame is not None and frame.start() <= pos < frame.end()

    def _quotes_before(self, pos: int) -> int:
        if self.quotes is None:
            self.quotes = [m.start() for m in RE_STRAIGHT_QUOTE.finditer(self.text, self.start, self.end)]
        return bisect_left(self.quotes, pos)

    # A clause or sentence is looked for no further than its reach from a number: the longest
    # in the real documents of tests/corpus are about 210 and 310 characters, and an item of
    # thousands of numbers with no clause mark must not make every number read all of it.
    def clause_start(self, pos: int) -> int:
        found = self.bounds[_CLAUSE_START].get(pos)
        if found is None:
            found = self.bounds[_CLAUSE_START][pos] = self._after_last(RE_LAST_CLAUSE_END, pos, _CLAUSE_REACH)
        return found

    def clause_end(self, pos: int) -> int:
        found = self.bounds[_CLAUSE_END].get(pos)
        if found is None:
            found = self.bounds[_CLAUSE_END][pos] = self._first_from(RE_CLAUSE_END, pos, _CLAUSE_REACH)
        return found

    def sentence_start(self, pos: int) -> int:
        found = self.bounds[_SENTENCE_START].get(pos)
        if found is None:
            found = self.bounds[_SENTENCE_START][pos] = self._after_last(RE_LAST_SENTENCE_END, pos, _SENTENCE_REACH)
        return found

    def sentence_end(self, pos: int) -> int:
        found = self.bounds[_SENTENCE_END].get(pos)
        if found is None:
            found = self.bounds[_SENTENCE_END][pos] = self._first_from(RE_SENTENCE_END, pos, _SENTENCE_REACH)
        return found

    def governing(self, clause_start: int, start: int) -> str | None:
        """The verb that governs a number at ``start`` in a clause from ``clause_start`` (see _governing)."""
        key = (clause_start, start)
        if key not in self.verbs:
            self.verbs[key] = _governing(self.text, clause_start, start)
        return self.verbs[key]

    def _after_last(self, marks: regex.Pattern[str], pos: int, reach: int) -> int:
        """The offset just after the last mark before ``pos`` (the region's start if none), not
        looked for further back than ``reach``."""
        lower = max(self.start, pos - reach)
        match = marks.search(self.text, lower, pos)
        return match.end() if match else lower

    def _first_from(self, marks: re.Pattern[str], pos: int, reach: int) -> int:
        """Where the first mark from ``pos`` on stands (the region's end if none), not looked for
        further than ``reach``."""
        upper = min(self.end, pos + reach)
        match = marks.search(self.text, pos, upper)
        return match.start() if match else upper


def _names_the_effort(text: str, start: int, end: int) -> bool:
    """Whether 努力 in ``text[start:end]`` is a noun, the effort made (…的共同努力，首先使; 经过…的努力，
    使其成为), rather than a verb that strives for what follows (努力实现, 努力把…提高到).

    >>> _names_the_effort("依靠全社会的共同努力，首先使", 8, 10), _names_the_effort("经过努力，建成", 2, 4)
    (True, True)
    >>> _names_the_effort("努力实现覆盖率达到90%", 0, 2)
    False
    """
    return text.endswith(lx.EFFORT_NOUN_BEFORE, 0, start) or text[end : end + 1] in lx.CLAUSE_ENDS


_CLAUSE_START, _CLAUSE_END, _SENTENCE_START, _SENTENCE_END = range(4)  # the kinds of bound
_CLAUSE_REACH = 300
_SENTENCE_REACH = 1000


def extract_targets(text: str, region: Region, index: LineIndex) -> list[TargetRecord]:
    """Every target stated in ``text[region.start:region.end]``, in order."""
    return extract_all(text, [region], index)[0]


def extract_all(
    text: str, regions: list[Region], index: LineIndex, year: int | None = None, times: Times | None = None
) -> list[list[TargetRecord]]:
    """The targets of each of ``regions`` (in order, not overlapping), found in one scan;
    ``year`` is the plan's, for deadlines that give none (年内, 6月底前), and ``times`` the
    plan's times, where the caller has them."""
    found: list[list[TargetRecord]] = [[] for _ in regions]
    if not regions:
        return found
    i, context = 0, None
    contexts: dict[int, _Context] = {}  # made for the regions that hold a number, kept for the passes after
    for quantity in _quantities(text, regions[0].start, regions[-1].end):
        pos = quantity.start()
        while i < len(regions) and regions[i].end <= pos:
            i, context = i + 1, None
        if i == len(regions):
            break
        region = regions[i]
        if pos < region.start or quantity.end() > region.end:
            continue  # between regions, or running out of one
        context = context or contexts.setdefault(i, _Context(text, region, year))
        target = _target(text, quantity, context, region, index)
        if target is not None:
            _add(text, found[i], target)
    tables = _table_rows(text, regions, index)  # most plans hold none: one scan finds that out
    for k, (region, targets) in enumerate(zip(regions, found, strict=True)):
        if k in tables:
            rows = tables[k]  # a figure in a row is the row's target, not one of the text's
            targets[:] = [t for t in targets if not any(a <= t["number_span"][0] < b for a, b, _ in rows)]
        if targets:
            found[k] = _named_subjects(text, contexts[k], _distribute(text, contexts[k], targets))
            marks = (
                times.within(region.start, region.end) if times else find_times(text, region.start, region.end, year)
            )
            _set_times(
                text,
                contexts[k],
                region,
                found[k],
                [t for t in marks if t.kind != "scope" and t.end <= region.end],
                index,
            )
    for k, rows in tables.items():
        cells = [t for _start, _end, row in rows for t in row]
        found[k] = sorted(found[k] + cells, key=lambda t: t["number_span"][0])
    return found


def _table_rows(
    text: str, regions: list[Region], index: LineIndex
) -> dict[int, list[tuple[int, int, list[TargetRecord]]]]:
    """The rows of the tables printed as text inside the regions, by region: each row's span and its targets.

    A table of planned figures an item may hold (主要指标如下：): a header row whose cells after the first are
    years (指标名称　　2024年　　2025年), then rows of a name and one figure per year, the cells parted by gaps
    of two spaces or more (万元GDP能耗降低率（%）　　3.2　　3.5).  Each figure is a target of the row's
    indicator (its subject, the unit bracket left out), set for the end of its column's year, its unit the
    bracket's, a magnitude in it folded into the value (（亿千瓦时）: 36 is 3.6e9 千瓦时); a rate of a fall or a
    rise (降低率, 增长率) is a change.  The rows end at the first line that is not one."""
    tables: dict[int, list[tuple[int, int, list[TargetRecord]]]] = {}
    if not regions:
        return tables
    k, seen = 0, -1
    for column in RE_YEAR_COLUMN.finditer(text, regions[0].start, regions[-1].end):
        if column.start() <= seen:
            continue  # a column of a header already read
        while k < len(regions) and regions[k].end <= column.start():
            k += 1
        if k == len(regions) or column.start() < regions[k].start:
            continue
        region = regions[k]
        at = index.content_line_at(column.start())
        header = index.lines[at]
        seen = header.end
        unit_column, years = _header_years(text, header.start, header.end)
        if not years:
            continue
        rows = []
        for line in itertools.islice(index.lines, at + 1, None):
            if line.end > region.end:
                break
            row = _row_targets(text, line.start, line.end, years, unit_column, region, index)
            if row is None:
                break
            rows.append((line.start, line.end, row))
        if rows:
            tables.setdefault(k, []).extend(rows)
    return tables


def _header_years(text: str, start: int, end: int) -> tuple[bool, list[tuple[str, int, int]]]:
    """Whether a table's header row has a column of units after the first (指标　单位　2024年), and the years
    it heads its other columns with (the first cell names the rows: 指标名称), each with its span; no years
    where a cell after those is no year.

    >>> [y for y, _, _ in _header_years("指标名称　　2024年　　2025年", 0, 18)[1]]
    ['2024', '2025']
    >>> t = "指标　　单位　　2025年"
    >>> _header_years(t, 0, len(t))[0], _header_years("到2025年，　　完成任务　　2025年", 0, 19)
    (True, (False, []))
    """
    cells = _cells(text, start, end)
    unit_column = len(cells) > 2 and text[cells[1][0] : cells[1][1]] in lx.UNIT_COLUMN_HEADS
    years: list[tuple[str, int, int]] = []
    for cell_start, cell_end in cells[1 + unit_column :]:
        year = RE_YEAR_CELL.fullmatch(text, cell_start, cell_end)
        if year is None:
            return False, []
        years.append((f"{arabic_to_float(year.group('year')):.0f}", cell_start, cell_end))
    return unit_column, years


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of a row printed as text, parted by gaps."""
    cells, pos = [], start
    for gap in RE_ROW_GAP.finditer(text, start, end):
        cells.append((pos, gap.start()))
        pos = gap.end()
    cells.append((pos, end))
    return cells


def _row_targets(
    text: str,
    start: int,
    end: int,
    years: list[tuple[str, int, int]],
    unit_column: bool,
    region: Region,
    index: LineIndex,
) -> list[TargetRecord] | None:
    """The targets of a row of a table whose columns ``years`` head: a name, its unit where the table has a
    column of units, then a figure per year; None if the line is no such row (the note after the table, a
    paragraph)."""
    cells = _cells(text, start, end)
    if len(cells) != len(years) + 1 + unit_column:
        return None
    name_start, name_end = cells[0]
    name = text[name_start:name_end]
    if any(ch in lx.CLAUSE_ENDS for ch in name) or RE_HAS_DIGIT.fullmatch(name[:1] or "0"):
        return None
    figures = [RE_FIGURE_CELL.fullmatch(text, a, b) for a, b in cells[1 + unit_column :]]
    if not all(figures):
        return None
    subject, unit, magnitude = _indicator(name)
    if unit_column:
        unit, magnitude = _unit_in(text[cells[1][0] : cells[1][1]])
    change = _rate_change(subject)
    targets: list[TargetRecord] = []
    for figure, (year, year_start, year_end) in zip(figures, years, strict=True):
        assert figure is not None
        value = parse_number(figure.group("number") + magnitude)
        if value is None:
            return None
        sign = figure.group("cmp")
        targets.append(
            {
                "item": region.item,
                "section": region.section,
                "text": text[start:end],
                "span": [start, end],
                "line": index.line_of(figure.start()),
                "number_text": figure.group(),
                "number_span": [figure.start(), figure.end()],
                "value": normalise(value),
                "low": None,
                "high": None,
                "unit": _printed_unit(figure.group("pct") or unit),
                "comparator": _BOUNDS[sign] if sign else "=",
                "change": change,
                "aspirational": False,
                "subject": subject,
                "by": {"text": text[year_start:year_end], "span": [year_start, year_end], "date": f"{year}-12-31"},
            }
        )
    return targets


def _indicator(name: str) -> tuple[str, str, str]:
    """An indicator's name without its unit bracket, the unit the bracket gives and the magnitude before it.

    >>> _indicator("可再生能源发电量（亿千瓦时）"), _indicator("万元GDP能耗降低率（%）")
    (('可再生能源发电量', '千瓦时', '亿'), ('万元GDP能耗降低率', '%', ''))
    >>> _indicator("森林覆盖率")
    ('森林覆盖率', '', '')
    """
    bracket = RE_TRAILING_BRACKETS.search(name)
    if bracket is None:
        return name, "", ""
    unit, magnitude = _unit_in(bracket.group()[1:-1])
    if not unit:
        return name, "", ""  # a bracket that gives no unit: part of the name
    return name[: bracket.start()].rstrip(lx.SPACE_CHARS), unit, magnitude


def _unit_in(words: str) -> tuple[str, str]:
    """The unit ``words`` name whole, and the magnitude before it (亿千瓦时: 千瓦时, 亿); ('', '') if none.

    >>> _unit_in("亿千瓦时"), _unit_in("%"), _unit_in("—")
    (('千瓦时', '亿'), ('%', ''), ('', ''))
    """
    words = words.strip(lx.SPACE_CHARS)
    magnitude = next((m for m in _MAGNITUDES_LONGEST_FIRST if words.startswith(m) and len(words) > len(m)), "")
    unit = RE_UNIT.fullmatch(words, len(magnitude))
    return ("", "") if unit is None else (_unit_text(unit.group("unit")), magnitude)


_MAGNITUDES_LONGEST_FIRST = sorted(lx.MAGNITUDES, key=len, reverse=True)


def _rate_change(name: str) -> str | None:
    """The change an indicator's name states: a rate of a fall (降低率, 下降率, 降幅) or a rise (增长率, 增速).

    >>> _rate_change("万元GDP能耗降低率"), _rate_change("地区生产总值增长率"), _rate_change("森林覆盖率")
    ('decrease', 'increase', None)
    """
    if name.endswith(lx.FALL_RATE_WORDS):
        return "decrease"
    if name.endswith(lx.RISE_RATE_WORDS):
        return "increase"
    return None


def _quantities(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of RE_QUANTITY.finditer(text, start, end), RE_QUANTITY tried only where
    RE_NUMBER_START says one may start: a few times in a line rather than at every character."""
    pos = start
    while (hit := RE_NUMBER_START.search(text, pos, end)) is not None:
        quantity = RE_QUANTITY.match(text, hit.start(), end)
        if quantity is None:
            pos = hit.start() + 1
        else:
            yield quantity
            pos = quantity.end()


def _named_subjects(text: str, ctx: _Context, targets: list[TargetRecord]) -> list[TargetRecord]:
    """Several targets of one verb, each with the name of what it counts: each its subject.

    The name stands before its number (评选区域公用品牌10个和福建名牌农产品20个以上; 新增智能工厂50家、数字化
    车间200个: the words between the verb, or the target before, and the number) or, where the first number
    follows its verb at once, after it (实施100项重大工程项目和30项以上基础研究项目; 引育90名国家级、150名省级
    科技人才: the words after the unit and bound, up to the next joiner).  A clause with no verb of its own
    goes on with the verb of the clause before it (培育A企业1万家，B企业1000家左右).

    A subject is a name: words with no clause mark, no verb that sets a goal and no bound."""
    for group in _verb_groups(text, ctx, targets):
        if len(group) < 2 or any(t["subject"] for t, _left in group):
            continue
        names = _names_before(text, group)
        if not all(names):
            names = _names_after(text, ctx, group)
        if all(names):
            for (target, _left), name in zip(group, names, strict=True):
                target["subject"] = name
    return targets


def _verb_groups(text: str, ctx: _Context, targets: list[TargetRecord]) -> list[list[tuple[TargetRecord, int]]]:
    """The targets grouped by the verb that governs them, each with where its own words start: the
    clause's start for the first of a clause, else the end of the number before it."""
    groups: list[list[tuple[TargetRecord, int]]] = []
    last_clause: int | None = None
    for target in targets:
        start = target["number_span"][0]
        clause_start = ctx.clause_start(start)
        if groups and clause_start == last_clause:
            groups[-1].append((target, groups[-1][-1][0]["number_span"][1]))
            continue
        if groups and _continues(text, ctx, groups[-1], target):
            groups[-1].append((target, clause_start))
        else:
            groups.append([(target, clause_start)])
        last_clause = clause_start
    return groups


def _continues(text: str, ctx: _Context, group: list[tuple[TargetRecord, int]], target: TargetRecord) -> bool:
    """Whether a clause goes on with the verb of the group's clause: the clause right after the one
    the target before stands in, after a comma; a count in the same unit as the group's, with no verb,
    bound or change of its own before its number (the clause is its verb's second object, not a goal
    of its own: 总数超1800个 and 失业率控制在5.5%以内 are), not opening a part of the count before
    (其中); and with a name before its number where the group's first target has one (培育A企业1万家，B
    企业1000家) or none where it has none (培育20家A企业，100家B工厂; 建设2个研究院，布局1—2家实验室 is
    two verbs)."""
    first, left = group[0]
    current = group[-1][0]
    start = target["number_span"][0]
    clause_start = ctx.clause_start(start)
    previous_end = ctx.clause_end(current["number_span"][1])
    if text[previous_end : previous_end + 1] not in _COMMAS or _skip_space(text, previous_end + 1) != _skip_space(
        text, clause_start
    ):
        return False
    if target["unit"] != current["unit"] or target["number_text"].startswith(_DOUBLINGS):  # 翻一番: a change
        return False
    words = text[clause_start:start].strip(_BLANKS)
    if (
        words.startswith(lx.PART_OPENERS)
        or RE_GOVERNING_VERB.search(text, clause_start, start) is not None
        or _prefix_comparator(words) is not None
        or _LEVELS.ending(words)
        or _DECREASE.anywhere(words)
        or _INCREASE.anywhere(words)
    ):
        return False
    verbs = list(RE_GOVERNING_VERB.finditer(text, left, first["number_span"][0]))
    if not verbs:
        return False  # no verb to go on with
    first_words = text[verbs[-1].end() : first["number_span"][0]].strip(_BLANKS)
    return bool(words) == bool(first_words)


_COMMAS = frozenset("，,")
_DOUBLINGS = ("翻", lx.DOUBLING_WORD)  # how the number text of a doubling starts: 翻一番, 倍增


def _names_before(text: str, group: list[tuple[TargetRecord, int]]) -> list[str | None]:
    """The name before each number: after the last verb between where its words start and it."""
    names: list[str | None] = []
    for target, left in group:
        start = target["number_span"][0]
        verbs = list(RE_GOVERNING_VERB.finditer(text, left, start))
        words = text[verbs[-1].end() if verbs else left : start]
        names.append(_subject_words(words))
    return names


def _names_after(text: str, ctx: _Context, group: list[tuple[TargetRecord, int]]) -> list[str | None]:
    """The name after each number: from its unit to the first joiner outside brackets, the clause's
    end or the next number of the group (引育90名国家级、150名省级科技人才)."""
    names: list[str | None] = []
    for k, (target, _left) in enumerate(group):
        end = target["number_span"][1]
        stop = ctx.clause_end(end)
        if k + 1 < len(group):
            stop = min(stop, group[k + 1][0]["number_span"][0])
        stop = _first_joiner(text, end, stop)
        # a name that a joiner and the next number close is a noun, whatever verb it holds (集聚区)
        names.append(_subject_words(text[end:stop], listed=k + 1 < len(group) and text[stop] in _SUBJECT_JOINERS))
    return names


def _first_joiner(text: str, start: int, stop: int) -> int:
    """Where the first joiner (和, 、) outside brackets stands in ``text[start:stop]``, else ``stop``."""
    depth = 0
    for k in range(start, stop):
        ch = text[k]
        depth += ch in _OPENING
        depth -= ch in _CLOSING and depth > 0
        if depth == 0 and ch in _SUBJECT_JOINERS:
            return k
    return stop


def _subject_words(words: str, listed: bool = False) -> str | None:
    """The name in ``words`` before a number, without the unit, bound and joiner of the target before it.

    >>> _subject_words("个和福建名牌农产品"), _subject_words("区域公用品牌"), _subject_words("家以上，加快")
    ('福建名牌农产品', '区域公用品牌', None)
    >>> _subject_words("家以上、上海自贸区企业"), _subject_words("亩、产量稳定在"), _subject_words("个，惠及居民")
    ('上海自贸区企业', '产量', None)
    """
    name = words.strip(_BLANKS)
    unit = RE_UNIT.match(name)  # the unit, the bound and the joiner of the target before it (个以上、)
    if unit is not None and not (unit.group("unit") in lx.MEASURE_WORDS and not _ends_a_count(name, unit.end())):
        name = name[unit.end() :]  # (口袋公园 after 建成 opens with a measure word, no unit: the name whole)
    for words_before in (_BOUNDS_AFTER, _JOINERS):
        for word in words_before:
            if name.startswith(word):
                name = name[len(word) :]
                break
    name = name.strip(lx.SPACE_CHARS)
    level = _LEVELS.ending(name) or _PREFIXES.ending(name)  # 粮食播种面积稳定在 (1.7亿亩): the level's verb goes
    if level:
        name = name[: -len(level)]
    if not 2 <= len(RE_BRACKETED_ASIDE.sub("", name)) <= _SUBJECT_MAX or any(ch in lx.CLAUSE_ENDS for ch in name):
        return None  # 的, 为: no name
    if name.endswith(_JOINERS):
        return None  # 省实验室、 before 30家: the name of the number before, printed after it
    if not listed and (_GOAL_VERBS.anywhere(name) or any(verb in name for verb in lx.REACHING_VERBS)):
        return None
    if _INCREASE.ending(name) or _DECREASE.ending(name) or name.startswith(("的", "为", "是")):
        return None  # 提升 (…的比重): a change, not a name
    return name


def _ends_a_count(name: str, end: int) -> bool:
    """Whether a unit at the start of ``name`` (up to ``end``) ends the count before it: a bound, a joiner or
    nothing follows it (口、, 口以上和), where the rest of a name would (口袋公园).

    >>> _ends_a_count("口、山塘", 1), _ends_a_count("口袋公园", 1)
    (True, False)
    """
    rest = name[end:]
    return not rest or rest.startswith(_BOUNDS_AFTER) or rest.startswith(_JOINERS)


_BOUNDS_AFTER = tuple(sorted(lx.SUFFIX_COMPARATORS, key=len, reverse=True))
_JOINERS = ("以及", "、", "和", "及", "与")


def _distribute(text: str, ctx: _Context, targets: list[TargetRecord]) -> list[TargetRecord]:
    """Targets set for several subjects at once: 水稻、小麦收储率均达到90% is one target per
    subject; 小麦、玉米良种覆盖率分别达到98%和95% gives each number its subject."""
    out: list[TargetRecord] = []
    by_clause: dict[int, list[TargetRecord]] = {}
    for target in targets:
        by_clause.setdefault(ctx.clause_start(target["number_span"][0]), []).append(target)
    clauses = list(by_clause.items())
    for k, (clause_start, group) in enumerate(clauses):
        first = group[0]["number_span"][0]
        word = RE_DISTRIBUTIVE.search(text, clause_start, first + 1)  # + 1: 各 looks at the number after it
        if word is not None and "、" in text[word.end() : first]:
            word = None  # 都 of 成都、西安11个城市: in a name of the list, not after it
        list_start = clause_start
        if word is not None:
            list_start = _list_start(text, clause_start, word.start())
            subjects = _subjects(text[list_start : word.start()])
        else:
            subjects = []
        if word is not None and word.group("respectively") and len(subjects) < 2 and len(group) >= 2:
            # 乡村旅游接待游客突破300万人次，实现旅游综合收入12亿元，同比分别增长10%和12%: no list before 分别
            # in its clause — the subjects are what the clauses before it in the sentence count, in order
            out += _respectively_earlier(text, ctx, clauses[:k], group)
        elif word is None or len(subjects) < 2:
            out += group
        elif word.group("each") and len(group) == 1:
            out += [{**group[0], "subject": subject} for subject in subjects]
        elif word.group("respectively") and len(group) == len(subjects):
            # 分别增长5.5%和7%, 分别突破2.2万亿元、2.4万亿元: the verb or the bound before the first number
            # sets the change and the comparator of all of them; 2024年、2025年分别…: each its year
            change, comparator = group[0]["change"], group[0]["comparator"]
            years = _years(text, list_start, word.start())
            for k, (t, subject) in enumerate(zip(group, subjects, strict=True)):
                paired: TargetRecord = {**t, "change": t["change"] or change}
                if t["comparator"] == "=" and t["change"] is None and comparator not in ("=", "range"):
                    paired["comparator"] = comparator
                if years:
                    paired["by"] = years[k]
                else:
                    paired["subject"] = subject
                out.append(paired)
        else:
            out += group
    return out


def _respectively_earlier(
    text: str, ctx: _Context, before: list[tuple[int, list[TargetRecord]]], group: list[TargetRecord]
) -> list[TargetRecord]:
    """The numbers of a clause of 分别 with no list of its own, each given the change and the comparator the
    first one has (同比分别增长10%和12%: both growths) and, where as many clauses right before it in its
    sentence hold one target each, the name each of them counts, in order (乡村旅游接待游客突破300万人次，实现
    旅游综合收入12亿元，…: the first growth is of the visitors, the second of the income)."""
    change, comparator = group[0]["change"], group[0]["comparator"]
    paired: list[TargetRecord] = []
    for t in group:
        one: TargetRecord = {**t, "change": t["change"] or change}
        if t["comparator"] == "=" and t["change"] is None and comparator not in ("=", "range"):
            one["comparator"] = comparator
        paired.append(one)
    sentence_start = ctx.sentence_start(group[0]["number_span"][0])
    earlier = before[-len(group) :]
    if len(earlier) < len(group) or any(
        len(targets) != 1 or clause_start < sentence_start for clause_start, targets in earlier
    ):
        return paired
    names = []
    for clause_start, (target,) in earlier:
        start = target["number_span"][0]
        verbs = list(RE_GOVERNING_VERB.finditer(text, clause_start, start))
        names.append(_subject_words(text[verbs[-1].end() if verbs else clause_start : start]))
    if all(names):
        for one, name in zip(paired, names, strict=True):
            one["subject"] = name
    return paired


def _list_start(text: str, clause_start: int, end: int) -> int:
    """Where the list of subjects before a distributive word starts: after the verb the clause opens
    with (推动钢铁、石化行业…均), or after the last verb before the list's first 、 (免费开展宫颈癌、乳腺癌
    筛查各30万人: the words before it say for whom, not what); a verb that is the list's first member
    (新建、改扩建…) stays in it.

    >>> t = "为农村妇女免费开展宫颈癌、乳腺癌筛查各"
    >>> t[_list_start(t, 0, len(t) - 1):]
    '宫颈癌、乳腺癌筛查各'
    >>> t = "新建、改扩建幼儿园分别"
    >>> t[_list_start(t, 0, len(t) - 2):]
    '新建、改扩建幼儿园分别'
    """
    start = _skip_space(text, clause_start)
    first_joiner = text.find("、", start, end)
    if first_joiner < 0:
        verb = RE_GOVERNING_VERB.match(text, start, end)
        return verb.end() if verb else clause_start
    list_start = clause_start
    for verb in RE_GOVERNING_VERB.finditer(text, start, first_joiner):
        if verb.end() < first_joiner:
            list_start = verb.end()
    return list_start


def _years(text: str, start: int, end: int) -> list[DeadlineRecord]:
    """The years a list of nothing but years names (2024年、2025年分别…), each as the time it sets.

    >>> [y["date"] for y in _years("2024年、2025年分别", 0, 11)], _years("小麦、玉米", 0, 5)
    (['2024-12-31', '2025-12-31'], [])
    """
    if not RE_YEAR_LIST.fullmatch(text, start, end):
        return []
    return [
        {"text": m.group(), "span": [m.start(), m.end()], "date": f"{m.group(1)}-12-31"}
        for m in RE_LISTED_YEAR.finditer(text, start, end)
    ]


#: The last character of a name a count may total, right before the count (贵州10个, 西安11个, 市）2个).
RE_NAME_END = re.compile(r"[\u4e00-\u9fffA-Za-z）)》”]")
#: A list of years and nothing else, and each year in it.
RE_LISTED_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")
RE_YEAR_LIST = re.compile(r"\s*(?:(?:19|20)[0-9]{2}年\s*(?:、|和|及|与|，|,)?\s*)+")


def _subjects(text: str) -> list[str]:
    """The subjects a list names, the head they share written out for each.

    >>> _subjects("小麦、玉米良种覆盖率")
    ['小麦良种覆盖率', '玉米良种覆盖率']
    >>> _subjects("水稻、小麦收储率")
    ['水稻收储率', '小麦收储率']
    >>> _subjects("城镇和农村居民人均消费支出"), _subjects("孕产妇死亡率和婴儿死亡率")
    (['城镇居民人均消费支出', '农村居民人均消费支出'], ['孕产妇死亡率', '婴儿死亡率'])
    """
    parts = [p.strip(_BLANKS) for p in _split_outside_brackets(text, "、")]
    for joiner in _LIST_JOINERS:  # the last two joined by a word: A、B和C, 城镇和农村居民人均消费支出
        before, found, after = parts[-1].partition(joiner)
        if found and before and after:
            parts[-1:] = [before, after]
            break
    if len(parts) < 2 or not all(parts):
        return []
    first, last = parts[0], parts[-1]
    head = last[len(parts[-2]) :] if len(last) > len(parts[-2]) else ""
    if head and any(_names_a_whole_measure(part, last) for part in parts[:-1]):
        head = ""  # 农村自来水普及率、规模化供水工程覆盖农村人口比例: each member whole, no head to share
    return [part + head for part in parts[:-1]] + [last] if first else []


def _names_a_whole_measure(member: str, last: str) -> bool:
    """Whether a member of a list already names a whole measure, with no head of the last member's to
    share: it ends as the last member ends (新增耕地面积、高标准农田建设面积), or in a word naming a rate or
    an index (农村自来水普及率、…比例).

    >>> _names_a_whole_measure("农村自来水普及率", "规模化供水工程覆盖农村人口比例")
    True
    >>> _names_a_whole_measure("耕地保有面积", "高标准农田建设面积"), _names_a_whole_measure("小麦", "玉米良种覆盖率")
    (True, False)
    """
    return member[-1:] == last[-1:] or member.endswith(lx.RATE_WORDS)


_LIST_JOINERS = ("以及", "和", "及", "与")


def _split_outside_brackets(text: str, mark: str) -> list[str]:
    """``text`` split at each ``mark`` outside brackets: 县（市、区） is one member.

    >>> _split_outside_brackets("各县（市、区）、各开发区", "、")
    ['各县（市、区）', '各开发区']
    """
    if not any(ch in _OPENING for ch in text):
        return text.split(mark)  # most lists hold no bracket
    parts, depth, last = [], 0, 0
    for k, ch in enumerate(text):
        depth += ch in _OPENING
        depth -= ch in _CLOSING and depth > 0
        if depth == 0 and ch == mark:
            parts.append(text[last:k])
            last = k + 1
    return [*parts, text[last:]]


def _set_times(
    text: str,
    ctx: _Context,
    region: Region,
    targets: list[TargetRecord],
    times: list[TimeMark],
    index: LineIndex,
) -> None:
    """Each target's ``by``: a time stated in its sentence (2023年底前, 年内, 2020年初步建成…) before
    it and after any horizon (2025年底前实现…，到2027年…提高到35%: the horizon between governs), or in
    a later clause that completes the task (…，6月底前全面完成); else the last horizon before it in its
    item (到2025年，…) that no heading has closed; else the item's own 完成时限.
    全年 and 当年 set no time."""
    starts = [t.start for t in times]
    horizons = [t for t in times if t.horizon]
    horizon_starts = [t.start for t in horizons]
    reach: dict[int, int] = {}  # where each horizon used stops holding
    for target in targets:
        if target["by"] is not None:
            continue  # 2024年、2025年分别…: set with the year it is paired with
        pos = target["number_span"][0]
        start, end = ctx.sentence_start(pos), ctx.sentence_end(pos)
        in_sentence = [t for t in times[bisect_left(starts, start) : bisect_left(starts, end)] if not t.horizon]
        horizon = bisect_left(horizon_starts, pos) - 1
        # a horizon between an earlier deadline and the number governs it (2025年底前实现…，到2027年…提高到35%)
        after = horizons[horizon].start if horizon >= 0 else -1
        earlier = [t for t in in_sentence if t.start < pos and t.start > after]
        if earlier and _each_of_the_counted(text, ctx, pos, earlier[-1], targets):
            earlier = []  # 6月底前，选择30个城市…，每个试点城市带动不少于500家: the deadline times the choice
        later = None if earlier else _completing(text, [t for t in in_sentence if t.start > pos], ctx)
        time = earlier[-1] if earlier else later
        if time is None and horizon >= 0 and horizon not in reach:  # needed only where no time is stated
            reach[horizon] = _horizon_reach(text, horizons[horizon].start, region.end, index)
        if time is not None and _due_before(region.deadline, time):
            target["by"] = region.deadline  # 年内完成…8万亩 in an item due （2025年11月底前）: the task's date
        elif time is not None:
            target["by"] = time.record(text)
        elif horizon >= 0 and pos < reach[horizon]:
            target["by"] = horizons[horizon].record(text)
        elif region.deadline is not None:
            target["by"] = region.deadline


def _due_before(deadline: DeadlineRecord | None, time: TimeMark) -> bool:
    """Whether the item's 完成时限 (a field of its note) falls before a time its text states: what the text
    times within the task (年内完成…) is due with the whole task, by the field's date.

    >>> _due_before({"text": "2025年11月底前", "span": [0, 0], "date": "2025-11-30"}, TimeMark(0, 2, "deadline",
    ...     "2025-12-31"))
    True
    """
    due = deadline["date"] if deadline is not None else None
    return due is not None and time.date is not None and due < time.date


def _each_of_the_counted(text: str, ctx: _Context, pos: int, time: TimeMark, targets: list[TargetRecord]) -> bool:
    """Whether a number at ``pos`` is what each one of a kind is to do (its clause opens with 每个), after a
    clause that counts those ones under the deadline ``time``: 2020年6月底前，在全国选择30个左右城市开展试点，
    每个试点城市带动不少于500家中小企业 — the deadline times the choice of the cities; what each city then
    brings about follows it (2022年底前，每个省份至少完成10个, with no count between, is due then)."""
    clause_start = ctx.clause_start(pos)
    if not text[clause_start:pos].lstrip(_BLANKS).startswith(lx.EACH_SUBJECT_WORDS):
        return False
    return any(time.end <= t["number_span"][0] < clause_start for t in targets)


def _horizon_reach(text: str, start: int, end: int, index: LineIndex) -> int:
    """Where a horizon stops holding: at the next heading of the level of the one its paragraph opens
    with, or of a higher one (（四）试点目标。到2020年，… holds no further than （五）); a horizon in a
    paragraph with no heading holds to the end (到2025年，主要目标是：⏎1.…⏎2.…)."""
    lines, k = index.lines, index.content_line_at(start)
    own = heading_at(text, lines[k]) if lines and lines[k].start <= start else None
    if own is None:
        return end
    for line in itertools.islice(lines, k + 1, None):
        if line.start >= end:
            break
        heading = heading_at(text, line)
        if heading is not None and heading.level <= own.level:
            return line.start
    return end


def _completing(text: str, later: list[TimeMark], ctx: _Context) -> TimeMark | None:
    """The deadline after a number in its sentence that completes its task: where the sentence lists the
    task's stages (3月底前完成选址，6月底前全部开工，10月底前建成投用), the last stage, if its clause completes
    something (建成, 完成, 竣工: the task is done then); else the first deadline whose clause completes the
    whole task (…，6月底前全面完成)."""
    if len(later) >= 2 and _completes(text, later[-1], ctx, whole=False):
        return later[-1]
    return next((t for t in later if _completes(text, t, ctx)), None)


def _completes(text: str, time: TimeMark, ctx: _Context, whole: bool = True) -> bool:
    """Whether the clause a later deadline stands in completes the task (6月底前全面完成改造任务),
    rather than starting another step of it (6月底前全部开工); with ``whole`` false, whether it completes
    anything at all (10月底前建成投用: the last of the task's stages)."""
    end = ctx.clause_end(time.end)
    if whole:
        return RE_COMPLETION.search(text, time.end, end) is not None
    return any(text.find(word, time.end, end) >= 0 for word in lx.COMPLETION_WORDS)


def _add(text: str, targets: list[TargetRecord], target: TargetRecord) -> None:
    if targets and targets[-1]["span"][1] < target["span"][1] and target["span"][0] <= targets[-1]["span"][1]:
        # two targets in one clause joined by 、: the second starts after it
        start = _skip_space(text, targets[-1]["span"][1] + 1)
        target["span"][0], target["text"] = start, text[start : target["span"][1]]
    targets.append(target)


def _target(text: str, quantity: re.Match[str], ctx: _Context, region: Region, index: LineIndex) -> TargetRecord | None:
    start = quantity.start()
    double, low, high, pct = quantity.group("double", "low", "high", "pct")
    unit = _Unit(lx.DOUBLING_UNIT, None, quantity.end()) if double else _unit(text, quantity, ctx)
    if unit is None or (not double and _is_not_a_quantity(text, quantity, unit, ctx)):
        return None
    if not double and parse_number(low) is None:
        return None  # a number of thousands of digits: no value to reach
    capability = _states_a_capability(text, start, unit.end, ctx)  # 具备抗御6级左右地震的能力: a goal
    if unit.text in lx.GOAL_ONLY_UNITS:  # 三级公立医院, 60岁以上老年人 — looked at first: there are many
        near = text[max(ctx.start, start - _LOOK_BACK) : start]
        if _prefix_comparator(near) is None and not near.endswith(lx.LEVEL_VERBS) and not capability:
            return None
        if _counts_before(text[ctx.clause_start(start) : start]):
            return None  # 100家企业达到3级以上标准: the level the counted ones reach, the count the goal
    clause_start = ctx.clause_start(start)
    if ctx.is_blocked(start, clause_start):
        return None
    before = text[max(clause_start, start - _LOOK_BACK) : start].rstrip(_BLANKS)
    suffix = RE_SUFFIX_COMPARATOR.match(text, unit.end, ctx.end) or RE_WRAPPED_SUFFIX_COMPARATOR.match(
        text, unit.end, ctx.end
    )  # 6万亩⏎以上: a comparator a hard wrap put on the next line
    if suffix is not None and suffix.group("cmp") == "内" and unit.text not in lx.TIME_UNITS:
        suffix = None
    prefix = _prefix_comparator(before) or (_magnitude_bound(text, quantity, ctx) if unit.text == "" else None)
    is_range = high is not None
    if (
        low
        and not RE_HAS_DIGIT.search(low)
        and not (
            is_range
            or suffix
            or prefix
            or pct
            or _GOAL_VERBS.ending(before)
            or before[-1:] in lx.TITLE_CLOSES
            or _far_goal(text, clause_start, start, low, unit.end)
            or _multiplies(unit.text, before)
        )
    ):
        return None  # a Chinese numeral with nothing that makes it a goal: a fixed phrase
    if low and low[:1] in _BARE_MAGNITUDES and not (prefix or pct or _GOAL_VERBS.ending(before)):
        return None  # a magnitude alone counts only right after a bound or a goal verb: 超千家, 支持千家企业
    # The two commonest reasons to leave a number out, looked at before the rarer ones below (which of
    # them leaves a number out does not change what is kept):
    if _describes(text, quantity, unit, suffix, before, clause_start):
        return None
    if _is_parameter(text, start, unit.text, clause_start, ctx):
        return None
    if (
        RE_BASELINE_CUE.search(text, clause_start, start)
        or _done_before(before, ctx.year)
        or _starts_a_change(text, clause_start, start, suffix.end() if suffix else unit.end)
    ):
        return None  # a number that counts what already exists: 已建成12个, 现有……, 2016年实施的24项, 由320万…提高到
    if _completed(text, clause_start, start, before) or ctx.tells_of_the_past(start):
        return None  # what was done: 共落实了165名, 共发生48次; 1995年…48次 in a plan of 1996
    if ctx.sets_a_condition(start):
        return None  # 符合下列要求的…: …应有10万元以上资金 — a threshold to qualify, not a goal
    if (
        high is None
        and not (prefix or suffix or unit.approx)
        and _sizes_a_list(text, quantity, unit.text, clause_start)
    ):
        return None
    expression_end = suffix.end() if suffix else unit.end
    if _qualifies(
        text, expression_end, unit.text, ctx, prefix, bare=prefix is None and not ctx.governing(clause_start, start)
    ):
        return None
    if not capability and _not_a_goal(text, start, unit.text, expression_end, before, clause_start, ctx, prefix):
        return None  # (the words between a capability's number and 能力 qualify it: 6级左右地震的能力)
    if unit.text in lx.BOUNDED_DURATION_UNITS and not (
        suffix or prefix or ctx.governing(clause_start, start) in lx.REACH_DOWN_VERBS
    ):
        return None  # 用3个月时间: a span of time, not a target
    return _record(text, quantity, unit, suffix, prefix, before, clause_start, ctx, region, index)


def _states_a_capability(text: str, start: int, end: int, ctx: _Context) -> bool:
    """Whether a level or an amount at ``start`` (its unit ending at ``end``) is the capability a goal
    sets, with no verb that reaches it: a verb of having (具备, 形成, 拥有) before it in its clause, a few
    words at most between (抗御, 年产), and 能力 closing the phrase after it, a few words and 的 at most
    between (基本具备抗御6级左右地震的能力, 形成年产100万吨的生产能力).  Not a capability already there
    (已具备…: a fact), one a body must have (应具备…能力: a condition), nor one that qualifies what
    follows (具备年产10万吨生产能力的企业: who is eligible).

    >>> t = "使大中城市基本具备抗御6级左右地震的能力。"
    >>> _states_a_capability(t, 11, 13, _Context(t, Region(0, len(t), None, None)))
    True
    >>> t = "具备年产10万吨生产能力的企业，可以申报。"
    >>> _states_a_capability(t, 4, 8, _Context(t, Region(0, len(t), None, None)))
    False
    """
    at = text.find(lx.CAPABILITY_NOUN, end, end + _CAPABILITY_REACH)
    if at < 0:
        return False  # most numbers have no 能力 after them (looked for before the clause's end is)
    if at + len(lx.CAPABILITY_NOUN) > ctx.clause_end(end):
        return False  # the first 能力 in reach runs past the clause's end: so would any after it
    if text.startswith("的", at + len(lx.CAPABILITY_NOUN)) or RE_HAS_DIGIT.search(text, end, at):
        return False
    clause_start = ctx.clause_start(start)
    lower = max(clause_start, start - _CAPABILITY_REACH)
    verb_at, verb = max((text.rfind(verb, lower, start), verb) for verb in lx.CAPABILITY_VERBS)
    if verb_at < 0 or "的" in text[verb_at:start]:
        return False
    words = text[clause_start:verb_at]
    return not any(word in words for word in lx.ALREADY_WORDS) and not (words + verb).endswith(lx.POSSESSION_MODALS)


_CAPABILITY_REACH = 10  # characters between a capability's verb and its number, and its number and 能力


def _sizes_a_list(text: str, quantity: re.Match[str], unit: str, clause_start: int) -> bool:
    """Whether a count right after a list of names joined by 、 totals that list: the number of names it
    holds (确定北京、吉林、…、贵州10个省（区、市）作为试点地区; 选择北京、天津、…、重庆和沈阳、…、西安11个城市):
    the size of the list, what the plan names, not a goal.  A goal verb in the clause makes the count one to
    reach (新建学校、医院2所; 培育电子信息、装备制造2个产业集群), and a list holding counts is a list of goals
    (新增A园区5个、B中心2个).  A 和 may join two of the names or stand inside one (发展和改革委员会): the count
    may be either."""
    start = quantity.start()
    if unit not in lx.COUNTING_CLASSIFIERS or text.find("、", clause_start, start) < 0:
        return False  # most numbers follow no list
    words = text[clause_start:start]
    if words.endswith(lx.LIST_CLOSERS):
        words = words[: -len(lx.LIST_CLOSERS[0])]  # 北京、上海、广州等3个城市: the 等 that closes the list
    if not words or not RE_NAME_END.search(words[-1]) or RE_GOVERNING_VERB.search(text, clause_start, start):
        return False  # 新建学校、医院2所, 甲县、乙县各新建学校2所: a count a goal verb sets, of kinds, not names
    value = parse_number(quantity.group("low"))
    if value is None or value != int(value):
        return False
    parts = _split_outside_brackets(words, "、")
    if any(ch.isdigit() for ch in words[max(0, len(parts[0]) - _NAME_REACH) :]) or any(
        len(RE_BRACKETED_ASIDE.sub("", part)) > _SUBJECT_MAX for part in parts[1:]
    ):
        return False  # 新增工厂50家、车间2个: counts in a list, each its own goal; long members are no names
    fewest, most = _list_size(parts)
    return fewest >= 2 and fewest <= value <= most


def _list_size(parts: list[str]) -> tuple[int, int]:
    """The fewest and the most names a list split at 、 (outside brackets) may hold: each 和, 及 or 与 after
    the first 、 may join two names or stand inside one (发展和改革委员会).

    >>> _list_size(["确定北京", "吉林", "贵州"]), _list_size(["选择北京", "重庆和沈阳", "西安"])
    ((3, 3), (3, 4))
    """
    joiners = sum(part.count(joiner) for part in parts[1:] for joiner in _LIST_JOINERS if len(joiner) == 1)
    return len(parts), len(parts) + joiners


def _not_a_goal(
    text: str,
    start: int,
    unit: str,
    expression_end: int,
    before: str,
    clause_start: int,
    ctx: _Context | None,
    prefix: str | None = None,
) -> bool:
    """A number that describes, conditions or penalises what a task works on rather than setting a
    goal: a qualifier before 的 (年营业收入500万元以上的企业, 20户以上的村), a count of things under way the work
    acts on (加快3座在建抽水蓄能电站建设), the cap of a round of
    selection (每年遴选不超过20个), a standard for each one (为每人提供3个岗位信息), what a clause opening
    with 围绕 or 针对 works on (围绕12条产业链, 针对300种商品), the bounds of a penalty (处1万元以上5万元以下
    的罚款), the level that triggers a measure (涨幅达到3.5%时), a time of day (晚8时40分).

    >>> t = "对年营业收入10亿元以上的链主企业实行“一企一策”"
    >>> _not_a_goal(t, 6, "亿元", 12, "对年营业收入", 0, None)
    True
    """
    words = text[clause_start:start]
    if unit not in lx.PERCENT_UNITS:
        bound = _PREFIXES.ending(before)
        verb = _GOAL_VERBS.ending(before[: -len(bound)] if bound else before)
        if (
            text.startswith("的", expression_end)
            and (verb is None or verb in lx.REACHING_VERBS)
            and not (unit[:1].isascii() and unit[:1].isalpha())  # 噪音水平0.6Pa以内的压力传感器: a spec
            and not (verb is None and _sums_up(text, clause_start, start, bound, unit))
        ):
            return True  # a measure of what follows: 500万元以上的企业, 覆盖20户以上的村 (培育10家以上的企业,
            #            打造不少于2万平方米的空间 and 达到2000人的规模 are goals: a goal verb sets them; so
            #            is 打造10个以上、总面积不低于100万平方米的社区, the size of them all)
        opening = words.lstrip(_BLANKS)
        if (
            opening.startswith("对")
            and not opening.startswith(lx.NOT_OBJECT_AFTER, 1)  # 对外贸易…、…的目标: no 对 of an object
            and RE_LISTED_QUALIFIER.match(text, expression_end) is not None
        ):
            return True  # 对亩均投资达到300万元以上、亩均税收达到30万元以上的项目: each bound of the list qualifies
        if bound is None and RE_COUNTED_QUALIFIER.match(text, expression_end) and not _GOAL_VERBS.anywhere(words):
            return True  # 连续发生3起事故的企业: what happened to what follows, not a count to reach (推动
            #            《白茶》…两项国家标准的翻译工作 is a goal: a goal verb sets it)
        if text.startswith(lx.SIZE_OF_WORDS, expression_end) and not _GOAL_VERBS.anywhere(words):
            return True  # 超过1000人规模的学校: the size of what follows (发掘不少于50个潜力巨大的项目 is a goal)
    if unit in lx.TIME_UNITS and before.rstrip(lx.SPACE_CHARS).endswith(lx.COUNTED_FROM_WORDS):
        return True  # 自作出决定之日起20个工作日内公开: a time limit counted from each case, a rule of procedure
    if unit not in lx.COUNTING_CLASSIFIERS and _names_a_project(text, expression_end):
        return True  # 抓好80万吨乙烯改扩建项目: a capacity in the name of a project
    if text.startswith(lx.UNDER_WAY_WORDS, expression_end):
        return True  # 加快3座在建抽水蓄能电站建设: the plants under way the work acts on, its scope
    if text.startswith("时", expression_end) and not text.startswith(("时间", "时期", "时限"), expression_end):
        return True  # 涨幅达到3.5%时: the level that triggers a measure
    if unit == "时" and (text.startswith("分", expression_end) or before.endswith(lx.TIME_OF_DAY_WORDS)):
        return True  # 晚8时40分: a time of day
    if unit == "分" and before.endswith("时") and before[-2:-1].isdigit():
        return True  # the minutes of 8时40分
    opening = words.lstrip(_BLANKS)
    if (
        (
            opening.startswith(lx.QUALIFYING_PREPOSITIONS)
            or (
                opening.startswith(lx.OBJECT_PREPOSITIONS)
                and not opening[1:].startswith(lx.NOT_OBJECT_AFTER)
                and unit not in lx.PERCENT_UNITS  # 对新出台的政策措施100%开展审查: the share to cover, a goal
                and ctx is not None  # 对1000名农村劳动力开展技能培训: how many the work serves, a goal
                and any(w in text[expression_end : ctx.clause_end(expression_end)] for w in lx.OBSERVING_WORDS)
            )
        )
        and not _GOAL_VERBS.anywhere(words)
    ):
        return True  # 围绕集成电路等12条重点产业链实施链长制; 对全市100家重点零售企业开展月度监测 (the sample)
    if (
        opening.startswith(lx.MEANS_OPENER)
        and not opening.startswith(lx.NOT_MEANS_OPENERS)
        and not _GOAL_VERBS.anywhere(words)
        and ctx is not None
        and text.find(lx.MEANS_CLOSER, expression_end, ctx.clause_end(expression_end)) >= 0
    ):
        return True  # 以8个国家算力枢纽、10个数据中心集群为抓手: the means the work takes, not a goal
    if prefix is not None and _states_a_norm(words):
        return True  # 原则上不高于承担风险责任的0.5%: a norm for others
    if prefix is not None and unit in lx.PERCENT_UNITS and _spends_a_fund(words, prefix):
        return True  # 福利彩票公益金用于养老服务的比例不低于55%: how the money is spent, a rule
    if _PRECEDENCE.anywhere(words):
        return True  # 优先支持其行政区域内1家符合条件的…: how many a rule puts first, not a goal
    capped = prefix is not None and _BOUNDS[prefix] in ("<=", "<")
    if capped and (
        (
            any(text.find(word, clause_start, start) >= 0 for word in lx.ROUND_WORDS)
            and any(text.find(verb, _selection_reach(text, words, start, prefix, ctx, clause_start), start) >= 0
                    for verb in lx.SELECTION_VERBS)
        )
        or (unit not in lx.TIME_UNITS and unit not in lx.PERCENT_UNITS and _selects(text, clause_start, start))
    ):  # fmt: skip
        return True  # 每年遴选不超过20个, 每两年评选一次…，每次不超过50名, 遴选典型案例不超过20个: the cap of a
        #            selection (每年认定30个左右 is a goal; 每年认定…，每年新增用水总量不超过500万立方米 caps
        #            something else; 认定办理时限不超过10个工作日 is a time to serve in)
    if unit in lx.TIME_UNITS and any(word in words for word in lx.DAILY_WORDS):
        return True  # 保证每天校园体育运动不少于1小时: a standard kept every day, not a result
    if _provides_to_each(words):
        return True  # 为每人提供3个以上岗位信息, 为每家OPC提供不少于2000卡时, 各中小学至少配备1名
    if ctx is not None and not ctx.has_penalty:
        return False
    clause_end = ctx.clause_end(expression_end) if ctx is not None else len(text)
    return any(text.find(word, clause_start, clause_end) >= 0 for word in lx.PENALTY_WORDS)


def _sums_up(text: str, clause_start: int, start: int, bound: str | None, unit: str) -> bool:
    """Whether a number inside a 的 phrase is the combined size of what the clause's goal verb makes:
    the words between the verb and the number name a total (打造总面积不低于100万平方米的社区), or follow a
    count of the same things, joined to it by 、 (打造10个以上、总面积不低于100万平方米的社区: the count and
    the size of them all, two goals).  Not a bound for each one (建成超10家面积均不少于1万平方米的社区),
    a threshold with no goal verb before it (年营业收入500万元以上的企业, 居住累计不超过90天的), nor a sum
    of money (设立总规模不少于100亿元的基金: the size of a fund, a means).

    >>> t = "打造10个以上、总面积不低于100万平方米的社区"
    >>> _sums_up(t, 0, 15, "不低于", "平方米"), _sums_up("打造总面积不低于100万平方米的社区", 0, 8, "不低于", "平方米")
    (True, True)
    >>> _sums_up("建成面积不低于1万平方米的社区", 0, 7, "不低于", "平方米")
    False
    >>> _sums_up("设立总规模不少于100亿元的基金", 0, 8, "不少于", "元")
    False
    """
    if unit.startswith(lx.MONEY_UNITS):
        return False
    end = start - len(bound) if bound else start
    verbs = [v for v in RE_GOVERNING_VERB.finditer(text, clause_start, end) if v.group() not in lx.TOTAL_HEADS]
    if not verbs:
        return False  # 累计 names the total, it sets no goal of its own here
    tail = text[verbs[-1].end() : end].strip(_BLANKS)
    count = RE_QUANTITY.match(tail)
    listed = False
    if count is not None:  # 10个以上、: a count of the things made, then their size
        counted = RE_UNIT.match(tail, count.end())
        if counted is None or counted.group("unit") not in lx.COUNTING_CLASSIFIERS:
            return False
        after = RE_SUFFIX_COMPARATOR.match(tail, counted.end())
        at = after.end() if after else counted.end()
        if not tail.startswith("、", at):
            return False
        tail, listed = tail[at + 1 :], True
    if (
        not tail
        or len(tail) > _NAME_REACH
        or any(ch in _PHRASE_ENDS or ch.isdigit() for ch in tail)
        or any(word in tail for word in (*lx.EACH_WORDS, *lx.EACH_ONE_WORDS, "每"))
    ):
        return False
    return listed or (tail.startswith(lx.TOTAL_HEADS) and not tail.startswith(lx.NOT_TOTAL_HEADS))


def _provides_to_each(words: str) -> bool:
    """Whether the words before a number provide it to each one of a kind: 每人, 每家OPC, 每5所幼儿园 or
    a clause opening with 各 (各中小学), then a verb of provision (提供, 配备), with a name at most between.

    >>> _provides_to_each("为每人提供"), _provides_to_each("每年为每家OPC提供不少于")
    (True, True)
    >>> _provides_to_each("各中小学至少配备"), _provides_to_each("每5所幼儿园配备"), _provides_to_each("每年提供")
    (True, True, False)
    """
    at = words.rfind("每")
    while at >= 0 and words.startswith(lx.PERIOD_HEADS, at + 1):
        at = words.rfind("每", 0, at)  # 每年 is a rhythm, not a head: 每年为每家…
    if at < 0:
        stripped = words.lstrip(_BLANKS)
        if not stripped.startswith("各"):
            return False
        at = len(words) - len(stripped)
    for verb in lx.PROVISION_VERBS:
        found = words.find(verb, at + 1)
        if found >= 0:
            between = words[at + 1 : found]
            bound = _PREFIXES.ending(between)
            name = between[: -len(bound)] if bound else between
            if (
                len(name) <= _NAME_REACH
                and not _GOAL_VERBS.anywhere(name)
                and not any(ch in lx.CLAUSE_ENDS for ch in name)
            ):
                return True
    return False


def _states_a_norm(words: str) -> bool:
    """Whether the words before a bound state a norm: 原则上 with no goal verb after it.

    >>> _states_a_norm("原则上不高于承担风险责任的"), _states_a_norm("原则上每个省培育")
    (True, False)
    """
    for word in lx.NORM_WORDS:
        at = words.rfind(word)
        if at >= 0 and not _GOAL_VERBS.anywhere(words[at + len(word) :]):
            return True
    return False


def _spends_a_fund(words: str, bound: str) -> bool:
    """Whether the words before a bound name the share of a fund spent on something: a rule for how the money
    is spent (福利彩票公益金用于养老服务的比例不低于), not a result (土地出让收入用于农业农村比例达到 is one: no bound).

    >>> _spends_a_fund("福利彩票公益金用于养老服务的比例不低于", "不低于"), _spends_a_fund("覆盖率不低于", "不低于")
    (True, False)
    """
    at = words.rfind(bound)
    return at >= 0 and RE_FUND_SHARE.search(words, 0, at) is not None


def _selects(text: str, clause_start: int, start: int) -> bool:
    """Whether the last verb before a number in its clause selects (遴选, 评选, 认定): what it counts is
    what a selection takes in.

    >>> _selects("遴选农村客运典型案例不超过", 0, 13), _selects("遴选企业，新建示范点不超过", 5, 13)
    (True, False)
    """
    verbs = list(RE_GOVERNING_VERB.finditer(text, clause_start, start))
    return bool(verbs) and verbs[-1].group() in lx.SELECTION_VERBS


def _selection_reach(
    text: str, words: str, start: int, prefix: str | None, ctx: _Context | None, clause_start: int
) -> int:
    """Where a selection verb may stand for a cap to be the cap of its round: in the cap's clause, or
    earlier in the sentence where the clause is the round and its cap alone (…评选一次…，每次不超过50名)."""
    rest = words.strip(lx.SPACE_CHARS)
    if prefix is not None and rest.endswith(prefix):
        rest = rest[: -len(prefix)]
    return ctx.sentence_start(start) if ctx is not None and rest in lx.ROUND_WORDS else clause_start


def _names_a_project(text: str, end: int) -> bool:
    """Whether the words after a measure run on, with no mark, into the project it sizes (80万吨乙烯
    改扩建项目, 10万千瓦光伏电站工程).

    >>> _names_a_project("80万吨乙烯改扩建项目", 3), _names_a_project("80万吨，建成项目", 3)
    (True, False)
    """
    words = text[end : end + _PROJECT_REACH]
    for noun in lx.PROJECT_NOUNS:
        at = words.find(noun)
        after = text[end + at + len(noun) : end + at + len(noun) + 1]
        if (
            at >= 0
            and not any(mark in words[:at] for mark in lx.CLAUSE_ENDS + "、（）()")
            and (after == "" or after in lx.CLAUSE_ENDS or after.isspace())
        ):
            return True  # the noun ends the phrase: 招商推介会 after 重点项目 names no project
    return False


#: The rest of a list of bounds joined by 、 up to the 的 that ends it (、亩均税收达到30万元以上的): the list
#: qualifies what follows as the last bound does.
RE_LISTED_QUALIFIER = re.compile(r"、[^，。；;,:：、]{0,16}?[0-9０-９][0-9０-９.．]*[^，。；;,:：、的]{0,6}?(?=的)")
#: A short name, then 的 and the name it qualifies, right after a count (3起事故的企业).
RE_COUNTED_QUALIFIER = re.compile(r"[\u4e00-\u9fff]{1,4}的[\u4e00-\u9fff]")
_PROJECT_REACH = 14  # characters between a measure and the project it names


def _far_goal(text: str, clause_start: int, start: int, numeral: str, unit_end: int) -> bool:
    """A Chinese numeral with a goal verb earlier in its clause: of ten or more (建设标准化示范点一百五十个),
    or, smaller, closing its phrase after the name it counts (组建城市医疗集团3个、县域医共体八个; 新增省级
    重点专科五个、…: fixed phrases go on after their numeral, 落实四个最严要求, 突出五个到位).

    >>> _far_goal("组建集团3个、医共体八个，", 0, 10, "八", 12), _far_goal("突出五个到位，", 0, 2, "五", 4)
    (True, False)
    """
    value = parse_number(numeral)
    if value is None or not _GOAL_VERBS.anywhere(text[clause_start:start]):
        return False
    return value >= _FAR_GOAL_MIN or (
        text[unit_end : unit_end + 1] in _PHRASE_ENDS and text[start - 1 : start] not in _PHRASE_ENDS
    )  # 修订示范、一类、二类、三类幼儿园建设标准: a list of classes, no name before the numeral


_PHRASE_ENDS = frozenset(lx.CLAUSE_ENDS + "、")


_BARE_MAGNITUDES = frozenset("千百万亿")  # how a number that is a magnitude alone starts
_FAR_GOAL_MIN = 10  # smaller Chinese numerals far from their verb are mostly phrases (两个机制)


def _is_parameter(text: str, start: int, unit: str, clause_start: int, ctx: _Context) -> bool:
    """A number that sets a rule rather than a goal: in a clause that grants a subsidy or a
    reward, in the condition before one (对…的，给予…), an amount capped or per head
    (单笔最高不超过20万元, 每人1000元), a budget (安排专项资金3亿元), a rate framed by 按 (按利率的50%),
    or a frequency (每年召开2次)."""
    if text.endswith(lx.CAP_WORDS, clause_start, start) or text.endswith(
        lx.CAP_WORDS, clause_start, max(clause_start, start - 2)
    ):
        return True  # 最高100万元, 最长30天: the most a rule allows
    if _sets_a_rule_for_each(text, start, unit, clause_start) or (
        text.startswith(lx.CONDITION_WORDS, clause_start)  # _sanctions' own first test, before the clause's end
        and _sanctions(text, start, clause_start, ctx.clause_end(start))
    ):
        return True
    if unit.startswith(lx.MONEY_UNITS) and _per_unit(text, clause_start, start):
        return True  # 用电价格每千瓦时降低0.05元: a price per unit, not a result
    if (
        unit.startswith(lx.MONEY_UNITS)
        and text.find(lx.SIZE_WORD, clause_start, start) >= 0
        and RE_FUND_SET_UP.search(text, ctx.sentence_start(start), start) is not None
    ):
        return True  # 设立城市更新基金，首期规模50亿元: the size of a fund set up, a means
    if not ctx.has_grant:  # most items grant nothing: only a rate or a frequency to look at
        return _rate_or_frequency(text, start, unit, clause_start)
    clause_end = ctx.clause_end(start)
    # the end of the words of the clause a subsidy word may stand in to make it a grant: none where every
    # one names what the goal is of (补贴资金兑付到户率达到100%)
    granting_end = clause_end
    if RE_SUBSIDY.search(text, clause_start, clause_end) is not None:
        if _subsidy_names_a_rate(text, clause_start, start, clause_end, unit) or _wins_a_grant(
            text, clause_start, clause_end
        ):
            granting_end = clause_start
        elif (
            unit.startswith(lx.MONEY_UNITS)
            or unit in lx.PERCENT_UNITS
            or RE_GRANT.search(text, clause_start, clause_end)
        ):
            return True
    sentence_start, sentence_end = ctx.sentence_start(start), ctx.sentence_end(start)
    if text[clause_end + 1 : sentence_end].lstrip(lx.SPACE_CHARS).startswith(lx.SAME_SUBJECT_JOINERS):
        sentence_end = clause_end  # 发掘不少于50个…的项目，并给予政策支持: no condition, more of the task
    grant = RE_SUBSIDY.search(text, clause_end, sentence_end) or _allows(text, clause_end, sentence_end)
    if grant and (_opens_a_condition(text, sentence_start, start) or "的" in text[start:clause_end]):
        return True  # 对…达到50万元的…，给予/可申报…; 年薪达到8万元的成员，可认定为…
    money = unit.startswith(lx.MONEY_UNITS)
    if money and (
        RE_MONEY_CAP.search(text, clause_start, start)
        or RE_BUDGET.search(text, clause_start, clause_end)
        or RE_SUBSIDY.search(text, sentence_start, granting_end)  # 对…给予最高100万元; a goal before a grant stays
    ):
        return True
    return _rate_or_frequency(text, start, unit, clause_start)


def _subsidy_names_a_rate(text: str, clause_start: int, start: int, clause_end: int, unit: str) -> bool:
    """Whether every subsidy word of a clause stands in the name of the rate its number sets, with words
    between it and the rate word (补贴资金兑付到户率达到100%: how many get the subsidy paid, a goal), and
    only a verb of level or a bound between the rate word and the number.  补贴比例不超过30% is the
    subsidy's own rate, a parameter.

    >>> t = "补贴资金兑付到户率达到100%"
    >>> _subsidy_names_a_rate(t, 0, 11, len(t), "%"), _subsidy_names_a_rate("补贴比例不超过30%", 0, 7, 10, "%")
    (True, False)
    """
    if unit not in lx.PERCENT_UNITS and unit != "":
        return False
    rates = list(RE_RATE_WORD.finditer(text, clause_start, start))
    if not rates:
        return False
    rate = rates[-1]
    between = text[rate.end() : start].strip(_BLANKS)
    bound = _PREFIXES.ending(between)
    between = between[: -len(bound)] if bound else between
    level = _LEVELS.ending(between)
    if (between[: -len(level)] if level else between) != "":
        return False  # 补助比例按投资额计算不超过30%: more words than a level between rate and number
    return all(
        subsidy.end() < rate.start() and RE_RATE_WORD.search(text, subsidy.end(), rate.start()) is None
        for subsidy in RE_SUBSIDY.finditer(text, clause_start, clause_end)
    )


def _wins_a_grant(text: str, clause_start: int, clause_end: int) -> bool:
    """Whether a clause wins a subsidy from a higher level rather than giving one: a verb of winning
    (争取) before its first subsidy word, and no verb of a grant (给予) in it.

    >>> t = "争取中央和省级城市更新补助资金不低于20亿元"
    >>> _wins_a_grant(t, 0, len(t)), _wins_a_grant("争取对企业给予补助100万元", 0, 15)
    (True, False)
    """
    subsidy = RE_SUBSIDY.search(text, clause_start, clause_end)
    return (
        subsidy is not None
        and any(text.find(verb, clause_start, subsidy.start()) >= 0 for verb in lx.WINNING_VERBS)
        and RE_GRANT.search(text, clause_start, clause_end) is None
    )


def _per_unit(text: str, clause_start: int, start: int) -> bool:
    """Whether 每 and a unit of measure stand before the number in its clause (每千瓦时, 每吨).

    >>> _per_unit("用电价格每千瓦时降低0.05元", 0, 10), _per_unit("每年投入1亿元", 0, 4)
    (True, False)
    """
    at = text.find("每", clause_start, start)
    while at >= 0:
        if RE_UNIT.match(text, at + 1, start):
            return True
        at = text.find("每", at + 1, start)
    return False


def _sets_a_rule_for_each(text: str, start: int, unit: str, clause_start: int) -> bool:
    """A bound set for each one of a kind (单个场景投入不低于5万元), or on how long a benefit lasts
    (优惠期不超过36个月): a rule, not a goal to reach.

    >>> _sets_a_rule_for_each("单个场景投入不低于5万元", 9, "元", 0)
    True
    >>> _sets_a_rule_for_each("青年人才优惠期不超过36个月", 10, "个月", 0)
    True
    >>> _sets_a_rule_for_each("审批时限不超过5个工作日", 7, "个工作日", 0)
    False
    """
    words = text[clause_start:start]
    comparator = _PREFIXES.ending(words)
    if comparator is None:
        return False  # 建成单个规模超1000P的智算中心3个: a count of such ones, a goal
    if any(word in words for word in lx.EACH_ONE_WORDS):
        return True
    if words[: -len(comparator)].endswith(lx.EACH_WORDS) and _counts_before(words):
        return True  # 建成超10家面积均不少于1万平方米: a standard for each of the ones just counted
    return unit in _PERIOD_UNITS and words[: -len(comparator)].endswith(lx.BENEFIT_PERIOD_ENDS)


_PERIOD_UNITS = (*lx.TIME_UNITS, "年")  # what a benefit lasts in


def _counts_before(words: str) -> bool:
    """Whether ``words`` count something with a unit (超10家面积均).

    >>> _counts_before("建成超10家面积均"), _counts_before("水稻、小麦收储率均")
    (True, False)
    """
    for quantity in RE_QUANTITY.finditer(words):
        unit = RE_UNIT.match(words, quantity.end())
        if unit and unit.group("unit") not in lx.GOAL_ONLY_UNITS:  # 三级公立医院: a grade, no count
            return True
    return False


def _sanctions(text: str, start: int, clause_start: int, clause_end: int) -> bool:
    """A threshold that brings a sanction (对年度计划完成率低于50%的地区进行通报): a condition, not a goal.

    >>> t = "对年度计划完成率低于50%的地区进行通报"
    >>> _sanctions(t, 11, 0, len(t))
    True
    """
    if not text.startswith(lx.CONDITION_WORDS, clause_start):
        return False
    of = text.find("的", start, clause_end)
    return of >= 0 and any(text.find(word, of, clause_end) >= 0 for word in lx.SANCTION_WORDS)


def _rate_or_frequency(text: str, start: int, unit: str, clause_start: int) -> bool:
    """A rate framed by 按 or of a base amount (按利率的50%), or a frequency (每年召开2次).

    >>> _rate_or_frequency("每年组织演练不少于2次", 10, "次", 0)
    True
    >>> _rate_or_frequency("全年组织演练不少于2次", 10, "次", 0)
    False
    """
    if (unit in lx.PERCENT_UNITS or unit == "") and RE_RATE_FRAME.search(text[clause_start:start]):
        return True  # 按利率的50%, 租金约为市场价的三分之二 (a share with no unit)
    if unit in lx.PERCENT_UNITS:
        words = text[clause_start:start]
        bound = _PREFIXES.ending(words)
        if (words[: -len(bound)] if bound else words).endswith(lx.RULE_MEASURES):
            return True  # 考核权重不低于5%: how a rule weighs, not a result
    if unit.startswith(lx.EVENT_UNITS) and unit.endswith(lx.PER_PERIOD):
        return True  # 不少于3次/年: a rhythm
    # 每年召开2次, 每季度调度不少于1次: how often, a rhythm; 全年组织演练不少于2次 counts the work to do within
    # the plan's year, a goal (the lead's decision)
    return unit == "次" and "每" in text[clause_start:start]


def _allows(text: str, start: int, end: int) -> bool:
    """Whether a clause in ``text[start:end]`` opens with what a condition allows (，可申报…)."""
    for match in RE_CLAUSE_END.finditer(text, start, end):
        if text[match.end() : end].lstrip(lx.SPACE_CHARS).startswith(lx.ELIGIBILITY_WORDS):
            return True
    return False


def _opens_a_condition(text: str, sentence_start: int, start: int) -> bool:
    """Whether a clause between the sentence's start and ``start`` opens a condition (对…, 对于…, 凡…)."""
    pos = sentence_start
    while pos < start:
        head = text[pos:start].lstrip(_BLANKS)
        if head.startswith(lx.CONDITION_WORDS):
            return True
        match = RE_CLAUSE_END.search(text, pos, start)
        if match is None:
            return False
        pos = match.end()
    return False


def _describes(
    text: str,
    quantity: re.Match[str],
    unit: _Unit,
    suffix: re.Match[str] | None,
    before: str,
    clause_start: int | None = None,
) -> bool:
    """A number that describes rather than sets a goal: what a kind is in general (人员规模一般10人以下),
    a rate per one (每投资1家OPC奖励…), a service round the clock (24小时“不打烊”服务).

    >>> import re
    >>> q = re.match("24", "24小时服务")
    >>> _describes("24小时服务", q, _Unit("小时", None, 4), None, "提供")
    True
    """
    if text.find("圈", unit.end, unit.end + _CIRCLE_REACH) >= 0 and RE_CIRCLE.match(text, unit.end):
        return True  # 15分钟生活圈, 三十分钟健身圈, 15分钟就业服务圈: the name of a kind of neighbourhood
    if text.startswith(lx.STANDARD_WORDS, suffix.end() if suffix else unit.end):
        return True  # 按每百户不低于20平方米的标准配套建设: a standard each development must meet
    bare = before[: -len(prefix)] if (prefix := _PREFIXES.ending(before)) else before
    if bare.endswith(lx.GENERAL_WORDS) or bare.endswith(lx.CAP_WORDS):
        return True  # 一般不少于5个工作日, 最长不超过15个工作日: what a rule allows
    if unit.text in ("人", "名") and before.endswith(lx.POST_NAMES):
        start = quantity.start()
        if "设" in text[max(0, start - _POSTS_REACH) : start].rsplit("。", 1)[-1]:
            return True  # 设召集人1人, 副组长2名: how a body is made up
    if before.rstrip("各").endswith("派") or (
        "由" in before and text.find("组成", unit.end, unit.end + _MAKE_UP_REACH) >= 0
    ):
        return True  # 由各城市各派1名代表组成, 由9个部门组成
    end = suffix.end() if suffix else unit.end
    if text.startswith("的", end) and text[end + 1 : end + 2] in ("，", ",", "；", ";"):
        return True  # 在3家及以上的，采取…: a condition, whatever follows it
    if (
        quantity.group() == "一"
        and suffix is None
        and _prefix_comparator(before) is None
        and not _one_for_each(text, clause_start, quantity.start(), before)
        and not _multiplies(unit.text, before)
    ):
        return True  # 打造一支队伍, 建设一个平台: one of a kind, not a count to reach (增长一倍 doubles)
    if "每" in before[-4:] and quantity.group("low") in ("1", "一", "１") and quantity.group("high") is None:
        return True  # 每投资1家: a rate per one (每年举办1—2场 is a range to hold)
    return suffix is None and text.startswith(lx.ROUND_THE_CLOCK, quantity.start())  # 24小时“不打烊”服务


def _one_for_each(text: str, clause_start: int | None, start: int, before: str) -> bool:
    """Whether one is set for each of a kind: the clause opens with 每个 (each province, each city) and a
    goal verb sets the one (原则上每个省培育一家龙头机构).

    >>> _one_for_each("原则上每个省培育一家", 0, 9, "原则上每个省培育")
    True
    """
    if clause_start is None or not _GOAL_VERBS.ending(before):
        return False
    at = text.find(lx.EACH_HEAD, clause_start, start)
    return at >= 0 and not text.startswith(lx.PERIOD_HEADS, at + len(lx.EACH_HEAD))  # 每个月: a rhythm


def _qualifies(
    text: str, expression_end: int, unit: str, ctx: _Context, prefix: str | None = None, bare: bool = False
) -> bool:
    """A number that describes what another number counts: 年交易额超过10亿元的企业30家, 营收超1000万元
    OPC100家 (a threshold with the name of what it counts, then the count); or what a rate is measured
    at: a threshold or a number with no verb or bound of its own (``bare``) run on into the name of the
    rate a later number sets (1亿元以上企业研发机构覆盖率达到70%, 5米远场识别率超过92%)."""
    if not text.startswith("的", expression_end):
        if text[expression_end : expression_end + 1] not in lx.CLAUSE_ENDS and (
            bare or text[expression_end - 2 : expression_end].endswith(lx.THRESHOLD_SUFFIXES)
        ):
            # 1亿元以上规上工业企业研发机构覆盖率达到70%: a threshold, then whose rate the goal is
            later = RE_QUANTITY.search(text, expression_end, ctx.clause_end(expression_end))
            between = text[expression_end : later.start()] if later is not None else ""
            if (
                later is not None
                and not any(joiner in between for joiner in ("、", "和", "及"))
                and RE_RATE_WORD.search(between) is not None
                and RE_UNIT.match(text, later.end(), ctx.end) is not None
            ):
                return True
        bounded_below = (prefix is not None and _BOUNDS[prefix] in (">", ">=")) or text[
            expression_end - 2 : expression_end
        ] in lx.FLOOR_SUFFIXES  # 超1000万元OPC100家, 亿元以上工业项目30个
        return bounded_below and _count_follows(text, expression_end, ctx)
    if unit in lx.PERCENT_UNITS:
        return False  # 80%(以上)的乡镇和60%(以上)的村达到…: a share of the subjects, each a goal
    clause_end = ctx.clause_end(expression_end)
    later = RE_QUANTITY.search(text, expression_end, clause_end)
    return later is not None and RE_UNIT.match(text, later.end(), clause_end) is not None


def _count_follows(text: str, expression_end: int, ctx: _Context) -> bool:
    """Whether a short name, then a count with its unit, follows at once: 超1000万元 OPC100家; or a name, a
    bound and a count of things (亿元以上项目不少于60个: the threshold says which projects are counted)."""
    upper = min(ctx.clause_end(expression_end), expression_end + _NAME_REACH + 1)
    later = RE_QUANTITY.search(text, expression_end, upper)
    if (
        later is None
        or later.start() == expression_end
        or not RE_NAME_ONLY.fullmatch(text, expression_end, later.start())
    ):
        return False
    unit = RE_UNIT.match(text, later.end(), ctx.end)
    if unit is None or unit.group("unit") in lx.GOAL_ONLY_UNITS:
        return False  # 二级节点: a grade, no count
    words = text[expression_end : later.start()]
    bound = _prefix_comparator(words)
    if bound is None:
        return True
    # 超10家面积均不少于1万平方米: a bound of each one's measure, not a name; 项目不少于60个: the name, then its count
    return unit.group("unit") in lx.COUNTING_CLASSIFIERS and not any(word in words for word in lx.EACH_WORDS)


_CIRCLE_REACH = 8  # characters after a time in which 圈 names a neighbourhood (15分钟就业服务圈)
_MAKE_UP_REACH = 12  # characters after a count in which 组成 says it is a body's make-up (由9个部门组成)
_POSTS_REACH = 60  # characters looked back for the 设 of 设召集人1人，副召集人2人
_NAME_REACH = 10  # characters of the name between a threshold and what it counts


def _unit(text: str, quantity: re.Match[str], ctx: _Context) -> _Unit | None:
    """The unit after a number; 百分之三 carries its own (%); a rate or an index has none
    (死亡率控制在0.2以下: the unit is empty)."""
    match = RE_UNIT.match(text, quantity.end(), ctx.end)
    if match is not None:
        printed, approx = match.group("unit", "approx")
        return _Unit(_unit_text(printed), approx, match.end())
    if quantity.group("pct"):
        return _Unit(lx.PERCENT_UNIT, None, quantity.end())
    if _is_fraction(quantity.group("low")):
        return _Unit("", None, quantity.end())  # 超过1/3, 占总课时一半以上: a share, no unit
    start = quantity.start()
    if RE_HAS_DIGIT.search(quantity.group("low")) and RE_RATE_WORD.search(text, ctx.clause_start(start), start):
        return _Unit("", None, quantity.end())
    if _magnitude_bound(text, quantity, ctx) is not None:
        return _Unit("", None, quantity.end())  # 产业规模过千亿: the unit left unsaid
    return None


def _magnitude_bound(text: str, quantity: re.Match[str], ctx: _Context) -> str | None:
    """The bound before a round magnitude printed alone, with no unit, closing its clause (产业规模过千亿。,
    突破万亿，): an amount whose unit is left unsaid; 过 is a bound there only (MAGNITUDE_BOUNDS).

    >>> t = "力争到2025年，全省集成电路产业规模过千亿。"
    >>> _magnitude_bound(t, RE_QUANTITY.search(t, 19), _Context(t, Region(0, len(t), None, None)))
    '过'
    >>> t = "通过千亿。"
    >>> _magnitude_bound(t, RE_QUANTITY.search(t), _Context(t, Region(0, len(t), None, None))) is None
    True
    """
    low, end = quantity.group("low"), quantity.end()
    if quantity.group("high") or not low or any(ch not in _BARE_MAGNITUDES for ch in low):
        return None
    if end < ctx.end and text[end] not in lx.CLAUSE_ENDS:
        return None
    before = text[max(ctx.start, quantity.start() - _LOOK_BACK) : quantity.start()]
    if before.endswith(lx.NOT_MAGNITUDE_BOUNDS):
        return None  # 通过千亿: a verb
    return _PREFIXES.ending(before) or _MAGNITUDE_BOUNDS.ending(before)


@lru_cache(maxsize=1024)  # a plan uses a few dozen units, each many times
def _unit_text(printed: str) -> str:
    """A unit as printed without the spaces a hard line wrap or a PDF copy put in it (批\n次: 批次)."""
    return "".join(printed.split())


def _done_before(before: str, year: int | None) -> bool:
    """Whether the words right before a number date what it counts to a year before the plan's
    (将2016年实施的24项措施调整为…: what was done, a baseline).

    >>> _done_before("将2016年实施的", 2018), _done_before("将2016年实施的", None), _done_before("2019年新增", 2018)
    (True, False, False)
    """
    dated = RE_DATED_BEFORE.search(before) if year is not None else None
    return dated is not None and year is not None and int(dated.group(1)) < year


#: A year, a few words of what was done in it, and 的, right before a number: 2016年实施的 (24项).
RE_DATED_BEFORE = re.compile(r"((?:19|20)[0-9]{2})年[^，,。；;、\d]{0,6}的$")


def _starts_a_change(text: str, clause_start: int, start: int, end: int) -> bool:
    """Whether a number is the level a change starts from: 由 or 从 before it in its clause with no goal verb
    between, and a verb that brings it to another level right after it (由320万平方米提高到400万平方米, 由四分之一
    提高到二分之一以上, 从10天压缩至5天): the base, not a target.

    >>> t = "面积由320万平方米提高到400万平方米"
    >>> _starts_a_change(t, 0, 3, 10), _starts_a_change(t, 0, 13, 20), _starts_a_change("由企业新增10家", 0, 5, 8)
    (True, False, False)
    """
    lower = max(clause_start, start - _FROM_REACH)  # a 由 further back is too far: not looked for
    at = max(text.rfind(word, lower, start) for word in lx.BASE_FROM_WORDS)
    if at < 0 or start - at > _FROM_REACH or RE_GOVERNING_VERB.search(text, at + 1, start) is not None:
        return False
    end = _skip_space(text, end)
    return any(text.startswith(verb, end) for verb in _TO_VERBS)


_FROM_REACH = 12  # characters between 由 and the base it opens (由2024年的21.5%)
#: The verbs that bring a level to another, ending in 到 or 至 (提高到, 降至; not 达到, which names no change): the
#: number before one is the base.
_TO_VERBS = tuple(v for v in (*lx.REACH_VERBS, *lx.REACH_DOWN_VERBS) if v.endswith(("到", "至")) and v[0] != "达")


def _completed(text: str, clause_start: int, start: int, before: str) -> bool:
    """Whether a number counts what was done: 了 right before it (共落实了165名), or events the clause
    says happened (共发生5级以上地震48次).

    >>> t = "共落实了165名，为了100人，共发生5级地震48次"
    >>> _completed(t, 0, 4, "共落实了"), _completed(t, 8, 10, "为了"), _completed(t, 15, 23, "共发生5级地震")
    (True, False, True)
    """
    word = next((w for w in lx.COMPLETED_WORDS if before.endswith(w)), None)
    if word is not None and not before[: -len(word)].endswith(lx.NOT_COMPLETED_BEFORE):
        return True
    return text.find("发生", clause_start, start) >= 0 and any(
        text.find(w, clause_start, start) >= 0 for w in lx.HAPPENED_WORDS
    )


def _sentence_years(text: str, start: int, end: int, year: int) -> list[tuple[int, bool]]:
    """Where each year that may date a sentence stands in ``text[start:end]``, and whether it dates
    it before the plan's ``year`` (1995年我国…, in a plan of 1996).

    >>> _sentence_years("比2020年下降5%，1995年全国共有48个，到2000年", 0, 30, 1996)
    [(11, True), (25, False)]
    >>> _sentence_years("1995年底前完成，2020年的30%", 0, 20, 2021)
    [(0, False), (10, False)]
    """
    found = []
    for match in RE_SENTENCE_YEAR.finditer(text, start, end):
        printed = int(match.group("year").translate(_TO_ASCII))
        dates = _opens_its_clause(text, start, match.start()) and not text.startswith(
            lx.YEAR_NOT_DATING_AFTER, match.end()
        )
        found.append((match.start(), dates and 1900 <= printed < year))
    return found


def _opens_its_clause(text: str, start: int, pos: int) -> bool:
    """Whether a year at ``pos`` opens its clause (1995年我国…, （其中1995年…) or follows 在 or 于:
    a year inside a phrase (将2016年实施的…) qualifies a noun, not the time of the clause.

    >>> _opens_its_clause("。其中1995年", 0, 3), _opens_its_clause("将2016年", 0, 1)
    (True, False)
    >>> _opens_its_clause("我国在1995年", 0, 3)
    True
    """
    before = text[max(start, pos - _LOOK_BACK) : pos].rstrip(lx.SPACE_CHARS)
    if before.endswith(lx.YEAR_PREPOSITIONS):
        return True
    for opener in lx.YEAR_OPENERS:
        before = before.removesuffix(opener)
    return not before or before[-1] in lx.CLAUSE_ENDS or before[-1] in _YEAR_BRACKETS


_YEAR_BRACKETS = "（(【[\n"
_TO_ASCII = str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789")


def _is_fraction(number: str | None) -> bool:
    """Whether a number is a fraction, a half or tenths (1/3, 三分之一, 一半, 三成): a share with no unit."""
    return number is not None and ("/" in number or "分之" in number or number == "一半" or number.endswith("成"))


def _multiplies(unit: str, before: str) -> bool:
    """Whether a number of times (倍) is the amount a verb of growth adds (增长一倍, 提高2倍: the base grows by
    that many times itself), not a multiple named as a level (是2020年的2倍, 提高到2倍).

    >>> _multiplies("倍", "设施数量增长"), _multiplies("倍", "提高到"), _multiplies("个", "增长")
    (True, False, False)
    """
    return unit == lx.DOUBLING_UNIT and _INCREASE.ending(before.rstrip(_BLANKS)) is not None


def _change_verb(before: str) -> str:
    """The verb of a change ``before`` ends with, if any ('' if none)."""
    return _INCREASE.ending(before) or _DECREASE.ending(before) or ""


def _bounds_a_change(before: str) -> bool:
    """Whether ``before`` ends with a bound, then the verb of a change (至少提高, 最多减少).

    >>> _bounds_a_change("覆盖率至少提高"), _bounds_a_change("覆盖率提高"), _bounds_a_change("不低于")
    (True, False, False)
    """
    verb = _change_verb(before)
    return bool(verb) and _CHANGE_BOUNDS.ending(before[: -len(verb)]) is not None


def _prefix_comparator(before: str) -> str | None:
    """A comparator right before the number, or before the goal verb that precedes it (至少举办3场), or a bound
    of the genre's adverbs before the verb of a change (至少提高5个百分点: the change at least that)."""
    found = _PREFIXES.ending(before)
    verb = _GOAL_VERBS.ending(before)
    if found is None and verb is not None:
        found = _PREFIXES.ending(before[: -len(verb)])
    if found is None and _bounds_a_change(before):
        found = _CHANGE_BOUNDS.ending(before[: -len(_change_verb(before))])
    if found is None and before.endswith("的"):  # 不少于总数的5%: the bound, then what the share is of
        of = RE_BOUND_OF.search(before)
        found = of.group("cmp") if of else None
    return found


def _is_not_a_quantity(text: str, quantity: re.Match[str], unit: _Unit, ctx: _Context) -> bool:
    """Ordinals, codes, rate denominators, idioms and words that only start like a unit."""
    start, end = quantity.span()
    before = text[max(ctx.start, start - 4) : start].rstrip(" ")  # 第 3 条: a space a PDF copy put in
    if before.endswith(lx.NON_TARGET_LEADERS) or (
        RE_CODE_BEFORE.search(before) and not _after_a_name(text, ctx, start)
    ):
        return True
    if (RE_CODE_AFTER.match(text, end) and not _latin_unit(text, unit)) or RE_NUMERAL_IDIOM.match(text, start):
        return True
    follower = RE_NON_TARGET_FOLLOWER.match(text, end)
    if follower is not None and len(follower.group()) > unit.end - end:
        return True
    if _glosses_a_unit(text, ctx, start):
        return True  # 128TFLOPS（16位浮点）: the number format of the measure before
    if unit.text == "日" and (before.endswith("月") or not text.startswith(("内", "以内"), unit.end)):
        return True  # 3月19日, 每月5日前, 7日至11日: a day of a date; 1日内 is a time limit
    if text.startswith("级", unit.end) and unit.text not in lx.GOAL_ONLY_UNITS:
        return True  # 千亿级, 10万吨级: a class, not a count
    # 一X一Y: 一户一档, 一企一策
    return quantity.group() == "一" and text.startswith("一", unit.end)


def _latin_unit(text: str, unit: _Unit) -> bool:
    """Whether the unit is in Latin letters, written whole (50Tbps), or a rate (8/10万): not a code."""
    first = unit.text[:1]
    return (first.isascii() and first.isalpha() and not RE_LATIN_OR_DIGIT.match(text, unit.end)) or (
        unit.text.startswith("/")  # 8/10万: a rate, not a code
    )


def _glosses_a_unit(text: str, ctx: _Context, start: int) -> bool:
    """Whether the number stands in brackets opened right after a unit in Latin letters: a gloss of
    the measure before (128TFLOPS（16位浮点）, 1TOPS/w（以16位浮点为基准）).

    >>> t = "性能达到128TFLOPS（16位浮点）"
    >>> _glosses_a_unit(t, _Context(t, Region(0, len(t), None, None)), 15)
    True
    """
    lower = max(ctx.start, start - _GLOSS_REACH)
    if RE_OPEN_PAREN.search(text, lower + 1, start) is None:
        return False  # most numbers have no bracket before them
    opening = max(text.rfind(bracket, lower, start) for bracket in lx.OPEN_PARENS)
    if opening <= lower or any(text.find(c, opening, start) >= 0 for c in lx.CLOSE_PARENS):
        return False
    return text[opening - 1].isascii() and text[opening - 1].isalpha()


_GLOSS_REACH = 6  # characters between the bracket of a gloss and its number (以16位浮点为基准)


def _after_a_name(text: str, ctx: _Context, start: int) -> bool:
    """Whether the number follows a name in capitals rather than being part of a code: 集聚OPC5000家
    (a code such as GB9706 has no unit after it)."""
    name = RE_CAPITALS_BEFORE.search(text, max(ctx.start, start - 12), start)
    return name is not None and len(name.group()) >= 2 and not text.startswith(("-", ".", "．", "/"), start - 1)


class _Words:
    """A word list that answers "which of these does this text end with?" in a few set look-ups.

    >>> _Words(["超", "超过", "不超过"]).ending("数量不超过")
    '不超过'
    >>> _Words(["超"]).ending("达到") is None
    True
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = tuple(words)
        self.words = words
        # one scan for all the words (in C) rather than a search for each of them
        self.any_of = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        self.last_chars = frozenset(w[-1] for w in words)
        self.endings: dict[str, str | None] = {}  # the answers so far, by text
        self.by_length: list[tuple[int, frozenset[str]]] = []
        for length in sorted({len(w) for w in words}, reverse=True):
            self.by_length.append((length, frozenset(w for w in words if len(w) == length)))

    def anywhere(self, text: str) -> bool:
        """Whether any of the words stands in ``text``.

        >>> _Words(["新增"]).anywhere("全年新增企业")
        True
        """
        return self.any_of.search(text) is not None

    def ending(self, text: str) -> str | None:
        """The longest word that ``text`` ends with."""
        if text[-1:] not in self.last_chars:
            return None
        if text in self.endings:  # the same words before a number are asked about by several checks
            return self.endings[text]
        found = None
        for length, words in self.by_length:
            tail = text[-length:]
            if len(tail) == length and tail in words:
                found = tail
                break
        if len(self.endings) >= _ENDINGS_KEPT:
            self.endings.clear()
        self.endings[text] = found
        return found


_ENDINGS_KEPT = 4096  # answers a word list keeps before it forgets them all
_PREFIXES = _Words(lx.PREFIX_COMPARATORS)
_MAGNITUDE_BOUNDS = _Words(lx.MAGNITUDE_BOUNDS)
_CHANGE_BOUNDS = _Words(lx.CHANGE_BOUNDS)
_BOUNDS = {**lx.PREFIX_COMPARATORS, **lx.MAGNITUDE_BOUNDS}  # what each bound before a number sets
_LEVELS = _Words((*lx.LEVEL_VERBS, *lx.REACH_VERBS, *lx.REACH_DOWN_VERBS, "稳定在", "保持在", "控制在"))
_GOAL_VERBS = _Words(lx.GOAL_VERBS)
_DECREASE = _Words(lx.DECREASE_VERBS)
_INCREASE = _Words(lx.INCREASE_VERBS)
_UPGRADE = _Words(lx.UPGRADE_VERBS)
_PRECEDENCE = _Words(lx.PRECEDENCE_WORDS)
_CHANGE_VERBS = (*_DECREASE.words, *_INCREASE.words)
_LEVEL_TO_VERBS = (*lx.REACH_VERBS, *lx.REACH_DOWN_VERBS)  # 提高到, 降至: the level a change brings it to


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
    double, low, high = quantity.group("double", "low", "high")
    unit_text = unit.text
    number_end = unit.end if unit_text in _PERCENT_UNITS else quantity.end()
    expression_end = suffix.end() if suffix else unit.end
    clause_start = _skip_space(text, _out_of_brackets(text, clause_start, start))
    clause_end = _clause_end(text, expression_end, ctx)
    # the words before the bound, where the change is said (比上年增长不低于5%); all of them where the bound
    # stands before the change (至少提高5个百分点)
    head = before[: before.rfind(prefix)] if prefix and not _bounds_a_change(before) else before
    change = "increase" if double else _change(head)
    if change is None and prefix is None and not double:
        change = _opening_change(text, clause_start, start)
    if double:  # 翻一番: the value multiplies by 2 for each 番; 倍增 doubles it
        times = quantity.group("times")
        low_value, high_value = (2 ** chinese_value(times) if times else 2), None
    else:
        low_value, high_value = _bounds(low, high)
        if change == "increase" and _multiplies(unit_text, head):
            # 增长一倍 doubles, as 翻一番 does: the value is the multiple of the base, the growth and the base
            low_value, high_value = (None if v is None else v + 1 for v in (low_value, high_value))
    verb = ctx.governing(clause_start, start)
    comparator = _comparator(high is not None, suffix, unit.approx, prefix, change, verb)
    if comparator == "=" and change is None and RE_MARGIN_OVER_AVERAGE.search(before):
        comparator = ">="  # 高于全省平均水平1个百分点: at least that margin over the average
    subject = None
    if unit_text in _PERCENT_UNITS and text.startswith("的", expression_end):
        subject = _share_subject(text, expression_end + 1, clause_end)  # 80%的乡镇和60%的村达到…
        if subject and comparator == "=" and change is None:
            comparator = ">="  # a share of the subjects that reach a level: at least that share
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
        "unit": _printed_unit(unit_text),
        "comparator": comparator,
        "change": change,
        "aspirational": ctx.is_aspirational(start),
        "subject": subject,
        "by": None,
    }


def _share_subject(text: str, start: int, end: int) -> str | None:
    """What a share is of: the words after its 的, up to the next subject (和, 、) or the verb.

    >>> t = "80%的乡镇和60%的行政村实现千兆光网覆盖"
    >>> _share_subject(t, 4, len(t)), _share_subject(t, 11, len(t))
    ('乡镇', '行政村')
    >>> _share_subject("90%的县（市、区）和70%的乡镇实现全覆盖", 4, 23)
    '县（市、区）'
    """
    verb = RE_GOVERNING_VERB.search(text, start, end)
    stop = verb.start() if verb else end
    depth = 0
    for k in range(start, stop):  # the first joiner outside brackets: 县（市、区）和乡镇 is one subject, then another
        ch = text[k]
        depth += ch in _OPENING
        depth -= ch in _CLOSING and depth > 0
        if depth == 0 and ch in _SUBJECT_JOINERS:
            stop = k
            break
    subject = text[start:stop].strip(lx.SPACE_CHARS)
    return subject if 0 < len(subject) <= _SUBJECT_MAX and verb is not None else None


_SUBJECT_JOINERS = frozenset("和及与、")
_SUBJECT_MAX = 20  # characters of what a share is of


def _printed_unit(unit: str) -> str:
    """A target's unit as the plan writes it after the number, the classifier 个 left with the number
    where a unit follows it (提高1个百分点: 百分点; 压减至1个工作日: 工作日; 10个: 个).

    >>> _printed_unit("个百分点"), _printed_unit("个"), _printed_unit("％")
    ('百分点', '个', '%')
    """
    unit = lx.UNIT_CANONICAL.get(unit, unit)
    if unit.startswith("个") and len(unit) > 1 and unit[1:] in _UNITS_AFTER_A_CLASSIFIER:
        return unit[1:]
    return unit


_UNITS_AFTER_A_CLASSIFIER = frozenset((*lx.COUNT_UNITS, "月", "季度", "工作日", "自然日", "小时"))


def chinese_value(numeral: str) -> int:
    """The value of a one-character Chinese numeral (两 -> 2)."""
    return chinese_to_int(numeral) or 0


def _out_of_brackets(text: str, start: int, pos: int) -> int:
    """Where a clause that would start inside brackets closed before ``pos`` starts: after them
    (…（责任单位：市人力社保局）为符合条件的OPC购买… is the clause 为符合条件的OPC购买…).

    >>> text = "（责任单位：甲局）建成10个"
    >>> text[_out_of_brackets(text, 6, 11):]
    '建成10个'
    """
    if RE_CLOSE_BRACKET.search(text, start, pos) is None:
        return start  # most clauses hold no bracket at all
    depth, after = 0, start
    for k in range(start, pos):
        ch = text[k]
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            if depth == 0:
                after = k + 1  # closes a bracket opened before the clause
            else:
                depth -= 1
    return after


_OPENING = frozenset(lx.NOTE_OPEN_BRACKETS)
_CLOSING = frozenset(lx.NOTE_CLOSE_BRACKETS)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _BLANKS:
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


def _comparator(
    is_range: bool,
    suffix: re.Match[str] | None,
    approx: str | None,
    prefix: str | None,
    change: str | None,
    verb: str | None,
) -> str:
    """The comparator: a range; a word after or before the number; else what the verb that
    governs it makes of it — a level reached is a floor (达到96.5%: >=), a level brought down
    to a ceiling (降至3%: <=), a count to do or a change exactly that (新增150所, 减少2%: =)."""
    if is_range:
        return "range"
    if suffix is not None:
        return lx.SUFFIX_COMPARATORS[suffix.group("cmp")]
    if approx:
        return lx.SUFFIX_COMPARATORS[approx]
    if prefix:
        return _BOUNDS[prefix]
    if change is None and verb in lx.REACH_VERBS:
        return ">="
    if change is None and verb in lx.REACH_DOWN_VERBS:
        return "<="
    return "="


def _governing(text: str, clause_start: int, start: int) -> str | None:
    """The verb that sets what the number is: a ceiling (降至) where one is the last such verb
    before it in its clause, else a level to reach (达到, 实现) where one stands before it in
    the clause (实现覆盖企业1000家), else the last goal verb (新增).

    >>> _governing("实现覆盖企业1000家", 0, 8), _governing("新增企业100家", 0, 6)
    ('实现', '新增')
    >>> _governing("传达文件精神培训100名", 0, 8)
    '培训'

    """
    last = reach = None
    for match in RE_GOVERNING_VERB.finditer(text, clause_start, start):
        last = match.group()
        if reach is None and last in lx.REACH_VERBS:
            reach = last  # the first level to reach
    if last is not None and last in lx.REACH_DOWN_VERBS:
        return last
    return reach if reach is not None else last


def _opening_change(text: str, clause_start: int, start: int) -> str | None:
    """The change a clause opens with, its number the amount of the change of what it names (压减粗钢
    产能200万吨, 降低企业成本100亿元), where no other verb stands between.

    >>> _opening_change("压减粗钢产能200万吨", 0, 6), _opening_change("提升改造企业100家", 0, 6)
    ('decrease', None)
    >>> _opening_change("提高到93%", 0, 3), _opening_change("降至3%", 0, 2)
    (None, None)
    """
    words = text[clause_start:start]
    if not words.startswith(_CHANGE_VERBS):
        return None  # most clauses open with no change
    if words.startswith(_LEVEL_TO_VERBS):
        return None  # 提高到93%, 降至3%: a level, not an amount of change
    for verbs, change in ((_DECREASE, "decrease"), (_INCREASE, "increase")):
        for verb in verbs.words:
            if words.startswith(verb):
                rest = words[len(verb) :]
                if RE_GOVERNING_VERB.search(rest) or _UPGRADE.anywhere(words) or _LEVELS.ending(rest):
                    return None
                return change
    return None


def _change(before: str) -> str | None:
    if _UPGRADE.ending(before):
        return None  # 改造提升1万亩: work on a count, not a change of a level
    if _DECREASE.ending(before):
        return "decrease"
    if _INCREASE.ending(before):
        return "increase"
    return None
