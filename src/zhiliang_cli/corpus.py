"""Many plans at once: the files and folders named by ``--file``, loaded in parallel.

``--file`` may be repeated and may name folders: a folder yields every file under
it, recursively, whose suffix is in :data:`PLAN_SUFFIXES`, in the order of their
paths (hidden files and folders are passed over; a link to a folder is followed,
each real folder walked once, so a link loop ends).  A file whose name is not UTF-8
is reported and skipped: no record could name it.  Each plan keeps the path as
given (``corpus/2023/fujian.txt``), which becomes the ``plan`` key of its records
when there is more than one plan.

Loading goes through the parse cache: the bytes are read and hashed here, a
cached parse is used as it is, and only the plans the cache lacks are parsed, by
``jobs`` worker processes (parsing is CPU-bound).  At most a few plans per
worker are in flight at any time, so memory does not grow with the corpus.
A file that cannot be read or is not a plan becomes a :class:`Failed` outcome
with its one-line reason; the caller reports it and goes on.

Neither :mod:`concurrent.futures` nor Rich is imported unless a run needs them:
a pool only when some plan must be parsed with ``jobs > 1``, Rich only when a
progress bar is shown (on a terminal, after about a second).
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .cache import LoadedPlan, cached_plan, load_plan, load_source
from .errors import InputError, NotFoundError, UsageError, ZlError
from .source import PLAN_SUFFIXES, RawSource, read_bytes

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .records import PlanRecord

Row = dict[str, Any]

#: Seconds a run may take before a progress bar appears (on a terminal only).
PROGRESS_DELAY = 1.0
#: Plans in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_JOB = 4
#: Seconds between a worker's checks that the process that started it still runs.
PARENT_CHECK = 0.5


_ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r"})


@dataclass(frozen=True)
class Loaded:
    path: str
    loaded: LoadedPlan


@dataclass(frozen=True)
class Failed:
    path: str
    message: str

    @classmethod
    def of(cls, path: str, message: str) -> Failed:
        """A failure whose message names the file (most errors do; 'not a plan' does not).

        >>> Failed.of("a/b.txt", "no section headings").message
        'a/b.txt: no section headings'
        >>> Failed.of("./b.txt", "b.txt is empty").message
        'b.txt is empty'
        """
        named = path in message or os.path.normpath(path) in message
        return cls(path, message if named else f"{path}: {message}")

    @property
    def line(self) -> str:
        r"""The line reported on stderr: one line, whatever the file's name holds.

        >>> print(Failed("a\nb.txt", "a\nb.txt is empty").line)
        skipped: a\nb.txt is empty
        """
        return "skipped: " + self.message.translate(_ONE_LINE)


@dataclass(frozen=True)
class Unchanged:
    """A file the caller said it does not need (see ``wanted`` in :func:`load_many`)."""

    path: str


Outcome = Loaded | Failed | Unchanged


def default_jobs() -> int:
    """The number of cores this process may run on."""
    counter = getattr(os, "process_cpu_count", None)  # 3.13+
    if counter is not None:
        return int(counter() or 1)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def is_plan_file(name: str) -> bool:
    """Whether a folder yields the file called ``name``.

    >>> is_plan_file("2023.txt"), is_plan_file("2023.TXT"), is_plan_file(".draft.txt"), is_plan_file("a.xlsx")
    (True, True, False, False)
    """
    return not name.startswith(".") and name.lower().endswith(PLAN_SUFFIXES)


def expand(files: Iterable[str]) -> tuple[list[str], list[Failed]]:
    """The plan files named by ``files`` (folders walked) and the folders that could not be read.

    Files are kept as given, each once; a folder's files come in the order of their paths.
    """
    paths: list[str] = []
    failed: list[Failed] = []
    for given in files:
        if given != "-" and os.path.isdir(given):
            found = _walk(given, failed)
            if not found and not failed:
                raise InputError(
                    f"{given} is a directory with no plan files ({_suffixes()}) in it: "
                    "give a plan file or a folder that holds some"
                )
            paths += found
        else:
            paths.append(given)
    return list(dict.fromkeys(paths)), failed


def _walk(folder: str, failed: list[Failed]) -> list[str]:
    def unreadable(error: OSError) -> None:
        failed.append(Failed.of(str(error.filename), f"cannot be read ({error.strerror})"))

    found: list[str] = []
    seen = {os.path.realpath(folder)}  # each real folder once: a link to a folder is followed, a loop is not
    for root, dirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        kept = []
        for name in dirs:
            real = os.path.realpath(os.path.join(root, name))
            if not name.startswith(".") and real not in seen:
                seen.add(real)
                kept.append(name)
        dirs[:] = kept
        for name in names:
            path = os.path.join(root, name)
            if not is_plan_file(name):
                continue
            if shown_path(path) != path:
                failed.append(Failed(path, f"{shown_path(path)}: {BAD_NAME}"))
            elif (why := _not_readable(path)) is not None:
                failed.append(Failed.of(path, why))
            else:
                found.append(path)
    return sorted(found)


def _not_readable(path: str) -> str | None:
    """Why a file found in a folder is not read, or None: only regular files that we may read
    are (a FIFO would block the run, a device never end, a socket cannot be opened).

    >>> _not_readable("/dev/null")
    'is not a regular file (a character device): it is skipped'
    """
    try:
        info = os.stat(path)
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if not stat.S_ISREG(info.st_mode):
        return f"is not a regular file ({file_type(info.st_mode)}): it is skipped"
    if not os.access(path, os.R_OK):
        return "cannot be read (permission denied): check the file's permissions"
    return None


def file_type(mode: int) -> str:
    """What a file that is not a regular one is.

    >>> file_type(stat.S_IFIFO), file_type(stat.S_IFDIR)
    ('a FIFO', 'a directory')
    """
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return "not a plain file"


#: Why a file whose name is not UTF-8 text is skipped: its name is the ``plan`` of its records.
BAD_NAME = "its name is not valid UTF-8, so no record or database can name it: rename it (for example with convmv)"


def shown_path(path: str) -> str:
    r"""A path as it can be printed and stored: bytes that are not UTF-8 as ``\xNN``.

    >>> shown_path("a/b.txt")
    'a/b.txt'
    >>> print(shown_path(os.fsdecode(b"a/\xffb.txt")))
    a/\xffb.txt
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _suffixes() -> str:
    return ", ".join(f"*{suffix}" for suffix in PLAN_SUFFIXES)


# --- loading -------------------------------------------------------------------------------


def _parse(path: str, raw: RawSource) -> Loaded | Failed:
    """Parse one plan (in a worker process); a bad plan is a Failed, never an exception."""
    try:
        return Loaded(path, load_source(raw))
    except ZlError as error:
        return Failed.of(path, str(error))
    except Exception as error:  # a parser bug must not stop a corpus: report it and go on
        return Failed.of(
            path, f"internal error: {type(error).__name__}: {error} (run zl check --debug --file {path}; report it)"
        )


def load_many(paths: list[str], jobs: int, wanted: Callable[[str, str], bool] | None = None) -> Iterator[Outcome]:
    """Every plan of ``paths``, in order, parsing cache misses in ``jobs`` processes (at most
    one per core).

    ``wanted(path, sha256)`` returning False skips a file before it is parsed (an
    :class:`Unchanged` outcome): ``zl db build`` skips what the database already holds.
    """
    jobs = max(1, min(jobs, default_jobs(), len(paths)))  # more processes than cores only cost memory
    loader = _Loader(jobs, wanted)
    window = jobs * IN_FLIGHT_PER_JOB
    pending: deque[Outcome | Future[Loaded | Failed]] = deque()
    try:
        for path in paths:
            pending.append(loader.start(path))
            while pending and (len(pending) > window or _ready(pending[0])):
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        loader.close()


class _Loader:
    """Reads and hashes each file here; parses cache misses in place (one job) or in a pool
    started at the first miss, so a run whose plans are all cached never starts one."""

    def __init__(self, jobs: int, wanted: Callable[[str, str], bool] | None) -> None:
        self.jobs = jobs
        self.wanted = wanted
        self.pool: ProcessPoolExecutor | None = None

    def start(self, path: str) -> Outcome | Future[Loaded | Failed]:
        try:
            raw = read_bytes(path)
        except ZlError as error:
            return Failed.of(path, str(error))
        if self.wanted is not None and not self.wanted(path, raw.sha256):
            return Unchanged(path)
        hit = cached_plan(raw)
        if hit is not None:
            return Loaded(path, hit)
        if self.jobs <= 1:
            return _parse(path, raw)
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=watch_parent, initargs=(os.getpid(),))
        return self.pool.submit(_parse, path, raw)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def watch_parent(parent: int) -> None:
    """In a worker: exit when the parent is gone (killed), rather than wait for work for ever."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _ready(entry: Outcome | Future[Loaded | Failed]) -> bool:
    return isinstance(entry, Loaded | Failed | Unchanged) or entry.done()


def _result(entry: Outcome | Future[Loaded | Failed]) -> Outcome:
    if isinstance(entry, Loaded | Failed | Unchanged):
        return entry
    return entry.result()


# --- reporting -----------------------------------------------------------------------------


class _Bar(Protocol):
    def advance(self) -> None: ...
    def note(self, line: str) -> None: ...
    def close(self) -> None: ...


class Reporter:
    """Skipped files on stderr, one line each, and a progress bar (Rich, on stderr) when
    stderr is a terminal and the run has taken over :data:`PROGRESS_DELAY` seconds."""

    def __init__(self, total: int, label: str) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.started = time.monotonic()
        self.terminal = bool(getattr(sys.stderr, "isatty", lambda: False)())
        self.bar: _Bar | None = None

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def advance(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.advance()
        elif self.terminal and self.done < self.total and time.monotonic() - self.started > PROGRESS_DELAY:
            from .render import ProgressBar

            self.bar = ProgressBar(self.total, self.done, self.label)

    def note(self, line: str) -> None:
        if self.bar is not None:
            self.bar.note(line)
        else:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


# --- the plans of a command ------------------------------------------------------------------


class Plans:
    """The plans a command reads: one (its output as ever) or several (every record gains
    ``plan``, the path as given).  Files that cannot be read are reported and skipped."""

    def __init__(self, files: list[str] | None, jobs: int | None = None) -> None:
        self.bundled = not files
        self.paths, self.unreadable = expand(files or [])
        self.jobs = jobs or default_jobs()
        self.skipped = 0

    @property
    def single(self) -> bool:
        return self.bundled or (len(self.paths) == 1 and not self.unreadable)

    def one(self, command: str) -> LoadedPlan:
        """The one plan of a command that reads one plan."""
        return load_plan(self.one_path(command))

    def one_path(self, command: str) -> str | None:
        """The one file of a command that reads one file (None: the bundled plan)."""
        if not self.single:
            named = len(self.paths) + len(self.unreadable)
            raise UsageError(f"zl {command} reads one plan, and --file names {named} files: give one file")
        return None if self.bundled else self.paths[0]

    def _only(self) -> LoadedPlan:
        return load_plan(None if self.bundled else self.paths[0])

    def each(self) -> Iterator[tuple[str, LoadedPlan]]:
        """Every readable plan with its path, in order; the others reported on stderr."""
        with Reporter(len(self.paths), "plans") as report:
            for failed in self.unreadable:
                self._skip(failed, report)
            for outcome in load_many(self.paths, self.jobs):
                report.advance()
                if isinstance(outcome, Loaded):
                    yield outcome.path, outcome.loaded
                elif isinstance(outcome, Failed):
                    self._skip(outcome, report)

    def _skip(self, failed: Failed, report: Reporter) -> None:
        self.skipped += 1
        report.note(failed.line)

    def combine(self, one: Callable[[LoadedPlan], Any], many: Callable[[Iterable[tuple[str, LoadedPlan]]], Any]) -> Any:
        """``one(plan)`` for a single plan, else ``many`` over every plan."""
        if self.single:
            return one(self._only())
        return many(self.each())

    def rows(self, query: Callable[[PlanRecord], list[Any]]) -> list[Row]:
        """The records ``query`` gives for each plan: as they are for one plan, else each with its ``plan``."""
        return list(self.combine(lambda loaded: query(loaded.plan), lambda plans: tagged_rows(plans, query)))


def tagged_rows(plans: Iterable[tuple[str, LoadedPlan]], query: Callable[[PlanRecord], list[Any]]) -> list[Row]:
    """Each plan's records with its ``plan`` first.  A plan without the section or item asked
    for gives none; only when no plan has it is that an error."""
    rows: list[Row] = []
    missing: NotFoundError | None = None
    answered = 0
    for path, loaded in plans:
        try:
            found = query(loaded.plan)
        except NotFoundError as error:
            missing = missing or error
            continue
        answered += 1
        rows += [{"plan": path, **row} for row in found]
    if missing is not None and not answered:
        raise NotFoundError(f"{missing}, nor in any other plan given")
    return rows


def lead_rows_across(plans: Iterable[tuple[str, LoadedPlan]]) -> list[Row]:
    """Every lead unit with the items it leads in all plans, most first (ties in order of appearance)."""
    from .query import items

    led: dict[str, list[Row]] = {}
    for path, loaded in plans:
        for item in items(loaded.plan):
            for unit in item["lead_units"]:
                led.setdefault(unit, []).append({"plan": path, "number": item["number"]})
    ranked = sorted(led.items(), key=lambda pair: -len(pair[1]))
    return [
        {"name": name, "item_count": len(refs), "plan_count": len({r["plan"] for r in refs}), "items": refs}
        for name, refs in ranked
    ]


def check_across(plans: Iterable[tuple[str, LoadedPlan]]) -> Row:
    """``zl check`` over several plans: every problem with its ``plan``."""
    problems = [{"plan": path, **problem} for path, loaded in plans for problem in loaded.plan["problems"]]
    return {"ok": not problems, "problems": problems}
