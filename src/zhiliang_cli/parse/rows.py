"""Task tables -> rows: a plan printed as a table, one row per task (a 任务清单 copied from Word,
Excel or a web page).

Recognises a header row that names the table's columns, and the rows under it, in three shapes.
Cells split by tabs::

    序号⇥重点任务⇥责任单位⇥完成时限                                    the header row
    一、打造高效便捷的政务环境                                            a category row: a section
    1⇥深化企业开办便利化改革……⇥省市场监管局*、省公安厅⇥2024年6月底前     a row: an item

cells parted by runs of spaces, as a copy from a PDF or a Word page keeps the page's layout (a
cell is placed under the header cell it stands beneath where a line leaves cells empty)::

    序号   重点任务                 责任单位（排第一位的为牵头单位）   完成时限
    1      稳定粮食播种面积……       县农业农村局、县财政局             2025年10月底前

cells between pipes, as a copy through Markdown keeps a table (the alignment row under the header
is table furniture; the pipes at the ends of a row may be left out)::

    | 序号 | 工作任务 | 责任领导 | 牵头单位 | 责任单位 | 完成时限 |      the header row
    | :---: | --- | --- | --- | --- | --- |                             furniture
    | 一 | 推动经济持续向好 |  |  |  |  |                                a category row
    | 1 | 全区地区生产总值增长6%左右。 | 张某某 | 区发展改革局 | 区财政局 | 2025年12月底前 |

and a table flattened one cell a line, as a web page's table is often copied::

    序号 / 改革举措 / 主 要 内 容 / 指导部门 / 推广范围                  the header, a cell a line
    一、知识产权保护方面（共5项）                                         a category row
    1 / 知识产权…“三合一”审判 / 整合分散的…… / 最高人民法院、… / 全国     a bare number, then its cells

The header says which column is which (``lx.TABLE_*_HEADERS``): the 序号 is the item's marker, the
task cell its title (with the text cells after it, 主要内容, its text), the units cells its note,
read by the column's role (牵头单位, 配合单位, or 责任单位 as the plan's rule reads it; a marked unit,
省市场监管局* or *省市场监管局, leads), the 完成时限 cell the note's deadline field, and any other cell
after the units a field of the note.  A tab row wrapped over several lines (a cell holding a line
break) is joined while it has fewer cells than the header.  A line under a row with its 序号 cell
empty goes on with the row: where it holds a piece of the task cell (or of a units cell whose last
name the line break cut: 县卫生健 / 康局), the row's cells wrapped, and each piece joins its column's
cell (:meth:`Row.pieces`: a cell keeps a span per line, as other cells stand between its pieces);
else a line of further units (a merged 序号).  Emits a :class:`Table`: its header,
its columns and their roles, its category rows with the rows under each (every cell's span), and
where it ends; :mod:`row_items` makes the plan's sections and items of them.

Looked for only where a cheap literal test allows: a tab or a pipe in the text, two spaces in a
row in a line, or a 序号 / 编号 on a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple
from unicodedata import east_asian_width

from . import lexicon as lx
from .lines import Heading, Line, heading_at, is_noise, is_page_number
from .numerals import chinese_to_int, numeral_value
from .patterns import (
    RE_ALIGNMENT_CELL,
    RE_BRACKETED_ASIDE,
    RE_CELL_GAP,
    RE_ROW_NUMBER,
    RE_TRAILING_ASIDE,
    RE_UNIT_SEPARATOR,
)

#: What each header word says its column holds.
_ROLES: dict[str, str] = {
    **dict.fromkeys(lx.TABLE_NUMBER_HEADERS, "number"),
    **dict.fromkeys(lx.TABLE_TEXT_HEADERS, "text"),
    **dict.fromkeys(lx.TABLE_TASK_HEADERS, "task"),
    **dict.fromkeys(lx.TABLE_SHARED_HEADERS, "shared"),
    **dict.fromkeys(lx.TABLE_LEAD_HEADERS, "lead"),
    **dict.fromkeys(lx.TABLE_COOPERATING_HEADERS, "cooperating"),
    **dict.fromkeys(lx.DEADLINE_LABELS, "deadline"),
}
#: How a units column is read: as a note so labelled.
UNIT_ROLES = {"shared": "责任单位", "lead": "牵头单位", "cooperating": "配合单位"}
_HEADER_WORD_MAX = 12  # characters of a header cell (牵头责任单位（部门）)
_CATEGORY_KINDS = ("l1", "l2", "lc")  # 一、 （一） 第一章: a category row's marker
_FLAT_LOOKAHEAD = 12  # lines after a flattened row's cells in which the next row may start
_NUMBER_MARKS = "（）()、.．" + lx.SPACE_CHARS  # around a numeral in a 序号 cell
_OPEN_ENDS = frozenset("、，,；;：:（(“《")  # a cell ending so goes on after a line break
_NUMBER_HEADER_FIRSTS = frozenset(word[0] for word in lx.TABLE_NUMBER_HEADERS)  # 序号, 编号: a header's first cell


class Cell(NamedTuple):
    """A cell's span, trimmed of spaces (it may run over a line break, in a wrapped row)."""

    start: int
    end: int


class Column(NamedTuple):
    label: str  # the header cell, spaces and asides removed
    role: str  # number, task, text, shared, lead, cooperating, deadline, or other


@dataclass
class Row:
    lines: list[Line]
    cells: list[Cell | None]  # one per column; None where the row has no such cell
    value: int | None  # the printed number
    numeral: str
    more: list[list[Cell | None]] = field(default_factory=list)  # lines of further units (a merged 序号)
    wraps: list[list[Cell | None]] = field(default_factory=list)  # lines the row's cells wrap onto

    def pieces(self, k: int) -> list[Cell]:
        """Column ``k``'s cell as printed: its part on the row's first line and on each line its
        cells wrap onto (a part each: other cells stand between them)."""
        return [cell for cell in (self.cells[k], *(line[k] for line in self.wraps)) if cell is not None]


@dataclass
class Category:
    heading: Heading | None  # None: the table has no category rows
    rows: list[Row] = field(default_factory=list)


@dataclass
class Table:
    header: list[Line]  # the header row's line (or, flattened, its lines)
    columns: list[Column]
    categories: list[Category]
    first: int  # index of the header's first line
    end: int  # index of the first line after the table
    furniture: list[Line] = field(default_factory=list)


# --- finding a table ---------------------------------------------------------------------


def find_table(text: str, lines: list[Line]) -> Table | None:
    """The first task table of the text, in any shape, with at least two rows; None if none.

    >>> from zhiliang_cli.parse.lines import LineIndex
    >>> text = "序号\\t重点任务\\t责任单位\\n1\\t做好甲。\\t省甲厅\\n2\\t做好乙。\\t省乙厅"
    >>> table = find_table(text, LineIndex(text).lines)
    >>> [c.role for c in table.columns], [r.numeral for r in table.categories[0].rows]
    (['number', 'task', 'shared'], ['1', '2'])
    """
    for shape, mark, cells_of in ((_TabRows, "\t", _tab_cells), (_PipeRows, "|", _pipe_cells)):
        table = _split_table(text, lines, shape, mark, cells_of)
        if table is not None:
            return table
    table = _space_table(text, lines)
    if table is not None:
        return table
    headers = lx.TABLE_NUMBER_HEADERS[:2]
    if any(word in text for word in headers):
        sizes = {len(word) for word in headers}  # a line of another length is none of them: no slice made
        for i, line in enumerate(lines):
            if line.end - line.start in sizes and text[line.start : line.end] in headers:
                table = _flat_table(text, lines, i)
                if table is not None:
                    return table
    return None


def _split_table(
    text: str, lines: list[Line], shape: type[_TabRows], mark: str, cells_of: Callable[[str, Line], list[Cell]]
) -> Table | None:
    """The first table whose cells are split by ``mark`` (a tab, a pipe: ``cells_of`` a line), read
    as ``shape`` reads it.  A header under which no table stands is read on from where its rows stopped: the lines it
    looked at (the header repeated, a table's rules, rows too few) give no other header a table."""
    if mark not in text:
        return None
    i = 0
    while i < len(lines):
        line = lines[i]
        if text.find(mark, line.start, line.end) >= 0:
            columns = _columns([text[c.start : c.end] for c in cells_of(text, line)])
            if columns is not None:
                reader = shape(text, lines, i, columns)
                table = reader.read()
                if table is not None:
                    return table
                i = max(i + 1, reader.stop)
                continue
        i += 1
    return None


def _space_table(text: str, lines: list[Line]) -> Table | None:
    """The first table whose cells are parted by runs of spaces, its 序号 column first (so only a
    line that starts as a 序号 / 编号 does is split)."""
    for i, line in enumerate(lines):
        if text[line.start] not in _NUMBER_HEADER_FIRSTS:
            continue
        cells = _gap_cells(text, line)
        if cells is None:
            continue
        columns = _columns([text[c.start : c.end] for c in cells])
        if columns is not None and columns[0].role == "number":
            table = _SpaceRows(text, lines, i, columns, cells).read()
            if table is not None:
                return table
    return None


def _header_word(cell: str) -> str:
    """A header cell as the lexicon writes it: 主 要 内 容 -> 主要内容, 责任单位（部门） -> 责任单位."""
    return RE_BRACKETED_ASIDE.sub("", "".join(cell.split()))


def _columns(cells: list[str]) -> list[Column] | None:
    """The columns a header row names, or None when it is no task table's header: a task column
    and a units or deadline column, and no cell that names nothing (the header of an indicator table
    — 指标名称, 2024年目标值 — is no task table's).

    >>> [c.role for c in _columns(["序号", "重点任务", "责任单位", "完成时限"])]
    ['number', 'task', 'shared', 'deadline']
    >>> _columns(["序号", "指标名称", "2024年目标值", "责任单位"]) is None
    True
    """
    words = [_header_word(cell) for cell in cells]
    if len(words) < 2 or any(not w or len(w) > _HEADER_WORD_MAX for w in words):
        return None
    roles = [_role(w) for w in words]
    if "task" not in roles and "text" in roles:  # 序号 工作举措 责任单位: the first text column is the task's
        roles[roles.index("text")] = "task"
    if "task" not in roles or not ({"shared", "lead", "cooperating", "deadline"} & set(roles)):
        return None
    if roles.count(None) * 2 >= len(roles):
        return None
    columns = [Column(w, r or "other") for w, r in zip(words, roles, strict=True)]
    first_note = next(k for k, c in enumerate(columns) if c.role in (*UNIT_ROLES, "deadline"))
    return [  # an unnamed column before the units goes with the task's text, after them with the note
        c._replace(role="text") if c.role == "other" and k < first_note else c for k, c in enumerate(columns)
    ]


def _role(word: str) -> str | None:
    """What a header word says its column holds: as the lexicon lists it, else by how it ends
    (…单位, …部门 the units, by the role word it starts with; …任务, …措施 the task; …时限, …时间 the
    deadline).

    >>> _role("责任单位"), _role("牵头处室"), _role("协同部门"), _role("重点改革任务"), _role("完成时间节点")
    ('shared', 'lead', 'cooperating', 'task', 'deadline')
    >>> _role("指标名称") is None
    True
    """
    known = _ROLES.get(word)
    if known is not None:
        return known
    if word.endswith(lx.TABLE_UNIT_ENDINGS):
        return next((role for role, words in _ROLE_STARTS if word.startswith(words)), "shared")
    if word.endswith(lx.TABLE_TASK_ENDINGS):
        return "task"
    if any(w in word for w in lx.TABLE_DEADLINE_WORDS):
        return "deadline"
    return None


_ROLE_STARTS = (("lead", lx.TABLE_LEAD_WORDS), ("cooperating", lx.TABLE_COOPERATING_WORDS))


def _tab_cells(text: str, line: Line, keep_empty: bool = False) -> list[Cell]:
    """The cells of a line split by tabs, each trimmed (the line's own span is trimmed of its
    leading and trailing tabs, so an empty first cell is looked for before it); empty cells at the
    end are dropped unless ``keep_empty``."""
    start = text.rfind("\n", 0, line.start) + 1
    end = text.find("\n", line.end)
    end = len(text) if end < 0 else end
    return _split_cells(text[start:end].rstrip("\r"), start, "\t", keep_empty)


def _pipe_cells(text: str, line: Line, keep_empty: bool = False) -> list[Cell]:
    """The cells of a line parted by pipes (| 1 | 做好甲。 | 省甲厅 |), each trimmed, the pipes at
    the line's ends dropped; empty cells at the end are dropped unless ``keep_empty``.  Read from
    the whole line, whatever part of it ``line`` spans.

    >>> text = "| 1 | 做好甲。 |  | 省甲厅 |  |"
    >>> [text[c.start : c.end] for c in _pipe_cells(text, Line(1, 0, len(text)), keep_empty=True)]
    ['1', '做好甲。', '', '省甲厅', '']
    >>> text = "1 | 做好甲。"
    >>> [text[c.start : c.end] for c in _pipe_cells(text, Line(1, 0, len(text)))]
    ['1', '做好甲。']
    """
    start, end = _whole_line(text, line)
    if text.startswith("|", start):
        start += 1
    if end > start and text[end - 1] == "|":
        end -= 1
    return _split_cells(text[start:end], start, "|", keep_empty)


def _split_cells(row: str, start: int, separator: str, keep_empty: bool) -> list[Cell]:
    """The cells of ``row`` (which starts at ``start`` in the text) parted by ``separator``, each
    trimmed of spaces; empty cells at the end dropped unless ``keep_empty``."""
    cells: list[Cell] = []
    pos = start
    for part in row.split(separator):
        lead = len(part) - len(part.lstrip(lx.SPACE_CHARS))
        body = part.strip(lx.SPACE_CHARS)
        cells.append(Cell(pos + lead, pos + lead + len(body)))
        pos += len(part) + 1
    while not keep_empty and cells and cells[-1].start == cells[-1].end:
        cells.pop()  # trailing empty cells
    return cells


def pipe_words_end(text: str, start: int, end: int) -> int:
    """Where the words from ``start`` to ``end`` end, before the pipes and empty cells that close a
    pipe row (推动经济 |  |  | -> 推动经济): a row's pipes are the table's, its words the cells'.

    >>> text = "推动经济 |  |  |"
    >>> text[: pipe_words_end(text, 0, len(text))]
    '推动经济'
    """
    while end > start and text[end - 1] in _PIPE_TRIM:
        end -= 1
    return end


_PIPE_TRIM = "|" + lx.SPACE_CHARS


def _whole_line(text: str, line: Line) -> tuple[int, int]:
    """The span of the line ``line`` lies on, trimmed of spaces (``line`` may span a part of it)."""
    start = text.rfind("\n", 0, line.start) + 1
    end = text.find("\n", line.end)
    end = len(text) if end < 0 else end
    while start < end and text[start] in lx.SPACE_CHARS:
        start += 1
    while end > start and text[end - 1] in _LINE_END_CHARS:
        end -= 1
    return start, end


_LINE_END_CHARS = lx.SPACE_CHARS + "\r"


class _Rows:
    """The rows under a header row, to the first line that is neither a row, a category row, nor
    part of the row above (a line of further units); a shape (:class:`_TabRows`,
    :class:`_SpaceRows`) says how a line splits into cells."""

    def __init__(self, text: str, lines: list[Line], header: int, columns: list[Column]) -> None:
        self.text, self.lines, self.columns = text, lines, columns
        self.number = next((k for k, c in enumerate(columns) if c.role == "number"), None)
        self.header = header
        self.stop = header + 1  # where reading the rows stopped

    def read(self) -> Table | None:
        text, lines, header = self.text, self.lines, self.header
        categories = [Category(None)]
        furniture: list[Line] = []
        i = end = header + 1  # end: after the last row
        while i < len(lines):
            line = lines[i]
            if is_page_number(text, line) or is_noise(text, line):
                furniture.append(line)
                i += 1
                continue
            if self._repeats_header(line) or self._is_rule(line):  # the header again, at the top of a new page
                furniture.append(line)
                i += 1
                continue
            category = self._category(line)
            if category is not None:
                categories.append(Category(category))
                i += 1
                continue
            if categories[-1].rows and self._goes_on(categories[-1].rows[-1], line):
                i = end = i + 1
                continue
            row, i = self._row(i)
            if row is None:
                break
            categories[-1].rows.append(row)
            end = i
        self.stop = i
        return _table([lines[header]], self.columns, categories, header, end, furniture)

    def _repeats_header(self, line: Line) -> bool:
        raise NotImplementedError

    def _is_rule(self, line: Line) -> bool:
        """A line that only draws the table (a Markdown table's alignment row)."""
        return False

    def _category(self, line: Line) -> Heading | None:
        raise NotImplementedError

    def _below(self, line: Line) -> list[Cell | None] | None:
        """A line's cells (one per column) where its 序号 cell is empty: it may belong to the row
        above; None where it cannot."""
        raise NotImplementedError

    def _row(self, i: int) -> tuple[Row | None, int]:
        raise NotImplementedError

    def _padded(self, cells: list[Cell]) -> list[Cell | None]:
        padded: list[Cell | None] = [c if c.end > c.start else None for c in cells[: len(self.columns)]]
        return padded + [None] * (len(self.columns) - len(padded))

    def _goes_on(self, row: Row, line: Line) -> bool:
        """Whether ``line``, its 序号 cell empty, goes on with ``row`` (and take it in): its cells
        wrapped (a piece of the task cell, and of any cell further right: 以上，粮食总产量…。 ⋯
        自然资源局), each piece joining its column's cell; or a line of further units under a row
        whose 序号 and task cells span several lines (merged cells) — units alone, where the units
        cell above ends with a whole name (市甲局 / 市乙局; 县卫生健 / 康局 is a name wrapped)."""
        cells = self._below(line)
        if cells is None:
            return False
        kinds = {col.role for cell, col in zip(cells, self.columns, strict=True) if cell is not None}
        if not kinds or "number" in kinds:
            return False
        units = next((k for k, c in enumerate(cells) if c is not None and self.columns[k].role in UNIT_ROLES), None)
        further = (
            units is not None
            and not kinds & {"task", "text"}
            and not _ends_inside_name("".join(self.text[c.start : c.end] for c in row.pieces(units)))
        )
        row.lines.append(line)
        (row.more if further else row.wraps).append(cells)
        return True

    def _numbered_category(self, cells: list[Cell | None], line: Line) -> Heading | None:
        """A category row printed as a numeral in the 序号 cell and a title in the task cell, the other
        cells empty (一⇥政务环境)."""
        filled = [k for k, c in enumerate(cells) if c is not None]
        task = next(k for k, c in enumerate(self.columns) if c.role == "task")
        if self.number is None or filled != [self.number, task]:
            return None
        cell = cells[self.number]
        assert cell is not None
        numeral = self.text[cell.start : cell.end].strip(_NUMBER_MARKS)
        value = chinese_to_int(numeral) if numeral and numeral[0] in lx.CN_NUMERAL_CHARS else None
        title = cells[task]
        return Heading(1, value, numeral, line, title.start) if value and title is not None else None


class _TabRows(_Rows):
    """A table whose cells are split by tabs (a copy from Word, Excel or a web page)."""

    def _splits(self, line: Line) -> bool:
        """Whether a line is split into cells at all."""
        return self.text.find("\t", line.start, line.end) >= 0

    def _cells(self, line: Line, keep_empty: bool = False) -> list[Cell]:
        return _tab_cells(self.text, line, keep_empty)

    def _repeats_header(self, line: Line) -> bool:
        if not self._splits(line):
            return False
        return _columns([self.text[c.start : c.end] for c in self._cells(line)]) == self.columns

    def _below(self, line: Line) -> list[Cell | None] | None:
        raw = self.text.rfind("\n", 0, line.start) + 1  # the line's span is trimmed of its first tabs
        if self.number is None or self.text.find("\t", raw, line.start + 1) < 0:
            return None
        if len(self._cells(line)) > len(self.columns):
            return None
        return self._padded(self._cells(line, keep_empty=True))

    def _category(self, line: Line) -> Heading | None:
        """A category row: one filled cell, a heading with a numeral (一、打造高效便捷的政务环境), or a
        numeral in the 序号 cell and a title in the task cell, the other cells empty (一⇥政务环境)."""
        cells = self._cells(line)
        filled = [k for k, c in enumerate(cells) if c.end > c.start]
        if len(filled) == 1:
            cell = cells[filled[0]]
            heading = heading_at(self.text, Line(line.number, cell.start, cell.end))
            return heading if heading is not None and heading.kind in _CATEGORY_KINDS else None
        if len(cells) > len(self.columns):
            return None
        return self._numbered_category(self._padded(cells), line)

    def _starts_row(self, line: Line) -> bool:
        if not self._splits(line):
            return False
        if self.number is None:
            return True
        cells = self._cells(line)
        return len(cells) > self.number and _row_number(self.text, cells[self.number]) is not None

    def _carries_on(self, last: Cell, line: Line) -> bool:
        """Whether ``line`` carries on a row cut short by a line break in a cell: it holds the row's
        further cells (a tab, and it starts no row of its own), or the cell it breaks leaves its words
        open (省乙厅、 / 省丙厅)."""
        text = self.text
        if self._starts_row(line) or self._category(line) is not None or is_page_number(text, line):
            return False
        return self._splits(line) or (last.end > last.start and text[last.end - 1] in _OPEN_ENDS)

    def _row(self, i: int) -> tuple[Row | None, int]:
        """The row starting at line ``i`` (joined with the lines it wraps onto), and the next line."""
        text, lines, width = self.text, self.lines, len(self.columns)
        if not self._starts_row(lines[i]):
            return None, i
        cells = self._cells(lines[i], keep_empty=True)
        taken = [lines[i]]
        k = i + 1
        while len(cells) < width and k < len(lines) and self._carries_on(cells[-1], lines[k]):
            more = self._cells(lines[k], keep_empty=True)
            if len(cells) + len(more) - 1 > width:
                break
            last = cells.pop()  # the cell the line break fell in goes on with the next line's first
            first = more[0]
            cells += [Cell(last.start if last.end > last.start else first.start, first.end), *more[1:]]
            taken.append(lines[k])
            k += 1
        if len(cells) > width:
            return None, i
        return _make_row(text, taken, self._padded(cells), self.number), k


class _PipeRows(_TabRows):
    """A table whose cells stand between pipes, as a copy through Markdown keeps it
    (| 1 | 做好甲。 | 省甲厅 |): read as a table split by tabs is, its alignment row (| :---: | --- |)
    table furniture.  A Markdown row is one line: no row wraps onto the next."""

    def _splits(self, line: Line) -> bool:
        return self.text.find("|", *_whole_line(self.text, line)) >= 0

    def _cells(self, line: Line, keep_empty: bool = False) -> list[Cell]:
        return _pipe_cells(self.text, line, keep_empty)

    def _category(self, line: Line) -> Heading | None:
        """A category row (| 一 | 推动经济持续向好 |  |  |), the whole line its heading's (its title
        ends at its last words: :func:`pipe_words_end`)."""
        heading = super()._category(line)
        return heading._replace(line=line) if heading is not None else None

    def _is_rule(self, line: Line) -> bool:
        if not self._splits(line):
            return False
        cells = self._cells(line)
        return bool(cells) and all(RE_ALIGNMENT_CELL.fullmatch(self.text, c.start, c.end) for c in cells)

    def _below(self, line: Line) -> list[Cell | None] | None:
        """A line's cells where its 序号 cell is empty (| | 省丙厅 | |): a line of the row above."""
        if self.number is None or not self._splits(line):
            return None
        cells = self._cells(line, keep_empty=True)
        if len(self._cells(line)) > len(self.columns) or (
            len(cells) > self.number and cells[self.number].end > cells[self.number].start
        ):
            return None
        return self._padded(cells)

    def _carries_on(self, last: Cell, line: Line) -> bool:
        return False


class _SpaceRows(_Rows):
    """A table whose cells are parted by runs of spaces, as a copy from a PDF or a Word page keeps
    its layout (序号   重点任务   责任单位   完成时限).

    A run of two or more spaces parts a line's cells: one space is a space inside a cell (主 要 内
    容, 2025 年), and no fixed width is needed, as the width of a column changes from copy to copy.
    A line with as many cells as the header takes them in order; a line with fewer (a cell left
    empty) places each under the header cell it stands most beneath, measured as printed in a
    fixed-width font (a Chinese character two columns wide): columns set by spaces drift by a
    column or two where wide and narrow characters mix, which the nearest header absorbs.  Read
    only where the 序号 column comes first: its numbers tell a row from the text around it."""

    def __init__(self, text: str, lines: list[Line], header: int, columns: list[Column], cells: list[Cell]) -> None:
        super().__init__(text, lines, header, columns)
        self.extents = [_extent(text, cell) for cell in cells]  # the header cells, as printed

    def _laid(self, line: Line) -> list[tuple[Cell, int, int]]:
        """A line's cells, each with where it starts and ends as printed."""
        cells = _gap_cells(self.text, line) or [Cell(line.start, line.end)]
        return [(cell, *_extent(self.text, cell)) for cell in cells]

    def _placed(self, laid: list[tuple[Cell, int, int]]) -> list[Cell | None]:
        """A line's cells, one per column (None where empty): in order when the line has a cell for
        every column, else each under the header cell it stands most beneath (two under one header
        are one cell, its words parted by spaces)."""
        width = len(self.columns)
        if len(laid) == width:
            return [cell for cell, _, _ in laid]
        placed: list[Cell | None] = [None] * width
        last = 0
        for cell, start, end in laid:
            k = max(last, _most_beneath(self.extents, start, end))
            before = placed[k]
            placed[k] = cell if before is None else Cell(before.start, cell.end)
            last = k
        return placed

    def _in_first_column(self, start: int) -> bool:
        """Whether a cell that starts at ``start`` (as printed) stands in the 序号 column."""
        return start <= self.extents[0][1]

    def _repeats_header(self, line: Line) -> bool:
        cells = _gap_cells(self.text, line)
        return cells is not None and _columns([self.text[c.start : c.end] for c in cells]) == self.columns

    def _category(self, line: Line) -> Heading | None:
        """A category row: a heading with a numeral alone on its line, in the 序号 column
        (一、保障粮食安全), or a numeral in the 序号 cell and a title in the task cell (一   政务环境)."""
        laid = self._laid(line)
        if not self._in_first_column(laid[0][1]):
            return None
        if len(laid) == 1:
            heading = heading_at(self.text, line)
            return heading if heading is not None and heading.kind in _CATEGORY_KINDS else None
        return self._numbered_category(self._placed(laid), line)

    def _below(self, line: Line) -> list[Cell | None] | None:
        """A line's cells placed under the header, where none stands in the 序号 column and none
        runs on under the next column's header (a paragraph after the table is no row's)."""
        laid = self._laid(line)
        if self._in_first_column(laid[0][1]):
            return None
        placed = self._placed(laid)
        for k, cell in enumerate(placed[:-1]):
            if cell is not None and _extent(self.text, cell)[1] > self.extents[k + 1][0] + _DRIFT:
                return None
        return placed

    def _row(self, i: int) -> tuple[Row | None, int]:
        """The row whose 序号 starts line ``i``, and the next line."""
        laid = self._laid(self.lines[i])
        if len(laid) < 2 or not self._in_first_column(laid[0][1]) or _row_number(self.text, laid[0][0]) is None:
            return None, i
        return _make_row(self.text, [self.lines[i]], self._placed(laid), 0), i + 1


def _gap_cells(text: str, line: Line) -> list[Cell] | None:
    """The cells of a line parted by runs of two or more spaces; None for a line without such a
    run (most lines: a literal test first).

    >>> text = "1    做好甲项工作  省甲厅、省乙厅　　2024年 底前"
    >>> [text[c.start : c.end] for c in _gap_cells(text, Line(1, 0, len(text)))]
    ['1', '做好甲项工作', '省甲厅、省乙厅', '2024年 底前']
    """
    start, end = line.start, line.end
    if all(text.find(space, start, end) < 0 for space in _GAP_HINTS):
        return None
    cells: list[Cell] = []
    for gap in RE_CELL_GAP.finditer(text, start, end):
        cells.append(Cell(start, gap.start()))
        start = gap.end()
    return [*cells, Cell(start, end)] if cells else None


_GAP_HINTS = ("  ", *lx.TABLE_GAP_SPACES[1:])  # a line holding none of these has no run of spaces


def _extent(text: str, cell: Cell) -> tuple[int, int]:
    """Where a cell starts and ends on its line as printed in a fixed-width font, a wide (Chinese,
    full-width) character two columns.

    >>> _extent("1  做好", Cell(3, 5))
    (3, 7)
    """
    line_start = text.rfind("\n", 0, cell.start) + 1
    start = _width(text[line_start : cell.start])
    return start, start + _width(text[cell.start : cell.end])


def _width(words: str) -> int:
    return len(words) + sum(east_asian_width(ch) in "WF" for ch in words if ord(ch) >= _FIRST_WIDE)


_FIRST_WIDE = 0x1100  # no character before it is wide
_DRIFT = 2  # columns a cell set by spaces may stand off its header, where wide and narrow characters mix


def _ends_inside_name(words: str) -> bool:
    """Whether a units cell's words stop inside a unit's name, so that the next line's words finish
    it (县卫生健 / 康局, …、县 / 自然资源局, …、 / 县水利局): its last name does not end as a whole
    name does (…局, …委, …办公室; not a place alone: 县, 各乡 open a longer name).

    >>> _ends_inside_name("县财政局、县卫生健"), _ends_inside_name("县财政局、县"), _ends_inside_name("县财政局、")
    (True, True, True)
    >>> _ends_inside_name("市甲局"), _ends_inside_name("省市场监管局（省知识产权局）*")
    (False, False)
    """
    last = RE_UNIT_SEPARATOR.split(words.strip(lx.SPACE_CHARS))[-1].rstrip(lx.LEAD_MARKS)
    aside = RE_TRAILING_ASIDE.search(last)
    if aside is not None:
        last = last[: aside.start()]
    return not last.endswith(_WHOLE_NAME_ENDINGS)


_WHOLE_NAME_ENDINGS = tuple(s for s in lx.ORG_SUFFIXES if s not in lx.PLACE_SUFFIXES)


def _most_beneath(extents: list[tuple[int, int]], start: int, end: int) -> int:
    """The column whose header cell a cell from ``start`` to ``end`` stands most beneath: the one it
    overlaps most, else the nearest (an overlap below zero is the gap between them).

    >>> _most_beneath([(0, 4), (7, 15), (57, 89)], 59, 69), _most_beneath([(0, 4), (7, 15), (57, 89)], 44, 46)
    (2, 2)
    """
    overlaps = [min(end, right) - max(start, left) for left, right in extents]
    return overlaps.index(max(overlaps))


def _row_number(text: str, cell: Cell | None) -> tuple[int, str] | None:
    """A row's printed number and its numeral (1, 1., （1）, 一), or None.

    >>> _row_number("（12）", Cell(0, 4)), _row_number("十二", Cell(0, 2)), _row_number("甲", Cell(0, 1))
    ((12, '12'), (12, '十二'), None)
    """
    if cell is None:
        return None
    match = RE_ROW_NUMBER.fullmatch(text, cell.start, cell.end)
    if match is None:
        return None
    numeral = match.group("n")
    value = numeral_value(numeral)
    return (value, numeral) if value else None


def _make_row(text: str, lines: list[Line], cells: list[Cell | None], number: int | None) -> Row:
    printed = _row_number(text, cells[number]) if number is not None else None
    value, numeral = printed if printed is not None else (None, "")
    return Row(lines, cells, value, numeral)


def _flat_table(text: str, lines: list[Line], first: int) -> Table | None:
    """A table flattened one cell a line, from its 序号 line: the header's cells on the lines that
    follow, then rows of a bare number and as many cell lines as the header has other columns."""
    k = first
    words: list[str] = []
    while k < len(lines) and len(words) < _HEADER_WORD_MAX:
        word = _header_word(text[lines[k].start : lines[k].end])
        if word not in _ROLES and not (words and _is_short_label(word) and _next_is_label(text, lines, k + 1)):
            break
        if words and _breaks_row(text, lines[k]):
            break
        words.append(word)
        k += 1
    columns = _columns(words)
    if columns is None or columns[0].role != "number":
        return None
    width = len(columns)
    categories = [Category(None)]
    furniture: list[Line] = []
    last = k
    while k < len(lines):
        line = lines[k]
        heading = heading_at(text, line)
        if heading is not None and heading.kind in _CATEGORY_KINDS:
            categories.append(Category(heading))
            k += 1
            continue
        if is_page_number(text, line) or is_noise(text, line):
            furniture.append(line)
            k += 1
            continue
        if _row_number(text, Cell(line.start, line.end)) is None or not line.end - line.start <= 4:
            break
        end = _flat_row_end(text, lines, k, width)
        if end is None:
            break
        taken = lines[k:end]
        cells: list[Cell | None] = [Cell(ln.start, ln.end) for ln in taken[:width]]
        if len(taken) > width:  # a cell set over several lines: the text before the units runs on
            target = max(c for c, col in enumerate(columns) if col.role in ("task", "text"))
            body = taken[target : target + 1 + len(taken) - width]
            cells = [
                *cells[:target],
                Cell(body[0].start, body[-1].end),
                *[Cell(ln.start, ln.end) for ln in taken[target + len(body) :]],
            ]
        cells += [None] * (width - len(cells))  # a row missing its last cells
        categories[-1].rows.append(_make_row(text, taken, cells, 0))
        k = last = end
    return _table(lines[first : first + width], columns, categories, first, last, furniture)


def _table(
    header: list[Line], columns: list[Column], categories: list[Category], first: int, end: int, furniture: list[Line]
) -> Table | None:
    """The table, from its header to its last row (category rows after it, with no row under
    them, are the text after the table); None for fewer than two rows."""
    while categories and categories[-1].heading is not None and not categories[-1].rows:
        categories.pop()
    categories = [c for c in categories if c.heading is not None or c.rows]
    if sum(len(c.rows) for c in categories) < 2:
        return None
    last = categories[-1].rows[-1].lines[-1]
    return Table(header, columns, categories, first, end, [ln for ln in furniture if ln.start < last.start])


def _is_short_label(word: str) -> bool:
    return 0 < len(word) <= _HEADER_WORD_MAX // 2 and not any(ch in word for ch in lx.CLAUSE_ENDS)


def _next_is_label(text: str, lines: list[Line], k: int) -> bool:
    """Whether the header goes on after an unknown short label (推广范围): the next line is a header
    word or another short label followed by the first category or row."""
    if k >= len(lines):
        return False
    word = _header_word(text[lines[k].start : lines[k].end])
    return (
        word in _ROLES
        or heading_at(text, lines[k]) is not None
        or _row_number(text, Cell(lines[k].start, lines[k].end)) is not None
    )


def _flat_row_end(text: str, lines: list[Line], k: int, width: int) -> int | None:
    """Where the flattened row starting at line ``k`` (its number) ends: after its cells, where the
    next row, a category row or the table's end follows.  A row whose cells run over more lines
    ends where the next row starts, if it starts near; a row missing its last cells (a web page
    drops an empty cell) ends where the next one starts, if that one is numbered next."""
    value = _row_number(text, Cell(lines[k].start, lines[k].end))
    end = min(k + width, len(lines))
    inside = next((j for j in range(k + 1, end) if _breaks_row(text, lines[j])), None)
    if inside is not None:
        return inside if _next_row_starts(text, lines, inside, value, exact=True) else None
    if end < k + width:
        return None
    if end == len(lines) or _breaks_row(text, lines[end]):
        return end
    for j in range(end, min(len(lines), end + _FLAT_LOOKAHEAD)):
        if _breaks_row(text, lines[j]):
            return j if _next_row_starts(text, lines, j, value) else end
    return end  # the last row: what follows is the text after the table


def _next_row_starts(text: str, lines: list[Line], j: int, value: tuple[int, str] | None, exact: bool = False) -> bool:
    """Whether line ``j`` starts the row after the row numbered ``value`` (numbered next, or, not
    ``exact``, any higher number), or a category row with a row under it."""
    if value is None:
        return False
    number = _row_number(text, Cell(lines[j].start, lines[j].end))
    if number is None:  # a category row: the table goes on if a row follows it
        following = _row_number(text, Cell(lines[j + 1].start, lines[j + 1].end)) if j + 1 < len(lines) else None
        return following is not None and following[0] > value[0] and lines[j + 1].end - lines[j + 1].start <= 4
    return number[0] == value[0] + 1 if exact else number[0] > value[0]


def _breaks_row(text: str, line: Line) -> bool:
    """A line that starts a row or a category row (a bare number, 一、…)."""
    heading = heading_at(text, line)
    if heading is not None and heading.kind in _CATEGORY_KINDS:
        return True
    return line.end - line.start <= 4 and _row_number(text, Cell(line.start, line.end)) is not None
