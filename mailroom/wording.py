"""Plain-Danish words for the replies: a title per RULES.md code, what to send for each
`needs_information` code, and Danish dates and periods (babel's `da` month names)."""

from __future__ import annotations

import datetime as dt

from babel.dates import get_month_names

# RULES.md §4, one short heading a workplace understands per finding code.
TITLES: dict[str, str] = {
    "CPR_MISSING": "CPR-nummeret mangler",
    "CPR_INVALID": "CPR-nummeret er ikke gyldigt",
    "CPR_MOD11": "CPR-nummeret skal kontrolleres",
    "CVR_MISSING": "CVR-nummeret mangler",
    "CVR_INVALID": "CVR-nummeret er ikke gyldigt",
    "PLACEMENT_NOT_FOUND": "Ingen godkendt ansættelse",
    "EMPLOYER_MISMATCH": "Arbejdsgiveren passer ikke med ansættelsen",
    "NAME_MISMATCH": "Navnet passer ikke med ansættelsen",
    "SENDER_NOT_AUTHORIZED": "Afsenderen er ikke kontaktperson for ansættelsen",
    "PERIOD_MISSING": "Perioden mangler",
    "PERIOD_TOO_LONG": "Perioden er længere end en måned",
    "PERIOD_OUTSIDE_PLACEMENT": "Perioden ligger uden for ansættelsen",
    "PERIOD_PARTLY_OUTSIDE": "En del af perioden ligger uden for ansættelsen",
    "DUPLICATE": "Perioden er allerede behandlet",
    "CORRECTION": "Rettelse af en tidligere anmodning",
    "HOURS_MISSING": "Timetallet mangler",
    "HOURS_OVER_CAP": "Flere timer end ansættelsen giver ret til",
    "SICK_INFO_MISSING": "Sygedagene mangler",
    "SICK_OVER_30_DAYS": "Løn under sygdom efter 30. sygedag",
    "PAYSLIP_MISSING": "Lønsedlen mangler",
    "ITEMS_MISSING": "Beløbet er ikke specificeret",
    "TOTAL_MISMATCH": "Totalen passer ikke med linjerne",
    "AM_DOUBLE_COUNTED": "AM-bidrag er talt med to gange",
    "AM_RATE": "AM-bidraget skal kontrolleres",
    "ATP_OVER_BRACKET": "ATP er højere end satsen",
    "HOLIDAY_RATE": "Feriepengene skal kontrolleres",
    "PENSION_RATE": "Pensionen skal kontrolleres",
    "HOURLY_RATE_IMPLAUSIBLE": "Timelønnen skal kontrolleres",
    "BODY_PAYSLIP_MISMATCH": "Mailen og lønsedlen stemmer ikke overens",
    "LATE_CLAIM": "Anmodningen er kommet efter fristen",
    "OTHER_COSTS": "Andre lønudgifter skal kontrolleres",
    "LOW_CONFIDENCE": "Tal læst fra en scanning skal kontrolleres",
    "FOUR_EYES": "Beløbet skal godkendes af to medarbejdere",
    "FINAL_OTHER_LINES": "Ved fratrædelse refunderes kun feriepenge",
    "NOT_A_CLAIM": "Ikke en anmodning om refusion",
    # a reviewer's decision (review page): not rule codes, but the reply names them the same way
    "BEHANDLET_AF_ØKONOMIGRUPPEN": "Behandlet af Økonomigruppen",
    "JUSTERET_AF_ØKONOMIGRUPPEN": "Justeret af Økonomigruppen",
}

# RULES.md §4, outcome needs_information: exactly what the workplace must send.
MISSING: dict[str, str] = {
    "CPR_MISSING": "medarbejderens CPR-nummer",
    "CPR_INVALID": "medarbejderens rigtige CPR-nummer (det oplyste er ikke en gyldig dato)",
    "CVR_MISSING": "arbejdsgiverens CVR-nummer",
    "CVR_INVALID": "arbejdsgiverens rigtige CVR-nummer (det oplyste er ikke gyldigt)",
    "PERIOD_MISSING": "perioden, I søger refusion for (første og sidste dag)",
    "HOURS_MISSING": "antal timer i perioden: arbejdede timer og timer med løn under sygdom",
    "SICK_INFO_MISSING": "første sygedag i sygeforløbet og sidste sygedag i perioden",
    "PAYSLIP_MISSING": "lønsedlen for perioden, som en PDF der kan åbnes uden adgangskode",
    "ITEMS_MISSING": "beløbet fordelt på linjer: løn, ATP, pension, feriepenge osv.",
}

NEMREFUSION_CODE = "SICK_OVER_30_DAYS"

_MONTHS = get_month_names("wide", locale="da")


def title(code: str) -> str:
    return TITLES.get(code, code.replace("_", " ").capitalize())


def danish_date(day: dt.date) -> str:
    """``1. oktober 2026``."""
    return f"{day.day}. {_MONTHS[day.month]} {day.year}"


def danish_period(start: dt.date | None, end: dt.date | None) -> str | None:
    """``1.–31. oktober 2026``, ``17. august – 30. september 2026``, or one side alone."""
    if start is None or end is None:
        day = start or end
        return danish_date(day) if day else None
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}.–{end.day}. {_MONTHS[end.month]} {end.year}"
    if start.year == end.year:
        return f"{start.day}. {_MONTHS[start.month]} – {danish_date(end)}"
    return f"{danish_date(start)} – {danish_date(end)}"
