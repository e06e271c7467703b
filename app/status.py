"""`claims status`: gather what the ledger and the mailbox say now, then decide purely what needs
a person (the same things `claims batch` names, and mail left waiting in the mailbox).

The JSON document (`status_document`) is the stable shape docs/operations.md describes; no
field holds a CPR number (message ids and errors are masked, claims are counted, not named).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.bootstrap import Services
from app.report import in_review_too_long
from claims.cpr import mask_in_text
from ledger.store import RunRow
from mailroom.errors import MailroomError


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # MAILBOX_UNREACHABLE | MESSAGE_WAITING | MESSAGE_FAILED | REPLY_GIVEN_UP | REVIEW_OVERDUE
    text: str


@dataclass(frozen=True, slots=True)
class Mailbox:
    reachable: bool
    waiting: int | None = None
    oldest_at: dt.datetime | None = None  # when the oldest waiting message arrived (or its Date)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Status:
    checked_at: dt.datetime
    last_round: RunRow | None
    last_ok_at: dt.datetime | None
    mailbox: Mailbox
    in_review: int
    overdue: tuple[tuple[str, int], ...]  # reference, days in review
    waiting_information: int
    unsent: int
    given_up: int
    failed: tuple[str, ...]  # message ids of failed messages (masked)
    waiting_minutes: int  # CLAIMS_STATUS_WAITING_MINUTES
    reminder_days: int  # CLAIMS_REMINDER_DAYS

    def oldest_age_minutes(self) -> int | None:
        oldest = self.mailbox.oldest_at
        return None if oldest is None else max(int((self.checked_at - oldest).total_seconds() // 60), 0)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        out = []
        if not self.mailbox.reachable:
            out.append(Reason("MAILBOX_UNREACHABLE", f"the mailbox cannot be reached: {self.mailbox.error}"))
        age = self.oldest_age_minutes()
        if age is not None and age > self.waiting_minutes:
            out.append(Reason("MESSAGE_WAITING", f"a message has waited in the mailbox for {age} minutes "
                              f"(more than {self.waiting_minutes}): is `claims run` running?"))  # fmt: skip
        if self.failed:
            out.append(Reason("MESSAGE_FAILED", f"{len(self.failed)} message(s) could not be processed "
                              f"(folder Failed): {', '.join(self.failed[:5])}"))  # fmt: skip
        if self.given_up:
            out.append(Reason("REPLY_GIVEN_UP", f"{self.given_up} repl(ies) still unsent after their retries "
                              "(claims outbox list)"))  # fmt: skip
        if self.overdue:
            oldest = max(self.overdue, key=lambda item: item[1])
            out.append(Reason("REVIEW_OVERDUE", f"{len(self.overdue)} claim(s) in manual review for more than "
                              f"{self.reminder_days} days (the oldest {oldest[0]}, {oldest[1]} days)"))  # fmt: skip
        return tuple(out)

    @property
    def needs_person(self) -> bool:
        return bool(self.reasons)


def gather(services: Services) -> Status:
    store, settings, today = services.store, services.settings, services.today()
    current = store.current_decisions()
    counts = store.reply_counts()
    return Status(
        checked_at=dt.datetime.now(dt.UTC),
        last_round=store.last_round(),
        last_ok_at=store.last_ok_round_at(),
        mailbox=look_at_mailbox(services),
        in_review=sum(1 for d in current if d.outcome == "manual_review"),
        overdue=tuple((d.reference, (today - d.decided_on).days) for d in in_review_too_long(current, today, settings.reminder_days)),
        waiting_information=sum(1 for d in current if d.outcome == "needs_information"),
        unsent=counts.get("pending", 0),
        given_up=counts.get("failed", 0),
        failed=tuple(mask_in_text(m.message_id or f"message {m.id}") for m in store.messages(state="failed")),
        waiting_minutes=settings.status_waiting_minutes,
        reminder_days=settings.reminder_days,
    )


def look_at_mailbox(services: Services) -> Mailbox:
    """Lists CLAIMS_MAILBOX (headers only, nothing marked or moved)."""
    try:
        source = services.source()
        try:
            waiting = source.waiting()
        finally:
            source.close()
    except (MailroomError, OSError) as err:
        cause = f"{type(err.__cause__).__name__}" if err.__cause__ else ""
        return Mailbox(False, error=mask_in_text(f"{err}{f' ({cause})' if cause else ''}")[:300])
    moments = [w.arrived or w.date for w in waiting if (w.arrived or w.date) is not None]
    return Mailbox(True, len(waiting), min(moments) if moments else None)


def _moment(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat(timespec="seconds")


def status_document(status: Status) -> dict[str, Any]:
    """`claims status --json` (docs/operations.md "Status")."""
    run = status.last_round
    last = run.last_round if run else None
    return {
        "needs_person": status.needs_person,
        "reasons": [{"code": r.code, "text": r.text} for r in status.reasons],
        "checked_at": _moment(status.checked_at),
        "last_round": None if run is None or last is None else {
            "kind": run.kind, "worker": run.worker, "started_at": _moment(last.started_at), "ended_at": _moment(last.ended_at),
            "seen": last.seen, "handled": last.handled, "failed": last.failed, "sent": last.sent, "error": last.error,
        },
        "last_successful_round_at": _moment(status.last_ok_at),
        "mailbox": {"reachable": status.mailbox.reachable, "waiting": status.mailbox.waiting,
                    "oldest_at": _moment(status.mailbox.oldest_at), "oldest_age_minutes": status.oldest_age_minutes(),
                    "error": status.mailbox.error},
        "review": {"waiting": status.in_review, "overdue": len(status.overdue)},
        "information": {"waiting": status.waiting_information},
        "replies": {"unsent": status.unsent, "given_up": status.given_up},
        "messages": {"failed": len(status.failed)},
    }  # fmt: skip
