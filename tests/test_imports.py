"""The query path stays light: it must not import the modules only other paths need.
This is what keeps `zl items` near the start-up floor (see bench/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ["rich", "pydantic", "yaml", "regex", "zhiliang_cli.parser", "zhiliang_cli.render"]

PROBE = """
import json, sys
from zhiliang_cli import cli
sys.stdout = open('/dev/null', 'w')
cli.run({args!r})
sys.stdout = sys.__stdout__
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _imported(args: list[str], cache_dir: str) -> list[str]:
    env = {**os.environ, "ZL_CACHE_DIR": cache_dir}
    probe = PROBE.format(args=args, heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    return list(json.loads(out.stdout))


@pytest.mark.parametrize(
    "args",
    [
        ["items", "--lead", "省市场监管局", "--format", "json"],
        ["targets", "--format", "json"],
        ["sections", "--format", "json"],
        ["leads", "--format", "jsonl"],
        ["search", "追溯", "--format", "json"],
    ],
    ids=lambda a: a[0],
)
def test_cached_query_path_imports_nothing_heavy(args: list[str], tmp_path: os.PathLike[str]) -> None:
    _imported(args, str(tmp_path))  # first run fills the cache
    assert _imported(args, str(tmp_path)) == []


def test_import_of_package_is_light() -> None:
    probe = f"import sys, zhiliang_cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


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
