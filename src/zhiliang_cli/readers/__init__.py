"""Plans as they are published -> the text zl parses, and where it came from.

:func:`extract` sniffs a file's bytes (never its name) and hands them to the
reader of their kind::

    %PDF-…                      -> pdf.py   pdfminer.six, text layer in reading order
    PK… with word/document.xml  -> docx.py  zipfile + ElementTree (stdlib)
    <!DOCTYPE html… / <html…    -> html.py  html.parser (stdlib), article body only
    anything else               -> plain text, decoded by source.decode

and returns an :class:`Extracted`: the text, which is what ``zl text`` prints
and what every span and line number refers to, with its provenance (format,
extractor and its version, pages or paragraphs read).  Old Word (.doc), WPS,
RTF, ODF, spreadsheets, archives and scans are refused with one line that says
what to do.  Each reader imports its library only when a file of its kind is
read; plain text never comes here unless it starts with ``<`` (source.is_document).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zhiliang_cli.errors import InputError
from zhiliang_cli.source import RawSource, decode

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT = "convert it with LibreOffice (soffice --headless --convert-to docx FILE) and give the .docx"
#: Tags that make a file that starts with ``<`` an HTML page (looked for in its first 4 KB).
HTML_TAGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<div", b"<p>", b"<p ", b"<table")


@dataclass(frozen=True)
class Extracted:
    """The text of a document and its provenance."""

    text: str
    format: str  # text, docx, pdf or html
    encoding: str  # of a page or a text file; "" for docx and pdf, which are not text
    extractor: str | None = None
    extractor_version: str | None = None
    pages: int | None = None
    paragraphs: int | None = None

    def origin(self) -> dict[str, Any]:
        """The provenance as a flat record (what ``zl meta`` shows and the cache keeps)."""
        return {
            "format": self.format,
            "extractor": self.extractor,
            "extractor_version": self.extractor_version,
            "pages": self.pages,
            "paragraphs": self.paragraphs,
        }


def sniff(data: bytes) -> str:
    """The kind of a file from its first bytes: pdf, docx, ole, zip, rtf, html or text.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"\\xef\\xbb\\xbf<!DOCTYPE html><html>"), sniff("一、总则".encode())
    ('pdf', 'html', 'text')
    >>> sniff(b"<b>not a page</b>"), sniff(b"{\\\\rtf1 ...")
    ('text', 'rtf')
    """
    head = data[:4096]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom) and not head.startswith(b"\xff\xfe\x00\x00"):  # not UTF-32
            head = head[2:].decode(codec, "ignore").encode()  # a page saved as UTF-16 (Notepad's "Unicode")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<") and any(tag in start.lower() for tag in HTML_TAGS):
        return "html"
    return "text"


def extract(raw: RawSource) -> Extracted:
    """The text of ``raw`` and its provenance, whatever its format."""
    kind = sniff(raw.data)
    if kind in ("pdf", "zip", "html"):
        return _read_document(raw, kind)
    if kind == "ole":
        raise InputError(f"{raw.path} is {_ole_kind(raw.data)}, which zl does not read: {CONVERT}")
    if kind == "rtf":
        raise InputError(f"{raw.path} is an RTF document, which zl does not read: {CONVERT}")
    text, encoding = decode(raw)
    return Extracted(text, "text", encoding)


def _read_document(raw: RawSource, kind: str) -> Extracted:
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(raw)
    if kind == "html":
        from .html import read_html

        return read_html(raw)
    return _read_zip(raw)


def _read_zip(raw: RawSource) -> Extracted:
    from zhiliang_cli.limits import open_zip

    names = set(open_zip(raw.data, raw.path, "ZIP or Word file").NameToInfo)
    if "word/document.xml" in names:
        from .docx import read_docx

        return read_docx(raw)
    what = (
        "a spreadsheet"
        if "xl/workbook.xml" in names
        else "a presentation"
        if "ppt/presentation.xml" in names
        else "an OpenDocument file"
        if "content.xml" in names
        else "a ZIP archive"
    )
    hint = "unzip it and give the plan inside" if what == "a ZIP archive" else CONVERT
    raise InputError(f"{raw.path} is {what}, not a plan: {hint}")


def _ole_kind(data: bytes) -> str:
    """What an OLE compound file holds, from the names of its streams (UTF-16 in its directory)."""
    names = data.replace(b"\x00", b"")
    if b"Workbook" in names or b"Book" in names:
        return "an old Excel or WPS spreadsheet"
    if b"PowerPoint Document" in names:
        return "an old PowerPoint presentation"
    return "an old Word (.doc) or WPS (.wps) document"


def library_version(distribution: str) -> str | None:
    """The installed version of a library, or None when it is not installed.

    Read from the name of its ``.dist-info`` folder on ``sys.path``, as
    importlib.metadata finds it but without its 34 ms import (a cached PDF is
    checked against it on every call); importlib.metadata is the fallback.
    """
    import os
    import sys

    stem = distribution.replace("-", "_").replace(".", "_").lower() + "-"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.lower().startswith(stem):
                return name[len(stem) : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return None
