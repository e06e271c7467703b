"""Mail URLs of CONTRACT.md, and passwords that never show."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from mailroom.errors import ConfigError
from mailroom.senders import open_sender
from mailroom.sources import open_source
from mailroom.urls import is_loopback, parse_mail_url, tls_context

ANY = frozenset({"maildir", "imap", "imaps", "smtp", "smtps", "dir"})


def test_imap_url_gives_user_password_host_port_and_folder() -> None:
    url = parse_mail_url("imap://jobcenter:s%40cret@127.0.0.1:14143/Claims", allowed=ANY)
    assert (url.scheme, url.user, url.password, url.host, url.port, url.path) == (
        "imap", "jobcenter", "s@cret", "127.0.0.1", 14143, "Claims")


def test_default_ports_follow_the_scheme() -> None:
    ports = {s: parse_mail_url(f"{s}://host", allowed=ANY).port for s in ("imap", "imaps", "smtp", "smtps")}
    assert ports == {"imap": 143, "imaps": 993, "smtp": 25, "smtps": 465}


def test_the_password_never_shows_in_repr_str_or_redacted() -> None:
    url = parse_mail_url("smtps://mailer:hunter2@smtp.albertslund.dk:465", allowed=ANY)
    for shown in (repr(url), str(url), url.redacted):
        assert "hunter2" not in shown
    assert url.redacted == "smtps://mailer:***@smtp.albertslund.dk:465"


def test_path_urls_need_an_absolute_path() -> None:
    assert parse_mail_url("maildir:///var/mail/claims/", allowed=ANY).path == "/var/mail/claims"
    assert parse_mail_url("dir:///srv/outbox", allowed=ANY).path == "/srv/outbox"
    with pytest.raises(ConfigError):
        parse_mail_url("dir://relative/outbox", allowed=ANY)


@pytest.mark.parametrize("bad", ["pop3://host", "imap://", "http://x", "imap://h:notaport/INBOX"])
def test_unusable_urls_are_configuration_errors(bad: str) -> None:
    with pytest.raises(ConfigError):
        parse_mail_url(bad, allowed=ANY)


def test_an_error_message_never_holds_the_password() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_mail_url("imap://u:topsecret@h:99999/INBOX", allowed=ANY)
    assert "topsecret" not in str(caught.value)


# -- transport (issue 8, finding 5) ----------------------------------------------------------


@pytest.mark.parametrize(("url", "tls"), [
    ("smtp://mailer:pw@smtp.office365.com:587", "starttls"),  # a password leaves the machine: STARTTLS or nothing
    ("imap://jobcenter:pw@imap.albertslund.dk/INBOX", "starttls"),
    ("smtp://relay.albertslund.dk:25", "auto"),  # no password: STARTTLS when offered
    ("smtp://mailer:pw@127.0.0.1:2525", "auto"),  # loopback: as the tests and the demo use it
    ("imap://jobcenter:pw@localhost:143/INBOX", "auto"),
    ("smtp://mailer:pw@relay.albertslund.dk:25?tls=starttls", "starttls"),
    ("smtp://127.0.0.1:2525?tls=none", "none"),
    ("imap://jobcenter:pw@127.0.0.5:143/INBOX?tls=none", "none"),
    ("smtp://mailer:pw@[::1]:25?tls=NONE", "none"),
    ("smtps://mailer:pw@smtp.albertslund.dk", "implicit"),
    ("imaps://jobcenter:pw@imap.albertslund.dk/INBOX", "implicit"),
])
def test_each_url_form_has_its_protection(url: str, tls: str) -> None:
    assert parse_mail_url(url, allowed=ANY).tls == tls


@pytest.mark.parametrize("url", [
    "smtp://mailer:hunter2@smtp.albertslund.dk:25?tls=none",
    "imap://jobcenter:hunter2@10.0.0.7:143/INBOX?tls=none",
    "imap://jobcenter:hunter2@127.0.0.1.example.dk:143/INBOX?tls=none",  # a name, not loopback
])
def test_a_password_over_an_unencrypted_connection_to_another_host_is_refused_before_connecting(url: str) -> None:
    with pytest.raises(ConfigError, match="refusing to send a password unencrypted") as caught:
        parse_mail_url(url, allowed=ANY)
    assert "hunter2" not in str(caught.value)
    with pytest.raises(ConfigError):  # the adapters refuse it when they are made, not when they connect
        (open_sender if url.startswith("smtp") else open_source)(url)


@pytest.mark.parametrize("url", ["smtps://h:465?tls=none", "smtp://h:25?tls=startls", "smtp://h:25?tsl=none",
                                 "imap://u:p@h/INBOX?tls=none&ca=/etc/x"])
def test_a_misspelt_or_misplaced_tls_option_is_a_configuration_error(url: str) -> None:
    with pytest.raises(ConfigError):
        parse_mail_url(url, allowed=ANY)


def test_the_chosen_tls_shows_in_the_redacted_url_and_the_password_does_not() -> None:
    url = parse_mail_url("smtp://mailer:hunter2@smtp.office365.com:587", allowed=ANY)
    assert url.redacted == "smtp://mailer:***@smtp.office365.com:587?tls=starttls"
    assert parse_mail_url("smtp://127.0.0.1:25", allowed=ANY).redacted == "smtp://127.0.0.1:25"


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("127.8.9.10", True), ("::1", True),
                                                ("localhost", True), ("LOCALHOST.", True), ("10.0.0.1", False),
                                                ("128.0.0.1", False), ("localhost.albertslund.dk", False), ("::2", False)])
def test_loopback_is_127_slash_8_and_ipv6_one_and_localhost(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_tls_context_checks_certificates_and_host_names(tmp_path: Path) -> None:
    context = tls_context()
    assert context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED
    not_pem = tmp_path / "ca.pem"
    not_pem.write_text("not a certificate")
    with pytest.raises(ConfigError, match="CA file"):
        tls_context(not_pem)
