"""The queue, the claim page, the reviewer's actions and the payslip page images."""

from __future__ import annotations

from decimal import Decimal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from claims.cpr import mask
from ledger.reviews import CPR_REVEALED
from review import actions, claim_page, queue
from review.ports import Box
from review.web import deps_of, page, session_of

router = APIRouter()


@router.get("/sager")
def claims_list(
    request: Request, fane: str = "behandling", arbejdssted: str = "", udfald: str = "", kode: str = "", q: str = ""
) -> Response:
    deps = deps_of(request)
    tab = fane if fane in queue.TABS else "behandling"
    filters = queue.Filters(workplace=arbejdssted, outcome=udfald, code=kode, q=q)
    rows, choices = queue.claim_rows(deps, tab, filters)
    counts = {name: len(queue.claim_rows(deps, name, queue.Filters())[0]) for name in ("behandling", "venter")}
    counts["post"] = len(queue.mail_rows(deps))
    return page(request, "queue.html.j2", tab=tab, rows=rows, choices=choices, filters=filters, counts=counts)


def _claim(request: Request, reference: str, *, status: int = 200, error: str | None = None, revealed: str | None = None,
           form: dict[str, str] | None = None) -> Response:
    deps = deps_of(request)
    row = deps.store.decision(reference)
    if row is None or row.outcome == "not_a_claim":
        raise HTTPException(status_code=404, detail=f"Sagen {reference} findes ikke.")
    view = claim_page.build(deps, row)
    pending_amounts = [Decimal(a) for a in view.pending.data.get("amounts", ())] if view.pending else []
    return page(request, "claim.html.j2", status=status, view=view, error=error, revealed=revealed, form=form or {},
                pending_amounts=pending_amounts, pending_total=sum(pending_amounts, Decimal("0.00")),
                proposal=actions.proposal(view.current),
                four_eyes_above=deps.config.four_eyes_above)


@router.get("/sager/{reference}")
def claim(request: Request, reference: str) -> Response:
    return _claim(request, reference)


async def _form(request: Request) -> dict[str, str]:
    return {k: str(v) for k, v in (await request.form()).items()}


def _done(reference: str, result: actions.Done, ok: str) -> Response:
    if result.decision is not None:
        return RedirectResponse(f"/sager/{result.decision.reference}?ok={ok}", status_code=303)
    return RedirectResponse(f"/sager/{reference}?ok=afventer", status_code=303)


@router.post("/sager/{reference}/godkend")
async def approve(request: Request, reference: str) -> Response:
    form = await _form(request)
    deps, user = deps_of(request), session_of(request).user
    try:
        row = actions.current(deps, reference)
        changes = actions.parse_changes(form, row)
        result = actions.approve(deps, reference, user, changes=changes, comment=form.get("comment", ""))
    except actions.ReviewError as err:
        return _claim(request, reference, status=409, error=str(err), form=form)
    return _done(reference, result, "godkendt")


@router.post("/sager/{reference}/afvis")
async def reject(request: Request, reference: str) -> Response:
    form = await _form(request)
    try:
        result = actions.reject(deps_of(request), reference, session_of(request).user, reason=form.get("reason", ""))
    except actions.ReviewError as err:
        return _claim(request, reference, status=409, error=str(err), form=form)
    return _done(reference, result, "afvist")


@router.post("/sager/{reference}/oplysninger")
async def ask(request: Request, reference: str) -> Response:
    form = await _form(request)
    try:
        result = actions.ask(deps_of(request), reference, session_of(request).user, missing=form.get("missing", ""))
    except actions.ReviewError as err:
        return _claim(request, reference, status=409, error=str(err), form=form)
    return _done(reference, result, "oplysninger")


@router.post("/sager/{reference}/tilbagetraek")
async def withdraw(request: Request, reference: str) -> Response:
    try:
        actions.withdraw(deps_of(request), reference, session_of(request).user)
    except actions.ReviewError as err:
        return _claim(request, reference, status=409, error=str(err))
    return RedirectResponse(f"/sager/{reference}?ok=tilbagetrukket", status_code=303)


@router.post("/sager/{reference}/cpr")
def reveal_cpr(request: Request, reference: str) -> Response:
    """Shows the full CPR number once, in the answer to this POST (never in a URL), and logs
    who looked and when."""
    deps = deps_of(request)
    row = deps.store.decision(reference)
    if row is None or not row.cpr:
        raise HTTPException(status_code=404, detail="Ingen CPR-nummer på denne sag.")
    deps.reviews.add_event(CPR_REVEALED, user_name=session_of(request).user.name, reference=reference,
                           message_pk=row.message_pk, data={"shown": mask(row.cpr)})
    return _claim(request, reference, revealed=f"{row.cpr[:6]}-{row.cpr[6:]}")


@router.get("/beskeder/{message_pk}/bilag/{attachment}/side/{page_no}.png")
def page_image(request: Request, message_pk: int, attachment: int, page_no: int) -> Response:
    deps = deps_of(request)
    # CPR boxes the parser found (e.g. on a scan without a text layer) are blacked out too.
    refs = {r.attachment: r.filename for r in deps.documents.pages(message_pk)}
    redact: list[Box] = []
    for d in deps.store.decisions():
        if d.message_pk == message_pk:
            redact += [box for name, number, box in claim_page.cpr_boxes(d) if name == refs.get(attachment) and number == page_no]
    png = deps.documents.render_page(message_pk, attachment, page_no, redact=redact)
    if png is None:
        raise HTTPException(status_code=404, detail="Siden findes ikke.")
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=600"})
