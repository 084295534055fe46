"""What kind of document a text is (meta.kind), and what zl does with one that is not a plan."""

from __future__ import annotations

import pytest

from zhiliang_cli.parse.header import document_kind
from zhiliang_cli.parse.pipeline import parse_text

CASES = [
    # (title, plan_title, has items, items name their units, kind)
    # seen in ../shared/corpus
    ("国务院关于河北雄安新区总体规划（2018—2035年）的批复", None, False, False, "reply"),
    ("国务院办公厅关于科技节水建议的复函", None, False, False, "reply"),
    ("国务院办公厅对全国政协十届四次会议第4626号提案的答复", None, False, False, "reply"),
    ("国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报", None, False, False, "bulletin"),
    ("国务院关于印发个人所得税专项附加扣除暂行办法的通知", "个人所得税专项附加扣除暂行办法", True, False, "regulation"),
    ("国务院关于2018年度国家科学技术奖励的决定", None, False, False, "decision"),
    ("国务院办公厅关于调整国家教材委员会组成人员的通知", None, False, False, "other"),
    ("国务院办公厅关于湖北省在温家宝总理考察工作时所提问题和建议办理情况的函", None, True, False, "other"),
    ("国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知", None, True, False, "plan"),
    ("福建省质量强省工作领导小组办公室关于印发《2023年福建省质量强省工作要点》的通知", None, True, True, "plan"),
    ("关于印发《四川省支持人工智能OPC创新发展行动方案（2026—2027年）》的通知", None, True, False, "plan"),
    # made up to probe a rule
    ("某市人民政府关于印发某市停车场管理办法（试行）的通知", None, True, False, "regulation"),
    ("某市数字经济促进办法", None, True, True, "plan"),  # every article names who does it: tasks
    ("某县人民政府关于某事项的批复", None, True, False, "reply"),
    ("某市2024年重点工作任务分工方案（征求意见稿）", None, True, False, "plan"),
    (None, "某区关于加快发展的若干措施", True, False, "plan"),
    (None, None, True, False, "plan"),
    (None, None, False, False, "other"),
]


@pytest.mark.parametrize(
    ("title", "plan_title", "items", "assigns", "kind"), CASES, ids=[str(c[0] or c[1]) for c in CASES]
)
def test_kind_of_a_document(title: str | None, plan_title: str | None, items: bool, assigns: bool, kind: str) -> None:
    assert document_kind(title, plan_title, items, assigns) == kind


LETTER = "国务院办公厅关于某省所提问题和建议办理情况的函"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("现将有关情况函复如下：", "reply"),  # gov_021, gov_022, gov_048: a letter answering a province
        ("经研究，现答复如下。", "reply"),
        ("特此函复。", "reply"),
        ("现将有关事项函告如下：", "other"),  # a letter that informs: it answers nothing
        (None, "other"),
    ],
)
def test_a_letter_that_says_it_answers_is_a_reply(body: str | None, kind: str) -> None:
    assert document_kind(LETTER, None, True, body=body) == kind
    assert document_kind("某市人民政府关于印发某某方案的通知", None, True, body=body) == "plan"  # only a 函


REPLY = (
    "国务院办公厅关于同意某市举办某运动会的复函\n国办函〔2024〕9号\n某省人民政府：\n"
    "你省关于举办某运动会的请示收悉。经国务院同意，现函复如下：\n"
    "同意某市举办2027年某运动会，所需经费3亿元由地方自筹。\n国务院办公厅\n2024年3月1日\n"
)
BULLETIN_WITH_SECTIONS = (
    "某省人民政府办公厅关于2023年度某项工作督查情况的通报\n某政办〔2024〕3号\n各市人民政府：\n"
    "一、总体情况\n全省完成检查1200家，整改率达到95%。\n二、存在问题\n（一）部分地区进度滞后。\n"
    "某省人民政府办公厅\n2024年2月1日\n"
)


def test_a_reply_with_no_sections_is_read_as_a_reply() -> None:
    plan = parse_text(REPLY)
    assert plan["kind"] == "reply" and plan["sections"] == [] and plan["targets"] == []
    assert plan["doc_number"] == "国办函〔2024〕9号" and plan["date"] == "2024-03-01"
    assert [p["kind"] for p in plan["problems"]] == ["not_a_plan"]
    assert "3亿元" in (plan["preamble"] or "")  # its text is kept, as printed


def test_a_bulletin_with_sections_sets_no_targets() -> None:
    plan = parse_text(BULLETIN_WITH_SECTIONS)
    assert plan["kind"] == "bulletin" and plan["sections"]
    assert not plan["targets"] and not any(
        s["targets"] or any(i["targets"] for i in s["items"]) for s in plan["sections"]
    )
    assert "not a plan but a bulletin" in plan["problems"][-1]["message"]
    # its points give no task to a unit: that none names a lead is no problem of it
    assert [p["kind"] for p in plan["problems"]] == ["not_a_plan"]


def test_text_that_is_no_document_is_still_refused() -> None:
    from zhiliang_cli.errors import NotAPlanError

    with pytest.raises(NotAPlanError):
        parse_text("今天天气很好。\n我们去公园散步。\n")


def test_zl_check_says_a_reply_is_not_a_plan(zl, tmp_path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(REPLY, encoding="utf-8")
    items = zl("items", "--file", str(path), "--format", "json")
    assert items.code == 0 and items.out.strip() == "[]"
    check = zl("check", "--file", str(path), "--format", "json")
    assert check.code == 1 and "not_a_plan" in check.out
