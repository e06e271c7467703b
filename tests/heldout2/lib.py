"""Building blocks for the second held-out corpus: money, CPR/CVR checks, payslip PDFs, MIME.

Independent of the processor's code: nothing here imports the project.
"""
from __future__ import annotations

import base64
import datetime as dt
import io
import quopri
import random
import urllib.parse
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from email.header import Header
from email.utils import format_datetime, formataddr

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
pdfmetrics.registerFont(TTFont("DV", FONT))
pdfmetrics.registerFont(TTFont("DVB", FONT_BOLD))

D = Decimal


def r2(x) -> Decimal:
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def r0(x) -> Decimal:
    return D(x).quantize(D("1"), rounding=ROUND_HALF_UP)


def s2(x) -> str | None:
    return None if x is None else f"{r2(x):.2f}"


def dk(x, thousands=True) -> str:
    """1.234,56 (or 1234,56)."""
    x = r2(x)
    neg = x < 0
    whole, frac = f"{abs(x):.2f}".split(".")
    if thousands:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        whole = ".".join(groups)
    return ("-" if neg else "") + whole + "," + frac


def cpr_ok(cpr: str) -> bool:
    cpr = cpr.replace("-", "")
    return sum(int(a) * w for a, w in zip(cpr, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1])) % 11 == 0


def cvr_ok(cvr: str) -> bool:
    return sum(int(a) * w for a, w in zip(cvr, [2, 7, 6, 5, 4, 3, 2, 1])) % 11 == 0


def dd(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y")


# ---------------------------------------------------------------- payslips

class Page:
    """A page of absolutely placed text; y counts from the top (points)."""

    def __init__(self):
        self.ops = []

    def t(self, x, y, text, size=9, bold=False):
        self.ops.append(("l", x, y, text, size, bold))

    def r(self, x, y, text, size=9, bold=False):
        self.ops.append(("r", x, y, text, size, bold))

    def line(self, y, x0=40, x1=555):
        self.ops.append(("hl", x0, y, x1))


def render_pdf(pages: list[Page], title="Lønseddel", author="Lønsystem") -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    h = A4[1]
    for page in pages:
        for op in page.ops:
            if op[0] == "hl":
                _, x0, y, x1 = op
                c.setLineWidth(0.5)
                c.line(x0, h - y, x1, h - y)
                continue
            kind, x, y, text, size, bold = op
            c.setFont("DVB" if bold else "DV", size)
            if kind == "l":
                c.drawString(x, h - y, text)
            else:
                c.drawRightString(x, h - y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def slip(**kw) -> dict:
    """Payslip figures: pay rows -> gross, the employee's ATP, AM basis, AM-bidrag (whole kroner),
    A-skat (37 % after a 4.800 kr monthly deduction, whole kroner) and net pay."""
    s = dict(kw)
    s.setdefault("sick", [])
    s.setdefault("employer_items", [])
    s.setdefault("emp_pension", D("0"))
    gross = sum((r[3] for r in s["pay"] + s["sick"]), D("0"))
    s["gross"] = r2(gross)
    paid = sum((r[1] for r in s["pay"] + s["sick"] if r[1] is not None), D("0"))
    s.setdefault("emp_atp", D("33.00") if paid >= 39 else D("0.00"))
    s["am_basis"] = r2(gross - s["emp_atp"] - s["emp_pension"])
    s["am"] = r0(s["am_basis"] * D("0.08"))
    taxable = s["am_basis"] - s["am"] - D("4800")
    s["askat"] = r0(max(taxable, D("0")) * D("0.37"))
    s["net"] = r2(s["gross"] - s["emp_atp"] - s["emp_pension"] - s["am"] - s["askat"])
    return s


def _addr(p: Page, x, y, lines, size=9):
    for i, ln in enumerate(lines):
        p.t(x, y + i * 12, ln, size)


def layout_dataloen(s) -> list[Page]:
    """DataLøn-like: Nr. | Beskrivelse | Grundlag | Sats | Total; employer block below."""
    p = Page()
    p.t(40, 50, s["employer"], 13, True)
    p.r(555, 50, "Lønseddel", 13, True)
    _addr(p, 40, 66, s["employer_addr"])
    if s.get("cvr"):
        p.t(40, 66 + 12 * len(s["employer_addr"]), f"CVR-nr.: {s['cvr']}")
    p.r(555, 66, f"Lønperiode: {dd(s['start'])} - {dd(s['end'])}")
    p.r(555, 78, f"Disp. dato: {dd(s['disp'])}")
    p.r(555, 90, f"Medarbejdernr.: {s.get('empno', '12')}")
    p.r(555, 102, f"CPR-nr.: {s['cpr_shown']}")
    p.t(60, 140, s["employee"], 10, True)
    _addr(p, 60, 153, s["employee_addr"])
    y = 200
    for x, h in [(40, "Nr."), (80, "Beskrivelse")]:
        p.t(x, y, h, 9, True)
    for x, h in [(370, "Grundlag"), (450, "Sats"), (555, "Total")]:
        p.r(x, y, h, 9, True)
    p.line(y + 4)
    y += 18
    paid = sum((r[1] for r in s["pay"] + s["sick"] if r[1] is not None), D("0"))
    p.t(40, y, "0001"); p.t(80, y, "Betalte timer i alt"); p.r(370, y, dk(paid)); y += 14
    for code, (label, h, rate, amt) in zip(["1213", "1240", "1250"], s["pay"] + s["sick"]):
        p.t(40, y, code); p.t(80, y, label)
        if h is not None:
            p.r(370, y, dk(h))
        if rate is not None:
            p.r(450, y, dk(rate))
        p.r(555, y, dk(amt)); y += 14
    p.t(40, y, "1990"); p.t(80, y, "Bruttoløn i alt", 9, True); p.r(555, y, dk(s["gross"]), 9, True); y += 14
    if s["emp_atp"]:
        p.t(40, y, "6010"); p.t(80, y, "ATP-bidrag af løn"); p.r(555, y, dk(-s["emp_atp"])); y += 14
    p.t(40, y, "8100"); p.t(80, y, "A-indkomst"); p.r(555, y, dk(s["am_basis"])); y += 14
    p.t(40, y, "8220"); p.t(80, y, "AM-bidrag"); p.r(370, y, dk(s["am_basis"])); p.r(450, y, "8,00"); p.r(555, y, dk(-s["am"])); y += 14
    p.t(40, y, "8250"); p.t(80, y, "A-skat"); p.r(450, y, "37,00"); p.r(555, y, dk(-s["askat"])); y += 14
    p.t(40, y, "9000"); p.t(80, y, "Til udbetaling", 9, True); p.r(555, y, dk(s["net"]), 9, True); y += 30
    p.t(40, y, "Arbejdsgiverbidrag og feriepenge", 10, True); y += 16
    p.t(40, y, "Beskrivelse", 9, True)
    for x, h in [(300, "Grundlag"), (360, "Sats"), (440, "I perioden"), (555, "År til dato")]:
        p.r(x, y, h, 9, True)
    p.line(y + 4); y += 18
    for label, basis, rate, amt, ytd in s["employer_items"]:
        p.t(40, y, label)
        if basis is not None:
            p.r(300, y, dk(basis))
        if rate:
            p.r(360, y, rate)
        p.r(440, y, dk(amt)); p.r(555, y, dk(ytd)); y += 14
    y += 20
    p.t(40, y, f"Beløbet overføres til din NemKonto med dispositionsdato {dd(s['disp'])}.", 8)
    foot = f"{s['employer']}" + (f" - CVR-nr.: {s['cvr']}" if s.get("cvr") else "")
    p.t(40, 800, f"{foot} - Lønseddel for perioden {dd(s['start'])} - {dd(s['end'])}", 7)
    return [p]


def layout_visma(s) -> list[Page]:
    """Visma-Løn-like: Lønart | Tekst | Enheder | Sats | Beløb; employer-paid block 'Arbejdsgiverbetalte ydelser'."""
    p = Page()
    p.t(40, 48, "LØNSEDDEL", 14, True)
    p.t(40, 70, s["employer"], 10, True)
    _addr(p, 40, 83, s["employer_addr"])
    yy = 83 + 12 * len(s["employer_addr"])
    if s.get("cvr"):
        p.t(40, yy, f"CVR {s['cvr']}")
    if s.get("pnr"):
        p.t(40, yy + (12 if s.get("cvr") else 0), f"P-nr. {s['pnr']}")
    p.t(330, 70, "Medarbejder", 8, True)
    p.t(330, 83, s["employee"], 10)
    _addr(p, 330, 96, s["employee_addr"])
    p.t(330, 130, f"Personnummer  {s['cpr_shown']}")
    p.t(330, 142, f"Periode  {dd(s['start'])} - {dd(s['end'])}")
    p.t(330, 154, f"Disp. dato  {dd(s['disp'])}")
    y = 190
    p.t(40, y, "Lønart", 9, True); p.t(90, y, "Tekst", 9, True)
    for x, h in [(380, "Enheder"), (460, "Sats"), (555, "Beløb")]:
        p.r(x, y, h, 9, True)
    p.line(y + 4); y += 18
    for code, (label, h, rate, amt) in zip(["1000", "1050", "1060"], s["pay"] + s["sick"]):
        p.t(40, y, code); p.t(90, y, label)
        if h is not None:
            p.r(380, y, dk(h))
        if rate is not None:
            p.r(460, y, dk(rate))
        p.r(555, y, dk(amt)); y += 14
    p.t(90, y, "Bruttoløn", 9, True); p.r(555, y, dk(s["gross"]), 9, True); y += 14
    if s["emp_atp"]:
        p.t(40, y, "8100"); p.t(90, y, "ATP medarbejder"); p.r(555, y, dk(-s["emp_atp"])); y += 14
    p.t(40, y, "8200"); p.t(90, y, "AM-grundlag"); p.r(555, y, dk(s["am_basis"])); y += 14
    p.t(40, y, "8220"); p.t(90, y, "AM-bidrag 8 %"); p.r(555, y, dk(-s["am"])); y += 14
    p.t(40, y, "8250"); p.t(90, y, "A-skat 37 %"); p.r(555, y, dk(-s["askat"])); y += 14
    p.line(y - 6)
    p.t(90, y + 2, "Nettoløn", 9, True); p.r(555, y + 2, dk(s["net"]), 9, True); y += 34
    p.t(40, y, "Arbejdsgiverbetalte ydelser", 10, True); y += 16
    p.t(40, y, "Tekst", 9, True); p.r(440, y, "Denne periode", 9, True); p.r(555, y, "År til dato", 9, True)
    p.line(y + 4); y += 18
    for label, basis, rate, amt, ytd in s["employer_items"]:
        p.t(40, y, label + (f" {rate}" if rate else ""))
        p.r(440, y, dk(amt)); p.r(555, y, dk(ytd)); y += 14
    p.t(40, 800, f"{s['employer']} · Lønseddel {dd(s['start'])} - {dd(s['end'])} · Side 1 af 1", 7)
    return [p]


def layout_lessor(s) -> list[Page]:
    """Lessor/Danløn-like: Lønart | Tekst | Timer | Sats | Beløb | Akk., deductions with a trailing minus."""
    p = Page()
    p.t(40, 50, s["employer"], 12, True)
    _addr(p, 40, 64, s["employer_addr"])
    p.t(40, 64 + 12 * len(s["employer_addr"]), f"CVR: {s['cvr']}")
    p.t(360, 50, "Lønspecifikation", 12, True)
    p.t(360, 66, f"Periode: {dd(s['start'])} - {dd(s['end'])}")
    p.t(360, 78, f"Udbetaling: {dd(s['disp'])}")
    p.t(360, 90, f"Medarb.nr.: {s.get('empno', '7')}")
    p.t(60, 130, s["employee"], 10, True)
    _addr(p, 60, 143, s["employee_addr"])
    p.t(60, 143 + 12 * len(s["employee_addr"]), f"Cpr.: {s['cpr_shown']}")
    y = 205
    p.t(40, y, "Lønart", 9, True); p.t(85, y, "Tekst", 9, True)
    for x, h in [(300, "Timer"), (360, "Sats"), (450, "Beløb"), (555, "Akk.")]:
        p.r(x, y, h, 9, True)
    p.line(y + 4); y += 18

    def neg(x):
        return dk(x) + "-"

    for code, (label, h, rate, amt, akk) in zip(["1100", "1110"], s["pay_akk"]):
        p.t(40, y, code); p.t(85, y, label); p.r(300, y, dk(h)); p.r(360, y, dk(rate)); p.r(450, y, dk(amt)); p.r(555, y, dk(akk)); y += 14
    p.t(85, y, "Bruttoløn", 9, True); p.r(450, y, dk(s["gross"]), 9, True); p.r(555, y, dk(s["gross_akk"])); y += 14
    p.t(40, y, "8100"); p.t(85, y, "ATP-bidrag"); p.r(450, y, neg(s["emp_atp"])); p.r(555, y, neg(s["emp_atp"] * 2)); y += 14
    p.t(40, y, "8210"); p.t(85, y, "AM-indkomst"); p.r(450, y, dk(s["am_basis"])); y += 14
    p.t(40, y, "8220"); p.t(85, y, "AM-bidrag"); p.r(450, y, neg(s["am"])); p.r(555, y, neg(s["am_akk"])); y += 14
    p.t(40, y, "8250"); p.t(85, y, "A-skat"); p.r(450, y, neg(s["askat"])); p.r(555, y, neg(s["askat_akk"])); y += 14
    p.t(85, y, "Udbetalt", 9, True); p.r(450, y, dk(s["net"]), 9, True); y += 30
    p.t(40, y, "Arbejdsgiverandele", 10, True); y += 16
    for label, basis, rate, amt, akk in s["employer_items"]:
        p.t(85, y, label + (f" {rate}" if rate else "")); p.r(450, y, dk(amt)); p.r(555, y, dk(akk)); y += 14
    p.t(40, 800, "Akk. = akkumuleret i kalenderåret. Beløb med - er fradrag.", 7)
    return [p]


def layout_bottom(s) -> list[Page]:
    """Employee first, pay table, and the employer block at the very bottom of the page."""
    p = Page()
    p.t(40, 50, "Lønseddel", 16, True)
    p.t(40, 80, s["employee"], 10, True)
    _addr(p, 40, 93, s["employee_addr"])
    p.t(330, 80, f"Personnr.: {s['cpr_shown']}")
    p.t(330, 92, f"Lønperiode: {dd(s['start'])} til {dd(s['end'])}")
    p.t(330, 104, f"Udbetales: {dd(s['disp'])}")
    y = 150
    p.t(40, y, "Tekst", 9, True)
    for x, h in [(330, "Antal"), (420, "Sats"), (555, "Beløb")]:
        p.r(x, y, h, 9, True)
    p.line(y + 4); y += 18
    for label, h, rate, amt in s["pay"]:
        p.t(40, y, label); p.r(330, y, dk(h)); p.r(420, y, dk(rate)); p.r(555, y, dk(amt)); y += 14
    p.t(40, y, "Bruttoløn i alt", 9, True); p.r(555, y, dk(s["gross"]), 9, True); y += 14
    p.t(40, y, "AM-bidragsgrundlag"); p.r(555, y, dk(s["am_basis"])); y += 14
    p.t(40, y, "AM-bidrag 8 %"); p.r(555, y, dk(-s["am"])); y += 14
    p.t(40, y, "A-skat"); p.r(555, y, dk(-s["askat"])); y += 14
    p.t(40, y, "Til udbetaling", 9, True); p.r(555, y, dk(s["net"]), 9, True); y += 30
    p.t(40, y, "Betalt af arbejdsgiver", 10, True); y += 16
    for label, basis, rate, amt, ytd in s["employer_items"]:
        p.t(40, y, label + (f" {rate}" if rate else "")); p.r(555, y, dk(amt)); y += 14
    p.line(720)
    p.t(40, 735, "Arbejdsgiver", 8, True)
    p.t(40, 748, s["employer"], 9)
    _addr(p, 40, 760, s["employer_addr"])
    p.t(330, 748, f"CVR-nummer {s['cvr']}", 9)
    return [p]


def layout_twocol(s) -> list[Page]:
    """Two blocks side by side: pay and deductions on the left, employer-paid items on the right,
    on the same text lines."""
    p = Page()
    p.t(40, 50, s["employer"], 12, True)
    _addr(p, 40, 64, s["employer_addr"])
    p.t(40, 64 + 12 * len(s["employer_addr"]), f"CVR-nr. {s['cvr']}")
    p.r(555, 50, "LØNSEDDEL", 12, True)
    p.r(555, 66, f"{dd(s['start'])} - {dd(s['end'])}")
    p.t(40, 130, s["employee"], 10, True)
    _addr(p, 40, 143, s["employee_addr"])
    p.t(330, 130, f"CPR-nr. {s['cpr_shown']}")
    p.t(330, 142, f"Dispositionsdag {dd(s['disp'])}")
    y = 195
    p.t(40, y, "Løn og fradrag", 10, True); p.t(320, y, "Arbejdsgiverbetalt", 10, True)
    p.line(y + 4); y += 18
    left = []
    for label, h, rate, amt in s["pay"]:
        left.append((f"{label} {dk(h)} t à {dk(rate)}", dk(amt)))
    left.append(("Bruttoløn", dk(s["gross"])))
    left.append(("ATP medarbejder", dk(-s["emp_atp"])))
    left.append(("AM-grundlag", dk(s["am_basis"])))
    left.append(("AM-bidrag 8 %", dk(-s["am"])))
    left.append(("A-skat", dk(-s["askat"])))
    left.append(("Til udbetaling", dk(s["net"])))
    right = [(lab + (f" {rate}" if rate else ""), dk(amt)) for lab, basis, rate, amt, ytd in s["employer_items"]]
    for i in range(max(len(left), len(right))):
        if i < len(left):
            p.t(40, y, left[i][0]); p.r(290, y, left[i][1])
        if i < len(right):
            p.t(320, y, right[i][0]); p.r(555, y, right[i][1])
        y += 14
    return [p]


def layout_grossonly(s) -> list[Page]:
    """Only a gross line; hours in the header; holiday money in a footer note."""
    p = Page()
    p.t(40, 50, s["employer"], 12, True)
    _addr(p, 40, 64, s["employer_addr"])
    p.t(40, 64 + 12 * len(s["employer_addr"]), f"CVR {s['cvr']}")
    p.r(555, 50, "Lønseddel", 12, True)
    p.r(555, 66, f"Lønperiode {dd(s['start'])} - {dd(s['end'])}")
    p.t(40, 130, s["employee"], 10, True)
    _addr(p, 40, 143, s["employee_addr"])
    p.t(330, 130, f"CPR {s['cpr_shown']}")
    p.t(330, 142, f"Timer i perioden {dk(s['pay'][0][1])}")
    y = 190
    p.t(40, y, "Bruttoløn"); p.r(555, y, dk(s["gross"])); y += 14
    p.t(40, y, "AM-bidrag (8 % af " + dk(s["am_basis"]) + ")"); p.r(555, y, dk(-s["am"])); y += 14
    p.t(40, y, "A-skat"); p.r(555, y, dk(-s["askat"])); y += 14
    p.t(40, y, "Udbetalt til NemKonto", 9, True); p.r(555, y, dk(s["net"]), 9, True); y += 40
    for i, ln in enumerate(s["footer"]):
        p.t(40, 760 + 11 * i, ln, 7.5)
    return [p]


LAYOUTS = {"dataloen": layout_dataloen, "visma": layout_visma, "lessor": layout_lessor,
           "bottom": layout_bottom, "twocol": layout_twocol, "grossonly": layout_grossonly}


def payslip_pdf(slips: list[dict], title="Lønseddel") -> bytes:
    pages = []
    for s in slips:
        pages += LAYOUTS[s["layout"]](s)
    return render_pdf(pages, title=title, author=slips[0]["employer"])


def photo_png(pdf: bytes, angle=1.7, dpi=200, seed=4471) -> bytes:
    """A phone photo of a printed payslip: greyish paper, slightly rotated, sensor noise."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    doc = pdfium.PdfDocument(pdf)
    page = doc[0]
    img = page.render(scale=dpi / 72).to_pil().convert("L")
    page.close()
    doc.close()
    img = img.point(lambda v: 40 + int(v * 0.78))  # paper grey ~239, ink ~40
    img = img.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=205)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    rng = random.Random(seed)
    noise = Image.frombytes("L", img.size, bytes(rng.randrange(0, 13) for _ in range(img.size[0] * img.size[1])))
    from PIL import ImageChops
    img = ImageChops.subtract(img, noise)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def logo_png() -> bytes:
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (180, 48), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 47, 47], fill=(0, 92, 75))
    d.ellipse([10, 10, 37, 37], fill=(255, 255, 255))
    d.text((56, 16), "VESTSKOVEN", fill=(0, 92, 75))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    from xml.sax.saxutils import escape
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(t)}</w:t></w:r></w:p>" for t in paragraphs)
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 10, 2, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return out.getvalue()


def winmail_dat(seed=7) -> bytes:
    """A TNEF stream (signature 0x223E9F78) that is cut short inside its attachment attribute."""
    rng = random.Random(seed)
    head = bytes.fromhex("789f3e22") + b"\x01\x00" + b"\x01\x06\x90\x08\x00" + b"\x20\x00\x00\x00"
    head += b"IPM.Microsoft Mail.Note\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
    return head + b"\x02\x02\x90\x06\x00\x40\x5c\x00\x00" + bytes(rng.randrange(256) for _ in range(1500))


# ---------------------------------------------------------------- MIME

def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def _b64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii")


def text_part(text: str, subtype="plain", cte="quoted-printable") -> str:
    if cte == "base64":
        body = _b64(text.encode("utf-8"))
    elif cte == "8bit":
        body = text
    else:
        body = _qp(text)
    return (f'Content-Type: text/{subtype}; charset="utf-8"\n'
            f"Content-Transfer-Encoding: {cte}\n\n{body}")


def _fname(param: str, name: str) -> str:
    try:
        name.encode("ascii")
        return f'{param}="{name}"'
    except UnicodeEncodeError:
        return f"{param}*=utf-8''{urllib.parse.quote(name)}"


def attach_part(filename: str, ctype: str, data: bytes, inline=False, cid=None) -> str:
    disp = "inline" if inline else "attachment"
    h = f"Content-Type: {ctype};\n {_fname('name', filename)}\n"
    h += f"Content-Disposition: {disp};\n {_fname('filename', filename)}\n"
    if cid:
        h += f"Content-ID: <{cid}>\n"
    h += "Content-Transfer-Encoding: base64\n\n"
    return h + _b64(data)


def multipart(subtype: str, boundary: str, parts: list[str], extra="") -> str:
    out = f'Content-Type: multipart/{subtype}; boundary="{boundary}"{extra}\n\n'
    for p in parts:
        out += f"--{boundary}\n{p.rstrip(chr(10))}\n"
    out += f"--{boundary}--\n"
    return out


def enc_header(s: str) -> str:
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, "utf-8").encode()


def message(*, from_name, from_addr, subject, date: dt.datetime, msgid, root: str,
            in_reply_to=None, references=None, extra_headers=(), mailer="Microsoft Outlook 16.0") -> bytes:
    h = [f"From: {formataddr((from_name, from_addr), charset='utf-8')}",
         "To: Jobcenter Albertslund <Jobcenter@albertslund.dk>",
         f"Subject: {enc_header(subject)}",
         f"Date: {format_datetime(date)}",
         f"Message-ID: {msgid}"]
    if in_reply_to:
        h.append(f"In-Reply-To: {in_reply_to}")
    if references:
        h.append("References: " + "\n ".join(references))
    h += list(extra_headers)
    if mailer:
        h.append(f"X-Mailer: {mailer}")
    h.append("MIME-Version: 1.0")
    text = "\n".join(h) + "\n" + root
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")
