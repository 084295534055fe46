"""What ``zl check`` reports: problems in a plan's structure, one record each with its line.

Kinds:

* ``numbering`` — a gap or disorder in the numbers of sections, groups or items;
* ``repeat`` — a number given twice;
* ``empty_section`` — a section with neither items nor text of its own;
* ``missing_lead`` — in a plan, an item without a lead unit in a section whose other items have one, or in a
  plan where most items have one;
* ``no_leads`` — no item of a plan names one;
* ``unreadable_note`` — a labelled note (牵头单位：…) from which no unit could be read;
* ``suspicious_unit`` — a unit name holding invisible or direction-changing characters, or a
  word of a role (牵头, 配合, 负责): a note read wrong;
* ``section_note`` — a note in a section's own text above its items: its units lead no item;
* ``unassigned_text`` — text that belongs to no section, item or closing block;
* ``second_plan`` — a second notice after the plan: two documents in one file;
* ``not_a_plan`` — the document is a reply, a bulletin, a regulation, a decision or another kind
  of document: it sets no tasks to follow, and no targets are read from it;
* ``truncated`` — the copy ends inside an item, inside a note, or on a heading with nothing
  under it.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from itertools import pairwise

from zhiliang_cli.records import ItemRecord, ProblemRecord, SectionRecord

from . import lexicon as lx
from .lines import Heading, Line, LineIndex, is_closing, looks_like_signature
from .patterns import RE_NOTE_FIELD_LINE
from .structure import SectionDraft, Structure


def structure_problems(text: str, structure: Structure, index: LineIndex, kind: str) -> list[ProblemRecord]:
    """Every problem found, in order of line.  A document of another ``kind`` than a plan (a reply,
    a rule) gives no task to a unit: that its points name none is no problem (``not_a_plan`` says
    what it is)."""
    starts = [0, *(part.first for part in structure.parts), len(structure.drafts)]
    problems = [  # each document under the notice numbers its sections and items from one
        problem
        for begin, end in pairwise(starts)
        for problem in _numbering_problems(structure.drafts[begin:end], structure.restart)
    ]
    problems += _unmarked_problems(text, structure.unmarked)
    problems += _empty_sections(structure.sections)
    problems += _check_trailer(text, structure.trailer)
    unreadable = [(note.start, note.end) for note in structure.unreadable]
    if kind == "plan":
        problems += lead_problems(structure.sections, unreadable)
    problems += truncation_problems(text, structure.sections, index)
    problems += _unit_problems(structure.sections) + _section_notes(text, structure, index)
    problems += [
        _problem(
            "unreadable_note",
            index.line_of(note.start),
            f"a note names no unit that can be read: {_excerpt(text[note.start : note.end])}",
        )
        for note in structure.unreadable
    ]
    if structure.second_notice is not None:
        line = structure.second_notice
        problems.append(
            _problem(
                "second_plan",
                line.number,
                f"a second notice begins here ({_excerpt(text[line.start : line.end])}): the file holds two "
                "documents; split it",
            )
        )
    return sorted(problems, key=lambda p: p["line"])


def not_a_plan(kind: str, sections: list[SectionRecord]) -> list[ProblemRecord]:
    """A document of another kind than a plan: it sets no tasks to follow, and no targets are read."""
    if kind == "plan":
        return []
    line = sections[0]["line"] if sections else 1
    what = f"{_KIND_ARTICLES.get(kind, 'a ' + kind)} ({lx.DOCUMENT_KIND_NAMES.get(kind, kind)})"
    return [_problem("not_a_plan", line, f"this document is not a plan but {what}: no targets are read from it")]


_KIND_ARTICLES = {"other": "another kind of document"}


def _problem(kind: str, line: int, message: str) -> ProblemRecord:
    return {"kind": kind, "line": line, "message": message}


def _excerpt(text: str, size: int = 30) -> str:
    """Up to ``size`` characters of ``text`` on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[:size] + "…"


def _sequence_problems(what: str, heads: list[Heading], first_expected: int) -> list[ProblemRecord]:
    problems: list[ProblemRecord] = []
    expected = first_expected
    for head in heads:
        if head.value != expected:
            kind = "repeat" if head.value < expected and head.value == expected - 1 else "numbering"
            problems.append(
                _problem(kind, head.line.number, f"{what} numbered {head.numeral} where {expected} was expected")
            )
        expected = head.value + 1
    return problems


def _numbering_problems(drafts: list[SectionDraft], restart: bool) -> list[ProblemRecord]:
    problems = _sequence_problems("section", [d.block.heading for d in drafts], 1)
    running = 1
    for draft in drafts:
        if not draft.items:
            continue
        level = max(item.heading.level for item in draft.items)
        runs: dict[int, list[Heading]] = {}
        for item in draft.items:
            if item.heading.level == level:
                runs.setdefault(id(item.group) if restart else 0, []).append(item.heading)
        for heads in runs.values():
            problems += _sequence_problems("item", heads, 1 if restart else running)
            running = heads[-1].value + 1
        # （一） headings above numbered tasks, whether they gather tasks or are tasks themselves
        upper = sorted(
            [g.heading for g in draft.groups] + [i.heading for i in draft.items if i.heading.level < level],
            key=lambda h: h.line.start,
        )
        if upper:
            problems += _sequence_problems("group", upper, upper[0].value)
    return problems


def _unmarked_problems(text: str, unmarked: list[Heading]) -> list[ProblemRecord]:
    """Section headings printed without their markers, read as sections from the numbering of the
    items under them (the copy lost 一、 二、 三、; 四、 kept its own)."""
    return [
        _problem(
            "numbering",
            head.line.number,
            f"section heading printed without its marker where {head.value} was expected (its items number on "
            f"into the sections after it; read as section {head.value}): {_excerpt(text[head.body : head.line.end])}",
        )
        for head in unmarked
    ]


def _empty_sections(sections: list[SectionRecord]) -> list[ProblemRecord]:
    return [
        _problem("empty_section", s["line"], f"section {s['numeral']} has no items")
        for s in sections[:-1]  # the last one, if empty, is a cut-off copy (truncation_problems)
        if not s["items"] and s["text"] is None and not s["groups"]
    ]


def lead_problems(sections: list[SectionRecord], unreadable: list[tuple[int, int]]) -> list[ProblemRecord]:
    """Items without a lead unit, where the other items of their section name one (an item whose
    note could not be read is reported as such, not here)."""
    items = [item for s in sections for item in s["items"]]
    if not items:
        return []
    if not any(item["lead_units"] for item in items):
        return [_problem("no_leads", items[0]["line"], "no item names a lead unit (牵头单位/责任单位)")]
    starts = sorted(start for start, _ in unreadable)
    most = sum(bool(item["lead_units"]) for item in items) * 2 > len(items)  # the plan names leads as a rule
    return [
        _problem("missing_lead", item["line"], f"item {item['numeral']} ({item['number']}) names no lead unit")
        for s in sections
        if most or any(i["lead_units"] for i in s["items"])
        for item in s["items"]
        if not item["lead_units"] and not _any_within(starts, *item["span"])
    ]


def _any_within(starts: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``starts`` is in ``[start, end)``."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def truncation_problems(text: str, sections: list[SectionRecord], index: LineIndex) -> list[ProblemRecord]:
    """The copy looks cut off: it ends on a heading with nothing under it, inside a note, in
    mid-sentence or inside an enumeration (its last character ends no sentence, or is the ； of a list
    that goes on), or, in a plan that gives each task its note on the lines after it, after a last task
    whose note's lines never come."""
    if not sections:
        return []
    last_section = sections[-1]
    if (
        not last_section["items"]
        and last_section["text"] is None
        and not last_section["groups"]
        and not _says_it_whole(text, last_section)
    ):
        return [
            _problem(
                "truncated",
                last_section["line"],
                f"the copy ends on the heading of section {last_section['numeral']}, with nothing under it: "
                "it looks cut off",
            )
        ]
    items = [item for s in sections for item in s["items"]]
    if not items:
        return []
    last = items[-1]
    if _note_is_open(text, last):
        where = "inside its lead-unit note"
    elif _ends_open(text, last):
        where = "inside an enumeration" if last["text"].rstrip()[-1:] in _ENUMERATION_MARKS else "in mid-sentence"
    elif last["span"][1] >= len(text.rstrip()) and _note_lines_missing(text, items):
        where = "before the lines of its note (every other task's note stands on the lines after it)"
    else:
        return []
    return [
        _problem(
            "truncated",
            index.line_of(last["span"][1]),
            f"the last item, {last['numeral']}, ends {where} (…{_excerpt(last['text'][-20:])}): "
            "the copy looks cut off here",
        )
    ]


def _says_it_whole(text: str, section: SectionRecord) -> bool:
    """Whether a section's heading line is a whole sentence run in after its marker (第三十六条 本条例自
    2019年1月1日起施行。, 130．某市…做法。): it holds what it says, nothing need come under it."""
    start, end = section["span"]
    return text[start:end].rstrip(lx.SPACE_CHARS)[-1:] in lx.FULL_STOPS


_COMPLETE = lx.SENTENCE_ENDS + lx.NOTE_CLOSE_BRACKETS + "”’》"
_ENUMERATION_MARKS = "；;、，,：:"
_ROW_EDGE = " \t\r\n\u3000|"  # spaces, and the pipe that closes a pipe table's row (| 1 | 做好甲。 |)


def _ends_open(text: str, item: ItemRecord) -> bool:
    """Whether the item stops in mid-sentence or inside an enumeration (a note of its own on the last
    line closes it)."""
    if item["lead_span"] is not None and not text[item["lead_span"][1] : item["span"][1]].strip(_ROW_EDGE):
        return False
    text_end = item["text"].rstrip(_ROW_EDGE)
    end = text_end[-1:]
    if end in "；;":
        return True
    return end not in _COMPLETE and not _ends_on_a_field_line(text_end)


def _ends_on_a_field_line(text: str) -> bool:
    """Whether the last line of ``text`` is a note's field, whole (督办单位：省政府督查室, 备注：每年更新):
    a label's value ends its line, no sentence is cut there.

    >>> _ends_on_a_field_line("做好工作。\\n督办单位：省政府督查室"), _ends_on_a_field_line("做好工作，推进")
    (True, False)
    """
    line_start = max(text.rfind("\n"), text.rfind("\r")) + 1
    return RE_NOTE_FIELD_LINE.match(text, line_start) is not None


def _note_lines_missing(text: str, items: list[ItemRecord]) -> bool:
    """Whether nearly every task carries its note on lines of its own after it and the last has none:
    the copy stops before its note's lines."""
    if items[-1]["notes"] or len(items) <= 2:
        return False
    own_line = sum(any(_on_a_line_of_its_own(text, n["span"][0]) for n in item["notes"]) for item in items[:-1])
    return own_line * 10 >= (len(items) - 1) * 9


def _on_a_line_of_its_own(text: str, start: int) -> bool:
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    return not text[line_start:start].strip(lx.SPACE_CHARS)


def _note_is_open(text: str, item: ItemRecord) -> bool:
    """Whether the item ends inside a bracket that never closes (（牵头单位：省… at the end)."""
    tail = item["text"]
    opens = sum(tail.count(ch) for ch in lx.NOTE_OPEN_BRACKETS)
    closes = sum(tail.count(ch) for ch in lx.NOTE_CLOSE_BRACKETS)
    return opens > closes and item["span"][1] >= len(text.rstrip())


def _check_trailer(text: str, trailer: list[Line]) -> list[ProblemRecord]:
    return [
        _problem(
            "unassigned_text", line.number, f"text belongs to no section or item: {text[line.start : line.end][:30]}"
        )
        for line in trailer
        if not is_closing(text, line) and not looks_like_signature(text, line)
    ]


def _unit_problems(sections: list[SectionRecord]) -> list[ProblemRecord]:
    """Unit names that hold format characters (zero-width, bidirectional controls): they look
    like another name in a table, and no filter finds them by what they show."""
    seen: set[str] = set()
    problems: list[ProblemRecord] = []
    for item in (i for s in sections for i in s["items"]):
        units = item["lead_units"] + item["cooperating_units"]
        names = "".join(units)
        if _ROLE_CHARS.isdisjoint(names) and names.isprintable():
            continue  # no unit holds a role's word or a format character: most items
        for unit in units:
            role = _role_word(unit)
            if role is not None and unit not in seen:
                seen.add(unit)
                problems.append(
                    _problem(
                        "suspicious_unit",
                        item["line"],
                        f"unit name {_excerpt(unit)} holds the word {role}: check how item {item['number']}'s note "
                        "was read",
                    )
                )
            if unit.isprintable():
                continue  # format characters are not printable: most names need no closer look
            hidden = [ch for ch in unit if unicodedata.category(ch) == "Cf"]
            if hidden and unit not in seen:
                seen.add(unit)
                codes = ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(hidden))
                problems.append(
                    _problem(
                        "suspicious_unit",
                        item["line"],
                        f"unit name {unit.encode('unicode_escape').decode('ascii')} holds invisible characters "
                        f"({codes})",
                    )
                )
    return problems


def _role_word(unit: str) -> str | None:
    """The first word of a role (in _ROLE_WORDS' order) that a unit's name holds, if any."""
    return next((word for word in _ROLE_WORDS if word in unit), None)


_ROLE_WORDS = ("牵头", "配合", "负责", "按职责")
_ROLE_CHARS = frozenset(word[0] for word in _ROLE_WORDS)


def _section_notes(text: str, structure: Structure, index: LineIndex) -> list[ProblemRecord]:
    """Notes in the own text of sections that have items (found by the structure pass): the units
    they name lead no item."""
    starts = [note.start for note in structure.notes]
    problems: list[ProblemRecord] = []
    for section in structure.sections:
        if not section["items"] or section["text_span"] is None:
            continue
        start, end = section["text_span"]
        for note in structure.notes[bisect_left(starts, start) : bisect_left(starts, end)]:
            if note.end <= end and (note.lead_units or note.cooperating_units):
                problems.append(
                    _problem(
                        "section_note",
                        index.line_of(note.start),
                        f"section {section['numeral']}'s own text carries a note "
                        f"({_excerpt(text[note.start : note.end])}) that no item holds: its units lead no item",
                    )
                )
    return problems
