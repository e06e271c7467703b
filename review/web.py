"""Shared parts of the page handlers: the templates with their Danish filters, the services of
a request, and the responses every page uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ledger.reviews import Session
from review import danish
from review.auth import Auth
from review.ports import ReviewDeps

# Every field on these pages can come from a stranger's email (subject, sender, body, file
# names, names and labels read from payslips), so every HTML template is escaped. Set here,
# where the environment is made: Jinja2Templates(directory=...) escapes only `.html`, `.htm`
# and `.xml` names, and ours end in `.html.j2` (issue 8, finding 1).
env = Environment(
    loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
)
TEMPLATES = Jinja2Templates(env=env)
env.filters.update(
    money=danish.money, day=danish.day, moment=danish.moment, outcome=danish.outcome, kind=danish.kind, month=danish.month
)
env.globals.update(period=danish.period, RULES=danish.RULES, OUTCOMES=danish.OUTCOMES)
env.trim_blocks = True
env.lstrip_blocks = True

# Messages after a redirect: the URL carries a code, never what the reviewer typed.
NOTICES = {
    "godkendt": "Afgørelsen er gemt, og svaret til arbejdsstedet ligger i udbakken.",
    "afvist": "Anmodningen er afvist, og svaret til arbejdsstedet ligger i udbakken.",
    "oplysninger": "Arbejdsstedet er bedt om oplysninger; svaret ligger i udbakken.",
    "afventer": "Din godkendelse er gemt. En anden sagsbehandler skal give den anden godkendelse (fire øjne).",
    "tilbagetrukket": "Godkendelsen er trukket tilbage.",
    "arkiveret": "Mailen er arkiveret.",
    "bruger": "Brugeren er oprettet.",
}


def deps_of(request: Request) -> ReviewDeps:
    return request.app.state.deps  # type: ignore[no-any-return]


def auth_of(request: Request) -> Auth:
    return request.app.state.auth  # type: ignore[no-any-return]


def session_of(request: Request) -> Session:
    return request.state.session  # type: ignore[no-any-return]


def page(request: Request, template: str, /, status: int = 200, **context: Any) -> HTMLResponse:
    session = getattr(request.state, "session", None)
    notice = NOTICES.get(request.query_params.get("ok", ""))
    base = {"request": request, "session": session, "user": session.user if session else None,
            "csrf": session.csrf if session else "", "notice": notice, "path": request.url.path}
    response = TEMPLATES.TemplateResponse(request, template, {**base, **context}, status_code=status)
    return response
