"""Lines of a decoded text: where each starts and ends, and offsets -> line numbers.

Spans everywhere are ``[start, end]`` in characters of the decoded text, with
line ends left as they were (LF, CRLF or CR), so ``text[start:end]`` is exactly
what was printed.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from .lexicon import SPACE_CHARS
from .patterns import RE_LINE_BREAK_KEPT


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
        if "\r" in text:
            breaks = RE_LINE_BREAK_KEPT.split(text)  # segments and the line ends between them, alternately
            segments, ends = breaks[::2], [len(b) for b in breaks[1::2]]
        else:  # the common case: split in C
            segments = text.split("\n")
            ends = [1] * (len(segments) - 1)
        self.starts: list[int] = []
        self.lines: list[Line] = []
        lines, pos = self.lines, 0
        for number, segment in enumerate(segments, 1):
            self.starts.append(pos)
            content = segment.strip(SPACE_CHARS)
            if content:
                start = pos + len(segment) - len(segment.lstrip(SPACE_CHARS))
                lines.append(Line(number, start, start + len(content)))
            pos += len(segment) + (ends[number - 1] if number <= len(ends) else 0)

    def line_of(self, offset: int) -> int:
        """The 1-based number of the line holding ``offset``."""
        return bisect_right(self.starts, offset)
