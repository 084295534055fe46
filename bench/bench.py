"""zl's speed budget, measured side by side on this machine (issue 5).

    python bench/bench.py            # all three figures
    python bench/bench.py --quick    # fewer runs, smaller corpus

1. Cold start: wall time of `zl items --lead 省市场监管局 --format json` and of
   `zl targets --format json` (each a new process, the parse cache warm), each
   divided by that of `python -c "import typer"` — the floor of any Typer app.
   Medians of alternating runs.  Budget: at most 1.3.
2. Parse throughput in MB/s (UTF-8 bytes), plans parsed one by one in one process:
   a. over the real documents of ../shared/corpus and the bundled plan (those that are plans),
      side by side with one compiled `regex` scan of the same texts for headings, notes and
      numbers (SCAN below), best of alternating passes.  Budget (issue 17): at least 30 MB/s and
      at least 0.25 of the scan's rate.
   b. over a generated corpus of plans at 1, 10 and 100 MB: growing linearly.
3. Peak memory (max RSS) of a query process, and of a process parsing 100 MB.
   Budget: under 60 MB for a query.
4. zl diff: two editions of 1,000 items each (bench/corpus.py, edition_pair), the
   NEW one with 30% of its items edited (a busy year) and with all of them edited
   (the worst case: no item pairs by being unchanged), parsed first; the time of
   diff_plans (pairing, sections, targets, the report; imports excluded), best of 3.
   Budget: well under a second.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _zl() -> str:
    beside = Path(sys.executable).with_name("zl")
    found = str(beside) if beside.exists() else shutil.which("zl")
    if not found:
        sys.exit("bench: no zl command found; install the project first (pip install .)")
    return found


def _wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - start


def _compile_package(env: dict[str, str]) -> None:
    """Byte-compile zhiliang_cli, so that an editable install (or PYTHONDONTWRITEBYTECODE) does
    not make every call compile the package from source: users' installs are compiled."""
    code = (
        "import compileall, os, zhiliang_cli; compileall.compile_dir(os.path.dirname(zhiliang_cli.__file__), quiet=1)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def cold_start(runs: int, env: dict[str, str]) -> dict[str, float]:
    zl = _zl()
    _compile_package(env)
    commands = {
        "floor": [sys.executable, "-c", "import typer"],
        "items": [zl, "items", "--lead", "省市场监管局", "--format", "json"],
        "targets": [zl, "targets", "--format", "json"],
    }
    for command in commands.values():
        _wall(command, env)  # warm the parse cache and the OS file cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_wall(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


# VmHWM is the peak RSS of this process image (ru_maxrss may carry the parent's over exec).
_PEAK = """
import sys
peak = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(peak[0] if peak else __import__("resource").getrusage(0).ru_maxrss, file=sys.stderr)
"""


def _child_peak_kb(code: str, env: dict[str, str]) -> tuple[str, int]:
    """Run Python ``code`` in a child of its own; its output and its own peak RSS in KB."""
    out = subprocess.run([sys.executable, "-c", code + _PEAK], capture_output=True, text=True, check=True, env=env)
    return out.stdout.strip(), int(out.stderr.strip().splitlines()[-1])


THROUGHPUT = """
import sys, time
sys.path.insert(0, {here!r})
from corpus import corpus
from zhiliang_cli.parse.pipeline import parse_text
plans = list(corpus({mb}))
size = sum(len(p.encode("utf-8")) for p in plans)
parse_text(plans[0])  # warm up: steady-state throughput, not first-call costs
elapsed = float("inf")
for _ in range({repeats}):  # the best of a few passes, as timeit does: the least disturbed
    start = time.process_time()
    for plan in plans:
        parse_text(plan)
    elapsed = min(elapsed, time.process_time() - start)
print(len(plans), size, elapsed)
"""

REAL = r"""
import sys, time
sys.path.insert(0, {root!r})
import regex
from tests.snapshot import SHARED, ROOT
from zhiliang_cli.cache import _read_text
from zhiliang_cli.errors import ZlError
from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.source import read_bytes
# One pass of a compiled pattern over the text for what a parse must find: heading markers at
# the start of a line, notes in brackets around their cue words, and numbers.
SCAN = regex.compile(
    r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[)）]|\d+[.．、])"
    r"|[（(][^（）()\n]{{0,80}}?(?:牵头|负责|配合|责任)[^（）()\n]{{0,80}}?[)）]"
    r"|\d+(?:\.\d+)?"
)
texts = []
for path in [ROOT / "data" / "plan_2023.txt", *sorted((SHARED / "corpus").rglob("*.txt"))]:
    text = _read_text(read_bytes(str(path)))[0]
    try:
        parse_text(text)  # warm up, and leave out what is not a plan
    except ZlError:
        continue
    texts.append(text)
size = sum(len(t.encode("utf-8")) for t in texts)
parse = scan = float("inf")
for _ in range({repeats}):  # alternating passes, the best of each: the least disturbed
    start = time.process_time()
    for text in texts:
        parse_text(text)
    parse = min(parse, time.process_time() - start)
    start = time.process_time()
    for text in texts:
        for _ in SCAN.finditer(text):
            pass
    scan = min(scan, time.process_time() - start)
print(len(texts), size, parse, scan)
"""


def real_documents(repeats: int, env: dict[str, str]) -> None:
    if not (HERE.parent.parent / "shared" / "corpus").is_dir():
        print("   a. real documents: ../shared/corpus is not here, skipped")
        return
    out, _ = _child_peak_kb(REAL.format(root=str(HERE.parent), repeats=repeats), env)
    count, size, parse, scan = out.split()
    mb = int(size) / 1e6
    rate, scan_rate = mb / float(parse), mb / float(scan)
    ratio = rate / scan_rate
    verdict = "ok" if rate >= 30 and ratio >= 0.25 else "UNDER BUDGET"
    print(
        f"   a. {count} real documents, {mb:.2f} MB: parse {float(parse) * 1000:.0f} ms = {rate:5.1f} MB/s; "
        f"scan {float(scan) * 1000:.0f} ms = {scan_rate:5.1f} MB/s; parse/scan = {ratio:.3f}  "
        f"[{verdict}: >= 30 MB/s and >= 0.25]"
    )


QUERY = """
import os, sys
from zhiliang_cli import cli
real_stdout = sys.stdout
sys.stdout = open(os.devnull, "w")
cli.run(["items", "--lead", "省市场监管局", "--format", "json"])
sys.stdout = real_stdout
"""


DIFF = """
import sys, time
sys.path.insert(0, {here!r})
from corpus import edition_pair
from zhiliang_cli.diff import diff_plans
from zhiliang_cli.parse.pipeline import parse_text
old, new = (parse_text(text) for text in edition_pair({items}, {changed}))
diff_plans(old, old)  # imports and first-call costs
elapsed = float("inf")
for _ in range({repeats}):
    start = time.perf_counter()
    summary = diff_plans(old, new).record["summary"]
    elapsed = min(elapsed, time.perf_counter() - start)
print(elapsed, " ".join(f"{{k}}={{v}}" for k, v in summary.items()))
"""


def diff_figure(repeats: int, env: dict[str, str]) -> None:
    print(f"\n4. zl diff of two editions of 1,000 items (best of {repeats})")
    for changed in (0.3, 1.0):
        code = DIFF.format(here=str(HERE), items=1000, changed=changed, repeats=repeats)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        elapsed, summary = out.stdout.split(" ", 1)
        verdict = "ok" if float(elapsed) < 1 else "OVER BUDGET"
        print(f"   {changed:4.0%} of items edited: {float(elapsed):5.2f} s  [{verdict}: < 1 s]  {summary.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and no 100 MB step")
    parser.add_argument("--only-diff", action="store_true", help="only figure 4, zl diff")
    parser.add_argument("--only-parse", action="store_true", help="only figure 2a, the parse of real documents")
    args = parser.parse_args()
    if args.only_diff:
        diff_figure(1 if args.quick else 3, dict(os.environ))
        return
    if args.only_parse:
        real_documents(3 if args.quick else 7, dict(os.environ))
        return
    runs, sizes = (10, [1, 10]) if args.quick else (20, [1, 10, 100])
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "ZL_CACHE_DIR": cache}
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}"
        )
        medians = cold_start(runs, env)
        floor = medians["floor"]
        print(
            f"\n1. cold start, median of {runs} alternating runs (floor: python -c 'import typer' "
            f"= {floor * 1000:.0f} ms)"
        )
        for name in ("items", "targets"):
            ratio = medians[name] / floor
            verdict = "ok" if ratio <= 1.3 else "OVER BUDGET"
            print(f"   zl {name:<8} {medians[name] * 1000:6.0f} ms  {ratio:.2f} x floor   [{verdict}: <= 1.3]")

        print("\n2. parse throughput (plans parsed one by one in one process; CPU time, best of the passes)")
        real_documents(3 if args.quick else 7, env)
        rates = []
        for mb in sizes:
            out, _ = _child_peak_kb(THROUGHPUT.format(here=str(HERE), mb=mb, repeats=3), env)
            count, size, elapsed = out.split()
            rate = int(size) / 1e6 / float(elapsed)
            rates.append(rate)
            print(
                f"   b. {mb:>4} MB generated: {count:>5} plans, {int(size) / 1e6:7.1f} MB in {float(elapsed):6.2f} s = "
                f"{rate:5.1f} MB/s"
            )
        spread = max(rates) / min(rates)
        print(f"      slowest {min(rates):.1f} MB/s; fastest/slowest = {spread:.2f} (1.00 = linear)")

        print("\n3. peak memory (max RSS)")
        _, query_kb = _child_peak_kb(QUERY, env)
        verdict = "ok" if query_kb < 60 * 1024 else "OVER BUDGET"
        print(f"   query (items --lead, cache warm): {query_kb / 1024:6.1f} MB  [{verdict}: < 60 MB]")
        _, parse_kb = _child_peak_kb(THROUGHPUT.format(here=str(HERE), mb=sizes[-1], repeats=1), env)
        print(f"   parse of {sizes[-1]} MB, plan by plan:  {parse_kb / 1024:6.1f} MB")

        diff_figure(1 if args.quick else 3, env)


if __name__ == "__main__":
    main()
