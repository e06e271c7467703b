"""Who may do what: no page without a session, argon2 logins with a rate limit, HttpOnly and
SameSite=Lax cookies, logout, and a CSRF token on every POST."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from review import web_auth, web_claims, web_mail, web_overview
from tests.integration.review.conftest import csrf_of, login
from tests.integration.review.seed import Seeded

pytestmark = pytest.mark.integration


def test_without_a_session_only_the_login_page_and_static_files_answer(client: TestClient, seeded: Seeded) -> None:
    ref = seeded.references["13-hmc-four-eyes"]
    for path in ("/", "/sager", f"/sager/{ref}", "/post", "/overblik", "/betalinger", "/brugere", "/beskeder/1/bilag/0/side/1.png"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/login", path
    response = client.post(f"/sager/{ref}/godkend", data={"csrf": "x"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert client.get("/login").status_code == 200
    assert client.get("/static/review.css").status_code == 200


def test_login_sets_an_httponly_samesite_lax_cookie_and_logout_ends_the_session(client: TestClient) -> None:
    page = client.get("/login")
    response = client.post("/login", data={"name": "bo", "password": "rigtig-hemmelig-1", "csrf": csrf_of(page.text)},
                           follow_redirects=False)
    cookie = response.headers["set-cookie"]
    assert "jc_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    token = csrf_of(client.get("/sager").text)
    assert client.post("/logout", data={"csrf": token}, follow_redirects=False).headers["location"] == "/login"
    assert client.get("/sager", follow_redirects=False).status_code == 303


def test_a_login_without_the_form_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/login", data={"name": "bo", "password": "rigtig-hemmelig-1"}, follow_redirects=False)
    assert response.status_code == 403


def test_a_wrong_password_is_refused_and_the_sixth_try_in_fifteen_minutes_gets_429(client: TestClient) -> None:
    for _ in range(5):
        token = csrf_of(client.get("/login").text)
        assert client.post("/login", data={"name": "bo", "password": "forkert", "csrf": token}).status_code == 401
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"name": "bo", "password": "rigtig-hemmelig-1", "csrf": token})
    assert response.status_code == 429 and "For mange" in response.text
    # Another user from the same address is not locked out by bo's failures.
    login(client, "carl")


def test_every_post_route_refuses_a_missing_or_wrong_csrf_token(client: TestClient, seeded: Seeded) -> None:
    login(client)
    ref = seeded.references["13-hmc-four-eyes"]
    routes = [r for module in (web_auth, web_claims, web_mail, web_overview) for r in module.router.routes]
    posts = [r.path for r in routes if "POST" in (getattr(r, "methods", None) or ()) and r.path != "/login"]
    assert len(posts) >= 9
    for path in posts:
        url = path.replace("{reference}", ref).replace("{message_pk}", "1")
        assert client.post(url, data={}).status_code == 403, url
        assert client.post(url, data={"csrf": "wrong"}).status_code == 403, url
    assert seeded.services.store.decision(ref) is not None
    assert not [d for d in seeded.services.store.decisions() if d.decided_by != "rules"]


def test_pages_carry_a_strict_content_security_policy_and_no_store(client: TestClient) -> None:
    login(client)
    response = client.get("/sager")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"


def test_only_admins_see_and_add_users(client: TestClient, seeded: Seeded) -> None:
    login(client, "bo")
    assert client.get("/brugere").status_code == 403
    client.cookies.clear()
    token = login(client, "anna")
    assert client.post("/brugere", data={"csrf": token, "name": "dorte", "role": "reviewer", "password": "kort"}).status_code == 400
    response = client.post("/brugere", data={"csrf": token, "name": "dorte", "role": "reviewer", "password": "lang-nok-kode"},
                           follow_redirects=False)
    assert response.status_code == 303
    assert seeded.deps.reviews.user("dorte") is not None
