"""A Word document (.docx) -> its body text: paragraphs and tables in document order.

Reads ``word/document.xml`` with the standard library (zipfile, ElementTree)::

    <w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>        -> 一、总体要求
    <w:p> with <w:numPr> (Word's own numbering)        -> the number as Word shows it, then the text
    <w:tbl> (a 任务分工 table)                          -> one line per row (see tables.py)

Kept: text in runs, hyperlinks, fields' results, tracked insertions, smart tags
and content controls; a tab as a tab, a line break as a new line.  Left out, as
not plan text: headers, footers (and their page numbers), footnotes, comments,
tracked deletions, field codes, and text in drawings and text boxes.  Emits one
line per paragraph (an empty paragraph is an empty line) and the count of
paragraphs read.

Bounded (limits.py): the file is opened with :func:`limits.open_zip` and each part read
with :func:`limits.read_member` (member count, unpacked size and ratio), parsed by
:func:`limits.xml_blocks` (no document type, so no entity expansion; nesting and element
count bounded) one block of the body at a time, and every number Word writes in an
attribute (w:gridSpan, w:ilvl, w:start …) is checked where it is read: a value that is
not one is refused with the file, the attribute and where it stands.

Why not python-docx or docx2python (measured on generated plans, 2026-11):
python-docx reads a paragraph's runs and hyperlinks only (it drops tracked
insertions, smart tags, simple fields and content controls) and ignores Word's
numbering; docx2python keeps that text but writes ``--`` for Chinese numbering
(一、 （一）) and puts headers and footers in its text.  Both need lxml (60 ms to
import); this reader needs nothing beyond Python.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from xml.etree import ElementTree

from zhiliang_cli import limits
from zhiliang_cli._version import __version__
from zhiliang_cli.errors import InputError
from zhiliang_cli.source import RawSource

from . import Extracted
from .numbering import Numbering
from .tables import render_table

DOCUMENT = "word/document.xml"
#: Elements whose text is not the document's text.
SKIP = frozenset(
    {
        "del",
        "delText",
        "moveFrom",
        "instrText",
        "fldData",
        "drawing",
        "pict",
        "object",
        "AlternateContent",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "rPr",
        "pPr",
        "tblPr",
        "tcPr",
        "trPr",
        "sectPr",
    }
)
#: Run content and the text it stands for (w:t is handled apart).
CHARACTERS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "\u2011", "softHyphen": "", "ptab": "\t"}
#: Elements around blocks (paragraphs, tables) that are read through.
WRAPPERS = ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")


def local(tag: str) -> str:
    """An element's name without its namespace.

    >>> local("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
    'p'
    """
    return tag.rsplit("}", 1)[-1]


class _Reader:
    def __init__(self, numbering: Numbering, shown: str) -> None:
        self.numbering = numbering
        self.shown = shown
        self.paragraphs = 0
        self.tables = 0

    def blocks(self, children: Iterable[ElementTree.Element]) -> Iterator[str]:
        """The lines of the blocks of a body or a cell: paragraphs and tables, in order.  It
        recurses through wrappers and tables in cells, at most limits.MAX_XML_DEPTH deep."""
        for child in children:
            name = local(child.tag)
            if name == "p":
                yield self.paragraph(child)
            elif name == "tbl":
                yield from render_table(self.table(child))
            elif name in WRAPPERS:
                yield from self.blocks(child)

    def paragraph(self, p: ElementTree.Element) -> str:
        self.paragraphs += 1
        where = f"paragraph {self.paragraphs}"
        return self.numbering.label(p, where) + "".join(_text(p, self.shown, where))

    def table(self, tbl: ElementTree.Element) -> list[list[str]]:
        """Rows of cell texts, a cell merged across columns or rows repeated in each."""
        self.tables += 1
        where = f"table {self.tables}"
        grid: list[list[str]] = []
        cells = 0
        for tr in _children(tbl, "tr"):
            row: list[str] = [""] * self._columns(_find(tr, "trPr", "gridBefore"), 0, where)
            for tc in _children(tr, "tc"):
                text = "\n".join(self.blocks(tc))
                span = self._columns(_find(tc, "tcPr", "gridSpan"), 1, where)
                merge = _find(tc, "tcPr", "vMerge")
                if merge is not None and _val(merge) in (None, "continue") and grid:
                    above = grid[-1]
                    text = above[len(row)] if len(row) < len(above) else text
                row.extend([text] * span)
            row += [""] * self._columns(_find(tr, "trPr", "gridAfter"), 0, where)
            cells += len(row)
            if cells > limits.MAX_TABLE_CELLS:
                raise InputError(
                    f"{self.shown}: {where} has over {limits.MAX_TABLE_CELLS:,} cells once merged cells are counted: "
                    "is it really a plan?"
                )
            grid.append(row)
        return grid

    def _columns(self, element: ElementTree.Element | None, low: int, where: str) -> int:
        """A count of grid columns (w:gridSpan, w:gridBefore, w:gridAfter), checked."""
        if element is None:
            return low
        name = f"w:{local(element.tag)}"
        return limits.whole_number(_val(element), low, limits.MAX_WORD_COLUMNS, self.shown, f"{name} in {where}")


def _text(element: ElementTree.Element, shown: str, where: str) -> Iterator[str]:
    """The text of a paragraph's runs, in document order (walked with a stack of
    iterators, not by recursion)."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        name = local(child.tag)
        if name in SKIP:
            continue
        if name == "t":
            yield child.text or ""
        elif name in CHARACTERS:
            yield "" if name == "br" and _val(child, "type") == "page" else CHARACTERS[name]
        elif name == "sym":
            yield _symbol(child, shown, where)
        else:
            stack.append(iter(child))


def _symbol(sym: ElementTree.Element, shown: str, where: str) -> str:
    """The character of a w:sym (its w:char, a hex number), or "" for a symbol font's
    private glyph."""
    code = (_val(sym, "char") or "").strip()
    if not (0 < len(code) <= 6 and all(c in "0123456789abcdefABCDEF" for c in code)) or int(code, 16) > 0x10FFFF:
        raise InputError(
            f"{shown}: w:sym in {where} has w:char {limits.excerpt(code)}, not a character code (hex, up to 10FFFF): "
            "the file is damaged or was not made by Word; save it again in Word"
        )
    char = chr(int(code, 16))
    return "" if 0xE000 <= ord(char) <= 0xF8FF or 0xD800 <= ord(char) <= 0xDFFF else char


def _children(parent: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    """Children named ``name``, looking through content controls and custom XML around them."""
    stack = [iter(parent)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif local(child.tag) == name:
            yield child
        elif local(child.tag) in ("sdt", "sdtContent", "customXml"):
            stack.append(iter(child))


def _find(element: ElementTree.Element, *path: str) -> ElementTree.Element | None:
    for name in path:
        found = next((c for c in element if local(c.tag) == name), None)
        if found is None:
            return None
        element = found
    return element


def _val(element: ElementTree.Element, name: str = "val") -> str | None:
    return next((v for k, v in element.attrib.items() if local(k) == name), None)


def _part(archive: zipfile.ZipFile, name: str, shown: str) -> ElementTree.Element | None:
    """A whole part (numbering, styles: tens of KB), parsed within the limits; None when absent."""
    if name not in archive.NameToInfo:
        return None
    return limits.parse_xml(limits.read_member(archive, name, shown), shown, name)


def read_docx(raw: RawSource) -> Extracted:
    """The body text of a .docx file."""
    archive = limits.open_zip(raw.data, raw.path, "Word document")
    numbering = Numbering(
        _part(archive, "word/numbering.xml", raw.path), _part(archive, "word/styles.xml", raw.path), raw.path
    )
    if DOCUMENT not in archive.NameToInfo:
        raise InputError(f"{raw.path} is a Word document with no body: get a fresh copy")
    reader = _Reader(numbering, raw.path)
    lines: list[str] = []
    body = False
    for parent, block in limits.xml_blocks(limits.read_member(archive, DOCUMENT, raw.path), raw.path, DOCUMENT, 3):
        if local(parent.tag) == "body":
            body = True
            lines += reader.blocks((block,))
        elif local(block.tag) == "document":
            body = body or _find(block, "body") is not None
    if not body:
        raise InputError(f"{raw.path} is a Word document with no body: get a fresh copy")
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(f"{raw.path} is a Word document with no text (only pictures?): zl does no OCR")
    return Extracted(text, "docx", "", "zl docx reader", __version__, paragraphs=reader.paragraphs)
