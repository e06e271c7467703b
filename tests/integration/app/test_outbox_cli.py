"""`claims outbox retry`: a reply given up on (SMTP down past its tries) goes out after a repair."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from app.bootstrap import bootstrap
from app.pipeline import deliver, process_raw
from app.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = sorted((ROOT / "samples" / "maildir" / "new").glob("*M1P1*"))[0]
pytestmark = pytest.mark.integration


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends: nothing listens there


def test_a_reply_given_up_on_is_sent_by_outbox_retry_after_the_repair(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'claims.db'}"
    settings = Settings(database_url=database, mailbox=f"maildir://{tmp_path}", outbox=f"smtp://127.0.0.1:{_closed_port()}",
                        today="2026-11-20")  # type: ignore[arg-type]
    services = bootstrap(settings)
    process_raw(services, SAMPLE.read_bytes())
    deliver(services, attempts=1)
    assert [i.status for i in services.store.outbox()] == ["failed"]

    env = dict(os.environ, CLAIMS_DATABASE_URL=database, CLAIMS_OUTBOX=f"dir://{tmp_path / 'outbox'}", CLAIMS_TODAY="2026-11-20")
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "claims"), "outbox", "retry"], env=env, capture_output=True, text=True,
                            timeout=120)  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "1 failed repl(ies) queued again; 1 sent" in result.stdout
    assert [i.status for i in services.store.outbox()] == ["sent"]
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
