"""Variants of the 2023 plan as real copies differ from it: punctuation, encoding,
line ends, indentation, paragraphs, numbering and lead-note forms.

Each function takes the plan's text and returns a variant that must parse to the
same items, lead units and targets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from zhiliang_cli.parse.numerals import chinese_to_int

ITEM_MARK = re.compile(r"^(\s*)\(([一二三四五六七八九十]+)\)", re.M)
NOTE = re.compile(r"\(牵头单位:([^()]+)\)")
HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"})
CN = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """1..99 in Chinese numerals, as headings write them.

    >>> to_chinese(7), to_chinese(10), to_chinese(17), to_chinese(72)
    ('七', '十', '十七', '七十二')
    """
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + (CN[ones] if ones else "")


def full_width(text: str) -> str:
    return text.translate(HALF_TO_FULL)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def cr_only(text: str) -> str:
    return text.replace("\n", "\r")


def indented(text: str) -> str:
    return re.sub(r"^ +", "\u3000\u3000", text, flags=re.M)


def no_blank_lines(text: str) -> str:
    return re.sub(r"\n\s*\n", "\n", text)


def multi_paragraph(text: str) -> str:
    """Each item's sentences on lines of their own, the note on its own line too."""

    def split(match: re.Match[str]) -> str:
        line = match.group(0)
        body = re.sub(r"。(?=[^\n(])", "。\n  ", line)
        return NOTE.sub(lambda m: "\n  " + m.group(0), body)

    return re.sub(r"^  \(.+$", split, text, flags=re.M)


def per_section_numbering(text: str) -> str:
    """Items restart at （一） in each section."""
    out, count = [], 0
    for line in text.split("\n"):
        if re.match(r"^\s*[一二三四五六七八九十]+、", line):
            count = 0
        match = ITEM_MARK.match(line)
        if match:
            count += 1
            line = f"{match.group(1)}({to_chinese(count)})" + line[match.end() :]
        out.append(line)
    return "\n".join(out)


NOTE_FORMS: list[Callable[[str], str]] = [
    lambda unit: f"（牵头单位：{unit}）",
    lambda unit: f"（责任单位：{unit}）",
    lambda unit: f"（牵头单位：{unit}；配合单位：省财政厅、省统计局）",
    lambda unit: f"（牵头单位：{unit}，配合单位：各设区市人民政府）",
    lambda unit: f"（{unit}牵头，省直有关单位配合）",
    lambda unit: f"（牵头部门：{unit}）",
    lambda unit: f"\n  牵头单位：{unit}",
]


def varied_notes(text: str) -> str:
    counter = iter(range(10**6))
    return NOTE.sub(lambda m: NOTE_FORMS[next(counter) % len(NOTE_FORMS)](m.group(1)), text)


def web_page(text: str) -> str:
    """Navigation around the text, as copied from a government web site."""
    head = "首页 > 政务公开 > 政策法规\n【字体：大 中 小】 打印本页\n"
    tail = "\n扫一扫在手机打开当前页\n上一篇：关于做好2023年质量月活动的通知\n下一篇：无\n关闭窗口\n"
    return head + text + tail


def item_number(numeral: str) -> int:
    value = chinese_to_int(numeral)
    assert value is not None
    return value


#: name -> (transform of the text, encoding of the file)
VARIANTS: dict[str, tuple[Callable[[str], str], str]] = {
    "full-width": (full_width, "utf-8"),
    "gb18030": (lambda t: t, "gb18030"),
    "bom-crlf": (crlf, "utf-8-sig"),
    "cr-only": (cr_only, "utf-8"),
    "indented": (lambda t: indented(full_width(t)), "utf-8"),
    "no-blank-lines": (no_blank_lines, "utf-8"),
    "multi-paragraph": (multi_paragraph, "utf-8"),
    "per-section-numbering": (per_section_numbering, "utf-8"),
    "varied-lead-notes": (varied_notes, "utf-8"),
    "web-page": (web_page, "gb18030"),
    "everything": (lambda t: web_page(indented(varied_notes(per_section_numbering(full_width(t))))), "gb18030"),
}
