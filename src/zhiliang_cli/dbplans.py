"""The plans of a database written by ``zl db build``, for the commands that read plans
(``--db FILE``): each plan rebuilt as a plan record from its rows, so that every command answers
from the database as it does from the files, without parsing.

``--file`` then chooses among the plans recorded, by the path they were built from (a file, or a
folder: every plan under it); without it, every plan is read, and a command that reads one plan
(``zl show``, ``zl export``, ``zl ledger``) asks for one when there are several.

A plan from a database holds what the database keeps: its notice's title, 发文字号, date,
issuers and own title, its sections with their targets, its items with their units, deadline
and targets, each with its text and span as printed; not the recipients, contact, the marks of
the 版头 and 版记, the notice's body and attachments, the preamble or closing text, an item's
notes or group (its ``group`` is None; ``zl items --db`` gives ``group_title``), nor the
problems ``zl check`` reports.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from .cache import LoadedPlan
from .errors import UsageError

if TYPE_CHECKING:
    import sqlite3

    from .records import DeadlineRecord, ItemRecord, PlanRecord, SectionRecord, TargetRecord

Row = dict[str, Any]


class DbPlans:
    """The plans a command reads from a database: the interface of :class:`corpus.Plans`."""

    skipped = 0  # a database holds no file that cannot be read

    def __init__(self, database: str, files: list[str] | None = None) -> None:
        self.database = database
        self.files = files or []
        self._plans: list[tuple[str, LoadedPlan]] | None = None

    def _all(self) -> list[tuple[str, LoadedPlan]]:
        if self._plans is None:
            self._plans = load(self.database, self.files)
        return self._plans

    @property
    def single(self) -> bool:
        return len(self._all()) == 1

    def one(self, command: str) -> LoadedPlan:
        plans = self._all()
        if len(plans) != 1:
            raise UsageError(
                f"zl {command} reads one plan, and {self.database} holds {len(plans)}: name one with --file PATH "
                f"(the path it was built from; zl meta --db {self.database} lists them)"
            )
        return plans[0][1]

    def one_path(self, command: str) -> str | None:
        return self.one(command).path

    def each(self) -> Iterator[tuple[str, LoadedPlan]]:
        yield from self._all()

    def combine(self, one: Callable[[LoadedPlan], Any], many: Callable[[Iterable[tuple[str, LoadedPlan]]], Any]) -> Any:
        """As over files: ``many`` over every plan (records with their ``plan``), even a single one,
        so that what a database answers always names the plan."""
        return many(self.each())

    def rows(self, query: Callable[[PlanRecord], list[Any]]) -> list[Row]:
        from .corpus import tagged_rows

        return tagged_rows(self.each(), query)


def plan_names(database: str) -> dict[str, str]:
    """The short name of every plan of a database, by the path it was built from."""
    from .db import open_read

    conn = open_read(database)
    try:
        rows = conn.execute("SELECT file, plan_title, title FROM plans").fetchall()
    finally:
        conn.close()
    return {file: plan_title or title or "" for file, plan_title, title in rows}


def chosen(files: list[str], recorded: str) -> bool:
    """Whether the plan recorded as ``recorded`` is one of ``files`` (a file, or a folder it is under).

    >>> chosen(["tests/fixtures"], "tests/fixtures/a.txt"), chosen(["./a.txt"], "a.txt"), chosen(["b"], "a.txt")
    (True, True, False)
    """
    if not files:
        return True
    path = os.path.normpath(recorded)
    for given in files:
        wanted = os.path.normpath(given)
        if path == wanted or path.startswith(wanted.rstrip(os.sep) + os.sep):
            return True
    return False


#: The columns of ``plans`` that :func:`plan_from_row` reads, in its order.
PLAN_ROW = "id, file, sha256, title, doc_number, date, issuers, plan_title, kind"


def load(database: str, files: list[str]) -> list[tuple[str, LoadedPlan]]:
    """The plans of ``database`` (those recorded from ``files``), rebuilt, in the order of their paths."""
    from .db import open_read

    conn = open_read(database)
    try:
        plans = conn.execute(f"SELECT {PLAN_ROW} FROM plans ORDER BY file").fetchall()
        picked = [row for row in plans if chosen(files, row[1])]
        if not picked:
            named = ", ".join(files)
            raise UsageError(
                f"{database} holds no plan built from {named}: give a path as zl db build was given it "
                f"(zl meta --db {database} lists them)"
            )
        return [(row[1], plan_from_row(conn, row)) for row in picked]
    finally:
        conn.close()


def plan_from_row(conn: sqlite3.Connection, row: tuple[Any, ...]) -> LoadedPlan:
    plan_id, file, sha256, title, doc_number, date, issuers, plan_title, kind = row
    targets = _targets(conn, plan_id)
    items = _items(conn, plan_id, targets)
    sections: list[SectionRecord] = []
    for number, numeral, heading, line, start, end in conn.execute(
        "SELECT number, numeral, title, line, span_start, span_end FROM sections WHERE plan_id = ? ORDER BY number",
        (plan_id,),
    ):
        sections.append(
            {
                "number": number,
                "numeral": numeral,
                "title": heading,
                "span": [start, end],
                "line": line,
                "text": None,
                "text_span": None,
                "groups": [],
                "targets": targets.get((None, number), []),
                "items": [item for item in items if item["section"] == number],
            }
        )
    plan: PlanRecord = {
        "title": title,
        "doc_number": doc_number,
        "recipients": [],
        "issuers": json.loads(issuers) if issuers else [],
        "date": date,
        "note": None,
        "contact": None,
        "copy_number": None,
        "secrecy": None,
        "urgency": None,
        "masthead": None,
        "body": None,
        "body_span": None,
        "signers": [],
        "attachments": [],
        "copied_to": [],
        "printed_by": None,
        "printed": None,
        "published": None,
        "plan_title": plan_title,
        "kind": kind or "plan",
        "preamble": None,
        "preamble_span": None,
        "closing": None,
        "closing_span": None,
        "targets": targets.get((None, None), []),
        "parts": [],  # the database keeps no parts
        "sections": sections,
        "problems": [],
    }
    return LoadedPlan(plan, file, "", sha256, 0, {"format": "database", **dict.fromkeys(_ORIGIN)})


_ORIGIN = ("extractor", "extractor_version", "pages", "paragraphs")


def _targets(conn: sqlite3.Connection, plan_id: int) -> dict[tuple[int | None, int | None], list[TargetRecord]]:
    """The plan's targets by (item id, section): (id, None) for an item's, (None, section) for a
    section's own text, (None, None) for the preamble."""
    from .db import _TARGET_SELECT, _target_record

    found: dict[tuple[int | None, int | None], list[TargetRecord]] = {}
    for row in conn.execute(f"{_TARGET_SELECT} WHERE t.plan_id = ? ORDER BY t.id", (plan_id,)):
        record: Any = _target_record(row[1:])
        key = (row[0], None) if row[0] is not None else (None, record["section"])
        found.setdefault(key, []).append(record)
    return found


def _items(
    conn: sqlite3.Connection, plan_id: int, targets: dict[tuple[int | None, int | None], list[TargetRecord]]
) -> list[ItemRecord]:
    from .db import _deadline_record

    units: dict[int, dict[str, list[str]]] = {}
    for item_id, unit, role in conn.execute(
        "SELECT u.item_id, u.unit, u.role FROM item_units u JOIN items i ON i.id = u.item_id"
        " WHERE i.plan_id = ? ORDER BY u.rowid",
        (plan_id,),
    ):
        units.setdefault(item_id, {"lead": [], "cooperating": []})[role].append(unit)
    items: list[ItemRecord] = []
    for row in conn.execute(
        "SELECT id, number, numeral, section, title, text, line, span_start, span_end, lead_span_start,"
        " lead_span_end, deadline, deadline_text, deadline_start, deadline_end FROM items WHERE plan_id = ?"
        " ORDER BY id",
        (plan_id,),
    ):
        item_id, number, numeral, section, title, text, line, start, end, lead_start, lead_end, *deadline = row
        roles = units.get(item_id, {"lead": [], "cooperating": []})
        items.append(
            {
                "number": number,
                "numeral": numeral,
                "section": section,
                "group": None,
                "title": title,
                "text": text,
                "lead_units": roles["lead"],
                "cooperating_units": roles["cooperating"],
                "lead_span": None if lead_start is None else [lead_start, lead_end],
                "notes": [],
                "deadline": cast("DeadlineRecord | None", _deadline_record(*deadline)),
                "span": [start, end],
                "line": line,
                "targets": [{**t, "item": number} for t in targets.get((item_id, None), [])],
            }
        )
    return items
