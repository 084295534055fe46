"""Fuzz (issue 9): random bytes and random plan-like token streams through reading,
parsing, every query, every format and every renderer.  Nothing may raise but our own
errors (ZlError), and every span must be exact: source[span] is the text it claims."""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zhiliang_cli import query, render
from zhiliang_cli.errors import ZlError
from zhiliang_cli.export import dumps, exact_integers, finite
from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.records import PlanRecord
from zhiliang_cli.source import RawSource, decode

FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TOKENS = [
    # structure
    "一、", "二、", "十二、", "（一）", "（二）", "(三)", "（1000）", "1.", "2．", "3、", "一是", "第一条",
    "工作要点", "关于印发", "的通知", "闽质强省办〔2023〕2号", "2023年3月14日", "（此件主动公开）",
    # lead notes
    "（牵头单位：", "牵头单位:", "（责任单位：", "配合单位：", "【牵头单位】", "）", ")", "；", "、",
    "省市场监管局", "省工信厅", "各设区市人民政府", "省\u202e局", "省厅\u200b",
    # targets
    "完成", "新增", "力争", "达到", "不低于", "以上", "左右", "50万", "1.5亿", "2%", "百分之三", "一到两",
    "10-20", "个", "家", "项", "批次", "翻一番", "到2025年", "年底前", "0.07万", "9" * 30,
    # furniture and punctuation
    "关闭", "打印", "印发", "抄送：", "附件：", "来源：", "。", "，", "：", "\n", "\r\n", "\r", "\n\n", " ",
    "\u3000", "\t",
    # hostile characters
    "\x1b[31m", "[bold]", "=", "+", "@", "\ufeff", "\x85", "\u2028", "\u2029", "\x00", "\"", "'",
]  # fmt: skip

HEADINGS = ["", "", "一、", "二、", "三、", "（一）", "（二）", "（三）", "(四)", "1.", "2.", "3．", "十、", "（十一）"]
#: Lines that mostly open with a heading, each followed by a run of tokens.
token_streams = st.lists(
    st.tuples(st.sampled_from(HEADINGS), st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)).map("".join),
    max_size=14,
).map("\n".join)


def _check_spans(text: str, plan: PlanRecord) -> None:
    def exact(span: list[int] | None, printed: str | None) -> None:
        if span is not None:
            assert 0 <= span[0] <= span[1] <= len(text)
            assert printed is None or text[span[0] : span[1]] == printed

    for section in plan["sections"]:
        exact(section["span"], None)
        exact(section["text_span"], section["text"])
        for group in section["groups"]:
            exact(group["span"], None)
        targets = list(section["targets"])
        for item in section["items"]:
            exact(item["span"], item["text"])
            exact(item["lead_span"], None)  # inside its item: see test_a_lead_note_stays_inside_its_item
            if item["deadline"]:
                exact(item["deadline"]["span"], item["deadline"]["text"])
            targets += item["targets"]
        for target in targets:
            exact(target["span"], target["text"])
            exact(target["number_span"], target["number_text"])


def _queries(text: str, plan: PlanRecord) -> list[Any]:
    items = query.items(plan)
    leads = sorted({unit for item in items for unit in item["lead_units"] if unit.strip()})
    results: list[Any] = [
        query.section_rows(plan),
        query.lead_rows(plan),
        query.filter_items(plan),
        query.filter_items(plan, has_targets=True),
        query.target_rows(plan),
        query.meta_row(plan, "fuzz.txt", "utf-8", "0" * 64, len(text)),
        query.check_report(plan),
    ]
    for section in plan["sections"][:3]:
        results.append(query.filter_items(plan, section=section["numeral"], leads=leads[:1] or None))
        results.append(query.target_rows(plan, section=str(section["number"]), units=["个", "%"]))
    for item in items[:5]:
        results.append(query.find_item(plan, str(item["number"])))
        results.append(query.target_rows(plan, item=str(item["number"])))
    needle = items[0]["text"][2:4] if items and len(items[0]["text"]) > 3 else "质量"
    for use_regex, ignore_case, pattern in ((False, False, needle), (False, True, needle), (True, False, r"\d+[个家]")):
        try:
            hits = query.search(plan, pattern, use_regex, ignore_case)
        except ZlError:
            continue
        for hit in hits:
            for match in hit["matches"]:
                assert text[match["span"][0] : match["span"][1]] == match["text"]
        results.append(hits)
    return results


def _formats(data: Any) -> None:
    with exact_integers():
        as_json = json.loads(dumps(data, "json"))
        assert as_json == json.loads(json.dumps(finite(data)))
        assert yaml.safe_load(dumps(data, "yaml")) == as_json
        rows = data if isinstance(data, list) else [data]
        lines = dumps(data, "jsonl").splitlines()  # splits on U+2028, U+0085 … too: they must be escaped
        assert [json.loads(line) for line in lines] == (as_json if isinstance(data, list) else [as_json])
        if rows and all(isinstance(row, dict) for row in rows):
            dumps(rows, "csv")


def _renderers(plan: PlanRecord, results: list[Any]) -> None:
    with contextlib.redirect_stdout(io.StringIO()) as out, exact_integers():
        render.sections(query.section_rows(plan))
        render.items(query.filter_items(plan))
        render.leads(query.lead_rows(plan))
        render.targets(query.target_rows(plan))
        render.meta(results[5])
        render.problems(query.check_report(plan))
        for item in query.items(plan)[:3]:
            render.show(item)
        for result in results[7:]:
            if isinstance(result, list) and result and "snippet" in result[0]:
                render.search(result)
    assert "\x1b[3" not in out.getvalue()  # no colour, no escape from the document, in a pipe


def _exercise(text: str) -> None:
    try:
        plan = parse_text(text)
    except ZlError:
        return
    _check_spans(text, plan)
    results = _queries(text, plan)
    for result in results:
        _formats(result)
    _formats(plan)
    _renderers(plan, results)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    try:
        text, _ = decode(RawSource("fuzz", data, ""))
    except ZlError:
        return
    _exercise(text)


@FUZZ
@given(token_streams, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"]))
def test_plan_like_token_streams(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    try:
        decoded, _ = decode(RawSource("fuzz", data, ""))
    except ZlError:
        return
    _exercise(decoded)


@FUZZ
@given(token_streams)
@example("到2025年\n年底前")  # a deadline wrapped at a line end: its text is its span's, as printed
def test_plan_like_text_directly(text: str) -> None:
    _exercise("一、总则\n（一）" + text)


def test_a_lead_note_stays_inside_its_item() -> None:
    text = "一、\n（一）【牵头单位】一、\ufeff\n（1000）"
    (item,) = parse_text(text)["sections"][0]["items"]
    assert item["span"][0] <= item["lead_span"][0] <= item["lead_span"][1] <= item["span"][1]
