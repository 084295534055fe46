"""Lines of a decoded text: where each starts and ends, and offsets -> line numbers.

Spans everywhere are ``[start, end]`` in characters of the decoded text, with
line ends left as they were (LF, CRLF or CR), so ``text[start:end]`` is exactly
what was printed.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from .lexicon import SPACE_CHARS
from .patterns import RE_NEWLINE


class Line(NamedTuple):
    """A non-blank line: its 1-based number and the span of its content, trimmed of spaces."""

    number: int
    start: int
    end: int


class LineIndex:
    """The lines of a text, and the line number of any offset.

    >>> index = LineIndex("a\\r\\n  b　\\n\\nc")
    >>> [(ln.number, ln.start, ln.end) for ln in index.lines]
    [(1, 0, 1), (2, 5, 6), (4, 9, 10)]
    >>> index.line_of(5), index.line_of(9)
    (2, 4)
    """

    def __init__(self, text: str) -> None:
        self.starts: list[int] = [0]
        self.lines: list[Line] = []
        pos = 0
        for match in RE_NEWLINE.finditer(text):
            self._add(text, pos, match.start())
            pos = match.end()
            self.starts.append(pos)
        self._add(text, pos, len(text))

    def _add(self, text: str, start: int, end: int) -> None:
        segment = text[start:end]
        content = segment.strip(SPACE_CHARS)
        if content:
            lead = len(segment) - len(segment.lstrip(SPACE_CHARS))
            self.lines.append(Line(len(self.starts), start + lead, start + lead + len(content)))

    def line_of(self, offset: int) -> int:
        """The 1-based number of the line holding ``offset``."""
        return bisect_right(self.starts, offset)
