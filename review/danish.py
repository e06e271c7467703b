"""Danish words and number formats of the page: amounts ``1.234,56``, dates ``20.11.2026``,
outcomes, cost lines and a one-line statement of each rule (RULES.md §4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from claims.money import to_ore

OUTCOMES = {
    "approved": "Godkendt",
    "partially_approved": "Delvist godkendt",
    "rejected": "Afvist",
    "needs_information": "Mangler oplysninger",
    "manual_review": "Til manuel behandling",
    "not_a_claim": "Ikke en anmodning",
}

KINDS = {
    "salary": "Løn",
    "sick_pay": "Løn under sygdom",
    "atp": "ATP (arbejdsgiverandel)",
    "am_bidrag": "AM-bidrag",
    "pension": "Pension (arbejdsgiverandel)",
    "holiday_pay": "Feriepenge",
    "special_holiday_allowance": "Særlig feriegodtgørelse",
    "free_choice": "Fritvalg",
    "group_life": "Gruppeliv",
    "insurance": "Forsikring",
    "other": "Andre lønudgifter",
}

# RULES.md §4, the rule each code stands for, as a reviewer reads it next to the finding.
RULES = {
    "CPR_MISSING": "Intet CPR-nummer fundet.",
    "CPR_INVALID": "De første seks cifre er ikke en rigtig dato.",
    "CPR_MOD11": "Gyldig dato, men modulus 11-kontrollen fejler (tilladt siden 2007, derfor kun et flag).",
    "CVR_MISSING": "Intet CVR-nummer fundet.",
    "CVR_INVALID": "CVR-nummeret starter med 0 eller fejler modulus 11-kontrollen.",
    "PLACEMENT_NOT_FOUND": "Ingen godkendt ansættelse for dette CPR-nummer.",
    "EMPLOYER_MISMATCH": "CVR-nummeret er ikke ansættelsens arbejdsgivers.",
    "NAME_MISMATCH": "Første fornavn eller sidste efternavn er ikke ansættelsens.",
    "SENDER_NOT_AUTHORIZED": "Afsenderen er ikke kontaktperson for arbejdsstedet; svaret indeholder ingen personoplysninger.",
    "PERIOD_MISSING": "Ingen periode, eller en periode der slutter før den starter.",
    "PERIOD_TOO_LONG": "Perioden er længere end start + 1 kalendermåned − 1 dag.",
    "PERIOD_OUTSIDE_PLACEMENT": "Ingen dag i perioden ligger i ansættelsen (efter praktik, før slutdato).",
    "PERIOD_PARTLY_OUTSIDE": "Nogle dage ligger uden for ansættelsen; timeloftet tæller kun dagene inde i den.",
    "DUPLICATE": "En tidligere anmodning for samme ansættelse og overlappende periode er behandlet.",
    "CORRECTION": "Mailen retter en tidligere anmodning.",
    "FINAL_OTHER_LINES": "Ved fratrædelse refunderes kun feriepenge og særlig feriegodtgørelse.",
    "HOURS_MISSING": "Løn eller sygeløn er søgt, men timerne er ikke oplyst.",
    "HOURS_OVER_CAP": "Betalte timer over loftet (ugetimer/7 pr. dag): timeafhængige linjer skaleres ned.",
    "SICK_INFO_MISSING": "Sygeløn er søgt, men første eller sidste sygedag mangler.",
    "SICK_OVER_30_DAYS": "Sygeløn efter 30. sygedag refunderes ikke (sygedagpengerefusion via NemRefusion).",
    "PAYSLIP_MISSING": "Ingen læsbar lønseddel vedhæftet.",
    "ITEMS_MISSING": "Kun en total, ingen specifikation.",
    "TOTAL_MISMATCH": "Totalen afviger mere end 1,00 kr. fra summen af linjerne.",
    "AM_DOUBLE_COUNTED": "Løn + sygeløn svarer til bruttolønnen, og AM-bidrag er søgt oveni: AM-linjen trækkes fra.",
    "AM_RATE": "AM-bidraget afviger mere end 1,00 kr. fra 8 % af AM-grundlaget.",
    "ATP_OVER_BRACKET": "ATP over arbejdsgiverandelen for månedens timetrin: skåret ned til satsen.",
    "HOLIDAY_RATE": "Feriepenge over 15 % eller særlig feriegodtgørelse over 2,45 % af løn + sygeløn.",
    "PENSION_RATE": "Pension over 20 % af lønnen.",
    "HOURLY_RATE_IMPLAUSIBLE": "Løn pr. arbejdet time uden for det forventede interval.",
    "BODY_PAYSLIP_MISMATCH": "Mailen og lønsedlen er uenige (beløb, CPR, periode eller timer).",
    "LATE_CLAIM": "Mailen kom senere end periodens slutning + 3 måneder.",
    "OTHER_COSTS": "Andre lønudgifter er søgt og skal altid vurderes.",
    "LOW_CONFIDENCE": "En beløbsafgørende værdi er kun læst med OCR fra en scanning.",
    "FOUR_EYES": "Beløbet er over grænsen: to forskellige sagsbehandlere skal godkende.",
    "NOT_A_CLAIM": "Mailen indeholder ikke en anmodning om refusion.",
    "REVIEW_ADJUSTED": "En sagsbehandler har justeret linjen.",
}

SEVERITIES = {
    "note": "Note",
    "partially_approved": "Fradrag",
    "manual_review": "Manuel behandling",
    "needs_information": "Mangler",
    "rejected": "Afvisning",
}

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december")


def money(value: Decimal | str | None) -> str:
    """``1.234,56`` (no currency word: columns say kr.)."""
    if value is None or value == "":
        return "–"
    text = f"{to_ore(Decimal(value)):,.2f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def day(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "–"
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def moment(value: dt.datetime | None) -> str:
    if value is None:
        return "–"
    local = value.astimezone() if value.tzinfo else value
    return f"{day(local)} kl. {local:%H:%M}"


def period(start: dt.date | None, end: dt.date | None) -> str:
    """``1.–31. oktober 2026`` for a whole month, else ``17.08.2026–30.09.2026``."""
    if start is None and end is None:
        return "–"
    if start is None or end is None:
        return day(start or end)
    if start.year == end.year and start.month == end.month:
        return f"{start.day}.–{end.day}. {MONTHS[start.month - 1]} {start.year}"
    return f"{day(start)}–{day(end)}"


def month(value: dt.date) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


def outcome(value: str) -> str:
    return OUTCOMES.get(value, value)


def kind(value: str) -> str:
    return KINDS.get(value, value)
