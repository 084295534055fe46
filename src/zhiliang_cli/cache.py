"""Load a plan file, parsed, through a cache keyed by the file's content.

Entries are in :mod:`marshal` format (the fastest to load; only zl writes them, in
the user's own cache directory, atomically); the key is the SHA-256 of the file's bytes together with a fingerprint of
the parser's own code, so a cached result can never be stale: a changed file
or a changed parser is a different key.  A cache that cannot be read or
written is skipped silently; it never breaks a command.  ``ZL_NO_CACHE=1``
turns it off.  On a hit nothing is decoded and neither ``regex`` nor the
parser is imported.
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
from .source import RawSource, decode, read_bytes, sha256_hex


@dataclass(frozen=True)
class LoadedPlan:
    """A parsed plan and the facts of the file it came from."""

    plan: PlanRecord
    path: str
    encoding: str
    sha256: str
    size: int


def load_plan(path: str | None) -> LoadedPlan:
    """The parsed plan in ``path`` (the bundled plan when None)."""
    return load_source(read_bytes(path))


def cached_plan(raw: RawSource) -> LoadedPlan | None:
    """The parsed plan of ``raw`` if the cache holds it, else None; never parses."""
    return _read_cache(raw)


def load_source(raw: RawSource) -> LoadedPlan:
    """The parsed plan of bytes already read (so a worker process need not read the file)."""
    cached = _read_cache(raw)
    if cached is not None:
        return cached
    text, encoding = decode(raw)
    from .parser import parse_text  # imported only on a cache miss

    loaded = LoadedPlan(parse_text(text), raw.path, encoding, raw.sha256, len(raw.data))
    _write_cache(raw, loaded)
    return loaded


def load_text(path: str | None) -> tuple[str, RawSource, str]:
    """The decoded text of ``path``, its bytes and its encoding (no cache)."""
    raw = read_bytes(path)
    text, encoding = decode(raw)
    return text, raw, encoding


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
        with os.scandir(Path(__file__).parent) as entries:
            modules = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".py"))
        stamp += [f"{name}:{info.st_size}:{info.st_mtime_ns}" for name, info in modules]
    except OSError:
        return None
    code = sha256_hex("|".join(stamp).encode())[:16]
    return default_cache_dir() / f"{raw.sha256}-{code}.marshal"


def _read_cache(raw: RawSource) -> LoadedPlan | None:
    file = _cache_file(raw)
    if file is None:
        return None
    try:
        entry: dict[str, Any] = marshal.loads(file.read_bytes())
        return LoadedPlan(cast("PlanRecord", entry["plan"]), raw.path, entry["encoding"], raw.sha256, len(raw.data))
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        return None


MAX_ENTRIES = 200  # parsed plans kept; the oldest go first


def _prune(folder: Path) -> None:
    """Keep the cache to MAX_ENTRIES files, removing the least recently written."""
    entries = sorted(folder.glob("*.marshal"), key=lambda f: f.stat().st_mtime)
    for old in entries[: max(0, len(entries) - MAX_ENTRIES)]:
        old.unlink(missing_ok=True)


def _write_cache(raw: RawSource, loaded: LoadedPlan) -> None:
    file = _cache_file(raw)
    if file is None:
        return
    import tempfile

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps({"encoding": loaded.encoding, "plan": dict(loaded.plan)}))
            os.replace(tmp, file)
            _prune(file.parent)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
