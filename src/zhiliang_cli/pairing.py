"""Pairing for :mod:`diff`: the items and sections of two editions of a plan, paired by
what they say, within the bounds of limits.py.

Items are compared as printed less what is not a change: the numeral marker, the
lead-unit note (its units are compared on their own), and, after NFKC (full-width
forms to half-width), every white space.  Items alike in title and text after that
are paired first, in order.  The others are scored by character-level similarity
(:func:`rapidfuzz.fuzz.ratio`, Indel distance)::

    similarity = 0.3 × title similarity + 0.7 × text similarity     (0 to 1)

and may pair only when ``similarity >= threshold`` (0.5 by default: two distinct
items of the 2023 plan score 0.11 on average and 0.38 at most; an item and its
retitled, reworded or merged self 0.74 to 1 in the tests' editions).  Among the
pairs allowed, :func:`assign.pair` finds the one-to-one assignment of largest total
weight over the whole plan, not a greedy first-come one; the weight adds to the
similarity the supporting evidence: 0.05 × the overlap of the lead units, 0.05 × the
similarity of the two sections' titles, 0.01 × how close the two stand in their plans.

Sections are paired after the items, by the number of items that went from one to
the other (their titles break ties), so a renamed or renumbered section is still the
same section.  A section is known by its place in its plan, not by its number, which
starts again where a notice issues two documents.

Bounds (limits.py, docs/limits.md).  The items left to pair after the identical ones
are weighed OLD × NEW: more than ``MAX_DIFF_PAIRS`` pairs, or more than
``MAX_DIFF_CHARACTERS`` characters OLD's times NEW's, is refused (exit 3), as are more
than ``MAX_DIFF_TARGETS`` pairs of targets in all; each item keeps only its
``MAX_DIFF_CANDIDATES`` likeliest partners (by an upper bound of the similarity) for
the assignment, which for real plans, whose distinct items are far apart, drops none
that could pair.

>>> normalize("（一）加强　质量\\r\\n监管，ＡＢ１")
'(一)加强质量监管,AB1'
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import limits
from .assign import pair
from .errors import InputError

if TYPE_CHECKING:
    from .records import ItemRecord, PlanRecord

THRESHOLD = 0.5
TITLE_WEIGHT = 0.3
TEXT_WEIGHT = 1 - TITLE_WEIGHT
LEAD_EVIDENCE = 0.05
SECTION_EVIDENCE = 0.05
POSITION_EVIDENCE = 0.01
SECTION_TITLE_THRESHOLD = 0.5  # sections with no item in common pair on a title this alike
FAST_ALPHABET = 255  # rapidfuzz compares characters below 256 with a table, others with a hash map


def normalize(text: str) -> str:
    """``text`` in NFKC with every white space removed: what two copies of a plan share
    whatever their encoding, line ends, full-width forms or indentation."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class Compared:
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


def _compared(item: ItemRecord, position: float, section: int) -> Compared:
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
    return Compared(item, position, section, body, title, rest)


def compared_items(plan: PlanRecord) -> list[Compared]:
    records = [(item, at) for at, section in enumerate(plan["sections"]) for item in section["items"]]
    return [_compared(item, k / max(1, len(records) - 1), at) for k, (item, at) in enumerate(records)]


# --- pairing ------------------------------------------------------------------------


def _exact_pairs(old: list[Compared], new: list[Compared]) -> list[tuple[int, int]]:
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


def similarities(old: list[Compared], new: list[Compared], threshold: float) -> dict[tuple[int, int], float]:
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


def section_headings(plan: PlanRecord) -> list[str]:
    return [f"{s['numeral']}、{s['title']}" if s["numeral"] else s["title"] for s in plan["sections"]]


def pair_items(
    old: list[Compared], new: list[Compared], old_plan: PlanRecord, new_plan: PlanRecord, threshold: float
) -> dict[int, tuple[int, float]]:
    """OLD index -> (NEW index, similarity) for every pair."""
    from rapidfuzz import fuzz

    exact = _exact_pairs(old, new)
    paired: dict[int, tuple[int, float]] = {i: (j, 1.0) for i, j in exact}
    old_left = [i for i in range(len(old)) if i not in paired]
    taken = {j for j, _ in paired.values()}
    new_left = [j for j in range(len(new)) if j not in taken]
    check_size([old[i].key_body for i in old_left], [new[j].key_body for j in new_left])
    scores = similarities([old[i] for i in old_left], [new[j] for j in new_left], threshold)
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


def pair_sections(
    old: list[Compared],
    new: list[Compared],
    paired: dict[int, tuple[int, float]],
    old_plan: PlanRecord,
    new_plan: PlanRecord,
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


def check_targets(old: list[Compared], new: list[Compared], paired: dict[int, tuple[int, float]]) -> None:
    """Refuse more than limits.MAX_DIFF_TARGETS pairs of targets to weigh in all."""
    pairs = sum(len(old[i].record["targets"]) * len(new[j].record["targets"]) for i, (j, _) in paired.items())
    if pairs > limits.MAX_DIFF_TARGETS:
        raise InputError(
            f"OLD and NEW are too large to compare: their paired items hold {pairs:,} pairs of targets to weigh, "
            f"over the limit of {limits.MAX_DIFF_TARGETS:,}: compare them a part at a time (a section of each)"
        )


def order(
    old: list[Compared], new: list[Compared], paired: dict[int, tuple[int, float]], moved: set[int]
) -> list[tuple[int | None, int | None]]:
    """(OLD index, NEW index) in NEW's order, each removed item after the NEW partner of
    the nearest item before it in OLD that was paired and did not move."""
    return in_new_order(len(old), len(new), {i: j for i, (j, _) in paired.items()}, moved)


def in_new_order(
    old: int, new: int, partner: dict[int, int], moved: set[int] | None = None
) -> list[tuple[int | None, int | None]]:
    """(OLD index, NEW index) of ``old`` and ``new`` elements paired by ``partner``, in
    NEW's order, each unpaired OLD one after the partner of the nearest paired one before
    it that did not move.

    >>> in_new_order(3, 2, {0: 0, 2: 1})
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
