"""The query path stays light: it must not import the modules only other paths need.
This is what keeps `zl items` near the start-up floor (see bench/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Result

HEAVY = ["rich", "pydantic", "yaml", "regex", "zhiliang_cli.parse.pipeline", "zhiliang_cli.render", "openpyxl"]
HEAVY += ["hashlib", "hmac", "zhiliang_cli.records", "zhiliang_cli.files"]  # the cache hit: see cache.py
#: What only `zl diff` needs (difflib is not here: typer.core imports it on every call).
DIFF_ONLY = [
    "rapidfuzz",
    "numpy",
    "zhiliang_cli.diff",
    "zhiliang_cli.pairing",
    "zhiliang_cli.assign",
    "zhiliang_cli.worddiff",
]
# Only `zl db` and runs over several plans need these (issue 12).
HEAVY += ["sqlite3", "multiprocessing", "concurrent.futures", "zhiliang_cli.db", "zhiliang_cli.corpus"]
HEAVY += ["zhiliang_cli.dbbuild", "datasette", "uvicorn"]  # zl db build and zl serve only
FIXTURE = str(Path(__file__).parent / "fixtures" / "three_level.txt")

PROBE = """
import json, sys
from zhiliang_cli import cli
sys.stdout = open('/dev/null', 'w')
cli.run({args!r})
sys.stdout = sys.__stdout__
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _imported(args: list[str], cache_dir: str, modules: list[str] = HEAVY + DIFF_ONLY) -> list[str]:
    env = {**os.environ, "ZL_CACHE_DIR": cache_dir}
    probe = PROBE.format(args=args, heavy=modules)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    return list(json.loads(out.stdout))


Fill = Callable[[list[str], str], None]


@pytest.fixture
def fill(zl: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Fill:
    """``zl ARGS`` run once with ``cache_dir`` as its cache, to fill it: in-process (the cache is
    the same files whoever writes them), as only the run after it needs a fresh interpreter."""

    def run(args: list[str], cache_dir: str) -> None:
        with monkeypatch.context() as env:
            env.setenv("ZL_CACHE_DIR", cache_dir)
            zl(*args)  # what it prints or its exit code is not the question, as for the probe

    return run


@pytest.mark.parametrize(
    "args",
    [
        ["items", "--lead", "省市场监管局", "--format", "json"],
        ["targets", "--format", "json"],
        ["sections", "--format", "json"],
        ["leads", "--format", "jsonl"],
        ["search", "追溯", "--format", "json"],
        ["items", "--file", FIXTURE, "--format", "json"],
        ["check", "--file", FIXTURE, "--format", "json"],
    ],
    ids=lambda a: a[0],
)
def test_cached_query_path_imports_nothing_heavy(args: list[str], tmp_path: os.PathLike[str], fill: Fill) -> None:
    fill(args, str(tmp_path))
    assert _imported(args, str(tmp_path)) == []


def test_import_of_package_is_light() -> None:
    probe = f"import sys, zhiliang_cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ["show", "17"],
        ["meta", "--format", "yaml"],
        ["check"],
        ["export", "--format", "yaml"],
        ["schema"],
    ],
    ids=lambda a: "-".join(a[:1] + a[2:3]),
)
def test_only_ledger_and_progress_import_openpyxl(args: list[str], tmp_path: os.PathLike[str]) -> None:
    """The commands off the query path (which the test above covers) never import openpyxl either."""
    assert _imported(args, str(tmp_path), ["openpyxl"]) == []


def test_the_openpyxl_guard_can_fail(tmp_path: os.PathLike[str]) -> None:
    out = os.path.join(tmp_path, "x.xlsx")
    assert _imported(["ledger", "-o", out], str(tmp_path), ["openpyxl"]) == ["openpyxl"]


@pytest.mark.parametrize(
    "args",
    [
        ["show", "1", "--format", "table"],
        ["items", "--format", "yaml"],
        ["export"],
        ["check"],
    ],
    ids=lambda a: "-".join(a),
)
def test_only_diff_imports_what_diff_needs(args: list[str], tmp_path: os.PathLike[str]) -> None:
    assert _imported(args, str(tmp_path), DIFF_ONLY) == []


def test_diff_imports_what_it_needs(tmp_path: os.PathLike[str]) -> None:
    """The probe sees the imports it looks for (so the test above can fail)."""
    from zhiliang_cli.source import BUNDLED_PLAN

    assert _imported(["diff", str(BUNDLED_PLAN), str(BUNDLED_PLAN)], str(tmp_path), DIFF_ONLY) == sorted(DIFF_ONLY)


def test_difflib_is_imported_by_diff_only() -> None:
    """Our own code imports difflib in zl diff's modules only (Typer imports it too, at start-up);
    NumPy in zl diff's modules and in dbbuild.py (a build's bigram text), rapidfuzz in diff's and in
    query.py (the names nearest to a --lead that matches none, imported only then)."""
    import ast
    from pathlib import Path

    import zhiliang_cli

    importers = []
    for path in Path(zhiliang_cli.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in ("difflib", "rapidfuzz", "numpy") for n in names):
                importers.append(path.name)
    assert sorted(set(importers)) == ["assign.py", "dbbuild.py", "diff.py", "pairing.py", "query.py", "worddiff.py"]


READERS = ["zhiliang_cli.readers", "pdfminer", "xml.etree.ElementTree", "html.parser", "zipfile"]
#: What reading a file of each kind may import of READERS: its own reader and nothing else.
OWN = {
    "txt": [],
    "docx": ["xml.etree.ElementTree", "zhiliang_cli.readers", "zipfile"],
    "pdf": ["pdfminer", "zhiliang_cli.readers", "zipfile"],  # zipfile: by importlib.metadata
    "html": ["html.parser", "zhiliang_cli.readers"],
}


def _imported_reading(path: str, cache_dir: str) -> list[str]:
    env = {**os.environ, "ZL_CACHE_DIR": cache_dir}
    probe = PROBE.format(args=["items", "--file", path, "--format", "json"], heavy=READERS)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    return list(json.loads(out.stdout))


@pytest.mark.parametrize("kind", list(OWN))
def test_each_reader_is_imported_only_for_its_kind(kind: str, tmp_path: os.PathLike[str]) -> None:
    from zhiliang_cli.source import BUNDLED_PLAN

    from . import documents

    text = "关于印发某某工作要点的通知\n一、总体要求\n  （一）做好质量工作。（牵头单位：省市场监管局）\n"
    path = os.path.join(tmp_path, f"plan.{kind}")
    data = {
        "txt": lambda: BUNDLED_PLAN.read_bytes(),
        "docx": lambda: documents.make_docx(text),
        "pdf": lambda: documents.make_pdf(text),
        "html": lambda: documents.make_html("关于印发某某工作要点的通知", text),
    }[kind]()
    with open(path, "wb") as out:
        out.write(data)
    cache_dir = os.path.join(tmp_path, "cache")
    assert _imported_reading(path, cache_dir) == OWN[kind]  # a miss: the file is read
    # a hit reads nothing; for a PDF it asks the installed pdfminer.six's version
    assert _imported_reading(path, cache_dir) == (["zhiliang_cli.readers"] if kind == "pdf" else [])


def test_several_cached_plans_start_no_worker_processes(tmp_path: os.PathLike[str], fill: Fill) -> None:
    """Over several plans, a pool is started only for plans the cache lacks."""
    args = ["items", "--file", FIXTURE, "--file", str(Path(FIXTURE).with_name("province_2024.txt")), "--format", "json"]
    heavy = [m for m in HEAVY + DIFF_ONLY if m != "zhiliang_cli.corpus"]  # several plans: corpus, but no pool
    fill(args, str(tmp_path))
    assert _imported(args, str(tmp_path), heavy) == []
