"""The command line as people use it (issue 20): examples in every --help that run, one way to
name things, --db on every command that reads plans, grouped tables readable at 80 columns,
search by item, --fields and TSV, the pager, shell completion of values, Chinese messages."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from zhiliang_cli import cli, render
from zhiliang_cli.i18n import read_po

from .conftest import FIXTURES, ROOT, Result, one_error_line
from .test_docs import _made, _recipes, _sandbox

Run = Callable[..., Result]
BIN = Path(sys.executable).parent
COMMANDS = [c.name or c.callback.__name__ for c in cli.app.registered_commands if c.callback]
DB_COMMANDS = [("db", c.name) for c in cli.db_app.registered_commands]
ALL = [[name] for name in COMMANDS] + [list(pair) for pair in DB_COMMANDS]


# --- help: examples and names ------------------------------------------------------------------


@pytest.mark.parametrize("command", ALL, ids=" ".join)
def test_every_help_ends_with_examples(zl: Run, command: list[str]) -> None:
    out = zl(*command, "--help").out
    _head, examples = out.rsplit("Examples:", 1)
    lines = [line.strip() for line in examples.strip().splitlines()]
    assert 2 <= len(lines) <= 3 or (command == ["schema"] and len(lines) == 1), lines
    assert all(line.startswith("zl " + " ".join(command)) for line in lines), lines


@pytest.mark.parametrize("command", ALL, ids=" ".join)
def test_one_placeholder_style(zl: Run, command: list[str]) -> None:
    """Placeholders are upper-case words (PATH, FILE, N, FORMAT), never <str>, {N} or [x>=1]."""
    out = zl(*command, "--help").out.split("Examples:")[0]
    body = out.split("\n", 1)[1]  # Typer marks a required argument {name} on the usage line only
    assert not re.search(r"<\w+>|\{\w+\}|\[x[<>=]", body), out
    options = "\n".join(re.findall(r"^  (-[^\n]*?)  ", body, re.M))
    for option, placeholder in re.findall(r"(--[\w-]+) ([^\s,]+)", options):
        assert re.fullmatch(r"[A-Z][A-Z0-9.]*(\.\.\.)?|0-1", placeholder), (option, placeholder)


def _options(command: list[str]) -> dict[str, set[str]]:
    """Each long option of a command with its short flags."""
    group = cli.db_app if command[0] == "db" else cli.app
    name = command[-1]
    found = next(c for c in group.registered_commands if (c.name or c.callback.__name__) == name)  # type: ignore[union-attr]
    import typer.main

    click_command = typer.main.get_command_from_info(found, pretty_exceptions_short=True, rich_markup_mode=None)
    options: dict[str, set[str]] = {}
    for param in click_command.params:
        longs = [o for o in param.opts if o.startswith("--")]
        shorts = {o for o in param.opts if not o.startswith("--")}
        for long in longs:
            options[long] = shorts
    return options


def test_the_same_short_flag_for_the_same_idea() -> None:
    """A short flag means one option in every command, and one option has the same short flag everywhere."""
    meaning: dict[str, str] = {}
    shorts_of: dict[str, set[str]] = {}
    for command in ALL:
        for long, shorts in _options(command).items():
            for short in shorts:
                assert meaning.setdefault(short, long) == long or long in ("--db",), (command, short, long)
            if long not in ("--db",):
                assert shorts_of.setdefault(long, shorts) == shorts, (command, long)


def test_every_plan_reading_command_takes_db_and_file() -> None:
    for name in ("items", "targets", "leads", "sections", "show", "search", "meta", "export", "ledger"):
        options = _options([name])
        assert "--db" in options and "--file" in options, name
    assert "--db" in _options(["db", "stats"]) and "--db" in _options(["db", "build"])


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _sandbox(tmp_path)
    for name in _recipes():
        (tmp_path / name).write_bytes(_made(name))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", f"{BIN}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("ZL_NO_PAGER", "1")
    return tmp_path


def test_the_examples_of_every_help_run(sandbox: Path, zl: Run) -> None:
    """Every example of every --help runs in a folder like the docs' (the database first, the
    ledger before the progress read from it), without an error.  As in tests/test_docs.py, `zl`
    runs in-process, and bash runs what needs a shell (a pipe) and, typed as a person types it
    into the installed `zl`, the first example of `zl sections`."""
    order = ["build", "ledger", *(k for k in cli.EXAMPLES if k not in ("build", "ledger"))]
    typed = cli.EXAMPLES["sections"][0]
    ran_in_bash = []
    for key in order:
        if key in cli.LONG_RUNNING:
            continue  # a server: tests/test_serve.py starts it
        for example in cli.EXAMPLES[key]:
            words = shlex.split(example)
            if example == typed or {"|", ";", "&&", ">"} & set(words):
                done = subprocess.run(
                    ["bash", "-c", example], cwd=sandbox, capture_output=True, text=True, timeout=120, check=False
                )
                code, err = done.returncode, done.stderr
                ran_in_bash.append(example)
            else:
                assert words[0] == "zl", example
                result = zl(*words[1:])
                code, err = result.code, result.err
            assert code in (0, 1), (example, err)
            assert "Error" not in err and "Traceback" not in err, (example, err)
    assert typed in ran_in_bash and len(ran_in_bash) >= 2, ran_in_bash


# --- --db on every command ---------------------------------------------------------------------


@pytest.fixture
def one_plan_db(zl: Run, tmp_path: Path) -> str:
    path = str(tmp_path / "one.db")
    assert zl("db", "build", str(ROOT / "data" / "plan_2023.txt"), "--db", path).code == 0
    return path


def _without_plan(rows: object) -> object:
    return [{k: v for k, v in row.items() if k != "plan"} for row in rows]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "args",
    [["sections"], ["targets"], ["targets", "--section", "八"], ["search", "标准"], ["search", "标准", "--lead", "省"]],
    ids=" ".join,
)
def test_the_database_answers_as_the_file(zl: Run, one_plan_db: str, args: list[str]) -> None:
    from_file = zl(*args, "--format", "json").json()
    from_db = zl(*args, "--db", one_plan_db, "--format", "json").json()
    assert _without_plan(from_db) == from_file


def test_show_export_leads_meta_and_ledger_from_a_database(zl: Run, one_plan_db: str, tmp_path: Path) -> None:
    from_db, from_file = zl("show", "17", "--db", one_plan_db, "--format", "json").json(), zl("show", "17").json()
    assert {**from_db, "notes": [], "group": None} == {**from_file, "notes": [], "group": None}  # not kept
    exported = zl("export", "--db", one_plan_db).json()
    assert [len(s["items"]) for s in exported["sections"]] == [len(s["items"]) for s in zl("export").json()["sections"]]
    leads = zl("leads", "--db", one_plan_db, "--format", "json").json()
    assert [(r["name"], r["item_count"]) for r in leads] == [(r["name"], r["item_count"]) for r in zl("leads").json()]
    meta = zl("meta", "--db", one_plan_db, "--format", "json").json()
    assert meta[0]["doc_number"] == "闽质强省办〔2023〕2号" and meta[0]["format"] == "database"
    out = tmp_path / "台账.xlsx"
    assert zl("ledger", "--db", one_plan_db, "-o", str(out)).out.endswith("72 tasks, 34 targets\n")
    assert zl("db", "stats", "--db", one_plan_db, "--format", "json").json()["counts"]["items"] == 72


def test_a_database_of_several_plans_asks_for_one(zl: Run, tmp_path: Path) -> None:
    path = str(tmp_path / "many.db")
    zl("db", "build", str(FIXTURES / "three_level.txt"), str(FIXTURES / "province_2024.txt"), "--db", path)
    one_error_line(zl("show", "1", "--db", path), 2, "holds 2", "--file")
    chosen = zl("show", "1", "--db", path, "--file", str(FIXTURES / "three_level.txt"), "--format", "json")
    assert chosen.code == 0 and chosen.json()["number"] == 1
    one_error_line(zl("db", "stats"), 2, "--db")


# --- search ------------------------------------------------------------------------------------


def test_search_gives_one_row_per_item_and_counts(zl: Run) -> None:
    rows = zl("search", "标准").json()
    assert len(rows) == 15 and len({r["number"] for r in rows}) == 15
    assert sum(r["match_count"] for r in rows) > 15
    assert zl("search", "标准", "--count").out == "15\n"
    assert all("…" in r["snippet"] for r in rows if len(r["snippet"]) < len(r["matches"][0]["text"]) + 100)
    by_lead = zl("search", "标准", "--lead", "省林业局").json()
    assert {r["number"] for r in by_lead} <= {r["number"] for r in rows} and by_lead
    assert all(r["section"] == 1 for r in zl("search", "标准", "--section", "一").json())


def test_search_counts_plan_by_plan(zl: Run) -> None:
    lines = zl("search", "质量", "--count", "--file", str(FIXTURES)).out.splitlines()
    assert len(lines) > 3 and all(re.fullmatch(r"\S+\t\d+", line) for line in lines)


# --- tables at 80 columns ----------------------------------------------------------------------


def _cells(line: str) -> list[tuple[int, str]]:
    """Each character of a line with the terminal column it starts at."""
    out, col = [], 0
    for ch in line:
        out.append((col, ch))
        col += cell_len(ch)
    return out


def _columns(table_lines: list[str]) -> list[dict[str, str]]:
    """The rows of a drawn table, each column's text joined over its lines: the columns are the
    runs of terminal cells that some line fills, between cells left blank on every line (the
    gutters, whatever each column's alignment); the header may wrap over several lines; a row
    starts on a line whose first column is not blank.  Columns are padded by a cell on each side, so
    a gutter is two blank cells or more."""
    rule = next(k for k, line in enumerate(table_lines) if set(line.strip()) == {"─"})
    header, body = table_lines[:rule], table_lines[rule + 1 :]
    width = max(cell_len(line) for line in header + body)
    filled = [False] * width
    for line in header + body:
        for col, ch in _cells(line):
            if ch != " ":
                for k in range(col, col + cell_len(ch)):
                    filled[k] = True
    spans: list[tuple[int, int]] = []
    for col, full in enumerate(filled):
        if not full:
            continue
        if spans and col - spans[-1][1] < 2:  # one blank cell: a space inside a column (lead units)
            spans[-1] = (spans[-1][0], col + 1)
        else:
            spans.append((col, col + 1))
    names = [" ".join(_slice(line, a, b).strip() for line in header).strip() for a, b in spans]
    rows: list[dict[str, str]] = []
    for line in body:
        parts = [_slice(line, a, b).strip() for a, b in spans]
        if parts[0] or (parts[1] and not rows):
            rows.append(dict.fromkeys(names, ""))
        for name, part in zip(names, parts, strict=True):
            rows[-1][name] += part
    return rows


def _cell_at(line: str, col: int) -> str:
    return next((ch for start, ch in _cells(line) if start <= col < start + cell_len(ch)), " ")


def _slice(line: str, a: int, b: int) -> str:
    return "".join(ch for col, ch in _cells(line) if a <= col < b)


def _tables(out: str) -> list[list[str]]:
    """The tables of an output: the lines from a header (the line above a rule) to a blank line."""
    lines = re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()
    tables = []
    for k, line in enumerate(lines):
        if line.strip() and set(line.strip()) == {"─"}:
            end = next((j for j in range(k + 1, len(lines)) if not lines[j].strip()), len(lines))
            start = k - 1
            while start > 0 and lines[start - 1].strip() and lines[start - 1].startswith(" "):
                start -= 1  # a header wrapped over several lines (the plan's heading line starts at column 0)
            tables.append(lines[start:end])
    return tables


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize(
    ("args", "number", "title"),
    [
        (["items", "--file", str(FIXTURES)], "#", "item"),
        (["targets", "--file", str(FIXTURES)], "item", "target"),
        (["search", "标准"], "#", "item"),
        (["search", "质量", "--file", str(FIXTURES)], "#", "item"),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else a,
)
def test_80_columns_show_every_row_whole(
    zl: Run, monkeypatch: pytest.MonkeyPatch, args: list[str], number: str, title: str
) -> None:
    """At 80 columns each row shows its number, its title (or clause), its units and its count or
    value, every character of them, in the columns they belong to."""
    monkeypatch.setenv("COLUMNS", "80")
    records = zl(*args, "--format", "json").json()
    out = zl(*args, tty=True).out
    assert all(cell_len(line) <= 80 for line in re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines())
    rows = [row for table in _tables(out) for row in _columns(table)]
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        key = "item" if args[0] == "targets" else "number"
        assert row[number] == str(record[key] or "—")
        text = record["text"] if args[0] == "targets" else record["title"]
        assert _flat(text) in _flat(row[title])
        assert _flat("".join(record["lead_units"]) or "—") == _flat(row["lead units"])


def test_80_columns_from_a_database(zl: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = str(tmp_path / "fixtures.db")
    zl("db", "build", str(FIXTURES), "--db", path)
    monkeypatch.setenv("COLUMNS", "80")
    records = zl("items", "--db", path, "--lead", "市", "--format", "json").json()
    rows = [
        row for table in _tables(zl("items", "--db", path, "--lead", "市", tty=True).out) for row in _columns(table)
    ]
    assert len(rows) == len(records) > 3
    for row, record in zip(rows, records, strict=True):
        assert row["#"] == str(record["number"]) and _flat(record["title"]) in _flat(row["item"])


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_a_real_terminal_of_80_columns(tmp_path: Path) -> None:
    """In tmux, 80 columns wide: the items of a folder, each under its plan's heading, whole."""
    session = f"zl{os.getpid()}"
    out = tmp_path / "screen.txt"
    env = f"PATH={BIN}:$PATH ZL_CACHE_DIR={tmp_path / 'cache'} LANG=C.UTF-8"
    command = f"{env} zl --no-pager items --file {FIXTURES}/three_level.txt --file {FIXTURES}/province_2024.txt"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "60"], check=True)
    try:
        subprocess.run(["tmux", "send-keys", "-t", session, f"clear; {command}; echo DONE", "Enter"], check=True)
        for _ in range(100):
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True)
            if "\nDONE" in screen.stdout:
                break
            subprocess.run(["sleep", "0.1"], check=True)
        out.write_text(screen.stdout, encoding="utf-8")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    text = out.read_text(encoding="utf-8")
    assert "tests/fixtures/three_level.txt" in text.replace(str(ROOT) + "/", "") or "three_level.txt" in text
    rows = [row for table in _tables(text) for row in _columns(table)]
    assert len(rows) >= 6 and all(row["#"].isdigit() and row["item"] and row["lead units"] for row in rows)


# --- formats, pager, count lines ---------------------------------------------------------------


def test_fields_in_every_format(zl: Run) -> None:
    rows = zl("items", "--lead", "省林业局", "--fields", "number,title").json()
    assert rows == [
        {"number": n, "title": t}
        for n, t in [(2, "强化林产品质量保障"), (39, "打造林业品牌"), (44, "加强林业标准建设")]
    ]
    tsv = zl("items", "--lead", "省林业局", "--fields", "number,lead_units", "--format", "tsv").out
    assert tsv.splitlines() == ["number\tlead_units", "2\t省林业局", "39\t省林业局", "44\t省林业局"]
    table = zl("targets", "--fields", "item,value,unit", "--format", "table").out
    assert table.splitlines()[0].split() == ["item", "value", "unit"]
    one_error_line(zl("items", "--fields", "number,nope"), 2, "nope", "choose among")


def test_a_table_in_a_pipe_starts_at_once_and_pads_nothing(zl: Run) -> None:
    for args in (["items"], ["sections"], ["leads"], ["targets"], ["search", "标准"], ["show", "1"], ["meta"]):
        out = zl(*args, "--format", "table").out
        assert out.splitlines()[0].strip(), args
        assert all(line == line.rstrip() for line in out.splitlines()), args


def test_leads_has_a_count_and_show_keeps_the_direction(zl: Run) -> None:
    assert zl("leads", "--format", "table").out.splitlines()[-1] == "25 lead units"
    shown = zl("show", "1", "--format", "table").out
    line = [line for line in shown.splitlines() if "比上年减少2%" in line][-1]
    assert "decrease" in line


def test_the_pager_as_git_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def fileno(self) -> int:
            return 1

    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.setattr(os, "isatty", lambda fd: True)
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.delenv("ZL_PAGER", raising=False)
    monkeypatch.setattr(render, "PAGER", True)
    assert render.pager_command() == ["less", "-FRX"]
    monkeypatch.setenv("PAGER", "more")
    assert render.pager_command() == ["more"]
    monkeypatch.setenv("ZL_PAGER", "less -S")
    assert render.pager_command() == ["less", "-S"]
    monkeypatch.setenv("ZL_PAGER", "cat")
    assert render.pager_command() is None
    monkeypatch.setenv("ZL_PAGER", "")
    assert render.pager_command() is None
    monkeypatch.setenv("ZL_PAGER", "less")
    monkeypatch.setattr(render, "PAGER", False)  # zl --no-pager
    assert render.pager_command() is None
    monkeypatch.setattr(os, "isatty", lambda fd: False)  # a pipe
    monkeypatch.setattr(render, "PAGER", True)
    assert render.pager_command() is None


def test_the_pager_gets_the_output(tmp_path: Path) -> None:
    """On a terminal (a pseudo-terminal here), long output goes through $ZL_PAGER."""
    import pty

    caught = tmp_path / "paged.txt"
    env = {**os.environ, "ZL_PAGER": f"tee {caught}", "PATH": f"{BIN}:{os.environ['PATH']}", "COLUMNS": "100"}
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execvpe("zl", ["zl", "items"], env)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    assert "72 items" in caught.read_text(encoding="utf-8")


# --- completion ----------------------------------------------------------------------------------


def _complete(words: str, tmp_path: Path) -> list[str]:
    """What bash's completion function for zl (as zl --show-completion bash defines it) offers
    after ``words``, through ``complete -F``'s own function."""
    script = subprocess.run(
        [BIN / "zl", "--show-completion", "bash"], capture_output=True, text=True, check=True, env=_env(tmp_path)
    ).stdout
    probe = (
        f"{script}\nCOMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n"
        f'complete -p zl >/dev/null && _zl_completion zl && printf "%s\\n" "${{COMPREPLY[@]}}"'
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, env=_env(tmp_path), check=True)
    return done.stdout.splitlines()


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", "ZL_CACHE_DIR": str(tmp_path / "cache")}


def test_completion_of_lead_units(tmp_path: Path) -> None:
    offered = _complete("zl items --lead 省", tmp_path)
    assert "省林业局" in offered and "省市场监管局" in offered
    assert all(name.startswith("省") for name in offered)
    other = _complete(f"zl items --file {FIXTURES / 'three_level.txt'} --lead ''", tmp_path)
    assert other and "省林业局" not in other


def test_completion_of_section_numbers(tmp_path: Path) -> None:
    assert _complete("zl targets --section ''", tmp_path)[:2] == ["1", "一"]


def test_install_completion_writes_the_script(tmp_path: Path) -> None:
    env = {**_env(tmp_path), "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    done = subprocess.run([BIN / "zl", "--install-completion", "bash"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "_zl_completion" in "".join(p.read_text() for p in tmp_path.rglob("*") if p.is_file() and "zl" in p.name)


# --- Chinese --------------------------------------------------------------------------------------


def _zh(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**_env(tmp_path), "LANG": "zh_CN.UTF-8", "LANGUAGE": "", "LC_ALL": ""}
    return subprocess.run([BIN / "zl", *args], capture_output=True, text=True, env=env, check=False)


def test_help_and_errors_in_chinese(tmp_path: Path) -> None:
    helped = _zh("items", "--help", tmp_path=tmp_path).stdout
    assert "用法：" in helped and "列出任务" in helped and "牵头单位名称的一部分" in helped and "示例：" in helped
    assert "显示本帮助并退出" in helped
    for args, words in (
        (["items", "--lead", ""], "为空"),
        (["items", "--section", "99"], "没有第 99 章节"),
        (["items", "--nope"], "没有选项"),
        (["items", "--format", "xml"], "未知格式"),
    ):
        done = _zh(*args, tmp_path=tmp_path)
        assert done.returncode in (2, 4) and done.stderr.startswith("错误：") and words in done.stderr, done.stderr
    table = _zh("items", "--lead", "省林业局", "--format", "table", tmp_path=tmp_path).stdout
    assert table.split()[1:4] == ["任务", "牵头单位", "指标数"] and "共 3 项任务" in table


def test_english_otherwise(tmp_path: Path) -> None:
    env = {**_env(tmp_path), "LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": ""}
    out = subprocess.run([BIN / "zl", "items", "--help"], capture_output=True, text=True, env=env).stdout
    assert "Usage:" in out and "用法" not in out


def test_the_catalog_holds_every_message() -> None:
    """Every message marked in the code is in the Chinese catalog, translated (Babel extracts them)."""
    from babel.messages.extract import extract_from_dir

    marked = {
        message if isinstance(message, str) else message[0]
        for _, _, message, *_ in extract_from_dir(
            str(ROOT / "src" / "zhiliang_cli"), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}
        )
    }
    catalog = read_po((ROOT / "src/zhiliang_cli/locale/zh_CN/LC_MESSAGES/zl.po").read_text(encoding="utf-8"))
    assert marked - set(catalog) == set()
    assert set(catalog) - marked == set()  # no stale entries either


@pytest.mark.parametrize("command", ["items", "targets"])
def test_a_lead_no_unit_is_named_after_gets_a_hint_with_the_nearest_names(zl: Run, command: str) -> None:
    result = zl(command, "--lead", "市场监督管理局")
    assert result.code == 0 and result.json() == []  # scripts see an empty answer, as for any filter
    (hint,) = result.err.splitlines()
    assert hint.startswith("Hint: no lead unit's name contains 市场监督管理局; nearest: ")
    assert hint.endswith(" (zl leads lists them all)")
    assert "省市场监管局" in result.err.split("nearest: ")[1].split("、")
    assert zl(command, "--lead", "市场监管").err == ""  # part of a name that is found: no hint
