"""``zl db``: a SQLite database of a whole corpus of plans, and the queries that read it.

``zl db build PATHS… -o plans.db`` (:mod:`dbbuild`) writes every plan into the tables of
:data:`SCHEMA`: ``plans`` (with where each is from, its year and kind), ``sections`` (with a
key), ``items`` (referencing their section), ``item_units`` (each unit as printed and as
qualified by the plan's place, with its plan), ``targets``, the views ``items_full`` and
``targets_full`` that bring all of an item's or a target's facts into one row, and a
full-text index of the items, ``items_bigram``: every pair of adjacent Chinese characters a
token (contentless FTS5, ``ascii`` over the text as :func:`bigrams` writes it; the item's
text, and its units as printed and qualified), so that any word of two characters or more is
found, ranked: ``WHERE items_bigram MATCH '标准'`` for two characters, ``MATCH '"标准 准化"'``
(:func:`fts_query` writes it) for more.  It costs half what a trigram index costs to build
(measured in docs/database.md), which is why there is no trigram index.

It is plain SQLite: ``sqlite3``, Datasette, DuckDB and pandas open it with no configuration.

Every database is opened through one check (:func:`check`): its application id (``zl`` writes
:data:`APPLICATION_ID`), its schema version, and the pages every later query reads: a file that
is not zl's, another version, or a page that does not read (a zeroed page, a cut-off file) is
refused in one line, never a traceback.

Every fact keeps its text as printed, its line and its span (``span_start``, ``span_end``:
character offsets into the text ``zl text`` prints); a deadline keeps its words and their span
beside its date.  The records that :func:`db_items` and :func:`db_search` give are those of
``zl items`` and ``zl search`` over the files, each with its ``plan``, but for what the database
does not keep: an item's ``group`` is its ``group_title``, and its ``notes`` are left out.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import InputError, NotFoundError, OutputError, UsageError
from .query import REGEX_TIMEOUT, finder, hit_rows, parse_ref

Row = dict[str, Any]

SCHEMA_VERSION = 5
#: ``PRAGMA application_id`` of a zl database: "zlDB".
APPLICATION_ID = 0x7A6C4442
TABLES = ("plans", "sections", "items", "item_units", "targets", "progress_reports", "progress")
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
    file_stat TEXT,
    title TEXT,
    doc_number TEXT,
    date TEXT,
    issuers TEXT NOT NULL,
    plan_title TEXT,
    kind TEXT,
    year INTEGER,
    level TEXT,
    region TEXT,
    province TEXT,
    city TEXT,
    county TEXT,
    n_sections INTEGER NOT NULL,
    n_items INTEGER NOT NULL,
    n_targets INTEGER NOT NULL
);
CREATE INDEX plans_date ON plans (date);
CREATE INDEX plans_region ON plans (region);
CREATE INDEX plans_level ON plans (level);
CREATE INDEX plans_year ON plans (year);
CREATE INDEX plans_kind ON plans (kind);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
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
    section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
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
    lead_units TEXT NOT NULL,
    lead_units_as_printed TEXT,
    cooperating_units TEXT,
    n_targets INTEGER NOT NULL,
    region TEXT,
    level TEXT,
    year INTEGER,
    kind TEXT,
    UNIQUE (plan_id, number)
);
CREATE INDEX items_section ON items (section_id);
CREATE INDEX items_deadline ON items (deadline);
CREATE INDEX items_facets ON items (region, year, kind, level);
CREATE TABLE item_units (
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    qualified_unit TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'cooperating'))
);
CREATE INDEX item_units_item ON item_units (item_id);
CREATE INDEX item_units_plan ON item_units (plan_id);
CREATE INDEX item_units_qualified ON item_units (qualified_unit, role, item_id, plan_id);
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
    by_end INTEGER,
    due_date TEXT,
    due_text TEXT,
    due_quarter TEXT,
    region TEXT,
    level TEXT,
    year INTEGER,
    kind TEXT
);
CREATE INDEX targets_plan ON targets (plan_id, section);
CREATE INDEX targets_item ON targets (item_id);
CREATE INDEX targets_unit ON targets (unit, comparator);
CREATE INDEX targets_due ON targets (due_quarter, due_date);
CREATE INDEX targets_facets ON targets (region, year, kind, level);
CREATE TABLE progress_reports (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    quarter TEXT NOT NULL,
    ledger_date TEXT,
    ledger_files TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (plan_id, quarter)
);
CREATE TABLE progress (
    report_id INTEGER NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items (id) ON DELETE CASCADE,
    target_id INTEGER REFERENCES targets (id) ON DELETE CASCADE,
    target_ref TEXT NOT NULL,
    value NUMERIC,
    value_text TEXT,
    status TEXT NOT NULL CHECK (status IN ('met', 'unmet', 'unreported', 'invalid')),
    ledger_file TEXT
);
CREATE INDEX progress_report ON progress (report_id);
CREATE INDEX progress_item ON progress (item_id);
CREATE VIRTUAL TABLE items_bigram USING fts5 (text, units, content="", tokenize="ascii");
CREATE VIEW items_full AS
SELECT
    i.id, i.plan_id, (SELECT file FROM plans p WHERE p.id = i.plan_id) AS plan,
    (SELECT plan_title FROM plans p WHERE p.id = i.plan_id) AS plan_title, i.region, i.level, i.year, i.kind,
    i.section_id, i.section, (SELECT title FROM sections s WHERE s.id = i.section_id) AS section_title,
    i.number, i.numeral, i.group_title, i.title, i.text,
    i.lead_units, i.lead_units_as_printed, i.cooperating_units, i.deadline, i.deadline_text, i.n_targets,
    i.line, i.span_start, i.span_end
FROM items i;
CREATE VIEW targets_full AS
SELECT
    t.id, t.plan_id, (SELECT file FROM plans p WHERE p.id = t.plan_id) AS plan,
    (SELECT plan_title FROM plans p WHERE p.id = t.plan_id) AS plan_title, t.region, t.level, t.year, t.kind,
    t.section, (SELECT title FROM sections s WHERE s.plan_id = t.plan_id AND s.number = t.section) AS section_title,
    t.item_id, (SELECT number FROM items i WHERE i.id = t.item_id) AS item,
    (SELECT title FROM items i WHERE i.id = t.item_id) AS item_title,
    coalesce((SELECT lead_units FROM items i WHERE i.id = t.item_id), '[]') AS lead_units,
    t.text, t.number_text, t.value, t.low, t.high, t.unit, t.comparator, t.change, t.aspirational, t.subject,
    t.due_date, t.due_quarter, t.due_text,
    t.line, t.span_start, t.span_end
FROM targets t;
"""
_CHUNK = 500  # ids per IN (...) list
#: Seconds to wait for another program that is writing the database before giving up.
BUSY_TIMEOUT = 30.0


# --- the bigram index --------------------------------------------------------------------------

#: Chinese characters: CJK unified ideographs, their extension A, compatibility ideographs.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
RE_HAN_RUN = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in HAN_RANGES) + "]+")


def bigrams(text: str) -> str:
    """``text`` as the bigram index reads it: each run of Chinese characters as its pairs of
    adjacent characters, apart; every other character that is no letter or digit (punctuation,
    symbols, spaces: :func:`is_separator`) a space; letters and digits as they are (FTS5's
    ``ascii`` tokenizer makes words of them, and of nothing else).

    >>> bigrams("推进标准化建设，PM2.5下降")
    ' 推进 进标 标准 准化 化建 建设  PM2.5 下降 '
    >>> bigrams("省"), bigrams("（二）①α％")
    (' 省 ', '  二  ①α ')
    """
    paired = RE_HAN_RUN.sub(lambda run: " " + _pairs(run.group()) + " ", text)
    return "".join(" " if not ch.isascii() and is_separator(ord(ch)) else ch for ch in paired)


def is_separator(code: int) -> bool:
    """Whether a character that is not ASCII parts words, as FTS5's ``unicode61`` tokenizer
    would have it: all but letters, numbers and private-use characters (categories L*, N*, Co).

    >>> is_separator(ord("，")), is_separator(ord("α")), is_separator(ord("①")), is_separator(ord("％"))
    (True, False, False, True)
    """
    category = unicodedata.category(chr(code))
    return category[0] not in "LN" and category != "Co"


def _pairs(run: str) -> str:
    return run if len(run) == 1 else " ".join(run[i : i + 2] for i in range(len(run) - 1))


def fts_query(query: str) -> str:
    """An FTS5 query of ``items_bigram`` for the words of ``query``: each word (two characters
    or more) a phrase of its pairs, every word required.

    >>> fts_query("标准化 品牌")
    '"标准 准化" "品牌"'
    >>> fts_query('质量提升 "5G基站"')
    '"质量 量提 提升" "5G 基站"'
    >>> fts_query("  ")
    '""'
    """
    words = [" ".join(bigrams(word).split()) for word in query.replace('"', " ").split()]
    return " ".join(f'"{word}"' for word in words) or '""'


def units_text(units: Sequence[tuple[str, str]]) -> str:
    """The ``units`` column of ``items_bigram`` for an item's units (as printed, qualified),
    before :func:`bigrams`.

    >>> bigrams(units_text([("市科技局", "杭州市科技局"), ("省林业局", "省林业局")]))
    ' 市科 科技 技局   杭州 州市 市科 科技 技局   省林 林业 业局 '
    """
    return "；".join(f"{unit}；{full}" if full != unit else unit for unit, full in units)


def quarter_of(date: str) -> str:
    """The quarter a date (``YYYY-MM-DD``) falls in.

    >>> quarter_of("2024-03-31"), quarter_of("2024-04-01"), quarter_of("2024-12-05")
    ('2024-Q1', '2024-Q2', '2024-Q4')
    """
    return f"{date[:4]}-Q{(int(date[5:7]) + 2) // 3}"


# --- opening: the one check -----------------------------------------------------------------------


def _connect(target: str, **options: Any) -> sqlite3.Connection:
    conn: sqlite3.Connection = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT, **options)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def damaged(path: str, problem: sqlite3.Error) -> str:
    """The message for a database whose pages do not read (or a file that is no database)."""
    if getattr(problem, "sqlite_errorname", "") == "SQLITE_NOTADB":
        return f"{path} is not a SQLite database ({problem}): give another file"
    return f"{path} is damaged ({problem}): build it again with zl db build"


def check(
    conn: sqlite3.Connection, path: str, error: type[InputError] | type[OutputError], every_page: bool = True
) -> str | None:
    """The schema version of zl's database at ``conn``, None when it is new and empty; refuses,
    with ``error``, a file that is not a SQLite database, one that another program wrote or one
    of another version, and with an InputError (exit 3) one whose schema or pages do not read.

    Checked: the header and the schema (page 1 on), the application id, the schema version,
    and with ``every_page`` every page (``PRAGMA quick_check``, about 0.3 s for 100 MB) unless
    the file is as zl left it when it last wrote it, every page known sound (:func:`as_stamped`).
    A build, which trusts what it does not rewrite, ``zl progress --db`` and ``zl serve`` ask
    for every page; a query checks the pages it reads (SQLite refuses a damaged one,
    :class:`_Reading` says so in one line), so that its cost does not grow with the database.
    """
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if not names and application_id in (0, APPLICATION_ID):
            return None
        row = (
            conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if "meta" in names else None
        )
        if row is None:
            raise error(f"{path} is a SQLite database that zl did not write: give another file")
        if row[0] != str(SCHEMA_VERSION):
            raise error(f"{path} has zl's schema version {row[0]}, this zl uses {SCHEMA_VERSION}: build a new database")
        if application_id != APPLICATION_ID:
            raise error(f"{path} is a SQLite database that zl did not write: give another file")
        checked = not every_page or as_stamped(conn, path)
        problems = ["ok"] if checked else [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.OperationalError as problem:  # locked by another program, unreadable, …
        if "locked" in str(problem):
            hint = "another program is writing it: try again when it is done"
            raise error(f"{path} cannot be read ({problem}); {hint}") from None
        raise error(f"{path} cannot be read ({problem}); check it") from None
    except sqlite3.DatabaseError as problem:
        if getattr(problem, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise error(damaged(path, problem)) from None
        raise InputError(damaged(path, problem)) from None
    if problems != ["ok"]:  # damage is bad input, whoever reads it
        raise InputError(f"{path} is damaged ({problems[0]}): build it again with zl db build")
    return str(SCHEMA_VERSION)


# --- the stamp: a database as zl left it needs no check of every page ------------------------------

#: ``meta``'s key for the size and modification time (ns) its file had when zl last wrote it.
STAMP_KEY = "checked"
#: How far back the modification time is set: later writes, even on a file system that keeps
#: whole seconds or two (FAT), give the file another time.
STAMP_BACK_S = 3


def file_facts(path: str) -> str | None:
    """The size and modification time of ``path`` as :data:`STAMP_KEY` records them, or None."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return f"{info.st_size}:{info.st_mtime_ns}"


def as_stamped(conn: sqlite3.Connection, path: str) -> bool:
    """Whether the database at ``path`` is as zl left it when it last wrote it, every page
    then known sound (:func:`stamp`): its size and modification time are those recorded, and no
    journal or write-ahead log lies beside it.  Anything that writes to the file after — another
    program, a copy cut short, a page zeroed — gives it another modification time, and the next
    open checks every page again."""
    if any(os.path.exists(path + suffix) for suffix in ("-journal", "-wal")):
        return False
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STAMP_KEY,)).fetchone()
    return row is not None and row[0] == file_facts(path)


def stamp(path: str) -> None:
    """After zl wrote the database at ``path`` (checked before it wrote, consistent since, its
    journal gone): record the size and the modification time its file will have, then give the
    file that time, a few seconds back.  When the file system cannot keep it (or the file is
    not ours to touch), the next open does not find it and checks every page: no harm done."""
    moment = (time.time_ns() // 10**9 - STAMP_BACK_S) * 10**9
    try:
        conn = _connect(path)
        try:
            size = os.stat(path).st_size
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (STAMP_KEY, f"{size}:{moment}"))
        finally:
            conn.close()
        os.utime(path, ns=(os.stat(path).st_atime_ns, moment))
    except (OSError, sqlite3.Error):
        pass  # not stamped: the next open checks every page


def open_read(path: str, every_page: bool = False) -> sqlite3.Connection:
    """A read-only connection to a database written by ``zl db build``, checked (see :func:`check`)."""
    if not os.path.isfile(path):
        raise InputError(f"{path}: no such database; write it with zl db build PATHS -o {path}")
    try:
        conn = _connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as problem:
        raise InputError(f"{path} cannot be opened: {problem}") from None
    try:
        if check(conn, path, InputError, every_page) is None:
            raise InputError(f"{path} is an empty database: write it with zl db build PATHS -o {path}")
    except BaseException:
        conn.close()
        raise
    return conn


class _Reading:
    """``with _Reading(path) as conn``: a checked read-only connection; a page that does not
    read while the queries run is reported as damage, in one line."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        self.conn = open_read(self.path)
        return self.conn

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        self.conn.close()
        if isinstance(error, sqlite3.DatabaseError):
            raise InputError(damaged(self.path, error)) from None


def text_argument(value: str, what: str) -> str:
    r"""A value from the command line as text: bytes that are not UTF-8 are refused before SQL.

    >>> text_argument("标准", "the query")
    '标准'
    >>> text_argument(os.fsdecode(b"\xff"), "the query")
    Traceback (most recent call last):
    zhiliang_cli.errors.UsageError: the query is not valid UTF-8 text (byte 0xff): give it as UTF-8
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(value)
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            byte = raw[bad.start]
            raise UsageError(f"{what} is not valid UTF-8 text (byte 0x{byte:02x}): give it as UTF-8") from None
        return raw.decode("utf-8")
    return value


# --- reading ---------------------------------------------------------------------------------


def stats(path: str, top: int = 10) -> Row:
    """Rows per table and the units that lead most items."""
    with _Reading(path) as conn:
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        leads = conn.execute(
            "SELECT unit, count(DISTINCT item_id), count(DISTINCT plan_id) FROM item_units WHERE role = 'lead'"
            " GROUP BY unit ORDER BY count(DISTINCT item_id) DESC, unit LIMIT ?",
            (top,),
        ).fetchall()
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
    section = text_argument(section, "--section") if section is not None else None
    leads = [text_argument(name, "--lead") for name in leads or []]
    cooperating = [text_argument(name, "--cooperating") for name in cooperating or []]
    with _Reading(path) as conn:
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


def _deadline_record(date: str | None, text: str | None, start: int | None, end: int | None) -> Row | None:
    """The deadline of a row's columns (date, words, span), as the parser gives it.

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


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def db_search(path: str, query: str, use_regex: bool = False, ignore_case: bool = False) -> list[Row]:
    """``zl search`` answered from the database: the bigram index narrows the items (for a
    query of two Chinese characters or more), the same matching as ``zl search`` finds the
    hits, each with its ``plan``."""
    query = text_argument(query, "the search query")
    if not query:
        raise UsageError("the search query is empty: give the text to look for")
    find = finder(query, use_regex, ignore_case)
    deadline = time.monotonic() + REGEX_TIMEOUT
    with _Reading(path) as conn:
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


def _candidates(conn: sqlite3.Connection, query: str, use_regex: bool, ignore_case: bool) -> Iterator[tuple[Any, ...]]:
    """Items that may contain ``query``: a superset, which the exact match then filters.

    A query of Chinese characters only, two or more, is a phrase of the bigram index: every
    text that holds it holds its pairs, in a row.  Anything else (one character, letters or
    digits, which the index reads as words, not as characters) is looked for with LIKE, and
    a regular expression or a case-blind non-ASCII query scans every item (LIKE folds ASCII
    case only)."""
    select = (
        "SELECT p.file, i.id, i.number, i.numeral, i.section, i.title, i.text, i.span_start FROM items i"
        " JOIN plans p ON p.id = i.plan_id"
    )
    order = " ORDER BY p.file, i.id"
    if use_regex or (ignore_case and not query.isascii()):
        yield from conn.execute(select + order)
    elif len(query) >= 2 and RE_HAN_RUN.fullmatch(query):
        yield from conn.execute(
            select + " WHERE i.id IN (SELECT rowid FROM items_bigram WHERE items_bigram MATCH ?)" + order,
            (fts_query(query),),
        )
    else:
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        yield from conn.execute(select + " WHERE i.text LIKE ? ESCAPE '\\'" + order, (pattern,))
