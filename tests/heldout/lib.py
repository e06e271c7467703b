"""Helpers for the held-out corpus generator: money/date formatting, CPR/CVR, PDFs, scans, MIME.

Written from the shared documents (RULES.md, PAYSLIPS.md, corpus README), not from the
processor's code. Everything is deterministic (fixed boundaries, reportlab invariant=1,
seeded noise).
"""
from __future__ import annotations

import base64
import io
import quopri
import random
from decimal import ROUND_HALF_UP, Decimal
from email.header import Header
from email.utils import formataddr
from urllib.parse import quote

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DV", FONT_DIR + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", FONT_DIR + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DVC", FONT_DIR + "DejaVuSansCondensed.ttf"))

C = Decimal("0.01")


def D(x) -> Decimal:
    return Decimal(str(x))


def r2(x) -> Decimal:
    """Half-up to øre."""
    return D(x).quantize(C, rounding=ROUND_HALF_UP)


def r0(x) -> Decimal:
    return D(x).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def s2(x) -> str | None:
    return None if x is None else f"{D(x):.2f}"


def dk(x, thousands=".", dec=",") -> str:
    """1234.5 -> '1.234,50' (Danish)."""
    x = D(x)
    neg = x < 0
    q = f"{abs(x):.2f}"
    ip, fp = q.split(".")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    s = thousands.join(groups) + dec + fp
    return ("-" if neg else "") + s


def dk_space(x) -> str:
    return dk(x, thousands=" ")


def dk_plain(x) -> str:
    return dk(x, thousands="")


def en_plain(x) -> str:
    return f"{D(x):.2f}"


def dk_dash(x) -> str:
    """Whole kroner as '5.460,-'."""
    x = D(x)
    assert x == x.to_integral_value(), x
    return dk(x).split(",")[0] + ",-"


def hrs(x) -> str:
    return dk(x)


# --- CPR / CVR --------------------------------------------------------------------------

CPR_W = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
CVR_W = [2, 7, 6, 5, 4, 3, 2, 1]


def cpr_mod11_ok(cpr: str) -> bool:
    return sum(int(c) * w for c, w in zip(cpr, CPR_W)) % 11 == 0


def cpr_century_ok(cpr: str) -> bool:
    yy = int(cpr[4:6])
    d7 = int(cpr[6])
    # 0-3: 1900s; 4 and 9: 2000-2036 else 1900s; 5-8: 2000-2057 else 1858-1899
    if d7 <= 3:
        return True
    if d7 in (4, 9):
        return True
    return yy <= 57


def make_cpr(ddmmyy: str, start: int) -> str:
    """First serial >= start whose CPR passes modulus 11 (and fits the century rule)."""
    for serial in range(start, 10000):
        cpr = ddmmyy + f"{serial:04d}"
        if cpr_mod11_ok(cpr) and cpr_century_ok(cpr):
            return cpr
    raise ValueError(ddmmyy)


def cvr_ok(cvr: str) -> bool:
    return cvr[0] != "0" and sum(int(c) * w for c, w in zip(cvr, CVR_W)) % 11 == 0


def make_cvr(seed7: str) -> str:
    s = sum(int(c) * w for c, w in zip(seed7, CVR_W[:7]))
    last = (-s) % 11
    if last == 10:
        raise ValueError(seed7)
    cvr = seed7 + str(last)
    assert cvr_ok(cvr)
    return cvr


# --- PDF -------------------------------------------------------------------------------

class Pdf:
    """A tiny text layer over reportlab: top-left coordinates in points."""

    def __init__(self, title: str, author: str):
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        self.c.setCreator("Lønsystem")
        self.h = A4[1]

    def t(self, x, y, s, size=8.5, bold=False, font=None, align="l"):
        f = font or ("DVB" if bold else "DV")
        self.c.setFont(f, size)
        yy = self.h - y
        if align == "r":
            self.c.drawRightString(x, yy, s)
        elif align == "c":
            self.c.drawCentredString(x, yy, s)
        else:
            self.c.drawString(x, yy, s)

    def line(self, x0, y0, x1, y1, w=0.5):
        self.c.setLineWidth(w)
        self.c.line(x0, self.h - y0, x1, self.h - y1)

    def box(self, x, y, w, h, lw=0.6):
        self.c.setLineWidth(lw)
        self.c.rect(x, self.h - y - h, w, h)

    def page(self):
        self.c.showPage()

    def bytes(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def row(p: Pdf, y, cols, cells, size=8.5, bold=False):
    """cells aligned to cols: list of (x, align)."""
    for (x, al), s in zip(cols, cells):
        if s:
            p.t(x, y, s, size=size, bold=bold, align=al)


# --- scans -----------------------------------------------------------------------------

def rasterise(pdf_bytes: bytes, dpi: int):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_bytes)
    page = doc[0]
    img = page.render(scale=dpi / 72).to_pil().convert("L")
    page.close()
    doc.close()
    return img


def degrade(img, seed: int, angle: float, noise: float, blur: float, shade: bool = False):
    from PIL import Image, ImageFilter

    rnd = random.Random(seed)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    px = img.load()
    w, h = img.size
    n = int(w * h * noise)
    for _ in range(n):
        x, y = rnd.randrange(w), rnd.randrange(h)
        px[x, y] = 0 if rnd.random() < 0.5 else 255
    if shade:
        # uneven lighting of a phone photo: darker towards the right and bottom
        grad = Image.linear_gradient("L").resize((w, h)).rotate(-35, expand=False, fillcolor=128)
        img = Image.composite(img, Image.eval(img, lambda v: int(v * 0.78)), grad)
    return img


def image_pdf(img, dpi: int, title: str) -> bytes:
    """An image-only PDF (a scan): no text layer."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setCreator("Scanner")
    png = io.BytesIO()
    img.save(png, format="PNG", optimize=False)
    png.seek(0)
    c.drawImage(ImageReader(png), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


def jpeg(img, quality=72) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, format="JPEG", quality=quality, optimize=False, subsampling=2)
    return buf.getvalue()


# --- MIME ------------------------------------------------------------------------------

def hdr(s: str) -> str:
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, "utf-8").encode()


def addr(name: str, a: str) -> str:
    return formataddr((name, a), charset="utf-8")


def text_part(text: str, subtype="plain", charset="utf-8", cte="quoted-printable") -> bytes:
    data = text.encode(charset)
    if cte == "quoted-printable":
        body = quopri.encodestring(data)
    elif cte == "base64":
        body = base64.encodebytes(data.replace(b"\n", b"\r\n"))
    else:  # 8bit
        body = data
    head = f'Content-Type: text/{subtype}; charset="{charset}"\nContent-Transfer-Encoding: {cte}\n\n'
    return head.encode() + body + (b"" if body.endswith(b"\n") else b"\n")


def attachment_part(filename: str, data: bytes, ctype: str) -> bytes:
    try:
        filename.encode("ascii")
        fn = f'filename="{filename}"'
        nm = f'name="{filename}"'
    except UnicodeEncodeError:
        q = quote(filename, safe="")
        fn = f"filename*=utf-8''{q}"
        nm = f"name*=utf-8''{q}"
    head = (f"Content-Type: {ctype};\n {nm}\nContent-Transfer-Encoding: base64\n"
            f"Content-Disposition: attachment;\n {fn}\n\n")
    return head.encode() + base64.encodebytes(data)


def multipart(subtype: str, boundary: str, parts: list[bytes]) -> bytes:
    out = f'Content-Type: multipart/{subtype}; boundary="{boundary}"\n\n'.encode()
    for p in parts:
        out += f"--{boundary}\n".encode() + p + b"\n"
    out += f"--{boundary}--\n".encode()
    return out


def message(headers: list[tuple[str, str]], body: bytes) -> bytes:
    h = "".join(f"{k}:{v}\n" if v.startswith("\n") else f"{k}: {v}\n" for k, v in headers)
    raw = h.encode() + b"MIME-Version: 1.0\n" + body
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
