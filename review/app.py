"""The review web page for Økonomigruppen (FastAPI, server-rendered Danish pages).

`create_app(deps)` is called by `app` (the composition root) with the ledger, the document
reader and the reply renderer. Every request passes one guard: without a live session only
`GET /login` (and the static files) answer, everything else redirects to the login; every
POST must carry the session's CSRF token (403 otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from review import web_auth, web_claims, web_mail, web_overview
from review.auth import PRELOGIN_COOKIE, SESSION_COOKIE, Auth, csrf_ok
from review.ports import ReviewDeps
from review.web import page

STATIC = Path(__file__).parent / "static"
OPEN_PATHS = ("/login",)

# The reviewers' actions, by the route a form posts to (for the operators' metrics).
ACTIONS = {
    "/sager/{reference}/godkend": "approve",
    "/sager/{reference}/afvis": "reject",
    "/sager/{reference}/oplysninger": "ask",
    "/sager/{reference}/tilbagetraek": "withdraw",
    "/sager/{reference}/cpr": "reveal_cpr",
    "/post/{message_pk}/arkiver": "file_mail",
    "/betalinger/eksport": "export_payments",
    "/brugere": "add_user",
    "/login": "login",
    "/logout": "logout",
}

# Called after each request with its method, route template (never the path: it holds
# references and search words), status and the action it carried out (None for pages, files
# and actions refused).
Observer = Callable[[str, str, int, "str | None"], None]


class LoginRequired(Exception):
    pass


async def guard(request: Request) -> None:
    """Session and CSRF for every route (one place, so no route can forget them)."""
    auth: Auth = request.app.state.auth
    unsafe = request.method not in ("GET", "HEAD", "OPTIONS")
    if request.url.path in OPEN_PATHS:
        if unsafe:
            form = await request.form()
            if not auth.prelogin_ok(request.cookies.get(PRELOGIN_COOKIE), str(form.get("csrf") or "")):
                raise HTTPException(status_code=403, detail="Formularen er udløbet eller ugyldig. Hent login-siden igen.")
        return
    session = await run_in_threadpool(auth.session, request.cookies.get(SESSION_COOKIE))
    if session is None:
        raise LoginRequired
    request.state.session = session
    if unsafe:
        form = await request.form()
        if not csrf_ok(session, str(form.get("csrf") or "")):
            raise HTTPException(status_code=403, detail="Ugyldig eller manglende sikkerhedsnøgle (CSRF). Genindlæs siden og prøv igen.")


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")  # pages hold personal data
        return response


class Observed(BaseHTTPMiddleware):
    """Tells the observer of each request (`create_app(observe=...)`)."""

    def __init__(self, app: object, observe: Observer) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.observe = observe

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            route = getattr(request.scope.get("route"), "path", None) or "unmatched"
            action = ACTIONS.get(route) if request.method == "POST" and status < 400 else None
            # without a session the guard redirected (303) before the action: nothing was done
            if action not in (None, "login") and getattr(request.state, "session", None) is None:
                action = None
            self.observe(request.method, route, status, action)


def create_app(deps: ReviewDeps, *, key: bytes | None = None, observe: Observer | None = None) -> FastAPI:
    app = FastAPI(title="Refusion – Økonomigruppen", docs_url=None, redoc_url=None, openapi_url=None, dependencies=[Depends(guard)])
    app.state.deps = deps
    app.state.auth = Auth(deps.reviews, deps.config, key=key)
    app.add_middleware(SecurityHeaders)
    if observe is not None:
        app.add_middleware(Observed, observe=observe)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for module in (web_auth, web_claims, web_mail, web_overview):
        app.include_router(module.router)

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _exc: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        titles = {403: "Adgang nægtet", 404: "Ikke fundet", 409: "Sagen er ændret", 429: "For mange forsøg"}
        return page(request, "error.html.j2", status=exc.status_code, title=titles.get(exc.status_code, "Fejl"), detail=exc.detail)

    @app.get("/", include_in_schema=False)
    def _root() -> Response:
        return RedirectResponse("/sager", status_code=303)

    return app
