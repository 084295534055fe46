"""The Typer app: each command reads a plan, asks :mod:`query`, and hands the result
to :mod:`export` (machine formats) or :mod:`render` (tables).

Output is a Rich table in a terminal (through a pager when it is long) and JSON through a
pipe; ``--format`` overrides.  Plans are named the same way everywhere: ``--file PATH``
(repeatable, files or folders) or ``--db FILE`` (a database of ``zl db build``).  Errors print
one ``Error: ...`` line on stderr and exit with a code from
:class:`~zhiliang_cli.errors.ExitCode`; ``--debug`` shows the traceback.  What a person reads
goes through :mod:`i18n` (English, or Chinese when the locale says so).  Heavy modules (Rich,
Pydantic, YAML, regex, the parser) are imported only on the paths that use them.
"""

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ._version import __version__
from .errors import ExitCode, ZlError
from .i18n import _

if TYPE_CHECKING:
    from .cache import LoadedPlan, OnePlan
    from .corpus import Plans
    from .dbplans import DbPlans

    AnyPlans = Plans | OnePlan | DbPlans

_APP_SETTINGS: dict[str, Any] = {
    "name": "zl",
    "help": _("Query a Chinese government work plan (工作要点): sections, items, lead units, targets."),
    "no_args_is_help": True,
    "add_completion": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
}
app = typer.Typer(**_APP_SETTINGS)

_state: dict[str, Any] = {"debug": False, "pager": True}

#: Two or three real examples for each command's --help (a test runs them).
EXAMPLES: dict[str, list[str]] = {
    "sections": ["zl sections", "zl sections --file tests/fixtures --format csv", "zl sections --db plans.db"],
    "items": ["zl items --lead 省林业局", "zl items --section 2 --has-targets --fields number,title,lead_units"],
    "show": ["zl show 17", "zl show 十七 --format json"],
    "leads": ["zl leads", "zl leads --file tests/fixtures --format tsv"],
    "targets": ["zl targets --section 一", "zl targets --unit % --fields item,number_text,unit --format tsv"],
    "search": ["zl search 标准", "zl search 标准 --count", "zl search --regex '\\d+万批次' --lead 省农业农村厅"],
    "export": ["zl export --format yaml", "zl export --file tasks.docx -o tasks.json"],
    "meta": ["zl meta", "zl meta --file tests/fixtures --format csv"],
    "text": ["zl text --file plan.pdf", "zl text | head -3"],
    "schema": ["zl schema -o plan.schema.json"],
    "check": ["zl check", "zl check --file tests/fixtures --format json"],
    "ledger": ["zl ledger -o 台账.xlsx", "zl ledger --split-by lead -o 分表"],
    "progress": [
        "zl progress 台账.xlsx",
        "zl progress 台账.xlsx -o 汇总.xlsx",
        "zl progress 台账.xlsx --db plans.db --quarter 2024-Q2",
    ],
    "diff": ["zl diff plan_2023.txt plan.pdf", "zl diff tests/fixtures/province_2024.txt plan.htm --format md"],
    "build": ["zl db build plan_2023.txt tests/fixtures --db plans.db", "zl db build corpus/ --db plans.db --prune"],
    "stats": ["zl db stats --db plans.db", "zl db stats --db plans.db --top 20 --format json"],
    "serve": ["zl serve --db plans.db", "zl serve --file tests/fixtures --port 8002 --open"],
}
#: Commands whose examples run until stopped (a server): their --help shows them, tests start them.
LONG_RUNNING = frozenset({"serve"})


def _epilog(command: str) -> str:
    """The end of a command's --help: its examples, lines kept as they are (Click's \\b)."""
    return _("Examples:") + "\n\n\b\n" + "\n".join(f"  {line}" for line in EXAMPLES[command])


def _complete_sections(ctx: typer.Context, incomplete: str) -> list[str]:
    """Completion of --section: the section numbers of the plan at hand (1, 2, … and 一, 二, …)."""
    from .complete import sections

    return sections(ctx.params, incomplete)


def _complete_leads(ctx: typer.Context, incomplete: str) -> list[str]:
    """Completion of --lead and --cooperating: the unit names of the plan at hand."""
    from .complete import units

    return units(ctx.params, incomplete)


def _at_least(value: int | None, least: int, option: str) -> int | None:
    """An option's number, refused below ``least`` (checked here, so that --help shows no range)."""
    if value is not None and value < least:
        raise typer.BadParameter(_("{option} must be at least {least}").format(option=option, least=least))
    return value


FileOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--file",
        metavar="PATH",
        help=_(
            "Plan file (.txt, .docx, .pdf, .html), a folder of them (read recursively), or - for standard "
            "input; repeatable (default: the bundled plan). With --db: the plans of the database built from PATH."
        ),
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        callback=lambda value: _at_least(value, 1, "--jobs"),
        help=_("Plans parsed at once (default and most: the number of cores)."),
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", metavar="FILE", help=_("Read the plans from a database written by zl db build.")),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=_("table, json, jsonl, yaml, csv or tsv (default: table in a terminal, json in a pipe)."),
    ),
]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="FIELDS",
        help=_("Only these fields of each record, in this order: a comma-separated list (number,title,lead_units)."),
    ),
]
SectionOpt = Annotated[
    str | None,
    typer.Option("--section", "-s", metavar="N", help=_("Section number: 一 or 1."), autocompletion=_complete_sections),
]
LeadOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--lead",
        "-l",
        metavar="TEXT",
        help=_("Part of a lead unit's name; repeat for any of several."),
        autocompletion=_complete_leads,
    ),
]
CooperatingOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--cooperating",
        "-c",
        metavar="TEXT",
        help=_("Part of a cooperating unit's name; repeat for any of several."),
        autocompletion=_complete_leads,
    ),
]
OutputOpt = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help=_("Write to FILE."))]
ForceOpt = Annotated[bool, typer.Option("--force", help=_("Overwrite FILE if it exists."))]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zl {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version and exit."))
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=_("Show the traceback of an error."))] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help=_("Do not page long output (default: less -FRX, or $ZL_PAGER, $PAGER)."))
    ] = False,
) -> None:
    _state["debug"] = debug
    _state["pager"] = not no_pager


def _plans(files: list[str] | None, jobs: int | None = None, db: str | None = None) -> "AnyPlans":
    """The plans named by --file, or read from --db: one file (the common case, kept light),
    several and folders (see :mod:`corpus`), or a database's (see :mod:`dbplans`)."""
    if db is not None:
        from .dbplans import DbPlans

        return DbPlans(db, files)
    if not files or (len(files) == 1 and (files[0] == "-" or not os.path.isdir(files[0]))):
        from .cache import OnePlan

        return OnePlan(files[0] if files else None)
    from .corpus import Plans

    return Plans(files, jobs)


def _named(plans: "Iterable[tuple[str, LoadedPlan]]", names: dict[str, str]) -> "Iterator[tuple[str, LoadedPlan]]":
    """The plans as they pass, each one's short name noted in ``names`` (for the table's headings)."""
    for path, loaded in plans:
        names[path] = loaded.plan["plan_title"] or loaded.plan["title"] or ""
        yield path, loaded


def _rows(plans: "AnyPlans", query: Callable[[Any], list[Any]], names: dict[str, str]) -> list[Any]:
    """The records ``query`` gives for each plan (with its ``plan`` when there are several)."""

    def many(each: "Iterable[tuple[str, LoadedPlan]]") -> list[Any]:
        from .corpus import tagged_rows

        return tagged_rows(_named(each, names), query)

    return list(plans.combine(lambda loaded: query(loaded.plan), many))


def _across(name: str, names: dict[str, str] | None = None) -> Callable[[Any], Any]:
    """A function of :mod:`corpus` over several plans, imported only when there are several."""

    def over(plans: Any) -> Any:
        from . import corpus

        return getattr(corpus, name)(_named(plans, {}) if names is None else _named(plans, names))

    return over


def _noting_leads(units: set[str], query: Callable[[Any], list[Any]]) -> Callable[[Any], list[Any]]:
    """``query``, noting in ``units`` the lead units of each plan it is asked about."""

    def noted(plan: Any) -> list[Any]:
        from .query import lead_units_of

        units.update(lead_units_of(plan))
        return query(plan)

    return noted


def _hint_leads(rows: list[Any], leads: list[str] | None, units: set[str]) -> None:
    """Nothing found for a --lead that no unit's name contains: say so on stderr, with the names
    nearest to it (the output itself stays empty, for scripts)."""
    if rows or not leads:
        return
    from .printable import printable
    from .query import unmatched_leads

    for lead, nearest in unmatched_leads(leads, units):
        hint = _("no lead unit's name contains {lead}").format(lead=printable(lead))
        if nearest:
            hint += _("; nearest: {names}").format(names="、".join(printable(n) for n in nearest))
        sys.stderr.write(_("Hint: {hint} (zl leads lists them all)").format(hint=hint) + "\n")


def _done(plans: "AnyPlans") -> None:
    """Exit 1 when a file of several was skipped (after all else was written)."""
    if plans.skipped:
        raise typer.Exit(ExitCode.PROBLEMS)


def _format(fmt: str | None) -> str:
    from .export import check_format

    if fmt is None:
        return "table" if sys.stdout.isatty() else "json"
    return check_format(fmt)


def _emit(data: Any, fmt: str | None, table: Callable[[Any], None], fields: str | None = None) -> None:
    """Print ``data`` as a table (with ``table``) or in a machine format; ``fields`` keeps only
    those keys of each record, in every format."""
    name = _format(fmt)
    if fields is not None:
        from .export import select_fields

        data = select_fields(data, fields)
        if name == "table":
            from . import render

            table = render.fields_table
    if name == "table":
        from . import render

        render.PAGER = _state["pager"]
        table(data)
        return
    from .export import dumps

    sys.stdout.write(dumps(data, name))


def _render(name: str, names: dict[str, str] | None = None) -> Callable[[Any], None]:
    def draw(data: Any) -> None:
        from . import render
        from .export import exact_integers

        with exact_integers():
            if names is None:
                getattr(render, name)(data)
            else:
                getattr(render, name)(data, names)

    return draw


@app.command(epilog=_epilog("sections"), help=_("List the sections with their counts of items and targets."))
def sections(file: FileOpt = None, db: DbOpt = None, jobs: JobsOpt = None, fmt: FormatOpt = None) -> None:
    from .query import section_rows

    plans, names = _plans(file, jobs, db), dict[str, str]()
    _emit(_rows(plans, section_rows, names), fmt, _render("sections", names))
    _done(plans)


@app.command(
    epilog=_epilog("items"), help=_("List items, filtered by section, lead or cooperating unit, or having targets.")
)
def items(
    file: FileOpt = None,
    section: SectionOpt = None,
    lead: LeadOpt = None,
    has_targets: Annotated[bool, typer.Option("--has-targets", help=_("Only items with quantified targets."))] = False,
    cooperating: CooperatingOpt = None,
    db: DbOpt = None,
    jobs: JobsOpt = None,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> None:
    if db is not None and not file:
        from .db import db_items
        from .dbplans import plan_names

        rows = db_items(db, section, lead, has_targets, cooperating)
        _emit(rows, fmt, _render("items", plan_names(db)), fields)
        return
    from .query import filter_items

    plans, names, units = _plans(file, jobs, db), dict[str, str](), set[str]()
    rows = _rows(plans, _noting_leads(units, lambda p: filter_items(p, section, lead, has_targets, cooperating)), names)
    _emit(rows, fmt, _render("items", names), fields)
    _hint_leads(rows, lead, units)
    _done(plans)


@app.command(epilog=_epilog("show"), help=_("Show one item whole, its targets highlighted."))
def show(
    item: Annotated[str, typer.Argument(help=_("Item number: 17, 十七 or (十七)."))],
    file: FileOpt = None,
    db: DbOpt = None,
    fmt: FormatOpt = None,
) -> None:
    from .query import find_item

    _emit(find_item(_plans(file, None, db).one("show").plan, item), fmt, _render("show"))


@app.command(epilog=_epilog("leads"), help=_("List lead units by how many items each leads (over every plan given)."))
def leads(
    file: FileOpt = None, db: DbOpt = None, jobs: JobsOpt = None, fmt: FormatOpt = None, fields: FieldsOpt = None
) -> None:
    from .query import lead_rows

    plans = _plans(file, jobs, db)
    rows = plans.combine(lambda loaded: lead_rows(loaded.plan), _across("lead_rows_across"))
    _emit(rows, fmt, _render("leads"), fields)
    _done(plans)


@app.command(epilog=_epilog("targets"), help=_("List quantified targets: value, unit, comparator and clause."))
def targets(
    file: FileOpt = None,
    section: SectionOpt = None,
    lead: LeadOpt = None,
    item: Annotated[str | None, typer.Option("--item", "-n", metavar="N", help=_("Item number: 17 or 十七."))] = None,
    unit: Annotated[
        list[str] | None, typer.Option("--unit", "-u", metavar="UNIT", help=_("Unit, e.g. 家 or %; repeatable."))
    ] = None,
    db: DbOpt = None,
    jobs: JobsOpt = None,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> None:
    from .query import target_rows

    plans, names, units = _plans(file, jobs, db), dict[str, str](), set[str]()
    rows = _rows(plans, _noting_leads(units, lambda plan: target_rows(plan, section, lead, item, unit)), names)
    _emit(rows, fmt, _render("targets", names), fields)
    _hint_leads(rows, lead, units)
    _done(plans)


@app.command(
    epilog=_epilog("search"), help=_("Find items whose text contains QUERY: one row per item, its matches highlighted.")
)
def search(
    query: Annotated[str, typer.Argument(help=_("Text to look for (literal unless --regex)."))],
    file: FileOpt = None,
    section: SectionOpt = None,
    lead: LeadOpt = None,
    use_regex: Annotated[bool, typer.Option("--regex", "-r", help=_("Treat QUERY as a regular expression."))] = False,
    ignore_case: Annotated[bool, typer.Option("--ignore-case", "-i", help=_("Match regardless of case."))] = False,
    count: Annotated[bool, typer.Option("--count", help=_("Print only how many items match."))] = False,
    db: DbOpt = None,
    jobs: JobsOpt = None,
    fmt: FormatOpt = None,
) -> None:
    if db is not None and not file:
        from .db import db_search
        from .dbplans import plan_names
        from .query import filter_hits

        rows, names = filter_hits(db_search(db, query, use_regex, ignore_case), section, lead), plan_names(db)
    else:
        from .query import search as run_search

        plans, names = _plans(file, jobs, db), dict[str, str]()
        rows = _rows(plans, lambda plan: run_search(plan, query, use_regex, ignore_case, section, lead), names)
    if count:
        _print_count(rows, names)
    else:
        _emit(rows, fmt, _render("search", names))
    if file and db is None:
        _done(plans)


def _print_count(rows: list[Any], names: dict[str, str]) -> None:
    """How many items matched: one number, or a line per plan (path, tab, count) then the total."""
    if not rows or "plan" not in rows[0]:
        sys.stdout.write(f"{len(rows)}\n")
        return
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["plan"]] = counts.get(row["plan"], 0) + 1
    sys.stdout.write("".join(f"{plan}\t{n}\n" for plan, n in counts.items()))


@app.command(epilog=_epilog("export"), help=_("Export the whole parsed plan as JSON or YAML."))
def export(
    file: FileOpt = None,
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=_("json or yaml."))] = "json",
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    from .export import check_format, dumps, write_file

    content = dumps(_plans(file, None, db).one("export").plan, check_format(fmt, ("json", "yaml")))
    if output is None:
        sys.stdout.write(content)
    else:
        write_file(output, content, force)


@app.command(epilog=_epilog("meta"), help=_("Show the notice's metadata, the file's encoding and hash."))
def meta(file: FileOpt = None, db: DbOpt = None, jobs: JobsOpt = None, fmt: FormatOpt = None) -> None:
    from .query import meta_row

    def row(loaded: "LoadedPlan") -> dict[str, Any]:
        return meta_row(loaded.plan, loaded.path, loaded.encoding, loaded.sha256, loaded.size, loaded.origin)

    plans = _plans(file, jobs, db)
    _emit(
        plans.combine(row, lambda each: [{"plan": path, **row(loaded)} for path, loaded in each]), fmt, _render("meta")
    )
    _done(plans)


@app.command(epilog=_epilog("text"), help=_("Print the text zl reads from the file: what spans and lines refer to."))
def text(file: FileOpt = None) -> None:
    from .cache import load_text

    sys.stdout.write(load_text(_plans(file).one_path("text"))[0])


@app.command(epilog=_epilog("schema"), help=_("Print the JSON Schema of the export."))
def schema(output: OutputOpt = None, force: ForceOpt = False) -> None:
    from .export import write_file
    from .schema import schema_text

    if output is None:
        sys.stdout.write(schema_text())
    else:
        write_file(output, schema_text(), force)


@app.command(epilog=_epilog("check"), help=_("Report structural problems; exit 1 if there are any."))
def check(file: FileOpt = None, jobs: JobsOpt = None, fmt: FormatOpt = None) -> None:
    from .query import check_report

    plans = _plans(file, jobs)
    report = plans.combine(lambda loaded: check_report(loaded.plan), _across("check_across"))
    _emit(report, fmt, _render("problems"))
    _done(plans)
    if not report["ok"]:
        raise typer.Exit(ExitCode.PROBLEMS)


@app.command(epilog=_epilog("ledger"), help=_("Write the task ledger (任务分工台账) workbook that lead units fill in."))
def ledger(
    output: Annotated[
        str,
        typer.Option("--output", "-o", metavar="FILE", help=_("The .xlsx to write (a folder with --split-by lead).")),
    ],
    file: FileOpt = None,
    db: DbOpt = None,
    split_by: Annotated[
        str | None,
        typer.Option("--split-by", metavar="KEY", help=_("lead: one workbook per lead unit, in the folder -o.")),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=_("Overwrite workbooks that exist."))] = False,
) -> None:
    from .ledger import write_ledger

    for line in write_ledger(_plans(file, None, db).one("ledger"), output, split_by, force):
        typer.echo(line)


@app.command(
    epilog=_epilog("progress"), help=_("Read filled ledgers and judge every target: met, unmet, unreported, invalid.")
)
def progress(
    ledgers: Annotated[list[str], typer.Argument(help=_("Filled ledger workbooks."))],
    file: FileOpt = None,
    fmt: FormatOpt = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help=_("Write the judged result as an .xlsx."))
    ] = None,
    force: ForceOpt = False,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="FILE",
            help=_(
                "Record the judged report in this database (written by zl db build), which holds the plan: "
                "one report a plan and quarter."
            ),
        ),
    ] = None,
    quarter: Annotated[
        str | None,
        typer.Option(
            "--quarter",
            metavar="QUARTER",
            help=_("With --db: the quarter reported on, as 2024-Q2 (default: the quarter of the ledgers' date)."),
        ),
    ] = None,
) -> None:
    from .progress import check_output, judge_ledgers, write_summary

    name = _format(fmt)
    if quarter is not None and db is None:
        from .errors import UsageError

        raise UsageError(_("--quarter says which quarter --db records the report as: give --db too"))
    if output is not None:
        check_output(output, ledgers, force)  # before the work, not after
    if db is None:
        report = judge_ledgers(ledgers, _plans(file).one("progress"))
    else:
        report = _record_progress(ledgers, db, file, quarter)
    if output is not None:
        typer.echo(write_summary(report.data, output, force))
    else:  # jsonl and csv: the target records, one a line
        _emit(report.data if name in ("table", "json", "yaml") else report.data["targets"], name, _render("progress"))
    for warning in report.warnings:
        sys.stderr.write(_("Warning: {warning}").format(warning=warning) + "\n")


def _record_progress(ledgers: list[str], db: str, files: list[str] | None, quarter: str | None) -> Any:
    """Judge the ledgers against their plan in ``db`` and record the report there (see :mod:`dbprogress`)."""
    from .dbprogress import ProgressDb, parse_quarter
    from .printable import printable
    from .progress import judge_ledgers

    chosen = parse_quarter(quarter) if quarter is not None else None
    store = ProgressDb.open(db, files)
    try:
        report = judge_ledgers(ledgers, store.plan)
        sys.stderr.write(printable(store.record(report.data, chosen)) + "\n")
    finally:
        store.close()
    return report


@app.command(epilog=_epilog("diff"), help=_("Compare two editions of a plan item by item; exit 1 if they differ."))
def diff(
    old: Annotated[
        str,
        typer.Argument(
            help=_("The earlier edition: a plan file (.txt, .docx, .pdf, .html), or - for standard input."),
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            help=_("The later edition: a plan file (.txt, .docx, .pdf, .html), or - for standard input."),
        ),
    ],
    only: Annotated[
        list[str] | None,
        typer.Option("--only", metavar="KINDS", help=_("List only these: same, changed, added, removed, moved (a,b).")),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", "-t", metavar="0-1", help=_("How alike two items must be to pair (default 0.5).")),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="FORMAT", help=_("table, json, jsonl, yaml, csv or md.")),
    ] = None,
) -> None:
    from .diff import FORMATS, THRESHOLD, check_threshold, diff_loaded, load_side, parse_only
    from .errors import UsageError
    from .export import check_format

    if old == "-" and new == "-":
        raise UsageError(_("OLD and NEW are both standard input: give a file for one of them"))
    kinds, name = parse_only(only), check_format(fmt, FORMATS) if fmt else None
    limit = check_threshold(THRESHOLD if threshold is None else threshold)
    result = diff_loaded(load_side(old, "OLD"), load_side(new, "NEW"), limit)
    result = result.only(kinds) if kinds else result
    if name == "md":
        from .export import diff_markdown

        sys.stdout.write(diff_markdown(result))
    else:
        rows = result.record["items"] if name in ("jsonl", "csv") else result.record
        _emit(rows, name, lambda _data: _render("diff")(result))
    if result.differs:
        raise typer.Exit(ExitCode.DIFFERENCES)


db_app = typer.Typer(
    name="db",
    help=_("A SQLite database of many plans (plans, sections, items, item_units, targets, progress; items_bigram)."),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")


@db_app.command(
    "build",
    epilog=_epilog("build"),
    help=_("Write every plan into a SQLite database; run again, it skips unchanged files."),
)
def db_build(
    paths: Annotated[list[str], typer.Argument(help=_("Plan files and folders of them."))],
    output: Annotated[
        str,
        typer.Option("--db", "--output", "-o", metavar="FILE", help=_("The database to write or update.")),
    ],
    jobs: JobsOpt = None,
    prune: Annotated[bool, typer.Option("--prune", help=_("Remove plans whose files are gone."))] = False,
) -> None:
    from .dbbuild import build

    report = build(output, paths, jobs, prune)
    sys.stdout.write(report.summary() + "\n")
    if report.skipped:
        raise typer.Exit(ExitCode.PROBLEMS)


@db_app.command(
    "stats", epilog=_epilog("stats"), help=_("Count the rows of each table and list the units that lead most items.")
)
def db_stats(
    database: Annotated[str | None, typer.Argument(help=_("The database (or give it with --db)."))] = None,
    db: DbOpt = None,
    top: Annotated[
        int,
        typer.Option(
            "--top",
            metavar="N",
            callback=lambda value: _at_least(value, 0, "--top"),
            help=_("How many lead units to list."),
        ),
    ] = 10,
    fmt: FormatOpt = None,
) -> None:
    from .db import stats
    from .errors import UsageError

    path = db or database
    if path is None:
        raise UsageError(_("zl db stats reads a database: give it with --db FILE"))
    _emit(stats(path, top), fmt, _render("db_stats"))


@app.command(
    "serve",
    epilog=_epilog("serve"),
    help=_(
        "Browse plans in Datasette, read-only: a database written by zl db build, or the plans of --file built "
        "on the fly (needs pip install 'zhiliang-cli[web]')."
    ),
)
def serve_command(
    db: DbOpt = None,
    file: FileOpt = None,
    host: Annotated[
        str,
        typer.Option("--host", metavar="ADDRESS", help=_("Address to listen on (others can connect if not local).")),
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            "--port",
            "-p",
            metavar="N",
            callback=lambda value: _at_least(value, 1, "--port"),
            help=_("Port to listen on."),
        ),
    ] = 8001,
    open_browser: Annotated[bool, typer.Option("--open", help=_("Open the page in a browser."))] = False,
) -> None:
    from .errors import UsageError

    if file and db:
        raise UsageError(_("zl serve shows a database or plan files: give --db or --file, not both"))
    if port > 65535:
        raise UsageError(_("--port must be at most 65535"))
    from .serve import serve

    serve(db, file, host, port, open_browser)


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _fail(message: str, code: int) -> int:
    from .printable import printable  # user input in a message never acts on the terminal

    sys.stderr.write(_("Error: {message}").format(message=printable(message)) + "\n")
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
    single = typer.Typer(**{**_APP_SETTINGS, "add_completion": False})
    single.callback()(_main)
    single.command(name, help=command.help, epilog=command.epilog)(command.callback)
    return single


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code, printing errors as one line."""
    try:
        argv = sys.argv[1:] if argv is None else argv
        from .i18n import install

        install()
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
        from .i18n import translate_message

        return _fail(translate_message(error.format_message()), getattr(error, "exit_code", ExitCode.USAGE))
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
