"""Mail URLs of CONTRACT.md, and passwords that never show."""

from __future__ import annotations

import pytest

from mailroom.errors import ConfigError
from mailroom.urls import parse_mail_url

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
