"""Writing files: atomically, only where we may, with the permissions the user expects.

* The target of ``-o`` must be a regular file or not exist yet: a directory, a device,
  a FIFO or a socket is refused.  A symlink is followed: its target is written (the
  link stays), and, as for any existing file, only with ``--force``.
* A new file gets the permissions the umask gives (0644 under umask 022); a
  replaced file keeps its mode.
* The content goes to a temporary file beside the target, which then replaces it
  in one rename: an error, Ctrl-C or SIGTERM leaves the old file whole and no
  temporary file behind.
"""

from __future__ import annotations

import os
import signal
import stat
import threading
from collections.abc import Iterator
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


def _temporary(folder: str, name: str, mode: int = 0o666) -> tuple[str, int]:
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
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
