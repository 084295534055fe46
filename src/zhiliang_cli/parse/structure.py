"""Text -> sections, groups and items, with spans and line numbers.

Recognises the heading levels of GB/T 9704-2012 (一、 （一） 1. （1）) at the
start of a line, in full-width or ASCII punctuation, indented or not::

    一、实施重点产品质量提升工程            section 1
      （一）大力提高农产品质量。……（牵头单位：省农业农村厅）   item 1

The items are the level that carries the lead-unit notes: usually （一）, but
in the three-level shape (一、 -> （一） -> 1.) the numbered tasks are the items
and the （一） headings become their ``group``.  Sub-points (1. or （1）) inside
an item that has its own note stay inside it.  A plan without 一、 headings takes
its shallowest level as sections (1. alone, or articles 第一条).  In a document
written in articles, each article is a task, whether or not chapters (第一章)
group them, and the clauses inside it (（一）…, 1.) are its text, unless most of
them own a note; a section with no items whose own text carries a note (a flat list of
measures) is an item itself, and so is every section of a list where most run a
measure's title in before its text (（一）打造专业化智创空间。聚焦…), notes or not.

A copy that lost the markers of its first sections (bare 优化注册登记，推行极简审批 above
（一）…, then 四、 over （九）) has them read back from the numbering of the entries that run
on into the first section it kept; :mod:`problems` reports each as a numbering problem.

An item's ``number`` is unique: the printed number where the numbering runs
through the plan, else the item's position (``numeral`` keeps what is printed).
A level-three marker followed by digits (12.365便民服务) is a heading only where
the sequence expects it.

Page furniture (分享到, 打印, 来源 …) and the closing block (a signature above the
成文日期, 附件：, 抄送：, 附注) are told apart from item text by where they stand:
a line that continues a sentence left open is item text, whatever word it begins
with.  Emits section, group and item records (without targets); :mod:`problems`
checks what it found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, NamedTuple, TypeVar

from zhiliang_cli.errors import NotAPlanError
from zhiliang_cli.records import GroupRecord, ItemRecord, NoteRecord, SectionRecord

from . import lexicon as lx
from .assignments import assign_numbered_tasks, assigning_entries
from .lines import (
    HEADING_FIRST,
    PAGE_FIRST,
    Heading,
    Line,
    LineIndex,
    as_decimal,
    heading_at,
    is_box_heading,
    is_closing,
    is_date_line,
    is_noise,
    is_page_number,
    looks_like_signature,
    sends_a_document,
    serial_of,
    starts_a_notice,
)
from .notes import LeadNote, find_notes, merge, merge_trailing, unique_units
from .numerals import chinese_to_int
from .patterns import (
    RE_ANNEX_HEADING,
    RE_ASCII_FULL_STOP,
    RE_ATTACHMENT_LINE,
    RE_ATTACHMENT_LIST,
    RE_BRACKETED_FIELD,
    RE_BRACKETED_LABEL_NOTE,
    RE_CLAUSE_END,
    RE_CLOSING_HEADING,
    RE_CLOSING_PARAGRAPH,
    RE_DOC_NUMBER,
    RE_ENUMERATED,
    RE_FUSED_MARKER,
    RE_GROUPED_NOTE,
    RE_PROVISION,
    RE_QUANTITY,
    RE_REQUEST_CLOSING,
    RE_RUN_IN_STOP,
    RE_SUFFIX_COMPARATOR,
    RE_TAKES_EFFECT,
    RE_TITLE_COLON,
    RE_UNIT,
    RE_VALIDITY_PARAGRAPH,
)

_T = TypeVar("_T")
_DIGITS = str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789")
_SIGNATURE_MAX = 40  # a signature line (发文机关署名) is short and has no sentence marks
#: Raw heading kinds by depth: 一、, 第一条, （一）, 1., （1）.
_RANKS = {"lc": 5, "l1": 10, "lg": 12, "la": 15, "l2": 20, "ls": 22, "l3": 30, "l4": 40}
#: What a line ends with when its sentence is complete (the next line may start anything).
_COMPLETE = set(lx.SENTENCE_ENDS + lx.NOTE_CLOSE_BRACKETS + "”’》")
_SIGNATURE_REACH = 4  # signature lines above a date
_CLOSING_FIRST = frozenset(word[0] for word in lx.CLOSING_HEADINGS)  # 附则, 其他事项: what they start with
_ANNEX_FIRST = frozenset(word[0] for word in lx.ATTACHMENT_LABELS)  # 附件: what an annex heading starts with
_ANNEX_LIST_REACH = 8  # lines after 附件 in which a signature's date shows it to head a list, not an annex
_PART_TITLE_LINES = 4  # lines of a further document's title (and a note on how to read it) before its 一、
_PART_TITLE_MIN = 6  # characters of a further document's title the notice names, with no 附件 above it


@dataclass
class _Block:
    """A heading and the content lines under it (the heading's own line first)."""

    heading: Heading
    lines: list[Line] = field(default_factory=list)
    group: _Block | None = None


class PartHead(NamedTuple):
    """Where a further document the notice sends begins: the draft of its first section, its title's
    lines, and the 附件 heading above them (附件2), where one is printed."""

    first: int
    title: list[Line]
    label: Line | None = None


@dataclass
class SectionDraft:
    block: _Block
    groups: list[_Block] = field(default_factory=list)
    items: list[_Block] = field(default_factory=list)
    promoted: bool = False  # the section's own text is its only item (a flat list of measures)


@dataclass
class Structure:
    """What the structure pass found."""

    header: list[Line]  # lines before the first section heading
    trailer: list[Line]  # lines after the plan that belong to no item
    sections: list[SectionRecord]
    drafts: list[SectionDraft]  # the headings behind the sections, for the numbering checks
    restart: bool  # whether item numbers restart in each section or group
    furniture: list[Line] = field(default_factory=list)  # page furniture dropped from the body
    unreadable: list[LeadNote] = field(default_factory=list)  # labelled notes that name no unit
    second_notice: Line | None = None  # a notice after the plan: a second document in the file
    closing: list[Line] = field(default_factory=list)  # the plan's text after its last task (附则, 本措施自…施行)
    # (with further documents under the notice, the first document's; each part's in ``part_closing``)
    annex: list[Line] = field(default_factory=list)  # what the document attaches after it ends (附件1 …)
    notes: list[LeadNote] = field(default_factory=list)  # every readable note of the body, in order
    parts: list[PartHead] = field(default_factory=list)  # further documents: first section, title, label
    unmarked: list[Heading] = field(default_factory=list)  # section headings read where their markers were lost
    titled_measures: bool = False  # items only because most entries run a measure's title in (_is_flat)
    part_closing: list[list[Line]] = field(default_factory=list)  # each part's own closing text (as ``closing``)


# --- the pass ----------------------------------------------------------------------


def parse_structure(text: str, index: LineIndex, run_in: bool = True) -> Structure:
    """Split a plan into header, sections (with groups and items) and trailer; a plan printed as a
    task table, one row per task, is read from its rows (:mod:`rows`, :mod:`row_items`) where its
    text sets no task with a unit before the table.  Without ``run_in``, entries that name no unit
    are items only where they are tasks by their place (a document that says it is a reply or a
    bulletin: its numbered points are sections, not measures)."""
    from .row_items import read_from_table  # row_items builds on this module's records
    from .rows import find_table

    def prose(text: str, index: LineIndex) -> Structure:
        return _parse_structure(text, index, run_in)

    table = find_table(text, index.lines)
    return prose(text, index) if table is None else read_from_table(text, index, table, prose)


def _parse_structure(text: str, index: LineIndex, run_in: bool = True) -> Structure:
    first_chars = HEADING_FIRST
    raw = [heading_at(text, ln) if text[ln.start] in first_chars else None for ln in index.lines]
    lines, raw = _split_fused_headings(text, index.lines, raw)
    contents = _table_of_contents(text, lines, raw)
    if contents:  # 目录 and the headings it lists: page furniture, never sections
        listed = {id(line) for line in contents}
        raw = [h for line, h in zip(lines, raw, strict=True) if id(line) not in listed]
        lines = [line for line in lines if id(line) not in listed]
    raw = _boxes_as_text(text, lines, _resolve_chapters(_without_annex_after_articles(text, lines, raw)))
    headings = _resolve_ambiguous(_levels(_resolve_serials(text, lines, raw)))
    unmarked = _restore_lost_markers(text, lines, headings)
    first = _plan_start(text, lines, headings)
    if first is None:
        raise NotAPlanError(_no_sections_message(text, lines))
    found = find_notes(text, lines[first].start, len(text), [ln.start for ln in lines[first:]])
    notes = _Notes([n for n in found if n.readable])
    body, body_headings = lines[first:], headings[first:]
    articles = _written_in_articles(body_headings)  # articles and no chapters: each article is a task
    body_headings = _clauses_as_text(body, body_headings, notes)  # and its clauses (（一）…, 1.) its text
    item_level = _item_level(body, body_headings, notes)
    sends = _sends_a_plan(text, lines[:first])
    deeper = _tasks_below_titles(text, body, body_headings, notes)
    walk = _Walk(text, body, body_headings, item_level, text[: lines[first].start] if sends else "", deeper)
    drafts = walk.drafts
    for draft in drafts[1:] if len(drafts) > 1 else ():
        if not draft.groups and assigning_entries(text, draft.items):  # 三、任务分工: 1．第（一）项任务由…
            draft.block.lines += [line for item in draft.items for line in item.lines]
            draft.items = []
    for draft in drafts:
        _promote_childless_groups(draft, notes)
    # The entries that frame the tasks are their sections' text: those titled as aims in every plan; then,
    # where the tasks left carry notes, the safeguards and the layout that name no unit too; and the
    # paragraphs numbered apart from the tasks that carry the notes.
    noted = _noted_items(text, drafts, notes)
    if _frame(text, drafts, noted, lx.AIM_TITLES):
        noted = _noted_items(text, drafts, notes)  # (of the tasks left: a note for those before it counts anew)
    if _tasks_carry_notes(drafts, noted):
        _frame(text, drafts, noted, lx.FRAMING_TITLES)
    _other_family_to_text(drafts, noted)  # (the entries framed carry no note: ``noted`` still holds)
    for draft in drafts:
        draft.promoted = not draft.items and (articles or bool(notes.within(*_own_text(draft))))
    flat = _is_flat(text, drafts, notes, run_in)
    if flat is not None:  # a list of measures: every one is an item, a note or not
        for draft in drafts:
            draft.promoted = True
    closings, signed, drafts, parts = _closing_of_each_document(text, drafts, walk.parts, notes)
    furniture = contents + walk.furniture + [line for line in signed if is_noise(text, line)]  # 【打印本页】
    signed = [line for line in signed if not is_noise(text, line)]
    starts = [part.title[0].start for part in parts]
    for line in walk.closing:  # 附则 and what follows it, in the document it stands in
        closings[bisect_right(starts, line.start)].append(line)
    closing = closings[0]
    restart = _numbering_restarts(drafts)
    sections = _build(text, drafts, notes)
    assign_numbered_tasks(text, sections, closing, notes.notes)
    return Structure(
        lines[:first],
        signed + walk.trailer,
        sections,
        drafts,
        restart,
        furniture,
        [n for n in found if not n.readable],
        walk.second_notice,
        closing,
        walk.annex,
        notes.notes,
        parts,
        unmarked,
        flat == "titles",
        closings[1:],
    )


def _closing_of_each_document(
    text: str, drafts: list[SectionDraft], parts: list[PartHead], notes: _Notes
) -> tuple[list[list[Line]], list[Line], list[SectionDraft], list[PartHead]]:
    """The closing text of each document under the notice (the plan, then each further part), taken
    out of its last task (:func:`_closing_after_last_task`); the signature and date that ended up in
    a last block; and the drafts and parts left (a last section that only says how its document
    applies is closing text, so a part's first section may move)."""
    bounds = [0, *(part.first for part in parts), len(drafts)]
    documents = [drafts[begin:end] for begin, end in pairwise(bounds)]
    closings: list[list[Line]] = []
    signed: list[Line] = []
    for document in documents:
        found, dated = _closing_after_last_task(text, document, notes)
        closings.append(found)
        signed += dated
    kept: list[SectionDraft] = []
    moved: list[PartHead] = []
    for k, document in enumerate(documents):
        if k:
            moved.append(parts[k - 1]._replace(first=len(kept)))
        kept += document
    return closings, signed, kept, moved


def _split_fused_headings(
    text: str, lines: list[Line], raw: list[Heading | None]
) -> tuple[list[Line], list[Heading | None]]:
    """Lines with the headings that a hard-wrapped copy ran into a paragraph split out at them: a
    marker after 。 that continues the sequence of its level (（二） after （一）, 2. after 1.) and
    opens a title alone (to the next 。 or the line's end), as a heading on a line of its own does;
    not where the next heading of its level or above, on a line of its own, bears the same number
    (…阶段进行。（二）是集中整治阶段… then （二）强化执法检查: the first （二） is a list in the paragraph),
    nor where the marker before it in its sequence stands in the same line as text (…。（一）是…。（二）是…)."""
    if not lines or RE_FUSED_MARKER.search(text, lines[0].start, lines[-1].end) is None:
        return lines, raw  # (a marker never runs over a line's end: one scan of the text tells)
    upcoming = _next_headings(raw)
    out_lines: list[Line] = []
    out_heads: list[Heading | None] = []
    last: dict[str, int] = {}

    def seen(heading: Heading | None) -> None:
        if heading is not None:
            last[heading.kind] = heading.value
            for kind in [k for k in last if _RANKS.get(k, 99) > _RANKS.get(heading.kind, 0)]:
                del last[kind]

    for k, (line, heading) in enumerate(zip(lines, raw, strict=True)):
        seen(heading)
        start, current = line.start, heading
        inline: set[tuple[str, int]] = set()  # markers of a list run on inside this line
        for match in RE_FUSED_MARKER.finditer(text, line.start + 1, line.end):
            cut = match.end()
            fused = heading_at(text, Line(line.number, cut, line.end))
            if fused is None or fused.kind not in ("l2", "l3") or fused.ambiguous:
                continue
            stop = sentence_end(text, fused.body, line.end)
            title = text[fused.body : line.end if stop < 0 else stop]
            following = upcoming[k].get(fused.kind)
            if (
                last.get(fused.kind) != fused.value - 1
                or not 0 < len(title) <= _TITLE_ONLY
                or (fused.kind, fused.value - 1) in inline  # …。（一）是…。（二）是…: a list in the paragraph
                or (following is not None and following.kind == fused.kind and following.value == fused.value)
            ):
                inline.add((fused.kind, fused.value))
                continue
            segment = Line(line.number, start, cut)
            out_lines.append(segment)
            out_heads.append(current._replace(line=segment) if current is not None else None)
            start, current = cut, fused
            seen(fused)
        segment = Line(line.number, start, line.end)
        out_lines.append(segment)
        out_heads.append(current._replace(line=segment) if current is not None else None)
    return out_lines, out_heads


def _next_headings(raw: list[Heading | None]) -> list[dict[str, Heading]]:
    """For each line, the first heading on a later line of rank l2 or above and of rank l3 or above,
    by those kinds (one pass from the end)."""
    ahead: dict[str, Heading] = {}  # never changed once handed out: lines with no heading between share it
    out = [ahead] * len(raw)
    for k in range(len(raw) - 1, -1, -1):
        out[k] = ahead
        heading = raw[k]
        if heading is not None:
            ahead = dict(ahead)
            for kind in ("l2", "l3"):
                if _RANKS.get(heading.kind, 99) <= _RANKS[kind]:
                    ahead[kind] = heading
    return out


def _no_sections_message(text: str, lines: list[Line]) -> str:
    """What to say of a text with no section heading: a notice whose plan is cut off, or no plan."""
    head = text[: lines[min(5, len(lines) - 1)].end] if lines else ""
    notice = RE_DOC_NUMBER.search(head) is not None or "印发" in head
    last = text[lines[-1].start : lines[-1].end] if lines else ""
    if (
        notice
        and (last[-1:] not in _COMPLETE or looks_like_signature(text, lines[-1]))
        and not is_closing(text, lines[-1])
    ):
        return (
            "the text ends before its first section heading (一、 二、 …): the copy looks cut off after "
            f"line {lines[-1].number}; give the whole plan"
        )
    return (
        "no section headings (一、 二、 …) found: this does not look like a work plan; check the file and its encoding"
    )


def _levels(headings: list[Heading | None]) -> list[Heading | None]:
    """Headings with the levels the plan uses: as printed where it has 一、; else its
    shallowest kind of marker is the section level (1. alone; 第一条 with （一） under it).
    Articles (第一条) in a plan with 一、 are text."""
    kinds = {h.kind for h in headings if h is not None}
    if "lc" in kinds:  # 第一章: chapters are the sections, and what they hold ranks below them
        first_chapter = next(i for i, h in enumerate(headings) if h is not None and h.kind == "lc")
        if all(i < first_chapter for i, h in enumerate(headings) if h is not None and h.kind == "l1"):
            kinds.discard("l1")  # a notice's own paragraphs (一、加强组织领导) before the regulation it sends
            headings = [None if h is not None and h.kind == "l1" else h for h in headings]
        elif "l1" in kinds:
            kinds.discard("la")
            headings = [None if h is not None and h.kind == "la" else h for h in headings]
        level_of = {kind: level for level, kind in enumerate(sorted(kinds, key=_RANKS.__getitem__), start=1)}
        return [_with_level(h, level_of[h.kind]) if h is not None else None for h in headings]
    if "l1" in kinds and "la" in kinds and _after_the_articles(headings):
        kinds.discard("l1")  # 第一条…第十条 then 十一、附则: one sequence of sections
        headings = [h._replace(kind="la") if h is not None and h.kind == "l1" else h for h in headings]
    elif "l1" in kinds:
        return [None if h is not None and h.kind == "la" else h for h in headings]
    present = sorted(kinds, key=_RANKS.__getitem__)
    level_of = {kind: level for level, kind in enumerate(present, start=1)}
    return [_with_level(h, level_of[h.kind]) if h is not None else None for h in headings]


def _with_level(heading: Heading, level: int) -> Heading:
    """The heading at ``level`` (itself where it is already: most are)."""
    return heading if heading.level == level else heading._replace(level=level)


def _after_the_articles(headings: list[Heading | None]) -> bool:
    """Whether every 一、 heading follows the last article (第十条 then 十一、附则) and goes on with
    their numbers: the plan numbers its sections in two styles, not articles inside sections."""
    articles = [i for i, h in enumerate(headings) if h is not None and h.kind == "la"]
    sections = [h for h in headings[articles[-1] :] if h is not None and h.kind == "l1"]
    last_article = headings[articles[-1]]
    return (
        last_article is not None
        and len(sections) == sum(h is not None and h.kind == "l1" for h in headings)
        and sections[0].value == last_article.value + 1
    )


def _table_of_contents(text: str, lines: list[Line], raw: list[Heading | None]) -> list[Line]:
    """The lines of a table of contents: 目录 alone on its line (spaces aside), then the headings it
    lists, every line a heading, up to the line that repeats the first of them (where the text
    begins: 1 总则 again).  None where the text holds no such list."""
    for k, line in enumerate(lines):
        if line.end - line.start > _CONTENTS_MAX or "".join(text[line.start : line.end].split()) not in lx.CONTENTS:
            continue
        first = text[lines[k + 1].start : lines[k + 1].end] if k + 1 < len(lines) else ""
        for j in range(k + 1, len(lines)):
            if j > k + 1 and text[lines[j].start : lines[j].end] == first:
                return lines[k:j] if j - k > _CONTENTS_MIN else []
            if raw[j] is None:
                break
    return []


_CONTENTS_MAX = 8  # characters of the line 目  录
_CONTENTS_MIN = 3  # headings a table of contents lists, at least


def _boxes_as_text(text: str, lines: list[Line], headings: list[Heading | None]) -> list[Heading | None]:
    """The points a box inside a task numbers (专项行动一　…提能行动, then 1．2．3．) made the task's text:
    after a box's heading (:func:`is_box_heading`), the headings of the first kind that follows it,
    from 1 and running on by one, where that kind is not the task's own (the box numbers its points
    apart from the plan's tasks) nor a section's.  A box's heading is looked for only on a line that
    opens with a box label's first character and has no heading of its own: most lines never do."""
    resolved: list[Heading | None] = headings
    above: Heading | None = None  # the last heading before the line looked at
    k = 0
    while k < len(lines):
        heading = headings[k]
        if heading is not None:
            above = heading
        elif above is not None and text[lines[k].start] in _BOX_FIRST and is_box_heading(text, lines[k]):
            first = next((j for j in range(k + 1, len(lines)) if headings[j] is not None), None)
            point = headings[first] if first is not None else None
            if point is not None and point.value == 1 and point.kind not in (above.kind, *_SECTION_KINDS):
                if resolved is headings:
                    resolved = list(headings)
                value = 0
                for j in range(k + 1, len(lines)):
                    inner = headings[j]
                    if inner is None:
                        continue
                    if inner.kind != point.kind or inner.value != value + 1:
                        break
                    resolved[j], value = None, inner.value
                    k = j
        k += 1
    return resolved


_BOX_FIRST = frozenset(word[0] for word in lx.BOX_LABELS)  # 专: what a box's heading starts with


def _resolve_chapters(headings: list[Heading | None]) -> list[Heading | None]:
    """Chapters numbered as GB/T 1.1 numbers them (1 总则, then its clauses 1.1 1.2 …) are sections
    where the first clause after one, before the next chapter, is its N.1, and their numbers run on
    (1 2 3 …); elsewhere a number and a space at a line's start is text (a number wrapped away from
    its unit).

    >>> from zhiliang_cli.parse.lines import heading_at
    >>> text = "1 总则\\n1.1 目的\\n2 职责\\n3 附件\\n"
    >>> lines = [Line(n, text.find(w), text.find(w) + len(w)) for n, w in enumerate(text.splitlines(), 1)]
    >>> [h and (h.kind, h.ambiguous) for h in _resolve_chapters([heading_at(text, ln) for ln in lines])]
    [('lg', False), ('ls', True), None, None]
    """
    if not any(h is not None and h.kind == "lg" for h in headings):
        return headings
    resolved = list(headings)
    following: Heading | None = None  # the next chapter or clause below the line looked at
    ahead: list[Heading | None] = [None] * len(headings)
    for k in range(len(headings) - 1, -1, -1):
        ahead[k] = following
        heading = headings[k]
        if heading is not None and heading.kind in ("lg", "ls"):
            following = heading
    last = 0
    for k, heading in enumerate(headings):
        if heading is None or heading.kind != "lg":
            continue
        clause = ahead[k]
        if (
            clause is not None
            and clause.kind == "ls"
            and serial_of(clause) == heading.value
            and clause.value == 1
            and heading.value in (last + 1, 1)
        ):
            resolved[k] = heading._replace(ambiguous=False)
            last = heading.value
        else:
            resolved[k] = None
    return resolved


def _resolve_serials(text: str, lines: list[Line], headings: list[Heading | None]) -> list[Heading | None]:
    """Serials that number a section's tasks (1.1 1.2 … under 一、, 2.1 … under 二、; 1-1 …) are the
    level below the section where their numbering says so: the first number is the section's, the
    second starts at 1 under it and goes on by one.  Elsewhere a serial is what it was read as
    before (1.5 亿元 at a line's start: a level-three marker 1. followed by digits, which the sequence
    of 1. 2. 3. decides; 1-1 no heading) — a number or a date that opens a line is never a task.  A
    serial run on into its words with no space (1.1加快…) must besides read as no number (1.5万亩,
    2.1万亿元, 1.5倍以上) and open its line after a sentence that ended (not a number wrapped onto
    the next line, …新增⏎1.2万亩).

    >>> from zhiliang_cli.parse.lines import heading_at
    >>> text = "一、甲\\n1.1 乙\\n1.2丙。\\n二、丁\\n2.1 戊\\n3.5 己\\n2.2万亩\\n"
    >>> lines = [Line(n, text.find(w), text.find(w) + len(w)) for n, w in enumerate(text.splitlines(), 1)]
    >>> [(h.kind, h.numeral) for h in _resolve_serials(text, lines, [heading_at(text, ln) for ln in lines]) if h]
    [('l1', '一'), ('ls', '1.1'), ('ls', '1.2'), ('l1', '二'), ('ls', '2.1'), ('l3', '3'), ('l3', '2')]
    """
    if not any(h is not None and h.kind == "ls" for h in headings):
        return headings
    resolved = list(headings)
    section: int | None = None  # the number of the section the serials must name
    last = 0  # the second number of the last serial under it
    for k, heading in enumerate(headings):
        if heading is None:
            continue
        if heading.kind in _SECTION_KINDS:
            section, last = heading.value, 0
        elif heading.kind == "ls":
            run_on = heading.body == heading.line.start + len(heading.numeral)  # no space after it: 1.1加快…
            if (
                serial_of(heading) == section
                and heading.value == last + 1
                and not (run_on and (_reads_as_number(text, heading) or _after_open_sentence(text, lines, headings, k)))
            ):
                resolved[k] = heading._replace(ambiguous=False)
                last = heading.value
            else:
                resolved[k] = as_decimal(heading)
    return resolved


def _reads_as_number(text: str, heading: Heading) -> bool:
    """Whether the serial that opens a heading's line, run on into what follows it, reads as a
    number: with a magnitude (1.5万亩, 2.1万亿元), or a unit that a clause's end, a comparator or the
    line's end follows (1.5倍以上, 3.2米，); not a word that opens with a unit's character (1.1支持…,
    1.2人才…).

    >>> serial = Heading(2, 1, "1.1", Line(1, 0, 9), 3, "ls")
    >>> [_reads_as_number(t, serial) for t in ("1.1万亩高标准农田", "1.1倍以上", "1.1支持企业发展")]
    [True, True, False]
    """
    line = heading.line
    number = RE_QUANTITY.match(text, line.start, line.end)
    if number is None:
        return False
    if number.end() > heading.body:  # a magnitude after it
        return True
    unit = RE_UNIT.match(text, number.end(), line.end)
    if unit is None:
        return False
    after = unit.end()
    return (
        after == line.end
        or text[after] in lx.CLAUSE_ENDS + "、"
        or RE_SUFFIX_COMPARATOR.match(text, after, line.end) is not None
    )


def _after_open_sentence(text: str, lines: list[Line], headings: list[Heading | None], k: int) -> bool:
    """Whether line ``k`` follows a line that leaves its sentence open (page numbers aside): one that
    ends with no sentence's end nor a field of a note, unless it is a heading's title alone (一、发展
    非化石能源, where no sentence started: （一）推进重大项目。新建… did start one)."""
    j = k - 1
    while j >= 0 and is_page_number(text, lines[j]):
        j -= 1
    if j < 0:
        return False
    line, heading = lines[j], headings[j]
    if text[line.end - 1] in _COMPLETE or _ends_with_a_field(text, line):
        return False
    return heading is None or any(mark in text[heading.body : line.end] for mark in lx.SENTENCE_ENDS)


_SECTION_KINDS = frozenset(("l1", "la", "lc", "lg"))  # the headings whose number a serial's first repeats


def _resolve_ambiguous(headings: list[Heading | None]) -> list[Heading | None]:
    """A marker followed by digits (12.365) is a heading where it continues the sequence of its
    level (after 11.), else the line's text; a scan's -、 is section 一 where the next heading of its
    kind is 二、."""
    last: dict[int, int] = {}
    resolved = list(headings)
    for k, h in enumerate(headings):
        if h is None:
            continue
        if h.ambiguous and h.numeral in lx.DAMAGED_ONE:
            following = next((g for g in headings[k + 1 :] if g is not None and g.kind == h.kind), None)
            if following is None or following.value != 2:
                resolved[k] = None
                continue
        elif h.ambiguous and not (h.value >= 2 and last.get(h.level) == h.value - 1):
            resolved[k] = None
            continue
        last[h.level] = h.value
        for deeper in [lv for lv in last if lv > h.level]:
            del last[deeper]
    return resolved


def _restore_lost_markers(text: str, lines: list[Line], headings: list[Heading | None]) -> list[Heading]:
    """Section headings whose markers a copy lost, set in ``headings`` and returned: where the first
    section is numbered above 一 (四、) and the entries before it run on into it (（一）…（八） then
    （九） under 四、), the bare lines right above those runs (short, no sentence mark) are the
    sections before it, one for each number it skips, their numbers restored (the numeral left
    empty: none is printed).  Only a first section numbered above 1 is looked at: most plans never
    are."""
    first = next((i for i, h in enumerate(headings) if h is not None and h.level == 1), None)
    if first is None:
        return []
    section = headings[first]
    inside = next((h for h in headings[first + 1 :] if h is not None), None)
    if section is None or section.value <= 1 or inside is None or inside.level == 1 or inside.value <= 1:
        return []
    bare: list[int] = []  # the lines above the runs, last first
    expected = inside.value - 1
    for j in range(first - 1, 0, -1):
        heading = headings[j]
        if heading is None or heading.kind != inside.kind:
            continue
        if heading.value != expected:
            return []  # entries before it that do not run on into it
        above = lines[j - 1]
        if headings[j - 1] is None and _bare_heading(text, above) and (j < 2 or _ended(text, lines[j - 2])):
            bare.append(j - 1)
        elif expected == 1:
            return []  # the first entry has no heading above it: the plan's sections start elsewhere
        expected -= 1
        if expected == 0:
            break
    if expected != 0 or len(bare) != section.value - 1:
        return []
    restored = []
    for number, i in enumerate(reversed(bare), start=1):
        restored.append(section._replace(value=number, numeral="", line=lines[i], body=lines[i].start))
        headings[i] = restored[-1]
    return restored


def _bare_heading(text: str, line: Line) -> bool:
    """Whether a line may be a heading whose marker was lost: short, with no sentence mark and no
    colon or comma at its end (优化注册登记，推行极简审批)."""
    if line.end - line.start > _TITLE_MAX or text[line.end - 1] in lx.CLAUSE_ENDS:
        return False
    return not any(mark in text[line.start : line.end] for mark in lx.SENTENCE_ENDS)


def _ended(text: str, line: Line) -> bool:
    """Whether a line ends its sentence (what follows it does not go on with it)."""
    return text[line.end - 1] in _COMPLETE


def _plan_start(text: str, lines: list[Line], headings: list[Heading | None]) -> int | None:
    """The index of the first section heading of the plan.

    A notice that sends a plan (关于印发…的通知) may number its own paragraphs (一、提高认识 …)
    before the plan it sends as an attachment: when a 附件 line comes after the first 一、 and a
    new 一、 follows it, the plan starts there.  A document that sends nothing (…的意见) is the
    plan itself, and what it attaches (an indicator table) is not.
    """
    starts = [i for i, h in enumerate(headings) if h is not None and h.level == 1 and h.value == 1]
    if not starts:
        return next((i for i, h in enumerate(headings) if h is not None and h.level == 1), None)
    if not _sends_a_plan(text, lines[: starts[0]]):
        return starts[0]  # an opinion with an annex (指标, 分工表): the body is the plan, the annex is not
    if any(is_date_line(text, ln) for ln in lines[: starts[0]]):
        return starts[0]  # the notice was signed and dated before it: this 一、 is the sent plan's
    for i in range(starts[0] + 1, len(lines)):
        line, heading = lines[i], headings[i]
        if heading is not None and heading.level > 1:
            break  # the notice's own paragraphs hold no items: this is the plan, and what it attaches is not
        if text.startswith(lx.ATTACHMENT_LABELS, line.start) and RE_ATTACHMENT_LINE.match(text, line.start, line.end):
            later = bisect_right(starts, i)
            if later < len(starts):
                return starts[later]
    return next(i for i, h in enumerate(headings) if h is not None and h.level == 1)


def _sends_a_plan(text: str, header: list[Line]) -> bool:
    """Whether the notice's title says it sends a plan (关于印发…的通知, 转发): a 印发 in a document
    it cites (为贯彻落实《国务院关于印发…的通知》) is not its own.

    >>> _sends_a_plan("关于印发某市质量工作方案的通知", [Line(1, 0, 15)])
    True
    >>> _sends_a_plan("为贯彻落实《国务院关于印发规划的通知》", [Line(1, 0, 19)])
    False
    """
    title = ""
    for line in header[:_TITLE_LINES]:
        title += text[line.start : line.end]
        if title.endswith(lx.NOTICE_TITLE_ENDINGS):  # the title ends here, however many lines it took
            return sends_a_document(title)
    return False


_TITLE_LINES = 6  # lines at the head of a notice that may hold its title (set on two or three lines)


def _without_annex_after_articles(text: str, lines: list[Line], headings: list[Heading | None]) -> list[Heading | None]:
    """Measures written as articles (第一条…) and then an annex with 一、 headings (附件 alone on a
    line after the last article): the annex's headings are not the plan's."""
    articles = [i for i, h in enumerate(headings) if h is not None and h.kind in ("la", "lc")]
    if not articles:
        return headings
    annex = next(
        (
            i
            for i in range(articles[-1] + 1, len(lines))
            if text.startswith(lx.ATTACHMENT_LABELS, lines[i].start)
            and (
                RE_ANNEX_HEADING.match(text, lines[i].start, lines[i].end)
                or RE_ATTACHMENT_LINE.match(text, lines[i].start, lines[i].end)
            )
        ),
        None,
    )
    if annex is None or any(h is not None and h.kind == "l1" for h in headings[: articles[0]]):
        return headings
    return headings[:annex] + [h if h is None or h.kind in ("la", "lc") else None for h in headings[annex:]]


def _item_level(lines: list[Line], headings: list[Heading | None], notes: _Notes) -> int:
    """Which level carries the items: the numbered tasks (1.) where most of them own a note, as
    often as the （一） headings above them do; else the （一） headings."""
    owning: dict[int, float] = {}
    end = lines[-1].end
    marked = [(line.start, h.level) for line, h in zip(lines, headings, strict=True) if h is not None]
    marked.reverse()
    for level in (2, 3):
        counts: list[int] = []
        boundary = end  # where the extent of the heading being looked at ends
        for start, heading_level in marked:
            if heading_level > level:
                continue
            if heading_level == level:
                counts.append(notes.count(start, boundary))
            boundary = start
        owning[level] = sum(c >= 1 for c in counts) / len(counts) if counts else -1.0
    return 3 if owning[3] >= max(_TASKS_OWNING, _TASKS_AGAINST_GROUPS * owning[2]) else 2


_TASKS_OWNING = 0.5  # the share of numbered tasks that must own a note to be the items …
_TASKS_AGAINST_GROUPS = 0.8  # … and how near the share of the headings above them


def _written_in_articles(headings: list[Heading | None]) -> bool:
    """Whether the document's sections are articles (第一条…, no chapters grouping them)."""
    return any(h is not None and h.level == 1 and h.kind == "la" for h in headings)


def _clauses_as_text(lines: list[Line], headings: list[Heading | None], notes: _Notes) -> list[Heading | None]:
    """The headings of a document written in articles, with the clauses inside each article
    (（一）…, 1.) made its text: the article is the task, whether or not chapters group the
    articles.  Only where most of an article's clauses own a note are they its tasks (第三条 人才支持
    with （一）青年人才引育支持专项…（责任单位：…） and （二）…（责任单位：…）), and then the level
    that carries the notes decides (:func:`_item_level`)."""
    out = list(headings)
    articles: list[tuple[int, int]] = []  # each article: its line and where it ends
    article: tuple[int, int] | None = None  # the article being read: its line and its level
    for k, heading in enumerate(headings):
        if heading is None:
            continue
        if article is not None and heading.level <= article[1]:
            articles.append((article[0], k))
            article = None
        if heading.kind == "la":
            article = (k, heading.level)
    if article is not None:
        articles.append((article[0], len(lines)))
    for first, end in articles:
        inside = [(k, h.level) for k in range(first + 1, end) if (h := headings[k]) is not None]
        if not inside:
            continue
        top = min(level for _k, level in inside)  # the clauses: the first level below the article
        clauses = [k for k, level in inside if level == top]
        extents = zip(clauses, [*clauses[1:], end], strict=True)  # a clause runs to the next one
        owning = sum(notes.count(lines[k].start, lines[stop - 1].end) > 0 for k, stop in extents)
        if owning * 2 < len(clauses):
            out[first + 1 : end] = [None] * (end - first - 1)
    return out


class _Notes:
    """The lead-unit notes of the plan, found once, looked up by position."""

    def __init__(self, notes: list[LeadNote]) -> None:
        self.notes = notes
        self.starts = [n.start for n in notes]
        self._within: dict[tuple[int, int], list[LeadNote]] = {}  # the passes ask of the same blocks

    def count(self, start: int, end: int) -> int:
        """How many notes start in ``[start, end)``."""
        return bisect_left(self.starts, end) - bisect_left(self.starts, start)

    def within(self, start: int, end: int) -> list[LeadNote]:
        """The notes that start and end in ``[start, end]`` (a list the caller must not change)."""
        found = self._within.get((start, end))
        if found is None:
            lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
            found = self._within[start, end] = [n for n in self.notes[lo:hi] if n.end <= end]
        return found


class _Walk:
    """The lines after the first section heading, grouped into sections, groups and items; page
    furniture set aside, and the closing block (signature, date, 附注, 附件, 抄送) sent to the
    trailer — but a line that continues a sentence left open is always the item's text."""

    def __init__(
        self,
        text: str,
        lines: list[Line],
        headings: list[Heading | None],
        item_level: int,
        notice: str = "",
        deeper: list[int | None] | None = None,
    ) -> None:
        self.text = text
        self.headings = headings
        self.notice = notice  # the text of a notice that sends what follows it: it may send several documents
        self._notice_words = "".join(notice.split())  # the same without its spaces (a title wrapped in it)
        self.parts: list[PartHead] = []  # a further document: the draft it starts at, its title, its label
        self.drafts: list[SectionDraft] = []
        self.trailer: list[Line] = []
        self.furniture: list[Line] = []
        self.second_notice: Line | None = None
        self.lines = lines
        current: _Block | None = None  # the block that takes the next text line
        group: _Block | None = None
        levels = _levels_per_section(headings)
        section_item_level = item_level
        attachments = False  # after 附件：, short numbered lines name attachments
        self.closing: list[Line] = []
        self.annex: list[Line] = []
        closing = ended = False  # in the plan's closing text; past it, in the closing block
        part_title: list[Line] | None = None  # the title of a further document the notice sends
        part_label: Line | None = None  # the 附件 heading above it (附件2)
        for i, (line, heading) in enumerate(zip(lines, headings, strict=True)):
            level = heading.level if heading else 0
            first = text[line.start]  # literal tests on it spare most lines the calls below
            if part_title is not None:
                if heading is None or level != 1:
                    part_title.append(line)
                    continue
                self.parts.append(PartHead(len(self.drafts), part_title, part_label))
                part_title = part_label = None
            elif not self.annex and first in _ANNEX_FIRST and self._opens_annex(i, current):
                if self.notice and self._opens_part(i):  # 附件2, its title, 一、: a second document of the plan
                    part_title, part_label, current, group, attachments = [], line, None, None, False
                    closing = ended = False
                    continue
                self.annex.append(line)  # 附件 after the document's end: its attachments, not the plan
                continue
            elif heading is None and self.notice and self._opens_unmarked_part(i, current):
                part_title, current, group, attachments = [line], None, None, False  # its title, no 附件 above it
                closing = ended = False
                continue
            elif self.annex:
                self.annex.append(line)
                continue
            if closing:
                if is_page_number(text, line) or is_noise(text, line):
                    self.furniture.append(line)
                elif ended or self._closes(i):
                    ended = True
                    self.trailer.append(line)
                else:
                    self.closing.append(line)
                continue
            if (
                self.drafts
                and (first in _CLOSING_FIRST if heading is None else heading.level == 1)
                and self._opens_closing(line, heading, current)
            ):
                self.closing.append(line)
                closing, current, group = True, None, None
                continue
            if heading and attachments and self._names_attachment(line):
                self.trailer.append(line)
                continue
            if heading and level > 1 and not self.drafts:
                heading, level = None, 0  # a numbered line before any section: text
            if level == 1 and heading:
                section = SectionDraft(_Block(heading, [line]))
                self.drafts.append(section)
                current, group, attachments = section.block, None, False
                k = len(self.drafts) - 1
                section_item_level = _section_item_level(item_level, levels[k])
                titles = deeper[k] if deeper and k < len(deeper) else None
                if titles == section_item_level and section_item_level + 1 in levels[k]:
                    section_item_level += 1  # titles with their tasks below them: the tasks are the items
            elif heading and level == section_item_level:
                current = _Block(heading, [line], group)
                self.drafts[-1].items.append(current)
            elif heading and level == section_item_level - 1:
                current = group = _Block(heading, [line])
                self.drafts[-1].groups.append(group)
            elif first in PAGE_FIRST and is_page_number(text, line):
                self.furniture.append(line)
            elif current is not None and text[current.lines[-1].end - 1] not in _COMPLETE and self._continues(current):
                current.lines.append(line)  # (a line that ends its sentence leaves nothing open)
            elif is_noise(text, line):
                self.furniture.append(line)
            elif current is None or self._closes(i):
                if current is not None and self.second_notice is None and starts_a_notice(text, line):
                    self.second_notice = line
                self.trailer.append(line)
                attachments = attachments or RE_ATTACHMENT_LINE.match(text, line.start, line.end) is not None
                current = None
            else:
                current.lines.append(line)

    def _opens_annex(self, i: int, current: _Block | None) -> bool:
        """Whether line ``i`` (附件, 附件1 alone on its line) heads what the document attaches: after
        the plan has begun and its last sentence is complete, with no signature and date to follow
        (an 附件 list in the closing block comes before them)."""
        text, line = self.text, self.lines[i]
        if not self.drafts or not text.startswith(lx.ATTACHMENT_LABELS, line.start):
            return False
        titled = RE_ATTACHMENT_LINE.match(text, line.start, line.end) and not RE_ATTACHMENT_LIST.match(
            text, line.start, line.end
        )  # 附件1：任务分工表 heads an annex; 附件：1.任务分工表 lists what is attached
        if not (RE_ANNEX_HEADING.match(text, line.start, line.end) or titled):
            return False
        if current is not None and self._continues(current):
            return False
        ahead = self.lines[i + 1 : i + 1 + _ANNEX_LIST_REACH]
        return not any(is_date_line(text, ln) for ln in ahead)

    def _opens_unmarked_part(self, i: int, current: _Block | None) -> bool:
        """Whether line ``i`` is the title of a further document the notice sends, printed with no
        附件 heading above it: after a complete sentence, a line (or a few, the title wrapped) with no
        sentence mark that the notice names (《进一步支持文化企业发展的规定》), then the document's own
        opening and its numbering from 一、 again, where the sections before it went past 一."""
        text, line = self.text, self.lines[i]
        if not self.drafts or self.drafts[-1].block.heading.value < 2 or line.end - line.start > _TITLE_MAX:
            return False
        if text[line.end - 1] in _COMPLETE or (current is not None and self._continues(current)):
            return False
        notice = self._notice_words
        title = ""
        named = False  # whether the lines so far (the title wrapped) are a title the notice names
        for k in range(i, min(len(self.lines), i + _PART_TITLE_LINES)):
            words = text[self.lines[k].start : self.lines[k].end]
            if self.headings[k] is not None or RE_CLAUSE_END.search(words):  # (any mark of lx.CLAUSE_ENDS)
                break
            title += "".join(words.split())
            named = named or (len(title) >= _PART_TITLE_MIN and title.strip("《》") in notice)
        if not named:
            return False
        for k in range(i + 1, min(len(self.lines), i + 1 + _PART_TITLE_LINES + 1)):
            heading = self.headings[k]
            if heading is not None:
                return heading.level == 1 and heading.value == 1
        return False

    def _opens_part(self, i: int) -> bool:
        """Whether the annex heading of line ``i`` heads a further document the notice sends: a title
        the notice names (in its title or its list of attachments), then the document's own numbering
        from 一、 (two documents under one notice); an annex of indicators the notice does not send as
        a document is no part of the plan."""
        title = self.text[self.lines[i + 1].start : self.lines[i + 1].end] if i + 1 < len(self.lines) else ""
        if not title or "".join(title.split()).strip("《》") not in "".join(self.notice.split()):
            return False
        for k in range(i + 1, min(len(self.lines), i + 1 + _PART_TITLE_LINES + 1)):
            heading = self.headings[k]
            if heading is not None:
                return k > i + 1 and heading.level == 1 and heading.value == 1
        return False

    def _opens_closing(self, line: Line, heading: Heading | None, current: _Block | None) -> bool:
        """Whether ``line`` heads the provisions after the tasks: 附则 on a line of its own, or a
        section so titled (五、附则)."""
        if heading is not None:
            return (
                heading.level == 1
                and self.text[heading.body : heading.body + 1] in _CLOSING_FIRST
                and RE_CLOSING_HEADING.match(self.text, heading.body, line.end) is not None
            )
        if self.text[line.start] not in _CLOSING_FIRST or (current is not None and self._continues(current)):
            return False
        return RE_CLOSING_HEADING.match(self.text, line.start, line.end) is not None

    def _continues(self, block: _Block) -> bool:
        """Whether the block's last line leaves its sentence open (so the next line goes on with it)."""
        last = block.lines[-1]
        if last is block.lines[0] and block.heading.body >= last.end:
            return False  # a marker alone on its line (（一）): its title is on the next line
        if self.text[last.end - 1] in _COMPLETE or (
            last is block.lines[0] and len(block.lines) == 1 and block.heading.level == 1
        ):
            return False
        # a line that ends with a field of a note (…。【完成时间】2025年12月底前) is whole without a full stop
        return not _ends_with_a_field(self.text, last)

    def _closes(self, i: int) -> bool:
        """Whether line ``i`` closes the plan: a line of the closing block, a 发文字号 or a notice's
        title (a document that follows), or a signature right above a date (looked at only for
        lines that could be one: most lines never are)."""
        text, lines = self.text, self.lines
        if is_closing(text, lines[i]) or starts_a_notice(text, lines[i]):
            return True
        for k in range(i, min(len(lines), i + _SIGNATURE_REACH)):
            line = lines[k]
            if is_date_line(text, line):
                return k > i
            if not looks_like_signature(text, line) or heading_at(text, line) is not None:
                return False
        return False

    def _names_attachment(self, line: Line) -> bool:
        content = self.text[line.start : line.end]
        return len(content) <= _SIGNATURE_MAX and not any(ch in content for ch in lx.SENTENCE_ENDS)


def _ends_with_a_field(text: str, line: Line) -> bool:
    """Whether ``line`` ends with a labelled field of a note in 【】 (【责任部门】A、B, 【完成时间】X), on
    its own or after the task's last sentence."""
    last = text.rfind("【", line.start, line.end)
    if last < 0:
        return False
    for pattern in (RE_BRACKETED_LABEL_NOTE, RE_BRACKETED_FIELD):
        match = pattern.match(text, last, line.end)
        if match is not None and match.end() == line.end:
            return True
    return False


def _closing_after_last_task(text: str, drafts: list[SectionDraft], notes: _Notes) -> tuple[list[Line], list[Line]]:
    """The plan's closing text after its last task, taken out of the last block, and the signature
    and date that ended up in it (a line left open above them made them go on with it).

    Closing are: sections after the tasks that only say how the plan applies (第四条 本措施自…施行);
    and, in the last task, from a sentence that says when the plan takes effect (本措施自…起施行),
    or the request a forwarded report ends with (以上意见如无不妥，请批转…执行), or a paragraph
    that charges everyone with it or speaks of the plan itself (各地区、各部门要…, 本措施由…负责解释,
    …按照上述精神…) and holds no note, or, where the plan ends its tasks with their notes,
    whatever follows the last task's last note."""
    closing: list[Line] = []
    while len(drafts) > 1 and _only_says_how_it_applies(text, drafts[-1], notes):
        closing[:0] = drafts.pop().block.lines
    draft = drafts[-1]
    last = max([draft.block, *draft.groups, *draft.items], key=lambda block: block.lines[-1].end)
    lines = last.lines
    signed = _signature_at_end(text, lines)
    del lines[len(lines) - len(signed) :]
    task = last is not draft.block or draft.promoted  # a section's own text is not cut (组织实施 prose)
    heading_words = text[last.heading.body : lines[0].end].rstrip("。.：:")
    first = 1 if any(mark in heading_words for mark in lx.SENTENCE_ENDS) else 2  # （二十）完善制度。 then its words
    cut = next(
        (
            k
            for k in range(1, len(lines))
            if text[lines[k - 1].end - 1] in _COMPLETE
            and (
                RE_TAKES_EFFECT.match(text, lines[k].start, lines[k].end)
                or RE_PROVISION.match(text, lines[k].start, lines[k].end)
                or RE_REQUEST_CLOSING.match(text, lines[k].start, lines[k].end)
                or (
                    task  # how long the provisions above hold (上述政策…执行期限为…): the document's
                    and RE_VALIDITY_PARAGRAPH.match(text, lines[k].start, lines[k].end)
                    and not notes.within(lines[k].start, lines[-1].end)
                )
                or (
                    task
                    and k >= first
                    and RE_CLOSING_PARAGRAPH.match(text, lines[k].start, lines[k].end)
                    and not notes.within(lines[k].start, lines[-1].end)
                )
            )
        ),
        len(lines),
    )
    own = notes.within(lines[0].start, lines[cut - 1].end)
    title_note = (
        own
        and own[0].start < lines[0].end
        and not any(mark in text[last.heading.body : own[0].start] for mark in lx.SENTENCE_ENDS)
    )  # （三）强化人才支撑（牵头单位：…） with the task's words below it
    if task and len(own) == 1 and not title_note and _tasks_end_with_notes(drafts, notes):
        # one note, not right after the title: what follows it may be closing
        after = own[-1].end
        k = bisect_left([line.end for line in lines], after)
        rest = text[after : lines[k].end].strip(lx.SPACE_CHARS)
        enumerated = k + 1 < len(lines) and RE_ENUMERATED.match(text, lines[k + 1].start, lines[k + 1].end)
        if k + 1 < cut and rest in ("", "。", ".") and not text.startswith(("；", ";"), after) and not enumerated:
            cut = k + 1  # not after a note that ends one part of a list (一是…（A负责）；)
    closing[:0] = lines[cut:]
    del lines[cut:]
    return closing, signed


def _only_says_how_it_applies(text: str, draft: SectionDraft, notes: _Notes) -> bool:
    """A last section without tasks that only says how the plan applies: 第四条 本措施自…起施行,
    第三条 本措施由区科技局负责解释."""
    if draft.items or draft.groups:
        return False
    lines = draft.block.lines
    if notes.within(lines[0].start, lines[-1].end):
        return False
    body = draft.block.heading.body
    return any(
        pattern.match(text, body, lines[0].end) for pattern in (RE_TAKES_EFFECT, RE_PROVISION, RE_CLOSING_PARAGRAPH)
    )


def _signature_at_end(text: str, lines: list[Line]) -> list[Line]:
    """The signature, date and 附注 lines at the end of a block (a note left open above them made
    them go on with the task), where a date is among them."""
    k = len(lines)
    while k > 1 and is_noise(text, lines[k - 1]):
        k -= 1  # 【打印本页】【关闭窗口】 of a web copy, after the date
    dated = False
    while k > 1 and (is_closing(text, lines[k - 1]) or (dated and looks_like_signature(text, lines[k - 1]))):
        dated = dated or is_date_line(text, lines[k - 1])
        k -= 1
    while dated and k > 1 and looks_like_signature(text, lines[k - 1]) and heading_at(text, lines[k - 1]) is None:
        k -= 1
    return lines[k:] if dated else []


def _tasks_end_with_notes(drafts: list[SectionDraft], notes: _Notes) -> bool:
    """Whether the plan closes its tasks with their notes: most tasks (its items; a section without
    items is one) carry a note, and the notes of nearly all of them stand at their end (a plan that
    puts the note after the title, its words below, does not)."""
    blocks = [item for draft in drafts for item in draft.items] or [draft.block for draft in drafts]
    ends = 0
    noted = 0
    for block in blocks[:-1]:
        own = notes.within(block.lines[0].start, block.lines[-1].end)
        if own:
            noted += 1
            ends += block.lines[-1].start <= own[-1].end  # no line of the task after its note
    return noted >= 1 and noted * 2 >= len(blocks) - 1 and ends * 10 >= noted * 9


def _is_flat(text: str, drafts: list[SectionDraft], notes: _Notes, run_in: bool) -> str | None:
    """Whether the plan is a flat list of measures, and by what: no section has items or groups (the
    walk files every heading below a section as one or the other), and most sections carry a note of
    their own ("notes") or, where ``run_in``, open with a measure's title run in before its text
    (（一）打造专业化智创空间。聚焦…: "titles", a 若干措施 whose measures name no unit); provisions on the plan
    itself (本措施自…施行) aside.  Paragraphs numbered in a notice or a reply (一、日军遗弃化学武器是历史遗留问题，…)
    and headings over prose (一、基本情况) are neither."""
    if any(draft.items or draft.groups for draft in drafts):
        return None
    measures = [draft for draft in drafts if not _only_says_how_it_applies(text, draft, notes)]  # 第四条 本措施自…施行
    if sum(draft.promoted for draft in measures) * 2 > len(measures):
        return "notes"
    if run_in and sum(draft.promoted or _run_in_measure(text, draft.block) for draft in measures) * 2 > len(measures):
        return "titles"
    return None


def _run_in_measure(text: str, block: _Block) -> bool:
    """Whether a heading's line opens with a measure's title alone, ended by 。, and goes on with
    the measure's text (（一）打造专业化智创空间。聚焦重点领域，…; not 一、元旦：…放假 nor 一、基本情况).

    >>> line = Line(1, 0, 17)
    >>> _run_in_measure("一、加强组织领导。成立工作专班。", _Block(Heading(1, 1, "一", line, 2)))
    True
    >>> _run_in_measure("一、日军遗弃化学武器是历史遗留问题，敏感性强。", _Block(Heading(1, 1, "一", line, 2)))
    False
    """
    head = block.heading
    end = head.line.end
    stop = sentence_end(text, head.body, end)
    if stop < 0 or stop + 1 >= end:
        return False
    title = text[head.body : stop]
    return 0 < len(title) <= _TITLE_ONLY and not any(mark in title for mark in lx.CLAUSE_ENDS if mark not in "，,")


def _section_item_level(item_level: int, present: set[int]) -> int:
    """The plan's item level, or, in a section without it, the shallowest level it has
    (一、 then 1. or （1） straight away)."""
    if item_level in present or not present:
        return item_level
    return min(present)


def _tasks_below_titles(
    text: str, lines: list[Line], headings: list[Heading | None], notes: _Notes
) -> list[int | None]:
    """For each section: the level of its headings where they are titles alone with the tasks
    numbered below them (（一）新一代信息技术产业链。 then 1.集成电路。研究… 2.…; 1.推进数字化转型 then
    (1)…(牵头单位:…)), in a section that carries no note or whose notes all stand below the titles:
    then the numbered tasks are its items and the titles their groups.  Where a title holds a
    note, the level that carries them decides."""
    flags: list[int | None] = []
    section_start: int | None = None
    titled: list[bool] = []  # for each heading one level down: whether tasks follow it at once
    upper: int | None = None  # the level of the section's first headings

    def close(end: int) -> None:
        if section_start is not None:
            bare = notes.count(section_start, end) == 0 or not any(notes.count(*span) for span in extents)
            flags.append(upper if titled and all(titled) and bare else None)

    extents: list[tuple[int, int]] = []  # each title's own lines, to the next heading: notes there are its
    marked = [(line, heading) for line, heading in zip(lines, headings, strict=True) if heading is not None]
    for k, (line, heading) in enumerate(marked):
        if heading.level == 1:
            close(line.start)
            section_start, titled, upper, extents = line.start, [], None, []
            continue
        if upper is None:
            upper = heading.level
        if heading.level == upper:  # a title, maybe a paragraph that opens its tasks, then 1.
            following = marked[k + 1] if k + 1 < len(marked) else None
            tasks_follow = following is not None and following[1].level == upper + 1
            titled.append(tasks_follow and _title_alone(text[heading.body : line.end]))
            extents.append((line.start, following[0].start if following is not None else line.end))
    close(lines[-1].end if lines else 0)
    return flags


_TITLE_ONLY = 24  # characters of a heading that is a title alone (新一代信息技术产业链。) …
_TITLE_MAX = 40  # … or of a longer one with no sentence ended inside it (提升设计、制造…，推进…向高端升级)


def _title_alone(words: str) -> bool:
    """Whether a heading's words are a title alone, not a task run in after it."""
    words = words.rstrip(lx.SPACE_CHARS)
    if len(words) <= _TITLE_ONLY:
        return True
    return len(words) <= _TITLE_MAX and not any(mark in words[:-1] for mark in lx.SENTENCE_ENDS)


def _levels_per_section(headings: list[Heading | None]) -> list[set[int]]:
    levels: list[set[int]] = []
    for h in headings:
        if h is not None and h.level == 1:
            levels.append(set())
        elif h is not None and levels:
            levels[-1].add(h.level)
    return levels


def _own_text(draft: SectionDraft) -> tuple[int, int]:
    """Where a section's block runs before its first group or item."""
    lines = draft.block.lines
    return lines[0].start, lines[-1].end


# --- records -----------------------------------------------------------------------


def _build(text: str, drafts: list[SectionDraft], notes: _Notes) -> list[SectionRecord]:
    sections: list[SectionRecord] = []
    groups: dict[int, GroupRecord] = {}
    printed = _printed_numbers_hold(drafts)
    ordinal = 0
    for draft in drafts:
        head = draft.block.heading
        first_line, body_lines = draft.block.lines[0], draft.block.lines[1:]
        title, heading_end = _title(text, head.body, _before_note(first_line, notes.within(*_own_text(draft))))
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
            "text": None if draft.promoted or intro is None else text[intro[0] : intro[1]],
            "text_span": None if draft.promoted else intro,
            "groups": [],
            "targets": [],
            "items": [],
        }
        for block in draft.groups:
            record = _group_record(text, block)
            groups[id(block)] = record
            section["groups"].append(record)
        if draft.promoted:  # the item is the whole measure, its heading too, as any item's is
            ordinal += 1
            span = [head.line.start, intro[1] if intro is not None else heading_end]
            found = notes.within(span[0], span[1])
            section["items"].append(_section_item(text, section, span, head, ordinal, found))
        for block in draft.items:
            ordinal += 1
            number = block.heading.value if printed else ordinal
            group = groups[id(block.group)] if block.group is not None else None
            found = notes.within(block.lines[0].start, block.lines[-1].end)
            section["items"].append(_item_record(text, block, number, head.value, group, found))
        sections.append(section)
    _spread_grouped_notes(text, [item for section in sections for item in section["items"]])
    return sections


def _spread_grouped_notes(text: str, items: list[ItemRecord]) -> None:
    """A note that speaks for the tasks before it (（以上三项由A牵头，B配合） after the third) gives its
    units to each of them and to its own task.  A task that names no unit takes them as the note
    has them, with the note's span as where they come from; a task with a note of its own keeps
    that note's lead, and the grouped note's units cooperate there (the plan says both, and the
    task's own note is the nearer).  With no count (（以上任务均由A负责）, 以上各项), the note speaks
    for the tasks above it that name no unit, back to the last that does or to the start of its
    group or section (:func:`_unnoted_before`)."""
    for k, item in enumerate(items):
        grouped = _grouped_note(text, item)
        if grouped is None:
            continue
        note, match = grouped
        printed = match.group("count")
        if printed is None:
            first = _unnoted_before(items, k, lambda other: bool(other["notes"] or other["lead_units"]))
        else:
            count = int(printed) if printed.isdigit() else (chinese_to_int(printed) or 0)
            first = max(0, k - count + 1)
        own = [n for n in item["notes"] if n is not note]
        if any(n["lead_units"] or n["cooperating_units"] for n in own):
            item["lead_units"] = unique_units(u for n in own for u in n["lead_units"])
            item["cooperating_units"] = unique_units(u for n in own for u in n["cooperating_units"])
            _cooperate_too(item, note)
        for earlier in items[first:k]:
            if not earlier["lead_units"] and not earlier["cooperating_units"]:
                earlier["lead_units"] = list(note["lead_units"])
                earlier["cooperating_units"] = list(note["cooperating_units"])
                earlier["lead_span"] = list(note["span"])
            else:
                _cooperate_too(earlier, note)


def _unnoted_before(
    items: list[_T], k: int, noted: Callable[[_T], bool], same: Callable[[_T, _T], bool] | None = None
) -> int:
    """The first of the tasks right above task ``k`` that a grouped note with no count speaks for:
    back over those that are not ``noted``, within the group or section of task ``k``."""
    first = k
    while first > 0 and not noted(items[first - 1]) and (same or _same_container)(items[first - 1], items[k]):
        first -= 1
    return first


def _same_container(a: Any, b: Any) -> bool:
    """Whether two item records stand in the same section and group."""
    return bool(a["section"] == b["section"] and a["group"] is b["group"])


def _grouped_note(text: str, item: ItemRecord) -> tuple[NoteRecord, re.Match[str]] | None:
    """The item's last note when it speaks for the tasks before it (（以上三项由A牵头）), and the match
    of its opening words."""
    if not item["notes"]:
        return None
    note = item["notes"][-1]
    start, end = note["span"]
    match = RE_GROUPED_NOTE.match(text, start + 1, end)
    return (note, match) if match is not None else None


def _cooperate_too(item: ItemRecord, note: NoteRecord) -> None:
    """``note``'s units added to the item's as cooperating, unless the item has them lead."""
    leading = set(item["lead_units"])
    added = [u for u in note["lead_units"] + note["cooperating_units"] if u not in leading]
    item["cooperating_units"] = unique_units(item["cooperating_units"] + added)


def _printed_numbers_hold(drafts: list[SectionDraft]) -> bool:
    """Whether the printed numbers identify the items: one kind of marker, rising through the
    plan, and no section standing as its own item."""
    heads = [item.heading for draft in drafts for item in draft.items]
    if any(draft.promoted for draft in drafts) or len({h.kind for h in heads}) > 1:
        return False
    values = [h.value for h in heads]
    return all(a < b for a, b in pairwise(values))


def _tasks_carry_notes(drafts: list[SectionDraft], noted: set[int]) -> bool:
    """Whether most of the plan's items carry a note of their own, or stand under a note for the
    tasks before it (（以上三项由A牵头）): its tasks say who does them (``noted``, as
    :func:`_noted_items` finds them)."""
    items = sum(len(draft.items) for draft in drafts)
    return bool(items) and len(noted) * 2 > items


def _noted_items(text: str, drafts: list[SectionDraft], notes: _Notes) -> set[int]:
    """The ids of the items that carry a note, or that a note for the tasks before it (（以上三项由
    A牵头，B配合） after the third) speaks for."""
    items = [item for draft in drafts for item in draft.items]
    section_of = {id(item): k for k, draft in enumerate(drafts) for item in draft.items}
    own = [notes.within(item.lines[0].start, item.lines[-1].end) for item in items]
    owning = {id(item) for item, found in zip(items, own, strict=True) if found}
    noted: set[int] = set()
    for k, (item, found) in enumerate(zip(items, own, strict=True)):
        if not found:
            continue
        noted.add(id(item))
        grouped = RE_GROUPED_NOTE.match(text, found[-1].start + 1, found[-1].end)
        if grouped is None:
            continue
        printed = grouped.group("count")
        if printed is None:  # 以上任务均由A负责: back to the last task with a note, in its group or section
            first = _unnoted_before(
                items,
                k,
                lambda block: id(block) in owning,
                lambda a, b: section_of[id(a)] == section_of[id(b)] and a.group is b.group,
            )
        else:
            count = int(printed) if printed.isdigit() else (chinese_to_int(printed) or 0)
            first = max(0, k - count + 1)
        noted.update(id(earlier) for earlier in items[first:k])
    return noted


def _frame(text: str, drafts: list[SectionDraft], noted: set[int], titles: tuple[str, ...]) -> bool:
    """The entries that frame the tasks made their sections' text, unless they are all the plan has
    (``noted``: the ids of the items that carry a note, as :func:`_noted_items` finds them); whether
    any were."""
    counts = [_framing_count(text, draft, noted, titles) for draft in drafts]  # each section's alone
    if not 0 < sum(counts) < sum(len(draft.items) for draft in drafts):
        return False
    for draft, count in zip(drafts, counts, strict=True):
        _framing_to_text(draft, count)
    return True


def _other_family_to_text(drafts: list[SectionDraft], noted: set[int]) -> None:
    """The entries of a section numbered in another family of markers than the tasks that carry the
    notes, none with a note of its own, made their section's text (一、…三、 with （1）…（9） tasks that
    carry notes, then 四、保障措施 with （一）（二）（三） paragraphs that name no unit): the items are the
    level that carries the tasks, and a section that numbers its paragraphs apart from them frames
    them.  Only where the notes stand on one family of markers, on most of its entries (``noted``: the
    ids of the items that carry a note, as :func:`_noted_items` finds them)."""
    kinds = {item.heading.kind for draft in drafts for item in draft.items if id(item) in noted}
    if len(kinds) != 1:
        return
    (kind,) = kinds
    tasks = [item for draft in drafts for item in draft.items if item.heading.kind == kind]
    if sum(id(item) in noted for item in tasks) * 2 <= len(tasks):
        return
    for draft in drafts:
        if draft.items and not draft.groups and all(item.heading.kind != kind for item in draft.items):
            _framing_to_text(draft, len(draft.items))  # (none of them is noted: the notes are all on ``kind``)


def _framing_count(text: str, draft: SectionDraft, noted: set[int], titles: tuple[str, ...]) -> int:
    """How many of a section's first entries frame the tasks rather than set one: with no note
    (``noted`` holds the ids of those with one), and titled as ``titles`` say or under a heading so
    titled."""
    framing = _titled(text, draft.block.heading, titles)
    count = 0
    for item in draft.items:
        if item.group is not None or id(item) in noted:
            break
        if not (framing or _titled(text, item.heading, titles)):
            break
        count += 1
    return count


def _framing_to_text(draft: SectionDraft, count: int) -> None:
    """The headings that frame the tasks and hold no note (（一）指导思想, （二）主要目标 of 一、总体要求;
    where the tasks carry notes, also the measures of 三、保障措施 that name no unit) are their
    section's own text, not items: the entries of a framing section, or entries so titled, from the
    first on (``count`` of them, as :func:`_framing_count` finds)."""
    for block in draft.items[:count]:
        draft.block.lines.extend(block.lines)
    del draft.items[:count]


def _titled(text: str, heading: Heading, titles: tuple[str, ...]) -> bool:
    """Whether a heading's words begin with one of ``titles`` (spaces and marks aside), or its title
    (to its first 。) ends with a word that names principles (二、清理整顿的原则)."""
    words = text[heading.body : heading.line.end].lstrip(lx.SPACE_CHARS)
    if words.startswith(lx.TITLE_VERBS):  # 五、强化保障措施, 六、加强组织实施: the same heading with its verb
        words = words[2:]
    if words.startswith(titles):
        return True
    return words.partition("。")[0].rstrip(lx.SPACE_CHARS + "：:；;").endswith(lx.AIM_TITLE_ENDINGS)


def _promote_childless_groups(draft: SectionDraft, notes: _Notes) -> None:
    """In the three-level shape, a （一） heading with no numbered tasks under it but a note of
    its own is a task itself."""
    parents = {id(item.group) for item in draft.items}
    promoted = [g for g in draft.groups if id(g) not in parents and notes.within(g.lines[0].start, g.lines[-1].end)]
    if promoted:
        moved = {id(g) for g in promoted}
        draft.groups = [g for g in draft.groups if id(g) not in moved]
        draft.items = sorted(draft.items + promoted, key=lambda block: block.heading.line.start)


def sentence_end(text: str, start: int, stop: int) -> int:
    """Where the first sentence from ``start`` ends before ``stop``: its 。, or an ASCII full stop
    used as one (支撑.引进, not 2.5万), or a full-width ． that ends a run-in title (:func:`_run_in_stop`);
    -1 if none.

    >>> sentence_end("加强人才支撑.引进人才2.5万名。", 0, 17), sentence_end("提升2.5万", 0, 6)
    (6, -1)
    >>> sentence_end("促进成果转化．建设市场，增长２．５倍。", 0, 19)
    6
    """
    end = text.find("。", start, stop)
    limit = stop if end < 0 else end
    if text.find(".", start, limit) >= 0:  # (seldom: most plans have no ASCII full stop before the 。)
        dot = RE_ASCII_FULL_STOP.search(text, start, limit)
        if dot is not None:
            end = limit = dot.start()
    if text.find("．", start, limit) >= 0:
        end = _run_in_stop(text, start, limit, end)
    return end


def _run_in_stop(text: str, start: int, limit: int, end: int) -> int:
    """Where a full-width full stop ． (U+FF0E) ends a run-in title from ``start`` (壮大高新技术企业
    群体．实施…), else ``end``: ． is also the mark of a marker (1．) and a decimal point (２．５), so
    only one between words, after a title of two characters or more and at most a title's length
    with no clause's end in it, ends the title as 。 would.

    >>> _run_in_stop("促进成果转化．建设市场", 0, 11, -1), _run_in_stop("工作：一．加强领导", 0, 9, -1)
    (6, -1)
    """
    dot = RE_RUN_IN_STOP.search(text, start, min(limit, start + _TITLE_MAX + 2))  # (and what follows it)
    if dot is None or dot.start() - start < _SPACED_TITLE_MIN:
        return end
    title = text[start : dot.start()]
    return end if any(mark in title for mark in lx.CLAUSE_ENDS if mark not in "，,") else dot.start()


def _title(text: str, body: int, stop: int) -> tuple[str, int]:
    """A heading's title, to the first 。 (or a colon close after the marker, as in
    1.提升制造业质量：……) or ``stop``, and where the heading ends; or to a space that parts a title
    with no full stop from its text run on after it (（一）完善养老服务网络　推进…，…).

    >>> _title("加强组织领导　建立联席会议制度，每半年召开会议。", 0, 24)
    ('加强组织领导', 6)
    >>> _title("总　则", 0, 3), _title("加强组织领导。建立制度。", 0, 12)
    (('总\u3000则', 3), ('加强组织领导', 7))

    A colon after a word that points ahead goes on with the sentence:

    >>> _title("提升质量：完善标准。", 0, 10), _title("由下列人员组成：总理、副总理。", 0, 15)
    (('提升质量', 5), ('由下列人员组成：总理、副总理', 15))
    >>> _title("做好以下工作：", 0, 7)
    ('做好以下工作', 7)
    """
    colon = RE_TITLE_COLON.match(text, body, stop)
    if colon is not None and not any(word in text[body : colon.end()] for word in lx.FORWARD_POINTERS):
        end, after = colon.end() - 1, colon.end()
    else:
        full_stop = sentence_end(text, body, stop)
        end, after = (full_stop, full_stop + 1) if full_stop >= 0 else (stop, stop)
    gap = _space_after_title(text, body, end)
    if gap >= 0:
        return text[body:gap].strip(lx.SPACE_CHARS), gap
    if after > end:
        return text[body:end].strip(lx.SPACE_CHARS), after
    title = text[body:stop].rstrip(lx.SPACE_CHARS)
    if title.endswith(tuple(lx.COLONS)):  # 做好以下工作： at the line's end: the colon opens what follows
        return title[:-1].rstrip(lx.SPACE_CHARS), body + len(title)
    return title, body + len(title)


def _space_after_title(text: str, body: int, end: int) -> int:
    """Where a full-width space, a tab or a run of spaces ends a title before ``end``, the heading's
    text running on after it on the same line (加强组织领导　建立…制度，…): the title holds two
    characters or more and no space (not a title set letter-spaced: 总　则, 组　织　领　导), and what
    follows is a sentence (it holds a clause mark).  -1 where none does."""
    gaps = (text.find("\u3000", body, end), text.find("\t", body, end), text.find("  ", body, end))
    if max(gaps) < 0:  # the common case: no space in the title
        return -1
    gap = min(k for k in gaps if k >= 0)
    title = text[body:gap].strip(lx.SPACE_CHARS)
    if len(title) < _SPACED_TITLE_MIN or any(ch in lx.SPACE_CHARS for ch in title):
        return -1
    after = gap
    while after < end and text[after] in lx.SPACE_CHARS:
        after += 1
    return gap if any(mark in text[after:end] for mark in lx.CLAUSE_ENDS) else -1


_SPACED_TITLE_MIN = 2  # characters of a title that a space parts from its text


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


def _notes_of(text: str, notes: list[LeadNote]) -> tuple[LeadNote | None, list[NoteRecord]]:
    """An item's notes: the units of all of them (an item may carry a note after each of its
    measures), and each note as a record."""
    if not notes:
        return None, []
    if len(notes) == 1:
        whole = notes[0]
    else:
        closing = merge_trailing(text, notes)
        whole = merge(notes)
        if closing is not None:
            whole = whole._replace(start=closing.start, end=closing.end)
    return whole, [n.record(text) for n in notes]


def _section_item(
    text: str, section: SectionRecord, span: list[int], head: Heading, number: int, notes: list[LeadNote]
) -> ItemRecord:
    """A section with no items whose own text carries a note: that text is its one item."""
    whole, records = _notes_of(text, notes)
    return {
        "number": number,
        "numeral": head.numeral,
        "section": head.value,
        "group": None,
        "title": section["title"],
        "text": text[span[0] : span[1]],
        "lead_units": whole.lead_units if whole else [],
        "cooperating_units": whole.cooperating_units if whole else [],
        "lead_span": [whole.start, whole.end] if whole else None,
        "notes": records,
        "deadline": None,
        "span": span,
        "line": head.line.number,
        "targets": [],
    }


def _item_record(
    text: str, block: _Block, number: int, section: int, group: GroupRecord | None, notes: list[LeadNote]
) -> ItemRecord:
    head = block.heading
    lines = block.lines
    whole, records = _notes_of(text, notes)
    end = lines[-1].end  # a line after the note is the task's (a box title, a sentence missing its 。)
    title_line = lines[1] if head.body >= lines[0].end and len(lines) > 1 else lines[0]  # （一） alone
    start = _after_leading_note(text, max(head.body, title_line.start), title_line, notes)
    title, _ = _title(text, start, _before_note(title_line, notes, start))
    return {
        "number": number,
        "numeral": head.numeral,
        "section": section,
        "group": group,
        "title": title,
        "text": text[head.line.start : end],
        "lead_units": whole.lead_units if whole else [],
        "cooperating_units": whole.cooperating_units if whole else [],
        "lead_span": [whole.start, whole.end] if whole else None,
        "notes": records,
        "deadline": None,
        "span": [head.line.start, end],
        "line": head.line.number,
        "targets": [],
    }


def _before_note(line: Line, notes: list[LeadNote], start: int | None = None) -> int:
    """Where a title on ``line`` (from ``start``) must stop: at the line's end, or at a note that
    starts on it."""
    if not notes:
        return line.end
    first = line.start if start is None else start
    return min([line.end] + [n.start for n in notes if first <= n.start < line.end])


def _after_leading_note(text: str, start: int, line: Line, notes: list[LeadNote]) -> int:
    """Where the title starts: after a note that opens the heading's words, the task's text after it
    (1．【A、B】推进…。, （一）（A负责，B协助）实施…。: the title is 推进…, 实施…), else at ``start``."""
    if not notes:
        return start
    pos = start
    while pos < line.end and text[pos] in lx.SPACE_CHARS:
        pos += 1
    note = next((n for n in notes if n.start == pos), None)
    if note is None or note.end >= line.end:
        return start
    pos = note.end
    while pos < line.end and text[pos] in lx.SPACE_CHARS:
        pos += 1
    return pos


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
