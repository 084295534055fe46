"""zl: turn a Chinese government work plan (工作要点) into structured data.

The public API is :func:`parse_plan` and the Pydantic models in
:mod:`zhiliang_cli.models`; Pydantic is imported only when they are first used,
so that the command line stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .models import Group, Item, Plan, Section, Target

__all__ = ["Group", "Item", "Plan", "Section", "Target", "__version__", "parse_plan"]


def parse_plan(text: str) -> Plan:
    """Parse the decoded text of a plan into a validated :class:`Plan`."""
    from .models import Plan
    from .parse import parse_text

    return Plan.model_validate(parse_text(text))


def __getattr__(name: str) -> Any:
    if name in {"Group", "Item", "Plan", "Section", "Target"}:
        from . import models

        return getattr(models, name)
    raise AttributeError(name)
