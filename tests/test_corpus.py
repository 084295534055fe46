"""Many plans at once: --file repeated and folders, parallel loading through the cache,
bad files reported and skipped, and every record of several plans with its `plan`."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from zhiliang_cli import corpus
from zhiliang_cli.errors import InputError

from .conftest import FIXTURES, Result
from .corpus_fixture import Corpus, make_corpus

Run = Callable[..., Result]


@pytest.fixture
def plans(tmp_path: Path) -> Corpus:
    return make_corpus(tmp_path / "corpus")


def _skipped_lines(result: Result) -> list[str]:
    return [line for line in result.err.splitlines() if line.startswith("skipped: ")]


# --- expanding --file -----------------------------------------------------------------------


def test_a_folder_yields_its_plan_files_recursively_in_path_order(plans: Corpus) -> None:
    paths, unreadable = corpus.expand([plans.arg])
    assert paths == sorted(plans.good + plans.bad)
    assert unreadable == []


def test_files_are_kept_as_given_and_once(plans: Corpus) -> None:
    first = str(plans.root / "problems.txt")
    paths, _ = corpus.expand([first, plans.arg + "/sub/", first, "-"])
    assert paths[0] == first and paths[-1] == "-"
    assert paths.count(first) == 1
    assert all(p.startswith(plans.arg + "/sub/") for p in paths[1:-1])  # the folder as given
    assert len(paths) == 1 + len([p for p in plans.good + plans.bad if "/sub/" in p]) + 1


def test_a_folder_with_no_plan_files_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"is a directory with no plan files \(\*\.txt, \*\.text, \*\.docx"):
        corpus.expand([str(tmp_path)])


def test_a_skipped_file_whose_name_holds_a_newline_is_one_line(zl: Run, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes((FIXTURES / "three_level.txt").read_bytes())
    (tmp_path / "bad\nname.txt").write_text("这不是工作要点。\n", encoding="utf-8")
    result = zl("items", "--file", str(tmp_path), "--format", "json")
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith(f"skipped: {tmp_path}/bad\\nname.txt: ")


def test_a_linked_folder_is_followed_and_a_link_loop_ends(tmp_path: Path) -> None:
    elsewhere, root = tmp_path / "elsewhere", tmp_path / "root"
    for folder in (elsewhere, root / "sub"):
        folder.mkdir(parents=True)
    (elsewhere / "linked.txt").write_bytes((FIXTURES / "three_level.txt").read_bytes())
    (root / "sub" / "plan.txt").write_bytes((FIXTURES / "three_level.txt").read_bytes())
    (root / "link").symlink_to(elsewhere, target_is_directory=True)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub" / "again").symlink_to(root / "sub", target_is_directory=True)
    assert corpus.expand([str(root)]) == ([str(root / "link" / "linked.txt"), str(root / "sub" / "plan.txt")], [])


def test_a_file_whose_name_is_not_utf8_is_skipped_in_one_line(zl: Run, tmp_path: Path) -> None:
    import os

    good = tmp_path / "good.txt"
    good.write_bytes((FIXTURES / "three_level.txt").read_bytes())
    bad = os.fsdecode(str(tmp_path).encode() + b"/bad\xffname.txt")
    Path(bad).write_bytes((FIXTURES / "three_level.txt").read_bytes())
    line = f"skipped: {tmp_path}/bad\\xffname.txt: its name is not valid UTF-8, so no record or database can name it"
    listed = zl("items", "--file", str(tmp_path), "--format", "json")
    assert listed.code == 1 and listed.err.startswith(line) and listed.err.count("\n") == 1
    assert {row["plan"] for row in listed.json()} == {str(good)}
    for given in (str(tmp_path), bad):  # a folder's file, or the file named
        built = zl("db", "build", given, str(good), "-o", str(tmp_path / "plans.db"))
        assert built.code == 1 and built.err.startswith(line) and built.err.count("\n") == 1, built
        assert "1 file skipped" in built.out and "Traceback" not in built.err


def test_the_suffixes_live_in_one_constant(plans: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "PLAN_SUFFIXES", (".txt", ".md"))
    paths, _ = corpus.expand([plans.arg])
    assert str(plans.root / "notes.md") in paths


# --- several plans in every command --------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["items"],
        ["items", "--lead", "市场监管"],
        ["targets"],
        ["targets", "--unit", "%"],
        ["sections"],
        ["search", "质量"],
        ["meta"],
    ],
    ids=lambda a: "-".join(a),
)
def test_a_folder_gives_the_union_of_its_plans_each_with_plan(zl: Run, plans: Corpus, args: list[str]) -> None:
    result = zl(*args, "--file", plans.arg, "--format", "json", "--jobs", "1")
    expected = []
    for path in plans.good:
        one = zl(*args, "--file", path, "--format", "json")
        rows = one.json() if isinstance(one.json(), list) else [one.json()]  # zl meta: one record
        assert one.code == 0 and all("plan" not in row for row in rows)
        expected += [{"plan": path, **row} for row in rows]
    assert result.json() == expected
    assert result.code == 1


def test_bad_files_are_named_on_stderr_one_line_each(zl: Run, plans: Corpus) -> None:
    result = zl("items", "--file", plans.arg, "--format", "json")
    lines = _skipped_lines(result)
    assert result.err.splitlines() == lines
    assert len(lines) == len(plans.bad)
    for path, line in zip(plans.bad, lines, strict=True):
        assert line.startswith(f"skipped: {path}")
    assert "Traceback" not in result.err


def test_all_good_files_exit_0(zl: Run, plans: Corpus) -> None:
    result = zl("items", "--file", plans.good[0], "--file", plans.good[1], "--format", "json")
    assert result.code == 0 and result.err == ""
    assert {row["plan"] for row in result.json()} == set(plans.good[:2])


def test_one_plan_keeps_todays_output(zl: Run, tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "plan.txt").write_bytes((FIXTURES / "three_level.txt").read_bytes())
    for args in (["items"], ["leads"], ["check"], ["meta"]):
        through_folder = zl(*args, "--file", str(folder), "--format", "json")
        direct = zl(*args, "--file", str(folder / "plan.txt"), "--format", "json")
        assert through_folder.out == direct.out and '"plan":' not in through_folder.out


def test_leads_count_across_plans(zl: Run, plans: Corpus) -> None:
    rows = zl("leads", "--file", plans.arg, "--format", "json").json()
    expected: dict[str, list[dict[str, object]]] = {}
    for path in plans.good:
        for row in zl("leads", "--file", path, "--format", "json").json():
            expected.setdefault(row["name"], []).extend({"plan": path, "number": n} for n in row["items"])
    assert {r["name"]: r["items"] for r in rows} == expected
    assert all(r["item_count"] == len(r["items"]) for r in rows)
    assert all(r["plan_count"] == len({i["plan"] for i in r["items"]}) for r in rows)
    counts = [r["item_count"] for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_check_across_plans(zl: Run, plans: Corpus) -> None:
    result = zl("check", "--file", plans.arg, "--format", "json")
    report = result.json()
    assert result.code == 1 and not report["ok"]
    problems = [p for p in report["problems"] if p["plan"] == str(plans.root / "problems.txt")]
    alone = zl("check", "--file", str(plans.root / "problems.txt"), "--format", "json").json()["problems"]
    assert [{k: v for k, v in p.items() if k != "plan"} for p in problems] == alone


@pytest.mark.parametrize("args", [["show", "1"], ["export"]], ids=lambda a: a[0])
def test_commands_of_one_plan_say_so(zl: Run, plans: Corpus, args: list[str]) -> None:
    result = zl(*args, "--file", plans.good[0], "--file", plans.good[1])
    assert result.code == 2 and result.out == ""
    assert result.err == f"Error: zl {args[0]} reads one plan, and --file names 2 files: give one file\n"


def test_a_section_missing_from_some_plans(zl: Run, plans: Corpus) -> None:
    in_some = zl("items", "--file", plans.arg, "--section", "八", "--format", "json", "--jobs", "1")
    assert in_some.json() and {row["section"] for row in in_some.json()} == {8}
    in_none = zl("items", "--file", plans.arg, "--section", "九十", "--jobs", "1")
    assert in_none.code == 4 and "no section 九十" in in_none.err and "nor in any other plan" in in_none.err


def _header(result: Result) -> list[str]:
    """The last line of a table's header (Rich puts a header's first cell on it)."""
    lines = re.sub(r"\x1b\[[0-9;]*m", "", result.out).splitlines()
    rule = next(n for n, line in enumerate(lines) if line.strip().startswith("─"))
    return lines[rule - 1].split()


def test_tables_are_grouped_by_plan(zl: Run, plans: Corpus) -> None:
    """Over several plans, each plan's rows are a table of their own under a line naming the plan."""
    for args in (["items"], ["targets"], ["sections"], ["search", "质量"]):
        out = zl(*args, "--file", plans.good[0], "--file", plans.good[1], tty=True).out
        lines = out.splitlines()
        assert plans.good[0] in lines[0], args
        assert sum(plans.good[1] in line for line in lines) == 1, args
        assert _header(zl(*args, "--file", plans.good[0], tty=True))[0] in ("#", "item"), args
    header = _header(zl("meta", "--file", plans.good[0], "--file", plans.good[1], tty=True))
    assert header[0] == "plan"
    assert _header(zl("items", "--file", plans.good[0], tty=True))[0] == "#"
    assert _header(zl("leads", "--file", plans.arg, tty=True))[:4] == ["lead", "unit", "plans", "items"]


# --- loading in parallel, through the cache ------------------------------------------------


def test_parallel_loading_equals_serial(
    zl: Run, plans: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZL_CACHE_DIR", str(tmp_path / "fresh-cache"))
    parallel = zl("targets", "--file", plans.arg, "--format", "json", "--jobs", "2")
    monkeypatch.setenv("ZL_CACHE_DIR", str(tmp_path / "other-cache"))
    serial = zl("targets", "--file", plans.arg, "--format", "json", "--jobs", "1")
    assert parallel.json() == serial.json() and parallel.err == serial.err
    assert len(list((tmp_path / "fresh-cache").glob("*.zlc"))) == len({Path(p).read_bytes() for p in plans.good})


def test_a_second_run_parses_nothing(zl: Run, plans: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    first = zl("items", "--file", plans.arg, "--format", "json")

    def no_parsing(text: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr("zhiliang_cli.parse.pipeline.parse_text", no_parsing)
    again = zl("items", "--file", plans.arg, "--format", "json")
    assert again.out == first.out and again.code == 1


def test_load_many_holds_few_plans_at_once(plans: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outcomes come in order, and the reading runs only a bounded window ahead of the consumer."""
    monkeypatch.setattr(corpus, "IN_FLIGHT_PER_JOB", 1)
    read: list[str] = []
    real = corpus.read_bytes

    def counting(path: str | None) -> corpus.RawSource:
        read.append(str(path))
        return real(path)

    monkeypatch.setattr(corpus, "read_bytes", counting)
    paths = plans.good * 3
    for n, outcome in enumerate(corpus.load_many(paths, jobs=2)):
        assert outcome.path == paths[n]
        assert len(read) <= n + 3  # the window (2 jobs x 1) and the one just read
    assert len(read) == len(paths)


def test_no_more_processes_than_cores(plans: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs 1000 over a big corpus must not start a thousand parsers (each holds an interpreter)."""
    import concurrent.futures

    monkeypatch.setenv("ZL_CACHE_DIR", str(tmp_path / "fresh-cache"))
    monkeypatch.setattr(corpus, "default_jobs", lambda: 2)
    started: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def recording(max_workers: int, **options: object) -> concurrent.futures.ProcessPoolExecutor:
        started.append(max_workers)
        return real(max_workers=max_workers, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    outcomes = list(corpus.load_many(plans.good, jobs=1000))
    assert started == [2] and len(outcomes) == len(plans.good)


def test_wanted_skips_files_before_parsing(plans: Corpus) -> None:
    outcomes = list(corpus.load_many(plans.good, jobs=1, wanted=lambda path, sha: "three_level" not in path))
    skipped = [o.path for o in outcomes if isinstance(o, corpus.Unchanged)]
    assert skipped == [p for p in plans.good if "three_level" in p]


# --- the progress bar -----------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("terminal", "delay", "bar"), [(True, 0.0, True), (True, 60.0, False), (False, 0.0, False)])
def test_progress_bar_only_in_a_terminal_and_after_a_while(
    monkeypatch: pytest.MonkeyPatch, terminal: bool, delay: float, bar: bool
) -> None:
    stream = _Tty() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(corpus, "PROGRESS_DELAY", delay)
    with corpus.Reporter(total=3, label="plans") as report:
        report.advance()
        shown = report.bar is not None
        report.note("skipped: x.txt is empty")
        report.advance()
    assert shown == bar
    assert "skipped: x.txt is empty" in stream.getvalue()
    assert ("━" in stream.getvalue()) == bar
