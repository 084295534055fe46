"""Text -> sections, groups and items, with spans and line numbers.

Recognises the heading levels of GB/T 9704-2012 (一、 （一） 1. （1）) at the
start of a line, in full-width or ASCII punctuation, indented or not::

    一、实施重点产品质量提升工程            section 1
      （一）大力提高农产品质量。……（牵头单位：省农业农村厅）   item 1

The items are the level that carries the lead-unit notes: usually （一）, but
in the three-level shape (一、 -> （一） -> 1.) the numbered tasks are the items
and the （一） headings become their ``group``.  Sub-points (1. or （1）) inside
an item that has its own note stay inside it.  Items are numbered as printed
when the numbering runs through the plan, and by position when it restarts in
each section or group.  Emits section, group and item records (without
targets); :mod:`problems` checks what it found.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from . import lexicon as lx
from .errors import NotAPlanError
from .leads import LeadNote, find_notes, merge_trailing
from .lines import Line, LineIndex
from .numerals import chinese_to_int
from .patterns import (
    RE_ATTACHMENT_LINE,
    RE_BREADCRUMB,
    RE_DATE_LINE,
    RE_HEADING,
    RE_NOISE_LINE,
    RE_NOTE_LINE,
    RE_PAGE_NUMBER,
    RE_TITLE_COLON,
)
from .records import GroupRecord, ItemRecord, SectionRecord

_DIGITS = str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789")
_SIGNATURE_MAX = 40  # a signature line (发文机关署名) is short and has no sentence marks
#: The characters a heading can start with: a numeral, a digit or an opening bracket.
_HEADING_FIRST = frozenset(lx.CN_NUMERAL_CHARS + lx.OPEN_PARENS + lx.FULLWIDTH_DIGITS + "0123456789")


class Heading(NamedTuple):
    """A numbered heading at the start of a line."""

    level: int  # 1 一、  2 （一）  3 1.  4 （1）
    value: int
    numeral: str  # as printed, without its brackets and marks: 十七, 3
    line: Line
    body: int  # where the text after the marker begins


@dataclass
class _Block:
    """A heading and the content lines under it (the heading's own line first)."""

    heading: Heading
    lines: list[Line] = field(default_factory=list)
    group: _Block | None = None


@dataclass
class SectionDraft:
    block: _Block
    groups: list[_Block] = field(default_factory=list)
    items: list[_Block] = field(default_factory=list)


@dataclass
class Structure:
    """What the structure pass found."""

    header: list[Line]  # lines before the first section heading
    trailer: list[Line]  # lines after the plan that belong to no item
    sections: list[SectionRecord]
    drafts: list[SectionDraft]  # the headings behind the sections, for the numbering checks
    restart: bool  # whether item numbers restart in each section or group


# --- line classes -----------------------------------------------------------------


def heading_at(text: str, line: Line) -> Heading | None:
    """The heading that starts ``line``, if any.

    >>> text = "（十七）提升质量。"
    >>> heading_at(text, Line(1, 0, len(text)))
    Heading(level=2, value=17, numeral='十七', line=Line(number=1, start=0, end=9), body=4)
    >>> heading_at("2023年", Line(1, 0, 5)) is None
    True
    """
    if text[line.start] not in _HEADING_FIRST:
        return None
    match = RE_HEADING.match(text, line.start, line.end)
    if match is None:
        return None
    level = int((match.lastgroup or "l0")[1])  # l1 … l4: the marker group closes last
    numeral = match.group(f"n{level}")
    value = chinese_to_int(numeral) if level <= 2 else int(numeral.translate(_DIGITS))
    if not value:
        return None
    return Heading(level, value, numeral, line, match.end())


def is_noise(text: str, line: Line) -> bool:
    """Whether a line is web-page furniture (栏目, 浏览量, 分享到, breadcrumbs).

    >>> is_noise("分享到:", Line(1, 0, 4)), is_noise("首页 > 政策法规", Line(1, 0, 9))
    (True, True)
    >>> is_noise("加强监管。", Line(1, 0, 5))
    False
    """
    if line.end - line.start > 60:
        return False
    if RE_NOISE_LINE.match(text, line.start, line.end) or RE_PAGE_NUMBER.match(text, line.start, line.end):
        return True
    return RE_BREADCRUMB.match(text[line.start : line.end]) is not None


def is_closing(text: str, line: Line) -> bool:
    """Whether a line closes the plan: a date alone, （此件主动公开）, 附件, 抄送, 印发."""
    content = text[line.start : line.end]
    if RE_DATE_LINE.match(content) or (RE_NOTE_LINE.match(content) and content.count("此件")):
        return True
    return content.startswith(("抄送", "印发")) or RE_ATTACHMENT_LINE.match(content) is not None


# --- the pass ----------------------------------------------------------------------


def parse_structure(text: str, index: LineIndex) -> Structure:
    """Split a plan into header, sections (with groups and items) and trailer."""
    lines = index.lines
    headings = [heading_at(text, ln) for ln in lines]
    first = _plan_start(text, lines, headings)
    if first is None:
        raise NotAPlanError(
            "no section headings (一、 二、 …) found: this does not look like a work plan; "
            "check the file and its encoding"
        )
    notes = _Notes(find_notes(text, lines[first].start, len(text), (ln.start for ln in lines[first:])))
    item_level = _item_level(lines[first:], headings[first:], notes)
    drafts, trailer = _walk(text, lines[first:], headings[first:], item_level)
    for draft in drafts:
        _promote_childless_groups(draft, notes)
    restart = _numbering_restarts(drafts)
    return Structure(lines[:first], trailer, _build(text, drafts, notes, restart), drafts, restart)


def _plan_start(text: str, lines: list[Line], headings: list[Heading | None]) -> int | None:
    """The index of the first section heading of the plan.

    A notice may number its own paragraphs (一、提高认识 …) before the plan it sends as an
    attachment: when a 附件 line comes after the first 一、 and a new 一、 follows it, the
    plan starts there.
    """
    starts = [i for i, h in enumerate(headings) if h is not None and h.level == 1 and h.value == 1]
    if not starts:
        return next((i for i, h in enumerate(headings) if h is not None and h.level == 1), None)
    for i in range(starts[0] + 1, len(lines)):
        line = lines[i]
        if text.startswith(lx.ATTACHMENT_LABELS, line.start) and RE_ATTACHMENT_LINE.match(text, line.start, line.end):
            later = [k for k in starts if k > i]
            if later:
                return later[0]
    return next(i for i, h in enumerate(headings) if h is not None and h.level == 1)


def _item_level(lines: list[Line], headings: list[Heading | None], notes: _Notes) -> int:
    """Which level carries the items: the one whose headings each own exactly one note."""
    scores = {}
    end = lines[-1].end
    for level in (2, 3):
        owning = total = 0
        boundary = end  # where the extent of the heading being looked at ends
        for line, heading in zip(reversed(lines), reversed(headings), strict=True):
            if heading is None or heading.level > level:
                continue
            if heading.level == level:
                total += 1
                owning += notes.count(line.start, boundary) == 1
            boundary = line.start
        scores[level] = owning / total if total else -1.0
    return 3 if scores[3] > scores[2] else 2


class _Notes:
    """The lead-unit notes of the plan, found once, looked up by position."""

    def __init__(self, notes: list[LeadNote]) -> None:
        self.notes = notes
        self.starts = [n.start for n in notes]

    def count(self, start: int, end: int) -> int:
        """How many notes start in ``[start, end)``."""
        return bisect_left(self.starts, end) - bisect_left(self.starts, start)

    def within(self, start: int, end: int) -> list[LeadNote]:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [n for n in self.notes[lo:hi] if n.end <= end]


def _walk(
    text: str, lines: list[Line], headings: list[Heading | None], item_level: int
) -> tuple[list[SectionDraft], list[Line]]:
    """Group the lines after the first section heading into sections, groups and items."""
    sections: list[SectionDraft] = []
    trailer: list[Line] = []
    current: _Block | None = None  # the block that takes the next text line
    group: _Block | None = None
    levels = _levels_per_section(headings)
    section_item_level = item_level
    for line, heading in zip(lines, headings, strict=True):
        level = heading.level if heading else 0
        if level == 1 and heading:
            section = SectionDraft(_Block(heading, [line]))
            sections.append(section)
            current, group = section.block, None
            section_item_level = _section_item_level(item_level, levels[len(sections) - 1])
            continue
        if heading and level == section_item_level:
            current = _Block(heading, [line], group)
            sections[-1].items.append(current)
        elif heading and level == section_item_level - 1:
            current = group = _Block(heading, [line])
            sections[-1].groups.append(group)
        elif is_noise(text, line):
            continue
        elif is_closing(text, line) or current is None:
            trailer.append(line)
            current = None
        else:
            current.lines.append(line)
    return sections, trailer


def _section_item_level(item_level: int, present: set[int]) -> int:
    """The plan's item level, or, in a section without it, the shallowest level it has
    (一、 then 1. or （1） straight away)."""
    if item_level in present or not present:
        return item_level
    return min(present)


def _levels_per_section(headings: list[Heading | None]) -> list[set[int]]:
    levels: list[set[int]] = []
    for h in headings:
        if h is not None and h.level == 1:
            levels.append(set())
        elif h is not None and levels:
            levels[-1].add(h.level)
    return levels


# --- records -----------------------------------------------------------------------


def _build(text: str, drafts: list[SectionDraft], notes: _Notes, restart: bool) -> list[SectionRecord]:
    sections: list[SectionRecord] = []
    ordinal = 0
    groups: dict[int, GroupRecord] = {}
    for draft in drafts:
        head = draft.block.heading
        first_line, body_lines = draft.block.lines[0], draft.block.lines[1:]
        title, heading_end = _title(text, head.body, first_line.end)
        if not title and body_lines:  # 一、 alone, its title on the next line
            first_line, body_lines = body_lines[0], body_lines[1:]
            title, heading_end = _title(text, first_line.start, first_line.end)
        intro = _intro_span(text, heading_end, first_line, body_lines)
        section: SectionRecord = {
            "number": head.value,
            "numeral": head.numeral,
            "title": title,
            "span": [head.line.start, heading_end],
            "line": head.line.number,
            "text": text[intro[0] : intro[1]] if intro else None,
            "text_span": intro,
            "groups": [],
            "targets": [],
            "items": [],
        }
        for block in draft.groups:
            record = _group_record(text, block)
            groups[id(block)] = record
            section["groups"].append(record)
        for block in draft.items:
            ordinal += 1
            number = ordinal if restart else block.heading.value
            group = groups[id(block.group)] if block.group is not None else None
            found = notes.within(block.lines[0].start, block.lines[-1].end)
            section["items"].append(_item_record(text, block, number, head.value, group, found))
        sections.append(section)
    return sections


def _promote_childless_groups(draft: SectionDraft, notes: _Notes) -> None:
    """In the three-level shape, a （一） heading with no numbered tasks under it but a note of
    its own is a task itself."""
    parents = {id(item.group) for item in draft.items}
    promoted = [g for g in draft.groups if id(g) not in parents and notes.within(g.lines[0].start, g.lines[-1].end)]
    if promoted:
        draft.groups = [g for g in draft.groups if g not in promoted]
        draft.items = sorted(draft.items + promoted, key=lambda block: block.heading.line.start)


def _title(text: str, body: int, stop: int) -> tuple[str, int]:
    """A heading's title, to the first 。 (or a colon close after the marker, as in
    1.提升制造业质量：……) or ``stop``, and where the heading ends."""
    colon = RE_TITLE_COLON.match(text, body, stop)
    if colon is not None:
        return text[body : colon.end() - 1].strip(lx.SPACE_CHARS), colon.end()
    full_stop = text.find("。", body, stop)
    if full_stop >= 0:
        return text[body:full_stop].strip(lx.SPACE_CHARS), full_stop + 1
    title = text[body:stop].rstrip(lx.SPACE_CHARS)
    return title, body + len(title)


def _intro_span(text: str, heading_end: int, first: Line, rest: list[Line]) -> list[int] | None:
    """The span of a section's own text: after its heading, before its first item."""
    tail = text[heading_end : first.end]
    start = heading_end + len(tail) - len(tail.lstrip(lx.SPACE_CHARS)) if tail.strip(lx.SPACE_CHARS) else None
    if start is None and rest:
        start = rest[0].start
    end = rest[-1].end if rest else first.end
    return [start, end] if start is not None and start < end else None


def _group_record(text: str, block: _Block) -> GroupRecord:
    head = block.heading
    title, _ = _title(text, head.body, block.lines[0].end)
    return {
        "number": head.value,
        "numeral": head.numeral,
        "title": title,
        "span": [head.line.start, block.lines[-1].end],
        "line": head.line.number,
    }


def _item_record(
    text: str, block: _Block, number: int, section: int, group: GroupRecord | None, notes: list[LeadNote]
) -> ItemRecord:
    head = block.heading
    lines = block.lines
    note = merge_trailing(text, notes)
    if note is not None:
        lines = _drop_signature(text, lines, note.end)
    end = lines[-1].end
    title_line = lines[1] if head.body >= lines[0].end and len(lines) > 1 else lines[0]  # （一） alone
    title_stop = min(note.start, title_line.end) if note is not None else title_line.end
    title, _ = _title(text, max(head.body, title_line.start), title_stop)
    return {
        "number": number,
        "numeral": head.numeral,
        "section": section,
        "group": group,
        "title": title,
        "text": text[head.line.start : end],
        "lead_units": note.lead_units if note else [],
        "cooperating_units": note.cooperating_units if note else [],
        "lead_span": [note.start, note.end] if note else None,
        "deadline": None,
        "span": [head.line.start, end],
        "line": head.line.number,
        "targets": [],
    }


def _drop_signature(text: str, lines: list[Line], note_end: int) -> list[Line]:
    """Lines after an item's note that look like a signature are not the item's."""
    keep = len(lines)
    while keep > 1 and lines[keep - 1].start >= note_end and looks_like_signature(text, lines[keep - 1]):
        keep -= 1
    return lines[:keep]


def looks_like_signature(text: str, line: Line) -> bool:
    """A short line with no sentence marks: a 发文机关署名 after the plan."""
    content = text[line.start : line.end]
    return len(content) <= _SIGNATURE_MAX and not any(ch in content for ch in lx.CLAUSE_ENDS)


def _numbering_restarts(drafts: list[SectionDraft]) -> bool:
    """Whether item numbers restart at 1 in each section or group."""
    containers: list[list[_Block]] = []
    for draft in drafts:
        by_group: dict[int, list[_Block]] = {}
        for item in draft.items:
            by_group.setdefault(id(item.group), []).append(item)
        containers.extend(by_group.values())
    firsts = [c[0].heading.value for c in containers[1:] if c]
    return bool(firsts) and sum(v == 1 for v in firsts) * 2 >= len(firsts)
