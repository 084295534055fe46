"""Every real document of the genre in ../shared/corpus (State Council and General Office
documents, provincial and city policies): parsed with nothing lost and every span exact, or
refused with one clear line — never a traceback (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhiliang_cli.errors import ZlError

from .invariants import assert_whole_or_refused, parsed

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DOCUMENTS = sorted(CORPUS.glob("*/*.txt"))

pytestmark = pytest.mark.skipif(not DOCUMENTS, reason="../shared/corpus is not beside the checkout")


@pytest.mark.parametrize("path", DOCUMENTS, ids=[f"{p.parent.name}/{p.name}" for p in DOCUMENTS])
def test_document_parses_whole_or_is_refused_in_one_line(path: Path) -> None:
    assert_whole_or_refused(path)


def test_most_real_documents_are_read_as_plans() -> None:
    """The corpus holds replies, decisions and regulations too; most of it is plans."""
    read = sum(not isinstance(parsed(path)[1], ZlError) for path in DOCUMENTS)
    assert read >= 0.75 * len(DOCUMENTS)
