"""Every bound zl puts on what it reads from a file, in one place.

A file may be small on disk and enormous once read: a .docx or .xlsx whose XML inflates to
gigabytes, thousands of members, a member that says it is small and is not, a PDF stream
that inflates without end, a page tree or a table that multiplies what it holds, a number
of a million digits where Word writes a column count.  Each container is opened through
the checks here before its library sees it, and each value is checked where it enters;
beyond a bound the file is refused with one line that names it, where in it, and the bound
(:class:`~zhiliang_cli.errors.InputError`, exit 3).  docs/limits.md lists these numbers.

Nothing here recurses on the input's depth, and the module imports nothing heavy at load
(source.py, on every command's path, reads :data:`MAX_FILE_BYTES`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, cast

from .errors import InputError

if TYPE_CHECKING:
    import zipfile
    from xml.etree.ElementTree import Element

# --- files and text -----------------------------------------------------------------------
MAX_FILE_BYTES = 200 * 1024 * 1024  # bytes read from any path: a file, a device, a FIFO, stdin

# --- ZIP containers (.docx, .xlsx) ------------------------------------------------------
MAX_ZIP_MEMBERS = 10_000  # members of a .docx, .xlsx or .ods: real ones hold tens
MAX_ZIP_UNPACKED = 256 * 1024 * 1024  # bytes of all members read from one file, unpacked
MAX_ZIP_RATIO = 200  # unpacked / packed size of one member: XML packs 5-20 times, a bomb thousands
_SMALL_MEMBER = 1024 * 1024  # below this a member's ratio is not judged (an empty sheet packs well)

# --- XML parts (.docx) ------------------------------------------------------------------
MAX_XML_DEPTH = 256  # elements inside elements: Word writes about 10, a table in a table 20 more
MAX_XML_TAGS = 1_000_000  # tags (<…>) in one part: a 100-page plan from Word has about 200,000

# --- values inside a Word file ------------------------------------------------------------
MAX_WORD_COLUMNS = 63  # w:gridSpan, w:gridBefore, w:gridAfter: Word's tables have at most 63 columns
MAX_WORD_LEVEL = 8  # w:ilvl: Word's numbering has levels 0 to 8
MAX_WORD_NUMBER = 2**31 - 1  # w:start, w:numId and the like: 32-bit integers in Word
MAX_LEVEL_TEXT = 255  # characters of a numbering level's text (w:lvlText, "%1、")

# --- tables (.docx, web pages) ------------------------------------------------------------
MAX_TABLE_CELLS = 1_000_000  # cells of one table once merged cells are repeated in each
MAX_HTML_SPAN = 100  # colspan and rowspan: a larger one counts as this (browsers clamp too)
MAX_HTML_DEPTH = 256  # elements inside elements: deeper ones are read at this depth, as browsers do

# --- PDF ------------------------------------------------------------------------------------
MAX_PDF_PAGES = 1_000  # pages of one PDF: the longest plans have a few hundred
MAX_PDF_OBJECTS = 500_000  # objects its cross-reference tables list: 300 pages hold about 10,000
MAX_PDF_UPDATES = 100  # cross-reference sections (a PDF saved again adds one): real ones have a few
MAX_PDF_STREAM = 64 * 1024 * 1024  # bytes one stream (a page's content, a font) decodes to
MAX_PDF_DECODED = 256 * 1024 * 1024  # bytes all streams of one PDF decode to
MAX_PDF_REFERENCES = 32  # references followed from one to the next (5 0 R naming 6 0 R …)
MAX_PDF_PAGE_TOKENS = 100_000  # operators and operands read from one page: a page of text has 500 to 5,000
MAX_PDF_TOKENS = 1_000_000  # … from all pages


# --- zl diff --------------------------------------------------------------------------------
MAX_DIFF_PAIRS = 4_000_000  # items (or sections) left to pair after the identical ones, OLD × NEW
MAX_DIFF_CHARACTERS = 10**11  # characters of those items, OLD's × NEW's (300,000 each way)
MAX_DIFF_CANDIDATES = 16  # partners weighed for each item, the likeliest (a real item has one or two)
MAX_ASSIGNMENT = 250_000  # rows × columns of a group of connected candidates solved exactly; beyond, greedily
MAX_DIFF_TARGETS = 1_000_000  # targets of a pair of items, OLD's × NEW's
MAX_WORD_DIFF = 4_000_000  # words of a changed stretch of text, OLD's × NEW's, shown word by word


def whole_number(value: str | None, low: int, high: int, shown: str, where: str) -> int:
    """``value`` as a whole number from ``low`` to ``high``, refused (naming the file and
    ``where``) when it is missing, not a number, or out of range.  Its length is checked
    before ``int()`` runs, which refuses a string of more than 4,300 digits with a
    ValueError of its own.

    >>> whole_number(" 12", 1, 63, "a.docx", "w:gridSpan")
    12
    >>> whole_number("abc", 1, 63, "a.docx", "w:gridSpan in table 1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    zhiliang_cli.errors.InputError: a.docx: w:gridSpan in table 1 is 'abc', not a whole number from 1 to 63: ...
    """
    text = (value or "").strip()
    digits = text[1:] if text[:1] in "+-" else text
    if digits.isascii() and digits.isdigit() and len(digits) <= len(str(max(abs(low), abs(high)))):
        number = int(text)
        if low <= number <= high:
            return number
    raise InputError(
        f"{shown}: {where} is {excerpt(text)}, not a whole number from {low:,} to {high:,}: "
        "the file is damaged or was not made by Word; save it again in Word"
    )


def excerpt(value: str, width: int = 24) -> str:
    """A value from a file as an error line shows it: quoted, and cut when it is long.

    >>> excerpt("abc"), excerpt("9" * 1_000_000)
    ("'abc'", "'999999999999999999999999…' (1,000,000 characters)")
    """
    if len(value) <= width:
        return repr(value)
    return f"{value[:width]!r}"[:-1] + f"…' ({len(value):,} characters)"


# --- bounded XML ----------------------------------------------------------------------------


def xml_blocks(
    data: bytes, shown: str, part: str, depth: int, what: str = "Word document"
) -> Iterator[tuple[Element, Element]]:
    """(parent, element) for each element of XML ``data`` at nesting ``depth`` (the root is
    at 1, its children at 2), when the element is complete; it is then dropped from its
    parent, so that a part of any length is held one block at a time.  Last comes (root,
    root).  Refused: a document type declaration (the way to entity expansion: Word never
    writes one), nesting deeper than :data:`MAX_XML_DEPTH`, more than
    :data:`MAX_XML_TAGS` tags (so as many elements at most), and broken XML."""
    from xml.etree import ElementTree

    if any(marker in data for marker in _DTD_MARKERS):
        raise InputError(f"{shown}: its part {part!r} declares a document type or entities, which Word never writes")
    if data.count(b"<") > MAX_XML_TAGS:  # every element has a tag (in UTF-16 too): this bounds their count
        raise InputError(f"{shown}: its part {part!r} holds over {MAX_XML_TAGS:,} tags: is it really a plan?")
    parser: ElementTree.XMLPullParser[Element] = ElementTree.XMLPullParser(events=("start", "end"))
    open_elements: list[Element] = []
    root: Element | None = None
    try:
        for offset in range(0, max(len(data), 1), 1 << 20):
            parser.feed(data[offset : offset + (1 << 20)])
            done: dict[int, tuple[Element, int]] = {}  # parent -> how many of its first children were yielded
            for pair in parser.read_events():
                event, element = cast("tuple[str, Element]", pair)  # start and end events carry an element
                if event == "end":
                    open_elements.pop()
                    if len(open_elements) + 1 == depth > 1:
                        parent = open_elements[-1]
                        yield parent, element
                        done[id(parent)] = (parent, done.get(id(parent), (parent, 0))[1] + 1)
                    continue
                open_elements.append(element)
                if len(open_elements) > MAX_XML_DEPTH:
                    raise InputError(f"{shown}: its part {part!r} nests elements over {MAX_XML_DEPTH} deep: refused")
                root = element if root is None else root
            for parent, yielded in done.values():  # at once: one remove() each would be quadratic
                del parent[:yielded]
        parser.close()
    except ElementTree.ParseError as error:
        raise InputError(
            f"{shown} is a damaged {what} (its part {part!r} is broken XML: {error}): save it again or get a fresh copy"
        ) from None
    if root is not None:
        yield root, root


def parse_xml(data: bytes, shown: str, part: str, what: str = "Word document") -> Element:
    """The root of XML ``data``, parsed within the bounds of :func:`xml_blocks`."""
    *_, (root, _) = xml_blocks(data, shown, part, 0, what)
    return root


_DTD_MARKERS = tuple(
    marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY") for codec in ("utf-8", "utf-16-le", "utf-16-be")
)


def open_zip(data: bytes, shown: str, what: str = "file") -> zipfile.ZipFile:
    """``data`` opened as a ZIP, refused when it is damaged or its members are too many or too big
    as they declare themselves.  Reading a member goes through :func:`read_member`, which counts
    what really comes out, since a member's declared size can lie."""
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        damaged = f"{shown} is a damaged {what} (it cannot be opened)"
        raise InputError(f"{damaged}: save it again or get a fresh copy") from None
    if len(members) > MAX_ZIP_MEMBERS:
        limit = MAX_ZIP_MEMBERS
        raise InputError(f"{shown} holds {len(members):,} parts, over the limit of {limit:,}: is it a {what}?")
    total = 0
    for member in members:
        total += member.file_size
        if total > MAX_ZIP_UNPACKED:
            raise InputError(f"{shown} unpacks to over {MAX_ZIP_UNPACKED // 2**20} MB: is it really a {what}?")
        if member.file_size > _SMALL_MEMBER and member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1):
            raise InputError(f"{shown}: its part {member.filename!r} unpacks {MAX_ZIP_RATIO}× over its size: refused")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, shown: str, limit: int = MAX_ZIP_UNPACKED) -> bytes:
    """The unpacked bytes of one member, read in blocks and refused past ``limit`` whatever its
    header says."""
    import zipfile

    try:
        with archive.open(name) as stream:
            return _bounded(stream, shown, name, limit)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, RuntimeError):
        raise InputError(f"{shown}: its part {name!r} is damaged: save the file again") from None


def _bounded(stream: IO[bytes], shown: str, name: str, limit: int) -> bytes:
    out = bytearray()
    while block := stream.read(1024 * 1024):
        out += block
        if len(out) > limit:
            raise InputError(f"{shown}: its part {name!r} unpacks to over {limit // 2**20} MB: refused")
    return bytes(out)


# --- Sheets ---------------------------------------------------------------------------
# A workbook (.xlsx, .ods) is read only within these bounds: what a ledger of the largest plan
# holds (a few thousand rows of fourteen columns) fits a hundred times over.

MAX_BOOK_FILE = 64 * 1024 * 1024  # bytes of a workbook file read
MAX_BOOK_UNPACKED = 128 * 1024 * 1024  # bytes its parts unpack to, all together
MAX_SHEET_CELLS = 500_000  # cells holding something, in all its sheets together
MAX_MERGED_CELLS = 100_000  # cells covered by merged ranges, in all its sheets together
MAX_REPEATED = 1_000  # an .ods cell or row repeated more times than this, holding something
MAX_NUMBER_DIGITS = 40  # digits of a number stored in a cell: a longer one is no quantity
