"""pdfminer.six kept within bounds: what a hostile PDF cannot make it do.

pdfminer trusts the file: it inflates a stream whatever it inflates to, follows a
cross-reference chain or a reference wherever it points, walks the page tree by
recursion and reads every page it finds.  :func:`install` (idempotent, run when
pdf.py is imported) puts a bound on each, with the numbers of limits.py:

* **Streams.**  The decoders pdfminer's ``PDFStream.decode`` calls (zlib, LZW,
  RunLength) are replaced by ones that stop past :data:`limits.MAX_PDF_STREAM`
  bytes for one stream and :data:`limits.MAX_PDF_DECODED` for the whole document;
  a stream that inflates without end is refused, a damaged one decoded as pdfminer
  decodes it (without its byte-by-byte loop).  CCITT fax images are not decoded (zl reads text, never images).
* **Cross-reference chains.**  A section already read (a /Prev or /XRefStm that
  points back) ends the chain; more than :data:`limits.MAX_PDF_UPDATES` sections are
  refused.
* **References.**  A reference to a reference is followed at most
  :data:`limits.MAX_PDF_REFERENCES` times, so a loop (5 0 R → 6 0 R → 5 0 R) ends.
* **Content.**  Operators and operands read from a page's content are counted: over
  :data:`limits.MAX_PDF_PAGE_TOKENS` on one page or :data:`limits.MAX_PDF_TOKENS` in
  all is refused.

:func:`pages` walks the page tree itself, with a stack and a set of the nodes seen
(a tree that points back at itself, or nests thousands deep, ends), and refuses more
than :data:`limits.MAX_PDF_PAGES` pages before any is read; :func:`check_objects`
refuses cross-reference tables that list more than :data:`limits.MAX_PDF_OBJECTS`
objects.  Every refusal is a :class:`PDFBound`, which pdf.py turns into one line.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from zhiliang_cli import limits

_installed = False


class PDFBound(Exception):
    """A bound of limits.py that the PDF goes past; the message says which."""


class _Budget:
    """What the document being read has used so far (one document at a time per process); counted
    only while zl reads one (``active``): pdfminer used for anything else is not bounded by it."""

    decoded = 0
    tokens = 0
    page_tokens = 0
    active = False

    @classmethod
    def reset(cls) -> None:
        cls.decoded = cls.tokens = cls.page_tokens = 0
        cls.active = True

    @classmethod
    def take(cls, size: int) -> None:
        """Count ``size`` more decoded bytes of one stream; refuse past either bound."""
        if not cls.active:
            return
        if size > limits.MAX_PDF_STREAM:
            raise PDFBound(f"a stream inflates to over {limits.MAX_PDF_STREAM // 2**20} MB")
        cls.decoded += size
        if cls.decoded > limits.MAX_PDF_DECODED:
            raise PDFBound(f"its streams inflate to over {limits.MAX_PDF_DECODED // 2**20} MB in all")


def reset() -> None:
    """Start counting for a new document."""
    _Budget.reset()


def new_page() -> None:
    _Budget.page_tokens = 0


def finish() -> None:
    """Stop counting: the document is read (or refused)."""
    _Budget.active = False


def inflate(data: bytes) -> bytes:
    """zlib data inflated, at most limits.MAX_PDF_STREAM bytes.  A stream whose checksum is
    wrong gives what inflated before it, any other damage nothing, as pdfminer's own
    fallback decides (without its byte-by-byte loop)."""
    try:
        out = _inflate_within(data)
    except zlib.error:
        try:
            out = _inflate_within(data[:-4])  # all but the checksum (Adler-32) inflates
        except zlib.error:
            out = b""
    _Budget.take(len(out))
    return out


def _inflate_within(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, limits.MAX_PDF_STREAM + 1)
    if len(out) > limits.MAX_PDF_STREAM or inflater.unconsumed_tail:
        _Budget.take(limits.MAX_PDF_STREAM + 1)
    return out


class _BoundedZlib:
    """What pdfminer's pdftypes module uses of zlib, bounded."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)
    decompress = staticmethod(inflate)


def lzw(data: bytes) -> bytes:
    """LZW data decoded, bounded as :func:`inflate` is."""
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        out += chunk
        if len(out) > limits.MAX_PDF_STREAM:
            _Budget.take(len(out))
    _Budget.take(len(out))
    return bytes(out)


def run_length(data: bytes) -> bytes:
    """RunLength data decoded (PDF 32000-1, 7.4.5), bounded as :func:`inflate` is.

    >>> run_length(bytes([2]) + b"abc" + bytes([254, ord("x")]) + bytes([128]))
    b'abcxxx'
    """
    out = bytearray()
    at = 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        if length < 128:
            out += data[at + 1 : at + 2 + length]
            at += 2 + length
        else:
            out += data[at + 1 : at + 2] * (257 - length)
            at += 2
        if len(out) > limits.MAX_PDF_STREAM:
            _Budget.take(len(out))
    _Budget.take(len(out))
    return bytes(out)


def no_image(data: bytes, params: object) -> bytes:
    """A CCITT fax image is not decoded: zl reads text."""
    del data, params
    return b""


def install() -> None:
    """Put pdfminer within bounds (once per process)."""
    global _installed
    if _installed:
        return
    from pdfminer import pdfdocument, pdfinterp, pdftypes

    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment, attr-defined]
    pdftypes.lzwdecode = lzw  # type: ignore[attr-defined]
    pdftypes.rldecode = run_length  # type: ignore[attr-defined]
    pdftypes.ccittfaxdecode = no_image  # type: ignore[attr-defined]
    pdfdocument.PDFDocument.read_xref_from = _read_xref_from(pdfdocument.PDFDocument.read_xref_from)  # type: ignore[method-assign]
    pdftypes.PDFObjRef.resolve = _resolve(pdftypes.PDFObjRef.resolve)  # type: ignore[method-assign]
    pdfinterp.PDFContentParser = _counting(pdfinterp.PDFContentParser)  # type: ignore[misc]
    _installed = True


def _read_xref_from(read: Any) -> Any:
    def read_xref_from(document: Any, parser: Any, start: int, xrefs: list[Any]) -> None:
        seen: set[int] = document.__dict__.setdefault("_zl_xref_starts", set())
        if start in seen:
            return  # a chain that points back at a section read: it ends here
        seen.add(start)
        if len(seen) > limits.MAX_PDF_UPDATES:
            raise PDFBound(f"its cross-reference chain has over {limits.MAX_PDF_UPDATES} sections")
        read(document, parser, start, xrefs)

    return read_xref_from


def _resolve(resolve: Any) -> Any:
    from pdfminer.pdftypes import PDFObjRef

    def follow(ref: Any, default: object = None) -> Any:
        target = resolve(ref, default)
        for _ in range(limits.MAX_PDF_REFERENCES):
            if not isinstance(target, PDFObjRef):
                return target
            target = resolve(target, default)
        raise PDFBound(f"a reference leads to a reference over {limits.MAX_PDF_REFERENCES} times (a loop)")

    return follow


def _counting(parser_class: Any) -> Any:
    class CountingContentParser(parser_class):  # type: ignore[misc]
        """The content parser, counting what it reads."""

        def nextobject(self) -> Any:
            if not _Budget.active:
                return super().nextobject()
            _Budget.tokens += 1
            _Budget.page_tokens += 1
            if _Budget.page_tokens > limits.MAX_PDF_PAGE_TOKENS:
                raise PDFBound(f"a page has over {limits.MAX_PDF_PAGE_TOKENS:,} operators and operands")
            if _Budget.tokens > limits.MAX_PDF_TOKENS:
                raise PDFBound(f"its pages have over {limits.MAX_PDF_TOKENS:,} operators and operands")
            return super().nextobject()

    return CountingContentParser


def check_entries(data: bytes) -> None:
    """Refuse, before pdfminer reads them, cross-reference tables whose entries in use are
    more than limits.MAX_PDF_OBJECTS (each is 20 bytes ending in " n" and an end of line)."""
    entries = sum(data.count(end) for end in (b" n \n", b" n\r\n", b" n \r", b" n\n", b" n\r"))
    if entries > limits.MAX_PDF_OBJECTS:
        raise PDFBound(f"its cross-reference tables list over {limits.MAX_PDF_OBJECTS:,} objects")


def check_objects(document: Any) -> None:
    """Refuse a document whose cross-reference tables and streams list more than
    limits.MAX_PDF_OBJECTS objects (a stream states its count, which may be any number)."""
    total = 0
    for xref in document.xrefs:
        ranges = getattr(xref, "ranges", None)
        total += sum(count for _, count in ranges) if ranges is not None else len(getattr(xref, "offsets", ()))
    if total > limits.MAX_PDF_OBJECTS:
        raise PDFBound(f"its cross-reference tables list over {limits.MAX_PDF_OBJECTS:,} objects")


def pages(document: Any) -> list[Any]:
    """The pages of ``document`` in order: the page tree walked with a stack, each node once
    (a tree that points back at itself ends), attributes inherited as pdfminer does; the
    objects themselves when there is no tree.  More than limits.MAX_PDF_PAGES is refused."""
    from pdfminer.pdfpage import LITERAL_PAGE, LITERAL_PAGES, PDFPage
    from pdfminer.pdftypes import dict_value, list_value

    found: list[Any] = []
    if "Pages" in document.catalog:
        seen: set[int] = set()
        stack: list[tuple[Any, dict[str, Any]]] = [(document.catalog["Pages"], document.catalog)]
        while stack:
            node, parent = stack.pop()
            objid = node if isinstance(node, int) else getattr(node, "objid", None)
            if objid is None or objid in seen:
                continue
            seen.add(objid)
            attrs = dict_value(document.getobj(objid) if isinstance(node, int) else node).copy()
            for key, value in parent.items():
                if key in PDFPage.INHERITABLE_ATTRS and key not in attrs:
                    attrs[key] = value
            kind = attrs.get("Type") or attrs.get("type")
            if kind is LITERAL_PAGES and "Kids" in attrs:
                stack += [(kid, attrs) for kid in reversed(list_value(attrs["Kids"]))]
            elif kind is LITERAL_PAGE:
                _count(found, PDFPage(document, objid, attrs, None))
    if not found:
        for objid in _objids(document):
            obj = _object(document, objid)
            if isinstance(obj, dict) and obj.get("Type") is LITERAL_PAGE:
                _count(found, PDFPage(document, objid, obj, None))
    return found


def _count(found: list[Any], page: Any) -> None:
    found.append(page)
    if len(found) > limits.MAX_PDF_PAGES:
        raise PDFBound(f"it has over {limits.MAX_PDF_PAGES:,} pages")


def _objids(document: Any) -> Iterator[int]:
    for xref in document.xrefs:
        yield from xref.get_objids()


def _object(document: Any, objid: int) -> object:
    from pdfminer.pdftypes import PDFObjectNotFound

    try:
        return document.getobj(objid)
    except PDFObjectNotFound:
        return None
