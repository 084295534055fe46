"""Plans as published: a .docx, a PDF and a saved web page (UTF-8, GB2312 and UTF-16) made from
a plan's text must give the same plan as the text; what cannot be read ends in one line.

The sources are the bundled plan and two State Council documents of the corpus
(tests/published/, copied from shared/corpus/gov); the documents are made by
tests/documents.py.  Spans and line numbers refer to the extracted text (``zl text``),
so records are compared without them, and the spans are checked against that text.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhiliang_cli import cache, readers
from zhiliang_cli.errors import InputError
from zhiliang_cli.readers.tables import render_table
from zhiliang_cli.source import BUNDLED_PLAN, RawSource

from . import documents
from .conftest import Result

PUBLISHED = Path(__file__).parent / "published"
#: Lines of the bundled plan that are the web page it was copied from, not its text.
PAGE_COPY = ("栏目", "分享到", "附件下载")
PAGE_DATE = "2023-07-17"
POSITIONS = {"span", "line", "lead_span", "number_span", "text_span", "preamble_span", "closing_span", "body_span"}


def _sources() -> dict[str, str]:
    texts = {"plan_2023": BUNDLED_PLAN.read_text(encoding="utf-8")}
    texts.update({p.stem: p.read_text(encoding="utf-8") for p in sorted(PUBLISHED.glob("*.txt"))})
    return texts


SOURCES = _sources()


def _title_lines(text: str) -> int:
    """How many lines the notice's title takes: up to the line with its 文号 or 通知/意见."""
    lines = text.splitlines()
    for n, line in enumerate(lines[:3], 1):
        if line.rstrip().endswith(("通知", "意见", "办法", "方案", "要点")):
            return n
    return 1


def _web_page(text: str, charset: str) -> bytes:
    """The plan as its issuer's page shows it: the title as the heading, the body below."""
    lines = [line for line in text.splitlines() if not line.startswith(PAGE_COPY)]
    count = _title_lines(text)
    return documents.make_html("".join(lines[:count]), "\n".join(lines[count:]), charset, PAGE_DATE)


MAKERS: dict[str, Callable[[str], bytes]] = {
    "docx": documents.make_docx,
    "pdf": documents.make_pdf,
    "html-utf8": lambda text: _web_page(text, "utf-8"),
    "html-gb2312": lambda text: _web_page(text, "gb2312"),
    "html-utf16": lambda text: _web_page(text, "utf-16"),  # Notepad's "Unicode", with its BOM
}
CASES = [(source, kind) for source in SOURCES for kind in MAKERS]


@pytest.fixture(scope="session")
def made(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """The document of one source in one format, made once per session."""
    folder = tmp_path_factory.mktemp("published")
    files: dict[tuple[str, str], Path] = {}

    def make(source: str, kind: str) -> Path:
        if (source, kind) not in files:
            path = folder / f"{source}.{kind.split('-')[0]}"
            path = path.with_name(f"{source}-{kind}{path.suffix}")
            path.write_bytes(MAKERS[kind](SOURCES[source]))
            files[source, kind] = path
        return files[source, kind]

    return make


_PARAGRAPH_BREAK = re.compile(r"[ \t\u3000]*\n\s*")


def _without_positions(value: Any, joined: bool = False) -> Any:
    """Records without spans and line numbers, text of several paragraphs without the blank lines
    and indents between them (a format sets its paragraphs apart in its own way); with ``joined``,
    text without line breaks."""
    if isinstance(value, dict):
        return {k: _without_positions(v, joined) for k, v in value.items() if k not in POSITIONS}
    if isinstance(value, list):
        return [_without_positions(v, joined) for v in value]
    if isinstance(value, str) and "\n" in value:
        value = _PARAGRAPH_BREAK.sub("\n", value)
    if joined and isinstance(value, str):
        return value.replace("\n", "")
    return value


def _expected(source: str, kind: str) -> dict[str, Any]:
    plan = cache.load_plan(str(PUBLISHED / f"{source}.txt") if source != "plan_2023" else None).plan
    expected = _without_positions(dict(plan))
    if kind.startswith("html"):
        expected["published"] = PAGE_DATE  # the page states it; a copy of the text may not
    return expected


@pytest.mark.parametrize(("source", "kind"), CASES, ids=[f"{s}-{k}" for s, k in CASES])
def test_document_gives_the_plan_of_its_text(source: str, kind: str, made: Callable[[str, str], Path]) -> None:
    """A PDF does not say where a paragraph ends when its last line is full and the next
    one starts at the margin: such lines are joined (in gov_004's indicator list, where
    lines are not indented), so a PDF's texts are compared without their line breaks."""
    loaded = cache.load_plan(str(made(source, kind)))
    joined = kind == "pdf"
    assert _without_positions(dict(loaded.plan), joined) == _without_positions(_expected(source, kind), joined)
    assert loaded.origin is not None and loaded.origin["format"] == kind.split("-")[0]


@pytest.mark.parametrize(("source", "kind"), CASES, ids=[f"{s}-{k}" for s, k in CASES])
def test_spans_point_into_the_text_zl_text_prints(source: str, kind: str, made: Callable[[str, str], Path], zl) -> None:
    path = made(source, kind)
    printed = zl("text", "--file", str(path)).out
    plan = cache.load_plan(str(path)).plan
    for section in plan["sections"]:
        assert section["title"] in printed[slice(*section["span"])]
        for item in section["items"]:
            assert printed[slice(*item["span"])] == item["text"]
            for target in item["targets"]:
                assert printed[slice(*target["span"])] == target["text"]
                assert printed[slice(*target["number_span"])] == target["number_text"]


def test_html_page_keeps_the_article_and_drops_the_site(made: Callable[[str, str], Path]) -> None:
    text, _, encoding = cache.load_text(str(made("gov_034", "html-gb2312")))
    assert encoding == "gb18030"
    lines = text.splitlines()
    assert lines[:2] == ["国务院办公厅关于加快发展体育竞赛表演产业的指导意见", f"发布时间：{PAGE_DATE}"]
    assert lines[2] == "国办发〔2018〕121号"
    for furniture in (
        "首页",
        "当前位置",
        "分享到",
        "微信",
        "相关文章",
        "ICP",
        "统计代码",
        "document.write",
        "下载",
        "浏览",
    ):
        assert furniture not in text, furniture


def test_pdf_drops_running_headers_and_page_numbers(made: Callable[[str, str], Path]) -> None:
    path = made("plan_2023", "pdf")
    text, _, _ = cache.load_text(str(path))
    assert documents.RUNNING_HEADER not in text
    assert "— 2 —" not in text and "— 1 —" not in text
    pages = len(re.findall(rb"/Type /Page(?!s)", path.read_bytes()))
    assert cache.load_plan(str(path)).origin == {
        "format": "pdf",
        "extractor": "pdfminer.six",
        "extractor_version": readers.library_version("pdfminer.six"),
        "pages": pages,
        "paragraphs": None,
    }


def _wrapped_between(head: str, sentence: str, cut: str) -> str:
    """``head`` and ``sentence`` with padding between them such that the page wraps the
    paragraph right after ``cut``: found by trying paddings (the layout of
    tests/documents.py decides, not a guess)."""
    for letters in range(4):
        for pad in range(40):
            paragraph = head + "x" * letters + "推" * pad + sentence
            ends = list(accumulate(len(line) for line in documents.wrap(paragraph, indent=True, break_words=True)))
            if len(paragraph) - len(sentence) + sentence.index(cut) + len(cut) in ends[:-1]:
                return paragraph
    raise AssertionError("no padding wraps the sentence there")


@pytest.mark.parametrize(
    ("sentence", "cut", "value", "unit"),
    [
        ("全省快检主要农产品样品50万批次。", "5", 500000, "批次"),  # the known gap of tests/test_targets.py
        ("新增公办义务教育学校学位5万个。", "5万", 50000, "个"),
        ("培育省级标准化试点项目120个。", "12", 120, "个"),
        ("推动赋码出证500万批次以上。", "500万批", 5000000, "批次"),
    ],
    ids=["digits", "multiplier", "three-digits", "unit"],
)
def test_pdf_joins_a_number_or_unit_cut_by_the_line_end(tmp_path: Path, sentence: str, cut: str, value: int, unit: str):
    paragraph = _wrapped_between("（一）做好质量工作。", sentence, cut)
    text = f"关于印发某某工作要点的通知\n一、总体要求\n  {paragraph}（牵头单位：省市场监管局）\n"
    path = tmp_path / "plan.pdf"
    path.write_bytes(documents.make_pdf(text, break_words=True))
    extracted, _, _ = cache.load_text(str(path))
    assert paragraph in extracted
    (item,) = cache.load_plan(str(path)).plan["sections"][0]["items"]
    assert [(t["value"], t["unit"]) for t in item["targets"]] == [(value, unit)]
    assert item["lead_units"] == ["省市场监管局"]


# ---------------------------------------------------------------- task tables

TASKS = [
    ["序号", "工作任务", "牵头单位", "配合单位"],
    ["一、提升产品质量", "一、提升产品质量", "一、提升产品质量", "一、提升产品质量"],
    ["1", "制定农业地方标准10项以上。", "省农业农村厅", "省市场监管局\n省林业局"],
    ["2", "开展质量提升行动，培育企业50家。", "省工信厅", ""],
    ["3", "推进检验检测机构整合", "省市场监管局", "省发改委、省财政厅"],
]
TASK_LINES = [
    "序号\t工作任务\t牵头单位\t配合单位",
    "一、提升产品质量",
    "1. 制定农业地方标准10项以上。（牵头单位：省农业农村厅；配合单位：省市场监管局、省林业局）",
    "2. 开展质量提升行动，培育企业50家。（牵头单位：省工信厅）",
    "3. 推进检验检测机构整合（牵头单位：省市场监管局；配合单位：省发改委、省财政厅）",
]
NOTICE = "关于印发某某县质量工作任务分工的通知\n各乡镇人民政府：\n  现将任务分工印发给你们。\n"


def test_task_table_rows_become_lines_with_their_notes() -> None:
    assert render_table(TASKS) == TASK_LINES


def test_task_table_in_a_docx_gives_one_item_per_row(tmp_path: Path) -> None:
    path = tmp_path / "tasks.docx"
    path.write_bytes(documents.make_docx(NOTICE, TASKS))
    text, _, _ = cache.load_text(str(path))
    assert text.splitlines()[-len(TASK_LINES) :] == TASK_LINES
    items = [i for s in cache.load_plan(str(path)).plan["sections"] for i in s["items"]]
    assert [(i["numeral"], i["lead_units"], i["cooperating_units"]) for i in items] == [
        ("1", ["省农业农村厅"], ["省市场监管局", "省林业局"]),
        ("2", ["省工信厅"], []),
        ("3", ["省市场监管局"], ["省发改委", "省财政厅"]),
    ]
    assert [(t["value"], t["unit"]) for i in items for t in i["targets"]] == [(10, "项"), (50, "家")]


DEADLINE_TASKS = [
    ["序号", "重点任务", "责任单位", "配合部门", "完成时限"],
    ["1", "建成质量基础设施一站式服务站5个", "县市场监管局", "县工信局", "2023年12月底前"],
    ["2", "开展计量惠民活动", "县市场监管局", "", "持续推进"],
]


def test_a_deadline_column_goes_into_the_note_under_its_own_header() -> None:
    assert render_table(DEADLINE_TASKS)[1:] == [
        "1. 建成质量基础设施一站式服务站5个（责任单位：县市场监管局；配合部门：县工信局；完成时限：2023年12月底前）",
        "2. 开展计量惠民活动（责任单位：县市场监管局；完成时限：持续推进）",
    ]


def test_task_table_row_gives_its_deadline(tmp_path: Path) -> None:
    path = tmp_path / "tasks.docx"
    path.write_bytes(documents.make_docx(NOTICE + "一、重点任务\n", DEADLINE_TASKS))
    items = [i for s in cache.load_plan(str(path)).plan["sections"] for i in s["items"]]
    assert [(i["lead_units"], i["cooperating_units"], (i["deadline"] or {}).get("text")) for i in items] == [
        (["县市场监管局"], ["县工信局"], "2023年12月底前"),
        (["县市场监管局"], [], "持续推进"),
    ]


@pytest.mark.parametrize(
    ("rows", "lines"),
    [
        ([["指标", "2022年", "2023年"], ["合格率", "95%", "96%"]], ["指标\t2022年\t2023年", "合格率\t95%\t96%"]),
        ([["序号", "工作任务", "牵头单位"], ["", "推进标准化", "省市场监管局"]], None),
        ([["编号", "主要措施", "备注", "牵头部门"], ["（一）", "加强计量", "新增", "省市场监管局"]], None),
    ],
    ids=["not-a-task-table", "no-number-in-the-row", "other-column"],
)
def test_table_rendering(rows: list[list[str]], lines: list[str] | None) -> None:
    expected = {
        "no-number-in-the-row": ["序号\t工作任务\t牵头单位", "1. 推进标准化（牵头单位：省市场监管局）"],
        "other-column": ["编号\t主要措施\t备注\t牵头部门", "（一） 加强计量；备注：新增（牵头部门：省市场监管局）"],
    }
    assert render_table(rows) == (lines or expected["no-number-in-the-row" if len(rows[0]) == 3 else "other-column"])


OTHER_HEADERS = [
    ["No.", "工作内容", "牵头领导", "主办单位", "协作单位", "任务完成时间"],
    ["1", "开展质量提升行动，培育企业100家。", "张三", "省市场监管局", "省工信厅", "2024年6月底前"],
    ["2", "制定地方标准10项。", "李四", "省标准院", "省住建厅\n省商务厅", "2024年底前"],
]


def test_a_task_table_is_known_by_any_header_the_parser_reads(tmp_path: Path) -> None:
    """Headers in other words than 牵头单位/配合单位 (bug caught: a 主办单位 table was read as plain
    rows, No. was taken for text, and a 牵头领导 column — a person — for the lead unit)."""
    path = tmp_path / "tasks.docx"
    path.write_bytes(documents.make_docx(NOTICE + "一、重点任务\n", OTHER_HEADERS))
    items = [i for s in cache.load_plan(str(path)).plan["sections"] for i in s["items"]]
    assert [(i["numeral"], i["title"], i["lead_units"], i["cooperating_units"]) for i in items] == [
        ("1", "开展质量提升行动，培育企业100家", ["省市场监管局"], ["省工信厅"]),
        ("2", "制定地方标准10项", ["省标准院"], ["省住建厅", "省商务厅"]),
    ]
    assert "牵头领导：张三" in items[0]["text"] and "任务完成时间：2024年6月底前" in items[0]["text"]


def test_every_cell_of_a_task_table_is_kept_whole() -> None:
    text = "\n".join(render_table(TASKS))
    for row in TASKS:
        for cell in row:
            for part in cell.split("\n"):
                assert part in text


# ---------------------------------------------------------------- Word's own parts


def test_docx_reads_word_numbering_and_leaves_out_headers_and_footers(tmp_path: Path) -> None:
    path = tmp_path / "numbered.docx"
    path.write_bytes(documents.make_numbered_docx())
    text, _, _ = cache.load_text(str(path))
    assert text.splitlines() == documents.NUMBERED_LINES
    assert documents.RUNNING_HEADER not in text


def test_docx_keeps_tracked_insertions_and_content_controls(tmp_path: Path) -> None:
    path = tmp_path / "tracked.docx"
    path.write_bytes(documents.make_tracked_docx())
    text, _, _ = cache.load_text(str(path))
    assert text.splitlines()[-2:] == ["（三）推进计量工作。", "（四）控件中的段落。"]
    assert "删去的字" not in text


# ---------------------------------------------------------------- what cannot be read


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _broken_xml(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            body = source.read(info)
            archive.writestr(info, body[: len(body) // 2] if info.filename == "word/document.xml" else body)
    return out.getvalue()


def _zip_of(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, "<x/>")
    return out.getvalue()


BAD = {
    "scanned.pdf": (lambda: documents.make_scanned_pdf(), "is a scanned PDF", "zl does no OCR"),
    "unmapped.pdf": (lambda: documents.make_unmapped_pdf(), "text layer cannot be read", "9 of 9 characters"),
    "truncated.pdf": (
        lambda: _truncated(documents.make_pdf("一、总则\n（一）工作。\n")),
        "cut off",
        "download it again",
    ),
    "damaged.pdf": (lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF\n", "damaged PDF", "download it again"),
    "corrupt.docx": (lambda: _truncated(documents.make_docx("一、总则\n")), "damaged ZIP or Word", "fresh copy"),
    "broken-xml.docx": (lambda: _broken_xml(documents.make_docx("一、总则\n")), "damaged Word document", "again"),
    "old.doc": (lambda: readers.OLE_MAGIC + b"\x00" * 512 + "WordDocument".encode("utf-16-le"), ".doc", "soffice"),
    "plan.wps": (lambda: readers.OLE_MAGIC + b"\x00" * 600, "WPS", "soffice --headless --convert-to docx"),
    "plan.xlsx": (lambda: _zip_of("xl/workbook.xml"), "a spreadsheet", "soffice"),
    "plans.zip": (lambda: _zip_of("plan.txt"), "a ZIP archive", "unzip it"),
    "plan.rtf": (lambda: b"{\\rtf1\\ansi plan}", "RTF", "soffice"),
    "empty.html": (lambda: b"<html><body><script>x()</script></body></html>", "no article text", "save the page"),
    "lying.html": (
        lambda: '<meta charset="utf-8"><p>质量\udcff</p>'.encode("utf-8", "surrogateescape"),
        "not valid",
        "UTF-8",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_what_cannot_be_read_ends_in_one_line(name: str, tmp_path: Path, zl: Callable[..., Result]) -> None:
    make, *words = BAD[name]
    path = tmp_path / name
    path.write_bytes(make())
    result = zl("items", "--file", str(path))
    assert result.code == 3
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith(f"Error: {path}")
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err


def test_pdfminer_says_nothing_on_stderr_of_its_own(tmp_path: Path) -> None:
    """pdfminer logs warnings about broken fonts; the user sees zl's one line only (a process
    of its own: pytest's log capture would hide the warning in-process)."""
    path = tmp_path / "unmapped.pdf"
    path.write_bytes(documents.make_unmapped_pdf())
    env = {**os.environ, "ZL_NO_CACHE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "zhiliang_cli", "text", "--file", str(path)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {path}")


def test_pdf_without_pdfminer_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zl) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(documents.make_pdf("一、总则\n（一）工作。\n"))
    monkeypatch.setattr(readers, "library_version", lambda name: None)
    result = zl("text", "--file", str(path))
    assert result.code == 3
    assert result.err == f"Error: {path} is a PDF; reading PDFs needs pdfminer.six: pip install pdfminer.six\n"


# ---------------------------------------------------------------- detection from content


def test_a_txt_that_is_really_html_is_read_as_html(tmp_path: Path, made: Callable[[str, str], Path]) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(made("gov_034", "html-utf8").read_bytes())
    loaded = cache.load_plan(str(path))
    assert loaded.origin is not None and loaded.origin["format"] == "html"
    assert _without_positions(dict(loaded.plan)) == _expected("gov_034", "html-utf8")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\x00\x00%PDF-1.4\n", "pdf"),
        (_zip_of("word/document.xml"), "zip"),
        (readers.OLE_MAGIC, "ole"),
        (b"  <!DOCTYPE HTML PUBLIC>", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("<一>、总则".encode(), "text"),
        ("一、总则 <p>".encode(), "text"),
        ("<html><p>质量强省</p></html>".encode("utf-16"), "html"),  # a page saved as UTF-16, with its BOM
        ("\ufeff<!DOCTYPE html><p>质量</p>".encode("utf-16-be"), "html"),
        ("一、总则".encode("utf-16"), "text"),
        ("<html>".encode("utf-32"), "text"),  # UTF-32: read as text, never as UTF-16
    ],
)
def test_sniff(data: bytes, kind: str) -> None:
    assert readers.sniff(data) == kind


@pytest.mark.parametrize(
    ("page", "encoding"),
    [
        ('<html><meta charset="GB2312"><p>质量强省</p></html>'.encode("gb18030"), "gb18030"),
        ('<html><meta http-equiv="Content-Type" content="text/html; charset=gbk"><p>质量</p>'.encode("gbk"), "gb18030"),
        ('<html><meta charset="gb2312"><p>质量强省</p></html>'.encode(), "utf-8"),  # declared GB2312, is UTF-8
        ('<html><meta charset="utf-8"><p>质量强省</p></html>'.encode("gb18030"), "gb18030"),  # declared UTF-8, is not
        (b"\xef\xbb\xbf" + "<html><p>质量强省</p></html>".encode(), "utf-8-sig"),
        ("<html><p>质量强省</p></html>".encode("utf-16"), "utf-16"),
    ],
    ids=["meta-charset", "http-equiv", "gb2312-but-utf8", "utf8-but-gb", "bom", "utf16-bom"],
)
def test_html_charset(page: bytes, encoding: str) -> None:
    from zhiliang_cli.readers.html import decode_page, read_html

    assert decode_page(RawSource("p", page, ""))[1] == encoding
    assert "质量" in read_html(RawSource("p", page, "")).text


PRE_LINES = ["一、总则", "（一）工作。", "（二）任务。"]


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("<p>一、总则<br>（一）工作。<br/>（二）任务。</p>", ["一、总则", "（一）工作。", "（二）任务。"]),
        ("<p>一、总则<p>（一）工作。<div>（二）任务。</div>", ["一、总则", "（一）工作。", "（二）任务。"]),
        ("<p>一、  总\n 则</p><p>&nbsp;</p><p>（一）&lt;工作&gt;。</p>", ["一、 总 则", "（一）<工作>。"]),
        ("<p>一、总则</p><div class='bdshare'>分享</div><p style='display:none'>隐藏</p>", ["一、总则"]),
        # a page saved from a plain-text file (LibreOffice, some sites) holds it in <pre>
        ("<pre><font><span>一、总则</span></font>\r\n<span>（一）工作。</span>\n（二）任务。</pre>", PRE_LINES),
        ("<div style='white-space: pre'>一、总则\n（一）工作。\n（二）任务。</div>", PRE_LINES),
    ],
    ids=["br", "unclosed-p", "spaces-and-entities", "hidden-and-share", "pre", "white-space-pre"],
)
def test_html_lines(body: str, lines: list[str]) -> None:
    from zhiliang_cli.readers.html import lines_of, parse_page

    assert lines_of(parse_page(f"<html><body><div id='zoom'>{body}</div></body></html>")) == lines


def test_a_page_that_is_one_pre_keeps_its_lines() -> None:
    """The article found is the <pre> itself: its line breaks still count."""
    from zhiliang_cli.readers.html import article_lines, parse_page

    page = "<html><body><pre class='western'>" + "\n".join(f"<font>{line}</font>" for line in PRE_LINES) + "</pre>"
    assert article_lines(parse_page(page + "</body></html>")) == PRE_LINES


# ---------------------------------------------------------------- the cache


def test_a_document_is_extracted_once(made: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    path = made("gov_004", "pdf")
    calls = []
    extract = readers.extract
    monkeypatch.setattr(readers, "extract", lambda raw: calls.append(raw.path) or extract(raw))
    source = RawSource(str(path), path.read_bytes(), "")
    text = readers.extract(source).text
    calls.clear()
    assert cache.load_text(str(path))[0] == text  # made in an earlier test, or extracted now
    first = len(calls)
    for _ in range(2):
        assert cache.load_plan(str(path)).text == text
        assert cache.load_text(str(path))[0] == text
    assert len(calls) == first <= 1


def test_a_new_extractor_version_extracts_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(documents.make_pdf("一、总则\n（一）工作。（牵头单位：省厅）\n"))
    cache.load_plan(str(path))
    calls = []
    extract = readers.extract
    monkeypatch.setattr(readers, "extract", lambda raw: calls.append(1) or extract(raw))
    cache.load_plan(str(path))
    assert calls == []
    monkeypatch.setattr(readers, "library_version", lambda name: "0.0.0")
    assert cache.load_plan(str(path)).origin["extractor_version"] == "0.0.0"  # type: ignore[index]
    assert calls == [1]


def test_a_plain_text_entry_keeps_its_old_shape(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(BUNDLED_PLAN.read_bytes())
    loaded = cache.load_plan(str(path))
    assert (loaded.origin, loaded.text) == (None, None)
    assert cache.load_plan(str(path)) == loaded


# ---------------------------------------------------------------- the command line


def test_zl_text_prints_the_plain_text_as_it_is(tmp_path: Path, zl) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("一、总则\r\n  （一）工作。\r\n".encode("gb18030"))
    assert zl("text", "--file", str(path)).out == "一、总则\r\n  （一）工作。\r\n"


def test_zl_meta_gives_format_extractor_and_pages(made: Callable[[str, str], Path], zl) -> None:
    pdf = zl("meta", "--file", str(made("gov_034", "pdf")), "--format", "json").json()
    docx = zl("meta", "--file", str(made("gov_034", "docx")), "--format", "json").json()
    page = zl("meta", "--file", str(made("gov_034", "html-gb2312")), "--format", "json").json()
    text = zl("meta", "--format", "json").json()
    keys = ("format", "encoding", "extractor", "pages", "paragraphs")
    assert [tuple(d[k] for k in keys) for d in (pdf, docx, page, text)] == [  # type: ignore[index]
        ("pdf", None, "pdfminer.six", pdf["pages"], None),  # type: ignore[index]
        ("docx", None, "zl docx reader", None, len(SOURCES["gov_034"].splitlines())),
        ("html", "gb18030", "zl html reader", None, page["paragraphs"]),  # type: ignore[index]
        ("text", "utf-8", None, None, None),
    ]
    assert pdf["pages"] >= 2 and page["paragraphs"] > 10  # type: ignore[index,operator]


def test_reading_errors_are_input_errors() -> None:
    with pytest.raises(InputError, match="scanned"):
        readers.extract(RawSource("scan.pdf", documents.make_scanned_pdf(), ""))


def test_task_table_in_a_web_page_with_merged_cells() -> None:
    from zhiliang_cli.readers.html import read_html

    rows = (
        "<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>"
        "<tr><td colspan='4'>一、提升产品质量</td></tr>"
        "<tr><td>1</td><td>制定地方标准<br>10项以上</td><td rowspan='2'>省市场监管局</td><td>年底前</td></tr>"
        "<tr><td>2</td><td>培育企业50家</td><td>持续推进</td></tr>"
    )
    page = f"<html><body><h1>关于印发任务分工的通知</h1><div id='zoom'><table>{rows}</table></div></body></html>"
    assert read_html(RawSource("p", page.encode(), "")).text.splitlines() == [
        "关于印发任务分工的通知",
        "序号\t工作任务\t牵头单位\t完成时限",
        "一、提升产品质量",
        "1. 制定地方标准；10项以上（牵头单位：省市场监管局；完成时限：年底前）",
        "2. 培育企业50家（牵头单位：省市场监管局；完成时限：持续推进）",
    ]


def test_a_pdf_printed_by_libreoffice_gives_the_plan_of_its_text() -> None:
    """Embedded subset TrueType fonts with ToUnicode maps, quotation marks from another
    font, Unicode line breaking and paragraph spacing: a PDF as many issuers make them
    (tests/published/make_libreoffice_pdf.py made it)."""
    loaded = cache.load_plan(str(PUBLISHED / "gov_034-libreoffice.pdf"))
    assert _without_positions(dict(loaded.plan)) == _without_positions(_expected("gov_034", "pdf"))


# ---------------------------------------------------------------- properties

CELL = st.text(alphabet="质量标准省市局厅委一二三四五六七八九十123，。、", min_size=0, max_size=12)


@given(
    st.lists(st.tuples(CELL, CELL, CELL, CELL), min_size=1, max_size=6),
    st.sampled_from([("序号", "工作任务", "牵头单位", "配合单位"), ("编号", "主要措施", "责任部门", "完成时限")]),
)
def test_no_cell_text_is_lost_from_a_table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> None:
    text = "\n".join(render_table([header, *rows]))
    for row in [header, *rows]:
        for cell in row:
            assert cell.strip() in text


@given(st.lists(st.text(alphabet="质量标准一二三（）、。：；abc 12", min_size=1, max_size=20), min_size=1, max_size=8))
def test_html_paragraphs_come_back_as_lines(paragraphs: list[str]) -> None:
    from html import escape

    from zhiliang_cli.readers.html import lines_of, parse_page

    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    expected = [" ".join(p.split()) for p in paragraphs if p.strip()]
    assert lines_of(parse_page(f"<div id='zoom'>{body}</div>")) == expected
