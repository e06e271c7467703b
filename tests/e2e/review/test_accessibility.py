"""The review page is accessible (WCAG 2.1 AA, issue 11): axe-core finds no serious or critical
violation on any page or state of it, every page says it is Danish, every form field has a
label, the focus is visible with enough contrast, a skip link leads to the content, and a
reviewer can approve a claim with the keyboard alone.

One server and one browser context for the whole module; the states that change the ledger
(a first four-eyes approval, an approval, an export) come last."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.review.conftest import Served
from tests.integration.review.seed import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

# WCAG 2.0/2.1 A and AA, plus axe's best practices (landmarks, headings, skip link targets).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}
AXE = Axe()

PAYSLIP = "39-sundhedshuset-cpr-without-check-digit"  # a text payslip with boxes, CPR_MOD11
SCANNED = "16-bib-scanned-payslip-ocr"  # a scan read by OCR; the keyboard test approves it
FOUR_EYES = "13-hmc-four-eyes"
QUESTION = "27-sundhedshuset-question"


def _violations(page: Any) -> list[dict[str, Any]]:
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    return list(results.response["violations"])


def _report(state: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{state}: {len(violations)} axe violation(s)"]
    for v in violations:
        targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])} node(s)): {v['help']} -> {targets}")
    return "\n".join(lines)


# Every form field a person fills in is named by a <label for> its id, or by aria-label.
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(e => e.type !== 'hidden')
  .filter(e => !(e.id && [...e.labels].some(l => l.htmlFor === e.id && l.textContent.trim())))
  .filter(e => !(e.getAttribute('aria-label') || '').trim())
  .map(e => e.outerHTML)"""


class Browse:
    """A logged-in admin's page, and the seeded data behind it."""

    def __init__(self, page: Any, served: Served) -> None:
        self.page = page
        self.served = served
        self.url = served.url

    def ref(self, case: str) -> str:
        return self.served.seeded.references[case]

    def go(self, path: str) -> None:
        response = self.page.goto(self.url + path)
        assert response is not None

    def claim(self, case: str) -> None:
        self.go(f"/sager/{self.ref(case)}")
        self.page.wait_for_function("() => [...document.images].every(i => i.complete)")


def _login_page(b: Browse) -> None:
    b.page.context.clear_cookies()
    b.go("/login")


def _login_error(b: Browse) -> None:
    _login_page(b)
    b.page.fill("input[name=name]", "anna")
    b.page.fill("input[name=password]", "forkert-adgangskode")
    b.page.click("button.primary")
    b.page.wait_for_selector("p.error")


def _queue(b: Browse) -> None:
    b.go("/sager")
    assert b.page.locator("table.list tbody tr").count() >= 3


def _queue_all_filtered_empty(b: Browse) -> None:
    b.go("/sager?fane=alle&q=findes-ikke")
    b.page.wait_for_selector("p.empty")


def _queue_all(b: Browse) -> None:
    b.go("/sager?fane=alle")
    b.page.wait_for_selector("span.badge.approved")


def _queue_waiting(b: Browse) -> None:
    b.go("/sager?fane=venter")


def _claim_payslip(b: Browse) -> None:
    b.claim(PAYSLIP)
    b.page.wait_for_selector("rect.hl")


def _claim_scanned(b: Browse) -> None:
    b.claim(SCANNED)
    b.page.wait_for_selector(".sheet img")


def _claim_waiting_without_payslip(b: Browse) -> None:
    b.claim("11-hmc-typos-no-payslip")


def _claim_cpr_revealed(b: Browse) -> None:
    b.claim(PAYSLIP)
    b.page.click("#reveal-cpr")
    b.page.wait_for_selector("#cpr-full")


def _claim_reject_without_reason(b: Browse) -> None:
    # Spaces pass the browser's `required`, so the server answers with its own error.
    b.claim(PAYSLIP)
    b.page.click("summary:text('Afvis')")
    b.page.fill("textarea[name=reason]", "   ")
    b.page.click("button.danger")
    b.page.wait_for_selector("p.error")
    assert "begrundelse" in b.page.locator("p.error").inner_text()


def _claim_bad_amount(b: Browse) -> None:
    b.claim(PAYSLIP)
    b.page.fill("input[name=amount_0]", "mange penge")
    b.page.click("#approve")
    b.page.wait_for_selector("p.error")
    assert "ikke et beløb" in b.page.locator("p.error").inner_text()


def _claim_change_without_reason(b: Browse) -> None:
    b.claim(PAYSLIP)
    b.page.fill("input[name=amount_0]", "1,00")
    b.page.click("#approve")
    b.page.wait_for_selector("p.error")
    assert "skriv hvorfor" in b.page.locator("p.error").inner_text()


def _mail_list(b: Browse) -> None:
    b.go("/post")
    b.page.wait_for_selector("table.list")


def _mail(b: Browse) -> None:
    message_pk = b.served.seeded.services.store.decision(b.ref(QUESTION)).message_pk  # type: ignore[union-attr]
    b.go(f"/post/{message_pk}")
    b.page.wait_for_selector("pre.mailtext")


def _mail_filed(b: Browse) -> None:
    _mail(b)
    b.page.click("text=Arkivér mailen")
    b.page.wait_for_selector("p.notice")


def _mail_list_archived(b: Browse) -> None:
    b.go("/post?arkiv=1")
    b.page.wait_for_selector("table.list")


def _overview(b: Browse) -> None:
    b.go("/overblik")
    b.page.wait_for_selector("svg.timeline")


def _payments(b: Browse) -> None:
    b.go("/betalinger")
    b.page.wait_for_selector("#export")


def _users(b: Browse) -> None:
    b.go("/brugere")


def _users_error(b: Browse) -> None:
    b.go("/brugere")
    b.page.fill("input[name=name]", "bo")  # exists already
    b.page.fill("input[name=password]", "lang-nok-adgangskode")
    b.page.click("button.primary")
    b.page.wait_for_selector("p.error")


def _not_found(b: Browse) -> None:
    b.go("/sager/JLT-2000-999999")
    assert b.page.locator("h1").inner_text() == "Ikke fundet"


def _four_eyes_first_approval(b: Browse) -> None:
    b.claim(FOUR_EYES)
    b.page.click("#approve")
    b.page.wait_for_selector(".pending-box")


def _claim_approved(b: Browse) -> None:
    b.claim(PAYSLIP)
    b.page.click("#approve")
    b.page.wait_for_selector("text=Afgørelsen er gemt")
    b.page.wait_for_selector("#historik h3")  # the ledger entries


def _claim_superseded(b: Browse) -> None:
    b.claim(PAYSLIP)  # approved in the state before: the old decision points to the new one
    b.page.wait_for_selector("p.warn")


def _payments_after_export(b: Browse) -> None:
    b.go("/betalinger")
    with b.page.expect_download():
        b.page.click("#export")
    b.go("/betalinger")
    b.page.wait_for_selector("text=Tidligere eksporter")


STATES: dict[str, Callable[[Browse], None]] = {
    "login": _login_page,
    "login, wrong password": _login_error,
    "queue (til behandling)": _queue,
    "queue (venter på oplysninger)": _queue_waiting,
    "queue (alle sager)": _queue_all,
    "queue, filter without hits": _queue_all_filtered_empty,
    "claim with its payslip and boxes": _claim_payslip,
    "claim with a scanned payslip (OCR)": _claim_scanned,
    "claim waiting for information, no payslip": _claim_waiting_without_payslip,
    "claim, CPR shown": _claim_cpr_revealed,
    "claim, rejection without a reason": _claim_reject_without_reason,
    "claim, amount that is not an amount": _claim_bad_amount,
    "claim, changed amount without a reason": _claim_change_without_reason,
    "other mail (anden post)": _mail_list,
    "a mail": _mail,
    "a mail, filed": _mail_filed,
    "other mail, archived": _mail_list_archived,
    "overview (overblik)": _overview,
    "payments (betalinger)": _payments,
    "users (brugere)": _users,
    "users, name taken": _users_error,
    "not found": _not_found,
    "claim, first of two approvals": _four_eyes_first_approval,
    "claim, approved (notice, history, entries)": _claim_approved,
    "claim, an older decision": _claim_superseded,
    "payments after an export": _payments_after_export,
}


@pytest.fixture(scope="module")
def admin(browser: Any, served: Served) -> Iterator[Browse]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    browse = Browse(page, served)
    yield browse
    context.close()


def _log_in(b: Browse) -> None:
    if "/login" in b.page.url or not b.page.context.cookies():
        b.go("/login")
        b.page.fill("#login-name", "anna")
        b.page.fill("#login-password", PASSWORD)
        b.page.click("button.primary")
        b.page.wait_for_url("**/sager")


@pytest.mark.parametrize("state", list(STATES))
def test_axe_finds_no_serious_or_critical_violation(admin: Browse, state: str) -> None:
    if not state.startswith("login"):
        _log_in(admin)
    STATES[state](admin)
    page = admin.page
    violations = _violations(page)
    print("\n" + _report(state, violations))
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, _report(state, blocking)
    # The moderate and minor ones found on the way (landmark-unique, empty-table-header) are fixed too.
    assert not violations, _report(state, violations)
    # Checked on the same pages: the language, a skip link to <main>, and a name for every field.
    assert page.get_attribute("html", "lang") == "da", state
    assert page.locator("a.skip").first.get_attribute("href") == "#indhold", state
    assert page.locator("main#indhold").count() == 1, state
    assert page.evaluate(UNLABELLED) == [], state


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(css: str) -> tuple[float, float, float]:
    found = re.findall(r"[\d.]+", css)
    assert len(found) >= 3, css
    return float(found[0]), float(found[1]), float(found[2])


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# The focused element's outline, and the background the outline is drawn on (the nearest
# ancestor with an opaque background: the outline sits outside the element).
FOCUS_STYLE = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  let p = e.parentElement, bg = 'rgb(255, 255, 255)';
  while (p) {
    const c = getComputedStyle(p).backgroundColor;
    if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
    p = p.parentElement;
  }
  return {tag: e.tagName, text: (e.textContent || e.name || '').trim(), style: s.outlineStyle, width: s.outlineWidth,
          color: s.outlineColor, background: bg};
}"""


def _tab_to(page: Any, test: str, limit: int = 80) -> None:
    """Presses Tab until `test` (a JS expression over `e`, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && ({test}); }}"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def _assert_focus_visible(page: Any) -> None:
    focus = page.evaluate(FOCUS_STYLE)
    assert focus["style"] != "none" and focus["width"] not in ("0px", ""), focus
    assert float(focus["width"].removesuffix("px")) >= 2, focus
    assert _contrast(focus["color"], focus["background"]) >= 3, focus  # WCAG 1.4.11 non-text contrast


def _logged_in(browser: Any, served: Served, name: str) -> Any:
    page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    page.goto(served.url + "/login")
    page.fill("#login-name", name)
    page.fill("#login-password", PASSWORD)
    page.press("#login-password", "Enter")
    page.wait_for_url("**/sager")
    return page


def test_the_focus_is_visible_with_enough_contrast(browser: Any, served: Served) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(served.url + "/login")
    assert page.evaluate("() => document.activeElement.id") == "login-name"  # autofocus
    page.keyboard.press("Tab")
    _assert_focus_visible(page)
    _tab_to(page, "e.tagName === 'BUTTON'")
    _assert_focus_visible(page)
    context.close()

    page = _logged_in(browser, served, "carl")
    assert page.locator("a.skip").bounding_box()["height"] <= 1  # hidden until it has the focus
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    assert page.locator("a.skip").bounding_box()["height"] > 10  # shown once focused
    _assert_focus_visible(page)
    # A link on the dark header, an input and a link on the light page.
    _tab_to(page, "e.matches('header.top nav a')")
    _assert_focus_visible(page)
    _tab_to(page, "e.matches('input[name=q]')")
    _assert_focus_visible(page)
    _tab_to(page, "e.matches('table.list a')")
    _assert_focus_visible(page)
    page.context.close()


def test_the_skip_link_moves_the_focus_past_the_header_to_the_content(browser: Any, served: Served) -> None:
    page = _logged_in(browser, served, "carl")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Spring til indhold"
    page.keyboard.press("Enter")
    assert page.url.endswith("#indhold")
    assert page.evaluate("() => document.activeElement.id") == "indhold"
    page.keyboard.press("Tab")  # the next stop is the first tab of the queue, not the header's menu
    focused = page.evaluate("() => [document.activeElement.closest('main')?.id, document.activeElement.textContent.trim()]")
    assert focused[0] == "indhold" and focused[1].startswith("Til behandling"), focused
    page.context.close()


def test_a_reviewer_approves_a_claim_with_the_keyboard_alone(browser: Any, served: Served) -> None:
    ref = served.seeded.references[SCANNED]
    store = served.seeded.services.store
    assert store.decision(ref).outcome == "manual_review"  # type: ignore[union-attr]
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(served.url + "/login")
    # The name field has the focus on arrival; type, Tab to the password, type, Enter.
    assert page.evaluate("() => document.activeElement.id") == "login-name"
    page.keyboard.type("bo")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/sager")
    # From the queue to the claim: Tab to its link, Enter.
    _tab_to(page, f"e.tagName === 'A' && e.textContent.trim() === '{ref}'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/sager/{ref}")
    _tab_to(page, "e.id === 'approve'", limit=120)
    _assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Afgørelsen er gemt")
    assert "Godkendt" in page.locator(".claim-head").inner_text()
    current = [d for d in store.current_decisions() if d.supersedes_reference == ref]
    assert len(current) == 1, current
    assert current[0].outcome == "approved" and current[0].decided_by == "bo" and current[0].approved == store.decision(ref).proposed  # type: ignore[union-attr]
    assert [o.status for o in store.outbox() if o.decision_id == current[0].id] == ["pending"]
    context.close()
