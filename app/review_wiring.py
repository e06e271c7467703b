"""The review page's adapters, built here because `review` may import only `claims` and
`ledger` (ARCHITECTURE.md): the stored mail's text and attachment pages (parsers + pypdfium2,
with CPR numbers blacked out of the images), and the Danish reply to a reviewer's decision
(mailroom's templates)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import lru_cache

from app.bootstrap import Services
from claims.model import Attachment, MessageInfo, Outcome
from ledger.reviews import ReviewLedger
from ledger.store import DecisionRow, ReplyDraft, Store
from mailroom.replies import ReplyFinding, ReplyInput, render_reply, reply_address
from parsers.message import InboundEmail, read_email
from parsers.ocr import A4_WIDTH_POINTS
from parsers.pdf_text import PDFIUM
from review.ports import Box, PageRef, ReviewConfig, ReviewDeps

RENDER_SCALE = 2.0  # 144 dpi: sharp on a laptop screen, a few hundred kB per page
_CPR = re.compile(r"(?<!\d)(\d{6})[-\u2013 ]?(\d{4})(?!\d)")
_IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff")
# Bounds on what the page reads from one mail (issue 8, finding 3). The stdlib's email parser
# recurses once per nested multipart or message/rfc822 part, so a mail nested 5000 deep raises
# RecursionError before parsers.message's own depth cap (20) is reached: count the containers
# in the raw bytes first (linear, no parse) and read only the headers of a mail with more.
MAX_CONTAINERS = 100  # multipart boundaries plus enclosed messages; real mail has a handful
MAX_ATTACHMENTS = 50  # attachments drawn as pages
MAX_PAGES = 200  # pages listed across those attachments
TOO_DEEP = ("Mailen er bygget af for mange indlejrede dele ({count}) til at blive vist; kun dens "
            "brevhoved er læst. Den rå mail ligger i hovedbogen.")
UNREADABLE = "Mailens dele kunne ikke læses ({error}); kun dens brevhoved er vist."
TOO_MANY = "Mailen har flere vedhæftede filer eller sider, end siden viser; kun de første vises."
# PDFium is not thread-safe (pypdfium2's docs), and uvicorn runs page handlers in a thread
# pool: the browser asks for several page images at once. One PDF at a time, with the parser's
# own use of PDFium (the same lock).
_PDFIUM = PDFIUM


def _is_pdf(att: Attachment) -> bool:
    return att.content_type == "application/pdf" or att.filename.lower().endswith(".pdf")


def _is_image(att: Attachment) -> bool:
    return att.content_type in _IMAGE_TYPES or att.filename.lower().endswith((".jpg", ".jpeg", ".png", ".tif", ".tiff"))


class StoredDocuments:
    """`review.ports.Documents` on the ledger's raw mail."""

    def __init__(self, store: Store, *, max_attachment_bytes: int) -> None:
        self.store = store
        self.max_attachment_bytes = max_attachment_bytes
        self._read_bounded = lru_cache(maxsize=32)(self._read_uncached)
        # A scan's CPR numbers are found by OCR (about a second a page): render each page once.
        self._render = lru_cache(maxsize=64)(self._render_uncached)

    def _read_uncached(self, message_pk: int) -> tuple[InboundEmail, str | None]:
        """The mail and, when it could not be read in full, why (shown on the page)."""
        raw = self.store.raw(message_pk)
        lowered = raw.lower()
        count = lowered.count(b"boundary=") + lowered.count(b"message/rfc822")
        if count > MAX_CONTAINERS:
            return _headers_only(raw), TOO_DEEP.format(count=count)
        try:
            return read_email(raw, max_attachment_bytes=self.max_attachment_bytes), None
        except RecursionError as err:  # a tree deep in another way than we count: still a page
            return _headers_only(raw), UNREADABLE.format(error=type(err).__name__)

    def _read(self, message_pk: int) -> InboundEmail:
        return self._read_bounded(message_pk)[0]

    def notice(self, message_pk: int) -> str | None:
        if why := self._read_bounded(message_pk)[1]:
            return why
        attachments = [a for a in self._read(message_pk).attachments if _is_pdf(a) or _is_image(a)]
        return TOO_MANY if len(attachments) > MAX_ATTACHMENTS or len(self.pages(message_pk)) >= MAX_PAGES else None

    def email_text(self, message_pk: int) -> str:
        return self._read(message_pk).text

    def info(self, message_pk: int) -> MessageInfo:
        return self._read(message_pk).info

    def _attachments(self, message_pk: int) -> list[tuple[int, Attachment]]:
        found = [(i, a) for i, a in enumerate(self._read(message_pk).attachments) if _is_pdf(a) or _is_image(a)]
        return found[:MAX_ATTACHMENTS]

    def pages(self, message_pk: int) -> tuple[PageRef, ...]:
        out: list[PageRef] = []
        for index, att in self._attachments(message_pk):
            try:
                with _PDFIUM:
                    sizes = _page_sizes(att)
                out.extend(PageRef(index, att.filename, n, w, h) for n, w, h in sizes)
            except Exception:  # noqa: BLE001 - an unreadable attachment simply has no pages to show
                continue
            if len(out) >= MAX_PAGES:
                break
        return tuple(out[:MAX_PAGES])

    def render_page(self, message_pk: int, attachment: int, page: int, *, redact: Sequence[Box] = ()) -> bytes | None:
        return self._render(message_pk, attachment, page, tuple(redact))

    def _render_uncached(self, message_pk: int, attachment: int, page: int, redact: tuple[Box, ...]) -> bytes | None:
        found = dict(self._attachments(message_pk)).get(attachment)
        if found is None:
            return None
        try:
            with _PDFIUM:
                return _render(found, page, redact)
        except Exception:  # noqa: BLE001 - encrypted or corrupt: nothing to show
            return None


def _headers_only(raw: bytes) -> InboundEmail:
    """The mail's envelope (subject, sender, threading) without its body: the head alone is
    read, which no nesting can make deep."""
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    head = raw[: min(ends)] if ends else raw
    return read_email(head + b"\r\n\r\n")


def _page_sizes(att: Attachment) -> list[tuple[int, float, float]]:
    if _is_image(att):
        from PIL import Image, ImageOps

        image = ImageOps.exif_transpose(Image.open(io.BytesIO(att.data)))
        return [(1, A4_WIDTH_POINTS, A4_WIDTH_POINTS * image.height / max(1, image.width))]
    import pypdfium2

    pdf = pypdfium2.PdfDocument(att.data)
    try:
        return [(n + 1, *pdf.get_page_size(n)) for n in range(len(pdf))]
    finally:
        pdf.close()


def _render(att: Attachment, page_no: int, redact: Sequence[Box]) -> bytes | None:
    """The page as PNG. Every CPR-shaped number in the page's text layer has its last four
    digits blacked out, and so do the `redact` boxes (CPR numbers read by OCR from a scan):
    the full number never reaches the browser as pixels (RULES.md §6)."""
    from PIL import Image, ImageDraw, ImageOps

    boxes: list[tuple[float, float, float, float]] = [(b.x0 + (b.x1 - b.x0) * 0.55, b.top, b.x1, b.bottom) for b in redact]
    if _is_image(att):
        if page_no != 1:
            return None
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(att.data))).convert("RGB")
        scale = image.width / A4_WIDTH_POINTS
    else:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(att.data)
        try:
            if not 1 <= page_no <= len(pdf):
                return None
            page = pdf[page_no - 1]
            found = _cpr_text_boxes(page)
            image = page.render(scale=RENDER_SCALE).to_pil().convert("RGB")
            page.close()
            boxes += found if found is not None else _cpr_ocr_boxes(att.data, page_no)
        finally:
            pdf.close()
        scale = RENDER_SCALE
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes:
        draw.rectangle((x0 * scale - 1, top * scale - 1, x1 * scale + 1, bottom * scale + 1), fill=(40, 40, 40))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _cpr_ocr_boxes(data: bytes, page_no: int) -> list[tuple[float, float, float, float]]:
    """A scan has no text layer: read it (tesseract, about a second a page) to find the CPR
    numbers anywhere on it, not only where the parser took the claim's from."""
    from parsers.ocr import OcrUnavailable, ocr_pdf_page

    try:
        text = ocr_pdf_page(data, page_no)
    except OcrUnavailable:
        return []
    out = []
    for line in text.lines:
        words = line.words
        for i, word in enumerate(words):
            if re.fullmatch(r"\d{6}[-\u2013]?\d{4}", word.text):
                out.append((word.x0 + (word.x1 - word.x0) * 0.55, word.top, word.x1, word.bottom))
            elif re.fullmatch(r"\d{4}", word.text) and i and re.fullmatch(r"\d{6}[-\u2013]?", words[i - 1].text):
                out.append((word.x0, word.top, word.x1, word.bottom))
    return out


def _cpr_text_boxes(page: object) -> list[tuple[float, float, float, float]] | None:
    """Boxes (points, origin top left) of the last four digits of each CPR-shaped number; None
    when the page has no text layer (a scan)."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        text = textpage.get_text_range()
        if not text.strip():
            return None
        height = page.get_height()  # type: ignore[attr-defined]
        out = []
        for match in _CPR.finditer(text):
            start, end = match.start(2), match.end(2)
            chars = [textpage.get_charbox(i) for i in range(start, end)]
            left, bottom, right, top = (min(c[0] for c in chars), min(c[1] for c in chars),
                                        max(c[2] for c in chars), max(c[3] for c in chars))
            out.append((left, height - top, right, height - bottom))  # PDF origin is bottom left
        return out
    finally:
        textpage.close()


class ReviewReplies:
    """`review.ports.Replies`: the reviewer's decision -> the workplace's Danish reply."""

    def __init__(self, services: Services, documents: StoredDocuments) -> None:
        self.services = services
        self.documents = documents

    def composer(self, original: DecisionRow, *, missing: Sequence[str] = ()) -> Callable[[DecisionRow], ReplyDraft | None]:
        info = self.documents.info(original.message_pk) if original.message_pk is not None else None
        now = self.services.now()
        from_address = self.services.settings.from_address

        def compose(row: DecisionRow) -> ReplyDraft | None:
            if info is None or not reply_address(info):
                return None
            rendered = render_reply(
                ReplyInput(
                    reference=row.reference,
                    outcome=Outcome(row.outcome),
                    original=info,
                    period_start=row.period_start,
                    period_end=row.period_end,
                    employee_name=row.claim.employee_name if row.claim else None,
                    cpr=row.cpr,
                    claimed=row.claimed,
                    approved=row.approved,
                    findings=_reply_findings(row),
                    missing=tuple(missing),
                ),
                now=now,
                from_address=from_address,
            )
            return ReplyDraft(to=rendered.to, subject=rendered.subject, message_id=rendered.message_id, raw=rendered.raw,
                              kind=rendered.kind.value)

        return compose


# Codes whose titles read as Danish headings in the reply (mailroom's fallback title is the
# code with its underscores as spaces).
_REVIEW_CODE = "BEHANDLET_AF_ØKONOMIGRUPPEN"
_ADJUSTED_CODE = "JUSTERET_AF_ØKONOMIGRUPPEN"


def _reply_findings(row: DecisionRow) -> tuple[ReplyFinding, ...]:
    """What the reply tells: the rules' cuts and notes, the reviewer's adjustments, and for a
    rejection the reviewer's reason. The flags that only sent the claim to a person (FOUR_EYES,
    LOW_CONFIDENCE, ...) were for the reviewer, not the workplace; SENDER_NOT_AUTHORIZED stays,
    so the reply to an unknown sender still holds no personal data."""
    out: list[ReplyFinding] = []
    for f in row.findings:
        code, severity = str(f.get("code")), f.get("severity")
        amount = None if f.get("amount") is None else Decimal(str(f.get("amount")))
        if code == "REVIEW_ADJUSTED":
            out.append(ReplyFinding(_ADJUSTED_CODE, str(f.get("text") or ""), amount if amount and amount < 0 else None))
        elif code == "SENDER_NOT_AUTHORIZED" or severity in ("note", "partially_approved") or (
            row.outcome == "rejected" and severity == "rejected"
        ):
            out.append(ReplyFinding(code, str(f.get("text") or ""), amount))
    if row.outcome == "rejected" and row.reason:
        out.append(ReplyFinding(_REVIEW_CODE, row.reason))
    return tuple(out)


def review_deps(services: Services, *, secure_cookies: bool = False) -> ReviewDeps:
    settings = services.settings
    documents = StoredDocuments(services.store, max_attachment_bytes=settings.max_attachment_bytes)
    return ReviewDeps(
        store=services.store,
        reviews=ReviewLedger(services.store.engine),
        documents=documents,
        replies=ReviewReplies(services, documents),
        today=services.today,
        config=ReviewConfig(
            four_eyes_above=settings.four_eyes_above,
            pool_hours=settings.pool_hours,
            reminder_days=settings.reminder_days,
            secure_cookies=secure_cookies,
        ),
    )
