"""Every command: --help, normal output in a pipe and in a terminal, and bad input
(exit code, one-line message, no traceback)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from zhiliang_cli.cli import app

from .conftest import FIXTURES, ROOT, Result, one_error_line

Run = Callable[..., Result]
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_every_command_is_listed() -> None:
    expected = ["check", "export", "items", "leads", "meta", "schema", "search", "sections", "show", "targets"]
    expected += ["ledger", "progress", "diff", "text", "serve"]
    assert sorted(expected) == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_help(zl: Run, command: str) -> None:
    result = zl(command, "--help")
    assert result.code == 0
    assert "Usage:" in result.out


def test_top_level_help_lists_every_command(zl: Run) -> None:
    result = zl("--help")
    assert result.code == 0
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\s+\S", result.out, re.M), command


def test_version(zl: Run) -> None:
    from zhiliang_cli import __version__

    assert zl("--version").out == f"zl {__version__}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"zl {command}" in readme


# --- normal output ------------------------------------------------------------------


def test_items_json_in_a_pipe(zl: Run) -> None:
    items = zl("items").json()
    assert [i["number"] for i in items] == list(range(1, 73))
    assert set(items[0]) == {
        "number", "numeral", "section", "group", "title", "text", "lead_units", "cooperating_units",
        "lead_span", "notes", "deadline", "span", "line", "targets",
    }  # fmt: skip


def test_items_filters(zl: Run) -> None:
    assert len(zl("items", "--lead", "省市场监管局").json()) == 30
    assert len(zl("items", "--lead", "市场监管").json()) == 30
    both = zl("items", "--lead", "省林业局", "--lead", "省水利厅").json()
    assert [i["number"] for i in both] == [2, 26, 39, 42, 44]
    assert [i["number"] for i in zl("items", "--section", "二").json()] == [15, 16, 17, 18]
    assert zl("items", "--section", "2").json() == zl("items", "--section", "二").json()
    with_targets = zl("items", "--has-targets").json()
    assert [i["number"] for i in with_targets] == [1, 18, 24, 30, 38, 43, 46, 55, 56, 57]
    combined = zl("items", "--section", "八", "--lead", "市场监管", "--has-targets").json()
    assert [i["number"] for i in combined] == [56, 57]


def test_items_by_cooperating_unit(zl: Run) -> None:
    path = str(FIXTURES / "three_level.txt")
    assert [i["number"] for i in zl("items", "--file", path, "--cooperating", "科技").json()] == [4]
    assert zl("items", "--cooperating", "省财政厅").json() == []


def test_sections_json(zl: Run) -> None:
    rows = zl("sections", "--format", "json").json()
    assert [(r["number"], r["numeral"], r["item_count"]) for r in rows] == [
        (1, "一", 14), (2, "二", 4), (3, "三", 5), (4, "四", 3),
        (5, "五", 9), (6, "六", 7), (7, "七", 11), (8, "八", 19),
    ]  # fmt: skip
    assert sum(r["target_count"] for r in rows) == 34


@pytest.mark.parametrize("ref", ["17", "十七", "(十七)", "（十七）", "１７"])
def test_show_accepts_every_form(zl: Run, ref: str) -> None:
    item = zl("show", ref).json()
    assert item["number"] == 17 and item["title"] == "提升工业产品质量安全监管效能"


def test_leads(zl: Run) -> None:
    rows = zl("leads").json()
    assert rows[0] == {"name": "省市场监管局", "item_count": 30, "items": rows[0]["items"]}
    counts = [r["item_count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == 72


def test_search_literal_and_regex(zl: Run) -> None:
    hits = zl("search", "追溯").json()
    assert [h["number"] for h in hits] == [1, 2, 3, 4, 11]  # one row per item
    assert all(m["text"] == "追溯" for h in hits for m in h["matches"])
    assert [h["match_count"] for h in hits] == [len(h["matches"]) for h in hits]
    regex_hits = zl("search", "--regex", r"\d+万批次").json()
    assert [m["text"] for h in regex_hits for m in h["matches"]] == ["50万批次", "6万批次", "500万批次"]


def test_search_spans_point_into_the_source(zl: Run, plan_text: str) -> None:
    for hit in zl("search", "标准").json():
        for match in hit["matches"]:
            assert plan_text[match["span"][0] : match["span"][1]] == "标准"
        for start, end in hit["snippet_spans"]:
            assert hit["snippet"][start:end] == "标准"


def test_targets_filters(zl: Run) -> None:
    assert len(zl("targets").json()) == 34
    first = zl("targets", "--section", "一").json()
    assert [t["number_text"] for t in first] == ["10", "2%", "50万", "6万", "500万"]
    assert all(t["lead_units"] == ["省农业农村厅"] for t in first)
    assert len(zl("targets", "--item", "五十五").json()) == 15
    assert [t["item"] for t in zl("targets", "--unit", "%").json()] == [1, 24]
    assert len(zl("targets", "--lead", "工商联", "--unit", "家").json()) == 9


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "csv"])
def test_every_listing_format(zl: Run, fmt: str) -> None:
    result = zl("items", "--lead", "省林业局", "--format", fmt)
    assert result.code == 0
    assert "省林业局" in result.out and "\\u" not in result.out
    if fmt == "jsonl":
        assert len(result.out.splitlines()) == 3
    if fmt == "yaml":
        assert len(yaml.safe_load(result.out)) == 3
    if fmt == "csv":
        assert result.out.splitlines()[0].startswith("number,numeral,section,group,title")


def test_export_json_and_yaml(zl: Run) -> None:
    plan = zl("export").json()
    assert plan["doc_number"] == "闽质强省办〔2023〕2号"
    assert yaml.safe_load(zl("export", "--format", "yaml").out) == plan


def test_export_to_file_refuses_to_overwrite(zl: Run, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    assert zl("export", "-o", str(out)).code == 0
    first = out.read_text(encoding="utf-8")
    refused = zl("export", "-o", str(out), "--format", "yaml")
    assert refused.code == 5 and "--force" in refused.err
    assert out.read_text(encoding="utf-8") == first
    assert zl("export", "-o", str(out), "--format", "yaml", "--force").code == 0
    assert out.read_text(encoding="utf-8").startswith("title:")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_meta(zl: Run) -> None:
    meta = zl("meta").json()
    assert meta["encoding"] == "utf-8" and len(meta["sha256"]) == 64
    assert meta["date"] == "2023-03-14" and meta["items"] == 72 and meta["targets"] == 34


def test_schema_is_json_schema(zl: Run) -> None:
    schema = zl("schema").json()
    assert schema["title"] == "Plan" and "Item" in schema["$defs"]


def test_check_clean_plan(zl: Run) -> None:
    result = zl("check")
    assert result.code == 0 and result.json() == {"ok": True, "problems": []}


# --- terminal output ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["sections"], ["items"], ["show", "十七"], ["leads"], ["search", "追溯"], ["targets"], ["meta"], ["check"]],
    ids=lambda a: a[0],
)
def test_tables_in_a_terminal(zl: Run, args: list[str]) -> None:
    result = zl(*args, tty=True)
    assert result.code == 0
    assert result.out and not result.out.lstrip().startswith(("[", "{"))


def test_leads_table_has_bars(zl: Run) -> None:
    out = zl("leads", tty=True).out
    assert "█" * 20 in out and "█" * 21 not in out


COLOUR = re.compile(r"\x1b\[(?:[0-9]*;)*(?:3[0-9]|9[0-7])(?:;[0-9]*)*m")


def test_no_colour_in_a_pipe_or_with_no_color(zl: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in zl("items", "--format", "table").out
    assert COLOUR.search(zl("search", "追溯", tty=True).out)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not COLOUR.search(zl("search", "追溯", tty=True).out)


def test_show_highlights_targets_in_a_terminal(zl: Run) -> None:
    out = zl("show", "1", tty=True).out
    assert "\x1b[1;33m50万\x1b[0m" in out


# --- bad input ------------------------------------------------------------------------


def test_missing_file(zl: Run, tmp_path: Path) -> None:
    one_error_line(zl("items", "--file", str(tmp_path / "nope.txt")), 3, "no such file")


def test_directory(zl: Run, tmp_path: Path) -> None:
    one_error_line(zl("items", "--file", str(tmp_path)), 3, "is a directory")


def test_empty_file(zl: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    one_error_line(zl("sections", "--file", str(empty)), 3, "is empty")


def test_binary_file(zl: Run, tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    one_error_line(zl("sections", "--file", str(binary)), 3, "binary")


def test_pdf(zl: Run, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x93\x8c\x8b\x9e binary")
    one_error_line(zl("sections", "--file", str(pdf)), 3, "PDF", "cut off")


def test_not_a_plan(zl: Run, tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text("这是一段普通的文字，没有任何章节标题。\n", encoding="utf-8")
    one_error_line(zl("items", "--file", str(prose)), 3, "no section headings")


def test_undecodable(zl: Run, tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("一、总则\n".encode() + b"\xff\xfe\xfa\x81\x30")
    one_error_line(zl("items", "--file", str(latin)), 3, "neither UTF-8 nor GB18030")


@pytest.mark.parametrize(
    ("args", "code", "word"),
    [
        (["show", "99"], 4, "no item 99"),
        (["show", "九十九"], 4, "no item 九十九"),
        (["show", "abc"], 2, "not a number"),
        (["items", "--section", "九"], 4, "no section 九"),
        (["targets", "--section", "0"], 4, "no section 0"),
        (["items", "--format", "xml"], 2, "unknown format"),
        (["export", "--format", "csv"], 2, "unknown format"),
        (["search", "--regex", "(unclosed"], 2, "invalid regular expression"),
        (["search", ""], 2, "empty"),
        (["items", "--no-such-option"], 2, "No such option"),
        (["frobnicate"], 2, "No such command"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_usage_errors(zl: Run, args: list[str], code: int, word: str) -> None:
    one_error_line(zl(*args), code, word)


def test_catastrophic_regex_times_out(zl: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zhiliang_cli import query

    monkeypatch.setattr(query, "REGEX_TIMEOUT", 0.2)
    plan = tmp_path / "plan.txt"
    plan.write_text("一、总则\n（一）" + "a" * 40 + "!。（牵头单位：省厅）\n", encoding="utf-8")
    one_error_line(zl("search", "--regex", "(a|aa)+$", "--file", str(plan)), 2, "took over")


def test_markup_in_the_document_is_literal(zl: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("一、总则\n（一）[bold red]加强[/] \x1b[31m监管。（牵头单位：省厅）\n", encoding="utf-8")
    out = zl("show", "1", "--file", str(plan), tty=True).out
    assert "[bold red]加强[/]" in out and "\\x1b[31m" in out and "\x1b[31m监" not in out


def test_debug_shows_the_traceback(zl: Run, tmp_path: Path) -> None:
    from zhiliang_cli import cli
    from zhiliang_cli.errors import InputError

    with pytest.raises(InputError):
        cli.run(["--debug", "items", "--file", str(tmp_path / "nope.txt")])


def test_json_output_is_valid_for_every_listing(zl: Run) -> None:
    for command in (["sections"], ["items"], ["leads"], ["targets"], ["search", "质量"], ["meta"], ["check"]):
        json.loads(zl(*command).out)


def test_csv_defuses_formulas(zl: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text('一、总则\n（一）=HYPERLINK("x")。做好工作。（牵头单位：@省厅）\n', encoding="utf-8")
    out = zl("items", "--file", str(plan), "--format", "csv").out
    row = out.splitlines()[1]
    assert ",'=HYPERLINK" in row.replace('"', "") and "'@省厅" in row


@pytest.mark.parametrize(
    "line",
    [
        "（" * 200_000,
        "a(" * 150_000,
        "“" * 200_000,
        "1" * 300_000,
        "（牵头" * 100_000,
        "一二三四五" * 60_000,
        # each of these took minutes before its scan was bounded (a clause or a note read from
        # each number or unit to its end), at twice the size of the last three; that cost grew with
        # the square of the size, so at these sizes it is still a quarter of minutes, a hung suite,
        # where the bounded scans take a second (the targets they make are most of it)
        "（牵头单位：" + "省局、" * 20_000 + "）",
        "1个" * 10_000,
        "翻一番" * 5_000,
        "2023年6月底前完成1个。" * 2_500,
    ],
    ids=["open-brackets", "unbalanced", "quotes", "digits", "cues", "numerals", "units", "counts", "doubled", "dated"],
)
def test_pathological_lines_parse_quickly(zl: Run, tmp_path: Path, line: str) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(f"一、总则\n（一）{line}\n", encoding="utf-8")
    result = zl("items", "--file", str(plan))
    assert result.code == 0 and len(result.json()) == 1


def test_no_arguments_shows_help(zl: Run) -> None:
    result = zl()
    assert result.code == 0 and "Commands:" in result.out and result.err == ""


def test_utf16_with_bom_is_read(zl: Run, tmp_path: Path, plan_text: str) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(plan_text.encode("utf-16"))
    assert zl("meta", "--file", str(path)).json()["encoding"] == "utf-16"
    assert len(zl("items", "--file", str(path)).json()) == 72


def test_utf16_without_bom_says_so(zl: Run, tmp_path: Path) -> None:
    path = tmp_path / "utf16le.txt"
    path.write_bytes("一、总则\n（一）做好工作。\n".encode("utf-16-le"))
    one_error_line(zl("items", "--file", str(path)), 3, "NUL bytes", "UTF-16")


def test_other_encoding_is_not_a_plan(zl: Run, tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes("一、總則\n（一）做好工作。（牽頭單位：省廳）\n".encode("big5"))
    one_error_line(zl("items", "--file", str(path)), 3, "encoding")


def test_plan_from_standard_input(zl: Run, plan_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    class _Stdin:
        buffer = io.BytesIO(plan_text.encode("gb18030"))

    monkeypatch.setattr(sys, "stdin", _Stdin())
    meta = zl("meta", "--file", "-").json()
    assert meta["file"] == "<stdin>" and meta["encoding"] == "gb18030" and meta["items"] == 72
