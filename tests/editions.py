"""Editions of a plan as an office makes them from one year to the next: items dropped,
added, merged, moved, retitled, reworded, given other lead units or other numbers,
sections renamed, and everything renumbered.

``Edition.read(text)`` takes a plan whose sections (一、) and items (（一）) each start
a line (the bundled 2023 plan, or an excerpt of it); the edits change it in place,
addressing items by their number in the text read; ``str(edition)`` prints it again,
numbered afresh.  The tests of ``zl diff`` and bench/ make their editions with it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from .variants import to_chinese

SECTION_LINE = re.compile(r"^\s*[一二三四五六七八九十]+、(?P<title>.+)$")
ITEM_LINE = re.compile(r"^\s*[(（][一二三四五六七八九十]+[)）](?P<body>.+)$")
NOTE = re.compile(r"[(（](?:牵头单位|责任单位)[:：](?P<units>[^()（）]+)[)）]\s*$")


@dataclass
class Item:
    key: int  # the item's number in the text read: how edits address it
    body: str  # the text after the marker, note included

    @property
    def title(self) -> str:
        return self.body.split("。", 1)[0]

    @property
    def note(self) -> str:
        match = NOTE.search(self.body)
        return match.group(0) if match else ""

    @property
    def sentences(self) -> str:
        """The text after the title, less the note."""
        rest = self.body[len(self.title) + 1 :]
        return rest[: len(rest) - len(self.note)] if self.note else rest


@dataclass
class Section:
    title: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Edition:
    head: str
    sections: list[Section]
    tail: str

    @classmethod
    def read(cls, text: str) -> Edition:
        head: list[str] = []
        sections: list[Section] = []
        tail: list[str] = []
        count = 0
        for line in text.split("\n"):
            section, item = SECTION_LINE.match(line), ITEM_LINE.match(line)
            if section and (sections or head):
                sections.append(Section(section.group("title")))
            elif item and sections:
                count += 1
                sections[-1].items.append(Item(count, item.group("body")))
            elif not sections:
                head.append(line)
            elif tail or (line.strip() and not line.startswith(" ")):
                tail.append(line)  # from the first line that is not indented: 附件下载
            else:
                assert not line.strip(), f"a line this reader does not know: {line[:40]!r}"
        return cls("\n".join(head), sections, "\n".join(tail))

    def __str__(self) -> str:
        return self.text()

    def text(self, per_section: bool = False) -> str:
        """The edition printed, its items numbered through the plan or afresh in each section."""
        lines = [self.head]
        number = 0
        for k, section in enumerate(self.sections, 1):
            lines += [f"  {to_chinese(k)}、{section.title}", ""]
            number = 0 if per_section else number
            for item in section.items:
                number += 1
                lines += [f"  ({to_chinese(number)}){item.body}", ""]
        return "\n".join(lines) + "\n" + self.tail

    def copy(self) -> Edition:
        return copy.deepcopy(self)

    # --- addressing ---------------------------------------------------------------

    def item(self, key: int) -> Item:
        return next(i for s in self.sections for i in s.items if i.key == key)

    def _section_of(self, key: int) -> Section:
        return next(s for s in self.sections if any(i.key == key for i in s.items))

    # --- edits: each returns the edition, so that they chain -----------------------

    def drop(self, key: int) -> Edition:
        section = self._section_of(key)
        section.items = [i for i in section.items if i.key != key]
        return self

    def add(self, section: int, at: int, title: str, sentences: str, lead: str) -> Edition:
        """A new item at position ``at`` (0-based) of section ``section`` (1-based)."""
        body = f"{title}。{sentences}(牵头单位:{lead})"
        self.sections[section - 1].items.insert(at, Item(-1, body))
        return self

    def merge(self, key: int, into: int) -> Edition:
        """Item ``key``'s sentences appended to item ``into``'s; ``key`` dropped."""
        source, target = self.item(key), self.item(into)
        target.body = f"{target.title}。{target.sentences}{source.sentences}{target.note}"
        return self.drop(key)

    def move(self, key: int, section: int, at: int | None = None) -> Edition:
        item = self.item(key)
        self.drop(key)
        items = self.sections[section - 1].items
        items.insert(len(items) if at is None else at, item)
        return self

    def retitle(self, key: int, title: str) -> Edition:
        item = self.item(key)
        item.body = title + item.body[len(item.title) :]
        return self

    def replace(self, key: int, old: str, new: str) -> Edition:
        """Reword: ``old`` replaced by ``new`` in the item's text (once; it must be there)."""
        item = self.item(key)
        assert old in item.body, (key, old)
        item.body = item.body.replace(old, new, 1)
        return self

    def leads(self, key: int, units: str) -> Edition:
        item = self.item(key)
        assert item.note, key
        item.body = item.body[: len(item.body) - len(item.note)] + f"(牵头单位:{units})"
        return self

    def rename_section(self, section: int, title: str) -> Edition:
        self.sections[section - 1].title = title
        return self

    def swap_sections(self, a: int, b: int) -> Edition:
        self.sections[a - 1], self.sections[b - 1] = self.sections[b - 1], self.sections[a - 1]
        return self

    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]
