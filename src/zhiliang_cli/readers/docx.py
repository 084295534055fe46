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

Why not python-docx or docx2python (measured on generated plans, 2026-11):
python-docx reads a paragraph's runs and hyperlinks only (it drops tracked
insertions, smart tags, simple fields and content controls) and ignores Word's
numbering; docx2python keeps that text but writes ``--`` for Chinese numbering
(一、 （一）) and puts headers and footers in its text.  Both need lxml (60 ms to
import); this reader needs nothing beyond Python.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from zhiliang_cli._version import __version__
from zhiliang_cli.errors import InputError
from zhiliang_cli.source import RawSource

from . import Extracted
from .numbering import Numbering
from .tables import render_table

MAX_XML = 200 * 1024 * 1024  # uncompressed size of a part we read
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


def local(tag: str) -> str:
    """An element's name without its namespace.

    >>> local("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
    'p'
    """
    return tag.rsplit("}", 1)[-1]


class _Reader:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.paragraphs = 0

    def blocks(self, parent: ElementTree.Element) -> Iterator[str]:
        """The lines of a body or a cell: its paragraphs and tables, in order."""
        for child in parent:
            name = local(child.tag)
            if name == "p":
                yield self.paragraph(child)
            elif name == "tbl":
                yield from render_table(self.table(child))
            elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"):
                yield from self.blocks(child)

    def paragraph(self, p: ElementTree.Element) -> str:
        self.paragraphs += 1
        return self.numbering.label(p) + "".join(_text(p))

    def table(self, tbl: ElementTree.Element) -> list[list[str]]:
        """Rows of cell texts, a cell merged across columns or rows repeated in each."""
        grid: list[list[str]] = []
        for tr in _children(tbl, "tr"):
            row: list[str] = [""] * _grid(tr, "gridBefore")
            for tc in _children(tr, "tc"):
                text = "\n".join(self.blocks(tc))
                span = _property(tc, "gridSpan")
                merge = _find(tc, "tcPr", "vMerge")
                if merge is not None and _val(merge) in (None, "continue") and grid:
                    above = grid[-1]
                    text = above[len(row)] if len(row) < len(above) else text
                row.extend([text] * max(1, int(span or 1)))
            grid.append(row + [""] * _grid(tr, "gridAfter"))
        return grid


def _text(element: ElementTree.Element) -> Iterator[str]:
    for child in element:
        name = local(child.tag)
        if name in SKIP:
            continue
        if name == "t":
            yield child.text or ""
        elif name in CHARACTERS:
            yield "" if name == "br" and _val(child, "type") == "page" else CHARACTERS[name]
        elif name == "sym":
            yield _symbol(child)
        else:
            yield from _text(child)


def _symbol(sym: ElementTree.Element) -> str:
    code = _val(sym, "char") or ""
    try:
        char = chr(int(code, 16))
    except ValueError:
        return ""
    return "" if 0xE000 <= ord(char) <= 0xF8FF else char  # a symbol font's private glyph


def _children(parent: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    """Children named ``name``, looking through content controls and custom XML around them."""
    for child in parent:
        tag = local(child.tag)
        if tag == name:
            yield child
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _children(child, name)


def _find(element: ElementTree.Element, *path: str) -> ElementTree.Element | None:
    for name in path:
        found = next((c for c in element if local(c.tag) == name), None)
        if found is None:
            return None
        element = found
    return element


def _val(element: ElementTree.Element, name: str = "val") -> str | None:
    return next((v for k, v in element.attrib.items() if local(k) == name), None)


def _property(tc: ElementTree.Element, name: str) -> str | None:
    found = _find(tc, "tcPr", name)
    return _val(found) if found is not None else None


def _grid(tr: ElementTree.Element, name: str) -> int:
    found = _find(tr, "trPr", name)
    value = _val(found) if found is not None else None
    return int(value) if value and value.isdigit() else 0


def _part(archive: zipfile.ZipFile, name: str, path: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML:
        raise InputError(f"{path}: its {name} is over {MAX_XML // 2**20} MB unpacked; is it really a plan?")
    return ElementTree.fromstring(archive.read(info))


def read_docx(raw: RawSource) -> Extracted:
    """The body text of a .docx file."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw.data)) as archive:
            document = _part(archive, "word/document.xml", raw.path)
            numbering = Numbering(
                _part(archive, "word/numbering.xml", raw.path), _part(archive, "word/styles.xml", raw.path)
            )
    except (zipfile.BadZipFile, ElementTree.ParseError, EOFError, OSError, ValueError) as error:
        reason = _reason(error)
        raise InputError(
            f"{raw.path} is a damaged Word document ({reason}): save it again in Word or get a fresh copy"
        ) from None
    body = _find(document, "body") if document is not None else None
    if body is None:
        raise InputError(f"{raw.path} is a Word document with no body: get a fresh copy")
    reader = _Reader(numbering)
    text = "\n".join(reader.blocks(body))
    if not text.strip():
        raise InputError(f"{raw.path} is a Word document with no text (only pictures?): zl does no OCR")
    return Extracted(text, "docx", "", "zl docx reader", __version__, paragraphs=reader.paragraphs)


def _reason(error: Exception) -> str:
    if isinstance(error, ElementTree.ParseError):
        return f"its XML is broken: {error}"
    return str(error) or type(error).__name__
