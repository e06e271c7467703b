"""One validated settings object, loaded once (CONTRACT.md "Configuration").

Environment variables win over a `claims.toml` in the working directory. The core never reads
the environment: `app` turns these settings into a `claims.policy.Policy` and adapters.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, FilePath, SecretStr, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_MAILDIR = PROJECT_ROOT / "samples" / "maildir"


class _TomlSource(PydanticBaseSettingsSource):
    """`claims.toml` (keys as the variables without the CLAIMS_ prefix, any case)."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path) -> None:
        super().__init__(settings_cls)
        self._data: dict[str, Any] = {}
        if path.is_file():
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
            self._data = {k.lower().removeprefix("claims_"): v for k, v in raw.items()}

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._data.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMS_", extra="ignore", frozen=True)

    database_url: str = Field(default_factory=lambda: f"sqlite:///{Path('var').resolve() / 'claims.db'}")
    mailbox: str = Field(default_factory=lambda: f"maildir://{Path('var').resolve() / 'maildir'}")
    outbox: str = Field(default_factory=lambda: f"dir://{Path('var').resolve() / 'outbox'}")
    from_address: str = "jobcenter@albertslund.dk"
    today: dt.date | None = None
    pool_hours: Decimal = Decimal("100")
    max_weekly_hours: Decimal = Decimal("10")
    max_months: int = 12
    four_eyes_above: Decimal = Decimal("15000")
    hourly_rate_range: str = "100-400"
    late_months: int = 3
    final_settlement_months: int = 3
    reminder_days: int = 7
    max_attachment_mb: Decimal = Decimal("25")
    rates_file: Path | None = None
    poll_seconds: int = 30  # the daemon's poll interval where the server offers no IDLE
    message_seconds: Decimal = Decimal("120")  # the time budget to parse one message; 0: none
    # PEM CA certificate(s) trusted besides the system's, for IMAP and SMTP TLS (an internal CA)
    tls_ca_file: FilePath | None = None
    # OAuth2 for IMAP and SMTP (`?auth=xoauth2|oauthbearer` on the URL; docs/operations.md
    # "Microsoft 365"): who issues the access tokens, and the app registration's credentials.
    oauth2_provider: Literal["", "msal", "command"] = ""
    oauth2_tenant: str = ""
    oauth2_client_id: str = ""
    oauth2_client_secret: SecretStr | None = None  # best from the environment; never logged
    oauth2_client_secret_file: FilePath | None = None  # or a file holding it (systemd credentials)
    oauth2_certificate_file: FilePath | None = None  # PEM: the private key and its certificate
    oauth2_scope: str = "https://outlook.office365.com/.default"
    oauth2_authority: str = ""  # default https://login.microsoftonline.com/<tenant>
    oauth2_command: str = ""  # the "command" provider: prints an access token (or JSON) on stdout
    # Prometheus metrics on 127.0.0.1 (docs/operations.md "Metrics"); unset: not served
    metrics_port: int | None = Field(default=None, ge=1, le=65535)  # `claims run` (worker k: port + k)
    review_metrics_port: int | None = Field(default=None, ge=1, le=65535)  # `claims serve`
    # `claims status`: a message still in the mailbox after this long needs a person
    status_waiting_minutes: int = Field(default=60, ge=1)

    @field_validator("today", "tls_ca_file", "oauth2_client_secret", "oauth2_client_secret_file",
                     "oauth2_certificate_file", "metrics_port", "review_metrics_port", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if value in ("", None) else value

    @field_validator("hourly_rate_range")
    @classmethod
    def _range(cls, value: str) -> str:
        low, sep, high = value.partition("-")
        if not sep or Decimal(low) > Decimal(high):
            raise ValueError("CLAIMS_HOURLY_RATE_RANGE must look like 100-400")
        return value

    @property
    def hourly_rate_bounds(self) -> tuple[Decimal, Decimal]:
        low, _, high = self.hourly_rate_range.partition("-")
        return Decimal(low.strip()), Decimal(high.strip())

    @property
    def max_attachment_bytes(self) -> int:
        return int(self.max_attachment_mb * 1024 * 1024)

    def effective_today(self) -> dt.date:
        """`CLAIMS_TODAY` when set, else the real date (the one place the clock is read)."""
        return self.today or dt.date.today()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlSource(settings_cls, Path("claims.toml")))


def load_settings() -> Settings:
    return Settings()
