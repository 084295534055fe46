"""The library's errors and the command line's exit codes.

Every error says what is wrong and how to fix it, in one line; the command line
prints it as ``Error: ...`` and exits with its code.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1  # zl check found problems
    DIFFERENCES = 1  # zl diff found differences (as diff(1))
    USAGE = 2  # bad option or argument (Typer's own code for usage errors)
    INPUT = 3  # the file cannot be read, decoded or parsed as a plan
    NOT_FOUND = 4  # a section or item that does not exist
    OUTPUT = 5  # the output file cannot be written
    INTERNAL = 70  # a bug: please report it


class ZlError(Exception):
    """Base of every error zl raises on purpose."""

    exit_code: ExitCode = ExitCode.INTERNAL


class InputError(ZlError):
    """The input file is missing, unreadable, not text, or not a plan."""

    exit_code = ExitCode.INPUT


class NotAPlanError(InputError):
    """The text decodes but has no section headings."""


class NotFoundError(ZlError):
    """A section or item asked for is not in the plan."""

    exit_code = ExitCode.NOT_FOUND


class UsageError(ZlError):
    """An option value that cannot be used (a bad regex, an unknown format)."""

    exit_code = ExitCode.USAGE


class OutputError(ZlError):
    """The output file cannot be written."""

    exit_code = ExitCode.OUTPUT
