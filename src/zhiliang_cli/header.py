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

A web copy's 发布时间 gives ``published``.  Fields not present are null.
"""

from __future__ import annotations

import regex

from . import lexicon as lx
from .leads import split_units
from .lines import Line
from .numerals import chinese_to_int
from .patterns import (
    RE_ATTACHMENT_LINE,
    RE_BOOK_TITLE,
    RE_CONTACT_NAME,
    RE_DATE,
    RE_DATE_LINE,
    RE_DOC_NUMBER,
    RE_EMAIL,
    RE_HEADING,
    RE_NOTE_LINE,
    RE_PHONE,
    RE_PUBLISHED,
    RE_QUOTED,
    RE_RECIPIENTS_LINE,
    RE_TRAILING_BRACKETS,
)
from .records import ContactRecord
from .structure import is_noise

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
    for name in ("y", "m", "d"):
        raw = match.group(name)
        value = int(raw) if raw.isdigit() else chinese_to_int(raw)
        if value is None:
            return None
        parts.append(value)
    year, month, day = parts
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_header(text: str, header: list[Line], trailer: list[Line]) -> dict[str, object]:
    """The notice's fields from the lines before and after the plan."""
    content = [ln for ln in header if not is_noise(text, ln)]
    strings = [text[ln.start : ln.end] for ln in content]
    doc_index, doc_number = _doc_number(strings)
    date_index = _last_date_line(strings)
    signed = strings if date_index is not None else [text[ln.start : ln.end] for ln in trailer]
    if date_index is None:
        date_index = _last_date_line(signed)
    title = _notice_title(strings)
    return {
        "title": title,
        "doc_number": doc_number,
        "recipients": _recipients(strings, doc_index),
        "issuers": _issuers(signed, date_index),
        "date": _date(signed, date_index),
        "note": _note(signed, date_index),
        "contact": _contact(text[header[0].start : header[-1].end] if header else ""),
        "published": _published(text, header),
        "plan_title": _plan_title(strings, date_index if signed is strings else None, title),
    }


def _doc_number(strings: list[str]) -> tuple[int | None, str | None]:
    for i, s in enumerate(strings):
        match = RE_DOC_NUMBER.search(s)
        if match and len(s) < 40:
            return i, match.group("doc")
    return None, None


def _last_date_line(strings: list[str]) -> int | None:
    found = [i for i, s in enumerate(strings) if RE_DATE_LINE.match(s)]
    return found[-1] if found else None


def _notice_title(strings: list[str]) -> str | None:
    """The notice's title; a title set on several lines (国务院办公厅关于有效发挥政府性 /
    融资担保基金作用… / …的指导意见) is joined."""
    for i, s in enumerate(strings[:6]):
        if len(s) > _TITLE_MAX or RE_DOC_NUMBER.search(s) or _has_clause_marks(s):
            continue
        joined, k = s, i
        while not _ends_a_title(joined) and k + 1 < min(len(strings), i + _TITLE_LINES):
            following = strings[k + 1]
            if RE_DOC_NUMBER.search(following) or _has_clause_marks(following) or RE_DATE_LINE.match(following):
                break
            joined, k = joined + following, k + 1
        if _ends_a_title(joined) and len(joined) <= 2 * _TITLE_MAX:
            return joined
        if _ends_a_title(s) or "关于" in s:
            return s
    candidates = [s for s in strings if len(s) <= _TITLE_MAX and not RE_DOC_NUMBER.search(s)]
    return candidates[0] if candidates else None


def _ends_a_title(text: str) -> bool:
    """Whether ``text`` ends as a notice title does (通知, 意见 …), letter-spacing aside (批 复)."""
    return "".join(text.split()).endswith(lx.NOTICE_TITLE_ENDINGS)


def _has_clause_marks(text: str) -> bool:
    """Clause marks outside book-title marks and quotation marks (a title has none)."""
    return any(ch in lx.CLAUSE_ENDS for ch in RE_QUOTED.sub("", text))


def _recipients(strings: list[str], after: int | None) -> list[str]:
    """The 主送机关, split as unit lists are: 各省、自治区、直辖市人民政府 is one recipient (a
    distributive list of levels), 国务院各部委、各直属机构 two."""
    for s in strings[(after or 0) : (after or 0) + 4]:
        match = RE_RECIPIENTS_LINE.match(s)
        if match and len(s) < 400 and not s.startswith(lx.CONTACT_NAME_LABELS):
            return split_units(match.group("to"))
    return []


def _issuers(strings: list[str], date_index: int | None) -> list[str]:
    """The 发文机关署名: the short lines right above the 成文日期, one issuer each; a line wholly
    in brackets is the aside of the one before (（四川省人工智能产业链链长办公室）), and a line
    that does not end like a unit's name runs on to the next (重庆市“满天星”行动计划 /
    工作专班办公室（代章））."""
    if date_index is None:
        return []
    lines: list[str] = []
    for s in reversed(strings[max(0, date_index - _ISSUER_LINES) : date_index]):
        if len(s) > 40 or _has_clause_marks(s) or RE_HEADING.match(s) or RE_ATTACHMENT_LINE.match(s):
            break
        note = RE_NOTE_LINE.match(s)
        if note and any(word in s for word in lx.NOTE_LINE_WORDS):
            break
        lines.insert(0, s)
    issuers: list[str] = []
    for s in (part for line in lines for part in _side_by_side(line)):
        if issuers and (RE_NOTE_LINE.match(s) or not _ends_like_a_unit(issuers[-1])):
            issuers[-1] += s
        else:
            issuers.append(s)
    return issuers


def _side_by_side(line: str) -> list[str]:
    """Issuers printed side by side on one line (国务院办公厅  中央军委办公厅), each a unit."""
    parts = line.split()
    return parts if len(parts) > 1 and all(_ends_like_a_unit(p) for p in parts) else [line]


def _ends_like_a_unit(name: str) -> bool:
    """Whether a signature line ends like a unit's name, its (代章) and asides set apart."""
    return RE_TRAILING_BRACKETS.sub("", name).endswith(lx.ORG_SUFFIXES)


def _date(strings: list[str], date_index: int | None) -> str | None:
    if date_index is None:
        return None
    match = RE_DATE.match(strings[date_index])
    return iso_date(match) if match else None


def _note(strings: list[str], date_index: int | None) -> str | None:
    if date_index is None:
        return None
    for s in strings[date_index + 1 : date_index + 3]:
        match = RE_NOTE_LINE.match(s)
        if match:
            return str(match.group("note"))
    return None


def _contact(block: str) -> ContactRecord | None:
    name = RE_CONTACT_NAME.search(block)
    phone = RE_PHONE.search(block)
    email = RE_EMAIL.search(block)
    if not (name or phone or email):
        return None
    return {
        "name": name.group("name") if name else None,
        "office": name.group("office") if name and name.group("office") else None,
        "phone": phone.group("phone") if phone else None,
        "email": email.group("email") if email else None,
    }


def _published(text: str, header: list[Line]) -> str | None:
    for ln in header:
        match = RE_PUBLISHED.search(text, ln.start, ln.end)
        if match:
            return iso_date(RE_DATE.search(match.group("date")))
    return None


def _plan_title(strings: list[str], date_index: int | None, notice_title: str | None) -> str | None:
    """The plan's own title: the last short line before the first section heading."""
    start = date_index + 1 if date_index is not None else 0
    for s in reversed(strings[start:]):
        if RE_NOTE_LINE.match(s) or RE_ATTACHMENT_LINE.match(s):
            continue
        if len(s) <= _TITLE_MAX and s[-1] not in lx.CLAUSE_ENDS:
            return s
        break
    if notice_title:
        quoted = RE_BOOK_TITLE.search(notice_title)
        return quoted.group("title") if quoted else None
    return None
