"""What must hold for every parse, whatever the document: used by the golden, corpus and
property tests."""

from __future__ import annotations

import functools
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

from zhiliang_cli.cache import load_text
from zhiliang_cli.errors import ZlError
from zhiliang_cli.parse.lines import Line, LineIndex
from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.parse.structure import parse_structure
from zhiliang_cli.records import PlanRecord


def lost_characters(text: str, plan: PlanRecord) -> list[int]:
    """Offsets, between the first section heading and the end of the last item, of the
    non-space characters that belong to no section heading, section text, group, item, line of
    page furniture, of the plan's closing text or of the closing block and trailing text (which ``zl check`` reports
    when it is not the closing block's), nor to a further document's title, text or closing — or to two of them."""
    items = [i for s in plan["sections"] for i in s["items"]]
    if not items:
        return []
    # a section that is its own item (a measure of a flat plan): the item holds its heading
    spans = [s["span"] for s in plan["sections"] if not any(i["span"][0] == s["span"][0] for i in s["items"])]
    spans += [s["text_span"] for s in plan["sections"] if s["text_span"]]
    spans += [g["span"] for s in plan["sections"] for g in s["groups"]] + [i["span"] for i in items]
    structure = parse_structure(text, LineIndex(text))
    # a page number inside a paragraph that runs over a page break is in the span, so the text, of its record
    records = sorted([i["span"] for i in items] + [s["text_span"] for s in plan["sections"] if s["text_span"]])
    inside = _within(structure.furniture, records)
    spans += [
        [line.start, line.end]
        for line in [ln for ln in structure.furniture if id(ln) not in inside]
        + structure.trailer
        + structure.closing
        + structure.annex
    ]
    # a further document's 附件 heading, its title, its own text before its first section and its closing text
    spans += [span for part in plan["parts"] for span in (part["label_span"], part["span"], part["text_span"]) if span]
    spans += [[line.start, line.end] for closing in structure.part_closing for line in closing]
    first, last = plan["sections"][0]["span"][0], max(i["span"][1] for i in items)
    # how many spans hold each offset: +1 where a span starts, -1 where it ends, summed along
    steps = [0] * (last - first + 1)
    for start, end in spans:
        start, end = max(start, first), min(end, last)
        if start < end:
            steps[start - first] += 1
            steps[end - first] -= 1
    owners = accumulate(steps[:-1])
    return [first + k for k, count in enumerate(owners) if count != 1 and not text[first + k].isspace()]


def _within(lines: list[Line], spans: list[list[int]]) -> set[int]:
    """The ids of the lines that stand inside one of ``spans`` (sorted; a line is looked for in the
    last span that starts before it)."""
    starts = [start for start, _end in spans]
    found: set[int] = set()
    for line in lines:
        k = bisect_right(starts, line.start) - 1
        if k >= 0 and spans[k][1] >= line.end:
            found.add(id(line))
    return found


def span_errors(text: str, plan: PlanRecord) -> list[str]:
    """Every record whose span does not slice to its text, and repeated item numbers."""
    errors: list[str] = []
    items = [i for s in plan["sections"] for i in s["items"]]
    numbers = [i["number"] for i in items]
    if len(set(numbers)) != len(numbers):
        errors.append(f"item numbers repeat: {numbers}")
    if plan["preamble_span"] and text[slice(*plan["preamble_span"])] != plan["preamble"]:
        errors.append("preamble span")
    if plan["closing_span"] and text[slice(*plan["closing_span"])] != plan["closing"]:
        errors.append("closing span")
    # a note for the tasks above it (以上三项由A牵头) gives them its units with its span as their lead span
    notes = {tuple(note["span"]) for item in items for note in item["notes"]}
    for item in items:
        if text[slice(*item["span"])] != item["text"]:
            errors.append(f"item {item['number']}: span")
        if (
            item["lead_span"]
            and not item["span"][0] <= item["lead_span"][0] <= item["lead_span"][1] <= item["span"][1]
            and tuple(item["lead_span"]) not in notes
        ):
            errors.append(f"item {item['number']}: lead span outside the item")
        for note in item["notes"]:
            errors += [
                f"item {item['number']}: note field" for f in note["fields"] if text[slice(*f["span"])] != f["text"]
            ]
        if item["deadline"] and text[slice(*item["deadline"]["span"])] != item["deadline"]["text"]:
            errors.append(f"item {item['number']}: deadline span")
    targets = list(plan["targets"])
    for section in plan["sections"]:
        targets += section["targets"] + [t for item in section["items"] for t in item["targets"]]
    for t in targets:
        if text[slice(*t["span"])] != t["text"] or text[slice(*t["number_span"])] != t["number_text"]:
            errors.append(f"target {t['number_text']}: span")
        if t["by"] and text[slice(*t["by"]["span"])] != t["by"]["text"]:
            errors.append(f"target {t['number_text']}: by span")
    return errors


@functools.cache
def parsed(path: Path) -> tuple[str, PlanRecord | ZlError]:
    """The text of the file at ``path``, and its plan or the error that refused it: read and parsed
    once in each process, as several tests look at the same documents (nothing changes a plan)."""
    text, _, _ = load_text(str(path))
    try:
        return text, parse_text(text)
    except ZlError as error:
        return text, error


def assert_whole_or_refused(path: Path) -> None:
    """The file parses with nothing lost or owned twice and every span exact, or is refused in one line."""
    text, plan = parsed(path)
    if isinstance(plan, ZlError):
        assert "\n" not in str(plan) and str(plan)
        return
    assert span_errors(text, plan) == []
    lost = lost_characters(text, plan)
    assert not lost, f"{len(lost)} characters lost or owned twice, first at {lost[0]}: {text[lost[0] : lost[0] + 20]!r}"
