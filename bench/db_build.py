"""A corpus run of `zl db build` (issues 12 and 17), measured on this machine.

    python bench/db_build.py            # 2,000 generated plans, about 94 MB
    python bench/db_build.py --quick    # 100 plans, to check that it runs
    python bench/db_build.py --growth   # and memory for half the corpus and the whole
    python bench/db_build.py --phases   # and CPU by phase

The corpus is bench/corpus.py's: the bundled plan retypeset and renumbered, one plan a
file, 100 to a folder.  Everything runs in child processes, each build with an empty
parse cache (a build neither reads nor writes it):

1. the yardstick: parsing the same files one by one in one process (read, decode,
   parse), then `zl db build CORPUS -o plans.db --jobs 2` and `--jobs 1`: wall time,
   throughput, CPU, peak memory (max RSS) of the main process and of the largest worker,
   and each build's wall time as a ratio to the yardstick's, side by side in one run;
2. the same build again with nothing changed (it reads no file and writes nothing), and
   with 1% of the files changed: wall time;
3. with --growth, memory as the corpus grows: peak RSS of the main process for half the
   corpus and the whole (plans are streamed into the database, never all held);
4. with --phases, CPU milliseconds a plan by phase (read, parse, rows: what the workers do;
   insert, index, commit: what the main process does) of a --jobs 1 build in one process.

The machine may be shared: read the ratios, and run it several times.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import corpus  # noqa: E402

FOLDERS = 20

# Runs one build; prints on stderr its exit code, wall time, CPU time (its own and its
# workers'), the main process's peak RSS (VmHWM, KB) and the largest worker's (KB).
BUILD = """
import resource, sys, time
from zhiliang_cli import cli
start = time.perf_counter()
code = cli.run(["db", "build", *sys.argv[1:]])
elapsed = time.perf_counter() - start
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
peak = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(code, elapsed, cpu, peak[0] if peak else 0, workers.ru_maxrss, file=sys.stderr)
"""

# Runs one build with --jobs 1 in this process, each phase timed (CPU seconds): reading,
# parsing, making rows (what workers do), inserting, the full-text index, committing (what the
# main process does).
PHASES = """
import collections, sys, time
from zhiliang_cli import cache, dbbuild, source
spent = collections.Counter()
def timed(name, function):
    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start
    return run
source.read_bytes = timed("read", source.read_bytes)
cache.parse_raw = timed("parse", cache.parse_raw)
dbbuild.plan_rows = timed("rows", dbbuild.plan_rows)
dbbuild.insert_rows = timed("insert", dbbuild.insert_rows)
dbbuild._Batch._finish = timed("index", dbbuild._Batch._finish)
dbbuild._Transaction.__exit__ = timed("commit", dbbuild._Transaction.__exit__)
start = time.process_time()
report = dbbuild.build(sys.argv[2], [sys.argv[1]], jobs=1)
total = time.process_time() - start
plans = report.added + report.replaced
spent["other"] = total - sum(spent.values())
print(plans, *(f"{name}={seconds}" for name, seconds in spent.items()), file=sys.stderr)
"""
PHASE_ORDER = ("read", "parse", "rows", "insert", "index", "commit", "other")

# Parses every file one by one in this one process: the yardstick of issue 17.
PARSE = """
import pathlib, resource, sys, time
from zhiliang_cli.cache import parse_raw
from zhiliang_cli.source import read_bytes
files = sorted(str(p) for p in pathlib.Path(sys.argv[1]).rglob("*.txt"))
parse_raw(read_bytes(files[0]))  # the parser imported and warm, as in a build's worker
start = time.perf_counter()
for file in files:
    parse_raw(read_bytes(file))
elapsed = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
print(0, elapsed, own.ru_utime + own.ru_stime, own.ru_maxrss, 0, file=sys.stderr)
"""


class Run:
    def __init__(self, line: str, summary: str) -> None:
        code, elapsed, cpu, main_kb, workers_kb = line.split()
        self.code = int(code)
        self.elapsed = float(elapsed)
        self.cpu = float(cpu)
        self.main_mb = int(main_kb) / 1024
        self.workers_mb = int(workers_kb) / 1024
        self.summary = summary


def write_corpus(root: Path, count: int) -> int:
    """``count`` plans under ``root`` in FOLDERS folders; their total size in bytes."""
    size = 0
    per_folder = max(1, count // FOLDERS)
    for n, text in enumerate(itertools.islice(corpus(float("inf")), count)):
        folder = root / f"batch{n // per_folder:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"plan{n:05d}.txt").write_bytes(data)
        size += len(data)
    return size


def build(paths: list[str], database: Path, jobs: int, cache: str) -> Run:
    """One build in a child process of its own."""
    env = {**os.environ, "ZL_CACHE_DIR": cache}
    args = [*paths, "-o", str(database), "--jobs", str(jobs)]
    out = subprocess.run([sys.executable, "-c", BUILD, *args], capture_output=True, text=True, env=env, check=False)
    run = Run(out.stderr.strip().splitlines()[-1], out.stdout.strip().split(": ", 1)[-1])
    if run.code != 0:
        sys.exit(f"bench: zl db build failed ({run.code}):\n{out.stderr[-2000:]}")
    return run


def change_some(root: Path, share: float) -> int:
    """Change one character in a share of the plans (their lines and items stay)."""
    files = sorted(root.rglob("*.txt"))
    step = max(1, round(1 / share))
    for file in files[::step]:
        text = file.read_text(encoding="utf-8")
        file.write_text(text.replace("质量", "品质", 1), encoding="utf-8")
    return len(files[::step])


def parse_one_by_one(root: Path) -> Run:
    out = subprocess.run([sys.executable, "-c", PARSE, str(root)], capture_output=True, text=True, check=True)
    return Run(out.stderr.strip().splitlines()[-1], "")


def phases(root: Path, work: Path) -> None:
    """CPU milliseconds a plan by phase, of a build with --jobs 1 in one process."""
    env = {**os.environ, "ZL_CACHE_DIR": str(work / "cache-phases")}
    args = [sys.executable, "-c", PHASES, str(root), str(work / "phases.db")]
    out = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    plans, *fields = out.stderr.strip().splitlines()[-1].split()
    spent = {name: float(value) for name, value in (field.split("=") for field in fields)}
    per_plan = ", ".join(f"{name} {spent.get(name, 0) / int(plans) * 1000:.1f}" for name in PHASE_ORDER)
    main_side = sum(spent.get(name, 0) for name in ("insert", "index", "commit")) / int(plans) * 1000
    print(f"   CPU ms a plan: {per_plan}; the main process's part (insert, index, commit) {main_side:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 plans instead of 2,000")
    parser.add_argument("--growth", action="store_true", help="also memory for half the corpus and the whole")
    parser.add_argument("--phases", action="store_true", help="also CPU by phase of a --jobs 1 build")
    args = parser.parse_args()
    count = 100 if args.quick else 2000
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, load {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = work / "corpus"
        size = write_corpus(root, count)
        mb = size / 1e6
        folders = sorted(str(f) for f in root.iterdir())
        print(f"corpus: {count} plans, {mb:.1f} MB in {len(folders)} folders\n")

        print("1. first build (empty database) against parsing the same files one by one in one process")
        parse = parse_one_by_one(root)
        print(
            f"   parse one by one: {parse.elapsed:6.2f} s ({mb / parse.elapsed:4.1f} MB/s, "
            f"{parse.elapsed / count * 1000:5.1f} ms a plan), CPU {parse.cpu:6.2f} s",
            flush=True,
        )
        first: dict[int, Run] = {}
        for jobs in (2, 1):
            database = work / f"jobs{jobs}.db"
            run = first[jobs] = build([str(root)], database, jobs, str(work / f"cache{jobs}"))
            workers = f"largest worker {run.workers_mb:5.1f} MB" if jobs > 1 else "no workers"
            print(
                f"   --jobs {jobs}: {run.elapsed:6.2f} s ({mb / run.elapsed:4.1f} MB/s, "
                f"{run.elapsed / count * 1000:5.1f} ms a plan) = {run.elapsed / parse.elapsed:4.2f} x parsing one by "
                f"one; CPU {run.cpu:6.2f} s; peak main {run.main_mb:5.1f} MB, {workers}; "
                f"database {database.stat().st_size / 1e6:.0f} MB"
            )
        print(f"   --jobs 1 / --jobs 2 wall time = {first[1].elapsed / first[2].elapsed:.2f}   ({first[2].summary})")

        print("\n2. rebuilding the --jobs 2 database")
        database = work / "jobs2.db"
        before = database.stat().st_mtime_ns
        run = build([str(root)], database, 2, str(work / "cache2"))
        untouched = "untouched" if database.stat().st_mtime_ns == before else "WRITTEN"
        print(f"   nothing changed: {run.elapsed:6.2f} s (in the process, after start-up); the file {untouched}")
        changed = change_some(root, 0.01)
        run = build([str(root)], database, 2, str(work / "cache2"))
        share = run.elapsed / first[2].elapsed
        print(f"   {changed:>3} plans changed: {run.elapsed:6.2f} s = {share:.1%} of the first build   ({run.summary})")

        if args.growth:
            print("\n3. memory as the corpus grows (--jobs 2)")
            for name, paths in (("half", folders[: len(folders) // 2]), ("whole", folders)):
                run = build(paths, work / f"{name}.db", 2, str(work / f"cache-{name}"))
                print(f"   {name:>5} corpus: peak main {run.main_mb:5.1f} MB   ({run.summary})")

        if args.phases:
            print("\n4. where the time goes: a --jobs 1 build in one process, each phase timed")
            phases(root, work)


if __name__ == "__main__":
    main()
