"""zl progress: filled ledgers read back and judged.  Round trips (write, fill as a unit
would with openpyxl, read back), a table of cases for every comparator, change and bad
value, split ledgers merged, conflicts, a ledger of another plan, WPS/Excel-style edits,
and the command's output and errors."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhiliang_cli import render
from zhiliang_cli.cache import LoadedPlan, load_plan
from zhiliang_cli.entries import Invalid, Unit, read_entry
from zhiliang_cli.errors import InputError
from zhiliang_cli.ledger import NO_LEAD, write_ledger, written_scale
from zhiliang_cli.progress import is_met, judge_ledgers
from zhiliang_cli.workbook import display_width

from .conftest import FIXTURES, Result, one_error_line
from .workbooks import assert_no_formula, columns, fill, sheet_values, write_plan

Run = Callable[..., Result]
GOLDEN = FIXTURES / "ledger" / "small_plan_progress.json"
NOW = dt.datetime(2025, 6, 30, 12, 0)

# The small plan's targets (tests/workbooks.py):
#   1-1 不少于 10 家    1-2 多于 20 个     1-3 不超过 0.2 (no unit)   1-4 不超过 5 %
#   1-5 约 100 人       1-6 区间 3–5 项    1-7 减少达到 3 %           1-8 提高不少于 10 %
#   1-9 力争达到 50 个  2-1 少于 30 次
# Each case: (指标编号, what the unit typed, whether the cell is formatted as a percentage, status).
CASES: list[tuple[str, Any, bool, str]] = [
    # >= : at or above
    ("1-1", 10, False, "met"),
    ("1-1", 9, False, "unmet"),
    ("1-1", 10.0, False, "met"),
    ("1-1", 9.99, False, "unmet"),
    ("1-1", "12", False, "met"),  # a number typed as text
    ("1-1", " １２ ", False, "met"),  # full-width digits, spaces
    ("1-1", "12家", False, "met"),  # the target's own unit
    ("1-1", "1,200", False, "met"),
    ("1-1", "1万", False, "met"),
    ("1-1", "0.0009万", False, "unmet"),
    ("1-1", "12个", False, "invalid"),  # another unit
    ("1-1", "十二", False, "met"),  # Chinese numerals, said in a warning
    ("1-1", "12左右", False, "met"),  # about 12, said in a warning
    ("1-1", "1.2.3", False, "invalid"),
    ("1-1", True, False, "invalid"),
    ("1-1", NOW, False, "invalid"),
    ("1-1", None, False, "unreported"),
    ("1-1", "   ", False, "unreported"),
    ("1-1", 0.12, True, "invalid"),  # 12% typed where the target counts 家
    # > : above
    ("1-2", 20, False, "unmet"),
    ("1-2", 20.5, False, "met"),
    ("1-2", 21, False, "met"),
    # <= with no unit: at or below
    ("1-3", 0.2, False, "met"),
    ("1-3", 0.21, False, "unmet"),
    ("1-3", "0.15", False, "met"),
    ("1-3", "0.15%", False, "invalid"),
    # <= in %: a percentage cell is read as its percent
    ("1-4", 5, False, "met"),
    ("1-4", 5.1, False, "unmet"),
    ("1-4", "5%", False, "met"),
    ("1-4", "5％", False, "met"),
    ("1-4", 0.05, True, "met"),
    ("1-4", 0.07, True, "unmet"),
    ("1-4", "5家", False, "invalid"),
    # ~ : within 5% either way
    ("1-5", 100, False, "met"),
    ("1-5", 95, False, "met"),
    ("1-5", 105, False, "met"),
    ("1-5", 94.9, False, "unmet"),
    ("1-5", 105.1, False, "unmet"),
    # range: at or above the lower bound
    ("1-6", 3, False, "met"),
    ("1-6", 2, False, "unmet"),
    ("1-6", 6, False, "met"),
    # a decrease: 完成值 is the reduction achieved, positive
    ("1-7", 3, False, "met"),
    ("1-7", 2.9, False, "unmet"),
    ("1-7", 4, False, "met"),
    ("1-7", -1, False, "unmet"),  # it went up instead
    ("1-7", "3%", False, "met"),
    ("1-7", "\u22121", False, "unmet"),  # bug caught: − (U+2212), as Word prints it, was invalid
    # an increase, at least
    ("1-8", 10, False, "met"),
    ("1-8", 9.99, False, "unmet"),
    ("1-8", 0.1, True, "met"),
    # = (a count to reach), aspirational: at or above
    ("1-9", 50, False, "met"),
    ("1-9", 60, False, "met"),
    ("1-9", 49, False, "unmet"),
    # < : below
    ("2-1", 29, False, "met"),
    ("2-1", 30, False, "unmet"),
    ("2-1", "29次", False, "met"),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadedPlan, Path]:
    """The small plan and its whole ledger, written once."""
    folder = tmp_path_factory.mktemp("small")
    loaded = load_plan(str(write_plan(folder)))
    ledger = folder / "台账.xlsx"
    write_ledger(loaded, str(ledger))
    return loaded, ledger


def _copy(ledger: Path, folder: Path, name: str = "filled.xlsx") -> Path:
    out = folder / name
    shutil.copy(ledger, out)
    return out


def _statuses(data: dict) -> dict[str, str]:
    return {t["id"]: t["status"] for t in data["targets"]}


def test_every_comparator_change_and_bad_value(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    """The cases in rounds: each round fills every target with its next case."""
    loaded, ledger = small
    by_id: dict[str, list[tuple[Any, bool, str]]] = {}
    for key, typed, percent, status in CASES:
        by_id.setdefault(key, []).append((typed, percent, status))
    expected, actual = {}, {}
    for n in range(max(len(cases) for cases in by_id.values())):
        chosen = {key: cases[n] for key, cases in by_id.items() if n < len(cases)}
        path = fill(
            _copy(ledger, tmp_path, f"round{n}.xlsx"),
            targets={key: typed for key, (typed, _, _) in chosen.items()},
            percent=frozenset(key for key, (_, percent, _) in chosen.items() if percent),
        )
        judged = _statuses(judge_ledgers([str(path)], loaded).data)
        for key, (typed, percent, status) in chosen.items():
            case = f"{key} {typed!r}{' as %' if percent else ''}"
            expected[case], actual[case] = status, judged[key]
    assert actual == expected


#: For each comparator, a value that meets a goal and one that does not.
MEETS = {">=": (0, -1), ">": (1, 0), "=": (0, -1), "range": (0, -1), "<=": (0, 1), "<": (-1, 0), "~": (0, 1)}


NUMBERS = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
UNITS = st.sampled_from(["", "%", "家", "批次", "元", "个"])


@given(NUMBERS, UNITS, st.sampled_from(["{n}", " {n} ", "{n}{unit}", "{n} {unit}", "{comma}", "{wide}"]))
def test_a_number_typed_as_text_reads_as_the_number(number: Any, unit: str, form: str) -> None:
    n = f"{number:f}"
    comma = f"{number:,f}"
    wide = n.translate(str.maketrans("0123456789.-", "０１２３４５６７８９．－"))
    reading = read_entry(form.format(n=n, unit=unit, comma=comma, wide=wide), False, Unit(unit))
    assert reading.value == number and reading.why == ()


@given(NUMBERS, st.sampled_from(["家", "个"]), st.sampled_from(["%", "万家", "个家", "批"]))
def test_another_unit_is_invalid(number: Any, unit: str, other: str) -> None:
    if other.endswith(unit) and other[: -len(unit)] in ("万", ""):
        return
    with pytest.raises(Invalid):
        read_entry(f"{number:f}{other}", False, Unit(unit))


@given(
    st.sampled_from([">=", ">", "=", "range", "<=", "<", "~"]),
    st.decimals(min_value=1, max_value=10**6, places=1),
    NUMBERS,
    NUMBERS,
)
def test_judging_is_monotone(comparator: str, goal: Any, a: Any, b: Any) -> None:
    """More is never worse for an at-least target, less never worse for an at-most one."""
    target = {"comparator": comparator, "value": float(goal), "low": float(goal), "high": float(goal) * 2}
    low, high = sorted((a, b))
    if comparator in (">=", ">", "=", "range"):
        assert not is_met(target, low) or is_met(target, high)
    elif comparator in ("<=", "<"):
        assert not is_met(target, high) or is_met(target, low)
    else:
        assert is_met(target, goal) and not is_met(target, goal * 2)


def test_round_trip_of_the_bundled_plan(tmp_path: Path, zl: Run) -> None:
    """Write, fill every target as a unit would (every other one short), read back:
    each status is the one the rule gives."""
    ledger = tmp_path / "台账.xlsx"
    assert zl("ledger", "-o", str(ledger)).code == 0
    typed: dict[str, Any] = {}
    read: dict[str, Any] = {}
    expected: dict[str, str] = {}
    seen: dict[int, int] = {}
    for k, t in enumerate(zl("targets").json()):
        seen[t["item"]] = seen.get(t["item"], 0) + 1
        key = f"{t['item']}-{seen[t['item']]}"
        factor = written_scale(t).factor  # a bare number is in the unit the ledger shows: 50 | 万批次
        goal = (t["low"] if t["comparator"] == "range" else t["value"]) // factor
        met, short = MEETS[t["comparator"]]
        offset = met if k % 2 else short * max(1, goal // 5)  # ~ allows 5%: miss by 20%
        typed[key], expected[key] = goal + offset, "met" if k % 2 else "unmet"
        read[key] = typed[key] * factor
    fill(ledger, targets=typed, tasks={1: {"完成状态": "已完成", "进展情况": "已完成全部任务"}})
    data = zl("progress", str(ledger)).json()
    assert {t["id"]: t["status"] for t in data["targets"]} == expected
    assert {t["id"]: t["actual"] for t in data["targets"]} == read
    assert data["summary"]["met"] == 17 and data["summary"]["unmet"] == 17
    first = data["items"][0]
    assert (first["state"], first["progress"], first["remark"]) == ("已完成", "已完成全部任务", None)
    assert first["source"] == {"file": str(ledger), "sheet": "任务", "cell": "J2"}
    assert data["summary"]["items_with_state"] == 1 and data["summary"]["states"]["done"] == 1


def test_json_shape(small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run) -> None:
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12, "2-1": "很多"}, notes={"1-1": "超额完成"})
    result = zl("progress", str(path), "--file", loaded.path)
    assert result.code == 0
    data = result.json()
    assert set(data) == {"summary", "items", "targets"}
    assert set(data["targets"][0]) == {
        "id", "item", "lead_units", "text", "comparator", "value", "low", "high", "unit", "change",
        "aspirational", "by", "actual", "note", "status", "source", "written", "unit_written", "typed", "bound",
        "reading",
    }  # fmt: skip
    assert set(data["items"][0]) == {"item", "title", "lead_units", "state", "progress", "remark", "source"}
    first = data["targets"][0]
    assert (first["id"], first["actual"], first["note"], first["status"]) == ("1-1", 12, "超额完成", "met")
    assert first["source"] == {"file": str(path), "sheet": "指标", "cell": "M2"}
    assert first["lead_units"] == ["=省厅", "+省局"]
    invalid = data["targets"][-1]
    assert (invalid["status"], invalid["actual"]) == ("invalid", "很多")
    assert result.err == f"Warning: {path}「指标」表 M11：指标 2-1 的完成值「很多」读不出数：不是数字\n"
    summary = data["summary"]
    assert (summary["targets"], summary["met"], summary["invalid"], summary["unreported"]) == (10, 1, 1, 8)
    assert [u["name"] for u in summary["lead_units"]] == ["=省厅", "+省局", "-省委", None]
    assert summary["lead_units"][3] == {
        "name": None, "items": 1, "items_with_state": 0, "targets": 0, "met": 0, "unmet": 0, "unreported": 0,
        "invalid": 0,
        "states": {"not_started": 0, "in_progress": 0, "done": 0, "not_done": 0, "other": 0, "none": 1},
    }  # fmt: skip
    today = dt.date.today().isoformat()  # the day the workbook was saved: just now, by openpyxl
    assert summary["files"] == [{"file": str(path), "scope": "全部任务和指标", "date": today}]


def test_golden_progress(small: tuple[LoadedPlan, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         request: pytest.FixtureRequest) -> None:  # fmt: skip
    loaded, ledger = small
    monkeypatch.chdir(tmp_path)
    fill(
        _copy(ledger, tmp_path),
        targets={"1-1": 12, "1-2": "20", "1-4": 0.04, "1-5": "约百人", "1-7": 3.5, "2-1": 31},
        notes={"1-7": "能耗下降3.5%"},
        tasks={1: {"完成状态": "推进中", "备注": "=省厅填报"}, 2: {"完成状态": "已完成", "进展情况": 100}},
        percent=frozenset({"1-4"}),
    )
    data = judge_ledgers(["filled.xlsx"], loaded).data
    data["summary"]["plan"]["sha256"] = "…"  # the plan's text is the test's
    for entry in data["summary"]["files"]:  # the day the workbook was saved: today, whichever day the suite runs
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]), entry
        entry["date"] = "…"
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert json.loads(GOLDEN.read_text(encoding="utf-8")) == data


# --- edits a unit makes in WPS or Excel ----------------------------------------------


def test_reordered_rows_blank_rows_and_moved_columns_read_the_same(
    small: tuple[LoadedPlan, Path], tmp_path: Path
) -> None:
    loaded, ledger = small
    values = {"1-1": 12, "1-3": 0.3, "1-6": 4, "2-1": 10}
    tasks = {1: {"完成状态": "推进中"}, 2: {"完成状态": "已完成", "备注": "提前完成"}}
    plain = fill(_copy(ledger, tmp_path, "plain.xlsx"), targets=values, tasks=tasks)
    edited = fill(_copy(ledger, tmp_path, "edited.xlsx"), targets=values, tasks=tasks)
    book = openpyxl.load_workbook(edited)
    for ws in (book["指标"], book["任务"]):
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
        ws.delete_rows(2, ws.max_row)
        for k, row in enumerate(reversed(rows)):  # sorted the other way, a blank row after each
            ws.append(row)
            if k % 2 == 0:
                ws.append([None] * len(row))
        ws.insert_rows(1)  # a title row above the header
        ws["A1"] = "2025年第二季度"
    ws = book["指标"]
    ws.move_range("M1:N20", cols=2)  # 完成值 and 完成说明 moved right, past two new columns
    book.save(edited)
    assert _statuses(judge_ledgers([str(edited)], loaded).data) == _statuses(judge_ledgers([str(plain)], loaded).data)
    data = judge_ledgers([str(edited)], loaded).data
    assert [i["state"] for i in data["items"]] == ["推进中", "已完成", None]
    assert data["targets"][0]["source"]["cell"] != "M2"  # found where it was moved to


def test_cells_merged_down_a_column_read_as_shown(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    """Bug caught: 已完成 typed in cells merged over three items counted for the first item only."""
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12}, tasks={1: {"完成状态": "已完成"}})
    book = openpyxl.load_workbook(path)
    tasks, targets = book["任务"], book["指标"]
    tasks.merge_cells(f"{_letter(tasks, '完成状态')}2:{_letter(tasks, '完成状态')}4")
    targets.merge_cells(f"{_letter(targets, '完成值')}2:{_letter(targets, '完成说明')}3")
    book.save(path)
    data = judge_ledgers([str(path)], loaded).data
    assert [i["state"] for i in data["items"]] == ["已完成"] * 3
    assert [(t["actual"], t["note"]) for t in data["targets"][:3]] == [(12, None), (12, None), (None, None)]
    assert data["items"][2]["source"]["cell"] == f"{_letter(tasks, '完成状态')}4"


def test_the_header_pasted_again_with_more_rows_is_skipped(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    """Bug caught: a unit that pasted another sheet's rows with their header was refused."""
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12, "2-1": 10})
    book = openpyxl.load_workbook(path)
    ws = book["指标"]
    ws.insert_rows(4)
    for col in range(1, ws.max_column + 1):
        ws.cell(4, col).value = ws.cell(1, col).value
    book.save(path)
    assert _statuses(judge_ledgers([str(path)], loaded).data) == _statuses(
        judge_ledgers([str(fill(_copy(ledger, tmp_path, "plain.xlsx"), targets={"1-1": 12, "2-1": 10}))], loaded).data
    )


def _letter(ws: Any, name: str) -> str:
    return openpyxl.utils.get_column_letter(columns(ws)[name])


def test_a_fill_in_column_deleted_is_refused_with_the_fix(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    loaded, ledger = small
    path = _copy(ledger, tmp_path)
    book = openpyxl.load_workbook(path)
    book["任务"].delete_cols(columns(book["任务"])["备注"])
    book.save(path)
    with pytest.raises(InputError, match="sheet 任务 has no column 备注: put the column back"):
        judge_ledgers([str(path)], loaded)


def test_a_value_in_a_row_with_no_key_is_refused(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    loaded, ledger = small
    path = _copy(ledger, tmp_path)
    book = openpyxl.load_workbook(path)
    book["指标"].append([None] * 12 + [7])
    book.save(path)
    with pytest.raises(InputError, match="cell M12: 完成值 is filled in a row with no 指标编号"):
        judge_ledgers([str(path)], loaded)


def test_an_unknown_key_is_refused(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    loaded, ledger = small
    path = _copy(ledger, tmp_path)
    book = openpyxl.load_workbook(path)
    book["指标"]["A3"] = "9-9"
    book.save(path)
    with pytest.raises(InputError, match="cell A3: 指标编号 '9-9' is not in this plan"):
        judge_ledgers([str(path)], loaded)


def test_a_formula_is_read_by_its_computed_value(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    """A unit may type =8+4; Excel saves the value it computed beside the formula."""
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": "=8+4", "1-2": "=1/0"})
    data = judge_ledgers([str(path)], loaded)  # as openpyxl saves it: no computed value
    statuses = _statuses(data.data)
    assert (statuses["1-1"], statuses["1-2"]) == ("invalid", "invalid")
    assert any("公式 =8+4 没有保存计算结果" in w for w in data.warnings)
    saved = tmp_path / "saved.xlsx"  # as Excel saves it: the value computed
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(saved, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                # openpyxl writes an empty <v> as <v />, <v/> or <v></v> (with or without lxml)
                content = re.sub(rb"<f>8\+4</f><v\s*/>|<f>8\+4</f><v></v>", b"<f>8+4</f><v>12</v>", content)
            dst.writestr(item, content)
    assert _statuses(judge_ledgers([str(saved)], loaded).data)["1-1"] == "met"


# --- split ledgers, conflicts, other plans --------------------------------------------


@pytest.fixture(scope="module")
def split_once(small: tuple[LoadedPlan, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small plan's ledgers split by lead unit, written once."""
    loaded, _ = small
    folder = tmp_path_factory.mktemp("split") / "split"
    write_ledger(loaded, str(folder), "lead")
    return folder


@pytest.fixture
def split(split_once: Path, tmp_path: Path) -> dict[str, Path]:
    """A copy of the split ledgers of each test's own, to fill in."""
    shutil.copytree(split_once, tmp_path / "split")
    return {p.stem: p for p in (tmp_path / "split").iterdir()}


def test_split_ledgers_merged(small: tuple[LoadedPlan, Path], split: dict[str, Path], tmp_path: Path) -> None:
    loaded, ledger = small
    assert sorted(split) == sorted(["=省厅", "+省局", "_省委", NO_LEAD])
    fill(split["=省厅"], targets={"1-1": 12, "1-3": 0.1}, tasks={1: {"完成状态": "推进中"}})
    fill(split["+省局"], targets={"1-2": 25, "1-3": "0.1"}, tasks={1: {"进展情况": "按计划推进"}})
    fill(split["_省委"], targets={"2-1": 40}, tasks={2: {"完成状态": "未完成"}})
    merged = judge_ledgers([str(p) for p in split.values()], loaded).data
    whole = fill(
        _copy(ledger, tmp_path, "whole.xlsx"),
        targets={"1-1": 12, "1-2": 25, "1-3": 0.1, "2-1": 40},
        tasks={1: {"完成状态": "推进中", "进展情况": "按计划推进"}, 2: {"完成状态": "未完成"}},
    )
    alone = judge_ledgers([str(whole)], loaded).data
    assert _statuses(merged) == _statuses(alone)
    assert [(i["state"], i["progress"]) for i in merged["items"]] == [
        (i["state"], i["progress"]) for i in alone["items"]
    ]
    by_id = {t["id"]: t for t in merged["targets"]}
    assert by_id["1-2"]["source"]["file"] == str(split["+省局"])  # where it was filled
    assert len(merged["summary"]["files"]) == 4


def test_split_ledgers_named_in_their_folder_as_a_shell_glob_would(
    small: tuple[LoadedPlan, Path], split: dict[str, Path], zl: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bug caught: a unit named -省委 gave -省委.xlsx, which `zl progress *.xlsx` took for an option."""
    loaded, _ = small
    monkeypatch.chdir(split[NO_LEAD].parent)
    result = zl("progress", *sorted(p.name for p in split.values()), "--file", loaded.path)
    assert result.code == 0, result.err
    assert len(result.json()["summary"]["files"]) == len(split)


def test_a_subset_of_split_ledgers_leaves_the_rest_unreported(
    small: tuple[LoadedPlan, Path], split: dict[str, Path]
) -> None:
    loaded, _ = small
    fill(split["_省委"], targets={"2-1": 20})
    data = judge_ledgers([str(split["_省委"])], loaded).data
    statuses = _statuses(data)
    assert statuses.pop("2-1") == "met" and set(statuses.values()) == {"unreported"}
    assert data["targets"][0]["source"] is None


@pytest.mark.parametrize(
    ("a", "b", "fragment"),
    [
        ({"targets": {"1-4": 4}}, {"targets": {"1-4": 6}}, "指标编号 1-4 is filled differently in"),
        ({"targets": {"1-4": 4}}, {"targets": {"1-4": "很多"}}, "指标编号 1-4 is filled differently in"),
        ({"notes": {"1-4": "甲"}}, {"notes": {"1-4": "乙"}}, "指标编号 1-4 is filled differently in"),
        (
            {"tasks": {1: {"完成状态": "推进中"}}},
            {"tasks": {1: {"完成状态": "已完成"}}},
            "序号 1 is filled differently",
        ),
    ],
    ids=["numbers", "number-and-text", "notes", "state"],
)
def test_conflicts_name_both_files_and_cells(
    small: tuple[LoadedPlan, Path], split: dict[str, Path], a: dict, b: dict, fragment: str
) -> None:
    loaded, _ = small
    fill(split["=省厅"], **a)
    fill(split["+省局"], **b)
    with pytest.raises(InputError) as caught:
        judge_ledgers([str(split["=省厅"]), str(split["+省局"])], loaded)
    message = str(caught.value)
    assert fragment in message and str(split["=省厅"]) in message and str(split["+省局"]) in message
    cell = "J2" if "tasks" in a else ("M5" if "targets" in a else "N5")
    assert message.count(f"!{cell}") == 2


def test_the_same_value_in_two_files_is_no_conflict(small: tuple[LoadedPlan, Path], split: dict[str, Path]) -> None:
    loaded, _ = small
    fill(split["=省厅"], targets={"1-4": 4}, percent=frozenset())
    fill(split["+省局"], targets={"1-4": 0.04}, percent=frozenset({"1-4"}))  # 4% both ways
    assert _statuses(judge_ledgers([str(split["=省厅"]), str(split["+省局"])], loaded).data)["1-4"] == "met"


def test_a_ledger_of_another_plan_is_refused(tmp_path: Path, zl: Run) -> None:
    other = tmp_path / "other.xlsx"
    assert zl("ledger", "-o", str(other), "--file", str(FIXTURES / "province_2024.txt")).code == 0
    result = zl("progress", str(other))
    assert result.code == 3 and result.out == "" and len(result.err.splitlines()) == 1
    assert result.err.startswith(f"Error: {other} was made from another plan")
    assert "2023年福建省质量强省工作要点" in result.err and "--file" in result.err
    assert f"file {FIXTURES / 'province_2024.txt'}" in result.err  # the plan to give, as the ledger records it
    assert zl("progress", str(other), "--file", str(FIXTURES / "province_2024.txt")).code == 0


def test_a_hash_in_capitals_or_with_spaces_is_the_same_hash(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    """Bug caught: a 说明 sheet whose hash was retyped in capitals was taken for another plan."""
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12})
    book = openpyxl.load_workbook(path)
    for row in book["说明"].iter_rows():
        if row[0].value == "源文件SHA-256":
            row[1].value = f" {row[1].value.upper()}\n"
    book.save(path)
    assert _statuses(judge_ledgers([str(path)], loaded).data)["1-1"] == "met"


def test_the_same_file_given_twice_is_read_once(
    small: tuple[LoadedPlan, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12})
    monkeypatch.chdir(tmp_path)
    report = judge_ledgers([str(path), path.name, f"./{path.name}"], loaded)
    assert [f["file"] for f in report.data["summary"]["files"]] == [str(path)]
    assert report.warnings == [
        f"{path.name} 与 {path} 是同一个文件，只读取一次",
        f"./{path.name} 与 {path} 是同一个文件，只读取一次",
    ]


def test_the_result_never_overwrites_a_ledger_read(small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run) -> None:
    """Bug caught: zl progress 台账.xlsx -o 台账.xlsx --force replaced the filled ledger with the result."""
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12})
    before = path.read_bytes()
    result = zl("progress", str(path), "--file", loaded.path, "-o", str(tmp_path / "." / path.name), "--force")
    one_error_line(result, 5, "is the ledger", "another file")
    assert path.read_bytes() == before


# --- the command ----------------------------------------------------------------------


def _bad_workbook(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "bad.xlsx"
    if kind == "text":
        path.write_text("序号,任务\n1,加强监管\n", encoding="utf-8")
    elif kind == "xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    elif kind == "truncated":
        write_ledger(load_plan(None), str(path))
        path.write_bytes(path.read_bytes()[:3000])
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "not a workbook")
    elif kind == "not-a-ledger":
        openpyxl.Workbook().save(path)
    return path


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("text", ["is not an .xlsx or .ods workbook"]),
        ("xls", ["old .xls workbook", "save it as .xlsx with no password"]),
        ("truncated", ["is a damaged workbook", "save it again"]),
        ("zip", ["not an .xlsx or .ods workbook"]),
        ("not-a-ledger", ["not a ledger made by zl ledger", "no sheet 任务", "name it 任务 again"]),
    ],
)
def test_bad_workbooks(zl: Run, tmp_path: Path, kind: str, words: list[str]) -> None:
    one_error_line(zl("progress", str(_bad_workbook(tmp_path, kind))), 3, *words)


def test_missing_and_directory(zl: Run, tmp_path: Path) -> None:
    one_error_line(zl("progress", str(tmp_path / "nope.xlsx")), 3, "no such file")
    one_error_line(zl("progress", str(tmp_path)), 3, "is a directory")
    one_error_line(zl("progress"), 2, "Missing argument")


def test_ledger_command_errors(zl: Run, tmp_path: Path) -> None:
    one_error_line(zl("ledger"), 2, "Missing option", "--output")
    one_error_line(zl("ledger", "-o", str(tmp_path / "x"), "--split-by", "section"), 2, "--split-by lead")
    one_error_line(zl("ledger", "-o", str(tmp_path)), 5, "is a directory")
    one_error_line(zl("ledger", "-o", str(tmp_path / "x.xlsx"), "--file", str(tmp_path / "no.txt")), 3, "no such file")
    one_error_line(zl("ledger", "-o", str(tmp_path / "no" / "such" / "x.xlsx")), 5, "cannot write in")


def test_terminal_summary(small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run) -> None:
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12, "1-2": 3, "1-3": "很低"})
    out = re.sub(r"\x1b\[[0-9;]*m", "", zl("progress", str(path), "--file", loaded.path, tty=True).out)
    assert "牵头单位" in out and "=省厅" in out and "█" in out and "░" in out
    assert "未达标和无效的指标" in out and "1-2" in out and "很低" in out
    assert "未填报（7项）：1-4、1-5、1-6、1-7、1-8、1-9、2-1" in out
    assert "10 项指标中 1 项达标" in out
    assert "完成状态：未启动 0，推进中 0，已完成 0，未完成 0，其他 0，未填 3" in out
    for glyph, word in (("█", "达标"), ("▓", "未达标"), ("▒", "无效"), ("░", "未填报")):
        assert f"{glyph} {word}：" in out  # the legend
    assert "unrep." not in out and "unreported" not in out  # no abbreviation, no English


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120])
def test_terminal_summary_at_any_width(
    small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """Bug caught: below about 90 columns the table dropped the column of unit names, and the
    targets not met lost their ids and clauses; a table that does not fit is printed as lines."""
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12, "1-2": 3, "1-3": "很低"})
    monkeypatch.setenv("COLUMNS", str(width))
    out = re.sub(r"\x1b\[[0-9;]*m", "", zl("progress", str(path), "--file", loaded.path, tty=True).out)
    assert max(map(display_width, out.splitlines())) <= render.console().width  # the width, or render's least
    flat = "".join(out.split())  # what wrapped onto the next line joined again
    for name in ("=省厅", "+省局", "-省委", "1-2", "1-3", "很低", "培育品牌"):
        assert name in flat, (width, name, out)
    assert "10项指标中1项达标" in flat


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "yaml"])
def test_other_formats(small: tuple[LoadedPlan, Path], zl: Run, fmt: str) -> None:
    loaded, ledger = small
    result = zl("progress", str(ledger), "--file", loaded.path, "--format", fmt)
    assert result.code == 0 and "\\u" not in result.out
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in result.out.splitlines()][:2] == ["1-1", "1-2"]
    if fmt == "csv":
        assert result.out.splitlines()[0].startswith("id,item,lead_units,text") and len(result.out.splitlines()) == 11
    if fmt == "yaml":
        assert result.out.startswith("summary:")


def test_summary_workbook(small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run) -> None:
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12, "1-2": 3, "1-3": "很低"}, tasks={2: {"备注": "=1+1"}})
    out = tmp_path / "汇总.xlsx"
    result = zl("progress", str(path), "--file", loaded.path, "-o", str(out))
    assert result.code == 0 and result.out == f"{out}: 10 项指标（达标 1，未达标 1，未填报 7，无效 1）\n"
    assert_no_formula(out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "指标", "任务", "说明", "图表"]
    ws = book["指标"]
    col = columns(ws)
    status = {ws.cell(r, 1).value: ws.cell(r, col["结果"]) for r in range(2, ws.max_row + 1)}
    assert [status[k].value for k in ("1-1", "1-2", "1-3", "1-4")] == ["达标", "未达标", "无效", "未填报"]
    colours = [status[k].fill.fgColor.rgb[-6:] for k in ("1-1", "1-2", "1-3", "1-4")]
    assert colours == ["C6EFCE", "FFC7CE", "FFEB9C", "EDEDED"]
    assert book["任务"].cell(3, columns(book["任务"])["备注"]).value == "=1+1"
    units = sheet_values(out, "汇总")
    assert units[1][:5] == ["=省厅", 1, 0, 9, 1]
    assert units[-1] == ["合计", 3, 0, 10, 1, 1, 7, 1, 10.0]  # the 合计 row: the plan's counts, in bold
    assert book["汇总"].cell(len(units), 1).font.bold
    (chart,) = book["图表"]._charts
    assert chart.type == "bar" and chart.grouping == "stacked" and len(chart.series) == 4
    again = zl("progress", str(path), "--file", loaded.path, "-o", str(out))
    one_error_line(again, 5, "exists", "--force")
    assert zl("progress", str(path), "--file", loaded.path, "-o", str(out), "--force").code == 0
