"""A real PostgreSQL 15 for the tests, as a pytest plugin (`pytest_plugins` in tests/conftest.py).

- `postgres_server` (session): a throwaway cluster (RECIPES.md §4): `initdb` as the `postgres`
  user (via `runuser` when we are root), `pg_ctl start` on 127.0.0.1 with a free port found at
  runtime, its socket in the cluster's own folder (`-k`), fsync off; stopped at the session's
  end with `pg_ctl stop -m fast`, and the folder removed.
- `database_url` (function, parametrized ``sqlite`` / ``postgresql``): a fresh, empty database
  for one test: a SQLite file in `tmp_path`, or a new database in the session's cluster
  (dropped afterwards). Tests that take it run once against each.

Where PostgreSQL cannot run (no binaries, no `postgres` user) the PostgreSQL half is skipped
with the reason, except under CI=true, where it fails: CI must never pass by skipping it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
PG_USER = "postgres"


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _pg_bin() -> Path | None:
    """The server binaries: $PG_BIN, else Debian's newest /usr/lib/postgresql/<n>/bin (15 first)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    preferred = Path("/usr/lib/postgresql/15/bin")
    if (preferred / "initdb").exists():
        return preferred
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    """A running throwaway cluster: `url(db)` gives a SQLAlchemy URL for one of its databases."""

    base: Path
    port: int
    pg_bin: Path
    as_user: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> object:
        import psycopg

        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=PG_USER, dbname="postgres", autocommit=True
        )

    def create_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:  # type: ignore[attr-defined]
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:  # type: ignore[attr-defined]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        data = self.base / "data"
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*self.as_user, str(self.pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )


def _start(base: Path, pg_bin: Path, as_user: list[str]) -> PostgresServer:
    data, sock = base / "data", base / "sock"
    sock.mkdir(parents=True)
    if as_user:
        info = pwd.getpwnam(PG_USER)
        for path in (base, sock):
            os.chown(path, info.pw_uid, info.pw_gid)
    initdb = subprocess.run(
        [*as_user, str(pg_bin / "initdb"), "-D", str(data), "-U", PG_USER, "-A", "trust", "-E", "UTF8",
         "--locale=C.UTF-8"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if initdb.returncode != 0:
        raise RuntimeError(f"initdb failed: {initdb.stderr.strip()[-800:]}")
    last_error = ""
    for _attempt in range(3):  # a port found free may be taken before the server binds it
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        started = subprocess.run(
            [*as_user, str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"), "-w", "-t", "30",
             "-o", options, "start"],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
        if started.returncode == 0:
            server = PostgresServer(base, port, pg_bin, as_user)
            _wait_ready(server)
            return server
        log = (base / "server.log").read_text(errors="replace") if (base / "server.log").exists() else ""
        last_error = (started.stderr + log).strip()[-800:]
    raise RuntimeError(f"pg_ctl start failed: {last_error}")


def _wait_ready(server: PostgresServer) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with server.admin():  # type: ignore[attr-defined]
                return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL cluster on 127.0.0.1 for the whole session."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed")
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(own_postgres())
        except (RuntimeError, OSError, subprocess.SubprocessError) as err:
            _unavailable(str(err))
            return
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database; each test that takes it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'claims.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


@contextlib.contextmanager
def own_postgres() -> Iterator[PostgresServer]:
    """A throwaway cluster (the session's fixture, and bench/ outside pytest): started, yielded,
    then stopped and removed. RuntimeError where PostgreSQL cannot run here."""
    pg_bin = _pg_bin()
    if pg_bin is None:
        raise RuntimeError("no initdb found (Debian: apt-get install postgresql; or set PG_BIN)")
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            pwd.getpwnam(PG_USER)
        except KeyError:
            raise RuntimeError("running as root and there is no 'postgres' user to run the server as") from None
        runuser = shutil.which("runuser")
        if runuser is None:
            raise RuntimeError("running as root and runuser is missing")
        as_user = [runuser, "-u", PG_USER, "--"]
    base = Path(tempfile.mkdtemp(prefix="claims-pg-"))
    server = None
    try:
        server = _start(base, pg_bin, as_user)
        yield server
    finally:
        if server is not None:
            with contextlib.suppress(Exception):
                server.stop()
        shutil.rmtree(base, ignore_errors=True)
