"""Reading a plan file: checks, encoding detection and strict decoding.

Accepts UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030 (a
superset of GBK and GB2312), in that order, decoding strictly: a byte that
does not decode is an error, never a silent replacement.  Refuses, with a
message that says what to do, a missing path, a directory, an empty file, a
binary file (PDF, Word, ZIP, images, NUL bytes) and an oversized file.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

BUNDLED_PLAN = Path(__file__).parent / "data" / "plan_2023.txt"
#: Names of the files a folder of plans is read for: plain text, Word, PDF and web pages (the
#: format is still told from the content, see :mod:`readers`).
PLAN_SUFFIXES = (".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".shtml")
MAX_BYTES = 200 * 1024 * 1024

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document: extract its text first (for example with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive or Word/WPS document: save it as plain text (UTF-8) first"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel document: save it as plain text (UTF-8) first"),
    (b"\x89PNG", "an image, not text"),
    (b"\xff\xd8\xff", "an image, not text"),
    (b"GIF8", "an image, not text"),
)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex.

    Uses the interpreter's built-in SHA-256 where it has one: ``import hashlib``
    loads OpenSSL, which costs about 3% of zl's start-up on every call.

    >>> sha256_hex(b"abc")[:16]
    'ba7816bf8f01cfea'
    """
    for module in ("_sha2", "_sha256", "hashlib"):  # 3.12+, 3.11, anywhere
        try:
            return str(importlib.import_module(module).sha256(data).hexdigest())
        except (ImportError, AttributeError):
            continue
    raise RuntimeError("no SHA-256 implementation")  # pragma: no cover


@dataclass(frozen=True)
class RawSource:
    """A file's bytes and their hash, before decoding."""

    path: str
    data: bytes
    sha256: str


def read_bytes(path: str | None) -> RawSource:
    """The bytes of ``path`` (the bundled 2023 plan when None, standard input when "-"),
    checked to be a plain file."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"standard input is over the {MAX_BYTES // 2**20} MB limit: split it")
        return RawSource("<stdin>", data, sha256_hex(data))
    file = BUNDLED_PLAN if path is None else Path(path)
    shown = str(file) if path is not None else "bundled plan_2023.txt"
    try:
        if file.is_dir():
            raise InputError(f"{shown} is a directory: give the path of a plan text file")
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{shown} is {size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit: split it")
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file; check the path (zl reads plain-text plans)") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied; check the file's permissions") from None
    except OSError as error:
        raise InputError(f"{shown}: cannot be read ({error.strerror or error}); check the path") from None
    return RawSource(shown, data, sha256_hex(data))


def is_document(data: bytes) -> bool:
    """Whether ``data`` is for the readers (a PDF, a Word or ZIP file, an old Office or
    RTF file, or what may be a web page) rather than plain text; looks at a few bytes.

    >>> is_document(b"%PDF-1.4"), is_document(b"\\xef\\xbb\\xbf <html>"), is_document("一、总则".encode())
    (True, True, False)
    """
    head = data[:1024]
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf")) or (
        b"%PDF-" in head
    )


def decode(raw: RawSource) -> tuple[str, str]:
    """The decoded text and the name of its encoding.

    >>> decode(RawSource("x", "一、总则".encode("gb18030"), ""))
    ('一、总则', 'gb18030')
    >>> decode(RawSource("x", b"\\xef\\xbb\\xbf" + "一、".encode(), ""))
    ('一、', 'utf-8-sig')
    """
    data = raw.data
    if not data.strip():
        raise InputError(f"{raw.path} is empty: give a file that holds the text of a plan")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{raw.path} is {what}")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:4096]:
        raise InputError(
            f"{raw.path} looks binary (it has NUL bytes): give a plain-text plan in UTF-8 or GB18030 "
            "(UTF-16 needs its byte-order mark)"
        )
    if encoding is None:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "gb18030"
    return _strict(raw, encoding), encoding


def _strict(raw: RawSource, encoding: str) -> str:
    try:
        text = raw.data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{raw.path} is neither UTF-8 nor GB18030/GBK (undecodable byte at offset {error.start}): "
            "convert it to UTF-8, e.g. with iconv -f <encoding> -t UTF-8"
        ) from None
    if _control_share(text) > 0.05:
        raise InputError(f"{raw.path} does not look like text (many control characters): give a plain-text plan")
    return text


def _control_share(text: str) -> float:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\r\n\t\x0c")
    return controls / max(1, len(sample))
