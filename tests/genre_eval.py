"""Compare zl's parse of a document with its hand annotation (tests/genre, tests/corpus_annotations).

Run as a script to list every difference: ``python -m tests.genre_eval [NAME …]``.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from zhiliang_cli.cache import load_plan
from zhiliang_cli.errors import ZlError

HERE = Path(__file__).parent
GENRE = HERE / "genre"
CORPUS_ANNOTATIONS = HERE / "corpus_annotations"
SHARED = HERE.parent.parent / "shared"

NOTICE_FIELDS = ("title", "doc_number", "recipients", "issuers", "date", "note")
TARGET_FIELDS = ("value", "low", "high", "unit", "comparator", "change", "aspirational", "by", "subject")


@dataclass
class Report:
    """The differences found for one document, and its target counts."""

    name: str
    differences: list[str] = field(default_factory=list)
    targets_expected: int = 0
    targets_found: int = 0
    targets_matched: int = 0  # found, and right in every field

    def add(self, what: str) -> None:
        self.differences.append(what)


@functools.cache
def annotation(path: Path) -> dict[str, Any]:
    """An annotation, read once (every xdist worker collects every case, and the evaluation of the
    whole set reads them again), by libyaml where PyYAML has it: the same data, a tenth of the time."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return data


def cases() -> list[tuple[str, Path, Path]]:
    """(name, document, expectation) for every annotated document that is here."""
    found = [(p.stem, p, p.with_suffix(".expected.yaml")) for p in sorted(GENRE.glob("*.txt"))]
    for expected in sorted(CORPUS_ANNOTATIONS.glob("*.expected.yaml")):
        source = annotation(expected).get("source", "")
        document = SHARED / source
        if document.exists():
            found.append((expected.name.removesuffix(".expected.yaml"), document, expected))
    return found


def _marker_core(marker: str) -> str:
    return marker.strip("（）()、.．﹒。 　第条")


def evaluate(name: str, document: Path, expected_file: Path) -> Report:
    expected = annotation(expected_file)
    report = Report(name)
    try:
        plan = load_plan(str(document)).plan
    except ZlError as error:
        if expected.get("error"):
            if expected["error"] not in str(error) and "section heading" not in str(error):
                report.add(f"error line {str(error)!r} does not say {expected['error']!r}")
        else:
            report.add(f"refused: {error}")
        return report
    if expected.get("error"):
        report.add(f"parsed, but expected an error ({expected['error']})")
        return report
    _notice(plan, expected, report)
    items = [i for s in plan["sections"] for i in s["items"]]
    _items(items, expected.get("items") or [], report)
    _targets(plan, items, expected.get("targets") or [], report)
    truncated = any(p["kind"] == "truncated" for p in plan["problems"])
    if bool(expected.get("truncated")) != truncated:
        report.add(f"truncated: expected {bool(expected.get('truncated'))}, got {truncated}")
    return report


def _notice(plan: dict[str, Any], expected: dict[str, Any], report: Report) -> None:
    notice = expected.get("notice") or {}
    for key in NOTICE_FIELDS:
        if key not in notice:
            continue
        want, got = notice[key], plan[key]
        if key == "date" and want is not None:
            want = str(want)
        if (want or None) != (got or None):
            report.add(f"notice {key}: expected {want!r}, got {got!r}")
    if "plan_title" in expected and expected["plan_title"] != plan["plan_title"]:
        report.add(f"plan_title: expected {expected['plan_title']!r}, got {plan['plan_title']!r}")
    for key in ("kind", "published"):  # issue 18: what kind of document; the page's date, never 成文日期
        if key in expected:
            want = None if expected[key] is None else str(expected[key])
            if want != plan.get(key):
                report.add(f"{key}: expected {want!r}, got {plan.get(key)!r}")


def _items(items: list[dict[str, Any]], expected: list[dict[str, Any]], report: Report) -> None:
    if len(items) != len(expected):
        report.add(f"items: expected {len(expected)}, got {len(items)}")
    numbers = [i["number"] for i in items]
    if len(set(numbers)) != len(numbers):
        report.add("item numbers repeat")
    for k, (want, got) in enumerate(zip(expected, items, strict=False), start=1):
        where = f"item {k} ({want.get('marker')})"
        if _marker_core(str(want.get("marker", ""))) != got["numeral"]:
            report.add(f"{where}: numeral {got['numeral']!r}")
        if want.get("title") is not None and want["title"] != got["title"]:
            report.add(f"{where}: title {got['title']!r}, expected {want['title']!r}")
        for key in ("lead_units", "cooperating_units"):
            # the order of units gathered from several notes is a matter of reading: compare the sets
            if key in want and sorted(want[key] or []) != sorted(got[key]):
                report.add(f"{where}: {key} {got[key]}, expected {want[key]}")
        if "deadline" in want:
            _deadline(where, want["deadline"], got["deadline"], report)


def _deadline(where: str, want: dict[str, Any] | None, got: dict[str, Any] | None, report: Report) -> None:
    if want is None and got is None:
        return
    if want is None or got is None:
        report.add(f"{where}: deadline {got!r}, expected {want!r}")
        return
    date = None if want.get("date") is None else str(want["date"])
    if (want.get("text"), date) != (got["text"], got["date"]):
        report.add(f"{where}: deadline {got['text']!r} {got['date']}, expected {want.get('text')!r} {date}")


def _targets(plan: dict[str, Any], items: list[dict[str, Any]], expected: list[dict[str, Any]], report: Report) -> None:
    position = {item["number"]: k for k, item in enumerate(items, start=1)}
    targets = plan["targets"] + [t for s in plan["sections"] for t in s["targets"] + [
        t for i in s["items"] for t in i["targets"]]]  # fmt: skip
    found = [(position.get(t["item"]) if t["item"] is not None else None, t) for t in targets]
    report.targets_expected, report.targets_found = len(expected), len(found)
    unmatched = list(found)
    for want in expected:
        key = (want.get("item"), str(want["number_text"]))
        match = next((pair for pair in unmatched if (pair[0], pair[1]["number_text"]) == key), None)
        if match is None:
            report.add(f"target missed: item {key[0]} {key[1]} ({want.get('unit')})")
            continue
        unmatched.remove(match)
        got = match[1]
        wrong = [f for f in TARGET_FIELDS if f in want and _value(want[f], f) != _value(got[f], f)]
        if wrong:
            report.add(
                f"target item {key[0]} {key[1]}: "
                + ", ".join(f"{f} {_value(got[f], f)!r} (expected {_value(want[f], f)!r})" for f in wrong)
            )
        else:
            report.targets_matched += 1
    for k, got in unmatched:
        report.add(f"target not in the annotation: item {k} {got['number_text']}{got['unit']} in {got['text']!r}")


def _value(value: Any, name: str) -> Any:
    if name == "by":
        if isinstance(value, dict):
            return None if value.get("date") is None else str(value["date"])
        return None if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def main(names: list[str]) -> int:
    expected = found = matched = 0
    for name, document, expected_file in cases():
        if names and not any(n in name for n in names):
            continue
        report = evaluate(name, document, expected_file)
        expected += report.targets_expected
        found += report.targets_found
        matched += report.targets_matched
        print(f"== {name}: {len(report.differences)} differences")
        for line in report.differences:
            print("   ", line)
    print(f"targets: {matched} right of {expected} expected, {found} found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
