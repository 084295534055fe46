"""The one module that imports Rich: tables and highlights for a terminal.

Text from the document is always wrapped in :class:`rich.text.Text`, never
parsed as markup, so a ``[bold]`` in a plan prints as written; control
characters (terminal escape sequences), bidirectional controls and zero-width
characters are shown escaped (``\\xNN``, ``\\u202e``; see :mod:`printable`), and
the line breaks of a CRLF or CR file are shown as line breaks.  Rich turns
colour off by itself when ``NO_COLOR`` is set or stdout is not a terminal.

Tables stay quick whatever the plan holds: a cell is cut after
:data:`CELL_LIMIT` characters and ``zl show`` after :data:`BODY_LIMIT`, each with
a marker that says how much was left out (machine formats are never cut).  A
terminal narrower than :data:`MIN_WIDTH` columns (or a ``COLUMNS`` of 0) gets
tables :data:`MIN_WIDTH` wide, and none is drawn wider than :data:`MAX_WIDTH`.  A
reader that goes away (``| head -1``) raises BrokenPipeError, which the command
line turns into a quiet exit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .printable import printable
from .records import ItemRecord

if TYPE_CHECKING:
    from .diff import Diff

Row = dict[str, Any]
HIGHLIGHT = "bold yellow"
BAR_WIDTH = 20
#: Between unit names in a cell: not 、, which a name may hold (各区、县级市人民政府).
UNIT_JOINER = "；"
RIGHT_ALIGNED = {"#", "items", "targets", "value", "met", "unmet", "unreported", "invalid", "actual"}
#: How each status of a judged target is shown in ``zl progress``, in the order listed.
PROGRESS_BAR_WIDTH = 12
UNIT_MIN_WIDTH = 12  # the lead unit column of zl progress wraps names no narrower than this
LISTING_TEXT_WIDTH = 8  # nor the lead units and target of the targets not met
UNBOUNDED = 1_000_000  # a width no table reaches: to measure one as it would be unwrapped
STATUS_STYLES = {"met": "green", "unmet": "red", "invalid": "yellow", "unreported": "dim"}
STATUS_GLYPHS = {"met": "█", "unmet": "▓", "invalid": "▒", "unreported": "░"}  # apart without colour too
CELL_LIMIT = 300  # characters shown of one table cell
BODY_LIMIT = 20_000  # characters shown of an item's text by zl show
MIN_WIDTH = 40  # columns tables are drawn in, however narrow the terminal
MAX_WIDTH = 1000  # … and however wide it says it is (a panel fills the width: COLUMNS=10**9 would be GBs)


class _Console(Console):
    def on_broken_pipe(self) -> None:  # Rich's own exits with status 1
        raise BrokenPipeError


def console() -> Console:
    out = _Console(highlight=False, emoji=False, markup=False)
    if not MIN_WIDTH <= out.width <= MAX_WIDTH:
        out = _Console(highlight=False, emoji=False, markup=False, width=min(max(out.width, MIN_WIDTH), MAX_WIDTH))
    return out


def _breaks(text: str) -> str:
    """CRLF and CR line ends as LF, keeping every offset (CRLF becomes space + LF)."""
    return text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text


def safe(value: object) -> str:
    """Text with control, bidirectional and zero-width characters made visible.

    >>> safe("a\\x1b[31mb"), safe("省\\u202e厅"), safe("a\\r\\nb\\rc")
    ('a\\\\x1b[31mb', '省\\\\u202e厅', 'a \\nb\\nc')
    """
    return printable(_breaks("" if value is None else str(value)), keep="\n\t")


def cut(value: object, limit: int = CELL_LIMIT) -> str:
    """Text of at most ``limit`` characters, with a marker saying how many were left out.

    >>> cut("一二三四五", 3), cut("一二三", 3)
    ('一二三… [+2 characters]', '一二三')
    """
    text = "" if value is None else str(value)
    return text if len(text) <= limit else f"{text[:limit]}… [+{len(text) - limit:,} characters]"


def literal(value: object, style: str = "", limit: int = CELL_LIMIT) -> Text:
    return Text(safe(cut(value, limit)), style=style)


def highlighted(
    text: str, spans: Iterable[Sequence[int]], style: str = HIGHLIGHT, limit: int = CELL_LIMIT, window: bool = True
) -> Text:
    """``text`` with each ``[start, end]`` of ``spans`` styled (offsets into ``text``); over
    ``limit`` characters, only a window around the first span (from the start when not
    ``window``), with markers."""
    ordered = sorted((s[0], s[1]) for s in spans)
    lo = 0
    if window and len(text) > limit and ordered:
        lo = max(0, min(ordered[0][0] - limit // 4, len(text) - limit))
    hi = min(len(text), lo + limit)
    text = _breaks(text)
    out = Text("… " if lo else "")
    pos = lo
    for start, end in ordered:
        start, end = max(start, lo), min(end, hi)
        if start < pos or start >= end:
            continue
        out.append(safe(text[pos:start]))
        out.append(safe(text[start:end]), style=style)
        pos = end
    out.append(safe(text[pos:hi]))
    if hi < len(text):
        out.append(f"… [+{len(text) - hi:,} characters]")
    return out


def marker(numeral: str) -> str:
    """An item's numeral as a heading marker: （十七） for 十七, 3. for 3.

    >>> marker("十七"), marker("3")
    ('（十七）', '3.')
    """
    return f"{numeral}." if numeral.isdigit() else f"（{numeral}）"


def _table(*columns: str, title: str | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
    for column in columns:
        justify: Literal["left", "right"] = "right" if column in RIGHT_ALIGNED else "left"
        table.add_column(column, justify=justify, overflow="fold")
    return table


def _plan_table(rows: Sequence[Mapping[str, Any]], *columns: str) -> Table:
    """A table of ``columns``, with a ``plan`` column first when the rows come from several plans."""
    if not _has_plan(rows):
        return _table(*columns)
    table = _table("plan", *columns)
    table.columns[0].no_wrap = True  # a path broken over lines is hard to copy
    return table


def _has_plan(rows: Sequence[Mapping[str, Any]]) -> bool:
    return bool(rows) and "plan" in rows[0]


def _plan_cell(row: Mapping[str, Any]) -> list[Text]:
    """The plan cell of a row from several plans (none for a row of one plan)."""
    return [literal(row["plan"])] if "plan" in row else []


def _units(units: list[str]) -> Text:
    return literal(UNIT_JOINER.join(units) if units else "—")


def sections(rows: list[Row]) -> None:
    table = _plan_table(rows, "#", "section", "items", "targets")
    for row in rows:
        table.add_row(
            *_plan_cell(row),
            str(row["number"]),
            literal(f"{row['numeral']}、{row['title']}"),
            str(row["item_count"]),
            str(row["target_count"]),
        )
    console().print(table)


def items(rows: Sequence[Mapping[str, Any]]) -> None:
    due = any(row.get("deadline") for row in rows)  # a 完成时限 column where some item has one
    table = _plan_table(rows, "#", "item", "lead units", *(["due"] if due else []), "targets")
    for row in rows:
        table.add_row(
            *_plan_cell(row),
            str(row["number"]),
            literal(f"{marker(row['numeral'])}{row['title']}"),
            _units(row["lead_units"]),
            *([_time(row.get("deadline"))] if due else []),
            str(len(row["targets"])),
        )
    console().print(table)
    console().print(literal(f"{len(rows)} items", "dim"))


def leads(rows: list[Row]) -> None:
    if rows and "plan_count" in rows[0]:
        leads_across(rows)
        return
    most = max((row["item_count"] for row in rows), default=1)
    table = _table("lead unit", "items", "load", "item numbers")
    table.columns[2].no_wrap = True  # a bar broken over two lines reads as two bars
    for row in rows:
        bar = "█" * max(1, round(row["item_count"] / most * BAR_WIDTH))
        table.add_row(
            literal(row["name"]),
            str(row["item_count"]),
            Text(bar, style="cyan"),
            literal(", ".join(str(n) for n in row["items"])),
        )
    console().print(table)


def leads_across(rows: list[Row]) -> None:
    """Lead units counted over several plans: how many plans and items each leads in."""
    most = max((row["item_count"] for row in rows), default=1)
    table = _table("lead unit", "plans", "items", "load")
    table.columns[1].justify = "right"
    table.columns[3].no_wrap = True
    for row in rows:
        bar = "█" * max(1, round(row["item_count"] / most * BAR_WIDTH))
        table.add_row(literal(row["name"]), str(row["plan_count"]), str(row["item_count"]), Text(bar, style="cyan"))
    console().print(table)


def _number_in_clause(row: Mapping[str, Any]) -> Text:
    offset = row["span"][0]
    start, end = row["number_span"]
    return highlighted(row["text"], [(start - offset, end - offset)])


def _value(row: Mapping[str, Any]) -> str:
    if row["comparator"] == "range":
        return cut(f"{row['low']}–{row['high']}", 40)
    return cut(f"{row['value']}", 40)


def targets(rows: list[Row]) -> None:
    timed = any(row.get("by") for row in rows)  # a by column where some target has a time
    table = _plan_table(
        rows, "item", "lead units", "target", "value", "unit", "cmp", *(["by"] if timed else []), "note"
    )
    for row in rows:
        notes = [row["change"] or "", "aspirational" if row["aspirational"] else "", row.get("subject") or ""]
        table.add_row(
            *_plan_cell(row),
            str(row["item"] or "—"),
            _units(row["lead_units"]),
            _number_in_clause(row),
            _value(row),
            literal(row["unit"]),
            row["comparator"],
            *([_time(row.get("by"))] if timed else []),
            literal(" ".join(n for n in notes if n)),
        )
    console().print(table)
    console().print(literal(f"{len(rows)} targets", "dim"))


def search(rows: list[Row]) -> None:
    table = _plan_table(rows, "item", "lead units", "match")
    for row in rows:
        table.add_row(
            *_plan_cell(row),
            literal(f"{row['number']} {marker(row['numeral'])}"),
            _units(row["lead_units"]),
            highlighted(row["snippet"], [row["snippet_match"]]),
        )
    console().print(table)
    found = len({(r.get("plan"), r["number"]) for r in rows})
    console().print(literal(f"{len(rows)} matches in {found} items", "dim"))


def _time(deadline: Mapping[str, Any] | None) -> Text:
    """A horizon or deadline as printed, with the day it allows: 到2025年 (2025-12-31)."""
    if not deadline:
        return literal("—")
    return literal(f"{deadline['text']} ({deadline['date']})" if deadline["date"] else deadline["text"])


def show(item: ItemRecord) -> None:
    start = item["span"][0]
    spans = [(t["number_span"][0] - start, t["number_span"][1] - start) for t in item["targets"]]
    body = highlighted(item["text"], spans, limit=BODY_LIMIT, window=False)  # offsets stay those of the text
    if item["lead_span"]:
        body.stylize("dim", item["lead_span"][0] - start, item["lead_span"][1] - start)
    facts = Text()
    group = f"group {marker(item['group']['numeral'])}{item['group']['title']} · " if item["group"] else ""
    facts.append(safe(cut(f"section {item['section']} · {group}line {item['line']} · lead ")))
    facts.append(safe(cut(UNIT_JOINER.join(item["lead_units"]) or "—")), style="bold")
    if item["cooperating_units"]:
        facts.append(safe(cut(" · cooperating " + UNIT_JOINER.join(item["cooperating_units"]))))
    if item.get("deadline"):
        facts.append(safe(" · due ")).append_text(_time(item["deadline"]))
    parts: list[Any] = [facts, Text(""), body]
    if item["targets"]:
        timed = any(t.get("by") for t in item["targets"])
        table = _table("target", "value", "unit", "cmp", *(["by"] if timed else []))
        for t in item["targets"]:
            by = [_time(t.get("by"))] if timed else []
            table.add_row(_number_in_clause(t), _value(t), literal(t["unit"]), t["comparator"], *by)
        parts.append(table)
    title = literal(f"{item['number']} {marker(item['numeral'])}{item['title']}", "bold")
    console().print(Panel(Group(*parts), title=title, title_align="left"))


META_ACROSS = ("plan", "doc_number", "date", "items", "targets", "problems")


def meta(data: Row | list[Row]) -> None:
    if isinstance(data, list):  # several plans: one row each
        table = _plan_table(data, *META_ACROSS[1:])
        table.columns[2].no_wrap = True  # the date
        for row in data:
            table.add_row(*(literal("—" if row.get(key) is None else row.get(key)) for key in META_ACROSS))
        console().print(table)
        return
    table = Table(box=box.SIMPLE, show_header=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key, value in data.items():
        shown = UNIT_JOINER.join(value) if isinstance(value, list) else value
        if isinstance(value, dict):
            shown = " · ".join(f"{k}: {v}" for k, v in value.items() if v)
        table.add_row(key, literal("—" if shown in (None, "") else shown))
    console().print(table)


def problems(report: Row) -> None:
    out = console()
    for problem in report["problems"]:
        where = f"{problem['plan']}:{problem['line']}" if "plan" in problem else f"line {problem['line']}"
        out.print(literal(f"{where}: {problem['kind']}: {problem['message']}", limit=1000))
    count = len(report["problems"])
    summary = "no problems found" if report["ok"] else f"{count} problem{'s' * (count != 1)}"
    out.print(literal(summary, "green" if report["ok"] else "red"))


def _status_bar(row: Mapping[str, Any], width: int = PROGRESS_BAR_WIDTH) -> Text:
    """A bar of ``width`` cells split by status: met █, unmet ▓, invalid ▒, then unreported ░."""
    bar = Text()
    if not row["targets"]:
        return bar
    done = 0
    total = 0
    for status, style in STATUS_STYLES.items():
        total += row[status]
        cells = round(total / row["targets"] * width) - done
        bar.append(STATUS_GLYPHS[status] * cells, style=style)
        done += cells
    return bar


def amount(value: float | None) -> str:
    """A number as a reader writes it, with 万 and 亿.

    >>> amount(10_000_000_000), amount(500000), amount(60000), amount(150), amount(2.5), amount(12345)
    ('100亿', '50万', '6万', '150', '2.5', '12345')
    """
    if value is None:
        return "?"
    for size, word in ((100_000_000, "亿"), (10_000, "万")):
        if value >= size and (value / size * 100) % 1 == 0:
            return f"{value / size:g}{word}"
    return f"{value:g}"


def _wanted(row: Mapping[str, Any]) -> str:
    from .ledger import requirement

    return f"{requirement(row)} {row.get('written') or amount(row['value']) + row['unit']}"


def _progress_counts() -> dict[str, str]:
    """The count columns of zl progress: key in the summary (``states.done`` for an item's 完成状态)
    -> header."""
    from .ledger import STATES
    from .progress import STATE_KEYS
    from .zh import STATUS_WORDS, SUMMARY

    counts = {"items": SUMMARY["items"]}
    counts |= {
        f"states.{STATE_KEYS[word]}": word for word in ("已完成", "推进中", "未启动", "未完成") if word in STATES
    }
    counts |= {"targets": SUMMARY["targets"]} | {key: STATUS_WORDS[key] for key in STATUS_STYLES}
    return counts


def _count(row: Mapping[str, Any], key: str) -> int:
    group, _, name = key.partition(".")
    return int(row[group][name] if name else row[group])


def progress(data: Row) -> None:
    """The judged ledgers: counts per lead unit (items by 完成状态, targets by result), the
    targets not met, the unreported ones, a legend.  Where a table would not fit the terminal
    it is printed as lines: squeezed below its width, a table drops whole columns, the names of
    the units first."""
    from .zh import STATUS_MEANINGS, STATUS_WORDS, SUMMARY

    summary = data["summary"]
    out = console()
    plan = summary["plan"]
    title = SUMMARY["title"].format(plan=plan["plan_title"] or plan["title"] or "", files=len(summary["files"]))
    out.print(literal(title, "bold"))
    _per_unit(out, summary)
    out.print(literal(SUMMARY["states"].format(counts=_state_counts(summary["states"]))))
    failed = [t for t in data["targets"] if t["status"] in ("unmet", "invalid")]
    if failed:
        _not_met(out, failed)
    unreported = [t["id"] for t in data["targets"] if t["status"] == "unreported"]
    if unreported:
        out.print(literal(SUMMARY["unreported"].format(count=len(unreported), ids="、".join(unreported)), "dim"))
    verdict = SUMMARY["verdict"].format(targets=summary["targets"], met=summary["met"])
    out.print(literal(verdict, "green" if summary["met"] == summary["targets"] else ""))
    legend = Text(SUMMARY["legend"])
    for status, style in STATUS_STYLES.items():
        legend.append(f"\n  {STATUS_GLYPHS[status]} ", style=style)
        legend.append(f"{STATUS_WORDS[status]}：{STATUS_MEANINGS[status]}")
    out.print(legend)


def _state_counts(states: Mapping[str, int]) -> str:
    from .ledger import STATES
    from .progress import STATE_KEYS
    from .zh import STATE_NONE, STATE_OTHER

    words = [*((word, STATE_KEYS[word]) for word in STATES), (STATE_OTHER, "other"), (STATE_NONE, "none")]
    return "，".join(f"{word} {states[key]}" for word, key in words)


def _width(out: Console, table: Table) -> int:
    """The width ``table`` takes with nothing wrapped."""
    from rich.measure import Measurement

    return Measurement.get(out, out.options.update(max_width=UNBOUNDED), table).maximum


def _per_unit(out: Console, summary: Row) -> None:
    """The counts per lead unit: a table with a bar by status, without it, or as lines."""
    from .zh import SUMMARY

    names = [row["name"] or SUMMARY["no_lead"] for row in summary["lead_units"]]
    squeeze = max(0, max(map(cell_len, names), default=0) - UNIT_MIN_WIDTH)  # what wrapping names saves
    for with_bar in (True, False):
        table = _units_table(summary, with_bar)
        if _width(out, table) - squeeze <= out.width:
            out.print(table)
            return
    for name, row in zip(names, summary["lead_units"], strict=True):
        out.print(literal(f"{name}：{_counts(row)}"))
    out.print(literal(f"{SUMMARY['all']}：{_counts(summary)}", "bold"))


def _counts(row: Mapping[str, Any]) -> str:
    return "，".join(f"{name} {_count(row, key)}" for key, name in _progress_counts().items())


def _units_table(summary: Row, with_bar: bool) -> Table:
    from .zh import SUMMARY

    counts = _progress_counts()
    table = _table(SUMMARY["lead_unit"], *counts.values(), *([SUMMARY["by_status"]] if with_bar else []))
    table.columns[0].min_width = UNIT_MIN_WIDTH
    for column in table.columns[1:]:
        column.no_wrap = True
        column.justify = "right" if column.header in counts.values() else "left"
    rows = [(literal(row["name"] or SUMMARY["no_lead"]), row) for row in summary["lead_units"]]
    for k, (name, row) in enumerate([*rows, (literal(SUMMARY["all"], "bold"), summary)]):
        if k == len(rows):
            table.add_section()
        table.add_row(name, *(str(_count(row, key)) for key in counts), *([_status_bar(row)] if with_bar else []))
    return table


def _not_met(out: Console, failed: list[Row]) -> None:
    """The targets not met: a table, or two lines each where the table would not fit."""
    from .zh import STATUS_WORDS, SUMMARY

    rows = [
        {
            SUMMARY["id"]: t["id"],
            SUMMARY["lead_units"]: _units(t["lead_units"]),
            SUMMARY["target"]: literal(t["text"]),
            SUMMARY["wanted"]: literal(_wanted(t)),
            SUMMARY["actual"]: literal(_actual(t)),
            SUMMARY["status"]: Text(STATUS_WORDS[t["status"]], style=STATUS_STYLES[t["status"]]),
            SUMMARY["cell"]: literal(f"{Path(t['source']['file']).name} {t['source']['sheet']}!{t['source']['cell']}"),
        }
        for t in failed
    ]
    fixed = tuple(SUMMARY[k] for k in ("id", "wanted", "actual", "status", "cell"))  # never wrapped
    least = _table(*fixed)
    for row in rows:
        least.add_row(*(row[name] for name in fixed))
    if _width(out, least) + 2 * (LISTING_TEXT_WIDTH + 2) > out.width:
        out.print(literal(SUMMARY["not_met"], "italic"))
        for row in rows:
            head = [row[SUMMARY[k]] for k in ("id", "lead_units", "status")]
            head += [Text(SUMMARY["actual_line"].format(actual="")) + row[SUMMARY["actual"]], row[SUMMARY["wanted"]]]
            out.print(
                Text(" · ").join([literal(h) if isinstance(h, str) else h for h in [*head, row[SUMMARY["cell"]]]])
            )
            out.print(Text("  ") + row[SUMMARY["target"]])
        return
    listing = _table(*rows[0], title=SUMMARY["not_met"])
    for column in listing.columns:
        column.no_wrap = column.header in fixed
    for row in rows:
        listing.add_row(*row.values())
    out.print(listing)


def _actual(target: Mapping[str, Any]) -> str:
    """完成值 in the unit the ledger shows (120亿元), or as typed when it could not be read."""
    if target["status"] == "invalid":
        return str(target["typed"])
    from decimal import Decimal

    from .entries import in_unit
    from .progress import unit_of_record

    return in_unit(Decimal(repr(target["actual"])), unit_of_record(target))


# --- zl diff ----------------------------------------------------------------------

DELETED = "red strike"
INSERTED = "green bold"
_TARGET_COLOURS = {"raised": "green", "lowered": "red", "added": "green", "removed": "red", "changed": "yellow"}


def _runs(runs: Sequence[tuple[str, str]], plain: bool) -> Text:
    """A word diff: deleted and inserted runs in colour, or as [-…-] and {+…+} without
    colour, as ``git diff --word-diff`` shows them."""
    out = Text()
    for op, text in runs:
        if op == "=":
            out.append(safe(text))
        elif plain:
            out.append(safe(f"[-{text}-]" if op == "-" else f"{{+{text}+}}"))
        else:
            out.append(safe(text), style=DELETED if op == "-" else INSERTED)
    return out


def diff(result: Diff) -> None:
    """The report of ``zl diff`` (a :class:`~zhiliang_cli.diff.Diff`): the two editions, a
    summary line, then added, removed, moved and changed items, with word diffs and
    lead-unit changes, and a table of target changes."""
    out = console()
    plain = out.no_color or out.color_system is None
    record = result.record
    for side in ("old", "new"):
        facts = [record[side][key] for key in ("title", "doc_number", "file")]
        out.print(literal(f"{side.upper():<4}" + " · ".join(str(f) for f in facts if f), "bold"))
    out.print(literal(result.summary_line()))
    for heading, colour, listed in result.groups():
        out.print()
        out.print(literal(f"{heading.capitalize()} ({len(listed)})", f"bold {colour}"))
        for k in listed:
            _diff_line(out, result, heading, k, plain)
    _target_changes(out, result)


def _diff_line(out: Console, result: Diff, heading: str, k: int, plain: bool) -> None:
    item: Row = dict(result.record["items"][k])
    if heading in ("added", "removed"):
        side = "new" if heading == "added" else "old"
        sign = "+" if side == "new" else "-"
        units = UNIT_JOINER.join(result.lead_units(k, side)) or "—"
        where = result.section_heading(k, side)
        out.print(literal(f"  {sign} {item[f'{side}_number']} {item[f'{side}_title']} · {where} · lead {units}"))
    elif heading == "moved":
        old, new = (result.section_heading(k, side) for side in ("old", "new"))
        out.print(literal(f"  {item['old_number']} → {item['new_number']} {item['new_title']}: {old} → {new}"))
    else:
        changes = ", ".join(item["changes"])
        head = f"  {item['old_number']} → {item['new_number']} {item['new_title']} · {changes}"
        out.print(literal(f"{head} · similarity {item['similarity']:.3f}", "bold"))
        for label, runs in result.change_runs(k):
            line = Text(f"      {label}: " if label else "      ")
            out.print(line.append_text(_runs(runs, plain)))


def _target_changes(out: Console, result: Diff) -> None:
    """The table of target changes, or two lines each where it would not fit."""
    rows = result.target_rows()
    if not rows:
        return
    cells = [
        (
            str(row["item"]),
            literal(row["clause"]),
            literal(row["change"]),
            Text(row["status"], style=_TARGET_COLOURS[row["status"]]),
        )
        for row in rows
    ]
    least = _table("item", "change", "status")  # the target wraps
    for item, _, change, status in cells:
        least.add_row(item, change, status)
    out.print()
    if _width(out, least) + LISTING_TEXT_WIDTH + 2 > out.width:
        out.print(literal("Targets", "italic"))
        for item, clause, change, status in cells:
            out.print(Text(f"{item} · ").append_text(change).append(" · ").append_text(status))
            out.print(Text("  ").append_text(clause))
        return
    table = _table("item", "target", "change", "status", title="Targets")
    for row_cells in cells:
        table.add_row(*row_cells)
    out.print(table)


def db_stats(data: Row) -> None:
    out = console()
    counts = _table("table", "rows", title=f"{data['database']} (schema {data['schema_version']})")
    counts.columns[1].justify = "right"
    for table, rows in data["counts"].items():
        counts.add_row(table, str(rows))
    out.print(counts)
    leads = _table("lead unit", "plans", "items", title="units that lead most items")
    leads.columns[1].justify = "right"
    for row in data["top_leads"]:
        leads.add_row(literal(row["name"]), str(row["plan_count"]), str(row["item_count"]))
    out.print(leads)


class ProgressBar:
    """A progress bar on stderr; lines noted while it runs are printed above it."""

    def __init__(self, total: int, done: int, label: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._console = Console(stderr=True, highlight=False, emoji=False, markup=False)
        self._progress = Progress(
            TextColumn(safe(label)),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._task = self._progress.add_task(label, total=total, completed=done)
        self._progress.start()

    def advance(self) -> None:
        self._progress.advance(self._task)

    def note(self, line: str) -> None:
        self._console.print(literal(line))

    def close(self) -> None:
        self._progress.stop()
