"""The output schema as Pydantic models: Plan > Section > Item > Target.

Strict (unknown keys are refused) and frozen.  ``zl schema`` prints
``Plan.model_json_schema()``; ``schemas/plan.schema.json`` holds it and a test
fails when the two drift.  Every ``span`` is ``[start, end]`` in characters of
the decoded source, and ``source[start:end]`` is the printed ``text``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Span = Annotated[list[int], Field(min_length=2, max_length=2, description="[start, end] in characters")]
Number = int | float


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(_Model):
    """The contact line of the notice (联系人, 联系电话, 电子邮箱)."""

    name: str | None
    office: str | None
    phone: str | None
    email: str | None


class Deadline(_Model):
    """When something is due: a horizon (到2025年), a deadline (2023年底前, 6月底前, 年内) or a
    完成时限 field, as printed, with the last day it allows."""

    text: str = Field(description="the words as printed: 到2025年, 2023年底前, 年内")
    span: Span
    date: str | None = Field(
        description="the last day allowed, ISO 8601; null where the words give none (长期坚持, 持续推进)"
    )


class NoteField(_Model):
    """A field of a note that names no units (完成时限：2023年底前, 适用范围：…), as printed."""

    label: str = Field(description="the label as printed; empty for an unlabelled time (（X牵头，年底前完成）)")
    text: str
    span: Span


class Note(_Model):
    """A lead-unit note of an item (牵头单位/责任单位/配合单位 …), as read."""

    span: Span
    lead_units: list[str]
    cooperating_units: list[str]
    fields: list[NoteField] = Field(description="the note's other fields, never read as unit names")


class Problem(_Model):
    """A problem in the structure that ``zl check`` reports."""

    kind: str = Field(
        description="numbering, repeat, empty_section, missing_lead, no_leads, unassigned_text or truncated"
    )
    line: int = Field(ge=1)
    message: str


class Target(_Model):
    """A quantified target: a number the plan sets as a goal, with its unit."""

    item: int | None = Field(description="the item's number; null for a target in a section's own text")
    section: int | None = Field(description="the section's number; null for a target in the plan's preamble")
    text: str = Field(description="the clause that states the target, as printed")
    span: Span
    line: int = Field(ge=1)
    number_text: str = Field(description="the number as printed: 50万, 一到两, 1-2, 93%")
    number_span: Span
    value: Number | None = Field(description="the number with its magnitude folded in; null for a range")
    low: Number | None
    high: Number | None
    unit: str = Field(description="项, 家, 批次, %, 元 …; empty for a rate or an index (死亡率0.2以下)")
    comparator: Literal[">=", ">", "<=", "<", "=", "~", "range"]
    change: Literal["increase", "decrease"] | None
    aspirational: bool = Field(description="the plan only strives for it (力争, 争取, 争创)")
    subject: str | None = Field(
        description="what the number is set for, where one clause sets numbers for several subjects "
        "(水稻、小麦收储率均达到90%: 水稻收储率 and 小麦收储率)"
    )
    by: Deadline | None = Field(description="the horizon or deadline the target is set for")


class Group(_Model):
    """A （一） heading that gathers numbered tasks, in the three-level shape."""

    number: int
    numeral: str
    title: str
    span: Span
    line: int = Field(ge=1)


class Item(_Model):
    """A numbered task with its lead units and targets."""

    number: int = Field(ge=1)
    numeral: str = Field(description="the numeral as printed: 十七")
    section: int
    group: Group | None
    title: str = Field(description="the text between the numeral marker and the first 。")
    text: str
    lead_units: list[str]
    cooperating_units: list[str]
    lead_span: Span | None = Field(description="the closing note (or notes) of the item")
    notes: list[Note] = Field(description="every note of the item; the item's units are those of all of them")
    deadline: Deadline | None = Field(description="the item's 完成时限, from its note or its text")
    span: Span
    line: int = Field(ge=1)
    targets: list[Target]


class Section(_Model):
    """A 一、 section: its heading, its own text and its items."""

    number: int = Field(ge=1)
    numeral: str
    title: str
    span: Span = Field(description="the heading as printed")
    line: int = Field(ge=1)
    text: str | None = Field(description="the section's own text before its first item")
    text_span: Span | None
    groups: list[Group]
    targets: list[Target] = Field(description="targets in the section's own text")
    items: list[Item]


class Part(_Model):
    """A further document the notice sends after the plan (附件2 with its own title and its own 一、…)."""

    label: str | None = Field(description="the 附件 heading above its title, as printed (附件2); none where none is")
    label_span: Span | None
    title: str = Field(description="its title as printed (lines joined)")
    span: Span
    line: int
    text: str | None = Field(description="its own text before its first section (为…，制定本方案。)")
    text_span: Span | None
    first_section: int = Field(description="the position (1-based) of its first section among the plan's sections")
    closing: str | None = Field(description="its own text after its last task (本规定自…施行, 上述政策…执行期限为…)")
    closing_span: Span | None


class Plan(_Model):
    """A work plan and the notice that publishes it, named as GB/T 9704-2012 names them."""

    title: str | None = Field(description="the notice's title")
    doc_number: str | None = Field(description="发文字号")
    recipients: list[str] = Field(description="主送机关")
    issuers: list[str] = Field(description="发文机关署名, one line each")
    date: str | None = Field(description="成文日期, ISO 8601")
    note: str | None = Field(description="附注")
    contact: Contact | None
    copy_number: str | None = Field(description="份号, above the title (six digits)")
    secrecy: str | None = Field(description="密级和保密期限, as printed (机密★1年)")
    urgency: str | None = Field(description="紧急程度 (特急, 加急)")
    masthead: str | None = Field(description="发文机关标志 (某某省人民政府办公厅文件)")
    signers: list[str] = Field(description="签发人, beside the 发文字号 of a document sent up")
    body: str | None = Field(
        description="the notice's body (正文) as printed, between its 主送机关 and its 附件说明 or signature; in a "
        "document with no plan in it (a reply), its body is the preamble"
    )
    body_span: Span | None
    attachments: list[str] = Field(description="附件说明: the names the notice lists under its body, numbers dropped")
    copied_to: list[str] = Field(description="抄送机关, in the 版记 after the document")
    printed_by: str | None = Field(description="印发机关, in the 版记")
    printed: str | None = Field(description="印发日期, in the 版记, ISO 8601")
    published: str | None = Field(description="the publication date of a web copy, ISO 8601")
    plan_title: str | None = Field(description="the plan's own title")
    kind: Literal["plan", "reply", "bulletin", "regulation", "decision", "other"] = Field(
        description="what kind of document this is, read from its title (what a notice sends): a plan sets tasks "
        "(工作要点, 方案, 计划, 意见, 措施); a reply (复函, 批复, 答复), a bulletin (通报), a regulation (条例, 办法, "
        "规定), a decision (决定) or another document sets none, and no targets are read from it"
    )
    preamble: str | None = Field(description="the plan's own text before its first section (目标, 指标 …)")
    preamble_span: Span | None
    closing: str | None = Field(
        description="the plan's own text after its last task: 附则, when it takes effect (本措施自…起施行), "
        "the charge to carry it out (各有关部门要…); in a document with no sections (a reply, a decision), what "
        "it sends or attaches after its signature; where the notice sends further documents (parts), the first's"
    )
    closing_span: Span | None
    targets: list[Target] = Field(description="targets in the preamble")
    parts: list[Part] = Field(
        description="the further documents a notice sends after the plan, each with its own numbering (two "
        "documents under one notice); the first document is the plan itself (plan_title)"
    )
    sections: list[Section]
    problems: list[Problem]
