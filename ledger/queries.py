"""Documents built from the ledger for people and programs. Every CPR number is masked here
(RULES.md §6): the decision document (CONTRACT.md, schema/decision.schema.json) shows
``DDMMYY-xxxx``."""

from __future__ import annotations

from typing import Any

from claims import pool
from claims.cpr import mask
from ledger.codec import amount
from ledger.store import DecisionRow


def decision_document(row: DecisionRow) -> dict[str, Any]:
    """One item of `claims decisions --json`."""
    doc: dict[str, Any] = {
        "reference": row.reference,
        "message_id": row.message_id,
        "placement_id": row.placement_id,
        "cpr": mask(row.cpr),
        "period": {
            "start": None if row.period_start is None else row.period_start.isoformat(),
            "end": None if row.period_end is None else row.period_end.isoformat(),
        },
        "outcome": row.outcome,
        "claimed": amount(row.claimed),
        "approved": amount(row.approved),
        "proposed": amount(row.proposed),
        "findings": [
            {
                "code": f.get("code"),
                "amount": f.get("amount"),
                "text": f.get("text"),
                "severity": f.get("severity"),
            }
            for f in row.findings
        ],
        "decided_by": row.decided_by,
        "rules_version": row.rules_version,
        "decided_on": row.decided_on.isoformat(),
    }
    if row.reviewers:
        doc["reviewers"] = list(row.reviewers)
    if row.supersedes_id is not None:
        doc["supersedes"] = row.supersedes_reference
    return doc


def placement_document(entry: pool.PoolEntry) -> dict[str, Any]:
    """One item of `claims placements list --json`: the CSV's fields of the placement as it is
    now (its latest version), its `status`, and every version with its own pool status. The
    CPR is given as the CSV has it: this listing is for the Jobcenter's own staff."""
    latest = entry.versions[-1].version
    doc = _version_fields(latest)
    doc["status"] = entry.status
    doc["versions"] = [{**_version_fields(v.version), "status": v.status, "findings": [f.code for f in v.findings]} for v in entry.versions]
    return doc


def _version_fields(v: Any) -> dict[str, Any]:
    return {
        "placement_id": v.placement_id,
        "employee_name": v.employee_name,
        "cpr": mask(v.cpr),
        "employer_name": v.employer_name,
        "cvr": v.cvr,
        "workplace": v.workplace,
        "contact_emails": ";".join(v.contact_emails),
        "weekly_hours": f"{v.weekly_hours.normalize():f}",
        "start_date": v.start_date.isoformat(),
        "end_date": v.end_date.isoformat(),
        "praktik_until": None if v.praktik_until is None else v.praktik_until.isoformat(),
        "effective_from": v.effective_from.isoformat(),
        "applied_at": v.applied_at.isoformat(),
        "holiday_scheme": v.holiday_scheme,
    }
