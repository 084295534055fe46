"""Text made safe to print on a terminal: what would act instead of show is escaped.

Escaped: C0 and C1 control characters (terminal escape sequences, a carriage return
that would overwrite a line, a newline that would forge a second error line), DEL,
every format character (Unicode category Cf: bidirectional controls such as U+202E
that reorder what is shown, zero-width spaces and joiners, the byte-order mark, tag
characters), the line and paragraph separators U+2028/U+2029, and lone surrogates
(from a file name that is not UTF-8).  Each becomes ``\\xNN``, ``\\uNNNN`` or
``\\UNNNNNNNN``; everything else is kept as it is.  Pure and light: the error line
uses it before Rich is imported.
"""

from __future__ import annotations

import re

#: Every character that is escaped; tests/test_hardening.py checks the Cf part against unicodedata.
RE_UNPRINTABLE = re.compile(
    "["
    "\x00-\x1f\x7f-\x9f"  # C0, DEL, C1 controls
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"  # format characters (Cf) …
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"  # … zero-width, bidi embeddings and isolates
    "\ufeff\ufff9-\ufffb"  # … byte-order mark, interlinear annotation
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"  # tag characters
    "\u2028\u2029"  # line and paragraph separators (Zl, Zp)
    "\ud800-\udfff"  # lone surrogates
    "]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(value: object, keep: str = "") -> str:
    """``value`` as text with every character that would act on the terminal escaped,
    except those in ``keep``.

    >>> printable("a\\x1b[31mb\\nc")
    'a\\\\x1b[31mb\\\\x0ac'
    >>> printable("省\\u202e局\\u200b", keep="\\n")
    '省\\\\u202e局\\\\u200b'
    >>> printable("a\\nb\\tc", keep="\\n\\t")
    'a\\nb\\tc'
    """
    text = "" if value is None else str(value)
    if not keep:
        return RE_UNPRINTABLE.sub(_escape, text)
    return RE_UNPRINTABLE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
