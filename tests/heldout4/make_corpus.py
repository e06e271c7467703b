#!/usr/bin/env python3
"""Held-out corpus 4: deterministic generator.

Run with the project venv (reportlab, Pillow):  .venv/bin/python tests/heldout4/make_corpus.py

Every expected value below is written by hand (arithmetic in the comments), not computed
by the processor.  The generator only asserts that the hand-written sums add up.
"""
from __future__ import annotations

import base64
import io
import json
import quopri
import shutil
from decimal import Decimal as D
from pathlib import Path
from urllib.parse import quote

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
pdfmetrics.registerFont(TTFont("DV", FONT))
pdfmetrics.registerFont(TTFont("DVB", FONT_B))

# --------------------------------------------------------------------------------------
# Placements (new fictional people; CPR mod-11 valid; CVRs pass the CVR check)
#   weights CPR 4,3,2,7,6,5,4,3,2,1 ; CVR 2,7,6,5,4,3,2,1
#   Sum of weekly hours: 10+8+10+10(Q-04 after addendum)+10+10+9+10 = 77 <= 100
# --------------------------------------------------------------------------------------
PLACEMENTS = """placement_id,employee_name,cpr,employer_name,cvr,workplace,contact_emails,weekly_hours,start_date,end_date,praktik_until,effective_from,applied_at,holiday_scheme
Q-01,Freja Lund Mikkelsen,150795-2107,Albertslund Kommune,29189919,Vej & Park,ole.vang@albertslund.dk;vejogpark@albertslund.dk,10,2026-04-01,2027-03-31,,2026-04-01,2026-03-10T09:00:00,hourly
Q-02,Yusuf Demir,0302881103,Albertslund Kommune,29189919,Plejecenter Albertshøj,malene.krogh@albertslund.dk;albertshoej.loen@albertslund.dk,8,2026-05-01,2027-04-30,,2026-05-01,2026-04-02T10:15:00,hourly
Q-03,Sofie Brandt Andersen,2209014109,Herstedlund Fritidscenter,38714538,Herstedlund Fritidscenter,bo.eskildsen@albertslund.dk;herstedlund@albertslund.dk,10,2026-06-01,2027-05-31,,2026-06-01,2026-05-05T13:00:00,hourly
Q-04,Mikkel Holm Rasmussen,110486-3104,Albertslund Kommune,29189919,Kulturhuset Kanalen,rikke.moos@albertslund.dk;kanalen@albertslund.dk,6,2026-06-01,2027-05-31,,2026-06-01,2026-05-11T08:30:00,hourly
Q-04,Mikkel Holm Rasmussen,110486-3104,Albertslund Kommune,29189919,Kulturhuset Kanalen,rikke.moos@albertslund.dk;kanalen@albertslund.dk,10,2026-06-01,2027-05-31,,2026-10-12,2026-10-01T09:45:00,hourly
Q-05,Ida Marie Poulsen,2703722108,Albertslund Kommune,29189919,Rengøringsservice,jens.hald@albertslund.dk;rengoering@albertslund.dk,10,2026-02-01,2026-10-20,,2026-02-01,2026-01-12T11:00:00,hourly
Q-06,Tobias Ravn,080999-1105,Albertslund Kommune,29189919,Skolen ved Kongsholmparken,karin.lund@albertslund.dk;kongsholmparken@albertslund.dk,10,2026-03-01,2027-02-28,,2026-03-01,2026-02-03T14:20:00,hourly
Q-07,Nadia Hussain,1912930102,Albertslund Kommune,29189919,Tandplejen,birthe.toft@albertslund.dk;tandplejen@albertslund.dk,9,2026-07-01,2027-06-30,,2026-07-01,2026-06-09T10:00:00,hourly
Q-08,Emil Vestergaard,3006902102,Albertslund Kommune,29189919,Ejendomsservice,allan.friis@albertslund.dk;ejendomsservice@albertslund.dk,10,2026-04-15,2027-04-14,,2026-04-15,2026-03-25T12:00:00,hourly
"""

KOMMUNE = ("Albertslund Kommune", "29189919", "Nordmarks Allé 1, 2620 Albertslund")
HERSTED = ("Herstedlund Fritidscenter", "38714538", "Herstedvang 2, 2620 Albertslund")
BUREAU = ("Vestegnens Lønservice ApS", "41927364")  # payroll bureau, NOT the employer


def dk(x, sep="."):
    """Danish amount: 1.234,56 (sep='.' ) or 1 234,56 (sep=' ')."""
    q = D(x).quantize(D("0.01"))
    neg = q < 0
    whole, frac = f"{abs(q):.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ("-" if neg else "") + sep.join(groups) + "," + frac


# --------------------------------------------------------------------------------------
# PDF helpers
# --------------------------------------------------------------------------------------
def pdf(pages, title="Lønseddel", author="Lønsystem"):
    """pages: list of lists of (x_mm, y_mm_from_top, text, size, bold, align)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    w, h = A4
    for page in pages:
        for item in page:
            x, y, text, size, bold, align = (list(item) + [10, False, "l"])[:6] if len(item) < 6 else item
            c.setFont("DVB" if bold else "DV", size)
            X, Y = x * mm, h - y * mm
            if align == "r":
                c.drawRightString(X, Y, text)
            else:
                c.drawString(X, Y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def T(x, y, text, size=9, bold=False, align="l"):
    return (x, y, text, size, bold, align)


def kmd_payslip(*, name, cpr, address, period, disp, beskgrad, medarb, pay_rows, gross,
                atp_emp, am_basis, am, askat, employer_rows, ytd_gross, period_text=None,
                cpr_on_page2=False, pension_pct="0,00", back_page=None):
    """KMD OPUS-like: page 1 header + employer block, page 2 pay lines (base pay on page 2)."""
    net = D(gross) - D(atp_emp) - D(am) - D(askat)
    emp, cvr, addr = KOMMUNE
    p1 = [T(15, 20, emp, 14, True), T(15, 26, addr, 8), T(15, 30, f"CVR-nr. {cvr}", 8),
          T(120, 20, "LØNSEDDEL", 14, True),
          T(120, 28, f"Lønperiode: {period_text or period}"), T(120, 33, f"Dispositionsdato: {disp}"),
          T(15, 45, name, 10, True), T(15, 50, address[0], 9), T(15, 54, address[1], 9)]
    if not cpr_on_page2:
        p1 += [T(120, 38, f"Personnummer: {cpr}")]
    p1 += [T(120, 43, f"Medarbejdernummer: {medarb}"), T(120, 48, f"Beskæftigelsesgrad: {beskgrad}"),
           T(120, 53, f"Pensionsprocent: {pension_pct}"),
           T(15, 75, "Arbejdsgiverbetalte bidrag (indgår ikke i udbetalingen)", 10, True)]
    y = 82
    for label, amount in employer_rows:
        p1 += [T(15, y, label), T(120, y, dk(amount), 9, False, "r")]
        y += 5
    p1 += [T(15, y + 8, "År til dato", 10, True), T(15, y + 14, "Bruttoløn år til dato"),
           T(120, y + 14, dk(ytd_gross), 9, False, "r"),
           T(15, y + 19, "AM-bidrag år til dato"), T(120, y + 19, dk(D(ytd_gross) * D("0.08")), 9, False, "r"),
           T(15, 280, "Side 1 af 2", 7)]
    p2 = [T(15, 20, f"{emp} – lønseddel {period_text or period} – {name}", 9, True),
          T(15, 30, "Dato", 8, True), T(40, 30, "Tekst", 8, True), T(110, 30, "Antal", 8, True),
          T(135, 30, "Sats", 8, True), T(175, 30, "Beløb", 8, True, "r")]
    y = 37
    for date, label, qty, rate, amount in pay_rows:
        p2 += [T(12, y, "P"), T(15, y, date), T(40, y, label), T(120, y, qty, 9, False, "r"),
               T(150, y, rate, 9, False, "r"), T(175, y, dk(amount), 9, False, "r"), T(178, y, "1")]
        y += 5
    y += 3
    p2 += [T(40, y, "Bruttoløn i alt", 9, True), T(175, y, dk(gross), 9, True, "r")]
    y += 7
    for label, amount in [("ATP-bidrag medarbejder", -D(atp_emp)), ("AM-grundlag", None),
                          ("AM-bidrag 8 %", -D(am)), ("A-skat", -D(askat))]:
        if label == "AM-grundlag":
            p2 += [T(40, y, "AM-grundlag"), T(150, y, dk(am_basis), 9, False, "r")]
        elif amount != 0 or label != "ATP-bidrag medarbejder":
            p2 += [T(40, y, label), T(175, y, dk(amount), 9, False, "r")]
        y += 5
    p2 += [T(40, y + 4, "Til udbetaling (NemKonto)", 9, True), T(175, y + 4, dk(net), 9, True, "r")]
    if cpr_on_page2:
        p2 += [T(15, y + 20, "Personoplysninger", 10, True), T(15, y + 26, f"Navn: {name}"),
               T(15, y + 31, f"CPR-nr.: {cpr}"), T(15, y + 36, "Skattekort: Hovedkort, trækprocent 38")]
    if back_page:
        p2 += back_page(y + 50)
    p2 += [T(15, 280, "Side 2 af 2", 7)]
    return pdf([p1, p2], author=emp)


def dataloen_payslip(*, employer, name, cpr, period, disp, rows, gross, atp_emp, am_basis, am,
                     askat, employer_rows, holiday_ytd, ytd):
    """Visma DataLøn-like: Nr. | Beskrivelse | Grundlag | Sats | Total, holiday I perioden / I ferieåret."""
    emp, cvr, addr = employer
    net = D(gross) - D(atp_emp) - D(am) - D(askat)
    p = [T(15, 18, emp, 13, True), T(15, 24, addr, 8), T(15, 28, f"CVR: {cvr}", 8),
         T(125, 18, "Lønseddel", 13, True), T(125, 25, f"Periode: {period}"), T(125, 30, f"Disp. dato: {disp}"),
         T(15, 42, name, 10, True), T(15, 47, f"CPR-nr.: {cpr}"),
         T(15, 62, "Nr.", 8, True), T(30, 62, "Beskrivelse", 8, True), T(120, 62, "Grundlag", 8, True, "r"),
         T(150, 62, "Sats", 8, True, "r"), T(190, 62, "Total", 8, True, "r")]
    y = 69
    for nr, label, basis, rate, total in rows:
        p += [T(15, y, nr), T(30, y, label), T(120, y, basis, 9, False, "r"), T(150, y, rate, 9, False, "r"),
              T(190, y, dk(total), 9, False, "r")]
        y += 5
    p += [T(30, y + 2, "Bruttoløn", 9, True), T(190, y + 2, dk(gross), 9, True, "r")]
    y += 9
    if D(atp_emp):
        p += [T(15, y, "8100"), T(30, y, "ATP-bidrag"), T(190, y, dk(-D(atp_emp)), 9, False, "r")]
        y += 5
    p += [T(15, y, "8210"), T(30, y, "AM-indkomst"), T(120, y, dk(am_basis), 9, False, "r")]
    y += 5
    p += [T(15, y, "8220"), T(30, y, "AM-bidrag"), T(120, y, dk(am_basis), 9, False, "r"),
          T(150, y, "8,00", 9, False, "r"), T(190, y, dk(-D(am)), 9, False, "r")]
    y += 5
    p += [T(15, y, "8250"), T(30, y, "A-skat"), T(190, y, dk(-D(askat)), 9, False, "r")]
    y += 7
    p += [T(30, y, "Overført til NemKonto", 9, True), T(190, y, dk(net), 9, True, "r")]
    y += 14
    p += [T(15, y, "Arbejdsgiverbidrag og feriepenge", 10, True), T(150, y, "I perioden", 8, True, "r"),
          T(190, y, "I ferieåret", 8, True, "r")]
    y += 6
    for label, amount, year in employer_rows:
        p += [T(15, y, label), T(150, y, dk(amount), 9, False, "r"), T(190, y, dk(year), 9, False, "r")]
        y += 5
    y += 10
    p += [T(15, y, "Saldi år til dato", 10, True)]
    y += 6
    for label, amount in ytd:
        p += [T(15, y, label), T(190, y, dk(amount), 9, False, "r")]
        y += 5
    return pdf([p], author="Visma DataLøn")


def email_bytes(headers, parts, boundary, alt=False):
    """parts: list of (content_type_header_lines, cte, payload_bytes_already_encoded)."""
    out = []
    for k, v in headers:
        out.append(f"{k}: {v}")
    out.append("MIME-Version: 1.0")
    if len(parts) == 1 and not alt:
        ctype, cte, payload = parts[0]
        out += ctype + [f"Content-Transfer-Encoding: {cte}", "", payload]
        return ("\r\n".join(out) + "\r\n").encode("ascii")
    out.append(f'Content-Type: multipart/{"alternative" if alt else "mixed"}; boundary="{boundary}"')
    out.append("")
    for ctype, cte, payload in parts:
        out.append(f"--{boundary}")
        out += ctype + [f"Content-Transfer-Encoding: {cte}", "", payload]
    out.append(f"--{boundary}--")
    out.append("")
    return "\r\n".join(out).encode("ascii")


def qp(text, charset="utf-8"):
    raw = text.replace("\r\n", "\n").replace("\n", "\r\n").encode(charset)
    return quopri.encodestring(raw).decode("ascii").replace("\r\n", "\n").replace("\n", "\r\n")


def b64(data):
    s = base64.b64encode(data).decode("ascii")
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def text_part(text, charset="utf-8", subtype="plain"):
    return ([f'Content-Type: text/{subtype}; charset="{charset}"'], "quoted-printable", qp(text, charset))


def attach(filename, data, ctype="application/pdf"):
    if all(ord(ch) < 128 for ch in filename):
        disp = [f'Content-Disposition: attachment; filename="{filename}"', f'Content-Type: {ctype}; name="{filename}"']
    else:
        enc = quote(filename, safe="")
        disp = [f"Content-Disposition: attachment;\r\n filename*=utf-8''{enc}", f"Content-Type: {ctype}"]
    return (disp, "base64", b64(data))


def subj(s):
    """RFC 2047 encode a subject if needed."""
    if all(ord(ch) < 128 for ch in s):
        return s
    return "=?utf-8?b?" + base64.b64encode(s.encode("utf-8")).decode("ascii") + "?="


def claim(**kw):
    base = {
        "employee.name": None, "employee.cpr": None, "employer.name": None, "employer.cvr": None,
        "period.start": None, "period.end": None, "hours.worked": None, "hours.sick": None,
        "sick.first_day": None, "sick.last_day": None, "final": False, "correction": False,
        "lines": {}, "total": None, "payslip.gross": None, "payslip.am_basis": None,
        "payslip.am_bidrag": None, "payslip.cpr": None, "payslip.period.start": None,
        "payslip.period.end": None, "payslip.hours.worked": None, "payslip.hours.sick": None,
    }
    for k, v in kw.items():
        base[k.replace("__", ".").replace("_DOT_", ".")] = v
    return base


CASES = []


def case(num, slug, description, headers, body_parts, attachments, claims, decisions, problems=(),
         alt=False, raw_single=None):
    CASES.append(dict(num=num, slug=slug, description=description, headers=headers, body_parts=body_parts,
                      attachments=attachments, claims=claims, decisions=decisions, problems=list(problems),
                      alt=alt))


def hdr(frm, subject, date, num, extra=(), mailer="Microsoft Outlook 16.0"):
    h = [("From", frm), ("To", "Jobcenter Albertslund <Jobcenter@albertslund.dk>"), ("Subject", subj(subject)),
         ("Date", date), ("Message-ID", f"<h4-{num:02d}@corpus.albertslund.test>")]
    h += list(extra)
    if mailer:
        h.append(("X-Mailer", mailer))
    return h


def msg_meta(frm_addr, subject, iso_date, num, in_reply_to=None):
    return {"message_id": f"<h4-{num:02d}@corpus.albertslund.test>", "from": frm_addr, "subject": subject,
            "date": iso_date, "in_reply_to": in_reply_to}


def check_total(lines, total):
    assert sum(D(v) for v in lines.values()) == D(total), (lines, total)


# ======================================================================================
# 01  Outlook HTML only, nested tables, <span> styling, &nbsp; amounts  (Q-01 Freja, Oct)
# ======================================================================================
# 42,00 h x 165,00 = 6.930,00 ; ATP 42 h -> bracket 39-78 -> 66,00
# feriepenge 12,5 % = 866,25 ; særlig 1,95 % = 135,135 -> 135,14
# total 6930,00 + 66,00 + 866,25 + 135,14 = 7.997,39 ; cap Oct 31*10/7 = 44,29 >= 42 -> approved
# payslip: gross 6.930,00 ; AM-grundlag 6930 - 33 = 6.897,00 ; AM 8 % = 551,76 -> 552
L01 = {"salary": "6930.00", "atp": "66.00", "holiday_pay": "866.25", "special_holiday_allowance": "135.14"}
check_total(L01, "7997.39")


def td(text, right=False, bold=False):
    style = "font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif;color:#1F3864"
    if bold:
        text = f"<b>{text}</b>"
    al = ' align="right" style="text-align:right"' if right else ""
    return (f'<td width="50%" valign="top" style="padding:0cm 5.4pt 0cm 5.4pt">'
            f'<p class="MsoNormal"{al}><span style="{style}">{text}<o:p></o:p></span></p></td>')


html01 = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style><!-- p.MsoNormal {{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}} --></style></head>
<body lang="DA" link="#0563C1" vlink="#954F72"><div class="WordSection1">
<p class="MsoNormal"><span style="font-size:11.0pt">Hej Økonomigruppen<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-size:11.0pt">&nbsp;<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-size:11.0pt">Hermed anmodning om refusion for job på få lønnede timer. Lønsedlen er vedhæftet.<o:p></o:p></span></p>
<p class="MsoNormal">&nbsp;</p>
<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse"><tr><td style="padding:0">
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr>{td("Medarbejder")}{td("Freja Lund Mikkelsen")}</tr>
<tr>{td("CPR-nr.")}{td("150795-2107")}</tr>
<tr>{td("Arbejdsgiver")}{td("Albertslund Kommune (Vej &amp; Park)")}</tr>
<tr>{td("CVR-nr.")}{td("29189919")}</tr>
<tr>{td("Lønperiode")}{td("01.10.2026&nbsp;–&nbsp;31.10.2026")}</tr>
<tr>{td("Antal timer")}{td("42,00")}</tr>
</table></td></tr>
<tr><td style="padding:0"><p class="MsoNormal">&nbsp;</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr>{td("Udgift", bold=True)}{td("Beløb", right=True, bold=True)}</tr>
<tr>{td("Løn")}{td("6.930,00&nbsp;kr.", right=True)}</tr>
<tr>{td("ATP (arbejdsgiver)")}{td("66,00&nbsp;kr.", right=True)}</tr>
<tr>{td("Feriepenge&nbsp;12,5&nbsp;%")}{td("866,25&nbsp;kr.", right=True)}</tr>
<tr>{td("Særlig feriegodtgørelse&nbsp;1,95&nbsp;%")}{td("135,14&nbsp;kr.", right=True)}</tr>
<tr>{td("I alt", bold=True)}{td("7.997,39&nbsp;kr.", right=True, bold=True)}</tr>
</table></td></tr></table>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal"><span style="font-size:11.0pt">Med venlig hilsen<o:p></o:p></span></p>
<p class="MsoNormal"><b><span style="font-size:10.0pt;color:#2F5496">Ole Vang</span></b><span style="font-size:10.0pt"><br>Driftsleder, Vej &amp; Park<br>Albertslund Kommune<br>Tlf. 43 68 68 68</span></p>
</div></body></html>
"""
slip01 = kmd_payslip(
    name="Freja Lund Mikkelsen", cpr="150795-2107", address=("Kongsholmcentret 12, 2. th", "2620 Albertslund"),
    period="01.10.2026 - 31.10.2026", disp="30.10.2026", beskgrad="10,00/37,00", medarb="0048213",
    pay_rows=[("01.10.2026", "Timeløn, normaltimer", "42,00", "165,00", "6930.00")], gross="6930.00",
    atp_emp="33.00", am_basis="6897.00", am="552.00", askat="1968.00",
    employer_rows=[("ATP arbejdsgiverandel", "66.00"), ("Feriegodtgørelse 12,5 %", "866.25"),
                   ("Særlig feriegodtgørelse 1,95 %", "135.14")], ytd_gross="41580.00")
case(1, "vejpark-outlook-html-nested-nbsp", "Outlook HTML-only body: nested tables, <span> styling, amounts '6.930,00&nbsp;kr.', KMD payslip. Clean claim.",
     hdr("Ole Vang <ole.vang@albertslund.dk>", "Refusion oktober 2026 – Freja Lund Mikkelsen", "Mon, 02 Nov 2026 09:12:44 +0100", 1),
     [text_part(html01, subtype="html")], [("Lønseddel oktober 2026.pdf", slip01)],
     [claim(**{"employee.name": "Freja Lund Mikkelsen", "employee.cpr": "1507952107", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "42.00",
               "lines": L01, "total": "7997.39", "payslip.gross": "6930.00", "payslip.am_basis": "6897.00",
               "payslip.am_bidrag": "552.00", "payslip.cpr": "1507952107", "payslip.period.start": "2026-10-01",
               "payslip.period.end": "2026-10-31", "payslip.hours.worked": "42.00"})],
     [{"period.start": "2026-10-01", "outcome": "approved", "approved": "7997.39", "codes": []}])
CASES[-1]["meta"] = msg_meta("ole.vang@albertslund.dk", "Refusion oktober 2026 – Freja Lund Mikkelsen", "2026-11-02T09:12:44+01:00", 1)

# ======================================================================================
# 02  windows-1252 body, "Løn: kr 4.321,50", "Timeantal: 30", DataLøn slip  (Q-02 Yusuf, Oct, 8 h)
# ======================================================================================
# 30 h x 144,05 = 4.321,50 ; under 39 h -> no ATP
# feriepenge 12,5 % = 540,1875 -> 540,19 ; særlig 1,95 % = 84,26925 -> 84,27
# total 4321,50 + 540,19 + 84,27 = 4.945,96 ; cap 31*8/7 = 35,43 >= 30 -> approved
# payslip: gross 4.321,50 ; no ATP -> AM-grundlag 4.321,50 ; AM 345,72 -> 346
L02 = {"salary": "4321.50", "holiday_pay": "540.19", "special_holiday_allowance": "84.27"}
check_total(L02, "4945.96")
body02 = """Til Jobcenter Albertslund, ATT: Økonomigruppe

Vi søger refusion for oktober 2026 for vores medarbejder i job på få lønnede timer.

Medarbejder: Yusuf Demir
CPR: 030288-1103
Arbejdsplads: Plejecenter Albertshøj, Albertslund Kommune (CVR 29189919)
Periode: 01-10-2026 til 31-10-2026
Timeantal: 30

Løn: kr 4.321,50
Feriepenge: kr 540,19
Særlig feriegodtgørelse: kr 84,27
Samlet: kr 4.945,96

Lønseddel fra DataLøn vedlagt.

Mvh
Malene Krogh
Administrativ medarbejder, Plejecenter Albertshøj
"""
slip02 = dataloen_payslip(
    employer=("Albertslund Kommune – Plejecenter Albertshøj", "29189919", "Albertshøj 2, 2620 Albertslund"),
    name="Yusuf Demir", cpr="030288-1103", period="01.10.2026 - 31.10.2026", disp="30.10.2026",
    rows=[("1000", "Timeløn", "30,00", "144,05", "4321.50")], gross="4321.50", atp_emp="0", am_basis="4321.50",
    am="346.00", askat="1185.00",
    employer_rows=[("Feriepenge 12,5 %", "540.19", "3128.41"), ("Særlig feriegodtgørelse 1,95 %", "84.27", "488.03")],
    holiday_ytd=None, ytd=[("Bruttoløn", "25026.48"), ("AM-bidrag", "2002.00"), ("A-skat", "6871.00")])
case(2, "albertshoej-windows1252-kr-prefix", "Plain body in windows-1252 (quoted-printable =F8), 'Løn: kr 4.321,50', 'Timeantal: 30' (no decimals), 8 h/week so no ATP; DataLøn slip with I ferieåret column.",
     hdr("Malene Krogh <malene.krogh@albertslund.dk>", "Refusion oktober 2026 - Yusuf Demir", "Tue, 03 Nov 2026 13:41:02 +0100", 2, mailer="Mozilla Thunderbird"),
     [text_part(body02, charset="windows-1252")], [("Loenseddel_Yusuf_Demir_2026-10.pdf", slip02)],
     [claim(**{"employee.name": "Yusuf Demir", "employee.cpr": "0302881103", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "30.00",
               "lines": L02, "total": "4945.96", "payslip.gross": "4321.50", "payslip.am_basis": "4321.50",
               "payslip.am_bidrag": "346.00", "payslip.cpr": "0302881103", "payslip.period.start": "2026-10-01",
               "payslip.period.end": "2026-10-31", "payslip.hours.worked": "30.00"})],
     [{"period.start": "2026-10-01", "outcome": "approved", "approved": "4945.96", "codes": []}])
CASES[-1]["meta"] = msg_meta("malene.krogh@albertslund.dk", "Refusion oktober 2026 - Yusuf Demir", "2026-11-03T13:41:02+01:00", 2)


# ======================================================================================
# 03  iPhone mail, photographed payslip JPEG  (Q-07 Nadia, Sept, 9 h)
# ======================================================================================
# 38,50 h x 150,00 = 5.775,00 ; 38,5 < 39 -> no ATP
# feriepenge 12,5 % = 721,875 -> 721,88 ; særlig 1,95 % = 112,6125 -> 112,61
# payslip gross 5.775,00 ; AM-grundlag 5.775,00 ; AM 462,00 ; cap Sept 30*9/7 = 38,57 >= 38,5
# Only the photo carries CPR, hours and amounts -> LOW_CONFIDENCE, manual_review, 0.00
def photo_payslip():
    W, H = 1240, 1754
    img = Image.new("L", (W, H), 235)
    d = ImageDraw.Draw(img)
    f = ImageFont.truetype(FONT, 30)
    fb = ImageFont.truetype(FONT_B, 36)
    lines = [
        (80, 80, "Albertslund Kommune", fb), (80, 130, "Nordmarks Allé 1, 2620 Albertslund   CVR-nr. 29189919", f),
        (80, 210, "LØNSEDDEL", fb), (80, 270, "Lønperiode: 01.09.2026 - 31.09.2026".replace("31.09", "30.09"), f),
        (80, 320, "Navn: Nadia Hussain", f), (80, 370, "Personnummer: 191293-0102", f),
        (80, 420, "Arbejdssted: Tandplejen", f),
        (80, 520, "Tekst", fb), (560, 520, "Antal", fb), (760, 520, "Sats", fb), (1000, 520, "Beløb", fb),
        (80, 580, "Timeløn", f), (560, 580, "38,50", f), (760, 580, "150,00", f), (1000, 580, "5.775,00", f),
        (80, 640, "Bruttoløn i alt", fb), (1000, 640, "5.775,00", fb),
        (80, 700, "AM-grundlag", f), (760, 700, "5.775,00", f),
        (80, 750, "AM-bidrag 8 %", f), (1000, 750, "-462,00", f),
        (80, 800, "A-skat", f), (1000, 800, "-1.590,00", f),
        (80, 860, "Til udbetaling", fb), (1000, 860, "3.723,00", fb),
        (80, 960, "Arbejdsgiverbetalte bidrag", fb),
        (80, 1020, "Feriegodtgørelse 12,5 %", f), (1000, 1020, "721,88", f),
        (80, 1070, "Særlig feriegodtgørelse 1,95 %", f), (1000, 1070, "112,61", f),
    ]
    for x, y, t, fo in lines:
        d.text((x, y), t, fill=25, font=fo)
    img = img.rotate(0.8, resample=Image.BICUBIC, fillcolor=200, expand=False)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    canvas_img = Image.new("L", (W + 120, H + 120), 120)
    canvas_img.paste(img, (60, 50))
    out = io.BytesIO()
    canvas_img.convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


body03 = """Hej

Her er lønsedlen for Nadia for september. Kan I sende refusionen?

Sendt fra min iPhone
"""
L03 = {"salary": "5775.00", "holiday_pay": "721.88", "special_holiday_allowance": "112.61"}
case(3, "tandplejen-iphone-photo", "iPhone mail ('Sendt fra min iPhone') with only a photographed payslip (JPEG): CPR, hours and amounts come only from OCR -> LOW_CONFIDENCE.",
     hdr("Birthe Toft <birthe.toft@albertslund.dk>", "Lønseddel Nadia", "Mon, 05 Oct 2026 07:58:31 +0200", 3, mailer="iPhone Mail (22A3354)"),
     [text_part(body03)], [("IMG_2231.jpeg", photo_payslip(), "image/jpeg")],
     [claim(**{"employee.name": "Nadia Hussain", "employee.cpr": "1912930102", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "38.50",
               "lines": L03, "total": None, "payslip.gross": "5775.00", "payslip.am_basis": "5775.00",
               "payslip.am_bidrag": "462.00", "payslip.cpr": "1912930102", "payslip.period.start": "2026-09-01",
               "payslip.period.end": "2026-09-30", "payslip.hours.worked": "38.50"})],
     [{"period.start": "2026-09-01", "outcome": "manual_review", "approved": "0.00", "codes": ["LOW_CONFIDENCE"]}])
CASES[-1]["meta"] = msg_meta("birthe.toft@albertslund.dk", "Lønseddel Nadia", "2026-10-05T07:58:31+02:00", 3)

# ======================================================================================
# 04  CPR only on page 2 of the payslip  (Q-08 Emil, Sept)
# ======================================================================================
# 42,00 h x 160,00 = 6.720,00 ; ATP 66,00 ; feriepenge 12,5 % = 840,00 ; særlig 1,95 % = 131,04
# total 6720 + 66 + 840 + 131,04 = 7.757,04 ; cap Sept 30*10/7 = 42,86 >= 42 -> approved
# payslip gross 6.720,00 ; AM-grundlag 6.687,00 ; AM 534,96 -> 535
L04 = {"salary": "6720.00", "atp": "66.00", "holiday_pay": "840.00", "special_holiday_allowance": "131.04"}
check_total(L04, "7757.04")
body04 = """Kære Økonomigruppe

Vedhæftet lønseddel for Emil Vestergaard for september 2026 (Ejendomsservice, Albertslund Kommune, CVR 29189919).

Timer i alt: 42,00

Løn 6.720,00
ATP 66,00
Feriegodtgørelse 840,00
Særlig feriegodtgørelse 131,04
Beløb i alt til refusion 7.757,04

Mvh
Allan Friis
Ejendomsservice
"""
slip04 = kmd_payslip(
    name="Emil Vestergaard", cpr="300690-2102", address=("Hyldagerparken 40", "2620 Albertslund"),
    period="01.09.2026 - 30.09.2026", disp="30.09.2026", beskgrad="10,00/37,00", medarb="0051177",
    pay_rows=[("01.09.2026", "Timeløn", "42,00", "160,00", "6720.00")], gross="6720.00", atp_emp="33.00",
    am_basis="6687.00", am="535.00", askat="1960.00",
    employer_rows=[("ATP arbejdsgiverandel", "66.00"), ("Feriegodtgørelse 12,5 %", "840.00"),
                   ("Særlig feriegodtgørelse 1,95 %", "131.04")], ytd_gross="30240.00", cpr_on_page2=True)
case(4, "ejendomsservice-cpr-only-page2", "The mail names the employee but gives no CPR; the payslip shows the CPR only on page 2 (Personoplysninger). Clean claim.",
     hdr("Allan Friis <allan.friis@albertslund.dk>", "Refusion september – Emil Vestergaard", "Wed, 07 Oct 2026 10:03:55 +0200", 4),
     [text_part(body04)], [("Lønseddel_2026-09_Emil.pdf", slip04)],
     [claim(**{"employee.name": "Emil Vestergaard", "employee.cpr": "3006902102", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "42.00",
               "lines": L04, "total": "7757.04", "payslip.gross": "6720.00", "payslip.am_basis": "6687.00",
               "payslip.am_bidrag": "535.00", "payslip.cpr": "3006902102", "payslip.period.start": "2026-09-01",
               "payslip.period.end": "2026-09-30", "payslip.hours.worked": "42.00"})],
     [{"period.start": "2026-09-01", "outcome": "approved", "approved": "7757.04", "codes": []}])
CASES[-1]["meta"] = msg_meta("allan.friis@albertslund.dk", "Refusion september – Emil Vestergaard", "2026-10-07T10:03:55+02:00", 4)


# ======================================================================================
# 05  Private payroll bureau "Lønspecifikation": Løndel/Antal/Sats/Beløb, spaces as thousand
#     separators, employer contributions in a box on the right, bureau CVR on the slip
#     (Q-03 Sofie, Herstedlund Fritidscenter, Oct). Body does not itemise.
# ======================================================================================
# 40,00 h x 148,50 = 5 940,00 ; ATP arb.giver 66,00 ; pension arb.giver 8 % = 475,20
# feriepenge 12,5 % = 742,50 ; ferietillæg 1,95 % = 115,83
# lines sum 5940 + 66 + 475,20 + 742,50 + 115,83 = 7 339,53 ; no total written -> total null
# AM-grundlag 5940 - 33 = 5 907,00 ; AM 472,56 -> 473 ; pension 8 % <= 20 % ; cap 44,29 -> approved
L05 = {"salary": "5940.00", "atp": "66.00", "pension": "475.20", "holiday_pay": "742.50", "special_holiday_allowance": "115.83"}
check_total(L05, "7339.53")


def bureau_payslip():
    s = " "
    p = [T(15, 16, "LØNSPECIFIKATION", 14, True), T(15, 22, f"Udarbejdet af {BUREAU[0]}, CVR {BUREAU[1]}, Roskildevej 300, 2620 Albertslund", 7),
         T(15, 34, "Arbejdsgiver:", 8, True), T(15, 39, HERSTED[0]), T(15, 43, HERSTED[2], 8), T(15, 47, f"CVR {HERSTED[1]}", 8),
         T(110, 34, "Lønmodtager:", 8, True), T(110, 39, "Sofie Brandt Andersen"), T(110, 43, "Herstedvang 7, 1. tv, 2620 Albertslund", 8),
         T(110, 47, "Personnr. 220901-4109", 8),
         T(15, 58, "Lønperiode 01.10.2026 – 31.10.2026      Udbetalingsdato 30.10.2026      Lønnr. 117", 8),
         # main table on the left
         T(15, 70, "Løndel", 8, True), T(28, 70, "Tekst", 8, True), T(85, 70, "Antal", 8, True, "r"),
         T(105, 70, "Sats", 8, True, "r"), T(130, 70, "Beløb", 8, True, "r"),
         T(15, 77, "1010"), T(28, 77, "Timeløn"), T(85, 77, "40,00", 9, False, "r"), T(105, 77, "148,50", 9, False, "r"),
         T(130, 77, dk("5940.00", s), 9, False, "r"),
         T(28, 84, "Bruttoløn i alt", 9, True), T(130, 84, dk("5940.00", s), 9, True, "r"),
         T(15, 91, "8100"), T(28, 91, "ATP medarbejder"), T(130, 91, "-33,00", 9, False, "r"),
         T(15, 96, "8210"), T(28, 96, "AM-grundlag"), T(105, 96, dk("5907.00", s), 9, False, "r"),
         T(15, 101, "8220"), T(28, 101, "AM-bidrag"), T(85, 101, "8 %", 9, False, "r"), T(130, 101, "-473,00", 9, False, "r"),
         T(15, 106, "8250"), T(28, 106, "A-skat"), T(85, 106, "37 %", 9, False, "r"), T(130, 106, dk("-1240.00", s), 9, False, "r"),
         T(28, 114, "Nettoløn til disposition", 9, True), T(130, 114, dk("4194.00", s), 9, True, "r"),
         # box on the right: employer contributions
         T(142, 70, "Arbejdsgiverbidrag", 8, True),
         T(142, 77, "ATP arb.giver", 8), T(196, 77, "66,00", 8, False, "r"),
         T(142, 82, "Pension arb.giver 8 %", 8), T(196, 82, "475,20", 8, False, "r"),
         T(142, 87, "Feriepenge 12,5 %", 8), T(196, 87, "742,50", 8, False, "r"),
         T(142, 92, "Ferietillæg 1,95 %", 8), T(196, 92, "115,83", 8, False, "r"),
         T(142, 99, "Arb.giverbidrag i alt", 8, True), T(196, 99, dk("1399.53", s), 8, True, "r"),
         # year to date
         T(15, 130, "Akkumuleret år til dato", 9, True),
         T(28, 136, "Timeløn"), T(130, 136, dk("29700.00", s), 9, False, "r"),
         T(28, 141, "AM-bidrag"), T(130, 141, dk("2365.00", s), 9, False, "r"),
         T(28, 146, "Feriepenge"), T(130, 146, dk("3712.50", s), 9, False, "r"),
         T(28, 151, "Pension arb.giver"), T(130, 151, dk("2376.00", s), 9, False, "r")]
    # right-hand box frame is text only (no graphics needed for the parser)
    return pdf([p], title="Lønspecifikation", author=BUREAU[0])


slip05 = bureau_payslip()
body05 = """Hej

Hermed lønspecifikation for oktober 2026 for Sofie Brandt Andersen, som er ansat i job på få lønnede timer hos os.
Vi søger refusion af lønudgiften jf. vedhæftede lønspecifikation fra vores lønbureau.

Herstedlund Fritidscenter, CVR 38714538

Venlig hilsen
Bo Eskildsen
Centerleder
"""
case(5, "herstedlund-bureau-lonspecifikation-spaces", "Payroll bureau 'Lønspecifikation' (Løndel/Antal/Sats/Beløb, '5 940,00' with space thousand separators, employer contributions in a right-hand box, the bureau's own CVR in the header, 'Akkumuleret år til dato'). Body does not itemise: lines from the payslip.",
     hdr("Bo Eskildsen <bo.eskildsen@albertslund.dk>", "Refusion oktober 2026", "Thu, 05 Nov 2026 11:20:00 +0100", 5),
     [text_part(body05)], [("Lønspecifikation 10-2026 Sofie Brandt Andersen.pdf", slip05)],
     [claim(**{"employee.name": "Sofie Brandt Andersen", "employee.cpr": "2209014109", "employer.name": "Herstedlund Fritidscenter",
               "employer.cvr": "38714538", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "40.00",
               "lines": L05, "total": None, "payslip.gross": "5940.00", "payslip.am_basis": "5907.00",
               "payslip.am_bidrag": "473.00", "payslip.cpr": "2209014109", "payslip.period.start": "2026-10-01",
               "payslip.period.end": "2026-10-31", "payslip.hours.worked": "40.00"})],
     [{"period.start": "2026-10-01", "outcome": "approved", "approved": "7339.53", "codes": []}])
CASES[-1]["meta"] = msg_meta("bo.eskildsen@albertslund.dk", "Refusion oktober 2026", "2026-11-05T11:20:00+01:00", 5)

# ======================================================================================
# 06  Period 'oktober' only (year only in the subject); addendum month, hours over cap
#     (Q-04 Mikkel: 6 h/week, 10 h/week from 12 Oct)
# ======================================================================================
# 43,00 h x 155,00 = 6.665,00 ; ATP 66,00 (43 h) ; feriepenge 12,5 % = 833,125 -> 833,13 ;
# særlig 1,95 % = 129,9675 -> 129,97 ; total 6665 + 66 + 833,13 + 129,97 = 7.694,10
# cap = 11 days x 6/7 + 20 days x 10/7 = 66/7 + 200/7 = 266/7 = 38,00 h ; scale 38/43
# salary 6665 x 38/43 = 155 x 38 = 5.890,00 ; holiday 833,13 x 38/43 = 31.658,94/43 = 736,254 -> 736,25
# special 129,97 x 38/43 = 4.938,86/43 = 114,857 -> 114,86 ; ATP kept 66,00
# approved 5890,00 + 66,00 + 736,25 + 114,86 = 6.807,11 ; HOURS_OVER_CAP partially_approved
L06 = {"salary": "6665.00", "atp": "66.00", "holiday_pay": "833.13", "special_holiday_allowance": "129.97"}
check_total(L06, "7694.10")
body06 = """Hej Jobcenter

Hermed anmodning om refusion for Mikkel Holm Rasmussen, cpr 110486-3104, for oktober.
Mikkel er steget til 10 timer om ugen (tillæg godkendt), og har i oktober arbejdet 43 timer.

Arbejdsgiver: Albertslund Kommune / Kulturhuset Kanalen, CVR 29189919

Løn: 6.665,00
ATP: 66,00
Feriepenge: 833,13
Særlig feriegodtgørelse: 129,97
I alt: 7.694,10

Lønseddel vedhæftet.

Mvh Rikke Moos
Kulturhuset Kanalen
"""
slip06 = kmd_payslip(
    name="Mikkel Holm Rasmussen", cpr="110486-3104", address=("Galgebakken Sønder 4-2B", "2620 Albertslund"),
    period="01.10.26-31.10.26", disp="30.10.26", beskgrad="10,00/37,00", medarb="0049920",
    pay_rows=[("01.10.2026", "Timeløn", "43,00", "155,00", "6665.00")], gross="6665.00", atp_emp="33.00",
    am_basis="6632.00", am="531.00", askat="1880.00",
    employer_rows=[("ATP arbejdsgiverandel", "66.00"), ("Feriegodtgørelse 12,5 %", "833.13"),
                   ("Særlig feriegodtgørelse 1,95 %", "129.97")], ytd_gross="26040.00")
# AM: 6632 x 8 % = 530,56 -> 531
case(6, "kanalen-month-only-addendum-over-cap", "The body gives the period as 'oktober' only; the year is in the subject; the payslip writes 01.10.26-31.10.26. Addendum 6 -> 10 h/week from 12 October: cap 266/7 = 38 h, 43 h paid.",
     hdr("Rikke Moos <rikke.moos@albertslund.dk>", "Lønrefusion okt. 2026", "Tue, 03 Nov 2026 15:30:12 +0100", 6),
     [text_part(body06)], [("lønseddel.pdf", slip06)],
     [claim(**{"employee.name": "Mikkel Holm Rasmussen", "employee.cpr": "1104863104", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "43.00",
               "lines": L06, "total": "7694.10", "payslip.gross": "6665.00", "payslip.am_basis": "6632.00",
               "payslip.am_bidrag": "531.00", "payslip.cpr": "1104863104", "payslip.period.start": "2026-10-01",
               "payslip.period.end": "2026-10-31", "payslip.hours.worked": "43.00"})],
     [{"period.start": "2026-10-01", "outcome": "partially_approved", "approved": "6807.11", "codes": ["HOURS_OVER_CAP"]}])
CASES[-1]["meta"] = msg_meta("rikke.moos@albertslund.dk", "Lønrefusion okt. 2026", "2026-11-03T15:30:12+01:00", 6)

# ======================================================================================
# 07  "Samlet lønudgift: ... (heraf løn ..., ATP ..., feriepenge ..., særlig ...)"  (Q-08 Emil, Oct)
# ======================================================================================
# 40 h x 150,00 = 6.000,00 ; ATP 66,00 ; feriepenge 12,5 % = 750,00 ; særlig 1,95 % = 117,00
# total 6000 + 66 + 750 + 117 = 6.933,00 ; cap 44,29 >= 40 -> approved
# payslip gross 6.000,00 ; AM-grundlag 5.967,00 ; AM 477,36 -> 477
L07 = {"salary": "6000.00", "atp": "66.00", "holiday_pay": "750.00", "special_holiday_allowance": "117.00"}
check_total(L07, "6933.00")
body07 = """Hej Økonomigruppen

Vi søger hermed refusion for Emil Vestergaard (300690-2102) for perioden 1.-31. oktober 2026, hvor han har arbejdet 40 timer hos Ejendomsservice, Albertslund Kommune (CVR 29189919).

Samlet lønudgift: 6.933,00 kr. (heraf løn 6.000,00, ATP 66,00, feriepenge 750,00, særlig feriegodtgørelse 117,00)

Lønsedlen er vedhæftet.

Venlig hilsen
Allan Friis
"""
slip07 = kmd_payslip(
    name="Emil Vestergaard", cpr="300690-2102", address=("Hyldagerparken 40", "2620 Albertslund"),
    period="01.10.2026 - 31.10.2026", disp="30.10.2026", beskgrad="10,00/37,00", medarb="0051177",
    pay_rows=[("01.10.2026", "Timeløn", "40,00", "150,00", "6000.00")], gross="6000.00", atp_emp="33.00",
    am_basis="5967.00", am="477.00", askat="1712.00",
    employer_rows=[("ATP arbejdsgiverandel", "66.00"), ("Feriegodtgørelse 12,5 %", "750.00"),
                   ("Særlig feriegodtgørelse 1,95 %", "117.00")], ytd_gross="36960.00")
case(7, "ejendomsservice-prose-heraf-itemisation", "Prose itemisation in one sentence: 'Samlet lønudgift: 6.933,00 kr. (heraf løn 6.000,00, ATP 66,00, feriepenge 750,00, særlig feriegodtgørelse 117,00)'; period '1.-31. oktober 2026'. Clean claim.",
     hdr("Allan Friis <allan.friis@albertslund.dk>", "Refusion – Emil Vestergaard", "Wed, 04 Nov 2026 08:44:09 +0100", 7),
     [text_part(body07)], [("Lønseddel_2026-10_Emil.pdf", slip07)],
     [claim(**{"employee.name": "Emil Vestergaard", "employee.cpr": "3006902102", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "40.00",
               "lines": L07, "total": "6933.00", "payslip.gross": "6000.00", "payslip.am_basis": "5967.00",
               "payslip.am_bidrag": "477.00", "payslip.cpr": "3006902102", "payslip.period.start": "2026-10-01",
               "payslip.period.end": "2026-10-31", "payslip.hours.worked": "40.00"})],
     [{"period.start": "2026-10-01", "outcome": "approved", "approved": "6933.00", "codes": []}])
CASES[-1]["meta"] = msg_meta("allan.friis@albertslund.dk", "Refusion – Emil Vestergaard", "2026-11-04T08:44:09+01:00", 7)

# ======================================================================================
# 08  Sick pay crossing day 30  (Q-06 Tobias, Oct). Spell 24 Sept -> day 30 = 23 Oct.
# ======================================================================================
# worked 4,00 h x 152,00 = 608,00 ; sick 38,00 h x 152,00 = 5.776,00 ; ATP 66,00 (42 h)
# feriepenge 12,5 % of 6.384,00 = 798,00 ; særlig 1,95 % = 124,488 -> 124,49
# total 608 + 5776 + 66 + 798 + 124,49 = 7.372,49 ; cap 44,29 >= 42
# sick days of the claim 1..28 Oct = 28 ; after day 30 (23 Oct): 24..28 Oct = 5
# sick kept 5776 x 23/28 = 4.744,571 -> 4.744,57 (cut 1.031,43)
# approved 608 + 4744,57 + 66 + 798 + 124,49 = 6.341,06 ; SICK_OVER_30_DAYS
L08 = {"salary": "608.00", "sick_pay": "5776.00", "atp": "66.00", "holiday_pay": "798.00", "special_holiday_allowance": "124.49"}
check_total(L08, "7372.49")
assert D("608") + D("4744.57") + D("66") + D("798") + D("124.49") == D("6341.06")
body08 = """Kære Økonomigruppe

Refusion for oktober 2026 – Tobias Ravn, CPR 080999-1105
Skolen ved Kongsholmparken, Albertslund Kommune, CVR-nr. 29189919
Periode: 01.10.2026-31.10.2026

Tobias har været syg fra og med 24. september 2026 til og med 28. oktober 2026 og har kun arbejdet 4 timer i oktober (29.-31. oktober).

Lønart\tTimer\tBeløb
Løn\t4,00\t608,00
Løn under sygdom\t38,00\t5.776,00
ATP\t\t66,00
Feriepenge 12,5 %\t\t798,00
Særlig feriegodtgørelse\t\t124,49
I alt\t\t7.372,49

Med venlig hilsen
Karin Lund
Administrativ leder
"""
slip08 = kmd_payslip(
    name="Tobias Ravn", cpr="080999-1105", address=("Blokland 8, st. tv", "2620 Albertslund"),
    period="01.10.2026 - 31.10.2026", disp="30.10.2026", beskgrad="10,00/37,00", medarb="0047001",
    pay_rows=[("29.10.2026", "Timeløn", "4,00", "152,00", "608.00"), ("01.10.2026", "Sygeløn", "38,00", "152,00", "5776.00")],
    gross="6384.00", atp_emp="33.00", am_basis="6351.00", am="508.00", askat="1700.00",
    employer_rows=[("ATP arbejdsgiverandel", "66.00"), ("Feriegodtgørelse 12,5 %", "798.00"),
                   ("Særlig feriegodtgørelse 1,95 %", "124.49")], ytd_gross="51072.00")
# AM: 6351 x 8 % = 508,08 -> 508
case(8, "kongsholmparken-sick-over-day-30", "Sick spell 'fra og med 24. september 2026 til og med 28. oktober 2026' (prose dates): day 30 is 23 October, 5 of the claim's 28 sick days are cut.",
     hdr("Karin Lund <karin.lund@albertslund.dk>", "Refusion oktober 2026 – Tobias Ravn", "Fri, 06 Nov 2026 12:02:40 +0100", 8),
     [text_part(body08)], [("Lønseddel Tobias Ravn 2026-10.pdf", slip08)],
     [claim(**{"employee.name": "Tobias Ravn", "employee.cpr": "0809991105", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "4.00",
               "hours.sick": "38.00", "sick.first_day": "2026-09-24", "sick.last_day": "2026-10-28",
               "lines": L08, "total": "7372.49", "payslip.gross": "6384.00", "payslip.am_basis": "6351.00",
               "payslip.am_bidrag": "508.00", "payslip.cpr": "0809991105", "payslip.period.start": "2026-10-01",
               "payslip.period.end": "2026-10-31", "payslip.hours.worked": "4.00", "payslip.hours.sick": "38.00"})],
     [{"period.start": "2026-10-01", "outcome": "partially_approved", "approved": "6341.06", "codes": ["SICK_OVER_30_DAYS"]}])
CASES[-1]["meta"] = msg_meta("karin.lund@albertslund.dk", "Refusion oktober 2026 – Tobias Ravn", "2026-11-06T12:02:40+01:00", 8)

# ======================================================================================
# 09  "Korrigeret lønseddel" for a month already claimed (case 01), new thread (Q-01 Freja, Oct)
# ======================================================================================
# 44,00 h x 165,00 = 7.260,00 ; ATP 66,00 ; feriepenge 907,50 ; særlig 1,95 % = 141,57
# total 7260 + 66 + 907,50 + 141,57 = 8.375,07 ; cap 44,29 >= 44
# correction -> CORRECTION manual_review (never DUPLICATE), 0.00
# payslip gross 7.260,00 ; AM-grundlag 7.227,00 ; AM 578,16 -> 578
L09 = {"salary": "7260.00", "atp": "66.00", "holiday_pay": "907.50", "special_holiday_allowance": "141.57"}
check_total(L09, "8375.07")
body09 = """Hej igen

Vi har opdaget, at der manglede 2 timer på Frejas lønseddel for oktober. Lønnen er genberegnet, og vi sender hermed den korrigerede lønseddel. Den erstatter lønsedlen, vi sendte 2. november.

Freja Lund Mikkelsen, 150795-2107
Albertslund Kommune, Vej & Park, CVR 29189919
Periode: 01.10.2026 - 31.10.2026
Timer: 44,00

Løn: 7.260,00
ATP: 66,00
Feriepenge: 907,50
Særlig feriegodtgørelse: 141,57
I alt: 8.375,07

Mvh Ole Vang
"""
slip09 = kmd_payslip(
    name="Freja Lund Mikkelsen", cpr="150795-2107", address=("Kongsholmcentret 12, 2. th", "2620 Albertslund"),
    period="01.10.2026 - 31.10.2026", disp="13.11.2026", beskgrad="10,00/37,00", medarb="0048213",
    pay_rows=[("01.10.2026", "Timeløn, normaltimer", "44,00", "165,00", "7260.00")], gross="7260.00",
    atp_emp="33.00", am_basis="7227.00", am="578.00", askat="2078.00",
    employer_rows=[("ATP arbejdsgiverandel", "66.00"), ("Feriegodtgørelse 12,5 %", "907.50"),
                   ("Særlig feriegodtgørelse 1,95 %", "141.57")], ytd_gross="41910.00")
case(9, "vejpark-korrigeret-lonseddel", "A new mail (not a reply) with a 'korrigeret lønseddel' that 'erstatter' the October payslip sent in case 01: correction -> CORRECTION, not DUPLICATE.",
     hdr("Ole Vang <ole.vang@albertslund.dk>", "Korrigeret lønseddel oktober – Freja Lund Mikkelsen", "Fri, 13 Nov 2026 10:15:00 +0100", 9),
     [text_part(body09)], [("Korrigeret lønseddel oktober 2026.pdf", slip09)],
     [claim(**{"employee.name": "Freja Lund Mikkelsen", "employee.cpr": "1507952107", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "44.00",
               "correction": True, "lines": L09, "total": "8375.07", "payslip.gross": "7260.00", "payslip.am_basis": "7227.00",
               "payslip.am_bidrag": "578.00", "payslip.cpr": "1507952107", "payslip.period.start": "2026-10-01",
               "payslip.period.end": "2026-10-31", "payslip.hours.worked": "44.00"})],
     [{"period.start": "2026-10-01", "outcome": "manual_review", "approved": "0.00", "codes": ["CORRECTION"]}])
CASES[-1]["meta"] = msg_meta("ole.vang@albertslund.dk", "Korrigeret lønseddel oktober – Freja Lund Mikkelsen", "2026-11-13T10:15:00+01:00", 9)

# ======================================================================================
# 10  Final settlement: 'fratrådt' + 'slutafregning' (no 'fratrædelse', no 'sidste lønseddel')
#     (Q-05 Ida, employment ended 20 Oct; November payslip)
# ======================================================================================
# holiday_pay 412,50 + special_holiday_allowance 287,30 = 699,80 ; Nov starts after the end
# (20 Oct) and ends within 3 months -> final settlement, refundable as claimed ; approved 699,80
# payslip gross 699,80 ; no ATP ; AM-grundlag 699,80 ; AM 55,98 -> 56
L10 = {"holiday_pay": "412.50", "special_holiday_allowance": "287.30"}
check_total(L10, "699.80")
body10 = """Kære Økonomigruppe

Ida Marie Poulsen (CPR 270372-2108) er fratrådt sin stilling i Rengøringsservice pr. 20.10.2026.
Vi har i november-lønnen lavet slutafregning af hendes feriegodtgørelse og særlige feriegodtgørelse, og søger refusion af dette:

Feriegodtgørelse (6. ferieuge): 412,50 kr.
Særlig feriegodtgørelse: 287,30 kr.
I alt: 699,80 kr.

Periode: 01.11.2026 - 30.11.2026
Arbejdsgiver: Albertslund Kommune, CVR 29189919

Slutlønsedlen er vedhæftet.

Med venlig hilsen
Jens Hald
Rengøringsservice
"""


def ida_back(y):
    return [T(15, y, "Oplysninger", 10, True), T(15, y + 6, "Fratrådt 20.10.2026. Slutafregning af ferie.", 9)]


slip10 = kmd_payslip(
    name="Ida Marie Poulsen", cpr="270372-2108", address=("Albertslundvej 91", "2620 Albertslund"),
    period="01.11.2026 - 30.11.2026", disp="27.11.2026", beskgrad="0,00/37,00", medarb="0039188",
    pay_rows=[("20.10.2026", "Feriegodtgørelse 6. ferieuge, udbetalt", "", "", "412.50"),
              ("20.10.2026", "Særlig feriegodtgørelse, udbetalt", "", "", "287.30")],
    gross="699.80", atp_emp="0", am_basis="699.80", am="56.00", askat="240.00",
    employer_rows=[], ytd_gross="60221.80", back_page=ida_back)
case(10, "rengoering-fratraadt-slutafregning", "Final settlement worded 'fratrådt ... slutafregning' (without 'fratrædelse' or 'sidste lønseddel'), November after a 20 October end: holiday lines refunded as claimed.",
     hdr("Jens Hald <jens.hald@albertslund.dk>", "Slutafregning – Ida Marie Poulsen", "Mon, 16 Nov 2026 09:05:00 +0100", 10),
     [text_part(body10)], [("Slutlønseddel Ida Marie Poulsen.pdf", slip10)],
     [claim(**{"employee.name": "Ida Marie Poulsen", "employee.cpr": "2703722108", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-11-01", "period.end": "2026-11-30", "final": True,
               "lines": L10, "total": "699.80", "payslip.gross": "699.80", "payslip.am_basis": "699.80",
               "payslip.am_bidrag": "56.00", "payslip.cpr": "2703722108", "payslip.period.start": "2026-11-01",
               "payslip.period.end": "2026-11-30"})],
     [{"period.start": "2026-11-01", "outcome": "approved", "approved": "699.80", "codes": []}])
CASES[-1]["meta"] = msg_meta("jens.hald@albertslund.dk", "Slutafregning – Ida Marie Poulsen", "2026-11-16T09:05:00+01:00", 10)

# ======================================================================================
# 11  Duplicate: case 05 forwarded again a week later (VS:), same payslip -> DUPLICATE
# ======================================================================================
body11 = """Hej

Vi har ikke hørt fra jer – har I modtaget nedenstående? Sender den igen for en sikkerheds skyld.

Venlig hilsen
Bo Eskildsen

Fra: Bo Eskildsen <bo.eskildsen@albertslund.dk>
Sendt: 5. november 2026 11:20
Til: Jobcenter Albertslund <Jobcenter@albertslund.dk>
Emne: Refusion oktober 2026

""" + body05
case(11, "herstedlund-forwarded-again-duplicate", "Case 05 forwarded again (VS:) a week later with the same payslip: DUPLICATE.",
     hdr("Bo Eskildsen <bo.eskildsen@albertslund.dk>", "VS: Refusion oktober 2026", "Thu, 12 Nov 2026 14:00:00 +0100", 11),
     [text_part(body11)], [("Lønspecifikation 10-2026 Sofie Brandt Andersen.pdf", slip05)],
     [dict(CASES[4]["claims"][0])],
     [{"period.start": "2026-10-01", "outcome": "rejected", "approved": "0.00", "codes": ["DUPLICATE"]}])
CASES[-1]["meta"] = msg_meta("bo.eskildsen@albertslund.dk", "VS: Refusion oktober 2026", "2026-11-12T14:00:00+01:00", 11)

# ======================================================================================
# 12  Not a claim: asks for the form (mentions hours, a CPR-like date, amounts)
# ======================================================================================
body12 = """Hej Jobcenter

Vi har fået godkendt en ny medarbejder i job på få lønnede timer, som starter 1. december 2026 med 10 timer om ugen (timeløn ca. 150,00 kr.).
Skal vi bruge en særlig blanket, når vi søger refusion af lønnen, eller er det nok at sende lønsedlen hver måned? Kan I sende mig skemaet/linket?

På forhånd tak.

Venlig hilsen
Malene Krogh
Plejecenter Albertshøj
"""
case(12, "albertshoej-asks-for-form", "A question asking for the refund form (mentions hours and an hourly rate): not a claim.",
     hdr("Malene Krogh <malene.krogh@albertslund.dk>", "Blanket til refusion?", "Wed, 18 Nov 2026 10:30:00 +0100", 12, mailer="Mozilla Thunderbird"),
     [text_part(body12)], [], [],
     [{"period.start": None, "outcome": "not_a_claim", "approved": None, "codes": ["NOT_A_CLAIM"]}])
CASES[-1]["meta"] = msg_meta("malene.krogh@albertslund.dk", "Blanket til refusion?", "2026-11-18T10:30:00+01:00", 12)

# ======================================================================================
# 13  Claim without payslip -> needs_information  (Q-07 Nadia, Oct)
# 14  The answer (in the thread) re-sends the whole claim with the payslip -> approved
# ======================================================================================
# 38,00 h x 150,00 = 5.700,00 ; < 39 h -> no ATP ; feriepenge 712,50 ; særlig 1,95 % = 111,15
# total 5700 + 712,50 + 111,15 = 6.523,65 ; cap Oct 31*9/7 = 39,857 >= 38
# payslip gross 5.700,00 ; AM-grundlag 5.700,00 ; AM 456,00
L13 = {"salary": "5700.00", "holiday_pay": "712.50", "special_holiday_allowance": "111.15"}
check_total(L13, "6523.65")
body13 = """Hej Økonomigruppen

Refusion for oktober 2026:

Medarbejder: Nadia Hussain, CPR 191293-0102
Arbejdsgiver: Albertslund Kommune, Tandplejen – CVR 29189919
Periode: 01.10.2026 - 31.10.2026
Timer: 38,00

Løn 5.700,00
Feriepenge 712,50
Særlig feriegodtgørelse 111,15
I alt 6.523,65

Mvh
Birthe Toft
Tandplejen
"""
case(13, "tandplejen-no-payslip", "Claim with full itemisation but no payslip attached: needs_information (PAYSLIP_MISSING).",
     hdr("Birthe Toft <birthe.toft@albertslund.dk>", "Refusion oktober 2026 Nadia Hussain", "Tue, 10 Nov 2026 08:15:00 +0100", 13),
     [text_part(body13)], [],
     [claim(**{"employee.name": "Nadia Hussain", "employee.cpr": "1912930102", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "38.00",
               "lines": L13, "total": "6523.65"})],
     [{"period.start": "2026-10-01", "outcome": "needs_information", "approved": "0.00", "codes": ["PAYSLIP_MISSING"]}])
CASES[-1]["meta"] = msg_meta("birthe.toft@albertslund.dk", "Refusion oktober 2026 Nadia Hussain", "2026-11-10T08:15:00+01:00", 13)

slip14 = kmd_payslip(
    name="Nadia Hussain", cpr="191293-0102", address=("Vridsløselille Andelsby 22", "2620 Albertslund"),
    period="01.10.2026 - 31.10.2026", disp="30.10.2026", beskgrad="9,00/37,00", medarb="0052290",
    pay_rows=[("01.10.2026", "Timeløn", "38,00", "150,00", "5700.00")], gross="5700.00", atp_emp="0",
    am_basis="5700.00", am="456.00", askat="1570.00",
    employer_rows=[("Feriegodtgørelse 12,5 %", "712.50"), ("Særlig feriegodtgørelse 1,95 %", "111.15")], ytd_gross="22800.00")
body14 = """Hej

Beklager, lønsedlen manglede. Her er hele anmodningen igen, nu med lønsedlen vedhæftet.

Medarbejder: Nadia Hussain, CPR 191293-0102
Arbejdsgiver: Albertslund Kommune, Tandplejen – CVR 29189919
Periode: 01.10.2026 - 31.10.2026
Timer: 38,00

Løn 5.700,00
Feriepenge 712,50
Særlig feriegodtgørelse 111,15
I alt 6.523,65

Mvh
Birthe Toft

Fra: Jobcenter Albertslund <jobcenter@albertslund.dk>
Sendt: 10. november 2026 09:02
Til: Birthe Toft <birthe.toft@albertslund.dk>
Emne: SV: Refusion oktober 2026 Nadia Hussain

Vi har modtaget jeres anmodning om refusion, men kan ikke behandle den endnu:
- lønsedlen mangler

Svar venligst på denne mail med lønsedlen vedhæftet.

Med venlig hilsen
Økonomigruppen, Jobcenter Albertslund
"""
case(14, "tandplejen-answer-resends-whole-claim", "Answer in the thread of case 13 that re-sends the whole claim with the payslip: completes the waiting claim, approved.",
     hdr("Birthe Toft <birthe.toft@albertslund.dk>", "SV: Refusion oktober 2026 Nadia Hussain", "Wed, 11 Nov 2026 13:22:10 +0100", 14,
         extra=[("In-Reply-To", "<reply-h4-13@jobcenter.albertslund.test>"),
                ("References", "<h4-13@corpus.albertslund.test>\r\n <reply-h4-13@jobcenter.albertslund.test>")]),
     [text_part(body14)], [("Lønseddel Nadia Hussain oktober.pdf", slip14)],
     [claim(**{"employee.name": "Nadia Hussain", "employee.cpr": "1912930102", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "38.00",
               "lines": L13, "total": "6523.65", "payslip.gross": "5700.00", "payslip.am_basis": "5700.00",
               "payslip.am_bidrag": "456.00", "payslip.cpr": "1912930102", "payslip.period.start": "2026-10-01",
               "payslip.period.end": "2026-10-31", "payslip.hours.worked": "38.00"})],
     [{"period.start": "2026-10-01", "outcome": "approved", "approved": "6523.65", "codes": []}])
CASES[-1]["meta"] = msg_meta("birthe.toft@albertslund.dk", "SV: Refusion oktober 2026 Nadia Hussain", "2026-11-11T13:22:10+01:00", 14,
                             in_reply_to="<reply-h4-13@jobcenter.albertslund.test>")
CASES[-1]["meta"]["references"] = ["<h4-13@corpus.albertslund.test>", "<reply-h4-13@jobcenter.albertslund.test>"]

# ======================================================================================
# 15  Two months in one mail (Aug + Sep), month table, two DataLøn payslips  (Q-02 Yusuf, 8 h)
# ======================================================================================
# Aug: 35,00 h x 144,05 = 5.041,75 ; feriepenge 630,21875 -> 630,22 ; særlig 98,314125 -> 98,31
#      total 5041,75 + 630,22 + 98,31 = 5.770,28 ; cap 31*8/7 = 35,43 >= 35 ; no ATP (< 39)
# Sep: 34,00 h x 144,05 = 4.897,70 ; feriepenge 612,2125 -> 612,21 ; særlig 95,50515 -> 95,51
#      total 4897,70 + 612,21 + 95,51 = 5.605,42 ; cap 30*8/7 = 34,29 >= 34
# Aug ends 31 Aug; late only after 30 Nov; mail 5 Oct -> fine. AM: Aug 403,34 -> 403 ; Sep 391,816 -> 392
LA = {"salary": "5041.75", "holiday_pay": "630.22", "special_holiday_allowance": "98.31"}
LS = {"salary": "4897.70", "holiday_pay": "612.21", "special_holiday_allowance": "95.51"}
check_total(LA, "5770.28")
check_total(LS, "5605.42")
body15 = """Hej

Vi er bagud med refusionerne for Yusuf Demir (CPR 030288-1103), Plejecenter Albertshøj, Albertslund Kommune, CVR 29189919. Her er august og september; lønsedlerne er vedhæftet.

Måned\tTimer\tLøn\tFeriepenge\tSærlig feriegodtg.\tI alt
August 2026\t35,00\t5.041,75\t630,22\t98,31\t5.770,28
September 2026\t34,00\t4.897,70\t612,21\t95,51\t5.605,42

Mvh
Malene Krogh
"""


def yusuf_slip(period, hours, amount, hol, spec, am, askat, hol_y, spec_y):
    return dataloen_payslip(
        employer=("Albertslund Kommune – Plejecenter Albertshøj", "29189919", "Albertshøj 2, 2620 Albertslund"),
        name="Yusuf Demir", cpr="030288-1103", period=period, disp=period[-10:], rows=[("1000", "Timeløn", hours, "144,05", amount)],
        gross=amount, atp_emp="0", am_basis=amount, am=am, askat=askat,
        employer_rows=[("Feriepenge 12,5 %", hol, hol_y), ("Særlig feriegodtgørelse 1,95 %", spec, spec_y)],
        holiday_ytd=None, ytd=[("Bruttoløn", "15000.00"), ("AM-bidrag", "1200.00")])


slip15a = yusuf_slip("01.08.2026 - 31.08.2026", "35,00", "5041.75", "630.22", "98.31", "403.00", "1380.00", "1975.92", "308.24")
slip15b = yusuf_slip("01.09.2026 - 30.09.2026", "34,00", "4897.70", "612.21", "95.51", "392.00", "1340.00", "2588.13", "403.75")
case(15, "albertshoej-two-months-table", "Two months (August and September) in one mail as a month table with tabs and two DataLøn payslips: two claims, both approved.",
     hdr("Malene Krogh <malene.krogh@albertslund.dk>", "Refusion aug+sep 2026 Yusuf Demir", "Mon, 05 Oct 2026 14:10:00 +0200", 15, mailer="Mozilla Thunderbird"),
     [text_part(body15)], [("Lønseddel_2026-08.pdf", slip15a), ("Lønseddel_2026-09.pdf", slip15b)],
     [claim(**{"employee.name": "Yusuf Demir", "employee.cpr": "0302881103", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-08-01", "period.end": "2026-08-31", "hours.worked": "35.00",
               "lines": LA, "total": "5770.28", "payslip.gross": "5041.75", "payslip.am_basis": "5041.75",
               "payslip.am_bidrag": "403.00", "payslip.cpr": "0302881103", "payslip.period.start": "2026-08-01",
               "payslip.period.end": "2026-08-31", "payslip.hours.worked": "35.00"}),
      claim(**{"employee.name": "Yusuf Demir", "employee.cpr": "0302881103", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "34.00",
               "lines": LS, "total": "5605.42", "payslip.gross": "4897.70", "payslip.am_basis": "4897.70",
               "payslip.am_bidrag": "392.00", "payslip.cpr": "0302881103", "payslip.period.start": "2026-09-01",
               "payslip.period.end": "2026-09-30", "payslip.hours.worked": "34.00"})],
     [{"period.start": "2026-08-01", "outcome": "approved", "approved": "5770.28", "codes": []},
      {"period.start": "2026-09-01", "outcome": "approved", "approved": "5605.42", "codes": []}])
CASES[-1]["meta"] = msg_meta("malene.krogh@albertslund.dk", "Refusion aug+sep 2026 Yusuf Demir", "2026-10-05T14:10:00+02:00", 15)

# ======================================================================================
# 16  CPR with a space, CVR in groups ('29 18 99 19'), dates 1/9-2026, whole kroner '66,-'
#     (Q-01 Freja, Sept)
# ======================================================================================
# 41,50 h x 165,00 = 6.847,50 ; ATP 66,00 ; feriepenge 12,5 % = 855,9375 -> 855,94
# særlig 1,95 % = 133,52625 -> 133,53 ; total 6847,50 + 66 + 855,94 + 133,53 = 7.902,97
# cap Sept 42,86 >= 41,5 ; payslip gross 6.847,50 ; AM-grundlag 6.814,50 ; AM 545,16 -> 545
L16 = {"salary": "6847.50", "atp": "66.00", "holiday_pay": "855.94", "special_holiday_allowance": "133.53"}
check_total(L16, "7902.97")
body16 = """Hej

Refusion for Freja Lund Mikkelsen, cpr 150795 2107, for perioden 1/9-2026 til 30/9-2026.
Albertslund Kommune, Vej & Park. CVR 29 18 99 19.
Hun har haft 41,5 timer.

Løn ............................ 6.847,50
ATP ............................... 66,-
Feriepenge ........................ 855,94
Særlig feriegodtgørelse ........... 133,53
I alt ........................... 7.902,97

Hilsen Ole
"""
slip16 = kmd_payslip(
    name="Freja Lund Mikkelsen", cpr="150795-2107", address=("Kongsholmcentret 12, 2. th", "2620 Albertslund"),
    period="01.09.2026 - 30.09.2026", disp="30.09.2026", beskgrad="10,00/37,00", medarb="0048213",
    pay_rows=[("01.09.2026", "Timeløn, normaltimer", "41,50", "165,00", "6847.50")], gross="6847.50",
    atp_emp="33.00", am_basis="6814.50", am="545.00", askat="1948.00",
    employer_rows=[("ATP arbejdsgiverandel", "66.00"), ("Feriegodtgørelse 12,5 %", "855.94"),
                   ("Særlig feriegodtgørelse 1,95 %", "133.53")], ytd_gross="34650.00")
case(16, "vejpark-spaced-cpr-cvr-dotleaders", "CPR with a space ('150795 2107'), CVR in groups ('29 18 99 19'), period '1/9-2026 til 30/9-2026', dot leaders, whole kroner '66,-', hours '41,5 timer' in prose. Clean claim.",
     hdr("Ole Vang <ole.vang@albertslund.dk>", "refusion sept", "Thu, 08 Oct 2026 16:47:21 +0200", 16),
     [text_part(body16)], [("Lønseddel september 2026.pdf", slip16)],
     [claim(**{"employee.name": "Freja Lund Mikkelsen", "employee.cpr": "1507952107", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "41.50",
               "lines": L16, "total": "7902.97", "payslip.gross": "6847.50", "payslip.am_basis": "6814.50",
               "payslip.am_bidrag": "545.00", "payslip.cpr": "1507952107", "payslip.period.start": "2026-09-01",
               "payslip.period.end": "2026-09-30", "payslip.hours.worked": "41.50"})],
     [{"period.start": "2026-09-01", "outcome": "approved", "approved": "7902.97", "codes": []}])
CASES[-1]["meta"] = msg_meta("ole.vang@albertslund.dk", "refusion sept", "2026-10-08T16:47:21+02:00", 16)


# ======================================================================================
def main():
    out = HERE / "cases"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    (HERE / "placements.csv").write_text(PLACEMENTS)
    (HERE / "corpus.json").write_text(json.dumps({"today": "2026-11-20"}, indent=2) + "\n")
    for c in CASES:
        folder = out / f"{c['num']:02d}-{c['slug']}"
        folder.mkdir()
        parts = list(c["body_parts"])
        for a in c["attachments"]:
            name, data = a[0], a[1]
            ctype = a[2] if len(a) > 2 else "application/pdf"
            parts.append(attach(name, data, ctype))
        raw = email_bytes(c["headers"], parts, boundary=f"----=_mix_h4-{c['num']:02d}")
        (folder / "message.eml").write_bytes(raw)
        expected = {"description": c["description"], "order": c["num"] * 10,
                    "parse": {"message": c["meta"], "claims": c["claims"], "problems": c["problems"]},
                    "decisions": c["decisions"]}
        (folder / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(CASES)} cases")


if __name__ == "__main__":
    main()
