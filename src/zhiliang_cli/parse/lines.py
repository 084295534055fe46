"""Lines of a decoded text, and what kind of line each is.

Spans everywhere are ``[start, end]`` in characters of the decoded text, with line ends left as
they were (LF, CRLF or CR), so ``text[start:end]`` is exactly what was printed.  A line's content
is trimmed of spaces; blank lines are not kept.

The classes of a line — a numbered heading (一、 （一） 1. （1） 第一条 第一章), a page number, web
page furniture (分享到, 首页 > …), a line of the closing block (a date alone, （此件公开发布）, 附件,
抄送：, the print footer), the start of a notice (a 发文字号, …关于印发…的通知), a signature — are
told by the line's first and last characters and literal tests first: a pattern is tried only
on a line that could be one, and most lines are running text that none could be.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from . import lexicon as lx
from .numerals import chinese_to_int
from .patterns import (
    ENTITY_LONGEST,
    RE_ATTACHMENT_LINE,
    RE_BOOK_TITLE,
    RE_BOX_HEADING,
    RE_BREADCRUMB,
    RE_BREADCRUMB_SEPARATOR,
    RE_CLAUSE_END,
    RE_DATE_LINE,
    RE_DOC_NUMBER,
    RE_ENTITY_AT_END,
    RE_ENTITY_AT_START,
    RE_HEADING,
    RE_LINE_BREAK_KEPT,
    RE_NOISE_LINE,
    RE_NOTE_LINE,
    RE_NOTICE_TITLE_LINE,
    RE_PAGE_NUMBER,
    RE_PRINT_FOOTER,
)


class Line(NamedTuple):
    """A non-blank line: its 1-based number and the span of its content, trimmed of spaces."""

    number: int
    start: int
    end: int


#: The characters a web copy's space entity may end or open with (&nbsp; &sp; &nbsp nbsp;): a line
#: that ends or opens otherwise is never tried for one.
_ENTITY_LAST = frozenset(";abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ENTITY_FIRST = frozenset("&nNeEtT")


def _without_entities(content: str) -> tuple[int, str]:
    """A line's content without the space entities a web copy left at its edges, whole or broken
    (they are spaces: they must not make a signature a clause by their ;), and how many characters
    went from its start.  The text is untouched; only the line's span leaves them out.

    >>> _without_entities("国务院办公厅 \xa0 &sp;"), _without_entities("&nbsp;&nbsp;一、总体要求")
    ((0, '国务院办公厅'), (12, '一、总体要求'))
    >>> _without_entities("&nbsp;"), _without_entities("提升GDP")
    ((6, ''), (0, '提升GDP'))
    """
    cut = 0
    while content and (match := RE_ENTITY_AT_START.match(content)) is not None:
        cut += match.end()
        content = content[match.end() :]
    while content and (match := RE_ENTITY_AT_END.search(content[-ENTITY_LONGEST:])) is not None:
        content = content[: len(content) - len(match.string) + match.start()].rstrip(lx.SPACE_CHARS)
    return cut, content.strip(lx.SPACE_CHARS)


class LineIndex:
    """The lines of a text, and the line number of any offset.

    >>> index = LineIndex("a\\r\\n  b　\\n\\nc")
    >>> [(ln.number, ln.start, ln.end) for ln in index.lines]
    [(1, 0, 1), (2, 5, 6), (4, 9, 10)]
    >>> index.line_of(5), index.line_of(9)
    (2, 4)
    """

    def __init__(self, text: str) -> None:
        if "\r" in text:
            breaks = RE_LINE_BREAK_KEPT.split(text)  # segments and the line ends between them, alternately
            segments, ends = breaks[::2], [len(b) for b in breaks[1::2]]
        else:  # the common case: split in C
            segments = text.split("\n")
            ends = [1] * (len(segments) - 1)
        ends.append(0)  # the last line has none
        self.starts: list[int] = []
        self.lines: list[Line] = []
        self._content_starts: list[int] | None = None  # made the first time content_line_at is asked
        lines, starts, pos, space = self.lines, self.starts, 0, lx.SPACE_CHARS
        for number, (segment, line_end) in enumerate(zip(segments, ends, strict=True), 1):
            starts.append(pos)
            content = segment.strip(space)
            if content:
                start = pos + segment.find(content)
                if content[-1] in _ENTITY_LAST or content[0] in _ENTITY_FIRST:  # a web copy's &nbsp;
                    cut, content = _without_entities(content)
                    start += cut
                if content:
                    lines.append(Line(number, start, start + len(content)))
            pos += len(segment) + line_end

    def line_of(self, offset: int) -> int:
        """The 1-based number of the line holding ``offset``."""
        return bisect_right(self.starts, offset)

    def content_line_at(self, offset: int) -> int:
        """The position in ``lines`` of the last non-blank line that starts at or before ``offset``.

        >>> index = LineIndex("a\\nb\\n\\nc")
        >>> [ln.number for ln in index.lines[index.content_line_at(2) :]]
        [2, 4]
        """
        if self._content_starts is None:
            self._content_starts = [line.start for line in self.lines]
        return max(0, bisect_right(self._content_starts, offset) - 1)


# --- headings -----------------------------------------------------------------------


class Heading(NamedTuple):
    """A numbered heading at the start of a line."""

    level: int  # 1 section  2 （一）  3 1.  4 （1） (articles and plans without 一、 are mapped)
    value: int
    numeral: str  # as printed, without its brackets and marks: 十七, 3
    line: Line
    body: int  # where the text after the marker begins
    kind: str = "l1"  # the marker as printed: lc 第一章, l1 一、, la 第一条, l2 （一）, l3 1., l4 （1）, ls 1.1, lg 1
    ambiguous: bool = False  # 12.365: a heading only where the sequence expects 12


#: The characters a heading can start with: a numeral, a digit, an opening bracket or 第.
HEADING_FIRST = frozenset(lx.CN_NUMERAL_CHARS + lx.OPEN_PARENS + lx.FULLWIDTH_DIGITS + "0123456789第" + lx.DAMAGED_ONE)
_LEVEL_OF_KIND = {"lc": 1, "l1": 1, "la": 1, "lg": 1, "l2": 2, "ls": 2, "l3": 3, "l4": 4}
_CHINESE_KINDS = frozenset(("l1", "la", "lc", "l2"))
#: A heading's kind and the number of the group of its numeral, by the number of its marker's group
#: (groups asked for by number, not by name: heading_at runs for most lines).
_KIND_OF_GROUP = {RE_HEADING.groupindex[kind]: (kind, RE_HEADING.groupindex["n" + kind[1]]) for kind in _LEVEL_OF_KIND}
_KIND_OF_GROUP[0] = ("l1", RE_HEADING.groupindex["n1"])  # (never: some marker group always matches)
_DEC_GROUP = RE_HEADING.groupindex["dec"]


def heading_at(text: str, line: Line) -> Heading | None:
    """The heading that starts ``line``, if any (levels as printed; the structure maps them for
    plans without 一、).

    >>> text = "（十七）提升质量。"
    >>> heading_at(text, Line(1, 0, len(text)))
    Heading(level=2, value=17, numeral='十七', line=Line(number=1, start=0, end=9), body=4, kind='l2', ambiguous=False)
    >>> heading_at("2023年", Line(1, 0, 5)) is None
    True
    >>> heading_at("12.365便民服务", Line(1, 0, 10)).ambiguous
    True
    >>> head = heading_at("2-3　推进改革", Line(1, 0, 8))
    >>> head.kind, head.value, head.numeral, head.body, serial_of(head)
    ('ls', 3, '2-3', 4, 2)
    >>> heading_at("1.1加快风电开发", Line(1, 0, 8)).kind, heading_at("1.5%以上", Line(1, 0, 6)).kind
    ('ls', 'l3')
    >>> heading_at("2 组织机构和职责", Line(1, 0, 9)).kind, heading_at("5 亿元，同比增长。", Line(1, 0, 10))
    ('lg', None)
    """
    if text[line.start] not in HEADING_FIRST:
        return None
    match = RE_HEADING.match(text, line.start, line.end)
    if match is None:
        return None
    kind, numeral_group = _KIND_OF_GROUP[match.lastindex or 0]  # l1 … l4, la: the marker group closes last
    if kind == "ls":  # 1.1 / 1-1: numbered by its second number, printed whole (the structure checks)
        return Heading(2, int(match.group(numeral_group)), match.group(kind), line, match.end(), kind, True)
    if kind == "lg":  # 1 总则: a chapter's title alone on its line (the structure checks its clauses follow)
        if line.end - line.start > _CHAPTER_MAX or RE_CLAUSE_END.search(text, match.end(), line.end):
            return None
        return Heading(1, int(match.group(numeral_group)), match.group(numeral_group), line, match.end(), kind, True)
    numeral = match.group(numeral_group)
    if numeral in lx.DAMAGED_ONE:  # -、 from a scan: section 一, where 二、 follows (the structure checks)
        return Heading(1, 1, numeral, line, match.end(), kind, True)
    value = chinese_to_int(numeral) if kind in _CHINESE_KINDS else int(numeral)  # int reads full-width digits
    if not value:
        return None
    return Heading(_LEVEL_OF_KIND[kind], value, numeral, line, match.end(), kind, match.start(_DEC_GROUP) >= 0)


_CHAPTER_MAX = 30  # characters of a chapter's line (1 组织机构和职责)


def serial_of(heading: Heading) -> int:
    """The first number of a serial heading (2 of 2.3 or 2-3): the section it says it is in."""
    numeral = heading.numeral
    k = 0
    while k < len(numeral) and numeral[k].isdigit():
        k += 1
    return int(numeral[:k])


def as_decimal(heading: Heading) -> Heading | None:
    """A serial heading read as it was before serials were known: 1.5 as a level-three marker 1.
    followed by digits (ambiguous, as 12.365便民服务 is); a dashed one (1-1) as no heading."""
    numeral = heading.numeral
    k = 0
    while k < len(numeral) and numeral[k].isdigit():
        k += 1
    if numeral[k] not in lx.LEVEL3_DECIMAL_MARKS:
        return None
    body = heading.line.start + k + 1
    return Heading(3, int(numeral[:k]), numeral[:k], heading.line, body, "l3", True)


def is_box_heading(text: str, line: Line) -> bool:
    """The heading of a box set inside a task (专栏1　重点工程, 专项行动一　新型研发机构提能行动), alone on
    its line and short.

    >>> is_box_heading("专项行动一　提能行动", Line(1, 0, 10)), is_box_heading("专栏2：示范工程", Line(1, 0, 8))
    (True, True)
    >>> is_box_heading("专项行动一是加强监管。", Line(1, 0, 11))
    False
    """
    start, end = line.start, line.end
    return (
        end - start <= _BOX_MAX
        and text.startswith(lx.BOX_LABELS, start)
        and RE_BOX_HEADING.match(text, start, end) is not None
    )


_BOX_MAX = 40  # characters of a box's heading line


# --- furniture, the closing block, a notice ------------------------------------------------

#: What a page number starts with: a dash (— 3 —) or 第 (第3页).
PAGE_FIRST = frozenset(lx.PAGE_NUMBER_DASHES + "第")
#: What a line of web-page furniture starts with (栏目, 分享到, 【打印】 …).
_NOISE_FIRST = frozenset(word[0] for word in lx.NOISE_LINE_PREFIXES)
_NOISE_MAX = 60  # characters: furniture is short
#: What a date line starts and ends with: a digit or a numeral of a year; a day's digit or 日.
_DATE_NUMERALS = frozenset("〇零一二三四五六七八九十")
_DATE_LAST = _DATE_NUMERALS | {"日"}
_SIGNATURE_MAX = 40  # a signature line (发文机关署名) is short and has no sentence marks
_CARBON_COPY = lx.CARBON_COPY_LABELS
_CARBON_LEN = len(_CARBON_COPY[0])  # 抄送, then a colon (or nothing)


def is_page_number(text: str, line: Line) -> bool:
    """A page number from a printed copy: — 3 —, 第3页."""
    return text[line.start] in PAGE_FIRST and RE_PAGE_NUMBER.match(text, line.start, line.end) is not None


def is_noise(text: str, line: Line) -> bool:
    """Whether a line is web-page furniture (栏目, 浏览量, 分享到, breadcrumbs).

    >>> is_noise("分享到:", Line(1, 0, 4)), is_noise("首页 > 政策法规", Line(1, 0, 9))
    (True, True)
    >>> is_noise("加强监管。", Line(1, 0, 5)), is_noise("关闭落后产能企业10家。", Line(1, 0, 12))
    (False, False)

    The same in brackets of its own, as a page prints its editor or source after the article:

    >>> is_noise("（责任编辑：张三）", Line(1, 0, 9)), is_noise("[打印本页]", Line(1, 0, 6))
    (True, True)
    >>> is_noise("（此件公开发布）", Line(1, 0, 8)), is_noise("（省商务厅负责）", Line(1, 0, 8))
    (False, False)
    """
    start, end = line.start, line.end
    if end - start > _NOISE_MAX:
        return False
    first = text[start]
    if first in _NOISE_FIRST:
        label = RE_NOISE_LINE.match(text, start, end)
        if label is not None and _furniture_after(text, label.end(), end):
            return True
    if first in _BRACKET_OPEN and text[end - 1] in _BRACKET_CLOSE and end - start > 2:
        inner = start + 1  # （责任编辑：张三）, （来源：某某网）, [打印本页]: the label inside its brackets
        while inner < end - 1 and text[inner] in lx.SPACE_CHARS:
            inner += 1
        if text[inner] in _NOISE_FIRST:
            label = RE_NOISE_LINE.match(text, inner, end - 1)
            if label is not None and _furniture_after(text, label.end(), end - 1):
                return True
    if first in PAGE_FIRST and RE_PAGE_NUMBER.match(text, start, end):
        return True
    return RE_BREADCRUMB_SEPARATOR.search(text, start, end) is not None and (
        RE_BREADCRUMB.match(text[start:end]) is not None
    )


def _furniture_after(text: str, pos: int, end: int) -> bool:
    """Whether what follows a furniture label makes the line furniture as a whole (分享到, 来源：某某网,
    打印本页, 【关闭】, 扫一扫在手机打开当前页): nothing, a colon or a closing mark, or a few words with
    no mark of a sentence; not a sentence that starts with the same word (关闭落后产能企业10家。)."""
    rest = text[pos:end]
    if not rest or rest[0] in _AFTER_LABEL:
        return True
    return len(rest) <= _FURNITURE_TAIL and not any(ch in lx.CLAUSE_ENDS for ch in rest)


#: The brackets a line of furniture may stand in, alone on its line: （责任编辑：张三）, [打印本页].
_BRACKET_OPEN = frozenset(lx.NOTE_OPEN_BRACKETS)
_BRACKET_CLOSE = frozenset(lx.NOTE_CLOSE_BRACKETS)
_AFTER_LABEL = frozenset(lx.COLONS + lx.SPACE_CHARS + "】]》>＞")
_FURNITURE_TAIL = 12  # characters after a furniture label on a line of furniture (在手机打开当前页)


def is_date_line(text: str, line: Line) -> bool:
    """A line that holds nothing but a date: 2023年3月14日, 二〇二三年三月十四日.

    >>> is_date_line("2023年3月14日", Line(1, 0, 10)), is_date_line("2023年工作要点", Line(1, 0, 8))
    (True, False)
    """
    return _may_be_date(text[line.start], text[line.end - 1]) and (
        RE_DATE_LINE.match(text, line.start, line.end) is not None
    )


def is_date(content: str) -> bool:
    """:func:`is_date_line` for a line's content."""
    return content != "" and _may_be_date(content[0], content[-1]) and RE_DATE_LINE.match(content) is not None


def _may_be_date(first: str, last: str) -> bool:
    """Whether a line that starts and ends with these may be a date: a year's digit or numeral
    first, a day's digit or numeral or 日 last."""
    return (first.isdigit() or first in _DATE_NUMERALS) and (last.isdigit() or last in _DATE_LAST)


def sends_a_document(title: str) -> bool:
    """Whether a notice's title sends a document (印发, 转发, 下发 outside the names it quotes).

    >>> sends_a_document("关于印发《某某工作要点》的通知"), sends_a_document("关于《某某规划》实施情况的通报")
    (True, False)
    """
    return any(word in RE_BOOK_TITLE.sub("", title) for word in lx.SENDING_WORDS)


def is_closing(text: str, line: Line) -> bool:
    """Whether a line belongs to the closing block: a date alone, （此件主动公开）, 附件, 抄送：,
    the print footer (…2023年3月15日印发).

    >>> is_closing("抄送：省委办公厅。", Line(1, 0, 9)), is_closing("印发实施方案，完成试点。", Line(1, 0, 12))
    (True, False)
    """
    start, end = line.start, line.end
    first, last = text[start], text[end - 1]
    if is_date_line(text, line):
        return True
    if first in lx.OPEN_PARENS and last in lx.CLOSE_PARENS and RE_NOTE_LINE.match(text, start, end):
        content = text[start:end]
        if any(w in content for w in lx.NOTE_LINE_WORDS):
            return True
    if (
        text.startswith(_CARBON_COPY, start)
        and text[start + _CARBON_LEN : min(start + _CARBON_LEN + 1, end)] in lx.COLONS
    ):
        return True
    if text.endswith("印发", start, end) and RE_PRINT_FOOTER.search(text, start, end) is not None:
        return True
    return text.startswith(lx.ATTACHMENT_LABELS, start) and RE_ATTACHMENT_LINE.match(text, start, end) is not None


def starts_a_notice(text: str, line: Line) -> bool:
    """A 发文字号 on a line of its own, or a notice's title (…关于印发…的通知): a notice begins (a
    second document after the plan)."""
    start, end = line.start, line.end
    if text.find("号", max(start, end - 3), end) >= 0:  # a number ends with 号, two characters at most after it
        match = RE_DOC_NUMBER.match(text, start, end)
        if match is not None and end - match.end() <= 2:
            return True
    return text.endswith(lx.NOTICE_TITLE_ENDINGS, start, end) and (
        RE_NOTICE_TITLE_LINE.match(text, start, end) is not None
    )


def looks_like_signature(text: str, line: Line) -> bool:
    """A short line with no sentence marks and no open bracket: a 发文机关署名."""
    start, end = line.start, line.end
    if end - start > _SIGNATURE_MAX or RE_CLAUSE_END.search(text, start, end):
        return False
    content = text[start:end]
    opens = sum(content.count(ch) for ch in lx.NOTE_OPEN_BRACKETS)
    return opens == sum(content.count(ch) for ch in lx.NOTE_CLOSE_BRACKETS) and not content.endswith("、")
