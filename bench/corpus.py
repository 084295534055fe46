"""A generated corpus of plans for the throughput benchmark.

Each plan is the bundled 2023 plan retypeset the way real copies differ —
full-width or ASCII punctuation, indentation, blank lines, numbering that
runs on or restarts per section, several forms of lead-unit note — with
its digits changed, so no two plans are the same text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from zhiliang_cli.source import BUNDLED_PLAN

_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"})
_NOTE = re.compile(r"\(牵头单位:([^()]+)\)")
_ITEM = re.compile(r"^(\s*)\(([一二三四五六七八九十]+)\)", re.M)
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+、", re.M)
_CN = "零一二三四五六七八九"
_NOTE_FORMS = (
    "(牵头单位:{u})",
    "（牵头单位：{u}）",
    "（责任单位：{u}）",
    "（牵头单位：{u}；配合单位：省财政厅、省统计局）",
    "（{u}牵头，省直有关单位配合）",
)


def _chinese(n: int) -> str:
    tens, ones = divmod(n, 10)
    if not tens:
        return _CN[n]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def _restart_numbering(text: str) -> str:
    out, count = [], 0
    for line in text.split("\n"):
        if _SECTION.match(line):
            count = 0
        match = _ITEM.match(line)
        if match:
            count += 1
            line = f"{match.group(1)}({_chinese(count)})" + line[match.end() :]
        out.append(line)
    return "\n".join(out)


def make_plan(rng: random.Random, base: str) -> str:
    """One retypeset copy of ``base``."""
    text = re.sub(r"\d", lambda m: str(rng.randint(1, 9)) if m.start() else m.group(), base)
    if rng.random() < 0.5:
        text = _restart_numbering(text)
    form = rng.choice(_NOTE_FORMS)
    text = _NOTE.sub(lambda m: form.format(u=m.group(1)), text)
    if rng.random() < 0.5:
        text = text.translate(_HALF_TO_FULL)
    if rng.random() < 0.5:
        text = re.sub(r"^ +", "\u3000\u3000", text, flags=re.M)
    if rng.random() < 0.5:
        text = re.sub(r"\n\s*\n", "\n", text)
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
