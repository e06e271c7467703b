"""An email as bytes -> its envelope, its readable text and its attachments.

Real mail is messy (see ../shared/foreign): bad charsets, missing boundaries, headers that do
not parse. Nothing here raises for bad mail; what cannot be read is reported as a problem.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import email.utils
import re
from dataclasses import dataclass
from email.message import EmailMessage, Message

from claims.model import Attachment, MessageInfo, Problem
from parsers.html_text import html_to_text

_AUTO_SUBJECT = re.compile(
    r"^\s*(automatisk svar|autosvar|fraværende|out of office|auto(matic)? reply|autoreply|abwesend|"
    r"undeliverable|returned mail|delivery status notification|mail delivery failed|ikke leveret)",
    re.I,
)
_SKIPPED_TYPES = ("application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature",
                  "text/calendar", "text/vcard", "text/x-vcard", "message/delivery-status",
                  "message/disposition-notification", "text/rfc822-headers")  # fmt: skip


@dataclass(frozen=True, slots=True)
class InboundEmail:
    """The parts of an email the claim parser reads."""

    info: MessageInfo
    text: str
    attachments: tuple[Attachment, ...]
    problems: tuple[Problem, ...]


def _header(msg: Message, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:  # a header the policy cannot parse: take the raw text instead
        raws = [v for k, v in msg.raw_items() if k.lower() == name.lower()] if hasattr(msg, "raw_items") else []
        value = raws[0] if raws else None
    if value is None:
        return None
    try:
        text = str(value)
    except Exception:
        return None
    text = re.sub(r"\s+", " ", _without_surrogates(text)).strip()
    return text or None


def _without_surrogates(text: str) -> str:
    """Raw 8-bit bytes in a header reach us as surrogate escapes, which no reply, log or database
    can encode: read them as UTF-8 where they are, else as windows-1252 (what mail clients that
    send raw 8-bit headers mostly use)."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    raw = text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _ids(text: str | None) -> tuple[str, ...]:
    return tuple(re.findall(r"<[^<>\s]+>", text or ""))


def _address(msg: Message) -> tuple[str | None, str | None]:
    raw = _header(msg, "From")
    if not raw:
        return None, None
    name, addr = email.utils.parseaddr(raw)
    return (addr.strip().lower() or None), (name.strip() or None)


def _is_automatic(msg: Message, subject: str | None) -> bool:
    """RFC 3834 and the usual vendor headers: such mail is never answered (mail loops)."""
    auto = (_header(msg, "Auto-Submitted") or "no").lower()
    precedence = (_header(msg, "Precedence") or "").lower()
    if auto != "no" or precedence in ("bulk", "list", "junk", "auto_reply"):
        return True
    # List-Unsubscribe (RFC 2369/8058) marks newsletters; a workplace's own mail never carries it
    if any(_header(msg, h) for h in ("List-Id", "List-Unsubscribe", "X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress-Ignore")):
        return True
    if msg.get_content_type() == "multipart/report":
        return True
    sender = (_header(msg, "From") or "").lower()
    return bool(re.search(r"mailer-daemon|postmaster@", sender)) or bool(subject and _AUTO_SUBJECT.search(subject))


def _decoded_text(part: Message) -> str:
    try:
        content = part.get_content() if isinstance(part, EmailMessage) else None
        if isinstance(content, str):
            return content
    except Exception:
        pass
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8", "windows-1252"):
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("latin-1", "replace")


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if name:
        return str(re.sub(r"[\r\n\t]+", " ", str(name))).strip() or None
    return None


class _Walker:
    """Collects the text bodies and attachments of a message tree, depth first."""

    def __init__(self, max_attachment_bytes: int) -> None:
        self.max_bytes = max_attachment_bytes
        self.texts: list[str] = []
        self.attachments: list[Attachment] = []
        self.problems: list[Problem] = []
        self.types: dict[int, tuple[Message, str]] = {}

    def ctype(self, part: Message) -> str:
        """A part's media type, parsed once: the library parses the header anew on every call."""
        key = id(part)
        if key not in self.types:
            self.types[key] = (part, part.get_content_type())  # the part is kept so its id stays its own
        return self.types[key][1]

    def walk(self, msg: Message, depth: int = 0) -> None:
        if depth > 20:  # a pathological nesting depth (MIME torture tests)
            return
        ctype = self.ctype(msg)
        # message/rfc822 counts as multipart to the library; it is a forwarded mail: mark it as one
        if ctype == "message/rfc822" or (ctype.startswith("message/") and ctype not in _SKIPPED_TYPES):
            self._enclosed(msg, depth)
            return
        if msg.is_multipart():
            payload = msg.get_payload()
            parts = [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []
            if ctype == "multipart/alternative":
                self._alternative(parts, depth)
                return
            for part in parts:
                self.walk(part, depth + 1)
            return
        filename = _filename(msg)
        disposition = (msg.get_content_disposition() or "").lower()
        if ctype.startswith("text/") and not filename and disposition != "attachment":
            text = _decoded_text(msg)
            self.texts.append(html_to_text(text) if ctype == "text/html" else text)
            return
        if ctype in _SKIPPED_TYPES:
            return
        self._attachment(msg, ctype, filename)

    def _alternative(self, parts: list[Message], depth: int) -> None:
        plain = [p for p in parts if self.ctype(p) == "text/plain"]
        if plain and _decoded_text(plain[0]).strip():
            self.walk(plain[0], depth + 1)
            rest = [p for p in parts if not self.ctype(p).startswith("text/")]
        else:
            rest = parts
        for part in rest:
            if self.ctype(part) == "text/plain":
                continue
            self.walk(part, depth + 1)
            if self.ctype(part) == "text/html":
                break

    def _enclosed(self, msg: Message, depth: int) -> None:
        payload = msg.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload and isinstance(payload[0], Message) else None
        if inner is None:
            return
        head = "\n".join(
            f"{label}: {value}"
            for label, name in (("Fra", "From"), ("Dato", "Date"), ("Emne", "Subject"))
            if (value := _header(inner, name))
        )
        self.texts.append(f"---------- Videresendt besked ----------\n{head}\n")
        self.walk(inner, depth + 1)

    def _attachment(self, part: Message, ctype: str, filename: str | None) -> None:
        try:
            data = part.get_payload(decode=True)
        except Exception:
            data = None
        name = filename or f"unavngivet.{ctype.split('/')[-1] or 'bin'}"
        if not isinstance(data, bytes):
            self.problems.append(Problem("ATTACHMENT_UNREADABLE", f"{name}: the attachment could not be decoded"))
            return
        if len(data) > self.max_bytes:
            mb = len(data) / 1024 / 1024
            self.problems.append(Problem("ATTACHMENT_TOO_LARGE", f"{name}: {mb:.1f} MB is over the limit; it was not read"))
            return
        self.attachments.append(Attachment(filename=name, content_type=ctype, data=data))


# The standard library parses and prints nested parts recursively, so a mail nested some
# thousand levels deep (0.36 MB) exhausts Python's stack before the walker's own cap (20) is
# reached. A claim holds a handful of parts: past this many containers only the headers are read.
MAX_CONTAINERS = 100


def read_email(raw: bytes, *, max_attachment_bytes: int = 25 * 1024 * 1024) -> InboundEmail:
    """Reads any bytes as an email. Never raises for bad mail."""
    lowered = raw.lower()
    if lowered.count(b"boundary=") + lowered.count(b"message/rfc822") > MAX_CONTAINERS:
        return _headers_only(raw, f"the message nests more than {MAX_CONTAINERS} parts; only its headers were read")
    try:
        return _read(email.message_from_bytes(raw, policy=email.policy.default), max_attachment_bytes)
    except RecursionError:
        return _headers_only(raw, "the message is nested too deeply to be read; only its headers were read")


def _headers_only(raw: bytes, detail: str) -> InboundEmail:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    msg = email.message_from_bytes(head + b"\r\n\r\n", policy=email.policy.default)
    mail = _read(msg, 0, walk=False)
    return dataclasses.replace(mail, problems=(Problem("ATTACHMENT_UNREADABLE", detail),))


def _read(msg: Message, max_attachment_bytes: int, *, walk: bool = True) -> InboundEmail:
    subject = _header(msg, "Subject")
    sender, sender_name = _address(msg)
    date = None
    if raw_date := _header(msg, "Date"):
        try:
            date = email.utils.parsedate_to_datetime(raw_date)
        except (TypeError, ValueError, IndexError):
            date = None
    in_reply_to = _ids(_header(msg, "In-Reply-To"))
    message_ids = _ids(_header(msg, "Message-ID"))
    reply_to = email.utils.parseaddr(_header(msg, "Reply-To") or "")[1].lower() or None
    info = MessageInfo(
        message_id=message_ids[0] if message_ids else None,
        sender=sender,
        sender_name=sender_name,
        subject=subject,
        date=date,
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=_ids(_header(msg, "References")),
        automatic=_is_automatic(msg, subject),
        reply_to=reply_to,
    )
    walker = _Walker(max_attachment_bytes)
    if not walk:
        return InboundEmail(info=info, text="", attachments=(), problems=())
    try:
        walker.walk(msg)
    except Exception as err:  # the stdlib parser gave up on a malformed tree: keep what we have
        walker.problems.append(Problem("ATTACHMENT_UNREADABLE", f"part of the message could not be read ({type(err).__name__})"))
    return InboundEmail(info=info, text="\n".join(walker.texts), attachments=tuple(walker.attachments),
                        problems=tuple(walker.problems))
