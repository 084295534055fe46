"""Shared fixtures: the bundled plan, its parse, a CLI runner with a fixed width
and a private cache directory, and the --update-golden flag."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.records import ItemRecord, PlanRecord
from zhiliang_cli.source import BUNDLED_PLAN

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Byte-compile the package once: the tests start `zl` in a few hundred subprocesses, and
    an editable install under PYTHONDONTWRITEBYTECODE would compile every module in each."""
    import compileall

    import zhiliang_cli

    compileall.compile_dir(str(Path(zhiliang_cli.__file__).parent), quiet=1)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def plan_text() -> str:
    return BUNDLED_PLAN.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def plan(plan_text: str) -> PlanRecord:
    return parse_text(plan_text)


@pytest.fixture(scope="session")
def all_items(plan: PlanRecord) -> list[ItemRecord]:
    return [item for section in plan["sections"] for item in section["items"]]


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


def one_error_line(result: Result, code: int, *words: str) -> None:
    """Failed with ``code``, nothing on stdout, and one line on stderr, ``Error: ...``, naming
    each of ``words``."""
    assert result.code == code, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.err
    assert "Traceback" not in result.err
    for word in words:
        assert word in lines[0], lines[0]


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def zl() -> Iterator[Callable[..., Result]]:
    """Run ``zl ARGS`` in-process; ``tty=True`` makes stdout look like a terminal."""
    from zhiliang_cli import cli

    def run(*args: str, tty: bool = False) -> Result:
        out, err = _Stream(tty), _Stream(False)
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            cli._state["debug"] = False
            code = cli.run(list(args))
        finally:
            sys.stdout, sys.stderr = saved
        return Result(code, out.getvalue(), err.getvalue())

    yield run
