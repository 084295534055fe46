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
    from .cache import LoadedPlan, OnePlan
    from .corpus import Plans

_APP_SETTINGS: dict[str, Any] = {
    "name": "zl",
    "help": "Query a Chinese government work plan (工作要点): sections, items, lead units, targets.",
    "no_args_is_help": True,
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
}
app = typer.Typer(**_APP_SETTINGS)

_state = {"debug": False}

FileOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--file",
        metavar="PATH",
        help="Plan file (.txt, .docx, .pdf, .html), a folder of them (read recursively), or - for standard "
        "input; repeatable (default: the bundled plan).",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Plans parsed at once (default and most: the number of cores)."
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", metavar="FILE", help="Answer from a database written by zl db build, not from --file."),
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


def _plans(files: list[str] | None, jobs: int | None = None) -> "Plans | OnePlan":
    """The plans named by --file: one file (the common case, kept light), or several and
    folders (see :mod:`corpus`)."""
    if not files or (len(files) == 1 and (files[0] == "-" or not os.path.isdir(files[0]))):
        from .cache import OnePlan

        return OnePlan(files[0] if files else None)
    from .corpus import Plans

    return Plans(files, jobs)


def _across(name: str) -> Callable[[Any], Any]:
    """A function of :mod:`corpus` over several plans, imported only when there are several."""

    def over(plans: Any) -> Any:
        from . import corpus

        return getattr(corpus, name)(plans)

    return over


def _done(plans: "Plans | OnePlan") -> None:
    """Exit 1 when a file of several was skipped (after all else was written)."""
    if plans.skipped:
        raise typer.Exit(ExitCode.PROBLEMS)


def _no_file_with_db(files: list[str] | None, db: str | None) -> None:
    if files and db:
        from .errors import UsageError

        raise UsageError("--file and --db cannot be used together: give one of them")


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
def sections(file: FileOpt = None, jobs: JobsOpt = None, fmt: FormatOpt = None) -> None:
    """List the sections with their counts of items and targets."""
    from .query import section_rows

    plans = _plans(file, jobs)
    _emit(plans.rows(section_rows), fmt, _render("sections"))
    _done(plans)


@app.command()
def items(
    file: FileOpt = None,
    section: SectionOpt = None,
    lead: LeadOpt = None,
    has_targets: Annotated[bool, typer.Option("--has-targets", help="Only items with quantified targets.")] = False,
    cooperating: CooperatingOpt = None,
    db: DbOpt = None,
    jobs: JobsOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """List items, filtered by section, lead or cooperating unit, or having targets."""
    _no_file_with_db(file, db)
    if db is not None:
        from .db import db_items

        _emit(db_items(db, section, lead, has_targets, cooperating), fmt, _render("items"))
        return
    from .query import filter_items

    plans = _plans(file, jobs)
    _emit(plans.rows(lambda plan: filter_items(plan, section, lead, has_targets, cooperating)), fmt, _render("items"))
    _done(plans)


@app.command()
def show(
    item: Annotated[str, typer.Argument(metavar="N", help="Item number: 17, 十七 or (十七).")],
    file: FileOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Show one item whole, its targets highlighted."""
    from .query import find_item

    _emit(find_item(_plans(file).one("show").plan, item), fmt, _render("show"))


@app.command()
def leads(file: FileOpt = None, jobs: JobsOpt = None, fmt: FormatOpt = None) -> None:
    """List lead units by how many items each leads (over every plan given)."""
    from .query import lead_rows

    plans = _plans(file, jobs)
    _emit(plans.combine(lambda loaded: lead_rows(loaded.plan), _across("lead_rows_across")), fmt, _render("leads"))
    _done(plans)


@app.command()
def targets(
    file: FileOpt = None,
    section: SectionOpt = None,
    lead: LeadOpt = None,
    item: Annotated[str | None, typer.Option("--item", "-i", help="Item number: 17 or 十七.")] = None,
    unit: Annotated[list[str] | None, typer.Option("--unit", "-u", help="Unit, e.g. 家 or %; repeatable.")] = None,
    jobs: JobsOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """List quantified targets: value, unit, comparator and clause."""
    from .query import target_rows

    plans = _plans(file, jobs)
    _emit(plans.rows(lambda plan: target_rows(plan, section, lead, item, unit)), fmt, _render("targets"))
    _done(plans)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Text to look for (literal unless --regex).")],
    file: FileOpt = None,
    use_regex: Annotated[bool, typer.Option("--regex", "-r", help="Treat QUERY as a regular expression.")] = False,
    ignore_case: Annotated[bool, typer.Option("--ignore-case", help="Match regardless of case.")] = False,
    db: DbOpt = None,
    jobs: JobsOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Find items whose text contains QUERY; matches highlighted."""
    _no_file_with_db(file, db)
    if db is not None:
        from .db import db_search

        _emit(db_search(db, query, use_regex, ignore_case), fmt, _render("search"))
        return
    from .query import search as run_search

    plans = _plans(file, jobs)
    _emit(plans.rows(lambda plan: run_search(plan, query, use_regex, ignore_case)), fmt, _render("search"))
    _done(plans)


@app.command()
def export(
    file: FileOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="json or yaml.")] = "json",
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Export the whole parsed plan as JSON or YAML."""
    from .export import check_format, dumps, write_file

    content = dumps(_plans(file).one("export").plan, check_format(fmt, ("json", "yaml")))
    if output is None:
        sys.stdout.write(content)
    else:
        write_file(output, content, force)


@app.command()
def meta(file: FileOpt = None, jobs: JobsOpt = None, fmt: FormatOpt = None) -> None:
    """Show the notice's metadata, the file's encoding and hash."""
    from .query import meta_row

    def row(loaded: "LoadedPlan") -> dict[str, Any]:
        return meta_row(loaded.plan, loaded.path, loaded.encoding, loaded.sha256, loaded.size, loaded.origin)

    plans = _plans(file, jobs)
    _emit(
        plans.combine(row, lambda each: [{"plan": path, **row(loaded)} for path, loaded in each]), fmt, _render("meta")
    )
    _done(plans)


@app.command()
def text(file: FileOpt = None) -> None:
    """Print the text zl reads from the file: what spans and lines refer to."""
    from .cache import load_text

    sys.stdout.write(load_text(_plans(file).one_path("text"))[0])


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
def check(file: FileOpt = None, jobs: JobsOpt = None, fmt: FormatOpt = None) -> None:
    """Report structural problems; exit 1 if there are any."""
    from .query import check_report

    plans = _plans(file, jobs)
    report = plans.combine(lambda loaded: check_report(loaded.plan), _across("check_across"))
    _emit(report, fmt, _render("problems"))
    _done(plans)
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

    for line in write_ledger(_plans(file).one("ledger"), output, split_by, force):
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
        check_output(output, ledgers, force)  # before the work, not after
    report = judge_ledgers(ledgers, _plans(file).one("progress"))
    if output is not None:
        typer.echo(write_summary(report.data, output, force))
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
    from .cache import load_plan

    result = diff_loaded(load_plan(old), load_plan(new), check_threshold(THRESHOLD if threshold is None else threshold))
    result = result.only(kinds) if kinds else result
    if name == "md":
        from .export import diff_markdown

        sys.stdout.write(diff_markdown(result))
    else:
        rows = result.record["items"] if name in ("jsonl", "csv") else result.record
        _emit(rows, name, lambda _: _render("diff")(result))
    if result.differs:
        raise typer.Exit(ExitCode.DIFFERENCES)


db_app = typer.Typer(
    name="db",
    help="A SQLite database of many plans (tables plans, sections, items, item_units, targets; items_fts).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")


@db_app.command("build")
def db_build(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Plan files and folders of them.")],
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE", help="The database to write or update.")],
    jobs: JobsOpt = None,
    prune: Annotated[bool, typer.Option("--prune", help="Remove plans whose files are gone.")] = False,
) -> None:
    """Write every plan into a SQLite database; run again, it skips unchanged files."""
    from .db import build

    report = build(output, paths, jobs, prune)
    sys.stdout.write(report.summary() + "\n")
    if report.skipped:
        raise typer.Exit(ExitCode.PROBLEMS)


@db_app.command("stats")
def db_stats(
    database: Annotated[str, typer.Argument(metavar="FILE", help="A database written by zl db build.")],
    top: Annotated[int, typer.Option("--top", min=0, help="How many lead units to list.")] = 10,
    fmt: FormatOpt = None,
) -> None:
    """Count the rows of each table and list the units that lead most items."""
    from .db import stats

    _emit(stats(database, top), fmt, _render("db_stats"))


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _fail(message: str, code: int) -> int:
    from .printable import printable  # user input in a message never acts on the terminal

    sys.stderr.write(f"Error: {printable(message)}\n")
    return code


def _app_for(argv: list[str]) -> typer.Typer:
    """The app to run ``argv`` with: one that knows only the command it names (Typer builds
    every command it knows before it runs one, which costs start-up for each), or the whole
    app for the top-level help, a sub-app (``zl db``) or anything else."""
    name = next((arg for arg in argv if not arg.startswith("-")), None)
    if name is None or any(arg in ("--help", "--version") for arg in argv[: argv.index(name)]):
        return app
    command = next((c for c in app.registered_commands if c.callback and (c.name or c.callback.__name__) == name), None)
    if command is None or command.callback is None:
        return app
    single = typer.Typer(**_APP_SETTINGS)
    single.callback()(_main)
    single.command(name)(command.callback)
    return single


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code, printing errors as one line."""
    try:
        argv = sys.argv[1:] if argv is None else argv
        result = _app_for(argv)(args=argv, prog_name="zl", standalone_mode=False)
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
