"""Reading a plan file: checks, encoding detection and strict decoding.

Accepts UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM, and GB18030 (a
superset of GBK and GB2312), in that order, decoding strictly: a byte that
does not decode is an error, never a silent replacement, and the error gives
the byte's offset in the file and its line.  Refuses, with a message that says
what to do, a missing path, a directory, an empty file (a BOM alone is empty),
a binary file (PDF, Word, ZIP, images, NUL bytes) and an oversized file.

Whatever the path is -- a file, a device such as /dev/zero, a FIFO, a /proc file
whose size says 0, standard input -- it is read in a bounded loop, never past
:data:`limits.MAX_FILE_BYTES` + 1 bytes: its size as the file system reports it is
only a hint.
"""

from __future__ import annotations

import importlib
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from . import limits
from .errors import InputError, UsageError

BUNDLED_PLAN = Path(__file__).parent / "data" / "plan_2023.txt"
#: Names of the files a folder of plans is read for: plain text, Word, PDF and web pages (the
#: format is still told from the content, see :mod:`readers`).
PLAN_SUFFIXES = (".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".shtml")
MAX_BYTES = limits.MAX_FILE_BYTES  # the bound is limits.MAX_FILE_BYTES; this name is kept for importers
_CHUNK = 1 << 20  # bytes asked for at a time when the size is not known
#: Byte-order marks, longest first (the UTF-32 LE mark begins with UTF-16 LE's): the name
#: reported, and the codec that decodes the bytes after the mark.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe", "utf-16", "utf-16-le"),
    (b"\xfe\xff", "utf-16", "utf-16-be"),
)
#: A prefix with this many non-ASCII characters of valid UTF-8 is UTF-8: a GB18030 text
#: never looks like it for so long, so a bad byte after it is reported as UTF-8's.
_UTF8_EVIDENCE = 16
_MAGIC = (
    (b"%PDF", "a PDF document: extract its text first (for example with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive or Word/WPS document: save it as plain text (UTF-8) first"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel document: save it as plain text (UTF-8) first"),
    (b"\x89PNG", "an image, not text"),
    (b"\xff\xd8\xff", "an image, not text"),
    (b"GIF8", "an image, not text"),
)


def sha256(data: bytes = b"") -> Any:
    """A SHA-256 hash object of ``data`` (``update``, ``digest``, ``hexdigest``).

    Uses the interpreter's built-in SHA-256 where it has one: ``import hashlib``
    loads OpenSSL, which costs about 3% of zl's start-up on every call.
    """
    for module in ("_sha2", "_sha256", "hashlib"):  # 3.12+, 3.11, anywhere
        try:
            return importlib.import_module(module).sha256(data)
        except (ImportError, AttributeError):
            continue
    raise RuntimeError("no SHA-256 implementation")  # pragma: no cover


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex.

    >>> sha256_hex(b"abc")[:16]
    'ba7816bf8f01cfea'
    """
    return str(sha256(data).hexdigest())


@dataclass(frozen=True)
class RawSource:
    """A file's bytes and their hash, before decoding."""

    path: str
    data: bytes
    sha256: str


def read_bytes(path: str | None) -> RawSource:
    """The bytes of ``path`` (the bundled 2023 plan when None, standard input when "-"),
    read up to :data:`limits.MAX_FILE_BYTES` and no further."""
    if path == "-":
        if sys.stdin is None:
            raise InputError("standard input is closed: give the plan with --file PATH")
        data = _read_bounded(sys.stdin.buffer, "standard input", 0)
        return RawSource("<stdin>", data, sha256_hex(data))
    if path is not None and not path.strip():
        raise UsageError("the file name is empty: give the path of a plan text file, or - for standard input")
    file = BUNDLED_PLAN if path is None else Path(path)
    shown = display_path(path) if path is not None else "bundled plan_2023.txt"
    try:
        with open(file, "rb", buffering=0) as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            data = _read_bounded(stream, shown, info.st_size if stat.S_ISREG(info.st_mode) else 0)
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{shown} is a directory: give the path of a plan text file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied; check the file's permissions") from None
    except ValueError:  # a NUL character in the path
        raise InputError(f"{shown}: not a usable path (it holds a NUL character)") from None
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
    return (
        head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf"))
        or b"%PDF-" in head
        or head.startswith((b"\xff\xfe<\x00", b"\xfe\xff\x00<"))  # a page saved as UTF-16
    )


def display_path(path: str) -> str:
    """A path as zl names it: bytes that are not UTF-8 shown as \\xNN, so that it can be printed.

    >>> display_path("plan.txt"), display_path("\\udcff.txt")
    ('plan.txt', '\\\\xff.txt')
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _read_bounded(stream: BinaryIO, shown: str, size_hint: int) -> bytes:
    """At most limits.MAX_FILE_BYTES of ``stream``, in a loop that stops one byte past the
    limit; ``size_hint`` (a regular file's size) only sets how much is asked for first."""
    limit = limits.MAX_FILE_BYTES
    chunks: list[bytes] = []
    total = 0
    want = size_hint + 1 if size_hint else _CHUNK
    while True:
        chunk = stream.read(min(want, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError(f"{shown} is over the {limit // 2**20} MB limit: split it")
        want = _CHUNK


def decode(raw: RawSource) -> tuple[str, str]:
    """The decoded text and the name of its encoding.

    >>> decode(RawSource("x", "一、总则".encode("gb18030"), ""))
    ('一、总则', 'gb18030')
    >>> decode(RawSource("x", b"\\xef\\xbb\\xbf" + "一、".encode(), ""))
    ('一、', 'utf-8-sig')
    """
    data = raw.data
    if not data.strip():
        raise _empty(raw)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{raw.path} is {what}")
    bom = next(((mark, name, codec) for mark, name, codec in _BOMS if data.startswith(mark)), None)
    if bom is None and b"\x00" in data[:4096]:
        raise InputError(
            f"{raw.path} looks binary (it has NUL bytes): give a plain-text plan in UTF-8 or GB18030 "
            "(UTF-16 needs its byte-order mark)"
        )
    if bom is not None:
        mark, encoding, codec = bom
        text = _strict(raw, codec, len(mark))
    else:
        text, encoding = _utf8_or_gb18030(raw)
    if not text.strip():
        raise _empty(raw)
    if _control_share(text) > 0.05:
        raise InputError(f"{raw.path} does not look like text (many control characters): give a plain-text plan")
    return text, encoding


def _empty(raw: RawSource) -> InputError:
    return InputError(f"{raw.path} is empty: give a file that holds the text of a plan")


def _utf8_or_gb18030(raw: RawSource) -> tuple[str, str]:
    """UTF-8 when the bytes are UTF-8; else GB18030.  When neither reads them, the error
    names the byte where the reading that got further stopped."""
    try:
        return raw.data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        as_utf8 = error
    prefix = raw.data[: as_utf8.start].decode("utf-8")
    if sum(1 for ch in prefix if ch > "\x7f") >= _UTF8_EVIDENCE:
        raise _undecodable(raw, "UTF-8", as_utf8.start) from None
    try:
        return raw.data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as error:
        as_gb = error
    if as_utf8.start > as_gb.start:
        raise _undecodable(raw, "UTF-8", as_utf8.start) from None
    raise _undecodable(raw, "GB18030", as_gb.start) from None


def _strict(raw: RawSource, codec: str, offset: int) -> str:
    """``raw.data`` after its byte-order mark of ``offset`` bytes, decoded with ``codec``."""
    try:
        return raw.data[offset:].decode(codec)
    except UnicodeDecodeError as error:
        name = codec.rsplit("-", 1)[0].upper() if codec.count("-") == 2 else codec.upper()
        bad = offset + error.start
        raise InputError(
            f"{raw.path} starts with a {name} byte-order mark, but the byte 0x{raw.data[bad]:02x} at offset {bad} "
            f"does not decode as {name}: correct the file, or save it again as UTF-8"
        ) from None


def _undecodable(raw: RawSource, read_as: str, offset: int) -> InputError:
    """The error for the byte at ``offset`` of the file, which does not decode."""
    line = raw.data.count(b"\n", 0, offset) + 1
    return InputError(
        f"{raw.path} is neither UTF-8 nor GB18030/GBK: read as {read_as}, the byte 0x{raw.data[offset]:02x} "
        f"at offset {offset} (line {line}) does not decode; convert it to UTF-8, "
        "e.g. with iconv -f <encoding> -t UTF-8"
    )


def _control_share(text: str) -> float:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\r\n\t\x0c")
    return controls / max(1, len(sample))
