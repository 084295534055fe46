"""The notice around the plan -> its parts as GB/T 9704-2012 names them.

Reads the lines before the first section heading (and, when the plan is
signed at its end, the lines after the last item)::

    福建省……关于印发《2023年福建省质量强省工作要点》的通知     title
    闽质强省办〔2023〕2号                                     doc_number (发文字号)
    省质量强省工作领导小组各成员单位,各设区市……:              recipients (主送机关)
    联系人:林忠辉(省市场监管局质量发展处),联系电话……           contact
    福建省质量强省工作领导小组办公室                           issuers (发文机关署名)
    2023年3月14日                                             date (成文日期)
    (此件主动公开)                                            note (附注)
    2023年福建省质量强省工作要点                               plan_title

The notice's body (正文: what stands between its 主送机关 and its signature) is ``body``, the names
its 附件说明 lists under it are ``attachments``. The marks of the 版头 above the title and of the
版记 after the document are read where a notice prints them::

    000126                                  copy_number (份号: six digits)
    机密★1年                                secrecy (密级和保密期限)
    特急                                    urgency (紧急程度)
    某某省人民政府办公厅文件                   masthead (发文机关标志)
    某政办〔2024〕12号        签发人：王某某    signers (签发人, beside the 发文字号)
    …
    附件：1．某某省2024年质量工作要点          attachments (附件说明)
          2．重点指标分解表
    …
    抄送：省委办公厅，省人大常委会办公厅。        copied_to (抄送机关)
    某某省人民政府办公厅     2024年3月6日印发     printed_by, printed (印发机关和印发日期)

A web copy's 发布时间 gives ``published``.  Fields not present are null (lists: empty).
"""

from __future__ import annotations

import re
from itertools import pairwise

import regex

from zhiliang_cli.records import ContactRecord

from . import lexicon as lx
from .lines import Line, is_date, is_noise, sends_a_document
from .numerals import chinese_to_int
from .patterns import (
    RE_ADDRESSEE_SEPARATOR,
    RE_ATTACHMENT_ITEM,
    RE_ATTACHMENT_LINE,
    RE_BOOK_TITLE,
    RE_BRACKETED_ASIDE,
    RE_CONTACT_NAME,
    RE_COPY_NUMBER,
    RE_DATE,
    RE_DECREE_NUMBER,
    RE_DOC_NUMBER,
    RE_EMAIL,
    RE_HEADING,
    RE_LETTER_SPACED,
    RE_NOTE_LINE,
    RE_PHONE,
    RE_PLACE_PREFIX,
    RE_PRINT_FOOTER,
    RE_PUBLISHED,
    RE_QUOTED,
    RE_RECIPIENTS_LINE,
    RE_SECRECY,
    RE_SENT_TITLE,
    RE_SIGNERS,
    RE_TITLE_PERIOD_LINE,
    RE_TRAILING_BRACKETS,
)

_TITLE_MAX = 80
_TITLE_LINES = 3  # lines a notice title may be set on
_ISSUER_LINES = 6  # signature lines looked for above the date


def iso_date(match: regex.Match[str]) -> str | None:
    """An ISO date from a RE_DATE match, or None when it is not a real date.

    >>> from .patterns import RE_DATE
    >>> iso_date(RE_DATE.search("二〇二三年三月十四日"))
    '2023-03-14'
    >>> iso_date(RE_DATE.search("2023-07-17"))
    '2023-07-17'
    """
    parts = []
    for raw in match.group("y", "m", "d"):  # one call: a group by name costs as much as the three
        value = int(raw) if raw.isdigit() else chinese_to_int(raw)
        if value is None:
            return None
        parts.append(value)
    year, month, day = parts
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_header(text: str, header: list[Line], trailer: list[Line], whole: bool = False) -> dict[str, object]:
    """The notice's fields from the lines before and after the plan, and the plan's preamble; for
    a ``whole`` document with no plan in it (a reply), the preamble is its body: what stands between
    its head (title, 发文字号, 主送) and its signature."""
    content = [ln for ln in header if not is_noise(text, ln)]
    strings = [text[ln.start : ln.end] for ln in content]
    doc_index, doc_number = _doc_number(strings)
    date_index = _signing_date_line(strings, doc_index)
    signed = strings if date_index is not None else [text[ln.start : ln.end] for ln in trailer]
    if date_index is None:
        date_index = _last_date_line(signed)
    title, title_end = _notice_title(strings)
    title = _unspaced(title)
    recipients_index, recipients = _recipients(strings, doc_index)
    note_index = _note_index(signed, date_index)
    signed_here = signed is strings
    plan_index, plan_title = _plan_title(strings, date_index if signed_here else None, title, title_end)
    issuers = _issuers(signed, date_index)
    marks = [plan_index, doc_index, recipients_index, title_end]
    body: list[int] | None = None
    attached: list[str] = []
    after: list[int] | None = None
    if whole:
        marks = [doc_index, recipients_index, title_end]
        end = date_index - len(_signature_lines(signed, date_index)) if date_index is not None else len(content)
        preamble = _preamble(text, content[:end], 1 + max((i for i in marks if i is not None), default=-1))
        last = max((i for i in (date_index, note_index) if i is not None), default=len(content))
        if last + 1 < len(content):  # what the document sends or attaches after its signature
            after = [content[last + 1].start, content[-1].end]
    else:
        marks += [date_index, note_index] if signed_here else []
        preamble = _preamble(text, content, 1 + max((i for i in marks if i is not None), default=-1))
        if signed_here and date_index is not None and (doc_index is not None or recipients_index is not None):
            head = 1 + max(i for i in (doc_index, recipients_index, title_end) if i is not None)
            end = date_index - len(_signature_lines(strings, date_index))
            listed, attached = _attachments(strings[head:end])
            end = head + listed if listed is not None else end
            body = [content[head].start, content[end - 1].end] if head < end else None
    after_lines = [text[ln.start : ln.end] for ln in trailer] + strings[(date_index or 0) + 1 :]
    return {
        "title": title,
        "doc_number": doc_number,
        "recipients": recipients,
        "issuers": issuers,
        "date": _date(signed, date_index),
        "note": _note(signed, note_index),
        "contact": _contact(text[header[0].start : header[-1].end] if header else ""),
        **_front(strings, min((i for i in (doc_index, title_end) if i is not None), default=0)),
        "body": text[body[0] : body[1]] if body else None,
        "body_span": body,
        "attachments": attached,
        **_imprint(after_lines),
        "published": _published(text, header),
        "plan_title": _unspaced(plan_title),
        "preamble": text[preamble[0] : preamble[1]] if preamble else None,
        "preamble_span": preamble,
        **({"after_span": after} if whole else {}),
    }


def document_kind(
    title: str | None, plan_title: str | None, has_items: bool, assigns: bool = False, body: str | None = None
) -> str:
    """What kind of document this is, from its title (what a notice sends, where it sends one):
    plan, reply, bulletin, regulation, decision or other.  A document whose items name the units
    that carry them out (``assigns``) sets tasks, whatever it calls itself (某市促进办法 with a
    责任单位 under every article): a plan.  A letter (…办理情况的函) whose ``body`` says it answers
    (现将有关情况函复如下) is a reply.

    >>> document_kind("福建省质量强省工作领导小组办公室关于印发《2023年福建省质量强省工作要点》的通知", None, True)
    'plan'
    >>> document_kind("国务院关于在某市开展试点有关问题的批复", None, False)
    'reply'
    >>> document_kind("某市人民政府关于印发某市停车场管理办法（试行）的通知", None, True)
    'regulation'
    >>> document_kind("国务院办公厅关于调整某领导小组组成人员的通知", None, False), document_kind(None, None, True)
    ('other', 'plan')
    >>> title = "国务院办公厅关于某省所提问题和建议办理情况的函"
    >>> document_kind(title, None, True), document_kind(title, None, True, body="现将有关情况函复如下：")
    ('other', 'reply')
    """
    if assigns:
        return "plan"
    for words in (title, plan_title):
        if not words:
            continue
        bare = _bare_title(words)
        if sends_a_document(bare):
            sent = _sent_title(bare)
            if sent is not None:
                kind = _kind_by_ending(_bare_title(sent.group("title")))
                if kind is not None:
                    return kind
            continue
        kind = _kind_by_ending(bare)
        if kind == "other" and body and bare.endswith("函") and any(w in body for w in lx.REPLY_STATEMENTS):
            return "reply"
        if kind is not None:
            return kind
        if bare.endswith(lx.COVER_TITLES):
            break  # a notice or a letter that sends nothing: what it holds says
    return "plan" if has_items else "other"


def attaches_support(title: str | None, plan_title: str | None) -> bool:
    """Whether a reply or a bulletin that sends no document of its own (…的复函, …的批复, …的通报;
    not 关于转发…的通报) took for its plan title the title of what it attaches in support (附件1 关于…
    调研情况的报告, 典型经验做法) rather than of a plan it approves (…组建方案): its plan title is
    then its own title.

    >>> attaches_support("国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函", "关于马鬃山村地质险情调研情况的报告")
    True
    >>> attaches_support("国务院关于同意组建某协调委员会的批复", "某协调委员会组建方案")
    False
    >>> attaches_support("国务院办公厅关于印发《某某工作要点》的通知", "某某工作要点"), attaches_support(None, None)
    (False, False)
    """
    if not title or not plan_title or plan_title == title:
        return False
    bare = _bare_title(title)
    if sends_a_document(bare):
        return False
    return _kind_by_ending(bare) in ("reply", "bulletin") and _kind_by_ending(_bare_title(plan_title)) != "plan"


def _sent_title(title: str) -> re.Match[str] | None:
    """Where a notice's title names what it sends (关于印发《X》的通知, 关于印发X的通知): group ``title``."""
    return RE_BOOK_TITLE.search(title) or RE_SENT_TITLE.search(title)


def _kind_by_ending(title: str) -> str | None:
    return next((kind for word, kind in lx.DOCUMENT_KINDS if title.endswith(word)), None)


def _bare_title(title: str) -> str:
    """A title without spaces, and without what follows its last word in brackets ((试行),
    （征求意见稿）, （2024—2026年）) or the closing mark of a book title.

    >>> _bare_title("某某行动计划（2024—2026年）（征求意见稿）")
    '某某行动计划'
    """
    bare = "".join(title.split())
    while True:
        stripped = _without_trailing_brackets(bare).rstrip("》")
        if stripped == bare or not stripped:
            return bare
        bare = stripped


def _preamble(text: str, lines: list[Line], first: int) -> list[int] | None:
    """The span of the plan's own text before its first section: what follows the notice, the
    plan's title, its 成文日期 and 附注 (目标, 具体指标 …); attachment labels are not in it."""
    own = lines[first:]
    head = next((ln for ln in own if _in_preamble(text[ln.start : ln.end])), None)
    if head is None:
        return None
    tail = next(ln for ln in reversed(own) if _in_preamble(text[ln.start : ln.end]))  # head at the latest
    return [head.start, tail.end]


def _in_preamble(line: str) -> bool:
    """Whether a line of the plan's own text before its first section is in its preamble: neither an
    attachment label nor a note in brackets."""
    return not _attachment_line(line) and not _note_line(line)


def _note_line(line: str) -> regex.Match[str] | None:
    """RE_NOTE_LINE's match, tried only on a line that opens with a bracket as every match does."""
    return RE_NOTE_LINE.match(line) if line[:1] in lx.OPEN_PARENS else None


def _attachment_line(line: str) -> bool:
    """A line that RE_ATTACHMENT_LINE matches, tried only where the line opens with 附件."""
    return line.startswith(lx.ATTACHMENT_LABELS) and RE_ATTACHMENT_LINE.match(line) is not None


def _doc_number_in(line: str) -> regex.Match[str] | None:
    """The 发文字号 in a line, looked for only where its 号 stands."""
    return RE_DOC_NUMBER.search(line) if "号" in line else None


def _doc_number(strings: list[str]) -> tuple[int | None, str | None]:
    """The 发文字号 and its line; for a decree (中华人民共和国国务院令, 某省人民政府令), the 第N号 under its
    heading.

    >>> _doc_number(["某某省人民政府令", "第 12 号", "《某某办法》已经…通过，现予公布。"])
    (1, '第 12 号')
    """
    for i, s in enumerate(strings):
        match = _doc_number_in(s)
        if match and len(s) < _DOC_NUMBER_LINE:
            return i, match.group("doc")
    for i, s in enumerate(strings[1:4], 1):
        if RE_DECREE_NUMBER.fullmatch(s) and strings[i - 1].endswith(lx.DECREE_ENDINGS):
            return i, s
    return None, None


_DOC_NUMBER_LINE = 40  # characters of a line that holds a 发文字号 and little else


def _signing_date_line(strings: list[str], doc_index: int | None) -> int | None:
    """The 成文日期 of the notice: the last date line before the plan, or, where a second notice
    follows the first one's date (a 转发 of a notice that sends the plan), the first one's.

    >>> _signing_date_line(["关于转发…的通知", "某建城函〔2024〕21号", "某某省住建厅", "2024年3月20日",
    ...     "附件", "关于印发…的通知", "建办城〔2024〕8号", "住建部办公厅", "2024年3月1日"], 1)
    3
    """
    dates = [i for i, s in enumerate(strings) if is_date(s)]
    if not dates:
        return None
    for first, later in pairwise(dates):
        between = enumerate(strings[first:later], first)
        if any(i != doc_index and len(s) < _DOC_NUMBER_LINE and _doc_number_in(s) for i, s in between):
            return first  # a second 发文字号 after this date: a notice inside the notice
    return dates[-1]


def _last_date_line(strings: list[str]) -> int | None:
    found = [i for i, s in enumerate(strings) if is_date(s)]
    return found[-1] if found else None


def _notice_title(strings: list[str]) -> tuple[str | None, int | None]:
    """The notice's title; a title set on several lines (国务院办公厅关于有效发挥政府性 /
    融资担保基金作用… / …的指导意见) is joined."""
    for i, s in enumerate(strings[:6]):
        if len(s) > _TITLE_MAX or _doc_number_in(s) or _has_clause_marks(s) or is_date(s):
            continue
        joined, k = s, i
        while not _ends_a_title(joined) and k + 1 < min(len(strings), i + _TITLE_LINES):
            following = strings[k + 1]
            if _doc_number_in(following) or _has_clause_marks(following) or is_date(following):
                break
            joined, k = joined + following, k + 1
        if _ends_a_title(joined) and len(joined) <= 2 * _TITLE_MAX:
            return joined, k
        if _ends_a_title(s) or "关于" in s:
            return s, i
    for i, s in enumerate(strings):
        if len(s) <= _TITLE_MAX and not _doc_number_in(s):
            return s, i
    return None, None


def _unspaced(title: str | None) -> str | None:
    """A title without the spaces of letter-spacing, the printer's way of stretching a short title
    over the line (spaces between words are kept).

    >>> _unspaced("国 务 院 工 作 规 则"), _unspaced("国务院办公厅关于印发国 家 粮 食 应 急 预 案 的 函")
    ('国务院工作规则', '国务院办公厅关于印发国家粮食应急预案的函')
    >>> _unspaced("2023年 工作要点"), _unspaced("批 复")
    ('2023年 工作要点', '批 复')
    """
    if not title or (" " not in title and "\u3000" not in title):
        return title
    unspaced: str = RE_LETTER_SPACED.sub(lambda m: "".join(m.group().split()), title)
    return unspaced


def _ends_a_title(text: str) -> bool:
    """Whether ``text`` ends as a notice title does (通知, 意见 …), letter-spacing aside (批 复)."""
    return "".join(text.split()).endswith(lx.NOTICE_TITLE_ENDINGS)


def _has_clause_marks(text: str) -> bool:
    """Clause marks outside book-title marks and quotation marks (a title has none)."""
    if _CLAUSE_END_CHARS.isdisjoint(text):
        return False  # no mark at all, quoted or not
    return not _CLAUSE_END_CHARS.isdisjoint(RE_QUOTED.sub("", text))


_CLAUSE_END_CHARS = frozenset(lx.CLAUSE_ENDS)


def _recipients(strings: list[str], after: int | None) -> tuple[int | None, list[str]]:
    """The 主送机关 and the index of their line, split as unit lists are: 各省、自治区、直辖市人民政府
    is one recipient (a distributive list of levels), 国务院各部委、各直属机构 two."""
    first = after or 0
    for i, s in enumerate(strings[first : first + 4], start=first):
        match = RE_RECIPIENTS_LINE.match(s) if s[-1:] in lx.COLONS else None  # the line ends with its colon
        to = match.group("to") if match else ""
        if match and len(s) < 400 and not s.startswith(lx.CONTACT_NAME_LABELS) and _ends_like_addressees(to):
            return i, _addressees(to)
    return None, []


def _ends_like_addressees(to: str) -> bool:
    """Whether a line before a colon names offices or people (各市人民政府：, 马万祺副主席：), not a
    heading that ends with a colon (主要目标：, 总体要求：).

    >>> _ends_like_addressees("各区人民政府，市政府各部门"), _ends_like_addressees("主要目标")
    (True, False)
    """
    bare = _without_trailing_brackets(to.rstrip(lx.SPACE_CHARS))
    return bare.endswith(tuple(lx.ORG_SUFFIXES)) or bare.endswith(lx.ADDRESSEE_ENDINGS)


def _addressees(text: str) -> list[str]:
    """Recipients split at ， and ；, and at 、 only after a whole addressee: 国务院各部委、各直属机构
    is two; 各设区市、平潭综合实验区…办公室 and 太仓港经济技术开发区、太仓高新区管委会 are one each
    (places that share the office named last).

    >>> _addressees("各省、自治区、直辖市人民政府，国务院各部委、各直属机构")
    ['各省、自治区、直辖市人民政府', '国务院各部委', '各直属机构']
    >>> _addressees("各设区市、平潭综合实验区领导小组办公室，省直有关单位")
    ['各设区市、平潭综合实验区领导小组办公室', '省直有关单位']
    >>> _addressees("各区人民政府，市政府各委、办、局")
    ['各区人民政府', '市政府各委、办、局']
    >>> _addressees("管委会各部门、各直属单位，临港新片区各镇、各开发公司")
    ['管委会各部门', '各直属单位', '临港新片区各镇', '各开发公司']
    """
    recipients: list[str] = []
    joined = False  # whether the last part was followed by 、 and stands open
    previous = ""  # the separator before the part
    for part, separator in _parts(text):
        joined = joined and not _another_set(recipients[-1], part)
        if recipients and (joined or _shares_the_places(recipients[-1], part, previous)):
            recipients[-1] += "、" + part  # 市政府各委、办、局; 各区、县(市)卫生健康局、医疗保障局
        else:
            recipients.append(part)
        joined = separator == "、" and not _whole_addressee(recipients[-1].rsplit("、", 1)[-1])
        previous = separator
    return [r for r in recipients if r]


def _another_set(last: str, part: str) -> bool:
    """Whether ``part`` names a set of addressees of its own after an open one: 各开发公司 after
    临港新片区各镇 (each set says 各), where 平潭综合实验区领导小组办公室 after 各设区市 completes it.

    >>> _another_set("临港新片区各镇", "各开发公司"), _another_set("各设区市", "平潭综合实验区领导小组办公室")
    (True, False)
    """
    return part.startswith("各") and "各" in last.rsplit("、", 1)[-1]


def _shares_the_places(last: str, part: str, separator: str) -> bool:
    """Whether ``part``, after a 、, names another office of the places the last addressee names
    (各区、县(市)卫生健康局、医疗保障局), or is an office's kind alone (市政府各委、办、局).

    >>> _shares_the_places("市政府各委", "办", "、"), _shares_the_places("国务院各部委", "各直属机构", "、")
    (True, False)
    >>> _shares_the_places("各设区市农业农村局", "粮食和物资储备局", "、")
    True
    >>> _shares_the_places("各县（市、区）人民政府", "开发区管委会", "、")
    False
    """
    if separator != "、" or not part:
        return False
    if len(part) == 1:
        return last.endswith(tuple(lx.ORG_SUFFIXES))
    # 各设区市农业农村局、粮食和物资储备局: the second names no place of its own (开发区管委会 does)
    own_place = any(ch in lx.PLACE_END_CHARS + "乡镇州盟旗" for ch in RE_BRACKETED_ASIDE.sub("", part))
    places = last.startswith("各") or RE_PLACE_PREFIX.match(last) is not None  # 平潭综合实验区农村发展局
    bureau = not last.endswith("政府")  # 河北省人民政府、国家发展改革委 are two
    return places and bureau and not own_place and not part.startswith(("各", "国务院", "中央", "国家"))


def _parts(text: str) -> list[tuple[str, str]]:
    """``text`` split at top-level 、 ， ； with the separator after each part."""
    if not any(ch in text for ch in lx.NOTE_OPEN_BRACKETS):  # all at the top level
        pieces = RE_ADDRESSEE_SEPARATOR.split(text)
        return [(piece.strip(lx.SPACE_CHARS), sep) for piece, sep in zip(pieces[::2], [*pieces[1::2], ""], strict=True)]
    parts: list[tuple[str, str]] = []
    depth, current = 0, ""
    for ch in text:
        depth += ch in lx.NOTE_OPEN_BRACKETS
        depth -= ch in lx.NOTE_CLOSE_BRACKETS and depth > 0
        if depth == 0 and ch in "、，,；;":
            parts.append((current.strip(lx.SPACE_CHARS), ch))
            current = ""
        else:
            current += ch
    return [*parts, (current.strip(lx.SPACE_CHARS), "")]


def _whole_addressee(part: str) -> bool:
    """A recipient in itself: a name that ends like an office (各部委, 省财政厅), not a place
    (各设区市, 太仓高新区) nor a bare office word (海关, 财政) that a list shares."""
    bare = _without_trailing_brackets(part)
    suffix = next((s for s in _ORG_SUFFIXES_BY_LAST.get(bare[-1:], ()) if bare.endswith(s)), None)
    return suffix is not None and suffix not in lx.PLACE_SUFFIXES and len(bare) > len(suffix) + 1


#: lx.ORG_SUFFIXES by their last character, each list in the lexicon's order (the first that ends a
#: name is the one it ends with).
_ORG_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(s for s in lx.ORG_SUFFIXES if s.endswith(last)) for last in {s[-1] for s in lx.ORG_SUFFIXES}
}


def _issuers(strings: list[str], date_index: int | None) -> list[str]:
    """The 发文机关署名: the short lines right above the 成文日期, one issuer each; a line wholly
    in brackets is the aside of the one before (（四川省人工智能产业链链长办公室）), and a line
    that does not end like a unit's name runs on to the next (重庆市“满天星”行动计划 /
    工作专班办公室（代章））."""
    issuers: list[str] = []
    for s in (part for line in _signature_lines(strings, date_index) for part in _side_by_side(line)):
        if issuers and (_note_line(s) or not _ends_like_a_unit(issuers[-1])):
            issuers[-1] += s
        else:
            issuers.append(s)
    return issuers


def _signature_lines(strings: list[str], date_index: int | None) -> list[str]:
    """The signature lines right above the 成文日期, as printed."""
    if date_index is None:
        return []
    lines: list[str] = []
    for s in reversed(strings[max(0, date_index - _ISSUER_LINES) : date_index]):
        if len(s) > 40 or _has_clause_marks(s) or RE_HEADING.match(s) or _attachment_line(s):
            break
        note = _note_line(s)
        if note and any(word in s for word in lx.NOTE_LINE_WORDS):
            break
        lines.insert(0, s)
    return lines


def _side_by_side(line: str) -> list[str]:
    """Issuers printed side by side on one line (国务院办公厅  中央军委办公厅), or run together
    (成都市经济和信息化局成都市科学技术局: the place that starts the line starts each), each a unit."""
    parts = line.split()
    if len(parts) > 1 and all(_ends_like_a_unit(p) for p in parts):
        return parts
    place = RE_PLACE_PREFIX.match(line)
    if place is None:
        return [line]
    cuts = [at for at in _occurrences(place.group(), line) if at > 0]
    cuts = [c for c in cuts if _ends_like_a_unit(line[:c])]
    pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return pieces if all(_ends_like_a_unit(p) for p in pieces) else [line]


def _occurrences(word: str, line: str) -> list[int]:
    """Where ``word`` (not empty) stands in ``line``, occurrences not overlapping, from the left.

    >>> _occurrences("成都市", "成都市经济和信息化局成都市科学技术局")
    [0, 10]
    """
    found: list[int] = []
    at = line.find(word)
    while at >= 0:
        found.append(at)
        at = line.find(word, at + len(word))
    return found


def _ends_like_a_unit(name: str) -> bool:
    """Whether a signature line ends like a unit's name, its (代章) and asides set apart."""
    return _without_trailing_brackets(name).endswith(lx.ORG_SUFFIXES)


def _without_trailing_brackets(name: str) -> str:
    """A name without its bracketed aside at the end (省市场监管局（省知识产权局）: 省市场监管局), the
    pattern tried only where a closing bracket ends the name (or comes before a last line end, as
    ``$`` allows)."""
    if name[-1:] not in lx.NOTE_CLOSE_BRACKETS and name[-2:-1] not in lx.NOTE_CLOSE_BRACKETS:
        return name
    return RE_TRAILING_BRACKETS.sub("", name)


def _date(strings: list[str], date_index: int | None) -> str | None:
    if date_index is None:
        return None
    match = RE_DATE.match(strings[date_index])
    return iso_date(match) if match else None


def _note(strings: list[str], index: int | None) -> str | None:
    match = _note_line(strings[index]) if index is not None else None
    return str(match.group("note")) if match else None


def _note_index(strings: list[str], date_index: int | None) -> int | None:
    """The line of the 附注 after the date: （此件公开发布）, in full-width or ASCII brackets."""
    if date_index is None:
        return None
    for i in range(date_index + 1, min(len(strings), date_index + 3)):
        if _note_line(strings[i]) and not RE_TITLE_PERIOD_LINE.match(strings[i]):
            return i  # （2026—2027年） under a title is the title's, not a note
        if _ends_a_title(strings[i]):
            break  # a brackets line under the title of what follows (…发布 根据…修订) is its byline
    return None


def _front(strings: list[str], head: int) -> dict[str, object]:
    """The marks of the 版头 among the ``head`` lines above the 发文字号 (or the title), as printed:
    份号, 密级和保密期限, 紧急程度, 发文机关标志; and the 签发人 on the 发文字号's line or near it.

    >>> marks = _front(["000126", "机密★1年", "特急", "某某省人民政府办公厅文件",
    ...     "某政办〔2024〕12号    签发人：王某某  李某", "某某省人民政府办公厅关于…的通知"], 4)
    >>> [marks[k] for k in ("copy_number", "secrecy", "urgency", "masthead", "signers")]
    ['000126', '机密★1年', '特急', '某某省人民政府办公厅文件', ['王某某', '李某']]
    """
    marks: dict[str, object] = dict.fromkeys(("copy_number", "secrecy", "urgency", "masthead"))
    near = (s for s in strings[: head + 3] if any(label in s for label in lx.SIGNER_LABELS))
    signers = next((m for s in near if (m := RE_SIGNERS.search(s))), None)
    marks["signers"] = signers.group("names").split() if signers else []
    for s in strings[:head]:
        line = s.strip(lx.SPACE_CHARS)
        if len(line) > _FRONT_MAX:
            continue
        if marks["copy_number"] is None and line[:1].isdigit() and RE_COPY_NUMBER.fullmatch(line):
            marks["copy_number"] = line
        elif marks["secrecy"] is None and line.startswith(lx.SECRECY_LEVELS) and RE_SECRECY.fullmatch(line):
            marks["secrecy"] = line
        elif marks["urgency"] is None and line in lx.URGENCY_MARKS:
            marks["urgency"] = line
        elif marks["masthead"] is None and _is_masthead(line):
            marks["masthead"] = line
    return marks


_FRONT_MAX = 30  # characters of a line of the 版头: a mark or the masthead and nothing more


def _is_masthead(line: str) -> bool:
    """Whether a line is a 发文机关标志: a unit's name and 文件 (not a title's first line that ends
    with 文件: 国务院办公厅关于全面推行行政规范性文件 / 合法性审核机制的指导意见).

    >>> _is_masthead("某某县人民政府办公室文件"), _is_masthead("国务院办公厅关于全面推行行政规范性文件")
    (True, False)
    """
    return line.endswith(lx.MASTHEAD_ENDINGS) and "关于" not in line and _ends_like_a_unit(line[:-2])


def _attachments(strings: list[str]) -> tuple[int | None, list[str]]:
    """The 附件说明 at the end of a notice's body: the index of its first line and the names it
    lists, their numbers dropped (附件：1．A / 2．B; 附件：A alone; 附件1：A / 附件2：B; 附件1.A / 2.B).
    A 附件 line that names nothing (附件1, the heading of an attachment) lists nothing.

    >>> _attachments(["现印发给你们。", "附件：1．某某工作要点", "　　　2．重点指标分解表"])
    (1, ['某某工作要点', '重点指标分解表'])
    >>> _attachments(["附件：2024年某某实施方案"]), _attachments(["附件1"])
    ((0, ['2024年某某实施方案']), (None, []))
    """
    for i, s in enumerate(strings):
        first = RE_ATTACHMENT_ITEM.match(s) if _attachment_line(s) else None  # (no sentence: 附件1、2所列…。)
        if first is None or first.group("label") is None:
            continue
        names = [first.group("name")]
        for following in strings[i + 1 :]:
            more = RE_ATTACHMENT_ITEM.match(following)
            if more is None or not (more.group("number") or more.group("labelled")):
                break  # only a numbered line goes on the list (2．…, 附件2：…)
            names.append(more.group("name"))
        return i, names
    return None, []


def _imprint(strings: list[str]) -> dict[str, object]:
    """The 版记 among the lines after the document: the 抄送机关, split as the 主送机关 are (their
    last 。 dropped; the list may run over a few lines), and the 印发机关 and 印发日期 (ISO).

    >>> found = _imprint(["抄送：省委办公厅，省人大常委会办公厅，", "省政协办公厅。", "某某办公厅  2024年3月6日印发"])
    >>> found["copied_to"], found["printed_by"], found["printed"]
    (['省委办公厅', '省人大常委会办公厅', '省政协办公厅'], '某某办公厅', '2024-03-06')
    """
    found: dict[str, object] = {"copied_to": [], "printed_by": None, "printed": None}
    for i, s in enumerate(strings):
        label = _carbon_copy_label(s) if not found["copied_to"] else 0
        if label:
            groups = _run_on(strings, i)[label:].split(
                "。"
            )  # 。 may close a group of them (…省检察院。各民主党派省委…)
            found["copied_to"] = [name for group in groups for name in _addressees(group.strip(lx.SPACE_CHARS))]
        elif found["printed"] is None and s.endswith("印发") and (footer := RE_PRINT_FOOTER.search(s)) is not None:
            found["printed_by"] = s[: footer.start()].strip(lx.SPACE_CHARS) or None
            date = RE_DATE.search(footer.group())
            found["printed"] = iso_date(date) if date else None
    return found


def _carbon_copy_label(line: str) -> int:
    """The length of the 抄送 label and its colon that open ``line`` (抄送：, 抄报:); 0 if none does."""
    label = next((label for label in lx.CARBON_COPY_LABELS if line.startswith(label)), "")
    return len(label) + 1 if label and line[len(label) : len(label) + 1] in tuple(lx.COLONS) else 0


def _run_on(strings: list[str], i: int) -> str:
    """Line ``i`` and the lines it runs over to: until it ends with 。, or a footer (…印发) or a line
    with a label of its own comes."""
    joined = strings[i]
    for following in strings[i + 1 : i + _COPY_LINES]:
        if joined.rstrip(lx.SPACE_CHARS).endswith("。") or following.endswith("印发"):
            break
        if any(colon in following for colon in lx.COLONS):
            break
        joined += following.strip(lx.SPACE_CHARS)
    return joined


_COPY_LINES = 3  # lines a 抄送 list may run over


def _contact(block: str) -> ContactRecord | None:
    """The contact line's name, office, phone and e-mail, each looked for where its label (or @)
    stands in the notice."""
    name = RE_CONTACT_NAME.search(block) if any(w in block for w in lx.CONTACT_NAME_LABELS) else None
    phone = RE_PHONE.search(block) if any(w in block for w in lx.PHONE_LABELS) else None
    email = RE_EMAIL.search(block) if "@" in block else None
    if not (name or phone or email):
        return None
    return {
        "name": name.group("name") if name else None,
        "office": name.group("office") if name and name.group("office") else None,
        "phone": phone.group("phone") if phone else None,
        "email": email.group("email") if email else None,
    }


def _published(text: str, header: list[Line]) -> str | None:
    """The web page's publication date (发布日期, 发布时间), never the document's 成文日期: labels in the
    order of preference of lx.PUBLISHED_LABELS, a bare 日期 or 时间 only where it stands alone (not the
    end of 成文日期 or 生成日期)."""
    block = text[header[0].start : header[-1].end] if header else ""
    for label in lx.PUBLISHED_LABELS:
        at = block.find(label)
        while at >= 0:
            before = block[at - 1 : at]
            if not (label in lx.BARE_DATE_LABELS and before and "\u4e00" <= before <= "\u9fff"):
                match = RE_PUBLISHED.match(block, at)
                if match:
                    return iso_date(RE_DATE.search(match.group("date")))
            at = block.find(label, at + 1)
    return None


def _title_over_lines(strings: list[str], last: int, first: int) -> str:
    """The plan's title ending on line ``last``, with the lines above it that it runs on from (a title
    set on two lines: 立山区政府2023年重点工作 / 任务分解和责任分工方案): short lines with no clause
    marks that do not end as a title themselves.

    >>> _title_over_lines(["某某区政府2023年重点工作", "任务分解和责任分工方案"], 1, 0)
    '某某区政府2023年重点工作任务分解和责任分工方案'
    """
    k = last
    while k > first and last - k < _TITLE_LINES - 1:
        above = strings[k - 1]
        if (
            len(above) > _TITLE_MAX
            or _has_clause_marks(above)
            or _ends_a_title(above)
            or _note_line(above)
            or _attachment_line(above)
            or is_date(above)
        ):
            break
        k -= 1
    return "".join(strings[k : last + 1])


def _with_period(strings: list[str], i: int, title: str) -> tuple[int, str]:
    """A title with its period or edition set in brackets on the line under it (某某行动计划 /
    （2026—2027年）), and the title's last line.

    >>> _with_period(["某某行动计划", "（2026—2027年）", "为…"], 0, "某某行动计划")
    (1, '某某行动计划（2026—2027年）')
    """
    below = strings[i + 1] if i + 1 < len(strings) else ""
    if below[:1] in lx.OPEN_PARENS and RE_TITLE_PERIOD_LINE.match(below) and not title.endswith(below):
        return i + 1, title + strings[i + 1]
    return i, title


def _plan_title(
    strings: list[str], date_index: int | None, notice_title: str | None, title_end: int | None
) -> tuple[int | None, str | None]:
    """The plan's own title and its line: a line after the notice that prints the title the notice
    sends; else the last short line before the first section heading (not an un-numbered heading
    under the preamble: 具体举措 above （一）), or, above the plan's preamble, a line after the
    notice that ends as a title does; else the
    title the notice sends (关于印发《X》的通知, 关于印发X的通知); else, for a document that is its
    own plan (an 意见 or a plan alone), its title."""
    start = date_index + 1 if date_index is not None else 0
    printed = _quoted_title_line(strings, start, notice_title)
    if printed is not None:
        return printed
    first = max(start, (title_end if title_end is not None else -1) + 1)
    for i in range(len(strings) - 1, start - 1, -1):
        s = strings[i]
        if _note_line(s) or _attachment_line(s):
            continue
        if len(s) <= _TITLE_MAX and s[-1] not in lx.CLAUSE_ENDS and s != notice_title:
            if _heading_below_preamble(strings, i, first):
                break  # 具体举措 above （一）, under the preamble: the title stands above the preamble
            return _with_period(strings, i, _title_over_lines(strings, i, start))
        break
    for i in range(first, len(strings)):
        s = strings[i]
        if len(s) <= _TITLE_MAX and not _has_clause_marks(s) and _ends_a_title(s) and s != notice_title:
            # 关于加快发展…的实施意见, above the plan's preamble
            return _with_period(strings, i, _title_over_lines(strings, i, first))
    if not notice_title:
        return None, None
    quoted = _sent_title(notice_title)
    title = quoted.group("title") if quoted else notice_title
    line = next((i for i in range(start, len(strings)) if strings[i] == title), None)  # set on a line too
    return line, title


def _heading_below_preamble(strings: list[str], i: int, first: int) -> bool:
    """Whether the short line ``i`` right above the first entry is an un-numbered heading (具体举措)
    rather than the plan's title: a paragraph stands right above it, and above that paragraph,
    from line ``first`` (after the notice and its title), a short line with no clause marks that
    ends as a title does (the plan's own).

    >>> _heading_below_preamble(["某某若干措施", "为…，特制定本措施。", "具体举措"], 2, 0)
    True
    >>> _heading_below_preamble(["现印发给你们，请认真贯彻执行。", "某某工作要点"], 1, 0)
    False
    """
    if i - 1 <= first or strings[i - 1][-1] not in lx.CLAUSE_ENDS:
        return False
    return any(len(s) <= _TITLE_MAX and not _has_clause_marks(s) and _ends_a_title(s) for s in strings[first : i - 1])


def _quoted_title_line(strings: list[str], start: int, notice_title: str | None) -> tuple[int, str] | None:
    """The line (or two lines) from ``start`` on that prints the title the notice sends (关于印发
    《X》的通知, X alone on its line after the notice), spaces aside, and that title as the line
    prints it: the plan's own title, whatever short lines stand below it (具体举措 above （一）).

    A forwarded document's own print may leave out its issuer and put 的 before its genre word
    (转发国家教委关于…有关问题请示的通知 over 关于…有关问题的请示): the title as the line prints it.

    >>> lines = ["通知正文。", "某某若干措施", "为…，制定本措施。", "具体举措"]
    >>> _quoted_title_line(lines, 1, "关于印发《某某若干措施》的通知")
    (1, '某某若干措施')
    >>> forwarded = ["正文。", "关于某某", "有关问题的请示", "国务院："]
    >>> _quoted_title_line(forwarded, 1, "转发某委关于某某有关问题请示的通知")
    (2, '关于某某有关问题的请示')
    """
    if not notice_title:
        return None
    sent = _sent_title(notice_title)
    if sent is None:
        return None
    wanted = _title_key(sent.group("title"))
    for i in range(start, len(strings)):
        line = _title_key(strings[i])
        if line == wanted:
            return _with_period(strings, i, strings[i])
        if i > start and line and wanted.endswith(line) and _title_key(strings[i - 1] + strings[i]) == wanted:
            return _with_period(strings, i, strings[i - 1] + strings[i])  # set on two lines
    return None


def _title_key(title: str) -> str:
    """A title as compared with the one a notice quotes: spaces aside, from its 关于 on (a forwarded
    document printed without its issuer), and with no 的 (…问题请示 quoted, …问题的请示 printed).

    >>> _title_key("国家教委关于某某 有关问题的请示"), _title_key("某市行动计划")
    ('关于某某有关问题请示', '某市行动计划')
    """
    key = "".join(title.split())
    about = key.find("关于")
    return (key[about:] if about > 0 else key).replace("的", "")
