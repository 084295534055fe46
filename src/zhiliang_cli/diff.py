"""What changed between two editions of a plan, paired by what their items say.

``diff_plans(old, new)`` takes two parsed plans and returns a :class:`Diff`: the
report as data (its ``record`` is what ``zl diff`` writes as JSON), with what
:mod:`render` and :func:`export.diff_markdown` need to show it.  Nothing here
prints.

Pairing.  Items are compared as printed less what is not a change: the numeral
marker, the lead-unit note (its units are compared on their own), and, after
NFKC (full-width forms to half-width), every white space.  Items alike in title
and text after that are paired first, in order.  The others are scored by
character-level similarity (:func:`rapidfuzz.fuzz.ratio`, Indel distance)::

    similarity = 0.3 × title similarity + 0.7 × text similarity     (0 to 1)

and may pair only when ``similarity >= threshold`` (0.5 by default: two distinct
items of the 2023 plan score 0.11 on average and 0.38 at most; an item and its
retitled, reworded or merged self 0.74 to 1 in the tests' editions).  Among the pairs allowed,
:func:`assign.pair` finds the one-to-one assignment of largest total weight over
the whole plan, not a greedy first-come one; the weight adds to the similarity
the supporting evidence: 0.05 × the overlap of the lead units, 0.05 × the
similarity of the two sections' titles, 0.01 × how close the two stand in their
plans.  An item of OLD left unpaired is ``removed``, one of NEW ``added``.

Sections are paired after the items, by the number of items that went from one
to the other (their titles break ties), so a renamed or renumbered section is
still the same section.  A section is known by its place in its plan, not by its
number, which starts again where a notice issues two documents.  An item is **moved** when it is paired and its NEW
section is not the partner of its OLD section; it is then ``changed``, with
``section`` among its ``changes``, and the summary counts it both as changed and
as moved.

The plan outside its items is compared too: its ``preamble`` (where the headline
goals stand) and ``closing`` by their words, the targets of the preamble (the
plan's ``targets``) paired and judged as an item's are, and each pair of sections
by its heading, its own text (before or without items) and the targets in it; a
section of OLD with no partner is ``removed``, one of NEW ``added``.  A target's
horizon is compared by its words: 年内 in two editions is the same horizon, though
it ends in another year.

Bounds (limits.py, docs/limits.md).  The items left to pair after the identical
ones are weighed OLD × NEW: more than ``MAX_DIFF_PAIRS`` pairs, or more than
``MAX_DIFF_CHARACTERS`` characters OLD's times NEW's, is refused (exit 3), as are
more than ``MAX_DIFF_TARGETS`` pairs of targets in all; each item keeps only its
``MAX_DIFF_CANDIDATES`` likeliest partners (by an upper bound of the similarity)
for the assignment, which for real plans, whose distinct items are far apart,
drops none that could pair.

Targets of a pair are paired the same way, by unit (equal after NFKC) and clause
(the clause with its number masked, similar at ``TARGET_THRESHOLD`` at least).
A paired target is ``raised`` or ``lowered`` when its value (both bounds of a
range, a single value being a range of one) went up or down, ``changed`` when the
bounds cross or when, at the same value, its comparator, direction of change,
aspiration (力争) or horizon (``by``) changed; unpaired ones are ``added`` and
``removed``.

>>> normalize("（一）加强　质量\\r\\n监管，ＡＢ１")
'(一)加强质量监管,AB1'
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from . import limits
from .assign import pair
from .errors import InputError, UsageError
from .worddiff import Run, elide, word_diff

if TYPE_CHECKING:
    from .cache import LoadedPlan
    from .records import ItemRecord, PlanRecord, SectionRecord, TargetRecord

THRESHOLD = 0.5
TITLE_WEIGHT = 0.3
TEXT_WEIGHT = 1 - TITLE_WEIGHT
LEAD_EVIDENCE = 0.05
SECTION_EVIDENCE = 0.05
POSITION_EVIDENCE = 0.01
SECTION_TITLE_THRESHOLD = 0.5  # sections with no item in common pair on a title this alike
TARGET_THRESHOLD = 0.4
STATUSES = ("same", "changed", "added", "removed")
ONLY_CHOICES = (*STATUSES, "moved")
FORMATS = ("table", "json", "jsonl", "yaml", "csv", "md")
FAST_ALPHABET = 255  # rapidfuzz compares characters below 256 with a table, others with a hash map


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


def normalize(text: str) -> str:
    """``text`` in NFKC with every white space removed: what two copies of a plan share
    whatever their encoding, line ends, full-width forms or indentation."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class _Item:
    """An item as compared: its printed body and title, and their normal forms."""

    record: ItemRecord
    position: float  # where it stands in its plan, 0 to 1
    section: int  # the place of its section in the plan, from 0 (section numbers may repeat)
    body: str  # the printed text less the marker and the lead-unit note
    title: str
    rest: str  # the printed body after the title and its 。
    key_title: str = field(init=False)
    key_body: str = field(init=False)
    key_rest: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key_title", normalize(self.title))
        object.__setattr__(self, "key_body", normalize(self.body))
        object.__setattr__(self, "key_rest", normalize(self.rest))


def _compared(item: ItemRecord, position: float, section: int) -> _Item:
    from .parse.patterns import RE_HEADING

    text, start = item["text"], item["span"][0]
    if item["lead_span"]:
        note_start, note_end = item["lead_span"][0] - start, item["lead_span"][1] - start
        if 0 <= note_start <= note_end <= len(text):
            text = text[:note_start] + text[note_end:]
    body = text.lstrip()
    marker = RE_HEADING.match(body)
    body = body[marker.end() :].lstrip() if marker else body
    title = item["title"]
    rest = body[len(title) :].lstrip("。.．") if title and body.startswith(title) else body
    return _Item(item, position, section, body, title, rest)


def _items(plan: PlanRecord) -> list[_Item]:
    records = [(item, at) for at, section in enumerate(plan["sections"]) for item in section["items"]]
    return [_compared(item, k / max(1, len(records) - 1), at) for k, (item, at) in enumerate(records)]


# --- pairing ------------------------------------------------------------------------


def _exact_pairs(old: list[_Item], new: list[_Item]) -> list[tuple[int, int]]:
    """Items alike in title and text, paired in order."""
    waiting: dict[tuple[str, str], deque[int]] = defaultdict(deque)
    for i, item in enumerate(old):
        waiting[item.key_title, item.key_body].append(i)
    pairs = []
    for j, item in enumerate(new):
        queue = waiting.get((item.key_title, item.key_body))
        if queue:
            pairs.append((queue.popleft(), j))
    return pairs


def _fast_alphabet(texts: list[str]) -> dict[str, str]:
    """A many-to-one map of the characters of ``texts`` to fewer than 256, the most
    frequent kept apart.  The LCS of two mapped texts is at least that of the texts,
    so their similarity bounds the true one from above, and rapidfuzz computes it
    several times faster (it looks characters above 255 up in a hash map)."""
    counts = Counter("".join(texts))
    ranked = [ch for ch, _ in counts.most_common()]
    kept = FAST_ALPHABET * 3 // 4
    table = {ch: chr(k) for k, ch in enumerate(ranked[:kept])}
    table.update({ch: chr(kept + ord(ch) % (FAST_ALPHABET - kept)) for ch in ranked[kept:]})
    return table


def _similarities(old: list[_Item], new: list[_Item], threshold: float) -> dict[tuple[int, int], float]:
    """The similarity of every pair of ``old`` and ``new`` that reaches ``threshold``."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not old or not new:
        return {}
    titles = process.cdist(
        [i.key_title for i in old], [i.key_title for i in new], scorer=fuzz.ratio, dtype=np.float32, workers=-1
    )
    table = str.maketrans(_fast_alphabet([i.key_body for i in old + new]))
    fast = [[i.key_body.translate(table) for i in side] for side in (old, new)]
    text_floor = max(0.0, (threshold - TITLE_WEIGHT) / TEXT_WEIGHT * 100)
    bound = process.cdist(*fast, scorer=fuzz.ratio, dtype=np.float32, workers=-1, score_cutoff=text_floor)
    combined = TITLE_WEIGHT * titles + TEXT_WEIGHT * bound
    keep = combined >= threshold * 100 - 1e-3
    if int(keep.sum()) > limits.MAX_DIFF_CANDIDATES * (len(old) + len(new)):
        keep &= _likeliest(combined, limits.MAX_DIFF_CANDIDATES)
    maybe = np.nonzero(keep)
    rows, columns = maybe[0].tolist(), maybe[1].tolist()
    texts = process.cpdist(
        [old[i].key_body for i in rows], [new[j].key_body for j in columns], scorer=fuzz.ratio, workers=-1
    )
    scores: dict[tuple[int, int], float] = {}
    for i, j, text in zip(rows, columns, texts.tolist(), strict=True):
        similarity = (TITLE_WEIGHT * float(titles[i, j]) + TEXT_WEIGHT * text) / 100
        if similarity >= threshold - 1e-9:
            scores[i, j] = similarity
    return scores


def _likeliest(scores: Any, k: int) -> Any:
    """A mask of the scores among the ``k`` highest of their row or of their column.

    >>> import numpy as np
    >>> _likeliest(np.array([[3.0, 2.0, 1.0], [1.0, 2.5, 3.0]]), 1).astype(int).tolist()
    [[1, 0, 0], [0, 1, 1]]
    """
    import numpy as np

    mask = np.zeros(scores.shape, dtype=bool)
    for axis in (1, 0):
        if scores.shape[axis] <= k:
            return np.ones(scores.shape, dtype=bool)
        top = np.argpartition(-scores, k - 1, axis=axis).take(range(k), axis=axis)
        np.put_along_axis(mask, top, True, axis=axis)
    return mask


def check_size(old: list[str], new: list[str], what: str = "items") -> None:
    """Refuse to weigh ``old`` × ``new`` texts past the bounds of limits.py.

    >>> check_size(["a"] * 3000, ["b"] * 3000)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    zhiliang_cli.errors.InputError: OLD and NEW are too large to compare: 3,000 and 3,000 items differ ...
    """
    pairs = len(old) * len(new)
    sizes = sum(map(len, old)), sum(map(len, new))
    if pairs > limits.MAX_DIFF_PAIRS or sizes[0] * sizes[1] > limits.MAX_DIFF_CHARACTERS:
        over = (
            f"{len(old):,} × {len(new):,} pairs to weigh, over the limit of {limits.MAX_DIFF_PAIRS:,}"
            if pairs > limits.MAX_DIFF_PAIRS
            else f"{sizes[0]:,} × {sizes[1]:,} characters to weigh, over the limit of {limits.MAX_DIFF_CHARACTERS:,}"
        )
        raise InputError(
            f"OLD and NEW are too large to compare: {len(old):,} and {len(new):,} {what} differ ({over}): "
            "compare them a part at a time (a section of each)"
        )


def _overlap(a: list[str], b: list[str]) -> float:
    """Jaccard overlap of two lists of names, compared in normal form.

    >>> _overlap(["省商务厅", "省工信厅"], ["省工信厅"]), _overlap([], [])
    (0.5, 0.0)
    """
    sa, sb = {normalize(x) for x in a}, {normalize(x) for x in b}
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _section_headings(plan: PlanRecord) -> list[str]:
    return [f"{s['numeral']}、{s['title']}" for s in plan["sections"]]


def _pair_items(
    old: list[_Item], new: list[_Item], old_plan: PlanRecord, new_plan: PlanRecord, threshold: float
) -> dict[int, tuple[int, float]]:
    """OLD index -> (NEW index, similarity) for every pair."""
    from rapidfuzz import fuzz

    exact = _exact_pairs(old, new)
    paired: dict[int, tuple[int, float]] = {i: (j, 1.0) for i, j in exact}
    old_left = [i for i in range(len(old)) if i not in paired]
    taken = {j for j, _ in paired.values()}
    new_left = [j for j in range(len(new)) if j not in taken]
    check_size([old[i].key_body for i in old_left], [new[j].key_body for j in new_left])
    scores = _similarities([old[i] for i in old_left], [new[j] for j in new_left], threshold)
    old_sections = [normalize(s["title"]) for s in old_plan["sections"]]
    new_sections = [normalize(s["title"]) for s in new_plan["sections"]]
    section_alike: dict[tuple[int, int], float] = {}
    edges = []
    for (a, b), similarity in scores.items():
        o, n = old[old_left[a]], new[new_left[b]]
        sections = o.section, n.section
        if sections not in section_alike:
            section_alike[sections] = fuzz.ratio(old_sections[o.section], new_sections[n.section]) / 100
        evidence = (
            LEAD_EVIDENCE * _overlap(o.record["lead_units"], n.record["lead_units"])
            + SECTION_EVIDENCE * section_alike[sections]
            + POSITION_EVIDENCE * (1 - abs(o.position - n.position))
        )
        edges.append((a, b, similarity + evidence))
    for a, b in pair(edges):
        paired[old_left[a]] = (new_left[b], scores[a, b])
    return paired


def _pair_sections(
    old: list[_Item], new: list[_Item], paired: dict[int, tuple[int, float]], old_plan: PlanRecord, new_plan: PlanRecord
) -> dict[int, int]:
    """OLD section -> NEW section (their places in the plans), by the items that went between them."""
    import numpy as np
    from rapidfuzz import fuzz, process

    moves = Counter((old[i].section, new[j].section) for i, (j, _) in paired.items())
    old_titles = [normalize(s["title"]) for s in old_plan["sections"]]
    new_titles = [normalize(s["title"]) for s in new_plan["sections"]]
    check_size(old_titles, new_titles, "sections")
    if not old_titles or not new_titles:
        return {}
    alike = process.cdist(old_titles, new_titles, scorer=fuzz.ratio, dtype=np.float32, workers=-1) / 100
    edges = [(a, b, count + float(alike[a, b])) for (a, b), count in moves.items()]
    rows, columns = np.nonzero(alike >= SECTION_TITLE_THRESHOLD)
    titled = zip(rows.tolist(), columns.tolist(), strict=True)
    edges += [(a, b, float(alike[a, b])) for a, b in titled if (a, b) not in moves]
    return dict(pair(edges))


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


def _item_record(o: _Item | None, n: _Item | None, similarity: float | None, moved: bool) -> ItemDiffRecord:
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
    pairs: list[tuple[_Item | None, _Item | None]]
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


def _check_targets(old: list[_Item], new: list[_Item], paired: dict[int, tuple[int, float]]) -> None:
    """Refuse more than limits.MAX_DIFF_TARGETS pairs of targets to weigh in all."""
    pairs = sum(len(old[i].record["targets"]) * len(new[j].record["targets"]) for i, (j, _) in paired.items())
    if pairs > limits.MAX_DIFF_TARGETS:
        raise InputError(
            f"OLD and NEW are too large to compare: their paired items hold {pairs:,} pairs of targets to weigh, "
            f"over the limit of {limits.MAX_DIFF_TARGETS:,}: compare them a part at a time (a section of each)"
        )


def _order(
    old: list[_Item], new: list[_Item], paired: dict[int, tuple[int, float]], moved: set[int]
) -> list[tuple[int | None, int | None]]:
    """(OLD index, NEW index) in NEW's order, each removed item after the NEW partner of
    the nearest item before it in OLD that was paired and did not move."""
    return _in_new_order(len(old), len(new), {i: j for i, (j, _) in paired.items()}, moved)


def _in_new_order(
    old: int, new: int, partner: dict[int, int], moved: set[int] | None = None
) -> list[tuple[int | None, int | None]]:
    """(OLD index, NEW index) of ``old`` and ``new`` elements paired by ``partner``, in
    NEW's order, each unpaired OLD one after the partner of the nearest paired one before
    it that did not move.

    >>> _in_new_order(3, 2, {0: 0, 2: 1})
    [(0, 0), (1, None), (2, 1)]
    """
    moved = moved or set()
    partner_of_new = {j: i for i, j in partner.items()}
    after: dict[int, list[int]] = defaultdict(list)
    anchor = -1
    for i in range(old):
        if i in partner and i not in moved:
            anchor = partner[i]
        elif i not in partner:
            after[anchor].append(i)
    order: list[tuple[int | None, int | None]] = [(i, None) for i in after[-1]]
    for j in range(new):
        order.append((partner_of_new.get(j), j))
        order += [(i, None) for i in after[j]]
    return order


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
        for a, b in _in_new_order(len(old["sections"]), len(new["sections"]), partner)
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
    old_items, new_items = _items(old), _items(new)
    paired = _pair_items(old_items, new_items, old, new, threshold)
    _check_targets(old_items, new_items, paired)
    sections = _pair_sections(old_items, new_items, paired, old, new)
    moved = {
        i for i, (j, _) in paired.items()
        if sections.get(old_items[i].section) != new_items[j].section
    }  # fmt: skip
    records, pairs = [], []
    for i, j in _order(old_items, new_items, paired, moved):
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
    return Diff(record, pairs, _section_headings(old), _section_headings(new), section_pairs, texts)


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
