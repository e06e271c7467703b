"""Gather, decide purely, apply: one inbound message from raw bytes to recorded decisions and
stored replies, and the run over a whole mailbox (`claims run --once`).

Never lose a message: its raw bytes and hash are recorded first; every message ends in exactly
one recorded state (decided, not_a_claim or failed); a message that fails is kept with its
error and filed in `Failed`; processing the same bytes again decides nothing new.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import logging
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from app.bootstrap import Services
from app.budget import OverBudget, time_budget
from app.replies import reply_for
from app.rounds import RunLog
from app.threads import complete, pair_waiting
from claims.context import DecisionContext
from claims.cpr import has_valid_date, mask_in_text
from claims.decide import Decision, decide, not_a_claim_decision
from claims.matching import choose_by_registry
from claims.model import Claim, Outcome, ParsedMessage
from ledger.outbox import OutboxItem
from ledger.store import RecordedMessage, Store
from ledger.work import Work
from mailroom.automatic import is_automatic
from mailroom.errors import MailroomError, MessageGone, PermanentError
from mailroom.inbound import Folder, MailSource, Waiting
from mailroom.oauth2 import LoginRefused
from mailroom.senders import Sender
from parsers.document import parse_document

log = logging.getLogger("claims.run")

DONE_STATES = {"decided": Folder.PROCESSED, "review": Folder.REVIEW, "not_a_claim": Folder.REVIEW, "failed": Folder.FAILED}
_REVIEW_OUTCOMES = {Outcome.MANUAL_REVIEW.value, Outcome.NOT_A_CLAIM.value}


@dataclass
class RunReport:
    """What one run did, for the log line, the batch report and the exit code."""

    seen: int = 0
    decided: int = 0
    skipped: int = 0
    elsewhere: int = 0  # taken by another worker (several workers on one PostgreSQL)
    read: int = 0  # message bodies fetched from the mailbox
    failed: list[str] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)
    sent: int = 0
    unsent: int = 0

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1


def process_raw(
    services: Services, raw: bytes, *, source_key: str | None = None, folder: str | None = None
) -> tuple[RecordedMessage, Folder | None]:
    """Records, parses, decides and stores one message; returns its record and the folder it
    belongs in (None: another worker is deciding the same bytes, so leave it where it is).
    Raises only for infrastructure faults (the database is gone)."""
    store = services.store
    record = store.record_message(raw, source_key=source_key, folder=folder)
    if record.state in DONE_STATES and not _retry_failed(services, record):
        return record, DONE_STATES[record.state]  # the same bytes again: nothing new is decided
    with services.work.holding(Work.STORED_MESSAGE, record.id) as mine:
        if not mine:
            return record, None  # another worker decides these bytes (a copy under another key) now
        now = store.message(record.id) or record  # as it is now that it is ours: another worker may just have finished it
        if now.state in DONE_STATES and not _retry_failed(services, now):
            return now, DONE_STATES[now.state]
        return _process(services, record, raw)


def _process(services: Services, record: RecordedMessage, raw: bytes) -> tuple[RecordedMessage, Folder]:
    store = services.store
    try:
        metrics = services.metrics
        with metrics.parse_seconds.time(), time_budget(float(services.settings.message_seconds)):
            parsed = services.parse(raw)
        metrics.ocr_pages.inc(parsed.ocr_pages)
        store.record_parse(record.id, parse_document(parsed))
        with _deciding_for(services, parsed), metrics.decision_seconds.time():
            state = _decide_and_store(services, record, parsed)
    except (Exception, OverBudget) as err:  # a bug or a message we cannot handle: keep it, with its error
        detail = mask_in_text(f"{type(err).__name__}: {err}")[:2000]
        # never log.exception: the traceback's text may hold a CPR number, so it is masked too
        log.error("message %s failed: %s\n%s", record.id, detail, mask_in_text(traceback.format_exc()))
        store.mark_message_failed(record.id, detail)
        return record, Folder.FAILED
    return record, DONE_STATES[state]


def _retry_failed(services: Services, record: RecordedMessage) -> bool:
    """A message that failed is tried again when it comes back (an operator moves it from Failed
    to INBOX once the cause is fixed, docs/operations.md): it was filed in Failed, so only a
    person brings it back. Never when it has a decision already (a failure after the commit)."""
    if record.state != "failed":
        return False
    return not services.store.decisions_of_message(record.id)


@contextmanager
def _deciding_for(services: Services, parsed: ParsedMessage) -> Iterator[None]:
    """The people the message claims for, one worker at a time: a resend decided by two workers
    at once would find no earlier claim in either and pay twice. Parsing (the slow part) runs in
    parallel; deciding and storing, a few milliseconds, wait for each other per person. Taken in
    one order (sorted), so two workers never wait on each other in a ring."""
    people = sorted({claim.cpr for claim in parsed.claims if claim.cpr})
    taken: list[str] = []
    try:
        for cpr in people:
            services.work.wait_for(Work.PERSON, cpr)
            taken.append(cpr)
        yield
    finally:
        for cpr in taken:
            services.work.release(Work.PERSON, cpr)


def _decide_and_store(services: Services, record: RecordedMessage, parsed: ParsedMessage) -> str:
    store, policy, today = services.store, services.policy, services.today()
    info = parsed.info
    if not info.automatic and is_automatic(_head(services.store.raw(record.id))):
        info = dataclasses.replace(info, automatic=True)  # the mailroom's wider test: List-Unsubscribe, bounces
        parsed = dataclasses.replace(parsed, info=info)
    if not parsed.claims:
        decision = not_a_claim_decision(policy)
        with store.unit() as unit:
            row = unit.add_decision(decision, decided_on=today, message_pk=record.id, message_id=info.message_id)
            draft = None if info.automatic else reply_for(services, parsed, None, row, decision)
            if draft is not None:
                unit.add_reply(draft, decision=row)
            unit.set_message_state(record.id, "not_a_claim")
        return "not_a_claim"

    thread = [i for i in (info.in_reply_to, *info.references) if i]
    waiting = store.waiting_claims(thread) if thread else ()
    answers = pair_waiting(parsed.claims, waiting)
    # A fragment (an answer's missing CVR, no person, no amounts) that completes nothing is no claim.
    kept = [(c, a) for c, a in zip(parsed.claims, answers, strict=True) if a is not None or not _fragment(c)]
    if not kept:
        return _decide_and_store(services, record, dataclasses.replace(parsed, claims=()))
    parsed = dataclasses.replace(parsed, claims=tuple(c for c, _ in kept))
    answers = [a for _, a in kept]
    planned: list[tuple[int, Claim, Decision, str | None]] = []
    for index, (claim, answer_to) in enumerate(zip(parsed.claims, answers, strict=True)):
        first_claimed_at = info.date
        supersedes = None
        if answer_to is not None and answer_to.claim is not None:
            claim = complete(claim, answer_to.claim)
            first_claimed_at = answer_to.first_claimed_at or info.date
            supersedes = answer_to.decision.reference
        placements = store.placements_for_cpr(claim.cpr, today=today) if claim.cpr and has_valid_date(claim.cpr) else ()
        claim = choose_by_registry(claim, placements)  # which of the mail's CVRs and names is the placement's
        earlier = tuple(e for p in placements for e in store.earlier_claims(p.placement_id, exclude_message_pk=record.id))
        context = DecisionContext(
            today=today,
            message=info,
            first_claimed_at=first_claimed_at,
            payslip_attached=parsed.payslip_attached or claim.payslip is not None,
            placements=placements,
            earlier=earlier,
        )
        decision = decide(claim, context, policy)
        if supersedes is None and decision.outcome != Outcome.NEEDS_INFORMATION:
            supersedes = _superseded_waiting(services, claim)
        planned.append((index, claim, decision, supersedes))

    review = False
    with store.unit() as unit:
        for index, claim, decision, supersedes in planned:
            row = unit.add_decision(decision, decided_on=today, message_pk=record.id, message_id=info.message_id,
                                    claim=claim, claim_index=index, supersedes=supersedes)
            draft = None if info.automatic else reply_for(services, parsed, claim, row, decision)
            if draft is not None:
                unit.add_reply(draft, decision=row)
            review |= decision.outcome.value in _REVIEW_OUTCOMES
        state = "review" if review else "decided"
        unit.set_message_state(record.id, state)
    return state


def _fragment(claim: Claim) -> bool:
    return claim.cpr is None and not claim.lines and claim.total is None and claim.payslip is None


def _head(raw: bytes) -> email.message.Message:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return email.message_from_bytes(head + b"\r\n\r\n", policy=email.policy.compat32)


def _superseded_waiting(services: Services, claim: Claim) -> str | None:
    """A claim waiting for information is superseded by a complete new claim for the same
    person and an overlapping period (RULES.md §4 DUPLICATE)."""
    cpr, period = claim.cpr, claim.period
    if not cpr:
        return None
    for reference, old in services.store.waiting_periods(cpr):
        if old is None or period is None or old.overlaps(period):
            return reference
    return None


REPLY_BATCH = 50  # replies sent every so many messages, and read at most so many at a time


def run_once(services: Services, *, progress: Callable[[int, int], None] | None = None, kind: str = "once") -> RunReport:
    """Every message waiting in the mailbox, oldest first; the replies are sent as the run goes.
    The round is recorded as a run of `kind` (once, or batch) for `claims status`."""
    report = RunReport()
    with RunLog(services, kind).round(report):
        source = services.source()
        try:
            run_round(services, source, report, progress=progress)
        finally:
            services.metrics.saw_logins(source)
            source.close()
        deliver(services, report)
    return report


def run_round(
    services: Services, source: MailSource, report: RunReport, *,
    progress: Callable[[int, int], None] | None = None, stop: Callable[[], bool] | None = None,
) -> None:
    """One pass over the mailbox: the list of waiting messages (no bodies), then one message at
    a time, so memory does not grow with the mailbox; replies go out every REPLY_BATCH messages.

    An answer whose original is still waiting in the mailbox or being decided by another worker
    waits for it (the answer completes the original's claim only once that is stored): it is
    taken again after the others, and at the last pass whatever holds it."""
    waiting = source.waiting()
    report.seen += len(waiting)
    done = 0
    for attempt in range(_PASSES):
        ahead = {w.message_id for w in waiting if w.message_id}
        later: list[Waiting] = []
        for mail in waiting:
            if stop is not None and stop():
                return
            if attempt < _PASSES - 1 and _waits_for_its_original(services, mail, ahead):
                later.append(mail)
                continue
            ahead.discard(mail.message_id or "")
            _one(services, source, mail, report)
            done += 1
            if done % REPLY_BATCH == 0:
                deliver(services, report)
            if progress is not None:
                progress(done, len(waiting))
        if not later:
            return
        waiting = tuple(later)
        time.sleep(_PASS_PAUSE * (attempt + 1))  # another worker finishes the original meanwhile


_PASSES = 4
_PASS_PAUSE = 0.2  # seconds before the next pass over answers that waited


def _waits_for_its_original(services: Services, mail: Waiting, ahead: set[str]) -> bool:
    """Whether a mail this one answers is still to be handled: waiting in the mailbox ahead of
    it and not yet recorded as handled, or being decided by another worker now."""
    for ref in mail.refs:
        if ref == mail.message_id:
            continue
        original = services.store.message_with_id(ref)
        if original is not None and original.state in DONE_STATES:
            continue
        if original is not None or ref in ahead:  # being decided elsewhere, or not yet taken by anyone
            return True
    return False


def _one(services: Services, source: MailSource, mail: Waiting, report: RunReport) -> None:
    """One waiting message, if no other worker has it: filed without a second read when the
    ledger has it handled already (a run that stopped between its commit and the move)."""
    with services.work.holding(Work.MAILBOX_MESSAGE, mail.key) as mine:
        if not mine:
            report.elsewhere += 1  # another worker is on it
            return
        known = services.store.message_from_source(mail.key)
        if known is not None and known.state in DONE_STATES and not _retry_failed(services, known):
            report.skipped += 1
            _file(source, mail.key, known, DONE_STATES[known.state])
            return
        try:
            raw = source.read(mail.key)
            report.read += 1
        except MessageGone:
            report.elsewhere += 1  # filed by another worker since the list was made
            return
        record, folder = process_raw(services, raw, source_key=mail.key)
        if folder is None:
            report.elsewhere += 1
            return
        if not record.created and record.state in DONE_STATES:
            report.skipped += 1
        if folder == Folder.FAILED:
            report.failed.append(record.message_id or f"message {record.id}")
            services.metrics.messages.labels(outcome="failed").inc()
        else:
            report.decided += 1
            _counted(services, record.id, report)
        _file(source, mail.key, record, folder)


def _counted(services: Services, message_pk: int, report: RunReport) -> None:
    """A handled message's outcomes, in the run's report and the metrics."""
    now = services.store.message(message_pk)
    services.metrics.messages.labels(outcome=now.state if now else "decided").inc()
    for row in services.store.decisions_of_message(message_pk):
        report.count(row.outcome)
        services.metrics.decisions.labels(outcome=row.outcome).inc()


def _file(source: MailSource, key: str, record: RecordedMessage, folder: Folder) -> None:
    try:
        source.move(key, folder.value)
    except MessageGone:
        pass  # filed by another worker already
    except MailroomError as err:
        log.warning("could not file message %s in %s: %s", record.id, folder.value, err)


def deliver(services: Services, report: RunReport | None = None, *, attempts: int = 5, due_only: bool = True) -> RunReport:
    """Sends the replies that are due (`due_only=False`: every pending reply, whatever its retry
    time, as the nightly batch and an operator's `claims batch` after a repair want). A failed send
    stays pending with a later retry time, until `attempts` tries have failed; then it is marked
    failed for a person to see."""
    report = report or RunReport()
    store = services.store
    sender: Sender | None = None
    tried: set[int] = set()
    while True:  # in batches, so a backlog of thousands is not read into memory at once
        batch = store.pending_replies(limit=REPLY_BATCH) if due_only else store.outbox(status="pending")
        batch = tuple(item for item in batch if item.id not in tried)
        if not batch:
            return report
        sender = sender or services.sender()
        for item in batch:
            tried.add(item.id)
            with services.work.holding(Work.REPLY, item.id) as mine:
                # not mine: another worker sends it now; not pending: one has sent it since the list was read
                if mine and store.reply_status(item.id) == "pending" and not _send(services, sender, item, report, attempts):
                    return report  # the login was refused: the other replies wait for the next round too
        if not due_only:
            return report


def _send(services: Services, sender: Sender, item: OutboxItem, report: RunReport, attempts: int) -> bool:
    """Sends one reply; False when the server refused the login, which no other reply can pass
    either (the reply stays pending and is retried like one the server could not take)."""
    store, from_address = services.store, services.settings.from_address
    try:
        sender.send(item.raw, item.to, from_address)
    except LoginRefused as err:
        log.error("replies not sent: %s", err)
        _retry_later(store, item, err, attempts)
        report.unsent += 1
        return False
    except PermanentError as err:
        store.mark_send_failed(item.id, str(err), retry_at=None)
        report.unsent += 1
        return True
    except (MailroomError, OSError) as err:
        _retry_later(store, item, err, attempts)
        report.unsent += 1
        return True
    store.mark_sent(item.id)
    report.sent += 1
    services.metrics.replies_sent.inc()
    return True


def _retry_later(store: Store, item: OutboxItem, err: Exception, attempts: int) -> None:
    tries = item.attempts + 1
    retry = None if tries >= attempts else dt.datetime.now(dt.UTC) + dt.timedelta(seconds=min(60 * 2**tries, 3600))
    store.mark_send_failed(item.id, str(err), retry_at=retry)
