"""Issue 19, databases and folders: a database that is not what it claims is refused in one line
(exit 3 when it is read; a build over a damaged one does not call its plans unchanged), a query
whose bytes are not UTF-8 is refused before SQL, and a folder given to `zl db build` yields its
regular files only: a FIFO, a device or a socket inside it is skipped in one line, never read."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from zhiliang_cli import db

from .conftest import FIXTURES, Result, one_error_line

Run = Callable[..., Result]
PAGE = 4096


@pytest.fixture
def built(zl: Run, tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("province_2024.txt", "three_level.txt", "guangdong_style.txt"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    out = tmp_path / "plans.db"
    assert zl("db", "build", str(folder), "-o", str(out), "--jobs", "1").code == 0
    return out


def _zero_page(path: Path, page: int) -> None:
    with open(path, "r+b") as file:
        file.seek(page * PAGE)
        file.write(bytes(PAGE))


def _pages(path: Path) -> int:
    return path.stat().st_size // PAGE


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_zeroed_page_is_refused_in_one_line(zl: Run, built: Path, where: str) -> None:
    page = {"first": 0, "middle": _pages(built) // 2, "last": _pages(built) - 1}[where]
    """A query reads some pages: one it needs that is damaged refuses it in one line (page 1
    always is); a build and zl serve check every page."""
    expected = zl("items", "--db", str(built), "--format", "json").out
    _zero_page(built, page)
    for args in (["items", "--db", str(built)], ["db", "stats", str(built)], ["search", "--db", str(built), "质量"]):
        result = zl(*args, "--format", "json")
        if result.code == 0:  # the pages it read were whole: its answer is whole too
            assert where != "first" and (args[0] != "items" or result.out == expected)
            continue
        one_error_line(result, 3, str(built))
        assert "damaged" in result.err or "not a SQLite database" in result.err
    pytest.importorskip("datasette")
    one_error_line(zl("serve", "--db", str(built)), 3, str(built))


def test_a_build_over_a_damaged_database_does_not_call_its_plans_unchanged(zl: Run, built: Path) -> None:
    _zero_page(built, _pages(built) // 2)
    again = zl("db", "build", str(built.parent / "plans"), "-o", str(built))
    one_error_line(again, 3, "is damaged", "build it again")
    assert "unchanged" not in again.out


def test_a_sqlite_file_of_another_program_is_refused_in_one_line(zl: Run, tmp_path: Path) -> None:
    other = tmp_path / "places.sqlite"  # a browser's history, say
    conn = sqlite3.connect(other)
    conn.executescript(
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places VALUES (1, 'x');"
    )
    conn.close()
    for args in (["items", "--db", str(other)], ["db", "stats", str(other)], ["search", "--db", str(other), "质量"]):
        one_error_line(zl(*args), 3, "zl did not write")


def test_a_database_that_copies_zls_tables_but_not_its_id_is_refused(zl: Run, built: Path, tmp_path: Path) -> None:
    """The schema alone does not make a zl database: another program's file with a table
    called meta is not zl's."""
    conn = sqlite3.connect(built)
    conn.execute("PRAGMA application_id = 1")
    conn.commit()
    conn.close()
    one_error_line(zl("items", "--db", str(built)), 3, "zl did not write")
    assert db.APPLICATION_ID != 1


def test_a_text_file_is_no_database(zl: Run, tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("SQLite format 3 … no, just notes\n" * 200, encoding="utf-8")
    one_error_line(zl("items", "--db", str(text)), 3, "not a SQLite database")


QUERY_BYTES = os.fsdecode(b"\xff\xfe\xe4\xb8")


@pytest.mark.parametrize(
    "args",
    [["search", "--db", "{db}", QUERY_BYTES], ["items", "--db", "{db}", "--lead", QUERY_BYTES]],
    ids=["search", "items --lead"],
)
def test_a_query_whose_bytes_are_not_utf8_is_refused_before_sql(zl: Run, built: Path, args: list[str]) -> None:
    one_error_line(zl(*[a.format(db=built) for a in args]), 2, "not valid UTF-8", "0xff")


def test_a_query_of_valid_utf8_bytes_is_read(zl: Run, built: Path) -> None:
    """A command line decoded with surrogates (a C locale) still holds text: it is read as UTF-8."""
    query = os.fsdecode("质量".encode())
    assert zl("search", "--db", str(built), query, "--format", "json").code == 0


# --- folders --------------------------------------------------------------------------------------

BUILD = """
import sys
from zhiliang_cli import cli
sys.exit(cli.run(["db", "build", sys.argv[1], "-o", sys.argv[2], "--jobs", "1"]))
"""


def test_a_folder_with_a_fifo_a_device_and_a_socket_skips_them_in_one_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "good.txt").write_bytes((FIXTURES / "three_level.txt").read_bytes())
    os.mkfifo(folder / "fifo.txt")  # nothing ever writes to it: reading it would hang
    (folder / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.txt"))
    try:
        out = tmp_path / "plans.db"
        run = subprocess.run(
            [sys.executable, "-c", BUILD, str(folder), str(out)], capture_output=True, text=True, timeout=60
        )
    finally:
        sock.close()
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stdout == f"{out}: 1 plans added, 0 replaced, 0 unchanged, 0 removed; 3 files skipped\n"
    lines = sorted(run.stderr.splitlines())
    assert lines == [
        f"skipped: {folder}/fifo.txt: is not a regular file (a FIFO): it is skipped",
        f"skipped: {folder}/socket.txt: is not a regular file (a socket): it is skipped",
        f"skipped: {folder}/zero.txt: is not a regular file (a character device): it is skipped",
    ]


def test_a_fifo_named_on_the_command_line_is_skipped_not_read(zl: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    result = zl("db", "build", str(fifo), "-o", str(tmp_path / "p.db"))
    assert result.code == 1 and result.err == f"skipped: {fifo}: is not a regular file (a FIFO): give plan files only\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_an_unreadable_file_in_a_folder_is_skipped_in_one_line(zl: Run, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "good.txt").write_bytes((FIXTURES / "three_level.txt").read_bytes())
    secret = folder / "secret.txt"
    secret.write_bytes((FIXTURES / "three_level.txt").read_bytes())
    secret.chmod(0)
    result = zl("db", "build", str(folder), "-o", str(tmp_path / "p.db"))
    assert result.code == 1 and result.err.count("\n") == 1 and "permission denied" in result.err
