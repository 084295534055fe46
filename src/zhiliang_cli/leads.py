"""An item's lead-unit note -> its lead and cooperating units.

Recognises the note in its common forms, in full-width or ASCII punctuation::

    （牵头单位：省市场监管局）                 -> lead ["省市场监管局"]
    (牵头单位:省发改委、省工信厅)              -> lead ["省发改委", "省工信厅"]
    （责任单位：省农业农村厅）                 -> lead ["省农业农村厅"]
    （牵头单位：X；配合单位：Y、Z）            -> lead ["X"], cooperating ["Y", "Z"]
    （牵头单位：X，配合单位：Y）               -> lead ["X"], cooperating ["Y"]
    （X牵头，Y、Z配合）                        -> lead ["X"], cooperating ["Y", "Z"]
    牵头单位：X        (a line of its own)     -> lead ["X"]

Units are separated by 、 ， , ； or /, except inside brackets and in a
distributive phrase such as 各区、县级市 (one kind of unit, not two).  Emits
``lead_units``, ``cooperating_units`` and the note's ``span``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from . import lexicon as lx
from .lines import LineIndex
from .patterns import (
    RE_ADMIN_DISTRIBUTIVE,
    RE_ADMIN_LEVEL_START,
    RE_BRACKET_GROUP,
    RE_BRACKETED_LABEL_NOTE,
    RE_FIRST_IS_LEAD,
    RE_FIRST_IS_LEAD_REMARK,
    RE_INLINE_ROLES,
    RE_LAST_OPEN_BRACKET,
    RE_LEAD_LINE,
    RE_LEAD_NOTE,
    RE_LINE_WRAP,
    RE_NOTE_CUE,
    RE_ROLE_LABEL,
    RE_SIMPLE_LEAD_NOTE,
    RE_TRAILING_BRACKETS,
    RE_UNIT_TRAILER,
)

_OPEN = set(lx.NOTE_OPEN_BRACKETS + "《“")
_CLOSE = set(lx.NOTE_CLOSE_BRACKETS + "》”")


class LeadNote(NamedTuple):
    """A lead-unit note found in a text: where it is and what it names."""

    start: int
    end: int
    lead_units: list[str]
    cooperating_units: list[str]
    shared: bool = False  # the units share the task (责任单位: A、B) with no lead singled out

    def first_leads(self) -> LeadNote:
        """The note read as "the unit listed first leads": 责任单位：A、B -> lead A, cooperating B."""
        if not self.shared or len(self.lead_units) < 2:
            return self
        lead, *rest = self.lead_units
        return self._replace(lead_units=[lead], cooperating_units=rest + self.cooperating_units, shared=False)


def find_notes(text: str, start: int, end: int, line_starts: Iterable[int] | None = None) -> list[LeadNote]:
    """Every lead-unit note in ``text[start:end]``, in order of position; ``line_starts``,
    where the caller knows them, saves a scan for notes on lines of their own.

    >>> [n.lead_units for n in find_notes("做好工作。(牵头单位:省林业局)", 0, 17)]
    [['省林业局']]
    >>> find_notes("（一）无注。", 0, 6)
    []
    """
    notes = [_note(m.start(), m.end(), m.group("body")) for m in _bracket_notes(text, start, end)]
    if line_starts is None:
        line_starts = (ln.start for ln in LineIndex(text).lines if start <= ln.start < end)
    others = [_note(m.start("body"), m.end("body"), m.group("body")) for m in _notes_at(text, line_starts, end)]
    others += [  # 【责任单位】X: read as 责任单位：X
        _note(m.start(), m.end(), f"{m.group('label')}：{m.group('units')}")
        for m in RE_BRACKETED_LABEL_NOTE.finditer(text, start, end)
    ]
    if others:  # each list is in order already
        notes = sorted(notes + others, key=lambda n: n.start)
    notes = [n for n in notes if n.lead_units or n.cooperating_units]
    if any(n.shared for n in notes) and RE_FIRST_IS_LEAD.search(text):
        notes = [n.first_leads() for n in notes]  # the plan says the unit listed first leads
    return notes


def _notes_at(text: str, line_starts: Iterable[int], end: int) -> Iterator[regex.Match[str]]:
    """Notes on lines of their own, looked for only where a line starts like one."""
    for pos in line_starts:
        if text[pos] in _LINE_NOTE_FIRST:
            match = RE_LEAD_LINE.match(text, pos, end)
            if match is not None:
                yield match


_LINE_NOTE_FIRST = frozenset(label[0] for label in lx.LEAD_LABELS + lx.COOPERATING_LABELS)


def _bracket_notes(text: str, start: int, end: int) -> Iterator[re.Match[str] | regex.Match[str]]:
    """Notes in brackets, found from their cue words (牵头单位, 牵头, 负责) outwards: a plan
    has far fewer cue words than brackets, and most brackets are not notes."""
    tried: set[int] = set()
    last_end = start
    for cue in RE_NOTE_CUE.finditer(text, start, end):
        if cue.start() < last_end:
            continue  # inside a note already found
        pos = cue.start()
        simple = RE_SIMPLE_LEAD_NOTE.match(text, pos - 1, end) if pos > start else None
        if simple is not None:
            last_end = simple.end()
            yield simple
            continue
        if _starts_line(text, pos, start):
            continue  # 牵头单位：X on a line of its own: _notes_at reads it
        for _ in range(_NESTING):
            bracket = RE_LAST_OPEN_BRACKET.search(text, max(start, pos - _CUE_REACH), pos)
            if bracket is None or bracket.start() in tried:
                break
            tried.add(bracket.start())
            group = RE_BRACKET_GROUP.match(text, bracket.start(), end)
            if group is not None and group.end() > cue.start():
                last_end = group.end()
                yield group  # its body is parsed, and dropped if it names no units
                break
            match = RE_LEAD_NOTE.match(text, bracket.start(), end)
            if match is not None and match.end() > cue.start():  # the note must hold its cue
                last_end = match.end()
                yield match
                break
            pos = bracket.start()


def _starts_line(text: str, pos: int, start: int) -> bool:
    """Whether only white space stands between ``pos`` and the start of its line."""
    while pos > start and text[pos - 1] in lx.SPACE_CHARS:
        pos -= 1
    return pos == 0 or text[pos - 1] in "\r\n"


_NESTING = 2  # brackets tried outwards from a cue: （省市场监管局（省知识产权局）牵头）
_CUE_REACH = 120  # how far before its cue word a note may open


def merge_trailing(text: str, notes: list[LeadNote]) -> LeadNote | None:
    """The note that closes an item: its last note, with the notes right before it that only
    white space separates (牵头单位：X on one line, 配合单位：Y on the next).

    >>> text = "做好。\\n牵头单位：甲\\n配合单位：乙"
    >>> merge_trailing(text, find_notes(text, 0, len(text)))
    LeadNote(start=4, end=17, lead_units=['甲'], cooperating_units=['乙'], shared=False)
    """
    if not notes:
        return None
    if len(notes) == 1 or text[notes[-2].end : notes[-1].start].strip(lx.SPACE_CHARS + "\r\n"):
        return notes[-1]
    first = len(notes) - 1
    while first > 0 and not text[notes[first - 1].end : notes[first].start].strip(lx.SPACE_CHARS + "\r\n"):
        first -= 1
    group = notes[first:]
    return LeadNote(
        group[0].start,
        group[-1].end,
        _unique(unit for note in group for unit in note.lead_units),
        _unique(unit for note in group for unit in note.cooperating_units),
        all(note.shared for note in group),
    )


def _unique(units: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(units))


def _note(start: int, end: int, body: str) -> LeadNote:
    lead, cooperating, shared = _parse_cached(body)
    return LeadNote(start, end, list(lead), list(cooperating), shared)


@lru_cache(maxsize=1024)
def _parse_cached(body: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """Plans repeat the same notes (one unit leads dozens of items): parse each once."""
    lead, cooperating = parse_note_body(body)
    labels = [_label_name(m) for m in RE_ROLE_LABEL.finditer(body)]
    shared = bool(labels) and all(label in lx.SHARED_LABELS for label in labels)
    return tuple(lead), tuple(cooperating), shared


def _label_name(label: re.Match[str] | regex.Match[str]) -> str:
    return "".join(label.group("label").split())  # 牵头\n单位, wrapped in print


def parse_note_body(body: str) -> tuple[list[str], list[str]]:
    """The lead and cooperating units a note's body names.

    >>> parse_note_body("牵头单位：省市场监管局；配合单位：省工信厅、省商务厅")
    (['省市场监管局'], ['省工信厅', '省商务厅'])
    >>> parse_note_body("牵头单位:省发改委,配合单位:各设区市政府")
    (['省发改委'], ['各设区市政府'])
    >>> parse_note_body("省教育厅牵头，省财政厅等配合")
    (['省教育厅'], ['省财政厅'])
    """
    remark = RE_FIRST_IS_LEAD_REMARK.search(body)
    if remark is not None:  # 责任单位：A、B（排在首位的为牵头单位）
        body = body[: remark.start()] + body[remark.end() :]
    labels = list(RE_ROLE_LABEL.finditer(body))
    if not labels:
        return _parse_inline(body)
    names = [_label_name(label) for label in labels]
    # 牵头单位：X；责任单位：Y — beside a named lead, the responsible units cooperate
    secondary = lx.COOPERATING_LABELS + (lx.SHARED_LABELS if any("牵头" in n for n in names) else ())
    lead: list[str] = []
    cooperating: list[str] = []
    for i, (label, name) in enumerate(zip(labels, names, strict=True)):
        stop = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        units = split_units(body[label.end() : stop])
        (cooperating if name in secondary else lead).extend(units)
    if remark is not None and len(lead) > 1:
        lead, cooperating = lead[:1], lead[1:] + cooperating
    return lead, cooperating


def _parse_inline(body: str) -> tuple[list[str], list[str]]:
    """The units of an unlabelled note: X牵头，Y配合 / X、Y按职责分工负责."""
    inline = RE_INLINE_ROLES.match(body.strip(lx.SPACE_CHARS))
    if inline is None:
        return [], []
    lead = split_units(inline.group("lead"))
    cooperating = split_units(inline.group("with") or "") + split_units(inline.group("coop") or "")
    if not all(_names_a_unit(unit) for unit in lead + cooperating):
        return [], []  # （谁主管谁负责）: a phrase, not a list of units
    return lead, cooperating


def _names_a_unit(name: str) -> bool:
    """Whether ``name`` ends like a unit's name, a bracketed alias aside.

    >>> _names_a_unit("省市场监管局（省知识产权局）"), _names_a_unit("谁主管谁")
    (True, False)
    """
    return RE_TRAILING_BRACKETS.sub("", name).endswith(lx.ORG_SUFFIXES)


def split_units(text: str) -> list[str]:
    """Unit names in a list, split at top-level separators.

    >>> split_units("省发改委、省工信厅")
    ['省发改委', '省工信厅']
    >>> split_units("各区、县级市人民政府，省财政厅")
    ['各区、县级市人民政府', '省财政厅']
    >>> split_units("省市场监管局（省知识产权局）、省科技厅等")
    ['省市场监管局（省知识产权局）', '省科技厅']
    >>> split_units("各市、县（区）政府")
    ['各市、县（区）政府']
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
    if joiner == "、" and units and RE_ADMIN_DISTRIBUTIVE.match(units[-1]) and RE_ADMIN_LEVEL_START.match(part):
        units[-1] = f"{units[-1]}、{part}"
    else:
        units.append(part)


def _clean(unit: str) -> str:
    unit = RE_LINE_WRAP.sub("", unit).strip(lx.SPACE_CHARS + "\r\n。.")
    stripped = RE_UNIT_TRAILER.sub("", unit).strip(lx.SPACE_CHARS)
    return stripped or unit
