#!/usr/bin/env python3
"""Generate the held-out corpus (tests/heldout): placements.csv, corpus.json, cases/NN-slug/.

Independent of the processor's code: every expectation below is computed by hand from
/work/shared/RULES.md and the conventions of /work/shared/corpus/README.md, with the
arithmetic in comments; `check()` re-derives the rule arithmetic with exact fractions as a
guard against typos.  Run with the project's venv (reportlab, pypdfium2, Pillow):

    .venv/bin/python tests/heldout/make_corpus.py

Deterministic: fixed boundaries and Message-IDs, reportlab invariant=1, seeded noise.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from datetime import date, datetime, timedelta, timezone
from fractions import Fraction as F
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from lib import (D, addr, attachment_part, cvr_ok, degrade, dk, dk_dash, dk_plain, dk_space,  # noqa: E402
                 en_plain, hdr, image_pdf, jpeg, make_cpr, make_cvr, message, multipart, r2,
                 rasterise, text_part)
from payslips import Slip, bluegarden, claim_form, danlon, onecol, sdlon, sls, visma  # noqa: E402

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
DOMAIN = "heldout.albertslund.test"
TO = addr("Jobcenter Albertslund", "Jobcenter@albertslund.dk")

# --- employers (CVR numbers computed to pass the CVR modulus-11 check) -------------------
KOMMUNE = ("Albertslund Kommune", "29189919")            # 2*2+9*7+1*6+8*5+9*4+9*3+1*2+9*1 = 187 = 17*11
IDRAET = ("Albertslund Idrætscenter", make_cvr("3164782"))       # 31647827
NATUR = ("Albertslund Naturcenter", make_cvr("3471029"))         # 34710295
KULTUR = ("Kulturværkstedet Herstedlund", make_cvr("2958336"))   # 29583366
GENBRUG = ("Genbrugsværkstedet Albertslund", make_cvr("2610945"))  # 26109450
for _n, _c in (KOMMUNE, IDRAET, NATUR, KULTUR, GENBRUG):
    assert cvr_ok(_c), _n

# --- people (valid dates; serials chosen to pass modulus 11) ------------------------------
CPR = {
    "freja": make_cpr("120394", 1137),    # Freja Lindholm Madsen
    "yusuf": make_cpr("300791", 2261),    # Yusuf Demir
    "signe": make_cpr("050587", 1419),    # Signe Vestergaard Holm
    "mikkel": make_cpr("220790", 2533),   # Mikkel Ravn Thomsen
    "aisha": make_cpr("171185", 1872),    # Aisha Benali
    "ole": make_cpr("090168", 2306),      # Ole Bjerregaard Lund
    "maja": make_cpr("290296", 1194),     # Maja Søgaard (born 29 February 1996)
    "emil": make_cpr("311279", 3341),     # Emil Kragh Poulsen
    "hanne": make_cpr("010672", 1688),    # Hanne Ibsen
    "tobias": make_cpr("140801", 4177),   # Tobias Winther Dahl (born 2001: 7th digit 4)
    "rasmus": make_cpr("031082", 2845),   # Rasmus Kiær Nørgaard
    "jakob": make_cpr("190489", 1523),    # Jakob Frost: no placement
}


def dash(c):  # 120394-1234
    return c[:6] + "-" + c[6:]


def space(c):  # 120394 1234
    return c[:6] + " " + c[6:]


PLACEMENTS = [
    # id, name, cpr, employer, workplace, contacts, weekly, start, end, praktik_until, effective_from, applied_at, scheme
    ("H-0001", "Freja Lindholm Madsen", dash(CPR["freja"]), IDRAET, "Idrætscentret",
     "lars.moeller@albertslund-idraet.dk;loen@albertslund-idraet.dk", "10", "2026-02-01", "2027-01-31", "", "2026-02-01", "2026-01-12T10:00:00", "hourly"),
    ("H-0002", "Yusuf Demir", CPR["yusuf"], KOMMUNE, "Plejecenter Albertshøj",
     "birthe.kold@albertslund.dk;albertshoej@albertslund.dk", "8", "2026-06-01", "2027-05-31", "", "2026-06-01", "2026-05-04T09:10:00", "hourly"),
    ("H-0003", "Signe Vestergaard Holm", CPR["signe"], NATUR, "Naturcentret",
     "jens.hvid@albertslund.dk;naturcenter@albertslund.dk", "10", "2026-04-01", "2027-03-31", "", "2026-04-01", "2026-03-02T13:00:00", "hourly"),
    ("H-0004", "Mikkel Ravn Thomsen", CPR["mikkel"], KULTUR, "Kulturværkstedet",
     "mette.sand@kulturvaerkstedet.dk;kontor@kulturvaerkstedet.dk", "9", "2026-05-15", "2027-05-14", "", "2026-05-15", "2026-04-20T08:30:00", "hourly"),
    ("H-0005", "Aisha Benali", CPR["aisha"], GENBRUG, "Genbrugsværkstedet",
     "ali.hassan@albertslund.dk;genbrug@albertslund.dk", "6", "2026-03-01", "2027-02-28", "", "2026-03-01", "2026-02-09T11:45:00", "hourly"),
    ("H-0005", "Aisha Benali", CPR["aisha"], GENBRUG, "Genbrugsværkstedet",
     "ali.hassan@albertslund.dk;genbrug@albertslund.dk", "9", "2026-03-01", "2027-02-28", "", "2026-10-12", "2026-09-28T14:20:00", "hourly"),
    ("H-0006", "Ole Bjerregaard Lund", CPR["ole"], KOMMUNE, "Herstedlund Skole",
     "pia.munk@albertslund.dk;herstedlund.skole@albertslund.dk", "10", "2026-10-08", "2027-10-07", "", "2026-10-08", "2026-09-15T10:00:00", "hourly"),
    ("H-0007", "Maja Søgaard", CPR["maja"], KOMMUNE, "Musikskolen",
     "thomas.brink@albertslund.dk;musikskolen@albertslund.dk", "10", "2026-09-07", "2027-09-06", "2026-09-20", "2026-09-07", "2026-08-17T09:00:00", "hourly"),
    ("H-0008", "Emil Kragh Poulsen", CPR["emil"], IDRAET, "Idrætscentret",
     "lars.moeller@albertslund-idraet.dk;loen@albertslund-idraet.dk", "10", "2026-01-01", "2026-09-30", "", "2026-01-01", "2025-12-01T12:00:00", "hourly"),
    ("H-0009", "Hanne Ibsen", CPR["hanne"], KOMMUNE, "Vestbadet",
     "karin.lund@albertslund.dk;vestbadet@albertslund.dk", "7", "2026-05-01", "2027-04-30", "", "2026-05-01", "2026-04-06T10:30:00", "salaried"),
    ("H-0010", "Tobias Winther Dahl", CPR["tobias"], KULTUR, "Kulturværkstedet",
     "mette.sand@kulturvaerkstedet.dk;kontor@kulturvaerkstedet.dk", "5", "2026-08-01", "2027-07-31", "", "2026-08-01", "2026-07-06T09:00:00", "hourly"),
    ("H-0011", "Rasmus Kiær Nørgaard", CPR["rasmus"], NATUR, "Naturcentret",
     "jens.hvid@albertslund.dk;naturcenter@albertslund.dk", "10", "2026-07-01", "2027-06-30", "", "2026-07-01", "2026-06-01T08:00:00", "hourly"),
]
# Pool: at most 88 h/week on any day (Oct: 10+8+10+9+9+10+10+7+5+10; H-0008 ended 30 Sep) <= 100.


# --- the rules' arithmetic, as a guard (exact fractions, half-up per line) -----------------

def days(a: date, b: date):
    d = a
    while d <= b:
        yield d
        d += timedelta(days=1)


def q(x) -> D:
    return r2(D(x.numerator) / D(x.denominator)) if isinstance(x, F) else r2(x)


def cap(period, versions, employment):
    """sum over days inside the employment of weekly_hours(d)/7; versions: [(from, hours)]."""
    (s, e), (es, ee) = period, employment
    total = F(0)
    for d in days(max(s, es), min(e, ee)):
        wh = [h for f, h in versions if f <= d][-1]
        total += F(wh) / 7
    return total


def check():
    # 01 Freja Feb: cap 28*10/7 = 40; 42 h paid -> scale 20/21
    c = cap((date(2026, 2, 1), date(2026, 2, 28)), [(date(2026, 2, 1), 10)], (date(2026, 2, 1), date(2027, 1, 31)))
    assert c == 40
    k = c / 42
    assert q(F("6237.00") * k) + q(F("779.63") * k) + q(F("121.62") * k) + D("66.00") == D("6864.33")
    # 07 Aisha Oct: cap 11*6/7 + 20*9/7 = 246/7; 39 h paid -> 82/91
    c = cap((date(2026, 10, 1), date(2026, 10, 31)), [(date(2026, 3, 1), 6), (date(2026, 10, 12), 9)], (date(2026, 3, 1), date(2027, 2, 28)))
    assert c == F(246, 7)
    k = c / 39
    assert k == F(82, 91)
    assert q(F("5460") * k) == D("4920.00") and q(F("682.50") * k) == D("615.00") and q(F("106.47") * k) == D("95.94")
    # 09 Maja Sep: inside 21-30 Sep (praktik until 20 Sep): cap 100/7; 16 h -> 25/28
    c = cap((date(2026, 9, 1), date(2026, 9, 30)), [(date(2026, 9, 7), 10)], (date(2026, 9, 21), date(2027, 9, 6)))
    assert c == F(100, 7)
    k = c / 16
    assert q(F("2320") * k) + q(F("290") * k) + q(F("45.24") * k) == D("2370.75")
    # 06 Mikkel Oct: spell from 14 Sep, day 30 = 13 Oct; sick days 1-19 Oct = 19, 6 after day 30
    day30 = date(2026, 9, 14) + timedelta(days=29)
    assert day30 == date(2026, 10, 13)
    assert q(F("3720") * F(13, 19)) == D("2545.26")
    # 08 Ole Oct: inside 8-31 Oct = 24 days: cap 240/7 = 34.29 >= 33
    assert cap((date(2026, 10, 1), date(2026, 10, 31)), [(date(2026, 10, 8), 10)], (date(2026, 10, 8), date(2027, 10, 7))) == F(240, 7)
    # 20 Hanne Sep: cap 30*7/7 = 30 exactly = the 30 hours claimed (not over)
    assert cap((date(2026, 9, 1), date(2026, 9, 30)), [(date(2026, 5, 1), 7)], (date(2026, 5, 1), date(2027, 4, 30))) == 30


check()


# --- expected documents ---------------------------------------------------------------------

def claim(name, cpr, emp, cvr, start, end, worked=None, sick=None, first=None, last=None,
          final=False, correction=False, lines=None, total=None, slip: Slip | None = None,
          slip_hours=(None, None), slip_cpr=True):
    c = {
        "employee.name": name, "employee.cpr": cpr, "employer.name": emp, "employer.cvr": cvr,
        "period.start": start, "period.end": end,
        "hours.worked": worked, "hours.sick": sick,
        "sick.first_day": first, "sick.last_day": last,
        "final": final, "correction": correction,
        "lines": lines or {}, "total": total,
        "payslip.gross": None, "payslip.am_basis": None, "payslip.am_bidrag": None,
        "payslip.cpr": None, "payslip.period.start": None, "payslip.period.end": None,
        "payslip.hours.worked": None, "payslip.hours.sick": None,
    }
    if slip is not None:
        c.update({
            "payslip.gross": f"{slip.gross:.2f}", "payslip.am_basis": f"{slip.am_basis:.2f}",
            "payslip.am_bidrag": f"{slip.am:.2f}",
            "payslip.cpr": slip.cpr.replace("-", "").replace(" ", "") if slip_cpr else None,
            "payslip.period.start": slip.start.isoformat(), "payslip.period.end": slip.end.isoformat(),
            "payslip.hours.worked": slip_hours[0], "payslip.hours.sick": slip_hours[1],
        })
    return c


def decision(start, outcome, approved, codes):
    return {"period.start": start, "outcome": outcome, "approved": approved, "codes": codes}


NOT_A_CLAIM = [decision(None, "not_a_claim", None, ["NOT_A_CLAIM"])]

CASES = []


def case(nn, slug, description, when, frm, subject, body: bytes, claims, decisions,
         problems=(), in_reply_to=None, references=(), extra_headers=()):
    mid = f"<ho-{nn:02d}@{DOMAIN}>"
    headers = [("From", frm), ("To", TO), ("Subject", hdr(subject)),
               ("Date", when.strftime("%a, %d %b %Y %H:%M:%S %z")), ("Message-ID", mid)]
    if in_reply_to:
        headers.append(("In-Reply-To", in_reply_to))
    if references:
        headers.append(("References", "\n " + " ".join(references)))
    headers += list(extra_headers)
    raw = message(headers, body)
    sender = frm.split("<")[-1].rstrip(">").strip()
    msg = {"message_id": mid, "from": sender, "subject": subject,
           "date": when.isoformat(), "in_reply_to": in_reply_to}
    if references:
        msg["references"] = list(references)
    CASES.append((nn, slug, {"description": description, "order": 0,
                             "parse": {"message": msg, "claims": claims, "problems": list(problems)},
                             "decisions": decisions}, raw, when))


def mixed(nn, text_parts: list[bytes], attachments: list[tuple[str, bytes, str]]) -> bytes:
    parts = list(text_parts) + [attachment_part(n, d, t) for n, d, t in attachments]
    return multipart("mixed", f"----=_Part_ho{nn:02d}_mix", parts)


PDF = "application/pdf"


def ver(d: date) -> str:
    return d.strftime("%d.%m.%Y")


# ===========================================================================================
# Slips shared by several cases
# ===========================================================================================
IDR_ADDR = ["Vallensbækvej 7", "2620 Albertslund"]
NAT_ADDR = ["Hedelykken 2", "2620 Albertslund"]
KUL_ADDR = ["Herstedvang 4", "2620 Albertslund"]
GEN_ADDR = ["Snapsholt 11", "2620 Albertslund"]
KOM_ADDR = ["Nordmarks Allé 1", "2620 Albertslund"]


def freja_slip(start, end, hours, ytd):
    sal = r2(D(hours) * D("148.50"))
    return Slip(IDRAET[0], IDR_ADDR, IDRAET[1], "Freja Lindholm Madsen", ["Hyldagerparken 14, st. tv.", "2620 Albertslund"],
                dash(CPR["freja"]), start, end, end,
                [("1100", "Timeløn", D(hours), D("148.50"), sal)], emp_atp=D(33),
                employer_items=[("8110", "ATP arbejdsgiver", None, None, D(66)),
                                ("4420", "Feriepenge til FerieKonto", sal, D("12.5"), r2(sal * D("0.125"))),
                                ("4623", "Særlig feriegodtgørelse", sal, D("1.95"), r2(sal * D("0.0195")))],
                ytd_factor=ytd, extra={"afd": "Idrætscentret", "empno": "112"})


# ===========================================================================================
# 01  Freja, February: prose claim, HOURS_OVER_CAP (February cap 28 x 10/7 = 40,00 h)
# ===========================================================================================
# 42,00 h x 148,50 = 6.237,00; feriepenge 12,5 % = 779,625 -> 779,63; særlig 1,95 % = 121,6215 -> 121,62
# ATP: 42 h in 39-<78 -> 66,00. Claimed 6237,00+66,00+779,63+121,62 = 7.204,25
# Cap 40, paid 42 -> factor 40/42 = 20/21:
#   salary 6237,00*20/21 = 5940,00; holiday 779,63*20/21 = 742,5048 -> 742,50;
#   special 121,62*20/21 = 115,8286 -> 115,83; ATP kept 66,00 -> approved 6.864,33
# Payslip: gross 6237,00; employee ATP 33 -> AM basis 6204,00; AM 8 % = 496,32 -> 496
s01 = freja_slip(date(2026, 2, 1), date(2026, 2, 28), "42.00", 1)
body01 = f"""Til Jobcenter Albertslund, att. Økonomigruppe

Vi beder om refusion af lønudgifterne for februar 2026 til vores medarbejder i job på få lønnede timer, som udgør i alt kr 7.204,25. Beløbet består af løn kr 6.237,00, ATP (arbejdsgiverandel) kr 66,00, feriepenge kr 779,63 og særlig feriegodtgørelse kr 121,62.

Borgerens navn: Freja Lindholm Madsen
CPR-nr {space(CPR['freja'])}
Virksomhed: {IDRAET[0]}, CVR {IDRAET[1]}
Periode: 1. feb. 2026 til 28. feb. 2026
Antal løntimer: 42,0

Lønsedlen fra Visma er vedhæftet.

Med venlig hilsen

Lars Møller
Centerleder
{IDRAET[0]}
"""
case(1, "idraet-february-prose-over-cap",
     "Prose claim ('Vi beder om refusion af ... som udgør ...'), amounts 'kr 1.234,56', CPR with a space, 'Borgerens navn:'/'Virksomhed:' labels, Visma Løn payslip. February's cap is exactly 28x10/7 = 40 h; 42 h paid: hour-proportional lines scaled by 20/21, ATP kept.",
     datetime(2026, 3, 4, 10, 12, 5, tzinfo=CET), addr("Lars Møller", "lars.moeller@albertslund-idraet.dk"),
     "Refusion februar 2026 – Freja Lindholm Madsen",
     mixed(1, [text_part(body01)], [("Lønseddel_Freja_02-2026.pdf", visma(s01), PDF)]),
     [claim("Freja Lindholm Madsen", CPR["freja"], IDRAET[0], IDRAET[1], "2026-02-01", "2026-02-28", "42.00",
            lines={"salary": "6237.00", "atp": "66.00", "holiday_pay": "779.63", "special_holiday_allowance": "121.62"},
            total="7204.25", slip=s01, slip_hours=("42.00", None))],
     [decision("2026-02-01", "partially_approved", "6864.33", ["HOURS_OVER_CAP"])])

# ===========================================================================================
# 02  Freja, October: a reply on an old thread that quotes September's figures; bullets
# ===========================================================================================
# 43,00 h x 148,50 = 6.385,50; feriepenge 798,1875 -> 798,19; særlig 124,51725 -> 124,52; ATP 66,00
# total 7.374,21. Cap Oct 31*10/7 = 44,29 >= 43. Approved in full.
# Payslip: AM basis 6385,50-33 = 6352,50; AM 508,20 -> 508
s02 = freja_slip(date(2026, 10, 1), date(2026, 10, 31), "43.00", 9)
body02 = f"""Hej Økonomigruppen

Så er det oktober – her er refusionen for Freja. Samme setup som sidst.

Ansat: Freja Lindholm Madsen, personnr. {dash(CPR['freja'])}
Virksomhed: {IDRAET[0]} (CVR {IDRAET[1]})
Refusion for perioden 1.-31. oktober 2026, timer i alt 43

• Løn: 6 385,50 kr.
• ATP arbejdsgiverbidrag: 66,00 kr.
• Feriepenge 12,5 %: 798,19 kr.
• Særlig feriegodtgørelse 1,95 %: 124,52 kr.
• Total: 7 374,21 kr.

Payslip vedhæftet.

Best regards / Mvh
Lars Møller
{IDRAET[0]}

Fra: Jobcenter Albertslund <jobcenter@albertslund.dk>
Sendt: 9. oktober 2026 13:02
Til: Lars Møller <lars.moeller@albertslund-idraet.dk>
Emne: SV: Refusion september 2026 – Freja Lindholm Madsen

Vi har godkendt jeres anmodning om refusion for september 2026 (reference JLT-2026-000118): 7.029,64 kr. udbetales.

Med venlig hilsen
Økonomigruppen, Jobcenter Albertslund

Fra: Lars Møller <lars.moeller@albertslund-idraet.dk>
Sendt: 5. oktober 2026 09:41
Emne: Refusion september 2026 – Freja Lindholm Madsen

Ansat: Freja Lindholm Madsen, personnr. {dash(CPR['freja'])}
Refusion for perioden 1.-30. september 2026, timer i alt 41

• Løn: 6 088,50 kr.
• ATP arbejdsgiverbidrag: 66,00 kr.
• Feriepenge 12,5 %: 761,06 kr.
• Særlig feriegodtgørelse 1,95 %: 118,73 kr.
• Total: 7 034,29 kr.
"""
case(2, "idraet-october-reply-quoting-september",
     "October claim written on top of the September thread (In-Reply-To the Jobcenter's old answer): bullets '•', amounts '6 385,50 kr.', 'perioden 1.-31. oktober 2026', 'timer i alt 43', 'Ansat:'/'personnr.'. The quoted September figures are not the claim.",
     datetime(2026, 11, 2, 9, 0, 41, tzinfo=CET), addr("Lars Møller", "lars.moeller@albertslund-idraet.dk"),
     "SV: Refusion september 2026 – Freja Lindholm Madsen (nu oktober)",
     mixed(2, [text_part(body02)], [("Lønseddel_Freja_10-2026.pdf", visma(s02), PDF)]),
     [claim("Freja Lindholm Madsen", CPR["freja"], IDRAET[0], IDRAET[1], "2026-10-01", "2026-10-31", "43.00",
            lines={"salary": "6385.50", "atp": "66.00", "holiday_pay": "798.19", "special_holiday_allowance": "124.52"},
            total="7374.21", slip=s02, slip_hours=("43.00", None))],
     [decision("2026-10-01", "approved", "7374.21", [])],
     in_reply_to="<reply-JLT-2026-000118@claims.albertslund.dk>",
     references=("<old-sep-freja@albertslund-idraet.dk>", "<reply-JLT-2026-000118@claims.albertslund.dk>"))

# ===========================================================================================
# 03  Freja, October again: forwarded resend -> DUPLICATE (case 02 approved)
# ===========================================================================================
body03 = f"""Hi,

Resending – vi har ikke fået nogen kvittering. Please confirm receipt.

/Lars

-----Original Message-----
From: Lars Møller <lars.moeller@albertslund-idraet.dk>
Sent: Monday, November 2, 2026 9:00 AM
To: Jobcenter Albertslund <Jobcenter@albertslund.dk>
Subject: SV: Refusion september 2026 – Freja Lindholm Madsen (nu oktober)

Hej Økonomigruppen

Så er det oktober – her er refusionen for Freja. Samme setup som sidst.

Ansat: Freja Lindholm Madsen, personnr. {dash(CPR['freja'])}
Virksomhed: {IDRAET[0]} (CVR {IDRAET[1]})
Refusion for perioden 1.-31. oktober 2026, timer i alt 43

• Løn: 6 385,50 kr.
• ATP arbejdsgiverbidrag: 66,00 kr.
• Feriepenge 12,5 %: 798,19 kr.
• Særlig feriegodtgørelse 1,95 %: 124,52 kr.
• Total: 7 374,21 kr.

Payslip vedhæftet.

Best regards / Mvh
Lars Møller
"""
case(3, "idraet-forwarded-resend-duplicate",
     "The October claim of case 02 forwarded again ('-----Original Message-----', English Outlook headers): a duplicate of an approved claim.",
     datetime(2026, 11, 12, 10, 3, 11, tzinfo=CET), addr("Lars Møller", "lars.moeller@albertslund-idraet.dk"),
     "FW: SV: Refusion september 2026 – Freja Lindholm Madsen (nu oktober)",
     mixed(3, [text_part(body03)], [("Lønseddel_Freja_10-2026.pdf", visma(s02), PDF)]),
     [claim("Freja Lindholm Madsen", CPR["freja"], IDRAET[0], IDRAET[1], "2026-10-01", "2026-10-31", "43.00",
            lines={"salary": "6385.50", "atp": "66.00", "holiday_pay": "798.19", "special_holiday_allowance": "124.52"},
            total="7374.21", slip=s02, slip_hours=("43.00", None))],
     [decision("2026-10-01", "rejected", "0.00", ["DUPLICATE"])])


# ===========================================================================================
# Yusuf Demir (Plejecenter Albertshøj, Albertslund Kommune), 8 h/week, Bluegarden payslips
# ===========================================================================================
def yusuf_slip(start, end, hours, ytd, atp_wrong=False):
    sal = r2(D(hours) * D("142.30"))
    items = [("0981", "ATP arbejdsgiver", None, None, D(66) if atp_wrong else D(0)),
             ("0971", "Feriepenge 12,5 % (FerieKonto)", sal, D("12.5"), r2(sal * D("0.125"))),
             ("0972", "Særlig feriegodtgørelse", sal, D("1.95"), r2(sal * D("0.0195")))]
    return Slip(KOMMUNE[0], KOM_ADDR, KOMMUNE[1], "Yusuf Demir", ["Røde Vejrmølle Parken 33, 2. th.", "2620 Albertslund"],
                dash(CPR["yusuf"]), start, end, end, [("0110", "Timeløn", D(hours), D("142.30"), sal)],
                emp_atp=D(33) if atp_wrong else D(0), employer_items=items, ytd_factor=ytd,
                extra={"afd": "Plejecenter Albertshøj", "normtid": "8,00"})


# 04  Yusuf, October: HTML-only Outlook mail, windows-1252, quoted-printable, table
# 34,50 h x 142,30 = 4.909,35; feriepenge 613,66875 -> 613,67; særlig 95,732325 -> 95,73; no ATP (< 39 h)
# total 5.618,75. Cap Oct 31*8/7 = 35,43 >= 34,5. Approved. AM 4909,35*8 % = 392,748 -> 393
s04 = yusuf_slip(date(2026, 10, 1), date(2026, 10, 31), "34.50", 5)
html04 = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<style><!-- p.MsoNormal {{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}} --></style>
</head><body lang="DA" link="#0563C1"><div class="WordSection1">
<p class="MsoNormal">Hej Jobcenter&nbsp;– Økonomigruppen<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Vi søger hermed refusion for Yusuf Demir for oktober. Lønsedlen er vedhæftet.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr><td width="220" style="padding:0cm 5.4pt"><p class="MsoNormal"><b>Medarbejder</b></p></td><td width="260" style="padding:0cm 5.4pt"><p class="MsoNormal">Yusuf Demir</p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><b>CPR</b></p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal">{dash(CPR['yusuf'])}</p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><b>Arbejdsgiver</b></p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal">Albertslund Kommune</p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><b>CVR</b></p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal">{KOMMUNE[1]}</p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><b>Periode</b></p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal">01/10/2026 - 31/10/2026</p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><b>Timer</b></p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal">34,5</p></td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr><td width="260" style="padding:0cm 5.4pt"><p class="MsoNormal"><b>Lønudgift</b></p></td><td width="140" style="padding:0cm 5.4pt"><p class="MsoNormal" align="right" style="text-align:right"><b>Beløb</b></p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal">Timeløn</p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal" align="right" style="text-align:right">kr 4.909,35</p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal">Feriepenge 12,5&nbsp;%</p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal" align="right" style="text-align:right">kr 613,67</p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal">Særlig feriegodtgørelse</p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal" align="right" style="text-align:right">kr 95,73</p></td></tr>
<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><b>I alt</b></p></td><td style="padding:0cm 5.4pt"><p class="MsoNormal" align="right" style="text-align:right"><b>kr 5.618,75</b></p></td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Venlig hilsen<o:p></o:p></p>
<p class="MsoNormal">Birthe Kold<br>Afdelingsleder, Plejecenter Albertshøj<o:p></o:p></p>
</div></body></html>
"""
case(4, "albertshoj-html-only-cp1252",
     "HTML-only Outlook mail (no text/plain part) in windows-1252, quoted-printable, with two tables (dates 01/10/2026, amounts 'kr 4.909,35'); sender address in mixed case; Bluegarden payslip; 8 h/week, no ATP.",
     datetime(2026, 11, 3, 13, 22, 40, tzinfo=CET), addr("Kold, Birthe", "Birthe.Kold@albertslund.dk"),
     "Refusion oktober – Yusuf Demir",
     mixed(4, [text_part(html04, "html", "windows-1252")], [("Lønspecifikation oktober 2026.pdf", bluegarden(s04), PDF)]),
     [claim("Yusuf Demir", CPR["yusuf"], KOMMUNE[0], KOMMUNE[1], "2026-10-01", "2026-10-31", "34.50",
            lines={"salary": "4909.35", "holiday_pay": "613.67", "special_holiday_allowance": "95.73"},
            total="5618.75", slip=s04, slip_hours=("34.50", None))],
     [decision("2026-10-01", "approved", "5618.75", [])])


# ===========================================================================================
# Signe Vestergaard Holm (Albertslund Naturcenter, own CVR), 10 h/week, Statens Lønsystem-like
# ===========================================================================================
def signe_slip(start, end, hours, ytd, who="signe", rate="160.15", pension="10"):
    sal = r2(D(hours) * D(rate))
    names = {"signe": ("Signe Vestergaard Holm", ["Egelundsvej 9", "2620 Albertslund"]),
             "rasmus": ("Rasmus Kiær Nørgaard", ["Kongsholmparken 71", "2620 Albertslund"])}
    n, a = names[who]
    items = [("6020", f"Pension, arbejdsgiverandel {pension},00 %", sal, D(pension), r2(sal * D(pension) / 100)),
             ("8102", "ATP-bidrag, arbejdsgiver", None, None, D(66)),
             ("4420", "Feriepenge 12,5 %", sal, D("12.50"), r2(sal * D("0.125"))),
             ("4623", "Særlig feriegodtgørelse 1,95 %", sal, D("1.95"), r2(sal * D("0.0195")))]
    return Slip(NATUR[0], NAT_ADDR, NATUR[1], n, a, dash(CPR[who]), start, end, end,
                [("0101", "Timeløn", D(hours), D(rate), sal)], emp_atp=D(33), employer_items=items,
                ytd_factor=ytd)


# 05  Signe, October: the body does not itemise: lines are the payslip's employer costs
# 42,00 h x 160,15 = 6.726,30; pension 10 % 672,63; ATP 66,00; feriepenge 840,7875 -> 840,79;
# særlig 131,16285 -> 131,16. Sum 8.436,88 (no total written: total null). Pension 10 % <= 20 %.
# Payslip AM basis 6693,30; AM 535,464 -> 535. The 'opsparet saldo' 1.052,33 is not a line.
s05 = signe_slip(date(2026, 10, 1), date(2026, 10, 31), "42.00", 7)
body05 = f"""Kære Økonomigruppe

Vedhæftet lønmeddelelse til brug for refusion. Vi søger refusion af samtlige lønudgifter, der fremgår af lønmeddelelsen (løn samt arbejdsgiverens bidrag).

Borgerens navn: Signe Vestergaard Holm
Personnr.: {CPR['signe']}
Arbejdssted og CVR: {NATUR[0]}, {NATUR[1]}
Refusionsperiode: oktober måned 2026
Antal løntimer: 42,00

Venlig hilsen
Jens Hvid
Naturvejleder, {NATUR[0]}
"""
case(5, "naturcenter-sls-payslip-only",
     "No itemisation in the body: the lines are the employer's costs on a Statens Lønsystem-like payslip (KODE/ART/ENH/SATS/BELØB, 'Nettoløn til disposition', employer block with pension and ATP, a 'Særlig feriegodtgørelse, opsparet saldo' that must not be read). 'oktober måned 2026', 'Arbejdssted og CVR:', CPR without dash.",
     datetime(2026, 11, 3, 8, 17, 2, tzinfo=CET), addr("Jens Hvid", "jens.hvid@albertslund.dk"),
     "Lønmeddelelse oktober – refusion",
     mixed(5, [text_part(body05)], [("Lønmeddelelse 2026-10.pdf", sls(s05), PDF)]),
     [claim("Signe Vestergaard Holm", CPR["signe"], NATUR[0], NATUR[1], "2026-10-01", "2026-10-31", "42.00",
            lines={"salary": "6726.30", "pension": "672.63", "atp": "66.00", "holiday_pay": "840.79",
                   "special_holiday_allowance": "131.16"},
            total=None, slip=s05, slip_hours=("42.00", None))],
     [decision("2026-10-01", "approved", "8436.88", [])])


# ===========================================================================================
# Mikkel Ravn Thomsen (Kulturværkstedet, own CVR), 9 h/week, Danløn
# ===========================================================================================
def mikkel_slip(start, end, worked, sick, ytd):
    sal, sp = r2(D(worked) * 155), r2(D(sick) * 155)
    base = sal + sp
    return Slip(KULTUR[0], KUL_ADDR, KULTUR[1], "Mikkel Ravn Thomsen", ["Hyldespjældet 88", "2620 Albertslund"],
                dash(CPR["mikkel"]), start, end, end,
                [("", "Timeløn", D(worked), D(155), sal), ("", "Sygeløn", D(sick), D(155), sp)],
                employer_items=[("", "Feriepenge", base, D("12.5"), r2(base * D("0.125"))),
                                ("", "Særlig feriegodtgørelse", base, D("1.95"), r2(base * D("0.0195")))],
                ytd_factor=ytd, extra={"empno": "7"})


# 06  Mikkel, October: sickness spell from 14 Sep, last sick day 19 Oct -> SICK_OVER_30_DAYS
# worked 14,00 x 155 = 2.170,00; sick 24,00 x 155 = 3.720,00; base 5.890,00
# feriepenge 736,25; særlig 114,855 -> 114,86; paid 38 h < 39: no ATP. Total 6.741,11.
# Cap Oct 31*9/7 = 39,86 >= 38. Day 30 = 14 Sep + 29 = 13 Oct. Sick days 1.-19. Oct = 19, of which
# 14.-19. Oct = 6 after day 30: sick_pay keeps 3720*13/19 = 2545,263 -> 2.545,26 (cut 1.174,74).
# Approved 2170,00 + 2545,26 + 736,25 + 114,86 = 5.566,37
s06 = mikkel_slip(date(2026, 10, 1), date(2026, 10, 31), "14.00", "24.00", 5)
body06 = f"""Hi Økonomigruppen,

Refund request for October (job på få lønnede timer).

Employee / Ansat: Mikkel Ravn Thomsen
CPR: {dash(CPR['mikkel'])}
Employer: {KULTUR[0]}, CVR {KULTUR[1]}
Periode: 1/10-2026 - 31/10-2026
Hours worked: 14,00 - sick hours: 24,00

Mikkel has been on sick leave since 14/9-2026 (first sick day). Last sick day in October was 19/10-2026 – he was back at work 20/10-2026.

Salary (timeløn)            DKK 2170.00
Sick pay (sygeløn)          DKK 3720.00
Holiday pay (feriepenge)    DKK 736.25
Særlig feriegodtgørelse     DKK 114.86
Total                       DKK 6741.11

Payslip from Danløn attached.

Kind regards
Mette Sand
Daglig leder, {KULTUR[0]}
"""
case(6, "kultur-sick-spell-over-30-days-english",
     "English-influenced mail ('Refund request', 'Salary', 'Sick pay', 'DKK 2170.00', dates 14/9-2026 and 1/10-2026): a sickness spell from 14 September crossing into October; day 30 is 13 October, so 6 of 19 October sick days are cut. Danløn payslip.",
     datetime(2026, 11, 4, 9, 40, 0, tzinfo=CET), addr("Mette Sand", "mette.sand@kulturvaerkstedet.dk"),
     "Refund request October 2026 - Mikkel Ravn Thomsen",
     mixed(6, [text_part(body06)], [("Loenseddel-Mikkel-2026-10.pdf", danlon(s06), PDF)]),
     [claim("Mikkel Ravn Thomsen", CPR["mikkel"], KULTUR[0], KULTUR[1], "2026-10-01", "2026-10-31", "14.00", "24.00",
            "2026-09-14", "2026-10-19",
            lines={"salary": "2170.00", "sick_pay": "3720.00", "holiday_pay": "736.25", "special_holiday_allowance": "114.86"},
            total="6741.11", slip=s06, slip_hours=("14.00", "24.00"))],
     [decision("2026-10-01", "partially_approved", "5566.37", ["SICK_OVER_30_DAYS"])])


# ===========================================================================================
# 07  Aisha, October: addendum 6 -> 9 h/week from 12 Oct; 39 h paid -> HOURS_OVER_CAP
# ===========================================================================================
# 39,00 h x 140,00 = 5.460,00; feriepenge 682,50; særlig 5460*1,95 % = 106,47; ATP (39 h) 66,00
# total 6.314,97. Cap = 11 days x 6/7 + 20 days x 9/7 = 246/7 = 35,14 h; factor 246/7/39 = 82/91:
# salary 5460*82/91 = 4920,00; holiday 682,50*82/91 = 615,00; special 106,47*82/91 = 95,94; ATP 66,00
# approved 5.696,94. Payslip: AM basis 5460-33 = 5427,00; AM 434,16 -> 434.
def aisha_slip(start, end, hours, rate, ytd, emp_atp, atp):
    sal = r2(D(hours) * D(rate))
    items = [("", "ATP, arbejdsgiver", None, None, D(atp)),
             ("", "Feriepenge 12,5 %", sal, D("12.5"), r2(sal * D("0.125"))),
             ("", "Særlig feriegodtgørelse", sal, D("1.95"), r2(sal * D("0.0195")))]
    return Slip(GENBRUG[0], GEN_ADDR, GENBRUG[1], "Aisha Benali", ["Galgebakken Øster 3-9", "2620 Albertslund"],
                dash(CPR["aisha"]), start, end, end, [("", "Løn, timer", D(hours), D(rate), sal)],
                emp_atp=D(emp_atp), employer_items=items, ytd_factor=ytd)


s07 = aisha_slip(date(2026, 10, 1), date(2026, 10, 31), "39.00", "140.00", 8, 33, 66)
body07 = f"""Hej

Hermed anmodning om refusion for Aisha Benali, CPR {dash(CPR['aisha'])}, for perioden 1. okt. 2026 - 31. okt. 2026.
Arbejdsgiver: {GENBRUG[0]}, CVR-nr. {GENBRUG[1]}
Aisha har fået flere timer (tillæg fra 12. oktober), timer i alt 39,0.

Løn               5.460,-
ATP                  66,-
Feriepenge          682,50
Særlig feriegodtg.  106,47
Ialt              6.314,97

Mvh Ali Hassan
Værkstedsleder
"""
case(7, "genbrug-addendum-over-cap-latin1",
     "iso-8859-1 text in 8bit, amounts '5.460,-', 'timer i alt 39,0', one-column Beløb(+)/Beløb(-) payslip. Hours raised from 6 to 9 a week from 12 October: cap 11x6/7 + 20x9/7 = 35,14 h; 39 h paid, scaled by 82/91, ATP kept.",
     datetime(2026, 11, 4, 15, 5, 9, tzinfo=CET), addr("Ali Hassan", "ali.hassan@albertslund.dk"),
     "Refusion okt. 2026 Aisha Benali",
     mixed(7, [text_part(body07, charset="iso-8859-1", cte="8bit")], [("loenseddel_oktober.pdf", onecol(s07), PDF)]),
     [claim("Aisha Benali", CPR["aisha"], GENBRUG[0], GENBRUG[1], "2026-10-01", "2026-10-31", "39.00",
            lines={"salary": "5460.00", "atp": "66.00", "holiday_pay": "682.50", "special_holiday_allowance": "106.47"},
            total="6314.97", slip=s07, slip_hours=("39.00", None))],
     [decision("2026-10-01", "partially_approved", "5696.94", ["HOURS_OVER_CAP"])])

# ===========================================================================================
# 08  Ole, October: the workplace's own claim form + SD-Løn-like payslip; employment from 8 Oct
# ===========================================================================================
# 33,00 h x 151,20 = 4.989,60; feriepenge 623,70; særlig 97,2972 -> 97,30; no ATP (< 39 h)
# total 5.710,60. Period 1.-31. Oct, employment starts 8 Oct: PERIOD_PARTLY_OUTSIDE (note);
# cap 24 x 10/7 = 34,29 >= 33. Approved 5.710,60. AM 4989,60*8 % = 399,168 -> 399.
sal08 = D("4989.60")
s08 = Slip(KOMMUNE[0], KOM_ADDR, KOMMUNE[1], "Ole Bjerregaard Lund", ["Herstedøstervej 120", "2620 Albertslund"],
           dash(CPR["ole"]), date(2026, 10, 1), date(2026, 10, 31), date(2026, 10, 30),
           [("0105", "Timeløn", D("33.00"), D("151.20"), sal08)],
           employer_items=[("4420", "Feriepenge", sal08, D("12.5"), D("623.70")),
                           ("4623", "Særlig feriegodtgørelse", sal08, D("1.95"), D("97.30"))],
           ytd_factor=1, extra={"afd": "Herstedlund Skole", "grad": "10,00/37,00"})
form08 = claim_form({"name": "Ole Bjerregaard Lund", "cpr": dash(CPR["ole"]), "employer": KOMMUNE[0],
                     "cvr": KOMMUNE[1], "workplace": "Herstedlund Skole", "period": "01.10.2026 - 31.10.2026",
                     "hours": "33,00",
                     "lines": [("Løn", "4.989,60"), ("Feriepenge 12,5 %", "623,70"), ("Særlig feriegodtgørelse 1,95 %", "97,30")],
                     "total": "5.710,60", "signed": "05.11.2026", "signer": "Pia Munk, skoleleder"})
body08 = """Hej

Vedlagt vores refusionsanmodning (skema) og lønseddel for Ole, som startede hos os den 8. oktober.

Hilsen
Pia Munk
Skoleleder, Herstedlund Skole
"""
case(8, "herstedlund-claim-form-starts-mid-month",
     "The body says almost nothing: the claim is the workplace's own 'Refusionsanmodning' form PDF (label/value boxes) next to an SD-Løn-like payslip. Employment starts 8 October, the period is the whole month: PERIOD_PARTLY_OUTSIDE note, 33 h fit the 24-day cap (34,29 h).",
     datetime(2026, 11, 5, 12, 0, 30, tzinfo=CET), addr("Pia Munk", "pia.munk@albertslund.dk"),
     "Refusion - Ole Bjerregaard Lund",
     mixed(8, [text_part(body08)], [("Refusionsanmodning Ole B. Lund okt 2026.pdf", form08, PDF),
                                    ("Lønspecifikation 10-2026.pdf", sdlon(s08), PDF)]),
     [claim("Ole Bjerregaard Lund", CPR["ole"], KOMMUNE[0], KOMMUNE[1], "2026-10-01", "2026-10-31", "33.00",
            lines={"salary": "4989.60", "holiday_pay": "623.70", "special_holiday_allowance": "97.30"},
            total="5710.60", slip=s08, slip_hours=("33.00", None))],
     [decision("2026-10-01", "approved", "5710.60", ["PERIOD_PARTLY_OUTSIDE"])])


# ===========================================================================================
# Maja Søgaard (Musikskolen, Albertslund Kommune), 10 h/week, praktik until 20 Sep; Visma MultiLøn
# ===========================================================================================
def maja_slip(start, end, hours, ytd, pension_pct=None, atp=0, emp_atp=0):
    sal = r2(D(hours) * 145)
    items = [("8110", "ATP arbejdsgiver", None, None, D(atp))]
    if pension_pct:
        items.append(("6020", "Pension firmabidrag", sal, D(pension_pct), r2(sal * D(pension_pct) / 100)))
    items += [("4420", "Feriepenge til FerieKonto", sal, D("12.5"), r2(sal * D("0.125"))),
              ("4623", "Særlig feriegodtgørelse", sal, D("1.95"), r2(sal * D("0.0195")))]
    return Slip(KOMMUNE[0], KOM_ADDR, KOMMUNE[1], "Maja Søgaard", ["Toftekæret 5", "2620 Albertslund"],
                dash(CPR["maja"]), start, end, end, [("1100", "Timeløn", D(hours), D(145), sal)],
                emp_atp=D(emp_atp), employer_items=items, ytd_factor=ytd,
                extra={"afd": "Musikskolen", "empno": "2291", "normtid": "10,00 t/uge"})


# 09  Maja, September: praktik 7.-20. Sep; 16 h paid for 21.-30. Sep -> over the 10-day cap
# 16,00 x 145,00 = 2.320,00; feriepenge 290,00; særlig 45,24; no ATP. Total 2.655,24.
# Days inside: 21.-30. Sep = 10: cap 100/7 = 14,29 h; factor (100/7)/16 = 25/28:
# 2320*25/28 = 2071,4286 -> 2071,43; 290*25/28 = 258,9286 -> 258,93; 45,24*25/28 = 40,3929 -> 40,39
# approved 2.370,75; PERIOD_PARTLY_OUTSIDE (note) + HOURS_OVER_CAP. AM 185,6 -> 186.
s09 = maja_slip(date(2026, 9, 1), date(2026, 9, 30), "16.00", 1)
body09 = f"""Hej Økonomigruppen

Refund claim for Maja Søgaard (CPR {dash(CPR['maja'])}) – september 2026. Maja startede i praktik 7/9 og er på løn fra 21/9.

Arbejdsgiver: {KOMMUNE[0]}, CVR {KOMMUNE[1]} (Musikskolen)
Periode: 01/09/2026 - 30/09/2026
Antal løntimer: 16,00

- Løn: kr 2.320,00
- Feriepenge: kr 290,00
- Særlig feriegodtgørelse: kr 45,24
- I alt: kr 2.655,24

Lønseddel (Visma MultiLøn) vedhæftet.

Mvh
Thomas Brink
Musikskoleleder
"""
case(9, "musikskole-praktik-overlap-over-cap",
     "Dash bullets with 'kr 2.320,00', dates 01/09/2026, praktik until 20 September: only 21-30 September are inside the paid employment (note), and 16 paid hours exceed that 10-day cap of 14,29 h (scaled by 25/28). Visma MultiLøn payslip.",
     datetime(2026, 10, 6, 11, 5, 27, tzinfo=CEST), addr("Thomas Brink", "thomas.brink@albertslund.dk"),
     "Refusion september – Maja Søgaard",
     mixed(9, [text_part(body09)], [("Lønseddel Maja Søgaard september.pdf", visma(s09, multilon=True), PDF)]),
     [claim("Maja Søgaard", CPR["maja"], KOMMUNE[0], KOMMUNE[1], "2026-09-01", "2026-09-30", "16.00",
            lines={"salary": "2320.00", "holiday_pay": "290.00", "special_holiday_allowance": "45.24"},
            total="2655.24", slip=s09, slip_hours=("16.00", None))],
     [decision("2026-09-01", "partially_approved", "2370.75", ["HOURS_OVER_CAP", "PERIOD_PARTLY_OUTSIDE"])])

# ===========================================================================================
# 10  Yusuf, September: the payslip is a JPEG phone photo; amounts only there -> LOW_CONFIDENCE
# ===========================================================================================
# 33,00 x 142,30 = 4.695,90; feriepenge 586,9875 -> 586,99; særlig 91,57005 -> 91,57; no ATP.
# Sum 5.374,46. AM 375,672 -> 376. Body gives name and month only.
s10 = yusuf_slip(date(2026, 9, 1), date(2026, 9, 30), "33.00", 4)
img10 = degrade(rasterise(bluegarden(s10), 170), seed=10, angle=1.2, noise=0.002, blur=0.6, shade=True)
body10 = """Hej

Her er et billede af Yusuf Demirs lønseddel for september 2026 – vi søger refusion af lønudgifterne, som de står på lønsedlen. Vores printer/scanner er i stykker, så jeg har taget et foto.

Venlig hilsen
Birthe Kold
Plejecenter Albertshøj, Albertslund Kommune
Sendt fra min iPhone
"""
case(10, "albertshoj-jpeg-photo-low-confidence",
     "The only payslip is a JPEG phone photo (slightly rotated, uneven light, noise): CPR, hours and amounts come only from OCR, so the claim goes to review. Body gives name and month.",
     datetime(2026, 10, 5, 14, 31, 12, tzinfo=CEST), addr("Birthe Kold", "birthe.kold@albertslund.dk"),
     "Lønseddel sept. Yusuf",
     mixed(10, [text_part(body10)], [("IMG_4127.jpg", jpeg(img10), "image/jpeg")]),
     [dict(claim("Yusuf Demir", CPR["yusuf"], KOMMUNE[0], KOMMUNE[1], "2026-09-01", "2026-09-30", "33.00",
                 lines={"salary": "4695.90", "holiday_pay": "586.99", "special_holiday_allowance": "91.57"},
                 total=None, slip=s10, slip_hours=("33.00", None)),
           **{"sources.employee.cpr": "ocr:IMG_4127.jpg#p1"})],
     [decision("2026-09-01", "manual_review", "0.00", ["LOW_CONFIDENCE"])])

# ===========================================================================================
# 11  Signe, September: image-only PDF scan (200 dpi, noise); the lines only there
# ===========================================================================================
# 41,00 x 160,15 = 6.566,15; pension 10 % = 656,615 -> 656,62; ATP 66,00; feriepenge 820,76875 -> 820,77;
# særlig 128,039925 -> 128,04. Sum 8.237,58. AM basis 6533,15; AM 522,652 -> 523.
# CPR, period and employer are in the body, but the claimed lines and hours are OCR only.
s11 = signe_slip(date(2026, 9, 1), date(2026, 9, 30), "41.00", 6)
img11 = degrade(rasterise(sls(s11), 200), seed=11, angle=-0.4, noise=0.0015, blur=0.4)
body11 = f"""Kære Økonomigruppe

Vi søger refusion for september 2026 for Signe Vestergaard Holm, CPR-nr. {dash(CPR['signe'])}.
Arbejdssted og CVR: {NATUR[0]}, {NATUR[1]}.
Beløbene fremgår af den indscannede lønmeddelelse.

Venlig hilsen
Jens Hvid
{NATUR[0]}
"""
case(11, "naturcenter-image-only-pdf-scan",
     "An image-only PDF scan (200 dpi, slight rotation and noise) of a Statens Lønsystem payslip. The body states name, CPR, CVR and month, but the hours and every claimed line are read only by OCR: LOW_CONFIDENCE.",
     datetime(2026, 10, 7, 9, 0, 51, tzinfo=CEST), addr("Jens Hvid", "jens.hvid@albertslund.dk"),
     "Refusion september 2026 - Signe V. Holm",
     mixed(11, [text_part(body11)], [("SKM_C25826100709000.pdf", image_pdf(img11, 200, "SKM_C25826100709000"), PDF)]),
     [claim("Signe Vestergaard Holm", CPR["signe"], NATUR[0], NATUR[1], "2026-09-01", "2026-09-30", "41.00",
            lines={"salary": "6566.15", "pension": "656.62", "atp": "66.00", "holiday_pay": "820.77",
                   "special_holiday_allowance": "128.04"},
            total=None, slip=s11, slip_hours=("41.00", None))],
     [decision("2026-09-01", "manual_review", "0.00", ["LOW_CONFIDENCE"])])


# ===========================================================================================
# Hanne Ibsen (Vestbadet, Albertslund Kommune), 7 h/week, salaried (SD-Løn-like)
# ===========================================================================================
def hanne_slip(start, end, ytd):
    # Månedsløn 4.650,00; ferietillæg 1,5 % = 69,75 (special_holiday_allowance); AM 372,00
    return Slip(KOMMUNE[0], KOM_ADDR, KOMMUNE[1], "Hanne Ibsen", ["Vridsløsevej 45", "2620 Albertslund"],
                dash(CPR["hanne"]), start, end, end, [("0100", "Månedsløn", None, None, D("4650.00"))],
                employer_items=[("4630", "Ferietillæg", D("4650.00"), D("1.5"), D("69.75"))],
                ytd_factor=ytd, extra={"afd": "Vestbadet", "grad": "7,00/37,00", "empno": "00871"})


# 12  Hanne, July, sent 1 November: 31 July + 3 months = 31 October -> LATE_CLAIM (one day late)
# salary 4.650,00 + ferietillæg 69,75 = 4.719,75; hours 30,00 <= cap 31*7/7 = 31. 155 kr/h.
s12 = hanne_slip(date(2026, 7, 1), date(2026, 7, 31), 3)
body12 = f"""Hej

Beklager, den her er blevet glemt i en bunke: refusion for juli 2026.

Medarbejder: Hanne Ibsen
Cpr: {dash(CPR['hanne'])}
Arbejdsgiver: {KOMMUNE[0]} (Vestbadet), cvr {KOMMUNE[1]}
Periode: juli 2026
Hanne er månedslønnet; timer i alt 30,00

Månedsløn 4.650,00
Ferietillæg 69,75
I alt 4.719,75

Lønsedlen er vedhæftet.

Hilsen Karin Lund
Vestbadet
"""
case(12, "vestbadet-july-one-day-late",
     "A July claim (period ends 31 July) sent 1 November: 31 July + 3 months is 31 October, so the claim is one day late. Salaried, hours in the mail only.",
     datetime(2026, 11, 1, 10, 2, 33, tzinfo=CET), addr("Karin Lund", "karin.lund@albertslund.dk"),
     "Refusion juli 2026 – Hanne Ibsen",
     mixed(12, [text_part(body12)], [("Lønspecifikation juli.pdf", sdlon(s12), PDF)]),
     [claim("Hanne Ibsen", CPR["hanne"], KOMMUNE[0], KOMMUNE[1], "2026-07-01", "2026-07-31", "30.00",
            lines={"salary": "4650.00", "special_holiday_allowance": "69.75"}, total="4719.75",
            slip=s12, slip_hours=(None, None))],
     [decision("2026-07-01", "manual_review", "0.00", ["LATE_CLAIM"])])

# ===========================================================================================
# 13  Emil, final settlement for October after his 30 September end; pension added by habit
# ===========================================================================================
# Claimed: feriepenge (restferie) 1.204,38 + særlig feriegodtgørelse 1.012,47 + pension 144,53 = 2.361,38
# Final settlement (period starts after the end, within 3 months): holiday lines as claimed,
# pension cut (FINAL_OTHER_LINES): approved 2.216,85. Payslip gross 2.216,85, no ATP, AM 177,348 -> 177.
s13 = Slip(IDRAET[0], IDR_ADDR, IDRAET[1], "Emil Kragh Poulsen", ["Bjørnsholmsvej 2", "2620 Albertslund"],
           dash(CPR["emil"]), date(2026, 10, 1), date(2026, 10, 31), date(2026, 10, 30),
           [("4450", "Feriepenge, fratrædelse", None, None, D("1204.38")),
            ("4625", "Særlig feriegodtgørelse, udbetaling", None, None, D("1012.47"))],
           employer_items=[("6020", "Pension arbejdsgiver", D("1204.38"), D("12"), D("144.53"))],
           ytd_factor=1, extra={"afd": "Idrætscentret", "empno": "087"})
body13 = f"""Hej Økonomigruppen

Emil Kragh Poulsen fratrådte sin stilling hos os pr. 30.09.2026. Vedlagt hans sidste lønseddel med fratrædelsesafregning, som vi søger refusion for.

Navn: Emil Kragh Poulsen
CPR.: {dash(CPR['emil'])}
Arbejdsgiver: {IDRAET[0]}, CVR: {IDRAET[1]}
Periode: 1/10-2026 – 31/10-2026

Feriepenge (restferie):            1.204,38
Særlig feriegodtgørelse:           1.012,47
Pension (arbejdsgiver):              144,53
I alt:                             2.361,38

Mvh
Lars Møller
"""
case(13, "idraet-final-settlement-pension-cut",
     "Final settlement ('fratrådte', 'sidste lønseddel') for October after a 30 September end date: the holiday lines are refunded as claimed, the pension added by habit is cut (FINAL_OTHER_LINES). Dates '1/10-2026'.",
     datetime(2026, 11, 9, 8, 55, 0, tzinfo=CET), addr("Lars Møller", "lars.moeller@albertslund-idraet.dk"),
     "Fratrædelse Emil Kragh Poulsen – sidste lønseddel",
     mixed(13, [text_part(body13)], [("Lønseddel_Emil_10-2026.pdf", visma(s13), PDF)]),
     [claim("Emil Kragh Poulsen", CPR["emil"], IDRAET[0], IDRAET[1], "2026-10-01", "2026-10-31", None,
            final=True,
            lines={"holiday_pay": "1204.38", "special_holiday_allowance": "1012.47", "pension": "144.53"},
            total="2361.38", slip=s13, slip_hours=(None, None))],
     # Expectation revised after the first run: RULES.md exempts only HOLIDAY_RATE and HOURS_MISSING
     # from a final settlement; PENSION_RATE ("pension above 20 % of salary", measured on the
     # claimed lines before cuts) is not exempt, and 144,53 > 20 % of a salary of 0,00. So the
     # literal rules add PENSION_RATE (manual_review, 0.00) on top of the FINAL_OTHER_LINES cut.
     [decision("2026-10-01", "manual_review", "0.00", ["FINAL_OTHER_LINES", "PENSION_RATE"])])


# ===========================================================================================
# Tobias Winther Dahl (Kulturværkstedet), 5 h/week, Danløn
# ===========================================================================================
def tobias_slip(start, end, hours, ytd, extra_holiday=None):
    sal = r2(D(hours) * 150)
    items = [("", "Pension firmabidrag", sal, D("12"), r2(sal * D("0.12"))),
             ("", "Feriepenge", sal, D("12.5"), r2(sal * D("0.125")))]
    if extra_holiday:
        items.append(("", "Feriepenge august (ikke afregnet)", None, None, D(extra_holiday)))
    items.append(("", "Særlig feriegodtgørelse", sal, D("1.95"), r2(sal * D("0.0195"))))
    return Slip(KULTUR[0], KUL_ADDR, KULTUR[1], "Tobias Winther Dahl", ["Kanalens Kvarter 12", "2620 Albertslund"],
                dash(CPR["tobias"]), start, end, end, [("", "Timeløn", D(hours), D(150), sal)],
                employer_items=items, ytd_factor=ytd, extra={"empno": "11"})


# 14  Tobias, October, sent by the association's bookkeeper (not a contact): SENDER_NOT_AUTHORIZED
# 22,00 x 150 = 3.300,00; pension 12 % 396,00; feriepenge 412,50; særlig 64,35. Total 4.172,85.
# Cap Oct 31*5/7 = 22,14 >= 22. No ATP. AM 264,00. Body base64.
s14 = tobias_slip(date(2026, 10, 1), date(2026, 10, 31), "22.00", 3)
body14 = f"""Til Økonomigruppen

Jeg har overtaget lønadministrationen i Kulturværkstedet og sender derfor refusionsanmodningen for oktober.

Ansat: Tobias Winther Dahl
CPR-nr: {dash(CPR['tobias'])}
Virksomhed: {KULTUR[0]}
CVR: {KULTUR[1]}
Periode: 01.10.2026 - 31.10.2026
Timer: 22

Løn                          3.300,00
Pension, firmabidrag 12 %      396,00
Feriepenge 12,5 %              412,50
Særlig feriegodtgørelse         64,35
I alt                        4.172,85

Med venlig hilsen
Henrik Storm
Bogholder (frivillig), {KULTUR[0]}
"""
case(14, "kultur-new-bookkeeper-unauthorized",
     "A new bookkeeper who is not a contact of the placement sends an otherwise clean claim (base64 body, 'Ansat:', 'Virksomhed:'): review, reply without personal data.",
     datetime(2026, 11, 5, 19, 44, 8, tzinfo=CET), addr("Henrik Storm", "regnskab@kulturvaerkstedet.dk"),
     "Refusion oktober 2026 – Tobias Winther Dahl",
     mixed(14, [text_part(body14, cte="base64")], [("Loenseddel-Tobias-2026-10.pdf", danlon(s14), PDF)]),
     [claim("Tobias Winther Dahl", CPR["tobias"], KULTUR[0], KULTUR[1], "2026-10-01", "2026-10-31", "22.00",
            lines={"salary": "3300.00", "pension": "396.00", "holiday_pay": "412.50", "special_holiday_allowance": "64.35"},
            total="4172.85", slip=s14, slip_hours=("22.00", None))],
     [decision("2026-10-01", "manual_review", "0.00", ["SENDER_NOT_AUTHORIZED"])])

# ===========================================================================================
# 15  Aisha, September: AM-bidrag claimed on top of a salary equal to the gross pay
# ===========================================================================================
# 25,00 x 140,00 = 3.500,00 = gross; AM 8 % = 280,00 (no employee ATP under 39 h); feriepenge 437,50;
# særlig 68,25. Claimed 3500+280+437,50+68,25 = 4.285,75. AM_DOUBLE_COUNTED cuts 280,00 -> 4.005,75.
# (AM_RATE holds: 280,00 = 8 % of 3.500,00.) Cap Sep 30*6/7 = 25,71 >= 25.
s15 = aisha_slip(date(2026, 9, 1), date(2026, 9, 30), "25.00", "140.00", 7, 0, 0)
body15 = f"""Hej Jobcenter

Refusion for september 2026:

Navn ...................... Aisha Benali
CPR ....................... {CPR['aisha']}
Arbejdsgiver .............. {GENBRUG[0]}
CVR ....................... {GENBRUG[1]}
Periode ................... 01.09.2026 - 30.09.2026
Timer ..................... 25,00

- Løn ..................... 3.500,00
- AM-bidrag 8 % ........... 280,00
- Feriepenge .............. 437,50
- Særlig feriegodtgørelse . 68,25
I alt ..................... 4.285,75

Mvh Ali Hassan
"""
case(15, "genbrug-am-double-counted-dot-leaders",
     "Dot leaders between labels and values; the salary equals the payslip's gross pay and AM-bidrag is claimed on top: AM_DOUBLE_COUNTED cuts it.",
     datetime(2026, 10, 8, 10, 0, 14, tzinfo=CEST), addr("Ali Hassan", "ali.hassan@albertslund.dk"),
     "Refusion sep. Aisha",
     mixed(15, [text_part(body15)], [("loenseddel_september.pdf", onecol(s15), PDF)]),
     [claim("Aisha Benali", CPR["aisha"], GENBRUG[0], GENBRUG[1], "2026-09-01", "2026-09-30", "25.00",
            lines={"salary": "3500.00", "am_bidrag": "280.00", "holiday_pay": "437.50", "special_holiday_allowance": "68.25"},
            total="4285.75", slip=s15, slip_hours=("25.00", None))],
     [decision("2026-09-01", "partially_approved", "4005.75", ["AM_DOUBLE_COUNTED"])])

# ===========================================================================================
# 16  Yusuf, August: ATP charged for 35 paid hours, whose bracket (< 39 h) is 0,00
# ===========================================================================================
# 35,00 x 142,30 = 4.980,50; feriepenge 622,5625 -> 622,56; særlig 97,11975 -> 97,12; ATP 66,00.
# Total 5.766,18. Cap Aug 31*8/7 = 35,43 >= 35. ATP cut to 0,00 -> approved 5.700,18.
# Payslip: employee ATP 33 wrongly withheld -> AM basis 4947,50; AM 395,80 -> 396.
s16 = yusuf_slip(date(2026, 8, 1), date(2026, 8, 31), "35.00", 3, atp_wrong=True)
body16 = f"""Hej

Refusion for Yusuf Demir ({dash(CPR['yusuf'])}) for august måned 2026.
Arbejdsgiver: {KOMMUNE[0]} – CVR-nr. {KOMMUNE[1]}
Timer: 35,00

Timeløn                    4.980,50 kr.
ATP arbejdsgiverbidrag        66,00 kr.
Feriepenge                   622,56 kr.
Særlig feriegodtgørelse       97,12 kr.
I alt                      5.766,18 kr.

Venlig hilsen
Birthe Kold
Plejecenter Albertshøj
"""
case(16, "albertshoj-atp-below-first-bracket",
     "Payroll charged ATP (66 kr employer share) for 35 paid hours; under 39 hours the bracket is 0,00, so the whole ATP line is cut.",
     datetime(2026, 9, 4, 13, 20, 45, tzinfo=CEST), addr("Birthe Kold", "birthe.kold@albertslund.dk"),
     "Refusion august – Yusuf Demir",
     mixed(16, [text_part(body16)], [("Lønspecifikation august 2026.pdf", bluegarden(s16), PDF)]),
     [claim("Yusuf Demir", CPR["yusuf"], KOMMUNE[0], KOMMUNE[1], "2026-08-01", "2026-08-31", "35.00",
            lines={"salary": "4980.50", "atp": "66.00", "holiday_pay": "622.56", "special_holiday_allowance": "97.12"},
            total="5766.18", slip=s16, slip_hours=("35.00", None))],
     [decision("2026-08-01", "partially_approved", "5700.18", ["ATP_OVER_BRACKET"])])

# ===========================================================================================
# 17  Tobias, September: two holiday_pay lines that together exceed 15 % -> HOLIDAY_RATE
# ===========================================================================================
# 21,00 x 150 = 3.150,00; pension 12 % 378,00; feriepenge 393,75 + August's 210,00 = 603,75;
# særlig 61,425 -> 61,43. Total 4.193,18. 603,75 > 15 % of 3.150,00 + 1,00 = 473,50 -> HOLIDAY_RATE.
# Cap Sep 30*5/7 = 21,43 >= 21. AM 252,00.
s17 = tobias_slip(date(2026, 9, 1), date(2026, 9, 30), "21.00", 2, extra_holiday="210.00")
body17 = f"""Hej

Refusion for Tobias Winther Dahl, CPR {dash(CPR['tobias'])}, september 2026.
{KULTUR[0]}, CVR {KULTUR[1]}. Timer: 21,00.

Timeløn                                   3.150,00
Pension firmabidrag 12 %                    378,00
Feriepenge 12,5 %                           393,75
Feriepenge august (ikke afregnet i aug.)    210,00
Særlig feriegodtgørelse 1,95 %               61,43
I alt                                     4.193,18

Mvh
Mette Sand
"""
case(17, "kultur-holiday-pay-two-lines-over-15pct",
     "Two holiday_pay lines (this month's 12,5 % plus August's that was not settled) add up to 19 % of the pay: HOLIDAY_RATE.",
     datetime(2026, 10, 9, 12, 0, 3, tzinfo=CEST), addr("Mette Sand", "mette.sand@kulturvaerkstedet.dk"),
     "Refusion september 2026 - Tobias",
     mixed(17, [text_part(body17)], [("Loenseddel-Tobias-2026-09.pdf", danlon(s17), PDF)]),
     [claim("Tobias Winther Dahl", CPR["tobias"], KULTUR[0], KULTUR[1], "2026-09-01", "2026-09-30", "21.00",
            lines={"salary": "3150.00", "pension": "378.00", "holiday_pay": "603.75", "special_holiday_allowance": "61.43"},
            total="4193.18", slip=s17, slip_hours=("21.00", None))],
     [decision("2026-09-01", "manual_review", "0.00", ["HOLIDAY_RATE"])])

# ===========================================================================================
# 18  Maja, October: pension 21 % of salary -> PENSION_RATE
# ===========================================================================================
# 42,00 x 145 = 6.090,00; pension 21 % = 1.278,90; ATP 66,00; feriepenge 761,25; særlig 118,755 -> 118,76
# Total 8.314,91. 1278,90 > 20 % of 6090 = 1218,00. AM basis 6057,00; AM 484,56 -> 485.
s18 = maja_slip(date(2026, 10, 1), date(2026, 10, 31), "42.00", 2, pension_pct="21", atp=66, emp_atp=33)
body18 = f"""Hej

Refusion oktober 2026 – Maja Søgaard, cpr {dash(CPR['maja'])}
Arbejdsgiver: {KOMMUNE[0]}, CVR {KOMMUNE[1]}
Perioden 1.-31. oktober 2026, 42 løntimer.

Løn: 6.090,00 kr.
Pension (musikskolelærer-overenskomst, 21 %): 1.278,90 kr.
ATP: 66,00 kr.
Feriepenge: 761,25 kr.
Særlig feriegodtgørelse: 118,76 kr.
I alt: 8.314,91 kr.

Mvh Thomas Brink
"""
case(18, "musikskole-pension-21-percent",
     "Pension at 21 % of salary (above 20 %): review. Visma MultiLøn payslip with pension firmabidrag in the employer block.",
     datetime(2026, 11, 6, 10, 15, 0, tzinfo=CET), addr("Thomas Brink", "thomas.brink@albertslund.dk"),
     "Refusion oktober 2026 – Maja Søgaard",
     mixed(18, [text_part(body18)], [("Lønseddel Maja Søgaard oktober.pdf", visma(s18, multilon=True), PDF)]),
     [claim("Maja Søgaard", CPR["maja"], KOMMUNE[0], KOMMUNE[1], "2026-10-01", "2026-10-31", "42.00",
            lines={"salary": "6090.00", "pension": "1278.90", "atp": "66.00", "holiday_pay": "761.25",
                   "special_holiday_allowance": "118.76"},
            total="8314.91", slip=s18, slip_hours=("42.00", None))],
     [decision("2026-10-01", "manual_review", "0.00", ["PENSION_RATE"])])

# ===========================================================================================
# 19  Aisha, August: 98,00 kr an hour (below 100) -> HOURLY_RATE_IMPLAUSIBLE
# ===========================================================================================
# 26,00 x 98,00 = 2.548,00; feriepenge 318,50; særlig 49,686 -> 49,69. Total 2.916,19.
# Cap Aug 31*6/7 = 26,57 >= 26. AM 203,84 -> 204.
s19 = aisha_slip(date(2026, 8, 1), date(2026, 8, 31), "26.00", "98.00", 6, 0, 0)
body19 = f"""Hej Økonomigruppen

Hermed refusionsanmodning for august 2026.

Ansat: Aisha Benali ({dash(CPR['aisha'])})
Arbejdsgiver: {GENBRUG[0]} / CVR {GENBRUG[1]}
Periode: 01-08-2026 - 31-08-2026
Timer: 26

Løn 2548,00 kr
Feriepenge 318,50 kr
Særlig feriegodtgørelse 49,69 kr
I alt 2916,19 kr

Hilsen Ali
"""
case(19, "genbrug-hourly-rate-98",
     "Salary per hour 98,00 kr, just under the plausible range (100-400): review. Amounts without thousands separator ('2548,00 kr'), dates 01-08-2026.",
     datetime(2026, 9, 7, 8, 40, 19, tzinfo=CEST), addr("Ali Hassan", "ali.hassan@albertslund.dk"),
     "Refusion august 2026 Aisha Benali",
     mixed(19, [text_part(body19)], [("loenseddel_august.pdf", onecol(s19), PDF)]),
     [claim("Aisha Benali", CPR["aisha"], GENBRUG[0], GENBRUG[1], "2026-08-01", "2026-08-31", "26.00",
            lines={"salary": "2548.00", "holiday_pay": "318.50", "special_holiday_allowance": "49.69"},
            total="2916.19", slip=s19, slip_hours=("26.00", None))],
     [decision("2026-08-01", "manual_review", "0.00", ["HOURLY_RATE_IMPLAUSIBLE"])])

# ===========================================================================================
# 20  Hanne, September: total typed as 4.791,75 but the lines add up to 4.719,75 -> TOTAL_MISMATCH
# ===========================================================================================
# Hours 30,00 = cap 30*7/7 = 30 exactly (not over).
s20 = hanne_slip(date(2026, 9, 1), date(2026, 9, 30), 5)
body20 = f"""Hej

Refusion for september 2026 for Hanne Ibsen (cpr {dash(CPR['hanne'])}), {KOMMUNE[0]}, CVR {KOMMUNE[1]}.
Hanne er månedslønnet, timer i alt 30,00 i september.

Månedsløn      4.650,00
Ferietillæg       69,75
I alt          4.791,75

Hilsen Karin Lund, Vestbadet
"""
case(20, "vestbadet-total-typo",
     "The stated total (4.791,75) is not the sum of the lines (4.719,75). The 30 hours equal September's cap exactly (30x7/7), which is not over it.",
     datetime(2026, 10, 12, 11, 11, 11, tzinfo=CEST), addr("Karin Lund", "karin.lund@albertslund.dk"),
     "Refusion sept. 2026 – Hanne Ibsen",
     mixed(20, [text_part(body20)], [("Lønspecifikation september.pdf", sdlon(s20), PDF)]),
     [claim("Hanne Ibsen", CPR["hanne"], KOMMUNE[0], KOMMUNE[1], "2026-09-01", "2026-09-30", "30.00",
            lines={"salary": "4650.00", "special_holiday_allowance": "69.75"}, total="4791.75",
            slip=s20, slip_hours=(None, None))],
     [decision("2026-09-01", "manual_review", "0.00", ["TOTAL_MISMATCH"])])

# ===========================================================================================
# 21  Rasmus, October: 330 kr an hour, everything holds, above 15.000 kr -> FOUR_EYES
# ===========================================================================================
# 43,00 x 330,00 = 14.190,00; pension 12 % 1.702,80; ATP 66,00; feriepenge 1.773,75;
# særlig 276,705 -> 276,71. Total 18.009,26. AM basis 14.157,00; AM 1.132,56 -> 1.133.
s21 = signe_slip(date(2026, 10, 1), date(2026, 10, 31), "43.00", 3, who="rasmus", rate="330.00", pension="12")
body21 = f"""Kære Økonomigruppe

Hermed anmodning om refusion – Rasmus Kiær Nørgaard (biolog, ansat i job på få lønnede timer).

Navn; Rasmus Kiær Nørgaard
CPR; {dash(CPR['rasmus'])}
Arbejdssted og CVR; {NATUR[0]}, {NATUR[1]}
Periode; 01.10.26-31.10.26
Timer; 43,00

Løndel;Beløb
Timeløn;14.190,00
Pension arbejdsgiver 12 %;1.702,80
ATP;66,00
Feriepenge 12,5 %;1.773,75
Særlig feriegodtgørelse 1,95 %;276,71
I alt;18.009,26

Venlig hilsen
Jens Hvid
"""
case(21, "naturcenter-four-eyes-semicolons",
     "A semicolon-separated table pasted from a spreadsheet, two-digit years (01.10.26); 330 kr an hour, all rules hold, but the amount exceeds 15.000 kr: FOUR_EYES.",
     datetime(2026, 11, 6, 13, 30, 0, tzinfo=CET), addr("Jens Hvid", "jens.hvid@albertslund.dk"),
     "Refusion okt. – Rasmus Kiær Nørgaard",
     mixed(21, [text_part(body21)], [("Lønmeddelelse Rasmus 2026-10.pdf", sls(s21), PDF)]),
     [claim("Rasmus Kiær Nørgaard", CPR["rasmus"], NATUR[0], NATUR[1], "2026-10-01", "2026-10-31", "43.00",
            lines={"salary": "14190.00", "pension": "1702.80", "atp": "66.00", "holiday_pay": "1773.75",
                   "special_holiday_allowance": "276.71"},
            total="18009.26", slip=s21, slip_hours=("43.00", None))],
     [decision("2026-10-01", "manual_review", "0.00", ["FOUR_EYES"])])

# ===========================================================================================
# 22  Signe, October corrected (44 h instead of 42): 'korrektion' -> CORRECTION (not DUPLICATE)
# ===========================================================================================
# 44,00 x 160,15 = 7.046,60; pension 704,66; ATP 66,00; feriepenge 880,825 -> 880,83; særlig 137,4087 -> 137,41
# total 8.835,50. Cap Oct 44,29 >= 44. AM basis 7013,60; AM 561,088 -> 561.
s22 = signe_slip(date(2026, 10, 1), date(2026, 10, 31), "44.00", 7)
body22 = f"""Kære Økonomigruppe

Korrektion til vores refusionsanmodning af 3. november for oktober: Signe havde 44 løntimer, ikke 42. Lønnen er rettet, og den nye lønmeddelelse er vedhæftet. Denne anmodning afløser den forrige.

Borgerens navn: Signe Vestergaard Holm
Personnr.: {dash(CPR['signe'])}
Arbejdssted og CVR: {NATUR[0]}, {NATUR[1]}
Refusionsperiode: oktober måned 2026
Antal løntimer: 44,00

Timeløn                        7.046,60
Pension, arbejdsgiverandel       704,66
ATP-bidrag, arbejdsgiver          66,00
Feriepenge 12,5 %                880,83
Særlig feriegodtgørelse          137,41
I alt                          8.835,50

Venlig hilsen
Jens Hvid
"""
case(22, "naturcenter-korrektion",
     "A new mail (not a reply) that says 'Korrektion ... afløser den forrige' for October, which case 05 already claimed: review as CORRECTION, never DUPLICATE.",
     datetime(2026, 11, 10, 9, 25, 0, tzinfo=CET), addr("Jens Hvid", "jens.hvid@albertslund.dk"),
     "Korrigeret lønmeddelelse oktober – Signe Vestergaard Holm",
     mixed(22, [text_part(body22)], [("Lønmeddelelse 2026-10 rettet.pdf", sls(s22), PDF)]),
     [claim("Signe Vestergaard Holm", CPR["signe"], NATUR[0], NATUR[1], "2026-10-01", "2026-10-31", "44.00",
            correction=True,
            lines={"salary": "7046.60", "pension": "704.66", "atp": "66.00", "holiday_pay": "880.83",
                   "special_holiday_allowance": "137.41"},
            total="8835.50", slip=s22, slip_hours=("44.00", None))],
     [decision("2026-10-01", "manual_review", "0.00", ["CORRECTION"])])

# ===========================================================================================
# 23-25  Mikkel, September: no payslip, no sick dates -> needs_information; an out-of-office
#        in the thread; then the answer with the sick dates and the payslip -> approved
# ===========================================================================================
# worked 16,00 x 155 = 2.480,00; sick 21,50 x 155 = 3.332,50; base 5.812,50;
# feriepenge 726,5625 -> 726,56; særlig 113,34375 -> 113,34. Total 6.652,40. 37,5 h < 39: no ATP.
# Cap Sep 30*9/7 = 38,57 >= 37,5. Sick 14.-30. Sep = 17 days <= 30. AM 465,00.
s25 = mikkel_slip(date(2026, 9, 1), date(2026, 9, 30), "16.00", "21.50", 4)
body23 = f"""Hej

Refusion for Mikkel Ravn Thomsen for september 2026.

CPR: {dash(CPR['mikkel'])}
Arbejdsgiver: {KULTUR[0]}, CVR {KULTUR[1]}
Periode: september 2026
Timer: 16,00 arbejdet + 21,50 med sygeløn

Løn            2.480,00
Sygeløn        3.332,50
Feriepenge       726,56
Særlig fg.       113,34
I alt          6.652,40

Mikkel blev syg i september. Lønsedlen eftersender vi, når Danløn har kørt.

Mvh Mette Sand
"""
case(23, "kultur-sick-pay-no-dates-no-payslip",
     "Sick pay claimed without the first and last sick day, and no payslip attached: the claim waits for information.",
     datetime(2026, 10, 13, 9, 30, 0, tzinfo=CEST), addr("Mette Sand", "mette.sand@kulturvaerkstedet.dk"),
     "Refusion september 2026 – Mikkel Ravn Thomsen",
     text_part(body23),
     [claim("Mikkel Ravn Thomsen", CPR["mikkel"], KULTUR[0], KULTUR[1], "2026-09-01", "2026-09-30", "16.00", "21.50",
            lines={"salary": "2480.00", "sick_pay": "3332.50", "holiday_pay": "726.56", "special_holiday_allowance": "113.34"},
            total="6652.40")],
     [decision("2026-09-01", "needs_information", "0.00", ["PAYSLIP_MISSING", "SICK_INFO_MISSING"])])

body24 = """I am out of the office until Monday 19 October 2026 with limited access to e-mail.
Jeg er på ferie til og med fredag den 16. oktober og læser ikke mails. Ved hastesager om løn og refusion: kontor@kulturvaerkstedet.dk.

Best regards / Venlig hilsen
Mette Sand
"""
case(24, "kultur-out-of-office-english-no-header",
     "An English/Danish out-of-office ('Out of Office:' subject, no Auto-Submitted header) in the thread of case 23: not a claim, and it completes nothing.",
     datetime(2026, 10, 13, 9, 31, 2, tzinfo=CEST), addr("Mette Sand", "mette.sand@kulturvaerkstedet.dk"),
     "Out of Office: SV: Refusion september 2026 – Mikkel Ravn Thomsen",
     text_part(body24), [], NOT_A_CLAIM, problems=["NOT_A_CLAIM"],
     in_reply_to="<reply-ho-23@jobcenter.albertslund.test>",
     references=(f"<ho-23@{DOMAIN}>", "<reply-ho-23@jobcenter.albertslund.test>"),
     extra_headers=[("X-Auto-Response-Suppress", "All")])

body25 = f"""Hej igen

Her er svaret: Mikkels første sygedag var 14/9-2026, og han var stadig syg den 30/9-2026 (sidste sygedag i september). Lønsedlen fra Danløn er vedhæftet nu.

Mvh Mette Sand

Fra: Jobcenter Albertslund <jobcenter@albertslund.dk>
Sendt: 13. oktober 2026 09:30
Til: Mette Sand <mette.sand@kulturvaerkstedet.dk>
Emne: SV: Refusion september 2026 – Mikkel Ravn Thomsen

Vi har modtaget jeres anmodning om refusion, men kan ikke behandle den endnu:
- der er ikke vedhæftet en lønseddel
- der søges løn under sygdom, men første og sidste sygedag er ikke oplyst

Svar venligst på denne mail.

Med venlig hilsen
Økonomigruppen, Jobcenter Albertslund

Fra: Mette Sand <mette.sand@kulturvaerkstedet.dk>
Sendt: 13. oktober 2026 09:30
Emne: Refusion september 2026 – Mikkel Ravn Thomsen

Refusion for Mikkel Ravn Thomsen for september 2026.

CPR: {dash(CPR['mikkel'])}
Arbejdsgiver: {KULTUR[0]}, CVR {KULTUR[1]}
Periode: september 2026
Timer: 16,00 arbejdet + 21,50 med sygeløn

Løn            2.480,00
Sygeløn        3.332,50
Feriepenge       726,56
Særlig fg.       113,34
I alt          6.652,40
"""
case(25, "kultur-answer-with-sick-dates-and-payslip",
     "The answer to case 23 (In-Reply-To the Jobcenter's reply, References also the original) gives the sick spell (14/9-2026 to 30/9-2026) and the payslip: the waiting claim is completed and approved.",
     datetime(2026, 10, 19, 8, 45, 36, tzinfo=CEST), addr("Mette Sand", "mette.sand@kulturvaerkstedet.dk"),
     "SV: Refusion september 2026 – Mikkel Ravn Thomsen",
     mixed(25, [text_part(body25)], [("Loenseddel-Mikkel-2026-09.pdf", danlon(s25), PDF)]),
     [claim("Mikkel Ravn Thomsen", CPR["mikkel"], KULTUR[0], KULTUR[1], "2026-09-01", "2026-09-30", "16.00", "21.50",
            "2026-09-14", "2026-09-30",
            lines={"salary": "2480.00", "sick_pay": "3332.50", "holiday_pay": "726.56", "special_holiday_allowance": "113.34"},
            total="6652.40", slip=s25, slip_hours=("16.00", "21.50"))],
     [decision("2026-09-01", "approved", "6652.40", [])],
     in_reply_to="<reply-ho-23@jobcenter.albertslund.test>",
     references=(f"<ho-23@{DOMAIN}>", "<reply-ho-23@jobcenter.albertslund.test>"))

# ===========================================================================================
# 26  Jakob Frost: no placement for his CPR -> PLACEMENT_NOT_FOUND (forwarded by the leader)
# ===========================================================================================
# 40,00 x 150,00 = 6.000,00; ATP 66,00; feriepenge 750,00; særlig 117,00. Total 6.933,00.
sal26 = D("6000.00")
s26 = Slip(IDRAET[0], IDR_ADDR, IDRAET[1], "Jakob Frost", ["Porsager 3", "2620 Albertslund"], dash(CPR["jakob"]),
           date(2026, 10, 1), date(2026, 10, 31), date(2026, 10, 30), [("1100", "Timeløn", D(40), D(150), sal26)],
           emp_atp=D(33), employer_items=[("8110", "ATP arbejdsgiver", None, None, D(66)),
                                          ("4420", "Feriepenge til FerieKonto", sal26, D("12.5"), D("750.00")),
                                          ("4623", "Særlig feriegodtgørelse", sal26, D("1.95"), D("117.00"))],
           ytd_factor=2, extra={"afd": "Idrætscentret", "empno": "131"})
body26 = f"""Hej

Videresender fra vores løn – Jakob er startet i september i et job på få timer. Kan I refundere oktober?

Mvh Lars

---------- Forwarded message ---------
From: Løn Idrætscentret <loen@albertslund-idraet.dk>
Date: ons. 4. nov. 2026 kl. 15.12
Subject: Refusion oktober - Jakob Frost
To: Lars Møller <lars.moeller@albertslund-idraet.dk>

Medarbejder: Jakob Frost
CPR-nummer: {dash(CPR['jakob'])}
Arbejdsgiver: {IDRAET[0]}, CVR {IDRAET[1]}
Periode: 01.10.2026-31.10.2026
Timer: 40,00

Løn 6.000,00
ATP 66,00
Feriepenge 750,00
Særlig feriegodtgørelse 117,00
I alt 6.933,00
"""
case(26, "idraet-no-placement-forwarded",
     "A claim for a person with no approved placement, forwarded Gmail-style ('---------- Forwarded message ---------'): rejected.",
     datetime(2026, 11, 6, 9, 2, 0, tzinfo=CET), addr("Lars Møller", "lars.moeller@albertslund-idraet.dk"),
     "Fwd: Refusion oktober - Jakob Frost",
     mixed(26, [text_part(body26)], [("Lønseddel_Jakob_10-2026.pdf", visma(s26), PDF)]),
     [claim("Jakob Frost", CPR["jakob"], IDRAET[0], IDRAET[1], "2026-10-01", "2026-10-31", "40.00",
            lines={"salary": "6000.00", "atp": "66.00", "holiday_pay": "750.00", "special_holiday_allowance": "117.00"},
            total="6933.00", slip=s26, slip_hours=("40.00", None))],
     [decision("2026-10-01", "rejected", "0.00", ["PLACEMENT_NOT_FOUND"])])

# ===========================================================================================
# 27  Hanne, October, but September's payslip attached by mistake -> BODY_PAYSLIP_MISMATCH
# ===========================================================================================
# Lines as every month: 4.650,00 + 69,75 = 4.719,75; 31 h = cap 31*7/7. The payslip's period is
# 01.09.-30.09.2026 (the same amounts), which differs from the claim's October.
body27 = f"""Hej igen

Refusion oktober 2026 for Hanne Ibsen (cpr {dash(CPR['hanne'])}), {KOMMUNE[0]}, CVR {KOMMUNE[1]}.
Periode: 1. oktober 2026 - 31. oktober 2026. Timer i alt 31,00.

Månedsløn      4.650,00
Ferietillæg       69,75
I alt          4.719,75

Lønseddel vedhæftet.
Karin Lund, Vestbadet
"""
case(27, "vestbadet-wrong-months-payslip",
     "October claim with September's payslip attached by mistake (same amounts): the payslip's period differs from the claim's.",
     datetime(2026, 11, 9, 14, 2, 0, tzinfo=CET), addr("Karin Lund", "karin.lund@albertslund.dk"),
     "Refusion okt. 2026 – Hanne Ibsen",
     mixed(27, [text_part(body27)], [("Lønspecifikation september.pdf", sdlon(s20), PDF)]),
     [claim("Hanne Ibsen", CPR["hanne"], KOMMUNE[0], KOMMUNE[1], "2026-10-01", "2026-10-31", "31.00",
            lines={"salary": "4650.00", "special_holiday_allowance": "69.75"}, total="4719.75",
            slip=s20, slip_hours=(None, None))],
     [decision("2026-10-01", "manual_review", "0.00", ["BODY_PAYSLIP_MISMATCH"])])

# ===========================================================================================
# 28  A question (mentions refusion, hours, a CPR): not a claim
# ===========================================================================================
body28 = f"""Hej Økonomigruppen

Quick question: Maja Søgaard ({dash(CPR['maja'])}) skal efter planen op på 12 timer om ugen fra januar. Kan vi søge refusion for de 2 ekstra timer, eller skal vi sende en ny ansøgning/et tillæg først? Og gælder refusionen også for hendes kørsel til koncerter?

På forhånd tak.

Mvh Thomas Brink
Musikskoleleder
"""
case(28, "musikskole-question-more-hours",
     "A question about more hours and transport costs; it names the employee and her CPR, but claims nothing.",
     datetime(2026, 10, 20, 15, 44, 0, tzinfo=CEST), addr("Thomas Brink", "thomas.brink@albertslund.dk"),
     "Spørgsmål: flere timer + kørsel?",
     text_part(body28), [], NOT_A_CLAIM, problems=["NOT_A_CLAIM"])

# ===========================================================================================
# 29  A newsletter with ATP rates, feriepenge and refusion: not a claim
# ===========================================================================================
html29 = """<html><body style="font-family:Arial">
<h1>Nyt fra Løn &amp; Personale – november 2026</h1>
<p>Kære ledere og lønansvarlige</p>
<h2>ATP-satser 2027</h2>
<table border="1" cellpadding="4"><tr><th>Timer pr. måned</th><th>I alt</th><th>Arbejdsgiver</th><th>Medarbejder</th></tr>
<tr><td>117 eller flere</td><td>297,00</td><td>198,00</td><td>99,00</td></tr>
<tr><td>78 - 116</td><td>198,00</td><td>132,00</td><td>66,00</td></tr>
<tr><td>39 - 77</td><td>99,00</td><td>66,00</td><td>33,00</td></tr></table>
<h2>Feriepenge og særlig feriegodtgørelse</h2>
<p>Husk at feriepenge (12,5 %) for timelønnede indberettes til FerieKonto senest den 10. i måneden. Særlig feriegodtgørelse er 1,95 % for de fleste grupper.</p>
<h2>Refusion for job på få lønnede timer</h2>
<p>Send lønsedlen til Jobcenter@albertslund.dk hver måned, mærket ATT: Økonomigruppe. Husk CPR, CVR, periode og timer. Fristen er 3 måneder efter periodens udløb.</p>
<p>Periode for næste lønkørsel: 01.12.2026 - 31.12.2026. Disp. dato 30.12.2026.</p>
<p>Med venlig hilsen<br>Løn &amp; Personale, Albertslund Kommune</p>
<p style="font-size:8pt">Du modtager dette nyhedsbrev, fordi du er lønansvarlig. <a href="https://albertslund.dk/afmeld">Afmeld</a></p>
</body></html>
"""
text29 = """Nyt fra Løn & Personale – november 2026

ATP-satser 2027: 117 timer eller flere 297,00 (arbejdsgiver 198,00), 78-116 timer 198,00 (132,00), 39-77 timer 99,00 (66,00).
Feriepenge (12,5 %) for timelønnede indberettes til FerieKonto senest den 10. Særlig feriegodtgørelse er 1,95 %.
Refusion for job på få lønnede timer: send lønsedlen til Jobcenter@albertslund.dk hver måned, mærket ATT: Økonomigruppe.
Periode for næste lønkørsel: 01.12.2026 - 31.12.2026.

Løn & Personale, Albertslund Kommune
Afmeld: https://albertslund.dk/afmeld
"""
case(29, "newsletter-atp-rates",
     "The payroll department's newsletter (ATP table, feriepenge rates, how to claim refusion, a period): not a claim.",
     datetime(2026, 11, 16, 7, 0, 0, tzinfo=CET), addr("Løn & Personale", "nyhedsbrev@albertslund.dk"),
     "Nyt fra Løn & Personale – november 2026",
     multipart("alternative", "----=_Part_ho29_alt", [text_part(text29), text_part(html29, "html")]),
     [], NOT_A_CLAIM, problems=["NOT_A_CLAIM"],
     extra_headers=[("List-Unsubscribe", "<https://albertslund.dk/afmeld>"), ("Precedence", "bulk")])


# ===========================================================================================
# 30-32  Payslip-only claims (the body does not itemise) on Danløn, Beløb(+)/(-) and Bluegarden
# ===========================================================================================
# 30 Tobias, August: 20,00 x 150 = 3.000,00; pension 12 % 360,00; feriepenge 375,00; særlig 58,50
# sum 3.793,50 (no total written). Cap Aug 31*5/7 = 22,14 >= 20. No ATP. AM 240,00.
# The body names the employee only; CPR, CVR and period come from the payslip.
s30 = tobias_slip(date(2026, 8, 1), date(2026, 8, 31), "20.00", 1)
body30 = """Hej

Vedhæftet Tobias Winther Dahls lønseddel for august. Vi søger refusion for løn og arbejdsgiverbidrag som vist på lønsedlen.

Mvh Mette Sand
Kulturværkstedet
"""
case(30, "kultur-danlon-payslip-only",
     "The body names the employee only: CPR, CVR, period, hours and lines all come from a Danløn payslip ('Personnr.', 'Lønperiode', 'Firmabetalte ydelser', an 'I år' column).",
     datetime(2026, 9, 8, 10, 20, 0, tzinfo=CEST), addr("Mette Sand", "mette.sand@kulturvaerkstedet.dk"),
     "Lønseddel august – Tobias",
     mixed(30, [text_part(body30)], [("Loenseddel-Tobias-2026-08.pdf", danlon(s30), PDF)]),
     [claim("Tobias Winther Dahl", CPR["tobias"], KULTUR[0], KULTUR[1], "2026-08-01", "2026-08-31", "20.00",
            lines={"salary": "3000.00", "pension": "360.00", "holiday_pay": "375.00", "special_holiday_allowance": "58.50"},
            total=None, slip=s30, slip_hours=("20.00", None))],
     [decision("2026-08-01", "approved", "3793.50", [])])

# 31 Aisha, July: 24,00 x 140,00 = 3.360,00; feriepenge 420,00; særlig 65,52; employer ATP 0,00 (not a line)
# sum 3.845,52. Cap Jul 31*6/7 = 26,57 >= 24. AM 268,80 -> 269.
s31 = aisha_slip(date(2026, 7, 1), date(2026, 7, 31), "24.00", "140.00", 5, 0, 0)
body31 = f"""Hej

Refusion for juli for Aisha Benali, cpr {dash(CPR['aisha'])}. Beløbene fremgår af lønsedlen (arbejdsgivers andel står nederst).

Mvh Ali Hassan
{GENBRUG[0]}
"""
case(31, "genbrug-plus-minus-payslip-only",
     "Payslip-only lines on the one-column Beløb(+)/Beløb(-) layout ('LØNSEDDEL 01.07.2026 til 31.07.2026', employer's share block with ATP 0,00 that is no line).",
     datetime(2026, 8, 5, 9, 12, 0, tzinfo=CEST), addr("Ali Hassan", "ali.hassan@albertslund.dk"),
     "Refusion juli – Aisha Benali",
     mixed(31, [text_part(body31)], [("loenseddel_juli.pdf", onecol(s31), PDF)]),
     [claim("Aisha Benali", CPR["aisha"], GENBRUG[0], GENBRUG[1], "2026-07-01", "2026-07-31", "24.00",
            lines={"salary": "3360.00", "holiday_pay": "420.00", "special_holiday_allowance": "65.52"},
            total=None, slip=s31, slip_hours=("24.00", None))],
     [decision("2026-07-01", "approved", "3845.52", [])])

# 32 Yusuf, July: 30,00 x 142,30 = 4.269,00; feriepenge 533,625 -> 533,63; særlig 83,2455 -> 83,25
# sum 4.885,88. Cap Jul 31*8/7 = 35,43 >= 30. AM 341,52 -> 342.
s32 = yusuf_slip(date(2026, 7, 1), date(2026, 7, 31), "30.00", 2)
body32 = f"""Til Økonomigruppen

Lønspecifikation for juli 2026 for Yusuf Demir (CPR {dash(CPR['yusuf'])}) vedhæftet. Vi søger refusion af lønudgifterne iflg. lønspecifikationen.

Venlig hilsen
Birthe Kold
Plejecenter Albertshøj
"""
case(32, "albertshoj-bluegarden-payslip-only",
     "Payslip-only lines on a Bluegarden payslip ('Brutto i alt', 'AM-indkomst', 'Arbejdsgiverbidrag' block with ATP 0,00, 'Saldo år' column).",
     datetime(2026, 8, 4, 13, 5, 0, tzinfo=CEST), addr("Birthe Kold", "birthe.kold@albertslund.dk"),
     "Lønspecifikation juli – Yusuf Demir",
     mixed(32, [text_part(body32)], [("Lønspecifikation juli 2026.pdf", bluegarden(s32), PDF)]),
     [claim("Yusuf Demir", CPR["yusuf"], KOMMUNE[0], KOMMUNE[1], "2026-07-01", "2026-07-31", "30.00",
            lines={"salary": "4269.00", "holiday_pay": "533.63", "special_holiday_allowance": "83.25"},
            total=None, slip=s32, slip_hours=("30.00", None))],
     [decision("2026-07-01", "approved", "4885.88", [])])


# ===========================================================================================
# write everything
# ===========================================================================================
def main():
    cases_dir = HERE / "cases"
    if cases_dir.exists():
        shutil.rmtree(cases_dir)
    cases_dir.mkdir()
    with open(HERE / "placements.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["placement_id", "employee_name", "cpr", "employer_name", "cvr", "workplace", "contact_emails",
                    "weekly_hours", "start_date", "end_date", "praktik_until", "effective_from", "applied_at",
                    "holiday_scheme"])
        for pid, name, cpr, (ename, cvr), wp, contacts, wh, start, end, praktik, eff, applied, scheme in PLACEMENTS:
            w.writerow([pid, name, cpr, ename, cvr, wp, contacts, wh, start, end, praktik, eff, applied, scheme])
    (HERE / "corpus.json").write_text(json.dumps({"today": "2026-11-20"}, indent=2) + "\n")
    # order: by the mail's Date (threads and resends after their originals)
    for rank, (nn, slug, exp, raw, when) in enumerate(sorted(CASES, key=lambda c: c[4]), start=1):
        exp["order"] = rank * 10
    for nn, slug, exp, raw, when in CASES:
        d = cases_dir / f"{nn:02d}-{slug}"
        d.mkdir()
        (d / "message.eml").write_bytes(raw)
        (d / "expected.json").write_text(json.dumps(exp, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(CASES)} cases, {sum(len(c[2]['decisions']) for c in CASES)} decisions")


if __name__ == "__main__":
    main()
