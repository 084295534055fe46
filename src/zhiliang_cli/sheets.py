"""Workbooks read back as cells, within bounds, whatever program saved them.

``read_book(path)`` takes an .xlsx (Excel, WPS, LibreOffice, openpyxl) or an .ods
(LibreOffice, WPS) and returns every sheet as rows of the cells that hold something, each
with its reference (``K5``), its column, its value, whether its number format shows a
percentage, and a formula with no saved value.  A WPS .et file and an old .xls are refused
with the one line that says how to save them.

Bounds (:mod:`limits`, "Sheets"): only a regular file is read (``/dev/zero``, a FIFO: refused
at once), up to 64 MB; its parts unpack to at most 128 MB; at most 500,000 cells hold
something and 100,000 are covered by merged ranges; a stored number has at most 40 digits.
Cells are kept sparse, so one stray cell at XFD1048576 costs one cell; an .ods row or cell
repeated a million times is read as one when empty, refused when it holds something.  Beyond a
bound the file is refused with one line naming it (and the sheet and cell where there is one).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .limits import (
    MAX_BOOK_FILE,
    MAX_BOOK_UNPACKED,
    MAX_MERGED_CELLS,
    MAX_NUMBER_DIGITS,
    MAX_SHEET_CELLS,
    open_zip,
    read_member,
)
from .printable import printable

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class Cell:
    """A cell read back: where it is, what it holds, how it is shown."""

    ref: str
    value: Any  # str, int, float, bool, datetime or None
    percent: bool = False  # the number format shows a percentage: 0.12 displays as 12%
    formula: str | None = None  # a formula with no computed value saved
    column: int = 0  # 1-based


#: A row of a sheet: the cells that hold something, by their column.
Row = dict[int, Cell]


@dataclass(frozen=True)
class Book:
    path: str
    sheets: dict[str, list[Row]]  # each sheet's rows that hold something, top to bottom
    saved: dt.datetime | None = None  # when the program that saved it last did, as it records it


def column_letters(n: int) -> str:
    """A column's letters.

    >>> column_letters(1), column_letters(27), column_letters(16384)
    ('A', 'AA', 'XFD')
    """
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """A column's number.

    >>> column_number("A"), column_number("XFD")
    (1, 16384)
    """
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def read_book(path: str) -> Book:
    """The workbook at ``path``, by what it holds (not by its name)."""
    shown = printable(path)
    data = read_file(path, shown)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if path.lower().endswith(".et"):
            raise InputError(
                f"{shown} is a WPS Spreadsheets .et file: open it in WPS and save it as .xlsx "
                "(文件 → 另存为 → Excel 工作簿 *.xlsx)"
            )
        raise InputError(
            f"{shown} is an old .xls workbook or a password-protected one: save it as .xlsx with no password"
        )
    if not data.startswith(b"PK\x03\x04"):
        raise InputError(f"{shown} is not an .xlsx or .ods workbook: give a ledger written by zl ledger")
    archive = open_zip(data, shown, "workbook")
    names = set(archive.namelist())
    declared = sum(member.file_size for member in archive.infolist())
    if declared > MAX_BOOK_UNPACKED:
        raise InputError(f"{shown} unpacks to over {MAX_BOOK_UNPACKED // 2**20} MB, more than any ledger: refused")
    is_ods = "mimetype" not in names or read_member(archive, "mimetype", shown, 100) == ODS_MIMETYPE
    if "content.xml" in names and is_ods:
        from .ods import read_ods

        return read_ods(path, shown, archive)
    if "xl/workbook.xml" not in names:
        raise InputError(f"{shown} is not an .xlsx or .ods workbook: give a ledger written by zl ledger")
    check_xlsx(archive, shown)
    from .workbook import read_xlsx

    return read_xlsx(path, shown, data)


def read_file(path: str, shown: str) -> bytes:
    """The bytes of a regular file, up to :data:`MAX_BOOK_FILE`: a device, a FIFO or a folder
    is refused before anything is read."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) and not os.path.isdir(path):  # a FIFO would block open()
            raise InputError(f"{shown} is not a regular file (a device, FIFO or socket): give a workbook file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb", buffering=0) as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{shown} is not a regular file (a device, FIFO or socket): give a workbook file")
            if info.st_size > MAX_BOOK_FILE:
                limit = MAX_BOOK_FILE // 2**20
                raise InputError(f"{shown} is over the {limit} MB limit for a workbook: is it a ledger?")
            return stream.read(MAX_BOOK_FILE + 1)
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{shown} is a directory: give the path of an .xlsx or .ods workbook") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied; check the file's permissions") from None
    except OSError as error:
        raise InputError(f"{shown}: cannot be read ({error.strerror or error}); check the path") from None


RE_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")
RE_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')
RE_LONG_NUMBER = re.compile(rb"<(?:\w+:)?v>\s*[-+]?[\d.]{%d,}" % (MAX_NUMBER_DIGITS + 1))
RE_REF_BEFORE = re.compile(rb'\br="([A-Z]{1,3}\d{1,7})"')


def check_xlsx(archive: Any, shown: str) -> None:
    """Refuse an .xlsx beyond the bounds before openpyxl sees it: it makes an object for every
    cell of a merged range, and reads a stored number of any length."""
    cells = merged = 0
    for name in sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        xml = read_member(archive, name, shown, MAX_BOOK_UNPACKED)
        cells += len(RE_CELL_TAG.findall(xml))
        if cells > MAX_SHEET_CELLS:
            raise InputError(f"{shown} has over {MAX_SHEET_CELLS:,} cells, more than any ledger: refused")
        for match in RE_MERGE.finditer(xml):
            first, top, last, bottom = match.groups()
            if last is None:
                continue
            wide = abs(column_number(last.decode()) - column_number(first.decode())) + 1
            area = (abs(int(bottom) - int(top)) + 1) * wide
            merged += area
            if merged > MAX_MERGED_CELLS:
                span = match.group(0).split(b'"')[1].decode()
                raise InputError(
                    f"{shown}: a merged range ({span}) takes the merged cells over {MAX_MERGED_CELLS:,}: "
                    "unmerge it and save the file again"
                )
        long = RE_LONG_NUMBER.search(xml)
        if long:
            refs = RE_REF_BEFORE.findall(xml, max(0, long.start() - 400), long.start())
            where = f" (cell {refs[-1].decode()})" if refs else ""
            raise InputError(
                f"{shown}: a number of over {MAX_NUMBER_DIGITS} digits{where} is no quantity: correct the cell"
            )
