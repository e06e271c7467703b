"""A hostile mail in a real browser (issue 8, finding 1): a Subject holding
`<meta http-equiv="refresh" content="1;url=...">` and `<form><button id=evil>` neither sends the
reviewer elsewhere nor adds elements to the pages that show it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.review.conftest import Served
from tests.e2e.review.test_review_browser import _login
from tests.integration.review import hostile

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

INJECTED = ("#evil", "#evilname", "#evilfile", "#evilimg")


def test_a_hostile_subject_neither_redirects_nor_adds_elements(browser: Any, served: Served) -> None:
    claim_pk, odd_pk = hostile.add_hostile_mail(served.seeded)
    reference = next(d.reference for d in served.seeded.services.store.decisions() if d.message_pk == claim_pk)
    page = _login(browser, served, "bo")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in (f"/post/{claim_pk}", f"/sager/{reference}", "/post", f"/post/{odd_pk}", "/sager?fane=venter"):
        url = served.url + path
        page.goto(url)
        page.wait_for_timeout(2500)  # longer than the injected refresh's 1 s
        assert page.url == url, path
        for selector in INJECTED:
            assert page.locator(selector).count() == 0, (selector, path)
        assert page.locator("meta[http-equiv]").count() == 0, path
        # every form on the page is one of ours: each posts or gets to an address of the page
        actions = page.eval_on_selector_all("form", "forms => forms.map(f => f.getAttribute('action'))")
        assert all(a and a.startswith("/") for a in actions), (path, actions)
    assert not [u for u in requested if "127.0.0.1:9/" in u]
    # The subject is there, as text.
    page.goto(f"{served.url}/post/{claim_pk}")
    assert hostile.SUBJECT in page.locator("h1").inner_text()
    page.context.close()
