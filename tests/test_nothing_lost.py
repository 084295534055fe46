"""Nothing of the plan's body is dropped (issue 9, section 1): furniture words inside items,
notes of any length, numbering of any length, two plans in one file, text that belongs nowhere."""

from __future__ import annotations

import pytest

from zhiliang_cli.parse.pipeline import parse_text

from .invariants import lost_characters, span_errors


def _items(text: str) -> list[dict]:
    plan = parse_text(text)
    assert span_errors(text, plan) == [] and lost_characters(text, plan) == []
    return [i for s in plan["sections"] for i in s["items"]]


@pytest.mark.parametrize(
    "word", ["印发", "来源", "关闭", "打印", "分享", "编辑", "抄送", "附件：", "2023年3月14日"], ids=str
)
def test_a_wrapped_line_that_starts_with_a_furniture_word_is_item_text(word: str) -> None:
    text = f"一、总则\n（一）做好试点工作，组织各设区市\n{word}实施方案，完成试点20个。（牵头单位：甲局）\n"
    text += "（二）做好。（牵头单位：乙局）\n"
    first, second = _items(text)
    assert first["text"].endswith("（牵头单位：甲局）") and first["lead_units"] == ["甲局"]
    assert [t["number_text"] for t in first["targets"]] == ["20"]
    assert second["lead_units"] == ["乙局"]


def test_furniture_after_a_complete_item_is_furniture() -> None:
    text = "一、总则\n（一）做好。（牵头单位：甲局）\n分享到：\n【打印】【关闭】\n"
    (item,) = _items(text)
    assert item["text"] == "（一）做好。（牵头单位：甲局）"


@pytest.mark.parametrize("count", [60, 1000])
def test_a_note_of_any_length_is_read(count: int) -> None:
    units = "、".join(f"第{n}号单位办" for n in range(count))
    (item,) = _items(f"一、总则\n（一）做好。（牵头单位：{units}）\n")
    assert len(item["lead_units"]) == count and item["lead_units"][-1] == f"第{count - 1}号单位办"


def test_a_note_that_cannot_be_read_is_reported_as_such() -> None:
    plan = parse_text("一、总则\n（一）做好。（牵头单位：甲局）\n（二）做好。（牵头单位：）\n")
    assert [p["kind"] for p in plan["problems"]] == ["unreadable_note"]


@pytest.mark.parametrize(
    ("markers", "numbers"),
    [
        (["（1000）", "（1001）"], [1000, 1001]),
        (["（12345）", "（12346）"], [12345, 12346]),
        (["（一万零一）", "（一万零二）"], [10001, 10002]),
    ],
    ids=["1000", "12345", "past-ten-thousand"],
)
def test_numbering_of_any_length(markers: list[str], numbers: list[int]) -> None:
    text = "一、总则\n" + "".join(f"{m}做好。（牵头单位：甲局）\n" for m in markers)
    assert [i["number"] for i in _items(text)] == numbers


def test_a_second_notice_after_the_plan_is_flagged_and_not_swallowed() -> None:
    text = (
        "一、总则\n（一）做好。（牵头单位：甲局）\n某某关于印发某某工作要点的通知\n某办〔2024〕1号\n各区：\n现印发。\n"
        "一、总则\n（一）做好。（牵头单位：乙局）\n"
    )
    plan = parse_text(text)
    first = plan["sections"][0]["items"][0]
    assert first["text"] == "（一）做好。（牵头单位：甲局）"
    assert (plan["problems"][0]["kind"], plan["problems"][0]["line"]) == ("second_plan", 3)


def test_text_that_belongs_nowhere_is_reported_with_its_line() -> None:
    plan = parse_text("一、总则\n（一）做好。（牵头单位：甲局）\n附件：1.任务表\n这一行不属于任何事项。\n")
    assert [(p["kind"], p["line"]) for p in plan["problems"]] == [("unassigned_text", 4)]


@pytest.mark.parametrize("line", ["专栏1　人工智能重点工程", "全市人工智能企业营收增速不低于15%"])
def test_a_line_after_a_note_that_looks_like_a_signature_is_the_tasks(line: str) -> None:
    text = f"一、重点任务\n（一）培育企业。（责任单位：市科技局）\n{line}\n（二）建设平台。（牵头单位：市经信局）\n"
    plan = parse_text(text)
    assert plan["sections"][0]["items"][0]["text"].endswith(line)
    assert lost_characters(text, plan) == []
