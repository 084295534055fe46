"""The JSON Schema of the export, generated from :mod:`zhiliang_cli.models`."""

from __future__ import annotations

import json

from .models import Plan


def schema_text() -> str:
    """``Plan``'s JSON Schema as indented JSON, readable Chinese, newline-terminated."""
    return json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
