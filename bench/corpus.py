"""A generated corpus of plans for the throughput benchmark.

Each plan is the bundled 2023 plan retypeset the way real copies differ —
full-width or ASCII punctuation, indentation, blank lines, numbering that
runs on or restarts per section, several forms of lead-unit note (the
variants the tests use, tests/variants.py) — with its digits changed, so no
two plans are the same text.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.variants import NOTE, NOTE_FORMS, full_width, indented, no_blank_lines, per_section_numbering

from zhiliang_cli.source import BUNDLED_PLAN


def make_plan(rng: random.Random, base: str) -> str:
    """One retypeset copy of ``base``."""
    text = re.sub(r"\d", lambda m: str(rng.randint(1, 9)) if m.start() else m.group(), base)
    if rng.random() < 0.5:
        text = per_section_numbering(text)
    form = rng.choice(NOTE_FORMS)
    text = NOTE.sub(lambda m: form(m.group(1)), text)
    for variant in (full_width, indented, no_blank_lines):
        if rng.random() < 0.5:
            text = variant(text)
    return text


def corpus(megabytes: float, seed: int = 2023) -> Iterator[str]:
    """Plans until their UTF-8 size reaches ``megabytes``."""
    rng = random.Random(seed)
    base = BUNDLED_PLAN.read_text(encoding="utf-8")
    total = 0
    while total < megabytes * 1_000_000:
        plan = make_plan(rng, base)
        total += len(plan.encode("utf-8"))
        yield plan
