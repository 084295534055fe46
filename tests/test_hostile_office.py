"""Hostile and unlucky workbooks and output paths (issue 19): each class of attack ends within
seconds and 1 GB with correct output or one ``Error:`` line naming the file, never a traceback, an
exit 70 or a hang.  Every input is made here; the runs that could blow up are made in a child
process under a memory limit and a timeout."""

from __future__ import annotations

import io
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from zhiliang_cli.cache import LoadedPlan, load_plan
from zhiliang_cli.files import RE_TEMPORARY
from zhiliang_cli.ledger import write_ledger

from .conftest import Result, one_error_line
from .workbooks import columns, fill, write_plan

Run = Callable[..., Result]
LIMIT = 1024**3  # bytes of address space the child may take
SECONDS = 10  # and how long it may run


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadedPlan, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    loaded = load_plan(str(write_plan(folder)))
    ledger = folder / "台账.xlsx"
    write_ledger(loaded, str(ledger))
    return loaded, ledger


def _bounded(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``zl ARGS`` in a child limited to 1 GB of address space, killed after 10 s."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "zhiliang_cli", *args],
        capture_output=True,
        text=True,
        timeout=SECONDS,
        preexec_fn=limit,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "120"},
    )


def _one_error(done: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    one_error_line(Result(done.returncode, done.stdout, done.stderr), code, *words)


def _copy(ledger: Path, folder: Path, name: str = "filled.xlsx") -> Path:
    out = folder / name
    shutil.copy(ledger, out)
    return out


def _rewrite(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one part of a workbook, the rest as it was."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            out.writestr(item.filename, change(content) if item.filename == member else content)


TARGETS_XML = "xl/worksheets/sheet2.xml"  # the 指标 sheet of a ledger zl wrote


# --- bombs --------------------------------------------------------------------------------


def test_xml_that_inflates_to_gigabytes_is_refused(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    loaded, ledger = small
    bomb = _copy(ledger, tmp_path, "bomb.xlsx")
    source = zipfile.ZipFile(ledger)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != TARGETS_XML:
                out.writestr(item.filename, source.read(item.filename))
        with out.open(TARGETS_XML, "w", force_zip64=True) as member:
            member.write(source.read(TARGETS_XML)[:-20])
            block = b" " * 2**20
            for _ in range(32):  # 32 MB of blanks that pack to 32 KB: a thousand times over (a GB is the same)
                member.write(block)
    assert bomb.stat().st_size < 2 * 2**20
    _one_error(_bounded("progress", str(bomb), "--file", loaded.path), 3, str(bomb))


def test_one_stray_cell_at_xfd1048576_is_read_within_bounds(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12})
    book = openpyxl.load_workbook(path)
    book["指标"]["XFD1048576"] = "stray"
    book["任务"]["XFD1048576"] = 7
    book.save(path)
    started = time.monotonic()
    done = _bounded("progress", str(path), "--file", loaded.path)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < SECONDS
    statuses = {t["id"]: t["status"] for t in json.loads(done.stdout)["targets"]}
    assert statuses["1-1"] == "met" and list(statuses.values()).count("unreported") == 9


def test_a_merge_over_a_million_cells_is_refused(small: tuple[LoadedPlan, Path], tmp_path: Path) -> None:
    loaded, ledger = small
    path = _copy(ledger, tmp_path)
    merge = b'<mergeCells count="1"><mergeCell ref="M2:XFD1048576"/></mergeCells>'
    _rewrite(path, TARGETS_XML, lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + merge, 1))
    _one_error(_bounded("progress", str(path), "--file", loaded.path), 3, str(path), "M2:XFD1048576", "unmerge")


def test_an_ods_row_repeated_a_million_times(tmp_path: Path, small: tuple[LoadedPlan, Path]) -> None:
    """LibreOffice writes a million empty rows as one repeated row: read as one; a repeated row
    that holds something is refused."""
    loaded, _ = small
    empty = _ods(tmp_path / "empty.ods", '<table:table-row table:number-rows-repeated="1048570"><table:table-cell/>'
                 "</table:table-row>")  # fmt: skip
    _one_error(_bounded("progress", str(empty), "--file", loaded.path), 3, "not a ledger")  # read, and found wanting
    full = _ods(
        tmp_path / "full.ods",
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>",
    )
    _one_error(_bounded("progress", str(full), "--file", loaded.path), 3, str(full), "repeated 1,048,570 times")


def _ods(path: Path, rows: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        f'<table:table table:name="任务">{rows}</table:table></office:spreadsheet></office:body>'
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        out.writestr("content.xml", content)
    return path


# --- values of the wrong kind ---------------------------------------------------------------


def test_the_same_header_twice_is_refused(small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run) -> None:
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-1": 12})
    book = openpyxl.load_workbook(path)
    ws = book["指标"]
    ws.cell(1, columns(ws)["完成说明"]).value = "完成值"  # two columns now say 完成值
    book.save(path)
    one_error_line(zl("progress", str(path), "--file", loaded.path), 3, str(path), "sheet 指标", "完成值 twice")


@pytest.mark.parametrize("typed", [1e300, "1e300", "1" * 5000, -1e300, "1E+400"])
def test_an_absurd_number_is_invalid_never_met(
    small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run, typed: object
) -> None:
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-4": typed, "1-1": 12})  # 1-4 counts in %
    result = zl("progress", str(path), "--file", loaded.path)
    assert result.code == 0
    target = next(t for t in result.json()["targets"] if t["id"] == "1-4")
    assert target["status"] == "invalid" and len(str(target["actual"])) <= 5000
    assert "M5" in result.err and "1-4" in result.err and len(result.err) < 6000  # the cell named


def test_a_stored_number_of_5000_digits_is_refused_with_its_cell(
    small: tuple[LoadedPlan, Path], tmp_path: Path
) -> None:
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path), targets={"1-4": 7})
    _rewrite(
        path, TARGETS_XML, lambda xml: re.sub(rb'(<c r="M5"[^>]*>)<v>7</v>', rb"\1<v>" + b"9" * 5000 + b"</v>", xml)
    )
    done = _bounded("progress", str(path), "--file", loaded.path)
    _one_error(done, 3, str(path), "cell M5", "over 40 digits")


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_file_that_is_not_regular_is_refused_at_once(tmp_path: Path, special: str) -> None:
    path = special
    if special == "fifo":
        path = str(tmp_path / "ledger.xlsx")
        os.mkfifo(path)
    started = time.monotonic()
    _one_error(_bounded("progress", path), 3, path, "not a regular file")
    assert time.monotonic() - started < SECONDS


def test_a_wps_et_file_is_refused_with_how_to_save_it(tmp_path: Path, zl: Run) -> None:
    path = tmp_path / "台账.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    one_error_line(zl("progress", str(path)), 3, str(path), "WPS", "save it as .xlsx")


# --- output paths ------------------------------------------------------------------------


def test_force_onto_a_symlink_writes_where_it_points(small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run) -> None:
    """Every file zl writes: the link stays a link, its target is replaced whole."""
    loaded, ledger = small
    for args, name in (
        (("ledger", "--file", loaded.path), "台账.xlsx"),
        (("progress", str(ledger), "--file", loaded.path), "汇总.xlsx"),
        (("export", "--file", loaded.path, "--format", "json"), "plan.json"),
    ):
        target = tmp_path / f"real-{name}"
        target.write_bytes(b"old")
        link = tmp_path / name
        link.symlink_to(target.name)
        assert zl(*args, "-o", str(link)).code == 5  # exists: only with --force
        result = zl(*args, "-o", str(link), "--force")
        assert result.code == 0, result.err
        assert link.is_symlink() and os.readlink(link) == target.name
        assert target.read_bytes() != b"old" and target.stat().st_size > 100
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_split_into_a_symlinked_folder_writes_the_folder_it_points_to(tmp_path: Path, small: tuple[LoadedPlan, Path]):
    loaded, _ = small
    real = tmp_path / "real"
    write_ledger(loaded, str(real), "lead")
    (tmp_path / "分表").symlink_to("real")
    write_ledger(loaded, str(tmp_path / "分表"), "lead", force=True)
    assert (tmp_path / "分表").is_symlink() and len(list(real.iterdir())) == 4


HOSTILE_UNITS = """一、总则
（一）甲。（牵头单位：省\u202e局甲）
（二）乙。（牵头单位：省\u200b局甲）
（三）丙。（牵头单位：省局\x1b[2J甲）
（四）丁。（牵头单位：省厅:局*甲）
（五）戊。（牵头单位：{long}）
"""


def test_split_file_names_from_hostile_unit_names(tmp_path: Path, zl: Run) -> None:
    plan = write_plan(tmp_path, HOSTILE_UNITS.format(long="省" * 300 + "局"))
    result = zl("ledger", "--file", str(plan), "--split-by", "lead", "-o", str(tmp_path / "分表"))
    assert result.code == 0, result.err
    names = sorted(p.name for p in (tmp_path / "分表").iterdir())
    assert all(not re.search(r"[\x00-\x1f\u200b\u202e/\\]", n) and len(n.encode()) <= 210 for n in names), names
    assert len(names) == len(set(names)) >= 4  # 省局甲 three ways: never one over another
    assert {"省局甲.xlsx", "省局甲-2.xlsx", "省局[2J甲.xlsx", "省厅_局_甲.xlsx", "省" * 66 + ".xlsx"} == set(names)
    assert "\x1b" not in result.out and "\u202e" not in result.out


def test_what_a_workbook_says_is_made_printable(small: tuple[LoadedPlan, Path], tmp_path: Path, zl: Run) -> None:
    """An escape sequence in a file name or a cell cannot clear the screen or forge a line."""
    loaded, ledger = small
    path = fill(_copy(ledger, tmp_path, "a\x1b[2Jb.xlsx"), targets={"1-1": "12\u2028\nWarning: forged"})
    fill(path, tasks={1: {"完成状态": "完成\u202e了"}})
    result = zl("progress", str(path), "--file", loaded.path, tty=True)
    assert result.code == 0
    assert "\x1b[2J" not in result.err and "\u202e" not in result.err and "\u2028" not in result.err
    assert "a\\x1b[2Jb.xlsx" in result.err and "\\u202e" in result.err
    assert len(result.err.splitlines()) == 2 and all(line.startswith("Warning: ") for line in result.err.splitlines())


# --- interruption ------------------------------------------------------------------------

UNITS = 24
MANY_UNITS = "一、总则\n" + "".join(f"（{n}）做好第{n}项工作。（牵头单位：第{n}单位）\n" for n in range(1, UNITS + 1))


def _start_split(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    plan = write_plan(tmp_path, MANY_UNITS)
    out = tmp_path / "分表"
    child = subprocess.Popen(
        [sys.executable, "-m", "zhiliang_cli", "ledger", "--file", str(plan), "--split-by", "lead", "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return child, out


def _wait_for_temporary(child: subprocess.Popen[bytes], folder: Path) -> bool:
    """Wait until the child is writing its temporary folder (True), or has ended (False)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if any(RE_TEMPORARY.match(p.name) for p in folder.iterdir()):
            return True
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "kill -9"])
def test_an_interrupted_split_leaves_no_half_folder(tmp_path: Path, sig: signal.Signals, zl: Run) -> None:
    child, out = _start_split(tmp_path)
    if not _wait_for_temporary(child, tmp_path):
        pytest.fail(f"the run ended before it wrote its temporary folder: {child.communicate()[1]!r}")
    child.send_signal(sig)
    child.wait(timeout=SECONDS)
    left = [p.name for p in tmp_path.iterdir() if RE_TEMPORARY.match(p.name)]
    if sig == signal.SIGTERM:
        assert child.returncode == 128 + signal.SIGTERM and left == []  # cleaned up on the way out
    else:
        assert left  # nothing could clean up after kill -9 …
    assert not out.exists() or len(list(out.iterdir())) == UNITS  # never half a set
    # … the next run does (in-process: only the run that is interrupted needs a process of its own)
    done = zl("ledger", "--file", str(tmp_path / "plan.txt"), "--split-by", "lead", "-o", str(out), "--force")
    assert done.code == 0, done.err
    assert [p.name for p in tmp_path.iterdir() if RE_TEMPORARY.match(p.name)] == []
    assert len(list(out.iterdir())) == UNITS
