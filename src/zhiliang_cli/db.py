"""``zl db``: a SQLite database of a whole corpus of plans, and the queries that read it.

``zl db build PATHS… -o plans.db`` parses every plan (through :mod:`corpus`: in
parallel, through the cache) and writes it into the tables of :data:`SCHEMA` — plans,
sections, items, item_units, targets, with ``items_fts``, an FTS5 index of item titles
and text with the trigram tokenizer, kept in step with ``items`` by triggers, and
``meta`` (schema and zl versions).  It is plain SQLite: ``sqlite3``, Datasette,
DuckDB and pandas open it with no configuration.

Run again on the same database, a build is incremental: a file whose SHA-256 is the
one recorded is not parsed and nothing is written for it (a build with nothing to do
writes nothing at all, not even a transaction); a changed file's plan is replaced
under the same id; ``prune`` removes plans whose files are gone.  Each plan is written
in one transaction, so a build that is interrupted, even by ``kill -9``, leaves every
plan either whole or absent; the next build carries on.  While it writes, the
database is in WAL mode (a commit then costs no fsync); a finished build puts it back
in the default rollback-journal mode, one file with nothing beside it.

Every fact keeps its text as printed, its line and its span (``span_start``,
``span_end``: character offsets into the text ``zl text`` prints); a deadline keeps
its words and their span beside its date.  The records that :func:`db_items` and
:func:`db_search` give are those of ``zl items`` and ``zl search`` over the files,
each with its ``plan``, but for what the database does not keep: an item's ``group``
is its ``group_title``, and its ``notes`` are left out.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .corpus import BAD_NAME, Failed, Loaded, Reporter, Unchanged, default_jobs, expand, load_many, shown_path
from .errors import InputError, NotFoundError, OutputError, UsageError
from .query import REGEX_TIMEOUT, finder, hit_rows, items, parse_ref

if TYPE_CHECKING:
    from .cache import LoadedPlan
    from .records import DeadlineRecord, ItemRecord, TargetRecord

Row = dict[str, Any]

SCHEMA_VERSION = 3
TABLES = ("plans", "sections", "items", "item_units", "targets")
# Spans are [start, end) offsets, in characters, into the text zl reads from the file (what
# ``zl text`` prints), so that text[span_start:span_end] is the fact's text as printed.
SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    title TEXT,
    doc_number TEXT,
    date TEXT,
    issuers TEXT NOT NULL,
    plan_title TEXT,
    n_sections INTEGER NOT NULL,
    n_items INTEGER NOT NULL,
    n_targets INTEGER NOT NULL
);
CREATE INDEX plans_date ON plans (date);
CREATE TABLE sections (
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    numeral TEXT NOT NULL,
    title TEXT NOT NULL,
    line INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX sections_plan ON sections (plan_id, number);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    numeral TEXT NOT NULL,
    section INTEGER NOT NULL,
    group_title TEXT,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    line INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    lead_span_start INTEGER,
    lead_span_end INTEGER,
    deadline TEXT,
    deadline_text TEXT,
    deadline_start INTEGER,
    deadline_end INTEGER,
    UNIQUE (plan_id, number)
);
CREATE INDEX items_plan ON items (plan_id, section, number);
CREATE INDEX items_deadline ON items (deadline);
CREATE TABLE item_units (
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'cooperating'))
);
CREATE INDEX item_units_item ON item_units (item_id);
CREATE INDEX item_units_unit ON item_units (unit, role);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items (id) ON DELETE CASCADE,
    section INTEGER,
    text TEXT NOT NULL,
    line INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    number_text TEXT NOT NULL,
    number_start INTEGER NOT NULL,
    number_end INTEGER NOT NULL,
    value NUMERIC,
    low NUMERIC,
    high NUMERIC,
    unit TEXT NOT NULL,
    comparator TEXT NOT NULL,
    change TEXT,
    aspirational INTEGER NOT NULL CHECK (aspirational IN (0, 1)),
    subject TEXT,
    by_date TEXT,
    by_text TEXT,
    by_start INTEGER,
    by_end INTEGER
);
CREATE INDEX targets_plan ON targets (plan_id, section);
CREATE INDEX targets_item ON targets (item_id);
CREATE INDEX targets_unit ON targets (unit, comparator);
CREATE INDEX targets_by_date ON targets (by_date);
CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, text, content="items", content_rowid="id", tokenize="trigram"
);
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER items_au AFTER UPDATE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO items_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""
#: Queries shorter than this many characters cannot use the trigram index: LIKE instead.
TRIGRAM = 3
_CHUNK = 500  # ids per IN (...) list
#: Seconds to wait for another program that is writing the database before giving up.
BUSY_TIMEOUT = 30.0


# --- opening ---------------------------------------------------------------------------------


def _connect(target: str, **options: Any) -> sqlite3.Connection:
    conn: sqlite3.Connection = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT, **options)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _schema_version(conn: sqlite3.Connection, path: str, error: type[InputError] | type[OutputError]) -> str | None:
    """The schema version of a zl database; None when it has no tables yet."""
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not names:
            return None
        if "meta" not in names:
            raise error(f"{path} is a SQLite database that zl did not write: give another file")
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as problem:  # locked by another program, unreadable, …
        hint = "another program is writing it: try again when it is done" if "locked" in str(problem) else "check it"
        raise error(f"{path} cannot be read ({problem}); {hint}") from None
    except sqlite3.DatabaseError as problem:
        raise error(f"{path} is not a SQLite database ({problem}): give another file") from None
    version = row[0] if row else "?"
    if version != str(SCHEMA_VERSION):
        raise error(f"{path} has zl's schema version {version}, this zl uses {SCHEMA_VERSION}: build a new database")
    return str(version)


def open_read(path: str) -> sqlite3.Connection:
    """A read-only connection to a database written by ``zl db build``."""
    if not os.path.isfile(path):
        raise InputError(f"{path}: no such database; write it with zl db build PATHS -o {path}")
    try:
        conn = _connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as problem:
        raise InputError(f"{path} cannot be opened: {problem}") from None
    if _schema_version(conn, path, InputError) is None:
        raise InputError(f"{path} is an empty database: write it with zl db build PATHS -o {path}")
    return conn


# --- building --------------------------------------------------------------------------------


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
    with _Writer(database) as writer, Reporter(len(paths), "plans") as progress:
        for failed in unreadable:
            report.skipped += 1
            progress.note(failed.line)
        for outcome in load_many(paths, jobs or default_jobs(), writer.wanted):
            done = writer.put(outcome.path, outcome.loaded) if isinstance(outcome, Loaded) else outcome
            if isinstance(done, Failed):
                report.skipped += 1
                progress.note(done.line)
            elif isinstance(done, Unchanged):
                report.unchanged += 1
            elif done == "replaced":
                report.replaced += 1
            else:
                report.added += 1
            progress.advance()
        if prune:
            report.removed = writer.prune()
    return report


class _Writer:
    """The database being built: what it holds, and one transaction per plan written."""

    def __init__(self, path: str) -> None:
        self.path = path
        if os.path.isdir(path):
            raise OutputError(f"{path} is a directory: give a file name for -o")
        try:
            self.conn = _connect(path)
        except sqlite3.Error as problem:
            raise OutputError(f"cannot write {path}: {problem}") from None
        self.writing = False
        try:
            if _schema_version(self.conn, path, OutputError) is None:
                self._create()
            rows = self.conn.execute("SELECT file, id, sha256 FROM plans")
            self.known: dict[str, tuple[int, str]] = {file: (pid, sha) for file, pid, sha in rows}
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def wanted(self, path: str, sha256: str) -> bool:
        """Whether ``path`` must be (re)written: it is new, or its bytes changed."""
        known = self.known.get(path)
        return known is None or known[1] != sha256

    def _create(self) -> None:
        """The tables, all or nothing; when another build made them meanwhile, theirs."""
        self._begin()
        try:
            self.conn.executescript(f"BEGIN IMMEDIATE;{SCHEMA}{_meta_rows()}COMMIT;")
        except sqlite3.OperationalError as problem:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if _schema_version(self.conn, self.path, OutputError) is None:
                raise OutputError(f"cannot write {self.path}: {problem}") from None

    def _begin(self) -> None:
        """Before the first write: WAL mode, so that a commit needs no fsync (consistent still)."""
        if not self.writing:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.OperationalError as problem:
                raise OutputError(f"cannot write {self.path}: {problem}") from None
            self.writing = True

    def _transaction(self) -> _Transaction:
        self._begin()
        return _Transaction(self.conn, self.path)

    def put(self, path: str, loaded: LoadedPlan) -> str | Failed | Unchanged:
        """Write one plan in one transaction: "added", "replaced", Unchanged when another build
        wrote these very bytes meanwhile, or a Failed when the plan breaks a constraint of the
        schema (two items of one number: a parser bug), which leaves the database as it was."""
        try:
            with self._transaction() as conn:
                # what the database holds now: another build may have written this file since we looked
                old = conn.execute("SELECT id, sha256 FROM plans WHERE file = ?", (path,)).fetchone()
                if old is not None and old[1] == loaded.sha256:
                    return Unchanged(path)
                if old is not None:
                    conn.execute("DELETE FROM plans WHERE id = ?", (old[0],))
                conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'zl_version' AND value != ?", (__version__, __version__)
                )
                plan_id = insert_plan(conn, path, loaded, old[0] if old else None)
        except sqlite3.IntegrityError as problem:
            return Failed.of(path, f"cannot be written to the database ({problem}): report it as a zl bug")
        self.known[path] = (plan_id, loaded.sha256)
        return "added" if old is None else "replaced"

    def prune(self) -> int:
        """Remove the plans whose files are gone; how many."""
        gone = [(file, pid) for file, (pid, _) in self.known.items() if not os.path.exists(file)]
        for file, pid in gone:
            with self._transaction() as conn:
                conn.execute("DELETE FROM plans WHERE id = ?", (pid,))
            del self.known[file]
        return len(gone)

    def close(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is None:
            return
        try:
            if self.writing:  # back to one self-contained file
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error:
            pass  # still in WAL mode: consistent, and the next build finishes the job
        finally:
            conn.close()
            self.conn = None  # type: ignore[assignment]


def _meta_rows() -> str:
    """The rows of ``meta`` as SQL (for the one script that creates a database).

    >>> _meta_rows().startswith("INSERT INTO meta (key, value) VALUES ('schema_version', '3')")
    True
    """
    rows = [("schema_version", str(SCHEMA_VERSION)), ("zl_version", __version__)]
    values = ", ".join("('{}', '{}')".format(*(v.replace("'", "''") for v in row)) for row in rows)
    return f"INSERT INTO meta (key, value) VALUES {values};"


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as problem:
            raise OutputError(f"cannot write {self.path}: {problem}") from None
        return self.conn

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if kind is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.OperationalError as problem:
                self.conn.execute("ROLLBACK")
                raise OutputError(f"cannot write {self.path}: {problem}") from None
        self.conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError):
            raise OutputError(f"cannot write {self.path}: {error}") from None


#: The columns of ``items`` and ``targets`` that :func:`_item_row` and :func:`_target_row` fill, in order.
ITEM_COLUMNS = (
    "plan_id, number, numeral, section, group_title, title, text, line, span_start, span_end,"
    " lead_span_start, lead_span_end, deadline, deadline_text, deadline_start, deadline_end"
)
TARGET_COLUMNS = (
    "plan_id, item_id, section, text, line, span_start, span_end, number_text, number_start, number_end,"
    " value, low, high, unit, comparator, change, aspirational, subject, by_date, by_text, by_start, by_end"
)


def _marks(columns: str) -> str:
    """``?, ?, …``, one per column.

    >>> _marks("a, b, c")
    '?, ?, ?'
    """
    return ", ".join("?" * (columns.count(",") + 1))


def insert_plan(conn: sqlite3.Connection, path: str, loaded: LoadedPlan, plan_id: int | None = None) -> int:
    """Insert one parsed plan (inside the caller's transaction); its id."""
    plan = loaded.plan
    all_items = items(plan)
    n_targets = len(plan["targets"]) + sum(len(s["targets"]) for s in plan["sections"])
    n_targets += sum(len(i["targets"]) for i in all_items)
    cursor = conn.execute(
        "INSERT INTO plans (id, file, sha256, title, doc_number, date, issuers, plan_title, n_sections, n_items,"
        " n_targets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            plan_id,
            path,
            loaded.sha256,
            plan["title"],
            plan["doc_number"],
            plan["date"],
            json.dumps(plan["issuers"], ensure_ascii=False),
            plan["plan_title"],
            len(plan["sections"]),
            len(all_items),
            n_targets,
        ),
    )
    new_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO sections (plan_id, number, numeral, title, line, span_start, span_end)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(new_id, s["number"], s["numeral"], s["title"], s["line"], *s["span"]) for s in plan["sections"]],
    )
    _insert_targets(conn, new_id, None, plan["targets"])  # the preamble's
    for section in plan["sections"]:
        _insert_targets(conn, new_id, None, section["targets"])
        for item in section["items"]:
            item_id = conn.execute(
                f"INSERT INTO items ({ITEM_COLUMNS}) VALUES ({_marks(ITEM_COLUMNS)})", _item_row(new_id, item)
            ).lastrowid
            units = [(item_id, unit, "lead") for unit in item["lead_units"]]
            units += [(item_id, unit, "cooperating") for unit in item["cooperating_units"]]
            conn.executemany("INSERT INTO item_units (item_id, unit, role) VALUES (?, ?, ?)", units)
            _insert_targets(conn, new_id, item_id, item["targets"])
    return new_id


def _item_row(plan_id: int, item: ItemRecord) -> tuple[Any, ...]:
    """The values of :data:`ITEM_COLUMNS` for one item."""
    return (
        plan_id,
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


def _insert_targets(conn: sqlite3.Connection, plan_id: int, item_id: int | None, targets: list[TargetRecord]) -> None:
    conn.executemany(
        f"INSERT INTO targets ({TARGET_COLUMNS}) VALUES ({_marks(TARGET_COLUMNS)})",
        [_target_row(plan_id, item_id, t) for t in targets],
    )


def _target_row(plan_id: int, item_id: int | None, t: TargetRecord) -> tuple[Any, ...]:
    """The values of :data:`TARGET_COLUMNS` for one target."""
    return (
        plan_id,
        item_id,
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


def _deadline_record(date: str | None, text: str | None, start: int | None, end: int | None) -> DeadlineRecord | None:
    """The deadline of :func:`_deadline_values`'s columns, as the parser gives it.

    >>> _deadline_record("2024-06-30", "6月底前", 40, 44)
    {'text': '6月底前', 'span': [40, 44], 'date': '2024-06-30'}
    >>> _deadline_record(None, None, None, None) is None
    True
    """
    if text is None or start is None or end is None:
        return None
    return {"text": text, "span": [start, end], "date": date}


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def _number(value: int | float | None) -> int | float | None:
    """A value SQLite can hold: an integer beyond 64 bits becomes a float.

    >>> _number(5), _number(2**70) == 2.0**70, _number(None)
    (5, True, None)
    """
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        return float(value)
    return value


# --- reading ---------------------------------------------------------------------------------


def stats(path: str, top: int = 10) -> Row:
    """Rows per table and the units that lead most items."""
    conn = open_read(path)
    try:
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        leads = conn.execute(
            "SELECT u.unit, count(DISTINCT u.item_id), count(DISTINCT i.plan_id) FROM item_units u"
            " JOIN items i ON i.id = u.item_id WHERE u.role = 'lead'"
            " GROUP BY u.unit ORDER BY count(DISTINCT u.item_id) DESC, u.unit LIMIT ?",
            (top,),
        ).fetchall()
    finally:
        conn.close()
    return {
        "database": path,
        "schema_version": int(meta.get("schema_version", 0)),
        "zl_version": meta.get("zl_version"),
        "counts": counts,
        "top_leads": [{"name": unit, "item_count": n, "plan_count": plans} for unit, n, plans in leads],
    }


_ITEM_SELECT = (
    "SELECT p.file, i.id, i.number, i.numeral, i.section, i.group_title, i.title, i.text, i.lead_span_start,"
    " i.lead_span_end, i.deadline, i.deadline_text, i.deadline_start, i.deadline_end, i.span_start, i.span_end,"
    " i.line FROM items i JOIN plans p ON p.id = i.plan_id"
)
_TARGET_SELECT = (
    "SELECT t.item_id, i.number, t.section, t.text, t.span_start, t.span_end, t.line, t.number_text,"
    " t.number_start, t.number_end, t.value, t.low, t.high, t.unit, t.comparator, t.change, t.aspirational,"
    " t.subject, t.by_date, t.by_text, t.by_start, t.by_end FROM targets t LEFT JOIN items i ON i.id = t.item_id"
)


def db_items(
    path: str,
    section: str | None = None,
    leads: list[str] | None = None,
    has_targets: bool = False,
    cooperating: list[str] | None = None,
) -> list[Row]:
    """``zl items`` answered from the database: the same filters, the same records (with
    ``group_title`` for ``group`` and without ``notes``), each with its ``plan``."""
    conn = open_read(path)
    try:
        where: list[str] = ["1"]
        params: list[str | int] = []
        if section:
            number = parse_ref(section, "section")
            if conn.execute("SELECT 1 FROM sections WHERE number = ? LIMIT 1", (number,)).fetchone() is None:
                raise NotFoundError(f"there is no section {section} in any plan of {path}")
            where.append("i.section = ?")
            params.append(number)
        for role, names in (("lead", leads), ("cooperating", cooperating)):
            if names:
                anyof = " OR ".join("instr(u.unit, ?) > 0" for _ in names)
                where.append(
                    f"EXISTS (SELECT 1 FROM item_units u WHERE u.item_id = i.id AND u.role = '{role}' AND ({anyof}))"
                )
                params += names
        if has_targets:
            where.append("EXISTS (SELECT 1 FROM targets t WHERE t.item_id = i.id)")
        found = conn.execute(f"{_ITEM_SELECT} WHERE {' AND '.join(where)} ORDER BY p.file, i.id", params).fetchall()
        return _item_records(conn, found)
    finally:
        conn.close()


def _item_records(conn: sqlite3.Connection, found: list[tuple[Any, ...]]) -> list[Row]:
    ids = [row[1] for row in found]
    units: dict[int, dict[str, list[str]]] = {i: {"lead": [], "cooperating": []} for i in ids}
    targets: dict[int, list[Row]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for item_id, unit, role in conn.execute(
            f"SELECT item_id, unit, role FROM item_units WHERE item_id IN ({marks}) ORDER BY rowid", chunk
        ):
            units[item_id][role].append(unit)
        for row in conn.execute(f"{_TARGET_SELECT} WHERE t.item_id IN ({marks}) ORDER BY t.id", chunk):
            targets[row[0]].append(_target_record(row[1:]))
    return [_item_record(row, units[row[1]], targets[row[1]]) for row in found]


def _item_record(row: Sequence[Any], units: dict[str, list[str]], targets: list[Row]) -> Row:
    """An item as ``zl items`` gives it, from a row of :data:`_ITEM_SELECT`."""
    file, _, number, numeral, section, group_title, title, text, lead_start, lead_end, *rest = row
    deadline, (start, end, line) = rest[:4], rest[4:]
    return {
        "plan": file,
        "number": number,
        "numeral": numeral,
        "section": section,
        "group_title": group_title,
        "title": title,
        "text": text,
        "lead_units": units["lead"],
        "cooperating_units": units["cooperating"],
        "lead_span": _span(lead_start, lead_end),
        "deadline": _deadline_record(*deadline),
        "span": [start, end],
        "line": line,
        "targets": targets,
    }


def _target_record(row: Sequence[Any]) -> Row:
    """A target as ``zl targets`` gives it (without its item's lead units)."""
    item, section, text, start, end, line, number_text, number_start, number_end, *rest = row
    value, low, high, unit, comparator, change, aspirational, subject, *by = rest
    return {
        "item": item,
        "section": section,
        "text": text,
        "span": [start, end],
        "line": line,
        "number_text": number_text,
        "number_span": [number_start, number_end],
        "value": value,
        "low": low,
        "high": high,
        "unit": unit,
        "comparator": comparator,
        "change": change,
        "aspirational": bool(aspirational),
        "subject": subject,
        "by": _deadline_record(*by),
    }


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def db_search(path: str, query: str, use_regex: bool = False, ignore_case: bool = False) -> list[Row]:
    """``zl search`` answered from the database: the FTS index (trigram) narrows the items,
    the same matching as ``zl search`` finds the hits, each with its ``plan``."""
    if not query:
        raise UsageError("the search query is empty: give the text to look for")
    find = finder(query, use_regex, ignore_case)
    deadline = time.monotonic() + REGEX_TIMEOUT
    conn = open_read(path)
    try:
        rows: list[Row] = []
        for file, item_id, number, numeral, section, title, text, offset in _candidates(
            conn, query, use_regex, ignore_case
        ):
            found = list(find(text, deadline))
            if not found:
                continue
            lead_units = [
                unit
                for (unit,) in conn.execute(
                    "SELECT unit FROM item_units WHERE item_id = ? AND role = 'lead' ORDER BY rowid", (item_id,)
                )
            ]
            item = {"number": number, "numeral": numeral, "section": section, "title": title, "text": text}
            item |= {"lead_units": lead_units, "span": [offset, offset + len(text)]}
            rows += [{"plan": file, **row} for row in hit_rows(item, found)]
        return rows
    finally:
        conn.close()


def _candidates(conn: sqlite3.Connection, query: str, use_regex: bool, ignore_case: bool) -> Iterator[tuple[Any, ...]]:
    """Items that may contain ``query``: a superset, which the exact match then filters.

    The trigram index folds case; LIKE folds ASCII case only, so a case-blind search
    for a non-ASCII query scans every item, as a regular expression does."""
    select = (
        "SELECT p.file, i.id, i.number, i.numeral, i.section, i.title, i.text, i.span_start FROM items i"
        " JOIN plans p ON p.id = i.plan_id"
    )
    order = " ORDER BY p.file, i.id"
    if use_regex or (ignore_case and not query.isascii()):
        yield from conn.execute(select + order)
    elif len(query) >= TRIGRAM:
        phrase = '"' + query.replace('"', '""') + '"'
        yield from conn.execute(
            select + " WHERE i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)" + order, (phrase,)
        )
    else:
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        yield from conn.execute(select + " WHERE i.text LIKE ? ESCAPE '\\'" + order, (pattern,))
