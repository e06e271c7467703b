"""Where the access tokens come from (`CLAIMS_OAUTH2_PROVIDER`, docs/operations.md "Microsoft 365").

- `MsalProvider`: Microsoft's MSAL, the client-credentials flow of an app registration, with a
  client secret or a certificate. MSAL is imported and the authority discovered on the first
  token, not when the settings are read.
- `CommandProvider`: runs a configured command (no shell) that prints a token on stdout, or a
  JSON object with `access_token` and `expires_in` (or `expires_at`, seconds since 1970): for
  any other identity provider, a vault, or a script of the operator's.

Neither ever logs a secret or a token; their errors say which setting to look at.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shlex
import ssl
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from mailroom.errors import TransientError
from mailroom.oauth2 import AccessToken, TokenError

MICROSOFT_AUTHORITY = "https://login.microsoftonline.com/{tenant}"
COMMAND_SECONDS = 60.0
# MSAL's error codes that a setting causes (RFC 6749 §5.2); anything else may pass (a 5xx)
_SETTING_ERRORS = frozenset({"invalid_client", "unauthorized_client", "invalid_scope", "invalid_request",
                             "invalid_grant", "unsupported_grant_type", "invalid_resource"})


class MsalProvider:
    def __init__(
        self, *, tenant: str, client_id: str, scope: str, secret: str | None = None,
        certificate_pem: bytes | None = None, authority: str = "", ca_file: str | Path | None = None,
    ) -> None:
        if not client_id or not (tenant or authority):
            raise TokenError("CLAIMS_OAUTH2_PROVIDER=msal needs CLAIMS_OAUTH2_TENANT and CLAIMS_OAUTH2_CLIENT_ID")
        if (secret is None) == (certificate_pem is None):
            raise TokenError("CLAIMS_OAUTH2_PROVIDER=msal needs either a client secret (CLAIMS_OAUTH2_CLIENT_SECRET or "
                             "CLAIMS_OAUTH2_CLIENT_SECRET_FILE) or a certificate (CLAIMS_OAUTH2_CERTIFICATE_FILE)")
        self.authority = (authority or MICROSOFT_AUTHORITY.format(tenant=tenant)).rstrip("/")
        self._client_id, self._scopes = client_id, scope.split()
        self._credential: Any = secret if secret is not None else _certificate_credential(certificate_pem or b"")
        self._ca_file = ca_file
        self._app: Any = None

    @property
    def name(self) -> str:
        return f"MSAL ({self.authority}, client {self._client_id})"

    def __repr__(self) -> str:
        return f"MsalProvider({self.name!r})"

    def _application(self) -> Any:
        if self._app is None:
            import msal
            import requests

            session = requests.Session()
            # per request, as requests lets REQUESTS_CA_BUNDLE win over a session's own `verify`
            session.request = functools.partial(session.request, verify=_ca_bundle(self._ca_file), timeout=30)  # type: ignore[method-assign]
            try:
                self._app = msal.ConfidentialClientApplication(
                    self._client_id, client_credential=self._credential, authority=self.authority,
                    instance_discovery=False,  # the authority is the setting's, as written
                    http_client=session,
                )
            except requests.RequestException as err:
                raise TransientError(f"{self.name}: the identity provider cannot be reached") from err
            except ValueError as err:  # no OpenID configuration at the authority (a wrong tenant)
                raise TokenError(f"{self.name}: the authority does not answer as an OAuth2 tenant; "
                                 "check CLAIMS_OAUTH2_TENANT (or CLAIMS_OAUTH2_AUTHORITY)") from err
        return self._app

    def fetch(self, *, fresh: bool) -> AccessToken:
        import requests

        app = self._application()
        if fresh:
            app.remove_tokens_for_client()  # MSAL would hand back the token the server refused
        issued = time.time()
        try:
            result = app.acquire_token_for_client(scopes=self._scopes)
        except requests.RequestException as err:
            raise TransientError(f"{self.name}: the identity provider cannot be reached") from err
        if "access_token" not in result:
            error = str(result.get("error", "no token"))
            # the description's first line names the cause (AADSTS7000215: Invalid client secret ...)
            why = str(result.get("error_description", "")).splitlines()[0][:200] if result.get("error_description") else ""
            text = f"{self.name}: the identity provider refused the client credentials ({error}{': ' + why if why else ''})"
            raise (TokenError if error in _SETTING_ERRORS else TransientError)(text)
        return AccessToken(str(result["access_token"]), issued + float(result.get("expires_in", 3600)), issued)


def _certificate_credential(pem: bytes) -> dict[str, str]:
    """MSAL's certificate credential from one PEM holding the private key and the certificate
    (its SHA-1 thumbprint is what Entra ID knows the certificate by)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        cert = x509.load_pem_x509_certificate(pem)
        key = serialization.load_pem_private_key(pem, password=None)
    except ValueError as err:
        raise TokenError("CLAIMS_OAUTH2_CERTIFICATE_FILE must hold an unencrypted PEM private key and its "
                         "certificate") from err
    der = cert.public_bytes(serialization.Encoding.DER)
    return {
        "private_key": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()).decode(),
        "thumbprint": hashlib.sha1(der).hexdigest(),  # noqa: S324 - the identifier Entra ID uses, not a security hash
        "public_certificate": cert.public_bytes(serialization.Encoding.PEM).decode(),
    }


def _ca_bundle(ca_file: str | Path | None) -> str | bool:
    """`CLAIMS_TLS_CA_FILE` trusted besides the public CAs (as for IMAP and SMTP): requests
    takes one bundle, so the two are written into one file."""
    if not ca_file:
        return True
    bundle = tempfile.NamedTemporaryFile("wb", prefix="claims-ca-", suffix=".pem", delete=False)  # noqa: SIM115
    with bundle:
        bundle.write(Path(_public_cas()).read_bytes() + b"\n" + Path(ca_file).read_bytes())
    return bundle.name


def _public_cas() -> str:
    """The CA bundle requests would use: the environment's, the system's, else certifi's."""
    for candidate in (os.environ.get("REQUESTS_CA_BUNDLE"), os.environ.get("CURL_CA_BUNDLE"),
                      ssl.get_default_verify_paths().cafile):
        if candidate and Path(candidate).is_file():
            return candidate
    import certifi

    return str(certifi.where())


class CommandProvider:
    def __init__(self, command: str, *, timeout: float = COMMAND_SECONDS) -> None:
        self._argv = shlex.split(command)
        if not self._argv:
            raise TokenError("CLAIMS_OAUTH2_PROVIDER=command needs CLAIMS_OAUTH2_COMMAND")
        self._timeout = timeout

    @property
    def name(self) -> str:
        return f"the command {Path(self._argv[0]).name}"

    def __repr__(self) -> str:
        return f"CommandProvider({self.name!r})"

    def fetch(self, *, fresh: bool) -> AccessToken:
        issued = time.time()
        try:
            done = subprocess.run(self._argv, capture_output=True, timeout=self._timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as err:
            raise TransientError(f"CLAIMS_OAUTH2_COMMAND: {self.name} gave no token within {self._timeout:.0f} s") from err
        except OSError as err:
            raise TokenError(f"CLAIMS_OAUTH2_COMMAND: {self.name} cannot be run ({err.strerror})") from err
        if done.returncode != 0:
            last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1][:200]
            raise TokenError(f"CLAIMS_OAUTH2_COMMAND: {self.name} exited with {done.returncode}"
                             f"{': ' + last if last else ''}")
        return _token_of(done.stdout.decode("utf-8", "replace").strip(), issued, self.name)


def _token_of(output: str, issued: float, name: str) -> AccessToken:
    if output.startswith("{"):
        try:
            data = json.loads(output)
            value = str(data["access_token"])
            if "expires_in" in data:
                return AccessToken(value, issued + float(data["expires_in"]), issued)
            expires = data.get("expires_at", data.get("expires_on"))
            return AccessToken(value, float(expires) if expires is not None else None, issued)
        except (ValueError, KeyError, TypeError) as err:
            raise TokenError(f"CLAIMS_OAUTH2_COMMAND: {name} printed JSON without a usable access_token") from err
    value = output.splitlines()[0].strip() if output else ""
    if not value or any(ch.isspace() for ch in value):
        raise TokenError(f"CLAIMS_OAUTH2_COMMAND: {name} printed no token (one line, or JSON with access_token)")
    return AccessToken(value, None, issued)
