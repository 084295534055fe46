"""The parse cache: keyed by content, never stale, never in the way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zhiliang_cli import cache
from zhiliang_cli.source import BUNDLED_PLAN


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZL_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_bytes(BUNDLED_PLAN.read_bytes())
    return path


def test_hit_equals_miss(cache_dir: Path, plan_file: Path) -> None:
    miss = cache.load_plan(str(plan_file))
    assert len(list(cache_dir.iterdir())) == 1
    hit = cache.load_plan(str(plan_file))
    assert hit == miss


def test_changed_file_is_parsed_again(cache_dir: Path, plan_file: Path) -> None:
    first = cache.load_plan(str(plan_file))
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("省林业局", "省林草局"), encoding="utf-8")
    second = cache.load_plan(str(plan_file))
    assert first.sha256 != second.sha256
    assert "省林草局" in second.plan["sections"][0]["items"][1]["lead_units"]
    assert len(list(cache_dir.iterdir())) == 2


def test_corrupt_entry_is_ignored(cache_dir: Path, plan_file: Path) -> None:
    expected = cache.load_plan(str(plan_file))
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(b"\x00garbage")
    assert cache.load_plan(str(plan_file)) == expected


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_is_skipped(cache_dir: Path, plan_file: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert cache.load_plan(str(plan_file)).plan["sections"]
    finally:
        cache_dir.chmod(0o700)


def test_cache_path_that_is_a_file_is_skipped(tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ZL_CACHE_DIR", str(blocker / "cache"))
    assert len(cache.load_plan(str(plan_file)).plan["sections"]) == 8


def test_no_cache_writes_nothing(cache_dir: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZL_NO_CACHE", "1")
    cache.load_plan(str(plan_file))
    assert not cache_dir.exists()


def test_cache_keeps_a_bounded_number_of_entries(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for n in range(5):
        path = tmp_path / f"plan{n}.txt"
        path.write_text(f"一、总则\n（一）做好第{n}项工作。（牵头单位：省厅）\n", encoding="utf-8")
        cache.load_plan(str(path))
    assert len(list(cache_dir.glob("*.marshal"))) == 3
