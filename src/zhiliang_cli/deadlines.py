"""Horizons and deadlines -> the last day they allow.

Recognises the times a plan sets things by::

    到2025年，…                     horizon   2025-12-31  (holds until the next time)
    2023年底前 / 2023年末前          deadline  2023-12-31
    2024年6月底前                    deadline  2024-06-30
    6月底前 / 年内 / 全年            deadline  in the plan's year
    3月31日前                        deadline  the plan's year, 03-31
    上半年 / 三季度                  deadline  06-30 / 09-30 of the plan's year
    到“十四五”末                    horizon   2025-12-31
    长期坚持 / 持续推进              deadline  no date

A year alone (2023年) is no time: it dates what it stands in, it sets nothing by.  ``X月前``
is read literally (before that month begins: the last day of the month before), ``X年前``
as the genre uses it (2030年前实现碳达峰: by the end of that year).  Emits a Deadline record:
the words as printed, their span and the date (ISO 8601, or null).
"""

from __future__ import annotations

import calendar
from typing import NamedTuple

import regex

from . import lexicon as lx
from .numerals import chinese_to_int
from .patterns import RE_DEADLINE_PHRASE, RE_TIME
from .records import DeadlineRecord

_DIGITS = str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789")


class TimeMark(NamedTuple):
    """A time found in a text: where it stands, what kind it is and the day it allows."""

    start: int
    end: int
    horizon: bool  # 到2025年: holds for what follows, until the next time
    date: str | None

    def record(self, text: str) -> DeadlineRecord:
        return {"text": text[self.start : self.end], "span": [self.start, self.end], "date": self.date}


def find_times(text: str, start: int, end: int, year: int | None) -> list[TimeMark]:
    """Every horizon and deadline in ``text[start:end]``, in order.

    >>> text = "到2025年，建成10个；2023年底前完成5个，6月底前启动。"
    >>> [(text[t.start:t.end], t.horizon, t.date) for t in find_times(text, 0, len(text), 2023)]
    [('到2025年', True, '2025-12-31'), ('2023年底前', False, '2023-12-31'), ('6月底前', False, '2023-06-30')]
    """
    marks: list[TimeMark] = []
    for match in RE_TIME.finditer(text, start, end):
        mark = _mark(match, year)
        if mark is not None:
            marks.append(mark)
    return marks


def _mark(match: regex.Match[str], year: int | None) -> TimeMark | None:
    if match.end() == match.start():
        return None
    group = match.group
    horizon = group("horizon") is not None
    if group("plan_year"):
        if group("horizon"):
            return None  # 至今年: not a horizon we can read
        return TimeMark(match.start(), match.end(), False, _iso(year, 12, 31))
    if group("period"):
        if not (horizon or group("before") or group("period_end")):
            return None  # “十四五”时期: a period, not a time to reach
        end_year = next((y for name, y in lx.PERIOD_END_YEARS.items() if name in group("period")), None)
        return TimeMark(match.start(), match.end(), horizon, _iso(end_year, 12, 31))
    stated_year = _year(group("year")) if group("year") else None
    if stated_year is None and not (group("part") or group("month")):
        return None
    if group("part") in ("底", "末") and stated_year is None:
        return None  # 到底, 末: words, not times
    if not (horizon or group("before") or group("part") or group("month_end")):
        return None  # 2023年 / 6月 alone: a date of something, not a time to reach
    if group("month") and not (group("before") or group("month_end") or group("day") or horizon):
        return None
    return TimeMark(match.start(), match.end(), horizon and not group("before"), _date(match, stated_year or year))


def _date(match: regex.Match[str], year: int | None) -> str | None:
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
        if group("before") and not group("month_end"):  # 3月前: before March begins
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
    if day == 0 or day > calendar.monthrange(year, month)[1]:
        day = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year(text: str) -> int | None:
    digits = text.translate(_DIGITS)
    if digits.isdigit():
        return int(digits)
    value = chinese_to_int(text.replace("零", "〇"))
    return value if value and 1900 <= value <= 2100 else None


def _number(text: str) -> int | None:
    digits = text.translate(_DIGITS)
    return int(digits) if digits.isdigit() else chinese_to_int(text)


def is_deadline_phrase(text: str) -> bool:
    """Whether ``text`` says nothing but when: 2023年底前完成, 长期坚持.

    >>> is_deadline_phrase("2023年底前完成"), is_deadline_phrase("持续推进"), is_deadline_phrase("省商务厅")
    (True, True, False)
    """
    match = RE_DEADLINE_PHRASE.match(text)
    if match is None:
        return False
    return any(match.group(name) for name in ("year", "part", "month", "plan_year", "period")) or not any(
        ch.isdigit() for ch in text
    )


def deadline_of(text: str, start: int, end: int, year: int | None) -> DeadlineRecord:
    """A 完成时限 as printed in ``text[start:end]``, with the last day it allows (or null).

    >>> deadline_of("完成时限：2023年底前", 5, 12, 2023)
    {'text': '2023年底前', 'span': [5, 12], 'date': '2023-12-31'}
    >>> deadline_of("长期坚持", 0, 4, 2023)["date"] is None
    True
    """
    marks = find_times(text, start, end, year)
    date = marks[-1].date if marks else None
    return {"text": text[start:end], "span": [start, end], "date": date}


def plan_year(*titles: str | None, fallback: str | None = None) -> int | None:
    """The year a plan is for: the first year in its title, else the year of ``fallback`` (the
    notice's date).

    >>> plan_year("2023年福建省质量强省工作要点"), plan_year(None, fallback="2024-02-20")
    (2023, 2024)
    """
    for title in titles:
        if title:
            found = regex.search(r"((?:19|20)\d{2})\s*年", title.translate(_DIGITS))
            if found:
                return int(found.group(1))
    if fallback and fallback[:4].isdigit():
        return int(fallback[:4])
    return None
