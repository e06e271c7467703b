"""What a label on a claim line or a payslip row means (../shared/PAYSLIPS.md "Common labels").

The order of the tests matters: "Særlig feriegodtgørelse" before "feriegodtgørelse", "Løn under
sygdom" before "løn", the employee's own ATP and pension shares before the employer's.
"""

from __future__ import annotations

import re
from enum import StrEnum

from claims.model import Kind


class Label(StrEnum):
    """Rows that are not claim lines but matter: totals and the payslip's own facts."""

    TOTAL = "total"
    GROSS = "gross"
    AM_BASIS = "am_basis"
    A_INCOME = "a_income"
    AM_DEDUCTION = "am_deduction"
    PAID_HOURS = "paid_hours"
    PENSION_TOTAL = "pension_total"  # both shares; the employer's share follows as "heraf arbejdsgiverandel"
    IGNORE = "ignore"


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# (pattern, meaning), first match wins.
_RULES: tuple[tuple[re.Pattern[str], Kind | Label], ...] = (
    (_r(r"opsparet|saldo|akkumuleret|år til dato|i ferieåret|feriepengegrundlag|ferieberettige|pensionsprocent|"
        r"beskæftigelsesgrad|feriedage|optjent"), Label.IGNORE),
    (_r(r"^\W*(time|måneds|grund)?løn\b.*(ekskl|uden|excl)"), Kind.SALARY),
    (_r(r"bruttoløn|bruttoindkomst|bruttoindtægt|skattepligtig\s+(løn|indkomst)|"
        r"brutto\s*i\s*alt|^\W*brutto\W*$|lønindtægt i alt|a-?indkomst og am|gross\s+(pay|salary|earnings|wages?)|"
        r"total\s+gross|^\W*gross\W*$"), Label.GROSS),
    (_r(r"am-?bidrags?-?grundlag|am[-\s]?grundlag|am[-\s]?indkomst|am-?bidragspligtig|am\s+basis"), Label.AM_BASIS),
    (_r(r"\ba-?indkomst\b"), Label.A_INCOME),
    (_r(r"timeløn(nen)?\s+(er|var|på|udgør|ca\.?|cirka|omkring)\s*$|timesats|\bsats\b|pr\.?\s*time\s*$"), Label.IGNORE),  # a rate
    (_r(r"til udbetaling|nettoløn|^\W*udbetalt|udbetalt til|udbetales|overført|nemkonto|\ba-?skat\b|skattefradrag|fradrag|"
        r"trækprocent"), Label.IGNORE),
    (_r(r"arbejdsmarkedsbidrag\w*grundlag|arbejdsmarkedsbidragspligtig"), Label.AM_BASIS),
    (_r(r"\bam[-\s]?bidrag|arbejdsmarkedsbidrag|\bam[-\s]?contribution|labou?r\s+market\s+(contribution|tax)"), Kind.AM_BIDRAG),
    (_r(r"atp.*(eget|egen|medarbejder|lønmodtager|af løn|employee)|(eget|medarbejder|employee).*atp"), Label.IGNORE),
    (_r(r"\batp\b"), Kind.ATP),
    (_r(r"pension.*(eget|egen|medarbejder|lønmodtager|employee)|egenbidrag|eget bidrag|medarbejderbidrag|medarbejderandel"),
     Label.IGNORE),
    (_r(r"pension\s+i\s+alt"), Label.PENSION_TOTAL),
    (_r(r"særlige?\s+feriegodtgørelse|ferietillæg|særlig\s+ferie|særlig\s+f\.?\s?g\b|\bsfg\b|special holiday"),
     Kind.SPECIAL_HOLIDAY_ALLOWANCE),
    (_r(r"feriepenge|feriegodtgørelse|ferieuge|ferie\s*godtgørelse|ferieløn\b|holiday pay|vacation pay|holiday allowance"),
     Kind.HOLIDAY_PAY),
    (_r(r"pension|virksomhedsprocent"), Kind.PENSION),
    (_r(r"fritvalg|fritvalgs"), Kind.FREE_CHOICE),
    (_r(r"gruppeliv"), Kind.GROUP_LIFE),
    (_r(r"forsikring"), Kind.INSURANCE),
    (_r(r"sygedagpenge(?!refusion)|sygeløn|"
        r"løn under sygdom|syg\w* m(ed|\.)\s*løn|sygdom|sygefravær|sygedag(e)?\s+med\s+løn|sick pay|sick leave pay"),
     Kind.SICK_PAY),
    (_r(r"^\W*(antal\s+)?timer\W*$|betalte timer i alt|timer i alt|arbejdstimer\s*$|^\W*arbejdstimer|timer i perioden|"
        r"timer\s+(?:i\s+)?denne\s+(?:periode|måned)|"
        r"^\W*antal timer|^\W*løntimer|(præsterede|arbejdede|betalte|udførte|lønnede|worked|paid)\s+(timer|hours)"),
     Label.PAID_HOURS),
    (_r(r"andre lønudgifter|andre udgifter|øvrige|aer\b|akut\b|barsel|kompetence|\bandet\b|\bother\b"), Kind.OTHER),
    (_r(r"\bi\s+alt\b|\btotal\b|\bsamlet\b|\bsamlede\b|\bsum\b|refusion i alt|\bialt\b|refusionsbeløb|beløb til refusion"), Label.TOTAL),
    (_r(r"\b(salary|wages?|hourly pay|basic pay|pay for hours)\b"), Kind.SALARY),
    (_r(r"(aften|nat|weekend|week-end|lørdags|søndags|helligdags|skifteholds|forskudt\w*|ulempe)\w*tillæg|overarbejde|"
        r"merarbejde"), Kind.SALARY),
    (_r(r"\b(time|måneds|grund|basis|ordinær|normal)?løn\b|timeløn|månedsløn|grundløn|normaltimer|arbejdstimer|"
        r"løn\s*\(|lønudgift|\bløn,|\blønnen\b|^\W*(gage|honorar|lønindtægt)\b|^\W*normaltid\b"), Kind.SALARY),
)


def classify(label: str) -> Kind | Label | None:
    """The meaning of a row label, or None when it names no cost."""
    text = label.strip()
    if not text:
        return None
    for pattern, meaning in _RULES:
        if pattern.search(text):
            return meaning
    return None
