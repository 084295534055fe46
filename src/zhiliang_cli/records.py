"""The parsed plan as plain typed dictionaries: what the parser builds, the cache
stores and the queries read.

They mirror :mod:`zhiliang_cli.models` field for field (a test fails when they
drift); they exist so that a query can run on cached JSON without paying for
Pydantic's import.
"""

from __future__ import annotations

from typing import TypedDict

Span = list[int]


class ContactRecord(TypedDict):
    name: str | None
    office: str | None
    phone: str | None
    email: str | None


class DeadlineRecord(TypedDict):
    text: str
    span: Span
    date: str | None


class NoteFieldRecord(TypedDict):
    label: str
    text: str
    span: Span


class NoteRecord(TypedDict):
    span: Span
    lead_units: list[str]
    cooperating_units: list[str]
    fields: list[NoteFieldRecord]


class ProblemRecord(TypedDict):
    kind: str
    line: int
    message: str


class TargetRecord(TypedDict):
    item: int | None
    section: int | None
    text: str
    span: Span
    line: int
    number_text: str
    number_span: Span
    value: int | float | None
    low: int | float | None
    high: int | float | None
    unit: str
    comparator: str
    change: str | None
    aspirational: bool
    subject: str | None
    by: DeadlineRecord | None


class PartRecord(TypedDict):
    label: str | None
    label_span: Span | None
    title: str
    span: Span
    line: int
    text: str | None
    text_span: Span | None
    first_section: int
    closing: str | None
    closing_span: Span | None


class GroupRecord(TypedDict):
    number: int
    numeral: str
    title: str
    span: Span
    line: int


class ItemRecord(TypedDict):
    number: int
    numeral: str
    section: int
    group: GroupRecord | None
    title: str
    text: str
    lead_units: list[str]
    cooperating_units: list[str]
    lead_span: Span | None
    notes: list[NoteRecord]
    deadline: DeadlineRecord | None
    span: Span
    line: int
    targets: list[TargetRecord]


class SectionRecord(TypedDict):
    number: int
    numeral: str
    title: str
    span: Span
    line: int
    text: str | None
    text_span: Span | None
    groups: list[GroupRecord]
    targets: list[TargetRecord]
    items: list[ItemRecord]


class PlanRecord(TypedDict):
    title: str | None
    doc_number: str | None
    recipients: list[str]
    issuers: list[str]
    date: str | None
    note: str | None
    contact: ContactRecord | None
    copy_number: str | None
    secrecy: str | None
    urgency: str | None
    masthead: str | None
    signers: list[str]
    body: str | None
    body_span: Span | None
    attachments: list[str]
    copied_to: list[str]
    printed_by: str | None
    printed: str | None
    published: str | None
    plan_title: str | None
    kind: str
    preamble: str | None
    preamble_span: Span | None
    closing: str | None
    closing_span: Span | None
    targets: list[TargetRecord]
    parts: list[PartRecord]
    sections: list[SectionRecord]
    problems: list[ProblemRecord]
