"""A decision -> its Danish reply, stored in the outbox with the decision (mailroom renders,
ledger stores; `app` joins them)."""

from __future__ import annotations

import logging

from app.bootstrap import Services
from claims.decide import Decision
from claims.model import Claim, ParsedMessage
from ledger.store import DecisionRow, ReplyDraft
from mailroom.replies import ReplyFinding, ReplyInput, no_reply_reason, render_reply

log = logging.getLogger(__name__)


def reply_for(services: Services, parsed: ParsedMessage, claim: Claim | None, row: DecisionRow, decision: Decision) -> ReplyDraft | None:
    """The reply to the message this decision answers; None when there is no one to answer."""
    if reason := no_reply_reason(parsed.info):  # recorded all the same, unanswered: say why
        log.warning("no reply to %s: %s", parsed.info.message_id or "a message without a Message-ID", reason)
        return None
    rendered = render_reply(
        ReplyInput(
            reference=row.reference,
            outcome=decision.outcome,
            original=parsed.info,
            period_start=claim.period_start if claim else None,
            period_end=claim.period_end if claim else None,
            employee_name=claim.employee_name if claim else None,
            cpr=claim.cpr if claim else None,
            claimed=decision.claimed if claim else None,
            approved=decision.approved,
            findings=tuple(ReplyFinding.of(f) for f in decision.findings),
        ),
        now=services.now(),
        from_address=services.settings.from_address,
    )
    return ReplyDraft(to=rendered.to, subject=rendered.subject, message_id=rendered.message_id, raw=rendered.raw, kind="reply")
