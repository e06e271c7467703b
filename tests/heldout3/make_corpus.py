#!/usr/bin/env python3
"""Third held-out corpus (tests/heldout3): new people, payroll systems and phrasings.

Deterministic: fixed MIME boundaries and Message-IDs, reportlab invariant=1, seeded noise.
Every expected amount is computed by hand from RULES.md (arithmetic in the comments); the
generator only asserts that the payslip figures agree with the hand numbers.

Readings chosen where RULES.md / PAYSLIPS.md are silent (documented here):
- Aftentillæg / Weekendtillæg / Lørdagstillæg are pay for hours worked: kind `salary` (the
  salary line is the sum). Their "Antal" repeats hours already in Timeløn, so
  hours.worked = the Timeløn hours only.
- "Pension i alt" with "heraf arbejdsgiverandel" and "heraf medarbejderandel": only the
  employer's share is a cost line (`pension`); the employee's share is a deduction.
  payslip.am_basis is the AM-grundlag the payslip prints (gross less employee ATP and
  employee pension share).
- "Feriegodtgørelse udbetalt 12,5 %" among the pay rows is `holiday_pay` (and part of the
  gross pay the payslip prints).
- "Periode: uge 41–44" is ISO weeks 2026: Monday 5 Oct - Sunday 1 Nov 2026.
- A reply that only disputes a partial decision carries no claim data: not_a_claim.
"""
from __future__ import annotations

import base64
import datetime as dt
import io
import json
import random
import shutil
import subprocess
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from email import policy
from email.charset import QP, Charset
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONTB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
pdfmetrics.registerFont(TTFont("DV", FONT))
pdfmetrics.registerFont(TTFont("DVB", FONTB))
CEST = dt.timezone(dt.timedelta(hours=2))
CET = dt.timezone(dt.timedelta(hours=1))

D = Decimal


def r2(x):
    return D(x).quantize(D("0.01"), ROUND_HALF_UP)


def dk(x, dec=True):
    """6417.6 -> '6.417,60'."""
    x = D(x)
    s = f"{abs(x):,.2f}" if dec else f"{abs(x):,.0f}"
    s = s.replace(",", "X").replace(".", ",").replace("X", ".")
    return ("-" if x < 0 else "") + s


def when(s):
    t = dt.datetime.fromisoformat(s)
    return t.replace(tzinfo=CEST if t < dt.datetime(2026, 10, 25, 3) else CET)


def cpr_ok(c):
    return sum(int(a) * b for a, b in zip(c, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1])) % 11 == 0


def cvr_ok(c):
    return c[0] != "0" and sum(int(a) * b for a, b in zip(c, [2, 7, 6, 5, 4, 3, 2, 1])) % 11 == 0


# ---------------------------------------------------------------- placements
# All ten overlap in Sep-Nov 2026: 10+10+10+9+10+10+10+8+10+10 = 97 h/week <= 100.
AK, AK_CVR = "Albertslund Kommune", "29189919"
AIC, AIC_CVR = "Albertslund Idrætscenter", "31245672"
BIRK, BIRK_CVR = "Kulturhuset Birkelundgård", "42873519"
VEST, VEST_CVR = "Daginstitution Vestskoven", "25561902"
PL = {
    "A": dict(id="H3-01", name="Freja Holm Lund", cpr="1203941109", employer=AK, cvr=AK_CVR, wp="Musikskolen",
              contacts="ulla.moeller@albertslund.dk;musikskolen@albertslund.dk", hours=10, start="2026-02-01", end="2027-01-31", applied="2026-01-12T10:00:00"),
    "B": dict(id="H3-02", name="Yusuf Demir", cpr="0507882005", employer=AK, cvr=AK_CVR, wp="Park og Vej",
              contacts="bo.vestergaard@albertslund.dk;parkogvej@albertslund.dk", hours=10, start="2026-05-01", end="2027-04-30", applied="2026-04-02T09:15:00"),
    "C": dict(id="H3-03", name="Sofie Marie Andersen", cpr="2302014003", employer=AIC, cvr=AIC_CVR, wp="Albertslund Idrætscenter",
              contacts="karina.holt@albertslund.dk;idraetscenter@albertslund.dk", hours=10, start="2026-06-01", end="2027-05-31", applied="2026-05-06T13:30:00"),
    "D": dict(id="H3-04", name="Mikkel Frost", cpr="1711663009", employer=AK, cvr=AK_CVR, wp="Ældrecentret Albertshøj",
              contacts="rikke.sand@albertslund.dk;albertshoj@albertslund.dk", hours=9, start="2026-03-01", end="2027-02-28", applied="2026-02-03T08:45:00"),
    "E": dict(id="H3-05", name="Hanne Birk Olsen", cpr="2810992207", employer=BIRK, cvr=BIRK_CVR, wp="Kulturhuset Birkelundgård",
              contacts="peter.dam@albertslund.dk;birkelundgaard@albertslund.dk", hours=10, start="2026-07-01", end="2027-06-30", applied="2026-06-10T11:00:00"),
    "F": dict(id="H3-06", name="Ali Hassan Nouri", cpr="0905901508", employer=AK, cvr=AK_CVR, wp="Rengøringsservice",
              contacts="maja.krogh@albertslund.dk;rengoering@albertslund.dk", hours=10, start="2026-04-15", end="2027-04-14", applied="2026-03-20T14:10:00"),
    "G": dict(id="H3-07", name="Tobias Lindholm", cpr="3108853300", employer=VEST, cvr=VEST_CVR, wp="Daginstitution Vestskoven",
              contacts="eva.nygaard@albertslund.dk;vestskoven@albertslund.dk", hours=10, start="2026-08-01", end="2027-07-31", applied="2026-07-01T09:00:00"),
    "H": dict(id="H3-08", name="Lone Marianne Steen", cpr="1406722607", employer=AK, cvr=AK_CVR, wp="Tandplejen",
              contacts="jens.hviid@albertslund.dk;tandplejen@albertslund.dk", hours=8, start="2026-05-01", end="2027-04-30", applied="2026-04-08T10:20:00"),
    "I": dict(id="H3-09", name="Omar Khalil", cpr="2612771718", employer=AK, cvr=AK_CVR, wp="Genbrugspladsen",
              contacts="nina.brandt@albertslund.dk;genbrug@albertslund.dk", hours=10, start="2026-09-01", end="2027-08-31", applied="2026-08-11T12:00:00"),
    "J": dict(id="H3-10", name="Emma Skov", cpr="0811952400", employer=AK, cvr=AK_CVR, wp="Byarkivet",
              contacts="lars.winther@albertslund.dk;byarkivet@albertslund.dk", hours=10, start="2026-03-01", end="2027-02-28", applied="2026-02-05T15:00:00"),
}
for p in PL.values():
    assert cpr_ok(p["cpr"]) and cvr_ok(p["cvr"]), p
assert sum(p["hours"] for p in PL.values()) <= 100


def cprd(c):
    return f"{c[:6]}-{c[6:]}"


# ---------------------------------------------------------------- PDFs
def new_canvas(buf, title):
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("Lønsystem")
    return c


def draw_rows(c, y, cols, rows, size=8.5, bold_first=False):
    """cols: list of (x, align) ; rows: list of lists of strings."""
    for i, row in enumerate(rows):
        c.setFont("DVB" if (bold_first and i == 0) else "DV", size)
        for (x, align), cell in zip(cols, row):
            if not cell:
                continue
            if align == "r":
                c.drawRightString(x, y, cell)
            else:
                c.drawString(x, y, cell)
        y -= size + 4.5
    return y


def pdf_bytes(draw, title):
    buf = io.BytesIO()
    c = new_canvas(buf, title)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def header(c, system, employer, cvr, addr, emp_name, emp_addr, fields):
    c.setFont("DVB", 13)
    c.drawString(40, 800, employer)
    c.setFont("DV", 8)
    c.drawString(40, 788, addr)
    c.drawString(40, 778, f"CVR-nr. {cvr}")
    c.setFont("DVB", 16)
    c.drawRightString(555, 798, "LØNSEDDEL")
    c.setFont("DV", 7)
    c.drawRightString(555, 786, system)
    c.setFont("DV", 9)
    c.drawString(40, 740, emp_name)
    c.drawString(40, 729, emp_addr[0])
    c.drawString(40, 718, emp_addr[1])
    y = 740
    for k, v in fields:
        c.setFont("DV", 8)
        c.drawString(340, y, k)
        c.drawString(450, y, v)
        y -= 11


# -------- SD Løn (Silkeborg Data): Lønart | Tekst | Antal | Sats | Beløb
def sd_slip(p, period, disp, pay, deductions, gross, am_basis, am, employer_block, ytd, addr):
    """pay: [(code, text, antal, sats, belob)], deductions: [(code, text, belob)] (positive numbers)."""
    def draw(c):
        header(c, "SD Løn · Silkeborg Data A/S", p["employer"], p["cvr"], f"{p['wp']}, Nordmarks Allé 1, 2620 Albertslund",
               p["name"], addr, [("CPR-nr.", cprd(p["cpr"])), ("Lønperiode", period), ("Dispositionsdato", disp),
                                  ("Ansættelsesnr.", "0" + p["cpr"][2:6] + "1"), ("Overenskomst", "FOA/KL timelønnede")])
        cols = [(40, "l"), (85, "l"), (330, "r"), (410, "r"), (520, "r")]
        rows = [["Lønart", "Tekst", "Antal", "Sats", "Beløb"]]
        for code, text, antal, sats, bel in pay:
            rows.append([code, text, dk(antal) if antal is not None else "", dk(sats) if sats is not None else "", dk(bel)])
        rows.append(["", "Bruttoløn i alt", "", "", dk(gross)])
        for code, text, bel in deductions:
            rows.append([code, text, "", "", dk(-D(bel))])
        y = draw_rows(c, 680, cols, rows, bold_first=True)
        c.setFont("DV", 8.5)
        c.drawString(85, y - 4, "AM-grundlag")
        c.drawRightString(520, y - 4, dk(am_basis))
        net = gross - sum(D(b) for _, _, b in deductions)
        c.setFont("DVB", 9)
        c.drawString(85, y - 20, "Til udbetaling (NemKonto)")
        c.drawRightString(520, y - 20, dk(net))
        y -= 50
        c.setFont("DVB", 9)
        c.drawString(40, y, "Arbejdsgiverbetalte bidrag")
        y = draw_rows(c, y - 14, cols, [[code, text, "", "", dk(b)] for code, text, b in employer_block])
        y -= 14
        c.setFont("DVB", 9)
        c.drawString(40, y, "År til dato")
        draw_rows(c, y - 14, [(85, "l"), (520, "r")], [[t, dk(v)] for t, v in ytd])
    return pdf_bytes(draw, f"Lønseddel {period} {p['name']}")


# -------- ProLøn: Art | Tekst | Antal | Sats | Beløb | Saldo
def proloen_slip(p, period, disp, rows_pay, deductions, gross, am_basis, employer_rows, addr):
    def draw(c):
        header(c, "ProLøn", p["employer"], p["cvr"], f"{p['wp']}, Nordmarks Allé 1, 2620 Albertslund",
               p["name"], addr, [("Personnummer", cprd(p["cpr"])), ("Periode", period), ("Disp. dato", disp), ("Lønform", "Timeløn, 14-dages/mdr.")])
        cols = [(40, "l"), (75, "l"), (290, "r"), (355, "r"), (440, "r"), (540, "r")]
        rows = [["Art", "Tekst", "Antal", "Sats", "Beløb", "Saldo"]]
        for art, text, antal, sats, bel, saldo in rows_pay:
            rows.append([art, text, dk(antal) if antal is not None else "", dk(sats) if sats is not None else "", dk(bel), dk(saldo)])
        rows.append(["", "Brutto", "", "", dk(gross), ""])
        for art, text, bel, saldo in deductions:
            rows.append([art, text, "", "", dk(-D(bel)), dk(-D(saldo))])
        rows.append(["", "AM-indkomst", "", "", dk(am_basis), ""])
        net = gross - sum(D(b) for _, _, b, _ in deductions)
        rows.append(["", "Nettoløn til disposition", "", "", dk(net), ""])
        y = draw_rows(c, 680, cols, rows, bold_first=True)
        y -= 14
        c.setFont("DVB", 9)
        c.drawString(40, y, "Arbejdsgiverbidrag og feriepenge")
        draw_rows(c, y - 14, cols, [[a, t, "", "", dk(b), dk(s)] for a, t, b, s in employer_rows])
    return pdf_bytes(draw, f"Lønseddel {period} {p['name']}")


# -------- Bluegarden: Lønart | Tekst | Enheder | Sats | Beløb (+) | Beløb (-)
def bluegarden_slip(p, period, disp, plus, minus, gross, am_basis, info, addr):
    def draw(c):
        header(c, "Bluegarden · Lønsedlen", p["employer"], p["cvr"], "Hyldagerbakken 2, 2620 Albertslund",
               p["name"], addr, [("CPR", cprd(p["cpr"])), ("Lønperiode", period), ("Disp. dato", disp), ("Normtid", "10,00 t/uge")])
        cols = [(40, "l"), (80, "l"), (300, "r"), (370, "r"), (460, "r"), (550, "r")]
        rows = [["Lønart", "Tekst", "Enheder", "Sats", "Beløb (+)", "Beløb (-)"]]
        for code, text, enh, sats, bel in plus:
            rows.append([code, text, dk(enh) if enh is not None else "", dk(sats) if sats is not None else "", dk(bel), ""])
        for code, text, bel in minus:
            rows.append([code, text, "", "", "", dk(bel)])
        tot_minus = sum(D(b) for _, _, b in minus)
        rows.append(["", "I alt", "", "", dk(gross), dk(tot_minus)])
        y = draw_rows(c, 680, cols, rows, bold_first=True)
        c.setFont("DV", 8.5)
        c.drawString(80, y - 4, f"Bruttoløn i alt  {dk(gross)}")
        c.drawString(80, y - 17, f"AM-grundlag  {dk(am_basis)}")
        c.setFont("DVB", 9)
        c.drawString(80, y - 32, f"Overført til NemKonto  {dk(gross - tot_minus)}")
        y -= 60
        c.drawString(40, y, "Oplysninger (betales af arbejdsgiver)")
        draw_rows(c, y - 14, [(80, "l"), (460, "r")], [[t, dk(b)] for t, b in info])
    return pdf_bytes(draw, f"Lønseddel {period} {p['name']}")


# -------- three columns: Forrige periode | Denne periode | Hidtil i år
def three_col_slip(p, period, disp, rows3, addr, system="Lønsystem OPUS Løn · Periodeoversigt"):
    """rows3: [(text, prev, cur, ytd)] (None = blank)."""
    def draw(c):
        header(c, system, p["employer"], p["cvr"], f"{p['wp']}, Nordmarks Allé 1, 2620 Albertslund",
               p["name"], addr, [("Personnummer", cprd(p["cpr"])), ("Lønperiode", period), ("Dispositionsdato", disp)])
        cols = [(40, "l"), (330, "r"), (430, "r"), (540, "r")]
        rows = [["", "Forrige periode", "Denne periode", "Hidtil i år"]]
        for t, a, b, cc in rows3:
            rows.append([t] + [("" if v is None else (v if isinstance(v, str) else dk(v))) for v in (a, b, cc)])
        draw_rows(c, 680, cols, rows, bold_first=True)
    return pdf_bytes(draw, f"Lønseddel {period} {p['name']}")


# -------- DataLøn-like: Nr. | Beskrivelse | Grundlag | Sats | Total
def dataloen_slip(p, period, disp, rows, addr, holiday, ytd):
    def draw(c):
        header(c, "Visma DataLøn", p["employer"], p["cvr"], "Albertslund", p["name"], addr,
               [("CPR-nr.", cprd(p["cpr"])), ("Lønperiode", period), ("Disp. dato", disp)])
        cols = [(40, "l"), (80, "l"), (330, "r"), (420, "r"), (530, "r")]
        rr = [["Nr.", "Beskrivelse", "Grundlag", "Sats", "Total"]]
        for nr, t, g, s, tot in rows:
            rr.append([nr, t, "" if g is None else dk(g), "" if s is None else (s if isinstance(s, str) else dk(s)), dk(tot)])
        y = draw_rows(c, 680, cols, rr, bold_first=True)
        y -= 14
        c.setFont("DVB", 9)
        c.drawString(40, y, "Ferie")
        y = draw_rows(c, y - 14, [(80, "l"), (420, "r"), (530, "r")], [["", "I perioden", "I ferieåret"]] + [[t, dk(a), dk(b)] for t, a, b in holiday], bold_first=True)
        y -= 14
        c.setFont("DVB", 9)
        c.drawString(40, y, "År til dato")
        draw_rows(c, y - 14, [(80, "l"), (530, "r")], [[t, dk(v)] for t, v in ytd])
    return pdf_bytes(draw, f"Lønseddel {period} {p['name']}")


def timesheet_pdf(p, month_label, days):
    def draw(c):
        c.setFont("DVB", 14)
        c.drawString(40, 800, f"Timeseddel – {month_label}")
        c.setFont("DV", 9)
        c.drawString(40, 784, f"Medarbejder: {p['name']}    Arbejdssted: {p['wp']}")
        c.drawString(40, 772, "Godkendt af leder: RS")
        rows = [["Dato", "Mødt", "Gået", "Timer", "Bemærkning"]] + days
        y = draw_rows(c, 745, [(40, "l"), (130, "l"), (190, "l"), (290, "r"), (320, "l")], rows, size=9, bold_first=True)
        total = sum(D(d[3].replace(",", ".")) for d in days)
        c.setFont("DVB", 9)
        c.drawString(40, y - 6, "Timer i alt")
        c.drawRightString(290, y - 6, dk(total))
    return pdf_bytes(draw, f"Timeseddel {month_label}")


def scan_pdf(pdf, seed):
    """Render a PDF page to a grey image at 200 dpi, add mild noise, wrap it in an image-only PDF."""
    from PIL import Image
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", str(src), str(Path(tmp) / "out")], check=True)
        img = Image.open(Path(tmp) / "out.png").convert("L")
    rnd = random.Random(seed)
    px = img.load()
    w, h = img.size
    for _ in range(w * h // 150):  # salt and pepper, ~0.7 %
        x, y = rnd.randrange(w), rnd.randrange(h)
        px[x, y] = rnd.choice((0, 90, 170, 255))
    img = img.rotate(0.4, resample=Image.BICUBIC, fillcolor=255)
    jbuf = io.BytesIO()
    img.save(jbuf, "JPEG", quality=80)
    from reportlab.lib.utils import ImageReader
    buf = io.BytesIO()
    c = new_canvas(buf, "Scan")
    c.drawImage(ImageReader(io.BytesIO(jbuf.getvalue())), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- mail
def text_part(body, subtype="plain"):
    cs = Charset("utf-8")
    cs.body_encoding = QP
    part = MIMEText("", subtype)
    part.set_payload(body.replace("\n", "\r\n"), charset=cs)
    return part


def pdf_part(data, filename):
    part = MIMEApplication(data, "pdf")
    part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", filename))
    part.set_param("name", filename)
    return part


def build(n, sender, subject, date, body, atts=(), html=None, html_only=False, cc=None, in_reply_to=None, references=None):
    mid = f"<h3-{n:02d}@corpus.albertslund.test>"
    if html_only:
        main = text_part(html, "html")
    elif html:
        main = MIMEMultipart("alternative", boundary=f"----=_alt_h3-{n:02d}")
        main.attach(text_part(body))
        main.attach(text_part(html, "html"))
    else:
        main = text_part(body)
    if atts:
        msg = MIMEMultipart("mixed", boundary=f"----=_mix_h3-{n:02d}")
        msg.attach(main)
        for data, fn in atts:
            msg.attach(pdf_part(data, fn))
    else:
        msg = main
    from email.header import Header
    name, addr = sender
    msg["From"] = f"{Header(name, 'utf-8').encode()} <{addr}>"
    msg["To"] = "Jobcenter Albertslund <Jobcenter@albertslund.dk>"
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = Header(subject, "utf-8").encode()
    msg["Date"] = format_datetime(when(date))
    msg["Message-ID"] = mid
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    msg["X-Mailer"] = "Microsoft Outlook 16.0"
    msg["Content-Language"] = "da-DK"
    return msg.as_bytes(policy=policy.SMTP), mid


CASE_LIST = []


def claim(p, period, hours, sick, sick_days, lines, total, slip_vals, name=None, final=False, correction=False, cvr="same", employer="same"):
    """slip_vals: dict(gross, am_basis, am, period, hours, sick, cpr) or None (unreadable/none)."""
    c = {
        "employee.name": name or p["name"], "employee.cpr": p["cpr"],
        "employer.name": p["employer"] if employer == "same" else employer,
        "employer.cvr": p["cvr"] if cvr == "same" else cvr,
        "period.start": period[0], "period.end": period[1],
        "hours.worked": None if hours is None else f"{D(hours):.2f}",
        "hours.sick": None if sick is None else f"{D(sick):.2f}",
        "sick.first_day": sick_days[0] if sick_days else None, "sick.last_day": sick_days[1] if sick_days else None,
        "final": final, "correction": correction,
        "lines": {k: f"{D(v):.2f}" for k, v in lines.items()},
        "total": None if total is None else f"{D(total):.2f}",
    }
    sv = slip_vals or {}
    c.update({
        "payslip.gross": None if sv.get("gross") is None else f"{D(sv['gross']):.2f}",
        "payslip.am_basis": None if sv.get("am_basis") is None else f"{D(sv['am_basis']):.2f}",
        "payslip.am_bidrag": None if sv.get("am") is None else f"{D(sv['am']):.2f}",
        "payslip.cpr": sv.get("cpr", p["cpr"]) if slip_vals else None,
        "payslip.period.start": sv["period"][0] if slip_vals else None,
        "payslip.period.end": sv["period"][1] if slip_vals else None,
        "payslip.hours.worked": None if sv.get("hours") is None else f"{D(sv['hours']):.2f}",
        "payslip.hours.sick": None if sv.get("sick") is None else f"{D(sv['sick']):.2f}",
    })
    return c


def case(n, slug, description, mail, claims, decisions, problems=(), order=None, extra=None):
    raw, mid = mail
    d = CASES / f"{n:02d}-{slug}"
    d.mkdir(parents=True, exist_ok=True)
    (d / "message.eml").write_bytes(raw)
    exp = {"description": description, "order": order if order is not None else n * 10,
           "parse": {"message": {"message_id": mid}, "claims": claims, "problems": list(problems)},
           "decisions": decisions}
    if extra:
        for c, e in zip(exp["parse"]["claims"], extra):
            c.update(e)
    (d / "expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n")
    CASE_LIST.append((n, slug, description))


def dec(start, outcome, approved, codes=()):
    return {"period.start": start, "outcome": outcome, "approved": approved, "codes": sorted(codes)}


def check_sum(lines, total):
    assert sum(D(v) for v in lines.values()) == D(total), (lines, sum(D(v) for v in lines.values()), total)


OCT = ("2026-10-01", "2026-10-31")
SEP = ("2026-09-01", "2026-09-30")


def main():
    if CASES.exists():
        shutil.rmtree(CASES)
    CASES.mkdir()
    (HERE / "corpus.json").write_text(json.dumps({"today": "2026-11-20"}, indent=2) + "\n")
    hdr = "placement_id,employee_name,cpr,employer_name,cvr,workplace,contact_emails,weekly_hours,start_date,end_date,praktik_until,effective_from,applied_at,holiday_scheme\n"
    rows = "".join(f"{p['id']},{p['name']},{p['cpr']},{p['employer']},{p['cvr']},{p['wp']},{p['contacts']},{p['hours']},{p['start']},{p['end']},,{p['start']},{p['applied']},hourly\n" for p in PL.values())
    (HERE / "placements.csv").write_text(hdr + rows)
    cases()
    print(f"{len(CASE_LIST)} cases written")


def cases():
    A, B, C, Dp, E, F, G, H, I, J = (PL[k] for k in "ABCDEFGHIJ")

    # ------------------------------------------------------------ 01 SD Løn with tillæg
    # Timeløn 42,00 x 152,80 = 6.417,60; Aftentillæg 12,00 x 28,50 = 342,00; Weekendtillæg
    # 6,00 x 44,25 = 265,50. salary = 6417.60 + 342.00 + 265.50 = 7025.10 (= gross).
    # ATP employee 33,00; AM-grundlag 7025.10 - 33 = 6992.10; AM 8 % = 559.368 -> 559.
    # Feriepenge 12,5 % of 7025.10 = 878.1375 -> 878.14; særlig 1,95 % = 136.98945 -> 136.99.
    # Cap Oct 31 x 10/7 = 44.29 >= 42. ATP bracket 42 h -> 66. Rate 7025.10/42 = 167.26.
    # Lines 7025.10 + 66 + 878.14 + 136.99 = 8106.23 -> approved.
    assert D("42") * D("152.80") == D("6417.60") and D("12") * D("28.50") == D("342.00") and D("6") * D("44.25") == D("265.50")
    assert r2(D("7025.10") * D("0.125")) == D("878.14") and r2(D("7025.10") * D("0.0195")) == D("136.99")
    pdf = sd_slip(A, "01.10.2026 - 31.10.2026", "30.10.2026",
                  [("0101", "Timeløn", D("42"), D("152.80"), D("6417.60")),
                   ("0215", "Aftentillæg", D("12"), D("28.50"), D("342.00")),
                   ("0220", "Weekendtillæg", D("6"), D("44.25"), D("265.50"))],
                  [("8100", "ATP-bidrag medarbejder", D("33.00")), ("8220", "AM-bidrag 8 %", D("559.00")), ("8250", "A-skat 38 %", D("1918.00"))],
                  D("7025.10"), D("6992.10"), D("559"),
                  [("8101", "ATP arbejdsgiverandel", D("66.00")), ("4420", "Feriepenge til FerieKonto 12,5 %", D("878.14")),
                   ("4623", "Særlig feriegodtgørelse 1,95 %", D("136.99"))],
                  [("Bruttoløn år til dato", D("63114.80")), ("AM-bidrag år til dato", D("5021.00")), ("Feriepenge år til dato", D("7889.35"))],
                  ["Egeskovvej 14, st.", "2620 Albertslund"])
    body = ("Hej Økonomigruppen\n\nVedhæftet lønseddel for oktober 2026 for Freja Holm Lund (cpr 120394-1109), "
            "ansat i job på få lønnede timer på Musikskolen.\n"
            "Arbejdsgiver: Albertslund Kommune, CVR 29189919.\n\n"
            "Vi søger refusion af lønudgifterne som de fremgår af lønsedlen (inkl. aften- og weekendtillæg).\n\n"
            "Mvh\nUlla Møller\nAdministrativ medarbejder, Musikskolen\n")
    L = {"salary": "7025.10", "atp": "66.00", "holiday_pay": "878.14", "special_holiday_allowance": "136.99"}
    check_sum(L, "8106.23")
    case(1, "musikskolen-sdloen-tillaeg",
         "SD Løn payslip (Lønart | Tekst | Antal | Sats | Beløb) with Timeløn + Aftentillæg + Weekendtillæg; no itemisation in the body: lines from the payslip, all three pay rows are salary.",
         build(1, ("Ulla Møller", "ulla.moeller@albertslund.dk"), "Refusion oktober – Freja Holm Lund", "2026-11-03 10:12",
               body, [(pdf, "Lønseddel_okt_2026_SD.pdf")]),
         [claim(A, OCT, "42", None, None, L, None, dict(gross="7025.10", am_basis="6992.10", am="559", period=OCT, hours="42"))],
         [dec(OCT[0], "approved", "8106.23")])

    # ------------------------------------------------------------ 02 ProLøn, "5.200 kr"
    # 40 h x 130,00 = 5.200,00; feriepenge 12,5 % = 650,00; særlig 1,95 % = 101,40; ATP 66.
    # Total 5200 + 66 + 650 + 101.40 = 6017.40. Cap 44.29 >= 40; ATP 40 h -> 66.
    # AM-indkomst 5200 - 33 = 5167; AM 413.36 -> 413.
    pdf = proloen_slip(B, "01.10.2026-31.10.2026", "30.10.2026",
                       [("1000", "Timeløn", D("40"), D("130.00"), D("5200.00"), D("33150.00"))],
                       [("8100", "ATP eget bidrag", D("33.00"), D("198.00")), ("8220", "AM-bidrag", D("413.00"), D("2652.00")),
                        ("8250", "A-skat", D("1512.00"), D("9820.00"))],
                       D("5200.00"), D("5167.00"),
                       [("8101", "ATP firmabidrag", D("66.00"), D("396.00")), ("4621", "Feriepenge 12,5 %", D("650.00"), D("4143.75")),
                        ("4623", "Særlig feriegodtgørelse 1,95 %", D("101.40"), D("646.43"))],
                       ["Kanalens Kvarter 88", "2620 Albertslund"])
    body = ("Til Økonomigruppen\n\nRefusion for Yusuf Demir, CPR 050788-2005, oktober 2026 (01.10.2026-31.10.2026).\n"
            "Albertslund Kommune, Park og Vej – CVR 29189919\n\n"
            "Timer: 40\n"
            "Løn: 5.200 kr\n"
            "ATP: 66 kr\n"
            "Feriepenge: 650 kr\n"
            "Særlig feriegodtgørelse: 101,40 kr\n"
            "I alt: 6.017,40 kr\n\n"
            "Lønseddel fra ProLøn vedlagt.\n\nHilsen\nBo Vestergaard\nDriftsleder, Park og Vej\n")
    L = {"salary": "5200.00", "atp": "66.00", "holiday_pay": "650.00", "special_holiday_allowance": "101.40"}
    check_sum(L, "6017.40")
    case(2, "parkogvej-proloen-whole-kroner",
         "Amounts written '5.200 kr' / '66 kr' without decimals; ProLøn payslip with a Saldo (year-to-date) column.",
         build(2, ("Bo Vestergaard", "bo.vestergaard@albertslund.dk"), "Refusion okt. 2026 Yusuf Demir", "2026-11-04 08:40",
               body, [(pdf, "ProLøn lønseddel 2026-10.pdf")]),
         [claim(B, OCT, "40", None, None, L, "6017.40", dict(gross="5200.00", am_basis="5167.00", am="413", period=OCT, hours="40"))],
         [dec(OCT[0], "approved", "6017.40")])

    # ------------------------------------------------------------ 03 Bluegarden (+)/(-), "CPR: 230201 4003"
    # Timeløn 41,50 x 141,20 = 5.859,80. ATP emp 33; AM-grundlag 5826.80; AM 466.144 -> 466.
    # Feriegodtgørelse 12,5 % = 732.475 -> 732.48; særlig 1,95 % = 114.2661 -> 114.27; ATP 66.
    # Lines 5859.80 + 66 + 732.48 + 114.27 = 6772.55. Cap 44.29 >= 41.5. Rate 141.20.
    assert D("41.5") * D("141.20") == D("5859.80")
    assert r2(D("5859.80") * D("0.125")) == D("732.48") and r2(D("5859.80") * D("0.0195")) == D("114.27")
    pdf = bluegarden_slip(C, "01.10.2026 - 31.10.2026", "30.10.2026",
                          [("1010", "Timeløn", D("41.50"), D("141.20"), D("5859.80"))],
                          [("8100", "ATP medarbejder", D("33.00")), ("8220", "AM-bidrag", D("466.00")), ("8250", "A-skat", D("1702.00"))],
                          D("5859.80"), D("5826.80"),
                          [("ATP arbejdsgiver", D("66.00")), ("Feriegodtgørelse 12,5 % (FerieKonto)", D("732.48")),
                           ("Særlig feriegodtgørelse 1,95 %", D("114.27"))],
                          ["Herstedvang 3, 1. tv.", "2620 Albertslund"])
    body = ("Hej\n\nHer er lønsedlen for Sofie Marie Andersen til refusion.\n\n"
            "CPR: 230201 4003\nPeriode: oktober 2026\n"
            "Arbejdsgiver: Albertslund Idrætscenter (CVR 31245672)\n\n"
            "Beløbene fremgår af lønsedlen (løn, ATP og feriepenge).\n\n"
            "Venlig hilsen\nKarina Holt\nCenterleder\n")
    L = {"salary": "5859.80", "atp": "66.00", "holiday_pay": "732.48", "special_holiday_allowance": "114.27"}
    check_sum(L, "6772.55")
    case(3, "aic-bluegarden-plus-minus-cpr-space",
         "Bluegarden payslip with Beløb (+) / Beløb (-) columns and an 'Oplysninger' employer block; CPR written with a space; period 'oktober 2026'.",
         build(3, ("Karina Holt", "karina.holt@albertslund.dk"), "Lønseddel oktober – Sofie", "2026-11-05 13:02",
               body, [(pdf, "Bluegarden_Loenseddel_202610.pdf")]),
         [claim(C, OCT, "41.5", None, None, L, None, dict(gross="5859.80", am_basis="5826.80", am="466", period=OCT, hours="41.5"))],
         [dec(OCT[0], "approved", "6772.55")])

    # ------------------------------------------------------------ 04 three columns, current in the middle
    # 9 h/week: cap Oct 31 x 9/7 = 39.857. Hours 39,00 (prev period 38,00). 39 h -> bracket 39-78 -> ATP 66.
    # Timeløn 39 x 152,00 = 5.928,00 (prev 38 x 152 = 5.776,00). Pension arbejdsgiver 8 % = 474,24.
    # Feriepenge 12,5 % = 741,00; særlig 1,95 % = 115.596 -> 115,60.
    # ATP emp 33; employee pension 4 % = 237.12; AM-grundlag 5928 - 33 - 237.12 = 5657.88; AM 452.63 -> 453.
    # Lines 5928 + 474.24 + 66 + 741 + 115.60 = 7324.84 (body states "I alt 7.324,84").
    assert r2(D("5928") * D("0.08")) == D("474.24") and r2(D("5928") * D("0.0195")) == D("115.60")
    pdf = three_col_slip(Dp, "01.10.2026 - 31.10.2026", "30.10.2026", [
        ("Timer", D("38.00"), D("39.00"), D("351.00")),
        ("Timeløn", D("5776.00"), D("5928.00"), D("53352.00")),
        ("Bruttoløn i alt", D("5776.00"), D("5928.00"), D("53352.00")),
        ("ATP, medarbejder", D("-33.00"), D("-33.00"), D("-297.00")),
        ("Pension, eget bidrag 4 %", D("-231.04"), D("-237.12"), D("-2134.08")),
        ("AM-grundlag", D("5511.96"), D("5657.88"), D("50920.92")),
        ("AM-bidrag", D("-441.00"), D("-453.00"), D("-4073.00")),
        ("A-skat", D("-1689.00"), D("-1738.00"), D("-15590.00")),
        ("Udbetalt", D("3382.96"), D("3466.88"), D("31257.92")),
        ("Arbejdsgiverbidrag:", None, None, None),
        ("ATP, arbejdsgiver", D("66.00"), D("66.00"), D("594.00")),
        ("Pension, arbejdsgiver 8 %", D("462.08"), D("474.24"), D("4268.16")),
        ("Feriepenge 12,5 %", D("722.00"), D("741.00"), D("6669.00")),
        ("Særlig feriegodtgørelse 1,95 %", D("112.63"), D("115.60"), D("1040.36")),
    ], ["Albertshøjvej 21", "2620 Albertslund"])
    assert D("5928") - D("33") - D("237.12") - D("453") - D("1738") == D("3466.88")
    body = ("Kære Jobcenter\n\nHermed refusionsanmodning for Mikkel Frost (171166-3009), oktober 2026, "
            "Ældrecentret Albertshøj, Albertslund Kommune CVR-nr. 29189919.\n"
            "Løn, pension, ATP og feriepenge jf. vedhæftede lønseddel, i alt kr. 7.324,84.\n\n"
            "Med venlig hilsen\nRikke Sand\nCenterleder\n")
    L = {"salary": "5928.00", "pension": "474.24", "atp": "66.00", "holiday_pay": "741.00", "special_holiday_allowance": "115.60"}
    check_sum(L, "7324.84")
    case(4, "albertshoj-three-column-payslip",
         "Payslip with 'Forrige periode | Denne periode | Hidtil i år': the current period is the MIDDLE column; body gives only a total.",
         build(4, ("Rikke Sand", "rikke.sand@albertslund.dk"), "Refusion Mikkel Frost oktober", "2026-11-04 15:20",
               body, [(pdf, "Lønseddel oktober.pdf")]),
         [claim(Dp, OCT, "39", None, None, L, "7324.84", dict(gross="5928.00", am_basis="5657.88", am="453", period=OCT, hours="39"))],
         [dec(OCT[0], "approved", "7324.84")])

    # ------------------------------------------------------------ 05 Pension i alt split
    # 40 h x 153,50 = 6.140,00. Pension i alt 12 % = 736,80: arbejdsgiver 8 % = 491,20, medarbejder 4 % = 245,60.
    # AM-grundlag 6140 - 33 - 245.60 = 5861.40; AM 468.912 -> 469. Feriepenge 767,50; særlig 119.73.
    # Lines 6140 + 491.20 + 66 + 767.50 + 119.73 = 7584.43. Pension 8 % <= 20 %.
    assert r2(D("6140") * D("0.0195")) == D("119.73")
    pdf = dataloen_slip(E, "01.10.2026 - 31.10.2026", "30.10.2026", [
        ("1", "Timeløn", D("40.00"), D("153.50"), D("6140.00")),
        ("", "Bruttoløn i alt", None, None, D("6140.00")),
        ("40", "Pension i alt", D("6140.00"), "12,00 %", D("736.80")),
        ("41", "  heraf arbejdsgiverandel", D("6140.00"), "8,00 %", D("491.20")),
        ("42", "  heraf medarbejderandel", D("6140.00"), "4,00 %", D("-245.60")),
        ("50", "ATP medarbejder", None, None, D("-33.00")),
        ("", "AM-grundlag", None, None, D("5861.40")),
        ("60", "AM-bidrag", D("5861.40"), "8,00 %", D("-469.00")),
        ("70", "A-skat", D("5392.40"), "37,00 %", D("-1552.00")),
        ("", "Til udbetaling", None, None, D("3840.40")),
        ("51", "ATP arbejdsgiver", None, None, D("66.00")),
    ], ["Birkelundsvej 7", "2620 Albertslund"],
        [("Feriepenge 12,5 %", D("767.50"), D("2302.50")), ("Særlig feriegodtgørelse 1,95 %", D("119.73"), D("359.19"))],
        [("Bruttoløn", D("24560.00")), ("Pension i alt", D("2947.20"))])
    assert D("6140") - D("245.60") - D("33") - D("469") - D("1552") == D("3840.40")
    body = ("Hej Økonomigruppen\n\nLønseddel for Hanne Birk Olsen (CPR-nr. 281099-2207) for perioden 1.-31. oktober 2026 er vedhæftet.\n"
            "Kulturhuset Birkelundgård, CVR 42873519.\n"
            "Vi beder om refusion af løn, arbejdsgivers pensionsandel, ATP og feriepenge.\n\n"
            "Venlig hilsen\nPeter Dam\nHusleder\n")
    L = {"salary": "6140.00", "pension": "491.20", "atp": "66.00", "holiday_pay": "767.50", "special_holiday_allowance": "119.73"}
    check_sum(L, "7584.43")
    case(5, "birkelund-pension-i-alt-split",
         "'Pension i alt 12 %' with 'heraf arbejdsgiverandel 8 %' and 'heraf medarbejderandel 4 %': only the employer share is claimed; AM-grundlag excludes the employee share.",
         build(5, ("Peter Dam", "peter.dam@albertslund.dk"), "Refusion oktober 2026 - Hanne Birk Olsen", "2026-11-06 09:05",
               body, [(pdf, "Lønseddel 2026-10 Hanne.pdf")]),
         [claim(E, OCT, "40", None, None, L, None, dict(gross="6140.00", am_basis="5861.40", am="469", period=OCT, hours="40"))],
         [dec(OCT[0], "approved", "7584.43")])

    # ------------------------------------------------------------ 06 Feriegodtgørelse udbetalt (SD)
    # Timeløn 43 x 148,00 = 6.364,00; "Feriegodtgørelse udbetalt 12,5 %" = 795,50 (pay row, in gross).
    # Gross 6364 + 795.50 = 7159.50; ATP emp 33; AM-grundlag 7126.50; AM 570.12 -> 570.
    # Særlig 1,95 % of 6364 = 124.098 -> 124,10. ATP 66 (43 h). Cap 44.29 >= 43. Rate 148.
    # Lines 6364 + 795.50 + 66 + 124.10 = 7349.60.
    assert r2(D("6364") * D("0.0195")) == D("124.10")
    pdf = sd_slip(F, "01.10.2026 - 31.10.2026", "30.10.2026",
                  [("0101", "Timeløn", D("43"), D("148.00"), D("6364.00")),
                   ("0480", "Feriegodtgørelse udbetalt 12,5 %", D("6364.00"), D("12.50"), D("795.50"))],
                  [("8100", "ATP-bidrag medarbejder", D("33.00")), ("8220", "AM-bidrag 8 %", D("570.00")), ("8250", "A-skat 37 %", D("2006.00"))],
                  D("7159.50"), D("7126.50"), D("570"),
                  [("8101", "ATP arbejdsgiverandel", D("66.00")), ("4623", "Særlig feriegodtgørelse 1,95 %", D("124.10"))],
                  [("Bruttoløn år til dato", D("41230.00")), ("AM-bidrag år til dato", D("3276.00"))],
                  ["Galgebakken Sønder 4-2b", "2620 Albertslund"])
    body = ("Hej\n\nVedlagt lønseddel til refusion for Ali Hassan Nouri, CPR 090590-1508, oktober 2026.\n"
            "Albertslund Kommune (Rengøringsservice), CVR 29189919. Ali er timelønnet, så feriegodtgørelsen "
            "udbetales løbende med lønnen.\n\nVenlig hilsen\nMaja Krogh\nTeamleder\n")
    L = {"salary": "6364.00", "holiday_pay": "795.50", "atp": "66.00", "special_holiday_allowance": "124.10"}
    check_sum(L, "7349.60")
    case(6, "rengoering-feriegodtgoerelse-udbetalt",
         "SD Løn payslip where 'Feriegodtgørelse udbetalt 12,5 %' is a pay row inside the gross: it is holiday_pay, not salary.",
         build(6, ("Maja Krogh", "maja.krogh@albertslund.dk"), "Refusion – Ali H. Nouri – 10/2026", "2026-11-02 11:30",
               body, [(pdf, "lonseddel_oktober.pdf")]),
         [claim(F, OCT, "43", None, None, L, None, dict(gross="7159.50", am_basis="7126.50", am="570", period=OCT, hours="43"))],
         [dec(OCT[0], "approved", "7349.60")])

    # ------------------------------------------------------------ 07 HTML-only, header row of kinds + ONE row
    # 40 h x 147,35 = 5.894,00; ATP 66; feriepenge 736,75; særlig 114.933 -> 114,93. Total 6811.68.
    # AM-grundlag 5861; AM 468.88 -> 469.
    assert D("40") * D("147.35") == D("5894.00") and r2(D("5894") * D("0.0195")) == D("114.93")
    pdf = dataloen_slip(G, "01.10.2026 - 31.10.2026", "30.10.2026", [
        ("1", "Timeløn", D("40.00"), D("147.35"), D("5894.00")),
        ("", "Bruttoløn i alt", None, None, D("5894.00")),
        ("50", "ATP medarbejder", None, None, D("-33.00")),
        ("", "AM-grundlag", None, None, D("5861.00")),
        ("60", "AM-bidrag", D("5861.00"), "8,00 %", D("-469.00")),
        ("70", "A-skat", D("5392.00"), "36,00 %", D("-1580.00")),
        ("", "Til udbetaling", None, None, D("3812.00")),
        ("51", "ATP arbejdsgiver", None, None, D("66.00")),
    ], ["Vestskovvej 40", "2620 Albertslund"],
        [("Feriepenge 12,5 %", D("736.75"), D("2173.41")), ("Særlig feriegodtgørelse 1,95 %", D("114.93"), D("339.05"))],
        [("Bruttoløn", D("17387.30"))])
    html = ("<html><body style=\"font-family:Calibri\"><p>Hej Jobcenter</p>"
            "<p>Refusion for Tobias Lindholm, cpr.nr. 310885-3300, periode 01.10.2026 – 31.10.2026.<br>"
            "Daginstitution Vestskoven, CVR 25561902.</p>"
            "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"
            "<tr><th>Timer</th><th>Løn</th><th>ATP</th><th>Feriepenge</th><th>Særlig feriegodtgørelse</th><th>I alt</th></tr>"
            "<tr><td>40,00</td><td>5.894,00</td><td>66,00</td><td>736,75</td><td>114,93</td><td>6.811,68</td></tr>"
            "</table><p>Lønseddel vedhæftet.</p><p>Mvh<br>Eva Nygaard<br>Pædagogisk leder</p></body></html>")
    L = {"salary": "5894.00", "atp": "66.00", "holiday_pay": "736.75", "special_holiday_allowance": "114.93"}
    check_sum(L, "6811.68")
    case(7, "vestskoven-html-one-row-table",
         "HTML-only body (no text/plain part); the amounts are in a table with a header row of kinds and ONE data row.",
         build(7, ("Eva Nygaard", "eva.nygaard@albertslund.dk"), "Refusion oktober Tobias Lindholm", "2026-11-03 14:48",
               None, [(pdf, "Lønseddel.pdf")], html=html, html_only=True),
         [claim(G, OCT, "40", None, None, L, "6811.68", dict(gross="5894.00", am_basis="5861.00", am="469", period=OCT, hours="40"))],
         [dec(OCT[0], "approved", "6811.68")])

    # ------------------------------------------------------------ 08 "kr. 4.640" (8 h/week, no ATP)
    # 32 h x 145,00 = 4.640,00; feriepenge 580,00; særlig 90,48. Total 5310.48.
    # Cap Oct 31 x 8/7 = 35.43 >= 32; 32 h < 39 -> no ATP. AM-grundlag 4640; AM 371.20 -> 371.
    pdf = sd_slip(H, "01.10.2026 - 31.10.2026", "30.10.2026",
                  [("0101", "Timeløn", D("32"), D("145.00"), D("4640.00"))],
                  [("8220", "AM-bidrag 8 %", D("371.00")), ("8250", "A-skat 36 %", D("1202.00"))],
                  D("4640.00"), D("4640.00"), D("371"),
                  [("4420", "Feriepenge til FerieKonto 12,5 %", D("580.00")), ("4623", "Særlig feriegodtgørelse 1,95 %", D("90.48"))],
                  [("Bruttoløn år til dato", D("27840.00"))],
                  ["Roskildevej 220", "2620 Albertslund"])
    body = ("Til Økonomigruppen, Jobcentret\n\n"
            "Steen, Lone Marianne\nCPR.: 140672-2607\nTandplejen, Albertslund Kommune – CVR 29189919\n"
            "Periode: 1. oktober – 31. oktober 2026\nArbejdede timer: 32\n\n"
            "Løn kr. 4.640\nFeriepenge kr. 580\nSærlig feriegodtgørelse kr. 90,48\nI alt kr. 5.310,48\n\n"
            "Venlig hilsen\nJens Hviid\nKlinikchef, Tandplejen\n")
    L = {"salary": "4640.00", "holiday_pay": "580.00", "special_holiday_allowance": "90.48"}
    check_sum(L, "5310.48")
    case(8, "tandplejen-kr-prefix-surname-first",
         "'kr. 4.640' without decimals, name written 'Steen, Lone Marianne' (surname first), 'CPR.:' label, 8 h/week (no ATP).",
         build(8, ("Jens Hviid", "jens.hviid@albertslund.dk"), "Refusion Tandplejen oktober 2026", "2026-11-05 10:00",
               body, [(pdf, "Steen Lone - lønseddel okt.pdf")]),
         [claim(H, OCT, "32", None, None, L, "5310.48", dict(gross="4640.00", am_basis="4640.00", am="371", period=OCT, hours="32"))],
         [dec(OCT[0], "approved", "5310.48")])

    # ------------------------------------------------------------ 09 "uge 41–44"
    # ISO 2026: week 1 starts Mon 29 Dec 2025; week 41 starts 29 Dec + 40 x 7 = Mon 5 Oct 2026,
    # week 44 ends Sun 1 Nov 2026. 28 days; start + 1 month - 1 day = 4 Nov >= 1 Nov: not too long.
    # Cap 28 x 10/7 = 40 >= 40. ATP 40 h -> 66. 40 x 139,50 = 5.580,00; feriepenge 697,50; særlig 108,81.
    # Total 5580 + 66 + 697.50 + 108.81 = 6452.31. AM-grundlag 5547; AM 443.76 -> 444.
    assert dt.date.fromisocalendar(2026, 41, 1) == dt.date(2026, 10, 5) and dt.date.fromisocalendar(2026, 44, 7) == dt.date(2026, 11, 1)
    assert r2(D("5580") * D("0.0195")) == D("108.81")
    W = ("2026-10-05", "2026-11-01")
    pdf = proloen_slip(I, "05.10.2026-01.11.2026 (4-ugers periode)", "06.11.2026",
                       [("1000", "Timeløn", D("40"), D("139.50"), D("5580.00"), D("11021.00"))],
                       [("8100", "ATP eget bidrag", D("33.00"), D("66.00")), ("8220", "AM-bidrag", D("444.00"), D("877.00")),
                        ("8250", "A-skat", D("1633.00"), D("3225.00"))],
                       D("5580.00"), D("5547.00"),
                       [("8101", "ATP firmabidrag", D("66.00"), D("132.00")), ("4621", "Feriepenge 12,5 %", D("697.50"), D("1377.63")),
                        ("4623", "Særlig feriegodtgørelse 1,95 %", D("108.81"), D("214.91"))],
                       ["Hyldager Bakke 12", "2620 Albertslund"])
    body = ("Hej\n\nOmar Khalil, cpr 261277-1718\nArbejdsgiver: Albertslund Kommune / Genbrugspladsen, CVR 29189919\n"
            "Periode: uge 41–44 2026\nTimer: 40,00\n\n"
            "Løn\t5.580,00\nATP\t66,00\nFeriepenge\t697,50\nSærlig feriegodtgørelse\t108,81\nIalt\t6.452,31\n\n"
            "Vi har 4-ugers lønperioder. Lønseddel vedhæftet.\n\nHilsen Nina Brandt\nGenbrugspladsen\n")
    L = {"salary": "5580.00", "atp": "66.00", "holiday_pay": "697.50", "special_holiday_allowance": "108.81"}
    check_sum(L, "6452.31")
    case(9, "genbrug-weeks-41-44",
         "Period written 'uge 41–44 2026' (ISO weeks: 5 Oct - 1 Nov), a 4-week pay period; hours exactly at the cap (28 x 10/7 = 40).",
         build(9, ("Nina Brandt", "nina.brandt@albertslund.dk"), "Refusion uge 41-44 Omar Khalil", "2026-11-09 09:30",
               body, [(pdf, "ProLøn 4-uger 41-44.pdf")]),
         [claim(I, W, "40", None, None, L, "6452.31", dict(gross="5580.00", am_basis="5547.00", am="444", period=W, hours="40"))],
         [dec(W[0], "approved", "6452.31")])

    # ------------------------------------------------------------ 10 "Lund, Freja Holm", "CPR.: 120394-1109" (September)
    # 41 h x 152,80 = 6.264,80; ATP 66; feriepenge 783,10; særlig 122.1636 -> 122,16. Total 7236.06.
    # Cap Sep 30 x 10/7 = 42.86 >= 41. AM-grundlag 6231.80; AM 498.544 -> 499.
    assert D("41") * D("152.80") == D("6264.80") and r2(D("6264.80") * D("0.0195")) == D("122.16")
    pdf = sd_slip(A, "01.09.2026 - 30.09.2026", "30.09.2026",
                  [("0101", "Timeløn", D("41"), D("152.80"), D("6264.80"))],
                  [("8100", "ATP-bidrag medarbejder", D("33.00")), ("8220", "AM-bidrag 8 %", D("499.00")), ("8250", "A-skat 38 %", D("1731.00"))],
                  D("6264.80"), D("6231.80"), D("499"),
                  [("8101", "ATP arbejdsgiverandel", D("66.00")), ("4420", "Feriepenge til FerieKonto 12,5 %", D("783.10")),
                   ("4623", "Særlig feriegodtgørelse 1,95 %", D("122.16"))],
                  [("Bruttoløn år til dato", D("56089.70"))],
                  ["Egeskovvej 14, st.", "2620 Albertslund"])
    body = ("Hej\n\nRefusion for september 2026:\n\n"
            "Navn: Lund, Freja Holm\nCPR.: 120394-1109\nArbejdssted: Musikskolen, Albertslund Kommune (CVR 29189919)\n"
            "Periode: 01-09-2026 til 30-09-2026\nTimer: 41,00\n\n"
            "Løn 6.264,80\nATP (arbejdsgiver) 66,00\nFeriepenge 783,10\nSærlig feriegodtgørelse 122,16\nI alt 7.236,06\n\n"
            "Mvh Ulla Møller\nMusikskolen\n")
    L = {"salary": "6264.80", "atp": "66.00", "holiday_pay": "783.10", "special_holiday_allowance": "122.16"}
    check_sum(L, "7236.06")
    case(10, "musikskolen-name-surname-first-cpr-dot",
         "Name as 'Lund, Freja Holm' (must not give NAME_MISMATCH), 'CPR.:' label, dates 01-09-2026.",
         build(10, ("Ulla Møller", "ulla.moeller@albertslund.dk"), "Refusion sept. – Lund, Freja Holm", "2026-10-05 12:15",
               body, [(pdf, "Lønseddel_sep_2026_SD.pdf")]),
         [claim(A, SEP, "41", None, None, L, "7236.06", dict(gross="6264.80", am_basis="6231.80", am="499", period=SEP, hours="41"))],
         [dec(SEP[0], "approved", "7236.06")])

    # ------------------------------------------------------------ 11 CC'd, From a contact, signed by someone else
    # 42 h x 130,00 = 5.460,00; feriepenge 682,50; særlig 106,47; ATP 66. Total 6314.97.
    # Cap 42.86 >= 42. AM-grundlag 5427; AM 434.16 -> 434.
    pdf = proloen_slip(B, "01.09.2026-30.09.2026", "30.09.2026",
                       [("1000", "Timeløn", D("42"), D("130.00"), D("5460.00"), D("27950.00"))],
                       [("8100", "ATP eget bidrag", D("33.00"), D("165.00")), ("8220", "AM-bidrag", D("434.00"), D("2239.00")),
                        ("8250", "A-skat", D("1590.00"), D("8308.00"))],
                       D("5460.00"), D("5427.00"),
                       [("8101", "ATP firmabidrag", D("66.00"), D("330.00")), ("4621", "Feriepenge 12,5 %", D("682.50"), D("3493.75")),
                        ("4623", "Særlig feriegodtgørelse 1,95 %", D("106.47"), D("545.03"))],
                       ["Kanalens Kvarter 88", "2620 Albertslund"])
    body = ("Kære Økonomigruppe\n\nPå vegne af Park og Vej sender jeg refusionsanmodning for september.\n\n"
            "Medarbejder: Yusuf Demir (050788-2005)\nArbejdsgiver: Albertslund Kommune, CVR 29189919\n"
            "Periode: 01.09.2026-30.09.2026\nTimer: 42,00\n\n"
            "Timeløn: 5.460,00\nATP arbejdsgiverandel: 66,00\nFeriepenge 12,5 %: 682,50\nSærlig feriegodtgørelse: 106,47\n"
            "I alt: 6.314,97\n\n"
            "Spørgsmål kan rettes til mig.\n\nVenlig hilsen\nCharlotte Bak\nLøn og Personale\ncharlotte.bak@albertslund.dk\n")
    L = {"salary": "5460.00", "atp": "66.00", "holiday_pay": "682.50", "special_holiday_allowance": "106.47"}
    check_sum(L, "6314.97")
    case(11, "parkogvej-cc-signed-by-payroll",
         "From is the placement contact (Bo Vestergaard), Cc a payroll officer, body signed by the payroll officer (not a contact): the sender is authorised.",
         build(11, ("Bo Vestergaard", "bo.vestergaard@albertslund.dk"), "Refusion september - Yusuf Demir", "2026-10-06 16:02",
               body, [(pdf, "ProLøn 2026-09 Yusuf.pdf")], cc="Charlotte Bak <charlotte.bak@albertslund.dk>"),
         [claim(B, SEP, "42", None, None, L, "6314.97", dict(gross="5460.00", am_basis="5427.00", am="434", period=SEP, hours="42"))],
         [dec(SEP[0], "approved", "6314.97")])

    # ------------------------------------------------------------ 12 timesheet first, payslip second (9 h/week, no ATP)
    # Sep cap 30 x 9/7 = 38.571 >= 38.5. 38,5 h < 39 -> no ATP.
    # 38,5 x 152,00 = 5.852,00; pension 8 % = 468,16; feriepenge 731,50; særlig 114.114 -> 114,11.
    # Total 5852 + 468.16 + 731.50 + 114.11 = 7165.77. Emp pension 4 % = 234.08; AM-grundlag 5617.92; AM 449.43 -> 449.
    assert r2(D("5852") * D("0.08")) == D("468.16") and r2(D("5852") * D("0.0195")) == D("114.11")
    days = []
    dset = [("01.09.2026", "9:00", "13:30", "4,50"), ("03.09.2026", "9:00", "13:00", "4,00"), ("08.09.2026", "9:00", "13:30", "4,50"),
            ("10.09.2026", "9:00", "13:00", "4,00"), ("15.09.2026", "9:00", "13:30", "4,50"), ("17.09.2026", "9:00", "13:00", "4,00"),
            ("22.09.2026", "9:00", "13:30", "4,50"), ("24.09.2026", "9:00", "13:00", "4,00"), ("29.09.2026", "9:00", "13:30", "4,50")]
    for d_, a, b, t in dset:
        days.append([d_, a, b, t, ""])
    assert sum(D(t.replace(",", ".")) for *_, t in dset) == D("38.5")
    ts = timesheet_pdf(Dp, "september 2026", days)
    pdf = three_col_slip(Dp, "01.09.2026 - 30.09.2026", "30.09.2026", [
        ("Timer", D("39.50"), D("38.50"), D("312.00")),
        ("Timeløn", D("6004.00"), D("5852.00"), D("47424.00")),
        ("Bruttoløn i alt", D("6004.00"), D("5852.00"), D("47424.00")),
        ("ATP, medarbejder", D("-33.00"), D("0.00"), D("-264.00")),
        ("Pension, eget bidrag 4 %", D("-240.16"), D("-234.08"), D("-1896.96")),
        ("AM-grundlag", D("5730.84"), D("5617.92"), D("45263.04")),
        ("AM-bidrag", D("-458.00"), D("-449.00"), D("-3620.00")),
        ("A-skat", D("-1756.00"), D("-1722.00"), D("-13852.00")),
        ("Udbetalt", D("3516.84"), D("3446.92"), D("27791.04")),
        ("Arbejdsgiverbidrag:", None, None, None),
        ("ATP, arbejdsgiver", D("66.00"), D("0.00"), D("528.00")),
        ("Pension, arbejdsgiver 8 %", D("480.32"), D("468.16"), D("3793.92")),
        ("Feriepenge 12,5 %", D("750.50"), D("731.50"), D("5928.00")),
        ("Særlig feriegodtgørelse 1,95 %", D("117.08"), D("114.11"), D("924.77")),
    ], ["Albertshøjvej 21", "2620 Albertslund"])
    assert D("5852") - D("234.08") - D("449") - D("1722") == D("3446.92")
    body = ("Hej Økonomigruppen\n\nVedhæftet timeseddel og lønseddel for Mikkel Frost (CPR 171166-3009) for september 2026.\n"
            "Ældrecentret Albertshøj, Albertslund Kommune, CVR 29189919.\n"
            "Refusion søges for lønudgifterne på lønsedlen.\n\nMvh Rikke Sand\n")
    L = {"salary": "5852.00", "pension": "468.16", "holiday_pay": "731.50", "special_holiday_allowance": "114.11"}
    check_sum(L, "7165.77")
    case(12, "albertshoj-timesheet-and-payslip",
         "Two attachments: a 'Timeseddel' PDF (daily hours, first) and the three-column payslip; 38,5 h < 39: no ATP (payslip shows 0,00 now, 66,00 last period).",
         build(12, ("Rikke Sand", "rikke.sand@albertslund.dk"), "Timeseddel + lønseddel sept. Mikkel F.", "2026-10-07 08:55",
               body, [(ts, "Timeseddel september 2026.pdf"), (pdf, "Lønseddel september.pdf")]),
         [claim(Dp, SEP, "38.5", None, None, L, None, dict(gross="5852.00", am_basis="5617.92", am="449", period=SEP, hours="38.5"))],
         [dec(SEP[0], "approved", "7165.77")])

    # ------------------------------------------------------------ 13 hours over cap -> partial (Pension i alt split)
    # Sep cap 30 x 10/7 = 300/7 = 42.857; paid 45 h -> factor (300/7)/45 = 20/21.
    # 45 x 153,50 = 6.907,50; pension employer 8 % = 552,60; ATP 66; feriepenge 863.4375 -> 863,44; særlig 134.69625 -> 134,70.
    # Claimed 6907.50 + 552.60 + 66 + 863.44 + 134.70 = 8524.24.
    # Approved: 6907.50 x 20/21 = 6578.5714 -> 6578.57; 552.60 x 20/21 = 526.2857 -> 526.29;
    # 863.44 x 20/21 = 822.3238 -> 822.32; 134.70 x 20/21 = 128.2857 -> 128.29; ATP 66 fixed.
    # = 6578.57 + 526.29 + 822.32 + 128.29 + 66 = 8121.47. HOURS_OVER_CAP, partially_approved.
    # Employee pension 4 % = 276.30; AM-grundlag 6907.50 - 33 - 276.30 = 6598.20; AM 527.856 -> 528.
    assert r2(D("6907.50") * D("0.125")) == D("863.44") and r2(D("6907.50") * D("0.0195")) == D("134.70")
    f = D(20) / D(21)
    appr = sum(r2(D(x) * f) for x in ("6907.50", "552.60", "863.44", "134.70")) + D("66")
    assert appr == D("8121.47"), appr
    pdf = dataloen_slip(E, "01.09.2026 - 30.09.2026", "30.09.2026", [
        ("1", "Timeløn", D("45.00"), D("153.50"), D("6907.50")),
        ("", "Bruttoløn i alt", None, None, D("6907.50")),
        ("40", "Pension i alt", D("6907.50"), "12,00 %", D("828.90")),
        ("41", "  heraf arbejdsgiverandel", D("6907.50"), "8,00 %", D("552.60")),
        ("42", "  heraf medarbejderandel", D("6907.50"), "4,00 %", D("-276.30")),
        ("50", "ATP medarbejder", None, None, D("-33.00")),
        ("", "AM-grundlag", None, None, D("6598.20")),
        ("60", "AM-bidrag", D("6598.20"), "8,00 %", D("-528.00")),
        ("70", "A-skat", D("6070.20"), "37,00 %", D("-1746.00")),
        ("", "Til udbetaling", None, None, D("4324.20")),
        ("51", "ATP arbejdsgiver", None, None, D("66.00")),
    ], ["Birkelundsvej 7", "2620 Albertslund"],
        [("Feriepenge 12,5 %", D("863.44"), D("1535.00")), ("Særlig feriegodtgørelse 1,95 %", D("134.70"), D("239.46"))],
        [("Bruttoløn", D("18420.00"))])
    assert D("6907.50") - D("276.30") - D("33") - D("528") - D("1746") == D("4324.20")
    body = ("Hej\n\nRefusion for Hanne Birk Olsen, CPR-nr. 281099-2207, september 2026 (01.09.2026 - 30.09.2026).\n"
            "Kulturhuset Birkelundgård, CVR 42873519.\n\n"
            "Timer: 45,00\n"
            "Timeløn: kr. 6.907,50\nPension (arbejdsgiverandel 8 %): kr. 552,60\nATP: kr. 66,00\n"
            "Feriepenge: kr. 863,44\nSærlig feriegodtgørelse: kr. 134,70\nI alt: kr. 8.524,24\n\n"
            "Hanne hjalp ekstra til ved kulturnatten.\n\nVenlig hilsen\nPeter Dam\nHusleder\n")
    L = {"salary": "6907.50", "pension": "552.60", "atp": "66.00", "holiday_pay": "863.44", "special_holiday_allowance": "134.70"}
    check_sum(L, "8524.24")
    case(13, "birkelund-hours-over-cap",
         "45 paid hours against a September cap of 300/7: hour-proportional lines scaled by 20/21, ATP kept.",
         build(13, ("Peter Dam", "peter.dam@albertslund.dk"), "Refusion september - Hanne Birk Olsen", "2026-10-06 09:40",
               body, [(pdf, "Lønseddel 2026-09 Hanne.pdf")]),
         [claim(E, SEP, "45", None, None, L, "8524.24", dict(gross="6907.50", am_basis="6598.20", am="528", period=SEP, hours="45"))],
         [dec(SEP[0], "partially_approved", "8121.47", ["HOURS_OVER_CAP"])])

    # ------------------------------------------------------------ 14 dispute of case 13's partial decision
    # RULES §2-3: only a message answering a claim WAITING FOR INFORMATION completes it; case 13 was decided
    # (partially_approved). The reply states no new claim data, so it holds no claim: not_a_claim, routed to people.
    body = ("Hej Økonomigruppen\n\nVi er ikke enige i jeres afgørelse om kun delvis refusion for Hanne i september. "
            "De ekstra timer ved kulturnatten var aftalt med jobkonsulenten, og vi mener derfor, at hele beløbet "
            "skal refunderes. Kan I se på sagen igen, eller skal vi tage det med jobkonsulenten?\n\n"
            "Venlig hilsen\nPeter Dam\nHusleder, Kulturhuset Birkelundgård\n\n"
            "-----Oprindelig meddelelse-----\n"
            "Fra: Jobcenter Albertslund <Jobcenter@albertslund.dk>\n"
            "Sendt: 7. oktober 2026 10:02\n"
            "Til: Peter Dam <peter.dam@albertslund.dk>\n"
            "Emne: SV: Refusion september - Hanne Birk Olsen\n\n"
            "Jeres anmodning om refusion for perioden 01.09.2026 - 30.09.2026 er delvist godkendt.\n"
            "Godkendt beløb: 8.121,47 kr. af 8.524,24 kr.\n"
            "Begrundelse: de betalte timer (45,00) overstiger loftet for den godkendte ugentlige arbejdstid.\n")
    case(14, "birkelund-disputes-partial-decision",
         "The workplace replies in the thread of case 13 and disputes the partial decision; no new claim data: not a claim (a person must answer).",
         build(14, ("Peter Dam", "peter.dam@albertslund.dk"), "SV: SV: Refusion september - Hanne Birk Olsen", "2026-10-09 13:25",
               body, in_reply_to="<h3-13-reply@jobcenter.albertslund.test>",
               references=["<h3-13@corpus.albertslund.test>", "<h3-13-reply@jobcenter.albertslund.test>"]),
         [], [{"period.start": None, "outcome": "not_a_claim", "approved": None, "codes": ["NOT_A_CLAIM"]}],
         problems=["NOT_A_CLAIM"])

    # ------------------------------------------------------------ 15 scan 200 dpi with noise
    # 43 h x 150,00 = 6.450,00; ATP 66; feriepenge 806,25; særlig 125.775 -> 125,78. Total 7448.03.
    # AM-grundlag 6417; AM 513.36 -> 513. Amounts and hours only on the scan -> LOW_CONFIDENCE.
    assert r2(D("6450") * D("0.0195")) == D("125.78")
    clean = sd_slip(J, "01.10.2026 - 31.10.2026", "30.10.2026",
                    [("0101", "Timeløn", D("43"), D("150.00"), D("6450.00"))],
                    [("8100", "ATP-bidrag medarbejder", D("33.00")), ("8220", "AM-bidrag 8 %", D("513.00")), ("8250", "A-skat 37 %", D("1824.00"))],
                    D("6450.00"), D("6417.00"), D("513"),
                    [("8101", "ATP arbejdsgiverandel", D("66.00")), ("4420", "Feriepenge til FerieKonto 12,5 %", D("806.25")),
                     ("4623", "Særlig feriegodtgørelse 1,95 %", D("125.78"))],
                    [("Bruttoløn år til dato", D("51600.00"))],
                    ["Stationsvej 9", "2620 Albertslund"])
    scan = scan_pdf(clean, 315)
    body = ("Hej\n\nHermed scannet lønseddel for Emma Skov, CPR 081195-2400, oktober 2026 (Byarkivet, Albertslund Kommune, CVR 29189919).\n"
            "Vi søger refusion af lønudgifterne på lønsedlen.\n\nMvh\nLars Winther\nByarkivar\n")
    L = {"salary": "6450.00", "atp": "66.00", "holiday_pay": "806.25", "special_holiday_allowance": "125.78"}
    check_sum(L, "7448.03")
    case(15, "byarkivet-scan-200dpi",
         "Image-only payslip (200 dpi, mild noise, slight skew): amounts and hours only by OCR -> LOW_CONFIDENCE.",
         build(15, ("Lars Winther", "lars.winther@albertslund.dk"), "Scannet lønseddel okt. Emma Skov", "2026-11-04 11:11",
               body, [(scan, "SKM_C25826110411100.pdf")]),
         [claim(J, OCT, "43", None, None, L, None, dict(gross="6450.00", am_basis="6417.00", am="513", period=OCT, hours="43"))],
         [dec(OCT[0], "manual_review", "0.00", ["LOW_CONFIDENCE"])])

    # ------------------------------------------------------------ 16 sickness in prose, SD Løn
    # Sep: worked 33 h, sick 10 h -> paid 43 h (cap 42.857!). Hmm: 43 > 300/7 -> over cap.
    # Use worked 32,5 + sick 10 = 42,5 <= 42.857. 32,5 x 148 = 4.810,00; Sygeløn 10 x 148 = 1.480,00.
    # salary+sick 6290; feriepenge 786,25; særlig 6290 x 1,95 % = 122.655 -> 122,66; ATP 66 (42,5 h).
    # Spell 14.09-18.09: days 1-5 -> no cut. Total 4810 + 1480 + 66 + 786.25 + 122.66 = 7264.91.
    # AM-grundlag 6290 - 33 = 6257; AM 500.56 -> 501.
    assert r2(D("6290") * D("0.0195")) == D("122.66")
    pdf = sd_slip(F, "01.09.2026 - 30.09.2026", "30.09.2026",
                  [("0101", "Timeløn", D("32.5"), D("148.00"), D("4810.00")),
                   ("0140", "Løn under sygdom", D("10"), D("148.00"), D("1480.00"))],
                  [("8100", "ATP-bidrag medarbejder", D("33.00")), ("8220", "AM-bidrag 8 %", D("501.00")), ("8250", "A-skat 37 %", D("1762.00"))],
                  D("6290.00"), D("6257.00"), D("501"),
                  [("8101", "ATP arbejdsgiverandel", D("66.00")), ("4420", "Feriepenge til FerieKonto 12,5 %", D("786.25")),
                   ("4623", "Særlig feriegodtgørelse 1,95 %", D("122.66"))],
                  [("Bruttoløn år til dato", D("34870.50"))],
                  ["Galgebakken Sønder 4-2b", "2620 Albertslund"])
    body = ("Hej Jobcenter\n\nRefusion for Ali Hassan Nouri (090590-1508) for september måned 2026, Rengøringsservice, "
            "Albertslund Kommune (CVR 29189919).\n\n"
            "Ali har arbejdet 32,5 timer og var syg fra mandag d. 14. september til og med fredag d. 18. september "
            "(10 timer med løn under sygdom).\n\n"
            "Vi søger: løn 4.810,00, løn under sygdom 1.480,00, ATP 66,00, feriepenge 786,25 og særlig "
            "feriegodtgørelse 122,66 – i alt 7.264,91 kr.\n\nMvh Maja Krogh\n")
    L = {"salary": "4810.00", "sick_pay": "1480.00", "atp": "66.00", "holiday_pay": "786.25", "special_holiday_allowance": "122.66"}
    check_sum(L, "7264.91")
    case(16, "rengoering-sick-week-prose",
         "Prose body with the sick spell as 'fra mandag d. 14. september til og med fredag d. 18. september' and the amounts in a sentence.",
         build(16, ("Maja Krogh", "maja.krogh@albertslund.dk"), "Refusion september – Ali", "2026-10-02 10:45",
               body, [(pdf, "lonseddel_september.pdf")]),
         [claim(F, SEP, "32.5", "10", ("2026-09-14", "2026-09-18"), L, "7264.91",
                dict(gross="6290.00", am_basis="6257.00", am="501", period=SEP, hours="32.5", sick="10"))],
         [dec(SEP[0], "approved", "7264.91")])

    # ------------------------------------------------------------ 17 two months in one mail (Bluegarden x2)
    # July: 40 x 141,20 = 5.648,00; ATP 66; feriegodtg. 706,00; særlig 110.136 -> 110,14. Total 6530.14.
    #   cap Jul 31 x 10/7 = 44.29. AM-grundlag 5615; AM 449.20 -> 449.
    # Aug: 44 x 141,20 = 6.212,80; ATP 66; feriegodtg. 776,60; særlig 121.1496 -> 121,15. Total 7176.55.
    #   cap 44.29 >= 44. AM-grundlag 6179.80; AM 494.384 -> 494.
    # Mail 10 Sep: July ends 31 Jul + 3 months = 31 Oct -> not late.
    assert D("44") * D("141.20") == D("6212.80") and r2(D("5648") * D("0.0195")) == D("110.14") and r2(D("6212.80") * D("0.0195")) == D("121.15")
    JUL, AUG = ("2026-07-01", "2026-07-31"), ("2026-08-01", "2026-08-31")
    p_jul = bluegarden_slip(C, "01.07.2026 - 31.07.2026", "30.07.2026",
                            [("1010", "Timeløn", D("40.00"), D("141.20"), D("5648.00"))],
                            [("8100", "ATP medarbejder", D("33.00")), ("8220", "AM-bidrag", D("449.00")), ("8250", "A-skat", D("1640.00"))],
                            D("5648.00"), D("5615.00"),
                            [("ATP arbejdsgiver", D("66.00")), ("Feriegodtgørelse 12,5 % (FerieKonto)", D("706.00")),
                             ("Særlig feriegodtgørelse 1,95 %", D("110.14"))],
                            ["Herstedvang 3, 1. tv.", "2620 Albertslund"])
    p_aug = bluegarden_slip(C, "01.08.2026 - 31.08.2026", "31.08.2026",
                            [("1010", "Timeløn", D("44.00"), D("141.20"), D("6212.80"))],
                            [("8100", "ATP medarbejder", D("33.00")), ("8220", "AM-bidrag", D("494.00")), ("8250", "A-skat", D("1804.00"))],
                            D("6212.80"), D("6179.80"),
                            [("ATP arbejdsgiver", D("66.00")), ("Feriegodtgørelse 12,5 % (FerieKonto)", D("776.60")),
                             ("Særlig feriegodtgørelse 1,95 %", D("121.15"))],
                            ["Herstedvang 3, 1. tv.", "2620 Albertslund"])
    body = ("Hej Økonomigruppen\n\nVi har desværre glemt at sende refusion for juli, så her kommer både juli og august 2026 "
            "for Sofie Marie Andersen, CPR 230201-4003. Albertslund Idrætscenter, CVR 31245672.\n\n"
            "Juli 2026 (40,00 timer):\n  Løn 5.648,00\n  ATP 66,00\n  Feriegodtgørelse 706,00\n  Særlig feriegodtgørelse 110,14\n  I alt 6.530,14\n\n"
            "August 2026 (44,00 timer):\n  Løn 6.212,80\n  ATP 66,00\n  Feriegodtgørelse 776,60\n  Særlig feriegodtgørelse 121,15\n  I alt 7.176,55\n\n"
            "Begge lønsedler er vedhæftet.\n\nVenlig hilsen\nKarina Holt\n")
    L1 = {"salary": "5648.00", "atp": "66.00", "holiday_pay": "706.00", "special_holiday_allowance": "110.14"}
    L2 = {"salary": "6212.80", "atp": "66.00", "holiday_pay": "776.60", "special_holiday_allowance": "121.15"}
    check_sum(L1, "6530.14")
    check_sum(L2, "7176.55")
    case(17, "aic-july-and-august-one-mail",
         "One mail, one employee, two months (two claims, each with its own Bluegarden payslip).",
         build(17, ("Karina Holt", "karina.holt@albertslund.dk"), "Refusion juli + august, Sofie M. Andersen", "2026-09-10 14:20",
               body, [(p_jul, "Bluegarden_Loenseddel_202607.pdf"), (p_aug, "Bluegarden_Loenseddel_202608.pdf")]),
         [claim(C, JUL, "40", None, None, L1, "6530.14", dict(gross="5648.00", am_basis="5615.00", am="449", period=JUL, hours="40")),
          claim(C, AUG, "44", None, None, L2, "7176.55", dict(gross="6212.80", am_basis="6179.80", am="494", period=AUG, hours="44"))],
         [dec(JUL[0], "approved", "6530.14"), dec(AUG[0], "approved", "7176.55")], order=5)

    # ------------------------------------------------------------ 18 "DKK 6188.70" style
    # 42 x 147,35 = 6.188,70; ATP 66; feriepenge 773.5875 -> 773,59; særlig 120.67965 -> 120,68. Total 7148.97.
    # AM-grundlag 6155.70; AM 492.456 -> 492.
    assert D("42") * D("147.35") == D("6188.70") and r2(D("6188.70") * D("0.125")) == D("773.59") and r2(D("6188.70") * D("0.0195")) == D("120.68")
    pdf = dataloen_slip(G, "01.09.2026 - 30.09.2026", "30.09.2026", [
        ("1", "Timeløn", D("42.00"), D("147.35"), D("6188.70")),
        ("", "Bruttoløn i alt", None, None, D("6188.70")),
        ("50", "ATP medarbejder", None, None, D("-33.00")),
        ("", "AM-grundlag", None, None, D("6155.70")),
        ("60", "AM-bidrag", D("6155.70"), "8,00 %", D("-492.00")),
        ("70", "A-skat", D("5663.70"), "36,00 %", D("-1661.00")),
        ("", "Til udbetaling", None, None, D("4002.70")),
        ("51", "ATP arbejdsgiver", None, None, D("66.00")),
    ], ["Vestskovvej 40", "2620 Albertslund"],
        [("Feriepenge 12,5 %", D("773.59"), D("1436.66")), ("Særlig feriegodtgørelse 1,95 %", D("120.68"), D("224.12"))],
        [("Bruttoløn", D("11493.30"))])
    body = ("Dear Jobcenter / Kære Jobcenter\n\nRefusion september 2026\n"
            "Medarbejder: Tobias Lindholm, personnummer 310885-3300\n"
            "Arbejdsgiver: Daginstitution Vestskoven, CVR-nummer 25561902\n"
            "Lønperiode: 1/9/2026 - 30/9/2026\nAntal timer: 42\n\n"
            "Løn DKK 6188.70\nATP DKK 66.00\nFeriepenge DKK 773.59\nSærlig feriegodtgørelse DKK 120.68\nTotal DKK 7148.97\n\n"
            "Best regards / Mvh\nEva Nygaard\n")
    L = {"salary": "6188.70", "atp": "66.00", "holiday_pay": "773.59", "special_holiday_allowance": "120.68"}
    check_sum(L, "7148.97")
    case(18, "vestskoven-dkk-decimal-point",
         "Amounts as 'DKK 6188.70' (decimal point), dates '1/9/2026', 'personnummer' label.",
         build(18, ("Eva Nygaard", "eva.nygaard@albertslund.dk"), "Refusion september 2026 - T. Lindholm", "2026-10-08 07:58",
               body, [(pdf, "Lønseddel sep.pdf")]),
         [claim(G, SEP, "42", None, None, L, "7148.97", dict(gross="6188.70", am_basis="6155.70", am="492", period=SEP, hours="42"))],
         [dec(SEP[0], "approved", "7148.97")])

    # ------------------------------------------------------------ 19 "uge 36-39" partly before the start
    # ISO week 36 2026 starts Mon 31 Aug; week 39 ends Sun 27 Sep. Placement starts 1 Sep: 31 Aug outside -> note.
    # Cap: 27 days inside x 10/7 = 38.571 >= 38. 38 h < 39 -> no ATP.
    # 38 x 139,50 = 5.301,00; feriepenge 662.625 -> 662,63; særlig 103.3695 -> 103,37. Total 6067.00.
    # AM-grundlag 5301; AM 424.08 -> 424.
    assert dt.date.fromisocalendar(2026, 36, 1) == dt.date(2026, 8, 31) and dt.date.fromisocalendar(2026, 39, 7) == dt.date(2026, 9, 27)
    assert r2(D("5301") * D("0.125")) == D("662.63") and r2(D("5301") * D("0.0195")) == D("103.37")
    W2 = ("2026-08-31", "2026-09-27")
    pdf = proloen_slip(I, "31.08.2026-27.09.2026 (4-ugers periode)", "02.10.2026",
                       [("1000", "Timeløn", D("38"), D("139.50"), D("5301.00"), D("5301.00"))],
                       [("8220", "AM-bidrag", D("424.00"), D("424.00")), ("8250", "A-skat", D("1538.00"), D("1538.00"))],
                       D("5301.00"), D("5301.00"),
                       [("4621", "Feriepenge 12,5 %", D("662.63"), D("662.63")),
                        ("4623", "Særlig feriegodtgørelse 1,95 %", D("103.37"), D("103.37"))],
                       ["Hyldager Bakke 12", "2620 Albertslund"])
    body = ("Hej\n\nOmar Khalil, cpr 261277-1718\nArbejdsgiver: Albertslund Kommune / Genbrugspladsen, CVR 29189919\n"
            "Periode: uge 36-39 2026 (første lønperiode, Omar startede 1/9)\nTimer: 38,00\n\n"
            "Løn\t5.301,00\nFeriepenge\t662,63\nSærlig feriegodtgørelse\t103,37\nIalt\t6.067,00\n\n"
            "Hilsen Nina Brandt\nGenbrugspladsen\n")
    L = {"salary": "5301.00", "holiday_pay": "662.63", "special_holiday_allowance": "103.37"}
    check_sum(L, "6067.00")
    case(19, "genbrug-weeks-36-39-first-period",
         "'uge 36-39 2026' = 31 Aug - 27 Sep; the placement starts 1 Sep: one day outside (note), cap 27 x 10/7; 38 h < 39: no ATP.",
         build(19, ("Nina Brandt", "nina.brandt@albertslund.dk"), "Refusion uge 36-39 Omar Khalil", "2026-10-02 13:10",
               body, [(pdf, "ProLøn 4-uger 36-39.pdf")]),
         [claim(I, W2, "38", None, None, L, "6067.00", dict(gross="5301.00", am_basis="5301.00", am="424", period=W2, hours="38"))],
         [dec(W2[0], "approved", "6067.00", ["PERIOD_PARTLY_OUTSIDE"])])


if __name__ == "__main__":
    main()
