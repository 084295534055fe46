"""Differential fuzzing of the parser: an old tree's ``parse_text`` against the current one's.

A change made for speed must leave the parse byte-identical on every input.  This script feeds
the same texts to the old parser (``OLD_SRC``, e.g. a worktree's ``src``) and to the current one
(this repository's ``src``), each in its own process (the package has the same name in both), and
compares the JSON of the two records (``sort_keys=True, ensure_ascii=False``); a parse that raises
must raise the same exception type in both.  Every divergence is shrunk to a minimal text (delta
debugging over lines, then characters) and printed with the fields that differ.

The inputs are mutations of the genre's real documents (lines deleted, duplicated, swapped, cut,
joined, split, taken from another document; digits, numerals, punctuation, note phrases and
quantities changed or inserted; ASCII punctuation, traditional characters, stray whitespace) and
random strings over the genre's alphabet (heading markers, numbers, units, brackets, newlines).

    python -m tests.equivalence /work/wt_base/src --cases 5000 --seed 1
    python -m tests.equivalence OLD_SRC --corpus DIR --corpus DIR2 --json divergences.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NEW_SRC = REPO / "src"
DEFAULT_CORPORA = [
    REPO / "tests" / "genre",
    REPO / "tests" / "fixtures",
    Path("/work/shared/corpus"),
    Path("/work/shared/seeds"),
]

# The worker: imports zhiliang_cli from the src given as argv[1] (ahead of any installed copy),
# reads one JSON-encoded text a line and answers one JSON line: the record's JSON or the exception.
WORKER = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
sys.setrecursionlimit(10000)
from zhiliang_cli.parse import parse_text
import zhiliang_cli
out = sys.stdout
out.write(json.dumps({"file": zhiliang_cli.__file__}) + "\n")
out.flush()
for line in sys.stdin:
    text = json.loads(line)
    try:
        record = parse_text(text)
        answer = {"ok": json.dumps(record, sort_keys=True, ensure_ascii=False)}
    except BaseException as error:  # noqa: BLE001 - every exception is compared by its type
        answer = {"error": type(error).__module__ + "." + type(error).__qualname__}
    out.write(json.dumps(answer, ensure_ascii=True) + "\n")
    out.flush()
"""


class Timeout(Exception):
    """A parse that took longer than the allowed time (the worker is restarted)."""


class Worker:
    """One parser process on one source tree, restarted after a timeout or a crash."""

    def __init__(self, src: Path, timeout: float) -> None:
        self.src = src
        self.timeout = timeout
        self.proc: subprocess.Popen[str] | None = None
        self.module_file = ""

    def start(self) -> None:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(self.src)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd="/",
            env=env,
        )
        hello = self._read(60.0)
        self.module_file = json.loads(hello)["file"]

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def _read(self, timeout: float) -> str:
        assert self.proc is not None and self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            raise Timeout
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"worker for {self.src} died")
        return line

    def parse(self, text: str) -> tuple[str, str]:
        """("ok", json) or ("error", exception type) or ("timeout", "")."""
        if self.proc is None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(text, ensure_ascii=True) + "\n")
            self.proc.stdin.flush()
            answer = json.loads(self._read(self.timeout))
        except (Timeout, RuntimeError, BrokenPipeError):
            self.stop()
            return ("timeout", "")
        if "ok" in answer:
            return ("ok", answer["ok"])
        return ("error", answer["error"])


@dataclass
class Outcome:
    """What the two parsers made of one text."""

    old: tuple[str, str]
    new: tuple[str, str]

    @property
    def timed_out(self) -> bool:
        return self.old[0] == "timeout" or self.new[0] == "timeout"

    @property
    def diverges(self) -> bool:
        return not self.timed_out and self.old != self.new

    def kind(self) -> str:
        """The sort of divergence: the output differs, or one raised, or they raised differently."""
        if self.old[0] == "ok" and self.new[0] == "ok":
            return "output"
        return (
            f"raise:{self.old[1] if self.old[0] == 'error' else '-'}/{self.new[1] if self.new[0] == 'error' else '-'}"
        )


class Differ:
    """The pair of workers, old and new, and the comparison of their answers."""

    def __init__(self, old_src: Path, new_src: Path, timeout: float) -> None:
        self.old = Worker(old_src, timeout)
        self.new = Worker(new_src, timeout)
        self.old.start()
        self.new.start()
        self.calls = 0

    def run(self, text: str) -> Outcome:
        self.calls += 1
        return Outcome(self.old.parse(text), self.new.parse(text))

    def close(self) -> None:
        self.old.stop()
        self.new.stop()


# --- comparing records ---------------------------------------------------------------------


def diff_paths(old: Any, new: Any, path: str = "", out: list[tuple[str, Any, Any]] | None = None) -> list:
    """The deepest paths at which two JSON values differ, with the old and new value there."""
    if out is None:
        out = []
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new), key=str):
            if old.get(key, _MISSING) != new.get(key, _MISSING):
                diff_paths(old.get(key, _MISSING), new.get(key, _MISSING), f"{path}.{key}", out)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                diff_paths(a, b, f"{path}[{index}]", out)
    else:
        out.append((path or ".", old, new))
    return out


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING = _Missing()


def field_signature(outcome: Outcome) -> str:
    """The divergence's kind and the fields that differ, list indices elided: a bucket key."""
    if outcome.kind() != "output":
        return outcome.kind()
    paths = diff_paths(json.loads(outcome.old[1]), json.loads(outcome.new[1]))
    names = sorted({_elide(path) for path, _, _ in paths})
    return "output:" + ",".join(names)


def _elide(path: str) -> str:
    out, depth = [], 0
    for char in path:
        if char == "[":
            depth += 1
            out.append("[]")
        elif char == "]":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def describe(outcome: Outcome, limit: int = 12) -> list[str]:
    """Readable lines: the differing fields with their old and new values."""
    if outcome.kind() != "output":
        return [f"old: {outcome.old[0]} {outcome.old[1][:200]}", f"new: {outcome.new[0]} {outcome.new[1][:200]}"]
    paths = diff_paths(json.loads(outcome.old[1]), json.loads(outcome.new[1]))
    lines = []
    for path, old, new in paths[:limit]:
        lines.append(f"{path}:")
        lines.append(f"    old: {_short(old)}")
        lines.append(f"    new: {_short(new)}")
    if len(paths) > limit:
        lines.append(f"... and {len(paths) - limit} more paths")
    return lines


def _short(value: Any, width: int = 300) -> str:
    text = repr(value) if value is _MISSING else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= width else text[:width] + "…"


# --- shrinking -----------------------------------------------------------------------------


def ddmin(items: list[str], interesting: Callable[[list[str]], bool]) -> list[str]:
    """Zeller's delta debugging: a 1-minimal sublist of items for which interesting() holds."""
    granularity = 2
    while len(items) >= 2:
        chunk = max(1, len(items) // granularity)
        subsets = [items[i : i + chunk] for i in range(0, len(items), chunk)]
        reduced = False
        for index in range(len(subsets)):
            complement = [item for j, subset in enumerate(subsets) if j != index for item in subset]
            if interesting(complement):
                items = complement
                granularity = max(granularity - 1, 2)
                reduced = True
                break
        if not reduced:
            for subset in subsets:
                if len(subset) < len(items) and interesting(subset):
                    items = subset
                    granularity = 2
                    reduced = True
                    break
        if not reduced:
            if granularity >= len(items):
                break
            granularity = min(len(items), granularity * 2)
    return items


def shrink(text: str, differ: Differ, signature: str, budget: int = 4000) -> str:
    """A minimal text that still diverges with the same signature: lines first, then characters."""
    calls = [0]

    def keeps(candidate: str) -> bool:
        if calls[0] >= budget or not candidate:
            return False
        calls[0] += 1
        outcome = differ.run(candidate)
        return outcome.diverges and field_signature(outcome) == signature

    lines = text.splitlines(keepends=True)
    lines = ddmin(lines, lambda parts: keeps("".join(parts)))
    text = "".join(lines)
    chars = ddmin(list(text), lambda parts: keeps("".join(parts)))
    text = "".join(chars)
    # A last pass: drop single characters one at a time until none can go.
    changed = True
    while changed and calls[0] < budget:
        changed = False
        for index in range(len(text)):
            candidate = text[:index] + text[index + 1 :]
            if keeps(candidate):
                text, changed = candidate, True
                break
    return text


# --- inputs --------------------------------------------------------------------------------

PUNCTUATION = list('（）()、，。；：“”"《》【】')
NOTE_PHRASES = [
    "（牵头单位：省市场监管局，配合单位：省发改委）",
    "（牵头单位：省市场监管局；配合单位：省发改委、省工信厅）",
    "（责任单位：省市场监管局、省商务厅）",
    "责任单位：省市场监管局、省发改委",
    "（列第一位者为牵头单位）",
    "列第一位者为牵头单位",
    "（省市场监管局牵头，省发改委配合）",
    "牵头单位：省教育厅",
    "（完成时限：2024年底前）",
    "以上三项由省市场监管局牵头",
    "上述任务由省发改委牵头，省财政厅配合",
    "（各设区市人民政府负责）",
    "【牵头单位】省科技厅",
    "（省科技厅，各市县政府）",
    "（省委网信办（省互联网信息办公室）、各地）",
    "（市住建局、市自然资源和规划局）",
    "（牵头单位：省发改委、省工信厅；责任单位：各设区市人民政府）",
    "（牵头单位：",
    "【责任单位】省市场监管局【完成时限】2024年底前",
    "（完成时限：2024年底前，由省发改委牵头）",
    "(省市场监管局牵头,省发改委配合)",
    "。责任单位：省教育厅、省人社厅",
    "（牵头\n单位：省林业局）",
]
QUANTITIES = [
    "10个", "95%以上", "1.5万家", "不低于80%", "翻一番", "2025年底前", "达到100亿元", "新增50家",
    "力争突破1000项", "不少于3个", "5-10家", "增长10%左右", "百分之三", "一到两个", "0.07万", "30%",
    "2023年", "6月底前", "每年", "累计", "提高到90%", "控制在5%以内", "超过200亿元", "3年内", "第一",
    "10%以上", "1亿", "“十四五”", "“一带一路”", "“三品”", "万元", "个百分点", "1.5个百分点",
]  # fmt: skip
CN_DIGITS = "〇一二三四五六七八九十百千万两"
FW_DIGITS = "０１２３４５６７８９"
ASCII_PUNCT = {"，": ",", "。": ".", "；": ";", "：": ":", "（": "(", "）": ")", "、": ",", "“": '"', "”": '"'}
WHITESPACE = [" ", "\t", "\u3000", "\r\n", "\n", "\n\n", "\r", "  ", "\u00a0", "\ufeff"]
#: Characters str.splitlines() or str.isspace() read as breaks or spaces and the line index does not.
ODD_SPACES = ["\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\u200b", "\x00"]
HEADING_MARKERS = [
    "一、", "二、", "三、", "十、", "十一、", "（一）", "（二）", "（三）", "(四)", "（十）", "1.", "2.", "3．",
    "1、", "2、", "（1）", "（2）", "(3)", "①", "②", "一是", "二是", "第一条", "第二章", "附件", "附件：",
]  # fmt: skip
ALPHABET = [
    *HEADING_MARKERS,
    *"0123456789０１２３４５６７８９一二三四五六七八九十百千万亿",
    *"年月日底前后%个家项条所座亿万元吨户人名次批间份",
    *PUNCTUATION, "\n", "\n", "\n", " ", "\u3000", "\t", ".", "-", "~", "—", "至", "到",
    "牵头单位：", "配合单位：", "责任单位：", "牵头", "配合", "负责", "省市场监管局", "省发改委", "各市",
    "达到", "不低于", "以上", "以下", "左右", "新增", "力争", "完成", "累计", "超过", "不超过", "提高", "增长",
    "推进", "加强", "实施", "工作要点", "实施意见", "行动计划", "关于印发", "的通知", "到2025年", "2023年",
    "的", "和", "及", "等", "其中", "每年", "目标", "主要目标", "重点任务", "保障措施", "组织领导",
]  # fmt: skip


SENTENCE_PARTS = [
    "推进农产品按标生产", "支持制修订农业标准", "建成", "新增", "培育", "认定绿色工厂", "完成率低于",
    "对年度计划完成率低于", "的地区进行通报", "每年新增用水总量不超过", "实施“三品”战略", "打造“福建制造”品牌",
    "按利率的", "最高不超过", "给予补助", "安排专项资金", "可申请", "争创", "力争", "达到", "全省", "其中",
    "以上三项由省市场监管局牵头", "由省发改委负责", "各地要", "设召集人", "由9个部门组成", "优先支持",
    "压减粗钢产能", "降低企业成本", "提升改造企业", "在……的基础上", "累计", "年底前完成", "同比增长",
    "\"", "“", "”", "《质量强国建设纲要》", "（", "）", "【牵头单位】", "完成时限：2024年底前",
]  # fmt: skip


def _cn(number: int) -> str:
    """一 … 十九: the numerals of headings."""
    digits = "一二三四五六七八九"
    if number < 10:
        return digits[number - 1]
    return "十" + (digits[number - 11] if number > 10 else "")


def load_corpus(dirs: list[Path]) -> list[str]:
    """The genre's texts: every .txt under the given directories (and files given directly)."""
    texts = []
    for base in dirs:
        paths = [base] if base.is_file() else sorted(base.rglob("*.txt"))
        for path in paths:
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return [text for text in texts if text.strip()]


def _converter() -> Callable[[str], str] | None:
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("s2t").convert


@dataclass
class Generator:
    """Makes test inputs: mutants of corpus texts and random strings over the genre's alphabet."""

    rng: random.Random
    corpus: list[str]
    to_traditional: Callable[[str], str] | None = None
    mutators: list[Callable[[str], str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mutators = [
            self.delete_lines,
            self.duplicate_line,
            self.swap_lines,
            self.cut,
            self.join_lines,
            self.split_line,
            self.foreign_line,
            self.change_digits,
            self.insert_punctuation,
            self.delete_punctuation,
            self.insert_note,
            self.insert_quantity,
            self.asciify,
            self.whitespace,
            self.traditional,
            self.insert_heading,
            self.replace_span,
        ]

    def case(self) -> tuple[str, str]:
        """(label, text): a mutant of a document (or an excerpt of one), or a random string."""
        roll = self.rng.random()
        if roll < 0.15 or not self.corpus:
            return "random", self.random_string()
        if roll < 0.3:
            text = self.synthetic_plan()
            if self.rng.random() < 0.5:
                mutator = self.rng.choice(self.mutators)
                return "synthetic+" + mutator.__name__, mutator(text)
            return "synthetic", text
        text = self.rng.choice(self.corpus)
        if roll < 0.55:
            text = self.excerpt(text)
        names = []
        for _ in range(self.rng.choice([1, 1, 1, 2, 2, 3, 5, 8])):
            mutator = self.rng.choice(self.mutators)
            names.append(mutator.__name__)
            text = mutator(text)
        return "+".join(names), text

    def synthetic_plan(self) -> str:
        """A plan made up from the genre's parts: a notice, sections, groups and items whose sentences
        hold quantities, times, quotations and notes (wrapped over lines now and then)."""
        rng = self.rng
        out = []
        if rng.random() < 0.5:
            out += ["关于印发《2024年质量强省工作要点》的通知", "闽质强省办〔2024〕3号", "各设区市人民政府：", ""]
            out += ["现印发给你们，请认真贯彻落实。", "省质量强省工作领导小组办公室", "2024年3月14日", ""]
        out.append(rng.choice(["2024年质量强省工作要点", "关于推进高质量发展的实施意见", "行动计划（2024—2026年）"]))
        for section in range(1, rng.randint(1, 5) + 1):
            title = rng.choice(["总体要求", "重点任务", "保障措施", "主要目标", "加强质量基础"])
            out.append(_cn(section) + "、" + title)
            for group in range(1, rng.randint(0, 4) + 1):
                out.append(f"（{_cn(group)}）" + self.sentence(title=True))
                for item in range(1, rng.randint(0, 3) + 1):
                    marker = rng.choice([f"{item}.", f"{item}．", f"（{item}）", f"{item}、"])
                    out.append(marker + self.sentence())
            if rng.random() < 0.3:
                out.append(self.sentence())
        if rng.random() < 0.3:
            out += ["附件：1.任务分工表", "附件1", "任务分工表"]
        if rng.random() < 0.2:
            out.append(rng.choice(["附则", "（此件主动公开）", "抄送：省委办公厅。", "— 3 —"]))
        joiner = rng.choice(["\n", "\n", "\n", "\r\n", "\r", "\n\n"])
        return joiner.join(out) + rng.choice(["", "\n", "  ", "\n\n"])

    def sentence(self, title: bool = False) -> str:
        """A task's words: verbs, quantities, times and quotations, maybe a note at the end."""
        rng = self.rng
        parts = []
        for _ in range(rng.randint(1, 2 if title else 5)):
            parts.append(rng.choice(SENTENCE_PARTS))
            if rng.random() < 0.5:
                parts.append(rng.choice(QUANTITIES))
            parts.append(rng.choice(["，", "。", "；", "、", "", "，力争", "。到2025年，"]))
        words = "".join(parts)
        if rng.random() < (0.2 if title else 0.5):
            note = rng.choice(NOTE_PHRASES)
            if rng.random() < 0.2:  # wrapped in print
                cut = rng.randint(1, max(1, len(note) - 1))
                note = note[:cut] + rng.choice(["\n", "\r\n", "\n  "]) + note[cut:]
            words = words + note if rng.random() < 0.7 else note + words
        return words

    def excerpt(self, text: str) -> str:
        """A run of a document's lines (small inputs parse fast and shrink fast)."""
        lines = text.splitlines(keepends=True)
        if len(lines) < 4:
            return text
        size = self.rng.randint(2, min(len(lines), 40))
        start = self.rng.randint(0, len(lines) - size)
        return "".join(lines[start : start + size])

    def random_string(self) -> str:
        """Tokens of the genre's alphabet; most often as lines under heading markers, below a section's
        heading (a string with no structure is no plan, and reads no further than that)."""
        rng = self.rng
        if rng.random() < 0.3:
            length = rng.choice([5, 10, 20, 40, 80, 160])
            return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, length)))
        lines = [rng.choice(["一、重点任务", "一、", "二、保障措施", "第一条"])] if rng.random() < 0.7 else []
        for _ in range(rng.randint(1, 8)):
            marker = rng.choice(HEADING_MARKERS) if rng.random() < 0.6 else ""
            length = rng.choice([3, 6, 12, 24])
            lines.append(marker + "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, length))))
        return rng.choice(["\n", "\n", "\r\n", "\r"]).join(lines)

    def _lines(self, text: str) -> list[str]:
        return text.splitlines(keepends=True) or [""]

    def _pos(self, text: str) -> int:
        return self.rng.randint(0, len(text))

    def delete_lines(self, text: str) -> str:
        lines = self._lines(text)
        start = self.rng.randrange(len(lines))
        return "".join(lines[:start] + lines[start + self.rng.randint(1, 3) :])

    def duplicate_line(self, text: str) -> str:
        lines = self._lines(text)
        index = self.rng.randrange(len(lines))
        return "".join([*lines[: index + 1], lines[index], *lines[index + 1 :]])

    def swap_lines(self, text: str) -> str:
        lines = self._lines(text)
        a, b = self.rng.randrange(len(lines)), self.rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
        return "".join(lines)

    def cut(self, text: str) -> str:
        return text[: self._pos(text)] if self.rng.random() < 0.7 else text[self._pos(text) :]

    def join_lines(self, text: str) -> str:
        lines = self._lines(text)
        index = self.rng.randrange(len(lines))
        lines[index] = lines[index].rstrip("\r\n")
        return "".join(lines)

    def split_line(self, text: str) -> str:
        pos = self._pos(text)
        return text[:pos] + self.rng.choice(["\n", "\n", "\r\n", "\n\n"]) + text[pos:]

    def foreign_line(self, text: str) -> str:
        if not self.corpus:
            return text
        other = self._lines(self.rng.choice(self.corpus))
        line = self.rng.choice(other)
        if not line.endswith("\n"):
            line += "\n"
        lines = self._lines(text)
        index = self.rng.randint(0, len(lines))
        return "".join([*lines[:index], line, *lines[index:]])

    def change_digits(self, text: str) -> str:
        digits = [i for i, char in enumerate(text) if char.isdigit() or char in CN_DIGITS]
        if not digits:
            return self.insert_quantity(text)
        chars = list(text)
        for index in self.rng.sample(digits, min(len(digits), self.rng.randint(1, 4))):
            pool = self.rng.choice(["0123456789", CN_DIGITS, FW_DIGITS])
            chars[index] = self.rng.choice(pool)
        return "".join(chars)

    def insert_punctuation(self, text: str) -> str:
        pos = self._pos(text)
        return text[:pos] + self.rng.choice(PUNCTUATION) + text[pos:]

    def delete_punctuation(self, text: str) -> str:
        marks = [i for i, char in enumerate(text) if char in PUNCTUATION]
        if not marks:
            return text
        index = self.rng.choice(marks)
        return text[:index] + text[index + 1 :]

    def insert_note(self, text: str) -> str:
        lines = self._lines(text)
        index = self.rng.randrange(len(lines))
        line = lines[index]
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        note = self.rng.choice(NOTE_PHRASES)
        if self.rng.random() < 0.6:
            # at the end of the line, before or after its last stop
            if body.endswith("。") and self.rng.random() < 0.5:
                body = body[:-1] + note + "。"
            else:
                body += note
        else:
            pos = self.rng.randint(0, len(body))
            body = body[:pos] + note + body[pos:]
        lines[index] = body + ending
        return "".join(lines)

    def insert_quantity(self, text: str) -> str:
        pos = self._pos(text)
        return text[:pos] + self.rng.choice(QUANTITIES) + text[pos:]

    def asciify(self, text: str) -> str:
        if self.rng.random() < 0.5:
            return "".join(ASCII_PUNCT.get(char, char) for char in text)
        # only some of the marks
        return "".join(ASCII_PUNCT.get(char, char) if self.rng.random() < 0.3 else char for char in text)

    def whitespace(self, text: str) -> str:
        if self.rng.random() < 0.2:
            return text.replace("\n", self.rng.choice(["\r\n", "\r", "\n\n", " \n", "\u3000\n"]))
        pos = self._pos(text)
        pool = ODD_SPACES if self.rng.random() < 0.15 else WHITESPACE
        return text[:pos] + self.rng.choice(pool) + text[pos:]

    def traditional(self, text: str) -> str:
        if self.to_traditional is None:
            return text
        if self.rng.random() < 0.6:
            return self.to_traditional(text)
        start = self._pos(text)
        end = min(len(text), start + self.rng.randint(1, 200))
        return text[:start] + self.to_traditional(text[start:end]) + text[end:]

    def insert_heading(self, text: str) -> str:
        lines = self._lines(text)
        index = self.rng.randint(0, len(lines))
        marker = self.rng.choice(HEADING_MARKERS)
        if self.rng.random() < 0.5 and index < len(lines):
            lines[index] = marker + lines[index]
        else:
            lines.insert(index, marker + self.rng.choice(["重点任务", "加强组织领导", "", "目标"]) + "\n")
        return "".join(lines)

    def replace_span(self, text: str) -> str:
        start = self._pos(text)
        end = min(len(text), start + self.rng.randint(0, 6))
        return text[:start] + self.random_string()[:8] + text[end:]


# --- the run -------------------------------------------------------------------------------


@dataclass
class Divergence:
    signature: str
    label: str
    original: str
    minimal: str
    outcome: Outcome


def run(
    old_src: Path,
    new_src: Path,
    cases: int,
    seed: int,
    corpora: list[Path],
    timeout: float,
    max_per_signature: int,
    deadline: float | None,
) -> tuple[int, list[Divergence], list[str]]:
    """Run the cases; returns (cases run, shrunk divergences, texts that timed out)."""
    rng = random.Random(seed)
    generator = Generator(rng, load_corpus(corpora), _converter())
    differ = Differ(old_src, new_src, timeout)
    print(f"old: {differ.old.module_file}\nnew: {differ.new.module_file}", file=sys.stderr)
    print(
        f"corpus: {len(generator.corpus)} texts, traditional: {generator.to_traditional is not None}", file=sys.stderr
    )
    found: dict[str, list[Divergence]] = {}
    minimal_seen: set[str] = set()
    timeouts: list[str] = []
    done = 0
    signal.signal(signal.SIGTERM, _interrupt)  # a run stopped from outside still reports what it found
    try:
        for done, (label, text) in enumerate(_cases(generator, cases), start=1):
            if deadline is not None and time.time() > deadline:
                done -= 1
                break
            if done % 1000 == 0:
                print(f"[case {done}] {sum(map(len, found.values()))} divergences", file=sys.stderr, flush=True)
            outcome = differ.run(text)
            if outcome.timed_out:
                timeouts.append(text)
                continue
            if not outcome.diverges:
                continue
            signature = field_signature(outcome)
            bucket = found.setdefault(signature, [])
            if len(bucket) >= max_per_signature:
                continue
            minimal = shrink(text, differ, signature)
            if minimal in minimal_seen:
                continue
            minimal_seen.add(minimal)
            final = differ.run(minimal)
            bucket.append(Divergence(signature, label, text, minimal, final))
            print(f"[case {done}] divergence {signature} ({label}): {minimal!r}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print(f"[case {done}] interrupted", file=sys.stderr, flush=True)
    finally:
        differ.close()
    return done, [d for bucket in found.values() for d in bucket], timeouts


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _cases(generator: Generator, cases: int) -> Iterator[tuple[str, str]]:
    # The corpus as it is comes first: the known documents must agree before their mutants.
    count = 0
    for text in generator.corpus:
        if count >= cases:
            return
        count += 1
        yield "corpus", text
    while count < cases:
        count += 1
        yield generator.case()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.equivalence", description=__doc__.splitlines()[0])
    parser.add_argument("old_src", type=Path, help="the old tree's src directory (holding zhiliang_cli)")
    parser.add_argument("--new-src", type=Path, default=NEW_SRC, help="the new tree's src (default: this repo's)")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, action="append", help="a directory of .txt plans (repeatable)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds a parse may take")
    parser.add_argument("--max-per-signature", type=int, default=3, help="divergences shrunk per field set")
    parser.add_argument("--minutes", type=float, help="stop generating after this many minutes")
    parser.add_argument("--json", type=Path, help="also write the divergences here as JSON")
    args = parser.parse_args(argv)
    corpora = args.corpus or [path for path in DEFAULT_CORPORA if path.exists()]
    deadline = time.time() + args.minutes * 60 if args.minutes else None
    started = time.time()
    done, divergences, timeouts = run(
        args.old_src.resolve(),
        args.new_src.resolve(),
        args.cases,
        args.seed,
        corpora,
        args.timeout,
        args.max_per_signature,
        deadline,
    )
    print(f"{done} cases in {time.time() - started:.0f} s, seed {args.seed}: {len(divergences)} divergences")
    for number, divergence in enumerate(divergences, start=1):
        print(f"\n=== divergence {number}: {divergence.signature} (from {divergence.label})")
        print("minimal input (repr):", repr(divergence.minimal))
        print("----8<----")
        print(divergence.minimal)
        print("----8<----")
        for line in describe(divergence.outcome):
            print("  " + line)
    if timeouts:
        print(f"\n{len(timeouts)} texts timed out in one parser or both (not compared); first: {timeouts[0][:200]!r}")
    if args.json:
        records = [
            {
                "signature": d.signature,
                "label": d.label,
                "minimal": d.minimal,
                "original": d.original,
                "old": d.outcome.old,
                "new": d.outcome.new,
            }
            for d in divergences
        ]
        args.json.write_text(json.dumps({"cases": done, "divergences": records}, ensure_ascii=False, indent=1))
    return 1 if divergences else 0


if __name__ == "__main__":
    sys.exit(main())
