"""A PDF with a text layer -> its text in reading order, as the plan was written.

Reads every character with its position (pdfminer.six, without its layout
analysis) and rebuilds the lines, then the paragraphs::

    page 1: 　　全省快检主要农产品样品5            (the line reaches the right margin)
            0万批次、监督抽查和风险监测……        (and the next starts at the left one)
    -> 全省快检主要农产品样品50万批次、监督抽查和风险监测……

1. Characters on one baseline make a line, ordered left to right; a space is kept
   where the PDF has one, and put between two Latin letters or digits set apart.
2. Running headers and footers are dropped: the first or last line of a page whose
   text (digits aside) recurs on other pages, and page numbers (— 3 —, 第3页, 3/12).
3. A line is joined to the one before, with nothing between (a space between two
   Latin words), when its first word would not have fitted at the end of the one
   before (which runs to the right margin) and it starts at the left margin, across
   pages too: so a number or unit cut by the line end (5 / 0万批次) is whole again.
   A word is what the typesetter keeps together: a CJK character, a run of Latin
   letters and digits, with the punctuation no line may start with (，。）…), an
   opening bracket before it, and quotation marks bound to both sides (Unicode
   line breaking, as LibreOffice and browsers use).  An indented line starts a
   paragraph; a gap of a skipped line (1.85 line spacings) leaves a blank line.

A PDF with no text layer (a scan) is refused: zl does no OCR.  A PDF cut off
before its end (no %%EOF) or that pdfminer cannot parse is refused too, and so is
one beyond the bounds of limits.py (pages, objects, what its streams inflate to,
what its pages hold), which pdfbounds.py puts on pdfminer.

Why pdfminer.six and not pypdf (measured 2026-11 on the 2023 plan set in
STSong-Light by reportlab, and the same plan printed to PDF by LibreOffice with
embedded TrueType fonts): both read every CJK character right in the first,
pypdf four times as fast (0.10 s against 0.45 s for 24 pages); in the second,
where quotation marks come from another font, pypdf put 198 runs of characters
out of place (with its own layout or character positions), pdfminer's characters,
ordered here by position, none.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from statistics import median
from typing import Any, NamedTuple

from zhiliang_cli import readers
from zhiliang_cli.errors import InputError
from zhiliang_cli.source import RawSource

from . import Extracted, pdfbounds

DISTRIBUTION = "pdfminer.six"
INSTALL = "pip install pdfminer.six"  # a dependency of zl's: missing only from a broken install
#: A line that is only a page number: — 3 —, - 3 -, 第 3 页, 第3页 共12页, 3/12, 3.
RE_PAGE_NUMBER = re.compile(
    r"""^[\s\-—–－_·.]*                 # dashes or dots before
        (?:第\s*)?\d{1,4}(?:\s*页)?      # the number, maybe as 第3页
        (?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?   # of the total
        [\s\-—–－_·.]*$                 # dashes or dots after
    """,
    re.VERBOSE,
)
#: A line that starts a paragraph whatever its position: a heading marker.
RE_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])")
#: What pdfminer gives for a glyph of a font that has no map to Unicode.
RE_UNMAPPED = re.compile(r"\(cid:\d+\)")
SENTENCE_ENDS = "。；;！!？?：:）)"
#: Punctuation no line may start with (the typesetter carries the character before it over too).
NO_LINE_START = "，。、；：！？）》」』】〕”’,.;:!?)%％"
#: Punctuation no line may end with (the typesetter carries it over with the character after it).
NO_LINE_END = "（《「『【〔“‘(["
#: Quotation marks, which Unicode's line breaking (LibreOffice, browsers) binds to both neighbours.
QUOTES = "“”‘’\"'"


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    y0: float
    size: float


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y: float  # baseline, from the page's bottom
    size: float
    page: int
    lead: float = 0.0  # width of the line's first word (a CJK character, or a run of Latin)


def read_pdf(raw: RawSource) -> Extracted:
    """The text of a PDF's text layer, in reading order, joined into paragraphs."""
    if b"%%EOF" not in raw.data[-2048:]:
        raise InputError(f"{raw.path} is a PDF that is cut off (it has no end marker): download it again")
    version = readers.library_version(DISTRIBUTION)
    if version is None:
        raise InputError(f"{raw.path} is a PDF; reading PDFs needs pdfminer.six: {INSTALL}")
    glyphs: Counter[bool] = Counter()  # characters of the text layer: mapped to Unicode or not
    pages = list(_pages(raw, glyphs))
    if not pages:
        raise InputError(f"{raw.path} is a damaged PDF (no pages can be found in it): download it again")
    if glyphs[False] > glyphs[True]:
        raise InputError(
            f"{raw.path} is a PDF whose text layer cannot be read ({glyphs[False]} of {sum(glyphs.values())}"
            " characters are glyphs of fonts with no Unicode map): zl does no OCR; get a copy with real text"
        )
    if not any(page for page in pages):
        raise InputError(f"{raw.path} is a scanned PDF (its pages are pictures, with no text layer): zl does no OCR")
    text = "\n".join(assemble(pages))
    return Extracted(text, "pdf", "", DISTRIBUTION, version, pages=len(pages))


def _pages(raw: RawSource, glyphs: Counter[bool]) -> Iterator[list[Line]]:
    """The lines of each page, in order; ``glyphs`` counts the characters that map to
    Unicode (True) and those that do not (False, which pdfminer writes ``(cid:N)``).
    pdfminer runs within the bounds of pdfbounds.py; the pages are found by its walk."""
    import logging

    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)  # its warnings about fonts are not ours to print
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTPage
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFException
    from pdfminer.psexceptions import PSException

    pdfbounds.install()
    pdfbounds.reset()
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    number = 0
    damage: tuple[type[Exception], ...] = (*DAMAGE, PDFException, PSException)
    try:
        pdfbounds.check_entries(raw.data)
        document = PDFDocument(PDFParser(io.BytesIO(raw.data)))
        pdfbounds.check_objects(document)
        for number, page in enumerate(pdfbounds.pages(document), 1):
            pdfbounds.new_page()
            interpreter.process_page(page)
            layout: LTPage = device.get_result()
            chars = [
                Char(c.get_text(), c.x0, c.x1, c.y0, c.size)
                for c in _chars(layout, LTChar)
                if c.get_text().strip() or c.get_text() == " "
            ]
            glyphs.update(not RE_UNMAPPED.fullmatch(c.text) for c in chars if c.text != " ")
            yield _lines(chars, number)
    except pdfbounds.PDFBound as bound:
        where = f" (page {number})" if number else ""
        raise InputError(f"{raw.path} is a PDF beyond zl's limits: {bound}{where}: is it really a plan?") from None
    except RecursionError:
        raise InputError(
            f"{raw.path} is a PDF whose objects nest too deep to read (page {number or 1}): is it really a plan?"
        ) from None
    except damage as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        if "encrypt" in message.lower() or "password" in message.lower():
            raise InputError(f"{raw.path} is an encrypted PDF ({message}): give an unprotected copy") from None
        if isinstance(error, ValueError) and "digits" in message:  # int() of a number of thousands of digits
            message = "a number of thousands of digits"
        where = f", page {number}" if number else ""
        message = message if len(message) <= 160 else message[:160] + "…"
        raise InputError(f"{raw.path} is a damaged PDF ({message}{where}): download it again") from None
    finally:
        pdfbounds.finish()


#: What pdfminer raises, besides its own errors, on a PDF that breaks its expectations.
DAMAGE: tuple[type[Exception], ...] = (
    ValueError,
    KeyError,
    TypeError,
    AssertionError,
    OSError,
    IndexError,
    AttributeError,
    ZeroDivisionError,
    OverflowError,
)


def _chars(container: Iterable[Any], kind: type) -> Iterator[Any]:
    """The upright characters of a page, those inside figures too (rotated ones are
    watermarks and stamps)."""
    for item in container:
        if isinstance(item, kind):
            if getattr(item, "upright", True):
                yield item
        elif hasattr(item, "__iter__"):
            yield from _chars(item, kind)


def _lines(chars: list[Char], page: int) -> list[Line]:
    """Characters grouped by baseline, top to bottom, each line left to right."""
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: -c.y0):
        if rows and abs(rows[-1][0].y0 - char.y0) <= 0.4 * max(char.size, 1):
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        text = _join_chars(row)
        if text.strip():
            row = [c for c in row if c.text != " "]
            size = median(c.size for c in row)
            lines.append(Line(text.strip(), row[0].x0, row[-1].x1, row[0].y0, size, page, _first_word(row)))
    return lines


def _first_word(row: list[Char]) -> float:
    """The width of a line's first word: what would have had to fit at the end of the
    line before for the typesetter not to wrap."""
    start = 0
    while start < len(row) - 1 and row[start].text in NO_LINE_END:  # an opening bracket goes with what follows
        start += 1
    end, latin, glued = row[start], row[start].text.isascii() and row[start].text.isalnum(), False
    for char in row[start + 1 :]:
        run = latin and char.text.isascii() and char.text.isalnum()
        if not (run or glued or char.text in NO_LINE_START or char.text in QUOTES):
            break
        end, glued = char, char.text in QUOTES
    return end.x1 - row[0].x0


def _join_chars(row: list[Char]) -> str:
    """A line's characters as text: a space where the PDF has one, or where two Latin
    letters or digits stand apart, or where a gap wider than a character opens."""
    out = ""
    previous: Char | None = None
    for char in row:
        if previous is not None and char.text != " " and not out.endswith(" "):
            gap = char.x0 - previous.x1
            latin = out[-1:].isascii() and out[-1:].isalnum() and char.text.isascii() and char.text.isalnum()
            if gap > (0.2 if latin else 0.9) * char.size:
                out += " "
        out += char.text
        previous = char
    return out


def furniture(pages: list[list[Line]]) -> set[int]:
    """The ids of running headers, footers and page numbers: a page's first or last
    two lines that are a page number, or whose text, digits aside, recurs at the
    top or foot of other pages."""
    candidates = [(line, i < 2) for page in pages for i, line in enumerate(page) if i < 2 or i >= len(page) - 2]
    shapes = Counter((re.sub(r"\d+", "#", line.text), top) for line, top in candidates)
    spread = max(2, (len(pages) + 1) // 3)
    found = set()
    for line, top in candidates:
        if RE_PAGE_NUMBER.match(line.text) or shapes[(re.sub(r"\d+", "#", line.text), top)] >= spread:
            found.add(id(line))
    return found


def assemble(pages: list[list[Line]]) -> list[str]:
    """The paragraphs of the body, furniture dropped and wrapped lines joined."""
    dropped = (
        furniture(pages) if len(pages) > 1 else {id(ln) for p in pages for ln in p if RE_PAGE_NUMBER.match(ln.text)}
    )
    body = [line for page in pages for line in page if id(line) not in dropped]
    if not body:
        return []
    size = median(line.size for line in body)
    left = Counter(round(line.x0) for line in body).most_common(1)[0][0]
    right = max(line.x1 for line in body if line.x0 <= left + 4 * size)
    spacing = _spacing(body, size)
    out: list[str] = []
    previous: Line | None = None
    for line in body:
        if previous is not None and _continues(previous, line, left, right, size):
            out[-1] += (" " if _latin_pair(out[-1], line.text) else "") + line.text
        else:
            if previous is not None and previous.page == line.page and previous.y - line.y > 1.85 * spacing:
                out.append("")
            out.append(line.text)
        previous = line
    return out


def _spacing(body: list[Line], size: float) -> float:
    gaps = [a.y - b.y for a, b in itertools.pairwise(body) if a.page == b.page and a.y > b.y]
    return median(gaps) if gaps else 1.5 * size


def _continues(previous: Line, line: Line, left: float, right: float, size: float) -> bool:
    """Whether ``line`` is the rest of ``previous``'s paragraph, wrapped by the page: its
    first word would not have fitted at the end of ``previous``."""
    full = previous.x1 + line.lead > right - 0.15 * size and previous.x0 <= left + 4 * size
    at_margin = abs(line.x0 - left) <= 0.5 * size
    heading = previous.text[-1] in SENTENCE_ENDS and bool(RE_HEADING_START.match(line.text))
    return full and at_margin and not heading


def _latin_pair(before: str, after: str) -> bool:
    """Whether a line break between these two stood for a space: two Latin words, not
    two digits of one number.

    >>> _latin_pair("ISO", "9001"), _latin_pair("样品5", "0万批次"), _latin_pair("GB/T", "19001")
    (True, False, True)
    """
    a, b = before[-1:], after[:1]
    return a.isascii() and a.isalnum() and b.isascii() and b.isalnum() and not (a.isdigit() and b.isdigit())
