"""Mail that is not a claim: read it, then file it (an event with who and when)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from claims.cpr import mask_in_text
from ledger.reviews import MAIL_FILED
from review import queue
from review.web import deps_of, page, session_of

router = APIRouter()


@router.get("/post")
def mail_list(request: Request, arkiv: int = 0) -> Response:
    deps = deps_of(request)
    rows = queue.mail_rows(deps, filed=bool(arkiv))
    counts = {name: len(queue.claim_rows(deps, name, queue.Filters())[0]) for name in ("behandling", "venter")}
    counts["post"] = len(queue.mail_rows(deps))
    return page(request, "mail_list.html.j2", rows=rows, filed=bool(arkiv), counts=counts, tab="post")


@router.get("/post/{message_pk}")
def mail(request: Request, message_pk: int) -> Response:
    deps = deps_of(request)
    message = deps.store.message(message_pk)
    if message is None:
        raise HTTPException(status_code=404, detail="Mailen findes ikke.")
    parse = deps.store.parse_of(message_pk) or {}
    decisions = [d for d in deps.store.decisions() if d.message_pk == message_pk]
    return page(
        request,
        "mail.html.j2",
        message=message,
        subject=mask_in_text(str((parse.get("message") or {}).get("subject") or "(intet emne)")),
        text=mask_in_text(deps.documents.email_text(message_pk)),
        partial=deps.documents.notice(message_pk),
        pages=deps.documents.pages(message_pk),
        problems=parse.get("problems") or [],
        decisions=decisions,
        events=deps.reviews.events(message_pk=message_pk),
        filed=message_pk in deps.reviews.filed_messages(),
    )


@router.post("/post/{message_pk}/arkiver")
def file_mail(request: Request, message_pk: int) -> Response:
    deps = deps_of(request)
    if deps.store.message(message_pk) is None:
        raise HTTPException(status_code=404, detail="Mailen findes ikke.")
    if message_pk not in deps.reviews.filed_messages():
        deps.reviews.add_event(MAIL_FILED, user_name=session_of(request).user.name, message_pk=message_pk)
    return RedirectResponse("/post?ok=arkiveret", status_code=303)
