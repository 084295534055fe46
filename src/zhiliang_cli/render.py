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

import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .i18n import N_, _
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


#: The headers of the listing tables, by the key that names a column (translated when shown).
HEADERS = {
    "#": "#",
    "item": N_("item"),
    "lead units": N_("lead units"),
    "due": N_("due"),
    "targets": N_("targets"),
    "section": N_("section"),
    "items": N_("items"),
    "lead unit": N_("lead unit"),
    "load": N_("load"),
    "item numbers": N_("item numbers"),
    "plans": N_("plans"),
    "target": N_("target"),
    "value": N_("value"),
    "unit": N_("unit"),
    "cmp": N_("cmp"),
    "change": N_("change"),
    "by": N_("by"),
    "note": N_("note"),
    "matches": N_("matches"),
    "snippet": N_("snippet"),
    "plan": N_("plan"),
    "doc_number": N_("doc_number"),
    "date": N_("date"),
    "problems": N_("problems"),
}
#: Columns whose cells are never broken over lines (numbers, short codes), and the least width
#: of those that wrap, so that 80 columns stay readable in Chinese: the text of an item or a
#: target takes what is left, unit names wrap at a few characters.
NO_WRAP = {"#", "targets", "items", "plans", "value", "unit", "cmp", "matches", "load"}
MIN_WIDTHS = {"item": 12, "target": 14, "snippet": 20, "lead units": 8, "lead unit": 8, "section": 10}
MAX_WIDTHS = {"lead units": 20, "due": 12, "by": 12, "note": 12, "item numbers": 40}


def _listing(*columns: str) -> Table:
    """A table of a listing command: no edge lines or padding around it, headers in the user's
    language, numbers kept whole and the text columns wrapping (see :data:`NO_WRAP`)."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for column in columns:
        justify: Literal["left", "right"] = "right" if column in RIGHT_ALIGNED else "left"
        table.add_column(
            _(HEADERS.get(column, column)),
            justify=justify,
            overflow="fold",
            no_wrap=column in NO_WRAP,
            min_width=MIN_WIDTHS.get(column),
            max_width=MAX_WIDTHS.get(column),
        )
    return table


#: Whether long output on a terminal goes through a pager (``zl --no-pager`` sets it false).
PAGER = True
DEFAULT_PAGER = "less -FRX"  # as git: quit when it fits one screen, keep colours, leave it on the screen


def pager_command() -> list[str] | None:
    """The pager to show output through: $ZL_PAGER, else $PAGER, else ``less -FRX``; None when
    standard output is not a terminal, paging is off, or the pager named is empty or ``cat``."""
    import shlex

    try:
        if not PAGER or not os.isatty(sys.stdout.fileno()):
            return None
    except (AttributeError, ValueError, OSError):  # no file descriptor (captured output)
        return None
    command = os.environ.get("ZL_PAGER", os.environ.get("PAGER", DEFAULT_PAGER)).strip()
    words = shlex.split(command) if command else []
    return None if not words or words == ["cat"] else words


def page(text: str, command: list[str]) -> None:
    """Show ``text`` through the pager ``command`` (``LESS=FRX`` unless set, as git does); print it
    as it is when the pager cannot be started."""
    import subprocess

    sys.stdout.flush()
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env={"LESS": "FRX", **os.environ})
    except OSError:
        sys.stdout.write(text)
        return
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode("utf-8", "replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    while True:
        try:
            pager.wait()
            return
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue


def emit(*renderables: Any) -> None:
    """Print to standard output: on a terminal, through the pager (:func:`pager_command`); in a
    pipe, each line without the blanks that pad it to the table's width."""
    out = console()
    if out.is_terminal:
        command = pager_command()
        if command is None:
            for renderable in renderables:
                out.print(renderable)
            return
        with out.capture() as captured:
            for renderable in renderables:
                out.print(renderable)
        page(captured.get(), command)
        return
    with out.capture() as captured:
        for renderable in renderables:
            out.print(renderable)
    out.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def plan_name(row: Mapping[str, Any], names: Mapping[str, str] | None) -> str:
    """The short name of a row's plan: its title (given in ``names``), else the file's stem."""
    path = str(row["plan"])
    return (names or {}).get(path) or Path(path).stem or path


def _by_plan(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """The rows grouped by their ``plan``, in order of first appearance (one group without a plan)."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault(str(row.get("plan", "")), []).append(row)
    return list(groups.items())


def _grouped(
    rows: Sequence[Mapping[str, Any]], names: Mapping[str, str] | None, table: Any, summary: Text | None
) -> None:
    """Rows of one plan as one table; rows of several, plan by plan, each table under a heading
    line with the plan's short name and its path, as ripgrep groups matches by file."""
    parts: list[Any] = []
    groups = _by_plan(rows)
    for k, (path, group) in enumerate(groups):
        if path:
            if k:
                parts.append(Text(""))
            name = plan_name(group[0], names)
            heading = Text(safe(cut(name, 200)), style="bold magenta")
            if name != path:
                heading.append(safe(f" · {cut(path, 200)}"), style="dim")
            parts.append(heading)
        parts.append(table(group))
    if summary is not None:
        parts += [Text(""), summary]
    emit(*parts)


def _field_cell(value: Any) -> Text:
    """A value of any record as a cell: names joined, structures as JSON, nothing as —."""
    if value is None or value == []:
        return literal("—")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return literal(UNIT_JOINER.join(value))
    if isinstance(value, list | dict):
        return literal(json.dumps(value, ensure_ascii=False))
    return literal(value)


def fields_table(rows: list[Row]) -> None:
    """The records with only the fields asked for (``--fields``), a column each, as named."""
    columns = list(rows[0]) if rows else []
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for column in columns:
        numeric = all(isinstance(row.get(column), int | float) for row in rows)
        table.add_column(column, justify="right" if numeric else "left", overflow="fold", no_wrap=numeric)
    for row in rows:
        table.add_row(*(_field_cell(row.get(column)) for column in columns))
    emit(table)


def _count(n: int, singular: str, plural: str, plans: int = 1) -> Text:
    """A dim line with a count: 72 items, 72 items in 3 plans."""
    line = _(singular if n == 1 else plural).format(n=n)
    if plans > 1:
        line += _(" in {plans} plans").format(plans=plans)
    return literal(line, "dim")


def _units(units: list[str]) -> Text:
    """Unit names in a cell, one a line (a name wraps only when it is wider than the column)."""
    return literal("\n".join(units) if units else "—")


def sections(rows: list[Row], names: Mapping[str, str] | None = None) -> None:
    def table(group: Sequence[Mapping[str, Any]]) -> Table:
        out = _listing("#", "section", "items", "targets")
        for row in group:
            out.add_row(
                str(row["number"]),
                literal(f"{row['numeral']}、{row['title']}"),
                str(row["item_count"]),
                str(row["target_count"]),
            )
        return out

    _grouped(rows, names, table, None)


def items(rows: Sequence[Mapping[str, Any]], names: Mapping[str, str] | None = None) -> None:
    due = any(row.get("deadline") for row in rows)  # a 完成时限 column where some item has one

    def table(group: Sequence[Mapping[str, Any]]) -> Table:
        out = _listing("#", "item", "lead units", *(["due"] if due else []), "targets")
        for row in group:
            out.add_row(
                str(row["number"]),
                literal(f"{marker(row['numeral'])}{row['title']}"),
                _units(row["lead_units"]),
                *([_time(row.get("deadline"))] if due else []),
                str(len(row["targets"])),
            )
        return out

    _grouped(rows, names, table, _count(len(rows), N_("{n} item"), N_("{n} items"), len(_by_plan(rows))))


def leads(rows: list[Row], names: Mapping[str, str] | None = None) -> None:
    if rows and "plan_count" in rows[0]:
        leads_across(rows)
        return
    most = max((row["item_count"] for row in rows), default=1)
    table = _listing("lead unit", "items", "load", "item numbers")
    for row in rows:
        bar = "█" * max(1, round(row["item_count"] / most * BAR_WIDTH))
        table.add_row(
            literal(row["name"]),
            str(row["item_count"]),
            Text(bar, style="cyan"),
            literal(", ".join(str(n) for n in row["items"])),
        )
    emit(table, Text(""), _count(len(rows), N_("{n} lead unit"), N_("{n} lead units")))


def leads_across(rows: list[Row]) -> None:
    """Lead units counted over several plans: how many plans and items each leads in."""
    most = max((row["item_count"] for row in rows), default=1)
    table = _listing("lead unit", "plans", "items", "load")
    for row in rows:
        bar = "█" * max(1, round(row["item_count"] / most * BAR_WIDTH))
        table.add_row(literal(row["name"]), str(row["plan_count"]), str(row["item_count"]), Text(bar, style="cyan"))
    plans = len({ref["plan"] for row in rows for ref in row["items"]})
    emit(table, Text(""), _count(len(rows), N_("{n} lead unit"), N_("{n} lead units"), plans))


def _number_in_clause(row: Mapping[str, Any]) -> Text:
    offset = row["span"][0]
    start, end = row["number_span"]
    return highlighted(row["text"], [(start - offset, end - offset)])


def _value(row: Mapping[str, Any]) -> str:
    if row["comparator"] == "range":
        return cut(f"{row['low']}–{row['high']}", 40)
    return cut(f"{row['value']}", 40)


def _change(row: Mapping[str, Any]) -> str:
    """The direction of a change, in words: 减少 for decrease."""
    return _(CHANGES[row["change"]]) if row.get("change") in CHANGES else ""


CHANGES = {"increase": N_("increase"), "decrease": N_("decrease")}


def targets(rows: list[Row], names: Mapping[str, str] | None = None) -> None:
    timed = any(row.get("by") for row in rows)  # a by column where some target has a time

    def table(group: Sequence[Mapping[str, Any]]) -> Table:
        out = _listing("item", "lead units", "target", "value", "unit", "cmp", *(["by"] if timed else []), "note")
        out.columns[0].no_wrap = True
        out.columns[0].min_width = None  # here "item" holds the item's number, not its title
        for row in group:
            notes = [_change(row), _("aspirational") if row["aspirational"] else "", row.get("subject") or ""]
            out.add_row(
                str(row["item"] or "—"),
                _units(row["lead_units"]),
                _number_in_clause(row),
                _value(row),
                literal(row["unit"]),
                row["comparator"],
                *([_time(row.get("by"))] if timed else []),
                literal(" ".join(n for n in notes if n)),
            )
        return out

    _grouped(rows, names, table, _count(len(rows), N_("{n} target"), N_("{n} targets"), len(_by_plan(rows))))


def _one_line(text: str, spans: Sequence[Sequence[int]]) -> tuple[str, list[list[int]]]:
    r"""A snippet as one run of text for its cell: each line break, and each run of white space
    (an indent, a gap where a line break was), becomes one space, its match spans moved with it.

    >>> _one_line("质量。\n\u3000\u3000推进质量", [[0, 2], [7, 9]])
    ('质量。 推进质量', [[0, 2], [5, 7]])
    """
    out: list[str] = []
    shift: list[int] = []  # for each character of text, where it lands in the result
    k = 0
    while k < len(text):
        end = k
        while end < len(text) and text[end].isspace():
            end += 1
        if end - k > 1 or (end > k and text[k] in "\r\n"):
            shift.extend([len(out)] * (end - k))
            out.append(" ")
            k = end
            continue
        shift.append(len(out))
        out.append(text[k])
        k += 1
    shift.append(len(out))
    return "".join(out), [[shift[a], shift[b]] for a, b in spans]


def search(rows: list[Row], names: Mapping[str, str] | None = None) -> None:
    """One row per item: its number, title, lead units, how many matches, and the text around them."""

    def table(group: Sequence[Mapping[str, Any]]) -> Table:
        out = _listing("#", "item", "lead units", "matches", "snippet")
        for row in group:
            out.add_row(
                str(row["number"]),
                literal(f"{marker(row['numeral'])}{row['title']}"),
                _units(row["lead_units"]),
                str(row["match_count"]),
                highlighted(*_one_line(row["snippet"], row["snippet_spans"]), window=False),
            )
        return out

    matches = sum(row["match_count"] for row in rows)
    line = _(N_("{n} match") if matches == 1 else N_("{n} matches")).format(n=matches)
    line += _(N_(" in {n} item") if len(rows) == 1 else N_(" in {n} items")).format(n=len(rows))
    plans = len(_by_plan(rows))
    if plans > 1:
        line += _(" in {plans} plans").format(plans=plans)
    _grouped(rows, names, table, literal(line, "dim"))


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
        changed = any(t.get("change") for t in item["targets"])
        table = _listing("target", "value", "unit", "cmp", *(["change"] if changed else []), *(["by"] if timed else []))
        for t in item["targets"]:
            by = [_time(t.get("by"))] if timed else []
            change = [_change(t)] if changed else []
            table.add_row(_number_in_clause(t), _value(t), literal(t["unit"]), t["comparator"], *change, *by)
        parts += [Text(""), table]
    title = literal(f"{item['number']} {marker(item['numeral'])}{item['title']}", "bold")
    emit(Panel(Group(*parts), title=title, title_align="left"))


META_ACROSS = ("plan", "doc_number", "date", "items", "targets", "problems")
#: The notice's marks that most documents do not print (GB/T 9704's 版头 and 版记, the 附件说明):
#: a row in ``zl meta`` only where the document prints them.
_MARKS_SHOWN_WHEN_PRINTED = frozenset(
    ["copy_number", "secrecy", "urgency", "masthead", "signers", "attachments", "copied_to", "printed_by", "printed"]
)


def meta(data: Row | list[Row]) -> None:
    if isinstance(data, list):  # several plans: one row each
        table = _listing(*META_ACROSS)
        table.columns[2].no_wrap = True  # the date
        for row in data:
            table.add_row(*(literal("—" if row.get(key) is None else row.get(key)) for key in META_ACROSS))
        emit(table)
        return
    table = Table(box=box.SIMPLE, show_header=False, show_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key, value in data.items():
        if key in _MARKS_SHOWN_WHEN_PRINTED and value in (None, []):
            continue
        shown = UNIT_JOINER.join(value) if isinstance(value, list) else value
        if isinstance(value, dict):
            shown = " · ".join(f"{k}: {v}" for k, v in value.items() if v)
        table.add_row(key, literal("—" if shown in (None, "") else shown))
    emit(table)


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


def _count_of(row: Mapping[str, Any], key: str) -> int:
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
    return "，".join(f"{name} {_count_of(row, key)}" for key, name in _progress_counts().items())


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
        table.add_row(name, *(str(_count_of(row, key)) for key in counts), *([_status_bar(row)] if with_bar else []))
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
    _whole_plan(out, result, plain)
    for heading, colour, listed in result.groups():
        out.print()
        out.print(literal(f"{heading.capitalize()} ({len(listed)})", f"bold {colour}"))
        for k in listed:
            _diff_line(out, result, heading, k, plain)
    _target_changes(out, result)


def _whole_plan(out: Console, result: Diff, plain: bool) -> None:
    """The plan's preamble and closing, and the sections, where they changed."""
    plan, sections = result.plan_runs(), result.section_lines()
    if plan:
        out.print()
        out.print(literal("Plan", "bold yellow"))
        for label, runs in plan:
            out.print(literal(f"  {label}"))
            out.print(Text("      ").append_text(_runs(runs, plain)))
    if sections:
        out.print()
        out.print(literal(f"Sections ({len(sections)})", "bold yellow"))
        for status, head, lines in sections:
            out.print(literal(f"  {head}", "bold" if status == "changed" else ""))
            for label, runs in lines:
                out.print(Text(f"      {label}: " if label else "      ").append_text(_runs(runs, plain)))


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
    for item, _clause, change, status in cells:
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
