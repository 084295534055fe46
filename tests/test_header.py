"""The notice around a plan (parse/header.py): cases grouped by where they come from."""

from __future__ import annotations

import pytest

from zhiliang_cli.parse.pipeline import parse_text

PLAN_BODY = "一、工作目标\n（一）做好甲项工作。（牵头单位：市甲局）\n"

# (id, the text before the plan's first section, plan_title, note)
TITLES = [
    # --- seen in a plan (pages_019) ---
    (
        "period-on-the-line-under-the-title",
        "某市工业和信息化局关于印发《某市行动计划（2026—2027年）》的通知\n深工信〔2026〕2号\n各有关单位：\n"
        "现印发实施。\n某市工业和信息化局\n2026年1月14日\n某市行动计划\n（2026—2027年）\n为深入实施行动，特制定本计划。\n",
        "某市行动计划（2026—2027年）",
        None,
    ),
    # --- seen in a plan (pages_021): an un-numbered heading under the preamble, above the first entry ---
    (
        "the-title-the-notice-quotes-over-an-unnumbered-heading",
        "某区管委会印发《某区关于支持创业的若干措施》的通知\n某园管〔2025〕40号\n各部门：\n"
        "《某区关于支持创业的若干措施》已经审议通过，现印发给你们。\n某区管理委员会\n2025年11月27日\n"
        "（此件公开发布）\n某区关于支持创业的若干措施\n为推动创业，特制定本措施。\n具体举措\n",
        "某区关于支持创业的若干措施",
        "此件公开发布",
    ),
    # --- seen in a plan (gov_052): a forwarded request printed without its issuer, with 的 before 请示 ---
    (
        "a-forwarded-request-printed-without-its-issuer",
        "某省人民政府办公厅转发省教育厅\n关于某某班扩大规模\n有关问题请示的通知\n某办发〔1996〕32号\n各市人民政府：\n"
        "省教育厅《关于某某班扩大规模有关问题的请示》已经省人民政府同意，现转发给你们。\n"
        "某省人民政府办公厅\n一九九六年七月十七日\n关于某某班\n扩大规模有关问题的请示\n省人民政府：\n"
        "为加快发展，现将有关问题请示如下：\n",
        "关于某某班扩大规模有关问题的请示",
        None,
    ),
    # --- made up to probe a rule ---
    # the title printed otherwise than the notice quotes it: a short line right under the preamble is a
    # heading all the same where a title stands above the preamble
    (
        "an-unnumbered-heading-under-the-preamble-is-not-the-title",
        "某市人民政府关于印发《某市若干措施》的通知\n各区人民政府：\n现印发实施。\n某市人民政府\n2024年1月4日\n"
        "某市关于支持创业的若干措施\n为推动创业，特制定本措施。\n具体举措\n",
        "某市关于支持创业的若干措施",
        None,
    ),
    (
        "period-then-the-first-section-at-once",
        "某市人民政府关于印发某市行动计划的通知\n各区人民政府：\n现印发实施。\n某市人民政府\n2024年1月4日\n"
        "（此件公开发布）\n某市行动计划\n（2024-2026年）\n",
        "某市行动计划（2024-2026年）",
        "此件公开发布",
    ),
    (
        "edition-on-the-line-under-the-title",
        "某市人民政府关于印发某市管理办法的通知\n各区人民政府：\n现印发实施。\n某市人民政府\n2024年1月4日\n某市实施方案\n（试行）\n",
        "某市实施方案（试行）",
        None,
    ),
    (
        "a-note-after-the-date-is-still-a-note",
        "某市人民政府关于印发某市实施方案的通知\n各区人民政府：\n现印发实施。\n某市人民政府\n2024年1月4日\n（此件主动公开）\n"
        "某市实施方案\n",
        "某市实施方案",
        "此件主动公开",
    ),
    # a web page's furniture after the date, in brackets of its own: not the notice's 附注
    (
        "an-editor-in-brackets-after-the-date-is-furniture",
        "某市人民政府关于印发某市实施方案的通知\n各区人民政府：\n现印发实施。\n某市人民政府\n2024年1月4日\n（责任编辑：张三）\n"
        "某市实施方案\n",
        "某市实施方案",
        None,
    ),
    (
        "a-source-in-ascii-brackets-after-the-date-is-furniture",
        "某市人民政府关于印发某市实施方案的通知\n各区人民政府：\n现印发实施。\n某市人民政府\n2024年1月4日\n(来源:某市人民政府网)\n"
        "某市实施方案\n",
        "某市实施方案",
        None,
    ),
    (
        "print-links-in-square-brackets-are-not-the-title",
        "某市人民政府关于印发某市实施方案的通知\n各区人民政府：\n现印发实施。\n某市人民政府\n2024年1月4日\n"
        "[打印本页] [关闭窗口]\n某市实施方案\n",
        "某市实施方案",
        None,
    ),
    (
        "a-letter-spaced-title-line",  # gov_047: 国 务 院 工 作 规 则, the printer's stretching of a short title
        "国务院关于印发《某某工作规则》的通知\n各部门：\n现予印发。\n国务院\n2024年1月4日\n某 某 工 作 规 则\n",
        "某某工作规则",
        None,
    ),
    (
        "the-note-kept-above-an-editor-line",
        "某市人民政府关于印发某市实施方案的通知\n各区人民政府：\n现印发实施。\n某市人民政府\n2024年1月4日\n（此件公开发布）\n"
        "（责任编辑：张三）\n某市实施方案\n",
        "某市实施方案",
        "此件公开发布",
    ),
]


@pytest.mark.parametrize(("head", "title", "note"), [c[1:] for c in TITLES], ids=[c[0] for c in TITLES])
def test_plan_title_and_note(head: str, title: str, note: str | None) -> None:
    plan = parse_text(head + PLAN_BODY)
    assert (plan["plan_title"], plan["note"]) == (title, note)


# (id, the recipients line, the recipients)
RECIPIENTS = [
    (
        "ending-in-the-peoples-organisations",
        "各县（市、区）党委和人民政府，市委各部委，市直各单位，各人民团体：",
        ["各县（市、区）党委和人民政府", "市委各部委", "市直各单位", "各人民团体"],
    ),
    # --- seen in a plan (pages_022, pages_021) ---
    (
        "each-set-of-its-own",
        "管委会各部门、各直属单位，临港新片区各镇、各开发公司、各有关单位：",
        ["管委会各部门", "各直属单位", "临港新片区各镇", "各开发公司", "各有关单位"],
    ),
    ("zones-then-offices", "各功能区、各部委办局、各派驻机构：", ["各功能区", "各部委办局", "各派驻机构"]),
    # --- made up to probe a rule: names that hold 、 stay whole ---
    ("levels-of-one-office", "各省、自治区、直辖市人民政府：", ["各省、自治区、直辖市人民政府"]),
    (
        "places-sharing-the-office-named-last",
        "各设区市、平潭综合实验区领导小组办公室，省直有关单位：",
        ["各设区市、平潭综合实验区领导小组办公室", "省直有关单位"],
    ),
    ("kinds-of-one-office", "各区人民政府，市政府各委、办、局：", ["各区人民政府", "市政府各委、办、局"]),
]


def test_a_letter_spaced_notice_title_is_read_whole_and_finds_the_title_it_sends() -> None:
    """gov_041: 国务院办公厅关于印发 / 国 家 粮 食 应 急 预 案 的 函 — without its spaces the title it sends
    is found below (else a line of the contents stood for it)."""
    head = (
        "某办公厅关于印发\n某 某 应 急 预 案 的 函\n某办函〔2005〕5号\n各部门：\n现印发给你们。\n"
        "某办公厅\n2005年6月1日\n某某应急预案\n"
    )
    plan = parse_text(head + PLAN_BODY)
    assert (plan["title"], plan["plan_title"]) == ("某办公厅关于印发某某应急预案的函", "某某应急预案")


@pytest.mark.parametrize(("line", "recipients"), [c[1:] for c in RECIPIENTS], ids=[c[0] for c in RECIPIENTS])
def test_recipients(line: str, recipients: list[str]) -> None:
    head = f"某市人民政府关于印发某市实施方案的通知\n某政〔2024〕1号\n{line}\n现印发实施。\n"
    head += "某市人民政府\n2024年1月4日\n某市实施方案\n"
    assert parse_text(head + PLAN_BODY)["recipients"] == recipients


REPLY = (
    "国务院办公厅关于某县地质灾害险情有关问题的{ending}\n国办函〔2004〕80号\n某省人民政府：\n"
    "你省关于某县地质灾害险情的请示收悉。经国务院同意，同意有关部门的意见，请你省抓紧组织实施。\n"
    "附件：1.国土资源部关于某县地质险情调研情况的报告\n国务院办公厅\n二〇〇四年十一月四日\n"
    "附件1\n{attached}\n一、基本情况\n该村地处滑坡体上。\n二、建议意见\n尽快实施搬迁。\n"
)


@pytest.mark.parametrize(
    ("ending", "attached", "plan_title"),
    [
        # a report attached in support: the reply's title is its own plan title (gov_023)
        ("复函", "关于某县某村地质险情调研情况的报告", "国务院办公厅关于某县地质灾害险情有关问题的复函"),
        ("通报", "某县地质险情调研发现的问题", "国务院办公厅关于某县地质灾害险情有关问题的通报"),
    ],
)
def test_a_reply_is_not_titled_by_a_report_it_attaches(ending: str, attached: str, plan_title: str) -> None:
    plan = parse_text(REPLY.format(ending=ending, attached=attached))
    assert plan["plan_title"] == plan_title


@pytest.mark.parametrize(
    "signature",
    [
        "某市人民政府办公室 \xa0 \xa0 &sp;",  # a broken &ensp; after no-break spaces (gov_052)
        "某市人民政府办公室&nbsp;&nbsp;",
        "某市人民政府办公室&nbsp",  # its ; lost
        "&emsp;&emsp;某市人民政府办公室",
    ],
)
def test_a_web_copys_space_entities_do_not_unmake_a_signature(signature: str) -> None:
    head = f"某市人民政府办公室关于印发某市实施方案的通知\n各区人民政府：\n现印发实施。\n{signature}\n2024年1月4日\n"
    plan = parse_text(head + "某市实施方案\n" + PLAN_BODY)
    assert (plan["issuers"], plan["date"]) == (["某市人民政府办公室"], "2024-01-04")


DECREE = (
    "某某省人民政府令\n第 12 号\n"
    "《某某省促进办法》已经2024年3月1日省人民政府第5次常务会议修订通过，现予公布，自2024年5月1日起施行。\n"
    "省长  张三\n2024年3月8日\n某某省促进办法\n（2010年1月5日某某省人民政府令第3号发布 2024年3月1日修订）\n"
    "第一条 为了促进某某发展，制定本办法。\n第二条 省人民政府负责组织实施本办法。\n"
)


def test_a_decree_is_titled_and_numbered_by_its_heading_and_its_byline_is_no_note() -> None:
    """gov_033, gov_058 (中华人民共和国国务院令 / 第707号): the heading is the title (never the date joined to
    the title of what it publishes), 第N号 the number, the bracketed history under the published title its
    byline, not the 附注."""
    plan = parse_text(DECREE)
    assert (plan["title"], plan["doc_number"], plan["note"]) == ("某某省人民政府令", "第 12 号", None)
    assert (plan["plan_title"], plan["date"], plan["kind"]) == ("某某省促进办法", "2024-03-08", "regulation")


NOTICE_HEAD = "某某省人民政府办公厅关于印发某某工作要点的通知\n某政办〔2024〕12号\n各设区市人民政府：\n"
SIGNED = "某某省人民政府办公厅\n2024年3月5日\n某某工作要点\n"

# (id, the text before the plan's first section, the text after its last item, the fields expected)
MARKS = [
    # --- made up from GB/T 9704-2012's parts: the 版头 above the title ---
    (
        "copy-number-secrecy-urgency-masthead-signer",
        "000126\n机密★1年\n特急\n某某省人民政府办公厅文件\n某政办〔2024〕12号　　签发人：王某某 李某\n"
        "某某省人民政府办公厅关于印发某某工作要点的通知\n各设区市人民政府：\n现印发给你们。\n" + SIGNED,
        "",
        {
            "copy_number": "000126",
            "secrecy": "机密★1年",
            "urgency": "特急",
            "masthead": "某某省人民政府办公厅文件",
            "signers": ["王某某", "李某"],
            "doc_number": "某政办〔2024〕12号",
            "body": "现印发给你们。",
        },
    ),
    # --- seen in a plan (gov_035): a title's first line that ends with 文件 is no masthead ---
    (
        "a-title-line-ending-with-wenjian",
        "国务院办公厅关于全面推行行政规范性文件\n合法性审核机制的指导意见\n国办发〔2018〕115号\n各省人民政府：\n"
        "现提出如下意见。\n国务院办公厅\n2018年12月4日\n",
        "",
        {"masthead": None, "copy_number": None, "signers": []},
    ),
    # --- made up: the 附件说明, numbered over two lines, then the attachment's own heading ---
    (
        "attachments-numbered-over-two-lines",
        NOTICE_HEAD + "现印发给你们，请认真贯彻落实。\n附件：1．某某工作要点\n　　　2．重点指标分解表\n" + SIGNED,
        "",
        {
            "attachments": ["某某工作要点", "重点指标分解表"],
            "body": "现印发给你们，请认真贯彻落实。",
            "issuers": ["某某省人民政府办公厅"],
        },
    ),
    # --- seen in a plan (gov_044): 附件1. glued to its name, no colon ---
    (
        "attachments-glued-to-their-label",
        NOTICE_HEAD + "现印发给你们。\n附件1.某某查验区界址点坐标\n2.某某大桥桥面界址点坐标\n" + SIGNED,
        "",
        {"attachments": ["某某查验区界址点坐标", "某某大桥桥面界址点坐标"], "body": "现印发给你们。"},
    ),
    # --- made up: a sentence of the body that opens with the attachments' numbers lists none ---
    (
        "a-sentence-opening-with-attachment-numbers",
        NOTICE_HEAD + "现印发给你们。\n附件1、2所列项目由各地负责组织实施。\n" + SIGNED,
        "",
        {"attachments": [], "body": "现印发给你们。\n附件1、2所列项目由各地负责组织实施。"},
    ),
    # --- made up: one attachment, unnumbered; a name that starts with a year keeps it ---
    (
        "one-attachment-starting-with-a-year",
        NOTICE_HEAD + "现印发给你们。\n附件：2024年某某工作要点\n" + SIGNED,
        "",
        {"attachments": ["2024年某某工作要点"]},
    ),
    # --- seen in a plan (pages_003): the 版记 after the plan, 。 closing a group of offices ---
    (
        "copied-to-and-printed",
        NOTICE_HEAD + "现印发给你们。\n" + SIGNED,
        "抄送：省委各部门，省人大常委会办公厅，省检察院。各民主党派省委，省工商联。\n某某省人民政府办公厅2020年12月10日印发\n",
        {
            "copied_to": ["省委各部门", "省人大常委会办公厅", "省检察院", "各民主党派省委", "省工商联"],
            "printed_by": "某某省人民政府办公厅",
            "printed": "2020-12-10",
        },
    ),
    # --- made up: a 抄送 list run over two lines ---
    (
        "copied-to-over-two-lines",
        NOTICE_HEAD + "现印发给你们。\n" + SIGNED,
        "抄送：省委办公厅，省人大常委会办公厅，\n　　　省政协办公厅。\n某某省人民政府办公厅　　2024年3月6日印发\n",
        {"copied_to": ["省委办公厅", "省人大常委会办公厅", "省政协办公厅"], "printed": "2024-03-06"},
    ),
    # --- made up: the label alone on its line, the offices under it; a line 抄送 with no colon is no label ---
    (
        "copied-to-under-its-label",
        NOTICE_HEAD + "现印发给你们。\n" + SIGNED,
        "抄送：\n省委办公厅，省政府办公厅。\n",
        {"copied_to": ["省委办公厅", "省政府办公厅"]},
    ),
    (
        "chaosong-without-a-colon",
        NOTICE_HEAD + "现印发给你们。\n" + SIGNED,
        "抄送\n省委办公厅。\n",
        {"copied_to": []},
    ),
    # --- made up: a plan with no notice prints none of them ---
    (
        "a-plan-alone",
        "某某工作要点\n为做好工作，制定本要点。\n",
        "",
        {"body": None, "attachments": [], "masthead": None, "copied_to": [], "printed": None, "signers": []},
    ),
]


@pytest.mark.parametrize(("head", "tail", "expected"), [c[1:] for c in MARKS], ids=[c[0] for c in MARKS])
def test_marks_body_and_attachments_of_the_notice(head: str, tail: str, expected: dict[str, object]) -> None:
    text = head + PLAN_BODY + tail
    plan = parse_text(text)
    assert {key: plan[key] for key in expected} == expected  # type: ignore[literal-required]
    if plan["body"] is not None:
        assert plan["body_span"] is not None and text[slice(*plan["body_span"])] == plan["body"]
