"""The models are the schema: schemas/plan.schema.json, the TypedDict records and the
export must all agree."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pydantic
import pytest

from zhiliang_cli import models, parse_plan, records
from zhiliang_cli.records import PlanRecord
from zhiliang_cli.schema import schema_text

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "plan.schema.json"

PAIRS = [
    (models.Plan, records.PlanRecord),
    (models.Section, records.SectionRecord),
    (models.Item, records.ItemRecord),
    (models.Target, records.TargetRecord),
    (models.Group, records.GroupRecord),
    (models.Contact, records.ContactRecord),
    (models.Problem, records.ProblemRecord),
    (models.Part, records.PartRecord),
]


def test_schema_file_is_current(request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        SCHEMA.write_text(schema_text(), encoding="utf-8")
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), "run: zl schema -o schemas/plan.schema.json --force"


@pytest.mark.parametrize(("model", "record"), PAIRS, ids=[m.__name__ for m, _ in PAIRS])
def test_records_mirror_models(model: type[pydantic.BaseModel], record: type) -> None:
    assert list(model.model_fields) == list(typing.get_type_hints(record))


def test_export_validates_against_models(plan: PlanRecord) -> None:
    validated = models.Plan.model_validate(plan)
    assert json.loads(validated.model_dump_json()) == json.loads(json.dumps(plan))


def test_models_are_strict_and_frozen(plan_text: str) -> None:
    parsed = parse_plan(plan_text)
    with pytest.raises(pydantic.ValidationError):
        parsed.sections[0].items[0].title = "x"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        models.Contact.model_validate({"name": None, "office": None, "phone": None, "email": None, "fax": "1"})
