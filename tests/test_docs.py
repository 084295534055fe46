"""The README and every page of docs/ show real output: each example is run again and compared
(`pytest --update-golden` rewrites the examples).

An example is a fenced block whose first line is ``$ zl …``; a block may hold several commands,
each line ``$ …`` followed by what it prints.  The commands of one page run in order in a folder
of their own, where the repository's ``tests`` and ``data`` folders are at hand and the
documents the examples name (``plan.pdf``, ``plan.htm``, ``tasks.docx``, ``plan_2023.txt``) are
made as the tests make them, so that an example that writes a file (``-o 台账.xlsx``) is run too
and a later one sees what it wrote.  ``zl`` commands run in-process, drawn in a terminal 100
columns wide unless they name a format; a pipe or another program runs in ``bash`` with this
``zl`` first on PATH.  An example is left out only when it needs something that is not here: a
file no example or recipe makes, a program not installed, or words elided with ``...``.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT, Result

PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
BLOCK = re.compile(r"^(<!-- not run:[^\n]*\n)?```(?:sh|console)?\n(\$ zl [^\n]*\n.*?)^```", re.S | re.M)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
WIDTH = "100"  # the terminal the examples were drawn in
DOCUMENT_SUFFIXES = (".txt", ".docx", ".doc", ".pdf", ".htm", ".html", ".xlsx", ".db")
#: Put right before a block whose output cannot be made here (ledgers filled in by hand).
NOT_RUN = "<!-- not run:"


@dataclass
class Example:
    command: str
    output: str  # as written in the page, up to the next command


def _examples(block: str) -> list[Example]:
    """The commands of a block and what each prints; a command goes on over lines that are
    indented (a long SQL query)."""
    examples: list[Example] = []
    for line in block.splitlines(keepends=True):
        if line.startswith("$ "):
            examples.append(Example(line[2:].rstrip("\n"), ""))
        elif examples and not examples[-1].output and line.startswith("    "):
            examples[-1].command += "\n" + line.rstrip("\n")
        elif examples:
            examples[-1].output += line
    return examples


def _blocks(page: Path, every: bool = False) -> list[str]:
    """The example blocks of ``page``: those to run, or ``every`` one."""
    found = BLOCK.finditer(page.read_text(encoding="utf-8"))
    return [match.group(2) for match in found if every or not match.group(1)]


# --- the documents the examples name ------------------------------------------------------------


@functools.cache
def _recipes() -> dict[str, Callable[[], bytes]]:
    """How each document the examples name is made: the bundled plan as a PDF (set
    deterministically, so its SHA-256 holds) and as a GB2312 web page, a notice with a task
    table as .docx, and the damaged files of docs/input.md, as tests/test_readers.py makes them."""
    from reportlab import rl_config

    from zhiliang_cli.source import BUNDLED_PLAN

    from . import documents
    from .test_readers import BAD, TASKS

    plan = BUNDLED_PLAN.read_text(encoding="utf-8")
    lines = plan.splitlines()
    body = "\n".join(lines[next(i for i, line in enumerate(lines) if "〔" in line) :]) + "\n"
    notice = "关于印发某某县质量工作任务分工的通知\n各乡镇人民政府：\n  现将任务分工印发给你们。\n一、重点任务\n"
    rl_config.invariant = 1  # no time stamp or random id in the PDFs made here
    return {
        "plan_2023.txt": BUNDLED_PLAN.read_bytes,
        "plan.pdf": lambda: documents.make_pdf(plan),
        "plan.htm": lambda: documents.make_html(lines[0], body, charset="gb2312"),
        "tasks.docx": lambda: documents.make_docx(notice, [TASKS[0], *TASKS[2:]]),
        "scan.pdf": documents.make_scanned_pdf,
        "truncated.pdf": BAD["truncated.pdf"][0],
        "corrupt.docx": BAD["corrupt.docx"][0],
        "old.doc": BAD["old.doc"][0],
    }


@functools.cache
def _made(name: str) -> bytes:
    return _recipes()[name]()


def _sandbox(folder: Path) -> None:
    for name in ("tests", "data", "pyproject.toml", "src"):
        (folder / name).symlink_to(ROOT / name)


def _words(command: str) -> list[str]:
    try:
        return shlex.split(command)
    except ValueError:
        return command.split()


def _ready(command: str, folder: Path) -> str | None:
    """Why ``command`` cannot run here, or None when it can (making the documents it names)."""
    if "..." in command:
        return "words elided"
    words = _words(command)
    programs = {words[0]} | {w for prev, w in itertools.pairwise(words) if prev in ("|", ";", "&&")}
    missing = [p for p in programs if p not in ("zl", "echo", "cd") and shutil.which(p) is None]
    if missing:
        return f"{', '.join(missing)} not installed"
    for word in words:
        path = folder / word
        if "*" in word and not list(folder.glob(word)):
            return f"no {word} here"
        if not word.endswith(DOCUMENT_SUFFIXES) or path.exists() or "*" in word:
            continue
        if word in _recipes():
            path.write_bytes(_made(word))
        elif not _written_by(command, word):
            return f"{word} is not here"
    return None


def _written_by(command: str, word: str) -> bool:
    """Whether ``command`` writes ``word`` rather than reads it (-o FILE, a redirection)."""
    words = _words(command)
    return any(prev in ("-o", "--output", ">") and w == word for prev, w in itertools.pairwise(words))


def _run(zl: Callable[..., Result], command: str, folder: Path, status: list[int]) -> str:
    """What ``command`` prints; ``status`` holds the exit status of the command before it,
    for ``echo $?``, and is given this one's."""
    if command == "echo $?":
        return str(status[0])
    words = _words(command)
    shell = {"|", ";", "&&", ">", "$?"} & set(words) or "\n" in command or any("*" in w for w in words)
    if words[0] == "zl" and not shell:
        result = zl(*words[1:], tty="--format" not in words and "-f" not in words)
        text = result.err + result.out  # what is skipped is said first, as a terminal shows it
        status[0] = result.code
    else:
        env = {**os.environ, "COLUMNS": WIDTH, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
        done = subprocess.run(
            ["bash", "-c", command], cwd=folder, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        text = done.stderr + done.stdout
        status[0] = done.returncode
    lines = [line.rstrip() for line in ANSI.sub("", text).splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _expected(output: str) -> list[list[str]]:
    """The lines shown, in runs between lines of … (lines left out); a last … leaves out the rest."""
    lines = [line.rstrip() for line in output.rstrip("\n").splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    runs: list[list[str]] = [[]]
    for line in lines:
        if line == "…":
            runs.append([])
        else:
            runs[-1].append(line)
    return runs


def _matches(actual: list[str], runs: list[list[str]]) -> bool:
    """Whether ``actual`` starts with the first run, holds the middle ones in order and ends
    with the last (an empty last run: anything may follow).

    >>> _matches(["a", "b", "c", "d"], [["a"], ["c"], []]), _matches(["a", "b"], [["a"], ["b"]])
    (True, True)
    >>> _matches(["a", "b"], [["a"]]), _matches(["a", "x", "c"], [["a"], ["b"], []])
    (False, False)
    """
    if len(runs) == 1:
        return actual == runs[0]
    first, *middle, last = runs
    if actual[: len(first)] != first or (last and actual[-len(last) :] != last):
        return False
    rest = actual[len(first) : len(actual) - len(last)]
    for run in middle:
        at = next((i for i in range(len(rest) - len(run) + 1) if rest[i : i + len(run)] == run), None)
        if at is None:
            return False
        rest = rest[at + len(run) :]
    return True


def _rewritten(actual: list[str], runs: list[list[str]]) -> list[str]:
    """The example's output rewritten from ``actual``, keeping its shape (first lines, …, last lines)."""
    if len(runs) == 1:
        return actual
    first, last = runs[0], runs[-1]
    return [*actual[: len(first)], "…", *(actual[-len(last) :] if last else [])]


def _check_page(page: Path, zl: Callable[..., Result], folder: Path, update: bool) -> tuple[int, list[str]]:
    """Run the page's examples in ``folder``; (how many ran, the differences found)."""
    ran, failures, status = 0, [], [0]
    text = page.read_text(encoding="utf-8")
    for block in _blocks(page):
        new_block = block
        for example in _examples(block):
            if _ready(example.command, folder) is not None:
                continue
            actual = _run(zl, example.command, folder, status).splitlines()
            runs = _expected(example.output)
            ran += 1
            if _matches(actual, runs):
                continue
            if update:
                shown = "\n".join(_rewritten(actual, runs)) + "\n"
                old = f"$ {example.command}\n{example.output}"
                new_block = new_block.replace(old, f"$ {example.command}\n{shown}", 1)
            else:
                expected = example.output.rstrip("\n")
                failures.append(f"$ {example.command}\n--- expected\n{expected}\n--- got\n" + "\n".join(actual))
        text = text.replace(block, new_block, 1)
    if update:
        page.write_text(text, encoding="utf-8")
    return ran, failures


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_examples_are_real(
    page: Path,
    zl: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    if not _blocks(page):
        pytest.skip("no examples")
    monkeypatch.setenv("COLUMNS", WIDTH)
    _sandbox(tmp_path)
    monkeypatch.chdir(tmp_path)
    _, failures = _check_page(page, zl, tmp_path, request.config.getoption("--update-golden"))
    assert not failures, "\n\n".join(failures)


def test_most_examples_run(zl: Callable[..., Result], tmp_path_factory: pytest.TempPathFactory) -> None:
    """The examples left out are few: the test above cannot pass by running none."""
    total = sum(len(_examples(block)) for page in PAGES for block in _blocks(page, every=True))
    runnable = 0
    for page in PAGES:
        folder = tmp_path_factory.mktemp("count")
        _sandbox(folder)
        runnable += sum(
            _ready(example.command, folder) is None for block in _blocks(page) for example in _examples(block)
        )
    assert total >= 40
    assert runnable >= 0.6 * total, (runnable, total)


def test_examples_are_found_in_every_kind_of_block() -> None:
    block = "$ zl items\n  #  item\n$ echo $?\n0\n"
    assert [(e.command, e.output) for e in _examples(block)] == [("zl items", "  #  item\n"), ("echo $?", "0\n")]
    assert _examples('$ sqlite3 a.db "SELECT 1\n    FROM t"\n1\n')[0].command == 'sqlite3 a.db "SELECT 1\n    FROM t"'


def test_the_readme_is_a_front_door() -> None:
    """At most 250 lines; its Quick start is two commands: install and run the main job, run the tests."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    quick = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    first, second = quick.splitlines()
    assert first.startswith("pip install") and "&& zl " in first
    assert second == "pytest"


def test_every_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (ROOT / "docs").rglob("*.md"):
        assert f": {page.relative_to(ROOT / 'docs').as_posix()}\n" in nav, page
