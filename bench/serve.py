"""`zl serve` over a large corpus (issue 22): every facet page and a search answer in under a second.

    python bench/serve.py            # 5,000 generated plans
    python bench/serve.py --plans 500

The corpus is bench/corpus.py's (the bundled plan retypeset), built with `zl db build --jobs 2`;
`zl serve` then runs on a free port of 127.0.0.1 and every page below is fetched three times
(the first is cold), the slowest of the warm ones reported.  Only the loopback address is used.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from db_build import build, write_corpus  # noqa: E402

PAGES = [
    "/",
    "/zl/plans",
    "/zl/items_full",
    "/zl/item_units?role=lead",
    "/zl/targets_full",
    "/zl/item_units?_facet=qualified_unit&_facet=role",
    "/zl/targets?_facet=unit&_facet=comparator",
    "/zl/items?_search=标准",
    "/zl/items?_search=质量提升",
    "/zl/search?q=标准化",
    "/zl/lead_unit_load",
    "/zl/targets_by_quarter_and_lead",
    "/-/zl/plan/1",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        size = write_corpus(work / "corpus", args.plans)
        database = work / "plans.db"
        run = build([str(work / "corpus")], database, 2, str(work / "cache"))
        print(
            f"corpus: {args.plans} plans, {size / 1e6:.0f} MB; built in {run.elapsed:.0f} s; "
            f"database {database.stat().st_size / 1e6:.0f} MB; load {os.getloadavg()[0]:.1f}"
        )
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "zhiliang_cli", "serve", "--db", str(database), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    fetch(base + "/-/versions.json")
                    break
                except OSError:
                    time.sleep(0.2)
            worst = 0.0
            for page in PAGES:
                url = base + urllib.parse.quote(page, safe="/?=&_")
                times = [fetch(url) for _ in range(3)]
                warm = max(times[1:])
                worst = max(worst, warm)
                print(f"  {warm * 1000:7.0f} ms (cold {times[0] * 1000:6.0f})  {page}")
            print(f"slowest warm page: {worst:.2f} s ({'under' if worst < 1 else 'OVER'} a second)")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
