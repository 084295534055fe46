"""The Typer app: each command reads a plan, asks :mod:`query`, and hands the result
to :mod:`export` (machine formats) or :mod:`render` (tables).

Output is a Rich table in a terminal and JSON through a pipe; ``--format``
overrides.  Errors print one ``Error: ...`` line on stderr and exit with a
code from :class:`~zhiliang_cli.errors.ExitCode`; ``--debug`` shows the
traceback.  Heavy modules (Rich, Pydantic, YAML, regex, the parser) are
imported only on the paths that use them.
"""

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ._version import __version__
from .errors import ExitCode, ZlError

if TYPE_CHECKING:
    from .cache import LoadedPlan

app = typer.Typer(
    name="zl",
    help="Query a Chinese government work plan (工作要点): sections, items, lead units, targets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": False}

FileOpt = Annotated[
    str | None,
    typer.Option("--file", metavar="PATH", help="Plan text file, or - for standard input (default: the bundled plan)."),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="table, json, jsonl, yaml or csv (default: table in a terminal, json in a pipe).",
    ),
]
SectionOpt = Annotated[str | None, typer.Option("--section", "-s", help="Section number: 一 or 1.")]
LeadOpt = Annotated[
    list[str] | None, typer.Option("--lead", "-l", help="Part of a lead unit's name; repeat for any of several.")
]

CooperatingOpt = Annotated[
    list[str] | None,
    typer.Option("--cooperating", "-c", help="Part of a cooperating unit's name; repeat for any of several."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zl {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")] = False,
) -> None:
    _state["debug"] = debug


def _load(path: str | None) -> "LoadedPlan":
    from .cache import load_plan

    return load_plan(path)


def _format(fmt: str | None) -> str:
    from .export import check_format

    if fmt is None:
        return "table" if sys.stdout.isatty() else "json"
    return check_format(fmt)


def _emit(data: Any, fmt: str | None, table: Callable[[Any], None]) -> None:
    """Print ``data`` as a table (with ``table``) or in a machine format."""
    name = _format(fmt)
    if name == "table":
        table(data)
        return
    from .export import dumps

    sys.stdout.write(dumps(data, name))


def _render(name: str) -> Callable[[Any], None]:
    def draw(data: Any) -> None:
        from . import render
        from .export import exact_integers

        with exact_integers():
            getattr(render, name)(data)

    return draw


@app.command()
def sections(file: FileOpt = None, fmt: FormatOpt = None) -> None:
    """List the sections with their counts of items and targets."""
    from .query import section_rows

    _emit(section_rows(_load(file).plan), fmt, _render("sections"))


@app.command()
def items(
    file: FileOpt = None,
    section: SectionOpt = None,
    lead: LeadOpt = None,
    has_targets: Annotated[bool, typer.Option("--has-targets", help="Only items with quantified targets.")] = False,
    cooperating: CooperatingOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """List items, filtered by section, lead or cooperating unit, or having targets."""
    from .query import filter_items

    _emit(filter_items(_load(file).plan, section, lead, has_targets, cooperating), fmt, _render("items"))


@app.command()
def show(
    item: Annotated[str, typer.Argument(metavar="N", help="Item number: 17, 十七 or (十七).")],
    file: FileOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Show one item whole, its targets highlighted."""
    from .query import find_item

    _emit(find_item(_load(file).plan, item), fmt, _render("show"))


@app.command()
def leads(file: FileOpt = None, fmt: FormatOpt = None) -> None:
    """List lead units by how many items each leads."""
    from .query import lead_rows

    _emit(lead_rows(_load(file).plan), fmt, _render("leads"))


@app.command()
def targets(
    file: FileOpt = None,
    section: SectionOpt = None,
    lead: LeadOpt = None,
    item: Annotated[str | None, typer.Option("--item", "-i", help="Item number: 17 or 十七.")] = None,
    unit: Annotated[list[str] | None, typer.Option("--unit", "-u", help="Unit, e.g. 家 or %; repeatable.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """List quantified targets: value, unit, comparator and clause."""
    from .query import target_rows

    _emit(target_rows(_load(file).plan, section, lead, item, unit), fmt, _render("targets"))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Text to look for (literal unless --regex).")],
    file: FileOpt = None,
    use_regex: Annotated[bool, typer.Option("--regex", "-r", help="Treat QUERY as a regular expression.")] = False,
    ignore_case: Annotated[bool, typer.Option("--ignore-case", help="Match regardless of case.")] = False,
    fmt: FormatOpt = None,
) -> None:
    """Find items whose text contains QUERY; matches highlighted."""
    from .query import search as run_search

    _emit(run_search(_load(file).plan, query, use_regex, ignore_case), fmt, _render("search"))


@app.command()
def export(
    file: FileOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="json or yaml.")] = "json",
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Export the whole parsed plan as JSON or YAML."""
    from .export import check_format, dumps, write_file

    content = dumps(_load(file).plan, check_format(fmt, ("json", "yaml")))
    if output is None:
        sys.stdout.write(content)
    else:
        write_file(output, content, force)


@app.command()
def meta(file: FileOpt = None, fmt: FormatOpt = None) -> None:
    """Show the notice's metadata, the file's encoding and hash."""
    from .query import meta_row

    loaded = _load(file)
    _emit(meta_row(loaded.plan, loaded.path, loaded.encoding, loaded.sha256, loaded.size), fmt, _render("meta"))


@app.command()
def schema(
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Print the JSON Schema of the export."""
    from .export import write_file
    from .schema import schema_text

    if output is None:
        sys.stdout.write(schema_text())
    else:
        write_file(output, schema_text(), force)


@app.command()
def check(file: FileOpt = None, fmt: FormatOpt = None) -> None:
    """Report structural problems; exit 1 if there are any."""
    from .query import check_report

    report = check_report(_load(file).plan)
    _emit(report, fmt, _render("problems"))
    if not report["ok"]:
        raise typer.Exit(ExitCode.PROBLEMS)


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _fail(message: str, code: int) -> int:
    from .printable import printable  # user input in a message never acts on the terminal

    sys.stderr.write(f"Error: {printable(message)}\n")
    return code


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code, printing errors as one line."""
    try:
        result = app(args=argv, prog_name="zl", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except ZlError as error:
        if _state["debug"]:
            raise
        return _fail(str(error), error.exit_code)
    except typer.TyperException as error:  # usage errors from the argument parser
        if type(error).__name__ == "NoArgsIsHelpError":  # plain `zl`: the help, not an error
            sys.stdout.write(error.format_message() + "\n")
            return ExitCode.OK
        return _fail(error.format_message(), getattr(error, "exit_code", ExitCode.USAGE))
    except typer.Abort:
        return _fail("aborted", 1)
    except BrokenPipeError:
        return _broken_pipe()
    except SystemExit as exit_:  # Click's own answer to a broken pipe is exit(1)
        if isinstance(exit_.__context__, BrokenPipeError):
            return _broken_pipe()
        raise
    except OSError as error:
        if error.errno not in _OUTPUT_ERRNOS:
            return _internal(error)
        _drop_output()
        return _fail(f"cannot write the output: {error.strerror}", ExitCode.OUTPUT)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        return _internal(error)


def _internal(error: Exception) -> int:
    if _state["debug"]:
        raise error
    return _fail(f"internal error: {type(error).__name__}: {error} (run with --debug and report it)", ExitCode.INTERNAL)


def _broken_pipe() -> int:
    """The reader went away (``zl items | head -1``): exit quietly, as a killed-by-SIGPIPE
    process would; what is still buffered goes nowhere."""
    _drop_output()
    return 141


def _drop_output() -> None:
    """Point stdout at /dev/null, so that what is still buffered cannot fail again at exit."""
    with contextlib.suppress(OSError, ValueError):  # ValueError: stdout has no file descriptor (in tests)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main() -> None:
    code = run()
    try:
        sys.stdout.flush()  # a broken pipe or a full disk may show only now, on the last write
    except BrokenPipeError:
        code = _broken_pipe()
    except OSError as error:
        _drop_output()
        code = _fail(f"cannot write the output: {error.strerror}", ExitCode.OUTPUT)
    sys.exit(code)
