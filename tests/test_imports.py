"""The query path stays light: it must not import the modules only other paths need.
This is what keeps `zl items` near the start-up floor (see bench/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ["rich", "pydantic", "yaml", "regex", "zhiliang_cli.parser", "zhiliang_cli.render"]
HEAVY += ["hashlib", "hmac", "zhiliang_cli.records", "zhiliang_cli.files"]  # the cache hit: see cache.py

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
