"""Real mail servers for the tests, as a pytest plugin (`pytest_plugins` in tests/conftest.py).

- `dovecot` (session): Debian's Dovecot with its own config in a temporary folder
  (RECIPES.md §2), on a free loopback port chosen at runtime, user `jobcenter`/`secret`,
  started as `dovecot -c CONF -F` and stopped by SIGTERM to that PID.
- `imap_account` (function): the same server with the account emptied first.
- `smtp_server` (session): aiosmtpd's `Controller` in this process on 127.0.0.1, saving every
  message as a raw .eml file; `smtp_sink` (function) empties the folder first.
- `test_ca` (session): a CA and a 127.0.0.1/localhost certificate (tests/servers/tls.py);
  `dovecot_tls` (session) is Dovecot with `ssl = yes` and that certificate (STARTTLS on the
  plain port), and `smtp_tls_sink` (function) aiosmtpd that requires STARTTLS and offers AUTH
  (`USER`/`PASSWORD`) only after it, recording whether each message came over TLS.

Where a server cannot run (no Dovecot, not root) the tests that need it are skipped with the
reason, except under CI=true, where they fail: CI must never pass by skipping them.
The helpers talk plain imaplib, so the tests check `mailroom` against a second client.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import imaplib
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.servers.tls import CertAuthority, make_ca

USER, PASSWORD = "jobcenter", "secret"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}

DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {base}/run
state_dir = {base}/state
log_path = {base}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_fsync = never
mail_location = maildir:{base}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/users
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={base}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
namespace inbox {{
  inbox = yes
}}
# no growing penalty after the failed-login test (doc.dovecot.org "Authentication Penalty")
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


def unavailable(reason: str) -> None:
    """Skip with the reason, or fail under CI (server tests must run there)."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the server tests must run, not be skipped)", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return proc.poll() is None  # the port answers, and it is our process that answers
        time.sleep(0.05)
    return False


# -- Dovecot ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DovecotServer:
    host: str
    port: int
    base: Path
    pid: int
    user: str = USER
    password: str = field(default=PASSWORD, repr=False)

    def url(self, folder: str = "INBOX") -> str:
        return f"imap://{self.user}:{self.password}@{self.host}:{self.port}/{folder}"

    @property
    def maildir(self) -> Path:
        """The account's Maildir on disk (Maildir++: subfolders are `.Processed` ...)."""
        return self.base / "mail" / self.user


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    with _dovecot("ssl = no") as server:
        yield server


@pytest.fixture(scope="session")
def dovecot_tls(test_ca: CertAuthority) -> Iterator[DovecotServer]:
    """Dovecot offering STARTTLS on its IMAP port, with a certificate of `test_ca`."""
    with _dovecot(f"ssl = yes\nssl_cert = <{test_ca.cert_file}\nssl_key = <{test_ca.key_file}\n"
                  "ssl_min_protocol = TLSv1.2") as server:
        yield server


@contextlib.contextmanager
def _dovecot(ssl: str, *, oauth2: tuple[str, str] | None = None) -> Iterator[DovecotServer]:
    """Dovecot with `ssl` settings; `oauth2`: the auth lines (mechanisms, the oauth2 passdb) and
    that passdb's file, from tests/servers/oauth2.py."""
    binary = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)
    if binary is None:
        unavailable("Dovecot is not installed (apt-get install dovecot-imapd; make system-deps)")
    if os.geteuid() != 0:
        unavailable("the Dovecot fixture runs Dovecot as root with mail owned by nobody (RECIPES.md §2)")
    assert binary is not None
    base = Path(tempfile.mkdtemp(prefix="claims-dovecot-"))
    base.chmod(0o755)  # the mail processes run as nobody and must reach base/mail
    for sub in ("run", "state", "mail"):
        (base / sub).mkdir()
    shutil.chown(base / "mail", "nobody", "nogroup")
    (base / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    port = free_port()
    conf = base / "dovecot.conf"
    text = DOVECOT_CONF.format(base=base, port=port).replace("ssl = no\n", f"{ssl}\n")
    if oauth2 is not None:
        auth, passdb_file = oauth2
        (base / "oauth2.conf.ext").write_text(passdb_file)
        text = (text.replace("auth_mechanisms = plain login\n", "")
                .replace("  driver = passwd-file\n", "  driver = passwd-file\n  mechanisms = plain login\n")
                + auth.replace("{base}", str(base)))
    conf.write_text(text)
    with open(base / "stdout.log", "wb") as out:
        proc = subprocess.Popen([binary, "-c", str(conf), "-F"], stdout=out, stderr=subprocess.STDOUT)
    try:
        if not _wait_port(port, proc):
            logs = "".join(p.read_text(errors="replace") for p in (base / "stdout.log", base / "dovecot.log")
                           if p.exists())
            pytest.fail(f"Dovecot did not come up on 127.0.0.1:{port}:\n{logs}", pytrace=False)
        yield DovecotServer("127.0.0.1", port, base, proc.pid)
    finally:
        proc.terminate()  # SIGTERM to the master; it takes ~2.5 s (RECIPES.md §2)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def imap(server: DovecotServer) -> Iterator[imaplib.IMAP4]:
    client = imaplib.IMAP4(server.host, server.port, timeout=10)
    try:
        client.login(server.user, server.password)
        yield client
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            client.logout()


def append(
    server: DovecotServer, raw: bytes, folder: str = "INBOX", *, when: dt.datetime | None = None
) -> None:
    """APPEND one message, unseen (no flags), with `when` as its INTERNALDATE."""
    with imap(server) as client:
        typ, data = client.append(folder, "", imaplib.Time2Internaldate(when or dt.datetime.now(dt.UTC)), raw)
        assert typ == "OK", data


def list_folders(server: DovecotServer) -> list[str]:
    with imap(server) as client:
        _, data = client.list()
    return sorted(line.decode().rsplit(" ", 1)[-1].strip('"') for line in data if isinstance(line, bytes))


def uids(server: DovecotServer, folder: str = "INBOX", criteria: str = "ALL") -> list[int]:
    """UIDs in `folder` matching an IMAP SEARCH (`UNSEEN`, `SEEN`, ...); [] if it does not exist."""
    with imap(server) as client:
        typ, _ = client.select(folder, readonly=True)
        if typ != "OK":
            return []
        _, data = client.uid("SEARCH", criteria)
    return [int(uid) for uid in data[0].split()]


def reset_account(server: DovecotServer) -> None:
    """Empties INBOX and deletes every other folder."""
    with imap(server) as client:
        for folder in list_folders(server):
            if folder.upper() != "INBOX":
                client.delete(folder)
        _, count = client.select("INBOX")
        if int(count[0] or 0):
            client.store("1:*", "+FLAGS.SILENT", r"(\Deleted)")
            client.expunge()


@pytest.fixture
def imap_account(dovecot: DovecotServer) -> DovecotServer:
    reset_account(dovecot)
    return dovecot


# -- aiosmtpd --------------------------------------------------------------------------------


class SaveEml:
    """aiosmtpd handler: each message as the raw bytes received, one .eml file, published by
    rename; the envelopes are kept in memory for the assertions."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.envelopes: list[tuple[str, tuple[str, ...]]] = []
        self._lock = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        name = f"{time.time():.6f}-{uuid.uuid4().hex[:8]}.eml"
        tmp = self.folder / f".{name}"
        tmp.write_bytes(envelope.original_content or envelope.content)
        tmp.rename(self.folder / name)
        with self._lock:
            self.envelopes.append((envelope.mail_from, tuple(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


@dataclass
class SmtpSink:
    host: str
    port: int
    folder: Path
    handler: SaveEml

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def messages(self) -> list[bytes]:
        """Every message received, in the order received."""
        return [p.read_bytes() for p in sorted(self.folder.glob("[!.]*.eml"))]

    def clear(self) -> None:
        for path in self.folder.glob("*.eml"):
            path.unlink()
        self.handler.envelopes.clear()


@pytest.fixture(scope="session")
def smtp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpSink]:
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        unavailable("aiosmtpd is not installed (pip install -e '.[dev]')")
    folder = tmp_path_factory.mktemp("smtp")
    handler = SaveEml(folder)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, enable_SMTPUTF8=True)
    controller.start()
    try:
        yield SmtpSink("127.0.0.1", port, folder, handler)
    finally:
        controller.stop()


@pytest.fixture
def smtp_sink(smtp_server: SmtpSink) -> SmtpSink:
    smtp_server.clear()
    return smtp_server


# -- TLS -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> CertAuthority:
    return make_ca(tmp_path_factory.mktemp("ca"))


class SaveEmlTls(SaveEml):
    """`SaveEml` that also records, per message, whether it came over TLS and who logged in."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.sessions: list[tuple[bool, str | None]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        login = getattr(session.auth_data, "login", None) if session.authenticated else None
        self.sessions.append((session.ssl is not None, login.decode() if isinstance(login, bytes) else login))
        return await super().handle_DATA(server, session, envelope)


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (USER.encode(), PASSWORD.encode())
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


@pytest.fixture(scope="session")
def smtp_tls_server(tmp_path_factory: pytest.TempPathFactory, test_ca: CertAuthority) -> Iterator[SmtpSink]:
    folder = tmp_path_factory.mktemp("smtp-tls")
    with starttls_sink(SaveEmlTls(folder), test_ca, _authenticate) as sink:
        yield sink


@contextlib.contextmanager
def starttls_sink(handler: SaveEml, ca: CertAuthority, authenticator: Any) -> Iterator[SmtpSink]:
    """aiosmtpd on loopback requiring STARTTLS (a certificate of `ca`), AUTH only after it."""
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        unavailable("aiosmtpd is not installed (pip install -e '.[dev]')")
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, tls_context=ca.server_context(),
                            require_starttls=True, authenticator=authenticator, auth_require_tls=True)
    controller.start()
    try:
        yield SmtpSink("127.0.0.1", port, handler.folder, handler)
    finally:
        controller.stop()


@pytest.fixture
def smtp_tls_sink(smtp_tls_server: SmtpSink) -> SmtpSink:
    smtp_tls_server.clear()
    assert isinstance(smtp_tls_server.handler, SaveEmlTls)
    smtp_tls_server.handler.sessions.clear()
    return smtp_tls_server
