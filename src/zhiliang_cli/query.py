"""Pure filters, look-ups and search over a parsed plan.

Every function takes plan records and returns lists of flat records ready for
:mod:`export` or :mod:`render`; nothing here prints or reads files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from . import lexicon as lx
from .errors import NotFoundError, UsageError
from .numerals import chinese_to_int

if TYPE_CHECKING:
    from .records import ItemRecord, PlanRecord, SectionRecord, TargetRecord

Row = dict[str, Any]

REGEX_TIMEOUT = 2.0  # seconds a user's --regex may run
SNIPPET_CONTEXT = 24  # characters shown either side of a search hit


def items(plan: PlanRecord) -> list[ItemRecord]:
    """Every item of the plan, in order."""
    return [item for section in plan["sections"] for item in section["items"]]


def parse_ref(ref: str, what: str) -> int:
    """A number given as 17, １７, 十七, (十七) or （十七）.

    >>> parse_ref("（十七）", "item"), parse_ref("17", "item"), parse_ref("一", "section")
    (17, 17, 1)
    """
    core = (
        ref.strip()
        .strip(lx.OPEN_PARENS + lx.CLOSE_PARENS + "、. ")
        .translate(str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789"))
    )
    value = int(core) if core.isdigit() else chinese_to_int(core)
    if not value:
        raise UsageError(f"{what} {ref!r} is not a number: give it as 17, 十七 or (十七)")
    return value


def find_section(plan: PlanRecord, ref: str) -> SectionRecord:
    number = parse_ref(ref, "section")
    for section in plan["sections"]:
        if section["number"] == number:
            return section
    numbers = ", ".join(s["numeral"] for s in plan["sections"])
    raise NotFoundError(f"there is no section {ref} in this plan (sections: {numbers})")


def find_item(plan: PlanRecord, ref: str) -> ItemRecord:
    number = parse_ref(ref, "item")
    for item in items(plan):
        if item["number"] == number:
            return item
    all_items = items(plan)
    span = f"1–{all_items[-1]['number']}" if all_items else "none"
    raise NotFoundError(f"there is no item {ref} in this plan (items: {span})")


def _matches_lead(units: Iterable[str], leads: list[str]) -> bool:
    return not leads or any(lead in unit for unit in units for lead in leads)


def filter_items(
    plan: PlanRecord,
    section: str | None = None,
    leads: list[str] | None = None,
    has_targets: bool = False,
    cooperating: list[str] | None = None,
) -> list[ItemRecord]:
    """Items of a section, led by a unit whose name contains any of ``leads``, with a
    cooperating unit whose name contains any of ``cooperating``, with targets."""
    chosen = find_section(plan, section)["items"] if section else items(plan)
    return [
        item
        for item in chosen
        if _matches_lead(item["lead_units"], leads or [])
        and _matches_lead(item["cooperating_units"], cooperating or [])
        and (item["targets"] or not has_targets)
    ]


def meta_row(
    plan: PlanRecord, path: str, encoding: str, sha256: str, size: int, origin: dict[str, Any] | None = None
) -> Row:
    """The file's facts (for a .docx, PDF or web page its format, extractor and pages or
    paragraphs read), the notice's fields and the plan's counts, in one record."""
    header = {k: v for k, v in plan.items() if k not in ("sections", "problems")}
    all_items = items(plan)
    counts = {
        "sections": len(plan["sections"]),
        "items": len(all_items),
        "targets": sum(len(i["targets"]) for i in all_items) + sum(len(s["targets"]) for s in plan["sections"]),
        "problems": len(plan["problems"]),
    }
    source = origin or {
        "format": "text",
        "extractor": None,
        "extractor_version": None,
        "pages": None,
        "paragraphs": None,
    }
    facts = {"file": path, "format": source["format"], "encoding": encoding or None, "sha256": sha256, "bytes": size}
    extraction = {k: source[k] for k in ("extractor", "extractor_version", "pages", "paragraphs")}
    return {**facts, **extraction, **header, **counts}


def check_report(plan: PlanRecord) -> Row:
    """What ``zl check`` reports: ``{"ok": bool, "problems": [...]}``."""
    return {"ok": not plan["problems"], "problems": plan["problems"]}


def section_rows(plan: PlanRecord) -> list[Row]:
    return [
        {
            "number": s["number"],
            "numeral": s["numeral"],
            "title": s["title"],
            "item_count": len(s["items"]),
            "target_count": len(s["targets"]) + sum(len(i["targets"]) for i in s["items"]),
            "line": s["line"],
            "span": s["span"],
        }
        for s in plan["sections"]
    ]


def lead_rows(plan: PlanRecord) -> list[Row]:
    """Every lead unit with the items it leads, most first (ties in order of appearance)."""
    led: dict[str, list[int]] = {}
    for item in items(plan):
        for unit in item["lead_units"]:
            led.setdefault(unit, []).append(item["number"])
    ranked = sorted(led.items(), key=lambda pair: -len(pair[1]))
    return [{"name": name, "item_count": len(numbers), "items": numbers} for name, numbers in ranked]


def target_rows(
    plan: PlanRecord,
    section: str | None = None,
    leads: list[str] | None = None,
    item: str | None = None,
    units: list[str] | None = None,
) -> list[Row]:
    """Targets, each with the lead units of its item, filtered."""
    sections = [find_section(plan, section)] if section else plan["sections"]
    wanted = find_item(plan, item)["number"] if item else None
    rows: list[Row] = []
    for s in sections:
        owners: list[tuple[list[str], list[TargetRecord]]] = [([], s["targets"])]
        owners += [(i["lead_units"], i["targets"]) for i in s["items"]]
        for lead_units, targets in owners:
            if not _matches_lead(lead_units, leads or []):
                continue
            rows += [
                {**t, "lead_units": lead_units}
                for t in targets
                if (wanted is None or t["item"] == wanted) and (not units or t["unit"] in units)
            ]
    return rows


def search(plan: PlanRecord, query: str, use_regex: bool = False, ignore_case: bool = False) -> list[Row]:
    """Items whose text contains ``query``: one row per hit, with a snippet around it."""
    if not query:
        raise UsageError("the search query is empty: give the text to look for")
    return [
        row for item in items(plan) for row in hit_rows(item, list(hits(item["text"], query, use_regex, ignore_case)))
    ]


def hit_rows(item: ItemRecord | Row, found: list[tuple[int, int]]) -> list[Row]:
    """The rows of ``zl search`` for the hits ``found`` (offsets into its text) of one item: the match,
    its span in the plan's text and a snippet around it on one line."""
    text, offset = item["text"], item["span"][0]
    rows: list[Row] = []
    for start, end in found:
        lo, hi = max(0, start - SNIPPET_CONTEXT), min(len(text), end + SNIPPET_CONTEXT)
        rows.append(
            {
                "number": item["number"],
                "numeral": item["numeral"],
                "section": item["section"],
                "title": item["title"],
                "lead_units": item["lead_units"],
                "match": text[start:end],
                "span": [offset + start, offset + end],
                "snippet": text[lo:hi].replace("\r", " ").replace("\n", " "),
                "snippet_match": [start - lo, end - lo],
            }
        )
    return rows


def hits(text: str, query: str, use_regex: bool, ignore_case: bool) -> Iterator[tuple[int, int]]:
    if not use_regex:
        haystack, needle = (text.casefold(), query.casefold()) if ignore_case else (text, query)
        start = haystack.find(needle)
        while start >= 0:
            yield start, start + len(needle)
            start = haystack.find(needle, start + len(needle))
        return
    import regex

    try:
        pattern = regex.compile(query, regex.IGNORECASE if ignore_case else 0)
    except regex.error as error:
        raise UsageError(f"invalid regular expression {query!r}: {error}") from None
    try:
        for match in pattern.finditer(text, timeout=REGEX_TIMEOUT):
            if match.end() > match.start():
                yield match.span()
    except TimeoutError:
        raise UsageError(
            f"the regular expression {query!r} took over {REGEX_TIMEOUT:g} s on one item: simplify it"
        ) from None
