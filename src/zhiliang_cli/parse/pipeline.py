"""parse_text(text) -> the plan as records: the short pipeline over the modules.

1. :mod:`lines` indexes the lines;
2. :mod:`structure` finds sections, groups and items (with :mod:`notes`);
3. :mod:`header` reads the notice around the plan, and the plan's preamble;
4. :mod:`times` reads each item's 完成时限;
5. :mod:`targets` finds the targets of the preamble, of each section's own text and of each
   item, with the horizon or deadline each is set for;
6. :mod:`problems` checks the structure (numbering, missing leads, a cut-off end).
"""

from __future__ import annotations

from typing import cast

from zhiliang_cli.records import ItemRecord, PlanRecord, SectionRecord, TargetRecord

from . import lexicon as lx
from .header import parse_header
from .lines import LineIndex
from .problems import structure_problems
from .structure import parse_structure
from .targets import Region, extract_all
from .times import Times, item_deadline, plan_year


def parse_text(text: str) -> PlanRecord:
    """Parse the decoded text of a plan into plain records (see :mod:`records`)."""
    index = LineIndex(text)
    structure = parse_structure(text, index)
    header = parse_header(text, structure.header, structure.trailer)
    year = plan_year(
        cast("str | None", header["plan_title"]),
        cast("str | None", header["title"]),
        fallback=cast("str | None", header["date"]),
    )
    times = Times.of(text, year)
    for section in structure.sections:
        for item in section["items"]:
            item["deadline"] = item_deadline(text, item, year, times)
    preamble = cast("list[int] | None", header["preamble"] and header["preamble_span"])
    closing = [structure.closing[0].start, structure.closing[-1].end] if structure.closing else None
    plan = {
        **header,
        "closing": text[closing[0] : closing[1]] if closing else None,
        "closing_span": closing,
        "targets": [],
        "sections": structure.sections,
    }
    _add_targets(text, cast(PlanRecord, plan), preamble, index, year, times)
    plan["problems"] = structure_problems(text, structure, index)
    return cast(PlanRecord, plan)


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
        if section["text_span"] is not None:
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
