"""Invariants of zl diff on generated editions (hypothesis): a plan against a copy of
itself that differs only in encoding, line ends, full-width forms, white space or
numbering has no changes; swapping OLD and NEW swaps added and removed, raised and
lowered; the assignment is the best there is."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhiliang_cli.assign import pair
from zhiliang_cli.diff import diff_plans
from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.records import PlanRecord
from zhiliang_cli.source import RawSource, decode

from .editions import Edition
from .test_diff import excerpt
from .variants import cr_only, crlf, full_width, indented, multi_paragraph, no_blank_lines, per_section_numbering

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TITLES = ["全面提升质量治理效能", "深化标准化综合改革", "推进品牌建设提质增效", "加快检验检测体系建设"]
UNITS = ["省发改委", "省工信厅", "省商务厅", "省市场监管局、省财政厅"]
NEW_ITEMS = [
    ("推动制造业数字化转型", "实施制造业数字化转型行动,培育智能制造示范企业20家以上。", "省工信厅"),
    ("加强质量基础设施互联互通", "推进计量、标准、认证认可、检验检测一体化服务。", "省市场监管局"),
    ("促进服务业标准化发展", "制修订服务业地方标准30项,建设服务业标准化试点10个。", "省商务厅"),
]


@st.composite
def editions(draw: st.DrawFn) -> Edition:
    """The excerpt of the 2023 plan with a few edits of every kind, drawn at random."""
    edition = Edition.read(excerpt())
    fresh = list(NEW_ITEMS)
    for _ in range(draw(st.integers(0, 6))):
        keys = [i.key for i in edition.items() if i.key > 0]
        key = draw(st.sampled_from(keys))
        kind = draw(st.sampled_from(["drop", "retitle", "leads", "move", "number", "add", "merge", "swap"]))
        section = draw(st.integers(1, len(edition.sections)))
        if kind == "drop":
            edition.drop(key)
        elif kind == "retitle":
            edition.retitle(key, draw(st.sampled_from(TITLES)) + str(key))
        elif kind == "leads" and edition.item(key).note:
            edition.leads(key, draw(st.sampled_from(UNITS)))
        elif kind == "move":
            edition.move(key, section)
        elif kind == "number" and any(ch.isdigit() for ch in edition.item(key).body):
            body = edition.item(key).body
            digit = next(k for k, ch in enumerate(body) if ch.isdigit())
            edition.item(key).body = body[:digit] + str(draw(st.integers(1, 99))) + body[digit:]
        elif kind == "add" and fresh:
            edition.add(section, draw(st.integers(0, 3)), *fresh.pop(draw(st.integers(0, len(fresh) - 1))))
        elif kind == "merge" and len(keys) > 1:
            edition.merge(key, into=draw(st.sampled_from([k for k in keys if k != key])))
        elif kind == "swap" and len(edition.sections) > 1:
            edition.swap_sections(1, section)
    return edition


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "per-section numbering": per_section_numbering,  # first: it reads the ASCII markers
    "multi-paragraph": multi_paragraph,
    "no blank lines": no_blank_lines,
    "full-width": full_width,
    "indented": indented,
    "crlf": crlf,
    "cr": cr_only,
}


def copy_of(text: str, transforms: list[str], encoding: str) -> PlanRecord:
    for name in TRANSFORMS:  # in the order above, whatever the draw
        if name in transforms and not ("cr" in transforms and name == "crlf"):
            text = TRANSFORMS[name](text)
    decoded, _ = decode(RawSource("copy", text.encode(encoding), ""))
    return parse_text(decoded)


@SETTINGS
@given(
    editions(),
    st.lists(st.sampled_from(list(TRANSFORMS)), unique=True),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_a_copy_in_another_dress_has_no_changes(edition: Edition, transforms: list[str], encoding: str) -> None:
    text = str(edition)
    result = diff_plans(parse_text(text), copy_of(text, transforms, encoding))
    summary = result.record["summary"]
    assert summary == {"same": len(edition.items()), "changed": 0, "added": 0, "removed": 0, "moved": 0}
    assert not result.differs


def _pairs(record: Any) -> set[tuple[int | None, int | None]]:
    return {(i["old_number"], i["new_number"]) for i in record["items"]}


MIRROR = {"raised": "lowered", "lowered": "raised", "added": "removed", "removed": "added"}


@SETTINGS
@given(editions(), editions())
def test_swapping_old_and_new_swaps_added_and_removed(a: Edition, b: Edition) -> None:
    plan_a, plan_b = parse_text(str(a)), parse_text(str(b))
    forth, back = diff_plans(plan_a, plan_b).record, diff_plans(plan_b, plan_a).record
    s, t = forth["summary"], back["summary"]
    assert (s["added"], s["removed"], s["same"], s["changed"], s["moved"]) == (
        t["removed"], t["added"], t["same"], t["changed"], t["moved"],
    )  # fmt: skip
    assert _pairs(forth) == {(n, o) for o, n in _pairs(back)}
    changes = {(i["old_number"], i["new_number"]): i for i in forth["items"]}
    for item in back["items"]:
        mine = changes[item["new_number"], item["old_number"]]
        assert mine["status"] == MIRROR.get(item["status"], item["status"])
        assert mine["changes"] == item["changes"]
        assert (mine["leads_added"], mine["leads_removed"]) == (item["leads_removed"], item["leads_added"])
        assert sorted(MIRROR.get(t["status"], t["status"]) for t in item["targets"]) == sorted(
            t["status"] for t in mine["targets"]
        )


@SETTINGS
@given(editions())
def test_every_item_is_listed_once(edition: Edition) -> None:
    old = parse_text(excerpt())
    record = diff_plans(old, parse_text(str(edition))).record
    olds = [i["old_number"] for i in record["items"] if i["old_number"] is not None]
    news = [i["new_number"] for i in record["items"] if i["new_number"] is not None]
    assert sorted(olds) == list(range(1, 24))
    assert news == list(range(1, len(edition.items()) + 1))  # in NEW's order


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 4), st.floats(0.01, 1.0, allow_nan=False)),
        max_size=12,
        unique_by=lambda e: (e[0], e[1]),
    )
)
def test_assignment_is_the_best_there_is(edges: list[tuple[int, int, float]]) -> None:
    chosen = pair(edges)
    assert len({r for r, _ in chosen}) == len(chosen) == len({c for _, c in chosen})
    weight = {(r, c): w for r, c, w in edges}
    best = 0.0
    for size in range(len(edges) + 1):
        for subset in itertools.combinations(weight, size):
            if len({r for r, _ in subset}) == size == len({c for _, c in subset}):
                best = max(best, sum(weight[e] for e in subset))
    assert abs(sum(weight[e] for e in chosen) - best) < 1e-9
