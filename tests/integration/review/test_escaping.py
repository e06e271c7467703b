"""Every review page escapes what came in a mail (issue 8, finding 1): a stranger's markup in a
subject, sender, body, file name, name or cost line label arrives as text, never as HTML."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from review.web import env
from tests.integration.review import hostile
from tests.integration.review.conftest import login
from tests.integration.review.seed import Seeded

pytestmark = pytest.mark.integration


def _assert_escaped(text: str, path: str) -> None:
    for raw in hostile.RAW:
        assert raw not in text, f"{path} holds raw {raw!r}"


def test_every_review_template_is_escaped_and_only_html_ones() -> None:
    names = env.list_templates()
    assert names and all(name.endswith(".html.j2") for name in names)
    assert all(env.autoescape(name) for name in names)  # type: ignore[operator]


def test_markup_from_mail_arrives_escaped_on_every_page(client: TestClient, seeded: Seeded) -> None:
    claim_pk, odd_pk = hostile.add_hostile_mail(seeded)
    reference = next(d.reference for d in seeded.services.store.decisions() if d.message_pk == claim_pk)
    csrf = login(client, "anna")
    # A reviewer approves it (with markup in the comment), so it reaches payments and the overview.
    done = client.post(f"/sager/{reference}/godkend", data={"csrf": csrf, "comment": "<b>ok</b> <form>"}, follow_redirects=False)
    assert done.status_code == 303, done.text
    approved = done.headers["location"].split("?")[0]

    paths = ["/post", "/post?arkiv=1", f"/post/{claim_pk}", f"/post/{odd_pk}", "/sager?fane=behandling",
             "/sager?fane=venter", "/sager?fane=alle", f"/sager?fane=alle&q={hostile.EMPLOYEE}", f"/sager/{reference}",
             approved, "/overblik", "/betalinger", "/brugere"]
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        _assert_escaped(response.text, path)
        pages[path] = response.text

    def shown(value: str, *where: str) -> None:
        for path in where:
            assert str(escape(value)) in pages[path], (value, path)  # Jinja's escaping, as the page has it

    shown(hostile.SUBJECT, f"/post/{claim_pk}", f"/sager/{reference}")  # a claim is not listed under /post
    shown(hostile.ODD_SUBJECT, "/post", f"/post/{odd_pk}")
    shown(hostile.ODD_ADDRESS, "/post", f"/post/{odd_pk}")
    shown(hostile.BODY_MARK, f"/post/{claim_pk}", f"/post/{odd_pk}", f"/sager/{reference}")
    shown(hostile.FILENAME, f"/post/{claim_pk}", f"/sager/{reference}")  # quoted by the problem it raised
    shown(hostile.PAGE_FILENAME, f"/sager/{reference}")
    shown(hostile.EMPLOYEE, "/sager?fane=alle", f"/sager/{reference}", approved)
    assert approved.rsplit("/", 1)[1] in pages["/betalinger"]  # the approved claim is on the payments page
    shown(hostile.EMPLOYER, f"/sager/{reference}")
    shown(hostile.LABEL, f"/sager/{reference}", approved)
    shown("<b>ok</b> <form>", approved)
