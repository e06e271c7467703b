"""Login and logout."""

from __future__ import annotations

import asyncio
import math
import secrets

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from review.auth import PRELOGIN_COOKIE, SESSION_COOKIE
from review.web import auth_of, deps_of, page

router = APIRouter()


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _login_page(request: Request, *, status: int = 200, error: str | None = None, name: str = "") -> Response:
    nonce = request.cookies.get(PRELOGIN_COOKIE) or secrets.token_urlsafe(24)
    response = page(request, "login.html.j2", status=status, error=error, name=name, login_csrf=auth_of(request).prelogin_token(nonce))
    secure = deps_of(request).config.secure_cookies
    response.set_cookie(PRELOGIN_COOKIE, nonce, httponly=True, samesite="lax", secure=secure, max_age=3600)
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    return _login_page(request)


@router.post("/login")
async def login(request: Request, name: str = Form(""), password: str = Form("")) -> Response:
    result = await run_in_threadpool(auth_of(request).login, name.strip(), password, _address(request))
    if result.delay:
        await asyncio.sleep(result.delay)  # not in the thread pool: a waiting guess holds no worker
    if result.limited:
        if result.retry_after:
            minutes = max(1, -(-result.retry_after // 60))
            error = f"For mange mislykkede forsøg for denne bruger. Vent {minutes} minut(ter) og prøv igen."
        else:
            error = "For mange mislykkede forsøg fra denne adresse. Kontrollér brugernavn og adgangskode og prøv igen om lidt."
        response = _login_page(request, status=429, name=name, error=error)
        response.headers["Retry-After"] = str(result.retry_after or max(1, math.ceil(result.delay)))
        return response
    if result.user is None or result.token is None:
        return _login_page(request, status=401, name=name, error="Forkert brugernavn eller adgangskode.")
    response = RedirectResponse("/sager", status_code=303)
    config = deps_of(request).config
    response.set_cookie(SESSION_COOKIE, result.token, httponly=True, samesite="lax", secure=config.secure_cookies,
                        max_age=config.session_hours * 3600, path="/")
    response.delete_cookie(PRELOGIN_COOKIE)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    await run_in_threadpool(auth_of(request).logout, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
