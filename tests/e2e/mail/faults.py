"""The kill -9 harness shared by tests/e2e/mail/test_faults.py and bench/faults.py.

Mail is APPENDed in small chunks; after each chunk `claims run` (the daemon) or `claims run
--once` is started and killed with SIGKILL at a random moment, N times; then one clean `run
--once` finishes the work. The ledger, the IMAP folders and what the SMTP sink received are then
checked against what was appended:

- lost messages: appended but not recorded, recorded but not in a terminal state, not in exactly
  one of Processed/Review/Failed, or still in INBOX;
- duplicate decisions: two decisions for one message and claim index where neither supersedes
  the other;
- lost replies: a decision that should be answered without exactly one reply, status sent, that
  the sink received; or an answer to an automatic message;
- replies sent twice: the same Message-ID received twice by the sink. This one is possible by
  design: between the SMTP server's "250" and the outbox's "sent" commit there is a window in
  which a kill makes the next run send the reply again (at-least-once delivery; the fixed
  Message-ID lets the receiving side see the copy for what it is).
"""

from __future__ import annotations

import email
import email.policy
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ledger.store import Store
from mailroom.automatic import is_automatic
from tests.e2e.mail.support import (
    Case,
    Claims,
    append_all,
    cases,
    message_id_of,
    received,
    wait_until,
    where_is,
    with_message_id,
)
from tests.servers.mail import DovecotServer

TERMINAL_STATES = frozenset({"decided", "review", "not_a_claim", "failed"})


@dataclass
class FaultResult:
    kills: int
    appended: int
    seconds: float
    killed_in: Counter[str] = field(default_factory=Counter)  # where the kill found the run, from its log
    lost_messages: list[str] = field(default_factory=list)
    duplicate_decisions: list[str] = field(default_factory=list)
    lost_replies: list[str] = field(default_factory=list)
    replies_sent_twice: int = 0
    failed_messages: int = 0
    decisions: int = 0
    replies: int = 0

    def summary(self) -> str:
        return (f"{self.kills} kills over {self.appended} messages in {self.seconds:.0f} s: "
                f"{len(self.lost_messages)} lost messages, {len(self.duplicate_decisions)} duplicate decisions, "
                f"{len(self.lost_replies)} lost replies, {self.replies_sent_twice} replies sent twice "
                f"({self.decisions} decisions, {self.replies} replies, {self.failed_messages} failed messages; "
                f"killed during: {dict(sorted(self.killed_in.items()))})")


def mails_for(kills: int, *, per_kill: int = 2) -> list[bytes]:
    """Enough distinct messages for `kills` rounds: the corpus (or samples) once as they are,
    then copies under new Message-IDs (a resend, to the ledger)."""
    base: list[Case] = cases()
    wanted = max(len(base), kills * per_kill)
    out = [case.raw for case in base]
    copy = 1
    while len(out) < wanted:
        for case in base:
            if len(out) >= wanted:
                break
            out.append(with_message_id(case.raw, f"<copy{copy}-{case.message_id.strip('<>')}>"))
        copy += 1
    return out


def _stage(log: str) -> str:
    """Where the run was when it was killed, from the last line of its log."""
    last = log.strip().splitlines()[-1] if log.strip() else ""
    for needle, stage in (("smtp: sent", "sending"), ("moved uid", "filing"), ("imap: connected", "deciding"),
                          ("daemon started", "fetching"), ("health", "idle")):
        if needle in last:
            return stage
    return "starting" if not last else "other"


def run_faults(
    server: DovecotServer, smtp: object, workdir: Path, *, kills: int, seed: int = 4,
    max_delay: float = 1.5, progress: Callable[[str], None] | None = None,
) -> FaultResult:
    rng = random.Random(seed)
    mails = mails_for(kills)
    claims = Claims(workdir, server.url("INBOX"), smtp.url, f"sqlite:///{workdir / 'claims.db'}")  # type: ignore[attr-defined]
    claims.import_placements()
    chunks = [mails[i::kills] for i in range(kills)]  # round-robin keeps the first chunks in corpus order
    chunks = [sorted(chunk, key=mails.index) for chunk in chunks]
    started = time.monotonic()
    result = FaultResult(kills=kills, appended=len(mails), seconds=0.0)
    for number, chunk in enumerate(chunks, start=1):
        append_all(server, chunk)
        args = ("run",) if number % 2 else ("run", "--once")
        run = claims.start(*args, log=workdir / f"kill-{number:03d}.log")
        run.wait_for_log("imap: connected", 15)  # killing a Python start-up proves nothing
        time.sleep(rng.uniform(0.0, max_delay))
        result.killed_in[_stage(run.text()) if run.proc.poll() is None else "after exit"] += 1
        run.kill()
        if progress:
            progress(f"kill {number}/{kills}")
    final = claims.run("run", "--once", check=False, timeout=600)
    assert final.returncode in (0, 1), final.stderr[-3000:]
    result.seconds = time.monotonic() - started
    check(result, server, smtp, Store.from_url(claims.database_url), mails)
    return result


def run_worker_faults(
    server: DovecotServer, smtp: object, workdir: Path, database_url: str, *, workers: int, kills: int,
    seed: int = 4, max_delay: float = 1.5, progress: Callable[[str], None] | None = None,
) -> FaultResult:
    """`workers` daemons (`claims run`) on one PostgreSQL, all reading the same mailbox, while mail
    arrives; at random moments one of them, chosen at random, is killed with SIGKILL and started
    again, `kills` times; then every worker is stopped with SIGTERM and one clean `run --once`
    finishes the work. The same checks as `run_faults`."""
    rng = random.Random(seed)
    mails = mails_for(kills)
    claims = Claims(workdir, server.url("INBOX"), smtp.url, database_url)  # type: ignore[attr-defined]
    claims.import_placements()
    chunks = [sorted(mails[i::kills], key=mails.index) for i in range(kills)]
    started = time.monotonic()
    result = FaultResult(kills=kills, appended=len(mails), seconds=0.0)
    running = [claims.start("run", log=workdir / f"worker-{n}-0.log") for n in range(workers)]
    try:
        for daemon in running:
            daemon.wait_for_log("imap: connected", 30)
        for number, chunk in enumerate(chunks, start=1):
            append_all(server, chunk)
            time.sleep(rng.uniform(0.0, max_delay))
            working = [n for n, d in enumerate(running) if "imap: connected" in d.text()]  # a start-up proves nothing
            victim = rng.choice(working or list(range(workers)))
            daemon = running[victim]
            result.killed_in[_stage(daemon.text()) if daemon.proc.poll() is None else "after exit"] += 1
            daemon.kill()
            running[victim] = claims.start("run", log=workdir / f"worker-{victim}-{number}.log")
            if progress:
                progress(f"kill {number}/{kills}")
        # the workers catch up with the last chunk, then stop cleanly
        wait_until(lambda: not where_is(server)["INBOX"], 120, interval=0.5)
    finally:
        for daemon in running:
            code, _ = daemon.terminate(timeout=30)
            if code is None:
                daemon.kill()
    final = claims.run("run", "--once", check=False, timeout=600)
    assert final.returncode in (0, 1), final.stderr[-3000:]
    result.seconds = time.monotonic() - started
    check(result, server, smtp, Store.from_url(database_url), mails)
    return result


def check(result: FaultResult, server: DovecotServer, smtp: object, store: Store, mails: list[bytes]) -> None:
    appended = Counter(message_id_of(raw) for raw in mails)
    # Lost messages.
    folders = where_is(server)
    result.lost_messages += [f"still in INBOX: {mid}" for mid in folders["INBOX"]]
    filed = Counter(mid for folder in ("Processed", "Review", "Failed") for mid in folders[folder])
    for mid, count in appended.items():
        if filed[mid] != count:
            result.lost_messages.append(f"{mid} filed {filed[mid]} times")
    records = store.messages()
    by_id = Counter(m.message_id for m in records)
    for mid, count in appended.items():
        if by_id[mid] != count:
            result.lost_messages.append(f"{mid} recorded {by_id[mid]} times")
    result.lost_messages += [f"{m.message_id} left in state {m.state}" for m in records if m.state not in TERMINAL_STATES]
    result.failed_messages = sum(1 for m in records if m.state == "failed")

    # Duplicate decisions.
    decisions = store.decisions()
    result.decisions = len(decisions)
    groups: dict[tuple[int | None, int], list[object]] = {}
    for row in decisions:
        groups.setdefault((row.message_pk, row.claim_index), []).append(row)
    for (message_pk, index), rows in groups.items():
        ids = {r.id for r in rows}  # type: ignore[attr-defined]
        unchained = [r for r in rows if r.supersedes_id not in ids]  # type: ignore[attr-defined]
        if len(unchained) > 1:
            result.duplicate_decisions.append(f"message {message_pk} claim {index}: {[r.reference for r in rows]}")  # type: ignore[attr-defined]

    # Lost replies and replies sent twice.
    automatic = {m.id for m in records if is_automatic(email.message_from_bytes(store.raw(m.id), policy=email.policy.compat32))}
    replies = [i for i in store.outbox() if i.kind == "reply"]
    result.replies = len(replies)
    by_decision = Counter(i.decision_id for i in replies)
    got = Counter(str(m["Message-ID"]) for m in received(smtp))  # type: ignore[arg-type]
    for row in decisions:
        if row.decided_by != "rules":
            continue
        wanted = 0 if row.message_pk in automatic else 1
        if by_decision[row.id] != wanted:
            result.lost_replies.append(f"{row.reference}: {by_decision[row.id]} replies stored, {wanted} wanted")
    for item in replies:
        if item.status != "sent" or got[item.message_id] == 0:
            result.lost_replies.append(f"{item.message_id}: {item.status}, received {got[item.message_id]} times")
    result.replies_sent_twice = sum(count - 1 for count in got.values() if count > 1)
