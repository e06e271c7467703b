#!/usr/bin/env python3
"""Generate the second held-out corpus (tests/heldout2): new people, workplaces, phrasings,
payslip layouts, attachments, threads and rule edges. Deterministic: fixed MIME boundaries,
fixed Message-IDs, reportlab invariant=1, seeded noise.

Every expected value is computed by hand from RULES.md (arithmetic in the comments) and the
generator asserts that the payslip figures agree with the hand numbers.

Run from anywhere with the project's venv:  .venv/bin/python tests/heldout2/make_corpus.py
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from lib import (D, attach_part, cpr_ok, cvr_ok, dk, docx_bytes, logo_png, message,  # noqa: E402
                 multipart, payslip_pdf, photo_png, r2, s2, slip, text_part, winmail_dat)

CASES = HERE / "cases"
TODAY = "2026-11-20"
CEST = dt.timezone(dt.timedelta(hours=2))
CET = dt.timezone(dt.timedelta(hours=1))
AK, AK_CVR = "Albertslund Kommune", "29189919"
AK_ADDR = ["Nordmarks Allé 1", "2620 Albertslund"]


def day(s):
    return dt.date.fromisoformat(s)


def when(s):
    """'2026-10-05 09:12' in Danish local time (CEST until 25 Oct 2026, CET after)."""
    t = dt.datetime.fromisoformat(s)
    return t.replace(tzinfo=CEST if t < dt.datetime(2026, 10, 25, 3) else CET)


# ---------------------------------------------------------------- placements
# Pool: the approved hours in force on any day must stay <= 100. Group A ends by 31 August
# (sum 100), group B starts 1 September or later (sum 100), so the groups never overlap.
P = {}
PLACEMENT_ROWS = []


def placement(pid, name, cpr, employer, cvr, workplace, contacts, hours, start, end, applied, eff=None, scheme="hourly"):
    assert cpr_ok(cpr), (pid, cpr)
    assert cvr_ok(cvr) and cvr[0] != "0", (pid, cvr)
    PLACEMENT_ROWS.append([pid, name, cpr, employer, cvr, workplace, ";".join(contacts), str(hours), start, end, "",
                           eff or start, applied, scheme])
    P.setdefault(pid, dict(name=name, cpr=cpr, employer=employer, cvr=cvr, contacts=contacts, workplace=workplace))


HERSTEDHOJ = ("Herstedhøj Idrætscenter", "35812741")
UNGDOMSSKOLE = ("Albertslund Ungdomsskole", "41028572")
BIRKELUND = ("Kulturhuset Birkelund", "37126500")
TOFTEGAARDEN = ("Rideskolen Toftegården", "33490860")
BUREAU_CVR = "26751136"   # Vestegnens Lønservice ApS: the payroll bureau's own CVR (not the employer's)
assert cvr_ok(BUREAU_CVR)
CVR_LEADING_ZERO = "02918994"  # passes modulus 11 but starts with 0
assert cvr_ok(CVR_LEADING_ZERO)

# group B (September onwards): 10+10+10+10+10+8+6+7+9+3+4+5+8 = 100
placement("P-2001", "Kim Aagaard Thomsen", "1203941125", AK, AK_CVR, "Vestskovens Plejecenter",
          ["pia.holm@albertslund.dk", "vestskoven.adm@albertslund.dk"], 10, "2026-09-01", "2027-08-31", "2026-08-03T09:00:00")
placement("P-2002", "Dorthe Munk Lauridsen", "2508711126", AK, AK_CVR, "Materielgården",
          ["rene.skov@albertslund.dk", "materielgaarden@albertslund.dk"], 10, "2026-09-01", "2027-08-31", "2026-08-04T10:00:00")
placement("P-2003", "Oliver Bak Sørensen", "0306991124", *HERSTEDHOJ, "Herstedhøj Idrætscenter",
          ["lars.krog@herstedhoej-idraet.dk"], 10, "2026-09-15", "2027-09-14", "2026-08-05T11:00:00")
placement("P-2004", "Yasmin Khalil", "1902921148", AK, AK_CVR, "Café Kongsholm",
          ["mette.ravn@albertslund.dk", "cafe.kongsholm@albertslund.dk"], 10, "2026-09-01", "2026-10-20", "2026-08-06T12:00:00")
placement("P-2005", "Per Holst Andersen", "0611651139", AK, AK_CVR, "Rådhusets Kantine",
          ["susanne.bro@albertslund.dk", "kantinen@albertslund.dk"], 10, "2026-09-01", "2027-08-31", "2026-08-07T13:00:00")
placement("P-2005", "Per Holst Andersen", "0611651139", AK, AK_CVR, "Rådhusets Kantine",
          ["susanne.bro@albertslund.dk", "kantinen@albertslund.dk"], 5, "2026-09-01", "2027-08-31", "2026-10-10T09:30:00",
          eff="2026-10-16")
placement("P-2006", "Sofie Ladegaard", "1402981128", *UNGDOMSSKOLE, "Ungdomsskolen",
          ["torben.mikkelsen@albertslund.dk", "ungdomsskolen@albertslund.dk"], 8, "2026-09-01", "2027-08-31", "2026-08-10T09:00:00")
placement("P-2007", "Maria-Louise Brandt-Nørgaard", "2807901128", AK, AK_CVR, "Kulturforvaltningen",
          ["helle.fog@albertslund.dk", "kultur@albertslund.dk"], 6, "2026-09-01", "2027-08-31", "2026-08-11T09:00:00")
placement("P-2008", "Mikkel Juhl", "1109014148", AK, AK_CVR, "Naturcenter Herstedhøje",
          ["anders.bjerg@albertslund.dk"], 7, "2026-09-01", "2027-08-31", "2026-08-12T09:00:00")
placement("P-2009", "Emma Vinther Kjær", "0106004129", AK, AK_CVR, "Herstedvester Skole",
          ["bo.riis@albertslund.dk", "kontor.herstedvester@albertslund.dk"], 9, "2026-09-01", "2027-08-31", "2026-08-13T09:00:00")
placement("P-2010", "Niels Hartvig", "1704781128", AK, AK_CVR, "PPR Albertslund",
          ["lise.brun@albertslund.dk"], 3, "2026-09-01", "2027-08-31", "2026-08-14T09:00:00")
placement("P-2011", "Rasmus Friis Holm", "0805891130", AK, AK_CVR, "Kulturtorvet",
          ["birgit.lund@albertslund.dk"], 4, "2026-09-01", "2027-08-31", "2026-08-17T09:00:00")
placement("P-2012", "Ida Marie Poulsen", "2307971138", AK, AK_CVR, "Dagplejen",
          ["marianne.dal@albertslund.dk", "dagplejen@albertslund.dk"], 5, "2026-09-01", "2027-08-31", "2026-08-18T09:00:00")
placement("P-2013", "Tobias Engell", "0411881148", AK, AK_CVR, "Genbrugsstationen",
          ["jan.svendsen@albertslund.dk"], 8, "2026-09-01", "2027-08-31", "2026-08-19T09:00:00")
# group A (ends by 31 August): 5+5+9+10+8+10+8+5+5+5+4+4+5+10+7 = 100
placement("P-2101", "Ahmed Saleh", "1510821129", AK, AK_CVR, "Vej & Park",
          ["ole.hviid@albertslund.dk", "vejpark@albertslund.dk"], 5, "2026-02-01", "2026-07-31", "2026-01-12T09:00:00")
placement("P-2102", "Gitte Rosenkvist", "0205671129", AK, AK_CVR, "Vej & Park",
          ["ole.hviid@albertslund.dk", "vejpark@albertslund.dk"], 5, "2026-02-01", "2026-07-31", "2026-01-12T09:30:00")
placement("P-2103", "Lasse Dyhr", "1705851138", AK, AK_CVR, "Plejecentret Albertshøj",
          ["karin.nyborg@albertslund.dk"], 9, "2026-03-01", "2026-08-31", "2026-02-02T09:00:00")
placement("P-2104", "Nadia Hedegaard", "0909931126", *BIRKELUND, "Kulturhuset Birkelund",
          ["kontakt@kulturhuset-birkelund.dk", "loen@vestegnens-loenservice.dk"], 10, "2026-03-01", "2026-08-31", "2026-02-03T09:00:00")
placement("P-2105", "Thomas Greve", "0107861130", AK, AK_CVR, "IT & Digitalisering",
          ["john.miller@albertslund.dk"], 8, "2026-04-01", "2026-08-31", "2026-03-04T09:00:00")
placement("P-2106", "Louise Kragh", "1212951125", AK, AK_CVR, "Driftsgården",
          ["kurt.bang@albertslund.dk", "driftsgaarden@albertslund.dk"], 10, "2026-02-01", "2026-08-31", "2026-01-13T09:00:00")
placement("P-2107", "Jannik Vad", "3006004139", *TOFTEGAARDEN, "Rideskolen Toftegården",
          ["stald@toftegaarden-rideskole.dk"], 8, "2026-03-01", "2026-08-31", "2026-02-05T09:00:00")
for pid, nm, cp in [("P-2108", "Sara Lind", "0505044126"), ("P-2109", "Bilal Hussain", "2208881127"),
                    ("P-2110", "Karin Østergård Møller", "1310621125")]:
    placement(pid, nm, cp, AK, AK_CVR, "Ejendomscentret", ["bent.kofoed@albertslund.dk", "ejendomscentret@albertslund.dk"],
              5, "2026-04-01", "2026-08-31", "2026-03-06T09:00:00")
placement("P-2111", "Jeppe Krogh", "2406034138", AK, AK_CVR, "SFO Birkelund", ["sfo.birkelund@albertslund.dk"],
          4, "2026-05-01", "2026-08-31", "2026-04-07T09:00:00")
placement("P-2112", "Amalie Thorsen", "3112034128", AK, AK_CVR, "SFO Birkelund", ["sfo.birkelund@albertslund.dk"],
          4, "2026-05-01", "2026-08-31", "2026-04-07T09:10:00")
placement("P-2113", "Henriette Wulff", "0707741139", AK, AK_CVR, "Hjemmeplejen Nord",
          ["eva.lund@albertslund.dk", "hjemmeplejen.nord@albertslund.dk"], 5, "2026-03-01", "2026-08-31", "2026-02-09T09:00:00")
placement("P-2114", "Carsten Ebbesen", "2601691127", AK, AK_CVR, "Vestbadet",
          ["jens.hald@albertslund.dk", "vestbadet@albertslund.dk"], 10, "2026-02-01", "2026-08-31", "2026-01-14T09:00:00")
placement("P-2115", "Bente Lyngby", "1812581127", AK, AK_CVR, "Plejecenter Humlehaven",
          ["humlehaven@albertslund.dk"], 7, "2026-03-01", "2026-08-31", "2026-02-10T09:00:00")


def check_pool():
    days = {}
    by_id = {}
    for row in PLACEMENT_ROWS:
        by_id.setdefault(row[0], []).append(row)
    for rows in by_id.values():
        rows.sort(key=lambda r: r[11])
        start, end = day(rows[0][8]), day(rows[0][9])
        d = start
        while d <= end:
            hours = [D(r[7]) for r in rows if day(r[11]) <= d][-1]
            days[d] = days.get(d, D(0)) + hours
            d += dt.timedelta(days=1)
    assert max(days.values()) <= 100, max(days.values())


# ---------------------------------------------------------------- expected documents

def emp_item(label, basis, rate, amt, ytd):
    return (label, basis, rate, D(amt), D(ytd))


def pay_fields(s):
    if s is None:
        return {"payslip.gross": None, "payslip.am_basis": None, "payslip.am_bidrag": None, "payslip.cpr": None,
                "payslip.period.start": None, "payslip.period.end": None, "payslip.hours.worked": None,
                "payslip.hours.sick": None}
    worked = sum((r[1] for r in s["pay"] if r[1] is not None), D(0)) if s.get("hours_shown", True) else None
    sick = sum((r[1] for r in s["sick"]), D(0)) if s["sick"] else None
    return {"payslip.gross": s2(s["gross"]), "payslip.am_basis": s2(s["am_basis"]), "payslip.am_bidrag": s2(s["am"]),
            "payslip.cpr": None if "x" in s["cpr_shown"].lower() else s["cpr_shown"].replace("-", ""),
            "payslip.period.start": s["start"].isoformat(), "payslip.period.end": s["end"].isoformat(),
            "payslip.hours.worked": s2(worked), "payslip.hours.sick": s2(sick)}


def claim(*, name, cpr, employer, cvr, start, end, worked, sick=None, first=None, last=None, final=False,
          correction=False, lines, total, s=None, **extra):
    c = {"employee.name": name, "employee.cpr": cpr, "employer.name": employer, "employer.cvr": cvr,
         "period.start": start, "period.end": end, "hours.worked": s2(worked), "hours.sick": s2(sick),
         "sick.first_day": first, "sick.last_day": last, "final": final, "correction": correction,
         "lines": {k: s2(v) for k, v in lines.items()}, "total": s2(total)}
    c.update(pay_fields(s))
    for k, v in extra.items():
        c[k.replace("__", ".")] = v
    return c


def decision(start, outcome, approved, codes):
    return {"period.start": start, "outcome": outcome,
            "approved": None if outcome == "not_a_claim" else s2(approved), "codes": sorted(codes)}


NOT_A_CLAIM = {"period.start": None, "outcome": "not_a_claim", "approved": None, "codes": ["NOT_A_CLAIM"]}

OUT = []  # (slug, bytes, expected)


def case(num, slug, *, description, order, msg: dict, root, claims, problems, decisions, references=None,
         in_reply_to=None, extra_headers=(), mailer="Microsoft Outlook 16.0"):
    msgid = f"<h2-{num:02d}@corpus.albertslund.test>"
    raw = message(from_name=msg["from_name"], from_addr=msg["from"], subject=msg["subject"], date=msg["date"],
                  msgid=msgid, root=root, in_reply_to=in_reply_to, references=references,
                  extra_headers=extra_headers, mailer=mailer)
    m = {"message_id": msgid, "from": msg["from"].lower(), "subject": msg["subject"],
         "date": msg["date"].isoformat(), "in_reply_to": in_reply_to}
    if references:
        m["references"] = references
    exp = {"description": description, "order": order,
           "parse": {"message": m, "claims": claims, "problems": problems}, "decisions": decisions}
    OUT.append((f"{num:02d}-{slug}", raw, exp))


def B(num, name="mix"):
    return f"----=_{name}_h2-{num:02d}"


def pdf_part(filename, slips, title="Lønseddel"):
    return attach_part(filename, "application/pdf", payslip_pdf(slips, title=title))


OCT = (day("2026-10-01"), day("2026-10-31"))
SEP = (day("2026-09-01"), day("2026-09-30"))
AUG = (day("2026-08-01"), day("2026-08-31"))
JUL = (day("2026-07-01"), day("2026-07-31"))


ADDR = {
    "P-2001": ["Bækkegården 12", "2620 Albertslund"], "P-2002": ["Hyldespjældet 88", "2620 Albertslund"],
    "P-2003": ["Tranehaven 5, 1. th.", "2620 Albertslund"], "P-2004": ["Kongsholmcentret 4", "2620 Albertslund"],
    "P-2005": ["Birkelundsvej 19", "2620 Albertslund"], "P-2006": ["Galgebakken Sønder 7-14", "2620 Albertslund"],
    "P-2007": ["Vridsløsemagle Byvej 3", "2620 Albertslund"], "P-2008": ["Sletten 11", "2620 Albertslund"],
    "P-2009": ["Herstedvester Stationsvej 22", "2620 Albertslund"], "P-2010": ["Damager 6", "2620 Albertslund"],
    "P-2011": ["Kanalens Kvarter 70", "2620 Albertslund"], "P-2012": ["Lindehaven 2", "2620 Albertslund"],
    "P-2013": ["Røde Vej 31", "2620 Albertslund"], "P-2101": ["Askerød 15", "2620 Albertslund"],
    "P-2102": ["Blåkildevej 9", "2620 Albertslund"], "P-2103": ["Albertshøj 40", "2620 Albertslund"],
    "P-2104": ["Birkelundsvej 101", "2620 Albertslund"], "P-2105": ["Topstykket 8", "2620 Albertslund"],
    "P-2106": ["Hedemarken 21", "2620 Albertslund"], "P-2107": ["Toftegårdsvej 2", "2620 Albertslund"],
    "P-2108": ["Kanalens Kvarter 12", "2620 Albertslund"], "P-2109": ["Hyldagerhus 3", "2620 Albertslund"],
    "P-2110": ["Ågesholm 17", "2620 Albertslund"], "P-2111": ["Birkelundsvej 60", "2620 Albertslund"],
    "P-2112": ["Solhøjvej 4", "2620 Albertslund"], "P-2113": ["Nordmarken 33", "2620 Albertslund"],
    "P-2114": ["Vestbadet 1", "2620 Albertslund"], "P-2115": ["Humlehaven 9", "2620 Albertslund"],
}


def S(layout, pid, period, pay, *, sick=(), items=(), disp=None, cpr_shown=None, employer=None,
      employer_addr=None, cvr="same", **kw):
    p = P[pid]
    cpr = p["cpr"]
    return slip(layout=layout, employer=employer or p["employer"],
                employer_addr=employer_addr or [p["workplace"], *AK_ADDR] if (employer or p["employer"]) == AK
                else (employer_addr or ["Industrivej 2", "2620 Albertslund"]),
                cvr=p["cvr"] if cvr == "same" else cvr, employee=p["name"], employee_addr=ADDR[pid],
                cpr_shown=cpr_shown or f"{cpr[:6]}-{cpr[6:]}", start=period[0], end=period[1],
                disp=disp or period[1], pay=[(a, D(b) if b is not None else None, D(c) if c is not None else None, D(d)) for a, b, c, d in pay],
                sick=[(a, D(b), D(c), D(d)) for a, b, c, d in sick],
                employer_items=[emp_item(*i) for i in items], **kw)


def is_(s, gross, basis, am):
    assert s["gross"] == D(gross) and s["am_basis"] == D(basis) and s["am"] == D(am), (s["employee"], s["gross"], s["am_basis"], s["am"])


def M(num, who, subject, date):
    name, addr = who
    return {"from_name": name, "from": addr, "subject": subject, "date": when(date)}


# ================================================================ the cases

# ---- 01: very short mail, Lessor/Danløn-like payslip with Akk. column and trailing minus
# Kim, October, 10 h/week: cap 31*10/7 = 44.29 h >= 42.
# salary 42,00 * 152,40 = 6400.80; ATP 42 h -> bracket 39-<78 -> 66.00; feriepenge 6400.80*0.125 = 800.10;
# særlig 6400.80*0.0195 = 124.8156 -> 124.82.  sum 6400.80+66+800.10+124.82 = 7391.72.
# payslip: employee ATP 33 -> AM basis 6367.80, AM 8 % = 509.424 -> 509.
s01 = S("lessor", "P-2001", OCT, [("Timeløn", "42.00", "152.40", "6400.80")],
        employer_addr=["Vestskovens Plejecenter", "Vestskoven 3", "2620 Albertslund"],
        items=[("ATP arbejdsgiver", None, None, "66.00", "132.00"), ("Feriepenge", None, "12,5 %", "800.10", "1571.63"),
               ("Særlig feriegodtgørelse", None, "1,95 %", "124.82", "245.18")])
s01.update(pay_akk=[("Timeløn", D("42.00"), D("152.40"), D("6400.80"), D("12573.00"))], gross_akk=D("12573.00"),
           am_akk=D("1000"), askat_akk=D("706"))
is_(s01, "6400.80", "6367.80", "509")
c01 = claim(name=None, cpr="1203941125", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31", worked="42.00",
            lines={"salary": "6400.80", "atp": "66.00", "holiday_pay": "800.10", "special_holiday_allowance": "124.82"},
            total=None, s=s01)
del c01["employee.name"]
case(1, "vestskoven-one-line-mail-lessor-payslip", order=10,
     description="A one-line mail from a phone ('Lønseddel for Kim vedhæftet, cpr 1203941125, okt.'): everything else is on a "
                 "Lessor/Danløn-like payslip (Timer | Sats | Beløb | Akk. columns, deductions with a trailing minus, "
                 "year-to-date in Akk.). Lines come from the payslip's current column. employee.name is not scored: "
                 "the mail names only 'Kim', the payslip 'Kim Aagaard Thomsen'. The decision expects no NAME_MISMATCH: a bare "
                 "first name in a one-line mail is no other surname (a careful caseworker takes the payslip's full name).",
     msg=M(1, ("Pia Holm", "pia.holm@albertslund.dk"), "løn okt - Kim", "2026-11-02 07:58"), mailer="iPhone Mail (22A)",
     root=multipart("mixed", B(1), [
         text_part("Hej\n\nLønseddel for Kim vedhæftet, cpr 1203941125, okt.\n\nmvh\nPia\n\nSendt fra min iPhone\n"),
         pdf_part("Lønspecifikation 10-2026.pdf", [s01])]),
     claims=[c01], problems=[],
     decisions=[decision("2026-10-01", "approved", "7391.72", [])])

# ---- 02: long prose narrative, amounts inside sentences, distractors (hourly rate, phone number)
# Lasse, August, 9 h/week: cap 31*9/7 = 39.86 >= 38. salary 38*154.00 = 5852.00; no ATP (38 < 39);
# feriepenge 5852*0.125 = 731.50; særlig 5852*0.0195 = 114.114 -> 114.11; total 6697.61.
s02 = S("visma", "P-2103", AUG, [("Timeløn", "38.00", "154.00", "5852.00")], disp=day("2026-08-31"),
        items=[("Feriepenge", None, "12,5 %", "731.50", "4389.00"), ("Særlig feriegodtgørelse", None, "1,95 %", "114.11", "684.66")])
is_(s02, "5852.00", "5852.00", "468")
body02 = """Kære Økonomigruppe

Jeg skriver på vegne af Plejecentret Albertshøj angående Lasse Dyhr (cpr 170585-1138), som siden 1. marts har været ansat hos os i job på få lønnede timer som køkkenmedhjælper. Det går rigtig godt, og både beboerne og kollegerne er glade for ham. Han har fået mere ansvar i opvasken og hjælper nu også med at dække op til aftensmaden.

I august arbejdede Lasse i alt 38 timer, fordelt på fire-fem korte vagter om ugen. Hans timeløn er 154,00 kr., så lønnen for måneden blev 5.852,00 kr. Oven i det har vi indbetalt 731,50 kr. i feriepenge til FerieKonto, og den særlige feriegodtgørelse udgør 114,11 kr. Der er ikke betalt ATP, da han var under 39 timer i måneden.

Vi søger derfor om refusion af i alt 6.697,61 kr. for perioden 1. august til 31. august 2026. Arbejdsgiver er Albertslund Kommune (CVR 29189919). Lønsedlen er vedhæftet.

Til orientering: Lasses ansættelse udløber 31. august, og vi har talt med hans jobkonsulent om en eventuel forlængelse.

Med venlig hilsen
Karin Nyborg
Afdelingsleder, Plejecentret Albertshøj
Tlf. 43 68 71 20
"""
case(2, "albertshoj-long-prose", order=20,
     description="A long narrative mail: hours and amounts inside sentences, with distractors (the hourly rate 154,00 kr., "
                 "an 8-digit phone number, the end date of the employment). 38 hours: no ATP.",
     msg=M(2, ("Karin Nyborg", "karin.nyborg@albertslund.dk"), "Lasse Dyhr – refusion for august", "2026-09-07 13:40"),
     root=multipart("mixed", B(2), [text_part(body02), pdf_part("Lønseddel_Lasse_Dyhr_2026-08.pdf", [s02])]),
     claims=[claim(name="Lasse Dyhr", cpr="1705851138", employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked="38.00", lines={"salary": "5852.00", "holiday_pay": "731.50", "special_holiday_allowance": "114.11"},
                   total="6697.61", s=s02)],
     problems=[], decisions=[decision("2026-08-01", "approved", "6697.61", [])])

# ---- 03: payroll bureau writes on behalf of the workplace; semicolon lines; bureau's own CVR in the signature
# Nadia, August, 10 h/week: cap 44.29 >= 43.5. salary 43.50*153.00 = 6655.50; ATP 43.5 h -> 66.00;
# feriepenge 6655.50*0.125 = 831.9375 -> 831.94; særlig *0.0195 = 129.78225 -> 129.78; pension 8 % = 532.44 (8 % <= 20 %).
# total 6655.50+66+831.94+129.78+532.44 = 8215.66.
s03 = S("visma", "P-2104", AUG, [("Timeløn", "43.50", "153.00", "6655.50")], employer_addr=["Birkelundsvej 42", "2620 Albertslund"],
        items=[("ATP arbejdsgiverandel", None, None, "66.00", "396.00"), ("Pension arbejdsgiver", None, "8 %", "532.44", "3194.64"),
               ("Feriepenge", None, "12,5 %", "831.94", "4991.64"), ("Særlig feriegodtgørelse", None, "1,95 %", "129.78", "778.68")])
is_(s03, "6655.50", "6622.50", "530")
body03 = """Til Jobcenter Albertslund, Økonomigruppen

Vestegnens Lønservice ApS varetager lønadministrationen for Kulturhuset Birkelund. På vegne af vores kunde fremsendes hermed anmodning om refusion (job på få lønnede timer). Data er udtrukket fra lønsystemet:

Arbejdsgiver;Kulturhuset Birkelund
CVR;37126500
Medarbejder;Nadia Hedegaard
CPR;090993-1126
Lønperiode;01.08.2026-31.08.2026
Timer;43,50
Lønart;Beløb
Timeløn;6655,50
ATP arbejdsgiverandel;66,00
Feriepenge 12,5 %;831,94
Særlig feriegodtgørelse 1,95 %;129,78
Pension arbejdsgiver 8 %;532,44
Total;8215,66

Lønsedlen er vedhæftet som PDF.

Venlig hilsen
Birgitte Aagesen, lønkonsulent
Vestegnens Lønservice ApS
Industrivej 14, 2605 Brøndby · CVR 26751136 · Tlf. 70 20 31 44
"""
case(3, "birkelund-payroll-bureau-semicolons", order=30,
     description="A payroll bureau (a registered contact of the placement) writes on behalf of the workplace: semicolon-separated "
                 "export lines, amounts without thousands separators, and the bureau's own CVR in its signature, which is not "
                 "the employer's CVR.",
     msg=M(3, ("Vestegnens Lønservice", "loen@vestegnens-loenservice.dk"),
           "Refusionsanmodning – Kulturhuset Birkelund – Nadia Hedegaard – 08.2026", "2026-09-04 11:20"),
     mailer=None,
     root=multipart("mixed", B(3), [text_part(body03), pdf_part("KB_0826_0042.pdf", [s03])]),
     claims=[claim(name="Nadia Hedegaard", cpr="0909931126", employer="Kulturhuset Birkelund", cvr="37126500",
                   start="2026-08-01", end="2026-08-31", worked="43.50",
                   lines={"salary": "6655.50", "atp": "66.00", "holiday_pay": "831.94", "special_holiday_allowance": "129.78",
                          "pension": "532.44"}, total="8215.66", s=s03)],
     problems=[], decisions=[decision("2026-08-01", "approved", "8215.66", [])])

# ---- 04: English / mixed, DKK with a dot decimal
# Thomas, August, 8 h/week: cap 31*8/7 = 35.43 >= 33.5. salary 33.5*145.50 = 4874.25; no ATP;
# feriepenge 4874.25*0.125 = 609.28125 -> 609.28; særlig *0.0195 = 95.047875 -> 95.05; total 5578.58.
s04 = S("dataloen", "P-2105", AUG, [("Timeløn", "33.50", "145.50", "4874.25")],
        items=[("Feriepenge 12,5 %", D("4874.25"), "12,50 %", "609.28", "3046.40"), ("Særlig feriegodtgørelse", D("4874.25"), "1,95 %", "95.05", "475.25")])
is_(s04, "4874.25", "4874.25", "390")
body04 = """Hi,

Please find attached the payslip for August 2026 for Thomas, who is employed with us in the "job på få lønnede timer" scheme. Sorry for writing in English - my Danish is still work in progress.

Employee: Thomas Greve
CPR no.: 010786-1130
Employer: Albertslund Kommune, IT & Digitalisering (CVR 29189919)
Pay period: 1 August 2026 - 31 August 2026
Hours worked: 33.5

Salary: DKK 4874.25
Holiday pay (feriepenge 12.5%): DKK 609.28
Special holiday allowance (1.95%): DKK 95.05
Total: DKK 5578.58

Best regards / Venlig hilsen
John Miller
IT Manager, Albertslund Kommune
"""
case(4, "it-english-dkk-dot-decimal", order=40,
     description="Written in English: 'Pay period: 1 August 2026 - 31 August 2026', 'Hours worked: 33.5', amounts as 'DKK 4874.25' "
                 "(dot decimal). Clean claim.",
     msg=M(4, ("John Miller", "john.miller@albertslund.dk"), "Refund claim August 2026 - Thomas Greve (job på få lønnede timer)",
           "2026-09-03 16:05"),
     root=multipart("mixed", B(4), [text_part(body04), pdf_part("Payslip_ThomasGreve_Aug2026.pdf", [s04])]),
     claims=[claim(name="Thomas Greve", cpr="0107861130", employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked="33.50", lines={"salary": "4874.25", "holiday_pay": "609.28", "special_holiday_allowance": "95.05"},
                   total="5578.58", s=s04)],
     problems=[], decisions=[decision("2026-08-01", "approved", "5578.58", [])])

# ---- 05: ALL-CAPS labels without colons, columns separated by spaces, 'kr' after, period '1/8 - 31/8 2026', base64 body
# Louise, August, 10 h/week: cap 44.29 >= 44. salary 44*150 = 6600.00; ATP 66.00; feriepenge 825.00;
# særlig 6600*0.0195 = 128.70; total 7619.70.
s05 = S("dataloen", "P-2106", AUG, [("Timeløn", "44.00", "150.00", "6600.00")],
        items=[("ATP-bidrag, virksomhed", None, None, "66.00", "462.00"), ("Feriepenge 12,5 %", D("6600.00"), "12,50 %", "825.00", "5775.00"),
               ("Særlig feriegodtgørelse", D("6600.00"), "1,95 %", "128.70", "900.90")])
is_(s05, "6600.00", "6567.00", "525")
body05 = """Til Økonomigruppen

REFUSION JOB PÅ FÅ LØNNEDE TIMER

NAVN            Louise Kragh
CPR             121295-1125
ARBEJDSGIVER    Albertslund Kommune
CVR             29189919
PERIODE         1/8 - 31/8 2026
TIMER           44,00

LØN                            6.600,00 kr
ATP                               66,00 kr
FERIEPENGE 12,5%                 825,00 kr
SÆRLIG FERIEGODTGØRELSE          128,70 kr
I ALT                          7.619,70 kr

LØNSEDDEL VEDHÆFTET

KURT BANG
DRIFTSGÅRDEN
"""
case(5, "driftsgaarden-allcaps-no-colons", order=50,
     description="ALL-CAPS labels with no colons, values after runs of spaces, 'kr' after the amount, period written "
                 "'1/8 - 31/8 2026', base64-encoded body. Clean claim.",
     msg=M(5, ("Driftsgården", "driftsgaarden@albertslund.dk"), "REFUSION AUGUST 2026 LOUISE KRAGH", "2026-09-02 08:30"),
     root=multipart("mixed", B(5), [text_part(body05, cte="base64"), pdf_part("SCAN0042_lonseddel.pdf", [s05])]),
     claims=[claim(name="Louise Kragh", cpr="1212951125", employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked="44.00", lines={"salary": "6600.00", "atp": "66.00", "holiday_pay": "825.00",
                                          "special_holiday_allowance": "128.70"}, total="7619.70", s=s05)],
     problems=[], decisions=[decision("2026-08-01", "approved", "7619.70", [])])

# ---- 06: whole kroner ('Løn: 5544 kr'), ATP claimed at 38.5 paid hours (bracket 'under 39' -> 0.00)
# Emma, September, 9 h/week: cap 30*9/7 = 38.571 >= 38.5 (no cap cut). salary 38.5*144 = 5544.00; feriepenge 693.00;
# ATP 66.00 claimed but bracket(38.5) = 0.00 -> cut 66.00. approved 5544+693 = 6237.00 of 6303.00.
s06 = S("visma", "P-2009", SEP, [("Timeløn", "38.50", "144.00", "5544.00")], emp_atp=D("33.00"),
        items=[("ATP arbejdsgiver", None, None, "66.00", "66.00"), ("Feriepenge", None, "12,5 %", "693.00", "693.00")])
is_(s06, "5544.00", "5511.00", "441")
body06 = """Hej

Hermed refusion for Emma Vinther Kjær, cpr 010600-4129, for september 2026.
Herstedvester Skole, Albertslund Kommune, CVR 29189919.

Timer: 38,5
Løn: 5544 kr
ATP: 66 kr
Feriepenge: 693 kr
I alt: 6303 kr

Lønseddel vedhæftet.

Hilsen Bo Riis
Skolesekretær
"""
case(6, "herstedvester-whole-kroner-atp-under-39", order=60,
     description="Whole kroner without decimals ('Løn: 5544 kr', 'Timer: 38,5'). The payroll charged ATP (66 kr) for 38,5 paid "
                 "hours, whose bracket (under 39) is 0.00: ATP is cut.",
     msg=M(6, ("Bo Riis", "bo.riis@albertslund.dk"), "Refusion sep. Emma Vinther Kjær", "2026-10-06 14:10"),
     root=multipart("mixed", B(6), [text_part(body06), pdf_part("Lønseddel 09.2026.pdf", [s06])]),
     claims=[claim(name="Emma Vinther Kjær", cpr="0106004129", employer=AK, cvr=AK_CVR, start="2026-09-01", end="2026-09-30",
                   worked="38.50", lines={"salary": "5544.00", "atp": "66.00", "holiday_pay": "693.00"}, total="6303.00", s=s06)],
     problems=[], decisions=[decision("2026-09-01", "partially_approved", "6237.00", ["ATP_OVER_BRACKET"])])

# ---- 07: period as weeks: 'uge 32-35 2026' (4-week pay period)
# ISO weeks: 1 Jan 2026 is a Thursday, so week 1 starts Mon 29 Dec 2025; week 32 starts 29 Dec + 31*7 = Mon 3 Aug 2026,
# week 35 ends Sun 30 Aug 2026. Period 2026-08-03..2026-08-30 (28 days; 3 Aug + 1 month - 1 day = 2 Sep: not too long).
# Jannik, 8 h/week: cap 28*8/7 = 32 >= 30. salary 30*140 = 4200.00; feriepenge 525.00; no ATP claimed; total 4725.00.
s07 = S("dataloen", "P-2107", (day("2026-08-03"), day("2026-08-30")), [("Timeløn", "30.00", "140.00", "4200.00")],
        employer_addr=["Toftegårdsvej 50", "2620 Albertslund"], disp=day("2026-08-31"),
        items=[("Feriepenge 12,5 %", D("4200.00"), "12,50 %", "525.00", "2625.00")])
is_(s07, "4200.00", "4200.00", "336")
body07 = """Hej Jobcenter

Vi afregner løn hver 4. uge. Her er refusionen for Jannik Vad (cpr 300600-4139) for uge 32-35 2026.

Rideskolen Toftegården, cvr 33490860
Timer: 30,00
Timeløn 30,00 x 140,00 = 4.200,00
Feriepenge 12,5 % = 525,00
I alt 4.725,00

Lønseddel er vedhæftet.

Venlig hilsen
Stine Toft
Rideskolen Toftegården
"""
case(7, "toftegaarden-period-in-weeks", order=70,
     description="A self-governing riding school paid every 4 weeks: the period is 'uge 32-35 2026', i.e. Monday 3 August to "
                 "Sunday 30 August 2026 (ISO weeks; the payslip says 03.08.2026 - 30.08.2026). The cap counts the 28 days "
                 "(32 h); 30 h fit. 'x' and '=' between label, rate and amount.",
     msg=M(7, ("Rideskolen Toftegården", "stald@toftegaarden-rideskole.dk"), "Refusion uge 32-35 Jannik Vad", "2026-09-02 10:00"),
     mailer=None,
     root=multipart("mixed", B(7), [text_part(body07), pdf_part("loenseddel_jannik_uge32-35.pdf", [s07])]),
     claims=[claim(name="Jannik Vad", cpr="3006004139", employer="Rideskolen Toftegården", cvr="33490860",
                   start="2026-08-03", end="2026-08-30", worked="30.00",
                   lines={"salary": "4200.00", "holiday_pay": "525.00"}, total="4725.00", s=s07)],
     problems=[], decisions=[decision("2026-08-03", "approved", "4725.00", [])])

# ---- 08: two months for one person as two blocks ('September 2026' / 'Oktober 2026'), two payslips
# Mikkel, 7 h/week. Sep: cap 30*7/7 = 30 >= 29; salary 29*139.80 = 4054.20; feriepenge *0.125 = 506.775 -> 506.78;
#   særlig *0.0195 = 79.0569 -> 79.06; total 4640.04.
# Oct: cap 31 >= 30.5; salary 30.5*139.80 = 4263.90; feriepenge 532.9875 -> 532.99; særlig 83.14605 -> 83.15; total 4880.04.
s08a = S("dataloen", "P-2008", SEP, [("Timeløn", "29.00", "139.80", "4054.20")],
         items=[("Feriepenge 12,5 %", D("4054.20"), "12,50 %", "506.78", "506.78"), ("Særlig feriegodtgørelse", D("4054.20"), "1,95 %", "79.06", "79.06")])
s08b = S("dataloen", "P-2008", OCT, [("Timeløn", "30.50", "139.80", "4263.90")],
         items=[("Feriepenge 12,5 %", D("4263.90"), "12,50 %", "532.99", "1039.77"), ("Særlig feriegodtgørelse", D("4263.90"), "1,95 %", "83.15", "162.21")])
is_(s08a, "4054.20", "4054.20", "324")
is_(s08b, "4263.90", "4263.90", "341")
body08 = """Kære Økonomigruppe

Jeg har desværre glemt at sende september, så her kommer både september og oktober for Mikkel Juhl (CPR 110901-4148). Arbejdsgiver er Albertslund Kommune, CVR 29189919 (Naturcenter Herstedhøje).

September 2026
Timer: 29,00
Løn: 4.054,20
Feriepenge 12,5 %: 506,78
Særlig feriegodtgørelse: 79,06
I alt: 4.640,04

Oktober 2026
Timer: 30,50
Løn: 4.263,90
Feriepenge 12,5 %: 532,99
Særlig feriegodtgørelse: 83,15
I alt: 4.880,04

Begge lønsedler er vedhæftet.

Mvh Anders Bjerg
Naturvejleder
"""
case(8, "naturcenter-two-months-two-blocks", order=80,
     description="One person, two months in one mail as two blocks headed 'September 2026' and 'Oktober 2026' (capitalised), "
                 "name/CPR/CVR stated once above them, one payslip per month: two claims, both clean.",
     msg=M(8, ("Anders Bjerg", "anders.bjerg@albertslund.dk"), "Refusion Mikkel Juhl – september og oktober", "2026-11-03 09:45"),
     root=multipart("mixed", B(8), [text_part(body08), pdf_part("Lønseddel september 2026.pdf", [s08a]),
                                    pdf_part("Lønseddel oktober 2026.pdf", [s08b])]),
     claims=[claim(name="Mikkel Juhl", cpr="1109014148", employer=AK, cvr=AK_CVR, start="2026-09-01", end="2026-09-30",
                   worked="29.00", lines={"salary": "4054.20", "holiday_pay": "506.78", "special_holiday_allowance": "79.06"},
                   total="4640.04", s=s08a),
             claim(name="Mikkel Juhl", cpr="1109014148", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
                   worked="30.50", lines={"salary": "4263.90", "holiday_pay": "532.99", "special_holiday_allowance": "83.15"},
                   total="4880.04", s=s08b)],
     problems=[], decisions=[decision("2026-09-01", "approved", "4640.04", []), decision("2026-10-01", "approved", "4880.04", [])])

# ---- 09: three people in one HTML-only table (one row each), one PDF with three payslips (one page each)
# 5 h/week each, August: cap 31*5/7 = 22.14.
# Sara   21.00*145 = 3045.00; fp 380.625 -> 380.63; særlig 59.3775 -> 59.38; total 3485.01
# Bilal  20.50*145 = 2972.50; fp 371.5625 -> 371.56; særlig 57.96375 -> 57.96; total 3402.02
# Karin  22.00*145 = 3190.00; fp 398.75; særlig 62.205 -> 62.21 (half-up); total 3650.96
T09 = [("P-2108", "21.00", "3045.00", "380.63", "59.38", "3485.01"),
       ("P-2109", "20.50", "2972.50", "371.56", "57.96", "3402.02"),
       ("P-2110", "22.00", "3190.00", "398.75", "62.21", "3650.96")]
s09 = []
for pid, h, sal, fp, sf, tot in T09:
    s = S("visma", pid, AUG, [("Timeløn", h, "145.00", sal)],
          items=[("Feriepenge", None, "12,5 %", fp, str(D(fp) * 5)), ("Særlig feriegodtgørelse", None, "1,95 %", sf, str(D(sf) * 5))])
    assert s["gross"] == D(sal) and r2(D(sal) * D("0.125")) == D(fp) and r2(D(sal) * D("0.0195")) == D(sf)
    assert D(sal) + D(fp) + D(sf) == D(tot)
    s09.append(s)
rows09 = "".join(
    f"<tr><td>{P[pid]['name']}</td><td>{P[pid]['cpr'][:6]}-{P[pid]['cpr'][6:]}</td><td align=\"right\">{dk(h)}</td>"
    f"<td align=\"right\">{dk(sal)}</td><td align=\"right\">{dk(fp)}</td><td align=\"right\">{dk(sf)}</td>"
    f"<td align=\"right\">{dk(tot)}</td></tr>\n" for pid, h, sal, fp, sf, tot in T09)
html09 = f"""<html><head><meta charset="utf-8"></head><body style="font-family:Arial;font-size:10pt">
<p>Hej Økonomigruppen</p>
<p>Her er august for vores tre medarbejdere i lønnede timer. Arbejdsgiver: Albertslund Kommune, CVR-nr. 29189919.
Periode: 01.08.2026-31.08.2026. Lønsedlerne ligger i én samlet PDF.</p>
<table border="1" cellpadding="3" style="border-collapse:collapse">
<tr><th>Navn</th><th>CPR-nr.</th><th>Timer</th><th>Løn</th><th>Feriepenge</th><th>Særlig feriegodtg.</th><th>I alt</th></tr>
{rows09}</table>
<p>Venlig hilsen<br>Bent Kofoed<br>Ejendomscentret, Albertslund Kommune</p>
</body></html>
"""
case(9, "ejendomscentret-three-people-html-table", order=90,
     description="Three employees in one HTML-only mail (no text/plain part), one table row each (Navn | CPR-nr. | Timer | Løn | "
                 "Feriepenge | Særlig feriegodtg. | I alt), employer and period stated once above the table, and one PDF holding "
                 "the three payslips (one page each). Three clean claims.",
     msg=M(9, ("Bent Kofoed", "bent.kofoed@albertslund.dk"), "Refusion august 2026 - Ejendomscentret (3 medarbejdere)",
           "2026-09-08 12:00"),
     root=multipart("mixed", B(9), [text_part(html09, subtype="html"), pdf_part("Lønsedler august 2026.pdf", s09)]),
     claims=[claim(name=P[pid]["name"], cpr=P[pid]["cpr"], employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked=h, lines={"salary": sal, "holiday_pay": fp, "special_holiday_allowance": sf}, total=tot, s=s)
             for (pid, h, sal, fp, sf, tot), s in zip(T09, s09)],
     problems=[], decisions=[decision("2026-08-01", "approved", t[5], []) for t in T09])

# ---- 10: two payslips in one PDF (two people, one page each); the body names the people, lines from the payslips
# 4 h/week, August: cap 31*4/7 = 17.71.
# Jeppe  17.00*139 = 2363.00; fp 295.375 -> 295.38; særlig 46.0785 -> 46.08; sum 2704.46
# Amalie 16.50*139 = 2293.50; fp 286.6875 -> 286.69; særlig 44.72325 -> 44.72; sum 2624.91
s10a = S("dataloen", "P-2111", AUG, [("Timeløn", "17.00", "139.00", "2363.00")],
         items=[("Feriepenge 12,5 %", D("2363.00"), "12,50 %", "295.38", "1181.90"), ("Særlig feriegodtgørelse", D("2363.00"), "1,95 %", "46.08", "184.32")])
s10b = S("dataloen", "P-2112", AUG, [("Timeløn", "16.50", "139.00", "2293.50")],
         items=[("Feriepenge 12,5 %", D("2293.50"), "12,50 %", "286.69", "1146.76"), ("Særlig feriegodtgørelse", D("2293.50"), "1,95 %", "44.72", "178.88")])
is_(s10a, "2363.00", "2363.00", "189")
is_(s10b, "2293.50", "2293.50", "183")
body10 = """Hej

Hermed lønsedler for august 2026 for vores to medarbejdere i job på få lønnede timer:
- Jeppe Krogh, cpr 240603-4138
- Amalie Thorsen, cpr 311203-4128

Begge lønsedler ligger i den vedhæftede fil. Vi søger refusion af lønudgifterne som vist på lønsedlerne.

Venlig hilsen
Dorte Kjeldsen
SFO Birkelund
"""
case(10, "sfo-two-payslips-one-pdf", order=100,
     description="Two employees named in a bulleted list (no amounts in the mail), both payslips in one two-page PDF: each claim's "
                 "lines, hours, employer and CVR come from its own page.",
     msg=M(10, ("SFO Birkelund", "sfo.birkelund@albertslund.dk"), "Lønsedler august – løntimer", "2026-09-03 15:30"),
     root=multipart("mixed", B(10), [text_part(body10), pdf_part("lonsedler_aug.pdf", [s10a, s10b])]),
     claims=[claim(name="Jeppe Krogh", cpr="2406034138", employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked="17.00", lines={"salary": "2363.00", "holiday_pay": "295.38", "special_holiday_allowance": "46.08"},
                   total=None, s=s10a),
             claim(name="Amalie Thorsen", cpr="3112034128", employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked="16.50", lines={"salary": "2293.50", "holiday_pay": "286.69", "special_holiday_allowance": "44.72"},
                   total=None, s=s10b)],
     problems=[], decisions=[decision("2026-08-01", "approved", "2704.46", []), decision("2026-08-01", "approved", "2624.91", [])])

# ---- 11: payslip with the employer block at the bottom; the mail gives only the name and 'aug 2026'
# Henriette, 5 h/week, August: cap 22.14 >= 20. salary 20*151 = 3020.00; fp 377.50; særlig 3020*0.0195 = 58.89;
# pension 5 % = 151.00. sum 3607.39.
s11 = S("bottom", "P-2113", AUG, [("Timeløn", "20.00", "151.00", "3020.00")],
        employer_addr=["Hjemmeplejen Nord", "Herstedvang 7", "2620 Albertslund"],
        items=[("Pension arbejdsgiverandel", None, "5 %", "151.00", "906.00"), ("Feriepenge", None, "12,5 %", "377.50", "2265.00"),
               ("Særlig feriegodtgørelse", None, "1,95 %", "58.89", "353.34")])
is_(s11, "3020.00", "3020.00", "242")
case(11, "hjemmeplejen-employer-block-at-bottom", order=110,
     description="Two-line mail (name and 'aug 2026' only); CPR, employer and CVR are on the payslip, whose employer block "
                 "stands at the bottom of the page under the pay table. Lines from the payslip incl. employer pension 5 %.",
     msg=M(11, ("Eva Lund", "eva.lund@albertslund.dk"), "Refusion Henriette Wulff aug 2026", "2026-09-02 11:11"),
     root=multipart("mixed", B(11), [text_part("Refusion: Henriette Wulff, aug 2026, se vedhæftede lønseddel.\n\nEva Lund\nHjemmeplejen Nord\n"),
                                     pdf_part("Henriette W 08-26.pdf", [s11])]),
     claims=[claim(name="Henriette Wulff", cpr="0707741139", employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked="20.00", lines={"salary": "3020.00", "pension": "151.00", "holiday_pay": "377.50",
                                          "special_holiday_allowance": "58.89"}, total=None, s=s11)],
     problems=[], decisions=[decision("2026-08-01", "approved", "3607.39", [])])

# ---- 12: two-column payslip (deductions left, employer-paid items right on the same lines); period '08/2026'
# Carsten, 10 h/week, August: cap 44.29 >= 43. salary 43*151 = 6493.00; ATP 66.00; fp 811.625 -> 811.63;
# særlig 6493*0.0195 = 126.6135 -> 126.61; pension 4 % = 259.72. sum 7756.96.
s12 = S("twocol", "P-2114", AUG, [("Timeløn", "43.00", "151.00", "6493.00")],
        employer_addr=["Vestbadet", "Vestbadet 1", "2620 Albertslund"],
        items=[("ATP arbejdsgiver", None, None, "66.00", "0"), ("Feriepenge", None, "12,5 %", "811.63", "0"),
               ("Særlig feriegodtgørelse", None, "1,95 %", "126.61", "0"), ("Pension arbejdsgiver", None, "4 %", "259.72", "0")])
is_(s12, "6493.00", "6460.00", "517")
case(12, "vestbadet-two-column-payslip", order=120,
     description="The mail gives name, CPR and '08/2026'; the payslip is two-column: pay and deductions (ATP medarbejder, "
                 "AM-bidrag, A-skat) on the left, employer-paid ATP, feriepenge, særlig feriegodtgørelse and pension on the right "
                 "of the same text lines. Only the right-hand items are claim lines besides the pay.",
     msg=M(12, ("Jens Hald", "jens.hald@albertslund.dk"), "Lønseddel 08/2026 Carsten Ebbesen", "2026-09-04 09:20"),
     root=multipart("mixed", B(12), [text_part("Hej\n\nHermed lønseddel for Carsten Ebbesen (CPR 260169-1127) for 08/2026 til refusion.\n\n"
                                               "Mvh Jens Hald\nDriftsleder, Vestbadet\n"),
                                     pdf_part("Lønseddel.pdf", [s12])]),
     claims=[claim(name="Carsten Ebbesen", cpr="2601691127", employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked="43.00", lines={"salary": "6493.00", "atp": "66.00", "holiday_pay": "811.63",
                                          "special_holiday_allowance": "126.61", "pension": "259.72"}, total=None, s=s12)],
     problems=[], decisions=[decision("2026-08-01", "approved", "7756.96", [])])

# ---- 13: payslip with only a gross line; holiday money in a footer note; hours in the header
# Bente, 7 h/week, August: cap 31 >= 30. salary (Bruttoløn) 30*142.10 = 4263.00; fp 4263*0.125 = 532.875 -> 532.88;
# særlig 4263*0.0195 = 83.1285 -> 83.13. sum 4879.01. No ATP (30 h).
s13 = S("grossonly", "P-2115", AUG, [("Bruttoløn", "30.00", "142.10", "4263.00")],
        employer_addr=["Plejecenter Humlehaven, køkkenet", "Humlehaven 1", "2620 Albertslund"],
        footer=["Arbejdsgiverbetalt: feriepenge 12,5 % 532,88 kr. (indbetalt til FerieKonto) og særlig feriegodtgørelse 1,95 % 83,13 kr.",
                "Der er ikke indbetalt ATP for perioden (under 39 timer)."])
is_(s13, "4263.00", "4263.00", "341")
case(13, "humlehaven-gross-only-footer-note", order=130,
     description="A minimal payslip: one 'Bruttoløn' line, the hours in the header ('Timer i perioden 30,00'), and the employer's "
                 "feriepenge and særlig feriegodtgørelse only in a footer sentence. Lines: salary = gross, holiday_pay and "
                 "special_holiday_allowance from the footer.",
     msg=M(13, ("Plejecenter Humlehaven", "humlehaven@albertslund.dk"), "Refusion - Bente Lyngby", "2026-09-03 13:00"),
     root=multipart("mixed", B(13), [text_part("Til Økonomigruppen\n\nLønseddel for Bente Lyngby (cpr 181258-1127) for perioden august 2026 "
                                               "vedhæftet. Vi søger refusion af hele lønudgiften.\n\nMed venlig hilsen\n"
                                               "Køkkenet, Plejecenter Humlehaven\n"),
                                     pdf_part("Bente Lyngby august.pdf", [s13])]),
     claims=[claim(name="Bente Lyngby", cpr="1812581127", employer=AK, cvr=AK_CVR, start="2026-08-01", end="2026-08-31",
                   worked="30.00", lines={"salary": "4263.00", "holiday_pay": "532.88", "special_holiday_allowance": "83.13"},
                   total=None, s=s13)],
     problems=[], decisions=[decision("2026-08-01", "approved", "4879.01", [])])

# ---- 14: payslip masks the CPR; the mail gives the full CPR in a sentence
# Ida Marie, 5 h/week, October: cap 22.14 >= 21. salary 21*146.30 = 3072.30; fp 384.0375 -> 384.04;
# særlig 59.90985 -> 59.91; sum 3516.25.
s14 = S("visma", "P-2012", OCT, [("Timeløn", "21.00", "146.30", "3072.30")], cpr_shown="230797-XXXX",
        items=[("Feriepenge", None, "12,5 %", "384.04", "760.11"), ("Særlig feriegodtgørelse", None, "1,95 %", "59.91", "118.58")])
is_(s14, "3072.30", "3072.30", "246")
case(14, "dagplejen-payslip-cpr-masked-body-full", order=140,
     description="The payslip shows the CPR as 230797-XXXX; the mail gives the full CPR inside a sentence. employee.cpr from the "
                 "mail, payslip.cpr null (masked); lines from the payslip. Clean.",
     msg=M(14, ("Marianne Dal", "marianne.dal@albertslund.dk"), "Lønseddel oktober – Ida Marie Poulsen", "2026-11-04 10:40"),
     root=multipart("mixed", B(14), [text_part("Hej\n\nVedhæftet lønseddel for oktober til refusion for Ida Marie Poulsen. Lønsystemet skjuler "
                                               "de sidste fire cifre, så her er det fulde cpr-nummer: 230797-1138.\n\nVenlig hilsen\n"
                                               "Marianne Dal\nDagplejen, Albertslund Kommune\n"),
                                     pdf_part("Lønseddel_oktober.pdf", [s14])]),
     claims=[claim(name="Ida Marie Poulsen", cpr="2307971138", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
                   worked="21.00", lines={"salary": "3072.30", "holiday_pay": "384.04", "special_holiday_allowance": "59.91"},
                   total=None, s=s14)],
     problems=[], decisions=[decision("2026-10-01", "approved", "3516.25", [])])

# ---- 15: the claim is in a .docx (not a readable type) and there is no payslip
docx15 = docx_bytes(["Refusionsanmodning – job på få lønnede timer", "Arbejdsgiver: Albertslund Kommune, CVR 29189919",
                     "Medarbejder: Rasmus Friis Holm, CPR 080589-1130", "Periode: 01.09.2026 - 30.09.2026", "Timer: 16,50",
                     "Løn: 2.508,00", "Feriepenge: 313,50", "Særlig feriegodtgørelse: 48,91", "I alt: 2.870,41"])
case(15, "kulturtorvet-docx-only", order=150,
     description="Name, CPR and 'september 2026' are in the mail; the itemisation and the payslip are in a Word document, a type "
                 "the processor does not read (ATTACHMENT_UNREADABLE). No CVR, no lines, no payslip: the claim waits for "
                 "information. ITEMS_MISSING because nothing itemised can be read (not even a total).",
     msg=M(15, ("Birgit Lund", "birgit.lund@albertslund.dk"), "Refusionsanmodning september – Rasmus Friis Holm", "2026-10-02 09:05"),
     root=multipart("mixed", B(15), [text_part("Hej\n\nHermed anmodning om refusion for Rasmus Friis Holm (cpr 080589-1130) for september 2026. "
                                               "Opgørelsen og lønsedlen er samlet i det vedhæftede Word-dokument.\n\nVenlig hilsen\n"
                                               "Birgit Lund\nKulturtorvet\n"),
                                     attach_part("Refusion september 2026 - Rasmus.docx",
                                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx15)]),
     claims=[claim(name="Rasmus Friis Holm", cpr="0805891130", employer=None, cvr=None, start="2026-09-01", end="2026-09-30",
                   worked=None, lines={}, total=None, s=None)],
     problems=["ATTACHMENT_UNREADABLE"],
     decisions=[decision("2026-09-01", "needs_information", "0.00", ["CVR_MISSING", "ITEMS_MISSING", "PAYSLIP_MISSING"])])

# ---- 16: phone photo (PNG, rotated, noisy, a few MB) of the payslip: OCR only -> LOW_CONFIDENCE
# Tobias, 8 h/week, October: cap 35.43 >= 33.5. salary 33.5*150.50 = 5041.75; fp 630.21875 -> 630.22;
# særlig 98.314125 -> 98.31; sum 5770.28.
s16 = S("dataloen", "P-2013", OCT, [("Timeløn", "33.50", "150.50", "5041.75")],
        employer_addr=["Genbrugsstationen", "Roskildevej 180", "2620 Albertslund"],
        items=[("Feriepenge 12,5 %", D("5041.75"), "12,50 %", "630.22", "1260.44"), ("Særlig feriegodtgørelse", D("5041.75"), "1,95 %", "98.31", "196.62")])
is_(s16, "5041.75", "5041.75", "403")
png16 = photo_png(payslip_pdf([s16]))
case(16, "genbrug-phone-photo-png", order=160,
     description="The payslip is a phone photo (PNG, about 2-3 MB, rotated 1.7°, grey paper, noise): hours and amounts can only "
                 "be read by OCR, so LOW_CONFIDENCE. Name, CPR and period are written in the mail.",
     msg=M(16, ("Jan Svendsen", "jan.svendsen@albertslund.dk"), "Lønseddel Tobias oktober", "2026-11-03 09:15"),
     root=multipart("mixed", B(16), [text_part("Hej\n\nHer er Tobias' lønseddel for oktober 2026. Printeren/scanneren er i stykker, så jeg har "
                                               "taget et billede af den med telefonen.\nTobias Engell, cpr 041188-1148.\n\n"
                                               "Mvh Jan Svendsen\nGenbrugsstationen\n"),
                                     attach_part("IMG_20261103_091204.png", "image/png", png16)]),
     claims=[claim(name="Tobias Engell", cpr="0411881148", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
                   worked="33.50", lines={"salary": "5041.75", "holiday_pay": "630.22", "special_holiday_allowance": "98.31"},
                   total=None, s=s16, sources__employee__cpr="body")],
     problems=[], decisions=[decision("2026-10-01", "manual_review", "0.00", ["LOW_CONFIDENCE"])])

# ---- 17: HTML mail with an inline logo (multipart/related, Content-ID) in the signature, plus the PDF payslip
# Kim, September: cap 30*10/7 = 42.86 >= 40.5. salary 40.5*152.40 = 6172.20; ATP 66.00; fp 771.525 -> 771.53 (half-up);
# særlig 120.3579 -> 120.36; total 7130.09.
s17 = S("dataloen", "P-2001", SEP, [("Timeløn", "40.50", "152.40", "6172.20")],
        employer_addr=["Vestskovens Plejecenter", "Vestskoven 3", "2620 Albertslund"],
        items=[("ATP-bidrag, virksomhed", None, None, "66.00", "66.00"), ("Feriepenge 12,5 %", D("6172.20"), "12,50 %", "771.53", "771.53"),
               ("Særlig feriegodtgørelse", D("6172.20"), "1,95 %", "120.36", "120.36")])
is_(s17, "6172.20", "6139.20", "491")
plain17 = """Kære Økonomigruppe

Hermed refusion for september 2026.

Medarbejder: Kim Aagaard Thomsen
CPR: 120394-1125
Arbejdsgiver: Albertslund Kommune (Vestskovens Plejecenter), CVR 29189919
Periode: 01.09.2026 – 30.09.2026
Timer: 40,50

Løn: 6.172,20 kr.
ATP: 66,00 kr.
Feriepenge 12,5 %: 771,53 kr.
Særlig feriegodtgørelse 1,95 %: 120,36 kr.
I alt: 7.130,09 kr.

Med venlig hilsen
Pia Holm
Forstander, Vestskovens Plejecenter
"""
html17 = ("<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Calibri\">"
          + "".join(f"<p>{ln}</p>" if ln else "" for ln in plain17.split("\n")[:-4])
          + "<p>Med venlig hilsen<br>Pia Holm<br>Forstander, Vestskovens Plejecenter</p>"
          "<p><img src=\"cid:image001.png@01DB2F3A.5E1C4B20\" width=\"180\" height=\"48\" alt=\"Vestskoven\"></p></body></html>\n")
case(17, "vestskoven-html-inline-logo", order=170,
     description="Outlook HTML mail: multipart/related with an inline PNG logo (Content-ID, disposition inline) in the signature, "
                 "a text alternative, and the payslip PDF. The logo is no payslip and no scan: no LOW_CONFIDENCE, no problem. "
                 "Holiday pay 6.172,20 × 12,5 % = 771,525 rounds half-up to 771,53.",
     msg=M(17, ("Pia Holm", "pia.holm@albertslund.dk"), "Refusion september 2026 – Kim Aagaard Thomsen", "2026-10-05 08:50"),
     root=multipart("mixed", B(17), [
         multipart("related", B(17, "rel"), [
             multipart("alternative", B(17, "alt"), [text_part(plain17), text_part(html17, subtype="html")]),
             attach_part("image001.png", "image/png", logo_png(), inline=True, cid="image001.png@01DB2F3A.5E1C4B20")],
             extra='; type="multipart/alternative"'),
         pdf_part("Lønseddel september 2026 Kim Aagaard Thomsen.pdf", [s17])]),
     claims=[claim(name="Kim Aagaard Thomsen", cpr="1203941125", employer=AK, cvr=AK_CVR, start="2026-09-01", end="2026-09-30",
                   worked="40.50", lines={"salary": "6172.20", "atp": "66.00", "holiday_pay": "771.53",
                                          "special_holiday_allowance": "120.36"}, total="7130.09", s=s17)],
     problems=[], decisions=[decision("2026-09-01", "approved", "7130.09", [])])

# ---- 18: the payslip arrives only inside a (corrupt) winmail.dat
# Yasmin, September: salary 42*160 = 6720.00; ATP 66.00; fp 840.00; særlig 6720*0.0195 = 131.04; total 7757.04.
body18 = """Hej Økonomigruppen

Hermed refusion for Yasmin Khalil, CPR 190292-1148, for september 2026.
Arbejdsgiver: Albertslund Kommune, CVR 29189919 (Café Kongsholm)
Timer: 42,00

Løn 6.720,00
ATP 66,00
Feriepenge 840,00
Særlig feriegodtgørelse 131,04
I alt 7.757,04

Lønseddel vedhæftet.

Mvh Mette Ravn
Café Kongsholm
"""
case(18, "kongsholm-winmail-dat", order=180,
     description="Outlook sent the mail as rich text: the payslip is only inside winmail.dat (application/ms-tnef), and that "
                 "TNEF stream is cut short. The body itemises everything, but there is no readable payslip: "
                 "ATTACHMENT_UNREADABLE, PAYSLIP_MISSING.",
     msg=M(18, ("Mette Ravn", "mette.ravn@albertslund.dk"), "Refusion september – Yasmin Khalil", "2026-10-02 14:30"),
     root=multipart("mixed", B(18), [text_part(body18), attach_part("winmail.dat", "application/ms-tnef", winmail_dat())]),
     claims=[claim(name="Yasmin Khalil", cpr="1902921148", employer=AK, cvr=AK_CVR, start="2026-09-01", end="2026-09-30",
                   worked="42.00", lines={"salary": "6720.00", "atp": "66.00", "holiday_pay": "840.00",
                                          "special_holiday_allowance": "131.04"}, total="7757.04", s=None)],
     problems=["ATTACHMENT_UNREADABLE"],
     decisions=[decision("2026-09-01", "needs_information", "0.00", ["PAYSLIP_MISSING"])])

# ---- 19-21: a claim without CVR, an 'Autosvar' without Auto-Submitted, and the answer that gives only the CVR
# Sofie, 8 h/week, October: cap 35.43 >= 34. salary 34*142.50 = 4845.00; fp 605.625 -> 605.63; særlig 94.4775 -> 94.48;
# total 5545.11. The payslip shows a P-nummer (10 digits, not a date) but no CVR.
s19 = S("visma", "P-2006", OCT, [("Timeløn", "34.00", "142.50", "4845.00")], cvr=None, pnr="1017654321",
        employer_addr=["Ungdomsskolen", "Bibliotekstorvet 2", "2620 Albertslund"],
        items=[("Feriepenge", None, "12,5 %", "605.63", "1170.26"), ("Særlig feriegodtgørelse", None, "1,95 %", "94.48", "182.56")])
is_(s19, "4845.00", "4845.00", "388")
body19 = """Hej

Refusion for oktober 2026 for Sofie Ladegaard, cpr 140298-1128, ansat hos Albertslund Ungdomsskole i løntimer.

Timer: 34,00
Timeløn: 4.845,00
Feriepenge 12,5 %: 605,63
Særlig feriegodtgørelse 1,95 %: 94,48
I alt: 5.545,11

Lønseddel vedhæftet.

Venlig hilsen
Torben Mikkelsen
Administrativ leder, Albertslund Ungdomsskole
"""
TORBEN = ("Torben Mikkelsen", "torben.mikkelsen@albertslund.dk")
REF19 = ["<h2-19@corpus.albertslund.test>", "<reply-h2-19@jobcenter.albertslund.test>"]
case(19, "ungdomsskolen-no-cvr", order=190,
     description="A self-governing institution with its own CVR, but neither the mail nor the payslip gives it (the payslip shows "
                 "only a 10-digit P-nummer, which is neither a CVR nor a CPR): CVR_MISSING.",
     msg=M(19, TORBEN, "Refusion oktober 2026 – Sofie Ladegaard", "2026-11-02 10:00"),
     root=multipart("mixed", B(19), [text_part(body19), pdf_part("Lønseddel Sofie L. okt 2026.pdf", [s19])]),
     claims=[claim(name="Sofie Ladegaard", cpr="1402981128", employer="Albertslund Ungdomsskole", cvr=None,
                   start="2026-10-01", end="2026-10-31", worked="34.00",
                   lines={"salary": "4845.00", "holiday_pay": "605.63", "special_holiday_allowance": "94.48"}, total="5545.11", s=s19)],
     problems=[], decisions=[decision("2026-10-01", "needs_information", "0.00", ["CVR_MISSING"])])

case(20, "ungdomsskolen-autosvar-subject-only", order=200, in_reply_to=REF19[1], references=REF19,
     description="An out-of-office reply in the thread of case 19 that carries no Auto-Submitted header: only the subject "
                 "('Autosvar: ...') and the text show it is automatic. Not a claim, and it completes nothing (case 21 does).",
     msg=M(20, TORBEN, "Autosvar: SV: Refusion oktober 2026 – Sofie Ladegaard", "2026-11-02 10:32"),
     root=text_part("Tak for din mail.\n\nJeg er på kursus til og med onsdag den 4. november og har begrænset adgang til mail. "
                    "Haster det, kan du kontakte ungdomsskolen@albertslund.dk eller ringe på 43 68 60 00.\n\n"
                    "Venlig hilsen\nTorben Mikkelsen\n"),
     claims=[], problems=["NOT_A_CLAIM"], decisions=[NOT_A_CLAIM])

body21 = """Hej

Beklager, CVR-nummeret glemte jeg: 41028572.

Mvh Torben

Fra: Jobcenter Albertslund <jobcenter@albertslund.dk>
Sendt: 2. november 2026 10:25
Til: Torben Mikkelsen <torben.mikkelsen@albertslund.dk>
Emne: SV: Refusion oktober 2026 – Sofie Ladegaard

Vi har modtaget jeres anmodning om refusion (reference JLT-2026-000019), men kan ikke behandle den endnu:
- arbejdsgiverens CVR-nummer mangler

Svar venligst på denne mail med de manglende oplysninger.

Med venlig hilsen
Økonomigruppen, Jobcenter Albertslund
"""
case(21, "ungdomsskolen-answer-only-cvr", order=210, in_reply_to=REF19[1], references=REF19,
     description="The answer to case 19 gives nothing but the CVR (and quotes the Jobcenter's request, which holds no figures): "
                 "the waiting claim is completed (the answer's CVR, the rest from case 19) and approved under this message. "
                 "Only employer.cvr is scored in the parse: what else a parser lists for a bare answer is open.",
     msg=M(21, TORBEN, "SV: Refusion oktober 2026 – Sofie Ladegaard", "2026-11-04 08:15"),
     root=text_part(body21),
     claims=[{"employer.cvr": "41028572"}], problems=[],
     decisions=[decision("2026-10-01", "approved", "5545.11", [])])

# ---- 24 (before 22): period 15 September - 14 October (not too long), pipe-separated lines
# Oliver, 10 h/week, placement from 15 Sep: 15 Sep + 1 month - 1 day = 14 Oct -> not PERIOD_TOO_LONG.
# cap 30 days * 10/7 = 42.857 >= 42. salary 42*148 = 6216.00; ATP 66.00; fp 777.00; særlig 6216*0.0195 = 121.212 -> 121.21.
# total 7180.21.
s24 = S("lessor", "P-2003", (day("2026-09-15"), day("2026-10-14")), [("Timeløn", "42.00", "148.00", "6216.00")],
        employer_addr=["Herstedhøj Idrætscenter", "Herstedvang 20", "2620 Albertslund"], disp=day("2026-10-15"),
        items=[("ATP arbejdsgiver", None, None, "66.00", "66.00"), ("Feriepenge", None, "12,5 %", "777.00", "777.00"),
               ("Særlig feriegodtgørelse", None, "1,95 %", "121.21", "121.21")])
s24.update(pay_akk=[("Timeløn", D("42.00"), D("148.00"), D("6216.00"), D("6216.00"))], gross_akk=D("6216.00"),
           am_akk=D("495"), askat_akk=D("340"))
is_(s24, "6216.00", "6183.00", "495")
body24 = """Hej Jobcenter

Vores lønperiode løber fra den 15. til den 14. Hermed refusion for Oliver Bak Sørensen for lønperioden 15/9 - 14/10 2026 (hans første periode hos os).

Medarbejder | Oliver Bak Sørensen | cpr 030699-1124
Arbejdsgiver | Herstedhøj Idrætscenter | cvr 35812741
Løn | 42,00 timer | 6.216,00
ATP arbejdsgiver | | 66,00
Feriepenge 12,5 % | | 777,00
Særlig feriegodtgørelse 1,95 % | | 121,21
I alt | | 7.180,21

Lønseddel vedhæftet.

Mvh Lars Krog
Centerleder
"""
LARS = ("Lars Krog", "lars.krog@herstedhoej-idraet.dk")
case(24, "herstedhoj-period-15th-to-14th-pipes", order=220,
     description="A shifted monthly pay period '15/9 - 14/10 2026' (15 September + 1 month - 1 day = 14 October: not "
                 "PERIOD_TOO_LONG); pipe-separated lines; the cap counts 30 days (42,86 h). Clean.",
     msg=M(24, LARS, "Refusion Oliver Bak Sørensen 15/9-14/10", "2026-10-19 13:37"),
     root=multipart("mixed", B(24), [text_part(body24), pdf_part("Lønspecifikation Oliver.pdf", [s24])]),
     claims=[claim(name="Oliver Bak Sørensen", cpr="0306991124", employer="Herstedhøj Idrætscenter", cvr="35812741",
                   start="2026-09-15", end="2026-10-14", worked="42.00",
                   lines={"salary": "6216.00", "atp": "66.00", "holiday_pay": "777.00", "special_holiday_allowance": "121.21"},
                   total="7180.21", s=s24)],
     problems=[], decisions=[decision("2026-09-15", "approved", "7180.21", [])])

REF24 = ["<h2-24@corpus.albertslund.test>", "<reply-h2-24@jobcenter.albertslund.test>"]
quoted24 = "\n".join(body24.splitlines())
body22 = f"""Tak for svaret og den hurtige behandling!

God dag
Lars

Fra: Jobcenter Albertslund <jobcenter@albertslund.dk>
Sendt: 20. oktober 2026 08:12
Til: Lars Krog <lars.krog@herstedhoej-idraet.dk>
Emne: SV: Refusion Oliver Bak Sørensen 15/9-14/10

Jeres anmodning om refusion (reference JLT-2026-000024) for perioden 15.09.2026 - 14.10.2026 er godkendt.
Godkendt beløb: 7.180,21 kr.
Beløbet udbetales til jeres NemKonto.

Med venlig hilsen
Økonomigruppen, Jobcenter Albertslund

Fra: Lars Krog <lars.krog@herstedhoej-idraet.dk>
Sendt: 19. oktober 2026 13:37
Til: Jobcenter Albertslund <Jobcenter@albertslund.dk>
Emne: Refusion Oliver Bak Sørensen 15/9-14/10

{quoted24}
"""
case(22, "herstedhoj-thanks-reply-quoting-claim", order=225, in_reply_to=REF24[1], references=REF24,
     description="'Tak for svaret' in the thread of the approved case 24, quoting the Jobcenter's approval and, below it, the whole "
                 "original claim (CPR, lines, total). The new text states no value at all, so nothing is claimed (RULES §3: a "
                 "message that holds no claim is not_a_claim). The quoted figures are not a new claim (it would be a DUPLICATE "
                 "otherwise), and there is no waiting claim to complete (case 24 was approved).",
     msg=M(22, LARS, "SV: Refusion Oliver Bak Sørensen 15/9-14/10", "2026-10-21 10:02"),
     root=text_part(body22),
     claims=[], problems=["NOT_A_CLAIM"], decisions=[NOT_A_CLAIM])

# ---- 23: a sick spell covering the whole month that began before the period; 0 hours worked
# Dorthe, 10 h/week, October: cap 44.29 >= 44 (0 worked + 44 sick). sick_pay 44*150 = 6600.00; ATP (44 h) 66.00;
# fp 825.00; særlig 128.70; claimed 7619.70.
# Spell first day 20 Sep; day 30 = 20 Sep + 29 = 19 Oct. Sick days of the claim: 1-31 Oct = 31; after day 30: 20-31 Oct = 12.
# sick_pay kept 6600*19/31 = 4045.1613 -> 4045.16 (cut 2554.84). approved 4045.16+66+825+128.70 = 5064.86.
s23 = S("dataloen", "P-2002", OCT, [], sick=[("Sygeløn", "44.00", "150.00", "6600.00")],
        employer_addr=["Materielgården", "Roskildevej 260", "2620 Albertslund"],
        items=[("ATP-bidrag, virksomhed", None, None, "66.00", "132.00"), ("Feriepenge 12,5 %", D("6600.00"), "12,50 %", "825.00", "1637.50"),
               ("Særlig feriegodtgørelse", D("6600.00"), "1,95 %", "128.70", "255.45")])
is_(s23, "6600.00", "6567.00", "525")
body23 = """Kære Økonomigruppe

Dorthe Munk Lauridsen (cpr 250871-1126) har været sygemeldt hele oktober. Hun blev syg søndag den 20. september og er fortsat sygemeldt.

Arbejdsgiver: Albertslund Kommune, CVR 29189919 (Materielgården)
Periode: 01.10.2026 - 31.10.2026
Timer: 0,00 arbejdet, 44,00 sygdom
Sygeperiode: 20.09.2026 - 31.10.2026

Løn under sygdom: 6.600,00
ATP: 66,00
Feriepenge 12,5 %: 825,00
Særlig feriegodtgørelse 1,95 %: 128,70
I alt: 7.619,70

Vi er opmærksomme på, at dagene efter dag 30 skal søges som sygedagpengerefusion.

Venlig hilsen
René Skov
Materielgården
"""
c23 = claim(name="Dorthe Munk Lauridsen", cpr="2508711126", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
            worked="0.00", sick="44.00", first="2026-09-20", last="2026-10-31",
            lines={"sick_pay": "6600.00", "atp": "66.00", "holiday_pay": "825.00", "special_holiday_allowance": "128.70"},
            total="7619.70", s=s23)
del c23["payslip.hours.worked"]  # the payslip has no worked-hours line: null and 0.00 are both fair readings
case(23, "materielgaarden-sick-whole-month", order=230,
     description="Sick all October, spell began 20 September (in the previous period) and goes on: day 30 is 19 October, so 12 of "
                 "the claim's 31 sick days are after day 30 and 12/31 of sick_pay is cut (6.600,00 -> 4.045,16). No salary "
                 "line and 0 hours worked: no hourly-rate check. ATP bracket from 44 paid hours (66,00).",
     msg=M(23, ("René Skov", "rene.skov@albertslund.dk"), "Refusion oktober – Dorthe Munk Lauridsen (sygemeldt)", "2026-11-05 09:30"),
     root=multipart("mixed", B(23), [text_part(body23), pdf_part("Lønseddel oktober 2026.pdf", [s23])]),
     claims=[c23], problems=[],
     decisions=[decision("2026-10-01", "partially_approved", "5064.86", ["SICK_OVER_30_DAYS"])])

# ---- 25: employment ended 20 October, last payslip (final, but the period overlaps the employment), with sick pay
# Yasmin, 10 h/week, ended 2026-10-20: days inside 1-20 Oct = 20 -> cap 20*10/7 = 200/7 = 28.571.
# paid 24 worked + 6 sick = 30 > cap -> scale (200/7)/30 = 20/21.
# salary 24*160 = 3840.00 -> *20/21 = 3657.142857 -> 3657.14; sick_pay 6*160 = 960.00 -> 914.285714 -> 914.29;
# fp 600.00 -> 571.428571 -> 571.43; særlig 4800*0.0195 = 93.60 -> 89.142857 -> 89.14. approved 5232.00 of 5493.60.
# Spell 12-13 Oct: days 1-2, no sickness cut. No ATP (30 h). A final claim overlapping the employment is ordinary.
s25 = S("dataloen", "P-2004", OCT, [("Timeløn", "24.00", "160.00", "3840.00")], sick=[("Sygeløn", "6.00", "160.00", "960.00")],
        employer_addr=["Café Kongsholm", "Kongsholmcentret 2", "2620 Albertslund"],
        items=[("Feriepenge 12,5 %", D("4800.00"), "12,50 %", "600.00", "1440.00"), ("Særlig feriegodtgørelse", D("4800.00"), "1,95 %", "93.60", "224.64")])
is_(s25, "4800.00", "4800.00", "384")
body25 = """Hej

Yasmin Khalil stoppede hos os den 20. oktober (fratrædelse efter eget ønske). Her er hendes sidste lønseddel til refusion.

CPR: 190292-1148
Arbejdsgiver: Albertslund Kommune, CVR 29189919
Periode: 2026-10
Timer: 24,00 + 6,00 timer syg
Syg: 12.-13. oktober

Løn: 3.840,00
Sygeløn: 960,00
Feriepenge 12,5 %: 600,00
Særlig feriegodtgørelse: 93,60
I alt: 5.493,60

Med venlig hilsen
Mette Ravn
Café Kongsholm
"""
case(25, "kongsholm-ended-mid-month-final-with-sick", order=240,
     description="Last payslip (fratrædelse) for October; the employment ended 20 October, so the claim is final but overlaps "
                 "the employment: an ordinary claim. Period '2026-10'. 30 paid hours (24 worked + 6 sick, 12-13 October) "
                 "exceed the cap of the 20 days inside (28,57 h): hour-proportional lines scaled by 20/21; the 11 days after "
                 "the end are a note.",
     msg=M(25, ("Mette Ravn", "mette.ravn@albertslund.dk"), "Sidste lønseddel – Yasmin Khalil (fratrådt 20.10.2026)", "2026-11-02 15:10"),
     root=multipart("mixed", B(25), [text_part(body25), pdf_part("Yasmin Khalil - sidste lønseddel.pdf", [s25])]),
     claims=[claim(name="Yasmin Khalil", cpr="1902921148", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
                   worked="24.00", sick="6.00", first="2026-10-12", last="2026-10-13", final=True,
                   lines={"salary": "3840.00", "sick_pay": "960.00", "holiday_pay": "600.00", "special_holiday_allowance": "93.60"},
                   total="5493.60", s=s25)],
     problems=[], decisions=[decision("2026-10-01", "partially_approved", "5232.00", ["HOURS_OVER_CAP", "PERIOD_PARTLY_OUTSIDE"])])

# ---- 26: an addendum LOWERING the hours (10 -> 5 h/week from 16 October); period '10/2026'
# cap = 15 days*10/7 + 16 days*5/7 = 230/7 = 32.857 < 36 paid -> scale (230/7)/36 = 115/126.
# salary 36*155 = 5580.00 -> 5092.857 -> 5092.86; fp 697.50 -> 636.607 -> 636.61; særlig 5580*0.0195 = 108.81 -> 99.3107 -> 99.31.
# approved 5828.78 of 6386.31. No ATP (36 h).
s26 = S("visma", "P-2005", OCT, [("Timeløn", "36.00", "155.00", "5580.00")],
        items=[("Feriepenge", None, "12,5 %", "697.50", "1395.00"), ("Særlig feriegodtgørelse", None, "1,95 %", "108.81", "217.62")])
is_(s26, "5580.00", "5580.00", "446")
body26 = """Hej

Refusion for 10/2026.

Navn: Per Holst Andersen
Cpr-nr: 061165-1139
Arbejdsgiver: Albertslund Kommune, CVR 29189919
Antal timer: 36,00

Løn: 5.580,00
Feriepenge: 697,50
Særlig feriegodtgørelse: 108,81
I alt: 6.386,31

(Pers timer er nedsat til 5 om ugen fra 16. oktober efter eget ønske, se tillægget.)

Venlig hilsen
Susanne Bro
Køkkenleder, Rådhusets Kantine
"""
case(26, "kantinen-addendum-lowers-hours", order=260,
     description="An addendum lowered the hours from 10 to 5 a week from 16 October; the workplace paid 36 hours. Cap "
                 "15×10/7 + 16×5/7 = 230/7 = 32,86 h: lines scaled by 115/126. Period written '10/2026'.",
     msg=M(26, ("Susanne Bro", "susanne.bro@albertslund.dk"), "Refusion 10/2026 Per Holst Andersen", "2026-11-03 11:00"),
     root=multipart("mixed", B(26), [text_part(body26), pdf_part("Per Holst Andersen 10-2026.pdf", [s26])]),
     claims=[claim(name="Per Holst Andersen", cpr="0611651139", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
                   worked="36.00", lines={"salary": "5580.00", "holiday_pay": "697.50", "special_holiday_allowance": "108.81"},
                   total="6386.31", s=s26)],
     problems=[], decisions=[decision("2026-10-01", "partially_approved", "5828.78", ["HOURS_OVER_CAP"])])

# ---- 27: free_choice, group_life and insurance lines
# Maria-Louise, 6 h/week, September: cap 30*6/7 = 25.71 >= 24. salary 24*161.20 = 3868.80; fp 483.60;
# fritvalg 4 % = 154.752 -> 154.75; gruppeliv 45.00; ulykkesforsikring 12.50. total 4564.65.
s27 = S("visma", "P-2007", SEP, [("Timeløn", "24.00", "161.20", "3868.80")],
        items=[("Feriepenge", None, "12,5 %", "483.60", "483.60"), ("Fritvalgskonto", None, "4 %", "154.75", "154.75"),
               ("Gruppeliv", None, None, "45.00", "45.00"), ("Ulykkesforsikring", None, None, "12.50", "12.50")])
is_(s27, "3868.80", "3868.80", "310")
body27 = """Kære Økonomigruppe

Hermed refusion for september 2026.

Medarbejder: Maria-Louise Brandt-Nørgaard
CPR: 280790-1128
Arbejdsgiver: Albertslund Kommune, CVR 29189919
Periode: 01.09.2026-30.09.2026
Timer: 24,00

Timeløn 24,00 t à 161,20 kr.     3.868,80 kr.
Feriepenge 12,5 %                  483,60 kr.
Fritvalgskonto 4 %                 154,75 kr.
Gruppeliv                           45,00 kr.
Ulykkesforsikring                   12,50 kr.
I alt                            4.564,65 kr.

Venlig hilsen
Helle Fog
Kulturforvaltningen
"""
case(27, "kultur-free-choice-group-life-insurance", order=270,
     description="Fritvalgskonto 4 % (free_choice), gruppeliv (group_life) and ulykkesforsikring (insurance) besides pay and "
                 "holiday pay; the salary label carries hours and rate ('Timeløn 24,00 t à 161,20 kr.'). Clean.",
     msg=M(27, ("Helle Fog", "helle.fog@albertslund.dk"), "Refusion september 2026 – Maria-Louise Brandt-Nørgaard", "2026-10-06 10:20"),
     root=multipart("mixed", B(27), [text_part(body27), pdf_part("Lønseddel 2026-09.pdf", [s27])]),
     claims=[claim(name="Maria-Louise Brandt-Nørgaard", cpr="2807901128", employer=AK, cvr=AK_CVR, start="2026-09-01",
                   end="2026-09-30", worked="24.00",
                   lines={"salary": "3868.80", "holiday_pay": "483.60", "free_choice": "154.75", "group_life": "45.00",
                          "insurance": "12.50"}, total="4564.65", s=s27)],
     problems=[], decisions=[decision("2026-09-01", "approved", "4564.65", [])])

# ---- 28: every limit exactly: 39 paid hours (ATP 66), 100,00 kr/h, pension 20 %, holiday pay 15 % + 1,00 kr
# Emma, 9 h/week, October: cap 31*9/7 = 39.857 >= 39. salary 39*100 = 3900.00 (rate 100.00: inside 100-400);
# pension 780.00 = 20.00 % (not above); holiday_pay 586.00 = 15 % (585.00) + 1.00 (not above the tolerance);
# ATP 39 h -> bracket 39-<78 -> 66.00 (not above). total 5332.00, approved.
s28 = S("visma", "P-2009", OCT, [("Timeløn", "39.00", "100.00", "3900.00")],
        items=[("ATP arbejdsgiver", None, None, "66.00", "132.00"), ("Pension arbejdsgiver", None, "20 %", "780.00", "780.00"),
               ("Feriegodtgørelse inkl. 6. ferieuge", None, None, "586.00", "1279.00")])
is_(s28, "3900.00", "3867.00", "309")
body28 = """Hej

Hermed refusion for Emma Vinther Kjær, cpr 010600-4129, for Oktober 2026. Herstedvester Skole, Albertslund Kommune, CVR 29189919.

Timer: 39,00
Løn (39,00 t à 100,00 kr): 3.900,00 kr
Pension arbejdsgiver 20 %: 780,00 kr
Feriepenge 12,5 % + 6. ferieuge 2,5 %: 586,00 kr
ATP: 66,00 kr
I alt: 5.332,00 kr

Emma er gået ned i løn efter skift til ny overenskomst med pension.

Lønseddel vedhæftet.

Hilsen Bo Riis
Skolesekretær
"""
case(28, "herstedvester-every-limit-exactly", order=280,
     description="Every threshold hit exactly, none crossed: 39,00 paid hours (ATP bracket 39-<78, 66,00), 100,00 kr an hour "
                 "(inside 100-400), pension 20,00 % of salary (PENSION_RATE is 'above'), holiday pay 586,00 = 15 % + 1,00 kr "
                 "(HOLIDAY_RATE allows +1,00). Clean. 'Oktober 2026' capitalised.",
     msg=M(28, ("Bo Riis", "bo.riis@albertslund.dk"), "Refusion okt. Emma Vinther Kjær", "2026-11-04 13:00"),
     root=multipart("mixed", B(28), [text_part(body28), pdf_part("Lønseddel 10.2026.pdf", [s28])]),
     claims=[claim(name="Emma Vinther Kjær", cpr="0106004129", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
                   worked="39.00", lines={"salary": "3900.00", "pension": "780.00", "holiday_pay": "586.00", "atp": "66.00"},
                   total="5332.00", s=s28)],
     problems=[], decisions=[decision("2026-10-01", "approved", "5332.00", [])])

# ---- 29: 400,00 kr an hour exactly; 'kr' before the amount; labels without colons; period '2026-10'
# Niels, 3 h/week, October: cap 31*3/7 = 13.29 >= 12. salary 12*400 = 4800.00; fp 600.00; særlig 93.60; total 5493.60.
s29 = S("dataloen", "P-2010", OCT, [("Timeløn", "12.00", "400.00", "4800.00")],
        items=[("Feriepenge 12,5 %", D("4800.00"), "12,50 %", "600.00", "1200.00"), ("Særlig feriegodtgørelse", D("4800.00"), "1,95 %", "93.60", "187.20")])
is_(s29, "4800.00", "4800.00", "384")
body29 = """Hej Økonomi

Refusion for perioden 2026-10 for Niels Hartvig (CPR 170478-1128), psykolog i PPR på 3 timer om ugen. Arbejdsgiver Albertslund Kommune, CVR 29189919.

Timer 12,00
Løn kr 4.800,00
Feriepenge kr 600,00
Særlig feriegodtgørelse kr 93,60
I alt kr 5.493,60

Lønseddel vedlagt.

Lise Brun
PPR Albertslund
"""
case(29, "ppr-rate-400-kr-before-amount", order=290,
     description="A psychologist at 400,00 kr an hour: the top of the plausible range, not outside it. 'kr' before the amounts, "
                 "labels without colons, period '2026-10', a distractor '3 timer om ugen'. Clean.",
     msg=M(29, ("Lise Brun", "lise.brun@albertslund.dk"), "Refusion 2026-10 Niels Hartvig", "2026-11-02 12:30"),
     root=multipart("mixed", B(29), [text_part(body29), pdf_part("NH_2026-10.pdf", [s29])]),
     claims=[claim(name="Niels Hartvig", cpr="1704781128", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
                   worked="12.00", lines={"salary": "4800.00", "holiday_pay": "600.00", "special_holiday_allowance": "93.60"},
                   total="5493.60", s=s29)],
     problems=[], decisions=[decision("2026-10-01", "approved", "5493.60", [])])

# ---- 30: a CVR that starts with 0 (it passes modulus 11: only the leading 0 makes it invalid); the payslip shows no CVR
# Rasmus, 4 h/week, October: cap 17.71 >= 17. salary 17*152 = 2584.00; fp 323.00; særlig 50.388 -> 50.39; total 2957.39.
s30 = S("dataloen", "P-2011", OCT, [("Timeløn", "17.00", "152.00", "2584.00")], cvr=None,
        employer_addr=["Kulturtorvet", "Bibliotekstorvet 2", "2620 Albertslund"],
        items=[("Feriepenge 12,5 %", D("2584.00"), "12,50 %", "323.00", "646.00"), ("Særlig feriegodtgørelse", D("2584.00"), "1,95 %", "50.39", "100.78")])
is_(s30, "2584.00", "2584.00", "207")
body30 = """Hej

Refusion for oktober 2026.

Navn: Rasmus Friis Holm
CPR: 080589-1130
Arbejdsgiver: Albertslund Kommune
CVR: 02918994
Timer: 17,00

Løn: 2.584,00
Feriepenge: 323,00
Særlig feriegodtgørelse: 50,39
I alt: 2.957,39

Lønseddel vedhæftet.

Venlig hilsen
Birgit Lund
Kulturtorvet
"""
case(30, "kulturtorvet-cvr-leading-zero", order=300,
     description="The mail's CVR 02918994 passes the modulus-11 check but starts with 0, which no CVR does: CVR_INVALID "
                 "(needs_information). The payslip shows no CVR. An invalid CVR is no CVR to compare, so no EMPLOYER_MISMATCH "
                 "(as no lookup runs without a usable CPR).",
     msg=M(30, ("Birgit Lund", "birgit.lund@albertslund.dk"), "Refusion oktober – Rasmus Friis Holm", "2026-11-05 10:00"),
     root=multipart("mixed", B(30), [text_part(body30), pdf_part("Rasmus okt.pdf", [s30])]),
     claims=[claim(name="Rasmus Friis Holm", cpr="0805891130", employer=AK, cvr=CVR_LEADING_ZERO, start="2026-10-01",
                   end="2026-10-31", worked="17.00",
                   lines={"salary": "2584.00", "holiday_pay": "323.00", "special_holiday_allowance": "50.39"}, total="2957.39", s=s30)],
     problems=[], decisions=[decision("2026-10-01", "needs_information", "0.00", ["CVR_INVALID"])])

# ---- 31: short form of a hyphenated name with a middle name; sender address in other letter case
# Placement: 'Maria-Louise Brandt-Nørgaard' -> split at spaces and hyphens: first 'maria', last 'nørgaard'.
# Mail: 'Maria Nørgaard' -> first 'maria', last 'nørgaard': no NAME_MISMATCH. Sender Helle.Fog@Albertslund.DK = contact.
# 6 h/week, October: cap 26.57 >= 25.5. salary 25.5*161.20 = 4110.60; fp 513.825 -> 513.83; særlig 80.1567 -> 80.16; 4704.59.
s31 = S("visma", "P-2007", OCT, [("Timeløn", "25.50", "161.20", "4110.60")],
        items=[("Feriepenge", None, "12,5 %", "513.83", "997.43"), ("Særlig feriegodtgørelse", None, "1,95 %", "80.16", "155.60")])
is_(s31, "4110.60", "4110.60", "329")
body31 = """Kære Økonomigruppe

Hermed refusion for oktober 2026 for Maria Nørgaard, CPR 280790-1128.
Arbejdsgiver: Albertslund Kommune, CVR 29189919
Periode: 01.10.2026-31.10.2026
Timer: 25,50

Løn: 4.110,60 kr.
Feriepenge 12,5 %: 513,83 kr.
Særlig feriegodtgørelse 1,95 %: 80,16 kr.
I alt: 4.704,59 kr.

Venlig hilsen
Helle Fog
Kulturforvaltningen
"""
case(31, "kultur-short-name-sender-case", order=310,
     description="The mail calls 'Maria-Louise Brandt-Nørgaard' 'Maria Nørgaard': split at spaces and hyphens, the first given "
                 "name and the last surname agree, so no NAME_MISMATCH. The sender writes her address as "
                 "Helle.Fog@Albertslund.DK: a contact all the same.",
     msg=M(31, ("Helle Fog", "Helle.Fog@Albertslund.DK"), "Refusion oktober 2026 – Maria Nørgaard", "2026-11-03 14:20"),
     root=multipart("mixed", B(31), [text_part(body31), pdf_part("Lønseddel 2026-10.pdf", [s31])]),
     claims=[claim(name="Maria Nørgaard", cpr="2807901128", employer=AK, cvr=AK_CVR, start="2026-10-01", end="2026-10-31",
                   worked="25.50", lines={"salary": "4110.60", "holiday_pay": "513.83", "special_holiday_allowance": "80.16"},
                   total="4704.59", s=s31)],
     problems=[], decisions=[decision("2026-10-01", "approved", "4704.59", [])])

# ---- 32/33: LATE_CLAIM boundary. July ends 31 July; + 3 calendar months = 31 October.
# 32 is dated Sat 31 Oct 2026 23:40 +0100 (= 22:40 UTC, still 31 Oct): not later -> not late.
# 33 is dated Sun 1 Nov 2026 07:45 +0100: later -> LATE_CLAIM.
# 32 Ahmed, 5 h/week, July: cap 22.14 >= 21. salary 21*145 = 3045.00; fp 380.63; særlig 59.38; total 3485.01.
# 33 Gitte: salary 20*145 = 2900.00; fp 362.50; særlig 2900*0.0195 = 56.55; total 3319.05.
OLE = ("Ole Hviid", "ole.hviid@albertslund.dk")
for num, pid, h, sal, fp, sf, tot, date, late in [
        (32, "P-2101", "21.00", "3045.00", "380.63", "59.38", "3485.01", "2026-10-31 23:40", False),
        (33, "P-2102", "20.00", "2900.00", "362.50", "56.55", "3319.05", "2026-11-01 07:45", True)]:
    p = P[pid]
    s = S("dataloen", pid, JUL, [("Timeløn", h, "145.00", sal)],
          employer_addr=["Vej & Park", "Roskildevej 260", "2620 Albertslund"],
          items=[("Feriepenge 12,5 %", D(sal), "12,50 %", fp, str(D(fp) * 6)), ("Særlig feriegodtgørelse", D(sal), "1,95 %", sf, str(D(sf) * 6))])
    assert r2(D(sal) * D("0.125")) == D(fp) and r2(D(sal) * D("0.0195")) == D(sf) and D(sal) + D(fp) + D(sf) == D(tot)
    first = p["name"].split()[0]
    body = f"""Hej

Beklager den sene fremsendelse – {first}s lønseddel for juli blev glemt i sommerferien.

Medarbejder: {p['name']}
CPR-nr.: {p['cpr'][:6]}-{p['cpr'][6:]}
Arbejdsgiver: Albertslund Kommune, CVR-nr.: 29189919
Periode: 01.07.2026 - 31.07.2026
Timer: {dk(h)}
Løn: {dk(sal)}
Feriepenge: {dk(fp)}
Særlig feriegodtgørelse: {dk(sf)}
I alt: {dk(tot)}

Venlig hilsen
Ole Hviid
Vej & Park
"""
    case(num, f"vejpark-july-{'one-day-late' if late else 'last-day-in-time'}", order=num * 10,
         description=("July claim sent Sunday 1 November 2026 07:45: one day after 31 July + 3 months (31 October): LATE_CLAIM."
                      if late else
                      "July claim sent Saturday 31 October 2026 at 23:40 (+01:00; 22:40 UTC, still 31 October): exactly "
                      "31 July + 3 calendar months, which is not later: in time, approved."),
         msg=M(num, OLE, f"Refusion juli 2026 – {p['name']}", date),
         root=multipart("mixed", B(num), [text_part(body), pdf_part(f"Lønseddel juli 2026 {p['name']}.pdf", [s])]),
         claims=[claim(name=p["name"], cpr=p["cpr"], employer=AK, cvr=AK_CVR, start="2026-07-01", end="2026-07-31",
                       worked=h, lines={"salary": sal, "holiday_pay": fp, "special_holiday_allowance": sf}, total=tot, s=s)],
         problems=[],
         decisions=[decision("2026-07-01", "manual_review", "0.00", ["LATE_CLAIM"]) if late
                    else decision("2026-07-01", "approved", tot, [])])


# ================================================================ write

def main():
    check_pool()
    if CASES.exists():
        shutil.rmtree(CASES)
    CASES.mkdir(parents=True)
    header = ["placement_id", "employee_name", "cpr", "employer_name", "cvr", "workplace", "contact_emails", "weekly_hours",
              "start_date", "end_date", "praktik_until", "effective_from", "applied_at", "holiday_scheme"]
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(PLACEMENT_ROWS)
    (HERE / "placements.csv").write_text(buf.getvalue(), encoding="utf-8")
    (HERE / "corpus.json").write_text(json.dumps({"today": TODAY}, indent=2) + "\n")
    for slug, raw, exp in sorted(OUT):
        d = CASES / slug
        d.mkdir()
        (d / "message.eml").write_bytes(raw)
        (d / "expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    rows = []
    for slug, raw, exp in sorted(OUT):
        outs = " / ".join(f"{d['outcome']}" + (f" {d['approved']}" if d["outcome"] in ("approved", "partially_approved") else "")
                          for d in exp["decisions"])
        codes = " / ".join(", ".join(d["codes"]) or "—" for d in exp["decisions"])
        rows.append(f"| `{slug}` | {exp['description'].replace('|', chr(92) + '|')} | {outs} | {codes} |")
    (HERE / "README.md").write_text(
        "# Held-out corpus 2 (generated by `make_corpus.py`; do not edit by hand)\n\n"
        "Written without reading the processor's parsers/claims code or tests/heldout. New people and workplaces, "
        "29 placement rows in two groups that never overlap in time (ends by 31 August / starts 1 September or later, "
        "each group summing to 100 h/week, so nothing is waitlisted). Expected values computed by hand from RULES.md "
        "(arithmetic in the generator's comments). Score with\n\n"
        "    python3 ../shared/eval/run.py --corpus tests/heldout2 --show 300\n\n"
        "| case | what it shows | outcome | codes |\n|---|---|---|---|\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(OUT)} cases, {sum(len(e['decisions']) for _, _, e in OUT)} decisions, {len(PLACEMENT_ROWS)} placement rows")


if __name__ == "__main__":
    main()
