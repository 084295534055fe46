"""What ``zl serve`` adds to Datasette: a plugin (imported only by ``zl serve``, with Datasette).

* metadata in Chinese: a title and a description for the database, every table, view and
  column; facets; saved queries (:data:`QUERIES`);
* the search box of ``items`` and ``items_full`` searches the bigram index: ``escape_fts``, the
  SQL function Datasette wraps a search in, is replaced on our connections by
  :func:`db.fts_query` (each word a phrase of its character pairs), and ``zl_match`` is the same
  for saved queries;
* span columns are hidden from the tables' pages (``_nocol``) unless the address names columns;
* a plan page, ``/-/zl/plan/ID``: the notice, the sections and items in order, each item's text
  with its lead note and its targets highlighted at their spans, linking to the rows;
* charts drawn on the server as SVG (no script, no CDN): targets by due quarter and items by
  lead unit on the index and on a plan's page; met / unmet / unreported per unit on the
  progress query.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any, TypeVar, cast

import datasette
from datasette.utils.asgi import Response
from markupsafe import Markup

from .db import fts_query

F = TypeVar("F", bound=Callable[..., Any])
hookimpl = cast(Callable[[F], F], datasette.hookimpl)
#: A hook called after the other plugins' (Datasette's own included).
hook_last = cast(Callable[[F], F], datasette.hookimpl(trylast=True))

DATABASE = "zl"
TEMPLATES = Path(__file__).parent / "data" / "web"
#: Columns kept from the tables' pages (offsets into the text: for programs, not for reading).
SPAN_COLUMNS = {
    "sections": ["span_start", "span_end"],
    "items": ["span_start", "span_end", "lead_span_start", "lead_span_end", "deadline_start", "deadline_end"],
    "targets": ["span_start", "span_end", "number_start", "number_end", "by_start", "by_end"],
    "items_full": ["span_start", "span_end"],
    "targets_full": ["span_start", "span_end"],
    "plans": ["file_stat", "sha256"],
}
RE_TABLE_PAGE = re.compile(rf"^/{DATABASE}/(?P<table>[a-z_]+)(?:\.json|\.csv)?$")

QUERIES: dict[str, dict[str, Any]] = {
    "search": {
        "title": "全文检索（按相关度排序）",
        "description": "任务原文中含有所有检索词的任务，按 bm25 相关度排序；每个词两个字以上。",
        "sql": "SELECT i.id, i.plan_title, i.region, i.number, i.title, i.lead_units, round(bm25(items_bigram), 2)"
        " AS 相关度 FROM items_bigram JOIN items_full i ON i.id = items_bigram.rowid"
        " WHERE items_bigram MATCH zl_match(:q) ORDER BY rank LIMIT 200",
    },
    "targets_by_quarter_and_lead": {
        "title": "按季度和牵头单位统计到期指标",
        "description": "每个季度到期的量化指标数，按牵头单位（含地名）分列。",
        "sql": "SELECT t.due_quarter AS 季度, u.qualified_unit AS 牵头单位, count(DISTINCT t.id) AS 指标数"
        " FROM targets_full t JOIN item_units u ON u.item_id = t.item_id AND u.role = 'lead'"
        " WHERE t.due_quarter IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2",
    },
    "lead_unit_load": {
        "title": "牵头单位任务量",
        "description": "每个牵头单位（含地名）在所有计划中牵头的计划数、任务数和指标数。",
        "sql": "SELECT u.qualified_unit AS 牵头单位, count(DISTINCT u.plan_id) AS 计划数,"
        " count(DISTINCT u.item_id) AS 任务数,"
        " (SELECT count(*) FROM targets t WHERE t.item_id IN (SELECT item_id FROM item_units v"
        " WHERE v.qualified_unit = u.qualified_unit AND v.role = 'lead')) AS 指标数"
        " FROM item_units u WHERE u.role = 'lead' GROUP BY u.qualified_unit ORDER BY 任务数 DESC, 计划数 DESC",
    },
    "targets_changed": {
        "title": "两版计划之间变化的指标",
        "description": "同一任务（标题相同）、同一计量单位的指标，在旧版（old）与新版（new）计划之间"
        "数值或比较方式不同；只在一版中出现的指标标为新增或删除。参数为 plans 表的 id。",
        "sql": "WITH o AS (SELECT * FROM targets_full WHERE plan_id = :old),"
        " n AS (SELECT * FROM targets_full WHERE plan_id = :new)"
        " SELECT '变化' AS 变化, o.item_title AS 任务, o.unit AS 单位, o.comparator || ' ' || o.value AS 旧值,"
        " n.comparator || ' ' || n.value AS 新值, o.text AS 旧原文, n.text AS 新原文"
        " FROM o JOIN n ON n.item_title = o.item_title AND n.unit = o.unit AND coalesce(n.subject, '') ="
        " coalesce(o.subject, '') WHERE n.value IS NOT o.value OR n.comparator != o.comparator"
        " OR n.low IS NOT o.low OR n.high IS NOT o.high"
        " UNION ALL SELECT '删除', o.item_title, o.unit, o.comparator || ' ' || o.value, NULL, o.text, NULL FROM o"
        " WHERE NOT EXISTS (SELECT 1 FROM n WHERE n.item_title = o.item_title AND n.unit = o.unit)"
        " UNION ALL SELECT '新增', n.item_title, n.unit, NULL, n.comparator || ' ' || n.value, NULL, n.text FROM n"
        " WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.item_title = n.item_title AND o.unit = n.unit)",
    },
    "progress_by_unit_and_quarter": {
        "title": "各单位各季度指标完成情况",
        "description": "zl progress --db 记录的季度报告：每个牵头单位的达标、未达标、未报送、无效指标数。",
        "sql": "SELECT r.quarter AS 季度, u.qualified_unit AS 牵头单位,"
        " sum(p.status = 'met') AS 达标, sum(p.status = 'unmet') AS 未达标,"
        " sum(p.status = 'unreported') AS 未报送, sum(p.status = 'invalid') AS 无效"
        " FROM progress p JOIN progress_reports r ON r.id = p.report_id"
        " JOIN item_units u ON u.item_id = p.item_id AND u.role = 'lead'"
        " GROUP BY 1, 2 ORDER BY 1, 2",
    },
}


def metadata() -> dict[str, Any]:
    """Datasette's metadata for a zl database: titles, descriptions, facets, saved queries."""
    return {
        "title": "工作要点数据库",
        "description_html": (
            "由 <code>zl db build</code> 生成：计划、章节、任务、牵头与配合单位、量化指标。"
            "每个计划的页面见 plans 表中的“计划页”链接，或 <code>/-/zl/plan/编号</code>。"
        ),
        "databases": {
            DATABASE: {
                "title": "工作要点",
                "description": "计划、章节、任务、单位和指标；任务和指标的全貌见视图 items_full 与 targets_full。",
                "tables": TABLES,
                "queries": QUERIES,
            }
        },
    }


TABLES: dict[str, dict[str, Any]] = {
    "plans": {
        "title": "计划",
        "description": "每个文件一份计划：通知、地区、级别、年份、类别。",
        "facets": ["level", "region", "year", "kind"],
        "label_column": "plan_title",
        "columns": {
            "file": "文件路径",
            "title": "通知标题",
            "doc_number": "发文字号",
            "date": "成文日期",
            "issuers": "发文机关",
            "plan_title": "计划标题",
            "kind": "文件类别（计划、复函、通报、规章、决定、其他）",
            "year": "计划年份",
            "level": "级别：国家、省、市、县",
            "region": "地区",
            "province": "省级地名",
            "city": "市级地名",
            "county": "县级地名",
            "n_sections": "章节数",
            "n_items": "任务数",
            "n_targets": "指标数",
        },
    },
    "sections": {
        "title": "章节",
        "description": "计划的一级标题（一、二、……），按顺序。",
        "facets": ["plan_id"],
        "label_column": "title",
        "columns": {"plan_id": "所属计划", "number": "序号", "numeral": "原文编号", "title": "标题", "line": "行号"},
    },
    "items": {
        "title": "任务",
        "description": "计划中的每一项任务，原文照录。",
        "facets": ["plan_id"],  # a section's id means nothing across plans
        "label_column": "title",
        "fts_table": "items_bigram",
        "fts_pk": "id",
        "columns": {
            "plan_id": "所属计划",
            "section_id": "所属章节",
            "number": "任务序号",
            "numeral": "原文编号",
            "section": "章节序号",
            "group_title": "分组标题",
            "title": "任务标题",
            "text": "任务原文",
            "line": "行号",
            "deadline": "完成时限（日期）",
            "deadline_text": "完成时限（原文）",
        },
    },
    "item_units": {
        "title": "任务单位",
        "description": "每项任务的牵头单位和配合单位：原文名称，以及加上计划所在地名的全称。",
        "facets": ["qualified_unit", "role", "plan_id"],
        "columns": {
            "plan_id": "所属计划",
            "item_id": "任务",
            "unit": "单位（原文）",
            "qualified_unit": "单位（含地名）",
            "role": "lead 牵头 / cooperating 配合",
        },
    },
    "targets": {
        "title": "量化指标",
        "description": "任务中的量化指标：数值、单位、比较方式、时限。",
        "facets": ["plan_id", "unit", "comparator"],
        "columns": {
            "plan_id": "所属计划",
            "item_id": "所属任务",
            "text": "指标原文",
            "number_text": "数字原文",
            "value": "数值",
            "low": "下限",
            "high": "上限",
            "unit": "计量单位",
            "comparator": "比较方式",
            "change": "增减",
            "aspirational": "力争",
            "subject": "指标对象",
            "by_date": "时限（日期）",
            "by_text": "时限（原文）",
        },
    },
    "items_full": {
        "title": "任务全貌",
        "description": "每项任务连同计划、地区、年份、章节、牵头与配合单位、时限，便于分面筛选。",
        "facets": ["region", "year", "kind"],  # lead units: item_units' facet (an array facet costs seconds)
        "fts_table": "items_bigram",
        "fts_pk": "id",
        "columns": {
            "plan": "文件",
            "plan_title": "计划",
            "region": "地区",
            "section_title": "章节",
            "title": "任务标题",
            "text": "任务原文",
            "lead_units": "牵头单位（含地名）",
            "lead_units_as_printed": "牵头单位（原文）",
            "cooperating_units": "配合单位（含地名）",
            "deadline": "完成时限",
            "n_targets": "指标数",
        },
    },
    "targets_full": {
        "title": "指标全貌",
        "description": "每个量化指标连同计划、地区、年份、章节、任务、牵头单位和到期季度。",
        "facets": ["due_quarter", "region", "unit", "comparator", "year"],
        "columns": {
            "plan_title": "计划",
            "item_title": "任务",
            "lead_units": "牵头单位（含地名）",
            "text": "指标原文",
            "due_date": "到期日",
            "due_quarter": "到期季度",
            "due_text": "时限（原文）",
        },
    },
    "progress_reports": {"title": "进度报告", "description": "zl progress --db 记录的每季度一份报告。"},
    "progress": {"title": "指标进度", "description": "每份报告中每个指标的完成值与判定。", "facets": ["status"]},
    "meta": {"hidden": True},
}


# --- hooks -----------------------------------------------------------------------------------------


#: Pages in memory: the database is immutable, so reading it mapped is safe, and a facet or a
#: search that looks up many rows by id reads them without a system call each (40% faster over
#: 5,000 plans, bench/serve.py).
MMAP_BYTES = 2**30
CACHE_KB = 32 * 1024


@hook_last  # after Datasette's own, whose escape_fts makes a word one token
def prepare_connection(conn: Any) -> None:
    """``escape_fts`` (what Datasette's search box calls) and ``zl_match``: the bigram query."""
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("zl_match", 1, lambda q: fts_query(q or ""), deterministic=True)
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    conn.execute(f"PRAGMA cache_size = {-CACHE_KB}")


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    env.globals["zl_bars"] = bars
    env.globals["zl_stacked"] = stacked


@hookimpl
def asgi_wrapper() -> Callable[[Any], Any]:
    """Span columns left out of a table's page unless the address chooses columns."""

    def wrap(app: Any) -> Any:
        async def hide_spans(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                match = RE_TABLE_PAGE.match(scope.get("path", ""))
                query = scope.get("query_string", b"")
                if match and match["table"] in SPAN_COLUMNS and b"_col=" not in query and b"_nocol=" not in query:
                    hidden = "&".join(f"_nocol={name}" for name in SPAN_COLUMNS[match["table"]])
                    scope = {**scope, "query_string": (query + b"&" if query else b"") + hidden.encode()}
            await app(scope, receive, send)

        return hide_spans

    return wrap


@hookimpl
def register_routes() -> list[tuple[str, Callable[..., Awaitable[Response]]]]:
    return [(r"^/-/zl/plan/(?P<plan_id>\d+)$", plan_page)]


@hookimpl
def extra_template_vars(template: str, datasette: Any) -> Callable[[], Awaitable[dict[str, Any]]] | None:
    if template != "index.html":
        return None

    async def charts() -> dict[str, Any]:
        return {"zl_charts": await overview_charts(datasette.get_database(DATABASE))}

    return charts


@hookimpl
def render_cell(value: Any, column: str, table: str | None) -> Markup | None:
    """A plan's id links to its plan page."""
    if table == "plans" and column == "id":
        return Markup(
            f'<a href="/{DATABASE}/plans/{int(value)}">{int(value)}</a> · <a href="/-/zl/plan/{int(value)}">计划页</a>'
        )
    return None


# --- charts ------------------------------------------------------------------------------------------


def bars(title: str, pairs: Sequence[Sequence[Any]], unit: str = "") -> Markup:
    """A horizontal bar chart as inline SVG: one ``<g class="bar">`` per (label, value).

    >>> str(bars("t", [("a", 2), ("b", 1)])).count('class="bar"')
    2
    """
    width, label_width, row = 640, 220, 22
    top = max((float(value) for _, value in pairs), default=0) or 1
    rows = []
    for index, (label, value) in enumerate(pairs):
        y = index * row
        length = (width - label_width - 60) * float(value) / top
        rows.append(
            f'<g class="bar" transform="translate(0,{y})"><title>{escape(str(label))}: {value}{escape(unit)}</title>'
            f'<text x="{label_width - 6}" y="15" text-anchor="end">{escape(_short(str(label)))}</text>'
            f'<rect x="{label_width}" y="3" width="{length:.1f}" height="{row - 6}" fill="#4a7ab5"></rect>'
            f'<text x="{label_width + length + 4:.1f}" y="15">{value}</text></g>'
        )
    return _svg(title, width, len(pairs) * row, "".join(rows))


STATUS_COLOURS = (("达标", "#3a9a4a"), ("未达标", "#c8453a"), ("未报送", "#b5b5b5"))


def stacked(title: str, rows: Sequence[Any]) -> Markup:
    """Met / unmet / unreported per unit (rows of the progress query), one stacked bar a row.

    >>> row = {"牵头单位": "甲", "季度": "2024-Q1", "达标": 2, "未达标": 1, "未报送": 0}
    >>> str(stacked("t", [row])).count('class="bar"')
    1
    """
    width, label_width, row = 640, 260, 22
    top = max((sum(int(r[name] or 0) for name, _ in STATUS_COLOURS) for r in rows), default=0) or 1
    out = []
    for index, r in enumerate(rows):
        label = f"{r['季度']} {r['牵头单位']}"
        x = float(label_width)
        parts = [f'<text x="{label_width - 6}" y="15" text-anchor="end">{escape(_short(label, 18))}</text>']
        for name, colour in STATUS_COLOURS:
            length = (width - label_width - 20) * int(r[name] or 0) / top
            parts.append(
                f'<rect class="{escape(name)}" x="{x:.1f}" y="3" width="{length:.1f}" height="{row - 6}"'
                f' fill="{colour}"><title>{escape(name)} {int(r[name] or 0)}</title></rect>'
            )
            x += length
        out.append(f'<g class="bar" transform="translate(0,{index * row})">{"".join(parts)}</g>')
    legend = "".join(f'<span style="color:{colour}">■</span> {name} ' for name, colour in STATUS_COLOURS)
    return Markup(f'<p class="zl-legend">{legend}</p>') + _svg(title, width, len(rows) * row, "".join(out))


def _svg(title: str, width: int, height: int, body: str) -> Markup:
    return Markup(
        f'<figure class="zl-chart"><figcaption>{escape(title)}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" width="{width}"'
        f' height="{max(height, 1)}" viewBox="0 0 {width} {max(height, 1)}" font-size="12">{body}</svg></figure>'
    )


def _short(label: str, size: int = 16) -> str:
    return label if len(label) <= size else label[: size - 1] + "…"


TOP_UNITS = 15


async def overview_charts(db: Any, plan_id: int | None = None) -> Markup:
    """Targets by due quarter and items by lead unit, over every plan or one."""
    where, params = ("WHERE t.plan_id = :plan", {"plan": plan_id}) if plan_id is not None else ("", {})
    quarters = await db.execute(
        f"SELECT coalesce(t.due_quarter, '无时限') AS q, count(*) FROM targets_full t {where}"
        " GROUP BY q ORDER BY q = '无时限', q",
        params,
    )
    unit_where = "AND u.plan_id = :plan" if plan_id is not None else ""
    units = await db.execute(
        f"SELECT u.qualified_unit, count(DISTINCT u.item_id) AS n FROM item_units u WHERE u.role = 'lead' {unit_where}"
        f" GROUP BY u.qualified_unit ORDER BY n DESC, u.qualified_unit LIMIT {TOP_UNITS}",
        params,
    )
    return bars("指标按到期季度", [tuple(r) for r in quarters.rows], " 个指标") + bars(
        f"任务按牵头单位（前 {TOP_UNITS} 个）", [tuple(r) for r in units.rows], " 项任务"
    )


# --- the plan page -----------------------------------------------------------------------------------


async def plan_page(request: Any, datasette: Any) -> Response:
    db = datasette.get_database(DATABASE)
    plan_id = int(request.url_vars["plan_id"])
    found = await db.execute("SELECT * FROM plans WHERE id = ?", [plan_id])
    if not found.rows:
        return Response.html("<h1>没有这个计划</h1>", status=404)
    plan = dict(found.rows[0])
    plan["issuers"] = "、".join(json.loads(plan["issuers"]))
    sections = [
        dict(r) for r in (await db.execute("SELECT * FROM sections WHERE plan_id = ? ORDER BY number", [plan_id])).rows
    ]
    items = [
        dict(r)
        for r in (await db.execute("SELECT * FROM items WHERE plan_id = ? ORDER BY section, number", [plan_id])).rows
    ]
    units: dict[int, dict[str, list[str]]] = {}
    for r in (
        await db.execute(
            "SELECT item_id, qualified_unit, role FROM item_units WHERE plan_id = ? ORDER BY rowid", [plan_id]
        )
    ).rows:
        units.setdefault(r[0], {"lead": [], "cooperating": []})[r[2]].append(r[1])
    targets: dict[int | None, list[dict[str, Any]]] = {}
    for r in (await db.execute("SELECT * FROM targets WHERE plan_id = ? ORDER BY id", [plan_id])).rows:
        targets.setdefault(r["item_id"], []).append(dict(r))
    for item in items:
        item["units"] = units.get(item["id"], {"lead": [], "cooperating": []})
        item["targets"] = targets.get(item["id"], [])
        item["html"] = highlighted(item, item["targets"])
    for section in sections:
        section["items"] = [item for item in items if item["section"] == section["number"]]
    html = await datasette.render_template(
        "zl_plan.html",
        {
            "plan": plan,
            "sections": sections,
            "n_targets": sum(len(t) for t in targets.values()),
            "charts": await overview_charts(db, plan_id),
            "database": DATABASE,
        },
        request=request,
    )
    return Response.html(html)


def highlighted(item: dict[str, Any], targets: Sequence[dict[str, Any]]) -> Markup:
    """An item's text as HTML: its lead note and its targets' clauses marked where their spans
    say, each target's number linking to its row (one clause may hold several targets).

    >>> item = {"text": "抽查500批次。（牵头：甲）", "span_start": 10, "lead_span_start": 18, "lead_span_end": 24}
    >>> print(highlighted(item, [{"id": 7, "span_start": 10, "span_end": 17, "number_start": 12, "number_end": 15}]))
    <mark class="zl-target">抽查<a href="/zl/targets/7">500</a>批次</mark>。<span class="zl-note">（牵头：甲）</span>
    """
    text, base = item["text"], item["span_start"]
    clauses: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for t in targets:
        clauses.setdefault((t["span_start"] - base, t["span_end"] - base), []).append(t)
    marks: list[tuple[int, int, str]] = [(start, end, "target") for start, end in clauses]
    if item.get("lead_span_start") is not None:
        marks.append((item["lead_span_start"] - base, item["lead_span_end"] - base, "note"))
    out, at = [], 0
    for start, end, kind in sorted(marks):
        if start < at or start < 0 or end > len(text):
            continue  # overlapping or outside the text: left plain
        out.append(escape(text[at:start]))
        if kind == "note":
            out.append(f'<span class="zl-note">{escape(text[start:end])}</span>')
        else:
            out.append(f'<mark class="zl-target">{_numbers(text, start, end, base, clauses[start, end])}</mark>')
        at = end
    out.append(escape(text[at:]))
    return Markup("".join(out))


def _numbers(text: str, start: int, end: int, base: int, targets: Sequence[dict[str, Any]]) -> str:
    """A clause with each target's number linking to the target's row."""
    out, at = [], start
    for t in sorted(targets, key=lambda t: t["number_start"]):
        number_start, number_end = t["number_start"] - base, t["number_end"] - base
        if number_start < at or number_end > end:
            continue
        link = f'<a href="/{DATABASE}/targets/{int(t["id"])}">{escape(text[number_start:number_end])}</a>'
        out += [escape(text[at:number_start]), link]
        at = number_end
    out.append(escape(text[at:end]))
    return "".join(out)
