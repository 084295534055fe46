"""The Typer app: each command reads a plan, asks :mod:`query`, and hands the result
to :mod:`export` (machine formats) or :mod:`render` (tables).

Output is a Rich table in a terminal and JSON through a pipe; ``--format``
overrides.  Errors print one ``Error: ...`` line on stderr and exit with a
code from :class:`~zhiliang_cli.errors.ExitCode`; ``--debug`` shows the
traceback.  Heavy modules (Rich, Pydantic, YAML, regex, the parser) are
imported only on the paths that use them.
"""

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
    typer.Option(
        "--file",
        metavar="PATH",
        help="Plan file (.txt, .docx, .pdf, .html), or - for standard input (default: the bundled plan).",
    ),
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
    row = meta_row(loaded.plan, loaded.path, loaded.encoding, loaded.sha256, loaded.size, loaded.origin)
    _emit(row, fmt, _render("meta"))


@app.command()
def text(file: FileOpt = None) -> None:
    """Print the text zl reads from the file: what spans and lines refer to."""
    from .cache import load_text

    sys.stdout.write(load_text(file)[0])


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


@app.command()
def ledger(
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILE|DIR", help="The .xlsx to write (a folder with --split-by).")
    ],
    file: FileOpt = None,
    split_by: Annotated[
        str | None, typer.Option("--split-by", metavar="lead", help="One workbook per lead unit, in the folder -o.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite workbooks that exist.")] = False,
) -> None:
    """Write the task ledger (任务分工台账) workbook that lead units fill in."""
    from .ledger import write_ledger

    for line in write_ledger(_load(file), output, split_by, force):
        typer.echo(line)


@app.command()
def progress(
    ledgers: Annotated[list[str], typer.Argument(metavar="LEDGER.xlsx...", help="Filled ledger workbooks.")],
    file: FileOpt = None,
    fmt: FormatOpt = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write the judged result as an .xlsx.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Read filled ledgers and judge every target: met, unmet, unreported, invalid."""
    from .progress import check_output, judge_ledgers, write_summary

    name = _format(fmt)
    if output is not None:
        check_output(output, force)  # before the work, not after
    report = judge_ledgers(ledgers, _load(file))
    if output is not None:
        write_summary(report.data, output, force)
    else:  # jsonl and csv: the target records, one a line
        _emit(report.data if name in ("table", "json", "yaml") else report.data["targets"], name, _render("progress"))
    for warning in report.warnings:
        sys.stderr.write(f"Warning: {warning}\n")


@app.command()
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier edition: a plan text file, or - for stdin.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later edition: a plan text file, or - for stdin.")],
    only: Annotated[
        list[str] | None,
        typer.Option("--only", metavar="KINDS", help="List only these: same, changed, added, removed, moved (a,b)."),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", "-t", help="How alike (0-1) two items must be to pair (default 0.5)."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="table, json, jsonl, yaml, csv or md."),
    ] = None,
) -> None:
    """Compare two editions of a plan item by item; exit 1 if they differ."""
    from .diff import FORMATS, THRESHOLD, check_threshold, diff_loaded, parse_only
    from .errors import UsageError
    from .export import check_format

    if old == "-" and new == "-":
        raise UsageError("OLD and NEW are both standard input: give a file for one of them")
    kinds, name = parse_only(only), check_format(fmt, FORMATS) if fmt else None
    result = diff_loaded(_load(old), _load(new), check_threshold(THRESHOLD if threshold is None else threshold))
    result = result.only(kinds) if kinds else result
    if name == "md":
        from .export import diff_markdown

        sys.stdout.write(diff_markdown(result))
    else:
        rows = result.record["items"] if name in ("jsonl", "csv") else result.record
        _emit(rows, name, lambda _: _render("diff")(result))
    if result.differs:
        raise typer.Exit(ExitCode.DIFFERENCES)


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"Error: {message}\n")
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
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if _state["debug"]:
            raise
        return _fail(
            f"internal error: {type(error).__name__}: {error} (run with --debug and report it)", ExitCode.INTERNAL
        )


def main() -> None:
    sys.exit(run())
