"""A self-check of the parse over a whole corpus, needing no annotation (issue 18).

    python -m tests.selfcheck [PATH …]     # default: every file of ../shared/corpus

It looks at what the text shows by its shape, with word lists of its own (not the parser's, so
that the two do not share a blind spot), and reports every place where the parse disagrees:

* ``note_lost`` — a note by its shape (brackets at the end of a sentence or a paragraph, or a line
  of its own, holding a role word: 牵头, 负责, 配合, 责任单位 …) from which no unit was read;
* ``unit_words`` — a unit's name holding a rule word, a role verb or a digit (a note read wrong);
* ``missing_units`` — an item without units, in a plan where most items have them, whose text
  holds a note by its shape;
* ``text_lost`` — a line of the body that no section, item or closing text holds, and that is not
  page furniture as a whole line;
* ``number_repeats`` — two items with one number;
* ``no_kind`` — the document's kind (plan, reply, bulletin, …) not stated.

Exit 1 when anything is reported.  tests/test_selfcheck.py runs it over ../shared/corpus and
expects nothing.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

#: Words of a role in a note (its own list: the check must not share the parser's blind spots).
ROLE_WORDS = (
    "牵头", "负责", "配合", "参与", "参加", "协同", "协办", "主办", "主责", "协助", "责任单位", "责任部门",
    "责任处室", "责任科室", "分头落实", "共同推进",
    "牽頭", "負責", "責任單位", "配合單位", "參與", "協同", "協辦", "主辦",
)  # fmt: skip
#: Words that never belong in a unit's name: how to read the notes, and what units do.
NOT_IN_NAMES = (
    "牵头", "负责", "配合", "按职责", "按职能", "分工", "列第", "第一位", "首位", "下同", "不再列出", "逗号", "顿号",
    "为准", "不分先后", "单位：", "部门：", "牽頭", "負責",
)  # fmt: skip
OPEN, CLOSE = "（(〔[【［", "）)〕]】］"
RE_BRACKET_BODY = re.compile(r"[（(〔\[【［]([^（()）〔〕\[\]【】［］\r\n]{1,400})[）)〕\]】］]")
RE_OWN_LINE_NOTE = re.compile(
    r"^[ \t\u3000]*[【\[［]?(?:牵头|责任|配合|参与|参加|协同|协办|主办|主责|牽頭|責任|參與)"
    r"[\u4e00-\u9fff]{0,4}[】\]］]?[ \t\u3000]*[：:]",
    re.M,
)
#: A number in a name: a quantity or a date (12315指挥中心, a hotline's name, is not one).
RE_DIGIT = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[%％个项家万亿元年月日]|$)")
#: What a line of page furniture is as a whole: a page number, or a label of the page alone.
RE_FURNITURE = re.compile(
    r"^(?:[—－\-–]\s*\d+\s*[—－\-–]|第\d+页(?:\s*共\d+页)?|\d{1,3}"
    r"|【?(?:打印|关闭|分享|分享到|来源|字号|字体|收藏|返回顶部|扫一扫|打印本页|关闭窗口)[】:：]?.{0,20}"
    r"|附件\s*[0-9０-９]*)$"
)
SENTENCE_ENDS = "。；;！？!?"


@dataclass(frozen=True)
class Finding:
    document: str
    kind: str
    line: int
    detail: str

    def __str__(self) -> str:
        return f"{self.document}:{self.line}: {self.kind}: {self.detail}"


def check(name: str, text: str) -> list[Finding]:
    """Every finding for one document (its decoded text)."""
    from zhiliang_cli.errors import ZlError
    from zhiliang_cli.parse.lines import LineIndex
    from zhiliang_cli.parse.pipeline import parse_text
    from zhiliang_cli.parse.script import simplified
    from zhiliang_cli.parse.structure import parse_structure

    try:
        plan: Any = parse_text(text)
    except ZlError as error:
        return [Finding(name, "no_kind", 1, f"refused: {error}")]
    if not plan["sections"]:
        return [] if plan.get("kind") else [Finding(name, "no_kind", 1, "the document's kind is not stated")]
    reading = simplified(text) or text  # the notes of a plan in traditional script are read in simplified
    index = LineIndex(reading)
    structure = parse_structure(reading, index)
    starts = [line.start for line in index.lines]

    def line_of(offset: int) -> int:
        return index.line_of(offset)

    findings: list[Finding] = []
    items = [item for section in plan["sections"] for item in section["items"]]
    if not plan.get("kind"):
        findings.append(Finding(name, "no_kind", 1, "the document's kind is not stated"))
    numbers = [item["number"] for item in items]
    for number in sorted({n for n in numbers if numbers.count(n) > 1}):
        findings.append(Finding(name, "number_repeats", items[numbers.index(number)]["line"], f"item {number}"))
    body_start = plan["sections"][0]["span"][0] if plan["sections"] else len(text)
    body_end = _body_end(plan, items)
    read = [(n.start, n.end, bool(n.lead_units or n.cooperating_units)) for n in structure.notes]
    read += [
        (n["span"][0], n["span"][1], bool(n["lead_units"] or n["cooperating_units"])) for i in items for n in i["notes"]
    ]
    for start, end, what in _notes_by_shape(text, body_start, body_end):
        if not any(a < end and start < b and ok for a, b, ok in read):  # no note read over it gave units
            findings.append(Finding(name, "note_lost", line_of(start), what))
    for item in items:
        for unit in item["lead_units"] + item["cooperating_units"]:
            word = next((w for w in NOT_IN_NAMES if w in unit), None)
            if word is not None or RE_DIGIT.search(unit):
                findings.append(Finding(name, "unit_words", item["line"], f"item {item['number']}: {unit!r}"))
    with_units = sum(bool(item["lead_units"] or item["cooperating_units"]) for item in items)
    if items and with_units * 2 > len(items):
        for item in items:
            if item["lead_units"] or item["cooperating_units"]:
                continue
            start, end = item["span"]
            if any(True for _ in _notes_by_shape(text, start, end)):
                findings.append(
                    Finding(name, "missing_units", item["line"], f"item {item['number']} {item['title'][:20]}")
                )
    covered = _covered(plan, items)
    seen: set[str] = set()  # lines with tabs seen so far: a table's header repeated on a new page is furniture
    for line in index.lines:
        content = text[line.start : line.end]
        repeated = "\t" in content and content in seen
        if "\t" in content:
            seen.add(content)
        if not body_start <= line.start < body_end:
            continue
        if _holds(covered, line.start, line.end):
            continue
        if RE_FURNITURE.match(content) or repeated:
            continue
        findings.append(Finding(name, "text_lost", line.number, content[:40]))
    del starts
    return findings


def _body_end(plan: dict[str, Any], items: list[dict[str, Any]]) -> int:
    ends = [item["span"][1] for item in items]
    ends += [s["text_span"][1] for s in plan["sections"] if s["text_span"]]
    ends += [s["span"][1] for s in plan["sections"]]
    if plan.get("closing_span"):
        ends.append(plan["closing_span"][1])
    return max(ends, default=0)


def _covered(plan: dict[str, Any], items: list[dict[str, Any]]) -> list[tuple[int, int]]:
    spans = [tuple(item["span"]) for item in items]
    spans += [tuple(s["span"]) for s in plan["sections"]]
    spans += [tuple(s["text_span"]) for s in plan["sections"] if s["text_span"]]
    spans += [tuple(g["span"]) for s in plan["sections"] for g in s["groups"]]
    if plan.get("closing_span"):
        spans.append(tuple(plan["closing_span"]))
    for part in plan.get("parts", []):
        spans.append(tuple(part["span"]))
        if part["text_span"]:
            spans.append(tuple(part["text_span"]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _holds(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(spans, (start, 10**18)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _notes_by_shape(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Notes by their shape in ``text[start:end]``: (start, end, the note as printed)."""
    for match in RE_BRACKET_BODY.finditer(text, start, end):
        body = match.group(1)
        if not any(word in body for word in ROLE_WORDS):
            continue
        before = text[max(0, match.start() - 1) : match.start()]
        after = text[match.end() : match.end() + 1]
        at_end = after in ("", "\n", "\r") or after in SENTENCE_ENDS + OPEN or before in SENTENCE_ENDS
        if at_end:
            yield match.start(), match.end(), match.group()
    for match in RE_OWN_LINE_NOTE.finditer(text, start, end):
        line_end = text.find("\n", match.start())
        line_end = end if line_end < 0 or line_end > end else line_end
        yield match.start(), line_end, text[match.start() : line_end].strip()[:40]


def documents(paths: list[str]) -> Iterator[tuple[str, str]]:
    from zhiliang_cli.cache import _read_text
    from zhiliang_cli.source import read_bytes

    files = [Path(p) for p in paths] or [CORPUS]
    for base in files:
        found = sorted(base.rglob("*.txt")) if base.is_dir() else [base]
        for path in found:
            name = str(path.relative_to(base.parent)) if base.is_dir() else path.name
            yield name, _read_text(read_bytes(str(path)))[0]


def main(argv: list[str]) -> int:
    total = 0
    by_kind: dict[str, int] = {}
    for name, text in documents(argv):
        for finding in check(name, text):
            total += 1
            by_kind[finding.kind] = by_kind.get(finding.kind, 0) + 1
            print(finding)
    print(f"{total} findings" + (": " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())) if total else ""))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
