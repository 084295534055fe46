"""The README shows real output: every example of a `zl` command on files that are in the
repository is run again and compared (`pytest --update-golden` rewrites the examples)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

import pytest

from .conftest import ROOT, Result

README = ROOT / "README.md"
BLOCK = re.compile(r"```\n(\$ zl [^\n]*)\n(.*?)```", re.S)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
WIDTH = "100"  # the terminal the examples were drawn in


def _examples() -> list[tuple[str, str]]:
    """(command, output) of each example whose files are all here and that pipes into nothing."""
    found = []
    for match in BLOCK.finditer(README.read_text(encoding="utf-8")):
        command, output = match.group(1)[2:], match.group(2)
        words = shlex.split(command)
        documents = [w for w in words if w.endswith((".txt", ".docx", ".pdf", ".htm", ".html", ".xlsx", ".db"))]
        if (
            "|" in command
            or "\n$ " in output  # a second command in the example
            or {"-o", "--output"} & set(words)  # writes a file
            or not all((ROOT / w).exists() for w in documents)
        ):
            continue
        found.append((command, output))
    return found


EXAMPLES = _examples()


def _run(zl: Callable[..., Result], command: str) -> str:
    words = shlex.split(command)[1:]
    result = zl(*words, tty="--format" not in words and "-f" not in words)
    text = ANSI.sub("", result.err + result.out)  # what is skipped is said first, as a terminal shows it
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def _expected(output: str) -> tuple[list[str], bool]:
    """The lines shown, and whether the example is cut (a last line of …)."""
    lines = [line.rstrip() for line in output.rstrip("\n").splitlines()]
    cut = bool(lines) and lines[-1] == "…"
    return (lines[:-1] if cut else lines), cut


@pytest.mark.parametrize(("command", "output"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_is_real(
    command: str,
    output: str,
    zl: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.setenv("COLUMNS", WIDTH)
    monkeypatch.chdir(ROOT)
    actual = [line for line in _run(zl, command).splitlines()]
    while actual and not actual[0].strip():
        actual.pop(0)
    expected, cut = _expected(output)
    if request.config.getoption("--update-golden"):
        shown = [*actual[: len(expected)], "…"] if cut else actual
        text = README.read_text(encoding="utf-8")
        old = f"```\n$ {command}\n{output}```"
        README.write_text(text.replace(old, f"```\n$ {command}\n" + "\n".join(shown) + "\n```"), encoding="utf-8")
        return
    assert (actual[: len(expected)] if cut else actual) == expected


def test_there_are_examples_to_check() -> None:
    assert len(EXAMPLES) >= 10
