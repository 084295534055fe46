"""Horizons and deadlines -> the last day they allow.

Recognises the times a plan sets things by::

    到2025年，…                     horizon   2025-12-31  (holds until the next time)
    2023年底前 / 2023年末前          deadline  2023-12-31
    2024年6月底前                    deadline  2024-06-30
    6月底前 / 年内 / 全年            deadline  in the plan's year
    9月份完成…                       deadline  the month's last day, in the plan's year
    今年底前 / 明年6月底前           deadline  the plan's year / the next: 2023-12-31 / 2024-06-30
    3月31日前                        deadline  the plan's year, 03-31
    上半年 / 三季度 / 二季度末前     deadline  06-30 / 09-30 / 06-30 of the plan's year
    到“十四五”末                    horizon   2025-12-31
    “九五”期间 / “十四五”时期         horizon   2000-12-31 / 2025-12-31  (the period's span: due at its end)
    长期坚持 / 持续推进              deadline  no date
    汛期前完成 / 春节前完成           deadline  no date     (a season or festival: no day printed)
    完成时限：2025年—2027年          deadline  2027-12-31  (a span of years: due at its end)
    2025-2027年累计培育…             horizon   2027-12-31  (in the text: holds as 到2027年 does)
    完成时限：每年12月底前           deadline  no date     (it comes back every year)
    3月底前招标，5月底前开工，11月底前验收   stages of one task: due at the last, 11-30
    在年中和年末向国务院报告          no time   (two points of every year: a rhythm)
    2020年年底前企业可免缴…          no time   (it bounds a permission, sets no duty)

A year alone (2023年) is no time: it dates what it stands in, it sets nothing by, unless it
opens its paragraph (2024年，… / 2025年全市…工作的主要目标是：…: a horizon).  A time a verb and
的 follow (2000年底前建成的小区) says which ones are meant: no time either.  ``X月前``
is read literally (before that month begins: the last day of the month before), ``X年前``
as the genre uses it (2030年前实现碳达峰: by the end of that year).  In a standing rule (a
regulation) a time that names no year (于年底前报送) comes back every year: no item's deadline.
Emits a Deadline record:
the words as printed, their span and the date (ISO 8601, or null).
"""

from __future__ import annotations

import calendar
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple, cast

from zhiliang_cli.records import DeadlineRecord, ItemRecord

from . import lexicon as lx
from .numerals import chinese_to_int
from .patterns import (
    DEFAULT_DEADLINE_REACH,
    RE_BRACKETED,
    RE_DEADLINE_PHRASE,
    RE_DEFAULT_DEADLINE,
    RE_HEADING,
    RE_LAST_NOTE_OPEN,
    RE_MONTH_OR_DAY,
    RE_ONGOING_BRACKETED,
    RE_PERMISSION_IN_CLAUSE,
    RE_PLAN_YEAR,
    RE_QUALIFYING_VERB,
    RE_SEASON_FOLLOWER,
    RE_SENTENCE_END,
    RE_SPAN_FIRST_YEAR,
    RE_TIME,
    RE_TIME_ANCHOR,
    RE_TIME_REMARK,
    RE_YEAR_SPAN,
    SPAN_FIRST_REACH,
    TIME_LEAD_CHARS,
)

_DIGITS = str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789")


class TimeMark(NamedTuple):
    """A time found in a text: where it stands, what kind it is and the day it allows."""

    start: int
    end: int
    kind: str  # horizon (到2025年: holds for what follows), deadline (2023年底前), year (2020年初步建成…:
    #            the time of its sentence, no deadline of a task), scope (全年, 当年: no time to finish by)
    date: str | None

    @property
    def horizon(self) -> bool:
        return self.kind == "horizon"

    def record(self, text: str) -> DeadlineRecord:
        return {"text": text[self.start : self.end], "span": [self.start, self.end], "date": self.date}


def find_times(text: str, start: int, end: int, year: int | None) -> list[TimeMark]:
    """Every horizon and deadline in ``text[start:end]``, in order.

    >>> text = "到2025年，建成10个；2023年底前完成5个，6月底前启动。"
    >>> for t in find_times(text, 0, len(text), 2023):
    ...     print(text[t.start:t.end], t.kind, t.date)
    到2025年 horizon 2025-12-31
    2023年底前 deadline 2023-12-31
    6月底前 deadline 2023-06-30
    """
    marks: list[TimeMark] = []
    for match in _matches(text, start, end):
        mark = _mark(match, year)
        if mark is not None and not (mark.kind == "deadline" and grants_a_permission(text, mark.end, end)):
            while marks and marks[-1].start >= mark.start:
                marks.pop()  # the first year of a span read whole at its last (2025年～|2027年)
            marks.append(mark)
    seasons = [mark for mark in _season_times(text, start, end) if not grants_a_permission(text, mark.end, end)]
    return sorted(marks + seasons, key=lambda mark: mark.start) if seasons else marks


def _season_times(text: str, start: int, end: int) -> Iterator[TimeMark]:
    """The seasons and festivals in ``text[start:end]`` that a task is done before (汛期前完成,
    春节前全部完成, （汛期前）): deadlines without a date, as the genre prints them.  Not one that
    qualifies a noun (开展汛前隐患排查), comes back (每年汛前) or says which ones are meant (汛期前建成的
    工程).  Looked for at each 前 only, a few in a plan.

    >>> text = "开展汛前隐患排查。汛期前完成排查，春节之前全部建成，每年汛前公布。"
    >>> [(text[t.start:t.end], t.kind, t.date) for t in _season_times(text, 0, len(text))]
    [('汛期前', 'deadline', None), ('春节之前', 'deadline', None)]
    """
    at = text.find("前", start, end)
    while at >= 0:
        if text.endswith(_SEASON_WORDS, start, at + 1):  # one call for every word; which one, only then
            word = next(word for word in _SEASON_WORDS if text.endswith(word, start, at + 1))
            first, last = at + 1 - len(word), at + 1
            if not (
                text.startswith(lx.RECURRING_WORDS, max(0, first - 2))
                or RE_SEASON_FOLLOWER.match(text, last, end) is None
                or (text.find("的", last + 1, last + 3) >= 0 and RE_QUALIFYING_VERB.match(text, last) is not None)
            ):
                yield TimeMark(first, last, "deadline", None)
        at = text.find("前", at + 1, end)


#: A season or festival and the word of before after it (汛期前, 春节之前), the longest first (主汛期前
#: before 汛期前).
_SEASON_WORDS = tuple(
    sorted((season + before for season in lx.SEASON_ANCHORS for before in lx.BEFORE_WORDS), key=len, reverse=True)
)


def grants_a_permission(text: str, at: int, end: int) -> bool:
    """Whether the clause that goes on at ``at`` grants a permission (可免缴, 可以, 允许, 准予 …)
    rather than sets a duty: a time there bounds how long the permission lasts (2020年年底前省属重点
    文化企业可免缴国有资本收益), no time to finish by.  The clause only: 2024年底前完成改造的，可给予
    奖补 is a duty's time and a reward's condition.

    >>> text = "2020年年底前省属重点文化企业可免缴国有资本收益。"
    >>> grants_a_permission(text, 8, len(text)), find_times(text, 0, len(text), 2020)
    (True, [])
    >>> text = "2024年底前完成改造的，可以给予奖补。2025年底前网上可办率不低于95%。"
    >>> [text[t.start : t.end] for t in find_times(text, 0, len(text), 2024)]
    ['2024年底前', '2025年底前']
    """
    return RE_PERMISSION_IN_CLAUSE.match(text, at, end) is not None


class Times:
    """Every time of a plan, found in one scan, looked up by position; and the deadlines in
    brackets that give no date (（长期坚持）), found in another."""

    def __init__(self, marks: list[TimeMark], ongoing: list[re.Match[str]] | None = None) -> None:
        self.marks = marks
        self.starts = [m.start for m in marks]
        self.ongoing = ongoing or []
        self.ongoing_starts = [m.start() for m in self.ongoing]

    @classmethod
    def of(cls, text: str, year: int | None) -> Times:
        """The times of the whole of ``text``."""
        ongoing = list(RE_ONGOING_BRACKETED.finditer(text)) if _may_hold_ongoing(text) else []
        return cls(find_times(text, 0, len(text), year), ongoing)

    def within(self, start: int, end: int) -> list[TimeMark]:
        return self.marks[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def first_ongoing(self, start: int, end: int) -> re.Match[str] | None:
        """The first bracketed deadline without a date wholly in ``[start, end)`` (as
        RE_ONGOING_BRACKETED.search would find it there: the matches never overlap)."""
        i = bisect_left(self.ongoing_starts, start)
        if i < len(self.ongoing) and self.ongoing[i].end() <= end:
            return self.ongoing[i]
        return None


def _may_hold_ongoing(text: str) -> bool:
    """Whether a phrase of an ongoing deadline may stand in ``text``: every one holds one of the
    first two characters of some phrase (长期, 持续, 常态 …)."""
    return any(stem in text for stem in _ONGOING_STEMS)


_ONGOING_STEMS = frozenset(phrase[:2] for phrase in lx.ONGOING_PHRASES)


_TIME_CHARS = frozenset(TIME_LEAD_CHARS)
_REACH_BACK = 14  # characters a time may start before the 年, 月 or 底 it holds (截止到二〇二三年)


def _matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """RE_TIME's matches in ``text[start:end]``, as finditer would give them, tried only around
    the characters every time holds (年, 月, 底 …): RE_TIME alone tries its alternatives at every
    character, which costs more than the rest of the parse."""
    last = start
    for anchor in RE_TIME_ANCHOR.finditer(text, start, end):
        at = anchor.start()
        if at < last:
            continue
        first, floor = at, max(last, at - _REACH_BACK)
        while first > floor and text[first - 1] in _TIME_CHARS:
            first -= 1  # back over what a time may start with: 到, 2023, 二〇二三, “
        year_at = first if text[first] == "年" else first - 1
        if year_at > floor and text[year_at] == "年" and text[year_at - 1] in _RELATIVE_FIRSTS:
            first = _relative_year_start(text, year_at, first, floor)  # 今年底前, 到明年底
        for pos in range(first, at + 1):
            match = RE_TIME.match(text, pos, end)
            if match is not None and match.end() > at:
                yield match
                last = match.end()
                break


def _relative_year_start(text: str, year_at: int, first: int, floor: int) -> int:
    """Where a time that may start at ``first`` starts when a year named from the plan's ends at
    ``year_at`` (its 年, in no TIME_LEAD_CHARS): 今年|9月底前 and 今|年底前 -> at 今, 到明年底 -> at 到;
    说明|年底前 -> ``first`` (明 ends another word).

    >>> _relative_year_start("。明年6月底前", 2, 3, 0), _relative_year_start("到明年底", 2, 2, 0)
    (1, 0)
    >>> _relative_year_start("说明年底前", 2, 2, 0), _relative_year_start("全年底前", 1, 1, 0)
    (2, 1)
    """
    word = text[year_at - 1 : year_at + 1]
    if word not in lx.RELATIVE_YEARS:
        return first
    if year_at - 2 >= 0 and text[year_at - 2] in lx.NOT_BEFORE_RELATIVE_YEAR.get(word[0], ""):
        return first
    start = year_at - 1
    while start > floor and text[start - 1] in _TIME_CHARS:
        start -= 1  # 到明年底, 截至今年底
    return start


_RELATIVE_FIRSTS = frozenset(word[0] for word in lx.RELATIVE_YEARS)


def _relative_year(word: str | None, year: int | None) -> int | None:
    """The year 今年, 明年 … name in a plan of ``year``.

    >>> _relative_year("明年", 2025), _relative_year("今年", 2025), _relative_year("明年", None)
    (2026, 2025, None)
    """
    return year + lx.RELATIVE_YEARS[word] if word and year else None


def _mark(match: re.Match[str], year: int | None) -> TimeMark | None:
    start, end = match.span()
    if end == start:
        return None
    text = match.string
    if text.startswith(lx.RECURRING_WORDS, max(0, start - 2)) or text.startswith("已", end):
        return None  # 每年1月31日前: every year, no one date; 2018年12月31日前已完成转制的: a past condition
    if text.endswith(lx.BASELINE_TIME_WORDS, 0, start):
        return None  # 较2023年末翻一番, 比上年末增长5%: the base of a change, not a time to reach
    group = match.groupdict()  # one call for every group's text (None where it took no part)
    horizon = group["horizon"] is not None
    if group["year"] and not (group["in_year"] or group["before"]):
        first = _span_first_year(match)
        if first is not None:
            return _span(first, match, year)
    if not horizon and text.find("的", end + 1, end + 3) >= 0 and RE_QUALIFYING_VERB.match(text, end) is not None:
        return None  # 2000年底前建成的城镇老旧小区: which ones are counted, no time to reach
    if group["plan_year"]:
        if group["horizon"] or (start > 0 and text[start - 1] in _NUMERAL_CHARS):
            return None  # 至今年; 3年内 (within three years): not the plan's year
        within = group["plan_year"] in lx.WITHIN_YEAR_WORDS or group["before"]
        return TimeMark(start, end, "deadline" if within else "scope", _iso(year, 12, 31))
    if group["period"]:
        end_year = _period_end_year(group["period"])
        if not (horizon or group["before"] or group["period_end"]):
            if group["period_span"] and _sets_the_period(text, end, end_year, year):
                return TimeMark(start, end, "horizon", _iso(end_year, 12, 31))  # “九五”期间: due at its end
            return None  # “十四五”, “十三五”时期 in a plan of 2021: a name, a period past
        return TimeMark(start, end, _kind(horizon, group["before"]), _iso(end_year, 12, 31))
    if not (group["year"] or group["rel_year"]) and _joined_to_a_point_of_the_year(text, start, end):
        return None  # 在年中和年末向国务院报告: twice a year, a rhythm
    stated_year = _year(group["year"]) if group["year"] else _relative_year(group["rel_year"], year)
    if stated_year is None and not (group["part"] or group["month"]):
        return None
    if group["part"] in ("底", "末") and stated_year is None and not group["rel_year"]:
        return None  # 到底, 末: words, not times
    if stated_year is None and not (horizon or group["before"]) and text.endswith(lx.NOUN_TAKING_VERBS, 0, start):
        return None  # 纳入年底效能目标考核: a part of the year that qualifies what a verb takes in
    if not (horizon or group["before"] or group["part"] or group["month_end"]):
        if group["year"] and not group["month"] and _opens_a_clause(match):
            # 2024年，全市…: a paragraph that opens with its year sets what follows for that year, as 到2024年
            kind = "horizon" if _opens_a_paragraph(match) or _dates_a_paragraph(match) else "year"
            return TimeMark(start, end, kind, _iso(stated_year, 12, 31))  # 2020年初步建成…
        return None  # 2023年 / 6月 alone: a date of something, not a time to reach
    if group["month"] and not (group["before"] or group["month_end"] or group["day"] or horizon):
        return None
    if group["month_end"] == "份" and not (group["before"] or horizon) and text.startswith(_MONTH_DATES, end):
        return None  # 1—5月份，全市…; 9月份以来: the month dates what is said, no time to finish by
    return TimeMark(start, end, _kind(horizon, group["before"]), _date(match, stated_year or year))


#: What after a month written with 份 makes it date what is said (9月份，…; 9月份以来, 9月份起) rather
#: than the month a task is done in (①9月份完成…改造: due at its end).
_MONTH_DATES = (*lx.YEAR_FOLLOWERS, *lx.YEAR_PHRASES, *lx.START_WORDS)


def _period_end_year(period: str) -> int | None:
    """The year a five-year period named in ``period`` ends (the longest name in it: 十五五, not 十五).

    >>> _period_end_year("“十五五”期间"), _period_end_year("“十五”时期"), _period_end_year("“九五”期间")
    (2030, 2005, 2000)
    """
    names = [name for name in lx.PERIOD_END_YEARS if name in period]
    return lx.PERIOD_END_YEARS[max(names, key=len)] if names else None


def _sets_the_period(text: str, end: int, end_year: int | None, year: int | None) -> bool:
    """Whether a period's span (“十四五”期间, “九五”时期) ending at ``end`` sets what follows for the
    period, due at its end: not one past in a plan of ``year`` (“十三五”时期，全省累计… in 2021: what
    was done), nor one a sentence says something of (“十四五”时期是…的关键期) or counts from (以来).

    >>> _sets_the_period("“十四五”期间，建成", 7, 2025, 2021), _sets_the_period("“十三五”时期，建成", 7, 2020, 2021)
    (True, False)
    >>> _sets_the_period("“十四五”时期是关键期", 7, 2025, 2021), _sets_the_period("“十四五”时期以来", 7, 2025, 2021)
    (False, False)
    """
    if end_year is None or (year is not None and end_year < year):
        return False
    return not text.startswith((*lx.YEAR_SUBJECT_VERBS, *lx.SPAN_NOT_TIME_FOLLOWERS), end)


def _span_first_year(match: re.Match[str]) -> re.Match[str] | None:
    """The first year of a span of years whose last year ``match`` is (2025-2027年, 2025年—2027年,
    2025年至2027年, 2002年到2005年: the last year's 到 or 至 joins them), going forward by no more
    than SPAN_MOST_YEARS; else None.

    >>> _span_first_year(RE_TIME.search("2025-2027年累计")).group("first")
    '2025'
    >>> _span_first_year(RE_TIME.search("2002年到2005年，", 5)).group("first")
    '2002'
    >>> _span_first_year(RE_TIME.search("到2027年，")) is None, _span_first_year(RE_TIME.search("2027-2025年")) is None
    (True, True)
    """
    text, start = match.string, match.start()
    word = match.group("horizon")
    if word is not None and word.strip(lx.SPACE_CHARS + "\r\n") not in lx.SPAN_HORIZON_JOINERS:
        return None  # 截至2027年: a horizon, no span
    first = RE_SPAN_FIRST_YEAR.search(text, max(0, start - SPAN_FIRST_REACH), start)
    if first is None or (first.group("joiner") is None) == (word is None):
        return None  # 2025年2027年: no joiner; 2025年—到2027年: two
    first_year, last_year = int(first.group("first")), int(match.group("year"))
    return first if first_year < last_year <= first_year + _SPAN_MOST_YEARS else None


_SPAN_MOST_YEARS = 30  # years a span of a plan may run over (2018—2035年)
_SPAN_OPENERS = frozenset(lx.NOTE_OPEN_BRACKETS + "".join(opening for opening, _close in lx.QUOTE_PAIRS))


def _span(first: re.Match[str], match: re.Match[str], year: int | None) -> TimeMark | None:
    """A span of years in running text (2025-2027年累计培育…300家): a horizon due at its end, that
    governs what follows as 到2027年 does.  Not one in brackets (（2025—2027年）: a title's period, or
    a note's field) or opening a title or a quotation (《2024—2026年行动方案》), one that is a base
    (较2019—2021年), names its years (2021—2023年度) or tells of what went on since (以来), nor one
    past in a plan of ``year``: ended before it, or in it having begun before (2002年到2005年，…连续
    四年组织 in a reply of 2005: what was done).

    >>> text = "2025-2027年累计培育300家；（2025—2027年）；2019—2021年累计新增"
    >>> [(t.start, t.end, t.kind, t.date) for t in find_times(text, 0, len(text), 2025)]
    [(0, 10, 'horizon', '2027-12-31')]
    """
    text, start, end = match.string, first.start(), match.end()
    first_year, last_year = int(first.group("first")), int(match.group("year"))
    if _char_before(text, start) in _SPAN_OPENERS or _after_gap(text, end) in lx.NOTE_CLOSE_BRACKETS:
        return None  # （2025—2027年）, 《2024—2026年行动方案》, 完成时限为“2025年—2027年”的: a name or a value
    if text.endswith(lx.BASELINE_TIME_WORDS, 0, start) or text.startswith(lx.SPAN_NOT_TIME_FOLLOWERS, end):
        return None
    if year is not None and (last_year < year or (last_year == year and first_year < year)):
        return None
    return TimeMark(start, end, "horizon", _iso(last_year, 12, 31))


def _joined_to_a_point_of_the_year(text: str, start: int, end: int) -> bool:
    """Whether the time in ``text[start:end]`` is joined by 和, 及, 与 or 、 to another point of the
    year named without a year (年中和|年末, 上半年和|年底前, 年末|及年初): the two points of every
    year a thing is done at, a rhythm.

    >>> _joined_to_a_point_of_the_year("在年中和年末报告", 4, 6), _joined_to_a_point_of_the_year("上半年和年底前", 0, 3)
    (True, True)
    >>> _joined_to_a_point_of_the_year("完善制度和年底前完成", 5, 8)
    False
    """
    return text.endswith(_POINT_JOINED, 0, start) or text.startswith(_JOINED_POINT, end)


_POINT_JOINED = tuple(point + joiner for point in lx.YEAR_POINTS for joiner in lx.YEAR_POINT_JOINERS)
_JOINED_POINT = tuple(joiner + point for point in lx.YEAR_POINTS for joiner in lx.YEAR_POINT_JOINERS)


def _kind(horizon: bool, before: str | None) -> str:
    """到2025年 is a horizon; 2025年前, 到2025年前 and 6月底 are deadlines."""
    return "horizon" if horizon and not before else "deadline"


_NUMERAL_CHARS = frozenset("0123456789" + lx.FULLWIDTH_DIGITS + lx.CN_NUMERAL_CHARS)


def _opens_a_clause(match: re.Match[str]) -> bool:
    """A year that opens its clause and goes on with what is done in it (2020年初步建成300个…),
    not one that dates a thing (2022年以来, 2023年度, 2023年的).

    >>> bool(_opens_a_clause(RE_TIME.search("。2020年初步建成")))
    True

    A year right after the marker of a point that opens its line opens the point's clause:

    >>> [bool(_opens_a_clause(RE_TIME.search(t))) for t in ("\\n　3．2025年遴选10个", "（3）2025年建成", "第3.2025年")]
    [True, True, False]
    """
    text, start, end = match.string, match.start(), match.end()
    before = _char_before(text, start)
    follower = text[end : end + 1]
    return (
        (before in lx.CLAUSE_ENDS + "\r\n" or (before in _MARKER_ENDS and _after_a_marker(text, start)))
        and (follower not in lx.YEAR_FOLLOWERS or _opens_a_paragraph(match))
        and not text.startswith(lx.YEAR_PHRASES, end)
    )


def _after_a_marker(text: str, start: int) -> bool:
    """Whether all that stands before ``start`` on its line is a point's marker (3．, （3）, 2、)."""
    line = text.rfind("\n", 0, start) + 1
    while line < start and text[line] in lx.SPACE_CHARS:
        line += 1
    return 0 < start - line <= _MARKER_MAX and RE_HEADING.fullmatch(text, line, start) is not None


_MARKER_ENDS = frozenset(".．、)）")  # how a point's marker ends (1．, 2、, （3）)
_MARKER_MAX = 8  # characters of a marker with its spaces


def _opens_a_paragraph(match: re.Match[str]) -> bool:
    """A year that opens its paragraph, then a comma: 　　2024年，全市…的主要目标是.

    >>> _opens_a_paragraph(RE_TIME.search("\\n　　2018年，全市")), _opens_a_paragraph(RE_TIME.search("。2018年，"))
    (True, False)
    """
    text = match.string
    return _char_before(text, match.start()) in "\r\n" and text[match.end() : match.end() + 1] in "，,"


def _dates_a_paragraph(match: re.Match[str]) -> bool:
    """A year that opens its paragraph as the time of what the paragraph sets out (　　2025年农村公路
    工作的总体思路是：…。主要目标是：…): it holds for the paragraph, as 2024年，… does; not one the
    paragraph says something of (2024年是…的关键之年).

    >>> _dates_a_paragraph(RE_TIME.search("\\n　　2025年农村公路工作"))
    True
    >>> _dates_a_paragraph(RE_TIME.search("\\n2024年是关键之年")), _dates_a_paragraph(RE_TIME.search("。2025年建成"))
    (False, False)
    """
    text = match.string
    return _char_before(text, match.start()) in "\r\n" and not text.startswith(lx.YEAR_SUBJECT_VERBS, match.end())


def _char_before(text: str, start: int) -> str:
    """The character before ``start`` and the indent of its paragraph (a line break at the text's start)."""
    k = start
    while k > max(0, start - _INDENT) and text[k - 1] in lx.SPACE_CHARS:
        k -= 1
    return text[k - 1] if k else "\n"


_INDENT = 8  # spaces before a paragraph's first character


def _date(match: re.Match[str], year: int | None) -> str | None:
    group = match.group
    if group("part"):
        return _iso(year, *lx.YEAR_PARTS[group("part")])
    if group("month"):
        number = _number(group("month"))
        if number is None or not 1 <= number <= 12:
            return None
        month = number
        if group("day"):
            return _iso(year, month, min(int(group("day").translate(_DIGITS)), 31))
        if group("month_end") in ("上旬", "中旬"):
            return _iso(year, month, 10 if group("month_end") == "上旬" else 20)
        if group("before") and group("month_end") in (None, "份"):  # 3月前, 3月份前: before March begins
            return _iso(year - 1, 12, 31) if year and month == 1 else _iso(year, month - 1, 0)
        return _iso(year, month, 0)
    return _iso(year, 12, 31)  # 到2025年, 2025年前


def _iso(year: int | None, month: int, day: int) -> str | None:
    """An ISO date; day 0 is the month's last day.

    >>> _iso(2024, 2, 0), _iso(None, 1, 1)
    ('2024-02-29', None)
    """
    if year is None:
        return None
    last = _month_days(year, month)
    if day == 0 or day > last:
        day = last
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_days(year: int, month: int) -> int:
    """The days in a month (calendar.monthrange's second value, without the weekday it computes).

    >>> _month_days(2024, 2), _month_days(2023, 2), _month_days(2023, 4)
    (29, 28, 30)
    """
    if not 1 <= month <= 12:
        return calendar.monthrange(year, month)[1]  # raises, as it always did
    return 29 if month == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[month - 1]


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _year(text: str) -> int | None:
    digits = text.translate(_DIGITS)
    if digits.isdigit():
        return int(digits)
    value = chinese_to_int(text.replace("零", "〇"))
    return value if value and 1900 <= value <= 2100 else None


def _number(text: str) -> int | None:
    digits = text.translate(_DIGITS)
    return int(digits) if digits.isdigit() else chinese_to_int(text)


def opening_deadline(clause: str) -> int | None:
    """Where a time to finish by that opens ``clause`` ends (2024年9月底前出台相关政策 -> after 前),
    or None: the rest of the clause says what is due then.

    >>> opening_deadline("2024年9月底前出台相关政策"), opening_deadline("到2025年建成"), opening_deadline("省商务厅")
    (9, None, None)
    """
    marks = find_times(clause, 0, min(len(clause), _OPENING_REACH), None)
    if marks and marks[0].start == 0 and marks[0].kind == "deadline":
        return marks[0].end
    return None


_OPENING_REACH = 16  # characters a time that opens a clause may take (2024年12月31日之前)


def is_deadline_phrase(text: str) -> bool:
    """Whether ``text`` says nothing but when: 2023年底前完成, 长期坚持.

    >>> is_deadline_phrase("2023年底前完成"), is_deadline_phrase("持续推进"), is_deadline_phrase("省商务厅")
    (True, True, False)
    >>> is_deadline_phrase("2025—2026年"), is_deadline_phrase("２０２５－２０２６年"), is_deadline_phrase("2025—2026")
    (True, True, False)
    """
    match = RE_DEADLINE_PHRASE.match(text)
    if match is None:
        return False
    return any(match.group(name) for name in ("year", "part", "month", "plan_year", "period", "span")) or not any(
        ch.isdigit() for ch in text
    )


def is_time_remark(clause: str) -> bool:
    """Whether ``clause`` opens with when its task starts or how often it comes back: a remark on
    its timing (2024年起每年开展, 按季度推进), no unit's name and no time to finish by.

    >>> is_time_remark("2024年起每年开展"), is_time_remark("自2025年开始"), is_time_remark("按季度推进")
    (True, True, True)
    >>> is_time_remark("自然资源部"), is_time_remark("2024年底前完成"), is_time_remark("省商务厅")
    (False, False, False)
    """
    return clause[:1] in _REMARK_FIRST and RE_TIME_REMARK.match(clause) is not None


#: What such a remark may open with: what a time may (2024, 今年, 上半年, “十四五”), 自 or 从, or
#: a word of rhythm.
_REMARK_FIRST = frozenset(
    TIME_LEAD_CHARS
    + "".join(word[0] for word in (*lx.FROM_WORDS, *lx.RHYTHM_WORDS, *lx.PLAN_YEAR_WORDS, *lx.YEAR_PARTS))
    + "".join(name[0] for name in lx.PERIOD_END_YEARS)
)


def deadline_of(text: str, start: int, end: int, year: int | None) -> DeadlineRecord:
    """A 完成时限 as printed in ``text[start:end]``, with the last day it allows (or null).

    >>> deadline_of("完成时限：2023年底前", 5, 12, 2023)
    {'text': '2023年底前', 'span': [5, 12], 'date': '2023-12-31'}
    >>> deadline_of("长期坚持", 0, 4, 2023)["date"] is None
    True
    >>> deadline_of("2025年—2027年", 0, 11, 2025)["date"]
    '2027-12-31'
    """
    marks = find_times(text, start, end, year)
    date = marks[-1].date if marks else _span_end(text[start:end]) or _month_or_day(text[start:end], year)
    return {"text": text[start:end], "span": [start, end], "date": date}


def _span_end(words: str) -> str | None:
    """The last day a span of years allows (2025年—2027年, 2025—2027年: the end of 2027): a field
    that names the years a task runs over says it is due when they end.

    >>> _span_end("2025—2027年"), _span_end("２０２５－２０２７年"), _span_end("2025年")
    ('2027-12-31', '2027-12-31', None)
    """
    match = RE_YEAR_SPAN.match(words.translate(_DIGITS))
    return _iso(int(match.group("end")), 12, 31) if match else None


def _month_or_day(words: str, year: int | None) -> str | None:
    """The last day a 完成时限 field allows when it names a month or a day without 前 or 底
    (完成时限：2025年6月, 12月31日): a field says by when, whatever its wording.

    >>> _month_or_day("2025年6月", 2024), _month_or_day("12月31日", 2024), _month_or_day("持续推进", 2024)
    ('2025-06-30', '2024-12-31', None)
    >>> _month_or_day("明年6月", 2024), _month_or_day("每年12月底前", 2024)
    ('2025-06-30', None)
    """
    match = RE_MONTH_OR_DAY.search(words)
    if match is None:
        return None
    if words[: match.start()].rstrip().endswith(lx.RECURRING_WORDS):
        return None  # 每年12月底前: a limit that comes back every year, no one day (as 每季度末)
    if match.group("year"):
        stated: int | None = int(match.group("year"))
    else:
        before = words[: match.start()].rstrip()
        relative = next((word for word in lx.RELATIVE_YEARS if before.endswith(word)), None)
        stated = _relative_year(relative, year) if relative else year
    month = int(match.group("month"))
    if stated is None or not 1 <= month <= 12:
        return None
    last = calendar.monthrange(stated, month)[1]
    day = int(match.group("day")) if match.group("day") else last
    return f"{stated:04d}-{month:02d}-{min(day, last):02d}"


def _last_open(text: str, start: int, end: int) -> int | None:
    """The last opening bracket in ``text[start:end]``."""
    found = RE_LAST_NOTE_OPEN.search(text, start, end)
    return found.start() if found else None


def plan_year(*titles: str | None, fallback: str | None = None) -> int | None:
    """The year a plan is for: the first year in its title, else the year of ``fallback`` (the
    notice's date).

    >>> plan_year("2023年福建省质量强省工作要点"), plan_year(None, fallback="2024-02-20")
    (2023, 2024)
    """
    for title in titles:
        if title:
            found = RE_PLAN_YEAR.search(title.translate(_DIGITS))
            if found:
                return int(found.group(1))
    if fallback and fallback[:4].isdigit():
        return int(fallback[:4])
    return None


def item_deadline(
    text: str, item: ItemRecord, year: int | None, times: Times, standing: bool = False
) -> DeadlineRecord | None:
    """An item's 完成时限: a field of its note (完成时限：2023年底前, or an unlabelled time in an
    inline note), else a time alone in brackets (（2023年底前完成）), else the one deadline its
    text states (…，6月底前完成部署), or the last of the stages it lists (:func:`is_stage_list`);
    a horizon (到2025年) is no deadline of the task.  In a ``standing`` rule (a regulation) a time
    in the text that names no year (于年底前报送, 每年 unsaid) comes back every year: no deadline."""
    for note in item["notes"]:
        for note_field in note["fields"]:
            if note_field["label"] in lx.DEADLINE_LABELS or (
                not note_field["label"] and is_deadline_phrase(note_field["text"])
            ):
                start, end = note_field["span"]
                return deadline_of(text, start, end, year)
    start, end = item["span"]
    marks = [t for t in times.within(start, end) if t.end <= end and (not standing or names_its_year(text, t))]
    for mark in marks:  # a time alone in brackets: （2023年底前完成）
        opening = _last_open(text, max(start, mark.start - 8), mark.start)
        if opening is not None:
            match = RE_BRACKETED.match(text, opening, end)
            if match is not None and match.end() > mark.end and is_deadline_phrase(match.group("body")):
                return deadline_of(text, match.start("body"), match.end("body"), year)
    ongoing = times.first_ongoing(start, end)  # （长期坚持）, （持续推进）
    if ongoing is not None:
        return deadline_of(text, ongoing.start("body"), ongoing.end("body"), year)
    deadlines = [t for t in marks if t.kind == "deadline"]
    if len(deadlines) == 1 or is_stage_list(text, deadlines):
        return deadlines[-1].record(text)
    return None


def names_its_year(text: str, mark: TimeMark) -> bool:
    """Whether the time ``mark`` names its year (2020年年底前, 到“十四五”末), rather than a point of
    whatever year it is read in (年底前, 6月底前, 年内, 次年3月底前).

    >>> text = "2020年年底前免缴，年底前报送，到“十四五”末"
    >>> [names_its_year(text, mark) for mark in find_times(text, 0, len(text), 2020)]
    [True, False, True]
    """
    match = RE_TIME.match(text, mark.start, mark.end)
    return match is not None and bool(match.group("year") or match.group("period"))


def is_stage_list(text: str, marks: list[TimeMark]) -> bool:
    """Whether ``marks`` (two deadlines or more) are the stages of one task, due at the last: in one
    sentence, later each than the one before, each after the first opening its clause (after a comma
    or a semicolon), and each followed by what is done then, right away or after a colon, not by a
    comma and its own subject (3月底前完成项目招标，5月底前全部开工，11月底前完成竣工验收;
    一季度：完成设计；二季度：开工建设；…；四季度：全部完工, inline or a quarter on each line).  Times
    of separate sentences, of separate actors (2019年3月底前，国家卫生健康委…。2019年8月底前，各地…;
    A于3月底前…，B于6月底前…), or not in order (年内…，年内…) are no stages: the task then states no
    one deadline.

    >>> text = "按照时间节点推进：3月底前完成项目招标，5月底前全部开工，11月底前完成竣工验收。"
    >>> is_stage_list(text, find_times(text, 0, len(text), 2025))
    True
    >>> text = "一季度：完成设计；\\n　　二季度：开工建设；\\n　　四季度：全部完工。"
    >>> is_stage_list(text, find_times(text, 0, len(text), 2025))
    True
    >>> text = "2019年3月底前，国家卫生健康委推行编码。2019年8月底前，各地完成转换工作。"
    >>> is_stage_list(text, find_times(text, 0, len(text), 2019))
    False
    """
    if len(marks) < 2:
        return False
    dates = [mark.date for mark in marks]
    if any(date is None for date in dates) or any(a >= b for a, b in itertools.pairwise(cast("list[str]", dates))):
        return False  # not in order, or a stage without a day
    return all(_opens_a_stage(text, before.end, mark.start) for before, mark in itertools.pairwise(marks)) and all(
        _after_gap(text, mark.end) not in lx.CLAUSE_ENDS or _after_gap(text, mark.end) in lx.STAGE_LABEL_ENDS
        for mark in marks
    )


def _opens_a_stage(text: str, previous_end: int, start: int) -> bool:
    """Whether the time at ``start`` opens the clause right after the stage that ends at
    ``previous_end``: a comma or a semicolon just before it, and no sentence's end before that one
    (3月底前完成A；各县要…，6月底前完成B: the semicolon parts another sentence, no stage).

    >>> t = "3月底前完成招标；\\n5月底前开工"
    >>> _opens_a_stage(t, 4, 10), _opens_a_stage("3月底前完成A；各县要督导，6月底前完成B", 4, 14)
    (True, False)
    """
    k = start
    while k > 0 and text[k - 1] in _GAP_CHARS:
        k -= 1
    if k == 0 or text[k - 1] not in lx.STAGE_SEPARATORS:
        return False
    return RE_SENTENCE_END.search(text, previous_end, k - 1) is None


def _after_gap(text: str, end: int) -> str:
    """The first character from ``end`` on that is neither a space nor a line end, or the comma the
    text's end counts as (no verb follows).

    >>> _after_gap("5月底前\\n完成", 4), _after_gap("5月底前，完成", 4), _after_gap("5月底前", 4)
    ('完', '，', '，')
    """
    k = end
    while k < len(text) and text[k] in _GAP_CHARS:
        k += 1
    return text[k] if k < len(text) else "，"


_GAP_CHARS = frozenset(lx.SPACE_CHARS + "\r\n")


def default_deadline(text: str, times: Times) -> tuple[int, TimeMark] | None:
    """The deadline a plan states for every task that gives none, and where the statement begins:
    未注明完成时限的任务，均须于2024年12月底前完成 (in the notice, the preamble, a closing 说明 or a
    note).  Looked for only just before each deadline found, so a plan without one pays a search
    per deadline.

    >>> text = "未注明完成时限的任务，均须于2024年12月底前完成。（一）做好工作。"
    >>> start, mark = default_deadline(text, Times.of(text, 2024))
    >>> start, text[mark.start : mark.end], mark.date
    (0, '2024年12月底前', '2024-12-31')
    >>> text = "对未明确完成时限的问题，要加强研究。2024年底前完成评估。"
    >>> default_deadline(text, Times.of(text, 2024)) is None
    True
    """
    for mark in times.marks:
        if mark.kind != "deadline":
            continue
        statement = RE_DEFAULT_DEADLINE.search(text, max(0, mark.start - DEFAULT_DEADLINE_REACH), mark.start)
        if statement is not None:
            return statement.start(), mark
    return None
