"""The one place JSON, JSON Lines, YAML and CSV are written.

Chinese stays readable (no \\uXXXX escapes).  CSV cells that a spreadsheet
would run as a formula (= + - @, tab, CR) are prefixed with ' and control
characters are shown as \\xNN.  A file is written atomically: to a temporary
file beside it, then renamed, so a failure never leaves a partial file; an
existing file is kept unless ``force``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import OutputError, UsageError

if TYPE_CHECKING:
    from .diff import Diff

FORMATS = ("table", "json", "jsonl", "yaml", "csv")
MACHINE_FORMATS = FORMATS[1:]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    """The format name, lower-cased, or a UsageError naming the choices.

    >>> check_format("JSON")
    'json'
    """
    name = fmt.lower()
    if name not in allowed:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(allowed)}")
    return name


def dumps(data: Any, fmt: str) -> str:
    """``data`` (a record, or a list of flat records) as text in a machine format."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        rows = data if isinstance(data, list) else [data]
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if fmt == "yaml":
        import yaml

        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))
    if fmt == "csv":
        return _csv(data if isinstance(data, list) else [data])
    raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(MACHINE_FORMATS)}")


def _csv(rows: list[dict[str, Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return out.getvalue()


def csv_cell(value: Any) -> str:
    """One CSV cell: lists of names joined by '; ', other structures as JSON, formulas defused.

    >>> csv_cell(["省商务厅", "省工信厅"]), csv_cell("=1+1"), csv_cell([0, 5]), csv_cell(None)
    ('省商务厅; 省工信厅', "'=1+1", '[0, 5]', '')
    """
    if value is None:
        text = ""
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = "".join(ch if ch >= " " or ch in "\t\r\n" else f"\\x{ord(ch):02x}" for ch in text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_file(path: str, content: str, force: bool = False) -> None:
    """Write ``content`` to ``path`` atomically; refuse to replace a file unless ``force``."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{path} is a directory: give a file name for -o")
    if target.exists() and not force:
        raise OutputError(f"{path} exists: use --force to overwrite it, or choose another name")
    import tempfile

    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write in {folder}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(content)
        os.replace(tmp, target)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None


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
    for heading, _, listed in result.groups():
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
