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

完成值 is read by :mod:`entries`: a bare number in the unit the ledger shows (100 | 亿元),
or what clerks write (100以上, 100余家, 约20个, 一百五十所, 2项（已完成）, 120亿元, 1.2万); a
reading that is not plain is said in a warning, in Chinese, and — or 无 is not reported.

The judged result (:class:`Report`'s ``data``) is ``{"summary", "items", "targets"}``: the
summary names the plan and the ledgers read (``files``: ``file``, ``scope``, ``date`` — the day the
workbook was last saved), each target record says which target of which item (``id``, ``item``,
``text``, ``comparator``, ``value`` … in the plan's record unit, ``unit_written`` the unit the
ledger shows), what was typed (``typed``), the number read in the record's unit (``actual``),
how it is bounded (``bound``) and why (``reading``), its ``status`` and where it was read
(``source``: ``file``, ``sheet``, ``cell``).
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .entries import Invalid, Reading, Unit, in_unit, read_entry
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
    as_written,
    deadline_text,
    joined,
    requirement,
    target_entries,
    written_scale,
)
from .printable import printable
from .query import items as plan_items
from .query import lead_rows
from .zh import MESSAGES, STATUS_WORDS
from .zh import SUMMARY_BOOK as BOOK

if TYPE_CHECKING:
    from .cache import LoadedPlan
    from .records import ItemRecord, TargetRecord
    from .sheets import Book, Cell
    from .sheets import Row as SheetRow
    from .workbook import Chart, Sheet, Value

Row = dict[str, Any]
Key = str | int

STATUSES = ("met", "unmet", "unreported", "invalid")
STATUS_COLOURS = {"达标": "C6EFCE", "未达标": "FFC7CE", "未填报": "EDEDED", "无效": "FFEB9C"}
STATE_KEYS = dict(zip(STATES, ("not_started", "in_progress", "done", "not_done"), strict=True))
SUMMARY_TARGET_COLUMNS = (
    "指标编号", "序号", "牵头单位", "指标", "要求", "目标", "单位", "时限", "完成值", "完成说明", "结果", "来源",
)  # fmt: skip
SUMMARY_TASK_COLUMNS = ("序号", "任务", "牵头单位", "完成状态", "进展情况", "备注", "来源")
APPROX = Decimal("0.05")  # ~ is met within 5% of the value, either way
HEADER_ROWS = 10  # the header is looked for in this many rows from the top


def unit_of(target: TargetRecord) -> Unit:
    """The unit a target's 完成值 is typed in: the one the ledger shows (亿元 for 100亿元)."""
    scale = written_scale(target)
    return Unit(target["unit"], scale.word, scale.factor)


def _number(value: Any) -> Decimal:
    return Decimal(repr(value))


def is_met(target: TargetRecord, actual: Decimal, bound: str = "exact") -> bool:
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

    A number typed as a bound (100余: more than 100) meets a strict goal it reaches:

    >>> is_met({**t, "comparator": ">"}, Decimal(10), "more_than"), is_met({**t, "comparator": ">"}, Decimal(10))
    (True, False)
    """
    comparator = target["comparator"]
    if (comparator, bound) in ((">", "more_than"), ("<", "less_than")):
        comparator = ">=" if comparator == ">" else "<="
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
    date: str | None = None  # the day the workbook was last saved (ISO), its own or its file's
    tasks: list[FilledRow] = field(default_factory=list)
    targets: list[FilledRow] = field(default_factory=list)


def open_ledger(path: str) -> tuple[Ledger, dict[str, list[SheetRow]]]:
    """A ledger workbook's 说明 (the plan it was made from: its hash, title and file) and its sheets."""
    from .sheets import read_book

    opened = read_book(path)
    book = opened.sheets
    for name in (TASKS, TARGETS, NOTES):
        if name not in book:
            raise InputError(
                f"{path} is not a ledger made by zl ledger (it has no sheet {name}; "
                f"if the sheet was renamed, name it {name} again)"
            )
    notes = {str(row[1].value).strip(): row[2].value for row in book[NOTES] if 1 in row and 2 in row}
    if not notes.get(SHA_LABEL):
        raise InputError(f"{path} is not a ledger made by zl ledger (its sheet {NOTES} has no {SHA_LABEL})")
    sha = str(notes[SHA_LABEL]).strip().lower()
    title, source = notes.get("计划") or notes.get("标题"), notes.get(SOURCE_LABEL)
    return Ledger(path, sha, title, notes.get(SCOPE_LABEL), str(source) if source else None, _saved(opened)), book


def read_ledger(path: str, loaded: LoadedPlan, item_numbers: set[int], target_ids: set[str]) -> Ledger:
    """The fill-in cells of a ledger workbook made from ``loaded``, its rows keyed by 序号 and 指标编号."""
    return _filled(*open_ledger(path), loaded, item_numbers, target_ids)


def _filled(
    ledger: Ledger, book: dict[str, list[SheetRow]], loaded: LoadedPlan, item_numbers: set[int], target_ids: set[str]
) -> Ledger:
    _check_plan(ledger, loaded)
    path = ledger.path
    ledger.tasks = _rows(path, TASKS, book[TASKS], "序号", TASK_FILL, _item_key(item_numbers))
    ledger.targets = _rows(path, TARGETS, book[TARGETS], "指标编号", TARGET_FILL, _target_key(target_ids))
    return ledger


def _saved(book: Book) -> str | None:
    """The day a workbook was last saved: as it records it, else its file's modification time."""
    moment = book.saved
    if moment is None:
        try:
            moment = dt.datetime.fromtimestamp(os.stat(book.path).st_mtime, dt.UTC)
        except OSError:
            return None
    if moment.tzinfo is None:  # Excel and openpyxl record UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date().isoformat()


def _header(path: str, sheet: str, rows: list[SheetRow], wanted: tuple[str, ...]) -> tuple[int, dict[str, int]]:
    for at, row in enumerate(rows[:HEADER_ROWS]):
        names: dict[str, int] = {}
        for col, c in sorted(row.items()):
            name = str(c.value).strip() if isinstance(c.value, str) else None
            if name in wanted and name in names:
                raise InputError(
                    f"{path}, sheet {sheet} has the column {name} twice ({row[names[name]].ref} and {c.ref}): "
                    "delete or rename one of them"
                )
            if name is not None:
                names[name] = col
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
    rows: list[SheetRow],
    key_column: str,
    fill: tuple[str, ...],
    to_key: Callable[[Cell], Key | None],
) -> list[FilledRow]:
    at, columns = _header(path, sheet, rows, (key_column, *fill))
    found: list[FilledRow] = []
    for row in rows[at + 1 :]:
        cells = {name: row[col] for name, col in columns.items() if col in row}
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
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**16:
        return f"{Decimal(value):.6e}"  # a number of thousands of digits is not shown whole
    return str(value)


# --- judging -------------------------------------------------------------------------


@dataclass
class Report:
    """The judged ledgers: ``data`` is what is printed; ``warnings`` go to stderr."""

    data: Row
    warnings: list[str]


def judge_ledgers(paths: list[str], loaded: LoadedPlan | Callable[[Ledger], LoadedPlan]) -> Report:
    """Read every ledger in ``paths``, check each against ``loaded``, merge and judge.

    ``loaded`` may be a function that finds the plan from the first ledger's 说明 (its hash),
    as ``zl progress --db`` does in the database: every workbook is still read once."""
    warnings: list[str] = []
    opened = [open_ledger(p) for p in _distinct(paths, warnings)]
    if callable(loaded):  # a LoadedPlan is not
        loaded = loaded(opened[0][0])
    plan = loaded.plan
    entries = target_entries(plan)
    by_id = {e.id: e for e in entries}
    numbers = {i["number"] for i in plan_items(plan)}
    ledgers = [_filled(ledger, book, loaded, numbers, set(by_id)) for ledger, book in opened]
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
            _warn(warnings, "given_twice", path=path, first=seen[key])
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
        target = by_id[str(row.key)].target
        try:
            reading = _reading(cell, target)
            return (reading.value, reading.bound)
        except Invalid:
            return ("invalid", _shown(cell))

    return same


def _reading(cell: Cell, target: TargetRecord) -> Reading:
    if cell.formula is not None:
        raise Invalid(MESSAGES["no_value_of_formula"].format(formula=cell.formula))
    goal = target["low"] if target["comparator"] == "range" else target["value"]
    return read_entry(cell.value, cell.percent, unit_of(target), goal)


def _cell_at(row: FilledRow, cell: Cell) -> str:
    return MESSAGES["where"].format(file=row.file, sheet=row.sheet, cell=cell.ref)


def _warn(warnings: list[str], key: str, **fields: object) -> None:
    """A warning from the table of messages, every field made printable: a file name or a
    cell's text cannot clear the screen or forge a second line."""
    warnings.append(MESSAGES[key].format(**{k: printable(v) for k, v in fields.items()}))


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
        _warn(warnings, "state_unknown", where=_cell_at(row, state_cell), typed=state, choices="、".join(STATES))
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
    unit = unit_of(t)
    cell, row = _pick(merged, "完成值")
    status, bound, why = "unreported", None, list[str]()
    actual: int | float | str | None = None  # the number read; for an invalid one, the text as typed
    typed = _text(cell)
    if cell is not None and row is not None and typed is not None:
        try:
            reading = _reading(cell, t)
        except Invalid as error:
            status, actual = "invalid", typed
            _warn(warnings, "invalid", where=_cell_at(row, cell), id=entry.id, typed=typed, why=error)
        else:
            if reading.value is not None:
                met = is_met(t, reading.value, reading.bound)
                status, actual, bound = ("met" if met else "unmet"), _plain(reading.value), reading.bound
            why = list(reading.why)
            if why:
                shown = in_unit(reading.value, unit) if reading.value is not None else typed
                text = MESSAGES["why_joiner"].join(why)
                _warn(warnings, "read_as", where=_cell_at(row, cell), id=entry.id, typed=typed, reading=shown, why=text)
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
        "written": as_written(t),
        "unit_written": unit.written,
        "change": t["change"],
        "aspirational": t["aspirational"],
        "by": t["by"],
        "typed": typed,
        "actual": actual,
        "bound": bound,
        "reading": list(why),
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


def _states(items: list[Row]) -> dict[str, int]:
    """Items counted by 完成状态: the drop-down's four, anything else typed, and none."""
    states = {key: sum(1 for i in items if i["state"] == word) for word, key in STATE_KEYS.items()}
    states["other"] = sum(1 for i in items if i["state"] and i["state"] not in STATE_KEYS)
    states["none"] = sum(1 for i in items if not i["state"])
    return states


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
        per_unit.append(
            {
                "name": unit,
                "items": len(mine),
                "items_with_state": with_state,
                "states": _states(mine),
                **_counts(theirs),
            }
        )
    return {
        "plan": {
            "title": plan["title"],
            "plan_title": plan["plan_title"],
            "doc_number": plan["doc_number"],
            "sha256": loaded.sha256,
        },
        "files": [{"file": ledger.path, "scope": ledger.scope, "date": ledger.date} for ledger in ledgers],
        "items": len(items),
        "items_with_state": sum(1 for i in items if i["state"]),
        "states": _states(items),
        **_counts(targets),
        "lead_units": per_unit,
    }


# --- the summary workbook ------------------------------------------------------------


def summary_sheets(data: Row) -> tuple[list[Sheet], Chart]:
    """The judged result as sheets — per lead unit with a 合计 row, every target with its result
    coloured, every item — and a bar chart of the results per lead unit."""
    from .workbook import Chart, Sheet

    status_header = [STATUS_WORDS[s] for s in STATUSES]
    units = _unit_rows(data["summary"])
    header = ["牵头单位", "任务数", "已填完成状态", "指标数", *status_header, BOOK["rate"]]
    title = data["summary"]["plan"]["plan_title"] or data["summary"]["plan"]["title"]
    sheets = [
        Sheet(BOOK["units_sheet"], header, units, protect=False, title=title, bold_rows=frozenset({len(units) - 1})),
        Sheet(
            TARGETS,
            SUMMARY_TARGET_COLUMNS,
            _judged_rows(data["targets"]),
            colours={"结果": STATUS_COLOURS},
            protect=False,
            title=title,
        ),
        Sheet(TASKS, SUMMARY_TASK_COLUMNS, _item_rows(data["items"]), protect=False, title=title),
        Sheet(NOTES, NOTE_COLUMNS, _about_rows(data["summary"]), protect=False, title=title),
    ]
    first = header.index(status_header[0]) + 1
    chart = Chart(
        BOOK["chart_sheet"],
        BOOK["chart_title"],
        BOOK["units_sheet"],
        rows=len(units) - 1,  # not the 合计 row
        series=range(first, first + len(STATUSES)),
        colours=tuple(CHART_COLOURS[s] for s in STATUSES),
        y_title=BOOK["chart_y"],
        page_title=title,
    )
    return sheets, chart


#: The colour of each result's bars in the chart: green, red, grey, amber.
CHART_COLOURS = {"met": "70AD47", "unmet": "C00000", "unreported": "A6A6A6", "invalid": "FFC000"}


def _unit_rows(summary: Row) -> list[list[Value]]:
    rows: list[list[Value]] = [
        [u["name"] or NO_LEAD, u["items"], u["items_with_state"], u["targets"], *(u[s] for s in STATUSES), _rate(u)]
        for u in summary["lead_units"]
    ]
    total = summary
    counts = [total[s] for s in STATUSES]
    rows.append([BOOK["total"], total["items"], total["items_with_state"], total["targets"], *counts, _rate(total)])
    return rows


def _rate(counts: Row) -> float | None:
    return round(100 * counts["met"] / counts["targets"], 1) if counts["targets"] else None


def _judged_rows(targets: list[Row]) -> list[list[Value]]:
    return [
        [
            t["id"],
            t["item"],
            joined(t["lead_units"]),
            t["text"],
            requirement(t),
            t["written"],
            t["unit_written"] or None,
            deadline_text(t["by"]),
            _in_written_unit(t),
            t["note"],
            STATUS_WORDS[t["status"]],
            _where(t["source"]),
        ]
        for t in targets
    ]


def _in_written_unit(target: Row) -> Value:
    """完成值 in the unit the ledger shows (120 for 120亿元); the text as typed when invalid."""
    actual = target["actual"]
    if target["status"] == "invalid" or actual is None:
        return actual  # type: ignore[no-any-return]
    return _plain(Decimal(repr(actual)) / unit_of_record(target).factor)


def unit_of_record(target: Mapping[str, Any]) -> Unit:
    """The :class:`Unit` of a judged target record."""
    written, base = target["unit_written"], target["unit"]
    word = written[: len(written) - len(base)] if base else written
    from .entries import MAGNITUDES as WORDS

    return Unit(base, word, WORDS.get(word, 1))


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


def write_summary(data: Row, output: str, force: bool = False) -> str:
    """The judged result as a workbook at ``output``, written atomically; the line that says so."""
    from .workbook import build, write_book

    sheets, chart = summary_sheets(data)
    write_book(output, build(sheets, [chart]), force)
    summary = data["summary"]
    counts = "，".join(f"{STATUS_WORDS[s]} {summary[s]}" for s in STATUSES)
    return f"{output}: {summary['targets']} 项指标（{counts}）"
