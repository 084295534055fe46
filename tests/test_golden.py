"""Whole-document results as golden files: every tests/fixtures/**/*.txt beside the
JSON it must parse to. `pytest --update-golden` rewrites them; review the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhiliang_cli.cache import load_plan
from zhiliang_cli.source import BUNDLED_PLAN

from .conftest import FIXTURES
from .invariants import lost_characters, span_errors
from .variants import VARIANTS

VARIANT_DIR = FIXTURES / "variants"
#: The excerpt of the 2023 plan the variant fixtures are made from: the notice and
#: the first two sections (items 一 to 十八), enough for every kind of target.
EXCERPT_END = "  三、实施区域质量发展工程"


def excerpt() -> str:
    text = BUNDLED_PLAN.read_text(encoding="utf-8")
    return text[: text.index(EXCERPT_END)]


def _variant_bytes(name: str) -> bytes:
    transform, encoding = VARIANTS[name]
    return transform(excerpt()).encode(encoding)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_fixture_is_current(name: str, request: pytest.FixtureRequest) -> None:
    path = VARIANT_DIR / f"{name}.txt"
    if request.config.getoption("--update-golden"):
        VARIANT_DIR.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_variant_bytes(name))
    assert path.read_bytes() == _variant_bytes(name)


GOLDEN = sorted(FIXTURES.glob("**/*.txt"))


@pytest.mark.parametrize("path", GOLDEN, ids=[str(p.relative_to(FIXTURES)) for p in GOLDEN])
def test_golden(path: Path, request: pytest.FixtureRequest) -> None:
    loaded = load_plan(str(path))
    actual = {"encoding": loaded.encoding, "plan": loaded.plan}
    expected = path.with_suffix(".json")
    if request.config.getoption("--update-golden"):
        expected.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert json.loads(expected.read_text(encoding="utf-8")) == actual


def test_every_golden_input_has_its_json() -> None:
    assert GOLDEN and all(p.with_suffix(".json").exists() for p in GOLDEN)


@pytest.mark.parametrize("path", GOLDEN, ids=[str(p.relative_to(FIXTURES)) for p in GOLDEN])
def test_nothing_is_lost_in_any_fixture(path: Path) -> None:
    """Between the first section heading and the end of the last item, every non-space
    character belongs to exactly one section heading, section text, group or item, or to a
    line of page furniture or of the closing block; and every span slices to its text."""
    loaded = load_plan(str(path))
    text = path.read_bytes().decode(loaded.encoding)
    lost = lost_characters(text, loaded.plan)
    assert not lost, (
        f"{len(lost)} characters with no owner or two, first at {lost[0]}: {text[lost[0] : lost[0] + 20]!r}"
    )
    assert span_errors(text, loaded.plan) == []
