"""Lead-unit notes -> the lead and cooperating units of an item, and the note's other fields.

Recognises a note in brackets (（） () 【】 ［］ 〔〕), on a line of its own, or as
【责任单位】X, in full-width or ASCII punctuation::

    （牵头单位：省市场监管局）                 -> lead ["省市场监管局"]
    （牵头单位：X；配合单位：Y、Z）            -> lead ["X"], cooperating ["Y", "Z"]
    （牵头单位：X；责任单位：Y）               -> lead ["X"], cooperating ["Y"]
    （责任单位：A、B；完成时限：2023年底前）   -> lead ["A", "B"]; field 完成时限 kept
    （X牵头，Y、Z配合） / （由X牵头，Y参与）   -> lead ["X"], cooperating ["Y", "Z"]
    【由X牵头、Y参与】                         -> lead ["X"], cooperating ["Y"]  (、 after a role's verb parts)
    （X会同Y负责）                             -> lead ["X"], cooperating ["Y"]
    （X负责，Y、Z按职责分工负责）              -> lead ["X"], cooperating ["Y", "Z"]  (Y, Z act under X)
    【X负总责，Y协助】 / 〔X统筹，Y具体落实〕   -> lead ["X"], cooperating ["Y"]  (X steers: 主抓, 抓总)
    （X牵头推进，Y配合落实）                   -> lead ["X"], cooperating ["Y"]  (a run of verbs)
    （X指导，Y实施） / （X负责，Y实施）        -> lead ["X"], cooperating ["Y"]  (Y carries out what X steers)
    （牵头单位 X；配合单位 Y） / （牵头单位X，配合单位Y） / （牵头单位为X）   (labels without a colon)
    （X；参与部门：Y）                         -> lead ["X"], cooperating ["Y"]
    （X牵头，联系县领导：张某某）              -> lead ["X"]; 联系县领导 a field (a label ending 领导, 责任人: persons)
    （牵头：X；参与：Y；时限：…） / （负责：X；协助：Y）  -> lead ["X"], cooperating ["Y"]  (a role word as label)
    （承办单位：A、B；协办单位：C）            -> lead ["A", "B"], cooperating ["C"]  (whatever the rule)
    （A、B牵头负责）                           -> lead ["A", "B"]
    （A、B按职责分工负责）                     -> lead ["A", "B"]  (each answers for its part)
    （A、B负责，2024年起每年开展）             -> lead ["A", "B"]; 2024年起每年开展 a field (when, not who)
    （A、B负责） / （责任单位：A、B）          -> lead ["A", "B"]  (they share the task) …
    … unless the plan says the unit listed first leads (列第一位者为牵头单位，下同): then
                                               -> lead ["A"], cooperating ["B"]
    （责任单位：*A、B） / （A★、B负责）        -> lead ["A"], cooperating ["B"]  (marked lead, before or after)
    （A（别名）、B、各地） at a line's end, wrapped over lines or not -> lead ["A（别名）", "B", "各地"]
    （A（中央驻闽单位）、B）                  -> lead ["A", "B"]  (the kind of body A is: a remark, as 〈含…〉 is)
    （A、B；时限：长期） / （A、B；2025年底前完成） at a line's end -> lead ["A", "B"]; the time a field
    （A、B；分管领导：张某某） at a line's end -> lead ["A", "B"]; 分管领导 a field (units alone, then fields)
    1．【A、B】推进… / （一）（A、B）实施… before the task's text -> lead ["A", "B"]  (units alone, as at the end)
    [责任单位：A；C为各项措施的共同责任单位，以下不再列出] -> lead ["A", "C"], and C leads every later note
    …。——A、B、C等 / ——A牵头，B配合，11月底前完成 after the task's last sentence or on a line of its own
                                               -> read as （A、B、C） / （A牵头，B配合，11月底前完成） are
    …。——A、B（2026年4月底前） / ——A、B（长期坚持） / （A、B（2025—2026年））
                                               -> lead ["A", "B"]; the bracket's time a field (no name of B)
    （6）某某工程。……。　　A　B　C on an item's line, after a run of spaces, every part a unit's name
                                               -> read as （A、B、C） is
    …。责任单位为A、B。 / 牵头单位为A，配合单位为B。 as the last sentence of the task's paragraph
                                               -> read as 责任单位：A、B / 牵头单位：A；配合单位：B are

The plan's own statement of how to read its notes is found once per plan, wherever it
stands: in a note (it holds for that note, and from there on when it says 下同), or in the
notice, under the 附件 heading or in a closing 说明 (it holds for every note).

Units are separated by 、 ， , ； or /, except inside brackets and in a distributive
phrase (各区、县级市; 各省、自治区、直辖市人民政府: one kind of unit, not several).  Vague
tails name no unit (商务部等有关部门 is 商务部; A、B等和各省级人民政府 is A, B and
各省级人民政府).  Emits, per note, ``lead_units``, ``cooperating_units``, the other
``fields`` (label and span of the value) and the note's span.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, count
from operator import add
from typing import NamedTuple

import regex

from zhiliang_cli.records import NoteRecord

from . import lexicon as lx
from .lines import HEADING_FIRST, Line, LineIndex, heading_at
from .patterns import (
    FIRST_IS_LEAD_REACH,
    FIRST_IS_LEAD_TAIL,
    FIRST_IS_LEAD_WORD,
    RE_ADMIN_DISTRIBUTIVE,
    RE_ADMIN_LEVEL_START,
    RE_BODY_CATEGORY_ASIDE,
    RE_BRACKET,
    RE_BRACKET_AT_LINE_END,
    RE_BRACKETED_FIELD,
    RE_BRACKETED_LABEL_NOTE,
    RE_CARRY_HINT,
    RE_COOPERATING_ASIDE,
    RE_FIELD_VALUE_BELOW,
    RE_FIELD_VALUE_REST,
    RE_FOLLOWING_UNITS,
    RE_FROM_HERE_ON,
    RE_GROUPED_NOTE,
    RE_HAS_DIGIT,
    RE_INLINE_LEAD_START,
    RE_LABELLED_SENTENCE,
    RE_LEAD_ASIDE,
    RE_LEAD_LINE,
    RE_LEAD_RULE,
    RE_LINE_REST,
    RE_LINE_WRAP,
    RE_NOTE_CUE,
    RE_NOTE_LABEL,
    RE_NUMBER_IN_NAME,
    RE_PLACE_THEN_OFFICE,
    RE_QUANTITY,
    RE_RULE_ASIDE,
    RE_RULE_WORD,
    RE_SCOPE_ASIDE,
    RE_SENTENCE_END_OF_LINE,
    RE_SPACE_RUN,
    RE_SPACED_NOTE,
    RE_TIME,
    RE_TRAILING_BRACKETS,
    RE_UNIT_END,
    RE_UNIT_LIST_REMARK,
    RE_UNIT_TRAILER,
    RE_VAGUE_JOIN,
    RE_YEAR_SPAN,
)
from .times import is_deadline_phrase, is_time_remark, opening_deadline

_OPEN = set(lx.NOTE_OPEN_BRACKETS + "《“")
_CLOSE = set(lx.NOTE_CLOSE_BRACKETS + "》”")
#: The opening bracket each closing one pairs with; （ and ( pair with either ） or ).
_PAIRS = {")": "(（", "）": "(（", "】": "【", "］": "［", "〕": "〔", "〉": "〈", "]": "["}
_BARE_NAME = 2  # characters of a name that is only an office's kind (政府, 党委): 各区党委和政府 is one unit
MAX_UNIT_NAME = 200  # characters: the longest real names are about 30; longer is not a unit's name
MAX_NOTE = 100_000  # characters a bracket may stay open (a note naming 1,000 units is ~10,000)
_NESTING = 2  # brackets tried outwards from a cue: （省市场监管局（省知识产权局）牵头）


class NoteField(NamedTuple):
    """A field of a note that is not a unit list (完成时限：2023年底前): its label and value."""

    label: str  # as printed, "" for an unlabelled time (（X牵头，2023年底前完成）)
    start: int
    end: int


class LeadNote(NamedTuple):
    """A lead-unit note found in a text: where it is and what it names."""

    start: int
    end: int
    lead_units: list[str]
    cooperating_units: list[str]
    shared: bool = False  # the units share the task (责任单位: A、B) with no lead singled out
    fields: tuple[NoteField, ...] = ()
    readable: bool = True  # False: a labelled note from which no unit could be read
    groups: tuple[tuple[str, ...], ...] = ()  # the units as the note's commas part them (A、B，C负责)

    def first_leads(self) -> LeadNote:
        """The note read as "the unit listed first leads": 责任单位：A、B -> lead A, cooperating B."""
        if not self.shared or len(self.lead_units) < 2:
            return self
        lead, *rest = self.lead_units
        return self._replace(lead_units=[lead], cooperating_units=rest + self.cooperating_units, shared=False)

    def comma_leads(self) -> LeadNote:
        """The note read as "the units before the first comma lead": A、B，C、D负责 -> lead A and B,
        cooperating C and D.  A note with no comma names leads only."""
        if not self.shared or len(self.groups) < 2:
            return self
        first = set(self.groups[0])
        lead = [u for u in self.lead_units if u in first]
        if not lead:
            return self
        rest = [u for u in self.lead_units if u not in first]
        return self._replace(lead_units=lead, cooperating_units=rest + self.cooperating_units, shared=False)

    def read_by(self, rule: str) -> LeadNote:
        """The note read by the plan's rule: ``rank`` (the first unit leads) or ``comma``."""
        return self.first_leads() if rule == "rank" else self.comma_leads()

    def record(self, text: str) -> NoteRecord:
        """The note as an item's record gives it: its span, its units and its fields as printed."""
        return {
            "span": [self.start, self.end],
            "lead_units": self.lead_units,
            "cooperating_units": self.cooperating_units,
            "fields": [
                {"label": field.label, "text": text[field.start : field.end], "span": [field.start, field.end]}
                for field in self.fields
            ],
        }


class _Reading(NamedTuple):
    """What a note's body says, before the plan's rule is applied."""

    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    shared: bool
    fields: tuple[tuple[str, int, int], ...]  # label, start and end in the body
    labelled: bool
    groups: tuple[tuple[str, ...], ...] = ()  # the units as the note's commas part them


# --- finding notes ---------------------------------------------------------------------


def find_notes(text: str, start: int, end: int, line_starts: Iterable[int] | None = None) -> list[LeadNote]:
    """Every note in ``text[start:end]``, in order of position, read with the plan's own rule
    (found anywhere in ``text``); ``line_starts``, where the caller knows them, saves a scan for
    notes on lines of their own.  Labelled notes that name no unit come back unreadable.

    >>> [n.lead_units for n in find_notes("做好工作。(牵头单位:省林业局)", 0, 17)]
    [['省林业局']]
    >>> find_notes("（一）无注。", 0, 6)
    []
    """
    cues = _cues(text, start, end)
    marks = _Marks(text, start, end)
    notes = list(_bracket_notes(text, start, end, cues, marks))
    readable = [n for n in notes if n.readable]
    cut = _cut_off(text, readable[-1].end if readable else start, end)
    if cut is not None:
        notes = [n for n in notes if n.end <= cut.start or n.start >= cut.end]
        notes.append(cut)
    if line_starts is None:
        line_starts = (ln.start for ln in LineIndex(text).lines if start <= ln.start < end)
    line_starts = list(line_starts)
    taken = _Spans([(n.start, n.end) for n in notes])
    others = [
        _wrapped_last_field(text, _note(m.start("body"), m.end("body"), text, m.start("body")), end)
        for m in _notes_at(text, line_starts, end)
        if not taken.holds(m.start("body"))
    ]
    others += [  # …做好工作。责任单位：X、Y (to the end of the line)
        _wrapped_last_field(text, _note(m.start("body"), m.end("body"), text, m.start("body")), end)
        for m in _inline_notes(text, start, end, cues)
        if not taken.holds(m.start("body"))
    ]
    others += _bare_notes(text, line_starts[0] if line_starts else end, end, taken, marks)
    others += _dash_notes(text, start, end, taken)
    others += _spaced_notes(text, start, end, line_starts, taken)
    others += _sentence_notes(text, start, end, cues, taken)
    others += [  # 【责任单位】X: read as 责任单位：X, with the fields in 【】 that follow it
        _bracketed_label_note(text, m, end)
        for m in RE_BRACKETED_LABEL_NOTE.finditer(text, start, end)
        if not taken.holds(m.start())
    ]
    others += _alone_in_their_items(_leading_notes(text, line_starts, end, taken, marks), notes + others)
    if others:
        notes = sorted(notes + others, key=lambda n: n.start)
    notes = [n for n in notes if n.lead_units or n.cooperating_units or not n.readable]
    return apply_rules(text, notes)


def _bracketed_label_note(text: str, match: re.Match[str], end: int) -> LeadNote:
    """【责任部门】A、B【完成时间】2025年12月底前 (the field on the same line or the next): the units
    read as 责任部门：A、B, each field kept with its span, as the fields of （…：…；完成时限：…） are."""
    note = _note_of_body(match.start(), match.end(), f"{match.group('label')}：{match.group('units')}", None)
    fields: list[NoteField] = []
    stop = match.end()
    while (field := RE_BRACKETED_FIELD.match(text, stop, end)) is not None:
        value = _field_value(text, field, end)
        if value is None:
            break  # a label with no value (【完成时间】。): no field, and the note ends before it
        fields.append(NoteField(field.group("label"), *value))
        stop = value[1]
    return note._replace(end=stop, fields=note.fields + tuple(fields)) if fields else note


def _field_value(text: str, field: re.Match[str], end: int) -> tuple[int, int] | None:
    """The span of a 【】 field's value as printed: on the label's line; run on over the line end
    where a time is wrapped there (【完成时间】2025年⏎12月底前); or on the next line, where the label
    ends its own and a time opens that line (【完成时间】⏎2025年12月底前).  None where it has none.

    >>> from .patterns import RE_BRACKETED_FIELD as F
    >>> [_field_value(t, F.match(t), len(t)) for t in ("【完成时间】2025年\\n12月底前", "【完成时间】\\n长期坚持")]
    [(6, 17), (7, 11)]
    """
    start, stop = field.span("value")
    if start < 0:  # nothing after the label on its line
        below = RE_FIELD_VALUE_BELOW.match(text, field.end(), end)
        if below is None:
            return None
        value = below.group("value")
        return below.span("value") if is_deadline_phrase(value) or opening_deadline(value) is not None else None
    return start, _wrapped_time_end(text, start, stop, end)


def _wrapped_time_end(text: str, start: int, stop: int, end: int) -> int:
    """Where a field's value that starts at ``start`` and stops at a line end at ``stop`` ends: past
    the line end, to the end of the value's words on the next line, where a time opens the value and
    goes on there (2025年⏎12月底前完成); else ``stop``.

    >>> text = "完成时限：2025年\\n12月底前完成\\n（二）"
    >>> text[5 : _wrapped_time_end(text, 5, 10, len(text))]
    '2025年\\n12月底前完成'
    """
    if text[stop - 1] not in _TIME_CUT_AFTER:  # 2025年, 2025年12月, 2025: a time may go on below
        return stop
    time = RE_TIME.match(text, start, end)
    time_end = _content_end(text, time.end()) if time is not None else stop
    if time_end <= stop:
        return stop
    rest = RE_FIELD_VALUE_REST.match(text, time_end, end)  # 完成 after 12月底前
    return rest.end() if rest is not None else time_end


def _wrapped_last_field(text: str, note: LeadNote, end: int) -> LeadNote:
    """A note that ends a line with a time field cut there (完成时限：2025年⏎12月底前, on lines of its
    own or after the item's last sentence): the field and the note run on to the time's end."""
    if not note.fields or note.fields[-1].end != note.end:
        return note
    last = note.fields[-1]
    stop = _wrapped_time_end(text, last.start, last.end, end)
    if stop == last.end:
        return note
    return note._replace(end=stop, fields=(*note.fields[:-1], last._replace(end=stop)))


#: What a time wrapped at a line end may stop at there: a digit, a numeral, 年 or 月 (2025年⏎12月底前,
#: 2025⏎年底前); a time that ends its line whole ends in 前, 底, 末, 日 or a word (长期坚持).
_TIME_CUT_AFTER = frozenset("0123456789" + lx.FULLWIDTH_DIGITS + "〇零一二两三四五六七八九十年月")


def _bare_notes(text: str, start: int, end: int, taken: _Spans, marks: _Marks | None = None) -> list[LeadNote]:
    """Notes that only list units, in brackets at the end of a line: …控制在5%以内。（市住建局、市自然资源
    和规划局） or （六）加强人才队伍建设（省人社厅、省教育厅）, names in brackets of their own
    （省委网信办（省互联网信息办公室）、各地） and notes wrapped over lines in a printed copy included.
    They read as 责任单位：… does.  The closing brackets are looked at among ``marks``, where they
    hold the stretch."""
    found_notes: list[LeadNote] = []
    if marks is not None and marks.start <= start and end <= marks.end:
        closes: Iterable[int] = marks.line_end_closes(text, start, end)
    else:
        closes = (found.start() for found in RE_BRACKET_AT_LINE_END.finditer(text, start, end))
    for close in closes:
        if taken.holds(close):
            continue  # the end of a note already read (most brackets that end a line)
        opening = _opening_of(text, close, start)
        if opening is None:
            continue
        note = _units_alone_note(text, opening, close)
        if note is not None:
            found_notes.append(note)
    return found_notes


def _units_alone_note(text: str, opening: int, close: int) -> LeadNote | None:
    """The note in the brackets at ``opening`` and ``close`` where they hold units alone (read as
    责任单位：… is), or units and then when the task is due; None where they hold anything else."""
    return _units_alone(text, opening + 1, close, opening, close + 1)


def _units_alone(text: str, body_start: int, body_end: int, start: int, end: int) -> LeadNote | None:
    """The note spanning ``start`` to ``end`` whose words, ``text[body_start:body_end]``, are units
    alone, or units and then when the task is due or fields that name no unit; else None."""
    body = text[body_start:body_end]
    fields: tuple[NoteField, ...] = ()
    timed_bracket = _units_then_bracketed_time(body) if body.rstrip(lx.SPACE_CHARS)[-1:] in _PAIRS else None
    if timed_bracket is not None:  # ——A、B（2026年4月底前） · ——A、B（长期坚持）: the units, then when
        units, (label, field_start, field_end) = timed_bracket
        fields = (NoteField(label, body_start + field_start, body_start + field_end),)
    elif not (units := _bare_units(body)):  # （A、B；时限：长期） · （A、B；2025年底前完成）: the units, then when
        timed = _units_then_time(body)
        if timed is not None:
            units, (label, field_start, field_end) = timed
            fields = (NoteField(label, body_start + field_start, body_start + field_end),)
        else:  # （A；分管领导：张某某）: the units, then labelled fields
            labelled = _units_then_fields(body)
            if labelled is None:
                return None
            units, found = labelled
            fields = tuple(NoteField(label, body_start + a, body_start + b) for label, a, b in found)
    return _units_note(units, fields, start, end)


def _units_note(units: list[str], fields: tuple[NoteField, ...], start: int, end: int) -> LeadNote:
    """The note spanning ``start`` to ``end`` that lists ``units`` alone: they share the task,
    unless some are marked as leading (*A、B / A★、B)."""
    lead, cooperating = _marked_lead(units, [])  # （*A、B） / （A★、B）: A leads
    shared = len(lead) > 1 and not _has_marks(lead)
    lead, cooperating = [_unmark(u) for u in lead], [_unmark(u) for u in cooperating]
    return LeadNote(start, end, lead, cooperating, shared=shared, fields=fields)


def _dash_notes(text: str, start: int, end: int, taken: _Spans) -> list[LeadNote]:
    """Notes set off by an em dash, without brackets, to the end of their line: after the task's
    last sentence (……。——A、B、C) or on a line of their own under it (——A牵头，B配合，11月底前完成).
    Only where what follows the dash reads whole as a note (:func:`_dash_note`); a dash inside a
    sentence (……——这是…) or opening a line of goals (——创新能力显著增强。) is text.  The last dash of
    each line is the one looked at: a note runs to its line's end and holds no dash.

    >>> t = "做好工作。——市甲局、市乙局\\n——坚持创新驱动。"
    >>> [n.lead_units for n in _dash_notes(t, 0, len(t), _Spans([]))]
    [['市甲局', '市乙局']]
    """
    found: list[LeadNote] = []
    pos = text.find(lx.NOTE_DASH, start, end)
    while pos >= 0:
        rest = RE_LINE_REST.match(text, pos, end)
        line_end = rest.end() if rest is not None else end
        note = _dash_note(text, text.rfind(lx.NOTE_DASH, pos, line_end), line_end, taken)
        if note is not None:
            found.append(note)
        pos = text.find(lx.NOTE_DASH, line_end, end)
    return found


def _dash_note(text: str, dash: int, line_end: int, taken: _Spans) -> LeadNote | None:
    """The note after the dash at ``dash``, to ``line_end``, where the dash follows a sentence's end
    or opens its line, and what follows it is units alone (the plan's rule applies; a vague 等 is
    dropped), units then a time or fields, or role clauses (A牵头，B、C配合), a time last the note's
    deadline — every name an office's or a collective's; else None."""
    before = dash
    while before > 0 and text[before - 1] in lx.SPACE_CHARS:
        before -= 1
    if before > 0 and text[before - 1] not in _NOTE_AFTER:
        return None
    body_start = dash + len(lx.NOTE_DASH)
    while body_start < line_end and text[body_start] in lx.SPACE_CHARS:
        body_start += 1
    stop = _content_end(text, line_end)
    body_end = stop - 1 if stop > body_start and text[stop - 1] in _DASH_NOTE_STOPS else stop
    if (
        body_end <= body_start
        or body_end - body_start > _WRAP_REACH
        or taken.holds(body_start)
        or any(ch in lx.FULL_STOPS for ch in text[body_start:body_end])
    ):
        return None
    note = _units_alone(text, body_start, body_end, dash, stop)
    if note is None:
        note = _note(dash, stop, text, body_start, body_end)
    return note if _offices_alone(note) else None


def _spaced_notes(text: str, start: int, end: int, line_starts: list[int], taken: _Spans) -> list[LeadNote]:
    """Units after an item's task, on its line, set off by a run of spaces alone, no bracket, no
    dash, no label — as a list of projects one to a line prints them::

        （6）城区供热管网改造工程。……。　　市城市管理局　市住房城乡建设局　某某热力有限公司

    Read as units alone in brackets are (the plan's rule applied), and only where the line opens
    with an item's heading, the run follows the task's last sentence and every part after it,
    parted by single spaces or 、, is an office's name or a collective's: text after spaces, a
    cell of a table wrapped over lines, is no note.

    >>> t = "（6）改造管网。　　市甲局　市乙局\\n（7）建设园区。　　详见附件"
    >>> [n.lead_units for n in _spaced_notes(t, 0, len(t), [0, 18], _Spans([]))]
    [['市甲局', '市乙局']]
    """
    found: list[LeadNote] = []
    for match in RE_SPACED_NOTE.finditer(text, start, end):
        units_start = match.start("units")
        k = bisect_right(line_starts, units_start) - 1
        if k < 0 or taken.holds(units_start):
            continue
        line_start = line_starts[k]
        if text[line_start] not in HEADING_FIRST or heading_at(text, Line(0, line_start, match.end())) is None:
            continue  # not an item's line
        units_end = _content_end(text, match.end())
        units = _bare_units("、".join(RE_SPACE_RUN.split(text[units_start:units_end])))
        if units:
            found.append(_units_note(units, (), units_start, units_end))
    return found


def _sentence_notes(text: str, start: int, end: int, cues: list[tuple[int, int]], taken: _Spans) -> list[LeadNote]:
    """Notes stated as the last sentence of a task's paragraph, opened by a label and 为: ……。责任
    单位为A、B、C。 / 牵头单位为A，配合单位为B。 — read as 责任单位：A、B、C is.  Only a sentence that
    opens with the label (after a full stop, or at its line's start), ends its line and names units
    alone is a note; a label with 为 inside a sentence, or followed by more of the paragraph, is the
    task's text, and so is an unlabelled 由A牵头，B配合。 in running text (docs/reading.md).  Only cues
    are looked at, and each sentence is read once.

    >>> t = "做好。责任单位为市甲局、市乙局。"
    >>> [n.lead_units for n in _sentence_notes(t, 0, len(t), [(3, 7)], _Spans([]))]
    [['市甲局', '市乙局']]
    >>> t = "做好。责任单位为市甲局、市乙局。抓好落实。"
    >>> _sentence_notes(t, 0, len(t), [(3, 7)], _Spans([]))
    []
    """
    found: list[LeadNote] = []
    for pos, _ in cues:
        if pos > 0 and text[pos - 1] not in _NOTE_AFTER_OR_SPACE:
            continue  # inside a sentence (most cues): _opens_a_sentence, without a call
        if not _opens_a_sentence(text, pos) or taken.holds(pos):
            continue
        sentence = RE_LABELLED_SENTENCE.match(text, pos, end)
        if sentence is None:
            continue
        tail = RE_SENTENCE_END_OF_LINE.match(text, sentence.end(), end)
        if tail is None:
            continue  # more of the paragraph after it
        note = _note(pos, tail.end("stop"), text, pos, _content_end(text, sentence.end()))
        if note.readable and _offices_alone(note):
            found.append(note)
    return found


def _opens_a_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence: a full stop or a line break before it, spaces aside."""
    while pos > 0 and text[pos - 1] in lx.SPACE_CHARS:
        pos -= 1
    return pos == 0 or text[pos - 1] in _NOTE_AFTER


def _offices_alone(note: LeadNote) -> bool:
    """Whether a note without brackets names units, each an office (three characters or more, ending
    as an office's name does) or a collective (各县（市、区）党委和政府): a slogan set off as a note is
    (党委领导，政府负责 names no office), and text is not read as one."""
    units = note.lead_units + note.cooperating_units
    return bool(units) and all(_bare_unit(u) or _collective(u) for u in units)


_NOTE_AFTER = frozenset(lx.FULL_STOPS + "\r\n")  # what a note without brackets follows: a sentence's end, a line's
_NOTE_AFTER_OR_SPACE = _NOTE_AFTER | frozenset(lx.SPACE_CHARS)
_DASH_NOTE_STOPS = frozenset(lx.FULL_STOPS + "；;")  # a mark that may end such a note (……——A、B。)


def _leading_notes(
    text: str, line_starts: list[int], end: int, taken: _Spans, marks: _Marks | None = None
) -> list[tuple[LeadNote, int]]:
    """Notes that only list units, in brackets right after an item's marker, before the task's text:
    1．【省发改委、省工信厅】推进…。 or （一）（县住建局、县财政局）实施….  They read as the notes at a
    line's end do, and only where the bracket holds units alone (a scope, an aside, a name in
    brackets at an item's start is text).  Only lines that open with a heading are looked at.
    Each comes with where its entry ends: the start of the next line that opens with a heading.
    The opening brackets are looked up among ``marks``, where they hold the stretch."""
    found: list[tuple[LeadNote, int]] = []
    last = len(line_starts) - 1
    for k, pos in enumerate(line_starts):
        if pos >= end or text[pos] not in HEADING_FIRST:
            continue
        bound = min(end, line_starts[k + 1]) if k < last else end  # as _line_bound, inline: every line comes here
        if marks is not None and marks.start <= pos + 1 and bound <= marks.end:
            first_open = marks.first_open(pos + 1, bound)
        else:
            found_open = _RE_NOTE_OPENER.search(text, pos + 1, bound)
            first_open = found_open.start() if found_open is not None else None
        if first_open is None or text[first_open - 1] not in _MARKER_LAST:
            continue  # no bracket after the line's first character that can follow a heading's marker
        heading = heading_at(text, Line(0, pos, bound))
        if heading is None or text[heading.body : heading.body + 1] not in _NOTE_OPENERS:
            continue
        opening = heading.body
        close = _closing_on_line(text, opening, bound)
        if close is None or taken.holds(opening) or RE_BRACKET_AT_LINE_END.match(text, close, end) is not None:
            continue  # a note already read, or one that ends its line (read with those)
        note = _units_alone_note(text, opening, close)
        if note is None:
            continue
        following = k + 1  # the entry runs to the next heading (each line after it is looked at once)
        while following < len(line_starts) and (
            text[line_starts[following]] not in HEADING_FIRST
            or heading_at(text, Line(0, line_starts[following], _line_bound(line_starts, following, end))) is None
        ):
            following += 1
        found.append((note, _line_bound(line_starts, following - 1, end)))
    return found


def _line_bound(line_starts: list[int], k: int, end: int) -> int:
    """Where the ``k``-th line ends at the latest: where the next one starts."""
    return min(end, line_starts[k + 1]) if k + 1 < len(line_starts) else end


def _alone_in_their_items(leading: list[tuple[LeadNote, int]], others: list[LeadNote]) -> list[LeadNote]:
    """The notes before an item's text in items that carry no other note: where an item names its
    units at its end (1．【数字政府】建设…。（牵头单位：省数据局）), the bracket before its text is a tag of
    its title, not a note."""
    starts = sorted(n.start for n in others if n.readable)
    return [note for note, stop in leading if bisect_left(starts, note.end) == bisect_left(starts, stop)]


_NOTE_OPENERS = frozenset(lx.NOTE_OPEN_BRACKETS)
#: What a heading's marker ends with (lines.RE_HEADING: 1.1, 一、, 第一条, 第一章, 第一部分, （一）, 1., 1、, 2 总则),
#: and the spaces after it: the bracket that opens a heading's body follows one of these.  A marker holds
#: no opening bracket after its first character, so that bracket is the first one after it on the line.
_MARKER_LAST = frozenset(
    "0123456789" + lx.FULLWIDTH_DIGITS + lx.LEVEL1_MARKS + ".．﹒、" + "条章分" + lx.CLOSE_PARENS + lx.SPACE_CHARS
)
_RE_NOTE_OPENER = re.compile("[" + re.escape(lx.NOTE_OPEN_BRACKETS) + "]")


def _closing_on_line(text: str, opening: int, end: int) -> int | None:
    """The bracket that closes the one at ``opening``, on its line and within _WRAP_REACH characters.

    >>> _closing_on_line("1．【甲局（乙办）、丙局】推进", 2, 16), _closing_on_line("（甲局\\n乙局）", 0, 7)
    (12, None)
    """
    depth = 0
    for pos in range(opening, min(end, opening + _WRAP_REACH)):
        ch = text[pos]
        if ch in "\r\n":
            return None
        if ch in _PAIRS:
            depth -= 1
            if depth == 0:
                return pos if text[opening] in _PAIRS[ch] else None
        elif ch in _NOTE_OPENERS:
            depth += 1
    return None


def _units_then_time(body: str) -> tuple[list[str], tuple[str, int, int]] | None:
    """The units of a bracket that lists units and then, after its last ； or ，, when the task is
    due: a deadline field (时限：长期, 完成时限：2025年底前) or a time alone (2025年底前完成).  The
    units read as units alone in brackets do; the time is the note's field (its label, start and
    end in ``body``).  None where the bracket is anything else.

    >>> _units_then_time("公路局、财务审计司；时限：长期")
    (['公路局', '财务审计司'], ('时限', 13, 15))
    >>> _units_then_time("市商务局，2025年底前完成"), _units_then_time("含食品，2025年底前")
    ((['市商务局'], ('', 5, 12)), None)
    """
    sep = max(body.rfind(ch) for ch in _TIME_CLAUSE_SEPARATORS)
    if sep <= 0:
        return None
    start = sep + 1
    while start < len(body) and body[start] in lx.SPACE_CHARS:
        start += 1
    stop = _content_end(body)
    if start >= stop:
        return None
    field = _time_field(body, start, stop)
    if field is None:
        return None
    units = _bare_units(body[:sep])
    return (units, field) if units else None


def _units_then_bracketed_time(body: str) -> tuple[list[str], tuple[str, int, int]] | None:
    """The units of a list that ends in brackets saying when the task is due or runs (……——A、B
    （2026年4月底前）, （长期坚持）, （2025—2026年）, （完成时限：2025年底前）, （2025年起）): the units read
    as units alone do, the bracket's words the note's time field (its label, start and end in
    ``body``) — a time is no other name of the unit before it.  None where the list or the bracket
    is anything else.

    >>> _units_then_bracketed_time("县水利局、县财政局（长期坚持）")
    (['县水利局', '县财政局'], ('', 10, 14))
    >>> _units_then_bracketed_time("县水利局（2025—2026年）"), _units_then_bracketed_time("省监管局（省知识产权局）")
    ((['县水利局'], ('', 5, 15)), None)
    """
    close = _content_end(body) - 1
    opening = _opening_of(body, close, 0) if close > 0 and body[close] in _PAIRS else None
    if not opening:
        return None
    start, stop = opening + 1, close
    while start < stop and body[start] in lx.SPACE_CHARS:
        start += 1
    stop = _content_end(body, stop)
    if start >= stop:
        return None
    words = body[start:stop]
    field = _time_field(body, start, stop)
    if field is None and (RE_YEAR_SPAN.match(words.translate(_ASCII_DIGITS)) or is_time_remark(words)):
        field = ("", start, stop)  # 2025—2026年: the years it runs over; 2025年起: when it starts
    if field is None:
        return None
    units = _bare_units(body[:opening])
    return (units, field) if units else None


_ASCII_DIGITS = str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789")


def _units_then_fields(body: str) -> tuple[list[str], tuple[tuple[str, int, int], ...]] | None:
    """The units of a bracket that lists units alone up to its first ；, and then labelled fields of
    the note that name no units (分管领导：张某某, 备注：…): the units read as units alone in brackets
    do; each field's label, start and end in ``body``.  None where the bracket is anything else.

    >>> _units_then_fields("环境影响评价处；分管领导：张某某")
    (['环境影响评价处'], (('分管领导', 13, 16),))
    >>> _units_then_fields("含食品；备注：每年更新"), _units_then_fields("市商务局；配合单位：市财政局")
    (None, None)
    """
    sep = next((k for k, _ in _clauses_at(body, "；;")), -1)
    if sep <= 0:
        return None
    label = RE_NOTE_LABEL.match(body, sep + 1)
    if label is None or label.group("label") is None or label.group("nocolon") is not None:
        return None
    if _label_role("".join(label.group("label").split())) is not None:
        return None  # a label of units (配合单位：…): a note of roles, read from its label
    units = _bare_units(body[:sep])
    reading = _read_cached(body)
    if not units or reading.cooperating or list(reading.lead) != units:
        return None
    return units, reading.fields


def _clauses_at(text: str, separators: str) -> Iterator[tuple[int, str]]:
    """Where the top-level ``separators`` of ``text`` stand (outside brackets), and which each is."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            yield i, ch


def _time_field(body: str, start: int, stop: int) -> tuple[str, int, int] | None:
    """``body[start:stop]`` as a deadline field (its label, and its value's start and end), labelled
    (时限：长期) or not (2025年底前完成: the time alone), or None where it says something else."""
    label = RE_NOTE_LABEL.match(body, start, stop) if body[start] in _DEADLINE_LABEL_FIRST else None
    if label is not None and label.group("label") and label.end() < stop:
        name = "".join(label.group("label").split())
        return (name, label.end(), stop) if name in lx.DEADLINE_LABELS else None
    tail = body[start:stop]
    due = opening_deadline(tail)
    if due is not None:
        return "", start, start + due
    return ("", start, stop) if is_deadline_phrase(tail) else None


_TIME_CLAUSE_SEPARATORS = "；;，,"
_DEADLINE_LABEL_FIRST = frozenset(label[0] for label in lx.DEADLINE_LABELS)


def _opening_of(text: str, close: int, lower: int) -> int | None:
    """The bracket that ``text[close]`` closes, looked for back to the sentence end before it and no
    further than _WRAP_REACH characters; None where it opens before, or with a bracket of another kind.

    >>> _opening_of("做好。（甲局（乙办）、丙局）", 13, 0), _opening_of("做好）", 2, 0)
    (3, None)
    """
    lower = max(lower, close - _WRAP_REACH)
    lower = max(lower, *(text.rfind(end, lower, close) + 1 for end in "。！？"))
    stack = [m.start() for m in RE_BRACKET.finditer(text, lower, close)]
    depth = 0
    for pos in reversed(stack):
        if text[pos] in _PAIRS:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return pos if text[pos] in _PAIRS[text[close]] else None
    return None


def _bare_units(body: str) -> list[str]:
    """The units a bracket lists and nothing else, or none.  Collectives (各地, 各高校) may stand
    beside the named offices; a body wrapped over lines (not over a blank one) is read joined.

    >>> _bare_units("市住建局、市自然资源和规划局"), _bare_units("含食品、药品"), _bare_units("省、市、县")
    (['市住建局', '市自然资源和规划局'], [], [])
    >>> _bare_units("省委宣传部、各地"), _bare_units("各区、各县"), _bare_units("县卫生健康局、各乡镇\\n人民政府")
    (['省委宣传部', '各地'], [], ['县卫生健康局', '各乡镇人民政府'])
    """
    if RE_NOTE_CUE.search(body) or body.startswith(lx.NOT_A_UNIT_LIST) or any(ch in body for ch in '。：:“”"'):
        return []
    if "\n" in body or "\r" in body:
        if any(not line.strip(lx.SPACE_CHARS) for line in body.splitlines()):
            return []  # a blank line: a paragraph ends inside, no note
        body = RE_LINE_WRAP.sub("", body)
    units = split_units(body)
    named = [_bare_unit(u) for u in units]
    ok = any(named) and all(n or _collective(u) for n, u in zip(named, units, strict=True))
    return [_without_scope(u) for u in units] if ok else []


def _bare_unit(unit: str) -> bool:
    """Whether a name in a bracket of names alone is an office's."""
    return (
        len(unit) >= _SHORTEST_BARE_UNIT
        and _names_a_unit(unit)
        and not unit.endswith(lx.PLACE_SUFFIXES)  # an office, not a place: 省、市、县 lists levels
        and not _digits_named_nothing(unit)
    )


def _digits_named_nothing(name: str) -> bool:
    """Whether ``name`` holds digits that are no part of a name: a quantity, a time, a code (5G);
    a service line's number inside a name (区12345热线中心, 12315指挥中心) is part of it.

    >>> [_digits_named_nothing(n) for n in ("区12345热线中心", "3个工作组", "2025年度办公室", "5G基站", "省商务厅")]
    [False, True, True, True, False]
    """
    if not RE_HAS_DIGIT.search(name):
        return False
    if RE_HAS_DIGIT.search(RE_NUMBER_IN_NAME.sub("", name)):
        return True
    return RE_QUANTITY.search(name) is not None or RE_TIME.search(name) is not None


def _collective(unit: str) -> bool:
    """Whether a name is every body of a kind (各地, 各高校, 各成员单位)."""
    return unit.startswith(lx.COLLECTIVE_PREFIX) and _names_a_unit(unit) and not _digits_named_nothing(unit)


_SHORTEST_BARE_UNIT = 3  # characters: 省人社厅, not 省 or 市 (各级（省、市、县）)


def _cues(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cue words of notes (牵头单位, 牵头, 负责 …) in ``text[start:end]``, as
    RE_NOTE_CUE.finditer finds them, in one scan."""
    return [cue.span() for cue in RE_NOTE_CUE.finditer(text, start, end)]


def _inline_notes(text: str, start: int, end: int, cues: list[tuple[int, int]]) -> Iterator[regex.Match[str]]:
    """Labelled notes that end a line after its last sentence, without brackets.  The label of each
    is a cue word right after a sentence's end (spaces between): only cues are looked at."""
    last = start
    for pos, _ in cues:
        before = pos - 1
        while before >= start and text[before] in lx.SPACE_CHARS:
            before -= 1
        if before < start or text[before] not in _INLINE_AFTER:
            continue
        found = RE_INLINE_LEAD_START.match(text, before, end)
        if found is None or found.end() < last:
            continue
        match = RE_LEAD_LINE.match(text, found.end(), end)  # its spaces are behind it: none to skip
        if match is not None:
            last = match.end()
            yield match


_INLINE_AFTER = frozenset("。；;！!？?")  # what RE_INLINE_LEAD_START opens with: a sentence's or clause's end


class _Spans:
    """Spans that do not overlap, looked up by position."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def holder(self, pos: int) -> int | None:
        """The index of the span holding ``pos``."""
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i][1] else None

    def holds(self, pos: int) -> bool:
        return self.holder(pos) is not None


def _notes_at(text: str, line_starts: Iterable[int], end: int) -> Iterator[re.Match[str]]:
    """Notes on lines of their own, looked for only where a line starts like one."""
    last = -1
    for pos in line_starts:
        if pos >= last and pos < len(text) and text[pos] in _LINE_NOTE_FIRST:
            match = RE_LEAD_LINE.match(text, pos, end)
            if match is not None:
                last = match.end()  # the block's later lines (配合单位：…, 完成时限：…) are in it
                yield match


_LINE_NOTE_FIRST = frozenset(
    label[0] for label in (*lx.LEAD_ROLES, *lx.SHARED_ROLES, *lx.COOPERATING_ROLES, *lx.BARE_LABELS, *lx.FIELD_LABELS)
)


class _Marks:
    """Every bracket and line break of a stretch of text, the brackets found by str.find and the
    line breaks in one split, in C, looked up by position: what the cue words of notes are looked
    at against."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        stretch = text[start:end]
        self.positions: list[int] = _positions_of(text, _BRACKET_CHARS, start, end)
        self.chars: list[str] = [text[pos] for pos in self.positions]
        self.breaks = _separators(stretch.split("\n"), start)
        if "\r" in stretch:
            self.breaks = sorted(self.breaks + _separators(stretch.split("\r"), start))
        self.brackets: _Brackets | None = None
        self._depth: list[int] | None = None
        self._opens: list[int] | None = None  # the opening brackets' positions, made when first asked for

    def _depths(self) -> list[int]:
        """Running sums over the brackets (an opening one +1, a closing one -1: ``depth[j]`` sums
        those before the j-th), made the first time they are asked for, so that a balance over any
        run of brackets is one subtraction (a line of many brackets and cue words stays linear)."""
        if self._depth is None:
            self._depth = [0, *accumulate(-1 if ch in _PAIRS else 1 for ch in self.chars)]
        return self._depth

    def first_open(self, start: int, end: int) -> int | None:
        """Where the first opening bracket in ``text[start:end]`` stands (within the stretch), if any."""
        if self._opens is None:
            self._opens = [pos for pos, ch in zip(self.positions, self.chars, strict=True) if ch not in _PAIRS]
        i = bisect_left(self._opens, start)
        return self._opens[i] if i < len(self._opens) and self._opens[i] < end else None

    def pairs(self) -> _Brackets:
        """The bracket pairs, made the first time they are asked for."""
        if self.brackets is None:
            self.brackets = _Brackets(list(zip(self.positions, self.chars, strict=True)))
        return self.brackets

    def line_end_closes(self, text: str, start: int, end: int) -> Iterator[int]:
        """Where RE_BRACKET_AT_LINE_END.finditer(text, start, end) matches: each closing bracket
        followed by what may end its line (tried with the pattern where the next character may)."""
        stop = min(end, len(text))  # (the pattern reads an end past the text's as the text's)
        first, last = bisect_left(self.positions, start), bisect_left(self.positions, stop)
        for pos, ch in zip(self.positions[first:last], self.chars[first:last], strict=True):
            if (
                ch in _PAIRS
                and (pos + 1 >= stop or text[pos + 1] in _MAY_END_A_LINE)
                and RE_BRACKET_AT_LINE_END.match(text, pos, end) is not None
            ):
                yield pos

    def enclosure(self, pos: int, lower: int) -> tuple[int, int] | bool:
        """The brackets around ``pos`` when they hold no other bracket and no line break: the
        opening one before it (not before ``lower``) and the closing one after it, of one kind.
        Else whether ``pos`` may stand inside brackets: one left open on its line before it, or in
        the lines just above (a note wrapped over lines in a printed copy).  Most cue words stand
        in running text (指导各地…), and need no closer look: both are read from one lookup of
        ``pos`` among the brackets and one among the line breaks."""
        positions, breaks = self.positions, self.breaks
        i = bisect_left(positions, pos)
        b = bisect_left(breaks, pos)
        line_break = breaks[b - 1] if b > 0 else -1  # the last line break before pos
        if 0 < i < len(positions) and positions[i - 1] >= lower:
            opening, closing = self.chars[i - 1], self.chars[i]
            if (
                closing in _PAIRS
                and opening in _PAIRS[closing]
                and line_break < positions[i - 1]
                and (b == len(breaks) or breaks[b] > positions[i])  # no line break between them
            ):
                return positions[i - 1], positions[i]
        depth = self._depths()
        line_start = max(lower, line_break + 1)
        if i > 0 and positions[i - 1] >= line_start and depth[i] - depth[bisect_left(positions, line_start)] > 0:
            return True  # (no bracket on the line before pos: nothing left open there)
        if line_break < lower:
            return False  # no line break between lower and pos: nothing above to look at
        above = bisect_left(positions, line_break)
        reach = max(lower, line_break - _WRAP_REACH)
        if above == 0 or positions[above - 1] < reach:
            return False  # no bracket in the lines just above
        return depth[above] - depth[bisect_left(positions, reach)] > 0


_MAY_END_A_LINE = frozenset("。.\r\n" + lx.SPACE_CHARS)  # what follows a bracket that ends its line


def _positions_of(text: str, chars: str, start: int, end: int) -> list[int]:
    """Where any of ``chars`` stands in ``text[start:end]``, in order: each character is found by
    str.find, which skips to it in C faster than a pattern's character class tests each character.

    >>> _positions_of("（甲）、(乙)", "（）()", 0, 7)
    [0, 2, 4, 6]
    """
    found: list[int] = []
    for ch in chars:
        pos = text.find(ch, start, end)
        while pos >= 0:
            found.append(pos)
            pos = text.find(ch, pos + 1, end)
    found.sort()
    return found


#: Every bracket a note may open or close with (RE_BRACKET's).
_BRACKET_CHARS = lx.NOTE_OPEN_BRACKETS + lx.NOTE_CLOSE_BRACKETS


def _separators(pieces: list[str], start: int) -> list[int]:
    """Where the separators stand that split a text from ``start`` into ``pieces`` (each one
    character: the k-th follows the pieces before it and the k separators before it)."""
    return list(map(add, accumulate(map(len, pieces[:-1])), count(start)))


#: Open brackets a closing one is matched against, innermost first: a closing bracket with no
#: opening one of its kind this close is a typo, and searching deeper for one would make a line
#: of thousands of brackets cost its length squared.
_NESTING_SEARCHED = 64
_WRAP_REACH = 400  # characters looked at above a line for a note it may continue (wrapped in print)


class _Brackets:
    """The bracket pairs of a stretch of text, found in one pass over its brackets, looked up by
    position.  An opening bracket left open for more than MAX_NOTE characters is dropped (a
    typo), and a closing bracket with nothing to close is ignored."""

    def __init__(self, brackets: list[tuple[int, str]]) -> None:
        by_depth: dict[int, list[tuple[int, int]]] = {}
        stack: list[tuple[int, str]] = []
        bottom = 0  # the stack starts here: the brackets below were dropped (open too long)
        for pos, ch in brackets:
            while bottom < len(stack) and pos - stack[bottom][0] > MAX_NOTE:
                bottom += 1
            if ch not in _PAIRS:
                stack.append((pos, ch))
                continue
            openers = _PAIRS[ch]
            for k in range(len(stack) - 1, max(bottom, len(stack) - _NESTING_SEARCHED) - 1, -1):
                if stack[k][1] in openers:
                    by_depth.setdefault(k - bottom, []).append((stack[k][0], pos))
                    del stack[k:]
                    break
        self.unclosed = [pos for pos, _ in stack[bottom:]]
        self.levels = [sorted(by_depth[d]) for d in sorted(by_depth)]
        self.opens = [[o for o, _ in level] for level in self.levels]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> _Brackets:
        return cls([(m.start(), m.group()) for m in RE_BRACKET.finditer(text, start, end)])

    def around(self, pos: int) -> list[tuple[int, int]]:
        """The pairs that enclose ``pos``, innermost first."""
        found: list[tuple[int, int]] = []
        for level, opens in zip(self.levels[:_NESTING_SEARCHED], self.opens, strict=False):
            i = bisect_left(opens, pos) - 1
            if i < 0 or level[i][1] <= pos:
                if found:
                    break
                continue
            found.append(level[i])
        return found[::-1]

    def unclosed_before(self, pos: int) -> int | None:
        """The last bracket before ``pos`` that never closes."""
        i = bisect_right(self.unclosed, pos) - 1
        return self.unclosed[i] if i >= 0 else None


def _bracket_notes(text: str, start: int, end: int, cues: list[tuple[int, int]], marks: _Marks) -> Iterator[LeadNote]:
    """Notes in brackets, found from their cue words (牵头单位, 牵头, 负责) outwards: a plan has
    far fewer cue words than brackets, and most brackets are not notes (``marks``: the brackets
    and line breaks of ``text[start:end]``)."""
    last_end = start
    read: dict[tuple[int, int], LeadNote] = {}  # the brackets read so far: a cue in them again reads nothing new
    for cue, _ in cues:
        if cue < last_end:
            continue  # inside a note already found
        lower = max(start, last_end)
        enclosure = marks.enclosure(cue, lower)
        if isinstance(enclosure, tuple):  # the common case: a pair with no bracket inside, on one line
            note = _read_pair(text, enclosure, read)
            if note.lead_units or note.cooperating_units:
                last_end = note.end
                yield note
                continue
        elif not enclosure:
            continue  # a cue word in running text (指导各地…), not in brackets
        brackets = marks.pairs()
        found = None
        for pair in brackets.around(cue)[:_NESTING]:
            note = _read_pair(text, pair, read)
            if note.lead_units or note.cooperating_units:
                found = note
                break
        if found is None:
            found = _unreadable(text, cue, brackets)
        if found is not None:
            last_end = found.end
            yield found


def _read_pair(text: str, pair: tuple[int, int], read: dict[tuple[int, int], LeadNote]) -> LeadNote:
    """The note in a pair of brackets, read once however many cue words stand in it."""
    if pair not in read:
        read[pair] = _note(pair[0], pair[1] + 1, text, pair[0] + 1, pair[1])
    return read[pair]


def _unreadable(text: str, cue: int, brackets: _Brackets) -> LeadNote | None:
    """A labelled note that names no unit: （牵头单位：） or a note cut off before it closes (``cue``:
    where its cue word starts)."""
    label = RE_NOTE_LABEL.match(text, cue)
    if label is None or label.group("label") is None or "".join(label.group("label").split()) in lx.FIELD_LABELS:
        return None
    enclosing = brackets.around(cue)
    if enclosing:
        open_pos, close_pos = enclosing[0]
        if text[open_pos + 1 : cue].strip(lx.SPACE_CHARS + "\r\n"):
            return None  # a label in the middle of a sentence in brackets: not a note
        return LeadNote(open_pos, close_pos + 1, [], [], readable=False)
    opened = brackets.unclosed_before(cue)
    if opened is not None and not text[opened + 1 : cue].strip(lx.SPACE_CHARS + "\r\n"):
        return LeadNote(opened, _content_end(text), [], [], readable=False)  # （牵头单位：省… and the end
    return None


def _content_end(text: str, end: int | None = None) -> int:
    """``len(text[:end].rstrip())``, without copying the text to strip it."""
    end = len(text) if end is None else end
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _cut_off(text: str, start: int, end: int) -> LeadNote | None:
    """A note the copy stops in, cut before it closes (（县发展改革局、县财政局、县 and the end of
    the text): the units read whole, the last one (cut) left out.  The note stays open, for
    ``zl check`` to report the copy as cut off."""
    stop = _content_end(text)
    if stop > end:
        return None
    newline = text.rfind("\n", start, stop)  # the last line break: a \r after the last \n, or that \n
    line_start = max(text.rfind("\r", max(start, newline), stop), newline, start)
    opened = _Brackets.of(text, line_start, stop).unclosed_before(stop)
    if opened is None:
        return None
    body = text[opened + 1 : stop]
    reading = _read_cached(body if RE_NOTE_LABEL.search(body) else body + lx.RESPONSIBLE_VERBS[-1])
    units = list(reading.lead) + list(reading.cooperating)
    whole = units[:-1] if units and not body.rstrip().endswith(tuple(lx.UNIT_SEPARATORS)) else units
    lead = [u for u in reading.lead if u in whole]
    cooperating = [u for u in reading.cooperating if u in whole]
    return LeadNote(opened, stop, lead, cooperating, reading.shared) if lead or cooperating else None


def read_note(text: str, start: int, end: int, body_start: int, body_end: int) -> LeadNote:
    """The note spanning ``text[start:end]`` whose body, read as any note's is, is
    ``text[body_start:body_end]`` (the words after 第（一）项任务由 in a 任务分工 line).

    >>> note = read_note("第（二）项任务由甲局牵头，乙局配合，11月底前完成。", 0, 25, 8, 24)
    >>> note.lead_units, note.cooperating_units, [f.label for f in note.fields]
    (['甲局'], ['乙局'], [''])
    """
    return _note(start, end, text, body_start, body_end)


def _note(start: int, end: int, text: str, body_start: int, body_end: int | None = None) -> LeadNote:
    body_end = end if body_end is None else body_end
    return _note_of_body(start, end, text[body_start:body_end], body_start)


def _note_of_body(start: int, end: int, body: str, body_start: int | None) -> LeadNote:
    reading = _read_cached(body)
    offset = body_start
    fields = () if offset is None else tuple(NoteField(label, offset + s, offset + e) for label, s, e in reading.fields)
    readable = bool(reading.lead or reading.cooperating) or not reading.labelled
    return LeadNote(
        start, end, list(reading.lead), list(reading.cooperating), reading.shared, fields, readable, reading.groups
    )


# --- the plan's rule -------------------------------------------------------------------------


def apply_rules(text: str, notes: list[LeadNote]) -> list[LeadNote]:
    """Read the notes as the plan says: where it says that the unit listed first leads, a note
    that lists responsible units (责任单位：A、B; A、B负责) has A lead and B cooperate; where it says
    that the units before the first comma lead (逗号前的为牵头单位), A、B，C负责 has A and B lead and C
    cooperate; where a note says that units answer for every task that follows (以下均需X落实，不再
    列出), every later note has them lead too.

    A statement outside the notes (in the notice, under 附件, in a closing 说明) holds for every note;
    one inside a note holds for that note, and from there on when it says so (下同)."""
    notes = _following_units(text, notes)
    if not any(n.shared for n in notes):
        return notes
    spans = _Spans([(n.start, n.end) for n in notes])  # notes come in order, one after another
    everywhere: str | None = None
    from_note: dict[int, str] = {}  # note index -> the rule that holds from it on
    only_note: dict[int, str] = {}
    for match in lead_rule_statements(text):
        rule = "rank" if match.group("rank") else "comma"
        holder = spans.holder(match.start())
        if holder is None:
            everywhere = rule
            break
        if RE_FROM_HERE_ON.search(text, match.end(), notes[holder].end):
            from_note.setdefault(holder, rule)
        else:
            only_note.setdefault(holder, rule)
    if everywhere is None and not from_note and not only_note:
        return notes  # no rule stated (or 排名不分先后): the units of a plain note all lead
    out: list[LeadNote] = []
    current = everywhere
    for i, note in enumerate(notes):
        current = from_note.get(i, current)
        reading = only_note.get(i, current)
        out.append(note.read_by(reading) if reading else note)
    return out


def lead_rule_statements(text: str) -> Iterator[re.Match[str]]:
    """RE_LEAD_RULE's matches in ``text``, as finditer gives them, looked for only around the word
    every statement holds (牵头): a plan holds it a few dozen times, a scan of the whole text for
    the statement's alternatives costs more than reading its notes.

    >>> [m.group() for m in lead_rule_statements("（甲、乙负责，列第一位者为牵头单位，下同）")]
    ['列第一位者为牵头单位']
    >>> [m.lastgroup for m in lead_rule_statements("（甲，乙负责。逗号前的为牵头单位）")]
    ['comma']
    """
    last = 0
    pos = text.find(FIRST_IS_LEAD_WORD)
    while pos >= 0:
        lower, upper = max(last, pos - FIRST_IS_LEAD_REACH), pos + FIRST_IS_LEAD_TAIL
        match = RE_LEAD_RULE.search(text, lower, upper) if _holds_a_rule_word(text, lower, upper) else None
        if match is not None and match.start() <= pos:
            last = match.end()
            yield match
        pos = text.find(FIRST_IS_LEAD_WORD, max(pos + 1, last))


#: A word every statement of RE_LEAD_RULE holds: each of lx.FIRST_PLACES holds one of the first three
#: (第一位, 首位, 最前面), RE_COMMA_LEADS its 逗号 or 分号.
_RULE_STATEMENT_WORDS = ("第一", "首位", "最前", "逗号", "分号")


def _holds_a_rule_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a word of _RULE_STATEMENT_WORDS: looked for before the
    statement, which has no first character to skip to (most 牵头 are a note's, not a statement's).

    >>> all(any(word in place for word in _RULE_STATEMENT_WORDS[:3]) for place in lx.FIRST_PLACES)
    True
    """
    return any(text.find(word, start, end) >= 0 for word in _RULE_STATEMENT_WORDS)


def _following_units(text: str, notes: list[LeadNote]) -> list[LeadNote]:
    """Units a note names for every note that follows (以下均需试点城市政府落实，不再列出; 以下均涉及
    各县区、功能区，不再重复列出 — names of units the note lists in full; 各区人民政府为各项措施的共同
    责任单位，以下不再列出 — units of this note too), added to the later notes: as leads, or as
    cooperating units where the remark says so (X为各项任务的配合单位).  A later remark of the kind
    replaces the earlier one: it says what holds from there on."""
    out: list[LeadNote] = []
    extra: list[str] = []
    cooperate = False  # the remark names cooperating units
    for note in notes:
        remark = (
            RE_FOLLOWING_UNITS.search(text, note.start, note.end) if _may_carry(text, note.start, note.end) else None
        )
        if remark is not None and remark.group("cooperating") is not None:
            extra, cooperate = clean_units(remark.group("units")), True  # not in the note's body: add here
        if extra:
            note = _with_units(note, extra, cooperate)
        out.append(note)
        if remark is not None and remark.group("cooperating") is None:
            named = note.lead_units + note.cooperating_units
            shorts = clean_units(remark.group("units"))
            extra = unique_units(next((u for u in named if short in u), short) for short in shorts)
            cooperate = False
    return out


def _with_units(note: LeadNote, units: list[str], cooperate: bool) -> LeadNote:
    """The note with ``units`` added as leads (or cooperating units), unless it names them otherwise."""
    if cooperate:
        leading = set(note.lead_units)
        added = [u for u in units if u not in leading]
        return note._replace(cooperating_units=unique_units(note.cooperating_units + added))
    cooperating = set(note.cooperating_units)
    return note._replace(lead_units=unique_units(note.lead_units + [u for u in units if u not in cooperating]))


# --- reading a note's body ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _read_cached(body: str) -> _Reading:
    """Plans repeat the same notes (one unit leads dozens of items): read each once."""
    return read_body(body)


def read_body(body: str) -> _Reading:
    """What a note's body says: its units by role, and its other fields.

    >>> r = read_body("牵头单位：省市场监管局；配合单位：省工信厅、省商务厅")
    >>> r.lead, r.cooperating
    (('省市场监管局',), ('省工信厅', '省商务厅'))
    >>> body = "责任单位：省商务厅；完成时限：2023年底前"
    >>> r = read_body(body)
    >>> r.lead, r.shared, [(label, body[s:e]) for label, s, e in r.fields]
    (('省商务厅',), True, [('完成时限', '2023年底前')])
    >>> read_body("教育部、财政部等负责。列第一位者为牵头单位，下同")[:3]
    (('教育部', '财政部'), (), True)
    """
    labels = [m for m in RE_NOTE_LABEL.finditer(body) if m.group("label") and _is_label(body, m)]
    if not labels:
        return _read_inline(body, 0, len(body), labelled=False)
    roles: dict[str, list[str]] = {"lead": [], "shared": [], "cooperating": []}
    fields: list[tuple[str, int, int]] = []
    groups: list[tuple[str, ...]] = []
    inline = _read_inline(body, 0, labels[0].start(), labelled=True) if labels[0].start() else None
    for i, label in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        name = "".join(label.group("label").split())  # 牵头\n单位, wrapped in print
        value_end = _trim_end(body, label.end(), stop)
        role = _label_role(name)
        if role is None:
            after = _units_after_time(body, label.end(), value_end)  # 完成时限：2024年底前，由A牵头
            if after is not None:
                value_end, reading = after
                roles["lead"] += reading.lead
                roles["cooperating"] += reading.cooperating
            fields.append((name, label.end(), value_end))
            continue
        value_end = _without_time_tail(body, label.end(), value_end, fields)  # 责任单位：B，2022年底前
        value = body[label.end() : value_end]
        marked = _read_roles(body, label.end(), value_end) if role == "shared" else None
        if marked is not None:  # 责任单位：X（牵头）、Y / 责任单位：X牵头，Y配合
            roles["lead"] += marked[0]
            roles["cooperating"] += marked[1]
        else:  # 责任单位：A、B负责 — the verb is not a name
            bare = _without_tail_verbs(value)
            roles[role] += clean_units(bare)
            if role == "shared":  # 责任单位：A，B、C — the plan's rule may read its commas
                groups += [tuple(clean_units(bare[a:b])) for a, b in _clauses(bare)]
    lead, cooperating = roles["lead"], roles["cooperating"]
    # 承办单位：A、B；协办单位：C — the labels say the roles: A and B lead whatever the plan's rule
    shared = not lead and len(roles["shared"]) > 0 and not roles["cooperating"]
    if inline is not None:
        if inline.shared and not any(roles.values()):  # （A、B负责；完成时限：…）: as （A、B负责）
            shared, groups = True, list(inline.groups)
        lead, cooperating = list(inline.lead) + lead, list(inline.cooperating) + cooperating
        fields = list(inline.fields) + fields
    if lead:
        cooperating = roles["shared"] + cooperating  # 牵头单位：X；责任单位：Y — Y cooperates
    else:
        lead = roles["shared"]
    if _has_marks(lead):
        shared = False
    return _reading(lead, cooperating, shared, fields, labelled=True, groups=groups)


def _units_after_time(body: str, start: int, end: int) -> tuple[int, _Reading] | None:
    """Where a field's time ends and what the clauses after it say, where it is a time to finish by
    and they name units with their roles (完成时限：2024年底前，由A牵头; …；A牵头，B配合), else None."""
    sep = next((k for k in range(start, end) if body[k] in "，,；;"), -1)
    if sep < 0 or not is_deadline_phrase(body[start:sep]):
        return None
    reading = _read_inline(body, sep + 1, end, labelled=True)
    if not reading.lead and not reading.cooperating:
        return None
    return sep, reading


def _without_time_tail(body: str, start: int, end: int, fields: list[tuple[str, int, int]]) -> int:
    """Where a labelled list of units ends when its last clause is a time to finish by (责任单位：B，
    2022年底前; …，持续推进) or a remark on the task's timing (…，2024年起每年开展; …，按季度推进): the
    time is then an unlabelled field of the note, added to ``fields``."""
    comma = max(body.rfind("，", start, end), body.rfind(",", start, end))
    if comma < 0:
        return end
    tail_start = comma + 1
    while tail_start < end and body[tail_start] in lx.SPACE_CHARS:
        tail_start += 1
    tail = body[tail_start:end]
    due = opening_deadline(tail)
    if due is None and not is_deadline_phrase(tail) and not is_time_remark(tail):
        return end
    fields.append(("", tail_start, tail_start + (len(tail) if due is None else due)))
    return comma


def _is_label(body: str, label: regex.Match[str]) -> bool:
    """Whether a label is one: with its colon, or without one where a unit's name follows (牵头单位
    市商务局, 牵头单位市商务局 — not 牵头单位统筹协调) or a field's value does (完成时限　2024年底前).

    >>> [_is_label(b, m) for b in ("牵头单位市商务局", "牵头部门统筹协调") for m in RE_NOTE_LABEL.finditer(b)]
    [True, False]
    """
    if label.group("nocolon") is None or _label_role("".join(label.group("label").split())) is None:
        return True
    stop = RE_UNIT_END.search(body, label.end())
    return _names_a_unit(body[label.end() : stop.start() if stop else len(body)])


def _without_tail_verbs(value: str) -> str:
    """A labelled list of units without the run of verbs after its last unit: a verb of answering
    (负责, 负责落实), and one of carrying or acting (实施, 推进, 承担) where a unit's name ends before
    it — the label says the role, the verb is no part of a name.

    >>> _without_tail_verbs("省发展改革委、省财政厅负责。"), _without_tail_verbs("市财政局、各县（市、区）人民政府实施")
    ('省发展改革委、省财政厅', '市财政局、各县（市、区）人民政府')
    >>> _without_tail_verbs("市城市管理局负责组织实施"), _without_tail_verbs("各乡镇按时完成")
    ('市城市管理局', '各乡镇按时完成')
    """
    bare = value.rstrip(lx.SPACE_CHARS + "\r\n。.")
    stripped = False
    while True:
        verb = next((v for v in _TAIL_VERBS.get(bare[-1:], ()) if bare.endswith(v) and len(bare) > len(v)), None)
        if verb is None:
            break
        rest = bare[: -len(verb)]
        if verb not in _ANSWERING_VERBS and not _ends_in_a_unit(rest):
            break  # 各乡镇按时完成: the verb ends a phrase, not a list of units
        bare, stripped = rest, True
    return bare if stripped else value


def _ends_in_a_unit(names: str) -> bool:
    """Whether the last name of a list ends as a unit's name does."""
    units = split_units(names)
    return bool(units) and _names_a_unit(units[-1])


_ANSWERING_VERBS = frozenset(lx.RESPONSIBLE_VERBS)
#: The verbs that may follow a labelled list's last unit, by their last character, longest first.
_TAIL_VERBS: dict[str, list[str]] = {}
_UNIT_LIST_TAIL = {*lx.RESPONSIBLE_VERBS, *lx.CARRYING_VERBS, *lx.ROLE_ACTIONS, *lx.UNDERTAKING_VERBS}
for _verb in sorted(_UNIT_LIST_TAIL, key=len, reverse=True):
    _TAIL_VERBS.setdefault(_verb[-1], []).append(_verb)


_VAGUE = frozenset(lx.VAGUE_UNITS)
_ROLE_WORDS = lx.LEAD_VERBS + lx.COOPERATING_VERBS + lx.DIVIDED_VERBS


def _read_roles(body: str, start: int, end: int) -> tuple[list[str], list[str]] | None:
    """The lead and cooperating units of a list of responsible units that says who leads: a unit
    marked 区科技局（牵头）, or clauses 区科技局牵头，区财政局配合 (read as an unlabelled note
    is); None where the list says nothing of roles.

    >>> _read_roles("区科技局（牵头）、区财政局", 0, 13)
    (['区科技局'], ['区财政局'])
    >>> _read_roles("区科技局牵头，区财政局等按职责分工负责", 0, 19)
    (['区科技局'], ['区财政局'])
    """
    value = body[start:end]
    asides = list(RE_LEAD_ASIDE.finditer(value))
    if asides:
        marked = set()
        separators = [k for k, ch in enumerate(value) if ch in lx.UNIT_SEPARATORS]
        for aside in asides:
            i = bisect_left(separators, aside.start()) - 1
            cut = separators[i] if i >= 0 else -1
            marked.add(value[cut + 1 : aside.start()].strip(lx.SPACE_CHARS + "\r\n"))
        units = clean_units(RE_COOPERATING_ASIDE.sub("", RE_LEAD_ASIDE.sub("", value)))
        lead = [u for u in units if u in marked]
        return (lead, [u for u in units if u not in marked]) if lead else None
    if not any(word in value for word in _ROLE_WORDS):
        return None
    reading = _read_inline(body, start, end, labelled=True)
    says_roles = not reading.shared or reading.cooperating  # 责任单位：A负责，B配合 names its cooperating units
    return (list(reading.lead), list(reading.cooperating)) if reading.lead and says_roles else None


def _reading(
    lead: list[str],
    cooperating: list[str],
    shared: bool,
    fields: list[tuple[str, int, int]],
    labelled: bool,
    groups: list[tuple[str, ...]] | None = None,
) -> _Reading:
    """The reading, with marked units (*A) leading and the marks dropped from the names."""
    lead, cooperating = _marked_lead(lead, cooperating)
    lead = unique_units(_unmark(u) for u in lead)
    leading = set(lead)
    cooperating = unique_units(u for u in (_unmark(u) for u in cooperating) if u not in leading and u not in _VAGUE)
    parts = tuple(tuple(_unmark(u) for u in group) for group in groups or [] if group)
    return _Reading(tuple(lead), tuple(cooperating), shared, tuple(fields), labelled, parts)


def _label_role(name: str) -> str | None:
    """The role a label gives its units, read from its role word (协同责任单位: cooperating), or None
    for a field (完成时限).

    >>> _label_role("协同责任单位"), _label_role("主办单位"), _label_role("责任处室"), _label_role("完成时限")
    ('cooperating', 'lead', 'shared', None)
    """
    if name in lx.BARE_LABELS:
        return lx.BARE_LABELS[name]
    for role, kind in _ROLE_KINDS:
        if name.startswith(role) and name[len(role) :] in lx.BODY_KINDS:
            return kind
    return None


_ROLE_KINDS = sorted(
    [(r, "lead") for r in lx.LEAD_ROLES]
    + [(r, "shared") for r in lx.SHARED_ROLES]
    + [(r, "cooperating") for r in lx.COOPERATING_ROLES],
    key=lambda pair: -len(pair[0]),
)


def _trim_end(body: str, start: int, stop: int) -> int:
    """Where a field's value ends: before the separators and spaces in front of the next label."""
    while stop > start and body[stop - 1] in lx.SPACE_CHARS + "\r\n；;，,。":
        stop -= 1
    return stop


def _has_marks(units: list[str]) -> bool:
    return any(_marked(u) for u in units)


def _marked(unit: str) -> bool:
    """Whether a unit is marked as the lead: a mark before its name (*县人力社保局) or after it
    (省市场监管局★), as a task table marks it in its units cell.

    >>> _marked("*县人力社保局"), _marked("省市场监管局★"), _marked("省发展改革委")
    (True, True, False)
    """
    return unit.startswith(_MARKS) or unit.endswith(_MARKS)


_MARKS = tuple(lx.LEAD_MARKS)


def _marked_lead(lead: list[str], cooperating: list[str]) -> tuple[list[str], list[str]]:
    """Where some units of a list are marked (*县人力社保局, 省市场监管局★), the marked ones lead."""
    if not _has_marks(lead) or all(_marked(u) for u in lead):
        return lead, cooperating
    return [u for u in lead if _marked(u)], [u for u in lead if not _marked(u)] + cooperating


def _unmark(unit: str) -> str:
    """A unit's name without the mark before or after it that says it leads."""
    return unit.strip(lx.LEAD_MARKS + lx.SPACE_CHARS)


def _read_inline(body: str, start: int, end: int, labelled: bool) -> _Reading:
    """An unlabelled note, clause by clause: X牵头，Y配合 / X会同Y负责 / X、Y按职责分工负责.

    Every name of the note is kept, known to the lexicon or not (中国铁塔某某分公司, 某某大学), so long
    as one of them ends as a unit's name does and none reads as a phrase: a note is told by its
    shape, not by a list of names."""
    lead: list[str] = []
    cooperating: list[str] = []
    shared: list[str] = []
    fields: list[tuple[str, int, int]] = []
    groups: list[tuple[str, ...]] = []  # each clause's units, as the note's commas part them
    pending: list[str] = []  # names in a clause with no verb: they join the next clause's
    explicit = False  # a unit is said to lead (牵头): the others of the note cooperate
    shaped = False  # a name ends as a unit's does: the note is a list of bodies, not a phrase
    text = _strip_rule(body[start:end])
    stated = len(text) != end - start  # the note states a rule or a remark: the rest may be units alone
    for clause_start, clause_end in _role_clauses(text):
        clause = text[clause_start:clause_end].strip(lx.SPACE_CHARS + "\r\n")
        if not clause:
            continue
        role, names = _clause_role(clause)
        if role is None:
            due = opening_deadline(clause)
            if due is not None or is_deadline_phrase(clause) or is_time_remark(clause):
                # 2025年底前完成, 2024年底前出台…, 持续推进; 2024年起每年开展, 按季度推进 (when, not who)
                offset = body.find(clause, start)
                length = len(clause) if due is None else due  # the time alone: 2025年底前
                fields.append(("", offset, offset + length) if offset >= 0 else ("", start, end))
                continue
            units = clean_units(clause)
            if not units or not all(_plausible_name(u) for u in units):
                return _Reading((), (), False, (), labelled)  # a phrase, not a list of units
            pending += units
            groups.append(tuple(units))
            shaped = shaped or any(_names_a_unit(u) for u in units)
            continue
        own, others = clean_units(names[0]), clean_units(names[1])
        if role == "lead" and own and pending and all(u in pending for u in own):
            # A、B，其中A牵头 / A、B；A为牵头单位: one of the units listed leads, the others cooperate
            cooperating += [u for u in pending if u not in own]
            pending = []
        units = pending + own
        pending = []
        if not units or not all(_plausible_name(u) for u in units + others):
            return _Reading((), (), False, (), labelled)
        groups.append(tuple(own))
        shaped = shaped or any(_names_a_unit(u) for u in units + others)
        if role == "together":  # X会同Y负责
            lead += units
            cooperating += others
            explicit = True
        elif role == "lead":
            lead += units
            explicit = True
        elif role == "cooperating" or (explicit and role in ("divided", "shared")):
            cooperating += units
        elif role == "carry" and (lead or shared or cooperating):
            cooperating += units  # X指导，Y实施: Y carries out the task X steers
        elif role == "divided" and shared and any(word in clause for word in lx.BY_DUTY_WORDS):
            cooperating += units  # X负责，Y、Z按职责分工负责: Y and Z act under X, as under X牵头
        elif role == "divided":
            lead += units
        else:  # shared, or carry with no unit before it: X、Y负责 · X、Y实施
            shared += units
    if not shaped:
        return _Reading((), (), False, (), labelled)
    if pending and not (lead or shared or cooperating) and (labelled or stated):
        shared, pending = pending, []  # （A、B；居首位的为牵头单位） · （A；参与部门：B）: units alone
    if pending and (lead or shared):
        cooperating += pending
    is_shared = not lead and bool(shared)
    if explicit:
        leading = set(lead)
        cooperating = [u for u in shared if u not in leading] + cooperating
    else:  # 生态环境部指导，试点城市政府负责落实: all answer for the task
        lead = lead + shared
    if _has_marks(lead):
        is_shared = False
    return _reading(lead, cooperating, is_shared, fields, labelled, groups)


def _plausible_name(name: str) -> bool:
    """Whether ``name`` may be a body's name the lexicon does not know (共青团某某省委, 中国铁塔某某分公司):
    short, with no function word of a sentence, no digit and no mark of a clause.

    >>> _plausible_name("中国铁塔某某省分公司"), _plausible_name("各地要切实加强领导的"), _plausible_name("省发改委")
    (True, False, True)
    """
    bare = RE_TRAILING_BRACKETS.sub("", _unmark(name))
    if any(ch in lx.CLAUSE_ENDS for ch in bare) or bare in _LABEL_NAMES:
        return False  # 牵头单位:某局 — a label read as a name; （牵头部门统筹协调） names no unit
    if _names_a_unit(name):
        return True
    return (
        0 < len(bare) <= _UNKNOWN_NAME_MAX
        and not any(word in bare for word in lx.NOT_IN_UNIT_NAMES)
        and not _digits_named_nothing(bare)
    )


_LABEL_NAMES = frozenset((*lx.LEAD_LABELS, *lx.SHARED_LABELS, *lx.COOPERATING_LABELS, *lx.BODY_KINDS))
_ROLE_LABELS = tuple(label for label in (*lx.LEAD_LABELS, *lx.SHARED_LABELS, *lx.COOPERATING_LABELS) if len(label) > 2)
_UNKNOWN_NAME_MAX = 25  # characters of a name that does not end as a unit's: longer is a phrase


def _strip_rule(body: str) -> str:
    """The body without the plan's statements of how to read it: an aside in brackets that states
    one (（排在首位的为牵头单位）), each clause that does (。列第一位者为牵头单位，其他单位按职责分工配合，
    下同; 逗号前的为牵头单位，顿号分隔的为共同牵头), and a remark naming units for every note that follows
    (。以下均需试点城市政府落实，不再列出; of 各区政府为各项措施的共同责任单位，以下不再列出 the units stay,
    being this note's too).

    >>> _strip_rule("甲局、乙局负责。列第一位者为牵头单位，其他单位按职责分工配合，下同")
    '甲局、乙局负责'
    >>> _strip_rule("甲局；各区政府为各项措施的共同责任单位，以下不再列出")
    '甲局；各区政府'
    """
    grouped = RE_GROUPED_NOTE.match(body)
    if grouped is not None:  # 以上三项由A牵头，B配合: the units are read as A牵头，B配合 (structure spreads them)
        body = body[grouped.end() :]
    if RE_RULE_WORD.search(body) or RE_FROM_HERE_ON.search(body):
        body = RE_RULE_ASIDE.sub(lambda m: "" if _states_a_rule(m.group()) else m.group(), body)
        kept = [
            (start, end)
            for start, end in _clauses(body)
            if not _states_a_rule(body[start:end]) and body[start:end].strip(lx.SPACE_CHARS + "\r\n")
        ]
        body = "，".join(body[start:end] for start, end in kept) if len(kept) != len(list(_clauses(body))) else body
    if not _may_carry(body, 0, len(body)) or RE_FOLLOWING_UNITS.search(body) is None:
        return body
    return str(RE_FOLLOWING_UNITS.sub(_kept_units, body))


def _may_carry(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a remark naming units for later notes: it holds the words
    every such remark holds (…不再列出, or 为各项…), found far faster than the remark itself."""
    return RE_CARRY_HINT.search(text, start, end) is not None


def _kept_units(remark: regex.Match[str]) -> str:
    """What a remark naming units for later notes leaves of itself in its note: the units, where it
    puts them first as units of the note's own role (各区政府为各项措施的共同责任单位); else nothing."""
    return (
        str(remark.group("units")) if remark.group("kept") is not None and remark.group("cooperating") is None else ""
    )


def _states_a_rule(clause: str) -> bool:
    """Whether a clause of a note states how to read the notes, or only says that it holds from
    here on (下同)."""
    bare = clause.strip(lx.SPACE_CHARS + "\r\n。.（）()")
    return RE_RULE_WORD.search(bare) is not None or bare in lx.FROM_HERE_ON


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """The clauses of an unlabelled note, split at top-level ， ； 。."""
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "，,；;。":
            yield start, i
            start = i + 1
    yield start, len(text)


def _role_clauses(text: str) -> Iterator[tuple[int, int]]:
    """The clauses of an unlabelled note (:func:`_clauses`), each parted further at a top-level 、
    that follows a verb of a role: 由A牵头、B参与 is 由A牵头 and B参与, as 由A牵头，B参与 is; A、B负责
    stays one clause.

    >>> t = "由甲局牵头、乙局参与，丙局、丁局配合"
    >>> [t[a:b] for a, b in _role_clauses(t)]
    ['由甲局牵头', '乙局参与', '丙局、丁局配合']
    """
    for start, end in _clauses(text):
        depth, clause_start = 0, start
        for pos in range(start, end):
            ch = text[pos]
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif depth == 0 and ch == "、" and _ends_in_role(text, clause_start, pos):
                yield clause_start, pos
                clause_start = pos + 1
        yield clause_start, end


def _ends_in_role(text: str, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` ends, after names, in a run of verbs that says a role (牵头,
    配合落实, 牵头推进), as :func:`_without_verbs` reads it, without copying the text."""
    pos, found = stop, False
    while pos > start:
        for word, role in _VERB_ROLES_AND_ACTIONS.get(text[pos - 1], ()):
            if pos - start > len(word) and text.startswith(word, pos - len(word)):
                pos -= len(word)
                found = found or bool(role)
                break
        else:
            break
    return found


_VERB_ROLES = (
    [(verb, "lead") for verb in lx.LEAD_VERBS]
    + [(verb, "divided") for verb in lx.DIVIDED_VERBS]
    + [(verb, "cooperating") for verb in lx.COOPERATING_VERBS]
    + [(verb, "shared") for verb in lx.RESPONSIBLE_VERBS]
    + [(verb, "carry") for verb in lx.CARRYING_VERBS]
)
_VERB_ROLES.sort(key=lambda pair: -len(pair[0]))
#: The verbs of roles and the words of action, by their last character, longest first.
_VERB_ROLES_AND_ACTIONS: dict[str, list[tuple[str, str]]] = {}
for _word, _role in sorted(_VERB_ROLES + [(word, "") for word in lx.ROLE_ACTIONS], key=lambda p: -len(p[0])):
    _VERB_ROLES_AND_ACTIONS.setdefault(_word[-1], []).append((_word, _role))


def _clause_role(clause: str) -> tuple[str | None, tuple[str, str]]:
    """The role a clause gives its units, and the names (and those after 会同).  Words between the
    names and a verb of responsibility that say each unit answers for its own part (按职能分工负责,
    按职责分别负责) make the role divided: every unit leads.

    >>> _clause_role("由省教育厅牵头")
    ('lead', ('省教育厅', ''))
    >>> _clause_role("省市场监管局会同省发展改革委负责")
    ('together', ('省市场监管局', '省发展改革委'))
    >>> _clause_role("各地区、各部门按职能分工负责"), _clause_role("甲局、乙局分头落实")
    (('divided', ('各地区、各部门', '')), ('divided', ('甲局、乙局', '')))
    """
    compact = RE_LINE_WRAP.sub("", clause).rstrip("。.")
    names, roles = _without_verbs(compact)
    role = next((r for r in _ROLE_PRECEDENCE if r in roles), None)
    if role is None:
        return None, (compact, "")
    names, divided = _without_modifiers(names)
    if divided and role == "shared":
        role = "divided"
    for prefix in lx.INLINE_LEAD_PREFIXES:
        if names.startswith(prefix):
            names = names[len(prefix) :]
    for joiner in lx.TOGETHER_WITH:
        head, found, rest = names.partition(joiner)
        if found and head and rest and role in ("shared", "divided", "lead"):
            return "together", (head, rest)
    return role, (names, "")


#: Which role a run of verbs gives (负责牵头: lead; 配合落实: cooperating; 配合实施: cooperating), the
#: first found.
_ROLE_PRECEDENCE = ("lead", "cooperating", "divided", "shared", "carry")


def _without_verbs(clause: str) -> tuple[str, list[str]]:
    """The names of a clause without the run of verbs after them, and the roles of those verbs: a
    note may join a role to another or to a word of action (配合落实, 负责牵头, 牵头推进, 配合实施).

    >>> _without_verbs("市财政局配合落实"), _without_verbs("市商务局牵头推进"), _without_verbs("市商务局推进")
    (('市财政局', ['shared', 'cooperating']), ('市商务局', ['lead']), ('市商务局推进', []))
    """
    names, roles = clause, []
    while names:
        for word, role in _VERB_ROLES_AND_ACTIONS.get(names[-1], ()):
            if names.endswith(word) and len(names) > len(word):
                names = names[: -len(word)]
                if role:
                    roles.append(role)
                break
        else:
            break
    return (names, roles) if roles else (clause, [])


def _without_modifiers(names: str) -> tuple[str, bool]:
    """Names without the words after them that say each answers for its own part (按职能分工, 分别),
    and whether there were any.

    >>> _without_modifiers("甲局、乙局按职责分别")
    ('甲局、乙局', True)
    """
    found = False
    stripped = True
    while stripped:
        stripped = False
        for word in _MODIFIERS:
            if names.endswith(word) and len(names) > len(word):
                names, found, stripped = names[: -len(word)], True, True
                break
    return names, found


_MODIFIERS = sorted(lx.DIVIDED_MODIFIERS, key=len, reverse=True)


def _names_a_unit(name: str) -> bool:
    """Whether ``name`` ends like a unit's name, a bracketed alias aside.

    >>> _names_a_unit("省市场监管局（省知识产权局）"), _names_a_unit("谁主管谁")
    (True, False)
    """
    bare = RE_TRAILING_BRACKETS.sub("", _unmark(name))
    return bare.endswith(lx.ORG_SUFFIXES) and not any(word in bare for word in lx.NOT_IN_UNIT_NAMES)


# --- unit lists -------------------------------------------------------------------------------


def clean_units(text: str) -> list[str]:
    """The units a list names, its vague tails and closing remarks left out.

    >>> clean_units("商务部等有关部门")
    ['商务部']
    >>> clean_units("国家发展改革委、财政部等和各省级人民政府")
    ['国家发展改革委', '财政部', '各省级人民政府']
    >>> clean_units("市数据局，各县区人民政府，以下均涉及各县区，不再重复列出")
    ['市数据局', '各县区人民政府']
    """
    text = _strip_rule(RE_LINE_WRAP.sub("", text))
    pos, depth = 0, 0
    for remark in RE_UNIT_LIST_REMARK.finditer(text):
        depth, pos = _depth(text, remark.start(), pos, depth), remark.start()
        if depth == 0:  # 各区人民政府〈含开发区,下同〉: a remark in the aside ends nothing
            text = text[: remark.start()]
            break
    text = RE_UNIT_TRAILER.sub("", text.rstrip(lx.SPACE_CHARS + "。."))
    text = RE_VAGUE_JOIN.sub("、", text)
    units = [part for unit in split_units(text) for part in _split_and(unit)]
    # a part that opens with a role's label names no unit: 配合单位做好资金保障 is a clause of the note
    return [_without_scope(unit) for unit in units if not unit.startswith(_ROLE_LABELS)]


def _without_scope(unit: str) -> str:
    """A unit's name without a remark on its scope (各区人民政府〈含开发区,下同〉 is 各区人民政府) or on
    the kind of body it is (省通信管理局（中央驻闽单位） is 省通信管理局); the note keeps the remark as
    printed.  省市场监管局（省知识产权局） names a second office, and stays.

    >>> _without_scope("各区人民政府（含开发区、长江新区，下同）"), _without_scope("区委组织部（人才办）")
    ('各区人民政府', '区委组织部（人才办）')
    >>> _without_scope("省通信管理局（中央驻闽单位）"), _without_scope("市经信局（配合单位）")
    ('省通信管理局', '市经信局（配合单位）')
    """
    if unit[-1:] not in lx.NOTE_CLOSE_BRACKETS:
        return unit
    bare = RE_SCOPE_ASIDE.sub("", unit).rstrip(lx.SPACE_CHARS)
    category = RE_BODY_CATEGORY_ASIDE.search(bare)
    if category is not None and _a_kind_of_body(category.group("kind")):
        named = bare[: category.start()].rstrip(lx.SPACE_CHARS)
        bare = named if _names_a_unit(named) else bare
    return bare or unit


def _a_kind_of_body(words: str) -> bool:
    """Whether the words of a bracket after a unit's name say what kind of body it is (中央驻闽单位,
    省属企业, 事业单位), not its role (配合单位, 牵头责任单位) nor the bodies it stands for (各成员单位).

    >>> [_a_kind_of_body(w) for w in ("中央驻闽单位", "中央在京单位", "配合单位", "各成员单位", "排第一位的单位")]
    [True, True, False, False, False]
    """
    return (
        not words.startswith(lx.COLLECTIVE_PREFIX)
        and not any(role in words for role in _ROLES)
        and not any(word in words for word in (*lx.NOT_IN_UNIT_NAMES, *lx.RULE_WORDS))
    )


_ROLES = (*lx.LEAD_ROLES, *lx.SHARED_ROLES, *lx.COOPERATING_ROLES)


def _split_and(unit: str) -> list[str]:
    """Two units joined by 和 or 及 (应急管理部和各省级人民政府); 人力资源和社会保障厅 stays one.

    >>> _split_and("应急管理部和各省级人民政府"), _split_and("工业和信息化部")
    (['应急管理部', '各省级人民政府'], ['工业和信息化部'])
    """
    parts: list[str] = []
    while len(unit) <= MAX_UNIT_NAME:  # a longer "name" is no unit's: reported, not split
        for joiner in lx.UNIT_JOINERS:
            head, found, tail = unit.partition(joiner)
            if (
                found
                and _names_a_unit(head)
                and _names_a_unit(tail)
                and len(tail) > _BARE_NAME
                and _depth(unit, len(head)) == 0
            ):
                parts.append(head)
                unit = tail
                break
        else:
            break
    return [*parts, unit]


def _depth(text: str, pos: int, start: int = 0, depth: int = 0) -> int:
    """How many brackets are open at ``pos``; or, given the ``depth`` at ``start``, from there."""
    for ch in text[start:pos]:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return depth


def split_units(text: str) -> list[str]:
    """Unit names in a list, split at top-level separators.

    >>> split_units("省发改委、省工信厅")
    ['省发改委', '省工信厅']
    >>> split_units("各区、县级市人民政府，省财政厅")
    ['各区、县级市人民政府', '省财政厅']
    >>> split_units("省市场监管局（省知识产权局）、省科技厅等")
    ['省市场监管局（省知识产权局）', '省科技厅']
    >>> split_units("各省、自治区、直辖市人民政府")
    ['各省、自治区、直辖市人民政府']
    >>> split_units("各有关区、县级市")
    ['各有关区、县级市']
    """
    units: list[str] = []
    depth, current, joiner = 0, "", ""
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in lx.UNIT_SEPARATORS:
            _append_unit(units, current, joiner)
            current, joiner = "", ch
        else:
            current += ch
    _append_unit(units, current, joiner)
    return units


def _append_unit(units: list[str], part: str, joiner: str) -> None:
    """Add a unit, or rejoin 各区 + 县级市人民政府 where a 、 listed administrative levels."""
    part = _clean(part)
    if not part:
        return
    if joiner == "、" and units and _shares_the_next(units[-1], part):
        units[-1] = f"{units[-1]}、{part}"
    else:
        units.append(part)


def _shares_the_next(last: str, part: str) -> bool:
    """Whether a unit listed before 、 is one with the next: levels listed distributively (各区、
    县级市人民政府), or places that share the office named after the next place (各设区市、平潭综合
    实验区领导小组办公室)."""
    if len(last) > MAX_UNIT_NAME:
        return False
    if RE_ADMIN_DISTRIBUTIVE.match(last) and RE_ADMIN_LEVEL_START.match(part):
        return True
    place = last.rsplit("、", 1)[-1]
    return (
        place.endswith(lx.PLACE_SUFFIXES)
        and not place.endswith(tuple(s for s in lx.ORG_SUFFIXES if s not in lx.PLACE_SUFFIXES))
        and RE_PLACE_THEN_OFFICE.match(part) is not None
        and _names_a_unit(part)
    )


def _clean(unit: str) -> str:
    """A unit's name without the spaces, marks and vague tail around it; "" when nothing is left
    but white space or control characters (【牵头单位】\x85)."""
    unit = unit.strip(lx.SPACE_CHARS + "\r\n。.")
    stripped = RE_UNIT_TRAILER.sub("", unit).strip(lx.SPACE_CHARS)
    return stripped if _visible(stripped) else ""


def _visible(unit: str) -> bool:
    """Whether a name holds anything but white space and control characters."""
    return any(ch.isprintable() and not ch.isspace() for ch in unit.strip(lx.LEAD_MARKS))


def unique_units(units: Iterable[str]) -> list[str]:
    """``units`` each once, in order."""
    return list(dict.fromkeys(units))


# --- an item's notes ------------------------------------------------------------------------


def merge_trailing(text: str, notes: list[LeadNote]) -> LeadNote | None:
    """The note that closes an item: its last note, with the notes right before it that only
    white space separates (牵头单位：X on one line, 配合单位：Y on the next).

    >>> text = "做好。\\n牵头单位：甲\\n配合单位：乙"
    >>> note = merge_trailing(text, find_notes(text, 0, len(text)))
    >>> note.start, note.end, note.lead_units, note.cooperating_units
    (4, 17, ['甲'], ['乙'])
    """
    notes = [n for n in notes if n.readable]
    if not notes:
        return None
    first = len(notes) - 1
    while first > 0 and not text[notes[first - 1].end : notes[first].start].strip(lx.SPACE_CHARS + "\r\n"):
        first -= 1
    return merge(notes[first:])


def merge(notes: list[LeadNote]) -> LeadNote:
    """Several notes read as one: every unit any of them names, leads first."""
    if len(notes) == 1:
        return notes[0]
    lead = unique_units(unit for note in notes for unit in note.lead_units)
    leading = set(lead)
    return LeadNote(
        notes[0].start,
        notes[-1].end,
        lead,
        unique_units(unit for note in notes for unit in note.cooperating_units if unit not in leading),
        all(note.shared for note in notes),
        tuple(field for note in notes for field in note.fields),
    )
