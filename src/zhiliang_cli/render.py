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
from typing import Any, Literal

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .printable import printable
from .records import ItemRecord

Row = dict[str, Any]
HIGHLIGHT = "bold yellow"
BAR_WIDTH = 20
#: Between unit names in a cell: not 、, which a name may hold (各区、县级市人民政府).
UNIT_JOINER = "；"
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
        justify: Literal["left", "right"] = "right" if column in {"#", "items", "targets", "value"} else "left"
        table.add_column(column, justify=justify, overflow="fold")
    return table


def _units(units: list[str]) -> Text:
    return literal(UNIT_JOINER.join(units) if units else "—")


def sections(rows: list[Row]) -> None:
    table = _table("#", "section", "items", "targets")
    for row in rows:
        table.add_row(
            str(row["number"]),
            literal(f"{row['numeral']}、{row['title']}"),
            str(row["item_count"]),
            str(row["target_count"]),
        )
    console().print(table)


def items(rows: list[ItemRecord]) -> None:
    table = _table("#", "item", "lead units", "targets")
    for row in rows:
        table.add_row(
            str(row["number"]),
            literal(f"{marker(row['numeral'])}{row['title']}"),
            _units(row["lead_units"]),
            str(len(row["targets"])),
        )
    console().print(table)
    console().print(literal(f"{len(rows)} items", "dim"))


def leads(rows: list[Row]) -> None:
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


def _number_in_clause(row: Mapping[str, Any]) -> Text:
    offset = row["span"][0]
    start, end = row["number_span"]
    return highlighted(row["text"], [(start - offset, end - offset)])


def _value(row: Mapping[str, Any]) -> str:
    if row["comparator"] == "range":
        return cut(f"{row['low']}–{row['high']}", 40)
    return cut(f"{row['value']}", 40)


def targets(rows: list[Row]) -> None:
    table = _table("item", "lead units", "target", "value", "unit", "cmp", "note")
    for row in rows:
        notes = [row["change"] or "", "aspirational" if row["aspirational"] else ""]
        table.add_row(
            str(row["item"] or "—"),
            _units(row["lead_units"]),
            _number_in_clause(row),
            _value(row),
            literal(row["unit"]),
            row["comparator"],
            " ".join(n for n in notes if n),
        )
    console().print(table)
    console().print(literal(f"{len(rows)} targets", "dim"))


def search(rows: list[Row]) -> None:
    table = _table("item", "lead units", "match")
    for row in rows:
        table.add_row(
            literal(f"{row['number']} {marker(row['numeral'])}"),
            _units(row["lead_units"]),
            highlighted(row["snippet"], [row["snippet_match"]]),
        )
    console().print(table)
    console().print(literal(f"{len(rows)} matches in {len({r['number'] for r in rows})} items", "dim"))


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
    parts: list[Any] = [facts, Text(""), body]
    if item["targets"]:
        table = _table("target", "value", "unit", "cmp")
        for t in item["targets"]:
            table.add_row(_number_in_clause(t), _value(t), literal(t["unit"]), t["comparator"])
        parts.append(table)
    title = literal(f"{item['number']} {marker(item['numeral'])}{item['title']}", "bold")
    console().print(Panel(Group(*parts), title=title, title_align="left"))


def meta(data: Row) -> None:
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
        out.print(literal(f"line {problem['line']}: {problem['kind']}: {problem['message']}", limit=1000))
    summary = "no problems found" if report["ok"] else f"{len(report['problems'])} problems"
    out.print(literal(summary, "green" if report["ok"] else "red"))
