"""OAuth2 for the mail tests, as a pytest plugin: a small identity provider, Dovecot that checks
its tokens, and aiosmtpd that checks them too (issue 11).

- `identity_provider` (session): an Entra-ID-like tenant on 127.0.0.1 over HTTPS (the test CA's
  certificate): `/<tenant>/v2.0/.well-known/openid-configuration` and the client-credentials
  token endpoint MSAL talks to, for a client with a secret and one with a certificate (its
  JWT client assertion is checked against the certificate). Tokens are random strings with a
  lifetime the test sets; the IdP remembers which are live. On plain HTTP beside it, the
  RFC 7662 introspection endpoint Dovecot's `oauth2` passdb asks. `idp` (function) resets it.
- `dovecot_oauth2` (session): Debian's Dovecot with `auth_mechanisms = plain login xoauth2
  oauthbearer` and an `oauth2` passdb (doc.dovecot.org 2.3, "OAuth2") pointing at that
  endpoint; the password passdb stays for the helpers that append mail. `oauth2_account`
  (function) empties it.
- `smtp_oauth2_sink` (function): aiosmtpd that requires STARTTLS and offers AUTH XOAUTH2 and
  OAUTHBEARER, checking the token in the SASL string against the IdP (and refusing every
  password), recording who logged in with which result.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from tests.servers.mail import USER, DovecotServer, SaveEmlTls, SmtpSink, _dovecot, reset_account, starttls_sink
from tests.servers.tls import CertAuthority

TENANT = "albertslund-test"
SECRET_CLIENT, SECRET = "claims-secret-app", "s3cret-value-of-the-app"
CERT_CLIENT = "claims-cert-app"
SCOPE = "https://outlook.office365.com/.default"


@dataclass
class IdentityProvider:
    """The tenant's state; the HTTP handlers below read and change it."""

    base_url: str  # https://127.0.0.1:port/<tenant>
    introspection_url: str
    cert_client_pem: Path  # the certificate client's private key and certificate, one PEM
    lifetime: float = 3600.0
    mailboxes: frozenset[str] = frozenset({USER})  # the mailboxes the app was given access to
    tokens: dict[str, float] = field(default_factory=dict)  # token -> expires at
    issued: list[tuple[str, str]] = field(default_factory=list)  # (client id, token)
    checked: list[tuple[str, bool]] = field(default_factory=list)  # (user, live) per token check
    cert_thumbprint: str = ""
    cert_public_key: Any = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def authority(self) -> str:
        return self.base_url

    @property
    def token_endpoint(self) -> str:
        return f"{self.base_url}/oauth2/v2.0/token"

    def mint(self, lifetime: float | None = None, client: str = "minted") -> str:
        token = "tok-" + secrets.token_urlsafe(24)
        with self.lock:
            self.tokens[token] = time.time() + (self.lifetime if lifetime is None else lifetime)
            self.issued.append((client, token))
        return token

    def live(self, token: str, user: str) -> bool:
        with self.lock:
            ok = self.tokens.get(token, 0.0) > time.time() and user in self.mailboxes
            self.checked.append((user, ok))
        return ok

    def reset(self) -> None:
        with self.lock:
            self.lifetime, self.mailboxes = 3600.0, frozenset({USER})
            self.tokens.clear()
            self.issued.clear()
            self.checked.clear()


class _Handler(BaseHTTPRequestHandler):
    idp: IdentityProvider

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length", "0"))
        return {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        base = self.idp.base_url
        if self.path.split("?")[0] == f"/{TENANT}/v2.0/.well-known/openid-configuration":
            self._json(200, {"issuer": f"{base}/v2.0", "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                             "token_endpoint": self.idp.token_endpoint})
        else:
            self._json(404, {"error": "not_found"})

    def do_POST(self) -> None:  # noqa: N802
        form = self._form()
        if self.path == "/introspect":  # RFC 7662, as Dovecot's introspection_mode = post asks
            token = form.get("token", "")
            active = any(self.idp.live(token, user) for user in sorted(self.idp.mailboxes))
            self._json(200, {"active": active, **({"username": sorted(self.idp.mailboxes)[0]} if active else {})})
        elif self.path == f"/{TENANT}/oauth2/v2.0/token":
            self._token(form)
        else:
            self._json(404, {"error": "not_found"})

    def _token(self, form: dict[str, str]) -> None:
        client = form.get("client_id", "")
        if form.get("grant_type") != "client_credentials" or form.get("scope") != SCOPE:
            self._json(400, {"error": "invalid_scope" if form.get("scope") != SCOPE else "unsupported_grant_type",
                             "error_description": "AADSTS70011: The provided value for the input parameter 'scope' is not valid."})
            return
        if not (self._secret_ok(client, form) or self._assertion_ok(client, form)):
            self._json(401, {"error": "invalid_client",
                             "error_description": "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x"})
            return
        token = self.idp.mint(client=client)
        self._json(200, {"token_type": "Bearer", "expires_in": int(self.idp.lifetime), "access_token": token})

    def _secret_ok(self, client: str, form: dict[str, str]) -> bool:
        return client == SECRET_CLIENT and secrets.compare_digest(form.get("client_secret", ""), SECRET)

    def _assertion_ok(self, client: str, form: dict[str, str]) -> bool:
        """The client assertion MSAL signs with the certificate's key (RFC 7523): signature, audience,
        issuer and subject, and the certificate it names by its thumbprint."""
        import jwt

        assertion = form.get("client_assertion")
        if client != CERT_CLIENT or not assertion:
            return False
        try:
            header = jwt.get_unverified_header(assertion)
            claims = jwt.decode(assertion, self.idp.cert_public_key, algorithms=["RS256", "PS256"],
                                audience=self.idp.token_endpoint)
        except jwt.PyJWTError:
            return False
        named = str(header.get("x5t") or "")  # the SHA-1 thumbprint, base64 (MSAL pads it, RFC 7515 would not)
        try:
            thumbprint = base64.b64decode(named.replace("-", "+").replace("_", "/") + "=" * (-len(named) % 4)).hex()
        except ValueError:
            return False
        return claims.get("iss") == claims.get("sub") == client and thumbprint == self.idp.cert_thumbprint


def _serve(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def _client_certificate(folder: Path) -> tuple[Path, str, Any]:
    """A self-signed certificate for the app registration (as `New-SelfSignedCertificate` or
    openssl make one), its key in the same PEM."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "claims app registration")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30)).sign(key, hashes.SHA256()))
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                            serialization.NoEncryption()) + cert.public_bytes(serialization.Encoding.PEM)
    path = folder / "app-registration.pem"
    path.write_bytes(pem)
    path.chmod(0o600)
    thumbprint = hashlib.sha1(cert.public_bytes(serialization.Encoding.DER)).hexdigest()  # noqa: S324
    return path, thumbprint, key.public_key()


@pytest.fixture(scope="session")
def identity_provider(tmp_path_factory: pytest.TempPathFactory, test_ca: CertAuthority) -> Iterator[IdentityProvider]:
    https = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    https.socket = test_ca.server_context().wrap_socket(https.socket, server_side=True)
    plain = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    pem, thumbprint, public_key = _client_certificate(tmp_path_factory.mktemp("oauth2"))
    idp = IdentityProvider(
        base_url=f"https://127.0.0.1:{https.server_address[1]}/{TENANT}",
        introspection_url=f"http://127.0.0.1:{plain.server_address[1]}/introspect",
        cert_client_pem=pem, cert_thumbprint=thumbprint, cert_public_key=public_key,
    )
    _Handler.idp = idp
    threads = [_serve(https), _serve(plain)]
    try:
        yield idp
    finally:
        for server in (https, plain):
            server.shutdown()
            server.server_close()
        for thread in threads:
            thread.join(timeout=5)


@pytest.fixture
def idp(identity_provider: IdentityProvider) -> IdentityProvider:
    identity_provider.reset()
    return identity_provider


# -- Dovecot with an oauth2 passdb -------------------------------------------------------------


def _oauth2_dovecot_config(idp: IdentityProvider) -> tuple[str, str]:
    """The auth lines of dovecot.conf, and the oauth2 passdb's own file."""
    return (
        "auth_mechanisms = plain login xoauth2 oauthbearer\n"
        "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {base}/oauth2.conf.ext\n}\n"
    ), (
        "introspection_mode = post\n"
        f"introspection_url = {idp.introspection_url}\n"
        "username_attribute = username\n"
        "active_attribute = active\n"
        "active_value = true\n"
    )


@pytest.fixture(scope="session")
def dovecot_oauth2(identity_provider: IdentityProvider, test_ca: CertAuthority) -> Iterator[DovecotServer]:
    """Dovecot with STARTTLS (a token is a credential: the client sends it only encrypted to a
    host that is not loopback, and here it is sent encrypted anyway) and the oauth2 passdb."""
    auth, passdb_args = _oauth2_dovecot_config(identity_provider)
    ssl = (f"ssl = yes\nssl_cert = <{test_ca.cert_file}\nssl_key = <{test_ca.key_file}\n"
           "ssl_min_protocol = TLSv1.2")
    with _dovecot(ssl, oauth2=(auth, passdb_args)) as server:
        yield server


@pytest.fixture
def oauth2_account(dovecot_oauth2: DovecotServer, idp: IdentityProvider) -> DovecotServer:
    reset_account(dovecot_oauth2)
    return dovecot_oauth2


def oauth2_url(server: DovecotServer, mechanism: str = "xoauth2", folder: str = "INBOX") -> str:
    return f"imap://{server.user}@{server.host}:{server.port}/{folder}?tls=starttls&auth={mechanism}"


# -- aiosmtpd with XOAUTH2 and OAUTHBEARER -----------------------------------------------------


class SaveEmlOAuth2(SaveEmlTls):
    """`SaveEmlTls` whose server offers AUTH XOAUTH2 and OAUTHBEARER (aiosmtpd calls a handler's
    `auth_<MECHANISM>`), checking the SASL string's user and token at the IdP."""

    def __init__(self, folder: Path, idp: IdentityProvider) -> None:
        super().__init__(folder)
        self.idp = idp
        self.logins: list[tuple[str, str, bool]] = []  # (mechanism, user, accepted)

    async def auth_XOAUTH2(self, server: Any, args: list[str]) -> Any:  # noqa: N802 - aiosmtpd's name
        return await self._bearer(server, args, "XOAUTH2")

    async def auth_OAUTHBEARER(self, server: Any, args: list[str]) -> Any:  # noqa: N802
        return await self._bearer(server, args, "OAUTHBEARER")

    async def _bearer(self, server: Any, args: list[str], mechanism: str) -> Any:
        from aiosmtpd.smtp import MISSING, AuthResult, LoginPassword

        if len(args) > 1:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except ValueError:
                await server.push("501 5.5.2 Can't decode base64")
                return AuthResult(success=False, handled=True)
        else:
            blob = await server.challenge_auth("")
            if blob is MISSING:
                return AuthResult(success=False, handled=True)
        user, token = _bearer_fields(blob.decode("utf-8", "replace"), mechanism)
        ok = bool(user and token) and self.idp.live(token, user)
        self.logins.append((mechanism, user, ok))
        if ok:
            return AuthResult(success=True, auth_data=LoginPassword(user.encode(), b""))
        # RFC 7628 §3.2.2 / Microsoft's XOAUTH2: an error challenge, the client's dummy answer, then 535
        await server.challenge_auth(json.dumps({"status": "401", "schemes": "bearer", "scope": SCOPE}))
        return AuthResult(success=False, handled=False)


def _bearer_fields(text: str, mechanism: str) -> tuple[str, str]:
    parts = text.split("\x01")
    user = ""
    if mechanism == "XOAUTH2":
        user = next((p.removeprefix("user=") for p in parts if p.startswith("user=")), "")
    else:  # gs2 header "n,a=user,"
        user = next((f.removeprefix("a=") for f in parts[0].split(",") if f.startswith("a=")), "")
    token = next((p.removeprefix("auth=Bearer ") for p in parts if p.startswith("auth=Bearer ")), "")
    return user, token


def _no_password(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
    from aiosmtpd.smtp import AuthResult

    return AuthResult(success=False, handled=False)  # Microsoft 365 with basic auth off


@pytest.fixture(scope="session")
def smtp_oauth2_server(tmp_path_factory: pytest.TempPathFactory, test_ca: CertAuthority,
                       identity_provider: IdentityProvider) -> Iterator[SmtpSink]:
    folder = tmp_path_factory.mktemp("smtp-oauth2")
    with starttls_sink(SaveEmlOAuth2(folder, identity_provider), test_ca, _no_password) as sink:
        yield sink


@pytest.fixture
def smtp_oauth2_sink(smtp_oauth2_server: SmtpSink, idp: IdentityProvider) -> SmtpSink:
    smtp_oauth2_server.clear()
    handler = smtp_oauth2_server.handler
    assert isinstance(handler, SaveEmlOAuth2)
    handler.sessions.clear()
    handler.logins.clear()
    return smtp_oauth2_server


def smtp_oauth2_url(sink: SmtpSink, mechanism: str = "xoauth2", user: str = USER) -> str:
    return f"smtp://{user}@{sink.host}:{sink.port}?tls=starttls&auth={mechanism}"


@contextlib.contextmanager
def token_command(folder: Path, outputs: list[str]) -> Iterator[str]:
    """A token command for CLAIMS_OAUTH2_COMMAND that prints the next of `outputs` each time it
    runs (the last one again when they run out), as a vault client or a script would."""
    queue = folder / "tokens.json"
    queue.write_text(json.dumps(outputs))
    script = folder / "print-token.py"
    script.write_text(
        "import json, sys\n"
        f"path = {str(queue)!r}\n"
        "items = json.load(open(path))\n"
        "print(items[0])\n"
        "json.dump(items[1:] or items, open(path, 'w'))\n"
    )
    import sys

    yield f"{sys.executable} {script}"
