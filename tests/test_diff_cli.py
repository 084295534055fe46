"""`zl diff OLD NEW` on the command line: exit status as diff(1), every format, the
reports as golden files, and bad input (exit code, one line, no traceback)."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from zhiliang_cli import render
from zhiliang_cli.workbook import display_width

from .conftest import Result, one_error_line
from .test_diff import GOLDEN_DIR, edition
from .variants import VARIANTS

Run = Callable[..., Result]


@pytest.fixture
def editions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The next_year case as two files in the working directory: old.txt, new.txt."""
    old, new = edition("next_year")
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return "old.txt", "new.txt"


@pytest.mark.parametrize(
    "name", ["full-width", "gb18030", "bom-crlf", "cr-only", "per-section-numbering", "everything"]
)
def test_a_plan_against_its_own_copy_exits_0(zl: Run, plan_text: str, tmp_path: Path, name: str) -> None:
    if name == "everything":  # its lead notes name cooperating units the plan does not: a real change
        transform, encoding = VARIANTS["web-page"][0], "gb18030"
        text = VARIANTS["per-section-numbering"][0](VARIANTS["indented"][0](plan_text))
        copy = transform(text).replace("\n", "\r\n")
    else:
        transform, encoding = VARIANTS[name]
        copy = transform(plan_text)
    original, other = tmp_path / "plan.txt", tmp_path / f"{name}.txt"
    original.write_text(plan_text, encoding="utf-8")
    other.write_bytes(copy.encode(encoding))
    result = zl("diff", str(original), str(other), "--format", "json")
    assert result.code == 0, result.err
    assert result.json()["summary"] == {"same": 72, "changed": 0, "added": 0, "removed": 0, "moved": 0}


def test_a_plan_against_itself(zl: Run, tmp_path: Path, plan_text: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(plan_text, encoding="utf-8")
    result = zl("diff", str(path), str(path))
    assert result.code == 0 and result.err == ""
    report = result.json()
    assert report["old"] == report["new"]
    assert report["old"]["title"] == "2023年福建省质量强省工作要点"
    assert report["old"]["doc_number"] == "闽质强省办〔2023〕2号" and len(report["old"]["sha256"]) == 64


def test_differences_exit_1(zl: Run, editions: tuple[str, str]) -> None:
    result = zl("diff", *editions)
    assert result.code == 1 and result.err == ""
    report = result.json()
    assert set(report) == {"old", "new", "summary", "plan", "sections", "items"}
    assert set(report["items"][0]) == {
        "status", "old_number", "new_number", "old_section", "new_section", "old_title", "new_title",
        "similarity", "changes", "leads_added", "leads_removed", "cooperating_added", "cooperating_removed",
        "targets",
    }  # fmt: skip
    raised = [t for i in report["items"] for t in i["targets"]]
    assert [(t["status"], t["unit"], t["old"]["value"], t["new"]["value"]) for t in raised] == [
        ("raised", "项", 10, 12)
    ]


@pytest.mark.parametrize(
    ("only", "statuses", "code"),
    [
        ("added", {"added"}, 1),
        ("added,removed", {"added", "removed"}, 1),
        ("moved", {"changed"}, 1),
        ("same", {"same"}, 0),
    ],
)
def test_only(zl: Run, editions: tuple[str, str], only: str, statuses: set[str], code: int) -> None:
    result = zl("diff", *editions, "--only", only)
    assert result.code == code
    assert {i["status"] for i in result.json()["items"]} == statuses


def test_only_can_be_repeated(zl: Run, editions: tuple[str, str]) -> None:
    repeated = zl("diff", *editions, "--only", "added", "--only", "removed").json()
    assert repeated == zl("diff", *editions, "--only", "added,removed").json()


@pytest.mark.parametrize("fmt", ["jsonl", "yaml", "csv"])
def test_machine_formats(zl: Run, editions: tuple[str, str], fmt: str) -> None:
    result = zl("diff", *editions, "--format", fmt)
    assert result.code == 1 and "\\u" not in result.out
    report = zl("diff", *editions).json()
    if fmt == "jsonl":
        assert [json.loads(line) for line in result.out.splitlines()] == report["items"]
    if fmt == "yaml":
        assert yaml.safe_load(result.out) == report
    if fmt == "csv":
        assert result.out.splitlines()[0].startswith("status,old_number,new_number")
        assert len(result.out.splitlines()) == len(report["items"]) + 1


def test_standard_input_for_one_side(zl: Run, editions: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    class _Stdin:
        buffer = io.BytesIO(Path(editions[0]).read_text(encoding="utf-8").encode("gb18030"))

    monkeypatch.setattr(sys, "stdin", _Stdin())
    result = zl("diff", "-", editions[1])
    assert result.code == 1
    report = result.json()
    assert report["old"]["file"] == "<stdin>"
    assert report["summary"] == zl("diff", *editions).json()["summary"]


@pytest.mark.parametrize(("fmt", "suffix"), [("table", "report"), ("md", "md")])
def test_report_golden(
    zl: Run, editions: tuple[str, str], fmt: str, suffix: str, request: pytest.FixtureRequest
) -> None:
    result = zl("diff", *editions, "--format", fmt)
    assert result.code == 1
    path = GOLDEN_DIR / f"next_year.{suffix}"
    if request.config.getoption("--update-golden"):
        path.write_text(result.out, encoding="utf-8")
    assert result.out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["plan_headline_goal", "plan_section_text_target", "plan_closing_edited"])
def test_a_change_outside_the_items_exits_1_and_is_shown(
    zl: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, request: pytest.FixtureRequest
) -> None:
    """A headline goal, a target in a section's own text, a closing paragraph (issue 18)."""
    from .test_diff import plan_edition

    for side, text in zip(("old.txt", "new.txt"), plan_edition(name), strict=True):
        (tmp_path / side).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = zl("diff", "old.txt", "new.txt", "--format", "table")
    assert result.code == 1
    path = GOLDEN_DIR / f"{name}.report"
    if request.config.getoption("--update-golden"):
        path.write_text(result.out, encoding="utf-8")
    assert result.out == path.read_text(encoding="utf-8")


def test_report_in_a_terminal_has_colour_not_markers(zl: Run, editions: tuple[str, str]) -> None:
    out = zl("diff", *editions, tty=True).out
    assert "\x1b[" in out and "[-" not in out and "{+" not in out
    assert "10" in out and "12" in out and "→" in out


@pytest.mark.parametrize("width", [20, 40, 80])
def test_report_at_any_width(zl: Run, editions: tuple[str, str], monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    """Bug caught: at 20 columns the table of target changes stood one letter a line."""
    monkeypatch.setenv("COLUMNS", str(width))
    out = re.sub(r"\x1b\[[0-9;]*m", "", zl("diff", *editions, tty=True).out)
    assert max(map(display_width, out.splitlines())) <= render.console().width  # the width, or render's least
    flat = "".join(out.split())  # what wrapped onto the next line joined again
    assert "≥10项→≥12项" in flat and "raised" in flat


def test_markdown_escapes_the_plan_s_text(zl: Run, tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("一、总体要求\n（一）加强*质量*|监管。推进<工作>。（牵头单位：省A）\n", encoding="utf-8")
    new.write_text("一、总体要求\n（一）加强*质量*|监管。推进<工作>落实。（牵头单位：省A）\n", encoding="utf-8")
    out = zl("diff", str(old), str(new), "--format", "md").out
    assert "加强\\*质量\\*\\|监管" in out and "\\<工作\\><ins>落实</ins>" in out


def test_threshold_help_gives_the_default(zl: Run) -> None:
    from zhiliang_cli.diff import THRESHOLD

    assert f"default {THRESHOLD:g}" in " ".join(zl("diff", "--help").out.split())


# --- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "word"),
    [
        (["-", "-"], 2, "both standard input"),
        (["old.txt", "new.txt", "--only", "added,renamed"], 2, "'renamed'"),
        (["old.txt", "new.txt", "--threshold", "0"], 2, "out of range"),
        (["old.txt", "new.txt", "--threshold", "1.5"], 2, "out of range"),
        (["old.txt", "new.txt", "--threshold", "1.0000001"], 2, "--threshold 1.0000001 is out of range"),
        (["old.txt", "new.txt", "--threshold", "nan"], 2, "out of range"),
        (["old.txt", "new.txt", "--threshold", "high"], 2, "high"),
        (["old.txt", "new.txt", "--format", "xml"], 2, "unknown format"),
        (["old.txt"], 2, "Missing argument"),
        (["old.txt", "nope.txt"], 3, "no such file"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_input(zl: Run, editions: tuple[str, str], args: list[str], code: int, word: str) -> None:
    one_error_line(zl("diff", *args), code, word)


def test_not_a_plan(zl: Run, editions: tuple[str, str]) -> None:
    Path("notes.txt").write_text("这不是一份工作要点。\n", encoding="utf-8")
    one_error_line(zl("diff", "notes.txt", editions[1]), 3)
