"""Overview (placements, the pool over time, refunds per workplace and month), payments, and
the admins' user list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from ledger import payments as ledger_payments
from ledger.reviews import ROLES
from ledger.store import LedgerError
from review import overview, payments
from review.auth import hash_password
from review.web import deps_of, page, session_of

router = APIRouter()


@router.get("/overblik")
def overview_page(request: Request) -> Response:
    deps = deps_of(request)
    allocation, rows = overview.placements(deps)
    months, table, totals = overview.refunds_by_month(deps)
    today = deps.today()
    return page(
        request,
        "overview.html.j2",
        placements=rows,
        chart=overview.timeline_svg(deps, allocation, rows),
        use_today=allocation.use_on(today),
        peak=allocation.peak(),
        capacity=deps.config.pool_hours,
        months=months,
        table=table,
        totals=totals,
        grand_total=sum(totals.values(), Decimal("0.00")),
    )


def _until(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError as err:
        raise HTTPException(status_code=400, detail="Datoen skal skrives ÅÅÅÅ-MM-DD.") from err


@router.get("/betalinger")
def payments_page(request: Request, til: str = "") -> Response:
    deps = deps_of(request)
    lines = ledger_payments.unexported(deps.store, until=_until(til))
    return page(request, "payments.html.j2", lines=lines, until=til, total=sum((x.amount for x in lines), Decimal("0.00")),
                batches=ledger_payments.batches(deps.store))


@router.post("/betalinger/eksport")
async def export(request: Request) -> Response:
    form = await request.form()
    deps = deps_of(request)
    batch = payments.batch_name(dt.datetime.now(dt.UTC))
    lines = ledger_payments.export_refunds(deps.store, batch=batch, until=_until(str(form.get("til") or "")))
    return Response(
        payments.to_csv(lines, batch),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="refusion-{batch}.csv"'},
    )


@router.get("/brugere")
def users_page(request: Request) -> Response:
    if not session_of(request).user.is_admin:
        raise HTTPException(status_code=403, detail="Kun administratorer kan se brugerne.")
    return page(request, "users.html.j2", users=deps_of(request).reviews.users(), roles=ROLES)


@router.post("/brugere")
async def add_user(request: Request) -> Response:
    if not session_of(request).user.is_admin:
        raise HTTPException(status_code=403, detail="Kun administratorer kan oprette brugere.")
    form = await request.form()
    name, role, password = str(form.get("name") or ""), str(form.get("role") or ""), str(form.get("password") or "")
    deps = deps_of(request)
    error = None
    if len(password) < 10:
        error = "Adgangskoden skal være mindst 10 tegn."
    else:
        try:
            deps.reviews.add_user(name, role=role, password_hash=hash_password(password))
        except LedgerError as err:
            error = str(err)
    if error:
        return page(request, "users.html.j2", status=400, users=deps.reviews.users(), roles=ROLES, error=error)
    return RedirectResponse("/brugere?ok=bruger", status_code=303)
