"""Word diffs of two texts, as ``git diff --word-diff`` shows them: the runs of text
kept, deleted and inserted.

Chinese has no spaces, so a "word" is a run of Latin letters and digits (with . and %,
as in ISO 9001 or 2.5%) or any other single character; words are compared in NFKC, so
full-width and half-width forms are the same word, and white space (line wraps,
indentation) is not compared at all.  :mod:`diff` uses it for the texts of a pair of
items; :mod:`render` and :func:`export.diff_markdown` show the runs.

Bounded: the words two texts begin and end with in common are set aside first (in
linear time); when what remains is longer than limits.MAX_WORD_DIFF (OLD's words
times NEW's), it is shown as one deletion and one insertion, not word by word.

>>> word_diff("支持制修订标准10项以上", "支持制定标准12项以上")
[('=', '支持制'), ('-', '修订'), ('+', '定'), ('=', '标准'), ('-', '10'), ('+', '12'), ('=', '项以上')]
"""

from __future__ import annotations

import difflib
import unicodedata

#: A run of a word diff: ("=", text) kept, ("-", text) deleted, ("+", text) inserted.
Run = tuple[str, str]


def _is_latin(ch: str) -> bool:
    return len(ch) == 1 and ch.isascii() and (ch.isalnum() or ch in ".%")


def _tokens(text: str) -> list[tuple[str, str]]:
    """(shown, key) for each word of ``text``: a run of Latin letters and digits (with
    . and %, full-width ones too), or any other single character; white space is
    shown as one space between two Latin words and not at all elsewhere (in Chinese
    text it is a line wrap or indentation).

    >>> [shown for shown, _ in _tokens("提升 ISO 9001认证\\n  ２.５％")]
    ['提', '升', 'ISO', ' 9001', '认', '证', '２.５％']
    """
    words: list[tuple[str, str]] = []
    space = False
    for ch in text:
        key = unicodedata.normalize("NFKC", ch)
        if not key.strip():
            space = True
            continue
        previous = words[-1][1][-1] if words else ""
        if _is_latin(key) and _is_latin(previous) and not space:
            shown, joined = words[-1]
            words[-1] = (shown + ch, joined + key)
        else:
            words.append(((" " if space and key.isascii() and previous.isascii() and previous else "") + ch, key))
        space = False
    return words


def word_diff(old: str, new: str) -> list[Run]:
    """The runs of a word diff of two texts, as ``git diff --word-diff`` shows them: kept,
    deleted and inserted text, compared in normal form and shown as printed in NEW (kept,
    inserted) or OLD (deleted).  A kept run of one character between two changes joins
    them, so a reworded phrase reads as one change, not a comb.

    >>> word_diff("支持制修订标准10项以上", "支持制定标准12项以上")
    [('=', '支持制'), ('-', '修订'), ('+', '定'), ('=', '标准'), ('-', '10'), ('+', '12'), ('=', '项以上')]
    """
    a, b = _tokens(old), _tokens(new)
    head = 0
    while head < min(len(a), len(b)) and a[head][1] == b[head][1]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail][1] == b[-1 - tail][1]:
        tail += 1
    runs: list[Run] = [("=", "".join(s for s, _ in b[:head]))] if head else []
    runs += _middle(a[head : len(a) - tail], b[head : len(b) - tail])
    runs += [("=", "".join(s for s, _ in b[len(b) - tail :]))] if tail else []
    return _merge(_absorb_short_kept(runs))


def _middle(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> list[Run]:
    """The runs of a word diff of two lists of words that differ at both ends: word by word
    (difflib), or, past limits.MAX_WORD_DIFF, all of OLD deleted and all of NEW inserted."""
    from .limits import MAX_WORD_DIFF

    if len(a) * len(b) > MAX_WORD_DIFF:
        return [r for r in (("-", "".join(s for s, _ in a)), ("+", "".join(s for s, _ in b))) if r[1]]
    matcher = difflib.SequenceMatcher(None, [k for _, k in a], [k for _, k in b], autojunk=False)
    runs: list[Run] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("=", "".join(s for s, _ in b[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("-", "".join(s for s, _ in a[i1:i2])))
        if j2 > j1:
            runs.append(("+", "".join(s for s, _ in b[j1:j2])))
    return runs


def _absorb_short_kept(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for k, (op, text) in enumerate(runs):
        between = 0 < k < len(runs) - 1 and runs[k - 1][0] != "=" and runs[k + 1][0] != "="
        if op == "=" and len(text) == 1 and between:
            out += [("-", text), ("+", text)]
        else:
            out.append((op, text))
    return out


def _merge(runs: list[Run]) -> list[Run]:
    """Adjacent runs of a kind joined, deletions before insertions within a change."""
    out: list[Run] = []
    k = 0
    while k < len(runs):
        if runs[k][0] == "=":
            out.append(runs[k])
            k += 1
            continue
        end = k
        while end < len(runs) and runs[end][0] != "=":
            end += 1
        deleted = "".join(t for op, t in runs[k:end] if op == "-")
        inserted = "".join(t for op, t in runs[k:end] if op == "+")
        out += [r for r in (("-", deleted), ("+", inserted)) if r[1]]
        k = end
    return out


def elide(runs: list[Run], context: int = 24) -> list[Run]:
    """The runs with kept text longer than ``context`` characters either side of a
    change cut to that, with … where text was left out.

    >>> elide([("=", "一二三四五六"), ("-", "七"), ("+", "八"), ("=", "九十甲乙丙丁")], 2)
    [('=', '…五六'), ('-', '七'), ('+', '八'), ('=', '九十…')]
    """
    out: list[Run] = []
    for k, (op, text) in enumerate(runs):
        before = context if k > 0 else 0  # kept text after the change before it
        after = context if k < len(runs) - 1 else 0  # kept text before the change after it
        if op != "=" or len(text) <= before + after + 1:
            out.append((op, text))
            continue
        out.append((op, text[:before] + "…" + (text[len(text) - after :] if after else "")))
    return out
