"""parse_text(text) -> the plan as records: the short pipeline over the modules.

1. :mod:`lines` indexes the lines;
2. :mod:`structure` finds sections, groups and items (with :mod:`leads`);
3. :mod:`header` reads the notice around the plan;
4. :mod:`targets` finds the targets of each item and of each section's own text;
5. :mod:`problems` checks the structure (numbering, missing leads, a cut-off end).
"""

from __future__ import annotations

from typing import cast

from .header import parse_header
from .lines import LineIndex
from .problems import structure_problems
from .records import ItemRecord, PlanRecord, SectionRecord
from .structure import parse_structure
from .targets import Region, extract_all


def parse_text(text: str) -> PlanRecord:
    """Parse the decoded text of a plan into plain records (see :mod:`records`)."""
    index = LineIndex(text)
    structure = parse_structure(text, index)
    _add_targets(text, structure.sections, index)
    header = parse_header(text, structure.header, structure.trailer)
    plan = {**header, "sections": structure.sections, "problems": structure_problems(text, structure, index)}
    return cast(PlanRecord, plan)


def _add_targets(text: str, sections: list[SectionRecord], index: LineIndex) -> None:
    """Targets of every item and of every section's own text, found in one scan of the plan."""
    owners: list[SectionRecord | ItemRecord] = []
    regions: list[Region] = []
    for section in sections:
        if section["text_span"] is not None:
            start, end = section["text_span"]
            owners.append(section)
            regions.append(Region(start, end, section["number"], None))
        for item in section["items"]:
            (start, end), note = item["span"], item["lead_span"]
            owners.append(item)
            skip = (note[0], note[1]) if note else None
            regions.append(Region(start, end, section["number"], item["number"], skip))
    for owner, targets in zip(owners, extract_all(text, regions, index), strict=True):
        owner["targets"] = targets
