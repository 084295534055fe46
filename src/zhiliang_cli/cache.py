"""Load a plan file, parsed, through a cache keyed by the file's content.

An entry is named by the SHA-256 of the file's bytes and a hash of the parser's
code (the contents of every module of the package, with zl's and Python's
versions), so a cached result can never be stale: a changed file or any edit to
the code, whatever its time stamps, is a different name.

An entry cannot lie either.  It is :data:`MAGIC` (the format version), then an
HMAC-SHA256 of its name and payload under a per-user secret (``key`` in the
cache folder, 32 random bytes, mode 0600, created atomically), then the payload
in :mod:`marshal` format.  Nothing is unmarshalled before the checksum matches,
and a payload that loads but does not have the shape of a parsed plan is
refused too; either way the entry is ignored and rebuilt, never served and
never an error.  A cache folder that is not ours, or that others can write to,
is not used at all.

Hashing every module on each call would cost a millisecond of start-up, so the
code hash is computed once and kept in a small signed file named after the
modules' stat facts (size, mtime, ctime, inode): an edit to a file changes its
ctime (which no user can set back), so the stat facts change and the contents
are hashed again.

A plan published as .docx, PDF or HTML goes through :mod:`readers` (the one place
documents enter, :func:`_read_text`); its entry also keeps the extracted text and its
provenance, so a PDF is extracted once for every command, ``zl text`` included, and is
checked against the extractor's installed version on a hit.

The cache is bounded: at most :data:`MAX_ENTRIES` entries and
:data:`MAX_TOTAL_BYTES` in all, the oldest removed first; a parse whose entry
would exceed :data:`MAX_ENTRY_BYTES` is not cached.  A cache that cannot be read
or written is skipped silently.  ``ZL_NO_CACHE=1`` turns it off.  On a hit
nothing is decoded, and neither ``regex``, ``hashlib`` nor the parser is imported.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._version import __version__

if TYPE_CHECKING:
    from .records import PlanRecord
from .source import RawSource, decode, is_document, read_bytes, sha256

FORMAT_VERSION = 2
MAGIC = b"ZLC" + bytes([FORMAT_VERSION])
SUFFIX = ".zlc"
KEY_FILE = "key"
KEY_BYTES = 32
MAX_ENTRIES = 200  # parsed plans kept; the oldest go first
MAX_ENTRY_BYTES = 32 * 2**20  # a larger parse is not cached
MAX_TOTAL_BYTES = 256 * 2**20  # all entries together
MAX_CODE_STAMPS = 8  # code-hash files kept (one per version of the code seen)


@dataclass(frozen=True)
class LoadedPlan:
    """A parsed plan and the facts of the file it came from; ``origin`` (format,
    extractor, pages or paragraphs) and ``text`` are set for a document, not plain text."""

    plan: PlanRecord
    path: str
    encoding: str
    sha256: str
    size: int
    origin: dict[str, Any] | None = None
    text: str | None = None


def load_plan(path: str | None) -> LoadedPlan:
    """The parsed plan in ``path`` (the bundled plan when None)."""
    return load_source(read_bytes(path))


class OnePlan:
    """The one plan a command is given (a file, standard input or the bundled plan): what
    :class:`corpus.Plans` answers for several, without importing what several need."""

    skipped = 0  # no file is ever skipped: its error is the command's

    def __init__(self, path: str | None) -> None:
        self.path = path

    def one_path(self, command: str) -> str | None:
        return self.path

    def one(self, command: str) -> LoadedPlan:
        return load_plan(self.path)

    def combine(self, one: Callable[[LoadedPlan], Any], many: Callable[[Any], Any]) -> Any:
        return one(load_plan(self.path))

    def rows(self, query: Callable[[PlanRecord], list[Any]]) -> list[Any]:
        return query(load_plan(self.path).plan)


def cached_plan(raw: RawSource) -> LoadedPlan | None:
    """The parsed plan of ``raw`` if the cache holds it, else None; never parses."""
    store = _Store.open()
    entry = store.read(raw) if store else None
    return _loaded(raw, entry) if entry is not None and entry["plan"] is not None else None


def load_source(raw: RawSource) -> LoadedPlan:
    """The parsed plan of bytes already read (so a worker process need not read the file)."""
    store = _Store.open()
    entry = store.read(raw) if store else None
    if entry is not None and entry["plan"] is not None:
        return _loaded(raw, entry)
    if entry is not None and entry["text"] is not None:  # a document whose text alone was cached
        loaded = parse_raw(raw, (entry["text"], entry["encoding"], entry["origin"]))
    else:
        loaded = parse_raw(raw)
    if store:
        plan = dict(loaded.plan)
        store.write(raw, {"encoding": loaded.encoding, "plan": plan, "origin": loaded.origin, "text": loaded.text})
    return loaded


def parse_raw(raw: RawSource, read: tuple[str, str, dict[str, Any] | None] | None = None) -> LoadedPlan:
    """The parsed plan of bytes already read, not through the cache (``zl db build`` keeps its
    own); ``read`` is the text, encoding and provenance when they are known already."""
    text, encoding, origin = read or _read_text(raw)
    from .parse import parse_text  # imported only when a plan is parsed

    return LoadedPlan(parse_text(text), raw.path, encoding, raw.sha256, len(raw.data), origin, text if origin else None)


def _loaded(raw: RawSource, entry: dict[str, Any]) -> LoadedPlan:
    plan = cast("PlanRecord", entry["plan"])
    return LoadedPlan(plan, raw.path, entry["encoding"], raw.sha256, len(raw.data), entry["origin"], entry["text"])


def load_text(path: str | None) -> tuple[str, RawSource, str]:
    """The text of ``path`` as zl parses it, its bytes and its encoding; a document's
    extracted text is taken from the cache when it is there, and put in it."""
    raw = read_bytes(path)
    store = _Store.open() if is_document(raw.data) else None
    entry = store.read(raw) if store else None
    if entry is not None and entry["text"] is not None:
        return entry["text"], raw, entry["encoding"]
    text, encoding, origin = _read_text(raw)
    if store and origin is not None:
        store.write(raw, {"encoding": encoding, "plan": None, "origin": origin, "text": text})
    return text, raw, encoding


def _read_text(raw: RawSource) -> tuple[str, str, dict[str, Any] | None]:
    """The text of a file, its encoding and, for a document, its provenance: the one
    place documents enter.  Plain text is decoded here as it always was; anything else
    goes to the readers, imported only then."""
    if not is_document(raw.data):
        return (*decode(raw), None)
    from .readers import extract

    document = extract(raw)
    origin = document.origin() if document.format != "text" else None
    return document.text, document.encoding, origin


def _current(origin: dict[str, Any]) -> bool:
    """Whether a document's entry was made by the extractor installed now (zl's own
    readers are in the code hash already)."""
    extractor = str(origin["extractor"])
    if extractor.startswith("zl "):
        return True
    from .readers import library_version

    return bool(library_version(extractor) == origin["extractor_version"])


def default_cache_dir() -> Path:
    """Where parsed plans are cached: $ZL_CACHE_DIR, else $XDG_CACHE_HOME/zhiliang-cli."""
    if os.environ.get("ZL_CACHE_DIR"):
        return Path(os.environ["ZL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zhiliang-cli"


def mac(key: bytes, *parts: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104) of the concatenated ``parts``, with the interpreter's built-in
    SHA-256: ``import hmac`` loads OpenSSL, which costs 5% of zl's start-up.

    >>> mac(b"key", b"The quick brown fox ", b"jumps over the lazy dog").hex()[:16]
    'f7bc83f430538424'
    """
    block = key if len(key) <= 64 else sha256(key).digest()
    block = block.ljust(64, b"\0")
    inner = sha256(bytes(b ^ 0x36 for b in block))
    for part in parts:
        inner.update(part)
    return bytes(sha256(bytes(b ^ 0x5C for b in block) + inner.digest()).digest())


def _same(a: bytes, b: bytes) -> bool:
    """Compare two checksums in time that does not depend on where they differ."""
    try:
        from _operator import _compare_digest

        return bool(_compare_digest(a, b))
    except ImportError:  # pragma: no cover
        return len(a) == len(b) and sum(x ^ y for x, y in zip(a, b, strict=True)) == 0


class _Store:
    """The cache folder of this user, checked to be safe, with its secret key."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self.key = key

    @classmethod
    def open(cls) -> _Store | None:
        """The cache, or None when it is off, cannot be made, or is not safe to use."""
        if os.environ.get("ZL_NO_CACHE"):
            return None
        folder = default_cache_dir()
        try:
            if not folder.exists():
                folder.mkdir(mode=0o700, parents=True)
            if not _safe_folder(folder):
                return None
            return cls(folder, _key(folder))
        except (OSError, ValueError):
            return None

    def read(self, raw: RawSource) -> dict[str, Any] | None:
        """The entry of ``raw`` (``encoding``, ``plan`` — None where only a document's text was
        kept — ``origin`` and ``text``), checked; None when there is none to trust."""
        name = self._entry_name()
        if name is None:
            return None
        entry = _read_small(self.folder / f"{raw.sha256}-{name}", MAX_ENTRY_BYTES + 64)
        if entry is None or not entry.startswith(MAGIC):
            return None
        checksum, payload = entry[len(MAGIC) : len(MAGIC) + 32], entry[len(MAGIC) + 32 :]
        if not _same(checksum, mac(self.key, MAGIC, f"{raw.sha256}-{name}".encode(), payload)):
            return None
        try:
            content = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return None
        if not _well_formed(content):
            return None
        if content["origin"] is not None and not _current(content["origin"]):
            return None
        return cast("dict[str, Any]", content)

    def write(self, raw: RawSource, entry: dict[str, Any]) -> None:
        if len(raw.data) > MAX_ENTRY_BYTES // 2:  # a parse takes more room than its text
            return
        name = self._entry_name()
        if name is None:
            return
        payload = marshal.dumps(entry)
        if len(payload) > MAX_ENTRY_BYTES:
            return
        from .files import replace_atomic

        file = f"{raw.sha256}-{name}"
        checksum = mac(self.key, MAGIC, file.encode(), payload)
        try:
            replace_atomic(str(self.folder / file), MAGIC + checksum + payload, 0o600)
            _prune(self.folder)
        except OSError:
            pass

    def _entry_name(self) -> str | None:
        """The last part of an entry's name: the hash of the code, with the file suffix.

        Read from the signed code-stamp file for the modules' stat facts; computed from the
        modules' contents (and stored) when there is none."""
        try:
            facts = _code_facts()
        except OSError:
            return None
        stamp_file = self.folder / f"code-{sha256(facts).hexdigest()[:32]}"
        stamp = _read_small(stamp_file, 96)
        if stamp is not None and len(stamp) == 96:
            checksum, digest = stamp[:32], stamp[32:]
            if _same(checksum, mac(self.key, b"code", facts, digest)):
                return digest.decode("ascii")[:32] + SUFFIX
        try:
            digest = _code_hash().encode("ascii")
            from .files import replace_atomic

            replace_atomic(str(stamp_file), mac(self.key, b"code", facts, digest) + digest, 0o600)
            _prune_stamps(self.folder)
        except OSError:
            return None
        return digest.decode("ascii")[:32] + SUFFIX


def _safe_folder(folder: Path) -> bool:
    """A folder that is ours and that no one else can write to."""
    info = os.stat(folder)
    return (
        stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _key(folder: Path) -> bytes:
    """The secret of this cache: made once, atomically; replaced when it is not ours alone."""
    from_file = _read_key(folder / KEY_FILE)
    if from_file is not None:
        return from_file
    from .files import create_exclusive, replace_atomic

    fresh = os.urandom(KEY_BYTES)
    if (folder / KEY_FILE).exists() or (folder / KEY_FILE).is_symlink():
        replace_atomic(str(folder / KEY_FILE), fresh, 0o600)  # a key others could read is no key
        return fresh
    if create_exclusive(str(folder / KEY_FILE), fresh, 0o600):
        return fresh
    made = _read_key(folder / KEY_FILE)  # another zl made it first
    if made is None:
        raise ValueError("no usable cache key")
    return made


def _read_key(file: Path) -> bytes | None:
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.geteuid()
            or info.st_mode & 0o077
            or info.st_size != KEY_BYTES
        ):
            return None
        key = stream.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None


def _read_small(file: Path, limit: int) -> bytes | None:
    """The bytes of a cache file, or None when it is missing, not a plain file, or over ``limit``."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None
        data = stream.read(limit + 1)
    return data if len(data) <= limit else None


_PACKAGE = Path(__file__).parent


def _modules() -> list[tuple[str, os.stat_result]]:
    """Every module of the package, as (path relative to it, stat), in order."""
    found: list[tuple[str, os.stat_result]] = []
    folders = [""]
    while folders:
        relative = folders.pop()
        with os.scandir(_PACKAGE / relative) as entries:
            for entry in entries:
                if entry.is_dir() and entry.name not in ("__pycache__", "data"):
                    folders.append(os.path.join(relative, entry.name))
                elif entry.name.endswith(".py"):
                    found.append((os.path.join(relative, entry.name), entry.stat()))
    return sorted(found, key=lambda pair: pair[0])


def _versions() -> bytes:
    return f"zl {__version__}|cache {FORMAT_VERSION}|{sys.version}".encode()  # marshal belongs to the interpreter


def _code_facts() -> bytes:
    """What identifies the modules on disk without reading them: their stat facts."""
    parts = [_versions()]
    for name, info in _modules():
        parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}".encode())
    return b"\n".join(parts)


def _code_hash() -> str:
    """The SHA-256 of every module's path and contents, with zl's and Python's versions."""
    digest = sha256(_versions())
    for name, _ in _modules():
        content = (_PACKAGE / name).read_bytes()
        digest.update(f"\n{name}:{len(content)}\n".encode())
        digest.update(content)
    return str(digest.hexdigest())


#: The keys of each kind of record (records.py; a test checks that they agree): written out
#: here because importing the TypedDicts would cost start-up on every cache hit.
SHAPES = {
    "plan": frozenset(
        [
            "title",
            "doc_number",
            "recipients",
            "issuers",
            "date",
            "note",
            "contact",
            "copy_number",
            "secrecy",
            "urgency",
            "masthead",
            "signers",
            "body",
            "body_span",
            "attachments",
            "copied_to",
            "printed_by",
            "printed",
            "published",
            "plan_title",
            "kind",
            "preamble",
            "preamble_span",
            "closing",
            "closing_span",
            "targets",
            "parts",
            "sections",
            "problems",
        ]
    ),
    "problem": frozenset(["kind", "line", "message"]),
    "section": frozenset(
        ["number", "numeral", "title", "span", "line", "text", "text_span", "groups", "targets", "items"]
    ),
    "group": frozenset(["number", "numeral", "title", "span", "line"]),
    "item": frozenset(
        [
            "number",
            "numeral",
            "section",
            "group",
            "title",
            "text",
            "lead_units",
            "cooperating_units",
            "lead_span",
            "notes",
            "deadline",
            "span",
            "line",
            "targets",
        ]
    ),
    "target": frozenset(
        [
            "item",
            "section",
            "text",
            "span",
            "line",
            "number_text",
            "number_span",
            "value",
            "low",
            "high",
            "unit",
            "comparator",
            "change",
            "aspirational",
            "subject",
            "by",
        ]
    ),
    "note": frozenset(["span", "lead_units", "cooperating_units", "fields"]),
    "note_field": frozenset(["label", "text", "span"]),
}
#: The keys of an entry: the parse (None where only a document's text is kept), and a
#: document's provenance and text (None for plain text).
ENTRY_KEYS = frozenset(["encoding", "plan", "origin", "text"])


def _well_formed(content: Any) -> bool:
    """A payload with the shape of a parsed plan: every record with exactly its keys."""

    def records(value: Any, kind: str) -> bool:
        keys = SHAPES[kind]
        return isinstance(value, list) and all(isinstance(r, dict) and r.keys() == keys for r in value)

    if not (isinstance(content, dict) and content.keys() == ENTRY_KEYS and isinstance(content["encoding"], str)):
        return False
    if content["origin"] is not None and not (isinstance(content["origin"], dict) and isinstance(content["text"], str)):
        return False
    plan: Any = content["plan"]
    if plan is None:
        return isinstance(content["text"], str)
    if (
        not records([plan], "plan")
        or not records(plan["problems"], "problem")
        or not records(plan["targets"], "target")
    ):
        return False
    sections = plan["sections"]
    if not records(sections, "section"):
        return False
    for section in sections:
        if not (records(section["groups"], "group") and records(section["targets"], "target")):
            return False
        if not records(section["items"], "item"):
            return False
        if not all(records(item["targets"], "target") and records(item["notes"], "note") for item in section["items"]):
            return False
        notes = [note for item in section["items"] for note in item["notes"]]
        if not all(records(note["fields"], "note_field") for note in notes):
            return False
    return True


def _prune(folder: Path) -> None:
    """Keep the cache within MAX_ENTRIES and MAX_TOTAL_BYTES, removing the least recently
    written entries first (and any entry of an older format)."""
    entries: list[tuple[float, int, Path]] = []
    for file in folder.iterdir():
        if file.name.endswith(".marshal"):  # the format before checksums
            file.unlink(missing_ok=True)
        elif file.name.endswith(SUFFIX):
            info = file.stat()
            entries.append((info.st_mtime, info.st_size, file))
    entries.sort(key=lambda entry: entry[0], reverse=True)
    total = 0
    for count, (_, size, file) in enumerate(entries, start=1):
        total += size
        if count > MAX_ENTRIES or total > MAX_TOTAL_BYTES:
            file.unlink(missing_ok=True)


def _prune_stamps(folder: Path) -> None:
    stamps = sorted(folder.glob("code-*"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in stamps[MAX_CODE_STAMPS:]:
        old.unlink(missing_ok=True)
