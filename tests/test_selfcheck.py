"""The corpus self-check of issue 18: nothing to report on ../shared/corpus, and the check itself sees
what it looks for."""

from __future__ import annotations

import pytest

from . import selfcheck
from .conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_the_corpus_has_nothing_to_report() -> None:
    findings = [str(f) for name, text in selfcheck.documents([str(CORPUS)]) for f in selfcheck.check(name, text)]
    assert findings == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("做好工作。（牵头单位：省局）", ["（牵头单位：省局）"]),
        ("做好工作（省局、市局负责）。", ["（省局、市局负责）"]),
        ("责任单位：省局\n", ["责任单位：省局"]),
        ("（含省局）做好工作，加强领导。", []),  # no role word
        ("技工院校（由人社部门负责），教育部门指导。", []),  # a remark in the middle of a sentence
    ],
)
def test_notes_by_their_shape(text: str, found: list[str]) -> None:
    assert [what for _, _, what in selfcheck._notes_by_shape(text, 0, len(text))] == found


@pytest.mark.parametrize(
    ("name", "suspicious"),
    [
        ("省市场监管局", False),
        ("12315指挥中心", False),
        ("列第一位者为牵头单位", True),
        ("省局负责", True),
        ("2023年", True),
    ],
)
def test_unit_names_with_rule_words_verbs_or_numbers(name: str, suspicious: bool) -> None:
    word = any(w in name for w in selfcheck.NOT_IN_NAMES) or selfcheck.RE_DIGIT.search(name) is not None
    assert word == suspicious


def test_a_lost_line_and_a_missing_kind_are_reported() -> None:
    text = "一、重点任务\n（一）做好工作。（牵头单位：省局）\n（二）加强领导。（牵头单位：市局）\n"
    assert selfcheck.check("doc", text) == []
    refused = selfcheck.check("notes", "这不是一份工作要点。\n")
    assert [f.kind for f in refused] == ["no_kind"]
