"""The workbooks as an office uses them, checked with LibreOffice (issue 21): the ledger and the
summary printed to PDF and read back from the PDF's own text layer (A4 landscape, body text of 10
pt or more, the title and 第 N 页 共 M 页 on every page, no text cut off, the chart drawn), and a
filled ledger read the same as .xlsx, as .ods and after a LibreOffice round trip.

LibreOffice runs three times in all, each time on several files, with a profile of its own (other
instances may run beside it); the module's tests run in one xdist worker (tests/conftest.py), so
that it runs three times per session, and each PDF is laid out by pdfminer once.  Skipped, saying so, where ``soffice``
is not installed; `.ci/run` installs it."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from zhiliang_cli.cache import load_plan
from zhiliang_cli.ledger import write_ledger
from zhiliang_cli.progress import judge_ledgers, write_summary

from .workbooks import fill

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: .ci/run installs it")

A4_LANDSCAPE = (842, 595)  # points
TITLE = "2023年福建省质量强省工作要点"
RE_PAGE = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页")


def _convert(files: list[Path], to: str, out: Path, profile: Path) -> list[Path]:
    """``files`` converted by LibreOffice in one run; the paths it wrote."""
    out.mkdir(exist_ok=True)
    subprocess.run(
        [SOFFICE or "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(out), *map(str, files)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    written = [out / f"{f.stem}.{to.split(':')[0]}" for f in files]
    assert all(p.exists() for p in written), (to, list(out.iterdir()))
    return written


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled plan's ledger and a filled one's summary, as PDF; a filled small ledger as
    .ods and back as .xlsx."""
    folder = tmp_path_factory.mktemp("print")
    profile = folder / "profile"
    bundled = load_plan(None)
    ledger = folder / "台账.xlsx"
    write_ledger(bundled, str(ledger))
    filled = fill(
        folder / "台账.xlsx",
        targets={"1-1": "12", "1-2": 1.5, "24-1": 0.95, "30-2": "4.8万", "55-6": 120, "55-1": "100余家", "55-2": "—"},
        tasks={1: {"完成状态": "已完成", "进展情况": "按计划推进"}, 30: {"完成状态": "推进中"}},
        percent=frozenset({"24-1"}),
        out=folder / "filled.xlsx",
    )
    summary = folder / "汇总.xlsx"
    write_summary(judge_ledgers([str(filled)], bundled).data, str(summary))
    pdfs = _convert([ledger, summary], "pdf", folder / "pdf", profile)
    (ods,) = _convert([filled], "ods", folder / "ods", profile)
    (back,) = _convert([ods], "xlsx:Calc MS Excel 2007 XML", folder / "back", profile)
    return {"ledger": ledger, "ledger.pdf": pdfs[0], "summary": summary, "summary.pdf": pdfs[1],
            "filled": filled, "ods": ods, "back": back}  # fmt: skip


@functools.cache
def _layout(pdf: Path) -> list[Any]:
    """The pages of ``pdf`` as pdfminer lays them out (``extract_pages``), read once."""
    from pdfminer.high_level import extract_pages

    return list(extract_pages(str(pdf)))


def _text(pdf: Path) -> str:
    """The text of ``pdf`` as pdfminer's ``extract_text`` gives it: its own TextConverter, fed
    the pages laid out once (with the same default layout parameters)."""
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFResourceManager

    out = io.StringIO()
    converter = TextConverter(PDFResourceManager(), out, laparams=LAParams())
    for page in _layout(pdf):
        converter.receive_layout(page)
    return out.getvalue()


def _pages(pdf: Path) -> list[tuple[float, float, float, str]]:
    """Each page: its width, height, smallest character size, and text."""
    from pdfminer.layout import LTChar, LTTextContainer

    pages = []
    for page in _layout(pdf):
        sizes: list[float] = []
        stack: list[object] = [page]
        while stack:
            node = stack.pop()
            if isinstance(node, LTChar) and node.get_text().strip():
                sizes.append(node.size)
            elif hasattr(node, "__iter__"):
                stack.extend(node)  # type: ignore[arg-type]
        text = "".join(o.get_text() for o in page if isinstance(o, LTTextContainer))
        pages.append((page.width, page.height, min(sizes, default=99.0), text))
    return pages


@pytest.mark.parametrize("name", ["ledger.pdf", "summary.pdf"])
def test_every_page_is_a4_landscape_readable_titled_and_numbered(made: dict[str, Path], name: str) -> None:
    pages = _pages(made[name])
    assert len(pages) > 3
    for number, (width, height, smallest, text) in enumerate(pages, 1):
        assert (round(width), round(height)) == A4_LANDSCAPE, number
        chart = name == "summary.pdf" and number == len(pages)  # the chart's labels are the chart's
        assert chart or smallest >= 10, (number, smallest)  # the body at 五号, not shrunk to fit
        assert TITLE in text, number
        assert RE_PAGE.findall(text) == [(str(number), str(len(pages)))], number


def test_no_text_of_the_plan_is_cut_off(made: dict[str, Path], zl) -> None:
    """Every row is as tall as its text: the first and last words of every task are printed."""
    printed = re.sub(r"\s+", "", _text(made["ledger.pdf"]))
    for item in zl("items").json():
        text = re.sub(r"\s+", "", item["text"])
        assert text[:12] in printed and text[-12:] in printed, item["number"]


def test_every_table_cell_has_borders(made: dict[str, Path]) -> None:
    for name in ("ledger", "summary"):
        book = openpyxl.load_workbook(made[name])
        for ws in book.worksheets:
            if ws._charts:  # the chart's sheet has no table
                continue
            for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
                for cell in row:
                    sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
                    assert all(side.style == "thin" for side in sides), f"{name} {ws.title}!{cell.coordinate}"


def test_the_page_setup(made: dict[str, Path]) -> None:
    for ws in openpyxl.load_workbook(made["ledger"]).worksheets:
        assert ws.oddHeader.center.text == TITLE and ws.oddFooter.center.text == "第 &P 页 共 &N 页"
        assert ws.print_title_rows == "$1:$1" and int(ws.page_setup.scale) == 100
        body = ws.cell(2, 1).font
        assert body.name == "宋体" and body.sz >= 10.5 and body.charset == 134  # 宋体, with GB2312 for a fallback


def test_the_summary_opens_with_its_chart(made: dict[str, Path]) -> None:
    text = _pages(made["summary.pdf"])[-1][3]  # the chart sheet, printed last
    assert "各牵头单位指标完成情况" in text
    assert all(word in text for word in ("达标", "未达标", "未填报", "无效", "省工商联"))


def test_progress_reads_xlsx_ods_and_a_libreoffice_round_trip_the_same(made: dict[str, Path]) -> None:
    loaded = load_plan(None)
    results = []
    for name in ("filled", "ods", "back"):
        data = judge_ledgers([str(made[name])], loaded).data
        results.append(
            (
                [(t["id"], t["status"], t["actual"], t["bound"]) for t in data["targets"]],
                [(i["item"], i["state"], i["progress"]) for i in data["items"]],
            )
        )
    assert results[0] == results[1] == results[2]
    statuses = {t: s for t, s, *_ in results[0][0]}
    assert (statuses["1-1"], statuses["24-1"], statuses["30-2"], statuses["55-6"]) == ("met", "met", "unmet", "met")
    assert statuses["55-2"] == "unreported"
