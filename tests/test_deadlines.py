"""Times a plan sets things by: which words make a deadline, a horizon, or no time to reach."""

from __future__ import annotations

import pytest

from zhiliang_cli.parse.pipeline import parse_text
from zhiliang_cli.parse.times import deadline_of, find_times

CASES = [
    ("2023年底前完成", [("deadline", "2023-12-31")]),
    ("到2025年，建成10个", [("horizon", "2025-12-31")]),
    ("6月底前出台", [("deadline", "2023-06-30")]),
    ("年内完成", [("deadline", "2023-12-31")]),
    # no one date: a time that comes back every year, a past condition
    ("每年1月31日前公开上年度数据", []),
    ("各部门于每年2月底前报送名单", []),
    ("对2018年12月31日之前已完成转制的企业", []),
    # the base of a change is no time to reach
    ("贷款余额较2023年底增长10%", []),
    ("产值比上年末增长5%", []),
    ("企业数量由2023年底的1,200家增加到2,400家以上", []),  # the from of a from–to (genre 74)
    ("占比由2024年6月底的30%提高到50%", []),
    # two points of every year joined by 和: a rhythm, twice a year, no time to finish by (gov_047)
    ("并在年中和年末向国务院报告执行情况", []),
    ("上半年和年底前分别报送进展情况", []),
    ("于年末及年初开展检查", []),
    ("建立完善制度和年底前完成评估", [("deadline", "2023-12-31")]),  # 和 joins no point of the year
    # a time in a clause that grants a permission bounds how long it lasts: no time to finish by (gov_018)
    ("经省级人民政府批准，2020年年底前省属重点文化企业可免缴国有资本收益", []),
    ("2024年底前符合条件的企业可以申请延期缴纳", []),
    ("年底前准予试点企业先行使用", []),
    ("2025年底前不允许新建燃煤锅炉", [("deadline", "2025-12-31")]),  # a ban is a duty
    ("2024年底前完成改造的，可以给予奖补", [("deadline", "2024-12-31")]),  # the permission is the next clause's
    ("2025年底前全省政务服务事项网上可办率不低于95%", [("deadline", "2025-12-31")]),  # 可办率: no modal
    ("上半年完成系统升级", [("deadline", "2023-06-30")]),
    ("力争第一季度完成", [("deadline", "2023-03-31")]),
    # a time a copy from print wrapped at a line end is one time
    ("新增示范村20个。6月\n底前完成扩建工程", [("deadline", "2023-06-30")]),
    ("到2025\n年，建成10个", [("horizon", "2025-12-31")]),
    ("到2025年\n\n底前", [("horizon", "2025-12-31")]),  # a blank line ends the paragraph: no wrap
    # a month written with 份 that a task is done in is due at its end (genre 71: ①9月份完成…32处易涝点改造);
    # one that dates what is said, or read literally with 前 (before it begins), as a month without 份
    ("9月份完成城区易涝点改造", [("deadline", "2023-09-30")]),
    ("①9月份完成改造；②新建管网", [("deadline", "2023-09-30")]),
    ("11月份前完成验收", [("deadline", "2023-10-31")]),
    ("1—5月份，全市完成投资120亿元", []),
    ("9月份以来，累计新增就业", []),
    ("自9月份起实施", []),
    ("每年9月份开展宣传活动", []),
    # a part of the year that qualifies what a verb takes in
    ("纳入年底效能目标考核体系", []),
    # a time, a verb and 的 say which ones are meant, not by when (genre 61)
    ("累计改造2000年底前建成的城镇老旧小区1800个以上", []),
    ("对2015年12月31日前出生的儿童给予补助", []),
    ("2024年6月底前注册的企业", []),
    ("年内竣工的项目", []),
    # a verb with its object counts what is done by then: the time stands (genre 40)
    ("2023年9月底前完成改造的企业达到18家", [("deadline", "2023-09-30")]),
    ("2025年底前的各项任务", [("deadline", "2025-12-31")]),
    # a year that opens its paragraph as the time of the work it sets out holds for the paragraph
    # (genre 57), as 2024年，… does; one the paragraph says something of binds its sentence (genre 21)
    ("\n　　2025年农村公路工作的总体思路是：坚持。", [("horizon", "2025-12-31")]),
    ("\n　　2024年，全市主要目标是：", [("horizon", "2024-12-31")]),
    ("\n　　2024年是实施规划的关键之年。", [("year", "2024-12-31")]),
    # a year right after the marker of a point opens the point's clause as it would after 。 (genre 74)
    ("\n　　3．2025年遴选认定10至15个。", [("year", "2025-12-31")]),
    ("\n（3）2025年建成示范区5个。", [("year", "2025-12-31")]),
    ("\n　　2、2024年完成改造30处。", [("year", "2024-12-31")]),
    ("指数达到3.2025年的水平", []),  # not after a marker: a decimal, no year
]


def test_a_wrapped_time_is_one_time_kept_as_printed() -> None:
    """Read whole across the line end a copy from print wrapped it at, and kept as printed, line
    end and all: the text of a fact is always the text of its span (tests/test_fuzz.py)."""
    text = "6月\n底前完成"
    (mark,) = find_times(text, 0, len(text), 2023)
    assert mark.record(text) == {"text": "6月\n底前", "span": [0, 5], "date": "2023-06-30"}


@pytest.mark.parametrize(("text", "times"), CASES, ids=[c[0] for c in CASES])
def test_times(text: str, times: list[tuple[str, str]]) -> None:
    assert [(t.kind, t.date) for t in find_times(text, 0, len(text), 2023)] == times


PREAMBLE = (
    "2025年农村公路工作要点\n　　{opening}。主要目标是：全年新改建农村公路3万公里。\n"
    "一、重点任务\n（一）推进建设。（公路局负责）\n"
)


@pytest.mark.parametrize(
    ("opening", "by"),
    [
        ("2025年农村公路工作的总体思路是：坚持稳中求进，着力补短板", "2025-12-31"),
        ("2025年是实施规划的关键之年。为推进农村公路发展，制定本要点", None),
    ],
    ids=["the-year-of-the-work", "a-statement-of-the-year"],
)
def test_a_year_that_opens_the_preamble_sets_the_time_of_its_goals(opening: str, by: str | None) -> None:
    (target,) = parse_text(PREAMBLE.format(opening=opening))["targets"]
    assert (target["by"]["date"] if target["by"] else None) == by


# (text, the times in it as printed, their kind and date) in a plan of 2025: a year named from the
# plan's (今年, 明年) is part of the time and dates it (genre 58, a city opinion dated 2025)
RELATIVE_YEAR_CASES = [
    ("今年底前，在中心城区基本建成", [("今年底前", "deadline", "2025-12-31")]),
    ("明年6月底前，完成200个小区改造", [("明年6月底前", "deadline", "2026-06-30")]),
    ("。明年底前公共充电桩接入率达到95%", [("明年底前", "deadline", "2026-12-31")]),
    ("，今年9月底前实现全覆盖", [("今年9月底前", "deadline", "2025-09-30")]),
    ("力争明年上半年完成", [("明年上半年", "deadline", "2026-06-30")]),
    ("本年底前完成", [("本年底前", "deadline", "2025-12-31")]),
    ("当年底前完成", [("当年底前", "deadline", "2025-12-31")]),
    ("补助资金于次年3月底前拨付", [("次年3月底前", "deadline", "2026-03-31")]),
    ("后年底前全面建成", [("后年底前", "deadline", "2027-12-31")]),
    ("今年内完成", [("今年内", "deadline", "2025-12-31")]),
    ("确保明年\n6月底前完成", [("明年\n6月底前", "deadline", "2026-06-30")]),  # wrapped after the year
    ("到明年底，建成10个", [("到明年底", "horizon", "2026-12-31")]),
    # the base of a change, not a time to reach
    ("贷款余额较去年底增长10%", []),
    # the first character ends another word: 说明, 今后 — the year is the plan's, as without them
    ("书面说明年底前完成情况", [("年底前", "deadline", "2025-12-31")]),
    ("今后年底前均应报送", [("年底前", "deadline", "2025-12-31")]),
]


@pytest.mark.parametrize(("text", "times"), RELATIVE_YEAR_CASES, ids=[c[0] for c in RELATIVE_YEAR_CASES])
def test_a_year_named_from_the_plans_is_part_of_its_time(text: str, times: list[tuple[str, str, str]]) -> None:
    assert [(text[t.start : t.end], t.kind, t.date) for t in find_times(text, 0, len(text), 2025)] == times


# (text, the seasons and festivals in it that are a time to finish by, as printed): a deadline the genre
# sets without a day (genres 71 汛期前完成…排查, 72 春节前完成…清淤), its date null as 持续推进's; not one
# that qualifies a noun, comes back every year, or says which ones are meant
SEASON_CASES = [
    ("汛期前完成全市水库隐患排查", ["汛期前"]),
    ("主汛期前全面完成堤防加固", ["主汛期前"]),
    ("春节之前全部完成清淤", ["春节之前"]),
    ("入冬前，各地要完成供暖设施检修", ["入冬前"]),
    ("供暖季前要完成管网改造", ["供暖季前"]),
    ("国庆前建成开放", ["国庆前"]),
    ("新建公园3个（雨季前）", ["雨季前"]),
    ("开展汛前隐患排查整治", []),  # a noun the season qualifies
    ("做好冬季前安全检查", []),
    ("各级防汛责任人每年汛前在当地媒体公布", []),  # a rhythm
    ("对汛期前建成的堤防开展复查", []),  # which ones are meant
]


@pytest.mark.parametrize(("text", "printed"), SEASON_CASES, ids=[c[0] for c in SEASON_CASES])
def test_a_season_to_finish_before_is_a_deadline_without_a_date(text: str, printed: list[str]) -> None:
    marks = find_times(text, 0, len(text), 2025)
    assert [(text[t.start : t.end], t.kind, t.date) for t in marks] == [(p, "deadline", None) for p in printed]


def test_a_season_in_the_text_is_the_items_deadline_without_a_date() -> None:
    text = (
        "2025年水利工作要点\n一、重点任务\n"
        "（一）开展汛前隐患排查整治。汛期前完成全市水库隐患排查，整治隐患点位不少于1200处。（市水利局负责）\n"
        "（二）推进清淤。清淤疏浚河道60公里。（县水利局负责；春节前完成）\n"
    )
    first, second = parse_text(text)["sections"][0]["items"]
    assert first["deadline"] is not None and (first["deadline"]["text"], first["deadline"]["date"]) == ("汛期前", None)
    assert second["deadline"] is not None and (second["deadline"]["text"], second["deadline"]["date"]) == (
        "春节前",
        None,
    )
    assert [t["by"] and t["by"]["date"] for t in (*first["targets"], *second["targets"])] == [None, None]


# (text, the plan's year, the times in it as printed, their kind and date): a span of years in running
# text sets what follows for its years, due at their end, as 到2027年 does (genre 54: 2025-2027年累计培育
# 省级智能工厂300家); not a title's period in brackets, a base, a name of its years, nor a span past
SPAN_CASES = [
    ("2025-2027年累计培育省级智能工厂300家", 2025, [("2025-2027年", "horizon", "2027-12-31")]),
    ("。2025年—2027年，全省新增5G基站1万个", 2025, [("2025年—2027年", "horizon", "2027-12-31")]),
    ("2025年至2027年，每年改造老旧小区100个", 2025, [("2025年至2027年", "horizon", "2027-12-31")]),
    ("从2026年到2028年，新建公园20个", 2026, [("2026年到2028年", "horizon", "2028-12-31")]),
    ("\n2025年～2027年，培育企业300家", 2025, [("2025年～2027年", "horizon", "2027-12-31")]),
    ("2024—2026年建成充电桩1万个", 2025, [("2024—2026年", "horizon", "2026-12-31")]),  # under way
    # a title's period, a base, a name of its years, what went on since
    ("印发《行动计划（2025—2027年）》", 2025, []),
    ("行动计划(2025-2027年)的通知", 2025, []),
    ("按照《2025—2027年行动方案》要求", 2025, []),
    ("完成时限为“2025年—2027年”的，须于2027年底前全部完成", 2025, [("2027年底前", "deadline", "2027-12-31")]),
    ("较2019—2021年平均水平增长10%", 2025, []),
    ("表彰2021—2023年度先进集体", 2025, []),
    ("2019—2021年以来累计建成", 2025, []),
    # past: ended before the plan's year, or in it having begun before
    ("2019—2021年累计新增企业500家", 2025, []),
    ("2002年到2005年，国务院信息办连续四年组织评估", 2005, []),
    # no span: one year, a horizon of its own, no joiner
    ("截至2027年，建成10个", 2025, [("截至2027年", "horizon", "2027-12-31")]),
]


@pytest.mark.parametrize(("text", "year", "times"), SPAN_CASES, ids=[c[0] for c in SPAN_CASES])
def test_a_span_of_years_is_a_horizon_due_at_its_end(text: str, year: int, times: list[tuple[str, str, str]]) -> None:
    assert [(text[t.start : t.end], t.kind, t.date) for t in find_times(text, 0, len(text), year)] == times


def test_a_span_of_years_dates_the_counts_after_it() -> None:
    text = (
        "某某省制造业数字化转型行动计划(2025-2027年)\n一、重点任务\n"
        "（一）建设智能工厂。2025-2027年累计培育省级智能工厂300家、数字化车间1000个。（牵头单位：省工信厅）\n"
    )
    (item,) = parse_text(text)["sections"][0]["items"]
    assert item["deadline"] is None  # a horizon, no deadline of the task
    assert [(t["number_text"], t["by"] and t["by"]["date"]) for t in item["targets"]] == [
        ("300", "2027-12-31"),
        ("1000", "2027-12-31"),
    ]


# (text, the plan's year, the times in it as printed, their kind and date): a five-year period's span
# (“九五”期间, “十四五”时期) sets what follows for the period, due at its end, as 到“十四五”末 does (gov_020,
# gov_051: 1996 and 1997 reports); the periods before 十一五 are periods too; 十五, a number, only in quotes
PERIOD_CASES = [
    ("“九五”期间我国防震减灾工作的目标是：", 1996, [("“九五”期间", "horizon", "2000-12-31")]),
    ("经过“九五”期间的努力，使其成为", 1997, [("“九五”期间", "horizon", "2000-12-31")]),
    ("“十四五”期间，全省新建5G基站1万个", 2021, [("“十四五”期间", "horizon", "2025-12-31")]),
    ("“十四五”时期，全省新建5G基站1万个", 2021, [("“十四五”时期", "horizon", "2025-12-31")]),
    ("“十五”期间，建成大型水库10座", 2001, [("“十五”期间", "horizon", "2005-12-31")]),
    ("到“八五”末，建成", 1991, [("到“八五”末", "horizon", "1995-12-31")]),
    ("到“十五五”末，建成", 2026, [("到“十五五”末", "horizon", "2030-12-31")]),
    # a period past, one a sentence says something of, counts from or compares with, a plan's name
    ("“十三五”时期，全省累计建成5G基站1万个", 2021, []),
    ("“十四五”时期是开启新征程的关键五年", 2021, []),
    ("“十四五”时期以来，累计建成", 2023, []),
    ("比“十三五”期间增长10%", 2021, []),
    ("“九五”计划和2010年远景目标", 1996, []),
    # 十五 unquoted is a number
    ("提高到十五个", 2001, []),
    ("每月十五日前报送", 2001, []),
]


@pytest.mark.parametrize(("text", "year", "times"), PERIOD_CASES, ids=[c[0] for c in PERIOD_CASES])
def test_a_periods_span_is_a_horizon_due_at_its_end(text: str, year: int, times: list[tuple[str, str, str]]) -> None:
    assert [(text[t.start : t.end], t.kind, t.date) for t in find_times(text, 0, len(text), year)] == times


def test_a_periods_span_dates_the_counts_after_it() -> None:
    text = "2021年某某省信息通信工作要点\n一、重点任务\n（一）推进网络建设。“十四五”期间，全省新建5G基站1万个。\n"
    (item,) = parse_text(text)["sections"][0]["items"]
    assert item["deadline"] is None  # a horizon, no deadline of the task
    (target,) = item["targets"]
    assert target["by"] is not None and (target["by"]["text"], target["by"]["date"]) == ("“十四五”期间", "2025-12-31")


# (text, the times in it as printed, their date) in a plan of 2025: a quarter's end (末) is part of the
# time, as 年末 and 月末 are (genre 67's 二季度末前 was read 二季度, its date right, its words cut short)
QUARTER_END_CASES = [
    ("二季度末前设立县级乡村振兴产业引导基金", [("二季度末前", "2025-06-30")]),
    ("第三季度末完成验收", [("第三季度末", "2025-09-30")]),
    ("一季度末，完成选址", [("一季度末", "2025-03-31")]),
    ("四季度末核准1座", [("四季度末", "2025-12-31")]),
    ("于每季度末报送进展", []),  # a rhythm, as before
]


@pytest.mark.parametrize(("text", "times"), QUARTER_END_CASES, ids=[c[0] for c in QUARTER_END_CASES])
def test_a_quarters_end_is_part_of_its_time(text: str, times: list[tuple[str, str]]) -> None:
    assert [(text[t.start : t.end], t.date) for t in find_times(text, 0, len(text), 2025)] == times


def test_an_item_deadline_in_the_next_year_dates_its_targets() -> None:
    text = (
        "某某市人民政府关于加快充电设施建设的实施意见\n一、重点任务\n"
        "（一）推进小区充电设施建设。明年6月底前，小区充电设施覆盖率达到80%。（市住房城乡建设局负责）\n"
        "（二）加强安全监管。今年底前完成安全评估。（市应急管理局负责）\n"
        "某某市人民政府\n2025年4月8日\n"
    )
    plan = parse_text(text)
    first, second = plan["sections"][0]["items"]
    assert first["deadline"] is not None and second["deadline"] is not None
    assert (first["deadline"]["text"], first["deadline"]["date"]) == ("明年6月底前", "2026-06-30")
    assert (second["deadline"]["text"], second["deadline"]["date"]) == ("今年底前", "2025-12-31")
    (target,) = first["targets"]
    assert target["by"] is not None and target["by"]["date"] == "2026-06-30"


def test_a_time_that_qualifies_a_noun_is_no_deadline_of_the_item_nor_its_targets() -> None:
    text = (
        "2025年城市更新工作要点\n一、重点任务\n"
        "（一）推进城镇老旧小区改造。到2027年，累计改造2000年底前建成的城镇老旧小区1800个以上。（市住房城乡建设局负责）\n"
        "（二）推进加装电梯。6月底前完成100部。（市市场监管局负责）\n"
    )
    first, second = parse_text(text)["sections"][0]["items"]
    assert first["deadline"] is None
    (target,) = first["targets"]
    assert target["by"] is not None and (target["by"]["text"], target["by"]["date"]) == ("到2027年", "2027-12-31")
    assert second["deadline"] is not None and second["deadline"]["date"] == "2025-06-30"


# (id, an item's text, its deadline as printed or None): several deadlines in the text of one task
# are its stages, due at the last, when they stand in one sentence, in order, each after the first
# opening its clause and followed by what is done then (genre 67); times of separate sentences or
# actors (gov_004: 2019年3月底前，国家卫生健康委…。2019年8月底前，各地…) or out of order are not
STAGE_CASES = [
    (
        "time-nodes",
        "新建高标准农田3.2万亩。按照时间节点推进：3月底前完成项目招标，5月底前全部开工，11月底前完成竣工验收。",
        "11月底前",
    ),
    ("nodes-after-the-count", "建设冷链物流节点12个，3月底前完成选址，6月底前全部开工，10月底前建成投用。", "10月底前"),
    ("wrapped-by-print", "建设冷链物流节点12个，3月底前完成选址，\n6月底前全部开工，10月底前建成投用。", "10月底前"),
    ("one-actor-with-yu", "各乡镇于6月中旬前完成迎峰度夏工程投运，12月底前完成其余工程。", "12月底前"),
    (
        "two-sentences-two-actors",
        "2019年3月底前，国家卫生健康委推行统一编码。2019年8月底前，各地完成编码转换工作。",
        None,
    ),
    ("two-actors-one-sentence", "市发展改革委于3月底前出台方案，各区于6月底前制定细则。", None),
    ("comma-after-each-time", "3月底前，市发展改革委出台方案，6月底前，各区制定细则。", None),
    ("not-in-order", "6月底前完成摸底调查，3月底前制定工作方案。", None),
    ("the-same-time-twice", "年内完成选址，年内全部开工。", None),
    ("separate-sentences", "3月底前完成项目招标。11月底前完成竣工验收。", None),
    # unseen round 6 (genre 69): stages parted by ；, quarterly milestones after a colon, inline or a quarter on
    # each line under the task; a semicolon that parts another sentence, or a comma and a subject, parts no stage
    ("parted-by-semicolons", "3月底前完成项目招标；5月底前全部开工；11月底前完成竣工验收。", "11月底前"),
    (
        "quarters-inline",
        "改造老旧小区42个。一季度：完成清单编制；二季度：全面开工建设；三季度：完成主体工程；四季度：全部完工。",
        "四季度",
    ),
    (
        "quarters-on-lines-of-their-own",
        "新建口袋公园10个。\n　　一季度：完成选址；\n　　二季度：启动建设；"
        "\n　　三季度：完成绿道建设；\n　　四季度：全部建成开放。",
        "四季度",
    ),
    ("semicolon-parts-another-sentence", "3月底前完成项目招标；各乡镇要加强督导，6月底前完成验收。", None),
    ("semicolon-then-a-subject", "2025年3月底前，市发展改革委出台方案；2025年6月底前，各区制定细则。", None),
]


@pytest.mark.parametrize(("body", "printed"), [c[1:] for c in STAGE_CASES], ids=[c[0] for c in STAGE_CASES])
def test_the_stages_of_one_task_make_it_due_at_the_last(body: str, printed: str | None) -> None:
    text = (
        "2025年农业农村工作要点\n一、重点任务\n"
        f"（一）推进建设。{body}（县农业农村局负责）\n（二）加强督查。（县督查室负责）\n"
    )
    first, second = parse_text(text)["sections"][0]["items"]
    assert (first["deadline"] and first["deadline"]["text"]) == printed
    assert second["deadline"] is None


# (id, an item's note whose time field a copy from print wrapped, the deadline as printed, its date)
WRAPPED_FIELDS = [
    ("lenticular-after-the-year", "【责任部门】省教育厅【完成时间】2024年\n12月底前", "2024年\n12月底前", "2024-12-31"),
    (
        "lenticular-after-the-month",
        "【责任部门】省教育厅\n【完成时间】2024年6月\n底前完成",
        "2024年6月\n底前完成",
        "2024-06-30",
    ),
    ("lenticular-inside-the-year", "【责任部门】省教育厅【完成时间】2024\n年9月底前", "2024\n年9月底前", "2024-09-30"),
    (
        "lenticular-value-below-its-label",
        "【责任部门】省教育厅【完成时间】\n2024年12月底前",
        "2024年12月底前",
        "2024-12-31",
    ),
    ("own-lines-after-the-year", "\n责任单位：省教育厅\n完成时限：2024年\n12月底前", "2024年\n12月底前", "2024-12-31"),
]


@pytest.mark.parametrize(
    ("note", "printed", "date"), [c[1:] for c in WRAPPED_FIELDS], ids=[c[0] for c in WRAPPED_FIELDS]
)
def test_a_time_field_wrapped_to_the_next_line_is_read_whole_as_printed(note: str, printed: str, date: str) -> None:
    """A 完成时间 field whose time a line end cuts (2024年⏎12月底前) is the whole time, its text the
    text of its span (it was the year alone)."""
    from zhiliang_cli.parse.pipeline import parse_text

    text = f"一、总则\n（一）做好甲工作。{note}\n（二）做好乙工作。（省商务厅负责）\n"
    plan = parse_text(text)
    first, second = plan["sections"][0]["items"]
    deadline = first["deadline"]
    assert deadline is not None
    assert (deadline["text"], deadline["date"]) == (printed, date)
    assert text[slice(*deadline["span"])] == printed
    assert [f["text"] for n in first["notes"] for f in n["fields"]] == [printed]  # the note's field, not the text's
    assert first["lead_units"] == ["省教育厅"] and second["lead_units"] == ["省商务厅"]
    assert plan["problems"] == []


@pytest.mark.parametrize(
    ("note", "fields"),
    [
        ("【责任部门】省教育厅【完成时间】2024年", ["2024年"]),  # the next line is the next task's
        ("【责任部门】省教育厅【完成时间】2024年\n\n12月底前", ["2024年"]),  # a blank line ends the paragraph
        ("【责任部门】省教育厅【完成时间】", []),  # a label alone: no value below it but the next task
    ],
    ids=["next-task-below", "blank-line-between", "label-alone"],
)
def test_a_time_field_does_not_run_on_into_what_is_not_its_time(note: str, fields: list[str]) -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    text = f"一、总则\n（一）做好甲工作。{note}\n（二）做好乙工作。（省商务厅负责）\n"
    first, second = parse_text(text)["sections"][0]["items"]
    assert [f["text"] for n in first["notes"] for f in n["fields"]] == fields
    assert second["title"] == "做好乙工作" and second["lead_units"] == ["省商务厅"]


@pytest.mark.parametrize(
    ("field", "date"),
    [("2025年6月", "2025-06-30"), ("12月31日", "2023-12-31"), ("2024年2月", "2024-02-29"), ("明年6月", "2024-06-30")],
)
def test_a_deadline_field_that_names_a_month_or_a_day(field: str, date: str) -> None:
    text = f"完成时限：{field}"
    assert deadline_of(text, 5, len(text), 2023)["date"] == date


# a 完成时限 that names the years a task runs over is due when they end (genre 61's 说明: 完成时限为
# “2025年—2027年”的，须于2027年底前全部完成)
SPAN_FIELDS = [
    ("2025年—2027年", "2027-12-31"),
    ("2025—2027年", "2027-12-31"),
    ("2025-2027年", "2027-12-31"),
    ("2025年-2027年", "2027-12-31"),
    ("2025～2027年", "2027-12-31"),
    ("２０２５—２０２７年", "2027-12-31"),
    ("2025年至2027年", "2027-12-31"),
    ("2025年—2027年6月", "2027-06-30"),
    ("2025年起", None),  # a start, no end
]


@pytest.mark.parametrize(("field", "date"), SPAN_FIELDS, ids=[c[0] for c in SPAN_FIELDS])
def test_a_deadline_field_that_names_a_span_of_years_is_due_at_its_end(field: str, date: str | None) -> None:
    text = f"完成时限：{field}"
    deadline = deadline_of(text, 5, len(text), 2025)
    assert (deadline["text"], deadline["date"]) == (field, date)


# a field that lists stages is due at its last (genre 65), its words the field as printed
STAGE_FIELDS = [
    ("二季度末核准1座，四季度末核准1座", "2025-12-31"),
    ("6月中旬前完成迎峰度夏工程投运，12月底前完成其余工程", "2025-12-31"),
]


@pytest.mark.parametrize(("field", "date"), STAGE_FIELDS, ids=[c[0] for c in STAGE_FIELDS])
def test_a_deadline_field_that_lists_stages_is_due_at_the_last(field: str, date: str) -> None:
    text = f"完成时限：{field}"
    deadline = deadline_of(text, 5, len(text), 2025)
    assert (deadline["text"], deadline["date"]) == (field, date)


# a limit that comes back (每年12月底前, 每季度末) is the item's deadline as printed, with no one date
RECURRING_FIELDS = ["每年12月底前", "每年6月30日前", "每季度末", "每月10日前", "每季度"]


@pytest.mark.parametrize("field", RECURRING_FIELDS)
def test_a_deadline_field_that_comes_back_gives_no_date(field: str) -> None:
    text = f"完成时限：{field}"
    deadline = deadline_of(text, 5, len(text), 2025)
    assert (deadline["text"], deadline["date"]) == (field, None)


def test_a_recurring_field_is_the_items_deadline_without_a_date() -> None:
    text = (
        "2025年城市更新工作要点\n一、重点任务\n"
        "（一）推进既有住宅加装电梯。新增既有住宅加装电梯600部。（牵头单位：市住房城乡建设局；完成时限：每年12月底前）\n"
    )
    (item,) = parse_text(text)["sections"][0]["items"]
    assert item["deadline"] is not None
    assert (item["deadline"]["text"], item["deadline"]["date"]) == ("每年12月底前", None)
    (target,) = item["targets"]
    assert target["by"] is not None and target["by"]["date"] is None


def test_a_span_field_dates_the_item_and_its_targets() -> None:
    text = (
        "城市更新行动重点任务清单（2025—2027年）\n一、重点任务\n"
        "（一）提升排水防涝能力。新建改造雨水管网300公里。（牵头单位：市水务局；完成时限：2025年—2027年）\n"
    )
    (item,) = parse_text(text)["sections"][0]["items"]
    assert item["deadline"] is not None
    assert (item["deadline"]["text"], item["deadline"]["date"]) == ("2025年—2027年", "2027-12-31")
    (target,) = item["targets"]
    assert target["by"] is not None and target["by"]["date"] == "2027-12-31"


# (id, a note whose unlabelled clause is a span of years): the span is the note's time, due at its end
# (genre 72's ——A、B（2025—2026年）, as genre 61's 2025年—2027年 in a cell), binding the item's counts
UNLABELLED_SPAN_NOTES = [
    ("after-a-semicolon", "（市水利局负责；2025—2026年）"),
    ("after-a-comma", "（责任单位：市水利局，2025—2026年）"),
    ("full-width-digits", "（市水利局负责；２０２５－２０２６年）"),
]


@pytest.mark.parametrize("note", [c[1] for c in UNLABELLED_SPAN_NOTES], ids=[c[0] for c in UNLABELLED_SPAN_NOTES])
def test_a_span_of_years_alone_in_a_note_is_its_time_due_at_the_end(note: str) -> None:
    text = f"2025—2026年冬春水利建设实施方案\n一、重点任务\n（一）推进建设。新建管网120公里。{note}\n"
    (item,) = parse_text(text)["sections"][0]["items"]
    assert item["lead_units"] == ["市水利局"]
    assert item["deadline"] is not None and item["deadline"]["date"] == "2026-12-31"
    assert text[slice(*item["deadline"]["span"])] == item["deadline"]["text"]
    (target,) = item["targets"]
    assert target["by"] is not None and target["by"]["date"] == "2026-12-31"


PLAN = (
    "一、主要任务\n（一）推进一网通办。（市政务服务局负责）\n"
    "（二）推进数据共享。（市大数据局负责，2024年6月底前完成）\n（三）加强督查。（市督查室负责）\n"
)
DEFAULT_CASES = [
    # the statement in the preamble, the notice or a closing 说明: every task that gives no deadline
    ("未注明完成时限的任务，均须于2024年12月底前完成。\n" + PLAN, "2024年12月底前", [True, False, True]),
    ("完成时限未明确的，一律在2024年底前完成。\n" + PLAN, "2024年底前", [True, False, True]),
    ("除已注明完成时限的外，其余工作于2024年11月底前完成。\n" + PLAN, "2024年11月底前", [True, False, True]),
    (PLAN + "三、说明\n未标明完成时间的事项，需在年底前完成。\n", "年底前", [True, False, True]),
    # in a task: from that task on
    (
        PLAN.replace("（三）加强督查。", "（三）加强督查。以下未注明时限的任务均于2024年9月底前完成。"),
        "2024年9月底前",
        [False, False, True],
    ),
    # words that state no deadline for the tasks
    ("对未明确完成时限的问题，要加强研究。\n" + PLAN, None, [False, False, False]),
    ("未注明完成时限的任务，由各单位自行确定。\n" + PLAN, None, [False, False, False]),
]


@pytest.mark.parametrize(("text", "default", "given"), DEFAULT_CASES, ids=[c[0][:16] for c in DEFAULT_CASES])
def test_the_deadline_a_plan_states_for_tasks_that_give_none(text: str, default: str | None, given: list[bool]) -> None:
    """A plan that says how to read a note without a 完成时限 (未注明完成时限的任务，均须于…前完成)
    gives that deadline, its words as printed and their span, to each such task; a task's own
    deadline stands."""
    items = [item for section in parse_text(f"2024年工作要点\n{text}")["sections"] for item in section["items"]]
    assert items[1]["deadline"] is not None and items[1]["deadline"]["text"] == "2024年6月底前"
    for item, inherits in zip(items, given, strict=True):
        deadline = item["deadline"]
        if inherits:
            assert deadline is not None and deadline["text"] == default
            start, end = deadline["span"]
            assert f"2024年工作要点\n{text}"[start:end] == default
        elif item is not items[1]:
            assert deadline is None


RULES = (
    "某市人民政府关于印发某市停车场{kind}的通知\n各区人民政府：\n"
    "　　现将《某市停车场{kind}》印发给你们，请认真贯彻执行。\n"
    "某市人民政府\n2024年5月6日\n某市停车场{kind}\n第一章　总则\n第一条　为加强停车场管理，制定本{kind}。\n"
    "第二条　各区停车管理部门应当于年底前将本年度停车场备案情况报送市交通运输局。\n"
    "第三条　2025年底前，各区完成既有停车场清理登记。\n"
    "第四条　停车场经营者应当在6月底前公示收费标准。\n"
)


@pytest.mark.parametrize(
    ("kind", "deadlines"),
    [
        ("管理办法", [None, None, "2025年底前", None]),  # a standing rule: 年底前, 6月底前 come back every year
        ("整治工作方案", [None, "年底前", "2025年底前", "6月底前"]),  # a plan: the plan's year
    ],
    ids=["regulation", "plan"],
)
def test_a_time_with_no_year_in_a_standing_rule_comes_back_every_year(kind: str, deadlines: list[str | None]) -> None:
    """In a regulation (gov_047, the 国务院工作规则) a time that names no year is a point of every
    year the rule stands (于年底前报送: 每年 unsaid), no deadline; one that names its year binds."""
    plan = parse_text(RULES.format(kind=kind))
    items = [item for section in plan["sections"] for item in section["items"]]
    assert [item["deadline"] and item["deadline"]["text"] for item in items] == deadlines


# (a task's sentence, the date its count is due by): a later deadline holds for the counts before it
# when its clause completes the whole work (全面完成, 全部完工: genre 64), not when it starts it
LATER_COMPLETION_CASES = [
    ("改造城镇老旧小区12个，10月底前全部完工。", "2025-10-31"),
    ("改造城镇老旧小区12个，10月底前全面完成。", "2025-10-31"),
    ("新建高标准农田3.5万亩，6月底前全面开工。", None),  # a start (genre 21)
    # a verb of completing alone after the time names no other task: the sentence's (genre 75)
    ("改造老旧供热管网120公里，10月底前完成。", "2025-10-31"),
    ("完成3个省级园区循环化改造，6月底前完成。", "2025-06-30"),
    ("新建公园3个，年内建成。", "2025-12-31"),
    ("新建雨水管网12公里，6月底前完成招标。", None),  # another task: the tender
    ("改造城镇老旧小区12个，10月底前开工。", None),  # a start
]


@pytest.mark.parametrize(("body", "by"), LATER_COMPLETION_CASES, ids=[c[0] for c in LATER_COMPLETION_CASES])
def test_a_later_deadline_that_completes_the_work_dates_the_counts_before_it(body: str, by: str | None) -> None:
    text = f"2025年城建工作要点\n一、重点任务\n（一）推进改造。{body}（县住建局负责）\n"
    (item,) = parse_text(text)["sections"][0]["items"]
    (target,) = item["targets"]
    assert (target["by"] and target["by"]["date"]) == by


def test_a_month_with_fen_dates_its_own_sub_points_counts() -> None:
    """①9月份完成…32处…；②新建…45公里 (genre 71): the month is the item's deadline and binds its
    circled sub-point's count, not the next sub-point's."""
    text = (
        "2025年防汛工作要点\n一、重点任务\n"
        "（一）提升排涝能力。①9月份完成城区32处易涝点改造；②新建改造雨水管网45公里。（市住建局负责）\n"
    )
    (item,) = parse_text(text)["sections"][0]["items"]
    assert item["deadline"] is not None and (item["deadline"]["text"], item["deadline"]["date"]) == (
        "9月份",
        "2025-09-30",
    )
    assert [(t["number_text"], t["by"] and t["by"]["date"]) for t in item["targets"]] == [
        ("32", "2025-09-30"),
        ("45", None),
    ]


def test_the_date_of_a_from_to_base_is_no_time_of_the_target() -> None:
    """由2023年底的1,200家增加到2,400家以上 (genre 74): 2023年底 dates the base, not the level to reach;
    the item has no deadline and its targets none but what governs them."""
    text = (
        "2024—2025年科技创新行动计划\n一、重点任务\n"
        "（一）壮大企业群体。高新技术企业数量由2023年底的1,200家增加到2,400家以上，入库数达到12000家。（省科技厅负责）\n"
    )
    (item,) = parse_text(text)["sections"][0]["items"]
    assert item["deadline"] is None
    assert [(t["number_text"], t["by"]) for t in item["targets"]] == [("2,400", None), ("12000", None)]
