"""`zl db`: the database holds what `zl items/targets --file` give for every plan; it is
incremental, consistent when interrupted, and documented column by column in docs/commands/db.md."""

from __future__ import annotations

import copy
import dataclasses
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiliang_cli import __version__, db, dbbuild, query
from zhiliang_cli.cache import LoadedPlan, load_plan

from .conftest import FIXTURES, ROOT, Result, one_error_line
from .corpus_fixture import Corpus, make_corpus

Run = Callable[..., Result]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path]:
    """One corpus and its database for the tests that only read them."""
    root = tmp_path_factory.mktemp("shared")
    plans = make_corpus(root / "corpus")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ZL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
        report = dbbuild.build(str(root / "plans.db"), [plans.arg], jobs=1)
    assert report.skipped == len(plans.bad)
    return plans, root / "plans.db"


@pytest.fixture
def plans(shared: tuple[Corpus, Path]) -> Corpus:
    return shared[0]


@pytest.fixture
def built(shared: tuple[Corpus, Path]) -> Path:
    return shared[1]


@pytest.fixture
def mine(zl: Run, tmp_path: Path) -> tuple[Corpus, Path]:
    """A corpus and its database of the test's own, to change."""
    plans = make_corpus(tmp_path / "corpus")
    out = tmp_path / "plans.db"
    result = zl("db", "build", plans.arg, "-o", str(out), "--jobs", "1")
    assert result.code == 1, result
    return plans, out


def _rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)  # plain sqlite3, no configuration
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# What the database keeps of a record from `zl items --file`: all but the group (its title only)
# and the notes.


def item_view(item: dict[str, Any]) -> dict[str, Any]:
    view = {k: v for k, v in item.items() if k not in ("group", "notes", "plan")}
    return {"group_title": item["group"]["title"] if item["group"] else None, **view}


# --- what is written ------------------------------------------------------------------------


def test_build_reports_bad_files_and_writes_everything_else(zl: Run, plans: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "plans.db"
    result = zl("db", "build", plans.arg, "-o", str(out))
    assert result.code == 1
    assert result.out == f"{out}: {len(plans.good)} plans added, 0 replaced, 0 unchanged, 0 removed; 3 files skipped\n"
    lines = result.err.splitlines()
    assert [line.split()[1].rstrip(":") for line in lines] == plans.bad
    assert all(line.startswith("skipped: ") for line in lines) and "Traceback" not in result.err
    assert [f for (f,) in _rows(out, "SELECT file FROM plans ORDER BY file")] == plans.good
    assert [p.name for p in tmp_path.iterdir()] == ["plans.db"]  # no journal, no WAL left


def test_every_plan_has_the_items_units_and_targets_of_zl_items(zl: Run, plans: Corpus, built: Path) -> None:
    from_db = db.db_items(str(built))
    for path in plans.good:
        expected = [item_view(item) for item in zl("items", "--file", path, "--format", "json").json()]
        assert [{k: v for k, v in row.items() if k != "plan"} for row in from_db if row["plan"] == path] == expected


def target_columns(t: dict[str, Any]) -> tuple[Any, ...]:
    by = (t["by"]["date"], t["by"]["text"]) if t["by"] else (None, None)
    numbers = (t["value"], t["low"], t["high"], t["unit"], t["comparator"], t["change"], int(t["aspirational"]))
    numbers += (t["subject"],)
    return (
        t["item"],
        t["section"],
        t["text"],
        *t["span"],
        t["line"],
        t["number_text"],
        *t["number_span"],
        *numbers,
        *by,
    )


def test_every_plan_has_the_targets_of_zl_targets(zl: Run, plans: Corpus, built: Path) -> None:
    columns = (
        "t.section, t.text, t.span_start, t.span_end, t.line, t.number_text, t.number_start, t.number_end,"
        " t.value, t.low, t.high, t.unit, t.comparator, t.change, t.aspirational, t.subject, t.by_date, t.by_text"
    )
    for path in plans.good:
        rows = _rows(
            built,
            f"SELECT i.number, {columns} FROM targets t JOIN plans p ON p.id = t.plan_id"
            " LEFT JOIN items i ON i.id = t.item_id WHERE p.file = ? ORDER BY t.id",
            path,
        )
        expected = zl("targets", "--file", path, "--format", "json").json()
        assert [target_columns(t) for t in expected] == rows
        n_targets = _rows(built, "SELECT n_targets FROM plans WHERE file = ?", path)
        assert n_targets == [(len(expected),)]


def test_spans_point_into_the_text_zl_reads(zl: Run, plans: Corpus, built: Path) -> None:
    """text[span] is the fact as printed, for every span column of the database."""
    for path in plans.good:
        text = zl("text", "--file", path).out
        for start, end, numeral, title in _rows(
            built,
            "SELECT s.span_start, s.span_end, s.numeral, s.title FROM sections s JOIN plans p ON p.id = s.plan_id"
            " WHERE p.file = ?",
            path,
        ):
            assert text[start:end].startswith(numeral) and title in text[start:end]
        for table in ("items", "targets"):
            for start, end, value in _rows(
                built,
                f"SELECT x.span_start, x.span_end, x.text FROM {table} x JOIN plans p ON p.id = x.plan_id"
                " WHERE p.file = ?",
                path,
            ):
                assert text[start:end] == value, (path, table)
        for start, end, number in _rows(
            built,
            "SELECT t.number_start, t.number_end, t.number_text FROM targets t JOIN plans p ON p.id = t.plan_id"
            " WHERE p.file = ?",
            path,
        ):
            assert text[start:end] == number


def test_plan_rows_hold_the_notice(zl: Run, plans: Corpus, built: Path) -> None:
    for path in plans.good:
        meta = zl("meta", "--file", path, "--format", "json").json()
        row = _rows(
            built,
            "SELECT sha256, title, doc_number, date, json(issuers), plan_title, n_sections, n_items"
            " FROM plans WHERE file = ?",
            path,
        )
        issuers = "[" + ",".join(f'"{i}"' for i in meta["issuers"]) + "]"
        assert row == [
            (meta["sha256"], meta["title"], meta["doc_number"], meta["date"], issuers, meta["plan_title"],
             meta["sections"], meta["items"])
        ]  # fmt: skip


def test_the_database_is_consistent(built: Path) -> None:
    assert _rows(built, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(built, "PRAGMA foreign_key_check") == []
    _rows(built, "INSERT INTO items_bigram (items_bigram) VALUES ('integrity-check')")  # raises if out of step
    assert dict(_rows(built, "SELECT key, value FROM meta")) == {
        "schema_version": str(db.SCHEMA_VERSION),
        "zl_version": __version__,
        "checked": db.file_facts(str(built)),  # as zl left it: the next open need not check every page
    }
    assert _rows(built, "PRAGMA journal_mode") == [("delete",)]


def _with_deadlines(loaded: LoadedPlan) -> LoadedPlan:
    """The plan with a deadline on every item and a ``by`` on every target, taken from its own
    text (the parser may leave them null): what the database must keep, words and span."""
    plan = copy.deepcopy(loaded.plan)
    for item in query.items(plan):
        start = item["span"][0]
        item["deadline"] = {"text": item["text"][:4], "span": [start, start + 4], "date": "2024-06-30"}
        for target in item["targets"]:
            target["by"] = {
                "text": target["text"][:2],
                "span": [target["span"][0], target["span"][0] + 2],
                "date": None,
            }
    return dataclasses.replace(loaded, plan=plan)


def test_deadlines_and_spans_round_trip(tmp_path: Path) -> None:
    loaded = _with_deadlines(load_plan(str(FIXTURES / "province_2024.txt")))
    assert any(item["targets"] for item in query.items(loaded.plan))
    with dbbuild.Writer(str(tmp_path / "p.db")) as writer:
        assert writer.put("p.txt", loaded) == "added"
    expected = [{"plan": "p.txt", **item_view(dict(item))} for item in query.items(loaded.plan)]
    assert db.db_items(str(tmp_path / "p.db")) == expected


def test_a_plan_that_breaks_the_schema_is_skipped_and_leaves_the_database_as_it_was(
    zl: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, twice = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (good, twice):
        path.write_bytes((FIXTURES / "province_2024.txt").read_bytes())
    twice.write_text(twice.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # another sha256
    real = dbbuild.plan_rows

    def duplicating(path: str, loaded: LoadedPlan) -> dbbuild.PlanRows:
        if path == str(twice):  # two items of one number, as a parser bug would give
            plan = copy.deepcopy(loaded.plan)
            first = plan["sections"][0]["items"]
            first.append(first[0])
            loaded = dataclasses.replace(loaded, plan=plan)
        return real(path, loaded)

    monkeypatch.setattr(dbbuild, "plan_rows", duplicating)
    out = tmp_path / "plans.db"
    result = zl("db", "build", str(good), str(twice), "-o", str(out), "--jobs", "1")
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err == (
        f"skipped: {twice}: cannot be written to the database"
        " (UNIQUE constraint failed: items.plan_id, items.number): report it as a zl bug\n"
    )
    assert result.out.startswith(f"{out}: 1 plans added")
    assert _rows(out, "SELECT file FROM plans") == [(str(good),)]
    _assert_whole_plans(out, 1)


# --- answering from the database ----------------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [
        [],
        ["--lead", "市场监管"],
        ["--lead", "省林业局", "--lead", "教育"],
        ["--cooperating", "科技"],
        ["--has-targets"],
        ["--section", "二"],
        ["--section", "8", "--lead", "省"],
    ],
    ids=lambda f: " ".join(f) or "all",
)
def test_items_from_the_db_equal_items_from_the_files(zl: Run, plans: Corpus, built: Path, filters: list[str]) -> None:
    from_db = zl("items", "--db", str(built), *filters, "--format", "json").json()
    from_files = zl("items", "--file", plans.arg, *filters, "--format", "json").json()
    assert from_db == [{"plan": row["plan"], **item_view(row)} for row in from_files]


@pytest.mark.parametrize(
    "query",
    [
        ["追溯"],
        ["质量提升"],
        ["品牌"],
        ["标"],
        ["标准"],
        ["监管"],
        ["%"],
        ["_"],
        ['"'],
        ["A"],
        ["--ignore-case", "a"],
        ["--ignore-case", "ccc"],
        ["--regex", r"\d+万批次"],
        ["--regex", "品牌|标准化"],
    ],
    ids=lambda q: " ".join(q),
)
def test_search_from_the_db_equals_search_of_the_files(zl: Run, plans: Corpus, built: Path, query: list[str]) -> None:
    from_db = zl("search", "--db", str(built), *query, "--format", "json")
    from_files = zl("search", "--file", plans.arg, *query, "--format", "json")
    assert from_db.code == 0
    assert from_db.json() == from_files.json()


@pytest.mark.parametrize("query", ["质量", "质量提升", "可追溯", "标准化", "省市场监管局"])
def test_the_bigram_index_finds_what_zl_search_finds(zl: Run, plans: Corpus, built: Path, query: str) -> None:
    """In sqlite3: MATCH the phrase of the query's pairs (for two characters, the word itself)."""
    found = {(h["plan"], h["number"]) for h in zl("search", "--file", plans.arg, query, "--format", "json").json()}
    assert found
    phrase = db.fts_query(query)
    assert (phrase == f'"{query}"') == (len(query) == 2)
    indexed = _rows(
        built,
        "SELECT p.file, i.number FROM items_bigram f JOIN items i ON i.id = f.rowid JOIN plans p ON p.id = i.plan_id"
        " WHERE items_bigram MATCH ?",
        "text : " + phrase,
    )
    assert {(file, number) for file, number in indexed} == found
    ranked = _rows(built, "SELECT rowid FROM items_bigram WHERE items_bigram MATCH ? ORDER BY rank", phrase)
    assert len(ranked) >= len(found)


def test_units_are_searchable_as_printed_and_qualified(built: Path) -> None:
    qualified = _rows(built, "SELECT DISTINCT unit, qualified_unit FROM item_units WHERE unit != qualified_unit")
    assert qualified
    for unit, full in qualified[:5]:
        for name in (unit, full):
            hits = _rows(
                built, "SELECT count(*) FROM items_bigram WHERE items_bigram MATCH ?", "units : " + db.fts_query(name)
            )
            assert hits[0][0] > 0, name


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("标", "LIKE"),
        ("A", "LIKE"),
        ("标准", "items_bigram"),
        ("5G", "LIKE"),
        ("标准化", "items_bigram"),
        ("5G基站", "LIKE"),
    ],
)
def test_each_query_length_has_its_index(built: Path, monkeypatch: pytest.MonkeyPatch, query: str, index: str) -> None:
    """Two Chinese characters or more: the bigram index; one character, or letters and digits
    (which the index reads as words): LIKE.  Each finds what zl search finds (the test above)."""
    statements: list[str] = []
    real = db._candidates

    def spying(conn: sqlite3.Connection, *args: Any) -> Iterator[tuple[Any, ...]]:
        conn.set_trace_callback(statements.append)
        yield from real(conn, *args)

    monkeypatch.setattr(db, "_candidates", spying)
    db.db_search(str(built), query)
    used = [s for s in statements if "items i" in s]
    assert len(used) == 1 and index in used[0]


def test_stats(zl: Run, plans: Corpus, built: Path) -> None:
    stats = zl("db", "stats", str(built), "--format", "json").json()
    for table in db.TABLES:
        assert stats["counts"][table] == _rows(built, f"SELECT count(*) FROM {table}")[0][0]
    assert stats["counts"]["plans"] == len(plans.good)
    leads = {row["name"]: row for row in zl("leads", "--file", plans.arg, "--format", "json").json()}
    assert len(stats["top_leads"]) == 10
    for row in stats["top_leads"]:
        assert (row["item_count"], row["plan_count"]) == (
            leads[row["name"]]["item_count"],
            leads[row["name"]]["plan_count"],
        )
    assert [r["item_count"] for r in stats["top_leads"]] == sorted(
        (r["item_count"] for r in leads.values()), reverse=True
    )[:10]
    table = zl("db", "stats", str(built), tty=True)
    assert table.code == 0 and "item_units" in table.out


# --- incremental ----------------------------------------------------------------------------


def test_a_rebuild_with_nothing_changed_writes_nothing(zl: Run, mine: tuple[Corpus, Path]) -> None:
    plans, built = mine
    before = (built.stat().st_mtime_ns, built.read_bytes())
    again = zl("db", "build", plans.arg, "-o", str(built))
    assert again.code == 1
    assert again.out == f"{built}: 0 plans added, 0 replaced, {len(plans.good)} unchanged, 0 removed; 3 files skipped\n"
    assert (built.stat().st_mtime_ns, built.read_bytes()) == before
    assert sorted(p.name for p in built.parent.iterdir()) == ["corpus", "plans.db"]  # nothing beside it


def test_a_changed_file_is_replaced(zl: Run, mine: tuple[Corpus, Path]) -> None:
    plans, built = mine
    path = plans.good[0]
    (plan_id,) = _rows(built, "SELECT id FROM plans WHERE file = ?", path)[0]
    text = Path(path).read_text(encoding="utf-8")
    assert "市场监管" in text
    Path(path).write_text(text.replace("市场监管", "市场监督"), encoding="utf-8")
    result = zl("db", "build", plans.arg, "-o", str(built))
    assert f"0 plans added, 1 replaced, {len(plans.good) - 1} unchanged" in result.out
    assert _rows(built, "SELECT id FROM plans WHERE file = ?", path) == [(plan_id,)]
    expected = [item_view(i) for i in zl("items", "--file", path, "--format", "json").json()]
    assert [
        {k: v for k, v in r.items() if k != "plan"} for r in db.db_items(str(built)) if r["plan"] == path
    ] == expected
    assert not [h for h in db.db_search(str(built), "市场监管局") if h["plan"] == path]
    assert [h for h in db.db_search(str(built), "市场监督局") if h["plan"] == path]
    _rows(built, "INSERT INTO items_bigram (items_bigram) VALUES ('integrity-check')")
    assert _rows(built, "PRAGMA foreign_key_check") == []


def test_prune_removes_plans_whose_files_are_gone(zl: Run, mine: tuple[Corpus, Path]) -> None:
    plans, built = mine
    gone = plans.good[-1]
    os.remove(gone)
    kept = zl("db", "build", plans.arg, "-o", str(built))
    assert "0 removed" in kept.out and _rows(built, "SELECT count(*) FROM plans WHERE file = ?", gone) == [(1,)]
    pruned = zl("db", "build", plans.arg, "-o", str(built), "--prune")
    assert "1 removed" in pruned.out
    assert [f for (f,) in _rows(built, "SELECT file FROM plans ORDER BY file")] == plans.good[:-1]
    assert _rows(
        built, "SELECT count(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = i.plan_id)"
    ) == [(0,)]
    _rows(built, "INSERT INTO items_bigram (items_bigram) VALUES ('integrity-check')")


# --- interrupted builds ---------------------------------------------------------------------


def _assert_whole_plans(path: Path, count: int) -> None:
    """Every plan in the database is complete, and nothing belongs to no plan."""
    assert _rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(path, "PRAGMA foreign_key_check") == []
    _rows(path, "INSERT INTO items_bigram (items_bigram) VALUES ('integrity-check')")
    assert _rows(path, "SELECT count(*) FROM plans") == [(count,)]
    assert _rows(
        path, "SELECT count(*) FROM plans p WHERE n_items != (SELECT count(*) FROM items WHERE plan_id = p.id)"
    ) == [(0,)]
    assert _rows(
        path, "SELECT count(*) FROM plans p WHERE n_targets != (SELECT count(*) FROM targets WHERE plan_id = p.id)"
    ) == [(0,)]


def test_an_exception_mid_plan_leaves_whole_plans(
    zl: Run, plans: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plans.db"
    real = dbbuild.insert_targets

    def failing(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        real(conn, rows)
        if rows and rows[0][0] == 3:  # inside the third plan's savepoint
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(dbbuild, "insert_targets", failing)
    result = zl("db", "build", plans.arg, "-o", str(out), "--jobs", "1")
    assert result.code == 70 and "disk on fire" in result.err
    _assert_whole_plans(out, 2)
    monkeypatch.setattr(dbbuild, "insert_targets", real)
    again = zl("db", "build", plans.arg, "-o", str(out), "--jobs", "1")
    assert f"{len(plans.good) - 2} plans added, 0 replaced, 2 unchanged" in again.out
    _assert_whole_plans(out, len(plans.good))


KILLED = """
import os, signal, sys
from zhiliang_cli import cli, dbbuild
dbbuild.BATCH_PLANS = int(sys.argv[3])
real = dbbuild.insert_targets
def killing(conn, rows):
    real(conn, rows)
    if rows and rows[0][0] == 3:
        os.kill(os.getpid(), signal.SIGKILL)
dbbuild.insert_targets = killing
cli.run(["db", "build", sys.argv[1], "-o", sys.argv[2], "--jobs", "1"])
"""


@pytest.mark.parametrize(("batch", "kept"), [(1, 2), (dbbuild.BATCH_PLANS, 0)])
def test_kill_9_mid_plan_leaves_whole_plans(zl: Run, plans: Corpus, tmp_path: Path, batch: int, kept: int) -> None:
    """Plans are committed a batch at a time: those of the batches before the kill are whole, the
    batch it hit is absent, and the next build carries on."""
    out = tmp_path / "plans.db"
    args = [sys.executable, "-c", KILLED, plans.arg, str(out), str(batch)]
    killed = subprocess.run(args, capture_output=True, check=False)
    assert killed.returncode == -9
    _assert_whole_plans(out, kept)
    again = zl("db", "build", plans.arg, "-o", str(out), "--jobs", "1")
    assert f"{len(plans.good) - kept} plans added, 0 replaced, {kept} unchanged" in again.out
    _assert_whole_plans(out, len(plans.good))


WORKER_KILLED = """
import os, signal, sys
from zhiliang_cli import cli, dbbuild
dbbuild.default_jobs = lambda: 2  # two workers even on one core: the test is of a worker's death
real = dbbuild.load_rows
def dying(path, known):
    if os.path.basename(path) == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(path, known)
dbbuild.load_rows = dying
sys.exit(cli.run(["db", "build", sys.argv[1], "-o", sys.argv[2], "--jobs", "2"]))
"""


def test_a_worker_killed_mid_build_stops_it_in_one_line_and_keeps_whole_plans(
    zl: Run, plans: Corpus, tmp_path: Path
) -> None:
    """A worker process that dies (kill -9, the out-of-memory killer) ends its pipe: the build
    stops with one line that says so, not a hang; what was written is whole, and the next build
    carries on."""
    out = tmp_path / "plans.db"
    victim = Path(plans.good[2]).name
    args = [sys.executable, "-c", WORKER_KILLED, plans.arg, str(out), victim]
    killed = subprocess.run(args, capture_output=True, text=True, check=False, timeout=120)
    assert killed.returncode == 70, killed.stderr
    *skipped, last = killed.stderr.splitlines()  # the corpus's bad files may be reported before it
    assert last.startswith("Error: ") and "worker process stopped (killed by signal 9)" in last
    assert all(line.startswith("skipped: ") for line in skipped), killed.stderr
    kept = _rows(out, "SELECT count(*) FROM plans")[0][0] if out.exists() else 0
    if out.exists():
        _assert_whole_plans(out, kept)
    again = zl("db", "build", plans.arg, "-o", str(out), "--jobs", "2")
    assert f"{len(plans.good) - kept} plans added, 0 replaced, {kept} unchanged" in again.out
    _assert_whole_plans(out, len(plans.good))


# --- refusals -----------------------------------------------------------------------------------


def _one_error_line(result: Result, code: int, words: str) -> None:
    assert result.code == code, result
    assert result.err.startswith("Error: ") and result.err.count("\n") == 1 and words in result.err


def test_output_that_is_not_a_zl_database(zl: Run, plans: Corpus, tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database " * 100, encoding="utf-8")
    _one_error_line(zl("db", "build", plans.good[0], "-o", str(text)), 5, "is not a SQLite database")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    _one_error_line(zl("db", "build", plans.good[0], "-o", str(other)), 5, "that zl did not write")
    _one_error_line(zl("db", "build", plans.good[0], "-o", str(tmp_path)), 5, "is a directory")


def test_standard_input_is_refused(zl: Run, plans: Corpus, tmp_path: Path) -> None:
    """A plan from stdin has no file to record: every rebuild would add it again, --prune drop it."""
    _one_error_line(zl("db", "build", plans.good[0], "-", "-o", str(tmp_path / "p.db")), 2, "standard input (-)")
    assert not (tmp_path / "p.db").exists()


def test_reading_a_database_that_is_not_there(zl: Run, tmp_path: Path) -> None:
    _one_error_line(zl("items", "--db", str(tmp_path / "nope.db")), 3, "no such database")
    _one_error_line(zl("db", "stats", str(tmp_path / "nope.db")), 3, "no such database")
    assert not (tmp_path / "nope.db").exists()


def test_file_and_db_together(zl: Run, built: Path) -> None:
    """With --db, --file chooses among the plans recorded; one that is not there is an error."""
    _one_error_line(zl("items", "--db", str(built), "--file", str(built)), 2, "holds no plan built from")


def test_a_schema_of_another_version_is_refused(zl: Run, mine: tuple[Corpus, Path]) -> None:
    plans, built = mine
    conn = sqlite3.connect(built)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    _one_error_line(zl("db", "build", plans.arg, "-o", str(built)), 5, "schema version 99")
    _one_error_line(zl("items", "--db", str(built)), 3, "schema version 99")


def test_a_read_only_database_is_refused_in_one_line_when_it_must_change(
    zl: Run, mine: tuple[Corpus, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plans, built = mine
    real = db._connect
    monkeypatch.setattr(
        dbbuild, "_connect", lambda path, **kw: real(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    )
    same = zl("db", "build", plans.arg, "-o", str(built))  # nothing to write: fine
    assert same.code == 1 and f"{len(plans.good)} unchanged" in same.out
    Path(plans.good[0]).write_bytes(Path(plans.good[0]).read_bytes() + b"\n")
    refused = zl("db", "build", plans.arg, "-o", str(built))
    assert refused.code == 5 and "Traceback" not in refused.err
    *skipped, last = refused.err.splitlines()  # the files that are no plans, then the error
    assert all(line.startswith("skipped: ") for line in skipped)
    assert last.startswith("Error: ") and "attempt to write a readonly database" in last


def test_a_database_locked_by_another_program_is_named_so(
    zl: Run, mine: tuple[Corpus, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plans, built = mine
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.05)
    other = sqlite3.connect(built, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        for args, code in ((["db", "build", plans.arg, "-o", str(built)], 5), (["items", "--db", str(built)], 3)):
            result = zl(*args)
            _one_error_line(result, code, "database is locked); another program is writing it")
            assert "not a SQLite database" not in result.err
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_plan_another_build_wrote_meanwhile_is_not_written_twice(plans: Corpus, tmp_path: Path) -> None:
    out, path = str(tmp_path / "plans.db"), plans.good[0]
    loaded = load_plan(path)
    with dbbuild.Writer(out) as first, dbbuild.Writer(out) as second:  # both opened before either wrote
        assert first.put(path, loaded) == "added"
        assert second.put(path, loaded) == dbbuild.Unchanged(path)
        changed = dataclasses.replace(loaded, sha256="0" * 64)
        assert second.put(path, changed) == "replaced"
    assert _rows(Path(out), "SELECT count(*), sha256 FROM plans") == [(1, "0" * 64)]


def test_two_builds_creating_one_database_both_go_on(
    plans: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = str(tmp_path / "plans.db")
    dbbuild.Writer(out).close()  # the other build made the tables ...
    real, calls = dbbuild.check, []

    def not_yet(*args: Any) -> str | None:  # ... after this one looked
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(dbbuild, "check", not_yet)
    with dbbuild.Writer(out) as writer:
        assert writer.put(plans.good[0], load_plan(plans.good[0])) == "added"
    assert len(calls) == 2
    _assert_whole_plans(Path(out), 1)


# --- the README -------------------------------------------------------------------------------

DB_DOCS = ROOT / "docs" / "database.md"


def documented_columns() -> dict[str, list[str]]:
    """The schema table of docs/database.md: | table | column | type | meaning |, the table named once."""
    readme = DB_DOCS.read_text(encoding="utf-8")
    block = readme.split("<!-- schema -->")[1].split("<!-- /schema -->")[0]
    columns: dict[str, list[str]] = {}
    table = ""
    for line in block.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("table", "---"):
            continue
        table = cells[0] or table
        columns.setdefault(table, []).append(cells[1])
    return columns


def test_the_docs_document_every_column(built: Path) -> None:
    documented = documented_columns()
    tables = [
        name
        for (name,) in _rows(
            built,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'items_fts_%'"
            " AND name NOT LIKE 'items_bigram_%' ORDER BY rowid",
        )
    ]
    assert list(documented) == tables
    for table in tables:
        assert documented[table] == [row[1] for row in _rows(built, f"PRAGMA table_info({table})")], table
    views = {name for (name,) in _rows(built, "SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert views == {"items_full", "targets_full"}


def test_the_readme_names_the_db_commands() -> None:
    readme = DB_DOCS.read_text(encoding="utf-8") + (ROOT / "docs" / "commands" / "db.md").read_text(encoding="utf-8")
    for command in ("zl db build", "zl db stats", "zl search --db", "zl items --db"):
        assert command in readme


def test_help(zl: Run) -> None:
    for args in (["db", "--help"], ["db", "build", "--help"], ["db", "stats", "--help"]):
        result = zl(*args)
        assert result.code == 0 and "Usage:" in result.out
    assert "build" in zl("db").out and "db" in zl("--help").out


# --- zl progress --db: judged reports, quarter by quarter -----------------------------------------


@pytest.fixture
def ledger_db(zl: Run, tmp_path: Path) -> tuple[Path, Path, Path]:
    """The small plan of the ledger tests in a database (beside another plan), and its ledger."""
    from .workbooks import write_plan

    plan = write_plan(tmp_path)
    out = tmp_path / "plans.db"
    assert zl("db", "build", str(plan), str(FIXTURES / "province_2024.txt"), "-o", str(out), "--jobs", "1").code == 0
    ledger = tmp_path / "台账.xlsx"
    assert zl("ledger", "--file", str(plan), "-o", str(ledger)).code == 0
    return plan, out, ledger


def _filled(ledger: Path, name: str, values: dict[str, Any]) -> Path:
    import shutil

    from .workbooks import fill

    copy = ledger.with_name(name)
    shutil.copy(ledger, copy)
    return fill(copy, targets=values)


#: 指标编号 -> what a clerk typed, each quarter; the small plan's 1-1 is 不少于 10 家, 2-1 少于 30 次.
QUARTERS = {
    "2025-Q1": {"1-1": "8家", "1-3": 0.1, "2-1": "很多"},
    "2025-Q2": {"1-1": "12", "1-3": 0.5, "2-1": 29, "1-5": "约100人"},
}


def test_progress_reports_of_two_quarters_are_kept_side_by_side(zl: Run, ledger_db: tuple[Path, Path, Path]) -> None:
    plan, out, ledger = ledger_db
    judged: dict[str, dict[str, Any]] = {}
    for quarter, values in QUARTERS.items():
        filled = _filled(ledger, f"{quarter}.xlsx", values)
        result = zl("progress", str(filled), "--db", str(out), "--quarter", quarter, "--format", "json")
        assert result.code == 0, result
        line = result.err.splitlines()[0]
        assert line == f"{out}: recorded the {quarter} report of =某市2025年质量工作要点, 10 targets"
        judged[quarter] = result.json()
        assert judged[quarter] == zl("progress", str(filled), "--file", str(plan), "--format", "json").json()
    reports = _rows(
        out, "SELECT r.quarter, p.file, r.ledger_files FROM progress_reports r JOIN plans p ON p.id = r.plan_id"
    )
    assert reports == [(q, str(plan), f'["{out.parent / q}.xlsx"]') for q in QUARTERS]
    for quarter, data in judged.items():
        recorded = _rows(
            out,
            "SELECT g.target_ref, g.value, g.value_text, g.status, g.ledger_file, t.text, i.number FROM progress g"
            " JOIN progress_reports r ON r.id = g.report_id JOIN targets t ON t.id = g.target_id"
            " LEFT JOIN items i ON i.id = g.item_id WHERE r.quarter = ? ORDER BY g.rowid",
            quarter,
        )
        expected = [
            (
                t["id"],
                t["actual"] if t["status"] in ("met", "unmet") else None,
                t["typed"],
                t["status"],
                t["source"] and t["source"]["file"],
                t["text"],
                t["item"],
            )
            for t in data["targets"]
        ]
        assert recorded == expected
    statuses = dict(
        _rows(
            out,
            "SELECT r.quarter || ' ' || g.target_ref, g.status FROM progress g"
            " JOIN progress_reports r ON r.id = g.report_id WHERE g.target_ref IN ('1-1', '2-1')",
        )
    )
    assert statuses == {"2025-Q1 1-1": "unmet", "2025-Q1 2-1": "invalid", "2025-Q2 1-1": "met", "2025-Q2 2-1": "met"}
    assert _rows(out, "PRAGMA foreign_key_check") == [] and _rows(out, "PRAGMA integrity_check") == [("ok",)]


def test_a_second_report_of_a_quarter_replaces_the_first_and_says_so(
    zl: Run, ledger_db: tuple[Path, Path, Path]
) -> None:
    _, out, ledger = ledger_db
    first = _filled(ledger, "first.xlsx", {"1-1": 5})
    assert zl("progress", str(first), "--db", str(out), "--quarter", "2025年第二季度", "--format", "json").code == 0
    (recorded_at,) = _rows(out, "SELECT recorded_at FROM progress_reports")[0]
    second = _filled(ledger, "second.xlsx", {"1-1": 15})
    result = zl("progress", str(second), "--db", str(out), "--quarter", "2025-q2", "--format", "json")
    assert result.code == 0
    assert result.err == (
        f"{out}: recorded the 2025-Q2 report of =某市2025年质量工作要点, 10 targets, replacing the one recorded "
        f"{recorded_at}\n"
    )
    assert _rows(out, "SELECT quarter, ledger_files FROM progress_reports") == [("2025-Q2", f'["{second}"]')]
    assert _rows(out, "SELECT count(*), sum(status = 'met') FROM progress") == [(10, 1)]


def test_the_quarter_is_that_of_the_ledgers_date_unless_given(zl: Run, ledger_db: tuple[Path, Path, Path]) -> None:
    import datetime as dt

    from zhiliang_cli.db import quarter_of

    _, out, ledger = ledger_db
    result = zl("progress", str(_filled(ledger, "now.xlsx", {"1-1": 12})), "--db", str(out), "--format", "json")
    today = dt.date.today().isoformat()  # openpyxl saved it just now
    assert result.code == 0 and quarter_of(today) in result.err
    assert _rows(out, "SELECT quarter, ledger_date FROM progress_reports") == [(quarter_of(today), today)]


def test_a_ledger_whose_plan_is_not_in_the_database_is_refused(
    zl: Run, ledger_db: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _, out, _ = ledger_db
    other = tmp_path / "bundled.xlsx"
    assert zl("ledger", "-o", str(other)).code == 0  # the bundled plan's: not in the database
    before = out.read_bytes()
    one_error_line(zl("progress", str(other), "--db", str(out)), 3, "holds no plan with the SHA-256", "zl db build")
    assert out.read_bytes() == before


def test_a_plan_recorded_twice_is_named_with_file(zl: Run, ledger_db: tuple[Path, Path, Path], tmp_path: Path) -> None:
    plan, out, ledger = ledger_db
    twin = tmp_path / "twin" / "plan.txt"
    twin.parent.mkdir()
    twin.write_bytes(plan.read_bytes())
    assert zl("db", "build", str(twin), "-o", str(out)).code == 0
    one_error_line(zl("progress", str(ledger), "--db", str(out)), 2, "2 times", "--file")
    result = zl("progress", str(ledger), "--db", str(out), "--file", str(twin), "--quarter", "2025-Q3")
    assert result.code == 0
    assert _rows(out, "SELECT p.file FROM progress_reports r JOIN plans p ON p.id = r.plan_id") == [(str(twin),)]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--quarter", "2025-Q2"], 2, "give --db too"),
        (["--db", "{db}", "--quarter", "2025-Q5"], 2, "is not a quarter"),
        (["--db", "{dir}/nope.db"], 3, "no such database"),
        (["--db", "{dir}/other.db"], 3, "zl did not write"),
        (["--db", "{dir}/notes.db"], 3, "is not a SQLite database"),
    ],
    ids=["quarter without db", "bad quarter", "missing", "another program's", "not a database"],
)
def test_progress_db_refusals(
    zl: Run, ledger_db: tuple[Path, Path, Path], args: list[str], code: int, words: str
) -> None:
    _, out, ledger = ledger_db
    sqlite3.connect(out.parent / "other.db").execute("CREATE TABLE t (x)").connection.close()
    (out.parent / "notes.db").write_text("notes " * 1000, encoding="utf-8")
    named = [arg.format(db=out, dir=out.parent) for arg in args]
    one_error_line(zl("progress", str(ledger), *named), code, words)
    assert _rows(out, "SELECT count(*) FROM progress_reports") == [(0,)]


def test_a_damaged_database_is_refused_before_any_ledger_is_read(zl: Run, ledger_db: tuple[Path, Path, Path]) -> None:
    _, out, ledger = ledger_db
    pages = out.stat().st_size // 4096
    with open(out, "r+b") as file:
        file.seek(pages // 2 * 4096)
        file.write(bytes(4096))
    one_error_line(zl("progress", str(ledger), "--db", str(out)), 3, "is damaged")


def test_a_report_is_written_whole_or_not_at_all(
    zl: Run, ledger_db: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhiliang_cli import dbprogress

    _, out, ledger = ledger_db
    assert zl("progress", str(ledger), "--db", str(out), "--quarter", "2025-Q1").code == 0
    before = _rows(out, "SELECT * FROM progress ORDER BY rowid")
    real = dbprogress.ProgressDb._target_rows

    def breaking(self: dbprogress.ProgressDb, judged: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        rows = real(self, judged)
        return [*rows[:-1], (*rows[-1][:5], "half-done", rows[-1][6])]  # the last row breaks a CHECK

    monkeypatch.setattr(dbprogress.ProgressDb, "_target_rows", breaking)
    result = zl("progress", str(_filled(ledger, "q1.xlsx", {"1-1": 12})), "--db", str(out), "--quarter", "2025-Q1")
    assert result.code == 70 and "CHECK constraint failed" in result.err
    assert _rows(out, "SELECT * FROM progress ORDER BY rowid") == before  # the first report, whole
    assert _rows(out, "SELECT count(*) FROM progress_reports") == [(1,)]


def test_a_locked_database_is_named_so(
    zl: Run, ledger_db: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, ledger = ledger_db
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.05)
    other = sqlite3.connect(out, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = zl("progress", str(ledger), "--db", str(out), "--quarter", "2025-Q1", "--format", "json")
        assert result.code == 5 and result.out == ""
        assert result.err.splitlines()[-1].startswith(f"Error: cannot write {out} (database is locked)")
    finally:
        other.execute("ROLLBACK")
        other.close()


# --- the bigram index reads the words unicode61 would --------------------------------------------

ALPHABET = "标准化质量提升省局ab Z09.-_,;:!?()\n\t，。：；、（）《》“”％～·—①αβ😀"


@given(st.text(alphabet=ALPHABET, max_size=40))
@settings(max_examples=100, deadline=None)
def test_the_ascii_tokenizer_reads_the_words_unicode61_would(text: str) -> None:
    """The index is tokenized by FTS5's ascii tokenizer (cheaper to fill) over the text as
    bigrams() writes it, every character that is no letter or digit made a space: the tokens,
    and their positions, are those unicode61 reads from the pairs with the punctuation left in."""
    conn = sqlite3.connect(":memory:")
    for name, tokenizer in (("a", "ascii"), ("u", "unicode61")):
        conn.execute(f"CREATE VIRTUAL TABLE {name} USING fts5 (t, tokenize='{tokenizer}')")
        conn.execute(f"CREATE VIRTUAL TABLE {name}_v USING fts5vocab({name}, 'instance')")
    conn.execute("INSERT INTO a (rowid, t) VALUES (1, ?)", (db.bigrams(text),))
    pairs = db.RE_HAN_RUN.sub(lambda run: " " + db._pairs(run.group()) + " ", text)  # punctuation kept
    conn.execute("INSERT INTO u (rowid, t) VALUES (1, ?)", (pairs,))
    ascii_tokens = conn.execute("SELECT term, offset FROM a_v ORDER BY offset").fetchall()
    assert ascii_tokens == conn.execute("SELECT term, offset FROM u_v ORDER BY offset").fetchall()
    assert dbbuild.bigrams_many([text]) == [db.bigrams(text)]
