"""Tables -> lines of text, a 任务分工 table's rows as items the parser reads.

A task table is one whose header row names a task column and a unit column::

    序号 | 工作任务             | 牵头单位     | 配合单位          | 完成时限
    1    | 制定地方标准10项。   | 省市场监管局 | 省发改委、省工信厅 | 2023年12月底前

Each of its rows becomes one line: the row's number as a marker, its task (and
any other text columns), and a note labelled with the header's own words::

    1. 制定地方标准10项。（牵头单位：省市场监管局；配合单位：省发改委、省工信厅；完成时限：2023年12月底前）

Every cell's text is kept whole and in column order; zl adds only the marker's
dot (``1.``, or the row's position when the table has no number column), the
brackets, the labels (copied from the header) and the separators ：；、.  A row
that is one merged cell (a heading such as 一、加强质量基础) is a line of its own;
the header row itself is a line of its cells joined by tabs, as is every row of a
table that is not a task table.
"""

from __future__ import annotations

from collections.abc import Sequence

from zhiliang_cli.parse import lexicon as lx

#: Header words that give a column its role, tried in this order: a header cell takes the
#: first role one of whose words it contains (a number header must be the whole cell).  The
#: unit and deadline words are the labels the parser reads in a note (lexicon), so that a
#: column's header, written as the note's label, is read; a person (牵头领导, 责任人) is
#: another field, not a unit, and a column of one is neither lead nor cooperating.
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("number", ("序号", "编号", "序", "no", "#")),
    ("deadline", (*lx.DEADLINE_LABELS, "时间安排", "进度安排")),
    ("other", tuple(label for label in lx.FIELD_LABELS if label not in lx.DEADLINE_LABELS)),
    ("cooperating", (*lx.COOPERATING_LABELS, "配合")),
    ("lead", (*lx.LEAD_LABELS, *lx.SHARED_LABELS)),
    ("task", ("任务", "措施", "内容", "事项", "工作", "举措", "目标")),
)
UNIT_ROLES = ("lead", "cooperating")
NOTE_ROLES = ("lead", "cooperating", "deadline")
#: Punctuation that ends a piece of text well enough to follow it with no separator.
ENDS = "。；;！!？?：:，,、"

Row = Sequence[str]


def column_role(header: str) -> str | None:
    """The role of a column from its header cell.

    >>> [column_role(h) for h in ("序号", "重点工作任务", "牵头单位", "配合部门", "完成时限", "备注")]
    ['number', 'task', 'lead', 'cooperating', 'deadline', None]
    >>> [column_role(h) for h in ("No.", "主办单位", "协作单位", "牵头领导", "任务完成时间", "责 任 单 位")]
    ['number', 'lead', 'cooperating', None, 'deadline', 'lead']
    """
    words = "".join(header.split())
    for role, labels in ROLE_WORDS:
        if role == "number":
            if words.rstrip(".．").lower() in labels:
                return role
        elif any(label in words for label in labels):
            return None if role == "other" else role
    return None


def header_roles(row: Row) -> list[str | None] | None:
    """The roles of a header row's columns, or None when it is not a task table's header."""
    roles = [column_role(cell) for cell in row]
    if "task" in roles and any(role in roles for role in UNIT_ROLES):
        return roles
    return None


def render_table(rows: Sequence[Row]) -> list[str]:
    """The lines of a table given as rows of cell texts (merged cells repeated, a cell's
    paragraphs separated by newlines)."""
    rows = [list(row) for row in rows if any(cell.strip() for cell in row)]
    for index, row in enumerate(rows[:3]):
        roles = header_roles(row)
        if roles is not None:
            head = [_plain_row(r) for r in rows[:index]] + [_plain_row(row)]
            return head + _task_rows(rows[index + 1 :], [cell.strip() for cell in row], roles)
    return [_plain_row(row) for row in rows]


def _plain_row(row: Row) -> str:
    cells: list[str] = []
    for cell in row:
        text = " ".join(part.strip() for part in cell.split("\n") if part.strip())
        if not cells or text != cells[-1]:  # a cell merged across columns, once
            cells.append(text)
    return "\t".join(cells)


def _task_rows(rows: Sequence[Row], labels: list[str], roles: list[str | None]) -> list[str]:
    lines: list[str] = []
    position = 0
    for row in rows:
        if _is_heading(row):
            lines.append(_plain_row(row))
            continue
        position += 1
        lines.append(_task_line(row, labels, roles, position))
    return lines


def _is_heading(row: Row) -> bool:
    """A row that is one cell merged across the table, or that fills only its first cell.

    >>> _is_heading(["一、质量基础"] * 4), _is_heading(["一、质量基础", "", "", ""]), _is_heading(["1", "任务", "", ""])
    (True, True, False)
    """
    filled = [cell.strip() for cell in row if cell.strip()]
    return len(row) > 2 and len(set(filled)) == 1 and (len(filled) > 1 or bool(row[0].strip()))


def _task_line(row: Row, labels: list[str], roles: list[str | None], position: int) -> str:
    number, body, note = "", "", []
    for cell, label, role in zip(row, labels, roles, strict=False):
        if role == "number":
            number = cell.strip()
        elif role in NOTE_ROLES:
            value = _join(cell, "、" if role in UNIT_ROLES else "；")
            if value:
                note.append(f"{label}：{value}")
        else:
            value = _join(cell, "；")
            if value:
                piece = value if role == "task" and not body else f"{label}：{value}"
                body = _glue(body, piece)
    marker = _marker(number or str(position))
    return f"{marker} {body}" + (f"（{'；'.join(note)}）" if note else "")


def _marker(number: str) -> str:
    """The row's number as an item marker.

    >>> _marker("3"), _marker("3."), _marker("（三）"), _marker("3、")
    ('3.', '3.', '（三）', '3、')
    """
    return number if number[-1] in ".、．)）" else f"{number}."


def _join(cell: str, separator: str) -> str:
    """A cell's paragraphs on one line: joined by ``separator`` unless one already ends
    in punctuation.

    >>> _join("省发改委\\n省工信厅", "、"), _join("制定标准。\\n开展培训", "；")
    ('省发改委、省工信厅', '制定标准。开展培训')
    """
    text = ""
    for part in cell.split("\n"):
        part = part.strip()
        if part:
            text = _glue(text, part, separator)
    return text


def _glue(text: str, piece: str, separator: str = "；") -> str:
    if not text:
        return piece
    return text + ("" if text[-1] in ENDS else separator) + piece
