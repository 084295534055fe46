"""The parse pipeline: decoded text in, the plan as plain records out.

Each stage reads what the stage before it produced and never calls back up:

    lines      the text's lines, each classified once (heading and level, note, furniture, date, …)
    structure  sections, groups and items built from the line classes, with their notes' spans;
               a plan printed as a task table through rows (its header, columns and rows) and
               row_items (the rows as sections, items and notes); tasks assigned by number in a
               任务分工 section or closing paragraph given their notes through assignments
    notes      a note's units and roles (牵头单位：A；配合单位：B), the plan's own rule applied
    header     the notice around the plan (title, 发文字号, 主送, signature, date) and the preamble
    times      the plan's year, its horizons and deadlines, found once; each item's 完成时限
    targets    the quantified targets of the preamble, of sections' own text and of items
    problems   what `zl check` reports: numbering, missing leads, a cut-off end

Beside them: ``lexicon`` (data tables only), ``patterns`` (every compiled pattern, built from the
lexicon), ``numerals`` (Chinese and Arabic numbers), ``script`` (a plan in traditional characters
read through a simplified shadow, its facts given back as printed).  ``pipeline.parse_text`` runs
the stages in order.  Nothing here knows of terminals, files or caches: the capabilities that use a parsed plan
(query, export, render, ledger, progress, diff, corpus, db, cache, readers) live outside.

This module imports no stage itself, so that the query path can read the lexicon without paying
for the patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zhiliang_cli.records import PlanRecord

__all__ = ["parse_text"]


def parse_text(text: str) -> PlanRecord:
    """Parse the decoded text of a plan into plain records (see :mod:`zhiliang_cli.records`)."""
    from .pipeline import parse_text as run

    return run(text)
