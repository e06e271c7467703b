"""What a decision needs besides the claim and the policy: the day, the message, the
placements of the claim's CPR and the earlier decisions (cosmicpython's "gather, decide purely,
apply": `app` gathers these, the core only reads them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claims.model import MessageInfo, Outcome, Period, Placement


@dataclass(frozen=True, slots=True)
class EarlierClaim:
    """An earlier decided claim for a placement, for `DUPLICATE`."""

    placement_id: str
    period: Period
    outcome: Outcome
    message_id: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionContext:
    """Everything outside the claim that the rules read.

    - `message`: the envelope of the email being decided (sender lower-cased, Date).
    - `first_claimed_at`: the Date of the email that first made the claim (for an answer in a
      thread, the original's Date); None means `message.date` (RULES.md `LATE_CLAIM`).
    - `payslip_attached`: a readable payslip came with the claim (`PAYSLIP_MISSING`).
    - `placements`: the approved placements whose CPR equals the claim's.
    - `earlier`: earlier decided claims of those placements (`DUPLICATE`).
    """

    today: dt.date
    message: MessageInfo = MessageInfo()
    first_claimed_at: dt.datetime | None = None
    payslip_attached: bool = False
    placements: tuple[Placement, ...] = ()
    earlier: tuple[EarlierClaim, ...] = ()

    @property
    def claimed_on(self) -> dt.date:
        """The day the claim was first made (its email's own Date), else today."""
        when = self.first_claimed_at or self.message.date
        return when.date() if when is not None else self.today
