"""``zl db build PATHS… -o plans.db``: every plan of a corpus written into the database of :mod:`db`.

The work flows one way.  The main process walks the folders and looks at each file's stat
facts (size, mtime, ctime, inode): a file whose facts are those recorded is unchanged, and is
neither read nor hashed.  Any other file goes to a worker (``--jobs`` processes, one per core
by default; they exit when the main process is gone), which reads it, hashes it, skips it when
its SHA-256 is the one recorded, else parses it and turns the plan into rows — tuples in the
columns' order, with the place, the qualified units and the bigram text of each item made
there too — and sends them back (:class:`_Workers`: a pipe and a sending thread each, so that a
worker never waits for the main process to read).  The main process only inserts.

Rows are written in batches of plans, one transaction a batch (:data:`BATCH_PLANS`), each plan
in a savepoint of its own, and the full-text index is filled once per batch, in bulk, from the
bigram text the workers made, with :data:`FTS_SETTINGS`.  So a build that is interrupted, even
by ``kill -9``, leaves every plan whole or absent and the indexes in step; the next build
carries on.  A plan that breaks a constraint
(a parser bug) is skipped and reported; an exception keeps the plans written before it.

A build does not write the parse cache (the database is its own cache), and a build with
nothing to do writes nothing at all, not even a transaction.  While it writes, the database is
in WAL mode (a commit then costs no fsync); a finished build puts it back in the default
rollback-journal mode, one file with nothing beside it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import stat
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .corpus import (
    BAD_NAME,
    PARENT_CHECK,
    Failed,
    Reporter,
    Unchanged,
    default_jobs,
    expand,
    file_type,
    shown_path,
    watch_parent,
)
from .db import (
    APPLICATION_ID,
    HAN_RANGES,
    SCHEMA,
    SCHEMA_VERSION,
    _connect,
    bigrams,
    check,
    is_separator,
    quarter_of,
    stamp,
    units_text,
)
from .errors import OutputError, UsageError, ZlError

if TYPE_CHECKING:
    from .cache import LoadedPlan
    from .records import DeadlineRecord, ItemRecord, PlanRecord, TargetRecord

#: Plans written in one transaction (and indexed in one go).
BATCH_PLANS = 128
#: Page cache of the writing connection, KB: the indexes of a large corpus stay in memory.
CACHE_KB = 64 * 1024
#: The full-text index's settings, kept in the database (FTS5's ``items_bigram_config``): terms
#: gathered in memory up to 16 MB before they are written (one segment a batch, not one a
#: megabyte), and segments merged eight at a time rather than four.  Filling the index of
#: 2,000 plans (batches of 128) takes 12.1 M instructions a plan against 22.4 with FTS5's
#: defaults and batches of 64 (cachegrind); a query reads a few more segments (10 against 8).
FTS_SETTINGS = (("automerge", 8), ("hashsize", 16 << 20))
#: Plans in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_JOB = 8

PLAN_COLUMNS = (
    "file, sha256, file_stat, title, doc_number, date, issuers, plan_title, kind, year, level, region,"
    " province, city, county, n_sections, n_items, n_targets"
)
SECTION_COLUMNS = "id, plan_id, number, numeral, title, line, span_start, span_end"
ITEM_COLUMNS = (
    "id, plan_id, section_id, number, numeral, section, group_title, title, text, line, span_start, span_end,"
    " lead_span_start, lead_span_end, deadline, deadline_text, deadline_start, deadline_end, lead_units,"
    " lead_units_as_printed, cooperating_units, n_targets, region, level, year, kind"
)
UNIT_COLUMNS = "plan_id, item_id, unit, qualified_unit, role"
TARGET_COLUMNS = (
    "plan_id, item_id, section, text, line, span_start, span_end, number_text, number_start, number_end,"
    " value, low, high, unit, comparator, change, aspirational, subject, by_date, by_text, by_start, by_end,"
    " due_date, due_text, due_quarter, region, level, year, kind"
)


def _insert(table: str, columns: str) -> str:
    """``INSERT INTO table (columns) VALUES (?, …)``.

    >>> _insert("t", "a, b")
    'INSERT INTO t (a, b) VALUES (?, ?)'
    """
    return f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * (columns.count(',') + 1))})"


# --- in a worker: a plan as rows -------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRows:
    """A parsed plan as the rows of each table, ids left to the writer: a section is referred
    to by its index in ``sections``, an item by its index in ``items``."""

    path: str
    sha256: str
    plan: tuple[Any, ...]  # PLAN_COLUMNS after file, sha256, file_stat
    sections: list[tuple[Any, ...]]  # SECTION_COLUMNS after id, plan_id
    items: list[tuple[Any, ...]]  # (section index, *ITEM_COLUMNS after id, plan_id, section_id)
    units: list[tuple[Any, ...]]  # (item index, unit, qualified_unit, role)
    targets: list[tuple[Any, ...]]  # (item index or None, *TARGET_COLUMNS after plan_id, item_id)
    search: list[tuple[str, str]] = field(default_factory=list)  # items_bigram's text and units


def plan_rows(path: str, loaded: LoadedPlan) -> PlanRows:
    """The rows of one parsed plan."""
    from .places import plan_place, plan_year, qualified

    plan = loaded.plan
    place = plan_place(plan["issuers"], plan["title"], plan["plan_title"])
    year = plan_year(plan["title"], plan["plan_title"], plan["date"])
    facets = (place.region, place.level, year, _kind(plan))  # the plan's, in every item and target row
    names: dict[str, str] = {}  # a plan names its units again and again

    def full(unit: str) -> str:
        if unit not in names:
            names[unit] = qualified(unit, place)
        return names[unit]

    sections: list[tuple[Any, ...]] = []
    items: list[tuple[Any, ...]] = []
    units: list[tuple[Any, ...]] = []
    targets: list[tuple[Any, ...]] = []
    search: list[tuple[str, str]] = []
    targets += [(None, *_target_row(t, None), *facets) for t in plan["targets"]]  # the preamble's
    for s_index, section in enumerate(plan["sections"]):
        sections.append((section["number"], section["numeral"], section["title"], section["line"], *section["span"]))
        targets += [(None, *_target_row(t, None), *facets) for t in section["targets"]]
        for item in section["items"]:
            index = len(items)
            leads = [(unit, full(unit)) for unit in item["lead_units"]]
            others = [(unit, full(unit)) for unit in item["cooperating_units"]]
            row = (s_index, *_item_row(item), *_unit_columns(leads, others), len(item["targets"]), *facets)
            items.append(row)
            named = [(unit, full, "lead") for unit, full in leads] + [(u, full, "cooperating") for u, full in others]
            units += [(index, *unit) for unit in named]
            targets += [(index, *_target_row(t, item["deadline"]), *facets) for t in item["targets"]]
            search.append((item["text"], units_text(leads + others)))
    plan_row = (
        plan["title"],
        plan["doc_number"],
        plan["date"],
        to_json(plan["issuers"]),
        plan["plan_title"],
        facets[3],
        year,
        place.level,
        place.region,
        place.province,
        place.city,
        place.county,
        len(sections),
        len(items),
        len(targets),
    )
    texts = bigrams_many([text for text, _ in search] + [names for _, names in search])
    search = list(zip(texts[: len(search)], texts[len(search) :], strict=True))
    return PlanRows(path, loaded.sha256, plan_row, sections, items, units, targets, search)


def _kind(plan: PlanRecord) -> str | None:
    """The plan's kind (plan, reply, bulletin, regulation, decision, other) once the parser gives it."""
    kind = plan.get("kind")
    return kind if isinstance(kind, str) else None


def _item_row(item: ItemRecord) -> tuple[Any, ...]:
    return (
        item["number"],
        item["numeral"],
        item["section"],
        item["group"]["title"] if item["group"] else None,
        item["title"],
        item["text"],
        item["line"],
        *item["span"],
        *(item["lead_span"] or (None, None)),
        *_deadline_values(item["deadline"]),
    )


def _unit_columns(leads: list[tuple[str, str]], others: list[tuple[str, str]]) -> tuple[str, str | None, str | None]:
    """An item's units as items_full shows them: the lead units qualified (a JSON array) and as
    printed, the cooperating ones qualified (joined by 、; null when there are none).

    >>> _unit_columns([("市科技局", "杭州市科技局")], [])
    ('["杭州市科技局"]', '市科技局', None)
    """
    return (
        to_json([full for _, full in leads]),
        "、".join(unit for unit, _ in leads) or None,
        "、".join(full for _, full in others) or None,
    )


def _target_row(t: TargetRecord, deadline: DeadlineRecord | None) -> tuple[Any, ...]:
    """A target's columns; it is due by its own dated time, else by its item's ``deadline``,
    else by its own words with no date."""
    due = t["by"] if t["by"] and t["by"]["date"] else deadline or t["by"]
    due_date = due["date"] if due else None
    return (
        t["section"],
        t["text"],
        t["line"],
        *t["span"],
        t["number_text"],
        *t["number_span"],
        _number(t["value"]),
        _number(t["low"]),
        _number(t["high"]),
        t["unit"],
        t["comparator"],
        t["change"],
        int(t["aspirational"]),
        t["subject"],
        *_deadline_values(t["by"]),
        due_date,
        due["text"] if due else None,
        quarter_of(due_date) if due_date else None,
    )


def _deadline_values(deadline: DeadlineRecord | None) -> tuple[str | None, str | None, int | None, int | None]:
    """A deadline as columns: its date, its words as printed and their span.

    >>> _deadline_values({"text": "6月底前", "span": [40, 44], "date": "2024-06-30"})
    ('2024-06-30', '6月底前', 40, 44)
    >>> _deadline_values(None)
    (None, None, None, None)
    """
    if deadline is None:
        return None, None, None, None
    return deadline["date"], deadline["text"], deadline["span"][0], deadline["span"][1]


def _number(value: int | float | None) -> int | float | None:
    """A value SQLite can hold: an integer beyond 64 bits becomes a float.

    >>> _number(5), _number(2**70) == 2.0**70, _number(None)
    (5, True, None)
    """
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        return float(value)
    return value


def load_rows(path: str, known_sha: str | None) -> PlanRows | Unchanged | Failed:
    """In a worker: read ``path``, and unless its SHA-256 is ``known_sha``, parse it (not through
    the cache) and make its rows.  A file that cannot be read or is not a plan is a Failed."""
    from .cache import parse_raw
    from .source import read_bytes

    try:
        raw = read_bytes(path)
        if raw.sha256 == known_sha:
            return Unchanged(path)
        return plan_rows(path, parse_raw(raw))
    except ZlError as error:
        return Failed.of(path, str(error))
    except Exception as error:  # a parser bug must not stop a corpus: report it and go on
        return Failed.of(
            path, f"internal error: {type(error).__name__}: {error} (run zl check --debug --file {path}; report it)"
        )


# --- in the main process ------------------------------------------------------------------------


@dataclass
class BuildReport:
    database: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0

    def summary(self) -> str:
        """One line: what the build did.

        >>> BuildReport("p.db", added=2, unchanged=5, skipped=1).summary()
        'p.db: 2 plans added, 0 replaced, 5 unchanged, 0 removed; 1 file skipped'
        """
        line = (
            f"{self.database}: {self.added} plans added, {self.replaced} replaced, {self.unchanged} unchanged, "
            f"{self.removed} removed"
        )
        if self.skipped:
            line += f"; {self.skipped} file{'s' if self.skipped > 1 else ''} skipped"
        return line

    def count(self, outcome: str | Unchanged | Failed, progress: Reporter) -> None:
        if isinstance(outcome, Failed):
            self.skipped += 1
            progress.note(outcome.line)
        elif isinstance(outcome, Unchanged):
            self.unchanged += 1
        elif outcome == "replaced":
            self.replaced += 1
        else:
            self.added += 1
        progress.advance()


def build(database: str, files: Sequence[str], jobs: int | None = None, prune: bool = False) -> BuildReport:
    """Write the plans of ``files`` (files and folders) into ``database``, incrementally."""
    if "-" in files:
        raise UsageError(
            "zl db build records each plan by its file, and standard input (-) has none: save it to a file"
        )
    paths, unreadable = expand(files)
    unreadable += [Failed(path, f"{shown_path(path)}: {BAD_NAME}") for path in paths if shown_path(path) != path]
    paths = [path for path in paths if shown_path(path) == path]
    report = BuildReport(database)
    with Writer(database) as writer, Reporter(len(paths), "plans") as progress:
        for failed in unreadable:
            report.count(failed, progress)
            progress.done -= 1  # skipped before the count, not a file of it
        for outcome in writer.write(_outcomes(paths, jobs or default_jobs(), writer)):
            report.count(outcome, progress)
        if prune:
            report.removed = writer.prune()
    return report


def file_stat(path: str) -> str | Failed:
    """The stat facts that tell a file unchanged without reading it, or why it is not read:
    only regular files are (a FIFO would block, a device never end)."""
    try:
        info = os.stat(path)
    except OSError as error:
        return Failed.of(path, f"cannot be read ({error.strerror}); check the path")
    if not stat.S_ISREG(info.st_mode):
        return Failed.of(path, f"is not a regular file ({file_type(info.st_mode)}): give plan files only")
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


Outcome = PlanRows | Unchanged | Failed


def _outcomes(paths: list[str], jobs: int, writer: Writer) -> Iterator[tuple[str | None, Outcome]]:
    """Each path's outcome with its stat facts, in order: Unchanged from the stat facts alone,
    else from a worker (in this process when ``jobs`` is 1)."""
    jobs = max(1, min(jobs, default_jobs()))
    workers: _Workers | None = None
    pending: deque[tuple[str | None, Outcome | int]] = deque()  # an outcome, or the number of a task sent
    window = jobs * IN_FLIGHT_PER_JOB
    sent = 0
    try:
        for path in paths:
            facts = file_stat(path)
            known = writer.known.get(path)
            if isinstance(facts, Failed):
                pending.append((None, facts))
            elif known is not None and known[2] == facts:
                pending.append((facts, Unchanged(path)))
            elif jobs == 1:
                pending.append((facts, load_rows(path, known[1] if known else None)))
            else:
                workers = workers or _Workers(jobs)
                workers.send(sent, path, known[1] if known else None)
                pending.append((facts, sent))
                sent += 1
            while pending and (len(pending) > window or _ready(pending[0][1], workers)):
                yield _result(pending.popleft(), workers)
        while pending:
            yield _result(pending.popleft(), workers)
    except BaseException:
        if workers is not None:
            workers.close(stop=True)
        raise
    if workers is not None:
        workers.close()


def _ready(entry: Outcome | int, workers: _Workers | None) -> bool:
    return not isinstance(entry, int) or (workers is not None and workers.ready(entry))


def _result(pair: tuple[str | None, Outcome | int], workers: _Workers | None) -> tuple[str | None, Outcome]:
    facts, entry = pair
    if isinstance(entry, int):
        assert workers is not None
        return facts, workers.take(entry)
    return facts, entry


class _Workers:
    """``jobs`` processes that read, parse and make the rows of the plans sent to them.

    Each worker sends its outcomes through a pipe of its own, written by a thread of its own, so
    that it parses the next plan meanwhile instead of waiting for the main process to read (a
    plan's rows are more than a pipe holds); the main process reads them, in its one thread, when
    it needs them, and puts them back in the order they were sent.  A worker that dies ends its
    pipe: the build stops with an error, the plans written before kept.  Workers exit when the
    main process is gone, and are stopped when it stops early."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()
        self.tasks = context.SimpleQueue()
        self.arrived: dict[int, Outcome] = {}
        self.processes: list[Any] = []
        self.pipes: list[Any] = []
        for _ in range(jobs):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(self.tasks, writer, os.getpid()), daemon=True)
            process.start()
            writer.close()  # the worker's alone (and not inherited by the next): its end is the pipe's end
            self.processes.append(process)
            self.pipes.append(reader)

    def send(self, number: int, path: str, known_sha: str | None) -> None:
        self.tasks.put((number, path, known_sha))

    def ready(self, number: int) -> bool:
        """Whether the outcome of task ``number`` is here, taking in what arrived without waiting."""
        self._receive(0)
        return number in self.arrived

    def take(self, number: int) -> Outcome:
        """The outcome of task ``number``, waiting for it."""
        while number not in self.arrived:
            self._receive(None)
        return self.arrived.pop(number)

    def _receive(self, timeout: float | None) -> None:
        """Take in the outcomes that arrived (waiting up to ``timeout`` for one; None: for ever)."""
        import pickle
        from multiprocessing.connection import wait

        for pipe in wait(self.pipes, timeout):
            fd = pipe.fileno()  # type: ignore[union-attr]
            try:
                size = int.from_bytes(_read(fd, 8), "little")
                number, outcome = pickle.loads(_read(fd, size))
            except EOFError:  # its end, or a message cut short
                raise ZlError(self._died(self.pipes.index(pipe))) from None
            self.arrived[number] = outcome

    def _died(self, index: int) -> str:
        process = self.processes[index]
        process.join(timeout=PARENT_CHECK)
        code = process.exitcode
        how = f"killed by signal {-code}" if code and code < 0 else f"exit code {code}"
        return f"a worker process stopped ({how}); the plans written before it are kept: run the build again"

    def close(self, stop: bool = False) -> None:
        """Let the workers go once every outcome is taken, or ``stop`` them at once."""
        for process in self.processes:
            if stop:
                process.terminate()
            else:
                self.tasks.put(None)
        for process in self.processes:
            process.join(timeout=None if stop else PARENT_CHECK)
            if process.exitcode is None:
                process.terminate()
                process.join()
        for pipe in self.pipes:
            pipe.close()
        self.tasks.close()


def _read(fd: int, size: int) -> bytes:
    """``size`` bytes from the pipe ``fd``, waiting for them; EOFError when it ends before."""
    parts = []
    while size:
        part = os.read(fd, min(size, 1 << 20))
        if not part:
            raise EOFError
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _work(tasks: Any, pipe: Any, parent: int) -> None:
    """A worker: each task's outcome sent back with its number (by a thread, while the next is
    parsed), until it is told to stop.

    A message is its size (8 bytes) and its pickle, written by one call: the write does not
    hold the interpreter's lock, so the main process reads it whole while this one parses on
    (sent in parts, each part would wait for the parsing thread to let go of the lock)."""
    import pickle
    import queue
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    watch_parent(parent)
    outbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    fd = pipe.fileno()

    def send() -> None:
        while True:
            message = memoryview(outbox.get())
            while message:
                message = message[os.write(fd, message) :]

    threading.Thread(target=send, daemon=True).start()
    while (task := tasks.get()) is not None:
        number, path, known_sha = task
        data = pickle.dumps((number, load_rows(path, known_sha)), pickle.HIGHEST_PROTOCOL)
        outbox.put(len(data).to_bytes(8, "little") + data)


class Writer:
    """The database being built: what it holds, and one transaction per batch of plans."""

    def __init__(self, path: str) -> None:
        self.path = path
        if os.path.isdir(path):
            raise OutputError(f"{path} is a directory: give a file name for -o")
        try:
            self.conn = _connect(path)
        except sqlite3.Error as problem:
            raise OutputError(f"cannot write {path}: {problem}") from None
        self.writing = False
        self.touched: list[tuple[str, str]] = []  # unchanged files with new stat facts, to record
        try:
            if check(self.conn, path, OutputError) is None:
                self._create()
            rows = self.conn.execute("SELECT file, id, sha256, file_stat FROM plans")
            self.known: dict[str, tuple[int, str, str | None]] = {file: (pid, sha, st) for file, pid, sha, st in rows}
        except sqlite3.DatabaseError as problem:
            self.close()
            raise OutputError(f"cannot read {path} ({problem}): build it again into a new file") from None
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(finished=kind is None)

    def _create(self) -> None:
        """The tables, all or nothing; when another build made them meanwhile, theirs."""
        self._begin()
        try:
            self.conn.executescript(f"BEGIN IMMEDIATE;PRAGMA application_id = {APPLICATION_ID};{SCHEMA}{_meta_rows()}")
            for key, value in FTS_SETTINGS:
                with contextlib.suppress(sqlite3.OperationalError):  # an SQLite that does not know it: its default
                    self.conn.execute("INSERT INTO items_bigram (items_bigram, rank) VALUES (?, ?)", (key, value))
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as problem:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if check(self.conn, self.path, OutputError) is None:
                raise OutputError(f"cannot write {self.path}: {problem}") from None

    def _begin(self) -> None:
        """Before the first write: WAL mode, so that a commit needs no fsync (consistent still); the
        pages a plan's savepoint may have to restore kept in memory (half the system time of a
        build's main process went to writing them to a temporary file)."""
        if not self.writing:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.conn.execute(f"PRAGMA cache_size = {-CACHE_KB}")
                self.conn.execute("PRAGMA temp_store = MEMORY")  # each plan's savepoint journal: no temporary file
            except sqlite3.OperationalError as problem:
                raise OutputError(f"cannot write {self.path}: {problem}") from None
            self.writing = True

    def write(self, outcomes: Iterator[tuple[str | None, Outcome]]) -> Iterator[str | Unchanged | Failed]:
        """Write the plans among ``outcomes`` as they come, each in a savepoint of the open
        transaction, which is indexed and committed every :data:`BATCH_PLANS` plans; each path's
        outcome as it is settled: "added", "replaced" (once committed), Unchanged or Failed.

        The main process inserts a plan while the workers parse the next ones: nobody waits
        for a whole batch.  An exception keeps (indexes and commits) the plans written before it,
        unless SQLite itself failed."""
        batch: _Batch | None = None
        try:
            for facts, outcome in outcomes:
                if isinstance(outcome, PlanRows):
                    batch = batch or _Batch(self)
                    batch.put(facts, outcome)
                    if len(batch.done) >= BATCH_PLANS:
                        done, batch = batch, None
                        yield from done.commit()
                    continue
                if isinstance(outcome, Unchanged) and facts is not None and self.known[outcome.path][2] != facts:
                    self.touched.append((facts, outcome.path))  # read again: the same bytes, new stat facts
                yield outcome
            if batch is not None or self.touched:
                done, batch = batch or _Batch(self), None
                yield from done.commit()
        except BaseException as error:
            if batch is not None:
                batch.abandon(error)
            raise

    def put(self, path: str, loaded: LoadedPlan) -> str | Failed | Unchanged:
        """Write one parsed plan in a transaction of its own."""
        return next(self.write(iter([(None, plan_rows(path, loaded))])))

    def _put(
        self, conn: sqlite3.Connection, facts: str | None, rows: PlanRows, ids: _Ids
    ) -> tuple[str | Unchanged | Failed, int]:
        """One plan in a savepoint: "added", "replaced", Unchanged when another build wrote these very
        bytes meanwhile, or a Failed when it breaks a constraint of the schema (a parser bug); and its id."""
        conn.execute("SAVEPOINT plan")
        try:
            # what the database holds now: another build may have written this file since we looked
            old = conn.execute("SELECT id, sha256 FROM plans WHERE file = ?", (rows.path,)).fetchone()
            if old is not None and old[1] == rows.sha256:
                conn.execute("RELEASE plan")
                return Unchanged(rows.path), old[0]
            if old is not None:
                _delete_plan(conn, old[0])
            pid = insert_rows(conn, rows, facts, ids, old[0] if old else None)
        except sqlite3.IntegrityError as problem:
            conn.execute("ROLLBACK TO plan")
            conn.execute("RELEASE plan")
            return Failed.of(rows.path, f"cannot be written to the database ({problem}): report it as a zl bug"), 0
        except BaseException:
            conn.execute("ROLLBACK TO plan")
            conn.execute("RELEASE plan")
            raise
        conn.execute("RELEASE plan")
        return ("added" if old is None else "replaced"), pid

    def prune(self) -> int:
        """Remove the plans whose files are gone; how many."""
        gone = [(file, pid) for file, (pid, _, _) in self.known.items() if not os.path.exists(file)]
        if gone:
            with _Transaction(self) as conn:
                for _, pid in gone:
                    _delete_plan(conn, pid)
            for file, _ in gone:
                del self.known[file]
        return len(gone)

    def close(self, finished: bool = False) -> None:
        """Back to one self-contained file; when the build ``finished`` and wrote, stamped
        (:func:`db.stamp`: the next open need not check every page)."""
        conn = getattr(self, "conn", None)
        if conn is None:
            return
        whole = False
        try:
            if self.writing:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                whole = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
        except sqlite3.Error:
            pass  # still in WAL mode: consistent, and the next build finishes the job
        finally:
            conn.close()
            self.conn = None  # type: ignore[assignment]
        if whole and finished:
            stamp(self.path)


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


@dataclass
class _Ids:
    """The next section and item ids of a batch: never one that an earlier plan of it used,
    even when a replaced plan freed the highest."""

    section: int
    item: int


class _Batch:
    """The plans written in the open transaction: each in its savepoint as it comes, then indexed
    (the full-text index in bulk: a savepoint after it would flush it to disk, plan by plan)
    and committed together."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.transaction = _Transaction(writer)
        self.conn = self.transaction.__enter__()
        self.ids = _Ids(_next_id(self.conn, "sections"), _next_id(self.conn, "items"))
        self.done: list[tuple[str | None, str, str, str | Unchanged | Failed, int]] = []  # facts, path, sha…
        self.search: list[tuple[int, str, str]] = []  # items_bigram's rows of the plans written

    def put(self, facts: str | None, rows: PlanRows) -> None:
        first = self.ids.item
        outcome, pid = self.writer._put(self.conn, facts, rows, self.ids)
        self.done.append((facts, rows.path, rows.sha256, outcome, pid))
        if isinstance(outcome, str):
            self.search += [(first + k, *entry) for k, entry in enumerate(rows.search)]

    def _finish(self) -> None:
        """Index the plans written, record the stat facts of the files read again, and the version."""
        conn = self.conn
        conn.executemany("UPDATE plans SET file_stat = ? WHERE file = ?", self.writer.touched)
        conn.executemany("INSERT INTO items_bigram (rowid, text, units) VALUES (?, ?, ?)", self.search)
        if self.search:
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'zl_version' AND value != ?", (__version__, __version__)
            )

    def commit(self) -> Iterator[str | Unchanged | Failed]:
        """Index and commit; then each plan's outcome."""
        try:
            self._finish()
        except BaseException as error:
            self.transaction.__exit__(type(error), error, None)
            raise
        self.transaction.__exit__(None, None, None)
        self._settled()
        yield from (outcome for *_, outcome, _ in self.done)

    def abandon(self, error: BaseException) -> None:
        """An exception while the batch was open: the plans written are kept (indexed and
        committed) unless SQLite failed, in which case the whole batch is rolled back."""
        if not isinstance(error, sqlite3.Error):
            try:
                self._finish()
            except BaseException as other:
                self.transaction.__exit__(type(other), other, None)
                raise
        self.transaction.__exit__(type(error), error, None)
        if not isinstance(error, sqlite3.Error):
            self._settled()

    def _settled(self) -> None:
        """What the database now holds, as the writer knows it."""
        known = self.writer.known
        for facts, path, sha, outcome, pid in self.done:
            if isinstance(outcome, str):
                known[path] = (pid, sha, facts)
        for facts, path in self.writer.touched:
            pid, sha, _ = known[path]
            known[path] = (pid, sha, facts)
        self.writer.touched = []


def insert_rows(
    conn: sqlite3.Connection, rows: PlanRows, facts: str | None, ids: _Ids, plan_id: int | None = None
) -> int:
    """Insert one plan's rows (inside the caller's transaction); its id."""
    cursor = conn.execute(_insert("plans", "id, " + PLAN_COLUMNS), (plan_id, rows.path, rows.sha256, facts, *rows.plan))
    pid = int(cursor.lastrowid or 0)
    sections, items = ids.section, ids.item
    ids.section += len(rows.sections)
    ids.item += len(rows.items)
    conn.executemany(
        _insert("sections", SECTION_COLUMNS), [(sections + k, pid, *s) for k, s in enumerate(rows.sections)]
    )
    conn.executemany(
        _insert("items", ITEM_COLUMNS),
        [(items + k, pid, sections + s, *rest) for k, (s, *rest) in enumerate(rows.items)],
    )
    conn.executemany(_insert("item_units", UNIT_COLUMNS), [(pid, items + i, *u) for i, *u in rows.units])
    insert_targets(conn, [(pid, None if i is None else items + i, *rest) for i, *rest in rows.targets])
    return pid


def insert_targets(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    conn.executemany(_insert("targets", TARGET_COLUMNS), rows)


def _delete_plan(conn: sqlite3.Connection, plan_id: int) -> None:
    """Remove a plan, its rows (by cascade) and its items' entries in the index."""
    units: dict[int, list[tuple[str, str]]] = {}
    for item_id, unit, full in conn.execute(
        "SELECT item_id, unit, qualified_unit FROM item_units WHERE plan_id = ? ORDER BY rowid", (plan_id,)
    ):
        units.setdefault(item_id, []).append((unit, full))
    items = conn.execute("SELECT id, text FROM items WHERE plan_id = ? ORDER BY id", (plan_id,)).fetchall()
    texts = bigrams_many([text for _, text in items] + [units_text(units.get(item_id, [])) for item_id, _ in items])
    conn.executemany(
        "INSERT INTO items_bigram (items_bigram, rowid, text, units) VALUES ('delete', ?, ?, ?)",
        [
            (item_id, text, names)
            for (item_id, _), text, names in zip(items, texts[: len(items)], texts[len(items) :], strict=True)
        ],
    )
    conn.execute("DELETE FROM plans WHERE id = ?", (plan_id,))


def _meta_rows() -> str:
    """The rows of ``meta`` as SQL (for the one script that creates a database).

    >>> _meta_rows().startswith("INSERT INTO meta (key, value) VALUES ('schema_version', '5')")
    True
    """
    rows = [("schema_version", str(SCHEMA_VERSION)), ("zl_version", __version__)]
    values = ", ".join("('{}', '{}')".format(*(v.replace("'", "''") for v in row)) for row in rows)
    return f"INSERT INTO meta (key, value) VALUES {values};"


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception but for what a plan's
    savepoint kept: an exception after whole plans were written commits them first."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer

    def __enter__(self) -> sqlite3.Connection:
        self.writer._begin()
        conn = self.writer.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as problem:
            raise OutputError(f"cannot write {self.writer.path}: {problem}") from None
        return conn

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        conn = self.writer.conn
        if kind is None or not isinstance(error, sqlite3.Error):
            try:
                conn.execute("COMMIT")
            except sqlite3.OperationalError as problem:
                conn.execute("ROLLBACK")
                raise OutputError(f"cannot write {self.writer.path}: {problem}") from None
            return
        conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError):
            raise OutputError(f"cannot write {self.writer.path}: {error}") from None


# --- the bigram text, fast ------------------------------------------------------------------------


def bigrams_many(texts: Sequence[str]) -> list[str]:
    """:func:`db.bigrams` of each of ``texts``, computed with NumPy over all of them at once
    (a plan's items in one go: the pure-Python form costs as much as the parse).

    >>> bigrams_many(["推进标准化，PM2.5", "省", ""]) == [bigrams("推进标准化，PM2.5"), bigrams("省"), ""]
    True
    """
    if not texts:
        return []
    if any(SEPARATOR in text for text in texts):
        return [bigrams(text) for text in texts]
    return _bigrams_array(SEPARATOR.join(texts)).split(SEPARATOR)


SEPARATOR = "\x00"


def _bigrams_array(text: str) -> str:
    """:func:`db.bigrams` with NumPy: each character gives up to four code points — a space
    before a run, the character (a space for a separator; nothing for the last of a run of
    two or more), the next one when it pairs with it, a space after a pair or a lone one —
    and a mask keeps those written."""
    import numpy as np

    if not text:
        return text
    chars = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    basic = chars <= 0xFFFF
    if basic.all():
        kind = _kinds()[chars]
    else:  # beyond the basic plane: rare, asked one by one
        kind = _kinds()[np.where(basic, chars, 0)]
        for at in np.flatnonzero(~basic):
            kind[at] = is_separator(int(chars[at]))
    han = np.zeros(len(chars) + 2, dtype=bool)
    han[1:-1] = kind >= HAN
    this, before, after = han[1:-1], han[:-2], han[2:]
    pair = this & after
    start = this & ~before
    out = np.empty((len(chars), 4), dtype="<u4")
    out[:, 0] = out[:, 3] = 32
    out[:, 1] = np.where(kind & SPACE, 32, chars)
    out[:-1, 2] = out[1:, 1]
    written = np.empty((len(chars), 4), dtype=bool)
    written[:, 0] = start
    written[:, 1] = ~this | pair | start
    written[:, 2] = pair
    written[:, 3] = pair | (start & ~after)
    return out[written].tobytes().decode("utf-32-le")


#: What :func:`_kinds` says of a character: kept as it is, a space, a Chinese character, or
#: one of the ranges of Chinese characters that is none (unassigned: paired, then a space).
KEPT, SPACE, HAN, HAN_SPACE = 0, 1, 2, 3


@functools.cache
def _kinds() -> Any:
    """The kind of every character of the basic plane, as a NumPy array made once a process:
    :data:`SPACE` when :func:`db.is_separator` says so (but for ASCII, which the tokenizer
    parts itself), :data:`HAN` or :data:`HAN_SPACE` in :data:`db.HAN_RANGES`, else :data:`KEPT`."""
    import numpy as np

    kinds = np.array([SPACE if code > 0x7F and is_separator(code) else KEPT for code in range(0x10000)], np.uint8)
    for low, high in HAN_RANGES:
        kinds[low : high + 1] += HAN
    return kinds


#: JSON as the database keeps it (one encoder: json.dumps makes one a call).
to_json = json.JSONEncoder(ensure_ascii=False).encode
