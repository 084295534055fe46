"""Hostile documents, second round (issue 19): for each class of attack, inputs of our own
making (tests/hostile.py makes them, cheaply), each run through ``zl`` in a child process
whose address space is limited to 1 GB.  Each must end with the plan's text or with one
``Error:`` line naming the file (exit 3; for ``zl diff``, exit 1 or 3), never a traceback,
never exit 70 (an internal error, which a MemoryError past the limit would be), never a
hang.  One interpreter runs a whole class, so the suite pays its start-up a few times only.
The first round's cases (issue 9) are in test_hardening.py and test_cli.py."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import hostile as h
from .conftest import ROOT

MEMORY = 1 << 30  # bytes of address space each class of cases runs in
HANG = 300  # seconds after which a class is a hang: a guard, not a measure (bench/ measures)


@dataclass(frozen=True)
class Case:
    """A file made by ``make`` and named ``name``, and what ``zl`` must do with it: exit
    ``code``, saying ``words`` in its one error line, or printing ``lines`` of the plan."""

    make: Callable[[], bytes]
    code: int = 3
    words: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()


PLAN = h.PLAN_LINES
LAUGHS = "".join(f'<!ENTITY lol{k} "{f"&lol{k - 1};" * 10}">' if k else '<!ENTITY lol0 "lol">' for k in range(10))
DOCX_HEAD = h.document_xml("")[: -len("</w:body></w:document>")]
DOCX_TAIL = b"</w:body></w:document>"


def _docx_bomb(size: int | None = None) -> bytes:
    """A .docx whose body is 8 × 50,000 copies of 258 bytes of empty paragraphs (100 MB) in
    100 KB, declaring ``size`` (its true size when None)."""
    copies = 8 * 50_000
    bomb = h.deflate_repeat(b"<w:p/>", copies, head=DOCX_HEAD, tail=DOCX_TAIL)
    true = len(DOCX_HEAD) + 6 + 258 * copies + len(DOCX_TAIL)
    document = h.Member("word/document.xml", b"", deflated=bomb, size=true if size is None else size)
    return h.zip_file([h.Member("[Content_Types].xml", h.CONTENT_TYPES), document])


def _numbered(numbering: bytes, ilvl: str = "0") -> bytes:
    return h.docx(h.document_xml(h.numbered_paragraph("总体要求", ilvl) + h.PLAN_BODY), numbering=numbering)


BOMBS = {
    "docx-part-inflating-1000-times": Case(_docx_bomb, words=("word/document.xml", "200×")),
    "docx-part-declaring-a-gigabyte": Case(lambda: _docx_bomb(2**30), words=("over 256 MB",)),
    "docx-part-lying-about-its-size": Case(lambda: _docx_bomb(1000), words=("word/document.xml", "damaged")),
    "docx-of-20000-parts": Case(
        lambda: h.docx(extra=[h.Member(f"x/{k}", b"") for k in range(20_000)]), words=("20,002 parts",)
    ),
    "docx-billion-laughs": Case(
        lambda: h.docx(h.document_xml(h.paragraph("&lol9;") + h.PLAN_BODY, f"<!DOCTYPE d [{LAUGHS}]>")),
        words=("document type",),
    ),
    "docx-external-entity": Case(
        lambda: h.docx(h.document_xml(h.paragraph("&x;"), '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')),
        words=("document type",),
    ),
    "docx-of-a-million-tags": Case(lambda: h.docx(h.document_xml("<w:p/>" * 1_000_001)), words=("1,000,000 tags",)),
    "pdf-stream-inflating-to-2-gb": Case(
        lambda: h.plan_pdf(h.stream(h.zlib_repeat(b" ", 8 * 1_000_000), b"/Filter /FlateDecode")),
        words=("inflates to over 64 MB", "page 1"),
    ),
    "pdf-stream-inflated-twice": Case(
        lambda: h.plan_pdf(
            h.stream(zlib.compress(h.zlib_repeat(b" ", 8 * 500_000)), b"/Filter [/FlateDecode /FlateDecode]")
        ),
        words=("inflates to over 64 MB",),
    ),
    "pdf-of-1500-pages": Case(lambda: h.many_pages_pdf(1500), words=("over 1,000 pages",)),
    "pdf-listing-600000-objects": Case(lambda: h.listed_objects_pdf(600_000), words=("500,000 objects",)),
    "pdf-page-of-105000-tokens": Case(
        lambda: h.plan_pdf(h.stream(b"0 0 m\n" * 35_000)), words=("100,000 operators", "page 1")
    ),
    "html-table-of-a-billion-cells": Case(
        lambda: h.page(h.PLAN_HTML + "<table>" + ("<tr>" + '<td colspan="100">x</td>' * 1100) * 10 + "</table>"),
        words=("1,000,000 cells",),
    ),
}

LOOPS = {
    "pdf-xref-pointing-at-itself": Case(lambda: h.plan_pdf(prev=-1), code=0, lines=PLAN),
    "pdf-xref-chain-looping": Case(h.looping_xref_pdf, code=0, lines=PLAN),
    "pdf-page-tree-holding-itself": Case(lambda: h.plan_pdf(kids=b"[2 0 R 3 0 R]"), code=0, lines=PLAN),
    "pdf-page-tree-2000-deep": Case(lambda: h.deep_page_tree_pdf(2000), code=0, lines=PLAN),
    "pdf-reference-loop": Case(
        lambda: h.plan_pdf(contents=b"7 0 R", more=[b"8 0 R", b"7 0 R"]), words=("reference", "loop")
    ),
    "pdf-arrays-nested-20000-deep": Case(
        lambda: h.plan_pdf(h.stream(b"[" * 20_000 + b"]" * 20_000 + b"\n" + h.text_content(PLAN))),
        code=0,
        lines=PLAN,
    ),
    "html-nested-20000-deep": Case(lambda: h.page("<div>" * 20_000 + h.PLAN_HTML), code=0, lines=PLAN),
    "html-tables-nested-2000-deep": Case(
        lambda: h.page("<table><tr><td>" * 2_000 + h.PLAN_HTML), code=0, lines=(" ".join(PLAN),)
    ),
    "docx-nested-100000-deep": Case(
        lambda: h.docx(h.document_xml("<w:p>" + "<w:hyperlink>" * 100_000 + "</w:hyperlink>" * 100_000 + "</w:p>")),
        words=("word/document.xml", "over 256 deep"),
    ),
    "docx-tables-nested-100-deep": Case(
        lambda: h.docx(h.document_xml(h.nested_tables(100) + h.PLAN_BODY)), words=("over 256 deep",)
    ),
    "docx-numbering-level-999999999": Case(
        lambda: _numbered(h.numbering_xml(h.level(ilvl="999999999")), "999999999"), words=("w:ilvl", "'999999999'")
    ),
    "docx-numbering-text-endless": Case(
        lambda: _numbered(h.numbering_xml(h.level(text="%1" * 100_000))), words=("w:lvlText", "200,000 characters")
    ),
    "docx-numbering-counting-to-two-billion-in-letters": Case(
        lambda: _numbered(h.numbering_xml(h.level(start="2000000000", fmt="upperLetter"))),
        code=0,
        lines=("2000000000、\t总体要求", *PLAN),
    ),
    "docx-style-based-on-itself": Case(
        lambda: h.docx(
            h.document_xml('<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>说明</w:t></w:r></w:p>' + h.PLAN_BODY),
            styles=h.styles_xml(h.style("A", "B") + h.style("B", "A")),
        ),
        code=0,
        lines=PLAN,
    ),
}

CHARSETS = ("rot13", "base64", "zlib", "hex", "uu", "bz2", "utf-7", "unicode_escape", "x-user-defined")
VALUES = {
    "docx-gridSpan-of-text": Case(
        lambda: h.docx(h.document_xml(h.PLAN_BODY + h.table([["a", "b"]], span="abc"))),
        words=("w:gridSpan in table 1", "'abc'"),
    ),
    "docx-gridSpan-of-a-million-digits": Case(
        lambda: h.docx(h.document_xml(h.PLAN_BODY + h.table([["a", "b"]], span="9" * 1_000_000))),
        words=("w:gridSpan", "1,000,000 characters"),
    ),
    "docx-gridBefore-of-a-billion": Case(
        lambda: h.docx(
            h.document_xml(
                h.PLAN_BODY
                + '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1000000000"/></w:trPr><w:tc>'
                + h.paragraph("a")
                + "</w:tc></w:tr></w:tbl>"
            )
        ),
        words=("w:gridBefore in table 1", "1000000000"),
    ),
    "docx-start-of-a-million-digits": Case(
        lambda: _numbered(h.numbering_xml(h.level(start="9" * 1_000_000))), words=("w:start", "w:abstractNum")
    ),
    "docx-sym-of-no-character": Case(
        lambda: h.docx(h.document_xml('<w:p><w:r><w:sym w:char="FFFFFFFFFFFFFFFFFFFF"/></w:r></w:p>' + h.PLAN_BODY)),
        words=("w:sym in paragraph 1",),
    ),
    "html-colspan-of-a-million-digits": Case(
        lambda: h.page(h.PLAN_HTML + '<table><tr><td colspan="' + "9" * 1_000_000 + '">x</td></tr></table>'),
        code=0,
        lines=PLAN,
    ),
    "html-meta-saying-utf-16": Case(lambda: h.page(h.PLAN_HTML, charset="utf-16"), code=0, lines=PLAN),
    **{
        f"html-charset-{name}": Case(lambda name=name: h.page(h.PLAN_HTML, charset=name), words=("charset", name))
        for name in CHARSETS
    },
    "pdf-count-of-10000-digits": Case(
        lambda: h.plan_pdf().replace(b"/Count 1", b"/Count " + b"9" * 10_000), words=("damaged PDF",)
    ),
}

CLASSES = {"bombs": BOMBS, "loops-and-nesting": LOOPS, "values-of-the-wrong-type": VALUES}
SUFFIX = {b"%PDF": ".pdf", b"PK\x03\x04": ".docx"}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_limited(commands: list[list[str]], cache: Path) -> list[dict[str, object]]:
    """Each command run by one ``zl`` interpreter (tests/hostile.py's driver) in a child
    process limited to :data:`MEMORY`; the results in order."""
    env = {**os.environ, "ZL_CACHE_DIR": str(cache), "COLUMNS": "120", "OPENBLAS_NUM_THREADS": "1"}
    child = subprocess.run(
        [sys.executable, "-c", "from tests.hostile import drive; drive()"],
        input="".join(json.dumps(command) + "\n" for command in commands),
        capture_output=True,
        text=True,
        timeout=HANG,
        cwd=ROOT,
        env=env,
        preexec_fn=_limit_memory,
    )
    results = [json.loads(line) for line in child.stdout.splitlines()]
    assert len(results) == len(commands), f"the child died (exit {child.returncode}): {child.stderr[-2000:]}"
    return results


def _failures(name: str, case: Case, path: Path, result: dict[str, object]) -> list[str]:
    code, out, err = result["code"], str(result["out"]), str(result["err"])
    said = f"{name}: exit {code} in {result['seconds']} s, {err.strip()[:300] or out[:300]!r}"
    if code != case.code or "Traceback" in err:
        return [said]
    if case.code == 0:
        return [said] if not all(line in out.splitlines() for line in case.lines) else []
    lines = err.splitlines()
    good = len(lines) == 1 and lines[0].startswith("Error: ") and out == ""
    return [] if good and all(word in lines[0] for word in (path.name, *case.words)) else [said]


@pytest.mark.parametrize("kind", list(CLASSES))
def test_each_hostile_document_ends_in_its_text_or_one_line(kind: str, tmp_path: Path) -> None:
    cases = CLASSES[kind]
    paths = []
    for name, case in cases.items():
        data = case.make()
        path = tmp_path / f"{name}{next((s for m, s in SUFFIX.items() if data.startswith(m)), '.html')}"
        path.write_bytes(data)
        paths.append(path)
    commands = [
        ["text", "--file", str(path)] if case.code == 0 else ["items", "--file", str(path), "--format", "json"]
        for path, case in zip(paths, cases.values(), strict=True)
    ]
    results = run_limited(commands, tmp_path / "cache")
    failures = [
        failure
        for (name, case), path, result in zip(cases.items(), paths, results, strict=True)
        for failure in _failures(name, case, path, result)
    ]
    assert not failures, "\n".join(failures)


def test_streams_are_bounded_in_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages whose streams each inflate within the bound of one stream but past the bound
    of the document (the bounds made small here: the mechanism is what is tested)."""
    from zhiliang_cli import limits
    from zhiliang_cli.errors import InputError
    from zhiliang_cli.readers import pdf
    from zhiliang_cli.source import RawSource

    monkeypatch.setattr(limits, "MAX_PDF_STREAM", 2**20)
    monkeypatch.setattr(limits, "MAX_PDF_DECODED", 3 * 2**20)
    data = h.inflating_pages_pdf(5, 8 * 400)  # 825,600 bytes a page
    with pytest.raises(InputError, match=r"over 3 MB in all \(page 4\)"):
        pdf.read_pdf(RawSource("five.pdf", data, ""))


def test_a_stream_over_its_bound_is_refused_whatever_its_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    from zhiliang_cli import limits
    from zhiliang_cli.readers import pdfbounds

    monkeypatch.setattr(limits, "MAX_PDF_STREAM", 1000)
    pdfbounds.reset()
    try:
        assert pdfbounds.inflate(zlib.compress(b"x" * 1000)) == b"x" * 1000
        assert pdfbounds.inflate(zlib.compress(b"x" * 1000)[:-4] + b"XXXX") == b"x" * 1000  # a wrong checksum
        assert pdfbounds.inflate(b"not zlib") == b""
        for decode, data in (
            (pdfbounds.inflate, zlib.compress(b"x" * 1001)),
            (pdfbounds.run_length, bytes([129, ord("x")]) * 8),  # 8 runs of 128
        ):
            with pytest.raises(pdfbounds.PDFBound, match="over 0 MB"):
                decode(data)
    finally:
        pdfbounds.finish()  # bug caught: left counting, it bounded pdfminer for the worker's later tests


# --- zl diff ---------------------------------------------------------------------------------


def _items(count: int, body: str = "", extra: str = "") -> str:
    """A plan of ``count`` items alike on purpose: the same words but for their numbers."""
    lines = [
        f"（{k}）开展第{k}项质量提升行动。{body}完成年度任务{k % 9 + 1}项{extra}。（牵头单位：省市场监管局）"
        for k in range(1, count + 1)
    ]
    return "一、总体要求\n" + "\n".join(lines) + "\n"


DIFFS = {
    # name: (OLD, NEW, exit code, words in the error line or in the summary)
    "old-is-not-a-plan": ("你好\n", _items(3), 3, ("OLD", "old.txt", "no section headings")),
    "new-is-not-a-plan": (_items(3), "", 3, ("NEW", "new.txt", "empty")),
    "huge-near-identical-plans": (
        _items(400, "推进企业质量提升工作" * 100),
        _items(400, "推进企业质量提升工作" * 100, "以上"),
        3,
        ("too large to compare", "400 and 400 items"),
    ),
    "one-huge-item-edited": (
        _items(1, "推进企业质量提升工作" * 40_000),
        _items(1, "推进企业质量提升工作" * 40_000, "以上"),
        3,
        ("too large to compare",),
    ),
    "400-items-alike-on-purpose": (_items(400), _items(400, extra="以上"), 1, ("0 same, 400 changed",)),
}


def test_diff_stays_bounded_and_names_the_file(tmp_path: Path) -> None:
    commands = []
    for name, (old, new, _, _) in DIFFS.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "old.txt").write_text(old, encoding="utf-8")
        (folder / "new.txt").write_text(new, encoding="utf-8")
        commands.append(["diff", str(folder / "old.txt"), str(folder / "new.txt"), "--format", "table"])
    failures = []
    for (name, (_, _, code, words)), result in zip(DIFFS.items(), run_limited(commands, tmp_path), strict=True):
        err, out = str(result["err"]), str(result["out"])
        said = f"{name}: exit {result['code']} in {result['seconds']} s, {err[:300] or out[:300]!r}"
        shown = err if code == 3 else out
        one_line = code != 3 or (len(err.splitlines()) == 1 and err.startswith("Error: "))
        if result["code"] != code or "Traceback" in err or not one_line or not all(w in shown for w in words):
            failures.append(said)
    assert not failures, "\n".join(failures)
