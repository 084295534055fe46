"""Task tables read row by row (parse/rows.py): one row per task, the header naming the columns.

Cases are grouped by where they come from: seen in a plan, or made up to probe a rule.
"""

from __future__ import annotations

from typing import Any

import pytest

from zhiliang_cli.parse.lines import LineIndex
from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.parse.rows import find_table

NOTICE = (
    "某某省某某办公室关于印发《某某省2024年重点工作任务清单》的通知\n"
    "某办〔2024〕3号\n"
    "各设区市人民政府，省直有关单位：\n"
    "现将《某某省2024年重点工作任务清单》印发给你们，请认真贯彻落实。{rule}\n"
    "某某省某某办公室\n"
    "2024年3月15日\n"
    "附件\n"
    "某某省2024年重点工作任务清单\n"
)


def _plan(table: str, rule: str = "") -> dict[str, Any]:
    return dict(parse_text(NOTICE.format(rule=rule) + table))


def _rows(plan: dict[str, Any]) -> list[tuple[str, str, list[str], list[str], str | None]]:
    return [
        (i["numeral"], i["title"], i["lead_units"], i["cooperating_units"], i["deadline"] and i["deadline"]["text"])
        for s in plan["sections"]
        for i in s["items"]
    ]


# (id, rule stated in the notice, the table, the rows as (numeral, title, lead, cooperating, deadline))
CASES = [
    # --- seen in a plan (genre 35) ---
    (
        "tabs-star-after-name-rule-in-notice",
        "清单中标*号的为牵头单位，其余为配合单位。",
        "序号\t重点任务\t责任单位\t完成时限\n"
        "一、打造高效便捷的政务环境\n"
        "1\t深化企业开办便利化改革，压缩至1个工作日以内。\t省市场监管局*、省公安厅\t2024年6月底前\n"
        "2\t健全涉企案件快审快执机制。\t省高级人民法院\t持续推进\n"
        "3\t加大普惠金融支持力度。\t某某金融监管局*、中国人民银行某某省分行*、省地方金融管理局\t2024年第三季度\n",
        [
            ("1", "深化企业开办便利化改革，压缩至1个工作日以内", ["省市场监管局"], ["省公安厅"], "2024年6月底前"),
            ("2", "健全涉企案件快审快执机制", ["省高级人民法院"], [], "持续推进"),
            (
                "3",
                "加大普惠金融支持力度",
                ["某某金融监管局", "中国人民银行某某省分行"],
                ["省地方金融管理局"],
                "2024年第三季度",
            ),
        ],
    ),
    # --- seen in a plan (genre 56: a county 任务清单 copied out of a PDF, its layout kept) ---
    (
        "cells-parted-by-runs-of-spaces-rule-in-the-units-header-empty-cells-placed-by-column",
        "",
        "序号   重点任务                        责任单位（排第一位的为牵头单位）   完成时限\n\n"
        "一、优化政务环境\n\n"
        "1      做好甲项工作，压缩至1个工作日。  省甲厅、省乙厅                     2024年6月底前\n\n"
        "2      做好乙项工作。                   省丙厅\n\n"
        "3      做好丙项工作。                                                      持续推进\n",
        [
            ("1", "做好甲项工作，压缩至1个工作日", ["省甲厅"], ["省乙厅"], "2024年6月底前"),
            ("2", "做好乙项工作", ["省丙厅"], [], None),
            ("3", "做好丙项工作", [], [], "持续推进"),
        ],
    ),
    (
        "space-aligned-cells-wrapped-joined-column-by-column",
        "",
        "序号   重点任务                      责任单位（排第一位的为牵头单位）   完成时限\n\n"
        "1      稳定播种面积，面积稳定在45万亩  县农业农村局、县财政局、县         2025年10月底前\n"
        "       以上，总产量达到2.1亿斤。        自然资源局\n\n"
        "2      新增农村供水受益人口3.5万人，   县水利局、县卫生健康局、各乡镇人   2025年第三季度\n"
        "       普及率达到95%以上。              民政府\n\n"
        "3      开展农村房屋安全隐患排查整治。  县住房城乡建设局、县卫生健         长期\n"
        "                                      康局\n",
        [
            (
                "1",
                "稳定播种面积，面积稳定在45万亩以上，总产量达到2.1亿斤",
                ["县农业农村局"],
                ["县财政局", "县自然资源局"],
                "2025年10月底前",
            ),
            (
                "2",
                "新增农村供水受益人口3.5万人，普及率达到95%以上",
                ["县水利局"],
                ["县卫生健康局", "各乡镇人民政府"],
                "2025年第三季度",
            ),
            ("3", "开展农村房屋安全隐患排查整治", ["县住房城乡建设局"], ["县卫生健康局"], "长期"),
        ],
    ),
    (
        "tab-cells-wrapped-joined-column-by-column",
        "",
        "序号\t重点任务\t责任单位\t完成时限\n"
        "1\t稳定播种面积，面积稳定在45万亩\t县农业农村局、县\t2025年10月底前\n"
        "\t以上，总产量达到2.1亿斤。\t自然资源局\n"
        "2\t做好乙项工作。\t省丙厅\t2024年底前\n",
        [
            (
                "1",
                "稳定播种面积，面积稳定在45万亩以上，总产量达到2.1亿斤",
                ["县农业农村局", "县自然资源局"],
                [],
                "2025年10月底前",
            ),
            ("2", "做好乙项工作", ["省丙厅"], [], "2024年底前"),
        ],
    ),
    # --- made up to probe a rule ---
    (
        "cells-parted-by-full-width-spaces-one-space-inside-a-cell",
        "",
        "序 号\u3000\u3000重点任务\u3000\u3000责任单位\u3000\u3000完成时限\n"
        "1\u3000\u3000做好甲项工作。\u3000\u3000省甲厅\u3000\u30002024 年底前\n"
        "2\u3000\u3000做好乙项工作。\u3000 省乙厅、省丙厅\u3000\u30002024 年底前\n",
        [
            ("1", "做好甲项工作", ["省甲厅"], [], "2024 年底前"),
            ("2", "做好乙项工作", ["省乙厅", "省丙厅"], [], "2024 年底前"),
        ],
    ),
    (
        "rank-rule-in-notice-applies-to-units-cells",
        "责任单位中排在第一位的为牵头单位。",
        "序号\t工作任务\t责任单位\t时间节点\n1\t做好甲项工作。\t省甲厅、省乙厅\t2024年底前\n2\t做好乙项工作。\t省丙厅\t2024年6月\n",
        [
            ("1", "做好甲项工作", ["省甲厅"], ["省乙厅"], "2024年底前"),
            ("2", "做好乙项工作", ["省丙厅"], [], "2024年6月"),
        ],
    ),
    (
        "no-rule-every-unit-of-a-shared-cell-leads",
        "",
        "序号\t主要任务\t责任单位\n1\t做好甲项工作。\t省甲厅、省乙厅\n2\t做好乙项工作。\t省丙厅\n",
        [("1", "做好甲项工作", ["省甲厅", "省乙厅"], [], None), ("2", "做好乙项工作", ["省丙厅"], [], None)],
    ),
    (
        "lead-and-cooperating-columns",
        "",
        "序号\t具体措施\t牵头单位\t配合单位\t完成时限\n"
        "1\t做好甲项工作。\t省甲厅\t省乙厅、省丙厅\t2024年底前\n"
        "2\t做好乙项工作。\t省丙厅\t\t长期坚持\n",
        [
            ("1", "做好甲项工作", ["省甲厅"], ["省乙厅", "省丙厅"], "2024年底前"),
            ("2", "做好乙项工作", ["省丙厅"], [], "长期坚持"),
        ],
    ),
    (
        "lead-and-responsible-columns-read-as-a-note-so-labelled",
        "",
        "序号\t重点改革任务\t牵头处室\t责任单位\t完成时间节点\n"
        "1\t做好甲项工作。\t省甲处\t省乙厅、省丙厅\t2024年底前\n2\t做好乙项工作。\t省丙处\t省丁厅\t2024年底前\n",
        [
            ("1", "做好甲项工作", ["省甲处"], ["省乙厅", "省丙厅"], "2024年底前"),
            ("2", "做好乙项工作", ["省丙处"], ["省丁厅"], "2024年底前"),
        ],
    ),
    (
        "a-text-column-alone-is-the-task",
        "",
        "序号\t工作举措\t协同部门\n1\t做好甲项工作。\t省甲厅\n2\t做好乙项工作。\t省乙厅\n",
        [("1", "做好甲项工作", [], ["省甲厅"], None), ("2", "做好乙项工作", [], ["省乙厅"], None)],
    ),
    (
        "header-cells-spaced-and-with-asides",
        "",
        "序 号\t重 点 任 务\t责任单位（部门）\t完 成 时 限\n1\t做好甲项工作。\t省甲厅\t2024年底前\n"
        "2\t做好乙项工作。\t省乙厅\t2024年底前\n",
        [
            ("1", "做好甲项工作", ["省甲厅"], [], "2024年底前"),
            ("2", "做好乙项工作", ["省乙厅"], [], "2024年底前"),
        ],
    ),
    (
        "row-wrapped-over-lines-joined",
        "",
        "序号\t重点任务\t责任单位\t完成时限\n"
        "1\t做好甲项工作，\n推动乙项工作。\t省甲厅\t2024年底前\n"
        "2\t做好丙项工作。\t省乙厅、\n省丙厅\t2024年底前\n",
        [
            ("1", "做好甲项工作，推动乙项工作", ["省甲厅"], [], "2024年底前"),
            ("2", "做好丙项工作", ["省乙厅", "省丙厅"], [], "2024年底前"),
        ],
    ),
    (
        "no-number-column-rows-numbered-by-position",
        "",
        "重点任务\t责任单位\t完成时限\n做好甲项工作。\t省甲厅\t2024年底前\n做好乙项工作。\t省乙厅\t2024年底前\n",
        [
            ("1", "做好甲项工作", ["省甲厅"], [], "2024年底前"),
            ("2", "做好乙项工作", ["省乙厅"], [], "2024年底前"),
        ],
    ),
    (
        "category-numeral-in-the-number-cell-quoted-cells",
        "",
        "序号\t重点任务\t责任单位\t完成时限\n一\t政务环境\t\t\n"
        '1\t"做好甲项工作，\n推动乙项工作。"\t省甲厅\t2024年底前\n2\t做好丙项工作。\t省乙厅\t2024年底前\n',
        [
            ("1", "做好甲项工作，推动乙项工作", ["省甲厅"], [], "2024年底前"),
            ("2", "做好丙项工作", ["省乙厅"], [], "2024年底前"),
        ],
    ),
    # --- seen in a plan (genre 70): a table copied through Markdown ---
    (
        "pipes-alignment-row-person-column-lead-and-shared-columns",
        "",
        "| 序号 | 工作任务 | 责任领导 | 牵头单位 | 责任单位 | 完成时限 |\n"
        "| :---: | --- | --- | --- | --- | ---: |\n"
        "| 一 | 推动经济持续向好 |  |  |  |  |\n"
        "| 1 | 地区生产总值增长6%左右。 | 张某某 | 区发展改革局 | 区财政局、区统计局 | 2025年12月底前 |\n"
        "| 2 | 稳定和扩大就业。 | 李某某 | 区人力资源社会保障局 |  | 持续推进 |\n",
        [
            ("1", "地区生产总值增长6%左右", ["区发展改革局"], ["区财政局", "区统计局"], "2025年12月底前"),
            ("2", "稳定和扩大就业", ["区人力资源社会保障局"], [], "持续推进"),
        ],
    ),
    # --- made up: pipes left out at the ends of the rows (a Markdown table may omit them) ---
    (
        "pipes-without-the-outer-pipes",
        "",
        "序号 | 重点任务 | 责任单位 | 完成时限\n--- | --- | --- | ---\n"
        "1 | 做好甲项工作。 | 省甲厅、省乙厅 | 2024年底前\n2 | 做好乙项工作。 | 省丙厅 | 2024年6月底前\n",
        [
            ("1", "做好甲项工作", ["省甲厅", "省乙厅"], [], "2024年底前"),
            ("2", "做好乙项工作", ["省丙厅"], [], "2024年6月底前"),
        ],
    ),
    (
        "flattened-one-cell-a-line",
        "",
        "序号\n改革举措\n主 要 内 容\n指导部门\n推广范围\n一、甲方面（共2项）\n"
        "1\n甲举措\n整合资源，提高效率。\n省甲厅、省乙厅\n全国\n"
        "2\n乙举措\n简化流程。\n省丙厅\n全国\n",
        [("1", "甲举措", ["省甲厅", "省乙厅"], [], None), ("2", "乙举措", ["省丙厅"], [], None)],
    ),
]


def _table(case_id: str) -> str:
    return next(str(c[2]) for c in CASES if c[0] == case_id)


@pytest.mark.parametrize(("rule", "table", "rows"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rows_are_items(rule: str, table: str, rows: list[tuple[Any, ...]]) -> None:
    plan = _plan(table, rule)
    assert _rows(plan) == rows
    assert plan["plan_title"] == "某某省2024年重点工作任务清单"  # the header row is not the title's


def test_category_rows_are_sections_and_text_after_the_table_is_the_closing() -> None:
    more = "二、营造公平公正的法治环境\n4\t清理政策措施。\t省市场监管局*\t每季度末\n各设区市要参照本清单执行。\n"
    plan = _plan(_table("tabs-star-after-name-rule-in-notice") + more)
    assert [(s["numeral"], s["title"], len(s["items"])) for s in plan["sections"]] == [
        ("一", "打造高效便捷的政务环境", 3),
        ("二", "营造公平公正的法治环境", 1),
    ]
    assert plan["closing"] == "各设区市要参照本清单执行。"
    assert plan["problems"] == []


def test_targets_of_a_row_are_bound_by_its_deadline() -> None:
    plan = _plan(_table("tabs-star-after-name-rule-in-notice"))
    item = plan["sections"][0]["items"][0]
    assert [(t["number_text"], t["by"] and t["by"]["date"]) for t in item["targets"]] == [("1", "2024-06-30")]


def test_a_target_of_a_row_ends_with_its_cell() -> None:
    # probe: the target's text took the tab after the task cell
    plan = _plan(
        "序号\t重点任务\t责任单位\t完成时限\n1\t完成播种面积50万亩\t县农业农村局\t6月底前\n"
        "2\t培育龙头企业5家\t县工信局\t年底前\n"
    )
    items = [i for s in plan["sections"] for i in s["items"]]
    assert [t["text"] for i in items for t in i["targets"]] == ["完成播种面积50万亩", "培育龙头企业5家"]


def test_an_indicator_table_is_no_task_table() -> None:
    text = "序号\t指标名称\t2024年目标值\t责任单位\n1\t人均预期寿命\t80.6\t市卫生健康委\n2\t婴儿死亡率\t≤3\t市卫健委\n"
    assert find_table(text, LineIndex(text).lines) is None


def test_a_task_table_annexed_to_a_plan_whose_tasks_name_units_leaves_the_plan_as_it_is() -> None:
    text = (
        "某市2024年工作要点\n一、加强质量基础\n（一）做好甲项工作。（牵头单位：市甲局）\n（二）做好乙项工作。（牵头单位：市乙局）\n"
        "附件\n重点任务分工表\n序号\t重点任务\t责任单位\n1\t做好甲项工作\t市甲局\n2\t做好乙项工作\t市乙局\n"
    )
    plan = dict(parse_text(text))
    assert [i["title"] for s in plan["sections"] for i in s["items"]] == ["做好甲项工作", "做好乙项工作"]
    assert [i["line"] for s in plan["sections"] for i in s["items"]] == [3, 4]


def test_a_single_row_is_no_table() -> None:
    text = "序号\t重点任务\t责任单位\n1\t做好甲项工作\t市甲局\n"
    assert find_table(text, LineIndex(text).lines) is None


def test_rows_keep_their_spans() -> None:
    plan = _plan(_table("tabs-star-after-name-rule-in-notice"))
    text = NOTICE.format(rule="") + _table("tabs-star-after-name-rule-in-notice")
    for item in plan["sections"][0]["items"]:
        assert text[slice(*item["span"])] == item["text"]
        assert item["text"].startswith(item["numeral"] + "\t")
        for note in item["notes"]:
            assert all(text[slice(*f["span"])] == f["text"] for f in note["fields"])


def test_a_category_row_in_the_number_cell_is_a_section() -> None:
    plan = _plan(_table("category-numeral-in-the-number-cell-quoted-cells"))
    assert [(s["numeral"], s["title"]) for s in plan["sections"]] == [("一", "政务环境")]


def test_a_heading_after_the_last_row_is_the_text_after_the_table() -> None:
    plan = _plan(_table("rank-rule-in-notice-applies-to-units-cells") + "四、保障措施\n各单位要加强组织领导。\n")
    assert len(plan["sections"]) == 1
    assert plan["closing"] == "四、保障措施\n各单位要加强组织领导。"


def test_a_table_inside_a_section_whose_tasks_carry_notes_leaves_the_prose_reading() -> None:
    text = (
        "某市2024年工作方案\n一、总体要求\n坚持稳中求进。\n二、重点任务\n（一）做好甲项工作。（牵头单位：市甲局）\n"
        "序号\t重点任务\t责任单位\n1\t做好乙项工作\t市乙局\n2\t做好丙项工作\t市丙局\n（二）做好丁项工作。（牵头单位：市丁局）\n"
    )
    plan = dict(parse_text(text))
    assert [i["lead_units"] for s in plan["sections"] for i in s["items"]] == [["市甲局"], ["市丁局"]]


SCHEDULE = "序号\t事项\t时间\t地点\n1\t开幕式\t5月20日\t市民广场\n2\t科普讲座\t5月21日至25日\t各中小学\n"


@pytest.mark.parametrize(
    "text",
    [
        # probe: 序号 / 事项 / 时间 / 地点 names a task column and a time one, but no units: events, not tasks
        "某市2025年科技活动周工作方案\n一、活动安排\n（一）开幕式。在市民广场举办开幕式。\n"
        f"（二）科普进校园。组织专家开展讲座20场。具体安排如下：\n{SCHEDULE}二、工作要求\n各单位要高度重视。\n",
        # probe: the annexed schedule took the place of the whole plan, its sections and its targets
        "某市2025年科技活动周工作方案\n一、活动安排\n（一）开幕式。在市民广场举办开幕式。\n"
        f"（二）科普进校园。组织专家开展讲座20场。\n二、工作要求\n各单位要高度重视。\n\n附件：活动日程表\n{SCHEDULE}",
    ],
    ids=["under-tasks", "annexed"],
)
def test_a_schedule_under_or_after_a_plan_in_prose_leaves_the_prose_reading(text: str) -> None:
    plan = dict(parse_text(text))
    assert [i["title"] for s in plan["sections"] for i in s["items"]] == ["开幕式", "科普进校园"]


def test_an_empty_last_cell_does_not_take_the_line_after_the_table() -> None:
    table = (
        "序号\t工作任务\t工作目标\t责任单位\t完成时限\t备注\n（一）夯实基础\n"
        "1\t加快网络建设\t新建基站2000个以上\t市工信局、市通信办\t2025年底前\t\n"
        "2\t推进算力建设，\n提升供给能力\t算力达到500PFlops\t市发展改革委\t2025年10月\t重点\n"
        "（二）壮大产业\n1\t培育核心企业\t新增企业50家\t市工信局\t2025年底前\n"
        "2\t建设产业园\t入驻企业超过100家\t市科技局\t持续推进\n各区、各部门要按季度报送进展情况。\n"
    )
    plan = _plan(table)
    items = [i for s in plan["sections"] for i in s["items"]]
    assert [(i["number"], i["numeral"], i["deadline"]["text"]) for i in items] == [
        (1, "1", "2025年底前"),
        (2, "2", "2025年10月"),
        (3, "1", "2025年底前"),
        (4, "2", "持续推进"),
    ]
    assert items[1]["title"] == "推进算力建设，提升供给能力"
    assert [f["label"] for f in items[1]["notes"][0]["fields"]] == ["完成时限", "备注"]
    assert [t["number_text"] for t in items[0]["targets"]] == ["2000"]  # the 工作目标 cell is the item's text
    assert plan["closing"] == "各区、各部门要按季度报送进展情况。"
    assert plan["problems"] == []  # numbers that restart in each category are as printed


def test_a_table_inside_a_section_of_a_prose_plan_gives_that_section_its_items() -> None:
    text = (
        "某某县2025年农业产业发展实施方案\n为推进农业产业高质量发展，制定本方案。\n一、总体要求\n坚持稳中求进。\n"
        "二、重点任务\n序号\t具体措施\t牵头单位\t配合单位\t完成时限\n（一）稳定粮食生产\n"
        "1\t完成播种面积50万亩。\t县农业农村局\t各乡镇人民政府\t2025年6月底前\n"
        "2\t建设高标准农田2万亩。\t县农业农村局\t县财政局\t2025年12月底前\n"
        "（二）发展特色产业\n3\t培育龙头企业5家。\t县农业农村局\t县市场监管局\t2025年底前\n"
        "三、保障措施\n（一）加强组织领导。各乡镇要成立工作专班。\n（二）强化督导考核。县政府督查室定期督查。\n"
    )
    plan = dict(parse_text(text))
    tasks = plan["sections"][1]
    assert tasks["text"] == "序号\t具体措施\t牵头单位\t配合单位\t完成时限"
    assert [(g["numeral"], g["title"]) for g in tasks["groups"]] == [("一", "稳定粮食生产"), ("二", "发展特色产业")]
    assert [(i["number"], i["group"]["numeral"], i["lead_units"], i["cooperating_units"]) for i in tasks["items"]] == [
        (1, "一", ["县农业农村局"], ["各乡镇人民政府"]),
        (2, "一", ["县农业农村局"], ["县财政局"]),
        (3, "二", ["县农业农村局"], ["县市场监管局"]),
    ]
    assert plan["sections"][2]["items"] == []  # 保障措施 frames the tasks: its entries are its text
    assert plan["sections"][2]["text"].startswith("（一）加强组织领导")
    assert plan["problems"] == []


def test_a_header_repeated_on_a_new_page_and_a_line_of_further_units_keep_the_table_going() -> None:
    text = (
        "某市2024年重点工作任务清单\n序号\t重点任务\t责任单位\t完成时限\n1\t做好甲项工作。\t市甲局\t2024年底前\n"
        "\t\t市乙局\t\n2\t做好乙项工作。\t市丙局\t2024年6月\n— 2 —\n序号\t重点任务\t责任单位\t完成时限\n"
        "3\t做好丙项工作。\t市丁局\t持续推进\n"
    )
    plan = dict(parse_text(text))
    assert plan["plan_title"] == "某市2024年重点工作任务清单"
    assert [(i["title"], i["lead_units"]) for s in plan["sections"] for i in s["items"]] == [
        ("做好甲项工作", ["市甲局", "市乙局"]),
        ("做好乙项工作", ["市丙局"]),
        ("做好丙项工作", ["市丁局"]),
    ]
    assert plan["problems"] == []


def test_a_flattened_row_missing_its_last_cell_or_running_over_lines() -> None:
    table = (
        "序号\n改革举措\n主要内容\n指导部门\n推广范围\n一、甲方面\n"
        "1\n甲举措\n整合资源，提高效率。\n省甲厅\n"  # 推广范围 dropped by the copy
        "2\n乙举措\n简化流程，\n压减时限。\n省乙厅\n全国\n"  # 主要内容 over two lines
        "二、乙方面\n3\n丙举措\n加强协同。\n省丙厅\n全国\n"
    )
    plan = _plan(table)
    items = [i for s in plan["sections"] for i in s["items"]]
    assert [(i["numeral"], i["title"], i["lead_units"]) for i in items] == [
        ("1", "甲举措", ["省甲厅"]),
        ("2", "乙举措", ["省乙厅"]),
        ("3", "丙举措", ["省丙厅"]),
    ]
    assert items[1]["text"].endswith("压减时限。\n省乙厅\n全国")
    assert [s["numeral"] for s in plan["sections"]] == ["一", "二"]


def test_wrapped_cells_keep_honest_spans_and_the_text_after_the_table() -> None:
    table = _table("space-aligned-cells-wrapped-joined-column-by-column")
    plan = _plan(table + "\n注：1．各项任务完成情况纳入年度考核。\n    2．每季度调度一次。\n")
    text = NOTICE.format(rule="") + table + "\n注：1．各项任务完成情况纳入年度考核。\n    2．每季度调度一次。\n"
    items = [i for s in plan["sections"] for i in s["items"]]
    assert [i["line"] for i in items] == [11, 14, 17]
    for item in items:
        assert text[slice(*item["span"])] == item["text"]
        assert item["text"].count("\n") == 1  # the row's line and the line its cells wrap onto
        start, end = item["lead_span"]
        assert not any(words in text[start:end] for words in ("以上，总产量", "普及率"))  # the task's, not the note's
        assert all(text[slice(*f["span"])] == f["text"] for n in item["notes"] for f in n["fields"])
    assert items[2]["lead_span"][1] == items[2]["span"][1]  # 康局 wrapped alone: the note's, to the row's end
    assert plan["closing"].startswith("注：1．")
    assert plan["problems"] == []


def test_a_line_of_further_units_under_a_whole_name_is_no_wrapped_name() -> None:
    # probe: a merged 序号 cell, further units on a line of their own, set by spaces as by tabs
    plan = _plan(
        "序号   重点任务              责任单位    完成时限\n"
        "1      做好甲项工作。        市甲局      2024年底前\n"
        "                             市乙局\n"
        "2      做好乙项工作。        市丙局      2024年6月\n"
    )
    assert [(i["title"], i["lead_units"]) for s in plan["sections"] for i in s["items"]] == [
        ("做好甲项工作", ["市甲局", "市乙局"]),
        ("做好乙项工作", ["市丙局"]),
    ]


def test_a_pipe_table_keeps_its_pipes_in_its_rows_and_its_words_in_its_cells() -> None:
    # probe: the category row's title took its empty cells; the last row read as cut off at its pipe
    table = _table("pipes-alignment-row-person-column-lead-and-shared-columns")
    text = NOTICE.format(rule="") + table + "各部门要对照台账抓好落实。\n"
    plan = dict(parse_text(text))
    assert [(s["numeral"], s["title"]) for s in plan["sections"]] == [("一", "推动经济持续向好")]
    items = plan["sections"][0]["items"]
    assert [i["text"][:6] for i in items] == ["| 1 | ", "| 2 | "]  # the row as printed
    for item in items:
        assert text[slice(*item["span"])] == item["text"]
        assert all(text[slice(*f["span"])] == f["text"] for n in item["notes"] for f in n["fields"])
    assert [f["text"] for f in items[0]["notes"][0]["fields"]] == ["2025年12月底前"]  # 责任领导 names no unit
    assert plan["closing"] == "各部门要对照台账抓好落实。"
    assert plan["problems"] == []


def test_a_line_with_a_pipe_is_no_table_without_a_header() -> None:
    text = "一、工作任务\n1 | 做好甲项工作。 | 省甲厅\n2 | 做好乙项工作。 | 省乙厅\n"
    assert find_table(text, LineIndex(text).lines) is None
