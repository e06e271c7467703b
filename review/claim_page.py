"""The claim page's content: the values the parser read (with where on which page each came
from, and the OCR confidence), the payslip pages with those boxes, the findings with their
rules, the rules' proposal per line, the chain of decisions and the audit trail.

Sources look like ``attachment:NAME#p1@x0,top,x1,bottom`` or ``ocr:NAME#p2@...`` (PDF points,
origin top left, CONTRACT.md "Parse document"); ``body`` means the mail's text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from claims.cpr import mask, mask_in_text
from ledger.reviews import ReviewEvent
from ledger.store import DecisionRow, OutboxItem
from review import danish
from review.ports import Box, PageRef, ReviewDeps

_SOURCE = re.compile(r"^(?P<how>attachment|ocr):(?P<name>.+)#p(?P<page>\d+)(?:@(?P<box>[-\d.]+,[-\d.]+,[-\d.]+,[-\d.]+))?$")

# The values shown, in reading order: (dotted key of the parse document, Danish label).
FIELDS = (
    ("employee.name", "Medarbejder"),
    ("employee.cpr", "CPR-nummer"),
    ("employer.name", "Arbejdsgiver"),
    ("employer.cvr", "CVR-nummer"),
    ("period.start", "Periode fra"),
    ("period.end", "Periode til"),
    ("hours.worked", "Arbejdede timer"),
    ("hours.sick", "Timer med sygeløn"),
    ("sick.first_day", "Første sygedag"),
    ("sick.last_day", "Sidste sygedag"),
    ("total", "Total i mailen"),
    ("payslip.gross", "Lønseddel: bruttoløn"),
    ("payslip.am_basis", "Lønseddel: AM-grundlag"),
    ("payslip.am_bidrag", "Lønseddel: AM-bidrag"),
)


@dataclass(frozen=True, slots=True)
class Source:
    how: str  # body | attachment | ocr
    filename: str | None = None
    page: int | None = None
    box: Box | None = None

    @property
    def label(self) -> str:
        """Short, for the table; the file's name is in `title`."""
        if self.how == "body":
            return "mailens tekst"
        return f"{'scanning' if self.how == 'ocr' else 'bilag'}, s. {self.page}"

    @property
    def title(self) -> str:
        return "mailens tekst" if self.how == "body" else f"{self.filename}, side {self.page}"


def parse_source(text: str | None) -> Source | None:
    if not text:
        return None
    if text == "body":
        return Source("body")
    m = _SOURCE.match(text)
    if m is None:
        return Source("body") if text.startswith("body") else None
    box = None
    if m.group("box"):
        x0, top, x1, bottom = (float(v) for v in m.group("box").split(","))
        box = Box(min(x0, x1), min(top, bottom), max(x0, x1), max(top, bottom))
    return Source(m.group("how"), m.group("name"), int(m.group("page")), box)


@dataclass(frozen=True, slots=True)
class Value:
    key: str
    label: str
    text: str
    source: Source | None
    confidence: float | None
    is_cpr: bool = False

    @property
    def low_confidence(self) -> bool:
        return self.confidence is not None and self.confidence < 0.9


@dataclass(frozen=True, slots=True)
class Highlight:
    key: str
    label: str
    box: Box
    ocr: bool


@dataclass(frozen=True, slots=True)
class Page:
    ref: PageRef
    highlights: tuple[Highlight, ...]


@dataclass
class ClaimPage:
    row: DecisionRow
    current: DecisionRow
    chain: list[DecisionRow]
    values: list[Value]
    lines: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    pages: list[Page]
    email_text: str
    problems: list[dict[str, Any]]
    events: list[ReviewEvent]
    replies: list[OutboxItem]
    entries: list[Mapping[str, Any]]
    pending: ReviewEvent | None
    four_eyes: bool
    sender: str | None = None
    subject: str | None = None
    partial: str | None = None  # why the mail is shown only in part (Documents.notice)
    extra: dict[str, Any] = field(default_factory=dict)


def _claim_values(row: DecisionRow) -> dict[str, Any]:
    claim = row.claim
    if claim is None:
        return {}
    payslip = claim.payslip
    values: dict[str, Any] = {
        "employee.name": claim.employee_name,
        "employee.cpr": mask(claim.cpr) if claim.cpr else None,
        "employer.name": claim.employer_name,
        "employer.cvr": claim.cvr,
        "period.start": danish.day(claim.period_start) if claim.period_start else None,
        "period.end": danish.day(claim.period_end) if claim.period_end else None,
        "hours.worked": _hours(claim.hours_worked),
        "hours.sick": _hours(claim.hours_sick),
        "sick.first_day": danish.day(claim.sick_first_day) if claim.sick_first_day else None,
        "sick.last_day": danish.day(claim.sick_last_day) if claim.sick_last_day else None,
        "total": danish.money(claim.total) if claim.total is not None else None,
    }
    if payslip is not None:
        values["payslip.gross"] = danish.money(payslip.gross) if payslip.gross is not None else None
        values["payslip.am_basis"] = danish.money(payslip.am_basis) if payslip.am_basis is not None else None
        values["payslip.am_bidrag"] = danish.money(payslip.am_bidrag) if payslip.am_bidrag is not None else None
    return values


def _hours(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}".replace(".", ",")


def values_of(row: DecisionRow) -> list[Value]:
    claim = row.claim
    sources: Mapping[str, str] = claim.sources if claim else {}
    confidence: Mapping[str, float] = claim.confidence if claim else {}
    found = _claim_values(row)
    out = []
    for key, label in FIELDS:
        text = found.get(key)
        if text is None and key not in sources:
            if key.startswith(("payslip.", "sick.", "hours.sick")):
                continue  # not stated and not expected: keep the table short
        out.append(Value(key, label, mask_in_text(str(text)) if text else "ikke fundet", parse_source(sources.get(key)),
                         confidence.get(key), key == "employee.cpr"))
    for index, line in enumerate(claim.lines if claim else ()):
        key = f"lines.{line.kind}"
        out.append(Value(key, f"Linje {index + 1}: {line.label or danish.kind(str(line.kind))}", danish.money(line.amount),
                         parse_source(sources.get(key)), confidence.get(key)))
    return out


def _pages(deps: ReviewDeps, row: DecisionRow, values: list[Value]) -> list[Page]:
    if row.message_pk is None:
        return []
    refs = deps.documents.pages(row.message_pk)
    pages = []
    for ref in refs:
        marks = tuple(
            Highlight(v.key, v.label, v.source.box, v.source.how == "ocr")
            for v in values
            if v.source and v.source.box and v.source.filename == ref.filename and v.source.page == ref.page
        )
        pages.append(Page(ref, marks))
    # Pages with highlights first: that is where the reviewer looks.
    pages.sort(key=lambda p: (not p.highlights, p.ref.attachment, p.ref.page))
    return pages


def chain_of(deps: ReviewDeps, row: DecisionRow) -> tuple[list[DecisionRow], DecisionRow]:
    """Every decision of the claim, oldest first, and the current one."""
    everything = deps.store.decisions()
    by_id = {d.id: d for d in everything}
    later = {d.supersedes_id: d for d in everything if d.supersedes_id is not None}
    first = row
    while first.supersedes_id is not None and first.supersedes_id in by_id:
        first = by_id[first.supersedes_id]
    chain = [first]
    while chain[-1].id in later:
        chain.append(later[chain[-1].id])
    return chain, chain[-1]


def build(deps: ReviewDeps, row: DecisionRow) -> ClaimPage:
    chain, current = chain_of(deps, row)
    values = values_of(current)
    parse = (deps.store.parse_of(row.message_pk) if row.message_pk is not None else None) or {}
    refs = tuple(d.reference for d in chain)
    ids = {d.id for d in chain}
    findings = [
        {**f, "rule": danish.RULES.get(str(f.get("code")), ""), "severity_text": danish.SEVERITIES.get(str(f.get("severity")), "")}
        for f in current.findings
    ]
    return ClaimPage(
        row=row,
        current=current,
        chain=chain,
        values=values,
        lines=[dict(line) for line in current.lines],
        findings=findings,
        pages=_pages(deps, current, values),
        email_text=mask_in_text(deps.documents.email_text(row.message_pk)) if row.message_pk is not None else "",
        problems=[dict(p) for p in parse.get("problems") or ()],
        events=list(deps.reviews.events(references=refs)),
        replies=[o for o in deps.store.outbox() if o.decision_id in ids],
        entries=[e for ref in refs for e in deps.store.entries(ref)],
        pending=deps.reviews.pending_approval(current.reference),
        four_eyes=any(f.get("code") == "FOUR_EYES" for f in current.findings),
        sender=(parse.get("message") or {}).get("from"),
        subject=mask_in_text(str((parse.get("message") or {}).get("subject") or "")),
        partial=deps.documents.notice(row.message_pk) if row.message_pk is not None else None,
    )


def cpr_boxes(row: DecisionRow) -> list[tuple[str, int, Box]]:
    """Where the claim's CPR number was read on a page (to black it out on the image)."""
    out = []
    for key in ("employee.cpr", "payslip.cpr"):
        source = parse_source((row.claim.sources if row.claim else {}).get(key))
        if source and source.box and source.filename and source.page:
            out.append((source.filename, source.page, source.box))
    return out
