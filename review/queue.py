"""The lists: claims waiting for a reviewer (oldest first), claims waiting for the workplace's
information, every current claim, and mail that is not a claim (until someone files it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from claims.cpr import mask
from ledger.store import DecisionRow, RecordedMessage
from review.ports import ReviewDeps

TABS = {
    "behandling": ("manual_review",),
    "venter": ("needs_information",),
    "alle": ("approved", "partially_approved", "rejected", "needs_information", "manual_review"),
}


@dataclass(frozen=True, slots=True)
class QueueRow:
    reference: str
    workplace: str
    employee: str
    cpr: str
    period_start: dt.date | None
    period_end: dt.date | None
    claimed: Decimal | None
    proposed: Decimal | None
    outcome: str
    codes: tuple[str, ...]
    received: dt.datetime | None
    age_days: int
    pending_by: str | None  # a first FOUR_EYES approval waits for a second reviewer


@dataclass(frozen=True, slots=True)
class Filters:
    workplace: str = ""
    outcome: str = ""
    code: str = ""
    q: str = ""


@dataclass(frozen=True, slots=True)
class MailRow:
    message_pk: int
    sender: str
    subject: str
    received: dt.datetime | None
    age_days: int
    reference: str | None


def _received(messages: dict[int, RecordedMessage], row: DecisionRow) -> dt.datetime | None:
    message = messages.get(row.message_pk) if row.message_pk is not None else None
    if message is None:
        return None
    return message.header_date or message.received_at


def claim_rows(deps: ReviewDeps, tab: str, filters: Filters) -> tuple[tuple[QueueRow, ...], dict[str, tuple[str, ...]]]:
    """The rows of a tab (oldest first) and the choices of its filters."""
    today = deps.today()
    outcomes = TABS.get(tab, TABS["behandling"])
    messages = {m.id: m for m in deps.store.messages()}
    pending = {e.reference: e.user_name for e in _pending_events(deps)}
    rows = [d for d in deps.store.current_decisions() if d.outcome in outcomes]
    choices = {
        "workplace": tuple(sorted({d.workplace for d in rows if d.workplace})),
        "code": tuple(sorted({str(f.get("code")) for d in rows for f in d.findings if f.get("code")})),
        "outcome": outcomes,
    }
    out = []
    for d in rows:
        if filters.workplace and d.workplace != filters.workplace:
            continue
        if filters.outcome and d.outcome != filters.outcome:
            continue
        codes = tuple(str(f.get("code")) for f in d.findings)
        if filters.code and filters.code not in codes:
            continue
        employee = (d.claim.employee_name if d.claim else None) or ""
        needle = filters.q.strip().casefold()
        if needle and needle not in d.reference.casefold() and needle not in employee.casefold():
            continue
        received = _received(messages, d)
        age = (today - (received.date() if received else d.decided_on)).days
        out.append(
            QueueRow(
                reference=d.reference,
                workplace=d.workplace or "–",
                employee=employee or "–",
                cpr=mask(d.cpr) or "–",
                period_start=d.period_start,
                period_end=d.period_end,
                claimed=d.claimed,
                proposed=d.proposed,
                outcome=d.outcome,
                codes=codes,
                received=received,
                age_days=max(age, 0),
                pending_by=pending.get(d.reference),
            )
        )
    out.sort(key=lambda r: (r.received or dt.datetime.max.replace(tzinfo=dt.UTC), r.reference))
    return tuple(out), choices


def _pending_events(deps: ReviewDeps) -> list:  # type: ignore[type-arg]
    from ledger.reviews import APPROVAL_PENDING, APPROVAL_WITHDRAWN

    state: dict[str, object] = {}
    for event in deps.reviews.events():
        if event.reference is None:
            continue
        if event.kind == APPROVAL_PENDING:
            state[event.reference] = event
        elif event.kind == APPROVAL_WITHDRAWN:
            state.pop(event.reference, None)
    return list(state.values())


def mail_rows(deps: ReviewDeps, *, filed: bool = False) -> tuple[MailRow, ...]:
    """Mail that holds no claim (not_a_claim), oldest first; filed ones only when asked."""
    today = deps.today()
    done = deps.reviews.filed_messages()
    refs = {d.message_pk: d.reference for d in deps.store.current_decisions() if d.outcome == "not_a_claim"}
    out = []
    for m in deps.store.messages(state="not_a_claim"):
        if (m.id in done) != filed:
            continue
        when = m.header_date or m.received_at
        out.append(MailRow(m.id, m.sender or "–", _subject(deps, m.id), when, max((today - when.date()).days, 0), refs.get(m.id)))
    return tuple(sorted(out, key=lambda r: (r.received or dt.datetime.max.replace(tzinfo=dt.UTC), r.message_pk)))


def _subject(deps: ReviewDeps, message_pk: int) -> str:
    from claims.cpr import mask_in_text

    parse = deps.store.parse_of(message_pk) or {}
    subject = (parse.get("message") or {}).get("subject") or "(intet emne)"
    return mask_in_text(str(subject))
