"""What ``zl check`` reports: problems in a plan's structure, one record each with its line.

Kinds: ``numbering`` (a gap or disorder), ``repeat`` (a number given twice),
``empty_section``, ``missing_lead`` (an item without a lead unit, where others
have one), ``no_leads`` (no item names one), ``unassigned_text`` (text that
belongs to no section or item) and ``truncated`` (the copy ends inside an item).
"""

from __future__ import annotations

from . import lexicon as lx
from .lines import Line
from .records import ProblemRecord, SectionRecord
from .structure import Heading, SectionDraft, Structure, is_closing, looks_like_signature


def structure_problems(text: str, structure: Structure) -> list[ProblemRecord]:
    """Every problem found, in order of line."""
    problems = _numbering_problems(structure.drafts, structure.restart)
    problems += _check_trailer(text, structure.trailer)
    problems += lead_problems(structure.sections) + truncation_problems(text, structure.sections)
    return sorted(problems, key=lambda p: p["line"])


def _sequence_problems(what: str, heads: list[Heading], first_expected: int) -> list[ProblemRecord]:
    problems: list[ProblemRecord] = []
    expected = first_expected
    for head in heads:
        if head.value != expected:
            kind = "repeat" if head.value < expected and head.value == expected - 1 else "numbering"
            problems.append(
                {
                    "kind": kind,
                    "line": head.line.number,
                    "message": f"{what} numbered {head.numeral} where {expected} was expected",
                }
            )
        expected = head.value + 1
    return problems


def _numbering_problems(drafts: list[SectionDraft], restart: bool) -> list[ProblemRecord]:
    problems = _sequence_problems("section", [d.block.heading for d in drafts], 1)
    running = 1
    for draft in drafts:
        if not draft.items and len(draft.block.lines) == 1:
            problems.append(
                {
                    "kind": "empty_section",
                    "line": draft.block.heading.line.number,
                    "message": f"section {draft.block.heading.numeral} has no items",
                }
            )
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


def lead_problems(sections: list[SectionRecord]) -> list[ProblemRecord]:
    """Items without a lead unit, when the plan names lead units elsewhere."""
    items = [item for s in sections for item in s["items"]]
    missing = [item for item in items if not item["lead_units"]]
    if not items or len(missing) == len(items):
        return (
            [
                {
                    "kind": "no_leads",
                    "line": items[0]["line"] if items else 1,
                    "message": "no item names a lead unit (牵头单位/责任单位)",
                }
            ]
            if items
            else []
        )
    return [
        {
            "kind": "missing_lead",
            "line": item["line"],
            "message": f"item {item['numeral']} ({item['number']}) names no lead unit",
        }
        for item in missing
    ]


def truncation_problems(text: str, sections: list[SectionRecord]) -> list[ProblemRecord]:
    """The last item looks cut off: it ends in mid-sentence, without a note."""
    items = [item for s in sections for item in s["items"]]
    if not items:
        return []
    last = items[-1]
    if last["lead_span"] is not None or last["text"].rstrip()[-1:] in lx.SENTENCE_ENDS + "）)":
        return []
    tail = last["text"][-20:]
    return [
        {
            "kind": "truncated",
            "line": last["line"],
            "message": f"the last item, {last['numeral']}, ends in mid-sentence (…{tail}) and has no "
            "lead-unit note: the copy looks cut off after it",
        }
    ]


def _check_trailer(text: str, trailer: list[Line]) -> list[ProblemRecord]:
    return [
        {
            "kind": "unassigned_text",
            "line": line.number,
            "message": f"text belongs to no section or item: {text[line.start : line.end][:30]}",
        }
        for line in trailer
        if not is_closing(text, line) and not looks_like_signature(text, line)
    ]
