"""Who a reply goes to: a usable address taken from what the parser read, or the reason there is
none (issue 8, finding 4).

The parser keeps what `email.utils.parseaddr` made of a From, and a malformed one gives text that
is no address: `"Hansen, Mette <mette@skole.dk>` (the quote never ends) becomes the "address"
`hansen, mette <mette@skole.dk>`, which `email.headerregistry.Address` refuses. Here such text
is searched for the one addr-spec it holds, and a display name that cannot go into a header is
left out, so the reply is built whenever there is an address to send it to.

A usable address is plain ASCII for SMTP without SMTPUTF8 (RFC 5321 §4.1.2): a dot-atom or
quoted local part, and a host name of at least two labels (a non-ASCII domain in its IDNA form).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import message_from_bytes
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, default
from functools import lru_cache

from claims.model import MessageInfo

__all__ = ["Recipient", "recipient", "usable_address", "usable_name"]

_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_LOCAL = rf'(?:{_ATEXT}+(?:\.{_ATEXT}+)*|"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*")'
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = rf"{_LABEL}(?:\.{_LABEL})+"
_ADDR_SPEC = re.compile(rf"{_LOCAL}@{_DOMAIN}")
# An address inside other text must stand alone: `a@b@c.dk` holds no address, not `b@c.dk`.
_EDGE = r'\s<>(),;:"\[\]'
_CANDIDATE = re.compile(rf"(?<![^{_EDGE}])([^{_EDGE}@]+@[^{_EDGE}@]+)(?![^{_EDGE}])")
_ANGLED = re.compile(r"<([^<>]*)>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True, slots=True)
class Recipient:
    """The To of a reply: `address` (None when there is nobody to answer, then `reason` says
    why) and the display name, None when it could not go into a header."""

    address: str | None
    name: str | None = None
    reason: str | None = None


def _idna(address: str) -> str:
    local, _, domain = address.rpartition("@")
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}" if not domain.isascii() else address
    except UnicodeError:
        return address  # left as it was: the check below refuses it


def _valid(address: str) -> bool:
    local, _, domain = address.rpartition("@")
    if len(local) > 64 or len(address) > 254 or not _ADDR_SPEC.fullmatch(address):
        return False
    return not domain.rsplit(".", 1)[-1].isdigit()  # 10.0.0.1 is no host name


def usable_address(text: str | None) -> str | None:
    """The best addr-spec in `text`: the text itself, else the last `<...>` in it (a display
    name comes first), else the one bare address standing alone in it; None when there is none
    or more than one bare one to choose from."""
    text = (text or "").strip()
    if not text:
        return None
    angled = [m.strip() for m in _ANGLED.findall(text)]
    bare = _CANDIDATE.findall(text)
    for candidate in (text, *reversed(angled), *(bare if len(set(bare)) == 1 else ())):
        address = _idna(candidate.strip())
        if _valid(address) and _renders("", address):
            return address.lower()
    return None


def usable_name(name: str | None, address: str) -> str | None:
    """The display name as it can go into the To header, None when it cannot (or is empty)."""
    tidy = re.sub(r"\s+", " ", _CONTROL.sub(" ", name or "")).strip()
    if not tidy or tidy.lower() == address.lower():
        return None
    return tidy if _renders(tidy, address) else None


def recipient(info: MessageInfo) -> Recipient:
    """Reply-To when it is usable, else From: the address, its name, or why there is none."""
    reply_to = usable_address(info.reply_to)
    address = reply_to or usable_address(info.sender)
    if address:  # the parser keeps no name of a Reply-To: the From's name goes with either
        return Recipient(address, usable_name(info.sender_name, address))
    if info.sender or info.reply_to:
        return Recipient(None, reason="the sender's address is malformed and holds no usable address")
    return Recipient(None, reason="the mail names no sender (no From, no Reply-To)")


@lru_cache(maxsize=4096)  # a pure check, asked for the same few senders again and again
def _renders(name: str, address: str) -> bool:
    """Whether a To header of this name and address can be written and reads back as the same
    one address (the last word on it): a name such as `=?utf-8?q?=0A?=` is written as it is,
    and only a reader decodes it into something else."""
    try:
        msg = EmailMessage(policy=SMTP)
        msg["To"] = Address(name, addr_spec=address)
        back = message_from_bytes(msg.as_bytes(), policy=default)["To"]
        return not back.defects and [a.addr_spec for a in back.addresses] == [address]
    except (ValueError, TypeError, IndexError, UnicodeError):  # the email package's header errors
        return False
