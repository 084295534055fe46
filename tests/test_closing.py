"""The plan's closing text: what follows its last task (附则, when it takes effect, the charge
to carry it out) is the plan's `closing`, not the last task's text, units or targets."""

from __future__ import annotations

import pytest

from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.records import ItemRecord, PlanRecord

from .invariants import lost_characters, span_errors

HEAD = "某市人工智能发展若干措施\n一、培育主体\n"
TASKS = (
    "1. 支持企业发展。培育企业100家。（责任单位：市科技局）\n"
    "2. 建设社区。建成社区10个。（责任单位：市经信局、市财政局）\n"
)
SIGNED = "某市人民政府办公室\n2026年3月1日\n"

CASES = [
    (
        "a charge after the last note",
        HEAD + TASKS + "各地各部门要加强组织领导，确保各项措施落地见效。到2028年全市企业营收超100亿元。\n",
        "各地各部门要加强组织领导，确保各项措施落地见效。到2028年全市企业营收超100亿元。",
    ),
    (
        "when it takes effect, in a plan without notes",
        HEAD + "1. 支持企业发展。培育企业100家。\n2. 建设社区。建成社区10个。\n"
        "本措施自2026年3月18日起施行，有效期至2028年12月31日。\n",
        "本措施自2026年3月18日起施行，有效期至2028年12月31日。",
    ),
    (
        "附则 on a line of its own, spaced as when centred, with its clauses",
        HEAD + TASKS + "附    则\n（一）适用范围。本措施适用于全市。\n（二）本措施由市科技局负责解释。\n",
        "附    则\n（一）适用范围。本措施适用于全市。\n（二）本措施由市科技局负责解释。",
    ),
    (
        "a section titled 附则",
        HEAD + TASKS + "二、附则\n1. 扶持资金由市财政局统筹。\n2. 本措施由市科技局负责解释。\n",
        "二、附则\n1. 扶持资金由市财政局统筹。\n2. 本措施由市科技局负责解释。",
    ),
    (
        "a charge to every region and department, in a plan without notes",
        HEAD + "1. 支持企业发展。培育企业100家。\n2. 建设社区。建成社区10个。\n"
        "各地区、各有关部门要充分认识其重要意义，加强组织领导，确保落到实处。\n",
        "各地区、各有关部门要充分认识其重要意义，加强组织领导，确保落到实处。",
    ),
    (
        "who may follow the plan",
        HEAD + "1. 支持企业发展。培育企业100家。\n2. 建设社区。建成社区10个。\n"
        "未纳入试点范围的其他地区，可参照本方案推进相关工作。\n",
        "未纳入试点范围的其他地区，可参照本方案推进相关工作。",
    ),
    # --- seen in a plan (gov_052, gov_020): a forwarded report's request, and its charge beyond its tasks ---
    (
        "the request a forwarded report ends with, after a one-sentence task",
        HEAD + "1. 支持企业发展。培育企业100家。\n2. 各区要建成社区10个。\n"
        "以上意见如无不妥，请批转各区人民政府执行。\n",
        "以上意见如无不妥，请批转各区人民政府执行。",
    ),
    (
        "the spirit of the above for places beyond the tasks, then the request",
        HEAD + "1. 支持企业发展。培育企业100家。\n2. 建设社区。建成社区10个。\n"
        "鉴于预测水平有限，其他地区也不排除发生灾害的可能。因此，这些地区也应按照上述精神做好工作。\n"
        "以上意见如无不妥，请批转各地、各部门贯彻执行。\n",
        "鉴于预测水平有限，其他地区也不排除发生灾害的可能。因此，这些地区也应按照上述精神做好工作。\n"
        "以上意见如无不妥，请批转各地、各部门贯彻执行。",
    ),
    (
        "repealing an earlier notice",
        HEAD + TASKS + "自本通知印发之日起，《某市关于支持企业发展的通知》停止执行。\n",
        "自本通知印发之日起，《某市关于支持企业发展的通知》停止执行。",
    ),
]


def _items(plan: PlanRecord) -> list[ItemRecord]:
    return [item for section in plan["sections"] for item in section["items"]]


@pytest.mark.parametrize(("text", "closing"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_closing_text_is_the_plans_not_the_last_tasks(text: str, closing: str) -> None:
    plan = parse_text(text + SIGNED)
    assert plan["closing"] == closing
    assert plan["closing_span"] is not None and (text + SIGNED)[slice(*plan["closing_span"])] == closing
    items = _items(plan)
    assert [i["number"] for i in items] == [1, 2]
    assert items[-1]["text"].endswith(("（责任单位：市经信局、市财政局）", "建成社区10个。"))
    assert [t["value"] for t in items[-1]["targets"]] == [10]  # none from the closing text
    assert plan["issuers"] == ["某市人民政府办公室"] and plan["date"] == "2026-03-01"
    assert not lost_characters(text + SIGNED, plan) and not span_errors(text + SIGNED, plan)
    assert not [p for p in plan["problems"] if p["kind"] == "unassigned_text"]


NOT_CLOSING = [
    (
        "a last task of two paragraphs, each with its note",
        HEAD
        + TASKS.replace(
            "（责任单位：市经信局、市财政局）\n", "（责任单位：市经信局）\n完善配套设施。（责任单位：市财政局）\n"
        ),
    ),
    (
        "a second paragraph in a plan whose tasks seldom carry notes",
        HEAD
        + "1. 支持企业发展。\n2. 建设社区。\n3. 优化服务。（责任单位：市经信局）\n加强社区运营管理，建成社区10个。\n",
    ),
    (
        "the words of a last task whose line holds its title alone",
        HEAD + "1. 支持企业发展。\n2. 加强组织领导。\n各地区、各部门要建立工作机制，建成社区10个。\n",
    ),
    (
        "附则 that goes on a sentence left open",
        HEAD + "1. 支持企业发展，具体按照\n附则\n执行。（责任单位：市科技局）\n",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_CLOSING], ids=[c[0] for c in NOT_CLOSING])
def test_a_tasks_own_paragraphs_stay_in_it(text: str) -> None:
    plan = parse_text(text + SIGNED)
    last = _items(plan)[-1]
    assert plan["closing"] is None
    assert text.rstrip("\n").endswith(last["text"])


def test_the_bundled_plan_has_no_closing_text(plan: PlanRecord) -> None:
    assert plan["closing"] is None and plan["closing_span"] is None


def test_articles_then_a_numbered_closing_section() -> None:
    text = (
        "某区若干措施\n第一条 办公空间支持\n提供空间。（责任单位：区科技局）\n"
        "第二条 出海支持\n提供服务。（责任单位：区企业服务中心）\n"
        "三、附则\n（一）适用范围\n本措施适用于全区。\n"
    )
    plan = parse_text(text)
    assert [(i["title"], i["lead_units"]) for i in _items(plan)] == [
        ("办公空间支持", ["区科技局"]),
        ("出海支持", ["区企业服务中心"]),
    ]
    assert plan["closing"] == "三、附则\n（一）适用范围\n本措施适用于全区。"
    assert not plan["problems"]


def test_an_opinion_is_its_own_plan_and_its_annex_is_not() -> None:
    text = (
        "某省人民政府办公厅关于加强绩效考核工作的意见\n某政办发〔2026〕4号\n各市人民政府：\n"
        "一、总体要求\n（一）指导思想。做好工作。\n二、重点任务\n（二）建立指标体系。制定指标（见附件）。\n"
        "附件：绩效考核指标\n某省人民政府办公厅\n2026年1月16日\n"
        "附件\n绩效考核指标\n一、医疗质量\n（一）功能定位\n1.门诊人次数与出院人次数比\n计算方法：门诊人次数/出院人次数×100%。\n"
    )
    plan = parse_text(text)
    assert [s["title"] for s in plan["sections"]] == ["总体要求", "重点任务"]
    assert plan["date"] == "2026-01-16" and plan["issuers"] == ["某省人民政府办公厅"]
    assert not [p for p in plan["problems"] if p["kind"] == "unassigned_text"]
    assert not lost_characters(text, plan)


@pytest.mark.parametrize("label", ["附件：", "附："])
def test_a_table_attached_after_the_signature_is_no_tasks_text(label: str) -> None:
    # 附： labels an attachment as 附件： does (gov_052's 附：…计划表 and its table after the signature)
    text = (
        "某省教育厅关于扩大招生规模的意见\n各市人民政府：\n一、逐年扩招\n（一）扩大招生规模（见附表）。\n"
        f"（二）保证办学条件。\n{label}招生计划表\n某省教育厅\n2026年1月16日\n"
        "附：\n招生计划表\n单位：人\n省（市）\n1995年招生人数\n1445\n江苏\n100\n"
    )
    plan = parse_text(text)
    items = [i for s in plan["sections"] for i in s["items"]]
    assert [i["text"] for i in items][-1] == "（二）保证办学条件。"
    assert not [p for p in plan["problems"] if p["kind"] in ("unassigned_text", "truncated")]
    assert not lost_characters(text, plan)


#: A 附件说明 whose first name is set off from the label's number by a full stop or 、 in place of the
#: colon (gov_044: 附件1.某某坐标 / 2.某某坐标 above the signature): the list ends the body.
ATTACHMENT_LISTS = [
    ("ascii full stop", "附件1.界址点坐标\n2.桥面界址点坐标\n"),
    ("full-width full stop", "附件1．界址点坐标\n　　　2．桥面界址点坐标\n"),
    ("enumeration comma", "附件1、界址点坐标\n2、桥面界址点坐标\n"),
    ("one name alone", "附件1.界址点坐标\n"),
]


@pytest.mark.parametrize("listed", [c[1] for c in ATTACHMENT_LISTS], ids=[c[0] for c in ATTACHMENT_LISTS])
def test_an_attachment_list_numbered_without_a_colon_ends_the_body(listed: str) -> None:
    body = (
        "某市人民政府关于某某工作的批复\n某区人民政府：\n"
        "一、建设口岸\n（一）建设查验区。用地面积41公顷。（责任单位：市规划局）\n"
        "（二）建设桥面。（责任单位：市交通局）\n"
    )
    text = body + listed + "某市人民政府\n2026年12月30日\n附件1.\n界址点坐标\n1\n15172.500\n"
    plan = parse_text(text)
    assert [i["text"] for i in _items(plan)] == [
        "（一）建设查验区。用地面积41公顷。（责任单位：市规划局）",
        "（二）建设桥面。（责任单位：市交通局）",
    ]
    assert plan["issuers"] == ["某市人民政府"] and plan["date"] == "2026-12-30"
    assert not [p for p in plan["problems"] if p["kind"] == "numbering"]


def test_a_sentence_that_opens_with_attachment_numbers_stays_in_its_task() -> None:
    text = (
        "某市工作方案\n一、建设口岸\n（一）建设查验区。用地面积41公顷。\n"
        "附件1、2所列项目由市规划局负责。\n（二）建设桥面。（责任单位：市交通局）\n"
    )
    plan = parse_text(text)
    assert _items(plan)[0]["text"] == "（一）建设查验区。用地面积41公顷。\n附件1、2所列项目由市规划局负责。"


def test_a_notice_that_sends_a_plan_is_read_from_the_attached_plan() -> None:
    text = (
        "某省人民政府办公厅关于印发某省质量工作方案的通知\n各市人民政府：\n"
        "一、提高认识。请认真贯彻执行。\n二、抓好落实。\n附件：某省质量工作方案\n某省人民政府办公厅\n2026年1月16日\n"
        "附件\n某省质量工作方案\n一、主要任务\n（一）建设平台。（责任单位：省市场监管局）\n"
    )
    plan = parse_text(text)
    assert [s["title"] for s in plan["sections"]] == ["主要任务"]
    assert [i["lead_units"] for s in plan["sections"] for i in s["items"]] == [["省市场监管局"]]


SIGNED_HERE = "某市人民政府办公室\n2026年3月1日\n"
#: What a review found cut from tasks wrongly (each a last task that keeps all its words).
TASK_WORDS = [
    (
        "notes after the title, words below",
        "一、重点任务\n（一）培育企业（牵头单位：市科技局）\n到2026年培育企业100家。\n"
        "（二）建设社区（牵头单位：市经信局）\n到2026年建成社区10个。\n",
        "到2026年建成社区10个。",
    ),
    (
        "own-line notes left open, then the signature",
        "一、重点任务\n（一）培育企业。培育企业100家。\n责任单位：市科技局\n完成时限：2026年12月底\n"
        "（二）引进人才。引进人才500名。\n牵头单位：市人社局\n配合单位：市教育局\n完成时限：2026年12月底\n",
        "完成时限：2026年12月底",
    ),
    (
        "a list whose parts carry notes, the last without",
        "一、重点任务\n（一）培育企业。培育企业300家。（责任单位：市科技局）\n（二）加强人才保障。实施三项计划：\n"
        "一是实施引才计划，引进人才100名（市人社局负责）；\n二是实施留才计划，人才公寓供给不少于2000套。\n",
        "二是实施留才计划，人才公寓供给不少于2000套。",
    ),
    (
        "a paragraph on the plan that carries its own note",
        "一、重点任务\n（一）培育企业。培育企业100家。（责任单位：市科技局）\n（二）加强督导评估\n建立工作台账。\n"
        "市政府督查室要对本方案实施情况开展年度评估。（责任单位：市政府督查室）\n",
        "（责任单位：市政府督查室）",
    ),
    (
        "a measure that starts with 自本方案印发之日起",
        "一、重点任务\n（一）培育企业。培育企业100家。\n（二）清理政策文件。全面梳理涉企政策。\n"
        "自本方案印发之日起，各区要在3个月内完成存量政策清理，清理率达到100%。\n",
        "清理率达到100%。",
    ),
]


@pytest.mark.parametrize(("text", "ending"), [c[1:] for c in TASK_WORDS], ids=[c[0] for c in TASK_WORDS])
def test_a_last_tasks_words_are_never_closing(text: str, ending: str) -> None:
    plan = parse_text(text + SIGNED_HERE)
    assert plan["closing"] is None
    assert _items(plan)[-1]["text"].endswith(ending)
    assert (plan["issuers"], plan["date"]) == (["某市人民政府办公室"], "2026-03-01")
    assert not lost_characters(text + SIGNED_HERE, plan)


def test_prose_of_a_last_section_is_its_text() -> None:
    text = (
        "一、强化创新能力\n（一）加强基础研究。建设重点实验室20个。\n（二）推动成果转化。转化成果1000项以上。\n"
        "二、加强组织实施\n各地区、各部门要充分认识其重要意义。\n国家发展改革委要对本意见落实情况开展督促检查。\n"
    )
    plan = parse_text(text + SIGNED_HERE)
    assert plan["closing"] is None
    assert (
        plan["sections"][1]["text"]
        == "各地区、各部门要充分认识其重要意义。\n国家发展改革委要对本意见落实情况开展督促检查。"
    )


MEASURES = "某市若干措施\n一、支持企业做大做强。给予最高100万元奖励。\n二、支持算力建设。最高不超过500万元。\n"
PROVISIONS = [
    (
        "what the measures mean and who interprets them",
        MEASURES
        + "本措施所称企业是指年营收500万元以上的企业。\n本措施由市科技局负责解释。\n本措施自2026年3月1日起施行。\n",
        "本措施所称企业是指年营收500万元以上的企业。",
    ),
    (
        "provisions as articles",
        "某区若干措施\n第一条 支持企业落户。对新落户企业给予支持。\n第二条 支持场景开放。每年发布场景不少于20个。\n"
        "第三条 本措施由区科技局负责解释。\n第四条 本措施自2026年3月1日起施行，有效期2年。\n",
        "第三条 本措施由区科技局负责解释。",
    ),
    (
        "a section of other matters",
        MEASURES + "三、其他事项\n本措施与其他政策有重复的，按照就高不重复原则执行。\n本措施自2026年3月1日起施行。\n",
        "三、其他事项",
    ),
    ("附则 on the line of the provision", MEASURES + "附则：本措施自2026年3月1日起施行。\n", "附则：本措施自"),
]


@pytest.mark.parametrize(("text", "start"), [c[1:] for c in PROVISIONS], ids=[c[0] for c in PROVISIONS])
def test_provisions_on_the_plan_are_closing(text: str, start: str) -> None:
    plan = parse_text(text + SIGNED_HERE)
    assert plan["closing"] is not None and plan["closing"].startswith(start)
    assert len(plan["sections"]) == 2
    assert [p["kind"] for p in plan["problems"]] == ["no_leads"]  # the measures, the items, name no unit
    assert not [t for s in plan["sections"] for t in s["targets"] if "500万元以上" in t["text"]]


def test_a_sent_regulation_after_the_notices_own_paragraphs() -> None:
    text = (
        "某市人民政府关于印发《某市若干规定》的通知\n各区人民政府：\n现将规定印发给你们，并通知如下：\n"
        "一、加强组织领导。各区要建立专班。\n二、抓好政策落实。\n某市人民政府\n2026年3月1日\n某市若干规定\n"
        "第一章　总则\n第一条　为加快发展，制定本规定。\n第二章　支持措施\n"
        "第二条　支持企业研发。培育企业500家。（牵头单位：市科技局）\n"
        "第三章　附则\n第三条　本规定自2026年4月1日起施行。\n"
    )
    plan = parse_text(text)
    assert [s["title"] for s in plan["sections"]] == ["总则", "支持措施"]
    assert [i["lead_units"] for i in _items(plan)] == [[], ["市科技局"]]
    assert plan["closing"] is not None and plan["closing"].startswith("第三章")


def test_a_sent_flat_plan_keeps_its_measures_before_its_own_annex() -> None:
    text = (
        "某市人民政府办公室关于印发某市若干措施的通知\n各区人民政府：\n现将《某市若干措施》印发给你们。\n"
        "某市人民政府办公室\n2026年3月1日\n某市若干措施\n"
        "一、支持企业研发。培育企业500家。（责任单位：市科技局）\n二、支持算力建设。建成算力5000P。（责任单位：市数据局）\n"
        "附件1\n重点指标\n一、产业规模\n核心产业规模达到1000亿元。\n"
    )
    plan = parse_text(text)
    assert [s["title"] for s in plan["sections"]] == ["支持企业研发", "支持算力建设"]
    assert not plan["problems"]


def test_an_annex_headed_with_its_title_after_articles_is_not_stray_text() -> None:
    text = (
        "某市数字经济促进办法\n第一条　支持企业。对企业给予支持。（责任单位：市科技局）\n"
        "第二条　培育企业。培育企业300家。（责任单位：市工信局）\n"
        "附件：重点任务分工表\n一、产业发展类\n培育数字经济核心企业300家，市工信局负责。\n"
    )
    plan = parse_text(text)
    assert [s["title"] for s in plan["sections"]] == ["支持企业", "培育企业"] and not plan["problems"]


@pytest.mark.parametrize(
    ("last", "cut"),
    [
        ("第四条 本办法自2024年1月1日起施行。", False),  # gov_033: the last article, a whole sentence run in
        ("第四条 监督检查", True),  # a heading and nothing under it: the copy stops there
        ("第四条 有下列情形之一的，依照本办法处理：", True),  # a sentence that announces what never comes
    ],
)
def test_a_last_heading_that_says_a_whole_sentence_is_no_cut(last: str, cut: bool) -> None:
    text = (
        "某市某某办法\n第一条 为了规范某某，制定本办法。\n第二条 本办法适用于本市。\n第三条 市某局负责实施。\n"
        + last
        + "\n"
    )
    plan = parse_text(text)
    assert any(p["kind"] == "truncated" for p in plan["problems"]) is cut
    assert not lost_characters(text, plan)
