"""A Maildir as the claims mailbox (`CLAIMS_MAILBOX=maildir:///abs/path`).

The root folder's `new/` and `cur/` hold the waiting mail; a handled message is renamed into a
Maildir++ subfolder (`.Processed`, `.Review`, `.Failed`, created by `mailbox.Maildir.add_folder`
on demand, the layout Dovecot uses), keeping its file name and flags: a rename is atomic, so a
message is never in two places or none. Nothing is marked seen: the file stays as delivered.
"""

from __future__ import annotations

import datetime as dt
import logging
import mailbox
import os
import time
from pathlib import Path
from typing import BinaryIO

from mailroom.errors import ConfigError, MessageGone, TransientError
from mailroom.inbound import InboundMail, Waiting, oldest_first, read_all, waiting_of

log = logging.getLogger(__name__)

PREFIX = "maildir:"
_SUBDIRS = ("new", "cur")
_POLL_SECONDS = 0.2


def _name_key(filename: str) -> str:
    """The Maildir unique name: the file name without the `:2,FLAGS` info part."""
    return filename.split(":", 1)[0]


def _head(handle: BinaryIO) -> bytes:
    """The header block of a message file (up to the first blank line, at most 256 KB)."""
    head = bytearray()
    for line in handle:
        head += line
        if line in (b"\r\n", b"\n") or len(head) > 256 * 1024:
            break
    return bytes(head)


def _check_folder(folder: str) -> str:
    if not folder or folder.startswith(".") or "/" in folder or "\x00" in folder:
        raise ValueError(f"not a folder name: {folder!r}")
    return folder


class MaildirSource:
    """The Maildir at `path` (it must exist; `cur`, `new` and `tmp` are made when missing)."""

    def __init__(self, path: str | Path) -> None:
        self._root = Path(path)
        if not self._root.is_dir():
            raise ConfigError(f"the Maildir {self._root} does not exist")
        for sub in ("cur", "new", "tmp"):
            (self._root / sub).mkdir(exist_ok=True)
        self._maildir = mailbox.Maildir(self._root, factory=None, create=False)
        self._seen: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return f"maildir://{self._root}"

    @property
    def can_wait(self) -> bool:
        return True

    def _scan(self) -> dict[str, Path]:
        """Unique name -> current path of every message in the root folder."""
        found: dict[str, Path] = {}
        for sub in _SUBDIRS:
            with os.scandir(self._root / sub) as entries:
                for entry in entries:
                    if not entry.name.startswith(".") and entry.is_file():
                        found[_name_key(entry.name)] = Path(entry.path)
        return found

    def fetch(self) -> tuple[InboundMail, ...]:
        return read_all(self)

    def waiting(self) -> tuple[Waiting, ...]:
        try:
            files = self._scan()
            stamped = sorted((path.stat().st_mtime_ns, key, path) for key, path in files.items())
            out = []
            for arrival, (mtime_ns, key, path) in enumerate(stamped):
                with open(path, "rb") as handle:
                    head = _head(handle)
                arrived = dt.datetime.fromtimestamp(mtime_ns / 1e9, tz=dt.UTC)
                out.append(waiting_of(PREFIX + key, head, arrived, arrival))
        except FileNotFoundError as err:  # renamed under us by another reader: try again later
            raise TransientError(f"a message in {self.name} moved while it was read") from err
        except OSError as err:
            raise TransientError(f"cannot read the Maildir {self.name}") from err
        self._seen = frozenset(files)
        return oldest_first(out)

    def read(self, key: str) -> bytes:
        path = self._scan().get(key.removeprefix(PREFIX)) if key.startswith(PREFIX) else None
        if path is None:
            raise MessageGone(f"no message {key} in {self.name}")
        try:
            return path.read_bytes()
        except FileNotFoundError as err:  # filed by another worker a moment ago
            raise MessageGone(f"no message {key} in {self.name}") from err
        except OSError as err:
            raise TransientError(f"cannot read {key} in {self.name}") from err

    def _target(self, folder: str) -> Path:
        if folder not in self._maildir.list_folders():
            self._maildir.add_folder(folder)
        return self._root / f".{folder}"

    def move(self, key: str, folder: str) -> None:
        if not key.startswith(PREFIX):
            raise MessageGone(f"not a key of this Maildir: {key!r}")
        name = key.removeprefix(PREFIX)
        _check_folder(folder)
        try:
            target = self._target(folder)
            source = self._scan().get(name)
            if source is None:
                if any(_name_key(p.name) == name for sub in _SUBDIRS for p in (target / sub).iterdir()):
                    return  # already there: a repeated move after a crash is no error
                raise MessageGone(f"no message {name} in {self.name}")
            os.rename(source, target / source.parent.name / source.name)
        except OSError as err:
            raise TransientError(f"cannot move {name} to {folder} in {self.name}") from err
        log.info("maildir: moved %s to %s", name, folder)

    def wait(self, timeout: float) -> bool:
        """Watches `new/` and `cur/` for a name not there at the last fetch."""
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            try:
                if set(self._scan()) - self._seen:
                    return True
            except OSError as err:
                raise TransientError(f"cannot read the Maildir {self.name}") from err
            if time.monotonic() >= deadline:
                return False
            time.sleep(min(_POLL_SECONDS, max(deadline - time.monotonic(), 0.0)))

    def close(self) -> None:
        """Nothing to release; here so every source closes the same way."""
