"""zl diff on editions made the way an office makes next year's plan (tests/editions.py):
each case states what must be reported, and keeps the whole report beside it as a golden
file (tests/fixtures/diff/, `pytest --update-golden` rewrites them)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from zhiliang_cli.diff import Diff, diff_plans, normalize, target_status, word_diff
from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.records import PlanRecord
from zhiliang_cli.source import BUNDLED_PLAN, sha256_hex

from .conftest import FIXTURES
from .editions import Edition

GOLDEN_DIR = FIXTURES / "diff"
#: Sections 一 to 三 of the 2023 plan (items 1 to 23): enough for every kind of edit,
#: small enough for golden files a reviewer can read.
EXCERPT_END = "  四、实施福建建造质量提升工程"


def excerpt() -> str:
    text = BUNDLED_PLAN.read_text(encoding="utf-8")
    return text[: text.index(EXCERPT_END)]


def parse(text: str) -> PlanRecord:
    return parse_text(text)


def run_diff(old: str, new: str, name: str) -> Diff:
    files = ((f"{name}/old.txt", sha256_hex(old.encode())), (f"{name}/new.txt", sha256_hex(new.encode())))
    return diff_plans(parse(old), parse(new), old_file=files[0], new_file=files[1])


def by_status(result: Diff, status: str) -> list[dict[str, Any]]:
    return [dict(i) for i in result.record["items"] if i["status"] == status]


@dataclass
class Case:
    """An edition made by ``edit``, and what the diff must say of it."""

    edit: Callable[[Edition], Edition]
    removed: list[int] = field(default_factory=list)  # OLD numbers
    added: list[str] = field(default_factory=list)  # NEW titles
    changed: dict[int, list[str]] = field(default_factory=dict)  # OLD number -> changes
    moved: list[int] = field(default_factory=list)
    targets: list[tuple[int, str, str | None, str | None]] = field(default_factory=list)  # OLD item, status, old, new


NEW_ITEM = ("推动制造业数字化转型", "实施制造业数字化转型行动,培育智能制造示范企业20家以上。", "省工信厅")

CASES: dict[str, Case] = {
    "dropped": Case(lambda e: e.drop(3).drop(10), removed=[3, 10]),
    "added": Case(
        lambda e: e.add(1, 0, *NEW_ITEM).add(
            3, 5, "加强质量基础设施互联互通", "推进计量、标准、认证认可、检验检测一体化服务。", "省市场监管局"
        ),
        added=["推动制造业数字化转型", "加强质量基础设施互联互通"],
    ),
    "merged": Case(lambda e: e.merge(5, into=4), removed=[5], changed={4: ["text"]}),
    "moved": Case(
        lambda e: e.move(17, 3).move(2, 2, at=0),
        changed={17: ["section"], 2: ["section"]},
        moved=[2, 17],
    ),
    "retitled": Case(
        lambda e: e.retitle(2, "全面提升林产品质量安全水平").retitle(19, "打造区域质量发展示范"),
        changed={2: ["title"], 19: ["title"]},
    ),
    "leads": Case(
        lambda e: e.leads(6, "省卫健委、省市场监管局").leads(12, "省发改委"),
        changed={6: ["leads"], 12: ["leads"]},
    ),
    "numbers": Case(
        lambda e: (
            e.replace(1, "10项以上", "15项以上")
            .replace(1, "50万批次", "40万批次")
            .replace(1, "推动赋码出证500万批次以上", "力争赋码出证500万批次以上")
            .replace(1, "、监督抽查和风险监测6万批次以上", "")
            .replace(18, "组织赴省外举办1-2场", "组织赴省外举办2-3场")
            .replace(21, "以融合化发展路径", "新培育省级战略性新兴产业集群3个,以融合化发展路径")
        ),
        changed={1: ["text", "targets"], 18: ["text", "targets"], 21: ["text", "targets"]},
        targets=[
            (1, "raised", "10", "15"),
            (1, "lowered", "50万", "40万"),
            (1, "removed", "6万", None),
            (1, "changed", "500万", "500万"),
            (18, "raised", "1-2", "2-3"),
            (21, "added", None, "3"),
        ],
    ),
    "reworded": Case(
        lambda e: e.replace(12, "支持新能源汽车购买使用", "鼓励新能源汽车消费").replace(14, "鼓励发展", "大力发展"),
        changed={12: ["text"], 14: ["text"]},
    ),
    "renumbered": Case(lambda e: e.swap_sections(1, 3).rename_section(2, "深入实施重点领域质量提升行动")),
    "next_year": Case(
        lambda e: (
            e.drop(3)
            .merge(5, into=4)
            .move(17, 3)
            .retitle(2, "全面提升林产品质量安全水平")
            .leads(6, "省卫健委、省市场监管局")
            .replace(1, "10项以上", "12项以上")
            .add(2, 1, *NEW_ITEM)
            .rename_section(1, "深入实施重点产品质量提升行动")
            .replace(8, "突出问题导向,", "坚持问题导向,聚焦")
        ),
        removed=[3, 5],
        added=["推动制造业数字化转型"],
        changed={4: ["text"], 17: ["section"], 2: ["title"], 6: ["leads"], 1: ["text", "targets"], 8: ["text"]},
        moved=[17],
        targets=[(1, "raised", "10", "12")],
    ),
}


def edition(name: str) -> tuple[str, str]:
    old = excerpt()
    return old, str(CASES[name].edit(Edition.read(old)))


@pytest.mark.parametrize("name", list(CASES))
def test_case_reports_what_was_done(name: str) -> None:
    case = CASES[name]
    old, new = edition(name)
    result = run_diff(old, new, name)
    items = result.record["items"]
    assert [i["old_number"] for i in by_status(result, "removed")] == case.removed
    assert [i["new_title"] for i in by_status(result, "added")] == case.added
    assert {i["old_number"]: i["changes"] for i in by_status(result, "changed")} == case.changed
    assert sorted(i["old_number"] for i in items if "section" in i["changes"]) == case.moved
    reported = [
        (i["old_number"], t["status"], t["old"] and t["old"]["number_text"], t["new"] and t["new"]["number_text"])
        for i in items
        for t in i["targets"]
    ]
    assert sorted(reported, key=str) == sorted(case.targets, key=str)
    # every item kept is paired with its partner: the same title or, if retitled, the same text
    for i in by_status(result, "same"):
        assert i["old_title"] == i["new_title"] and i["similarity"] == 1.0
    summary = result.record["summary"]
    assert summary["removed"] == len(case.removed) and summary["added"] == len(case.added)
    assert summary["same"] + summary["changed"] + summary["removed"] == 23
    assert summary["moved"] == len(case.moved)


@pytest.mark.parametrize("name", list(CASES))
def test_case_golden(name: str, request: pytest.FixtureRequest) -> None:
    old, new = edition(name)
    actual = run_diff(old, new, name).record
    path = GOLDEN_DIR / f"{name}.json"
    if request.config.getoption("--update-golden"):
        GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == actual


def test_items_come_in_new_order_with_removed_where_they_stood() -> None:
    old, new = edition("next_year")
    items = run_diff(old, new, "next_year").record["items"]
    assert [(i["old_number"], i["new_number"]) for i in items[:8]] == [
        (1, 1), (2, 2), (3, None), (4, 3), (5, None), (6, 4), (7, 5), (8, 6),
    ]  # fmt: skip
    new_numbers = [i["new_number"] for i in items if i["new_number"] is not None]
    assert new_numbers == sorted(new_numbers) == list(range(1, len(new_numbers) + 1))


def test_renumbered_items_are_the_same() -> None:
    """Every item renumbered (a dropped first item shifts all) and sections swapped: only the drop shows."""
    old = excerpt()
    new = str(Edition.read(old).drop(1).swap_sections(2, 3))
    result = run_diff(old, new, "shifted")
    assert result.record["summary"] == {"same": 22, "changed": 0, "added": 0, "removed": 1, "moved": 0}
    pairs = {i["old_number"]: i["new_number"] for i in result.record["items"]}
    assert pairs[2] == 1 and pairs[15] == 19 and pairs[19] == 14


def _sentences(*keys: int) -> list[str]:
    """The first sentence after the title of each item of the excerpt: unrelated texts."""
    items = Edition.read(excerpt())
    return [items.item(k).sentences.split("。")[0] + "。" for k in keys]


# Bug caught: sections were known by their numbers, which start again in a notice that
# issues two regulations; an item moved from the first 一、 to the second was "same".
TWO_REGULATIONS = """某市2025年工作要点
为推动发展，制定本要点。
一、产业政策
（一）加强市场监管。开展市场秩序专项整治行动，新增企业20家以上。（牵头单位：省厅）
（二）优化营商环境。深化商事制度改革，推行企业开办一网通办。（牵头单位：省局）
二、人才政策
（三）引进高层次人才。实施人才引进计划，引进博士50名。（牵头单位：省人社厅）
进一步支持企业发展的规定
为进一步支持企业发展，特制定以下规定。
一、财税政策
（四）落实减税降费。全面落实各项减税降费政策，全年减税5亿元。（牵头单位：省税务局）
二、金融政策
（五）加大信贷支持。引导金融机构加大对小微企业的信贷投放。（牵头单位：省金融局）
"""


def test_a_move_between_sections_of_one_number_is_a_move() -> None:
    moving = "（二）优化营商环境。深化商事制度改革，推行企业开办一网通办。（牵头单位：省局）\n"
    new = TWO_REGULATIONS.replace(moving, "").replace("一、财税政策\n", "一、财税政策\n" + moving)
    result = run_diff(TWO_REGULATIONS, new, "two_regulations")
    assert [s["number"] for s in parse(new)["sections"]] == [1, 2, 1, 2]  # the shape that caught it
    assert result.record["summary"] == {"same": 4, "changed": 1, "added": 0, "removed": 0, "moved": 1}
    (k,) = [k for k, i in enumerate(result.record["items"]) if i["status"] == "changed"]
    assert result.record["items"][k]["changes"] == ["section"]
    assert (result.section_heading(k, "old"), result.section_heading(k, "new")) == ("一、产业政策", "一、财税政策")
    assert run_diff(TWO_REGULATIONS, TWO_REGULATIONS, "same").differs is False


def test_pairing_is_global_not_greedy() -> None:
    """NEW's first item is most like OLD's second, but OLD's first is like it too, and OLD's
    second is the only partner NEW's second can have: first-come greedy pairing would take
    (乙, 丙) and strand both others; the assignment pairs (甲, 丙) and (乙, 丁)."""
    p, q, r, s = _sentences(12, 14, 19, 21)
    old = f"一、总体要求\n（一）甲甲甲。{p}{q}\n（二）乙乙乙。{p}{q}{r}\n"
    new = f"一、总体要求\n（一）丙丙丙。{p}{q}{r}新增\n（二）丁丁丁。{q}{r}{s}\n"
    result = diff_plans(parse(old), parse(new), threshold=0.3)
    assert [(i["old_title"], i["new_title"]) for i in result.record["items"]] == [
        ("甲甲甲", "丙丙丙"),
        ("乙乙乙", "丁丁丁"),
    ]


def test_retitled_and_reworded_item_still_finds_its_partner() -> None:
    old = Edition.read(excerpt())
    new = old.copy().retitle(12, "促进大宗消费提质扩容").replace(12, "加快活跃二手车市场", "搞活二手车流通")
    [item] = [i for i in run_diff(str(old), str(new), "x").record["items"] if i["old_number"] == 12]
    assert item["new_number"] == 12 and item["changes"] == ["title", "text"] and 0.5 < item["similarity"] < 1


def test_threshold_decides_what_pairs() -> None:
    old = Edition.read(excerpt())
    new = old.copy().retitle(12, "促进大宗消费提质扩容")
    strict = diff_plans(parse(str(old)), parse(str(new)), threshold=0.99).record["summary"]
    assert (strict["added"], strict["removed"]) == (1, 1)
    default = diff_plans(parse(str(old)), parse(str(new))).record["summary"]
    assert (default["added"], default["removed"], default["changed"]) == (0, 0, 1)


def test_only_filters_the_items_and_keeps_the_summary() -> None:
    old, new = edition("next_year")
    result = run_diff(old, new, "next_year")
    added = result.only(["added"])
    assert [i["status"] for i in added.record["items"]] == ["added"]
    assert added.record["summary"] == result.record["summary"]
    assert [i["old_number"] for i in result.only(["moved"]).record["items"]] == [17]
    assert not result.only(["same"]).differs and result.differs


# --- the pieces --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "runs"),
    [
        ("加强质量监管", "加强质量监管", [("=", "加强质量监管")]),
        ("标准10项", "标准12项", [("=", "标准"), ("-", "10"), ("+", "12"), ("=", "项")]),
        ("推动发展", "推动高质量发展", [("=", "推动"), ("+", "高质量"), ("=", "发展")]),
        ("ISO 9001认证", "ISO 14001认证", [("=", "ISO"), ("-", " 9001"), ("+", " 14001"), ("=", "认证")]),
        ("", "新增", [("+", "新增")]),
        ("删除", "", [("-", "删除")]),
        ("加强林产品质量保障", "全面提升林产品质量安全", [("-", "加强"), ("+", "全面提升"), ("=", "林产品质量"),
                                                         ("-", "保障"), ("+", "安全")]),
        ("一二三", "一二\n  三", [("=", "一二三")]),
        ("（一）（二）", "(一)(二)", [("=", "(一)(二)")]),
    ],
    ids=["equal", "number", "insertion", "latin words", "all new", "all gone", "reworded", "line wrap",
         "full-width"],
)  # fmt: skip
def test_word_diff(old: str, new: str, runs: list[tuple[str, str]]) -> None:
    assert word_diff(old, new) == runs


def _target(**kw: Any) -> dict[str, Any]:
    base = {"value": 10, "low": None, "high": None, "comparator": ">=", "change": None, "aspirational": False}
    return {**base, "by": None, **kw}


@pytest.mark.parametrize(
    ("old", "new", "status"),
    [
        (_target(), _target(value=12), "raised"),
        (_target(), _target(value=8), "lowered"),
        (_target(), _target(), None),
        (_target(), _target(comparator="="), "changed"),
        (_target(), _target(aspirational=True), "changed"),
        (_target(), _target(change="increase"), "changed"),
        (_target(), _target(by={"text": "到2025年", "span": [0, 5], "date": "2025-12-31"}), "changed"),
        (
            _target(by={"text": "到2025年", "span": [0, 5], "date": "2025-12-31"}),
            _target(by={"text": "2025年底前", "span": [9, 16], "date": "2025-12-31"}),
            None,
        ),
        (_target(value=None, low=1, high=2, comparator="range"), _target(value=None, low=2, high=3, comparator="range"),
         "raised"),
        (_target(value=None, low=1, high=2, comparator="range"), _target(value=None, low=1, high=1.5,
                                                                         comparator="range"), "lowered"),
        (_target(value=None, low=1, high=3, comparator="range"), _target(value=2, comparator="="), "changed"),
        (_target(value=None, low=1, high=2, comparator="range"), _target(value=3), "raised"),
    ],
    ids=["raised", "lowered", "same", "comparator", "aspiration", "direction", "horizon set", "same horizon",
         "range raised", "range lowered", "range to inside", "range to above"],
)  # fmt: skip
def test_target_status(old: dict[str, Any], new: dict[str, Any], status: str | None) -> None:
    assert target_status(old, new) == status  # type: ignore[arg-type]
    mirrored = {"raised": "lowered", "lowered": "raised"}.get(status or "", status)
    assert target_status(new, old) == mirrored  # type: ignore[arg-type]


def test_normalize_removes_what_is_not_a_change() -> None:
    assert (
        normalize("（一）　加强，\r\n质量：ＡＢ１２％") == normalize("(一) 加强,\n质量:AB12%") == "(一)加强,质量:AB12%"
    )


# --- the plan outside its items (issue 18) ---------------------------------------------------

FOUR_LEVELS = Path(__file__).parent / "genre" / "21_four_levels_plan_signed.txt"  # preamble goals, a closing
THREE_LEVEL = FIXTURES / "three_level.txt"  # targets in section 一's own text


@dataclass
class PlanCase:
    """An edition made by replacing text in ``source``, and what the diff must say of it."""

    source: Path
    edits: list[tuple[str, str]]
    plan: list[str] = field(default_factory=list)  # the plan's changes
    sections: dict[int, list[str]] = field(default_factory=dict)  # OLD section -> changes
    targets: list[tuple[str | int, str, str | None, str | None]] = field(default_factory=list)  # place, status, …
    items: dict[int, list[str]] = field(default_factory=dict)  # OLD item -> changes


PLAN_CASES: dict[str, PlanCase] = {
    "plan_headline_goal": PlanCase(
        FOUR_LEVELS,
        [("全县粮食总产量稳定在40万吨以上", "全县粮食总产量稳定在45万吨以上")],
        plan=["preamble", "targets"],
        targets=[("preamble", "raised", "40万", "45万")],
    ),
    "plan_headline_goal_only_strived_for": PlanCase(
        FOUR_LEVELS,
        [("农村居民人均可支配收入增长7.5%左右", "力争农村居民人均可支配收入增长7.5%左右")],
        plan=["preamble", "targets"],
        targets=[("preamble", "changed", "7.5%", "7.5%")],
    ),
    "plan_section_renamed": PlanCase(
        FOUR_LEVELS,
        [("二、扎实推进宜居宜业和美乡村建设", "二、全面推进宜居宜业和美乡村建设")],
        sections={2: ["title"]},
    ),
    "plan_closing_edited": PlanCase(
        FOUR_LEVELS, [("本方案自印发之日起施行。", "本方案自2024年4月1日起施行。")], plan=["closing"]
    ),
    "plan_section_text_target": PlanCase(
        THREE_LEVEL,
        [("新增省级以上质量奖获奖企业10家", "新增省级以上质量奖获奖企业20家")],
        sections={1: ["text", "targets"]},
        targets=[("section 1", "raised", "10", "20")],
    ),
    "plan_next_year_same_words": PlanCase(FOUR_LEVELS, [("2024", "2025")], plan=["preamble"]),
}


def plan_edition(name: str) -> tuple[str, str]:
    case = PLAN_CASES[name]
    old = new = case.source.read_text(encoding="utf-8")
    for before, after in case.edits:
        assert before in new, before
        new = new.replace(before, after)
    return old, new


@pytest.mark.parametrize("name", list(PLAN_CASES))
def test_the_whole_plan_is_compared(name: str) -> None:
    case = PLAN_CASES[name]
    result = run_diff(*plan_edition(name), name)
    record = result.record
    assert record["plan"]["changes"] == case.plan
    assert {s["old_number"]: s["changes"] for s in record["sections"] if s["status"] != "same"} == case.sections
    assert {i["old_number"]: i["changes"] for i in record["items"] if i["status"] != "same"} == case.items
    assert [
        (row["item"], row["status"], *(t and t["number_text"] for t in (change["old"], change["new"])))
        for row, change in zip(
            result.target_rows(),
            [*record["plan"]["targets"], *(t for s in record["sections"] for t in s["targets"]),
             *(t for i in record["items"] for t in i["targets"])],
            strict=True,
        )
    ] == case.targets  # fmt: skip
    assert result.differs


@pytest.mark.parametrize("name", list(PLAN_CASES))
def test_the_whole_plan_golden(name: str, request: pytest.FixtureRequest) -> None:
    actual = run_diff(*plan_edition(name), name).record
    path = GOLDEN_DIR / f"{name}.json"
    if request.config.getoption("--update-golden"):
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == actual


def test_a_relative_horizon_in_next_year_edition_is_not_a_change() -> None:
    """年内 ends on 2024-12-31 in one edition and on 2025-12-31 in the next: the same words."""
    old, new = plan_edition("plan_next_year_same_words")
    olds, news = (
        [t["by"] for s in parse(text)["sections"] for i in s["items"] for t in i["targets"] if t["by"]]
        for text in (old, new)
    )
    assert [b["text"] for b in olds] == [b["text"] for b in news] == ["年内"]
    assert olds[0]["date"] != news[0]["date"]  # the case is what it says
    assert not [t for i in run_diff(old, new, "year").record["items"] for t in i["targets"]]


def test_only_keeps_the_plan_under_changed() -> None:
    result = run_diff(*plan_edition("plan_headline_goal"), "only")
    assert result.only(["changed"]).record["plan"]["changes"] == ["preamble", "targets"]
    assert result.only(["added"]).record["plan"] == {"changes": [], "targets": []}
    assert not result.only(["added"]).differs


def test_golden_files_are_all_used() -> None:
    assert sorted(p.stem for p in GOLDEN_DIR.glob("*.json")) == sorted([*CASES, *PLAN_CASES])


def test_no_golden_input_is_a_plan_fixture() -> None:
    """test_golden.py parses every tests/fixtures/**/*.txt: the diff goldens hold none."""
    assert not list(Path(GOLDEN_DIR).glob("**/*.txt"))


PLAN_FIXTURES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", PLAN_FIXTURES, ids=[p.stem for p in PLAN_FIXTURES])
def test_every_fixture_against_its_full_width_crlf_copy(path: Path) -> None:
    from zhiliang_cli.cache import load_plan

    from .variants import crlf, full_width

    loaded = load_plan(str(path))
    copy = parse_text(crlf(full_width(path.read_bytes().decode(loaded.encoding))))
    result = diff_plans(loaded.plan, copy)
    assert not result.differs and result.record["summary"]["same"] == len(result.record["items"]) > 0


@pytest.mark.parametrize("path", [BUNDLED_PLAN, *PLAN_FIXTURES], ids=["plan_2023", *(p.stem for p in PLAN_FIXTURES)])
def test_the_default_threshold_keeps_distinct_items_apart(path: Path) -> None:
    """No two distinct items of a real plan are as alike as the default threshold asks."""
    from zhiliang_cli import pairing
    from zhiliang_cli.cache import load_plan

    items = pairing.compared_items(load_plan(str(path)).plan)
    alike = pairing.similarities(items, items, pairing.THRESHOLD)
    assert sorted(alike) == [(k, k) for k in range(len(items))]
