"""The review page in a real browser: log in, find a claim, see the payslip box highlighted,
adjust a line with a reason, approve, and find the decision and the reply; four eyes with two
users; no page without a login; a POST without the CSRF token refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.review.conftest import Served
from tests.integration.review.seed import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]


def _login(browser: Any, served: Served, name: str) -> Any:
    page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    page.goto(served.url + "/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button.primary")
    page.wait_for_url("**/sager")
    return page


def test_without_a_login_every_page_leads_to_the_login(browser: Any, served: Served) -> None:
    page = browser.new_context().new_page()
    ref = served.seeded.references["13-hmc-four-eyes"]
    for path in ("/sager", f"/sager/{ref}", "/betalinger"):
        page.goto(served.url + path)
        assert page.url.endswith("/login")
        assert page.locator("h1").inner_text() == "Log ind"
    page.context.close()


def test_a_reviewer_finds_a_claim_sees_the_box_adjusts_a_line_and_approves(browser: Any, served: Served) -> None:
    ref = served.seeded.references["39-sundhedshuset-cpr-without-check-digit"]
    page = _login(browser, served, "bo")
    page.fill("input[name=q]", "Nanna")
    page.click("text=Filtrér")
    page.click(f"a:text('{ref}')")
    page.wait_for_url(f"**/sager/{ref}")

    # The payslip page is drawn, with the box the employee's name was read from.
    image = page.locator(".sheet img").first
    image.wait_for()
    page.wait_for_function("() => [...document.querySelectorAll('.sheet img')].every(i => i.complete && i.naturalWidth > 0)")
    box = page.locator('rect.hl[data-key="employee.name"]').first
    bounds = box.bounding_box()
    assert bounds is not None and bounds["width"] > 10 and bounds["height"] > 3
    page.hover('tr[data-key="employee.name"]')
    assert "active" in (box.get_attribute("class") or "")

    page.fill("input[name=amount_0]", "3.500,00")
    page.fill("input[name=reason_0]", "Kun aftalte timer refunderes")
    assert "changed" in (page.locator("table.lines tbody tr").first.get_attribute("class") or "")
    page.click("#approve")
    page.wait_for_selector("text=Afgørelsen er gemt")
    assert "Delvist godkendt" in page.locator(".claim-head").inner_text()
    history = page.locator("#historik").inner_text()
    assert "bo" in history and "Kun aftalte timer refunderes" in history and "i udbakken" in history
    current = [d for d in served.seeded.services.store.current_decisions() if d.supersedes_reference == ref]
    assert len(current) == 1 and current[0].decided_by == "bo"
    assert [o.status for o in served.seeded.services.store.outbox() if o.decision_id == current[0].id] == ["pending"]
    page.context.close()


def test_four_eyes_takes_two_different_reviewers(browser: Any, served: Served) -> None:
    ref = served.seeded.references["13-hmc-four-eyes"]
    first = _login(browser, served, "bo")
    first.goto(f"{served.url}/sager/{ref}")
    first.click("#approve")
    first.wait_for_selector("text=En anden sagsbehandler skal give den anden godkendelse")
    first.click("#approve")
    first.wait_for_selector("text=Du har allerede givet den første godkendelse")

    second = _login(browser, served, "carl")
    second.goto(f"{served.url}/sager/{ref}")
    assert second.locator("#approve").inner_text() == "Giv anden godkendelse"
    second.click("#approve")
    second.wait_for_selector("text=Afgørelsen er gemt")
    assert "bo + carl" in second.locator(".claim-head").inner_text()
    first.context.close()
    second.context.close()


def test_a_post_without_the_csrf_token_is_refused(browser: Any, served: Served) -> None:
    ref = served.seeded.references["16-bib-scanned-payslip-ocr"]
    page = _login(browser, served, "carl")
    response = page.request.post(f"{served.url}/sager/{ref}/afvis", form={"reason": "uden nøgle"})
    assert response.status == 403
    forged = page.request.post(f"{served.url}/sager/{ref}/afvis", form={"reason": "falsk nøgle", "csrf": "forkert"})
    assert forged.status == 403
    assert served.seeded.services.store.decision(ref).decided_by == "rules"  # type: ignore[union-attr]
    page.context.close()
