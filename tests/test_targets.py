"""Quantified targets: the hand annotation of the 2023 plan (precision and recall),
and a table of sentences that probe each rule, grouped by where they came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiliang_cli.parse.lines import LineIndex
from zhiliang_cli.parse.targets import Region, extract_all, extract_targets
from zhiliang_cli.records import DeadlineRecord, ItemRecord

ANNOTATION = Path(__file__).parent / "annotations" / "plan_2023_targets.yaml"


def _key(t: dict[str, Any]) -> tuple[Any, ...]:
    value = t["value"] if t["value"] is not None else f"{t['low']}-{t['high']}"
    return (t["item"], t["number_text"], str(value), t["unit"], t["comparator"], t["change"], t["aspirational"])


def _gold() -> list[tuple[Any, ...]]:
    data = yaml.safe_load(ANNOTATION.read_text(encoding="utf-8"))
    return [tuple(row) for row in data["targets"]]


def test_2023_plan_precision_and_recall(all_items: list[ItemRecord]) -> None:
    found = [_key(dict(t)) for item in all_items for t in item["targets"]]
    gold = _gold()
    true_positives = sum(1 for k in found if k in gold)
    precision = true_positives / len(found)
    recall = sum(1 for k in gold if k in found) / len(gold)
    missing = [k for k in gold if k not in found]
    extra = [k for k in found if k not in gold]
    assert (precision, recall) == (1.0, 1.0), f"missing {missing}; not in the annotation {extra}"
    assert len(found) == len(gold) == 34


def test_target_spans_slice_to_text(plan_text: str, all_items: list[ItemRecord]) -> None:
    for item in all_items:
        for t in item["targets"]:
            assert plan_text[t["span"][0] : t["span"][1]] == t["text"]
            assert plan_text[t["number_span"][0] : t["number_span"][1]] == t["number_text"]
            assert t["span"][0] <= t["number_span"][0] < t["number_span"][1] <= t["span"][1]
            assert item["span"][0] <= t["span"][0] and t["span"][1] <= item["span"][1]


def extract(sentence: str) -> list[tuple[Any, ...]]:
    region = Region(0, len(sentence), 1, 1)
    found = extract_targets(sentence, region, LineIndex(sentence))
    return [
        (
            t["number_text"],
            t["value"] if t["value"] is not None else (t["low"], t["high"]),
            t["unit"],
            t["comparator"],
            t["change"],
            t["aspirational"],
        )
        for t in found
    ]


# (id, sentence, [(number_text, value or (low, high), unit, comparator, change, aspirational)])
SEEN_IN_PLAN = [
    ("standards-above", "支持制修订农业标准10项以上。", [("10", 10, "项", ">=", None, False)]),
    ("decrease-percent", "化肥农药使用量比上年减少2%。", [("2%", 2, "%", "=", "decrease", False)]),
    ("wan-magnitude", "快检主要农产品样品50万批次。", [("50万", 500000, "批次", "=", None, False)]),
    ("range-hyphen", "组织赴省外举办1-2场推介会。", [("1-2", (1, 2), "场", "range", None, False)]),
    ("range-chinese-aspirational", "力争再培育一到两个试点。", [("一到两", (1, 2), "个", "range", None, True)]),
    ("yi-yuan", "获得合作金融机构100亿元以上金融支持。", [("100亿", 10**10, "元", ">=", None, False)]),
    ("chao-exclusive", "民营企业超1500家。", [("1500", 1500, "家", ">", None, False)]),
    (
        "two-in-one-clause",
        "样品50万批次、监督抽查6万批次以上。",
        [("50万", 500000, "批次", "=", None, False), ("6万", 60000, "批次", ">=", None, False)],
    ),
]

MADE_UP = [
    ("thousands-comma", "新增高新技术企业1,500家。", [("1,500", 1500, "家", "=", None, False)]),
    ("fullwidth-digits", "全年完成检验１０万批次。", [("１０万", 100000, "批次", "=", None, False)]),
    ("chinese-after-verb", "培育十二个示范区。", [("十二", 12, "个", "=", None, False)]),
    ("chinese-hundreds", "建设一百二十个站点。", [("一百二十", 120, "个", "=", None, False)]),
    ("chinese-thousands", "新增两千家企业。", [("两千", 2000, "家", "=", None, False)]),
    ("range-zhi", "培育3至5个产业集群。", [("3至5", (3, 5), "个", "range", None, False)]),
    ("decimal-wan", "服务企业1.5万家。", [("1.5万", 15000, "家", "=", None, False)]),
    ("stable-above", "抽检合格率稳定在98%以上。", [("98%", 98, "%", ">=", None, False)]),
    ("not-less-than", "制定标准不少于20项。", [("20", 20, "项", ">=", None, False)]),
    ("at-least", "至少举办3场培训。", [("3", 3, "场", ">=", None, False)]),
    ("not-exceed", "办结时间不超过15个工作日。", [("15", 15, "工作日", "<=", None, False)]),
    ("within", "能耗增幅控制在5%以内。", [("5%", 5, "%", "<=", None, False)]),
    ("under", "不合格率低于1%。", [("1%", 1, "%", "<", None, False)]),
    ("less-than", "投诉不足10件。", [("10", 10, "件", "<", None, False)]),
    ("about", "培育约200家企业。", [("200", 200, "家", "~", None, False)]),
    ("nearly", "建成近300个站点。", [("300", 300, "个", "~", None, False)]),
    ("around", "建成300个左右。", [("300", 300, "个", "~", None, False)]),
    ("more-than-yu", "培训100余家企业。", [("100", 100, "家", ">", None, False)]),
    ("break-through", "产值突破1000亿元。", [("1000亿", 10**11, "元", ">", None, False)]),
    ("year-on-year-down", "事故起数同比下降3%。", [("3%", 3, "%", "=", "decrease", False)]),
    ("growth", "营业收入增长6.5%。", [("6.5%", 6.5, "%", "=", "increase", False)]),
    ("percentage-point", "覆盖率提高1个百分点。", [("1", 1, "百分点", "=", "increase", False)]),
    ("percent-chinese", "能耗降低百分之三。", [("百分之三", 3, "%", "=", "decrease", False)]),
    ("strive-zhengqu", "争取新增5家。", [("5", 5, "家", "=", None, True)]),
    ("strive-zhengchuang", "争创国家级示范区2个。", [("2", 2, "个", "=", None, True)]),
    ("code-and-target", "新建5G基站5000个。", [("5000", 5000, "个", "=", None, False)]),
    ("denominator-and-target", "每万人口高价值发明专利拥有量达到12件。", [("12", 12, "件", ">=", None, False)]),
    ("pm25-and-target", "PM2.5平均浓度下降5%。", [("5%", 5, "%", "=", "decrease", False)]),
    (
        "ascii-punctuation",
        "推进50家企业试点,培训500名以上人员。",
        [("50", 50, "家", "=", None, False), ("500", 500, "名", ">=", None, False)],
    ),
    ("about-after-percent", "营业收入增长8%左右。", [("8%", 8, "%", "~", "increase", False)]),
    ("about-before-noun", "建设10个左右省级示范区。", [("10", 10, "个", "~", None, False)]),
    ("raise-to-is-a-level", "有效商标数提高到5000件。", [("5000", 5000, "件", ">=", None, False)]),
    # bug caught while probing 由X提高到Y: a clause opening with 提高到 names a level, no amount of change
    ("raise-to-opening-a-clause", "加快推进，提高到93%。", [("93%", 93, "%", ">=", None, False)]),
    (
        "grade-code-and-target",
        "新增A级旅游景区20家，其中5A级1家。",
        [("20", 20, "家", "=", None, False), ("1", 1, "家", "=", None, False)],
    ),
    ("period-then-target", "三年内培育龙头企业100家。", [("100", 100, "家", "=", None, False)]),
    ("wan-yu", "服务企业2万余家。", [("2万", 20000, "家", ">", None, False)]),
    ("kilometres", "新改建农村公路1000公里。", [("1000", 1000, "公里", "=", None, False)]),
    ("score", "消费者满意度达到80分以上。", [("80", 80, "分", ">=", None, False)]),
    (
        "count-of-named-titles",
        "推动《白茶》《白茶加工技术规范》两项国家标准的翻译工作。",
        [("两", 2, "项", "=", None, False)],
    ),
    ("double", "营业收入实现翻一番。", [("翻一番", 2, "倍", "=", "increase", False)]),
    ("double-twice", "力争产值翻两番。", [("翻两番", 4, "倍", "=", "increase", True)]),
    # genre 76: a threshold, a name, then a bound and the count: the threshold says which ones are counted
    (
        "a-class-of-projects-then-a-bounded-count",
        "新签约亿元以上项目不少于６０个。",
        [("６０", 60, "个", ">=", None, False)],
    ),
    ("a-threshold-then-a-bounded-count", "引进10亿元以上项目至少30个。", [("30", 30, "个", ">=", None, False)]),
    # genre 75: 至少 before the verb of a change bounds the change as it bounds a level (最多 too)
    ("at-least-before-a-change", "城区清洁取暖率至少提高5个百分点。", [("5", 5, "百分点", ">=", "increase", False)]),
    ("at-most-before-a-change", "能耗最多增长3%。", [("3%", 3, "%", "<=", "increase", False)]),
    ("at-least-doubled", "产值至少增长一倍。", [("一", 2, "倍", ">=", "increase", False)]),
    # genre 74: 倍增 ending its phrase doubles, as 翻一番 does
    ("double-in-one-word", "高新技术企业数量实现倍增。", [("倍增", 2, "倍", "=", "increase", False)]),
    (
        "double-in-one-word-before-a-list-mark",
        "营业收入倍增、利润翻一番。",
        [("倍增", 2, "倍", "=", "increase", False), ("翻一番", 2, "倍", "=", "increase", False)],
    ),
    ("unit-before-range-end", "举办1场至2场活动。", [("1场至2", (1, 2), "场", "range", None, False)]),
    ("percent-range", "增长10%-15%。", [("10%-15%", (10, 15), "%", "range", "increase", False)]),
    ("unit-broken-by-a-line-wrap", "快检样品50万批\n次。", [("50万", 500000, "批次", "=", None, False)]),
    ("within-hours", "投诉在48小时内办结。", [("48", 48, "小时", "<=", None, False)]),
    ("within-days", "企业开办时间压缩至1日内。", [("1", 1, "日", "<=", None, False)]),
    ("nei-not-a-limit", "引进5家内资企业。", [("5", 5, "家", "=", None, False)]),
    ("points-range", "覆盖率提高10-15个百分点。", [("10-15", (10, 15), "百分点", "range", "increase", False)]),
    ("raised-against-a-year", "较2022年提高5个百分点。", [("5", 5, "百分点", "=", "increase", False)]),
    ("rate-without-unit", "特种设备万台死亡率控制在0.2以下。", [("0.2", 0.2, "", "<=", None, False)]),
    ("index-without-unit", "制造业质量竞争力指数达到85以上。", [("85", 85, "", ">=", None, False)]),
    (
        "several-standards",
        "主导制修订国际标准10项、国家标准50项。",
        [("10", 10, "项", "=", None, False), ("50", 50, "项", "=", None, False)],
    ),
    (
        "aspiration-ends-at-sentence",
        "力争新增10家。培育20家。",
        [("10", 10, "家", "=", None, True), ("20", 20, "家", "=", None, False)],
    ),
    # seen in the opc corpus (2026 AI plans): computing power, a name in capitals, goals beside grants
    ("computing-power", "智能算力超5000P。", [("5000", 5000, "P", ">", None, False)]),
    ("card-hours", "每年提供不少于2000卡时。", [("2000", 2000, "卡时", ">=", None, False)]),
    ("flops", "新增算力10EFLOPS以上。", [("10", 10, "EFLOPS", ">=", None, False)]),
    ("after-a-name-in-capitals", "集聚高成长性OPC5000家以上。", [("5000", 5000, "家", ">=", None, False)]),
    (
        "money-each-year-as-a-goal",
        "银行机构每年用于OPC的信贷额度不低于50亿元。",
        [("50亿", 5000000000, "元", ">=", None, False)],
    ),
    (
        "a-goal-then-support-for-it",
        "每年发掘不少于50个潜力巨大的标杆项目，并按照规定给予政策支持。",
        [("50", 50, "个", ">=", None, False)],
    ),
    ("a-period-of-service", "平均结案周期不超过3个月。", [("3", 3, "月", "<=", None, False)]),
    # issue 18: a classifier belongs to the number (个百分点 -> 百分点); qualifiers, penalties, triggers,
    # caps of a round, standards for each one, times of day and what a clause opening with 围绕 works on
    # are no goals; a share of several subjects is a goal for each; units written after the number whole
    ("classifier-with-the-number", "审批时限压减至1个工作日。", [("1", 1, "工作日", "<=", None, False)]),
    ("a-count-keeps-its-classifier", "新建示范点10个。", [("10", 10, "个", "=", None, False)]),
    ("qualifier-before-de", "对年营业收入500万元以上的企业开展诊断。", []),
    ("qualifier-households", "推动光纤网络覆盖20户以上的自然村。", []),
    ("a-count-before-de-after-a-goal-verb", "培育10家以上的龙头企业。", [("10", 10, "家", ">=", None, False)]),
    ("around-twelve-chains", "围绕集成电路等12条重点产业链实施链长制。", []),
    ("aimed-at-300-kinds", "针对300种重要民生商品开展价格监测。", []),
    ("a-penalty-range", "依法处1万元以上5万元以下的罚款。", []),
    ("a-penalty-in-multiples", "并处违法所得1倍以上5倍以下的罚款。", []),
    ("a-trigger", "居民消费价格指数单月同比涨幅达到3.5%时，启动联动机制。", []),
    ("a-cap-of-a-round", "每年遴选不超过20个示范项目。", []),
    ("a-round-to-reach", "每年认定示范企业30个左右。", [("30", 30, "个", "~", None, False)]),
    (
        "a-goal-of-a-funds-size",
        "到2028年，全市OPC基金总规模超30亿元，投资OPC不少于100家。",
        [("30亿", 3000000000, "元", ">", None, False), ("100", 100, "家", ">=", None, False)],
    ),
    # unseen round 3 (genre 61): a subsidy won from a higher level is a goal (as genre 50's 争取…专项债券额度)
    (
        "a-subsidy-to-win",
        "争取中央和省级城市更新补助资金不低于20亿元。",
        [("20亿", 2000000000, "元", ">=", None, True)],
    ),
    ("a-time-to-select-in", "企业认定办理时限不超过10个工作日。", [("10", 10, "工作日", "<=", None, False)]),
    ("a-selection-to-reach", "遴选典型案例20个以上。", [("20", 20, "个", ">=", None, False)]),
    ("a-standard-for-each", "为每人提供3个以上岗位信息。", []),
    ("a-forecast", "今年高校毕业生规模预计超过1000万人。", []),
    ("a-time-of-day", "2024年3月17日晚8时40分，某地发生火灾。", []),
    (
        "shares-of-two-subjects",
        "80%的乡镇和60%的行政村实现千兆光网覆盖。",
        [("80%", 80, "%", ">=", None, False), ("60%", 60, "%", ">=", None, False)],
    ),
    (
        "shares-of-two-subjects-with-bounds",
        "全省80%以上的乡镇和60%以上的村达到标准化要求。",
        [("80%", 80, "%", ">=", None, False), ("60%", 60, "%", ">=", None, False)],
    ),
    ("an-event-qualifying-what-follows", "对连续发生3起事故的企业进行约谈。", []),
    (
        "a-sum-a-goal-verb-sets",
        "推动《白茶》《白茶加工技术规范》两项国家标准的翻译工作。",
        [("两", 2, "项", "=", None, False)],
    ),
    ("a-provision-for-each", "统一购买150万元/家保额的研发保险。", []),
    ("a-list-with-du-in-a-name", "在成都、西安新建示范区3个。", [("3", 3, "个", "=", None, False)]),
    ("a-floor-a-rule-sets", "担保放大倍数不得低于80%。", [("80%", 80, "%", ">=", None, False)]),
    ("a-ceiling-a-rule-sets", "综合费率不应超过1%。", [("1%", 1, "%", "<=", None, False)]),
    ("single-item-champions", "新增国家级制造业单项冠军企业10家。", [("10", 10, "家", "=", None, False)]),
    ("a-count-of-such-ones", "建成单个规模超1000P的智算中心3个。", [("3", 3, "个", "=", None, False)]),
    ("a-count-of-circles", "建成15分钟便民生活圈100个。", [("100", 100, "个", "=", None, False)]),
    ("pue", "新建智算中心PUE值不得高于1.25。", [("1.25", 1.25, "", "<=", None, False)]),
    ("pue-with-a-sign", "新建智算中心PUE≤1.25。", [("1.25", 1.25, "", "<=", None, False)]),
    ("dollars", "外贸出口额力争达到40亿美元。", [("40亿", 4000000000, "美元", ">=", None, True)]),
    (
        "a-goal-before-a-grant",
        "新增普惠小微企业贷款5亿元以上，对首贷户给予贴息。",
        [("5亿", 500000000, "元", ">=", None, False)],
    ),
    ("jin", "粮食产量稳定在500亿斤以上。", [("500亿", 50000000000, "斤", ">=", None, False)]),
    ("latency", "访问时延低于20毫秒。", [("20", 20, "毫秒", "<", None, False)]),
    ("people-in-posts-trained", "每年培训社区居委会主任2000名。", [("2000", 2000, "名", "=", None, False)]),
    ("life-expectancy", "人均预期寿命达到80.6岁。", [("80.6", 80.6, "岁", ">=", None, False)]),
    ("a-rate-per-100000", "孕产妇死亡率控制在8/10万以下。", [("8", 8, "/10万", "<=", None, False)]),
    ("a-grade-to-reach", "电子病历应用水平分级评价达到4级以上。", [("4", 4, "级", ">=", None, False)]),
    ("a-bound-of-a-share", "抽查比例不少于总数的5%。", [("5%", 5, "%", ">=", None, False)]),
    ("per-head-is-no-list", "全市人均可支配收入达到3万元。", [("3万", 30000, "元", ">=", None, False)]),
    ("at-least-one", "每个地市至少建设一所中等职业学校。", [("一", 1, "所", ">=", None, False)]),
    ("a-threshold-then-its-count", "培育营收超1000万元OPC100家以上。", [("100", 100, "家", ">=", None, False)]),
    ("within-24-hours", "申请事项24小时内办结。", [("24", 24, "小时", "<=", None, False)]),
    # a magnitude alone, right after a goal verb or a bound (seen in pages_006, 007, 019)
    ("a-thousand-alone", "支持千家企业产学研协同创新。", [("千", 1000, "家", "=", None, False)]),
    ("over-a-trillion", "带动相关产业规模超万亿元。", [("万亿", 10**12, "元", ">", None, False)]),
    ("over-ten-thousand", "集聚超万名创新创业人才。", [("万", 10000, "名", ">", None, False)]),
    ("a-threshold-above-then-its-count", "全年实施亿元以上工业项目30个。", [("30", 30, "个", "=", None, False)]),
    ("a-grade-after-a-count", "建设运营30个以上标识解析二级节点。", [("30", 30, "个", ">=", None, False)]),
    # technical levels (seen in pages_016): units with a space, a power or a denominator, 大于, changes
    ("degrees-after-a-space", "云台精度达到0.005 度。", [("0.005", 0.005, "度", ">=", None, False)]),
    (
        "latin-units-per-hour",
        "成形效率大于450cm3/h，连续工作时间大于240h。",
        [("450", 450, "cm3/h", ">", None, False), ("240", 240, "h", ">", None, False)],
    ),
    (
        "specs-of-a-product-to-make",
        "绝对精度100Pa以内、噪音水平0.6Pa以内的压力传感器实现商用。",
        [("100", 100, "Pa", "<=", None, False), ("0.6", 0.6, "Pa", "<=", None, False)],
    ),
    # probe: 对 a count, where the work serves what it counts, is how much work to do (a sample is observed)
    ("the-people-a-work-serves", "对1000名农村劳动力开展职业技能培训。", [("1000", 1000, "名", "=", None, False)]),
    ("the-villages-a-work-changes", "对50个村开展人居环境整治。", [("50", 50, "个", "=", None, False)]),
    # probe: the network written in lower case is a name, not 5 grams
    ("a-network-in-lower-case", "建成5g基站1000个。", [("1000", 1000, "个", "=", None, False)]),
    ("a-unit-per-watt", "能效比超过1TFLOPS/w。", [("1", 1, "TFLOPS/w", ">", None, False)]),
    ("a-gloss-of-a-unit", "推出性能达到128TFLOPS（16位浮点）。", [("128", 128, "TFLOPS", ">=", None, False)]),
    ("a-test-condition", "5米远场识别率超过92%。", [("92%", 92, "%", ">", None, False)]),
    ("shorten-is-a-decrease", "产品研制周期缩短20%。", [("20%", 20, "%", "=", "decrease", False)]),
    ("a-clause-opening-with-a-change", "压减粗钢产能200万吨。", [("200万", 2000000, "吨", "=", "decrease", False)]),
    # rules, norms and standards beside goals (seen in gov_002, pages_003, pages_019, 36)
    ("one-for-each-province", "原则上每个省培育一家龙头机构。", [("一", 1, "家", "=", None, False)]),
    ("a-standard-for-each-counted", "建成超10家面积均不少于1万平方米的社区。", [("10", 10, "家", ">", None, False)]),
    ("the-grade-the-counted-reach", "力争100家企业达到3级以上标准。", [("100", 100, "家", "=", None, True)]),
    ("cores", "新增云计算资源约2000核。", [("2000", 2000, "核", "~", None, False)]),
    ("a-magnitude-inside-a-numeral", "全年新建5G基站一万二千个。", [("一万二千", 12000, "个", "=", None, False)]),
    (
        "small-numerals-closing-their-phrase",
        "组建城市医疗集团3个、县域医共体八个，新增省级重点专科五个。",
        [("3", 3, "个", "=", None, False), ("八", 8, "个", "=", None, False), ("五", 5, "个", "=", None, False)],
    ),
    ("a-yearly-range-of-events", "每年举办1—2场经验交流活动。", [("1—2", (1, 2), "场", "range", None, False)]),
    ("a-fraction", "应用型高校科技成果转化率超过1/3。", [("1/3", 1 / 3, "", ">", None, False)]),
    ("a-half-at-least", "实践性教学课时占总课时一半以上。", [("一半", 0.5, "", ">=", None, False)]),
    ("more-than-a-half", "双师型教师占专业课教师总数超过一半。", [("一半", 0.5, "", ">", None, False)]),
    # unseen round 5 (genres 65–67): shares and multiples in words — tenths read as a fraction is (N/10, no unit),
    # 百分之百 a percentage, 增长一倍 as 翻一番 (the multiple of the base); 一成不变 and 三成为 are no shares
    ("tenths-at-least", "二级以上养老机构占比达到三成以上。", [("三成", 0.3, "", ">=", None, False)]),
    ("tenths-a-level", "设立老年医学科的比例达到八成。", [("八成", 0.8, "", ">=", None, False)]),
    ("tenths-a-change", "岸电使用量同比增长三成以上。", [("三成", 0.3, "", ">=", "increase", False)]),
    ("a-fraction-in-words", "接入平台的机构比例达到五分之四。", [("五分之四", 0.8, "", ">=", None, False)]),
    ("percent-of-a-hundred", "设施覆盖率达到百分之百；", [("百分之百", 100, "%", ">=", None, False)]),
    ("grows-by-one-times", "到2026年，设施数量增长一倍。", [("一", 2, "倍", "=", "increase", False)]),
    ("grows-by-one-times-at-least", "收入比2020年增长1倍以上。", [("1", 2, "倍", ">=", "increase", False)]),
    # unseen round 5 (genres 65, 66): 由X提高到Y with no year in X — X is the level the change starts from
    (
        "a-base-with-no-year",
        "地热能供暖面积由320万平方米提高到400万平方米。",
        [("400万", 4000000, "平方米", ">=", None, False)],
    ),
    ("a-base-as-a-fraction", "助餐点覆盖社区比例由1/4提高到1/2以上。", [("1/2", 0.5, "", ">=", None, False)]),
    ("a-base-brought-down", "办理时限从10个工作日压缩至5个工作日。", [("5", 5, "工作日", "<=", None, False)]),
    ("you-as-an-agent-is-no-base", "由龙头企业新增投资10亿元。", [("10亿", 10**9, "元", "=", None, False)]),
    # unseen round 5 (genre 67): a comparator a hard wrap put on the next line after the unit still binds; a
    # paragraph that opens with 以上任务, or a comparator after a blank line, is no comparator of the number
    ("a-comparator-wrapped-to-the-next-line", "种植面积稳定在6万亩\n以上。", [("6万", 60000, "亩", ">=", None, False)]),
    ("about-wrapped-after-a-percent", "营业收入增长8%\n　　左右，", [("8%", 8, "%", "~", "increase", False)]),
    (
        "yishang-opening-the-next-paragraph",
        "新增示范点10个\n以上任务由县局负责。",
        [("10", 10, "个", "=", None, False)],
    ),
    (
        "respectively-every-number-keeps-the-change",
        "营业收入达到100亿元，同比分别增长10%和12%。",
        [
            ("100亿", 10**10, "元", ">=", None, False),
            ("10%", 10, "%", "=", "increase", False),
            ("12%", 12, "%", "=", "increase", False),
        ],
    ),
    ("a-comparator-after-a-blank-line", "营业收入增长8%\n\n左右，", [("8%", 8, "%", "=", "increase", False)]),
    # a share of a fund that a goal raises (no bound of a rule) stays a goal; a bounded share of no fund too
    # unseen round 4 (genre 63): 个 before 批次 is its classifier, as before 工作日
    ("batches-with-a-classifier", "完成例行督察2个批次。", [("2", 2, "批次", "=", None, False)]),
    ("a-share-of-a-fund-raised", "土地出让收入用于农业农村比例达到50%以上。", [("50%", 50, "%", ">=", None, False)]),
    ("a-bounded-share-of-no-fund", "护理型床位比例不低于55%。", [("55%", 55, "%", ">=", None, False)]),
    ("a-priority-is-no-precedence-rule", "优先发展10个重点产业。", [("10", 10, "个", "=", None, False)]),
    ("a-cap-on-events-in-the-year", "全年完成检查低于30次。", [("30", 30, "次", "<", None, False)]),
    # unseen round 6 (genres 68, 70): 确保 opens a firm bound — 力争's reach ends at it; 力争确保 still strives
    (
        "a-firm-bound-after-striving",
        "知晓率力争达到90%、确保不低于85%。",
        [("90%", 90, "%", ">=", None, True), ("85%", 85, "%", ">=", None, False)],
    ),
    (
        "a-firm-count-after-striving",
        "力争新开工项目40个，确保30个。",
        [("40", 40, "个", "=", None, True), ("30", 30, "个", "=", None, False)],
    ),
    (
        "striving-after-a-firm-bound",
        "确保完成40个，力争完成50个。",
        [("40", 40, "个", "=", None, False), ("50", 50, "个", "=", None, True)],
    ),
    ("striving-to-ensure", "力争确保粮食产量稳定在100万吨以上。", [("100万", 1000000, "吨", ">=", None, True)]),
    # unseen round 6 (genres 68, 70): a level above an average the text does not give — the number is the margin,
    # a floor on it; 不高于 bounds the level itself, no margin
    ("a-margin-over-an-average", "满意度高于全省平均水平1个百分点。", [("1", 1, "百分点", ">=", None, False)]),
    ("a-growth-margin-over-an-average", "收入增速高于全市平均1个百分点。", [("1", 1, "百分点", ">=", None, False)]),
    (
        "a-margin-faster-than-an-average",
        "居民收入增速快于全省平均0.5个百分点。",
        [("0.5", 0.5, "百分点", ">=", None, False)],
    ),
    ("a-margin-below-an-average", "PM2.5平均浓度低于全省平均水平5%。", [("5%", 5, "%", ">=", None, False)]),
    (
        "a-margin-with-its-own-bound",
        "增速高于全市平均水平0.5个百分点以上。",
        [("0.5", 0.5, "百分点", ">=", None, False)],
    ),
    # the lead's decision (genres 36, 56, 68): a floor on events in the plan's year counts the work to do, a goal
    ("drills-in-the-year", "全年组织网络安全攻防演练不少于2次。", [("2", 2, "次", ">=", None, False)]),
    ("checks-in-the-year", "全年开展网络安全专项检查不少于4次。", [("4", 4, "次", ">=", None, False)]),
    ("sets-or-times", "提供专项租赁住房不少于1000套（次）。", [("1000", 1000, "套（次）", ">=", None, False)]),
    (
        "a-cap-after-a-selection-that-caps-something-else",
        "每年认定绿色工厂10家，每年新增用水总量不超过500万立方米。",
        [("10", 10, "家", "=", None, False), ("500万", 5000000, "立方米", "<=", None, False)],
    ),
    (
        "a-list-of-bounds-after-dui-wai-is-no-qualifier",
        "对外贸易进出口总额达到100亿元、实际利用外资达到5亿美元的目标。",
        [("100亿", 10**10, "元", ">=", None, False), ("5亿", 500000000, "美元", ">=", None, False)],
    ),
    # unseen round 3 (genre 56): a subsidy word in the name of the rate a goal sets is no grant; the subsidy's
    # own rate (补贴比例) and the standard beside the goal stay parameters
    (
        "a-rate-of-subsidies-paid",
        "落实耕地地力保护补贴政策，补贴标准为每亩110元，补贴资金兑付到户率达到100%。",
        [("100%", 100, "%", ">=", None, False)],
    ),
    ("a-rate-of-grants-in-place", "奖补资金拨付率不低于95%。", [("95%", 95, "%", ">=", None, False)]),
    # unseen round 3 (genre 56): transformer capacity in 千伏安 (kVA) and 兆伏安 (MVA); 千伏 alone is a voltage class
    (
        "kilovolt-amperes",
        "新增农村配电变压器容量5万千伏安，户均配变容量不低于2.5千伏安。",
        [("5万", 50000, "千伏安", "=", None, False), ("2.5", 2.5, "千伏安", ">=", None, False)],
    ),
    ("megavolt-amperes", "新增主变容量300兆伏安。", [("300", 300, "兆伏安", "=", None, False)]),
    (
        "a-voltage-class-is-no-count",
        "建成110千伏变电站3座。",
        [("3", 3, "座", "=", None, False)],
    ),
    (
        "standard-coal-in-kilograms",
        "吨钢综合能耗降至545千克标准煤以下。",
        [("545", 545, "千克标准煤", "<=", None, False)],
    ),
    # real documents (gov_008, gov_060): a count right after a list of names is its size only where it totals them
    (
        "counts-listed-after-names-are-goals",
        "新增A园区5个、B中心2个。",
        [("5", 5, "个", "=", None, False), ("2", 2, "个", "=", None, False)],
    ),
    ("a-list-closed-by-deng-and-more", "选择北京、上海等10个城市开展试点。", [("10", 10, "个", "=", None, False)]),
    ("a-list-of-kinds-a-goal-verb-sets", "新建学校、医院2所。", [("2", 2, "所", "=", None, False)]),
    # real documents (pages_021, opc_010): a total (总, 累计) or a size listed with 、 beside a count of the things
    # made is the size of them all, a goal, even inside a 的 phrase (面积均… is a rule for each one, above)
    (
        "a-count-and-a-total-inside-a-de-phrase",
        "打造10个以上、总面积不低于100万平方米的OPC标杆社区。",
        [("10", 10, "个", ">=", None, False), ("100万", 1000000, "平方米", ">=", None, False)],
    ),
    (
        "a-total-alone-inside-a-de-phrase",
        "打造总面积不低于100万平方米的标杆社区。",
        [("100万", 1000000, "平方米", ">=", None, False)],
    ),
    (
        "a-size-listed-beside-a-count",
        "建成20个、面积不少于5000平方米的社区食堂。",
        [("20", 20, "个", "=", None, False), ("5000", 5000, "平方米", ">=", None, False)],
    ),
    (
        "a-cumulative-size-inside-a-de-phrase",
        "新建累计长度500公里的绿道。",
        [("500", 500, "公里", "=", None, False)],
    ),
    # bug caught (gov_020, gov_051): a capability to reach, stated with no verb that reaches it — a verb of having,
    # a level or an amount, 能力 — is a goal
    ("a-capability-of-a-level", "使大中城市基本具备抗御6级左右地震的能力。", [("6", 6, "级", "~", None, False)]),
    (
        "a-capability-run-on-into-what-it-makes",
        "使其成为率先具备抗御6级左右地震能力，对全国具有示范意义的样板地区。",
        [("6", 6, "级", "~", None, False)],
    ),
    ("a-capacity-formed", "形成年产100万吨的生产能力。", [("100万", 1000000, "吨", "=", None, False)]),
    # bug caught (gov_020, gov_051): 努力 as a noun, the effort made, strives for nothing; as a verb it does
    (
        "the-effort-made-is-no-striving",
        "依靠全社会的共同努力，首先使大中城市基本具备抗御6级左右地震的能力。",
        [("6", 6, "级", "~", None, False)],
    ),
    (
        "the-effort-of-a-period-is-no-striving",
        "经过“九五”期间的努力，使其成为率先具备抗御6级左右地震能力，对全国具有示范意义。",
        [("6", 6, "级", "~", None, False)],
    ),
    ("effort-as-a-verb-strives", "努力使覆盖率达到90%。", [("90%", 90, "%", ">=", None, True)]),
    # pages_001: a round magnitude printed alone after a bound, closing its clause — the unit left unsaid; 过 is a
    # bound there only
    ("a-magnitude-past-a-bound", "力争全省集成电路产业规模过千亿。", [("千亿", 10**11, "", ">", None, True)]),
    ("a-magnitude-broken-through", "数字经济规模突破万亿，", [("万亿", 10**12, "", ">", None, False)]),
    # made up to probe the conditions rule: a must-have with no list of conditions before it sets a goal
    (
        "a-must-have-outside-a-list-of-conditions",
        "加大支持力度。到2025年，各县应有3个以上示范基地。",
        [("3", 3, "个", ">=", None, False)],
    ),
    # genres 72, 74, 75: measure words and person-time units of the genre, each as printed
    ("ponds-counted-by-kou", "新建和改造山塘120口。", [("120", 120, "口", "=", None, False)]),
    (
        "wells-counted-by-yan",
        "打机井50眼，安装路灯500盏。",
        [("50", 50, "眼", "=", None, False), ("500", 500, "盏", "=", None, False)],
    ),
    ("fish-fry-counted-by-wei", "放流鱼苗100万尾。", [("100万", 1000000, "尾", "=", None, False)]),
    ("person-years", "全时当量达到15万人年。", [("15万", 150000, "人年", ">=", None, False)]),
    ("person-times-with-a-dot", "参与群众达到50万人·次。", [("50万", 500000, "人·次", ">=", None, False)]),
    ("machine-times", "开展设备巡检2000台次。", [("2000", 2000, "台次", "=", None, False)]),
    ("work-days", "提供务工岗位5万个工日。", [("5万", 50000, "工日", "=", None, False)]),
    # made up: 人年 running on into 均 is 人, then 年均
    # made up: pooled funds as the means, then a goal of its own; a sum won from a higher level is a goal
    ("a-goal-after-pooled-funds", "统筹整合涉农资金，建成高标准农田5万亩。", [("5万", 50000, "亩", "=", None, False)]),
    ("funds-won-from-above", "争取上级补助资金5亿元以上。", [("5亿", 500000000, "元", ">=", None, True)]),
    ("persons-then-a-yearly-average", "带动10万人年均增收。", [("10万", 100000, "人", "=", None, False)]),
]

NON_TARGETS = [
    # a magnitude after a verb ending in 过, a magnitude that goes on into a name (pages_001's rule)
    ("a-magnitude-after-a-verb", "通过千亿。"),
    ("a-magnitude-in-a-name", "规模超千亿工程。"),
    # a capability already there, one a body must have, one that says who is eligible, a grade (gov_020's rule)
    ("a-capability-already-there", "城市已具备抗御6级地震的能力。"),
    ("a-capability-a-body-must-have", "申请企业应具备年产10万吨的生产能力。"),
    ("a-capability-that-qualifies", "具备年产10万吨生产能力的企业，可以申报。"),
    ("a-grade-of-qualification", "具备一级资质的企业可以申报。"),
    ("a-rounds-cap-after-its-selection", "每两年评选一次“某某工匠”，每次不超过50名，对获评人员给予奖励。"),
    ("a-list-of-bounds-that-qualifies", "对亩均投资强度达到300万元以上、亩均税收达到30万元以上的新建项目给予奖励。"),
    ("the-day-of-a-date", "5月11日内蒙古发生地震，3月19日召开会商会。"),
    ("a-day-each-month", "要于每月5日前将上月工作进展报送县政府。"),
    ("a-rule-for-each-one", "单个场景投入不低于5万元。"),
    ("a-benefit-period", "青年人才申请租住过渡性住房，优惠期不超过36个月。"),
    ("one-person-company", "支持一人公司开展创新。"),
    ("what-a-kind-is", "OPC是指人员规模一般10人以下的创业主体。"),
    ("a-rate-per-one", "对机构投资OPC，每投资1家给予奖励。"),
    ("an-exemption-below-an-amount", "对10万元以下的创业担保贷款免除反担保要求。"),
    ("round-the-clock", "为OPC提供24小时“不打烊”服务。"),
    ("a-kind-of-neighbourhood", "打造城市社区15分钟健身圈和15分钟就业服务圈。"),
    ("a-rhythm-per-year", "组织政企座谈会不少于3次/年。"),
    ("a-threshold-for-a-sanction", "对年度计划完成率低于50%的地区进行通报，对考核得分低于60分的予以约谈。"),
    ("an-age-that-describes", "为60岁以上老年人提供上门服务，支持三级公立医院发展。"),
    ("a-standard-to-build-to", "新建居住区按每百户不低于20平方米的标准配套建设养老服务设施。"),
    ("very-is-no-ten", "具有十分重要的意义，要加快推进建设。"),
    ("a-formula", "计算方法：达标数/总数×100%。"),
    ("a-condition-whatever-follows", "入围生产企业在3家及以上的，采取招标采购。"),
    ("what-a-procedure-allows", "公示期一般不少于5个工作日，审核期最长不超过15个工作日。"),
    ("one-of-a-kind", "打造一支高素质队伍，建设一个共享平台。"),
    ("how-a-body-is-made-up", "联席会议设召集人1人，副召集人2人。"),
    ("members-sent", "联合采购办公室由试点城市各派1名代表组成。"),
    ("members-counted", "领导小组由9个部门组成。"),
    ("a-condition-before-a-grant", "对年营收超过1000万元的企业，给予奖励。"),
    ("ordinal-di", "举办第五届中国质量大会，支持第14届交易会。"),
    ("ordinal-batch", "编制《目录》（第二批），规范第二类医疗器械。"),
    ("year", "组织实施2023年建设项目。"),
    ("year-range", "先进制造业倍增计划实施方案(2022—2026年)。"),
    ("period-years", "开展三年行动，3年内完成改造。"),
    ("deadline", "4月底前完成部署。"),
    ("five-year-plan", "落实十四五规划。"),
    ("standard-code", "做好GB9706系列标准检验，推动ISO22000体系认证。"),
    ("tech-code", "推动5G应用，治理PM2.5污染。"),
    ("hotline", "提升12315服务效能。"),
    ("grade", "新评定一批4A级旅游景区。"),
    ("quoted-number", "组织做好“6.18”展会，围绕“4+4+6”产业体系。"),
    ("management-code", "在小型企业推行5S管理，推行ISO09000、14000等体系。"),
    ("idiom-unquoted", "落实四个最严要求，突出五个到位，压实两个责任。"),
    ("idiom-quoted", "推行“一品一码”，开展“千校万企”行动。"),
    ("a-batch", "培育一批龙头企业。"),
    ("one-x-one-y", "建立一户一档。"),
    ("baseline-frame", "在已批复设立的4个国家级和17个省级集群的基础上，加快发展。"),
    ("baseline-already", "全省已建成国家级中心5个。"),
    ("ranking", "发布民营企业100强，扩大制造业50强发布范围。"),
    ("issuer-count", "贯彻市场监管总局等18部委《行动方案》。"),
    ("rate-denominator", "每10万人拥有执业药师。"),
    ("class-no-verb", "在三类医疗器械全面实施UDI。"),
    ("kinds-no-verb", "落实对类烟产品五种违法行为打击要求。"),
    ("levels", "健全省市县三级联动机制，完善一级、二级风险监测点。"),
    ("duration-months", "用3个月时间开展专项整治。"),
    ("years-above-no-rate", "从业3年以上的人员。"),
    ("number-above-without-rate-word", "开展培训20以上。"),
    ("zero-in-words", "确保重大食品安全事故零发生。"),
    ("wan-yuan-gdp", "单位万元GDP能耗。"),
    ("an-ordinal-with-spaces", "按照第 3 条规定执行。"),
    ("a-daily-standard", "保证每天校园阳光体育运动不少于1小时。"),
    ("the-means-taken", "以8个国家算力枢纽、10个国家数据中心集群为抓手，推进建设。"),
    ("a-base", "以1995年实招人数1445名为基数。"),
    ("a-share-of-a-price", "租金约为市场价的三分之二。"),
    ("yi-cheng-bu-bian-is-no-share", "坚持标准一成不变，其中三成为新建。"),
    # unseen round 5 (genre 65): a count of things already under way is the scope the work acts on
    ("plants-under-construction", "加快3座在建抽水蓄能电站建设。"),
    ("projects-continuing", "推进12个续建项目建设。"),
    # unseen round 5 (genre 66): a bound on the share of a fund spent on something is a rule for how it is spent
    ("a-share-of-a-fund-spent", "福利彩票公益金用于养老服务的比例不低于55%。"),
    ("a-size-qualifying-what-follows", "超过1000人规模的学校必须配备专职教师。"),
    ("a-list-of-classes", "修订省级示范、一类、二类、三类幼儿园建设标准。"),
    ("a-subsidys-own-rate", "补贴比例不超过30%。"),
    # unseen round 3 (genre 60, 61): the size of a fund the sentence sets up is the means the work takes (as
    # genre 54's 设立规模50亿元的…基金)
    ("a-funds-size-after-it-is-set-up", "设立数字经济产业引导基金,基金规模不低于5亿元;对新认定企业给予奖励。"),
    ("a-funds-first-tranche", "设立城市更新基金，首期规模50亿元。"),
    # unseen round 3 (genre 57): a cap on what a selection takes in is the selection's, round or not
    ("a-grant-to-strive-for", "争取对首贷企业给予贴息补助100万元。"),
    ("a-selections-cap", "总结推广典型经验，遴选农村客运高质量发展典型案例不超过20个。"),
    ("a-rate-that-earns-a-grant", "对资金兑付率达到100%的地区给予奖补。"),
    ("a-weight-in-an-assessment", "纳入考核，考核权重不低于5%。"),
    ("a-norm-in-principle", "原则上不高于承担风险责任的0.5%。"),
    ("a-norm-in-principle-for-each", "原则上各级机关的法制审核人员不少于执法人员总数的5%。"),
    ("provided-to-each-named", "每年为每家OPC提供不少于2000卡时的免费算力支持。"),
    ("staffing-each", "各中小学至少配备1名心理健康教育教师。"),
    ("staffing-ratio", "每5所幼儿园配备1名责任督学。"),
    ("a-rule-of-precedence", "优先支持其行政区域内1家符合条件的开发区扩区。"),
    ("n-as-one", "形成督政、督学、评估监测三位一体的督导体系。"),
    # the lead's decision: 每年/每季度…不少于N次 is a rhythm (全年…不少于N次 is a goal: see TARGETS)
    ("drills-each-year", "每年组织网络安全攻防演练不少于2次。"),
    ("checks-each-quarter", "每季度开展安全检查不少于1次。"),
    ("the-sample-worked-on", "对全市100家重点零售企业开展月度监测。"),
    ("a-price-per-unit", "用电价格每千瓦时降低0.05元。"),
    ("a-voucher-budget", "市区两级提供人工智能服务券规模不少于10亿元。"),
    # genre 72: funds a government pools for a use are a budget allocated
    ("pooled-funds", "县财政统筹整合涉农资金1.2亿元用于农田水利建设。"),
    # made up: 倍增 in the name of a plan, an action or an effect doubles nothing
    ("doubling-in-names", "实施人才倍增行动，发挥倍增效应，推进“倍增计划”。"),
    ("raised-funds", "每年筹措资金2亿元，支持项目建设。"),
    ("a-gift-pack", "提供免费住宿及500元礼包。"),
    ("every-household", "让优质服务走进千家万户，服务千家万户。"),
    ("a-class-of-size", "打造千亿级产业集群，建设10万吨级泊位。"),
    # real documents (pages_001, pages_002): a total of money inside a 的 phrase sizes a fund or a project, a means;
    # 总部 names no total (the size of each one's headquarters qualifies it)
    ("a-funds-total-inside-a-de-phrase", "设立总规模不少于100亿元的数字经济发展专项基金。"),
    ("a-headquarters-is-no-total", "引进总部面积不低于2万平方米的企业。"),
    # real documents (gov_008, gov_052, gov_060): a count right after a list of names joined by 、 that totals
    # them is the list's size (a 和 may join two names; brackets inside a name hold no 、 of the list)
    ("a-list-of-cities-and-its-size", "选择北京、成都、西安3个城市开展试点。"),
    ("a-list-with-he-and-its-size", "选择北京、天津、重庆和沈阳、西安5个城市。"),
    ("a-list-closed-by-deng-and-its-size", "确定在北京、天津、河北等3个省（市）扩大规模。"),
    ("a-list-with-brackets-in-names", "选择甲县（市）、乙区、丙开发区（园区）3个地区作为试点地区。"),
    ("a-list-of-places-and-its-size", "确定北京、吉林、贵州3个省（区、市）和拉萨市作为试点地区。"),
    ("a-size-for-each-listed", "引进面积均不少于1万平方米的项目。"),
    # bug caught: gov_050 (a 1997 opinion): thresholds in a list of conditions a body must meet
    (
        "thresholds-in-a-list-of-conditions",
        "符合下列要求的社会团体予以保留。1.有规范的名称。2.全国性社会团体应有10万元以上资金，基金会基金数额不少于210万元。",
    ),
    ("a-must-have-after-a-colon", "法人社会团体还应具备：（1）有专职工作人员；（2）地方性社会团体应有5万元以上资金。"),
    ("conditions-of-an-applicant", "申报企业应具备下列条件：注册资本不少于500万元。"),
]

# (id, sentence, [(number_text, subject, aspirational)]): what each target counts, where one verb sets several
SUBJECTS = [
    # genre 76: a thousands separator ends no clause — the two counts of one verb, each its name, as with 8000辆
    (
        "a-thousands-separator-ends-no-clause",
        "全市汽车以旧换新不少于8,000辆、家电以旧换新不少于5万台。",
        [("8,000", "全市汽车以旧换新", False), ("5万", "家电以旧换新", False)],
    ),
    # made up: a name that opens with a measure word (口袋公园) keeps it
    (
        "a-name-opening-with-a-measure-word",
        "建成口袋公园50个、城市绿道20条。",
        [("50", "口袋公园", False), ("20", "城市绿道", False)],
    ),
    ("names-before", "新增智能工厂50家、数字化车间200个。", [("50", "智能工厂", False), ("200", "数字化车间", False)]),
    (
        "names-after",
        "每年组织实施100项重大工程项目和30项以上基础研究项目。",
        [("100", "重大工程项目", False), ("30", "基础研究项目", False)],
    ),
    (
        "names-after-a-list",
        "新引育90名国家级、150名省级科技人才。",
        [("90", "国家级", False), ("150", "省级科技人才", False)],
    ),
    (
        "a-name-holding-a-verb-in-a-list",
        "打造10个以上产业集聚区、3个以上示范区。",
        [("10", "产业集聚区", False), ("3", "示范区", False)],
    ),
    (
        "a-clause-going-on-with-the-verb-before",
        "培育专精特新中小企业1万家，“小巨人”企业1000家左右，单项冠军企业达到100家。",
        [("1万", "专精特新中小企业", False), ("1000", "“小巨人”企业", False), ("100", None, False)],
    ),
    (
        "names-after-over-two-clauses",
        "每年培育20家以上标杆企业，100家以上智能工厂（数字化车间、智能场景）。",
        [("20", "标杆企业", False), ("100", "智能工厂（数字化车间、智能场景）", False)],
    ),
    (
        "a-clause-with-its-own-bound-is-no-second-object",
        "新增规模以上企业100家，营业收入突破10亿元。",
        [("100", None, False), ("10亿", None, False)],
    ),
    (
        "a-clause-in-another-unit-is-no-second-object",
        "集聚高成长性企业5000家以上，汇聚创新创业人才30000名以上。",
        [("5000", None, False), ("30000", None, False)],
    ),
    (
        "qualified-names",
        "新培育年销售（营业）收入首次突破100亿元的企业15家、首次突破500亿元的企业5家。",
        [("15", "年销售（营业）收入首次突破100亿元的企业", False), ("5", "首次突破500亿元的企业", False)],
    ),
    (
        "zhengchuang-strives-in-its-clause",
        "争创1—2个国家级平台，布局1—2家省实验室、30家左右省重点实验室。",
        [("1—2", None, True), ("1—2", "省实验室", False), ("30", "省重点实验室", False)],
    ),
    (
        "respectively-with-he",
        "城镇和农村居民人均消费支出分别达到4.2万元和2.1万元。",
        [("4.2万", "城镇居民人均消费支出", False), ("2.1万", "农村居民人均消费支出", False)],
    ),
    (
        "each-after-a-leading-verb",
        "推动钢铁、石化行业能效达标率均达到80%。",
        [("80%", "钢铁行业能效达标率", False), ("80%", "石化行业能效达标率", False)],
    ),
    ("a-yearly-average-is-not-each", "软件和信息服务业营业收入年均增长15%以上。", [("15%", None, False)]),
    # unseen round 3 (genre 59): 各 right before the number gives it to each subject, as 均 does before the
    # verb; the list starts after the verb before it (免费开展: for whom, then what)
    (
        "ge-each-before-the-number",
        "为35—64岁农村适龄妇女免费开展宫颈癌、乳腺癌筛查各30万人。",
        [("30万", "宫颈癌筛查", False), ("30万", "乳腺癌筛查", False)],
    ),
    ("ge-each-no-verb", "甲县、乙县各新建学校2所。", [("2", None, False)]),
    (
        "a-listed-member-with-brackets",
        "各县（市、区）、各开发区分别建成示范点10个和5个。",
        [("10", "各县（市、区）", False), ("5", "各开发区", False)],
    ),
    # unseen round 3 (genre 59): members that are whole names keep their words as printed; a head is shared
    # only by members that name no whole measure (小麦、玉米良种覆盖率)
    (
        "respectively-whole-phrases",
        "农村自来水普及率、规模化供水工程覆盖农村人口比例分别达到93%和65%。",
        [("93%", "农村自来水普及率", False), ("65%", "规模化供水工程覆盖农村人口比例", False)],
    ),
    (
        "respectively-members-ending-alike",
        "耕地保有面积、高标准农田建设面积分别达到120万亩和80万亩。",
        [("120万", "耕地保有面积", False), ("80万", "高标准农田建设面积", False)],
    ),
    ("ge-opening-a-name-is-not-each", "各县（市、区）建成示范点10个。", [("10", None, False)]),
    # unseen round 5 (genre 67): 分别 with no list in its clause — the subjects are the clauses before it, in order
    (
        "respectively-after-the-clauses-it-follows",
        "乡村旅游接待游客突破300万人次，实现旅游综合收入12亿元，同比分别增长10%和12%。",
        [
            ("300万", None, False),
            ("12亿", None, False),
            ("10%", "乡村旅游接待游客", False),
            ("12%", "旅游综合收入", False),
        ],
    ),
    (
        "respectively-after-too-few-clauses",
        "营业收入达到100亿元，同比分别增长10%和12%。",
        [("100亿", None, False), ("10%", None, False), ("12%", None, False)],
    ),
]

# (id, text, [(number_text, comparator, the date it is set for)])
TIMES = [
    # genre 74: the date of a change's base (由2023年底的…) is no time to reach; a deadline before 由 is
    (
        "the-date-of-a-base",
        "企业数量由2023年底的1200家增加到2400家以上，入库数达到12000家。",
        [("2400", ">=", None), ("12000", ">=", None)],
    ),
    ("a-deadline-before-a-base", "企业数量2025年底前由1200家增加到2400家以上。", [("2400", ">=", "2025-12-31")]),
    (
        "a-paragraph-opening-with-its-year",
        "\n　　2018年，床位数达到6.2张；全科医生数达到3名。",
        [("6.2", ">=", "2018-12-31"), ("3", ">=", "2018-12-31")],
    ),
    ("a-horizon-over-a-hard-wrap", "到2025\n年，治理率达到60%左右。", [("60%", "~", "2025-12-31")]),
    (
        "a-sibling-heading-closes-a-horizon",
        "（四）目标。到2020年，建成试点10个。\n（五）范围。选择10个左右城市。",
        [("10", "=", "2020-12-31"), ("10", "~", None)],
    ),
    (
        "a-horizon-over-its-list",
        "到2020年，主要目标是：\n1.建成试点10个。\n2.培育企业20家。",
        [("10", "=", "2020-12-31"), ("20", "=", "2020-12-31")],
    ),
    # unseen round 4 (genre 62): a horizon standing between an earlier deadline and the number governs it
    (
        "a-horizon-after-a-deadline-in-the-sentence",
        "2025年底前实现千兆光网覆盖所有县城，到2027年千兆宽带用户占比提高到35%。",
        [("35%", ">=", "2027-12-31")],
    ),
    (
        "a-deadline-after-a-horizon-in-the-sentence",
        "到2027年，全面推进改造，2025年底前新建基站2万个。",
        [("2万", "=", "2025-12-31")],
    ),
    # unseen round 4 (genre 64): 完工/竣工 complete a whole task as 完成 does; 开工 starts one
    (
        "all-finished-by-a-later-deadline",
        "改造城镇老旧小区12个，惠及居民2300户，2025年10月底前全部完工。",
        [("12", "=", "2025-10-31"), ("2300", "=", "2025-10-31")],
    ),
    ("works-started-by-a-later-deadline", "新建项目120个，2025年6月底前全部开工。", [("120", "=", None)]),
    # unseen round 5 (genre 67): time nodes after a count are the stages of its task — the last one, where it
    # completes something, is when the task is done; a node before a count binds its own clause; nodes in a
    # sentence of their own bind nothing before them
    (
        "time-nodes-after-a-count",
        "建设冷链物流节点12个，2025年3月底前完成选址，2025年6月底前全部开工，2025年10月底前建成投用。",
        [("12", "=", "2025-10-31")],
    ),
    (
        "a-time-node-before-each-count",
        "2025年3月底前完成选址10处，2025年10月底前建成节点12个。",
        [("10", "=", "2025-03-31"), ("12", "=", "2025-10-31")],
    ),
    (
        "time-nodes-in-a-sentence-of-their-own",
        "新建高标准农田3.2万亩。按照时间节点推进：2025年3月底前完成招标，2025年11月底前完成竣工验收。",
        [("3.2万", "=", None)],
    ),
    # genre 38 (an old annotated disagreement): a deadline times the count of what is chosen or made; what each
    # of those is to do, in a clause after that count, follows them — no time of that deadline
    (
        "what-each-of-the-counted-does",
        "2020年6月底前，在全国选择30个左右城市开展试点，每个试点城市带动不少于500家中小企业实施数字化改造。",
        [("30", "~", "2020-06-30"), ("500", ">=", None)],
    ),
    (
        "each-one-with-no-count-before-it",
        "2022年底前，每个省份至少完成10个转型项目。",
        [("10", ">=", "2022-12-31")],
    ),
    (
        "years-respectively",
        "2024年、2025年分别突破2.2万亿元、2.4万亿元。",
        [("2.2万亿", ">", "2024-12-31"), ("2.4万亿", ">", "2025-12-31")],
    ),
]

#: Sentences read in a plan of a given year: what a year before it saw or did is a fact, not a goal.
#: (id, sentence, the plan's year, the number texts read as targets)
DATED: list[tuple[str, str, int | None, list[str]]] = [
    # bug caught: gov_020, gov_051, gov_052 (State Council notices of 1996 and 1997)
    ("a-count-of-an-earlier-year", "1995年我国共有5级以上地震48次。", 1996, []),
    ("the-same-count-in-its-own-year", "1995年全省新增企业30家。", 1995, ["30"]),
    ("an-earlier-year-dates-the-whole-sentence", "1995年全球共有地震33次，为年均18次的1.8倍。", 1996, []),
    ("an-earlier-year-in-brackets", "扩大招生规模（其中1995年广东省新增招生165名）。", 1996, []),
    ("an-earlier-year-after-a-comma", "1996年，全国新增地震台网38个，其中大陆地区26个。", 1997, []),
    ("completed-aspect", "扩大招生规模（其中广东省、福建省共落实了165名扩招任务）。", None, []),
    ("an-event-that-happened", "全国共发生5级以上地震48次。", None, []),
    # made up to probe the rule: a base, a deadline, a horizon and a phrase are no dates of a fact
    ("a-base-year", "比2020年下降14.5%。", 2021, ["14.5%"]),
    ("a-base-year-with-its-value", "由2024年的30%提高到50%以上。", 2025, ["50%"]),
    ("a-deadline-in-an-earlier-year", "2020年底前建成10个中心。", 2021, ["10"]),
    ("a-horizon-after-a-fact", "1995年全省建成10个，到2000年建成50个。", 1996, ["50"]),
    ("a-year-inside-a-phrase", "对2016年实施的项目新增投资3亿元。", 2018, ["3亿"]),
    ("wei-le-is-no-completed-aspect", "为了100万群众安居，新建住房3万套。", None, ["3万"]),
]

KNOWN_GAPS: list[tuple[str, str, list[Any]]] = [
    ("number-broken-by-a-line-wrap", "完成抽检5\n0万批次。", [("50万", 500000, "批次", "=", None, False)]),
]


def _cases(*groups: list[tuple[str, str, list[Any]]]) -> list[Any]:
    return [pytest.param(sentence, expected, id=case_id) for group in groups for case_id, sentence, expected in group]


@pytest.mark.parametrize(("sentence", "expected"), _cases(SEEN_IN_PLAN, MADE_UP))
def test_targets(sentence: str, expected: list[Any]) -> None:
    assert extract(sentence) == expected


@pytest.mark.parametrize("sentence", [pytest.param(s, id=i) for i, s in NON_TARGETS])
def test_non_targets(sentence: str) -> None:
    assert extract(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), _cases(SUBJECTS))
def test_subjects(sentence: str, expected: list[Any]) -> None:
    region = Region(0, len(sentence), 1, 1)
    found = extract_targets(sentence, region, LineIndex(sentence))
    assert [(t["number_text"], t["subject"], t["aspirational"]) for t in found] == expected


@pytest.mark.parametrize(("text", "expected"), _cases(TIMES))
def test_times(text: str, expected: list[Any]) -> None:
    region = Region(0, len(text), 1, 1)
    found = extract_targets(text, region, LineIndex(text))
    assert [(t["number_text"], t["comparator"], t["by"] and t["by"]["date"]) for t in found] == expected


@pytest.mark.parametrize(("sentence", "year", "expected"), [pytest.param(s, y, e, id=i) for i, s, y, e in DATED])
def test_dated(sentence: str, year: int | None, expected: list[str]) -> None:
    region = Region(0, len(sentence), 1, 1)
    found = extract_all(sentence, [region], LineIndex(sentence), year)[0]
    assert [t["number_text"] for t in found] == expected


@pytest.mark.xfail(strict=True, reason="known gap: not recognised yet")
@pytest.mark.parametrize(("sentence", "expected"), _cases(KNOWN_GAPS))
def test_known_gaps(sentence: str, expected: list[Any]) -> None:
    assert extract(sentence) == expected


@pytest.mark.parametrize("marker", ["1.", "2. ", "（一）", "(3)", "（1）"])
def test_a_target_in_an_items_first_clause_leaves_the_marker_out(marker: str) -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    text = f"一、任务\n{marker}新增示范项目10个，完善机制。（牵头单位：市局）\n"
    targets = [t for s in parse_text(text)["sections"] for i in s["items"] for t in i["targets"]]
    assert [t["text"] for t in targets] == ["新增示范项目10个"]
    start, end = targets[0]["span"]
    assert text[start:end] == "新增示范项目10个"


def test_a_count_of_the_plans_own_parts_is_no_target() -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    text = (
        "某市行动计划\n一、总体要求\n实施三项主要任务，培育企业3家。\n二、主要任务\n"
        "（一）甲。（责任单位：市科技局）\n（二）乙。（责任单位：市科技局）\n（三）丙。建成3个中心。（责任单位：市科技局）\n"
    )
    plan = parse_text(text)
    assert [t["text"] for t in plan["sections"][0]["targets"]] == ["培育企业3家"]  # three tasks follow: no goal
    assert [t["text"] for t in plan["sections"][1]["items"][2]["targets"]] == ["建成3个中心"]
    goal = parse_text(text.replace("实施三项主要任务", "出台3项政策措施"))
    assert [t["text"] for t in goal["sections"][0]["targets"]] == ["出台3项政策措施", "培育企业3家"]
    four = parse_text(text.replace("（三）丙。", "（三）丙。（责任单位：市科技局）\n（四）丁。"))
    assert [t["text"] for t in four["sections"][0]["targets"]] == ["实施三项主要任务", "培育企业3家"]


def test_a_count_of_what_an_earlier_year_did_and_of_the_plans_measures_is_no_target() -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    text = (
        "某市2018年工作要点\n一、总体要求\n将2016年实施的5项措施调整增加为2项措施，新增企业3家。\n二、主要任务\n"
        "（一）甲。（责任单位：市科技局）\n（二）乙。（责任单位：市科技局）\n"
    )
    plan = parse_text(text)
    assert [t["text"] for t in plan["sections"][0]["targets"]] == ["新增企业3家"]
    later = parse_text(text.replace("2016年实施的", "2019年实施的"))  # a year after the plan's: no baseline
    assert [t["number_text"] for t in later["sections"][0]["targets"]] == ["5", "3"]


def test_a_count_of_the_projects_of_a_minsheng_plan_is_no_target() -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    text = (
        "某省2025年民生实事项目任务分工方案\n　　2025年，省政府集中力量办好2件民生实事，新增企业3家。\n一、项目\n"
        "1.甲。新建学校5所。\n责任单位：省教育厅\n2.乙。新增床位100张。\n责任单位：省民政厅\n"
    )
    plan = parse_text(text)
    assert [t["text"] for t in plan["targets"]] == ["新增企业3家"]  # two projects follow: no goal
    three = parse_text(text.replace("办好2件", "办好3件"))
    assert [t["number_text"] for t in three["targets"]] == ["3", "3"]


# (id, text, [(number_text, value, unit, comparator, change, subject, by)]): a table of planned figures printed as
# text rows inside an item — a header row of years, rows of an indicator and a figure per year (genre 75)
TABLE_ROWS = [
    (
        "indicators-by-year",
        "主要指标如下：\n　　指标名称　　　　2024年　　2025年\n　　万元GDP能耗降低率（%）　　3.2　　　3.5\n"
        "　　可再生能源发电量（亿千瓦时）　　36　　　42\n　　（牵头单位：市发展改革委）",
        [
            ("3.2", 3.2, "%", "=", "decrease", "万元GDP能耗降低率", "2024-12-31"),
            ("3.5", 3.5, "%", "=", "decrease", "万元GDP能耗降低率", "2025-12-31"),
            ("36", 3600000000, "千瓦时", "=", None, "可再生能源发电量", "2024-12-31"),
            ("42", 4200000000, "千瓦时", "=", None, "可再生能源发电量", "2025-12-31"),
        ],
    ),
    (
        "figures-with-their-units-and-signs",
        "指标　　2025年　　2027年\n森林覆盖率　　≥38.5%　　≥40%\n新增企业（家）　　１２０　　1,500\n"
        "其他工作按计划推进。",
        [
            ("≥38.5%", 38.5, "%", ">=", None, "森林覆盖率", "2025-12-31"),
            ("≥40%", 40, "%", ">=", None, "森林覆盖率", "2027-12-31"),
            ("１２０", 120, "家", "=", None, "新增企业", "2025-12-31"),
            ("1,500", 1500, "家", "=", None, "新增企业", "2027-12-31"),
        ],
    ),
    (
        "a-column-of-units",
        "指标　　单位　　2025年\n规模以上工业增加值增长率　　%　　6.5\n新增高新技术企业　　家　　200\n",
        [
            ("6.5", 6.5, "%", "=", "increase", "规模以上工业增加值增长率", "2025-12-31"),
            ("200", 200, "家", "=", None, "新增高新技术企业", "2025-12-31"),
        ],
    ),
    # made up: years after gaps with no rows of figures under them are no table
    (
        "years-without-figures",
        "时间安排　　2024年　　2025年\n　　全面推进各项工作，建成示范区3个。",
        [("3", 3, "个", "=", None, None, None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _cases(TABLE_ROWS))
def test_table_rows(text: str, expected: list[Any]) -> None:
    found = extract_targets(text, Region(0, len(text), 1, 1), LineIndex(text))
    assert [
        (
            t["number_text"],
            t["value"],
            t["unit"],
            t["comparator"],
            t["change"],
            t["subject"],
            t["by"] and t["by"]["date"],
        )
        for t in found
    ] == expected


# (id, text, the item's 完成时限 from its note, [(number_text, the date each target is set for)])
DUE = [
    # genre 72: a time the text states after the note's 完成时限 gives way to it: the whole task is due then
    (
        "a-year-within-an-earlier-field",
        "年内完成改革面积8万亩，覆盖率达到70%以上。",
        "2025-11-30",
        [("8万", "2025-11-30"), ("70%", "2025-11-30")],
    ),
    # made up: a time before the field binds its sentence; a target with no time of its own takes the field
    (
        "a-stage-before-the-field",
        "6月底前完成改造100户。新建站点20个。",
        "2025-11-30",
        [("100", "2025-06-30"), ("20", "2025-11-30")],
    ),
]


@pytest.mark.parametrize(("text", "due", "expected"), [pytest.param(t, d, e, id=i) for i, t, d, e in DUE])
def test_due(text: str, due: str, expected: list[tuple[str, str]]) -> None:
    deadline: DeadlineRecord = {"text": "完成时限", "span": [0, 0], "date": due}
    found = extract_all(text, [Region(0, len(text), 1, 1, None, deadline)], LineIndex(text), 2025)[0]
    assert [(t["number_text"], t["by"] and t["by"]["date"]) for t in found] == expected
