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
    an editable install under PYTHONDONTWRITEBYTECODE would compile every module in each.  The
    test modules are cached the same way: pytest rewrites their asserts on import (about 3 s of
    CPU for the suite, in each xdist worker) and keeps the result only where bytecode is written."""
    import compileall

    import zhiliang_cli

    compileall.compile_dir(str(Path(zhiliang_cli.__file__).parent), quiet=1)
    sys.dont_write_bytecode = False  # this process only: the test modules are imported after this hook


#: Modules whose tests share module fixtures too dear to make in each xdist worker: LibreOffice's
#: three runs, two servers and a browser.
ONE_WORKER = {"tests/test_print.py", "tests/test_serve.py"}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """xdist's load scheduling (`-n auto`), but each module of ONE_WORKER goes whole to one worker,
    before the rest.  (`--dist loadgroup` would do it, but under pytest 9.2 it silently stopped
    grouping: pytest-xdist issue 1386.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:  # a work unit: a module of ONE_WORKER, or one test
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER else nodeid

    return Scheduling(config, log)


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
