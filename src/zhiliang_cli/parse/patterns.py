"""Every compiled pattern, assembled from the tables in :mod:`zhiliang_cli.parse.lexicon`.

Patterns are compiled once, at import, in verbose mode with a comment on each
line.  They are used with ``match``/``search`` at a given position, never on
unbounded look-behinds, so the parse stays linear in the size of the text.

Patterns that need what only ``regex`` has — backward search (REVERSE),
recursion for nested brackets, Unicode script classes (Han) — are compiled
with ``regex``; the others with the standard library's ``re``, whose calls
cost about half as much: they run for every line, and for every number of
every item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from . import lexicon as lx


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that the longest wins.

    >>> _alternation(["个", "个百分点", "%"])
    '个百分点|%|个'
    """
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _skip_to(words: Iterable[str]) -> str:
    """A look-ahead for the first characters of ``words``, put before a pattern that opens with
    a look-behind: ``re`` then skips to those characters instead of trying every position
    (about 15 times faster over running text).

    >>> _skip_to(["达到", "降至"])
    '(?=[达降])'
    """
    return "(?=" + _chars("".join(sorted({w[0] for w in words}))) + ")"


def _chars(chars: str) -> str:
    """A character class of literal characters.

    >>> _chars("(（")
    '[\\\\(（]'
    """
    return "[" + "".join(regex.escape(c) for c in chars) + "]"


WS = _chars(lx.SPACE_CHARS)  # horizontal white space, ASCII or full-width
OPEN = _chars(lx.OPEN_PARENS)
CLOSE = _chars(lx.CLOSE_PARENS)
NOTE_OPEN = _chars(lx.NOTE_OPEN_BRACKETS)
NOTE_CLOSE = _chars(lx.NOTE_CLOSE_BRACKETS)
COLON = _chars(lx.COLONS)
CN_NUM = _chars(lx.CN_NUMERAL_CHARS)
DIGIT = "[0-9" + lx.FULLWIDTH_DIGITS + "]"

# --- lines and headings -----------------------------------------------------------

#: The same, captured: split() gives the line ends between the lines.
RE_LINE_BREAK_KEPT = re.compile(r"(\r\n|\r|\n)")
#: A web copy's space entity, whole or broken: &nbsp; &sp; (of &ensp;) &#160; &nbsp (its ; lost) nbsp;
#: (its & lost: a full name only).
_ENTITY = rf"""(?:
    &(?:{"|".join(lx.SPACE_ENTITIES)}|\#\d{{2,5}});?     # with its &: the ; may be lost
    | (?:nbsp|ensp|emsp|thinsp);                        # without it: a full name and its ;
)"""
#: One at a line's end (tried on a line that ends in ; or an ASCII letter, searched in its last
#: ENTITY_LONGEST characters only: a search of the whole line is quadratic in a run of spaces).
RE_ENTITY_AT_END = re.compile(rf"{_ENTITY}\Z", re.VERBOSE | re.IGNORECASE)
ENTITY_LONGEST = max(8, *(len(name) + 2 for name in lx.SPACE_ENTITIES))  # &#12345; or &thinsp;
#: One at a line's start, with the spaces after it (tried on a line that opens with & or n, e, t).
RE_ENTITY_AT_START = re.compile(rf"{_ENTITY}{WS}*", re.VERBOSE | re.IGNORECASE)
#: A line break with the indentation around it, inside a name wrapped in print.
RE_LINE_WRAP = regex.compile(rf"(?<!{WS}){WS}*+(?:\r\n|\r|\n){WS}*")  # tried once per run of spaces

#: A heading marker at the start of a line's content (GB/T 9704-2012, 7.3.3), and the article
#: marker of plans written as articles (第一条).  A level-three marker followed by a digit
#: (12.365便民服务) is marked ``dec``: :mod:`structure` reads it by the sequence it stands in.
#: A serial of two numbers with a space after it (1.1 加快…, 1-1　稳定…), or run on into a Chinese
#: word or a quotation (1.1加快…, 2-1“四好农村路”…), is ``ls``: the task of a section, a heading where
#: its first number is the section's and its second runs on, and, run on, where it reads as no number
#: (1.5万亩) and continues no sentence (structure).
#: A number and a space (1 总则) is ``lg``: a chapter numbered as GB/T 1.1 numbers them, a heading
#: where its clauses (1.1 …) follow it (structure).
_CHAPTER = _alternation(lx.CHAPTER_WORDS)  # 章, 部分, 篇: what follows a chapter's numeral
_SERIAL_RUN_ON = rf"[\u4e00-\u9fff{lx.SERIAL_RUN_ON_QUOTES}]"  # what a serial with no space after it runs on into
RE_HEADING = re.compile(
    rf"""
    (?:
        (?P<ls> (?P<ns0>{DIGIT}{{1,2}}) {_chars(lx.SERIAL_MARKS)}                # 1.1 / 1-1: the section's number,
                (?P<ns>{DIGIT}{{1,2}}) (?={WS}|{_SERIAL_RUN_ON}) )                #   the task's, then a space or a word
      | (?P<l1> (?P<n1>{CN_NUM}{{1,12}}|{_chars(lx.DAMAGED_ONE)}) {WS}* {_chars(lx.LEVEL1_MARKS)} )  # 一、 (-、)
      | (?P<la> 第 {WS}* (?P<na>{CN_NUM}{{1,12}}) {WS}* 条 (?={WS}|$|[^\r\n]{{0,40}}$) )  # 第一条  an article
      | (?P<lc> 第 {WS}* (?P<nc>{CN_NUM}{{1,12}}) {WS}* (?:{_CHAPTER})             # 第一章, 第一部分, 第一篇
                (?={WS}|$|[^\r\n]{{0,40}}$) )
      | (?P<l2> {OPEN} {WS}* (?P<n2>{CN_NUM}{{1,12}}) {WS}* {CLOSE} )           # （一） level two
      | (?P<l3> (?P<n3>{DIGIT}{{1,4}}) {WS}*                                    # 1.     level three
                (?: [.．﹒](?P<dec>(?={DIGIT}))? | 、 ) )                        #        (1.5: maybe)
      | (?P<l4> {OPEN} {WS}* (?P<n4>{DIGIT}{{1,6}}) {WS}* {CLOSE} )             # （1）  level four
      | (?P<lg> (?P<ng>{DIGIT}{{1,2}}) (?={WS}) )                                # 1 总则: a chapter (GB/T 1.1)
    )
    {WS}*                                                                         # space after the marker
    """,
    re.VERBOSE,
)

#: The heading of a box set inside a task, alone on its line: a box label and its number, then its
#: title after a space or a colon (专栏1　重点行业绿色升级工程, 专栏2：…, 专项行动一　…); no sentence in it.
RE_BOX_HEADING = regex.compile(
    rf"""(?:{_alternation(lx.BOX_LABELS)}) {WS}*+ (?:{DIGIT}++|{CN_NUM}++)   # 专栏1, 专项行动一
    (?: (?:{WS}|{COLON}) [^。！？!?；;]* )? $                             # 　its title
    """,
    regex.VERBOSE,
)

#: A sentence's end followed by a level-two or level-three marker, inside a line: a heading that a
#: copy from PDF ran onto the end of the paragraph before it (…新格局。（二）供给能力提升工程).
RE_FUSED_MARKER = re.compile(
    rf"。(?= {OPEN} [{lx.CN_DIGITS}十]{{1,3}} {CLOSE} | {DIGIT}{{1,2}} [.．﹒] (?!{DIGIT}) )", re.VERBOSE
)

#: An ASCII full stop that ends a sentence as 。 does, in a copy mixing ASCII and full-width
#: punctuation (加强数字经济人才支撑.引进…, …5000人次.(区人社局)): after a Chinese character or a
#: closing quote or bracket, before one, an opening quote or bracket, a space or the end.  Between
#: digits it is a decimal point (2.5万); after a numeral that opens a line, a marker (1.).
RE_ASCII_FULL_STOP = regex.compile(
    r"""
    (?<= [\p{Han}”’》」』】）] )          # after a Chinese character or a closing mark
    \.                                # the full stop
    (?= [\p{Han}“‘《「『【（(\s] | $ )    # before one, an opening mark, a space or the end
    """,
    regex.VERBOSE,
)

#: A full-width full stop (． U+FF0E) that ends a run-in title as 。 does (壮大高新技术企业群体．实施…): after
#: a Chinese character or a closing mark, before one or an opening mark; between digits it is a decimal
#: point (２．５万), after a numeral that opens a line a marker (1．).  Structure takes it only after a
#: short title with no clause in it.
RE_RUN_IN_STOP = regex.compile(
    rf"""
    (?<= [\p{{Han}}”’》」』】）] )          # after a Chinese character or a closing mark,
    (?<! [，,、：:；;] [{lx.CN_DIGITS}十]{{1,3}} )   # not a numeral that opens a clause (…，一．建设…)
    ．                                # the full-width full stop
    (?= [\p{{Han}}“‘《「『【（(] )         # before one or an opening mark
    """,
    regex.VERBOSE,
)

#: A title that ends in a colon soon after its marker: 1.提升制造业质量：…… (not 联系人:).
RE_TITLE_COLON = re.compile(r"[^。：:，,；;（）()“”\r\n]{2,30}[：:](?!\d)")

#: Page furniture copied from a web page: 栏目, 浏览量, 分享到, 附件下载 ...
RE_NOISE_LINE = re.compile(
    rf"""
    (?: {_alternation(lx.NOISE_LINE_PREFIXES)} )     # a furniture label at the start
    """,
    re.VERBOSE,
)

#: A page number from a printed copy: — 3 —, -3-, 第3页.
RE_PAGE_NUMBER = re.compile(
    rf"(?:{_chars(lx.PAGE_NUMBER_DASHES)}{WS}*{DIGIT}+{WS}*{_chars(lx.PAGE_NUMBER_DASHES)}|第{DIGIT}+页(?:{WS}*共{DIGIT}+页)?)$"
)

#: What every breadcrumb holds: a navigation arrow (looked for before RE_BREADCRUMB is tried).
RE_BREADCRUMB_SEPARATOR = re.compile(_chars("".join(lx.BREADCRUMB_SEPARATORS)))
#: A breadcrumb: short parts joined by navigation arrows (首页 > 政务公开 > 政策法规).
RE_BREADCRUMB = regex.compile(
    rf"""
    ^ [^。，,；;]{{1,20}}                            # a short first part
    (?: {WS}* (?:{_alternation(lx.BREADCRUMB_SEPARATORS)}) {WS}* [^。，,；;]{{1,20}} )+   # more parts
    $
    """,
    regex.VERBOSE,
)

# --- the notice's parts ---------------------------------------------------------------

_YEAR_BRACKETS = "|".join(rf"{regex.escape(o)}{WS}*\d{{4}}{WS}*{regex.escape(c)}" for o, c in lx.DOC_NUMBER_BRACKETS)

#: 发文字号: agency code, year in brackets, serial number and 号 (闽质强省办〔2023〕2号).
RE_DOC_NUMBER = regex.compile(
    rf"""
    (?P<doc> [\p{{Han}}A-Za-z]{{1,20}}             # agency code: 闽质强省办
             (?:{_YEAR_BRACKETS})                   # year: 〔2023〕
             {WS}* \d{{1,5}} {WS}* 号 )             # serial number: 2号
    """,
    regex.VERBOSE,
)

_CN_DATE_DIGIT = "[〇零一二三四五六七八九十]"

#: A date as printed: 2023年3月14日, 二〇二三年三月十四日, 2023-07-17, 2023/7/17, 2023.07.17.
RE_DATE = regex.compile(
    rf"""
    (?P<y>\d{{4}}|{_CN_DATE_DIGIT}{{4}}) {WS}* (?:年|-|/|\.|月(?=\d{{1,2}}月)) {WS}*   # year (2026月3月: a typo)
    (?P<m>\d{{1,2}}|{_CN_DATE_DIGIT}{{1,2}}) {WS}* (?:月|-|/|\.) {WS}*  # month
    (?P<d>\d{{1,2}}|{_CN_DATE_DIGIT}{{1,3}}) (?:{WS}* 日)?             # day
    """,
    regex.VERBOSE,
)

#: A line holding nothing but a date: the 成文日期.
RE_DATE_LINE = regex.compile(rf"(?:{RE_DATE.pattern})$", regex.VERBOSE)

#: A line wholly in parentheses after the date: the 附注, e.g. （此件主动公开）.
RE_NOTE_LINE = regex.compile(rf"{OPEN}{WS}*+(?P<note>[^（）()]*[^（）()\s\ufeff]){WS}*+{CLOSE}$")

#: A title's period or edition alone in brackets on the line under the title: （2026—2027年）,
#: （二〇二四—二〇二六年）, （2024年）, （试行）.  It is part of the title, not a 附注.
_TITLE_YEAR = rf"(?:{DIGIT}{{4}}|[{lx.CN_DIGITS}]{{4}})"
RE_TITLE_PERIOD_LINE = regex.compile(
    rf"""
    {OPEN} {WS}*+
    (?:
        {_TITLE_YEAR} {WS}*+ 年?                                    # the first year
        (?: {WS}*+ [{regex.escape(lx.YEAR_RANGE_JOINERS)}]{{1,2}} {WS}*+ {_TITLE_YEAR} )?   # — the last
        {WS}*+ 年度?
      | {_alternation(lx.TITLE_EDITION_WORDS)}                     # （试行）
    )
    {WS}*+ {CLOSE} $
    """,
    regex.VERBOSE,
)

#: A line introducing attachments: 附件, 附件1, 附件：1. ……; or the first name of a 附件说明 whose number
#: is set off by a full stop or 、 in place of the colon (附件1.某某坐标, then 2.… under it): a name, so no
#: sentence ends in it (附件1、2所列项目由…负责。 is a sentence of the text).
RE_ATTACHMENT_LINE = regex.compile(
    rf"""(?:{_alternation(lx.ATTACHMENT_LABELS)}) {WS}*+
    (?: {DIGIT}++ {WS}*+ (?: [.．、] [^。！？!?；;]*+ )? )?  # 附件1, 附件1.某某坐标
    (?: {COLON} .* )? $                                   # 附件：…, 附件1：…
    """,
    regex.VERBOSE,
)

#: The 份号 above a notice's title: six digits (GB/T 9704-2012 7.2.1).
RE_COPY_NUMBER = regex.compile(rf"{DIGIT}{{6}}")
#: The 密级和保密期限: 机密★1年, 秘密, 绝密★长期.
RE_SECRECY = regex.compile(rf"(?:{_alternation(lx.SECRECY_LEVELS)})(?:{WS}*★{WS}*\S{{1,8}})?")
#: The 签发人 beside a 发文字号 or on a line of its own: 签发人：王某某 李某.
RE_SIGNERS = regex.compile(rf"(?:{_alternation(lx.SIGNER_LABELS)}){WS}*{COLON}{WS}*(?P<names>\S+(?:{WS}+\S+)*){WS}*$")
#: A name on the 附件说明 list: 附件：1．某某工作要点, 附件1.某某表 (the label), or 2．重点指标分解表 under it.
RE_ATTACHMENT_ITEM = regex.compile(
    rf"""{WS}*(?P<label>(?:{_alternation(lx.ATTACHMENT_LABELS)}){WS}*
    (?:(?P<labelled>{DIGIT}+){WS}*(?:{COLON}|[.．、])|{COLON}))?{WS}*
    (?:(?P<number>{DIGIT}+){WS}*[.．、)）])?{WS}*(?P<name>\S.*?){WS}*$""",
    regex.VERBOSE,
)

#: The print footer of the closing block: 福建省…办公室    2023年3月15日印发.
RE_PRINT_FOOTER = regex.compile(rf"(?:{RE_DATE.pattern}){WS}*印发$", regex.VERBOSE)

#: A title in book-title marks: 《2023年福建省质量强省工作要点》.
RE_BOOK_TITLE = re.compile(r"《(?P<title>[^《》]+)》")

#: The place that starts an issuer's name: 成都市, 福建省, 某某县.
RE_PLACE_PREFIX = regex.compile(r"^\p{Han}{2,6}?[省市县区州]")

#: A notice's title on a line of its own: 某某关于印发…的通知 (no sentence marks, a title's ending).
RE_NOTICE_TITLE_LINE = regex.compile(
    rf"[^。！？!?；;，,：:]{{0,60}}关于[^。！？!?；;，,：:]{{2,80}}(?:{_alternation(lx.NOTICE_TITLE_ENDINGS)})$"
)

#: A decree's number on the line under its heading (中华人民共和国国务院令 / 第707号).
RE_DECREE_NUMBER = re.compile(rf"第{WS}*\d{{1,5}}{WS}*号")

#: The title a notice sends without book-title marks: 关于印发国家职业教育改革实施方案的通知.
RE_SENT_TITLE = re.compile(r"(?:印发|转发)(?P<title>.+?)的(?:通知|函)$")

#: A title set letter-spaced (国 务 院 工 作 规 则, 印发国 家 粮 食 应 急 预 案 的 函): three or more
#: Chinese characters each one space apart.
RE_LETTER_SPACED = regex.compile(rf"\p{{Han}}(?:{WS}\p{{Han}}){{2,}}")

#: A line addressing the recipients (主送机关), ending in a colon.
RE_RECIPIENTS_LINE = regex.compile(rf"(?P<to>[^。！？!?]*[^。！？!?\s\ufeff]){WS}*+{COLON}$")

#: The web page's publication date: 发布时间:2023-07-17.
RE_PUBLISHED = regex.compile(
    rf"(?:{_alternation(lx.PUBLISHED_LABELS)}){WS}*+(?:{COLON}{WS}*+)?(?P<date>{RE_DATE.pattern})",
    regex.VERBOSE,
)

#: The contact person and, in parentheses, their office: 联系人:林忠辉(省市场监管局质量发展处).
RE_CONTACT_NAME = regex.compile(
    rf"""
    (?:{_alternation(lx.CONTACT_NAME_LABELS)}) {WS}* {COLON} {WS}*   # 联系人:
    (?P<name>[\p{{Han}}·A-Za-z]{{2,20}}?)                            # the name
    (?: {WS}* {OPEN} (?P<office>[^（）()]+) {CLOSE} )?               # (the office)
    (?= {WS}* (?:{CLOSE}|{OPEN}|[，,；;。、：:\s]|$|{_alternation(lx.PHONE_LABELS)}) )
    """,
    regex.VERBOSE,
)

#: A telephone or fax number after its label: 0591-87580701.
RE_PHONE = regex.compile(
    rf"""
    (?:{_alternation(lx.PHONE_LABELS)}) [^0-9０-９\r\n]{{0,12}}?     # 联系电话、传真:
    (?P<phone> [（(]?\d{{3,4}}[）)]?[-－—\s]?\d{{7,8}}(?:[-－]\d{{1,5}})?  # 0591-87580701
             | 1\d{{10}} )                                              # or a mobile number
    """,
    regex.VERBOSE,
)

#: An e-mail address.
RE_EMAIL = regex.compile(
    r"(?<![A-Za-z0-9._%+\-])(?P<email>[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,63})(?![A-Za-z])"
)

# --- lead-unit notes --------------------------------------------------------------------


def _wrappable(words: Iterable[str]) -> str:
    """An alternation of words that a hard line wrap (a copy from print) may break.

    >>> _wrappable(["牵头"])
    '牵\\\\s*头'
    """
    return "|".join(r"\s*".join(regex.escape(ch) for ch in w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_ROLES = lx.LEAD_ROLES + lx.SHARED_ROLES + lx.COOPERATING_ROLES
#: A label of a note: a role, then a kind of body (牵头单位, 协同责任单位, 责任处室), or a bare label (牵头：);
#: a hard line wrap (a copy from print) may break it anywhere (牵头\n单位).
_UNIT_LABEL = rf"(?:(?:{_wrappable(_ROLES)})\s*(?:{_wrappable(lx.BODY_KINDS)})|{_wrappable(lx.BARE_LABELS)})"
#: The same, as printed on one line.
_UNIT_LABEL_PLAIN = rf"(?:(?:{_alternation(_ROLES)})(?:{_alternation(lx.BODY_KINDS)})|{_alternation(lx.BARE_LABELS)})"
_BRACKETS = "".join(regex.escape(c) for c in lx.NOTE_OPEN_BRACKETS + lx.NOTE_CLOSE_BRACKETS)

#: Every bracket a note may open or close with (paired in :mod:`notes`), and line breaks.
RE_BRACKET = re.compile(f"[{_BRACKETS}]")
#: The same, captured: split() gives the text between brackets and each bracket, alternately.
RE_BRACKET_KEPT = re.compile(f"([{_BRACKETS}])")

#: A closing bracket that ends its line (a 。 and spaces after it at most): where a note may stand
#: that only lists units.
RE_BRACKET_AT_LINE_END = re.compile(rf"{NOTE_CLOSE}(?=[。.]?{WS}*(?:\r|\n|$))")


def _by_first_character(words: list[tuple[str, str]]) -> str:
    """An alternation of ``words`` (each a word that a hard line wrap may break, and a pattern that
    must follow it), tried in the order given, written as one branch per first character: the
    same matches, but ``re`` then scans in C to the first characters, and at each tries only the
    words that start with it.

    >>> _by_first_character([("牵头", ""), ("配合", ""), ("牵", "单位")])
    '牵(?:\\\\s*头|单位)|配(?:\\\\s*合)'
    """
    branches: dict[str, list[str]] = {}
    for word, after in words:
        rest = "".join(r"\s*" + regex.escape(ch) for ch in word[1:])
        branches.setdefault(word[0], []).append(rest + after)
    return "|".join(f"{regex.escape(first)}(?:{'|'.join(rests)})" for first, rests in branches.items())


def _longest_first(words: Iterable[str]) -> list[str]:
    """Words in the order :func:`_alternation` and :func:`_wrappable` try them: longest first."""
    return sorted(set(words), key=lambda w: (-len(w), w))


#: The words a note cannot do without: a label (a role and a kind of body, or a bare label), or a
#: verb of a role (牵头, 负责, 配合 …), as _UNIT_LABEL and the verbs would be tried in turn, each
#: wrappable; grouped by first character (about 3 times as fast as a look-ahead for the first
#: characters before the alternatives, and 6 times as fast as the alternatives alone).
_CUE_VERBS = lx.LEAD_VERBS + lx.RESPONSIBLE_VERBS + lx.DIVIDED_VERBS + lx.COOPERATING_VERBS
RE_NOTE_CUE = re.compile(
    _by_first_character(
        [(role, rf"\s*(?:{_wrappable(lx.BODY_KINDS)})") for role in _longest_first(_ROLES)]
        + [(label, "") for label in _longest_first(lx.BARE_LABELS)]
        + [(verb, "") for verb in _longest_first(_CUE_VERBS)]
    )
)

#: A label of a role and a kind of body (牵头单位, 协办部门), not a bare one (牵头).
_ROLE_KIND_LABEL = rf"(?:{_alternation(_ROLES)})(?:{_alternation(lx.BODY_KINDS)})"
#: A label no list names that ends with a kind of body or a word of time (联系部门, 办结时间): a field of
#: a block of note lines where it opens one of the block's lines.
_FIELD_LABEL_BY_ENDING = rf"\p{{Han}}{{1,6}}?(?:{_alternation(lx.FIELD_LABEL_ENDINGS)})"
#: A label of a field naming persons (分管领导, 联系县领导, 责任人): up to four characters, then its ending.
_PERSON_LABEL = rf"\p{{Han}}{{0,4}}?(?:{_alternation(lx.PERSON_LABEL_ENDINGS)})"
#: A label inside a note, with its colon: 牵头单位：, 配合单位:, 完成时限：; or without one, where it opens the
#: note or a part of it: 牵头单位 市商务局 (a space for the colon), 牵头单位市商务局 (nothing), 牵头单位为市商务局,
#: 完成时限　2024年 (a space).  ``nocolon`` says which: notes.read_body takes such a label only where a unit's
#: name follows.
RE_NOTE_LABEL = regex.compile(
    rf"""
    (?P<label> {_UNIT_LABEL} | {_wrappable(lx.FIELD_LABELS)} ) {WS}* {COLON} {WS}*     # a label we know
  | (?<= [；;] {WS}{{0,8}} ) (?P<label> \p{{Han}}{{2,6}} ) {WS}* {COLON} {WS}*           # any label after a ；
                                                            # (a bounded look back: linear over a run of spaces)
  | (?<= [\r\n] {WS}{{0,8}} ) (?P<label> {_FIELD_LABEL_BY_ENDING} ) {WS}* {COLON} {WS}* # 督办单位： opening a line
  | (?: ^ | (?<= [；;，,\r\n] ) ) {WS}*+ (?P<label> {_PERSON_LABEL} ) {WS}* {COLON} {WS}*   # 分管厅领导： opening the
                                                                                        #   note or a part (persons)
  | (?: ^ | (?<= [；;，,\r\n] ) ) {WS}*+ (?P<nocolon>)                                 # opening the note or a part:
    (?: (?P<label> {_ROLE_KIND_LABEL} ) (?: {WS}++ | 为 | 是 | (?= \p{{Han}} ) )       #   牵头单位 X / 牵头单位X /
                                                                                        #   牵头单位为X
      | (?P<label> {_alternation(lx.FIELD_LABELS)} ) {WS}++ )                           #   完成时限　2024年
    (?! [{lx.NOT_AFTER_A_BARE_LABEL}{lx.COLONS}] )                                      #   not 牵头单位为X, 责任单位要
    """,
    regex.VERBOSE,
)

_LINE_NOTE_REST = rf"{WS}* {COLON} [^\r\n]*[^\r\n\s\ufeff]"
#: The same with a space for the colon (主办单位　县教育局), after a label of a role and a kind of body.
_LINE_NOTE_SPACED = rf"{WS}++ (?! [{lx.NOT_AFTER_A_BARE_LABEL}] ) [^\r\n]*[^\r\n\s\ufeff]"
_FIELDS_ABOVE = 4  # field lines a block may hold above its units (责任领导：…, 完成时限：…)
_LINE_NOTE = rf"""
    (?P<body> (?: (?:{_wrappable(lx.FIELD_LABELS)}) {_LINE_NOTE_REST} # fields above the units (责任领导：
                  (?: {WS}*+ (?:\r\n|\r|\n) )++ {WS}*+ ){{0,{_FIELDS_ABOVE}}}+  #   王某某), lines of the block too;
                                                                    #   a few (bounded: a run of field lines
                                                                    #   is tried from each of its lines)
              (?: (?:{_UNIT_LABEL}) {_LINE_NOTE_REST}                 # 牵头单位：X；配合单位：Y
                | {_ROLE_KIND_LABEL} {_LINE_NOTE_SPACED} )            # 主办单位　X
        (?: (?: {WS}*+ (?:\r\n|\r|\n) )++ {WS}*+                     # and the lines of the same block (blank
                                                                    # lines between them too):
            (?: (?:{_UNIT_LABEL}|{_wrappable(lx.FIELD_LABELS)}) {_LINE_NOTE_REST}  # 配合单位：…, 完成时限：…
              | (?:{_ROLE_KIND_LABEL}|{_alternation(lx.FIELD_LABELS)}) {_LINE_NOTE_SPACED}
              | {_FIELD_LABEL_BY_ENDING} {_LINE_NOTE_REST} ) )*+             # 联系部门：… (a field no list names)
    )
    {WS}*+ (?= [\r\n] | $ )
"""
#: A lead-unit note on a line of its own, without brackets: 牵头单位：X (matched at the
#: line's first character).
RE_LEAD_LINE = regex.compile(rf"{WS}* {_LINE_NOTE}", regex.VERBOSE)
#: A line that is a field of a note, whole: a label and its colon (责任单位：, 备注：, 督办单位：), then a
#: value that ends as a value does, not on a mark of a list that goes on (、，；：).  A copy that stops on
#: one stops at a line's end, not in mid-sentence.
RE_NOTE_FIELD_LINE = regex.compile(
    rf"""{WS}*+ (?:{_UNIT_LABEL}|{_wrappable(lx.FIELD_LABELS)}|{_FIELD_LABEL_BY_ENDING}) {WS}* {COLON}
    [^\r\n]* [^\r\n\s\ufeff、，,；;：:] {WS}*+ $""",
    regex.VERBOSE,
)

#: A lead-unit note that ends a line after the item's last sentence, without brackets:
#: …做好工作。责任单位：省发展改革委、省财政厅
#: Found with ``re`` from the sentence end before the label (``regex`` scans for an alternation
#: at every character, ``re`` skips to the sentence ends), then read with RE_LEAD_LINE from the
#: label on (one compiled pattern for both: compiling one costs some 20 ms of every process's start).
RE_INLINE_LEAD_START = re.compile(rf"[。；;！!？?]{WS}*(?={_UNIT_LABEL_PLAIN})")

#: The rest of a line, from where it is matched: a note after a dash runs to its line's end.
RE_LINE_REST = re.compile(r"[^\r\n]*+")
#: Units set off from the task's last sentence by a run of spaces alone, to the end of the line, as a
#: list of projects prints them (（6）改造供热管网。　　市城市管理局　市住房城乡建设局): the sentence's end,
#: the run (two spaces or more), and the rest of the line, parted by single spaces or 、.  Each part
#: must be a unit's name for notes._spaced_notes to read it as a note.
RE_SPACED_NOTE = re.compile(
    rf"""
    [{regex.escape(lx.FULL_STOPS)}]        # the task's last sentence ends
    {WS}{{2,}}+                            # a run of spaces, no other mark
    (?P<units> [^\s{regex.escape(lx.FULL_STOPS)}：:] [^\r\n{regex.escape(lx.FULL_STOPS)}：:]*+ )  # to the line's end
    (?=[\r\n]|\Z)
    """,
    re.VERBOSE,
)
#: A run of horizontal spaces: what parts the units of such a note.
RE_SPACE_RUN = re.compile(rf"{WS}+")
#: A sentence that names the task's units after a label and 为: ……。责任单位为A、B、C。 / 牵头单位为A，配合单位为B。
#: Matched at the label (a cue after a sentence's end); notes._sentence_notes reads it as a note only where it
#: ends its paragraph (RE_SENTENCE_END_OF_LINE after it).
RE_LABELLED_SENTENCE = re.compile(
    rf"""
    (?:{_ROLE_KIND_LABEL}) {lx.LABEL_IS} (?! [{lx.NOT_AFTER_A_BARE_LABEL}] )   # 责任单位为 and a name's first character
    [^。！？!?\r\n]*+                                                       # the sentence, to its full stop
    """,
    re.VERBOSE,
)
#: The end of a sentence that ends its line: its full stop (or none), then spaces only.
RE_SENTENCE_END_OF_LINE = re.compile(rf"(?P<stop>[。.！!？?]?){WS}*+(?=[\r\n]|\Z)")

#: A label in 【】 with the units after it: 【责任单位】省市场监管局、省发展改革委.
RE_BRACKETED_LABEL_NOTE = re.compile(
    rf"""
    【 {WS}* (?P<label> {_UNIT_LABEL_PLAIN} ) {WS}* 】   # 【责任单位】
    {WS}*+ (?: {COLON} {WS}*+ )?                                   # spaces taken once: no backtracking
    (?P<units> [^。；;\r\n（(【]*[^。；;\r\n（(【\s\ufeff\u3000] )   # the units, spaces after them left out
    """,
    re.VERBOSE,
)

#: A field's value in 【】 form: to the end of its line, a sentence's end or the next 【, spaces after it
#: left out.
_FIELD_VALUE = r"[^。；;\r\n【]*[^。；;\r\n【\s\ufeff\u3000]"
#: A field in 【】 after such a note, on its line or the next: 【完成时间】2025年12月底前.  Its value may
#: be missing on the label's line: a copy from print may have wrapped it to the next
#: (notes._field_value decides; RE_FIELD_VALUE_BELOW and RE_FIELD_VALUE_REST read it there).
RE_BRACKETED_FIELD = re.compile(
    rf"""
    {WS}*+ (?: (?:\r\n|\r|\n) {WS}*+ )?                             # on the note's line or the next
    【 {WS}* (?P<label> {_alternation(lx.FIELD_LABELS)} ) {WS}* 】 {WS}*+ (?: {COLON} {WS}*+ )?
    (?P<value> {_FIELD_VALUE} )?                                    # the value on the label's line
    """,
    re.VERBOSE,
)
#: A field's value on the line under its label (【完成时间】⏎2025年12月底前).
RE_FIELD_VALUE_BELOW = re.compile(rf"{WS}*+(?:\r\n|\r|\n){WS}*+(?P<value>{_FIELD_VALUE})")
#: The rest of a field's value on the line a wrapped time goes on to (【完成时间】2025年⏎12月底前完成).
RE_FIELD_VALUE_REST = re.compile(rf"(?:{_FIELD_VALUE})?")

#: A note that answers for the tasks before it as well as its own: （以上三项由A牵头，B配合）.
#: 以上各项, 上述任务 name no count: the note is read, and answers for its own task alone.
RE_GROUPED_NOTE = re.compile(
    rf"""{WS}*+(?:以上|上述)
    (?: (?P<count>[一二两三四五六七八九十]{{1,3}}|[0-9]{{1,2}}) (?:项|条) (?:工作|任务|措施)?
      | 各(?:项|条) (?:工作|任务|措施)? | 工作 | 任务 | 措施 )
    (?:均|都)?由?""",
    re.VERBOSE,
)

#: A task's number as an assignment of tasks prints it: （一）, (3), 一, 3.
_TASK_NUMBER = rf"[（(]? (?:[一二两三四五六七八九十]{{1,3}}|{DIGIT}{{1,2}}) [）)]?"
#: The opening of a sentence that assigns tasks by their number (a line of a 任务分工 section, or a
#: sentence of a closing paragraph): 第（一）项任务由, 第（三）（四）项任务由, 第（六）至（八）项任务分别由,
#: 第一、二项由, 第（一）项至第（三）项均由.  What follows 由 is read as a note is (A牵头，B配合).
RE_TASK_ASSIGNMENT = regex.compile(
    rf"""
    第 (?P<tasks>                                                    # the tasks' numbers:
        {_TASK_NUMBER}                                               #   the first
        (?: (?:项? (?:{_alternation(lx.RANGE_JOINERS)}) 第?    #   the last of a range (至, 项至第)
            | [、，,和及]? 第? )                                      #   or the next listed
            {_TASK_NUMBER} ){{0,12}}
    )
    项 (?:{_alternation(lx.ASSIGNED_TASK_NOUNS)})?                   # 项, 项任务
    (?P<each> {_alternation(lx.RESPECTIVELY_WORDS)})? (?:均|都)?     # 分别: the units in order
    由
    """,
    regex.VERBOSE,
)
#: One task number inside the numbers an assignment names, and the range joiner before it.
RE_TASK_NUMBER = regex.compile(
    rf"""
    (?P<range> {_alternation(lx.RANGE_JOINERS)})? 第?     # 至 before the last of a range
    [（(]? (?P<n> [一二两三四五六七八九十]{{1,3}}|{DIGIT}{{1,2}}) [）)]?
    """,
    regex.VERBOSE,
)

#: The plan's statement that the unit listed first leads: 列第一位者为牵头单位, 排在第一位的部门为
#: 牵头部门, 第一个单位为牵头单位, 第一责任单位为牵头单位, 第一个为牵头单位, 排名第一的为牵头单位,
#: 列首位者牵头.  Every statement holds
#: FIRST_IS_LEAD_WORD and is at most FIRST_IS_LEAD_REACH characters long before it (its spaces are
#: bounded), so it is looked for around that word only (notes.first_is_lead_statements).
_RULE_SPACE = 8  # spaces a statement may hold between its words (排在 第一位)
RE_FIRST_IS_LEAD = re.compile(
    rf"""
    (?: (?:{_alternation(lx.PLACE_VERBS)}) {WS}{{0,{_RULE_SPACE}}} (?:在|于)? {WS}{{0,{_RULE_SPACE}}}   # 列 / 排在
        (?:{_alternation(lx.FIRST_PLACES)})                                  # 第一位 / 首位
        [^。；;，,（）()\r\n]{{0,6}}? (?:为|是)? 牵头                        # 者为牵头 / 的部门为牵头
      | (?:{_alternation(lx.FIRST_PLACES)}) (?:的|者)?                       # 第一个单位 / 第一责任单位 /
        (?: (?:{_alternation(lx.SHARED_ROLES)})? (?:单位|部门) )?           #   第一个
        (?:为|是) 牵头                                                       #   为牵头
    )
    (?:单位|部门)?
    """,
    re.VERBOSE,
)
FIRST_IS_LEAD_WORD = "牵头"
FIRST_IS_LEAD_REACH = max(map(len, lx.PLACE_VERBS)) + 2 * _RULE_SPACE + 1 + max(map(len, lx.FIRST_PLACES)) + 6 + 1
FIRST_IS_LEAD_TAIL = len(FIRST_IS_LEAD_WORD) + 2  # the word, then 单位 or 部门
_REMARK_REACH = 200  # characters a remark on how to read notes runs before or after its statement
#: The statement that the units before the first comma lead (逗号前的为牵头单位, 第一个逗号前为牵头单位):
#: the units of a note's first part lead together, those after the comma cooperate.
RE_COMMA_LEADS = re.compile(
    r"(?:第一个)?(?P<mark>逗号|分号)(?:之)?前(?:面)?(?:的|者)?(?:单位|部门)?(?:为|是)?(?:共同)?牵头(?:单位|部门)?"
)
#: Either statement, by kind (every one holds FIRST_IS_LEAD_WORD within FIRST_IS_LEAD_REACH).
RE_LEAD_RULE = re.compile(rf"(?P<rank>{RE_FIRST_IS_LEAD.pattern})|(?P<comma>{RE_COMMA_LEADS.pattern})", re.VERBOSE)
#: A word of a statement of how to read the notes (a clause holding one is no unit list).
RE_RULE_WORD = re.compile(_alternation((*lx.RULE_WORDS, *lx.NO_ORDER_PHRASES)))
#: The same statement as an aside in brackets inside a note: （排在首位的为牵头单位）.
RE_RULE_ASIDE = re.compile(rf"{OPEN}[^（）()]{{0,{_REMARK_REACH}}}{CLOSE}")
#: A remark naming units for every note that follows: 以下均需试点城市政府落实，不再列出 (各项措施均需…，
#: 不再列出). The units may hold brackets of their own: 以下各项任务均需各县（市、区）人民政府落实，不再列出.
#: Or the units first, as units of the note that holds the remark too (``kept``):
#: 各区人民政府为各项措施的共同责任单位，以下不再列出.
RE_FOLLOWING_UNITS = regex.compile(
    rf"""
    (?: 以下 (?:{_alternation(lx.FOLLOWING_UNITS_SCOPES)})?                    # 以下 [各项任务]
        (?:{_alternation(lx.FOLLOWING_UNITS_VERBS)})?                           #   [均需]
      | (?:{_alternation(lx.EVERY_TASK_SCOPES)})                                 #   or 各项措施 with its verb:
        (?:{_alternation(lx.FOLLOWING_UNITS_VERBS)}) )                          #   均需 (X为各项措施的… is below)
    (?P<units> (?:[^。；;（）()]|[（(][^。；;（）()]{{0,20}}[）)]){{0,{_REMARK_REACH}}}? ) (?:负责落实|落实|负责|参与)?
    {WS}{{0,4}} [，,]? {WS}{{0,4}} (?:{_alternation(lx.NOT_LISTED_AGAIN)})
  | (?<= ^ | [；;，,。：:（(] ) {WS}*+ (?P<kept>)                               # a part of the note (or all:
    (?P<units> (?:[^。；;，,：:（）()\s]|[（(][^。；;（）()]{{0,20}}[）)]){{1,60}}? )   # （各区人民政府…): 各区人民政府
    为 (?:{_alternation(lx.EVERY_TASK_SCOPES)}) 的? (?:共同)?                       # 为各项措施的共同
    (?: (?P<cooperating> {_alternation(lx.COOPERATING_ROLES)} )                      # 配合单位 /
      | (?:{_alternation(lx.LEAD_ROLES + lx.SHARED_ROLES)}) ) (?:{_alternation(lx.BODY_KINDS)})   # 责任单位
    (?: {WS}{{0,4}} [，,]? {WS}{{0,4}} (?:以下|下同)? (?:均)? (?:{_alternation(lx.NOT_LISTED_AGAIN)}) )?
    """,
    regex.VERBOSE,
)
#: Words every remark of RE_FOLLOWING_UNITS holds (…不再列出, or 为各项…), looked for before the remark.
RE_CARRY_HINT = re.compile(
    _alternation({w[-2:] for w in lx.NOT_LISTED_AGAIN} | {"为" + scope[:2] for scope in lx.EVERY_TASK_SCOPES})
)
#: A unit that starts with a place and ends with an office: 平潭综合实验区优化营商环境工作领导小组办公室.
RE_PLACE_THEN_OFFICE = regex.compile(rf"^\p{{Han}}{{3,}}?[{lx.PLACE_END_CHARS}]\p{{Han}}{{2,}}$")
#: 下同 in a note: a statement made in it holds from there on.
RE_FROM_HERE_ON = re.compile(_alternation(lx.FROM_HERE_ON))
#: Where the first name of a unit list ends: at a separator or a line break.
RE_UNIT_END = re.compile(f"[{regex.escape(lx.UNIT_SEPARATORS)}\r\n]")
#: A remark that ends a unit list: ，以下均涉及各县区，不再重复列出.
RE_UNIT_LIST_REMARK = re.compile(rf"[，,；;。]{WS}*(?:{_alternation(lx.UNIT_LIST_REMARKS)})")

_LEVELS = _alternation(lx.ADMIN_LEVELS)
_LEVEL_LIST = rf"(?:{_LEVELS})(?:、(?:{_LEVELS}))*"
#: A distributive list of administrative levels that names one unit: 各区、县级市, 各省、自治区.
RE_ADMIN_DISTRIBUTIVE = regex.compile(rf"^各?(?:{_alternation(lx.ADMIN_QUALIFIERS)})?{_LEVEL_LIST}$")
RE_ADMIN_LEVEL_START = regex.compile(rf"^(?:{_LEVELS})(?!直)")  # 区直各部门: the district's own offices

#: A number that is part of a body's name, a service line's (区12345热线中心, 12315指挥中心, 市110指挥中心):
#: three digits or more, followed by the name's characters (not 5G; a quantity or a time, 1000家, 2025年,
#: notes tells apart with RE_QUANTITY and RE_TIME).
RE_NUMBER_IN_NAME = regex.compile(rf"(?<![0-9{lx.FULLWIDTH_DIGITS}.．]){DIGIT}{{3,6}}(?=\p{{Han}})")
#: A bracketed aside at the end of a unit's name: 省市场监管局（省知识产权局）.
RE_TRAILING_BRACKETS = re.compile(rf"{NOTE_OPEN}[^{_BRACKETS}]*{NOTE_CLOSE}$")
#: Vague words closing a unit list that name no unit: 等, 等有关部门.
RE_UNIT_TRAILER = regex.compile(rf"(?:{_alternation(lx.UNIT_TRAILERS)})[。.]?$")
#: 等 joining a vague list to the next unit: A、B等和各省级人民政府 (split there).
RE_VAGUE_JOIN = re.compile(r"等(?:有关|相关)?(?:部门|单位)?(?:以及|和|及)")

# --- numbers and targets ------------------------------------------------------------------

_MAG = _alternation(lx.MAGNITUDES)
#: A unit as the plan writes it after a number: one of the lexicon's (longest first; 批\n次, broken by a hard
#: line wrap, too), a standard one of them (标准箱), or a unit in Latin letters written whole (50Tbps, 200MW,
#: 20GWh, 450cm3/h, 1TFLOPS/w: two letters or more, or one of the single-letter symbols (240h), with no letter
#: or digit after it — 5G and 10G are names, not units).
_LATIN_UNIT = (
    rf"(?:[A-Za-z]{{2,8}}|{_chars(''.join(lx.SINGLE_LETTER_UNITS))})"  # dB, TFLOPS; h, m (never G: 5G is a name)
    r"[23]?"  # cm3, m2: a power
    r"(?:/[A-Za-z]{1,4})?"  # TFLOPS/w, cm3/h: per what
    r"(?![A-Za-z0-9])"
)
_UNITS = rf"(?:{_LATIN_UNIT}|{_wrappable(lx.COUNT_UNITS)}|标准(?:{_alternation(lx.COUNT_UNITS)}))"  # Pa before P
_SUFFIX_CMP = _alternation(lx.SUFFIX_COMPARATORS)
#: The first characters of the units and comparators: tested before their alternations are tried
#: (implied by them, so nothing changes), because most numerals (进一步, 统一) are followed by none.
_UNIT_FIRST = "[" + "".join(regex.escape(c) for c in sorted({u[0] for u in lx.COUNT_UNITS} | {"标"})) + "A-Za-z]"
_FIRSTS = {u[0] for u in (*lx.COUNT_UNITS, *lx.SUFFIX_COMPARATORS)} | set("余多，。；,;标 ")
_AFTER_NUMBER_FIRST = "[" + "".join(regex.escape(c) for c in sorted(_FIRSTS)) + "A-Za-z]"
_NUMBER = rf"""
    (?>                                                       # atomic: never a part of a number
        {DIGIT}+ / {DIGIT}+ (?![0-9０-９万千百亿.．])          # 1/3: a fraction (not 8/10万, a rate per 100000)
      | [一二三四五六七八九十]{{1,2}} 分之 [一二三四五六七八九十]{{1,2}}   # 三分之一
      | 一半                                                  # a half
      | [一二两三四五六七八九] 成 (?= {_SUFFIX_CMP} | [，。；,;、）)] | $ )   # 三成以上, 八成: tenths (not 一成不变)
      | {DIGIT}+ (?:,[0-9]{{3}}){{0,6}} (?:[.．]{DIGIT}+)?    # 10, 1,500, 6.5, １０ (bounded: 1,000,… retried)
      | [〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千]*   # 十二, 一百二十, 两千
        (?: [万亿] [〇零一二两三四五六七八九十百千]+ )?            # 一万二千: a magnitude inside
      | 千 | 百(?=[万亿]) | (?=[万亿])                                # a magnitude alone: 千家, 百万, 万亿元
    )
    (?:{_MAG})?                                               # 50万, 100亿
"""

#: What may follow 倍增 for it to be the doubling a goal sets: the end of its phrase (倍增计划 names a plan).
_DOUBLING_END = "".join(regex.escape(c) for c in lx.CLAUSE_ENDS + "、" + lx.SPACE_CHARS + "\r\n")
#: A number, or a range of two, as printed (50万, 1.5, 一到两, 1-2, 3至5), followed by a
#: unit; 百分之三 carries its own.  Numbers without a unit are never targets, so they are
#: not even candidates.
#:
#: Compiled with the standard library's ``re``: this pattern scans every character of every
#: item, and ``re`` skips to the characters named in the leading look-ahead more than twice
#: as fast as ``regex`` does.  It uses nothing ``re`` lacks (atomic groups need 3.11).
RE_QUANTITY = re.compile(
    rf"""
    (?=[翻倍百千万亿{DIGIT[1:-1]}〇零一二两三四五六七八九十])     # skip to a possible number
    (?<![{DIGIT[1:-1]}〇零一二两三四五六七八九十百千万亿])          # that does not start inside one
    (?:
        (?P<double> 翻 (?P<times> [一两二三四] ) 番               # 翻一番: doubled, 翻两番: × 4
          | {lx.DOUBLING_WORD} (?= [{_DOUBLING_END}] | $ ) )       # 实现倍增。: doubled (not 倍增计划, a name)
      |
        (?P<pct> 百分之 )?                                      # 百分之三
        (?P<low> (?(pct) 百(?![〇零一二两三四五六七八九十百千万亿]) | (?!) ) | {_NUMBER} )   # 百分之百; the number
        (?:
            (?: (?={_UNIT_FIRST}) (?:{_UNITS}) )?                # 1场至2场: the unit said twice
            (?P<joiner> {_alternation(lx.RANGE_JOINERS)} )      # a range joiner: -, 至, 到
            (?P<high> {_NUMBER} )                               # the high end
        )?
        (?(pct) | (?={_AFTER_NUMBER_FIRST})                        # a unit, a comparator, or the clause
                  (?= (?:余|多)? \x20? (?:{_UNITS}) | {_SUFFIX_CMP} | [，。；,;] ) )   # ends (率…不超过0.2，);
                                                                    # a copy from PDF may put a space before the unit
    )
    """,
    re.VERBOSE,
)

#: What follows a number: 余/多, then the unit, with its denominator in a compound unit.
RE_UNIT = re.compile(
    rf"""
    (?P<approx> 余|多 )?                                  # 100余家: more than
    \x20?                                                 # 0.005 度: a space a copy from PDF put in
    (?P<unit> (?:{_UNITS})                                  # the unit, longest first
        (?: [/／] (?:{_alternation(lx.DENOMINATOR_UNITS)}) )? )   # /立方米, /人, /万元: a compound unit
    (?! (?<=人年) 均 )                                    # 10万人年均增收: 人, then 年均 (not 人年, person-years)
    """,
    re.VERBOSE,
)

#: Comparator words after the unit: 以上, 以内, 左右.
RE_SUFFIX_COMPARATOR = re.compile(rf"(?P<cmp>{_alternation(lx.SUFFIX_COMPARATORS)})")
#: A comparator of two characters or more wrapped onto the next line after the unit (稳定在6万亩⏎以上。): a hard
#: wrap of a copy from print, the comparator still the number's.  Only where a mark, a bracket, a space or the end
#: follows it: a paragraph opening with 以上任务… is no comparator of the line before.
RE_WRAPPED_SUFFIX_COMPARATOR = re.compile(
    rf"{WS}*(?:\r\n|\r|\n){WS}*"  # the line end, with the spaces around it
    rf"(?P<cmp>{_alternation(c for c in lx.SUFFIX_COMPARATORS if len(c) > 1)})"  # 以上, 左右 (not 内, 多)
    rf"(?=[{regex.escape(lx.CLAUSE_ENDS + '、' + lx.NOTE_CLOSE_BRACKETS + lx.NOTE_OPEN_BRACKETS)}\s]|$)"
)
#: Words right after a number that make it a date, ordinal, ranking or code.
RE_NON_TARGET_FOLLOWER = re.compile(rf"(?:{_alternation(lx.NON_TARGET_FOLLOWERS)})")
#: Fixed phrases built on numerals.
RE_NUMERAL_IDIOM = re.compile(rf"(?:{_alternation(lx.NUMERAL_IDIOMS + lx.PERIOD_NAMES)})")
#: A code around a number: GB9706, 5G, PM2.5, ISO22000, 4+4+6.
RE_CODE_BEFORE = re.compile(r"[A-Za-z0-9０-９.+\-_/#@]$")
RE_CODE_AFTER = re.compile(r"[A-Za-z+_/#@]|[.．][0-9]")
#: A word naming a rate or an index (率, 指数).
RE_RATE_WORD = re.compile(_alternation(lx.RATE_WORDS))
#: Words that mark a number as an existing baseline (已, 现有, 截至).
RE_BASELINE_CUE = re.compile(_alternation(lx.BASELINE_CUES))
#: A year written in digits (not after a word that makes it a base: 比2020年), with a part of it or a
#: month and day that may follow (1995年底, 2023年6月): what a sentence opening with it tells of
#: happened then (1995年我国共发生…48次), a fact if the year is before the plan's.
RE_SENTENCE_YEAR = regex.compile(
    rf"(?<!{_chars(lx.YEAR_BASE_LEADERS)})"  # not 比2020年, 以1995年, 2024年、2025年
    rf"(?P<year>[12１２]{DIGIT}{{3}})年"  # 1995年
    rf"(?>{_alternation(lx.DATING_YEAR_PARTS)}|{DIGIT}{{1,2}}月(?:{DIGIT}{{1,2}}日)?)?"  # 底, 上半年, 6月30日
)
#: The opening of a list of conditions: 符合下列要求的, 符合以下条件, 应具备下列条件：, 还应具备：.
RE_CONDITION_LIST = regex.compile(
    rf"(?:{_alternation(lx.CONDITION_LIST_VERBS)})"  # 符合, 具备
    r"(?:(?:下列|以下|如下)[^，。；;：:]{0,8}?"  # 下列要求, 以下基本条件
    rf"(?:{_alternation(lx.CONDITION_LIST_WORDS)})"
    r"|[：:])"  # or a colon right after the verb: 还应具备：
)
#: Words that mark a target the plan only strives for (力争, 争取).
RE_ASPIRATION_CUE = re.compile(_alternation(lx.ASPIRATION_CUES))
#: The frame of a baseline: 在……的基础上 (numbers inside it already exist).
RE_BASELINE_FRAME = re.compile(r"在[^，,；;。：:]{0,80}?基础上")

#: A quotation or a title in quotation marks or 《》: numbers inside are names.
#: The straight double quote, which opens and closes alike: "…".
RE_STRAIGHT_QUOTE = re.compile('"')
RE_QUOTED = re.compile(
    "|".join(rf"{regex.escape(o)}[^{regex.escape(c)}\r\n]{{0,120}}{regex.escape(c)}" for o, c in lx.QUOTE_PAIRS)
)
#: The nearest opening quotation mark before a position (searched backwards).
RE_LAST_QUOTE_OPEN = regex.compile(_chars("".join(o for o, _ in lx.QUOTE_PAIRS)), regex.REVERSE)
#: Marks that end a clause, and that end a sentence.  The ASCII comma ends none between a digit and three
#: more (1,200家, 2,400: a thousands separator), where no digit follows them (2023,2024 is two years).
_CLAUSE_END = (
    _chars(lx.CLAUSE_ENDS)  # a mark (one class first: re skips to its characters)
    + r"(?!(?<=[0-9],)[0-9]{3}(?![0-9]))"  # not the comma that parts the thousands of a number
)
RE_CLAUSE_END = re.compile(_CLAUSE_END)
#: The same, searched backwards from a position (REVERSE finds the nearest one first: one call
#: costs less than a scan of the item for every mark, measured side by side).
RE_LAST_CLAUSE_END = regex.compile(_CLAUSE_END, regex.REVERSE)
RE_LAST_SENTENCE_END = regex.compile(_chars(lx.SENTENCE_ENDS), regex.REVERSE)
RE_SENTENCE_END = re.compile(_chars(lx.SENTENCE_ENDS))
#: A number written in digits (ASCII or full width), as opposed to Chinese numerals.
RE_HAS_DIGIT = re.compile(DIGIT)

# --- horizons and deadlines --------------------------------------------------------------------

_PART = _alternation(lx.YEAR_PARTS)
_MONTH_NUM = rf"(?:{DIGIT}{{1,2}}|[一二三四五六七八九十]{{1,2}})"
#: A period's name, in quotation marks or not (“十四五”, 十四五); one that is a number too only in them (“十五”).
_PERIOD = (
    rf"""[“"‘]? (?:{_alternation(name for name in lx.PERIOD_END_YEARS if name not in lx.QUOTED_PERIODS)}) [”"’]?"""
    rf"""| [“"‘] (?:{_alternation(lx.QUOTED_PERIODS)}) [”"’]"""
)

#: Spaces, and at most one line end a copy from print wrapped a time at (6月⏎底前, 到2025⏎年).
_GAP = rf"{WS}*(?:(?:\r\n|\r|\n){WS}*)?"
_IN_YEAR = rf"""
    (?: (?P<part> {_PART} )                                                            # 底 / 上半年
      | (?P<month> {_MONTH_NUM} ) {_GAP} 月 {_GAP}                                     # 6月
        (?: (?P<day> {DIGIT}{{1,2}} ) {WS}* (?:日|号) | (?P<month_end> 底|末|中旬|下旬|上旬|份) )?   # 30日 / 底 / 份
    )
"""
#: A year named from the plan's (今年, 明年), not where its first character ends a word (说明年底);
#: the first characters are checked once, before the words are tried.
_RELATIVE_WORDS = "|".join(
    f"(?<![{lx.NOT_BEFORE_RELATIVE_YEAR[word[0]]}]){re.escape(word)}"
    if word[0] in lx.NOT_BEFORE_RELATIVE_YEAR
    else re.escape(word)
    for word in lx.RELATIVE_YEARS
)
_RELATIVE_YEAR = rf"(?=[{''.join(sorted({word[0] for word in lx.RELATIVE_YEARS}))}])(?:{_RELATIVE_WORDS})"
#: A time a plan sets things by, as printed: 到2025年, 2023年底前, 2024年6月底前, 6月底前,
#: 3月31日前, 上半年, 年内, 今年底前, 到“十四五”末.  Which parts are present tells its kind
#: (:mod:`times` decides what is a time and what only dates something).
#: A year with what follows it in the year, or what follows alone, is one alternative: the year
#: is optional, and the conditional fails the alternative when neither is there.
RE_TIME = re.compile(
    rf"""
    (?P<horizon> (?:{_alternation(lx.HORIZON_WORDS)}) {WS}* )?                           # 到 / 至
    (?:
        (?P<period> (?:{_PERIOD})                                                       # “十四五”
                    (?P<period_span> {_alternation(lx.PERIOD_SPAN_WORDS)} )?                #   期间
                    (?P<period_end> 末|期末 )? )                                           #   末
      | (?: (?: (?P<year> (?:19|20)[0-9]{{2}}|(?:二〇|二零)[〇零一二三四五六七八九]{{2}} ) {_GAP} 年  # 2023年
              | (?P<rel_year> {_RELATIVE_YEAR} ) ) {_GAP} )?                         # 今年, 明年
        (?P<in_year> {_IN_YEAR} )?                                                   # 6月底, 上半年
        (?(year)|(?(in_year)|(?!)))                                                  # one of them at least
      | (?P<plan_year> {_alternation(lx.PLAN_YEAR_WORDS)} )                           # 年内
    )
    (?P<before> {_alternation(lx.BEFORE_WORDS)} )?                                     # 前
    """,
    re.VERBOSE,
)
#: The rest of a time's clause up to a word that grants a permission (2020年年底前|省属重点文化企业可免缴…):
#: matched from the time's end, so it tries no more than its reach of characters.
PERMISSION_REACH = 24
RE_PERMISSION_IN_CLAUSE = re.compile(
    rf"[^{regex.escape(lx.CLAUSE_ENDS)}\r\n]{{0,{PERMISSION_REACH}}}?"  # the clause's words before it: 省属重点文化企业
    rf"(?<![不未])(?:{_alternation(lx.PERMISSION_WORDS)})"  # 可免, 可以, 允许; not 不允许 (a ban is a duty)
)
#: What after a time makes it qualify a noun rather than set a time to finish by: a verb of one or
#: two characters and 的 (2000年底前建成的小区, 2024年6月底前注册的企业); a verb with its object
#: (9月底前完成改造的企业达到18家) counts what is done by then, and is left a time.
RE_QUALIFYING_VERB = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){1,2}的")
#: A span of years as a 完成时限 (2025年—2027年, 2025—2027年, 2025-2027年底): due at its end.
RE_YEAR_SPAN = re.compile(
    rf"""
    {WS}* (?:19|20)[0-9]{{2}} {WS}* 年? {WS}*            # 2025年
    (?: [—–\-－~～]{{1,2}} | 至 | 到 ) {WS}*                  # — / - / 至
    (?P<end> (?:19|20)[0-9]{{2}} ) {WS}* 年? {WS}*          # 2027年
    (?: (?:底|末) {WS}* )? (?: (?:{_alternation(lx.BEFORE_WORDS)}) {WS}* )? \Z  # 底前
    """,
    re.VERBOSE,
)
#: The first year of a span of years and what joins it to the last, right before the last year
#: (2025-|2027年, 2025年—|2027年; 2002年|到2005年, where the last year's 到 or 至 is the joiner):
#: searched in the few characters before the last year (SPAN_FIRST_REACH), ending where it starts.
RE_SPAN_FIRST_YEAR = re.compile(
    rf"""
    (?<![0-9]) (?P<first> (?:19|20)[0-9]{{2}} ) {_GAP} 年? {_GAP}            # 2025年
    (?P<joiner> [{regex.escape(lx.YEAR_RANGE_JOINERS)}]{{1,2}} )? {_GAP} \Z   # — / - / 至
    """,
    re.VERBOSE,
)
SPAN_FIRST_REACH = 16
#: A year in a title, its digits made ASCII: 2023 of 2023年福建省质量强省工作要点.
RE_PLAN_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
#: Text in brackets with no brackets inside: （2023年底前完成）.
RE_BRACKETED = re.compile(rf"{NOTE_OPEN}(?P<body>[^{_BRACKETS}\r\n]{{1,40}}){NOTE_CLOSE}")

#: A season or festival the genre sets a task before (汛期前, 春节之前): no day, a deadline without a date.
_SEASON_TIME = rf"(?:{_alternation(lx.SEASON_ANCHORS)})(?:{_alternation(lx.BEFORE_WORDS)})"
#: What makes such a time one to finish by, right after its 前: a comma (入冬前，各地要…), the bracket
#: of a time alone (（汛期前）), or a verb of finishing or starting after a modal at most (汛期前完成,
#: 春节前要全部建成) — not a noun the time qualifies (汛前隐患排查).
RE_SEASON_FOLLOWER = re.compile(
    rf"""
    {WS}* (?: [，,] | {NOTE_CLOSE}                                        # 入冬前， / （汛期前）
      | (?:{_alternation(lx.SEASON_DEADLINE_MODALS)})? (?:{_alternation(lx.SEASON_DEADLINE_VERBS)})   # 要完成
    )
    """,
    re.VERBOSE,
)
#: A deadline that gives no date, alone in brackets: （长期坚持）, （持续推进）.
RE_ONGOING_BRACKETED = re.compile(rf"{NOTE_OPEN}{WS}*(?P<body>{_alternation(lx.ONGOING_PHRASES)}){WS}*{NOTE_CLOSE}")
#: A statement of the deadline of every task that gives none, ending where its time begins (searched
#: backwards from a deadline: the time itself is found by RE_TIME): 未注明完成时限的任务，均须于|2024年
#: 12月底前完成; 完成时限未明确的，一律在|年底前; 除已注明时限外，其余工作于|6月底前完成.
_UNSTATED_VERB = rf"(?:{_alternation(lx.UNSTATED_ADVERBS)})?(?:{_alternation(lx.UNSTATED_VERBS)})"
_UNSTATED_TIME = _alternation(lx.UNSTATED_TIME_WORDS)
RE_DEFAULT_DEADLINE = re.compile(
    rf"""(?:
        (?:{_alternation(lx.UNSTATED_NEGATIONS)}) {_UNSTATED_VERB} (?:具体)? (?:{_UNSTATED_TIME})
      | (?:{_UNSTATED_TIME}) (?:{_alternation(lx.UNSTATED_NEGATIONS)}) {_UNSTATED_VERB}
      | (?:{_alternation(lx.UNSTATED_EXCEPT)}) {_UNSTATED_VERB} (?:具体)? (?:{_UNSTATED_TIME})
        (?:的|者)? (?:外|以外|之外)?
    )
    (?:的|者)? (?:{_alternation(lx.UNSTATED_TASK_WORDS)})? {WS}* [，,]? {WS}*
    (?:(?:其余|其他)(?:{_alternation(lx.UNSTATED_TASK_WORDS)})?)?
    (?:均|一律|统一|原则上|都)? (?:须|需|应|要|必须|需要|应当)? (?:为|按|在|于|截至|截止)? {WS}*\Z""",
    re.VERBOSE,
)
#: How far before its time such a statement may begin.
DEFAULT_DEADLINE_REACH = 40

#: A phrase that is nothing but a deadline (a 完成时限 field, or a clause of a note):
#: 2023年底前完成, 6月底前, 长期坚持, 汛期前完成, 2025—2026年 (a span of years: due at its end).
RE_DEADLINE_PHRASE = re.compile(
    rf"""
    ^ {WS}*+ (?: (?:完成时限|时限) {WS}*+ )? (?: [:：] {WS}*+ )?                 # spaces taken once
    (?: (?:{RE_TIME.pattern}) | (?:{_alternation(lx.ONGOING_PHRASES)}) | {_SEASON_TIME}    # 汛期前
      | (?P<span> {DIGIT}{{4}} {WS}*+ 年? {WS}*+ (?:[{regex.escape(lx.YEAR_RANGE_JOINERS)}]{{1,2}}) {WS}*+
                  {DIGIT}{{4}} {WS}*+ 年 (?:底|末)? (?:{_alternation(lx.BEFORE_WORDS)})? ) )      # 2025—2026年
    {WS}*+ (?: (?:完成|见效|落实|到位|取得成效|实现) {WS}*+ )? (?: [。.] {WS}*+ )? $
    """,
    re.VERBOSE,
)

#: A clause that opens with when its task starts or how often it comes back: 2024年起每年开展,
#: 自2025年开始, 按季度推进, 定期通报.  A remark on the task's timing in a note: no unit's name, no
#: time to finish by.
RE_TIME_REMARK = re.compile(
    rf"""
    {WS}*+
    (?: (?: (?:{_alternation(lx.FROM_WORDS)}) {WS}*+ )?                 # 自 / 从
        (?:{RE_TIME.pattern}) {WS}*+ (?:{_alternation(lx.START_WORDS)})  # 2024年起, 2025年6月开始, 今年起
      | (?:{_alternation(lx.RHYTHM_WORDS)})                              # 每年, 按季度, 定期
    )
    """,
    re.VERBOSE,
)

#: The verbs that may govern a target's number: a level to reach (达到), a ceiling to bring it
#: down to (降至) or a count to do (新增); the last one before the number decides.
_GOVERNING = lx.REACH_VERBS + lx.REACH_DOWN_VERBS + lx.GOAL_VERBS
RE_GOVERNING_VERB = re.compile(
    rf"{_skip_to(_GOVERNING)}(?<![{''.join(lx.NOT_REACH_BEFORE)}])(?:{_alternation(_GOVERNING)})"
    rf"(?!{_alternation(lx.NOT_REACH_AFTER)})"
)
#: Words of a subsidy or reward (给予, 补助, 奖励 …): numbers around them are policy parameters.
RE_SUBSIDY = re.compile(_alternation(lx.SUBSIDY_WORDS))
#: Words that make an amount of money a cap or a rate (最高, 单笔, 每人).
RE_MONEY_CAP = re.compile(_alternation(lx.MONEY_CAP_WORDS))
#: Words of a budget the government allocates (安排, 专项资金), or funds it pools for a use: a verb of pooling,
#: then a few words naming the funds, then 资金 (统筹整合涉农资金1.2亿元用于农田水利建设, 筹措资金).
RE_BUDGET = re.compile(
    rf"{_alternation(lx.BUDGET_WORDS)}"  # 安排, 专项资金
    rf"|(?:{_alternation(lx.POOLING_VERBS)})"  # or 统筹, 筹措
    rf"[^，,。；;：:]{{0,{lx.POOLED_FUNDS_REACH}}}?{lx.FUNDS_NOUN}"  # …整合涉农资金
)
#: A fund set up, in one clause: 设立数字经济产业引导基金, 组建城市更新基金.
RE_FUND_SET_UP = re.compile(
    rf"(?:{_alternation(lx.FUND_SETUP_VERBS)})"  # 设立
    rf"[^，,。；;：:]{{0,30}}?"  # what the fund is for: 数字经济产业引导
    rf"(?:{_alternation(lx.FUND_WORDS)})"  # 基金
)
#: A rate framed as a rule, right before its number: 按贷款利率的50%, 按不超过实际投入的30%, 按90%.
_CAPS = _alternation((*lx.CAP_WORDS, "不超过", "不高于"))
#: A rate set by a rule: 按 (not 按时, 按期) earlier in the clause (按应税所得率4%, 按利率的50%), or a
#: share of a base amount (实际发生金额的30%).
RE_RATE_FRAME = re.compile(
    rf"(?:按照|按(?!{_alternation(lx.NOT_RATE_FRAME_AFTER)}))[^，,；;。]*$"
    rf"|(?:{_alternation(lx.BASE_AMOUNT_WORDS)})的(?:{_CAPS})?$"
)
#: The share of a fund spent on something, up to a bound on it (公益金用于养老服务的比例, then 不低于55%): a rule for
#: how the money is spent.  Matched against the words of the clause before the bound.
RE_FUND_SHARE = re.compile(
    rf"(?:{_alternation(lx.SPENT_FUNDS)})(?:{_alternation(lx.SPENDING_VERBS)})"  # 公益金用于
    rf"[^，,；;。：:]{{1,20}}?"  # what it goes to: 养老服务的
    rf"(?:{_alternation(lx.SHARE_WORDS)})\s*$"  # 比例, at the end of the words
)
#: Verbs of a grant (给予, 予以): with them a subsidy word makes any number a parameter.
RE_GRANT = re.compile(_alternation(lx.GRANT_VERBS))
#: 均/都 or 分别 before the verb, or 各 right before the number: one number for each subject, or one
#: each in turn.  Not the 均 of an average (人均, 平均, 年均, 日均), nor the 都 of 成都 or 首都.
RE_DISTRIBUTIVE = re.compile(
    rf"(?P<each>(?<![人平户年月日])均|(?<![成首京])都|(?:{_alternation(lx.EACH_BEFORE_NUMBER)})(?={DIGIT}|{CN_NUM}))"
    rf"|(?P<respectively>{_alternation(lx.RESPECTIVELY_WORDS)})"
)
#: Words of a clause that completes a whole task (全面完成, 全部建成), or a verb of completing alone right
#: after its time, all the clause says (…120公里，2024年底前完成: it names no other task, so the one its
#: sentence named): a deadline in it holds for the counts before it.  Searched from the time's end to
#: the clause's (the end of the search is the string's end, \Z).
_TIME_LAST_CHARS = "前内底末年月日份度旬季"  # what a time ends with: the verb right after it
RE_COMPLETION = re.compile(
    rf"""
    (?:{_alternation(lx.TOTALITY_WORDS)}) (?:{_alternation(lx.COMPLETION_WORDS)})    # 全面完成
  | (?<=[{_TIME_LAST_CHARS}]) {WS}* (?:{_alternation(lx.COMPLETION_WORDS)}) {WS}* \Z   # 2024年底前完成。
    """,
    re.VERBOSE,
)


# --- the plan's closing text ----------------------------------------------------------------

_SELF = _alternation(lx.SELF_NAMES)
#: A paragraph that starts as one part of an enumeration: 二是…, （2）…, 2. … (a task's, never closing).
RE_ENUMERATED = regex.compile(rf"{WS}*+(?:{CN_NUM}+是|其{CN_NUM}+|{OPEN}{WS}*{DIGIT}+{WS}*{CLOSE}|{DIGIT}+[.．、])")
#: A heading of the provisions after the tasks: 附则, 附    则 (centred), 五、附则, 第十一条 附则.
RE_CLOSING_HEADING = regex.compile(
    rf"{WS}*+(?:{_alternation(lx.CLOSING_HEADINGS).replace('附则', f'附{WS}*+则')}){WS}*+$"
)
#: The sentence that says when the plan takes effect: 本措施自2026年3月18日起施行, 本方案自印发之日起
#:实施, 有效期至…; 自本通知印发之日起, 《…》停止执行.
_INLINE_CLOSING_HEADING = rf"(?: 附 {WS}*+ 则 {WS}*+ [:：] {WS}*+ )?"  # 附则：本措施自…
RE_TAKES_EFFECT = regex.compile(
    rf"""
    {WS}*+ {_INLINE_CLOSING_HEADING} (?:
        (?:本|以上|上述) (?:{_SELF}) [^。；;]{{0,40}}? (?:自|从|于) [^。；;]{{0,40}}? 起 {WS}*+ (?:正式)?
            (?:{_alternation(lx.TAKES_EFFECT)})                                 # 本措施自…起施行
      | 本 (?:{_SELF}) 自 [^。；;]{{0,30}}? 至 [^。；;]{{0,30}}? (?:{_alternation(lx.TAKES_EFFECT)})   # 自…至…实施
      | (?:本|以上|上述) (?:{_SELF}) 有效期 {WS}*+ (?:为|至|自|截至|截止|[:：]|是|\d|[一二三四五])   # 本措施有效期为…
      | 自本 (?:{_SELF}) (?:印发|发布|公布|施行)之日起 [^。]{{0,60}}? (?:{_alternation(lx.REPEAL_WORDS)})
    )
    """,
    regex.VERBOSE,
)

#: A unit marked as the lead in a list of responsible units: 区科技局（牵头）, 〔牵头〕, (牵头单位).
RE_LEAD_ASIDE = re.compile(rf"{NOTE_OPEN}{WS}*(?:{_alternation(lx.LEAD_ASIDES)}){WS}*{NOTE_CLOSE}")

#: A bracketed remark on a unit's scope, not a part of its name: 各区人民政府〈含开发区,下同〉,
#: 各县（包括功能区）, 市直各部门（下同）.
RE_SCOPE_ASIDE = re.compile(
    rf"{NOTE_OPEN}{WS}*(?:(?:{_alternation(lx.SCOPE_ASIDE_OPENERS)})[^{_BRACKETS}]*|[^{_BRACKETS}]*(?:{_alternation(lx.FROM_HERE_ON)}))"
    rf"{WS}*{NOTE_CLOSE}$"
)
#: A bracket at the end of a unit's name whose words may say what kind of body it is (省通信管理局
#: （中央驻闽单位）): a few characters ending in a body's category (notes.py tells a role's label,
#: 配合单位, and a collective, 各成员单位, apart).  Bounded: tried on one name at a time.
RE_BODY_CATEGORY_ASIDE = regex.compile(
    rf"{NOTE_OPEN}{WS}*(?P<kind>\p{{Han}}{{1,10}}(?:{_alternation(lx.BODY_CATEGORY_ENDINGS)})){WS}*{NOTE_CLOSE}$"
)
#: A unit marked as cooperating in such a list: 市经信局（配合单位）.
RE_COOPERATING_ASIDE = re.compile(rf"{NOTE_OPEN}{WS}*(?:{_alternation(lx.COOPERATING_ASIDES)}){WS}*{NOTE_CLOSE}")

#: A name in capitals right before a number (OPC5000家): where the run of letters starts.
RE_CAPITALS_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,}$")
#: A Latin letter or a digit (what a unit in Latin letters must not run on into: 5000PB).
RE_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")

#: A name and nothing else (no verb-like marks, no list): between a threshold and the count it
#: qualifies, 超1000万元OPC100家.
RE_NAME_ONLY = regex.compile(r"[A-Za-z\p{Han}]{1,10}")

#: A line that lists what is attached: 附件：1.任务分工表 (not the heading of an annex, 附件1：任务分工表).
RE_ATTACHMENT_LIST = regex.compile(
    rf"(?:{_alternation(lx.ATTACHMENT_LABELS)}){WS}*+{COLON}{WS}*+{DIGIT}++{WS}*+[.．、]"
)
#: The heading of an attachment's own text, alone on its line: 附件, 附件2, 附件 1.
RE_ANNEX_HEADING = regex.compile(rf"(?:{_alternation(lx.ATTACHMENT_LABELS)}){WS}*+(?:{DIGIT}|{CN_NUM})*+{WS}*+$")

#: A paragraph that charges everyone with carrying the plan out, or speaks of the plan itself:
#: 各地区、各部门要…, 未纳入试点范围的…可参照本方案…, 司法部负责…本意见贯彻落实工作, …按照上述精神….
_LEVEL_OF_DEPARTMENTS = "市直|省直|区直|县直|市级|省级|区级|县级|市政府|省政府|区政府|国务院"
RE_CLOSING_PARAGRAPH = regex.compile(
    rf"""
    {WS}*+ (?:
        各 [^。；;]{{0,24}}? 、? {WS}* (?:{_LEVEL_OF_DEPARTMENTS})? 各 (?:有关)? 部门 [^。]{{0,40}}? 要
            # 各地区、各部门要…, 各县（市、区）人民政府、市直各部门要…
      | [^。]{{0,60}}? 本 (?:{_SELF}) [^。]{{0,12}}? (?:贯彻落实|贯彻执行|落实|实施|执行|参照)
      | [^。]{{0,40}}? (?:参照|对照|按照|根据) 本 (?:{_SELF})
      | [^\r\n]{{0,100}}? (?:参照|按照|根据) (?:上述|以上) 精神
            # 鉴于…。因此，这些地区也应按照上述精神认真做好…工作 (anywhere in the paragraph)
    )
    """,
    regex.VERBOSE,
)
#: A paragraph that says how long the document's provisions hold, anywhere in it: …。除第二十三条
#: 所列政策外，上述政策凡未注明具体期限的，执行期限为…至…; 上述政策适用于所有文化企业，执行期限为….
RE_VALIDITY_PARAGRAPH = regex.compile(
    rf"""
    [^\r\n]{{0,200}}? (?:上述|以上|本) (?:{_SELF})      # the policies above, this 规定
    [^。；;]{{0,20}}? (?:执行期限|有效期限|有效期)        # …凡未注明具体期限的，执行期限
    {WS}*+ (?:为|至|自|截至|截止)                        # 为 2019年1月1日至…
    """,
    regex.VERBOSE,
)
#: The request a report or a 请示 ends with, on what it has said: 以上意见如无不妥，请批转…执行;
#: 妥否，请批示 (never a task's words, wherever it stands).
RE_REQUEST_CLOSING = regex.compile(
    rf"{WS}*+(?:以上|上述)?[^。，,]{{0,8}}?(?:{_alternation(lx.REQUEST_CLOSINGS)})[，,]{WS}*+请"
)
#: A provision on the plan itself: 本措施所称…, 本措施由市科技局负责解释, 本方案未尽事宜….
RE_PROVISION = regex.compile(
    rf"""
    {WS}*+ {_INLINE_CLOSING_HEADING} (?:本|以上|上述) (?:{_SELF})
    (?:所称|中的|未尽事宜|与[^。]{{0,30}}?(?:不一致|重复|冲突)|由 [^。]{{0,40}}? 负责解释)
    """,
    regex.VERBOSE,
)

#: A comparison with an average, right before the number it sets the margin of: 高于全省平均水平 (1个百分点).
RE_MARGIN_OVER_AVERAGE = re.compile(
    r"(?<![不得应能宜可准])"  # not 不高于, 不得高于: a ceiling on the level itself
    rf"(?:{_alternation(lx.MARGIN_WORDS)})"  # 高于, 快于, 低于
    r"[^，,。；;、：:\s]{0,8}?"  # whose average: 全省, 全市同期
    rf"(?:{_alternation(lx.AVERAGE_WORDS)})"  # 平均水平, 平均
    r"(?:水平|增速|增幅)?$"  # 平均增速
)
#: A bound, then what a share is of: 不少于总数的 (5%).
RE_BOUND_OF = re.compile(rf"(?P<cmp>{_alternation(lx.PREFIX_COMPARATORS)})[^，,。；;、]{{1,15}}的$")

#: Text in brackets with none inside: （市、区） of 各县（市、区）人民政府.
RE_BRACKETED_ASIDE = re.compile(rf"{NOTE_OPEN}[^{_BRACKETS}]*{NOTE_CLOSE}")

#: What after a time names a kind of neighbourhood: 15分钟生活圈, 15分钟就业服务圈.
RE_CIRCLE = regex.compile(r"\p{Han}{0,6}?圈")

#: A closing bracket of a note.
RE_CLOSE_BRACKET = re.compile(NOTE_CLOSE)

#: A month, or a day of one, in a 完成时限 field: 2025年6月, 12月31日.
RE_MONTH_OR_DAY = re.compile(
    r"(?:(?P<year>(?:19|20)[0-9]{2})\s*年\s*)?(?P<month>[0-9]{1,2})\s*月(?:\s*(?P<day>[0-9]{1,2})\s*日)?"
)


# --- task tables (rows.py) ----------------------------------------------------------------

_MARKS = regex.escape(lx.LEAD_MARKS)
#: A unit of a table's units cell marked after its name (省市场监管局*): rows.py moves the mark
#: before the name (*省市场监管局), where a note's reader looks for it.
RE_MARK_AFTER = regex.compile(
    rf"""
    (?P<name> [^、，,；;\s{_MARKS}]+ )     # the name, to the separator or mark before it
    (?P<mark> [{_MARKS}] )                # the mark after it: * ＊ ★ ☆ ※
    """,
    regex.VERBOSE,
)
#: A row's number as printed in its 序号 cell: 1, 1., （1）, 一.
RE_ROW_NUMBER = regex.compile(
    rf"""
    [（(]?                                                               # an opening bracket
    (?P<n> {DIGIT}{{1,4}} | [{lx.CN_NUMERAL_CHARS}]{{1,4}} )              # the number
    [）)、.．]?                                                           # a closing bracket or mark
    """,
    regex.VERBOSE,
)

#: The gap between two cells of a row aligned by spaces: two or more spaces (one is a space inside
#: a cell: 主 要 内 容, 2025 年).
RE_CELL_GAP = re.compile(_chars(lx.TABLE_GAP_SPACES) + "{2,}")

#: A cell of a Markdown table's alignment row (| :---: | --- | ---: |): table furniture.
RE_ALIGNMENT_CELL = re.compile(
    r"""
    :?      # aligned left or centred
    -+      # the rule
    :?      # aligned right or centred
    """,
    re.VERBOSE,
)

#: A year heading a column of a table printed as text rows inside an item (指标名称　　2024年　　2025年): 年, then a
#: gap of two spaces or more or the line's end, after a year that follows such a gap.  年 first: re skips to it,
#: ten times faster over a plan than from a year's digits, which most numbers hold (a header printing its years
#: without 年 is not looked for).
RE_YEAR_COLUMN = re.compile(
    r"年"
    rf"(?={_chars(lx.TABLE_GAP_SPACES)}{{2}}|{WS}*(?:\r|\n|$))"  # then a gap, or the line ends
    rf"(?<={_chars(lx.TABLE_GAP_SPACES)}{{2}}[12１２]{DIGIT}{{3}}年)"  # after a gap and a year: 　　2024年
)
#: The gap between the cells of such a row: two spaces or more, or tabs.
RE_ROW_GAP = re.compile(_chars(lx.TABLE_GAP_SPACES) + r"{2,}|\t+")
#: A year heading a column, the whole cell: 2024年, 2025.
RE_YEAR_CELL = re.compile(rf"(?P<year>[12１２]{DIGIT}{{3}})年?")
#: A figure in a row's cell, the whole cell: 3.2, 4.0, 1,350, ≥85%, １２０.
RE_FIGURE_CELL = re.compile(
    rf"(?P<cmp>[≥≤＞＜><])?"  # a bound printed as a sign
    rf"(?P<number>{DIGIT}+(?:,[0-9]{{3}})*(?:[.．]{DIGIT}+)?)"  # the figure
    rf"(?P<pct>[%％‰])?"  # a share may carry its unit
)
#: What parts the units of a table's units cell: 、 ， ； and spaces.
RE_UNIT_SEPARATOR = re.compile(r"[、，,；;\s\u3000]+")
#: A bracketed aside closing a unit's name: （省知识产权局） of 省市场监管局（省知识产权局）.
RE_TRAILING_ASIDE = re.compile(rf"{NOTE_OPEN}[^{_BRACKETS}]*{NOTE_CLOSE}$")

# --- targets: quick scans (targets.py's own; appended, other blocks untouched) ---------------------

_OPENS_A_NUMBER = f"翻倍百千万亿{DIGIT[1:-1]}〇零一二两三四五六七八九十"  # RE_QUANTITY's leading look-ahead
_ENDS_A_NUMBER = f"{DIGIT[1:-1]}〇零一二两三四五六七八九十百千万亿"  # and its look-behind
_IN_A_NUMBER = _chars("".join(sorted(set(f"〇零一二两三四五六七八九十百千万亿,.．/分之半成{''.join(lx.MAGNITUDES)}"))))
_JOINER_FIRST = _chars("".join(sorted({joiner[0] for joiner in lx.RANGE_JOINERS})))
_NUMBER_REACH = 30  # characters of a number looked through for what follows it; a longer one is tried
#: Where RE_QUANTITY may match: a character that opens a number, not right after one that ends a
#: number, then 翻一番, 倍增, 百分之, or the characters a number is made of up to one that may follow a
#: number (a unit, a bound, a clause mark or a range joiner), or more of them than _NUMBER_REACH.
#: Every match of RE_QUANTITY starts at a match of this; a character class first lets ``re`` skip
#: to those characters, where RE_QUANTITY (its look-ahead first) is tried at every character.
#: Bounded, so that a run such as 1,1,1,… is read in linear time.
RE_NUMBER_START = re.compile(
    rf"[{_OPENS_A_NUMBER}](?<![{_ENDS_A_NUMBER}].)"
    rf"(?:[一两二三四]番|{lx.DOUBLING_WORD[1:]}|分之"
    rf"|[{DIGIT[1:-1]}{_IN_A_NUMBER[1:-1]}]{{0,{_NUMBER_REACH}}}(?:{_AFTER_NUMBER_FIRST}|{_UNIT_FIRST}|{_JOINER_FIRST})"
    rf"|[{DIGIT[1:-1]}{_IN_A_NUMBER[1:-1]}]{{{_NUMBER_REACH + 1}}})"
)
#: An opening bracket: whether one stands at all in the few characters before a number.
RE_OPEN_PAREN = re.compile(OPEN)


# --- header, times and problems: literal and one-pass helpers ---------------------------------

#: The separators of a recipients line (、 ， ；), kept by split: the parts and what follows each.
RE_ADDRESSEE_SEPARATOR = re.compile("([、，,；;])")
#: The last opening bracket before a position (searched backwards: one call for every kind of bracket).
RE_LAST_NOTE_OPEN = regex.compile(_chars(lx.NOTE_OPEN_BRACKETS), regex.REVERSE)

#: Characters a time may hold before its 年, 月 or 底: digits, numerals, 到/至/截止, quotes, spaces, and
#: the line end a copy from print wrapped it at.
TIME_LEAD_CHARS = (
    "0123456789"
    + lx.FULLWIDTH_DIGITS
    + "〇零一二两三四五六七八九十"
    + '到至截止本世纪“”"‘’第上下半'
    + lx.SPACE_CHARS
    + "\r\n"
)
_PERIOD_FIRST = "".join(sorted({name[0] for name in lx.PERIOD_END_YEARS}))  # 十
_YEAR_FIRST = [w[1:] for w in (*lx.YEAR_PARTS, *lx.PLAN_YEAR_WORDS) if w.startswith("年") and len(w) > 1]
#: Where a time may stand, looked for first with ``re`` (RE_TIME tries its alternatives at every
#: character): a character every time holds (年, 月, 底, 季度), or the first of a period's name
#: (十四五), but not where RE_TIME can match nothing, so that times.py need not try there — a 十
#: that starts no period's name, and a 年 that no time's characters stand before (only a word
#: that starts with it, 年底 or 年内, can then be a time).  The pattern starts with the class of
#: the characters, so the scan still looks for them alone first, and checks what stands around
#: each one found.
RE_TIME_ANCHOR = re.compile(
    rf"""
    [年月底末季旬{_PERIOD_FIRST}]
    (?: (?<=[月底末季旬])
      | (?<=年) (?: (?={_alternation(_YEAR_FIRST)}) | (?<={_chars(TIME_LEAD_CHARS)}年) )
      | (?<=[{_PERIOD_FIRST}]) (?={_alternation(name[1:] for name in lx.PERIOD_END_YEARS)})
    )
    """,
    re.VERBOSE,
)
