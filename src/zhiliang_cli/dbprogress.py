"""``zl progress LEDGER… --db plans.db``: each judged report recorded in the database, quarter by quarter.

The plan is the database's: the one whose SHA-256 the ledger's 说明 sheet records (among the
plans built from ``--file``'s paths, when given), judged as the database holds it, so that
every target of the report is a row of ``targets``.  A report is one row of
``progress_reports`` (plan, quarter, the ledgers' date and files, when it was recorded) and one
row of ``progress`` for each target of the plan::

    progress_reports  plan_id 1  quarter 2024-Q2  ledger_date 2024-07-03  ledger_files ["台账.xlsx"]
    progress          target 1-1 (targets.id 17, items.id 5)  value 12  value_text "12项"  status met
    progress          target 1-2 (targets.id 18, items.id 5)  value -   value_text -       status unreported

The quarter is ``--quarter`` (2024-Q2, 2024Q2, 2024年第二季度) or that of the ledgers' date (the
day the last of them was saved).  A plan has one report a quarter: a second one of the same
quarter replaces the first, and the line that reports it says so.  The report is written in one
transaction, whole or not at all; the database is opened through the one check of :mod:`db`
(another program's file, another version or a damaged page is refused in one line).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from .db import quarter_of
from .errors import InputError, OutputError, UsageError
from .i18n import _

if TYPE_CHECKING:
    from .cache import LoadedPlan
    from .progress import Ledger
    from .records import PlanRecord

Row = dict[str, Any]

QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
RE_QUARTER = re.compile(r"(\d{4})\s*(?:-?\s*[Qq]\s*([1-4])|年?\s*第?\s*([一二三四1-4])\s*季度?)")


def parse_quarter(text: str) -> str:
    """``--quarter`` as ``YYYY-Qn``.

    >>> [parse_quarter(q) for q in ("2024-Q2", "2024q3", " 2024 Q1 ", "2024年第四季度", "2025年第1季度")]
    ['2024-Q2', '2024-Q3', '2024-Q1', '2024-Q4', '2025-Q1']
    >>> parse_quarter("2024-Q5")
    Traceback (most recent call last):
    zhiliang_cli.errors.UsageError: --quarter 2024-Q5 is not a quarter: give it as 2024-Q2
    """
    match = RE_QUARTER.fullmatch(text.strip())
    if match is None:
        raise UsageError(f"--quarter {text} is not a quarter: give it as 2024-Q2")
    return f"{match[1]}-Q{QUARTER_WORDS[match[2] or match[3]]}"


@dataclass
class ProgressDb:
    """The database a judged report goes to, opened and checked before any ledger is read."""

    path: str
    files: list[str]
    conn: sqlite3.Connection
    plan_id: int | None = None

    @classmethod
    def open(cls, path: str, files: list[str] | None) -> ProgressDb:
        from .db import _connect, check

        if not os.path.isfile(path):
            raise InputError(f"{path}: no such database; write it with zl db build PLAN -o {path}")
        try:
            conn = _connect(path)
        except sqlite3.Error as problem:
            raise InputError(f"{path} cannot be opened: {problem}") from None
        try:
            if check(conn, path, InputError) is None:
                raise InputError(f"{path} is an empty database: write it with zl db build PLAN -o {path}")
        except BaseException:
            conn.close()
            raise
        return cls(path, files or [], conn)

    def close(self) -> None:
        self.conn.close()

    def plan(self, ledger: Ledger) -> LoadedPlan:
        """The plan ``ledger`` was made from, as the database holds it (found by its SHA-256)."""
        from .dbplans import PLAN_ROW, chosen, plan_from_row

        rows = self.conn.execute(f"SELECT {PLAN_ROW} FROM plans WHERE sha256 = ? ORDER BY file", (ledger.sha256,))
        found = [row for row in rows if chosen(self.files, row[1])]
        if not found:
            title = ledger.title or "untitled"
            made = f"{title}, file {ledger.source}" if ledger.source else title
            among = f" built from {', '.join(self.files)}" if self.files else ""
            raise InputError(
                f"{self.path} holds no plan{among} with the SHA-256 of the plan {ledger.path} was made from "
                f"({made}, sha256 {ledger.sha256[:12]}…): add that plan with zl db build PLAN -o {self.path}"
            )
        if len(found) > 1:
            named = ", ".join(row[1] for row in found)
            raise UsageError(
                f"{self.path} holds the plan {ledger.path} was made from {len(found)} times ({named}): "
                "name one with --file PATH"
            )
        self.plan_id = int(found[0][0])
        return plan_from_row(self.conn, found[0])

    def record(self, data: Row, quarter: str | None) -> str:
        """Record the judged report (``judge_ledgers(...).data``) of the plan :meth:`plan` found,
        replacing the plan's report of the same quarter; the line that says what was done."""
        if self.plan_id is None:
            raise ValueError("record() before plan()")
        summary = data["summary"]
        dates = [f["date"] for f in summary["files"] if f["date"]]
        if quarter is None:
            if not dates:
                raise UsageError("the ledgers' date is unknown: give the quarter they report on with --quarter")
            quarter = quarter_of(max(dates))
        targets = self._target_rows(data["targets"])
        files = [f["file"] for f in summary["files"]]
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        try:
            replaced = self._write(quarter, max(dates, default=None), files, now, targets)
        except sqlite3.OperationalError as problem:
            locked = "locked" in str(problem)
            hint = "another program is writing it: try again when it is done" if locked else "check it"
            raise OutputError(f"cannot write {self.path} ({problem}); {hint}") from None
        except sqlite3.IntegrityError:
            raise  # a bug of zl's, reported as one (rolled back: the database is as it was)
        except sqlite3.DatabaseError as problem:
            from .db import damaged

            raise InputError(damaged(self.path, problem)) from None
        from .db import stamp

        self.conn.close()
        stamp(self.path)
        plan = summary["plan"]["plan_title"] or summary["plan"]["title"] or ""
        fields = {"database": self.path, "quarter": quarter, "plan": plan, "targets": len(targets)}
        if replaced is None:
            return _("{database}: recorded the {quarter} report of {plan}, {targets} targets").format(**fields)
        return _(
            "{database}: recorded the {quarter} report of {plan}, {targets} targets, replacing the one recorded {when}"
        ).format(**fields, when=replaced)

    def _write(
        self, quarter: str, date: str | None, files: list[str], now: str, targets: list[tuple[Any, ...]]
    ) -> str | None:
        """The report in one transaction; when the report it replaces was recorded, or None."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            old = conn.execute(
                "SELECT id, recorded_at FROM progress_reports WHERE plan_id = ? AND quarter = ?",
                (self.plan_id, quarter),
            ).fetchone()
            if old is not None:
                conn.execute("DELETE FROM progress_reports WHERE id = ?", (old[0],))  # its rows by cascade
            report = conn.execute(
                "INSERT INTO progress_reports (plan_id, quarter, ledger_date, ledger_files, recorded_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (self.plan_id, quarter, date, json.dumps(files, ensure_ascii=False), now),
            ).lastrowid
            conn.executemany(
                "INSERT INTO progress (report_id, plan_id, item_id, target_id, target_ref, value, value_text, status,"
                " ledger_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(report, self.plan_id, *row) for row in targets],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return None if old is None else str(old[1])

    def _target_rows(self, judged: list[Row]) -> list[tuple[Any, ...]]:
        """Each judged target as a row of ``progress`` (but for the report and the plan)."""
        ids = self._target_ids()
        rows = []
        for t in judged:
            target_id, item_id = ids[t["id"]]
            value = t["actual"] if t["status"] in ("met", "unmet") else None
            source = t["source"]
            rows.append((item_id, target_id, t["id"], value, t["typed"], t["status"], source and source["file"]))
        return rows

    def _target_ids(self) -> dict[str, tuple[int, int | None]]:
        """Each target's 指标编号 (as the ledger numbers them) -> its id and its item's id."""
        from .ledger import target_entries

        sections: dict[int | None, Row] = {}
        for (number,) in self.conn.execute(
            "SELECT number FROM sections WHERE plan_id = ? ORDER BY number", (self.plan_id,)
        ):
            sections[number] = {"targets": [], "items": []}
        items: dict[int, Row] = {}
        preamble: list[Any] = []
        for target_id, item_id, number, section in self.conn.execute(
            "SELECT t.id, t.item_id, i.number, t.section FROM targets t LEFT JOIN items i ON i.id = t.item_id"
            " WHERE t.plan_id = ? ORDER BY t.id",
            (self.plan_id,),
        ):
            target = (target_id, item_id)
            if item_id is not None:
                if item_id not in items:
                    items[item_id] = {"number": number, "targets": []}
                    sections[section]["items"].append(items[item_id])
                items[item_id]["targets"].append(target)
            elif section is not None:
                sections[section]["targets"].append(target)
            else:
                preamble.append(target)
        skeleton = cast("PlanRecord", {"targets": preamble, "sections": list(sections.values())})
        return {entry.id: cast("tuple[int, int | None]", entry.target) for entry in target_entries(skeleton)}
