"""OpenDocument spreadsheets (.ods: LibreOffice, WPS) read as :class:`sheets.Book`, with the
standard library's XML parser over ``content.xml`` read through :mod:`limits`.

The table's rows and cells are read as they stream past and let go of: a row or a cell repeated
(``table:number-rows-repeated``, LibreOffice's way of writing a million empty rows) is skipped
when empty and refused past :data:`limits.MAX_REPEATED` when it holds something.  A cell's value
is its ``office:value`` (a formula's saved result too), a percentage (``office:value-type=
"percentage"``) marked as such, a date as a date; a text cell's paragraphs joined by line ends.
A document type declaration (the way to an entity bomb) is refused.
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from typing import Any

from .errors import InputError
from .limits import MAX_BOOK_UNPACKED, MAX_MERGED_CELLS, MAX_REPEATED, MAX_SHEET_CELLS, read_member
from .sheets import Book, Cell, Row, column_letters

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
DC = "http://purl.org/dc/elements/1.1/"
T_TABLE, T_ROW = f"{{{TABLE}}}table", f"{{{TABLE}}}table-row"
T_CELL, T_COVERED = f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"
T_P, T_S, T_TAB, T_BREAK = f"{{{TEXT}}}p", f"{{{TEXT}}}s", f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"


def _attr(element: ET.Element, space: str, name: str) -> str | None:
    return element.get(f"{{{space}}}{name}")


def _repeat(element: ET.Element, name: str) -> int:
    try:
        return max(1, int(_attr(element, TABLE, name) or 1))
    except ValueError:
        return 1


def _text(element: ET.Element) -> str:
    """The text of a cell: its paragraphs joined by line ends, spaces and tabs as written
    (walked with a stack, whatever the nesting)."""
    paragraphs: list[str] = []
    for p in element.iter(T_P):
        out: list[str] = []
        stack: list[tuple[ET.Element, bool]] = [(p, False)]
        while stack:
            node, done = stack.pop()
            if done:
                out.append(node.tail or "")
                continue
            if node is not p:
                stack.append((node, True))
            if node.tag == T_S:
                out.append(" " * min(_repeat_c(node), 1000))
            elif node.tag == T_TAB:
                out.append("\t")
            elif node.tag == T_BREAK:
                out.append("\n")
            else:
                out.append(node.text or "")
                stack.extend((child, False) for child in reversed(node))
        paragraphs.append("".join(out))
    return "\n".join(paragraphs)


def _repeat_c(node: ET.Element) -> int:
    try:
        return max(1, int(_attr(node, TEXT, "c") or 1))
    except ValueError:
        return 1


def _value(cell: ET.Element) -> tuple[Any, bool]:
    """A cell's value and whether it shows a percentage."""
    kind = _attr(cell, OFFICE, "value-type")
    if kind in ("float", "percentage", "currency"):
        raw = _attr(cell, OFFICE, "value") or ""
        try:
            number: Any = int(raw) if raw.lstrip("-").isdigit() and len(raw) < 20 else float(raw)
        except ValueError:
            number = raw
        return number, kind == "percentage"
    if kind == "date":
        raw = _attr(cell, OFFICE, "date-value") or ""
        try:
            return dt.datetime.fromisoformat(raw), False
        except ValueError:
            return raw, False
    if kind == "boolean":
        return _attr(cell, OFFICE, "boolean-value") == "true", False
    text = _text(cell)
    return (text if text else None), False


def read_ods(path: str, shown: str, archive: Any) -> Book:
    content = read_member(archive, "content.xml", shown, MAX_BOOK_UNPACKED)
    if b"<!DOCTYPE" in content[:4096] or b"<!ENTITY" in content:
        raise InputError(f"{shown}: its content declares a document type, which no spreadsheet writes: refused")
    sheets: dict[str, list[Row]] = {}
    counted = {"cells": 0, "merged": 0}
    try:
        _parse(content, shown, sheets, counted)
    except ET.ParseError as error:
        raise InputError(f"{shown} is a damaged .ods workbook ({error}): save it again") from None
    return Book(path, sheets, _saved(archive, shown))


def _parse(content: bytes, shown: str, sheets: dict[str, list[Row]], counted: dict[str, int]) -> None:
    rows: list[Row] = []
    numbers: list[int] = []  # the sheet's row number of each row in rows
    spans: list[tuple[int, int, int]] = []  # (row index in rows, column, rows spanned)
    number = 0  # the sheet's row number of the last row read
    for event, element in ET.iterparse(io.BytesIO(content), events=("start", "end")):
        if event == "start":
            if element.tag == T_TABLE:
                rows, numbers, spans, number = [], [], [], 0
            continue
        if element.tag == T_ROW:
            repeat = _repeat(element, "number-rows-repeated")
            row, row_spans = _row(element, number + 1, shown, counted)
            if row and repeat > MAX_REPEATED:
                raise InputError(f"{shown}: a row that holds something is repeated {repeat:,} times: refused")
            for k in range(repeat if row else 0):
                at = number + 1 + k
                rows.append({c: Cell(f"{column_letters(c)}{at}", v.value, v.percent, None, c) for c, v in row.items()})
                numbers.append(at)
                spans.extend((len(rows) - 1, c, down) for c, down in row_spans)
            number += repeat
            element.clear()
        elif element.tag == T_TABLE:
            name = _attr(element, TABLE, "name") or f"Sheet{len(sheets) + 1}"
            _spread(rows, numbers, spans, counted, shown)
            sheets[name] = rows
            element.clear()


def _row(element: ET.Element, number: int, shown: str, counted: dict[str, int]) -> tuple[Row, list[tuple[int, int]]]:
    row: Row = {}
    spans: list[tuple[int, int]] = []
    column = 0
    for cell in element:
        if cell.tag not in (T_CELL, T_COVERED):
            continue
        repeat = _repeat(cell, "number-columns-repeated")
        value, percent = _value(cell) if cell.tag == T_CELL else (None, False)
        if value is None:
            column += repeat
            continue
        if repeat > MAX_REPEATED:
            raise InputError(f"{shown}: a cell that holds something is repeated {repeat:,} times: refused")
        down = _repeat(cell, "number-rows-spanned")
        for _ in range(repeat):
            column += 1
            counted["cells"] += 1
            row[column] = Cell(f"{column_letters(column)}{number}", value, percent, None, column)
            if down > 1:
                spans.append((column, down))
        if counted["cells"] > MAX_SHEET_CELLS:
            raise InputError(f"{shown} has over {MAX_SHEET_CELLS:,} cells, more than any ledger: refused")
    return row, spans


def _spread(
    rows: list[Row], numbers: list[int], spans: list[tuple[int, int, int]], counted: dict[str, int], shown: str
) -> None:
    """A cell merged down a column gives its value to the rows it covers (as shown)."""
    by_number = {at: i for i, at in enumerate(numbers)}
    for index, column, down in spans:
        top = rows[index][column]
        first = numbers[index]
        counted["merged"] += down
        if counted["merged"] > MAX_MERGED_CELLS:
            raise InputError(f"{shown}: merged cells over {MAX_MERGED_CELLS:,}: unmerge them and save the file again")
        for at in range(first + 1, first + down):
            if at in by_number:
                ref = f"{column_letters(column)}{at}"
                rows[by_number[at]][column] = Cell(ref, top.value, top.percent, None, column)


def _saved(archive: Any, shown: str) -> dt.datetime | None:
    if "meta.xml" not in archive.namelist():
        return None
    try:
        root = ET.fromstring(read_member(archive, "meta.xml", shown, 1024 * 1024))
        found = root.find(f".//{{{DC}}}date")
        return dt.datetime.fromisoformat(found.text.strip()) if found is not None and found.text else None
    except (ET.ParseError, ValueError):
        return None
