"""`make demo`: the whole processor on the embedded default, end to end.

A copy of the shipped sample Maildir under var/, SQLite in var/claims.db, replies written to
var/outbox; the sample placements are imported, `claims batch` runs the mailbox, and the
decisions, replies and the day's report are shown with where they are. The demo's own var/
is reset each time (it is marked with var/.demo); a var/ holding other data is left alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from app.settings import PROJECT_ROOT

VAR = Path("var")
MARKER = VAR / ".demo"
CLAIMS = str(Path(sys.executable).with_name("claims"))


def _reset() -> bool:
    own = [p for p in ("claims.db", "maildir", "outbox", "reports") if (VAR / p).exists()]
    if own and not MARKER.exists():
        print(f"make demo: {VAR.resolve()} holds data that the demo did not make ({', '.join(own)}); "
              "move it away or set CLAIMS_DATABASE_URL, CLAIMS_MAILBOX and CLAIMS_OUTBOX elsewhere.", file=sys.stderr)
        return False
    for name in ("claims.db", "claims.db.lock", "maildir", "outbox", "reports"):
        path = VAR / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    VAR.mkdir(exist_ok=True)
    MARKER.write_text("made by make demo; safe to delete\n")
    return True


def _claims(*args: str, env: dict[str, str]) -> int:
    print(f"\n$ claims {' '.join(args)}", flush=True)
    return subprocess.call([CLAIMS, *args], env=env)


def main() -> int:
    os.chdir(PROJECT_ROOT)
    if not _reset():
        return 2
    env = dict(os.environ)
    env.setdefault("CLAIMS_TODAY", "2026-11-20")  # the samples' "today", so every run shows the same
    for key in ("CLAIMS_DATABASE_URL", "CLAIMS_MAILBOX", "CLAIMS_OUTBOX"):
        env.pop(key, None)  # the embedded default (CONTRACT.md)
    missing = [tool for tool in ("tesseract",) if shutil.which(tool) is None]
    if missing:
        print("make demo: OCR is not available (tesseract is not installed): scanned payslips are reported, not read. "
              "Install with: apt-get install tesseract-ocr tesseract-ocr-dan", file=sys.stderr)
    _claims("placements", "import", str(PROJECT_ROOT / "samples" / "placements.csv"), env=env)
    batch = _claims("batch", env=env)
    _claims("decisions", env=env)
    outbox = sorted((VAR / "outbox").glob("*.eml"))
    reports = sorted((VAR / "reports").glob("rapport-*"))
    print("\nWhere things are:")
    print(f"  decisions   claims decisions (--json)  [database {(VAR / 'claims.db').resolve()}]")
    print(f"  replies     {(VAR / 'outbox').resolve()}  ({len(outbox)} e-mails, one .eml per reply)")
    for report in reports:
        print(f"  report      {report.resolve()}")
    print(f"  mailbox     {(VAR / 'maildir').resolve()}  (handled mail is filed in .Processed, .Review and .Failed)")
    print("\nThe review page: claims users add NAME --role reviewer, then claims serve (http://127.0.0.1:8000).")
    return 0 if batch in (0, 1) else batch


if __name__ == "__main__":
    sys.exit(main())
