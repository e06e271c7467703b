"""Helpers for the tests that drive `claims` as a real process against real mail servers
(tests/e2e/mail, tests/integration/app/test_daemon.py) and for the mail benchmarks (bench/).

- `Claims`: the `claims` command with a test's environment (mailbox, outbox, database, today),
  run to the end (`run`) or started in the background (`start`, a `Daemon`).
- `OwnDovecot`: a Dovecot of one test's own, which the test may stop and start again on the same
  port and folder (the session's `dovecot` fixture must stay up for every other test).
- `OwnSmtp`: an aiosmtpd sink of one test's own, which the test may stop and start again.
- Readers of what ended where: Message-IDs per IMAP folder, per message received by the sink.

The corpus is the shared one beside the project (../shared/corpus); the samples shipped in the
project (samples/maildir) stand in where it is absent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email
import email.policy
import imaplib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.servers.mail import (
    DOVECOT_CONF,
    PASSWORD,
    USER,
    DovecotServer,
    SaveEml,
    SmtpSink,
    _wait_port,
    free_port,
    imap,
)

PROJECT = Path(__file__).resolve().parents[3]
CORPUS = PROJECT.parent / "shared" / "corpus"
SAMPLES = PROJECT / "samples"
TODAY = "2026-11-20"  # corpus.json
AUTOMATIC = frozenset({"<dev-04@corpus.albertslund.test>", "<dev-40@corpus.albertslund.test>"})  # out-of-office, newsletter
TERMINAL_FOLDERS = ("Processed", "Review", "Failed")
_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(<[^>\r\n]*>)", re.IGNORECASE | re.MULTILINE)


# -- the corpus ------------------------------------------------------------------------------


def have_corpus() -> bool:
    return (CORPUS / "cases").is_dir() and (CORPUS / "placements.csv").is_file()


@dataclass(frozen=True)
class Case:
    name: str
    raw: bytes
    message_id: str
    outcomes: tuple[str, ...]  # expected, in claim order; () when unknown (samples)


def corpus_cases() -> list[Case]:
    """The shared corpus in delivery order (its `order`: threads and resends after their originals)."""
    cases = []
    for folder in (CORPUS / "cases").iterdir():
        expected_file = folder / "expected.json"
        if not expected_file.exists():
            continue
        expected = json.loads(expected_file.read_text())
        cases.append((expected["order"], folder.name, Case(
            folder.name, (folder / "message.eml").read_bytes(), expected["parse"]["message"]["message_id"],
            tuple(d["outcome"] for d in expected["decisions"]),
        )))
    return [case for _, _, case in sorted(cases, key=lambda t: (t[0], t[1]))]


def sample_cases() -> list[Case]:
    """The samples shipped with the project (no expected outcomes)."""
    out = []
    for path in sorted((SAMPLES / "maildir" / "new").iterdir()):
        raw = path.read_bytes()
        out.append(Case(path.name, raw, message_id_of(raw) or path.name, ()))
    return out


def placements_csv() -> Path:
    return CORPUS / "placements.csv" if have_corpus() else SAMPLES / "placements.csv"


def cases() -> list[Case]:
    return corpus_cases() if have_corpus() else sample_cases()


def message_id_of(raw: bytes) -> str | None:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    found = _MESSAGE_ID.search(head)
    return found.group(1).decode("ascii", "replace") if found else None


def with_message_id(raw: bytes, message_id: str) -> bytes:
    """The same mail under another Message-ID (new bytes, so a new message to the ledger)."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = raw.partition(b"\n\n")
    new_head, count = _MESSAGE_ID.subn(b"Message-ID: " + message_id.encode(), head, count=1)
    if count == 0:
        new_head = b"Message-ID: " + message_id.encode() + b"\r\n" + head
    return new_head + sep + body


# -- the claims command ----------------------------------------------------------------------


def claims_command() -> list[str]:
    script = Path(sys.executable).parent / "claims"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from app.cli import main; main()"]


@dataclass
class Claims:
    """`claims` in a folder of its own (var/, locks, reports) with a fixed environment."""

    workdir: Path
    mailbox: str
    outbox: str
    database_url: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMS_")}
        env.update({
            "CLAIMS_MAILBOX": self.mailbox,
            "CLAIMS_OUTBOX": self.outbox,
            "CLAIMS_DATABASE_URL": self.database_url,
            "CLAIMS_TODAY": TODAY,
            "OMP_THREAD_LIMIT": "1",
            "PYTHONUNBUFFERED": "1",
        })
        env.update(self.extra)
        return env

    def run(self, *args: str, timeout: float = 300, check: bool = True, **env: str) -> subprocess.CompletedProcess[str]:
        self.workdir.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([*claims_command(), *args], cwd=self.workdir, env={**self.env, **env},
                                capture_output=True, text=True, timeout=timeout, check=False)
        if check and result.returncode not in (0,):
            raise AssertionError(f"claims {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr[-4000:]}")
        return result

    def start(self, *args: str, log: Path | None = None, **env: str) -> Daemon:
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = log or self.workdir / f"claims-{time.time_ns()}.log"
        with open(log, "ab") as out:
            proc = subprocess.Popen([*claims_command(), *args], cwd=self.workdir, env={**self.env, **env},
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        return Daemon(proc, log)

    def import_placements(self, csv_path: Path | None = None) -> None:
        self.run("placements", "import", str(csv_path or placements_csv()))

    def decisions(self) -> list[dict[str, Any]]:
        return json.loads(self.run("decisions", "--json").stdout)

    def outcomes_by_message(self) -> dict[str, list[str]]:
        """Each message's decision outcomes, sorted (a message with two claims has two)."""
        out: dict[str, list[str]] = {}
        for row in self.decisions():
            out.setdefault(row["message_id"], []).append(row["outcome"])
        return {mid: sorted(outcomes) for mid, outcomes in out.items()}


@dataclass
class Daemon:
    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def wait_for_log(self, needle: str, timeout: float, *, count: int = 1) -> bool:
        return wait_until(lambda: self.text().count(needle) >= count or self.proc.poll() is not None, timeout) \
            and self.text().count(needle) >= count

    def terminate(self, timeout: float = 15.0) -> tuple[int | None, float]:
        """SIGTERM; the exit code (None if still running after `timeout`) and the seconds it took."""
        started = time.monotonic()
        with contextlib.suppress(ProcessLookupError):
            self.proc.send_signal(signal.SIGTERM)
        try:
            code: int | None = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        return code, time.monotonic() - started

    def kill(self) -> None:
        """kill -9, of the process only (its own session holds no children of note)."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)

    def __enter__(self) -> Daemon:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.proc.poll() is None:
            code, _ = self.terminate(timeout=15)
            if code is None:
                self.kill()


def wait_until(predicate: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


# -- what ended where ------------------------------------------------------------------------


def append_all(server: DovecotServer, raws: list[bytes], folder: str = "INBOX") -> None:
    """APPENDs in one connection, each a second after the last (INTERNALDATE = arrival order)."""
    start = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=len(raws))
    with imap(server) as client:
        for number, raw in enumerate(raws):
            when = imaplib.Time2Internaldate(start + dt.timedelta(seconds=number))
            typ, data = client.append(folder, "", when, raw)
            assert typ == "OK", data


def folder_message_ids(server: DovecotServer, folder: str) -> list[str]:
    """The Message-ID of every message in `folder` ([] when the folder does not exist)."""
    with imap(server) as client:
        typ, _ = client.select(folder, readonly=True)
        if typ != "OK":
            return []
        typ, data = client.uid("FETCH", "1:*", "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
    ids = []
    for item in data or []:
        if isinstance(item, tuple):
            found = message_id_of(item[1].strip() + b"\r\n\r\n")
            ids.append(found or "")
    return ids


def where_is(server: DovecotServer) -> dict[str, list[str]]:
    """Message-IDs per folder: INBOX and the three terminal folders."""
    return {folder: folder_message_ids(server, folder) for folder in ("INBOX", *TERMINAL_FOLDERS)}


def received(sink: SmtpSink | OwnSmtp) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(raw, policy=email.policy.default) for raw in sink.messages()]  # type: ignore[misc]


# -- servers of a test's own -----------------------------------------------------------------


class OwnDovecot:
    """A Dovecot that one test owns: `stop()` and `start()` again on the same port and folder,
    with the mail kept (a restart of the IMAP server under a running daemon)."""

    def __init__(self, base: Path | None = None, port: int | None = None) -> None:
        binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
        self.binary = binary
        self.base = base or Path(tempfile.mkdtemp(prefix="claims-own-dovecot-"))
        self.base.chmod(0o755)
        for sub in ("run", "state", "mail"):
            (self.base / sub).mkdir(exist_ok=True)
        shutil.chown(self.base / "mail", "nobody", "nogroup")
        (self.base / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        self.port = port or free_port()
        self.conf = self.base / "dovecot.conf"
        self.conf.write_text(DOVECOT_CONF.format(base=self.base, port=self.port))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def server(self) -> DovecotServer:
        return DovecotServer("127.0.0.1", self.port, self.base, self.proc.pid if self.proc else 0)

    def url(self, folder: str = "INBOX") -> str:
        return self.server.url(folder)

    def start(self) -> OwnDovecot:
        with open(self.base / "stdout.log", "ab") as out:
            self.proc = subprocess.Popen([self.binary, "-c", str(self.conf), "-F"], stdout=out, stderr=subprocess.STDOUT,
                                         start_new_session=True)  # its own process group: see stop()
        if not _wait_port(self.port, self.proc):
            logs = "".join(p.read_text(errors="replace")[-2000:] for p in (self.base / "stdout.log", self.base / "dovecot.log")
                           if p.exists())
            raise RuntimeError(f"Dovecot did not come up on 127.0.0.1:{self.port}:\n{logs}")
        return self

    def stop(self) -> None:
        """SIGTERM to our master and then to what is left of its process group, as a restart of
        the service would: the master exits within ~1 s, but an `imap` process serving a client
        outlives it by several seconds and keeps answering that client, so without this a
        "restart" would not drop the daemon's connection."""
        if self.proc is None:
            return
        group = self.proc.pid
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self.proc = None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)

        def gone() -> bool:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                return True
            return False

        if not wait_until(gone, 10):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
            wait_until(gone, 5)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> OwnDovecot:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.close()


class OwnSmtp:
    """An aiosmtpd sink that one test owns, to stop and start again on the same port."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = folder
        self.handler = SaveEml(folder)
        self.port = port or free_port()
        self.host = "127.0.0.1"
        self._controller: Any = None

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def start(self) -> OwnSmtp:
        from aiosmtpd.controller import Controller

        self._controller = Controller(self.handler, hostname=self.host, port=self.port, enable_SMTPUTF8=True)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def messages(self) -> list[bytes]:
        return [p.read_bytes() for p in sorted(self.folder.glob("[!.]*.eml"))]


@contextlib.contextmanager
def own_smtp(folder: Path) -> Iterator[OwnSmtp]:
    sink = OwnSmtp(folder).start()
    try:
        yield sink
    finally:
        sink.stop()
