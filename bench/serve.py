"""`zl serve` over a large corpus (issue 22): every facet page and a search answer in under a second.

    python bench/serve.py                # 5,000 generated plans
    python bench/serve.py --plans 500
    python bench/serve.py --db plans.db  # a database already built (by this zl)

The corpus is bench/corpus.py's (the bundled plan retypeset), built with `zl db build --jobs 2`.
Two servers run side by side on free ports of 127.0.0.1: `zl serve` on the database as built,
whose views items_full and targets_full read what the build stored in each row (an item's units
and count of targets, a target's due date and quarter), and on a copy whose two views compute
them row by row from item_units, targets and items, as schema 4 did.  Every page below is
fetched three times from each, alternately (the first is cold); the slowest warm fetch is
reported for each, with the ratio.  Only the loopback address is used.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from db_build import build, write_corpus  # noqa: E402

#: Every table and view with its facets (as zl's metadata sets them, or as asked), the searches,
#: the saved queries, the index and a plan's page.
PAGES = [
    "/",
    "/zl/plans",
    "/zl/sections",
    "/zl/items",
    "/zl/items_full",
    "/zl/items_full?_facet=plan_title",
    "/zl/item_units",
    "/zl/item_units?role=lead",
    "/zl/targets",
    "/zl/targets_full",
    "/zl/targets_full?due_quarter=2023-Q4",
    "/zl/progress",
    "/zl/items?_search=标准",
    "/zl/items_full?_search=质量提升",
    "/zl/search?q=标准化",
    "/zl/lead_unit_load",
    "/zl/targets_by_quarter_and_lead",
    "/zl/progress_by_unit_and_quarter",
    "/-/zl/plan/1",
]

#: The views as schema 4 had them: each row's unit lists, count of targets and due date computed
#: when it is read.
COMPUTED_VIEWS = """
DROP VIEW items_full;
DROP VIEW targets_full;
CREATE VIEW items_full AS
SELECT
    i.id, i.plan_id, p.file AS plan, p.plan_title, p.region, p.level, p.year, p.kind,
    i.section_id, i.section, s.title AS section_title, i.number, i.numeral, i.group_title, i.title, i.text,
    (SELECT json_group_array(qualified_unit) FROM item_units u WHERE u.item_id = i.id AND u.role = 'lead')
        AS lead_units,
    (SELECT group_concat(unit, '、') FROM item_units u WHERE u.item_id = i.id AND u.role = 'lead')
        AS lead_units_as_printed,
    (SELECT group_concat(qualified_unit, '、') FROM item_units u WHERE u.item_id = i.id AND u.role = 'cooperating')
        AS cooperating_units,
    i.deadline, i.deadline_text,
    (SELECT count(*) FROM targets t WHERE t.item_id = i.id) AS n_targets,
    i.line, i.span_start, i.span_end
FROM items i JOIN plans p ON p.id = i.plan_id JOIN sections s ON s.id = i.section_id;
CREATE VIEW targets_full AS
SELECT
    t.id, t.plan_id, p.file AS plan, p.plan_title, p.region, p.level, p.year, p.kind,
    t.section, s.title AS section_title, t.item_id, i.number AS item, i.title AS item_title,
    (SELECT json_group_array(qualified_unit) FROM item_units u WHERE u.item_id = t.item_id AND u.role = 'lead')
        AS lead_units,
    t.text, t.number_text, t.value, t.low, t.high, t.unit, t.comparator, t.change, t.aspirational, t.subject,
    coalesce(t.by_date, i.deadline) AS due_date,
    CASE WHEN coalesce(t.by_date, i.deadline) IS NULL THEN NULL
        ELSE substr(coalesce(t.by_date, i.deadline), 1, 4) || '-Q'
            || ((CAST(substr(coalesce(t.by_date, i.deadline), 6, 2) AS INTEGER) + 2) / 3) END AS due_quarter,
    coalesce(t.by_text, i.deadline_text) AS due_text,
    t.line, t.span_start, t.span_end
FROM targets t JOIN plans p ON p.id = t.plan_id
    LEFT JOIN items i ON i.id = t.item_id
    LEFT JOIN sections s ON s.plan_id = t.plan_id AND s.number = t.section;
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
    return time.perf_counter() - start


@contextmanager
def serving(database: Path) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "zhiliang_cli", "serve", "--db", str(database), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                fetch(base + "/-/versions.json")
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit(f"bench: zl serve did not start: {server.stderr.read().decode() if server.stderr else ''}")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(10)


def computed_copy(database: Path, copy: Path) -> None:
    """``database`` with the views of schema 4, which compute what the stored columns hold."""
    shutil.copyfile(database, copy)
    conn = sqlite3.connect(copy)
    conn.executescript(COMPUTED_VIEWS)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=5000)
    parser.add_argument("--db", type=Path, help="a database built by this zl (instead of generating one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        database = args.db
        if database is None:
            size = write_corpus(work / "corpus", args.plans)
            database = work / "plans.db"
            run = build([str(work / "corpus")], database, 2, str(work / "cache"))
            print(f"corpus: {args.plans} plans, {size / 1e6:.0f} MB; built in {run.elapsed:.0f} s")
        computed = work / "computed.db"
        computed_copy(database, computed)
        conn = sqlite3.connect(database)
        counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("plans", "items", "targets")]
        conn.close()
        print(
            f"database: {counts[0]} plans, {counts[1]} items, {counts[2]} targets, "
            f"{database.stat().st_size / 1e6:.0f} MB; load {os.getloadavg()[0]:.1f}"
        )
        print(f"{'stored':>9} {'computed':>9}  ratio  page (slowest warm fetch of three; ms)")
        worst = 0.0
        with serving(database) as stored, serving(computed) as old:
            for page in PAGES:
                path = urllib.parse.quote(page, safe="/?=&_")
                times: dict[str, list[float]] = {stored: [], old: []}
                for _ in range(3):
                    for base in (stored, old):
                        times[base].append(fetch(base + path))
                new, before = max(times[stored][1:]), max(times[old][1:])
                worst = max(worst, new)
                print(f"{new * 1000:9.0f} {before * 1000:9.0f}  {before / new:5.1f}  {page}", flush=True)
        verdict = "under" if worst < 1 else "OVER"
        print(f"slowest warm page: {worst:.2f} s ({verdict} a second); load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
