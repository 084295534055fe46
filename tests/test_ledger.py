"""zl ledger: the workbook's sheets, columns, rows and behaviour (locked and fill-in
columns, validation, printing), text kept as text, the split by lead unit, and files
written all or none."""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from zhiliang_cli import files, query, workbook
from zhiliang_cli.cache import load_plan
from zhiliang_cli.errors import OutputError, UsageError
from zhiliang_cli.ledger import (
    NO_LEAD,
    deadline_text,
    ledger_sheets,
    requirement,
    target_entries,
    write_ledger,
    written_scale,
)
from zhiliang_cli.records import PlanRecord

from .conftest import FIXTURES, Result
from .workbooks import assert_no_formula, columns, sheet_values, write_plan

Run = Callable[..., Result]
GOLDEN = FIXTURES / "ledger" / "small_plan_ledger.json"


@pytest.fixture(scope="module")
def bundled_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "台账.xlsx"
    write_ledger(load_plan(None), str(path))
    return path


def _items(plan: PlanRecord) -> list[dict]:
    return [dict(item) for section in plan["sections"] for item in section["items"]]


# --- the whole ledger of the bundled plan ---------------------------------------------


def test_sheets_and_columns(bundled_ledger: Path) -> None:
    book = openpyxl.load_workbook(bundled_ledger)
    assert book.sheetnames == ["任务", "指标", "说明"]
    assert [c.value for c in book["任务"][1]] == [
        "序号", "章节", "任务", "任务内容", "牵头单位", "配合单位", "完成时限", "量化指标数",
        "进展情况", "完成状态", "备注",
    ]  # fmt: skip
    assert [c.value for c in book["指标"][1]] == [
        "指标编号", "序号", "牵头单位", "指标", "对象", "目标", "要求", "目标值", "下限", "上限", "单位", "时限",
        "完成值", "完成说明",
    ]  # fmt: skip
    assert [c.value for c in book["说明"][1]] == ["项目", "内容"]


def test_one_task_row_per_item_in_plan_order(bundled_ledger: Path, plan: PlanRecord) -> None:
    rows = sheet_values(bundled_ledger, "任务")[1:]
    items = _items(plan)
    assert len(rows) == len(items) == 72
    for row, item in zip(rows, items, strict=True):
        number, section, title, text, leads, cooperating, deadline, count, *fill = row
        assert (number, title, text, count) == (item["number"], item["title"], item["text"], len(item["targets"]))
        assert leads == ("、".join(item["lead_units"]) or None)
        assert cooperating == ("、".join(item["cooperating_units"]) or None)
        assert section.startswith(next(s["numeral"] for s in plan["sections"] if s["number"] == item["section"]) + "、")
        assert deadline == deadline_text(item["deadline"]) and fill == [None, None, None]


def test_one_target_row_per_targets_record(bundled_ledger: Path, zl: Run) -> None:
    rows = sheet_values(bundled_ledger, "指标")[1:]
    records = zl("targets").json()
    assert len(rows) == len(records) == 34
    seen: dict[int, int] = {}
    for row, t in zip(rows, records, strict=True):
        key, number, leads, text, subject, written, wanted, value, low, high, unit, by, actual, note = row
        seen[t["item"]] = seen.get(t["item"], 0) + 1
        assert key == f"{t['item']}-{seen[t['item']]}" and number == t["item"]
        factor = written_scale(t).factor  # 100 | 亿元 for 100亿元: the target as the plan writes it
        assert [v if v is None else v * factor for v in (value, low, high)] == [t["value"], t["low"], t["high"]]
        assert text == t["text"] and written in text and (unit or "").endswith(t["unit"])
        assert subject == t["subject"] or len([r for r in records if r["span"] == t["span"]]) > 1
        assert leads == "、".join(t["lead_units"]) and wanted == requirement(t)
        assert by == deadline_text(t["by"]) and actual is None and note is None


def test_notes_sheet(bundled_ledger: Path, zl: Run) -> None:
    notes = {row[0]: row[1] for row in sheet_values(bundled_ledger, "说明")[1:] if row[0]}
    meta = zl("meta").json()
    assert notes["标题"] == meta["title"] and notes["发文字号"] == meta["doc_number"]
    assert notes["成文日期"] == meta["date"] and notes["源文件SHA-256"] == meta["sha256"]
    assert notes["生成工具"].startswith("zl ") and notes["生成时间"][:2] == "20"
    assert notes["范围"] == "全部任务和指标"
    how = [row[1] for row in sheet_values(bundled_ledger, "说明") if row[1] and row[1][:2] in {"1.", "2.", "3."}]
    assert any("完成值" in line for line in how)


def test_made_to_be_used(bundled_ledger: Path) -> None:
    book = openpyxl.load_workbook(bundled_ledger)
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert not ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.scale) == 100  # never shrunk
        assert ws.print_title_rows == "$1:$1"
        assert ws.protection.sheet and not ws.protection.password
        assert not ws.protection.autoFilter and not ws.protection.sort and not ws.protection.insertRows
        assert ws.cell(2, 2).alignment.wrap_text


@pytest.mark.parametrize(
    ("sheet", "fill"), [("任务", {"进展情况", "完成状态", "备注"}), ("指标", {"完成值", "完成说明"}), ("说明", set())]
)
def test_fill_in_columns_unlocked_others_locked(bundled_ledger: Path, sheet: str, fill: set[str]) -> None:
    ws = openpyxl.load_workbook(bundled_ledger)[sheet]
    for name, col in columns(ws).items():
        locked = {ws.cell(row, col).protection.locked for row in range(2, ws.max_row + 1)}
        assert locked == ({False} if name in fill else {True}), name


def test_drop_down_and_numbers_only(bundled_ledger: Path) -> None:
    book = openpyxl.load_workbook(bundled_ledger)
    (states,) = book["任务"].data_validations.dataValidation
    assert states.type == "list" and states.formula1 == '"未启动,推进中,已完成,未完成"'
    assert str(states.sqref) == "J2:J73" and states.showErrorMessage
    (numbers,) = book["指标"].data_validations.dataValidation
    assert numbers.type == "decimal" and str(numbers.sqref) == "M2:M35" and numbers.showErrorMessage
    assert not book["说明"].data_validations.dataValidation


def test_widths_fit_the_page_and_rows_fit_their_text(bundled_ledger: Path) -> None:
    """Bug caught: eleven columns as wide as their text were shrunk to 5 pt to fit A4 landscape,
    and rows were given heights that were not those of their text."""
    book = openpyxl.load_workbook(bundled_ledger)
    for ws in book.worksheets:
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert sum(widths) <= workbook.PAGE_WIDTH + 0.5, ws.title  # one page wide at 100%
    ws = book["任务"]
    width = {name: ws.column_dimensions[ws.cell(1, col).column_letter].width for name, col in columns(ws).items()}
    widest_lead = max(workbook.display_width(str(c.value or "")) for c in next(ws.iter_cols(5, 5, 2)))
    assert widest_lead / 2 <= width["牵头单位"] < widest_lead  # 省海洋与渔业局 wraps onto two lines, no more
    assert width["任务内容"] == max(width.values())  # the plan's text has the most room
    assert width["序号"] < 10 and width["进展情况"] >= 15  # room to write in
    for row in (2, 3, ws.max_row):
        lines = max(workbook.wrapped_lines(str(c.value), width[ws.cell(1, c.column).value]) for c in ws[row] if c.value)
        assert lines > 5 and ws.row_dimensions[row].height == workbook.LINE_HEIGHT * lines + workbook.ROW_PADDING


def test_no_formula_in_the_bundled_ledger(bundled_ledger: Path) -> None:
    assert_no_formula(bundled_ledger)


# --- text stays text ------------------------------------------------------------------


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    write_ledger(load_plan(str(write_plan(tmp_path))), str(out))
    assert_no_formula(out)
    book = openpyxl.load_workbook(out)
    tasks = book["任务"]
    assert tasks["C2"].value == '=HYPERLINK("http://x")加强监管' and tasks["C2"].data_type == "s"
    assert tasks["E2"].value == "=省厅、+省局" and tasks["F2"].value == "@某办"
    assert tasks["E3"].value == "-省委" and tasks["C3"].value.startswith("@做好工作")
    notes = {row[0].value: row[1] for row in book["说明"].iter_rows(min_row=2) if row[0].value}
    assert notes["标题"].value == "=某市2025年质量工作要点" and notes["标题"].data_type == "s"


def test_control_characters_are_shown_not_dropped(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "一、总则\n（一）加强\x0c监管。新增企业10家以上。（牵头单位：省厅）\n")
    out = tmp_path / "x.xlsx"
    write_ledger(load_plan(str(plan)), str(out))
    assert (
        openpyxl.load_workbook(out)["任务"]["D2"].value == "（一）加强\\x0c监管。新增企业10家以上。（牵头单位：省厅）"
    )


def test_golden_ledger_of_the_small_plan(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Every cell of the three sheets, but those that change from run to run or release to release."""
    out = tmp_path / "x.xlsx"
    write_ledger(load_plan(str(write_plan(tmp_path))), str(out))
    actual = {name: sheet_values(out, name) for name in ("任务", "指标", "说明")}
    actual["说明"] = [row for row in actual["说明"] if row[0] not in ("源文件", "生成工具", "生成时间")]
    if request.config.getoption("--update-golden"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert json.loads(GOLDEN.read_text(encoding="utf-8")) == actual


# --- 要求 and 时限 --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comparator", "change", "aspirational", "words"),
    [
        (">=", None, False, "不少于"),
        (">", None, False, "多于"),
        ("<=", None, False, "不超过"),
        ("<", None, False, "少于"),
        ("=", None, False, "达到"),
        ("~", None, False, "约"),
        ("range", None, False, "区间"),
        ("=", None, True, "力争达到"),
        ("=", "decrease", False, "减少达到"),
        (">=", "increase", False, "提高不少于"),
        ("<=", "decrease", True, "力争减少不超过"),
    ],
)
def test_requirement_in_words(comparator: str, change: str | None, aspirational: bool, words: str) -> None:
    assert requirement({"comparator": comparator, "change": change, "aspirational": aspirational}) == words


def test_small_plan_requirements(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    write_ledger(load_plan(str(write_plan(tmp_path))), str(out))
    wanted = {row[0]: row[6] for row in sheet_values(out, "指标")[1:]}
    assert wanted == {
        "1-1": "不少于", "1-2": "多于", "1-3": "不超过", "1-4": "不超过", "1-5": "约", "1-6": "区间",
        "1-7": "减少达到", "1-8": "提高不少于", "1-9": "力争达到", "2-1": "少于",
    }  # fmt: skip


def test_deadlines_where_known(tmp_path: Path) -> None:
    """时限 and 完成时限 come from `by` and `deadline`: null today, filled once the parser reads them."""
    loaded = load_plan(str(write_plan(tmp_path)))
    item = loaded.plan["sections"][0]["items"][0]
    item["deadline"] = {"text": "2025年底前", "span": [0, 7], "date": "2025-12-31"}
    item["targets"][0]["by"] = {"text": "到2025年", "span": [0, 5], "date": "2025-12-31"}
    item["targets"][1]["by"] = {"text": "长期坚持", "span": [0, 4], "date": None}
    tasks, targets, _ = ledger_sheets(loaded, _items(loaded.plan), target_entries(loaded.plan), "全部")
    assert tasks.rows[0][6] == "2025年底前（2025-12-31）" and tasks.rows[1][6] is None
    assert [row[11] for row in targets.rows[:3]] == ["到2025年（2025-12-31）", "长期坚持", None]


def test_section_targets_have_their_own_ids() -> None:
    """A target in a section's own text is {section's place in Chinese}-{k}: never the same as an item's."""
    plan = load_plan(str(FIXTURES / "province_2024.txt")).plan
    entries = target_entries(plan)
    expected = [f"{s['numeral']}-{k}" for s in plan["sections"] for k in range(1, len(s["targets"]) + 1)]
    assert expected and [e.id for e in entries if e.item is None] == expected
    assert len({e.id for e in entries}) == len(entries)


def test_preamble_targets_are_zong_k(tmp_path: Path) -> None:
    """A target the plan sets before its first section (its 总体目标) is 总-{k}, with no 序号."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "某市2025年工作要点\n到2025年，建成示范区10个，培育企业100家。\n一、重点任务\n"
        "（一）加强监管。新增企业20家。（牵头单位：市局）\n",
        encoding="utf-8",
    )
    entries = target_entries(load_plan(str(path)).plan)
    assert [(e.id, e.target["number_text"], e.item) for e in entries] == [
        ("总-1", "10", None),
        ("总-2", "100", None),
        ("1-1", "20", entries[2].item),
    ]


# Bug caught: sections numbered 1. 2. gave a section's own target the id 1-1 of item 1's
# first target, and sections whose numbering starts again shared ids and headings.
ARABIC_SECTIONS = """某市2025年工作要点
1.总体目标
全年新增企业10家。
（1）加强监管。新增企业20家以上。（牵头单位：省厅）
2.保障措施
（2）加强领导。培训干部30人。（牵头单位：省局）
"""
RESTARTED_SECTIONS = """某市2025年工作要点
为推动发展，制定本要点。
一、产业政策
全年新增企业10家。
（一）加强监管。新增企业20家以上。（牵头单位：省厅）
进一步支持企业发展的规定
为进一步支持企业发展，特制定以下规定。
一、财税政策
全年减税5亿元。
（二）加强领导。培训干部30人。（牵头单位：省局）
"""


@pytest.mark.parametrize("text", [ARABIC_SECTIONS, RESTARTED_SECTIONS], ids=["arabic", "restarted"])
def test_ids_unique_and_headings_right_however_sections_are_numbered(tmp_path: Path, text: str) -> None:
    loaded = load_plan(str(write_plan(tmp_path, text)))
    entries = target_entries(loaded.plan)
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids) == len(query.target_rows(loaded.plan))
    assert [e.id for e in entries if e.item is None] == [
        f"{numeral}-1" for numeral, s in zip("一二", loaded.plan["sections"], strict=True) if s["targets"]
    ]
    write_ledger(loaded, str(tmp_path / "x.xlsx"))
    headings = {r[0]: r[1] for r in sheet_values(tmp_path / "x.xlsx", "任务")[1:]}
    for section in loaded.plan["sections"]:
        for item in section["items"]:
            assert headings[item["number"]] == f"{section['numeral']}、{section['title']}"


# --- split by lead unit ---------------------------------------------------------------


def _split(tmp_path: Path, plan: str | None) -> tuple[Path, list[str]]:
    folder = tmp_path / "split"
    return folder, write_ledger(load_plan(plan), str(folder), "lead")


def test_split_by_lead_bundled(tmp_path: Path, plan: PlanRecord, zl: Run) -> None:
    folder, lines = _split(tmp_path, None)
    leads = zl("leads").json()
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{row['name']}.xlsx" for row in leads)
    assert len(lines) == len(leads)
    for row in leads:
        path = folder / f"{row['name']}.xlsx"
        numbers = [r[0] for r in sheet_values(path, "任务")[1:]]
        assert numbers == row["items"]
        ids = [r[0] for r in sheet_values(path, "指标")[1:]]
        assert all(int(i.split("-")[0]) in row["items"] for i in ids)
        assert len(ids) == sum(len(i["targets"]) for i in _items(plan) if i["number"] in row["items"])
    assert_no_formula(folder / "省市场监管局.xlsx")


def test_split_two_leads_no_lead_and_unsafe_names(tmp_path: Path) -> None:
    folder, _ = _split(tmp_path, str(write_plan(tmp_path)))
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["=省厅.xlsx", "+省局.xlsx", "_省委.xlsx", f"{NO_LEAD}.xlsx"]
    )
    for name in ("=省厅", "+省局"):  # item 1 has two lead units: it is in both
        assert [r[0] for r in sheet_values(folder / f"{name}.xlsx", "任务")[1:]] == [1]
        assert len(sheet_values(folder / f"{name}.xlsx", "指标")) == 1 + 9
    assert [r[0] for r in sheet_values(folder / f"{NO_LEAD}.xlsx", "任务")[1:]] == [3]
    for path in folder.iterdir():
        assert_no_formula(path)


def test_split_puts_section_targets_with_the_unled(tmp_path: Path) -> None:
    folder, _ = _split(tmp_path, PROVINCE)
    loaded = load_plan(PROVINCE)
    ids = [r[0] for path in folder.iterdir() for r in sheet_values(path, "指标")[1:]]
    entries = target_entries(loaded.plan)
    expected = [e.id for e in entries for _ in range(max(1, len(e.item["lead_units"]) if e.item else 1))]
    assert sorted(ids) == sorted(expected)
    unled = [r[0] for r in sheet_values(folder / f"{NO_LEAD}.xlsx", "指标")[1:]]
    assert unled == [e.id for e in entries if e.item is None]


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("省市场监管局", "省市场监管局"),
        ("=省厅", "=省厅"),
        ("-省委", "_省委"),  # bug caught: zl progress *.xlsx took -省委.xlsx for an option
        ("--", "_-"),
        ("省厅/省局", "省厅_省局"),
        ('a\\b:c*d?e"f<g>h|i', "a_b_c_d_e_f_g_h_i"),
        ("  省厅. ", "省厅"),
        (".hidden", "hidden"),
        ("NUL", "_NUL"),
        ("com1.txt", "_com1.txt"),
        ("a\x00b\nc", "abc"),  # control characters removed (issue 19)
        ("", "_"),
        ("省" * 100, "省" * 66),
    ],
)
def test_safe_file_names(name: str, safe: str) -> None:
    assert workbook.safe_file_name(name) == safe


def test_names_that_clash_get_a_suffix(tmp_path: Path) -> None:
    plan = (
        "一、总则\n（一）甲。（牵头单位：省厅?甲）\n（二）乙。（牵头单位：省厅*甲）\n（三）丙。（牵头单位：省厅_甲）\n"
    )
    folder, _ = _split(tmp_path, str(write_plan(tmp_path, plan)))
    assert sorted(p.name for p in folder.iterdir()) == ["省厅_甲-2.xlsx", "省厅_甲-3.xlsx", "省厅_甲.xlsx"]


# --- existing files, atomic writes ----------------------------------------------------


def test_existing_file_kept_unless_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"keep me")
    with monkeypatch.context() as patched:  # refused before the work: no workbook is built
        patched.setattr(workbook, "build", lambda sheets: pytest.fail("built a workbook it cannot write"))
        with pytest.raises(OutputError, match="exists: use --force"):
            write_ledger(load_plan(None), str(out))
    assert out.read_bytes() == b"keep me"
    write_ledger(load_plan(None), str(out), force=True)
    assert openpyxl.load_workbook(out).sheetnames == ["任务", "指标", "说明"]
    assert [p.name for p in tmp_path.iterdir()] == ["x.xlsx"]


PROVINCE = str(FIXTURES / "province_2024.txt")


def test_split_refuses_when_one_file_exists_and_writes_none(tmp_path: Path) -> None:
    folder = tmp_path / "split"
    folder.mkdir()
    (folder / "省商务厅.xlsx").write_bytes(b"keep me")
    with pytest.raises(OutputError, match=r"省商务厅\.xlsx exists"):
        write_ledger(load_plan(PROVINCE), str(folder), "lead")
    assert [p.name for p in folder.iterdir()] == ["省商务厅.xlsx"]
    write_ledger(load_plan(PROVINCE), str(folder), "lead", force=True)
    assert len(list(folder.iterdir())) == 8 and (folder / "省商务厅.xlsx").read_bytes() != b"keep me"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith("."))


def test_a_failure_while_writing_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real, calls = files.os.fsync, []

    def failing(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(files.os, "fsync", failing)
    with pytest.raises(OutputError, match="No space left on device; nothing was written"):
        write_ledger(load_plan(PROVINCE), str(tmp_path / "split"), "lead")
    assert not (tmp_path / "split").exists() and _leftovers(tmp_path / "split") == []


@pytest.fixture(scope="module")
def province_split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The province plan's ledgers split by lead unit, written once for the tests that fill them in."""
    folder = tmp_path_factory.mktemp("province") / "split"
    write_ledger(load_plan(PROVINCE), str(folder), "lead")
    return folder


def _filled_set(tmp_path: Path, written: Path) -> tuple[Path, dict[str, bytes]]:
    """A copy of the ``written`` split, each file filled in since."""
    folder = tmp_path / "split"
    shutil.copytree(written, folder)
    for path in folder.iterdir():  # filled in by now: not what zl would write again
        path.write_bytes(f"filled {path.name}".encode())
    (folder / "说明.txt").write_text("the office's own note", encoding="utf-8")  # not zl's: kept
    return folder, {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_failure_while_renaming_restores_the_old_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, province_split: Path
) -> None:
    folder, before = _filled_set(tmp_path, province_split)
    real = files.os.rename

    def failing(src: str, dst: str) -> None:
        if src.endswith(".new"):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(files.os, "rename", failing)
    with pytest.raises(OutputError, match="nothing was written"):
        write_ledger(load_plan(PROVINCE), str(folder), "lead", force=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before and _leftovers(folder) == []


@pytest.mark.parametrize("when", ["before", "between", "after"])
def test_ctrl_c_while_renaming_leaves_a_whole_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, province_split: Path, when: str
) -> None:
    """Ctrl-C (or SIGTERM, which raises as it does) at any point of the swap leaves the old folder
    or the new one, whole, and nothing beside it."""
    folder, before = _filled_set(tmp_path, province_split)
    real, renames = files.os.rename, []

    def interrupted(src: str, dst: str) -> None:
        renames.append(src)
        if when == "before" or (when == "between" and len(renames) == 2):
            raise KeyboardInterrupt
        real(src, dst)
        if when == "after" and src.endswith(".new"):
            raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_ledger(load_plan(PROVINCE), str(folder), "lead", force=True)
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    if when == "after":
        assert set(after) == set(before) and after["说明.txt"] == before["说明.txt"]
        assert all(v.startswith(b"PK") for k, v in after.items() if k.endswith(".xlsx"))  # the new set, whole
    else:
        assert after == before
    assert _leftovers(folder) == []


def test_written_files_have_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    """Bug caught: workbooks came out readable by their owner only (those of a temporary file)."""
    umask = os.umask(0o022)
    try:
        write_ledger(load_plan(PROVINCE), str(tmp_path / "x.xlsx"))
        assert stat.S_IMODE((tmp_path / "x.xlsx").stat().st_mode) == 0o644
        (tmp_path / "x.xlsx").chmod(0o664)  # replaced with --force: its permissions kept
        write_ledger(load_plan(PROVINCE), str(tmp_path / "x.xlsx"), force=True)
        assert stat.S_IMODE((tmp_path / "x.xlsx").stat().st_mode) == 0o664
    finally:
        os.umask(umask)


@pytest.mark.parametrize("name", ["台账", "台账.csv", "台账.xls"])
def test_a_name_that_is_not_xlsx_is_refused(tmp_path: Path, zl: Run, name: str) -> None:
    """Bug caught: -o 台账.csv wrote a workbook that Excel then refused to open."""
    result = zl("ledger", "-o", str(tmp_path / name))
    assert result.code == 2 and "does not end in .xlsx" in result.err and "台账.xlsx" in result.err
    assert list(tmp_path.iterdir()) == []


def test_xlsx_in_capitals_is_a_workbook_name(tmp_path: Path, zl: Run) -> None:
    assert zl("ledger", "-o", str(tmp_path / "台账.XLSX")).code == 0


def test_split_by_something_else_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--split-by lead"):
        write_ledger(load_plan(None), str(tmp_path / "x"), "section")
    assert not (tmp_path / "x").exists()


def test_split_into_a_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "x"
    file.write_text("")
    with pytest.raises(OutputError, match="is a file"):
        write_ledger(load_plan(None), str(file), "lead")


def test_text_over_a_cells_limit_is_refused(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "一、总则\n（一）加强" + "监" * 33000 + "。（牵头单位：省厅）\n")
    with pytest.raises(OutputError, match="over the 32767"):
        write_ledger(load_plan(str(plan)), str(tmp_path / "x.xlsx"))
    assert not (tmp_path / "x.xlsx").exists()


# --- the command ----------------------------------------------------------------------


def test_ledger_command(zl: Run, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    result = zl("ledger", "-o", str(out))
    assert result.code == 0 and result.out == f"{out}: 72 tasks, 34 targets\n"
    again = zl("ledger", "-o", str(out))
    assert again.code == 5 and again.err.startswith("Error: ") and "--force" in again.err
    assert zl("ledger", "-o", str(out), "--force").code == 0
    split = zl("ledger", "--split-by", "lead", "-o", str(tmp_path / "split"), "--file", PROVINCE)
    assert split.code == 0 and len(split.out.splitlines()) == 8
    assert f"{tmp_path / 'split' / '省发展改革委.xlsx'}: 1 task, 0 targets" in split.out
