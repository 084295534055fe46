"""A plan in traditional characters reads exactly like its simplified copy (issue 18), and what is read
is given back as printed."""

from __future__ import annotations

from pathlib import Path

import opencc

from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.parse.script import simplified

GENRE = Path(__file__).parent / "genre"
SIMPLIFIED = GENRE / "28_city_price_plan_rule_after_semicolon_simplified.txt"
TRADITIONAL = GENRE / "29_city_price_plan_rule_after_semicolon_traditional.txt"
T2S = opencc.OpenCC("t2s").convert


def _reading(path: Path) -> tuple[list[object], list[object]]:
    plan = parse_text(path.read_text(encoding="utf-8"))
    items = [
        (i["number"], T2S(i["title"]), [T2S(u) for u in i["lead_units"]], [T2S(u) for u in i["cooperating_units"]])
        for s in plan["sections"]
        for i in s["items"]
    ]
    targets = [
        (t["item"], t["value"], t["low"], t["high"], T2S(t["unit"]), t["comparator"], t["change"])
        for t in plan["targets"]
        + [x for s in plan["sections"] for x in s["targets"] + [y for i in s["items"] for y in i["targets"]]]
    ]
    return items, targets


def test_the_traditional_copy_reads_as_the_simplified_one() -> None:
    assert _reading(TRADITIONAL) == _reading(SIMPLIFIED)


def test_what_is_read_is_given_back_as_printed() -> None:
    text = "一、重點任務\n（一）建設冷鏈物流中心，吞吐量達到3萬標準箱。（牽頭單位：市發展改革委；配合單位：市商務局）\n"
    item = parse_text(text)["sections"][0]["items"][0]
    assert item["lead_units"] == ["市發展改革委"] and item["cooperating_units"] == ["市商務局"]
    assert item["title"] == "建設冷鏈物流中心，吞吐量達到3萬標準箱" or item["title"].startswith("建設冷鏈物流中心")
    target = item["targets"][0]
    assert target["number_text"] == "3萬" and target["unit"] == "標準箱" and target["value"] == 30000
    assert text[target["span"][0] : target["span"][1]] == target["text"]


def test_a_simplified_text_is_not_converted() -> None:
    assert simplified("一、重点任务\n（一）做好工作。（牵头单位：省局）\n") is None
