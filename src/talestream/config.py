"""Settings from `TALESTREAM_*` environment variables (and an optional `.env` file).

Defaults run fully offline on one machine: SQLite under the data directory, the bundled local model,
and a development secret that is generated once and persisted so tokens survive restarts.
"""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from talestream.children.schemas import Language

ENV_PREFIX = "TALESTREAM_"
SECRET_FILE_NAME = "secret_key"


class ConfigError(RuntimeError):
    """A setting is invalid; the message names the environment variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", extra="ignore", frozen=True
    )

    env: Literal["development", "production", "test"] = "development"
    data_dir: Path = Path("data")
    database_url: str = ""
    auto_migrate: bool = True
    # Development generates and persists a secret in the data directory; production must set one.
    secret_key: SecretStr | None = None

    access_token_ttl_seconds: int = Field(900, ge=30, le=86_400)
    refresh_token_ttl_days: int = Field(30, ge=1, le=365)
    session_ttl_hours: int = Field(24 * 14, ge=1, le=24 * 365)
    # Unset: Secure in production (cookies only over HTTPS), not in development on plain HTTP.
    cookie_secure: bool | None = None
    cookie_samesite: Literal["lax", "strict"] = "lax"
    cors_origins: Annotated[list[str], NoDecode] = []

    llm_provider: Literal["local", "openai", "scripted"] = "local"
    local_model_path: Path | None = None
    local_threads: int = Field(2, ge=1, le=256)
    local_context_size: int = Field(2048, ge=256, le=32_768)
    # The languages the local model writes well enough for a child. The bundled 135M model writes
    # English only (docs/quality.md); a bigger GGUF may be trusted with more, e.g. "en,es,fr".
    local_languages: Annotated[list[Language], NoDecode] = ["en"]
    openai_base_url: str | None = None
    openai_api_key: SecretStr | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout_seconds: float = Field(120.0, gt=0)
    # Unset: sized to the child (shorter chapters for younger readers). Set: a fixed cap.
    max_story_tokens: int | None = Field(None, ge=16, le=100_000)
    scripted_token_delay_ms: float = Field(0.0, ge=0)
    scripted_text_file: Path | None = None
    scripted_follows_brief: bool = False  # judge scripts by the brief too (tests of the gate)

    safety_max_attempts: int = Field(3, ge=1, le=10)
    # The sentence encoder (docs/safety.md, layer 9) on whole chapters and request fields: a
    # small offline neural model, ~0.2 s to load and milliseconds a text. Off: the other layers.
    safety_encoder: bool = True
    # Optional model-based moderator on top of the offline policy (docs/safety.md).
    moderation: Literal["none", "openai", "llama_guard"] = "none"
    moderation_base_url: str | None = None  # default: TALESTREAM_OPENAI_BASE_URL
    moderation_api_key: SecretStr | None = None  # default: TALESTREAM_OPENAI_API_KEY
    moderation_model: str | None = None  # e.g. omni-moderation-latest, llama-guard3:1b
    # Rate limits (the `limits` library's syntax). Storage: memory for one process, Redis
    # (redis://host:6379/0) when several workers or hosts must share the counts.
    rate_limit_storage: str = "memory://"
    rate_limit_login: str = "10/minute"  # per client address and email
    # Per client address across all emails: one address spraying many accounts.
    rate_limit_login_address: str = "30/minute;300/hour"
    rate_limit_register: str = "5/hour;20/day"  # per client address
    rate_limit_password_check: str = "5/minute;20/hour"  # current_password checks per account
    rate_limit_generate: str = "12/minute;300/day"
    # Proxies whose X-Forwarded-For/-Proto are believed (uvicorn's forwarded_allow_ips syntax:
    # comma-separated addresses or networks, "*" for any). Empty: nobody's, the socket peer is
    # the client. Trusting a proxy that is not there lets anyone pick their address.
    forwarded_allow_ips: str = ""

    stream_heartbeat_seconds: float = Field(15.0, gt=0, le=15.0)
    stream_send_timeout_seconds: float = Field(30.0, gt=0)
    # Story runs (docs/streaming.md, "Resuming"): how long a run with no reader goes on before
    # it is cancelled (0: at once), and the reconnect delay sent to EventSource as `retry:`.
    stream_resume_grace_seconds: float = Field(20.0, ge=0, le=600)
    stream_retry_ms: int = Field(2000, ge=100, le=60_000)
    # Shared run log, reader presence and stop requests across workers; unset: in this process.
    redis_url: str | None = None
    run_ttl_seconds: int = Field(600, ge=10, le=7 * 86_400)
    run_max_events: int = Field(10_000, ge=100, le=1_000_000)
    run_lease_seconds: float = Field(5.0, ge=1, le=300)
    # "json": one JSON object per log line, with request and run ids (docs/deploy.md).
    log_format: Literal["text", "json"] = "text"
    # On SIGTERM: refuse new runs (503), let running ones finish for this long, end the rest.
    drain_seconds: float = Field(60.0, ge=0, le=3600)

    # Password reset mail: smtp://user:pass@host:587?starttls=true, or smtps:// (implicit TLS).
    # Unset in development: the reset link is written to the log instead.
    smtp_url: SecretStr | None = None
    smtp_from: str = "talestream <no-reply@localhost>"
    smtp_timeout_seconds: float = Field(15.0, gt=0)
    # Where parents open the web app; reset links point here.
    public_url: str = "http://127.0.0.1:8000"
    password_reset_ttl_minutes: int = Field(30, ge=5, le=24 * 60)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("local_languages", mode="before")
    @classmethod
    def _split_languages(cls, value: object) -> object:
        if isinstance(value, str):
            return [code.strip().lower() for code in value.split(",") if code.strip()]
        return value

    @field_validator("local_languages")
    @classmethod
    def _some_language(cls, value: list[Language]) -> list[Language]:
        if not value:
            raise ValueError('name at least one language, e.g. "en" or "en,es"')
        return list(dict.fromkeys(value))

    @field_validator(
        "rate_limit_login",
        "rate_limit_login_address",
        "rate_limit_register",
        "rate_limit_password_check",
        "rate_limit_generate",
    )
    @classmethod
    def _limits_syntax(cls, value: str) -> str:
        from limits import parse_many

        try:
            parse_many(value)
        except ValueError:
            raise ValueError(
                'use the limits syntax, e.g. "10/minute" or "12/minute;300/day"'
            ) from None
        return value

    @field_validator("rate_limit_storage")
    @classmethod
    def _storage_scheme(cls, value: str) -> str:
        if not value.startswith(("memory://", "redis://", "rediss://")):
            raise ValueError("use memory:// or redis://host:6379/0")
        return value

    @field_validator("smtp_url")
    @classmethod
    def _smtp_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(("smtp://", "smtps://")):
            raise ValueError("use smtp://user:pass@host:587?starttls=true or smtps://host:465")
        return value

    @field_validator("public_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("use the web app's address, e.g. https://stories.example.org")
        return value.rstrip("/")

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("use redis://host:6379/0 (or rediss:// for TLS)")
        return value or None

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, value: str) -> str:
        if value and not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError(
                "use sqlite+aiosqlite:///path/to/file.db or postgresql+asyncpg://user:pass@host/db"
            )
        return value

    @model_validator(mode="after")
    def _production_needs_secret(self) -> Settings:
        if self.env == "production" and self.secret_key is None:
            raise ValueError("TALESTREAM_SECRET_KEY must be set when TALESTREAM_ENV=production")
        if self.env == "production" and self.cookie_secure is False:
            raise ValueError(
                "TALESTREAM_COOKIE_SECURE=false is not allowed when TALESTREAM_ENV=production: "
                "session cookies must only travel over HTTPS"
            )
        if self.secret_key is not None and len(self.secret_key.get_secret_value()) < 32:
            raise ValueError("TALESTREAM_SECRET_KEY must be at least 32 characters")
        if self.llm_provider == "openai" and not self.openai_base_url and not self.openai_api_key:
            raise ValueError(
                "TALESTREAM_LLM_PROVIDER=openai needs TALESTREAM_OPENAI_BASE_URL "
                "(Ollama, vLLM, llama.cpp server) or TALESTREAM_OPENAI_API_KEY (OpenAI)"
            )
        moderation_server = self.moderation_base_url or self.openai_base_url
        moderation_key = self.moderation_api_key or self.openai_api_key
        if self.moderation == "openai" and not moderation_server and not moderation_key:
            raise ValueError(
                "TALESTREAM_MODERATION=openai needs TALESTREAM_MODERATION_API_KEY (or "
                "TALESTREAM_OPENAI_API_KEY), or TALESTREAM_MODERATION_BASE_URL"
            )
        if self.moderation == "llama_guard" and not moderation_server:
            raise ValueError(
                "TALESTREAM_MODERATION=llama_guard needs TALESTREAM_MODERATION_BASE_URL (or "
                "TALESTREAM_OPENAI_BASE_URL): the server that runs the Llama Guard model"
            )
        return self

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is None:
            return self.env == "production"
        return self.cookie_secure

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'talestream.db').resolve()}"

    @cached_property
    def signing_key(self) -> str:
        """The JWT/session signing secret: configured, or generated once per data directory."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        path = self.data_dir / SECRET_FILE_NAME
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.touch(mode=0o600)
        path.write_text(key)
        return key


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning validation errors into one message that names each variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else ""
            name = f"{ENV_PREFIX}{field.upper()}" if field else "settings"
            given = error.get("input")
            shown = "" if isinstance(given, dict) or field == "secret_key" else f" (got {given!r})"
            lines.append(f"{name}: {error['msg']}{shown}")
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(lines)) from None
