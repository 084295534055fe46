"""The bundled 2023 plan: sections, items, spans, line numbers, and nothing lost."""

from __future__ import annotations

from pathlib import Path

from zhiliang_cli.records import ItemRecord, PlanRecord

ITEMS = Path(__file__).parent / "annotations" / "plan_2023_items.tsv"

SECTION_TITLES = [
    "实施重点产品质量提升工程",
    "实施重点领域质量提升工程",
    "实施区域质量发展工程",
    "实施福建建造质量提升工程",
    "实施服务业质量提升工程",
    "实施品牌强省战略工程",
    "实施质量基础设施建设支撑工程",
    "实施质量治理现代化工程",
]


def _annotated() -> list[tuple[int, int, list[str], str]]:
    rows = []
    for line in ITEMS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            number, section, leads, title = line.split("\t")
            rows.append((int(number), int(section), leads.split("、"), title))
    return rows


def test_sections(plan: PlanRecord, plan_text: str) -> None:
    assert [s["title"] for s in plan["sections"]] == SECTION_TITLES
    assert [s["number"] for s in plan["sections"]] == list(range(1, 9))
    assert [s["numeral"] for s in plan["sections"]] == list("一二三四五六七八")
    for section in plan["sections"]:
        start, end = section["span"]
        assert plan_text[start:end] == f"{section['numeral']}、{section['title']}"
        assert plan_text.splitlines()[section["line"] - 1].strip() == plan_text[start:end]
        assert section["text"] is None


def test_items_match_the_hand_annotation(all_items: list[ItemRecord]) -> None:
    got = [(i["number"], i["section"], i["lead_units"], i["title"]) for i in all_items]
    assert got == _annotated()
    assert [i["number"] for i in all_items] == list(range(1, 73))


def test_item_spans_and_lines(plan_text: str, all_items: list[ItemRecord]) -> None:
    lines = plan_text.splitlines()
    for item in all_items:
        start, end = item["span"]
        assert plan_text[start:end] == item["text"]
        assert item["text"].startswith(f"({item['numeral']}){item['title']}")
        assert item["text"].endswith(f"(牵头单位:{'、'.join(item['lead_units'])})")
        assert lines[item["line"] - 1].strip() == item["text"]
        note_start, note_end = item["lead_span"] or (0, 0)
        assert plan_text[note_start:note_end].startswith("(牵头单位")
        assert item["cooperating_units"] == []
        assert item["group"] is None


def test_nothing_is_lost(plan: PlanRecord, plan_text: str) -> None:
    """Every non-space character from the first heading to the end of the last item
    belongs to exactly one section heading or item."""
    owners = [0] * len(plan_text)
    spans = [s["span"] for s in plan["sections"]] + [i["span"] for s in plan["sections"] for i in s["items"]]
    for start, end in spans:
        for pos in range(start, end):
            owners[pos] += 1
    first, last = plan["sections"][0]["span"][0], plan["sections"][-1]["items"][-1]["span"][1]
    for pos in range(first, last):
        if not plan_text[pos].isspace():
            assert owners[pos] == 1, f"character {pos} ({plan_text[pos]!r}) has {owners[pos]} owners"


def test_lead_counts(all_items: list[ItemRecord]) -> None:
    led_by_market = [i["number"] for i in all_items if "省市场监管局" in i["lead_units"]]
    assert len(led_by_market) == 30


def test_header(plan: PlanRecord) -> None:
    assert plan["title"] == "福建省质量强省工作领导小组办公室关于印发《2023年福建省质量强省工作要点》的通知"
    assert plan["doc_number"] == "闽质强省办〔2023〕2号"
    assert plan["recipients"] == ["省质量强省工作领导小组各成员单位", "各设区市质量强市工作领导小组办公室"]
    assert plan["issuers"] == ["福建省质量强省工作领导小组办公室", "福建省市场监督管理局(代章)"]
    assert plan["date"] == "2023-03-14"
    assert plan["note"] == "此件主动公开"
    assert plan["contact"] == {
        "name": "林忠辉",
        "office": "省市场监管局质量发展处",
        "phone": "0591-87580701",
        "email": "7263441@qq.com",
    }
    assert plan["published"] == "2023-07-17"
    assert plan["plan_title"] == "2023年福建省质量强省工作要点"
    assert plan["problems"] == []


def test_bundled_copy_is_the_seed(plan_text: str) -> None:
    root = Path(__file__).resolve().parent.parent
    assert (root / "data" / "plan_2023.txt").read_text(encoding="utf-8") == plan_text
    seed = root.parent / "shared" / "seeds" / "plan_2023.txt"
    if seed.exists():
        assert seed.read_bytes() == (root / "data" / "plan_2023.txt").read_bytes()
