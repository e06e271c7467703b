"""OAuth2 logins for real: Dovecot checking tokens at the test's identity provider (its oauth2
passdb), aiosmtpd checking the XOAUTH2/OAUTHBEARER string, and tokens from MSAL (a secret, a
certificate) and from a command (tests/servers/oauth2.py)."""

from __future__ import annotations

import json
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailroom.oauth2 import LoginRefused, TokenError, Tokens
from mailroom.senders import open_sender
from mailroom.sources import ImapSource, open_source
from mailroom.token_providers import CommandProvider, MsalProvider
from tests.integration.mailroom.messages import make_mail
from tests.servers.mail import USER, DovecotServer, SmtpSink, append, uids
from tests.servers.oauth2 import (
    CERT_CLIENT,
    SCOPE,
    SECRET,
    SECRET_CLIENT,
    TENANT,
    IdentityProvider,
    SaveEmlOAuth2,
    oauth2_url,
    smtp_oauth2_url,
    token_command,
)
from tests.servers.tls import CertAuthority

pytestmark = pytest.mark.integration


def _msal(idp: IdentityProvider, ca: CertAuthority, *, secret: str | None = SECRET, certificate: bool = False) -> Tokens:
    if certificate:
        return Tokens(MsalProvider(tenant=TENANT, client_id=CERT_CLIENT, scope=SCOPE, authority=idp.authority,
                                   certificate_pem=idp.cert_client_pem.read_bytes(), ca_file=ca.ca_file))
    return Tokens(MsalProvider(tenant=TENANT, client_id=SECRET_CLIENT, scope=SCOPE, secret=secret,
                               authority=idp.authority, ca_file=ca.ca_file))


def _source(server: DovecotServer, tokens: Tokens, ca: CertAuthority, mechanism: str = "xoauth2") -> ImapSource:
    source = open_source(oauth2_url(server, mechanism), ca_file=ca.ca_file, tokens=lambda: tokens)
    assert isinstance(source, ImapSource)
    return source


def _json_token(token: str, expires_in: float = 3600) -> str:
    return json.dumps({"access_token": token, "expires_in": expires_in})


@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
@pytest.mark.parametrize("credential", ["secret", "certificate"])
def test_imap_logs_in_with_an_msal_token_and_reads_the_mailbox(
    oauth2_account: DovecotServer, idp: IdentityProvider, test_ca: CertAuthority, mechanism: str, credential: str
) -> None:
    append(oauth2_account, make_mail("oktober", "Mon, 02 Nov 2026 08:00:00 +0100"))
    tokens = _msal(idp, test_ca, certificate=credential == "certificate")
    source = _source(oauth2_account, tokens, test_ca, mechanism)
    try:
        [waiting] = source.waiting()
        assert b"Subject: oktober" in source.read(waiting.key)
    finally:
        source.close()
    client = CERT_CLIENT if credential == "certificate" else SECRET_CLIENT
    assert [c for c, _ in idp.issued] == [client]  # one token, from the client-credentials flow
    assert idp.checked == [(USER, True)]  # Dovecot asked the introspection endpoint, once
    assert f"auth={mechanism}" in source.name and "tok-" not in source.name


def test_a_wrong_client_secret_is_one_clear_error_without_the_secret(idp: IdentityProvider, test_ca: CertAuthority) -> None:
    with pytest.raises(TokenError) as caught:
        _msal(idp, test_ca, secret="not-the-secret").current()
    text = str(caught.value)
    assert "invalid_client" in text and "AADSTS7000215" in text and "\n" not in text
    assert "not-the-secret" not in text and idp.issued == []


def test_a_wrong_tenant_is_a_setting_to_fix(idp: IdentityProvider, test_ca: CertAuthority) -> None:
    provider = MsalProvider(tenant="other", client_id=SECRET_CLIENT, scope=SCOPE, secret=SECRET,
                            authority=idp.authority.replace(TENANT, "other-tenant"), ca_file=test_ca.ca_file)
    with pytest.raises(TokenError, match="CLAIMS_OAUTH2_TENANT"):
        provider.fetch(fresh=False)


def test_an_expired_token_is_refused_by_dovecot_and_renewed(
    oauth2_account: DovecotServer, idp: IdentityProvider, test_ca: CertAuthority, tmp_path: Path
) -> None:
    """The command's first token claims an hour but has expired at the IdP (revoked, a clock off):
    Dovecot refuses it, the source asks again for a fresh one and logs in."""
    append(oauth2_account, make_mail("oktober", "Mon, 02 Nov 2026 08:00:00 +0100"))
    stale, fresh = idp.mint(lifetime=-1), idp.mint()
    with token_command(tmp_path, [_json_token(stale), _json_token(fresh)]) as command:
        tokens = Tokens(CommandProvider(command))
        source = _source(oauth2_account, tokens, test_ca)
        try:
            assert len(source.waiting()) == 1
        finally:
            source.close()
    assert idp.checked == [(USER, False), (USER, True)]
    assert tokens.fetched == 2


def test_a_wrong_token_is_one_clear_error_and_no_message_is_touched(
    oauth2_account: DovecotServer, idp: IdentityProvider, test_ca: CertAuthority, tmp_path: Path
) -> None:
    append(oauth2_account, make_mail("oktober", "Mon, 02 Nov 2026 08:00:00 +0100"))
    before = uids(oauth2_account, "INBOX", "UNSEEN")
    with token_command(tmp_path, ["not-a-token-the-idp-knows"]) as command:
        source = _source(oauth2_account, Tokens(CommandProvider(command)), test_ca)
        with pytest.raises(LoginRefused) as caught:
            source.waiting()
    text = str(caught.value)
    assert "refused the OAuth2 token for 'jobcenter' (XOAUTH2)" in text and "not-a-token" not in text
    assert "\n" not in text
    assert idp.checked == [(USER, False), (USER, False)]  # tried, renewed once, refused again
    assert uids(oauth2_account, "INBOX", "UNSEEN") == before  # still there, still unseen


def test_a_connection_whose_token_runs_out_is_opened_anew_with_a_new_token(
    oauth2_account: DovecotServer, idp: IdentityProvider, test_ca: CertAuthority
) -> None:
    idp.lifetime = 2.0  # renewed when a fifth (0.4 s) is left
    tokens = _msal(idp, test_ca)
    source = _source(oauth2_account, tokens, test_ca)
    try:
        assert source.waiting() == ()
        started = time.monotonic()
        assert source.wait(timeout=30) is False  # IDLE ends before the token does, not after 30 s
        assert time.monotonic() - started < 5
        append(oauth2_account, make_mail("november", "Tue, 03 Nov 2026 10:00:00 +0100"))
        assert len(source.waiting()) == 1
    finally:
        source.close()
    assert source.connections == 2 and len(idp.issued) == 2
    assert all(live for _, live in idp.checked)  # every login went in with a live token


@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
def test_smtp_sends_with_an_msal_token(
    smtp_oauth2_sink: SmtpSink, idp: IdentityProvider, test_ca: CertAuthority, mechanism: str
) -> None:
    tokens = _msal(idp, test_ca)
    sender = open_sender(smtp_oauth2_url(smtp_oauth2_sink, mechanism), ca_file=test_ca.ca_file, tokens=lambda: tokens)
    sender.send(_reply(), "bib-leder@albertslund.dk", "jobcenter@albertslund.dk")
    sender.send(_reply(), "bib-leder@albertslund.dk", "jobcenter@albertslund.dk")
    handler = smtp_oauth2_sink.handler
    assert isinstance(handler, SaveEmlOAuth2)
    assert handler.logins == [(mechanism.upper(), USER, True)] * 2
    assert handler.sessions == [(True, USER)] * 2  # over TLS, logged in as the mailbox
    assert len(idp.issued) == 1  # the second reply used the cached token
    assert len(smtp_oauth2_sink.messages()) == 2


def test_smtp_renews_a_refused_token_and_a_wrong_one_is_refused_without_sending(
    smtp_oauth2_sink: SmtpSink, idp: IdentityProvider, test_ca: CertAuthority, tmp_path: Path
) -> None:
    handler = smtp_oauth2_sink.handler
    assert isinstance(handler, SaveEmlOAuth2)
    with token_command(tmp_path, [_json_token(idp.mint(lifetime=-1)), _json_token(idp.mint())]) as command:
        tokens = Tokens(CommandProvider(command))
        sender = open_sender(smtp_oauth2_url(smtp_oauth2_sink), ca_file=test_ca.ca_file, tokens=lambda: tokens)
        sender.send(_reply(), "bib-leder@albertslund.dk", "jobcenter@albertslund.dk")
    assert [ok for _, _, ok in handler.logins] == [False, True] and len(smtp_oauth2_sink.messages()) == 1

    handler.logins.clear()
    with token_command(tmp_path, ["garbage"]) as command:
        tokens = Tokens(CommandProvider(command))
        sender = open_sender(smtp_oauth2_url(smtp_oauth2_sink), ca_file=test_ca.ca_file, tokens=lambda: tokens)
        with pytest.raises(LoginRefused) as caught:
            sender.send(_reply(), "bib-leder@albertslund.dk", "jobcenter@albertslund.dk")
    assert "refused the OAuth2 token" in str(caught.value) and "garbage" not in str(caught.value)
    assert [ok for _, _, ok in handler.logins] == [False, False] and len(smtp_oauth2_sink.messages()) == 1


def test_smtp_refuses_a_password_where_only_tokens_are_taken(smtp_oauth2_sink: SmtpSink, test_ca: CertAuthority) -> None:
    sender = open_sender(f"smtp://{USER}:secret@{smtp_oauth2_sink.host}:{smtp_oauth2_sink.port}?tls=starttls",
                         ca_file=test_ca.ca_file)
    with pytest.raises(LoginRefused):
        sender.send(_reply(), "bib-leder@albertslund.dk", "jobcenter@albertslund.dk")
    assert smtp_oauth2_sink.messages() == []


def _reply() -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "jobcenter@albertslund.dk", "bib-leder@albertslund.dk", "Refusion"
    msg["Message-ID"] = f"<reply-{time.time_ns()}@claims.albertslund.dk>"
    msg.set_content("Kvittering.")
    return msg.as_bytes()
