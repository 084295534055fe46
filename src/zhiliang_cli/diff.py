"""What changed between two editions of a plan, paired by what their items say.

``diff_plans(old, new)`` takes two parsed plans and returns a :class:`Diff`: the
report as data (its ``record`` is what ``zl diff`` writes as JSON), with what
:mod:`render` and :func:`export.diff_markdown` need to show it.  Nothing here
prints.

Items and sections are paired by what they say (:mod:`pairing`, which says how, and
within which bounds).  An item is **moved** when it is paired and its NEW section is
not the partner of its OLD section; it is then ``changed``, with ``section`` among its
``changes``, and the summary counts it both as changed and as moved.

The plan outside its items is compared too: its ``preamble`` (where the headline
goals stand) and ``closing`` by their words, the targets of the preamble (the
plan's ``targets``) paired and judged as an item's are, and each pair of sections
by its heading, its own text (before or without items) and the targets in it; a
section of OLD with no partner is ``removed``, one of NEW ``added``.  A target's
horizon is compared by its words: 年内 in two editions is the same horizon, though
it ends in another year.

Targets of a pair are paired the same way, by unit (equal after NFKC) and clause
(the clause with its number masked, similar at ``TARGET_THRESHOLD`` at least).
A paired target is ``raised`` or ``lowered`` when its value (both bounds of a
range, a single value being a range of one) went up or down, ``changed`` when the
bounds cross or when, at the same value, its comparator, direction of change,
aspiration (力争) or horizon (``by``) changed; unpaired ones are ``added`` and
``removed``.

"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from .assign import pair
from .errors import UsageError
from .pairing import (
    POSITION_EVIDENCE,
    Compared,
    check_targets,
    compared_items,
    in_new_order,
    order,
    pair_items,
    pair_sections,
    section_headings,
)
from .pairing import (
    THRESHOLD as THRESHOLD,  # re-exported: the command's default
)
from .pairing import (
    normalize as normalize,  # re-exported for the tests and the report
)
from .worddiff import Run, elide, word_diff

if TYPE_CHECKING:
    from .cache import LoadedPlan
    from .records import PlanRecord, SectionRecord, TargetRecord

TARGET_THRESHOLD = 0.4
STATUSES = ("same", "changed", "added", "removed")
ONLY_CHOICES = (*STATUSES, "moved")
FORMATS = ("table", "json", "jsonl", "yaml", "csv", "md")


class SideRecord(TypedDict):
    file: str | None
    title: str | None
    doc_number: str | None
    sha256: str | None


class SummaryRecord(TypedDict):
    same: int
    changed: int
    added: int
    removed: int
    moved: int


class TargetChangeRecord(TypedDict):
    status: str
    unit: str
    old: TargetRecord | None
    new: TargetRecord | None


class ItemDiffRecord(TypedDict):
    status: str
    old_number: int | None
    new_number: int | None
    old_section: int | None
    new_section: int | None
    old_title: str | None
    new_title: str | None
    similarity: float | None
    changes: list[str]
    leads_added: list[str]
    leads_removed: list[str]
    cooperating_added: list[str]
    cooperating_removed: list[str]
    targets: list[TargetChangeRecord]


class PlanDiffRecord(TypedDict):
    changes: list[str]  # of preamble, closing, targets
    targets: list[TargetChangeRecord]


class SectionDiffRecord(TypedDict):
    status: str
    old_number: int | None
    new_number: int | None
    old_title: str | None
    new_title: str | None
    changes: list[str]  # of title, text, targets
    targets: list[TargetChangeRecord]


class DiffRecord(TypedDict):
    old: SideRecord
    new: SideRecord
    summary: SummaryRecord
    plan: PlanDiffRecord
    sections: list[SectionDiffRecord]
    items: list[ItemDiffRecord]


# --- what changed in a pair -------------------------------------------------------


def _names_diff(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """Names of ``new`` not in ``old`` and of ``old`` not in ``new``, compared in normal form."""
    old_keys, new_keys = {normalize(x) for x in old}, {normalize(x) for x in new}
    return [x for x in new if normalize(x) not in old_keys], [x for x in old if normalize(x) not in new_keys]


def _masked_clause(target: TargetRecord) -> str:
    """The target's clause with its number masked, in normal form.

    >>> _masked_clause({"text": "培育企业 50 家", "span": [10, 19], "number_span": [15, 17]})  # type: ignore
    '培育企业#家'
    """
    start = target["span"][0]
    a, b = target["number_span"][0] - start, target["number_span"][1] - start
    return normalize(target["text"][:a] + "#" + target["text"][b:])


def _bounds(target: TargetRecord) -> tuple[float | None, float | None]:
    if target["comparator"] == "range":
        return target["low"], target["high"]
    return target["value"], target["value"]


def same_horizon(old: TargetRecord, new: TargetRecord) -> bool:
    """Whether two targets are set for the same time: the same words (年内 is 年内, whatever
    year each edition's 年内 ends in), or, in other words, the same last day.

    >>> t = {"by": {"text": "年内", "date": "2023-12-31"}}
    >>> same_horizon(t, {"by": {"text": "年内", "date": "2024-12-31"}})  # type: ignore
    True
    >>> same_horizon(t, {"by": {"text": "2023年底前", "date": "2023-12-31"}})  # type: ignore
    True
    >>> same_horizon(t, {"by": None})  # type: ignore
    False
    """
    a, b = old["by"], new["by"]
    if a is None or b is None:
        return a is b
    return normalize(a["text"]) == normalize(b["text"]) or (a["date"] is not None and a["date"] == b["date"])


def target_status(old: TargetRecord, new: TargetRecord) -> str | None:
    """``raised``, ``lowered`` or ``changed`` for a target and its partner; None when alike
    (a horizon compared by :func:`same_horizon`).

    >>> t = {"value": 10, "low": None, "high": None, "comparator": ">=", "change": None, "aspirational": False,
    ...      "by": None}
    >>> target_status(t, {**t, "value": 12}), target_status(t, {**t, "aspirational": True}), target_status(t, t)
    ('raised', 'changed', None)
    >>> r = {**t, "value": None, "low": 1, "high": 2, "comparator": "range"}
    >>> target_status(r, {**r, "low": 2, "high": 3}), target_status(r, {**r, "low": 0, "high": 3})
    ('raised', 'changed')
    """
    (old_low, old_high), (new_low, new_high) = _bounds(old), _bounds(new)
    if (old_low, old_high) != (new_low, new_high):
        if None in (old_low, old_high, new_low, new_high):
            return "changed"
        assert old_low is not None and old_high is not None and new_low is not None and new_high is not None
        if new_low >= old_low and new_high >= old_high:
            return "raised"
        if new_low <= old_low and new_high <= old_high:
            return "lowered"
        return "changed"
    if (old["comparator"], old["change"], old["aspirational"]) != (
        new["comparator"],
        new["change"],
        new["aspirational"],
    ):
        return "changed"
    return None if same_horizon(old, new) else "changed"


def target_changes(old: list[TargetRecord], new: list[TargetRecord]) -> list[TargetChangeRecord]:
    """The targets of a pair of items that changed, were added or removed, in NEW's order
    (a removed one after the target that stood before it)."""
    from rapidfuzz import fuzz

    edges = []
    for a, t in enumerate(old):
        for b, u in enumerate(new):
            if normalize(t["unit"]) != normalize(u["unit"]):
                continue
            alike = fuzz.ratio(_masked_clause(t), _masked_clause(u)) / 100
            if alike >= TARGET_THRESHOLD:
                closeness = 1 - abs(a / max(1, len(old)) - b / max(1, len(new)))
                edges.append((a, b, alike + POSITION_EVIDENCE * closeness))
    partner = dict(pair(edges))
    records: list[tuple[float, TargetChangeRecord]] = []
    for a, t in enumerate(old):
        if a not in partner:
            after = max((partner[k] for k in range(a) if k in partner), default=-1)
            records.append((after + 0.5, {"status": "removed", "unit": t["unit"], "old": t, "new": None}))
    paired_new = {b: a for a, b in partner.items()}
    for b, u in enumerate(new):
        if b not in paired_new:
            records.append((b, {"status": "added", "unit": u["unit"], "old": None, "new": u}))
            continue
        status = target_status(old[paired_new[b]], u)
        if status:
            records.append((b, {"status": status, "unit": u["unit"], "old": old[paired_new[b]], "new": u}))
    return [record for _, record in sorted(records, key=lambda r: r[0])]


def _item_record(o: Compared | None, n: Compared | None, similarity: float | None, moved: bool) -> ItemDiffRecord:
    old, new = (o.record if o else None), (n.record if n else None)
    record: ItemDiffRecord = {
        "status": "added" if old is None else "removed" if new is None else "same",
        "old_number": old["number"] if old else None,
        "new_number": new["number"] if new else None,
        "old_section": old["section"] if old else None,
        "new_section": new["section"] if new else None,
        "old_title": old["title"] if old else None,
        "new_title": new["title"] if new else None,
        "similarity": None if similarity is None else round(similarity, 3),
        "changes": [],
        "leads_added": [],
        "leads_removed": [],
        "cooperating_added": [],
        "cooperating_removed": [],
        "targets": [],
    }
    if o is None or n is None or old is None or new is None:
        return record
    record["leads_added"], record["leads_removed"] = _names_diff(old["lead_units"], new["lead_units"])
    coop = _names_diff(old["cooperating_units"], new["cooperating_units"])
    record["cooperating_added"], record["cooperating_removed"] = coop
    record["targets"] = target_changes(old["targets"], new["targets"])
    changed = {
        "title": o.key_title != n.key_title,
        "text": o.key_rest != n.key_rest,
        "section": moved,
        "leads": bool(record["leads_added"] or record["leads_removed"]),
        "cooperating": bool(coop[0] or coop[1]),
        "targets": bool(record["targets"]),
    }
    record["changes"] = [name for name, differs in changed.items() if differs]
    record["status"] = "changed" if record["changes"] else "same"
    return record


# --- the report -------------------------------------------------------------------


@dataclass(frozen=True)
class Diff:
    """A diff as data: ``record`` (the JSON report) and, aligned with its items, the
    items compared, with the section headings of both plans; the methods give what a
    report shows, for :mod:`render` and :func:`export.diff_markdown`."""

    record: DiffRecord
    pairs: list[tuple[Compared | None, Compared | None]]
    old_sections: list[str]  # the section headings of each plan, in order
    new_sections: list[str]
    section_pairs: list[tuple[SectionRecord | None, SectionRecord | None]] = field(default_factory=list)
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # preamble and closing, OLD and NEW

    @property
    def differs(self) -> bool:
        """Whether anything listed is not ``same`` (an item, a section, the plan's preamble,
        closing or headline targets): exit status 1 of ``zl diff``."""
        return (
            any(item["status"] != "same" for item in self.record["items"])
            or any(section["status"] != "same" for section in self.record["sections"])
            or bool(self.record["plan"]["changes"])
        )

    def only(self, kinds: list[str]) -> Diff:
        """The diff with only the items and sections of the given kinds listed (the plan's
        own changes are ``changed``; the summary is kept whole)."""
        keep = [k for k, item in enumerate(self.record["items"]) if _kind_matches(item, kinds)]
        sections = [k for k, section in enumerate(self.record["sections"]) if section["status"] in kinds]
        plan = self.record["plan"] if "changed" in kinds else PlanDiffRecord(changes=[], targets=[])
        record: DiffRecord = {
            **self.record,
            "plan": plan,
            "sections": [self.record["sections"][k] for k in sections],
            "items": [self.record["items"][k] for k in keep],
        }
        section_pairs = [self.section_pairs[k] for k in sections]
        pairs = [self.pairs[k] for k in keep]
        return Diff(record, pairs, self.old_sections, self.new_sections, section_pairs, self.texts)

    def summary_line(self) -> str:
        s = self.record["summary"]
        moved = f" ({s['moved']} moved)" if s["moved"] else ""
        line = f"{s['same']} same, {s['changed']} changed{moved}, {s['added']} added, {s['removed']} removed"
        plan = self.record["plan"]["changes"]
        counts = Counter(section["status"] for section in self.record["sections"])
        sections = [f"{counts[status]} {status}" for status in ("changed", "added", "removed") if counts[status]]
        return (
            line
            + (f"; plan: {', '.join(plan)}" if plan else "")
            + (f"; sections: {', '.join(sections)}" if sections else "")
        )

    def plan_runs(self, context: int = 24) -> list[tuple[str, list[Run]]]:
        """(label, runs) for the preamble and the closing where their words changed."""
        changes = self.record["plan"]["changes"]
        return [
            (part, elide(word_diff(*self.texts[part]), context))
            for part in ("preamble", "closing")
            if part in changes and part in self.texts
        ]

    def section_lines(self, context: int = 24) -> list[tuple[str, str, list[tuple[str, list[Run]]]]]:
        """(status, head, [(label, runs)]) for each listed section that is not the same: the
        head names it (``+ 5 五、组织实施``, ``2 → 2 实施…工程 · title``), the runs show what
        changed in its heading and its own text."""
        lines: list[tuple[str, str, list[tuple[str, list[Run]]]]] = []
        for record, (o, n) in zip(self.record["sections"], self.section_pairs, strict=True):
            status = record["status"]
            if status == "same":
                continue
            if o is None or n is None:
                section = n if o is None else o
                assert section is not None
                sign = "+" if o is None else "-"
                lines.append((status, f"{sign} {section['number']} {section['numeral']}、{section['title']}", []))
                continue
            head = f"{o['number']} → {n['number']} {n['numeral']}、{n['title']} · {', '.join(record['changes'])}"
            runs = []
            if "title" in record["changes"]:
                runs.append(("title", word_diff(o["title"], n["title"])))
            if "text" in record["changes"]:
                runs.append(("", elide(word_diff(o["text"] or "", n["text"] or ""), context)))
            lines.append((status, head, runs))
        return lines

    def groups(self) -> list[tuple[str, str, list[int]]]:
        """(heading, colour, indexes of the listed items) for added, removed, moved and
        changed items (a moved item is listed as changed too when more than its section
        changed); groups with no item are left out."""
        items = self.record["items"]
        groups = [
            ("added", "green", [k for k, i in enumerate(items) if i["status"] == "added"]),
            ("removed", "red", [k for k, i in enumerate(items) if i["status"] == "removed"]),
            ("moved", "yellow", [k for k, i in enumerate(items) if "section" in i["changes"]]),
            ("changed", "yellow", [k for k, i in enumerate(items) if set(i["changes"]) - {"section"}]),
        ]
        return [group for group in groups if group[2]]

    def section_heading(self, index: int, side: str) -> str:
        """The heading of the OLD or NEW section of listed item ``index``: 二、实施…工程."""
        item = self.pairs[index][0 if side == "old" else 1]
        headings = self.old_sections if side == "old" else self.new_sections
        return "—" if item is None else headings[item.section]

    def lead_units(self, index: int, side: str) -> list[str]:
        item = self.pairs[index][0 if side == "old" else 1]
        return item.record["lead_units"] if item else []

    def title_runs(self, index: int) -> list[Run]:
        """The word diff of the titles of listed item ``index``."""
        o, n = self.pairs[index]
        return word_diff(o.title if o else "", n.title if n else "")

    def text_runs(self, index: int) -> list[Run]:
        """The word diff of the texts (after the title, less the lead-unit note) of item ``index``."""
        o, n = self.pairs[index]
        return word_diff(o.rest if o else "", n.rest if n else "")

    def change_runs(self, index: int, context: int = 24) -> list[tuple[str, list[Run]]]:
        """(label, runs) for what changed in a pair: its title, its text (kept text cut to
        ``context`` characters around each change), its lead and cooperating units."""
        item = self.record["items"][index]
        lines: list[tuple[str, list[Run]]] = []
        if "title" in item["changes"]:
            lines.append(("title", self.title_runs(index)))
        if "text" in item["changes"]:
            lines.append(("", elide(self.text_runs(index), context)))
        for what, label in (("leads", "lead"), ("cooperating", "cooperating")):
            names = [("-", u) for u in item[f"{what}_removed"]] + [("+", u) for u in item[f"{what}_added"]]  # type: ignore[literal-required]
            if names:
                lines.append((label, [r for k, name in enumerate(names) for r in ([("=", " ")] if k else []) + [name]]))
        return lines

    def target_rows(self) -> list[dict[str, Any]]:
        """One row per target change: where it stands (the item's number; ``preamble``, or
        ``section N`` for a target in a section's own text), the clause, old → new, the status."""
        places: list[tuple[str | int, list[TargetChangeRecord]]] = [("preamble", self.record["plan"]["targets"])]
        for section in self.record["sections"]:
            number = section["new_number"] if section["new_number"] is not None else section["old_number"]
            places.append((f"section {number}", section["targets"]))
        for item in self.record["items"]:
            number = item["new_number"] if item["new_number"] is not None else item["old_number"]
            places.append((number or 0, item["targets"]))
        rows: list[dict[str, Any]] = []
        for place, targets in places:
            for t in targets:
                clause = (t["new"] or t["old"] or {"text": ""})["text"]
                change = f"{describe_target(t['old'])} → {describe_target(t['new'])}"
                rows.append({"item": place, "clause": clause, "change": change, "status": t["status"]})
        return rows


def _kind_matches(item: ItemDiffRecord, kinds: list[str]) -> bool:
    return item["status"] in kinds or ("moved" in kinds and "section" in item["changes"])


def parse_only(values: list[str] | None) -> list[str]:
    """``--only`` values, comma-separated or repeated, checked.

    >>> parse_only(["added,removed", "moved"])
    ['added', 'removed', 'moved']
    """
    kinds = [v.strip().lower() for value in values or [] for v in value.split(",") if v.strip()]
    wrong = [k for k in kinds if k not in ONLY_CHOICES]
    if wrong:
        raise UsageError(f"unknown kind {wrong[0]!r} for --only: choose from {', '.join(ONLY_CHOICES)}")
    return kinds


def check_threshold(threshold: float) -> float:
    """``threshold`` if it is a similarity above 0 and at most 1 (NaN is not).

    >>> check_threshold(1.0000001)
    Traceback (most recent call last):
    ...
    zhiliang_cli.errors.UsageError: --threshold 1.0000001 is out of range: give a similarity above 0 and at most 1
    """
    if not 0 < threshold <= 1:
        raise UsageError(f"--threshold {threshold!r} is out of range: give a similarity above 0 and at most 1")
    return threshold


def _side(plan: PlanRecord, file: tuple[str, str] | None) -> SideRecord:
    return {
        "file": file[0] if file else None,
        "title": plan["plan_title"] or plan["title"],
        "doc_number": plan["doc_number"],
        "sha256": file[1] if file else None,
    }


def _plan_record(old: PlanRecord, new: PlanRecord) -> PlanDiffRecord:
    """What changed in the plan outside its sections: preamble, closing, headline targets."""
    targets = target_changes(old["targets"], new["targets"])
    changed = {
        "preamble": normalize(old["preamble"] or "") != normalize(new["preamble"] or ""),
        "closing": normalize(old["closing"] or "") != normalize(new["closing"] or ""),
        "targets": bool(targets),
    }
    return {"changes": [name for name, differs in changed.items() if differs], "targets": targets}


def _section_record(old: SectionRecord | None, new: SectionRecord | None) -> SectionDiffRecord:
    """A pair of sections (or one alone, added or removed): their heading, own text and targets."""
    record: SectionDiffRecord = {
        "status": "added" if old is None else "removed" if new is None else "same",
        "old_number": old["number"] if old else None,
        "new_number": new["number"] if new else None,
        "old_title": old["title"] if old else None,
        "new_title": new["title"] if new else None,
        "changes": [],
        "targets": [],
    }
    if old is None or new is None:
        return record
    record["targets"] = target_changes(old["targets"], new["targets"])
    changed = {
        "title": normalize(old["title"]) != normalize(new["title"]),
        "text": normalize(old["text"] or "") != normalize(new["text"] or ""),
        "targets": bool(record["targets"]),
    }
    record["changes"] = [name for name, differs in changed.items() if differs]
    record["status"] = "changed" if record["changes"] else "same"
    return record


def _sections(
    old: PlanRecord, new: PlanRecord, partner: dict[int, int]
) -> tuple[list[SectionDiffRecord], list[tuple[SectionRecord | None, SectionRecord | None]]]:
    """The records of the sections in NEW's order (a removed one where it stood), and the pairs."""
    pairs: list[tuple[SectionRecord | None, SectionRecord | None]] = [
        (old["sections"][a] if a is not None else None, new["sections"][b] if b is not None else None)
        for a, b in in_new_order(len(old["sections"]), len(new["sections"]), partner)
    ]
    return [_section_record(o, n) for o, n in pairs], pairs


def diff_plans(
    old: PlanRecord,
    new: PlanRecord,
    threshold: float = THRESHOLD,
    old_file: tuple[str, str] | None = None,
    new_file: tuple[str, str] | None = None,
) -> Diff:
    """The diff of two parsed plans; ``old_file`` and ``new_file`` are (path, sha256)."""
    check_threshold(threshold)
    old_items, new_items = compared_items(old), compared_items(new)
    paired = pair_items(old_items, new_items, old, new, threshold)
    check_targets(old_items, new_items, paired)
    sections = pair_sections(old_items, new_items, paired, old, new)
    moved = {
        i for i, (j, _) in paired.items()
        if sections.get(old_items[i].section) != new_items[j].section
    }  # fmt: skip
    records, pairs = [], []
    for i, j in order(old_items, new_items, paired, moved):
        o = old_items[i] if i is not None else None
        n = new_items[j] if j is not None else None
        similarity = paired[i][1] if i is not None and i in paired else None
        records.append(_item_record(o, n, similarity, i in moved))
        pairs.append((o, n))
    summary: SummaryRecord = {
        "same": sum(r["status"] == "same" for r in records),
        "changed": sum(r["status"] == "changed" for r in records),
        "added": sum(r["status"] == "added" for r in records),
        "removed": sum(r["status"] == "removed" for r in records),
        "moved": len(moved),
    }
    section_records, section_pairs = _sections(old, new, sections)
    record: DiffRecord = {
        "old": _side(old, old_file),
        "new": _side(new, new_file),
        "summary": summary,
        "plan": _plan_record(old, new),
        "sections": section_records,
        "items": records,
    }
    texts = {part: (old[part] or "", new[part] or "") for part in ("preamble", "closing")}
    return Diff(record, pairs, section_headings(old), section_headings(new), section_pairs, texts)


def load_side(path: str, side: str) -> LoadedPlan:
    """The plan in ``path``, the OLD or NEW ``side`` of a diff: an error names the side and
    the file, since it may be either.

    >>> load_side("/no/such.txt", "NEW")
    Traceback (most recent call last):
    ...
    zhiliang_cli.errors.InputError: NEW /no/such.txt: no such file; check the path
    """
    from .cache import load_plan
    from .errors import ZlError
    from .source import display_path

    try:
        return load_plan(path)
    except ZlError as error:
        shown = "standard input" if path == "-" else display_path(path)
        message = str(error)
        named = message.startswith((shown, "<stdin>", "standard input"))
        raise type(error)(f"{side} {message}" if named else f"{side} {shown}: {message}") from None


def diff_loaded(old: LoadedPlan, new: LoadedPlan, threshold: float = THRESHOLD) -> Diff:
    """The diff of two loaded plan files."""
    return diff_plans(old.plan, new.plan, threshold, (old.path, old.sha256), (new.path, new.sha256))


_COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "约", "=": "", "range": ""}


def describe_target(target: TargetRecord | None) -> str:
    """A target in a few characters, as printed with its comparator: ≥10项, 力争一到两个,
    减少2%, 500家 到2025年; — for none.

    >>> describe_target({"number_text": "10", "unit": "项", "comparator": ">=", "aspirational": True,
    ...                  "change": "decrease", "by": None})  # type: ignore
    '力争减少≥10项'
    """
    if target is None:
        return "—"
    words = [
        "力争" if target["aspirational"] else "",
        {"increase": "增加", "decrease": "减少", None: ""}[target["change"]],
        _COMPARATOR_SIGNS.get(target["comparator"], target["comparator"]),
        target["number_text"] + target["unit"],
    ]
    by = f" {target['by']['text']}" if target["by"] else ""
    return "".join(words) + by
