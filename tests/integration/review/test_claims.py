"""The queue, the claim page and the reviewer's actions, over claims decided by the real
pipeline: each action appends a decision (never an update) with who and why, and stores the
workplace's reply in the outbox in the same transaction."""

from __future__ import annotations

import email
import email.policy
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ledger.reviews import APPROVAL_PENDING, CPR_REVEALED
from tests.integration.review.conftest import login
from tests.integration.review.seed import Seeded

pytestmark = pytest.mark.integration


def _reply_text(seeded: Seeded, reference: str) -> str:
    row = seeded.services.store.decision(reference)
    assert row is not None
    items = [o for o in seeded.services.store.outbox() if o.decision_id == row.id]
    assert len(items) == 1 and items[0].status == "pending"
    msg = email.message_from_bytes(items[0].raw, policy=email.policy.default)
    return msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]


def test_the_queue_lists_claims_for_review_oldest_first_with_age_codes_and_filters(client: TestClient, seeded: Seeded) -> None:
    login(client)
    page = client.get("/sager").text
    refs = [seeded.references[c] for c in ("13-hmc-four-eyes", "16-bib-scanned-payslip-ocr", "39-sundhedshuset-cpr-without-check-digit")]
    positions = [page.index(r) for r in refs]
    assert positions == sorted(positions)
    assert "FOUR_EYES" in page and "LOW_CONFIDENCE" in page and "43 d." in page
    assert seeded.references["05-bib-clean-september"] not in page  # approved: not in the queue
    filtered = client.get("/sager", params={"kode": "FOUR_EYES"}).text
    assert refs[0] in filtered and refs[1] not in filtered
    by_name = client.get("/sager", params={"q": "dalsgaard"}).text
    assert refs[1] in by_name and refs[0] not in by_name
    by_workplace = client.get("/sager", params={"arbejdssted": "Hjælpemiddelcentret"}).text
    assert refs[0] in by_workplace and refs[2] not in by_workplace
    waiting = client.get("/sager", params={"fane": "venter"}).text
    assert seeded.references["11-hmc-typos-no-payslip"] in waiting and refs[0] not in waiting


def test_the_claim_page_shows_values_with_boxes_confidence_findings_and_a_masked_cpr(client: TestClient, seeded: Seeded) -> None:
    login(client)
    ref = seeded.references["16-bib-scanned-payslip-ocr"]
    row = seeded.services.store.decision(ref)
    assert row is not None and row.cpr
    page = client.get(f"/sager/{ref}").text
    assert 'class="hl ocr" data-key="employee.cpr"' in page and "OCR" in page and "79 %" in page
    assert "LOW_CONFIDENCE" in page and "Regel: En beløbsafgørende værdi" in page
    assert f"{row.cpr[:6]}-xxxx" in page and row.cpr not in page and f"{row.cpr[:6]}-{row.cpr[6:]}" not in page
    assert "/bilag/0/side/1.png" in page and "Mailens tekst" in page
    image = client.get(f"/beskeder/{row.message_pk}/bilag/0/side/1.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")


def test_revealing_a_cpr_number_is_a_logged_post_and_never_a_url(client: TestClient, seeded: Seeded) -> None:
    login(client)
    ref = seeded.references["39-sundhedshuset-cpr-without-check-digit"]
    row = seeded.services.store.decision(ref)
    assert row is not None and row.cpr
    token = client.get(f"/sager/{ref}").text
    from tests.integration.review.conftest import csrf_of

    response = client.post(f"/sager/{ref}/cpr", data={"csrf": csrf_of(token)})
    assert response.status_code == 200 and f"{row.cpr[:6]}-{row.cpr[6:]}" in response.text
    assert str(response.url).endswith(f"/sager/{ref}/cpr")
    events = seeded.deps.reviews.events(references=(ref,))
    assert [(e.kind, e.user_name) for e in events] == [(CPR_REVEALED, "bo")]
    assert row.cpr not in str(events[0].data)
    assert row.cpr not in client.get(f"/sager/{ref}").text


def test_adjusting_a_line_needs_a_reason_and_then_appends_a_decision_with_its_reply(client: TestClient, seeded: Seeded) -> None:
    token = login(client)
    ref = seeded.references["39-sundhedshuset-cpr-without-check-digit"]
    old = seeded.services.store.decision(ref)
    assert old is not None and old.outcome == "manual_review"
    new_amount = Decimal(old.lines[0]["proposed"]) - Decimal("100.00")
    form = {"csrf": token, "amount_0": f"{new_amount}".replace(".", ","), "reason_0": ""}
    refused = client.post(f"/sager/{ref}/godkend", data=form)
    assert refused.status_code == 409 and "skriv hvorfor" in refused.text
    assert seeded.services.store.decision(ref) == old

    form["reason_0"] = "Timer uden for aftalen"
    done = client.post(f"/sager/{ref}/godkend", data=form, follow_redirects=False)
    assert done.status_code == 303
    new_ref = done.headers["location"].split("/")[2].split("?")[0]
    new = seeded.services.store.decision(new_ref)
    assert new is not None and new.supersedes_reference == ref
    assert (new.outcome, new.decided_by, new.reviewers) == ("partially_approved", "bo", ("bo",))
    assert new.approved == old.proposed - Decimal("100.00")
    assert any(f["code"] == "REVIEW_ADJUSTED" and "Timer uden for aftalen" in f["text"] for f in new.findings)
    assert seeded.services.store.decision(ref) == old  # the old decision is untouched
    assert ref not in [d.reference for d in seeded.services.store.current_decisions()]
    reply = _reply_text(seeded, new_ref)
    assert new_ref in reply and "Timer uden for aftalen" in reply and (old.cpr or "x") not in reply
    entries = seeded.services.store.entries(new_ref)
    assert sum(Decimal(str(e["amount"])) for e in entries if e["account"].startswith("workplace:")) == new.approved
    page = client.get(done.headers["location"]).text
    assert "Afgørelsen er gemt" in page and "i udbakken" in page and ref in page


def test_four_eyes_needs_two_different_reviewers(client: TestClient, seeded: Seeded) -> None:
    ref = seeded.references["13-hmc-four-eyes"]
    token = login(client, "bo")
    first = client.post(f"/sager/{ref}/godkend", data={"csrf": token}, follow_redirects=False)
    assert first.status_code == 303 and "ok=afventer" in first.headers["location"]
    assert [e.kind for e in seeded.deps.reviews.events(references=(ref,))] == [APPROVAL_PENDING]
    assert [d.reference for d in seeded.services.store.current_decisions() if d.reference == ref] == [ref]
    again = client.post(f"/sager/{ref}/godkend", data={"csrf": token})
    assert again.status_code == 409 and "anden sagsbehandler" in again.text

    client.cookies.clear()
    token = login(client, "carl")
    assert "Giv anden godkendelse" in client.get(f"/sager/{ref}").text
    second = client.post(f"/sager/{ref}/godkend", data={"csrf": token}, follow_redirects=False)
    new_ref = second.headers["location"].split("/")[2].split("?")[0]
    new = seeded.services.store.decision(new_ref)
    assert new is not None and (new.outcome, new.decided_by, new.reviewers) == ("approved", "carl", ("bo", "carl"))
    assert "GODKENDT" in _reply_text(seeded, new_ref).upper()


def test_rejecting_needs_a_reason_which_the_reply_gives(client: TestClient, seeded: Seeded) -> None:
    token = login(client)
    ref = seeded.references["16-bib-scanned-payslip-ocr"]
    assert client.post(f"/sager/{ref}/afvis", data={"csrf": token, "reason": " "}).status_code == 409
    done = client.post(f"/sager/{ref}/afvis", data={"csrf": token, "reason": "Lønsedlen er ikke læselig nok"}, follow_redirects=False)
    new_ref = done.headers["location"].split("/")[2].split("?")[0]
    new = seeded.services.store.decision(new_ref)
    assert new is not None and (new.outcome, new.approved, new.reason) == ("rejected", Decimal("0.00"), "Lønsedlen er ikke læselig nok")
    assert "Lønsedlen er ikke læselig nok" in _reply_text(seeded, new_ref)


def test_asking_for_information_waits_for_the_workplace_and_the_reply_lists_what_to_send(client: TestClient, seeded: Seeded) -> None:
    token = login(client)
    ref = seeded.references["16-bib-scanned-payslip-ocr"]
    done = client.post(f"/sager/{ref}/oplysninger", data={"csrf": token, "missing": "en læselig lønseddel\n- timesedlen for august"},
                       follow_redirects=False)
    new_ref = done.headers["location"].split("/")[2].split("?")[0]
    new = seeded.services.store.decision(new_ref)
    assert new is not None and new.outcome == "needs_information"
    reply = _reply_text(seeded, new_ref)
    assert "en læselig lønseddel" in reply and "timesedlen for august" in reply
    assert new_ref in client.get("/sager", params={"fane": "venter"}).text
    assert [w.decision.reference for w in seeded.services.store.waiting_claims()].count(new_ref) == 1


def test_an_action_on_a_decision_someone_else_superseded_is_refused(client: TestClient, seeded: Seeded) -> None:
    token = login(client)
    ref = seeded.references["39-sundhedshuset-cpr-without-check-digit"]
    assert client.post(f"/sager/{ref}/afvis", data={"csrf": token, "reason": "Forkert"}, follow_redirects=False).status_code == 303
    late = client.post(f"/sager/{ref}/godkend", data={"csrf": token})
    assert late.status_code == 409 and "allerede afgjort" in late.text


def test_mail_that_is_not_a_claim_is_listed_until_someone_files_it(client: TestClient, seeded: Seeded) -> None:
    token = login(client)
    listing = client.get("/post").text
    pk = next(m.id for m in seeded.services.store.messages(state="not_a_claim"))
    assert f"/post/{pk}" in listing
    assert "Arkivér" in client.get(f"/post/{pk}").text
    assert client.post(f"/post/{pk}/arkiver", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert f"/post/{pk}" not in client.get("/post").text and f"/post/{pk}" in client.get("/post?arkiv=1").text
    assert [(e.kind, e.user_name) for e in seeded.deps.reviews.events(message_pk=pk)] == [("mail_filed", "bo")]


def test_review_events_are_append_only(seeded: Seeded) -> None:
    seeded.deps.reviews.add_event(CPR_REVEALED, user_name="bo", reference="JLT-2026-000001")
    with pytest.raises(DBAPIError), seeded.services.store.engine.begin() as conn:
        conn.execute(text("UPDATE review_events SET user_name = 'x'"))
    with pytest.raises(DBAPIError), seeded.services.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM review_events"))


def test_the_overview_draws_the_pool_and_placements_and_sums_refunds_per_workplace_and_month(client: TestClient, seeded: Seeded) -> None:
    login(client)
    page = client.get("/overblik").text
    assert '<svg class="timeline"' in page and "P-0001 Biblioteket" in page and 'class="cap"' in page
    assert "Biblioteket" in page and "2026-09" in page and "7.237,95" in page
