"""The one place JSON, JSON Lines, YAML and CSV are written.

What a record holds comes out unchanged in every machine format:

* Chinese stays readable (no \\uXXXX escapes), but JSON and JSON Lines escape
  U+2028, U+2029 and U+0085, so that no reader splits a record on them; YAML
  double-quotes any string that holds a line break or a character it would not
  read back as written, so it round-trips every string JSON does.
* Numbers keep their exact value: an integer of any size stays an integer; JSON
  never carries ``Infinity`` or ``NaN`` (a value that is not finite is null).
* CSV quotes a field that holds a comma, a quote, a CR or an LF (Python's csv
  module leaves a lone CR bare).  Text from the document that a spreadsheet would
  run as a formula (= + - @, tab, CR) is prefixed with '; our own values
  (:data:`OWN_TEXT_KEYS`: the comparator ``=``, hashes, kinds) never are.
  Control characters are shown as \\xNN.

A file is written atomically (:func:`write_file`): to a temporary file beside it,
then renamed, so a failure or an interruption never leaves a partial file.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .i18n import _

if TYPE_CHECKING:
    from .diff import Diff

FORMATS = ("table", "json", "jsonl", "yaml", "csv", "tsv")
MACHINE_FORMATS = FORMATS[1:]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Keys whose text zl itself writes (never taken from the document): not defused in CSV.
OWN_TEXT_KEYS = frozenset({"comparator", "change", "kind", "encoding", "sha256"})
#: Characters that some JSON readers take for line ends; escaped in JSON and JSON Lines.
_JSON_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    """The format name, lower-cased, or a UsageError naming the choices.

    >>> check_format("JSON")
    'json'
    """
    name = fmt.lower()
    if name not in allowed:
        raise UsageError(
            _("unknown format {fmt!r}: choose one of {choices}").format(fmt=fmt, choices=", ".join(allowed))
        )
    return name


@contextmanager
def exact_integers() -> Iterator[None]:
    """Let an integer of any number of digits be written out (Python limits int -> str
    to 4,300 digits by default); the parser bounds how long a number it reads may be."""
    saved = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(saved)


def dumps(data: Any, fmt: str) -> str:
    """``data`` (a record, or a list of flat records) as text in a machine format."""
    with exact_integers():
        if fmt == "json":
            return _escape_breaks(_json(data, indent=2)) + "\n"
        if fmt == "jsonl":
            rows = data if isinstance(data, list) else [data]
            return "".join(_escape_breaks(_json(row)) + "\n" for row in rows)
        if fmt == "yaml":
            return _yaml(finite(data))
        if fmt == "csv":
            return _csv(finite(data if isinstance(data, list) else [data]))
        if fmt == "tsv":
            return _tsv(finite(data if isinstance(data, list) else [data]))
    raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(MACHINE_FORMATS)}")


def _json(data: Any, indent: int | None = None) -> str:
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:  # a float that is not finite: never written as Infinity or NaN
        return json.dumps(finite(data), ensure_ascii=False, indent=indent, allow_nan=False)


def _escape_breaks(text: str) -> str:
    """JSON text with U+2028, U+2029 and U+0085 escaped (they can only occur inside strings).

    >>> _escape_breaks('"a\\u2028b"')
    '"a\\\\u2028b"'
    """
    for char, escaped in _JSON_BREAKS.items():
        if char in text:
            text = text.replace(char, escaped)
    return text


def finite(data: Any) -> Any:
    """``data`` with every float that is not finite (inf, nan) made None.

    >>> finite({"a": [1.5, float("inf")], "b": float("nan"), "c": 10**30})
    {'a': [1.5, None], 'b': None, 'c': 1000000000000000000000000000000}
    """
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite(value) for value in data]
    return data


#: In a YAML string, characters that PyYAML would fold, drop or misread unless double-quoted.
_YAML_RISKY = frozenset("\x85\u2028\u2029\ufeff\r") | {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))} - {"\n"}


def _yaml(data: Any) -> str:
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        risky = any(ch in _YAML_RISKY or "\ud800" <= ch <= "\udfff" for ch in value)
        style = '"' if risky or value != value.strip(" \n") else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, represent_str)
    return str(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000))


def _csv(rows: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    lines = [",".join(csv_field(column) for column in columns)]
    lines += [",".join(csv_field(csv_cell(row.get(column), column)) for column in columns) for row in rows]
    return "".join((line or '""') + "\n" for line in lines)  # a lone empty field, not a blank line


def _tsv(rows: list[dict[str, Any]]) -> str:
    """Tab-separated values for ``cut`` and ``awk``: a header line, then one line per record, each
    cell as in CSV (:func:`csv_cell`) with tabs, CRs and LFs shown as \\t, \\r, \\n and a
    backslash as \\\\ (the escapes of the IANA text/tab-separated-values convention)."""
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    lines = ["\t".join(columns)]
    lines += ["\t".join(tsv_field(csv_cell(row.get(column), column)) for column in columns) for row in rows]
    return "".join(line + "\n" for line in lines)


def tsv_field(text: str) -> str:
    r"""One TSV field: backslash, tab, CR and LF escaped, so that a record stays on one line.

    >>> print(tsv_field("a\tb\nc\\d"))
    a\tb\nc\\d
    """
    if not any(ch in text for ch in "\\\t\r\n"):
        return text
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def select_fields(data: Any, fields: str) -> Any:
    """The records of ``data`` with only the keys ``fields`` names (comma-separated), in that order;
    a name no record has is a usage error that lists those there are.

    >>> select_fields([{"a": 1, "b": 2, "c": 3}], "c,a")
    [{'c': 3, 'a': 1}]
    """
    names = [name.strip() for name in fields.split(",") if name.strip()]
    if not names:
        raise UsageError(_("--fields is empty: give the names of fields, separated by commas"))
    rows = data if isinstance(data, list) else [data]
    known: list[str] = []
    for row in rows:
        known += [key for key in row if key not in known]
    unknown = [name for name in names if rows and name not in known]
    if unknown:
        raise UsageError(
            _("no field {names} in these records: choose among {known}").format(
                names=", ".join(unknown), known=", ".join(known)
            )
        )
    return [{name: row.get(name) for name in names} for row in rows]


def csv_field(text: str) -> str:
    """One field of a CSV line (RFC 4180): quoted when it holds a comma, a quote, a CR or an LF.

    >>> print(csv_field("a\\rb").replace("\\r", "<CR>"), csv_field('a "b" c'), csv_field("plain"))
    "a<CR>b" "a ""b"" c" plain
    """
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_cell(value: Any, key: str | None = None) -> str:
    """One CSV cell: lists of names joined by '; ', other structures as JSON, and text that a
    spreadsheet would run as a formula defused, unless ``key`` is one of :data:`OWN_TEXT_KEYS`.

    >>> csv_cell(["省商务厅", "省工信厅"]), csv_cell("=1+1"), csv_cell([0, 5]), csv_cell(None)
    ('省商务厅; 省工信厅', "'=1+1", '[0, 5]', '')
    >>> csv_cell("=", "comparator"), csv_cell(-3, "value"), csv_cell(True)
    ('=', '-3', 'True')
    """
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)  # our own numbers: never a formula
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    else:
        text = str(value)
    text = "".join(ch if ch >= " " or ch in "\t\r\n" else f"\\x{ord(ch):02x}" for ch in text)
    if key in OWN_TEXT_KEYS:
        return text
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_file(path: str, content: str, force: bool = False) -> None:
    """Write ``content`` to ``path`` (standard output for ``-``); see :mod:`files`."""
    if path == "-":
        sys.stdout.write(content)
        return
    from .files import write_atomic

    write_atomic(path, content.encode("utf-8"), force)


def diff_markdown(result: Diff) -> str:
    """The report of ``zl diff`` in Markdown, for pasting into a report: the two editions,
    the summary, added, removed, moved and changed items (changed words as <del> and
    <ins>), and a table of target changes."""
    record: dict[str, Any] = dict(result.record)
    old, new = record["old"], record["new"]
    lines = [f"# {md_text(old['title'] or 'OLD')} → {md_text(new['title'] or 'NEW')}", ""]
    lines += ["| | OLD | NEW |", "| --- | --- | --- |"]
    lines += [f"| {md_text(key)} | {md_text(old[key] or '—')} | {md_text(new[key] or '—')} |" for key in old]
    lines += ["", f"**{result.summary_line()}**"]
    for heading, _colour, listed in result.groups():
        lines += ["", f"## {heading.capitalize()} ({len(listed)})", ""]
        for k in listed:
            lines += _markdown_item(result, heading, k)
    rows = result.target_rows()
    if rows:
        lines += ["", "## Targets", "", "| item | target | change | status |", "| --- | --- | --- | --- |"]
        lines += [f"| {r['item']} | {md_text(r['clause'])} | {md_text(r['change'])} | {r['status']} |" for r in rows]
    return "\n".join(lines) + "\n"


def _markdown_item(result: Diff, heading: str, k: int) -> list[str]:
    item: dict[str, Any] = dict(result.record["items"][k])
    where = {side: md_text(result.section_heading(k, side)) for side in ("old", "new")}
    if heading in ("added", "removed"):
        side = "new" if heading == "added" else "old"
        units = md_text("；".join(result.lead_units(k, side)) or "—")
        return [f"- {item[f'{side}_number']} {md_text(item[f'{side}_title'])} — {where[side]} · lead {units}"]
    pair = f"{item['old_number']} → {item['new_number']} {md_text(item['new_title'])}"
    if heading == "moved":
        return [f"- {pair}: {where['old']} → {where['new']}"]
    tags = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    lines = [f"- **{pair}** · {', '.join(item['changes'])} · similarity {item['similarity']:.3f}"]
    for label, runs in result.change_runs(k):
        text = "".join(tags[op].format(md_text(piece)) for op, piece in runs)
        lines.append(f"  - {label + ': ' if label else ''}{text}")
    return lines


_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#~"} | {"&": "&amp;", "\n": " ", "\r": " "})


def md_text(value: Any) -> str:
    """Text as literal Markdown: its special characters escaped, on one line.

    >>> md_text("a*b|c <d>")
    'a\\\\*b\\\\|c \\\\<d\\\\>'
    """
    return str(value).translate(_MARKDOWN_SPECIAL)
