"""Inputs that once took seconds to minutes, each a scan retried from every position of a run
(spaces before a note's colon, units joined by 和, brackets nested thousands deep …).  The old code
ran for seconds to hours on these inputs at twice the size of N below (a quarter of that at this
size, as its cost grew with the square), so a regression shows as a suite that stalls; the time
itself is measured in bench/, never asserted here.  Each must still parse with nothing lost
and every span exact."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from zhiliang_cli.parse.pipeline import parse_text

from .invariants import lost_characters, span_errors

S = " " * 4000  # a run of spaces: cubic in three patterns, quadratic in eight
# units, notes, lines: quadratic in thirteen places.  At 1,500 of them a quadratic regression still
# costs seconds where the linear parse of a case takes at most half a second: 1 s for a Python step
# of 1 µs over every pair of lines, 1 to 30 s for a `regex` scan (10 ns a step) retried from every
# position of an input of 15,000 to 75,000 characters, as most of these are
N = 1500

HOSTILE: dict[str, Callable[[], str]] = {
    "bracketed-label-spaces": lambda: "一、总则\n（一）做好。【责任单位】" + S + "。\n",
    "note-line-spaces": lambda: "一、总则\n（一）做好。\n（" + S + "x\n（二）做好。\n",
    "header-note-line-spaces": lambda: "（" + S + "x\n一、总则\n（一）做好。\n",
    "rule-remark-spaces": lambda: "一、总则\n（一）做好。（责任单位：甲局" + S + "x，列第一位者为牵头单位）\n",
    "following-units-spaces": lambda: "一、总则\n（一）做好。（牵头单位：甲局，以下" + S + "x）\n",
    "line-wrap-spaces": lambda: "一、总则\n（一）做好。（牵头单位：甲局；" + S * 5 + "乙）\n",
    "cut-note-spaces": lambda: "一、总则\n（一）做好。\n（a" + S * 5 + "x\n",
    "line-note-spaces": lambda: "一、总则\n（一）做好。\n牵头单位：甲局" + S * 5 + "乙\n",
    "recipients-spaces": lambda: "a" + S * 5 + "x\n一、总则\n（一）做好。\n",
    "attachment-spaces": lambda: "附件" + S * 2 + "x\n一、总则\n（一）做好。\n",
    "published-spaces": lambda: "时间" + S * 2 + "x\n一、总则\n（一）做好。\n",
    "deadline-spaces": lambda: "一、总则\n（一）做好。（牵头单位：甲局；完成时限：" + S + "2023年底前" + S + "x）\n",
    "email": lambda: "联系人" + "a" * 8000 + "@" + "b" * 8000 + "\n一、总则\n（一）做好。\n",
    "thousands": lambda: "一、总则\n（一）" + "1" + ",000" * 10_000 + "\n",
    "labelled-units": lambda: (
        "一、总则\n（一）（牵头单位："
        + "、".join(f"甲{i}局" for i in range(N))
        + "；配合单位："
        + "、".join(f"乙{i}局" for i in range(N))
        + "）\n"
    ),
    "marked-units": lambda: (
        "一、总则\n（一）（牵头单位："
        + "、".join(f"*甲{i}局" for i in range(N))
        + "、"
        + "、".join(f"乙{i}局" for i in range(N))
        + "）\n"
    ),
    "inline-units": lambda: (
        "一、总则\n（一）做好。（"
        + "、".join(f"甲{i}局" for i in range(N))
        + "牵头，"
        + "、".join(f"乙{i}局" for i in range(N))
        + "配合）\n"
    ),
    "notes-merged": lambda: "一、总则\n（一）做好" + "".join(f"（甲{i}局牵头，乙{i}局配合）" for i in range(N)) + "\n",
    "joined-by-he": lambda: "一、总则\n（一）做好。（牵头单位：" + "甲局和" * N + "甲局）\n",
    "distributive-levels": lambda: "一、总则\n（一）做好。（牵头单位：各" + "区、" * N + "区人民政府）\n",
    "cues-in-one-bracket": lambda: "一、总则\n（一）做好（" + "牵头" * 10 * N + "）。\n",
    "labels-in-one-bracket": lambda: "一、总则\n（一）做好（" + "牵头单位：" * 10 * N + "）。\n",
    "deep-nesting": lambda: "一、总则\n（一）" + "（" * N + "）" * N + "（牵头" * N + "\n",
    "remarks-in-a-quote": lambda: "一、总则\n（一）做好。（牵头单位：甲局“" + "，以下" * N + "）\n",
    "rule-in-every-note": lambda: "一、总则\n" + "（一）做好。（责任单位：甲局、乙局。列第一位者为牵头单位）\n" * N,
    "bracketed-label-after-notes": lambda: "一、总则\n" + "（一）做好。（牵头单位：甲局）【责任单位】乙局\n" * N,
    "following-units-remarks": lambda: (
        "一、总则\n" + "".join(f"（一）做好。（牵头单位：甲{i}局，以下均需乙{i}局落实，不再列出）\n" for i in range(N))
    ),
    "childless-groups": lambda: (
        "一、总则\n（一）组。\n1.做好。（牵头单位：甲局）\n" + "（一）做好。（牵头单位：甲局）\n" * N
    ),
    "sections-then-attachments": lambda: "一、总则\n" * N + "附件：1\n" * N + "（一）做好。\n",
    "unreadable-notes": lambda: "一、总则\n（一）做好。（牵头单位：甲局）\n" + "（一）做好。（牵头单位：）\n" * N,
    "dated-targets": lambda: "一、总则\n（一）" + "2023年底前完成5个" * N + "\n",
    "marked-leads": lambda: "一、总则\n（一）做好。（责任单位：" + "甲局（牵头）、" * N + "乙局）\n",
    "inline-labels": lambda: "一、总则\n（一）做好" + "。责任单位：甲局" * N + "\n",
    "closing-paragraphs": lambda: "一、总则\n（一）做好。\n" + "各地区、各部门要" * N + "\n" + "参照本方案。\n" * N,
    "targets-after-brackets": lambda: "一、总则\n（一）做好" + "）" * N + "建成5个" * N + "\n",
    "annexes": lambda: "一、总则\n（一）做好。\n2023年1月1日\n" + "附件\n" * N,
    "person-label-spaces": lambda: "一、总则\n（一）做好。（甲局牵头，" + S + "分管" + "，" * N + "领导：x）\n",
    "leading-notes": lambda: "一、总则\n" + "（一）（甲局、乙局）做好。\n做好。\n" * N,
    "verbs-before-dunhao": lambda: "一、总则\n（一）做好。（" + "甲局推进、" * N + "乙局牵头、" * N + "丙局配合）\n",
    "leading-note-open": lambda: "一、总则\n" + "（一）（" + "甲局、" * N + "\n",
    "dash-run": lambda: "一、总则\n（一）做好。" + "——" * 10 * N + "市甲局\n",
    "dashes-after-full-stops": lambda: "一、总则\n（一）做好" + "。——市甲局" * N + "\n",
    "dash-note-lines": lambda: "一、总则\n（一）做好。\n" + "——市甲局、市乙局\n" * N,
    "dash-spaces": lambda: "一、总则\n（一）做好。" + S + "——" + S + "市甲局" + S + "x\n",
    "labelled-sentences": lambda: "一、总则\n（一）做好" + "。责任单位为市甲局" * N + "\n",
    "label-is-run": lambda: "一、总则\n（一）做好。责任单位" + "为" * 10 * N + "市甲局\n",
    "labelled-sentence-lines": lambda: "一、总则\n（一）做好。\n" + "牵头单位为市甲局，配合单位为市乙局。\n" * N,
    "labelled-sentence-spaces": lambda: "一、总则\n（一）做好。" + S + "责任单位为市甲局" + S + "。" + S + "x\n",
    "repeated-table-headers": lambda: "一、总则\n（一）做好。\n" + "| 序号 | 重点任务 | 责任单位 |\n" * N,
    "repeated-tab-headers": lambda: "一、总则\n（一）做好。\n" + "序号\t重点任务\t责任单位\n" * N,
    "table-rules": lambda: "一、总则\n（一）做好。\n| 序号 | 重点任务 | 责任单位 |\n" + "| --- | --- | --- |\n" * N,
    "pipe-run": lambda: "一、总则\n（一）做好。\n" + "|" * 10 * N + "\n",
    "assignment-numbers": lambda: "一、总则\n（一）做好。\n二、任务分工\n" + "第（一）、" * N + "项由甲局负责。\n",
    "assignment-clauses": lambda: "一、总则\n（一）做好。\n二、任务分工\n" + "第（一）项由甲局负责，" * N + "\n",
    "assignment-firsts": lambda: "一、总则\n（一）做好。\n二、任务分工\n" + "第" * 10 * N + "\n",
    "run-on-serials": lambda: "一、总则\n" + "- 1 -\n" * N + "1.1万亩\n1.1加快。\n" * N,
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_parses_in_linear_time_with_nothing_lost(make: Callable[[], str]) -> None:
    text = make()
    plan = parse_text(text)
    assert lost_characters(text, plan) == []
    assert span_errors(text, plan) == []


def test_a_later_following_units_remark_replaces_the_earlier() -> None:
    """以下均需X落实 holds from its note on, until a later remark of the kind says otherwise."""
    text = (
        "一、总则\n（一）甲。（牵头单位：市甲局，以下均需各区政府落实，不再列出）\n（二）乙。（牵头单位：市乙局）\n"
        "（三）丙。（牵头单位：市丙局，以下均需各街道落实，不再列出）\n（四）丁。（牵头单位：市丁局）\n"
    )
    items = parse_text(text)["sections"][0]["items"]
    leads = [["市甲局"], ["市乙局", "各区政府"], ["市丙局", "各区政府"], ["市丁局", "各街道"]]
    assert [i["lead_units"] for i in items] == leads
