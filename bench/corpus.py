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
from typing import Any

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


def edition_pair(items: int, changed: float, seed: int = 2023) -> tuple[str, str]:
    """Two editions of a plan of ``items`` items, in sections of 50, numbered afresh in
    each: the OLD one made of the bundled plan's titles and sentences, shuffled so that
    no two items say the same; the NEW one with the share ``changed`` of its items
    edited as an office would (reworded, numbers changed, retitled, given other lead
    units, moved), 3% dropped and 3% added."""
    from tests.editions import Edition, Item, Section

    rng = random.Random(seed)
    base = Edition.read(BUNDLED_PLAN.read_text(encoding="utf-8"))
    sentences = sorted({s for i in base.items() for s in i.sentences.split("。") if len(s) > 8})
    titles = [i.title for i in base.items()]
    units = sorted({i.note for i in base.items() if i.note})

    def item(key: int) -> Item:
        body = "。".join(rng.sample(sentences, rng.randint(2, 4)))
        return Item(key, f"{rng.choice(titles)}{rng.choice('一二三四五六七八九')}。{body}。{rng.choice(units)}")

    sections = [Section(f"{base.sections[k % 8].title}（{k + 1}）") for k in range((items + 49) // 50)]
    for key in range(1, items + 1):
        sections[(key - 1) // 50].items.append(item(key))
    old = Edition(base.head, sections, base.tail)
    new = old.copy()
    for key in range(1, items + 1):
        roll = rng.random()
        if roll < 0.03:
            new.drop(key)
        elif roll < 0.03 + changed:
            _edit(rng, new, key, sentences, titles, units)
    for _ in range(items * 3 // 100):
        added = item(0)
        rng.choice(new.sections).items.insert(rng.randint(0, 49), added)
    return old.text(per_section=True), new.text(per_section=True)


def _edit(
    rng: random.Random, edition: Any, key: int, sentences: list[str], titles: list[str], units: list[str]
) -> None:
    target = edition.item(key)
    kind = rng.choice(["reword", "numbers", "retitle", "leads", "move"])
    if kind == "reword":
        parts = target.sentences.split("。")
        parts[rng.randrange(len(parts) - 1)] = rng.choice(sentences)
        target.body = f"{target.title}。{'。'.join(parts)}{target.note}"
    elif kind == "numbers":
        target.body = re.sub(r"\d", lambda m: str(rng.randint(1, 9)), target.body)
        target.body = f"{target.title}。{target.sentences}新增示范企业{rng.randint(10, 99)}家。{target.note}"
    elif kind == "retitle":
        edition.retitle(key, rng.choice(titles) + "十")
    elif kind == "leads":
        target.body = f"{target.title}。{target.sentences}{rng.choice(units)}"
    else:
        edition.move(key, rng.randint(1, len(edition.sections)))
