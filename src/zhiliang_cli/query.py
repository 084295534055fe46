"""Pure filters, look-ups and search over a parsed plan.

Every function takes plan records and returns lists of flat records ready for
:mod:`export` or :mod:`render`; nothing here prints or reads files.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import NotFoundError, UsageError
from .i18n import N_, _
from .parse import lexicon as lx
from .parse.numerals import chinese_to_int

if TYPE_CHECKING:
    from .records import ItemRecord, PlanRecord, SectionRecord, TargetRecord

Row = dict[str, Any]
#: What a number may name, in messages.
_WHAT = (N_("item"), N_("section"))

REGEX_TIMEOUT = 2.0  # seconds a user's --regex may run, over the whole plan
MAX_PATTERN_LENGTH = 2_000  # characters of a --regex pattern
MAX_PATTERN_SIZE = 100_000  # steps of a compiled pattern, its repeats expanded (see pattern_size)
MAX_REF_LENGTH = 40  # characters of an item or section number: longer is no number in any plan
SNIPPET_CONTEXT = 10  # characters shown either side of a search hit
MAX_FRAGMENTS = 2  # pieces of an item's text shown around its hits (the JSON keeps every match)
MAX_HITS = 50_000  # matches of one search: more is refused, not cut (a row costs about 1 KB)


def items(plan: PlanRecord) -> list[ItemRecord]:
    """Every item of the plan, in order."""
    return [item for section in plan["sections"] for item in section["items"]]


def parse_ref(ref: str, what: str) -> int:
    """A number given as 17, １７, 十七, (十七) or （十七）.

    >>> parse_ref("（十七）", "item"), parse_ref("17", "item"), parse_ref("一", "section")
    (17, 17, 1)

    Digits are ASCII or full width: ², ① and ٣ are not numbers here.  A number too long
    for any plan is "no such item" (:data:`MAX_REF_LENGTH`).
    """
    core = (
        ref.strip()
        .strip(lx.OPEN_PARENS + lx.CLOSE_PARENS + "、. ")
        .translate(str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789"))
    )
    if len(core) > MAX_REF_LENGTH:
        raise NotFoundError(_("there is no {what} {ref} in this plan").format(what=_(what), ref=_shown(ref)))
    value = int(core) if core.isascii() and core.isdigit() else chinese_to_int(core)
    if value is None:
        raise UsageError(
            _("{what} {ref!r} is not a number: give it as 17, 十七 or (十七)").format(what=_(what), ref=_shown(ref))
        )
    return value


def _shown(ref: str) -> str:
    """A reference as quoted in a message: cut when long.

    >>> _shown("1" * 50)
    '111111111111111111111111111111…'
    """
    return ref if len(ref) <= 30 else ref[:30] + "…"


def find_section(plan: PlanRecord, ref: str) -> SectionRecord:
    number = parse_ref(ref, "section")
    for section in plan["sections"]:
        if section["number"] == number:
            return section
    numbers = ", ".join(s["numeral"] for s in plan["sections"])
    raise NotFoundError(
        _("there is no section {ref} in this plan (sections: {numbers})").format(ref=_shown(ref), numbers=numbers)
    )


def find_item(plan: PlanRecord, ref: str) -> ItemRecord:
    """The item ``ref`` names: its number (17, １７), or the marker printed before it (十七,
    （十七）, (3), 3.) where one item only carries it — where numbering starts again in each
    section, several do, and the error names their numbers."""
    number = parse_ref(ref, "item")
    all_items = items(plan)
    digits = ref.strip().translate(str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789"))
    if not (digits.isascii() and digits.isdigit()):  # a marker as printed
        printed = [item for item in all_items if _printed_value(item["numeral"]) == number]
        if len(printed) == 1:
            return printed[0]
        if len(printed) > 1:
            numbers = ", ".join(str(item["number"]) for item in printed)
            raise UsageError(
                f"{_shown(ref)} is printed before {len(printed)} items (numbers {numbers}): give the item's number"
            )
    for item in all_items:
        if item["number"] == number:
            return item
    span = f"1–{all_items[-1]['number']}" if all_items else "none"
    raise NotFoundError(_("there is no item {ref} in this plan (items: {span})").format(ref=_shown(ref), span=span))


def _printed_value(numeral: str) -> int | None:
    """The value of an item's printed numeral: 十七 -> 17, 3 -> 3."""
    digits = numeral.translate(str.maketrans(lx.FULLWIDTH_DIGITS, "0123456789"))
    return int(digits) if digits.isascii() and digits.isdigit() else chinese_to_int(numeral)


def _matches_lead(units: Iterable[str], leads: list[str]) -> bool:
    return not leads or any(lead in unit for unit in units for lead in leads)


def _needles(values: list[str] | None, option: str) -> list[str]:
    """The values of a repeatable filter; an empty one is a usage error, never "match all"."""
    for value in values or []:
        if not value.strip():
            raise UsageError(_("{option} is empty: give part of a name, or leave the option out").format(option=option))
    return values or []


def lead_units_of(plan: PlanRecord) -> set[str]:
    """Every unit that leads an item of ``plan``."""
    return {unit for section in plan["sections"] for item in section["items"] for unit in item["lead_units"]}


def unmatched_leads(leads: list[str] | None, units: set[str]) -> list[tuple[str, list[str]]]:
    """Each --lead value that no unit's name contains, with up to three names nearest to it (a
    typo, or the name written another way: 市场监管局 for 省市场监督管理局)."""
    missing = [lead for lead in leads or [] if not any(lead in unit for unit in units)]
    if not missing:
        return []
    from rapidfuzz import fuzz, process

    return [
        (lead, [name for name, _score, _k in process.extract(lead, sorted(units), scorer=fuzz.WRatio, limit=3)])
        for lead in missing
    ]


def filter_items(
    plan: PlanRecord,
    section: str | None = None,
    leads: list[str] | None = None,
    has_targets: bool = False,
    cooperating: list[str] | None = None,
) -> list[ItemRecord]:
    """Items of a section, led by a unit whose name contains any of ``leads``, with a
    cooperating unit whose name contains any of ``cooperating``, with targets."""
    leads, cooperating = _needles(leads, "--lead"), _needles(cooperating, "--cooperating")
    chosen = find_section(plan, section)["items"] if section is not None else items(plan)
    return [
        item
        for item in chosen
        if _matches_lead(item["lead_units"], leads)
        and _matches_lead(item["cooperating_units"], cooperating)
        and (item["targets"] or not has_targets)
    ]


#: What of a plan record is not the notice's: shown by other commands.
_NOT_NOTICE = (
    *("sections", "problems", "targets"),
    *("body", "body_span", "preamble", "preamble_span", "closing", "closing_span"),
)


def meta_row(
    plan: PlanRecord, path: str, encoding: str, sha256: str, size: int, origin: dict[str, Any] | None = None
) -> Row:
    """The file's facts (for a .docx, PDF or web page its format, extractor and pages or
    paragraphs read), the notice's fields and the plan's counts, in one record."""
    header = {k: v for k, v in plan.items() if k not in _NOT_NOTICE}
    all_items = items(plan)
    counts = {
        "sections": len(plan["sections"]),
        "items": len(all_items),
        "targets": len(plan["targets"])
        + sum(len(i["targets"]) for i in all_items)
        + sum(len(s["targets"]) for s in plan["sections"]),
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
    """Targets, each with the lead units of its item, filtered: those of the plan's preamble
    first, then those of each section's own text and of its items."""
    leads, units = _needles(leads, "--lead"), _needles(units, "--unit")
    sections = [find_section(plan, section)] if section is not None else plan["sections"]
    wanted = find_item(plan, item)["number"] if item is not None else None
    owners: list[tuple[list[str], list[TargetRecord]]] = [] if section is not None else [([], plan["targets"])]
    for s in sections:
        owners.append(([], s["targets"]))
        owners += [(i["lead_units"], i["targets"]) for i in s["items"]]
    rows: list[Row] = []
    for lead_units, targets in owners:
        if not _matches_lead(lead_units, leads):
            continue
        rows += [
            {**t, "lead_units": lead_units}
            for t in targets
            if (wanted is None or t["item"] == wanted) and (not units or t["unit"] in units)
        ]
    return rows


def search(
    plan: PlanRecord,
    query: str,
    use_regex: bool = False,
    ignore_case: bool = False,
    section: str | None = None,
    leads: list[str] | None = None,
) -> list[Row]:
    """Items whose text contains ``query`` (of a section, led by a unit whose name contains any
    of ``leads``): one row per item, with its matches and a snippet around them.

    A ``--regex`` pattern is checked before it is compiled (:func:`check_pattern`) and the
    whole search, over every item, runs within :data:`REGEX_TIMEOUT`; a search that finds
    more than :data:`MAX_HITS` matches is refused rather than cut.
    """
    if not query:
        raise UsageError(_("the search query is empty: give the text to look for"))
    find = finder(query, use_regex, ignore_case)
    deadline = time.monotonic() + REGEX_TIMEOUT
    rows: list[Row] = []
    hits = 0
    for item in filter_items(plan, section, leads):
        found = list(find(item["text"], deadline))
        hits += len(found)
        if hits > MAX_HITS:
            raise UsageError(_("the search finds over {limit:,} matches: narrow it down").format(limit=MAX_HITS))
        rows += hit_rows(item, found)
    return rows


def hit_rows(item: ItemRecord | Row, found: list[tuple[int, int]]) -> list[Row]:
    """The row of ``zl search`` for the hits ``found`` (offsets into its text) of one item, in a
    list (none when nothing was found): each match with its span in the plan's text, how many
    there are, and a snippet of the text around them on one line (:func:`snippet`)."""
    if not found:
        return []
    text, offset = item["text"], item["span"][0]
    shown, spans = snippet(text, found)
    return [
        {
            "number": item["number"],
            "numeral": item["numeral"],
            "section": item["section"],
            "title": item["title"],
            "lead_units": item["lead_units"],
            "match_count": len(found),
            "matches": [{"text": text[start:end], "span": [offset + start, offset + end]} for start, end in found],
            "snippet": shown,
            "snippet_spans": spans,
        }
    ]


def snippet(text: str, found: list[tuple[int, int]], context: int = SNIPPET_CONTEXT) -> tuple[str, list[list[int]]]:
    """The text around the hits ``found``: ``context`` characters either side of each, hits
    whose contexts touch in one fragment, at most :data:`MAX_FRAGMENTS` fragments, joined and
    ended with … where text is left out; and where each hit is in it.

    >>> snippet("一二三四五六七八九十", [(4, 5)], context=2)
    ('…三四五六七…', [[3, 4]])
    >>> snippet("一二三四五六七八九十", [(1, 2), (3, 4)], context=1)
    ('一二三四五…', [[1, 2], [3, 4]])
    >>> snippet("一二三四五六七八九十", [(1, 2), (7, 8)], context=1)
    ('一二三…七八九…', [[1, 2], [5, 6]])
    >>> snippet("ab\\ncd", [(0, 1)], context=5)
    ('ab cd', [[0, 1]])
    """
    fragments: list[list[int]] = []  # [lo, hi, first hit, last hit + 1]
    for k, (start, end) in enumerate(found):
        lo, hi = max(0, start - context), min(len(text), end + context)
        if fragments and lo <= fragments[-1][1]:
            fragments[-1][1], fragments[-1][3] = max(hi, fragments[-1][1]), k + 1
        else:
            fragments.append([lo, hi, k, k + 1])
    out, spans = "", []
    for lo, hi, first, last in fragments[:MAX_FRAGMENTS]:
        out += "" if lo == 0 else "…"
        base = len(out) - lo
        out += text[lo:hi].replace("\r", " ").replace("\n", " ")
        spans += [[base + start, base + end] for start, end in found[first:last]]
    if fragments[min(len(fragments), MAX_FRAGMENTS) - 1][1] < len(text):
        out += "…"
    return out, spans


def filter_hits(rows: list[Row], section: str | None, leads: list[str] | None) -> list[Row]:
    """Rows of ``zl search`` (from a database) of a section, led by a unit whose name contains
    any of ``leads``: the filters :func:`search` applies to the items it searches."""
    leads = _needles(leads, "--lead")
    number = parse_ref(section, "section") if section is not None else None
    return [
        row for row in rows if (number is None or row["section"] == number) and _matches_lead(row["lead_units"], leads)
    ]


def _literal_hits(text: str, query: str) -> Iterator[tuple[int, int]]:
    start = text.find(query)
    while start >= 0:
        yield start, start + len(query)
        start = text.find(query, start + len(query))


def pattern_size(pattern: str) -> int:
    """About how many steps a compiled ``pattern`` has: ``regex`` copies what a counted
    repeat {n} repeats n times, so (a{1000}){1000} is a million steps (and 270 MB).

    Deliberately rough and on the high side: a character, escape or class is one step, a
    group the sum of its parts, an alternation the sum of its branches.

    >>> pattern_size("a{10}b"), pattern_size("(a{100}){100}"), pattern_size("(?:ab|c)+[x-z]{2,5}")
    (11, 10000, 9)
    """
    stack = [0]  # the size of each open group, innermost last
    last = 0  # the size of the element a quantifier would repeat
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "(":
            stack.append(0)
            last, i = 0, i + 1
            continue
        if ch == ")" and len(stack) > 1:
            last = stack.pop()
            stack[-1] += last
            i += 1
            continue
        count, end = _braces(pattern, i) if ch == "{" else (None, i)
        if count is not None:
            stack[-1] += last * (count - 1)
            last *= count
            i = end
            continue
        if ch in "*+?|":
            i += 1
            continue
        i = _class_end(pattern, i) if ch == "[" else i + (2 if ch == "\\" else 1)
        last = 1
        stack[-1] += 1
    return sum(stack)


def _braces(pattern: str, i: int) -> tuple[int | None, int]:
    """The larger count of a repeat {m}, {m,}, {m,n} or {,n} at ``i``, and where it ends."""
    close = pattern.find("}", i)
    if close < 0:
        return None, i
    low, _, high = pattern[i + 1 : close].partition(",")
    if not (low or high) or not (low.isascii() and high.isascii()) or not (low + high).isdigit():
        return None, i
    return max(int(low or 0), int(high or 0), 1), close + 1


def _class_end(pattern: str, i: int) -> int:
    """Where the character class opened at ``i`` ends."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _recursive(pattern: str) -> bool:
    """Whether ``pattern`` calls itself or a group: (?R), (?0), (?1), (?+1), (?&name), (?P>name).

    >>> _recursive("(a|(?R))"), _recursive("(?P<x>a)(?&x)"), _recursive("(?:a)(?i)(?<=b)")
    (True, True, False)
    """
    start = pattern.find("(?")
    while start >= 0:
        head = pattern[start + 2 : start + 4]
        if head[:1] in ("R", "&") or head[:1].isdigit() or head == "P>" or (head[:1] in "+-" and head[1:].isdigit()):
            return True
        start = pattern.find("(?", start + 2)
    return False


def check_pattern(query: str) -> None:
    """Refuse a --regex pattern that would take too long or too much memory to compile or run."""
    if _recursive(query):
        raise UsageError(
            "the regular expression calls itself ((?R), (?1), (?&name)): recursion can take gigabytes; "
            "write the pattern without it"
        )
    if len(query) > MAX_PATTERN_LENGTH:
        raise UsageError(
            f"the regular expression is {len(query):,} characters long, over the limit of "
            f"{MAX_PATTERN_LENGTH:,}: shorten it"
        )
    size = pattern_size(query)
    if size > MAX_PATTERN_SIZE:
        raise UsageError(
            f"the regular expression is too big: its counted repeats make about {size:,} steps, over the limit "
            f"of {MAX_PATTERN_SIZE:,}: use smaller counts, or + and *"
        )


Finder = Callable[[str, float], Iterator[tuple[int, int]]]


def finder(query: str, use_regex: bool, ignore_case: bool) -> Finder:
    """A function (text, deadline) -> the (start, end) of each hit in text; offsets are always
    those of the text itself (a case-insensitive search does not case-fold the text)."""
    if not use_regex:
        if not ignore_case:
            return lambda text, deadline: _literal_hits(text, query)
        import re

        literal = re.compile(re.escape(query), re.IGNORECASE)
        return lambda text, deadline: (m.span() for m in literal.finditer(text))
    check_pattern(query)
    import regex

    try:
        pattern = regex.compile(query, regex.IGNORECASE if ignore_case else 0)
    except (regex.error, OverflowError, RecursionError, ValueError) as error:
        raise UsageError(f"invalid regular expression {_shown(query)!r}: {error}") from None

    def hits(text: str, deadline: float) -> Iterator[tuple[int, int]]:
        try:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            for match in pattern.finditer(text, timeout=remaining):
                if match.end() > match.start():
                    yield match.span()
        except TimeoutError:
            raise UsageError(
                f"the regular expression {_shown(query)!r} took over {REGEX_TIMEOUT:g} s: simplify it"
            ) from None
        except MemoryError:
            raise UsageError(f"the regular expression {_shown(query)!r} needs too much memory: simplify it") from None

    return hits
