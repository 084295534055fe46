"""Data tables only: the words and marks of the genre, with no logic.

Every table here is plain data that :mod:`zhiliang_cli.parse.patterns` assembles into
compiled patterns.  A new cue word, unit or noise line belongs here, not in
code.  Sources: GB/T 9704-2012 (党政机关公文格式) for the parts of a document and
its heading levels, and the common typesetting of published 工作要点.
"""

from __future__ import annotations

# --- characters -----------------------------------------------------------------

#: Horizontal white space seen in copies: ASCII, full-width (U+3000), no-break, tab.
SPACE_CHARS = " \t\u3000\u00a0\u2002\u2003\u2009\ufeff"
#: Names of the HTML space entities a web copy leaves behind as text (国务院办公厅 &nbsp;, or broken,
#: &sp; of &ensp;, nbsp; without its &): spaces, not words or marks, at a line's edges.
SPACE_ENTITIES = ("nbsp", "ensp", "emsp", "thinsp", "sp", "nbs", "bsp")

#: Chinese numeral digits and multipliers used in heading markers and numbers.
CN_DIGITS = "〇零一二两三四五六七八九"
CN_MULTIPLIERS = "十百千"
CN_NUMERAL_CHARS = CN_DIGITS + CN_MULTIPLIERS + "壹贰叁肆伍陆柒捌玖拾佰仟" + "万亿"

#: Full-width digits and marks that mean the same as their ASCII forms.
FULLWIDTH_DIGITS = "０１２３４５６７８９"

OPEN_PARENS = "(（"
CLOSE_PARENS = ")）"
#: Brackets that may also hold a lead-unit note: 【牵头单位：X】, ［牵头单位：X］, 〔牵头单位：X〕;
#: 〈〉 only nests inside one (各区人民政府〈含开发区〉).  Pairs are in the same order.
NOTE_OPEN_BRACKETS = OPEN_PARENS + "【［〔〈["
NOTE_CLOSE_BRACKETS = CLOSE_PARENS + "】］〕〉]"
COLONS = ":："
#: Marks that end a sentence (a target's scope never runs past one).
SENTENCE_ENDS = "。！？!?；;"
#: Marks that end a sentence and what it says (not the ； of a list that goes on).
FULL_STOPS = "。！？!?"
#: Marks that end a clause (the text a target is reported with).
CLAUSE_ENDS = "。！？!?；;，,：:\t"  # and a tab: the end of a table's cell
#: Separators of unit names in a lead note.
UNIT_SEPARATORS = "、，,；;/"
#: Quotation and title marks: numbers inside them are names, not targets.
#: Closing marks after which a count sums up what was just named.
TITLE_CLOSES = "》”"
QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("《", "》"), ('"', '"'), ("〈", "〉"))

# --- the notice (GB/T 9704-2012 names) -------------------------------------------

#: Brackets around the year of a 发文字号 (the standard prescribes 〔〕; copies use others).
DOC_NUMBER_BRACKETS = (("〔", "〕"), ("[", "]"), ("［", "］"), ("(", ")"), ("（", "）"), ("【", "】"))
#: Words that end a notice title.
NOTICE_TITLE_ENDINGS = (
    "通知", "意见", "方案", "要点", "计划", "决定", "通报", "批复", "复函", "函", "答复", "规定",
    "办法", "细则", "规则", "纲要", "规划", "措施", "举措", "条例", "报告", "请示", "（试行）", "（征求意见稿）",
    "令",  # a decree's heading: 中华人民共和国国务院令, 某某省人民政府令
)  # fmt: skip
#: How a decree's heading ends: the 第N号 under it is its number.
DECREE_ENDINGS = ("令",)
#: Labels of the contact line (联系人 / 联系电话 / 电子邮箱).
CONTACT_NAME_LABELS = ("联系人",)
PHONE_LABELS = ("联系电话", "电话", "传真", "联系方式", "手机")
#: Labels of a web page's publication date.
PUBLISHED_LABELS = ("发布时间", "发布日期", "发文日期", "时间", "日期")  # in order of preference
#: Labels that are the page's date only alone: 成文日期 and 生成日期 are other dates.
BARE_DATE_LABELS = ("时间", "日期")
#: Words that start a line introducing attachments: 附件, or 附 alone before its colon (附：…计划表).
ATTACHMENT_LABELS = ("附件", "附")
#: Words of a 附注 line in brackets after the date: （此件公开发布）, （本文有删减）.
NOTE_LINE_WORDS = ("此件", "本件", "本文", "公开", "删减", "联系人")
#: Words of a title's own bracketed remark set on the line under it: 某某行动计划 / （试行）.
TITLE_EDITION_WORDS = ("试行", "暂行", "征求意见稿", "送审稿", "修订稿", "草案")
#: Dashes and words between the years of a title's period: （2026—2027年）, （2024至2026年）.
YEAR_RANGE_JOINERS = "—–-－~～至到"
#: Labels of the 抄送机关 line in the closing block (followed by a colon).
CARBON_COPY_LABELS = ("抄送", "抄报")
#: The 密级 a document may be marked with above its title (机密★1年), GB/T 9704-2012 7.2.2.
SECRECY_LEVELS = ("绝密", "机密", "秘密")
#: The 紧急程度 marks above the title (7.2.3; 特提 and 平急 on telegrams).
URGENCY_MARKS = ("特急", "加急", "特提", "平急")
#: How the 发文机关标志 ends: 某某省人民政府办公厅文件 (7.2.4).
MASTHEAD_ENDINGS = ("文件",)
#: The label of the 签发人 beside the 发文字号 of a document sent up (7.2.6).
SIGNER_LABELS = ("签发人",)

# --- web-page noise ---------------------------------------------------------------

#: A line that starts with one of these (after white space) is page furniture,
#: copied with the text from a web page, and belongs to no section or item.
NOISE_LINE_PREFIXES = (
    "栏目",
    "发布时间",
    "发布日期",
    "浏览量",
    "浏览次数",
    "阅读量",
    "阅读次数",
    "访问量",
    "点击量",
    "分享到",
    "分享",
    "附件下载",
    "相关附件",
    "相关链接",
    "相关文件",
    "来源",
    "信息来源",
    "文章来源",
    "字号",
    "【字体",
    "字体",
    "打印",
    "【打印",
    "关闭",
    "【关闭",
    "扫一扫",
    "扫码",
    "责任编辑",
    "编辑",
    "上一篇",
    "下一篇",
    "当前位置",
    "您当前的位置",
    "您现在的位置",
    "首页",
    "索引号",
    "主题分类",
    "发布机构",
    "生成日期",
    "文号",
    "有效性",
    "二维码",
    "【大",
    "[大",
    "视力保护色",
    "收藏",
    "返回顶部",
)
#: Breadcrumb separators: a short line split by one of these is navigation.
BREADCRUMB_SEPARATORS = (">", "＞", "»", "›", "→")
#: Dashes around a page number in a copy extracted from print: — 3 —, -3-.
PAGE_NUMBER_DASHES = "—－-–"

# --- lead-unit notes --------------------------------------------------------------

#: A note's label names a role, then a kind of body: 牵头单位, 配合部门, 责任处室, 协同责任单位, 主办单位 …
#: The family is open: every role below with every kind of body is a label, read by its role.
#: Roles of the units that lead a task:
LEAD_ROLES = ("牵头", "主办", "主责", "主要责任", "牵头责任", "牵头负责")
#: Roles of the units responsible for a task without singling out its lead: all of them lead, unless
#: the plan says that the unit listed first leads (排在第一位的为牵头单位), or the note also names a lead
#: (牵头单位：X；责任单位：Y — then Y cooperates).
SHARED_ROLES = ("责任", "负责", "承办", "实施", "落实", "执行", "主体责任")
#: Roles of the units that cooperate on a task.
COOPERATING_ROLES = (
    "配合", "参加", "参与", "协同", "协同责任", "协办", "协助", "协作", "支持", "配合责任", "参与责任",
)  # fmt: skip
#: Kinds of body a label names after its role.
BODY_KINDS = ("单位", "部门", "处室", "科室", "机构", "主体", "处", "科", "单位和部门", "部门和单位")
#: Labels that are a role or a kind of body alone, before a colon (牵头：X；参与：Y、Z; 处室：X): a short
#: role word says its units' role as 牵头单位 and 参与单位 do.
BARE_LABELS = {
    "牵头": "lead", "主办": "lead", "主责": "lead",
    "负责": "shared", "承办": "shared", "处室": "shared", "科室": "shared", "责任主体": "shared",
    "配合": "cooperating", "参与": "cooperating", "参加": "cooperating", "协助": "cooperating",
    "协办": "cooperating", "协同": "cooperating",
}  # fmt: skip
LEAD_LABELS = (*(r + b for r in LEAD_ROLES for b in BODY_KINDS), "牵头")
COOPERATING_LABELS = tuple(r + b for r in COOPERATING_ROLES for b in BODY_KINDS)
SHARED_LABELS = (*(r + b for r in SHARED_ROLES for b in BODY_KINDS), "处室", "科室", "责任主体")
#: Characters that never open a unit's name, so that a label before them without a colon is the subject
#: of a sentence, not a label: 牵头单位为X, 责任单位要…, 配合单位和…, 牵头单位负责….  Not 中: many units
#: open with it (牵头单位 中国人民银行某市分行, 中国铁塔…, 中医院).
NOT_AFTER_A_BARE_LABEL = "为是和与及、的要应按负等在由对须需将把"
#: The dash that sets a note off without brackets, after a task's last sentence or opening a line of its
#: own under it: ……。——A、B、C / ——A牵头，B配合，11月底前完成.
NOTE_DASH = "——"
#: The word that joins a label to its units in a sentence stating them: 责任单位为A、B。
LABEL_IS = "为"
#: Labels of the other fields a note may hold; their text is kept, never read as unit names.
#: A note may also hold fields not named here (after a ；): they are kept the same way.
FIELD_LABELS = (
    "完成时限",
    "完成时间",
    "完成期限",
    "时间节点",
    "时限要求",
    "时限",
    "进度安排",
    "适用范围",
    "实施范围",
    "责任领导",
    "牵头领导",
    "分管领导",
    "责任人",
    "联系人",
    "备注",
    # who supervises the task (督办单位：省政府督查室), not who does it: no unit of the item
    *(role + kind for role in ("督办", "督导", "督查", "督察", "监督") for kind in ("单位", "部门", "处室", "领导")),
)
#: How the label of a line ends that, inside a block of note lines (责任单位：…⏎督办单位：…⏎完成时限：…),
#: is one more field of the note though no list above names it (联系部门, 办结时间): a kind of body or a
#: word of time.  A label that opens with a role word is read by its role instead.
FIELD_LABEL_ENDINGS = ("单位", "部门", "处室", "科室", "机构", "时限", "时间", "期限", "节点")
#: How the label of a field ends that names persons, not bodies (分管领导, 分管厅领导, 联系县领导, 责任领导,
#: 责任人, 联系人): wherever it stands in a note, what follows it is a field, never a unit.
PERSON_LABEL_ENDINGS = ("领导", "负责人", "责任人", "联系人")
#: Field labels that give the task's deadline (完成时限).
DEADLINE_LABELS = ("完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "时限")
#: A plan's statement of the deadline of every task that gives none (未注明完成时限的任务，均须于
#: 2024年12月底前完成; 除已明确时限的外，其余工作于年底前完成; 完成时限未注明的，均为2024年底前): the words
#: that say "not stated", the words for a deadline, and what may stand between the statement and its time.
UNSTATED_NEGATIONS = ("未", "没有", "无")
UNSTATED_EXCEPT = ("除",)
UNSTATED_VERBS = ("注明", "标明", "标注", "列明", "写明", "明确", "规定", "说明", "载明")
UNSTATED_ADVERBS = ("特别", "具体", "单独", "另行", "另外", "专门", "已", "另")
UNSTATED_TIME_WORDS = ("完成时限", "完成时间", "完成期限", "时间节点", "时限", "时间", "期限")
UNSTATED_TASK_WORDS = ("任务", "事项", "工作", "项目", "措施", "内容")

# --- task tables (rows.py) ----------------------------------------------------------

#: Header cells of a task table's columns, by what the column holds (spaces and bracketed asides
#: removed: 主 要 内 容 is 主要内容, 责任单位（部门） is 责任单位).  A table is read where its header
#: names a task column and a units or deadline column.
TABLE_NUMBER_HEADERS = ("序号", "编号", "序")
TABLE_TASK_HEADERS = (
    "重点任务", "工作任务", "主要任务", "具体任务", "任务内容", "任务名称", "任务", "重点工作", "工作内容",
    "工作事项", "重点事项", "事项", "具体措施", "主要措施", "工作措施", "政策措施", "改革举措", "举措", "措施",
    "重点项目", "项目名称", "工作要点", "任务事项",
)  # fmt: skip
#: Header cells of text that goes with the task (its content, its goal): the item's text, not its title.
TABLE_TEXT_HEADERS = (
    "主要内容", "具体内容", "工作目标", "目标任务", "主要目标", "预期目标", "完成标准", "工作要求",
    "具体要求", "任务要求", "工作举措", "推进措施", "实施步骤", "进度安排",
)  # fmt: skip
#: Header cells of the units, with the role each gives its units: lead, cooperating, or shared
#: (the plan's rule, if it states one, says who leads: 列第一位者为牵头单位, 标*号的为牵头单位).
TABLE_LEAD_HEADERS = ("牵头单位", "牵头部门", "主责单位", "主责部门", "牵头责任单位")
TABLE_COOPERATING_HEADERS = ("配合单位", "配合部门", "协同单位", "协同部门", "参与单位", "参与部门", "协办单位")
TABLE_SHARED_HEADERS = ("责任单位", "责任部门", "责任主体", "责任处室", "承办单位", "实施单位", "指导部门", "指导单位")
#: How a header word not listed above ends, where it names a units column (责任处室, 协同单位) or a
#: task column (重点改革任务, 工作任务及措施); the role word it starts with says the units' role.
TABLE_UNIT_ENDINGS = ("单位", "部门", "处室", "科室", "机构", "主体")
TABLE_LEAD_WORDS = ("牵头", "主责", "主办")
TABLE_COOPERATING_WORDS = ("配合", "协同", "参与", "协办", "协助")
TABLE_TASK_ENDINGS = ("任务", "措施", "举措", "事项", "工作")
#: Words in a header word that names the deadline column: 完成时间节点, 进度时限.
TABLE_DEADLINE_WORDS = ("时限", "时间", "期限", "节点")
#: Spaces that, two or more in a row, part a table's cells in a copy that kept the layout of a PDF
#: or a Word page (序号   重点任务   责任单位): ASCII, full-width and no-break spaces, mixed.
TABLE_GAP_SPACES = " \u3000\u00a0"

#: How a plan says that the unit listed first leads: 列第一位者为牵头单位, 排在第一位的部门为
#: 牵头部门, 第一个单位为牵头单位, 排名第一的为牵头单位, 列首位者牵头.
FIRST_PLACES = ("第一位", "首位", "第一个", "第一", "最前面", "最前")
#: Words that may stand before the place: 列, 排在, 排名.
PLACE_VERBS = ("排列", "排在", "排名", "位列", "列在", "列于", "列", "排", "居")
#: How a plan says that the order of units means nothing: 排名不分先后.
NO_ORDER_PHRASES = ("排名不分先后", "排序不分先后", "不分先后", "排名不分前后")
#: How a plan says that the rule holds from here on.
FROM_HERE_ON = ("下同", "以下同", "后同")
#: Words of a plan's statement of how to read its notes, never of a unit list: where a unit stands
#: (列第一位者为牵头单位, 逗号前的为牵头单位, 顿号分隔的为共同牵头) and what the others do (其他单位按职责分工
#: 配合, 多个牵头部门的按职责分工负责).  A clause of a note holding one is the rule, not units; 共同牵头 alone
#: is a role (A、B共同牵头), and only 为共同牵头 states a rule.
RULE_WORDS = (
    "第一位", "首位", "第一个", "排名第", "排名首", "排序", "逗号", "顿号", "分号", "其他单位", "其余单位",
    "其他部门", "其余部门", "其余为", "其他为", "多个牵头", "为共同牵头", "不分先后", "不分前后", "为准",
)  # fmt: skip
#: Marks put before the lead unit of a list (*县人力社保局、县科技局): the marked units lead.
LEAD_MARKS = "*＊★☆※"
#: A remark that names units for every note that follows (以下均需试点城市政府落实，不再列出): they
#: answer for every later task as well.
#: 以下 [各项任务] [均需] …: what the remark covers, then its verb.
FOLLOWING_UNITS_SCOPES = ("各项任务", "各项工作", "各项措施", "各项", "所有任务", "任务", "工作")
FOLLOWING_UNITS_VERBS = ("均需", "均涉及", "均由", "均", "都", "需")
#: What a remark that puts its units first covers: X为各项措施的共同责任单位，以下不再列出.
EVERY_TASK_SCOPES = ("各项任务", "各项工作", "各项措施", "各项举措", "各项", "所有任务", "所有措施", "全部任务")
NOT_LISTED_AGAIN = ("不再重复列出", "不再一一列出", "不再列出", "不另列出")
#: Words that start a remark at the end of a unit list, not a unit: ，以下均涉及…，不再重复列出.
UNIT_LIST_REMARKS = ("以下", "下同", "不再", "其中", "注：", "注:", "排名", "排序")

#: Words before the lead of an unlabelled note (由X牵头, 其中X牵头), not part of its name.
INLINE_LEAD_PREFIXES = ("其中", "由")  # in this order: 其中由A牵头
#: Words that join a lead to the units working with it: X会同Y负责.
TOGETHER_WITH = ("会同", "联合")
#: Verbs after a unit list in the inline form （X牵头，Y配合）, and the other words by which a note says
#: that a unit steers the task (X负总责，Y协助; X主抓，Y参与; X统筹，Y具体落实): the unit leads.
LEAD_VERBS = (
    "牵头负责", "牵头抓总", "牵头落实", "为牵头单位", "为牵头部门", "总牵头", "牵头", "牵头组织", "负总责",
    "总负责", "负主责", "负主要责任", "主责", "主抓", "抓总", "统筹协调", "统筹推进", "统筹",
)  # fmt: skip
#: Words of action that may follow a verb of a role, saying no role themselves: X牵头推进, Y配合实施.
#: No unit's name ends with one (组织 is left out: 各级党组织负责).
ROLE_ACTIONS = ("推进", "协调", "开展", "推动", "完成")
#: Verbs by which units carry a task out, after another verb of a role (X牵头实施, Y配合实施: that role)
#: or alone in their clause: after a clause that names who steers or answers (X指导，Y实施; X负责，Y实施)
#: the units carry the task out under those, and cooperate; with no such clause they answer for it.
CARRYING_VERBS = ("实施",)
#: Verbs by which the units of a labelled list take the task on, printed after its last unit (责任单位：
#: A、B承担): with the verbs of answering, carrying and acting (负责, 实施, 推进) they are no part of the
#: unit's name, the label saying the role.
UNDERTAKING_VERBS = ("承担", "执行")
#: How a bracket starts that lists things other than units: （含…）, （包括…）, （以下简称…）, （如…）.
NOT_A_UNIT_LIST = ("含", "包括", "包含", "不含", "以下", "即", "如", "例如", "其中", "简称", "注", "详见", "见")
#: Words that open a remark on a unit's scope in brackets after its name: 各区人民政府（含开发区）.
SCOPE_ASIDE_OPENERS = ("含", "包括", "包含", "不含")
#: How the words of a bracket after a unit's name end when they say what kind of body it is, not
#: another name of it: 省通信管理局（中央驻闽单位）, 某某供电公司（省属企业）, 某某中心（事业单位）.
BODY_CATEGORY_ENDINGS = ("单位", "企业", "机构")
#: A unit marked as the lead inside a list of responsible units: 区科技局（牵头）、区财政局.
LEAD_ASIDES = ("牵头", "牵头单位", "牵头部门", "主责", "主责单位", "牵头抓总")
#: The same for a unit that cooperates: 市经信局（配合单位）.
COOPERATING_ASIDES = ("配合", "配合单位", "配合部门", "协办", "参与")
COOPERATING_VERBS = ("按职责分工配合", "积极配合", "为配合单位", "为配合部门", "配合", "协助", "参与", "参加", "协同",
                     "协办", "协作", "支持")  # fmt: skip
#: Verbs by which every unit listed answers for its own part: all lead (X、Y按职责分工负责).
DIVIDED_VERBS = (
    "按职责分工负责", "按照职责分工负责", "按职责分工落实", "按职责负责", "依职责负责", "分别负责", "共同负责",
    "各负其责", "指导", "分工负责", "分头落实", "分头负责", "共同推进", "共同落实",
)  # fmt: skip
#: Words between the units and their verb that say each answers for its own part (按职能分工负责,
#: 按职责分别负责): with them a verb of responsibility makes every unit lead.
DIVIDED_MODIFIERS = (
    "按照职责分工", "按职责分工", "按职能分工", "按照职能分工", "依职责分工", "根据职责分工", "按照职责",
    "按职责", "按职能", "依职责", "根据职责", "依据职责", "分工", "分别", "分头", "各自", "共同",
)  # fmt: skip
#: Words by which units act within their own duties (按职责分工负责, 按照职责分工抓好落实): after a clause
#: whose units answer for the task (X负责，Y、Z按职责分工负责) they work under those, as after X牵头.
BY_DUTY_WORDS = ("按照职责", "按职责", "依职责", "根据职责", "依据职责", "按照职能", "按职能", "依职能")
#: The plain verb of a note naming the responsible units (X、Y负责): they share the task.
RESPONSIBLE_VERBS = (
    "负责落实",
    "负责实施",
    "抓好落实",
    "组织落实",
    "具体负责",
    "具体落实",
    "具体实施",
    "组织实施",
    "负责",
    "落实",
    "为责任单位",
)
#: How the names of units end: an unlabelled note (X牵头, X负责) must name units like these.
ORG_SUFFIXES = (
    "局",
    "厅",
    "委",
    "办",
    "部",
    "会",
    "院",
    "府",
    "室",
    "处",
    "中心",
    "司",  # a ministry's department: 城市建设司
    "科",  # a bureau's section: 就业科
    "股",
    "单位",
    "部门",
    "机构",
    "海关",
    "银行",
    "分行",  # 人民银行某某省分行
    "支行",
    "公司",
    "联",
    "队",
    "站",
    "所",
    "署",
    "馆",
    "社",
    "团",
    "校",
    "组",
    "法院",
    "检察院",
    "集团",
    "协会",
    "地区",
    "各地",
    "地方",
    "区",
    "县",
    "市",
    "省",
    "州",
    "盟",
    "旗",
    "镇",
    "乡",
    "街道",
    "兵团",
    "总局",
    "管委会",
    "省份",  # 各省份
    "城市",  # 各试点城市
    "县区",
    "区县",
    "企业",  # 各中央企业
    "高校",
    "大学",  # 某某大学 (学院 ends in 院)
    "电视台",  # not 台 alone: 平台 is no body
    "气象台",
    "专班",  # 市促消费工作专班
)
#: How the name of every body of a kind starts: 各地, 各高校, 各成员单位.
COLLECTIVE_PREFIX = "各"
#: Function words that no unit's name holds: （技工院校内由人力资源社会保障行政部门负责） is a sentence.
NOT_IN_UNIT_NAMES = ("由", "的", "将", "把", "须")
#: Name endings of places, not offices: a recipient that ends with one shares the office named
#: after it (各设区市、平潭综合实验区办公室).
PLACE_SUFFIXES = ("地区", "各地", "地方", "区", "县", "市", "省", "州", "盟", "旗", "镇", "乡", "街道")
#: Endings of a place name that may open a unit's name (平潭综合实验区领导小组办公室).
PLACE_END_CHARS = "区县市州省"
#: Vague tails that close a unit list but name no unit: 商务部等有关部门 is 商务部.
UNIT_TRAILERS = ("等有关部门和单位", "等有关单位和部门", "等相关部门和单位", "等有关部门", "等相关部门", "等有关单位",
                 "等相关单位", "等部门", "等单位", "等")  # fmt: skip
#: Names that name nobody: X会同有关部门负责 gives X no cooperating unit (as 等有关部门 gives none).
VAGUE_UNITS = ("有关部门", "相关部门", "有关单位", "相关单位", "有关部门和单位", "有关单位和部门", "相关部门和单位",
               "其他有关部门", "其他相关部门", "有关方面", "相关方面", "其他单位", "其余单位", "其他部门", "其余部门",
               "其他有关单位", "其他相关单位")  # fmt: skip
#: Words that join the last unit of a list to the one before (A、B和C负责).
UNIT_JOINERS = ("以及", "和", "及")
#: Administrative levels that a distributive phrase lists with 、 as one unit:
#: 各区、县级市 / 各省、自治区、直辖市人民政府 / 各市、县（区） name one kind of unit, not several.
ADMIN_LEVELS = ("计划单列市", "设区市", "县级市", "直辖市", "自治区", "自治州", "自治县", "省", "市", "县", "区",
                "州", "盟", "旗", "乡镇", "乡", "镇", "街道", "地区")  # fmt: skip
#: Words between 各 and the levels of a distributive phrase: 各有关区、县级市.
ADMIN_QUALIFIERS = ("有关", "相关")

# --- heading levels (GB/T 9704-2012, 7.3.3: 一、 （一） 1. （1）) ---------------------

#: Marks after a level-one numeral: 一、 (standard), 一. and 一． (seen in copies).
LEVEL1_MARKS = "、.．"
#: What follows the numeral of a heading above the sections' own numbering (第一章, 第一部分, 第一篇: some
#: plans print 篇 where others print 章): read as the top level, as 一、 is where no such heading stands.
CHAPTER_WORDS = ("章", "部分", "篇")
#: What a box inside a task is headed by, with its number (专栏1　重点工程, 专项行动一　…提能行动): the box
#: and the points it numbers belong to the task it follows (:mod:`structure`).
BOX_LABELS = ("专栏", "专项行动")
#: What a scan makes of the 一 of 一、 (a stroke read as a dash): -、 is section 一 where 二、 follows it.
DAMAGED_ONE = "-－—–"
#: Marks between the two numbers of a serial that numbers the tasks of a section: 1.1 (the section,
#: then the task), 1-1 (the same, dashed, as a PDF copy prints it), 1．1.
SERIAL_MARKS = ".．﹒-－‐–"
#: The opening marks a serial may run on into with no space, as into a Chinese word: 1.1“四好农村路”….
SERIAL_RUN_ON_QUOTES = "“《"
#: Words that point ahead to what a colon opens (国务院由下列人员组成：总理、…): the colon after them
#: goes on with the heading's sentence, it does not end a title.
FORWARD_POINTERS = ("下列", "如下", "以下", "下述", "下面")
#: What a table of contents is headed by, its spaces aside (目  录): the headings it lists are no sections.
CONTENTS = ("目录", "目次")
#: The marks of a level-three marker that a digit may follow (1.5 at a line's start: 1. then 5…).
LEVEL3_DECIMAL_MARKS = ".．﹒"

# --- numbers ------------------------------------------------------------------------

#: Magnitudes folded into a value: 50万 -> 500000.
MAGNITUDES = {"万": 10_000, "亿": 100_000_000, "千万": 10_000_000, "百万": 1_000_000, "万亿": 10**12}
#: Range joiners between two numbers: 1-2, 一到两, 3至5.
RANGE_JOINERS = ("-", "－", "—", "–", "~", "～", "〜", "至", "到")

# --- quantified targets -----------------------------------------------------------

#: Units of work or service counted in persons (or machines) times a span or a turn, as the genre prints them:
#: with a middle dot (人·次, U+00B7, or the Japanese-style ・) or, where no word of its own starts so, without
#: (人年, 台次, 工日: not 人日, 人天, 人月, which 人日常, 人天然气, 人月均 start).  人年 running on into 均 is 人
#: and 年均 (带动10万人年均增收: patterns leaves 年均 out of the unit).
PERSON_TIME_UNITS = (
    "人年", "台次", "工日",
    *(f"{head}{dot}{span}" for head, span in (("人", "次"), ("人", "年"), ("人", "日"), ("人", "天"), ("人", "月"),
                                              ("台", "次"), ("工", "日")) for dot in ("·", "・")),
)  # fmt: skip
#: Measure words of the works and stock a plan counts that no other unit covers: 口 (ponds, wells: 山塘120口),
#: 眼 (wells: 机井50眼), 盏 (lamps), 栋 and 幢 (buildings), 尾 (fish fry), 羽 (poultry).
MEASURE_WORDS = ("口", "眼", "盏", "栋", "幢", "尾", "羽")
#: Units a target counts or measures, longest first where one contains another.
#: The magnitude (万, 亿) is not part of the unit.
COUNT_UNITS = (
    # equipment counted in units or sets
    "台（套）",
    "台(套)",
    "套（次）",  # housing let in sets or times: 1000套（次）
    "套(次)",
    "台套",
    # a rate per so many people: 孕产妇死亡率控制在8/10万以下
    "/10万",
    "/万",
    "/千",
    "/十万",
    "/100万",
    # an age or a grade: targets only where a goal verb or a bound stands before them (GOAL_ONLY_UNITS)
    "岁",
    "级",
    # computing power: 智能算力超5000P, 2000卡时
    "EFLOPS",
    "PFLOPS",
    "TFLOPS",
    "EFlops",
    "PFlops",
    "TFlops",
    "卡时",
    "P",
    "毫秒",
    "微秒",
    "美元",
    "欧元",
    "港元",
    "日元",
    "标准机架",
    "机架",
    "斤",
    "根",
    "吨标准煤",
    "千克标准煤",
    "公斤标准煤",
    "标准煤",
    "微克",
    "毫克",
    "公斤",
    "千克",
    "毫升",
    "分贝",
    "兆瓦时",
    "个百分点",
    "百分点",
    "个工作日",
    "工作日",
    "个工日",  # 提供5万个工日: the unit is 工日 (a PERSON_TIME_UNITS), 个 its classifier
    "个季度",
    "个月",
    "平方公里",
    "平方米",
    "立方米",
    "万千瓦",
    "千瓦时",
    "千瓦",
    "兆瓦",
    # the capacity of transformers: 新增配电变压器容量5万千伏安, 户均配变容量不低于2.5千伏安 (not 千伏 alone:
    # 110千伏变电站, 10千伏及以下用户 name a voltage class, no count)
    "千伏安",
    "兆伏安",
    "公里",
    "千米",
    "公顷",
    "人次",
    # work or service counted in persons (or machines) times a span or a turn: 全时当量达到15万人年, 参与群众
    # 50万人·次 (the middle dot as printed: 人·次, 人・次), 提供就业岗位5万个工日, 开展巡检2000台次
    *PERSON_TIME_UNITS,
    "家次",
    "户次",
    "个批次",  # 督察2个批次: the unit is 批次, 个 its classifier (as 个工作日; the record prints 批次)
    "批次",
    "场次",
    "台套",
    "小时",
    "分钟",
    "项",
    "个",
    "家",
    "所",
    "间",
    "名",
    "场",
    "元",
    "亩",
    "件",
    "台",
    "套",
    "座",
    "条",
    "处",
    "张",
    "份",
    "本",
    "部",
    "期",
    "户",
    "辆",
    "艘",
    "架",
    "吨",
    "株",
    "棵",
    # measure words of the genre's works and stock: 新建和改造山塘120口 (ponds, wells), 打机井50眼, 安装路灯
    # 500盏, 改造危房20栋 (幢), 放流鱼苗100万尾, 出栏家禽1000万羽
    *MEASURE_WORDS,
    "头",
    "只",
    "床",
    "块",
    "箱",
    "支",
    "篇",
    "门",
    "种",
    "类",
    "款",
    "例",
    "宗",
    "起",
    "人",
    "次",
    "位",
    "所",
    "校",
    "园",
    "站",
    "村",
    "镇",
    "米",
    "倍",
    "天",
    "日",  # a time limit: 压缩至1日内 (a date's 日 is read by times first)
    "分",
    "度",  # an angle or a precision: 360度, 0.005度
    "核",  # processor cores of computing power: 新增算力约2000核
    "%",
    "％",
    "‰",
)
#: Unit symbols of one Latin letter (240h, 5m, 10t): the others (5G, 3D, 4K) are names, not units; g is left
#: out too, since plans write the network in lower case as often (建成5g基站1000个) as grams (which they write 克).
SINGLE_LETTER_UNITS = ("h", "s", "m", "t", "W")
#: What may follow a unit after / in a compound unit (30微克/立方米, 3万元/人, 0.5吨标准煤/万元).
DENOMINATOR_UNITS = (
    "立方米",
    "平方米",
    "平方公里",
    "公里",
    "百公里",
    "千瓦时",
    "万元",
    "亿元",
    "元",
    "人",
    "人次",
    "户",
    "亩",
    "公顷",
    "吨",
    "年",
    "月",
    "日",
    "天",
    "小时",
    "家",
    "台",
    "辆",
    "床",
    "千人",
    "万人",
    "百人",
    "标准煤",
    "W",
    "w",
)  # fmt: skip  (W: per watt, TFLOPS/W)
#: Words naming a rate or an index: a number after one may stand without a unit when a
#: comparator follows it (万台特种设备死亡率控制在0.2以下, 质量竞争力指数达到85以上).
RATE_WORDS = ("率", "指数", "系数", "比重", "比例", "占比", "得分", "分值", "强度", "密度", "PUE", "能效比")
#: How the name of an indicator in a table of planned figures ends when its figure is the size of a fall or a
#: rise (万元GDP能耗降低率（%）　3.2: a fall of 3.2 %, as 下降3.2% would be).
FALL_RATE_WORDS = ("降低率", "下降率", "降率", "降幅", "减少率", "压减率", "下降")
RISE_RATE_WORDS = ("增长率", "增速", "增幅", "提高率", "上升率", "增长")
#: The head of a column of units in such a table (指标　单位　2024年　2025年).
UNIT_COLUMN_HEADS = ("单位", "计量单位")
#: The unit of 翻一番 (doubling): a multiple.
DOUBLING_UNIT = "倍"
#: Doubling in one word, as 翻一番 states it (高新技术企业数量实现倍增): value 2, where it ends its phrase.
DOUBLING_WORD = "倍增"
#: Units that are percentages of something (百分之三 -> 3 %).
PERCENT_UNIT = "%"

#: Comparators written before the number, and what they mean (Civil Code art. 1259:
#: 以上/以下/以内 include the number, 超过/不满 exclude it).
#: The bounds that may stand before the verb of a change as before a level (至少提高5个百分点: at least 5; 最多
#: 减少2%): adverbs only, of the PREFIX_COMPARATORS (约, 超, 近 end other words: 制约, 赶超, 就近).
CHANGE_BOUNDS = ("至少", "最少", "最多")
PREFIX_COMPARATORS = {
    "不少于": ">=",
    "不低于": ">=",
    "不小于": ">=",
    "至少": ">=",
    "最少": ">=",
    "不超过": "<=",
    "不高于": "<=",
    "不大于": "<=",
    "最多": "<=",
    "控制在": "<=",
    "超过": ">",
    "超出": ">",
    "突破": ">",
    "超": ">",
    "多于": ">",
    "高于": ">",
    "大于": ">",
    "小于": "<",
    "不足": "<",
    "不满": "<",
    "低于": "<",
    "少于": "<",
    "大约": "~",
    "约": "~",
    "近": "~",
    "接近": "~",
    "≤": "<=",
    "≥": ">=",
    "＜": "<",
    "＞": ">",
    "<": "<",
    ">": ">",
    # with a modal verb between 不 and the comparison (不得低于80%): the same bound, as a rule says it
    **{
        f"不{modal}{word}": comparator
        for modal in ("得", "应", "能", "宜", "可", "准")
        for word, comparator in (
            ("低于", ">="),
            ("少于", ">="),
            ("小于", ">="),
            ("超过", "<="),
            ("高于", "<="),
            ("大于", "<="),
            ("多于", "<="),
        )
    },
}
#: Words that set a level against an average the text does not give (高于全省平均水平1个百分点, 增速快于全市平均
#: 0.5个百分点): the number after the average is the margin, and the goal a floor on it (>=).
MARGIN_WORDS = ("高于", "超过", "超出", "快于", "优于", "低于", "慢于")
AVERAGE_WORDS = ("平均水平", "平均值", "平均数", "平均", "均值")
#: Bounds that count only before a round magnitude printed alone (规模过千亿): elsewhere 过 ends a verb (通过, 经过).
MAGNITUDE_BOUNDS = {"过": ">"}
NOT_MAGNITUDE_BOUNDS = ("通过", "经过", "不过", "度过", "越过", "跨过", "错过")
#: Durations that are a target only when bounded (不超过3个月, 压缩至2个月): 用3个月时间 is none.
BOUNDED_DURATION_UNITS = ("个月", "个季度")
#: Units of time, after which 内 sets a limit (5个工作日内).
TIME_UNITS = ("小时", "分钟", "天", "日", "工作日", "个工作日", "个月", "个季度")
#: Words that count a time limit from an event of each case (之日起20个工作日内, 受理后3日内): a rule of
#: procedure, not a level to reach (压缩至1个工作日 is one).
COUNTED_FROM_WORDS = ("之日起", "之日后", "日起", "起", "后")
#: Comparators written after the number (and its unit).
SUFFIX_COMPARATORS = {
    "以上": ">=",
    "及以上": ">=",
    "或以上": ">=",
    "以下": "<=",
    "及以下": "<=",
    "以内": "<=",
    "内": "<=",  # only after a unit of time (48小时内); 5家内资企业 is no limit
    "之内": "<=",
    "左右": "~",
    "上下": "~",
    "余": ">",
    "多": ">",
}
#: Verbs that make the number a change against a baseline.
DECREASE_VERBS = ("减少", "下降", "降低", "压减", "压缩", "削减", "缩减", "缩短", "缩小", "降")
INCREASE_VERBS = ("增长", "提高", "提升", "增加", "上升")
#: Verbs that end like an increase but name work to do on a count (改造提升1万亩 is 1万亩 to upgrade).
UPGRADE_VERBS = ("改造提升", "巩固提升", "整治提升", "提档升级", "改造提高")
#: Words that mark a target the plan only strives for; their scope runs to the
#: end of the sentence.
ASPIRATION_CUES = ("力争", "争取", "争创", "力促", "努力", "争当")
#: Words that open a firm bound after a cue of striving: 力争达到90%、确保不低于85%; 力争…40个，确保30个. The
#: striving reaches up to one of them; what follows is not aspirational (力争确保, one verb, still strives).
FIRM_CUES = ("确保",)
#: Of those, the one that is also a noun: the effort made (依靠…的共同努力，首先使…; 经过“九五”期间的努力，使其成为…),
#: after these words or before a clause mark, the means of a goal, no striving for it.
EFFORT_NOUN = "努力"
EFFORT_NOUN_BEFORE = ("的", "共同")
#: Words that open a part of the count before (培育企业100家，其中国家级10家): the clause has no verb of its
#: own, yet goes on with no second subject of the first verb.
PART_OPENERS = ("其中", "含", "包括")
#: Of those, verbs that strive for their own object (争创国家级平台2个): their scope is their clause, not the
#: sentence (争创1—2个国家级平台，建设2个研究院: the second count is plain).
ASPIRATION_VERBS = ("争创", "争当")
#: Verbs that set a count as a goal; a number written in Chinese numerals is a
#: target only right after one of them (or with a comparator, or as a range, or
#: counting the titles just named: 《白茶》《茉莉花茶》两项标准), because most such
#: numbers are fixed phrases (四个最严, 五个到位, 两个责任).
GOAL_VERBS = (
    "新增",
    "新建",
    "新培育",
    "新认定",
    "新评定",
    "新获",
    "新创建",
    "建成",
    "建设",
    "培育",
    "打造",
    "创建",
    "完成",
    "达到",
    "达",
    "组织",
    "举办",
    "召开",
    "开展",
    "实施",
    "改造",
    "支持",
    "评选",
    "认定",
    "培训",
    "发布",
    "制修订",
    "制定",
    "修订",
    "引进",
    "招引",
    "帮助",
    "收集",
    "推动",
    "扶持",
    "累计",
    "建立",
    "设立",
    "选树",
    "遴选",
    "命名",
    "申报",
    "推荐",
    "抽检",
    "抽查",
    "检测",
    "监测",
    "增加",
    "减少",
    "总计",
    "合计",
    "覆盖",
    "服务",
    "办理",
    "受理",
    "查办",
    "查处",
    "培养",
    "争创",
    "引导",
    "带动",
    "推广",
    "组建",
    "形成",
    "推出",
    "孵化",
    "集聚",
    "吸引",
    "引育",
    "开工",
    "投运",
    "上线",
    "开设",
    "开通",
    "储备",
    "改建",
    "提供",
    "新开工",
    "完成改造",
)
#: Units written in more than one way, and the one we report.
UNIT_CANONICAL = {"％": "%"}

#: Words right after a number that make it something other than a quantity.
#: Only words longer than the unit they start with matter (部委 beats the unit 部).
NON_TARGET_FOLLOWERS = (
    "部委",
    "部门",
    "方面",
    "名单",
    "期间",
    "周年",
    "个方面",
    "个环节",
    "个领域",
    "个阶段",
    "次方",
    "倍速",
    "人口",
    "万人口",
    "类别",
    "种类",
    "件事",
)
#: Words right before a number that make it something other than a quantity.
NON_TARGET_LEADERS = ("第", "每", "前", "后", "排名", "截至", "截止", "编号", "代码", "热线", "×", "＊", "*", "÷", "/")
#: Words that mark a number as an existing baseline, not a goal.
BASELINE_CUES = ("已", "现有", "目前", "截至", "截止", "原有", "已有", "预计")
#: Words that open the level a change starts from (由320万平方米提高到400万平方米, 从10天压缩至5天): the
#: number after one, followed by a verb of bringing it to another, is the base.
BASE_FROM_WORDS = ("由", "从")
#: The word right before a number that says it counts what was done: 落实了165名 (a fact).
COMPLETED_WORDS = ("了",)
#: Words earlier in a clause that say its counts are of events that happened: 共发生5级以上地震48次.
HAPPENED_WORDS = ("共发生", "累计发生", "先后发生", "相继发生", "发生了")
#: Words before 了 that make no completed aspect: 为了, 除了.
NOT_COMPLETED_BEFORE = ("为", "除")
#: Characters right before a year that make it a base, a start or one of a list, not the time a
#: sentence tells of: 比2020年, 较2023年末, 由2024年的, 以1995年…为基数, 从1996年开始, 与2020年相比.
YEAR_BASE_LEADERS = "比较由从自以与同和及、"
#: Words that may stand between a clause's start and the year that dates it (其中1995年…), and
#: prepositions that date what follows wherever they stand (我国在1995年…).
YEAR_OPENERS = ("其中",)
YEAR_PREPOSITIONS = ("在", "于")
#: Parts of a year that may follow it and still date a sentence: 1995年底, 2023年上半年, 2022年6月.
DATING_YEAR_PARTS = ("度", "底", "末", "初", "上半年", "下半年", "全年")
#: Words right after a year (or a part of it) that make it no date of what a sentence tells: a deadline
#: (2024年底前), a start (2024年起), a span (2021年至2025年), a base (2020年的30%, 2020年基础上), a list.
YEAR_NOT_DATING_AFTER = (
    "的", "前", "以前", "之前", "起", "开始", "以后", "后", "至", "到", "—", "－", "-", "～", "~", "、", "和",
    "及", "与", "基础", "水平",
)  # fmt: skip
#: The closing words of a baseline phrase: 在……的基础上.
BASELINE_FRAME = ("在", "基础上")
#: Fixed phrases built on numerals (never targets), beyond those in quotes.
NUMERAL_IDIOMS = (
    # words that start with a numeral but count nothing: 一批 (a number of), 一体 (as one) …
    "一批", "一系列", "一些", "一体", "一站式", "一线", "一流", "一级", "一般", "一定", "一致", "一起",
    "一律", "一步", "一道", "一并", "一次性", "一把手", "一揽子", "一张网", "一网", "一件事", "一码",
    "两岸", "两用", "两翼", "十大", "一人公司", "一人企业", "一人创业", "十分",
    # words built on a magnitude alone: 千家万户 (every household), 千方百计, 万家灯火
    "千家万户", "万家灯火", "千方百计", "千千万万", "千万家",
    # N位一体 (N things as one): 三位一体的督导体系
    "二位一体", "三位一体", "四位一体", "五位一体",
)  # fmt: skip

# --- horizons and deadlines ----------------------------------------------------------

#: Words before a year that set a horizon for what follows: 到2025年，…; 力争到2025年.
HORIZON_WORDS = ("到", "至", "截至", "截止到", "截止")
#: Words after a time that make it a deadline: 2023年底前, 6月底前, 3月31日以前.
BEFORE_WORDS = ("之前", "以前", "前")
#: Verbs whose object a bare part of the year may qualify (纳入年底考核, 列入年度计划): no time to reach.
#: Seasons and festivals of the year a task is done before (汛期前完成, 春节前完成): a deadline the genre
#: sets without a day (the season's days move from year to year), its date null as 持续推进's.
SEASON_ANCHORS = ("主汛期", "汛期", "汛", "春节", "元旦", "国庆节", "国庆", "五一", "清明", "端午", "中秋",
                  "春耕", "夏收", "三夏", "秋收", "三秋", "秋冬季", "冬季", "入冬", "冬春", "供暖季", "采暖季",
                  "供暖期", "采暖期", "雨季", "旱季", "开学", "春运")  # fmt: skip
#: What follows such a time when it is one to finish by (汛期前完成, 春节前全部建成, 入冬前，各地要…; the
#: bracket of a time alone, （汛期前）), and not a noun it qualifies (汛前隐患排查, 节前慰问): a verb of
#: finishing or starting, after a modal at most.
SEASON_DEADLINE_MODALS = ("必须", "务必", "均要", "要", "须", "需", "应", "均")
SEASON_DEADLINE_VERBS = ("完成", "建成", "实现", "达到", "到位", "见效", "完工", "竣工", "全面", "全部", "基本",
                         "启动", "开工", "投用", "投运", "交付", "开通", "出台", "发放", "办结", "清零")  # fmt: skip
NOUN_TAKING_VERBS = ("纳入", "列入", "作为", "的")
#: Parts of a year and the month and day they end on: 上半年 -> 06-30.
YEAR_PARTS = {
    "上半年": (6, 30),
    "下半年": (12, 31),
    "年底": (12, 31),
    "年末": (12, 31),
    "底": (12, 31),
    "末": (12, 31),
    "第一季度": (3, 31),
    "第二季度": (6, 30),
    "第三季度": (9, 30),
    "第四季度": (12, 31),
    "一季度": (3, 31),
    "二季度": (6, 30),
    "三季度": (9, 30),
    "四季度": (12, 31),
    # a quarter's end is the quarter's last day: 二季度末前 (genre 67), 第三季度末
    "第一季度末": (3, 31),
    "第二季度末": (6, 30),
    "第三季度末": (9, 30),
    "第四季度末": (12, 31),
    "一季度末": (3, 31),
    "二季度末": (6, 30),
    "三季度末": (9, 30),
    "四季度末": (12, 31),
}
#: Points of a year named without a year, and the words that join two of them: a task done at two
#: points of every year is done on a rhythm (在年中和年末向国务院报告: twice a year), by no one day.
YEAR_POINTS = (
    "年初", "年中", "年末", "年底", "上半年", "下半年", "第一季度", "第二季度", "第三季度", "第四季度",
    "一季度", "二季度", "三季度", "四季度", "一季度末", "二季度末", "三季度末", "四季度末",
)  # fmt: skip
YEAR_POINT_JOINERS = ("和", "及", "与", "、")
#: Words that grant a permission, not set a duty: a time in their clause bounds how long the permission
#: lasts (2020年年底前省属重点文化企业可免缴国有资本收益, gov_018), no time to finish by.  Only words
#: that are a modal before a verb: 可 alone starts too many words (可再生, 网上可办率, 可持续).
PERMISSION_WORDS = ("可以", "可免", "可暂缓", "允许", "准予", "免予", "免于", "暂免")
#: Kinds of document whose rules stand from year to year: a time in them that names no year (于年底前
#: 报送) comes back every year, as 每年 would say.
STANDING_KINDS = ("regulation",)
#: Words for "within the plan's year": 年内完成, 全年新增, 今年.
PLAN_YEAR_WORDS = ("本年度内", "本年度", "今年内", "年内", "全年", "今年", "当年", "本年")
#: Of those, the words that set a time to finish by (年内完成), not only scope a count to the year
#: (全年新增, 当年新建): they may be an item's 完成时限.
WITHIN_YEAR_WORDS = ("本年度内", "今年内", "年内")
#: Years named from the plan's own (its title's, else its date's): 今年底前 in a plan of 2025 is
#: 2025-12-31, 明年6月底前 2026-06-30.  Read only with a part of the year or a month after them
#: (今年 alone is one of PLAN_YEAR_WORDS).
RELATIVE_YEARS = {"今年": 0, "本年": 0, "当年": 0, "明年": 1, "次年": 1, "后年": 2, "去年": -1}
#: Characters before a relative year's first that make the two one word, the year no year:
#: 说明|年底前, 应当|年内, 基本|年底, 今后|年底, 人次|年底, 至今|年底 is left to 至 (截至今年底: a horizon).
NOT_BEFORE_RELATIVE_YEAR = {
    "今": "如迄当现自古",
    "本": "成资基根样文版剧课账日原范脚蓝副正",
    "当": "相应适担正恰妥得充每理",
    "明": "说注标表证查载写声指阐列申透鲜光文聪简开发公英高清分严照",
    "次": "一二两三四五六七八九十多首层依年人其再班批届车档逐屡频数",
    "后": "今此之以然最前其随过落滞先背善身",
    "去": "过失回除上下进出离死",
}
#: What after a year makes it date a thing rather than open a clause of work: 2023年度, 2023年的.
#: A span's joiner is one (2025年—2027年: the span is read at its last year).
YEAR_FOLLOWERS = ("度", "的", "第", "版", "起", *YEAR_RANGE_JOINERS, "、", "和", "及", "，", ",", "。")
YEAR_PHRASES = ("以来", "以前", "前后", "开始", "上半年", "下半年")
#: Words after a span of years (2025—2027年) that make it no time to reach: a name of its years
#: (2021—2023年度先进集体), or what has gone on since (2019—2021年以来).
SPAN_NOT_TIME_FOLLOWERS = ("度", "以来")
#: Words between the years of a span that a horizon's word may be (2002年|到2005年): the last year's
#: 到 or 至 then joins the span.
SPAN_HORIZON_JOINERS = ("到", "至")
#: Verbs after a year that open a paragraph with something said of the year (2024年是…的关键之年),
#: not the work it is the time of (2025年农村公路工作的总体思路是).
YEAR_SUBJECT_VERBS = ("是", "为")
#: Five-year periods by the year they end: 到“十四五”末 -> 2025-12-31.
PERIOD_END_YEARS = {
    "六五": 1985, "七五": 1990, "八五": 1995, "九五": 2000, "十五": 2005,
    "十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035,
}  # fmt: skip
#: Periods whose name is a number too (十五个, 第十五条): a period only in quotation marks (“十五”期间).
QUOTED_PERIODS = ("十五",)
#: Period names built from numerals (not 十五, the tenth plan's: a number too, 十五个).
PERIOD_NAMES = tuple(name for name in PERIOD_END_YEARS if name not in QUOTED_PERIODS)
#: Words after a period's name that make it the span of the period (“十四五”期间, “九五”时期): what is set
#: for it is due at its end.
PERIOD_SPAN_WORDS = ("时期", "期间")
#: Words after a time that make it when a task starts (2024年起, 2025年6月开始): no time to finish by.
START_WORDS = ("起", "开始")
#: Words before such a time: 自2024年起, 从2025年开始.
FROM_WORDS = ("自", "从")
#: Words that open a clause saying how often a task comes back (每年开展, 按季度推进, 定期通报): its
#: rhythm, no time to finish by.
RHYTHM_WORDS = ("每年", "每半年", "每季度", "每季", "每月", "每周", "每两年", "按年度", "按半年", "按季度", "按季",
                "按月", "按周", "按年", "定期", "逐年")  # fmt: skip
#: Deadlines that give no date: a task that goes on (长期坚持, 持续推进).
ONGOING_PHRASES = ("长期坚持", "持续推进", "持续开展", "持续实施", "长期推进", "常态化推进", "常态推进", "长期",
                   "持续")  # fmt: skip

# --- what a target is set as, and what is no target ----------------------------------

#: Verbs of reaching a level: a number after one is a floor (达到96.5% is >=); 稳定在 and a
#: count to do (新增150所) stay =.
REACH_VERBS = ("达到", "达", "实现", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到",
               "增长至", "增至", "升至", "上升到", "上升至", "扩大到", "扩大至")  # fmt: skip
#: Characters before 达 and words after it that make it no verb of reaching (传达, 发达, 达成).
NOT_REACH_BEFORE = ("传", "表", "送", "下", "通", "抵", "发", "到", "转")
NOT_REACH_AFTER = ("成", "标")
#: Verbs of bringing a level down to a number: a ceiling (降至3%, 缩短至5个工作日 are <=).
REACH_DOWN_VERBS = ("降至", "降到", "降低到", "降低至", "下降到", "下降至", "减少到", "减少至", "压减到", "压减至",
                    "压缩到", "压缩至", "缩短到", "缩短至", "减至", "控制到")  # fmt: skip
#: Words of a subsidy or reward: the numbers of a clause that grants one, and of the condition
#: that leads to it (对…的，给予…), are policy parameters, not goals.
SUBSIDY_WORDS = ("给予", "补助", "补贴", "奖励", "资助", "贴息", "补偿", "奖补", "减免", "免收", "免征", "免除", "返还",
                 "报销", "资金扶持", "资金支持", "予以支持", "礼包")  # fmt: skip
#: Words that open the name of a combined amount (总面积, 累计, 合计): a bound on one inside a 的 phrase that a
#: goal verb governs is a goal for all the things made together (打造总面积不低于100万平方米的社区), not a
#: measure of each one; 总部 and 总体 are no total.
TOTAL_HEADS = ("总", "累计", "合计")
NOT_TOTAL_HEADS = ("总部", "总体", "总书记")
#: A word that closes a list of names before the count that totals it (北京、上海、广州等3个城市).
LIST_CLOSERS = ("等",)
#: What after a count makes it the size of what follows: 超过1000人规模的学校 (which schools).
SIZE_OF_WORDS = ("规模的", "规模以上的")
#: Words right after a count that say what it counts is already under way or built (加快3座在建抽水蓄能电站建设,
#: 推进12个续建项目): the scope the work acts on, not a goal.
UNDER_WAY_WORDS = ("在建", "续建", "在运", "在役", "已建")
#: Measures a rule fixes rather than a result reaches: the weight an assessment gives (考核权重不低于5%).
RULE_MEASURES = ("权重",)
#: Words that state a norm (原则上不高于0.5%, 面积原则上不少于1万平方米): a bound after one, with no goal verb
#: between, is a rule the plan sets for others, not a result to reach (原则上每个省培育一家 is a goal).
NORM_WORDS = ("原则上",)
#: Money a body spends and the verb of what it goes to, then a share of it: 福利彩票公益金用于养老服务的比例不低于
#: 55%, 车购税资金用于农村公路养护的比例 — a bound on that share is a rule for how the money is spent, not a goal.
SPENT_FUNDS = ("资金", "公益金", "经费", "基金", "收益", "收入")
SPENDING_VERBS = ("用于",)
SHARE_WORDS = ("比例", "比重")
#: Verbs of precedence (优先支持其区域内1家…): how many a rule puts first, not a goal (优先发展10个产业 is one).
PRECEDENCE_WORDS = ("优先支持", "优先推荐", "优先安排", "优先保障", "优先纳入", "优先给予", "优先考虑", "优先使用")
#: Words before an amount of money that make it a cap or a rate (单笔最高不超过20万元, 每人1000元).
MONEY_CAP_WORDS = ("最高", "最多", "上限", "单笔", "单个", "单家", "单项", "单户", "每家", "每人", "每户", "每个",
                   "每项", "每亩", "每立方米", "每平方米", "标准为", "标准")  # fmt: skip
#: Verbs by which a plan names its own parts: 实施八项主要任务, 围绕五个方面, 提出20条措施.
SELF_REFERENCE_VERBS = (
    "实施",
    "提出",
    "明确",
    "部署",
    "包括",
    "围绕",
    "聚焦",
    "突出",
    "从",
    "重点实施",
    "组织实施",
    "调整为",
    "增加为",
    "办好",  # 办好10件民生实事: the projects of a 民生实事 plan, each one of its tasks
)  # fmt: skip  (…措施调整增加为30项督查激励措施)
#: Units and nouns of a count of the plan's own parts: 实施八项主要任务, 十条政策措施, 办好10件民生实事.
PART_COUNT_UNITS = ("项", "条", "个", "大", "件")
OWN_PART_NOUNS = tuple(
    f"{kind}{noun}"
    for kind in ("", "主要", "重点", "具体", "政策", "重大")
    for noun in ("任务", "措施", "举措", "行动", "工程", "方面", "政策措施", "民生实事")
)
#: Titles of the headings that frame a plan's tasks rather than set one (GB/T 9704 leaves them to the
#: drafter; the genre uses these): the aims and principles before the tasks, the safeguards after them.
#: The aims and principles come first; a plan whose tasks carry no notes keeps its safeguards as items
#: (each sets work: 加强组织领导…), but its aims frame it all the same.  目标任务 (aims and tasks) is no aim
#: title here: in a plan with no notes a section so titled may hold the tasks themselves (一、目标任务 /
#: （一）完成人工造林1.5万亩…), and it frames only where the tasks carry notes.
AIM_TITLES = (
    "总体要求", "指导思想", "基本原则", "工作原则", "主要目标", "发展目标", "总体目标", "工作目标", "总体思路",
    "行动目标", "重要意义", "主要原则", "基本思路", "工作思路",
)  # fmt: skip
#: Words a framing heading's title may end with (二、清理整顿的原则, （二）从严的原则。): principles
#: named by what they govern frame the tasks as 基本原则 does.
AIM_TITLE_ENDINGS = ("原则",)
#: Verbs a framing heading may open with (强化保障措施, 加强组织实施, 完善保障机制): the title is what follows.
TITLE_VERBS = ("加强", "强化", "完善", "健全", "做好", "抓好", "切实", "落实")
#: Titles of a section that reports where things stand (一、发展现状): the facts and results it gives
#: are past, never goals.
SITUATION_TITLES = (
    "发展现状", "发展基础", "现状", "基本情况", "工作基础", "现实基础", "产业基础", "发展形势", "面临形势",
    "面临的形势", "形势分析", "基础与形势", "发展背景", "背景", "总体情况", "工作回顾", "取得成效", "主要成效",
    "存在问题", "发展成效",
)  # fmt: skip
#: Words of a title that names the aims beside where things stand (发展现状与目标, 发展基础和主要任务): its
#: section states goals as well, and is read for them.
SITUATION_AND_AIM_WORDS = ("目标", "任务", "思路", "要求", "方向")
#: Where the tasks carry notes, the safeguards that name no unit, and the layout that says where
#: things go (三、产业布局 （一）“四聚”。…), frame them too.
FRAMING_TITLES = (
    *AIM_TITLES, "目标任务", "保障措施", "保障机制", "组织保障", "组织实施", "实施保障", "工作要求",
    "产业布局", "空间布局", "总体布局", "发展布局", "区域布局",
)  # fmt: skip
#: Words of a notice that sends a plan (关于印发…的通知, 转发): its attachment is the plan.
SENDING_WORDS = ("印发", "转发", "下发")
#: What kind of document a title names, by the word it ends with (what a notice sends, where it
#: sends one): a plan sets tasks; a reply answers; a bulletin reports; a regulation rules; a decision
#: decides.  Longest first where one ends another (工作要点 before 要点, 复函 before 函).  A 通知 that
#: sends nothing is a plan when it sets numbered tasks, else another kind of document.
DOCUMENT_KINDS = (
    ("复函", "reply"), ("批复", "reply"), ("答复", "reply"), ("回复", "reply"),
    ("通报", "bulletin"),
    ("实施细则", "regulation"), ("条例", "regulation"), ("办法", "regulation"), ("规定", "regulation"),
    ("细则", "regulation"), ("规则", "regulation"), ("章程", "regulation"), ("准则", "regulation"),
    ("决定", "decision"), ("决议", "decision"),
    ("工作要点", "plan"), ("要点", "plan"), ("方案", "plan"), ("计划", "plan"), ("规划", "plan"),
    ("纲要", "plan"), ("意见", "plan"), ("措施", "plan"), ("举措", "plan"), ("清单", "plan"),
    ("预案", "other"),  # an emergency plan: what each does when it happens, not tasks to carry out
    ("任务", "plan"), ("安排", "plan"), ("部署", "plan"),
    ("函", "other"),  # a letter that sends nothing (…办理情况的函), unless it says it answers: REPLY_STATEMENTS
)  # fmt: skip
#: What a letter (函) that answers says of itself (现将有关情况函复如下): it is a reply.
REPLY_STATEMENTS = ("函复如下", "答复如下", "复函如下", "特此函复", "特此答复")
#: The kinds in Chinese, for messages.
DOCUMENT_KIND_NAMES = {
    "plan": "工作方案", "reply": "复函或批复", "bulletin": "通报", "regulation": "规章", "decision": "决定",
    "other": "其他公文",
}  # fmt: skip
#: Words that end a notice's title that only covers what it holds.
COVER_TITLES = ("通知",)
#: Words before a time that make it the base of a change (较2023年末, 比上年末, 与2020年; the from of a
#: from–to, 由2023年底的1,200家增加到2,400家): not a time to reach.
BASELINE_TIME_WORDS = ("较", "比", "与", "同", "相对", "相比", "较上", "比上", "上", "由")
#: What parts the stages of one task (3月底前完成招标，5月底前开工; 一季度：完成设计；二季度：开工建设): a comma or a
#: semicolon, the time opening each stage's clause.
STAGE_SEPARATORS = "，,；;"
#: What may follow a stage's time, before what is done then: a colon (一季度：完成项目清单编制).
STAGE_LABEL_ENDS = "：:"
#: Words before a time that make it come back (每年1月31日前): no one deadline.
RECURRING_WORDS = ("每年", "每季", "每月")
#: Words after a number that make it a standard to build to, not a goal: 不低于20平方米的标准.
STANDARD_WORDS = ("的标准", "的要求")
#: Units that count a goal only where a goal verb or a bound stands before the number (人均预期寿命
#:达到80.6岁, 达到4级以上); else they describe (60岁以上老年人, 三级公立医院).
GOAL_ONLY_UNITS = ("岁", "级")
#: The verbs of a level to reach, before such a unit: 人均预期寿命达到80.6岁.
LEVEL_VERBS = ("达到", "达", "提高到", "提高至", "提升到", "提升至", "增加到", "增至", "保持在", "稳定在", "超过")
#: What a plan does to those who fall short: a threshold before one is a condition (对…低于50%的地区进行通报).
SANCTION_WORDS = ("通报", "约谈", "问责", "追责", "扣减", "扣除", "取消", "收回", "处罚", "挂牌督办", "督办")
#: Units of events whose number per period is a rhythm, not a goal: 每年召开2次, 每季度至少举办1场.
EVENT_UNITS = ("次", "场", "期", "轮")
#: Denominators of a rhythm: 3次/年.
PER_PERIOD = ("/年", "/季度", "/季", "/月", "/周", "／年", "／季度", "／月")
#: How a 主送机关 line may end besides an office's name: people (副主席, 委员) and kinds of bodies.
ADDRESSEE_ENDINGS = (
    "主席",
    "委员",
    "同志",
    "代表",
    "机构",
    "企业",
    "组织",
    "协会",
    "学会",
    "医院",
    "学校",
    "高校",
    "银行",
    "团体",  # 各人民团体
    "社团",
)
#: A time that says a service runs round the clock, not a bound (24小时“不打烊”服务; 24小时内 is one).
ROUND_THE_CLOCK = ("24小时",)
#: Posts of a body, before the number of people who hold them: 设召集人1人, 副组长2名.
POST_NAMES = ("召集人", "组长", "主任", "委员", "成员", "秘书长", "联络员", "代表")
#: Words before a number that say what a kind is in general, not a goal: 人员规模一般10人以下.
GENERAL_WORDS = ("一般", "一般在", "一般为", "通常", "通常在", "通常为")
#: Words that make what a clause sets a rule for each one, whatever its unit: 单个场景投入不低于5万元.
#: 均 (each) right before a bound: with a count before it, a standard each of those must meet.
EACH_WORDS = ("均", "都")
EACH_ONE_WORDS = ("单个", "单笔", "单家", "单户", "单次", "单人")  # not 单项 (单项冠军企业)
#: Words that open a clause whose subject is each one of a kind (每个试点城市带动…): after a clause that counts
#: those ones, what each is to do follows their making or choosing, not the deadline that times it.
EACH_SUBJECT_WORDS = ("每个", "每一个")
#: A period a benefit lasts (优惠期不超过36个月): its bound is a rule, not a goal (a 结案周期 or
#: 办理时限 is a goal of service).
BENEFIT_PERIOD_ENDS = tuple(
    f"{benefit}{period}"
    for benefit in (
        "优惠",
        "补贴",
        "补助",
        "扶持",
        "支持",
        "资助",
        "奖励",
        "贴息",
        "减免",
        "免租",
        "租",
        "孵化",
        "享受",
    )
    for period in ("期", "期限")
)
#: Words that join a clause to the one before with the same subject (…,并给予政策支持): what
#: follows is more of the task, not what a condition grants.
SAME_SUBJECT_JOINERS = ("并", "同时")
#: Words right before a number that make it the most a rule allows (最高100万元, 最长30天).
CAP_WORDS = ("最高", "最长", "上限")
#: Verbs of a grant in a clause: with them, a subsidy word makes its numbers parameters.
GRANT_VERBS = ("给予", "予以", "发放", "享受")
#: Verbs of winning funds from a higher level: the subsidy they take in (争取中央和省级城市更新补助资金不低于
#: 20亿元) is a goal, not a grant the plan gives (争取新增专项债券额度800亿元以上 is one too).
WINNING_VERBS = ("争取",)
#: A fund the plan sets up, and the word of its size: 设立城市更新基金，首期规模50亿元 and 设立…基金，基金规模不低于
#: 5亿元 size the means the work takes, as 设立规模50亿元的…基金 does (a goal of a fund's size names no fund set
#: up: 到2028年，全市OPC基金总规模超30亿元).
FUND_SETUP_VERBS = ("设立", "组建", "成立", "发起")
FUND_WORDS = ("基金",)
SIZE_WORD = "规模"
#: Words of a budget the government allocates (市财政安排专项资金3亿元).
BUDGET_WORDS = ("安排", "预算", "经费", "专项资金", "统筹资金", "设立资金",
                # vouchers the government issues: their sum is a budget (服务券规模不少于10亿元)
                "服务券", "算力券", "消费券", "创新券", "数据券", "模型券", "培训券")  # fmt: skip
#: Verbs by which a government pools or raises funds for a use, before the name of the funds and 资金 (县财政统筹
#: 整合涉农资金1.2亿元用于…, 筹措资金2亿元): the sum is a budget allocated, not a target (a sum won from a higher
#: level, 争取…补助资金, is one).
POOLING_VERBS = ("统筹", "整合", "筹措", "筹集", "盘活")
FUNDS_NOUN = "资金"
POOLED_FUNDS_REACH = 10  # characters of the funds' name between the verb and 资金 (各级财政专项)
#: Words that open what a condition grants or allows: …的，可申报 / 可享受 / 可认定.
ELIGIBILITY_WORDS = ("可",)
#: Words before 的 that make a share a rate of a base amount (实际发生金额的30%, 投资额的20%).
BASE_AMOUNT_WORDS = (
    "金额",
    "额",
    "费用",
    "费",
    "投入",
    "投资",
    "收入",
    "成本",
    "利率",
    "利息",
    "价格",
    "总额",
    "资金",
    "价",
)  # fmt: skip  (市场价的三分之二)
#: Words after 按 that make it no rate frame (按时, 按期, 按标生产, 按需).
NOT_RATE_FRAME_AFTER = ("时", "期", "标", "需", "要求", "计划", "规定", "程序")
#: Words of a later clause that make a deadline hold for the whole sentence (…，6月底前全面完成).
TOTALITY_WORDS = ("全面", "全部", "均", "全")
#: Words that open the condition of a grant: 对…的，给予…; 凡…的.
CONDITION_WORDS = ("对于", "对", "凡")
#: Words that open a list of conditions a body must meet: 符合下列要求的社会团体予以保留; 还应具备：.
CONDITION_LIST_VERBS = ("符合", "具备", "具有")
CONDITION_LIST_WORDS = ("条件", "要求", "标准")
#: Verbs of having a capability, and the capability: a level or an amount between them is the capability
#: a goal sets (基本具备抗御6级左右地震的能力, 形成年产100万吨的生产能力), with no verb that reaches it.
CAPABILITY_VERBS = ("具备", "形成", "拥有")
CAPABILITY_NOUN = "能力"
#: Words before such a verb that make the capability one already there (已具备…能力): a fact.
ALREADY_WORDS = ("已", "业已", "曾")
#: Modals of what a body must have, setting a threshold in a list of conditions: 应有10万元以上资金.
POSSESSION_MODALS = (
    "应有", "须有", "应具备", "须具备", "需具备", "应当具备", "必须具备", "应具有", "须具有", "应当具有", "必须具有",
)  # fmt: skip
#: Words of a penalty: numbers in a clause that imposes one are its bounds, not goals (处1万元以上5万元
#: 以下的罚款, 并处违法所得1倍以上5倍以下的罚款).
PENALTY_WORDS = ("罚款", "罚金")
#: Words that open a clause about the things a number describes (围绕12条产业链, 针对300种商品): the number
#: counts what the task works on, not what it must reach.
QUALIFYING_PREPOSITIONS = ("围绕", "针对", "面向", "瞄准", "聚焦于")
#: 对 opening a clause names what the work is done on: where the work observes (对全市100家重点零售企业开展月度
#: 监测: OBSERVING_WORDS), the count is the sample, not a goal; where it serves or changes what it counts (对1000名
#: 农村劳动力开展技能培训, 对50个村开展人居环境整治), the count is how much work to do.  Not 对接, 对标, 对外.
OBJECT_PREPOSITIONS = ("对",)
OBSERVING_WORDS = ("监测", "调查", "统计", "跟踪", "监控", "抽样")
#: 以…为… opening a clause names the means the work takes (以8个国家算力枢纽为抓手), not 以上, 以下, 以来.
MEANS_OPENER = "以"
MEANS_CLOSER = "为"
NOT_MEANS_OPENERS = ("以上", "以下", "以来", "以及", "以内", "以外", "以前", "以后")
NOT_OBJECT_AFTER = ("接", "标", "外", "口", "照", "话", "比", "于")
#: Units that count the noun after 的 (培育10家以上的龙头企业: a count to reach) where a goal verb stands
#: before the number; any other unit before 的 measures what follows (年营业收入500万元以上的企业,
#: 20户以上的村): a qualifier, not a goal.
COUNTING_CLASSIFIERS = ("个", "家", "项", "所", "座", "条", "处", "名", "支", "批", "台", "辆", "艘", "部", "款", "种",
                        "类", "间", "套", "件", "场", "次", "期", "届", "人", "人次", *MEASURE_WORDS)  # fmt: skip
#: Comparator words after a number that make it a threshold where a name follows them (1亿元以上规上企业).
THRESHOLD_SUFFIXES = ("以上", "以下")
#: Of those, the ones that set a floor: a threshold with one, then a name and a count, qualifies what is
#: counted (亿元以上工业项目30个).
FLOOR_SUFFIXES = ("以上",)
#: Verbs whose object after 的 is what they reach, the number before 的 a measure of it (覆盖20户以上的村).
REACHING_VERBS = ("覆盖", "服务", "惠及", "辐射", "联系")
#: Nouns of a project a measure may size in its name (80万吨乙烯改扩建项目): the measure names it.
PROJECT_NOUNS = ("项目", "工程")
#: Words of a span that recurs daily or weekly: a time bound within one (每天…不少于1小时) is a standard kept.
DAILY_WORDS = ("每天", "每日", "每周", "每节")
#: What opens a count set for each of a kind (每个省培育一家): one each is a count, not one of a kind.
EACH_HEAD = "每个"
#: What after 每 makes a rhythm, not a head (每年, 每季度, 每月): 每年提供岗位1000个 is a yearly volume.
PERIOD_HEADS = ("年", "季", "月", "周", "天", "日", "批", "次", "届")
#: Verbs of a standard a rule sets for each one (为每人提供3个岗位信息, 每户补贴500元, 各中小学配备1名).
PROVISION_VERBS = ("提供", "给予", "发放", "补贴", "补助", "奖励", "资助", "享受", "配备", "安排")
#: How often something is done and chosen, before the cap of each round: 每年遴选不超过20个.
ROUND_WORDS = ("每年", "每批", "每次", "每届", "每季度", "年度")
SELECTION_VERBS = ("遴选", "评选", "认定", "推荐", "评定", "选树", "选拔", "命名")
#: Words before an hour that make it a time of day (晚8时40分).
TIME_OF_DAY_WORDS = ("凌晨", "早上", "上午", "中午", "下午", "晚上", "傍晚", "早", "晚", "日")
#: Units that are shares of something.
PERCENT_UNITS = ("%", "％", "‰")
#: Units of money (a target in 元 under a subsidy word is a parameter).
MONEY_UNITS = ("元", "美元", "欧元", "港元", "日元")
#: Words that spread one number over each subject listed before them (水稻、小麦收储率均达到90%),
#: or one number to each subject in turn (分别达到98%和95%).
RESPECTIVELY_WORDS = ("分别",)
#: Words right before a number that give it to each subject listed before them, as 均 does before the
#: verb: 宫颈癌、乳腺癌筛查各30万人 (30万 each).  Only right before the number: 各 elsewhere opens a name
#: (各县（市、区）, 各地).
EACH_BEFORE_NUMBER = ("各",)
#: Verbs of a clause that completes a task (…，6月底前全面完成改造任务, …，10月底前全部完工).
COMPLETION_WORDS = ("完成", "建成", "实现", "达到", "到位", "见效", "完工", "竣工")


# --- the plan's closing text ----------------------------------------------------------------

#: What a plan calls the provisions after its tasks (scope, interpretation, when it takes
#: effect): a heading of its own, numbered (五、附则) or not (附    则, centred).
CLOSING_HEADINGS = ("附则", "其他事项")
#: What a plan's document calls itself in the sentence that says when it takes effect
#: (本措施自2026年3月18日起施行): such a sentence is closing text, not a task.
#: What a report or a request (报告, 请示) says of itself at its end, after 以上意见 or 上述建议: the
#: formula that asks for approval (以上意见如无不妥，请批转各地执行; 妥否，请批示).
REQUEST_CLOSINGS = ("如无不妥", "如无不当", "如无异议", "妥否", "当否", "如可行")
SELF_NAMES = (
    "文件",
    "通知",
    "意见",
    "实施意见",
    "方案",
    "实施方案",
    "工作方案",
    "措施",
    "若干措施",
    "政策措施",
    "举措",
    "办法",
    "政策",
    "计划",
    "行动计划",
    "行动方案",
    "细则",
    "规定",
    "要点",
    "工作要点",
    "实施细则",
    "细则",
    "实施办法",
    "管理办法",
    "指导意见",
    "规划",
    "若干政策",
    "政策措施",
    "政策",
    "条款",
    "条例",
)
#: Words that repeal an earlier document: 自本通知印发之日起，《…》停止执行.
REPEAL_WORDS = ("停止执行", "同时废止", "废止", "不再执行", "自行失效", "失效")
#: Verbs of taking effect: 施行, 实施, 执行, 生效.
TAKES_EFFECT = ("施行", "实施", "执行", "生效")

# --- script ---------------------------------------------------------------------------

#: The commonest characters of plans printed in traditional script that simplified text never holds
#: (made from OpenCC's s2t, s2tw and s2hk conversions of the corpus, leaving out any character the
#: simplified texts hold): one of them in a text is worth converting it (parse/script.py).
TRADITIONAL_HINTS = (
    "業務發國產實創體設動區數進資關機開強應單學對責辦會規據術點經專級項標場質與構導門監領廳為現優職組於準"
    "個統範網醫計時勵態聯負頭內備協農條營費員權總過轉給電製執評測萬試織結濟縣審報牽臺劃調財運長際鏈確價環"
    "傳檢擔爲處補養認決礎驗續類題識間糧廣積將師參圍裝並佈證況訓問納揮極險議號線黨稅堅達團園療賽藥車東綜後"
    "見護請採來絡勢預當購額籌適風種貸貫節獎鄉嚴記減爭義鍵舉習託則廢庫屬選銀徹撐帶貼隊層別雙競羣戰從課無覈"
    "軟書績穩擴錄維儲顯約綠視蓋斷賦銷稱較災軍衛興滿變雲眾繞轄戶遊貿編鎮緊龍論兩繼違訂語響華終載幹診掛詢億"
    "隨簡勞歷獲藝兒繳們難佔礦連複細針崗註諮齊氣徵踐圖階臨撥償徑築輸壯練復狀週獨衆輔離觀樣換屆馬擬許蘇擇壓"
    "債冊紀幫廠黃畢寬輛還輕樹碼虛邊銜島圓係檔買誌損紅併倉該餘驅須頓遷傾豐暢讓漢橋駐獻賬慶頻匯陽溝館禦魯讀"
    "貧煙躍貢簽聽寧趨異歸潛揚擊釋彙啓夥貨牀陣側儀訴張罰蹤聲糾遠舊討鋼腦賃熱話遺奧遼灣汙塊髮靈欄羅這懸順紐"
)

#: What a plan calls the tasks it assigns by their number (第（一）项任务由A牵头, 第三项工作由B负责).
ASSIGNED_TASK_NOUNS = ("任务", "工作", "措施", "内容", "举措")
# A range of tasks (第（六）至（八）项) is joined as any range is (RANGE_JOINERS), and 分别 hands the
# units listed out over the tasks in order (RESPECTIVELY_WORDS).
