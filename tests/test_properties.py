"""Invariants, checked on generated input (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhiliang_cli.errors import ZlError
from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.source import RawSource, decode

from .variants import to_chinese

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_arbitrary_text_gives_a_plan_or_our_error(text: str) -> None:
    try:
        plan = parse_text(text)
    except ZlError:
        return
    for section in plan["sections"]:
        assert text[section["span"][0] : section["span"][1]].endswith(section["title"])
        for item in section["items"]:
            assert text[item["span"][0] : item["span"][1]] == item["text"]


HEADING_CHARS = "一二三四五六七八九十（）()、.．0123456789"
plan_chars = st.sampled_from(
    "加强推进质量标准监管服务体系建设企业品牌提升开展工作全省市县项目个家批次以上力争" + HEADING_CHARS
)


@SETTINGS
@given(st.lists(st.text(plan_chars, min_size=1, max_size=30), min_size=1, max_size=20))
def test_heading_soup_gives_a_plan_or_our_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        plan = parse_text(text)
    except ZlError:
        return
    for section in plan["sections"]:
        for item in section["items"]:
            assert text[item["span"][0] : item["span"][1]] == item["text"]
            for target in item["targets"]:
                assert text[target["span"][0] : target["span"][1]] == target["text"]


WORDS = ["加强", "质量", "标准", "监管", "服务", "体系", "建设", "企业", "品牌", "提升", "创新", "农产品", "检验检测"]
UNITS = ["省市场监管局", "省工信厅", "省商务厅", "省农业农村厅", "福州海关", "省发改委", "各区、县级市人民政府"]
phrase = st.lists(st.sampled_from(WORDS), min_size=2, max_size=5).map("".join)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    full_width = draw(st.booleans())
    o, c, colon, semi = ("（", "）", "：", "；") if full_width else ("(", ")", ":", ";")
    restart = draw(st.booleans())
    indent = draw(st.sampled_from(["", "  ", "\u3000\u3000"]))
    blank = draw(st.sampled_from(["\n", "\n\n"]))
    sections = draw(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=12))
    lines, expected, number = [draw(phrase) + "工作要点"], [], 0
    for s, count in enumerate(sections, start=1):
        lines.append(f"{indent}{to_chinese(s)}、{draw(phrase)}")
        for k in range(1, count + 1):
            number += 1
            printed = k if restart else number
            leads = draw(st.lists(st.sampled_from(UNITS), min_size=0, max_size=2, unique=True))
            coop = draw(st.lists(st.sampled_from(UNITS[:3]), max_size=2, unique=True)) if leads else []
            coop = [unit for unit in coop if unit not in leads]  # a unit that leads does not also cooperate
            note = ""
            if leads:
                label = draw(st.sampled_from(["牵头单位", "责任单位", "牵头部门"]))
                note = f"{o}{label}{colon}{'、'.join(leads)}"
                note += f"{semi}配合单位{colon}{'、'.join(coop)}" if coop else ""
                note += c
            paragraphs = draw(st.lists(phrase, min_size=1, max_size=3))
            body = "。\n".join(paragraphs) if draw(st.booleans()) else "。".join(paragraphs)
            lines.append(f"{indent}{o}{_cn(printed)}{c}{draw(phrase)}。{body}。{note}")
            expected.append((s, number, leads, coop))
    return {
        "text": blank.join(lines),
        "expected": expected,
        "encoding": draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])),
        "newline": draw(st.sampled_from(["\n", "\r\n", "\r"])),
    }


def _cn(n: int) -> str:
    if n < 100:
        return to_chinese(n)
    hundreds, rest = divmod(n, 100)
    tail = "" if rest == 0 else ("零" + to_chinese(rest) if rest < 10 else "一" * (rest < 20) + to_chinese(rest))
    return to_chinese(hundreds) + "百" + tail


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_generated_plans_parse_completely(generated: dict[str, Any]) -> None:
    raw = generated["text"].replace("\n", generated["newline"]).encode(generated["encoding"])
    text, encoding = decode(RawSource("generated", raw, ""))
    assert encoding == generated["encoding"]
    plan = parse_text(text)
    items = [i for s in plan["sections"] for i in s["items"]]
    got = [(i["section"], i["number"], i["lead_units"], i["cooperating_units"]) for i in items]
    assert got == generated["expected"]
    # nothing lost: every non-space character after the first heading is in a heading or an item
    owners = [0] * len(text)
    for start, end in [s["span"] for s in plan["sections"]] + [i["span"] for i in items]:
        for pos in range(start, end):
            owners[pos] += 1
    first = plan["sections"][0]["span"][0]
    assert all(owners[p] == 1 for p in range(first, len(text)) if not text[p].isspace())


def test_hundreds_numerals() -> None:
    assert [_cn(n) for n in (100, 103, 110, 115, 172)] == ["一百", "一百零三", "一百一十", "一百一十五", "一百七十二"]


TARGET_PIECES = ["10", "1.5", "50万", "一到两", "3-5", "百分之三", "个", "家", "项", "批次", "%", "亿元", "名"]
target_chars = st.sampled_from(
    [*"新增培育建设达到以上以下左右超过不少于力争，。、“”《》（）第年月强级", *TARGET_PIECES]
)


@SETTINGS
@given(st.lists(target_chars, max_size=60).map("".join))
def test_every_target_is_consistent(sentence: str) -> None:
    from zhiliang_cli.parse.lines import LineIndex
    from zhiliang_cli.parse.targets import Region, extract_targets

    for t in extract_targets(sentence, Region(0, len(sentence), 1, 1), LineIndex(sentence)):
        assert sentence[t["span"][0] : t["span"][1]] == t["text"]
        assert sentence[t["number_span"][0] : t["number_span"][1]] == t["number_text"]
        assert t["span"][0] <= t["number_span"][0] < t["number_span"][1] <= t["span"][1]
        if t["comparator"] == "range":
            assert t["value"] is None and t["low"] is not None and t["high"] is not None
        else:
            assert t["value"] is not None and t["low"] is None and t["high"] is None
        assert t["comparator"] in {">=", ">", "<=", "<", "=", "~", "range"}
