"""Malformed From headers (issue 8, finding 4): the reply is built with a valid To, or there is a
recorded reason why nobody can be answered; never a `ValueError: Invalid addr_spec`."""

from __future__ import annotations

import dataclasses
from email import message_from_bytes
from email.policy import default

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.model import MessageInfo, Outcome
from mailroom.addresses import recipient, usable_address, usable_name
from mailroom.replies import ReplyInput, no_reply_reason, render_reply, reply_address
from parsers.message import read_email
from tests.unit.mailroom.reply_cases import FROM, NOW

# (From header as sent, the address the reply must go to; None: nobody to answer)
BROKEN_FROM = [
    ('"Hansen, Mette <mette@skole.dk>', "mette@skole.dk"),  # the quote never ends
    ('"Mette" Hansen" <mette@x.dk>', "mette@x.dk"),  # the quote ends early
    ("Mette Hansen <mette@x.dk", "mette@x.dk"),  # no closing >
    ("Mette <mette@x.dk> <other@y.dk>", "mette@x.dk"),
    ("=?utf-8?q?=3Cevil=3E?= <m@x.dk>", "m@x.dk"),  # an encoded word that decodes to <evil>
    ("=?utf-8?q?Mette=0AHansen?= <m@x.dk>", "m@x.dk"),  # a newline in the decoded name
    ('"Mette\\" <m@x.dk>', "m@x.dk"),  # an escaped quote that swallows the end
    ("Mette <mette@bø.dk>", "mette@xn--b-5ga.dk"),  # a non-ASCII domain, sent in its IDNA form
    ("mette@x.dk (Mette Hansen)", "mette@x.dk"),
    ("Mette <MeTTe@X.DK>", "mette@x.dk"),
    ("Mette <mette hansen@x.dk>", '"mette hansen"@x.dk'),  # spaces: the parser quotes the local part
    ("a@b@c.dk", None),  # two @: no way to tell which address is meant
    ("Mette <mette@skole@x.dk>", None),
    ("Mette Hansen", None),  # a name, no address
    ("<>", None),
    ("mette@", None),
    ("Mette <mø@x.dk>", None),  # a non-ASCII local part needs SMTPUTF8, which a reply does not assume
    ("Mette <mette@10.0.0.1>", None),
]


def _message(from_header: str | None, reply_to: str | None = None) -> bytes:
    head = "".join(f"{k}: {v}\n" for k, v in (("From", from_header), ("Reply-To", reply_to)) if v is not None)
    return f"{head}To: refusion@albertslund.dk\nSubject: Refusion\nMessage-ID: <m1@x.dk>\n\nHej\n".encode()


def _reply_to(info: MessageInfo) -> ReplyInput:
    return ReplyInput(reference="JLT-2026-000001", outcome=Outcome.NOT_A_CLAIM, original=info)


def _assert_valid_to(raw: bytes, address: str) -> None:
    msg = message_from_bytes(raw, policy=default)
    to = msg["To"]
    assert not to.defects, to.defects
    assert [a.addr_spec for a in to.addresses] == [address]


@pytest.mark.parametrize(("header", "expected"), BROKEN_FROM, ids=[h for h, _ in BROKEN_FROM])
def test_a_broken_from_gets_a_reply_to_its_address_or_a_reason(header: str, expected: str | None) -> None:
    info = read_email(_message(header)).info

    assert reply_address(info) == expected
    if expected is None:
        assert no_reply_reason(info)
        with pytest.raises(ValueError, match="no address to answer"):
            render_reply(_reply_to(info), now=NOW, from_address=FROM)
        return
    assert no_reply_reason(info) is None
    rendered = render_reply(_reply_to(info), now=NOW, from_address=FROM)
    assert rendered.to == expected
    _assert_valid_to(rendered.raw, expected)


def test_a_name_that_cannot_go_into_a_header_is_left_out_and_the_reply_still_goes() -> None:
    info = MessageInfo(sender="mette@x.dk", sender_name="Mette\r\nBcc: all@x.dk")
    rendered = render_reply(_reply_to(info), now=NOW, from_address=FROM)
    msg = message_from_bytes(rendered.raw, policy=default)
    assert msg["Bcc"] is None and msg["To"].addresses[0].addr_spec == "mette@x.dk"
    assert msg["To"].addresses[0].display_name == "Mette Bcc: all@x.dk"  # one line, quoted


def test_an_unusable_reply_to_falls_back_to_the_from_address() -> None:
    info = read_email(_message("Mette <mette@x.dk>", reply_to="Hansen, Mette <broken")).info
    assert reply_address(info) == "mette@x.dk"


def test_no_sender_at_all_has_its_own_reason() -> None:
    assert recipient(MessageInfo()).reason == "the mail names no sender (no From, no Reply-To)"
    assert "malformed" in (recipient(MessageInfo(sender="hansen, mette")).reason or "")


def test_a_name_equal_to_the_address_is_no_name() -> None:
    assert usable_name("Mette@X.dk", "mette@x.dk") is None
    assert usable_name("  ", "mette@x.dk") is None


# Display names and addresses as a hostile or broken mail client might write them.
_NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_LOCAL = st.from_regex(r"[A-Za-z0-9._%+-]{1,20}", fullmatch=True)
_DOMAIN = st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]\.(dk|com|kommune\.dk)", fullmatch=True)
_JUNK = st.sampled_from(['"', "<", ">", "@", ",", ";", " ", "\\", "(", ")", "\t", "\n", "=?utf-8?q?=3C?="])


@st.composite
def _from_headers(draw: st.DrawFn) -> str:
    opening = draw(st.sampled_from([" <", "<", '" <']))
    at = draw(st.sampled_from(["@", "@", "@", "@@", " @", ""]))
    parts = [draw(_NAMES), opening, draw(_LOCAL), at, draw(_DOMAIN)]
    extra = draw(st.lists(st.tuples(st.integers(0, 5), _JUNK), max_size=4))
    for at, junk in extra:
        parts.insert(at, junk)
    return "".join(parts).replace("\n", " ").replace("\r", " ")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=_from_headers(), name=_NAMES)
def test_any_from_header_gives_a_reply_with_a_valid_to_or_a_reason(header: str, name: str) -> None:
    info = read_email(_message(header)).info
    for case in (info, dataclasses.replace(info, sender_name=name or None)):
        target = recipient(case)
        assert (target.address is None) != (target.reason is None)
        if target.address is None:
            continue
        assert usable_address(target.address) == target.address  # stable: a valid address stays itself
        rendered = render_reply(_reply_to(case), now=NOW, from_address=FROM)
        _assert_valid_to(rendered.raw, target.address)


def test_raw_8bit_bytes_in_a_from_name_still_give_a_reply_that_can_be_sent() -> None:
    # Found by the property test above: an encoded word followed by raw UTF-8 bytes reached the
    # reply's text as surrogate escapes, which cannot be encoded.
    info = read_email(_message("=?utf-8?q?=3C?=\\\x80 <0@a0.dk>")).info
    assert info.sender_name is not None and not any("\udc80" <= ch <= "\udcff" for ch in info.sender_name)
    rendered = render_reply(_reply_to(info), now=NOW, from_address=FROM)
    _assert_valid_to(rendered.raw, "0@a0.dk")
