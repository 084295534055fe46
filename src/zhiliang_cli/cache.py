"""Load a plan file, parsed, through a cache keyed by the file's content.

Entries are in :mod:`marshal` format (the fastest to load; only zl writes them, in
the user's own cache directory, atomically); the key is the SHA-256 of the file's bytes together with a fingerprint of
the parser's own code, so a cached result can never be stale: a changed file
or a changed parser is a different key.  A cache that cannot be read or
written is skipped silently; it never breaks a command.  ``ZL_NO_CACHE=1``
turns it off.  On a hit nothing is decoded and neither ``regex`` nor the
parser is imported.

A plan published as .docx, PDF or HTML goes through :mod:`readers` (the one place
documents enter, :func:`_read_text`); its entry also keeps the extracted text and
its provenance, so a PDF is extracted once for every command, ``zl text``
included, and is checked against the extractor's installed version on a hit.
"""

from __future__ import annotations

import marshal
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._version import __version__

if TYPE_CHECKING:
    from .records import PlanRecord
from .source import RawSource, decode, is_document, read_bytes, sha256_hex


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


def cached_plan(raw: RawSource) -> LoadedPlan | None:
    """The parsed plan of ``raw`` if the cache holds it, else None; never parses."""
    entry = _read_entry(raw)
    if entry is None or entry["plan"] is None:
        return None
    plan = cast("PlanRecord", entry["plan"])
    return LoadedPlan(plan, raw.path, entry["encoding"], raw.sha256, len(raw.data), entry["origin"], entry["text"])


def load_source(raw: RawSource) -> LoadedPlan:
    """The parsed plan of bytes already read (so a worker process need not read the file)."""
    entry = _read_entry(raw)
    if entry is not None and entry["plan"] is not None:
        plan = cast("PlanRecord", entry["plan"])
        return LoadedPlan(plan, raw.path, entry["encoding"], raw.sha256, len(raw.data), entry["origin"], entry["text"])
    if entry is not None and entry["text"] is not None:  # a document whose text alone was cached
        text, encoding, origin = entry["text"], entry["encoding"], entry["origin"]
    else:
        text, encoding, origin = _read_text(raw)
    from .parser import parse_text  # imported only on a cache miss

    loaded = LoadedPlan(
        parse_text(text), raw.path, encoding, raw.sha256, len(raw.data), origin, text if origin else None
    )
    _write_cache(raw, loaded)
    return loaded


def load_text(path: str | None) -> tuple[str, RawSource, str]:
    """The text of ``path`` as zl parses it, its bytes and its encoding; a document's
    extracted text is taken from the cache when it is there, and put in it."""
    raw = read_bytes(path)
    entry = _read_entry(raw) if is_document(raw.data) else None
    if entry is not None:
        return entry["text"], raw, entry["encoding"]
    text, encoding, origin = _read_text(raw)
    if origin is not None:
        _write_entry(raw, {"encoding": encoding, "plan": None, "origin": origin, "text": text})
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


def default_cache_dir() -> Path:
    """Where parsed plans are cached: $ZL_CACHE_DIR, else $XDG_CACHE_HOME/zhiliang-cli."""
    if os.environ.get("ZL_CACHE_DIR"):
        return Path(os.environ["ZL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zhiliang-cli"


def _cache_file(raw: RawSource) -> Path | None:
    if os.environ.get("ZL_NO_CACHE"):
        return None
    stamp = [__version__, sys.version]  # marshal's format belongs to the interpreter
    try:  # every module of the package: a changed parser is a different key
        for folder in (Path(__file__).parent, Path(__file__).parent / "readers"):
            with os.scandir(folder) as entries:
                modules = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".py"))
            stamp += [f"{name}:{info.st_size}:{info.st_mtime_ns}" for name, info in modules]
    except OSError:
        return None
    code = sha256_hex("|".join(stamp).encode())[:16]
    return default_cache_dir() / f"{raw.sha256}-{code}.marshal"


def _read_entry(raw: RawSource) -> dict[str, Any] | None:
    """The cache's entry for ``raw``: ``encoding``, ``plan`` (None when only the text was
    asked for), and for a document ``origin`` and ``text`` (None for plain text)."""
    file = _cache_file(raw)
    if file is None:
        return None
    try:
        entry: dict[str, Any] = marshal.loads(file.read_bytes())
        entry.setdefault("origin", None)
        entry.setdefault("text", None)
        if not isinstance(entry["encoding"], str) or "plan" not in entry:
            return None
        origin = entry["origin"]
        if origin is not None and (not isinstance(entry["text"], str) or not _current(origin)):
            return None
        return entry
    except (OSError, ValueError, KeyError, TypeError, EOFError, AttributeError):
        return None


def _current(origin: dict[str, Any]) -> bool:
    """Whether a document's entry was made by the extractor installed now (zl's own
    readers are in the key already)."""
    extractor = str(origin["extractor"])
    if extractor.startswith("zl "):
        return True
    from .readers import library_version

    return bool(library_version(extractor) == origin["extractor_version"])


MAX_ENTRIES = 200  # parsed plans kept; the oldest go first


def _prune(folder: Path) -> None:
    """Keep the cache to MAX_ENTRIES files, removing the least recently written."""
    entries = sorted(folder.glob("*.marshal"), key=lambda f: f.stat().st_mtime)
    for old in entries[: max(0, len(entries) - MAX_ENTRIES)]:
        old.unlink(missing_ok=True)


def _write_cache(raw: RawSource, loaded: LoadedPlan) -> None:
    entry: dict[str, Any] = {"encoding": loaded.encoding, "plan": dict(loaded.plan)}
    if loaded.origin is not None:  # a document: its text and provenance too
        entry.update(origin=loaded.origin, text=loaded.text)
    _write_entry(raw, entry)


def _write_entry(raw: RawSource, entry: dict[str, Any]) -> None:
    file = _cache_file(raw)
    if file is None:
        return
    import tempfile

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(entry))
            os.replace(tmp, file)
            _prune(file.parent)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
