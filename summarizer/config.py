"""Configuration: the commented TOML defaults in config/, overridden by environment variables."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from summarizer.errors import InputError

DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "config" / "briefing.toml"
FALLBACK_DATABASE_URL = "sqlite:///briefing.db"

# Environment variable -> (section, key, parser)
_ENV_OVERRIDES: dict[str, tuple[str, str, type]] = {
    "BRIEFING_SUMMARY_METHOD": ("summaries", "method", str),
    "BRIEFING_SUMMARY_SENTENCES": ("summaries", "sentences", int),
    "BRIEFING_DIGEST_WORDS": ("summaries", "digest_words", int),
    "BRIEFING_FETCH_TIMEOUT": ("ingest", "timeout_seconds", float),
    "BRIEFING_MAX_BYTES": ("ingest", "max_bytes", int),
    "BRIEFING_POLL_MINUTES": ("feeds", "poll_minutes", float),
    "BRIEFING_GRACE_MINUTES": ("bot", "grace_minutes", float),
    "BRIEFING_RETENTION_DAYS": ("store", "retention_days", int),
}
DEFAULT_RETENTION_DAYS = 90


def load_config(
    path: Path | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Load the TOML defaults and apply environment overrides.

    Args:
        path: the TOML file; default BRIEFING_CONFIG or config/briefing.toml of the checkout.
        environ: the environment to read (default os.environ).

    Returns:
        The configuration as nested dicts, one per TOML section.
    """
    env = os.environ if environ is None else environ
    chosen = path or (Path(env["BRIEFING_CONFIG"]) if env.get("BRIEFING_CONFIG") else None)
    config: dict[str, Any] = {}
    candidate = chosen or DEFAULT_CONFIG
    if candidate.is_file():
        try:
            config = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{candidate}: not valid TOML: {exc}") from exc
    elif chosen is not None:
        raise InputError(f"{chosen}: configuration file not found")
    for name, (section, key, parse) in _ENV_OVERRIDES.items():
        if env.get(name):
            try:
                config.setdefault(section, {})[key] = parse(env[name])
            except ValueError as exc:
                raise InputError(f"{name}={env[name]!r} is not a valid {parse.__name__}") from exc
    if env.get("BRIEFING_ALLOW_PRIVATE_ADDRESSES"):
        allowed = env["BRIEFING_ALLOW_PRIVATE_ADDRESSES"].lower() in {"1", "true", "yes"}
        config.setdefault("ingest", {})["allow_private_addresses"] = allowed
    return config


def section(config: Mapping[str, Any], name: str) -> dict[str, Any]:
    """Return one section of the configuration (empty when absent)."""
    value = config.get(name, {})
    return dict(value) if isinstance(value, Mapping) else {}


def database_url(
    config: Mapping[str, Any], override: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """Pick the database URL: --db, then DATABASE_URL, then the config file, then SQLite.

    A value without a scheme is a SQLite file path (``--db news.db`` is ``sqlite:///news.db``).
    """
    env = os.environ if environ is None else environ
    if override:
        return as_database_url(override)
    if env.get("DATABASE_URL"):
        return as_database_url(env["DATABASE_URL"])
    return as_database_url(str(section(config, "database").get("url") or FALLBACK_DATABASE_URL))


def as_database_url(value: str) -> str:
    """A SQLAlchemy URL for a URL or a plain file path (a path becomes a SQLite URL)."""
    if "://" in value or not value.strip():
        return value
    return f"sqlite:///{value}"


def retention_days(config: Mapping[str, Any]) -> int:
    """Days of articles kept: store.retention_days (default 90; 0 keeps everything).

    Raises:
        InputError: the value is not a whole number of days, or is negative.
    """
    raw = section(config, "store").get("retention_days", DEFAULT_RETENTION_DAYS)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise InputError(
            f"store.retention_days = {raw!r}: give a whole number of days (0 keeps everything)"
        )
    return raw
