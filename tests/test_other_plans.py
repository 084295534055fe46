"""Plans of other shapes, provinces and years (tests/fixtures), and `zl check` on damaged copies."""

from __future__ import annotations

from collections.abc import Callable

from zhiliang_cli.cache import load_plan
from zhiliang_cli.records import ItemRecord, PlanRecord

from .conftest import FIXTURES, Result

Run = Callable[..., Result]


def _plan(name: str) -> PlanRecord:
    return load_plan(str(FIXTURES / name)).plan


def _items(plan: PlanRecord) -> list[ItemRecord]:
    return [i for s in plan["sections"] for i in s["items"]]


def test_three_level_shape_makes_numbered_tasks_the_items() -> None:
    plan = _plan("three_level.txt")
    items = _items(plan)
    assert [(i["number"], i["numeral"], i["group"]["title"] if i["group"] else None) for i in items] == [
        (1, "1", "推动产业质量升级"), (2, "2", "推动产业质量升级"), (3, "1", "夯实质量基础设施"),
        (4, "2", "夯实质量基础设施"), (5, "1", "加强组织领导"),
    ]  # fmt: skip
    assert items[0]["lead_units"] == ["市工信局", "市市场监管局"]
    assert items[1]["cooperating_units"] == ["市市场监管局", "各区、县级市人民政府"]
    assert "（2）推行食用农产品承诺达标合格证制度" in items[1]["text"]  # sub-points stay inside
    assert items[3]["lead_units"] == ["市市场监管局"] and items[3]["cooperating_units"] == ["市发改委", "市科技局"]
    first = plan["sections"][0]
    assert first["title"] == "总体要求" and first["items"] == []
    assert [(t["number_text"], t["item"], t["comparator"]) for t in first["targets"]] == [
        ("95%", None, ">="),
        ("10", None, "="),
    ]
    assert plan["recipients"] == ["各区、县级市人民政府", "市政府各部门", "各直属机构"]
    assert plan["problems"] == []


def test_other_province_with_eleven_sections() -> None:
    plan = _plan("province_2024.txt")
    assert [s["numeral"] for s in plan["sections"]][-2:] == ["十", "十一"]
    assert [i["numeral"] for i in _items(plan)][-2:] == ["十一", "十二"]
    assert plan["sections"][0]["title"] == "主要目标"
    assert plan["sections"][0]["text"] == "全年制造业产品质量合格率达到94%以上，新增品牌价值评价企业30家。"
    assert plan["published"] == "2024-02-20" and plan["doc_number"] == "某质强办发〔2024〕3号"
    assert plan["contact"] and plan["contact"]["email"] == "zhiliang@example.gov.cn"
    assert plan["problems"] == []


def test_check_names_what_a_truncated_copy_lost(zl: Run) -> None:
    result = zl("check", "--file", str(FIXTURES / "truncated.txt"))
    assert result.code == 1
    kinds = {p["kind"] for p in result.json()["problems"]}
    assert "truncated" in kinds
    assert any("三十" in p["message"] for p in result.json()["problems"])


def test_check_reports_every_kind_of_problem(zl: Run) -> None:
    result = zl("check", "--file", str(FIXTURES / "problems.txt"), "--format", "json")
    assert result.code == 1
    problems = result.json()["problems"]
    assert [(p["kind"], p["line"]) for p in problems] == [
        ("numbering", 7), ("repeat", 9), ("missing_lead", 9), ("numbering", 11), ("unassigned_text", 16),
    ]  # fmt: skip


def test_check_table_lists_one_line_per_problem(zl: Run) -> None:
    out = zl("check", "--file", str(FIXTURES / "problems.txt"), "--format", "table").out
    assert out.count("line ") == 5 and "5 problems" in out


def test_copy_from_print_with_wrapped_lines_and_page_numbers() -> None:
    plan = _plan("pdf_copy.txt")
    items = _items(plan)
    assert [(i["numeral"], i["title"], i["lead_units"], i["cooperating_units"]) for i in items] == [
        ("1", "提升农产品质量", ["县农业农村局"], []),
        ("2", "提升工业产品质量", ["县工信局"], ["县市场监管局"]),
        ("3", "加强计量能力建设", ["县市场监管局"], []),
        ("4", "推进标准化建设", ["县市场监管局"], ["县科技局"]),
    ]
    assert [(t["number_text"], t["comparator"]) for t in items[1]["targets"]] == [("30", ">=")]
    assert "— 1 —" not in items[1]["text"] and plan["problems"] == []


def test_three_level_group_without_tasks_is_a_task_itself() -> None:
    plan = _plan("three_level_mixed.txt")
    items = _items(plan)
    assert [(i["numeral"], i["title"], i["lead_units"]) for i in items] == [
        ("1", "提升制造业质量水平", ["市工信局"]),
        ("2", "强化农产品质量安全", ["市农业农村局"]),
        ("二", "加强宣传引导", ["市委宣传部"]),
        ("1", "加强标准化建设", ["市市场监管局"]),
    ]
    assert [g["title"] for g in plan["sections"][0]["groups"]] == ["推动产业质量升级", "夯实质量基础"]
    assert plan["problems"] == []


def test_province_plan_whose_notice_says_the_first_unit_leads() -> None:
    plan = _plan("guangdong_style.txt")
    assert plan["doc_number"] == "粤质强办〔2024〕8号" and plan["date"] == "2024-04-10"
    assert plan["published"] == "2024-04-15" and plan["plan_title"] == "2024年广东省质量强省工作要点"
    assert plan["recipients"] == ["各地级以上市人民政府", "省质量强省工作领导小组各成员单位"]
    items = _items(plan)
    assert [(i["numeral"], i["lead_units"], i["cooperating_units"]) for i in items] == [
        ("1", ["省市场监管局"], ["省工业和信息化厅"]),
        ("2", ["省市场监管局"], []),
        ("3", ["省市场监管局"], ["省农业农村厅", "省卫生健康委"]),
        ("4", ["省市场监管局"], ["省发展改革委"]),
    ]
    assert [(t["number_text"], t["comparator"]) for t in items[1]["targets"]] == [("20", "="), ("200", ">=")]
    assert plan["problems"] == []


def test_notice_that_numbers_its_own_paragraphs_before_the_attached_plan() -> None:
    plan = _plan("notice_with_numbered_body.txt")
    assert plan["plan_title"] == "某某市2025年质量工作要点" and plan["date"] == "2025-02-28"
    assert [s["title"] for s in plan["sections"]] == ["提升产品质量", "提升服务质量"]
    assert [i["cooperating_units"] for i in _items(plan)] == [[], ["市商务局"]]
    assert plan["problems"] == []


def test_items_numbered_with_bracketed_digits_right_under_sections() -> None:
    plan = _plan("bracketed_digit_items.txt")
    assert [(i["numeral"], i["title"], i["lead_units"]) for i in _items(plan)] == [
        ("1", "加强抽查", ["市市场监管局"]),
        ("2", "开展监测", ["市商务局"]),
        ("3", "建设标准", ["市市场监管局"]),
    ]
    assert plan["problems"] == []


def test_notice_title_set_on_two_lines_is_joined() -> None:
    plan = _plan("two_line_title.txt")
    assert plan["title"] == "某省质量强省工作领导小组办公室关于印发《2024年某省质量强省工作要点》的通知"
    assert plan["plan_title"] == "2024年某省质量强省工作要点" and plan["date"] == "2024-03-01"


def test_markers_alone_on_their_lines_take_the_next_line_as_title() -> None:
    plan = _plan("bare_markers.txt")
    text = (FIXTURES / "bare_markers.txt").read_text(encoding="utf-8")
    first = plan["sections"][0]
    assert first["title"] == "提升产品质量" and text[first["span"][0] : first["span"][1]] == "一、\n提升产品质量"
    assert [(i["title"], i["lead_units"]) for i in _items(plan)] == [
        ("加强监督抽查", ["市市场监管局"]),
        ("提升服务", ["市商务局"]),
    ]


def test_show_takes_a_number_or_a_marker_printed_once(zl: Run) -> None:
    """Numbers restart in each group of the three-level fixture: 3 is the third item, 1. is
    printed before three of them, and 三 before none (so it is read as the number)."""
    path = str(FIXTURES / "three_level.txt")
    third = zl("show", "3", "--file", path).json()
    assert (third["number"], third["numeral"]) == (3, "1")
    assert zl("show", "三", "--file", path).json() == third
    ambiguous = zl("show", "1.", "--file", path)
    assert ambiguous.code == 2
    assert ambiguous.err == "Error: 1. is printed before 3 items (numbers 1, 3, 5): give the item's number\n"


def test_check_reports_a_note_no_item_holds_and_a_role_word_in_a_name() -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    text = (
        "一、总则\n"
        "加强统筹。（责任单位：市发展改革委）\n"
        "（一）甲。（责任单位：市科技局）\n"
        "（二）乙。（牵头单位：市商务局负责统筹）\n"
    )
    problems = [(p["kind"], p["line"]) for p in parse_text(text)["problems"]]
    assert ("section_note", 2) in problems
    assert ("suspicious_unit", 4) in problems


def test_a_notice_that_forwards_a_notice_is_signed_by_its_own_issuer() -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    text = (
        "某省住房和城乡建设厅关于转发《住房和城乡建设部办公厅关于印发燃气管道更新改造工作方案的通知》的通知\n"
        "某建城函〔2024〕21号\n各设区市住房和城乡建设局：\n现将通知转发给你们，请认真贯彻落实。\n"
        "某某省住房和城乡建设厅\n2024年3月20日\n（此件主动公开）\n附件\n"
        "住房和城乡建设部办公厅关于印发燃气管道更新改造工作方案的通知\n建办城〔2024〕8号\n各省住房和城乡建设厅：\n"
        "现将方案印发给你们。\n住房和城乡建设部办公厅\n2024年3月1日\n（此件公开发布）\n"
        "燃气管道更新改造工作方案\n一、主要任务\n（一）更新管道。更新改造管道10万公里以上。（城市建设司负责）\n"
    )
    plan = parse_text(text)
    assert (plan["doc_number"], plan["issuers"], plan["date"], plan["note"]) == (
        "某建城函〔2024〕21号",
        ["某某省住房和城乡建设厅"],
        "2024-03-20",
        "此件主动公开",
    )
    assert [i["lead_units"] for s in plan["sections"] for i in s["items"]] == [["城市建设司"]]


def test_a_heading_that_ends_with_a_colon_is_no_recipient() -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    plan = parse_text("某县2025年重点任务清单\n主要目标：\n一、重点任务\n（一）建设平台。（责任单位：县科技局）\n")
    assert plan["recipients"] == []
