"""The parser's whole output on every document we have, written once and compared after a change.

    python -m tests.snapshot write DIR     # one JSON file per document, as the parser gives it now
    python -m tests.snapshot check DIR     # parse again; name every document whose JSON differs
    python -m tests.snapshot check DIR --paths [--ignore kind]   # what differs, field by field

The documents: the bundled plan, every text and PDF under tests/, every file of ../shared/corpus/,
the variants of the bundled plan (tests/variants.py) and a seeded sample of bench/'s generated
corpus. Each is read the way `zl` reads it (documents through the readers), parsed without the
cache, and dumped with sorted keys, so that two engines that agree give byte-identical files.
A change to the parse engine that must not change its answers is checked with this before it is
committed; a change that fixes an answer says so in its own commit.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def documents() -> Iterator[tuple[str, str]]:
    """(name, decoded text) of every document, in a stable order."""
    from zhiliang_cli.cache import _read_text
    from zhiliang_cli.source import read_bytes

    files = [ROOT / "data" / "plan_2023.txt"]
    files += sorted(p for p in (ROOT / "tests").rglob("*") if p.suffix in {".txt", ".pdf"})
    if (SHARED / "corpus").is_dir():
        files += sorted(p for p in (SHARED / "corpus").rglob("*.txt"))
    if (SHARED / "seeds").is_dir():
        files += sorted(p for p in (SHARED / "seeds").rglob("*.txt"))
    for path in files:
        text, _encoding, _origin = _read_text(read_bytes(str(path)))
        yield _name(path), text
    yield from _generated()


def _name(path: Path) -> str:
    for base, tag in ((SHARED, "shared"), (ROOT, "repo")):
        if path.is_relative_to(base):
            return tag + "__" + "__".join(path.relative_to(base).with_suffix("").parts)
    return path.stem


def _generated() -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import make_plan  # type: ignore[import-not-found]

    from tests.variants import VARIANTS
    from zhiliang_cli.source import BUNDLED_PLAN

    base = Path(str(BUNDLED_PLAN)).read_text(encoding="utf-8")
    for name, (variant, _description) in sorted(VARIANTS.items()):
        yield f"variant__{name}", variant(base)
    rng = random.Random(2023)
    for n in range(12):
        yield f"bench__{n:02d}", make_plan(rng, base)


def dump(text: str) -> str:
    from zhiliang_cli.parse.pipeline import parse_text

    try:
        plan: object = parse_text(text)
    except Exception as error:  # a document the parser refuses: its refusal is its output
        plan = {"error": type(error).__name__, "message": str(error)}
    return json.dumps(plan, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def write(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in documents():
        (folder / f"{name}.json").write_text(dump(text), encoding="utf-8")
        count += 1
    print(f"wrote {count} documents to {folder}")
    return 0


def check(folder: Path, show: int = 20, paths: bool = False, ignore: tuple[str, ...] = ()) -> int:
    differ = 0
    seen = 0
    for name, text in documents():
        seen += 1
        expected_file = folder / f"{name}.json"
        got = dump(text)
        if not expected_file.exists():
            print(f"new: {name}")
            differ += 1
            continue
        expected = expected_file.read_text(encoding="utf-8")
        if ignore:
            before, after = (_without(json.loads(x), ignore) for x in (expected, got))
            if before == after:
                continue
        elif got == expected:
            continue
        differ += 1
        print(f"differs: {name}")
        if paths:
            found = list(_differences(json.loads(expected), json.loads(got), "", ignore))
            for line in found[:show]:
                print("    " + line)
            if len(found) > show:
                print(f"    … {len(found) - show} more")
            continue
        lines = difflib.unified_diff(expected.splitlines(), got.splitlines(), "before", "after", n=1, lineterm="")
        for line in list(lines)[2 : 2 + show]:
            print("    " + line)
    print(f"{seen} documents, {differ} differ")
    return 1 if differ else 0


def _without(value: object, ignore: tuple[str, ...]) -> object:
    if isinstance(value, dict):
        return {k: _without(v, ignore) for k, v in value.items() if k not in ignore}
    if isinstance(value, list):
        return [_without(v, ignore) for v in value]
    return value


def _differences(before: object, after: object, where: str, ignore: tuple[str, ...]) -> Iterator[str]:
    """Each leaf that differs, as path: before -> after (short)."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [k for k in after if k not in before]:
            if key in ignore:
                continue
            yield from _differences(before.get(key, "<absent>"), after.get(key, "<absent>"), f"{where}.{key}", ignore)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for k, (b, a) in enumerate(zip(before, after, strict=True)):
            yield from _differences(b, a, f"{where}[{k}]", ignore)
    elif before != after:
        yield f"{where}: {_short(before)} -> {_short(after)}"


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 90 else text[:87] + "..."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["write", "check"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", type=int, default=20, help="diff lines shown per document")
    parser.add_argument("--paths", action="store_true", help="show what differs field by field")
    parser.add_argument("--ignore", action="append", default=[], help="a key left out of the comparison")
    args = parser.parse_args()
    if args.action == "write":
        return write(args.folder)
    return check(args.folder, args.show, args.paths, tuple(args.ignore))


if __name__ == "__main__":
    sys.exit(main())
