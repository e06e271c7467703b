"""The one composition root (cosmicpython's bootstrap): settings become a Policy, a Store, a
mail source and a sender, built once and passed in. Nothing is built at import time."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from app.metrics import RunMetrics
from app.settings import SAMPLE_MAILDIR, Settings, load_settings
from claims.model import ParsedMessage
from claims.policy import Policy
from ledger.store import Store
from ledger.work import WorkLocks
from mailroom.errors import ConfigError
from mailroom.inbound import MailSource
from mailroom.oauth2 import TokenProvider, Tokens
from mailroom.senders import Sender, open_sender
from mailroom.sources import open_source
from mailroom.token_providers import CommandProvider, MsalProvider

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@dataclass
class Services:
    settings: Settings
    store: Store
    policy: Policy
    # The parser, as an adapter: tests pass a real one that fails to check containment.
    parser: Callable[[bytes, int], ParsedMessage] | None = field(default=None)
    # This worker's locks on its pieces of work (ledger/work.py): shared with other workers on
    # PostgreSQL, always granted on SQLite (one run at a time there, app/locking.py).
    work: WorkLocks = field(default=None)  # type: ignore[assignment]
    # What this process counts for Prometheus (app/metrics.py); served only when a port is set.
    metrics: RunMetrics = field(default_factory=RunMetrics)
    _tokens: Tokens | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.work is None:
            self.work = WorkLocks(self.store.engine)
        self.metrics.watch_outbox(self.store)

    def parse(self, raw: bytes) -> ParsedMessage:
        if self.parser is not None:
            return self.parser(raw, self.settings.max_attachment_bytes)
        from parsers.claim import parse_message

        return parse_message(raw, max_attachment_bytes=self.settings.max_attachment_bytes)

    def today(self) -> dt.date:
        return self.settings.effective_today()

    def now(self) -> dt.datetime:
        """The Date of replies: `CLAIMS_TODAY` at the current time of day, in Danish time."""
        real = dt.datetime.now(DANISH_TIME)
        if self.settings.today is None:
            return real
        return dt.datetime.combine(self.settings.today, real.timetz())

    def source(self) -> MailSource:
        _ensure_sample_maildir(self.settings)
        return open_source(self.settings.mailbox, ca_file=self.settings.tls_ca_file, tokens=self.tokens)

    def sender(self) -> Sender:
        return open_sender(self.settings.outbox, ca_file=self.settings.tls_ca_file, tokens=self.tokens)

    def tokens(self) -> Tokens:
        """The OAuth2 token cache that the mailbox and the outbox share (built on first use,
        only for a URL with `?auth=`)."""
        if self._tokens is None:
            self._tokens = Tokens(token_provider_of(self.settings))
        return self._tokens


def token_provider_of(settings: Settings) -> TokenProvider:
    """`CLAIMS_OAUTH2_PROVIDER` and its settings as a token provider (docs/operations.md
    "Microsoft 365"); the secret comes from the setting or the file it names."""
    if settings.oauth2_provider == "command":
        return CommandProvider(settings.oauth2_command)
    if settings.oauth2_provider == "msal":
        secret = settings.oauth2_client_secret.get_secret_value() if settings.oauth2_client_secret else None
        if secret is None and settings.oauth2_client_secret_file is not None:
            secret = settings.oauth2_client_secret_file.read_text(encoding="utf-8").strip()
        certificate = settings.oauth2_certificate_file.read_bytes() if settings.oauth2_certificate_file else None
        return MsalProvider(tenant=settings.oauth2_tenant, client_id=settings.oauth2_client_id,
                            scope=settings.oauth2_scope, secret=secret, certificate_pem=certificate,
                            authority=settings.oauth2_authority, ca_file=settings.tls_ca_file)
    raise ConfigError("a mail URL with ?auth= needs CLAIMS_OAUTH2_PROVIDER (msal or command)")


def policy_of(settings: Settings) -> Policy:
    return Policy.configured(
        pool_hours=settings.pool_hours,
        max_weekly_hours=settings.max_weekly_hours,
        max_months=settings.max_months,
        four_eyes_above=settings.four_eyes_above,
        hourly_rate_range=settings.hourly_rate_range,
        late_months=settings.late_months,
        final_settlement_months=settings.final_settlement_months,
        rates_toml=settings.rates_file.read_bytes() if settings.rates_file else None,
    )


def bootstrap(settings: Settings | None = None) -> Services:
    settings = settings or load_settings()
    _ensure_sqlite_folder(settings.database_url)
    store = Store.from_url(settings.database_url)
    store.upgrade()
    return Services(settings=settings, store=store, policy=policy_of(settings))


def _ensure_sqlite_folder(url: str) -> None:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)


def _ensure_sample_maildir(settings: Settings) -> None:
    """The embedded default (CONTRACT.md): a copy under var/ of the shipped sample Maildir, so
    the shipped one stays as it is. Only when CLAIMS_MAILBOX is the default and absent."""
    default = f"maildir://{Path('var').resolve() / 'maildir'}"
    target = Path("var") / "maildir"
    if settings.mailbox == default and not target.exists() and SAMPLE_MAILDIR.is_dir():
        shutil.copytree(SAMPLE_MAILDIR, target)
