"""parse_text(text) -> the plan as records: the short pipeline over the modules.

1. :mod:`lines` indexes the lines;
2. :mod:`structure` finds sections, groups and items (with :mod:`leads`);
3. :mod:`header` reads the notice around the plan;
4. :mod:`targets` finds the targets of each item and of each section's own text;
5. the structure's problems are completed (missing leads, a cut-off end).
"""

from __future__ import annotations

from typing import cast

from .header import parse_header
from .lines import LineIndex
from .records import PlanRecord, SectionRecord
from .structure import lead_problems, parse_structure, truncation_problems
from .targets import Region, extract_targets


def parse_text(text: str) -> PlanRecord:
    """Parse the decoded text of a plan into plain records (see :mod:`records`)."""
    index = LineIndex(text)
    structure = parse_structure(text, index)
    for section in structure.sections:
        _add_targets(text, section, index)
    header = parse_header(text, structure.header, structure.trailer)
    problems = structure.problems + lead_problems(structure.sections) + truncation_problems(text, structure.sections)
    problems.sort(key=lambda p: p["line"])
    plan = {**header, "sections": structure.sections, "problems": problems}
    return cast(PlanRecord, plan)


def _add_targets(text: str, section: SectionRecord, index: LineIndex) -> None:
    if section["text_span"] is not None:
        start, end = section["text_span"]
        section["targets"] = extract_targets(text, Region(start, end, section["number"], None), index)
    for item in section["items"]:
        start, end = item["span"]
        note = item["lead_span"]
        region = Region(start, end, section["number"], item["number"], (note[0], note[1]) if note else None)
        item["targets"] = extract_targets(text, region, index)
