"""Shapes of a plan's body, each a small text with what zl must read from it: which entries are
items, which frame the plan, where a copy from PDF ran a heading into a paragraph, and which
numbers are no goal for the shape of the text around them (issue 18)."""

from __future__ import annotations

import pytest

from zhiliang_cli import parse_plan
from zhiliang_cli.records import PlanRecord

from .invariants import lost_characters


def _plan(text: str) -> PlanRecord:
    return parse_plan(text).model_dump(mode="json")  # type: ignore[return-value]


def _titles(text: str) -> list[str]:
    return [i["title"] for s in _plan(text)["sections"] for i in s["items"]]


def _targets(text: str) -> list[str]:
    plan = _plan(text)
    found = [t for s in plan["sections"] for t in s["targets"] + [x for i in s["items"] for x in i["targets"]]]
    return [t["number_text"] + t["unit"] for t in plan["targets"] + found]


AIMS = (
    "一、总体要求\n（一）指导思想。坚持高质量发展。\n（二）基本原则。坚持问题导向。\n"
    "（三）工作目标。到2025年，建成10个示范区。\n"
)
TASKS = "二、重点任务\n（一）加强标准建设。完善标准体系。\n（二）提升检测能力。建设检测平台。\n"
SAFEGUARDS = "三、保障措施\n（一）加强组织领导。各地要落实责任。\n（二）加强宣传引导。营造良好氛围。\n"

SHAPES = [
    # a plan whose tasks carry no notes: the aims frame it, the safeguards are tasks (each sets work)
    (AIMS + TASKS + SAFEGUARDS, ["加强标准建设", "提升检测能力", "加强组织领导", "加强宣传引导"]),
    # a section of aims and tasks (目标任务) in a plan with no notes holds the tasks (probe)
    (
        "一、目标任务\n（一）完成人工造林1.5万亩。各乡镇落实地块。\n（二）完成森林抚育3万亩。加强管理。\n"
        "二、保障措施\n（一）加强组织领导。成立专班。\n",
        ["完成人工造林1.5万亩", "完成森林抚育3万亩", "加强组织领导"],
    ),
    # principles named by what they govern (…的原则) frame the plan as 基本原则 does (gov_050)
    (
        "一、工作目标\n全面清理。\n二、清理整顿的原则\n（一）“双重”负责的原则。主管部门负责。\n"
        "（二）从严的原则。从严把关。\n三、清理整顿的办法\n（一）合并重复的社会团体。\n"
        "（二）撤销违法的社会团体。\n",
        ["合并重复的社会团体", "撤销违法的社会团体"],
    ),
    # titled as aims under a section of another name
    ("一、工作安排\n（一）主要目标。建成5个。\n（二）推进试点。开展试点。\n", ["推进试点"]),
    # nothing but framing: then the entries are what the plan has, and stay items
    ("一、总体要求\n（一）指导思想。坚持高质量发展。\n（二）基本原则。坚持问题导向。\n", ["指导思想", "基本原则"]),
    # where the tasks carry notes, the safeguards and the layout that name no unit frame them too
    (
        "一、重点任务\n（一）加强标准建设。完善标准体系。（牵头单位：省市场监管局）\n"
        "（二）提升检测能力。建设检测平台。（牵头单位：省科技厅）\n"
        "（三）培育龙头企业。支持企业发展。（牵头单位：省工信厅）\n"
        "（四）推进应用示范。开展示范。（牵头单位：省发展改革委）\n"
        "二、产业布局\n（一）“一核”。省会城市集聚资源。\n（二）“多园”。各市建设园区。\n"
        "三、保障措施\n（一）加强组织领导。各地要落实责任。\n",
        ["加强标准建设", "提升检测能力", "培育龙头企业", "推进应用示范"],
    ),
    # titles alone over the tasks, however long, with a paragraph between: groups, the tasks items
    (
        "一、重点任务\n（一）提升设计、制造、封测能力，推进智能传感器向高端升级\n实施能力提升工程。\n"
        "1.推进芯片设计。加强研发。\n2.推进芯片制造。建设产线。\n（二）补齐短板\n3.强化材料支撑。发展材料。\n",
        ["推进芯片设计", "推进芯片制造", "强化材料支撑"],
    ),
    # a heading a PDF copy ran onto the end of the paragraph before it: split out where it continues
    # the sequence of its level and opens a title alone
    (
        "一、重点任务\n（一）基础创新工程\n1.建立创新体系。支持建设\n一批中心，形成新格局。（二）供给提升工程\n"
        "1.攻克前沿装备。加强攻关。\n2.发展通用装备。加快研制，推动融通。3.加强标准研制。研制标准。\n",
        ["建立创新体系", "攻克前沿装备", "发展通用装备", "加强标准研制"],
    ),
    # ...but a bracketed numeral in running text that breaks the sequence is text
    (
        "一、重点任务\n（一）基础创新工程\n1.建立创新体系。支持建设。（三）是重点。\n2.发展通用装备。加快研制。\n",
        ["建立创新体系", "发展通用装备"],
    ),
    # parts (第一部分) over sections, as chapters are: the tasks are the 一、 of the part that sets them;
    # the safeguards' part names no unit where the tasks do
    (
        "第一部分　总体要求\n一、指导思想\n坚持高质量发展。\n二、主要目标\n到2025年，建成5个。\n"
        "第二部分　重点任务\n一、实施绿色升级工程。推进改造。（牵头单位：市工信局）\n"
        "二、推进园区提升工程。建设园区。（牵头单位：市发展改革委）\n"
        "三、实施城镇节能工程。推进改造。（牵头单位：市住建局）\n"
        "第三部分　保障措施\n一、加强组织领导。落实责任。\n二、强化监督考核。纳入考核。\n",
        ["实施绿色升级工程", "推进园区提升工程", "实施城镇节能工程"],
    ),
    # ...and one that continues the sequence is text too where a heading on a line of its own bears its
    # number next: a list inside the paragraph (probes: 。（二）是…, 。2.… then 2. on the next line)
    (
        "一、重点任务\n（一）开展隐患排查。建立台账。整治分三个阶段进行。（二）是集中整治阶段，要逐一整改。\n"
        "（二）强化执法检查。全年检查企业不少于500家。\n",
        ["开展隐患排查", "强化执法检查"],
    ),
    (
        "一、重点任务\n1.拓宽销售渠道。重点做好以下工作。2.组织企业参加展销会。3.推动电商平台开设专区。\n"
        "2.强化宣传推广。开展系列宣传活动。\n",
        ["拓宽销售渠道", "强化宣传推广"],
    ),
    # ...and so is one whose predecessor stands in the same line as text: a list run on in the paragraph,
    # even where no heading of its number follows (probe: 。（一）是…。（二）是… in the last task of a group)
    (
        "一、重点任务\n（一）加强隐患排查\n1.开展排查。排查分两个阶段。（一）是企业自查阶段。（二）是部门抽查阶段。\n"
        "2.建立台账。实行闭环管理。\n二、保障措施\n加强组织领导。\n",
        ["开展排查", "建立台账"],
    ),
    # titles alone at 1. over noted (1) tasks, with no （一） level: the (1) are the items
    (
        "一、重点任务\n1.数字化改造提升行动\n(1)推进重点行业改造。实施改造。(牵头单位:省工信厅;配合单位:省科技厅)\n"
        "(2)建设智能工厂。建成100个。(牵头单位:省工信厅)\n2.服务支撑行动\n(1)培育服务商。培育50家。(牵头单位:省经信委)\n",
        ["推进重点行业改造", "建设智能工厂", "培育服务商"],
    ),
    # tasks whose notes speak for the tasks before them (以上三项由…牵头) carry notes: the safeguards
    # frame the plan, and a task the note speaks for is no framing entry (完善产业布局 is a task)
    (
        "一、重点任务\n（一）完善产业布局。推动集聚。\n（二）建设园区。建成2个。（以上两项由县发展改革局牵头）\n"
        "（三）加强用地保障。保障用地。\n（四）加强资金保障。统筹资金。\n（五）引进人才。引进100名。"
        "（以上三项由县自然资源局牵头，县财政局配合）\n二、强化保障措施\n（一）加强组织领导。成立专班。\n",
        ["完善产业布局", "建设园区", "加强用地保障", "加强资金保障", "引进人才"],
    ),
    # level-three markers with a small full stop (U+FE52), as a PDF copy prints them
    (
        "一、重点任务\n（一）强化基础\n1﹒推进芯片设计。加强研发。\n2﹒推进芯片制造。建设产线。\n",
        ["推进芯片设计", "推进芯片制造"],
    ),
    # an ASCII full stop between Chinese characters ends a title as 。 does, in a copy mixing ASCII
    # and full-width punctuation (genre 60); a decimal point (2.5万) and a 1. marker do not
    (
        "一、重点任务\n(一)加强数字经济人才支撑.引进人才100名以上.(区人社局)\n"
        "(二)新增高标准农田2.5万亩.(区农业农村局)\n（三）推进“数字乡村”.建成示范村5个。(区农业农村局)\n"
        "二、保障措施\n1.加强组织领导.成立工作专班.\n2.强化督查考核。\n",
        ["加强数字经济人才支撑", "新增高标准农田2.5万亩", "推进“数字乡村”"],
    ),
    # a flat list of measures that names no unit (若干措施, pages_021): each opens with its title run in
    # before its text, and no section holds items or groups: the measures are the items, notes or not
    (
        "一、打造专业化智创空间。建设标杆社区。\n二、完善一站式创业服务。整合全要素服务。\n"
        "三、加强金融支持。设立专项信贷产品。\n",
        ["打造专业化智创空间", "完善一站式创业服务", "加强金融支持"],
    ),
    # ...but paragraphs numbered in a notice, with no title of their own, and headings over prose
    # set no measures (probe: gov_019, gov_036)
    ("一、日军遗弃化学武器是历史遗留问题，敏感性强。\n二、要加强调查取证工作，摸清底数。\n", []),
    ("一、基本情况\n今年以来发生险情两起。\n二、处理情况\n已组织群众转移。\n", []),
    # ...nor the points of a document that says it is a reply or a bulletin, titled as they may be
    # (gov_014, a 批复; genre 31's convention: a reply's points are sections, not tasks)
    (
        "国务院关于某某新区总体规划的批复\n某某省人民政府：\n你省关于报请审批的请示收悉。现批复如下：\n"
        "一、原则同意《总体规划》。规划实施要坚持高起点。\n二、紧扣战略定位。建设绿色智慧新城。\n"
        "三、有序承接功能疏解。积极稳妥推进。\n",
        [],
    ),
]


@pytest.mark.parametrize(("text", "titles"), SHAPES)
def test_which_entries_are_items(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


LOST_MARKERS = (
    "某某若干举措\n为激发活力，提出如下举措。\n优化注册登记，推行极简审批\n（一）打造快速通道。持续提升效能。\n"
    "（二）降低制度成本。支持作价出资。\n优化行政指导，上好入市第一课\n（三）构建成长服务。建立服务机制。\n"
    "三、优化信用赋能，助力无忧成长\n（四）实施信用融资行动。建立信用账户。\n"
)


def test_sections_that_lost_their_markers_are_read_from_the_items_that_number_on_into_the_first() -> None:
    """A copy that printed the first groups' headings bare (pages_020): the first section is numbered
    三 and the （一） entries before it number on into it; the bare lines right above those runs are
    sections 1 and 2, their numerals empty (none is printed), and `zl check` names the lost markers."""
    plan = _plan(LOST_MARKERS)
    assert [(s["number"], s["numeral"], s["title"]) for s in plan["sections"]] == [
        (1, "", "优化注册登记，推行极简审批"),
        (2, "", "优化行政指导，上好入市第一课"),
        (3, "三", "优化信用赋能，助力无忧成长"),
    ]
    assert _titles(LOST_MARKERS) == ["打造快速通道", "降低制度成本", "构建成长服务", "实施信用融资行动"]
    numbering = [(p["line"], p["message"]) for p in plan["problems"] if p["kind"] == "numbering"]
    assert [line for line, _ in numbering] == [3, 6]
    assert all("without its marker" in message for _, message in numbering)


LOST_MARKERS_UNMATCHED = [
    # one bare line where two sections are missing: the numbers cannot be told; the plan starts at 三、
    LOST_MARKERS.replace("优化注册登记，推行极简审批\n", ""),
    # the entries before the first section do not number on into it
    LOST_MARKERS.replace("（四）实施", "（一）实施"),
]


@pytest.mark.parametrize("text", LOST_MARKERS_UNMATCHED)
def test_bare_lines_are_no_sections_where_the_numbering_does_not_say_so(text: str) -> None:
    assert [s["numeral"] for s in _plan(text)["sections"]] == ["三"]


NO_GOALS = [
    # a section that reports where things stand: its figures are past, never goals
    ("一、发展现状\n全省拥有企业70余家，2020年实现收入109.1亿元，市场占有率超过40%。\n" + TASKS, []),
    # ...but one whose title names its aims too states its goals (probe: 发展现状与目标; number_text holds the %)
    ("一、发展现状与目标\n到2025年，全市城镇调查失业率控制在5.5%以内。\n" + TASKS, ["5.5%%"]),
    # a time limit counted from each case is a rule of procedure
    ("一、重点任务\n（一）加强公开。执法决定信息要在执法决定作出之日起7个工作日内公开。\n", []),
    ("一、重点任务\n（一）提升效率。企业开办时间压缩至1个工作日以内。\n", ["1工作日"]),
]


@pytest.mark.parametrize(("text", "targets"), NO_GOALS)
def test_which_numbers_are_goals(text: str, targets: list[str]) -> None:
    assert _targets(text) == targets


def test_a_part_of_the_year_that_qualifies_what_a_verb_takes_in_is_no_deadline() -> None:
    plan = _plan("一、重点任务\n（一）加强督促检查。纳入年底效能目标考核体系。\n（二）推进试点。年底前完成。\n")
    deadlines = [i["deadline"] and i["deadline"]["text"] for s in plan["sections"] for i in s["items"]]
    assert deadlines == [None, "年底前"]


def test_fields_in_lenticular_brackets_give_the_deadline_and_end_the_task() -> None:
    """【责任部门】A【完成时间】X after the task or on lines of their own: the units, the item's
    deadline, and a task that is whole without a full stop (so 附件2 after it heads a document)."""
    text = (
        "关于印发《甲方案》和《乙方案》的通知\n某部门：\n现将《甲方案》和《乙方案》印发给你们。\n"
        "附件：1．甲方案\n2．乙方案\n某某部办公厅\n2024年4月8日\n附件1\n甲方案\n"
        "一、重点任务\n1.建设平台。新增数据1000万条以上。【责任部门】信息司、财务司【完成时间】2024年9月底前\n"
        "2.推广服务。网上可办率达到90%。\n【责任部门】市场司\n【完成时间】持续推进\n"
        "附件2\n乙方案\n一、重点任务\n（一）培育主体。（牵头单位：市场司）\n"
    )
    plan = _plan(text)
    items = [i for s in plan["sections"] for i in s["items"]]
    assert [(i["lead_units"], i["deadline"] and i["deadline"]["text"]) for i in items] == [
        (["信息司", "财务司"], "2024年9月底前"),
        (["市场司"], "持续推进"),
        (["市场司"], None),
    ]
    assert [p["title"] for p in plan["parts"]] == ["乙方案"]
    assert [t["by"] and t["by"]["date"] for t in items[0]["targets"]] == ["2024-09-30"]
    assert plan["problems"] == []  # each document numbers from 一


@pytest.mark.parametrize(
    ("note", "deadline"),
    [
        ("（财政部牵头，各有关部门按职责分工负责；2025年底前完成）", "2025年底前"),
        ("（财政部牵头；2024年9月底前出台相关政策）", "2024年9月底前"),
        ("（财政部牵头；持续推进）", "持续推进"),
    ],
)
def test_a_time_in_a_note_is_the_items_deadline_without_what_is_due(note: str, deadline: str) -> None:
    plan = _plan(f"一、重点任务\n（一）加大支持。给予贴息支持。{note}\n")
    (item,) = plan["sections"][0]["items"]
    assert item["lead_units"] == ["财政部"] and item["deadline"]["text"] == deadline


def test_safeguards_named_with_a_verb_frame_a_noted_plan_as_their_bare_title_does() -> None:
    text = (
        "一、重点任务\n（一）培育工匠。开展培训。（市人社局负责）\n（二）建设基地。建成5个。（市教育局负责）\n"
        "（三）完善评价。推行评价。（市人社局负责）\n二、加强组织实施\n（四）加强组织领导。落实责任。\n"
    )
    assert _titles(text) == ["培育工匠", "建设基地", "完善评价"]


_GROUPED = "（以上三项由区政务服务中心牵头，区市场监管局、区税务局配合）"
_BY_THE_GROUP = (["区政务服务中心"], ["区市场监管局", "区税务局"])
_OWN_THEN_THE_GROUP = (["区数据局"], ["区政务服务中心", "区市场监管局", "区税务局"])
# (id, the three tasks and the grouped note, each task's lead and cooperating units)
NOTES_FOR_THE_TASKS_ABOVE = [
    (
        "no-own-notes",
        f"（一）深化改革。推进改革。\n（二）推进标准化。梳理事项。\n（三）优化服务。提升服务。\n{_GROUPED}\n",
        [_BY_THE_GROUP, _BY_THE_GROUP, _BY_THE_GROUP],
    ),
    (
        "an-own-note-on-a-task-above",
        f"（一）深化改革。推进改革。\n（二）推进标准化。梳理事项。（区数据局负责）\n（三）优化服务。提升服务。\n{_GROUPED}\n",
        [_BY_THE_GROUP, _OWN_THEN_THE_GROUP, _BY_THE_GROUP],
    ),
    (
        "an-own-note-beside-the-grouped-note",
        f"（一）深化改革。推进改革。\n（二）推进标准化。梳理事项。\n（三）优化服务。提升服务。（区数据局负责）{_GROUPED}\n",
        [_BY_THE_GROUP, _BY_THE_GROUP, _OWN_THEN_THE_GROUP],
    ),
    (
        "an-own-note-above-the-grouped-note-line",
        f"（一）深化改革。推进改革。\n（二）推进标准化。梳理事项。\n（三）优化服务。提升服务。（区数据局负责）\n{_GROUPED}\n",
        [_BY_THE_GROUP, _BY_THE_GROUP, _OWN_THEN_THE_GROUP],
    ),
]


@pytest.mark.parametrize(
    ("tasks", "units"), [c[1:] for c in NOTES_FOR_THE_TASKS_ABOVE], ids=[c[0] for c in NOTES_FOR_THE_TASKS_ABOVE]
)
def test_a_note_for_the_tasks_above_gives_its_units_to_each_of_them(
    tasks: str, units: list[tuple[list[str], list[str]]]
) -> None:
    """（以上三项由A牵头，B配合） after the third task: the three tasks are A's, B cooperating.  A task
    with a note of its own keeps that note's lead, and A and B cooperate there: the plan names both,
    and neither is lost (the third task's own note beside the grouped one made both lead, and left
    the tasks above with none)."""
    text = f"一、重点任务\n{tasks}（四）加强监管。开展检查。（区市场监管局负责）\n"
    items = [i for s in _plan(text)["sections"] for i in s["items"]]
    assert [(i["lead_units"], i["cooperating_units"]) for i in items] == [*units, (["区市场监管局"], [])]


NOTES_FOR_ALL_ABOVE = [
    ("（以上各项由区委办牵头）", ["区委办"], []),
    ("（上述任务由区委办牵头，区财政局配合）", ["区委办"], ["区财政局"]),
    ("（以上工作由区委办负责）", ["区委办"], []),
    ("（以上任务均由区委办负责）", ["区委办"], []),
]


@pytest.mark.parametrize(("note", "lead", "cooperating"), NOTES_FOR_ALL_ABOVE)
def test_a_note_for_the_tasks_above_with_no_count_speaks_for_those_that_name_no_unit(
    note: str, lead: list[str], cooperating: list[str]
) -> None:
    """以上各项, 上述任务, 以上任务均由A负责 (genre 63): no count says how many tasks before it are its,
    so it speaks for the tasks above it that name no unit, back to the last that does (a task with
    a note of its own keeps it) or to the start of the section (the tasks of the section before are
    not its)."""
    text = (
        "一、重点任务\n（一）加强统筹。统筹推进。\n二、深化改革\n（二）推进立法。（区司法局负责）\n"
        f"（三）深化改革。推进改革。\n（四）夯实基础。加强培训。{note}\n"
    )
    items = [i for s in _plan(text)["sections"] for i in s["items"]]
    assert [(i["lead_units"], i["cooperating_units"]) for i in items] == [
        ([], []),
        (["区司法局"], []),
        (lead, cooperating),
        (lead, cooperating),
    ]


UNITS_AFTER_A_TIME_FIELD = [
    ("（完成时限：2024年底前，由省发展改革委牵头）", ["省发展改革委"], []),
    ("（完成时限：2024年底前；省发展改革委牵头，省财政厅配合）", ["省发展改革委"], ["省财政厅"]),
]


@pytest.mark.parametrize(("note", "lead", "cooperating"), UNITS_AFTER_A_TIME_FIELD)
def test_units_after_a_time_field_in_the_same_note_are_read(note: str, lead: list[str], cooperating: list[str]) -> None:
    """A 完成时限 field whose time is followed by the units and their roles: the field is the time, and
    the units are the note's (they were read into the field and lost)."""
    plan = _plan(f"一、重点任务\n（一）完善政策。出台政策。{note}\n")
    (item,) = plan["sections"][0]["items"]
    assert (item["lead_units"], item["cooperating_units"], item["deadline"]["text"]) == (
        lead,
        cooperating,
        "2024年底前",
    )


def test_page_furniture_after_the_date_leaves_the_signature_and_date_read() -> None:
    text = (
        "某某区2025年工作要点\n一、重点任务\n（一）加强监管。开展检查。\n责任单位：区市场监管局\n\n"
        "某某区人民政府办公室\n\n2025年3月10日\n\n【打印本页】　【关闭窗口】\n"
    )
    plan = _plan(text)
    assert plan["issuers"] == ["某某区人民政府办公室"] and plan["date"] == "2025-03-10"


def test_an_editor_line_in_brackets_after_the_date_at_the_end_is_furniture() -> None:
    """（责任编辑：张三） after the signature at a web copy's end: page furniture, not the 附注, and no
    text left outside the plan."""
    text = (
        "某某区2025年工作要点\n一、重点任务\n（一）加强监管。开展检查。\n责任单位：区市场监管局\n\n"
        "某某区人民政府办公室\n\n2025年3月10日\n\n（责任编辑：张三）\n"
    )
    plan = _plan(text)
    assert (plan["date"], plan["note"], plan["problems"]) == ("2025-03-10", None, [])


def _items(text: str) -> list[tuple[str, str]]:
    return [(i["numeral"], i["title"]) for s in _plan(text)["sections"] for i in s["items"]]


# (id, the plan's body, the items as (numeral, title))
SERIALS = [
    (
        "decimal-serials-under-sections",  # genre 65
        "一、发展非化石能源\n1.1 加快风电开发。新增装机300万千瓦。（责任单位：省能源局）\n"
        "1.2 推进抽水蓄能。新核准2座。（责任单位：省能源局）\n二、构建电力系统\n"
        "2.1 加强电网建设。建成重点项目5项。（责任单位：省电力公司）\n",
        [("1.1", "加快风电开发"), ("1.2", "推进抽水蓄能"), ("2.1", "加强电网建设")],
    ),
    (
        "dashed-serials-full-width-space",  # genre 67, a PDF copy
        "一、抓好粮食生产\n1-1　稳定播种面积。压实责任。（县农业农村局牵头）\n"
        "1-2　推进农田建设。新建农田3万亩。（县农业农村局牵头）\n二、发展特色产业\n"
        "2-1　壮大优势产业。做强茶产业。（县农业农村局牵头）\n",
        [("1-1", "稳定播种面积"), ("1-2", "推进农田建设"), ("2-1", "壮大优势产业")],
    ),
    (
        "a-serial-opening-with-a-time",  # the title opens with digits: still the task's
        "一、推动消费转型\n1.1 9月中旬前完成规划修编。统筹建设。（责任单位：省能源局）\n"
        "1.2 严控能耗。强化审查。（责任单位：省发展改革委）\n",
        [("1.1", "9月中旬前完成规划修编"), ("1.2", "严控能耗")],
    ),
    (
        "decimals-at-a-line-start-are-text",  # 2.1 under 一、, 1.5 not the first task: numbers, not serials
        "一、扩大有效投资\n（一）推进重大项目。全年完成投资\n2.1 万亿元，其中新开工项目投资\n"
        "1.5 万亿元。（省发展改革委负责）\n"
        "（二）优化投资结构。提高民间投资占比。（省发展改革委负责）\n",
        [("一", "推进重大项目"), ("二", "优化投资结构")],
    ),
    (
        "decimal-serials-run-on-into-their-titles",  # no space after the serial
        "一、发展非化石能源\n1.1加快风电开发。新增装机300万千瓦。（责任单位：省能源局）\n"
        "1.2支持抽水蓄能。新核准2座。（责任单位：省能源局）\n二、构建电力系统\n"
        "2.1“三横三纵”电网建设。建成重点项目5项。（责任单位：省电力公司）\n",
        [("1.1", "加快风电开发"), ("1.2", "支持抽水蓄能"), ("2.1", "“三横三纵”电网建设")],
    ),
    (
        "dashed-serials-run-on-into-their-titles",
        "一、抓好粮食生产\n1-1稳定播种面积。压实责任。（县农业农村局牵头）\n"
        "1-2推进农田建设。新建农田3万亩。（县农业农村局牵头）\n",
        [("1-1", "稳定播种面积"), ("1-2", "推进农田建设")],
    ),
    (
        "a-decimal-run-on-into-its-unit-is-text",  # 1.1万亿元 fits the numbering, but is a number
        "一、扩大有效投资\n（一）推进重大项目。全年完成投资超过2万亿元。\n1.1万亿元用于新开工项目。（省发展改革委负责）\n"
        "（二）优化投资结构。提高民间投资占比。（省发展改革委负责）\n",
        [("一", "推进重大项目"), ("二", "优化投资结构")],
    ),
    (
        "a-decimal-that-continues-a-sentence-is-text",  # wrapped from the line above
        "一、扩大有效投资\n（一）推进重大项目。新建高标准农田\n1.1支撑粮食稳产。（省农业农村厅负责）\n"
        "（二）优化投资结构。提高民间投资占比。（省发展改革委负责）\n",
        [("一", "推进重大项目"), ("二", "优化投资结构")],
    ),
    (
        "a-date-range-is-text",
        "一、开展专项整治\n（一）集中整治。\n1.1-3.31开展集中整治行动。（县市场监管局负责）\n"
        "（二）巩固提升。建立长效机制。（县市场监管局负责）\n",
        [("一", "集中整治"), ("二", "巩固提升")],
    ),
    (
        "a-serial-that-does-not-name-its-section-is-text",
        "一、总体要求\n（一）加强统筹。各地要落实。（省政府办公厅负责）\n2.1 万亿元专项资金统筹使用。\n",
        [("一", "加强统筹")],
    ),
]


@pytest.mark.parametrize(("text", "items"), [c[1:] for c in SERIALS], ids=[c[0] for c in SERIALS])
def test_serials_that_name_their_section_are_its_tasks(text: str, items: list[tuple[str, str]]) -> None:
    """Tasks numbered section.index (1.1 1.2 … 2.1, or 1-1 …) are the level below the section: the
    first number repeats the section's, the second starts at 1 and runs on.  Elsewhere the same
    digits at a line's start are a number (2.1 万亿元 under 一、) and stay in the text they are in.  A
    serial with no space after it (1.1加快…) is read so too, unless it reads as a number (1.1万亿元)
    or goes on with a sentence the line above left open."""
    assert _items(text) == items


_REGULATION = "某某条例\n第一条 为了规范管理，制定本条例。\n"
# (id, a document written in articles, its items as (numeral, title), its closing)
ARTICLES = [
    (
        "clauses-inside-articles-are-their-text",  # gov_033: a 条例 in articles, no chapters
        _REGULATION + "第二条 下列所得，均为境内所得：\n（一）提供劳务取得的所得；\n（二）出租财产取得的所得。\n"
        "第三条 经营所得，是指：\n1.个体工商户取得的所得；\n2.个人从事其他活动取得的所得。\n"
        "第四条 本条例自2019年1月1日起施行。\n",
        [("一", "为了规范管理，制定本条例"), ("二", "下列所得，均为境内所得"), ("三", "经营所得，是指")],
        "第四条 本条例自2019年1月1日起施行。",
    ),
    (
        "clauses-that-own-notes-are-the-tasks",  # opc_013: sub-measures, each with its note
        "某区若干措施\n第一条 办公空间支持\n提供空间。（责任单位：区科技局）\n第二条 人才支持\n"
        "（一）青年人才引育。给予补贴。（责任单位：区人力资源局）\n（二）菁英奖励。给予奖励。（责任单位：区人才工作局）\n",
        [("一", "办公空间支持"), ("一", "青年人才引育"), ("二", "菁英奖励")],
        None,
    ),
    (
        "one-clause-with-a-note-is-not-enough",  # the note is the article's, given at its last clause
        _REGULATION + "第二条 支持下列项目：\n（一）技术改造项目；\n（二）研发平台项目；\n"
        "（三）人才引进项目。（责任单位：市工信局）\n第三条 本条例由市工信局负责解释。\n",
        [("一", "为了规范管理，制定本条例"), ("二", "支持下列项目")],
        "第三条 本条例由市工信局负责解释。",
    ),
    (
        "articles-under-chapters-alike",  # gov_032, gov_058: the chapters group them, the same reading
        "某某条例\n第一章 总则\n第一条 为了规范管理，制定本条例。\n第二章 管理\n"
        "第二条 下列所得，均为境内所得：\n（一）提供劳务取得的所得；\n（二）出租财产取得的所得。\n"
        "第三章 附则\n第三条 本条例自2019年1月1日起施行。\n",
        [("一", "为了规范管理，制定本条例"), ("二", "下列所得，均为境内所得")],
        "第三章 附则\n第三条 本条例自2019年1月1日起施行。",
    ),
]


@pytest.mark.parametrize(("text", "items", "closing"), [c[1:] for c in ARTICLES], ids=[c[0] for c in ARTICLES])
def test_in_a_document_written_in_articles_the_articles_are_the_tasks(
    text: str, items: list[tuple[str, str]], closing: str | None
) -> None:
    """An article is a task whether or not chapters group them, its clauses (（一）…, 1.) parts of its
    text; only clauses that own notes, most of them, are tasks (opc_013).  The last article that says
    when the regulation takes effect (本条例自…起施行) or who interprets it is its closing."""
    plan = _plan(text)
    assert (_items(text), plan["closing"]) == (items, closing)
    assert not lost_characters(text, plan)


# (id, an item's heading line, its title)
SPACE_ENDED_TITLES = [
    ("full-width-space", "（一）完善养老服务网络　推进服务站建设，每年新增30个。", "完善养老服务网络"),
    ("run-of-spaces", "（一）完善养老服务网络   推进服务站建设，每年新增30个。", "完善养老服务网络"),
    ("letter-spaced-title-kept", "（一）加　强　监　管。开展检查。", "加　强　监　管"),
    ("no-sentence-after-the-space", "（一）完善养老服务网络　建设工程。推进服务站建设。", "完善养老服务网络　建设工程"),
    ("full-stop-first", "（一）完善养老服务网络。推进建设　每年新增30个，逐步覆盖。", "完善养老服务网络"),
]


@pytest.mark.parametrize(("line", "title"), [c[1:] for c in SPACE_ENDED_TITLES], ids=[c[0] for c in SPACE_ENDED_TITLES])
def test_a_space_ends_a_title_whose_text_runs_on_after_it(line: str, title: str) -> None:
    """A heading with no full stop whose text follows on the same line after a full-width space or a
    run of spaces (genre 66): the title ends at the space.  Not in a title set letter-spaced, nor
    where the words after the space are no sentence."""
    (item,) = [i for s in _plan(f"一、重点任务\n{line}\n")["sections"] for i in s["items"]]
    assert item["title"] == title


# (id, an item's heading line, its title and lead units)
LEADING_NOTES = [
    ("round-labelled", "1．（牵头单位：省发展改革委）推进项目建设。加快实施。", "推进项目建设", ["省发展改革委"]),
    (
        "lenticular-labelled",
        "（一）【牵头单位：省发展改革委；配合单位：省财政厅】推进项目建设。加快实施。",
        "推进项目建设",
        ["省发展改革委"],
    ),
    (
        "note-after-the-title",
        "（一）推进项目建设。加快实施。（牵头单位：省发展改革委）",
        "推进项目建设",
        ["省发展改革委"],
    ),
]


@pytest.mark.parametrize(("line", "title", "lead"), [c[1:] for c in LEADING_NOTES], ids=[c[0] for c in LEADING_NOTES])
def test_a_note_that_opens_the_task_is_not_its_title(line: str, title: str, lead: list[str]) -> None:
    """A task whose text opens with its note (1．【A、B】推进…。, genres 62 and 64): the title is the
    words after the note (it was empty: the title stopped where the note began)."""
    (item,) = [i for s in _plan(f"一、重点任务\n{line}\n")["sections"] for i in s["items"]]
    assert (item["title"], item["lead_units"]) == (title, lead)


# (id, an item's heading line, its title)
POINTING_COLONS = [
    (
        "a-list-to-the-full-stop",
        "五、国务院由下列人员组成：总理、副总理、秘书长。",
        "国务院由下列人员组成：总理、副总理、秘书长",
    ),
    ("as-follows", "五、各部门职责如下：负责统筹，抓好落实。", "各部门职责如下：负责统筹，抓好落实"),
    ("a-colon-that-ends-a-title", "五、提升制造业质量：完善标准体系。", "提升制造业质量"),
    ("a-colon-at-the-line-end", "五、重点做好以下工作：", "重点做好以下工作"),
]


@pytest.mark.parametrize(("line", "title"), [c[1:] for c in POINTING_COLONS], ids=[c[0] for c in POINTING_COLONS])
def test_a_colon_after_a_word_that_points_ahead_does_not_end_the_title(line: str, title: str) -> None:
    """下列/如下/以下…： opens the rest of the heading's sentence (gov_047: 国务院由下列人员组成：总理、…
    秘书长。): the title runs to the 。.  A colon that ends a short title (提升制造业质量：) still ends
    it, and a title never keeps the colon it ends with."""
    text = f"一、总则\n（一）明确要求。\n{line}\n（一）完善政策。出台政策。\n"
    assert [s["title"] for s in _plan(text)["sections"]][1] == title


_TWO_DOCUMENTS = (
    "某某市人民政府关于印发两个办法的通知\n各区人民政府：\n"
    "《某某市企业扶持办法》和《某某市人才引进办法》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
    "某某市人民政府\n2024年1月5日\n某某市企业扶持办法\n为支持企业发展，制定本办法。\n"
    "一、资金支持\n（一）设立专项资金，支持企业技术改造。\n二、用地保障\n（二）优先保障企业用地。\n"
    "本办法自2024年2月1日起施行。\n{title}\n为引进人才，制定本办法。\n一、引进对象\n（一）引进高层次人才。\n"
    "二、待遇保障\n（二）给予安家补贴。\n上述政策适用于各类企业，执行期限为2024年1月1日至2025年12月31日。\n"
)


def test_a_second_document_with_no_annex_heading_is_a_part_with_its_own_closing() -> None:
    """A notice that sends two documents, the second printed with no 附件 heading (gov_018): its
    title, a title the notice names, then its opening and its numbering from 一、 again, opens a part;
    neither the title nor the opening is the last task's text, and each document's closing paragraph
    (本办法自…施行, 上述政策…执行期限为…) is its closing, not its last task's."""
    plan = _plan(_TWO_DOCUMENTS.format(title="某某市人才引进办法"))
    (part,) = plan["parts"]
    assert (part["title"], part["text"], part["first_section"]) == ("某某市人才引进办法", "为引进人才，制定本办法。", 3)
    assert part["closing"] == "上述政策适用于各类企业，执行期限为2024年1月1日至2025年12月31日。"
    assert plan["closing"] == "本办法自2024年2月1日起施行。"
    items = [i["text"] for s in plan["sections"] for i in s["items"]]
    assert items == [
        "（一）设立专项资金，支持企业技术改造。",
        "（二）优先保障企业用地。",
        "（一）引进高层次人才。",
        "（二）给予安家补贴。",
    ]


def test_a_second_documents_annex_heading_is_its_parts_label() -> None:
    """附件1 and 附件2 over the two documents a notice sends (genres 27 and 49): the 附件2 above the
    second document's title is its part's ``label``, no text left belonging to no record."""
    text = _TWO_DOCUMENTS.format(title="附件2\n某某市人才引进办法").replace(
        "2024年1月5日\n某某市企业扶持办法", "2024年1月5日\n附件1\n某某市企业扶持办法"
    )
    plan = _plan(text)
    (part,) = plan["parts"]
    assert (part["label"], text[slice(*part["label_span"])], part["title"]) == ("附件2", "附件2", "某某市人才引进办法")
    assert not lost_characters(text, plan)
    (unmarked,) = _plan(_TWO_DOCUMENTS.format(title="某某市人才引进办法"))["parts"]
    assert (unmarked["label"], unmarked["label_span"]) == (None, None)


def test_a_title_the_notice_does_not_name_opens_no_part() -> None:
    plan = _plan(_TWO_DOCUMENTS.format(title="某某市其他事项"))
    assert plan["parts"] == []


_CLAUSES = (
    "某某粮食应急预案\n目  录\n1 总则\n1.1 编制目的\n1.2 工作原则\n2 组织机构\n2.1 指挥部\n"
    "1 总则\n1.1 编制目的\n为有效应对粮食市场异常波动，制定本预案。\n1.2 工作原则\n（1）统一领导、分级负责。\n"
    "2 组织机构\n2.1 指挥部\n总指挥：主要负责人。\n2.1.1 指挥部职责\n掌握粮食市场形势。\n"
)


def test_chapters_and_clauses_numbered_as_gbt_1_1_and_a_table_of_contents() -> None:
    """A 预案 numbered as GB/T 1.1 numbers it (gov_041): the chapters (1 总则) are the sections and
    their clauses (1.1 编制目的) the items, the deeper clauses (2.1.1) and points their text; the
    table of contents under 目录 that lists the same headings is neither."""
    plan = _plan(_CLAUSES)
    assert [s["title"] for s in plan["sections"]] == ["总则", "组织机构"]
    assert _items(_CLAUSES) == [("1.1", "编制目的"), ("1.2", "工作原则"), ("2.1", "指挥部")]
    assert plan["sections"][1]["items"][0]["text"].endswith("2.1.1 指挥部职责\n掌握粮食市场形势。")


def test_a_number_and_a_space_at_a_line_start_is_no_chapter_without_its_clauses() -> None:
    """A hard-wrapped copy that left a number at a line's start (5 亿元) has no chapter there: no
    clause 5.1 follows it."""
    text = "一、扩大投资\n（一）推进重大项目。全年完成投资\n5 亿元\n以上。（省发展改革委负责）\n"
    (item,) = [i for s in _plan(text)["sections"] for i in s["items"]]
    assert item["text"].endswith("5 亿元\n以上。（省发展改革委负责）")


def test_a_table_of_contents_of_sections_is_no_section() -> None:
    text = (
        "某某市质量提升行动方案\n目　录\n一、总体要求\n二、重点任务\n三、保障措施\n"
        "一、总体要求\n坚持质量第一。\n二、重点任务\n（一）提升产品质量。开展对标。（市市场监管局负责）\n"
        "（二）提升服务质量。建设标准。（市商务局负责）\n三、保障措施\n加强组织领导。\n"
    )
    plan = _plan(text)
    assert [s["title"] for s in plan["sections"]] == ["总体要求", "重点任务", "保障措施"]
    assert [p["kind"] for p in plan["problems"]] == []


def _sections_and_items(text: str) -> list[tuple[str, list[str]]]:
    return [(s["title"], [i["title"] for i in s["items"]]) for s in _plan(text)["sections"]]


#: Headings above the sections' own numbering, read as the top level as 一、 is: 第一篇 (printed by
#: some plans where others print 第一章 or 第一部分), holding the tasks （1）… directly.
PIAN = (
    "某省行动计划\n第一篇　总体要求\n坚持企业主体地位。到2025年建成平台10个。\n"
    "第二篇　壮大创新主体\n（1）支持企业研发。培育企业10家。（省科技厅、省财政厅）\n"
    "（2）建设创新平台。建成平台5个。（省发展改革委）\n"
    "第三篇　优化创新生态\n（3）促进成果转化。建设交易市场。（省科技厅）\n"
    "第四篇　保障措施\n加强组织领导。定期召开会议。\n"
)
CHAPTER_HEADINGS = [
    (
        "第一篇 over （1） tasks",
        PIAN,
        [
            ("总体要求", []),
            ("壮大创新主体", ["支持企业研发", "建设创新平台"]),
            ("优化创新生态", ["促进成果转化"]),
            ("保障措施", []),
        ],
    ),
    (
        "第一篇 with no space after it",
        PIAN.replace("篇　", "篇"),
        [
            ("总体要求", []),
            ("壮大创新主体", ["支持企业研发", "建设创新平台"]),
            ("优化创新生态", ["促进成果转化"]),
            ("保障措施", []),
        ],
    ),
    (
        "第一部分 as it was read before (probe)",
        PIAN.replace("篇", "部分"),
        [
            ("总体要求", []),
            ("壮大创新主体", ["支持企业研发", "建设创新平台"]),
            ("优化创新生态", ["促进成果转化"]),
            ("保障措施", []),
        ],
    ),
]


@pytest.mark.parametrize(("text", "read"), [c[1:] for c in CHAPTER_HEADINGS], ids=[c[0] for c in CHAPTER_HEADINGS])
def test_headings_above_the_sections_numbering_are_the_sections(text: str, read: list[tuple[str, list[str]]]) -> None:
    assert _sections_and_items(text) == read


#: A box set inside a task (专项行动一, 专栏1), its heading alone on its line and its own points under
#: it: the box and its points are the task's text, not a level of sections or items.
BOX_TASKS = (
    "（1）支持企业研发。培育企业10家。（省科技厅、省财政厅）\n（2）建设创新平台。建成平台5个。（省发展改革委）\n"
)
BOX_AFTER = "（3）促进成果转化。建设交易市场。（省科技厅）\n二、保障措施\n加强组织领导。\n"
BOXES = [
    (
        "专项行动 numbered 一, its points 1．2．3．",
        "一、重点任务\n" + BOX_TASKS + "专项行动一　平台提能行动\n1．培育平台5家；\n2．2024年底前出台办法；\n"
        "3．遴选平台10个。\n" + BOX_AFTER,
        "专项行动一　平台提能行动\n1．培育平台5家；\n2．2024年底前出台办法；\n3．遴选平台10个。",
    ),
    (
        "专栏 with a colon, its points 1、2、",
        "一、重点任务\n" + BOX_TASKS + "专栏1：平台提能工程\n1、培育平台5家。\n2、遴选平台10个。\n" + BOX_AFTER,
        "专栏1：平台提能工程\n1、培育平台5家。\n2、遴选平台10个。",
    ),
    (
        "the box in the last task of a 第一篇",
        "第一篇　重点任务\n" + BOX_TASKS + "专项行动一　平台提能行动\n1．培育平台5家；\n2．遴选平台10个。\n"
        "第二篇　优化生态\n" + BOX_AFTER.replace("二、", "第三篇　"),
        "专项行动一　平台提能行动\n1．培育平台5家；\n2．遴选平台10个。",
    ),
]


@pytest.mark.parametrize(("text", "box"), [c[1:] for c in BOXES], ids=[c[0] for c in BOXES])
def test_a_box_and_its_points_are_the_text_of_the_task_it_follows(text: str, box: str) -> None:
    plan = _plan("某省行动计划\n" + text)
    items = [i for s in plan["sections"] for i in s["items"]]
    assert [i["title"] for i in items] == ["支持企业研发", "建设创新平台", "促进成果转化"]
    assert items[1]["text"].endswith(box)
    assert not plan["problems"]


def test_a_sentence_that_opens_with_a_box_word_is_no_box() -> None:
    text = (
        "某省行动计划\n一、重点任务\n专项行动一是加强监管。\n"
        "1．培育平台5家。（省发展改革委）\n2．遴选平台10个。（省工信厅）\n"
    )
    assert [i["title"] for s in _plan(text)["sections"] for i in s["items"]] == ["培育平台5家", "遴选平台10个"]


#: A run-in title ended by the full-width full stop ． (U+FF0E) as by 。 (genre 74's lead phrases); ．
#: is also a marker's mark and a decimal point, so only one after a short title, before text, ends it.
RUN_IN_STOPS = [
    ("fullwidth-stop", "（1）促进成果转化．建设技术交易市场，成交额增长20%。", "促进成果转化"),
    ("after-a-closing-quote", "1．实施“倍增计划”．建立培育体系。", "实施“倍增计划”"),
    ("marker-with-fullwidth-stop", "2．建设技术交易市场，成交额增长２．５倍。", "建设技术交易市场，成交额增长２．５倍"),
    (
        "a-numeral-after-a-comma",
        "（1）抓好两项工作，一．建设市场，二．完善制度。",
        "抓好两项工作，一．建设市场，二．完善制度",
    ),
    (
        "past-a-titles-length",
        "（1）推进全省技术交易市场、技术经理人队伍和科技成果转化公共服务体系一体化建设与提质增效工作．建设市场。",
        "推进全省技术交易市场、技术经理人队伍和科技成果转化公共服务体系一体化建设与提质增效工作．建设市场",
    ),
]


@pytest.mark.parametrize(("line", "title"), [c[1:] for c in RUN_IN_STOPS], ids=[c[0] for c in RUN_IN_STOPS])
def test_a_fullwidth_full_stop_after_a_short_title_ends_it(line: str, title: str) -> None:
    (item,) = [i for s in _plan(f"一、重点任务\n{line}\n")["sections"] for i in s["items"]]
    assert item["title"] == title


#: The items are the level that carries the tasks: a section that numbers its paragraphs in another
#: family of markers than the tasks with notes, none with a note of its own, frames them (genre 75's
#: 四、保障措施 （一）（二）（三） after （1）…（9） tasks).
FAMILY_TASKS = (
    "一、重点任务\n（1）建设市场。建成市场5个。（牵头单位：市商务局）\n（2）完善制度。出台办法。\n"
    "（3）培育企业。培育企业10家。（牵头单位：市科技局；配合单位：市财政局）\n"
)
OTHER_FAMILY = [
    (
        "（一） safeguards after （1） tasks",
        FAMILY_TASKS + "二、保障措施\n（一）加强组织领导。定期召开会议。\n（二）强化资金保障。安排资金。\n"
        "（三）严格督查考核。纳入考核。\n",
        ["建设市场", "完善制度", "培育企业"],
    ),
    (
        "1. paragraphs under a heading of another name",
        FAMILY_TASKS + "二、有关要求\n1.各区要高度重视。\n2.各部门要加强协作。\n",
        ["建设市场", "完善制度", "培育企业"],
    ),
    (
        "the same family with no notes stays items (probe: gov_007's 实施步骤)",
        FAMILY_TASKS
        + "二、实施步骤\n（4）确定试点。选择试点地区。\n（5）开展评估。总结经验。\n（6）推广经验。全面推开。\n",
        ["建设市场", "完善制度", "培育企业", "确定试点", "开展评估", "推广经验"],
    ),
    (
        "another family that carries a note of its own stays items (probe)",
        FAMILY_TASKS
        + "二、重点工程\n（一）改造管网。改造管网120公里。（牵头单位：市城管局）\n（二）修复矿山。修复矿山10座。\n",
        ["建设市场", "完善制度", "培育企业", "改造管网", "修复矿山"],
    ),
]


@pytest.mark.parametrize(("text", "titles"), [c[1:] for c in OTHER_FAMILY], ids=[c[0] for c in OTHER_FAMILY])
def test_paragraphs_numbered_apart_from_the_noted_tasks_frame_them(text: str, titles: list[str]) -> None:
    assert _titles("某市行动方案\n" + text) == titles
