"""Writing files: atomically, only where we may, with the permissions the user expects.

* The target of ``-o`` must be a regular file or not exist yet: a directory, a device,
  a FIFO or a socket is refused.  A symlink is followed: its target is written (the
  link stays), and, as for any existing file, only with ``--force``.
* A new file gets the permissions the umask gives (0644 under umask 022); a
  replaced file keeps its mode.
* The content goes to a temporary file beside the target, which then replaces it
  in one rename: an error, Ctrl-C or SIGTERM leaves the old file whole and no
  temporary file behind.  A temporary name holds the writer's process id
  (``.台账.xlsx.zl4242-1a2b3c4d.tmp``): what a process killed outright (kill -9, a power
  cut) left behind is found and removed by the next write to the same place.
* A folder of files (``zl ledger --split-by lead -o 分表``) is written whole into a
  temporary folder beside it, then renamed into place; the folder it replaces is
  renamed aside first and removed last, its other files carried over (hard links).
  An interruption leaves the old folder (or none, when there was none), never half
  of the new one; after kill -9 the next run puts the old folder back and cleans up.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from types import FrameType

from .errors import OutputError, UsageError
from .printable import printable

_SIGNALS = ("SIGTERM", "SIGHUP")


def write_atomic(path: str, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` for the user: refuse what is not a regular file, and an
    existing file unless ``force``."""
    if not path.strip():
        raise UsageError("the output file name is empty: give a file name, or - for standard output")
    shown = printable(path)
    target = os.path.realpath(path)  # a symlink is followed to what it points at
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {error.strerror or error}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{shown} is a directory: give a file name for -o")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"{shown} is not a regular file (a device, FIFO or socket): give a file name for -o")
        if not force:
            raise OutputError(f"{shown} exists: use --force to overwrite it, or choose another name")
    if not os.path.isdir(os.path.dirname(target) or "."):
        raise OutputError(f"cannot write in {printable(os.path.dirname(path))}: no such folder")
    clean_stale(target)
    try:
        replace_atomic(target, data, None if info is None else stat.S_IMODE(info.st_mode))
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {error.strerror or error}") from None


def replace_atomic(target: str, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it over ``target``.

    The file is created with mode 0666 less the umask, or ``mode`` exactly when given.
    Raises OSError; the temporary file is removed whatever happens.
    """
    folder, name = os.path.split(target)
    with signals_raise():
        tmp, fd = _temporary(folder or ".", name)
        try:
            with os.fdopen(fd, "wb") as out:
                if mode is not None:
                    os.fchmod(out.fileno(), mode)
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
            tmp = ""
        finally:
            if tmp:
                _unlink(tmp)


def create_exclusive(target: str, data: bytes, mode: int) -> bool:
    """Create ``target`` holding ``data`` with ``mode``, atomically and only if it does not
    exist: a reader never sees it half written.  False when another process made it first."""
    folder, name = os.path.split(target)
    with signals_raise():
        tmp, fd = _temporary(folder or ".", name, mode)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.link(tmp, target)
            return True
        except FileExistsError:
            return False
        finally:
            _unlink(tmp)


#: A temporary name zl gives what it writes: the target's name, the writer's process id, a kind.
RE_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.zl(?P<pid>\d+)-[0-9a-f]{8}\.(?P<kind>tmp|bak|new|old)$")


def temporary_name(name: str, kind: str = "tmp") -> str:
    """A name beside ``name`` for a file or folder being written (``kind``: tmp, bak, new, old).

    >>> RE_TEMPORARY.match(temporary_name("台账.xlsx"))["name"]
    '台账.xlsx'
    """
    return f".{name}.zl{os.getpid()}-{os.urandom(4).hex()}.{kind}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or a number no process has: left alone
    return True


def clean_stale(target: str) -> None:
    """Remove what a zl killed outright left beside ``target`` (its temporary files and
    folders); put back a folder it had renamed aside and not yet replaced."""
    folder, name = os.path.split(target)
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return
    for entry in entries:
        match = RE_TEMPORARY.match(entry.name)
        if not match or match["name"] != name or _alive(int(match["pid"])):
            continue
        if match["kind"] == "old" and not os.path.lexists(target):
            with suppress(OSError):
                os.rename(entry.path, target)  # the old folder, whole: the new one never arrived
                continue
        _remove(entry.path)


def _remove(path: str) -> None:
    with suppress(OSError):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)


def write_folder(target: str, files: Mapping[str, bytes], force: bool = False) -> None:
    """Write ``files`` (name -> content) as the folder ``target``, whole or not at all.

    A symlink to a folder is followed.  An existing folder keeps its other files; one of
    ``files`` that exists there is replaced only with ``force``."""
    shown = printable(target)
    real = os.path.realpath(target)
    parent, name = os.path.split(real)
    clean_stale(real)
    info = check_folder(target, list(files), force)
    try:
        with signals_raise():
            _swap_in(real, parent, name, info, files)
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {error.strerror or error}; nothing was written") from None


def check_folder(target: str, names: list[str], force: bool = False) -> os.stat_result | None:
    """Refuse ``target`` as a folder to write ``names`` into: a file, or a folder holding one of
    them (unless ``force``).  Its status, or None when it does not exist."""
    shown = printable(target)
    real = os.path.realpath(target)
    if not target.strip():
        raise UsageError("the output folder name is empty: give a folder name")
    try:
        info: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {error.strerror or error}") from None
    if info is not None and not stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{shown} is a file: with --split-by lead, -o names a folder")
    if info is not None and not force:
        clash = next((n for n in names if os.path.lexists(os.path.join(real, n))), None)
        if clash is not None:
            shown_clash = printable(os.path.join(target, clash))
            raise OutputError(f"{shown_clash} exists: use --force to overwrite it, or choose another name")
    if not os.path.isdir(os.path.dirname(real) or "."):
        raise OutputError(f"cannot write in {printable(os.path.dirname(target))}: no such folder")
    return info


def _swap_in(real: str, parent: str, name: str, info: os.stat_result | None, files: Mapping[str, bytes]) -> None:
    new: str | None = os.path.join(parent, temporary_name(name, "new"))
    old: str | None = None
    try:
        os.mkdir(new)  # type: ignore[arg-type]
        if info is not None:
            os.chmod(new, stat.S_IMODE(info.st_mode))  # type: ignore[arg-type]
            _carry_over(real, new, files)  # type: ignore[arg-type]
        for file, data in files.items():
            path = os.path.join(new, file)  # type: ignore[arg-type]
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o666)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        if info is not None:
            old = os.path.join(parent, temporary_name(name, "old"))
            os.rename(real, old)
        os.rename(new, real)  # type: ignore[arg-type]
        new = None
        if old is not None:
            _remove(old)
            old = None
    finally:
        if new is not None:
            _remove(new)
        if old is not None:
            if not os.path.lexists(real):
                os.rename(old, real)
            else:
                _remove(old)


def _carry_over(real: str, new: str, files: Mapping[str, bytes]) -> None:
    """The entries of the folder replaced that are not written again, linked (or copied) into
    the new one: nothing the user kept there is lost."""
    for entry in os.scandir(real):
        if entry.name in files or RE_TEMPORARY.match(entry.name):
            continue
        destination = os.path.join(new, entry.name)
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), destination)
        elif entry.is_dir():
            shutil.copytree(entry.path, destination, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry.path, destination)


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def _temporary(folder: str, name: str, mode: int = 0o666) -> tuple[str, int]:
    for _ in range(100):
        tmp = os.path.join(folder, temporary_name(name))
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")  # pragma: no cover


def _unlink(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)


def _raise_exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def signals_raise() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP raise SystemExit (exit status 128 + the signal) instead of
    killing the process outright, so that ``finally`` blocks remove temporary files."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}
    for name in _SIGNALS:
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) in (signal.SIG_DFL, None):
            saved[number] = signal.signal(number, _raise_exit)
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
