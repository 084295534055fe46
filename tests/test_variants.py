"""Real copies differ from the shared plan (issue 4): each variant must yield the same
72 items, in the same sections, with the same lead units and targets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zhiliang_cli.cache import load_plan
from zhiliang_cli.records import PlanRecord

from .variants import HALF_TO_FULL, VARIANTS


def summary(plan: PlanRecord) -> list[tuple[Any, ...]]:
    return [
        (
            section["number"],
            item["number"],
            item["title"].translate(HALF_TO_FULL),
            item["lead_units"],
            [
                (t["number_text"], t["value"], t["low"], t["high"], t["unit"], t["comparator"], t["change"],
                 t["aspirational"])
                for t in item["targets"]
            ],
        )
        for section in plan["sections"]
        for item in section["items"]
    ]  # fmt: skip


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_parses_like_the_original(name: str, plan_text: str, plan: PlanRecord, tmp_path: Path) -> None:
    transform, encoding = VARIANTS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(transform(plan_text).encode(encoding))
    loaded = load_plan(str(path))
    assert loaded.encoding == encoding
    assert summary(loaded.plan) == summary(plan)
    assert loaded.plan["problems"] == []
    assert loaded.plan["doc_number"] == plan["doc_number"] and loaded.plan["date"] == plan["date"]
    text = path.read_bytes().decode(encoding)
    for section in loaded.plan["sections"]:
        for item in section["items"]:
            assert text[item["span"][0] : item["span"][1]] == item["text"]
            for target in item["targets"]:
                assert text[target["span"][0] : target["span"][1]] == target["text"]


def test_varied_notes_keep_cooperating_units(plan_text: str, tmp_path: Path) -> None:
    transform, _ = VARIANTS["varied-lead-notes"]
    path = tmp_path / "notes.txt"
    path.write_text(transform(plan_text), encoding="utf-8")
    items = [i for s in load_plan(str(path)).plan["sections"] for i in s["items"]]
    assert items[2]["cooperating_units"] == ["省财政厅", "省统计局"]
    assert items[3]["cooperating_units"] == ["各设区市人民政府"]
    assert items[4]["cooperating_units"] == ["省直有关单位"]
    assert items[0]["cooperating_units"] == []
