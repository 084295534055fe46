"""Values for shell completion (``zl --install-completion``): the section numbers and the unit
names of the plan at hand — the one ``--file`` or ``--db`` names on the line being completed,
else the bundled plan.  Completion never fails: a plan that cannot be read offers nothing."""

from __future__ import annotations

from typing import Any


def _plans(params: dict[str, Any]) -> list[Any]:
    """The plan records the command line being completed names (read through the cache)."""
    files, db = params.get("file"), params.get("db")
    try:
        if db:
            from .dbplans import load

            return [loaded.plan for _, loaded in load(db, files or [])]
        if files:
            from .cache import load_plan

            return [load_plan(path).plan for path in files]
        from .cache import load_plan

        return [load_plan(None).plan]
    except Exception:  # completion offers what it can, and never shows an error
        return []


def units(params: dict[str, Any], incomplete: str) -> list[str]:
    """The lead and cooperating units of the plan at hand whose names start with ``incomplete``."""
    found: dict[str, None] = {}
    for plan in _plans(params):
        for section in plan["sections"]:
            for item in section["items"]:
                for unit in (*item["lead_units"], *item["cooperating_units"]):
                    found.setdefault(unit)
    return [unit for unit in found if unit.startswith(incomplete)]


def sections(params: dict[str, Any], incomplete: str) -> list[str]:
    """The section numbers of the plan at hand (1 and 一) that start with ``incomplete``."""
    found: dict[str, None] = {}
    for plan in _plans(params):
        for section in plan["sections"]:
            found.setdefault(str(section["number"]))
            found.setdefault(section["numeral"])
    return [value for value in found if value.startswith(incomplete)]
