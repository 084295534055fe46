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
from typing import Any

from .errors import OutputError, UsageError

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
