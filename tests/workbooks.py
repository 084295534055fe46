"""Helpers for the ledger tests: a small plan with every kind of target, filling a
ledger the way a unit would (openpyxl, rows found by their key), and a scan for
formulas in a written workbook."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl

#: A plan made up to hold every comparator, both changes, 力争, a rate with no unit,
#: unit names that begin with = + - @, an item led by two units and one led by none.
SMALL_PLAN = """=某市2025年质量工作要点
一、总则
（一）=HYPERLINK("http://x")加强监管。新增企业10家以上，培育品牌超过20个，亿元GDP生产安全事故死亡率控制在0.2以下，\
投诉率不超过5%，培训约100人，新增标准3-5项，能耗比上年下降3%，产值增长10%以上，力争新建站点50个。\
（牵头单位：=省厅、+省局；配合单位：@某办）
（二）@做好工作，全年完成检查低于30次。（牵头单位：-省委）
（三）做好其他工作。
"""


def write_plan(folder: Path, text: str = SMALL_PLAN, name: str = "plan.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def columns(ws: Any) -> dict[str, int]:
    """Header name -> 1-based column, from the first row."""
    return {str(c.value): c.column for c in ws[1] if c.value is not None}


def fill(
    path: Path,
    targets: Mapping[str, Any] = {},
    tasks: Mapping[int, Mapping[str, Any]] = {},
    notes: Mapping[str, Any] = {},
    percent: frozenset[str] = frozenset(),
    out: Path | None = None,
) -> Path:
    """Fill a ledger as a unit would: 完成值 (and 完成说明 from ``notes``) by 指标编号,
    任务 columns by 序号; ids in ``percent`` get a percentage number format."""
    book = openpyxl.load_workbook(path)
    ws = book["指标"]
    col = columns(ws)
    for row in range(2, ws.max_row + 1):
        key = ws.cell(row, col["指标编号"]).value
        if key in targets:
            cell = ws.cell(row, col["完成值"])
            cell.value = targets[key]
            if key in percent:
                cell.number_format = "0%"
        if key in notes:
            ws.cell(row, col["完成说明"]).value = notes[key]
    ws = book["任务"]
    col = columns(ws)
    for row in range(2, ws.max_row + 1):
        key = ws.cell(row, col["序号"]).value
        for name, value in tasks.get(key, {}).items():
            ws.cell(row, col[name]).value = value
    book.save(out or path)
    return out or path


def assert_no_formula(path: Path) -> None:
    """No cell of any sheet is a formula: neither as openpyxl reads it nor in the XML."""
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name} {ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, f"{path.name}: {name} holds a formula"


def sheet_values(path: Path, sheet: str) -> list[list[Any]]:
    ws = openpyxl.load_workbook(path)[sheet]
    return [list(row) for row in ws.iter_rows(values_only=True)]
