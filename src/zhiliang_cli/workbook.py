"""The one module that imports openpyxl: .xlsx workbooks written and read back.

:mod:`ledger` and :mod:`progress` describe their sheets as plain data (a header,
rows of values, which columns a unit fills in) and this module makes them into
workbooks people can use: the header bold and frozen, an autofilter, column widths
fitted to Chinese text (a wide character counts as two), long text wrapped, A4
landscape printing fitted to the page width with the header repeated, drop-downs
and number-only validation, the generated columns locked and the fill-in columns
unlocked under a sheet protection with no password.

Text is always written as text: a cell whose text begins with = + - @ is stored
as a string, never as a formula, and control characters that a workbook cannot
hold are shown as ``\\xNN``.  Files are written atomically, as a set: every
workbook is built first, then moved into place; if one cannot be written, none is
left behind and any file it would have replaced is restored.

Reading returns each cell's value, its reference (``K5``) and whether its number
format shows a percentage; a formula is replaced by the value the spreadsheet
program last computed for it (``formula`` is set when there is none).
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from .errors import InputError, OutputError, UsageError
from .printable import printable
from .sheets import Book, Cell, Row

Value = str | int | float | None

MAX_CELL_TEXT = 32767  # characters a cell of Excel can hold
MAX_WIDTH = 50  # widest column, in character widths; longer text wraps
MIN_WIDTH = 6  # the narrowest a column is made to fit the page
MIN_FILL_WIDTH = 20  # fill-in text columns start this wide, for the unit to write in
#: Column widths (in the unit spreadsheets use: the width of a digit of the default font, Calibri
#: 11 pt, 5.25 pt and a little padding) that fill A4 landscape inside the margins at 100%: measured
#: with LibreOffice by tests/test_print.py.  A wide character of the body font is two of them.
PAGE_WIDTH = 118
LINE_HEIGHT = 14  # points between two lines of the body font (Excel gives 宋体 10.5 pt 13.5)
ROW_PADDING = 3  # points above and below a row's text
MAX_HEIGHT = 409  # the tallest row a spreadsheet allows, in points
HEADER_FILL = "DDEBF7"
BORDER_COLOUR = "808080"
FONT_NAME = "宋体"  # SimSun; a program without it takes another Chinese font (FONT_CHARSET)
FONT_SIZE = 10.5  # points: 五号, the least a printed form is read at
HEADER_SIZE = 12  # points: the plan's title above each page (小四)
FOOTER_SIZE = 11  # points: 第 N 页 共 M 页 below it
FONT_CHARSET = 134  # GB2312: the script the text is in, which names the fallback
FONT_FAMILY = 3  # a font with serifs, as 宋体 is
MARGIN = 0.4  # inches of paper left and right, and above and below the header and footer
HEADER_MARGIN = 0.3  # inches the page header and footer take
FOOTER = "第 &P 页 共 &N 页"
CHART_SIZE = (26, 16)  # centimetres a chart takes: one A4 landscape page inside the margins
NUMBER_LIMIT = "1E+15"  # the bounds of the number-only validation, either way


@dataclass(frozen=True)
class Sheet:
    """A sheet to write: its header row, its rows and how its columns behave."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Value]]
    fill: frozenset[str] = frozenset()  # columns the user fills in: unlocked
    numbers: frozenset[str] = frozenset()  # fill-in columns that accept numbers only
    choices: dict[str, Sequence[str]] = field(default_factory=dict)  # column -> drop-down list
    colours: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> value -> fill colour
    widest: dict[str, int] = field(default_factory=dict)  # column -> its widest, if not MAX_WIDTH
    protect: bool = True
    title: str | None = None  # the page header when printed: the plan's title
    bold_rows: frozenset[int] = frozenset()  # rows (0-based, under the header) in bold: a 合计


def display_width(text: str) -> int:
    """The width of ``text`` in a fixed-width font: wide (CJK) characters count two.

    >>> display_width("省市场监管局"), display_width("1-2"), display_width("（一）a")
    (12, 3, 7)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell_text(text: str) -> str:
    """``text`` as a cell can hold it: control characters a workbook refuses shown as \\xNN.

    >>> cell_text("第一页\\x0c第二页")
    '第一页\\\\x0c第二页'
    """
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def safe_file_name(name: str) -> str:
    """``name`` made safe as a file name on Windows, macOS and Linux, on a command line and on
    a terminal: control, bidirectional and zero-width characters removed (they would reorder or
    hide what a listing shows), path separators and what Windows refuses replaced by _, a
    leading - (which a command would take for an option) too, NFC form (as macOS stores it),
    at most 200 bytes.

    >>> safe_file_name("省市场监管局"), safe_file_name('a/b:c*?"<>|.'), safe_file_name("CON"), safe_file_name("..")
    ('省市场监管局', 'a_b_c______', '_CON', '_')
    >>> safe_file_name("-省委"), safe_file_name("=省厅"), safe_file_name("省\u202e局\u200b\x1b[2J")
    ('_省委', '=省厅', '省局[2J')
    """
    from .printable import RE_UNPRINTABLE

    name = RE_UNPRINTABLE.sub("", unicodedata.normalize("NFC", name))
    cleaned = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name)
    cleaned = cleaned.strip().rstrip(". ").lstrip(".")
    cleaned = "_" + cleaned[1:] if cleaned.startswith("-") else cleaned
    while len(cleaned.encode("utf-8")) > 200:  # file names are limited to 255 bytes
        cleaned = cleaned[:-1]
    if not cleaned:
        return "_"
    reserved = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
    return "_" + cleaned if cleaned.split(".")[0].upper() in reserved else cleaned


# --- writing -------------------------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    """A sheet holding one chart, a page of A4 landscape: bars of some columns of a sheet, one
    group per row (its first column the category), stacked, each series in its colour.  Made with
    openpyxl's own charts on a worksheet (LibreOffice draws a chartsheet of openpyxl's as an empty
    page), which Excel, WPS and LibreOffice all draw."""

    name: str
    title: str
    sheet: str  # the sheet the numbers are in, a header row above them
    rows: int  # the rows charted, under the header
    series: range  # the columns (1-based) charted, one series each, named by their header
    colours: Sequence[str]
    y_title: str
    page_title: str | None = None  # the page header when printed: the plan's title


def build(sheets: Sequence[Sheet], charts: Sequence[Chart] = ()) -> Workbook:
    """A workbook holding ``sheets``, in order, then ``charts``."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for sheet in sheets:
        _fill_sheet(book.create_sheet(sheet.name), sheet)
    for chart in charts:
        _chart_sheet(book, chart)
    return book


def _chart_sheet(book: Workbook, spec: Chart) -> None:
    from openpyxl.chart import BarChart, Reference

    ws = book[spec.sheet]
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title, chart.y_axis.title = spec.title, spec.y_title
    chart.x_axis.scaling.orientation = "maxMin"  # the first unit on top, as in the sheet
    chart.x_axis.delete = chart.y_axis.delete = False
    for column, colour in zip(spec.series, spec.colours, strict=True):
        chart.add_data(Reference(ws, min_col=column, min_row=1, max_row=spec.rows + 1), titles_from_data=True)
        chart.series[-1].graphicalProperties.solidFill = colour
        chart.series[-1].graphicalProperties.line.solidFill = colour
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=spec.rows + 1))
    chart.width, chart.height = CHART_SIZE  # cm: A4 landscape inside the margins
    sheet = book.create_sheet(spec.name)
    sheet.add_chart(chart, "A1")
    _print_setup(sheet, Sheet(spec.name, (), (), title=spec.page_title))


def _fill_sheet(ws: Worksheet, sheet: Sheet) -> None:
    ws.append(list(sheet.header))
    for row in sheet.rows:
        ws.append([None] * len(sheet.header))
        for col, value in enumerate(row, start=1):
            _put(ws, ws.max_row, col, value, sheet.name)
    _style(ws, sheet)
    _validate(ws, sheet)
    _layout(ws, sheet)
    if sheet.protect:
        _protect(ws)


def _put(ws: Worksheet, row: int, col: int, value: Value, sheet: str) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        text = cell_text(value)
        if len(text) > MAX_CELL_TEXT:
            raise OutputError(
                f"sheet {sheet}, cell {cell.coordinate}: {len(text)} characters of text, over the "
                f"{MAX_CELL_TEXT} a spreadsheet cell can hold"
            )
        cell.value = text
        cell.data_type = "s"  # text, even when it begins with = + - @
    else:
        cell.value = value


def _style(ws: Worksheet, sheet: Sheet) -> None:
    """Every cell of the table in the body font with a thin border; the header bold on a fill."""
    body, bold = _font(), _font(bold=True)
    header_fill = PatternFill(fill_type="solid", fgColor=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)
    side = Side(style="thin", color=BORDER_COLOUR)
    box = Border(left=side, right=side, top=side, bottom=side)
    fills = {
        v: PatternFill(fill_type="solid", fgColor=c) for colours in sheet.colours.values() for v, c in colours.items()
    }
    for col, name in enumerate(sheet.header, start=1):
        head = ws.cell(row=1, column=col)
        head.font, head.fill, head.border = bold, header_fill, box
        head.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        column_style = None
        for row in range(2, ws.max_row + 1):
            cell: Any = ws.cell(row=row, column=col)  # Any: openpyxl's stubs do not declare _style
            if column_style is None:
                cell.font, cell.alignment, cell.border = body, wrap, box
                if name in sheet.fill:
                    cell.protection = unlocked
                column_style = copy(cell._style)
            else:
                # The column's style ids, copied: assigning the style objects again makes openpyxl
                # hash each one per cell, most of the time a ledger takes to write.
                cell._style = copy(column_style)
            colour = sheet.colours.get(name, {}).get(str(cell.value))
            if colour:
                cell.fill = fills[str(cell.value)]
    for row in sheet.bold_rows:
        for col in range(1, len(sheet.header) + 1):
            ws.cell(row=row + 2, column=col).font = bold


def _font(bold: bool = False) -> Font:
    """The body font: 宋体 at 五号 or more; charset GB2312 tells a program that lacks 宋体 to take
    a Chinese font of its own (WPS and Excel do; LibreOffice substitutes through fontconfig)."""
    return Font(name=FONT_NAME, size=FONT_SIZE, bold=bold, charset=FONT_CHARSET, family=FONT_FAMILY)


def _validate(ws: Worksheet, sheet: Sheet) -> None:
    last = max(ws.max_row, 2)
    for col, name in enumerate(sheet.header, start=1):
        letter = get_column_letter(col)
        if name in sheet.choices:
            rule = DataValidation(type="list", formula1='"' + ",".join(sheet.choices[name]) + '"', allow_blank=True)
            rule.error, rule.errorTitle = f"请从下拉列表中选择：{'、'.join(sheet.choices[name])}", f"{name}"
        elif name in sheet.numbers:
            rule = DataValidation(
                type="decimal", operator="between", formula1=f"-{NUMBER_LIMIT}", formula2=NUMBER_LIMIT, allow_blank=True
            )
            rule.error = "宜填数字，单位按 单位 列（如 120、93）；100以上、约20 这样的写法也能读出，汇总时会提示"
            rule.errorTitle = f"{name}宜填数字"
            rule.errorStyle = "information"  # says so, and lets 100以上 stand: zl progress reads it
            rule.prompt, rule.promptTitle = (
                "填数字，单位按 单位 列：单位为 亿元 时 120亿元 填 120；93% 填 93",
                f"{name}",
            )
            rule.showInputMessage = True
        else:
            continue
        rule.showErrorMessage = True
        rule.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(rule)


def natural_width(values: Sequence[object], header: str) -> int:
    """The width a column wants: its widest line, or its header with room for the filter button.

    >>> natural_width(["省市场监管局", None, "一\\n二三"], "牵头单位")
    13
    """
    widest = display_width(header) + 3
    for value in values:
        if value is not None:
            widest = max(widest, *(display_width(line) + 1 for line in str(value).splitlines() or [""]))
    return widest


def fit_widths(wanted: Sequence[float], least: Sequence[float], page: float = PAGE_WIDTH) -> list[float]:
    """Column widths that fit ``page`` when the ``wanted`` ones do not: each column gives up the
    same share of what it wants beyond its ``least``, so text wraps instead of shrinking.

    >>> fit_widths([10, 20, 30], [5, 5, 5], page=100)
    [10, 20, 30]
    >>> fit_widths([10, 40, 60], [10, 10, 10], page=60)
    [10.0, 21.2, 28.8]
    """
    if sum(wanted) <= page:
        return list(wanted)
    floor = [min(w, f) for w, f in zip(wanted, least, strict=True)]
    spare = sum(w - f for w, f in zip(wanted, floor, strict=True))
    share = max(0.0, (page - sum(floor)) / spare) if spare else 0.0
    return [round(f + (w - f) * share, 1) for w, f in zip(wanted, floor, strict=True)]


def _layout(ws: Worksheet, sheet: Sheet) -> None:
    wanted, least = [], []
    for col, name in enumerate(sheet.header, start=1):
        values = [v for (v,) in ws.iter_rows(min_row=2, min_col=col, max_col=col, values_only=True)]
        width = natural_width(values, name)
        if name in sheet.fill and name not in sheet.numbers and name not in sheet.choices:
            width = max(width, MIN_FILL_WIDTH)
        wanted.append(min(width, sheet.widest.get(name, MAX_WIDTH)))
        least.append(min(width, max(MIN_WIDTH, display_width(name) // 2 + 3)))
    widths = fit_widths(wanted, least)
    for col, size in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = size
    _heights(ws, widths)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{max(ws.max_row, 2)}"
    _print_setup(ws, sheet)


def _print_setup(ws: Worksheet, sheet: Sheet) -> None:
    """A4 landscape at 100%, the header row on every page, the title above and 第 N 页 共 M 页
    below.  The columns are chosen to fit one page wide (:func:`fit_widths`), so nothing is
    shrunk: a fit-to-width setting would let LibreOffice print at 98% where a tall row falls
    awkwardly, under 五号 (measured).  As many pages tall as the rows need."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = 100
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(
        left=MARGIN, right=MARGIN, top=MARGIN + HEADER_MARGIN, bottom=MARGIN + HEADER_MARGIN,
        header=HEADER_MARGIN, footer=HEADER_MARGIN,
    )  # fmt: skip
    ws.print_title_rows = "1:1"
    font = f"{FONT_NAME},常规"
    header, footer = ws.oddHeader, ws.oddFooter
    if sheet.title and header is not None:
        header.center.text = sheet.title.replace("&", "&&")
        header.center.font, header.center.size = font, HEADER_SIZE
    if footer is not None:
        footer.center.text = FOOTER
        footer.center.font, footer.center.size = font, FOOTER_SIZE


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide.

    >>> wrapped_lines("省市场监管局", 20), wrapped_lines("省市场监管局", 8), wrapped_lines("一\\n二", 20)
    (1, 2, 2)
    """
    usable = max(1.0, width - 1.5)
    return sum(max(1, math.ceil(display_width(line) / usable)) for line in text.split("\n"))


def _heights(ws: Worksheet, widths: Sequence[float]) -> None:
    """Each row as tall as its text wrapped in its columns.  Neither LibreOffice nor every
    version of Excel fits a row to its text when it opens a file, so the height is written; the
    width of a character is counted as Excel and WPS count it (a wide one two digits), which is
    the narrower count, so no text is cut off anywhere (LibreOffice shows a little more room)."""
    for number, row in enumerate(ws.iter_rows(min_row=1, max_col=len(widths)), start=1):
        lines = max((wrapped_lines(str(c.value), widths[c.column - 1]) for c in row if c.value is not None), default=1)
        if lines > 1:
            ws.row_dimensions[number].height = min(MAX_HEIGHT, round(LINE_HEIGHT * lines + ROW_PADDING, 1))


def _protect(ws: Worksheet) -> None:
    """Lock the sheet with no password; filtering, sorting, resizing and new rows stay allowed."""
    protection = ws.protection
    protection.sheet = True
    protection.autoFilter = protection.sort = False
    protection.formatColumns = protection.formatRows = protection.insertRows = False


def to_bytes(book: Workbook) -> bytes:
    """``book`` as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_book(path: str, book: Workbook, force: bool = False) -> None:
    """Write ``book`` to ``path`` as :func:`files.write_atomic` writes a file: a symlink
    followed, an existing file kept unless ``force``, in one rename."""
    from .files import write_atomic

    check_free([Path(path)], force)
    write_atomic(path, to_bytes(book), force)


def check_free(paths: Sequence[Path], force: bool = False) -> None:
    """Refuse a path that is a folder, or a file that exists unless ``force``, or a name
    that does not end in .xlsx (Excel will not open a workbook named otherwise)."""
    for path in paths:
        if path.is_dir():
            raise OutputError(f"{printable(str(path))} is a directory: give a file name for -o")
        if path.suffix.lower() != ".xlsx":
            raise UsageError(
                f"{printable(str(path))} does not end in .xlsx: give -o a name such as {path.stem or 'ledger'}.xlsx"
            )
        if path.exists() and not force:
            raise OutputError(f"{printable(str(path))} exists: use --force to overwrite it, or choose another name")


# --- reading -------------------------------------------------------------------------


def read_xlsx(path: str, shown: str, data: bytes) -> Book:
    """Every sheet of the .xlsx in ``data`` (checked by :func:`sheets.check_xlsx` first): the
    cells that hold something, row by row, sparse (a stray cell far off costs one cell).

    A merged range is read as it is shown: its value in every row it spans that holds
    something, in its first column (cells merged down a column hold one value for each row)."""
    book = _open(shown, data, data_only=False)
    computed: list[Workbook] = []  # opened again for the values of formulas, when there are any
    sheets: dict[str, list[Row]] = {}
    for ws in book.worksheets:
        by_row: dict[int, Row] = {}
        for (number, column), cell in sorted(ws._cells.items()):
            if cell.value is None or type(cell).__name__ == "MergedCell":
                continue
            by_row.setdefault(number, {})[column] = _read_cell(shown, data, ws.title, cell, column, computed)
        _merged_as_shown(ws, by_row)
        sheets[ws.title] = [by_row[number] for number in sorted(by_row)]
    saved = book.properties.modified if book.properties else None
    return Book(path, sheets, saved)


def _merged_as_shown(ws: Worksheet, by_row: dict[int, Row]) -> None:
    """Give each row a merged range spans (and that holds something) the range's value, in its
    first column."""
    for span in ws.merged_cells.ranges:
        top = by_row.get(span.min_row, {}).get(span.min_col)
        if top is None:
            continue
        for number in range(span.min_row + 1, span.max_row + 1):
            if number in by_row:
                ref = f"{get_column_letter(span.min_col)}{number}"
                by_row[number][span.min_col] = Cell(ref, top.value, top.percent, top.formula, span.min_col)


def _read_cell(shown: str, data: bytes, sheet: str, cell: Any, column: int, computed: list[Workbook]) -> Cell:
    """One cell as :class:`Cell`; a formula by the value saved with it."""
    percent = "%" in str(cell.number_format or "")
    if cell.data_type != "f":
        return Cell(cell.coordinate, cell.value, percent, None, column)
    if not computed:
        computed.append(_open(shown, data, data_only=True))
    value = computed[0][sheet][cell.coordinate].value
    formula = None if value is not None else str(getattr(cell.value, "text", cell.value))
    return Cell(cell.coordinate, value, percent, formula, column)


def _open(shown: str, data: bytes, data_only: bool) -> Workbook:
    import warnings
    import zipfile

    try:
        with warnings.catch_warnings():  # openpyxl warns about features it drops (e.g. WPS extensions)
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=data_only)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise InputError(
            f"{shown} is damaged or not an .xlsx workbook ({type(error).__name__}): save it again"
        ) from None
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise InputError(f"{shown} cannot be read as a workbook ({type(error).__name__}): save it again") from None
