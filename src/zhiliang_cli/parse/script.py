"""A plan printed in traditional characters -> the same text in simplified ones, offset for offset;
and look-alikes of the characters the patterns know made those characters (二○○六年: the ○ of a
printed date is 〇).

The stages read the simplified text (牽頭單位 reads as 牵头单位, 負責 as 负责); what they extract is
then given back as printed: every span is an offset into both texts, and every string of the record
is the original's characters at the offsets where the simplified string stands::

    （牽頭單位：市經貿委；配合單位：市發改委）  ->  lead ["市經貿委"], cooperating ["市發改委"]

The conversion is OpenCC's (t2s), imported only for a text that holds traditional characters (a
few hundred of the commonest are looked for first), and kept to one character for one: where a
phrase would change the length, the text is converted character by character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import lexicon as lx

_RE_TRADITIONAL = re.compile("[" + lx.TRADITIONAL_HINTS + "]")


def simplified(text: str) -> str | None:
    """``text`` as the stages read it, of the same length: in simplified characters, its look-alikes
    made what they look like; or None where nothing changes (most plans).

    >>> simplified("（牽頭單位：市經貿委）"), simplified("牵头单位") is None, simplified("二○○六年")
    ('（牵头单位：市经贸委）', True, '二〇〇六年')
    """
    out = text
    if any(ch in text for ch in _LOOK_ALIKE_CHARS):
        out = out.translate(_LOOK_ALIKES)
    if _RE_TRADITIONAL.search(out) is not None:
        convert = _converter()
        converted = convert(out)
        if len(converted) != len(out):  # a phrase of another length: one character at a time keeps offsets
            converted = "".join(c if len(c := convert(ch)) == 1 else ch for ch in out)
        out = converted
    return out if out != text else None


#: Characters printed for another one of the same look: the ring of 二○○六 (a date typed with a circle).
_LOOK_ALIKES = str.maketrans({"○": "〇", "◯": "〇"})
_LOOK_ALIKE_CHARS = "○◯"


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s").convert


class _Printed:
    """Strings of the simplified text given back as the original prints them."""

    def __init__(self, original: str, shadow: str) -> None:
        self.original = original
        self.shadow = shadow

    def span(self, span: list[int] | None) -> str | None:
        return None if span is None else self.original[span[0] : span[1]]

    def find(self, value: str | None, lo: int = 0, hi: int | None = None) -> str | None:
        """``value`` (a string of the simplified text) as printed: where it stands between ``lo`` and
        ``hi``, or, where the reading dropped white space from it (a name wrapped in print), where its
        characters stand in order."""
        if not value:
            return value
        hi = len(self.shadow) if hi is None else hi
        at = self.shadow.find(value, lo, hi)
        if at >= 0:
            return self.original[at : at + len(value)]
        return self._aligned(value, lo, hi)

    def _aligned(self, value: str, lo: int, hi: int) -> str:
        first = self.shadow.find(value[0], lo, hi)
        while first >= 0:
            out, k, pos = [], 0, first
            while k < len(value) and pos < hi:
                if self.shadow[pos] == value[k]:
                    out.append(self.original[pos])
                    k += 1
                elif not self.shadow[pos].isspace():
                    break
                pos += 1
            if k == len(value):
                return "".join(out)
            first = self.shadow.find(value[0], first + 1, hi)
        return value


#: The notice's fields that hold one string each.
_NOTICE_STRINGS = (
    *("title", "doc_number", "note", "plan_title"),
    *("copy_number", "secrecy", "urgency", "masthead", "printed_by"),
)


def restore(plan: dict[str, Any], original: str, shadow: str) -> None:
    """Give back every string of ``plan`` (read from ``shadow``) as ``original`` prints it."""
    printed = _Printed(original, shadow)
    for key in _NOTICE_STRINGS:
        plan[key] = printed.find(plan.get(key))
    for key in ("recipients", "issuers", "signers", "attachments", "copied_to"):
        plan[key] = [printed.find(v) or v for v in plan.get(key, [])]
    if plan.get("contact"):
        plan["contact"] = {k: printed.find(v) for k, v in plan["contact"].items()}
    for key in ("body", "preamble", "closing"):
        if plan.get(key) is not None:
            plan[key] = printed.span(plan[f"{key}_span"])
    for part in plan.get("parts", []):
        part["title"] = printed.find(part["title"], *part["span"])
        part["text"] = printed.span(part["text_span"])
        if part.get("closing") is not None:
            part["closing"] = printed.span(part["closing_span"])
    _targets(printed, plan.get("targets", []))
    for section in plan.get("sections", []):
        lo, hi = section["span"]
        section["title"] = printed.find(section["title"], lo, hi)
        section["text"] = printed.span(section["text_span"])
        _targets(printed, section["targets"])
        for group in section["groups"]:
            group["title"] = printed.find(group["title"], *group["span"])
        for item in section["items"]:
            _item(printed, item)


def _item(printed: _Printed, item: dict[str, Any]) -> None:
    lo, hi = item["span"]
    item["title"] = printed.find(item["title"], lo, hi)
    item["text"] = printed.span(item["span"])
    for note in item["notes"]:
        for key in ("lead_units", "cooperating_units"):
            note[key] = [printed.find(u, *note["span"]) or u for u in note[key]]
        for field in note["fields"]:
            field["text"] = printed.span(field["span"])
    for key in ("lead_units", "cooperating_units"):
        item[key] = [printed.find(u, lo, hi) or u for u in item[key]]
    if item.get("group"):
        item["group"]["title"] = printed.find(item["group"]["title"], *item["group"]["span"])
    if item.get("deadline"):
        item["deadline"]["text"] = printed.span(item["deadline"]["span"])
    _targets(printed, item["targets"])


def _targets(printed: _Printed, targets: list[dict[str, Any]]) -> None:
    for target in targets:
        lo, hi = target["span"]
        target["text"] = printed.span(target["span"])
        target["number_text"] = printed.span(target["number_span"])
        target["unit"] = printed.find(target["unit"], target["number_span"][1], hi + 8) or target["unit"]
        if target.get("subject"):
            target["subject"] = printed.find(target["subject"], lo, hi)
        if target.get("by"):
            target["by"]["text"] = printed.span(target["by"]["span"])
