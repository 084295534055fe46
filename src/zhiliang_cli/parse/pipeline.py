"""parse_text(text) -> the plan as records: the short pipeline over the modules.

1. :mod:`lines` indexes the lines;
2. :mod:`structure` finds sections, groups and items (with :mod:`notes`; a task table's rows with
   :mod:`rows` and :mod:`row_items`);
3. :mod:`header` reads the notice around the plan, and the plan's preamble;
4. :mod:`times` reads each item's 完成时限;
5. :mod:`targets` finds the targets of the preamble, of each section's own text and of each
   item, with the horizon or deadline each is set for;
6. :mod:`problems` checks the structure (numbering, missing leads, a cut-off end).
"""

from __future__ import annotations

from typing import Any, cast

from zhiliang_cli.errors import NotAPlanError
from zhiliang_cli.records import ItemRecord, PartRecord, PlanRecord, SectionRecord, TargetRecord

from . import lexicon as lx
from .header import attaches_support, document_kind, parse_header
from .lines import LineIndex
from .problems import not_a_plan, structure_problems
from .script import restore, simplified
from .structure import Structure, parse_structure
from .targets import Region, extract_all
from .times import Times, default_deadline, item_deadline, plan_year


def parse_text(text: str) -> PlanRecord:
    """Parse the decoded text of a plan into plain records (see :mod:`records`); a plan printed in
    traditional characters is read in simplified ones, and what is read given back as printed."""
    shadow = simplified(text)
    if shadow is None:
        return _parse(text)
    plan = _parse(shadow)
    restore(cast("dict[str, Any]", plan), text, shadow)
    return plan


def _parse(text: str) -> PlanRecord:
    index = LineIndex(text)
    try:
        structure = parse_structure(text, index)
    except NotAPlanError:
        document = _document_without_sections(text, index)
        if document is None:
            raise
        return document
    header = parse_header(text, structure.header, structure.trailer)
    kind, items = _kind_and_items(structure, header)
    if structure.titled_measures and kind != "plan":  # a reply's or a bulletin's points run their titles in too
        structure = parse_structure(text, index, run_in=False)
        header = parse_header(text, structure.header, structure.trailer)
        kind, items = _kind_and_items(structure, header)
    if kind != "plan" and attaches_support(
        cast("str | None", header["title"]), cast("str | None", header["plan_title"])
    ):
        header["plan_title"] = header["title"]  # not the title of a report it attaches (附件1 关于…的报告)
    year = plan_year(
        cast("str | None", header["plan_title"]),
        cast("str | None", header["title"]),
        fallback=cast("str | None", header["date"]),
    )
    times = Times.of(text, year)
    for section in structure.sections:
        for item in section["items"]:
            item["deadline"] = item_deadline(text, item, year, times, standing=kind in lx.STANDING_KINDS)
    _apply_default_deadline(text, items, times)
    preamble = cast("list[int] | None", header["preamble"] and header["preamble_span"])
    closing = [structure.closing[0].start, structure.closing[-1].end] if structure.closing else None
    plan = {
        **_with_kind(header, kind),
        "closing": text[closing[0] : closing[1]] if closing else None,
        "closing_span": closing,
        "targets": [],
        "parts": _parts(text, structure),
        "sections": structure.sections,
    }
    if kind == "plan":  # a reply, a bulletin or a rule sets no targets: its numbers are facts and rules
        _add_targets(text, cast(PlanRecord, plan), preamble, index, year, times)
    plan["problems"] = structure_problems(text, structure, index, kind) + not_a_plan(kind, structure.sections)
    return cast(PlanRecord, plan)


def _kind_and_items(structure: Structure, header: dict[str, object]) -> tuple[str, list[ItemRecord]]:
    """What the document is (:func:`document_kind`), and its items."""
    items = [item for section in structure.sections for item in section["items"]]
    assigns = sum(bool(item["lead_units"]) for item in items) * 2 > len(items)  # most items name who does them
    titles = cast("str | None", header["title"]), cast("str | None", header["plan_title"])
    return document_kind(*titles, bool(items), assigns, cast("str | None", header["preamble"])), items


def _apply_default_deadline(text: str, items: list[ItemRecord], times: Times) -> None:
    """The deadline the plan states for tasks that give none (未注明完成时限的任务，均须于2024年12月底前
    完成), given to each of them: every task's when the statement stands outside the tasks (the
    notice, the preamble, a closing 说明), else the task's that holds it and those after it (a
    statement in a note, as a rule stated there holds from there on)."""
    found = default_deadline(text, times)
    if found is None:
        return
    start, mark = found
    holder = next((k for k, item in enumerate(items) if item["span"][0] <= start < item["span"][1]), 0)
    for item in items[holder:]:
        if item["deadline"] is None:
            item["deadline"] = mark.record(text)


def _parts(text: str, structure: Structure) -> list[PartRecord]:
    """The further documents a notice sends after the plan (附件2, its title, its own 一、…): each
    with the 附件 heading above it (附件2, where one is printed), its title as printed (its lines
    joined), the text before its first section (为…，制定本方案。), where they stand, the position
    (1-based) of its first section among the plan's sections, and its own closing text after its
    last task (上述政策…执行期限为…)."""
    parts: list[PartRecord] = []
    closings = structure.part_closing or [[] for _part in structure.parts]
    for (first, lines, label), closing in zip(structure.parts, closings, strict=True):
        k = 0
        while k < len(lines) and not any(mark in text[lines[k].start : lines[k].end] for mark in lx.CLAUSE_ENDS):
            k += 1  # the title: its lines before the first sentence (为…，特制定以下规定：)
        title, rest = lines[: k or 1], lines[k or 1 :]
        own = [rest[0].start, rest[-1].end] if rest else None
        end = [closing[0].start, closing[-1].end] if closing else None
        parts.append(
            {
                "label": text[label.start : label.end] if label else None,
                "label_span": [label.start, label.end] if label else None,
                "title": "".join(text[line.start : line.end] for line in title),
                "span": [title[0].start, title[-1].end],
                "line": title[0].number,
                "text": text[own[0] : own[1]] if own else None,
                "text_span": own,
                "first_section": first + 1,
                "closing": text[end[0] : end[1]] if end else None,
                "closing_span": end,
            }
        )
    return parts


def _with_kind(header: dict[str, object], kind: str) -> dict[str, object]:
    """The header's fields with the document's kind after the plan's title."""
    fields: dict[str, object] = {}
    for key, value in header.items():
        fields[key] = value
        if key == "plan_title":
            fields["kind"] = kind
    return fields


def _document_without_sections(text: str, index: LineIndex) -> PlanRecord | None:
    """A document of another kind than a plan, with no numbered sections (a reply, a decision, a
    notice that sends nothing): its notice, read as a plan's is, and nothing else.  None where the
    text is no such document either (or is a plan cut off before its first section)."""
    header = parse_header(text, index.lines, [], whole=True)
    titles = cast("str | None", header["title"]), cast("str | None", header["plan_title"])
    kind = document_kind(*titles, False, body=cast("str | None", header["preamble"]))
    if kind == "plan" or not (header["doc_number"] or header["date"]):
        return None
    after = cast("list[int] | None", header.pop("after_span", None))  # what it sends, after its signature
    plan = {
        **_with_kind(header, kind),
        "closing": text[after[0] : after[1]] if after else None,
        "closing_span": after,
        "targets": [],
        "parts": [],
        "sections": [],
        "problems": not_a_plan(kind, []),
    }
    return cast(PlanRecord, plan)


def _situation_only(title: str) -> bool:
    """Whether a section's title says it reports where things stand and nothing more.

    >>> _situation_only("发展现状"), _situation_only("发展现状与目标"), _situation_only("主要目标")
    (True, False, False)
    """
    return title.startswith(lx.SITUATION_TITLES) and not any(w in title for w in lx.SITUATION_AND_AIM_WORDS)


def _add_targets(
    text: str, plan: PlanRecord, preamble: list[int] | None, index: LineIndex, year: int | None, times: Times
) -> None:
    """Targets of the preamble, of every section's own text and of every item, found in one scan."""
    owners: list[PlanRecord | SectionRecord | ItemRecord] = []
    regions: list[Region] = []
    if preamble is not None:
        owners.append(plan)
        regions.append(Region(preamble[0], preamble[1], None, None))
    for section in plan["sections"]:
        if section["text_span"] is not None and not _situation_only(section["title"]):
            start, end = section["text_span"]
            owners.append(section)
            regions.append(Region(start, end, section["number"], None))
        for item in section["items"]:
            (start, end), note = item["span"], item["lead_span"]
            start = _after_marker(text, item, start, end)
            owners.append(item)
            skip = (note[0], note[1]) if note else None
            deadline = item["deadline"] if _from_note(item) else None
            regions.append(Region(start, end, section["number"], item["number"], skip, deadline))
    parts = _own_part_counts(plan)
    for owner, targets in zip(owners, extract_all(text, regions, index, year, times), strict=True):
        owner["targets"] = [t for t in targets if not _counts_own_parts(text, t, parts)]


def _own_part_counts(plan: PlanRecord) -> set[int]:
    """How many sections, items, and items in each section and group the plan has."""
    items = [item for section in plan["sections"] for item in section["items"]]
    counts = {len(plan["sections"]), len(items)} | {len(section["items"]) for section in plan["sections"]}
    by_group: dict[object, int] = {}
    for item in items:
        if item["group"] is not None:
            key = (item["section"], item["group"]["number"])
            by_group[key] = by_group.get(key, 0) + 1
    return counts | set(by_group.values())


def _counts_own_parts(text: str, target: TargetRecord, parts: set[int]) -> bool:
    """A number that counts the plan's own parts (实施八项主要任务, where eight tasks follow): the plan
    describing itself, not a goal."""
    if target["value"] not in parts or target["unit"] not in lx.PART_COUNT_UNITS:
        return False
    if not text[max(0, target["number_span"][0] - 4) : target["number_span"][0]].endswith(lx.SELF_REFERENCE_VERBS):
        return False  # 出台8条政策措施: a goal, whatever the plan's size
    after = text[target["number_span"][1] : target["span"][1] + 12].lstrip("项条个大")
    return any(0 <= after.find(noun) <= _PART_NOUN_REACH for noun in lx.OWN_PART_NOUNS)


_PART_NOUN_REACH = 6  # characters of a qualifier before the noun: 30项督查激励措施


def _after_marker(text: str, item: ItemRecord, start: int, end: int) -> int:
    """Where an item's words start, after its printed marker (（一）, 2.): a target in its first
    clause is the clause, not the marker with it."""
    title = item["title"]
    found = text.find(title, start, end) if title else -1
    return found if found >= 0 else start


def _from_note(item: ItemRecord) -> bool:
    """Whether the item's 完成时限 is stated for the whole task (in its note), not in passing."""
    deadline = item["deadline"]
    return (
        deadline is not None
        and item["lead_span"] is not None
        and (item["lead_span"][0] <= deadline["span"][0] < item["lead_span"][1])
    )
