"""Filled ledgers read back and every target judged.

``judge_ledgers(paths, loaded)`` reads workbooks written by :mod:`ledger` — the
whole ledger or any set of split ones — checks that each was made from the plan in
``loaded`` (the SHA-256 in its 说明 sheet), merges them and judges each target::

    指标编号 1-1  要求 不少于 10 项   完成值 12    -> met
    指标编号 1-2  要求 减少达到 2 %   完成值 1.5   -> unmet (the reduction achieved)
    指标编号 1-3  完成值 (empty)                  -> unreported
    指标编号 1-4  完成值 "约十个"                 -> invalid (named by file, sheet and cell)

Only the fill-in columns are read from a workbook (进展情况, 完成状态, 备注 on 任务;
完成值, 完成说明 on 指标); everything else comes from the plan, so an edit to a
locked column changes nothing.  Rows are found by their 序号 and 指标编号, wherever
they are: sorted rows, inserted blank rows, a header pasted again and moved columns
read the same, and cells merged down a column give their value to every row they span.  The
same row filled differently in two places is refused, naming both cells; a row
filled in one file and left empty in another (an item with two lead units) takes
the value that was filled.

完成值 is a number.  A number typed as text is read too: ``12``, ``１２``, ``1,200``,
``2.5``, ``50万`` (500000), and the target's own unit after it (``12%``, ``500家``).
A cell formatted as a percentage (Excel stores 12% as 0.12) is read as 12 for a
target counted in %.  Anything else — other words, another unit, a date — is
``invalid``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, OutputError
from .ledger import (
    NO_LEAD,
    NOTE_COLUMNS,
    NOTES,
    SCOPE_LABEL,
    SHA_LABEL,
    SOURCE_LABEL,
    STATES,
    TARGET_FILL,
    TARGETS,
    TASK_FILL,
    TASKS,
    Entry,
    deadline_text,
    joined,
    requirement,
    target_entries,
)
from .query import items as plan_items
from .query import lead_rows

if TYPE_CHECKING:
    from .cache import LoadedPlan
    from .records import ItemRecord, TargetRecord
    from .workbook import Cell, Sheet, Value

Row = dict[str, Any]
Key = str | int

STATUSES = ("met", "unmet", "unreported", "invalid")
STATUS_WORDS = {"met": "达标", "unmet": "未达标", "unreported": "未填报", "invalid": "无效"}
STATUS_COLOURS = {"达标": "C6EFCE", "未达标": "FFC7CE", "未填报": "EDEDED", "无效": "FFEB9C"}
STATE_KEYS = dict(zip(STATES, ("not_started", "in_progress", "done", "not_done"), strict=True))
SUMMARY_TARGET_COLUMNS = (
    "指标编号", "序号", "牵头单位", "指标", "要求", "目标值", "下限", "上限", "单位", "时限",
    "完成值", "完成说明", "结果", "来源",
)  # fmt: skip
SUMMARY_TASK_COLUMNS = ("序号", "任务", "牵头单位", "完成状态", "进展情况", "备注", "来源")
APPROX = Decimal("0.05")  # ~ is met within 5% of the value, either way
MAGNITUDES = {"": Decimal(1), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
HEADER_ROWS = 10  # the header is looked for in this many rows from the top
MINUS_SIGN = "\u2212"  # − as Word and web pages print a negative number; NFKC keeps it

RE_NUMBER = re.compile(
    r"""
    (?P<number> [+-]? (?: \d+ (?: \.\d* )? | \.\d+ ) )   # 12, -3, 2.5, .5
    \s* (?P<magnitude> [万亿]? )                          # 50万, 1.2亿
    \s* (?P<unit> .*? )                                   # the unit, if written: 12%, 500家
    """,
    re.X,
)
RE_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # 1,200 and 12,345,678


class Invalid(ValueError):
    """A 完成值 that is not a number: the message says what it is."""


def read_actual(value: Any, percent: bool, unit: str) -> Decimal | None:
    """A 完成值 as a number in the target's unit; None when empty.

    >>> read_actual(12, False, "家"), read_actual(" １２ ", False, "家"), read_actual("1,200家", False, "家")
    (Decimal('12'), Decimal('12'), Decimal('1200'))
    >>> read_actual("50万", False, "批次"), read_actual("12%", False, "%"), read_actual(0.07, True, "%")
    (Decimal('500000'), Decimal('12'), Decimal('7.00'))
    >>> read_actual("\u22121.5", False, "%"), read_actual("－2", False, "%")
    (Decimal('-1.5'), Decimal('-2'))
    >>> read_actual("  ", False, "%") is None
    True
    >>> read_actual("12%", False, "家")
    Traceback (most recent call last):
    ...
    zhiliang_cli.progress.Invalid: '12%' is not a number in 家
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise Invalid(f"{value!s} is not a number")
    if not isinstance(value, str):
        number = Decimal(repr(value))
        if not number.is_finite():
            raise Invalid(f"{value!s} is not a number")
        if percent and unit != "%":
            raise Invalid(f"{value * 100:g}% is a percentage, but the target counts in {unit or 'plain numbers'}")
        return number * 100 if percent else number
    text = RE_THOUSANDS.sub("", unicodedata.normalize("NFKC", value).strip().replace(MINUS_SIGN, "-"))
    match = RE_NUMBER.fullmatch(text)
    if not match or match["unit"] not in ("", unicodedata.normalize("NFKC", unit)):
        where = f" in {unit}" if unit else ""
        raise Invalid(f"{value!r} is not a number{where}")
    try:
        return Decimal(match["number"]) * MAGNITUDES[match["magnitude"]]
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise Invalid(f"{value!r} is not a number") from None


def _number(value: Any) -> Decimal:
    return Decimal(repr(value))


def is_met(target: TargetRecord, actual: Decimal) -> bool:
    """Whether ``actual`` satisfies ``target`` (for a change, ``actual`` is the change achieved).

    >>> t = {"comparator": ">=", "value": 10, "low": None, "high": None}
    >>> is_met(t, Decimal(10)), is_met({**t, "comparator": ">"}, Decimal(10))
    (True, False)
    >>> is_met({**t, "comparator": "="}, Decimal(11)), is_met({**t, "comparator": "<"}, Decimal(10))
    (True, False)
    >>> is_met({**t, "comparator": "~"}, Decimal("9.5")), is_met({**t, "comparator": "~"}, Decimal("10.6"))
    (True, False)
    >>> is_met({**t, "comparator": "range", "value": None, "low": 1, "high": 2}, Decimal(1))
    True
    """
    comparator = target["comparator"]
    if comparator == "range":
        return actual >= _number(target["low"])
    value = _number(target["value"])
    checks: dict[str, Callable[[], bool]] = {
        ">=": lambda: actual >= value,
        ">": lambda: actual > value,
        "<=": lambda: actual <= value,
        "<": lambda: actual < value,
        "=": lambda: actual >= value,  # a count to reach: reaching it or more
        "~": lambda: abs(actual - value) <= abs(value) * APPROX,
    }
    return checks[comparator]()


# --- reading the workbooks -----------------------------------------------------------


@dataclass(frozen=True)
class FilledRow:
    """The fill-in cells of one row of a ledger, found by its key."""

    key: Key
    file: str
    sheet: str
    cells: dict[str, Cell]


@dataclass
class Ledger:
    path: str
    sha256: str
    title: str | None
    scope: str | None
    source: str | None = None  # the plan file it was made from, as zl ledger was given it
    tasks: list[FilledRow] = field(default_factory=list)
    targets: list[FilledRow] = field(default_factory=list)


def read_ledger(path: str, loaded: LoadedPlan, item_numbers: set[int], target_ids: set[str]) -> Ledger:
    """The fill-in cells of a ledger workbook made from ``loaded``, its rows keyed by 序号 and 指标编号."""
    from .workbook import read

    book = read(path)
    for name in (TASKS, TARGETS, NOTES):
        if name not in book:
            raise InputError(
                f"{path} is not a ledger made by zl ledger (it has no sheet {name}; "
                f"if the sheet was renamed, name it {name} again)"
            )
    notes = {str(row[0].value).strip(): row[1].value for row in book[NOTES] if len(row) > 1 and row[0].value}
    if not notes.get(SHA_LABEL):
        raise InputError(f"{path} is not a ledger made by zl ledger (its sheet {NOTES} has no {SHA_LABEL})")
    sha = str(notes[SHA_LABEL]).strip().lower()
    title, source = notes.get("计划") or notes.get("标题"), notes.get(SOURCE_LABEL)
    ledger = Ledger(path, sha, title, notes.get(SCOPE_LABEL), str(source) if source else None)
    _check_plan(ledger, loaded)
    ledger.tasks = _rows(path, TASKS, book[TASKS], "序号", TASK_FILL, _item_key(item_numbers))
    ledger.targets = _rows(path, TARGETS, book[TARGETS], "指标编号", TARGET_FILL, _target_key(target_ids))
    return ledger


def _header(path: str, sheet: str, rows: list[list[Cell]], wanted: tuple[str, ...]) -> tuple[int, dict[str, int]]:
    for at, row in enumerate(rows[:HEADER_ROWS]):
        names = {str(c.value).strip(): col for col, c in enumerate(row) if isinstance(c.value, str)}
        if wanted[0] in names:
            missing = [name for name in wanted if name not in names]
            if missing:
                raise InputError(
                    f"{path}, sheet {sheet} has no column {missing[0]}: put the column back "
                    "under that header (it may stay empty)"
                )
            return at, {name: names[name] for name in wanted}
    raise InputError(f"{path} is not a ledger made by zl ledger (sheet {sheet} has no column {wanted[0]})")


def _rows(
    path: str,
    sheet: str,
    rows: list[list[Cell]],
    key_column: str,
    fill: tuple[str, ...],
    to_key: Callable[[Cell], Key | None],
) -> list[FilledRow]:
    at, columns = _header(path, sheet, rows, (key_column, *fill))
    found: list[FilledRow] = []
    for row in rows[at + 1 :]:
        cells = {name: row[col] for name, col in columns.items() if col < len(row)}
        key_cell = cells.get(key_column)
        if key_cell is None or _empty(key_cell):
            filled = [(name, cells[name]) for name in fill if name in cells and not _empty(cells[name])]
            if filled:  # a value with no row to put it in: refused, never dropped
                name, cell = filled[0]
                raise InputError(
                    f"{path}, sheet {sheet}, cell {cell.ref}: {name} is filled in a row with no {key_column}; "
                    f"move it to the row of its {key_column}"
                )
            continue  # a blank row
        if isinstance(key_cell.value, str) and key_cell.value.strip() == key_column:
            continue  # the header again, as pasted with the rows of another workbook
        key = to_key(key_cell)
        if key is None:
            raise InputError(
                f"{path}, sheet {sheet}, cell {key_cell.ref}: {key_column} {_shown(key_cell)} is not in this plan; "
                f"restore the {key_column} zl ledger wrote"
            )
        found.append(FilledRow(key, path, sheet, {name: cells[name] for name in fill if name in cells}))
    return found


def _empty(cell: Cell) -> bool:
    return cell.formula is None and (cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()))


def _item_key(numbers: set[int]) -> Callable[[Cell], Key | None]:
    """序号 as an item number of the plan (12, 12.0, "12", "１２"); None when it is none."""

    def key(cell: Cell) -> Key | None:
        value = cell.value
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        return int(text) if text.isdigit() and int(text) in numbers else None

    return key


def _target_key(ids: set[str]) -> Callable[[Cell], Key | None]:
    """指标编号 as a target of the plan; None when it is none."""

    def key(cell: Cell) -> Key | None:
        text = unicodedata.normalize("NFKC", str(cell.value)).strip()
        return text if text in ids else None

    return key


# --- merging -------------------------------------------------------------------------


@dataclass
class Merged:
    """One row's fill-in cells gathered from every file: each column's cell, and where."""

    first: FilledRow
    cells: dict[str, tuple[Cell, FilledRow]] = field(default_factory=dict)


def merge(rows: list[FilledRow], what: str, same: Callable[[FilledRow, str, Cell], object]) -> dict[Key, Merged]:
    """Rows with the same key gathered; two filled cells that differ are an error."""
    merged: dict[Key, Merged] = {}
    for row in rows:
        entry = merged.setdefault(row.key, Merged(row))
        for name, cell in row.cells.items():
            if _empty(cell):
                continue
            if name not in entry.cells:
                entry.cells[name] = (cell, row)
                continue
            other, where = entry.cells[name]
            if same(where, name, other) != same(row, name, cell):
                raise InputError(
                    f"{what} {row.key} is filled differently in {where.file} ({where.sheet}!{other.ref}: "
                    f"{_shown(other)}) and in {row.file} ({row.sheet}!{cell.ref}: {_shown(cell)}): "
                    "correct one of them"
                )
    return merged


def _shown(cell: Cell) -> str:
    return repr(cell.formula) if cell.formula else repr(cell.value)


def _text(cell: Cell | None) -> str | None:
    """A cell's text as typed; a number typed in a text column as written; None when empty."""
    if cell is None or _empty(cell):
        return None
    value = cell.value
    if cell.formula is not None:
        return cell.formula
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- judging -------------------------------------------------------------------------


@dataclass
class Report:
    """The judged ledgers: ``data`` is what is printed; ``warnings`` go to stderr."""

    data: Row
    warnings: list[str]


def judge_ledgers(paths: list[str], loaded: LoadedPlan) -> Report:
    """Read every ledger in ``paths``, check each against ``loaded``, merge and judge."""
    plan = loaded.plan
    entries = target_entries(plan)
    by_id = {e.id: e for e in entries}
    warnings: list[str] = []
    numbers = {i["number"] for i in plan_items(plan)}
    ledgers = [read_ledger(p, loaded, numbers, set(by_id)) for p in _distinct(paths, warnings)]
    tasks = merge([r for ledger in ledgers for r in ledger.tasks], "序号", _same_text)
    targets = merge([r for ledger in ledgers for r in ledger.targets], "指标编号", _same_actual(by_id))
    item_rows = [_item_record(item, tasks.get(item["number"]), warnings) for item in plan_items(plan)]
    target_rows = [_target_record(entry, targets.get(entry.id), warnings) for entry in entries]
    summary = _summary(loaded, ledgers, item_rows, target_rows)
    return Report({"summary": summary, "items": item_rows, "targets": target_rows}, warnings)


def _distinct(paths: list[str], warnings: list[str]) -> list[str]:
    """``paths`` with a file given twice (under any name) kept once, with a warning."""
    seen: dict[str, str] = {}
    kept: list[str] = []
    for path in paths:
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            warnings.append(f"{path} is {seen[key]} given again: read once")
            continue
        seen[key] = path
        kept.append(path)
    return kept


def _check_plan(ledger: Ledger, loaded: LoadedPlan) -> None:
    """Refuse a ledger made from another file than ``loaded``, naming both (by title, file
    and hash: two editions of a plan can share a title)."""
    if ledger.sha256 != loaded.sha256.lower():
        ours = loaded.plan["plan_title"] or loaded.plan["title"] or "untitled"
        theirs = f"{ledger.title or 'untitled'}, file {ledger.source}" if ledger.source else ledger.title or "untitled"
        raise InputError(
            f"{ledger.path} was made from another plan ({theirs}, sha256 {ledger.sha256[:12]}…), "
            f"not from {ours} (file {loaded.path}, sha256 {loaded.sha256[:12]}…): "
            "give the plan it was made from with --file"
        )


def _same_text(row: FilledRow, name: str, cell: Cell) -> object:
    return unicodedata.normalize("NFKC", _text(cell) or "").strip()


def _same_actual(by_id: dict[str, Entry]) -> Callable[[FilledRow, str, Cell], object]:
    def same(row: FilledRow, name: str, cell: Cell) -> object:
        if name != "完成值":
            return _same_text(row, name, cell)
        try:
            return _actual(cell, by_id[str(row.key)].target["unit"])
        except Invalid:
            return ("invalid", _shown(cell))

    return same


def _actual(cell: Cell, unit: str) -> Decimal | None:
    if cell.formula is not None:
        raise Invalid(f"the formula {cell.formula} has no computed value: open and save the file in Excel or WPS")
    return read_actual(cell.value, cell.percent, unit)


def _source(row: FilledRow | None, cell: Cell | None) -> Row | None:
    if row is None or cell is None:
        return None
    return {"file": row.file, "sheet": row.sheet, "cell": cell.ref}


def _pick(merged: Merged | None, name: str) -> tuple[Cell | None, FilledRow | None]:
    if merged is None:
        return None, None
    if name in merged.cells:
        return merged.cells[name]
    return merged.first.cells.get(name), merged.first


def _item_record(item: ItemRecord, merged: Merged | None, warnings: list[str]) -> Row:
    state_cell, row = _pick(merged, "完成状态")
    state = _text(state_cell)
    if state is not None and state.strip() not in STATES and row and state_cell:
        where = f"{row.file}, sheet {row.sheet}, cell {state_cell.ref}"
        warnings.append(f"{where}: 完成状态 {state!r} is not one of {'、'.join(STATES)}")
    return {
        "item": item["number"],
        "title": item["title"],
        "lead_units": item["lead_units"],
        "state": state.strip() if state is not None else None,
        "progress": _text(_pick(merged, "进展情况")[0]),
        "remark": _text(_pick(merged, "备注")[0]),
        "source": _source(row, state_cell) if merged else None,
    }


def _target_record(entry: Entry, merged: Merged | None, warnings: list[str]) -> Row:
    t = entry.target
    cell, row = _pick(merged, "完成值")
    status = "unreported"
    actual: int | float | str | None = None  # the number read; for an invalid one, the text as typed
    if cell is not None and row is not None and not _empty(cell):
        try:
            number = _actual(cell, t["unit"]) or Decimal(0)
            status, actual = ("met" if is_met(t, number) else "unmet"), _plain(number)
        except Invalid as error:
            status, actual = "invalid", _text(cell)
            warnings.append(f"{row.file}, sheet {row.sheet}, cell {cell.ref}: 完成值 of {entry.id}: {error}")
    return {
        "id": entry.id,
        "item": t["item"],
        "lead_units": entry.item["lead_units"] if entry.item else [],
        "text": t["text"],
        "comparator": t["comparator"],
        "value": t["value"],
        "low": t["low"],
        "high": t["high"],
        "unit": t["unit"],
        "change": t["change"],
        "aspirational": t["aspirational"],
        "by": t["by"],
        "actual": actual,
        "note": _text(_pick(merged, "完成说明")[0]),
        "status": status,
        "source": _source(row, cell),
    }


def _plain(number: Decimal) -> int | float:
    """A Decimal as JSON would have it.

    >>> _plain(Decimal("12.0")), _plain(Decimal("2.5"))
    (12, 2.5)
    """
    return int(number) if number == number.to_integral_value() else float(number)


def _counts(targets: list[Row]) -> Row:
    return {"targets": len(targets), **{s: sum(1 for t in targets if t["status"] == s) for s in STATUSES}}


def _summary(loaded: LoadedPlan, ledgers: list[Ledger], items: list[Row], targets: list[Row]) -> Row:
    plan = loaded.plan
    units: list[str | None] = [row["name"] for row in lead_rows(plan)]
    if any(not i["lead_units"] for i in items) or any(not t["lead_units"] for t in targets):
        units.append(None)
    per_unit = []
    for unit in units:
        mine = [i for i in items if (unit in i["lead_units"] if unit else not i["lead_units"])]
        theirs = [t for t in targets if (unit in t["lead_units"] if unit else not t["lead_units"])]
        with_state = sum(1 for i in mine if i["state"])
        per_unit.append({"name": unit, "items": len(mine), "items_with_state": with_state, **_counts(theirs)})
    states = {key: sum(1 for i in items if i["state"] == word) for word, key in STATE_KEYS.items()}
    states["other"] = sum(1 for i in items if i["state"] and i["state"] not in STATE_KEYS)
    return {
        "plan": {
            "title": plan["title"],
            "plan_title": plan["plan_title"],
            "doc_number": plan["doc_number"],
            "sha256": loaded.sha256,
        },
        "files": [{"file": ledger.path, "scope": ledger.scope} for ledger in ledgers],
        "items": len(items),
        "items_with_state": sum(1 for i in items if i["state"]),
        "states": states,
        **_counts(targets),
        "lead_units": per_unit,
    }


# --- the summary workbook ------------------------------------------------------------


def summary_sheets(data: Row) -> list[Sheet]:
    """The judged result as sheets: per lead unit, every target with its status coloured, every item."""
    from .workbook import Sheet

    status_header = [STATUS_WORDS[s] for s in STATUSES]
    return [
        Sheet(
            "汇总",
            ["牵头单位", "任务数", "已填完成状态", "指标数", *status_header, "达标率（%）"],
            _unit_rows(data["summary"]),
            protect=False,
        ),
        Sheet(
            TARGETS,
            SUMMARY_TARGET_COLUMNS,
            _judged_rows(data["targets"]),
            colours={"结果": STATUS_COLOURS},
            protect=False,
        ),
        Sheet(TASKS, SUMMARY_TASK_COLUMNS, _item_rows(data["items"]), protect=False),
        Sheet(NOTES, NOTE_COLUMNS, _about_rows(data["summary"]), protect=False),
    ]


def _unit_rows(summary: Row) -> list[list[Value]]:
    return [
        [
            u["name"] or NO_LEAD,
            u["items"],
            u["items_with_state"],
            u["targets"],
            *(u[s] for s in STATUSES),
            round(100 * u["met"] / u["targets"], 1) if u["targets"] else None,
        ]
        for u in summary["lead_units"]
    ]


def _judged_rows(targets: list[Row]) -> list[list[Value]]:
    return [
        [
            t["id"],
            t["item"],
            joined(t["lead_units"]),
            t["text"],
            requirement(t),
            t["value"],
            t["low"],
            t["high"],
            t["unit"] or None,
            deadline_text(t["by"]),
            t["actual"],
            t["note"],
            STATUS_WORDS[t["status"]],
            _where(t["source"]),
        ]
        for t in targets
    ]


def _item_rows(items: list[Row]) -> list[list[Value]]:
    return [
        [i["item"], i["title"], joined(i["lead_units"]), i["state"], i["progress"], i["remark"], _where(i["source"])]
        for i in items
    ]


def _about_rows(summary: Row) -> list[list[Value]]:
    plan = summary["plan"]
    return [
        ["计划", plan["plan_title"] or plan["title"]],
        ["发文字号", plan["doc_number"]],
        [SHA_LABEL, plan["sha256"]],
        *(["台账", f"{f['file']}（{f['scope'] or ''}）"] for f in summary["files"]),
        [
            "判定",
            "不少于、达到：不低于目标值；多于：高于；不超过：不高于；少于：低于；约：相差不超过5%；区间：达到下限",
        ],
        ["判定", "减少、提高：完成值为实际变化的幅度，按同样的要求判定"],
    ]


def _where(source: Row | None) -> str | None:
    return f"{source['file']} {source['sheet']}!{source['cell']}" if source else None


def check_output(output: str, ledgers: list[str], force: bool = False) -> None:
    """Refuse ``output`` now, before the work, if it exists (unless ``force``), is a
    folder, or is one of the ``ledgers`` read (--force or not: it holds what was filled in)."""
    from .workbook import check_free

    target = os.path.realpath(output)
    for ledger in ledgers:
        if os.path.realpath(ledger) == target:
            raise OutputError(f"-o {output} is the ledger {ledger}, which is read: write the result to another file")
    check_free([Path(output)], force)


def write_summary(data: Row, output: str, force: bool = False) -> None:
    """The judged result as a workbook at ``output``, written atomically."""
    from .workbook import build, write_set

    write_set([(Path(output), build(summary_sheets(data)))], force)
