"""Lead-unit notes in their common forms: a table of cases."""

from __future__ import annotations

import time

import pytest

from zhiliang_cli import parse_plan
from zhiliang_cli.parse import lexicon as lx
from zhiliang_cli.parse.notes import clean_units, find_notes, merge_trailing, split_units

SEEN_IN_PLAN = [
    ("ascii", "加强监管。(牵头单位:省市场监管局)", ["省市场监管局"], []),
    ("ascii-customs", "提高拦截能力。(牵头单位:福州海关)", ["福州海关"], []),
]
MADE_UP = [
    (
        "a-time-after-the-last-comma-of-a-labelled-list",
        "推进改革。（牵头单位：省发展改革委；责任单位：省财政厅、各设区市人民政府，2022年底前）",
        ["省发展改革委"],
        ["省财政厅", "各设区市人民政府"],
    ),
    ("an-ongoing-tail", "推进改革。（责任单位：省教育厅、省财政厅，持续推进）", ["省教育厅", "省财政厅"], []),
    (
        "a-time-that-opens-a-clause-with-what-is-due",
        "健全机制。（国家发展改革委、商务部牵头，各有关部门按职责分工负责；2024年底前建立，持续推进）",
        ["国家发展改革委", "商务部"],
        ["各有关部门"],
    ),
    (
        "a-start-time-after-the-last-comma",
        "开展评估。（省发展改革委、省财政厅负责，2024年起每年开展）",
        ["省发展改革委", "省财政厅"],
        [],
    ),
    ("a-rhythm-after-the-last-comma", "推进试点。（省商务厅负责，按季度推进）", ["省商务厅"], []),
    (
        "a-start-time-after-a-labelled-list",
        "开展评估。（责任单位：省教育厅、省财政厅，自2025年起每年开展）",
        ["省教育厅", "省财政厅"],
        [],
    ),
    (
        "a-carrying-verb-after-the-last-labelled-unit",  # genre 71: the label says the role, 实施 no name's
        "加强排涝。（责任单位：市住房城乡建设局、市城市管理局实施）",
        ["市住房城乡建设局", "市城市管理局"],
        [],
    ),
    (
        "a-carrying-verb-after-a-collective-in-brackets",  # genre 71
        "除险加固。（责任单位：市水利局、各县（市、区）人民政府实施）",
        ["市水利局", "各县（市、区）人民政府"],
        [],
    ),
    (
        "verbs-of-acting-after-each-labelled-list",
        "推进改革。（牵头单位：市商务局推进；配合单位：市财政局、市税务局承担）",
        ["市商务局"],
        ["市财政局", "市税务局"],
    ),
    ("a-run-of-verbs-after-the-units", "推进改革。（责任单位：市商务局负责组织实施）", ["市商务局"], []),
    (
        "responsible-units-are-with-shi",  # genre 71: 是 for ：
        "排查隐患。（责任单位是市水利局、市应急管理局）",
        ["市水利局", "市应急管理局"],
        [],
    ),
    ("a-rhythm-after-roles", "通报进展。（省商务厅牵头，省财政厅配合，定期通报）", ["省商务厅"], ["省财政厅"]),
    ("a-role-label-opening-a-clause", "保障资金。（牵头单位：市财政局，配合单位做好资金保障）", ["市财政局"], []),
    ("fullwidth", "加强监管。（牵头单位：省市场监管局）", ["省市场监管局"], []),
    ("several-leads", "加强监管。（牵头单位：省发改委、省工信厅）", ["省发改委", "省工信厅"], []),
    ("responsible", "加强监管。（责任单位：省农业农村厅）", ["省农业农村厅"], []),
    (
        "lead-and-cooperating-semicolon",
        "加强监管。（牵头单位：省商务厅；配合单位：省财政厅、省税务局）",
        ["省商务厅"],
        ["省财政厅", "省税务局"],
    ),
    ("lead-and-cooperating-comma", "加强监管。（牵头单位：省商务厅，配合单位：省财政厅）", ["省商务厅"], ["省财政厅"]),
    ("lead-department", "加强监管。（牵头部门：市场监管局）", ["市场监管局"], []),
    ("comma-separated-leads", "加强监管。（牵头单位：省发改委，省工信厅）", ["省发改委", "省工信厅"], []),
    ("distributive-phrase", "加强监管。（责任单位：各区、县级市人民政府）", ["各区、县级市人民政府"], []),
    ("nested-parens", "加强监管。（牵头单位：省市场监管局（省知识产权局））", ["省市场监管局（省知识产权局）"], []),
    ("inline-verbs", "加强监管。（省教育厅牵头，省财政厅、省人社厅配合）", ["省教育厅"], ["省财政厅", "省人社厅"]),
    ("trailing-deng", "加强监管。（牵头单位：省发改委；配合单位：省直有关单位等）", ["省发改委"], ["省直有关单位"]),
    ("own-line", "加强监管。\n牵头单位：省住建厅", ["省住建厅"], []),
    ("spaces", "加强监管。（ 牵头单位 ： 省水利厅 ）", ["省水利厅"], []),
    ("inline-lead-only", "加强监管。（省市场监管局牵头）", ["省市场监管局"], []),
    ("inline-by-duty", "加强监管。（省市场监管局牵头，省有关单位按职责分工负责）", ["省市场监管局"], ["省有关单位"]),
    (
        "responsible-no-label",
        "加强监管。（省发展改革委、省工业和信息化厅按职责分工负责）",
        ["省发展改革委", "省工业和信息化厅"],
        [],
    ),
    (
        "two-lines",
        "加强监管。\n牵头单位：省商务厅\n配合单位：省财政厅、省税务局",
        ["省商务厅"],
        ["省财政厅", "省税务局"],
    ),
    (
        "lead-and-responsible",
        "加强监管。（牵头单位：省市场监管局；责任单位：省发展改革委、省工信厅）",
        ["省市场监管局"],
        ["省发展改革委", "省工信厅"],
    ),
    (
        "inline-nested-brackets",
        "加强监管。（省市场监管局（省知识产权局）牵头，省科技厅配合）",
        ["省市场监管局（省知识产权局）"],
        ["省科技厅"],
    ),
    ("inline-you", "加强监管。（由省市场监管局牵头，省直有关单位配合）", ["省市场监管局"], ["省直有关单位"]),
    ("inline-together-with", "加强监管。（省市场监管局会同省发展改革委负责）", ["省市场监管局"], ["省发展改革委"]),
    ("lenticular-brackets", "加强监管。【牵头单位：省市场监管局；配合单位：省科技厅】", ["省市场监管局"], ["省科技厅"]),
    (
        "label-in-lenticular-brackets",
        "加强监管。【责任单位】省市场监管局、省发展改革委",
        ["省市场监管局", "省发展改革委"],
        [],
    ),
    ("labels-without-punctuation", "加强监管。（牵头单位：省商务厅 配合单位：省财政厅）", ["省商务厅"], ["省财政厅"]),
    # labels of a department's own plan (处室) and of other offices' ledgers
    (
        "division-labels",
        "加强监管。（牵头处室：质量发展处；配合处室：标准化处、计量处）",
        ["质量发展处"],
        ["标准化处", "计量处"],
    ),
    ("responsible-division", "加强监管。（责任处室：法规处）", ["法规处"], []),
    ("undertaking-unit", "加强监管。（承办单位：市商务局、市财政局）", ["市商务局", "市财政局"], []),
    ("main-responsible", "加强监管。（主要责任单位：市发改委；参加单位：市统计局）", ["市发改委"], ["市统计局"]),
    ("implementing-unit", "加强监管。（落实单位：各县区政府）", ["各县区政府"], []),
    ("label-after-the-last-sentence", "加强监管。责任单位：省发展改革委、省财政厅", ["省发展改革委", "省财政厅"], []),
    ("labels-after-the-last-sentence", "加强监管。 牵头单位：省商务厅；配合单位：省财政厅", ["省商务厅"], ["省财政厅"]),
    (
        "lead-then-who-carries-out",
        "加强监管。（市科技局牵头，各县（市、区）人民政府落实）",
        ["市科技局"],
        ["各县（市、区）人民政府"],
    ),
    (
        "is-the-lead-are-cooperating",
        "加强监管。（市科技局为牵头单位，市经信局、市财政局为配合单位）",
        ["市科技局"],
        ["市经信局", "市财政局"],
    ),
    (
        "asides-both-ways",
        "加强监管。（责任单位：市科技局（牵头单位）、市经信局（配合单位））",
        ["市科技局"],
        ["市经信局"],
    ),
    (
        "party-and-government",
        "加强监管。（责任单位：市委宣传部，各区党委和政府）",
        ["市委宣传部", "各区党委和政府"],
        [],
    ),
    ("divisions-of-a-department", "加强监管。（处室：综合处、规划处）", ["综合处", "规划处"], []),
    ("units-alone", "加强监管。（市住建局、市自然资源和规划局）", ["市住建局", "市自然资源和规划局"], []),
    (
        "units-alone-alias-and-collective",  # genre 43
        "加强监管。（省委网信办（省互联网信息办公室）、省委宣传部、各地）",
        ["省委网信办（省互联网信息办公室）", "省委宣传部", "各地"],
        [],
    ),
    (
        "units-alone-by-shape",  # bodies the lexicon knows only by how their names end
        "加强监管。（省教育厅、某某大学、某某广播电视台、某某科技股份有限公司、省工作专班）",
        ["省教育厅", "某某大学", "某某广播电视台", "某某科技股份有限公司", "省工作专班"],
        [],
    ),
    (
        "units-alone-wrapped",  # genre 37: a copy of a PDF, hard-wrapped
        "加强监管。（县农业农村局、县卫生健康局、各乡镇\n人民政府）",
        ["县农业农村局", "县卫生健康局", "各乡镇人民政府"],
        [],
    ),
    ("a-ministrys-departments", "加强监管。（城市建设司牵头，标准定额司配合）", ["城市建设司"], ["标准定额司"]),
    ("lead-then-who-organises", "加强监管。（市科技局牵头，各区组织落实）", ["市科技局"], ["各区"]),
    ("provinces-cooperate", "加强监管。（国家医保局牵头，各省份配合）", ["国家医保局"], ["各省份"]),
    # verbs by which a unit steers the task: it leads (genre 36)
    ("overall-charge", "加强监管。【市大数据中心负总责，市委网信办协助】", ["市大数据中心"], ["市委网信办"]),
    (
        "takes-charge",
        "加强监管。（市城市管理局主抓，市公安局、市应急管理局参与）",
        ["市城市管理局"],
        ["市公安局", "市应急管理局"],
    ),
    (
        "takes-charge-digits",
        "加强监管。（市12345热线服务中心主抓，各成员单位协助）",
        ["市12345热线服务中心"],
        ["各成员单位"],
    ),
    (
        "steers-then-carries-out",
        "加强监管。【市数据局统筹，各县（市、区）人民政府具体落实】",
        ["市数据局"],
        ["各县（市、区）人民政府"],
    ),
    (
        "lead-together-then-carry-out",  # genre 44: 共同牵头 is a role, not a rule
        "加强监管。(工业和信息化部、国家能源局共同牵头,各地工业和信息化主管部门负责落实)",
        ["工业和信息化部", "国家能源局"],
        ["各地工业和信息化主管部门"],
    ),
    # made up to probe the same rules in other words
    ("overall-charge-zong", "加强监管。（市发改委总负责，各区配合）", ["市发改委"], ["各区"]),
    ("main-charge", "加强监管。（市发改委负主责，市财政局配合）", ["市发改委"], ["市财政局"]),
    ("steers-and-coordinates", "加强监管。（市发改委统筹协调，各区落实）", ["市发改委"], ["各区"]),
    ("label-is", "加强监管。（牵头单位为市商务局，配合单位为市财政局）", ["市商务局"], ["市财政局"]),
    # probe: a unit that opens with 中 after a label with no colon (it kept the label as its name)
    (
        "no-colon-then-zhong",
        "加强监管。（牵头单位 中国人民银行某市分行；配合单位 市财政局）",
        ["中国人民银行某市分行"],
        ["市财政局"],
    ),
    ("no-colon-no-space-zhong", "加强监管。（牵头单位市卫健委，配合单位中医院）", ["市卫健委"], ["中医院"]),
    # a list of units, then one of them named as the lead
    ("list-then-which-leads", "加强监管。（市商务局、市财政局，其中市商务局牵头）", ["市商务局"], ["市财政局"]),
    ("list-then-is-the-lead", "加强监管。（市商务局、市财政局；市商务局为牵头单位）", ["市商务局"], ["市财政局"]),
    # a run of verbs after the units: the role is the run's (lead over cooperating over shared)
    ("cooperate-and-carry-out", "加强监管。（市商务局牵头，市财政局配合落实）", ["市商务局"], ["市财政局"]),
    ("responsible-for-leading", "加强监管。（市商务局负责牵头，各区参与）", ["市商务局"], ["各区"]),
    ("lead-and-push", "加强监管。（市商务局牵头推进，市财政局、各区配合实施）", ["市商务局"], ["市财政局", "各区"]),
    ("steer-then-push", "加强监管。（市商务局统筹，各区推进落实）", ["市商务局"], ["各区"]),
    # labels without their colon, a unit before a label (genre 39)
    (
        "label-space-for-colon",
        "加强监管。（牵头单位 市商务局；配合单位 各区人民政府）",
        ["市商务局"],
        ["各区人民政府"],
    ),
    (
        "label-then-name",
        "加强监管。（牵头单位市商务局，配合单位市文化广电旅游局、市公安局）",
        ["市商务局"],
        ["市文化广电旅游局", "市公安局"],
    ),
    ("unit-before-a-label", "加强监管。（市市场监管局；参与部门：各区人民政府）", ["市市场监管局"], ["各区人民政府"]),
    (
        "own-lines-space-for-colon",  # genre 42
        "加强监管。\n主办单位　县教育局\n\n协办单位　县发展改革局、县住房城乡建设局\n\n完成时限　2024年9月底前",
        ["县教育局"],
        ["县发展改革局", "县住房城乡建设局"],
    ),
    # a list of responsible units that says who leads
    ("marked-lead", "加强监管。（责任单位：区科技局（牵头）、区财政局）", ["区科技局"], ["区财政局"]),
    ("marked-lead-tortoise", "加强监管。（责任单位：区财政局、区科技局〔牵头单位〕）", ["区科技局"], ["区财政局"]),
    ("verbs-in-label", "加强监管。（责任单位：区科技局牵头，区财政局配合）", ["区科技局"], ["区财政局"]),
    (
        "lead-verb-then-list",
        "加强监管。（责任单位：区科技局牵头，区财政局、区商务局）",
        ["区科技局"],
        ["区财政局", "区商务局"],
    ),
    ("is-the-lead", "加强监管。（责任单位：区科技局为牵头单位，区财政局）", ["区科技局"], ["区财政局"]),
    (
        "lead-and-divided",
        "加强监管。（责任单位：区科技局牵头，区财政局等按职责分工负责）",
        ["区科技局"],
        ["区财政局"],
    ),
    # one unit answers (负责), the others act within their duties under it, as under 牵头 (genre 58)
    (
        "responsible-then-by-duty-carry-out",  # genre 58
        "加强监管。（市住房城乡建设局负责，市发展改革委、国网某某供电公司按照职责分工抓好落实）",
        ["市住房城乡建设局"],
        ["市发展改革委", "国网某某供电公司"],
    ),
    (
        "responsible-then-by-duty-responsible",
        "加强监管。（市商务局负责，市财政局、市税务局按职责分工负责）",
        ["市商务局"],
        ["市财政局", "市税务局"],
    ),
    (
        "label-responsible-then-cooperate",
        "加强监管。（责任单位：区科技局负责，区财政局配合）",
        ["区科技局"],
        ["区财政局"],
    ),
    (
        "responsible-verb-in-label",
        "加强监管。（责任单位：省发展改革委、省财政厅负责）",
        ["省发展改革委", "省财政厅"],
        [],
    ),
    # bare 实施 after a clause that steers or answers: the units carry the task out under it (genre 63)
    (
        "guide-then-carry-out",  # genre 63
        "加强监管。（自然生态保护处指导，各设区市生态环境局实施）",
        ["自然生态保护处"],
        ["各设区市生态环境局"],
    ),
    ("responsible-then-carry-out", "加强监管。（市商务局负责，各区政府实施）", ["市商务局"], ["各区政府"]),
    # … where the verb of responsibility carries it, every unit answers
    ("guide-then-responsible-carry-out", "加强监管。（市商务局指导，各区政府负责实施）", ["市商务局", "各区政府"], []),
    # two role clauses joined by 、, not ， (genre 62)
    (
        "roles-joined-by-dunhao",  # genre 62
        "加快建设。【由省能源局牵头、国网某某省电力有限公司参与】",
        ["省能源局"],
        ["国网某某省电力有限公司"],
    ),
    (
        "run-of-verbs-joined-by-dunhao",
        "加强监管。（市商务局牵头推进、市财政局、市税务局配合）",
        ["市商务局"],
        ["市财政局", "市税务局"],
    ),
    (
        "brackets-that-are-names",
        "加强监管。（责任单位：各镇（街道）、区委组织部（人才办））",
        ["各镇（街道）", "区委组织部（人才办）"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "lead", "cooperating"),
    [pytest.param(t, lead, coop, id=i) for i, t, lead, coop in SEEN_IN_PLAN + MADE_UP],
)
def test_lead_notes(text: str, lead: list[str], cooperating: list[str]) -> None:
    note = merge_trailing(text, find_notes(text, 0, len(text)))
    assert note is not None, "no note found"
    assert (note.lead_units, note.cooperating_units) == (lead, cooperating)
    assert text[note.end :] in ("", "）", ")", "】")
    labels = lx.LEAD_LABELS + lx.SHARED_LABELS + lx.COOPERATING_LABELS
    assert text[note.start : note.end].lstrip("（(【 ").startswith((*labels, "由", lead[0]))


@pytest.mark.parametrize(
    "text",
    [
        "加强监管（含食品、药品）。",
        "开展“双随机、一公开”检查。",
        "推动（2022—2026年）计划。",
        "明确（谁主管谁负责）原则，落实责任。",
        "加强监管。责任单位要加强管理。",
        "明确牵头单位：由省政府确定",
        "推进试点（各区、各县）",
        "加强监管。（牵头部门统筹协调）",
        "做好（县农业农村局、\n\n县卫生健康局）",
    ],
    ids=[
        "parenthetical",
        "quoted",
        "years",
        "fuze-mid-sentence",
        "label-as-a-subject",
        "label-mid-sentence",
        "collectives-alone",
        "label-as-a-subject-no-colon",
        "over-a-blank-line",
    ],
)
def test_not_notes(text: str) -> None:
    assert find_notes(text, 0, len(text)) == []


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("市、县（区）政府", ["市、县（区）政府"]),
        ("各设区市、平潭综合实验区", ["各设区市", "平潭综合实验区"]),
        ("省发改委/省财政厅", ["省发改委", "省财政厅"]),
        ("各区，县级市", ["各区", "县级市"]),
    ],
)
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


def test_a_cue_outside_a_note_does_not_find_the_note_before_it() -> None:
    text = "（四十九）做好。(牵头单位:省科技厅)\n（五十）由领导小组办公室牵头统筹。（牵头单位：省市场监管局）"
    notes = find_notes(text, 0, len(text))
    assert [n.lead_units for n in notes] == [["省科技厅"], ["省市场监管局"]]


FIRST_LISTED = [
    (
        "remark-in-note",
        "加强监管。（责任单位：省市场监管局、省发展改革委、省工信厅（排在首位的为牵头单位））",
        ["省市场监管局"],
        ["省发展改革委", "省工信厅"],
    ),
    (
        "remark-in-plan",
        "（各项任务中，列第一位的为牵头单位）\n加强监管。（责任单位：省商务厅、省财政厅）",
        ["省商务厅"],
        ["省财政厅"],
    ),
    ("no-remark", "加强监管。（责任单位：省商务厅、省财政厅）", ["省商务厅", "省财政厅"], []),
    (
        "remark-in-closing-note",  # genre 38: stated once, after the last task
        "加强监管。（人事教育司、某某大学）\n说明：以上各条措施所列责任单位中，第一责任单位为牵头单位，其余为配合单位。",
        ["人事教育司"],
        ["某某大学"],
    ),
    (
        "remark-first-one",
        "各项任务所列单位中第一个为牵头单位。\n加强监管。（市商务局、市财政局）",
        ["市商务局"],
        ["市财政局"],
    ),
    (
        "remark-after-semicolon",  # genre 39: units alone, then the rule
        "加强监管。（市商务局、市自然资源和规划局；居首位的为牵头单位，其余为配合单位，下同）",
        ["市商务局"],
        ["市自然资源和规划局"],
    ),
    (
        "remark-but-labels-say-roles",  # genre 39: 承办单位 beside 协办单位 all lead
        "（列第一位的为牵头单位）\n加强监管。（承办单位：市商务局、市财政局；协办单位：市公安局）",
        ["市商务局", "市财政局"],
        ["市公安局"],
    ),
    (
        "remark-but-lead-label",
        "（排在第一位的为牵头单位）\n加强监管。（牵头单位：省商务厅、省财政厅）",
        ["省商务厅", "省财政厅"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "lead", "cooperating"), [pytest.param(t, le, co, id=i) for i, t, le, co in FIRST_LISTED]
)
def test_unit_listed_first_leads_where_the_plan_says_so(text: str, lead: list[str], cooperating: list[str]) -> None:
    note = merge_trailing(text, find_notes(text, 0, len(text)))
    assert note is not None
    assert (note.lead_units, note.cooperating_units) == (lead, cooperating)


FOLLOWING = [
    ("以下均需", "（责任单位：市科技局，各区政府。以下均需各区政府落实，不再列出）", "各区政府"),
    (
        "units with brackets",
        "（责任单位：市科技局，各区、县（市）政府。以下均需各区、县（市）政府落实，不再列出）",
        "各区、县（市）政府",
    ),
    (
        "以下各项任务均需",
        "〔责任单位：市财政局，各县（市、区）人民政府。以下各项任务均需各县（市、区）人民政府落实，不再列出〕",
        "各县（市、区）人民政府",
    ),
    ("ASCII brackets", "[责任单位：市科技局、各区政府。以下均需各区政府落实，不再列出]", "各区政府"),
    (
        "units first",  # genre 41
        "[责任单位：市民政局、市财政局；各区人民政府为各项措施的共同责任单位，以下不再列出]",
        "各区人民政府",
    ),
    ("every measure, no 以下", "（责任单位：市科技局、各区政府；各项措施均需各区政府落实，不再列出）", "各区政府"),
    ("units first, no 以下", "（责任单位：市民政局；各县（市、区）政府为各项任务责任单位）", "各县（市、区）政府"),
    (  # probe: the remark opens the note (it carried 的共同责任单位)
        "units first, opening the note",
        "（各区人民政府为各项措施的共同责任单位，以下不再列出；牵头单位：市发展改革委）",
        "各区人民政府",
    ),
]


@pytest.mark.parametrize(("note", "unit"), [c[1:] for c in FOLLOWING], ids=[c[0] for c in FOLLOWING])
def test_units_named_for_every_later_note_lead_there_too(note: str, unit: str) -> None:
    text = f"一、总则\n（一）甲。{note}\n（二）乙。（责任单位：市商务局）\n"
    notes = find_notes(text, 0, len(text))
    assert unit in notes[0].lead_units
    assert notes[1].lead_units == ["市商务局", unit]
    assert not any(word in u for n in notes for u in n.lead_units for word in ("以下", "不再", "各项"))


def test_a_note_in_ascii_square_brackets() -> None:
    text = "加强监管。[责任单位：市科技局、市发展改革委] 发文字号闽质强省办[2023]2号不是注。"
    notes = find_notes(text, 0, len(text))
    assert [(n.lead_units, text[n.start : n.end]) for n in notes] == [
        (["市科技局", "市发展改革委"], "[责任单位：市科技局、市发展改革委]")
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("各区人民政府〈含开发区、长江新区、风景区管委会,下同〉、市财政局", ["各区人民政府", "市财政局"]),
        ("各县（市、区）政府（含功能区，下同）", ["各县（市、区）政府"]),
        ("各县（包括功能区）", ["各县"]),
        ("市直各部门（下同）", ["市直各部门"]),
        # brackets that are part of the name, or name a second office, stay
        ("省市场监管局（省知识产权局）、各镇（街道）", ["省市场监管局（省知识产权局）", "各镇（街道）"]),
        ("区委组织部（人才办）", ["区委组织部（人才办）"]),
        # a bracket that says what kind of body the unit is is a remark (genre 62) …
        ("省通信管理局（中央驻闽单位）、省工信厅", ["省通信管理局", "省工信厅"]),
        ("某某供电公司（省属企业）、市商务局（中央在京单位）", ["某某供电公司", "市商务局"]),
        # … not one that says its role, or the bodies it stands for
        ("市经信局（配合单位）", ["市经信局（配合单位）"]),
        ("市领导小组（各成员单位）", ["市领导小组（各成员单位）"]),
    ],
)
def test_a_remark_on_a_units_scope_is_not_its_name(text: str, units: list[str]) -> None:
    assert clean_units(text) == units


@pytest.mark.parametrize(
    "text",
    [
        "推进覆盖。（省通信管理局（中央驻闽单位）、省工信厅）",
        "一、任务\n1．【省通信管理局（中央驻闽单位）、省工信厅】推进覆盖。",
    ],
    ids=["at-the-end", "before-the-text"],
)
def test_a_remark_on_the_kind_of_body_is_not_its_name_in_a_note_of_units_alone(text: str) -> None:
    note = merge_trailing(text, find_notes(text, 0, len(text)))
    assert note is not None
    assert note.lead_units == ["省通信管理局", "省工信厅"]


@pytest.mark.parametrize(
    ("text", "remark"),
    [
        ("开展评估。（省发展改革委、省财政厅负责，2024年起每年开展）", "2024年起每年开展"),
        ("推进试点。（省商务厅负责，按季度推进）", "按季度推进"),
        ("开展评估。（责任单位：省教育厅、省财政厅，自2025年起每年开展）", "自2025年起每年开展"),
    ],
    ids=["start-time", "rhythm", "start-time-labelled"],
)
def test_a_remark_on_when_a_task_starts_or_comes_back_is_a_field_of_the_note(text: str, remark: str) -> None:
    """A clause after the units that says from when or how often (2024年起…, 按季度…) is no unit's
    name: the note keeps it as an unlabelled field, which sets no deadline."""
    from zhiliang_cli.parse.pipeline import parse_text

    note = merge_trailing(text, find_notes(text, 0, len(text)))
    assert note is not None
    assert [(f.label, text[f.start : f.end]) for f in note.fields] == [("", remark)]
    item = parse_text(f"一、总则\n（一）{text}\n")["sections"][0]["items"][0]
    assert item["deadline"] is None


# (id, a note that marks its lead unit, lead, cooperating): the marked units lead, as in a task
# table's units cell (省市场监管局*), whatever the plan's rule; the marks are no part of the names
MARKED_LEAD = [
    ("after-in-a-labelled-list", "（责任单位：省发展改革委、省市场监管局★）", ["省市场监管局"], ["省发展改革委"]),
    ("after-before-the-verb", "（省市场监管局※、省发展改革委负责）", ["省市场监管局"], ["省发展改革委"]),
    ("after-on-its-own-line", "\n责任单位：省发展改革委、省市场监管局＊", ["省市场监管局"], ["省发展改革委"]),
    ("after-in-lenticular-label", "【责任单位】省发展改革委、省市场监管局☆", ["省市场监管局"], ["省发展改革委"]),
    (
        "after-an-alias",
        "（省市场监管局（省知识产权局）★、省财政厅负责）",
        ["省市场监管局（省知识产权局）"],
        ["省财政厅"],
    ),
    ("after-in-names-alone", "（省发展改革委、省市场监管局★）", ["省市场监管局"], ["省发展改革委"]),
    ("two-after-in-names-alone", "（省发展改革委*、省财政厅、省商务厅*）", ["省发展改革委", "省商务厅"], ["省财政厅"]),
    ("before-in-names-alone", "（*省市场监管局、省发展改革委）", ["省市场监管局"], ["省发展改革委"]),
    ("before-in-a-labelled-list", "（责任单位：*省市场监管局、省发展改革委）", ["省市场监管局"], ["省发展改革委"]),
]


@pytest.mark.parametrize(("note", "lead", "cooperating"), [c[1:] for c in MARKED_LEAD], ids=[c[0] for c in MARKED_LEAD])
def test_a_mark_before_or_after_a_name_makes_it_lead(note: str, lead: list[str], cooperating: list[str]) -> None:
    text = f"加强监管。{note}"
    found = merge_trailing(text, find_notes(text, 0, len(text)))
    assert found is not None
    assert (found.lead_units, found.cooperating_units, found.shared) == (lead, cooperating, False)


def test_a_note_block_of_own_lines_keeps_its_deadline_field() -> None:
    """任务分工方案 set a task's units and time limit on lines of their own, under it."""
    from zhiliang_cli.parse.pipeline import parse_text

    text = (
        "一、主要任务\n1. 建设助餐点。每年新增助餐点300个以上。\n责任单位：市民政局、市财政局\n完成时限：2025年底前\n"
        "2. 培训护理员。\n牵头单位：市人社局\n配合单位：市民政局\n完成时间：持续推进\n"
    )
    plan = parse_text(text)
    first, second = plan["sections"][0]["items"]
    assert (first["lead_units"], first["deadline"] and first["deadline"]["date"]) == (
        ["市民政局", "市财政局"],
        "2025-12-31",
    )
    assert [t["by"] and t["by"]["date"] for t in first["targets"]] == ["2025-12-31"]
    assert (second["lead_units"], second["cooperating_units"]) == (["市人社局"], ["市民政局"])
    assert second["deadline"] is not None and second["deadline"]["text"] == "持续推进"
    assert [len(i["notes"]) for i in (first, second)] == [1, 1]
    assert not plan["problems"]


def test_own_lines_without_colons_keep_their_deadline_field() -> None:
    text = "加强监管。\n主办单位　县教育局\n\n协办单位　县财政局\n\n完成时限　2024年9月底前\n"
    note = merge_trailing(text, find_notes(text, 0, len(text)))
    assert note is not None
    assert [(f.label, text[f.start : f.end]) for f in note.fields] == [("完成时限", "2024年9月底前")]


def test_a_field_line_above_the_units_is_in_the_block() -> None:
    """genre 42: 责任领导 names a person above 主办单位/协办单位: a field of the note, no unit."""
    text = "加强监管。\n责任领导：王某某\n\n主办单位：县发展改革局\n\n协办单位：县财政局\n\n完成时限：2024年12月底前\n"
    note = merge_trailing(text, find_notes(text, 0, len(text)))
    assert note is not None
    assert (note.lead_units, note.cooperating_units) == (["县发展改革局"], ["县财政局"])
    assert [(f.label, text[f.start : f.end]) for f in note.fields] == [
        ("责任领导", "王某某"),
        ("完成时限", "2024年12月底前"),
    ]


def test_units_a_note_names_as_cooperating_for_every_task_cooperate_there_too() -> None:
    text = (
        "一、总则\n（一）甲。（责任单位：市科技局；各区政府为各项任务的配合单位，以下不再列出）\n"
        "（二）乙。（责任单位：市商务局）\n"
    )
    notes = find_notes(text, 0, len(text))
    assert [(n.lead_units, n.cooperating_units) for n in notes] == [
        (["市科技局"], ["各区政府"]),
        (["市商务局"], ["各区政府"]),
    ]


def test_a_run_of_field_lines_is_read_in_linear_time() -> None:
    # probe: the field lines a block may hold above its units were tried from each line of a run of
    # them, to its end (3,000 lines of 完成时限：… took 5 s; now a few hundredths)
    text = "某市工作方案\n一、重点任务\n（一）甲。\n" + "完成时限：2025年底\n" * 3000
    started = time.monotonic()
    parse_plan(text)
    assert time.monotonic() - started < 2


# (id, a note with short role labels, lead, cooperating, its fields): a role word alone before a colon
# (牵头：, 参与：, 配合：, 协助：, 协办：, 负责：) is a label, as 牵头单位：/参与单位： are (genre 57)
SHORT_LABELS = [
    (
        "lead-take-part-time",  # genre 57
        "（牵头：省商务厅；参与：省财政厅、省税务局；时限：2025年12月底前）",
        ["省商务厅"],
        ["省财政厅", "省税务局"],
        [("时限", "2025年12月底前")],
    ),
    ("lead-cooperate", "（牵头：省商务厅；配合：省财政厅）", ["省商务厅"], ["省财政厅"], []),
    ("lead-assist", "（牵头：省商务厅、省财政厅；协助：各市人民政府）", ["省商务厅", "省财政厅"], ["各市人民政府"], []),
    ("responsible-co-organise", "（负责：省商务厅；协办：省财政厅）", ["省商务厅"], ["省财政厅"], []),
    ("comma-between", "（牵头：省商务厅，参与：省财政厅）", ["省商务厅"], ["省财政厅"], []),
    (
        "own-lines",
        "\n牵头：省商务厅\n参与：省财政厅\n时限：2025年底前",
        ["省商务厅"],
        ["省财政厅"],
        [("时限", "2025年底前")],
    ),
]


@pytest.mark.parametrize(
    ("note", "lead", "cooperating", "fields"), [c[1:] for c in SHORT_LABELS], ids=[c[0] for c in SHORT_LABELS]
)
def test_a_role_word_alone_before_a_colon_is_a_label(
    note: str, lead: list[str], cooperating: list[str], fields: list[tuple[str, str]]
) -> None:
    text = f"加强监管。{note}"
    found = merge_trailing(text, find_notes(text, 0, len(text)))
    assert found is not None
    assert (found.lead_units, found.cooperating_units) == (lead, cooperating)
    assert [(f.label, text[f.start : f.end]) for f in found.fields] == fields


# (id, plan text, lead, cooperating, the note's fields): a note's first clause with no label, before a
# time (labelled or not), holds its units, read by the plan's rule as units alone in brackets are (genre 57)
UNITS_THEN_TIME = [
    ("label-time", "加强监管。（公路局、财务审计司；时限：长期）", ["公路局", "财务审计司"], [], [("时限", "长期")]),
    (
        "label-finish-by",
        "加强监管。（市商务局、市财政局；完成时限：2025年底前）",
        ["市商务局", "市财政局"],
        [],
        [("完成时限", "2025年底前")],
    ),
    (
        "time-alone",
        "加强监管。（市商务局、市财政局；2025年底前完成）",
        ["市商务局", "市财政局"],
        [],
        [("", "2025年底前")],
    ),
    ("one-unit-comma", "加强监管。（运输服务司，时限：2025年10月）", ["运输服务司"], [], [("时限", "2025年10月")]),
    (
        "time-in-brackets-of-its-own",  # a time in brackets after the last unit is no other name of it
        "加强监管。（市商务局、市财政局（2025年底前））",
        ["市商务局", "市财政局"],
        [],
        [("", "2025年底前")],
    ),
    (
        "first-listed-rule",
        "（列第一位者为牵头单位）\n加强监管。（市商务局、市财政局；完成时限：2025年底前）",
        ["市商务局"],
        ["市财政局"],
        [("完成时限", "2025年底前")],
    ),
    (
        "first-listed-rule-responsible-verb",  # a verb found the note: its units were read as leads all
        "（列第一位者为牵头单位）\n加强监管。（市商务局、市财政局负责；完成时限：2025年底前）",
        ["市商务局"],
        ["市财政局"],
        [("完成时限", "2025年底前")],
    ),
]


@pytest.mark.parametrize(
    ("text", "lead", "cooperating", "fields"), [c[1:] for c in UNITS_THEN_TIME], ids=[c[0] for c in UNITS_THEN_TIME]
)
def test_units_before_a_time_field_are_the_notes_units(
    text: str, lead: list[str], cooperating: list[str], fields: list[tuple[str, str]]
) -> None:
    found = merge_trailing(text, find_notes(text, 0, len(text)))
    assert found is not None
    assert (found.lead_units, found.cooperating_units) == (lead, cooperating)
    assert [(f.label, text[f.start : f.end]) for f in found.fields] == fields


@pytest.mark.parametrize("text", ["推进试点（含食品、药品，2025年底前）", "加强监管。（2025年底前完成）"])
def test_a_time_after_things_that_are_not_units_is_no_note(text: str) -> None:
    assert find_notes(text, 0, len(text)) == []


def test_units_before_a_time_field_give_the_item_its_deadline() -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    item = parse_text("一、总则\n（一）加强监管，新增网点20个。（市商务局、市财政局；完成时限：2025年6月底前）\n")[
        "sections"
    ][0]["items"][0]
    assert item["lead_units"] == ["市商务局", "市财政局"]
    assert item["deadline"] is not None and item["deadline"]["date"] == "2025-06-30"


def test_a_supervisors_line_in_a_block_of_note_lines_is_a_field() -> None:
    """genre 59: 督办单位 names who supervises the task, between 责任单位 and 完成时限: the block goes on
    past it, so 完成时限 is the note's field (the targets are set for it) and the plan is not cut off."""
    from zhiliang_cli.parse.pipeline import parse_text

    text = (
        "一、民生实事\n1.稳定就业。全年城镇新增就业45万人。\n责任单位：省人社厅、省财政厅\n督办单位：省政府督查室\n"
        "完成时限：2025年12月31日前\n\n2.改造小区。改造城镇老旧小区1500个。\n责任单位：省住建厅\n"
        "督导部门：省政府办公厅\n完成时限：2025年11月30日前\n"
    )
    plan = parse_text(text)
    items = plan["sections"][0]["items"]
    assert [(i["lead_units"], i["cooperating_units"]) for i in items] == [
        (["省人社厅", "省财政厅"], []),
        (["省住建厅"], []),
    ]
    assert [[f["label"] for f in i["notes"][0]["fields"]] for i in items] == [
        ["督办单位", "完成时限"],
        ["督导部门", "完成时限"],
    ]
    assert [t["by"] and t["by"]["date"] for i in items for t in i["targets"]] == ["2025-12-31", "2025-11-30"]
    assert plan["problems"] == []


def test_a_line_whose_label_ends_in_a_kind_of_body_or_time_stays_in_the_block() -> None:
    """A label no list names, ending as a body's kind or a time does (联系部门, 办结时间), is a field of
    the block it stands in, never a unit, and the lines after it stay in the block."""
    text = "加强监管。\n责任单位：市商务局、市财政局\n联系部门：市政府办公室\n完成时限：2025年底前\n"
    note = merge_trailing(text, find_notes(text, 0, len(text)))
    assert note is not None
    assert (note.lead_units, note.cooperating_units) == (["市商务局", "市财政局"], [])
    assert [(f.label, text[f.start : f.end]) for f in note.fields] == [
        ("联系部门", "市政府办公室"),
        ("完成时限", "2025年底前"),
    ]


@pytest.mark.parametrize(
    ("last_line", "cut"),
    [("备注：每年更新一次", False), ("督办单位：市政府督查室", False), ("推动服务向基层延伸，", True)],
    ids=["remark-field", "supervisor-field", "mid-sentence"],
)
def test_a_copy_that_ends_on_a_field_line_is_not_cut_off(last_line: str, cut: bool) -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    text = (
        f"某市工作方案\n一、任务\n（一）加强监管。（牵头单位：市商务局）\n（二）做好服务，新增网点20个。\n{last_line}\n"
    )
    kinds = [p["kind"] for p in parse_text(text)["problems"]]
    assert ("truncated" in kinds) is cut


# (id, plan text, lead, cooperating): a service line's number inside a name (区12345热线中心) is part of the
# name, in a bracket of names alone too (genre 60); a quantity or a time is not, and makes no note
NUMBERS_IN_NAMES = [
    (
        "hotline-among-units",  # genre 60
        "加强监管。（区政务服务中心、区数据局、区12345热线中心）",
        ["区政务服务中心", "区数据局", "区12345热线中心"],
        [],
    ),
    ("hotline-alone", "加强监管。（市12345热线服务中心）", ["市12345热线服务中心"], []),
    ("complaints-centre", "加强监管。（市市场监管局、12315指挥中心）", ["市市场监管局", "12315指挥中心"], []),
    (
        "first-listed-rule",
        "（排第一位为牵头单位，下同）\n加强监管。（市110指挥中心、市公安局）",
        ["市110指挥中心"],
        ["市公安局"],
    ),
]


@pytest.mark.parametrize(
    ("text", "lead", "cooperating"), [c[1:] for c in NUMBERS_IN_NAMES], ids=[c[0] for c in NUMBERS_IN_NAMES]
)
def test_a_service_lines_number_is_part_of_a_units_name(text: str, lead: list[str], cooperating: list[str]) -> None:
    found = merge_trailing(text, find_notes(text, 0, len(text)))
    assert found is not None
    assert (found.lead_units, found.cooperating_units) == (lead, cooperating)


@pytest.mark.parametrize("text", ["建设基站。（5G基站）", "组建专班。（3个工作组）", "评选表彰。（2025年度先进单位）"])
def test_a_quantity_a_time_or_a_code_in_brackets_is_no_unit(text: str) -> None:
    assert find_notes(text, 0, len(text)) == []


# (id, plan text, lead and cooperating units of each item): a note of units alone may stand right after
# an item's marker, before the task's text, in 【】 or （） (genres 62, 64): it is the item's note, read by
# the plan's rule as a note at the item's end is
LEADING_UNITS = [
    (
        "lenticular-first-listed",  # genre 62
        "各项任务的责任单位括注于任务之前，列在首位的为牵头单位。\n一、任务\n"
        "1．【省发改委、省工信厅】推进项目建设。\n2．【省数据局】建设平台。\n",
        [(["省发改委"], ["省工信厅"]), (["省数据局"], [])],
    ),
    (
        "round-no-rule",  # genre 64
        "一、任务\n（一）（县住建局、县市场监管局）加快建筑业转型升级。\n（二）（各乡（镇）人民政府）整治环境。\n",
        [(["县住建局", "县市场监管局"], []), (["各乡（镇）人民政府"], [])],
    ),
    (
        "units-then-time",
        "一、任务\n1．（市商务局、市财政局；2025年底前完成）新增网点。\n",
        [(["市商务局", "市财政局"], [])],
    ),
    # a bracket before the text that is no note stays text
    ("a-scope", "一、任务\n1．（含食品、药品）加强监管。\n", [([], [])]),
    ("a-year", "一、任务\n1．（2025年）开展试点。\n", [([], [])]),
    ("a-level", "一、任务\n1．【省级】示范区建设。\n", [([], [])]),
    # a tag of the title that ends as a body's name, in an item that names its units at its end
    ("a-tag-then-a-note", "一、任务\n1．【数字政府】建设平台。（牵头单位：省数据局）\n", [(["省数据局"], [])]),
]


@pytest.mark.parametrize(("text", "units"), [c[1:] for c in LEADING_UNITS], ids=[c[0] for c in LEADING_UNITS])
def test_units_alone_before_an_items_text_are_its_note(text: str, units: list[tuple[list[str], list[str]]]) -> None:
    from zhiliang_cli.parse.pipeline import parse_text

    items = [item for section in parse_text(text)["sections"] for item in section["items"]]
    assert [(i["lead_units"], i["cooperating_units"]) for i in items] == units


# (id, plan text, lead, cooperating, the note's fields): a label that ends as a person's does (分管领导,
# 分管厅领导, 联系县领导, 责任人) names persons: a field wherever it stands in a note, never a unit (genres 63, 64)
PERSON_FIELDS = [
    (
        "leader-after-a-comma",
        "做好。（责任处室：水生态环境处，分管厅领导：李某某、王某某）",
        ["水生态环境处"],
        [],
        [("分管厅领导", "李某某、王某某")],
    ),
    (
        "leader-after-roles",
        "做好。（县发展改革局牵头，联系县领导：赵某某）",
        ["县发展改革局"],
        [],
        [("联系县领导", "赵某某")],
    ),
    (
        "leader-first",
        "做好。（分管厅领导：李某某；责任处室：水生态环境处）",
        ["水生态环境处"],
        [],
        [("分管厅领导", "李某某")],
    ),
    (
        "person-after-a-comma",
        "做好。（县住建局牵头，县财政局配合，责任人：赵某某）",
        ["县住建局"],
        ["县财政局"],
        [("责任人", "赵某某")],
    ),
    # units alone, then ； and labelled fields that are no time: the units are the note's (genre 63)
    (
        "units-then-leader",
        "做好。（环境影响评价与排放管理处；分管领导：张某某）",
        ["环境影响评价与排放管理处"],
        [],
        [("分管领导", "张某某")],
    ),
    (
        "units-then-leader-then-time",
        "做好。（县住建局、县城管局；联系县领导：赵某某；完成时限：2025年底前）",
        ["县住建局", "县城管局"],
        [],
        [("联系县领导", "赵某某"), ("完成时限", "2025年底前")],
    ),
    (
        "units-then-leader-first-listed-rule",
        "（列第一位者为牵头单位）\n做好。（县住建局、县城管局；分管领导：赵某某）",
        ["县住建局"],
        ["县城管局"],
        [("分管领导", "赵某某")],
    ),
]
NOT_UNITS_THEN_FIELDS = ["做好。（含食品、药品；备注：每年更新）", "做好。（详见附件；分管领导：张某某）"]


@pytest.mark.parametrize("text", NOT_UNITS_THEN_FIELDS)
def test_a_field_after_things_that_are_not_units_is_no_note(text: str) -> None:
    assert find_notes(text, 0, len(text)) == []


@pytest.mark.parametrize(
    ("text", "lead", "cooperating", "fields"), [c[1:] for c in PERSON_FIELDS], ids=[c[0] for c in PERSON_FIELDS]
)
def test_a_person_named_in_a_note_is_a_field_never_a_unit(
    text: str, lead: list[str], cooperating: list[str], fields: list[tuple[str, str]]
) -> None:
    found = merge_trailing(text, find_notes(text, 0, len(text)))
    assert found is not None
    assert (found.lead_units, found.cooperating_units) == (lead, cooperating)
    assert [(f.label, text[f.start : f.end]) for f in found.fields] == fields


# (id, plan text, lead, cooperating, the note's fields): a note set off by an em dash, no brackets, after
# the task's last sentence or on a line of its own under it (genre 68)
DASH_NOTES = [
    ("dash-units-alone", "加强监管。——市委政法委、市司法局、市信访局", ["市委政法委", "市司法局", "市信访局"], [], []),
    (
        "dash-units-alone-first-listed-rule",  # genre 68: the rule stated in the notice
        "所列责任单位，排在第一位的为牵头单位。\n加强监管。——市委政法委、市司法局、市信访局",
        ["市委政法委"],
        ["市司法局", "市信访局"],
        [],
    ),
    (
        "dash-roles",  # genre 68
        "推进法治化。——市信访局牵头，市委政法委、市中级人民法院、市公安局配合",
        ["市信访局"],
        ["市委政法委", "市中级人民法院", "市公安局"],
        [],
    ),
    (
        "dash-roles-then-time",  # genre 68: the time clause is the note's deadline
        "强化监管。——市应急管理局牵头，市安委会各成员单位配合，11月底前完成",
        ["市应急管理局"],
        ["市安委会各成员单位"],
        [("", "11月底前")],
    ),
    ("dash-vague-tail", "防范风险。——市委金融办、市公安局等", ["市委金融办", "市公安局"], [], []),  # genre 68
    ("dash-own-line", "加强监管。\n——市公安局、市数据局", ["市公安局", "市数据局"], [], []),  # genre 68
    ("dash-spaces-and-full-stop", "加强监管。 —— 市公安局、市数据局。", ["市公安局", "市数据局"], [], []),
    (
        "dash-units-then-time-field",
        "加强监管。——市商务局、市财政局；完成时限：2025年底前",
        ["市商务局", "市财政局"],
        [],
        [("完成时限", "2025年底前")],
    ),
    ("dash-labelled", "加强监管。——牵头单位：市商务局；配合单位：市财政局", ["市商务局"], ["市财政局"], []),
    (
        "dash-units-then-a-time-in-brackets",  # genre 72: the bracket is when, the note's time field
        "实施建设。——县农业农村局、县财政局（2026年4月底前）",
        ["县农业农村局", "县财政局"],
        [],
        [("", "2026年4月底前")],
    ),
    (
        "dash-units-then-a-standing-word-in-brackets",  # genre 72: no other name of 县财政局
        "加强管护。——县水利局、县财政局（长期坚持）",
        ["县水利局", "县财政局"],
        [],
        [("", "长期坚持")],
    ),
    (
        "dash-units-then-a-span-of-years-in-brackets",  # genre 72
        "推进建设。——县水利局、各乡镇人民政府（2025—2026年）",
        ["县水利局", "各乡镇人民政府"],
        [],
        [("", "2025—2026年")],
    ),
    (
        "dash-unit-then-a-labelled-time-in-brackets",
        "加强监管。——市商务局（完成时限：2025年底前）",
        ["市商务局"],
        [],
        [("完成时限", "2025年底前")],
    ),
    (
        "dash-a-second-name-in-brackets-stays",  # the unit's other name, not a time
        "加强监管。——省市场监管局（省知识产权局）、省商务厅",
        ["省市场监管局（省知识产权局）", "省商务厅"],
        [],
        [],
    ),
]
NOT_DASH_NOTES = [
    "加强监管——这是重中之重。",  # a dash inside a sentence
    "加强监管。——这是重中之重",  # what follows the dash is a sentence
    "——坚持创新驱动。加强先进技术应用。",  # a line of goals opened by a dash
    "——创新能力显著增强",
    "开展“——”活动",  # a dash in quotes
    "加强监管。——“市场主导，政府引导”",  # a quoted slogan
    "加强监管。——党委领导，政府负责，社会协同，公众参与",  # a slogan of roles: no office named
    "提升能力——市场监管局负责",  # no sentence ends before the dash
    "加强监管。——市商务局、市财政局。做好工作。",  # more sentences after the units
    "加强监管。———市商务局",  # a run of three: a rule, not the note's dash
]


@pytest.mark.parametrize(
    ("text", "lead", "cooperating", "fields"), [c[1:] for c in DASH_NOTES], ids=[c[0] for c in DASH_NOTES]
)
def test_a_note_after_an_em_dash_names_the_units(
    text: str, lead: list[str], cooperating: list[str], fields: list[tuple[str, str]]
) -> None:
    found = merge_trailing(text, find_notes(text, 0, len(text)))
    assert found is not None
    assert (found.lead_units, found.cooperating_units) == (lead, cooperating)
    assert [(f.label, text[f.start : f.end]) for f in found.fields] == fields
    assert text[found.start :].startswith(lx.NOTE_DASH) and text[found.end :] == ""


@pytest.mark.parametrize("text", NOT_DASH_NOTES)
def test_a_dash_before_anything_but_a_note_is_text(text: str) -> None:
    assert find_notes(text, 0, len(text)) == []


def test_a_dash_notes_time_is_the_items_deadline_and_its_targets() -> None:
    """genre 68 item 7: ——A牵头，B配合，11月底前完成 — the time is the deadline, and binds the item's target."""
    from zhiliang_cli.parse.pipeline import parse_text

    plan = parse_text(
        "2025年工作要点\n一、安全\n（一）强化监管。死亡率下降8%。——市应急管理局牵头，市安委会各成员单位配合，11月底前完成\n"
    )
    item = plan["sections"][0]["items"][0]
    assert (item["lead_units"], item["cooperating_units"]) == (["市应急管理局"], ["市安委会各成员单位"])
    assert item["deadline"] is not None and item["deadline"]["date"] == "2025-11-30"
    assert [t["by"]["date"] for t in item["targets"] if t["by"] is not None] == ["2025-11-30"]


def test_a_time_in_brackets_after_a_dash_notes_units_is_the_items_deadline() -> None:
    """genre 72 item 1: ——A、B（2026年4月底前） — the units read, the bracket the note's time field and
    the item's deadline."""
    from zhiliang_cli.parse.pipeline import parse_text

    text = "2025年工作要点\n一、安全\n（一）强化监管。死亡率下降8%。——市应急管理局、市公安局（2025年11月底前）\n"
    plan = parse_text(text)
    item = plan["sections"][0]["items"][0]
    assert (item["lead_units"], item["cooperating_units"]) == (["市应急管理局", "市公安局"], [])
    assert [f["text"] for n in item["notes"] for f in n["fields"]] == ["2025年11月底前"]
    assert item["deadline"] is not None and item["deadline"]["date"] == "2025-11-30"


# (id, plan text, lead, cooperating): units after an item's task on its line, set off by a run of spaces
# alone (genre 75's list of projects, one to a line)
SPACED_NOTES = [
    (
        "spaced-full-width-first-listed-rule",  # genre 75: the section states the rule
        "各项工程后列明的单位中，第一个为牵头单位，其余为配合单位。\n"
        "（6）改造供热管网120公里。　　市城市管理局　市住房城乡建设局　某某热力有限公司",
        ["市城市管理局"],
        ["市住房城乡建设局", "某某热力有限公司"],
    ),
    (
        "spaced-collective-after-a-time",  # genre 75
        "（7）完成园区改造，2025年6月底前完成。　　市发展改革委　各县（市、区）人民政府",
        ["市发展改革委", "各县（市、区）人民政府"],
        [],
    ),
    ("spaced-ascii-run-and-dunhao", "3．建设数据中心。    市数据局、市发展改革委  ", ["市数据局", "市发展改革委"], []),
]
NOT_SPACED_NOTES = [
    "（1）改造管网。　　详见附件",  # not a unit's name
    "（1）改造管网。　　市城市管理局　2024年底前",  # a part that is no name
    "（1）改造管网。　　市城市管理局负责",  # a verb: not units alone
    "改造管网，提升能力。　　　　市城市管理局",  # the line opens with no heading: a table's cell wrapped
    "（1）改造管网。　市城市管理局",  # one space, no run
    "（1）改造管网　　市城市管理局",  # no sentence ends before the run
    "（1）改造管网。　　市城市管理局。做好工作。",  # more sentences after the names
]


@pytest.mark.parametrize(
    ("text", "lead", "cooperating"), [c[1:] for c in SPACED_NOTES], ids=[c[0] for c in SPACED_NOTES]
)
def test_units_after_a_run_of_spaces_ending_an_items_line_are_its_note(
    text: str, lead: list[str], cooperating: list[str]
) -> None:
    found = merge_trailing(text, find_notes(text, 0, len(text)))
    assert found is not None
    assert (found.lead_units, found.cooperating_units) == (lead, cooperating)
    assert text[found.start :].startswith(lead[0]) and not text[found.end :].strip(lx.SPACE_CHARS)


@pytest.mark.parametrize("text", NOT_SPACED_NOTES)
def test_text_after_spaces_that_is_not_units_alone_on_an_items_line_is_no_note(text: str) -> None:
    assert find_notes(text, 0, len(text)) == []


# (id, plan text, lead, cooperating): a labelled sentence with 为 that ends the task's paragraph (genre 68)
SENTENCE_NOTES = [
    (
        "responsible-units-are",  # genre 68
        "深化网格化治理。责任单位为市委社会工作部、市委组织部、市民政局、各县（市、区）党委和政府。",
        ["市委社会工作部", "市委组织部", "市民政局", "各县（市、区）党委和政府"],
        [],
    ),
    (
        "responsible-units-are-first-listed-rule",  # genre 68: the rule stated in the notice
        "所列责任单位，排在第一位的为牵头单位。\n深化网格化治理。责任单位为市委社会工作部、市民政局。",
        ["市委社会工作部"],
        ["市民政局"],
    ),
    ("lead-is-cooperating-is", "加强监管。牵头单位为市商务局，配合单位为市财政局。", ["市商务局"], ["市财政局"]),
    ("own-line", "加强监管。\n牵头部门为市商务局、市财政局", ["市商务局", "市财政局"], []),
    ("spaces-after", "加强监管。 责任单位为市商务局。　", ["市商务局"], []),
]
NOT_SENTENCE_NOTES = [
    "加强监管。由市商务局牵头，市财政局配合。",  # running text, no label: the task's text (conventions)
    "加强监管。责任单位为市商务局。要加强协调。",  # not the paragraph's last sentence
    "加强监管。责任单位为市商务局，要加强协调。",  # more than units in the sentence
    "明确责任单位为市商务局。",  # the label inside a sentence
    "加强监管。牵头单位为本项目的承担企业。",  # no office named
    "加强监管。牵头单位为第一责任人，要亲自部署。",
]


@pytest.mark.parametrize(
    ("text", "lead", "cooperating"), [c[1:] for c in SENTENCE_NOTES], ids=[c[0] for c in SENTENCE_NOTES]
)
def test_a_labelled_sentence_ending_the_paragraph_is_a_note(text: str, lead: list[str], cooperating: list[str]) -> None:
    found = merge_trailing(text, find_notes(text, 0, len(text)))
    assert found is not None
    assert (found.lead_units, found.cooperating_units) == (lead, cooperating)
    assert text[found.start :].startswith(lx.LEAD_LABELS + lx.SHARED_LABELS)
    assert not text[found.end :].strip(lx.SPACE_CHARS)


@pytest.mark.parametrize("text", NOT_SENTENCE_NOTES)
def test_a_labelled_sentence_that_does_not_end_the_paragraph_or_is_unlabelled_is_text(text: str) -> None:
    assert find_notes(text, 0, len(text)) == []


# --- tasks assigned by number in a section of their own or a closing paragraph (genre 69) ---
_TASKS = (
    "某县2025年攻坚行动实施方案\n一、重点任务\n"
    "（一）建设甲项目。6月底前完成用地报批。\n（二）完善乙设施。年底前完成。\n（三）改造丙小区。\n（四）提升丁环境。新建口袋公园。\n"
)
ASSIGNED_BY_NUMBER = [
    # seen in a plan (genre 69): one numbered line per group of tasks; a range; 分别 hands the leads out
    (
        "renwu-fengong-entries-range-respectively",
        _TASKS + "二、任务分工\n1．第（一）项任务由县发改局牵头，县财政局配合。\n"
        "2．第（二）项任务由县住建局牵头，县水利局配合，11月底前完成。\n"
        "3．第（三）至（四）项任务分别由县住建局、县城管局牵头，县直各相关单位配合。\n",
        [
            (["县发改局"], ["县财政局"], "6月底前"),
            (["县住建局"], ["县水利局"], "11月底前"),  # the assignment's time wins over the text's 年底前
            (["县住建局"], ["县直各相关单位"], None),
            (["县城管局"], ["县直各相关单位"], None),
        ],
    ),
    # made up: tasks listed one after another, all leading; the plan's rule applied as to any note
    (
        "listed-tasks-first-listed-leads",
        "（排在第一位的为牵头单位）\n" + _TASKS + "二、责任分工\n1．第（一）（二）项任务由县发改局、县财政局负责。\n"
        "2．第（三）、（四）项任务由县住建局按职责分工负责。\n",
        [
            (["县发改局"], ["县财政局"], "6月底前"),
            (["县发改局"], ["县财政局"], "年底前"),
            (["县住建局"], [], None),
            (["县住建局"], [], None),
        ],
    ),
    # made up: one sentence of a closing paragraph after the last task
    (
        "a-sentence-of-the-closing-paragraph",
        _TASKS + "各地区、各部门要认真抓好落实。"
        "第（一）至（三）项由县发改局负责，第（四）项由县城管局牵头、县财政局配合。\n",
        [
            (["县发改局"], [], "6月底前"),
            (["县发改局"], [], "年底前"),
            (["县发改局"], [], None),
            (["县城管局"], ["县财政局"], None),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ASSIGNED_BY_NUMBER], ids=[c[0] for c in ASSIGNED_BY_NUMBER]
)
def test_tasks_assigned_by_number_take_the_assignment_as_their_note(
    text: str, expected: list[tuple[list[str], list[str], str | None]]
) -> None:
    plan = parse_plan(text)
    items = [i for s in plan.sections for i in s.items]
    assert [(i.lead_units, i.cooperating_units, i.deadline and i.deadline.text) for i in items] == expected
    for item in items:  # the assignment's span is each task's lead span, and a note of the task
        assert item.lead_span is not None
        assert any(list(n.span) == list(item.lead_span) for n in item.notes)
        assert text[slice(*item.lead_span)].lstrip("123．").startswith("第")


def test_an_assignment_section_keeps_its_entries_as_its_own_text() -> None:
    text = ASSIGNED_BY_NUMBER[0][1]
    plan = parse_plan(text)
    assert [(s.title, len(s.items)) for s in plan.sections] == [("重点任务", 4), ("任务分工", 0)]
    assert plan.sections[1].text.startswith("1．第（一）项任务由")
    assert plan.problems == []


def test_a_number_printed_with_several_tasks_names_none() -> None:
    text = (
        "某县方案\n一、甲方面\n（一）做好甲。\n（二）做好乙。\n二、乙方面\n（一）做好丙。\n（二）做好丁。\n"
        "三、任务分工\n1．第（一）项任务由县发改局牵头。\n2．第（二）项任务由县财政局牵头。\n"
    )
    plan = parse_plan(text)
    assert [i.lead_units for s in plan.sections for i in s.items] == [[], [], [], []]
    assert [len(s.items) for s in plan.sections] == [2, 2, 0]
