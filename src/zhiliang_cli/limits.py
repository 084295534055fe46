"""Every bound zl puts on what it reads from a file, in one place.

A file may be small on disk and enormous once read: a .docx or .xlsx whose XML inflates to
gigabytes, thousands of members, a member that says it is small and is not.  Each container is
opened through the checks here before its library sees it; beyond a bound the file is refused
with one line that names it and the bound (:class:`~zhiliang_cli.errors.InputError`).  The
README's "Hostile and unlucky input" lists these numbers.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

from .errors import InputError

MAX_ZIP_MEMBERS = 10_000  # members of a .docx, .xlsx or .ods: real ones hold tens
MAX_ZIP_UNPACKED = 256 * 1024 * 1024  # bytes of all members read from one file, unpacked
MAX_ZIP_RATIO = 200  # unpacked / packed size of one member: XML packs 5-20 times, a bomb thousands
_SMALL_MEMBER = 1024 * 1024  # below this a member's ratio is not judged (an empty sheet packs well)


def open_zip(data: bytes, shown: str, what: str = "file") -> zipfile.ZipFile:
    """``data`` opened as a ZIP, refused when it is damaged or its members are too many or too big
    as they declare themselves.  Reading a member goes through :func:`read_member`, which counts
    what really comes out, since a member's declared size can lie."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(f"{shown} is a damaged {what} (it cannot be opened as a ZIP): save it again") from None
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
