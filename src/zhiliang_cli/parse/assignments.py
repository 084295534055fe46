"""Tasks assigned by their number -> the notes of those tasks (a 任务分工 section after the tasks).

A plan may set its tasks without naming who does them, then assign them by number in a section
of its own (三、任务分工, 责任分工, 分工安排), one line per group of tasks, or in a sentence of a
closing paragraph::

    （一）实施重大项目攻坚。……                                   task 1, no unit named
    三、任务分工
    1．第（一）项任务由A牵头，B、C配合。                          -> task 1: lead A, cooperating B, C
    2．第（二）项任务由A牵头，B配合，11月底前完成。               -> task 2, its deadline 11月底前
    3．第（三）（四）项任务由A、B按职责分工负责。                 -> tasks 3 and 4: lead A, B
    5．第（六）至（八）项任务分别由A、B、C牵头，D配合。           -> 6 ← A, 7 ← B, 8 ← C; D cooperates on each
    …第（一）至（三）项由A负责。                                   a sentence of a closing paragraph: tasks 1-3

Such a line sets no work: a section whose every entry assigns tasks keeps its entries as its own
text (:func:`assigning_entries`).  What follows 由 is read as any note is (:func:`notes.read_note`,
the plan's rule applied), its time the deadline of the tasks it names (winning over a time in a
task's own text).  The note's span is the entry's line (or the sentence); each task named gets
the note, its units, and that span as its ``lead_span``, as a note for the tasks above it (以上两项
由A牵头) gives them.  A number names the task printed with it (（三） or 3.); where several tasks
are printed with it (numbering restarting in each section), the assignment names none.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import regex

from zhiliang_cli.records import ItemRecord, SectionRecord

from . import lexicon as lx
from .lines import Heading, Line, heading_at
from .notes import LeadNote, apply_rules, read_note, unique_units
from .numerals import numeral_value
from .patterns import RE_TASK_ASSIGNMENT, RE_TASK_NUMBER

_SENTENCE_OPENERS = "。；;：:！!"  # a mark before which an assignment sentence may open
_SENTENCE_ENDS = "。；;"


class _Entry(Protocol):
    heading: Heading
    lines: list[Line]


def assigning_entries(text: str, entries: Iterable[_Entry]) -> bool:
    """Whether every one of a section's numbered entries assigns tasks by number (1．第（一）项任务由…),
    and there is one at least.

    >>> from zhiliang_cli.parse.lines import LineIndex
    >>> text = "1．第（一）项任务由甲局牵头。\\n2．第（二）项任务由乙局负责。"
    >>> class E:
    ...     def __init__(self, line):
    ...         self.heading, self.lines = heading_at(text, line), [line]
    >>> assigning_entries(text, [E(line) for line in LineIndex(text).lines])
    True
    """
    found = False
    for entry in entries:
        if RE_TASK_ASSIGNMENT.match(text, entry.heading.body, entry.lines[0].end) is None:
            return False
        found = True
    return found


def assign_numbered_tasks(text: str, sections: list[SectionRecord], closing: list[Line], notes: list[LeadNote]) -> None:
    """Give the tasks named by number in a section's own text or the closing paragraph the note
    that assigns them (see the module's docstring).  ``notes`` are the plan's notes (the rule
    stated in one of them holds as it does for the others)."""
    regions = [s["text_span"] for s in sections if s["text_span"]]
    regions += [[line.start, line.end] for line in closing]
    if not regions or all(text.find("由", start, end) < 0 for start, end in regions):
        return
    found = [found for start, end in regions for found in _assignments(text, start, end)]
    if not found:
        return
    mine = {(note.start, note.end) for note, _match in found}
    ruled = {
        (note.start, note.end): note
        for note in apply_rules(text, sorted([*notes, *(note for note, _m in found)], key=lambda n: n.start))
        if (note.start, note.end) in mine
    }
    items = _items_by_number([item for section in sections for item in section["items"]])
    for note, match in found:
        _assign(text, ruled[(note.start, note.end)], match, items)


def _assignments(text: str, start: int, end: int) -> list[tuple[LeadNote, tuple[str, bool]]]:
    """The assignments in ``text[start:end]``: each the note that follows its 由 (its span the entry's
    line, or the sentence or clause in a paragraph: …。第（一）至（三）项由A负责，第（四）项由B牵头。) and
    the numbers it names, with whether it hands its leads out in order (分别)."""
    found: list[tuple[int, regex.Match[str], bool, tuple[int, int]]] = []
    line = (start, start)  # the line around the last match: found once per line
    pos = text.find("第", start, end)
    while 0 <= pos < end:
        match = RE_TASK_ASSIGNMENT.match(text, pos, end)
        if match is None:
            pos = text.find("第", pos + 1, end)
            continue
        if pos >= line[1]:
            line_end = text.find("\n", pos, end)
            line = (text.rfind("\n", 0, pos) + 1, end if line_end < 0 else line_end)
        entry = _opens_entry(text, pos, line[0])
        chained = (
            bool(found)
            and text[pos - 1] in _CLAUSE_MARKS
            and found[-1][3] == line
            and "。" not in text[found[-1][1].end() : pos]
        )
        if entry or chained or _opens_sentence(text, pos, line[0]):
            found.append((pos, match, entry, line))
        pos = text.find("第", match.end(), end)
    out: list[tuple[LeadNote, tuple[str, bool]]] = []
    for k, (pos, match, entry, (line_start, line_end)) in enumerate(found):
        limit = found[k + 1][0] if k + 1 < len(found) and found[k + 1][0] < line_end else line_end
        stop = next((j for j in range(match.end(), limit) if text[j] in _SENTENCE_ENDS), None)
        if stop is None:  # to the next clause that assigns other tasks (its ，), or to the line's end
            stop = limit - 1 if limit < line_end else line_end
        note_start, note_end = (line_start, line_end) if entry else (pos, stop + 1 if stop < line_end else stop)
        note_start, note_end = _trimmed(text, note_start, note_end)
        note = read_note(text, note_start, note_end, match.end(), stop)
        if note.lead_units or note.cooperating_units:
            out.append((note, (match.group("tasks"), match.group("each") is not None)))
    return out


_CLAUSE_MARKS = "，,；;"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _LINE_END:
        end -= 1
    while start < end and text[start] in lx.SPACE_CHARS:
        start += 1
    return start, end


_LINE_END = lx.SPACE_CHARS + "\r"


def _opens_entry(text: str, pos: int, line_start: int) -> bool:
    """Whether ``pos`` opens a line, after its number at most (1．第（一）项任务由…)."""
    if pos - line_start > _ENTRY_REACH:
        return False
    before = text[line_start:pos].strip(lx.SPACE_CHARS)
    if not before:
        return True
    heading = heading_at(text, Line(0, line_start + text[line_start:pos].index(before[0]), pos))
    return heading is not None and heading.body == pos


_ENTRY_REACH = 16  # characters of indent and number before an entry's words


def _opens_sentence(text: str, pos: int, line_start: int) -> bool:
    """Whether ``pos`` opens a sentence inside a paragraph (…。第（一）至（三）项由A负责。)."""
    k = pos - 1
    while k >= line_start and text[k] in lx.SPACE_CHARS:
        k -= 1
    return k < line_start or text[k] in _SENTENCE_OPENERS


def _numbers(tasks: str) -> list[int]:
    """The numbers an assignment names, a range spelt out.

    >>> _numbers("（六）至（八）"), _numbers("（三）（四）"), _numbers("1、3")
    ([6, 7, 8], [3, 4], [1, 3])
    """
    numbers: list[int] = []
    for match in RE_TASK_NUMBER.finditer(tasks):
        value = numeral_value(match.group("n"))
        if value is None:
            return []
        if match.group("range") and numbers and numbers[-1] < value <= numbers[-1] + _RANGE_MAX:
            numbers += range(numbers[-1] + 1, value + 1)
        else:
            numbers.append(value)
    return numbers


_RANGE_MAX = 50  # tasks a range may span


def _items_by_number(items: list[ItemRecord]) -> dict[int, list[ItemRecord]]:
    """The items by the number printed with them."""
    by_number: dict[int, list[ItemRecord]] = {}
    for item in items:
        value = numeral_value(item["numeral"]) if item["numeral"] else None
        if value is not None:
            by_number.setdefault(value, []).append(item)
    return by_number


def _assign(text: str, note: LeadNote, match: tuple[str, bool], items: dict[int, list[ItemRecord]]) -> None:
    tasks, each = match
    numbers = _numbers(tasks)
    named = [items.get(n, []) for n in numbers]
    if not numbers or any(len(found) != 1 for found in named):
        return  # a number no task (or several) is printed with: the assignment names none for sure
    leads = [[unit] for unit in note.lead_units] if each and len(note.lead_units) == len(numbers) else None
    for k, (item,) in enumerate(named):
        lead = leads[k] if leads is not None else list(note.lead_units)
        record = note._replace(lead_units=lead, cooperating_units=list(note.cooperating_units)).record(text)
        if item["lead_units"] or item["cooperating_units"]:  # its own note is the nearer: these cooperate
            leading = set(item["lead_units"])
            added = [u for u in lead + record["cooperating_units"] if u not in leading]
            item["cooperating_units"] = unique_units(item["cooperating_units"] + added)
        else:
            item["lead_units"], item["cooperating_units"] = lead, list(note.cooperating_units)
            item["lead_span"] = [note.start, note.end]
        item["notes"].append(record)
