"""The task ledger (任务分工台账): a parsed plan as the workbook that lead units fill in.

Three sheets, the first row of each its header::

    任务  序号 章节 任务 任务内容 牵头单位 配合单位 完成时限 量化指标数 | 进展情况 完成状态 备注
    指标  指标编号 序号 牵头单位 指标 目标值 下限 上限 单位 要求 时限 | 完成值 完成说明
    说明  项目 内容: the plan's title, 发文字号, 成文日期, the source file's SHA-256, what
          part of the plan the workbook holds, the zl version, when it was made, how to fill it in

The columns after ``|`` are the ones a unit fills in; the others are locked.  A
target's 指标编号 is ``{item number}-{k}``, the k-th target of the item, so
``1-2`` is the second target of item 1; a target stated in a section's own text,
before its first item, is ``{the section's place in Chinese numerals}-{k}`` (``八-1``
in the eighth section) and has no 序号: never an item's id, even where sections are
numbered 1. 2. or their numbering starts again; one the plan sets before its first
section (its preamble: 总体目标, 具体指标) is ``总-{k}``.

``--split-by lead`` writes one workbook per lead unit, holding the items it leads
(an item with two lead units is in both) and their targets; items with no lead unit
and the targets of sections' own text go to one more workbook, ``未明确牵头单位.xlsx``,
so that every row of the plan is in exactly one set of files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import UsageError
from .printable import printable
from .query import items as plan_items
from .query import lead_rows

if TYPE_CHECKING:
    from .cache import LoadedPlan
    from .records import DeadlineRecord, ItemRecord, PlanRecord, TargetRecord
    from .workbook import Sheet, Value

TASKS, TARGETS, NOTES = "任务", "指标", "说明"
TASK_COLUMNS = (
    "序号", "章节", "任务", "任务内容", "牵头单位", "配合单位", "完成时限", "量化指标数",
    "进展情况", "完成状态", "备注",
)  # fmt: skip
TARGET_COLUMNS = (
    "指标编号", "序号", "牵头单位", "指标", "对象", "目标", "要求", "目标值", "下限", "上限", "单位", "时限",
    "完成值", "完成说明",
)  # fmt: skip
NOTE_COLUMNS = ("项目", "内容")
#: The widest each column is made, in digit widths (a Chinese character takes two): together
#: about one A4 landscape page, the plan's text the widest, room to write in the fill-in columns.
TASK_WIDEST = {
    "序号": 5, "章节": 10, "任务": 10, "任务内容": 42, "牵头单位": 9, "配合单位": 9, "完成时限": 9,
    "量化指标数": 6, "进展情况": 18, "完成状态": 8, "备注": 10,
}  # fmt: skip
TARGET_WIDEST = {
    "指标编号": 6, "序号": 5, "牵头单位": 9, "指标": 26, "对象": 10, "目标": 9, "要求": 8, "目标值": 7,
    "下限": 5, "上限": 5, "单位": 6, "时限": 12, "完成值": 8, "完成说明": 16,
}  # fmt: skip
TASK_FILL = ("进展情况", "完成状态", "备注")
TARGET_FILL = ("完成值", "完成说明")
STATES = ("未启动", "推进中", "已完成", "未完成")
UNIT_JOINER = "、"
NO_LEAD = "未明确牵头单位"
SOURCE_LABEL = "源文件"
SHA_LABEL = "源文件SHA-256"
SCOPE_LABEL = "范围"
WHOLE = "全部任务和指标"

COMPARATOR_WORDS = {">=": "不少于", ">": "多于", "<=": "不超过", "<": "少于", "=": "达到", "~": "约", "range": "区间"}
CHANGE_WORDS = {"decrease": "减少", "increase": "提高"}

HOW_TO_FILL = (
    "「任务」表：填写 进展情况（文字）、完成状态（下拉选择：未启动、推进中、已完成、未完成）和 备注。",
    "「指标」表：填写 完成值（只填数字）和 完成说明。",
    "其他列由 zl 生成，已锁定；请勿修改 指标编号 和 序号，汇总时按它们读回。",
    "要求为 不少于、多于、达到 的指标：完成值填实际完成的数量，不低于（多于：高于）目标值即为达标。",
    "要求为 不超过、少于 的指标：完成值填实际数值，不高于（少于：低于）目标值即为达标。",
    "要求为 约 的指标：与目标值相差不超过5%即为达标；要求为 区间 的指标：达到下限即为达标。",
    "要求中有 减少 或 提高 的指标：完成值填实际减少或提高的幅度，为正数，单位与目标相同"
    "（如 比上年减少2%，实际减少2.5%，填 2.5）；反向变化填负数。",
    "完成值按 单位 列的单位填：单位为 亿元 的指标，完成120亿元填 120（也可填 120亿元）；"
    "百分比指标填百分数的数值（93% 填 93，或填 93%）。",
    "可以写 100以上、100余家、约20个、≥100、一百五十所、2项（已完成）：汇总时读出其中的数，并提示按什么读取；"
    "没有可报的填 — 或 无。",
    "可以筛选、调整列宽和插入空行；排序需先撤销工作表保护（审阅 → 撤销工作表保护，无密码）。",
    "填好后交回；汇总：zl progress 台账.xlsx（可同时给出多个分表）。",
)


@dataclass(frozen=True)
class Entry:
    """A target with its 指标编号 and the item it belongs to (None for a section's own text)."""

    id: str
    target: TargetRecord
    item: ItemRecord | None


#: The 指标编号 prefix of the targets the plan sets before its first section (总体目标).
PREAMBLE_KEY = "总"


def target_entries(plan: PlanRecord) -> list[Entry]:
    """Every target of the plan in order, each with its 指标编号."""
    entries = [Entry(f"{PREAMBLE_KEY}-{k}", t, None) for k, t in enumerate(plan["targets"], 1)]
    for place, section in enumerate(plan["sections"], 1):
        key = chinese_numeral(place)
        entries += [Entry(f"{key}-{k}", t, None) for k, t in enumerate(section["targets"], 1)]
        for item in section["items"]:
            entries += [Entry(f"{item['number']}-{k}", t, item) for k, t in enumerate(item["targets"], 1)]
    return entries


def chinese_numeral(n: int) -> str:
    """A positive whole number below 10,000 in Chinese numerals, as headings write it.

    >>> [chinese_numeral(n) for n in (1, 8, 10, 12, 20, 101, 110, 999, 1005)]
    ['一', '八', '十', '十二', '二十', '一百零一', '一百一十', '九百九十九', '一千零五']
    """
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    words, zero = "", False
    for power, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // power % 10
        if digit:
            words += ("零" if zero and words else "") + digits[digit] + name
            zero = False
        else:
            zero = True
    return words


def requirement(target: Mapping[str, Any]) -> str:
    """The comparator in words, with 力争 where aspirational and 减少/提高 for a change.

    >>> base = {"comparator": ">=", "change": None, "aspirational": False}
    >>> requirement(base), requirement({**base, "comparator": "~"})
    ('不少于', '约')
    >>> requirement({**base, "comparator": "=", "change": "decrease"})
    '减少达到'
    >>> requirement({**base, "comparator": ">", "aspirational": True, "change": "increase"})
    '力争提高多于'
    """
    words = "力争" if target["aspirational"] else ""
    words += CHANGE_WORDS.get(target["change"] or "", "")
    return words + COMPARATOR_WORDS[target["comparator"]]


def deadline_text(deadline: DeadlineRecord | None) -> str | None:
    """A deadline as printed, with the last day it allows where that is known.

    >>> deadline_text({"text": "2023年底前", "span": [0, 7], "date": "2023-12-31"}), deadline_text(None)
    ('2023年底前（2023-12-31）', None)
    >>> deadline_text({"text": "长期坚持", "span": [0, 4], "date": None})
    '长期坚持'
    """
    if deadline is None:
        return None
    return f"{deadline['text']}（{deadline['date']}）" if deadline["date"] else deadline["text"]


def joined(units: Iterable[str]) -> str | None:
    """Unit names as one cell of a workbook: joined with 、, None for none."""
    return UNIT_JOINER.join(units) or None


def _section_headings(plan: PlanRecord) -> dict[int, str]:
    """Item number -> the heading of the section it stands in (and of its group)."""
    headings: dict[int, str] = {}
    for section in plan["sections"]:
        for item in section["items"]:
            heading = f"{section['numeral']}、{section['title']}" if section["numeral"] else section["title"]
            group = item["group"]
            if group:
                mark = f"{group['numeral']}." if group["numeral"].isdigit() else f"（{group['numeral']}）"
                heading += f"\n{mark}{group['title']}"
            headings[item["number"]] = heading
    return headings


def task_rows(plan: PlanRecord, items: Sequence[ItemRecord]) -> list[list[Value]]:
    headings = _section_headings(plan)
    return [
        [
            item["number"],
            headings[item["number"]],
            item["title"],
            item["text"],
            joined(item["lead_units"]),
            joined(item["cooperating_units"]),
            deadline_text(item["deadline"]),
            len(item["targets"]),
            None,
            None,
            None,
        ]
        for item in items
    ]


def target_rows(entries: Sequence[Entry]) -> list[list[Value]]:
    rows: list[list[Value]] = []
    subjects = target_subjects(entries)
    for entry in entries:
        t = entry.target
        scale = written_scale(t)
        rows.append(
            [
                entry.id,
                entry.item["number"] if entry.item else None,
                joined(entry.item["lead_units"]) if entry.item else None,
                t["text"],
                subjects[entry.id],
                as_written(t),
                requirement(t),
                scale.of(t["value"]),
                scale.of(t["low"]),
                scale.of(t["high"]),
                scale.unit or None,
                deadline_text(t["by"]),
                None,
                None,
            ]
        )
    return rows


@dataclass(frozen=True)
class Scale:
    """The unit a target is written in (亿元 for 100亿元): its magnitude word and the record's unit.

    >>> Scale("亿", 100_000_000, "元").of(10_000_000_000), Scale("亿", 100_000_000, "元").unit
    (100, '亿元')
    >>> Scale("万", 10_000, "批次").of(15_000), Scale("", 1, "%").of(None)
    (1.5, None)
    """

    word: str
    factor: int
    base: str

    @property
    def unit(self) -> str:
        return self.word + self.base

    def of(self, value: int | float | None) -> int | float | None:
        """``value`` (in the record's unit) in this one."""
        if value is None:
            return None
        scaled = Decimal(repr(value)) / self.factor
        return int(scaled) if scaled == scaled.to_integral_value() else float(scaled)


def written_scale(target: Mapping[str, Any]) -> Scale:
    """The magnitude the plan writes a target's number with (100亿 -> 亿), as :class:`Scale`.

    >>> [written_scale({"number_text": n, "unit": u}).unit for n, u in (("100亿", "元"), ("93%", "%"), ("两", "项"))]
    ['亿元', '%', '项']
    >>> written_scale({"number_text": "1-2万", "unit": "个"}).factor
    10000
    """
    from .parse.lexicon import MAGNITUDES

    number, unit = target["number_text"], target["unit"]
    if unit and number.endswith(unit):
        number = number[: -len(unit)]
    for word in sorted(MAGNITUDES, key=len, reverse=True):
        if number.endswith(word) and len(number) > len(word):
            return Scale(word, MAGNITUDES[word], unit)
    return Scale("", 1, unit)


def as_written(target: Mapping[str, Any]) -> str:
    """A target's number and unit as the plan writes them.

    >>> as_written({"number_text": "100亿", "unit": "元"}), as_written({"number_text": "93%", "unit": "%"})
    ('100亿元', '93%')
    """
    number, unit = str(target["number_text"]), str(target["unit"])
    return number if number.endswith(unit) else number + unit


#: What stands between two targets of one clause: the first one's tail and a joining word.
RE_BETWEEN = re.compile(r"^(?:以上|以下|以内|左右|及以上)?(?:以及|和|及|与|、|，|,|；|并)?")


def target_subjects(entries: Sequence[Entry]) -> dict[str, str | None]:
    """What each target is for (对象): the parser's ``subject``; else, where one clause sets
    several targets, the words of the clause before its number, from the one before
    (评选区域公用品牌10个和福建名牌农产品20个以上: 评选区域公用品牌, 福建名牌农产品)."""
    by_clause: dict[tuple[int, int], list[Entry]] = {}
    for entry in entries:
        by_clause.setdefault(tuple(entry.target["span"]), []).append(entry)  # type: ignore[arg-type]
    subjects: dict[str, str | None] = {}
    for (start, _), shared in by_clause.items():
        after = 0
        for entry in shared:
            t = entry.target
            number_at = t["number_span"][0] - start
            words = RE_BETWEEN.sub("", t["text"][after:number_at]).strip() if len(shared) > 1 else ""
            subjects[entry.id] = t["subject"] or words or None
            after = t["number_span"][1] - start
            if t["text"][after:].startswith(t["unit"]):
                after += len(t["unit"])
    return subjects


def note_rows(loaded: LoadedPlan, scope: str, made: str) -> list[list[Value]]:
    plan = loaded.plan
    facts: list[list[Value]] = [
        ["标题", plan["title"]],
        ["计划", plan["plan_title"]],
        ["发文字号", plan["doc_number"]],
        ["成文日期", plan["date"]],
        [SOURCE_LABEL, source_name(loaded.path)],
        [SHA_LABEL, loaded.sha256],
        [SCOPE_LABEL, scope],
        ["生成工具", f"zl {__version__}"],
        ["生成时间", made],
        [None, None],
    ]
    return facts + [["填写说明" if k == 0 else None, f"{k + 1}. {line}"] for k, line in enumerate(HOW_TO_FILL)]


#: How the plan bundled with zl is named where a file name would stand.
BUNDLED_SOURCE = "zl 自带的计划文件（{name}）"


def source_name(path: str) -> str:
    """The plan's file as the 说明 sheet names it: the path given, or, for the plan that comes
    with zl, words that say so.

    >>> source_name("计划/2024.txt"), source_name("bundled plan_2023.txt")
    ('计划/2024.txt', 'zl 自带的计划文件（plan_2023.txt）')
    """
    return BUNDLED_SOURCE.format(name=path.removeprefix("bundled ")) if path.startswith("bundled ") else path


def local_time(moment: dt.datetime) -> str:
    """A moment as an office writes it, in the machine's local time.

    >>> local_time(dt.datetime(2025, 6, 3, 9, 5))
    '2025年6月3日 09:05'
    """
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def ledger_sheets(loaded: LoadedPlan, items: Sequence[ItemRecord], entries: Sequence[Entry], scope: str) -> list[Sheet]:
    """The three sheets of a ledger holding ``items`` and ``entries``."""
    from .workbook import Sheet

    made = local_time(dt.datetime.now().astimezone())
    title = loaded.plan["plan_title"] or loaded.plan["title"]
    return [
        Sheet(
            TASKS,
            TASK_COLUMNS,
            task_rows(loaded.plan, items),
            fill=frozenset(TASK_FILL),
            choices={"完成状态": STATES},
            widest=TASK_WIDEST,
            title=title,
        ),
        Sheet(
            TARGETS,
            TARGET_COLUMNS,
            target_rows(entries),
            fill=frozenset(TARGET_FILL),
            numbers=frozenset({"完成值"}),
            widest=TARGET_WIDEST,
            title=title,
        ),
        Sheet(NOTES, NOTE_COLUMNS, note_rows(loaded, scope, made), widest={"内容": 80}, title=title),
    ]


@dataclass(frozen=True)
class Part:
    """One workbook of a ledger: its file name, what it holds and its rows."""

    name: str
    scope: str
    items: list[ItemRecord]
    entries: list[Entry]


def split_by_lead(plan: PlanRecord) -> list[Part]:
    """One part per lead unit (most items first), then one for what no unit leads."""
    entries = target_entries(plan)
    parts: list[Part] = []
    used: set[str] = set()
    for row in lead_rows(plan):
        unit = row["name"]
        items = [i for i in plan_items(plan) if unit in i["lead_units"]]
        numbers = {i["number"] for i in items}
        chosen = [e for e in entries if e.item and e.item["number"] in numbers]
        parts.append(Part(_unique_name(unit, used), f"牵头单位：{unit}", items, chosen))
    orphans = [i for i in plan_items(plan) if not i["lead_units"]]
    loose = [e for e in entries if e.item is None or not e.item["lead_units"]]
    if orphans or loose:
        parts.append(Part(_unique_name(NO_LEAD, used), f"{NO_LEAD}的任务和章节指标", orphans, loose))
    return parts


def _unique_name(unit: str, used: set[str]) -> str:
    """A safe file name for ``unit`` not yet in ``used`` (compared ignoring case)."""
    from .workbook import safe_file_name

    base = safe_file_name(unit)
    name, n = base, 1
    while name.casefold() in used:
        n += 1
        name = f"{base}-{n}"
    used.add(name.casefold())
    return name


def write_ledger(loaded: LoadedPlan, output: str, split_by: str | None = None, force: bool = False) -> list[str]:
    """Write the ledger to ``output`` (a file, or a folder with ``split_by="lead"``);
    return one line per workbook written.  A file in the way is refused before any
    workbook is built; a folder is written whole into a temporary folder beside it and
    renamed into place (:func:`files.write_folder`)."""
    from .files import check_folder, write_folder
    from .workbook import build, check_free, to_bytes, write_book

    paths, parts = _layout(loaded.plan, output, split_by)
    if split_by is None:
        check_free(paths, force)
        write_book(output, build(ledger_sheets(loaded, parts[0].items, parts[0].entries, parts[0].scope)), force)
    else:
        check_folder(output, [p.name for p in paths], force)  # before the work, not after
        books = {
            path.name: to_bytes(build(ledger_sheets(loaded, part.items, part.entries, part.scope)))
            for path, part in zip(paths, parts, strict=True)
        }
        write_folder(output, books, force)
    return [
        f"{printable(str(path))}: {_count(len(p.items), 'task')}, {_count(len(p.entries), 'target')}"
        for path, p in zip(paths, parts, strict=True)
    ]


def _layout(plan: PlanRecord, output: str, split_by: str | None) -> tuple[list[Path], list[Part]]:
    """The workbooks to write: their paths and what each holds."""
    if split_by is None:
        return [Path(output)], [Part(Path(output).name, WHOLE, plan_items(plan), target_entries(plan))]
    if split_by == "lead":
        parts = split_by_lead(plan)
        return [Path(output) / f"{part.name}.xlsx" for part in parts], parts
    raise UsageError(f"cannot split by {split_by!r}: the one choice is --split-by lead")


def _count(n: int, noun: str) -> str:
    """``n`` things, in words.

    >>> _count(1, "task"), _count(0, "target")
    ('1 task', '0 targets')
    """
    return f"{n} {noun}{'s' * (n != 1)}"
