"""`claims batch`: the nightly run. Gather (run the mailbox, find what waits), decide purely
(who to remind, what needs a person), apply (send, write the day's report)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from app.bootstrap import Services
from app.pipeline import RunReport, deliver, run_once
from app.report import DayReport, build_report, write_report
from claims.model import MessageInfo, Outcome
from ledger.store import ReplyDraft
from mailroom.replies import ReplyFinding, ReplyInput, render_reply

log = logging.getLogger("claims.batch")


@dataclass
class BatchResult:
    run: RunReport
    reminders: list[str] = field(default_factory=list)
    report: DayReport | None = None
    files: tuple[Path, ...] = ()

    @property
    def needs_a_person(self) -> bool:
        return bool(self.report and self.report.attention)


def send_reminders(services: Services) -> list[str]:
    """Reminds the workplace of each claim waiting for information for more than
    `CLAIMS_REMINDER_DAYS` days, at most once in that many days per claim."""
    store, today = services.store, services.today()
    days = services.settings.reminder_days
    reminded: dict[int | None, dt.date] = {}
    for item in store.outbox():
        if item.kind == "reminder":
            day = _reminder_day(item.message_id) or item.created_at.date()
            reminded[item.decision_id] = max(day, reminded.get(item.decision_id, day))
    sent = []
    for waiting in store.waiting_claims():
        row = waiting.decision
        if (today - row.decided_on).days <= days:
            continue
        last = reminded.get(row.id)
        if last is not None and (today - last).days <= days:
            continue
        message = store.message(row.message_pk) if row.message_pk else None
        if message is None or not message.sender:
            continue
        original = MessageInfo(message_id=message.message_id, sender=message.sender, references=message.references,
                               subject=_subject(store, row.message_pk), date=message.header_date)
        claim = row.claim
        rendered = render_reply(
            ReplyInput(reference=row.reference, outcome=Outcome.NEEDS_INFORMATION, original=original,
                       period_start=row.period_start, period_end=row.period_end,
                       employee_name=claim.employee_name if claim else None, cpr=row.cpr,
                       findings=tuple(ReplyFinding(f["code"], f.get("text") or "", None) for f in row.findings)),
            now=services.now(), from_address=services.settings.from_address, reminder=True,
        )
        try:
            with store.unit() as unit:
                unit.add_reply(ReplyDraft(rendered.to, rendered.subject, rendered.message_id, rendered.raw, "reminder"), decision=row)
        except IntegrityError:
            continue  # today's reminder is stored already (a second batch the same day)
        sent.append(row.reference)
    return sent


_REMINDER_DAY = re.compile(r"^<reminder-.*-(\d{8})@")


def _reminder_day(message_id: str) -> dt.date | None:
    """The day a reminder was sent, on the batch's own clock (`CLAIMS_TODAY` when set): the date
    in its Message-ID (mailroom.replies.message_id_for). The outbox's `created_at` is the real
    clock, and mixing the two reminded again too early, or never, in runs with a fixed today."""
    found = _REMINDER_DAY.match(message_id)
    if found is None:
        return None
    try:
        return dt.datetime.strptime(found.group(1), "%Y%m%d").date()
    except ValueError:
        return None


def _subject(store: object, message_pk: int | None) -> str | None:
    parse = store.parse_of(message_pk) if message_pk else None  # type: ignore[attr-defined]
    return (parse or {}).get("message", {}).get("subject") if parse else None


def run_batch(services: Services, *, progress: Callable[[str, int, int], None] | None = None, reports: Path | None = None) -> BatchResult:
    def step(name: str) -> Callable[[int, int], None]:
        return lambda done, total: progress(name, done, total) if progress else None

    run = run_once(services, progress=step("Post"), kind="batch")
    result = BatchResult(run=run)
    result.reminders = send_reminders(services)
    deliver(services, run, due_only=False)  # the reminders, and every reply still waiting, due or not
    result.report = build_report(services, run, result.reminders)
    result.files = write_report(result.report, reports or Path("var") / "reports")
    return result
