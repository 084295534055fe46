"""Task-table rows -> the plan's sections, items and notes (the rows found by :mod:`rows`).

Where the structure pass finds a task table (:func:`rows.find_table`), the plan is read from it
unless the text before it sets tasks with units of their own (a 分工表 annexed to a plan whose
tasks carry notes)::

    notice, plan title          the lines above the header row        -> header
    一、打造高效便捷的政务环境   a category row                         -> a section
    1⇥深化……⇥省市场监管局*、省公安厅⇥2024年6月底前                     -> an item: title, note, 完成时限
    各设区市要参照本清单……      the text after the table               -> the plan's closing

A table inside one section of a plan written in prose (三、重点任务, then the table) gives that
section its items, its category rows the items' groups.  A row's note is its units cells, read by
their columns' roles and the plan's rule (a unit marked after its name, 省市场监管局*, leads), with
its other cells after the task's text as fields (the 完成时限 one is the item's deadline).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from zhiliang_cli.errors import NotAPlanError
from zhiliang_cli.records import GroupRecord, ItemRecord, NoteRecord, SectionRecord

from . import lexicon as lx
from .lines import Heading, Line, LineIndex, is_date_line, looks_like_signature
from .notes import LeadNote, NoteField, apply_rules, read_body
from .patterns import RE_MARK_AFTER
from .rows import UNIT_ROLES, Cell, Column, Row, Table, pipe_words_end
from .structure import SectionDraft, Structure, _Block, _numbering_restarts, sentence_end

_SIGNATURE_REACH = 4  # signature lines above a date after the table

# --- the plan read from the table --------------------------------------------------------


def read_from_table(
    text: str, index: LineIndex, table: Table, prose: Callable[[str, LineIndex], Structure]
) -> Structure:
    """The structure of a text that holds a task table: read from the table, unless the text
    before it (read as ``prose`` reads a plan) sets tasks with units of their own — then the table
    is an annex of that plan (a 分工表 after its tasks), and the plan is the prose — or the table
    names no units where the prose has tasks (a schedule of events: 序号 / 事项 / 时间 / 地点)."""
    try:
        structure = prose(text, index)
    except NotAPlanError:
        return table_structure(text, index, table)
    header = table.header[0]
    if header not in structure.header and header not in structure.annex + structure.trailer + structure.closing:
        return _spliced(text, structure, table)  # a table inside a section of a plan written in prose
    if not _names_units(table) and any(section["items"] for section in structure.sections):
        return structure  # an annexed table of no units (序号/事项/时间/地点: a schedule) adds no task
    for section in structure.sections:
        for item in section["items"]:
            if item["span"][0] < header.start and (item["lead_units"] or item["cooperating_units"]):
                return structure
    return table_structure(text, index, table)


def _names_units(table: Table) -> bool:
    """Whether a table has a column of units (牵头单位, 责任单位, 配合单位)."""
    return any(column.role in UNIT_ROLES for column in table.columns)


def _spliced(text: str, structure: Structure, table: Table) -> Structure:
    """A plan written in prose with a task table inside one of its sections (三、重点任务, then the
    table): the rows are that section's items, in place of what the prose read there (the table's
    category rows its groups), and the header row is the section's own text; the items of the
    plan are numbered by position.  Where the table runs over more than one section, or the
    section's tasks carry notes of their own, or the section has tasks in prose and the table names
    no units (a schedule of events: 序号 / 事项 / 时间 / 地点), the prose's reading stands."""
    start, end = table.header[0].start, table.categories[-1].rows[-1].lines[-1].end
    bounds = [s["span"][0] for s in structure.sections] + [_body_end(structure)]
    k = next((k for k in range(len(structure.sections)) if bounds[k] <= start and end <= bounds[k + 1]), None)
    if k is None:
        return structure
    section, draft = structure.sections[k], structure.drafts[k]
    if any(item["lead_units"] or item["cooperating_units"] for item in section["items"]):
        return structure
    if section["items"] and not _names_units(table):
        return structure  # 序号 / 事项 / 时间 / 地点 under tasks in prose: a schedule, no tasks with units
    notes = _read_notes(text, table)
    before = [i for i, item in enumerate(section["items"]) if item["span"][0] < start]
    after = [i for i, item in enumerate(section["items"]) if item["span"][0] >= end]
    rows: list[ItemRecord] = []
    blocks: list[_Block] = []
    groups = [g for g in section["groups"] if g["span"][0] < start or g["span"][0] >= end]
    ordinal = 0
    for category in table.categories:
        group = _group_record(text, category.heading) if category.heading is not None else None
        if group is not None:
            groups.append(group)
        for row in category.rows:
            ordinal += 1
            heading = _row_heading(table, row, ordinal)
            blocks.append(_Block(heading, list(row.lines)))
            item = _item(text, table, row, heading, ordinal, section["number"], notes[ordinal - 1])
            rows.append({**item, "group": group})
    for i in before:  # a task before the table ends where the table starts
        item = section["items"][i]
        if item["span"][1] > start:
            stop = text.rfind("\n", item["span"][0], start)
            item["span"][1] = stop if stop > item["span"][0] else start
            item["text"] = text[item["span"][0] : item["span"][1]]
    section["items"] = [section["items"][i] for i in before] + rows + [section["items"][i] for i in after]
    section["groups"] = sorted(groups, key=lambda g: g["span"][0])
    if not before and section["text_span"] is not None:  # the section's own text, to the header row
        section["text_span"] = [section["text_span"][0], min(section["text_span"][1], table.header[-1].end)]
        section["text"] = text[section["text_span"][0] : section["text_span"][1]]
    draft.items = (
        [b for b in draft.items if b.heading.line.start < start]
        + blocks
        + [b for b in draft.items if b.heading.line.start >= end]
    )
    draft.groups = [g for g in draft.groups if g.heading.line.start < start or g.heading.line.start >= end]
    draft.promoted = False
    for other, other_draft in zip(structure.sections, structure.drafts, strict=True):
        if other is not section and _frames(text, other):
            _items_to_text(text, other, other_draft)
    number = 0
    for each in structure.sections:
        for item in each["items"]:
            number += 1
            item["number"] = number
    structure.notes = sorted(structure.notes + [n for n in notes if n is not None], key=lambda n: n.start)
    structure.restart = _numbering_restarts(structure.drafts)
    return structure


def _frames(text: str, section: SectionRecord) -> bool:
    """Whether a section frames the tasks (总体要求, 保障措施) and its entries name no unit: once
    the table's rows carry the notes, its entries are its own text, as the structure pass reads
    framing sections of a plan whose tasks carry notes."""
    return (
        bool(section["items"])
        and section["title"].startswith(lx.FRAMING_TITLES)
        and not any(item["lead_units"] or item["cooperating_units"] for item in section["items"])
    )


def _items_to_text(text: str, section: SectionRecord, draft: SectionDraft) -> None:
    start = section["text_span"][0] if section["text_span"] else section["items"][0]["span"][0]
    end = section["items"][-1]["span"][1]
    section["text_span"], section["text"] = [start, end], text[start:end]
    section["items"] = []
    draft.items = []


def _body_end(structure: Structure) -> int:
    """Where the plan's body ends: at its closing text, or its trailer, or the text's end."""
    after = structure.closing + structure.trailer + structure.annex
    return min((line.start for line in after), default=1 << 62)


def _read_notes(text: str, table: Table) -> list[LeadNote | None]:
    """Each row's note, read by the plan's rule (None for a row without one)."""
    row_notes = [_row_note(text, table.columns, row) for c in table.categories for row in c.rows]
    read = iter(apply_rules(text, [n for n in row_notes if n is not None]))
    return [next(read) if n is not None else None for n in row_notes]


def _row_heading(table: Table, row: Row, ordinal: int) -> Heading:
    """A row's number as a heading of the item level (the numbering checks read it)."""
    printed_as = row.value if row.value is not None else ordinal
    return Heading(2, printed_as, row.numeral or str(ordinal), row.lines[0], _title_start(table, row), "l3")


def _group_record(text: str, heading: Heading) -> GroupRecord:
    record = _section_record(text, heading)
    return {k: record[k] for k in ("number", "numeral", "title", "span", "line")}  # type: ignore[return-value]


def table_structure(text: str, index: LineIndex, table: Table) -> Structure:
    """The plan's structure read from its table: the lines before the header are the notice (and
    the plan's title), the category rows its sections (the header row is the one section of a
    table without them), the rows its items; the text after the table is the plan's closing, and
    a signature and date there the closing block."""
    lines = index.lines
    drafts: list[SectionDraft] = []
    sections: list[SectionRecord] = []
    notes = _read_notes(text, table)
    printed = _printed_numbers_hold(table)
    ordinal = 0
    for k, category in enumerate(table.categories, start=1):
        heading = category.heading or Heading(1, k, "", table.header[0], table.header[0].start)
        draft = SectionDraft(_Block(heading, [heading.line]))
        section = _section_record(text, heading)
        for row in category.rows:
            ordinal += 1
            number = row.value if printed and row.value is not None else ordinal
            item_heading = _row_heading(table, row, ordinal)
            draft.items.append(_Block(item_heading, list(row.lines)))
            section["items"].append(_item(text, table, row, item_heading, number, heading.value, notes[ordinal - 1]))
        drafts.append(draft)
        sections.append(section)
    after = lines[table.end :]
    signed = _signed_from(text, after)
    restart = sum(c.rows[0].value == 1 for c in table.categories[1:] if c.rows) * 2 > max(1, len(table.categories) - 1)
    return Structure(
        lines[: table.first],
        after[signed:],
        sections,
        drafts,
        restart and not printed,
        table.furniture,
        [],
        None,
        after[:signed],
        [],
        [n for n in notes if n is not None],
    )


def _printed_numbers_hold(table: Table) -> bool:
    """Whether the printed 序号 identify the rows: every row has one, and they rise."""
    values = [row.value for c in table.categories for row in c.rows]
    known = [v for v in values if v is not None]
    return len(known) == len(values) and all(a < b for a, b in pairwise(known))


def _signed_from(text: str, after: list[Line]) -> int:
    """Where the closing block starts in the lines after the table: the signature above the first
    date line, or nothing."""
    date = next((k for k, ln in enumerate(after) if is_date_line(text, ln)), None)
    if date is None:
        return len(after)
    k = date
    while k > 0 and date - k < _SIGNATURE_REACH and looks_like_signature(text, after[k - 1]):
        k -= 1
    return k


def _title_start(table: Table, row: Row) -> int:
    task = _cell(table, row, "task")
    return task.start if task is not None else row.lines[0].start


def _cell(table: Table, row: Row, role: str) -> Cell | None:
    return next((cell for cell, col in zip(row.cells, table.columns, strict=True) if col.role == role and cell), None)


def _section_record(text: str, heading: Heading) -> SectionRecord:
    line = heading.line
    title = _clean(text[heading.body : pipe_words_end(text, heading.body, line.end)]) if heading.numeral else ""
    return {
        "number": heading.value,
        "numeral": heading.numeral,
        "title": _first_sentence(title),
        "span": [line.start, line.end],
        "line": line.number,
        "text": None,
        "text_span": None,
        "groups": [],
        "targets": [],
        "items": [],
    }


def _first_sentence(words: str) -> str:
    """Words to their first sentence's end (。, or an ASCII full stop used as one).

    >>> _first_sentence("做好甲项工作.推动乙项工作。"), _first_sentence("新增2.5万亩")
    ('做好甲项工作', '新增2.5万亩')
    """
    end = sentence_end(words, 0, len(words))
    return words if end < 0 else words[:end]


def _clean(cell: str) -> str:
    """A cell's words on one line: line breaks inside it (a wrapped row) removed, and the quotes a
    spreadsheet puts around a cell that holds one.

    >>> _clean('"做好甲，\\n推动乙。"')
    '做好甲，推动乙。'
    """
    words = "".join(part.strip(lx.SPACE_CHARS) for part in cell.splitlines())
    return words[1:-1] if len(words) > 1 and words[0] == words[-1] == '"' else words


def _words(text: str, pieces: list[Cell]) -> str:
    """A cell's words: its pieces on the lines it wraps onto, joined as one (a line end inside a
    word is the page's layout: 县卫生健 / 康局 is 县卫生健康局).

    >>> _words("县卫生健  2025年\\n  康局", [Cell(0, 4), Cell(14, 16)])
    '县卫生健康局'
    """
    return "".join(_clean(text[piece.start : piece.end]) for piece in pieces)


def _row_note(text: str, columns: list[Column], row: Row) -> LeadNote | None:
    """A row's note: its units cells read by their columns' roles, its other cells after the
    task's text as fields (the 完成时限 one the deadline); None for a row that names no unit and
    has no such cell."""
    first = next((k for k, col in enumerate(columns) if col.role not in ("number", "task", "text")), None)
    if first is None:
        return None
    own = [(row.pieces(k), col, True) for k, col in enumerate(columns) if k >= first]  # with the lines it wraps onto
    cells = [(pieces, col, mine) for pieces, col, mine in own if pieces] + [
        ([cell], col, False)
        for line_cells in row.more
        for cell, col in zip(line_cells[first:], columns[first:], strict=True)
        if cell is not None
    ]
    if not cells:
        return None
    clauses: list[str] = []
    fields: list[NoteField] = []
    for pieces, col, mine in cells:
        if col.role in UNIT_ROLES:  # 牵头单位：A；责任单位：B reads as a note so written does
            body = RE_MARK_AFTER.sub(r"\g<mark>\g<name>", _words(text, pieces))
            clauses.append(f"{UNIT_ROLES[col.role]}：{body}")
        elif mine:  # the row's own fields, a field a piece (a line of further units adds units only)
            fields += [NoteField(col.label, piece.start, piece.end) for piece in pieces]
    reading = read_body("；".join(clauses)) if clauses else None
    lead, cooperating = (list(reading.lead), list(reading.cooperating)) if reading else ([], [])
    shared, groups = (reading.shared, reading.groups) if reading else (False, ())
    start, end = _note_span(row, first) or (cells[0][0][0].start, cells[-1][0][-1].end)
    return LeadNote(start, end, lead, cooperating, shared, tuple(fields), True, groups)


def _note_span(row: Row, first: int) -> tuple[int, int] | None:
    """Where a row's note stands: its cells from column ``first`` on, on the row's own line and its
    lines of further units, and on the lines its cells wrap onto after the task's last piece (a
    wrapped piece of the units before it stands among the task's words, which are no note's)."""
    task_lines = [j for j, cells in enumerate(row.wraps) if any(cell is not None for cell in cells[:first])]
    after_task = row.wraps[task_lines[-1] + 1 :] if task_lines else row.wraps
    edges = [c for cells in [row.cells, *row.more, *after_task] for c in cells[first:] if c is not None]
    return (min(c.start for c in edges), max(c.end for c in edges)) if edges else None


def _item(
    text: str, table: Table, row: Row, heading: Heading, number: int, section: int, note: LeadNote | None
) -> ItemRecord:
    """A row as an item: its task cell the title (to its first 。), the row its text."""
    task = next((k for k, col in enumerate(table.columns) if col.role == "task"), None)
    title = _first_sentence(_words(text, row.pieces(task))).strip(lx.SPACE_CHARS) if task is not None else ""
    start, end = row.lines[0].start, row.lines[-1].end
    records: list[NoteRecord] = [note.record(text)] if note is not None else []
    return {
        "number": number,
        "numeral": heading.numeral,
        "section": section,
        "group": None,
        "title": title,
        "text": text[start:end],
        "lead_units": note.lead_units if note else [],
        "cooperating_units": note.cooperating_units if note else [],
        "lead_span": [note.start, note.end] if note else None,
        "notes": records,
        "deadline": None,
        "span": [start, end],
        "line": row.lines[0].number,
        "targets": [],
    }
