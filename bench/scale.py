"""The nightly batch at scale: N messages (default 10,000, made from the sample corpus under new
Message-IDs) through IMAP on PostgreSQL with W workers (`claims run --once --workers W`), on
this machine: a Dovecot, an aiosmtpd sink and a PostgreSQL of its own, all on loopback.

Measured: the wall time of the run; each worker's resident memory every second (its peak, and
at a quarter and at the end of the run: flat, not growing with the mailbox); the bodies read
from IMAP (each message once: nothing fetched twice); INBOX empty afterwards; one decision per
claim, none twice; one reply per decision to a non-automatic mail. Then a second run that must
read nothing.

The corpus message read by OCR is left out (its 4-6 s are tesseract's, not the pipeline's; the
Parsing section measures it): the messages are the text-PDF and body-only cases.

    .venv/bin/python bench/scale.py [--messages 10000] [--workers 2] [--write bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import imaplib
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from _mailbench import machine

from tests.e2e.mail.support import Claims, OwnDovecot, OwnSmtp, cases, claims_command, with_message_id
from tests.servers.mail import imap
from tests.servers.postgres import own_postgres


def text_cases() -> list[tuple[bytes, int]]:
    from parsers.message import read_email
    from parsers.pdf_text import UnreadableDocument, read_pdf

    out = []
    for case in cases():
        needs_ocr = False
        for att in read_email(case.raw).attachments:
            with contextlib.suppress(UnreadableDocument):
                needs_ocr |= att.filename.lower().endswith(".pdf") and any(p.needs_ocr for p in read_pdf(att.data))
            needs_ocr |= att.content_type.startswith("image/")
        if not needs_ocr:
            out.append((case.raw, max(1, len(case.outcomes))))
    return out


def messages(count: int) -> tuple[list[bytes], int]:
    """`count` messages and how many decisions they make (a message with two claims makes two)."""
    base = text_cases()
    raws = [with_message_id(base[n % len(base)][0], f"<scale-{n}-{n % len(base)}@bench.claims.test>") for n in range(count)]
    return raws, sum(base[n % len(base)][1] for n in range(count))


def append_fast(server: object, raws: list[bytes]) -> None:
    with imap(server) as client:  # type: ignore[arg-type]
        for raw in raws:
            typ, data = client.append("INBOX", "", imaplib.Time2Internaldate(time.time()), raw)
            assert typ == "OK", data


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Sampler(threading.Thread):
    """Every second, the RSS of each worker (the children of `claims run --workers`)."""

    def __init__(self, parent: int) -> None:
        super().__init__(daemon=True)
        self.parent, self.samples = parent, {}  # type: ignore[var-annotated]
        self.stop = threading.Event()

    def run(self) -> None:
        started = time.monotonic()
        while not self.stop.wait(1.0):
            for pid in children(self.parent):
                if (mb := rss_mb(pid)) is not None:
                    self.samples.setdefault(pid, []).append((time.monotonic() - started, mb))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    raws, wanted = messages(args.messages)
    print(f"# bench/scale.py {dt.date.today()} on {machine()}: {len(raws)} messages, {args.workers} workers", flush=True)
    base = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        with own_postgres() as pg, OwnDovecot() as dovecot:
            smtp = OwnSmtp(base / "smtp").start()
            try:
                pg_admin = pg.admin()
                pg_admin.execute('CREATE DATABASE "scale"')  # type: ignore[attr-defined]
                claims = Claims(base / "run", dovecot.server.url("INBOX"), smtp.url, pg.url("scale"))
                claims.import_placements()
                t = time.perf_counter()
                append_fast(dovecot.server, raws)
                print(f"appended {len(raws)} in {time.perf_counter() - t:.0f} s", flush=True)
                log = base / "run.log"
                started = time.perf_counter()
                with open(log, "wb") as out:
                    proc = subprocess.Popen([*claims_command(), "run", "--once", "--workers", str(args.workers)],
                                            cwd=claims.workdir, env=claims.env, stdout=out, stderr=subprocess.STDOUT)
                sampler = Sampler(proc.pid)
                sampler.start()
                code = proc.wait(timeout=3600)
                seconds = time.perf_counter() - started
                sampler.stop.set()
                text = log.read_text(errors="replace")
                assert code in (0, 1), text[-3000:]
                summaries = [line for line in text.splitlines() if line.startswith("claims run:")]
                read = sum(int(line.rsplit(", ", 1)[1].split()[0]) for line in summaries)
                second = claims.run("run", "--once", check=False)
                decisions = claims.decisions()
                inbox = _count(dovecot.server, "INBOX")
                stamps = sorted(float(p.name.split("-", 1)[0]) for p in (base / "smtp").glob("[!.]*.eml"))
                replies = len(stamps)
                for line in summaries:
                    print(line, flush=True)
            finally:
                smtp.stop()
    finally:
        shutil.rmtree(base, ignore_errors=True)

    per_claim = Counter((d["message_id"], (d.get("period") or {}).get("start"), d.get("cpr")) for d in decisions)
    twice = sum(n - 1 for n in per_claim.values() if n > 1)
    second_read = int(second.stderr.strip().splitlines()[-1].rsplit(", ", 1)[1].split()[0]) if second.stderr.strip() else -1
    memory = []
    for pid, samples in sampler.samples.items():
        peak = max(mb for _, mb in samples)
        quarter = statistics.median(mb for t, mb in samples if t <= samples[-1][0] / 4 + 1) if samples else 0
        end = statistics.median(mb for t, mb in samples[-5:])
        memory.append((pid, peak, quarter, end))
    rate = len(raws) / seconds
    quarters = _quarters(stamps)
    lines = [
        "## Scale: many messages, several workers, one PostgreSQL",
        "",
        f"{dt.date.today().isoformat()}, {machine()}; Dovecot, aiosmtpd (in the benchmark's process) and PostgreSQL",
        f"on loopback. `.venv/bin/python bench/scale.py --messages {len(raws)} --workers {args.workers}`: the corpus's",
        "text-PDF and body-only messages under new Message-IDs (the OCR case left out: tesseract's time, not the",
        "pipeline's), APPENDed to INBOX, then one `claims run --once --workers N` timed from start to exit.",
        "",
        "| messages | workers | wall time | messages/s | bodies read | read by a second run | INBOX after | decisions (wanted) "
        "| decided twice | replies received | goal |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        f"| {len(raws)} | {args.workers} | **{seconds:.0f} s** | {rate:.1f} | {read} | {second_read} | {inbox} "
        f"| {len(decisions)} ({wanted}) | "
        f"**{twice}** | {replies} | < 600 s, each message read once |",
        "",
        f"Replies received per second in each quarter of the run (does it slow down as the ledger grows?): "
        f"{' · '.join(f'{q:.1f}' for q in quarters)}.",
        "",
        "| worker | peak RSS | RSS at a quarter of the run | RSS at the end | goal |",
        "|---|---|---|---|---|",
        *[f"| {n + 1} | **{peak:.0f} MB** | {quarter:.0f} MB | {end:.0f} MB | < 300 MB, flat |"
          for n, (_pid, peak, quarter, end) in enumerate(memory)],
        "",
    ]
    section = "\n".join(lines)
    print(section)
    if args.write:
        from parse import write_section  # type: ignore[import-not-found]  # bench/ is on sys.path when run as a script

        write_section(args.write, section, title="## Scale")
    return 0 if twice == 0 and inbox == 0 else 1


def _quarters(stamps: list[float]) -> list[float]:
    """Replies a second in each quarter of the time from the first reply to the last."""
    if len(stamps) < 2:
        return []
    first, span = stamps[0], (stamps[-1] - stamps[0]) / 4 or 1.0
    counts = Counter(min(int((t - first) / span), 3) for t in stamps)
    return [counts[q] / span for q in range(4)]


def _count(server: object, folder: str) -> int:
    with imap(server) as client:  # type: ignore[arg-type]
        typ, data = client.select(folder, readonly=True)
        return int(data[0]) if typ == "OK" else -1


if __name__ == "__main__":
    raise SystemExit(main())
