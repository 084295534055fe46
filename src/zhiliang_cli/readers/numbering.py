"""Word's automatic numbering -> the number text Word shows before a paragraph.

A paragraph numbered by Word (``<w:numPr>``, directly or through its style) has no
number in its text; Word draws it from ``word/numbering.xml``: a level's format
(``chineseCounting``, ``decimal`` …) put into its text (``%1、``, ``（%2）``, ``%3.``)::

    abstractNum 0, level 0: chineseCounting, "%1、"  -> 一、 二、 …
    abstractNum 0, level 1: chineseCounting, "（%2）" -> （一） （二） … (restarting under each 一、)

Counters run per abstract numbering, a deeper level restarting when a shallower
one advances, as Word counts them.  Every number read (w:ilvl, w:start,
w:startOverride) is checked where it is read (limits.whole_number), a level's text
is bounded, and a counter too large for letters or Roman numerals is written in
digits, so no definition makes a label of unbounded length.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree

from zhiliang_cli import limits
from zhiliang_cli.errors import InputError

CN = "〇一二三四五六七八九"
CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}


def chinese(n: int, digits: str = CN, ten: str = "十") -> str:
    """n (1–99) in Chinese numerals, as a list counts; larger numbers digit by digit.

    >>> chinese(1), chinese(10), chinese(12), chinese(30), chinese(105)
    ('一', '十', '十二', '三十', '一〇五')
    """
    if not 0 < n < 100:
        return "".join(digits[int(d)] for d in str(n))
    tens, ones = divmod(n, 10)
    if not tens:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + ten + (digits[ones] if ones else "")


MAX_LETTERS = 26 * 10  # A … ZZZZZZZZZZ; a larger counter is written in digits
MAX_ROMAN = 3999  # MMMCMXCIX; a larger counter is written in digits


def _roman(n: int) -> str:
    """n in Roman numerals, up to 3999 (beyond, in digits).

    >>> _roman(1994), _roman(4000)
    ('MCMXCIV', '4000')
    """
    if not 0 < n <= MAX_ROMAN:
        return str(n)
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")):
        while n >= value:
            out, n = out + letters, n - value
    for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    """n as Word's letters count: A … Z, AA … ZZ, AAA …, up to ten letters (beyond, in digits).

    >>> _letters(1), _letters(28), _letters(10**9)
    ('A', 'BB', '1000000000')
    """
    if not 0 < n <= MAX_LETTERS:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats.

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "decimalEnclosedCircle", "lowerRoman")]
    ['3', '三', '③', 'iii']
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return chinese(n)
    if fmt == "chineseLegalSimplified":
        return chinese(n, CN_LEGAL, "拾")
    if fmt == "ideographDigital":
        return "".join(CN[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return BRANCHES[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 0 < n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 0 < n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n) if fmt == "upperLetter" else _letters(n).lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Level:
    fmt: str
    text: str
    start: int
    suffix: str


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: ElementTree.Element | None, name: str) -> ElementTree.Element | None:
    if element is None:
        return None
    return next((c for c in element if _local(c.tag) == name), None)


def _val(element: ElementTree.Element | None) -> str | None:
    if element is None:
        return None
    return next((v for k, v in element.attrib.items() if _local(k) == "val"), None)


def _attr(element: ElementTree.Element, name: str) -> str | None:
    return next((v for k, v in element.attrib.items() if _local(k) == name), None)


class Numbering:
    """The numbering definitions of a document, and the counters as paragraphs are read;
    ``shown`` names the file in an error."""

    def __init__(
        self, numbering: ElementTree.Element | None, styles: ElementTree.Element | None, shown: str = "the document"
    ) -> None:
        self.shown = shown
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # id -> numId, ilvl, basedOn
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        for element in numbering if numbering is not None else []:
            if _local(element.tag) == "abstractNum":
                name = _attr(element, "abstractNumId") or ""
                self.abstract[name] = self._levels(element, f"w:abstractNum {limits.excerpt(name)}")
            elif _local(element.tag) == "num":
                name = _attr(element, "numId") or ""
                where = f"w:num {limits.excerpt(name)}"
                overrides = {
                    self._level(_attr(o, "ilvl"), f"w:lvlOverride of {where}"): self._number(
                        _val(_child(o, "startOverride")), f"w:startOverride of {where}"
                    )
                    for o in element
                    if _local(o.tag) == "lvlOverride" and _child(o, "startOverride") is not None
                }
                self.nums[name] = (_val(_child(element, "abstractNumId")) or "", overrides)
        for style in styles if styles is not None else []:
            if _local(style.tag) == "style":
                num_pr = _child(_child(style, "pPr"), "numPr")
                self.styles[_attr(style, "styleId") or ""] = (
                    _val(_child(num_pr, "numId")),
                    _val(_child(num_pr, "ilvl")),
                    _val(_child(style, "basedOn")),
                )

    def _level(self, value: str | None, where: str) -> int:
        """A level number (w:ilvl): 0 when absent, else 0 to 8, checked."""
        if value is None:
            return 0
        return limits.whole_number(value, 0, limits.MAX_WORD_LEVEL, self.shown, f"w:ilvl of {where}")

    def _number(self, value: str | None, where: str) -> int:
        """A counter's start (w:start, w:startOverride): 1 when absent, else checked."""
        if value is None:
            return 1
        return limits.whole_number(value, 0, limits.MAX_WORD_NUMBER, self.shown, where)

    def _levels(self, element: ElementTree.Element, where: str) -> dict[int, Level]:
        levels = {}
        for lvl in element:
            if _local(lvl.tag) == "lvl":
                text = _val(_child(lvl, "lvlText")) or ""
                if len(text) > limits.MAX_LEVEL_TEXT:
                    raise InputError(
                        f"{self.shown}: w:lvlText of {where} is {len(text):,} characters long, over the limit of "
                        f"{limits.MAX_LEVEL_TEXT}: the file is damaged or was not made by Word; save it again in Word"
                    )
                levels[self._level(_attr(lvl, "ilvl"), where)] = Level(
                    _val(_child(lvl, "numFmt")) or "decimal",
                    text,
                    self._number(_val(_child(lvl, "start")), f"w:start of {where}"),
                    SUFFIX.get(_val(_child(lvl, "suff")) or "tab", "\t"),
                )
        return levels

    def _style_numbering(self, style: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style and style not in seen and style in self.styles:
            seen.add(style)
            num, ilvl, based = self.styles[style]
            if num is not None:
                return num, ilvl
            style = based
        return None, None

    def label(self, p: ElementTree.Element, where: str = "a paragraph") -> str:
        """The number Word shows before paragraph ``p`` ("" when it is not numbered)."""
        ppr = p[0] if len(p) and p[0].tag.endswith("}pPr") else None  # first if there, as the schema orders
        if ppr is None:
            return ""
        num_pr = _child(ppr, "numPr")
        num, ilvl = _val(_child(num_pr, "numId")), _val(_child(num_pr, "ilvl"))
        if num is None:
            style_num, style_ilvl = self._style_numbering(_val(_child(ppr, "pStyle")))
            num, ilvl = style_num, ilvl or style_ilvl
        if num is None or num == "0" or num not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num]
        levels = self.abstract.get(abstract_id, {})
        level = self._level(ilvl, where)
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num not in self.started:
            self.started.add(num)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = levels[level].text
        for k in range(level, -1, -1):
            shown = levels.get(k)
            value = counters.get(k, shown.start if shown else 1)
            text = text.replace(f"%{k + 1}", format_number(value, shown.fmt if shown else "decimal"))
        if levels[level].fmt == "bullet":
            return ""
        return text + levels[level].suffix if text else ""
