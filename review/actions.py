"""What a reviewer can do with a claim. Each action appends a decision that supersedes the
current one (never an UPDATE: ARCHITECTURE.md principle 11), with `decided_by` = the reviewer
and a reason, and stores the workplace's reply in the outbox in the same transaction.

FOUR_EYES (RULES.md §4): a claim with that finding, or an approval above the threshold, needs
two different reviewers. The first approval is a review event (`approval_pending`), not a
decision; the second, by someone else and for the same amounts, appends the decision with
`reviewers` = both. The same person twice is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from claims.money import ZERO, to_ore
from ledger.reviews import APPROVAL_PENDING, APPROVAL_WITHDRAWN, ReviewEvent, User
from ledger.store import DecisionRow, LedgerError
from review.danish import kind as kind_name
from review.danish import money
from review.ports import ReviewDeps

REVIEWABLE = ("approved", "partially_approved", "rejected", "needs_information", "manual_review")


class ReviewError(Exception):
    """The action cannot be done as asked; the message is Danish, for the reviewer."""


@dataclass(frozen=True, slots=True)
class FindingValue:
    code: str
    severity: str | None
    text: str | None
    amount: Decimal | None


@dataclass(frozen=True, slots=True)
class LineValue:
    kind: str
    label: str | None
    claimed: Decimal
    approved: Decimal
    proposed: Decimal


@dataclass(frozen=True, slots=True)
class ReviewDecision:
    """A reviewer's decision, shaped like the rules core's `Decision` (the store reads it by
    attribute)."""

    outcome: str
    claimed: Decimal | None
    approved: Decimal | None
    proposed: Decimal | None
    lines: tuple[LineValue, ...]
    findings: tuple[FindingValue, ...]
    placement_id: str | None
    rules_version: str


@dataclass(frozen=True, slots=True)
class Change:
    """A reviewer's amount for one line (by its index in the decision) and why."""

    index: int
    amount: Decimal
    reason: str


@dataclass(frozen=True, slots=True)
class Done:
    """The result: a new decision, or a first approval waiting for a second reviewer."""

    decision: DecisionRow | None = None
    pending: ReviewEvent | None = None


def _dec(value: Any) -> Decimal:
    return to_ore(Decimal(str(value))) if value not in (None, "") else ZERO


def current(deps: ReviewDeps, reference: str) -> DecisionRow:
    """The decision to act on; refused when a later decision has superseded it (someone else
    decided while this page was open) or when it is not a claim."""
    row = deps.store.decision(reference)
    if row is None:
        raise ReviewError(f"Sagen {reference} findes ikke.")
    if any(d.supersedes_id == row.id for d in deps.store.decisions(since=row.decided_on)):
        raise ReviewError(f"Sagen {reference} er allerede afgjort af en anden; åbn den nyeste afgørelse.")
    if row.outcome not in REVIEWABLE:
        raise ReviewError("Kun anmodninger om refusion kan afgøres her.")
    return row


def proposal(row: DecisionRow) -> tuple[Decimal, ...]:
    return tuple(_dec(line.get("proposed", line.get("approved"))) for line in row.lines)


def _findings(row: DecisionRow) -> tuple[FindingValue, ...]:
    """The rules' findings stay on the new decision, for the audit trail (a reviewer's own
    adjustments from an earlier review are replaced by this review's)."""
    return tuple(
        FindingValue(f.get("code", ""), f.get("severity"), f.get("text"), None if f.get("amount") is None else _dec(f.get("amount")))
        for f in row.findings
        if f.get("code") != "REVIEW_ADJUSTED"
    )


def _decision(row: DecisionRow, outcome: str, amounts: Sequence[Decimal], extra: Sequence[FindingValue] = ()) -> ReviewDecision:
    pays = outcome in ("approved", "partially_approved")
    lines = tuple(
        LineValue(
            kind=str(line.get("kind")),
            label=line.get("label"),
            claimed=_dec(line.get("claimed")),
            approved=amount if pays else ZERO,
            proposed=amount,
        )
        for line, amount in zip(row.lines, amounts, strict=True)
    )
    total = sum(amounts, ZERO)
    return ReviewDecision(
        outcome=outcome,
        claimed=row.claimed,
        approved=total if pays else ZERO,
        proposed=total,
        lines=lines,
        findings=(*_findings(row), *extra),
        placement_id=row.placement_id,
        rules_version=row.rules_version,
    )


def _amounts(row: DecisionRow, changes: Sequence[Change]) -> tuple[tuple[Decimal, ...], tuple[FindingValue, ...]]:
    amounts = list(proposal(row))
    notes: list[FindingValue] = []
    for change in changes:
        if not 0 <= change.index < len(amounts):
            raise ReviewError("Ukendt linje.")
        line = row.lines[change.index]
        claimed = _dec(line.get("claimed"))
        if change.amount < 0 or change.amount > claimed:
            raise ReviewError(f"{kind_name(str(line.get('kind')))}: beløbet skal være mellem 0,00 og det søgte {money(claimed)}.")
        if change.amount == amounts[change.index]:
            continue
        if not change.reason.strip():
            raise ReviewError(f"{kind_name(str(line.get('kind')))}: skriv hvorfor beløbet ændres.")
        label = line.get("label") or kind_name(str(line.get("kind")))
        text = f"{label}: {money(amounts[change.index])} → {money(change.amount)} kr. {change.reason.strip()}"
        notes.append(FindingValue("REVIEW_ADJUSTED", "note", text, change.amount - amounts[change.index]))
        amounts[change.index] = change.amount
    return tuple(amounts), tuple(notes)


def _append(deps: ReviewDeps, row: DecisionRow, decision: ReviewDecision, *, user: str, reviewers: Sequence[str], reason: str,
            missing: Sequence[str] = ()) -> DecisionRow:
    compose = deps.replies.composer(row, missing=missing)  # reads the original mail before the transaction
    try:
        with deps.store.unit() as unit:
            new = unit.add_decision(
                decision,
                decided_on=deps.today(),
                message_pk=row.message_pk,
                message_id=row.message_id,
                claim=row.claim,
                claim_index=row.claim_index,
                cpr=row.cpr,
                period=row.period,
                decided_by=user,
                reviewers=reviewers,
                reason=reason,
                supersedes=row.reference,
            )
            draft = compose(new)
            if draft is not None:
                unit.add_reply(draft, decision=new)
    except LedgerError as err:  # superseded by someone else a moment ago
        raise ReviewError(f"Sagen {row.reference} er allerede afgjort af en anden.") from err
    return new


def needs_four_eyes(deps: ReviewDeps, row: DecisionRow, approved: Decimal) -> bool:
    return any(f.get("code") == "FOUR_EYES" for f in row.findings) or approved > deps.config.four_eyes_above


def approve(deps: ReviewDeps, reference: str, user: User, *, changes: Sequence[Change] = (), comment: str = "") -> Done:
    """Approves the rules' proposal, or the proposal with the reviewer's changed lines."""
    row = current(deps, reference)
    amounts, notes = _amounts(row, changes)
    total = sum(amounts, ZERO)
    if total == 0:
        raise ReviewError("Intet beløb at godkende: afvis anmodningen i stedet, med en begrundelse.")
    outcome = "approved" if total == row.claimed else "partially_approved"
    # The reason in the decision's own column says what changed and why, for the audit trail.
    changed = "; ".join(n.text or "" for n in notes)
    reason = " ".join(x for x in (comment.strip(), f"Justeret: {changed}" if changed else "") if x) or "Regelforslaget er godkendt."
    if not needs_four_eyes(deps, row, total):
        decision = _decision(row, outcome, amounts, notes)
        return Done(decision=_append(deps, row, decision, user=user.name, reviewers=(user.name,), reason=reason))
    pending = deps.reviews.pending_approval(reference)
    data = {"amounts": [str(a) for a in amounts], "notes": [n.text for n in notes], "reason": reason}
    if pending is None:
        return Done(pending=deps.reviews.add_event(APPROVAL_PENDING, user_name=user.name, reference=reference, data=data))
    if pending.user_name == user.name:
        raise ReviewError("Du har allerede givet den første godkendelse. En anden sagsbehandler skal give den anden (fire øjne).")
    if list(pending.data.get("amounts", ())) != data["amounts"]:
        # Four eyes means both approve the same amounts: a different proposal starts over.
        deps.reviews.add_event(APPROVAL_WITHDRAWN, user_name=user.name, reference=reference, data={"reason": "andre beløb"})
        return Done(pending=deps.reviews.add_event(APPROVAL_PENDING, user_name=user.name, reference=reference, data=data))
    first = pending.user_name
    why = f"{pending.data.get('reason') or ''} Anden godkendelse: {reason}".strip()
    decision = _decision(row, outcome, amounts, notes)
    return Done(decision=_append(deps, row, decision, user=user.name, reviewers=(first, user.name), reason=why))


def withdraw(deps: ReviewDeps, reference: str, user: User) -> None:
    pending = deps.reviews.pending_approval(reference)
    if pending is None:
        raise ReviewError("Der er ingen godkendelse at trække tilbage.")
    deps.reviews.add_event(APPROVAL_WITHDRAWN, user_name=user.name, reference=reference, data={"reason": "trukket tilbage"})


def reject(deps: ReviewDeps, reference: str, user: User, *, reason: str) -> Done:
    if not reason.strip():
        raise ReviewError("Skriv en begrundelse for afvisningen; den står i svaret til arbejdsstedet.")
    row = current(deps, reference)
    decision = _decision(row, "rejected", proposal(row))
    return Done(decision=_append(deps, row, decision, user=user.name, reviewers=(user.name,), reason=reason.strip()))


def ask(deps: ReviewDeps, reference: str, user: User, *, missing: str) -> Done:
    """Asks the workplace for information: needs_information, and the reply lists what to send
    (one item per line of the reviewer's text)."""
    items = tuple(line.strip(" -•\t") for line in missing.splitlines() if line.strip(" -•\t"))
    if not items:
        raise ReviewError("Skriv hvad arbejdsstedet skal sende.")
    row = current(deps, reference)
    decision = _decision(row, "needs_information", proposal(row))
    reason = "Oplysninger efterspurgt: " + "; ".join(items)
    return Done(decision=_append(deps, row, decision, user=user.name, reviewers=(user.name,), reason=reason, missing=items))


def parse_changes(form: Mapping[str, str], row: DecisionRow) -> tuple[Change, ...]:
    """The line amounts of the adjust form (``amount_<i>``, ``reason_<i>``; Danish or dot decimals)."""
    from claims.money import parse_amount

    changes = []
    for index in range(len(row.lines)):
        text = (form.get(f"amount_{index}") or "").strip()
        if not text:
            continue
        amount = parse_amount(text)
        if amount is None:
            raise ReviewError(f"Linje {index + 1}: {text!r} er ikke et beløb.")
        changes.append(Change(index, amount, form.get(f"reason_{index}") or ""))
    return tuple(changes)
